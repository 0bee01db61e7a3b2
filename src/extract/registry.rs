//! The registry: every fact kind in one list, and the questions the rest
//! of the pipeline asks a fact's kind (reading order, comparison, display).

use super::kind::{FactKind, Names};
use super::{Fact, Value};
use crate::rules::{Kind, Rule, Verdict};

/// Every kind, in reading order: dates take their figures first, then
/// durations their numbers, quantities the rest; names come last, over the
/// words no other fact took.
pub static KINDS: &[&dyn FactKind] = &[
    &super::date::Dates,
    &super::duration::Durations,
    &super::age::Ages,
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

/// The normalised value for people to read.
pub fn display_value(v: &Value) -> String {
    of(v.kind()).display(v)
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
