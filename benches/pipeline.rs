//! `cargo bench`: each pipeline stage (segment, extract, align, compare,
//! render) and the whole pipeline, by input size
//! and by number of sources, on text built from the fixtures with varied
//! figures (so topics hold many facts), plus the issue's process-level
//! comparison against one Python regex pass over the same bytes.
//!
//! Numbers are throughput (bytes/s, divan's `BytesCount`) and times; compare
//! them only with other benchmarks of the same run.

mod news;

use concur::rules::RuleSet;
use concur::source::Source;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::OnceLock;

// The same allocator as the binary, so stage numbers match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::builtin().unwrap())
}

/// The fixture texts, bodies only.
fn fixture_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = glob::glob(&format!("{}/**/*.md", root.display()))
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            Source::from_text("f", std::fs::read_to_string(p).unwrap())
                .unwrap()
                .body()
                .to_string()
        })
        .collect()
}

/// About `size` bytes of news-like text: fixtures repeated, every figure
/// nudged by a deterministic generator seeded with `seed`.
fn corpus(size: usize, seed: u64) -> String {
    let texts = fixture_texts();
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::with_capacity(size + 8192);
    let mut i = 0;
    while out.len() < size {
        for word in texts[i % texts.len()].split(' ') {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            match word.parse::<u64>() {
                Ok(n) if (state >> 33).is_multiple_of(3) => {
                    out.push_str(&(n + (state >> 40) % 7).to_string())
                }
                _ => out.push_str(word),
            }
            out.push(' ');
        }
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn source(size: usize, seed: u64) -> Source {
    Source::from_text(
        &format!("s{seed}"),
        format!(
            "+++\npublished = 2024-05-0{}\n+++\n{}",
            1 + seed % 9,
            corpus(size, seed)
        ),
    )
    .unwrap()
}

const SIZES: &[usize] = &[10_000, 100_000, 1_000_000, 10_000_000];

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn segment(bencher: Bencher, size: usize) {
    let s = source(size, 1);
    bencher
        .counter(BytesCount::new(s.text.len()))
        .bench(|| concur::segment::segment(black_box(&s), &rules().lexicon));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn extract(bencher: Bencher, size: usize) {
    let s = [source(size, 1)];
    bencher
        .counter(BytesCount::new(s[0].text.len()))
        .bench(|| concur::facts(black_box(&s), rules()));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn align(bencher: Bencher, size: usize) {
    let s = [source(size, 1), source(size, 2)];
    let mut facts = concur::facts(&s, rules());
    bencher
        .counter(BytesCount::new(s[0].text.len() + s[1].text.len()))
        .bench_local(|| concur::align::align(black_box(&mut facts), rules()));
}

/// The whole pipeline on two sources of this size (comparison and findings included).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn end_to_end(bencher: Bencher, size: usize) {
    let s = [source(size, 1), source(size, 2)];
    bencher
        .counter(BytesCount::new(s[0].text.len() + s[1].text.len()))
        .bench(|| concur::check(black_box(&s), rules()));
}

/// The same on one thread: throughput per core (the issue's 20 MB/s target).
/// More samples: the first of a run pays for fresh memory.
#[divan::bench(args = SIZES, sample_count = 11, sample_size = 1)]
fn end_to_end_one_core(bencher: Bencher, size: usize) {
    let s = [source(size, 1), source(size, 2)];
    concur::set_threads(1);
    bencher
        .counter(BytesCount::new(s[0].text.len() + s[1].text.len()))
        .bench(|| concur::check(black_box(&s), rules()));
    concur::set_threads(0);
}

/// Comparison: the verdict on every pair of facts alignment put together.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn compare(bencher: Bencher, size: usize) {
    let s = [source(size, 1), source(size, 2)];
    let mut facts = concur::facts(&s, rules());
    let groups = concur::align::align(&mut facts, rules());
    bencher
        .counter(BytesCount::new(s[0].text.len() + s[1].text.len()))
        .bench(|| {
            let names = concur::extract::kind::Names::new(&facts, &rules().lexicon);
            let mut conflicts = 0;
            for g in &groups {
                for (a, &i) in g.iter().enumerate() {
                    for &j in &g[a + 1..] {
                        let v = concur::extract::registry::compare(
                            &facts[i],
                            &facts[j],
                            &rules().rules[facts[i].rule],
                            &names,
                        );
                        conflicts += (v == concur::judge::Verdict::Conflict) as usize;
                    }
                }
            }
            conflicts
        });
}

/// Rendering a 2-source analysis as JSON, the human report and the review
/// page (time must grow linearly with size: compare the rows).
#[divan::bench(args = ["json 100000", "json 1000000", "human 100000", "human 1000000", "html 100000", "html 1000000"], sample_count = 5, sample_size = 1)]
fn render(bencher: Bencher, arg: &str) {
    let (format, size) = arg.split_once(' ').unwrap();
    let s = vec![
        source(size.parse().unwrap(), 1),
        source(size.parse().unwrap(), 2),
    ];
    let analysis = concur::check(&s, rules());
    let runs = [concur::Checked {
        group: None,
        sources: s,
        analysis,
    }];
    let printer: Box<dyn concur::report::Printer + Sync> = match format {
        "json" => Box::new(concur::report::json::Json),
        "html" => Box::new(concur::report::html::Html),
        _ => Box::new(concur::report::human::Human {
            color: false,
            width: 100,
            show: concur::report::Show {
                agree: true,
                unmatched: false,
            },
            concise: false,
            quiet: false,
            statistics: false,
        }),
    };
    bencher.bench(|| {
        let mut out = Vec::new();
        printer
            .print(
                &concur::report::Outcome {
                    runs: &runs,
                    stale: &[],
                },
                &mut out,
            )
            .unwrap();
        out
    });
}

#[divan::bench(args = [2, 4, 8, 16, 32], sample_count = 5, sample_size = 1)]
fn sources_of_100kb(bencher: Bencher, n: u64) {
    let s: Vec<Source> = (0..n).map(|i| source(100_000, i + 1)).collect();
    // One thread, so the rows compare work, not how many cores joined in.
    concur::set_threads(1);
    bencher
        .counter(BytesCount::new(
            s.iter().map(|x| x.text.len()).sum::<usize>(),
        ))
        .bench(|| concur::check(black_box(&s), rules()));
    concur::set_threads(0);
}

/// Two sources written to files once (under `name`), for the process-level
/// comparisons.
fn write_pair(name: &str, a: &str, b: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("concur-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (pa, pb) = (dir.join("a.md"), dir.join("b.md"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    (pa, pb)
}

/// Two 1 MB files of fixture text with varied figures.
fn two_files() -> &'static (std::path::PathBuf, std::path::PathBuf) {
    static F: OnceLock<(std::path::PathBuf, std::path::PathBuf)> = OnceLock::new();
    F.get_or_init(|| write_pair("f", &source(1_000_000, 1).text, &source(1_000_000, 2).text))
}

/// The baseline the issue names: one Python `re.findall` pass over the bytes.
const PY_FINDALL: &str = r#"import re, sys
pat = re.compile(r"\d[\d,.]*|[A-Z][a-z]+")
for p in sys.argv[1:]:
    len(pat.findall(open(p, encoding="utf-8").read()))
"#;

fn python_findall(a: &std::path::Path, b: &std::path::Path) -> std::process::Output {
    std::process::Command::new("python3")
        .args(["-c", PY_FINDALL])
        .arg(a)
        .arg(b)
        .output()
        .unwrap()
}

/// The concur binary on 2 × 1 MB, process start included, on every core
/// (`-j 0`) and on one (`-j 1`).
#[divan::bench(args = ["-j0", "-j1"], sample_count = 5, sample_size = 1)]
fn process_concur_2x1mb(bencher: Bencher, threads: &str) {
    let (a, b) = two_files();
    bencher.counter(BytesCount::new(2_000_000usize)).bench(|| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_concur"))
            .args(["check", threads, "--format", "json"])
            .arg(a)
            .arg(b)
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1));
    });
}

/// One Python `re.findall` pass over the same bytes.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn process_python_findall_2x1mb(bencher: Bencher) {
    let (a, b) = two_files();
    bencher
        .counter(BytesCount::new(2_000_000usize))
        .bench(|| assert!(python_findall(a, b).status.success()));
}

/// Text built to stress the patterns, as one line: long runs of digits,
/// thousands of capitalised words, figures with no full stop, nested quotes.
fn hostile(kind: &str, size: usize) -> String {
    let unit = match kind {
        "digits" => "9".repeat(997) + " ",
        "capitals" => "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel ".to_string(),
        "figures" => "41 boats, about 38 boats, nearly 1,900 people and ".to_string(),
        _ => "\"‘“(".repeat(50) + "Ana Ruiz said 5 boats sank" + &")”’\"".repeat(50),
    };
    unit.repeat(size / unit.len() + 1)
}

/// Cost on hostile input must grow linearly with its size (compare the rows).
#[divan::bench(args = ["digits 100000", "digits 400000", "digits 1600000", "capitals 100000", "capitals 400000", "capitals 1600000", "figures 100000", "figures 400000", "figures 1600000", "quotes 100000", "quotes 400000", "quotes 1600000"], sample_count = 3, sample_size = 1)]
fn hostile_input(bencher: Bencher, arg: &str) {
    let (kind, size) = arg.split_once(' ').unwrap();
    let s = [
        Source::from_text("h", hostile(kind, size.parse().unwrap())).unwrap(),
        source(10_000, 1),
    ];
    bencher
        .counter(BytesCount::new(s[0].text.len()))
        .bench(|| concur::check(black_box(&s), rules()));
}

/// Two distinct reports of the same events (`news.rs`): what real input
/// looks like, every paragraph new.
fn distinct(size: usize) -> [Source; 2] {
    [
        Source::from_text("a", news::report(size, 1, false)).unwrap(),
        Source::from_text("b", news::report(size, 1, true)).unwrap(),
    ]
}

/// The whole pipeline on two distinct reports, one core: the issue's
/// 20 MB/s per core target is measured here.
#[divan::bench(args = [100_000, 1_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn distinct_end_to_end_one_core(bencher: Bencher, size: usize) {
    let s = distinct(size);
    concur::set_threads(1);
    bencher
        .counter(BytesCount::new(s[0].text.len() + s[1].text.len()))
        .bench(|| concur::check(black_box(&s), rules()));
    concur::set_threads(0);
}

/// Extraction alone on distinct text.
#[divan::bench(args = [100_000, 1_000_000], sample_count = 5, sample_size = 1)]
fn distinct_extract(bencher: Bencher, size: usize) {
    let s = [distinct(size)[0].clone()];
    bencher
        .counter(BytesCount::new(s[0].text.len()))
        .bench(|| concur::facts(black_box(&s), rules()));
}

/// Distinct sources of 100 KB, one core: cost in the number of sources.
#[divan::bench(args = [2, 4, 8, 16], sample_count = 3, sample_size = 1)]
fn distinct_sources_of_100kb(bencher: Bencher, n: u64) {
    let s: Vec<Source> = (0..n)
        .map(|i| Source::from_text("s", news::report(100_000, 1 + i / 2, i % 2 == 1)).unwrap())
        .collect();
    concur::set_threads(1);
    bencher
        .counter(BytesCount::new(
            s.iter().map(|x| x.text.len()).sum::<usize>(),
        ))
        .bench(|| concur::check(black_box(&s), rules()));
    concur::set_threads(0);
}

/// Two distinct 1 MB reports.
fn two_distinct_files() -> &'static (std::path::PathBuf, std::path::PathBuf) {
    static F: OnceLock<(std::path::PathBuf, std::path::PathBuf)> = OnceLock::new();
    F.get_or_init(|| {
        let [a, b] = distinct(1_000_000);
        write_pair("d", &a.text, &b.text)
    })
}

/// The binary on 2 × 1 MB of distinct text, one core, process start
/// included, beside one Python `re.findall` pass over the same bytes.
#[divan::bench(args = ["concur -j1", "python findall"], sample_count = 5, sample_size = 1)]
fn process_distinct_2x1mb(bencher: Bencher, which: &str) {
    let (a, b) = two_distinct_files();
    bencher.counter(BytesCount::new(2_000_000usize)).bench(|| {
        let out = if which.starts_with("concur") {
            std::process::Command::new(env!("CARGO_BIN_EXE_concur"))
                .args(["check", "-j1", "--format", "json"])
                .arg(a)
                .arg(b)
                .output()
                .unwrap()
        } else {
            python_findall(a, b)
        };
        assert!(out.status.code().is_some_and(|c| c <= 1));
    });
}
