//! JSON Schemas of the JSON output and of concur.toml: generated from the
//! types (`concur schema output|config`), committed in `docs/schema/`, and
//! every example the project has validates against them.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn concur() -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(root());
    c
}

fn generated(of: &str) -> Value {
    let out = concur().args(["schema", of]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn committed(of: &str) -> Value {
    let path = root().join(format!("docs/schema/{of}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for of in ["output", "config"] {
        assert_eq!(
            generated(of),
            committed(of),
            "docs/schema/{of}.json is stale: concur schema {of} > docs/schema/{of}.json"
        );
    }
}

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.push(root().join("fixtures/sony"));
    dirs.sort();
    dirs
}

/// Whether `v` validates; when not, the first finding that does not is
/// printed on its own (the whole report is too long to read).
fn valid(validator: &jsonschema::Validator, v: &Value) -> bool {
    if validator.is_valid(v) {
        return true;
    }
    let findings = v["findings"]
        .as_array()
        .into_iter()
        .chain(
            v["groups"]
                .as_array()
                .into_iter()
                .flat_map(|g| g.iter().filter_map(|g| g["findings"].as_array())),
        )
        .flatten();
    for f in findings {
        let mut one = v.clone();
        if one["findings"].is_array() {
            one["findings"] = Value::Array(vec![f.clone()]);
            if !validator.is_valid(&one) {
                eprintln!("this finding does not validate: {f}");
                break;
            }
        }
    }
    false
}

#[test]
fn every_json_output_validates() {
    let validator = jsonschema::validator_for(&committed("output")).unwrap();
    let mut checked = 0;
    for dir in cases() {
        let out = concur()
            .args(["check", "--no-config", "--format", "json"])
            .arg(dir.join("a.md"))
            .arg(dir.join("b.md"))
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(valid(&validator, &v), "{}", dir.display());
        checked += 1;
    }
    assert!(checked >= 5);
    // Groups, a suppressed finding and a stale baseline entry.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "The storm killed 41 people.\n\n<!-- concur-ignore -->\nThe repair will cost 40 million dollars.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "The storm killed 38 people.\n\nThe repair will cost 65 million dollars.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("concur.toml"),
        "[[group]]\nname = \"storm\"\nsources = [\"*.md\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("old.json"),
        r#"{"version": 1, "findings": [{"fingerprint": "0", "rule": "people-killed", "topic": "people killed", "verdict": "conflict", "texts": ["40"]}]}"#,
    )
    .unwrap();
    let out = Command::cargo_bin("concur")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--baseline", "old.json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["groups"].is_array() && v["stale_baseline"].is_array(),
        "{v}"
    );
    assert!(valid(&validator, &v));
    // The schema is not vacuous: a finding without a verdict fails it.
    let mut broken = v.clone();
    broken["groups"][0]["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("verdict");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn config_examples_validate_and_mistakes_do_not() {
    let validator = jsonschema::validator_for(&committed("config")).unwrap();
    let as_json = |toml_text: &str| -> Value {
        let t: toml::Value = toml::from_str(toml_text).unwrap();
        serde_json::to_value(t).unwrap()
    };
    // The examples the README and the config module document.
    let good = [
        "rules = [\"style/concur-rules\"]\ndisable = [\"claim-negated\"]\n\n[severity]\npeople-killed = \"warning\"\nname-spelling = { variant = \"error\" }\n",
        "[[group]]\nname = \"launch\"\nsources = [\"press/2024-*.md\", \"docs/faq.md\"]\n\n[[group]]\nname = \"incident-4411\"\nsources = [\"reports/4411/*.md\"]\n",
    ];
    for g in good {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(g))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{g}: {errors:?}");
    }
    for bad in [
        "rule = [\"x\"]\n",                                        // unknown key
        "[severity]\npeople-killed = \"loud\"\n",                  // not a severity
        "[severity]\npeople-killed = { conflicts = \"error\" }\n", // unknown verdict
        "[[group]]\nname = \"x\"\n",                               // no sources
    ] {
        assert!(!validator.is_valid(&as_json(bad)), "{bad}");
    }
}
