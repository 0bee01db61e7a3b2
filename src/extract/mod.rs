//! Fact extraction: sentences become typed facts with exact spans.
//!
//! Each kind has its own extractor module. They run in a fixed order — dates,
//! durations, quantities, names, claims — and the first three share a token
//! "claimed" mask, so "Oct. 3" is a date and not the count 24, and "three
//! weeks" a duration and not the count 3. Every fact then gets a rule (the
//! first rule of its kind whose selectors match it) and from that its topic,
//! and a bag of weighted context words that alignment compares.

pub mod age;
pub mod chunked;
pub mod claim;
pub mod date;
pub mod display;
pub mod duration;
pub mod kind;
pub mod name;
pub mod number;
pub mod quantity;
pub mod registry;
pub mod word;

use crate::rules::{Kind, Lexicon, Rule, RuleSet};
use crate::segment::{Segmented, Sentence, TokKind, Token};
use crate::source::Source;
use arcstr::ArcStr;
use jiff::civil::Date;
use serde::Serialize;
use thin_vec::ThinVec;

pub use chunked::{Chunked, Facts};
pub use word::Word;

/// How a claim is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as fact.
    Asserted,
    /// A prediction or possibility ("could", "expected to").
    Hedged,
}

/// A normalised value.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    Quantity {
        /// The figure as stated (after scale words and unit conversion).
        value: f64,
        /// The range the figure stands for once hedges are applied.
        low: f64,
        high: f64,
        /// Unit or dimension ("USD", "length", "percent") when there is one.
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// A second figure, for scores ("4-2").
        #[serde(skip_serializing_if = "Option::is_none")]
        second: Option<f64>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        ordinal: bool,
        /// The place of the last digit written ("62.3" 0.1, "4.7 million"
        /// 100,000, "52" 1): a figure stands for what rounds to it when
        /// another source writes it more precisely.
        #[serde(skip)]
        step: f64,
    },
    Date {
        /// First and last day the date can be (equal for a single day).
        #[serde(serialize_with = "ser_date")]
        #[schemars(with = "Option<String>")]
        start: Date,
        #[serde(serialize_with = "ser_date")]
        #[schemars(with = "Option<String>")]
        end: Date,
        /// False when no year was written and no publication date anchors it.
        year_known: bool,
        /// A weekday that could not be resolved to a day (no publication date).
        #[serde(skip_serializing_if = "Option::is_none")]
        weekday: Option<i8>,
        /// Minutes after midnight, for times of day.
        #[serde(skip_serializing_if = "Option::is_none")]
        time: Option<u16>,
        /// The time zone written after a time, in minutes east of UTC
        /// ("9:15 a.m. ET" is -240 in summer); none for "local time" or none written.
        #[serde(skip_serializing_if = "Option::is_none")]
        zone: Option<i16>,
        /// Both ends were written as days ("April 3 to 19"): two such ranges
        /// agree only on both ends.
        #[serde(skip)]
        range: bool,
        /// Minutes a time of day may lie before and after the one written:
        /// "about 4:20" is 4:15 to 4:25, "shortly after 11" 11:00 to 11:15.
        #[serde(skip)]
        slack: (u8, u8),
    },
    Duration {
        /// Seconds, as stated and as a range.
        seconds: f64,
        low: f64,
        high: f64,
    },
    Name {
        /// The name as written.
        written: String,
        /// The normalised form used to compare spellings.
        normalized: String,
        /// Other spellings of the same name in the same source.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        forms: Vec<String>,
    },
    Claim {
        predicate: String,
        negated: bool,
        modality: Modality,
    },
    /// An age in years, as stated and as a range ("late 30s": 36–39).
    Age { value: f64, low: f64, high: f64 },
}

impl Value {
    /// A figure's (stated, low, high): quantities, durations (in seconds)
    /// and ages, the kinds compared as ranges.
    pub fn range(&self) -> Option<(f64, f64, f64)> {
        match *self {
            Value::Quantity {
                value, low, high, ..
            }
            | Value::Age { value, low, high } => Some((value, low, high)),
            Value::Duration { seconds, low, high } => Some((seconds, low, high)),
            _ => None,
        }
    }

    /// The key of a range value for [`kind::FactKind::repeat_key`]: its three
    /// figures' bits after a letter that says which kind.
    pub fn range_key(&self, tag: char, key: &mut String) -> std::fmt::Result {
        use std::fmt::Write;
        match self.range() {
            Some((v, l, h)) => write!(
                key,
                "{tag}{:x},{:x},{:x}",
                v.to_bits(),
                l.to_bits(),
                h.to_bits()
            ),
            None => Ok(()),
        }
    }

    /// The kind of fact this value belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Quantity { .. } => Kind::Quantity,
            Value::Duration { .. } => Kind::Duration,
            Value::Date { .. } => Kind::Date,
            Value::Name { .. } => Kind::Name,
            Value::Claim { .. } => Kind::Claim,
            Value::Age { .. } => Kind::Age,
        }
    }
}

fn ser_date<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    if *d == Date::MIN || *d == Date::MAX {
        s.serialize_none()
    } else {
        s.serialize_str(&d.to_string())
    }
}

/// One extracted fact.
#[derive(Debug, Clone)]
pub struct Fact {
    pub kind: Kind,
    pub source: usize,
    /// Byte span in the source file of the words that state the fact.
    pub start: usize,
    pub end: usize,
    /// Index of the sentence in the source's segmentation.
    pub sentence: usize,
    pub value: Value,
    /// The head word as lemma: counted noun, predicate, or nearest event word.
    pub head: Option<ArcStr>,
    /// Hedge phrase, if the fact was stated with one ("almost", "at least").
    pub hedge: Option<ArcStr>,
    pub modality: Modality,
    /// Index of the rule that selected the fact (into `RuleSet::rules`).
    pub rule: usize,
    /// What the fact is about, from the rule's topic.
    pub topic: ArcStr,
    /// Block key: facts align only within the same key.
    pub block: ArcStr,
    /// Context lemmas with weights (proximity to the fact), each lemma as
    /// its key ([`word::key`]): a large source holds millions of entries,
    /// and alignment only compares them. The third number is the weight
    /// times the word's IDF over the check, which alignment sets (until
    /// then the weight): it fills what would be padding beside the key.
    pub context: Vec<(u64, f32, f32)>,
    /// Explicit years written in the sentence.
    pub years: ThinVec<i16>,
    /// Background, not the news the report tells: a date well before the
    /// report, or a figure told of an earlier year's event ("the 2009 flood
    /// killed 300"). Nothing says the first or only background fact of
    /// each report is about one thing.
    pub past: bool,
    /// A relative date ("on Friday", "yesterday") that falls on its source's
    /// own news day: each report's news peg, not comparable across reports
    /// published on different days.
    pub peg: bool,
    /// A relative date ("on Monday", "yesterday") on its source's own
    /// publication day or the day before: the news the report itself tells.
    pub news_day: bool,
    /// Such a date after "by", asserted: when the report counted ("had
    /// burned 14,000 acres by Tuesday evening"), not when something
    /// happened. A report written a day later counts by a later day.
    pub as_of: bool,
    /// A figure told in a clause that looks forward ("could bring winds of
    /// up to 150 km/h", "is expected to cost $2 million"): what may be,
    /// not what is.
    pub forward: bool,
    /// The source's publication date, when known.
    pub published: Option<Date>,
    /// Stated in the source's headline: a first paragraph of one sentence
    /// with no full stop. A headline tells the report's main news.
    pub headline: bool,
    /// Other places the source states the same fact (byte spans).
    pub also: ThinVec<(usize, usize)>,
    /// A date's clock time, told with it as one moment ("at 11:20 a.m.
    /// Friday", "on Friday at 11:20 a.m."): where the time's span starts.
    /// A date named again takes the clock time of a later mention.
    pub clock: Option<usize>,
    /// Who the sentence attributes the fact to ("police" in "police said").
    pub attribution: Option<ArcStr>,
    /// The nearest words that say what happened ("killed", "arrested"),
    /// nearest first: the event the fact belongs to.
    pub events: ThinVec<Word>,
    /// A whole the extractor made of parts its sentence states ("180
    /// riders and seven staff" is also 187 people): it restates them.
    pub derived: bool,
    /// A part of such a whole ("nine crew" in "212 passengers and nine
    /// crew"): one group of the people counted, as a role noun is.
    pub summed: bool,
    /// Told in a relative clause set off by commas ("Acme, which employs
    /// 350 people, said"): what the report says of someone in passing.
    pub aside: bool,
    /// The total a share is taken of ("12 percent of the company's 40,000
    /// customers"): told in passing, the share being the news.
    pub base: bool,
    /// Whom a figure is about: the key of the name nearest before it in its
    /// clause ("Stoa shares jumped 24%, while Halvern stock slipped 1.5%"),
    /// past the names of speakers ("Acme said 40 …").
    pub about: Option<u64>,
    /// A figure's: the keys of the words of names its sentence states
    /// (see `names_in`). Two figures whose sentences name no one in
    /// common are told of different subjects.
    pub named: ThinVec<u64>,
    /// A claim's: the keys of the words of the names before its predicate
    /// in its clause, past speakers ("Tarn Foods recalled …"): who did or
    /// did not do what it tells.
    pub actors: ThinVec<u64>,
    /// A claim's: some word before its predicate in its clause, not a
    /// function word, tells who acts ("police did not release", "the
    /// grower has not ordered a recall"); "so no recall was ordered" tells
    /// no one.
    pub agent: bool,
    /// A date named again (`also`): the two nearest event words of each other
    /// mention ("reopened on Tuesday" after "said on Tuesday"), for one day
    /// dates every event told of it.
    pub also_events: ThinVec<Word>,
}

/// Mark the figures of one sentence that a whole it states is made of
/// ("212 passengers and nine crew" is also 221 people): each is a part.
fn mark_summed(facts: &mut [(Fact, Ids)]) {
    let wholes: Vec<(usize, usize)> = facts
        .iter()
        .filter(|(f, _)| f.derived)
        .map(|(f, _)| (f.start, f.end))
        .collect();
    for (f, _) in facts.iter_mut() {
        f.summed = f.kind == Kind::Quantity
            && !f.derived
            && wholes.iter().any(|&(s, e)| s <= f.start && f.end <= e);
    }
}

/// Everything an extractor needs about one source.
pub struct Ctx<'a> {
    pub src: &'a Source,
    pub seg: &'a Segmented,
    pub lex: &'a Lexicon,
    pub rules: &'a RuleSet,
    pub source: usize,
    /// Per token: which distinct word of the source it is (index into `words`).
    word_ids: Vec<u32>,
    /// Per distinct word (its lower-case text): its lemma (an id into
    /// `lemmas`), and what the lexicon, the rules and the source's use of it
    /// say (the `flag` constants), each looked up once.
    words: Vec<(u32, u32)>,
    /// Per distinct word: the lemma events and contexts compare it by (an
    /// id into `lemmas`), the verb's for a noun made from one (see
    /// [`Lexicon::root`]), else its own.
    roots: Vec<u32>,
    /// The source's distinct lemmas, numbered.
    lemmas: Lemmas,
    /// Prefix counts over tokens (entry k counts tokens before k): words and
    /// numbers, clause punctuation, and clause breaks including conjunctions.
    /// Distances in a sentence are differences of these, O(1) each.
    words_before: Prefix,
    puncts_before: Prefix,
    breaks_before: Prefix,
    /// Per sentence: who it attributes what it says to.
    attributions: Vec<Option<String>>,
    /// Per sentence: the first token after its dateline, if it has one.
    datelines: Vec<Option<usize>>,
    /// Every aside of the source (see [`asides_before`]), in order: its
    /// opening and closing commas.
    asides: Vec<(u32, u32)>,
    /// The index in the whole source of `seg`'s first sentence: 0 unless
    /// `seg` is a later stretch of a large source (see [`read_in_chunks`]).
    first_sentence: usize,
}

/// How a source uses a word, over the whole source: the `flag`s a stretch
/// of it cannot tell alone.
const USAGE: u32 = flag::SEEN | flag::RECURS | flag::LOWERCASE_SEEN | flag::MIDSENTENCE_CAP;

/// Two stretches' usage of one word as the usage of both: a word each
/// writes once recurs.
fn join_usage(a: u32, b: u32) -> u32 {
    let (a, b) = (a & USAGE, b & USAGE);
    a | b
        | if a & b & flag::SEEN != 0 {
            flag::RECURS
        } else {
            0
        }
}

/// What the stretches of a large source share (see [`read_in_chunks`]):
/// its lemmas, numbered in the order the whole source first writes them,
/// and how it uses each distinct word.
#[derive(Default)]
pub struct SourceWords {
    lemmas: Lemmas,
    /// (Keyed by each lower-case word's [`word::key`]: a large source has
    /// hundreds of thousands of distinct words, and this is held while it
    /// is read.)
    usage: rustc_hash::FxHashMap<u64, u32>,
}

/// Where a [`Ctx`] takes what it knows of the words of the whole source.
enum Usage<'u> {
    /// From its own tokens: `seg` is the whole source.
    Own,
    /// From its own tokens, added to the whole source's (a first reading).
    Collect(&'u mut rustc_hash::FxHashMap<u64, u32>),
    /// From the whole source's, already collected.
    Apply(&'u rustc_hash::FxHashMap<u64, u32>),
}

/// Prefix counts over a source's tokens, kept modulo 2^16: a count between
/// two tokens is a wrapping difference, exact for any stretch of fewer than
/// 65,536 tokens. Every distance is taken inside one sentence, which is
/// never longer than `segment::MAX_SENTENCE_TOKENS`, so 2 bytes a token do
/// the work of 4 (a large source holds millions of tokens at once).
struct Prefix(Vec<u16>);

const _: () = assert!(crate::segment::MAX_SENTENCE_TOKENS < 1 << 16);

impl Prefix {
    fn with_capacity(n: usize) -> Prefix {
        Prefix(Vec::with_capacity(n))
    }

    /// Add the count of the tokens before the next one.
    fn push(&mut self, count: u32) {
        self.0.push(count as u16);
    }

    /// How many counted tokens stand in `lo..hi`.
    fn between(&self, lo: usize, hi: usize) -> u32 {
        debug_assert!(lo <= hi && hi - lo < 1 << 16);
        self.0[hi].wrapping_sub(self.0[lo]) as u32
    }
}

/// Token flags (see [`Ctx::has`]).
pub mod flag {
    /// A stop word.
    pub const STOP: u32 = 1;
    /// A negation cue ("not", "never").
    pub const NEGATION: u32 = 2;
    /// A hedge cue ("could", "expected").
    pub const HEDGED: u32 = 4;
    /// Its lemma is some claim rule's predicate.
    pub const PREDICATE: u32 = 8;
    /// An attribution verb ("said", "according").
    pub const ATTRIBUTION: u32 = 16;
    /// A word (not a number or punctuation) that is no stop word: context.
    pub const CONTENT: u32 = 32;
    /// A word that may name an event: content, or a stop word with a lemma of its own.
    pub const EVENTISH: u32 = 64;
    /// A word or sign a date can start at (besides figures): see `Lexicon::starts_date`.
    pub const DATE: u32 = 128;
    /// A word a number can start at: see `Lexicon::starts_number`.
    pub const NUMBER: u32 = 256;
    /// Punctuation that separates clauses ("," ";" "—" "(").
    pub const CLAUSE_PUNCT: u32 = 512;
    /// A clause break: such punctuation or a conjunction ("and", "but").
    pub const CLAUSE_BREAK: u32 = 1024;
    /// The word occurs in lower case somewhere in the source.
    pub const LOWERCASE_SEEN: u32 = 2048;
    /// The word is capitalised somewhere inside a sentence (not first, not
    /// after an opening quote or colon): a name by its use.
    pub const MIDSENTENCE_CAP: u32 = 4096;
    /// A unit of measure (`Lexicon::unit`) or a currency word.
    pub const UNIT: u32 = 8192;
    /// Its lemma is a verb some source negates with no claim rule of its own
    /// (set by [`Ctx::mark_negated`](super::Ctx::mark_negated)).
    pub const NEGATED_VERB: u32 = 16384;
    /// A word that makes a sentence look forward ("will", "next").
    pub const FUTURE_CUE: u32 = 1 << 16;
    /// A title before a name ("Gov.", "Judge"), without its full stop.
    pub const TITLE: u32 = 1 << 17;
    /// A capitalised word that does not start a name ("The", "But").
    pub const NOT_NAME: u32 = 1 << 18;
    /// A connector inside names ("of", "the", "de").
    pub const CONNECTOR: u32 = 1 << 19;
    /// A common lower-case English word (`Lexicon::is_common_word`).
    pub const COMMON: u32 = 1 << 20;
    /// Its lemma is a noun some source says there is none of ("has no
    /// gates"): where a source says there is one ("has gates"), a claim.
    pub const DENIED_NOUN: u32 = 1 << 21;
    /// The first word of a phrase that denies a noun phrase ("ruled out").
    pub const RULING_OUT: u32 = 1 << 22;
    /// A word that makes a figure near it a forecast ("expected").
    pub const FORECAST: u32 = 1 << 23;
    /// A word that makes a figure near it a requirement ("needed").
    pub const REQUIRED: u32 = 1 << 24;
    /// A verb of change ("rose", "fell"): no event word of a figure.
    pub const CHANGE: u32 = 1 << 25;
    /// The source writes it (as a word) at least once.
    pub const SEEN: u32 = 1 << 26;
    /// The source writes it (as a word) more than once.
    pub const RECURS: u32 = 1 << 27;
    /// A preposition of place (`[lexicon.dates] place_prepositions`).
    pub const PLACE: u32 = 1 << 28;
    /// A verb of making a thing known (`[lexicon.claims] telling`, by lemma).
    pub const TELLING: u32 = 1 << 29;
}

/// Prepositions that give a date a role in its event (see `finish`): English
/// grammar, like the other function words the readers parse with.
const DATE_ROLES: [&str; 8] = [
    "since", "until", "till", "by", "before", "after", "through", "to",
];

/// Words between such a preposition and its date that name a part of the
/// period ("by the end of May").
const DATE_PARTS: [&str; 6] = ["the", "of", "start", "end", "beginning", "middle"];

/// Whether the sentence of a date counts something besides it (a figure that
/// is not a year): "had burned 14,000 acres by Tuesday evening" tells when
/// a count stood, "had reopened the bridge by Tuesday evening" when something
/// was done.
fn counts_in(ctx: &Ctx, s: &Sentence, date: &std::ops::Range<usize>) -> bool {
    s.tokens.clone().filter(|k| !date.contains(k)).any(|k| {
        let t = &ctx.seg.tokens[k];
        t.kind == TokKind::Number && year_of(t).is_none()
    })
}

/// The year a token writes ("2019"), if it is one.
fn year_of(t: &Token) -> Option<i16> {
    Some(t)
        .filter(|t| t.kind == TokKind::Number && t.lower.len() == 4)
        .and_then(|t| t.lower.parse::<i16>().ok())
        .filter(|y| (1800..=2100).contains(y))
}

/// How many of the nearest event words a fact keeps (see [`Fact::events`]).
pub const EVENT_WORDS: usize = 3;

/// What a noun of the same kind as a figure's counted noun weighs in its context.
const KIND_WEIGHT: f32 = 0.5;

/// How far either side of a fact its context reaches, in tokens.
pub const CONTEXT_WINDOW: usize = 48;

fn window(s: &Sentence, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    if span.is_empty() {
        return s.tokens.clone();
    }
    span.start
        .saturating_sub(CONTEXT_WINDOW)
        .max(s.tokens.start)..(span.end + CONTEXT_WINDOW).min(s.tokens.end)
}

fn is_clause_punct(lower: &str) -> bool {
    matches!(lower, "," | ";" | "—" | "–" | "(" | ")" | ":")
}

fn is_clause_break(lower: &str) -> bool {
    is_clause_punct(lower) || matches!(lower, "and" | "or" | "but" | "while")
}

impl<'a> Ctx<'a> {
    pub fn text(&self, t: &Token) -> &'a str {
        &self.src.text[t.start()..t.end()]
    }

    pub fn published(&self) -> Option<Date> {
        self.src.meta.published
    }

    /// Whether a line ends between token `k - 1` and token `k`.
    pub fn line_break_before(&self, k: usize) -> bool {
        let toks = &self.seg.tokens;
        k > 0
            && k < toks.len()
            && self
                .src
                .text
                .get(toks[k - 1].end()..toks[k].start())
                .is_some_and(|gap| gap.contains('\n'))
    }

    /// Whether token `i` has all of `flags` (see [`flag`]).
    pub fn has(&self, i: usize, flags: u32) -> bool {
        self.words[self.word_ids[i] as usize].1 & flags == flags
    }

    /// Mark the words whose lemma is one of `negated` (see [`negated_verbs`]):
    /// their positive uses become claims too.
    pub fn mark_negated(&mut self, negated: &Negated) {
        // ("Still" says what "no longer" denies: see `claim::still_at`.)
        let still = negated.verbs.contains(&self.lex.lemma(claim::CONTINUING));
        for (lemma, flags) in &mut self.words {
            let lemma = self.lemmas.words[*lemma as usize].as_str();
            if still && lemma == "still" {
                *flags |= flag::NEGATED_VERB;
            }
            if *flags & flag::CONTENT == 0 {
                continue;
            }
            if negated.verbs.contains(lemma) {
                *flags |= flag::NEGATED_VERB;
            }
            if negated.nouns.contains(lemma) {
                *flags |= flag::DENIED_NOUN;
            }
        }
    }

    /// The lemma of token `i`.
    pub fn lemma(&self, i: usize) -> &Word {
        &self.lemmas.words[self.lemma_id(i) as usize]
    }

    /// The number of token `i`'s lemma among the source's lemmas.
    fn lemma_id(&self, i: usize) -> u32 {
        self.words[self.word_ids[i] as usize].0
    }

    /// What token `i` tells of an event: its lemma, or the verb's its noun
    /// is made from (see [`Lexicon::root`]).
    pub fn root(&self, i: usize) -> &Word {
        &self.lemmas.words[self.root_id(i) as usize]
    }

    fn root_id(&self, i: usize) -> u32 {
        self.roots[self.word_ids[i] as usize]
    }

    pub fn is_capitalized(&self, t: &Token) -> bool {
        t.kind == TokKind::Word && t.caps
    }
}

/// A fact before a rule has been chosen for it.
pub struct Candidate {
    pub kind: Kind,
    pub sentence: usize,
    /// Token index range (absolute) the fact spans.
    pub toks: std::ops::Range<usize>,
    pub value: Value,
    pub head: Option<String>,
    /// Words that mark the topic near the fact (lemmas), nearest first.
    pub events: Vec<Word>,
    pub hedge: Option<String>,
    pub modality: Modality,
    /// Resolved from a relative expression (weekday, "yesterday").
    pub relative: bool,
    /// The head word as written, for topics people read.
    pub label: Option<String>,
    /// Exact byte span, when it does not fall on token bounds (a possessive cut off).
    pub bytes: Option<(usize, usize)>,
    /// A date's clock time, told with it as one moment ("at 11:20 a.m.
    /// Friday"): the first token of the time's span.
    pub clock: Option<usize>,
}

impl<'a> Ctx<'a> {
    /// Everything about a source that extraction reads more than once, computed once.
    pub fn new(src: &'a Source, seg: &'a Segmented, rules: &'a RuleSet, source: usize) -> Ctx<'a> {
        Ctx::build(src, seg, rules, source, Lemmas::default(), 0, Usage::Own)
    }

    /// A [`Ctx`] for `seg`, the whole source or a stretch of it whose first
    /// sentence is the source's `first_sentence`th: lemmas are numbered
    /// on from `lemmas`, and the words' use is as `usage` says.
    fn build(
        src: &'a Source,
        seg: &'a Segmented,
        rules: &'a RuleSet,
        source: usize,
        mut lemmas: Lemmas,
        first_sentence: usize,
        usage: Usage,
    ) -> Ctx<'a> {
        let lex = &rules.lexicon;
        // Words repeat: lemmatise and look up each distinct one once.
        let mut memo: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let mut words: Vec<(u32, u32)> = Vec::new();
        let mut roots: Vec<u32> = Vec::new();
        let mut word_ids = Vec::with_capacity(seg.tokens.len());
        // One pass over the tokens: distinct words, how the source uses each
        // (in lower case, capitalised mid-sentence), and prefix counts of
        // words and numbers, clause punctuation and clause breaks.
        let n = seg.tokens.len() + 1;
        let (mut words_before, mut puncts_before, mut breaks_before) = (
            Prefix::with_capacity(n),
            Prefix::with_capacity(n),
            Prefix::with_capacity(n),
        );
        let (mut w, mut p, mut b) = (0u32, 0u32, 0u32);
        let mut si = 0;
        // Where each sentence starts after its dateline, if it has one.
        let datelines: Vec<Option<usize>> = seg
            .sentences
            .iter()
            .map(|s| dateline_end(&src.text, &seg.tokens, s))
            .collect();
        let mut compounds: rustc_hash::FxHashMap<String, u32> = Default::default();
        let mut asides = Vec::new();
        // The last clause mark read, if it was a comma that opens an aside.
        let mut opening: Option<usize> = None;
        for (i, t) in seg.tokens.iter().enumerate() {
            // A word after a hyphenated prefix is the compound ("re-elected"
            // has its own lemma, not "elected"'s).
            let prefix = (i >= 2
                && t.glued
                && t.kind == TokKind::Word
                && seg.tokens[i - 1].glued
                && seg.tokens[i - 1].lower == "-"
                && seg.tokens[i - 2].kind == TokKind::Word
                && lex
                    .def
                    .words
                    .prefixes
                    .contains(seg.tokens[i - 2].lower.as_str()))
            .then(|| format!("{}-{}", seg.tokens[i - 2].lower, t.lower));
            let id = match prefix {
                Some(compound) => *compounds.entry(compound).or_insert_with_key(|c| {
                    let (lemma, flags) = word_entry(c, lex, rules, 0);
                    let root = lex.root(c).map_or_else(|| lemma.clone(), Word::from);
                    roots.push(lemmas.id(root));
                    words.push((lemmas.id(lemma), flags));
                    (words.len() - 1) as u32
                }),
                None => *memo.entry(t.lower.as_str()).or_insert_with(|| {
                    let l = t.lower.as_str();
                    let clause = (is_clause_punct(l) as u32 * flag::CLAUSE_PUNCT)
                        | (is_clause_break(l) as u32 * flag::CLAUSE_BREAK);
                    let (lemma, flags) = if t.kind != TokKind::Word {
                        (
                            Word::new(l),
                            clause | if lex.starts_date(l) { flag::DATE } else { 0 },
                        )
                    } else {
                        word_entry(l, lex, rules, clause)
                    };
                    let root = (t.kind == TokKind::Word)
                        .then(|| lex.root(l))
                        .flatten()
                        .map_or_else(|| lemma.clone(), Word::from);
                    roots.push(lemmas.id(root));
                    words.push((lemmas.id(lemma), flags));
                    (words.len() - 1) as u32
                }),
            };
            word_ids.push(id);
            while seg.sentences.get(si).is_some_and(|s| s.tokens.end <= i) {
                si += 1;
            }
            // (The word after a dateline opens its sentence too.)
            let opens_sentence = seg.sentences.get(si).is_none_or(|s| s.tokens.start == i)
                || datelines.get(si).copied().flatten() == Some(i);
            if t.kind == TokKind::Word {
                let seen = if !t.caps
                    && src.text[t.start()..t.end()]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                {
                    flag::LOWERCASE_SEEN
                } else if t.caps
                    && !opens_sentence
                    && !matches!(
                        seg.tokens[i - 1].lower.as_str(),
                        "\"" | "\u{201c}" | ":" | "("
                    )
                {
                    flag::MIDSENTENCE_CAP
                } else {
                    0
                };
                let entry = &mut words[id as usize].1;
                *entry |= seen
                    | if *entry & flag::SEEN != 0 {
                        flag::RECURS
                    } else {
                        flag::SEEN
                    };
            }
            words_before.push(w);
            puncts_before.push(p);
            breaks_before.push(b);
            let f = words[id as usize].1;
            if f & flag::CLAUSE_PUNCT != 0 {
                let comma = t.lower == ",";
                match opening {
                    Some(k)
                        if comma
                            && i - k <= 12
                            && seg.sentences.get(si).is_some_and(|s| s.tokens.contains(&k)) =>
                    {
                        asides.push((k as u32, i as u32));
                        opening = None;
                    }
                    _ => {
                        opening = (comma
                            && (opens_aside(seg.tokens.get(i + 1))
                                || opens_count_aside(&seg.tokens, lex, i)))
                        .then_some(i);
                    }
                }
            }
            w += matches!(t.kind, TokKind::Word | TokKind::Number) as u32;
            p += (f & flag::CLAUSE_PUNCT != 0) as u32;
            b += (f & flag::CLAUSE_BREAK != 0 || opens_clause(&seg.tokens, i)) as u32;
        }
        words_before.push(w);
        puncts_before.push(p);
        breaks_before.push(b);
        let distinct = memo
            .iter()
            .map(|(w, &id)| (*w, id))
            .chain(compounds.iter().map(|(w, &id)| (w.as_str(), id)));
        match usage {
            Usage::Own => {}
            Usage::Collect(all) => {
                for (w, id) in distinct {
                    let here = words[id as usize].1;
                    all.entry(word::key(w))
                        .and_modify(|u| *u = join_usage(*u, here))
                        .or_insert(here & USAGE);
                }
            }
            Usage::Apply(all) => {
                for (w, id) in distinct {
                    let entry = &mut words[id as usize].1;
                    *entry =
                        *entry & !USAGE | all.get(&word::key(w)).copied().unwrap_or(*entry & USAGE);
                }
            }
        }
        let mut ctx = Ctx {
            first_sentence,
            attributions: Vec::new(),
            datelines,
            asides,
            src,
            seg,
            lex,
            rules,
            source,
            word_ids,
            words,
            roots,
            lemmas,
            words_before,
            puncts_before,
            breaks_before,
        };
        ctx.attributions = seg.sentences.iter().map(|s| attribution(&ctx, s)).collect();
        ctx
    }
}

/// A distinct word of a source: its lemma and its `flag`s from the lexicon and rules.
fn word_entry(l: &str, lex: &Lexicon, rules: &RuleSet, clause: u32) -> (Word, u32) {
    let lemma = Word::from(lex.lemma(l));
    // A hyphenated prefix ("re-", "co-") belongs to the word after it.
    let stop = lex.def.words.stopwords.contains(l) || lex.def.words.prefixes.contains(l);
    // A unit, a size adjective, a word for a total or a clock time's mark
    // says how something is measured ("a 300-tonne, 90m-long barge", "a
    // total of 40 people", "11 p.m. GMT"), never what happened: no event word.
    let unit = lex.is_unit(l, &lemma) || lex.def.numbers.currencies.contains_key(l);
    let measure = unit || lex.measure_words.contains(l);
    let number = lex.starts_number(l);
    let bits = [
        (stop, flag::STOP),
        (lex.def.claims.negation.contains(l), flag::NEGATION),
        (lex.def.claims.hedged.contains(l), flag::HEDGED),
        (
            rules.claim_predicates.contains_key(lemma.as_str()),
            flag::PREDICATE,
        ),
        (lex.def.claims.attribution.contains(l), flag::ATTRIBUTION),
        (!stop, flag::CONTENT),
        (
            // (A number word, an ordinal or a scale, "billion", counts; it is no event.)
            (!stop || lex.def.words.lemmas.contains_key(l))
                && !measure
                && !number
                && !lex.def.numbers.scales.contains_key(l),
            flag::EVENTISH,
        ),
        (lex.starts_date(l), flag::DATE),
        (number, flag::NUMBER),
        (unit, flag::UNIT),
        (lex.def.dates.future_cues.contains(l), flag::FUTURE_CUE),
        (lex.def.dates.place_prepositions.contains(l), flag::PLACE),
        (
            lex.def.names.titles.contains(l.trim_end_matches('.')),
            flag::TITLE,
        ),
        (lex.def.names.not_names.contains(l), flag::NOT_NAME),
        (lex.def.names.connectors.contains(l), flag::CONNECTOR),
        (lex.is_common_word(l), flag::COMMON),
        (
            lex.def
                .claims
                .ruling_out
                .iter()
                .any(|p| p.split_once(' ').is_some_and(|(a, _)| a == l)),
            flag::RULING_OUT,
        ),
        (lex.def.numbers.forecast.contains(l), flag::FORECAST),
        (lex.def.numbers.required.contains(l), flag::REQUIRED),
        (lex.def.numbers.changes.contains(l), flag::CHANGE),
        (lex.is_telling(lemma.as_str()), flag::TELLING),
    ];
    (
        lemma,
        bits.iter()
            .filter(|(on, _)| *on)
            .fold(clause, |acc, (_, b)| acc | b),
    )
}

/// What sources negate with no claim rule of its own, by lemma: verbs
/// ("did not disclose") and nouns said not to exist ("has no gates").
#[derive(Default)]
pub struct Negated {
    pub verbs: rustc_hash::FxHashSet<String>,
    pub nouns: rustc_hash::FxHashSet<String>,
}

impl Negated {
    pub fn extend(&mut self, other: &Negated) {
        self.verbs.extend(other.verbs.iter().cloned());
        self.nouns.extend(other.nouns.iter().cloned());
    }
}

/// What a source negates with no claim rule of its own: the first of two
/// extraction passes (see [`crate::facts`]).
pub fn negated_verbs(ctx: &Ctx) -> Negated {
    let mut out = Negated::default();
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if claim::negated_verb_at(ctx, s, i) {
                out.verbs.insert(ctx.lemma(i).to_string());
            } else if ctx.rules.claim_fallback && claim::no_longer_at(ctx, s, i) {
                // (What "remains" so elsewhere is its positive side.)
                out.verbs.insert(ctx.lex.lemma(claim::CONTINUING));
            } else if ctx.rules.claim_fallback
                && (ctx.seg.tokens[i].lower == "no" || ctx.has(i, flag::RULING_OUT))
                && let Some(c) = claim::denied_at(ctx, si, s, i)
                && let Some(head) = c.head
            {
                out.nouns.insert(head);
            }
        }
    }
    out
}

/// A source's facts as read, their contexts still lemma numbers: what
/// [`read`] returns, so the caller can free the source's tokens and tables
/// before the contexts become words ([`Read::append_to`]), which on a large
/// source are the larger of the two.
pub struct Read {
    /// The facts in the order met: each is taken out once, in `order`.
    facts: Chunked<Option<(Fact, Ids)>>,
    /// Indices into `facts` in text order.
    order: Vec<u32>,
    /// Each lemma number's word.
    words: Vec<Word>,
}

impl Read {
    /// How many facts were read.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The facts onto the end of `out`, in text order, each context made
    /// words and sorted the way alignment compares them: each fact is moved
    /// once, and each chunk of the source's list is freed once its last
    /// fact has moved, so the facts are not held twice.
    pub fn append_to(mut self, out: &mut Facts) {
        let words = self.words;
        let facts = &mut self.facts;
        let mut uses = chunked::Uses::new(facts, self.order.iter().map(|&i| i as usize));
        for &i in &self.order {
            let (mut f, ids) = facts[i as usize].take().expect("each fact once");
            f.context = ids
                .into_iter()
                .map(|(id, x)| (words[id as usize].key(), x, x))
                .collect();
            word::normalize_by(&mut f.context, |e| (&e.0, e.1));
            out.push(f);
            uses.used(facts, i as usize);
        }
    }
}

/// Read every fact of one source (after [`Ctx::mark_negated`]); see [`Read`].
/// [`crate::facts`] reads every source of a check this way, or a large
/// one a stretch at a time ([`read_in_chunks`]), with the same result.
pub fn read(ctx: &Ctx) -> Read {
    let mut reader = Reader::default();
    let mut memo = SentenceMemo::new(ctx.seg);
    let reading = reader.sentences(ctx, &mut memo);
    let sentence_facts = reader.merged.out.len();
    // Facts read over the whole source (names) come last; they take their
    // place in text order in `Reader::done`.
    let mut cands = Vec::new();
    for k in registry::KINDS {
        k.read_source(ctx, &reading, &mut cands);
    }
    cands.sort_by_key(|c| c.sentence);
    reader.source_facts(ctx, &mut memo, cands);
    reader.done(ctx.lemmas.words.clone(), sentence_facts)
}

/// What a source is read for first, a stretch at a time: what it negates
/// (see [`crate::facts`]), and its words, numbered and with their use over
/// the whole source, for [`read_in_chunks`].
pub fn survey_chunks(
    src: &Source,
    rules: &RuleSet,
    source: usize,
    chunks: &[std::ops::Range<usize>],
) -> (Negated, SourceWords) {
    let mut negated = Negated::default();
    let mut words = SourceWords::default();
    for range in chunks {
        let seg = crate::segment::segment_range(src, &rules.lexicon, range.clone());
        let lemmas = std::mem::take(&mut words.lemmas);
        let ctx = Ctx::build(
            src,
            &seg,
            rules,
            source,
            lemmas,
            0,
            Usage::Collect(&mut words.usage),
        );
        negated.extend(&negated_verbs(&ctx));
        words.lemmas = ctx.lemmas;
    }
    (negated, words)
}

/// Read a large source a stretch at a time ([`crate::segment::chunks`]),
/// after [`survey_chunks`]: only one stretch's tokens and tables are held
/// at once, not the whole source's (about 8 bytes per byte of text). The
/// facts are those [`read`] finds in the whole source, in the same order.
///
/// Names are the one kind read over the whole source: each stretch gives
/// its mentions, the mentions become one name per entity once every
/// stretch is read, and a second round of the stretches finishes each
/// name's fact where its first full mention stands.
pub fn read_in_chunks(
    src: &Source,
    rules: &RuleSet,
    source: usize,
    chunks: &[std::ops::Range<usize>],
    words: SourceWords,
    negated: &Negated,
) -> Read {
    let SourceWords { mut lemmas, usage } = words;
    let whole = (src, rules, source);
    let mut reader = Reader::default();
    let mut mentions = name::Mentions::default();
    // Where each stretch's sentences start in the whole source's count.
    let mut firsts = Vec::with_capacity(chunks.len());
    let mut first_sentence = 0;
    for range in chunks {
        let seg = crate::segment::segment_range(src, &rules.lexicon, range.clone());
        let ctx = stretch_ctx(whole, &seg, lemmas, first_sentence, &usage, negated);
        let reading = reader.sentences(&ctx, &mut SentenceMemo::new(&seg));
        mentions.add(&ctx, &reading.claimed);
        firsts.push(first_sentence);
        first_sentence += seg.sentences.len();
        lemmas = ctx.lemmas;
    }
    let sentence_facts = reader.merged.out.len();
    let mut cands = Vec::new();
    mentions.entities(&mut cands);
    cands.sort_by_key(|c| c.sentence);
    // Each stretch's candidates in a list of its own, freed once its facts
    // are made: one list of them all (a candidate per name of the source)
    // was held until the last fact was.
    let mut per_stretch: Vec<Vec<Candidate>> = Vec::with_capacity(chunks.len());
    for &first in firsts.iter().rev() {
        let at = cands.partition_point(|c| c.sentence < first);
        per_stretch.push(cands.split_off(at));
    }
    drop(cands);
    per_stretch.reverse();
    // (Up to the last stretch that has any.)
    let read = per_stretch
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |k| k + 1);
    for ((range, &first), mut here) in chunks.iter().zip(&firsts).zip(per_stretch).take(read) {
        let seg = crate::segment::segment_range(src, &rules.lexicon, range.clone());
        let ctx = stretch_ctx(whole, &seg, lemmas, first, &usage, negated);
        for c in &mut here {
            c.sentence -= first;
        }
        reader.source_facts(&ctx, &mut SentenceMemo::new(&seg), here);
        lemmas = ctx.lemmas;
    }
    reader.done(lemmas.words, sentence_facts)
}

/// The reading context of a stretch of the source `whole` names, whose
/// first sentence is the source's `first`th: its words' use is the whole
/// source's, and what any source negates is marked.
fn stretch_ctx<'a>(
    (src, rules, source): (&'a Source, &'a RuleSet, usize),
    seg: &'a Segmented,
    lemmas: Lemmas,
    first: usize,
    usage: &rustc_hash::FxHashMap<u64, u32>,
    negated: &Negated,
) -> Ctx<'a> {
    let mut ctx = Ctx::build(src, seg, rules, source, lemmas, first, Usage::Apply(usage));
    ctx.mark_negated(negated);
    ctx
}

/// A source's reading in progress: the facts merged so far, and what
/// carries from sentence to sentence (and from one stretch to the next).
#[derive(Default)]
struct Reader {
    /// The last full date read (see [`kind::Reading::anchor`]).
    anchor: Option<Date>,
    /// The time zones stated so far (see [`kind::Zones`]).
    zones: kind::Zones,
    /// Words facts add to their contexts that the source never writes.
    more: Lemmas,
    /// The strings its facts share (see [`Strings`]).
    strings: Strings,
    merged: Repeats,
}

impl Reader {
    /// Read the facts of each sentence of `ctx`'s segment, in order; the
    /// tokens the readers took are returned for the names.
    fn sentences(&mut self, ctx: &Ctx, memo: &mut SentenceMemo) -> kind::Reading {
        let seg = ctx.seg;
        let mut reading = kind::Reading {
            claimed: vec![false; seg.tokens.len()],
            anchor: self.anchor,
            zones: self.zones,
        };
        let mut vocab = Vocab {
            base: &ctx.lemmas,
            more: std::mem::take(&mut self.more),
            strings: std::mem::take(&mut self.strings),
        };
        // Each sentence's facts are finished, restatements joined and repeats
        // merged before the next sentence is read (finishing reads nothing the
        // readers write, and a restatement stays in its sentence), so only the
        // merged facts and one sentence's worth of candidates are held at a
        // time, not every mention of the source twice over.
        let mut cands = Vec::new();
        let mut batch: Vec<(Fact, Ids)> = Vec::new();
        for (si, s) in seg.sentences.iter().enumerate() {
            for k in registry::KINDS {
                k.read(ctx, si, s, &mut reading, &mut cands);
            }
            let from = batch.len();
            batch.extend(
                cands
                    .drain(..)
                    .filter_map(|c| finish(ctx, c, memo, &mut vocab)),
            );
            mark_summed(&mut batch[from..]);
            self.merged.add_batch(ctx, &mut batch);
        }
        self.more = vocab.more;
        self.strings = vocab.strings;
        self.anchor = reading.anchor;
        self.zones = reading.zones;
        reading
    }

    /// Finish and merge facts read over the whole source (names), sorted
    /// by sentence, all in `ctx`'s segment.
    ///
    /// They are finished and merged some sentences at a time, in text order
    /// (a batch ends only between sentences, so each batch is the next stretch
    /// of the whole sorted list): a name stated through a long source is then
    /// held once merged, not once per mention before merging.
    fn source_facts(&mut self, ctx: &Ctx, memo: &mut SentenceMemo, cands: Vec<Candidate>) {
        let mut vocab = Vocab {
            base: &ctx.lemmas,
            more: std::mem::take(&mut self.more),
            strings: std::mem::take(&mut self.strings),
        };
        let mut batch: Vec<(Fact, Ids)> = Vec::new();
        let mut rest = cands.into_iter().peekable();
        while let Some(c) = rest.next() {
            let sentence = c.sentence;
            batch.extend(finish(ctx, c, memo, &mut vocab));
            if batch.len() >= SOURCE_BATCH && rest.peek().is_none_or(|n| n.sentence != sentence) {
                self.merged.add_batch(ctx, &mut batch);
            }
        }
        self.merged.add_batch(ctx, &mut batch);
        self.more = vocab.more;
        self.strings = vocab.strings;
    }

    /// The facts read, in text order; `words` are the source's lemmas.
    fn done(self, mut words: Vec<Word>, sentence_facts: usize) -> Read {
        let facts = self.merged.out;
        // In text order (a stable sort: ties keep the order they were read in).
        // The facts stay where they are, read in this order later: moving them
        // now would hold them twice while the source's tokens are still held.
        let mut order: Vec<u32> = (0..facts.len() as u32).collect();
        if facts.len() > sentence_facts {
            let key = |f: &Option<(Fact, Ids)>| f.as_ref().map(|(f, _)| (f.start, f.end, f.kind));
            order.sort_by_key(|&i| key(&facts[i as usize]));
        }
        // Contexts leave the source as words (in `Read::append_to`).
        let mut more = self.more.words;
        words.append(&mut more);
        Read {
            facts,
            order,
            words,
        }
    }
}

/// How many facts read over the whole source (names) are finished before
/// they are merged: bounded memory, few merges.
const SOURCE_BATCH: usize = 1024;

/// A context while its source is being read: lemma numbers (see [`Vocab`])
/// with weights, sorted by number. Cheaper to build, sort and merge than
/// words, which it becomes once the source's facts are merged.
type Ids = Vec<(u32, f32)>;

/// Distinct lemmas, numbered in order of first sight.
#[derive(Default)]
struct Lemmas {
    words: Vec<Word>,
    index: rustc_hash::FxHashMap<Word, u32>,
}

impl Lemmas {
    fn id(&mut self, w: Word) -> u32 {
        let next = self.words.len() as u32;
        *self.index.entry(w).or_insert_with_key(|w| {
            self.words.push(w.clone());
            next
        })
    }
}

/// The source's lemmas and the few more words facts add to their contexts
/// (heads, topic markers), numbered after them.
struct Vocab<'c> {
    base: &'c Lemmas,
    more: Lemmas,
    strings: Strings,
}

/// The strings a source's facts share (topics, blocks, heads, hedges,
/// attributions), each held once: a large source states hundreds of
/// thousands of facts and a few hundred distinct such strings.
#[derive(Default)]
struct Strings(rustc_hash::FxHashSet<ArcStr>);

impl Strings {
    fn get(&mut self, s: &str) -> ArcStr {
        match self.0.get(s) {
            Some(a) => a.clone(),
            None => {
                let a: ArcStr = s.into();
                self.0.insert(a.clone());
                a
            }
        }
    }
}

impl Vocab<'_> {
    fn id(&mut self, w: Word) -> u32 {
        match self.base.index.get(&w) {
            Some(&id) => id,
            None => self.base.words.len() as u32 + self.more.id(w),
        }
    }

    fn word(&self, id: u32) -> &Word {
        let id = id as usize;
        self.base
            .words
            .get(id)
            .unwrap_or_else(|| &self.more.words[id - self.base.words.len()])
    }
}

/// The most context words a repeated fact pools from its mentions.
const POOLED_CONTEXT: usize = 256;

/// One fact per thing a source states, however often it states it: the same
/// figure in the headline and the body, or "has died" and later "confirmed
/// the death" (claims: one per rule, polarity and modality). The first mention
/// keeps the span, the others are kept in `also`, and contexts are pooled.
#[derive(Default)]
struct Repeats {
    /// The facts so far, each first mention once, in the order met.
    out: Chunked<Option<(Fact, Ids)>>,
    /// Each fact's repeat key: where in `out` it is.
    seen: rustc_hash::FxHashMap<String, usize>,
    key: String,
    /// Figures and lengths of time the headline states under a rule that
    /// knows no topic ("gets 10 years"), by kind and value: where in `out`.
    headline_figures: rustc_hash::FxHashMap<String, usize>,
    /// Figures the headline states under a topic rule ("forces 6,000 to
    /// flee"), by kind and value: where in `out`.
    headline_topics: rustc_hash::FxHashMap<String, usize>,
}

impl Repeats {
    /// Take the facts of one sentence (or of the whole-source readers):
    /// in text order, restatements joined, then each merged into `out`.
    fn add_batch(&mut self, ctx: &Ctx, batch: &mut Vec<(Fact, Ids)>) {
        if batch.is_empty() {
            return;
        }
        // In text order; sorting indices rather than the facts moves each fact once.
        let mut order: Vec<usize> = (0..batch.len()).collect();
        order.sort_by_key(|&i| (batch[i].0.start, batch[i].0.end, batch[i].0.kind));
        // One reading per span: two readers may state the same thing at the
        // same words ("no deaths" as a denied noun and as a topic's noun);
        // the first reading stands.
        order.dedup_by(|later, first| {
            let (a, b) = (&batch[*later].0, &batch[*first].0);
            (a.start, a.end, a.kind, a.rule) == (b.start, b.end, b.kind, b.rule)
                && a.value == b.value
        });
        where_figures(ctx, batch, &order);
        let (facts, keep) = merge_restatements(ctx, std::mem::take(batch), order);
        let mut slots: Vec<Option<(Fact, Ids)>> = facts.into_iter().map(Some).collect();
        for i in keep {
            let f = slots[i].take().expect("each index once");
            self.add(ctx, f);
        }
        // The emptied buffer is reused for the next sentence.
        *batch = Vec::with_capacity(slots.capacity().min(64));
    }

    fn add(&mut self, ctx: &Ctx, (f, ids): (Fact, Ids)) {
        use std::fmt::Write;
        let rules = ctx.rules;
        let (out, seen, key) = (&mut self.out, &mut self.seen, &mut self.key);
        key.clear();
        // A count of "other" things ("three other workers were hurt") is a
        // group besides one told already: never a restatement of a count
        // without the word ("killed three workers"), whatever its value.
        if f.kind == Kind::Quantity
            && ctx.src.text[f.start..f.end]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("other"))
        {
            key.push_str("other|");
        }
        let _ = match &f.value {
            // Claims merge per rule, polarity and modality, but not across
            // sentences naming different years ("a 2011 flood that killed"):
            // those are other events.
            // Nor across what the verb acts on: "voted to approve the plan"
            // and "approved a new parking fee" are two claims.
            // (What the verb acts on tells claims of a predicate apart; a
            // topic rule's claim is one thing said, whatever the words
            // around it: "has died", "the first to die", "confirmed the loss".)
            Value::Claim {
                negated, modality, ..
            } => write!(
                key,
                "{}|{negated}|{:?}|{:?}|{}",
                f.block,
                modality,
                f.years,
                if rules.rules[f.rule].is_fallback() {
                    f.events.first().map_or("", |e| e.as_str())
                } else {
                    ""
                }
            ),
            Value::Name { .. } => Ok(()),
            // One day named twice ("the July 4 parade", "its Independence Day
            // premiere") is one fact, whatever word stands next to each mention.
            v @ Value::Date { .. } => write!(key, "{}|", f.block).and_then(|_| value_key(v, key)),
            // One score named twice ("Rovers stun Athletic 3-1" over "beat
            // Athletic 3-1 on Sunday") is one fact, whatever word stands next
            // to each mention.
            v @ Value::Quantity {
                second: Some(_), ..
            } => write!(key, "{}|score|", f.block).and_then(|_| value_key(v, key)),
            // A hedged figure is the figure it hedges ("at least 23" after
            // "23"): its range is the hedge's, not a range written out.
            Value::Quantity {
                value, low, high, ..
            } if f.hedge.is_some() && (low != value || high != value) => {
                let mut plain = f.value.clone();
                if let Value::Quantity { low, high, .. } = &mut plain {
                    (*low, *high) = (*value, *value);
                }
                write!(key, "{}|{}|", f.block, f.topic).and_then(|_| value_key(&plain, key))
            }
            // So is a hedged length of time ("about 40 hours" after "40 hours"),
            // and one length told in two units ("48 hours", "two days"): the
            // length it states, whatever the rounding of its unit; not a
            // range written out ("two to three days").
            Value::Duration { seconds, low, high }
                if f.hedge.is_some()
                    || ((low + high) / 2.0 - seconds).abs() <= 1e-9 * seconds.abs() =>
            {
                write!(key, "{}|{}|duration {seconds}", f.block, f.topic)
            }
            v => write!(key, "{}|{}|", f.block, f.topic).and_then(|_| value_key(v, key)),
        };
        // What the key says of a figure's value alone, past "block|topic|".
        let value_at = matches!(f.kind, Kind::Quantity | Kind::Duration)
            .then(|| key.split_once('|')?.1.split_once('|'))
            .flatten()
            .filter(|(topic, _)| *topic == &*f.topic)
            .map(|(_, value)| key.len() - value.len());
        if !key.is_empty() {
            if let Some(&i) = seen.get(key.as_str()) {
                let (first, context) = out[i].as_mut().expect("taken only when read");
                first.also.push((f.start, f.end));
                first.clock = first.clock.or(f.clock);
                // A day the report counted by ("15% contained by Tuesday")
                // and also tells an event of ("declared an emergency on
                // Tuesday") dates that event too: no longer only a count's.
                first.as_of &= f.as_of;
                first.forward &= f.forward;
                // A figure first met in the headline ("profit falls 18% as
                // demand cools") takes its event words from the body's first
                // sentence that states it ("net profit fell 18 percent"):
                // a headline's few words stand for a sentence's.
                if value_at.is_some() && first.headline && !f.headline && first.also.len() == 1 {
                    first.events = f.events.clone();
                }
                // (Its verb and what it acts on, where the clause tells a
                // verb first: "broke through the levee on Sunday".)
                if f.kind == Kind::Date {
                    for e in f.events.into_iter().take(2) {
                        if first.events.iter().take(2).all(|w| *w != e)
                            && !first.also_events.contains(&e)
                            && first.also_events.len() < MAX_ALSO_EVENTS
                        {
                            first.also_events.push(e);
                        }
                    }
                }
                word::merge(context, ids);
                // A fact stated in a thousand places ("on Friday" through a
                // long file) keeps its strongest context words only, so each
                // repeat costs the same, not more than the last.
                word::keep_strongest(context, POOLED_CONTEXT);
                return;
            }
            // A headline states the report's news in few words ("Ex-clerk
            // gets 10 years"), too few for a rule to know its topic; the
            // body states the same figure where a rule does ("sentenced to
            // 10 years in prison"). The headline's figure is that one: it
            // takes the body's topic, and the body's mention joins it.
            if let Some(at) = value_at {
                let fallback = rules.rules[f.rule].is_fallback();
                let by_value = format!("{:?}|{}", f.kind, &key[at..]);
                if f.headline && fallback {
                    self.headline_figures.entry(by_value).or_insert(out.len());
                } else if f.headline {
                    self.headline_topics.entry(by_value).or_insert(out.len());
                } else if fallback
                    && let Some(&i) = self.headline_topics.get(&by_value)
                    && out[i].as_ref().is_some_and(|(first, _)| {
                        restates_count(rules, first.head.as_deref(), f.head.as_deref())
                    })
                {
                    // And the other way: the headline's rule knows the topic
                    // ("forces 6,000 to flee") and the body tells the figure
                    // in words no rule knows ("about 6,000 residents were
                    // told to leave"): the body's mention joins the headline's.
                    seen.insert(key.clone(), i);
                    let (first, context) = out[i].as_mut().expect("taken only when read");
                    first.also.push((f.start, f.end));
                    word::merge(context, ids);
                    word::keep_strongest(context, POOLED_CONTEXT);
                    return;
                } else if !f.headline
                    && let Some(&i) = self.headline_figures.get(&by_value)
                    && (!fallback
                        // (Or the headline's figure counts nothing it
                        // names, "storm leaves 300,000 without power",
                        // and the body's does: "300,000 homes".)
                        || f.head.is_some()
                            && out[i].as_ref().is_some_and(|(first, _)| first.head.is_none())
                        // (Or both are lengths of time of one block, which
                        // count no noun: "heist took under seven minutes"
                        // over "a raid lasting less than seven minutes".)
                        || f.kind == Kind::Duration
                            && out[i].as_ref().is_some_and(|(first, _)| first.block == f.block))
                {
                    self.headline_figures.remove(&by_value);
                    seen.insert(key.clone(), i);
                    let (first, context) = out[i].as_mut().expect("taken only when read");
                    first.also.push((f.start, f.end));
                    first.rule = f.rule;
                    first.topic = f.topic;
                    first.block = f.block;
                    first.head = f.head;
                    first.events = f.events;
                    first.attribution = f.attribution;
                    word::merge(context, ids);
                    word::keep_strongest(context, POOLED_CONTEXT);
                    return;
                }
            }
            seen.insert(key.clone(), out.len());
        }
        out.push(Some((f, ids)));
    }
}

/// Whether a body figure counting `body` may restate a headline figure
/// counting `head`: the same noun or one of its kind, or people where the
/// headline names no noun ("forces 6,000 to flee" / "6,000 residents"; not
/// "12 villages" after "Quake kills 12").
fn restates_count(rules: &RuleSet, head: Option<&str>, body: Option<&str>) -> bool {
    let lex = &rules.lexicon;
    let people = |h: &str| lex.counts_people(h);
    match (head, body) {
        (Some(h), Some(b)) => h == b || lex.same_kind_of_thing(h, b) || people(h) && people(b),
        (None, Some(b)) => people(b),
        _ => false,
    }
}

/// How many other mentions' event words a date named again keeps: a day
/// named through a long file costs the same as one named a few times.
const MAX_ALSO_EVENTS: usize = 8;

/// A count in a phrase of place right after another figure ("sickened 162
/// people in 19 states", "rose to 168 in 20 states") tells where that
/// figure's event happened: it takes that figure's event words, not the
/// words its phrase happens to stand after.
fn where_figures(ctx: &Ctx, batch: &mut [(Fact, Ids)], order: &[usize]) {
    let text = &ctx.src.text;
    let plain = |f: &Fact| {
        f.kind == Kind::Quantity
            && matches!(
                f.value,
                Value::Quantity {
                    unit: None,
                    second: None,
                    ordinal: false,
                    ..
                }
            )
    };
    for pair in order.windows(2) {
        let (p, i) = (pair[0], pair[1]);
        let (before, f) = (&batch[p].0, &batch[i].0);
        if plain(before)
            && plain(f)
            && before.sentence == f.sentence
            && before.end <= f.start
            && text
                .get(before.end..f.start)
                .is_some_and(|gap| matches!(gap.trim(), "in" | "across"))
        {
            // (Less its own noun, which stands nearest the figure before.)
            let own = f.head.as_deref();
            let events = before
                .events
                .iter()
                .filter(|e| Some(e.as_str()) != own)
                .cloned()
                .collect();
            batch[i].0.events = events;
        }
    }
}

/// A figure restated in parentheses right after another of the same kind and
/// dimension ("about 50 miles (80 kilometres)", "8:45 p.m. local time
/// (12:45 p.m. EDT)") is the same fact: it joins the first as another
/// mention. A figure in another currency or unit stays a fact of its own.
fn merge_restatements(
    ctx: &Ctx,
    mut facts: Vec<(Fact, Ids)>,
    order: Vec<usize>,
) -> (Vec<(Fact, Ids)>, Vec<usize>) {
    let text = &ctx.src.text;
    let same_kind = |a: &Value, b: &Value| match (a, b) {
        (
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
        ) => ua.is_some() && ua == ub && sa.is_none() && sb.is_none() && oa == ob,
        (Value::Date { time: Some(_), .. }, Value::Date { time: Some(_), .. }) => true,
        _ => false,
    };
    let mut keep = Vec::with_capacity(order.len());
    // The last figure and the last time of day: a restatement may follow its
    // figure past another fact ("3:25 p.m. Friday (8:25 a.m. EST)").
    let class = |v: &Value| match v {
        Value::Quantity { .. } => Some(0),
        Value::Date { time: Some(_), .. } => Some(1),
        _ => None,
    };
    let mut last: [Option<usize>; 2] = [None, None];
    // Spans of the facts read since the last of each class, to see past them.
    let mut passed: Vec<(usize, usize)> = Vec::new();
    for &i in &order {
        let c = class(&facts[i].0.value);
        if let Some(p) = c.and_then(|c| last[c]) {
            let (a, b) = (&facts[p].0, &facts[i].0);
            let closes = || {
                text.get(b.end..)
                    .is_some_and(|t| t.trim_start().starts_with(')'))
            };
            if a.kind == b.kind
                && a.sentence == b.sentence
                && same_kind(&a.value, &b.value)
                && closes()
                && only_an_open_bracket(text, a.end..b.start, &passed)
            {
                let span = (b.start, b.end);
                facts[p].0.also.push(span);
                continue;
            }
        }
        if let Some(c) = c {
            last[c] = Some(i);
            passed.clear();
        } else if facts[i].0.kind != Kind::Name && facts[i].0.kind != Kind::Claim {
            // Any other fact ends a figure's run, as before, unless it is the
            // only thing between a time and its restatement.
            if facts[i].0.kind == Kind::Date {
                passed.push((facts[i].0.start, facts[i].0.end));
            } else {
                last = [None, None];
            }
        }
        keep.push(i);
    }
    (facts, keep)
}

/// Whether the text of `range`, without the spans of `skip` inside it (facts
/// passed over), is an opening bracket and white space only.
fn only_an_open_bracket(
    text: &str,
    range: std::ops::Range<usize>,
    skip: &[(usize, usize)],
) -> bool {
    let mut at = range.start;
    let mut brackets = 0;
    let mut pieces = skip
        .iter()
        .filter(|&&(s, e)| range.start <= s && e <= range.end)
        .map(|&(s, e)| (s, e))
        .chain(std::iter::once((range.end, range.end)));
    pieces.all(|(s, e)| {
        let piece = text.get(at..s).unwrap_or("x").trim();
        at = e;
        match piece {
            "" => true,
            "(" => {
                brackets += 1;
                brackets == 1
            }
            _ => false,
        }
    }) && brackets == 1
}

/// A value written compactly and exactly for `merge_repeats` keys: figures
/// by their bits (equal keys, equal values), dates by their fields.
fn value_key(v: &Value, key: &mut String) -> std::fmt::Result {
    registry::of(v.kind()).repeat_key(v, key)
}

/// Who a sentence attributes what it says to: the words before an
/// attribution verb ("state officials said"), the name after it ("said Dr.
/// Ana Ruiz"), or the words after "according to".
fn attribution(ctx: &Ctx, s: &Sentence) -> Option<String> {
    let toks = &ctx.seg.tokens;
    let range = s.tokens.clone();
    let is_word = |k: usize| toks[k].kind == TokKind::Word;
    for i in range.clone() {
        if !ctx.has(i, flag::ATTRIBUTION) {
            continue;
        }
        let words: Vec<usize> = if toks[i].lower == "according" {
            let from = if toks.get(i + 1).is_some_and(|t| t.lower == "to") {
                i + 2
            } else {
                i + 1
            };
            (from..range.end)
                .take_while(|&k| is_word(k))
                .filter(|&k| !ctx.lex.def.names.articles.contains(toks[k].lower.as_str()))
                .take(5)
                .collect()
        } else {
            let mut before: Vec<usize> = (range.start..i)
                .rev()
                .take_while(|&k| is_word(k) && !ctx.has(k, flag::STOP))
                .take(4)
                .collect();
            before.reverse();
            if before.is_empty() {
                (i + 1..range.end)
                    .take_while(|&k| {
                        ctx.is_capitalized(&toks[k]) || toks[k].lower == "." && toks[k].glued
                    })
                    .take(5)
                    .collect()
            } else {
                before
            }
        };
        if !words.is_empty() {
            let (a, b) = (toks[words[0]].start(), toks[*words.last().unwrap()].end());
            return Some(ctx.src.text[a..b].to_string());
        }
    }
    None
}

/// Add a lemma number to a context kept sorted by number; one already there keeps its larger weight.
fn add_context(context: &mut Ids, word: u32, weight: f32) {
    match context.binary_search_by(|(w, _)| w.cmp(&word)) {
        Ok(i) => context[i].1 = context[i].1.max(weight),
        Err(i) => context.insert(i, (word, weight)),
    }
}

/// What `finish` works out once per sentence, for every fact in it.
struct SentenceMemo {
    /// The context of the whole sentence (for claims in its paragraph).
    contexts: Vec<Option<Ids>>,
    /// Which rules' patterns match the sentence.
    patterns: Vec<Option<Vec<bool>>>,
    /// The years the sentence names.
    years: Vec<Option<SentenceYears>>,
}

impl SentenceMemo {
    fn new(seg: &Segmented) -> SentenceMemo {
        let n = seg.sentences.len();
        SentenceMemo {
            contexts: vec![None; n],
            patterns: vec![None; n],
            years: vec![None; n],
        }
    }
}

/// The years a sentence names, read once per sentence however many facts it holds.
#[derive(Clone)]
struct SentenceYears {
    /// Every explicit year (see `Fact::years`), with the aside it is told
    /// in, if any (see [`parenthetical`]).
    years: Vec<(i16, Option<(usize, usize)>)>,
    /// The token of the first earlier year named as an event of its own ("a
    /// 2015 storm that killed 12", "the flood in 1996, which destroyed …",
    /// "the drought of 2011");
    /// not a month's year ("in March 2029") nor a start ("since 2019"),
    /// unless a clause tells what happened then ("since 2019, when …").
    /// Facts after it are background (`Fact::past`). `usize::MAX` if none, or
    /// when the report's date is unknown.
    earlier_event: usize,
    /// Where an aside set off by commas around that year closes ("The
    /// ferry, built in 1998, sank in 40 metres of water"): facts past it are
    /// the sentence's news again. `usize::MAX` if the year is in no aside.
    aside_end: usize,
}

/// Whether the token at `at` follows an earlier figure a change is told
/// from ("up from 41 a week ago", "from €2.9bn a year ago", "with 380 the
/// day before"): the time after it is when that figure stood, which each
/// report chooses for itself, and no event of the sentence.
pub(super) fn after_earlier_figure(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let numbers = &ctx.lex.def.numbers;
    // (The figure may end in a scale or a currency: "from €2.9bn", "from
    // 3.1 million", "from 40 euros".)
    let Some(figure) = (s.tokens.start..at)
        .rev()
        .take(3)
        .find(|&k| toks[k].kind == TokKind::Number)
        .filter(|&k| {
            (k + 1..at).all(|q| {
                let w = toks[q].lower.as_str();
                numbers.scales.contains_key(w) || numbers.currencies.contains_key(w)
            })
        })
    else {
        return false;
    };
    // (A currency sign may stand before it: "from €2.9bn".)
    let first = if figure > s.tokens.start
        && numbers
            .currencies
            .contains_key(toks[figure - 1].lower.as_str())
    {
        figure - 1
    } else {
        figure
    };
    first > s.tokens.start && matches!(toks[first - 1].lower.as_str(), "from" | "with" | "against")
}

fn sentence_years(ctx: &Ctx, s: &Sentence) -> SentenceYears {
    let all = &ctx.seg.tokens;
    // "Last year" names the year before the report's, as its number would.
    let last_year = |k: usize| {
        (all[k].lower == "last" && all.get(k + 1).is_some_and(|t| t.lower == "year"))
            .then(|| ctx.published().map(|p| p.year() - 1))
            .flatten()
    };
    // "Two years ago" too: the year that many before the report's.
    let years_ago = |k: usize| {
        let n = match all[k].kind {
            TokKind::Number => all[k].lower.parse::<i16>().ok(),
            _ => ctx.lex.number_word(&all[k].lower).map(|n| n as i16),
        }?;
        (all.get(k + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "years" | "year"))
            && all.get(k + 2).is_some_and(|t| t.lower == "ago")
            && (1..100).contains(&n))
        .then(|| ctx.published().map(|p| p.year() - n))
        .flatten()
    };
    // (Not when an earlier figure stood: "up from €2.9bn a year ago".)
    let last_year = |k: usize| {
        last_year(k)
            .or_else(|| years_ago(k))
            .filter(|_| !after_earlier_figure(ctx, s, k))
    };
    let year = |k: usize| year_of(&all[k]).or_else(|| last_year(k));
    let years = s
        .tokens
        .clone()
        .filter_map(|k| Some((year(k)?, parenthetical(ctx, s, k))))
        .collect();
    let earlier_event = ctx
        .published()
        .and_then(|p| {
            // (Last year is no earlier year in the first quarter of this one:
            // "revenue for the final quarter of 2028" is the news of a report
            // written in January 2029, as results for a year are.)
            let recent = |y: i16| y + 1 == p.year() && p.month() <= 3;
            (s.tokens.start..s.tokens.end).find(|&k| {
                year(k).is_some_and(|y| y < p.year() && !recent(y))
                    && (last_year(k).is_some()
                        || k > 0 && matches!(all[k - 1].lower.as_str(), "in" | "a" | "an" | "the")
                        // "the flood of 1996": a thing of that year, but not
                        // a month's year ("March of 2019").
                        || k >= 2
                            && all[k - 1].lower == "of"
                            && !ctx.lex.def.dates.months.contains_key(all[k - 2].lower.as_str())
                        // "since 2019, when 31 people died": the clause
                        // after the year tells what happened then.
                        || all.get(k + 1).is_some_and(|t| t.lower == ",")
                            && all.get(k + 2).is_some_and(|t| t.lower == "when"))
            })
        })
        .unwrap_or(usize::MAX);
    let aside_end = if earlier_event == usize::MAX {
        usize::MAX
    } else {
        parenthetical_end(ctx, s, earlier_event).unwrap_or(usize::MAX)
    };
    SentenceYears {
        years,
        earlier_event,
        aside_end,
    }
}

/// The closing comma of a short aside set off by commas that token `k` lies
/// in, opened by a relative word, a past form or a word in "-ing" ("The
/// ferry, built in 1998, sank", "Ortiz, who joined the board in 2009,
/// said"): what the aside tells is told in passing.
fn parenthetical_end(ctx: &Ctx, s: &Sentence, k: usize) -> Option<usize> {
    parenthetical(ctx, s, k).map(|(_, end)| end)
}

/// [`parenthetical_end`] with where the aside opens: its opening comma, or
/// the sentence's first token.
fn parenthetical(ctx: &Ctx, s: &Sentence, k: usize) -> Option<(usize, usize)> {
    const MAX_ASIDE: usize = 12;
    let toks = &ctx.seg.tokens;
    let open = (s.tokens.start..k)
        .rev()
        .take(MAX_ASIDE)
        .find(|&q| ctx.has(q, flag::CLAUSE_PUNCT));
    let from = match open {
        Some(open) if toks[open].lower == "," && open > s.tokens.start => {
            let opener = toks.get(open + 1)?;
            if !(opens_aside(Some(opener)) || ctx.lex.is_past_form(opener.lower.as_str())) {
                return None;
            }
            open
        }
        // Or a phrase opening the sentence with a past form, up to its comma:
        // "Founded in 1994, the firm has 900 staff" tells the firm in passing.
        None if k - s.tokens.start < MAX_ASIDE
            && ctx.lex.is_past_form(toks[s.tokens.start].lower.as_str()) =>
        {
            s.tokens.start
        }
        _ => return None,
    };
    (k + 1..s.tokens.end)
        .take(MAX_ASIDE)
        .find(|&q| ctx.has(q, flag::CLAUSE_PUNCT))
        .filter(|&q| toks[q].lower == ",")
        .map(|end| (from, end))
}

/// Choose the rule for a candidate and build the fact.
fn finish(
    ctx: &Ctx,
    c: Candidate,
    memo: &mut SentenceMemo,
    vocab: &mut Vocab,
) -> Option<(Fact, Ids)> {
    let s = &ctx.seg.sentences[c.sentence];
    // A dateline's date is the day the report was filed, not a fact it
    // reports: two reports filed on different days do not disagree.
    if c.kind == Kind::Date && (in_dateline(ctx, s, &c.toks) || stamp_line(ctx, s, &c.toks)) {
        return None;
    }
    // (Read before a length becomes the year it tells.)
    let last_such = tells_last_such(ctx, s, &c);
    let c = if c.kind == Kind::Duration && last_such {
        as_year_of_last_such(ctx, c)
    } else {
        c
    };
    let unit = match &c.value {
        Value::Quantity { unit, .. } => unit.clone(),
        _ => None,
    };
    let (ri, rule) = select_rule(ctx, &c, s, &mut memo.patterns[c.sentence], unit.as_deref())?;
    let (start, end) = c.bytes.unwrap_or((
        ctx.seg.tokens[c.toks.start].start(),
        ctx.seg.tokens[c.toks.end - 1].end(),
    ));
    // Topics are for people: show the word as written, not its stem (for
    // a date, the word it dates, past a phrase of place).
    let head_display = match &c.head {
        Some(h) => c.label.clone().unwrap_or_else(|| h.clone()),
        _ => nearby_words(ctx, s, &c.toks, 1, Near::of(c.kind))
            .into_iter()
            .next()
            .map(|(_, i)| ctx.seg.tokens[i].lower.to_string())
            .or_else(|| c.head.clone())
            .unwrap_or_default(),
    };
    let topic = if rule.topic.contains("{noun}") {
        let noun = match (&unit, &c.head) {
            (Some(u), Some(_)) if !is_currency(u) => {
                format!("{} ({u})", c.label.clone().unwrap_or_default())
            }
            // A sum of money in a role of its own: "earlier USD", "USD among them".
            (Some(u), Some(_)) if c.label.as_deref().is_some_and(|l| l.contains("figure")) => {
                c.label.as_deref().unwrap_or_default().replace("figure", u)
            }
            (Some(u), _) => u.clone(),
            (None, Some(h)) => c.label.clone().unwrap_or_else(|| h.clone()),
            // Nothing counted: the nearest word as written ("figure (votes)",
            // never a stem), and a score or tally ("7-2") called what it is.
            (None, None) => {
                let what = if matches!(
                    c.value,
                    Value::Quantity {
                        second: Some(_),
                        ..
                    }
                ) {
                    "score"
                } else {
                    "figure"
                };
                if head_display.is_empty() {
                    what.to_string()
                } else {
                    format!("{what} ({head_display})")
                }
            }
        };
        rule.topic.replace("{noun}", &noun)
    } else {
        rule.topic.replace("{event}", &head_display)
    };
    // A date right beside "said" tells when something was said (read once, used twice).
    let said = c.kind == Kind::Date && said_near(ctx, s, &c.toks);
    // One right beside a verb of change ("the toll rose to 19 on Wednesday")
    // dates a figure's change, not the event the figure counts.
    let changed = c.kind == Kind::Date && !said && changed_near(ctx, s, &c.toks);
    // Facts align only within a block: the rule, and for fallback quantity
    // rules the counted thing too, so "five ferries" never meets "five buses".
    let mut background_date = false;
    let block = match c.kind {
        Kind::Claim if rule.is_fallback() => {
            format!("{}/{}", rule.id, c.head.as_deref().unwrap_or(""))
        }
        Kind::Date if c.head.as_deref() == Some("time of day") => format!("{}/time", rule.id),
        // "said Friday", "the union said earlier this week": when something
        // was said, a slot of its own beside the dates of events.
        Kind::Date if said => format!("{}/said", rule.id),
        // "rose to 19 on Wednesday", "the river rose on Monday": when a
        // figure changed, a slot of its own beside the dates of events.
        Kind::Date if changed => format!("{}/change", rule.id),
        // A date well before the report ("a flood in May of last
        // year") is background, not the news it reports: a slot of its own.
        // "its largest deal in a decade", "the first time in 15 years": the
        // time since the last such thing, not how long something lasted.
        Kind::Duration if after_superlative(ctx, s, c.toks.start, "in") => {
            format!("{}/since", rule.id)
        }
        // So is the date of the last such thing: "the highest turnout
        // since 2009" dates no event of the report.
        Kind::Date if last_such => {
            format!("{}/since", rule.id)
        }
        // "with six minutes left", "with two days to go": a countdown to
        // an end, not how long something lasted or when it came.
        Kind::Duration if counts_down(ctx, s, c.toks.end) => format!("{}/left", rule.id),
        Kind::Date if is_background(&c.value, ctx.published()) => {
            background_date = true;
            format!("{}/past", rule.id)
        }
        _ => rule.id.to_string(),
    };
    let mut context = context_words(ctx, s, &c.toks);
    // Claims are short; their paragraph says what they are about.
    if c.kind == Kind::Claim {
        // Neighbouring sentences of the same paragraph (two either side: bounded work).
        let near = c.sentence.saturating_sub(2)..(c.sentence + 3).min(ctx.seg.sentences.len());
        for (k, other) in ctx.seg.sentences[near.clone()]
            .iter()
            .enumerate()
            .map(|(k, o)| (k + near.start, o))
        {
            if k == c.sentence || other.paragraph != s.paragraph {
                continue;
            }
            let words = memo.contexts[k].get_or_insert_with(|| context_words(ctx, other, &(0..0)));
            word::merge(
                &mut context,
                words.iter().map(|&(w, x)| (w, x.min(0.35))).collect(),
            );
        }
    }
    // The head ("files", "trial") sits inside the span but says what the fact is
    // about; under a topic rule heads may differ ("people" / "dead") and say nothing more.
    if let Some(h) = c
        .head
        .as_ref()
        .filter(|_| registry::of(c.kind).head_in_context(rule.is_fallback()))
    {
        add_context(&mut context, vocab.id(Word::from(h.as_str())), 1.0);
        // A counted noun also stands for the nouns of its kind ("physicians" for
        // "doctors"), at a lower weight, so two reports that name one thing
        // with two such nouns share a word.
        if c.kind == Kind::Quantity {
            for k in ctx.lex.kinds_of_thing(h) {
                add_context(&mut context, vocab.id(Word::from(k)), KIND_WEIGHT);
            }
        }
    }
    // The word that governs a date says what part of its event it dates:
    // "since Tuesday" and "since April 14" both date the start of a state
    // that lasts, "by October" a deadline, "(from noon) to 5 p.m." the end
    // of a stretch, whatever else their sentences say.
    // ("by the end of June": past words for a part of the period.)
    let role = (c.kind == Kind::Date)
        .then(|| {
            (s.tokens.start..c.toks.start)
                .rev()
                .take(5)
                .map(|k| ctx.seg.tokens[k].lower.as_str())
                .find(|w| !DATE_PARTS.contains(w))
                .filter(|w| DATE_ROLES.contains(w))
        })
        .flatten();
    if let Some(role) = role {
        add_context(
            &mut context,
            vocab.id(Word::from(format!("date:{role}"))),
            1.0,
        );
    }
    // A share's change is told over a stretch: "rose 0.3 percent from
    // March" is a month's, "4.2 percent from a year earlier" or "grew 4.2%
    // over the year" a year's. Two changes told over two stretches are two
    // things (see `align`); the mark weighs next to nothing in the context,
    // as a report often leaves the stretch unsaid ("rent fell 1.3 percent").
    if let Some(frame) = percent_frame(ctx, s, &c) {
        add_context(&mut context, vocab.id(Word::from(frame)), FRAME_WEIGHT);
    }
    // Under a topic rule, its own vocabulary ("dead", "killed", "toll") is one
    // word for the topic: two facts that each use some of it share it.
    if !rule.is_fallback() {
        let (marked, rest): (Vec<_>, Vec<_>) = context
            .into_iter()
            .partition(|&(w, _)| ctx.rules.in_vocabulary(ri, vocab.word(w)));
        context = rest;
        // With none of it near, the fact's own word may be the topic's ("37
        // missing"): weighed as a word beside it.
        let own = c
            .head
            .as_deref()
            .filter(|h| marked.is_empty() && ctx.rules.in_vocabulary(ri, h))
            .map(|_| 0.5);
        if let Some(weight) = marked.iter().map(|(_, x)| *x).chain(own).reduce(f32::max) {
            add_context(
                &mut context,
                vocab.id(Word::from(format!("topic:{}", rule.id))),
                weight,
            );
        }
    }
    let years = memo.years[c.sentence].get_or_insert_with(|| sentence_years(ctx, s));
    let past = background_date
        || c.kind != Kind::Date
            && years.earlier_event < c.toks.start
            && years.aside_end >= c.toks.start;
    // A year told in an aside the fact is not in is the aside's, not the
    // fact's: "Baywell, founded in 1962, sells in 40 countries" counts
    // countries of no year.
    let years: Vec<i16> = years
        .years
        .iter()
        .filter(|(_, aside)| aside.is_none_or(|(lo, hi)| (lo..=hi).contains(&c.toks.start)))
        .map(|&(y, _)| y)
        .collect();
    let news_day = c.relative
        && matches!((&c.value, ctx.published()), (Value::Date { start, end, .. }, Some(p)) if (*start <= p && p <= *end) || p.yesterday().is_ok_and(|y| *start <= y && y <= *end));
    let derived = c.label.as_deref() == Some(quantity::SUM_LABEL);
    let aside = c.kind == Kind::Quantity
        && parenthetical_end(ctx, s, c.toks.start).is_some()
        && (s.tokens.start..c.toks.start)
            .rev()
            .find(|&q| ctx.has(q, flag::CLAUSE_PUNCT))
            .and_then(|q| ctx.seg.tokens.get(q + 1))
            .is_some_and(|t| matches!(t.lower.as_str(), "which" | "who" | "whose"));
    // A claim told of someone in a relative clause ("an engineer who used
    // the handle") is said in passing, as a figure in an aside is.
    let aside = aside
        || c.kind == Kind::Claim
            && c.toks.start > s.tokens.start
            && matches!(
                ctx.seg.tokens[c.toks.start - 1].lower.as_str(),
                "who" | "which" | "whose"
            );
    let base = c.kind == Kind::Quantity && base_of_share(ctx, s, c.toks.start);
    // Whom a figure, or a claim under the fallback rule, is said of.
    let about = if c.kind == Kind::Age {
        aged_name(ctx, s, &c.toks)
    } else {
        (c.kind == Kind::Quantity || c.kind == Kind::Claim && rule.is_fallback())
            .then(|| named_before(ctx, s, c.sentence, c.toks.start))
            .flatten()
    };
    let unknown_matter = c.kind == Kind::Claim && c.head.as_deref() == Some(claim::KNOWING);
    let fact = Fact {
        derived,
        summed: false,
        aside,
        base,
        about,
        named: if c.kind == Kind::Quantity {
            names_in(ctx, s, c.sentence)
        } else {
            ThinVec::new()
        },
        actors: if c.kind == Kind::Claim {
            actors_before(ctx, s, c.sentence, c.toks.start)
        } else {
            ThinVec::new()
        },
        agent: c.kind == Kind::Claim && agent_before(ctx, s, c.sentence, c.toks.start),
        past,
        kind: c.kind,
        source: ctx.source,
        start,
        end,
        sentence: ctx.first_sentence + c.sentence,
        head: c.head.map(|h| vocab.strings.get(&h)),
        hedge: c.hedge.map(|h| vocab.strings.get(&h)),
        modality: c.modality,
        rule: ri,
        topic: vocab.strings.get(&topic),
        block: vocab.strings.get(&block),
        context: Vec::new(),
        years: years.into(),
        headline: c.sentence == 0 && ctx.first_sentence == 0 && is_headline(ctx),
        peg: news_day && said,
        as_of: news_day
            && role == Some("by")
            && c.modality == Modality::Asserted
            && counts_in(ctx, s, &c.toks),
        news_day,
        forward: matches!(c.kind, Kind::Quantity | Kind::Duration | Kind::Age)
            && date::figure_looks_forward(ctx, s, c.toks.start),
        published: ctx.published(),
        attribution: ctx.attributions[c.sentence]
            .as_deref()
            .map(|a| vocab.strings.get(a)),
        events: c
            .events
            .iter()
            // (What is said not to be known is a whole question, kept whole.)
            .take(if unknown_matter {
                claim::MAX_UNKNOWN_MATTER
            } else if c.kind == Kind::Claim {
                3
            } else {
                EVENT_WORDS
            })
            .cloned()
            .collect(),
        value: c.value,
        also: ThinVec::new(),
        also_events: ThinVec::new(),
        clock: c.clock.map(|k| ctx.seg.tokens[k].start()),
    };
    Some((fact, context))
}

/// Whether the figure at token `at` is the total a share is taken of: "12
/// percent of the company's 40,000 customers", "a third of its 900
/// staff". What the report tells is the share; the other report's "5,000
/// of its customers" counts those the share counts, not the total.
fn base_of_share(ctx: &Ctx, s: &Sentence, at: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let Some(of) = (s.tokens.start.max(at.saturating_sub(4))..at)
        .rev()
        .take_while(|&q| {
            toks[q].kind == TokKind::Word && !ctx.has(q, flag::CLAUSE_BREAK)
                || matches!(toks[q].lower.as_str(), "'s" | "\u{2019}s")
        })
        .find(|&q| toks[q].lower == "of")
    else {
        return false;
    };
    of > s.tokens.start
        && (matches!(toks[of - 1].lower.as_str(), "percent" | "cent" | "%")
            || ctx
                .lex
                .def
                .numbers
                .fractions
                .contains_key(toks[of - 1].lower.as_str()))
}

/// How many days before its report a date may be and still be part of the
/// news the report tells; earlier dates are background.
pub const NEWS_WINDOW_DAYS: i64 = 60;

/// Whether a date lies wholly before the news window of a report published
/// on `published` (see [`NEWS_WINDOW_DAYS`]). Unknown years and undated
/// reports have no background.
/// Whether the source's first sentence is a headline: the whole first
/// paragraph, ending in no full stop, question or exclamation mark.
fn is_headline(ctx: &Ctx) -> bool {
    let sentences = &ctx.seg.sentences;
    let Some(first) = sentences.first() else {
        return false;
    };
    let alone = sentences
        .get(1)
        .is_none_or(|n| n.paragraph != first.paragraph);
    let text = ctx
        .src
        .text
        .get(first.start..first.end)
        .unwrap_or("")
        .trim_end();
    alone && !text.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

fn is_background(v: &Value, published: Option<Date>) -> bool {
    let (
        Value::Date {
            end,
            year_known: true,
            time: None,
            ..
        },
        Some(p),
    ) = (v, published)
    else {
        return false;
    };
    *end != Date::MAX
        && p.checked_sub(jiff::Span::new().days(NEWS_WINDOW_DAYS))
            .is_ok_and(|from| *end < from)
}

/// The longest aside between commas [`named_before`] looks through, in tokens.
const MAX_APPOSITION: usize = 6;

/// The key of the name nearest before token `i` in its clause: a word
/// capitalised inside the sentence (or one the source capitalises there
/// elsewhere), not a title, a date's word or a function word, and not the
/// speaker of an attribution verb right after it ("Acme said", "Acme's
/// chief said"), looking through a short aside between commas.
fn named_before(ctx: &Ctx, s: &Sentence, si: usize, i: usize) -> Option<u64> {
    let mut out = None;
    names_before(ctx, s, si, i, |first, _| {
        out = Some(word::name_key(&ctx.seg.tokens[first].lower));
        true
    });
    out
}

/// The keys of the words of every name before token `i` in its clause, as
/// [`named_before`] walks to them: who did what a claim tells ("Tarn Foods
/// of Dunmore recalled …" is Tarn Foods' and Dunmore's), past speakers
/// and names that qualify a noun.
fn actors_before(ctx: &Ctx, s: &Sentence, si: usize, i: usize) -> ThinVec<u64> {
    let mut out = ThinVec::new();
    let toks = &ctx.seg.tokens;
    names_before(ctx, s, si, i, |first, last| {
        // A name that qualifies a noun ("Vell County officials", "a Dunmore
        // farm") tells whose the noun is, not who acted.
        let qualifies = toks.get(last + 1).is_some_and(|t| {
            t.kind == TokKind::Word && !ctx.is_capitalized(t) && !ctx.has(last + 1, flag::STOP)
        });
        if qualifies {
            return false;
        }
        for t in &toks[first..=last] {
            let key = word::name_key(&t.lower);
            if !out.contains(&key) {
                out.push(key);
            }
        }
        false
    });
    out
}

/// Whether a word before token `i` in its clause, not a function word,
/// may tell who acts: "police did not …", not "so no …".
fn agent_before(ctx: &Ctx, s: &Sentence, si: usize, i: usize) -> bool {
    let start = after_dateline(ctx, si).unwrap_or(s.tokens.start);
    (start..i)
        .rev()
        .take_while(|&k| !ctx.has(k, flag::CLAUSE_BREAK))
        .any(|k| ctx.seg.tokens[k].kind == TokKind::Word && !ctx.has(k, flag::STOP))
}

/// Walk back from token `i` through its clause (looking through a short
/// aside between commas), calling `found(first, last)` with the tokens of
/// each name met that is not a speaker's, nearest first, until it says stop.
fn names_before(
    ctx: &Ctx,
    s: &Sentence,
    si: usize,
    i: usize,
    mut found: impl FnMut(usize, usize) -> bool,
) {
    let toks = &ctx.seg.tokens;
    let start = after_dateline(ctx, si).unwrap_or(s.tokens.start);
    let mut k = i;
    // A short aside between commas ("Lena Marsh, an independent, received",
    // "A third candidate, Lena Marsh, won") does not end the clause.
    let mut aside_opens: Option<usize> = None;
    while k > start {
        k -= 1;
        if ctx.has(k, flag::CLAUSE_BREAK) {
            if aside_opens == Some(k) {
                continue;
            }
            let opens = (k.saturating_sub(MAX_APPOSITION + 1).max(start)..k)
                .rev()
                .find(|&q| ctx.has(q, flag::CLAUSE_BREAK))
                .filter(|&q| toks[q].lower == "," && q + 1 < k);
            if aside_opens.is_none() && toks[k].lower == "," && opens.is_some() {
                aside_opens = opens;
                continue;
            }
            return;
        }
        if !name_word(ctx, k, k > start) {
            continue;
        }
        // The speaker: an attribution verb within two words after the name.
        let speaks = (k + 1..(k + 4).min(i)).any(|j| ctx.has(j, flag::ATTRIBUTION));
        if speaks {
            continue;
        }
        // (The first word of the name: "Stoa Labs" and "Stoa" are one.)
        let mut first = k;
        while first > start
            && toks[first - 1].kind == TokKind::Word
            && ctx.is_capitalized(&toks[first - 1])
            && !ctx.has(first - 1, flag::NOT_NAME)
            && !ctx.has(first - 1, flag::TITLE)
        {
            first -= 1;
        }
        if found(first, k) {
            return;
        }
        k = first;
    }
}

/// The keys of the words of names sentence `s` (number `si`) states,
/// past its dateline, each once: whom it tells of, whichever name stands
/// nearest a figure ("Norvik backed Lena Vask by 58%" tells of both).
fn names_in(ctx: &Ctx, s: &Sentence, si: usize) -> ThinVec<u64> {
    let start = after_dateline(ctx, si).unwrap_or(s.tokens.start);
    let mut out = ThinVec::new();
    for k in start..s.tokens.end {
        if name_word(ctx, k, k > start) {
            let key = word::name_key(&ctx.seg.tokens[k].lower);
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

/// Whether token `k` may be a word of a name: capitalised, and no title,
/// date or function word. A sentence's opening word only when `placed`
/// says where it stands is enough, or the text capitalises it mid-sentence.
fn name_word(ctx: &Ctx, k: usize, placed: bool) -> bool {
    let t = &ctx.seg.tokens[k];
    t.kind == TokKind::Word
        && ctx.is_capitalized(t)
        && (placed || ctx.has(k, flag::MIDSENTENCE_CAP))
        && !ctx.has(k, flag::NOT_NAME)
        && !ctx.has(k, flag::TITLE)
        && !ctx.has(k, flag::DATE)
        && !ctx.has(k, flag::STOP)
}

/// Whose age an age is, when a name stands right beside it: "Ines Marek,
/// 41,", "Ines Marek (41)", "the 41-year-old Ines Marek". The key of the
/// name's last word: a person is told by the surname ("Ms Marek, 41").
fn aged_name(ctx: &Ctx, s: &Sentence, at: &std::ops::Range<usize>) -> Option<u64> {
    let toks = &ctx.seg.tokens;
    // (A sentence's first word is a name when the text writes it so
    // elsewhere, or it is no common word: "Okafor, 52, said".)
    let named = |k: usize| {
        s.tokens.contains(&k)
            && name_word(
                ctx,
                k,
                k > s.tokens.start || !ctx.lex.is_common_word(&toks[k].lower),
            )
    };
    let key = |k: usize| word::name_key(&toks[k].lower);
    // Before: the name, then a comma or an open bracket ("Ines Marek,
    // 41,"), or an appositive's article ("Marek, a 41-year-old nurse").
    let mut k = at.start;
    if k > s.tokens.start + 2 && matches!(toks[k - 1].lower.as_str(), "a" | "an" | "the") {
        k -= 1;
    }
    if k >= s.tokens.start + 2
        && (matches!(toks[k - 1].lower.as_str(), "," | "(")
            && (k == at.start || toks[k - 1].lower == ","))
        && named(k - 2)
    {
        return Some(key(k - 2));
    }
    // After: "41-year-old Ines Marek", to the name's last word.
    let mut k = at.end;
    if named(k) {
        while named(k + 1) {
            k += 1;
        }
        return Some(key(k));
    }
    None
}

/// Whether the words after a duration say it is what remains: "left",
/// "remaining", "to go", "to play".
fn counts_down(ctx: &Ctx, s: &Sentence, end: usize) -> bool {
    let word = |k: usize| (k < s.tokens.end).then(|| ctx.seg.tokens[k].lower.as_str());
    match word(end) {
        Some("left" | "remaining") => true,
        Some("to") => matches!(word(end + 1), Some("go" | "play")),
        _ => false,
    }
}

/// Whether a span follows "in" (a length of time) or "since" (a date)
/// after a superlative or "first" in its clause ("the largest acquisition
/// in a decade", "for the first time in 15 years", "the highest turnout
/// since 2009"), an article between them or not: "the largest fire since
/// the 2009 blaze".
fn after_superlative(ctx: &Ctx, s: &Sentence, start: usize, word: &str) -> bool {
    let toks = &ctx.seg.tokens;
    let article = |k: usize| ctx.lex.def.names.articles.contains(toks[k].lower.as_str());
    let start = if start > s.tokens.start + 1 && article(start - 1) {
        start - 1
    } else {
        start
    };
    let Some(k) = start
        .checked_sub(1)
        .filter(|&k| k > s.tokens.start && toks[k].lower == word)
    else {
        return false;
    };
    (s.tokens.start.max(k.saturating_sub(8))..k)
        .rev()
        .take_while(|&j| !ctx.has(j, flag::CLAUSE_BREAK))
        .any(|j| toks[j].kind == TokKind::Word && is_superlative(ctx, toks[j].lower.as_str()))
}

/// The marks a share's change carries in its context for the stretch it
/// is told over ([`percent_frame`]).
pub const FRAMES: [&str; 4] = ["frame:year", "frame:month", "frame:quarter", "frame:week"];

/// How much a stretch's mark weighs among context words: enough to be
/// found, too little to move a score.
const FRAME_WEIGHT: f32 = 0.02;

/// The stretch a share's change is told over, from the words after it in
/// its clause: "year" ("from a year earlier", "over the year", "annual"),
/// "month" ("from March", "on the month"), "quarter" or "week".
fn percent_frame(ctx: &Ctx, s: &Sentence, c: &Candidate) -> Option<&'static str> {
    let percent = matches!(&c.value, Value::Quantity { unit: Some(u), .. } if u == "percent");
    if c.kind != Kind::Quantity || !percent {
        return None;
    }
    let toks = &ctx.seg.tokens;
    (c.toks.end..s.tokens.end)
        .take(6)
        .take_while(|&k| !ctx.has(k, flag::CLAUSE_BREAK) && toks[k].kind != TokKind::Number)
        .find_map(|k| match toks[k].lower.as_str() {
            "year" | "years" | "annual" | "annually" | "yearly" => Some(FRAMES[0]),
            "month" | "months" | "monthly" => Some(FRAMES[1]),
            "quarter" | "quarters" | "quarterly" => Some(FRAMES[2]),
            "week" | "weeks" | "weekly" => Some(FRAMES[3]),
            w if ctx.lex.def.dates.months.contains_key(w) && toks[k - 1].lower == "from" => {
                Some(FRAMES[1])
            }
            _ => None,
        })
}

/// Whether a span tells when the last such thing was: a date after "since"
/// past a superlative ("the highest turnout since 2009"); a length after "in" past
/// a superlative ("the first strike in 11 years") or before "low" or
/// "high" ("a 24-year low").
fn tells_last_such(ctx: &Ctx, s: &Sentence, c: &Candidate) -> bool {
    let toks = &ctx.seg.tokens;
    let start = c.toks.start;
    let word = |k: usize| (s.tokens.start <= k && k < s.tokens.end).then(|| toks[k].lower.as_str());
    match c.kind {
        Kind::Date => after_superlative(ctx, s, start, "since") || last_done(ctx, s, start),
        Kind::Duration => {
            after_superlative(ctx, s, start, "in")
                // (Its noun may be read into the span: "a 24-year low".)
                || [c.toks.end - 1, c.toks.end]
                    .into_iter()
                    .any(|k| matches!(word(k), Some("low" | "high")))
        }
        _ => false,
    }
}

/// A length that tells when the last such thing was ("the first strike in
/// 11 years"), as the year it was, counted back from the report's day: the
/// other report may tell it as a year ("the first since 2017"). Without a
/// publication day, or for a length that is no span of years, the length.
fn as_year_of_last_such(ctx: &Ctx, c: Candidate) -> Candidate {
    let (Some(p), Value::Duration { low, high, .. }, Some(&year)) = (
        ctx.published(),
        &c.value,
        ctx.lex.def.durations.units.get("year"),
    ) else {
        return c;
    };
    // (Its range, as a length's: years are counted loosely, and "a 24-year
    // low" in mid-2030 may have been last seen late in 2005.)
    let (few, most) = (low / year, high / year);
    if !(0.95..=500.0).contains(&few) || !most.is_finite() || most > 500.0 {
        return c;
    }
    // (Whole years either side: "in 11 years" is the year eleven back.)
    let back = |y: f64| p.year() - y as i16;
    let (first, last) = (back((most - 0.05).ceil()), back((few + 0.05).floor()));
    let (Ok(start), Ok(end)) = (
        Date::new(first.min(last), 1, 1),
        Date::new(first.max(last), 12, 31),
    ) else {
        return c;
    };
    Candidate {
        kind: Kind::Date,
        value: Value::Date {
            start,
            end,
            year_known: true,
            weekday: None,
            time: None,
            zone: None,
            range: false,
            slack: (0, 0),
        },
        head: None,
        label: None,
        ..c
    }
}

/// Whether the date at `start` tells when the last such thing was, in a
/// clause that says what something is like by when it was last so: after
/// "last" and a past form right after it ("a price last seen in 2009",
/// "the club last won the cup in 1998"; the verb's object may stand
/// between), or after "since" past a past form denied ("a price not seen
/// since 2009"). Not where "last" or the denial follows a form of "be" or
/// "have": "the bridge was last inspected in May" and "has not been
/// inspected since May" date an event of the report, as "its last
/// inspection in May" does.
fn last_done(ctx: &Ctx, s: &Sentence, start: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let word = |k: usize| toks[k].lower.as_str();
    let Some(k) = start
        .checked_sub(1)
        .filter(|&k| k > s.tokens.start && matches!(word(k), "in" | "on" | "since"))
    else {
        return false;
    };
    let past = |j: usize| toks[j].kind == TokKind::Word && ctx.lex.is_past_form(word(j));
    let auxiliary = |j: usize| {
        matches!(
            word(j),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has" | "have" | "had"
        )
    };
    // The word that opens the verb ("last", "not") follows no auxiliary.
    let opens = |j: usize| j > s.tokens.start && !auxiliary(j - 1);
    let before = (s.tokens.start.max(k.saturating_sub(5))..k)
        .rev()
        .take_while(|&j| !ctx.has(j, flag::CLAUSE_BREAK));
    if word(k) == "since" {
        let mut seen_past = false;
        for j in before.take(3) {
            if past(j) {
                seen_past = true;
            } else if seen_past && ctx.has(j, flag::NEGATION) {
                return opens(j);
            } else if seen_past {
                return false;
            }
        }
        return false;
    }
    // ("Last year, officials warned in March" is no "last warned".)
    before
        .filter(|&j| past(j))
        .any(|j| j > s.tokens.start && word(j - 1) == "last" && opens(j - 1))
}

/// "first", "most", "best", "worst", "least", or a word in "-est" whose base
/// is a common word: "highest" (high), "largest" (large), "deadliest"
/// (deadly), "biggest" (big); not "interest" or "request".
fn is_superlative(ctx: &Ctx, w: &str) -> bool {
    if matches!(w, "first" | "most" | "best" | "worst" | "least") {
        return true;
    }
    let Some(base) = w.strip_suffix("est").filter(|b| b.len() >= 2) else {
        return false;
    };
    let common = |b: &str| ctx.lex.is_common_word(b);
    let bytes = base.as_bytes();
    let doubled = bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
    common(base)
        || common(&format!("{base}e"))
        || base
            .strip_suffix('i')
            .is_some_and(|b| common(&format!("{b}y")))
        || doubled && common(&base[..base.len() - 1])
}

/// Whether an attribution verb stands right next to a span ("said Friday",
/// "Friday, police said"): the date then tells when the report was made.
fn said_near(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> bool {
    let toks = &ctx.seg.tokens;
    let before = (s.tokens.start.max(span.start.saturating_sub(3))..span.start)
        .rev()
        .find(|&k| {
            toks[k].kind == TokKind::Word
                && !matches!(
                    toks[k].lower.as_str(),
                    "on" | "late" | "early" | "earlier" | "later" | "last" | "this" | "next"
                )
        });
    let after = (span.end..s.tokens.end.min(span.end + 3)).find(|&k| toks[k].kind == TokKind::Word);
    // A date that closes an aside ("Cato, who had declared an emergency on
    // Saturday, said …") dates the aside: the verb after it is the sentence's.
    let opened = ctx.asides.partition_point(|a| (a.0 as usize) < span.start);
    let in_aside = ctx.asides[..opened]
        .iter()
        .rev()
        .take_while(|a| a.0 as usize >= s.tokens.start)
        .any(|a| a.1 as usize >= span.end);
    // ("according to" names whose word it is, not when it was given:
    // "met on Monday, according to the league" dates the meeting.)
    let says = |k: usize| ctx.has(k, flag::ATTRIBUTION) && toks[k].lower != "according";
    // A verb of telling that takes a thing, not a clause, tells an event:
    // "today announced a definitive agreement", "reported a 9% rise"
    // ("said a man was hurt" says a clause).
    let tells_a_thing = |k: usize| {
        !matches!(toks[k].lower.as_str(), "said" | "says" | "told" | "saying")
            && toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
    };
    // A date after "since" or "in" is when a state began or a thing was
    // done, never when the verb after it was said: "Lorne, mayor since
    // 2016, said …".
    let governed = span.start > s.tokens.start
        && matches!(
            toks[span.start - 1].lower.as_str(),
            "since" | "in" | "from" | "until" | "till" | "during"
        );
    before.is_some_and(says)
        || !in_aside && !governed && after.is_some_and(|k| says(k) && !tells_a_thing(k))
}

/// Whether the nearest content word before a span in its clause (past
/// figures, units, adverbs and function words: "rose to 19 on Wednesday"), or right
/// after it ("on Wednesday rose"), is a verb of change.
fn changed_near(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> bool {
    let toks = &ctx.seg.tokens;
    // (Adverbs in "-ly" too: "climbed steadily to 40 on Friday".)
    let passed = |k: &usize| {
        toks[*k].kind == TokKind::Number
            || ctx.has(*k, flag::UNIT)
            || ctx.has(*k, flag::STOP) && !ctx.has(*k, flag::CLAUSE_BREAK)
            || toks[*k].kind == TokKind::Word
                && toks[*k].lower.len() > 4
                && toks[*k].lower.ends_with("ly")
    };
    let before = (s.tokens.start.max(span.start.saturating_sub(7))..span.start)
        .rev()
        .find(|k| !passed(k));
    let after = (span.end..s.tokens.end.min(span.end + 2)).find(|k| !passed(k));
    // A date right after a verb of its own ("the quarter ended May 31
    // dropped 6%", "struck on Sunday") dates that verb: a verb of change
    // after it is the main clause's.
    let own_verb = || {
        (s.tokens.start.max(span.start.saturating_sub(2))..span.start).any(|k| {
            toks[k].kind == TokKind::Word
                && !ctx.has(k, flag::CHANGE)
                && !ctx.has(k, flag::ATTRIBUTION)
                && ctx.lex.is_past_form(&toks[k].lower)
        })
    };
    before.is_some_and(|k| ctx.has(k, flag::CHANGE))
        || after.is_some_and(|k| ctx.has(k, flag::CHANGE))
            && !closes_relative_clause(ctx, s, span)
            && !own_verb()
}

/// Whether a span ends a relative clause it sits in: going back through its
/// clause, "that", "which" or "who" opens it, and the first word after that
/// (past function words) is a verb in the past: "the storm that hit the
/// coast on Sunday", "the pier, which had been built in May". The words
/// after the span then belong to the clause the relative one is part of.
fn closes_relative_clause(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> bool {
    let toks = &ctx.seg.tokens;
    let Some(rel) = (s.tokens.start..span.start)
        .rev()
        .take_while(|&k| !ctx.has(k, flag::CLAUSE_PUNCT))
        .find(|&k| matches!(toks[k].lower.as_str(), "that" | "which" | "who" | "when"))
    else {
        return false;
    };
    // "when a ferry overturned off the coast on Feb. 10": after "when" its
    // own subject comes first, a few words, then the verb.
    if toks[rel].lower == "when" {
        return (rel + 1..span.start.min(rel + 6)).any(|k| {
            let t = &toks[k];
            t.kind == TokKind::Word
                && !ctx.has(k, flag::ATTRIBUTION)
                && !ctx.is_capitalized(t)
                && ctx.lex.is_past_form(t.lower.as_str())
        });
    }
    (rel + 1..span.start)
        .find(|&k| !ctx.has(k, flag::STOP))
        .is_some_and(|k| {
            let t = &toks[k];
            t.kind == TokKind::Word
                && !ctx.has(k, flag::ATTRIBUTION)
                && !ctx.is_capitalized(t)
                && ctx.lex.is_past_form(t.lower.as_str())
        })
}

/// Whether a span is the date of a dateline ("PORTVILLE, Ruritania, May 3 —",
/// "LONDON, 3 May (Wire) -"): only a place in capitalised words and commas
/// before it in its sentence, and a dash after it (an agency in brackets
/// may come between).
fn in_dateline(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> bool {
    let toks = &ctx.seg.tokens;
    let before = s.tokens.start..span.start;
    let place = !before.is_empty()
        && toks[before.start].kind == TokKind::Word
        && before.clone().all(|k| match toks[k].kind {
            TokKind::Word => toks[k].caps,
            TokKind::Punct => matches!(toks[k].lower.as_str(), "," | "."),
            TokKind::Number => false,
        });
    if !place {
        return false;
    }
    let mut k = span.end;
    if toks.get(k).is_some_and(|t| t.lower == "(") {
        match (k + 1..s.tokens.end.min(k + 6)).find(|&j| toks[j].lower == ")") {
            Some(close) => k = close + 1,
            None => return false,
        }
    }
    k < s.tokens.end
        && toks[k].kind == TokKind::Punct
        && matches!(toks[k].lower.as_str(), "\u{2014}" | "\u{2013}" | "-")
}

/// Whether a date's line holds nothing but when the report was filed or
/// updated ("Wednesday 14 May 2031 09.15 BST", "3 June 2031 \u{2022} 6:50am"):
/// a time stamp under a byline, no fact the report tells. Every other token
/// on the line is a figure, a sign, a word a date starts at (a month, a
/// weekday), a time zone, the mark of a clock time or a stamp's label
/// ("Updated").
fn stamp_line(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> bool {
    let toks = &ctx.seg.tokens;
    let mut lo = span.start;
    while lo > s.tokens.start && !ctx.line_break_before(lo) {
        lo -= 1;
    }
    let mut hi = span.end - 1;
    while hi + 1 < s.tokens.end && !ctx.line_break_before(hi + 1) {
        hi += 1;
    }
    // (A stamp opens its line and ends it: the sentence breaks there or
    // the text does.)
    let opens = lo == 0 || ctx.line_break_before(lo);
    let ends = hi + 1 >= toks.len() || ctx.line_break_before(hi + 1);
    opens
        && ends
        && (lo..=hi).filter(|k| !span.contains(k)).all(|k| {
            let t = &toks[k];
            let w = t.lower.trim_end_matches('.');
            match t.kind {
                TokKind::Number | TokKind::Punct => true,
                TokKind::Word => {
                    ctx.has(k, flag::DATE)
                        || ctx.lex.def.dates.zones.contains_key(w)
                        || ctx.lex.def.dates.stamps.contains(w)
                        || matches!(w, "am" | "pm" | "a.m" | "p.m")
                }
            }
        })
}

/// The first token after a sentence's dateline ("PORTVILLE, Ruritania (Wire)
/// — Officials said …"): a place in capitals first, then capitalised words,
/// figures, commas, full stops and an agency in brackets, up to a dash. The
/// word after the dash opens the sentence.
/// Read once per sentence when the source's words are flagged.
pub(super) fn after_dateline(ctx: &Ctx, si: usize) -> Option<usize> {
    ctx.datelines.get(si).copied().flatten()
}

/// [`after_dateline`] from the text and tokens alone.
fn dateline_end(text: &str, toks: &[crate::segment::Token], s: &Sentence) -> Option<usize> {
    let first = toks.get(s.tokens.start)?;
    let text = text.get(first.start()..first.end())?;
    if first.kind != TokKind::Word
        || text.chars().count() < 2
        || text.chars().any(|c| c.is_lowercase())
    {
        return None;
    }
    let mut bracket = false;
    let end = s.tokens.end.min(s.tokens.start + 16);
    for (k, t) in toks.iter().enumerate().take(end).skip(s.tokens.start + 1) {
        match t.lower.as_str() {
            "\u{2014}" | "\u{2013}" | "-" if !bracket && !t.glued => return Some(k + 1),
            "(" => bracket = true,
            ")" => bracket = false,
            "," | "." => {}
            _ if bracket || t.kind == TokKind::Number || t.kind == TokKind::Word && t.caps => {}
            _ => return None,
        }
    }
    None
}

fn is_currency(u: &str) -> bool {
    u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())
}

/// The first rule of the candidate's kind whose selectors all match.
fn select_rule<'r>(
    ctx: &Ctx<'r>,
    c: &Candidate,
    s: &Sentence,
    patterns: &mut Option<Vec<bool>>,
    unit: Option<&str>,
) -> Option<(usize, &'r Rule)> {
    let rules = ctx.rules;
    let lex = &rules.lexicon;
    let mut best: Option<(usize, usize, &Rule)> = None; // (distance rank, index, rule)
    // Per rule, the position in `c.events` of the nearest word among its events.
    let mut nearest: Option<Vec<usize>> = None;
    let nearest_events = || {
        let mut at = vec![usize::MAX; rules.rules.len()];
        for (pos, e) in c.events.iter().enumerate() {
            for &ri in rules
                .event_rules
                .get(e.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                at[ri] = at[ri].min(pos);
            }
        }
        at
    };
    for (i, r) in rules.rules.iter().enumerate() {
        if r.kind != c.kind {
            continue;
        }
        if r.is_fallback() {
            if best.is_none() {
                best = Some((usize::MAX, i, r));
            }
            continue;
        }
        if !r.context.is_empty()
            && !s
                .tokens
                .clone()
                .any(|k| r.context.contains(ctx.lemma(k).as_str()))
        {
            continue;
        }
        if !r.patterns.is_empty()
            && !patterns.get_or_insert_with(|| rules.pattern_matches(&ctx.src.text[s.start..s.end]))
                [i]
        {
            continue;
        }
        // A figure in units ("10 kilometres", "$250") is only a topic rule's if the rule names the unit.
        match (unit, r.units.is_empty()) {
            (None, false) => continue,
            (Some(u), false) if !r.units.contains(&u.to_lowercase()) => continue,
            (Some(_), true) => continue,
            _ => {}
        }
        if !r.aliases.is_empty() {
            let Value::Name { normalized, .. } = &c.value else {
                continue;
            };
            if !r.aliases.iter().any(|g| g.contains(normalized)) {
                continue;
            }
        }
        // Head and event words: the rule closest to the fact wins.
        let rank = if r.nouns.is_empty() && r.events.is_empty() {
            usize::MAX - 1
        } else if c.head.as_ref().is_some_and(|h| rules.in_vocabulary(i, h)) {
            // The head itself names the topic: "38 dead", "six were still missing".
            0
        } else if c.kind == Kind::Quantity
            && c.toks.start > s.tokens.start
            && r.nouns.contains(ctx.lemma(c.toks.start - 1).as_str())
        {
            // So does the rule's noun right before the figure: "the
            // magnitude 6.9 earthquake" is "a 6.9-magnitude earthquake".
            0
        } else if let Some(pos) = Some(nearest.get_or_insert_with(nearest_events)[i])
            .filter(|&p| p != usize::MAX)
            .filter(|_| {
                c.head
                    .as_ref()
                    .is_none_or(|h| lex.def.numbers.generic_nouns.contains(h))
            })
            .filter(|&p| match c.kind {
                Kind::Quantity => {
                    !told_of_another_figure(ctx, s, &c.toks, &c.events[p], true)
                        && !told_as_a_time(ctx, s, &c.toks, &c.events[p])
                }
                // A term has one length: "sentenced to seven years in prison
                // for thefts over nearly a decade" sentenced the seven years.
                Kind::Duration => {
                    !told_of_another_figure(ctx, s, &c.toks, &c.events[p], false)
                        && !told_as_a_time(ctx, s, &c.toks, &c.events[p])
                }
                _ => true,
            })
        {
            pos + 1
        } else {
            continue;
        };
        if best.is_none_or(|(b, _, _)| rank < b) {
            best = Some((rank, i, r));
        }
    }
    best.map(|(_, i, r)| (i, r))
}

/// Words after a figure that tell another event as a time: what follows is
/// when, not what ("three years of supervised release after his prison
/// term", "12 people were hurt before the bridge closed").
const TIME_OF_ANOTHER: &[&str] = &["after", "before", "following", "until", "since"];

/// Whether the event word `e` nearest a figure at `span` stands after it,
/// past one of [`TIME_OF_ANOTHER`] in its clause: the event the figure is
/// timed by, not its own.
fn told_as_a_time(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>, e: &Word) -> bool {
    let toks = &ctx.seg.tokens;
    let Some(k) = s
        .tokens
        .clone()
        .filter(|&k| !span.contains(&k) && ctx.lemma(k) == e)
        .min_by_key(|&k| k.abs_diff(span.start))
    else {
        return false;
    };
    k >= span.end
        && (span.end..k)
            .take_while(|&q| !ctx.has(q, flag::CLAUSE_PUNCT))
            .any(|q| TIME_OF_ANOTHER.contains(&toks[q].lower.as_str()))
}

/// Whether the event word `e` near a figure at `span` tells of another
/// figure: one past a colon, semicolon or conjunction from this figure,
/// with another figure nearer it on its own side ("126 people were aboard:
/// 14 miners are missing" — the missing are the 14). A comma does not part
/// them: in "38 people, including two children, were killed" the 38 were.
/// Not `parted`: any figure nearer the event word tells of it.
fn told_of_another_figure(
    ctx: &Ctx,
    s: &Sentence,
    span: &std::ops::Range<usize>,
    e: &Word,
    parted: bool,
) -> bool {
    let toks = &ctx.seg.tokens;
    let dist = |a: usize, b: usize| a.abs_diff(b);
    let Some(k) = s
        .tokens
        .clone()
        .filter(|&k| !span.contains(&k) && ctx.lemma(k) == e)
        .min_by_key(|&k| dist(k, span.start))
    else {
        return false;
    };
    let strong = |a: usize, b: usize| {
        (a.min(b)..a.max(b)).any(|q| {
            matches!(
                toks[q].lower.as_str(),
                ":" | ";" | "and" | "but" | "while" | "whereas"
            )
        })
    };
    // (A figure of one counts only before what it counts: "one child died",
    // not "one of the", "no one"; and an article is no figure: "asked for a
    // sentence of nine years" tells the nine years.)
    let figure = |q: usize| {
        toks[q].kind == TokKind::Number
            || !matches!(toks[q].lower.as_str(), "a" | "an")
                && ctx
                    .lex
                    .number_word(toks[q].lower.as_str())
                    .is_some_and(|v| {
                        v >= 2.0
                            || v >= 1.0
                                && q + 1 < s.tokens.end
                                && toks[q + 1].kind == TokKind::Word
                                && !ctx.has(q + 1, flag::STOP)
                                && !(q > s.tokens.start && toks[q - 1].lower == "no")
                    })
    };
    // A verb whose object is another figure tells of that one, whatever
    // stands between: "a ferry carrying 212 people capsized, killing at
    // least 23 people" — the 23 were killed.
    if k > span.end
        && (k + 1..(k + 4).min(s.tokens.end))
            .take_while(|&q| toks[q].kind != TokKind::Punct && !ctx.has(q, flag::CLAUSE_BREAK))
            .any(&figure)
    {
        return true;
    }
    if parted && !strong(span.start, k) {
        return false;
    }
    let own = span.clone().find(|&q| figure(q)).unwrap_or(span.start);
    // (Across a clause break a word is farther than it stands: "30 people
    // were arrested, and 12 have been charged" — the 30 were arrested,
    // though the word stands nearer the 12.)
    let beyond = parted && strong(own, k);
    s.tokens.clone().any(|q| {
        !span.contains(&q)
            && figure(q)
            && (dist(q, k) < dist(own, k) || beyond)
            && !(parted && strong(q, k))
    })
}

/// Weighted context lemmas around a fact: nearer words weigh more, words
/// across a clause boundary less, capitalised words (entities) more.
fn context_words(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> Ids {
    let mut out: Ids = Vec::new();
    let toks = &ctx.seg.tokens;
    let w = window(s, span);
    // Clauses between a word before the fact and the fact, not counting an
    // aside set off by commas ("Core inflation, which strips out food and
    // energy, slowed to 2.9 percent"): the subject is as near as the verb.
    // So too an aside after it ("38 people, including two children, were
    // killed"): the verb past it is as near as the noun.
    let (asides, right_asides) = if span.is_empty() {
        (&[][..], &[][..])
    } else {
        (
            asides_before(ctx, w.start, span.start),
            aside_before_verb(ctx, span, w.end),
        )
    };
    for i in w {
        if span.contains(&i) || !ctx.has(i, flag::CONTENT) {
            continue;
        }
        let t = &toks[i];
        let (dist, clauses) = if span.is_empty() {
            (4.0, 1.0) // words of a neighbouring sentence: a fixed, low weight
        } else {
            let (lo, hi) = if i < span.start {
                (i, span.start)
            } else {
                (span.end - 1, i)
            };
            // Tokens lo..=hi, from the prefix counts.
            let gap = if i < span.start && !asides.is_empty() {
                aside_gap(ctx, asides, i)
            } else if i >= span.end && !right_asides.is_empty() {
                aside_gap_after(ctx, right_asides, i)
            } else {
                Gap::default()
            };
            (
                (ctx.words_before.between(lo, hi + 1) - gap.words) as f32,
                (ctx.puncts_before.between(lo, hi + 1) - gap.puncts) as f32,
            )
        };
        let mut w = 1.0 / (1.0 + dist / 3.0) * 0.6f32.powi(clauses as i32);
        if ctx.is_capitalized(t) && i != s.tokens.start {
            w *= 1.5;
        }
        out.push((ctx.root_id(i), w));
    }
    word::normalize(&mut out);
    out
}

/// The asides between `from` and `end`: pairs of commas (opening, closing)
/// around a phrase that opens with "which", "who", "whose", "excluding",
/// "including" or a word in "-ing" ("Core inflation, which strips out food
/// and energy, slowed"), found once per source.
fn asides_before<'c>(ctx: &'c Ctx, from: usize, end: usize) -> &'c [(u32, u32)] {
    let (from, end) = (from as u32, end as u32);
    let first = ctx.asides.partition_point(|a| a.0 < from);
    let last = first + ctx.asides[first..].partition_point(|a| a.1 < end);
    &ctx.asides[first..last]
}

/// The aside right after a span when a verb follows it: the span is its
/// clause's subject, and the aside stands between it and its verb ("38
/// people, including two children, were killed"). After an aside that no
/// verb follows, another clause goes on ("capsized on Monday, leaving 12
/// missing, the coast guard said").
fn aside_before_verb<'c>(
    ctx: &'c Ctx,
    span: &std::ops::Range<usize>,
    end: usize,
) -> &'c [(u32, u32)] {
    let asides = asides_before(ctx, span.end, end);
    match asides.first() {
        Some(&(lo, hi)) if lo as usize == span.end => {
            if verb_at(ctx, hi as usize + 1) {
                &asides[..1]
            } else {
                &[]
            }
        }
        _ => &[],
    }
}

/// A subject pronoun at `at` and the verb after it, past auxiliaries
/// ("he faced", "they had lost"), ending before `end`: a clause told of the
/// noun before it with no "that". Empty when none is there.
fn contact_clause(ctx: &Ctx, at: usize, end: usize) -> std::ops::Range<usize> {
    let toks = &ctx.seg.tokens;
    if at >= end || !is_subject_pronoun(&toks[at].lower) {
        return 0..0;
    }
    let verb = (at + 1..end.min(at + 4))
        .find(|&k| toks[k].kind != TokKind::Word || !ctx.has(k, flag::STOP));
    match verb {
        Some(k) if toks[k].kind == TokKind::Word && !ctx.is_capitalized(&toks[k]) => at..k + 1,
        _ => 0..0,
    }
}

fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Whether token `i` is a conjunction that opens a clause of its own: one
/// with a subject ("before they reached the shore") or an "-ing" verb
/// ("fought the fire for four hours before bringing it under control").
/// Words past it are of another clause, as past "and" ("before dawn" is a
/// phrase, no clause).
fn opens_clause(toks: &[Token], i: usize) -> bool {
    matches!(
        toks[i].lower.as_str(),
        "before" | "after" | "until" | "since" | "because" | "although" | "though" | "unless"
    ) && toks.get(i + 1).is_some_and(|t| {
        t.kind == TokKind::Word
            && (t.lower.len() > 4 && t.lower.ends_with("ing") || is_subject_pronoun(&t.lower))
    })
}

/// Whether a comma before `next` opens an aside (see [`asides_before`]).
fn opens_aside(next: Option<&Token>) -> bool {
    next.is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "which" | "who" | "whose" | "excluding" | "including"
        ) || t.kind == TokKind::Word && t.lower.len() > 4 && t.lower.ends_with("ing")
    })
}

/// Whether the comma at `comma` opens a count set off after a noun, which
/// tells what the noun's figure is made of ("the five climbers, three
/// students and two guides, were rescued"; "the crew, 12 sailors in all,
/// were rescued"), or after a name, which tells of it in passing ("meet
/// Dunmore, 3-0 winners over Kelso, in the final"): a figure with a word
/// after it ("a quiet, leafy suburb" opens with no figure), and no verb
/// before the next clause mark ("on Tuesday, 12 people were hurt, …" is a
/// clause).
fn opens_count_aside(toks: &[Token], lex: &Lexicon, comma: usize) -> bool {
    // (The word after the figure, past what is glued to it: "3-0 winners";
    // a comma glued to it closes the aside: "Ana Ruiz, 41, said".)
    let after = toks.get(comma + 2..).and_then(|rest| {
        rest.iter()
            .take(4)
            .find(|t| !t.glued || is_clause_punct(&t.lower))
    });
    let (Some(before), Some(first), Some(second)) = (
        comma.checked_sub(1).and_then(|k| toks.get(k)),
        toks.get(comma + 1),
        after,
    ) else {
        return false;
    };
    let figure = first.kind == TokKind::Number && !first.glued
        || first.kind == TokKind::Word
            && lex.number_word(&first.lower).is_some()
            && !lex.def.numbers.weak.contains(first.lower.as_str());
    before.kind == TokKind::Word
        && figure
        && second.kind == TokKind::Word
        && toks[comma + 1..]
            .iter()
            .take(12)
            .take_while(|t| !is_clause_punct(&t.lower))
            .all(|t| !is_verb_word(lex, &t.lower))
}

/// What the asides between token `i` and a fact after it add to their
/// distance, as if they were not there: their tokens, words, clause marks
/// and clause breaks.
#[derive(Default)]
struct Gap {
    tokens: usize,
    words: u32,
    puncts: u32,
    breaks: u32,
}

fn aside_gap(ctx: &Ctx, asides: &[(u32, u32)], i: usize) -> Gap {
    gap_of(ctx, asides.iter().filter(|a| a.0 as usize > i))
}

/// [`aside_gap`] of a word after a fact: the asides that close before it.
fn aside_gap_after(ctx: &Ctx, asides: &[(u32, u32)], i: usize) -> Gap {
    gap_of(ctx, asides.iter().filter(|a| (a.1 as usize) < i))
}

fn gap_of<'a>(ctx: &Ctx, asides: impl Iterator<Item = &'a (u32, u32)>) -> Gap {
    let mut gap = Gap::default();
    for &(lo, hi) in asides {
        let (lo, hi) = (lo as usize, hi as usize + 1);
        gap.tokens += hi - lo;
        gap.words += ctx.words_before.between(lo, hi);
        gap.puncts += ctx.puncts_before.between(lo, hi);
        gap.breaks += ctx.breaks_before.between(lo, hi);
    }
    gap
}

/// Lemmas of content words near token `i` in its sentence, nearest first
/// (ties: the following word first).
pub fn nearby_events(
    ctx: &Ctx,
    s: &Sentence,
    span: &std::ops::Range<usize>,
    limit: usize,
) -> Vec<Word> {
    nearby_words(ctx, s, span, limit, Near::Figure)
        .into_iter()
        .map(|(lemma, _)| lemma)
        .collect()
}

/// [`nearby_events`] of a date: a verb of what is to come is what the date
/// dates ("due to vote on May 20"), though it is not what a figure did, and
/// the word of what is to come is none.
pub fn nearby_events_dated(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> Vec<Word> {
    nearby_words(ctx, s, span, usize::MAX, Near::Date)
        .into_iter()
        .map(|(lemma, _)| lemma)
        .collect()
}

/// [`nearby_events`] of a length of time: the verb after a word of what
/// may be is what it measures ("is expected to last 10 years").
pub fn nearby_events_lasting(ctx: &Ctx, s: &Sentence, span: &std::ops::Range<usize>) -> Vec<Word> {
    nearby_words(ctx, s, span, usize::MAX, Near::Length)
        .into_iter()
        .map(|(lemma, _)| lemma)
        .collect()
}

/// What kind of fact [`nearby_words`] looks around.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Near {
    Figure,
    Length,
    Date,
}

impl Near {
    fn of(kind: Kind) -> Near {
        match kind {
            Kind::Date => Near::Date,
            Kind::Duration => Near::Length,
            _ => Near::Figure,
        }
    }
}

/// Content words near a span as (lemma, word as written), nearest first.
fn nearby_words(
    ctx: &Ctx,
    s: &Sentence,
    span: &std::ops::Range<usize>,
    limit: usize,
    near: Near,
) -> Vec<(Word, usize)> {
    let dated = near == Near::Date;
    let w = window(s, span);
    // Distance grows the farther a word is on either side, so each side is
    // already in order: walk both outwards and take the nearer each time.
    // Clause breaks, "and" included, add distance: in "six were still missing
    // and 18,000 had been evacuated" the 18,000 belongs to "evacuated".
    // Left distances are odd and right ones even, so there are no ties.
    // A name is who or where, not what happened: a capitalised word inside
    // the sentence is no event word ("the crash in Ruritania on Monday" is
    // the crash's date, not Ruritania's).
    let eventish = |i: &usize| {
        !span.contains(i)
            && ctx.has(*i, flag::EVENTISH)
            // A word of what is to come ("scheduled", "due") says when a
            // date's event is, not what it is (a figure "expected" is a
            // forecast, and the word says so); nor is a word of how sure
            // the teller is ("believed", "likely"): "said she believed 40
            // cabins had burned" burned the cabins.
            && !(dated && ctx.has(*i, flag::FUTURE_CUE) || ctx.has(*i, flag::HEDGED))
            // (A sentence's first word only if it is a common word: "Okafor
            // won 52.4%" opens with a name. Nor then if a capitalised word
            // follows it: "Harbor Bank lent $2 million" opens with a name too.)
            && (*i == s.tokens.start
                && ctx.has(*i, flag::COMMON)
                && !ctx
                    .seg
                    .tokens
                    .get(*i + 1)
                    .is_some_and(|t| t.kind == TokKind::Word && ctx.is_capitalized(t))
                || !ctx.is_capitalized(&ctx.seg.tokens[*i]))
            // What a measure is per ("per cent", "per share") is no event.
            && !(*i > s.tokens.start && ctx.seg.tokens[*i - 1].lower == "per")
            // Nor what another figure counts ("rose to 168 in 20 states"):
            // it is that figure's noun, not what this one did.
            // (The figure's own number is not another figure: "28 escaped"
            // escaped.)
            && (dated
                || *i <= s.tokens.start
                || ctx.seg.tokens[*i - 1].kind != TokKind::Number
                || span.contains(&(*i - 1))
                || ctx.seg.tokens[*i].glued)
            // Nor an ordinal's ending ("52nd", "3rd").
            && !(*i > s.tokens.start
                && ctx.seg.tokens[*i].glued
                && ctx.seg.tokens[*i - 1].kind == TokKind::Number)
            // "eligible to vote", "expected to rise": after a word of what
            // may be, the verb is not what the figure did.
            // (A length's verb there is what it measures: "expected to
            // last 10 years".)
            && !(near == Near::Figure
                && *i >= s.tokens.start + 2
                && ctx.seg.tokens[*i - 1].lower == "to"
                && (ctx.has(*i - 2, flag::HEDGED) || ctx.has(*i - 2, flag::FUTURE_CUE)))
    };
    let asides = asides_before(ctx, w.start, span.start.max(w.start));
    // Phrases of place beside a date ("… at a rural crossing in the north
    // on Monday", "on Sunday in Brill county") say where its event was:
    // words past them stand as if they were not there, and their own
    // words come after every word of the clause.
    // So does an "of" phrase after a count's noun ("seven members of the
    // rate-setting committee voted"): it says whose, and the verb past it
    // is what the figure did.
    let (place_left, place_right) = if dated {
        place_phrases(ctx, s, &w, span)
    } else {
        (0..0, of_phrase(ctx, &w, span))
    };
    let place = |i: usize| -> isize {
        if place_left.contains(&i) || place_right.contains(&i) {
            PLACE_DISTANCE
        } else if i < place_left.start || i >= place_right.end && !place_right.is_empty() {
            -2 * (if i < span.start {
                place_left.len()
            } else {
                place_right.len()
            }) as isize
        } else {
            0
        }
    };
    // The verb a date's clause tells before it is what the date dates,
    // past what it acts on: "had checked into the hotel on Thursday" is the
    // date of the checking in, as "checked into a suite on 3 May" is.
    let verb = if dated {
        date_verb(ctx, &w, span, place_left.start.min(span.start))
    } else {
        None
    };
    // "results showed that 40 percent backed it": a "that" opening the
    // figure's clause parts it from the clause it is told in, as a comma
    // would.
    let opened =
        (!dated && span.start > s.tokens.start && ctx.seg.tokens[span.start - 1].lower == "that")
            .then(|| span.start - 1);
    let left_d = |i: usize| {
        if verb == Some(i) {
            return 1;
        }
        let past_that = if opened.is_some_and(|o| i < o) { 8 } else { 0 };
        // (An aside between them is as if it were not there.)
        // Its own words come after every word of the clause: "will meet
        // Dunmore, 3-0 winners over Kelso, in the final on May 16" is the
        // date of the meeting, not of the win.
        let (gap, inside) = if asides.is_empty() {
            (Gap::default(), false)
        } else {
            (
                aside_gap(ctx, asides, i),
                asides
                    .iter()
                    .any(|&(lo, hi)| (lo as usize..=hi as usize).contains(&i)),
            )
        };
        ((span.start - i - gap.tokens) * 2
            + 1
            + past_that
            + (ctx.breaks_before.between(i, span.start) - gap.breaks) as usize * 8)
            .saturating_add_signed(place(i) + if inside { PLACE_DISTANCE } else { 0 })
    };
    // An aside after the span ("38 people, including two children, were
    // killed") is as if it were not there for the words past it, and its
    // own words come after every word of the clause: the figure's verb is
    // past the aside.
    let right_asides = if span.end > w.start {
        aside_before_verb(ctx, span, w.end)
    } else {
        &[]
    };
    // An infinitive right after a date tells what its event was for
    // ("met on Tuesday to discuss the merger", "won on Friday to reach the
    // final"): the date is of the verb before it, so the words from "to" on
    // come after every word of the clause.
    let purpose = dated && {
        let k = place_right.end.max(span.end);
        let toks = &ctx.seg.tokens;
        k + 1 < w.end
            && toks[k].lower == "to"
            && toks[k + 1].kind == TokKind::Word
            && !ctx.is_capitalized(&toks[k + 1])
            && !ctx.has(k + 1, flag::STOP)
    };
    // A clause told of the counted noun with no "that" ("on 7 of the 9
    // counts he faced", "the 40 homes they lost"): its verb is what the
    // noun's clause did, not what the figure did, and comes after every
    // word of the figure's own clause. (After a date, such a clause is the
    // main one: "on Monday he resigned".)
    let contact = if dated {
        0..0
    } else {
        contact_clause(ctx, span.end, w.end)
    };
    let right_d = |i: usize| {
        let gap = aside_gap_after(ctx, right_asides, i);
        let inside = right_asides
            .iter()
            .any(|&(lo, hi)| (lo as usize..=hi as usize).contains(&i));
        ((i - span.end + 1 - gap.tokens) * 2
            + (ctx.breaks_before.between(span.end, i) - gap.breaks) as usize * 8)
            .saturating_add_signed(
                place(i)
                    + if inside || contact.contains(&i) {
                        PLACE_DISTANCE
                    } else {
                        0
                    }
                    + if purpose { PLACE_DISTANCE } else { 0 },
            )
    };
    // Each side in order of distance: the words beyond a phrase of place,
    // then the phrase's own.
    let lo = w.start;
    let mut left = (place_left.end.max(lo)..span.start.max(lo))
        .rev()
        .chain((lo..place_left.start.max(lo)).rev())
        .chain(place_left.clone().rev())
        .filter(eventish)
        .map(|i| (left_d(i), i))
        .collect::<Vec<_>>();
    if !asides.is_empty() || verb.is_some() {
        left.sort_by_key(|&(d, _)| d);
    }
    let mut left = left.into_iter().peekable();
    // A date closing a relative clause ("the storm that hit the coast on
    // Sunday rose …") dates the clause's verb: the words after it are
    // the main clause's.
    let right_end = if dated && closes_relative_clause(ctx, s, span) {
        span.end.max(w.start)
    } else {
        w.end
    };
    let beyond = place_right.end.max(span.end.max(w.start));
    let mut right: Vec<(usize, usize)> = (beyond..right_end.max(beyond))
        .chain(place_right.start..place_right.end.min(right_end))
        .filter(eventish)
        .map(|i| (right_d(i), i))
        .collect();
    if !right_asides.is_empty() || !contact.is_empty() {
        right.sort_unstable();
    }
    let mut right = right.into_iter().peekable();
    let mut out: Vec<(Word, usize)> = Vec::new();
    while out.len() < limit {
        let next = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) => {
                if l.0 < r.0 {
                    left.next()
                } else {
                    right.next()
                }
            }
            (Some(_), None) => left.next(),
            (None, Some(_)) => right.next(),
            (None, None) => break,
        };
        let Some((_, i)) = next else { break };
        let lemma = ctx.root(i);
        // Past the two nearest, a word counts only in the span's own clause:
        // "had driven for 12 years and had clocked 4,200 road hours" is not
        // about roads as far as the twelve years go.
        // (An aside between them is as if it were not there: "38 people,
        // including two children, were killed".)
        let far = out.len() >= 2 && {
            let (lo, hi) = if i < span.start {
                (i, span.start)
            } else {
                (span.end, i)
            };
            let inside: u32 = asides_before(ctx, lo, hi)
                .iter()
                .map(|&(a, b)| ctx.breaks_before.between(a as usize, b as usize + 1))
                .sum();
            ctx.breaks_before.between(lo, hi) > inside
        };
        if far {
            continue;
        }
        if !out.iter().any(|(w, _)| w == lemma) {
            out.push((lemma.clone(), i));
        }
    }
    out
}

/// The verb of a date's clause told before it and what it acts on: the
/// nearest past form ("checked", "ran") within [`PLACE_PHRASE`] words left
/// of `from` (where the phrases of place before the date begin), with only
/// words, figures and hyphens between: none past a clause mark, a name or
/// another symbol, and none right before the date (or its preposition),
/// where it is already what stands nearest.
fn date_verb(
    ctx: &Ctx,
    w: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
    from: usize,
) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let mut k = from;
    // (The date's own preposition: "on", "at".)
    if k > w.start && k == span.start && ctx.has(k - 1, flag::STOP) {
        k -= 1;
    }
    let stop = from.saturating_sub(PLACE_PHRASE).max(w.start);
    while k > stop {
        k -= 1;
        let t = &toks[k];
        let inside = matches!(t.kind, TokKind::Word | TokKind::Number) || t.lower == "-" && t.glued;
        if !inside || ctx.has(k, flag::CLAUSE_BREAK) {
            return None;
        }
        if t.kind == TokKind::Word && ctx.is_capitalized(t) {
            return None;
        }
        if ctx.lex.is_past_form(&t.lower) && !ctx.has(k, flag::STOP) {
            return (k + 1 < from).then_some(k);
        }
    }
    None
}

/// The phrase right after a span that opens with "of" and runs over a noun
/// phrase (articles, content words, hyphens inside a word) up to a verb;
/// empty when it ends otherwise (at a figure, a clause mark, another
/// function word: "the 12th lap of the May 3 race") or the window
/// `w` ends first.
fn of_phrase(
    ctx: &Ctx,
    w: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let toks = &ctx.seg.tokens;
    if span.end + 1 >= w.end || toks[span.end].lower != "of" {
        return 0..0;
    }
    let plain = |k: usize| {
        let t = &toks[k];
        t.kind == TokKind::Word
            && !ctx.has(k, flag::CLAUSE_BREAK)
            && !ctx.lex.is_past_form(&t.lower)
            && (!ctx.has(k, flag::STOP) || ctx.lex.def.names.articles.contains(t.lower.as_str()))
            || t.lower == "-" && t.glued
    };
    let mut k = span.end + 1;
    // ("of those who voted": a pronoun the clause after it tells of.)
    let those = toks[k].lower == "those";
    if those {
        k += 1;
    }
    while k < w.end && k - span.end <= PLACE_PHRASE && plain(k) {
        k += 1;
    }
    // A relative clause told of the noun ("of those who stayed to the end",
    // "of the members who took part"): its own verb and what follows it
    // belong to the noun, and the next verb, within a phrase's length, is
    // what the figure did.
    if (k > span.end + 1 || those)
        && k + 1 < w.end
        && matches!(toks[k].lower.as_str(), "who" | "that")
        // (After "who" its verb comes next, whatever the word: "who cast
        // a ballot"; after "that" a subject may come first.)
        && let Some(own) = (k + 1..w.end.min(k + 1 + PLACE_PHRASE))
            .find(|&j| verb_at(ctx, j) || toks[k].lower == "who" && j == k + 1)
    {
        let mut j = own + 1;
        // (A verb group: "did go", "had been".)
        while j < w.end && verb_at(ctx, j) {
            j += 1;
        }
        while j < w.end && j - own <= PLACE_PHRASE {
            let t = &toks[j];
            if t.kind != TokKind::Word || ctx.has(j, flag::CLAUSE_BREAK) {
                return 0..0;
            }
            if verb_at(ctx, j) {
                return span.end..j;
            }
            j += 1;
        }
        return 0..0;
    }
    if k > span.end + 1 && k < w.end && verb_at(ctx, k) {
        span.end..k
    } else {
        0..0
    }
}

/// Whether token `k` is a verb of a clause: a form of "be" or "have", a
/// modal, or a past form ("were killed", "has", "will", "voted").
fn verb_at(ctx: &Ctx, k: usize) -> bool {
    ctx.seg
        .tokens
        .get(k)
        .is_some_and(|t| is_verb_word(ctx.lex, &t.lower))
}

/// Whether a (lower-case) word is a verb of a clause: see [`verb_at`].
fn is_verb_word(lex: &Lexicon, w: &str) -> bool {
    claim::finite_be(w)
        || matches!(
            w,
            "has" | "have" | "had" | "will" | "would" | "could" | "can" | "may"
        )
        || lex.is_past_form(w)
}

/// The phrases of place right before and right after a date `span` inside
/// window `w`: each opens with a preposition of place (`PLACE`) or a
/// compass point and "of" ("west of the town") and runs
/// at most [`PLACE_PHRASE`] words, with no clause mark, figure or past form
/// of a verb in it ("crashed into a truck | at a rural crossing in the
/// north | on Monday"). On the left the date's own preposition ("on") is
/// passed first; phrases in a row join.
fn place_phrases(
    ctx: &Ctx,
    s: &Sentence,
    w: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let toks = &ctx.seg.tokens;
    // A noun phrase: content words, articles and "of" ("the northern coast
    // of Velmar"); another function word ends it ("in jail until a hearing").
    let plain = |k: usize| {
        let t = &toks[k];
        t.kind == TokKind::Word
            && !ctx.has(k, flag::CLAUSE_BREAK)
            && !ctx.lex.is_past_form(&t.lower)
            && (!ctx.has(k, flag::STOP)
                || t.lower == "of"
                || ctx.lex.def.names.articles.contains(t.lower.as_str()))
    };
    // Left: from the date's own preposition back over whole phrases.
    let mut start = span.start;
    if start > w.start && start > s.tokens.start && ctx.has(start - 1, flag::STOP) {
        start -= 1;
    }
    let compass = |k: usize| quantity::COMPASS.contains(&toks[k].lower.as_str());
    let mut left = start;
    'phrases: loop {
        let mut k = left;
        while k > w.start && left - k < PLACE_PHRASE {
            k -= 1;
            if ctx.has(k, flag::PLACE) && k + 1 < left {
                left = k;
                continue 'phrases;
            }
            // A compass point opens one too: "west of the town".
            if toks[k].lower == "of" && k + 1 < left && k > w.start && compass(k - 1) {
                left = k - 1;
                while left > w.start && compass(left - 1) {
                    left -= 1;
                }
                continue 'phrases;
            }
            if !plain(k) {
                break;
            }
        }
        break;
    }
    // Right: phrases that open right after the date.
    let mut right = span.end;
    while right < w.end && ctx.has(right, flag::PLACE) {
        let mut k = right + 1;
        while k < w.end && k - right <= PLACE_PHRASE && plain(k) && !ctx.has(k, flag::PLACE) {
            k += 1;
        }
        if k == right + 1 {
            break;
        }
        right = k;
    }
    (left..start, span.end..right)
}

/// The longest phrase of place [`place_phrases`] passes, in tokens.
const PLACE_PHRASE: usize = 8;

/// What a word inside a phrase of place beside a date adds to its distance:
/// more than any word of the window is away.
const PLACE_DISTANCE: isize = 4 * CONTEXT_WINDOW as isize + 64;

/// Hedge phrase ending right before token `i` (skipping a currency symbol).
pub fn hedge_before(
    ctx: &Ctx,
    s: &Sentence,
    i: usize,
) -> Option<(usize, String, crate::rules::lexicon::HedgeDef)> {
    let toks = &ctx.seg.tokens;
    let before = i.checked_sub(1).filter(|&b| b >= s.tokens.start)?;
    for (words, def) in ctx.lex.hedge_phrases.get(toks[before].lower.as_str()) {
        let n = words.len();
        if i < s.tokens.start + n {
            continue;
        }
        let from = i - n;
        if toks[from..i]
            .iter()
            .zip(words)
            .all(|(t, w)| t.lower == w.as_str())
        {
            return Some((from, words.join(" "), *def));
        }
    }
    None
}
