//! Faults found by probing concur as a hostile user would: one test per fault,
//! each failing on the code before its fix.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const KILLED_38: &str = "The storm killed 38 people in the region, officials said.\n";
const KILLED_41: &str = "The storm killed 41 people in the region, officials said.\n";

fn concur(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CONCUR_CONFIG");
    c
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, text).unwrap();
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

// 1. More than 64 sources must not lose findings.
#[test]
fn sixty_five_sources_keep_their_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "check".to_string(),
        "--format".into(),
        "json".into(),
        "--no-config".into(),
    ];
    for i in 0..64 {
        write(dir.path(), &format!("s{i:02}.md"), KILLED_38);
        args.push(format!("s{i:02}.md"));
    }
    write(dir.path(), "s64.md", KILLED_41);
    args.push("s64.md".into());
    let out = concur(dir.path()).args(&args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(
        v["summary"]["conflict"].as_u64().unwrap() >= 1,
        "{}",
        v["summary"]
    );
}

// 2. The size limit holds for every kind of file, and for inline batch text.
#[test]
fn the_size_limit_holds_for_devices() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.md", KILLED_41);
    let out = concur(dir.path())
        .args([
            "check",
            "--no-config",
            "--max-source-mb",
            "1",
            "/dev/zero",
            "b.md",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/dev/zero") && err.contains("more than the 1 MB"),
        "{err}"
    );
}

#[test]
fn batch_inline_text_has_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = "The storm killed 38 people. ".repeat(50_000);
    let line = serde_json::json!({"id": 1, "sources": [{"text": big}, {"text": KILLED_41}]})
        .to_string()
        + "\n";
    let out = concur(dir.path())
        .args(["batch", "--no-config", "--max-source-mb", "1"])
        .write_stdin(line)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("more than the 1 MB a source may be"),
        "{v}"
    );
}

// 3. Baseline fingerprints do not depend on how a path is typed.
#[test]
fn fingerprints_do_not_depend_on_the_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/a.md", KILLED_38);
    write(dir.path(), "docs/b.md", KILLED_41);
    let prints = |d: &Path, a: &str, b: &str| -> Vec<String> {
        let v = json(
            &concur(d)
                .args(["check", "--no-config", "--format", "json", a, b])
                .output()
                .unwrap(),
        );
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    let root = prints(dir.path(), "docs/a.md", "docs/b.md");
    assert_eq!(root, prints(dir.path(), "./docs/a.md", "./docs/b.md"));
    assert_eq!(root, prints(&dir.path().join("docs"), "a.md", "b.md"));
    let abs = (dir.path().join("docs/a.md"), dir.path().join("docs/b.md"));
    assert_eq!(
        root,
        prints(dir.path(), abs.0.to_str().unwrap(), abs.1.to_str().unwrap())
    );
}

// 4. One bad byte loses one line of a batch, not the batch.
/// Findings that say the same thing (one rule, topic and text) are told
/// apart by their order: the first keeps the bare fingerprint, the next are
/// numbered ":2", ":3".
#[test]
fn equal_fingerprints_are_numbered_in_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "A landslide killed two hikers near Vell on Monday.\n\n\
         In 2019, a rockfall killed a climber near Osk.\n\n\
         In 2011, a flood killed a farmer near Tarn.\n",
    );
    write(
        dir.path(),
        "b.md",
        "Rescuers searched the slope near Vell on Monday.\n",
    );
    let v = json(
        &concur(dir.path())
            .args(["check", "--no-config", "--format", "json", "a.md", "b.md"])
            .output()
            .unwrap(),
    );
    let prints: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["claims"][0]["text"] == "killed")
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), 3, "{v}");
    assert_eq!(prints[1], format!("{}:2", prints[0]));
    assert_eq!(prints[2], format!("{}:3", prints[0]));
}

#[test]
fn a_bad_byte_loses_one_batch_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: usize| {
        serde_json::json!({"id": id, "sources": [{"text": KILLED_38}, {"text": KILLED_41}]})
            .to_string()
    };
    let mut input = Vec::new();
    for id in 1..=5 {
        if id == 3 {
            input.extend_from_slice(
                b"{\"id\": 3, \"sources\": [{\"text\": \"bad \xff byte\"}, {\"text\": \"x\"}]}\n",
            );
        } else {
            input.extend_from_slice(good(id).as_bytes());
            input.push(b'\n');
        }
    }
    let out = concur(dir.path())
        .args(["batch", "--no-config"])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[2]["id"], 3);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 3: not valid UTF-8"),
        "{}",
        lines[2]
    );
    for i in [0, 1, 3, 4] {
        assert_eq!(lines[i]["summary"]["conflict"], 1, "{}", lines[i]);
    }
}

// 5. Batch dates are data: no injection, spans relative to the text given,
//    and inline sources are refused where check refuses files.
#[test]
fn batch_dates_are_data_and_spans_are_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    let inject = serde_json::json!({"id": "inj", "sources": [{"text": KILLED_38, "published": "2020-01-01\"\ntitle = \"x"}, {"text": KILLED_41}]});
    let spans = serde_json::json!({"id": "spans", "sources": [{"text": KILLED_38, "published": "2020-01-01"}, {"text": KILLED_41}]});
    let empty =
        serde_json::json!({"id": "empty", "sources": [{"text": "   "}, {"text": KILLED_41}]});
    let nul =
        serde_json::json!({"id": "nul", "sources": [{"text": "a\u{0}b"}, {"text": KILLED_41}]});
    let twice = serde_json::json!({"id": "twice", "sources": [{"text": KILLED_38, "name": "x"}, {"text": KILLED_41, "name": "x"}]});
    let input = [inject, spans, empty, nul, twice]
        .iter()
        .map(|v| v.to_string() + "\n")
        .collect::<String>();
    let out = concur(dir.path())
        .args(["batch", "--no-config"])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines[0]["error"].as_str().unwrap().contains("YYYY-MM-DD"),
        "{}",
        lines[0]
    );
    let claims = lines[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap().clone())
        .collect::<Vec<_>>();
    let c = claims
        .iter()
        .find(|c| c["source"] == 0 && c["text"] == "38 people")
        .expect("the figure is cited");
    let (start, end) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &KILLED_38[start..end],
        "38 people",
        "spans index the text as given"
    );
    assert_eq!(c["line"], 1);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("no text to check"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3]["error"].as_str().unwrap().contains("NUL byte"),
        "{}",
        lines[3]
    );
    assert!(
        lines[4]["error"].as_str().unwrap().contains("given twice"),
        "{}",
        lines[4]
    );
}

// 6. Escape sequences in a source never reach the terminal.
#[test]
fn control_characters_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "The storm killed 38 people \u{1b}]0;owned\u{7} in the region \u{1b}[2J today.\n",
    );
    write(
        dir.path(),
        "b.md",
        "The storm killed 41 people in the region today.\n",
    );
    let out = concur(dir.path())
        .args(["check", "--no-config", "--color", "never", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "raw control characters in:\n{text}"
    );
    assert!(
        text.contains("\\u{1b}]0;owned\\u{7}"),
        "shown visibly:\n{text}"
    );
    assert!(text.contains("38"), "{text}");
}

// 7. Large front matter and large rule files are read in linear time and
//    memory. (No timings in tests: the rule file runs under an address-space
//    limit that the quadratic copy of the file per rule, 1.6 GB, broke. The
//    front matter's time is in the closing note: 3.5 s to 0.06 s.)
#[cfg(unix)]
#[test]
fn many_front_matter_keys_and_many_rules_fit_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let keys: String = (0..20_000).map(|i| format!("k{i} = \"v{i}\"\n")).collect();
    write(
        dir.path(),
        "a.md",
        format!("+++\n{keys}published = 2020-01-02\n+++\n{KILLED_38}"),
    );
    write(dir.path(), "b.md", KILLED_41);
    let rules: String = (0..4_000).map(|i| format!("[[rule]]\nid = \"r{i}\"\nkind = \"quantity\"\ntopic = \"t{i}\"\nnouns = [\"n{i}\"]\nmessage = \"m\"\n")).collect();
    write(dir.path(), "many.toml", rules);
    let bin = assert_cmd::cargo::cargo_bin("concur");
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!("ulimit -v 800000; exec '{}' check --no-config --format json --rules many.toml a.md b.md", bin.display()))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["sources"][0]["published"], "2020-01-02");
}

// 8. Lone CR line ends work with TOML front matter.
#[test]
fn lone_cr_with_toml_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "+++\rpublished = 2020-01-02\r+++\rThe storm killed 38 people on Friday.\r",
    );
    write(dir.path(), "b.md", KILLED_41);
    let out = concur(dir.path())
        .args(["check", "--no-config", "--format", "json", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["sources"][0]["published"], "2020-01-02");
}

// 9. The smaller ones.
#[test]
fn one_file_under_two_paths_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", KILLED_38);
    let out = concur(dir.path())
        .args(["check", "--no-config", "a.md", "./a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("given twice"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("link.md")).unwrap();
        let out = concur(dir.path())
            .args(["check", "--no-config", "a.md", "link.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
}

#[test]
fn reports_never_overwrite_a_source() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", KILLED_38);
    write(dir.path(), "b.md", KILLED_41);
    for flag in ["-o", "--write-baseline"] {
        let out = concur(dir.path())
            .args(["check", "--no-config", flag, "./a.md", "a.md", "b.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"),
            "{flag}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            KILLED_38,
            "{flag}: the source is untouched"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let many = KILLED_38.repeat(20_000);
    write(dir.path(), "a.md", &many);
    write(dir.path(), "b.md", &many);
    let bin = assert_cmd::cargo::cargo_bin("concur");
    // The exit code of concur itself, written beside the pipe.
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!("('{}' check --no-config --show all a.md b.md 2>err.txt; echo $? > code.txt) | head -c 10 >/dev/null", bin.display()))
        .output()
        .unwrap();
    assert!(out.status.success());
    let code = std::fs::read_to_string(dir.path().join("code.txt")).unwrap();
    let err = std::fs::read_to_string(dir.path().join("err.txt")).unwrap();
    assert_eq!(code.trim(), "0", "stderr: {err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn bad_rule_values_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", KILLED_38);
    write(dir.path(), "b.md", KILLED_41);
    let cases = [
        ("compare = { tolerance = nan }", "tolerance"),
        ("compare = { tolerance = -1.0 }", "tolerance"),
    ];
    for (extra, want) in cases {
        write(
            dir.path(),
            "r.toml",
            format!(
                "[[rule]]\nid = \"boats\"\nkind = \"quantity\"\ntopic = \"boats\"\nnouns = [\"boat\"]\nmessage = \"m\"\n{extra}\n"
            ),
        );
        let out = concur(dir.path())
            .args(["check", "--no-config", "--rules", "r.toml", "a.md", "b.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{extra}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(want),
            "{extra}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    write(
        dir.path(),
        "r.toml",
        "[[rule]]\nid = \"boats\"\nkind = \"quantity\"\ntopic = \"boats {thing}\"\nnouns = [\"boat\"]\nmessage = \"m\"\n",
    );
    let out = concur(dir.path())
        .args(["check", "--no-config", "--rules", "r.toml", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown placeholder `{thing}`"));
}

#[test]
fn config_errors_name_the_file_line_and_allowed_values() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", KILLED_38);
    write(dir.path(), "b.md", KILLED_41);
    write(
        dir.path(),
        "concur.toml",
        "[severity]\npeople-killed = \"fatal\"\n",
    );
    let out = concur(dir.path())
        .args(["check", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("concur.toml:2:17"), "{err}");
    assert!(err.contains("\"error\", \"warning\" or \"info\""), "{err}");
    assert!(!err.contains("untagged"), "{err}");
}

#[test]
fn batch_ids_come_back_as_given_and_threads_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!(
        "{{\"id\": 123456789012345678901234567890, \"sources\": [{{\"text\": \"{}\"}}, {{\"text\": \"{}\"}}]}}\n",
        KILLED_38.trim(),
        KILLED_41.trim()
    );
    let out = concur(dir.path())
        .args(["batch", "--no-config", "--threads", "100000"])
        .write_stdin(line)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("{\"id\":123456789012345678901234567890,"),
        "{text}"
    );
    concur::set_threads(100_000);
    assert!(concur::threads() <= std::thread::available_parallelism().map_or(1, |n| n.get()));
    concur::set_threads(0);
}

// 10. The config in use is named, and a run that checks nothing says so.
#[test]
fn the_config_in_use_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "concur.toml", "disable = []\n");
    write(dir.path(), "deep/er/a.md", KILLED_38);
    write(dir.path(), "deep/er/b.md", KILLED_41);
    let sub = dir.path().join("deep/er");
    let out = concur(&sub)
        .args(["check", "a.md", "b.md"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("using config") && err.contains("concur.toml"),
        "{err}"
    );
    let out = concur(&sub)
        .args(["check", "--format", "json", "a.md", "b.md"])
        .output()
        .unwrap();
    assert!(
        json(&out)["config"]
            .as_str()
            .unwrap()
            .ends_with("concur.toml")
    );
}

#[test]
fn a_config_that_disables_everything_warns() {
    let dir = tempfile::tempdir().unwrap();
    let all: Vec<String> = {
        let out = concur(dir.path())
            .args(["rules", "list", "--no-config"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| format!("\"{}\"", l.split_whitespace().next().unwrap()))
            .collect()
    };
    write(
        dir.path(),
        "concur.toml",
        format!("disable = [{}]\n", all.join(", ")),
    );
    write(dir.path(), "a.md", KILLED_38);
    write(dir.path(), "b.md", KILLED_41);
    let out = concur(dir.path())
        .args(["check", "a.md", "b.md"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no rules are in force"), "{err}");
}
