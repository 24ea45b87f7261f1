//! Short texts the view shows, derived from the dataset and engine results.

use crate::engine::{Dataset, Progress, Step, Suggestion};
use crate::present::outcome::Outcome;

/// "Question 3 of 8–12", or "Question 3 of 9" when every remaining path has one length.
pub fn progress(progress: &Progress) -> String {
    let Progress {
        position,
        min_total,
        max_total,
    } = *progress;
    match min_total == max_total {
        true => format!("Question {position} of {max_total}"),
        false => format!("Question {position} of {min_total}–{max_total}"),
    }
}

/// The label of a side, or its id when the dataset has no such side.
pub fn side_label(ds: &Dataset, side_id: &str) -> String {
    ds.side(side_id)
        .map_or(side_id, |side| side.label.as_str())
        .to_owned()
}

/// The prompt of a question, or its id.
pub fn question_prompt(ds: &Dataset, question_id: &str) -> String {
    ds.question(question_id)
        .map_or(question_id, |question| question.prompt.as_str())
        .to_owned()
}

/// The label of an answer, or its id.
pub fn answer_label(ds: &Dataset, question_id: &str, answer_id: &str) -> String {
    ds.question(question_id)
        .and_then(|question| question.answer(answer_id))
        .map_or(answer_id, |answer| answer.label.as_str())
        .to_owned()
}

/// The title of a criterion, or its id.
pub fn criterion_title(ds: &Dataset, criterion_id: &str) -> String {
    ds.criterion(criterion_id)
        .map_or(criterion_id, |criterion| criterion.title.as_str())
        .to_owned()
}

/// Why a framework is suggested, without the engine's leading "Name: " (the view shows the
/// name itself).
pub fn framework_reason(ds: &Dataset, suggestion: &Suggestion) -> String {
    let name = framework_name(ds, &suggestion.framework_id);
    let reason = suggestion.reason.as_str();
    reason
        .strip_prefix(&format!("{name}: "))
        .unwrap_or(reason)
        .to_owned()
}

/// The name of a framework, or its id.
pub fn framework_name(ds: &Dataset, framework_id: &str) -> String {
    ds.framework(framework_id)
        .map_or(framework_id, |framework| framework.name.as_str())
        .to_owned()
}

/// What the live region says for a step: the question with its progress, or the
/// recommendation with its verdict.
pub fn announcement(ds: &Dataset, step: &Step, outcome: Option<&Outcome>) -> String {
    match (step, outcome) {
        (
            Step::Question {
                question_id,
                progress,
                ..
            },
            _,
        ) => {
            format!(
                "{}: {}",
                self::progress(progress),
                question_prompt(ds, question_id)
            )
        }
        (Step::Result, Some(outcome)) => format!(
            "Recommendation: {}. {}",
            side_label(ds, &outcome.scorecard.winner),
            crate::present::verdict::verdict_line(ds, &outcome.scorecard)
        ),
        (Step::Result, None) => String::new(),
    }
}
