//! What the buttons inside static markup do. Each carries `data-action` (and the ids it
//! needs); its markup container reports the click and the widget calls `run`.

use crate::engine::encode;
use crate::present::adr::{markdown, Decision};
use crate::ui::dom;
use crate::ui::state::Ctx;
use leptos::prelude::*;

/// The outcome of the last copy, shown under the share buttons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CopyState {
    pub message: String,
    /// The text to copy by hand when the clipboard refused it.
    pub manual: Option<String>,
}

pub fn run(ctx: Ctx, copy_state: RwSignal<CopyState>, element: &web_sys::Element) {
    let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
    match attribute("data-action").as_str() {
        "apply" => ctx.apply_change(&attribute("data-question"), &attribute("data-answer")),
        "go-to" => ctx.go_to(&attribute("data-question")),
        "back" => ctx.back(),
        "restart" => ctx.restart(),
        "print" => dom::print(),
        "copy-link" => copy(ctx, copy_state, share_link(ctx), "Link"),
        "copy-markdown" => copy(
            ctx,
            copy_state,
            decision_record(ctx),
            "Decision record (Markdown)",
        ),
        _ => {}
    }
}

fn share_link(ctx: Ctx) -> String {
    ctx.share_link(
        &ctx.answered
            .with_untracked(|answered| encode(ctx.ds, answered)),
    )
}

fn decision_record(ctx: Ctx) -> String {
    let link = share_link(ctx);
    ctx.outcome.with_untracked(|outcome| match outcome {
        Some(outcome) => markdown(&Decision {
            ds: ctx.ds,
            answered: &outcome.answered,
            scorecard: &outcome.scorecard,
            suggestions: &outcome.suggestions,
            changes: &outcome.changes,
            link: &link,
        }),
        None => String::new(),
    })
}

pub fn copy(ctx: Ctx, copy_state: RwSignal<CopyState>, text: String, what: &'static str) {
    let kept = text.clone();
    dom::copy_text(&text, move |outcome| {
        let state = match outcome {
            Ok(()) => CopyState {
                message: format!("{what} copied."),
                manual: None,
            },
            Err(reason) => CopyState {
                message: format!("Could not copy ({reason}); select the text below and copy it."),
                manual: Some(kept),
            },
        };
        ctx.status.set(state.message.clone());
        copy_state.set(state);
    });
}
