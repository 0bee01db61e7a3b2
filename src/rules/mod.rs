//! Rules: what concur checks, and how, as data.
//!
//! A rule file is TOML holding `[[rule]]` tables and optionally a `[lexicon]`
//! table. The built-in packs in `rules/` are embedded in the binary; users add
//! their own with `--rules`. Rules are parsed and compiled once (regexes
//! built, word lists lemmatised) into a [`RuleSet`] that every stage borrows.
//!
//! Every error in a rule file is a miette diagnostic that points at the exact
//! span in the TOML: syntax, unknown keys (with a suggestion), wrong types,
//! bad regexes (at the position inside the pattern), duplicate ids.

pub mod lexicon;

pub use lexicon::{HedgeShape, Lexicon, LexiconDef};

use arcstr::ArcStr;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;
use toml::Spanned;

/// The built-in rule packs, embedded at compile time.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/lexicon.toml",
        include_str!("../../rules/lexicon.toml"),
    ),
    (
        "rules/quantities.toml",
        include_str!("../../rules/quantities.toml"),
    ),
    ("rules/dates.toml", include_str!("../../rules/dates.toml")),
    (
        "rules/durations.toml",
        include_str!("../../rules/durations.toml"),
    ),
    ("rules/names.toml", include_str!("../../rules/names.toml")),
    ("rules/claims.toml", include_str!("../../rules/claims.toml")),
    ("rules/ages.toml", include_str!("../../rules/ages.toml")),
];

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quantity,
    Date,
    Duration,
    Name,
    Claim,
    Age,
}

impl Kind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Kind; 6] = [
        Kind::Quantity,
        Kind::Age,
        Kind::Date,
        Kind::Duration,
        Kind::Name,
        Kind::Claim,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Name => "name",
            Kind::Claim => "claim",
            Kind::Age => "age",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NamePolicy {
    /// Any difference in spelling is a conflict.
    Exact,
    /// Spelling differences of the same name are variants.
    Variant,
    /// Like `variant`, and names listed together in `aliases` agree.
    Alias,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// How two values of a topic are compared.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Compare {
    /// Allowed difference between two figures.
    pub tolerance: f64,
    /// `tolerance` is a fraction of the larger figure (true) or in the figure's units (false).
    pub relative: bool,
    /// Whether hedges ("almost", "at least") widen a figure into a range.
    pub hedges: bool,
    /// Dates: the finest unit that must match.
    pub granularity: Granularity,
    /// Names: how spelling differences are judged.
    pub names: NamePolicy,
}

impl Default for Compare {
    fn default() -> Self {
        Compare {
            tolerance: 0.0,
            relative: true,
            hedges: true,
            granularity: Granularity::Day,
            names: NamePolicy::Variant,
        }
    }
}

/// Severity of each discrepant verdict.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Severities {
    pub conflict: Severity,
    pub variant: Severity,
}

impl Default for Severities {
    fn default() -> Self {
        Severities {
            conflict: Severity::Error,
            variant: Severity::Warning,
        }
    }
}

/// A small case that documents and tests a rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub a: String,
    pub b: String,
    pub verdict: String,
    /// Publication dates, to anchor relative dates ("on Friday").
    #[serde(default)]
    pub published_a: Option<String>,
    #[serde(default)]
    pub published_b: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    kind: Kind,
    topic: Spanned<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Vec<String>>,
    #[serde(default)]
    antonyms: Vec<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    compare: Option<Spanned<Compare>>,
    #[serde(default)]
    severity: Severities,
    message: Spanned<String>,
    #[serde(default)]
    help: String,
    #[serde(default)]
    examples: Vec<Spanned<Example>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFileDef {
    #[serde(default)]
    lexicon: Option<LexiconDef>,
    #[serde(default)]
    rule: Vec<RuleDef>,
}

/// Where a rule came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin(&'static str),
    File(String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Builtin(p) => write!(f, "built-in ({p})"),
            Origin::File(p) => f.write_str(p),
        }
    }
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Shared with every finding of the rule, as `help` is.
    pub id: ArcStr,
    pub kind: Kind,
    pub topic: String,
    /// Lemmas of the head word (counted noun, predicate) that select this rule.
    pub nouns: BTreeSet<String>,
    /// Lemmas of words near the fact that select this rule.
    pub events: BTreeSet<String>,
    /// Lemmas of which at least one must be in the sentence.
    pub context: BTreeSet<String>,
    pub patterns: Vec<regex::Regex>,
    /// Names: groups of names for one entity (normalised).
    pub aliases: Vec<Vec<String>>,
    /// Claims: lemmas that state the opposite of the predicate ("acquit" for "convict").
    pub antonyms: BTreeSet<String>,
    /// Quantities: units or dimensions the rule is limited to ("USD", "length").
    pub units: BTreeSet<String>,
    pub compare: Compare,
    pub severity: Severities,
    pub message: String,
    /// Shared with every finding of the rule (a finding holds it, not a copy).
    pub help: ArcStr,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

impl Rule {
    /// A rule with no selectors is the fallback for its kind.
    pub fn is_fallback(&self) -> bool {
        self.nouns.is_empty()
            && self.events.is_empty()
            && self.context.is_empty()
            && self.patterns.is_empty()
            && self.units.is_empty()
            && self.aliases.is_empty()
    }
}

/// Which rules' findings a run reports (`--select`, `--ignore`): ids, or
/// prefixes written with a trailing `*` ("people-*").
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// Check every pattern against the rules in force: one that matches no
    /// rule is a typo, and an error that names the closest rule.
    pub fn new(rules: &RuleSet, select: &[String], ignore: &[String]) -> miette::Result<Selection> {
        for p in select.iter().chain(ignore) {
            if !rules.rules.iter().any(|r| matches(p, &r.id)) {
                let hint = suggest(p, rules.rules.iter().map(|r| r.id.as_str()))
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "`concur rules list` shows every rule".into());
                return Err(miette::miette!(
                    code = "concur::usage",
                    help = hint,
                    "`{p}` matches no rule in force"
                ));
            }
        }
        Ok(Selection {
            select: select.to_vec(),
            ignore: ignore.to_vec(),
        })
    }

    /// Whether findings of rule `id` are reported.
    pub fn reports(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| matches(p, id)))
            && !self.ignore.iter().any(|p| matches(p, id))
    }
}

fn matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => pattern == id,
    }
}

/// The verdict on an aligned group of facts (or on one unmatched fact),
/// most severe first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Conflict,
    Variant,
    Agree,
    Unmatched,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Variant => "variant",
            Verdict::Agree => "agree",
            Verdict::Unmatched => "unmatched",
        }
    }
}

/// An error in a rule or config file, pointing into it.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(concur::rules))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    pub src: std::sync::Arc<NamedSource<String>>,
    #[label("{label}")]
    pub at: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl RuleError {
    fn new(
        path: &str,
        text: &str,
        message: String,
        at: std::ops::Range<usize>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let len = at
            .end
            .saturating_sub(at.start)
            .max(1)
            .min(text.len().saturating_sub(at.start));
        RuleError {
            message,
            src: std::sync::Arc::new(NamedSource::new(path, text.to_string())),
            at: (at.start, len).into(),
            label: label.into(),
            help,
        }
    }
}

/// All rules in force, plus the lexicon they read text with.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub lexicon: Lexicon,
    /// Specific rules first (user before built-in), fallbacks last.
    pub rules: Vec<Rule>,
    /// Claim predicate lemmas of the specific claim rules: lemma → (the rule's
    /// head lemma, whether the word states the opposite).
    pub claim_predicates: rustc_hash::FxHashMap<String, (String, bool)>,
    /// Whether a fallback claim rule (any negated verb) is in force.
    pub claim_fallback: bool,
    /// Every rule's `patterns` in one automaton, matched once per sentence
    /// (not a regex per rule per fact), and for each pattern its rule.
    pub patterns: regex::RegexSet,
    pub pattern_rules: Vec<usize>,
    /// For each event lemma, the rules that list it (indexes into `rules`):
    /// a fact finds its nearest event word's rules with one lookup per word.
    pub event_rules: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// For each lemma, the rules whose nouns or events list it.
    vocabulary: rustc_hash::FxHashMap<String, Vec<usize>>,
}

/// Rule files parsed but not yet merged.
pub struct Loaded {
    lexicon: Option<LexiconDef>,
    /// Each rule with its origin, its file's path and its file's text (one
    /// shared copy per file, for error messages: never one per rule).
    rules: Vec<(RuleDef, Origin, String, std::sync::Arc<str>)>,
}

/// Suggest the closest of `choices` to `word` (for "did you mean").
pub fn suggest<'a>(word: &str, choices: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    choices
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(s, _)| *s > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// The names serde lists after "expected" in an error message: "expected one of `a`, `b`".
fn expected_names(msg: &str) -> Vec<&str> {
    msg.split("expected")
        .nth(1)
        .unwrap_or("")
        .split('`')
        .skip(1)
        .step_by(2)
        .collect()
}

/// Turn a toml/serde error into a diagnostic, adding a "did you mean" for unknown keys.
pub fn toml_error(path: &str, text: &str, err: &toml::de::Error) -> RuleError {
    let msg = err.message().trim().to_string();
    let span = err.span().unwrap_or(0..1);
    let mut help = None;
    let mut label = "here".to_string();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected = expected_names(&msg);
        label = "unknown key".into();
        help = match suggest(field, expected.iter().copied()) {
            Some(s) => Some(format!("did you mean `{s}`?")),
            None if !expected.is_empty() => Some(format!("known keys: {}", expected.join(", "))),
            None => None,
        };
    } else if msg.starts_with("invalid type") {
        label = "wrong type".into();
    } else if msg.starts_with("missing field") {
        label = "in this table".into();
    } else if msg.starts_with("unknown variant") {
        label = "unknown value".into();
        let expected = expected_names(&msg);
        let got = msg.split('`').nth(1).unwrap_or("");
        help = suggest(got, expected.iter().copied())
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| Some(format!("one of: {}", expected.join(", "))));
    }
    let mut first_line = msg.lines().next().unwrap_or(&msg).to_string();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        first_line = format!("unknown key `{}`", rest.split('`').next().unwrap_or(""));
    }
    RuleError::new(
        path,
        text,
        format!("{path}: {first_line}"),
        span,
        label,
        help,
    )
}

impl Loaded {
    pub fn new() -> Loaded {
        Loaded {
            lexicon: None,
            rules: Vec::new(),
        }
    }

    /// Parse one rule file's text.
    pub fn add(&mut self, path: &str, text: &str, origin: Origin) -> Result<(), RuleError> {
        let def: RuleFileDef = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        if let Some(lex) = def.lexicon {
            match &mut self.lexicon {
                Some(l) => l.merge(lex),
                None => self.lexicon = Some(lex),
            }
        }
        let shared: std::sync::Arc<str> = text.into();
        for r in def.rule {
            self.rules
                .push((r, origin.clone(), path.to_string(), shared.clone()));
        }
        Ok(())
    }

    /// Compile everything into a rule set. Later rules with an id already seen
    /// in an *earlier file* replace it; a duplicate id within one file is an error.
    pub fn compile(self) -> Result<RuleSet, RuleError> {
        let lexicon = Lexicon::new(self.lexicon.unwrap_or_default())
            .map_err(|m| RuleError::new("rules/lexicon.toml", "", m, 0..0, "", None))?;
        let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
        let mut seen_in_file: BTreeMap<(String, String), std::ops::Range<usize>> = BTreeMap::new();
        let mut compiled: Vec<Option<Rule>> = Vec::new();
        for (def, origin, path, text) in self.rules {
            let id = def.id.get_ref().clone();
            let id_span = def.id.span();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                || id.starts_with('-')
            {
                return Err(RuleError::new(
                    &path,
                    &text,
                    format!("{path}: rule id `{id}` is not kebab-case"),
                    id_span,
                    "not kebab-case",
                    Some("use lower-case letters, digits and hyphens, e.g. `people-killed`".into()),
                ));
            }
            if let Some(first) = seen_in_file.get(&(path.clone(), id.clone())) {
                let (line, _) = line_of(&text, first.start);
                return Err(RuleError::new(
                    &path,
                    &text,
                    format!("{path}: duplicate rule id `{id}`"),
                    id_span,
                    "defined again here",
                    Some(format!(
                        "`{id}` is first defined on line {line}; ids must be unique"
                    )),
                ));
            }
            seen_in_file.insert((path.clone(), id.clone()), id_span.clone());
            let mut patterns = Vec::new();
            for p in &def.patterns {
                match regex::RegexBuilder::new(p.get_ref())
                    .case_insensitive(true)
                    .size_limit(1 << 20)
                    .build()
                {
                    Ok(re) => patterns.push(re),
                    Err(e) => {
                        let (at, msg) = regex_error_position(p, &text, &e);
                        return Err(RuleError::new(&path, &text, format!("{path}: invalid regex in rule `{id}`"), at, msg, Some("patterns use Rust regex syntax (linear time: no look-around or back-references)".into())));
                    }
                }
            }
            // Placeholders a topic or message may use, and a tolerance that is a number of units.
            for (field, value, allowed) in [
                ("topic", &def.topic, &["{noun}", "{event}"][..]),
                ("message", &def.message, &["{topic}"][..]),
            ] {
                let v = value.get_ref();
                let mut rest = v.as_str();
                while let Some(open) = rest.find('{') {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                    let name = &rest[open..close];
                    if !allowed.contains(&name) {
                        return Err(RuleError::new(
                            &path,
                            &text,
                            format!(
                                "{path}: the {field} of rule `{id}` has an unknown placeholder `{name}`"
                            ),
                            value.span(),
                            "unknown placeholder",
                            Some(format!("a {field} may use {}", allowed.join(", "))),
                        ));
                    }
                    rest = &rest[close..];
                }
            }
            if let Some(c) = &def.compare {
                let t = c.get_ref().tolerance;
                if !t.is_finite() || t < 0.0 {
                    return Err(RuleError::new(&path, &text, format!("{path}: rule `{id}` has tolerance {t}"), c.span(), "not a tolerance", Some("a tolerance is a number of 0 or more: in the figure's units, or a fraction of it with `relative = true`".into())));
                }
            }
            let lem = |v: &[String]| -> BTreeSet<String> {
                v.iter().map(|w| lexicon.lemma(&w.to_lowercase())).collect()
            };
            for ex in &def.examples {
                let v = ex.get_ref().verdict.as_str();
                if !matches!(v, "agree" | "conflict" | "variant" | "unmatched" | "none") {
                    return Err(RuleError::new(
                        &path,
                        &text,
                        format!("{path}: example of rule `{id}` expects unknown verdict `{v}`"),
                        ex.span(),
                        "in this example",
                        Some("verdict is one of: agree, conflict, variant, unmatched, none".into()),
                    ));
                }
                for (which, t) in [("a", &ex.get_ref().a), ("b", &ex.get_ref().b)] {
                    let problem = if t.trim().is_empty() {
                        Some("is empty".to_string())
                    } else {
                        crate::source::Source::from_text("example", t.clone())
                            .err()
                            .map(|e| format!("does not load as a source: {e}"))
                    };
                    if let Some(problem) = problem {
                        return Err(RuleError::new(
                            &path,
                            &text,
                            format!("{path}: example of rule `{id}`: text `{which}` {problem}"),
                            ex.span(),
                            "in this example",
                            Some("an example is two short texts, `a` and `b`, and the verdict the rule gives them".into()),
                        ));
                    }
                }
                for (which, p) in [
                    ("published_a", &ex.get_ref().published_a),
                    ("published_b", &ex.get_ref().published_b),
                ] {
                    if let Some(p) = p
                        && crate::source::parse_date(p).is_none()
                    {
                        return Err(RuleError::new(
                            &path,
                            &text,
                            format!(
                                "{path}: example of rule `{id}` has `{which} = \"{p}\"`, not a date"
                            ),
                            ex.span(),
                            "in this example",
                            Some("write dates as YYYY-MM-DD".into()),
                        ));
                    }
                }
            }
            let rule = Rule {
                id: id.as_str().into(),
                kind: def.kind,
                topic: def.topic.into_inner(),
                nouns: lem(&def.nouns),
                events: lem(&def.events),
                context: lem(&def.context),
                patterns,
                aliases: def
                    .aliases
                    .iter()
                    .map(|g| g.iter().map(|n| lexicon.normalize_name(n)).collect())
                    .collect(),
                antonyms: lem(&def.antonyms),
                units: def.units.iter().map(|u| u.to_lowercase()).collect(),
                compare: def.compare.map(Spanned::into_inner).unwrap_or_default(),
                severity: def.severity,
                message: def.message.into_inner(),
                help: def.help.into(),
                examples: def.examples.into_iter().map(Spanned::into_inner).collect(),
                origin,
            };
            match by_id.get(&id) {
                Some(&i) => compiled[i] = Some(rule),
                None => {
                    by_id.insert(id, compiled.len());
                    compiled.push(Some(rule));
                }
            }
        }
        let all: Vec<Rule> = compiled.into_iter().flatten().collect();
        // User rules first, then built-ins; specific rules before fallbacks.
        let mut rules: Vec<Rule> = Vec::new();
        for fallback in [false, true] {
            for user in [true, false] {
                rules.extend(
                    all.iter()
                        .filter(|r| {
                            r.is_fallback() == fallback
                                && matches!(r.origin, Origin::File(_)) == user
                        })
                        .cloned(),
                );
            }
        }
        let mut set = RuleSet {
            lexicon,
            rules,
            claim_predicates: Default::default(),
            claim_fallback: false,
            patterns: regex::RegexSet::empty(),
            pattern_rules: Vec::new(),
            event_rules: Default::default(),
            vocabulary: Default::default(),
        };
        set.reindex();
        Ok(set)
    }
}

impl Default for Loaded {
    fn default() -> Self {
        Loaded::new()
    }
}

fn line_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    (
        before.matches('\n').count() + 1,
        offset - before.rfind('\n').map_or(0, |i| i + 1) + 1,
    )
}

/// Map a regex syntax error to its position inside the TOML string.
fn regex_error_position(
    p: &Spanned<String>,
    text: &str,
    e: &regex::Error,
) -> (std::ops::Range<usize>, String) {
    let span = p.span();
    let msg = e.to_string();
    // regex-syntax errors print the pattern and a caret line; find the caret column.
    let lines: Vec<&str> = msg.lines().collect();
    let detail = lines
        .iter()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .unwrap_or_else(|| msg.clone());
    let caret = lines
        .iter()
        .find(|l| l.trim_start().starts_with('^') && l.trim().chars().all(|c| c == '^'));
    if let Some(caret) = caret {
        let col = caret.find('^').unwrap_or(0);
        let width = caret.trim().len().max(1);
        // The pattern line is the one above the caret; its text starts at column 4 ("    ").
        let pat_line_idx = lines
            .iter()
            .position(|l| std::ptr::eq(*l, *caret))
            .unwrap_or(1)
            .saturating_sub(1);
        let indent = lines
            .get(pat_line_idx)
            .map(|l| l.len() - l.trim_start().len())
            .unwrap_or(4);
        let char_off = col.saturating_sub(indent);
        // Map characters of the pattern to bytes of the TOML literal (basic strings escape `\`).
        let raw = &text[span.clone()];
        let literal_is_raw = raw.starts_with('\'');
        let pattern = p.get_ref();
        let byte_in_pattern: usize = pattern.chars().take(char_off).map(char::len_utf8).sum();
        let mut in_literal = 1usize; // skip opening quote
        if !literal_is_raw {
            // Count how many bytes of the literal encode the first `byte_in_pattern` bytes.
            let mut consumed = 0;
            let lit = raw.as_bytes();
            let mut i = 1;
            while consumed < byte_in_pattern && i < lit.len() {
                if lit[i] == b'\\' {
                    i += 2;
                } else {
                    i += 1;
                }
                consumed += 1;
            }
            in_literal = i;
        } else {
            in_literal += byte_in_pattern;
        }
        let start = span.start + in_literal;
        return (start..start + width, detail);
    }
    (span, detail)
}

impl RuleSet {
    /// The rule two facts' rules (indices) are compared under: a topic's
    /// rule over the fallback one (a pair across blocks, a topic's figure
    /// and a figure under the fallback rule), so that the same pair is
    /// read the same whichever source comes first.
    pub fn pair_rule(&self, a: usize, b: usize) -> &Rule {
        let (ra, rb) = (&self.rules[a], &self.rules[b]);
        if ra.is_fallback() && !rb.is_fallback() {
            rb
        } else {
            ra
        }
    }

    /// Rebuild what is derived from the rule list (claim predicates, the
    /// pattern automaton); call after changing `rules`.
    pub fn reindex(&mut self) {
        let rules = &self.rules;
        let mut claim_predicates = rustc_hash::FxHashMap::default();
        for r in rules
            .iter()
            .filter(|r| r.kind == Kind::Claim && !r.is_fallback())
        {
            let head = r.nouns.iter().next().cloned().unwrap_or_default();
            for (words, antonym) in [(&r.nouns, false), (&r.antonyms, true)] {
                for w in words {
                    claim_predicates
                        .entry(w.clone())
                        .or_insert((head.clone(), antonym));
                }
            }
        }
        self.claim_predicates = claim_predicates;
        self.claim_fallback = rules
            .iter()
            .any(|r| r.kind == Kind::Claim && r.is_fallback());
        let patterns: Vec<(usize, &str)> = rules
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.patterns.iter().map(move |p| (i, p.as_str())))
            .collect();
        // Each pattern compiled on its own when its rule was read. Should the
        // set exceed the regex size limit, `pattern_matches` tries them one by one.
        self.patterns = regex::RegexSet::new(patterns.iter().map(|(_, p)| p))
            .unwrap_or_else(|_| regex::RegexSet::empty());
        self.pattern_rules = patterns.into_iter().map(|(i, _)| i).collect();
        let mut event_rules: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, r) in self.rules.iter().enumerate() {
            for e in &r.events {
                event_rules.entry(e.clone()).or_default().push(i);
            }
        }
        self.event_rules = event_rules;
        let mut vocabulary: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, r) in self.rules.iter().enumerate() {
            for w in r.nouns.union(&r.events) {
                vocabulary.entry(w.clone()).or_default().push(i);
            }
        }
        self.vocabulary = vocabulary;
    }

    /// Whether `lemma` is one of rule `i`'s nouns or events.
    /// Whether `lemma` is an event word of a topic rule for figures ("kill",
    /// "injure", "evacuate").
    pub fn is_topic_event(&self, lemma: &str) -> bool {
        self.event_rules.get(lemma).is_some_and(|rules| {
            rules
                .iter()
                .any(|&i| self.rules[i].kind == Kind::Quantity && !self.rules[i].is_fallback())
        })
    }

    pub fn in_vocabulary(&self, i: usize, lemma: &str) -> bool {
        self.vocabulary
            .get(lemma)
            .is_some_and(|rules| rules.contains(&i))
    }

    /// Which rules have a pattern that matches `text` (indexed like `rules`).
    pub fn pattern_matches(&self, text: &str) -> Vec<bool> {
        let mut out = vec![false; self.rules.len()];
        if self.patterns.len() == self.pattern_rules.len() {
            for p in self.patterns.matches(text).iter() {
                out[self.pattern_rules[p]] = true;
            }
        } else {
            for (o, r) in out.iter_mut().zip(&self.rules) {
                *o = r.patterns.iter().any(|p| p.is_match(text));
            }
        }
        out
    }

    /// The built-in rule packs alone.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let mut l = Loaded::new();
        for (path, text) in BUILTIN {
            l.add(path, text, Origin::Builtin(path))?;
        }
        l.compile()
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let rs = RuleSet::builtin().unwrap();
        assert!(rs.rules.len() >= 5);
        for kind in [
            Kind::Quantity,
            Kind::Date,
            Kind::Duration,
            Kind::Name,
            Kind::Claim,
        ] {
            assert!(
                rs.rules.iter().any(|r| r.kind == kind && r.is_fallback()),
                "no fallback rule for {kind:?}"
            );
        }
    }

    #[test]
    fn unknown_key_suggests() {
        let text = "[[rule]]\nid = \"x\"\nkind = \"quantity\"\ntopic = \"t\"\nmesage = \"m\"\n";
        let mut l = Loaded::new();
        let err = l
            .add("r.toml", text, Origin::File("r.toml".into()))
            .unwrap_err();
        assert!(
            err.help.as_deref() == Some("did you mean `message`?"),
            "{err:?}"
        );
    }

    #[test]
    fn patterns_match_through_one_set() {
        let rule = |id: &str, pats: &str| {
            format!(
                "[[rule]]\nid = \"{id}\"\nkind = \"quantity\"\ntopic = \"t\"\nmessage = \"m\"\npatterns = [{pats}]\n"
            )
        };
        let text = rule("ferries", "'(?i)\\bferr(y|ies)\\b'") + &rule("buses", "'bus', 'coach'");
        let mut l = Loaded::new();
        l.add("r.toml", &text, Origin::File("r.toml".into()))
            .unwrap();
        let mut rs = l.compile().unwrap();
        let at = |rs: &RuleSet, id: &str| rs.index_of(id).unwrap();
        let m = rs.pattern_matches("Two Ferries sank; a coach overturned.");
        assert!(m[at(&rs, "ferries")] && m[at(&rs, "buses")]);
        let m = rs.pattern_matches("A ferry sank.");
        assert!(m[at(&rs, "ferries")] && !m[at(&rs, "buses")]);
        // After the rule list changes (config `disable`), the set follows it.
        rs.rules.retain(|r| r.id != "ferries");
        rs.reindex();
        let m = rs.pattern_matches("A ferry sank, and a bus.");
        assert_eq!(m.len(), rs.rules.len());
        assert!(m[at(&rs, "buses")] && m.iter().filter(|x| **x).count() == 1);
    }

    #[test]
    fn bad_regex_points_inside_pattern() {
        let text = "[[rule]]\nid = \"x\"\nkind = \"quantity\"\ntopic = \"t\"\nmessage = \"m\"\npatterns = ['ab(c']\n";
        let mut l = Loaded::new();
        l.add("r.toml", text, Origin::File("r.toml".into()))
            .unwrap();
        let err = l.compile().unwrap_err();
        let start = err.at.offset();
        assert_eq!(&text[start..start + 1], "(");
    }
}
