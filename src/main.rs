//! The `concur` command line: a thin shell over the library. Flags are parsed
//! once into [`Args`], resolved once into the values the engine needs, and
//! every error comes back here to be printed as a diagnostic with exit code 2.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use concur::baseline::Baseline;
use concur::exit;
use concur::project::{ConfigChoice, Options, Project};
use concur::report::{
    Outcome, Printer, Show, github::Github, html::Html, human::Human, json::Json, sarif::Sarif,
};
use concur::rules::{Origin, RuleSet};
use concur::source::Source;
use miette::{IntoDiagnostic, Result, miette};
use std::io::{IsTerminal, Write};

// The pipeline allocates many small strings per fact; mimalloc handles that
// pattern markedly faster than the system allocator (see `cargo bench`). It is
// built without transparent huge pages (`no_thp` in Cargo.toml), which had
// faulted its regions in 2 MB at a time (README, "Memory").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// From this many bytes of sources, memory is the cost that matters: a
/// large check's stages free and allocate hundreds of megabytes in turn.
const LARGE_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Have the allocator return freed memory to the system at once, not after
/// its default 10 ms: a large check's peak is then the most it holds at
/// one time, not that plus what an earlier stage freed a moment before
/// (the README's memory section measures both). Small checks keep the
/// delay, which saves time when memory is no concern.
fn return_freed_memory_at_once() {
    /// `mi_option_purge_delay` in mimalloc 2's `mi_option_t` (the version
    /// the `mimalloc` crate builds by default).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's options, which it reads as it runs;
    // any value is valid for this one (0 purges at once).
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

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
        /// With none, every `[[group]]` of concur.toml is checked.
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
        /// Do not fail on findings recorded in this baseline file; report its stale entries.
        #[arg(long, value_name = "FILE")]
        baseline: Option<String>,
        /// Record today's conflicts and variants in this baseline file (and exit 0).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<String>,
        /// Write the report to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<String>,
        /// Use at most this many threads (0: one per core). Output is the same for any number.
        #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Check only the `[[group]]`s of concur.toml that hold one of these
        /// files (a pre-commit hook passes the changed files here).
        #[arg(long, num_args = 1.., value_name = "FILE", conflicts_with = "sources")]
        groups_of: Vec<String>,
        /// Report only the findings of these rules (ids; `people-*` for a prefix).
        #[arg(long, value_delimiter = ',', value_name = "RULE")]
        select: Vec<String>,
        /// Do not report the findings of these rules (ids; `name-*` for a prefix).
        #[arg(long, value_delimiter = ',', value_name = "RULE")]
        ignore: Vec<String>,
        /// Print the findings and nothing else: no summary line, no notes.
        #[arg(long, short)]
        quiet: bool,
        /// Exit 0 even when findings would fail the run (bad input still exits 2).
        #[arg(long)]
        exit_zero: bool,
        /// Print how many findings each rule gave instead of the findings
        /// (human and concise formats).
        #[arg(long)]
        statistics: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Check many clusters of sources: JSON Lines in, JSON Lines out, on all cores.
    Batch {
        /// Read clusters from this file instead of standard input.
        #[arg(long, short, value_name = "FILE")]
        input: Option<String>,
        /// Write results to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<String>,
        /// Make findings of this severity count as failing too.
        #[arg(long, value_enum)]
        deny: Vec<Deny>,
        /// Refuse sources larger than this many megabytes (10^6 bytes).
        #[arg(long, value_name = "MB", default_value_t = 32)]
        max_source_mb: u64,
        /// Use at most this many threads (0: one per core). Output is the same for any number.
        #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Number input lines from N in error messages: a shard of a larger
        /// file reports the lines of that file (see examples/dask_batch.py).
        #[arg(long, value_name = "N", default_value_t = 1)]
        first_line: usize,
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
    /// Print a shell completion script (e.g. `concur completions bash > /etc/bash_completion.d/concur`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `concur man > concur.1; man ./concur.1`).
    Man,
    /// Print a JSON Schema: of `--format json` output, or of concur.toml.
    Schema {
        #[arg(value_enum)]
        of: SchemaOf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaOf {
    /// What `concur check --format json` prints.
    Output,
    /// concur.toml, as TOML maps to JSON.
    Config,
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
    /// A compact block per conflict and variant, for people.
    Human,
    /// One line per finding, like a compiler's short output.
    Concise,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on pull requests.
    Github,
    /// A self-contained HTML review page (write it with -o report.html).
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum FactsFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ShowArg {
    /// Agreements too.
    Agree,
    /// Facts only one source states.
    Unmatched,
    /// Agreements and unmatched facts.
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
        // `concur check … | head`: the reader has gone, as with any Unix filter; stop quietly.
        Err(report) if is_broken_pipe(&report) => exit::OK,
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

fn is_broken_pipe(report: &miette::Report) -> bool {
    report.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    }) || report.to_string().contains("Broken pipe")
}

/// The report's width: `COLUMNS`, else the terminal's, else 100 (a pipe, a
/// file, a CI log). Never under 40.
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout())
                .map(|(terminal_size::Width(w), _)| w as usize)
        })
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// The project options these flags ask for: `--config`, else the nearest
/// `concur.toml` above the current directory, unless `--no-config`.
fn options(args: &RuleArgs) -> Result<Options> {
    let config = match (&args.config, args.no_config) {
        (_, true) => ConfigChoice::Off,
        (Some(p), _) => ConfigChoice::File(p.into()),
        (None, false) => ConfigChoice::Discover(std::env::current_dir().into_diagnostic()?),
    };
    Ok(Options {
        rules: args.rules.clone(),
        no_default_rules: args.no_default_rules,
        config,
    })
}

/// Config and rules together, for the commands that need only the rules.
fn rules_only(args: &RuleArgs) -> Result<RuleSet> {
    Ok(Project::load(&options(args)?)?.rules)
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
            baseline,
            write_baseline,
            output,
            threads,
            groups_of,
            select,
            ignore,
            quiet,
            exit_zero,
            statistics,
            rules: rule_args,
        } => {
            concur::set_threads(threads);
            let project = Project::load(&options(&rule_args)?)?;
            let cwd = std::env::current_dir().into_diagnostic()?;
            let jobs = project.jobs(
                &sources,
                &groups_of,
                &cwd,
                max_source_mb.saturating_mul(1_000_000),
            )?;
            concur::project::refuse_overwrite(output.iter().chain(&write_baseline), &jobs)?;
            let Project { config, rules } = project;
            // Rule patterns are checked before anything runs: a typo is an error, not silence.
            let selection = concur::rules::Selection::new(&rules, &select, &ignore)?;
            if let Some(c) = &config {
                // Which config is in force, so a `concur.toml` two directories up is never a surprise.
                if matches!(format, Format::Human) && !quiet {
                    eprintln!("concur: using config {}", c.path.display());
                }
            }
            if rules.rules.is_empty() {
                eprintln!(
                    "concur: warning: no rules are in force, so nothing is checked (see `concur rules list`)"
                );
            }
            let bytes: usize = jobs
                .iter()
                .flat_map(|(_, sources)| sources)
                .map(|s| s.text.len())
                .sum();
            if bytes >= LARGE_INPUT_BYTES {
                return_freed_memory_at_once();
            }
            let mut runs = concur::check_all(jobs, &rules);
            for r in &mut runs {
                r.analysis.config = config.as_ref().map(|c| c.path.display().to_string());
                r.analysis.retain(|f| selection.reports(&f.rule));
            }
            let stale = match &baseline {
                Some(path) => Baseline::load(path)?.apply(&mut runs),
                None => Vec::new(),
            };
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                // NO_COLOR as no-color.org defines it: set and not empty.
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let all = show.contains(&ShowArg::All);
            let printer: Box<dyn Printer> = match format {
                Format::Human | Format::Concise => Box::new(Human {
                    color,
                    width: width(),
                    show: Show {
                        agree: all || show.contains(&ShowArg::Agree),
                        unmatched: all || show.contains(&ShowArg::Unmatched),
                    },
                    concise: matches!(format, Format::Concise),
                    quiet,
                    statistics,
                }),
                Format::Json => Box::new(Json),
                Format::Sarif => Box::new(Sarif { rules: &rules }),
                Format::Github => Box::new(Github {
                    root: std::env::var_os("GITHUB_WORKSPACE").map(Into::into),
                    cwd: cwd.clone(),
                }),
                Format::Html => Box::new(Html),
            };
            let mut out: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .map_err(|e| miette!(code = "concur::output", "cannot write `{p}`: {e}"))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            printer
                .print(
                    &Outcome {
                        runs: &runs,
                        stale: &stale,
                    },
                    &mut out,
                )
                .into_diagnostic()?;
            out.flush().into_diagnostic()?;
            if let Some(path) = &write_baseline {
                Baseline::record(&runs).write(path)?;
                return Ok(exit::OK);
            }
            let deny_warnings = deny.contains(&Deny::Warnings);
            Ok(
                if !exit_zero && runs.iter().any(|r| r.analysis.fails(deny_warnings)) {
                    exit::FINDINGS
                } else {
                    exit::OK
                },
            )
        }
        Command::Batch {
            input,
            output,
            deny,
            max_source_mb,
            threads,
            first_line,
            rules: rule_args,
        } => {
            concur::set_threads(threads);
            let rules = rules_only(&rule_args)?;
            let reader: Box<dyn std::io::BufRead> = match &input {
                Some(p) => Box::new(std::io::BufReader::new(
                    std::fs::File::open(p)
                        .map_err(|e| miette!(code = "concur::batch", "cannot read `{p}`: {e}"))?,
                )),
                None => Box::new(std::io::stdin().lock()),
            };
            let writer: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .map_err(|e| miette!(code = "concur::batch", "cannot write `{p}`: {e}"))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            // A progress counter on a terminal; nothing when stderr is a pipe or a log.
            let bar = std::io::stderr().is_terminal().then(|| {
                let b = indicatif::ProgressBar::new_spinner();
                b.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {pos} clusters checked ({per_sec}) {elapsed}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                );
                b
            });
            let progress = |n: usize| {
                if let Some(b) = &bar {
                    b.set_position(n as u64);
                }
            };
            let totals = concur::batch::run(
                reader,
                writer,
                &rules,
                max_source_mb.saturating_mul(1_000_000),
                deny.contains(&Deny::Warnings),
                first_line,
                &progress,
            )
            .into_diagnostic()?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            Ok(if totals.errors > 0 {
                exit::USAGE
            } else if totals.failing > 0 {
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
            let rules = rules_only(&rules)?;
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
                                "text": &srcs[0].text[f.start..f.end], "value": f.value, "hedge": f.hedge, "modality": f.modality, "attribution": f.attribution, "events": f.events.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
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
            let rules = rules_only(&rules)?;
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
            let rules = rules_only(&RuleArgs {
                rules: paths.clone(),
                no_default_rules: false,
                config: None,
                no_config: false,
            })?;
            let results = concur::examples::run(&rules, |r| {
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
        Command::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Args::command(), "concur", &mut out);
            out.flush().into_diagnostic()?;
            Ok(exit::OK)
        }
        Command::Schema { of } => {
            let schema = match of {
                SchemaOf::Output => concur::report::json::schema(),
                SchemaOf::Config => concur::config::schema(),
            };
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &schema).into_diagnostic()?;
            writeln!(out).into_diagnostic()?;
            Ok(exit::OK)
        }
        Command::Man => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Args::command())
                .render(&mut out)
                .into_diagnostic()?;
            out.flush().into_diagnostic()?;
            Ok(exit::OK)
        }
        Command::Explain { rule, rules } => {
            let rules = rules_only(&rules)?;
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
