//! Baselines: the findings a team has accepted, so CI fails only on new ones.
//!
//! `--write-baseline FILE` records every conflict and variant by its
//! fingerprint (see [`crate::judge::Finding::fingerprint`]): a hash of what the
//! sources say, not where, so the entry survives unrelated edits that move
//! text to other lines. `--baseline FILE` marks matching findings as
//! baselined (they are shown as such and do not fail the run) and reports the
//! entries that match nothing any more as stale.

use crate::judge::Checked;
use crate::judge::Verdict;
use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
pub struct Entry {
    pub fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub rule: String,
    pub topic: String,
    pub verdict: String,
    /// What each source said, for people reading the file.
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    #[error("cannot read baseline `{path}`: {reason}")]
    #[diagnostic(code(concur::baseline), help("write one with --write-baseline"))]
    Read { path: String, reason: String },
    #[error("`{path}` is not a concur baseline: {reason}")]
    #[diagnostic(code(concur::baseline))]
    Parse { path: String, reason: String },
    #[error("cannot write baseline `{path}`: {reason}")]
    #[diagnostic(code(concur::baseline))]
    Write { path: String, reason: String },
}

impl Baseline {
    /// Every conflict and variant of these runs.
    pub fn record(runs: &[Checked]) -> Baseline {
        let findings = runs
            .iter()
            .flat_map(|r| r.analysis.findings.iter().map(move |f| (r, f)))
            .filter(|(_, f)| matches!(f.verdict, Verdict::Conflict | Verdict::Variant))
            .map(|(r, f)| Entry {
                fingerprint: f.fingerprint.clone(),
                group: r.group.clone(),
                rule: f.rule.to_string(),
                topic: f.topic.to_string(),
                verdict: f.verdict.as_str().to_string(),
                texts: f.claims.iter().map(|c| c.text.to_string()).collect(),
            })
            .collect();
        Baseline {
            version: 1,
            findings,
        }
    }

    pub fn load(path: &str) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Read {
            path: path.into(),
            reason: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| BaselineError::Parse {
            path: path.into(),
            reason: e.to_string(),
        })
    }

    pub fn write(&self, path: &str) -> Result<(), BaselineError> {
        let text = serde_json::to_string_pretty(self).map_err(|e| BaselineError::Write {
            path: path.into(),
            reason: e.to_string(),
        })? + "\n";
        std::fs::write(path, text).map_err(|e| BaselineError::Write {
            path: path.into(),
            reason: e.to_string(),
        })
    }

    /// Mark the findings the baseline records; return the entries that matched nothing.
    pub fn apply(&self, runs: &mut [Checked]) -> Vec<Entry> {
        let mut used = vec![false; self.findings.len()];
        for run in runs.iter_mut() {
            let mut count = 0;
            for f in run
                .analysis
                .findings
                .iter_mut()
                .filter(|f| matches!(f.verdict, Verdict::Conflict | Verdict::Variant))
            {
                if let Some(i) = self
                    .findings
                    .iter()
                    .position(|e| e.fingerprint == f.fingerprint && e.group == run.group)
                {
                    used[i] = true;
                    f.baselined = true;
                    count += 1;
                }
            }
            run.analysis.summary.baselined = count;
        }
        self.findings
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e.clone())
            .collect()
    }
}
