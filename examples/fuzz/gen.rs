//! The fuzzer's generator and harness, shared by `examples/fuzz.rs` (a million inputs per
//! target, `cargo run --profile fuzz --example fuzz`) and `tests/fuzz.rs` (a CI-sized run):
//! one copy, included by both with `#[path]`.
//!
//! Two targets, each fed inputs made from a seeded xorshift generator:
//! - `dataset`: `engine::load` on mutations of valid documents (the default dataset, the
//!   fixtures, small generated datasets): structure-aware edits of the parsed tree, then
//!   sometimes byte-level edits of its text. Every dataset `load` accepts is then run
//!   through the engine and the presentation layer (sessions, scoring, frameworks, what-if,
//!   the report, the share link's round trip, the views), with assertions on what must hold.
//! - `fragment`: `share::decode_lenient`, `decode` and `present::restore` on mutations of
//!   fragments encoded from real paths, and on random strings; a restored session is run
//!   to its result.
//!
//! Input `i` of a run comes from its own generator, seeded from the run's seed, the target
//! and `i`, so any input can be made again alone (`--index`).
// Never in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods, dead_code)]

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use backend_chooser::engine::json::{self, Json, Number};
use backend_chooser::engine::report::report;
use backend_chooser::engine::validate::{self, MAX_INPUT_BYTES};
use backend_chooser::engine::{
    all_paths, count_paths, decode, decode_lenient, encode, load, new_questions, path_lengths,
    Answers, Dataset, LoadError, Session, ShareError, Step,
};
use backend_chooser::present::{
    adr, compare, first_screen, map_view, outcome, path_view, question_view, restore, result_view,
    text, tree_layout,
};

// ---------------------------------------------------------------------------------------
// The generator.

/// xorshift64* (Vigna): small, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 once, so nearby seeds give unrelated streams and the state is never 0.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

/// The valid documents and fragments the mutations start from.
pub struct Corpus {
    /// Valid datasets, parsed: the default one, the fixtures (generated ones are made per input).
    pub docs: Vec<Json>,
    /// Texts to splice in: the valid documents and the invalid fixtures.
    pub texts: Vec<String>,
    /// Datasets a fragment is decoded against, each with fragments of its real paths
    /// (complete and partial). The default dataset first.
    pub links: Vec<(Dataset, Vec<String>)>,
}

fn read(relative: &str) -> String {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
}

pub fn corpus() -> Corpus {
    let valid = [
        read("src/data/node-vs-python.json"),
        read("tests/fixtures/tiny.json"),
        read("tests/fixtures/small.json"),
    ];
    let mut texts: Vec<String> = valid.to_vec();
    let invalid_dir = format!("{}/tests/fixtures/invalid", env!("CARGO_MANIFEST_DIR"));
    let mut invalid: Vec<_> = std::fs::read_dir(&invalid_dir)
        .unwrap_or_else(|error| panic!("reading {invalid_dir}: {error}"))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    invalid.sort();
    for path in invalid {
        texts.push(std::fs::read_to_string(&path).expect("an invalid fixture"));
    }
    let docs = valid
        .iter()
        .map(|text| json::parse(text).expect("a seed document parses"))
        .collect();
    let links = [&valid[0], &valid[2]]
        .iter()
        .map(|text| {
            let ds = load(text).expect("a seed dataset loads");
            let mut fragments = Vec::new();
            for path in all_paths(&ds).iter().take(3000) {
                let mut prefix = Answers::new();
                fragments.push(encode(&ds, &prefix));
                for (question_id, answer_id) in path.iter() {
                    prefix.push(question_id.clone(), answer_id.clone());
                }
                fragments.push(encode(&ds, &prefix));
                let mut partial = Answers::new();
                for (question_id, answer_id) in path.iter().take(path.len() / 2) {
                    partial.push(question_id.clone(), answer_id.clone());
                }
                fragments.push(encode(&ds, &partial));
            }
            (ds, fragments)
        })
        .collect();
    Corpus { docs, texts, links }
}

const ID_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
/// Characters that stress a reader: quotes, escapes, controls, RTL marks, a BOM, emoji,
/// a combining mark, a character outside the BMP, HTML.
const ODD_TEXTS: &[&str] = &[
    "\"",
    "\\",
    "\u{0}",
    "\u{7}",
    "\n",
    "\t",
    "\u{200F}",
    "\u{FEFF}",
    "é",
    "e\u{301}",
    "🦀",
    "𝔘",
    "<script>alert(1)</script>",
    "&amp;",
    "%40",
    "#",
    " ",
    "\u{2028}",
    "\u{FFFD}",
    "result",
    "neutral",
    "__proto__",
    "constructor",
];
/// Numbers at the edges: of the weights, of `i32`, `u32` and `i64`, and not integers.
const ODD_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "5",
    "-5",
    "6",
    "-6",
    "100",
    "-100",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "1.5",
    "1e3",
    "1E400",
    "-1e-400",
    "0.0",
    "2.0",
];

fn random_id(rng: &mut Rng) -> String {
    let length = match rng.below(8) {
        0 => rng.range(33, 80),
        _ => rng.range(1, 12),
    };
    (0..length).map(|_| *rng.pick(ID_CHARS) as char).collect()
}

fn random_text(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.range(0, 6) {
        match rng.below(4) {
            0 => out.push_str(rng.word(ODD_TEXTS)),
            1 => out.push_str(&random_id(rng)),
            2 => out.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x')),
            _ => out.push_str("Plain words. "),
        }
    }
    out
}

fn long_text(rng: &mut Rng) -> String {
    let length = match rng.below(3) {
        0 => rng.range(590, 610),
        1 => rng.range(1, 5000),
        _ => rng.range(5_000, 20_000),
    };
    let unit = rng.pick(&["a", "é", "🦀", " ", "ab-"]);
    unit.repeat(length)
}

fn number(text: &str) -> Json {
    match text.parse::<i64>() {
        Ok(value) if !text.contains('.') && !text.contains('e') && !text.contains('E') => {
            Json::Number(Number::Integer(value))
        }
        _ => Json::Number(Number::Other(text.to_string())),
    }
}

/// Every string value and key of a document: the ids a mutation swaps in.
fn strings(value: &Json, ids: &mut Vec<String>, keys: &mut Vec<String>) {
    match value {
        Json::String(text) if text.len() <= 40 => ids.push(text.clone()),
        Json::Array(items) => items.iter().for_each(|item| strings(item, ids, keys)),
        Json::Object(fields) => {
            for (key, item) in fields {
                keys.push(key.clone());
                strings(item, ids, keys);
            }
        }
        _ => {}
    }
}

fn count_nodes(value: &Json) -> usize {
    1 + match value {
        Json::Array(items) => items.iter().map(count_nodes).sum(),
        Json::Object(fields) => fields.iter().map(|(_, item)| count_nodes(item)).sum(),
        _ => 0,
    }
}

/// The node at preorder index `*index` (counted down as the walk goes).
fn nth_node<'j>(value: &'j mut Json, index: &mut usize) -> Option<&'j mut Json> {
    if *index == 0 {
        return Some(value);
    }
    *index -= 1;
    match value {
        Json::Array(items) => items.iter_mut().find_map(|item| nth_node(item, index)),
        Json::Object(fields) => fields
            .iter_mut()
            .find_map(|(_, item)| nth_node(item, index)),
        _ => None,
    }
}

/// Every `next` (and `start`) value of a document.
fn nexts<'j>(value: &'j mut Json, found: &mut Vec<&'j mut Json>) {
    match value {
        Json::Array(items) => items.iter_mut().for_each(|item| nexts(item, found)),
        Json::Object(fields) => {
            for (key, item) in fields.iter_mut() {
                if key == "next" || key == "start" {
                    found.push(item);
                } else {
                    nexts(item, found);
                }
            }
        }
        _ => {}
    }
}

/// A random value of any type, small.
fn random_value(rng: &mut Rng, ids: &[String]) -> Json {
    match rng.below(8) {
        0 => Json::Null,
        1 => Json::Bool(rng.one_in(2)),
        2 => number(rng.word(ODD_NUMBERS)),
        3 => Json::String(random_text(rng)),
        4 if !ids.is_empty() => Json::String(rng.pick(ids).clone()),
        5 => Json::Array(Vec::new()),
        6 => Json::Object(Vec::new()),
        _ => Json::String(random_id(rng)),
    }
}

/// One structure-aware edit of `doc`.
fn mutate_tree(rng: &mut Rng, doc: &mut Json) {
    let mut ids = vec!["result".to_string(), "neutral".to_string()];
    let mut keys = Vec::new();
    strings(doc, &mut ids, &mut keys);
    keys.extend(
        [
            "$schema",
            "version",
            "tie_margin",
            "parts",
            "recap",
            "skills",
            "url",
        ]
        .map(String::from),
    );
    if rng.one_in(4) {
        // Point a `next` (or the start) at another question, the result, or anything.
        let mut found = Vec::new();
        nexts(doc, &mut found);
        if !found.is_empty() {
            let index = rng.below(found.len());
            *found[index] = match rng.below(6) {
                0 => Json::String("result".to_string()),
                1 => random_value(rng, &ids),
                _ => Json::String(rng.pick(&ids).clone()),
            };
            return;
        }
    }
    if rng.one_in(12) {
        // Copy one node over another (a question into an answer, a list into a string…).
        let total = count_nodes(doc);
        let copy = nth_node(doc, &mut rng.below(total)).cloned();
        if let (Some(copy), Some(target)) = (copy, nth_node(doc, &mut rng.below(total))) {
            if count_nodes(&copy) < 5000 {
                *target = copy;
            }
        }
        return;
    }
    let total = count_nodes(doc);
    let Some(node) = nth_node(doc, &mut rng.below(total)) else {
        return;
    };
    if rng.one_in(30) {
        // Deep nesting, around the reader's limit (127 levels).
        let depth = rng.range(1, 140);
        let mut value = std::mem::replace(node, Json::Null);
        for _ in 0..depth {
            value = match rng.one_in(2) {
                true => Json::Array(vec![value]),
                false => Json::Object(vec![("x".to_string(), value)]),
            };
        }
        *node = value;
        return;
    }
    if rng.one_in(8) {
        *node = random_value(rng, &ids);
        return;
    }
    match node {
        Json::String(text) => {
            *text = match rng.below(6) {
                0 | 1 => rng.pick(&ids).clone(),
                2 => random_id(rng),
                3 => long_text(rng),
                4 => String::new(),
                _ => random_text(rng),
            };
        }
        Json::Number(_) => *node = number(rng.word(ODD_NUMBERS)),
        Json::Bool(value) => *value = !*value,
        Json::Null => *node = random_value(rng, &ids),
        Json::Array(items) => {
            let length = items.len();
            match rng.below(6) {
                _ if length == 0 => items.push(random_value(rng, &ids)),
                0 => {
                    items.remove(rng.below(length));
                }
                1 => items.clear(),
                2 => items.swap(rng.below(length), rng.below(length)),
                3 => {
                    // Repeat one element, at times past a limit (200 questions, 12 answers,
                    // 64 criteria).
                    let item = items[rng.below(length)].clone();
                    let times = match rng.below(40) {
                        0 => rng.range(190, 210),
                        1..=9 => rng.range(8, 20),
                        _ => rng.range(1, 3),
                    };
                    for _ in 0..times {
                        items.insert(rng.below(items.len() + 1), item.clone());
                    }
                }
                4 => items.reverse(),
                _ => items.push(random_value(rng, &ids)),
            }
        }
        Json::Object(fields) => {
            let length = fields.len();
            match rng.below(6) {
                _ if length == 0 => {
                    let key = rng.pick(&keys).clone();
                    fields.push((key, random_value(rng, &ids)));
                }
                0 | 1 => {
                    fields.remove(rng.below(length));
                }
                2 => {
                    // A repeated key: the last one counts.
                    let field = fields[rng.below(length)].clone();
                    fields.insert(rng.below(length + 1), field);
                }
                3 => {
                    let (first, second) = (rng.below(length), rng.below(length));
                    let value = fields[first].1.clone();
                    fields[first].1 = std::mem::replace(&mut fields[second].1, value);
                }
                4 => {
                    let index = rng.below(length);
                    fields[index].0 = match rng.one_in(3) {
                        true => random_text(rng),
                        false => rng.pick(&keys).clone(),
                    };
                }
                _ => {
                    let key = match rng.one_in(2) {
                        true => rng.pick(&keys).clone(),
                        false => random_id(rng),
                    };
                    fields.insert(rng.below(length + 1), (key, random_value(rng, &ids)));
                }
            }
        }
    }
}

/// A small dataset that is usually valid: sides (at times one combining two others),
/// criteria, frameworks and a chain of questions whose answers may jump ahead.
pub fn generated(rng: &mut Rng) -> Json {
    fn s(text: &str) -> Json {
        Json::String(text.to_string())
    }
    fn int(value: i64) -> Json {
        Json::Number(Number::Integer(value))
    }
    fn obj(fields: Vec<(&str, Json)>) -> Json {
        Json::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key.to_string(), value))
                .collect(),
        )
    }
    let side_count = rng.range(2, 4);
    let sides: Vec<String> = (0..side_count).map(|index| format!("s{index}")).collect();
    let combined = side_count >= 3 && rng.one_in(3);
    let plain = &sides[..side_count - usize::from(combined)];
    let side_json = sides
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let mut fields = vec![
                ("id", s(id)),
                ("label", s(&format!("Side {index}"))),
                ("summary", s("A side.")),
            ];
            if combined && index == side_count - 1 {
                let parts = plain
                    .iter()
                    .take(2)
                    .map(|part| {
                        obj(vec![
                            ("side", s(part)),
                            ("role", s("A role.")),
                            ("why", s("Why.")),
                        ])
                    })
                    .collect();
                fields.push(("parts", Json::Array(parts)));
            }
            obj(fields)
        })
        .collect();
    let criteria: Vec<String> = (0..rng.range(1, 5))
        .map(|index| format!("c{index}"))
        .collect();
    let criteria_json = criteria
        .iter()
        .map(|id| {
            let favours = match rng.below(side_count + 1) {
                0 => "neutral".to_string(),
                index => sides[index - 1].clone(),
            };
            obj(vec![
                ("id", s(id)),
                ("category", s("Category")),
                ("title", s("A criterion")),
                (
                    "says",
                    obj(sides
                        .iter()
                        .map(|side| (side.as_str(), s("Says.")))
                        .collect()),
                ),
                ("favours", s(&favours)),
                ("when", s("When it matters.")),
                (
                    "sources",
                    Json::Array(vec![obj(vec![
                        ("title", s("Source")),
                        ("url", s("https://example.com/")),
                    ])]),
                ),
            ])
        })
        .collect();
    let frameworks: Vec<(String, String)> = (0..rng.range(0, 4))
        .map(|index| (format!("f{index}"), rng.pick(plain).clone()))
        .collect();
    let frameworks_json = frameworks
        .iter()
        .map(|(id, side)| {
            obj(vec![
                ("id", s(id)),
                ("side", s(side)),
                ("name", s("Framework")),
                ("summary", s("Small.")),
            ])
        })
        .collect();
    let question_count = rng.range(1, 8);
    let questions_json = (0..question_count)
        .map(|index| {
            let next_of = |rng: &mut Rng| match rng.range(index + 1, question_count) {
                last if last == question_count => "result".to_string(),
                later => format!("q{later}"),
            };
            let default_next = match index + 1 == question_count {
                true => "result".to_string(),
                false => format!("q{}", index + 1),
            };
            let answers = (0..rng.range(1, 4))
                .map(|answer| {
                    let mut scores = vec![(rng.pick(&sides).clone(), int(rng.range(1, 5) as i64))];
                    if rng.one_in(2) {
                        scores.push((rng.pick(&sides).clone(), int(rng.range(0, 10) as i64 - 5)));
                    }
                    let mut fields = vec![
                        ("id", s(&format!("a{answer}"))),
                        ("label", s("An answer")),
                        ("help", s("Help.")),
                        (
                            "effects",
                            Json::Array(vec![obj(vec![
                                ("criterion", s(rng.pick(&criteria).as_str())),
                                ("scores", Json::Object(scores)),
                                ("because", s("Because.")),
                            ])]),
                        ),
                    ];
                    if rng.one_in(3) {
                        fields.push(("next", s(&next_of(rng))));
                    }
                    if !frameworks.is_empty() && rng.one_in(2) {
                        let framework = rng.pick(&frameworks).0.clone();
                        let points = int(rng.range(0, 10) as i64 - 5);
                        fields.push(("frameworks", Json::Object(vec![(framework, points)])));
                    }
                    if rng.one_in(3) {
                        fields.push(("skills", Json::Array(vec![s(rng.pick(plain).as_str())])));
                    }
                    if rng.one_in(3) {
                        fields.push(("recap", s("A recap.")));
                    }
                    obj(fields)
                })
                .collect();
            obj(vec![
                ("id", s(&format!("q{index}"))),
                ("prompt", s("A question?")),
                ("help", s("Help.")),
                ("next", s(&default_next)),
                ("answers", Json::Array(answers)),
            ])
        })
        .collect();
    let mut tie_order: Vec<Json> = sides.iter().map(|side| s(side)).collect();
    if rng.one_in(2) {
        tie_order.reverse();
    }
    let mut fields = vec![
        ("id", s("generated")),
        ("version", int(rng.range(0, 3) as i64)),
        ("title", s("Generated comparison")),
        ("intro", s("Made by the fuzzer.")),
        ("sides", Json::Array(side_json)),
        ("tie_order", Json::Array(tie_order)),
        ("criteria", Json::Array(criteria_json)),
        ("frameworks", Json::Array(frameworks_json)),
        ("start", s("q0")),
        ("questions", Json::Array(questions_json)),
    ];
    if rng.one_in(3) {
        fields.push(("tie_margin", int(rng.range(0, 4) as i64)));
    }
    if rng.one_in(3) {
        fields.push(("tie_break", Json::Array(vec![s("q0")])));
    }
    obj(fields)
}

/// JSON text for `value`, pretty or compact, at times with `\u` escapes for non-ASCII.
pub fn write_json(value: &Json, pretty: bool, escape_unicode: bool) -> String {
    fn string(text: &str, escape_unicode: bool, out: &mut String) {
        out.push('"');
        for character in text.chars() {
            match character {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                character if (character as u32) < 0x20 => {
                    out.push_str(&format!("\\u{:04x}", character as u32))
                }
                character if escape_unicode && !character.is_ascii() => {
                    let mut units = [0u16; 2];
                    for unit in character.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
                character => out.push(character),
            }
        }
        out.push('"');
    }
    fn value_to(value: &Json, pretty: bool, escape: bool, depth: usize, out: &mut String) {
        let newline = |out: &mut String, depth: usize| {
            if pretty {
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
            }
        };
        match value {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(Number::Integer(value)) => out.push_str(&value.to_string()),
            Json::Number(Number::Other(text)) => out.push_str(text),
            Json::String(text) => string(text, escape, out),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    value_to(item, pretty, escape, depth + 1, out);
                }
                if !items.is_empty() {
                    newline(out, depth);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (index, (key, item)) in fields.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    string(key, escape, out);
                    out.push_str(if pretty { ": " } else { ":" });
                    value_to(item, pretty, escape, depth + 1, out);
                }
                if !fields.is_empty() {
                    newline(out, depth);
                }
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    value_to(value, pretty, escape_unicode, 0, &mut out);
    out
}

/// Tokens a byte-level edit inserts.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\\udc00",
    b"null",
    b"true",
    b"1e999",
    b"-",
    b"0",
    b".",
    b" ",
    b"\n",
    b"\t",
    b"\r",
    b"\x00",
    b"\x7f",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\xa6\x80",
    b"/*",
    b"NaN",
    b"\xef\xbb\xbf",
];

/// One byte-level edit of `bytes`; `other` is a text to splice with.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    let length = bytes.len();
    let at = rng.below(length + 1);
    match rng.below(8) {
        0 if length > 0 => bytes[at.min(length - 1)] ^= 1 << rng.below(8),
        1 => {
            let token = rng.pick(TOKENS);
            bytes.splice(at..at, token.iter().copied());
        }
        2 => {
            let end = (at + rng.range(1, 64)).min(length);
            bytes.drain(at..end);
        }
        3 => bytes.truncate(at),
        4 => {
            // Splice: the start of this text, the rest of another.
            let from = rng.below(other.len() + 1);
            bytes.truncate(at);
            bytes.extend_from_slice(&other[from..]);
        }
        5 => {
            let end = (at + rng.range(1, 200)).min(length);
            let copy = bytes[at..end].to_vec();
            let to = rng.below(length + 1);
            bytes.splice(to..to, copy);
        }
        6 if length > 0 => bytes[at.min(length - 1)] = rng.below(256) as u8,
        _ => bytes.insert(at, *rng.pick(b"{}[]\",:0123456789-ae\\ ")),
    }
}

/// One input for `engine::load`.
pub fn dataset_input(rng: &mut Rng, corpus: &Corpus) -> String {
    if rng.one_in(500) {
        // Over the size limit: spaces after a valid document, or a very long string.
        let mut text = write_json(rng.pick(&corpus.docs), false, false);
        match rng.one_in(2) {
            true => {
                text.push_str(&" ".repeat(MAX_INPUT_BYTES + 1 - text.len().min(MAX_INPUT_BYTES)))
            }
            false => text = format!("{{\"id\":\"{}\"}}", "x".repeat(MAX_INPUT_BYTES)),
        }
        return text;
    }
    // The default dataset is large (50 KB, 82,080 paths that `load` walks): one input in
    // forty starts from it.
    let mut doc = match rng.below(40) {
        0 => corpus.docs[0].clone(),
        1..=18 => generated(rng),
        _ => rng.pick(&corpus.docs[1..]).clone(),
    };
    let tree_edits = match rng.below(8) {
        0 => 0,
        1..=4 => 1,
        5 | 6 => 2,
        _ => rng.range(3, 8),
    };
    for _ in 0..tree_edits {
        mutate_tree(rng, &mut doc);
    }
    let text = write_json(&doc, rng.one_in(2), rng.one_in(8));
    let byte_edits = match (tree_edits, rng.below(4)) {
        (0, _) => rng.range(1, 4),
        (_, 0) => rng.range(1, 3),
        _ => 0,
    };
    if byte_edits == 0 {
        return text;
    }
    let mut bytes = text.into_bytes();
    let other = rng.pick(&corpus.texts).as_bytes();
    for _ in 0..byte_edits {
        mutate_bytes(rng, &mut bytes, other);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One input for the share-link decoder, for `corpus.links[link]`.
pub fn fragment_input(rng: &mut Rng, corpus: &Corpus, link: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-@:,=.%#&?/+ ";
    let (ds, fragments) = &corpus.links[link];
    if rng.one_in(10) {
        // Random text.
        let length = rng.range(0, 80);
        return (0..length)
            .map(|_| match rng.below(10) {
                0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?'),
                _ => *rng.pick(ALPHABET) as char,
            })
            .collect();
    }
    let mut fragment = rng.pick(fragments).clone();
    for _ in 0..rng.range(1, 4) {
        fragment = mutate_fragment(rng, ds, fragments, fragment);
    }
    fragment
}

fn mutate_fragment(rng: &mut Rng, ds: &Dataset, fragments: &[String], fragment: String) -> String {
    let mut chars: Vec<char> = fragment.chars().collect();
    let length = chars.len();
    let at = rng.below(length + 1);
    let id = |rng: &mut Rng| -> String {
        match rng.below(4) {
            0 => random_id(rng),
            _ => {
                let question = rng.pick(&ds.questions);
                match rng.one_in(2) {
                    true => question.id.clone(),
                    false => rng.pick(&question.answers).id.clone(),
                }
            }
        }
    };
    match rng.below(12) {
        0 if length > 0 => chars[at.min(length - 1)] = *rng.pick(b"abz09-@:,=.%#") as char,
        1 => chars.insert(
            at,
            char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}'),
        ),
        2 => {
            let end = (at + rng.range(1, 8)).min(length);
            chars.drain(at..end);
        }
        3 => chars.truncate(at),
        4 | 5 => {
            // Shuffle, drop, repeat or swap in answers.
            let text: String = chars.into_iter().collect();
            let (head, answers) = text.split_once(':').unwrap_or((&text, ""));
            let mut items: Vec<String> = answers.split(',').map(String::from).collect();
            match rng.below(5) {
                0 if !items.is_empty() => {
                    items.remove(rng.below(items.len()));
                }
                1 if !items.is_empty() => {
                    let item = rng.pick(&items).clone();
                    items.insert(rng.below(items.len() + 1), item);
                }
                2 if !items.is_empty() => {
                    let (first, second) = (rng.below(items.len()), rng.below(items.len()));
                    items.swap(first, second);
                }
                3 => items.push(format!("{}={}", id(rng), id(rng))),
                _ => {
                    // An answer from another real link.
                    let other = rng.pick(fragments);
                    if let Some(item) = other.split([':', ',']).nth(rng.range(1, 4)) {
                        items.push(item.to_string());
                    }
                }
            }
            return format!("{head}:{}", items.join(","));
        }
        6 => {
            // The version or the dataset id.
            let text: String = chars.into_iter().collect();
            let rest = text.split_once(':').map_or("", |(_, rest)| rest);
            let version = rng.pick(&[
                "0",
                "1",
                "2",
                "01",
                "+1",
                "-1",
                "",
                "4294967295",
                "4294967296",
                "99999999999999999999",
                "1.0",
                "١",
            ]);
            let dataset = match rng.one_in(3) {
                true => random_id(rng),
                false => ds.id.clone(),
            };
            return format!("{dataset}@{version}:{rest}");
        }
        7 => {
            // Percent-escape characters, at times badly.
            let text: String = chars.into_iter().collect();
            let mut out = String::new();
            for character in text.chars() {
                match rng.below(6) {
                    0 => out.push_str(&format!("%{:02X}", character as u32 & 0xFF)),
                    1 if rng.one_in(4) => out.push_str(rng.word(&[
                        "%", "%4", "%zz", "%e2%82", "%c0%80", "%ff", "%00", "%25", "%2C",
                    ])),
                    _ => out.push(character),
                }
            }
            return out;
        }
        8 => {
            // Very long: the answers repeated, around the length limit (2048).
            let text: String = chars.into_iter().collect();
            let mut out = text.clone();
            let target = rng.pick(&[2040usize, 2048, 2049, 3000, 50_000]);
            let answers = text.split_once(':').map_or("a=b", |(_, rest)| rest);
            let mut length = out.chars().count();
            while length < *target {
                out.push(',');
                out.push_str(answers);
                length += 1 + answers.chars().count();
            }
            return out;
        }
        9 => {
            let text: String = chars.into_iter().collect();
            let wrap = rng.pick(&["#", " ", "##", "#!", "\u{A0}", "\t", "?x=1#"]);
            return match rng.one_in(2) {
                true => format!("{wrap}{text}"),
                false => format!("{text}{wrap}"),
            };
        }
        10 => {
            let text: String = chars.into_iter().collect();
            return format!("{text},{}={}", id(rng), id(rng));
        }
        _ => chars.insert(at, *rng.pick(b"@:,=.-%#") as char),
    }
    chars.into_iter().collect()
}

// ---------------------------------------------------------------------------------------
// The targets: each runs one input and names what happened to it.

/// `engine::load` on `input`; an accepted dataset is then run through the engine.
pub fn check_dataset(rng: &mut Rng, input: &str) -> &'static str {
    let loaded = load(input);
    // The widget's reader agrees with `load` on everything before the cross-checks.
    let parsed = validate::parse(input);
    match (&loaded, &parsed) {
        (Ok(loaded), Ok(parsed)) => assert_eq!(loaded, parsed, "parse and load read differently"),
        (Err(LoadError::Invalid { .. }), Ok(_)) => {}
        (Err(error), Err(parse_error)) => {
            assert_eq!(error, parse_error, "parse and load refuse differently")
        }
        _ => panic!(
            "parse and load disagree: {:?} / {:?}",
            loaded.is_ok(),
            parsed.is_ok()
        ),
    }
    match loaded {
        Err(error) => {
            // What the widget and the checker print.
            let problems = error.problems();
            assert!(!problems.is_empty(), "a refusal without a problem");
            let _ = error.to_string();
            match error {
                LoadError::TooLarge { .. } => "refused: too large",
                LoadError::Json { .. } => "refused: JSON syntax",
                LoadError::Invalid { .. } => "refused: invalid",
            }
        }
        Ok(ds) => {
            exercise(rng, &ds);
            "accepted"
        }
    }
}

/// What the widget and the checker do with a loaded dataset, with what must hold.
pub fn exercise(rng: &mut Rng, ds: &Dataset) {
    let paths = count_paths(ds);
    assert!(paths >= 1, "a loaded dataset has a path");
    let _ = path_lengths(ds);
    let layout = tree_layout::layout(ds);
    let _ = first_screen::first_screen(ds, "light", true, rng.one_in(2));
    {
        let mut session = Session::new();
        let (mut steps, mut backs) = (0, 0);
        loop {
            match session.current(ds) {
                Step::Result => break,
                Step::Question {
                    question_id,
                    selected,
                    progress,
                } => {
                    steps += 1;
                    assert!(steps <= 2 * ds.questions.len() + 2, "the walk does not end");
                    assert!(
                        progress.position >= 1 && progress.min_total <= progress.max_total,
                        "progress {progress:?}"
                    );
                    let question = ds
                        .question(&question_id)
                        .expect("the current question exists");
                    let _ = text::progress(&progress);
                    let _ = question_view::question_markup(
                        question,
                        selected.as_deref(),
                        &progress,
                        "bc",
                        false,
                    );
                    if backs < 3 && rng.one_in(6) && session.back() {
                        backs += 1;
                        steps -= 1;
                        continue;
                    }
                    let answer = rng.pick(&question.answers);
                    session
                        .answer(ds, &question_id, &answer.id)
                        .expect("answering the current question");
                }
            }
        }
        let answered = session.answered(ds);
        let fragment = encode(ds, &answered);
        assert_eq!(
            decode(ds, &fragment),
            Ok(answered.clone()),
            "the link round trip"
        );
        let restored = restore::restore(ds, &fragment);
        assert_eq!(
            restored.notice, None,
            "a link of our own restores without a notice"
        );
        assert_eq!(
            restored.session.answered(ds),
            answered,
            "the restored answers"
        );
        // Links that do not fit this dataset, decoded against it.
        let mut link = fragment.clone();
        for _ in 0..rng.range(1, 3) {
            link = mutate_fragment(rng, ds, std::slice::from_ref(&fragment), link);
        }
        check_fragment_on(rng, ds, &link);
        let outcome = outcome::outcome_of(ds, &answered).expect("a result has an outcome");
        assert!(
            ds.side(&outcome.scorecard.winner).is_some(),
            "the winner is a side"
        );
        let _ = result_view::result_markup(ds, &outcome, &fragment, rng.one_in(2));
        let _ = path_view::path_markup(ds, &answered, false);
        let _ = map_view::map_markup(ds, &layout, &session.path(ds), true);
        let drove = compare::drove(&outcome.scorecard);
        let _ = compare::compare_markup(ds, "", &drove);
        let _ = adr::markdown(&adr::Decision {
            ds,
            answered: &answered,
            scorecard: &outcome.scorecard,
            suggestions: &outcome.suggestions,
            changes: &outcome.changes,
            link: &fragment,
        });
        for change in outcome.changes.iter().take(3) {
            let asks = new_questions(ds, &answered, &change.question_id, &change.answer_id);
            assert_eq!(asks, Some(change.asks), "what a change asks");
            let _ = text::change_cost(change);
            let mut changed = session.clone();
            changed
                .change_answer(ds, &change.question_id, &change.answer_id)
                .expect("applying a what-if change");
            let _ = changed.current(ds);
        }
        if let Some((question_id, _)) = answered.iter().nth(rng.below(answered.len())) {
            session
                .change(ds, question_id)
                .expect("changing an answer on the path");
            let _ = session.current(ds);
            let _ = session.kept(ds);
        }
    }
    if paths <= 500 {
        let report = report(ds);
        assert_eq!(report.paths, paths, "the report counts the paths");
        let _ = report.problems();
    }
}

/// The share-link decoder on `input`, against `corpus.links[link]`'s dataset.
pub fn check_fragment(rng: &mut Rng, corpus: &Corpus, link: usize, input: &str) -> &'static str {
    check_fragment_on(rng, &corpus.links[link].0, input)
}

/// The share-link decoder on `input`, against `ds`.
pub fn check_fragment_on(rng: &mut Rng, ds: &Dataset, input: &str) -> &'static str {
    let lenient = decode_lenient(ds, input);
    let strict = decode(ds, input);
    let restored = restore::restore(ds, input);
    let kind = match &lenient {
        Err(error) => {
            assert!(
                error.is_fatal(),
                "decode_lenient returned a non-fatal error: {error:?}"
            );
            assert_eq!(
                strict.as_ref().err(),
                Some(error),
                "decode and decode_lenient differ"
            );
            let _ = error.to_string();
            match error {
                ShareError::Empty => "refused: empty",
                ShareError::TooLong { .. } => "refused: too long",
                ShareError::Malformed { .. } => "refused: malformed",
                ShareError::OtherDataset { .. } => "refused: other dataset",
                ShareError::OtherVersion { .. } => "refused: other version",
                _ => "refused: other",
            }
        }
        Ok(decoded) if decoded.problems.is_empty() => {
            assert_eq!(
                strict.as_ref().ok(),
                Some(&decoded.answers),
                "decode and decode_lenient differ"
            );
            "accepted"
        }
        Ok(decoded) => {
            assert!(decoded.problems.iter().all(|problem| !problem.is_fatal()));
            assert_eq!(strict.as_ref().err(), decoded.problems.first());
            decoded
                .problems
                .iter()
                .for_each(|problem| drop(problem.to_string()));
            "partly used"
        }
    };
    // The widget shows the restored session; at times, run it on to its result.
    let mut session = restored.session;
    let _ = session.path(ds);
    let steps = match rng.one_in(4) {
        true => ds.questions.len() + 1,
        false => 1,
    };
    for _ in 0..steps {
        match session.current(ds) {
            Step::Result => {
                let answered = session.answered(ds);
                if let Some(outcome) = outcome::outcome_of(ds, &answered) {
                    let link = encode(ds, &answered);
                    let _ = result_view::result_markup(ds, &outcome, &link, false);
                }
                break;
            }
            Step::Question { question_id, .. } => {
                let question = ds
                    .question(&question_id)
                    .expect("the current question exists");
                let answer = rng.pick(&question.answers);
                session
                    .answer(ds, &question_id, &answer.id)
                    .expect("answering the current question");
            }
        }
    }
    kind
}

// ---------------------------------------------------------------------------------------
// The harness.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Dataset,
    Fragment,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Dataset => "dataset loader",
            Target::Fragment => "share-link decoder",
        }
    }

    fn salt(self) -> u64 {
        match self {
            Target::Dataset => 0x0D47_A5E7,
            Target::Fragment => 0xF4A6_0E17,
        }
    }
}

/// Input `index` of a run and the generator that then drives its checks.
pub fn input(target: Target, corpus: &Corpus, seed: u64, index: u64) -> (String, Rng, usize) {
    let mut rng = Rng::new(
        seed ^ target.salt().wrapping_mul(0x1000_0000_01B3)
            ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15),
    );
    match target {
        Target::Dataset => (dataset_input(&mut rng, corpus), rng, 0),
        Target::Fragment => {
            // Three in four against the default dataset, the rest against `small.json`.
            let link = usize::from(rng.one_in(4));
            (fragment_input(&mut rng, corpus, link), rng, link)
        }
    }
}

/// A panic: which input, the input itself and the message.
pub struct Panic {
    pub index: u64,
    pub input: String,
    pub message: String,
}

pub struct Stats {
    pub target: Target,
    pub inputs: u64,
    /// How many inputs ended each way ("accepted", "refused: …"), in first-seen order.
    pub kinds: Vec<(&'static str, u64)>,
    /// The time spent on the inputs of each kind, in the order of `kinds`.
    pub times: Vec<Duration>,
    pub panics: u64,
    /// The first few panics.
    pub first_panics: Vec<Panic>,
    pub elapsed: Duration,
    /// The slowest input: its time and index.
    pub slowest: (Duration, u64),
    pub input_bytes: u64,
}

impl Stats {
    /// Adds another run's counts (of the same target) to these.
    pub fn merge(&mut self, other: Stats) {
        self.inputs += other.inputs;
        self.input_bytes += other.input_bytes;
        self.panics += other.panics;
        for ((kind, count), time) in other.kinds.into_iter().zip(other.times) {
            match self.kinds.iter().position(|(name, _)| *name == kind) {
                Some(at) => {
                    self.kinds[at].1 += count;
                    self.times[at] += time;
                }
                None => {
                    self.kinds.push((kind, count));
                    self.times.push(time);
                }
            }
        }
        let room = 5usize.saturating_sub(self.first_panics.len());
        self.first_panics
            .extend(other.first_panics.into_iter().take(room));
        self.elapsed = self.elapsed.max(other.elapsed);
        if other.slowest.0 > self.slowest.0 {
            self.slowest = other.slowest;
        }
    }

    pub fn count(&self, kind: &str) -> u64 {
        self.kinds
            .iter()
            .find(|(name, _)| *name == kind)
            .map_or(0, |&(_, count)| count)
    }
}

thread_local! {
    static FUZZING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps panic messages quiet while a thread fuzzes (they are counted and saved instead);
/// elsewhere the previous hook reports them as usual.
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if FUZZING.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string());
            } else {
                previous(info);
            }
        }));
    });
}

/// The target's own check of one input.
pub fn check(
    target: Target,
    rng: &mut Rng,
    corpus: &Corpus,
    link: usize,
    text: &str,
) -> &'static str {
    match target {
        Target::Dataset => check_dataset(rng, text),
        Target::Fragment => check_fragment(rng, corpus, link, text),
    }
}

/// Runs inputs `indices` of `target`; `progress` is called every 100,000 inputs.
pub fn run(
    target: Target,
    corpus: &Corpus,
    seed: u64,
    indices: std::ops::Range<u64>,
    progress: impl FnMut(&Stats),
) -> Stats {
    run_with(target, corpus, seed, indices, check, progress)
}

/// `run` with another check (the tests plant a panic with it).
pub fn run_with(
    target: Target,
    corpus: &Corpus,
    seed: u64,
    indices: std::ops::Range<u64>,
    check: impl Fn(Target, &mut Rng, &Corpus, usize, &str) -> &'static str,
    mut progress: impl FnMut(&Stats),
) -> Stats {
    install_hook();
    let mut stats = Stats {
        target,
        inputs: 0,
        kinds: Vec::new(),
        times: Vec::new(),
        panics: 0,
        first_panics: Vec::new(),
        elapsed: Duration::ZERO,
        slowest: (Duration::ZERO, 0),
        input_bytes: 0,
    };
    let started = Instant::now();
    FUZZING.with(|fuzzing| fuzzing.set(true));
    for index in indices {
        let (text, mut rng, link) = input(target, corpus, seed, index);
        let one = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            check(target, &mut rng, corpus, link, &text)
        }));
        let took = one.elapsed();
        if took > stats.slowest.0 {
            stats.slowest = (took, index);
        }
        stats.inputs += 1;
        stats.input_bytes += text.len() as u64;
        match result {
            Ok(kind) => match stats.kinds.iter().position(|(name, _)| *name == kind) {
                Some(at) => {
                    stats.kinds[at].1 += 1;
                    stats.times[at] += took;
                }
                None => {
                    stats.kinds.push((kind, 1));
                    stats.times.push(took);
                }
            },
            Err(_) => {
                stats.panics += 1;
                if stats.first_panics.len() < 5 {
                    stats.first_panics.push(Panic {
                        index,
                        input: text,
                        message: LAST_PANIC.with(|last| last.borrow().clone()),
                    });
                }
            }
        }
        if stats.inputs.is_multiple_of(100_000) {
            stats.elapsed = started.elapsed();
            progress(&stats);
        }
    }
    FUZZING.with(|fuzzing| fuzzing.set(false));
    stats.elapsed = started.elapsed();
    stats
}
