//! Taking over the pre-rendered first question (`present::first_screen`): what the reader
//! did with it before the wasm ran is read, the element is removed, and the widget mounted
//! in its place continues from there (`present::first_screen::continue_from`).

use crate::present::first_screen::{Early, PRERENDERED};
use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Reads and removes the pre-rendered widget inside `parent`, if there is one. When the
/// reader had focus in it, focus moves to the same place in the mounted widget (the next
/// question's heading after Next, else the chosen answer, else the question's heading).
pub fn take_over(parent: &web_sys::Element) -> Early {
    let Some(element) = parent
        .query_selector(&format!("[{PRERENDERED}]"))
        .ok()
        .flatten()
    else {
        return Early::default();
    };
    let find = |selector: &str| element.query_selector(selector).ok().flatten();
    let early = Early {
        answer: find("input[type=radio]:checked").and_then(|radio| radio.get_attribute("value")),
        // Set by the page's small script when the reader pressed Next (index.html).
        next: find("form[data-next]").is_some(),
    };
    let had_focus = element.matches(":focus-within").unwrap_or(false);
    element.remove();
    if had_focus {
        let parent = parent.clone();
        let selector = match (&early.answer, early.next) {
            (Some(answer), false) => format!("input[type=radio][value=\"{answer}\"]"),
            _ => "[data-step-heading]".to_owned(),
        };
        // After the first render, which the mount has only queued.
        request_animation_frame(move || {
            if let Some(target) = parent
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = target.focus();
            }
        });
    }
    early
}
