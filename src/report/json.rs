//! The machine contract: `--format json`. Keys are only ever added.
//!
//! One `concur check` prints its analysis object. Checking the groups of
//! `concur.toml` prints `{"version", "groups": [analysis + "group"], "summary"}`.
//! Stale baseline entries, when there are any, come as `stale_baseline`.

use super::{Outcome, Printer};
use serde_json::{json, Value};
use std::io::{self, Write};

pub struct Json;

impl Printer for Json {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let mut value = match outcome.runs {
            [run] if run.group.is_none() => serde_json::to_value(&run.analysis).map_err(io::Error::other)?,
            runs => {
                let mut total = crate::Summary::default();
                let groups: Vec<Value> = runs
                    .iter()
                    .map(|r| {
                        let s = &r.analysis.summary;
                        total.agree += s.agree;
                        total.conflict += s.conflict;
                        total.variant += s.variant;
                        total.unmatched += s.unmatched;
                        total.baselined += s.baselined;
                        let mut v = serde_json::to_value(&r.analysis).unwrap_or(Value::Null);
                        if let Value::Object(m) = &mut v {
                            m.insert("group".into(), json!(r.group));
                        }
                        v
                    })
                    .collect();
                json!({ "version": 1, "groups": groups, "summary": total })
            }
        };
        if !outcome.stale.is_empty() {
            if let Value::Object(m) = &mut value {
                m.insert("stale_baseline".into(), serde_json::to_value(outcome.stale).map_err(io::Error::other)?);
            }
        }
        serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
        writeln!(out)
    }
}
