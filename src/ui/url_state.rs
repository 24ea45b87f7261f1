//! The standalone page keeps the answers in its URL fragment: a reload keeps them, and
//! the browser's back and forward buttons move between steps. Embedded widgets never
//! call this module: the host's URL is the host's.
//!
//! The fragment holds every answer on the path, also those after the question the reader
//! went back to (Back, Change); which question that is, and whether the reader went there
//! to change one answer, goes in the history entry's state (see `Revisit`). Both survive a
//! reload, so a reload shows exactly what was there.

use crate::engine::{encode, Answers, Dataset, Session, Step};
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

/// The question the reader went back to, with an answer kept after it, and how: by
/// Back (`changing` false: on question by question) or to change that one answer
/// (Change, Apply: answering moves on past the answers that still apply). A history
/// entry's state holds it as the question id, or `change:` and the id (ids have no `:`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Revisit {
    question_id: String,
    changing: bool,
}

const CHANGING: &str = "change:";

impl Revisit {
    /// Where the reader is, when that is a question with an answer kept (nothing to
    /// remember at the first unanswered question or at the result); `changing` as the
    /// session says.
    fn of(step: &Step, changing: bool) -> Option<Revisit> {
        match step {
            Step::Question {
                question_id,
                selected: Some(_),
                ..
            } => Some(Revisit {
                question_id: question_id.clone(),
                changing,
            }),
            _ => None,
        }
    }

    fn from_state(state: &str) -> Revisit {
        match state.strip_prefix(CHANGING) {
            Some(question_id) => Revisit {
                question_id: question_id.to_owned(),
                changing: true,
            },
            None => Revisit {
                question_id: state.to_owned(),
                changing: false,
            },
        }
    }

    fn to_state(&self) -> String {
        match self.changing {
            true => format!("{CHANGING}{}", self.question_id),
            false => self.question_id.clone(),
        }
    }

    /// Moves `session` there, if that question is on its path (otherwise it stays where
    /// the answers lead).
    fn apply(&self, ds: &Dataset, session: &mut Session) {
        let _ = match self.changing {
            true => session.change(ds, &self.question_id),
            false => session.go_to(ds, &self.question_id),
        };
    }
}

/// What the current history entry remembers beyond the fragment.
fn current_revisit() -> Option<Revisit> {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .and_then(|history| history.state().ok())
        .and_then(|state| state.as_string())
        .map(|state| Revisit::from_state(&state))
}

/// Moves a session restored from the URL to the question its history entry names.
fn go_to_revisit(ctx: Ctx) {
    if let Some(revisit) = current_revisit() {
        ctx.session.update(|session| revisit.apply(ctx.ds, session));
    }
}

/// Writes each new state to the URL (a new history entry per step forward and per Change
/// or Apply; the first write replaces the entry, so loading the page adds none) and
/// follows the browser's back and forward buttons.
pub fn sync_with_url(ctx: Ctx) {
    go_to_revisit(ctx);
    Effect::new_sync(move |before: Option<(usize, u32)>| {
        let (kept, changing, changes) = ctx.session.with(|session| {
            (
                session.kept(ctx.ds),
                session.is_changing(),
                session.changes_started(),
            )
        });
        let fragment = match kept.is_empty() {
            true => String::new(),
            false => encode(ctx.ds, &kept),
        };
        let revisit = ctx.step.with(|step| Revisit::of(step, changing));
        let depth = ctx.answered.with(Answers::len);
        if fragment != current_fragment() || revisit != current_revisit() {
            // A step forward, Change and Apply add a history entry (so the browser's Back
            // returns to where the reader was); loading the page and going back replace
            // the current one.
            let add = before.is_some_and(|(depth_before, changes_before)| {
                depth > depth_before || changes > changes_before
            });
            let state = revisit.map(|revisit| revisit.to_state());
            // After the frame that shows the step: `pushState` takes several milliseconds.
            crate::ui::dom::after_paint(move || write(&fragment, state.as_deref(), !add));
        }
        (depth, changes)
    });
    // The standalone widget lives as long as its page: the listener is never removed.
    // (Leptos's `window_event_listener` keeps its handler in a `SendWrapper`: see ui/slot.rs.)
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let restored = restore(ctx.ds, &current_fragment());
        ctx.notice.set(restored.notice);
        ctx.session.set(restored.session);
        go_to_revisit(ctx);
        ctx.after_move();
    });
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ =
            window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    }
    listener.forget();
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
