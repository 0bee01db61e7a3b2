//! What concur does with every kind of bad or unusual input: one test per row
//! of the table in README.md ("Inputs"). Errors name the file (and position
//! where there is one) and exit with 2; everything else is checked as usual.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const GOOD: &str = "The Harbor Bridge was closed on March 3 after inspectors found cracks.\n";

struct Run {
    code: i32,
    stderr: String,
    json: Option<Value>,
}

/// Write `files` into a fresh directory and run `concur check --format json ARGS` there.
fn run(files: &[(&str, &[u8])], args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    run_in(dir.path(), args)
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("concur")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        json: serde_json::from_slice(&out.stdout).ok(),
    }
}

fn error(r: &Run, text: &str) {
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert!(r.json.is_none(), "nothing is reported on an input error");
    assert!(
        r.stderr.contains(text),
        "expected {text:?} in:\n{}",
        r.stderr
    );
}

/// The claim citing `text` in source 0: (line, column, start).
fn claim_at(r: &Run, text: &str) -> (u64, u64, u64) {
    let json = r
        .json
        .as_ref()
        .unwrap_or_else(|| panic!("no report: {}", r.stderr));
    let c = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .find(|c| c["source"] == 0 && c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?}"));
    (
        c["line"].as_u64().unwrap(),
        c["column"].as_u64().unwrap(),
        c["start"].as_u64().unwrap(),
    )
}

#[test]
fn missing_path() {
    error(
        &run(&[], &["good.md", "missing.md"]),
        "cannot read `missing.md`: no such file",
    );
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    error(
        &run_in(dir.path(), &["good.md", "drafts"]),
        "`drafts` is a directory, not a text file",
    );
}

#[test]
fn a_path_given_twice() {
    error(
        &run(&[], &["good.md", "good.md"]),
        "`good.md` is given twice",
    );
}

#[test]
fn an_empty_file() {
    error(
        &run(&[("empty.md", b"")], &["good.md", "empty.md"]),
        "`empty.md` has no text to check (the file is empty)",
    );
}

#[test]
fn a_file_of_only_white_space() {
    error(
        &run(&[("blank.md", b" \n\t\r\n  \n")], &["good.md", "blank.md"]),
        "`blank.md` has no text to check (only white space)",
    );
}

#[test]
fn only_front_matter() {
    error(
        &run(
            &[("meta.md", b"+++\npublished = 2025-03-14\n+++\n")],
            &["good.md", "meta.md"],
        ),
        "`meta.md` has no text to check (only front matter)",
    );
}

#[test]
fn nul_bytes_are_binary() {
    error(
        &run(&[("bin.md", b"Hello\0world")], &["good.md", "bin.md"]),
        "`bin.md` looks binary (NUL byte at offset 5)",
    );
}

#[test]
fn invalid_utf8_reports_the_byte_offset() {
    error(
        &run(
            &[("latin1.md", b"Caf\xe9 sold 5 pies.")],
            &["good.md", "latin1.md"],
        ),
        "`latin1.md` is not valid UTF-8 (invalid byte at offset 3)",
    );
}

#[test]
fn a_utf8_bom_is_accepted_and_not_a_column() {
    let r = run(
        &[(
            "bom.md",
            "\u{feff}The Harbor Bridge was closed on March 9 after inspectors found cracks.\n"
                .as_bytes(),
        )],
        &["bom.md", "good.md"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (line, col, start) = claim_at(&r, "March 9");
    assert_eq!((line, col), (1, 33));
    assert_eq!(start, 35, "spans count the BOM's three bytes");
}

#[test]
fn crlf_line_endings() {
    let r = run(&[("crlf.md", b"Title\r\n\r\nThe Harbor Bridge was closed on March 9 after inspectors found cracks.\r\n")], &["crlf.md", "good.md"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (line, col, _) = claim_at(&r, "March 9");
    assert_eq!((line, col), (3, 33));
}

#[test]
fn lone_cr_line_endings() {
    let r = run(
        &[(
            "cr.md",
            b"Title\r\rThe Harbor Bridge was closed on March 9 after inspectors found cracks.\r",
        )],
        &["cr.md", "good.md"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (line, col, _) = claim_at(&r, "March 9");
    assert_eq!((line, col), (3, 33));
}

#[test]
fn a_50_mb_source_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let f = std::fs::File::create(dir.path().join("dump.md")).unwrap();
    f.set_len(50_000_000).unwrap();
    let r = run_in(dir.path(), &["good.md", "dump.md"]);
    error(
        &r,
        "`dump.md` is 50.0 MB, more than the 32 MB a source may be",
    );
    assert!(r.stderr.contains("--max-source-mb"));
}

#[test]
fn a_single_line_of_5_mb() {
    let filler = "The ferry carried 40 passengers across the bay and the crew said nothing more, ";
    let mut line = filler.repeat(5_000_000 / filler.len());
    line.push_str("and the Harbor Bridge was closed on March 9 after inspectors found cracks.");
    let r = run(&[("long.md", line.as_bytes())], &["long.md", "good.md"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (l, col, start) = claim_at(&r, "March 9");
    assert_eq!(l, 1);
    assert_eq!(col, start + 1, "ASCII: the column is the offset + 1");
}

#[test]
fn front_matter_that_never_closes() {
    let r = run(
        &[(
            "fm.md",
            b"+++\npublished = 2025-03-14\nThe bridge closed.\n",
        )],
        &["good.md", "fm.md"],
    );
    error(&r, "front matter in `fm.md` never closes");
    assert!(r.stderr.contains("[fm.md:1:1]"), "{}", r.stderr);
}

#[test]
fn an_unknown_front_matter_key_is_ignored() {
    let r = run(&[("meta.md", b"---\nauthor: Ana Ruiz\npublished: 2025-03-14\n---\nThe Harbor Bridge was closed on Friday after inspectors found cracks.\n")], &["meta.md", "good.md"]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.json.as_ref().unwrap()["sources"][0]["published"],
        "2025-03-14"
    );
}

#[test]
fn published_that_is_not_a_date() {
    let r = run(
        &[(
            "meta.md",
            b"---\npublished: soon\n---\nThe bridge closed.\n",
        )],
        &["good.md", "meta.md"],
    );
    error(&r, "`published` is not a date: `soon` (use YYYY-MM-DD)");
    assert!(r.stderr.contains("[meta.md:2:1]"), "{}", r.stderr);
}
