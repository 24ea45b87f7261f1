//! `engine::json::locate` (the line and column of a problem's place) and the located
//! problems the tools print (`LoadError::locate`, `validate::locate`), against serde_json:
//! the text at a located line and column is the value at the problem's path (or at its
//! nearest ancestor, for a path to something missing), and its line names the key.
//! Also `engine::json::quote`, the JSON strings the checker wasm writes, against serde_json.
//! Run natively: `cargo test --test locate`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use backend_chooser::engine::json::{locate, quote};
use backend_chooser::engine::load;
use backend_chooser::engine::report::report;
use backend_chooser::engine::validate::{self, Located};
use proptest::prelude::*;
use serde_json::Value;

/// One step of a path: the test's own reading of `questions[3].answers[1].next`.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A problem's path as steps (`dataset` is the whole document). Keys here hold no `.`/`[`.
fn steps(path: &str) -> Vec<Step> {
    if path == "dataset" {
        return Vec::new();
    }
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(key, rest)| (key, rest));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        for index in indices.split('[').filter(|index| !index.is_empty()) {
            let index = index.trim_end_matches(']').parse().expect("an index");
            steps.push(Step::Index(index));
        }
    }
    steps
}

fn path_of(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(key) if path.is_empty() => path.push_str(key),
            Step::Key(key) => path.push_str(&format!(".{key}")),
            Step::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The value at the longest prefix of `steps` that `root` holds, and how many steps that is.
fn nearest<'v>(root: &'v Value, steps: &[Step]) -> (&'v Value, usize) {
    let mut value = root;
    for (taken, step) in steps.iter().enumerate() {
        let next = match step {
            Step::Key(key) => value.get(key),
            Step::Index(index) => value.get(index),
        };
        match next {
            Some(next) => value = next,
            None => return (value, taken),
        }
    }
    (value, steps.len())
}

/// The byte offset of a line (from 1) and column (in bytes, from 1).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    line_start + column - 1
}

/// The first JSON value in `text` from `at`, read by serde_json.
fn value_at(text: &str, at: usize) -> Value {
    let rest = text
        .get(at..)
        .expect("a located place on a character boundary");
    serde_json::Deserializer::from_str(rest)
        .into_iter::<Value>()
        .next()
        .expect("a value starts at the located place")
        .expect("a value serde_json reads")
}

/// Checks that a located problem points at the value its path names in `text` (or its
/// nearest ancestor, when the path names a missing key), on a line that names the key.
fn points_at_its_value(text: &str, problem: &Located) -> Result<(), TestCaseError> {
    let root: Value = serde_json::from_str(text).expect("a problem after parsing");
    let steps = steps(&problem.at);
    let written = if problem.at == "dataset" {
        ""
    } else {
        &problem.at
    };
    prop_assert_eq!(path_of(&steps), written);
    let (expected, found) = nearest(&root, &steps);
    if found < steps.len() {
        // Only a field that is missing is located at its object.
        prop_assert_eq!(found + 1, steps.len(), "{}", problem);
        prop_assert!(problem.message.starts_with("missing"), "{}", problem);
    }
    let at = offset(text, problem.line, problem.column);
    prop_assert_eq!(&value_at(text, at), expected, "{}", problem);
    let line = text.lines().nth(problem.line - 1).unwrap_or_default();
    match steps.get(..found).and_then(<[Step]>::last) {
        Some(Step::Key(key)) => prop_assert!(line.contains(&format!("\"{key}\"")), "{}", problem),
        // An item, or the whole document: the line shows where the value starts.
        _ => prop_assert!(line.len() >= problem.column, "{}", problem),
    }
    Ok(())
}

/// Every problem the validator (and, for a dataset that loads, the report) finds in `text`,
/// located.
fn located(text: &str) -> Vec<Located> {
    match load(text) {
        Err(error) => error.locate(text),
        Ok(ds) => validate::locate(text, &report(&ds).problems()),
    }
}

fn fixtures() -> Vec<String> {
    let mut files = vec!["src/data/node-vs-python.json".to_string()];
    for folder in ["tests/fixtures", "tests/fixtures/invalid"] {
        for entry in std::fs::read_dir(folder).expect("the fixtures") {
            let path = entry.expect("a fixture").path();
            if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                files.push(path.display().to_string());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_problem_in_the_fixtures_is_located_at_its_value() {
    let mut checked = 0;
    for file in fixtures() {
        let text = std::fs::read_to_string(&file).expect("readable");
        for problem in located(&text) {
            if problem.at == "syntax" {
                let error = serde_json::from_str::<Value>(&text).expect_err("a syntax error");
                assert_eq!(
                    (problem.line, problem.column),
                    (error.line(), error.column()),
                    "{file}"
                );
                continue;
            }
            points_at_its_value(&text, &problem)
                .unwrap_or_else(|error| panic!("{file}: {problem}: {error}"));
            checked += 1;
        }
    }
    // Every invalid fixture has at least one problem of its own kind.
    assert!(checked >= 30, "only {checked} problems located");
}

#[test]
fn a_text_over_the_limit_is_placed_at_its_start() {
    let text = " ".repeat(validate::MAX_INPUT_BYTES + 1);
    let problems = load(&text).expect_err("too large").locate(&text);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (1, 1));
    assert_eq!(problems[0].at, "input");
    assert!(problems[0].message.contains("the limit is 524288 bytes"));
    assert!(problems[0]
        .to_string()
        .starts_with("1:1: input: the dataset is"));
}

#[test]
fn places_follow_serde_json_s_line_and_column() {
    let text = "{\n  \"a\": [1,\n    {\"b\": \"x\", \"b\": [true]}],\n\t\"c\" : null }";
    assert_eq!(locate(text, ""), Some((1, 1)));
    assert_eq!(locate(text, "a"), Some((2, 8)));
    assert_eq!(locate(text, "a[0]"), Some((2, 9)));
    assert_eq!(locate(text, "a[1]"), Some((3, 5)));
    // A repeated key: the last one, as `json::field` reads it.
    assert_eq!(locate(text, "a[1].b"), Some((3, 21)));
    assert_eq!(locate(text, "a[1].b[0]"), Some((3, 22)));
    assert_eq!(locate(text, "c"), Some((4, 8)));
    // Past what the text holds: the nearest ancestor.
    assert_eq!(locate(text, "a[2]"), Some((2, 8)));
    assert_eq!(locate(text, "a[1].d"), Some((3, 5)));
    assert_eq!(locate(text, "a[1].b[0].e"), Some((3, 22)));
    assert_eq!(locate(text, "d.e"), Some((1, 1)));
    assert_eq!(locate(text, "a.b"), Some((2, 8)));
    assert_eq!(locate(text, "a[x]"), Some((2, 8)));
    assert_eq!(locate(text, "a[1"), Some((2, 8)));
    // Bytes, not characters, from 1.
    assert_eq!(locate("{\"é\": 1}", "é"), Some((1, 8)));
    // No value at all.
    assert_eq!(locate("", "a"), None);
    assert_eq!(locate(" \n ", ""), None);
}

#[test]
fn a_key_may_hold_dots_and_brackets() {
    // Map keys (`criteria[0].says.SIDE`) are any text; the longest key that fits is taken.
    let text = r#"{"says": {"a": 1, "a.b": 2, "c[0]": 3, "a.b.c": {"d": 4}}}"#;
    assert_eq!(locate(text, "says.a"), Some((1, 16)));
    assert_eq!(locate(text, "says.a.b"), Some((1, 26)));
    assert_eq!(locate(text, "says.c[0]"), Some((1, 37)));
    assert_eq!(locate(text, "says.a.b.c.d"), Some((1, 55)));
    assert_eq!(locate(text, "says.a.x"), Some((1, 16)));
}

#[test]
fn a_syntax_error_on_the_way_gives_what_was_found_before_it() {
    let text = "{\"a\": {\"b\": 1, \"c\" 2}, \"d\": 3}";
    assert_eq!(locate(text, "a.b"), Some((1, 13)));
    assert_eq!(locate(text, "a.c"), Some((1, 7)));
    assert_eq!(locate(text, "d"), Some((1, 1)));
    assert_eq!(locate("[1, 2", "[1]"), Some((1, 5)));
    assert_eq!(locate("[1, 2", "[2]"), Some((1, 1)));
    assert_eq!(locate("[1,]", "[1]"), Some((1, 1)));
    assert_eq!(locate("{\"a\": }", "a"), Some((1, 7)));
}

#[test]
fn quote_escapes_quotes_backslashes_and_control_characters() {
    assert_eq!(quote(""), r#""""#);
    assert_eq!(
        quote("a \"b\" \\ /\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}é"),
        "\"a \\\"b\\\" \\\\ /\\n\\r\\t\\b\\f\\u0000\\u001f\u{7f}é\""
    );
}

#[test]
fn nesting_past_the_limit_stops_without_overflowing_the_stack() {
    let depth = 100_000;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let path = "[0]".repeat(depth);
    let (line, column) = locate(&text, &path).expect("a place");
    assert_eq!(line, 1);
    assert!(column < 200, "{column}");
}

/// A JSON value with short plain keys (so a path names one place) and strings of any text.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,3}", inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// Every path in `value`, with the value there.
fn all_paths(value: &Value, steps: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Value)>) {
    out.push((steps.clone(), value.clone()));
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                steps.push(Step::Index(index));
                all_paths(item, steps, out);
                steps.pop();
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                steps.push(Step::Key(key.clone()));
                all_paths(item, steps, out);
                steps.pop();
            }
        }
        _ => {}
    }
}

/// A dataset fixture with one field taken out or one value replaced: new problems.
fn edited_fixture() -> impl Strategy<Value = String> {
    let replacement = prop::sample::select(vec![
        Value::Null,
        Value::from(7),
        Value::from(""),
        Value::from("Not An Id"),
        Value::from("result"),
        Value::from("node"),
        Value::Array(Vec::new()),
        Value::Object(Default::default()),
    ]);
    (
        prop::sample::select(vec![
            "tests/fixtures/tiny.json",
            "tests/fixtures/small.json",
        ]),
        any::<prop::sample::Index>(),
        replacement,
        any::<bool>(),
    )
        .prop_map(|(file, pick, replacement, remove)| {
            let text = std::fs::read_to_string(file).expect("readable");
            let mut root: Value = serde_json::from_str(&text).expect("JSON");
            let mut paths = Vec::new();
            all_paths(&root, &mut Vec::new(), &mut paths);
            let (steps, _) = &paths[pick.index(paths.len())];
            if let Some((last, parent)) = steps.split_last() {
                let parent = parent.iter().fold(&mut root, |value, step| match step {
                    Step::Key(key) => &mut value[key.as_str()],
                    Step::Index(index) => &mut value[*index],
                });
                match (last, remove) {
                    (Step::Key(key), true) => {
                        parent.as_object_mut().expect("an object").remove(key);
                    }
                    (Step::Key(key), false) => parent[key.as_str()] = replacement,
                    (Step::Index(index), _) => parent[*index] = replacement,
                }
            }
            serde_json::to_string_pretty(&root).expect("JSON")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_path_in_a_value_is_located_at_it(value in json_value(), pretty in any::<bool>()) {
        let text = match pretty {
            true => serde_json::to_string_pretty(&value).expect("JSON"),
            false => value.to_string(),
        };
        let mut paths = Vec::new();
        all_paths(&value, &mut Vec::new(), &mut paths);
        for (steps, expected) in paths {
            let path = path_of(&steps);
            let (line, column) = locate(&text, &path).expect("a place");
            prop_assert_eq!(value_at(&text, offset(&text, line, column)), expected, "{}", path);
        }
    }

    #[test]
    fn every_problem_of_an_edited_fixture_is_located_at_its_value(text in edited_fixture()) {
        for problem in located(&text) {
            points_at_its_value(&text, &problem)?;
        }
    }

    #[test]
    fn quote_writes_what_serde_json_writes_and_reads_back(
        text in prop_oneof![any::<String>(), "[\\u{0}-\\u{1f}\"\\\\/\\u{7f}é😀a]{0,12}"],
    ) {
        let quoted = quote(&text);
        prop_assert_eq!(&quoted, &serde_json::to_string(&text).expect("JSON"));
        prop_assert_eq!(serde_json::from_str::<String>(&quoted).expect("a JSON string"), text);
    }

    #[test]
    fn any_text_and_path_give_a_place_in_the_text_or_none(
        text in prop_oneof![
            any::<String>(),
            "[\\[\\]{}\",: a-c0-9\\n\\\\]{0,60}",
        ],
        path in prop_oneof![any::<String>(), "[a-c0-9.\\[\\]]{0,20}"],
    ) {
        if let Some((line, column)) = locate(&text, &path) {
            prop_assert!(line >= 1 && column >= 1);
            prop_assert!(offset(&text, line, column) < text.len());
        }
    }
}
