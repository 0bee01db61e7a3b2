//! Claims: an action with its polarity and modality. A claim is read where a
//! claim rule's predicate word stands ("charged", "acquitted", "died"), and,
//! for the fallback rule, wherever a verb is negated ("did not disclose").
//! Negation is looked for in the clause before the predicate; a rule's
//! antonyms ("acquit" for "convict") flip it. Modal cues ("could",
//! "expected to") make the claim a prediction, which never conflicts.

use super::kind::{Names, Reading};
use super::{Candidate, Ctx, Fact, Modality, Value, flag};
use crate::rules::{Kind, Rule, Verdict};
use crate::segment::{Sentence, TokKind};

fn clause_break(lower: &str) -> bool {
    matches!(
        lower,
        "," | ";" | ":" | "—" | "–" | "but" | "." | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}"
    )
}

/// Look back from token `i` within its clause for a cue in `set`; the first
/// hit's index. Another predicate in between ends the scope: in "did not
/// sign on every page" the negation belongs to "sign".
fn cue_before(ctx: &Ctx, s: &Sentence, i: usize, window: usize, cue: u32) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let mut k = i;
    let mut n = 0;
    while k > s.tokens.start && n < window {
        k -= 1;
        n += 1;
        let l = toks[k].lower.as_str();
        if clause_break(l) || ctx.has(k, flag::PREDICATE) {
            return None;
        }
        if ctx.has(k, cue) {
            return Some(k);
        }
    }
    None
}

/// The one predicate of the verbs of telling (`[lexicon.claims] telling`).
pub(crate) const TELLING: &str = "tell";

/// The one predicate of the words that say a thing is known
/// (`[lexicon.claims] knowing`).
pub(super) const KNOWING: &str = "known";

/// The predicate of a thing said to have stopped being so ("is no longer
/// treated as a suspect", "no longer works there"): what "remains" so in
/// another report ("remains a suspect") is what has not stopped.
pub(crate) const CONTINUING: &str = "remain";

/// Whether token `i` opens "no longer" with something after it in its sentence.
pub(super) fn no_longer_at(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    i + 2 < s.tokens.end && toks[i].lower == "no" && toks[i + 1].lower == "longer"
}

/// The claim of "no longer" at token `i` (`negated`), or of "still": that
/// what follows does not (or does) remain so. It acts on the content words
/// after it, from `from`, in its clause ("no longer treated as a suspect" →
/// treat, suspect), or, with none, on its subject
/// ("the road is no longer").
fn continuing(
    ctx: &Ctx,
    (si, s): (usize, &Sentence),
    i: usize,
    from: usize,
    negated: bool,
) -> Candidate {
    let toks = &ctx.seg.tokens;
    let after = from..s.tokens.end.min(from + 8);
    let mut events = clause_words(ctx, after.clone(), 0);
    if events.is_empty() {
        events = subject(ctx, s, i);
    }
    // (Shown to its first content word: "no longer treated".)
    let end = after
        .take_while(|&k| !ctx.has(k, flag::CLAUSE_BREAK))
        .find(|&k| ctx.has(k, flag::CONTENT) && toks[k].kind == TokKind::Word)
        .map_or(from, |k| k + 1);
    // (Built as a noun's claim is, its predicate the continuing.)
    let mut c = noun_claim(ctx, (si, s), i..end, i, negated, events);
    if let Value::Claim { predicate, .. } = &mut c.value {
        *predicate = CONTINUING.to_string();
    }
    c.head = Some(ctx.lex.lemma(CONTINUING));
    c.label = Some(CONTINUING.to_string());
    c
}

/// Whether token `i` is a "still" that says a thing remains so ("was still
/// leaking fuel"), where some source says a thing no longer is: not the
/// sentence's adverb ("Still, the plant …"), nor one with nothing after it.
fn still_at(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    toks[i].lower == "still"
        && ctx.has(i, flag::NEGATED_VERB)
        && i + 1 < s.tokens.end
        && !ctx.has(i + 1, flag::CLAUSE_BREAK)
        && toks[i + 1].kind == TokKind::Word
}

/// What a claim that something is not known at token `i` says is not known:
/// the content words of the rest of its sentence, past commas ("unclear how
/// much the barriers slowed the river, or if they held it"), up to
/// [`MAX_UNKNOWN_MATTER`].
fn unknown_matter(ctx: &Ctx, s: &Sentence, i: usize) -> Vec<crate::extract::Word> {
    let toks = &ctx.seg.tokens;
    let mut out: Vec<crate::extract::Word> = Vec::new();
    for k in (i + 1..s.tokens.end).filter(|&k| toks[k].kind == TokKind::Word) {
        if ctx.has(k, flag::CONTENT) && !out.contains(ctx.lemma(k)) {
            out.push(ctx.lemma(k).clone());
            if out.len() == MAX_UNKNOWN_MATTER {
                break;
            }
        }
    }
    out
}

/// Whether a question or a clause follows token `i` ("known whether",
/// "unclear how much", "clear that"): what a word of knowing says is (not)
/// known. ("Known for its pumps" and "not certain of the count" say no
/// such thing.)
fn asks_after(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    (i + 1 < s.tokens.end)
        && matches!(
            ctx.seg.tokens[i + 1].lower.as_str(),
            "whether" | "if" | "how" | "what" | "who" | "why" | "when" | "where" | "which" | "that"
        )
}

/// Where the clause of a claim that something is not known ends, past
/// its word at `i`: what is not known, told to the first clause break.
fn matter_end(ctx: &Ctx, s: &Sentence, i: usize) -> usize {
    let toks = &ctx.seg.tokens;
    (i + 1..s.tokens.end)
        .find(|&k| clause_break(toks[k].lower.as_str()))
        .unwrap_or(s.tokens.end)
        .max(i + 1)
}

/// How many words [`unknown_matter`] keeps.
pub(super) const MAX_UNKNOWN_MATTER: usize = 8;

/// The word of denial in "-ly" whose "that" opens the clause of token `i`,
/// however long its subject: "unlikely that the water in the tanks had
/// been used" denies the use (the clause's first verb-like word after "that"
/// past its subject is `i` itself, so nothing between is a predicate).
fn denied_clause(ctx: &Ctx, s: &Sentence, i: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let from = s.tokens.start.max(i.saturating_sub(MAX_DENIED_CLAUSE));
    let mut k = i;
    while k > from + 1 {
        k -= 1;
        if clause_break(toks[k].lower.as_str()) || ctx.has(k, flag::PREDICATE) {
            return None;
        }
        if toks[k].lower == "that" {
            let cue = k - 1;
            return (ctx.has(cue, flag::NEGATION) && toks[cue].lower.ends_with("ly"))
                .then_some(cue);
        }
    }
    None
}

/// How far back from a verb [`denied_clause`] looks for its "that", in tokens.
const MAX_DENIED_CLAUSE: usize = 12;

/// Whether token `i` is a verb with no claim rule of its own that a negation
/// governs ("did not formally disclose"): the fallback claims.
pub fn negated_verb_at(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    let t = &ctx.seg.tokens[i];
    t.kind == TokKind::Word
        && ctx.rules.claim_fallback
        && !ctx.has(i, flag::PREDICATE)
        && !ctx.has(i, flag::STOP)
        && !ctx.has(i, flag::NEGATION)
        && !t.lower.ends_with("ly")
        // A word that may stand between a negation and its verb ("not
        // yet", "not even") is no verb itself.
        && !ctx.lex.def.claims.between.contains(t.lower.as_str())
        && !intends_to(ctx, i)
        && (negation_before(ctx, s, i)
            || no_subject(ctx, s, i).is_some()
            || denied_object(ctx, s, i)
            || after_auxiliary(ctx, i) && denied_clause(ctx, s, i).is_some())
}

/// Whether the past form at `i` acts on a thing "no" denies: "paid no
/// ransom", "found no damage", "released no name" deny the paying, the
/// finding, the releasing. (Not "no longer", "no one": `not_denied`.)
fn denied_object(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    i + 2 < s.tokens.end
        && toks[i + 1].lower == "no"
        && toks[i].kind == TokKind::Word
        && ctx.lex.is_past_form(&toks[i].lower)
        && !ctx.lex.def.claims.having.contains(toks[i].lower.as_str())
        && !ctx
            .lex
            .def
            .claims
            .not_denied
            .contains(toks[i + 2].lower.as_str())
}

/// Whether token `i` follows an auxiliary ("had been used", "will close"):
/// a verb, where a clause's first words may be its subject's.
fn after_auxiliary(ctx: &Ctx, i: usize) -> bool {
    i > 0
        && matches!(
            ctx.seg.tokens[i - 1].lower.as_str(),
            "be" | "been"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
                | "could"
                | "did"
                | "do"
                | "does"
        )
}

/// A negation right before token `i`, past adverbs and auxiliaries ("has
/// not yet been", "did not formally").
fn negation_before(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let mut k = i;
    while k > s.tokens.start {
        k -= 1;
        let l = toks[k].lower.as_str();
        if ctx.has(k, flag::NEGATION) && l != "no" && l != "without" {
            // A verb of denial ("failed", "declined", "denied") negates the
            // verb it governs, "to" and an infinitive or a form in "-ing"
            // ("declined to name", "denied sharing"), not any word after
            // it: "the dam failed late on Monday" denies nothing. So does
            // a word of denial in "-ly" ("unlikely to reopen"), and not the
            // noun after it ("an unlikely ally").
            let verb = ctx.lex.is_past_form(l) || l.ends_with('s') || l.ends_with("ly");
            return !verb
                || toks.get(k + 1).is_some_and(|t| t.lower == "to")
                || toks[i].lower.ends_with("ing") && !l.ends_with("ly");
        }
        // A past form joined by "or" to a negated verb is denied with it:
        // "was not tainted or used", "did not lock or alarm" (not "and":
        // "did not stop and search" may deny the pair, not each).
        if matches!(l, "or" | "nor")
            && k == i - 1
            && k > s.tokens.start
            && ctx.lex.is_past_form(&toks[i].lower)
            && toks[k - 1].kind == TokKind::Word
            && !ctx.has(k - 1, flag::STOP)
        {
            return negation_before(ctx, s, k - 1);
        }
        if !(l.ends_with("ly") || ctx.lex.def.claims.between.contains(l) || intends_to(ctx, k)) {
            return false;
        }
    }
    false
}

/// A verb of intention with "to" after it at token `k` ("plan to",
/// "intends to"): it stands between a negation and the verb it governs, as
/// "would" does ("does not plan to close" denies the closing).
fn intends_to(ctx: &Ctx, k: usize) -> bool {
    let toks = &ctx.seg.tokens;
    ctx.lex.def.claims.intent.contains(toks[k].lower.as_str())
        && toks.get(k + 1).is_some_and(|t| t.lower == "to")
}

/// The verb of intention governing the verb at `i` ("plan to close"), as a
/// claim's hedge.
fn intent_before(ctx: &Ctx, s: &Sentence, i: usize) -> Option<usize> {
    (i >= s.tokens.start + 2 && ctx.seg.tokens[i - 1].lower == "to" && intends_to(ctx, i - 2))
        .then(|| i - 2)
}

pub fn extract(ctx: &Ctx, si: usize, s: &Sentence, out: &mut Vec<Candidate>) {
    let toks = &ctx.seg.tokens;
    for i in s.tokens.clone() {
        let t = &toks[i];
        if t.kind != TokKind::Word {
            continue;
        }
        // "Is no longer a suspect": what has stopped being so.
        if ctx.rules.claim_fallback && no_longer_at(ctx, s, i) {
            out.push(continuing(ctx, (si, s), i, i + 2, true));
            continue;
        }
        // "Is still a suspect": what has not stopped being so.
        if ctx.rules.claim_fallback && still_at(ctx, s, i) {
            out.push(continuing(ctx, (si, s), i, i + 1, false));
            continue;
        }
        // "No major side effects", "has no fence": a thing said not to exist.
        if t.lower == "no" && ctx.rules.claim_fallback {
            if let Some(c) = negated_noun(ctx, si, s, i) {
                out.push(c);
            }
            continue;
        }
        if ctx.rules.claim_fallback
            && ctx.has(i, flag::RULING_OUT)
            && let Some(c) = denied_at(ctx, si, s, i)
        {
            out.push(c);
            continue;
        }
        // "Unclear", "unknown": what follows is not known.
        if ctx.rules.claim_fallback
            && let Some(base) = t.lower.strip_prefix("un")
            && ctx.lex.def.claims.knowing.contains(base)
            && asks_after(ctx, s, i)
        {
            // (Told as a noun's claim is: the word is its predicate.)
            let mut c = noun_claim(ctx, (si, s), i..i + 1, i, true, unknown_matter(ctx, s, i));
            c.toks = i..matter_end(ctx, s, i);
            c.head = Some(KNOWING.to_string());
            out.push(c);
            continue;
        }
        let lemma: &str = ctx.lemma(i);
        let known = if ctx.has(i, flag::PREDICATE) {
            ctx.rules.claim_predicates.get(lemma)
        } else {
            None
        };
        let antonym = known.is_some_and(|(_, a)| *a);
        let predicate = known.is_some();
        // Fallback: the verb right after a negation ("did not formally disclose").
        let mut generic = false;
        if !predicate {
            // Or a positive use of a verb some source negates (see `negated_verbs`).
            // A verb of telling that is a function word ("say", "told")
            // is a claim only denied: "refused to say the name" withholds
            // the name, while every "said" is no claim of its own.
            let telling_denied = ctx.rules.claim_fallback
                && ctx.has(i, flag::STOP | flag::TELLING)
                && negation_before(ctx, s, i);
            let candidate = ctx.rules.claim_fallback
                && (!ctx.has(i, flag::STOP) || telling_denied)
                && !ctx.has(i, flag::NEGATION)
                && !t.lower.ends_with("ly")
                && !ctx.lex.def.claims.between.contains(t.lower.as_str())
                && !intends_to(ctx, i);
            if candidate && ctx.has(i, flag::DENIED_NOUN) && !ctx.has(i, flag::NEGATED_VERB) {
                // A noun some source says there is none of, said here to be
                // there ("has gates", "found evidence"): the claim it exists.
                if let Some(c) = present_noun(ctx, si, s, i) {
                    out.push(c);
                }
                continue;
            }
            if !candidate
                || !ctx.has(i, flag::NEGATED_VERB) && !telling_denied && !negated_verb_at(ctx, s, i)
            {
                continue;
            }
            generic = true;
        }
        let near_cue = cue_before(ctx, s, i, 6, flag::NEGATION)
            .or_else(|| denied_object(ctx, s, i).then_some(i + 1));
        let denied = denied_clause(ctx, s, i);
        let cue = near_cue.or(denied);
        let clause_cue = denied.filter(|&d| cue == Some(d));
        // ("No" is a negation too: the subject it opens is the same one.)
        let no_subj = no_subject(ctx, s, i).filter(|&k| cue.is_none_or(|c| c == k));
        let neg = cue.or(no_subj);
        let negated = neg.is_some() != antonym;
        let hedge = cue_before(ctx, s, i, 6, flag::HEDGED).or_else(|| intent_before(ctx, s, i));
        let modality = if hedge.is_some() {
            Modality::Hedged
        } else {
            Modality::Asserted
        };
        let start = neg.unwrap_or(i).min(i);
        let knowing = generic
            && ctx.lex.def.claims.knowing.contains(t.lower.as_str())
            && asks_after(ctx, s, i);
        // (What is not known is the claim: "not known if the pumps
        // work", shown whole to its clause's end.)
        let span = start..if knowing {
            matter_end(ctx, s, i)
        } else if neg == Some(i + 1) {
            // ("paid no": the denial is the word after.)
            i + 2
        } else {
            i + 1
        };
        // A claim's rule is chosen by its predicate alone; its event words are
        // what the verb acts on ("released the name"), up to the clause's end.
        let mut events = object(ctx, s, i);
        if knowing {
            events = unknown_matter(ctx, s, i);
        }
        // A verb made passive acts on the words between its negation and it
        // ("no ransom had been paid" → ransom); one that acts on nothing
        // ("demand has not slowed") is said of its subject.
        if events.is_empty() && !knowing {
            // (Not the verb of intention that governs it: "does not plan
            // to close" acts on nothing named.)
            let end = intent_before(ctx, s, i).filter(|&k| k > start).unwrap_or(i);
            events = clause_words(ctx, start + 1..end, 0);
        }
        if events.is_empty() {
            events = subject(ctx, s, start);
        } else if generic && let Some(aux) = passive_from(ctx, s, start) {
            // A passive verb ("the bridge was not damaged", "was damaged in
            // the storm") is said of its subject first, then of what follows.
            // (A topic rule's claims say what they are about already.)
            events = said_of_first(subject(ctx, s, aux), events);
        }
        // A passive verb whose subject "no" opens ("no patients had been
        // turned away") is said of that subject first, as any passive is.
        if let Some(no) = no_subj {
            events = said_of_first(clause_words(ctx, no + 1..i, 0), events);
        }
        // So is a verb whose clause a word of denial opens ("unlikely that
        // the water had been used"): said of the clause's subject first.
        if let Some(cue) = clause_cue {
            events = said_of_first(clause_words(ctx, cue + 2..i, 0), events);
        }
        let telling = generic && ctx.has(i, flag::TELLING);
        out.push(Candidate {
            kind: Kind::Claim,
            sentence: si,
            toks: span,
            value: Value::Claim {
                predicate: t.lower.to_string(),
                negated,
                modality,
            },
            // Verbs of telling are one predicate: what is withheld is what
            // they act on ("did not release the name" / "would not say the
            // name").
            head: Some(match known {
                Some((head, _)) if !generic => head.clone(),
                _ if knowing => KNOWING.to_string(),
                _ if telling => TELLING.to_string(),
                _ => lemma.to_string(),
            }),
            events,
            hedge: hedge.map(|h| toks[h].lower.to_string()),
            modality,
            relative: false,
            label: Some(t.lower.to_string()),
            bytes: None,
            clock: None,
        });
    }
}

/// A claim's event words said of its subject first: `subject`, then the
/// words it acts on that the subject does not hold.
fn said_of_first(
    mut subject: Vec<crate::extract::Word>,
    events: Vec<crate::extract::Word>,
) -> Vec<crate::extract::Word> {
    for e in events {
        if !subject.contains(&e) {
            subject.push(e);
        }
    }
    subject
}

/// "was", "were", "is", "are": the forms of "be" that make a verb after
/// them passive (or a noun after them what its subject is).
pub(super) fn finite_be(l: &str) -> bool {
    matches!(l, "was" | "were" | "is" | "are")
}

/// Where the auxiliaries of a passive verb begin, going back from `start`
/// (its negation or the verb) past "not", adverbs and the words that may
/// stand between: "was not", "had never been", "were". `None` when no form
/// of "be" is among them.
fn passive_from(ctx: &Ctx, s: &Sentence, start: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let mut k = start;
    let mut be = false;
    while k > s.tokens.start {
        let l = toks[k - 1].lower.as_str();
        let is_be = finite_be(l) || matches!(l, "be" | "been" | "being");
        let passes = is_be
            || matches!(l, "not" | "n't" | "never" | "has" | "have" | "had")
            || ctx.lex.def.claims.between.contains(l)
            || l.len() > 4 && l.ends_with("ly");
        if !passes {
            break;
        }
        be |= is_be;
        k -= 1;
    }
    be.then_some(k)
}

/// "No" opening the subject of a passive verb at `i`, however long the
/// subject ("no bank records or home addresses were exposed"):
/// what it denies is that anything was. The index of "no".
fn no_subject(ctx: &Ctx, s: &Sentence, i: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    if i == s.tokens.start {
        return None;
    }
    // (The cheap test first: most words follow no "was".)
    let mut be = i - 1;
    // (A participle, or a verb the lexicon gives a lemma: "was hurt",
    // whose participle is its base.)
    let participle = |w: &str| ctx.lex.is_past_form(w) || ctx.lex.def.words.lemmas.contains_key(w);
    if !participle(&toks[i].lower) {
        return None;
    }
    // "Been" after a form of "have" is finite with it: "no patients had
    // been turned away", "no arrests have been made".
    if toks[be].lower == "been"
        && be > s.tokens.start
        && matches!(toks[be - 1].lower.as_str(), "has" | "have" | "had")
    {
        be -= 1;
    } else if !finite_be(&toks[be].lower) {
        return None;
    }
    // Back through the noun phrase: words, "and"/"or", hyphens; no verb
    // ("no one was hurt and the roof was damaged": "was" ends the phrase),
    // no modal, no word opening a clause ("that", "which").
    (s.tokens.start.max(be.saturating_sub(12))..be)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            (!ctx.has(k, flag::CLAUSE_BREAK) || matches!(t.lower.as_str(), "and" | "or"))
                && (t.kind == TokKind::Word || t.lower == "-")
                && !ctx.lex.is_past_form(&t.lower)
                && !finite_be(&t.lower)
                && !ctx.has(k, flag::HEDGED)
                && !matches!(t.lower.as_str(), "that" | "which" | "who" | "whom")
        })
        .find(|&k| toks[k].lower == "no")
}

/// The content words a verb at `i` acts on: up to three lemmas after it in its
/// clause, skipping function words ("did not give the driver's age" →
/// driver, age).
fn object(ctx: &Ctx, s: &Sentence, i: usize) -> Vec<crate::extract::Word> {
    let toks = &ctx.seg.tokens;
    // A verb done to each other acts on its subject's members: "did not
    // know each other" and "knew one another" act on the same thing,
    // whatever words each report names the two by.
    let at = |k: usize| (k < s.tokens.end).then(|| toks[k].lower.as_str());
    let mut k = i + 1;
    if matches!(at(k), Some("to" | "with" | "about")) {
        k += 1;
    }
    if matches!(
        (at(k), at(k + 1)),
        (Some("each"), Some("other")) | (Some("one"), Some("another"))
    ) {
        return vec![crate::extract::Word::from("each other")];
    }
    clause_words(ctx, i + 1..s.tokens.end.min(i + 8), 0)
}

/// The content words before a claim that starts at `start`, nearest first,
/// in its clause: the subject of a verb that acts on nothing ("demand has
/// not slowed" → demand). An attribution ("said") ends the subject.
fn subject(ctx: &Ctx, s: &Sentence, start: usize) -> Vec<crate::extract::Word> {
    let toks = &ctx.seg.tokens;
    // A relative pronoun opening the clause stands for the noun before it:
    // "the manager, who has not been named" is said of the manager.
    let mut end = start;
    let mut k = start;
    while k > s.tokens.start && ctx.has(k - 1, flag::STOP) && !ctx.has(k - 1, flag::CLAUSE_BREAK) {
        k -= 1;
        if matches!(toks[k].lower.as_str(), "who" | "which" | "that") {
            end = k;
            if end > s.tokens.start && toks[end - 1].lower == "," {
                end -= 1;
            }
            break;
        }
    }
    clause_words(
        ctx,
        (s.tokens.start.max(end.saturating_sub(8))..end).rev(),
        flag::ATTRIBUTION,
    )
}

/// Up to three content-word lemmas of `tokens`, in their order, up to a
/// clause break or a word with the flag `stop`.
fn clause_words(
    ctx: &Ctx,
    tokens: impl Iterator<Item = usize>,
    stop: u32,
) -> Vec<crate::extract::Word> {
    let mut out = Vec::new();
    for k in tokens {
        if ctx.has(k, flag::CLAUSE_BREAK) || stop != 0 && ctx.has(k, stop) {
            break;
        }
        // (When is no what: "conceded late Tuesday night" acts on nothing.)
        let toks = &ctx.seg.tokens;
        let when = ctx.has(k, flag::DATE)
            || ctx.lex.def.dates.day_parts.contains(toks[k].lower.as_str())
            || in_relative_period(toks, k);
        if ctx.has(k, flag::CONTENT) && toks[k].kind == TokKind::Word && !when {
            out.push(ctx.lemma(k).clone());
            if out.len() == 3 {
                break;
            }
        }
    }
    out
}

/// Whether token `k` is a word of "next week", "last month", "this year".
fn in_relative_period(toks: &[crate::text::Token], k: usize) -> bool {
    let is = |j: Option<usize>, words: &[&str]| {
        j.and_then(|j| toks.get(j))
            .is_some_and(|t| words.contains(&t.lower.as_str()))
    };
    const PERIODS: &[&str] = &["week", "month", "year"];
    const RELATIVE: &[&str] = &["next", "last", "this"];
    is(Some(k), PERIODS) && is(k.checked_sub(1), RELATIVE)
        || is(Some(k), RELATIVE) && is(Some(k + 1), PERIODS)
}

/// A noun phrase after "no" ("no major side effects", "no smoke
/// alarms", "no evidence the fire was set"): a claim that the thing its last
/// noun names does not exist or did not happen. Its predicate is that noun;
/// its event words are the phrase's words, so two such claims meet on what
/// they deny. Not "no longer", "no one", "no more" (adverbs and pronouns).
pub(super) fn negated_noun(ctx: &Ctx, si: usize, s: &Sentence, i: usize) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    let mut words = Vec::new();
    // Where a conjunction joins two phrases, the length of the first.
    let mut first = None;
    let mut k = i + 1;
    while k < s.tokens.end.min(i + 6) {
        let joined = first.is_none()
            && !words.is_empty()
            && matches!(toks[k].lower.as_str(), "or" | "and")
            && k + 1 < s.tokens.end
            && noun_word(ctx, k + 1);
        if joined {
            first = Some(words.len());
        } else if noun_word(ctx, k) {
            words.push(k);
        } else {
            break;
        }
        k += 1;
    }
    // "no alarms or exit signs", "no injuries or deaths": each phrase
    // names a thing of its own, and the first is the claim's. A single
    // word with no plural before the conjunction shares the last phrase's
    // noun: "no electrical or brake fault" denies a fault.
    if let Some(n) = first {
        let w = &toks[words[n - 1]].lower;
        if n > 1 || w.ends_with('s') {
            words.truncate(n);
        }
    }
    denied_phrase(ctx, (si, s), i, words)
}

/// A word that may stand in the noun phrase a denial names.
fn noun_word(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.seg.tokens[k];
    let verbish = t.lower.ends_with("ed") || t.lower.ends_with("ly");
    t.kind == TokKind::Word
        && !ctx.has(k, flag::STOP)
        && !ctx.has(k, flag::CLAUSE_BREAK)
        && !verbish
        && !ctx.has(k, flag::NEGATION)
}

/// A thing said not to be the case: "no …" ([`negated_noun`]), or a noun
/// phrase ruled out, after the phrase ("investigators ruled out a power cut")
/// or before it in the passive ("a power cut was ruled out"); the phrases are
/// `[lexicon.claims] ruling_out`.
pub(super) fn denied_at(ctx: &Ctx, si: usize, s: &Sentence, i: usize) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    if toks[i].lower == "no" {
        return negated_noun(ctx, si, s, i);
    }
    if i + 1 >= s.tokens.end
        || !ctx.has(i, flag::RULING_OUT)
        || !ctx.lex.def.claims.ruling_out.iter().any(|p| {
            p.split_once(' ')
                .is_some_and(|(a, b)| a == toks[i].lower && b == toks[i + 1].lower)
        })
    {
        return None;
    }
    // Active: the phrase after "out" ("ruled out a power cut"), past its article.
    let mut out = i + 1;
    while out + 1 < s.tokens.end
        && matches!(toks[out + 1].lower.as_str(), "a" | "an" | "the" | "any")
    {
        out += 1;
    }
    // Not ruled out ("have not ruled out sabotage", "sabotage has not
    // been ruled out"): the thing is still said to be possible, the
    // opposite of ruling it out.
    let kept_open = |c: &mut Candidate| {
        if let Value::Claim { negated, .. } = &mut c.value {
            *negated = false;
        }
    };
    if let Some(mut c) = negated_noun(ctx, si, s, out) {
        c.toks.start = i;
        if let Some(n) = cue_before(ctx, s, i, 4, flag::NEGATION) {
            c.toks.start = n;
            kept_open(&mut c);
        }
        return Some(c);
    }
    // Passive: the phrase before its auxiliaries ("a gas leak has been ruled out").
    let mut k = i;
    let mut not = false;
    let auxiliary = |l: &str| {
        ctx.lex.def.claims.between.contains(l) || finite_be(l) || matches!(l, "has" | "had")
    };
    while k > s.tokens.start
        && (auxiliary(toks[k - 1].lower.as_str())
            || matches!(toks[k - 1].lower.as_str(), "not" | "n't" | "never"))
    {
        not |= matches!(toks[k - 1].lower.as_str(), "not" | "n't" | "never");
        k -= 1;
    }
    if k == i {
        return None;
    }
    let mut words = Vec::new();
    while k > s.tokens.start && words.len() < 4 && noun_word(ctx, k - 1) {
        k -= 1;
        words.insert(0, k);
    }
    let mut c = denied_phrase(ctx, (si, s), k, words)?;
    c.toks.end = i + 2;
    if not {
        kept_open(&mut c);
    }
    Some(c)
}

/// The claim that the thing the last of `words` names is not there (see
/// [`negated_noun`]); the claim's span starts at `from`.
fn denied_phrase(
    ctx: &Ctx,
    (si, s): (usize, &Sentence),
    i: usize,
    words: Vec<usize>,
) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    let &head = words.last()?;
    if ctx
        .lex
        .def
        .claims
        .not_denied
        .contains(toks[head].lower.as_str())
    {
        return None;
    }
    let events = words.iter().map(|&k| ctx.lemma(k).clone()).collect();
    let mut c = noun_claim(ctx, (si, s), words[0]..head + 1, i, true, events);
    c.toks.start = i.min(words[0]);
    Some(c)
}

/// A claim that the thing the noun at the end of `span` names is there (or,
/// `negated`, is not), hedged by a cue before `hedge_at`: the shared shape
/// of [`negated_noun`] and [`present_noun`].
fn noun_claim(
    ctx: &Ctx,
    (si, s): (usize, &Sentence),
    span: std::ops::Range<usize>,
    hedge_at: usize,
    negated: bool,
    events: Vec<crate::extract::Word>,
) -> Candidate {
    let toks = &ctx.seg.tokens;
    let head = span.end - 1;
    let hedge = cue_before(ctx, s, hedge_at, 6, flag::HEDGED);
    let modality = if hedge.is_some() {
        Modality::Hedged
    } else {
        Modality::Asserted
    };
    Candidate {
        kind: Kind::Claim,
        sentence: si,
        toks: span,
        value: Value::Claim {
            predicate: toks[head].lower.to_string(),
            negated,
            modality,
        },
        head: Some(ctx.lemma(head).to_string()),
        events,
        hedge: hedge.map(|h| toks[h].lower.to_string()),
        modality,
        relative: false,
        label: Some(toks[head].lower.to_string()),
        bytes: None,
        clock: None,
    }
}

/// A noun at `i` said to be there: a word that says so ("has", "found",
/// "there were", `[lexicon.claims] having`) a few words before it, in its
/// clause, with no negation between. The positive side of [`negated_noun`].
fn present_noun(ctx: &Ctx, si: usize, s: &Sentence, i: usize) -> Option<Candidate> {
    let toks = &ctx.seg.tokens;
    // The noun heads its phrase: "with warning lights" says nothing of a warning.
    if i + 1 < s.tokens.end && toks[i + 1].kind == TokKind::Word && ctx.has(i + 1, flag::CONTENT) {
        return None;
    }
    let from = i.saturating_sub(4).max(s.tokens.start);
    let mut cue = None;
    for k in (from..i).rev() {
        if ctx.has(k, flag::CLAUSE_BREAK)
            || ctx.has(k, flag::NEGATION)
            || toks[k].kind != TokKind::Word
        {
            return None;
        }
        if ctx.lex.def.claims.having.contains(toks[k].lower.as_str()) {
            cue = Some(k);
            break;
        }
    }
    // (Nor under a negation before the verb: "have not found a note" says
    // there is none, and the negated verb is its claim.)
    let cue = cue.filter(|&k| !negation_before(ctx, s, k))?;
    let events = vec![ctx.lemma(i).clone()];
    Some(noun_claim(ctx, (si, s), cue..i + 1, i, false, events))
}

/// The claim kind: how it is read, keyed, compared and shown.
pub struct Claims;

impl super::kind::FactKind for Claims {
    fn kind(&self) -> Kind {
        Kind::Claim
    }

    fn read(
        &self,
        ctx: &Ctx,
        si: usize,
        s: &Sentence,
        _reading: &mut Reading,
        out: &mut Vec<Candidate>,
    ) {
        extract(ctx, si, s, out);
    }

    fn compare(&self, a: &Fact, b: &Fact, _rule: &Rule, names: &Names) -> Verdict {
        match (&a.value, &b.value) {
            (
                Value::Claim {
                    negated: na,
                    modality: ma,
                    ..
                },
                Value::Claim {
                    negated: nb,
                    modality: mb,
                    ..
                },
            ) => {
                // A possibility ("may not") leaves room for the other
                // polarity; two intentions ("would" / "would not") do not.
                let intent = |f: &Fact| {
                    f.hedge
                        .as_deref()
                        .is_some_and(|h| names.lex.def.claims.intent.contains(h))
                };
                let open = (*ma == Modality::Hedged || *mb == Modality::Hedged)
                    && !(intent(a) && intent(b));
                if na == nb || open {
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
            Value::Claim {
                predicate,
                negated,
                modality,
            } => {
                let m = if *modality == Modality::Hedged {
                    " (hedged)"
                } else {
                    ""
                };
                format!("{}{predicate}{m}", if *negated { "not " } else { "" })
            }
            _ => String::new(),
        }
    }

    fn repeat_key(&self, v: &Value, key: &mut String) -> std::fmt::Result {
        use std::fmt::Write;
        write!(key, "{v:?}")
    }
}
