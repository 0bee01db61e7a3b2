//! Reading a number at a token: digits, number words, scale words, vague
//! plurals ("hundreds of millions") and ordinals. Shared by the quantity and
//! duration extractors.

use super::Ctx;
use crate::segment::TokKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    pub value: f64,
    /// The range a vague count covers; equal to `value` otherwise.
    pub low: f64,
    pub high: f64,
    /// Token index just after the number.
    pub end: usize,
    pub ordinal: bool,
    /// Written with a weak word ("a", "an") that only counts before a unit.
    pub weak: bool,
    /// A vague count ("thousands", "hundreds of millions").
    pub vague: bool,
}

pub(super) fn digits(s: &str) -> Option<f64> {
    if s.contains('/') || s.contains(':') {
        return None;
    }
    // A comma groups thousands only in groups of three ("1,900"); otherwise it is punctuation.
    let parts: Vec<&str> = s.split(',').collect();
    if parts.len() > 1
        && !parts[1..].iter().all(|p| {
            p.len() == 3
                || p.starts_with(|c: char| c.is_ascii_digit())
                    && p.split('.').next().is_some_and(|x| x.len() == 3)
        })
    {
        return None;
    }
    s.replace(',', "").parse().ok()
}

/// Read a number starting at absolute token index `i`, not past `limit`.
pub fn read(ctx: &Ctx, i: usize, limit: usize) -> Option<Num> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let t = toks.get(i)?;
    let mut j;
    let mut value;
    let mut ordinal = false;
    let mut weak = false;
    let mut vague: Option<(f64, f64)> = None;
    if t.kind == TokKind::Number {
        value = digits(t.lower.as_str())?;
        j = i + 1;
        if let Some(n) = toks
            .get(j)
            .filter(|n| n.glued && j < limit && n.kind == TokKind::Word)
        {
            match n.lower.as_str() {
                "st" | "nd" | "rd" | "th" => {
                    ordinal = true;
                    j += 1;
                }
                w if lex.def.numbers.scales.contains_key(w) => {
                    value *= lex.def.numbers.scales[w];
                    j += 1;
                }
                _ => {}
            }
        }
    } else if t.kind == TokKind::Word {
        // Only the words `Lexicon::starts_number` names can start a number.
        if !ctx.has(i, super::flag::NUMBER) {
            return None;
        }
        // A number word capitalised after a capitalised word, in running
        // text, is part of a name: "Formula One
        // teams", "Channel Four viewers" (a headline capitalises every word).
        if ctx.is_capitalized(t)
            && i > 0
            && toks[i - 1].kind == TokKind::Word
            && ctx.is_capitalized(&toks[i - 1])
        {
            // (Not where the previous word opens its sentence: "In Three
            // Rivers"; nor in the source's first sentence, a headline.)
            let sentences = &ctx.seg.sentences;
            let si = sentences.partition_point(|s| s.tokens.start <= i);
            if si > 1 && sentences[si - 1].tokens.start < i - 1 {
                return None;
            }
        }
        if let Some(&v) = lex.def.numbers.ordinals.get(t.lower.as_str()) {
            return Some(Num {
                value: v,
                low: v,
                high: v,
                end: i + 1,
                ordinal: true,
                weak: false,
                vague: false,
            });
        }
        if let Some((lo, hi)) = lex
            .def
            .numbers
            .vague
            .get(t.lower.as_str())
            .map(|r| (r[0], r[1]))
        {
            vague = Some((lo, hi));
            value = lo;
            j = i + 1;
            // "hundreds of millions": scale the range by the second vague or scale word.
            if toks.get(j).is_some_and(|n| n.lower == "of") && j + 1 < limit {
                let w = toks[j + 1].lower.as_str();
                let mult = lex
                    .def
                    .numbers
                    .vague
                    .get(w)
                    .map(|r| r[0] / 2.0)
                    .or_else(|| lex.def.numbers.scales.get(w.trim_end_matches('s')).copied());
                if let Some(m) = mult {
                    let base = lex
                        .def
                        .numbers
                        .scales
                        .get(w.trim_end_matches('s'))
                        .copied()
                        .unwrap_or(m);
                    vague = Some((lo * base, hi * base));
                    value = lo * base;
                    j += 2;
                }
            }
        } else if let Some((share, end)) = part_of_one(ctx, i, limit) {
            // "half a mile", "a quarter of an hour", "three quarters of a
            // mile": a part of one unit, which counts only before the unit.
            value = share;
            weak = true;
            j = end;
        } else {
            value = lex.number_word(t.lower.as_str())?;
            weak = lex.def.numbers.weak.contains(t.lower.as_str());
            j = i + 1;
            // "twenty-five", "fifty-two"
            if (20.0..100.0).contains(&value)
                && toks.get(j).is_some_and(|h| h.glued && h.lower == "-")
                && let Some(u) = toks
                    .get(j + 1)
                    .filter(|u| u.glued)
                    .and_then(|u| lex.number_word(u.lower.as_str()))
                    .filter(|u| *u < 10.0)
            {
                value += u;
                j += 2;
                weak = false;
            }
            // "one hundred twenty" is rare in news; "two dozen" and "a dozen" are not.
        }
    } else {
        return None;
    }
    // "two and a half million": half a unit more, before a scale word.
    if vague.is_none()
        && !ordinal
        && j + 3 < limit
        && toks[j].lower == "and"
        && matches!(toks[j + 1].lower.as_str(), "a" | "one")
        && toks[j + 2].lower == "half"
        && lex
            .def
            .numbers
            .scales
            .contains_key(toks[j + 3].lower.as_str())
    {
        value += 0.5;
        j += 3;
    }
    // Scale words: "52 million", "a dozen", "two hundred thousand"
    while j < limit {
        let w = &toks[j].lower;
        // ("Several thousand": a vague count right before a scale word
        // counts in that scale.)
        if let Some((lo, hi)) = vague.filter(|_| j == i + 1)
            && let Some(&m) = lex.def.numbers.scales.get(w.as_str())
        {
            vague = Some((lo * m, hi * m));
            value = lo * m;
            j += 1;
            break;
        }
        if let Some(&m) = lex
            .def
            .numbers
            .scales
            .get(w.as_str())
            .filter(|_| vague.is_none())
        {
            if m < value && value >= 1.0 && !(m == 100.0 && value < 100.0) {
                break;
            }
            value *= m;
            weak = false;
            j += 1;
        } else if w == "dozen" && vague.is_none() {
            value *= 12.0;
            weak = false;
            j += 1;
        } else {
            break;
        }
    }
    let (low, high) = vague.unwrap_or((value, value));
    Some(Num {
        value,
        low,
        high,
        end: j,
        ordinal,
        weak,
        vague: vague.is_some(),
    })
}

/// A part of one thing at token `i`: "half a", "half an", "a quarter of a",
/// "three-quarters of an", "a third of a": the share, and the token after
/// the article.
fn part_of_one(ctx: &Ctx, i: usize, limit: usize) -> Option<(f64, usize)> {
    let toks = &ctx.seg.tokens;
    let w = |k: usize| toks.get(k).filter(|_| k < limit).map(|t| t.lower.as_str());
    let article = |k: usize| matches!(w(k), Some("a" | "an"));
    let fractions = &ctx.lex.def.numbers.fractions;
    if w(i).is_some_and(|h| h.starts_with("half")) {
        return fractions
            .get(w(i)?)
            .filter(|_| article(i + 1))
            .map(|&share| (share, i + 2));
    }
    let n = ctx.lex.number_word(w(i)?)?;
    let at = if w(i + 1) == Some("-") { i + 2 } else { i + 1 };
    let share = *fractions.get(w(at)?)?;
    (w(at + 1) == Some("of") && article(at + 2) && n * share < 1.0).then_some((n * share, at + 3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::source::Source;

    fn num(text: &str) -> Option<Num> {
        let rules = RuleSet::builtin().unwrap();
        let src = Source::from_text("t", text.to_string()).unwrap();
        let seg = crate::segment::segment(&src, &rules.lexicon);
        let ctx = Ctx::new(&src, &seg, &rules, 0);
        read(&ctx, 0, seg.tokens.len())
    }

    #[test]
    fn reads_numbers() {
        assert_eq!(num("52 million boxes").unwrap().value, 52e6);
        assert_eq!(num("1,700 people").unwrap().value, 1700.0);
        assert_eq!(num("4.5bn").unwrap().value, 4.5e9);
        assert_eq!(num("Fifty-three people").unwrap().value, 53.0);
        assert_eq!(num("two dozen fields").unwrap().value, 24.0);
        let h = num("hundreds of millions").unwrap();
        assert_eq!((h.low, h.high), (2e8, 1e9));
        assert!(num("52nd minute").unwrap().ordinal);
        assert!(num("a month").unwrap().weak);
        let half = num("half a mile").unwrap();
        assert_eq!((half.value, half.end, half.weak), (0.5, 2, true));
        assert_eq!(num("three-quarters of an hour").unwrap().value, 0.75);
        assert_eq!(num("half a dozen eggs").unwrap().value, 6.0);
        assert!(num("half of them").is_none());
        assert!(num("3/14").is_none());
    }
}
