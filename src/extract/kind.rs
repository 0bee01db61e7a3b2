//! Fact kinds: each kind of fact (a quantity, a date, a duration, a name, a
//! claim) lives in one file behind [`FactKind`], and [`KINDS`] lists them.
//! The rest of the pipeline asks a fact's kind, never matches on it:
//! reading a sentence, the keys that say what a fact is about, comparing two
//! values under a rule, showing a value, and the key that finds repeats.
//!
//! Adding a kind is one Rust file with one `impl FactKind`, a line in
//! [`KINDS`], a variant of [`Kind`] and of [`Value`], and a rule pack in
//! `rules/` (see docs/architecture.md).

pub use super::name::Names;
use super::{Candidate, Ctx, Fact, Value};
use crate::rules::{Kind, Lexicon, Rule, Verdict};
use crate::segment::Sentence;
use jiff::civil::Date;

/// What the kinds share while one source is read: the tokens already taken
/// by a fact (a date's figures are not also a count), and the last full date
/// ("the next day" counts from it).
pub struct Reading {
    pub claimed: Vec<bool>,
    pub anchor: Option<Date>,
}

/// One kind of fact.
pub trait FactKind: Sync {
    fn kind(&self) -> Kind;

    /// Read this kind's candidates in one sentence (kinds are asked in the
    /// order of [`KINDS`], sentence by sentence).
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

/// Every kind, in reading order: dates take their figures first, then
/// durations their numbers, quantities the rest; names come last, over the
/// words no other fact took.
pub static KINDS: &[&dyn FactKind] = &[
    &super::date::Dates,
    &super::duration::Durations,
    &super::quantity::Quantities,
    &super::claim::Claims,
    &super::name::NameKind,
];

/// The registered kind `k`.
pub fn of(k: Kind) -> &'static dyn FactKind {
    *KINDS
        .iter()
        .find(|x| x.kind() == k)
        .expect("every Kind is registered in KINDS")
}

/// The verdict on two aligned facts: their kind's comparison, or a conflict
/// for facts of different kinds.
pub fn compare(a: &Fact, b: &Fact, rule: &Rule, names: &Names) -> Verdict {
    if a.kind != b.kind {
        return Verdict::Conflict;
    }
    of(a.kind).compare(a, b, rule, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_once() {
        for k in Kind::ALL {
            let n = KINDS.iter().filter(|x| x.kind() == k).count();
            assert_eq!(n, 1, "{} is registered {n} times in KINDS", k.as_str());
        }
        assert_eq!(KINDS.len(), Kind::ALL.len());
    }
}
