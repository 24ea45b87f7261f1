//! Everything the result shows, computed once per complete path.

use crate::engine::{
    changes, scorecard, suggest, Answers, Change, Dataset, Reason, Scorecard, Suggestion,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub answered: Answers,
    pub scorecard: Scorecard,
    pub suggestions: Vec<Suggestion>,
    pub changes: Vec<Change>,
}

/// The reasons that put the winner ahead of every other side, heaviest first.
pub fn supporting(scorecard: &Scorecard) -> impl Iterator<Item = &Reason> {
    scorecard
        .reasons
        .iter()
        .filter(|reason| reason.for_winner > 0)
}

/// The reasons that count against the winner, heaviest first: they gave it nothing (or
/// took points away) and favoured another side. The first is the strongest point against
/// the recommendation. (An effect that gave the winner points, only fewer than another
/// side, is neither for nor against it; the per-criterion bars show it.)
pub fn opposing(scorecard: &Scorecard) -> impl Iterator<Item = &Reason> {
    scorecard
        .reasons
        .iter()
        .filter(|reason| reason.for_winner < 0 && reason.points_for_winner <= 0)
}

/// How many reasons for the recommendation the result lists, and how many against it.
pub const REASONS_SHOWN: usize = 5;
pub const AGAINST_SHOWN: usize = 3;

/// The reasons the result lists: the heaviest for the winner, and the heaviest against it
/// (so the strongest point against is always named).
pub fn shown_reasons(scorecard: &Scorecard) -> (Vec<&Reason>, Vec<&Reason>) {
    (
        supporting(scorecard).take(REASONS_SHOWN).collect(),
        opposing(scorecard).take(AGAINST_SHOWN).collect(),
    )
}

/// `None` only for a dataset without sides (validation refuses one).
pub fn outcome_of(ds: &Dataset, answered: &Answers) -> Option<Outcome> {
    let scorecard = scorecard(ds, answered)?;
    let suggestions = suggest(ds, answered, &scorecard.winner);
    let changes = changes(ds, answered);
    Some(Outcome {
        answered: answered.clone(),
        scorecard,
        suggestions,
        changes,
    })
}
