//! Checks and minifies the default dataset before it is compiled into the widget.
//!
//! The dataset is loaded with the engine's own validator (`engine::load`: JSON syntax,
//! shape, every cross-check and a walk of every path), compiled into this build script
//! from `src/engine`. A dataset with a problem fails the build, whatever command started
//! it (`cargo`, `trunk`, `make`), with every problem and its place. So the wasm can read
//! the embedded file without re-running the cross-checks (`engine::validate::parse`).
//!
//! The file in `src/data` stays readable for authors; the wasm carries no indentation and
//! no `$schema` line (it is for editors).

use std::{env, fs, path::Path, process::ExitCode};

// The engine is plain Rust; the build script uses only `load`.
#[allow(dead_code, unused_imports)]
#[path = "src/engine/mod.rs"]
mod engine;

const DATASET: &str = "src/data/node-vs-python.json";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={DATASET}");
    println!("cargo:rerun-if-changed=src/engine");
    let text = match fs::read_to_string(DATASET) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {DATASET}: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = engine::load(&text) {
        let problems = error.problems();
        eprintln!("{DATASET}: {} problem(s):", problems.len());
        for problem in &problems {
            eprintln!("  {problem}");
        }
        return ExitCode::FAILURE;
    }
    let minified = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(mut value) => {
            // `$schema` is for editors; the widget ignores it, so it need not ship.
            if let Some(fields) = value.as_object_mut() {
                fields.remove("$schema");
            }
            value.to_string()
        }
        Err(error) => {
            eprintln!("{DATASET}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.json");
    if let Err(error) = fs::write(&out, minified) {
        eprintln!("cannot write {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
