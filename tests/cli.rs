//! Fixture-driven CLI tests. Each directory under `fixtures/cases/` (and the
//! bundled example `fixtures/sony/`) holds `a.md`, `b.md` and `case.toml`:
//! the exit code `concur check` must give and the findings it must report.
//! A new case is a new directory, not new test code.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn concur() -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1");
    c
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.push(root.join("fixtures/sony"));
    dirs.sort();
    dirs
}

fn rel(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn check_json(a: &str, b: &str) -> (i32, Value) {
    let out = concur()
        .args(["check", "--format", "json", a, b])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

/// Does a claim of `finding` in `source` overlap an occurrence of `text`?
fn covers(finding: &Value, source: u64, text: &str, sources: &[String]) -> bool {
    let hay = &sources[source as usize];
    let spans: Vec<(usize, usize)> = hay
        .match_indices(text)
        .map(|(i, m)| (i, i + m.len()))
        .collect();
    finding["claims"].as_array().unwrap().iter().any(|c| {
        c["source"] == source
            && spans.iter().any(|&(s, e)| {
                c["start"].as_u64().unwrap() < e as u64 && (s as u64) < c["end"].as_u64().unwrap()
            })
    })
}

#[test]
fn fixture_cases() {
    let mut failures = Vec::new();
    for dir in cases() {
        let case: toml::Table =
            toml::from_str(&std::fs::read_to_string(dir.join("case.toml")).unwrap()).unwrap();
        let (a, b) = (rel(&dir.join("a.md")), rel(&dir.join("b.md")));
        let texts = vec![
            std::fs::read_to_string(dir.join("a.md")).unwrap(),
            std::fs::read_to_string(dir.join("b.md")).unwrap(),
        ];
        let (code, json) = check_json(&a, &b);
        let want_exit = case["exit"].as_integer().unwrap() as i32;
        if code != want_exit {
            failures.push(format!("{}: exit {code}, want {want_exit}", dir.display()));
        }
        let findings = json["findings"].as_array().unwrap();
        for e in case
            .get("expect")
            .and_then(|e| e.as_array())
            .cloned()
            .unwrap_or_default()
        {
            let verdict = e["verdict"].as_str().unwrap();
            let found = findings.iter().any(|f| {
                f["verdict"] == verdict
                    && f["kind"] == e["kind"].as_str().unwrap()
                    && e.get("a")
                        .is_none_or(|t| covers(f, 0, t.as_str().unwrap(), &texts))
                    && e.get("b")
                        .is_none_or(|t| covers(f, 1, t.as_str().unwrap(), &texts))
                    && e.get("diff")
                        .is_none_or(|d| f["diff"] == d.as_str().unwrap())
            });
            if !found {
                failures.push(format!("{}: no {verdict} finding for {e:?}", dir.display()));
            }
        }
        // No case expects a finding that crosses the expected ones: every conflict is expected.
        let conflicts = findings
            .iter()
            .filter(|f| f["verdict"] == "conflict")
            .count();
        let expected_conflicts = case
            .get("expect")
            .and_then(|e| e.as_array())
            .map_or(0, |v| {
                v.iter()
                    .filter(|e| e["verdict"].as_str() == Some("conflict"))
                    .count()
            });
        if conflicts != expected_conflicts {
            failures.push(format!(
                "{}: {conflicts} conflicts, expected {expected_conflicts}",
                dir.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

type Verdicts = Vec<(String, String, Vec<(u64, u64)>)>;

fn verdicts(json: &Value, swap: bool) -> Verdicts {
    let mut v: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut claims: Vec<(u64, u64)> = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let s = c["source"].as_u64().unwrap();
                    (if swap { 1 - s } else { s }, c["start"].as_u64().unwrap())
                })
                .collect();
            claims.sort();
            (
                f["kind"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
                claims,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn swapping_sources_gives_the_same_verdicts() {
    for dir in cases() {
        let (a, b) = (rel(&dir.join("a.md")), rel(&dir.join("b.md")));
        let (_, ab) = check_json(&a, &b);
        let (_, ba) = check_json(&b, &a);
        assert_eq!(
            verdicts(&ab, false),
            verdicts(&ba, true),
            "{}",
            dir.display()
        );
    }
}

#[test]
fn a_source_against_itself_has_no_discrepancy() {
    let tmp = tempfile::tempdir().unwrap();
    for dir in cases() {
        for side in ["a.md", "b.md"] {
            let copy = tmp.path().join("copy.md");
            std::fs::copy(dir.join(side), &copy).unwrap();
            let out = concur()
                .args(["check", "--format", "json"])
                .arg(dir.join(side))
                .arg(&copy)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}/{side}", dir.display());
            let json: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(json["summary"]["conflict"], 0, "{}/{side}", dir.display());
            assert_eq!(json["summary"]["variant"], 0, "{}/{side}", dir.display());
        }
    }
}

#[test]
fn human_output_snapshots() {
    for dir in cases() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let out = concur()
            .args(["check", "--color", "never"])
            .arg(rel(&dir.join("a.md")))
            .arg(rel(&dir.join("b.md")))
            .output()
            .unwrap();
        insta::assert_snapshot!(
            format!("human_{name}"),
            String::from_utf8(out.stdout).unwrap()
        );
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let run = || {
        concur()
            .args([
                "check",
                "--format",
                "json",
                "fixtures/sony/a.md",
                "fixtures/sony/b.md",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn json_contract_fields() {
    let (code, json) = check_json("fixtures/sony/a.md", "fixtures/sony/b.md");
    assert_eq!(code, 0);
    assert_eq!(json["version"], 1);
    assert_eq!(json["sources"][0]["published"], "2014-12-17");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sony/b.md"))
            .unwrap();
    for f in json["findings"].as_array().unwrap() {
        for key in [
            "rule", "kind", "topic", "verdict", "severity", "message", "claims",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
        for c in f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["source"] == 1)
        {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], c["text"].as_str().unwrap());
        }
    }
    // Findings are ordered by first claim's source and offset.
    let keys: Vec<(u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["claims"][0]["source"].as_u64().unwrap(),
                f["claims"][0]["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn deny_warnings_fails_on_variants() {
    let args = [
        "check",
        "fixtures/cases/name-variant/a.md",
        "fixtures/cases/name-variant/b.md",
    ];
    concur().args(args).assert().code(0);
    concur()
        .args(args)
        .args(["--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn three_sources() {
    let out = concur()
        .args([
            "check",
            "--format",
            "json",
            "fixtures/cases/date-conflict/a.md",
            "fixtures/cases/date-conflict/b.md",
            "fixtures/cases/date-conflict/a.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a path given twice is an error");
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("c.md");
    std::fs::copy("fixtures/cases/date-conflict/a.md", &c).unwrap();
    let out = concur()
        .args([
            "check",
            "--format",
            "json",
            "fixtures/cases/date-conflict/a.md",
            "fixtures/cases/date-conflict/b.md",
        ])
        .arg(&c)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let conflict = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["verdict"] == "conflict")
        .unwrap();
    assert_eq!(
        conflict["claims"].as_array().unwrap().len(),
        3,
        "one finding cites all three sources"
    );
}

#[test]
fn usage_errors_exit_2() {
    for (second, message) in [
        (None, "at least two sources"),
        (Some("no/such/file.md"), "no/such/file.md"),
        (Some("fixtures"), "is a directory"),
    ] {
        let out = concur()
            .args(["check", "fixtures/sony/a.md"])
            .args(second)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{second:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{second:?}"
        );
    }
}

#[test]
fn builtin_rule_examples_pass() {
    let out = concur().args(["rules", "test"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"));
}

#[test]
fn every_builtin_rule_has_an_agree_and_a_discrepancy_example() {
    let rules = concur::rules::RuleSet::builtin().unwrap();
    for r in &rules.rules {
        let v: Vec<&str> = r.examples.iter().map(|e| e.verdict.as_str()).collect();
        assert!(v.contains(&"agree"), "{} has no agree example", r.id);
        assert!(
            v.iter().any(|x| matches!(*x, "conflict" | "variant")),
            "{} has no conflict or variant example",
            r.id
        );
    }
}

#[test]
fn wrong_rule_example_fails_rules_test() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("r.toml");
    std::fs::write(&p, "[[rule]]\nid = \"boats\"\nkind = \"quantity\"\ntopic = \"boats\"\nnouns = [\"boat\"]\nmessage = \"m\"\n[[rule.examples]]\na = \"Five boats sank.\"\nb = \"Nine boats sank.\"\nverdict = \"agree\"\n").unwrap();
    let out = concur().args(["rules", "test"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("FAIL boats example 1")
            && s.contains("expected: agree")
            && s.contains("actual:   conflict"),
        "{s}"
    );
}

/// Large sources are read on several threads; the report must not depend on
/// how many (`-j`), nor on the run.
#[test]
fn output_is_the_same_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for (name, seed) in [
        ("a.md", "fixtures/sony/a.md"),
        ("b.md", "fixtures/sony/b.md"),
    ] {
        let body = std::fs::read_to_string(root.join(seed)).unwrap();
        let body = body.rsplit("+++").next().unwrap();
        // Over the size at which sources are read in parallel.
        let text = format!(
            "+++\npublished = 2014-12-19\n+++\n{}",
            format!("{body}\n\n").repeat(300_000 / body.len() + 1)
        );
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let run = |j: &str| {
        concur()
            .args(["check", "--format", "json", "-j", j])
            .args(&paths)
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(one.len() > 1000);
    for j in ["2", "4", "0", "2"] {
        assert!(run(j) == one, "-j {j} gave another report");
    }
}
