//! The dataset checker as its own small wasm (`dist/checker_bg.wasm` + `dist/checker.js`,
//! built by `scripts/build-checker.sh`). A page that loads a dataset from outside runs
//! `check` on the fetched text first and hands the widget's wasm only a text it accepts; the
//! widget reads it with `validate::parse`, the same parser, and never carries the
//! cross-checks (5 KB of brotli wasm). The playground uses `report` as well.
//!
//! Both functions are the engine's own (`engine::load`, `engine::report::check_text`), the
//! ones `check-dataset` uses: one implementation. Natively they are plain functions,
//! tested below.

// The engine is compiled into this crate as it is into build.rs; only part of it is used.
#[allow(dead_code, unused_imports)]
#[path = "../../src/engine/mod.rs"]
mod engine;

/// The widget's allocator (`src/heap.rs`): smaller than dlmalloc.
#[cfg(target_arch = "wasm32")]
#[path = "../../src/heap.rs"]
mod heap;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: heap::Heap<fn(usize) -> Option<usize>> = heap::Heap::new(heap::grow_memory);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

use engine::json::quote;
use engine::validate::Located;

/// Every problem with `text` as a dataset, as JSON:
/// `{"problems":[{"line":L,"column":C,"path":"…","message":"…"}]}`, in the validator's
/// order. An empty list: `engine::load` accepts the dataset, so the widget may read it.
/// A syntax error's path is `syntax`; a text over the size limit's is `input` (at 1:1).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn check(text: &str) -> String {
    let problems = match engine::load(text) {
        Ok(_) => Vec::new(),
        Err(error) => error.locate(text),
    };
    problems_json(&problems)
}

/// What `check-dataset` prints for `text`: every problem as `LINE:COLUMN: PATH: MESSAGE`
/// (without its file name), then the report when the dataset loads, then `no problems`
/// when there is none.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn report(text: &str) -> String {
    let checked = engine::report::check_text("dataset", text);
    let mut out = String::new();
    for problem in &checked.problems {
        out.push_str(&problem.to_string());
        out.push('\n');
    }
    if let Some(report) = &checked.report {
        if !checked.problems.is_empty() {
            out.push('\n');
        }
        out.push_str(report);
    }
    if checked.problems.is_empty() {
        out.push_str("\nno problems\n");
    }
    out
}

fn problems_json(problems: &[Located]) -> String {
    let mut json = String::from("{\"problems\":[");
    for (index, problem) in problems.iter().enumerate() {
        if index > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            "{{\"line\":{},\"column\":{},\"path\":{},\"message\":{}}}",
            problem.line,
            problem.column,
            quote(&problem.at),
            quote(&problem.message)
        ));
    }
    json.push_str("]}");
    json
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const DEFAULT: &str = include_str!("../../src/data/node-vs-python.json");

    fn checked(text: &str) -> Value {
        serde_json::from_str(&check(text)).expect("check answers with JSON")
    }

    #[test]
    fn the_default_dataset_has_no_problem_and_a_report() {
        assert_eq!(checked(DEFAULT), json!({ "problems": [] }));
        let report = report(DEFAULT);
        assert!(report.starts_with("dataset: 3 sides,"), "{report}");
        assert!(report.ends_with("\nno problems\n"), "{report}");
    }

    #[test]
    fn every_problem_is_listed_with_its_place_and_escaped() {
        // Two problems, one message with quotes and a backslash from the document.
        let text = DEFAULT
            .replacen("\"id\": \"node-vs-python\"", "\"id\": \"a\\\\\\\"b\"", 1)
            .replacen("\"start\": \"what\"", "\"start\": \"nowhere\"", 1);
        assert_ne!(text, DEFAULT);
        let Err(error) = engine::load(&text) else {
            panic!("the edited dataset loads");
        };
        let expected: Vec<Value> = error
            .locate(&text)
            .iter()
            .map(|problem| {
                json!({
                    "line": problem.line,
                    "column": problem.column,
                    "path": problem.at,
                    "message": problem.message,
                })
            })
            .collect();
        assert!(expected.len() >= 2, "{expected:?}");
        assert_eq!(checked(&text), json!({ "problems": expected }));
        assert!(check(&text).contains(r#"\"a\\\"b\""#), "{}", check(&text));
        let report = report(&text);
        assert!(report.contains(": id: \"a\\\"b\" may use only"), "{report}");
        assert!(!report.contains("no problems"), "{report}");
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        assert_eq!(
            checked("{\n  \"id\": 1,\n}"),
            json!({ "problems": [
                { "line": 3, "column": 1, "path": "syntax", "message": "trailing comma" }
            ] })
        );
    }
}
