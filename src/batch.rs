//! `concur batch`: many clusters of reports, one JSON object per line in and
//! out, on all cores.
//!
//! Input lines are `{"id": …, "sources": [{"path": "a.md"} | {"text": "…",
//! "published": "YYYY-MM-DD", "name": "…"}]}`. Each output line is the
//! cluster's `check --format json` object with its `id` added, in input order;
//! a cluster that cannot be checked gives `{"id": …, "error": "…"}` instead
//! and the rest go on. The input is read in chunks of a few clusters per core,
//! so memory follows the largest chunk, not the size of the batch: it runs
//! under GNU parallel, Spark's `pipe` or Ray with no code of ours.

use crate::rules::RuleSet;
use crate::source::Source;
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cluster {
    #[serde(default)]
    id: Value,
    sources: Vec<ClusterSource>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum ClusterSource {
    Path { path: String },
    Text { text: String, #[serde(default)] published: Option<String>, #[serde(default)] name: Option<String> },
}

/// What a batch did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub clusters: usize,
    /// Clusters with a failing finding (a conflict, by default).
    pub failing: usize,
    /// Lines that could not be checked (bad JSON, unreadable source, …).
    pub errors: usize,
}

fn load(c: &Cluster, max_bytes: u64) -> Result<Vec<Source>, String> {
    if c.sources.len() < 2 {
        return Err(format!("a cluster needs at least two sources, got {}", c.sources.len()));
    }
    c.sources
        .iter()
        .enumerate()
        .map(|(i, s)| match s {
            ClusterSource::Path { path } => Source::load(path, max_bytes).map_err(|e| e.to_string()),
            ClusterSource::Text { text, published, name } => {
                let name = name.clone().unwrap_or_else(|| format!("source-{}", i + 1));
                let text = match published {
                    Some(p) => format!("+++\npublished = {p}\n+++\n{text}"),
                    None => text.clone(),
                };
                Source::from_text(&name, text).map_err(|e| e.to_string())
            }
        })
        .collect()
}

/// Check one input line; the output line and whether it failed or errored.
fn one(line: &str, rules: &RuleSet, max_bytes: u64, deny_warnings: bool) -> (String, bool, bool) {
    let cluster: Cluster = match serde_json::from_str(line) {
        Ok(c) => c,
        Err(e) => {
            let id = serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null);
            return (json!({ "id": id, "error": format!("not a cluster: {e}") }).to_string(), false, true);
        }
    };
    let sources = match load(&cluster, max_bytes) {
        Ok(s) => s,
        Err(e) => return (json!({ "id": cluster.id, "error": e }).to_string(), false, true),
    };
    let analysis = crate::check(&sources, rules);
    let fails = analysis.fails(deny_warnings);
    // The `check --format json` object, in its own key order, with the id first.
    #[derive(serde::Serialize)]
    struct WithId<'a> {
        id: &'a Value,
        #[serde(flatten)]
        analysis: &'a crate::Analysis,
    }
    let line = serde_json::to_string(&WithId { id: &cluster.id, analysis: &analysis }).unwrap_or_else(|e| json!({ "id": cluster.id, "error": e.to_string() }).to_string());
    (line, fails, false)
}

/// Run a batch from `input` to `output`. `progress` is called after each chunk
/// with the number of clusters done.
pub fn run(input: impl BufRead, mut output: impl Write, rules: &RuleSet, max_bytes: u64, deny_warnings: bool, progress: &dyn Fn(usize)) -> io::Result<Totals> {
    let threads = crate::threads();
    let chunk = threads * 4;
    let mut totals = Totals::default();
    let mut lines = input.lines();
    loop {
        let mut batch = Vec::with_capacity(chunk);
        for line in lines.by_ref() {
            let line = line?;
            if !line.trim().is_empty() {
                batch.push(line);
            }
            if batch.len() == chunk {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        for (text, fails, error) in crate::par_map(&batch, threads, |line| one(line, rules, max_bytes, deny_warnings)) {
            writeln!(output, "{text}")?;
            totals.clusters += 1;
            totals.failing += fails as usize;
            totals.errors += error as usize;
        }
        output.flush()?;
        progress(totals.clusters);
    }
    Ok(totals)
}
