//! A project: the config in force and the rule set it makes, loaded once.
//!
//! This is what `main.rs` used to assemble from flags; here a library user
//! gets the same rules as the command line from the same options
//! ([`Options`], the "low" arguments), and a [`Project`] answers the
//! questions a run asks of it (which sources to check, in which groups).

use crate::config::Config;
use crate::rules::{BUILTIN, Loaded, Origin, RuleSet};
use crate::source::Source;
use miette::{IntoDiagnostic, Result, miette};
use std::path::{Path, PathBuf};

/// Where the config comes from.
#[derive(Debug, Clone, Default)]
pub enum ConfigChoice {
    /// The nearest `concur.toml` at or above this directory.
    Discover(PathBuf),
    /// This file, which must exist.
    File(PathBuf),
    /// No config.
    #[default]
    Off,
}

/// What a run asks for: the inputs to [`Project::load`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rule files or directories of them (`*.toml`, sorted), after the config's.
    pub rules: Vec<String>,
    /// Leave out the built-in rule packs (the built-in lexicon stays).
    pub no_default_rules: bool,
    pub config: ConfigChoice,
}

/// The config in force and the compiled rules.
pub struct Project {
    pub config: Option<Config>,
    pub rules: RuleSet,
}

impl Project {
    /// Load the config, then the rule set, once: the built-in lexicon always,
    /// built-in rules unless `no_default_rules`, the config's rule paths, then
    /// every path of `rules`; then the config turns rules off and sets
    /// severities.
    pub fn load(opts: &Options) -> Result<Project> {
        let config = match &opts.config {
            ConfigChoice::Off => None,
            ConfigChoice::File(p) => {
                if !p.is_file() {
                    return Err(miette!(
                        code = "concur::config",
                        "config file `{}` does not exist",
                        p.display()
                    ));
                }
                Some(Config::load(p)?)
            }
            ConfigChoice::Discover(dir) => match Config::discover(dir) {
                Some(p) => Some(Config::load(&p)?),
                None => None,
            },
        };
        let mut l = Loaded::new();
        for (path, text) in BUILTIN {
            if opts.no_default_rules && !path.ends_with("lexicon.toml") {
                continue;
            }
            l.add(path, text, Origin::Builtin(path))?;
        }
        let config_paths = config.as_ref().map(|c| c.rule_paths()).unwrap_or_default();
        for p in config_paths.iter().chain(&opts.rules) {
            for file in rule_files(p)? {
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| miette!("cannot read rule file `{file}`: {e}"))?;
                l.add(&file, &text, Origin::File(file.clone()))?;
            }
        }
        let mut rules = l.compile()?;
        if let Some(c) = &config {
            c.apply(&mut rules)?;
        }
        Ok(Project { config, rules })
    }

    /// The sets of sources to check: `paths` as one set, or with no paths
    /// every `[[group]]` of the config (its paths relative to `cwd`); with
    /// `touching` (a pre-commit hook's changed files), only the groups that
    /// hold one of those files, possibly none.
    pub fn jobs(
        &self,
        paths: &[String],
        touching: &[String],
        cwd: &Path,
        max_bytes: u64,
    ) -> Result<Vec<(Option<String>, Vec<Source>)>> {
        if !touching.is_empty() {
            let changed: std::collections::BTreeSet<_> = touching
                .iter()
                .map(|p| crate::source::identity(p))
                .collect();
            let groups = match &self.config {
                Some(c) => c.groups(cwd)?,
                None => {
                    return Err(miette!(
                        code = "concur::usage",
                        help = "define [[group]]s in concur.toml",
                        "--groups-of needs a concur.toml with groups"
                    ));
                }
            };
            return groups
                .into_iter()
                .filter(|(_, ps)| {
                    ps.iter()
                        .any(|p| changed.contains(&crate::source::identity(p)))
                })
                .map(|(name, paths)| Ok((Some(name), load_sources(&paths, max_bytes)?)))
                .collect();
        }
        if paths.is_empty() {
            let groups = match &self.config {
                Some(c) => c.groups(cwd)?,
                None => Vec::new(),
            };
            if groups.is_empty() {
                return Err(miette!(
                    code = "concur::usage",
                    help = "usage: concur check <SOURCE> <SOURCE> [<SOURCE>...], or define [[group]]s in concur.toml",
                    "concur check needs at least two sources to compare, got 0"
                ));
            }
            groups
                .into_iter()
                .map(|(name, paths)| Ok((Some(name), load_sources(&paths, max_bytes)?)))
                .collect()
        } else if paths.len() < 2 {
            Err(miette!(
                code = "concur::usage",
                help = "usage: concur check <SOURCE> <SOURCE> [<SOURCE>...]",
                "concur check needs at least two sources to compare, got {}",
                paths.len()
            ))
        } else {
            Ok(vec![(None, load_sources(paths, max_bytes)?)])
        }
    }
}

/// The rule files a path names: itself, or the `*.toml` files in it, sorted.
fn rule_files(p: &str) -> Result<Vec<String>> {
    let path = Path::new(p);
    if path.is_dir() {
        let mut files: Vec<String> = std::fs::read_dir(path)
            .into_diagnostic()?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        files.sort();
        Ok(files)
    } else if path.exists() {
        Ok(vec![p.to_string()])
    } else {
        Err(miette!("rule path `{p}` does not exist"))
    }
}

/// Load sources, refusing one file given twice (`a.md`, `./a.md` or a link).
pub fn load_sources(paths: &[String], max_bytes: u64) -> Result<Vec<Source>> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for p in paths {
        if !seen.insert(crate::source::identity(p)) {
            return Err(miette!(
                code = "concur::source::duplicate",
                help = "give each source once",
                "`{p}` is given twice"
            ));
        }
        out.push(Source::load(p, max_bytes)?);
    }
    Ok(out)
}

/// Refuse to write a report or a baseline over one of the sources.
pub fn refuse_overwrite<'a>(
    targets: impl IntoIterator<Item = &'a String>,
    jobs: &[(Option<String>, Vec<Source>)],
) -> Result<()> {
    for target in targets {
        let t = crate::source::identity(target);
        if let Some(src) = jobs
            .iter()
            .flat_map(|(_, s)| s)
            .find(|s| crate::source::identity(&s.path) == t)
        {
            return Err(miette!(
                code = "concur::output",
                help = "write the report or baseline to another file",
                "`{target}` is one of the sources (`{}`); refusing to overwrite it",
                src.path
            ));
        }
    }
    Ok(())
}
