//! Dates: absolute ("Oct. 3", "June 9, 2021", "2021-10-03", "3/14",
//! "the 4th of July 1976"), holidays ("New Year's Day"), month and year
//! spans ("mid-March", "May of last year", "in 2012", "the 1990s"),
//! weekdays and relative days resolved against the publication date, and
//! times of day ("5:45 p.m.").
//!
//! A date without a year takes the year that puts it nearest the publication
//! date, preferring the past unless the sentence looks forward ("scheduled",
//! "will"). Without a publication date the year stays unknown and only month
//! and day are compared.

use super::kind::{Names, Reading, Zones};
use super::{Candidate, Ctx, Fact, Modality, Value, hedge_before};
use crate::rules::lexicon::HedgeShape;
use crate::rules::{Kind, Rule, Verdict};
use crate::segment::{Sentence, TokKind};
use jiff::ToSpan;
use jiff::civil::Date;

/// The year used for dates whose year is unknown (a leap year, so Feb. 29 is valid).
pub const UNKNOWN_YEAR: i16 = 2000;

struct Found {
    /// Resolved from a weekday or relative day.
    relative: bool,
    start: usize,
    end: usize,
    first: Date,
    last: Date,
    year_known: bool,
    weekday: Option<i8>,
    time: Option<u16>,
    /// Both ends were written as days ("April 3 to 19", "between April 3
    /// and June 8"), not a month or a year standing for its days.
    range: bool,
}

/// Whether the clause of the date at token `at` looks forward ("will meet
/// on Tuesday", "a vote, which is scheduled for June 12,"). Only its own
/// clause counts: in "said on Tuesday it had signed to take over the firm, a deal
/// that would create …" the Tuesday is past.
fn looks_forward(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    if said_on(ctx, s, at) {
        return false;
    }
    let boundary =
        |i: usize| ctx.has(i, super::flag::CLAUSE_BREAK) || ctx.seg.tokens[i].lower == "that";
    let before = (s.tokens.start..at.min(s.tokens.end))
        .rev()
        .take_while(|&i| !boundary(i));
    let after = (at..s.tokens.end).take_while(|&i| i == at || !boundary(i));
    // "Is to", "are to" before a verb look forward: "she is to be sworn
    // in on June 1", "the two leaders are to meet on Friday".
    let be_to = |i: usize| {
        let toks = &ctx.seg.tokens;
        toks[i].lower == "to"
            && i > s.tokens.start
            && matches!(toks[i - 1].lower.as_str(), "is" | "are")
            && toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Word)
    };
    // A cue written capitalised inside the sentence, or a month, is a name:
    // the month in "since May 7" is no "may".
    let cue = |i: usize| {
        let t = &ctx.seg.tokens[i];
        be_to(i)
            || ctx.has(i, super::flag::FUTURE_CUE)
                && !(ctx.is_capitalized(t)
                    && (i != s.tokens.start
                        || ctx.lex.def.dates.months.contains_key(t.lower.as_str())))
    };
    // Words after the date look forward only for a clause whose verb does
    // not tell the past: "voted on Thursday to approve a budget for the
    // coming year" voted, whatever the year to come.
    // (Not past an infinitive: "voted to hold the parade on Saturday for
    // the coming holiday" looks forward.)
    let told_past = (s.tokens.start..at.min(s.tokens.end))
        .rev()
        .take_while(|&i| !boundary(i) && ctx.seg.tokens[i].lower != "to")
        .find(|&i| {
            ctx.seg.tokens[i].kind == TokKind::Word
                && ctx.lex.is_past_form(&ctx.seg.tokens[i].lower)
        })
        .is_some_and(|v| !ctx.has(v, super::flag::FUTURE_CUE) && !not_yet(ctx, s, v, false))
        // (Or right after the date: "Acme today announced a deal under
        // which it will buy …" announced.)
        || (at..s.tokens.end.min(at + 5))
            .find(|&k| {
                let t = &ctx.seg.tokens[k];
                t.kind == TokKind::Word && !ctx.has(k, super::flag::DATE)
            })
            .is_some_and(|k| ctx.lex.is_past_form(&ctx.seg.tokens[k].lower));
    before.chain(after.filter(|_| !told_past)).any(cue)
}

/// Whether a figure at token `at` is told of what may be: a modal or a
/// verb of intent before it in its clause ("could bring winds of up to 150
/// km/h", "is expected to cost $2 million", "plans to hire 200 people").
/// Only the words before it: those after a figure are often a clause of its
/// own noun ("of the citizens who could vote").
pub(super) fn figure_looks_forward(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    (s.tokens.start..at.min(s.tokens.end))
        .rev()
        .take_while(|&i| !ctx.has(i, super::flag::CLAUSE_BREAK) && toks[i].lower != "that")
        .any(|i| {
            // (A modal or a verb of intent: not "set", "next" or "due",
            // which tell no future before a figure: "due to winds of 150 km/h".)
            ctx.has(i, super::flag::FUTURE_CUE)
                && ctx.has(i, super::flag::HEDGED)
                && !ctx.is_capitalized(&toks[i])
        })
}

/// Whether the date at token `at` says when something was said: right
/// after a verb of saying in the past ("said Wednesday it would recall",
/// "announced late on Monday that it will close"). It is past, whatever the
/// words it reports look forward to; a verb made passive or future by the
/// word before it ("will be announced on Friday") is not said yet.
fn said_on(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let mut k = at;
    while k > s.tokens.start && matches!(toks[k - 1].lower.as_str(), "on" | "late" | "early") {
        k -= 1;
    }
    let Some(verb) = k.checked_sub(1).filter(|&v| v >= s.tokens.start) else {
        return false;
    };
    let w = toks[verb].lower.as_str();
    ctx.has(verb, super::flag::ATTRIBUTION)
        && ctx.lex.is_past_form(w)
        && !not_yet(ctx, s, verb, true)
}

/// Whether the word before the past form at `v` makes it something not yet
/// done, or not told as done: a word of what is to come ("will be
/// announced"), a form of "be" ("is expected"), "to" ("to be voted"); with
/// `passive`, a passive past too ("was said").
fn not_yet(ctx: &Ctx, s: &Sentence, v: usize, passive: bool) -> bool {
    v > s.tokens.start
        && (ctx.has(v - 1, super::flag::FUTURE_CUE)
            || match ctx.seg.tokens[v - 1].lower.as_str() {
                "be" | "been" | "being" | "is" | "are" | "to" => true,
                "was" | "were" => passive,
                _ => false,
            })
}

/// Pick the year for a month/day: nearest to publication, future penalised
/// unless the sentence looks forward.
fn resolve_year(ctx: &Ctx, s: &Sentence, at: usize, month: i8, day: i8) -> Option<(i16, bool)> {
    let Some(p) = ctx.published() else {
        return Date::new(UNKNOWN_YEAR, month, day)
            .ok()
            .map(|_| (UNKNOWN_YEAR, false));
    };
    let forward = looks_forward(ctx, s, at);
    let mut best: Option<(i64, i16)> = None;
    for y in [p.year() - 1, p.year(), p.year() + 1] {
        let Ok(d) = Date::new(y, month, day).or_else(|_| Date::new(y, month, 28)) else {
            continue;
        };
        let delta = (d - p).get_days() as i64;
        let cost = if delta > 0 && !forward {
            delta * 3
        } else if delta < 0 && forward {
            -delta * 2
        } else {
            delta.abs()
        };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, y));
        }
    }
    best.map(|(_, y)| (y, true))
}

fn month_of(ctx: &Ctx, i: usize, s: &Sentence) -> Option<(i8, usize)> {
    let toks = &ctx.seg.tokens;
    let t = toks.get(i).filter(|_| i < s.tokens.end)?;
    if t.kind != TokKind::Word || !ctx.is_capitalized(t) {
        return None;
    }
    let m = *ctx.lex.def.dates.months.get(t.lower.as_str())?;
    let mut end = i + 1;
    // The full stop of an abbreviation ("Jan."), not one ending the
    // sentence after a month written out ("in January.").
    if ctx.lex.is_abbreviation(t.lower.as_str())
        && toks
            .get(end)
            .is_some_and(|d| d.glued && d.lower == "." && end < s.tokens.end)
    {
        end += 1;
    }
    Some((m, end))
}

fn small_int(ctx: &Ctx, i: usize, s: &Sentence, max: i64) -> Option<(i64, usize)> {
    let toks = &ctx.seg.tokens;
    let t = toks.get(i).filter(|_| i < s.tokens.end)?;
    if t.kind != TokKind::Number || !t.lower.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: i64 = t.lower.parse().ok()?;
    if !(1..=max).contains(&v) {
        return None;
    }
    let mut end = i + 1;
    if toks
        .get(end)
        .is_some_and(|x| x.glued && matches!(x.lower.as_str(), "st" | "nd" | "rd" | "th"))
    {
        end += 1;
    }
    Some((v, end))
}

fn year_at(ctx: &Ctx, i: usize, s: &Sentence) -> Option<(i16, usize)> {
    let t = ctx.seg.tokens.get(i).filter(|_| i < s.tokens.end)?;
    if t.kind != TokKind::Number
        || t.lower.len() != 4
        || !t.lower.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let y: i16 = t.lower.parse().ok()?;
    (1000..=2999).contains(&y).then_some((y, i + 1))
}

fn day(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn month_span(y: i16, m: i8, from: i8, to: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    let last_day = first.days_in_month();
    Some((
        Date::new(y, m, from.min(last_day)).ok()?,
        Date::new(y, m, to.min(last_day)).ok()?,
    ))
}

/// Try every date form at token `i`; `anchor` is the last single day the
/// source gave, for "the following day".
fn at(ctx: &Ctx, s: &Sentence, i: usize, anchor: Option<Date>) -> Option<Found> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let t = &toks[i];
    let w = |k: usize| {
        toks.get(k)
            .filter(|_| k < s.tokens.end)
            .map(|t| t.lower.as_str())
    };
    // A stated day or span of days (the common shape of a `Found`).
    let days = |start, end, first: Date, last: Date, known| Found {
        relative: false,
        start,
        end,
        first,
        last,
        year_known: known,
        weekday: None,
        time: None,
        range: false,
    };
    let single = |start, end, d: Date, known| days(start, end, d, d, known);
    // A clock time of no stated day.
    let clock = |start, end, minutes: u16| Found {
        relative: false,
        start,
        end,
        first: Date::MIN,
        last: Date::MAX,
        year_known: false,
        weekday: None,
        time: Some(minutes),
        range: false,
    };

    // A clock time named by a word: "at noon", "shortly after midnight"
    // (after a word that places a time; "midnight blue" is a colour).
    if let Some(&minutes) = lex.def.dates.clock_words.get(t.lower.as_str())
        && i > s.tokens.start
        && matches!(
            toks[i - 1].lower.as_str(),
            "at" | "by" | "around" | "about" | "after" | "before" | "until" | "till" | "past"
        )
    {
        return Some(clock(i, i + 1, minutes));
    }
    // Seasons: "spring 2028", "the fall of 2027", "next spring", "last
    // winter". (A bare "spring" is a word: "a hot spring".)
    if let Some(&[from, to]) = lex.def.dates.seasons.get(t.lower.as_str()) {
        return season(ctx, s, i, (from, to)).map(|(start, end, first, last, relative)| Found {
            relative,
            ..days(start, end, first, last, true)
        });
    }
    // Times of day: "5:45 p.m.", "10 a.m." (+ "Tokyo time", "GMT" kept in the span).
    if t.kind == TokKind::Number {
        // A military time before a zone: "1815 GMT", "0930 UTC".
        if t.lower.len() == 4
            && t.lower.bytes().all(|b| b.is_ascii_digit())
            && let (Ok(h), Ok(mi)) = (t.lower[..2].parse::<u16>(), t.lower[2..].parse::<u16>())
            && h <= 23
            && mi < 60
            && w(i + 1).is_some_and(|z| lex.def.dates.zones.contains_key(z))
            && toks[i + 1].caps
        {
            return Some(clock(i, i + 1, h * 60 + mi));
        }
        // British style writes a point: "9.45pm".
        let meridiem = w(i + 1).is_some_and(|a| matches!(a.replace('.', "").as_str(), "am" | "pm"));
        let split = t.lower.split_once(':').or_else(|| {
            t.lower
                .split_once('.')
                .filter(|(_, m)| meridiem && m.len() == 2)
        });
        let (h, mi) = match split {
            Some((h, m)) => (h.parse::<u16>().ok(), m.parse::<u16>().ok()),
            None => (t.lower.parse::<u16>().ok(), Some(0)),
        };
        // A 24-hour clock: "21:40", "14:05 GMT" (two digits after the colon).
        if let (Some(h), Some(mi), Some((_, m))) = (h, mi, t.lower.split_once(':')) {
            let ap = w(i + 1).map(|a| a.replace('.', ""));
            if m.len() == 2
                && h <= 23
                && mi < 60
                && !matches!(ap.as_deref(), Some("am" | "pm"))
                && !t.lower.contains('/')
            {
                return Some(clock(i, i + 1, h * 60 + mi));
            }
        }
        if let (Some(h), Some(mi), Some(ap)) = (h, mi, w(i + 1)) {
            let ap = ap.replace('.', "");
            if (ap == "am" || ap == "pm") && (1..=12).contains(&h) && mi < 60 {
                let hour = (h % 12) + if ap == "pm" { 12 } else { 0 };
                return Some(clock(i, i + 2, hour * 60 + mi));
            }
        }
        if t.lower.contains(':') && !t.lower.contains('/') {
            return None;
        }
    }
    // Numeric dates: "2021-10-03", "3/14", "12/25/2019".
    if t.kind == TokKind::Number {
        if let Some((y, _)) = year_at(ctx, i, s)
            && w(i + 1) == Some("-")
            && toks[i + 1].glued
            && let (Some((m, _)), Some("-"), Some((d, e))) = (
                small_int(ctx, i + 2, s, 12),
                w(i + 3),
                small_int(ctx, i + 4, s, 31),
            )
            && toks[i + 2].glued
            && toks[i + 4].glued
        {
            return day(y, m as i8, d as i8).map(|dt| single(i, e, dt, true));
        }
        if t.lower.contains('/') {
            let parts: Vec<&str> = t.lower.split('/').collect();
            let m: i8 = parts[0].parse().ok()?;
            let d: i8 = parts.get(1)?.parse().ok()?;
            let (y, known) = match parts.get(2) {
                Some(y) if y.len() == 4 => (y.parse().ok()?, true),
                Some(y) if y.len() == 2 => (2000 + y.parse::<i16>().ok()?, true),
                Some(_) => return None,
                None => resolve_year(ctx, s, i, m, d)?,
            };
            return day(y, m, d).map(|dt| single(i, i + 1, dt, known));
        }
    }
    // Month-first: "Oct. 3", "June 9, 2021", "April 3 to 19", "March 2014", "May of last year", "in May".
    if let Some((m, after_m)) = month_of(ctx, i, s) {
        let ambiguous = lex.def.dates.ambiguous_months.contains(t.lower.as_str());
        if let Some((d, after_d)) = small_int(ctx, after_m, s, 31) {
            let d = d as i8;
            let mut end = after_d;
            let mut year = None;
            if w(end) == Some(",") {
                if let Some((y, e)) = year_at(ctx, end + 1, s) {
                    year = Some(y);
                    end = e;
                }
            } else if let Some((y, e)) = year_at(ctx, end, s) {
                year = Some(y);
                end = e;
            }
            let (y, mut known) = match year {
                Some(y) => (y, true),
                None => resolve_year(ctx, s, i, m, d)?,
            };
            let mut first = day(y, m, d)?;
            // Ranges: "April 3 to 19", "April 3 and April 19" (after "between").
            let mut last = first;
            if matches!(
                w(end),
                Some("to") | Some("-") | Some("–") | Some("through") | Some("and")
            ) {
                let k = end + 1;
                let (m2, k2) = month_of(ctx, k, s).map_or((m, k), |(m2, e)| (m2, e));
                if let Some((d2, e2)) = small_int(ctx, k2, s, 31) {
                    // The year told after the range's end is the end's, and
                    // the start's when the start tells none: "March 2 and May
                    // 30, 2027", "Dec. 20 to Jan. 5, 2027".
                    let y2 = if w(e2) == Some(",") {
                        year_at(ctx, e2 + 1, s)
                    } else {
                        year_at(ctx, e2, s)
                    };
                    let (y_last, e2) = y2.unwrap_or((y, e2));
                    let start = match (year, y2) {
                        (None, Some(_)) => day(y_last, m, d)
                            .filter(|_| (m2, d2 as i8) >= (m, d))
                            .or_else(|| day(y_last - 1, m, d)),
                        _ => Some(first),
                    };
                    if let Some(f) = start
                        && let Some(l) = day(y_last, m2, d2 as i8).filter(|l| *l > f)
                    {
                        known |= y2.is_some();
                        first = f;
                        last = l;
                        end = e2;
                    }
                }
            }
            return Some(Found {
                range: last > first,
                ..days(i, end, first, last, known)
            });
        }
        // Month + year, month "of last year".
        let year_after = year_at(ctx, after_m, s).or_else(|| {
            (w(after_m) == Some("of")
                && matches!(w(after_m + 1), Some("last") | Some("this") | Some("next"))
                && w(after_m + 2) == Some("year"))
            .then(|| {
                let p = ctx.published().map(|p| p.year()).unwrap_or(UNKNOWN_YEAR);
                let y = match w(after_m + 1) {
                    Some("last") => p - 1,
                    Some("next") => p + 1,
                    _ => p,
                };
                (y, after_m + 3)
            })
        });
        let prev = if i > s.tokens.start { w(i - 1) } else { None };
        let mid = prev == Some("-")
            && i >= s.tokens.start + 2
            && lex
                .def
                .dates
                .month_parts
                .contains_key(toks[i - 2].lower.as_str());
        let introduced = matches!(
            prev,
            Some("in")
                | Some("since")
                | Some("until")
                | Some("of")
                | Some("by")
                | Some("from")
                | Some("through")
                | Some("last")
                | Some("early")
                | Some("late")
                | Some("during")
        ) || mid;
        let _ = ambiguous; // capitalised and introduced: "in May" is a month, "May" alone may be a name
        if year_after.is_some() || introduced {
            let (from, to, start) = if mid {
                let r = lex.def.dates.month_parts[toks[i - 2].lower.as_str()];
                (r[0], r[1], i - 2)
            } else if let Some(r) = prev.and_then(|p| lex.def.dates.month_parts.get(p)) {
                (r[0], r[1], i - 1)
            } else {
                (1, 31, i)
            };
            let (y, known, end) = match year_after {
                Some((y, e)) => (y, true, e),
                None => {
                    let (y, k) = resolve_year(ctx, s, i, m, 15)?;
                    (y, k, after_m)
                }
            };
            let (first, last) = month_span(y, m, from, to)?;
            return Some(days(start, end, first, last, known));
        }
        return None;
    }
    // Day-first: "24 November", "the 4th of July 1976".
    if let Some((d, after_d)) = small_int(ctx, i, s, 31) {
        let k = if w(after_d) == Some("of") {
            after_d + 1
        } else {
            after_d
        };
        if let Some((m, after_m)) = month_of(ctx, k, s) {
            let (y, known, end) = match year_at(ctx, after_m, s) {
                Some((y, e)) => (y, true, e),
                None => {
                    let (y, k) = resolve_year(ctx, s, i, m, d as i8)?;
                    (y, k, after_m)
                }
            };
            let start = if i > s.tokens.start && w(i - 1) == Some("the") {
                i - 1
            } else {
                i
            };
            return day(y, m, d as i8).map(|dt| single(start, end, dt, known));
        }
    }
    // Years and decades: "in 2012", "since 1998", "a 2011 flood", "the 1990s".
    if let Some((y, e)) = year_at(ctx, i, s) {
        // An earlier year only where a year's preposition opens it and no
        // noun follows it: "built in 1885," (not "in 1885 homes").
        let older = (1000..1900).contains(&y)
            && i > s.tokens.start
            && matches!(w(i - 1), Some("in" | "since" | "until" | "from" | "circa"))
            && (e >= s.tokens.end
                || toks[e].kind != TokKind::Word
                || ctx.has(e, super::flag::STOP));
        if (1900..=2100).contains(&y) || older {
            if w(e) == Some("s") && toks[e].glued {
                let (first, last) = (Date::new(y, 1, 1).ok()?, Date::new(y + 9, 12, 31).ok()?);
                return Some(days(i, e + 1, first, last, true));
            }
            // A span of years: "from 2013 to 2022", "between 2013 and 2022",
            // "2013-2022".
            let joined = match w(e) {
                Some("to" | "through" | "–") => true,
                Some("-") => toks[e].glued,
                Some("and") => i > s.tokens.start && w(i - 1) == Some("between"),
                _ => false,
            };
            if joined
                && let Some((y2, e2)) = year_at(ctx, e + 1, s)
                && y2 > y
                && y2 - y < 100
            {
                let (first, last) = (Date::new(y, 1, 1).ok()?, Date::new(y2, 12, 31).ok()?);
                return Some(Found {
                    range: true,
                    ..days(i, e2, first, last, true)
                });
            }
            let next = w(e).unwrap_or("");
            let counted =
                next.ends_with('s') && next.len() > 3 && !lex.def.words.stopwords.contains(next);
            if !(counted || w(e) == Some("-") && toks[e].glued) {
                let (first, last) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
                return Some(days(i, e, first, last, true));
            }
        }
        return None;
    }
    // Counted from the previous date: "the following day".
    if let Some(base) = anchor {
        for (words, offset) in lex.anchored_phrases.get(t.lower.as_str()) {
            let n = words.len();
            if (0..n).all(|k| w(i + k) == Some(words[k].as_str()))
                && !w(i + n).is_some_and(|x| x == "of" || x == "the")
            {
                let d = base.checked_add((*offset as i64).days()).ok()?;
                return Some(Found {
                    relative: true,
                    ..single(i, i + n, d, true)
                });
            }
        }
    }
    // Holidays: "New Year's Day".
    if ctx.is_capitalized(t) {
        for (words, (m, d)) in lex.holiday_phrases.get(t.lower.as_str()) {
            let n = words.len();
            if (0..n).all(|k| w(i + k) == Some(words[k].as_str())) {
                let (y, known) = resolve_year(ctx, s, i, *m, *d)?;
                return day(y, *m, *d).map(|dt| single(i, i + n, dt, known));
            }
        }
    }
    // A possessive day reads as the day: "Thursday's referendum", "yesterday's poll".
    let bare = t.lower.strip_suffix("'s").unwrap_or(t.lower.as_str());
    // Weekdays: "on Friday", "Earlier Wednesday", "last Tuesday", "next Monday".
    if let Some(&wd) = lex
        .def
        .dates
        .weekdays
        .get(bare)
        .filter(|_| ctx.is_capitalized(t) && bare.len() > 3)
    {
        let prev = if i > s.tokens.start { w(i - 1) } else { None };
        let mut start = i;
        if matches!(prev, Some("last") | Some("next") | Some("this")) {
            start = i - 1;
        }
        // A weekday next to a date is one date: "Tuesday, March 3", "Sunday 9 February".
        let after = if w(i + 1) == Some(",") { i + 2 } else { i + 1 };
        if bare == t.lower.as_str()
            && after < s.tokens.end
            && !lex
                .def
                .dates
                .weekdays
                .contains_key(toks[after].lower.as_str())
            && let Some(date) = at(ctx, s, after, anchor).filter(|d| {
                d.first == d.last && d.weekday.is_none() && d.time.is_none() && d.start == after
            })
        {
            return Some(Found { start, ..date });
        }
        let Some(p) = ctx.published() else {
            return Some(Found {
                relative: false,
                start,
                end: i + 1,
                first: Date::MIN,
                last: Date::MAX,
                year_known: false,
                weekday: Some(wd),
                time: None,
                range: false,
            });
        };
        let pw = p.weekday().to_monday_one_offset();
        let back = ((pw - wd + 7) % 7) as i64;
        let fwd = ((wd - pw + 7) % 7) as i64;
        let forward = prev == Some("next") || (prev != Some("last") && looks_forward(ctx, s, i));
        let offset = if forward {
            fwd
        } else if prev == Some("last") && back == 0 {
            -7
        } else {
            -back
        };
        let d = p.checked_add(offset.days()).ok()?;
        // Two weekdays joined are one stretch of days: "on Saturday and
        // Sunday", "Monday to Wednesday" (joined by "and", only days in a row).
        if bare == t.lower.as_str()
            && let Some(joint) = w(i + 1).filter(|x| matches!(*x, "and" | "to" | "through" | "-"))
            && i + 2 < s.tokens.end
            && lex
                .def
                .dates
                .weekdays
                .contains_key(toks[i + 2].lower.as_str())
            && let Some(then) = at(ctx, s, i + 2, anchor)
                .filter(|e| e.first == e.last && e.time.is_none() && e.start == i + 2)
            && then.first > d
            && (then.first - d).get_days() < if joint == "and" { 2 } else { 7 }
        {
            return Some(Found {
                relative: true,
                range: true,
                ..days(start, then.end, d, then.first, true)
            });
        }
        return Some(Found {
            relative: true,
            ..single(start, i + 1, d, true)
        });
    }
    // Relative days and weeks: "yesterday", "last week", "earlier this week".
    if let Some(p) = ctx.published() {
        // "six years ago", "three weeks ago": counted back from publication.
        if w(i + 2) == Some("ago")
            && let Some(found) = ago(ctx, t, w(i + 1).unwrap_or(""), p)
        {
            return Some(Found {
                relative: true,
                ..days(i, i + 3, found.0, found.1, true)
            });
        }
        // (Capitalised inside a sentence, the word belongs to a name:
        // "the journal Surgery Today", "USA Today".)
        let named = i > s.tokens.start
            && ctx.is_capitalized(t)
            && !matches!(toks[i - 1].lower.as_str(), "\"" | "\u{201c}" | "(" | ":");
        if !named && let Some(&off) = lex.def.dates.relative_days.get(bare) {
            let d = p.checked_add((off as i64).days()).ok()?;
            return Some(Found {
                relative: true,
                ..single(i, i + 1, d, true)
            });
        }
        // "this morning", "this afternoon": the day of publication.
        if t.lower == "this" && matches!(w(i + 1), Some("morning" | "afternoon" | "evening")) {
            return Some(Found {
                relative: true,
                ..single(i, i + 2, p, true)
            });
        }
        if matches!(t.lower.as_str(), "last" | "this" | "next")
            && matches!(w(i + 1), Some("week") | Some("month") | Some("year"))
            // ("The next year, she moved": the year after the story's, not
            // the report's.)
            && !(i > s.tokens.start && matches!(w(i - 1), Some("the" | "a")))
        {
            let unit = w(i + 1).unwrap();
            let this = t.lower == "this";
            // "next year": the whole of the period after the report's.
            let next = t.lower == "next";
            let (first, last) = match unit {
                "week" => {
                    let monday = p
                        .checked_sub(((p.weekday().to_monday_one_offset() - 1) as i64).days())
                        .ok()?;
                    if this {
                        (monday, p)
                    } else if next {
                        (
                            monday.checked_add(7.days()).ok()?,
                            monday.checked_add(13.days()).ok()?,
                        )
                    } else {
                        (
                            monday.checked_sub(7.days()).ok()?,
                            monday.checked_sub(1.days()).ok()?,
                        )
                    }
                }
                "month" => {
                    let first = p.first_of_month();
                    if this {
                        (first, p)
                    } else if next {
                        let f = p.last_of_month().checked_add(1.days()).ok()?;
                        (f, f.last_of_month())
                    } else {
                        let l = first.checked_sub(1.days()).ok()?;
                        (l.first_of_month(), l)
                    }
                }
                _ => {
                    let y = if this {
                        p.year()
                    } else if next {
                        p.year() + 1
                    } else {
                        p.year() - 1
                    };
                    (
                        Date::new(y, 1, 1).ok()?,
                        if this { p } else { Date::new(y, 12, 31).ok()? },
                    )
                }
            };
            let start = if i > s.tokens.start && w(i - 1) == Some("earlier") {
                i - 1
            } else {
                i
            };
            return Some(Found {
                relative: true,
                ..days(start, i + 2, first, last, true)
            });
        }
    }
    None
}

/// A season's days (from `[lexicon.dates] seasons`, whose months are the
/// northern ones) where token `i` names it: with a year after it ("spring
/// 2028", "the fall of 2027"), or counted from publication after "next",
/// "last" or "this". As (first token, end token, first day, last day,
/// whether counted from publication). A winter runs into the next year; a
/// winter named with a year ("winter 2027") may be the one that ends early
/// in it or the one that starts late in it, and covers both.
fn season(
    ctx: &Ctx,
    s: &Sentence,
    i: usize,
    (from, to): (i8, i8),
) -> Option<(usize, usize, Date, Date, bool)> {
    let toks = &ctx.seg.tokens;
    let w = |k: usize| (k < s.tokens.end).then(|| toks[k].lower.as_str());
    // The season that starts in year `y`.
    let of = |y: i16| -> Option<(Date, Date)> {
        let last_year = if to < from { y + 1 } else { y };
        Some((
            Date::new(y, from, 1).ok()?,
            Date::new(last_year, to, 1).ok()?.last_of_month(),
        ))
    };
    let of_k = if w(i + 1) == Some("of") { i + 2 } else { i + 1 };
    if let Some((y, end)) = year_at(ctx, of_k, s) {
        let (first, last) = of(y)?;
        let first = if to < from {
            Date::new(y, 1, 1).ok()?
        } else {
            first
        };
        return Some((i, end, first, last, false));
    }
    let p = ctx.published()?;
    let before = (i > s.tokens.start).then(|| toks[i - 1].lower.as_str())?;
    // ("The next spring, she moved": the one after the story's, not the report's.)
    if i >= s.tokens.start + 2 && matches!(toks[i - 2].lower.as_str(), "the" | "a") {
        return None;
    }
    let years = [p.year() - 1, p.year(), p.year() + 1];
    let (first, last) = match before {
        "next" => years.iter().filter_map(|&y| of(y)).find(|&(f, _)| f > p)?,
        "last" => years
            .iter()
            .rev()
            .filter_map(|&y| of(y))
            .find(|&(_, l)| l < p)?,
        "this" => years
            .iter()
            .filter_map(|&y| of(y))
            .find(|&(f, l)| f <= p && p <= l)
            .or_else(|| of(p.year()))?,
        _ => return None,
    };
    Some((i - 1, i + 1, first, last, true))
}

/// The days "N units ago" covers, counted back from the publication date `p`:
/// the whole year for years, the month for months, the week around the day
/// for weeks, the day for days.
fn ago(ctx: &Ctx, t: &crate::segment::Token, unit: &str, p: Date) -> Option<(Date, Date)> {
    let n: i64 = if t.kind == TokKind::Number {
        t.lower.parse().ok()?
    } else {
        let v = ctx.lex.number_word(t.lower.as_str())?;
        (v.fract() == 0.0).then_some(v as i64)?
    };
    if !(1..=100).contains(&n) {
        return None;
    }
    match unit.trim_end_matches('s') {
        "year" => {
            let y = p.year() - n as i16;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
        "month" => {
            let d = p.checked_sub(n.months()).ok()?;
            Some((d.first_of_month(), d.last_of_month()))
        }
        "week" => {
            let d = p.checked_sub((7 * n).days()).ok()?;
            Some((d.checked_sub(3.days()).ok()?, d.checked_add(3.days()).ok()?))
        }
        "day" => {
            let d = p.checked_sub(n.days()).ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

/// A day counted from another day of the same sentence to the event told
/// after it: in "the toll rose on Tuesday, two days after the storm struck"
/// the storm struck two days before Tuesday ("a week before the vote": a
/// week after the day named). The event must follow in the sentence; "two
/// days after" closing a clause is not a date of anything.
fn counted_from(ctx: &Ctx, s: &Sentence, i: usize, base: Option<Date>) -> Option<Found> {
    let base = base?;
    let toks = &ctx.seg.tokens;
    let w = |k: usize| {
        toks.get(k)
            .filter(|_| k < s.tokens.end)
            .map(|t| t.lower.as_str())
    };
    let n: i64 = match w(i)? {
        "a" | "one" => 1,
        x if toks[i].kind == TokKind::Number => x.parse().ok()?,
        x => ctx.lex.number_word(x)? as i64,
    };
    let per = match w(i + 1)? {
        "day" if n == 1 => 1,
        "days" if n > 1 => 1,
        "week" if n == 1 => 7,
        "weeks" if n > 1 => 7,
        _ => return None,
    };
    let sign = match w(i + 2)? {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    if !(1..=60).contains(&(n * per))
        || toks
            .get(i + 3)
            .is_none_or(|t| i + 3 >= s.tokens.end || t.kind != TokKind::Word)
    {
        return None;
    }
    let d = base.checked_add((sign * n * per).days()).ok()?;
    Some(Found {
        relative: true,
        start: i,
        end: i + 3,
        first: d,
        last: d,
        year_known: true,
        weekday: None,
        time: None,
        range: false,
    })
}

pub fn extract(
    ctx: &Ctx,
    si: usize,
    s: &Sentence,
    claimed: &mut [bool],
    anchor: &mut Option<Date>,
    zones: &mut Zones,
    out: &mut Vec<Candidate>,
) {
    let mut i = s.tokens.start;
    // The last clock time of the sentence read without a zone of its own,
    // and where it ends: "from 14:05 to 17:17 UTC" tells both in UTC.
    let mut bare: Option<(usize, usize)> = None;
    // The last single day this sentence named, for "a day after the storm hit".
    let mut in_sentence: Option<Date> = None;
    while i < s.tokens.end {
        // Only figures and the words `Lexicon::starts_date` names can start a date.
        if claimed[i] || ctx.seg.tokens[i].kind != TokKind::Number && !ctx.has(i, super::flag::DATE)
        {
            i += 1;
            continue;
        }
        // (A day counted back to an event told in passing anchors nothing.)
        let (f, counted) = match at(ctx, s, i, *anchor) {
            Some(f) => (f, false),
            None => match counted_from(ctx, s, i, in_sentence) {
                Some(f) => (f, true),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        if f.first == f.last && f.year_known && !counted {
            *anchor = Some(f.first);
            in_sentence = Some(f.first);
        }
        let (mut first, mut last) = (f.first, f.last);
        let mut start = f.start;
        let mut hedge = None;
        let mut slack = (0, 0);
        // (A preposition of extent before a day says during, not more or
        // less: "over the weekend", "within May".)
        if let Some((from, phrase, def)) = hedge_before(ctx, s, f.start)
            .filter(|(_, phrase, _)| !matches!(phrase.as_str(), "over" | "under" | "within"))
        {
            start = from;
            match def.shape {
                HedgeShape::AtLeast | HedgeShape::MoreThan => last = Date::MAX,
                HedgeShape::AtMost | HedgeShape::LessThan => first = Date::MIN,
                HedgeShape::Around if let Some(t) = f.time => {
                    slack = (time_slack(t), time_slack(t))
                }
                // "almost 11 p.m.": a little before it.
                HedgeShape::Below if let Some(t) = f.time => slack = (time_slack(t), 0),
                _ => {}
            }
            hedge = Some(phrase);
        } else if f.time.is_some()
            && let Some((from, after)) = shortly(ctx, s, f.start)
        {
            // "shortly after 11 p.m.", "just before 4:30".
            start = from;
            slack = if after { (0, SHORTLY) } else { (SHORTLY, 0) };
            hedge = Some(
                ctx.seg.tokens[from..f.start]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let mut end = f.end;
        let mut zone = None;
        // Whether the time states a zone, known or not ("local time").
        let mut stated = false;
        // Time zones after a time: "Tokyo time", "GMT", "local time", "Central time".
        if f.time.is_some() {
            let toks = &ctx.seg.tokens;
            let zone_of = |k: usize| {
                ctx.lex
                    .def
                    .dates
                    .zones
                    .get(toks[k].lower.trim_end_matches('.'))
                    .copied()
            };
            if toks
                .get(end)
                .is_some_and(|t| end < s.tokens.end && t.lower == "time")
            {
                end += 1;
            } else if toks
                .get(end + 1)
                .is_some_and(|t| end + 1 < s.tokens.end && t.lower == "time")
                && toks[end].kind == TokKind::Word
            {
                zone = zone_of(end).map(|z| (z, end));
                stated = true;
                end += 2;
            } else if toks.get(end).is_some_and(|t| {
                end < s.tokens.end
                    && t.kind == TokKind::Word
                    && t.lower.len() <= 4
                    && ctx.text(t).chars().all(|c| c.is_ascii_uppercase())
            }) {
                zone = zone_of(end).map(|z| (z, end));
                stated = zone.is_some();
                end += 1;
            } else if end < s.tokens.end
                && toks[end].kind == TokKind::Word
                && zone_of(end).is_some()
                && toks
                    .get(end + 1)
                    .is_none_or(|t| end + 1 >= s.tokens.end || t.kind == TokKind::Punct)
            {
                // A zone spelt out closing its clause: "restored at 2:45
                // p.m. Eastern." ("2 p.m. Central Park" is a place).
                zone = zone_of(end).map(|z| (z, end));
                stated = true;
                end += 1;
            }
        }
        // Summer time for the zones that keep it, judged from the publication date.
        let zone = zone.map(|(z, k)| {
            let summer = ctx
                .lex
                .def
                .dates
                .summer_zones
                .iter()
                .any(|w| *w == ctx.seg.tokens[k].lower.trim_end_matches('.'));
            let in_summer = ctx.published().is_some_and(|p| {
                (p.month(), p.day()) >= (3, 10) && (p.month(), p.day()) <= (11, 3)
            });
            z + if summer && in_summer { 60 } else { 0 }
        });
        // A time with no zone of its own is in the zone its source states,
        // if it states one: the one just after it in a range ("from 14:05
        // to 17:17 UTC"), else the only one stated so far.
        let zone = if f.time.is_none() {
            zone
        } else if stated {
            *zones = zones.and(zone);
            if let (Some(z), Some((c, bare_end))) = (zone, bare.take())
                && bare_end + 1 == start
                && matches!(
                    ctx.seg.tokens[bare_end].lower.as_str(),
                    "to" | "and" | "until" | "till" | "through" | "-" | "–"
                )
                && let Value::Date { zone: own, .. } = &mut out[c].value
            {
                *own = Some(z);
            }
            zone
        } else {
            zones.one()
        };
        let bare_time = f.time.is_some() && !stated;
        for c in claimed.iter_mut().take(end).skip(start) {
            *c = true;
        }
        // When an earlier figure stood ("up from 41 a week ago", "from 58
        // the day before"): each report sets its news against a figure of
        // its own choosing, so the time of it is no fact of the event.
        let toks = &ctx.seg.tokens;
        if super::after_earlier_figure(ctx, s, start) {
            i = end.max(i + 1);
            continue;
        }
        let span = start..end;
        // A day and a clock time told together are one moment: the day's
        // clock time ("at 11:20 a.m. Friday", "on Friday at 11:20 a.m.").
        let clock = if f.time.is_some() {
            if let Some(day) =
                told_with(ctx, si, &span, false, out).filter(|&d| out[d].clock.is_none())
            {
                out[day].clock = Some(start);
            }
            None
        } else {
            told_with(ctx, si, &span, true, out).map(|t| out[t].toks.start)
        };
        let mut events = super::nearby_events_dated(ctx, s, &span);
        // "Since May 4 the survey has asked …" dates when the survey began,
        // as "the survey, which began May 4," does: what a "since" date
        // dates first is a start.
        if start > s.tokens.start && toks[start - 1].lower == "since" {
            let began = super::Word::from(ctx.lex.lemma("began"));
            events.retain(|e| *e != began);
            events.insert(0, began);
        }
        // (A day over before its report was written is not looked forward
        // to there: "planned the June 28 attack" in a report of June 29.)
        let over = f.last != Date::MAX && ctx.published().is_some_and(|p| f.last < p);
        let modality = if looks_forward(ctx, s, start) && !over || hedge.is_some() {
            Modality::Hedged
        } else {
            Modality::Asserted
        };
        out.push(Candidate {
            kind: Kind::Date,
            sentence: si,
            toks: span,
            value: Value::Date {
                start: first,
                end: last,
                year_known: f.year_known,
                weekday: f.weekday,
                time: f.time,
                zone,
                range: f.range,
                slack,
            },
            head: if f.time.is_some() {
                Some("time of day".into())
            } else {
                None
            },
            events,
            hedge,
            modality,
            relative: f.relative,
            label: None,
            bytes: None,
            clock,
        });
        if bare_time {
            bare = Some((out.len() - 1, end));
        }
        i = end.max(i + 1);
    }
}

/// The date read just before `span` in sentence `si` that is told with
/// it as one moment: for a day (`day`), the clock time right before it;
/// for a clock time, the day right before it, past other clock times of
/// the same moment ("on Sunday at 18:40 local time (16:40 GMT)"). Only
/// "on", "at", commas and brackets may stand between. Its index in `out`.
fn told_with(
    ctx: &Ctx,
    si: usize,
    span: &std::ops::Range<usize>,
    day: bool,
    out: &[Candidate],
) -> Option<usize> {
    let mut k = span.start;
    for (at, c) in out.iter().enumerate().rev() {
        if c.sentence != si {
            return None;
        }
        // (Other kinds read in the sentence before dates.)
        if c.kind != Kind::Date {
            continue;
        }
        if c.toks.end > k || k - c.toks.end > 3 {
            return None;
        }
        let joined = ctx.seg.tokens[c.toks.end..k]
            .iter()
            .all(|t| matches!(t.lower.as_str(), "," | "(" | ")" | "on" | "at"));
        if !joined {
            return None;
        }
        let time = matches!(c.value, Value::Date { time: Some(_), .. });
        if time == day {
            return Some(at);
        }
        if day {
            return None;
        }
        k = c.toks.start;
    }
    None
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
            slack: slack_a,
        },
        Value::Date {
            start: sb,
            end: eb,
            year_known: yb,
            weekday: wb,
            time: tb,
            zone: zb,
            range: rb,
            slack: slack_b,
        },
    ) = (a, b)
    else {
        return false;
    };
    if ta.is_some() || tb.is_some() {
        // With both zones known, compare the instants; else the clock times.
        // Each may lie anywhere in its slack ("about 4:20", "shortly before
        // 4:30"): they agree when the two stretches meet.
        let (Some(x), Some(y)) = (ta, tb) else {
            return false;
        };
        let (p, q) = match (za, zb) {
            (Some(p), Some(q)) => (*p as i32, *q as i32),
            _ => (0, 0),
        };
        // How far the second is after the first, in (-720, 720] minutes.
        let mut d = (*y as i32 - q - (*x as i32 - p)).rem_euclid(1440);
        if d > 720 {
            d -= 1440;
        }
        return -(slack_a.0 as i32 + slack_b.1 as i32) <= d
            && d <= slack_a.1 as i32 + slack_b.0 as i32;
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
    // Two periods each written with both ends ("April 3 to 19" / "between
    // April 3 and April 19") state the same ends, or differ.
    if *ra && *rb {
        return lo_a == lo_b && hi_a == hi_b;
    }
    lo_a <= hi_b && lo_b <= hi_a
}

/// The date kind: how it is read, keyed, compared and shown.
pub struct Dates;

impl super::kind::FactKind for Dates {
    fn kind(&self) -> Kind {
        Kind::Date
    }

    fn read(
        &self,
        ctx: &Ctx,
        si: usize,
        s: &Sentence,
        reading: &mut Reading,
        out: &mut Vec<Candidate>,
    ) {
        extract(
            ctx,
            si,
            s,
            &mut reading.claimed,
            &mut reading.anchor,
            &mut reading.zones,
            out,
        );
    }

    fn compare(&self, a: &Fact, b: &Fact, rule: &Rule, _names: &Names) -> Verdict {
        match (&a.value, &b.value) {
            (Value::Date { .. }, Value::Date { .. }) => {
                if dates_agree(&a.value, &b.value, rule) {
                    Verdict::Agree
                } else {
                    Verdict::Conflict
                }
            }
            _ => Verdict::Conflict,
        }
    }

    fn display(&self, v: &Value) -> String {
        match v {
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
            _ => String::new(),
        }
    }

    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result {
        use std::fmt::Write;
        let ymd = |d: &Date| (d.year(), d.month(), d.day());
        match v {
            Value::Date {
                start,
                end,
                year_known,
                weekday,
                time,
                zone,
                range,
                slack,
            } => write!(
                key,
                "d{:?},{:?},{year_known},{weekday:?},{time:?},{zone:?},{range},{slack:?}",
                ymd(start),
                ymd(end)
            ),
            _ => Ok(()),
        }
    }
}

/// Minutes either side of a time of day given as "about" one: short of
/// the next mark of the step it is written to, a quarter hour at most.
/// "About 4:20" is 4:16 to 4:24 (one who meant 4:25 writes it), "about
/// 4:30" 4:16 to 4:44, and "about 4:17" a minute either side.
fn time_slack(minutes: u16) -> u8 {
    if minutes.is_multiple_of(15) {
        14
    } else if minutes.is_multiple_of(5) {
        4
    } else {
        1
    }
}

/// Minutes after (or before) a time of day "shortly after" (or before) it.
const SHORTLY: u8 = 15;

/// "shortly after", "just before", "soon after" right before token `i`: where
/// the phrase starts, and whether it says after.
fn shortly(ctx: &Ctx, s: &Sentence, i: usize) -> Option<(usize, bool)> {
    let toks = &ctx.seg.tokens;
    let from = i.checked_sub(2).filter(|&k| k >= s.tokens.start)?;
    if !matches!(
        toks[from].lower.as_str(),
        "shortly" | "just" | "soon" | "right"
    ) {
        return None;
    }
    match toks[from + 1].lower.as_str() {
        "after" => Some((from, true)),
        "before" => Some((from, false)),
        _ => None,
    }
}
