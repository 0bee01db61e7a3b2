//! The lexicon: how numbers, hedges, dates, names and claims are written.
//!
//! Deserialized from the `[lexicon]` tables of rule files (the built-in
//! `rules/lexicon.toml` first; user files may add entries). Extraction reads
//! all its vocabulary from here, never from literals in code.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

/// Declares one `[lexicon.*]` table once: the struct serde reads, and how
/// a later rule file's table adds to it (every field is a map or a set, and
/// `extend` adds its entries; later entries win for maps).
macro_rules! table {
    (pub struct $name:ident { $($(#[$doc:meta])* pub $field:ident: $ty:ty,)* }) => {
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct $name {
            $($(#[$doc])* pub $field: $ty,)*
        }

        impl $name {
            fn merge(&mut self, other: $name) {
                $(self.$field.extend(other.$field);)*
            }
        }
    };
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconDef {
    pub numbers: NumbersDef,
    pub units: HashMap<String, UnitDef>,
    pub hedges: HashMap<String, HedgeDef>,
    pub dates: DatesDef,
    pub durations: DurationsDef,
    pub claims: ClaimsDef,
    pub names: NamesDef,
    pub words: WordsDef,
    /// `[lexicon.align]`: a file that gives it replaces the table whole.
    pub align: Option<AlignDef>,
}

/// How much evidence alignment needs that two facts are about the same
/// thing, and what each kind of evidence is worth (see `align`). Each
/// cut-off is compared with the IDF-weighted cosine of the facts' contexts
/// plus the bonuses their slot earns; values are never part of it.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlignDef {
    /// Facts under the fallback rule of their kind.
    pub gate: f32,
    /// Facts a topic rule selected: the rule already says what they are about.
    pub topic_gate: f32,
    /// Dates, of which a report names many.
    pub date_gate: f32,
    /// Claims of the same predicate.
    pub claim_gate: f32,
    /// Each source states one fact of the slot.
    pub unique_bonus: f32,
    /// Both facts come first of their slot in their sources.
    pub lead_bonus: f32,
    /// Both facts are stated in their sources' headlines.
    pub headline_bonus: f32,
    /// The event word nearest one fact stands next to the other.
    pub event_bonus: f32,
    /// Two dates whose nearest event word is the same (on top of `event_bonus`).
    pub date_event_bonus: f32,
    /// The two facts' sentences state another fact the sources share.
    pub anchor_bonus: f32,
    /// The same for two figures of one slot, each the only one of its slot
    /// in its sentence.
    pub figure_anchor_bonus: f32,
    /// More for two days, each the only one its sentence tells, whose
    /// sentences state a figure the sources share (on top of `anchor_bonus`).
    pub day_anchor_bonus: f32,
    /// Two days told with clock times the sources share: one moment.
    pub clock_bonus: f32,
    /// Names whose spellings score at least this (see `name_score` in the judge).
    pub name_gate: f32,
    /// Two figures that are each other's best candidate need only this
    /// fraction of their gate.
    pub mutual_gate: f32,
    /// Taken from two dates when one is told to the day or month and the
    /// other only by a longer stretch (a season, a year).
    pub coarse_penalty: f32,
    /// Taken from two figures whose sentences name no one in common: told
    /// of different subjects.
    pub apart_penalty: f32,
    /// Taken from two figures one of which is told in a clause that looks
    /// forward ("could bring winds of up to 150 km/h") and the other not:
    /// what may be is not what is.
    pub forward_penalty: f32,
}

impl Default for AlignDef {
    fn default() -> Self {
        AlignDef {
            gate: 0.2,
            topic_gate: 0.12,
            date_gate: 0.35,
            claim_gate: 0.2,
            unique_bonus: 0.15,
            lead_bonus: 0.1,
            headline_bonus: 0.1,
            event_bonus: 0.1,
            date_event_bonus: 0.1,
            anchor_bonus: 0.1,
            figure_anchor_bonus: 0.15,
            day_anchor_bonus: 0.2,
            clock_bonus: 0.35,
            name_gate: 0.8,
            mutual_gate: 0.75,
            coarse_penalty: 0.05,
            apart_penalty: 0.1,
            forward_penalty: 0.2,
        }
    }
}

table! {
    pub struct NumbersDef {
        /// Words that name a figure an earlier one: "an earlier forecast of …".
        pub earlier: HashSet<String>,
        /// Verbs of winning or leading: a figure after "by" in their clause is
        /// a margin ("defeated Sellers by 1,840 votes").
        pub margins: HashSet<String>,
        /// Nouns for a margin before "of": "a majority of 1.2 million".
        pub margin_nouns: HashSet<String>,
        /// Words that make a figure near them a forecast ("had expected revenue of …").
        pub forecast: HashSet<String>,
        /// Words that make a figure near them a requirement ("the two-thirds required").
        pub required: HashSet<String>,
        /// Verbs of change: they say that a figure moved, not what moved
        /// (see `flag::CHANGE`).
        pub changes: HashSet<String>,
        /// Verbs that move a figure ("raised the age from 62 to 65"): with
        /// `changes`, they make the first of "from X to Y" an earlier figure.
        #[serde(default)]
        pub moves: HashSet<String>,
        /// Words right before a figure that make it a stretch of a larger
        /// whole ("the first 40 entries", "the last 12 games"): a part of it,
        /// not its count.
        #[serde(default)]
        pub portion: HashSet<String>,
        pub words: HashMap<String, f64>,
        pub weak: HashSet<String>,
        pub ordinals: HashMap<String, f64>,
        pub scales: HashMap<String, f64>,
        pub vague: HashMap<String, [f64; 2]>,
        pub currencies: HashMap<String, String>,
        pub labels: HashSet<String>,
        pub increments: HashSet<String>,
        pub generic_nouns: HashSet<String>,
        pub role_nouns: HashSet<String>,
        /// Nouns for the people at work in a place ("workers", "staff"):
        /// any noun for a person may count the same people ("miners").
        #[serde(default)]
        pub workforce_nouns: HashSet<String>,
        pub not_nouns: HashSet<String>,
        /// Nouns for a running total named before its figure ("the death toll
        /// rose to four", "the number of cases reached 30").
        pub totals: HashSet<String>,
        /// Fractions of a whole, as shares ("a third of", "two-thirds of", "half of").
        pub fractions: HashMap<String, f64>,
        /// Words that raise a length unit to an area or a volume ("square
        /// miles", "cubic metres").
        pub powers: HashMap<String, PowerDef>,
        /// Adjectives of size a measure is glued to ("250m-long", "30m-high").
        pub measures: HashSet<String>,
        /// Words that make a figure a rate when a noun follows them ("$42 a
        /// share", "3,000 barrels per day", "$2bn of cargo every day").
        pub rate_markers: HashSet<String>,
        /// Adverbs of a rate after a figure and its noun, with what it is
        /// per ("7,000 steps daily" is "7,000 steps per day").
        #[serde(default)]
        pub rate_adverbs: HashMap<String, String>,
        /// Words after such a noun that make it a time, not a rate ("a year ago").
        pub not_rate_after: HashSet<String>,
    }
}

/// A length unit raised to a power: its dimension, the power, and what one
/// base length raised to it is in the dimension's base unit (a cubic metre is
/// 1,000 litres).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerDef {
    pub dimension: String,
    pub power: i32,
    pub scale: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub dimension: String,
    pub factor: f64,
    /// For a unit written for several sizes ("ton": short, metric or long),
    /// the largest factor it may stand for; `factor` is then the smallest.
    #[serde(default)]
    pub up_to: Option<f64>,
    /// Added before the factor, for scales that do not start at zero
    /// together: Fahrenheit is (°F − 32) × 5/9 degrees Celsius.
    #[serde(default)]
    pub offset: f64,
    /// The word that completes a unit of two words ("percentage" takes
    /// "points"), read with it when it follows.
    #[serde(default)]
    pub then: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeShape {
    Below,
    Around,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeDef {
    pub shape: HedgeShape,
    #[serde(default)]
    pub width: f64,
}

table! {
    pub struct DatesDef {
        pub months: HashMap<String, i8>,
        pub ambiguous_months: HashSet<String>,
        pub weekdays: HashMap<String, i8>,
        pub holidays: HashMap<String, String>,
        pub relative_days: HashMap<String, i32>,
        pub anchored: HashMap<String, i32>,
        pub month_parts: HashMap<String, [i8; 2]>,
        /// Seasons, as their first and last months ("spring" = [3, 5]).
        pub seasons: HashMap<String, [i8; 2]>,
        pub future_cues: HashSet<String>,
        /// Prepositions of place ("in", "at", "off"): a phrase they open
        /// beside a date says where its event was, not what it was.
        pub place_prepositions: HashSet<String>,
        /// Parts of a day and words of a clock time ("Tuesday morning",
        /// "late Friday", "local time"): when something happened, never what.
        pub day_parts: HashSet<String>,
        /// Words that name a clock time, in minutes after midnight: "at
        /// noon" is 12:00.
        pub clock_words: HashMap<String, u16>,
        /// Time zones after a clock time, as minutes east of UTC ("gmt" = 0).
        pub zones: HashMap<String, i16>,
        /// Zones that move an hour forward in summer ("ET", "Central"): their
        /// offset is the standard one, and one hour is added from March to November.
        pub summer_zones: HashSet<String>,
        /// Words that label a time stamp under a byline ("Updated 3 June
        /// 2031 6:50am"): a line of a date, a clock time and these is when
        /// the report was filed, no fact it tells.
        pub stamps: HashSet<String>,
    }
}

table! {
    pub struct DurationsDef {
        pub units: HashMap<String, f64>,
        pub not_after: HashSet<String>,
        pub positional: HashSet<String>,
    }
}

table! {
    pub struct ClaimsDef {
        pub negation: HashSet<String>,
        /// Words that say a thing is there, a few words before its noun
        /// ("has gates", "found evidence", "there were survivors").
        pub having: HashSet<String>,
        pub hedged: HashSet<String>,
        /// Of the modal cues, those that state an intention or a settled
        /// future, not a possibility: two claims told with them and of
        /// opposite polarity conflict ("would raise prices" / "would not
        /// raise prices"), as two reports of what happened do.
        pub intent: HashSet<String>,
        pub attribution: HashSet<String>,
        /// Words that may stand between a negation and its verb ("did not
        /// yet confirm", "has never been charged"); adverbs in -ly always may.
        pub between: HashSet<String>,
        /// Nouns after "no" that make an adverb or a set phrase, not a denial
        /// ("no longer", "no one", "no doubt").
        pub not_denied: HashSet<String>,
        /// Two-word phrases that deny a noun phrase ("ruled out a leak").
        pub ruling_out: Vec<String>,
        /// Verbs of making a thing known ("release", "disclose", "say"):
        /// denied, each withholds what it acts on, so "did not release the
        /// name" and "refused to say the name" are one claim.
        pub telling: HashSet<String>,
        /// Words that say a thing is known ("known", "clear"): denied, or
        /// in "un-" ("unclear"), each says what follows is not known, so
        /// "it is not known if" and "it remains unclear
        /// whether" are one claim.
        pub knowing: HashSet<String>,
    }
}

table! {
    pub struct NamesDef {
        pub connectors: HashSet<String>,
        pub articles: HashSet<String>,
        /// Words for a company's legal form ("Inc", "Ltd"), left out when
        /// names are compared: "Acme Inc" is "Acme".
        pub legal_forms: HashSet<String>,
        pub titles: HashSet<String>,
        pub nicknames: HashMap<String, String>,
        pub not_names: HashSet<String>,
    }
}

table! {
    pub struct WordsDef {
        pub stopwords: HashSet<String>,
        pub lemmas: HashMap<String, String>,
        pub abbreviations: HashSet<String>,
        pub prefixes: HashSet<String>,
    }
}

impl LexiconDef {
    /// Add every entry of `other` (later entries win for maps).
    pub fn merge(&mut self, other: LexiconDef) {
        self.numbers.merge(other.numbers);
        self.units.extend(other.units);
        self.hedges.extend(other.hedges);
        self.dates.merge(other.dates);
        self.durations.merge(other.durations);
        self.claims.merge(other.claims);
        self.names.merge(other.names);
        self.words.merge(other.words);
        if other.align.is_some() {
            self.align = other.align;
        }
    }
}

/// The lexicon ready for lookups.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub def: LexiconDef,
    /// Given names the nickname table knows, short and full ("matt", "matthew").
    pub given_names: HashSet<String>,
    /// Hedge phrases, indexed by their last word (they end right before a figure).
    pub hedge_phrases: Phrases<HedgeDef>,
    /// Holiday phrases, indexed by their first word.
    pub holiday_phrases: Phrases<(i8, i8)>,
    /// Phrases counted from the previous date ("the following day"), by first word.
    pub anchored_phrases: Phrases<i32>,
    /// Words that say how something is measured and never what happened:
    /// size adjectives ("long", "wide"), words for a total ("total",
    /// "number"), one-word hedges ("roughly") and the marks of a clock time
    /// ("p.m.", "GMT"). With units, they are no event words.
    pub measure_words: HashSet<String>,
    /// Last words of two-word currency names ("crowns" of "norwegian
    /// crowns"): only after one of them is the word before looked at.
    currency_tails: HashSet<String>,
    /// `[lexicon.numbers] workforce_nouns` as lemmas, the form counted
    /// nouns take ("employee" is "employe").
    workforce: HashSet<String>,
    /// `[lexicon.claims] telling` as lemmas.
    telling: HashSet<String>,
    /// The person nouns (`rules/person-nouns.txt`) as lemmas, the form
    /// counted nouns take ("nurses" is "nurs"): made on first use.
    person_lemmas: std::sync::OnceLock<HashSet<String>>,
}

/// Multi-word phrases indexed by one of their words, so matching at a token
/// looks at the few phrases that can match there, longest first.
#[derive(Debug, Clone)]
pub struct Phrases<V> {
    by_word: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            by_word: HashMap::default(),
        }
    }
}

impl<V> Phrases<V> {
    fn new(items: Vec<(Vec<String>, V)>, by_last_word: bool) -> Self {
        let mut by_word: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::default();
        for (words, v) in items.into_iter().filter(|(w, _)| !w.is_empty()) {
            let key = if by_last_word {
                words[words.len() - 1].clone()
            } else {
                words[0].clone()
            };
            by_word.entry(key).or_default().push((words, v));
        }
        for list in by_word.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        Phrases { by_word }
    }

    /// The phrases indexed under `word`, longest first.
    pub fn get(&self, word: &str) -> &[(Vec<String>, V)] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Split a phrase the way the tokenizer would (words and apostrophes kept together).
pub fn phrase_words(p: &str) -> Vec<String> {
    crate::text::tokenize(p, 0)
        .into_iter()
        .map(|t| t.lower.to_string())
        .collect()
}

/// A word list embedded in the binary (one word a line, `#` comments), read
/// once on first use and kept sorted. A short run searches it by bisection:
/// one allocation, nothing hashed at start-up. A long one (a batch, a large
/// source) builds a hash set once, after enough lookups to pay for it. Both
/// answer alike; only the cost differs.
struct WordList {
    text: &'static str,
    sorted: std::sync::OnceLock<Vec<&'static str>>,
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
    lookups: std::sync::atomic::AtomicUsize,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            sorted: std::sync::OnceLock::new(),
            set: std::sync::OnceLock::new(),
            lookups: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The words, sorted.
    fn words(&self) -> &[&'static str] {
        self.sorted.get_or_init(|| word_list(self.text))
    }

    fn contains(&self, w: &str) -> bool {
        if let Some(set) = self.set.get() {
            return set.contains(w);
        }
        if self
            .lookups
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            > HASH_AFTER
        {
            return self
                .set
                .get_or_init(|| self.words().iter().copied().collect())
                .contains(w);
        }
        self.words().binary_search(&w).is_ok()
    }
}

/// Common lower-case English words (`rules/common-words.txt`, with its
/// provenance).
static COMMON_WORDS: WordList = WordList::new(include_str!("../../rules/common-words.txt"));

fn common_words() -> &'static [&'static str] {
    COMMON_WORDS.words()
}

/// The words of a word list (one a line, `#` comments), sorted.
fn word_list(text: &'static str) -> Vec<&'static str> {
    let mut words: Vec<&'static str> =
        Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count());
    words.extend(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty()),
    );
    if !words.is_sorted() {
        words.sort_unstable();
    }
    words
}

/// Irregular past forms of verbs that are not nouns (`rules/verb-forms.txt`,
/// from WordNet, sorted).
static VERB_FORMS: WordList = WordList::new(include_str!("../../rules/verb-forms.txt"));

/// A table of word pairs embedded in the binary ("form base" a line, `#`
/// comments), read once on first use and kept sorted by its first word.
struct PairTable {
    text: &'static str,
    sorted: std::sync::OnceLock<Vec<(&'static str, &'static str)>>,
}

impl PairTable {
    const fn new(text: &'static str) -> PairTable {
        PairTable {
            text,
            sorted: std::sync::OnceLock::new(),
        }
    }

    /// The second word of the pair whose first word is `w`.
    fn get(&self, w: &str) -> Option<&'static str> {
        let pairs = self.sorted.get_or_init(|| {
            let mut pairs: Vec<_> = self
                .text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once(' '))
                .collect();
            pairs.sort_unstable();
            pairs
        });
        pairs
            .binary_search_by(|&(first, _)| first.cmp(w))
            .ok()
            .map(|k| pairs[k].1)
    }
}

/// Irregular forms of verbs and the verb of each (`rules/verb-bases.txt`,
/// from WordNet): "knew" is "know", "fled" is "flee".
static VERB_BASES: PairTable = PairTable::new(include_str!("../../rules/verb-bases.txt"));

/// Nouns of an act or event and the verb each is made from
/// (`rules/verb-nouns.txt`, from WordNet): "explosion" is made from
/// "explode", "closure" from "close".
static VERB_NOUNS: PairTable = PairTable::new(include_str!("../../rules/verb-nouns.txt"));

/// The verb a common noun of an act or event is made from ([`VERB_NOUNS`]);
/// plurals are read too ("closures", "discoveries").
fn verb_of_noun(w: &str) -> Option<&'static str> {
    let find = |w: &str| VERB_NOUNS.get(w);
    find(w)
        .or_else(|| w.strip_suffix('s').and_then(find))
        .or_else(|| find(&format!("{}y", w.strip_suffix("ies")?)))
}

/// [`Lexicon::lemma`] by the irregular table `lemmas`.
fn lemma_of(lemmas: &HashMap<String, String>, w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    stem(
        lemmas
            .get(w)
            .map(String::as_str)
            .or_else(|| VERB_BASES.get(w))
            .unwrap_or(w),
    )
}

/// Nouns whose first sense names a person (`rules/person-nouns.txt`, from
/// WordNet).
static PERSON_NOUNS: WordList = WordList::new(include_str!("../../rules/person-nouns.txt"));

/// Given names (`rules/first-names.txt`, from the US census).
static FIRST_NAMES: WordList = WordList::new(include_str!("../../rules/first-names.txt"));

/// `rules/noun-kinds-stems.txt`: the pairs of `rules/noun-kinds.txt` by
/// stem, both ways round, sorted, one pair a line (written from the word
/// list by a test, `noun_kinds_table_is_current`); lookups bisect the text.
const NOUN_KINDS_STEMS: &str = include_str!("../../rules/noun-kinds-stems.txt");

/// Where the table's pairs start: after its comment lines.
fn noun_kind_body() -> &'static str {
    static BODY: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    BODY.get_or_init(|| {
        let text = NOUN_KINDS_STEMS;
        let mut at = 0;
        while text[at..].starts_with('#') {
            at += text[at..].find('\n').map_or(text.len() - at, |n| n + 1);
        }
        &text[at..]
    })
}

/// The (noun, kind) pair on the line that holds byte `at` of `body`, and
/// the byte range of that line.
fn noun_kind_line(body: &'static str, at: usize) -> ((&'static str, &'static str), usize, usize) {
    let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
    let line = &body[start..end];
    (line.split_once(' ').unwrap_or((line, "")), start, end)
}

/// The table `kinds_of_thing` searches, from the word list: every pair by
/// stem, both ways round, sorted, without repeats.
pub fn noun_kinds_table(words: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (a, b) in words
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
    {
        let (a, b) = (stem(a), stem(b));
        if a != b {
            out.push((b.clone(), a.clone()));
            out.push((a, b));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Lookups of one word list after which a hash set of it pays for itself.
const HASH_AFTER: usize = 50_000;

impl Lexicon {
    /// The tokens of a name as compared: folded, without articles and
    /// connectors, lemmatised ("Farms" = "Farm", "Centre" = "Center").
    pub fn name_tokens(&self, name: &str) -> Vec<String> {
        name.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2011}')
            .map(|w| {
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("\u{2019}s"))
                    .unwrap_or(w)
            })
            .map(crate::text::fold)
            .filter(|w| {
                !w.is_empty()
                    && !self.def.names.articles.contains(w)
                    && !self.def.names.connectors.contains(w)
                    && !self.is_legal_form(w)
            })
            .map(|w| self.name_word(w))
            .collect()
    }

    /// A name as compared, one string: its [`Lexicon::name_tokens`] joined.
    pub fn normalize_name(&self, name: &str) -> String {
        self.name_tokens(name).join(" ")
    }

    /// A word of a name as compared: the lexicon's irregular forms ("Centre" =
    /// "Center"), and a common word's plural "s" dropped ("Farms" = "Farm"), but no stemming:
    /// "Josie" and "Lyons" stay as written, so given names and places meet their
    /// own spellings.
    fn name_word(&self, w: String) -> String {
        if let Some(l) = self.def.words.lemmas.get(&w) {
            return l.clone();
        }
        // Only a common word's plural: "Farms" is "Farm", but "Salas" and
        // "Lyons" keep their "s" (compared as written, one letter apart
        // from "Salaz" and "Lyonz").
        match w.strip_suffix('s') {
            Some(b)
                if b.chars().count() >= 4
                    && !b.ends_with(['s', 'u', 'i'])
                    && self.is_common_word(b) =>
            {
                b.to_string()
            }
            _ => w,
        }
    }
    /// Whether a (lower-case) word is a common English word: one that opens a
    /// sentence capitalised without being a name ("Meanwhile", "Residents").
    pub fn align(&self) -> AlignDef {
        self.def.align.unwrap_or_default()
    }

    pub fn is_common_word(&self, w: &str) -> bool {
        // Looked up for every distinct word of every source.
        COMMON_WORDS.contains(w)
    }

    /// Whether a (lower-case) word is a given name the lexicon knows, as a
    /// nickname or the full form ("matt", "matthew").
    pub fn is_given_name(&self, w: &str) -> bool {
        self.given_names.contains(w)
    }

    /// The currency a word after a figure names, read with the word before
    /// it when the two name one ("Canadian dollars", "Norwegian crowns"):
    /// the two-word name first, then the word alone ("dollars").
    /// `before` is that word, lower-cased, and whether it was written with
    /// a capital: a name the table does not hold before a word that ends
    /// such names ("Fijian dollars", "Sudanese pounds") names a currency of
    /// its own, never the one the word alone names, and is its own unit.
    pub fn currency(
        &self,
        before: Option<(&str, bool)>,
        w: &str,
    ) -> Option<std::borrow::Cow<'_, str>> {
        if let Some((b, named)) = before
            && self.currency_tails.contains(w)
        {
            if let Some(c) = self.def.numbers.currencies.get(&format!("{b} {w}")) {
                return Some(std::borrow::Cow::Borrowed(c));
            }
            if named && self.def.numbers.currencies.contains_key(w) {
                return Some(std::borrow::Cow::Owned(format!("{b} {w}").to_uppercase()));
            }
        }
        self.def
            .numbers
            .currencies
            .get(w)
            .map(|c| std::borrow::Cow::Borrowed(c.as_str()))
    }

    pub fn new(mut def: LexiconDef) -> Result<Lexicon, String> {
        // A currency's code is a currency word too: "EUR 12 million", "3bn USD";
        // not one that is an English word ("TRY", "MAD": "try 40 samples").
        let codes: Vec<String> = def.numbers.currencies.values().cloned().collect();
        for code in codes {
            let lower = code.to_lowercase();
            if common_words().binary_search(&lower.as_str()).is_err() {
                def.numbers.currencies.entry(lower).or_insert(code);
            }
        }
        let hedge_phrases = Phrases::new(
            def.hedges
                .iter()
                .map(|(k, v)| (phrase_words(k), *v))
                .collect(),
            true,
        );
        let mut holiday_phrases = Vec::new();
        let mut holidays: Vec<_> = def.dates.holidays.iter().collect();
        holidays.sort();
        for (k, v) in holidays {
            let (m, d) = v
                .split_once('-')
                .and_then(|(m, d)| Some((m.parse::<i8>().ok()?, d.parse::<i8>().ok()?)))
                .filter(|&(m, d)| (1..=12).contains(&m) && (1..=31).contains(&d))
                .ok_or_else(|| format!("holiday `{k}` has date `{v}`; write it as \"MM-DD\""))?;
            holiday_phrases.push((phrase_words(k), (m, d)));
        }
        let holiday_phrases = Phrases::new(holiday_phrases, false);
        let anchored_phrases = Phrases::new(
            def.dates
                .anchored
                .iter()
                .map(|(k, v)| (phrase_words(k), *v))
                .collect(),
            false,
        );
        Ok(Lexicon {
            anchored_phrases,
            given_names: def
                .names
                .nicknames
                .iter()
                .flat_map(|(k, v)| [k.clone(), v.clone()])
                .collect(),
            hedge_phrases,
            holiday_phrases,
            workforce: def
                .numbers
                .workforce_nouns
                .iter()
                .map(|w| lemma_of(&def.words.lemmas, w))
                .collect(),
            telling: def
                .claims
                .telling
                .iter()
                .map(|w| lemma_of(&def.words.lemmas, w))
                .collect(),
            person_lemmas: Default::default(),
            currency_tails: def
                .numbers
                .currencies
                .keys()
                .filter_map(|k| k.split_once(' ').map(|(_, t)| t.to_string()))
                .collect(),
            measure_words: def
                .numbers
                .measures
                .iter()
                .chain(&def.numbers.totals)
                .chain(def.dates.zones.keys())
                .chain(&def.dates.day_parts)
                .cloned()
                // A one-word hedge ("roughly", "nearly") says how exact a
                // figure is, not what happened.
                .chain(def.hedges.keys().filter(|h| !h.contains(' ')).cloned())
                .chain(
                    ["am", "pm", "a.m", "p.m", "a.m.", "p.m."]
                        .into_iter()
                        .map(String::from),
                )
                .collect(),
            def,
        })
    }

    pub fn is_abbreviation(&self, lower: &str) -> bool {
        self.def
            .words
            .abbreviations
            .contains(lower.trim_end_matches('.'))
    }

    /// Whether a (lower-case) word is a verb's past form, regular ("killed")
    /// or irregular ("spent", "held"): the verb after a figure, not the
    /// thing it counts.
    pub fn is_past_form(&self, w: &str) -> bool {
        w.ends_with("ed") || VERB_FORMS.contains(w)
    }

    /// Whether a (lower-case) word is a given name ("rita", "dana"): one of
    /// the census's first names, or of the nickname table.
    pub fn is_first_name(&self, w: &str) -> bool {
        FIRST_NAMES.contains(w) || self.is_given_name(w)
    }

    /// Whether a (lower-case) word names a person's role, not the person: a
    /// noun for a person that is no given name ("councilwoman", "retailer";
    /// not "victor", a given name too).
    pub fn is_role_noun(&self, w: &str) -> bool {
        !self.is_first_name(w) && self.is_person_noun(w)
    }

    /// Whether a word (any case, a full stop after it or not) is a
    /// company's legal form ("Inc.", "Ltd"): no part of the name it follows.
    pub fn is_legal_form(&self, w: &str) -> bool {
        let w = w.trim_end_matches('.');
        self.def.names.legal_forms.contains(w)
            || self
                .def
                .names
                .legal_forms
                .contains(w.to_lowercase().as_str())
    }

    /// Whether a counted noun counts people: a generic one ("people",
    /// "residents") or one naming a person ("workers", "evacuees").
    pub fn counts_people(&self, w: &str) -> bool {
        self.def.numbers.generic_nouns.contains(w)
            || self.is_person_noun(w)
            || self.is_person_lemma(w)
    }

    /// Whether a counted noun, as [`Lexicon::lemma`] gives it, is the lemma
    /// of a noun naming a person ("nurs" of "nurses"), where the lemma is
    /// no such noun itself.
    pub fn is_person_lemma(&self, w: &str) -> bool {
        self.person_lemmas
            .get_or_init(|| {
                // (Of the plural too, which may lose more: "employee" is
                // "employe", "employees" "employ".)
                let lemmas = &self.def.words.lemmas;
                PERSON_NOUNS
                    .words()
                    .iter()
                    .flat_map(|n| [lemma_of(lemmas, n), lemma_of(lemmas, &format!("{n}s"))])
                    .collect()
            })
            .contains(w)
    }

    /// Whether a (lower-case, singular) noun names a person by its first
    /// sense ("fisherman", "pilot"), not a thing ("ferry", "jet"); or is a
    /// closed compound of a common word and such a noun, which English
    /// makes freely ("councilwoman", "assemblyman", "boardmember").
    pub fn is_person_noun(&self, w: &str) -> bool {
        let listed = |w: &str| PERSON_NOUNS.contains(w);
        listed(w)
            || w.is_ascii()
                && (4..w.len().saturating_sub(2)).any(|k| {
                    let (first, last) = w.split_at(k);
                    listed(last) && self.is_common_word(first)
                })
    }

    /// The counted nouns (as [`Lexicon::lemma`] gives them) that name the
    /// same kind of thing as this one, or a kind of it or what it is a kind
    /// of ("physician": "doctor").
    pub fn kinds_of_thing(&self, noun: &str) -> impl Iterator<Item = &'static str> {
        // Bisect the sorted lines of the table as it is embedded: no index to
        // build, nothing allocated.
        let body = noun_kind_body();
        let (mut lo, mut hi) = (0, body.len());
        while lo < hi {
            let ((n, _), start, end) = noun_kind_line(body, lo + (hi - lo) / 2);
            if n < noun {
                lo = end + 1;
            } else {
                hi = start;
            }
        }
        let mut at = lo;
        std::iter::from_fn(move || {
            if at >= body.len() {
                return None;
            }
            let ((n, k), _, end) = noun_kind_line(body, at);
            at = end + 1;
            (n == noun).then_some(k)
        })
    }

    /// Whether two counted nouns name one kind of thing, or one a kind of the
    /// other: by the table, or as a closed compound of a common word and a
    /// noun naming a person, told in one word or two ("dockworker" /
    /// "worker" in "dock workers", "crewmember" / "member").
    pub fn same_kind_of_thing(&self, a: &str, b: &str) -> bool {
        let compound = |a: &str, b: &str| {
            a.len() > b.len() + 2
                && a.ends_with(b)
                && PERSON_NOUNS.contains(b)
                && self.is_common_word(&a[..a.len() - b.len()])
        };
        // (People at work and any noun for a person: "42 workers" / "42 miners".
        // Both are lemmas: "nurses" is "nurs", so the noun may have lost an "e".)
        let workforce = |a: &str, b: &str| {
            b != a
                && self.workforce.contains(a)
                && (self.is_person_noun(b) || self.is_person_noun(&format!("{b}e")))
        };
        self.kinds_of_thing(a).any(|k| k == b)
            || compound(a, b)
            || compound(b, a)
            || workforce(a, b)
            || workforce(b, a)
    }

    /// The lemma of a lower-case word: the irregular table first, then the
    /// irregular verb forms ("knew": "know"), then conservative suffix
    /// stripping (plural, -ed, -ing, -ment).
    /// Whether a lemma is of a verb of making a thing known
    /// (`[lexicon.claims] telling`).
    pub fn is_telling(&self, lemma: &str) -> bool {
        self.telling.contains(lemma)
    }

    pub fn lemma(&self, w: &str) -> String {
        lemma_of(&self.def.words.lemmas, w)
    }

    /// What a word tells of an event: the lemma of the verb a noun of an
    /// act or event is made from ("explosions" as "exploded", "closures" as
    /// "closed"), if it is one. Events and contexts compare these; what a
    /// figure counts stays the noun ("three closures" are not "three closed").
    pub fn root(&self, w: &str) -> Option<String> {
        let w = w.strip_suffix("'s").unwrap_or(w);
        // (Not a word the hand table reads already: "evacuees", "theft".)
        if self.def.words.lemmas.contains_key(w) {
            return None;
        }
        verb_of_noun(w).map(|v| self.lemma(v))
    }

    /// Number value of a number word.
    pub fn number_word(&self, w: &str) -> Option<f64> {
        self.def.numbers.words.get(w).copied()
    }

    /// Whether a date can start at this (lower-case) word: a month, a
    /// weekday, a relative day, "last"/"this", a number word, or the first word of an
    /// anchored or holiday phrase. `extract::date` skips every other word.
    pub fn starts_date(&self, w: &str) -> bool {
        let d = &self.def.dates;
        // A possessive day: "Thursday's vote", "yesterday's poll".
        let w = w.strip_suffix("'s").unwrap_or(w);
        d.months.contains_key(w)
            || d.weekdays.contains_key(w)
            || d.seasons.contains_key(w)
            || d.relative_days.contains_key(w)
            || matches!(w, "last" | "this" | "next")
            || d.clock_words.contains_key(w)
            // "six years ago" (not "a", which opens too many phrases to try each)
            || self.def.numbers.words.contains_key(w) && !self.def.numbers.weak.contains(w)
            || !self.anchored_phrases.get(w).is_empty()
            || !self.holiday_phrases.get(w).is_empty()
    }

    /// Whether a number can start at this (lower-case) word: a number word,
    /// an ordinal or a vague count ("dozens").
    pub fn starts_number(&self, w: &str) -> bool {
        let n = &self.def.numbers;
        n.words.contains_key(w)
            || n.ordinals.contains_key(w)
            || n.vague.contains_key(w)
            // "half a mile"
            || w.starts_with("half") && n.fractions.contains_key(w)
    }

    /// Whether a word (given with its lemma) is a unit: [`Lexicon::unit`]
    /// without building its canonical name.
    pub fn is_unit(&self, w: &str, lemma: &str) -> bool {
        let units = &self.def.units;
        units.contains_key(w)
            || units.contains_key(lemma)
            || units.contains_key(w.trim_end_matches('s'))
    }

    /// Resolve a unit word (singular or plural) to (dimension, factor, canonical name).
    /// The largest factor a unit may stand for (see `UnitDef::up_to`).
    /// What a unit adds before its factor (see `UnitDef::offset`).
    pub fn unit_offset(&self, w: &str) -> f64 {
        self.unit(w)
            .and_then(|(_, _, key)| self.def.units.get(key.as_str()).map(|u| u.offset))
            .unwrap_or(0.0)
    }

    /// Whether `next` completes the unit `w` ("percentage points").
    pub fn unit_completed_by(&self, w: &str, next: &str) -> bool {
        self.unit(w)
            .and_then(|(_, _, key)| self.def.units.get(key.as_str()))
            .and_then(|u| u.then.as_deref())
            .is_some_and(|then| next == then || self.lemma(next) == self.lemma(then))
    }

    pub fn unit_up_to(&self, w: &str) -> Option<f64> {
        let (_, _, key) = self.unit(w)?;
        self.def.units.get(key.as_str()).and_then(|u| u.up_to)
    }

    pub fn unit(&self, w: &str) -> Option<(&str, f64, String)> {
        let cands = [
            w.to_string(),
            self.lemma(w),
            w.trim_end_matches('s').to_string(),
        ];
        cands.iter().find_map(|c| {
            self.def
                .units
                .get(c.as_str())
                .map(|u| (u.dimension.as_str(), u.factor, c.clone()))
        })
    }

    /// Seconds per duration unit for a (possibly plural) unit word.
    pub fn duration_unit(&self, w: &str) -> Option<(f64, String)> {
        let singular = w.strip_suffix('s').unwrap_or(w);
        [w, singular].iter().find_map(|c| {
            self.def
                .durations
                .units
                .get(*c)
                .map(|s| (*s, c.to_string()))
        })
    }
}

/// A small, conservative English stemmer for matching context words: one
/// suffix off, then a final silent `e`, so "charge", "charges" and "charged"
/// all become "charg".
pub fn stem(w: &str) -> String {
    let mut base = std::borrow::Cow::Borrowed(w);
    for (suffix, keep_min) in [
        ("ments", 4),
        ("ment", 4),
        ("ings", 4),
        ("ing", 4),
        ("ions", 5),
        ("ion", 5),
        ("ied", 3),
        ("ies", 3),
        ("ed", 3),
        ("es", 3),
        ("s", 3),
    ] {
        if let Some(b) = w.strip_suffix(suffix) {
            if b.chars().count() < keep_min {
                continue;
            }
            if suffix == "s" && (b.ends_with('s') || b.ends_with('u') || b.ends_with('i')) {
                continue;
            }
            // A noun of action on "-tion" is its verb's stem: "inspection"
            // and "inspected" are "inspect", "evacuation" and "evacuated"
            // "evacuat". (Only after "t": "opinion", "union" are no verbs.)
            if suffix.starts_with("ion") && !b.ends_with('t') {
                continue;
            }
            base = if suffix == "ied" || suffix == "ies" {
                std::borrow::Cow::Owned(format!("{b}y"))
            } else {
                std::borrow::Cow::Borrowed(b)
            };
            break;
        }
    }
    // And a final silent `e`; one allocation in all.
    match base.strip_suffix('e') {
        Some(b) if base.len() > 3 => b.to_string(),
        _ => base.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    /// `rules/noun-kinds-stems.txt` is the word list's table by today's
    /// stemmer. After changing either, write it anew with
    /// `UPDATE_NOUN_KINDS=1 cargo test noun_kinds_table_is_current`.
    #[test]
    fn noun_kinds_table_is_current() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/");
        let words = std::fs::read_to_string(format!("{dir}noun-kinds.txt")).unwrap();
        let mut want = String::from(
            "# Pairs of rules/noun-kinds.txt by stem, both ways round, sorted (see its\n\
             # header for what they are and where they come from). Written by\n\
             # `UPDATE_NOUN_KINDS=1 cargo test noun_kinds_table_is_current`; do not edit.\n",
        );
        for (a, b) in super::noun_kinds_table(&words) {
            want.push_str(&format!("{a} {b}\n"));
        }
        let path = format!("{dir}noun-kinds-stems.txt");
        if std::env::var_os("UPDATE_NOUN_KINDS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        assert!(
            super::NOUN_KINDS_STEMS == want,
            "rules/noun-kinds-stems.txt is stale: UPDATE_NOUN_KINDS=1 cargo test noun_kinds_table_is_current"
        );
        let lex = crate::rules::RuleSet::builtin().unwrap().lexicon;
        let doctor = lex.lemma("physicians");
        assert!(
            lex.kinds_of_thing(&doctor)
                .any(|k| k == lex.lemma("doctors"))
        );
        assert!(lex.kinds_of_thing("zzzz").next().is_none());
        assert!(lex.kinds_of_thing("").next().is_none());
        // Bisection finds every pair, the first and the last line included.
        let pairs = super::noun_kinds_table(&words);
        for (a, b) in pairs.iter().step_by(97).chain(pairs.last()) {
            assert!(lex.kinds_of_thing(a).any(|k| k == b), "{a} {b}");
        }
    }

    /// The hash set a long run switches to answers as the sorted list does.
    #[test]
    fn common_words_by_set_and_by_search_agree() {
        let lex = crate::rules::RuleSet::builtin().unwrap().lexicon;
        let words = super::common_words();
        for round in 0..2 {
            for w in words.iter().step_by(7) {
                assert!(lex.is_common_word(w), "{w} (round {round})");
            }
            for w in ["", "zzq", "Qx", "\u{1F600}", "bridgeq"] {
                assert_eq!(
                    lex.is_common_word(w),
                    words.binary_search(&w).is_ok(),
                    "{w:?}"
                );
            }
            // Past the threshold, the hash set answers.
            for _ in 0..super::HASH_AFTER {
                lex.is_common_word("river");
            }
        }
    }

    #[test]
    fn stems() {
        assert_eq!(stem("indictment"), "indict");
        assert_eq!(stem("indicted"), "indict");
        assert_eq!(stem("harbors"), "harbor");
        assert_eq!(stem("officers"), "officer");
        assert_eq!(stem("gas"), "gas");
        assert_eq!(stem("cases"), stem("case"));
        assert_eq!(stem("charged"), stem("charges"));
        assert_eq!(stem("released"), stem("release"));
        assert_eq!(stem("companies"), "company");
        assert_eq!(stem("crashes"), "crash");
        // A noun of action on "-tion" meets its verb; other "-ion" nouns stay.
        assert_eq!(stem("inspection"), stem("inspected"));
        assert_eq!(stem("evacuations"), stem("evacuate"));
        assert_eq!(stem("opinion"), "opinion");
        assert_eq!(stem("nation"), "nation");
    }
}
