//! Fact kinds: each kind of fact (a quantity, a date, a duration, a name, a
//! claim) lives in one file behind [`FactKind`], and
//! [`super::registry::KINDS`] lists them. The rest of the pipeline asks a
//! fact's kind, never matches on it: reading a sentence, the keys that say
//! what a fact is about, comparing two values under a rule, showing a value,
//! and the key that finds repeats.
//!
//! Adding a kind: one Rust file with one `impl FactKind`, one line in
//! `KINDS`, a variant of [`Kind`] and of [`Value`], and a rule pack in
//! `rules/` (see docs/architecture.md).

use super::{Candidate, Ctx, Fact, Facts, Value};
use crate::rules::{Kind, Lexicon, Rule, RuleSet, Verdict};
use crate::segment::Sentence;
use jiff::civil::Date;

/// What the kinds share while one source is read: the tokens already taken
/// by a fact (a date's figures are not also a count), and the last full date
/// ("the next day" counts from it).
pub struct Reading {
    pub claimed: Vec<bool>,
    pub anchor: Option<Date>,
    /// The time zones the source has stated so far (see [`Zones`]).
    pub zones: Zones,
}

/// The time zones a source has stated after its clock times so far: a
/// report that states one zone tells every clock time in it ("began at
/// 10:05 a.m. Eastern time and recovered at 1:17 p.m."); one that states
/// two, or "local time", leaves a time without its own zone unknown.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub enum Zones {
    #[default]
    None,
    One(i16),
    Several,
}

impl Zones {
    /// The zones stated once this one is too (`None`: a time told in
    /// "local time", or in no zone the lexicon knows, "Tokyo time").
    pub fn and(self, zone: Option<i16>) -> Zones {
        match (self, zone) {
            (Zones::None, Some(z)) => Zones::One(z),
            (Zones::One(a), Some(z)) if a == z => self,
            _ => Zones::Several,
        }
    }

    /// The one zone stated, if the source has stated exactly one.
    pub fn one(self) -> Option<i16> {
        match self {
            Zones::One(z) => Some(z),
            _ => None,
        }
    }
}

/// A kind's answer to "can these two facts be about the same thing?".
pub enum Sameness {
    /// Never: they fill different slots (a count and a rank, a jet's age and
    /// a pilot's).
    Never,
    /// Perhaps: their contexts decide, as for every kind.
    Context,
    /// This kind decides alone, with a score and the gate it must pass
    /// (names: how alike two spellings are).
    Score(f32, f32),
}

/// One kind of fact.
pub trait FactKind: Sync {
    fn kind(&self) -> Kind;

    /// Read this kind's candidates in one sentence (kinds are asked in the
    /// order of [`super::registry::KINDS`], sentence by sentence).
    fn read(
        &self,
        _ctx: &Ctx,
        _si: usize,
        _s: &Sentence,
        _reading: &mut Reading,
        _out: &mut Vec<Candidate>,
    ) {
    }

    /// Read candidates over the whole source, after every sentence was read
    /// by every kind (names: an entity's mentions are spread over the text).
    fn read_source(&self, _ctx: &Ctx, _reading: &Reading, _out: &mut Vec<Candidate>) {}

    /// What this kind alone says about whether two of its facts can be about
    /// the same thing, from what they are about, never from their values.
    fn sameness(&self, _x: &Fact, _y: &Fact, _rules: &RuleSet, _names: &Names) -> Sameness {
        Sameness::Context
    }

    /// What tells slots apart within a rule's block: (head, unit) for
    /// figures; facts of one slot are candidates for each other.
    fn slot<'f>(&self, _f: &'f Fact, _rules: &RuleSet) -> (Option<&'f str>, Option<&'f str>) {
        (None, None)
    }

    /// Whether the fact's head ("files", "trial") joins its context words,
    /// under a fallback rule (`fallback`) or a topic rule. Under a topic rule
    /// heads may differ ("people" / "dead") and say nothing more.
    fn head_in_context(&self, _fallback: bool) -> bool {
        false
    }

    /// Keys beyond the context words that say what a fact is about: two facts
    /// sharing one are candidates for alignment. Never the value alone.
    fn keys(&self, _f: &Fact, _lex: &Lexicon, _out: &mut Vec<String>) {}

    /// The verdict on two facts of this kind under `rule`.
    fn compare(&self, a: &Fact, b: &Fact, rule: &Rule, names: &Names) -> Verdict;

    /// The value for people to read.
    fn display(&self, v: &Value) -> String;

    /// A key equal for equal values: repeats of one fact in a source merge.
    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result;
}

/// The normalised tokens of every spelling of every name fact, computed once
/// per check: alignment compares names pair by pair, and normalising (folding,
/// lemmas) at each comparison cost more than all the rest of it.
pub struct Names<'a> {
    pub lex: &'a Lexicon,
    /// Each spelling's tokens: a range of `words`, where its tokens stand
    /// one after another, each ended by a NUL (a large source has hundreds of
    /// thousands of spellings: one string for them all, not one per token).
    tokens: rustc_hash::FxHashMap<&'a str, (u32, u32)>,
    words: String,
    /// Name facts (source, start) written as the only name of their family
    /// in the source: a name of two or more words whose last word comes with
    /// no other first word there ("Dana Okafor" and no other Okafor).
    /// (With the first byte of its family name: pairs whose families begin
    /// differently are turned away before any other work.)
    sole_of_family: rustc_hash::FxHashMap<(usize, usize), u8>,
    /// Name facts (source, start) written as the only designation of their
    /// kind in the source ("Flight 4417" and no other flight number).
    sole_designation: rustc_hash::FxHashSet<(usize, usize)>,
}

/// A designation's words and its number: ("flight", "4417") for "Flight 4417".
fn designation<'t>(tokens: &[&'t str]) -> Option<(String, &'t str)> {
    let (last, words) = tokens.split_last()?;
    let number = last.bytes().all(|b| b.is_ascii_digit());
    let plain = |w: &&str| !w.bytes().any(|b| b.is_ascii_digit());
    (number && !words.is_empty() && words.iter().all(plain)).then(|| (words.join(" "), *last))
}

/// The tokens `Names` keeps of a spelling: a range of its `words`.
fn split_tokens(words: &str, (start, end): (u32, u32)) -> Vec<&str> {
    let (start, end) = (start as usize, end as usize);
    match words.get(start..end.saturating_sub(1)) {
        Some(t) if end > start => t.split('\0').collect(),
        _ => Vec::new(),
    }
}

impl<'a> Names<'a> {
    pub fn new(facts: &'a Facts, lex: &'a Lexicon) -> Names<'a> {
        let mut tokens: rustc_hash::FxHashMap<&str, (u32, u32)> = Default::default();
        let mut words = String::new();
        // Per source and family (last word) or designation (words before the
        // number): the one first word or number it comes with, or none when
        // it comes with several. (Only "just one" is ever asked: a list of
        // them, searched at each spelling, grew with a long report.)
        let mut families: rustc_hash::FxHashMap<(usize, &str), Option<&str>> = Default::default();
        let mut designations: rustc_hash::FxHashMap<(usize, String), Option<&str>> =
            Default::default();
        fn note<'s>(one: &mut Option<&'s str>, seen: &'s str) {
            if one.is_some_and(|o| o != seen) {
                *one = None;
            }
        }
        let mut spellings: Vec<(usize, &'a str)> = Vec::new();
        for f in facts {
            if let Value::Name { written, forms, .. } = &f.value {
                for s in std::iter::once(written).chain(forms) {
                    tokens.entry(s.as_str()).or_insert_with(|| {
                        let start = words.len() as u32;
                        for t in lex.name_tokens(s) {
                            words.push_str(&t);
                            words.push('\0');
                        }
                        (start, words.len() as u32)
                    });
                    spellings.push((f.source, s.as_str()));
                }
            }
        }
        let split = |s: &str| split_tokens(&words, tokens[s]);
        for &(source, s) in &spellings {
            let t = split(s);
            if let Some((words, number)) = designation(&t) {
                note(
                    designations.entry((source, words)).or_insert(Some(number)),
                    number,
                );
            } else if let [first, .., last] = t.as_slice() {
                note(families.entry((source, last)).or_insert(Some(first)), first);
            }
        }
        let mut sole_of_family = rustc_hash::FxHashMap::default();
        let mut sole_designation = rustc_hash::FxHashSet::default();
        for f in facts {
            let Value::Name { written, .. } = &f.value else {
                continue;
            };
            let t = split(written);
            if let Some((words, _)) = designation(&t) {
                if designations
                    .get(&(f.source, words))
                    .is_some_and(Option::is_some)
                {
                    sole_designation.insert((f.source, f.start));
                }
            } else if let [_, .., last] = t.as_slice()
                && families
                    .get(&(f.source, *last))
                    .is_some_and(Option::is_some)
            {
                sole_of_family.insert((f.source, f.start), last.bytes().next().unwrap_or(0));
            }
        }
        drop(families);
        Names {
            lex,
            tokens,
            words,
            sole_of_family,
            sole_designation,
        }
    }

    /// Whether the two name facts, written `a` and `b`, are the only
    /// designations of their kind in their sources, with different numbers
    /// ("Flight 4417" / "Flight 9526"): one slot, whose values conflict.
    pub fn only_designation(&self, x: &Fact, y: &Fact, a: &str, b: &str) -> bool {
        if !self.sole_designation.contains(&(x.source, x.start))
            || !self.sole_designation.contains(&(y.source, y.start))
        {
            return false;
        }
        self.with_tokens(a, b, |ta, tb| {
            let (Some((wa, na)), Some((wb, nb))) = (designation(ta), designation(tb)) else {
                return false;
            };
            wa == wb && na != nb
        })
    }

    /// Whether the two name facts, written `a` and `b`, are the only names of
    /// their family in their sources with different first words ("Dana
    /// Okafor" / "Lena Okafor"): one person named two ways, or two people,
    /// and with no other of the family in either report, one slot.
    pub fn only_of_family(&self, x: &Fact, y: &Fact, a: &str, b: &str) -> bool {
        match (
            self.sole_of_family.get(&(x.source, x.start)),
            self.sole_of_family.get(&(y.source, y.start)),
        ) {
            (Some(i), Some(j)) if i == j => {}
            _ => return false,
        }
        self.with_tokens(a, b, |ta, tb| {
            let ([fa, .., la], [fb, .., lb]) = (ta, tb) else {
                return false;
            };
            // (The family names begin alike: most pairs stop at this cheap test.)
            la.as_bytes().first() == lb.as_bytes().first()
                && la.chars().count() >= 3
                && fa.chars().count() >= 2
                && fb.chars().count() >= 2
                && crate::extract::name::token_match(self.lex, la, lb)
                && !crate::extract::name::token_match(self.lex, fa, fb)
                && !self.lex.is_common_word(fa)
                && !self.lex.is_common_word(fb)
                // Two first names the lexicon knows ("Colleen", "Robert") are two
                // people of one family, not one person named two ways.
                && !(self.lex.is_given_name(fa) && self.lex.is_given_name(fb))
        })
    }

    /// Call `f` with the tokens of the spellings `a` and `b`: the table's
    /// for the facts' own spellings, any other normalised now.
    pub(super) fn with_tokens<R>(
        &self,
        a: &str,
        b: &str,
        f: impl FnOnce(&[&str], &[&str]) -> R,
    ) -> R {
        let unknown = |s: &str| (!self.tokens.contains_key(s)).then(|| self.lex.name_tokens(s));
        let (oa, ob) = (unknown(a), unknown(b));
        f(&self.spelled(a, &oa), &self.spelled(b, &ob))
    }

    fn spelled<'s>(&'s self, s: &str, unknown: &'s Option<Vec<String>>) -> Vec<&'s str> {
        match unknown {
            Some(t) => t.iter().map(String::as_str).collect(),
            None => split_tokens(&self.words, self.tokens[s]),
        }
    }
}
