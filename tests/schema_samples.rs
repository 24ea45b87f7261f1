//! The JSON Schema (`schema/dataset.schema.json`) kept equal to the engine's reader and
//! validator: `cargo test --test schema_samples`.
//!
//! `tests/e2e/schema.test.mjs` checks with ajv that the valid datasets pass the schema and
//! that it refuses the invalid samples in `tests/fixtures/invalid/`; this file checks that the
//! engine refuses every one of them too (the single-problem ones with exactly that problem),
//! and that the schema's fields, required fields and limits are the reader's and the
//! validator's: a field the reader learns, or a limit that changes, fails here until the
//! schema says the same.
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::collections::BTreeSet;

use backend_chooser::engine::validate::{
    MAX_ANSWERS_PER_QUESTION, MAX_CRITERIA, MAX_ID_CHARS, MAX_QUESTIONS, MAX_TEXT_CHARS, WEIGHTS,
};
use backend_chooser::engine::{load, LoadError, Problem};
use serde_json::{json, Value};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn schema() -> Value {
    serde_json::from_str(&read("schema/dataset.schema.json")).expect("the schema is JSON")
}

fn problems(text: &str) -> Vec<Problem> {
    match load(text) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems(),
    }
}

/// The samples with one problem each, and where the engine finds it.
const ONE_PROBLEM: &[(&str, &str, &str)] = &[
    (
        "answer-id-too-long",
        "questions[0].answers[0].id",
        "the limit is 32",
    ),
    (
        "answer-id-uppercase",
        "questions[0].answers[0].id",
        "may use only a-z, 0-9",
    ),
    (
        "blank-label",
        "questions[0].answers[0].label",
        "must not be empty",
    ),
    (
        "effects-not-a-list",
        "questions[0].answers[0].effects",
        "expected a list",
    ),
    (
        "empty-source-url",
        "criteria[0].sources[0].url",
        "must not be empty",
    ),
    (
        "framework-points-too-low",
        "questions[0].answers[0].frameworks.express",
        "-6 is outside -5..=5",
    ),
    (
        "help-too-long",
        "questions[0].answers[0].help",
        "the limit is 600",
    ),
    ("missing-prompt", "questions[0]", "missing field `prompt`"),
    ("missing-start", "dataset", "missing field `start`"),
    (
        "negative-tie-margin",
        "tie_margin",
        "expected a whole number from 0",
    ),
    ("no-answers", "questions[1].answers", "no answers"),
    ("one-side", "sides", "at least two sides"),
    (
        "points-not-whole",
        "questions[0].answers[0].effects[0].scores.node",
        "expected a whole number",
    ),
    (
        "schema-not-text",
        "$schema",
        "expected a string, found a number",
    ),
    ("start-is-result", "start", "not \"result\""),
    (
        "unknown-field-in-answer",
        "questions[0].answers[0].colour",
        "unknown field `colour`",
    ),
    (
        "version-as-text",
        "version",
        "expected a whole number, found a string",
    ),
];

#[test]
fn the_engine_refuses_every_invalid_sample() {
    let folder = format!("{}/tests/fixtures/invalid", env!("CARGO_MANIFEST_DIR"));
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(&folder).expect("the samples folder") {
        let path = entry.expect("an entry").path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            let name = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("a sample");
            assert!(load(&text).is_err(), "{name} loads");
            names.insert(name);
        }
    }
    assert!(names.len() >= 12 + 7, "{} samples", names.len());
    for &(name, at, message) in ONE_PROBLEM {
        assert!(names.contains(name), "no sample {name}");
        let found = problems(&read(&format!("tests/fixtures/invalid/{name}.json")));
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert_eq!(found[0].at, at, "{name}");
        assert!(
            found[0].message.contains(message),
            "{name}: {}",
            found[0].message
        );
    }
}

#[test]
fn schema_is_optional_text_and_otherwise_ignored() {
    let base: Value = serde_json::from_str(&read("tests/fixtures/tiny.json")).expect("JSON");
    let with = |schema: Value| {
        let mut dataset = base.clone();
        dataset["$schema"] = schema;
        dataset.to_string()
    };
    let plain = load(&base.to_string()).expect("tiny loads");
    assert_eq!(
        load(&with(json!("./dataset.schema.json"))),
        Ok(plain.clone())
    );
    assert_eq!(
        load(&with(json!("https://example.com/any"))),
        Ok(plain.clone())
    );
    // Like every optional field, null counts as absent.
    assert_eq!(load(&with(Value::Null)), Ok(plain));
    for wrong in [
        json!(7),
        json!(true),
        json!(["./dataset.schema.json"]),
        json!({}),
    ] {
        let found = problems(&with(wrong.clone()));
        assert_eq!(found.len(), 1, "{wrong}: {found:?}");
        assert_eq!(found[0].at, "$schema");
        assert!(
            found[0].message.starts_with("expected a string"),
            "{found:?}"
        );
    }
}

/// Each kind of object: where the schema describes it, and a place in the second dataset
/// (which has one of each) where an instance sits, as a JSON pointer.
const OBJECTS: &[(&str, &str)] = &[
    ("", ""),
    ("/definitions/side", "/sides/2"),
    ("/definitions/part", "/sides/2/parts/0"),
    ("/definitions/criterion", "/criteria/0"),
    ("/definitions/source", "/criteria/0/sources/0"),
    ("/definitions/framework", "/frameworks/0"),
    ("/definitions/question", "/questions/0"),
    ("/definitions/answer", "/questions/0/answers/0"),
    ("/definitions/effect", "/questions/0/answers/0/effects/0"),
];

fn names(list: &Value) -> BTreeSet<String> {
    match list {
        Value::Object(fields) => fields.keys().cloned().collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().expect("a name").to_string())
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// The fields the reader knows for the object at `pointer`, from its message for an
/// unknown field: "unknown field `zz`, expected one of `a`, `b`".
fn reader_fields(dataset: &Value, pointer: &str) -> BTreeSet<String> {
    let mut changed = dataset.clone();
    changed
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .expect("an object")
        .insert("zz".to_string(), json!(1));
    let found = problems(&changed.to_string());
    let message = found
        .iter()
        .find_map(|problem| {
            problem
                .message
                .strip_prefix("unknown field `zz`, expected one of ")
        })
        .unwrap_or_else(|| panic!("{pointer}: {found:?}"));
    message
        .split(", ")
        .map(|name| name.trim_matches('`').to_string())
        .collect()
}

/// The fields the reader requires of the object at `pointer`: those whose removal it
/// reports as missing. (A field the instance lacks is optional: the dataset loads without it.)
fn reader_required(dataset: &Value, pointer: &str) -> BTreeSet<String> {
    let object = dataset
        .pointer(pointer)
        .and_then(Value::as_object)
        .expect("an object");
    object
        .keys()
        .filter(|name| {
            let mut changed = dataset.clone();
            changed
                .pointer_mut(pointer)
                .and_then(Value::as_object_mut)
                .expect("an object")
                .remove(name.as_str());
            let missing = format!("missing field `{name}`");
            problems(&changed.to_string())
                .iter()
                .any(|problem| problem.message == missing)
        })
        .cloned()
        .collect()
}

#[test]
fn the_schema_has_the_readers_fields_and_required_fields_and_refuses_others() {
    let schema = schema();
    let dataset: Value =
        serde_json::from_str(&read("src/data/sqlite-or-postgresql.json")).expect("JSON");
    assert!(load(&dataset.to_string()).is_ok());
    for &(at, pointer) in OBJECTS {
        let described = schema.pointer(at).expect("described in the schema");
        let kind = if at.is_empty() { "dataset" } else { at };
        assert_eq!(
            names(&described["properties"]),
            reader_fields(&dataset, pointer),
            "{kind}: the fields"
        );
        assert_eq!(
            names(&described["required"]),
            reader_required(&dataset, pointer),
            "{kind}: the required fields"
        );
        assert_eq!(
            described["additionalProperties"],
            json!(false),
            "{kind}: the reader refuses unknown fields"
        );
    }
}

#[test]
fn the_schemas_limits_are_the_validators() {
    let schema = schema();
    let definitions = &schema["definitions"];
    assert_eq!(
        definitions["id"]["pattern"],
        json!(format!("^[a-z0-9-]{{1,{MAX_ID_CHARS}}}$"))
    );
    assert_eq!(definitions["text"]["maxLength"], json!(MAX_TEXT_CHARS));
    assert_eq!(definitions["weight"]["minimum"], json!(WEIGHTS.start()));
    assert_eq!(definitions["weight"]["maximum"], json!(WEIGHTS.end()));
    let properties = &schema["properties"];
    assert_eq!(properties["questions"]["maxItems"], json!(MAX_QUESTIONS));
    assert_eq!(properties["criteria"]["maxItems"], json!(MAX_CRITERIA));
    assert_eq!(properties["sides"]["minItems"], json!(2));
    assert_eq!(
        definitions["question"]["properties"]["answers"]["maxItems"],
        json!(MAX_ANSWERS_PER_QUESTION)
    );
    assert_eq!(properties["version"]["maximum"], json!(u32::MAX));
    // The schema says what it cannot check.
    let description = schema["description"].as_str().expect("a description");
    assert!(description.contains("cannot check cross-references"));
    // Each limit, one past it, is refused by the validator (so the constants above are in force).
    let base: Value = serde_json::from_str(&read("tests/fixtures/tiny.json")).expect("JSON");
    let mut long = base.clone();
    long["intro"] = json!("é".repeat(MAX_TEXT_CHARS + 1));
    assert!(matches!(
        load(&long.to_string()),
        Err(LoadError::Invalid { .. })
    ));
    let mut at_limit = base;
    at_limit["intro"] = json!("é".repeat(MAX_TEXT_CHARS));
    assert!(
        load(&at_limit.to_string()).is_ok(),
        "the limit counts characters"
    );
}
