//! Rule authoring from the command line: custom rules, overrides, project
//! config, and the diagnostics for every kind of mistake in a rule file.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// A temporary project: files written into a fresh directory that is also the
/// working directory of every `concur` run (so `concur.toml` is discovered).
struct Project(tempfile::TempDir);

impl Project {
    fn new(files: &[(&str, &str)]) -> Project {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Project(dir)
    }

    fn concur(&self) -> Command {
        let mut c = Command::cargo_bin("concur").unwrap();
        c.current_dir(self.0.path())
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1");
        c
    }

    fn check_json(&self, extra: &[&str]) -> (i32, Value) {
        let out = self
            .concur()
            .args(["check", "--format", "json", "a.md", "b.md"])
            .args(extra)
            .output()
            .unwrap();
        let json = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        (out.status.code().unwrap(), json)
    }
}

fn two_sided(json: &Value) -> impl Iterator<Item = &Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["claims"].as_array().unwrap().len() > 1)
}

const SHIPS_A: &str = "The storm sank 12 fishing boats off the cape.\n";
const SHIPS_B: &str = "Officials said 17 fishing boats sank off the cape in the storm.\n";
const SHIPS_RULE: &str = r#"
[[rule]]
id = "vessels-sunk"
kind = "quantity"
topic = "vessels sunk"
nouns = ["boat", "ship", "vessel"]
message = "the number of vessels sunk differs"
[[rule.examples]]
a = "The storm sank 12 fishing boats."
b = "The storm sank 12 boats."
verdict = "agree"
[[rule.examples]]
a = "The storm sank 12 fishing boats."
b = "The storm sank 17 boats."
verdict = "conflict"
"#;

#[test]
fn a_custom_rule_directory_adds_a_topic() {
    let p = Project::new(&[
        ("a.md", SHIPS_A),
        ("b.md", SHIPS_B),
        ("my-rules/ships.toml", SHIPS_RULE),
    ]);
    let (_, before) = p.check_json(&[]);
    assert!(two_sided(&before).all(|f| f["rule"] != "vessels-sunk"));
    let (code, after) = p.check_json(&["--rules", "my-rules"]);
    assert_eq!(code, 1);
    let f = two_sided(&after)
        .find(|f| f["rule"] == "vessels-sunk")
        .expect("a finding of the custom rule");
    assert_eq!(f["verdict"], "conflict");
    assert_eq!(f["topic"], "vessels sunk");
    // Its examples run with `rules test PATH`, and only they.
    let out = p
        .concur()
        .args(["rules", "test", "my-rules"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{s}");
    assert!(s.contains("2 passed, 0 failed"), "{s}");
    // And it is listed with its origin.
    let out = p
        .concur()
        .args(["rules", "list", "--rules", "my-rules"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l.starts_with("vessels-sunk") && l.ends_with("my-rules/ships.toml"))
    );
}

#[test]
fn a_user_rule_replaces_a_builtin_with_the_same_id() {
    let rule = r#"
[[rule]]
id = "quantity-figure"
kind = "quantity"
topic = "{noun}"
message = "house style: figures differ"
severity = { conflict = "warning" }
"#;
    let p = Project::new(&[("a.md", SHIPS_A), ("b.md", SHIPS_B), ("house.toml", rule)]);
    let (code, json) = p.check_json(&["--rules", "house.toml"]);
    assert_eq!(code, 0, "the conflict is only a warning now");
    let f = two_sided(&json)
        .find(|f| f["verdict"] == "conflict")
        .unwrap();
    assert_eq!(f["rule"], "quantity-figure");
    assert_eq!(f["severity"], "warning");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .starts_with("house style: figures differ")
    );
    let out = p
        .concur()
        .args(["rules", "list", "--rules", "house.toml"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        list.lines()
            .filter(|l| l.starts_with("quantity-figure "))
            .count(),
        1,
        "{list}"
    );
}

#[test]
fn concur_toml_turns_a_rule_off() {
    let p = Project::new(&[
        (
            "a.md",
            "A group calling itself the Friends of Liberty claimed the attack.\n",
        ),
        (
            "b.md",
            "A group known as Friends of the Liberty claimed the attack.\n",
        ),
        ("concur.toml", "disable = [\"name-spelling\"]\n"),
    ]);
    let (code, json) = p.check_json(&[]);
    assert_eq!(code, 0);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "name-spelling")
    );
    let (_, json) = p.check_json(&["--no-config"]);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "name-spelling" && f["verdict"] == "variant")
    );
}

#[test]
fn concur_toml_is_found_from_a_subdirectory_and_overrides_severity() {
    let p = Project::new(&[
        ("docs/a.md", SHIPS_A),
        ("docs/b.md", SHIPS_B),
        (
            "concur.toml",
            "[severity]\nquantity-figure = \"warning\"\nname-spelling = { variant = \"error\" }\n",
        ),
    ]);
    let mut c = p.concur();
    c.current_dir(p.0.path().join("docs"));
    let out = c
        .args(["check", "--format", "json", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = two_sided(&json)
        .find(|f| f["verdict"] == "conflict")
        .unwrap();
    assert_eq!(f["severity"], "warning");
    let out = p
        .concur()
        .args(["check", "docs/a.md", "docs/b.md", "--deny", "warnings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// Run `concur rules list` on a bad file; return stderr after checking exit 2.
fn rule_error(name: &str, text: &str) -> String {
    let p = Project::new(&[(name, text)]);
    let out = p
        .concur()
        .args(["rules", "list", "--rules", name])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty(), "nothing else runs");
    String::from_utf8(out.stderr).unwrap()
}

const HEAD: &str =
    "[[rule]]\nid = \"boats\"\nkind = \"quantity\"\ntopic = \"boats\"\nmessage = \"m\"\n";

#[test]
fn error_toml_syntax() {
    let e = rule_error("bad.toml", &format!("{HEAD}nouns = [\"boat\"\n"));
    assert!(e.contains("[bad.toml:6:"), "{e}");
    insta::assert_snapshot!(e);
}

#[test]
fn error_unknown_key_suggests() {
    let e = rule_error(
        "bad.toml",
        &format!("{HEAD}nouns = [\"boat\"]\nevnets = [\"sank\"]\n"),
    );
    assert!(
        e.contains("[bad.toml:7:1]") && e.contains("did you mean `events`?"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_wrong_type() {
    let e = rule_error("bad.toml", &format!("{HEAD}nouns = \"boat\"\n"));
    assert!(
        e.contains("[bad.toml:6:9]") && e.contains("invalid type"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_invalid_regex_points_inside_the_pattern() {
    let e = rule_error(
        "bad.toml",
        &format!("{HEAD}patterns = ['sank (\\d+ boats']\n"),
    );
    // The unclosed group opens at column 19 of line 6: `patterns = ['sank (`.
    assert!(
        e.contains("[bad.toml:6:19]") && e.contains("unclosed group"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_duplicate_id() {
    let e = rule_error("bad.toml", &format!("{HEAD}{HEAD}"));
    assert!(
        e.contains("[bad.toml:7:6]")
            && e.contains("duplicate rule id `boats`")
            && e.contains("first defined on line 2"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_example_text_does_not_load() {
    let e = rule_error(
        "bad.toml",
        &format!(
            "{HEAD}[[rule.examples]]\na = \"+++\\npublished = 2020-01-01\\nThe storm sank 12 boats.\"\nb = \"The storm sank 12 boats.\"\nverdict = \"agree\"\n"
        ),
    );
    assert!(
        e.contains("[bad.toml:6:1]")
            && e.contains("text `a` does not load")
            && e.contains("never closes"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_unknown_verdict_in_example() {
    let e = rule_error(
        "bad.toml",
        &format!("{HEAD}[[rule.examples]]\na = \"x\"\nb = \"y\"\nverdict = \"agrees\"\n"),
    );
    assert!(e.contains("unknown verdict `agrees`"), "{e}");
    insta::assert_snapshot!(e);
}

#[test]
fn error_unknown_kind_suggests() {
    let e = rule_error(
        "bad.toml",
        "[[rule]]\nid = \"boats\"\nkind = \"quantiy\"\ntopic = \"boats\"\nmessage = \"m\"\n",
    );
    assert!(
        e.contains("[bad.toml:3:8]") && e.contains("did you mean `quantity`?"),
        "{e}"
    );
    insta::assert_snapshot!(e);
}

#[test]
fn error_config_names_an_unknown_rule() {
    let p = Project::new(&[
        ("a.md", SHIPS_A),
        ("b.md", SHIPS_B),
        ("concur.toml", "disable = [\"name-speling\"]\n"),
    ]);
    let out = p.concur().args(["check", "a.md", "b.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(
        e.contains("concur.toml:1:12]") && e.contains("did you mean `name-spelling`?"),
        "{e}"
    );
}

#[test]
fn explain_prints_message_help_and_examples() {
    let p = Project::new(&[]);
    let out = p
        .concur()
        .args(["explain", "people-killed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with("people-killed (quantity, topic rule)")
            && s.contains("the death toll differs")
            && s.contains("example 1 (conflict)"),
        "{s}"
    );
    let out = p
        .concur()
        .args(["explain", "people-kiled"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `people-killed`?"));
}

#[test]
fn docs_worked_example_is_a_conflict() {
    // The worked example in docs/rules.md.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    let start = doc.find("```toml\n").unwrap() + 8;
    let rule = &doc[start..start + doc[start..].find("```").unwrap()];
    let p = Project::new(&[("killed.toml", rule)]);
    let out = p
        .concur()
        .args(["rules", "test", "killed.toml"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{s}");
    assert!(s.contains("2 passed, 0 failed"), "{s}");
}

#[test]
fn no_default_rules_keeps_only_user_rules() {
    let p = Project::new(&[
        ("a.md", SHIPS_A),
        ("b.md", SHIPS_B),
        ("ships.toml", SHIPS_RULE),
    ]);
    let (code, json) = p.check_json(&["--no-default-rules", "--rules", "ships.toml"]);
    assert_eq!(code, 1);
    let rules: std::collections::BTreeSet<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules.into_iter().collect::<Vec<_>>(), ["vessels-sunk"]);
    let out = p
        .concur()
        .args([
            "rules",
            "list",
            "--no-default-rules",
            "--rules",
            "ships.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn a_rule_pattern_limits_it_to_sentences_that_match() {
    let rule = r#"
[[rule]]
id = "storm-boats"
kind = "quantity"
topic = "boats lost in the storm"
nouns = ["boat"]
patterns = ['(?i)\bstorm\b']
message = "the storm's toll of boats differs"
"#;
    let p = Project::new(&[
        ("a.md", SHIPS_A),
        ("b.md", SHIPS_B),
        (
            "c.md",
            "Officials said 17 fishing boats sank off the cape.\n",
        ),
        ("storm.toml", rule),
    ]);
    let (code, json) = p.check_json(&["--rules", "storm.toml"]);
    assert_eq!(code, 1);
    let f = two_sided(&json)
        .find(|f| f["verdict"] == "conflict")
        .unwrap();
    assert_eq!(f["rule"], "storm-boats", "both sentences mention the storm");
    // Without the storm in one sentence the rule does not apply to it.
    let out = p
        .concur()
        .args([
            "check",
            "--format",
            "json",
            "--rules",
            "storm.toml",
            "a.md",
            "c.md",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["claims"][0]["text"]
                .as_str()
                .is_some_and(|t| t.contains("boats"))
        })
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"storm-boats") && rules.iter().any(|r| *r != "storm-boats"),
        "{rules:?}"
    );
}
