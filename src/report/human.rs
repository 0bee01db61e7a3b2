//! The human report: one compact block per conflict (error) and variant
//! (warning), with one labelled line in every source it cites, cut around
//! the span to the terminal's width; agreements and unmatched facts one line
//! each on request (`--show`); a summary line. `--format concise` is one line
//! per finding.

use super::{Outcome, Printer, Show};
use crate::judge::Verdict;
use crate::judge::{Checked, Claim, Finding};
use crate::rules::Severity;
use crate::source::Source;
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

pub struct Human {
    pub color: bool,
    pub width: usize,
    pub show: Show,
    /// One line per finding (`--format concise`).
    pub concise: bool,
    /// The findings and nothing else (`--quiet`).
    pub quiet: bool,
    /// Counts per rule instead of the findings (`--statistics`).
    pub statistics: bool,
}

/// Styles, or none when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
    fn severity(&self, f: &Finding) -> String {
        let (name, color) = match f.severity {
            Severity::Error => ("error", AnsiColor::Red),
            Severity::Warning => ("warning", AnsiColor::Yellow),
            Severity::Info => ("info", AnsiColor::Cyan),
        };
        self.paint(
            Style::new().bold().fg_color(Some(color.into())),
            &format!("{name}[{}]", f.rule),
        )
    }
    fn dim(&self, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Blue.into())), text)
    }
    fn mark(&self, f: &Finding, text: &str) -> String {
        let color = match f.severity {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Cyan,
        };
        self.paint(Style::new().bold().fg_color(Some(color.into())), text)
    }
}

/// The display width of a character as a terminal shows it (tabs as one space).
fn cell(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// A source line cut to `room` columns around the byte span `[from, to)`
/// (relative to the line), with `…` where text was left out; and the column
/// and width of the span in what is shown.
fn cut_line(line: &str, from: usize, to: usize, room: usize) -> (String, usize, usize) {
    let to = to.min(line.len()).max(from);
    let width = |s: &str| s.chars().map(cell).sum::<usize>();
    let (before, span, after) = (&line[..from], &line[from..to], &line[to..]);
    let span_w = width(span).max(1);
    let total = width(line);
    let clean = |s: &str| s.replace('\t', " ");
    if total <= room {
        return (clean(line), width(before), span_w);
    }
    // Keep the span, then share what room is left between both sides.
    let span_shown = span_w.min(room.saturating_sub(2).max(1));
    let left_room = room.saturating_sub(span_shown) / 3;
    let mut left = String::new();
    let mut w = 0;
    for c in before.chars().rev() {
        if w + cell(c) > left_room.saturating_sub(1) {
            break;
        }
        w += cell(c);
        left.insert(0, c);
    }
    let cut_left = left.len() < before.len();
    let lead = if cut_left { format!("…{left}") } else { left };
    let lead_w = width(&lead);
    let right_room = room.saturating_sub(lead_w + span_shown);
    let mut shown_span = String::new();
    let mut sw = 0;
    for c in span.chars() {
        if sw + cell(c) > span_shown {
            break;
        }
        sw += cell(c);
        shown_span.push(c);
    }
    let mut right = String::new();
    let mut rw = 0;
    let rest = if shown_span.len() < span.len() {
        ""
    } else {
        after
    };
    for c in rest.chars() {
        if rw + cell(c) > right_room.saturating_sub(1) {
            break;
        }
        rw += cell(c);
        right.push(c);
    }
    let tail = if right.len() < rest.len() || shown_span.len() < span.len() {
        "…"
    } else {
        ""
    };
    (
        clean(&format!("{lead}{shown_span}{right}{tail}")),
        lead_w,
        sw.max(1),
    )
}

impl Human {
    /// One finding: a header, then per source its first claim as a location
    /// line, the source line and a marker under the span with the value.
    fn block(
        &self,
        f: &Finding,
        sources: &[Source],
        paint: &Paint,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // The header wrapped to the width, continuation lines indented.
        let tag = format!("{}[{}]", f.severity.as_str(), f.rule);
        let header = format!("{tag}: {}", f.message);
        let lines = textwrap::wrap(
            &header,
            textwrap::Options::new(self.width.max(40)).subsequent_indent("  "),
        );
        for (i, l) in lines.iter().enumerate() {
            if i == 0 {
                let rest = l.strip_prefix(tag.as_str()).unwrap_or(l);
                writeln!(out, "{}{rest}", paint.severity(f))?;
            } else {
                writeln!(out, "{l}")?;
            }
        }
        // One location per source: its first claim, the others counted.
        let mut per_source: Vec<(&Claim, usize)> = Vec::new();
        for c in &f.claims {
            match per_source
                .iter_mut()
                .find(|(first, _)| first.source == c.source)
            {
                Some((_, more)) => *more += 1,
                None => per_source.push((c, 0)),
            }
        }
        let gutter = per_source
            .iter()
            .map(|(c, _)| c.line.to_string().len())
            .max()
            .unwrap_or(1);
        for (c, more) in &per_source {
            let src = &sources[c.source as usize];
            let also = match more {
                0 => String::new(),
                1 => " (and 1 more place)".to_string(),
                n => format!(" (and {n} more places)"),
            };
            writeln!(
                out,
                "{}{}:{}:{}{also}",
                paint.dim(&format!("{:>gutter$}--> ", "")),
                src.path,
                c.line,
                c.column
            )?;
            let (start, end) = (c.start as usize, c.end as usize);
            let li = src.line_index(start);
            let (ls, le) = (src.line_start(li), src.line_start(li + 1));
            let line = src.text[ls..le].trim_end_matches(['\n', '\r']);
            let room = self.width.saturating_sub(gutter + 3).max(20);
            let span_end = end.min(ls + line.len());
            let (text, col, w) = cut_line(line, start - ls, span_end - ls, room);
            writeln!(
                out,
                "{} {text}",
                paint.dim(&format!("{:>gutter$} │", c.line))
            )?;
            writeln!(
                out,
                "{} {}{} {}",
                paint.dim(&format!("{:>gutter$} │", "")),
                " ".repeat(col),
                paint.mark(f, &"^".repeat(w)),
                c.display
            )?;
        }
        if let Some(d) = &f.diff {
            writeln!(out, "{:>gutter$} = diff: {d}", "")?;
        }
        // The rule's advice, its first sentence; `concur explain` has the rest.
        let advice = f.help.trim();
        let first = advice.find(". ").map_or(advice, |i| &advice[..=i]).trim();
        let help = if first.is_empty() {
            format!("help: concur explain {}", f.rule)
        } else {
            format!("help: {first} (concur explain {})", f.rule)
        };
        let (first_indent, indent) = (format!("{:>gutter$} = ", ""), format!("{:>gutter$}   ", ""));
        let opts = textwrap::Options::new(self.width.max(40))
            .initial_indent(&first_indent)
            .subsequent_indent(&indent);
        for l in textwrap::wrap(&help, opts) {
            writeln!(out, "{l}")?;
        }
        Ok(())
    }

    /// One line: where, what, and where the other sources say it.
    fn concise_line(
        &self,
        f: &Finding,
        sources: &[Source],
        paint: &Paint,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let first = &f.claims[0];
        let others: Vec<String> = f
            .claims
            .iter()
            .filter(|c| c.source != first.source)
            .map(|c| {
                format!(
                    "{}:{}:{}",
                    sources[c.source as usize].path, c.line, c.column
                )
            })
            .collect();
        let with = if others.is_empty() {
            String::new()
        } else {
            format!(" [{}]", others.join(", "))
        };
        let tag = match f.verdict {
            Verdict::Conflict | Verdict::Variant => paint.severity(f),
            v => format!("{}[{}]", v.as_str(), f.rule),
        };
        writeln!(
            out,
            "{}:{}:{}: {tag} {}{with}",
            sources[first.source as usize].path, first.line, first.column, f.message
        )
    }
}

fn quote(sources: &[Source], c: &Claim) -> String {
    format!(
        "“{}” ({}:{}:{})",
        c.text.replace('\n', " "),
        sources[c.source as usize].path,
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
            f.topic = visible(&f.topic).into();
            f.diff = f.diff.as_deref().map(|d| visible(d).into_owned());
            for c in &mut f.claims {
                let s = c.source as usize;
                (c.start, c.end) = (
                    map(s, c.start as usize) as u32,
                    map(s, c.end as usize) as u32,
                );
                let (line, column) = sources[s].line_col(c.start as usize);
                (c.line, c.column) = (line as u32, column as u32);
                c.text = visible(&c.text).into();
                c.display = visible(&c.display).into();
            }
            f
        })
        .collect();
    Some((sources, findings))
}

impl Human {
    fn print_run(&self, run: &Checked, out: &mut dyn Write) -> io::Result<()> {
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
        let paint = Paint { on: self.color };
        let listed = |f: &&Finding| match f.verdict {
            Verdict::Conflict | Verdict::Variant => !f.baselined && !f.suppressed,
            Verdict::Agree => self.show.agree,
            Verdict::Unmatched => self.show.unmatched,
        };
        if self.statistics {
            // Per rule and verdict, most first: what to look at first.
            let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
            for f in findings.iter().filter(listed) {
                *counts
                    .entry((f.rule.as_str(), f.verdict.as_str()))
                    .or_default() += 1;
            }
            let mut rows: Vec<_> = counts.into_iter().collect();
            rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((rule, verdict), n) in rows {
                writeln!(out, "{n:>5}  {rule:<24} {verdict}")?;
            }
        } else if self.concise {
            for f in findings.iter().filter(listed) {
                self.concise_line(f, sources, &paint, out)?;
            }
        } else {
            for f in findings.iter().filter(|f| {
                matches!(f.verdict, Verdict::Conflict | Verdict::Variant)
                    && !f.baselined
                    && !f.suppressed
            }) {
                self.block(f, sources, &paint, out)?;
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
        }
        if self.quiet {
            return Ok(());
        }
        let s = &a.summary;
        let mut baselined = String::new();
        if s.baselined > 0 {
            baselined.push_str(&format!(" · {} baselined", s.baselined));
        }
        if s.suppressed > 0 {
            baselined.push_str(&format!(" · {} suppressed", s.suppressed));
        }
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
        for (i, run) in outcome.runs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            self.print_run(run, out)?;
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

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line = format!(
            "{} the storm killed 41 people {}",
            "a".repeat(200),
            "b".repeat(200)
        );
        let from = line.find("41").unwrap();
        let (shown, col, w) = cut_line(&line, from, from + 2, 60);
        assert!(shown.chars().count() <= 60, "{shown}");
        assert_eq!(
            &shown[shown.char_indices().nth(col).unwrap().0..][..2],
            "41"
        );
        assert_eq!(w, 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let (shown, col, w) = cut_line("Officials said 38 died.", 15, 17, 60);
        assert_eq!((shown.as_str(), col, w), ("Officials said 38 died.", 15, 2));
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let line = "東京で38人が死亡した";
        let from = line.find("38").unwrap();
        let (_, col, _) = cut_line(line, from, from + 2, 60);
        assert_eq!(col, 6);
    }
}
