//! Any text as a rule file: it loads or fails with a diagnostic, and a rule
//! set that loads can run its own examples.
#![no_main]
use concur::rules::{Loaded, Origin, BUILTIN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut l = Loaded::new();
    l.add(BUILTIN[0].0, BUILTIN[0].1, Origin::Builtin(BUILTIN[0].0)).unwrap();
    if l.add("fuzz.toml", text, Origin::File("fuzz.toml".into())).is_err() {
        return;
    }
    if let Ok(rules) = l.compile() {
        let _ = concur::examples::run(&rules, |r| matches!(r.origin, Origin::File(_)));
    }
});
