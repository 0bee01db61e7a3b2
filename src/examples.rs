//! `concur rules test`: run every rule's examples through the whole pipeline.
//! It sits above the pipeline (beside `lib.rs`), not in `rules`, because it
//! runs every stage.
//!
//! An example is two short texts and the verdict the rule should give them.
//! The actual verdict is the most severe finding *of that rule* that cites
//! both texts; `unmatched` when the rule only found one side; `none` when it
//! found nothing.

use crate::judge::Verdict;
use crate::rules::{Rule, RuleSet};
use crate::source::Source;

pub struct ExampleResult {
    pub rule: String,
    pub index: usize,
    pub a: String,
    pub b: String,
    pub expected: String,
    pub actual: String,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.expected == self.actual
    }
}

fn with_date(text: &str, published: &Option<String>) -> String {
    match published {
        Some(p) => format!("+++\npublished = {p}\n+++\n{text}"),
        None => text.to_string(),
    }
}

/// The verdict `rules` give rule `id` on texts `a` and `b`.
pub fn verdict_for(rules: &RuleSet, id: &str, a: &str, b: &str) -> String {
    let (Ok(sa), Ok(sb)) = (
        Source::from_text("a", a.to_string()),
        Source::from_text("b", b.to_string()),
    ) else {
        return "error: example text does not load".into();
    };
    let analysis = crate::check(&[sa, sb], rules);
    let mine: Vec<_> = analysis.findings.iter().filter(|f| f.rule == id).collect();
    let two_sided = mine
        .iter()
        .filter(|f| {
            f.claims.iter().any(|c| c.source == 0) && f.claims.iter().any(|c| c.source == 1)
        })
        .map(|f| f.verdict)
        .min();
    match two_sided {
        Some(v) => v.as_str().to_string(),
        None if mine.iter().any(|f| f.verdict == Verdict::Unmatched) => "unmatched".into(),
        None => "none".into(),
    }
}

/// Run the examples of every rule `select` picks.
pub fn run(rules: &RuleSet, select: impl Fn(&Rule) -> bool) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for r in rules.rules.iter().filter(|r| select(r)) {
        for (i, e) in r.examples.iter().enumerate() {
            let a = with_date(&e.a, &e.published_a);
            let b = with_date(&e.b, &e.published_b);
            out.push(ExampleResult {
                rule: r.id.to_string(),
                index: i,
                a: e.a.clone(),
                b: e.b.clone(),
                expected: e.verdict.clone(),
                actual: verdict_for(rules, &r.id, &a, &b),
            });
        }
    }
    out
}
