//! The result as a short architecture decision record in Markdown, for a team's docs.

use crate::engine::{Answers, Certainty, Change, Dataset, Scorecard, Suggestion};
use crate::present::outcome::shown_reasons;
use crate::present::text::{
    answer_label, criterion_title, framework_name, framework_reason, question_prompt, side_label,
};
use std::fmt::Write;

/// Everything the record needs; `link` reproduces the result.
pub struct Decision<'a> {
    pub ds: &'a Dataset,
    pub answered: &'a Answers,
    pub scorecard: &'a Scorecard,
    pub suggestions: &'a [Suggestion],
    pub changes: &'a [Change],
    pub link: &'a str,
}

pub fn markdown(decision: &Decision) -> String {
    let Decision {
        ds,
        answered,
        scorecard,
        suggestions,
        changes,
        link,
    } = decision;
    let winner = side_label(ds, &scorecard.winner);
    let mut out = String::new();

    let _ = writeln!(out, "# Decision record — {}\n", escape(&winner));
    let _ = writeln!(out, "## Context\n");
    let _ = writeln!(
        out,
        "{} Our answers:\n",
        escape(ds.title.trim_end_matches('.'))
    );
    for (question_id, answer_id) in answered.iter() {
        let _ = writeln!(
            out,
            "- {}: **{}**",
            escape(question_prompt(ds, question_id)),
            escape(answer_label(ds, question_id, answer_id))
        );
    }

    let _ = writeln!(out, "\n## Decision\n");
    let _ = writeln!(
        out,
        "We choose **{}**. {} Points: {}.",
        escape(&winner),
        escape(crate::present::verdict::verdict_line(ds, scorecard)),
        scorecard
            .totals
            .iter()
            .map(|total| format!(
                "{} {}",
                escape(side_label(ds, &total.side_id)),
                total.points
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(side) = ds.side(&scorecard.winner) {
        for part in &side.parts {
            let _ = writeln!(
                out,
                "- {}: {}. {}",
                escape(side_label(ds, &part.side)),
                escape(&part.role),
                escape(&part.why)
            );
        }
    }
    for suggestion in suggestions.iter() {
        let _ = writeln!(
            out,
            "- Start with {} ({}): {}",
            escape(framework_name(ds, &suggestion.framework_id)),
            escape(side_label(ds, &suggestion.side)),
            escape(framework_reason(ds, suggestion))
        );
    }

    let (reasons, against) = shown_reasons(scorecard);
    let _ = writeln!(out, "\n## Reasons\n");
    for (index, reason) in reasons.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} (our answer \"{}\"; {})",
            index + 1,
            escape(&reason.because),
            escape(answer_label(ds, &reason.question_id, &reason.answer_id)),
            escape(criterion_title(ds, &reason.criterion_id))
        );
    }
    if !against.is_empty() {
        let _ = writeln!(out, "\n## What counts against it\n");
        for reason in against {
            let _ = writeln!(
                out,
                "- {} (our answer \"{}\"; {})",
                escape(&reason.because),
                escape(answer_label(ds, &reason.question_id, &reason.answer_id)),
                escape(criterion_title(ds, &reason.criterion_id))
            );
        }
    }

    let _ = writeln!(out, "\n## Alternatives considered\n");
    for total in scorecard
        .totals
        .iter()
        .filter(|total| total.side_id != scorecard.winner)
    {
        let _ = writeln!(
            out,
            "- {}: {} against {}.",
            escape(side_label(ds, &total.side_id)),
            crate::present::verdict::points(total.points),
            scorecard
                .totals
                .iter()
                .find(|t| t.side_id == scorecard.winner)
                .map_or(0, |t| t.points)
        );
    }

    let _ = writeln!(out, "\n## What would change this decision\n");
    if changes.is_empty() {
        let _ = writeln!(out, "No single changed answer changes it.");
    }
    for change in changes.iter() {
        let _ = writeln!(
            out,
            "- If \"{}\" were \"{}\": {}{}.",
            escape(question_prompt(ds, &change.question_id)),
            escape(answer_label(ds, &change.question_id, &change.answer_id)),
            escape(side_label(ds, &change.new_winner)),
            match change.certainty {
                Certainty::Certain => "",
                Certainty::Possible => ", depending on later answers",
            }
        );
    }
    let _ = writeln!(out, "\nMade with backend-chooser: <{link}>");
    out
}

/// Escapes the characters that would turn dataset text into Markdown or HTML markup.
fn escape(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("a <b>*c*</b> [d](e)"),
            r"a \<b\>\*c\*\</b\> \[d\](e)"
        );
    }
}
