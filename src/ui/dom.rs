//! The few direct DOM calls the view needs: focus, clipboard, printing, the page URL.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Moves focus to the heading of the step now shown inside `root`.
pub fn focus_step_heading(root: &web_sys::Element) {
    let heading = root
        .query_selector("[data-step-heading]")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

/// Writes `text` to the clipboard; the error says why it could not.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|window| window.navigator().clipboard())
        .ok_or_else(|| "no clipboard here".to_owned())?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".to_owned())
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The page's address without its fragment.
pub fn page_url_without_fragment() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_owned(),
        None => href,
    }
}
