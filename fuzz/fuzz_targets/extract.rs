//! Two texts through the whole pipeline: never a panic, and every claim is
//! the exact source text at its span.
#![no_main]
use concur::rules::RuleSet;
use concur::source::Source;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::builtin().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (a, b) = text.split_at(text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0));
    let (Ok(sa), Ok(sb)) = (Source::from_text("a", a.to_string()), Source::from_text("b", b.to_string())) else { return };
    let sources = [sa, sb];
    let analysis = concur::check(&sources, rules());
    for f in &analysis.findings {
        for c in &f.claims {
            assert_eq!(&sources[c.source].text[c.start..c.end], c.text);
        }
    }
    let _ = serde_json::to_string(&analysis);
});
