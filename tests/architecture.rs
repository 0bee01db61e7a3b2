//! The pipeline runs one way: a module may use the modules before it in
//! [`ORDER`], never one after it. Read from the `crate::` paths in the code,
//! so a new import that runs back up the pipeline fails here (see
//! docs/architecture.md for the picture).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Top-level modules from the bottom up. `crate` is `lib.rs` itself (the
/// pipeline driver: `facts`, `check`); `main.rs` is not part of the library.
const ORDER: &[&str] = &[
    "text", "exit", "source", "rules", "segment", "extract", "align", "judge", "crate", "baseline",
    "report", "config", "project", "examples", "batch",
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to: `src/extract/date.rs` → `extract`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    match first.strip_suffix(".rs") {
        Some("lib") => "crate".into(),
        Some(m) => m.into(),
        None => first.into_owned(),
    }
}

/// Every module a line of code names through `crate::`; `crate::{…}` and
/// `crate::item` (not a module) name the library root.
fn uses(code: &str, modules: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + 7..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        out.push(if modules.contains(&name) {
            name
        } else {
            "crate".into()
        });
        rest = after;
    }
    out
}

/// (module, used module, file:line) for every use in the library.
fn edges() -> Vec<(String, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let modules: Vec<String> = all
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| m != "crate" && m != "main")
        .collect();
    let mut out = Vec::new();
    for f in &all {
        let from = module_of(&src, f);
        if from == "main" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap();
            for to in uses(code, &modules) {
                if to != from {
                    let at = format!("{}:{}", f.display(), n + 1);
                    out.push((from.clone(), to, at));
                }
            }
        }
    }
    out
}

#[test]
fn every_module_is_placed_in_the_pipeline() {
    let unplaced: Vec<_> = edges()
        .into_iter()
        .flat_map(|(a, b, _)| [a, b])
        .filter(|m| !ORDER.contains(&m.as_str()))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules missing from ORDER (place them in the pipeline): {unplaced:?}"
    );
}

#[test]
fn no_import_runs_back_up_the_pipeline() {
    let rank = |m: &str| ORDER.iter().position(|o| *o == m).unwrap_or(usize::MAX);
    let back: Vec<String> = edges()
        .into_iter()
        .filter(|(a, b, _)| rank(b) > rank(a))
        .map(|(a, b, at)| format!("{a} uses {b} at {at}"))
        .collect();
    assert!(
        back.is_empty(),
        "imports that run back up the pipeline:\n{}",
        back.join("\n")
    );
}

#[test]
fn the_check_itself_sees_a_back_import() {
    // The scanner is what the test above trusts: it must see `crate::x` paths.
    let modules = vec!["report".to_string(), "segment".to_string()];
    assert_eq!(
        uses(
            "    let r = crate::report::human::Human; use crate::{check};",
            &modules
        ),
        vec!["report".to_string(), "crate".to_string()]
    );
    let rank = |m: &str| ORDER.iter().position(|o| *o == m).unwrap();
    assert!(rank("report") > rank("segment"));
}

#[test]
fn the_library_never_prints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    for f in all.iter().filter(|f| !f.ends_with("main.rs")) {
        let text = std::fs::read_to_string(f).unwrap();
        // Unit tests may print; the library code before them may not.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap();
            if ["println!", "eprintln!", "print!(", "eprint!(", "dbg!("]
                .iter()
                .any(|m| line.contains(m))
            {
                found.insert(format!("{}:{}", f.display(), n + 1), 1);
            }
        }
    }
    assert!(found.is_empty(), "the library prints at {:?}", found.keys());
}
