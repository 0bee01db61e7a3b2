//! Sources: the documents being compared.
//!
//! A source is read once, as bytes, and every later stage refers back to it by
//! byte offset. Offsets are always into the file *as given* (front matter and
//! BOM included) so that a span printed by any report can be cut out of the
//! original file unchanged. Line and column numbers are derived here, once, from
//! a table of line starts; `\n`, `\r\n` and a lone `\r` all end a line.

use jiff::civil::Date;
use miette::{Diagnostic, NamedSource, SourceSpan};
use std::path::Path;
use thiserror::Error;

/// Metadata a source may carry in front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub published: Option<Date>,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// One loaded document.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path (or name) exactly as the user gave it.
    pub path: String,
    pub text: String,
    /// Byte offset where the body starts (after BOM and front matter).
    pub body_start: usize,
    pub meta: Meta,
    line_starts: Vec<usize>,
    /// Regions where findings are suppressed, with the rules (empty: all).
    suppressions: Vec<(std::ops::Range<usize>, Vec<String>)>,
    /// (byte offset, column in characters) about every [`CHECKPOINT`] bytes, so
    /// a column on a very long line is counted from nearby, not from its start.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between column checkpoints.
const CHECKPOINT: usize = 4096;

/// Why a source could not be loaded.
#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(concur::source::io))]
    Io { path: String, reason: String },

    #[error("`{path}` is a directory, not a text file")]
    #[diagnostic(
        code(concur::source::directory),
        help("pass the files inside it, e.g. `{path}/*.md`")
    )]
    Directory { path: String },

    #[error("`{path}` is not valid UTF-8 (invalid byte at offset {offset})")]
    #[diagnostic(
        code(concur::source::encoding),
        help("concur reads UTF-8 text; convert the file, e.g. with `iconv -t UTF-8`")
    )]
    Encoding { path: String, offset: usize },

    #[error("`{path}` is {size_mb:.1} MB, more than the {limit_mb:.0} MB a source may be")]
    #[diagnostic(
        code(concur::source::too_large),
        help(
            "a source this large is usually a log or a data dump given by mistake; raise the limit with --max-source-mb"
        )
    )]
    TooLarge {
        path: String,
        size_mb: f64,
        limit_mb: f64,
    },

    #[error("`{path}` is {size_mb:.1} MB, more than the 4,294 MB concur can read in one source")]
    #[diagnostic(
        code(concur::source::too_large),
        help("concur keeps 32-bit byte offsets into a source; split the file")
    )]
    BeyondOffsets { path: String, size_mb: f64 },

    #[error("`{path}` has no text to check ({what})")]
    #[diagnostic(
        code(concur::source::empty),
        help(
            "give concur documents with text; an empty file is usually a failed download or export"
        )
    )]
    Empty { path: String, what: &'static str },

    #[error("`{path}` looks binary (NUL byte at offset {offset})")]
    #[diagnostic(
        code(concur::source::binary),
        help("concur reads text and Markdown files")
    )]
    Binary { path: String, offset: usize },

    #[error("front matter in `{path}` never closes")]
    #[diagnostic(
        code(concur::source::front_matter),
        help("end the block with a line holding only `{fence}`")
    )]
    UnclosedFrontMatter {
        path: String,
        fence: &'static str,
        #[source_code]
        src: std::sync::Arc<NamedSource<String>>,
        #[label("front matter opens here")]
        at: SourceSpan,
    },

    #[error("bad front matter in `{path}`: {reason}")]
    #[diagnostic(code(concur::source::front_matter))]
    BadFrontMatter {
        path: String,
        reason: String,
        #[source_code]
        src: std::sync::Arc<NamedSource<String>>,
        #[label("{reason}")]
        at: SourceSpan,
    },
}

/// Whether a text of `len` bytes can be read: token offsets are 32-bit.
fn within_offsets(path: &str, len: usize) -> Result<(), SourceError> {
    if len > crate::text::MAX_TEXT_BYTES {
        return Err(SourceError::BeyondOffsets {
            path: path.to_string(),
            size_mb: len as f64 / 1e6,
        });
    }
    Ok(())
}

/// What identifies a file whatever way its path is written (`a.md`,
/// `./a.md`, a symbolic link to it): its canonical path, or the path as given
/// when it cannot be resolved (the read then reports the error).
pub fn identity(path: &str) -> std::path::PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| std::path::PathBuf::from(path))
}

impl Source {
    /// Read a source from disk (`-`: standard input), refusing more than
    /// `max_bytes`.
    pub fn load(path: &str, max_bytes: u64) -> Result<Source, SourceError> {
        if path == "-" {
            return Source::read_from(path, std::io::stdin().lock(), 0, max_bytes);
        }
        let p = Path::new(path);
        if p.is_dir() {
            return Err(SourceError::Directory {
                path: path.to_string(),
            });
        }
        let too_large = |size: u64| SourceError::TooLarge {
            path: path.to_string(),
            size_mb: size as f64 / 1e6,
            limit_mb: max_bytes as f64 / 1e6,
        };
        if let Ok(meta) = std::fs::metadata(p)
            && meta.len() > max_bytes
        {
            return Err(too_large(meta.len()));
        }
        // The metadata length is 0 for devices, pipes and process
        // substitutions (`/dev/zero`, `<(…)`): the limit holds for what is
        // read, one byte past it is enough to refuse.
        let io = |e: std::io::Error| SourceError::Io {
            path: path.to_string(),
            reason: io_reason(&e),
        };
        let file = std::fs::File::open(p).map_err(io)?;
        // A regular file's length is a good guess; a device's 0 is not.
        let guess = file.metadata().map_or(0, |m| m.len());
        Source::read_from(path, file, guess, max_bytes)
    }

    /// Read a source from any reader (a file, standard input as `-`),
    /// never more than one byte past `max_bytes`.
    pub fn read_from(
        path: &str,
        reader: impl std::io::Read,
        guess: u64,
        max_bytes: u64,
    ) -> Result<Source, SourceError> {
        let too_large = |size: u64| SourceError::TooLarge {
            path: path.to_string(),
            size_mb: size as f64 / 1e6,
            limit_mb: max_bytes as f64 / 1e6,
        };
        let io = |e: std::io::Error| SourceError::Io {
            path: path.to_string(),
            reason: io_reason(&e),
        };
        // Never more than a source can hold, whatever the limit says.
        let limit = max_bytes.min(crate::text::MAX_TEXT_BYTES as u64);
        let guess = guess.min(limit.saturating_add(1));
        let mut bytes = Vec::with_capacity(usize::try_from(guess).unwrap_or(0));
        use std::io::Read;
        reader
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(bytes.len() as u64));
        }
        within_offsets(path, bytes.len())?;
        let empty = bytes.is_empty();
        let src = Source::from_bytes(path, bytes)?;
        if src.body().trim().is_empty() {
            let what = if empty {
                "the file is empty"
            } else if src.body_start > 3 {
                "only front matter"
            } else {
                "only white space"
            };
            return Err(SourceError::Empty {
                path: path.to_string(),
                what,
            });
        }
        Ok(src)
    }

    /// Build a source from bytes already in memory.
    pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<Source, SourceError> {
        if let Some(offset) = memchr_nul(&bytes) {
            return Err(SourceError::Binary {
                path: path.to_string(),
                offset,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| SourceError::Encoding {
            path: path.to_string(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Source::from_text(path, text)
    }

    /// An inline source (`concur batch`): its text exactly as given, and its
    /// publication date as data (`YYYY-MM-DD`), never pasted into the text.
    pub fn inline(
        name: &str,
        text: String,
        published: Option<&str>,
    ) -> Result<Source, SourceError> {
        if let Some(offset) = memchr_nul(text.as_bytes()) {
            return Err(SourceError::Binary {
                path: name.to_string(),
                offset,
            });
        }
        let mut src = Source::from_text(name, text)?;
        if src.body().trim().is_empty() {
            let what = if src.text.is_empty() {
                "the text is empty"
            } else if src.body_start > 3 {
                "only front matter"
            } else {
                "only white space"
            };
            return Err(SourceError::Empty {
                path: name.to_string(),
                what,
            });
        }
        if let Some(p) = published {
            let date = Some(p)
                .filter(|p| p.len() == 10)
                .and_then(parse_date)
                .ok_or_else(|| SourceError::BadFrontMatter {
                    path: name.to_string(),
                    reason: format!("`published` is {p:?}; write it as YYYY-MM-DD"),
                    src: std::sync::Arc::new(NamedSource::new(name, p.to_string())),
                    at: (0..p.len()).into(),
                })?;
            src.meta.published = Some(date);
        }
        Ok(src)
    }

    /// Build a source from text already in memory.
    pub fn from_text(path: &str, text: String) -> Result<Source, SourceError> {
        within_offsets(path, text.len())?;
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (meta, body_start) = parse_front_matter(path, &text, bom)?;
        let line_starts = line_starts(&text);
        let checkpoints = checkpoints(&text, &line_starts);
        Ok(Source {
            path: path.to_string(),
            suppressions: suppressions(&text),
            text,
            body_start,
            meta,
            line_starts,
            checkpoints,
        })
    }

    /// The body: everything after front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Whether findings of `rule` at byte `offset` are suppressed by a
    /// directive in the source (see [`suppressions`]).
    pub fn suppressed(&self, offset: usize, rule: &str) -> bool {
        self.suppressions.iter().any(|(range, rules)| {
            range.contains(&offset) && (rules.is_empty() || rules.iter().any(|r| r == rule))
        })
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let (from, base) = match self.checkpoints.partition_point(|&(b, _)| b <= offset) {
            0 => (start, 0),
            i => match self.checkpoints[i - 1] {
                (b, col) if b >= start => (b, col),
                _ => (start, 0),
            },
        };
        let col = base + self.text[from..offset].chars().count() + 1;
        // A byte-order mark is not a column anyone sees.
        let bom = line == 0 && offset >= 3 && self.text.starts_with('\u{feff}');
        (line + 1, col - bom as usize)
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Where 0-based line `line` starts; the end of the text past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Column checkpoints, computed in one pass over the text.
fn checkpoints(text: &str, line_starts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut next_line = 1;
    let mut col = 0;
    let mut next_mark = CHECKPOINT;
    for (b, _) in text.char_indices() {
        while next_line < line_starts.len() && line_starts[next_line] <= b {
            if line_starts[next_line] == b {
                col = 0;
            }
            next_line += 1;
        }
        if b >= next_mark {
            out.push((b, col));
            next_mark = b + CHECKPOINT;
        }
        col += 1;
    }
    out
}

fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Lines of `text` from `from`, each as (start, end-without-terminator, next-start).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = pos;
        while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
            end += 1;
        }
        let next = if end < bytes.len() && bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n')
        {
            end + 2
        } else if end < bytes.len() {
            end + 1
        } else {
            end
        };
        pos = next;
        Some((start, end, next))
    })
}

fn parse_front_matter(path: &str, text: &str, from: usize) -> Result<(Meta, usize), SourceError> {
    let mut lines = lines_from(text, from);
    let Some((s, e, after_open)) = lines.next() else {
        return Ok((Meta::default(), from));
    };
    let fence: &'static str = match text[s..e].trim_end() {
        "+++" => "+++",
        "---" => "---",
        _ => return Ok((Meta::default(), from)),
    };
    let close = lines.find(|&(ls, le, _)| text[ls..le].trim_end() == fence);
    let Some((close_start, _, body_start)) = close else {
        return Err(SourceError::UnclosedFrontMatter {
            path: path.to_string(),
            fence,
            src: std::sync::Arc::new(NamedSource::new(path, text.to_string())),
            at: (s, e - s).into(),
        });
    };
    let block = &text[after_open..close_start];
    let bad = |reason: String, at: (usize, usize)| SourceError::BadFrontMatter {
        path: path.to_string(),
        reason,
        src: std::sync::Arc::new(NamedSource::new(path, text.to_string())),
        at: at.into(),
    };
    let mut meta = Meta::default();
    if fence == "+++" {
        // TOML knows "\n" and "\r\n" as line ends, not a lone "\r" (old Mac
        // files): read it as "\n", one byte for one, so spans stay put.
        let unified;
        let block = if block.contains('\r') {
            unified = block.replace('\r', "\n");
            unified.as_str()
        } else {
            block
        };
        let table: toml::Table = toml::from_str(block).map_err(|err| {
            let at = err
                .span()
                .map(|r| (after_open + r.start, r.len().max(1)))
                .unwrap_or((after_open, 1));
            bad(err.message().to_string(), at)
        })?;
        // Only the keys concur reads are looked up for positions: the
        // others are skipped without a scan, so 20,000 keys cost a parse, not
        // 20,000 searches of the block.
        for key in ["published", "title", "outlet"] {
            let Some(value) = table.get(key) else {
                continue;
            };
            let at = find_key(block, key)
                .map(|o| (after_open + o, key.len()))
                .unwrap_or((after_open, 1));
            match key {
                "published" => {
                    let raw = match value {
                        toml::Value::Datetime(d) => d.to_string(),
                        toml::Value::String(s) => s.clone(),
                        other => {
                            return Err(bad(
                                format!("`published` must be a date, found {}", other.type_str()),
                                at,
                            ));
                        }
                    };
                    meta.published = Some(parse_date(&raw).ok_or_else(|| {
                        bad(
                            format!("`published` is not a date: `{raw}` (use YYYY-MM-DD)"),
                            at,
                        )
                    })?);
                }
                "title" | "outlet" => {
                    let s = value
                        .as_str()
                        .ok_or_else(|| bad(format!("`{key}` must be a string"), at))?
                        .to_string();
                    if key == "title" {
                        meta.title = Some(s)
                    } else {
                        meta.outlet = Some(s)
                    }
                }
                _ => {} // other keys (author, url, ...) are allowed and ignored
            }
        }
    } else {
        for (ls, le, _) in lines_from(text, after_open).take_while(|&(ls, _, _)| ls < close_start) {
            let line = &text[ls..le];
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((k, v)) = line.split_once(':') else {
                return Err(bad("expected `key: value`".to_string(), (ls, le - ls)));
            };
            let key = k.trim();
            let value = v.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            let at = (ls, le - ls);
            match key {
                "published" => {
                    meta.published = Some(parse_date(&value).ok_or_else(|| {
                        bad(
                            format!("`published` is not a date: `{value}` (use YYYY-MM-DD)"),
                            at,
                        )
                    })?)
                }
                "title" => meta.title = Some(value),
                "outlet" => meta.outlet = Some(value),
                _ => {}
            }
        }
    }
    Ok((meta, body_start))
}

fn find_key(block: &str, key: &str) -> Option<usize> {
    let mut off = 0;
    for line in block.split_inclusive('\n') {
        if line.trim_start().starts_with(key) {
            return Some(off + (line.len() - line.trim_start().len()));
        }
        off += line.len();
    }
    None
}

/// Parse `YYYY-MM-DD` (a time part, if any, is ignored).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    let mut it = day.split('-');
    let y: i16 = it.next()?.parse().ok()?;
    let m: i8 = it.next()?.parse().ok()?;
    let d: i8 = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// Suppression directives, as HTML comments (invisible in rendered Markdown):
///
/// - `<!-- concur-ignore -->` or `<!-- concur-ignore people-killed, date-event -->`:
///   the next paragraph (up to the next blank line), for all rules or the ones named;
/// - `<!-- concur off -->` … `<!-- concur on -->`: a region, for all rules
///   (`<!-- concur off people-killed -->` for some), to the end of the text
///   when it is never turned back on.
pub fn suppressions(text: &str) -> Vec<(std::ops::Range<usize>, Vec<String>)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Vec<String>)> = None;
    let mut at = 0;
    while let Some(p) = text[at..].find("<!--") {
        let start = at + p;
        let Some(q) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + q + 3;
        at = end;
        let inner = text[start + 4..end - 3].trim();
        let rules = |rest: &str| -> Vec<String> {
            rest.split([',', ' '])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect()
        };
        if let Some(rest) = inner.strip_prefix("concur-ignore") {
            // The next paragraph: skip blank lines, then to the next blank line.
            let body = &text[end..];
            let lead = body.len() - body.trim_start().len();
            let from = end + lead;
            let to = text[from..]
                .find("\n\n")
                .or_else(|| text[from..].find("\r\n\r\n"))
                .map_or(text.len(), |k| from + k);
            out.push((start..to.max(end), rules(rest)));
        } else if let Some(rest) = inner.strip_prefix("concur off") {
            if open.is_none() {
                open = Some((start, rules(rest)));
            }
        } else if inner == "concur on"
            && let Some((from, rules)) = open.take()
        {
            out.push((from..end, rules));
        }
    }
    if let Some((from, rules)) = open {
        out.push((from..text.len(), rules));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_past_32_bit_offsets_is_refused_with_its_own_error() {
        let max = crate::text::MAX_TEXT_BYTES;
        assert!(within_offsets("a.md", max).is_ok());
        let err = within_offsets("a.md", max + 1).unwrap_err();
        assert!(matches!(err, SourceError::BeyondOffsets { .. }), "{err:?}");
        assert!(err.to_string().contains("`a.md`"), "{err}");
    }

    #[test]
    fn line_col_handles_crlf_and_lone_cr() {
        let s = Source::from_text("t", "ab\r\ncd\ref\nü x".into()).unwrap();
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(4), (2, 1));
        assert_eq!(s.line_col(7), (3, 1));
        assert_eq!(s.line_col(10), (4, 1));
        assert_eq!(s.line_col(13), (4, 3)); // after 'ü' (2 bytes) and a space
    }

    #[test]
    fn columns_on_long_lines_use_checkpoints() {
        let line = "é".repeat(10_000) + "x";
        let text = format!("first\r\n{line}\nlast");
        let s = Source::from_text("t", text.clone()).unwrap();
        let x = text.find('x').unwrap();
        assert_eq!(s.line_col(x), (2, 10_001));
        assert_eq!(s.line_col(text.find("last").unwrap()), (3, 1));
        for off in (7..x).step_by(997).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(s.line_col(off), (2, text[7..off].chars().count() + 1));
        }
    }

    #[test]
    fn toml_front_matter() {
        let s = Source::from_text(
            "t",
            "+++\npublished = 2014-12-17\ntitle = \"T\"\n+++\nBody".into(),
        )
        .unwrap();
        assert_eq!(s.meta.published, Some(Date::new(2014, 12, 17).unwrap()));
        assert_eq!(s.meta.title.as_deref(), Some("T"));
        assert_eq!(s.body(), "Body");
    }

    #[test]
    fn yaml_front_matter_and_bom() {
        let s = Source::from_text(
            "t",
            "\u{feff}---\r\npublished: 2018-07-15\r\nauthor: x\r\n---\r\nBody".into(),
        )
        .unwrap();
        assert_eq!(s.meta.published, Some(Date::new(2018, 7, 15).unwrap()));
        assert_eq!(s.body(), "Body");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(matches!(
            Source::from_text("t", "+++\npublished = 2014-12-17\n".into()),
            Err(SourceError::UnclosedFrontMatter { .. })
        ));
    }

    #[test]
    fn bad_published_is_an_error() {
        assert!(matches!(
            Source::from_text("t", "---\npublished: soon\n---\nx".into()),
            Err(SourceError::BadFrontMatter { .. })
        ));
    }

    #[test]
    fn nul_and_invalid_utf8() {
        assert!(matches!(
            Source::from_bytes("t", b"ab\0c".to_vec()),
            Err(SourceError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            Source::from_bytes("t", b"ab\xffc".to_vec()),
            Err(SourceError::Encoding { offset: 2, .. })
        ));
    }
}
