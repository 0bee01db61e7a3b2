//! Lint-style CI runs: SARIF, GitHub annotations, document groups, baselines.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn concur_in(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    c
}

/// Fixture cases that contain a conflict (exit 1), plus the variant case.
fn discrepancy_cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|d| {
            let case = std::fs::read_to_string(d.join("case.toml")).unwrap();
            case.contains("exit = 1") || case.contains("\"variant\"")
        })
        .collect();
    v.sort();
    v
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn sarif_of_the_conflict_fixtures_validates_against_the_schema() {
    // The published schema's `run.language` pattern has a stray `]`
    // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which the validator's
    // meta-schema check rejects as a regex. concur never writes `language`, so
    // the intended pattern is put in its place in memory; the file stays as published.
    let text = std::fs::read_to_string(root().join("tests/sarif-2.1.0-rtm.5.json")).unwrap();
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(broken));
    let schema: Value =
        serde_json::from_str(&text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let cases = discrepancy_cases();
    assert!(cases.len() >= 4);
    for dir in cases {
        let out = concur_in(root())
            .args(["check", "--format", "sarif"])
            .arg(rel(&dir.join("a.md")))
            .arg(rel(&dir.join("b.md")))
            .output()
            .unwrap();
        let log: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
        // The check has teeth: a log missing a required key is rejected.
        let mut broken = log.clone();
        broken["runs"][0]["tool"]["driver"]
            .as_object_mut()
            .unwrap()
            .remove("name");
        assert!(!validator.is_valid(&broken));
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "concur");
        assert!(
            driver["informationUri"]
                .as_str()
                .unwrap()
                .starts_with("https://")
        );
        let results = run["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{}", dir.display());
        for r in results {
            let id = r["ruleId"].as_str().unwrap();
            assert_eq!(
                driver["rules"][r["ruleIndex"].as_u64().unwrap() as usize]["id"],
                id
            );
            assert!(
                r["partialFingerprints"]["concurFinding/v1"]
                    .as_str()
                    .unwrap()
                    .len()
                    >= 24
            );
            assert!(
                !r["relatedLocations"].as_array().unwrap().is_empty(),
                "a finding cites the other source too"
            );
            let region = &r["locations"][0]["physicalLocation"]["region"];
            for k in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(region[k].as_u64().unwrap() >= 1);
            }
        }
    }
}

#[test]
fn github_annotations_are_exact() {
    for case in ["count-conflict", "name-variant", "polarity-conflict"] {
        let d = root().join("fixtures/cases").join(case);
        let out = concur_in(root())
            .args(["check", "--format", "github"])
            .arg(rel(&d.join("a.md")))
            .arg(rel(&d.join("b.md")))
            .output()
            .unwrap();
        insta::assert_snapshot!(
            format!("github_{case}"),
            String::from_utf8(out.stdout).unwrap()
        );
    }
}

/// A temporary project with sources and a concur.toml.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const BRIDGE_3: &str = "The Harbor Bridge was closed on March 3 after inspectors found cracks.\n";
const BRIDGE_9: &str = "The Harbor Bridge was closed on March 9 after inspectors found cracks.\n";
const MUSEUM_A: &str = "The city museum will reopen to visitors on Dec. 25, the director said.\n";
const MUSEUM_B: &str =
    "The city museum will reopen to visitors on Christmas Day, the director said.\n";
const FLOOD_A: &str =
    "Three weeks after the flood, the main road into Millbrook is still closed.\n";
const FLOOD_B: &str =
    "Nearly a month after the flood, the main road into Millbrook is still closed.\n";

#[test]
fn three_groups_give_the_same_output_run_after_run() {
    let dir = project(&[
        ("press/2024-bridge.md", BRIDGE_3),
        ("docs/faq-bridge.md", BRIDGE_9),
        ("press/2024-museum.md", MUSEUM_A),
        ("docs/museum.md", MUSEUM_B),
        ("notes/flood-a.md", FLOOD_A),
        ("notes/flood-b.md", FLOOD_B),
        (
            "concur.toml",
            "[[group]]\nname = \"bridge\"\nsources = [\"press/2024-bridge.md\", \"docs/faq-bridge.md\"]\n\n[[group]]\nname = \"museum\"\nsources = [\"press/2024-museum.md\", \"docs/museum.md\"]\n\n[[group]]\nname = \"flood\"\nsources = [\"notes/flood-*.md\"]\n",
        ),
    ]);
    let run = |format: &str| {
        concur_in(dir.path())
            .args(["check", "--format", format])
            .output()
            .unwrap()
    };
    let first = run("json");
    assert_eq!(
        first.status.code(),
        Some(1),
        "the bridge group conflicts: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    for _ in 0..5 {
        assert_eq!(run("json").stdout, first.stdout);
    }
    let json: Value = serde_json::from_slice(&first.stdout).unwrap();
    let names: Vec<&str> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bridge", "museum", "flood"]);
    assert_eq!(json["groups"][2]["sources"][0]["path"], "notes/flood-a.md");
    assert_eq!(json["summary"]["conflict"], 1);
    let human = String::from_utf8(run("human").stdout).unwrap();
    assert!(
        human.contains("── group bridge: press/2024-bridge.md, docs/faq-bridge.md ──"),
        "{human}"
    );
    let sarif: Value = serde_json::from_slice(&run("sarif").stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["properties"]["group"],
        "bridge"
    );
}

#[test]
fn a_group_with_one_source_is_an_error_pointing_at_it() {
    let dir = project(&[
        ("a.md", BRIDGE_3),
        (
            "concur.toml",
            "[[group]]\nname = \"lonely\"\nsources = [\"a.md\", \"missing-*.md\"]\n",
        ),
    ]);
    let out = concur_in(dir.path()).args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("group `lonely` has 1 source; a group needs at least two")
            && e.contains("concur.toml:1:1]"),
        "{e}"
    );
}

#[test]
fn baseline_round_trip() {
    let dir = project(&[("a.md", BRIDGE_3), ("b.md", BRIDGE_9)]);
    let check = |extra: &[&str]| {
        concur_in(dir.path())
            .args(["check", "a.md", "b.md"])
            .args(extra)
            .output()
            .unwrap()
    };
    // Today's conflict fails the build...
    assert_eq!(check(&[]).status.code(), Some(1));
    // ...until it is recorded.
    let w = check(&["--write-baseline", "concur-baseline.json"]);
    assert_eq!(w.status.code(), Some(0));
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("concur-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 1);
    assert_eq!(
        check(&["--baseline", "concur-baseline.json"]).status.code(),
        Some(0)
    );
    // A new conflict fails, and only it is shown.
    std::fs::write(
        dir.path().join("a.md"),
        format!("{BRIDGE_3}\nThe repair will cost 40 million dollars, the city said.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        format!("{BRIDGE_9}\nThe repair will cost 65 million dollars, the city said.\n"),
    )
    .unwrap();
    let out = check(&["--baseline", "concur-baseline.json"]);
    assert_eq!(out.status.code(), Some(1));
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("“40 million dollars” vs “65 million dollars”")
            && !human.contains("2025")
            && !human.contains("March"),
        "{human}"
    );
    assert!(human.contains("· 1 baselined"), "{human}");
    // A paragraph inserted above the old finding: still baselined.
    std::fs::write(
        dir.path().join("a.md"),
        format!("Officials gave an update on the works.\n\nIt was raining.\n\n{BRIDGE_3}"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), BRIDGE_9).unwrap();
    let out = check(&["--baseline", "concur-baseline.json", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let conflict = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["verdict"] == "conflict")
        .unwrap();
    assert_eq!(conflict["baselined"], true);
    assert!(json.get("stale_baseline").is_none());
    // The conflict fixed: its entry is stale, and said so.
    std::fs::write(dir.path().join("b.md"), BRIDGE_3).unwrap();
    let out = check(&["--baseline", "concur-baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("stale baseline entry")
    );
}

#[test]
fn two_hundred_groups_in_deterministic_order() {
    let pairs = [
        (BRIDGE_3, BRIDGE_9),
        (MUSEUM_A, MUSEUM_B),
        (FLOOD_A, FLOOD_B),
    ];
    let mut files: Vec<(String, String)> = Vec::new();
    let mut toml = String::new();
    for g in 0..200 {
        let (a, b) = pairs[g % 3];
        let mut sources = vec![format!("g{g:03}/a.md"), format!("g{g:03}/b.md")];
        files.push((sources[0].clone(), a.to_string()));
        files.push((sources[1].clone(), b.to_string()));
        if g % 2 == 0 {
            sources.push(format!("g{g:03}/c.md"));
            files.push((sources[2].clone(), a.replace("the", "the the").to_string()));
        }
        // Group names in an order unlike the directory order.
        toml.push_str(&format!(
            "[[group]]\nname = \"group-{}\"\nsources = {:?}\n\n",
            199 - g,
            sources
        ));
    }
    files.push(("concur.toml".into(), toml));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = project(&refs);
    let run = || {
        concur_in(dir.path())
            .args(["check", "--format", "json"])
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&first.stdout).unwrap();
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 200);
    for (i, g) in groups.iter().enumerate() {
        assert_eq!(g["group"], format!("group-{}", 199 - i));
        assert_eq!(
            g["sources"].as_array().unwrap().len(),
            if i % 2 == 0 { 3 } else { 2 }
        );
    }
    assert_eq!(run().stdout, first.stdout);
}
