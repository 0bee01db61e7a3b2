//! Invariants over generated text that looks like news: numbers with hedges,
//! dates, names, negations, curly quotes, non-breaking spaces, em dashes and
//! every kind of line ending. Runs in CI (a few hundred cases, seconds).

use concur::judge::Verdict;
use concur::rules::RuleSet;
use concur::source::Source;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::builtin().unwrap())
}

const WORDS: &[&str] = &[
    "the",
    "storm",
    "killed",
    "at",
    "least",
    "almost",
    "about",
    "41",
    "38",
    "1,900",
    "2.5",
    "people",
    "were",
    "injured",
    "on",
    "Friday",
    "Nov.",
    "24",
    "Christmas",
    "Day",
    "three",
    "weeks",
    "nearly",
    "a",
    "month",
    "did",
    "not",
    "charge",
    "was",
    "charged",
    "Ana",
    "Ruiz",
    "Harbor",
    "Trust",
    "of",
    "Guild",
    "said",
    "police",
    "could",
    "be",
    "acquitted",
    "guilty",
    "$4.5bn",
    "up",
    "to",
    "20",
    "years",
    "in",
    "prison",
    "mid-March",
    "2019",
    "4:30",
    "p.m.",
    "café",
    "Zoë",
    "Ørsted",
    "“quoted”",
    "‘single’",
    "—",
    "–",
    "(FBI)",
    "Federal",
    "Bureau",
    "Investigation",
    "dozen",
    "hundreds",
    "millions",
    "52nd",
    "minute",
    "4-2",
    "#1",
    "9/11",
    "U.S.",
    "Min-ho",
    "Mr.",
    "Dr.",
    "no",
    "deaths",
];
const BREAKS: &[&str] = &[
    " ", " ", " ", "\u{a0}", ", ", ". ", ".\n", ".\r\n", ".\r", "\n\n", "\r\n\r\n", "; ", ": ",
    "? ", "! ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(WORDS), prop::sample::select(BREAKS)),
        0..120,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (w, b) in parts {
            s.push_str(w);
            s.push_str(b);
        }
        s
    })
}

fn published() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        (2000i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    )
}

fn source(name: &str, body: &str, published: &Option<String>) -> Source {
    let text = match published {
        Some(p) => format!("+++\npublished = {p}\n+++\n{body}"),
        None => body.to_string(),
    };
    Source::from_text(name, text).unwrap()
}

/// Verdicts as (kind, verdict, claims by (source, start)) with sources renamed by `map`.
type Verdicts = Vec<(String, Verdict, Vec<(usize, usize)>)>;

fn verdicts(a: &concur::Analysis, map: impl Fn(usize) -> usize) -> Verdicts {
    let mut v: Vec<_> = a
        .findings
        .iter()
        .map(|f| {
            let mut c: Vec<_> = f
                .claims
                .iter()
                .map(|c| (map(c.source as usize), c.start as usize))
                .collect();
            c.sort();
            (f.kind.as_str().to_string(), f.verdict, c)
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn claims_are_exact_source_bytes_on_char_boundaries(a in text(), b in text(), pa in published(), pb in published()) {
        let sources = [source("a", &a, &pa), source("b", &b, &pb)];
        let analysis = concur::check(&sources, rules());
        for f in &analysis.findings {
            for c in &f.claims {
                let (s, start, end) = (c.source as usize, c.start as usize, c.end as usize);
                let t = &sources[s].text;
                prop_assert!(t.is_char_boundary(start) && t.is_char_boundary(end) && start < end);
                prop_assert_eq!(&t[start..end], &*c.text);
                let (line, col) = sources[s].line_col(start);
                prop_assert_eq!((line as u32, col as u32), (c.line, c.column));
            }
        }
    }

    #[test]
    fn swapping_sources_keeps_verdicts(a in text(), b in text(), pa in published(), pb in published()) {
        let ab = concur::check(&[source("a", &a, &pa), source("b", &b, &pb)], rules());
        let ba = concur::check(&[source("b", &b, &pb), source("a", &a, &pa)], rules());
        prop_assert_eq!(verdicts(&ab, |s| s), verdicts(&ba, |s| 1 - s));
    }

    #[test]
    fn a_source_against_itself_has_no_discrepancy(a in text(), pa in published()) {
        let analysis = concur::check(&[source("a", &a, &pa), source("a2", &a, &pa)], rules());
        prop_assert_eq!(analysis.summary.conflict, 0);
        prop_assert_eq!(analysis.summary.variant, 0);
    }

    #[test]
    fn output_is_byte_identical_across_runs(a in text(), b in text(), pa in published()) {
        let run = || serde_json::to_string(&concur::check(&[source("a", &a, &pa), source("b", &b, &None)], rules())).unwrap();
        prop_assert_eq!(run(), run());
    }
}

// ---- adding sources never silences a conflict -------------------------------

const REPORTS: &[&str] = &[
    "The storm killed {n} people in the region, officials said.",
    "Officials said {n} people were injured when the bridge fell.",
    "Rescuers said {n} people were still missing on the ridge.",
    "The council voted to spend ${n} million on the harbor.",
];

/// A group of 2 to 100 reports, each a few sentences from `REPORTS` with its
/// own figures; the first two always state the first sentence, with figures
/// that may differ.
fn group() -> impl Strategy<Value = Vec<String>> {
    (
        2usize..=100,
        prop::collection::vec((0usize..REPORTS.len(), 1u32..60), 1..4),
        prop::collection::vec(
            prop::collection::vec((0usize..2 * REPORTS.len(), 1u32..60), 1..4),
            100,
        ),
        1u32..60,
        1u32..60,
    )
        .prop_map(|(n, _, rest, a, b)| {
            // Most reports tell the same story: keys shared by more than 64 facts are common.
            let say = |parts: &[(usize, u32)]| {
                parts
                    .iter()
                    .map(|&(k, v)| {
                        REPORTS[if k >= REPORTS.len() { 0 } else { k }]
                            .replace("{n}", &v.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (0..n)
                .map(|i| match i {
                    0 => REPORTS[0].replace("{n}", &a.to_string()),
                    1 => REPORTS[0].replace("{n}", &b.to_string()),
                    _ => say(&rest[i]),
                })
                .collect()
        })
}

proptest! {
    // Up to 100 sources a case: fewer cases than the other properties.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24), ..ProptestConfig::default() })]

    /// A conflict between two sources is still reported, citing both, when
    /// more sources join them.
    #[test]
    fn more_sources_never_remove_a_conflict(texts in group()) {
        let sources: Vec<Source> = texts.iter().enumerate().map(|(i, t)| Source::from_text(&format!("s{i}.md"), t.clone()).unwrap()).collect();
        let pair = concur::check(&sources[..2], rules());
        let all = concur::check(&sources, rules());
        for f in pair.findings.iter().filter(|f| f.verdict == Verdict::Conflict) {
            let spans: Vec<(u32, u32, u32)> = f.claims.iter().map(|c| (c.source, c.start, c.end)).collect();
            let kept = all.findings.iter().any(|g| {
                g.verdict == Verdict::Conflict
                    && spans.iter().all(|&(s, a, b)| g.claims.iter().any(|c| c.source == s && c.start < b && a < c.end))
            });
            prop_assert!(kept, "conflict {:?} between the first two of {} sources is gone", f.message, sources.len());
        }
    }
}
