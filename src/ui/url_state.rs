//! The standalone page keeps the answers in its URL fragment: a reload keeps them, and
//! the browser's back and forward buttons move between steps. Embedded widgets never
//! call this module: the host's URL is the host's.

use crate::engine::encode;
use crate::present::restore::restore;
use crate::ui::state::Ctx;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current fragment, without its `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Writes each new set of answers to the URL (a new history entry per step; the first
/// write replaces the entry, so loading the page adds none) and follows the browser's
/// back and forward buttons.
pub fn sync_with_url(ctx: Ctx) {
    Effect::new(move |answered_before: Option<usize>| {
        let (fragment, answered) = ctx.answered.with(|answered| match answered.is_empty() {
            true => (String::new(), 0),
            false => (encode(ctx.ds, answered), answered.len()),
        });
        if fragment != current_fragment() {
            // A step forward adds a history entry; loading the page, going back and changing
            // an earlier answer replace the current one, so no later answers are left in a
            // history entry that the reader did not make.
            let forward = answered_before.is_some_and(|before| answered > before);
            write_fragment(&fragment, !forward);
        }
        answered
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let restored = restore(ctx.ds, &current_fragment());
        ctx.notice.set(restored.notice);
        ctx.session.set(restored.session);
        ctx.moved.update(|count| *count += 1);
    });
    on_cleanup(move || listener.remove());
}

fn write_fragment(fragment: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    // No answers: the plain address, without an empty `#`.
    let url = match fragment.is_empty() {
        true => web_sys::window()
            .and_then(|window| {
                Some(window.location().pathname().ok()? + &window.location().search().ok()?)
            })
            .unwrap_or_default(),
        false => format!("#{fragment}"),
    };
    let _ = match replace {
        true => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        false => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
