//! Judging: the verdict on each aligned group of facts, its message, its
//! word diff and its fingerprint, computed once per group. Alignment has
//! already decided which facts are about the same thing without looking at
//! their values; here the values are compared, under each rule's policy
//! (see [`crate::extract::kind`]).

use crate::extract::chunked::Uses;
use crate::extract::kind::Names;
use crate::extract::registry::{compare, display_value};
use crate::extract::{Fact, Facts, Value};
pub use crate::rules::Verdict;
use crate::rules::{Kind, RuleSet, Severity};
use crate::source::Source;
use arcstr::ArcStr;
use serde::Serialize;
use std::sync::Arc;

/// One claim of a finding: a fact as one source states it.
// (Every mention of an aligned fact is a claim, and a name or figure a long
// source repeats has thousands: the fact's value, attribution and display
// are shared by its claims, not copied into each.)
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Claim {
    pub source: u32,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub text: Box<str>,
    pub value: Arc<Value>,
    /// Who the source attributes the claim to ("police" in "police said").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub attribution: Option<ArcStr>,
    /// The value for people: "38,000,000 (34,200,000–38,000,000)".
    #[serde(skip)]
    pub display: ArcStr,
}

/// One aligned fact (or one unmatched fact) with its verdict.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Finding {
    #[schemars(with = "String")]
    pub rule: ArcStr,
    pub kind: Kind,
    #[schemars(with = "String")]
    pub topic: ArcStr,
    pub verdict: Verdict,
    pub severity: Severity,
    pub message: String,
    pub claims: Vec<Claim>,
    /// For variants: a word diff of the two written forms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// The finding's identity across runs: a hash of the rule, topic and the
    /// text each source states (never positions), so it survives text moving
    /// to other lines. Equal findings are numbered in order (`…:2`).
    pub fingerprint: String,
    /// The finding is recorded in the baseline given with `--baseline`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub baselined: bool,
    /// A directive in one of the sources suppresses it; it is counted, and
    /// listed in JSON, but does not fail the run.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
    /// The rule's help text.
    #[serde(skip)]
    pub help: ArcStr,
}

/// The identity of a finding, from what it says rather than where it says it.
///
/// Paths are left out: `a.md`, `./a.md` and `/home/x/a.md` name one file, and a
/// baseline written in one directory must hold in another.
fn fingerprint(f: &Finding) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [f.rule.as_str(), f.kind.as_str(), &*f.topic] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let mut claims: Vec<String> = f
        .claims
        .iter()
        .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    claims.sort();
    claims.dedup();
    for text in claims {
        h.update(text.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceInfo {
    pub path: String,
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct Summary {
    pub agree: usize,
    pub conflict: usize,
    pub variant: usize,
    pub unmatched: usize,
    /// Conflicts and variants recorded in the baseline (`--baseline`).
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// Findings a directive in a source suppresses (`<!-- concur-ignore -->`).
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

impl Summary {
    /// The counts of a list of findings.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.verdict {
                Verdict::Agree => s.agree += 1,
                Verdict::Conflict => s.conflict += 1,
                Verdict::Variant => s.variant += 1,
                Verdict::Unmatched => s.unmatched += 1,
            }
            s.baselined += f.baselined as usize;
            s.suppressed += f.suppressed as usize;
        }
        s
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One checked set of sources: the sources of one `concur check`, or one
/// `[[group]]` of `concur.toml`.
pub struct Checked {
    pub group: Option<String>,
    pub sources: Vec<Source>,
    pub analysis: Analysis,
}

/// The result of checking a set of sources.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Analysis {
    pub version: u32,
    /// The `concur.toml` in force, if any (set by the command line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    pub sources: Vec<SourceInfo>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Analysis {
    /// Keep only the findings `keep` accepts (`--select`, `--ignore`); the
    /// summary counts what is kept.
    pub fn retain(&mut self, keep: impl FnMut(&Finding) -> bool) {
        self.findings.retain(keep);
        self.summary = Summary::of(&self.findings);
    }

    /// Facts that were aligned with at least one other source (one per source per finding).
    pub fn aligned(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict != Verdict::Unmatched)
            .map(|f| {
                f.claims
                    .iter()
                    .map(|c| c.source)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            })
            .sum()
    }

    /// Whether any finding is at or above `level` (Error fails by default).
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.findings.iter().any(|f| {
            f.verdict != Verdict::Agree
                && f.verdict != Verdict::Unmatched
                && !f.baselined
                && !f.suppressed
                && (f.severity == Severity::Error
                    || deny_warnings && f.severity == Severity::Warning)
        })
    }
}

/// Judge aligned groups: each group's verdict, message and diff, computed
/// once here and nowhere else; then the findings in source order, each with
/// its fingerprint, and the summary.
pub fn judge(
    groups: &[Vec<usize>],
    mut facts: Facts,
    sources: &[Source],
    rules: &RuleSet,
) -> Analysis {
    // Positive uses of a verb are read only to meet some source's negation of it
    // (see `facts`); a group without that negation has nothing to say.
    let counterpart_only = |g: &Vec<usize>| {
        g.iter().all(|&i| {
            let f = &facts[i];
            f.kind == Kind::Claim
                && rules.rules[f.rule].is_fallback()
                && matches!(f.value, Value::Claim { negated: false, .. })
        })
    };
    // A report that tells a topic's claim both ways ("found guilty on 11
    // counts", "acquitted on three") tells a split verdict. Its one side,
    // met by the other report's other side, is no contradiction where the
    // two reports agree on that other side in another group ("convicted on
    // 11 counts" in both): such a pair is two facts left alone. A report
    // that tells only an acquittal still contradicts the conviction.
    // (Alignment has not looked at the values; this is judging.)
    let polarity = |f: &Fact| match f.value {
        Value::Claim { negated, .. }
            if !rules.rules[f.rule].is_fallback()
                && f.modality == crate::extract::Modality::Asserted =>
        {
            Some(negated)
        }
        _ => None,
    };
    // (source, other source, rule, polarity) the two agree on in some group.
    let mut agreed: rustc_hash::FxHashSet<(usize, usize, usize, bool)> = Default::default();
    for g in groups.iter().filter(|g| facts[g[0]].kind == Kind::Claim) {
        for (a, &i) in g.iter().enumerate() {
            for &j in &g[a + 1..] {
                let (x, y) = (&facts[i], &facts[j]);
                if let (Some(nx), Some(ny)) = (polarity(x), polarity(y))
                    && nx == ny
                    && x.rule == y.rule
                    && x.source != y.source
                {
                    agreed.insert((x.source, y.source, x.rule, nx));
                    agreed.insert((y.source, x.source, x.rule, nx));
                }
            }
        }
    }
    let split = |g: &[usize]| {
        g.len() > 1
            && facts[g[0]].kind == Kind::Claim
            && g.iter().enumerate().all(|(a, &i)| {
                g[a + 1..].iter().all(|&j| {
                    let (x, y) = (&facts[i], &facts[j]);
                    x.source == y.source
                        || matches!((polarity(x), polarity(y)), (Some(nx), Some(ny))
                            if nx != ny
                                && x.rule == y.rule
                                && (agreed.contains(&(x.source, y.source, x.rule, ny))
                                    || agreed.contains(&(x.source, y.source, x.rule, nx))))
                })
            })
    };
    // (No list made per group: a large check has as many groups as facts.)
    let mut kept: Vec<&[usize]> = Vec::with_capacity(groups.len());
    for g in groups.iter().filter(|g| !counterpart_only(g)) {
        if split(g) {
            kept.extend(g.chunks(1));
        } else {
            kept.push(g);
        }
    }
    // In source order, by where each group's first fact stands (a stable
    // sort: the groups, not the findings, which are far larger, are moved).
    kept.sort_by(|a, b| {
        let (x, y) = (&facts[a[0]], &facts[b[0]]);
        (x.source, x.start, x.end, x.kind)
            .cmp(&(y.source, y.start, y.end, y.kind))
            .then_with(|| rules.rules[x.rule].id.cmp(&rules.rules[y.rule].id))
    });
    // Each group's verdict and the pair that decides it, while the name
    // table (which borrows every name) is held; then the findings, each
    // chunk of facts freed once the last finding citing its facts is made:
    // on a large source the findings are as many as the facts, and the two
    // need not be held whole at once.
    let verdicts: Vec<(Verdict, (usize, usize))> = {
        let names = Names::new(&facts, &rules.lexicon);
        kept.iter()
            .map(|g| verdict(g, &facts, rules, &names))
            .collect()
    };
    let mut uses = Uses::new(&mut facts, kept.iter().copied().flatten().copied());
    let mut findings: Vec<Finding> = Vec::with_capacity(kept.len());
    for (g, (verdict, pair)) in kept.iter().zip(verdicts) {
        findings.push(finding(g, verdict, pair, &facts, sources, rules));
        for &i in g.iter() {
            uses.used(&mut facts, i);
        }
    }
    for f in &mut findings {
        f.fingerprint = fingerprint(f);
    }
    // Equal fingerprints are numbered in the findings' order: sorting their
    // places (a stable sort) brings each run of equals together, with no map
    // holding a second copy of every fingerprint.
    let mut by_print: Vec<u32> = (0..findings.len() as u32).collect();
    by_print.sort_by(|&a, &b| {
        findings[a as usize]
            .fingerprint
            .cmp(&findings[b as usize].fingerprint)
    });
    // Each run's first keeps the bare fingerprint; the others count up from 2.
    let (mut first, mut n) = (by_print.first().map_or(0, |&i| i as usize), 1);
    for &i in by_print.iter().skip(1) {
        let i = i as usize;
        if findings[i].fingerprint == findings[first].fingerprint {
            n += 1;
            findings[i].fingerprint = format!("{}:{n}", findings[first].fingerprint);
        } else {
            (first, n) = (i, 1);
        }
    }
    for f in &mut findings {
        f.suppressed = f
            .claims
            .iter()
            .any(|c| sources[c.source as usize].suppressed(c.start as usize, &f.rule));
    }
    let summary = Summary::of(&findings);
    Analysis {
        version: 1,
        config: None,
        sources: sources
            .iter()
            .map(|s| SourceInfo {
                path: s.path.clone(),
                published: s.meta.published.map(|d| d.to_string()),
                title: s.meta.title.clone(),
            })
            .collect(),
        findings,
        summary,
    }
}

/// What every claim of one fact shares (see [`Claim`]).
struct Shared {
    value: Arc<Value>,
    attribution: Option<ArcStr>,
    display: ArcStr,
}

impl Shared {
    fn of(f: &Fact) -> Shared {
        Shared {
            value: Arc::new(f.value.clone()),
            attribution: f.attribution.as_deref().map(ArcStr::from),
            display: display_value(&f.value).into(),
        }
    }
}

fn claim(f: &Fact, shared: &Shared, (start, end): (usize, usize), sources: &[Source]) -> Claim {
    let src = &sources[f.source];
    let (line, column) = src.line_col(start);
    Claim {
        // (Sources are below 4 GiB: see `SourceError::BeyondOffsets`.)
        source: f.source as u32,
        start: start as u32,
        end: end as u32,
        line: line as u32,
        column: column as u32,
        text: src.text[start..end].into(),
        value: Arc::clone(&shared.value),
        attribution: shared.attribution.clone(),
        display: shared.display.clone(),
    }
}

/// A group's verdict: the worst of its pairs', with the pair that gives it.
fn verdict(
    group: &[usize],
    facts: &Facts,
    rules: &RuleSet,
    names: &Names,
) -> (Verdict, (usize, usize)) {
    let rule = &rules.rules[facts[ruling(group, facts, rules)].rule];
    let mut verdict = if group.len() == 1 {
        Verdict::Unmatched
    } else {
        Verdict::Agree
    };
    let mut pair = (group[0], group.get(1).copied().unwrap_or(group[0]));
    for (a, &i) in group.iter().enumerate() {
        for &j in &group[a + 1..] {
            let v = compare(&facts[i], &facts[j], rule, names);
            if v < verdict {
                verdict = v;
                pair = (i, j);
            }
        }
    }
    (verdict, pair)
}

/// The fact whose rule judges a group: one a topic rule chose, where a
/// figure told with its topic's word met one told without it; else the first.
fn ruling(group: &[usize], facts: &Facts, rules: &RuleSet) -> usize {
    group
        .iter()
        .copied()
        .find(|&i| !rules.rules[facts[i].rule].is_fallback())
        .unwrap_or(group[0])
}

fn finding(
    group: &[usize],
    verdict: Verdict,
    pair: (usize, usize),
    facts: &Facts,
    sources: &[Source],
    rules: &RuleSet,
) -> Finding {
    let first = &facts[ruling(group, facts, rules)];
    let rule = &rules.rules[first.rule];
    // Every mention of an aligned fact is cited; an unmatched fact, once.
    fn mentions(f: &Fact, aligned: bool) -> &[(usize, usize)] {
        if aligned { f.also.as_slice() } else { &[] }
    }
    let aligned = group.len() > 1;
    // Of the exact length: a flattened iterator would give every unmatched
    // finding room for four claims, and a large source has one per fact.
    let mut claims: Vec<Claim> = Vec::with_capacity(
        group
            .iter()
            .map(|&i| 1 + mentions(&facts[i], aligned).len())
            .sum(),
    );
    for &i in group {
        let f = &facts[i];
        let shared = Shared::of(f);
        claims.extend(
            std::iter::once((f.start, f.end))
                .chain(mentions(f, aligned).iter().copied())
                .map(|span| claim(f, &shared, span, sources)),
        );
    }
    let severity = match verdict {
        Verdict::Conflict => rule.severity.conflict,
        Verdict::Variant => rule.severity.variant,
        _ => Severity::Info,
    };
    let (x, y) = (&facts[pair.0], &facts[pair.1]);
    let (tx, ty) = (
        &sources[x.source].text[x.start..x.end],
        &sources[y.source].text[y.start..y.end],
    );
    let diff = match (verdict, &x.value, &y.value) {
        (Verdict::Variant, Value::Name { written: a, .. }, Value::Name { written: b, .. }) => {
            Some(word_diff(a, b))
        }
        (Verdict::Variant, ..) => Some(word_diff(tx, ty)),
        _ => None,
    };
    let topic = first.topic.clone();
    let base = rule.message.replace("{topic}", &topic);
    // Messages quote what the sources write; dates and durations add what
    // the words resolve to ("Monday" is a day only once it is resolved).
    let quoted = |f: &Fact, text: &str| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match f.kind {
            Kind::Date | Kind::Duration => format!("“{text}” ({})", display_value(&f.value)),
            _ => format!("“{text}”"),
        }
    };
    let message = match verdict {
        Verdict::Unmatched => format!(
            "{topic}: only {} states this {}",
            sources[first.source].path,
            first.kind.as_str()
        ),
        Verdict::Agree => {
            // Each way the sources write it, once: "“Dec. 25” = “Christmas Day”".
            let mut written: Vec<String> = Vec::new();
            for c in &claims {
                let t = format!(
                    "“{}”",
                    c.text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
                if !written.contains(&t) {
                    written.push(t);
                }
            }
            format!("{topic}: sources agree: {}", written.join(" = "))
        }
        Verdict::Variant => {
            // Every spelling the sources use, once, the two compared first:
            // three sources may write three ("Katherine" / "Catherine" / "Katharine").
            let mut spelled: Vec<String> = vec![tx.to_string(), ty.to_string()];
            for c in &claims {
                let t = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !spelled.contains(&t) {
                    spelled.push(t);
                }
            }
            let spelled: Vec<String> = spelled.iter().map(|t| format!("“{t}”")).collect();
            format!("{base}: {}", spelled.join(" / "))
        }
        Verdict::Conflict => {
            let (px, py) = (
                sources[x.source].meta.published,
                sources[y.source].meta.published,
            );
            match (px, py) {
                (Some(px), Some(py))
                    if px != py && matches!(first.kind, Kind::Quantity | Kind::Claim) =>
                {
                    // An update rather than a contradiction, perhaps: say which came first.
                    let ((old, to), (new, tn)) = if px < py {
                        ((x, tx), (y, ty))
                    } else {
                        ((y, ty), (x, tx))
                    };
                    format!(
                        "{base}: {} on {}, then {} on {}",
                        quoted(old, to),
                        px.min(py),
                        quoted(new, tn),
                        px.max(py)
                    )
                }
                _ => format!("{base}: {} vs {}", quoted(x, tx), quoted(y, ty)),
            }
        }
    };
    Finding {
        rule: rule.id.clone(),
        kind: first.kind,
        topic,
        verdict,
        severity,
        message,
        claims,
        diff,
        fingerprint: String::new(),
        baselined: false,
        suppressed: false,
        help: rule.help.clone(),
    }
}

/// A word-level diff of two written forms: "Friends of {+the+} Earth".
pub fn word_diff(a: &str, b: &str) -> String {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &wa, &wb);
    let mut out: Vec<String> = Vec::new();
    for op in ops {
        for change in op.iter_changes(&wa, &wb) {
            let v = change.value();
            out.push(match change.tag() {
                similar::ChangeTag::Equal => v.to_string(),
                similar::ChangeTag::Delete => format!("[-{v}-]"),
                similar::ChangeTag::Insert => format!("{{+{v}+}}"),
            });
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_insertions() {
        assert_eq!(
            word_diff("Friends of Liberty", "Friends of the Liberty"),
            "Friends of {+the+} Liberty"
        );
        assert_eq!(
            word_diff("Ortega Farms", "Ortega Farm"),
            "Ortega [-Farms-] {+Farm+}"
        );
    }
}
