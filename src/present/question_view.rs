//! One question as markup: a form with a fieldset, a legend and native radio inputs, the
//! progress line, and Back / Next / Start over. Submitting the form is `Action::Next`.

use crate::engine::model::Question;
use crate::engine::Progress;
use crate::present::action::Action;
use crate::present::markup::{el, Element, Markup};
use crate::present::text;

/// `ids` prefixes every element id and the radio group's name, unique per widget.
/// `choose_first`: the reader pressed Next without an answer, so the form says to choose
/// one, and Next keeps focus when the form is drawn again.
pub fn question_markup(
    question: &Question,
    selected: Option<&str>,
    progress: &Progress,
    ids: &str,
    choose_first: bool,
) -> Vec<Markup> {
    let help_id = format!("{ids}-question-help");
    let first = progress.position == 1;
    let options = question.answers.iter().map(|answer| {
        let answer_help = format!("{ids}-a-{}-{}", question.id, answer.id);
        let mut radio = el("input")
            .attr("type", "radio")
            .attr("name", format!("{ids}-q-{}", question.id))
            .attr("value", answer.id.as_str())
            .attr("aria-describedby", answer_help.as_str());
        if selected == Some(answer.id.as_str()) {
            radio = radio.attr("checked", "");
        }
        el("label")
            .class("bc-option")
            .attr("part", "answer")
            .child(radio)
            .child(
                el("span")
                    .class("bc-option-label")
                    .text(answer.label.as_str()),
            )
            .child(
                el("span")
                    .class("bc-option-help")
                    .attr("id", answer_help)
                    .text(answer.help.as_str()),
            )
            .into()
    });
    let fieldset = el("fieldset")
        .class("bc-question")
        .attr("data-testid", "question")
        .attr("data-question", question.id.as_str())
        .attr("aria-describedby", help_id.as_str())
        .child(
            el("legend").child(
                el("h2")
                    .attr("tabindex", "-1")
                    .attr("data-step-heading", "")
                    .text(question.prompt.as_str()),
            ),
        )
        .child(
            el("p")
                .class("bc-help")
                .attr("id", help_id)
                .text(question.help.as_str()),
        )
        .child(el("div").class("bc-options").children(options));
    let mut message = el("p")
        .class("bc-notice")
        .attr("role", "alert")
        .attr("data-testid", "choose-first");
    let mut next = el("button")
        .attr("type", "submit")
        .class("bc-primary")
        .attr("part", "button primary")
        .attr("data-testid", "next");
    match choose_first {
        true => next = next.attr("data-autofocus", ""),
        false => message = message.attr("hidden", ""),
    }
    let form = el("form")
        .class("bc-step")
        .attr("data-testid", "question-form")
        .action(Action::Next {
            question: question.id.clone(),
            answer: None,
        })
        .attr("novalidate", "")
        .child(
            el("p")
                .class("bc-progress")
                .attr("data-testid", "progress")
                .text(text::progress(progress)),
        )
        .child(fieldset)
        .child(message.text("Choose one of the answers first."))
        .child(
            el("div")
                .class("bc-actions")
                .child(step_button("Back", Action::Back, first))
                .child(next.text("Next"))
                .child(step_button("Start over", Action::Restart, first)),
        );
    vec![form.into()]
}

fn step_button(label: &str, action: Action, disabled: bool) -> Element {
    let button = el("button")
        .attr("type", "button")
        .attr("part", "button")
        .attr("data-testid", action.name())
        .action(action)
        .text(label);
    match disabled {
        true => button.attr("disabled", ""),
        false => button,
    }
}
