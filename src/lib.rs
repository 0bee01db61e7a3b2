//! concur: check whether several written sources agree.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! source ──▶ segment ──▶ extract ──▶ align ──▶ compare ──▶ report
//! (bytes,    (sentences,  (facts with  (groups    (verdicts)  (human, JSON)
//!  metadata)  tokens)      spans)       of facts)
//! ```
//!
//! Policy — what topics exist, which words are hedges, how names are
//! normalised — lives in rule files ([`rules`]), loaded and compiled once.
//! The engine never prints and never exits: [`check`] returns an
//! [`Analysis`], and a printer in [`report`] renders it.

pub mod align;
pub mod baseline;
pub mod batch;
pub mod compare;
pub mod config;
pub mod exit;
pub mod extract;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;

use compare::Verdict;
use extract::{Fact, Value};
use rules::{Kind, RuleSet, Severity};
use serde::Serialize;
use source::Source;

/// One claim of a finding: a fact as one source states it.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub source: usize,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub value: Value,
    /// Who the source attributes the claim to ("police" in "police said").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The value for people: "38,000,000 (34,200,000–38,000,000)".
    #[serde(skip)]
    pub display: String,
}

/// One aligned fact (or one unmatched fact) with its verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: String,
    pub kind: Kind,
    pub topic: String,
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
    /// The rule's help text.
    #[serde(skip)]
    pub help: String,
}

/// The identity of a finding, from what it says rather than where it says it.
///
/// Paths are left out: `a.md`, `./a.md` and `/home/x/a.md` name one file, and a
/// baseline written in one directory must hold in another.
fn fingerprint(f: &Finding) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [f.rule.as_str(), f.kind.as_str(), f.topic.as_str()] {
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

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub path: String,
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub agree: usize,
    pub conflict: usize,
    pub variant: usize,
    pub unmatched: usize,
    /// Conflicts and variants recorded in the baseline (`--baseline`).
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
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

/// Check several sets of sources on all cores. Each set is independent; the
/// results come back in the order given, whatever order the threads finish in.
pub fn check_all(jobs: Vec<(Option<String>, Vec<Source>)>, rules: &RuleSet) -> Vec<Checked> {
    type Job = std::sync::Mutex<Option<(Option<String>, Vec<Source>)>>;
    let jobs: Vec<Job> = jobs
        .into_iter()
        .map(|j| std::sync::Mutex::new(Some(j)))
        .collect();
    par_map(&jobs, usize::MAX, |slot| {
        let (group, sources) = slot.lock().unwrap_or_else(|e| e.into_inner()).take()?;
        let analysis = check(&sources, rules);
        Some(Checked {
            group,
            sources,
            analysis,
        })
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The most threads concur uses; 0 (the default) means one per core.
static THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Use at most `n` threads from now on (`0`: one per core). Output never
/// depends on it; `--threads` sets it, and benchmarks use 1 to measure one core.
pub fn set_threads(n: usize) {
    // More threads than cores only cost memory (each holds its own work).
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    THREADS.store(n.min(cores), std::sync::atomic::Ordering::Relaxed);
}

/// How many threads concur may use.
pub fn threads() -> usize {
    match THREADS.load(std::sync::atomic::Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// `f` over `items` on up to `max_threads` threads (no more than [`threads`]),
/// results in the order of `items` whatever the schedule: output never
/// depends on timing. Threads take the next item as they finish one, so a
/// large item does not hold up a whole share.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    max_threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads().min(max_threads).min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| {
            r.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item was mapped")
        })
        .collect()
}

/// The result of checking a set of sources.
#[derive(Debug, Clone, Serialize)]
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
                && (f.severity == Severity::Error
                    || deny_warnings && f.severity == Severity::Warning)
        })
    }
}

/// Extract the facts of every source (segmentation and extraction stages).
///
/// Two passes: the first finds every fact; the verbs any source negates
/// ("did not specify") are then read in their positive uses too ("specified"),
/// so a negation in one report can meet the assertion in another.
pub fn facts(sources: &[Source], rules: &RuleSet) -> Vec<Fact> {
    // Sources are independent until alignment: large ones are read in
    // parallel (small ones are not worth a thread, and `check_all` and
    // `batch` already keep the cores busy with many small clusters).
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let threads = if bytes >= PARALLEL_BYTES {
        usize::MAX
    } else {
        1
    };
    let indexed: Vec<(usize, &Source)> = sources.iter().enumerate().collect();
    let segs: Vec<_> = par_map(&indexed, threads, |(_, s)| {
        segment::segment(s, &rules.lexicon)
    });
    let read: Vec<_> = indexed.iter().zip(&segs).collect();
    let mut ctxs: Vec<_> = par_map(&read, threads, |((i, src), seg)| {
        let ctx = extract::Ctx::new(src, seg, rules, *i);
        let negated = extract::negated_verbs(&ctx);
        (ctx, negated)
    });
    let negated: rustc_hash::FxHashSet<String> =
        ctxs.iter().flat_map(|(_, n)| n.iter().cloned()).collect();
    for (ctx, _) in &mut ctxs {
        ctx.mark_negated(&negated);
    }
    par_map(&ctxs, threads, |(ctx, _)| extract::extract(ctx))
        .into_iter()
        .flatten()
        .collect()
}

/// Below this many bytes of sources in all, `facts` reads them on one thread.
const PARALLEL_BYTES: usize = 256 * 1024;

/// Run the whole pipeline.
pub fn check(sources: &[Source], rules: &RuleSet) -> Analysis {
    let facts = facts(sources, rules);
    let groups = align::align(&facts, rules);
    let names = compare::Names::new(&facts, &rules.lexicon);
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
    let groups: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| !counterpart_only(g))
        .collect();
    let mut findings: Vec<Finding> = groups
        .iter()
        .map(|g| finding(g, &facts, sources, rules, &names))
        .collect();
    findings.sort_by(|a, b| {
        let ka = (
            a.claims[0].source,
            a.claims[0].start,
            a.claims[0].end,
            a.kind,
        );
        let kb = (
            b.claims[0].source,
            b.claims[0].start,
            b.claims[0].end,
            b.kind,
        );
        ka.cmp(&kb).then_with(|| a.rule.cmp(&b.rule))
    });
    let mut seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    for f in &mut findings {
        let base = fingerprint(f);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        f.fingerprint = if *n == 1 { base } else { format!("{base}:{n}") };
    }
    let mut summary = Summary::default();
    for f in &findings {
        match f.verdict {
            Verdict::Agree => summary.agree += 1,
            Verdict::Conflict => summary.conflict += 1,
            Verdict::Variant => summary.variant += 1,
            Verdict::Unmatched => summary.unmatched += 1,
        }
    }
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

fn claim(f: &Fact, (start, end): (usize, usize), sources: &[Source]) -> Claim {
    let src = &sources[f.source];
    let (line, column) = src.line_col(start);
    Claim {
        source: f.source,
        start,
        end,
        line,
        column,
        text: src.text[start..end].to_string(),
        value: f.value.clone(),
        attribution: f.attribution.clone(),
        display: display_value(&f.value),
    }
}

fn finding(
    group: &[usize],
    facts: &[Fact],
    sources: &[Source],
    rules: &RuleSet,
    names: &compare::Names,
) -> Finding {
    let first = &facts[group[0]];
    let rule = &rules.rules[first.rule];
    let mut verdict = if group.len() == 1 {
        Verdict::Unmatched
    } else {
        Verdict::Agree
    };
    let mut pair = (group[0], group.get(1).copied().unwrap_or(group[0]));
    for (a, &i) in group.iter().enumerate() {
        for &j in &group[a + 1..] {
            let v = compare::compare(&facts[i], &facts[j], rule, names);
            if v < verdict {
                verdict = v;
                pair = (i, j);
            }
        }
    }
    // Every mention of an aligned fact is cited; an unmatched fact, once.
    let claims: Vec<Claim> = group
        .iter()
        .flat_map(|&i| {
            let f = &facts[i];
            let more = if group.len() > 1 {
                f.also.as_slice()
            } else {
                &[]
            };
            std::iter::once((f.start, f.end))
                .chain(more.iter().copied())
                .map(move |span| claim(f, span, sources))
        })
        .collect();
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
            Some(compare::word_diff(a, b))
        }
        (Verdict::Variant, ..) => Some(compare::word_diff(tx, ty)),
        _ => None,
    };
    let topic = first.topic.clone();
    let base = rule.message.replace("{topic}", &topic);
    let message = match verdict {
        Verdict::Unmatched => format!(
            "only {} states this {}: {}",
            sources[first.source].path,
            first.kind.as_str(),
            topic
        ),
        Verdict::Agree => format!("{base}: sources agree"),
        Verdict::Variant => format!("{base}: written differently (“{tx}” / “{ty}”)"),
        Verdict::Conflict => {
            let mut m = format!(
                "{base}: {} vs {}",
                display_value(&x.value),
                display_value(&y.value)
            );
            let (px, py) = (
                sources[x.source].meta.published,
                sources[y.source].meta.published,
            );
            if let (Some(px), Some(py)) = (px, py)
                && px != py
                && matches!(first.kind, Kind::Quantity | Kind::Claim)
            {
                let (old, new) = if px < py { (x, y) } else { (y, x) };
                m = format!(
                    "{base}: changed from {} ({}) to {} ({})",
                    display_value(&old.value),
                    px.min(py),
                    display_value(&new.value),
                    px.max(py)
                );
            }
            m
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
        help: rule.help.clone(),
    }
}

/// Format a figure with thousands separators.
pub fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        let s = format!("{}", v.round().abs() as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        format!("{}", (v * 1000.0).round() / 1000.0)
    }
}

fn fmt_secs(s: f64) -> String {
    for (unit, len) in [
        ("years", 31_556_952.0),
        ("months", 2_629_746.0),
        ("weeks", 604_800.0),
        ("days", 86_400.0),
        ("hours", 3600.0),
        ("minutes", 60.0),
    ] {
        if s.abs() >= len {
            return format!("{} {unit}", fmt_num((s / len * 10.0).round() / 10.0));
        }
    }
    format!("{} seconds", fmt_num(s))
}

/// The normalised value for people to read.
pub fn display_value(v: &Value) -> String {
    match v {
        Value::Quantity {
            value,
            low,
            high,
            unit,
            second,
            ..
        } => {
            if unit.as_deref() == Some(extract::quantity::AGE) {
                return if low == high {
                    format!("aged {}", fmt_num(*value))
                } else {
                    format!("aged {}–{}", fmt_num(*low), fmt_num(*high))
                };
            }
            let u = unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            if let Some(s) = second {
                return format!("{}-{}", fmt_num(*value), fmt_num(*s));
            }
            if low == high && low == value {
                format!("{}{u}", fmt_num(*value))
            } else if *low == *value && high.is_infinite() {
                format!("{} or more{u}", fmt_num(*value))
            } else if *high == *value && *low <= 0.0 {
                format!("up to {}{u}", fmt_num(*value))
            } else {
                format!(
                    "{}{u} ({}–{})",
                    fmt_num(*value),
                    fmt_num(*low),
                    fmt_num(*high)
                )
            }
        }
        Value::Duration { seconds, low, high } => format!(
            "{} ({}–{})",
            fmt_secs(*seconds),
            fmt_secs(*low),
            fmt_secs(*high)
        ),
        Value::Date {
            start,
            end,
            year_known,
            weekday,
            time,
            zone,
            ..
        } => {
            if let Some(t) = time {
                let z = match zone {
                    Some(z) if z % 60 == 0 => format!(" UTC{:+}", z / 60),
                    Some(z) => format!(" UTC{:+}:{:02}", z / 60, (z % 60).abs()),
                    None => String::new(),
                };
                return format!("{:02}:{:02}{z}", t / 60, t % 60);
            }
            if let Some(w) = weekday {
                return [
                    "",
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                ][*w as usize % 8]
                    .to_string();
            }
            let f = |d: &jiff::civil::Date| {
                if *d == jiff::civil::Date::MIN || *d == jiff::civil::Date::MAX {
                    "…".to_string()
                } else if *year_known {
                    d.to_string()
                } else {
                    format!("{:02}-{:02}", d.month(), d.day())
                }
            };
            if start == end {
                f(start)
            } else {
                format!("{} – {}", f(start), f(end))
            }
        }
        Value::Name { written, .. } => written.clone(),
        Value::Claim {
            predicate,
            negated,
            modality,
        } => {
            let m = if *modality == extract::Modality::Hedged {
                " (hedged)"
            } else {
                ""
            };
            format!("{}{predicate}{m}", if *negated { "not " } else { "" })
        }
    }
}
