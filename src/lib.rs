//! backend-chooser: a decision widget that helps a reader choose a backend.
//!
//! `engine` holds the data model and all decision logic in plain Rust; `present` turns
//! engine results into what the view shows (text, geometry, Markdown), also in plain Rust;
//! `ui` (wasm32 only) wires Leptos signals to both and renders.

pub mod engine;
pub mod present;

#[cfg(target_arch = "wasm32")]
pub mod ui;

use engine::{Dataset, LoadError};
use std::sync::OnceLock;

/// The default comparison dataset, embedded in the binary.
pub const DEFAULT_DATASET_JSON: &str = include_str!("data/node-vs-python.json");

/// The default dataset, parsed and validated once per page however many widgets use it.
pub fn default_dataset() -> Result<&'static Dataset, &'static LoadError> {
    static DATASET: OnceLock<Result<Dataset, LoadError>> = OnceLock::new();
    DATASET
        .get_or_init(|| engine::load(DEFAULT_DATASET_JSON))
        .as_ref()
}
