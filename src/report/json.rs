//! The machine contract: `--format json`. Keys are only ever added.
//!
//! One `concur check` prints its analysis object. Checking the groups of
//! `concur.toml` prints `{"version", "groups": [analysis + "group"], "summary"}`.
//! Stale baseline entries, when there are any, come as `stale_baseline`.
//!
//! Objects are written straight from the analysis, keys in the order the
//! types declare them (the order `concur batch` uses too), with no
//! intermediate JSON tree: on large inputs that tree cost more than the
//! writing.

use super::{Outcome, Printer};
use crate::baseline::Entry;
use crate::judge::{Analysis, Summary};
use serde::Serialize;
use std::io::{self, Write};

pub struct Json;

/// The JSON Schema of `--format json`: one analysis, or every group's.
/// Generated from the types the printer writes, so it cannot drift.
pub fn schema() -> schemars::Schema {
    #[derive(schemars::JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Output<'a> {
        Check(Single<'a>),
        Groups(Groups<'a>),
    }
    // The contract of what is written: a key skipped when empty is optional.
    let mut s = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Output>();
    s.insert("title".into(), "concur check --format json".into());
    s
}

/// One analysis, as `check` prints it.
#[derive(Serialize, schemars::JsonSchema)]
struct Single<'a> {
    #[serde(flatten)]
    analysis: &'a Analysis,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    stale_baseline: &'a [Entry],
}

/// One group of `concur.toml`: its analysis with the group's name first.
#[derive(Serialize, schemars::JsonSchema)]
struct Group<'a> {
    group: &'a Option<String>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Every group, and the totals over them.
#[derive(Serialize, schemars::JsonSchema)]
struct Groups<'a> {
    version: u32,
    groups: Vec<Group<'a>>,
    summary: Summary,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    stale_baseline: &'a [Entry],
}

impl Printer for Json {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let stale_baseline = outcome.stale;
        // serde writes many small pieces: a buffer of our own takes them
        // without a call through `dyn Write` each.
        let mut buf = io::BufWriter::with_capacity(1 << 16, &mut *out);
        let written = match outcome.runs {
            [run] if run.group.is_none() => serde_json::to_writer_pretty(
                &mut buf,
                &Single {
                    analysis: &run.analysis,
                    stale_baseline,
                },
            ),
            runs => {
                let mut summary = Summary::default();
                for s in runs.iter().map(|r| &r.analysis.summary) {
                    summary.agree += s.agree;
                    summary.conflict += s.conflict;
                    summary.variant += s.variant;
                    summary.unmatched += s.unmatched;
                    summary.baselined += s.baselined;
                    summary.suppressed += s.suppressed;
                }
                let groups = runs
                    .iter()
                    .map(|r| Group {
                        group: &r.group,
                        analysis: &r.analysis,
                    })
                    .collect();
                serde_json::to_writer_pretty(
                    &mut buf,
                    &Groups {
                        version: 1,
                        groups,
                        summary,
                        stale_baseline,
                    },
                )
            }
        };
        written.map_err(io::Error::other)?;
        writeln!(buf)?;
        buf.flush()
    }
}
