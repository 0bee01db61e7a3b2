fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pat = &args[2];
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let s = concur::source::Source::from_text("a", text).unwrap();
    let rules = concur::rules::RuleSet::builtin().unwrap();
    for f in concur::facts(std::slice::from_ref(&s), &rules) {
        let t = &s.text[f.start..f.end];
        if t.contains(pat.as_str()) {
            let mut c: Vec<_> = f
                .context
                .iter()
                .map(|(w, x)| (w.as_str().to_string(), *x))
                .collect();
            c.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
            println!(
                "{t:?} topic={} block={} head={:?} events={:?}",
                f.topic,
                f.block,
                f.head,
                f.events.iter().map(|w| w.as_str()).collect::<Vec<_>>()
            );
            println!(
                "   {}",
                c.iter()
                    .map(|(w, x)| format!("{w}:{x:.2}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
}
