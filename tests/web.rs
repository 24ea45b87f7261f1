//! Browser tests: components mounted into a fresh element in headless Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn placeholder_runs_in_a_browser() {
    let window = web_sys::window().expect("a window");
    assert!(window.document().is_some());
}
