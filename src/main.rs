//! The `concur` command line: a thin shell over the library. Flags are parsed
//! once into [`Args`], resolved once into the values the engine needs, and
//! every error comes back here to be printed as a diagnostic with exit code 2.

use clap::{Parser, Subcommand, ValueEnum};
use concur::exit;
use concur::report::{Printer, Show, human::Human, json::Json};
use concur::rules::{BUILTIN, Loaded, Origin, RuleSet};
use concur::source::Source;
use miette::{IntoDiagnostic, Result, miette};
use std::io::{IsTerminal, Write};
use std::path::Path;

#[derive(Parser)]
#[command(name = "concur", version, about = "Check whether several written sources agree.", long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct RuleArgs {
    /// Add rules from a TOML file or a directory of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Do not load the built-in rule packs (the built-in lexicon stays).
    #[arg(long)]
    no_default_rules: bool,
    /// Use this config file instead of the nearest `concur.toml` above the current directory.
    #[arg(long, value_name = "PATH")]
    config: Option<String>,
    /// Ignore any `concur.toml`.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from two or more sources, align them and report agreement.
    Check {
        /// The sources: UTF-8 text or Markdown, optionally with front matter.
        #[arg(value_name = "SOURCE")]
        sources: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also list these findings in the human report (agreements are listed by default).
        #[arg(long, value_enum)]
        show: Vec<ShowArg>,
        /// Make findings of this severity fail the run too (`warnings`: variants fail).
        #[arg(long, value_enum)]
        deny: Vec<Deny>,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Refuse sources larger than this many megabytes (10^6 bytes).
        #[arg(long, value_name = "MB", default_value_t = 32)]
        max_source_mb: u64,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print every fact extracted from one source.
    Facts {
        source: String,
        #[arg(long, value_enum, default_value_t = FactsFormat::Table)]
        format: FactsFormat,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// List or test rules.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Explain a rule: its message, help and examples.
    Explain {
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// List the rules in force: id, kind, topic, severity, origin.
    List {
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the rules' examples (the built-in ones, or those in PATHs).
    Test { paths: Vec<String> },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FactsFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ShowArg {
    Unmatched,
    All,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match run(args) {
        Ok(code) => code,
        Err(report) => {
            let handler = miette::GraphicalReportHandler::new_themed(
                if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                    miette::GraphicalTheme::unicode()
                } else {
                    miette::GraphicalTheme::unicode_nocolor()
                },
            )
            .with_width(width());
            let mut s = String::new();
            let _ = handler.render_report(&mut s, report.as_ref());
            eprintln!("{}", s.trim_end());
            exit::USAGE
        }
    };
    std::process::exit(code);
}

fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Load the rule set, once: the built-in lexicon always, built-in rules unless
/// `--no-default-rules`, the config's rule paths, then every `--rules` path
/// (directories: `*.toml`, sorted); then the config turns rules off and sets
/// severities.
fn load_rules(args: &RuleArgs) -> Result<RuleSet> {
    let config = match (&args.config, args.no_config) {
        (_, true) => None,
        (Some(p), _) => {
            if !Path::new(p).is_file() {
                return Err(miette!(code = "concur::config", "config file `{p}` does not exist"));
            }
            Some(concur::config::Config::load(Path::new(p))?)
        }
        (None, false) => {
            let cwd = std::env::current_dir().into_diagnostic()?;
            match concur::config::Config::discover(&cwd) {
                Some(p) => Some(concur::config::Config::load(&p)?),
                None => None,
            }
        }
    };
    let mut l = Loaded::new();
    for (path, text) in BUILTIN {
        if args.no_default_rules && !path.ends_with("lexicon.toml") {
            continue;
        }
        l.add(path, text, Origin::Builtin(path))?;
    }
    let config_paths = config.as_ref().map(|c| c.rule_paths()).unwrap_or_default();
    for p in config_paths.iter().chain(&args.rules) {
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
    Ok(rules)
}

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

fn load_sources(paths: &[String], max_bytes: u64) -> Result<Vec<Source>> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for p in paths {
        if !seen.insert(p.clone()) {
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

fn run(args: Args) -> Result<i32> {
    match args.command {
        Command::Check {
            sources,
            format,
            show,
            deny,
            color,
            max_source_mb,
            rules,
        } => {
            if sources.len() < 2 {
                return Err(miette!(
                    code = "concur::usage",
                    help = "usage: concur check <SOURCE> <SOURCE> [<SOURCE>...]",
                    "concur check needs at least two sources to compare, got {}",
                    sources.len()
                ));
            }
            let rules = load_rules(&rules)?;
            let srcs = load_sources(&sources, max_source_mb.saturating_mul(1_000_000))?;
            let analysis = concur::check(&srcs, &rules);
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let all = show.contains(&ShowArg::All);
            let printer: Box<dyn Printer> = match format {
                Format::Human => Box::new(Human {
                    color,
                    width: width(),
                    show: Show {
                        agree: true,
                        unmatched: all || show.contains(&ShowArg::Unmatched),
                    },
                }),
                Format::Json => Box::new(Json),
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            printer
                .print(&analysis, &srcs, &mut out)
                .into_diagnostic()?;
            out.flush().into_diagnostic()?;
            Ok(if analysis.fails(deny.contains(&Deny::Warnings)) {
                exit::FINDINGS
            } else {
                exit::OK
            })
        }
        Command::Facts {
            source,
            format,
            rules,
        } => {
            let rules = load_rules(&rules)?;
            let srcs = vec![Source::load(&source, u64::MAX)?];
            let facts = concur::facts(&srcs, &rules);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                FactsFormat::Json => {
                    let rows: Vec<_> = facts
                        .iter()
                        .map(|f| {
                            let (line, column) = srcs[0].line_col(f.start);
                            serde_json::json!({
                                "kind": f.kind, "topic": f.topic, "rule": rules.rules[f.rule].id,
                                "start": f.start, "end": f.end, "line": line, "column": column,
                                "text": &srcs[0].text[f.start..f.end], "value": f.value, "hedge": f.hedge, "modality": f.modality, "attribution": f.attribution,
                            })
                        })
                        .collect();
                    serde_json::to_writer_pretty(&mut out, &rows).into_diagnostic()?;
                    writeln!(out).into_diagnostic()?;
                }
                FactsFormat::Table => {
                    for f in &facts {
                        let (line, column) = srcs[0].line_col(f.start);
                        writeln!(
                            out,
                            "{:>4}:{:<3} {:<8} {:<22} {:<28} {:<30} {}",
                            line,
                            column,
                            f.kind.as_str(),
                            rules.rules[f.rule].id,
                            truncate(&f.topic, 28),
                            truncate(&concur::display_value(&f.value), 30),
                            srcs[0].text[f.start..f.end].replace('\n', " ")
                        )
                        .into_diagnostic()?;
                    }
                }
            }
            Ok(exit::OK)
        }
        Command::Rules {
            action: RulesAction::List { rules },
        } => {
            let rules = load_rules(&rules)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for r in &rules.rules {
                writeln!(
                    out,
                    "{:<24} {:<9} {:<32} {:<8} {}",
                    r.id,
                    r.kind.as_str(),
                    r.topic,
                    r.severity.conflict.as_str(),
                    r.origin
                )
                .into_diagnostic()?;
            }
            Ok(exit::OK)
        }
        Command::Rules {
            action: RulesAction::Test { paths },
        } => {
            let rules = load_rules(&RuleArgs {
                rules: paths.clone(),
                no_default_rules: false,
                config: None,
                no_config: false,
            })?;
            let results = concur::rules::testing::run(&rules, |r| {
                paths.is_empty() || matches!(r.origin, Origin::File(_))
            });
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut failed = 0;
            for t in &results {
                if t.passed() {
                    writeln!(
                        out,
                        "PASS {} example {}: {}",
                        t.rule,
                        t.index + 1,
                        t.expected
                    )
                    .into_diagnostic()?;
                } else {
                    failed += 1;
                    writeln!(
                        out,
                        "FAIL {} example {}\n  a: {}\n  b: {}\n  - expected: {}\n  + actual:   {}",
                        t.rule,
                        t.index + 1,
                        t.a,
                        t.b,
                        t.expected,
                        t.actual
                    )
                    .into_diagnostic()?;
                }
            }
            writeln!(out, "{} passed, {} failed", results.len() - failed, failed)
                .into_diagnostic()?;
            Ok(if failed > 0 { exit::FINDINGS } else { exit::OK })
        }
        Command::Explain { rule, rules } => {
            let rules = load_rules(&rules)?;
            let Some(r) = rules.get(&rule) else {
                let ids = rules.rules.iter().map(|r| r.id.as_str());
                let hint = concur::rules::suggest(&rule, ids)
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "`concur rules list` shows every rule".into());
                return Err(miette!(
                    code = "concur::usage",
                    help = hint,
                    "no rule `{rule}`"
                ));
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            writeln!(out, "{} ({}, {})\n\ntopic:    {}\nseverity: conflict = {}, variant = {}\nsource:   {}\n\n{}\n", r.id, r.kind.as_str(), if r.is_fallback() { "fallback" } else { "topic rule" }, r.topic, r.severity.conflict.as_str(), r.severity.variant.as_str(), r.origin, r.message).into_diagnostic()?;
            if !r.help.is_empty() {
                writeln!(out, "{}\n", r.help.trim()).into_diagnostic()?;
            }
            for (i, e) in r.examples.iter().enumerate() {
                writeln!(
                    out,
                    "example {} ({}):\n  a: {}\n  b: {}\n",
                    i + 1,
                    e.verdict,
                    e.a,
                    e.b
                )
                .into_diagnostic()?;
            }
            Ok(exit::OK)
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
