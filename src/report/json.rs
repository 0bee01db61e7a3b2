//! The machine contract: `--format json`. Keys are only ever added.

use super::Printer;
use crate::Analysis;
use crate::source::Source;
use std::io::{self, Write};

pub struct Json;

impl Printer for Json {
    fn print(
        &self,
        analysis: &Analysis,
        _sources: &[Source],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, analysis).map_err(io::Error::other)?;
        writeln!(out)
    }
}
