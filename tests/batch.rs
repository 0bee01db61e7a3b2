//! `concur batch`: JSON Lines in and out, same results as `check` per cluster.

use assert_cmd::Command;
use serde_json::Value;

fn concur(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

#[test]
fn batch_output_equals_check_on_each_cluster_in_input_order() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<_> = std::fs::read_dir(root.join("fixtures/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    let mut input = String::new();
    let mut expected = Vec::new();
    for round in 0..5 {
        for (i, d) in cases.iter().enumerate() {
            let (a, b) = (d.join("a.md"), d.join("b.md"));
            let id = format!("{round}-{i}");
            input.push_str(
                &serde_json::json!({ "id": id, "sources": [{ "path": a }, { "path": b }] })
                    .to_string(),
            );
            input.push('\n');
            let out = concur(root)
                .args(["check", "--format", "json"])
                .arg(&a)
                .arg(&b)
                .output()
                .unwrap();
            let mut v: Value = serde_json::from_slice(&out.stdout).unwrap();
            v.as_object_mut()
                .unwrap()
                .insert("id".into(), Value::String(id));
            expected.push(v);
        }
    }
    let out = concur(root)
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "some clusters conflict: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    let got: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn text_sources_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = concat!(
        "{\"id\": 1, \"sources\": [{\"text\": \"The museum reopens on Dec. 25.\", \"published\": \"2025-12-01\"}, {\"text\": \"The museum reopens on Christmas Day.\", \"name\": \"wire\"}]}\n",
        "this is not json\n",
        "\n",
        "{\"id\": \"lonely\", \"sources\": [{\"text\": \"One source.\"}]}\n",
        "{\"id\": \"missing\", \"sources\": [{\"path\": \"nope.md\"}, {\"text\": \"x\"}]}\n",
    );
    let out = concur(dir.path())
        .args(["batch"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "lines that cannot be checked make the exit code 2"
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["sources"][0]["published"], "2025-12-01");
    assert_eq!(lines[0]["sources"][1]["path"], "wire");
    assert!(
        lines[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["verdict"] == "agree" && f["kind"] == "date")
    );
    // Errors name the input line (blank lines count).
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 2: not a cluster")
    );
    assert_eq!(
        lines[2]["error"],
        "line 4: a cluster needs at least two sources, got 1"
    );
    assert_eq!(
        lines[3]["error"],
        "line 5: cannot read `nope.md`: no such file"
    );
}

#[test]
fn files_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.jsonl"), "{\"id\": 7, \"sources\": [{\"text\": \"Five boats sank.\"}, {\"text\": \"Five boats sank.\"}]}\n").unwrap();
    concur(dir.path())
        .args(["batch", "-i", "in.jsonl", "-o", "out.jsonl"])
        .assert()
        .code(0);
    let out = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["id"], 7);
    assert_eq!(v["summary"]["conflict"], 0);
}

#[test]
fn first_line_numbers_a_shard_as_part_of_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\": 1, \"sources\": [{\"text\": \"only one\"}]}\n";
    let out = concur(dir.path())
        .args(["batch", "--first-line", "41"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"error\":\"line 41: "), "{text}");
}
