//! Reports: one printer per output format behind one trait. The engine hands
//! over a finished [`crate::judge::Analysis`]; a printer only renders it. Adding a format
//! means adding one file here.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::baseline::Entry;
use crate::judge::Checked;
use std::io::{self, Write};

/// Everything a run produced: one checked set of sources per `check` or group,
/// and the baseline entries that no longer match anything.
pub struct Outcome<'a> {
    pub runs: &'a [Checked],
    pub stale: &'a [Entry],
}

/// Which verdicts the human report lists besides conflicts and variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub agree: bool,
    pub unmatched: bool,
}

/// Renders an outcome in one format.
pub trait Printer {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()>;
}

/// Conflicts and variants neither baselined nor suppressed: what CI formats report.
pub fn discrepancies(run: &Checked) -> impl Iterator<Item = &crate::judge::Finding> {
    run.analysis.findings.iter().filter(|f| {
        matches!(
            f.verdict,
            crate::judge::Verdict::Conflict | crate::judge::Verdict::Variant
        ) && !f.baselined
            && !f.suppressed
    })
}
