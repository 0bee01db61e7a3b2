//! The human report: a miette diagnostic per conflict (error) and variant
//! (warning) with a label in every source it cites, agreements one line each,
//! unmatched facts on request, and a summary line.

use super::{Outcome, Printer, Show};
use crate::judge::Verdict;
use crate::judge::{Checked, Finding};
use crate::rules::Severity;
use crate::source::Source;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

pub struct Human {
    pub color: bool,
    pub width: usize,
    pub show: Show,
}

/// A source as miette reads it, but from the lines around each span: miette
/// reads a plain string from its first byte to find line numbers, which made
/// the report quadratic in the size of the sources (every label re-read the
/// file up to its span). Here the source's line index finds the lines, and
/// miette reads only those, so the output is the same, in time independent
/// of where in the file the span is.
struct Lines<'s>(&'s Source);

impl fmt::Debug for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lines({})", self.0.path)
    }
}

impl SourceCode for Lines<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = self.0;
        let end = span.offset() + span.len();
        if end > src.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // Whole lines from one more than `before` lines above the span (miette
        // looks at the line break before a span) to a little past `after` below it.
        let first = src.line_index(span.offset()).saturating_sub(before + 1);
        let (from, to) = (
            src.line_start(first),
            src.line_start(src.line_index(end) + after + 2),
        );
        let inner = src.text[from..to].read_span(
            &SourceSpan::new((span.offset() - from).into(), span.len()),
            before,
            after,
        )?;
        Ok(Box::new(MietteSpanContents::new_named(
            src.path.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        )))
    }
}

/// One claim in one source, shown as a related diagnostic.
#[derive(Debug)]
struct ClaimDiag<'s> {
    title: String,
    src: Lines<'s>,
    label: LabeledSpan,
}

impl fmt::Display for ClaimDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}
impl std::error::Error for ClaimDiag<'_> {}
impl Diagnostic for ClaimDiag<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

#[derive(Debug)]
struct FindingDiag<'s> {
    code: String,
    message: String,
    severity: miette::Severity,
    help: String,
    src: Lines<'s>,
    label: LabeledSpan,
    related: Vec<ClaimDiag<'s>>,
}

impl fmt::Display for FindingDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for FindingDiag<'_> {}
impl Diagnostic for FindingDiag<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn diag<'s>(f: &Finding, sources: &'s [Source]) -> FindingDiag<'s> {
    let label = |i: usize| {
        let c = &f.claims[i];
        LabeledSpan::new(Some(c.display.to_string()), c.start, c.end - c.start)
    };
    let first = &f.claims[0];
    let mut help = f
        .claims
        .iter()
        .map(|c| {
            format!(
                "{}:{}:{} says {}",
                sources[c.source].path, c.line, c.column, c.display
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(d) = &f.diff {
        help.push_str(&format!("\nword diff: {d}"));
    }
    if !f.help.is_empty() {
        help.push('\n');
        help.push_str(f.help.trim());
    }
    help.push_str(&format!("\nsee: concur explain {}", f.rule));
    FindingDiag {
        code: f.rule.clone(),
        message: f.message.clone(),
        severity: match f.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        },
        help,
        src: Lines(&sources[first.source]),
        label: label(0),
        related: (1..f.claims.len())
            .map(|i| {
                let c = &f.claims[i];
                ClaimDiag {
                    title: format!(
                        "{}:{}:{}: “{}”",
                        sources[c.source].path, c.line, c.column, c.text
                    ),
                    src: Lines(&sources[c.source]),
                    label: label(i),
                }
            })
            .collect(),
    }
}

fn quote(sources: &[Source], c: &crate::judge::Claim) -> String {
    format!(
        "“{}” ({}:{}:{})",
        c.text.replace('\n', " "),
        sources[c.source].path,
        c.line,
        c.column
    )
}

/// A control character a terminal would act on (escape sequences, bells,
/// backspaces) written visibly instead: `\u{1b}`. Line breaks and tabs stay.
fn is_hidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The sources and findings of a run with every control character written
/// visibly, spans and positions moved to match: a source that contains
/// `ESC ] 0 ; … BEL` must not retitle the reader's terminal when quoted.
/// Borrowed unchanged (no copy) when no source has one.
fn shown(run: &Checked) -> Option<(Vec<Source>, Vec<Finding>)> {
    if !run.sources.iter().any(|s| s.text.chars().any(is_hidden)) {
        return None;
    }
    // Per source: the new text, and for each hidden character its end offset and the growth so far.
    let mut shifts: Vec<Vec<(usize, usize)>> = Vec::new();
    let sources: Vec<Source> = run
        .sources
        .iter()
        .map(|s| {
            let mut grow = Vec::new();
            let mut total = 0;
            for (i, c) in s.text.char_indices().filter(|&(_, c)| is_hidden(c)) {
                total += c.escape_unicode().to_string().len() - c.len_utf8();
                grow.push((i + c.len_utf8(), total));
            }
            shifts.push(grow);
            let text = visible(&s.text).into_owned();
            let mut v = Source::from_text(&visible(&s.path), text).unwrap_or_else(|_| s.clone());
            v.meta = s.meta.clone();
            v
        })
        .collect();
    let map = |source: usize, off: usize| {
        let g = &shifts[source];
        let k = g.partition_point(|&(end, _)| end <= off);
        off + if k == 0 { 0 } else { g[k - 1].1 }
    };
    let findings = run
        .analysis
        .findings
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.message = visible(&f.message).into_owned();
            f.topic = visible(&f.topic).into_owned();
            f.diff = f.diff.as_deref().map(|d| visible(d).into_owned());
            for c in &mut f.claims {
                (c.start, c.end) = (map(c.source, c.start), map(c.source, c.end));
                (c.line, c.column) = sources[c.source].line_col(c.start);
                c.text = visible(&c.text).into_owned();
                c.display = visible(&c.display).into_owned();
            }
            f
        })
        .collect();
    Some((sources, findings))
}

impl Human {
    fn print_run(
        &self,
        run: &Checked,
        handler: &GraphicalReportHandler,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let safe = shown(run);
        let (findings, sources) = match &safe {
            Some((s, f)) => (f.as_slice(), s.as_slice()),
            None => (run.analysis.findings.as_slice(), run.sources.as_slice()),
        };
        let a = &run.analysis;
        if let Some(g) = &run.group {
            writeln!(
                out,
                "── group {g}: {} ──",
                sources
                    .iter()
                    .map(|s| s.path.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
        for f in findings
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Conflict | Verdict::Variant) && !f.baselined)
        {
            let mut s = String::new();
            handler
                .render_report(&mut s, &diag(f, sources))
                .map_err(io::Error::other)?;
            writeln!(out, "{}", s.trim_end())?;
            writeln!(out)?;
        }
        if self.show.agree {
            for f in findings.iter().filter(|f| f.verdict == Verdict::Agree) {
                let quotes: Vec<String> = f.claims.iter().map(|c| quote(sources, c)).collect();
                writeln!(out, "agree[{}] {}: {}", f.rule, f.topic, quotes.join(" = "))?;
            }
        }
        if self.show.unmatched {
            for f in findings.iter().filter(|f| f.verdict == Verdict::Unmatched) {
                writeln!(
                    out,
                    "unmatched[{}] {}: {}",
                    f.rule,
                    f.topic,
                    quote(sources, &f.claims[0])
                )?;
            }
        }
        let s = &a.summary;
        let baselined = if s.baselined > 0 {
            format!(" · {} baselined", s.baselined)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} sources · {} facts aligned · {} agree · {} variant · {} conflict · {} unmatched{baselined}",
            a.sources.len(),
            a.aligned(),
            s.agree,
            s.variant,
            s.conflict,
            s.unmatched
        )
    }
}

impl Printer for Human {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false);
        for (i, run) in outcome.runs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            self.print_run(run, &handler, out)?;
        }
        for e in outcome.stale {
            let group = e
                .group
                .as_ref()
                .map(|g| format!(" (group {g})"))
                .unwrap_or_default();
            writeln!(
                out,
                "stale baseline entry {}{group}: [{}] {} is no longer found",
                e.fingerprint, e.rule, e.topic
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Lines` gives miette exactly what reading the whole file would, for
    /// every span and context size, whatever the line endings.
    #[test]
    fn lines_read_like_the_whole_file() {
        let text = "\u{feff}Head line\r\nsecond, 12 boats\r\rthird\n\nfourth has 40 people\nlast";
        let src = Source::from_text("t.md", text.to_string()).unwrap();
        let whole = src.text.as_str();
        let lines = Lines(&src);
        for start in 0..whole.len() {
            for len in [0, 1, 5, 14] {
                if start + len > whole.len()
                    || !whole.is_char_boundary(start)
                    || !whole.is_char_boundary(start + len)
                {
                    continue;
                }
                let span = SourceSpan::new(start.into(), len);
                for (before, after) in [(0, 0), (1, 1), (2, 3)] {
                    let ours = lines.read_span(&span, before, after).unwrap();
                    let theirs = whole.read_span(&span, before, after).unwrap();
                    let key = |c: &dyn SpanContents| {
                        (
                            c.data().to_vec(),
                            *c.span(),
                            c.line(),
                            c.column(),
                            c.line_count(),
                        )
                    };
                    assert_eq!(
                        key(&*ours),
                        key(&*theirs),
                        "span {start}+{len}, context {before}/{after}"
                    );
                    assert_eq!(ours.name(), Some("t.md"));
                }
            }
        }
    }
}
