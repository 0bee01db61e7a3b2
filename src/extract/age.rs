//! Ages: "a 38-year-old", "aged 38", "Jane Porter, 41,", "in her late 30s",
//! "died at 84", "She was 84."
//! An age is of someone or something (its head: "person", "jet"), and only
//! ever meets an age of the same kind of thing.

use super::display::fmt_num;
use super::kind::{FactKind, Names, Reading, Sameness};
use super::quantity::{figures_verdict, identifier};
use super::{Candidate, Ctx, Fact, Modality, Value, flag, nearby_events};
use crate::rules::{Kind, Rule, RuleSet, Verdict};
use crate::segment::{Sentence, TokKind};

/// An age at token `i`: "38-year-old", "aged 38", "age 38", "Porter, 41,",
/// "in her early 40s", with what is aged as its head.
fn age(ctx: &Ctx, s: &Sentence, i: usize) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    let t = &toks[i];
    let limit = s.tokens.end;
    let w = |k: usize| toks.get(k).filter(|_| k < limit).map(|t| t.lower.as_str());
    // Up to 199: an impossible age in one report is a discrepancy to show, not noise.
    let whole = |x: &str| x.parse::<u16>().ok().filter(|&n| (1..=199).contains(&n));
    // What is aged: the noun after "38-year-old" ("jet", "building",
    // "fisherman"), the last of the words that name it ("a 47-year-old
    // former nurse", "the 26-year-old cargo ship"); a person when there is
    // none ("a 52-year-old Dane", "Porter, 41", "the 17-year-old appeared
    // in court").
    let noun = |k: usize| {
        toks.get(k).is_some_and(|t| {
            k < limit
                && t.kind == TokKind::Word
                && !t.caps
                && !ctx.has(k, flag::STOP)
                && !ctx.lex.is_past_form(t.lower.as_str())
                && !ctx
                    .lex
                    .def
                    .numbers
                    .generic_nouns
                    .contains(ctx.lex.lemma(t.lower.as_str()).as_str())
        })
    };
    let aged = |to: usize| {
        // The last of the words, or the first that names a person: a verb
        // may follow the noun ("the 47-year-old nurse takes office").
        let words: Vec<usize> = (to..to + 3).take_while(|&k| noun(k)).collect();
        let is_person = |k: &&usize| {
            let w = toks[**k].lower.as_str();
            ctx.lex.is_person_noun(w) || ctx.lex.is_person_noun(&ctx.lex.lemma(w))
        };
        words
            .iter()
            .find(is_person)
            .or(words.last())
            .copied()
            .map_or_else(
                || "person".to_string(),
                |k| {
                    // A person's noun stays one as its lemma ("nurse", not "nurs").
                    let word = toks[k].lower.as_str();
                    let lemma = ctx.lex.lemma(word);
                    if ctx.lex.is_person_noun(word) && !ctx.lex.is_person_noun(&lemma) {
                        word.to_string()
                    } else {
                        lemma
                    }
                },
            )
    };
    // A word for people: "children", "adults", "patients", "fishermen".
    let person = |k: usize| {
        let t = &toks[k];
        let lemma = ctx.lex.lemma(t.lower.as_str());
        t.kind == TokKind::Word
            && (!t.caps || k == s.tokens.start)
            && (ctx.lex.is_person_noun(t.lower.as_str())
                || ctx.lex.is_person_noun(&lemma)
                || ctx.lex.def.numbers.generic_nouns.contains(lemma.as_str()))
    };
    let found = |from: usize, to: usize, value: f64, low: f64, high: f64| {
        let span = from..to;
        Some(Candidate {
            kind: Kind::Age,
            sentence: 0,
            events: nearby_events(ctx, s, &span, usize::MAX),
            toks: span,
            value: Value::Age { value, low, high },
            head: Some(aged(to)),
            hedge: None,
            modality: Modality::Asserted,
            relative: false,
            label: None,
            bytes: None,
            clock: None,
        })
    };
    let years = |k: usize| matches!(w(k), Some("year" | "years"));
    // "The bridge is 40 years old", "the jet, which is seven years old": what
    // is aged is the subject before the verb, when no noun follows.
    let subject = || {
        let mut k = i.checked_sub(1).filter(|&k| k > s.tokens.start)?;
        if !super::claim::finite_be(&toks[k].lower) {
            return None;
        }
        k -= 1;
        if matches!(toks[k].lower.as_str(), "which" | "that") && k > s.tokens.start {
            k -= 1;
        }
        if toks[k].lower == "," && k > s.tokens.start {
            k -= 1;
        }
        noun(k).then(|| ctx.lex.lemma(toks[k].lower.as_str()))
    };
    // "38-year-old", "38 years old", and a number written as a word: "a
    // six-year-old plane", "seven years old".
    let written = if t.kind == TokKind::Number {
        whole(&t.lower)
    } else {
        ctx.lex
            .number_word(&t.lower)
            .filter(|v| v.fract() == 0.0 && (1.0..=199.0).contains(v))
            .map(|v| v as u16)
    };
    if let Some(n) = written {
        if w(i + 1) == Some("-") && years(i + 2) && w(i + 3) == Some("-") && w(i + 4) == Some("old")
        {
            return found(i, i + 5, n as f64, n as f64, n as f64);
        }
        if years(i + 1) && w(i + 2) == Some("old") {
            let aged_after = noun(i + 3);
            return found(i, i + 3, n as f64, n as f64, n as f64).map(|mut c| {
                if !aged_after && let Some(h) = subject() {
                    c.head = Some(h);
                }
                c
            });
        }
    }
    if t.kind == TokKind::Number {
        if let Some(n) = written {
            // A range of ages: "aged 40 to 79", "aged 18-65", "between 40
            // and 79 years old", "40 to 79 years old".
            let between = i > s.tokens.start && toks[i - 1].lower == "between";
            let upper = match w(i + 1) {
                Some("to" | "-" | "–") if !between => w(i + 2).and_then(whole),
                Some("and") if between => w(i + 2).and_then(whole),
                _ => None,
            }
            .filter(|&m| m > n);
            let aged = i > s.tokens.start && matches!(toks[i - 1].lower.as_str(), "aged" | "age")
                || i > s.tokens.start + 1
                    && toks[i - 1].lower == "of"
                    && toks[i - 2].lower == "age";
            if let Some(m) = upper {
                let from = if between { i - 1 } else { i };
                if years(i + 3) && w(i + 4) == Some("old") {
                    return found(from, i + 5, n as f64, n as f64, m as f64);
                }
                if aged {
                    return found(from, i + 3, n as f64, n as f64, m as f64);
                }
            }
            // "aged 60 and over", "65 or older", "18 and under": an open
            // bound on the ages of those named, after "aged" or a word for
            // people ("adults 65 and older").
            let bound = match (w(i + 1), w(i + 2)) {
                (Some("and" | "or"), Some("over" | "older" | "above" | "up")) => {
                    Some((n as f64, OLDEST))
                }
                (Some("and" | "or"), Some("under" | "younger" | "below")) => Some((0.0, n as f64)),
                _ => None,
            };
            // (Of the people named before it: what follows is the clause.)
            if let Some((low, high)) = bound
                && (aged || i > s.tokens.start && person(i - 1))
            {
                return found(i, i + 3, n as f64, low, high).map(|mut c| {
                    c.head = Some("person".into());
                    c
                });
            }
            // "aged 38", "age 38", "at the age of 38".
            if aged {
                return found(i, i + 1, n as f64, n as f64, n as f64);
            }
            // "died at 84", "dies at 84": the age of one who died. "She was
            // 84." closing its sentence: the age of the one the pronoun is.
            // (Only the verb: "put the toll at 37" is a count; and
            // no clock time, "died at 5 p.m.".)
            let died_at = i >= s.tokens.start + 2
                && toks[i - 1].lower == "at"
                && matches!(toks[i - 2].lower.as_str(), "died" | "dies" | "die")
                && matches!(
                    w(i + 1),
                    None | Some("," | "." | ";" | ")" | "and" | "in" | "on" | "after" | "of")
                );
            let was = i >= s.tokens.start + 2
                && matches!(toks[i - 1].lower.as_str(), "was" | "is")
                && matches!(toks[i - 2].lower.as_str(), "he" | "she")
                && i - 2 == s.tokens.start
                && matches!(w(i + 1), Some(".") | None);
            if died_at || was {
                return found(i, i + 1, n as f64, n as f64, n as f64);
            }
            // "children under 10", "adults over 65": a bound on the ages of
            // the people just named, not a count of them.
            if i >= s.tokens.start + 2
                && matches!(toks[i - 1].lower.as_str(), "under" | "over")
                && person(i - 2)
                && !matches!(w(i + 1), Some("%" | "percent" | "per"))
            {
                let (low, high) = if toks[i - 1].lower == "under" {
                    (0.0, n as f64 - 1.0)
                } else {
                    (n as f64 + 1.0, OLDEST)
                };
                return found(i - 1, i + 1, n as f64, low, high);
            }
            // "Jane Porter, 41, said", "the driver, 24, was": a figure set
            // off by commas right after a name or a noun for a person.
            let person = |k: usize| {
                ctx.is_capitalized(&toks[k])
                    && !ctx.has(k, flag::DATE)
                    && !ctx.has(k, flag::NOT_NAME)
                    || toks[k].kind == crate::segment::TokKind::Word
                        && !ctx.is_capitalized(&toks[k])
                        && ctx.lex.is_role_noun(&toks[k].lower)
            };
            // (Or a noun for a person followed by what it is of: "the
            // driver of the van, 24,", "a nurse from the clinic, 37,"; the
            // words between are the phrase's own, no figure or mark.)
            let of_person = |end: usize| {
                (end.saturating_sub(4).max(s.tokens.start + 1)..end).any(|k| {
                    matches!(toks[k].lower.as_str(), "of" | "from" | "at")
                        && toks[k - 1].kind == TokKind::Word
                        && ctx.lex.is_role_noun(&toks[k - 1].lower)
                        && (k + 1..=end).all(|m| toks[m].kind == TokKind::Word)
                })
            };
            if i >= s.tokens.start + 2
                && toks[i - 1].lower == ","
                && (person(i - 2) || of_person(i - 2))
                && matches!(w(i + 1), Some("," | "." | ";" | ")") | None)
            {
                return found(i, i + 1, n as f64, n as f64, n as f64);
            }
        }
        // "in her early 40s": a decade of life.
        let decade = t
            .lower
            .strip_suffix('s')
            .and_then(whole)
            .filter(|d| d % 10 == 0)
            .or_else(|| {
                whole(&t.lower)
                    .filter(|d| d % 10 == 0 && w(i + 1) == Some("s") && toks[i + 1].glued)
            });
        if let Some(d) = decade {
            let end = if t.lower.ends_with('s') { i + 1 } else { i + 2 };
            let mut from = i;
            let (mut lo, mut hi) = (d, d + 9);
            if i > s.tokens.start {
                match toks[i - 1].lower.as_str() {
                    "early" => (lo, hi, from) = (d, d + 3, i - 1),
                    "mid" | "mid-" => (lo, hi, from) = (d + 3, d + 6, i - 1),
                    "late" => (lo, hi, from) = (d + 6, d + 9, i - 1),
                    _ => {}
                }
            }
            if from > s.tokens.start + 1
                && toks[from - 1].lower == "-"
                && toks[from - 2].lower == "mid"
            {
                (lo, hi, from) = (d + 3, d + 6, from - 2);
            }
            let owner = from
                .checked_sub(1)
                .filter(|&k| k >= s.tokens.start)
                .is_some_and(|k| matches!(toks[k].lower.as_str(), "his" | "her" | "their"));
            if owner {
                return found(from, end, (lo + hi) as f64 / 2.0, lo as f64, hi as f64);
            }
        }
    }
    None
}

/// What an age is of, for alignment: its head, or "person" when the head
/// names one by its trade or role ("a 38-year-old welder" meets "Ines
/// Aranda, 41,"; the topic still says "welder").
fn aged<'f>(f: &'f Fact, rules: &RuleSet) -> Option<&'f str> {
    match f.head.as_deref() {
        Some(h) if rules.lexicon.is_person_noun(h) => Some("person"),
        h => h,
    }
}

/// The oldest age a bound like "adults over 65" reaches.
const OLDEST: f64 = 120.0;

/// The age kind: read before quantities, so a figure that is an age is not
/// also a count.
pub struct Ages;

impl FactKind for Ages {
    fn kind(&self) -> Kind {
        Kind::Age
    }

    fn read(
        &self,
        ctx: &Ctx,
        si: usize,
        s: &Sentence,
        reading: &mut Reading,
        out: &mut Vec<Candidate>,
    ) {
        let toks = &ctx.seg.tokens;
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if reading.claimed[i] {
                i += 1;
                continue;
            }
            // "Flight 747 aged …": an identifier is never an age.
            if let Some(end) = identifier(ctx, s, i) {
                i = end;
                continue;
            }
            // Labels ("counts 4 and 7") are not ages either.
            if toks[i].kind == TokKind::Number
                && i > s.tokens.start
                && ctx
                    .lex
                    .def
                    .numbers
                    .labels
                    .contains(toks[i - 1].lower.as_str())
            {
                i += 1;
                continue;
            }
            match age(ctx, s, i) {
                Some(a) => {
                    for c in &mut reading.claimed[a.toks.clone()] {
                        *c = true;
                    }
                    i = a.toks.end;
                    out.push(Candidate { sentence: si, ..a });
                }
                None => i += 1,
            }
        }
    }

    /// A jet's age never meets a pilot's.
    fn sameness(&self, x: &Fact, y: &Fact, rules: &RuleSet, _names: &Names) -> Sameness {
        // Two ages told beside one name are that person's, however each
        // report describes them ("Marek, a 41-year-old nurse" / "Marek,
        // 41"): one slot, whatever their contexts (a score past any gate).
        if x.about.is_some() && x.about == y.about {
            return Sameness::Score(1.0, 0.5);
        }
        // Ages told beside two names are two people's: "Ines Marek, 41"
        // and "Tomas Reyes, 41".
        let named_apart = matches!((x.about, y.about), (Some(a), Some(b)) if a != b);
        if aged(x, rules) == aged(y, rules) && !named_apart {
            Sameness::Context
        } else {
            Sameness::Never
        }
    }

    fn slot<'f>(&self, f: &'f Fact, rules: &RuleSet) -> (Option<&'f str>, Option<&'f str>) {
        (aged(f, rules), None)
    }

    fn head_in_context(&self, _fallback: bool) -> bool {
        true
    }

    fn compare(&self, a: &Fact, b: &Fact, rule: &Rule, _names: &Names) -> Verdict {
        match (a.value.range(), b.value.range()) {
            (Some(x), Some(y)) => figures_verdict(x, y, (1.0, 1.0), rule),
            _ => Verdict::Conflict,
        }
    }

    fn display(&self, v: &Value) -> String {
        match v {
            Value::Age { value, low, high } if low == high => format!("aged {}", fmt_num(*value)),
            Value::Age { low, high, .. } => format!("aged {}–{}", fmt_num(*low), fmt_num(*high)),
            _ => String::new(),
        }
    }

    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result {
        v.range_key('a', key)
    }
}
