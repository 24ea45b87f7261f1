//! Everything the result shows, computed once per complete path.

use crate::engine::{changes, scorecard, suggest, Change, Dataset, Reason, Scorecard, Suggestion};
use crate::present::text::{count, question_prompt, side_label};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub answered: Vec<(String, String)>,
    pub scorecard: Scorecard,
    pub suggestions: Vec<Suggestion>,
    pub changes: Vec<Change>,
}

/// The reasons that favour the winner, heaviest first.
pub fn supporting(scorecard: &Scorecard) -> impl Iterator<Item = &Reason> {
    scorecard
        .reasons
        .iter()
        .filter(|reason| reason.points_for_winner > 0)
}

/// The reasons that count against the winner, heaviest first.
pub fn opposing(scorecard: &Scorecard) -> impl Iterator<Item = &Reason> {
    scorecard
        .reasons
        .iter()
        .filter(|reason| reason.points_for_winner < 0)
}

/// When the team's answer broke a near tie, the sentence that says so; `None` otherwise.
pub fn tie_explanation(ds: &Dataset, scorecard: &Scorecard) -> Option<String> {
    let question_id = scorecard.decided_by.as_deref()?;
    let scores: Vec<String> = scorecard
        .totals
        .iter()
        .filter(|total| scorecard.in_contention.contains(&total.side_id))
        .map(|total| format!("{} {}", side_label(ds, &total.side_id), total.points))
        .collect();
    Some(format!(
        "The scores ({}) are within {}: too close to call on requirements alone. So your answer to “{}” decides, as the comparison advises: start from what your team knows best.",
        scores.join(", "),
        count(ds.tie_margin as usize, "point", "points"),
        question_prompt(ds, question_id)
    ))
}

pub fn outcome_of(ds: &Dataset, answered: &[(String, String)]) -> Outcome {
    let scorecard = scorecard(ds, answered);
    let suggestions = suggest(ds, answered, &scorecard.winner);
    let changes = changes(ds, answered);
    Outcome {
        answered: answered.to_vec(),
        scorecard,
        suggestions,
        changes,
    }
}
