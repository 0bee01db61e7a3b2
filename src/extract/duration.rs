//! Durations: numbers of time units ("three weeks", "a nine-day hearing",
//! "four to six days"), compared as spans of seconds.

use super::display::fmt_num;
use super::kind::{Names, Reading, Sameness};
use super::number::{self, Num};
use super::quantity::{apply_hedge, figures_verdict, is_word, same_open_hedge};
use super::{Candidate, Ctx, Fact, Modality, Value, hedge_before, nearby_events_lasting};
use crate::rules::{Kind, Rule, RuleSet, Verdict};
use crate::segment::{Sentence, TokKind};

/// How far apart two bounds stated in different units may be and still be
/// one length: a month is 30.4 days, a year 52.2 weeks.
const UNIT_SLACK: f64 = 0.03;

/// How many words the phrase after "of" may run to ("two years of hard
/// manual labour"): past that, the words are the clause's, not the noun's.
const OF_PHRASE: usize = 3;

/// Durations: NUMBER UNIT, NUMBER-UNIT compounds, and ranges "four to six weeks".
pub fn extract(ctx: &Ctx, si: usize, s: &Sentence, claimed: &mut [bool], out: &mut Vec<Candidate>) {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let limit = s.tokens.end;
    let mut i = s.tokens.start;
    while i < limit {
        if claimed[i] {
            i += 1;
            continue;
        }
        let Some(n) = number::read(ctx, i, limit) else {
            i += 1;
            continue;
        };
        // "Route 12 Night Market": an identifier is never a duration.
        if let Some(end) = super::quantity::identifier(ctx, s, i) {
            i = end;
            continue;
        }
        if n.ordinal {
            i += 1;
            continue;
        }
        // Optional range: "four to six weeks", "two or three days", "5-7 days".
        let mut second: Option<Num> = None;
        let mut j = n.end;
        // "between six and eight minutes"
        let between = i > s.tokens.start && toks[i - 1].lower == "between";
        if j + 1 < limit
            && (matches!(toks[j].lower.as_str(), "to" | "or" | "-" | "–")
                || between && toks[j].lower == "and")
            && let Some(m) =
                number::read(ctx, j + 1, limit).filter(|m| !m.ordinal && m.value > n.value)
        {
            j = m.end;
            second = Some(m);
        }
        // "two and a half years", "a day and a half": half a unit more.
        let and_a_half = |k: usize| {
            k + 2 < limit
                && toks[k].lower == "and"
                && matches!(toks[k + 1].lower.as_str(), "a" | "one")
                && toks[k + 2].lower == "half"
        };
        let mut half = second.is_none() && and_a_half(j);
        if half {
            j += 3;
        }
        let compound = toks.get(j).is_some_and(|t| t.glued && t.lower == "-")
            && toks.get(j + 1).is_some_and(|t| t.glued);
        let mut u = if compound { j + 1 } else { j };
        // A unit after a word in "-ing" that says what the time was spent
        // on: "12,000 flying hours", "40 working days".
        if !compound
            && u + 1 < limit
            && is_word(ctx, u)
            && is_word(ctx, u + 1)
            && !toks[u].caps
            && toks[u].lower.len() > 5
            && toks[u].lower.ends_with("ing")
            && !ctx.has(u, super::flag::STOP)
            && lex.duration_unit(toks[u].lower.as_str()).is_none()
            && lex.duration_unit(toks[u + 1].lower.as_str()).is_some()
        {
            u += 1;
        }
        let Some((secs, _unit)) = toks
            .get(u)
            .filter(|_| u < limit && is_word(ctx, u))
            .and_then(|t| lex.duration_unit(t.lower.as_str()))
        else {
            i += 1;
            continue;
        };
        let mut end = u + 1;
        if !half && second.is_none() && !compound && and_a_half(end) {
            half = true;
            end += 3;
        }
        // "30-year-old" is an age; "three days ago" a point in time.
        let after = toks
            .get(end)
            .filter(|_| end < limit)
            .map(|t| t.lower.as_str());
        let after2 = toks
            .get(end + 1)
            .filter(|_| end + 1 < limit)
            .map(|t| t.lower.as_str());
        if after.is_some_and(|a| lex.def.durations.not_after.contains(a))
            || (after == Some("-")
                && after2.is_some_and(|a| lex.def.durations.not_after.contains(a)))
        {
            i = end;
            continue;
        }
        // "a second unvaccinated child", "a second time", "a second day":
        // after "a", a unit that is also an ordinal ranks the noun after it
        // (a word of time is such a noun, though it is a stop word).
        if n.weak
            && second.is_none()
            && !compound
            && lex
                .def
                .numbers
                .ordinals
                .contains_key(toks[u].lower.as_str())
            && end < limit
            && is_word(ctx, end)
            && (!ctx.has(end, super::flag::STOP)
                || toks[end].lower == "time"
                || lex.duration_unit(&toks[end].lower).is_some())
        {
            i = end;
            continue;
        }
        if n.weak && second.is_none() && compound {
            i += 1;
            continue;
        }
        // "3 hours and 12 minutes", "2 hours 40 minutes", "a day, six hours":
        // a count of a smaller unit right after adds to the first, and the
        // length is told to that unit.
        let mut finer: Option<(f64, f64)> = None;
        if !half && second.is_none() && !compound {
            let k = if end < limit && matches!(toks[end].lower.as_str(), "and" | ",") {
                end + 1
            } else {
                end
            };
            if let Some(m) = number::read(ctx, k, limit).filter(|m| !m.ordinal && !m.vague)
                && m.end < limit
                && is_word(ctx, m.end)
                && let Some((small, _)) = lex.duration_unit(toks[m.end].lower.as_str())
                && small < secs
            {
                let r = if m.value >= 2.0 { 0.49 } else { 0.25 } * small;
                finer = Some((m.value * small, r));
                end = m.end + 1;
            }
        }
        // A rate, not a length of time: "400 tonnes a day", "$2 an hour", "twice a week".
        // ("half an hour" is a part of one unit, no rate.)
        // (A length told to a smaller unit is none: "took an hour and 20 minutes".)
        let rate = !half && finer.is_none() && n.weak && n.value >= 1.0 && i > s.tokens.start && {
            let p = &toks[i - 1];
            p.kind == TokKind::Number
                || matches!(p.lower.as_str(), "per" | ")" | "%")
                || p.kind == TokKind::Word
                    && (!ctx.has(i - 1, super::flag::STOP)
                        || i >= s.tokens.start + 2 && toks[i - 2].kind == TokKind::Number)
                    && hedge_before(ctx, s, i).is_none()
        };
        if rate {
            i = end;
            continue;
        }
        if finer.is_some()
            && toks.get(end).is_some_and(|t| {
                end < limit && lex.def.durations.not_after.contains(t.lower.as_str())
            })
        {
            i = end;
            continue;
        }
        let (hedge_start, hedge) = match hedge_before(ctx, s, i) {
            Some((from, phrase, def)) => (from, Some((phrase, def))),
            None if between && second.is_some() => (i - 1, None),
            None => (i, None),
        };
        // The noun a compound qualifies ("nine-day hearing") is the head.
        let mut head = None;
        let mut label = None;
        if compound
            && let Some(t) = toks.get(end).filter(|t| {
                end < limit
                    && t.kind == TokKind::Word
                    && !lex.def.words.stopwords.contains(t.lower.as_str())
            })
        {
            head = Some(lex.lemma(t.lower.as_str()));
            label = Some(t.lower.to_string());
            end += 1;
        } else if !compound
            && toks.get(end).is_some_and(|t| t.lower == "of")
            && end + 1 < limit
            && let Some(t) = toks.get(end + 1).filter(|t| {
                t.kind == TokKind::Word
                    && !ctx.is_capitalized(t)
                    && !lex.def.words.stopwords.contains(t.lower.as_str())
            })
        {
            // What the time is of: "two days of talks", "four years of study",
            // and of a noun with words before it, its last noun: "three days
            // of national mourning" is mourning, as "three days of mourning" is.
            // (Up to a word that ends the phrase: a stop word, punctuation, a
            // capital, a past form that is the clause's verb, "of talks ended".)
            let word = |k: usize| {
                toks.get(k).filter(|t| {
                    k < limit
                        && t.kind == TokKind::Word
                        && !ctx.is_capitalized(t)
                        && !lex.def.words.stopwords.contains(t.lower.as_str())
                        && !lex.is_past_form(t.lower.as_str())
                })
            };
            let mut last = t;
            let mut k = end + 2;
            while k < end + 1 + OF_PHRASE
                && let Some(next) = word(k)
            {
                last = next;
                k += 1;
            }
            head = Some(lex.lemma(last.lower.as_str()));
            label = Some(
                toks[end + 1..k]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let lo_n = n.low;
        let hi_n = second.as_ref().map_or(n.high, |m| m.high);
        // Rounding: a whole count of units stands for ±half a unit (a quarter
        // for one unit), a part of one unit for a quarter of itself: "half an
        // hour" is 30 minutes give or take 7, not anything from 15 to 45.
        // (A count and a half is told to the half: a quarter either way.)
        let more = if half { 0.5 } else { 0.0 };
        let r = if half {
            0.25
        } else if n.value >= 2.0 {
            0.49
        } else {
            0.25 * n.value.min(1.0)
        } * secs;
        let (add, r) = finer.unwrap_or((0.0, r));
        let value = (n.value + more) * secs + add;
        let (low, high) = apply_hedge(
            hedge.as_ref().map(|h| &h.1),
            value,
            (lo_n + more) * secs + add - r,
            (hi_n + more) * secs + add + r,
        );
        for c in claimed.iter_mut().take(end).skip(hedge_start) {
            *c = true;
        }
        let span = hedge_start..end;
        let events = nearby_events_lasting(ctx, s, &span);
        out.push(Candidate {
            kind: Kind::Duration,
            sentence: si,
            toks: span,
            value: Value::Duration {
                seconds: value,
                low,
                high,
            },
            head,
            events,
            hedge: hedge.map(|h| h.0),
            modality: Modality::Asserted,
            relative: false,
            label,
            bytes: None,
            clock: None,
        });
        i = end;
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

/// The duration kind: how it is read, keyed, compared and shown.
pub struct Durations;

impl super::kind::FactKind for Durations {
    fn kind(&self) -> Kind {
        Kind::Duration
    }

    fn read(
        &self,
        ctx: &Ctx,
        si: usize,
        s: &Sentence,
        reading: &mut Reading,
        out: &mut Vec<Candidate>,
    ) {
        extract(ctx, si, s, &mut reading.claimed, out);
    }

    /// Times of two different things ("two days of talks", "a
    /// ten-day curfew") are two slots.
    fn sameness(&self, x: &Fact, y: &Fact, rules: &RuleSet, _names: &Names) -> Sameness {
        match (&x.head, &y.head) {
            // Times of two things never meet; of one thing named two ways,
            // a kind of the other ("months of negotiations" / "a year of
            // bargaining"), they may.
            (Some(a), Some(b)) if a != b && !rules.lexicon.same_kind_of_thing(a, b) => {
                Sameness::Never
            }
            _ => Sameness::Context,
        }
    }

    fn head_in_context(&self, _fallback: bool) -> bool {
        true
    }

    fn compare(&self, a: &Fact, b: &Fact, rule: &Rule, names: &Names) -> Verdict {
        let (Some(x), Some(y)) = (a.value.range(), b.value.range()) else {
            return Verdict::Conflict;
        };
        // Bounds on the same side ("up to three weeks" / "up to a month") are
        // compared as stated, the same length in other units alike: "within
        // 30 days" is "within a month", a month being 30.4 days.
        let stated =
            |(v, _, _): (f64, f64, f64)| (v, v * (1.0 - UNIT_SLACK), v * (1.0 + UNIT_SLACK));
        if same_open_hedge(a, b, names.lex) {
            figures_verdict(stated(x), stated(y), (0.0, 0.0), rule)
        } else {
            figures_verdict(x, y, (0.0, 0.0), rule)
        }
    }

    fn display(&self, v: &Value) -> String {
        match v {
            Value::Duration { seconds, low, high } => format!(
                "{} ({}–{})",
                fmt_secs(*seconds),
                fmt_secs(*low),
                fmt_secs(*high)
            ),
            _ => String::new(),
        }
    }

    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result {
        v.range_key('u', key)
    }
}
