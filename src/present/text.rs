//! Short texts the view shows, derived from the dataset and engine results.

use crate::engine::{Certainty, Change, Dataset, NewQuestions, Progress, Step, Suggestion};
use crate::present::outcome::Outcome;

/// "1 question", "3 questions": a count with its noun, singular for exactly one.
pub fn count(number: usize, singular: &str, plural: &str) -> String {
    let noun = match number {
        1 => singular,
        _ => plural,
    };
    format!("{number} {noun}")
}

/// "9", "9 or 10", "8 to 11": a number, or the range between two.
fn range(fewest: usize, most: usize) -> String {
    match most.saturating_sub(fewest) {
        0 => most.to_string(),
        1 => format!("{fewest} or {most}"),
        _ => format!("{fewest} to {most}"),
    }
}

/// "Question 3 of 9"; when the paths from here differ in length, "Question 3 of 9 or 10"
/// or "Question 1 of 8 to 11".
pub fn progress(progress: &Progress) -> String {
    let Progress {
        position,
        min_total,
        max_total,
    } = *progress;
    format!("Question {position} of {}", range(min_total, max_total))
}

/// What applying a "what would change this" item costs: "asks 1 more question", "asks 2
/// or 3 more questions"; `None` when it shows the new result at once.
pub fn new_questions(asks: NewQuestions) -> Option<String> {
    let NewQuestions { fewest, most } = asks;
    if most == 0 {
        return None;
    }
    let mut text = match fewest {
        0 => "may ask up to ".to_owned() + &most.to_string(),
        _ => "asks ".to_owned() + &range(fewest, most),
    };
    text.push_str(match most {
        1 => " more question",
        _ => " more questions",
    });
    Some(text)
}

/// The words around the side in the heading of a group of changes that give that side:
/// "would" for changes that surely do (`Certainty::Certain`), "could" for those that
/// depend on later answers (`Possible`: each item says "depends on …").
pub fn change_group_words(certainty: Certainty) -> (&'static str, &'static str) {
    match certainty {
        Certainty::Certain => ("Any one of these changes would make it ", ":"),
        Certainty::Possible => (
            "Any one of these changes could make it ",
            ", depending on your later answers:",
        ),
    }
}

/// "asks 1 more question", "asks 2 or 3 more questions; depends on your answers", or
/// `None` when applying shows the new result at once.
pub fn change_cost(change: &Change) -> Option<String> {
    let possible = change.certainty == Certainty::Possible;
    let Some(mut text) = new_questions(change.asks) else {
        return possible.then(|| "depends on your later answers".to_owned());
    };
    if possible {
        text.push_str(match change.asks.most {
            1 => "; depends on your answer",
            _ => "; depends on your answers",
        });
    }
    Some(text)
}

/// "24 of 24 criteria shown.", the comparison filter's count.
pub fn criteria_shown(shown: usize, total: usize) -> String {
    let noun = match total {
        1 => "criterion",
        _ => "criteria",
    };
    format!("{shown} of {total} {noun} shown.")
}

/// The label of a side, or its id when the dataset has no such side.
pub fn side_label(ds: &Dataset, side_id: &str) -> String {
    ds.side(side_id)
        .map_or(side_id, |side| side.label.as_str())
        .to_owned()
}

/// The colour a side is drawn in: `"1"`, `"2"` or `"3"` by its place in the dataset
/// (`--bc-node`, `--bc-python`, `--bc-hybrid` in widget.css: the first, second and third
/// side's colours), repeating from the fourth side on.
pub fn tone(ds: &Dataset, side_id: &str) -> &'static str {
    let place = ds.sides.iter().position(|side| side.id == side_id);
    ["1", "2", "3"][place.unwrap_or_default() % 3]
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
