//! The answers so far as markup, each with a button that goes back to change it.

use crate::engine::{Answers, Dataset};
use crate::present::action::Action;
use crate::present::markup::{el, Markup};
use crate::present::text;

/// `compact` (an embed's compact mode): the list one tap away, in a `<details>` whose summary
/// says how many answers it holds.
pub fn path_markup(ds: &Dataset, answered: &Answers, compact: bool) -> Vec<Markup> {
    if answered.is_empty() {
        return Vec::new();
    }
    let rows = answered.iter().map(|(question_id, answer_id)| {
        let prompt = text::question_prompt(ds, question_id);
        el("li")
            .attr("data-testid", "path-step")
            .attr("data-question", question_id.as_str())
            .child(el("span").class("bc-path-q").text(prompt.as_str()))
            .child(el("span").class("bc-path-a").text(text::answer_label(
                ds,
                question_id,
                answer_id,
            )))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("bc-link")
                    .action(Action::GoTo {
                        question: question_id.clone(),
                    })
                    .attr("aria-label", format!("Change your answer to: {prompt}"))
                    .text("Change"),
            )
            .into()
    });
    let list = el("ol").attr("data-testid", "path-summary").children(rows);
    match compact {
        true => vec![el("details")
            .child(el("summary").text(format!("Your answers ({})", answered.len())))
            .child(list)
            .into()],
        false => vec![el("h3").text("Your answers").into(), list.into()],
    }
}
