//! backend-chooser: a decision widget that helps a reader choose a backend.
//!
//! `engine` holds the data model and all decision logic in plain Rust; `present` turns
//! engine results into what the view shows (text, geometry, Markdown), also in plain Rust;
//! `ui` (wasm32 only) wires Leptos signals to both and renders.

pub mod engine;
pub mod heap;
pub mod present;

#[cfg(target_arch = "wasm32")]
pub mod ui;

use engine::{Dataset, LoadError};

/// The wasm's allocator (`heap`): a few hundred bytes instead of dlmalloc's 7 KB.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: heap::Heap<fn(usize) -> Option<usize>> = heap::Heap::new(heap::grow_memory);
use std::sync::OnceLock;

/// The default comparison dataset (`src/data/node-vs-python.json`, minified by `build.rs`),
/// embedded in the binary.
pub const DEFAULT_DATASET_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// The default dataset, parsed once per page however many widgets use it.
///
/// `build.rs` has loaded this very file with every check of `engine::load` (a dataset with
/// a problem fails the build), so the wasm reads it with `engine::validate::parse`, which
/// skips the cross-checks: the widget is smaller and starts sooner without them. Natively
/// (so in `cargo test`) it is loaded with every check again.
pub fn default_dataset() -> Result<&'static Dataset, &'static LoadError> {
    static DATASET: OnceLock<Result<Dataset, LoadError>> = OnceLock::new();
    DATASET
        .get_or_init(|| {
            #[cfg(target_arch = "wasm32")]
            return engine::validate::parse(DEFAULT_DATASET_JSON);
            #[cfg(not(target_arch = "wasm32"))]
            return engine::load(DEFAULT_DATASET_JSON);
        })
        .as_ref()
}

/// A dataset from outside the widget (an author's `src`), kept for the page's lifetime
/// (widgets hold `&'static Dataset`s; each mount of an outside dataset keeps one copy).
///
/// In the wasm it is read with `validate::parse` alone, like the default dataset: the text
/// comes from `dataset-loader.js`, which hands over only what the engine's full validator
/// (`engine::load`, run in the separate checker wasm) has accepted, so the widget's wasm
/// does not carry the cross-checks (5.4 KB of brotli). Natively every check runs.
pub fn outside_dataset(text: &str) -> Result<&'static Dataset, &'static LoadError> {
    #[cfg(target_arch = "wasm32")]
    let loaded = engine::validate::parse(text);
    #[cfg(not(target_arch = "wasm32"))]
    let loaded = engine::load(text);
    // Leaked like the dataset (an error is rare and small): one error type for both ways
    // in, so the widget formats errors with one function.
    match loaded {
        Ok(ds) => Ok(Box::leak(Box::new(ds))),
        Err(error) => Err(Box::leak(Box::new(error))),
    }
}
