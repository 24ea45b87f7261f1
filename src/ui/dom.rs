//! The few direct DOM calls the view needs: focus, clipboard, printing, the page URL.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `work` just after the next frame is painted (an animation frame, then a task):
/// for what the reader need not see in that frame (focus, the URL), so that frame shows
/// the new step as soon as it is rendered. (A task rather than a second animation frame:
/// a URL written a whole frame late let a quick browser Back skip a step.)
pub fn after_paint(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(work, std::time::Duration::ZERO)
    });
}

/// Moves focus to the element `selector` finds inside `root` (if any).
pub fn focus(root: &web_sys::Element, selector: &str) {
    let target = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Writes `text` to the clipboard, then calls `done` once, with why it could not.
/// (Promise callbacks rather than a future: the future machinery cost 2 KB of wasm.)
pub fn copy_text(text: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    // `navigator.clipboard` is undefined outside secure contexts (a plain-http page).
    let navigator = web_sys::window().map(|window| window.navigator());
    let available = navigator.as_ref().is_some_and(|navigator| {
        js_sys::Reflect::get(navigator, &JsValue::from_str("clipboard"))
            .is_ok_and(|value| !value.is_undefined())
    });
    let Some(clipboard) = navigator
        .filter(|_| available)
        .map(|navigator| navigator.clipboard())
    else {
        done(Err("this page cannot use the clipboard".to_owned()));
        return;
    };
    let done = Rc::new(RefCell::new(Some(done)));
    let on_error = done.clone();
    let resolve = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if let Some(done) = done.borrow_mut().take() {
            done(Ok(()));
        }
    });
    let reject = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if let Some(done) = on_error.borrow_mut().take() {
            done(Err("the browser did not allow copying".to_owned()));
        }
    });
    let _ = clipboard.write_text(text).then2(&resolve, &reject);
    // The promise settles once; its two small callbacks live as long as the page.
    resolve.forget();
    reject.forget();
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
