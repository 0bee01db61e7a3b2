//! The metamorphic test of alignment: whether two facts are about the same
//! thing must not depend on whether their values agree.
//!
//! For every finding that concur reports as *agree* between the first two
//! sources of a fixture or a rule example, the value in the second source is
//! changed wherever that source writes it (a figure tripled plus seven, a
//! number word swapped for a distant one, a day of the month moved by nine, a
//! weekday by three, a clock time by three hours, one letter of a name, a
//! negation dropped), and the check runs again. The two facts must still be
//! aligned, and now reported as a conflict (a variant or conflict for names),
//! with a claim on the changed span and one on the first source's claim.
//!
//! A checker that aligned the facts only because their values matched loses
//! them here: the changed fact falls out as unmatched, and this test fails.

use concur::judge::Verdict;
use concur::rules::{Kind, RuleSet};
use concur::source::Source;

fn rules() -> RuleSet {
    RuleSet::builtin().unwrap()
}

fn with_front_matter(text: &str, published: Option<&str>) -> String {
    match published {
        Some(p) => format!("+++\npublished = {p}\n+++\n{text}"),
        None => text.to_string(),
    }
}

const WORDS: &[(&str, &str)] = &[
    ("one", "nine"),
    ("two", "eight"),
    ("three", "seven"),
    ("four", "eleven"),
    ("five", "twelve"),
    ("six", "fifteen"),
    ("seven", "three"),
    ("eight", "two"),
    ("nine", "four"),
    ("ten", "thirty"),
    ("eleven", "five"),
    ("twelve", "four"),
    ("dozen", "hundred"),
    ("hundred", "thousand"),
    ("hundreds", "thousands"),
    ("thousand", "million"),
    ("thousands", "millions"),
    ("million", "billion"),
    ("billion", "million"),
    ("first", "fourth"),
    ("second", "fifth"),
    ("third", "sixth"),
    ("half", "quarter"),
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

fn keep_case(new: &str, old: &str) -> String {
    if old.chars().next().is_some_and(char::is_uppercase) {
        let mut c = new.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        new.to_string()
    }
}

/// The first run of digits (with thousands commas and a decimal part) in `s`.
fn first_figure(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let start = b.iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < b.len()
        && (b[end].is_ascii_digit()
            || (b[end] == b',' || b[end] == b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        end += 1;
    }
    Some((start, end))
}

fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

fn mutate_figure(s: &str) -> Option<String> {
    if let Some((a, e)) = first_figure(s) {
        let raw = &s[a..e];
        let v: f64 = raw.replace(',', "").parse().ok()?;
        let new = if raw.contains('.') {
            format!("{:.1}", v * 3.0 + 0.7)
        } else {
            format!("{}", v as i64 * 3 + 7)
        };
        return Some(format!("{}{new}{}", &s[..a], &s[e..]));
    }
    for (i, w) in words(s) {
        if let Some((_, rep)) = WORDS.iter().find(|(k, _)| *k == w.to_lowercase()) {
            return Some(format!(
                "{}{}{}",
                &s[..i],
                keep_case(rep, w),
                &s[i + w.len()..]
            ));
        }
    }
    None
}

fn mutate_date(s: &str) -> Option<String> {
    // A clock time: the hour moves by three.
    if let Some(colon) = s
        .find(':')
        .filter(|&c| c > 0 && s.as_bytes()[c - 1].is_ascii_digit())
    {
        let hs = s[..colon]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let h: u32 = s[hs..colon].parse().ok()?;
        return Some(format!("{}{}{}", &s[..hs], (h + 2) % 12 + 1, &s[colon..]));
    }
    // A day of the month next to a month name.
    if MONTHS.iter().any(|m| s.contains(m))
        && let Some((a, e)) = first_figure(s).filter(|&(a, e)| e - a <= 2)
    {
        let d: u32 = s[a..e].parse().ok()?;
        let nd = if d <= 19 { d + 9 } else { d - 9 };
        return Some(format!("{}{nd}{}", &s[..a], &s[e..]));
    }
    for (k, w) in WEEKDAYS.iter().enumerate() {
        if let Some(p) = s.find(w) {
            return Some(format!(
                "{}{}{}",
                &s[..p],
                WEEKDAYS[(k + 3) % 7],
                &s[p + w.len()..]
            ));
        }
    }
    // A year.
    let (a, e) = first_figure(s).filter(|&(a, e)| e - a == 4)?;
    let y: u32 = s[a..e].parse().ok()?;
    Some(format!("{}{}{}", &s[..a], y - 3, &s[e..]))
}

/// One vowel of the longest word that the first source writes too: a
/// spelling the first source contradicts ("Reyes" → "Reyos").
fn mutate_name(s: &str, first: &str) -> Option<String> {
    let (i, w) = words(s)
        .filter(|(_, w)| w.len() >= 4 && words(first).any(|(_, x)| x == *w))
        .max_by_key(|(_, w)| w.len())?;
    let vowels = "aeiou";
    let (k, c) = w
        .char_indices()
        .skip(2)
        .find(|(_, c)| vowels.contains(c.to_ascii_lowercase()))?;
    let next = vowels.as_bytes()[(vowels.find(c.to_ascii_lowercase())? + 2) % 5] as char;
    let next = if c.is_uppercase() {
        next.to_ascii_uppercase()
    } else {
        next
    };
    Some(format!(
        "{}{next}{}",
        &s[..i + k],
        &s[i + k + c.len_utf8()..]
    ))
}

fn mutate_claim(s: &str) -> Option<String> {
    for neg in ["not ", "never "] {
        if let Some(p) = s.find(neg) {
            return Some(format!("{}{}", &s[..p], &s[p + neg.len()..]));
        }
    }
    None
}

/// The one word that differs between two spellings (same word count).
fn changed_word(old: &str, new: &str) -> (String, String) {
    words(old)
        .zip(words(new))
        .find(|((_, a), (_, b))| a != b)
        .map_or((old.to_string(), new.to_string()), |((_, a), (_, b))| {
            (a.to_string(), b.to_string())
        })
}

/// Every occurrence of `old` in `text` (after the front matter) becomes `new`;
/// the byte spans of the replacements in the new text.
fn replace_all(text: &str, old: &str, new: &str) -> (String, Vec<(usize, usize)>) {
    let body = text
        .strip_prefix("+++\n")
        .map_or(0, |rest| rest.find("\n+++\n").map_or(0, |p| p + 9));
    let mut out = String::from(&text[..body]);
    let mut spans = Vec::new();
    let mut rest = &text[body..];
    while let Some(p) = rest.find(old) {
        out.push_str(&rest[..p]);
        spans.push((out.len(), out.len() + new.len()));
        out.push_str(new);
        rest = &rest[p + old.len()..];
    }
    out.push_str(rest);
    (out, spans)
}

/// One change for each agreement between the first two sources: (what was
/// changed, whether the change was caught).
fn mutations(a: &str, b: &str) -> Vec<(String, bool)> {
    let rules = rules();
    let sources = [
        Source::from_text("a", a.to_string()).unwrap(),
        Source::from_text("b", b.to_string()).unwrap(),
    ];
    let analysis = concur::check(&sources, &rules);
    let mut out = Vec::new();
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Agree)
    {
        let (Some(ca), Some(cb)) = (
            f.claims.iter().find(|c| c.source == 0),
            f.claims.iter().find(|c| c.source == 1),
        ) else {
            continue;
        };
        // A hedged claim ("could be charged") is a prediction and never
        // conflicts, whatever the other source says: nothing to catch.
        let hedged = |v: &concur::extract::Value| {
            matches!(
                v,
                concur::extract::Value::Claim {
                    modality: concur::extract::Modality::Hedged,
                    ..
                }
            )
        };
        if hedged(&ca.value) || hedged(&cb.value) {
            continue;
        }
        let changed = match f.kind {
            Kind::Quantity | Kind::Duration | Kind::Age => mutate_figure(&cb.text),
            Kind::Date => mutate_date(&cb.text),
            Kind::Name => mutate_name(&cb.text, &ca.text),
            Kind::Claim => mutate_claim(&cb.text),
        };
        let Some(new) = changed.filter(|n| **n != *cb.text) else {
            continue;
        };
        // A name's changed word changes wherever the source writes it, so no
        // other spelling of the source still agrees with the first source.
        let (old_part, new_part) = if f.kind == Kind::Name {
            changed_word(&cb.text, &new)
        } else {
            (cb.text.to_string(), new.clone())
        };
        let (b2, spans) = replace_all(b, &old_part, &new_part);
        let after = concur::check(
            &[sources[0].clone(), Source::from_text("b", b2).unwrap()],
            &rules,
        );
        let wanted =
            |v: Verdict| v == Verdict::Conflict || f.kind == Kind::Name && v == Verdict::Variant;
        let caught = after.findings.iter().any(|g| {
            wanted(g.verdict)
                && g.claims.iter().any(|c| {
                    c.source == 1
                        && spans
                            .iter()
                            .any(|&(s, e)| (c.start as usize) < e && s < c.end as usize)
                })
                && g.claims
                    .iter()
                    .any(|c| c.source == 0 && c.start < ca.end && ca.start < c.end)
        });
        out.push((
            format!(
                "{:?} {:?} = {:?}, b changed to {new:?}",
                f.kind, ca.text, cb.text
            ),
            caught,
        ));
    }
    out
}

fn assert_all_caught(label: &str, results: Vec<(String, bool)>) {
    let missed: Vec<&String> = results
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(d, _)| d)
        .collect();
    assert!(
        missed.is_empty(),
        "{label}: {} of {} changed values not reported:\n  {}",
        missed.len(),
        results.len(),
        missed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}

#[test]
fn changed_values_in_rule_examples_are_reported() {
    let rules = rules();
    let mut all = Vec::new();
    for rule in &rules.rules {
        for ex in rule.examples.iter().filter(|e| e.verdict == "agree") {
            let a = with_front_matter(&ex.a, ex.published_a.as_deref());
            let b = with_front_matter(&ex.b, ex.published_b.as_deref());
            all.extend(
                mutations(&a, &b)
                    .into_iter()
                    .map(|(d, ok)| (format!("{}: {d}", rule.id), ok)),
            );
        }
    }
    assert!(
        all.len() >= 10,
        "too few agreements in the rule examples to test: {}",
        all.len()
    );
    assert_all_caught("rule examples", all);
}

#[test]
fn changed_values_in_fixtures_are_reported() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.push(root.join("sony"));
    dirs.sort();
    let mut all = Vec::new();
    for dir in dirs {
        let (Ok(a), Ok(b)) = (
            std::fs::read_to_string(dir.join("a.md")),
            std::fs::read_to_string(dir.join("b.md")),
        ) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        all.extend(
            mutations(&a, &b)
                .into_iter()
                .map(|(d, ok)| (format!("{name}: {d}"), ok)),
        );
    }
    assert!(
        all.len() >= 10,
        "too few agreements in the fixtures to test: {}",
        all.len()
    );
    assert_all_caught("fixtures", all);
}

#[test]
fn the_mutators_change_what_they_should() {
    assert_eq!(
        mutate_figure("Almost 38 million files").as_deref(),
        Some("Almost 121 million files")
    );
    assert_eq!(mutate_figure("three weeks").as_deref(), Some("seven weeks"));
    assert_eq!(mutate_date("Dec. 25").as_deref(), Some("Dec. 16"));
    assert_eq!(mutate_date("on Friday").as_deref(), Some("on Monday"));
    assert_eq!(mutate_date("4:30 p.m.").as_deref(), Some("7:30 p.m."));
    assert_eq!(
        mutate_name("Dana Reyes", "Reyes").as_deref(),
        Some("Dana Reyos")
    );
    assert_eq!(mutate_name("Acme Entertainment", "Globex Corp"), None);
    assert_eq!(
        changed_word("Dana Reyes", "Dana Reyos"),
        ("Reyes".to_string(), "Reyos".to_string())
    );
    assert_eq!(
        mutate_claim("was not charged").as_deref(),
        Some("was charged")
    );
    assert_eq!(
        replace_all("+++\npublished = 2020-01-01\n+++\n5 and 5", "5", "8").0,
        "+++\npublished = 2020-01-01\n+++\n8 and 8"
    );
}
