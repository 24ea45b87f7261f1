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
/// Natively (so in `cargo test`) it is loaded with every check of `engine::load`. The wasm
/// reads it with `engine::load_checked_elsewhere`, which skips the cross-checks: the file
/// is compiled in, the tests have checked that very file, and the widget is smaller and
/// starts sooner without them. A file that is not JSON or not shaped like a dataset still
/// gives a readable error in the widget.
pub fn default_dataset() -> Result<&'static Dataset, &'static LoadError> {
    static DATASET: OnceLock<Result<Dataset, LoadError>> = OnceLock::new();
    DATASET
        .get_or_init(|| {
            #[cfg(target_arch = "wasm32")]
            return engine::validate::load_checked_elsewhere(DEFAULT_DATASET_JSON);
            #[cfg(not(target_arch = "wasm32"))]
            return engine::load(DEFAULT_DATASET_JSON);
        })
        .as_ref()
}
