//! Quantities and durations: a number, its hedge, its unit and the thing it
//! counts. Durations are numbers of time units ("three weeks", "a nine-day
//! hearing"); everything else numeric that is not a date is a quantity.

use super::display::fmt_num;
use super::kind::{Names, Reading, Sameness};
use super::number::{self, Num};
use super::{Candidate, Ctx, Fact, Modality, Value, hedge_before, nearby_events};
use crate::rules::lexicon::{HedgeDef, HedgeShape};
use crate::rules::{Kind, Lexicon, Rule, RuleSet, Verdict};
use crate::segment::{Sentence, TokKind};
use arcstr::ArcStr;

/// Apply a hedge to a figure whose rounding range is `[low, high]`.
pub fn apply_hedge(h: Option<&HedgeDef>, value: f64, low: f64, high: f64) -> (f64, f64) {
    let Some(h) = h else { return (low, high) };
    let w = value.abs() * h.width;
    match h.shape {
        HedgeShape::Below => (low - w, high),
        HedgeShape::Around => (low - w, high + w),
        HedgeShape::AtLeast | HedgeShape::MoreThan => (
            low,
            if h.width > 0.0 {
                high + w
            } else {
                f64::INFINITY
            },
        ),
        HedgeShape::AtMost | HedgeShape::LessThan => (low.min(0.0), high),
    }
}

/// The place of a figure's last non-zero digit: 40 is 10, 4.5 million is
/// 100,000, 62.3 is 0.1.
fn last_digit_place(value: f64) -> f64 {
    let mut place = 1.0;
    if value.fract() == 0.0 {
        while value % (place * 10.0) == 0.0 && place < 1e15 {
            place *= 10.0;
        }
    } else {
        while ((value / place).round() * place - value).abs() > 1e-9 * value && place > 1e-6 {
            place /= 10.0;
        }
    }
    place
}

/// Possessive determiners: "of its customers", "a wave hit their homes".
const POSSESSIVES: [&str; 5] = ["its", "their", "his", "her", "our"];

/// How far before "by" a verb of winning may stand ("defeating two-term
/// incumbent Paul Venner by 4,100 votes"), in tokens.
const MARGIN_REACH: usize = 10;

/// Compass points a distance may be given in before its place ("north-east
/// of"): English grammar, like the other words the readers parse with.
pub(crate) const COMPASS: [&str; 9] = [
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "-",
];

/// The token after a short restatement in brackets opening at `at` ("(50km)",
/// "(£1.6bn)"); `at` itself when no bracket opens there, None when it does
/// not close within a few tokens.
fn past_brackets(ctx: &Ctx, at: usize, limit: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    if toks.get(at).is_none_or(|t| t.lower != "(") {
        return Some(at);
    }
    (at + 1..(at + 8).min(limit))
        .find(|&q| toks[q].lower == ")")
        .map(|q| q + 1)
}

/// The noun a measure written as its modifier measures: the word after "a
/// 310-metre", "the 310m-long" or "a 12-tonne", past a restatement in
/// brackets and other such measures ("the 310m-long, 90,000-tonne tanker"
/// gives "tanker"). `unit` is the unit's token; None when the measure stands
/// alone ("it is 310 metres long") or what follows is a name.
fn measured_noun(ctx: &Ctx, unit: usize, limit: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let hyphen = |k: usize| toks.get(k).is_some_and(|t| t.lower == "-" && t.glued);
    // A modifier is one hyphenated word: "310-metre", or "310m" then "-long".
    let mut at = if unit > 0 && hyphen(unit - 1) && toks[unit].glued {
        unit + 1
    } else if toks[unit].glued
        && hyphen(unit + 1)
        && toks
            .get(unit + 2)
            .is_some_and(|t| t.glued && t.kind == TokKind::Word)
    {
        unit + 3
    } else if unit >= 2
        && toks[unit - 1].kind == TokKind::Number
        && matches!(toks[unit - 2].lower.as_str(), "a" | "an")
        && lex
            .unit(toks[unit].lower.as_str())
            .is_some_and(|(dim, ..)| !matches!(dim, "percent" | "percentage points"))
    {
        // A measure after "a" with no hyphen is a modifier too: "a 16 oz.
        // bag", "a 500 MW plant" (as "a 16-ounce bag").
        let dot = toks
            .get(unit + 1)
            .is_some_and(|t| t.lower == "." && t.glued);
        unit + 1 + usize::from(dot)
    } else {
        return None;
    };
    // Past a restatement in brackets and further measures of the same noun.
    for _ in 0..3 {
        at = past_brackets(ctx, at, limit)?;
        let measure = at + 3 < limit
            && toks[at].lower == ","
            && toks[at + 1].kind == TokKind::Number
            && hyphen(at + 2)
            && lex.unit(toks[at + 3].lower.as_str()).is_some();
        if !measure {
            break;
        }
        at += 4;
    }
    // The noun is the last of the words of its compound ("a 180,000-ton
    // bulk carrier" measures the carrier), up to a verb: a past form, a word
    // in -s after one without ("the 310-metre ship sails"), or a word before
    // an object's determiner ("a 30-foot wave hit the pier").
    let noun = |k: usize| {
        k < limit
            && toks[k].kind == TokKind::Word
            && ctx.has(k, super::flag::CONTENT)
            && !ctx.is_capitalized(&toks[k])
            && lex.unit(toks[k].lower.as_str()).is_none()
    };
    let plural = |k: usize| toks[k].lower.ends_with('s');
    let first = noun(at).then_some(at)?;
    let second = first + 1;
    let compound = noun(second)
        && !lex.is_past_form(&toks[second].lower)
        && (!plural(second) || plural(first))
        && !toks.get(second + 1).is_some_and(|t| {
            lex.def.names.articles.contains(t.lower.as_str())
                || POSSESSIVES.contains(&t.lower.as_str())
        });
    let last = if compound { second } else { first };
    Some(last)
}

/// The place a distance ending at token `at` is measured from: the last
/// name in the noun phrase after "from", "of" or "off", past a restatement in
/// brackets and a compass point ("(70km) north of the Ruritanian port city
/// of Olm" gives "Olm"); with no name, the last word of the phrase after
/// "from", "off" or a compass point ("40 metres from the pier" and "90
/// metres from the breakwater" are two slots).
fn distance_from(ctx: &Ctx, mut at: usize, limit: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    at = past_brackets(ctx, at, limit)?;
    let mut compass = false;
    while at < limit && COMPASS.contains(&toks[at].lower.as_str()) {
        at += 1;
        compass = true;
    }
    if at >= limit || !matches!(toks[at].lower.as_str(), "from" | "of" | "off") {
        return None;
    }
    // "18 inches of rain", "12 km of road" measure what follows, not a
    // distance from it: after a bare "of", only a name is a place.
    let things = compass || toks[at].lower != "of";
    let phrase: Vec<usize> = (at + 1..(at + 9).min(limit))
        .take_while(|&q| {
            is_word(ctx, q)
                && !ctx.has(q, super::flag::CLAUSE_BREAK)
                // (An adverb made of a common word ends the place: "from
                // the harbour shortly before 8 p.m.")
                && !toks[q]
                    .lower
                    .strip_suffix("ly")
                    .is_some_and(|b| b.len() >= 3 && ctx.lex.is_common_word(b))
                && (!ctx.has(q, super::flag::STOP)
                    || matches!(toks[q].lower.as_str(), "of" | "the" | "a" | "an")
                    || POSSESSIVES.contains(&toks[q].lower.as_str()))
        })
        .collect();
    let last =
        |named: bool| {
            phrase.iter().rev().copied().find(|&q| {
                ctx.has(q, super::flag::CONTENT) && ctx.is_capitalized(&toks[q]) == named
            })
        };
    last(true).or_else(|| last(false).filter(|_| things))
}

/// The place a distance set beside it is measured to: "felt in Olm, about
/// 90 miles away", "reached Olm, some 150km to the south" give "Olm". The
/// distance (from `from`, its hedge included, to `end`) follows the name
/// and a comma, and "away" or a compass point follows the distance.
fn distance_beside(
    ctx: &Ctx,
    s: &Sentence,
    from: usize,
    end: usize,
    limit: usize,
) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let name = name_beside(ctx, s, from)?;
    let mut at = past_brackets(ctx, end, limit)?;
    if at + 1 < limit && toks[at].lower == "to" && toks[at + 1].lower == "the" {
        at += 2;
    }
    (at < limit && (toks[at].lower == "away" || COMPASS.contains(&toks[at].lower.as_str())))
        .then_some(name)
}

/// The name set right before a figure that starts at token `from`, a comma
/// between ("Olm, 90 miles away"; "Olm, about 90km from the crash site").
fn name_beside(ctx: &Ctx, s: &Sentence, from: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let name = from.checked_sub(2).filter(|&k| k > s.tokens.start)?;
    (toks[from - 1].lower == ","
        && is_word(ctx, name)
        && ctx.is_capitalized(&toks[name])
        && !ctx.has(name, super::flag::DATE))
    .then_some(name)
}

/// Whether a word flagged `cue` stands a few words before the figure from token
/// `at` to `end` in its clause ("had expected revenue of $4 billion", "valid
/// only if 40 percent"), or right after it ("the $4 billion analysts had
/// forecast", "the two-thirds required"), with no figure between; with
/// `not_to`, not a cue followed by "to" ("38, and it is expected to rise").
fn cue_near(ctx: &Ctx, s: &Sentence, (at, end): (usize, usize), cue: u32, not_to: bool) -> bool {
    let toks = &ctx.seg.tokens;
    let cue = |k: usize| ctx.has(k, cue);
    let open =
        |k: &usize| !ctx.has(*k, super::flag::CLAUSE_BREAK) && toks[*k].kind != TokKind::Number;
    let before = (at.saturating_sub(10).max(s.tokens.start)..at)
        .rev()
        .take_while(open)
        .any(cue);
    // (After the figure, not a noun a word before it qualifies: "$12
    // billion for rail projects" is no forecast. A past form after a noun
    // is still the verb: "the two-thirds majority required".)
    let qualified = |k: usize| {
        k > end
            && toks[k - 1].kind == TokKind::Word
            && !ctx.has(k - 1, super::flag::STOP)
            && !ctx.lex.is_past_form(toks[k].lower.as_str())
    };
    let after = (end..(end + 4).min(s.tokens.end))
        .take_while(open)
        .any(|k| {
            cue(k) && !qualified(k) && !(not_to && toks.get(k + 1).is_some_and(|t| t.lower == "to"))
        });
    before || after
}

/// Whether the figure starting at token `at` is named an earlier one: "an
/// earlier forecast of $12 billion", "a prior range of 40 to 50" (a word of
/// `[lexicon.numbers] earlier` a few words before the "of" that leads to it).
fn earlier_of(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    at >= s.tokens.start + 2
        && toks[at - 1].lower == "of"
        && (at.saturating_sub(4).max(s.tokens.start)..at - 1)
            .any(|k| ctx.lex.def.numbers.earlier.contains(toks[k].lower.as_str()))
}

pub(super) fn is_word(ctx: &Ctx, i: usize) -> bool {
    ctx.seg
        .tokens
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Word)
}

/// Hedges written after a number: "3,000-plus", "or more".
pub(super) fn hedge_after(
    ctx: &Ctx,
    j: usize,
    limit: usize,
) -> Option<(usize, &'static str, HedgeDef)> {
    let toks = &ctx.seg.tokens;
    let w = |k: usize| toks.get(k).filter(|_| k < limit).map(|t| t.lower.as_str());
    if w(j) == Some("-") && w(j + 1) == Some("plus") {
        return Some((
            j + 2,
            "plus",
            HedgeDef {
                shape: HedgeShape::AtLeast,
                width: 0.0,
            },
        ));
    }
    if w(j) == Some("or") && matches!(w(j + 1), Some("more") | Some("so")) {
        let shape = if w(j + 1) == Some("more") {
            HedgeShape::AtLeast
        } else {
            HedgeShape::Around
        };
        return Some((j + 2, "or more", HedgeDef { shape, width: 0.1 }));
    }
    None
}

/// Quantities: every remaining number with its hedge, unit and counted noun.
pub fn extract(ctx: &Ctx, si: usize, s: &Sentence, claimed: &mut [bool], out: &mut Vec<Candidate>) {
    let first = out.len();
    read(ctx, si, s, claimed, out);
    mark_increments(ctx, s, first, out);
    add_sums(ctx, first, out);
}

/// A figure told just before a running total in a clause of its own ("the
/// fire killed two people on Monday, taking the death toll to seven",
/// "rescuers found 12 more bodies, raising the total to 40") is what the
/// total grew by: an increment, a slot of its own beside the total. Only a
/// figure of people in general or of what the total counts.
fn mark_increments(ctx: &Ctx, s: &Sentence, first: usize, out: &mut [Candidate]) {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    for r in first..out.len() {
        let at = out[r].toks.start;
        if at <= s.tokens.start || toks[at - 1].lower != "to" {
            continue;
        }
        // Back through the clause to the total's noun, then to the
        // participle that opens the clause right after its comma.
        let Some(t) = (s.tokens.start.max(at.saturating_sub(TOTAL_REACH))..at - 1)
            .rev()
            .take_while(|&k| !ctx.has(k, super::flag::CLAUSE_PUNCT))
            .find(|&k| lex.def.numbers.totals.contains(toks[k].lower.as_str()))
        else {
            continue;
        };
        let Some(comma) = (s.tokens.start..t)
            .rev()
            .find(|&k| ctx.has(k, super::flag::CLAUSE_PUNCT))
        else {
            continue;
        };
        let opens = toks
            .get(comma + 1)
            .is_some_and(|w| w.kind == TokKind::Word && w.lower.ends_with("ing"));
        if !opens || toks[comma].lower != "," {
            continue;
        }
        let total_head = out[r].head.clone();
        let Some(p) = (first..r).rev().find(|&p| out[p].toks.end <= comma) else {
            continue;
        };
        let c = &mut out[p];
        let counts_it = c.head.as_ref().is_some_and(|h| {
            role(Some(h)).is_empty()
                && (lex.def.numbers.generic_nouns.contains(h) || Some(h) == total_head.as_ref())
        });
        if c.kind == Kind::Quantity && counts_it {
            c.head = c.head.take().map(|h| format!("more {h}"));
            c.label = c.label.take().map(|l| format!("more {l}"));
        }
    }
}

/// After a partitive ("12 of them", "15 of the 30 patients", "three of
/// those hurt", ending at `k`), the noun that says what the part is: right
/// after a pronoun ("12 of them children") or after "were" ("… were
/// children"), a plural noun that ends its clause. Not a participle or an
/// adjective ("were injured", "were serious").
fn named_part(ctx: &Ctx, k: usize, limit: usize, pronoun: bool) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let word = |q: usize| q < limit && toks[q].kind == TokKind::Word;
    let be = |q: usize| word(q) && super::claim::finite_be(&toks[q].lower);
    let mut q = k;
    // "of those hurt were …", "of the 30 patients were …": past the words
    // that name the whole (two at most) to the verb.
    if !pronoun {
        q = (k..(k + 3).min(limit))
            .take_while(|&p| word(p) && !ctx.has(p, super::flag::CLAUSE_BREAK))
            .find(|&p| be(p))?;
    }
    if be(q) {
        q += 1;
    } else if !pronoun {
        return None;
    }
    if !word(q) {
        return None;
    }
    let w = toks[q].lower.as_str();
    let plural = lex.lemma(w) != w
        || w.ends_with('s') && !["ss", "us", "is", "ous"].iter().any(|e| w.ends_with(e));
    let noun = plural
        && !lex.def.words.stopwords.contains(w)
        && !lex.is_past_form(w)
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !ctx.has(q, super::flag::NUMBER)
        && !ctx.has(q, super::flag::UNIT);
    let ends = toks.get(q + 1).is_none_or(|t| {
        q + 1 >= limit || t.kind != TokKind::Word || ctx.has(q + 1, super::flag::CLAUSE_BREAK)
    });
    (noun && ends).then_some(q)
}

/// What a whole made of counts joined by "and" is called (see [`add_sums`]).
pub const SUM_LABEL: &str = "people in all";

/// Counts joined by "and" make a whole: "212 passengers and nine crew" is
/// also 221 people aboard, which is what a report that gives only the total
/// says. The whole is a fact of its own, of people in general (a generic
/// noun), beside its parts.
fn add_sums(ctx: &Ctx, first: usize, out: &mut Vec<Candidate>) {
    let toks = &ctx.seg.tokens;
    let plain = |c: &Candidate| match (&c.value, &c.head) {
        (
            Value::Quantity {
                unit: None,
                second: None,
                ordinal: false,
                low,
                high,
                value,
                ..
            },
            Some(h),
        ) => !h.contains(' ') && low == value && high == value,
        _ => false,
    };
    let mut sums = Vec::new();
    for k in first..out.len().saturating_sub(1) {
        let (a, b) = (&out[k], &out[k + 1]);
        let joined = b.toks.start == a.toks.end + 1 && toks[a.toks.end].lower == "and";
        // Only a group of people makes "people in all": passengers and crew, not cars and engines.
        let people = |c: &Candidate| {
            c.head.as_ref().is_some_and(|h| {
                ctx.lex.def.numbers.role_nouns.contains(h)
                    || ctx.lex.def.numbers.generic_nouns.contains(h)
            })
        };
        if joined && plain(a) && plain(b) && a.head != b.head && (people(a) || people(b)) {
            let (Value::Quantity { value: x, .. }, Value::Quantity { value: y, .. }) =
                (&a.value, &b.value)
            else {
                continue;
            };
            let span = a.toks.start..b.toks.end;
            let v = x + y;
            sums.push(Candidate {
                kind: Kind::Quantity,
                sentence: a.sentence,
                toks: span.clone(),
                value: Value::Quantity {
                    value: v,
                    low: v,
                    high: v,
                    unit: None,
                    second: None,
                    ordinal: false,
                    step: 1.0,
                },
                head: Some(ctx.lex.lemma("people")),
                events: super::nearby_events(
                    ctx,
                    &ctx.seg.sentences[a.sentence],
                    &span,
                    usize::MAX,
                ),
                hedge: None,
                modality: Modality::Asserted,
                relative: false,
                label: Some(SUM_LABEL.into()),
                bytes: None,
                clock: None,
            });
        }
    }
    out.extend(sums);
}

fn read(ctx: &Ctx, si: usize, s: &Sentence, claimed: &mut [bool], out: &mut Vec<Candidate>) {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let limit = s.tokens.end;
    let mut i = s.tokens.start;
    while i < limit {
        if claimed[i] || !matches!(toks[i].kind, TokKind::Number | TokKind::Word) {
            i += 1;
            continue;
        }
        // Labels: "counts 4 and 7", "Rule #1".
        if toks[i].kind == TokKind::Number
            && i > s.tokens.start
            && lex.def.numbers.labels.contains(toks[i - 1].lower.as_str())
        {
            i += 1;
            while i < limit
                && (toks[i].kind == TokKind::Number
                    || matches!(toks[i].lower.as_str(), "and" | "," | "or" | "to"))
            {
                i += 1;
            }
            continue;
        }
        // Identifiers are not counts: "Flight 7K 4410", "Route 66", "XR-7",
        // "A330". Left unclaimed: the name they designate reads them.
        if let Some(end) = identifier(ctx, s, i) {
            i = end;
            continue;
        }
        // Shares: "a third of", "two-thirds of", "half of".
        if let Some(share) = fraction(ctx, s, i) {
            for c in claimed
                .iter_mut()
                .take(share.toks.end)
                .skip(share.toks.start)
            {
                *c = true;
            }
            i = share.toks.end;
            out.push(Candidate {
                sentence: si,
                ..share
            });
            continue;
        }
        let Some(mut n) = number::read(ctx, i, limit) else {
            i += 1;
            continue;
        };
        let is_digits = toks[i].kind == TokKind::Number;
        // A sign: "-20C", "minus 4 degrees" (a hyphen glued to the figure
        // but not to a word before it, which would make a range or a compound).
        let negative = i > s.tokens.start
            && !claimed[i - 1]
            && (toks[i - 1].lower == "minus"
                || toks[i - 1].lower == "-"
                    && toks[i].glued
                    && (i - 1 == s.tokens.start || !toks[i - 1].glued));
        if negative {
            (n.value, n.low, n.high) = (-n.value, -n.high, -n.low);
        }
        let mut j = n.end;
        // Currency before: "$240,000", "US$3.8bn".
        let mut start = i;
        let mut unit: Option<String> = None;
        if i > s.tokens.start
            && !claimed[i - 1]
            && let Some(c) = lex.def.numbers.currencies.get(toks[i - 1].lower.as_str())
        {
            unit = Some(c.clone());
            start = i - 1;
        }
        if negative {
            start = i - 1;
        }
        // Where the figure itself begins (`start` may move back to a noun before it).
        let figure_start = start;
        // Scores and ranges: "4-2", "30-40".
        let mut second = None;
        if is_digits
            && toks
                .get(j)
                .is_some_and(|t| t.glued && t.lower == "-" && j < limit)
            && toks
                .get(j + 1)
                .is_some_and(|t| t.glued && t.kind == TokKind::Number)
            && let Some(m) = number::read(ctx, j + 1, limit)
        {
            if n.value >= m.value || n.value <= 20.0 && m.value <= 20.0 {
                second = Some(m.value);
            } else {
                n.high = m.value;
            }
            j = m.end;
        }
        // Ranges in words: "between 30 and 40 people", "$2 billion to $4
        // billion", "between $6bn and $8bn", "3 to 5 billion dollars" (the
        // scale written once stands for both). "From 12 to 15" is a change,
        // not a range, nor "raised by $100 to $899", and "5 to 4" a score.
        let before = start;
        let word_before = (before > s.tokens.start).then(|| toks[before - 1].lower.as_str());
        let between = word_before == Some("between");
        let joiner = toks.get(j).map(|t| t.lower.as_str());
        // "raised the price by $100 to $899": the figure after "by" is how
        // much it moved, an increment beside the figure it moved to.
        let moved_by =
            word_before == Some("by") && joiner == Some("to") && change_before(ctx, s, before - 1);
        if second.is_none()
            && n.low == n.value
            && n.high == n.value
            && !n.ordinal
            && word_before != Some("from")
            && word_before != Some("by")
            && (if between {
                joiner == Some("and")
            } else {
                joiner == Some("to")
            })
            && j + 1 < limit
        {
            let mut m0 = j + 1;
            if unit.is_some()
                && m0 + 1 < limit
                && lex.def.numbers.currencies.get(toks[m0].lower.as_str()) == unit.as_ref()
            {
                m0 += 1;
            }
            if let Some(m) = number::read(ctx, m0, limit).filter(|m| !m.ordinal) {
                let mut low = n.value;
                if is_digits
                    && n.end == i + 1
                    && m.end > m0 + 1
                    && let Some(base) = number::digits(&toks[m0].lower).filter(|b| *b > 0.0)
                {
                    let scale = m.value / base;
                    if scale > 1.0 {
                        low *= scale;
                    }
                }
                if m.value > low {
                    n.value = low;
                    n.low = low;
                    n.high = m.high;
                    j = m.end;
                    if between {
                        start = before - 1;
                    }
                } else if !between
                    && unit.is_none()
                    && m.low == m.value
                    && m.high == m.value
                    && !content_word_at(ctx, m.end, limit)
                {
                    // A range never runs downwards: "voted 27 to 12", "won
                    // 3 to 1" is a tally, as "27-12" is.
                    second = Some(m.value);
                    j = m.end;
                }
            }
        }
        // An earlier figure given for comparison ("41, up from 12") is its own topic.
        // "rose to 12 from nine", "up from 12", "revised down from 21".
        // The figure starts at its currency or hedge ("down from about $12 billion").
        let at = hedge_before(ctx, s, start).map_or(start, |h| h.0);
        // "to 12 from nine": a figure right before "from".
        let figure_from = at >= s.tokens.start + 2
            && toks[at - 1].lower == "from"
            && (toks[at - 2].kind == TokKind::Number
                || ctx.has(at - 2, super::flag::NUMBER) && !ctx.has(at - 2, super::flag::STOP));
        let previous = figure_from
            || at >= s.tokens.start + 2
                && toks[at - 1].lower == "from"
                && matches!(
                    toks[at - 2].lower.as_str(),
                    "up" | "down" | "rising" | "falling"
                )
            || earlier_of(ctx, s, at)
            || changed_from(ctx, s, at)
            // "compared with $3.0 billion a year earlier", "versus 4.1%":
            // the figure the news is set against.
            || at >= s.tokens.start + 2
                && matches!(toks[at - 1].lower.as_str(), "with" | "to")
                && toks[at - 2].lower == "compared"
            || at > s.tokens.start && matches!(toks[at - 1].lower.as_str(), "versus" | "vs");
        // Partitive: "9 of the 12 counts", "10 of them".
        let mut k = j;
        let mut partitive = false;
        let mut pronoun = false;
        if toks.get(k).is_some_and(|t| t.lower == "of") && k + 1 < limit {
            let mut m = k + 1;
            if toks[m].lower == "the" {
                m += 1;
            }
            // "of the ship's ten lifeboats", "of its roughly 2,400 trains": a
            // few words may stand before the total.
            let total_at = (m..(m + 4).min(limit))
                .take_while(|&q| {
                    q == m
                        || toks[q].kind == TokKind::Word && !ctx.has(q, super::flag::CLAUSE_BREAK)
                        || toks[q].kind == TokKind::Number
                        || toks[q].lower == "'s"
                })
                .find(|&q| {
                    toks[q].kind == TokKind::Number
                        || ctx.has(q, super::flag::NUMBER)
                            && lex
                                .number_word(toks[q].lower.as_str())
                                .is_some_and(|v| v > 1.0)
                });
            if let Some(total) = total_at
                .and_then(|m| number::read(ctx, m, limit))
                .filter(|x| !x.ordinal && x.value >= n.value)
            {
                let _ = total;
                k = total.end;
                partitive = true;
                for c in claimed.iter_mut().take(k).skip(j) {
                    *c = true;
                }
            } else if toks.get(m).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "them" | "those" | "these" | "us" | "whom" | "which"
                )
            }) {
                k = m + 1;
                partitive = true;
                // After a pronoun the clause's verb follows, no noun: "2,310
                // of them died" counts some of them ("those killed" is a
                // group named by its participle).
                pronoun = matches!(toks[m].lower.as_str(), "them" | "us" | "whom" | "which");
            } else if m == k + 2
                && m < limit
                && toks[m].kind == TokKind::Word
                && !ctx.has(m, super::flag::STOP)
                && !ctx.has(m, super::flag::NUMBER)
                && !ctx.is_capitalized(&toks[m])
                && lex.lemma(&toks[m].lower) != toks[m].lower
                // (Not an owner: "one of the region's busiest ports".)
                && !toks[m].lower.ends_with("'s")
                && !toks[m].lower.ends_with("\u{2019}s")
                && toks.get(m + 1).is_none_or(|t| t.lower != "'s")
            {
                // "five of the victims", "two of the deaths": a part of a
                // group the text counts nowhere here, counting its noun.
                k = m;
                partitive = true;
            } else if toks
                .get(m)
                .is_some_and(|t| POSSESSIVES.contains(&t.lower.as_str()))
                && is_word(ctx, m + 1)
                && m + 1 < limit
            {
                // "some 14,000 of its customers": a count of the owner's
                // customers, read from the noun after the owner.
                k = m + 1;
            }
        }
        // "Three of those hurt": a part of a group counted elsewhere, its own slot.
        // "the first 40 entries": a stretch of them, a part of them too.
        let portion = at > s.tokens.start
            && ctx
                .lex
                .def
                .numbers
                .portion
                .contains(toks[at - 1].lower.as_str());
        let part = (partitive || portion) && n.value > 0.0;
        // "12 of them children", "15 of the 30 patients were children",
        // "three of those hurt were children": what the part is, named after
        // it, is what the figure counts.
        let named_part = if partitive {
            named_part(ctx, k, limit, pronoun)
        } else {
            None
        };
        // "54 of them were hospitalized", "12 of whom died": the verb after
        // the pronoun is a topic's, and the figure is that topic's count
        // (of the group named before), not a part of a count of its own.
        let topic_verb = pronoun
            && (k..(k + 4).min(limit))
                .find(|&q| {
                    !matches!(
                        toks[q].lower.as_str(),
                        "have" | "has" | "had" | "been" | "were" | "was" | "are" | "is" | "later"
                    )
                })
                .is_some_and(|q| ctx.rules.is_topic_event(ctx.lemma(q).as_str()));
        let part = part && named_part.is_none() && !topic_verb;
        // Post hedges: "3,000-plus".
        let mut post_hedge = None;
        if let Some((e, phrase, def)) = hedge_after(ctx, k, limit) {
            post_hedge = Some((phrase.to_string(), def));
            k = e;
        }
        // The counted noun after the number (a hyphen compound counts: "81,000-seat").
        // What "add" takes is an increment too: "the budget adds 85
        // officers" is "85 new officers".
        let mut increment = moved_by
            || at > s.tokens.start
                && matches!(
                    toks[at - 1].lower.as_str(),
                    "add" | "adds" | "added" | "adding"
                );
        let mut m = k;
        // "thousands of people", "hundreds of thousands of euros": a vague
        // count names what it counts after "of".
        if n.vague
            && toks.get(m).is_some_and(|t| t.lower == "of")
            && is_word(ctx, m + 1)
            && m + 1 < limit
        {
            m += 1;
        }
        // "250m-long", "a 30m-high wall": before a measure, a glued "m" is
        // metres, not millions.
        let metres = is_digits
            && n.end == i + 2
            && toks[i + 1].glued
            && toks[i + 1].lower == "m"
            && toks.get(m).is_some_and(|t| t.glued && t.lower == "-")
            && toks.get(m + 1).is_some_and(|t| {
                t.glued && m + 1 < limit && lex.def.numbers.measures.contains(t.lower.as_str())
            });
        if metres {
            n.value /= 1e6;
            n.low /= 1e6;
            n.high /= 1e6;
        }
        let noun: Option<(usize, String)> = if pronoun {
            None
        } else if metres {
            Some((i + 1, "metre".to_string()))
        } else if toks.get(m).is_some_and(|t| t.glued && t.lower == "-")
            && is_word(ctx, m + 1)
            && toks[m + 1].glued
        {
            Some((m + 1, toks[m + 1].lower.to_string()))
        } else {
            let mut words = Vec::new();
            while m < limit && words.len() < 4 {
                let t = &toks[m];
                // "fraud and bribery charges": a coordinated noun phrase.
                // (Not past a plural noun, which ends the phrase: "employs
                // 140 people and makes paint".)
                let ends_phrase = |w: &str| {
                    looks_plural(w) || lex.def.words.lemmas.get(w).is_some_and(|l| l != w)
                };
                if matches!(t.lower.as_str(), "and" | "or")
                    && words
                        .last()
                        .is_some_and(|(_, w): &(usize, String)| !ends_phrase(w))
                    && m + 1 < limit
                    && toks[m + 1].kind == TokKind::Word
                {
                    m += 1;
                    continue;
                }
                // "20.4 per cent": British style.
                if t.lower == "per"
                    && toks.get(m + 1).is_some_and(|n| n.lower == "cent")
                    && m + 1 < limit
                {
                    unit.get_or_insert_with(|| "percent".into());
                    words.push((m + 1, "percent".to_string()));
                    break;
                }
                // A plural noun ends the counted noun unless another plural
                // follows it ("154 measles cases"): "11,200 people cast
                // ballots" counts people, and "cast" is their verb.
                // (Irregular plurals too, "people", "children": not a verb's
                // form, "linked bank accounts".)
                let plural_noun = |w: &str| {
                    looks_plural(w)
                        || lex.def.words.lemmas.get(w).is_some_and(|l| l != w)
                            && !lex.is_past_form(w)
                            && !w.ends_with("ing")
                };
                if words
                    .last()
                    .is_some_and(|(_, w): &(usize, String)| plural_noun(w))
                    && !looks_plural(&t.lower)
                    && !ctx.has(m, super::flag::UNIT)
                {
                    break;
                }
                // A past participle ends the counted noun: "2,300 people injured and …".
                if !words.is_empty() && lex.is_past_form(&t.lower) && !ctx.has(m, super::flag::UNIT)
                {
                    break;
                }
                // So does a verb in "-ing" after an ordinal's noun: "in the
                // 52nd minute wearing masks" ranks minutes.
                if n.ordinal && !words.is_empty() && t.lower.len() > 5 && t.lower.ends_with("ing") {
                    break;
                }
                // A hyphenated compound before another word modifies it:
                // "six water-bombing aircraft" counts aircraft, "three
                // well-known actors" actors.
                if t.lower == "-"
                    && t.glued
                    && !words.is_empty()
                    && m + 2 < limit
                    && is_word(ctx, m + 1)
                    && toks[m + 1].glued
                    && is_word(ctx, m + 2)
                    && !toks[m + 2].glued
                    && !lex.def.words.stopwords.contains(toks[m + 2].lower.as_str())
                {
                    words.pop();
                    m += 2;
                    continue;
                }
                if t.kind != TokKind::Word {
                    if t.lower == "%" {
                        unit.get_or_insert_with(|| "percent".into());
                        words.push((m, "percent".to_string()));
                    }
                    break;
                }
                // "six times more costly": after a multiple, a comparative,
                // not an increment; the noun phrase ends.
                if words
                    .last()
                    .is_some_and(|(_, w): &(usize, String)| w == "times")
                    && lex.def.numbers.increments.contains(t.lower.as_str())
                {
                    break;
                }
                if lex.def.numbers.increments.contains(t.lower.as_str()) || t.lower == "other" {
                    increment |= lex.def.numbers.increments.contains(t.lower.as_str());
                    m += 1;
                    continue;
                }
                let is_unit = ctx.has(m, super::flag::UNIT);
                // An adverb made of a common word ("shortly", "quarterly")
                // says how, not what is counted ("family" is a noun).
                let adverb = t
                    .lower
                    .strip_suffix("ly")
                    .is_some_and(|b| b.len() >= 3 && lex.is_common_word(b));
                if !is_unit
                    && (adverb
                        || lex.def.numbers.not_nouns.contains(t.lower.as_str())
                        || lex.def.words.stopwords.contains(t.lower.as_str())
                            && !lex.def.words.lemmas.contains_key(t.lower.as_str()))
                {
                    break;
                }
                words.push((m, t.lower.to_string()));
                if is_unit {
                    break;
                }
                m += 1;
            }
            // A past participle ("45,210 filled the arena") is the verb, not the thing counted.
            words.retain(|(_, w)| {
                !(lex.is_past_form(w)
                    && !lex.def.words.lemmas.contains_key(w)
                    && lex.unit(w).is_none())
            });
            // A unit or currency first ("88 degrees Fahrenheit" is in
            // Fahrenheit), then a plural noun, then the first word.
            // Of plural-looking words next to each other, the last: "154
            // measles cases" counts cases.
            let plural = looks_plural;
            let first_plural = words.iter().position(|(_, w)| plural(w));
            let last_plural = first_plural.map(|p| {
                let mut q = p;
                while words
                    .get(q + 1)
                    .is_some_and(|(k, w)| *k == words[q].0 + 1 && plural(w))
                {
                    q += 1;
                }
                q
            });
            // A comparative or superlative ("12 older aircraft", "the five
            // largest banks") describes the noun after it.
            // (Its base is a common word: "old", "large", "big" from "bigger".)
            let graded = |w: &str| {
                ["er", "r", "est", "st"].iter().any(|end| {
                    w.strip_suffix(end).is_some_and(|b| {
                        let undoubled = b
                            .char_indices()
                            .last()
                            .filter(|&(k, c)| k >= 3 && b[..k].ends_with(c))
                            .map_or(b, |(k, _)| &b[..k]);
                        undoubled.len() >= 3 && lex.is_common_word(undoubled)
                    })
                })
            };
            // An ordinal ranks one thing, named last in its phrase: "the
            // second major outage" ranks outages, "the third straight day"
            // days.
            let last_of_run = || {
                let mut q = 0;
                while words.get(q + 1).is_some_and(|(k, _)| *k == words[q].0 + 1) {
                    q += 1;
                }
                words.get(q)
            };
            words
                .iter()
                .find(|(q, w)| {
                    lex.unit(w).is_some()
                        || lex.currency(Some(currency_before(ctx, *q, k)), w).is_some()
                })
                .or_else(|| last_plural.map(|q| &words[q]))
                .or_else(|| n.ordinal.then(last_of_run).flatten())
                .or_else(|| words.iter().find(|(_, w)| !graded(w)))
                .cloned()
                .or_else(|| words.first().cloned())
        };
        // A total named before the figure: "taking the death toll to seven",
        // "the number of dead rose to 12", "the tally stood at 30".
        let mut total_noun: Option<(usize, String)> = None;
        if noun.is_none()
            && !partitive
            && i > s.tokens.start
            && matches!(
                toks[i - 1].lower.as_str(),
                "to" | "at" | "of" | "reached" | "hit" | "is" | "was"
            )
        {
            // Back through the clause: "the number of barges waiting at
            // the lock has risen to 212".
            total_noun = (s.tokens.start.max(i.saturating_sub(TOTAL_REACH))..i - 1)
                .rev()
                .take_while(|&k| !ctx.has(k, super::flag::CLAUSE_PUNCT))
                .find(|&k| lex.def.numbers.totals.contains(toks[k].lower.as_str()))
                .map(|k| (k, toks[k].lower.to_string()));
        }
        // Weak and word numbers count only with a noun ("one of the", "a" alone are not counts).
        // (A part of one unit is a measure: "half a mile".)
        let part_of_a_unit =
            n.value < 1.0 && noun.as_ref().is_some_and(|(_, w)| lex.unit(w).is_some());
        // (A number word right after a topic's verb counts its people:
        // "killing three and injuring 12".)
        let topic_object =
            i > s.tokens.start && !n.weak && ctx.rules.is_topic_event(ctx.lemma(i - 1).as_str());
        // (Nor does one that is a clause's subject, right before its verb:
        // "11 were hurt and three were taken to hospital", "Two died".)
        let subject = !n.weak
            && (i == s.tokens.start
                || matches!(
                    toks[i - 1].lower.as_str(),
                    "and" | "," | "but" | "while" | ";"
                ))
            && toks
                .get(n.end)
                .is_some_and(|t| n.end < s.tokens.end && super::is_verb_word(lex, &t.lower));
        if (n.weak && !part_of_a_unit
            || !is_digits
                && noun.is_none()
                && total_noun.is_none()
                && n.value < 100.0
                && !topic_object
                && !subject)
            && !partitive
        {
            i = n.end.max(i + 1);
            continue;
        }
        // Ordinals count only lower-case things ("37th lap"), not titles
        // ("Second Vatican Council") nor what a name describes ("a second Swiss
        // envoy").
        if n.ordinal
            && noun.as_ref().is_none_or(|(ni, _)| {
                (k..=*ni).any(|q| toks[q].kind == TokKind::Word && ctx.is_capitalized(&toks[q]))
            })
        {
            i = n.end;
            continue;
        }
        let mut end = k;
        let mut step = precision(ctx, i, &n);
        let mut value = n.value;
        let (mut low, mut high) = (n.low, n.high);
        let mut head = None;
        let mut label = None;
        if let Some((ni, w)) = &noun {
            end = ni + 1;
            if let Some(c) = lex.currency(Some(currency_before(ctx, *ni, k)), w) {
                unit = Some(c.into_owned());
            } else if let Some((dim, factor, _)) = lex.unit(w) {
                let offset = lex.unit_offset(w);
                // "square miles", "cubic metres": a length raised to a power.
                let power = lex
                    .def
                    .numbers
                    .powers
                    .get(toks[ni - 1].lower.as_str())
                    .filter(|_| *ni > k && dim == "length");
                let (dim, factor, up_to) = match power {
                    Some(p) => {
                        let f = factor.powi(p.power) * p.scale;
                        (p.dimension.as_str(), f, f)
                    }
                    None => (dim, factor, lex.unit_up_to(w).unwrap_or(factor)),
                };
                unit = Some(dim.to_string());
                // A unit of two words: "percentage points", "basis points".
                let mut last = *ni;
                if ni + 1 < limit && lex.unit_completed_by(w, &toks[ni + 1].lower) {
                    last = ni + 1;
                    end = last + 1;
                }
                // "the 310-metre tanker", "a 6,000-km (3,700-mile) diversion":
                // a measure written as a modifier measures its noun.
                if let Some(m) = measured_noun(ctx, last, limit) {
                    head = Some(lex.lemma(toks[m].lower.as_str()));
                    label = Some(toks[m].lower.to_string());
                }
                value = (value + offset) * factor;
                low = (low + offset) * factor;
                high = (high + offset) * up_to;
                step *= factor;
            } else if unit
                .as_deref()
                .is_some_and(|u| lex.def.numbers.currencies.values().any(|c| c == u))
            {
                // A sum of money counts money: the noun after it says what
                // it pays for ("a $2 billion bid", "a $2 billion deal"),
                // which its context tells, not what it counts.
                end = k;
            } else if lex.def.numbers.role_nouns.contains(&lex.lemma(w))
                && toks.get(ni + 1).is_some_and(|t| t.lower == "and")
                && ni + 2 < limit
                && is_word(ctx, ni + 2)
                && !ctx.has(ni + 2, super::flag::STOP)
            {
                // "212 passengers and crew": one count of the role and the
                // rest, so of people in all (as "188 passengers and 24
                // crew" makes a whole of its two counts).
                head = Some(lex.lemma("people"));
                label = Some("people".to_string());
                end = ni + 3;
            } else {
                head = Some(lex.lemma(w));
                // "Seven crew members" counts the crew, as "seven crew" does:
                // a member is one of the group the word before it names.
                if head.as_deref() == Some("member")
                    && *ni > k
                    && is_word(ctx, ni - 1)
                    && ctx.has(ni - 1, super::flag::CONTENT)
                    && !ctx.is_capitalized(&toks[ni - 1])
                    && !lex
                        .def
                        .words
                        .lemmas
                        .contains_key(toks[ni - 1].lower.as_str())
                {
                    head = Some(lex.lemma(toks[ni - 1].lower.as_str()));
                    label = Some(toks[ni - 1].lower.to_string());
                } else {
                    label = Some(w.clone());
                }
                // A tally: "by 212 votes to 187", "won by 30 points to 12"
                // (a bare second figure no greater than the first).
                // ("fell from 20 cases to 15" is a change.)
                if second.is_none()
                    && !previous
                    && !(start > s.tokens.start && toks[start - 1].lower == "from")
                    && toks.get(end).is_some_and(|t| t.lower == "to")
                    && end + 1 < limit
                    && toks[end + 1].kind == TokKind::Number
                    && let Some(m) = number::read(ctx, end + 1, limit)
                    && m.value <= n.value
                    && !m.ordinal
                    && !content_word_at(ctx, m.end, limit)
                    // ("by 50 points to 4.75%" is a change and the level it
                    // reached, in another unit.)
                    && !toks.get(m.end).is_some_and(|t| {
                        m.end < limit
                            && (t.lower == "%" || t.lower == "per" || ctx.has(m.end, super::flag::UNIT))
                    })
                {
                    second = Some(m.value);
                    end = m.end;
                }
            }
        } else if let Some((t, w)) = &total_noun {
            // "toll … to seven": the figure counts what the total counts: the
            // word after "number of" ("the number of barges … rose to 212"),
            // or a word the lexicon knows near it ("the death toll").
            // (Past a participle before its noun: "the number of allowed
            // connections" counts connections, as "registered voters" are
            // voters.)
            let noun_after = |k: usize| {
                let next = toks.get(k + 1).filter(|x| {
                    k + 1 < i
                        && x.kind == TokKind::Word
                        && ctx.has(k + 1, super::flag::CONTENT)
                        && !super::is_verb_word(lex, &x.lower)
                        && !x.lower.ends_with("ing")
                        && !lex.def.numbers.changes.contains(x.lower.as_str())
                });
                if lex.is_past_form(&toks[k].lower) && next.is_some() {
                    k + 1
                } else {
                    k
                }
            };
            let of = (toks.get(t + 1).is_some_and(|x| x.lower == "of"))
                .then(|| {
                    (t + 2..i)
                        .find(|&k| ctx.has(k, super::flag::CONTENT))
                        .filter(|&k| toks[k].kind == TokKind::Word)
                        .map(noun_after)
                })
                .flatten();
            let counted = of.or_else(|| {
                (i.saturating_sub(9).max(s.tokens.start)..i).find(|&k| {
                    lex.def
                        .words
                        .lemmas
                        .get(toks[k].lower.as_str())
                        .is_some_and(|l| l != w)
                        && ctx.has(k, super::flag::CONTENT)
                        && !lex.def.numbers.totals.contains(toks[k].lower.as_str())
                })
            });
            // The counted word says what the figure counts ("the number of
            // dead" counts the dead); the total noun only when none is named.
            head = Some(counted.map_or_else(|| lex.lemma(w), |k| lex.lemma(&toks[k].lower)));
            label = Some(counted.map_or_else(|| w.clone(), |k| format!("{} {w}", toks[k].lower)));
        } else if start == i && i >= s.tokens.start + 2 {
            // The noun before: "magnitude-5.4", "a crowd of 64,212".
            let p = &toks[i - 1];
            let q = &toks[i - 2];
            if (p.lower == "-" && p.glued && toks[i].glued || p.lower == "of")
                && q.kind == TokKind::Word
                && !lex.def.words.stopwords.contains(q.lower.as_str())
                && !lex.def.numbers.not_nouns.contains(q.lower.as_str())
            {
                head = Some(lex.lemma(q.lower.as_str()));
                label = Some(q.lower.to_string());
                start = i - 2;
                // "an increase of 1.2 million", "a drop of 12 points": what a
                // figure changed by, as "grew by 1.2 million" tells it.
                if p.lower == "of" && lex.def.numbers.changes.contains(q.lower.as_str()) {
                    head = Some("more figure".into());
                    label = Some("more figure".into());
                }
                // "a margin of 2.4 million votes", "a majority of 3.1m".
                if p.lower == "of" && lex.def.numbers.margin_nouns.contains(q.lower.as_str()) {
                    head = Some("margin".into());
                    label = Some("margin".into());
                }
            }
        }
        // A rate: "$42 a share", "3,000 barrels per day", "$2bn of cargo
        // every day". What it is per joins the unit, so a rate meets only a
        // rate of the same thing.
        let mut r = end;
        // Past a restatement in brackets: "$2.1bn (£1.6bn) of cargo every day".
        r = past_brackets(ctx, r, limit).unwrap_or(r);
        if toks.get(r).is_some_and(|t| t.lower == "of") && r + 2 < limit && is_word(ctx, r + 1) {
            r += 2;
        }
        // "$32 in cash for each share": past what a sum is paid in, and
        // "for" before "each" or "every".
        if unit.is_some()
            && toks.get(r).is_some_and(|t| t.lower == "in")
            && r + 2 < limit
            && is_word(ctx, r + 1)
            && !ctx.has(r + 1, super::flag::STOP)
        {
            r += 2;
        }
        if toks.get(r).is_some_and(|t| t.lower == "for")
            && toks
                .get(r + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "each" | "every"))
        {
            r += 1;
        }
        // "$125 more each year", "$40 less a month": a rate of a change.
        if r + 1 < limit
            && matches!(toks[r].lower.as_str(), "more" | "less" | "extra")
            && rate_noun(ctx, r + 1, limit).is_some()
        {
            r += 1;
        }
        // "7,000 steps daily": a rate per the adverb's period.
        // (Not one before the noun it qualifies: "10% of their monthly fees".)
        let adverb = (r < limit)
            .then(|| lex.def.numbers.rate_adverbs.get(toks[r].lower.as_str()))
            .flatten()
            .filter(|_| r + 1 >= limit || !is_word(ctx, r + 1) || ctx.has(r + 1, super::flag::STOP))
            .filter(|_| noun.is_some() || unit.is_some());
        // "annual savings of $160 million", "daily output of 3,000 barrels":
        // the adjective before what the figure measures makes it a rate too.
        let adjective = || {
            let k = figure_start
                .checked_sub(3)
                .filter(|&k| k >= s.tokens.start)?;
            (toks[k + 2].lower == "of" && is_word(ctx, k + 1) && !ctx.has(k + 1, super::flag::STOP))
                .then(|| lex.def.numbers.rate_adverbs.get(toks[k].lower.as_str()))
                .flatten()
        };
        if let Some(per) = adverb.is_none().then(adjective).flatten() {
            unit = Some(match unit.take() {
                Some(u) => format!("{u} per {per}"),
                None => format!("per {per}"),
            });
        } else if let Some(per) = adverb {
            unit = Some(match unit.take() {
                Some(u) => format!("{u} per {per}"),
                None => format!("per {per}"),
            });
            end = r + 1;
        } else if let Some(n) = rate_noun(ctx, r, limit) {
            let per = &toks[n].lower;
            unit = Some(match unit.take() {
                // "miles per hour", "km an hour", "km/h": a speed, as "mph" is.
                Some(u) if u == "length" && matches!(per.as_str(), "hour" | "hr" | "h") => {
                    "speed".to_string()
                }
                Some(u) => format!("{u} per {per}"),
                None => format!("per {per}"),
            });
            end = n + 1;
        }
        // What a distance is measured from ("45 miles from the harbour",
        // "12km north-east of the old town") is what it is about: two
        // distances from different places are two slots.
        if head.is_none()
            && unit.as_deref() == Some("length")
            && let Some((k, dir)) = match distance_from(ctx, end, limit) {
                // A place named beside the figure is what the distance is to
                // when it is measured from no name ("taken to Olm, 90km from
                // the crash site" is Olm's distance, as "Olm, 90km away" is).
                Some(k) if !ctx.is_capitalized(&toks[k]) => {
                    Some(name_beside(ctx, s, at).map_or((k, "from"), |name| (name, "to")))
                }
                Some(k) => Some((k, "from")),
                None => distance_beside(ctx, s, at, end, limit).map(|k| (k, "to")),
            }
        {
            // "from Olm" and "to Olm" are one slot: a distance between here and Olm.
            // (By lemma, as a counted noun is: "from shore" meets "from the
            // coast", a noun of its kind.)
            head = Some(lex.lemma(&toks[k].lower));
            label = Some(format!("distance {dir} {}", ctx.text(&toks[k])));
        }
        if increment {
            head = head.map(|h| format!("more {h}"));
            label = label.map(|l| format!("more {l}"));
        }
        // A sum that moved by itself ("by $100 to $899") counts nothing named.
        if moved_by && head.is_none() {
            head = Some("more figure".into());
            label = Some("more figure".into());
        }
        if let Some(q) = named_part {
            head = Some(lex.lemma(&toks[q].lower));
            label = Some(toks[q].lower.to_string());
        }
        // A winning margin: "defeating Sellers by 1,840 votes", "won by 12
        // points", "finished 2,400 votes ahead" — how far apart two counts
        // stood, not a count of its own.
        let margin_verb = |k: usize| lex.def.numbers.margins.contains(toks[k].lower.as_str());
        // (Past a name between: "defeating two-term incumbent Paul Venner by",
        // and a hedge after: "by about 4,100 votes".)
        let by_at = super::hedge_before(ctx, s, start).map_or(start, |h| h.0);
        let by_margin = by_at > s.tokens.start
            && toks[by_at - 1].lower == "by"
            && (s.tokens.start.max(by_at.saturating_sub(MARGIN_REACH))..by_at.saturating_sub(1))
                .rev()
                .take_while(|&k| !ctx.has(k, super::flag::CLAUSE_PUNCT))
                .any(margin_verb);
        // ("five points clear", "two adrift", "three points off the top".)
        let off_the_top = || {
            toks.get(end).is_some_and(|t| t.lower == "off")
                && toks.get(end + 1).is_some_and(|t| t.lower == "the")
                && end + 2 < limit
                && matches!(
                    toks[end + 2].lower.as_str(),
                    "top" | "lead" | "pace" | "leaders" | "leader"
                )
        };
        let ahead = end < limit
            && (matches!(
                toks[end].lower.as_str(),
                "ahead" | "behind" | "clear" | "adrift"
            ) || off_the_top());
        // "a margin of nearly 2.4 million votes", past a hedge; "the margin
        // was 4,312 votes", "her lead stood at 3 points".
        let margin_noun = |k: usize| {
            lex.def
                .numbers
                .margin_nouns
                .contains(toks[k].lower.as_str())
        };
        let margin_of = (s.tokens.start.max(i.saturating_sub(4))..i).any(|k| {
            k > s.tokens.start
                && (toks[k].lower == "of" && margin_noun(k - 1)
                    || matches!(toks[k].lower.as_str(), "was" | "is" | "stood" | "were")
                        && margin_noun(k - 1))
        });
        if !part && !increment && (head.is_some() && (by_margin || ahead) || margin_of) {
            // (Whatever it is counted in: "by 1,840 votes" meets "a
            // majority of 1.2m".)
            head = Some("margin".into());
            label = Some("margin".into());
            if ahead {
                end += 1;
            }
        }
        if part {
            head = Some(format!("part {}", head.as_deref().unwrap_or("figure")));
            label = Some(format!(
                "{} among them",
                label.as_deref().unwrap_or("figure")
            ));
        }
        // But the figure before "from" counts nothing of its own ("rose to
        // $5.2 billion from $4.8 billion"), and one after it that counts
        // something the sentence has not named is where the first came
        // from, not its earlier value: "took $80,000 from three developers"
        // (while "cases climbed to 41 from 12 cases" is a change). What it
        // counts is a plural noun: "to 12 from nine overnight" counts none.
        let source = |h: &str| {
            label.as_deref().is_some_and(|l| l.ends_with('s'))
                && (s.tokens.start..at).all(|k| ctx.lemma(k).as_str() != h)
        };
        let previous =
            previous && !(figure_from && unit.is_none() && head.as_deref().is_some_and(source));
        // "rose to 3.1 billion euros from 2.9 billion", "to 12 percent from
        // 10": an earlier figure that names no unit and counts nothing is
        // told in the money or share of the figure it changed to, right
        // before it.
        if previous && unit.is_none() && head.is_none() {
            unit = out
                .last()
                .filter(|c| c.sentence == si && c.toks.end <= at && c.toks.end + 3 >= at)
                .and_then(|c| match &c.value {
                    Value::Quantity { unit: Some(u), .. }
                        if u == "percent"
                            || lex.def.numbers.currencies.values().any(|c| c == u) =>
                    {
                        Some(u.clone())
                    }
                    _ => None,
                });
        }
        // A score counts no noun: the word after it says what it decided
        // ("a 2-1 home win", "a 27-12 vote"), so "won 2-1" is the same slot.
        if second.is_some() && unit.is_none() && !partitive {
            head = None;
            label = None;
        }
        if previous {
            head = Some(format!("earlier {}", head.as_deref().unwrap_or("figure")));
            label = Some(format!("earlier {}", label.as_deref().unwrap_or("figure")));
        } else if let Some(role) = [
            ("expected", super::flag::FORECAST, true),
            ("required", super::flag::REQUIRED, false),
        ]
        .into_iter()
        .find(|&(_, cue, not_to)| cue_near(ctx, s, (at, end), cue, not_to))
        .map(|(role, _, _)| role)
        {
            // What was expected, or what is needed, is not what came:
            // "analysts had expected revenue of $4 billion" never meets
            // "revenue rose to $4.2 billion", nor "the 40 percent required"
            // a turnout of 35 percent.
            head = Some(format!("{role} {}", head.as_deref().unwrap_or("figure")));
            label = Some(format!("{role} {}", label.as_deref().unwrap_or("figure")));
        }
        let (hedge_start, hedge) = match hedge_before(ctx, s, start) {
            Some((from, phrase, def)) => (from, Some((phrase, def))),
            None => (start, post_hedge),
        };
        let (mut low, mut high) = apply_hedge(hedge.as_ref().map(|h| &h.1), value, low, high);
        // "Nearly 4.5 million" is what a writer rounds up to its last digit
        // written: from 4.4 million, not from 4.05 million; "about 38" is
        // 37 to 39. A hedge reaches no further than one unit of the figure's
        // last non-zero digit ("nearly 40" still reaches 36).
        if let Some((_, h)) = &hedge
            && matches!(h.shape, HedgeShape::Below | HedgeShape::Around)
            && value > 0.0
        {
            let place = last_digit_place(value);
            low = low.max(value - place);
            if h.shape == HedgeShape::Around {
                high = high.min(value + place);
            }
        }
        // "More than 300" is said of anything up to about the next round
        // figure: half a unit of its last non-zero digit above it (350), when
        // that is more than the hedge's width.
        if let Some((_, h)) = &hedge
            && matches!(h.shape, HedgeShape::AtLeast | HedgeShape::MoreThan)
            && high.is_finite()
            && low == value
            && value >= 10.0
            && value.fract() == 0.0
        {
            high = high.max(value + last_digit_place(value) / 2.0);
        }
        // A share has a ceiling: "more than 90%" is anything above 90, to 100.
        if unit.as_deref() == Some("percent")
            && hedge
                .as_ref()
                .is_some_and(|h| matches!(h.1.shape, HedgeShape::AtLeast | HedgeShape::MoreThan))
        {
            high = high.max(100.0);
        }
        for c in claimed.iter_mut().take(end).skip(hedge_start.min(start)) {
            *c = true;
        }
        let span = hedge_start.min(start)..end;
        // A verb of change says the figure moved, not what moved: "profit
        // rose 18 percent" and "sales rose 36 percent" share no event.
        let events = super::nearby_words(ctx, s, &span, usize::MAX, super::Near::Figure)
            .into_iter()
            .filter(|&(_, k)| !ctx.has(k, super::flag::CHANGE))
            .map(|(lemma, _)| lemma)
            .collect();
        out.push(Candidate {
            kind: Kind::Quantity,
            sentence: si,
            toks: span,
            value: Value::Quantity {
                value,
                low,
                high,
                unit,
                second,
                ordinal: n.ordinal,
                step,
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
        i = end.max(i + 1);
    }
}

/// Whether the number at token `i` names something instead of counting it:
/// right after a capitalised word inside a sentence or after a code
/// ("Flight 7K 4410", "Route 66", "Windows 11"), glued to capitals
/// ("XR-7", "A330"). Returns the token after the identifier.
pub(super) fn identifier(ctx: &Ctx, s: &Sentence, i: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let t = &toks[i];
    if t.kind != TokKind::Number || i == s.tokens.start {
        return None;
    }
    let p = &toks[i - 1];
    let code = |k: usize| {
        let w = ctx.text(&toks[k]);
        w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_ascii_uppercase())
    };
    let capital_word = |k: usize| {
        toks[k].kind == TokKind::Word
            && toks[k].caps
            && !ctx.has(k, super::flag::DATE)
            && !ctx.has(k, super::flag::NUMBER)
            && !ctx.has(k, super::flag::UNIT)
            && !ctx
                .lex
                .def
                .numbers
                .currencies
                .contains_key(toks[k].lower.as_str())
    };
    let after_name = if p.glued && p.lower == "-" {
        // "XR-7": glued to a word in capitals, or to a capitalised word
        // that is no common word ("a Corvo-4 rocket", "Tarlo-9").
        i >= s.tokens.start + 2
            && toks[i].glued
            && capital_word(i - 2)
            && (ctx
                .text(&toks[i - 2])
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
                || !ctx.lex.is_common_word(&toks[i - 2].lower))
    } else if t.glued {
        // "A330": glued straight to a capital.
        p.kind == TokKind::Word && p.caps
    } else {
        // "Route 66": after a capitalised word that does not open the sentence, or a code.
        (capital_word(i - 1) && i - 1 > s.tokens.start && !ctx.has(i - 1, super::flag::NOT_NAME))
            || (p.kind != TokKind::Word || p.caps) && code(i - 1)
    };
    // "the city's 52,000-seat arena": what a possessive owns is counted.
    let possessive = p.lower.ends_with("'s") || p.lower.ends_with("\u{2019}s");
    // "beat Kellford Athletic 3-1": two small figures joined by a hyphen
    // after a name are a score ("Boeing 737-8" names a model).
    let small = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Number && k < s.tokens.end)
            .and_then(|t| t.lower.parse::<u32>().ok())
            .is_some_and(|v| v <= 30)
    };
    let score = small(i)
        && toks.get(i + 1).is_some_and(|t| t.glued && t.lower == "-")
        && toks.get(i + 2).is_some_and(|t| t.glued)
        && small(i + 2);
    if !after_name || possessive || score {
        return None;
    }
    // "Leeds 61.2%", "Texas 12 percent", "Berlin 4,000 people": a figure
    // with a unit or a counted noun after it counts, whatever stands before.
    let next = toks.get(i + 1).filter(|_| i + 1 < s.tokens.end);
    let counted = |n: &crate::segment::Token| {
        n.kind == TokKind::Word
            && !n.caps
            && (n.lower.ends_with('s') && n.lower.len() > 3
                || ctx
                    .lex
                    .def
                    .numbers
                    .generic_nouns
                    .contains(ctx.lex.lemma(n.lower.as_str()).as_str()))
    };
    // (Not a code glued to its name: "Tarlo-9 samples" counts no samples.)
    let glued_code = p.glued && p.lower == "-";
    if t.lower.contains('.')
        || next.is_some_and(|n| {
            n.lower == "%" || ctx.has(i + 1, super::flag::UNIT) || counted(n) && !glued_code
        })
    {
        return None;
    }
    // "Boeing 747-8": the identifier runs on through glued figures and hyphens.
    let mut end = i + 1;
    while end + 1 < s.tokens.end
        && toks[end].glued
        && toks[end].lower == "-"
        && toks[end + 1].glued
        && toks[end + 1].kind == TokKind::Number
    {
        end += 2;
    }
    Some(end)
}

/// Whether a word that is no stop word stands at token `k` (before `limit`):
/// a noun may follow a figure there ("5 to 4 votes").
fn content_word_at(ctx: &Ctx, k: usize, limit: usize) -> bool {
    k < limit && ctx.seg.tokens[k].kind == TokKind::Word && !ctx.has(k, super::flag::STOP)
}

/// A figure after "from" in a clause whose verb says a figure moved ("fell
/// to 2.8% from 3.1%", "slowed to 3.2% last month from 3.8% in August",
/// "raise the age from 62 to 65"): the figure it was. Without such a verb
/// "from 5 to 10 percent" is a range, read elsewhere.
fn changed_from(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    at >= s.tokens.start + 2 && toks[at - 1].lower == "from" && change_before(ctx, s, at - 1)
}

/// A verb of change or one that moves a figure stands before token `at` in
/// its clause, within ten tokens.
fn change_before(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let numbers = &ctx.lex.def.numbers;
    (s.tokens.start.max(at.saturating_sub(9))..at)
        .rev()
        .take_while(|&k| !ctx.has(k, super::flag::CLAUSE_BREAK))
        .any(|k| {
            let l = toks[k].lower.as_str();
            numbers.changes.contains(l) || numbers.moves.contains(l)
        })
}

/// How far back a total named before its figure may stand, in tokens.
const TOTAL_REACH: usize = 14;

/// The place of the last digit of the number read at token `i` (see
/// `Value::Quantity::step`): 0.1 for "62.3", 100,000 for "4.7 million",
/// 1 for "52" or "three"; 0 for vague counts ("hundreds").
fn precision(ctx: &Ctx, i: usize, n: &Num) -> f64 {
    if n.low != n.high {
        return 0.0;
    }
    let t = &ctx.seg.tokens[i];
    if t.kind != TokKind::Number {
        // A word is exact to one, but a part of one ("half a mile", "a
        // quarter of a percentage point") to a fifth of itself: not to the
        // whole unit.
        return if n.value > 0.0 && n.value < 1.0 {
            n.value * 0.2
        } else {
            1.0
        };
    }
    let text = t.lower.as_str().replace(',', "");
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    let written: f64 = text.parse().unwrap_or(n.value);
    let scale = if written != 0.0 {
        n.value / written
    } else {
        1.0
    };
    // A whole number of three or more significant digits ending in zeros
    // ("31,400") is rounded to its last one: "31,402" rounds to it. (Fewer
    // say too little: "1,200" and "1,250" are two counts.)
    let zeros = if decimals == 0 {
        let digits = text.trim_start_matches('0');
        let significant = digits.trim_end_matches('0').len();
        if significant >= 3 {
            (digits.len() - significant) as i32
        } else {
            0
        }
    } else {
        0
    };
    10f64.powi(zeros - decimals as i32) * scale
}

/// How far a fraction written in words may be from the exact share: "a
/// third" is said of 31 to 35 percent.
pub const FRACTION_SLACK: f64 = 2.0;

/// A share written as "one in five", "nine in 10": the share and its step
/// (a share of ten stands for what rounds to it), with the token after it.
/// Not "two in 10 minutes" (a time) nor "died in 2019" (a year).
fn one_in_n(ctx: &Ctx, s: &Sentence, i: usize) -> Option<(f64, f64, usize)> {
    let toks = &ctx.seg.tokens;
    let limit = s.tokens.end;
    let n = super::number::read(ctx, i, limit)?;
    if n.vague || n.ordinal || n.weak || n.low != n.high {
        return None;
    }
    let at = n.end;
    if toks.get(at).is_none_or(|t| at >= limit || t.lower != "in") {
        return None;
    }
    let m = super::number::read(ctx, at + 1, limit)?;
    let whole = |x: f64| x.fract() == 0.0;
    if m.vague
        || m.ordinal
        || m.low != m.high
        || !(whole(n.value) && whole(m.value) && n.value >= 1.0 && n.value < m.value)
        || m.value > 1000.0
    {
        return None;
    }
    // "in 10 minutes", "in 10 km": a measure, not a share.
    if let Some(t) = toks.get(m.end).filter(|_| m.end < limit) {
        let l = t.lower.as_str();
        if ctx.lex.duration_unit(l).is_some() || ctx.lex.is_unit(l, &ctx.lex.lemma(l)) {
            return None;
        }
    }
    Some((n.value / m.value * 100.0, 100.0 / m.value, m.end))
}

/// A share written as a fraction at token `i`, followed by "of": "a third
/// of", "two-thirds of", "half of"; or as "one in five", "nine in 10". A
/// quantity in percent, so it compares with "33 percent".
fn fraction(ctx: &Ctx, s: &Sentence, i: usize) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    let limit = s.tokens.end;
    let w = |k: usize| toks.get(k).filter(|_| k < limit).map(|t| t.lower.as_str());
    if let Some((value, step, end)) = one_in_n(ctx, s, i) {
        return Some(share_at(ctx, s, i, end, value, step));
    }
    let fractions = &ctx.lex.def.numbers.fractions;
    // "half of" alone, or a count before the fraction: "a third", "two-thirds", "two thirds".
    let (from, numerator, at) =
        if fractions.contains_key(toks[i].lower.as_str()) && toks[i].lower.starts_with("half") {
            (i, 1.0, i)
        } else {
            let n = ctx.lex.number_word(toks[i].lower.as_str())?;
            let at = if w(i + 1) == Some("-") { i + 2 } else { i + 1 };
            (i, n, at)
        };
    let share = *fractions.get(w(at)?)?;
    if numerator <= 0.0 || numerator * share > 1.0 {
        return None;
    }
    // A change by a share ends the phrase: "cut the risk by a quarter",
    // "rose by about a third." (No "of" follows, nor a noun it measures.)
    // ("by half a percentage point" is a measure, as "half a mile" is.)
    let by = (from.saturating_sub(2).max(s.tokens.start)..from).any(|k| toks[k].lower == "by")
        && (at + 1 >= limit || !is_word(ctx, at + 1) || ctx.has(at + 1, super::flag::STOP))
        && !matches!(w(at + 1), Some("of" | "a" | "an"));
    if by {
        return Some(share_at(
            ctx,
            s,
            from,
            at + 1,
            numerator * share * 100.0,
            0.0,
        ));
    }
    if w(at + 1) != Some("of") {
        return None;
    }
    // "a quarter of a mile": a part of one unit, a measure (see `number::read`).
    if matches!(w(at + 2), Some("a" | "an")) {
        return None;
    }
    // "half of the 40 beds", "two-thirds of its 300 members": a part of a
    // whole counted there, the count it makes ("20 of the 40 beds").
    let mut q = at + 2;
    if matches!(w(q), Some("the" | "its" | "their" | "his" | "her" | "our")) {
        q += 1;
    }
    if q < limit
        && toks[q].kind == TokKind::Number
        && let Some(total) = number::read(ctx, q, limit).filter(|n| !n.ordinal && n.value >= 2.0)
        && is_word(ctx, total.end)
        && !ctx.has(total.end, super::flag::STOP)
        && !ctx.has(total.end, super::flag::UNIT)
    {
        let noun = total.end;
        // (Rounded as a fraction's digits would be: two-thirds of 300 is 200.)
        let value = (numerator * share * total.value * 1e6).round() / 1e6;
        let mut part = share_at(ctx, s, from, noun + 1, value, 1.0);
        if let Value::Quantity {
            value: v,
            low,
            high,
            unit,
            ..
        } = &mut part.value
        {
            // (A hedge widens the count as it widened the share.)
            let (l, h) = if part.hedge.is_some() {
                (value * *low / *v, value * *high / *v)
            } else {
                (value, value)
            };
            *v = value;
            *low = l;
            *high = h;
            *unit = None;
        }
        part.head = Some(format!("part {}", ctx.lex.lemma(&toks[noun].lower)));
        part.label = Some(format!("{} among them", toks[noun].lower));
        return Some(part);
    }
    Some(share_at(
        ctx,
        s,
        from,
        at + 1,
        numerator * share * 100.0,
        0.0,
    ))
}

/// The share `value` (percent) written at tokens `from..end`, with a hedge
/// before it ("nearly a third", "about one in five").
fn share_at(ctx: &Ctx, s: &Sentence, from: usize, end: usize, value: f64, step: f64) -> Candidate {
    let (mut low, mut high) = (value - FRACTION_SLACK, value + FRACTION_SLACK);
    let mut start = from;
    let mut hedge = None;
    if let Some((h, phrase, def)) = hedge_before(ctx, s, from) {
        (low, high) = apply_hedge(Some(&def), value, low, high);
        start = h;
        hedge = Some(phrase);
    }
    let span = start..end;
    Candidate {
        kind: Kind::Quantity,
        sentence: 0,
        events: nearby_events(ctx, s, &span, usize::MAX),
        toks: span,
        value: Value::Quantity {
            value,
            low,
            high,
            unit: Some("percent".into()),
            second: None,
            ordinal: false,
            step,
        },
        head: None,
        hedge,
        modality: Modality::Asserted,
        relative: false,
        label: None,
        bytes: None,
        clock: None,
    }
}

pub(super) fn overlap(a: (f64, f64), b: (f64, f64), slack: f64) -> bool {
    a.0 <= b.1 + slack && b.0 <= a.1 + slack
}

/// Two figures as (stated, low, high): ranges that overlap, within the rule's
/// tolerance, agree. With `hedges = false` only the stated figures count.
/// `steps` are the places of the figures' last digits (0 when unknown): the
/// less precise figure stands for everything that rounds to it ("52 percent"
/// and "62.3%" agree; "94" and "95" do not).
pub(super) fn figures_verdict(
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
    // Two stretches that only touch ("about 2,300": 2,200 to 2,400; "some
    // 2,100": 2,000 to 2,200) are two figures written a step apart each
    // way, not one: only one figure that is a point may stand at an end.
    let width = |r: (f64, f64)| r.1 - r.0;
    let wide = |r: (f64, f64)| width(r) > 0.0 && width(r).is_finite();
    let meet = if wide(ra) && wide(rb) && slack == 0.0 {
        ra.1.min(rb.1) - ra.0.max(rb.0) > 1e-6 * width(ra).min(width(rb))
    } else {
        overlap(ra, rb, slack + 1e-9)
    };
    if meet {
        Verdict::Agree
    } else {
        Verdict::Conflict
    }
}

/// Whether both figures are bounds on the same side ("up to 70 million" and
/// "up to 140 million", "at least 41" and "more than 38"): then the bounds
/// themselves are what the sources state, and they are compared as figures.
pub(super) fn same_open_hedge(a: &Fact, b: &Fact, lex: &Lexicon) -> bool {
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

/// The quantity kind: how it is read, keyed, compared and shown.
pub struct Quantities;

impl super::kind::FactKind for Quantities {
    fn kind(&self) -> Kind {
        Kind::Quantity
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

    /// A count, a rank and a score; a total, a part, an increment and an
    /// earlier figure; a role ("passengers") and people in general: each
    /// pair is two slots, whatever the figures say.
    fn sameness(&self, x: &Fact, y: &Fact, rules: &RuleSet, _names: &Names) -> Sameness {
        // (Whichever source comes first: see `RuleSet::pair_rule`.)
        let rule = rules.pair_rule(x.rule, y.rule);
        if let (
            Value::Quantity {
                unit: ua,
                second: sa,
                ordinal: oa,
                ..
            },
            Value::Quantity {
                unit: ub,
                second: sb,
                ordinal: ob,
                ..
            },
        ) = (&x.value, &y.value)
        {
            // A count, a rank ("37th lap") and a score ("3-1") are different
            // kinds of figure, whatever they say.
            if ua != ub || oa != ob || sa.is_some() != sb.is_some() {
                return Sameness::Never;
            }
            // A part ("two of them"), an increment ("23 more") and an earlier
            // figure ("up from 12") are other slots than the total.
            // (A part and a count told by the same verb, "2,310 of them died"
            // and "2,130 participants died", may be one: the verb says which.)
            // (Not a part of a total it names, "1,850 of its 2,400 trains",
            // and a count of other things: "2,400 daily services". But a count
            // of the same noun told by the same verb is the part: "upheld
            // on five of the 8 grounds", "upheld on five grounds".)
            let part_and_count = |a: &Fact, b: &Fact| {
                let part_of = a.head.as_deref().and_then(|h| h.strip_prefix("part "));
                let first_alike = a
                    .events
                    .first()
                    .is_some_and(|e| b.events.first() == Some(e));
                // (The same noun says more: either nearest verb may be the one.)
                let near_alike = || {
                    a.events
                        .iter()
                        .take(2)
                        .any(|e| b.events.iter().take(2).any(|f| f == e))
                };
                part_of == Some("figure") && role(b.head.as_deref()).is_empty() && first_alike
                    || part_of.is_some_and(|p| p != "figure")
                        && part_of == b.head.as_deref()
                        && near_alike()
            };
            let told_alike = part_and_count(x, y) || part_and_count(y, x);
            if role(x.head.as_deref()) != role(y.head.as_deref()) && !told_alike {
                return Sameness::Never;
            }
            // Two parts of a total meet only under the same event: "convicted on
            // 9 of 12 counts" is not "acquitted on two of the 12".
            if role(x.head.as_deref()) == "part"
                && !told_alike
                && !x.events.first().is_some_and(|e| y.events.contains(e))
                && !y.events.first().is_some_and(|e| x.events.contains(e))
            {
                return Sameness::Never;
            }
            // People counted by a role ("passengers", "children") are a part of
            // those counted by a topic: only the same role meets.
            let is_role = |h: &Option<ArcStr>| {
                h.as_ref()
                    .is_some_and(|h| rules.lexicon.def.numbers.role_nouns.contains(&**h))
            };
            // (So is a part of a whole its sentence states: "nine crew" in
            // "212 passengers and nine crew".)
            let part = |f: &Fact| is_role(&f.head) || f.summed;
            if !rule.is_fallback() && x.head != y.head && (part(x) || part(y)) {
                return Sameness::Never;
            }
            // The counted things must match, unless one is generic ("people").
            if rule.is_fallback() && !told_alike {
                let generic = |h: &Option<ArcStr>| {
                    h.as_ref()
                        .is_none_or(|h| rules.lexicon.def.numbers.generic_nouns.contains(&**h))
                };
                let same = x.head == y.head
                    || generic(&x.head) && y.head.is_some()
                    || generic(&y.head) && x.head.is_some()
                    || matches!((&x.head, &y.head), (Some(a), Some(b)) if rules.lexicon.same_kind_of_thing(a, b));
                // A role ("212 passengers") is a part of the people aboard, never "221 people".
                // (A part counts its own noun: "nine crew members" is "nine
                // members" of the crew, not nine people of the whole.)
                let role_and_people = |a: &Fact, b: &Fact| {
                    (is_role(&a.head) || a.summed && a.head != b.head)
                        && generic(&b.head)
                        && !part(b)
                };
                // A whole made of parts ("212 passengers and nine crew") counts
                // people in general, never one group of them ("nine crew members").
                let whole_and_group = |a: &Fact, b: &Fact| a.derived && !generic(&b.head);
                if !same
                    || role_and_people(x, y)
                    || role_and_people(y, x)
                    || whole_and_group(x, y)
                    || whole_and_group(y, x)
                {
                    return Sameness::Never;
                }
                // A bare figure ("of those, 48 were …") counts what its
                // sentence names: a thing it never names is not what it counts.
                let unnamed = |a: &Fact, b: &Fact| {
                    a.head.is_none()
                        && b.head.as_ref().is_some_and(|h| {
                            !generic(&b.head)
                                && !a.context.iter().any(|&(w, ..)| w == super::word::key(h))
                        })
                };
                if unnamed(x, y) || unnamed(y, x) {
                    return Sameness::Never;
                }
            }
        }
        Sameness::Context
    }

    /// Under a topic rule the words for what is counted are one ("57
    /// people", "the death toll rose to 61", "the number of dead"): only a
    /// role ("passengers") or a part, increment or earlier figure tells two
    /// slots of the topic apart.
    fn slot<'f>(&self, f: &'f Fact, rules: &RuleSet) -> (Option<&'f str>, Option<&'f str>) {
        match &f.value {
            Value::Quantity { unit, .. } if !rules.rules[f.rule].is_fallback() => {
                let head = f.head.as_deref();
                let kept = match role(head) {
                    "" => head.filter(|h| rules.lexicon.def.numbers.role_nouns.contains(*h)),
                    _ => head.and_then(|h| h.split_once(' ')).map(|(r, _)| r),
                };
                (kept, unit.as_deref())
            }
            // A score or tally is one slot whatever it is said to count
            // ("212 votes to 187" / "voted 212-185"): a report tells few.
            Value::Quantity {
                unit,
                second: Some(_),
                ..
            } => (None, unit.as_deref()),
            Value::Quantity { unit, .. } => (f.head.as_deref(), unit.as_deref()),
            _ => (None, None),
        }
    }

    fn head_in_context(&self, fallback: bool) -> bool {
        fallback
    }

    fn compare(&self, a: &Fact, b: &Fact, rule: &Rule, names: &Names) -> Verdict {
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
            _ => Verdict::Conflict,
        }
    }

    fn display(&self, v: &Value) -> String {
        match v {
            Value::Quantity {
                value,
                low,
                high,
                unit,
                second,
                ..
            } => {
                // Measures are held in base units (metres, kilograms, litres,
                // metres per hour); people read them in the unit of their size.
                let (scale, name) = match unit.as_deref() {
                    Some("length") if value.abs() >= 1000.0 => (1e-3, Some("km")),
                    Some("length") => (1.0, Some("m")),
                    Some("mass") if value.abs() >= 1000.0 => (1e-3, Some("t")),
                    Some("mass") => (1.0, Some("kg")),
                    Some("volume") => (1.0, Some("L")),
                    Some("area") if value.abs() >= 1e6 => (1e-6, Some("km²")),
                    Some("area") => (1.0, Some("m²")),
                    Some("speed") => (1e-3, Some("km/h")),
                    Some("temperature") => (1.0, Some("°C")),
                    Some("data") if value.abs() >= 1e12 => (1e-12, Some("TB")),
                    Some("data") if value.abs() >= 1e9 => (1e-9, Some("GB")),
                    Some("data") => (1e-6, Some("MB")),
                    _ => (1.0, None),
                };
                let (value, low, high) = (&(value * scale), &(low * scale), &(high * scale));
                let u = name
                    .or(unit.as_deref())
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
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
            _ => String::new(),
        }
    }

    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result {
        use std::fmt::Write;
        let bits = |x: &f64| x.to_bits();
        match v {
            Value::Quantity {
                value,
                low,
                high,
                unit,
                second,
                ordinal,
                step,
            } => {
                // "$3.8 billion" in the headline and "about $3.8 billion" in
                // the text state one figure: the hedge is not part of it.
                // A written range ("140,000 to 160,000") is another figure.
                let range = *low == *value && *high > *value;
                let _ = step;
                write!(
                    key,
                    "q{:x},{},{:x},{unit:?},{:?},{ordinal}",
                    bits(value),
                    range,
                    if range { bits(high) } else { 0 },
                    second.as_ref().map(bits),
                )
            }
            _ => Ok(()),
        }
    }
}

/// The role a figure's head gives it besides its counted noun: see the
/// quantity extractor, which writes "part …", "more …" and "earlier …".
pub fn role(head: Option<&str>) -> &str {
    match head.and_then(|h| h.split_once(' ')) {
        Some((r @ ("part" | "more" | "earlier" | "expected" | "required"), _)) => r,
        _ => "",
    }
}

/// The noun a rate is per, when a rate marker stands at token `r`: "$42 a
/// share", "3,000 barrels per day", or hyphenated into one word, "a
/// $41-per-share offer", "a $5-a-day fee".
fn rate_noun(ctx: &Ctx, r: usize, limit: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let hyphen = |k: usize| k < limit && toks[k].lower == "-" && toks[k].glued;
    let marker =
        if hyphen(r) && r + 3 < limit && hyphen(r + 2) && toks[r + 1].glued && toks[r + 3].glued {
            r + 1
        } else {
            r
        };
    let mut n = marker + if marker == r { 1 } else { 2 };
    // Past a participle that qualifies the noun: "$1.84 per diluted share"
    // is per share, as "$1.84 a share" is.
    if n + 1 < limit
        && lex.is_past_form(&toks[n].lower)
        && is_word(ctx, n + 1)
        && !lex.is_past_form(&toks[n + 1].lower)
        && !lex.def.words.stopwords.contains(toks[n + 1].lower.as_str())
    {
        n += 1;
    }
    (n < limit
        && lex
            .def
            .numbers
            .rate_markers
            .contains(toks[marker].lower.as_str())
        && is_word(ctx, n)
        && !ctx.is_capitalized(&toks[n])
        && (lex.duration_unit(&toks[n].lower).is_some()
            || !lex.def.words.stopwords.contains(toks[n].lower.as_str()))
        && !lex.def.numbers.not_nouns.contains(toks[n].lower.as_str())
        && !(toks[marker].lower == "per" && toks[n].lower == "cent")
        && toks
            .get(n + 1)
            .filter(|_| n + 1 < limit)
            .is_none_or(|t| !lex.def.numbers.not_rate_after.contains(t.lower.as_str())))
    .then_some(n)
}

/// The word before a currency word at `at`, lower-cased, and whether it is
/// a name: written with a capital, and after the figure (which starts
/// before `after`), not the figure's own scale in a headline ("40 Million
/// Pounds").
fn currency_before<'t>(ctx: &'t Ctx, at: usize, after: usize) -> (&'t str, bool) {
    let t = &ctx.seg.tokens[at - 1];
    (t.lower.as_str(), at > after && ctx.is_capitalized(t))
}

/// Whether a (lower-case) word looks like a regular plural noun: "-s", not
/// "-ss" or "-us" ("cases", not "class" or "census").
fn looks_plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}
