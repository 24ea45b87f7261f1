//! The standalone page keeps the answers in its URL fragment: a reload keeps them, and
//! the browser's back and forward buttons move between steps. Embedded widgets never
//! call this module: the host's URL is the host's.
//!
//! The fragment holds every answer on the path, also those after the question the reader
//! went back to (Back, Change); which question that is goes in the history entry's state
//! (a question id, or nothing when the reader is at the first unanswered step). Both
//! survive a reload, so a reload shows exactly what was there.

use crate::engine::{encode, Step};
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

/// The question the reader went back to, as the current history entry remembers it.
fn current_revisit() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .and_then(|history| history.state().ok())
        .and_then(|state| state.as_string())
}

/// Moves a session restored from the URL to the question its history entry names (if
/// that question is on the path; otherwise it stays where the answers lead).
fn go_to_revisit(ctx: Ctx) {
    if let Some(question_id) = current_revisit() {
        ctx.session.update(|session| {
            let _ = session.go_to(ctx.ds, &question_id);
        });
    }
}

/// Writes each new state to the URL (a new history entry per step forward; the first
/// write replaces the entry, so loading the page adds none) and follows the browser's
/// back and forward buttons.
pub fn sync_with_url(ctx: Ctx) {
    go_to_revisit(ctx);
    Effect::new(move |depth_before: Option<usize>| {
        let kept = ctx.session.with(|session| session.kept(ctx.ds));
        let fragment = match kept.is_empty() {
            true => String::new(),
            false => encode(ctx.ds, &kept),
        };
        let revisit = ctx.step.with(|step| match step {
            Step::Question {
                question_id,
                selected: Some(_),
                ..
            } => Some(question_id.clone()),
            _ => None,
        });
        let depth = ctx.answered.with(Vec::len);
        if fragment != current_fragment() || revisit != current_revisit() {
            // A step forward adds a history entry; loading the page, going back and changing
            // an earlier answer replace the current one, so no later answers are left in a
            // history entry that the reader did not make.
            let forward = depth_before.is_some_and(|before| depth > before);
            write(&fragment, revisit.as_deref(), !forward);
        }
        depth
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let restored = restore(ctx.ds, &current_fragment());
        ctx.notice.set(restored.notice);
        ctx.session.set(restored.session);
        go_to_revisit(ctx);
        ctx.after_move();
    });
    on_cleanup(move || listener.remove());
}

fn write(fragment: &str, revisit: Option<&str>, replace: bool) {
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
    let state = revisit.map_or(JsValue::NULL, JsValue::from_str);
    let _ = match replace {
        true => history.replace_state_with_url(&state, "", Some(&url)),
        false => history.push_state_with_url(&state, "", Some(&url)),
    };
}
