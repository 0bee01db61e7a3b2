//! Write two distinct news reports of about SIZE bytes each (the benchmark
//! corpus of `benches/news.rs`), for process-level timing:
//!
//!     cargo run --release --example news_corpus -- 1000000 /tmp/a.md /tmp/b.md
//!     target/release/concur check -j 1 --format json /tmp/a.md /tmp/b.md

#[path = "../benches/news.rs"]
mod news;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(size), Some(a), Some(b)) = (
        args.first().and_then(|s| s.parse::<usize>().ok()),
        args.get(1),
        args.get(2),
    ) else {
        eprintln!("usage: news_corpus SIZE A.md B.md");
        std::process::exit(2);
    };
    std::fs::write(a, news::report(size, 1, false)).unwrap();
    std::fs::write(b, news::report(size, 1, true)).unwrap();
}
