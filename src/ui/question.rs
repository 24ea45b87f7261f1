//! One question at a time: a fieldset with a legend and native radio inputs.

use crate::engine::model::Question;
use crate::engine::Progress;
use crate::present::text;
use crate::ui::state::Ctx;
use leptos::prelude::*;

#[component]
pub fn QuestionView(
    ctx: Ctx,
    question: &'static Question,
    selected: Option<String>,
    progress: Progress,
) -> impl IntoView {
    let choice = RwSignal::new(selected);
    let missing = RwSignal::new(false);
    let group = ctx.element_id(&format!("q-{}", question.id));
    let help_id = ctx.element_id("question-help");
    let first = progress.position == 1;

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match choice.get_untracked() {
            Some(answer_id) => ctx.answer(&question.id, &answer_id),
            None => missing.set(true),
        }
    };

    let options = question
        .answers
        .iter()
        .map(|answer| {
            let answer_id = answer.id.clone();
            let checked_id = answer.id.clone();
            let help_id = ctx.element_id(&format!("a-{}-{}", question.id, answer.id));
            view! {
                <label class="bc-option">
                    <input
                        type="radio"
                        name=group.clone()
                        value=answer.id.clone()
                        aria-describedby=help_id.clone()
                        prop:checked=move || choice.with(|choice| choice.as_deref() == Some(checked_id.as_str()))
                        on:change=move |_| {
                            choice.set(Some(answer_id.clone()));
                            missing.set(false);
                        }
                    />
                    <span class="bc-option-label">{answer.label.as_str()}</span>
                    <span class="bc-option-help" id=help_id>{answer.help.as_str()}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <form class="bc-step" data-testid="question-form" on:submit=submit novalidate>
            <p class="bc-progress" data-testid="progress">{text::progress(&progress)}</p>
            <fieldset class="bc-question" data-testid="question" data-question=question.id.as_str() aria-describedby=help_id.clone()>
                <legend>
                    <h2 tabindex="-1" data-step-heading="">{question.prompt.as_str()}</h2>
                </legend>
                <p class="bc-help" id=help_id.clone()>{question.help.as_str()}</p>
                <div class="bc-options">{options}</div>
            </fieldset>
            <p class="bc-notice" role="alert" data-testid="choose-first" hidden=move || !missing.get()>
                "Choose one of the answers first."
            </p>
            <div class="bc-actions">
                <button type="button" data-testid="back" disabled=first on:click=move |_| ctx.back()>
                    "Back"
                </button>
                <button type="submit" class="bc-primary" data-testid="next">"Next"</button>
                <button type="button" data-testid="restart" disabled=first on:click=move |_| ctx.restart()>
                    "Start over"
                </button>
            </div>
        </form>
    }
}
