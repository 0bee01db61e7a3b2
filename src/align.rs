//! Alignment: which facts in different sources are about the same thing.
//!
//! Facts meet only within a block (same kind and rule; for fallback rules the
//! counted thing too), so alignment never grows with the product of all
//! facts. One crossing between blocks: a figure a topic rule chose by its
//! word ("6,000 evacuees") may meet a count of people sharing an event word
//! in a report that states no figure of that topic ("6,000 people").
//! Within a block every cross-source pair is scored — names by how
//! alike their spellings are, everything else by the evidence that the two
//! fill one *slot*: the IDF-weighted cosine of their context words, plus a
//! bonus when each source states one fact of the slot, when both come first
//! of their slot, and when the event word next to one stands next to the
//! other. Hard constraints say what is never one slot: a count, a rank and a
//! score; a part ("two of them"), an increment and an earlier figure beside a
//! total; two roles; two statements of a report's own news day.
//!
//! A second pass adds the evidence of the first: two dates whose sentences
//! state another fact the sources share (a group of the first pass) are
//! likelier one slot, since a sentence tells its event at one time.
//!
//! Values are never evidence: a pair whose values agree and a pair whose
//! values conflict pass the same gate (`[lexicon.align]` in
//! `rules/lexicon.toml`), and agreeing values only break exact ties. Pairs
//! are then joined greedily, best first, into groups holding at most one
//! fact per source (a global one-to-one assignment, not first match). The
//! metamorphic test (`tests/metamorphic.rs`) holds this: changing a value in
//! one source turns an agreement into a conflict, never into silence.

use crate::extract::kind::{Names, Sameness};
use crate::extract::registry;
use crate::extract::word::key;
use crate::extract::{Fact, Facts};
use crate::rules::Verdict;
use crate::rules::{Kind, RuleSet};
use std::collections::BTreeMap;

/// A fact's context, each word's weight times its IDF beside it (the third
/// of each entry, set by [`align`]), and the vector's norm: computed once
/// per fact, not at every pair, and held in the fact's own context (a large
/// source has a context per fact).
struct Weighted<'f> {
    /// The fact's context, sorted by word key.
    words: &'f [(u64, f32, f32)],
    norm: f32,
}

/// Set each context word's weight times its IDF (the entry's third number,
/// from its second: setting it again changes nothing), and return the norm.
fn weigh(context: &mut [(u64, f32, f32)], idf: &rustc_hash::FxHashMap<u64, f32>) -> f32 {
    for (w, x, weighted) in context.iter_mut() {
        *weighted = *x * idf.get(w).copied().unwrap_or(1.0);
    }
    context.iter().map(|e| e.2.powi(2)).sum::<f32>().sqrt()
}

fn cosine(a: &Weighted, b: &Weighted) -> f32 {
    cosine_without(a, b, |_| false)
}

/// The cosine with the shared words `skip` accepts (by key) left out of the dot product.
fn cosine_without(a: &Weighted, b: &Weighted, skip: impl Fn(u64) -> bool) -> f32 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    // Both lists are sorted by word.
    let (aw, bw, norms) = (a.words, b.words, a.norm * b.norm);
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < aw.len() && j < bw.len() {
        match aw[i].0.cmp(&bw[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !skip(aw[i].0) {
                    dot += aw[i].2 * bw[j].2;
                }
                i += 1;
                j += 1;
            }
        }
    }
    dot / norms
}

/// A clock time: reports name few of them, so they need no more evidence
/// than a figure does (dates, of which reports name many, need more).
fn is_time_of_day(f: &Fact) -> bool {
    matches!(f.value, crate::extract::Value::Date { time: Some(_), .. })
}

/// A vague count ("thousands of people", "dozens"): a figure told in
/// passing, not the one a report puts first.
fn is_vague(f: &Fact) -> bool {
    matches!(f.value, crate::extract::Value::Quantity { step, low, high, .. } if step == 0.0 && low < high)
}

/// Told in passing, for the place a fact holds among those of its slot: a
/// vague count, a whole made of parts the sentence states ("180
/// riders and seven staff"), which restates them, a figure in a
/// relative aside ("Acme, which employs 350 people, said"), or the total
/// a share is taken of ("12 percent of its 40,000 customers").
fn in_passing(f: &Fact) -> bool {
    is_vague(f) || f.derived || f.aside || f.base
}

/// What agreeing values add to a pair's score once it has passed the gate:
/// enough to choose between two equally good candidates, never enough to
/// choose a worse one (scores are rounded far coarser than this).
const TIE: f32 = 1e-4;

/// Whether two publication days are the same day or one after the other
/// (unknown ones may be).
fn near_days(a: Option<jiff::civil::Date>, b: Option<jiff::civil::Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b || a.yesterday().is_ok_and(|d| d == b) || b.yesterday().is_ok_and(|d| d == a)
        }
        _ => true,
    }
}

/// A span whose last day is fewer days than this after its first
/// ("Saturday and Sunday", "May 3-5", "last week") is a few days told as
/// such, which a day meets less well than a span does (a longer stretch,
/// "mid-April" or a month, meets a day as well: see `score`).
const DAYS_IN_SPAN: i32 = 7;

/// Where two facts of one slot stand in their sources: signs of one slot
/// that do not come from their words.
#[derive(Clone, Copy)]
struct Place {
    /// Each is the only fact of the slot in its source.
    unique: bool,
    /// Each is the only fact of the other source it could be.
    only: bool,
    /// Each comes first of the slot in its source.
    lead: bool,
    /// Each is stated in its source's headline.
    headline: bool,
    /// Each is told in an aside, the only figure of the slot its source states.
    asides: bool,
    /// Each is told of one year, the same, and is the only figure of the
    /// slot its source tells of that year.
    year: bool,
    /// Their sentences name no one in common, and one of them could be
    /// another fact of the other's source told in a sentence naming
    /// someone its own sentence names.
    apart: bool,
}

/// Whether two facts may be one thing at all, before their contexts are
/// weighed: the kind's own test (names decide by spelling alone), then what
/// rules out any pair (two news pegs, other years, background against news).
enum Admit {
    No,
    Scored(f32, f32),
    Context,
}

fn admit(x: &Fact, y: &Fact, rules: &RuleSet, names: &Names) -> Admit {
    // Two changes told over two stretches ("0.3 percent from March" /
    // "4.2% over the year"): a month's change is not a year's.
    if x.kind == Kind::Quantity {
        // (The marks' keys, hashed once per process, not per pair.)
        static KEYS: std::sync::LazyLock<[u64; 4]> =
            std::sync::LazyLock::new(|| crate::extract::FRAMES.map(crate::extract::word::key));
        let frame = |f: &Fact| {
            f.context
                .iter()
                .find_map(|c| KEYS.iter().position(|&k| k == c.0))
        };
        if let (Some(a), Some(b)) = (frame(x), frame(y))
            && a != b
        {
            return Admit::No;
        }
    }
    match registry::of(x.kind).sameness(x, y, rules, names) {
        Sameness::Never => return Admit::No,
        Sameness::Score(s, gate) if s >= gate => return Admit::Scored(s, gate),
        Sameness::Score(..) => return Admit::No,
        Sameness::Context => {}
    }
    // Each report's own news day ("said Friday" in one, "said Wednesday" in a
    // later one) is when it was written, not a claim about the event.
    if x.peg && y.peg {
        return Admit::No;
    }
    // Reports written days apart each tell their own news on their own day
    // ("agreed on Thursday" in one, "completed the deal on Monday" in one
    // written weeks later): two events.
    if x.news_day && y.news_day && !near_days(x.published, y.published) {
        return Admit::No;
    }
    // Nor do reports written on different days count by the same day, nor
    // is one's count "by Tuesday" the other's news of its own day: each is
    // when its report was written.
    if (x.as_of && y.news_day || y.as_of && x.news_day) && x.published != y.published {
        return Admit::No;
    }
    // What the later report still looks forward to ("will begin her term
    // in January") is not what the earlier one told without looking forward
    // ("won on Tuesday").
    if x.kind == Kind::Date
        && let (Some(px), Some(py)) = (x.published, y.published)
        && px != py
    {
        let forward =
            |f: &Fact| f.modality == crate::extract::Modality::Hedged && f.hedge.is_none();
        let (early, late) = if px < py { (x, y) } else { (y, x) };
        if forward(late) && !forward(early) {
            return Admit::No;
        }
    }
    // Different explicit years in the two sentences: different events.
    if x.kind != Kind::Date
        && !x.years.is_empty()
        && !y.years.is_empty()
        && !x.years.iter().any(|a| y.years.contains(a))
    {
        return Admit::No;
    }
    // A figure in a sentence about an earlier year is background; one in a
    // sentence naming no earlier year is the news: two slots. (Not when both
    // sentences name that year: "came to light in March 2024, when …" and
    // "discovered it in March 2024" tell one time, one as an event of its
    // own and one as a month's.)
    if x.kind != Kind::Date && x.past != y.past && !x.years.iter().any(|a| y.years.contains(a)) {
        return Admit::No;
    }
    Admit::Context
}

/// Score one candidate pair; `None` when they must not be aligned. The score
/// says how sure we are that the two facts are about the same thing, from
/// what they are about — never from whether their values agree.
fn score(
    x: &Fact,
    y: &Fact,
    admitted: Admit,
    rules: &RuleSet,
    names: &Names,
    (wx, wy): (&Weighted, &Weighted),
    place: Place,
) -> Option<(f32, f32)> {
    // A pair across blocks (see `told_without_topic`) is scored under the
    // topic's rule whichever source comes first.
    let rule = rules.pair_rule(x.rule, y.rule);
    match admitted {
        Admit::No => return None,
        Admit::Scored(s, gate) => return Some((s, gate)),
        Admit::Context => {}
    }
    let cut = rules.lexicon.align();
    // How many event words the two have in common (the one count for every
    // test below that asks).
    let in_common = || x.events.iter().filter(|e| y.events.contains(e)).count();
    // The event word nearest to one of them stands next to the other too
    // (for claims, what the verb acts on: any word in common).
    let shared_event = if x.kind == Kind::Claim {
        // What the verbs act on, or the thing a "no …" phrase denies: "did not
        // sound the alarm" meets "no fire alarm" on "alarm".
        let names = |a: &Fact, b: &Fact| {
            a.head
                .as_deref()
                .is_some_and(|h| b.events.iter().any(|e| e.as_str() == h))
        };
        // Or one's verb is what the other acts on: "not named" / "released
        // no name" (verbs of telling share one head, so the word is read;
        // any other claim's head is its verb, read above).
        let acts_on = |a: &Fact, b: &Fact| match &a.value {
            crate::extract::Value::Claim { predicate, .. }
                if a.head.as_deref() == Some(crate::extract::claim::TELLING) =>
            {
                let verb = rules.lexicon.lemma(predicate);
                b.events.iter().any(|e| e.as_str() == verb)
            }
            _ => false,
        };
        in_common() > 0
            || names(x, y)
            || names(y, x)
            || acts_on(x, y)
            || acts_on(y, x)
            // Or both are said of one name: "Hale did not vote" /
            // "Hale voted with the majority".
            || x.about.is_some() && x.about == y.about
            // Or one acts on nothing it names: "said she would not object" /
            // "said she would challenge the ruling".
            || x.events.is_empty() != y.events.is_empty()
    } else if x.kind == Kind::Date && (!x.also_events.is_empty() || !y.also_events.is_empty()) {
        // A day named more than once dates each event told of it.
        fn heads(f: &Fact) -> Vec<&crate::extract::Word> {
            f.events.iter().take(2).chain(&f.also_events).collect()
        }
        let (hx, hy) = (heads(x), heads(y));
        hx.iter().any(|e| hy.contains(e))
            || x.events.first().is_some_and(|e| y.events.contains(e))
            || y.events.first().is_some_and(|e| x.events.contains(e))
    } else {
        x.events.first().is_some_and(|e| y.events.contains(e))
            || y.events.first().is_some_and(|e| x.events.contains(e))
            // Or the two nearest of each meet: a verb that only carries the
            // measure ("lasted" / "took") stands between the figure and what
            // it measures.
            || x.events.iter().take(2).any(|e| y.events.iter().take(2).any(|f| f == e))
            // Or the nearest of each names one kind of thing: "profit fell"
            // / "earnings dropped".
            || x.kind == Kind::Quantity
                && matches!((x.events.first(), y.events.first()), (Some(e), Some(f))
                    if rules.lexicon.same_kind_of_thing(e, f))
    };
    // A verb alone says little ("released"): what it acts on must match too.
    if x.kind == Kind::Claim && rule.is_fallback() && !shared_event {
        return None;
    }
    // What "no longer" and "still" say stopped or goes on is the word after
    // them, which the other must tell too: "no longer offers a full-year
    // forecast" and "still expects full-year profit to grow" are two things,
    // "no longer treated as a suspect" and "no longer a suspect" one. (Against a "remains", whose
    // verb is the continuing itself, what it acts on says; a bare "remain"
    // reads as told by a cue, "will remain closed" / "no longer closed".)
    let told_by_cue = |f: &Fact| {
        matches!(&f.value, crate::extract::Value::Claim { predicate, .. }
            if predicate == crate::extract::claim::CONTINUING)
    };
    let verb_in = |a: &Fact, b: &Fact| a.events.first().is_some_and(|e| b.events.contains(e));
    if told_by_cue(x) && told_by_cue(y) && !verb_in(x, y) && !verb_in(y, x) {
        return None;
    }
    // Two figures counting one thing under no shared event word ("18 people
    // were detained" / "120,000 people were left homeless") share only what
    // every figure of their slot shares: the counted noun and its kinds are
    // no evidence of one slot then.
    // (Nor are two nouns of one kind, "votes" and "ballots".)
    let kin = || match (x.head.as_deref(), y.head.as_deref()) {
        (Some(h), Some(g)) => h == g || rules.lexicon.same_kind_of_thing(h, g),
        _ => false,
    };
    let mut sim = if x.kind == Kind::Quantity && rule.is_fallback() && !shared_event && kin() {
        let (h, g) = (
            x.head.as_deref().unwrap_or(""),
            y.head.as_deref().unwrap_or(""),
        );
        let skip: Vec<u64> = [key(h), key(g)]
            .into_iter()
            .chain(rules.lexicon.kinds_of_thing(h).map(key))
            .chain(rules.lexicon.kinds_of_thing(g).map(key))
            .collect();
        cosine_without(wx, wy, |w| skip.contains(&w))
    } else if x.kind == Kind::Quantity && rule.is_fallback() && x.head.is_none() != y.head.is_none()
    {
        // What one counts, standing near a figure that counts nothing named
        // ("shook windows up to 8km away and was heard in Olm, 90km to the
        // west"), is no sign the two count one thing.
        let (h, g) = (x.head.as_deref().map(key), y.head.as_deref().map(key));
        cosine_without(wx, wy, |w| Some(w) == h || Some(w) == g)
    } else {
        cosine(wx, wy)
    };
    // Where they stand in their reports speaks for two facts only if they
    // share something besides what they count, or nothing else could be
    // either: "112 employees were on the night shift" and "the company has
    // 1,400 employees" share only "employees", and "110 people were on the
    // overnight shift" could be the first.
    // (A margin is one slot by how it is told, "won by 1,200 votes", "the
    // margin was 1,100 votes", not by the noun it counts: each report's only
    // margin is the other's.)
    let margins = x.head.as_deref() == Some("margin") && x.head == y.head;
    let related = sim > 0.0 || shared_event || place.only || place.asides || margins || place.year;
    // The only fact of its slot in each source: the two are very likely about the same thing.
    if place.unique && related {
        sim += cut.unique_bonus;
    }
    // The first of its slot in each source: in news, the main event comes first.
    if place.lead && related {
        sim += cut.lead_bonus;
    }
    // Figures told of one name in their clauses ("Stoa shares jumped 24%" /
    // "Stoa's stock rose 22 per cent"), beside others of another name.
    if x.about.is_some() && x.about == y.about {
        sim += cut.event_bonus;
    } else if place.apart {
        // Or told in sentences that name no one in common, where another
        // of the slot is told of a name the one's sentence names: "Lena
        // Vask was cleared on two of the five counts" is the other
        // report's "his aide, Lena Vask, was cleared on two counts", not
        // its "a jury in Dunmore convicted him on three of five".
        sim -= cut.apart_penalty;
    }
    // A figure of what may be ("could bring winds of up to 150 km/h") is
    // less likely the other report's figure of what is ("brought gusts of
    // 150 km/h") than that report's own figure of what is.
    if x.kind != Kind::Date && x.kind != Kind::Claim && x.forward != y.forward {
        sim -= cut.forward_penalty;
    }
    // Both in their headlines: each report's main news.
    if place.headline {
        sim += cut.headline_bonus;
    }
    // The year both are told of is what they are about ("flew 11 million
    // passengers last year" / "carried 11m passengers in 2030"), as an
    // event word would be.
    if place.year {
        sim += cut.event_bonus;
    }
    // The same event word right next to both ("arrested Monday" / "arrested on Monday").
    // A claim a topic rule chose that acts on the same thing ("are not tied
    // to the mill" / "were never traced to the mill"): the rule says
    // what, the shared object says of what.
    if shared_event && x.kind == Kind::Claim && !rule.is_fallback() {
        sim += cut.event_bonus;
    }
    // A claim of the fallback rule must act on something the other acts on;
    // two that act on two things in common ("did not release the driver's
    // name" / "refused to say the driver's name") are likelier one.
    if x.kind == Kind::Claim && rule.is_fallback() && in_common() >= 2 {
        sim += cut.event_bonus;
    }
    if shared_event && x.kind != Kind::Claim {
        sim += cut.event_bonus;
        // A date's nearest event word is what it dates ("the hearing on
        // Thursday" / "a hearing on May 2"): the same one for both, more.
        // Not for background told in passing ("the 2009 storm", "a 2015
        // storm"), unless both are told to the day: "since 4 May the survey
        // has …" / "the survey, which began May 4," date one start.
        // Nor need the nearest be the same when two of the event words
        // are: a place named between ("struck on Sunday in Brill county" /
        // "the storm that struck the province on May 11") comes nearer
        // than what happened, and two words in common say one event.
        let to_the_day = |f: &Fact| matches!(&f.value, crate::extract::Value::Date { start, end, .. } if start == end);
        if x.kind == Kind::Date
            && (!x.past && !y.past || to_the_day(x) && to_the_day(y))
            && !x.events.is_empty()
            && (x.events.first() == y.events.first()
                || in_common() >= 2
                // (A verb that comes first, what it acts on second: "crashed
                // into a truck on Monday" / "hit the truck on 2 May".)
                || x.events.first().is_some_and(|e| y.events.iter().take(2).any(|f| f == e))
                || y.events.first().is_some_and(|e| x.events.iter().take(2).any(|f| f == e)))
        {
            sim += cut.date_event_bonus;
        }
    }
    // A date told to the day or the month is better met by one told as
    // closely than by a season or a year that holds it ("the leak started
    // in mid-April": "on April 14" before "this spring"). So are a few days
    // told as a span ("voted over Saturday and Sunday") by a span ("on May
    // 10 and 11") before one of their days ("voted Sunday evening"), and
    // a day by a day before a span of a few days that holds it.
    // (How closely each is told, not whether they agree.)
    if let (
        crate::extract::Value::Date {
            start: sx, end: ex, ..
        },
        crate::extract::Value::Date {
            start: sy, end: ey, ..
        },
    ) = (&x.value, &y.value)
    {
        // (How many days after its first its last is: none for a date open
        // at one end.)
        let days = |s: &jiff::civil::Date, e: &jiff::civil::Date| {
            (*s != jiff::civil::Date::MIN && *e != jiff::civil::Date::MAX)
                .then(|| s.until(*e).ok().map(|d| d.get_days()))
                .flatten()
        };
        let (dx, dy) = (days(sx, ex), days(sy, ey));
        let coarse = |d: Option<i32>| d.is_some_and(|d| d > 31);
        let few = |d: Option<i32>| d.is_some_and(|d| (1..DAYS_IN_SPAN).contains(&d));
        let one = |d: Option<i32>| d == Some(0);
        if coarse(dx) != coarse(dy) || few(dx) && one(dy) || one(dx) && few(dy) {
            sim -= cut.coarse_penalty;
        }
    }
    let min = if x.kind == Kind::Claim {
        cut.claim_gate
    } else if !rules.rules[x.rule].is_fallback() && !rules.rules[y.rule].is_fallback() {
        cut.topic_gate
    } else if x.kind == Kind::Date && !is_time_of_day(x) {
        cut.date_gate
    } else {
        cut.gate
    };
    // Values only break ties between equally good candidates, after the gate.
    let tie = if registry::compare(x, y, rule, names) == Verdict::Conflict {
        0.0
    } else {
        TIE
    };
    Some((sim + tie, min))
}

/// Two figures under the fallback rule, in one block and unit, counting
/// nouns of one kind ("pupils" / "students").
fn kin_slots(x: &Fact, y: &Fact, rules: &RuleSet) -> bool {
    let (sx, sy) = (slot(x, rules), slot(y, rules));
    x.kind == Kind::Quantity
        && rules.rules[x.rule].is_fallback()
        && (sx.0, sx.1, sx.3) == (sy.0, sy.1, sy.3)
        && matches!((sx.2, sy.2), (Some(h), Some(g)) if rules.lexicon.same_kind_of_thing(h, g))
}

/// A part of a total and a count of the same noun told by the same verb
/// ("convicted on 14 of 16 counts" / "found guilty of 14 counts"): one slot,
/// told two ways, as far as where they stand in their reports goes.
fn part_told_as_count(x: &Fact, y: &Fact) -> bool {
    x.kind == Kind::Quantity
        && matches!((x.head.as_deref(), y.head.as_deref()),
            (Some(p), Some(h)) if p.strip_prefix("part ") == Some(h))
        && x.events
            .first()
            .is_some_and(|e| y.events.first() == Some(e))
}

/// Whether a figure counts people in so many words, with nothing else said
/// of it: a plain count (no unit, score or rank) of "people", "residents"
/// or a noun naming a person ("workers", "evacuees"). Or of nothing it
/// names, whose noun its clause leaves to the reader: "the others
/// escaped, and three were treated in hospital" counts people too.
fn counts_people(f: &Fact, rules: &RuleSet) -> bool {
    matches!(
        f.value,
        crate::extract::Value::Quantity {
            unit: None,
            second: None,
            ordinal: false,
            ..
        }
    ) && f
        .head
        .as_deref()
        .is_none_or(|h| rules.lexicon.counts_people(h))
}

/// Pairs across blocks: a figure a topic rule chose ("about 6,000
/// evacuees", "killing all 87 aboard") and a count of people in a
/// report that states no figure of that topic, told without its word
/// ("shelters housing roughly 7,500 people", "87 people aboard"). The
/// topic's word is one report's way of telling the figure, and the other
/// report, which never uses it, may tell the same figure another way. Only
/// figures that share an event word are paired (each meets at most
/// [`MAX_POSTING`] of them): the score decides the rest, blind to values.
fn told_without_topic(
    blocks: &BTreeMap<(Kind, &str), Vec<usize>>,
    facts: &Facts,
    rules: &RuleSet,
) -> Vec<(u32, u32)> {
    // (Lengths of time too: "could spend nine years in jail" and "faces a
    // maximum of nine years on each count" tell one term, the second without
    // the topic's word.)
    let crossing = |k: Kind| matches!(k, Kind::Quantity | Kind::Duration);
    let topical = |f: &Fact| {
        crossing(f.kind)
            && !rules.rules[f.rule].is_fallback()
            && *f.block == *rules.rules[f.rule].id
    };
    // Which sources state a figure of each topic.
    let mut stated: rustc_hash::FxHashSet<(&str, usize)> = Default::default();
    for ((kind, block), members) in blocks {
        if crossing(*kind) {
            for &i in members {
                stated.insert((block, facts[i].source));
            }
        }
    }
    // Counts of people (and lengths of time) under the fallback rule, by
    // kind, source and event word.
    let mut by_event: BTreeMap<(Kind, usize, &str), Vec<u32>> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        let open = match f.kind {
            Kind::Quantity => counts_people(f, rules),
            Kind::Duration => true,
            _ => false,
        };
        if open && rules.rules[f.rule].is_fallback() {
            for e in f.events.iter().take(2) {
                let list = by_event.entry((f.kind, f.source, e.as_str())).or_default();
                if list.len() < MAX_POSTING {
                    list.push(i as u32);
                }
            }
        }
    }
    if by_event.is_empty() {
        return Vec::new();
    }
    let sources: std::collections::BTreeSet<usize> = by_event.keys().map(|k| k.1).collect();
    let mut pairs = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if !topical(f) {
            continue;
        }
        for &s in sources.iter().filter(|&&s| s != f.source) {
            if stated.contains(&(&*f.block, s)) {
                continue;
            }
            // (The topic's own event words tell it too: "two nurses were
            // hurt" is a count of the injured.)
            let words = f.events.iter().take(2).map(|e| e.as_str());
            for e in words.chain(rules.rules[f.rule].events.iter().map(String::as_str)) {
                for &j in by_event.get(&(f.kind, s, e)).into_iter().flatten() {
                    pairs.push((i.min(j as usize) as u32, i.max(j as usize) as u32));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// A fact's slot: its block and, for figures under the fallback rule, what is
/// counted and in what unit. Facts of one slot are candidates for each other.
fn slot<'f>(f: &'f Fact, rules: &RuleSet) -> (Kind, &'f str, Option<&'f str>, Option<&'f str>) {
    let (head, unit) = registry::of(f.kind).slot(f, rules);
    (f.kind, &*f.block, head, unit)
}

/// How many later facts of a posting list each fact is paired with (and the
/// block size up to which every pair is scored): pairs grow linearly, not
/// with the square of the input.
pub const MAX_POSTING: usize = 64;

/// The keys under which a fact looks for counterparts: its context words,
/// and for names (which are what they spell) their folded words, 3-letter
/// prefixes and nickname forms. Never a date's day or a figure's value: a
/// pair that agrees must not find each other more easily than one that
/// conflicts.
fn keys(f: &Fact, rules: &RuleSet) -> Vec<u64> {
    let mut more = Vec::new();
    registry::of(f.kind).keys(f, &rules.lexicon, &mut more);
    let mut out: Vec<u64> = f.context.iter().map(|&(w, ..)| w).collect();
    out.extend(more.iter().map(|k| key(k)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Cross-source pairs worth scoring in one block: all of them in a small
/// block; in a large one, the pairs that share a key, each fact paired with
/// at most [`MAX_POSTING`] later facts of each key's list.
fn candidates(members: &[usize], facts: &Facts, rules: &RuleSet) -> Vec<(u32, u32)> {
    let cross = |i: usize, j: usize| facts[i].source != facts[j].source;
    if members.len() <= MAX_POSTING {
        return members
            .iter()
            .enumerate()
            .flat_map(|(a, &i)| {
                members[a + 1..]
                    .iter()
                    .filter(move |&&j| cross(i, j))
                    .map(move |&j| (i as u32, j as u32))
            })
            .collect();
    }
    let postings = Postings::new(members, |i| keys(&facts[i], rules));
    let cross = |i: u32, j: u32| cross(i as usize, j as usize);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut bound = 4 * members.len();
    for list in postings.lists().filter(|l| l.len() >= 2) {
        // A key shared by many facts (the same sentence in 100 sources) still
        // joins them: in a long list each fact meets the next few facts of
        // the list, so cost stays linear in the list while a chain links all
        // of it. A key is never dropped, so adding sources never silences a
        // conflict.
        if list.len() <= MAX_POSTING {
            for (a, &i) in list.iter().enumerate() {
                for &j in &list[a + 1..] {
                    if cross(i, j) {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
            continue;
        }
        // A long list: each fact meets the next fact of another source (found
        // for all positions in one backward pass, so the cost is linear).
        let mut next_other = vec![usize::MAX; list.len()];
        for k in (0..list.len().saturating_sub(1)).rev() {
            next_other[k] = if cross(list[k], list[k + 1]) {
                k + 1
            } else {
                next_other[k + 1]
            };
        }
        for (k, &i) in list.iter().enumerate() {
            if let Some(&j) = list.get(next_other[k]) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
        // Lists share pairs: the repeats go whenever the list has doubled.
        if pairs.len() > bound {
            pairs.sort_unstable();
            pairs.dedup();
            bound = bound.max(2 * pairs.len());
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The facts of a block that share each key, every list in one array.
///
/// A large block has hundreds of thousands of keys and millions of
/// postings: a growing list per key held a third more room than postings,
/// and a map entry and an allocation per key besides. Counting each key's
/// facts first, then placing them, holds each posting once and a count per
/// key, for the time of computing every fact's keys twice.
struct Postings {
    /// Where each key's list ends in `facts`, in the order the keys were
    /// first met (which pairs a list makes does not depend on that order).
    ends: Vec<u32>,
    /// Fact numbers as `u32`, each key's list in the order of `members`.
    facts: Vec<u32>,
}

impl Postings {
    fn new<K: IntoIterator<Item = u64>>(members: &[usize], keys: impl Fn(usize) -> K) -> Postings {
        // Each key's number, and how many facts have it.
        let mut ids: rustc_hash::FxHashMap<u64, u32> = Default::default();
        let mut counts: Vec<u32> = Vec::new();
        for &i in members {
            for k in keys(i) {
                let next = counts.len() as u32;
                let id = *ids.entry(k).or_insert(next);
                match counts.get_mut(id as usize) {
                    Some(c) => *c += 1,
                    None => counts.push(1),
                }
            }
        }
        // Each list's start, moved to its end as its facts are placed.
        let mut ends: Vec<u32> = Vec::with_capacity(counts.len());
        let mut at = 0;
        for c in counts {
            ends.push(at);
            at += c;
        }
        let mut facts = vec![0; at as usize];
        for &i in members {
            for k in keys(i) {
                let end = &mut ends[ids[&k] as usize];
                facts[*end as usize] = i as u32;
                *end += 1;
            }
        }
        Postings { ends, facts }
    }

    fn lists(&self) -> impl Iterator<Item = &[u32]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.facts[start as usize..end as usize])
    }
}

/// Groups built from scored edges: each fact's group, and the groups.
struct Joined {
    /// Each fact's group id (the id of a group is one of its facts).
    group_of: Vec<u32>,
    /// The members of each group of two or more, by group id: a fact alone
    /// has no entry (no room nor allocation per fact).
    groups: BTreeMap<u32, Vec<u32>>,
}

impl Joined {
    /// The group of fact `i`.
    fn group(&self, i: usize) -> usize {
        self.group_of[i] as usize
    }

    /// Every group whose id passes `keep`, singletons included, in the
    /// order of their ids.
    fn into_groups(self, keep: impl Fn(usize) -> bool) -> impl Iterator<Item = Vec<usize>> {
        let Joined {
            group_of,
            mut groups,
        } = self;
        group_of
            .into_iter()
            .enumerate()
            .filter(move |&(i, g)| g as usize == i && keep(i))
            .map(move |(i, _)| match groups.remove(&(i as u32)) {
                Some(members) => members.into_iter().map(|m| m as usize).collect(),
                None => vec![i],
            })
    }
}

/// A score ordered as `f32::total_cmp` orders it.
struct Score(f32);

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Join pairs greedily, best first, into groups holding at most one fact per
/// source. Ties are broken by the facts' text and position, never by source
/// order alone.
fn join(facts: &Facts, edges: impl Iterator<Item = (f32, usize, usize)>) -> Joined {
    let key = |i: u32| {
        let f = &facts[i as usize];
        (f.start, f.end, f.source)
    };
    // Each edge's place in the order: a vague count ("thousands") is told in
    // passing, so it takes a partner only once the precise figures have taken
    // theirs; then the better score first; then the pair's place in the
    // text. The order is worked out in each comparison from the facts, so an
    // edge is 12 bytes, not the 88 of its key (a large check sorts hundreds
    // of thousands).
    let order = |&(s, i, j): &(f32, u32, u32)| {
        let (a, b) = (key(i), key(j));
        let vague = is_vague(&facts[i as usize]) || is_vague(&facts[j as usize]);
        (vague, std::cmp::Reverse(Score(s)), a.min(b), a.max(b))
    };
    let mut edges: Vec<(f32, u32, u32)> = edges.map(|(s, i, j)| (s, i as u32, j as u32)).collect();
    edges.sort_by_key(order);
    let mut group_of: Vec<u32> = (0..facts.len() as u32).collect();
    let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (_, i, j) in edges {
        let (gi, gj) = (group_of[i as usize], group_of[j as usize]);
        if gi == gj {
            continue;
        }
        let (a, b) = (members(&groups, &gi), members(&groups, &gj));
        let disjoint = a.iter().all(|&x| {
            b.iter()
                .all(|&y| facts[x as usize].source != facts[y as usize].source)
        });
        if !disjoint {
            continue;
        }
        let moved = groups.remove(&gj).unwrap_or_else(|| vec![gj]);
        for &m in &moved {
            group_of[m as usize] = gi;
        }
        groups.entry(gi).or_insert_with(|| vec![gi]).extend(moved);
    }
    Joined { group_of, groups }
}

/// The members of group `g`: a fact alone is its own group's one member.
fn members<'a>(groups: &'a BTreeMap<u32, Vec<u32>>, g: &'a u32) -> &'a [u32] {
    groups.get(g).map_or(std::slice::from_ref(g), |m| &m[..])
}

/// Sentence pairs that state a fact both sources share: for each pair of
/// sentences (source, sentence) in two sources, the groups that join them.
struct Anchors {
    /// The groups, each with whether it is of figures (counts, lengths, ages).
    by_sentences: rustc_hash::FxHashMap<(Sentence, Sentence), Vec<(usize, bool)>>,
}

/// A sentence of one source: (source, sentence index).
type Sentence = (usize, usize);

impl Anchors {
    fn new(facts: &Facts, joined: &Joined) -> Anchors {
        // Only sentences that state a date or a figure can anchor one.
        let dated: rustc_hash::FxHashSet<Sentence> = facts
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    Kind::Date | Kind::Quantity | Kind::Duration | Kind::Age
                )
            })
            .map(|f| (f.source, f.sentence))
            .collect();
        let mut by_sentences: rustc_hash::FxHashMap<_, Vec<(usize, bool)>> = Default::default();
        for (&g, members) in &joined.groups {
            let g = g as usize;
            for (a, &i) in members.iter().enumerate() {
                for &j in &members[a + 1..] {
                    let (x, y) = (&facts[i as usize], &facts[j as usize]);
                    let key = ((x.source, x.sentence), (y.source, y.sentence));
                    if !dated.contains(&key.0) || !dated.contains(&key.1) {
                        continue;
                    }
                    let key = (key.0.min(key.1), key.0.max(key.1));
                    let list = by_sentences.entry(key).or_default();
                    let figure = matches!(x.kind, Kind::Quantity | Kind::Duration | Kind::Age);
                    if !list.contains(&(g, figure)) {
                        list.push((g, figure));
                    }
                }
            }
        }
        Anchors { by_sentences }
    }

    /// Whether the sentences of `i` and `j` share a group other than theirs
    /// (with `figures`, a group of figures).
    fn holds(&self, facts: &Facts, joined: &Joined, i: usize, j: usize, figures: bool) -> bool {
        let (x, y) = (&facts[i], &facts[j]);
        let key = ((x.source, x.sentence), (y.source, y.sentence));
        let key = (key.0.min(key.1), key.0.max(key.1));
        self.by_sentences.get(&key).is_some_and(|gs| {
            gs.iter().any(|&(g, figure)| {
                (figure || !figures) && g != joined.group(i) && g != joined.group(j)
            })
        })
    }
}

/// Group facts across sources. Returns groups of fact indices, each sorted by
/// source; facts left alone form groups of one.
pub fn align(facts: &mut Facts, rules: &RuleSet) -> Vec<Vec<usize>> {
    // Inverse document frequency of context words across all facts.
    // (Keyed by word: a word hashes as its fixed key, and no value here
    // depends on the order of the map.)
    let mut df: rustc_hash::FxHashMap<u64, f32> = Default::default();
    for f in facts.iter() {
        for &(w, ..) in &f.context {
            *df.entry(w).or_insert(0.0) += 1.0;
        }
    }
    let n = facts.len().max(1) as f32;
    let idf: rustc_hash::FxHashMap<u64, f32> = df
        .into_iter()
        .map(|(w, d)| (w, (1.0 + n / d).ln()))
        .collect();

    let norms: Vec<f32> = facts
        .iter_mut()
        .map(|f| weigh(&mut f.context, &idf))
        .collect();
    // (Every distinct context word of a large check: freed before the
    // tables below are built, as each of them is once it has been read.)
    drop(idf);
    let facts: &Facts = facts;
    let weighted: Vec<Weighted> = facts
        .iter()
        .zip(norms)
        .map(|(f, norm)| Weighted {
            words: &f.context,
            norm,
        })
        .collect();
    let names = Names::new(facts, &rules.lexicon);
    let mut blocks: BTreeMap<(Kind, &str), Vec<usize>> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        blocks.entry((f.kind, &*f.block)).or_default().push(i);
    }
    // Each fact's slot as a number, once: pairs compare numbers, not strings.
    type Slot<'a> = (Kind, &'a str, Option<&'a str>, Option<&'a str>);
    let mut slot_ids: rustc_hash::FxHashMap<Slot, u32> = Default::default();
    let slot_of: Vec<u32> = facts
        .iter()
        .map(|f| {
            let next = slot_ids.len() as u32;
            *slot_ids.entry(slot(f, rules)).or_insert(next)
        })
        .collect();
    // How many facts of each slot each source states, and each fact's place
    // among the facts of its slot in its source (news pegs not counted).
    let mut per_slot: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    // A vague count ("thousands of people") is told in passing: it neither
    // counts against nor earns "only one" or "comes first" (a report's
    // headline "thousands" and its "4,200 people" in the text).
    // (And how many each states at all, asides included: see `aside_alone`.)
    let mut told: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    for (i, f) in facts.iter().enumerate() {
        if !in_passing(f) {
            *per_slot.entry((slot_of[i], f.source as u32)).or_default() += 1;
        }
        if !is_vague(f) && !f.derived {
            *told.entry((slot_of[i], f.source as u32)).or_default() += 1;
        }
    }
    // A whole made of parts is the count of its slot only where its report
    // states no other: then it alone is what the report says of it
    // ("141 passengers and 7 crew on board" / "carrying 148 people").
    let mut wholes: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    for (i, f) in facts.iter().enumerate() {
        if f.derived && !is_vague(f) && !f.aside {
            *wholes.entry((slot_of[i], f.source as u32)).or_default() += 1;
        }
    }
    let unique: Vec<bool> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let at = (slot_of[i], f.source as u32);
            if in_passing(f) {
                f.derived
                    && !is_vague(f)
                    && !f.aside
                    && !per_slot.contains_key(&at)
                    && wholes.get(&at) == Some(&1)
            } else {
                per_slot[&at] == 1
            }
        })
        .collect();
    // A figure told in an aside ("Acme, which has 900 stores in 12
    // countries, said") is what a report says of someone in passing: beside
    // another report's aside of one noun, each the only figure of its slot
    // its report states at all, it is the same passing remark.
    let aside_alone: Vec<bool> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.aside && !is_vague(f) && told.get(&(slot_of[i], f.source as u32)) == Some(&1)
        })
        .collect();
    // Figures of a slot told of one year ("flew 11 million passengers last
    // year"): a report's only one of its year is the other's only one of
    // that year, whatever else of the slot each report counts.
    let year_of = |f: &Fact| match f.years[..] {
        [y] if f.kind != Kind::Date && !in_passing(f) => Some(y),
        _ => None,
    };
    let mut per_year: rustc_hash::FxHashMap<(u32, u32, i16), u32> = Default::default();
    for (i, f) in facts.iter().enumerate() {
        if let Some(y) = year_of(f) {
            *per_year
                .entry((slot_of[i], f.source as u32, y))
                .or_default() += 1;
        }
    }
    let year_alone: Vec<Option<i16>> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| year_of(f).filter(|&y| per_year[&(slot_of[i], f.source as u32, y)] == 1))
        .collect();
    drop((per_slot, wholes, told, per_year));
    let mut order: Vec<u32> = (0..facts.len() as u32).collect();
    order.sort_by_key(|&i| (facts[i as usize].source, facts[i as usize].start));
    let mut seen: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    let mut place = vec![u32::MAX; facts.len()];
    for i in order {
        let i = i as usize;
        if !facts[i].peg && !in_passing(&facts[i]) {
            let n = seen
                .entry((slot_of[i], facts[i].source as u32))
                .or_default();
            place[i] = *n;
            *n += 1;
        }
    }
    drop(seen);
    // Which days are the only one their sentence tells (clock times aside).
    let mut days_in: rustc_hash::FxHashMap<Sentence, u32> = Default::default();
    for f in facts.iter() {
        if f.kind == Kind::Date && !is_time_of_day(f) {
            *days_in.entry((f.source, f.sentence)).or_default() += 1;
        }
    }
    let lone_day = |i: usize| {
        facts[i].kind == Kind::Date
            && !is_time_of_day(&facts[i])
            && days_in.get(&(facts[i].source, facts[i].sentence)) == Some(&1)
    };
    let day_anchor_bonus = rules.lexicon.align().day_anchor_bonus;
    let anchor_bonus = rules.lexicon.align().anchor_bonus;
    let figure_anchor_bonus = rules.lexicon.align().figure_anchor_bonus;
    // Two figures that are each other's best candidate ("47.3 percent of
    // members took part" / "turnout was 48.9 percent of the register", each
    // report's only share of its kind near the vote) need less evidence than
    // two that each have better candidates. Whether each is the other's best
    // is decided from the scores, which do not look at values.
    let mutual_gate = rules.lexicon.align().mutual_gate;
    let figure = |i: usize| matches!(facts[i].kind, Kind::Quantity | Kind::Duration | Kind::Age);
    // Dates too: a report names several days, but two that are each other's
    // best candidate ("tore through the hills on Sunday" / "broke out on
    // June 7", each report's day of what it is about) are as likely one as
    // two figures are. Not background, told in passing: "a 2015 storm" and
    // "the 2009 storm" recalled in two reports are each other's only
    // candidate, and two storms. (Names and claims decide by their own tests.)
    let few = |i: usize| figure(i) || facts[i].kind == Kind::Date && !facts[i].past;
    // Each candidate pair admitted once: whether the two may be one thing at all.
    let told_without = told_without_topic(&blocks, facts, rules);
    // A pair across blocks where each is the other's only one: the topic's
    // only figure in its report, vague or not ("leaving several others
    // injured"), and the only count of people the other report tells with
    // the topic's event word ("two nurses were hurt"). Each report
    // then tells that count once, as a slot's only figure is told.
    let mut crossings: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    for &(i, j) in &told_without {
        for (a, b) in [(i, j), (j, i)] {
            *crossings
                .entry((a, facts[b as usize].source as u32))
                .or_default() += 1;
        }
    }
    // (How many facts each source states in each topic's block, counted
    // once, and only when some pair crosses.)
    let mut in_block: rustc_hash::FxHashMap<(&str, usize), u32> = Default::default();
    if !told_without.is_empty() {
        for f in facts.iter().filter(|f| !rules.rules[f.rule].is_fallback()) {
            *in_block.entry((&*f.block, f.source)).or_default() += 1;
        }
    }
    let crossed: rustc_hash::FxHashSet<(u32, u32)> = told_without
        .iter()
        .copied()
        .filter(|&(i, j)| {
            let alone_in_block = |k: u32| {
                let f = &facts[k as usize];
                rules.rules[f.rule].is_fallback()
                    || in_block.get(&(&*f.block, f.source)) == Some(&1)
            };
            crossings[&(i, facts[j as usize].source as u32)] == 1
                && crossings[&(j, facts[i as usize].source as u32)] == 1
                && alone_in_block(i)
                && alone_in_block(j)
        })
        .collect();
    drop((crossings, in_block));
    let admitted: Vec<(u32, u32, Admit)> = blocks
        .values()
        .flat_map(|members| candidates(members, facts, rules))
        .chain(told_without)
        .map(|(i, j)| {
            (
                i,
                j,
                admit(&facts[i as usize], &facts[j as usize], rules, &names),
            )
        })
        // (A pair ruled out is never scored nor counted: most pairs of a
        // large block are.)
        .filter(|(_, _, a)| !matches!(a, Admit::No))
        .collect();
    drop(blocks);
    // Fact and source numbers as u32: a large check holds these tables for
    // hundreds of thousands of pairs at once.
    let of = |i: usize, j: usize| (i as u32, facts[j].source as u32);
    // How many facts of each other report each fact could be, by its context.
    let mut options: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
    for &(i, j, ref a) in &admitted {
        if matches!(a, Admit::Context) {
            let (i, j) = (i as usize, j as usize);
            *options.entry(of(i, j)).or_default() += 1;
            *options.entry(of(j, i)).or_default() += 1;
        }
    }
    let only = |i: usize, j: usize| {
        options.get(&of(i, j)) == Some(&1) && options.get(&of(j, i)) == Some(&1)
    };
    // Which figures could be a fact of each other report told in a
    // sentence naming someone their own sentence names.
    let shares_name =
        |i: usize, j: usize| facts[i].named.iter().any(|k| facts[j].named.contains(k));
    let mut named_partner: rustc_hash::FxHashSet<(u32, u32)> = Default::default();
    for &(i, j, ref a) in &admitted {
        let (i, j) = (i as usize, j as usize);
        if matches!(a, Admit::Context) && shares_name(i, j) {
            named_partner.insert(of(i, j));
            named_partner.insert(of(j, i));
        }
    }
    let apart = |i: usize, j: usize| {
        !facts[i].named.is_empty()
            && !facts[j].named.is_empty()
            && !shares_name(i, j)
            && (named_partner.contains(&of(i, j)) || named_partner.contains(&of(j, i)))
    };
    // The words of the names each report writes, and the words near its
    // facts: a claim of what someone named did ("Tarn Foods recalled its
    // salads") is not a claim that tells no one acting ("so no recall was
    // ordered" of a farm's greens) in a report that never writes their
    // name. Told with someone acting ("police did not release"), it may be
    // the named one ("the Vell County sheriff's office did not release").
    let mut names_of: Vec<rustc_hash::FxHashSet<u64>> = Vec::new();
    for f in facts.iter() {
        if names_of.len() <= f.source {
            names_of.resize_with(f.source + 1, Default::default);
        }
        let set = &mut names_of[f.source];
        set.extend(f.named.iter().chain(&f.actors).copied());
        set.extend(f.context.iter().map(|c| c.0));
        if let crate::extract::Value::Name { written, .. } = &f.value {
            for w in written.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                set.insert(crate::extract::word::name_key(&w.to_lowercase()));
            }
        }
    }
    let stranger = |i: usize, j: usize| {
        facts[i].kind == Kind::Claim
            && !facts[i].actors.is_empty()
            && !facts[j].agent
            && names_of
                .get(facts[j].source)
                .is_some_and(|set| !facts[i].actors.iter().any(|k| set.contains(k)))
    };
    // Whether two slots count nouns of one kind, once per pair of slots.
    let mut kin: rustc_hash::FxHashMap<(u32, u32), bool> = Default::default();
    // Every pair that may be one slot, with its score and the gate it must pass.
    let mut scored: Vec<(f32, f32, u32, u32)> = Vec::new();
    for (i, j, admitted) in admitted {
        let (i, j) = (i as usize, j as usize);
        if stranger(i, j) || stranger(j, i) {
            continue;
        }
        // Background is told in passing: its first or only mention in
        // each report is no sign that the two are about one thing.
        let news = !facts[i].past && !facts[j].past;
        // One slot, or counted nouns of one kind ("votes" / "ballots") in
        // one unit: each report's only one of them is the other's.
        let same = slot_of[i] == slot_of[j]
            || news
                && matches!(admitted, Admit::Context)
                && (*kin
                    .entry((slot_of[i], slot_of[j]))
                    .or_insert_with(|| kin_slots(&facts[i], &facts[j], rules))
                    || part_told_as_count(&facts[i], &facts[j])
                    || part_told_as_count(&facts[j], &facts[i]));
        let asides = news && slot_of[i] == slot_of[j] && aside_alone[i] && aside_alone[j];
        // Each the only one of its report, told in its main clause or in
        // passing: "runs 640 clinics" / "Norvik, which operates 640
        // clinics, said".
        let alone = |k: usize| unique[k] || aside_alone[k];
        let u =
            news && same && alone(i) && alone(j) || news && crossed.contains(&(i as u32, j as u32));
        let year =
            slot_of[i] == slot_of[j] && year_alone[i].is_some() && year_alone[i] == year_alone[j];
        let lead = news && same && place[i] == 0 && place[j] == 0;
        let headline = news && same && facts[i].headline && facts[j].headline;
        if let Some((s, min)) = score(
            &facts[i],
            &facts[j],
            admitted,
            rules,
            &names,
            (&weighted[i], &weighted[j]),
            Place {
                unique: u || year,
                only: only(i, j),
                year,
                asides,
                lead,
                headline,
                apart: apart(i, j),
            },
        ) && (s >= min
            || s >= mutual_gate * min && few(i)
            || facts[i].kind == Kind::Date && s + anchor_bonus >= min
            // (Lone days need less if a figure anchors them.)
            || lone_day(i) && lone_day(j) && s + anchor_bonus + day_anchor_bonus >= mutual_gate * min
            // (Figures each other's best need less, anchored as unanchored.)
            || figure(i) && slot_of[i] == slot_of[j] && s + figure_anchor_bonus >= mutual_gate * min
            || facts[i].clock.is_some() && facts[j].clock.is_some())
        {
            // (A pair that fails its gate matters only if an anchor could lift it.)
            scored.push((s, min, i as u32, j as u32));
        }
    }
    drop((
        options,
        kin,
        weighted,
        unique,
        place,
        aside_alone,
        year_alone,
    ));
    // Each fact's best candidate in each other source, by score (ties: the
    // earlier pair in `scored`, which is in a fixed order).
    let mut best: rustc_hash::FxHashMap<(u32, u32), (f32, u32)> = Default::default();
    for &(s, _, i, j) in &scored {
        for (a, b) in [(i, j), (j, i)] {
            let e = best.entry(of(a as usize, b as usize)).or_insert((s, b));
            if s > e.0 {
                *e = (s, b);
            }
        }
    }
    let mutual =
        |i: usize, j: usize| best[&of(i, j)].1 as usize == j && best[&of(j, i)].1 as usize == i;
    // First pass: each pair on its own evidence.
    let first = join(
        facts,
        scored
            .iter()
            .map(|&(s, min, i, j)| (s, min, i as usize, j as usize))
            .filter(|e| e.0 >= e.1 || few(e.2) && e.0 >= mutual_gate * e.1 && mutual(e.2, e.3))
            .map(|e| (e.0, e.2, e.3)),
    );
    // Second pass: two sentences that state another fact both reports share
    // ("a ferry carrying 80 people sank on Sunday" / "the ferry, with 80
    // aboard, went down on 2 May") tell one event, and a sentence tells its
    // event at one time: their dates are likelier one slot. So are two
    // figures of one counted noun, each the only one of its noun in its
    // sentence ("300 nurses were sent, along with 12 ambulances" / "500
    // nurses, supported by 14 ambulances"); a sentence that counts several
    // of one noun (a list of shares) says nothing of which is which. Such
    // a figure's sentence is the stronger sign, as a sentence states many
    // dates and few figures of one noun: "800 firefighters and nine
    // helicopters were fighting the blaze" / "850 firefighters were
    // assigned to the fire, supported by nine helicopters" share hardly a
    // word beside the noun they count. The first pass was blind to values,
    // so this is too.
    // Only dates and figures change, and groups never leave a block: the
    // second pass joins them alone, and keeps the first pass's other groups.
    let anchors = Anchors::new(facts, &first);
    let bonus = rules.lexicon.align().anchor_bonus;
    // A figure's sentence is a sign only for the one figure of its slot there.
    let at = |i: usize| (slot_of[i], facts[i].source as u32, facts[i].sentence as u32);
    let mut in_sentence: rustc_hash::FxHashMap<(u32, u32, u32), u32> = Default::default();
    for i in 0..facts.len() {
        if figure(i) {
            *in_sentence.entry(at(i)).or_default() += 1;
        }
    }
    let alone = |i: usize| in_sentence.get(&at(i)) == Some(&1);
    // (Not the total a share is taken of and a figure told without one:
    // "38 percent of the 29,500 registered voters" / "11,184 voters took
    // part, a turnout of 37.9 percent" share the share, which makes the
    // one the whole and the other its part.)
    let anchored = |i: usize, j: usize| {
        (facts[i].kind == Kind::Date
            || figure(i)
                && slot_of[i] == slot_of[j]
                && alone(i)
                && alone(j)
                && facts[i].base == facts[j].base)
            && anchors.holds(facts, &first, i, j, false)
    };
    // Two days, each the only one its sentence tells, in sentences that
    // state a figure both reports share: one event told at one time.
    let by_figure = |i: usize, j: usize| {
        facts[i].kind == Kind::Date
            && lone_day(i)
            && lone_day(j)
            && anchors.holds(facts, &first, i, j, true)
    };
    // Two days each told with a clock time ("the fire broke out at 2:10
    // p.m. Monday" / "the blaze, first seen at 14:10 on 7 April"), where the first
    // pass joined the clock times: one moment, told of one event, whatever
    // words each report tells it in.
    let mut clocks: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    for (k, f) in facts.iter().enumerate() {
        if is_time_of_day(f) {
            for (at, _) in std::iter::once((f.start, f.end)).chain(f.also.iter().copied()) {
                clocks.insert((f.source, at), k);
            }
        }
    }
    let clock = |i: usize| clocks.get(&(facts[i].source, facts[i].clock?)).copied();
    let timed = |i: usize, j: usize| matches!((clock(i), clock(j)), (Some(a), Some(b)) if first.group(a) == first.group(b));
    let clock_bonus = rules.lexicon.align().clock_bonus;
    let second_pass = |i: usize| facts[i].kind == Kind::Date || figure(i);
    let dates = scored.iter().filter_map(|&(s, min, i, j)| {
        let (i, j) = (i as usize, j as usize);
        if !second_pass(i) {
            return None;
        }
        let s = match anchored(i, j) {
            true if figure(i) => s + figure_anchor_bonus,
            true if by_figure(i, j) => s + bonus + day_anchor_bonus,
            true => s + bonus,
            false => s,
        };
        let s = if timed(i, j) { s + clock_bonus } else { s };
        (s >= min || few(i) && s >= mutual_gate * min && mutual(i, j)).then_some((s, i, j))
    });
    let second = join(facts, dates);
    let groups = first
        .into_groups(|g| !second_pass(g))
        .chain(second.into_groups(second_pass));
    let mut out: Vec<Vec<usize>> = groups.collect();
    for g in &mut out {
        g.sort_by_key(|&i| (facts[i].source, facts[i].start));
    }
    out
}
