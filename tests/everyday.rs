//! What a linter's user reaches for every day: compact and concise output,
//! suppressions in the sources, rule selection, quiet runs, exit codes,
//! statistics, standard input, NO_COLOR. Every text here is written for
//! these tests.

use assert_cmd::Command;
use std::path::Path;

const A: &str = "The storm killed 41 people, officials said.\n\n\
                 The repair will cost 40 million dollars, the city said.\n";
const B: &str = "The storm killed 38 people, officials said.\n\n\
                 The repair will cost 65 million dollars, the city said.\n";

fn concur(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(dir)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .arg("check")
        .arg("--no-config");
    c
}

fn sources(a: &str, b: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), a).unwrap();
    std::fs::write(dir.path().join("b.md"), b).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = concur(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_human_report_is_one_block_per_finding_within_the_width() {
    let long = format!(
        "{} The storm killed 41 people, officials said. {}\n",
        "Word ".repeat(60),
        "More ".repeat(60)
    );
    let dir = sources(&long, B);
    let (code, out, _) = run(dir.path(), &["a.md", "b.md", "--color", "never"]);
    assert_eq!(code, 1);
    // A header, then a location, the line and a marker per source, then advice.
    assert!(
        out.starts_with("error[people-killed]: the death toll differs"),
        "{out}"
    );
    assert_eq!(out.matches("--> ").count(), 2, "{out}");
    for line in out.lines() {
        assert!(
            line.chars().count() <= 100,
            "wider than 100 columns: {line:?}"
        );
    }
    // The long line is cut around the figure, not dropped.
    assert!(
        out.contains("…") && out.contains("killed 41 people"),
        "{out}"
    );
    // Agreements are listed only on request.
    let dir = sources(A, A);
    let (_, out, _) = run(dir.path(), &["a.md", "b.md"]);
    assert!(!out.contains("agree["), "{out}");
    let (_, out, _) = run(dir.path(), &["a.md", "b.md", "--show", "agree"]);
    assert!(out.contains("agree[people-killed]"), "{out}");
}

#[test]
fn concise_prints_one_line_per_finding() {
    let dir = sources(A, B);
    let (code, out, _) = run(dir.path(), &["a.md", "b.md", "--format", "concise", "-q"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("a.md:1:18: error[people-killed] "),
        "{out}"
    );
    assert!(lines[0].ends_with("[b.md:1:18]"), "{out}");
}

#[test]
fn a_directive_suppresses_the_next_paragraph_and_is_counted() {
    let a = A.replace(
        "The repair",
        "<!-- concur-ignore quantity-figure -->\nThe repair",
    );
    let dir = sources(&a, B);
    let (code, out, _) = run(dir.path(), &["a.md", "b.md", "--format", "concise"]);
    assert_eq!(code, 1, "the death toll still fails");
    assert!(!out.contains("quantity-figure"), "{out}");
    assert!(out.contains("· 1 suppressed"), "{out}");
    let (_, json, _) = run(dir.path(), &["a.md", "b.md", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["suppressed"], 1);
    // A directive for another rule suppresses nothing.
    let a = A.replace(
        "The repair",
        "<!-- concur-ignore people-killed -->\nThe repair",
    );
    let dir = sources(&a, B);
    let (_, out, _) = run(dir.path(), &["a.md", "b.md", "--format", "concise"]);
    assert!(
        out.contains("quantity-figure") && !out.contains("suppressed"),
        "{out}"
    );
}

#[test]
fn off_and_on_suppress_a_region() {
    let a = format!("<!-- concur off -->\n{A}<!-- concur on -->\n");
    let dir = sources(&a, B);
    let (code, out, _) = run(dir.path(), &["a.md", "b.md", "--format", "concise"]);
    assert_eq!(code, 0, "{out}");
    // Both conflicts and the agreement on the deaths claim.
    assert!(out.contains("· 3 suppressed"), "{out}");
}

#[test]
fn select_and_ignore_choose_rules_and_a_typo_is_an_error() {
    let dir = sources(A, B);
    let (_, out, _) = run(
        dir.path(),
        &[
            "a.md", "b.md", "--format", "concise", "--select", "people-*",
        ],
    );
    assert!(
        out.contains("people-killed") && !out.contains("quantity-figure"),
        "{out}"
    );
    let (_, out, _) = run(
        dir.path(),
        &[
            "a.md",
            "b.md",
            "--format",
            "concise",
            "--ignore",
            "people-killed",
        ],
    );
    assert!(
        !out.contains("people-killed") && out.contains("quantity-figure"),
        "{out}"
    );
    let (code, _, err) = run(dir.path(), &["a.md", "b.md", "--select", "people-kiled"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `people-killed`"), "{err}");
}

#[test]
fn exit_zero_quiet_and_statistics() {
    let dir = sources(A, B);
    let (code, out, err) = run(dir.path(), &["a.md", "b.md", "--exit-zero", "-q"]);
    assert_eq!(code, 0);
    assert!(!out.contains("sources ·") && err.is_empty(), "{out}{err}");
    let (code, out, _) = run(dir.path(), &["a.md", "b.md", "--statistics"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("    1  people-killed            conflict"),
        "{out}"
    );
    assert!(!out.contains("-->"), "{out}");
}

#[test]
fn a_dash_reads_a_source_from_standard_input() {
    let dir = sources(A, B);
    let out = concur(dir.path())
        .args(["a.md", "-", "--format", "concise", "-q"])
        .write_stdin(B)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("[-:1:18]"), "{out}");
    // Standard input is one source: given twice, it is refused.
    let out = concur(dir.path())
        .args(["-", "-"])
        .write_stdin(B)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_color_counts_only_when_set_and_not_empty() {
    let dir = sources(A, B);
    // `--color always` is the user's explicit choice, over NO_COLOR.
    let out = concur(dir.path())
        .args(["a.md", "b.md", "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
    // Not a terminal: no colour whatever NO_COLOR says.
    for value in ["", "1"] {
        let out = concur(dir.path())
            .args(["a.md", "b.md"])
            .env("NO_COLOR", value)
            .output()
            .unwrap();
        assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
    }
}

#[test]
fn completions_and_the_manual_page() {
    let out = Command::cargo_bin("concur")
        .unwrap()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(
        script.contains("_concur()") && script.contains("--select"),
        "{script}"
    );
    // The script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("concur.bash");
    std::fs::write(&path, &script).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(syntax.success());
    let out = Command::cargo_bin("concur")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains(".TH concur 1") && page.contains("check"),
        "{page}"
    );
}

/// A project with a concur.toml at its root, press releases in `press/` and
/// an empty `sub/` to run from.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("press")).unwrap();
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::create_dir_all(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("press/a.md"), A).unwrap();
    std::fs::write(dir.path().join("press/b.md"), B).unwrap();
    std::fs::write(dir.path().join("notes/todo.md"), "Call the city.\n").unwrap();
    std::fs::write(
        dir.path().join("concur.toml"),
        "[[group]]\nname = \"storm\"\nsources = [\"press/*.md\"]\n",
    )
    .unwrap();
    dir
}

fn in_project(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("concur").unwrap();
    c.current_dir(dir)
        .env("COLUMNS", "100")
        .env_remove("GITHUB_WORKSPACE")
        .arg("check");
    c
}

#[test]
fn paths_are_relative_to_where_concur_runs_and_to_the_repository_for_github() {
    let dir = project();
    let sub = dir.path().join("sub");
    let out = in_project(&sub)
        .args(["--format", "concise"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("../press/a.md:1:18: error[people-killed]"),
        "{text}"
    );
    assert!(!text.contains(dir.path().to_str().unwrap()), "{text}");
    let out = in_project(&sub)
        .args(["--format", "github"])
        .env("GITHUB_WORKSPACE", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("::error file=press/a.md,line=1"), "{text}");
}

#[test]
fn groups_of_checks_only_the_groups_holding_the_changed_files() {
    let dir = project();
    let out = in_project(dir.path())
        .args(["--groups-of", "press/b.md", "--format", "concise", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("people-killed")
    );
    // A changed file in no group: nothing to check.
    let out = in_project(dir.path())
        .args(["--groups-of", "notes/todo.md", "--format", "concise", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn the_review_page_links_findings_numbers_lines_and_styles_the_diff() {
    let dir = sources(
        "The march was organised by Friends of Liberty.\n\nThe storm killed 41 people.\n",
        "The march was organised by Friends of the Liberty.\n\nThe storm killed 38 people.\n",
    );
    let (_, page, _) = run(dir.path(), &["a.md", "b.md", "--format", "html"]);
    // Each finding has an anchor and a link to it.
    let ids: Vec<&str> = page
        .match_indices("<li class=\"item\" id=\"")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert!(ids.len() >= 2, "{page}");
    for id in &ids {
        assert!(id.starts_with("finding-0-"), "{id}");
        assert!(page.contains(&format!("href=\"#{id}\"")), "{id}");
    }
    // Paragraphs open with their line numbers: 1 and 3 in each source.
    assert!(page.contains("<p><span class=\"ln\" aria-hidden=\"true\">3</span>"));
    // The word diff is markup, not {+ +} text.
    assert!(page.contains("Friends of <ins>the</ins> Liberty"), "{page}");
    assert!(!page.contains("{+the+}"));
}

#[test]
fn topics_and_messages_read_as_an_editor_would_write_them() {
    let dir = sources(
        "The committee voted 7-2 in favour of the plan.\n\nThe march was organised by Friends of Liberty.\n",
        "The committee voted 6-3 in favour of the plan.\n\nThe march was organised by Friends of the Liberty.\n",
    );
    let (_, out, _) = run(dir.path(), &["a.md", "b.md", "--format", "concise", "-q"]);
    // A tally is a score, named by a word as written (never a stem such as "vot").
    assert!(out.contains("“7-2” vs “6-3”"), "{out}");
    let (_, json, _) = run(dir.path(), &["a.md", "b.md", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let topics: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["topic"].as_str().unwrap())
        .collect();
    assert!(
        topics.iter().any(|t| t.starts_with("score (")),
        "{topics:?}"
    );
    assert!(!topics.iter().any(|t| t.contains("vot)")), "{topics:?}");
    // A variant quotes both spellings, without "written differently".
    assert!(
        out.contains(
            "a name is spelled differently: “Friends of Liberty” / “Friends of the Liberty”"
        ),
        "{out}"
    );
}

#[test]
fn the_action_and_the_hook_are_what_the_readme_uses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let action = std::fs::read_to_string(root.join("action.yml")).unwrap();
    assert!(
        action.contains("using: composite") && action.contains("cargo install --locked --path")
    );
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains("uses: concur-dev/concur@"),
        "the README's workflow uses the action"
    );
    let hook = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    assert!(
        hook.contains("entry: concur check --groups-of") && hook.contains("pass_filenames: true")
    );
    assert!(root.join("LICENSE").exists() && root.join("CHANGELOG.md").exists());
}
