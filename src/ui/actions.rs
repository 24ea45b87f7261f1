//! What the reader's actions do: `run` is the one place that dispatches an `Action`
//! (decoded from markup by `markup_dom::read_action`).

use crate::engine::encode;
use crate::present::action::Action;
use crate::present::adr::{markdown, Decision};
use crate::present::tabs::Tab;
use crate::ui::state::Ctx;
use crate::ui::{dom, embed};
use leptos::prelude::*;

/// The outcome of the last copy, shown under the share buttons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CopyState {
    pub message: String,
    /// The text to copy by hand when the clipboard refused it.
    pub manual: Option<String>,
}

pub fn run(ctx: Ctx, action: Action) {
    match action {
        Action::Next {
            question,
            answer: Some(answer),
        } => ctx.answer(&question, &answer),
        Action::Next {
            question,
            answer: None,
        } => {
            if ctx.choose_first.with_untracked(Option::is_none) {
                ctx.choose_first.set(Some(question));
            }
        }
        Action::Back => ctx.back(),
        Action::GoTo { question } => {
            ctx.tab.set(Tab::Decide);
            ctx.go_to(&question);
        }
        Action::Apply { question, answer } => ctx.apply_change(&question, &answer),
        Action::Restart => ctx.restart(),
        Action::Tab(tab) => ctx.tab.set(tab),
        Action::CopyLink => copy(ctx, ctx.copy, share_link(ctx), "Link"),
        Action::CopyMarkdown => copy(
            ctx,
            ctx.copy,
            decision_record(ctx),
            "Decision record (Markdown)",
        ),
        Action::Print => dom::print(),
        Action::Dismiss => {
            ctx.notice.set(None);
            // The button goes away with the notice: focus moves to the step (or the tab).
            ctx.focus_after_move();
        }
        Action::CopySnippet(snippet) => copy(
            ctx,
            ctx.snippet_copy,
            embed::snippet(ctx, snippet),
            "Snippet",
        ),
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
