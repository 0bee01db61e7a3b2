//! `--format github`: GitHub Actions workflow commands, one per conflict or
//! variant, so findings appear on the lines of a pull request's diff:
//!
//! ```text
//! ::error file=a.md,line=3,endLine=3,col=5,endColumn=12,title=concur[rule]: topic::message
//! ```
//!
//! Escaping follows the runner: `%`, CR and LF in the message; also `:` and
//! `,` in properties.

use super::{Outcome, Printer, discrepancies};
use crate::rules::Severity;
use std::io::{self, Write};

pub struct Github {
    /// Where the paths are relative to: the repository root
    /// (`GITHUB_WORKSPACE` in Actions), from the directory concur runs in
    /// (`cwd`). GitHub places annotations by repository path.
    pub root: Option<std::path::PathBuf>,
    pub cwd: std::path::PathBuf,
}

impl Github {
    fn path(&self, p: &str) -> String {
        let Some(root) = &self.root else {
            return p.to_string();
        };
        // Resolve `..` and links the way the file system does.
        let real =
            |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let abs = real(&self.cwd.join(p));
        pathdiff::diff_paths(&abs, real(root))
            .filter(|r| !r.starts_with(".."))
            .map_or_else(|| p.to_string(), |r| r.to_string_lossy().into_owned())
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Printer for Github {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        for run in outcome.runs {
            for f in discrepancies(run) {
                let c = &f.claims[0];
                let src = &run.sources[c.source as usize];
                let (end_line, end_col) = src.line_col(c.end as usize);
                let level = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let group = run
                    .group
                    .as_ref()
                    .map(|g| format!(" (group {g})"))
                    .unwrap_or_default();
                let others: Vec<String> = f.claims[1..]
                    .iter()
                    .map(|o| {
                        format!(
                            "{}:{}:{} says “{}”",
                            self.path(&run.sources[o.source as usize].path),
                            o.line,
                            o.column,
                            o.text
                        )
                    })
                    .collect();
                let mut message = f.message.clone();
                if !others.is_empty() {
                    message.push('\n');
                    message.push_str(&others.join("\n"));
                }
                if let Some(d) = &f.diff {
                    message.push_str(&format!("\nword diff: {d}"));
                }
                writeln!(
                    out,
                    "::{level} file={},line={},endLine={},col={},endColumn={},title={}::{}",
                    escape_property(&self.path(&src.path)),
                    c.line,
                    end_line,
                    c.column,
                    end_col,
                    escape_property(&format!("concur[{}]{group}: {}", f.rule, f.topic)),
                    escape_data(&message)
                )?;
            }
        }
        for e in outcome.stale {
            writeln!(
                out,
                "::notice title=concur: stale baseline entry::{}",
                escape_data(&format!(
                    "[{}] {} ({}) is no longer found",
                    e.rule, e.topic, e.fingerprint
                ))
            )?;
        }
        Ok(())
    }
}
