//! Comparison: the verdict on two aligned facts, per kind, under the rule's
//! compare policy. Figures and dates are ranges (hedges widen them, rounding
//! and tolerance too); two ranges that overlap agree. Names agree when written
//! alike, vary when they are spellings of one name. Claims conflict on
//! opposite polarity unless one is only a prediction.

use super::{Fact, Modality, Value};
use crate::rules::{Lexicon, NamePolicy, Rule, Verdict};
use jiff::civil::Date;

fn overlap(a: (f64, f64), b: (f64, f64), slack: f64) -> bool {
    a.0 <= b.1 + slack && b.0 <= a.1 + slack
}

/// Two figures as (stated, low, high): ranges that overlap, within the rule's
/// tolerance, agree. With `hedges = false` only the stated figures count.
/// `steps` are the places of the figures' last digits (0 when unknown): the
/// less precise figure stands for everything that rounds to it ("52 percent"
/// and "62.3%" agree; "94" and "95" do not).
fn figures_verdict(
    a: (f64, f64, f64),
    b: (f64, f64, f64),
    steps: (f64, f64),
    rule: &Rule,
) -> Verdict {
    let (mut ra, mut rb) = if rule.compare.hedges {
        ((a.1, a.2), (b.1, b.2))
    } else {
        ((a.0, a.0), (b.0, b.0))
    };
    let half = |s: f64| s / 2.0 * (1.0 - 1e-9);
    if steps.0 > steps.1 && steps.1 > 0.0 {
        ra = (ra.0 - half(steps.0), ra.1 + half(steps.0));
    } else if steps.1 > steps.0 && steps.0 > 0.0 {
        rb = (rb.0 - half(steps.1), rb.1 + half(steps.1));
    }
    let slack = if rule.compare.relative {
        rule.compare.tolerance * a.0.abs().max(b.0.abs())
    } else {
        rule.compare.tolerance
    };
    if overlap(ra, rb, slack + 1e-9) {
        Verdict::Agree
    } else {
        Verdict::Conflict
    }
}

/// Whether both figures are bounds on the same side ("up to 50 million" and
/// "up to 157 million", "at least 41" and "more than 38"): then the bounds
/// themselves are what the sources state, and they are compared as figures.
fn same_open_hedge(a: &Fact, b: &Fact, lex: &Lexicon) -> bool {
    use crate::rules::lexicon::HedgeShape::*;
    let side = |f: &Fact| match f
        .hedge
        .as_deref()
        .and_then(|h| lex.def.hedges.get(h))
        .map(|d| d.shape)
    {
        Some(AtMost | LessThan) => -1,
        Some(AtLeast | MoreThan) => 1,
        _ => 0,
    };
    side(a) != 0 && side(a) == side(b)
}

/// The normalised tokens of every spelling of every name fact, computed once
/// per check: alignment compares names pair by pair, and normalising (folding,
/// lemmas) at each comparison cost more than all the rest of it.
pub struct Names<'a> {
    pub lex: &'a Lexicon,
    tokens: rustc_hash::FxHashMap<&'a str, Vec<String>>,
}

impl<'a> Names<'a> {
    pub fn new(facts: &'a [Fact], lex: &'a Lexicon) -> Names<'a> {
        let mut tokens = rustc_hash::FxHashMap::default();
        for f in facts {
            if let Value::Name { written, forms, .. } = &f.value {
                for s in std::iter::once(written).chain(forms) {
                    tokens
                        .entry(s.as_str())
                        .or_insert_with(|| lex.name_tokens(s));
                }
            }
        }
        Names { lex, tokens }
    }

    /// The tokens of a spelling (normalised now if it is not one of the facts').
    fn tokens(&self, s: &str) -> std::borrow::Cow<'_, [String]> {
        match self.tokens.get(s) {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(self.lex.name_tokens(s)),
        }
    }

    /// [`name_score`] of two spellings.
    pub fn score(&self, a: &str, b: &str) -> f32 {
        score_tokens(self.lex, &self.tokens(a), &self.tokens(b))
    }
}

/// Compare two facts of the same kind under `rule`.
pub fn compare(a: &Fact, b: &Fact, rule: &Rule, names: &Names) -> Verdict {
    match (&a.value, &b.value) {
        (
            Value::Quantity {
                value: va,
                low: la,
                high: ha,
                unit: ua,
                second: sa,
                ordinal: oa,
                step: pa,
            },
            Value::Quantity {
                value: vb,
                low: lb,
                high: hb,
                unit: ub,
                second: sb,
                ordinal: ob,
                step: pb,
            },
        ) => {
            if ua.is_some() && ub.is_some() && ua != ub {
                return Verdict::Conflict;
            }
            if sa != sb || oa != ob {
                return if sa.is_some() && sb.is_some() || oa != ob {
                    Verdict::Conflict
                } else {
                    Verdict::Agree
                };
            }
            if same_open_hedge(a, b, names.lex) {
                return figures_verdict((*va, *va, *va), (*vb, *vb, *vb), (*pa, *pb), rule);
            }
            figures_verdict((*va, *la, *ha), (*vb, *lb, *hb), (*pa, *pb), rule)
        }
        (
            Value::Duration {
                seconds: va,
                low: la,
                high: ha,
            },
            Value::Duration {
                seconds: vb,
                low: lb,
                high: hb,
            },
        ) if same_open_hedge(a, b, names.lex) => {
            figures_verdict((*va, *va, *va), (*vb, *vb, *vb), (0.0, 0.0), rule)
        }
        (
            Value::Duration {
                seconds: va,
                low: la,
                high: ha,
            },
            Value::Duration {
                seconds: vb,
                low: lb,
                high: hb,
            },
        ) => figures_verdict((*va, *la, *ha), (*vb, *lb, *hb), (0.0, 0.0), rule),
        (Value::Date { .. }, Value::Date { .. }) => {
            if dates_agree(&a.value, &b.value, rule) {
                Verdict::Agree
            } else {
                Verdict::Conflict
            }
        }
        (
            Value::Name {
                written: wa,
                forms: fa,
                ..
            },
            Value::Name {
                written: wb,
                forms: fb,
                ..
            },
        ) => {
            // The best pair of spellings decides: one shared spelling agrees.
            let all_a: Vec<&String> = std::iter::once(wa).chain(fa).collect();
            let all_b: Vec<&String> = std::iter::once(wb).chain(fb).collect();
            // The strongest relation between any two spellings decides: one
            // spelling in common agrees; else a spelling variant is a variant;
            // else a mere shorter form ("Acme" / "Acme Corp") agrees.
            let mut best = (0, Verdict::Conflict);
            for x in &all_a {
                for y in &all_b {
                    let r = names_relation(x, y, rule, names);
                    if r.0 > best.0 {
                        best = r;
                    }
                }
            }
            best.1
        }
        (
            Value::Claim {
                negated: na,
                modality: ma,
                ..
            },
            Value::Claim {
                negated: nb,
                modality: mb,
                ..
            },
        ) => {
            if na == nb || *ma == Modality::Hedged || *mb == Modality::Hedged {
                Verdict::Agree
            } else {
                Verdict::Conflict
            }
        }
        _ => Verdict::Conflict,
    }
}

/// How two spellings relate, as (strength, verdict): 3 the same spelling,
/// 2 a spelling variant, 1 a shorter form of the same name, 0 different.
fn names_relation(a: &str, b: &str, rule: &Rule, names: &Names) -> (u8, Verdict) {
    // Case alone differs and one is in capitals (a dateline, a headline): same spelling.
    let caps = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    if a == b || (caps(a) || caps(b)) && a.to_lowercase() == b.to_lowercase() {
        return (3, Verdict::Agree);
    }
    // Style, not spelling: full stops in an abbreviation ("U.S." / "US"), or
    // the plural of a one-word name ("Danes" / "Dane"). In a longer name
    // a dropped "s" is a variant ("Ortega Farms" / "Ortega Farm").
    let one_word = !a.contains(' ') && !b.contains(' ');
    let plain = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                let w: String = w
                    .chars()
                    .filter(|c| *c != '.')
                    .flat_map(char::to_lowercase)
                    .collect();
                match w.strip_suffix('s') {
                    Some(b) if one_word && b.chars().count() >= 3 => b.to_string(),
                    _ => w,
                }
            })
            .collect::<Vec<_>>()
    };
    if plain(a) == plain(b) {
        return (3, Verdict::Agree);
    }
    let alias = || {
        let (na, nb) = (names.tokens(a).join(" "), names.tokens(b).join(" "));
        rule.aliases
            .iter()
            .any(|g| g.contains(&na) && g.contains(&nb))
    };
    match rule.compare.names {
        NamePolicy::Exact => (0, Verdict::Conflict),
        NamePolicy::Alias if alias() => (3, Verdict::Agree),
        _ => match names.score(a, b) {
            s if s >= 0.9 => (2, Verdict::Variant),
            s if s > 0.0 => (1, Verdict::Agree),
            _ => (0, Verdict::Conflict),
        },
    }
}

fn dates_agree(a: &Value, b: &Value, rule: &Rule) -> bool {
    let (
        Value::Date {
            start: sa,
            end: ea,
            year_known: ya,
            weekday: wa,
            time: ta,
            zone: za,
            range: ra,
        },
        Value::Date {
            start: sb,
            end: eb,
            year_known: yb,
            weekday: wb,
            time: tb,
            zone: zb,
            range: rb,
        },
    ) = (a, b)
    else {
        return false;
    };
    if ta.is_some() || tb.is_some() {
        // With both zones known, compare the instants; else the clock times.
        return match (ta, tb, za, zb) {
            (Some(x), Some(y), Some(p), Some(q)) => {
                (*x as i32 - *p as i32 - (*y as i32 - *q as i32)).rem_euclid(1440) == 0
            }
            _ => ta == tb,
        };
    }
    // Unresolved weekdays compare with weekdays (or with a single known day).
    match (wa, wb) {
        (Some(x), Some(y)) => return x == y,
        // A day whose year is unknown has no weekday to compare: not comparable.
        (Some(w), None) if sb == eb && *yb => return sb.weekday().to_monday_one_offset() == *w,
        (None, Some(w)) if sa == ea && *ya => return sa.weekday().to_monday_one_offset() == *w,
        (Some(_), None) | (None, Some(_)) => return true,
        _ => {}
    }
    let key = |d: Date, known: bool| -> (i32, i32) {
        let y = if known && *ya && *yb {
            d.year() as i32
        } else {
            0
        };
        match rule.compare.granularity {
            crate::rules::Granularity::Day => (y, d.month() as i32 * 40 + d.day() as i32),
            crate::rules::Granularity::Month => (y, d.month() as i32 * 40),
            crate::rules::Granularity::Year => (y, 0),
        }
    };
    // An open end (Date::MIN / MAX, from "at least", "before") is unbounded.
    let bound = |d: Date, known: bool, open: (i32, i32)| {
        if d == Date::MIN || d == Date::MAX {
            open
        } else {
            key(d, known)
        }
    };
    let (lo_a, hi_a) = (
        bound(*sa, *ya, (i32::MIN, 0)),
        bound(*ea, *ya, (i32::MAX, 0)),
    );
    let (lo_b, hi_b) = (
        bound(*sb, *yb, (i32::MIN, 0)),
        bound(*eb, *yb, (i32::MAX, 0)),
    );
    // Two periods each written with both ends ("March 5 to 16" / "between
    // March 5 and March 16") state the same ends, or differ.
    if *ra && *rb {
        return lo_a == lo_b && hi_a == hi_b;
    }
    lo_a <= hi_b && lo_b <= hi_a
}

pub fn token_match<'a>(lex: &'a Lexicon, a: &'a str, b: &'a str) -> bool {
    if a == b {
        return true;
    }
    let nick = |w: &'a str| -> &'a str { lex.def.names.nicknames.get(w).map_or(w, String::as_str) };
    if nick(a) == nick(b) {
        return true;
    }
    // An initial matches the name it abbreviates.
    if (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b)) {
        return true;
    }
    // Spelling variants of longer words, but not a word and its derivative ("Korea"/"Korean").
    let (ca, cb) = (a.chars().count(), b.chars().count());
    if a.starts_with(b) || b.starts_with(a) {
        return false;
    }
    // One letter changed, added, dropped or swapped after the first
    // ("Okafor"/"Okafar", "Brandt"/"Brant"); two in long words.
    let same_start = a.chars().next() == b.chars().next();
    if ca.min(cb) >= 4 && same_start && ca.abs_diff(cb) <= 2 {
        let edits = strsim::osa_distance(a, b);
        if edits <= 1 || edits == 2 && ca.min(cb) >= 8 {
            return true;
        }
    }
    if ca >= 5 && cb >= 5 && strsim::jaro_winkler(a, b) >= 0.9 {
        return true;
    }
    // Transliterations: the same consonants, vowels aside ("Gaddafi"/"Qadhafi").
    ca.min(cb) >= 5 && ca.abs_diff(cb) <= 3 && {
        let sa = skeleton(a);
        sa.len() >= 3 && sa == skeleton(b)
    }
}

/// The consonants of a word as transliterations blur them: vowels, "h",
/// "w" and "y" dropped, letters that stand for one sound in different
/// systems folded ("q", "c", "g" to "k"; "ph" to "f"), doubles made single.
fn skeleton(w: &str) -> String {
    let w = w.replace("ph", "f");
    let mut out = String::new();
    for c in w.chars().filter(|c| c.is_ascii_alphabetic()) {
        let c = match c {
            'q' | 'c' | 'g' => 'k',
            'z' => 's',
            'v' => 'f',
            'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y' => continue,
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// How likely two names are one name written two ways: 1.0 for the same
/// normalised form, 0.9 when every word matches (nicknames, initials,
/// spelling), 0.8 when one is a shorter form of the other; 0.0 otherwise.
pub fn name_score(lex: &Lexicon, a: &str, b: &str) -> f32 {
    score_tokens(lex, &lex.name_tokens(a), &lex.name_tokens(b))
}

fn score_tokens(lex: &Lexicon, ta: &[String], tb: &[String]) -> f32 {
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    if ta == tb {
        return 1.0;
    }
    // Fused and split forms: "Abdul Rahman" / "Abdulrahman".
    if ta.len() != tb.len() && ta.concat() == tb.concat() {
        return 0.9;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (ta, tb)
    } else {
        (tb, ta)
    };
    // An acronym of the other name's words: "NWRB" / "National Water
    // Resources Board", "Unra" / "U.N. Relief Agency".
    if short.len() == 1
        && long.len() >= 2
        && short[0].len() >= long.len()
        && short[0].len() <= 2 * long.len()
    {
        // Short words give all their letters ("U.K." → "uk"), others their first.
        let initials: String = long
            .iter()
            .map(|w| {
                if w.chars().count() <= 2 {
                    w.as_str()
                } else {
                    &w[..w.chars().next().map_or(0, char::len_utf8)]
                }
            })
            .collect();
        if initials.chars().count() >= 3 && short[0] == initials {
            return 0.9;
        }
    }
    // A role word written before one of them ("Organiser Dana Reyes" /
    // "Dana Reyes"): common words leading the longer name are dropped.
    let lead = if long.len() > short.len() && long[0] != short[0] {
        long.iter()
            .take_while(|w| !short.contains(w) && lex.is_common_word(w))
            .count()
    } else {
        0
    };
    if lead > 0 && lead < long.len() && long.len() - lead >= short.len() && short.len() >= 2 {
        // The rest written alike is the same name with its role (a shorter
        // form, which agrees); written differently, a variant.
        let s = score_tokens(lex, short, &long[lead..]);
        if s >= 1.0 {
            return 0.8;
        }
        if s > 0.0 {
            return s.max(0.9);
        }
    }
    // A given name and its short form, the surname alike: "Val" / "Valentina".
    let given = |x: &str, y: &str| {
        let (a, b) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        a.chars().count() >= 3 && b.starts_with(a)
    };
    // Same length: every word must match.
    if short.len() == long.len() {
        return if short
            .iter()
            .zip(long.iter())
            .enumerate()
            .all(|(k, (x, y))| token_match(lex, x, y) || k == 0 && short.len() >= 2 && given(x, y))
        {
            0.9
        } else {
            0.0
        };
    }
    // Different lengths: last words match, first words match, and the rest of the
    // shorter name appears in order (middle initials may be missing).
    if short.len() >= 2
        && token_match(lex, short.last().unwrap(), long.last().unwrap())
        && token_match(lex, &short[0], &long[0])
    {
        let mut k = 1;
        for w in &short[1..short.len() - 1] {
            while k < long.len() - 1 && !token_match(lex, w, &long[k]) {
                k += 1;
            }
            if k >= long.len() - 1 {
                return 0.0;
            }
            k += 1;
        }
        // One missing word between the first and the last: a middle initial
        // or a middle name ("Anna Louise Berg" / "Anna Berg").
        if long.len() - short.len() <= 1 {
            return 0.9;
        }
    }
    // A shorter form: the longer name begins with the shorter one ("Ortega
    // Farm" / "Ortega Farm of Salinas"); written alike it is just shorter (0.8),
    // with a nickname or a spelling difference it is a variant (0.9).
    if short.len() >= 2
        && short
            .iter()
            .zip(long.iter())
            .all(|(s, l)| token_match(lex, s, l))
    {
        return if long.starts_with(short) { 0.8 } else { 0.9 };
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn score(a: &str, b: &str) -> f32 {
        let rs = RuleSet::builtin().unwrap();
        name_score(&rs.lexicon, a, b)
    }

    #[test]
    fn names_that_are_one_name() {
        assert!(score("Li Wei Ming", "Li Wei-ming") >= 0.9);
        assert!(score("Friends of Liberty", "Friends of the Liberty") >= 0.9);
        assert!(score("Bob Smithers", "Robert F. Smithers") >= 0.9);
        assert!(score("James R. Fenwick", "James Fenwick") >= 0.9);
        assert!(score("Henry Oakes", "Hank Oakes") >= 0.9);
        assert!(score("Gdansk Arena", "Gdańsk Arena") >= 0.9);
        assert!(score("Westbrook Centre", "Westbrook Center") >= 0.9);
    }

    #[test]
    fn names_that_are_not() {
        assert_eq!(score("West Carolina", "East Carolina"), 0.0);
        assert_eq!(score("Li Wei Ming", "Li Wei Min"), 0.0);
        assert_eq!(score("West Ruritania", "West Ruritanian"), 0.0);
        assert_eq!(score("Maureen Smithers", "Bob Smithers"), 0.0);
    }
}
