//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. One
//! result per conflict or variant, located at the first source's claim, with
//! the other sources' claims as related locations; one rule descriptor per
//! rule used; the finding's fingerprint as `partialFingerprints`, so a finding
//! keeps its identity across runs and edits that move text.

use super::{Outcome, Printer, discrepancies};
use crate::judge::Claim;
use crate::rules::{RuleSet, Severity};
use crate::source::Source;
use serde_json::{Value, json};
use std::io::{self, Write};

pub struct Sarif<'a> {
    pub rules: &'a RuleSet,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: forward slashes, every byte but the
/// unreserved ones (RFC 3986) and `/` percent-encoded.
fn uri(path: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    percent_encoding::utf8_percent_encode(&path.replace('\\', "/"), KEEP).to_string()
}

fn location(src: &Source, c: &Claim) -> Value {
    let (end_line, end_col) = src.line_col(c.end as usize);
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&src.path) },
            "region": {
                "startLine": c.line,
                "startColumn": c.column,
                "endLine": end_line,
                "endColumn": end_col,
                "snippet": { "text": c.text }
            }
        }
    })
}

impl Printer for Sarif<'_> {
    fn print(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        // Rule descriptors for the rules used, in order of first use.
        let mut used: Vec<&str> = Vec::new();
        for run in outcome.runs {
            for f in discrepancies(run) {
                if !used.contains(&f.rule.as_str()) {
                    used.push(&f.rule);
                }
            }
        }
        let descriptors: Vec<Value> = used
            .iter()
            .map(|id| {
                let r = self.rules.get(id);
                let short = r.map_or_else(|| id.to_string(), |r| r.message.replace("{topic}", &r.topic));
                let help = r.map(|r| if r.help.is_empty() { r.message.clone() } else { r.help.trim().to_string() }).unwrap_or_default();
                json!({
                    "id": id,
                    "shortDescription": { "text": short },
                    "help": { "text": format!("{help}\nRun `concur explain {id}` for examples.") },
                    "defaultConfiguration": { "level": level(r.map_or(Severity::Error, |r| r.severity.conflict)) },
                    "properties": { "kind": r.map(|r| r.kind.as_str()), "topic": r.map(|r| r.topic.as_str()) }
                })
            })
            .collect();
        let mut results = Vec::new();
        for run in outcome.runs {
            for f in discrepancies(run) {
                let first = &f.claims[0];
                let related: Vec<Value> = f.claims[1..]
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let mut l = location(&run.sources[c.source as usize], c);
                        l["id"] = json!(i + 1);
                        l["message"] = json!({ "text": format!("{} says “{}”", run.sources[c.source as usize].path, c.text) });
                        l
                    })
                    .collect();
                let mut text = f.message.clone();
                if let Some(d) = &f.diff {
                    text.push_str(&format!(" (word diff: {d})"));
                }
                let mut result = json!({
                    "ruleId": f.rule,
                    "ruleIndex": used.iter().position(|u| *u == f.rule).unwrap_or(0),
                    "level": level(f.severity),
                    "message": { "text": text },
                    "locations": [location(&run.sources[first.source as usize], first)],
                    "partialFingerprints": { "concurFinding/v1": f.fingerprint },
                    "properties": { "verdict": f.verdict.as_str(), "topic": f.topic, "kind": f.kind.as_str() }
                });
                if !related.is_empty() {
                    result["relatedLocations"] = json!(related);
                }
                if let Some(g) = &run.group {
                    result["properties"]["group"] = json!(g);
                }
                results.push(result);
            }
        }
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "concur",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": descriptors
                } },
                "columnKind": "unicodeCodePoints",
                "results": results
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}
