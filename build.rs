//! Minifies the default dataset before it is compiled into the widget: the file in
//! `src/data` stays readable for authors, the wasm carries no indentation (16 KB less
//! to download and to parse). A file that is not valid JSON is passed on unchanged, so
//! the error the widget and the tests show points at its real line and column.

use std::{env, fs, path::Path};

const DATASET: &str = "src/data/node-vs-python.json";

fn main() {
    println!("cargo:rerun-if-changed={DATASET}");
    let text = match fs::read_to_string(DATASET) {
        Ok(text) => text,
        Err(error) => panic!("cannot read {DATASET}: {error}"),
    };
    let minified = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|value| serde_json::to_string(&value).ok())
        .unwrap_or(text);
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    if let Err(error) = fs::write(&out, minified) {
        panic!("cannot write {}: {error}", out.display());
    }
}
