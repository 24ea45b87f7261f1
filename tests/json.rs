//! The engine's JSON reader (`engine::json`) against serde_json, the reference: the same
//! values from valid text, and the same message, line and column from invalid text.
//! Run natively: `cargo test --test json`.
#![cfg(not(target_arch = "wasm32"))]

use backend_chooser::engine::json::{parse, Json, Number, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

/// What a reader made of a text: the value (as a serde_json `Value`), or the error's
/// message, line and column.
type Verdict = Result<Value, (String, usize, usize)>;

fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(value) => Value::Bool(*value),
        Json::Number(Number::Integer(number)) => Value::from(*number),
        // The reference reads what the reader kept as written.
        Json::Number(Number::Other(written)) => {
            serde_json::from_str(written).expect("a number serde_json reads")
        }
        Json::String(text) => Value::String(text.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(fields) => {
            // Inserted in document order: a repeated key keeps the last value.
            let mut map = serde_json::Map::new();
            for (key, value) in fields {
                map.insert(key.clone(), to_value(value));
            }
            Value::Object(map)
        }
    }
}

fn ours(text: &str) -> Verdict {
    parse(text)
        .map(|json| to_value(&json))
        .map_err(|error| (error.message.to_string(), error.line, error.column))
}

fn reference(text: &str) -> Verdict {
    serde_json::from_str::<Value>(text).map_err(|error| {
        let location = format!(" at line {} column {}", error.line(), error.column());
        let message = error.to_string();
        let message = message
            .strip_suffix(&location)
            .unwrap_or(&message)
            .to_string();
        (message, error.line(), error.column())
    })
}

/// Both readers agree on `text`, except where serde_json refuses a number beyond f64's
/// range, which this reader keeps as written (`Number::Other`): the dataset reports any
/// such number as "expected a whole number" anyway.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let expected = reference(text);
    if matches!(&expected, Err((message, _, _)) if message == "number out of range") {
        return Ok(());
    }
    prop_assert_eq!(ours(text), expected, "text: {:?}", text);
    Ok(())
}

#[test]
fn edge_cases_agree_with_serde_json() {
    let cases = [
        // Values and whitespace.
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "-0.0",
        "12",
        "-12",
        "1.5",
        "1e5",
        "1E+5",
        "2.5e-3",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "18446744073709551616",
        "123456789012345678901234567890",
        "\"\"",
        "[]",
        "{}",
        "[1, [2, [3]], {\"a\": {}}]",
        "\t\r\n [ 1 ,\n2 ]\r\n",
        "{\"a\":1,\"a\":2}",
        "{\"b\": 1, \"a\": [true, null]}",
        // Strings and escapes.
        r#""\" \\ \/ \b \f \n \r \t""#,
        r#""\u0041\u00e9\u20ac""#,
        r#""\ud83d\ude00""#,
        r#""\uD83D\uDE00 and \u0000""#,
        "\"é ü 😀\"",
        r#""\uDE00""#,
        r#""\uD83D""#,
        r#""\uD83Dx""#,
        r#""\uD83D\n""#,
        r#""\uD83D\u0041""#,
        r#""\uD83D\uD83D""#,
        r#""\u12""#,
        r#""\u12G4""#,
        r#""\x""#,
        r#""\"#,
        "\"a\u{1}b\"",
        "\"tab\there\"",
        "\"\n\"",
        "\"abc",
        "\"\u{7f}\"",
        // Numbers.
        "-",
        "-a",
        "01",
        "-01",
        "1.",
        "1.x",
        "1.e5",
        "1e",
        "1e+",
        "1ex",
        ".5",
        "+1",
        "1x",
        "[1.]",
        "[-]",
        "1e400",
        "-1e400",
        // Words.
        "nul",
        "nulx",
        "tru",
        "trUe",
        "f",
        "nullx",
        "true false",
        "NaN",
        "Infinity",
        // Structure.
        "",
        " ",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[,1]",
        "]",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "}",
        "[1]]",
        "{}x",
        "\u{feff}1",
        "\u{a0}1",
        "\u{b}1",
        "\u{c}1",
        // Places on later lines, and after non-ASCII text on the same line.
        "{\n  \"a\": 1,\n}",
        "[\n1,\n2\n,\n]",
        "[\"é\", x]",
        "{\n\"ü\": \"😀\" ,\n  \"x\": tru }",
    ];
    for case in cases {
        if let Err(failure) = agree(case) {
            panic!("{failure}");
        }
    }
}

#[test]
fn a_repeated_key_keeps_the_last_value_and_every_field_in_document_order() {
    let parsed = parse(r#"{"b": 1, "a": 2, "b": 3}"#).expect("JSON");
    let Json::Object(fields) = &parsed else {
        panic!("an object: {parsed:?}");
    };
    let keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["b", "a", "b"]);
    assert_eq!(
        backend_chooser::engine::json::field(fields, "b"),
        Some(&Json::Number(Number::Integer(3)))
    );
    assert_eq!(backend_chooser::engine::json::field(fields, "c"), None);
}

#[test]
fn numbers_keep_whole_numbers_and_nothing_else() {
    for (text, expected) in [
        ("7", Number::Integer(7)),
        ("-7", Number::Integer(-7)),
        ("0", Number::Integer(0)),
        ("-0", Number::Other("-0".to_string())),
        ("1.0", Number::Other("1.0".to_string())),
        ("1e2", Number::Other("1e2".to_string())),
        (
            "9223372036854775808",
            Number::Other("9223372036854775808".to_string()),
        ),
    ] {
        assert_eq!(parse(text), Ok(Json::Number(expected)), "{text}");
    }
}

#[test]
fn nesting_stops_at_serde_json_s_limit_without_overflowing_the_stack() {
    let nested = |depth: usize, open: &str, close: &str| {
        format!("{}0{}", open.repeat(depth), close.repeat(depth))
    };
    let deepest = MAX_DEPTH - 1;
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        assert!(parse(&nested(deepest, open, close)).is_ok(), "{open}");
        for depth in [deepest, MAX_DEPTH, MAX_DEPTH + 1] {
            if let Err(failure) = agree(&nested(depth, open, close)) {
                panic!("{failure}");
            }
        }
    }
    // Hostile input: far deeper than any stack would take by recursion.
    let error = parse(&"[".repeat(1_000_000)).expect_err("too deep");
    assert_eq!(
        (error.message, error.line, error.column),
        ("recursion limit exceeded", 1, MAX_DEPTH)
    );
}

#[test]
fn the_default_dataset_and_every_fixture_read_as_serde_json_reads_them() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/src/data/node-vs-python.json")];
    for folder in ["tests/fixtures", "tests/fixtures/invalid"] {
        for entry in std::fs::read_dir(format!("{root}/{folder}")).expect("fixtures") {
            let path = entry.expect("a fixture").path();
            if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                files.push(path.display().to_string());
            }
        }
    }
    assert!(files.len() > 10, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert_eq!(ours(&text), reference(&text), "{file}");
    }
    let minified = backend_chooser::DEFAULT_DATASET_JSON;
    assert_eq!(ours(minified), reference(minified), "the embedded dataset");
}

/// Any JSON value serde_json can write, with keys that repeat and strings of any text.
fn json_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        "[a-z]{0,4}",
        any::<String>(),
        "[\\u{0}-\\u{1f}\"\\\\/é😀]{0,4}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text.clone(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// `value` written with every string character as a `\u` escape (a surrogate pair past
/// the BMP) and whitespace of every kind between tokens.
fn escaped(value: &Value) -> String {
    match value {
        Value::String(text) => {
            let mut written = String::from("\"");
            for unit in text.encode_utf16() {
                written.push_str(&format!("\\u{unit:04X}"));
            }
            written.push('"');
            written
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(escaped).collect();
            format!("[ \t{}\r\n]", items.join(" ,\n"))
        }
        Value::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(key, value)| {
                    format!(
                        "{}\t:\r\n{}",
                        escaped(&Value::String(key.clone())),
                        escaped(value)
                    )
                })
                .collect();
            format!("{{\n{} }}", fields.join("\t,"))
        }
        other => other.to_string(),
    }
}

/// One edit of a text: insert, replace or delete a character at a place.
#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, char),
    Replace(usize, char),
    Delete(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let character = prop::sample::select(vec![
        '"', '\\', '/', '[', ']', '{', '}', ',', ':', '0', '1', '-', '+', '.', 'e', 'u', 'a', 'n',
        't', 'f', ' ', '\n', '\t', '\u{1}', 'é', '😀',
    ]);
    prop_oneof![
        (any::<usize>(), character.clone()).prop_map(|(at, c)| Edit::Insert(at, c)),
        (any::<usize>(), character).prop_map(|(at, c)| Edit::Replace(at, c)),
        any::<usize>().prop_map(Edit::Delete),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut characters: Vec<char> = text.chars().collect();
    for edit in edits {
        let len = characters.len();
        match *edit {
            Edit::Insert(at, c) => characters.insert(at % (len + 1), c),
            Edit::Replace(at, c) if len > 0 => characters[at % len] = c,
            Edit::Delete(at) if len > 0 => {
                characters.remove(at % len);
            }
            _ => {}
        }
    }
    characters.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn valid_json_reads_as_serde_json_reads_it(value in json_value()) {
        for text in [value.to_string(), serde_json::to_string_pretty(&value).expect("JSON"), escaped(&value)] {
            // Compared with serde_json's reading of the text, not with `value`: without its
            // `float_roundtrip` feature, serde_json may read a float back one bit off.
            let expected = reference(&text);
            prop_assert!(expected.is_ok(), "text: {:?}", text);
            prop_assert_eq!(ours(&text), expected, "text: {:?}", text);
        }
    }

    #[test]
    fn edited_json_gets_serde_json_s_value_or_error(
        value in json_value(),
        pretty in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let text = match pretty {
            true => serde_json::to_string_pretty(&value).expect("JSON"),
            false => escaped(&value),
        };
        agree(&apply(&text, &edits))?;
    }
}
