//! Reports: one printer per output format behind one trait. The engine hands
//! over a finished [`Analysis`]; a printer only renders it. Adding a format
//! means adding one file here.

pub mod human;
pub mod json;

use crate::Analysis;
use crate::source::Source;
use std::io::{self, Write};

/// Which verdicts the human report lists besides conflicts and variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub agree: bool,
    pub unmatched: bool,
}

/// Renders an analysis in one format.
pub trait Printer {
    fn print(&self, analysis: &Analysis, sources: &[Source], out: &mut dyn Write)
    -> io::Result<()>;
}
