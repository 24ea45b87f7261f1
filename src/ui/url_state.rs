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
    Effect::new(move |first_done: Option<()>| {
        let fragment = ctx.answered.with(|answered| encode(ctx.ds, answered));
        if fragment != current_fragment() {
            write_fragment(&fragment, first_done.is_none());
        }
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
    let url = format!("#{fragment}");
    let _ = match replace {
        true => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        false => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
