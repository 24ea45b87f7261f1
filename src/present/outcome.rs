//! Everything the result shows, computed once per complete path.

use crate::engine::{changes, scorecard, suggest, Change, Dataset, Scorecard, Suggestion};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub answered: Vec<(String, String)>,
    pub scorecard: Scorecard,
    pub suggestions: Vec<Suggestion>,
    pub changes: Vec<Change>,
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
