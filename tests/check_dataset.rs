//! The `check-dataset` command: every problem as `FILE:LINE:COLUMN: PATH: MESSAGE` on
//! stderr, the report on stdout when the dataset loads, and its exit codes (0 fine, 1 a
//! problem, 2 an unreadable file or a wrong argument). Run natively:
//! `cargo test --test check_dataset`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use backend_chooser::engine::load;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_check-dataset"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("check-dataset runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn a_sound_dataset_gets_its_report_and_no_problem() {
    let output = run(&["tests/fixtures/small.json"]);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stderr, "");
    assert!(
        stdout.starts_with("tests/fixtures/small.json: 3 sides,"),
        "{stdout}"
    );
    for part in [
        "\npaths: ",
        "\nwinners:\n",
        "\nwinners per answer to the first question",
        "\nanswers no path takes: ",
        "\nanswers whose points never change a result",
    ] {
        assert!(stdout.contains(part), "{part} in {stdout}");
    }
    // Shares to a tenth, rounded: 10 of 18 paths, 3 of 18.
    assert!(
        stdout.contains("  python            10 (55.6%)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("   2 questions:       3 (16.7%)\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("\nno problems\n"), "{stdout}");
}

/// A file saved with a UTF-8 byte order mark reads as the same dataset (a browser's
/// `fetch` drops the mark, so `src` accepts such a file).
#[test]
fn a_byte_order_mark_is_not_part_of_the_json() {
    let plain = std::fs::read("tests/fixtures/small.json").expect("the fixture");
    let marked = std::env::temp_dir().join(format!("bom-{}.json", std::process::id()));
    std::fs::write(&marked, [b"\xEF\xBB\xBF".as_slice(), &plain].concat()).expect("a temp file");
    let output = run(&[marked.to_str().expect("a UTF-8 path")]);
    let _ = std::fs::remove_file(&marked);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.ends_with("\nno problems\n"), "{stdout}");
}

#[test]
fn every_problem_of_every_invalid_fixture_is_printed_with_its_line_and_column() {
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("the fixtures")
        .map(|entry| entry.expect("a fixture").path().display().to_string())
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for file in &files {
        let output = run(&[file]);
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        assert_eq!(output.status.code(), Some(1), "{file}: {stdout}{stderr}");
        // No report for a dataset that does not load.
        assert_eq!(stdout, "", "{file}");
        let source = std::fs::read_to_string(file).expect("readable");
        let problems = load(&source)
            .expect_err("an invalid fixture")
            .locate(&source);
        let mut expected: Vec<String> = problems
            .iter()
            .map(|problem| {
                format!(
                    "{file}:{}:{}: {}: {}",
                    problem.line, problem.column, problem.at, problem.message
                )
            })
            .collect();
        expected.push(format!("{file}: {} problem(s)", problems.len()));
        assert_eq!(stderr.lines().collect::<Vec<_>>(), expected, "{file}");
    }
}

#[test]
fn a_syntax_error_is_printed_at_serde_json_s_line_and_column() {
    let file = "tests/fixtures/invalid/json-syntax.json";
    let source = std::fs::read_to_string(file).expect("readable");
    let error = serde_json::from_str::<serde_json::Value>(&source).expect_err("a syntax error");
    let stderr = text(&run(&[file]).stderr);
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{file}:{}:{}: syntax: trailing comma",
            error.line(),
            error.column()
        )
    );
}

#[test]
fn a_report_problem_is_printed_with_its_place_and_the_report() {
    // A copy of a sound fixture with a side that no answer ever scores: it loads, and the
    // report finds that no path recommends it.
    let source = std::fs::read_to_string("tests/fixtures/tiny.json").expect("readable");
    let ds = load(&source).expect("the tiny fixture loads");
    assert!(backend_chooser::engine::report::report(&ds)
        .problems()
        .is_empty());
    let edited = source.replacen(
        "\"sides\": [",
        "\"sides\": [\n    { \"id\": \"go\", \"label\": \"Go\", \"summary\": \"Go on the server.\" },",
        1,
    );
    let file = std::env::temp_dir().join(format!("check-dataset-{}.json", std::process::id()));
    std::fs::write(&file, &edited).expect("a temporary file");
    let path = file.display().to_string();
    let output = run(&[&path]);
    std::fs::remove_file(&file).ok();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("\nwinners:\n"), "{stdout}");
    assert!(!stdout.contains("no problems"), "{stdout}");
    assert_eq!(
        stderr.lines().next().unwrap_or_default(),
        format!("{path}:7:5: sides[0]: no path recommends side \"go\"")
    );
}

#[test]
fn an_unreadable_file_or_a_wrong_argument_exits_with_2() {
    let output = run(&["tests/fixtures/no-such-file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("tests/fixtures/no-such-file.json: cannot read it:"));
    assert_eq!(run(&["--help"]).status.code(), Some(2));
    assert_eq!(run(&["a.json", "b.json"]).status.code(), Some(2));
}
