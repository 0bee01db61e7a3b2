//! Project configuration: `concur.toml`, found by walking up from the current
//! directory (or named with `--config`). It names rule paths (relative to the
//! file), turns rules off and overrides severities:
//!
//! ```toml
//! rules = ["style/concur-rules"]
//! disable = ["claim-negated"]
//!
//! [severity]
//! people-killed = "warning"                              # conflicts of this rule
//! name-spelling = { variant = "error" }                  # or per verdict
//! ```
//!
//! Like rule files, every error points at its span in the file.

use crate::rules::{RuleError, RuleSet, Severity, suggest, toml_error};
use miette::NamedSource;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// `path:line:column` of a byte offset in a config file, for error messages
/// that name the place even where the snippet is not shown.
fn located(path: &str, text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{path}:{line}:{column}")
}

/// The name of the file discovery looks for.
pub const FILE_NAME: &str = "concur.toml";

/// `concur.toml`.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "concur.toml")]
struct ConfigDef {
    /// Rule files or directories of them, relative to this file.
    #[serde(default)]
    rules: Vec<String>,
    /// Rule ids to turn off.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    disable: Vec<Spanned<String>>,
    /// `rule = "warning"` or `rule = { conflict = "error", variant = "info" }`:
    /// read by hand so a wrong value gets a pointed error.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeverityDef>")]
    severity: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// Sets of documents that must agree.
    #[serde(default)]
    #[schemars(with = "Vec<GroupDef>")]
    group: Vec<Spanned<GroupDef>>,
}

/// The severity of a rule's conflicts, or of each verdict.
#[derive(schemars::JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
#[allow(dead_code)]
enum SeverityDef {
    Conflicts(Severity),
    PerVerdict {
        conflict: Option<Severity>,
        variant: Option<Severity>,
    },
}

/// A set of documents that must agree: `[[group]] name = "…", sources = ["docs/*.md"]`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    name: String,
    /// Paths or globs, relative to concur.toml.
    sources: Vec<String>,
}

/// The JSON Schema of `concur.toml` (as TOML maps to JSON), generated from
/// the types the file is read into.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(ConfigDef)
}

/// A loaded `concur.toml`.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    text: String,
    def: ConfigDef,
}

impl Config {
    /// The nearest `concur.toml` in `start` or any directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, RuleError> {
        let shown = path.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).map_err(|e| RuleError {
            message: format!("cannot read config `{shown}`: {e}"),
            src: std::sync::Arc::new(NamedSource::new(&shown, String::new())),
            at: (0, 0).into(),
            label: String::new(),
            help: None,
        })?;
        let def: ConfigDef = toml::from_str(&text).map_err(|e| {
            let mut err = toml_error(&shown, &text, &e);
            let at = e.span().map_or(0, |r| r.start);
            err.message = err.message.replacen(
                &format!("{shown}: "),
                &format!("{}: ", located(&shown, &text, at)),
                1,
            );
            err
        })?;
        Ok(Config {
            path: path.to_path_buf(),
            text,
            def,
        })
    }

    /// Rule paths named by the config, resolved against its directory.
    pub fn rule_paths(&self) -> Vec<String> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        self.def
            .rules
            .iter()
            .map(|r| dir.join(r).to_string_lossy().into_owned())
            .collect()
    }

    fn unknown(&self, rules: &RuleSet, id: &Spanned<String>) -> RuleError {
        let shown = self.path.to_string_lossy().into_owned();
        let help = suggest(id.get_ref(), rules.rules.iter().map(|r| r.id.as_str()))
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| Some("`concur rules list` shows every rule".into()));
        let span = id.span();
        RuleError {
            message: format!(
                "{}: no rule `{}`",
                located(&shown, &self.text, span.start),
                id.get_ref()
            ),
            src: std::sync::Arc::new(NamedSource::new(&shown, self.text.clone())),
            at: (span.start, span.len().max(1)).into(),
            label: "unknown rule".into(),
            help,
        }
    }

    fn error_at(
        &self,
        span: std::ops::Range<usize>,
        message: String,
        label: &str,
        help: Option<String>,
    ) -> RuleError {
        let shown = self.path.to_string_lossy().into_owned();
        RuleError {
            message: format!("{}: {message}", located(&shown, &self.text, span.start)),
            src: std::sync::Arc::new(NamedSource::new(&shown, self.text.clone())),
            at: (span.start, span.len().max(1)).into(),
            label: label.into(),
            help,
        }
    }

    /// The groups, in file order, each with its source paths: globs resolved
    /// against the config's directory, sorted, and shown relative to `cwd`.
    pub fn groups(&self, cwd: &Path) -> Result<Vec<(String, Vec<String>)>, RuleError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for g in &self.def.group {
            let def = g.get_ref();
            if out.iter().any(|(n, _)| *n == def.name) {
                return Err(self.error_at(
                    g.span(),
                    format!("group `{}` is defined twice", def.name),
                    "again here",
                    None,
                ));
            }
            // Sources in the order the patterns list them; each glob's matches sorted.
            let mut paths: Vec<String> = Vec::new();
            for pattern in &def.sources {
                let full = dir.join(pattern).to_string_lossy().into_owned();
                let matches = glob::glob(&full).map_err(|e| {
                    self.error_at(
                        g.span(),
                        format!("group `{}`: bad pattern `{pattern}`: {}", def.name, e.msg),
                        "in this group",
                        None,
                    )
                })?;
                let mut found: Vec<String> = matches
                    .filter_map(Result::ok)
                    .filter(|p| p.is_file())
                    // Relative to where concur runs ("../press/a.md" from a
                    // subfolder), so reports point at paths the user can type.
                    .map(|p| {
                        let abs = if p.is_absolute() {
                            p.clone()
                        } else {
                            cwd.join(&p)
                        };
                        pathdiff::diff_paths(&abs, cwd)
                            .unwrap_or(p)
                            .to_string_lossy()
                            .into_owned()
                    })
                    .collect();
                found.sort();
                for p in found {
                    if !paths.contains(&p) {
                        paths.push(p);
                    }
                }
            }
            if paths.len() < 2 {
                return Err(self.error_at(
                    g.span(),
                    format!(
                        "group `{}` has {} source{}; a group needs at least two",
                        def.name,
                        paths.len(),
                        if paths.len() == 1 { "" } else { "s" }
                    ),
                    "this group",
                    Some("patterns are relative to the directory of concur.toml".into()),
                ));
            }
            out.push((def.name.clone(), paths));
        }
        Ok(out)
    }

    /// Turn rules off and override severities.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), RuleError> {
        for id in &self.def.disable {
            if rules.get(id.get_ref()).is_none() {
                return Err(self.unknown(rules, id));
            }
        }
        for (id, o) in &self.def.severity {
            let Some(i) = rules.index_of(id.get_ref()) else {
                return Err(self.unknown(rules, id));
            };
            const ALLOWED: &str = "a severity is \"error\", \"warning\" or \"info\", or a table `{ conflict = \"error\", variant = \"warning\" }`";
            let level = |v: &toml::Value| -> Result<Severity, RuleError> {
                match v.as_str() {
                    Some("error") => Ok(Severity::Error),
                    Some("warning") => Ok(Severity::Warning),
                    Some("info") => Ok(Severity::Info),
                    Some(other) => Err(self.error_at(
                        o.span(),
                        format!("severity of `{}` is \"{other}\"", id.get_ref()),
                        "not a severity",
                        Some(ALLOWED.into()),
                    )),
                    None => Err(self.error_at(
                        o.span(),
                        format!("severity of `{}` is a {}", id.get_ref(), v.type_str()),
                        "not a severity",
                        Some(ALLOWED.into()),
                    )),
                }
            };
            let sev = &mut rules.rules[i].severity;
            match o.get_ref() {
                toml::Value::Table(t) => {
                    for (k, v) in t {
                        match k.as_str() {
                            "conflict" => sev.conflict = level(v)?,
                            "variant" => sev.variant = level(v)?,
                            _ => {
                                return Err(self.error_at(
                                    o.span(),
                                    format!(
                                        "severity of `{}` has an unknown key `{k}`",
                                        id.get_ref()
                                    ),
                                    "unknown key",
                                    Some("the keys are `conflict` and `variant`".into()),
                                ));
                            }
                        }
                    }
                }
                v => sev.conflict = level(v)?,
            }
        }
        let off: Vec<&str> = self
            .def
            .disable
            .iter()
            .map(|s| s.get_ref().as_str())
            .collect();
        rules.rules.retain(|r| !off.contains(&r.id.as_str()));
        rules.reindex();
        Ok(())
    }
}
