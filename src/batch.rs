//! `concur batch`: many clusters of reports, one JSON object per line in and
//! out, on all cores.
//!
//! Input lines are `{"id": …, "sources": [{"path": "a.md"} | {"text": "…",
//! "published": "YYYY-MM-DD", "name": "…"}]}`. Each output line is the
//! cluster's `check --format json` object with its `id` added, in input order;
//! a cluster that cannot be checked gives `{"id": …, "error": "…"}` instead
//! and the rest go on. The input is read in chunks of a few clusters per core,
//! so memory follows the largest chunk, not the size of the batch: it runs
//! under GNU parallel, Spark's `pipe` or Ray with no code of ours.

use crate::rules::RuleSet;
use crate::source::Source;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::io::{self, BufRead, Write};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cluster {
    /// Kept as written: an id past 2^53 or with many digits comes back the same.
    #[serde(default)]
    id: Option<Box<RawValue>>,
    sources: Vec<ClusterSource>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum ClusterSource {
    Path {
        path: String,
    },
    Text {
        text: String,
        #[serde(default)]
        published: Option<String>,
        #[serde(default)]
        name: Option<String>,
    },
}

/// What a batch did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub clusters: usize,
    /// Clusters with a failing finding (a conflict, by default).
    pub failing: usize,
    /// Lines that could not be checked (bad JSON, unreadable source, …).
    pub errors: usize,
}

fn load(c: &Cluster, max_bytes: u64) -> Result<Vec<Source>, String> {
    if c.sources.len() < 2 {
        return Err(format!(
            "a cluster needs at least two sources, got {}",
            c.sources.len()
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(c.sources.len());
    for (i, s) in c.sources.iter().enumerate() {
        let src = match s {
            ClusterSource::Path { path } => {
                if !seen.insert(crate::source::identity(path)) {
                    return Err(format!("`{path}` is given twice"));
                }
                Source::load(path, max_bytes).map_err(|e| e.to_string())?
            }
            ClusterSource::Text {
                text,
                published,
                name,
            } => {
                let name = name.clone().unwrap_or_else(|| format!("source-{}", i + 1));
                if !seen.insert(std::path::PathBuf::from(format!("\0inline:{name}"))) {
                    return Err(format!("`{name}` is given twice"));
                }
                // The same limit as for files: an inline text is a source too.
                if text.len() as u64 > max_bytes {
                    return Err(crate::source::SourceError::TooLarge {
                        path: name,
                        size_mb: text.len() as f64 / 1e6,
                        limit_mb: max_bytes as f64 / 1e6,
                    }
                    .to_string());
                }
                // The date is data, never pasted into text: spans stay those of `text`.
                Source::inline(&name, text.clone(), published.as_deref())
                    .map_err(|e| e.to_string())?
            }
        };
        out.push(src);
    }
    Ok(out)
}

/// An error line: the cluster's id, if one can be read, and what went wrong.
fn error_line(id: Option<&RawValue>, message: String) -> String {
    #[derive(serde::Serialize)]
    struct Error<'a> {
        id: Option<&'a RawValue>,
        error: String,
    }
    serde_json::to_string(&Error { id, error: message }).unwrap_or_default()
}

/// Check one input line (`n` counts from 1); the output line and whether it failed or errored.
fn one(
    n: usize,
    line: &Line,
    rules: &RuleSet,
    max_bytes: u64,
    deny_warnings: bool,
) -> (String, bool, bool) {
    let line = match line {
        Line::Text(t) => t,
        Line::TooLong(len) => {
            return (
                error_line(
                    None,
                    format!(
                        "line {n}: {len} bytes or more, longer than any cluster within the source size limit"
                    ),
                ),
                false,
                true,
            );
        }
        Line::Invalid { offset, id } => {
            let id = id.as_deref();
            return (
                error_line(
                    id,
                    format!(
                        "line {n}: not valid UTF-8 (invalid byte at offset {offset} of the line)"
                    ),
                ),
                false,
                true,
            );
        }
    };
    let cluster: Cluster = match serde_json::from_str(line) {
        Ok(c) => c,
        Err(e) => {
            return (
                error_line(
                    id_of(line).as_deref(),
                    format!("line {n}: not a cluster: {e}"),
                ),
                false,
                true,
            );
        }
    };
    let sources = match load(&cluster, max_bytes) {
        Ok(s) => s,
        Err(e) => {
            return (
                error_line(cluster.id.as_deref(), format!("line {n}: {e}")),
                false,
                true,
            );
        }
    };
    let analysis = crate::check(&sources, rules);
    let fails = analysis.fails(deny_warnings);
    // The `check --format json` object, in its own key order, with the id first.
    #[derive(serde::Serialize)]
    struct WithId<'a> {
        id: Option<&'a RawValue>,
        #[serde(flatten)]
        analysis: &'a crate::judge::Analysis,
    }
    let line = serde_json::to_string(&WithId {
        id: cluster.id.as_deref(),
        analysis: &analysis,
    })
    .unwrap_or_else(|e| error_line(cluster.id.as_deref(), format!("line {n}: {e}")));
    (line, fails, false)
}

/// The id of a line that is not a well-formed cluster, if it has one.
fn id_of(line: &str) -> Option<Box<RawValue>> {
    #[derive(Deserialize)]
    struct JustId {
        id: Option<Box<RawValue>>,
    }
    serde_json::from_str::<JustId>(line).ok().and_then(|j| j.id)
}

/// One input line as read: text, too long to hold, or not UTF-8.
enum Line {
    Text(String),
    TooLong(usize),
    Invalid {
        offset: usize,
        id: Option<Box<RawValue>>,
    },
}

/// Read the next line (without its newline) as bytes, holding at most
/// `limit` of them: a longer line is skipped to its end and reported, so one
/// bad line never stops the batch nor takes memory past the limit.
fn next_line(input: &mut impl BufRead, limit: usize) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(p) => (p, true),
            None => (chunk.len(), false),
        };
        if len + take <= limit {
            buf.extend_from_slice(&chunk[..take]);
        }
        len += take;
        input.consume(take + done as usize);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > limit {
        return Ok(Some(Line::TooLong(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(t) => Line::Text(t),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let id = id_of(&String::from_utf8_lossy(e.as_bytes()));
            Line::Invalid { offset, id }
        }
    }))
}

/// Run a batch from `input` to `output`. `progress` is called after each chunk
/// with the number of clusters done.
pub fn run(
    mut input: impl BufRead,
    mut output: impl Write,
    rules: &RuleSet,
    max_bytes: u64,
    deny_warnings: bool,
    first_line: usize,
    progress: &dyn Fn(usize),
) -> io::Result<Totals> {
    let threads = crate::threads();
    let chunk = threads * 4;
    let mut totals = Totals::default();
    // A line holds a cluster: a few sources of at most `max_bytes` each, and JSON around them.
    let limit = usize::try_from(
        max_bytes
            .saturating_mul(LINE_SOURCES)
            .saturating_add(1 << 20),
    )
    .unwrap_or(usize::MAX);
    // Line numbers in messages: from `first_line` (a shard of a larger file).
    let mut n = first_line.saturating_sub(1);
    loop {
        let mut batch = Vec::with_capacity(chunk);
        while let Some(line) = next_line(&mut input, limit)? {
            n += 1;
            if matches!(&line, Line::Text(t) if t.trim().is_empty()) {
                continue;
            }
            batch.push((n, line));
            if batch.len() == chunk {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        for (text, fails, error) in crate::par_map(&batch, threads, |(n, line)| {
            one(*n, line, rules, max_bytes, deny_warnings)
        }) {
            writeln!(output, "{text}")?;
            totals.clusters += 1;
            totals.failing += fails as usize;
            totals.errors += error as usize;
        }
        output.flush()?;
        progress(totals.clusters);
    }
    Ok(totals)
}

/// How many sources of the largest size a batch line may carry.
pub const LINE_SOURCES: u64 = 8;
