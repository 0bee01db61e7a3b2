//! Names: runs of capitalised words (with connectors such as "of the",
//! hyphenated parts and initials), minus leading titles ("Gov.", "Judge") and
//! possessives. Mentions in one source that are the same entity — the same
//! normalised form, a surname alone, a shorter prefix — are merged, so each
//! entity is one fact whose span is its fullest mention.

use super::{Candidate, Ctx, Modality, Value, flag};
use crate::rules::Kind;
use crate::segment::{Sentence, TokKind};
use crate::text::fold;
use rustc_hash::FxHashMap as HashMap;

/// A title-case line without closing punctuation: "Storm Batters Coast Towns".
fn is_headline(ctx: &Ctx, s: &Sentence) -> bool {
    let toks = ctx.seg.sentence_tokens(s);
    if toks
        .last()
        .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?" | "\"" | "\u{201d}"))
    {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for i in s
        .tokens
        .clone()
        .filter(|&i| ctx.seg.tokens[i].kind == TokKind::Word && !ctx.has(i, flag::CONNECTOR))
    {
        words += 1;
        caps += ctx.is_capitalized(&ctx.seg.tokens[i]) as usize;
    }
    words >= 4 && caps * 10 >= words * 7
}

struct Mention {
    sentence: usize,
    toks: std::ops::Range<usize>,
    start: usize,
    end: usize,
    written: String,
    /// The normalised tokens, shared by every mention spelled alike.
    key: std::rc::Rc<[String]>,
}

fn mentions(ctx: &Ctx, claimed: &[bool]) -> Vec<Mention> {
    let toks = &ctx.seg.tokens;
    let lex = ctx.lex;
    let mut out = Vec::new();
    let mut keys: HashMap<&str, std::rc::Rc<[String]>> = HashMap::default();
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        if is_headline(ctx, s) {
            continue;
        }
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !ctx.is_capitalized(&toks[i]) {
                i += 1;
                continue;
            }
            // A letter glued to figures is a code, not a name: "A330", "B52".
            let code = |k: usize| {
                toks[k].end - toks[k].start == 1
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.glued && n.kind == TokKind::Number)
            };
            if code(i) {
                i += 1;
                continue;
            }
            // Grow the run.
            let mut j = i + 1;
            while j < s.tokens.end {
                let t = &toks[j];
                if ctx.is_capitalized(t) && !code(j) {
                    j += 1;
                } else if t.glued
                    && t.lower == "-"
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| n.glued && n.kind == TokKind::Word)
                    && j + 1 < s.tokens.end
                {
                    j += 2;
                } else if t.glued && t.lower == "." && toks[j - 1].end - toks[j - 1].start == 1 {
                    j += 1; // initial: "R."
                } else if t.kind == TokKind::Word && ctx.has(j, flag::CONNECTOR) {
                    // Connectors only inside a name: "Friends of the Earth".
                    let mut k = j;
                    while k < s.tokens.end
                        && toks[k].kind == TokKind::Word
                        && ctx.has(k, flag::CONNECTOR)
                        && !ctx.is_capitalized(&toks[k])
                    {
                        k += 1;
                    }
                    if k < s.tokens.end
                        && k - j <= 2
                        && ctx.is_capitalized(&toks[k])
                        && !ctx.has(k, flag::NOT_NAME)
                    {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // A possessive ends a name: "China's State Administration" is two.
            if let Some(k) = (i..j.saturating_sub(1)).find(|&k| {
                toks[k].kind == TokKind::Word
                    && (toks[k].lower.ends_with("'s") || toks[k].lower.ends_with("\u{2019}s"))
            }) {
                j = k + 1;
            }
            let run = i..j;
            i = j;
            // Split at titles ("FBI Director James Comey" -> "FBI", "James Comey") and drop non-names.
            let mut seg_start = run.start;
            let mut pieces = Vec::new();
            for k in run.clone() {
                if ctx.has(k, flag::TITLE) && !(k > run.start && toks[k].glued) {
                    pieces.push(seg_start..k);
                    seg_start = k + 1;
                }
            }
            pieces.push(seg_start..run.end);
            for mut p in pieces {
                // Leading words that are not names: "The", sentence-initial common words.
                while p.start < p.end {
                    let t = &toks[p.start];
                    // A word opening a sentence (or a quote) that the source
                    // also writes in lower case, or a common English word it
                    // never capitalises mid-sentence, is no part of a name.
                    let opening = p.start == s.tokens.start
                        || matches!(
                            toks[p.start - 1].lower.as_str(),
                            "\"" | "\u{201c}" | "(" | ":"
                        );
                    let common = ctx.has(p.start, flag::NOT_NAME)
                        || ctx.has(p.start, flag::CONNECTOR)
                        || opening
                            && (ctx.has(p.start, super::flag::LOWERCASE_SEEN)
                                || p.start == s.tokens.start
                                    && ctx.has(p.start, super::flag::COMMON)
                                    && !ctx.has(p.start, super::flag::MIDSENTENCE_CAP)
                                    && !lex.is_given_name(t.lower.as_str())
                                    // "Matt Ortega", "Maria Lopez-Garcia": before an uncommon word it is a
                                    // first name; before a connector, a name's first word ("Friends of …").
                                    && (p.start + 1 >= p.end || ctx.has(p.start + 1, super::flag::COMMON) && !ctx.has(p.start + 1, flag::CONNECTOR)))
                        || t.kind != TokKind::Word
                        || lex.def.dates.months.contains_key(t.lower.as_str())
                            && p.end - p.start == 1;
                    if common {
                        p.start += 1;
                    } else {
                        break;
                    }
                }
                // Trailing connectors and punctuation.
                while p.end > p.start
                    && (toks[p.end - 1].kind != TokKind::Word
                        || ctx.has(p.end - 1, flag::CONNECTOR))
                    && toks[p.end - 1].lower != "."
                {
                    p.end -= 1;
                }
                if p.start >= p.end {
                    continue;
                }
                let start = toks[p.start].start;
                let mut end = toks[p.end - 1].end;
                let last = &ctx.src.text[toks[p.end - 1].start..end];
                for poss in ["'s", "\u{2019}s"] {
                    if last.len() > poss.len() && last.ends_with(poss) {
                        end -= poss.len();
                    }
                }
                // A lone capitalised word opening a sentence ("Prosecutors said")
                // is a name only if the source also capitalises it mid-sentence.
                let opens = p.start == s.tokens.start
                    || matches!(toks[p.start - 1].lower.as_str(), "\"" | "\u{201c}" | "(");
                if p.end - p.start == 1
                    && opens
                    && (!ctx.has(p.start, super::flag::MIDSENTENCE_CAP)
                        || lex.number_word(toks[p.start].lower.as_str()).is_some())
                {
                    continue;
                }
                let written = ctx.src.text[start..end].to_string();
                // Names recur: normalise each distinct spelling once.
                let key = keys
                    .entry(&ctx.src.text[start..end])
                    .or_insert_with(|| lex.name_tokens(&written).into())
                    .clone();
                if key.is_empty()
                    || key
                        .iter()
                        .all(|k| k.chars().count() < 2 || lex.not_names.contains(k))
                {
                    continue;
                }
                if claimed[p.clone()].iter().all(|&c| c) {
                    continue;
                }
                // A lone abbreviation ("Mo.", "Cpl.") or a code glued to digits
                // (a call sign, "WXYZ7") is not a name.
                if p.end - p.start == 1 {
                    let t = &toks[p.start];
                    let next = toks.get(p.end).filter(|n| n.glued && p.end < s.tokens.end);
                    let abbreviation = next.is_some_and(|n| n.lower == ".")
                        && (2..=4).contains(&t.lower.len())
                        && !t.lower.contains('.');
                    let code = next.is_some_and(|n| n.kind == TokKind::Number);
                    if abbreviation || code {
                        continue;
                    }
                }
                out.push(Mention {
                    sentence: si,
                    toks: p.clone(),
                    start,
                    end,
                    written,
                    key,
                });
            }
        }
    }
    out
}

/// Acronyms a source introduces in parentheses right after a name whose
/// capitalised words they abbreviate: acronym key → the name's key.
fn acronyms(
    ctx: &Ctx,
    ms: &[Mention],
) -> std::collections::BTreeMap<String, (Vec<String>, String)> {
    let toks = &ctx.seg.tokens;
    let mut out = std::collections::BTreeMap::new();
    for m in ms {
        let e = m.toks.end;
        let (Some(open), Some(acr), Some(close)) = (toks.get(e), toks.get(e + 1), toks.get(e + 2))
        else {
            continue;
        };
        let text = ctx.text(acr);
        if open.lower != "("
            || close.lower != ")"
            || text.len() < 2
            || !text.chars().all(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        let initials: String = toks[m.toks.clone()]
            .iter()
            .filter(|t| ctx.is_capitalized(t) && !ctx.lex.connectors.contains(t.lower.as_str()))
            .filter_map(|t| ctx.text(t).chars().next())
            .collect();
        if initials == text {
            out.insert(fold(text), (m.key.to_vec(), text.to_string()));
        }
    }
    out
}

/// Extract one name fact per entity.
///
/// Words another fact already reads (`claimed`: "EDT" in "11:08 a.m. EDT",
/// "Central" in "9:15 a.m. Central time") are not names on their own.
pub fn extract(ctx: &Ctx, claimed: &[bool], out: &mut Vec<Candidate>) {
    let ms = mentions(ctx, claimed);
    let acronyms = acronyms(ctx, &ms);
    // Entities: the fullest name first, shorter mentions merge into it when
    // they are equal, its surname alone, a prefix of it, or the acronym the
    // source introduced for it ("Federal Bureau of Investigation (FBI)").
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| {
        ms[b]
            .key
            .len()
            .cmp(&ms[a].key.len())
            .then(ms[a].start.cmp(&ms[b].start))
    });
    // Indexes from a key to the first entity it belongs to: its exact key, the
    // proper prefixes of its key, its surname. Longest names come first, so a
    // shorter mention always finds the fullest name it abbreviates.
    let mut entities: Vec<(usize, Vec<usize>)> = Vec::new(); // (representative, members)
    let mut exact: HashMap<&[String], usize> = HashMap::default();
    let mut prefix: HashMap<&[String], usize> = HashMap::default();
    let mut surname: HashMap<&str, usize> = HashMap::default();
    for &m in &order {
        let key = &ms[m].key[..];
        let acronym_of = (key.len() == 1)
            .then(|| acronyms.get(&key[0]))
            .flatten()
            .and_then(|(full, _)| exact.get(full.as_slice()));
        let home = exact
            .get(key)
            .or(acronym_of)
            .or_else(|| prefix.get(key))
            .or_else(|| {
                (key.len() == 1)
                    .then(|| surname.get(key[0].as_str()))
                    .flatten()
            })
            .copied();
        match home {
            Some(e) => entities[e].1.push(m),
            None => {
                let e = entities.len();
                entities.push((m, vec![m]));
                exact.entry(key).or_insert(e);
                for k in 1..key.len() {
                    prefix.entry(&key[..k]).or_insert(e);
                }
                if key.len() >= 2 {
                    surname.entry(key[key.len() - 1].as_str()).or_insert(e);
                }
            }
        }
    }
    let mut acronyms_of: HashMap<&[String], Vec<&String>> = HashMap::default();
    for (full, text) in acronyms.values() {
        acronyms_of.entry(full.as_slice()).or_default().push(text);
    }
    for (rep, mut members) in entities {
        members.sort_by_key(|&m| ms[m].start);
        // The fact points at the first mention of the fullest form; the other
        // distinct spellings are kept as forms.
        let r = &ms[rep];
        let first_full = members
            .iter()
            .map(|&m| &ms[m])
            .find(|m| m.key == r.key)
            .unwrap_or(r);
        let mut seen = vec![first_full.written.clone()];
        let mut seen_set: rustc_hash::FxHashSet<&str> =
            std::iter::once(first_full.written.as_str()).collect();
        for &m in &members {
            let mm = &ms[m];
            let acronym = mm.key.len() == 1 && acronyms.contains_key(&mm.key[0]);
            if (mm.key.len() >= 2 || acronym) && seen_set.insert(mm.written.as_str()) {
                seen.push(mm.written.clone());
            }
        }
        // An acronym the source introduced for this name is one of its forms,
        // even where the acronym only stands in the parentheses.
        for text in acronyms_of.get(&r.key[..]).into_iter().flatten() {
            if seen_set.insert(text.as_str()) {
                seen.push((*text).clone());
            }
        }
        out.push(Candidate {
            kind: Kind::Name,
            sentence: first_full.sentence,
            toks: first_full.toks.clone(),
            value: Value::Name {
                written: first_full.written.clone(),
                normalized: r.key.join(" "),
                forms: seen[1..].to_vec(),
            },
            head: None,
            events: vec![],
            hedge: None,
            modality: Modality::Asserted,
            relative: false,
            label: None,
            bytes: Some((first_full.start, first_full.end)),
        });
    }
}
