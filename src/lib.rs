//! concur: check whether several written sources agree.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! source ──▶ segment ──▶ extract ──▶ align ──▶ judge ──▶ report
//! (bytes,    (sentences,  (facts with  (groups    (verdicts,  (human, JSON,
//!  metadata)  tokens)      spans)       of facts)  messages)   SARIF, HTML)
//! ```
//!
//! No module uses a later stage (`tests/architecture.rs`); each fact kind is
//! one file behind [`extract::kind::FactKind`]. See docs/architecture.md.
//!
//! Policy — what topics exist, which words are hedges, how names are
//! normalised — lives in rule files ([`rules`]), loaded and compiled once.
//! The engine never prints and never exits: [`check`] returns an
//! [`Analysis`], and a printer in [`report`] renders it.

pub mod align;
pub mod baseline;
pub mod batch;
pub mod config;
pub mod examples;
pub mod exit;
pub mod extract;
pub mod judge;
pub mod project;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod text;

pub use extract::Facts;
pub use extract::display::fmt_num;
pub use extract::registry::display_value;
pub use judge::{Analysis, Checked, Claim, Finding, SourceInfo, Summary};
use rules::RuleSet;
use source::Source;

/// Check several sets of sources on all cores. Each set is independent; the
/// results come back in the order given, whatever order the threads finish in.
pub fn check_all(jobs: Vec<(Option<String>, Vec<Source>)>, rules: &RuleSet) -> Vec<Checked> {
    type Job = std::sync::Mutex<Option<(Option<String>, Vec<Source>)>>;
    let jobs: Vec<Job> = jobs
        .into_iter()
        .map(|j| std::sync::Mutex::new(Some(j)))
        .collect();
    par_map(&jobs, usize::MAX, |slot| {
        let (group, sources) = slot.lock().unwrap_or_else(|e| e.into_inner()).take()?;
        let analysis = check(&sources, rules);
        Some(Checked {
            group,
            sources,
            analysis,
        })
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The most threads concur uses; 0 (the default) means one per core.
static THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Use at most `n` threads from now on (`0`: one per core). Output never
/// depends on it; `--threads` sets it, and benchmarks use 1 to measure one core.
pub fn set_threads(n: usize) {
    // More threads than cores only cost memory (each holds its own work).
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    THREADS.store(n.min(cores), std::sync::atomic::Ordering::Relaxed);
}

/// How many threads concur may use.
pub fn threads() -> usize {
    match THREADS.load(std::sync::atomic::Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// `f` over `items` on up to `max_threads` threads (no more than [`threads`]),
/// results in the order of `items` whatever the schedule: output never
/// depends on timing. Threads take the next item as they finish one, so a
/// large item does not hold up a whole share.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    max_threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads().min(max_threads).min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| {
            r.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item was mapped")
        })
        .collect()
}

/// Extract the facts of every source (segmentation and extraction stages).
///
/// Two passes: the first finds every fact; the verbs any source negates
/// ("did not disclose") are then read in their positive uses too ("disclosed"),
/// and the things any source says there are none of ("has no fence") where
/// a source says there is one ("has a fence"), so a negation in one report
/// can meet the assertion in another.
pub fn facts(sources: &[Source], rules: &RuleSet) -> Facts {
    // Sources are independent until alignment: large ones are read in
    // parallel (small ones are not worth a thread, and `check_all` and
    // `batch` already keep the cores busy with many small clusters).
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let threads = if bytes >= PARALLEL_BYTES {
        usize::MAX
    } else {
        1
    };
    let per_source = if bytes >= REREAD_BYTES && sources.len() > 1 {
        read_twice(sources, rules, threads, &stretch_bytes)
    } else {
        read_holding(sources, rules, threads)
    };
    // A chunk at a time, each source's chunks freed as they are emptied: one
    // list of every source's facts would be allocated whole while the
    // largest source's still held them all.
    let mut out = Facts::default();
    for facts in per_source {
        facts.append_to(&mut out);
    }
    out
}

/// Read every source, holding all their tokens until every source's
/// negations are known: each source is segmented once.
fn read_holding(sources: &[Source], rules: &RuleSet, threads: usize) -> Vec<extract::Read> {
    let indexed: Vec<(usize, &Source)> = sources.iter().enumerate().collect();
    let segs: Vec<_> = par_map(&indexed, threads, |(_, s)| {
        segment::segment(s, &rules.lexicon)
    });
    let read: Vec<_> = indexed.iter().zip(&segs).collect();
    let mut ctxs: Vec<_> = par_map(&read, threads, |((i, src), seg)| {
        let ctx = extract::Ctx::new(src, seg, rules, *i);
        let negated = extract::negated_verbs(&ctx);
        (ctx, negated)
    });
    let mut negated = extract::Negated::default();
    for (_, n) in &ctxs {
        negated.extend(n);
    }
    for (ctx, _) in &mut ctxs {
        ctx.mark_negated(&negated);
    }
    // The tokens and tables are freed (when this returns) before the
    // contexts become words, which on a large source take more room.
    par_map(&ctxs, threads, |(ctx, _)| extract::read(ctx))
}

/// Read every source twice: first for what it negates, freeing its tokens
/// at once, then for its facts. The same facts as [`read_holding`], for the
/// time of segmenting each source again, and only the sources being read
/// (one per thread) hold their tokens at a time, not all of them.
///
/// A source is read a stretch of `stretch(source)` bytes at a time
/// ([`extract::read_in_chunks`]; see [`stretch_bytes`]), so not even it
/// holds all its tokens at once: the same facts again, for the time of
/// segmenting it a third time.
fn read_twice(
    sources: &[Source],
    rules: &RuleSet,
    threads: usize,
    stretch: &(dyn Fn(&Source) -> usize + Sync),
) -> Vec<extract::Read> {
    let indexed: Vec<(usize, &Source)> = sources.iter().enumerate().collect();
    let surveys = par_map(&indexed, threads, |&(i, src)| {
        let chunks = segment::chunks(src, stretch(src));
        if chunks.len() == 1 {
            let seg = segment::segment(src, &rules.lexicon);
            let negated = extract::negated_verbs(&extract::Ctx::new(src, &seg, rules, i));
            (negated, std::sync::Mutex::new(None), chunks)
        } else {
            let (negated, words) = extract::survey_chunks(src, rules, i, &chunks);
            (negated, std::sync::Mutex::new(Some(words)), chunks)
        }
    });
    let mut negated = extract::Negated::default();
    for (n, _, _) in &surveys {
        negated.extend(n);
    }
    let jobs: Vec<_> = indexed.iter().zip(&surveys).collect();
    par_map(&jobs, threads, |&(&(i, src), (_, words, chunks))| {
        let words = words.lock().unwrap_or_else(|e| e.into_inner()).take();
        match words {
            Some(words) => extract::read_in_chunks(src, rules, i, chunks, words, &negated),
            None => {
                let seg = segment::segment(src, &rules.lexicon);
                let mut ctx = extract::Ctx::new(src, &seg, rules, i);
                ctx.mark_negated(&negated);
                extract::read(&ctx)
            }
        }
    })
}

/// How many bytes of `src` [`read_twice`] reads at a time.
///
/// A source's tokens and tables take about 9 bytes per byte of text while
/// it is read (see [`REREAD_BYTES`]), more than alignment and judging later
/// hold per byte of all the sources (facts, contexts, findings), and a
/// source read whole holds them all at once, beside the facts read so far
/// and, on more threads, beside another source's. So every source larger
/// than [`CHUNK_BYTES`] is read in stretches of that size, for the time of
/// segmenting it a third time (two distinct 10 MB reports, with
/// alignment's compact tables: peak RSS 191 MB with `-j 1` and 202–204 MB
/// with `-j 2`, against 235 and 294–317 MB read whole; wall time about
/// 1.1 ×; the README's Memory section has the measurements).
fn stretch_bytes(src: &Source) -> usize {
    if src.text.len() > CHUNK_BYTES {
        CHUNK_BYTES
    } else {
        usize::MAX
    }
}

/// The stretch a large source is read in (see [`stretch_bytes`]).
const CHUNK_BYTES: usize = 2 * 1024 * 1024;

/// From this many bytes of sources in all, `facts` reads them twice
/// ([`read_twice`]) rather than hold every source's tokens at once: a
/// source's tokens and tables take about 9 bytes per byte of text
/// (heaptrack, a distinct 30 MB report: 192 MB of tokens, 97 MB of tables).
const REREAD_BYTES: usize = 8 * 1024 * 1024;

/// Below this many bytes of sources in all, `facts` reads them on one thread.
const PARALLEL_BYTES: usize = 256 * 1024;

/// Run the whole pipeline.
pub fn check(sources: &[Source], rules: &RuleSet) -> Analysis {
    let mut facts = facts(sources, rules);
    let groups = align::align(&mut facts, rules);
    // What a fact is about (its context and event words) decided the
    // alignment and is never judged: free it before the findings are made,
    // which on a large source are as many as the facts.
    for f in facts.iter_mut() {
        f.context = Vec::new();
        f.events = Default::default();
    }
    judge::judge(&groups, facts, sources, rules)
}

/// The benchmark corpus of distinct reports, for tests of large sources.
#[cfg(test)]
#[path = "../benches/news.rs"]
mod news_corpus;

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(per_source: Vec<extract::Read>) -> String {
        let mut out = Facts::default();
        for r in per_source {
            r.append_to(&mut out);
        }
        format!("{:?}", out.iter().collect::<Vec<_>>())
    }

    /// Reading large sources twice (to free each one's tokens) finds the
    /// same facts as holding them all, including what one source's negation
    /// makes of another's assertion.
    #[test]
    fn reading_twice_finds_what_holding_finds() {
        let rules = RuleSet::builtin().unwrap();
        let a = "+++\npublished = 2024-03-04\n+++\nThe ministry did not disclose the cause of the fire, which killed 12 people on Sunday. The depot has no sprinklers.";
        let b = "The ministry disclosed the cause on Monday: a faulty heater. The fire killed 14 people. Inspectors said the depot has sprinklers, and 30 staff were sent home.";
        let sources = [
            Source::from_text("a.md", a.to_string()).unwrap(),
            Source::from_text("b.md", b.to_string()).unwrap(),
        ];
        let held = joined(read_holding(&sources, &rules, 1));
        assert!(held.contains("disclosed"), "{held}");
        let whole = |_: &Source| usize::MAX;
        assert_eq!(joined(read_twice(&sources, &rules, 1, &whole)), held);
        assert_eq!(joined(read_twice(&sources, &rules, 2, &whole)), held);
    }

    use crate::news_corpus as news;

    /// Reading a source a stretch at a time finds the facts reading it
    /// whole finds, in the same order, whatever the stretches: names met
    /// again paragraphs later, an acronym introduced in one paragraph and
    /// used in another, a day counted from a date paragraphs before, a
    /// word capitalised only at sentence starts in one paragraph and in
    /// lower case in another, an unknown word opening sentences of two
    /// paragraphs (a name), a fact restated across paragraphs, a
    /// negation in one source met by another's assertion.
    #[test]
    fn reading_in_stretches_finds_what_reading_whole_finds() {
        let rules = RuleSet::builtin().unwrap();
        let a = "+++\npublished = 2025-06-12\n+++\nBridge closed after barge strike\n\n\
            HARLOW, June 11 (Wire) - A barge struck the Orrin Street bridge on \
            Tuesday, the Regional Transit Authority (RTA) said. Mara Velde, 44, \
            who captained the barge, was not hurt.\n\n\
            Engineers did not disclose how long repairs would take. Spring \
            floods had raised the river by 3 metres. Tarvex owns the barge.\n\n\
            The RTA said the next day that 12,000 commuters use the bridge \
            daily. Velde told reporters the current was strong. About 12,000 \
            commuters were rerouted.\r\n\r\n\
            In spring the crossing reopens. A 17-year-old deckhand was treated \
            for cuts, and the bridge will stay shut for three weeks.\n\n\
            Mara Velde has sailed the river for 20 years. Tarvex declined to comment.";
        let b = "Engineers disclosed that repairs would take a month, the Regional \
            Transit Authority said on Wednesday.\n\nThe barge hit the bridge on \
            Tuesday. Captain Mara Veldt said 11,000 commuters use it.";
        let corpus =
            |seed, variant| Source::from_text("n.md", news::report(60_000, seed, variant)).unwrap();
        for sources in [
            vec![
                Source::from_text("a.md", a.to_string()).unwrap(),
                Source::from_text("b.md", b.to_string()).unwrap(),
            ],
            vec![corpus(3, false), corpus(3, true)],
        ] {
            let held = joined(read_holding(&sources, &rules, 1));
            assert!(
                held.contains("kind: Name") && held.contains("kind: Date"),
                "{held}"
            );
            for chunk in [1, 100, 2_000, 20_000] {
                let stretches = segment::chunks(&sources[0], chunk).len();
                assert!(stretches > 2 || chunk > sources[0].text.len() / 3);
                let stretch = |_: &Source| chunk;
                assert_eq!(joined(read_twice(&sources, &rules, 2, &stretch)), held);
            }
        }
    }
}
