//! Which framework to start with: one per side of the winner, drawn from the answers.

use std::cmp::Reverse;

use super::model::{Answer, Dataset, Framework};
use super::paths::Choice;
use super::score::resolve;
use super::sort::sort_by_key;

/// A framework to start with on one side of the recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub framework_id: String,
    /// The side it belongs to: the winner, or one part of a combined winner.
    pub side: String,
    /// The points the chosen answers gave it.
    pub points: i64,
    /// One sentence saying why, e.g. `FastAPI: you chose "Async I/O" — modern APIs.`
    pub reason: String,
}

/// One framework for each side of `winner`: the winner itself, or, for a combined side
/// (one with `parts`), each part's side in order. On each side the framework the
/// `answered` pairs gave the most points wins (ties by dataset order); when no answer gave
/// any framework of that side points, the side's first framework is the general default.
/// A side without frameworks gets no suggestion.
pub fn suggest(ds: &Dataset, answered: &[(String, String)], winner: &str) -> Vec<Suggestion> {
    let chosen = resolve(ds, answered);
    let Some(winner_side) = ds.side(winner) else {
        return Vec::new();
    };
    let mut sides: Vec<&str> = Vec::new();
    if winner_side.parts.is_empty() {
        sides.push(&winner_side.id);
    }
    for part in &winner_side.parts {
        if !sides.contains(&part.side.as_str()) {
            sides.push(&part.side);
        }
    }
    sides
        .into_iter()
        .filter_map(|side| suggest_for_side(ds, &chosen, side))
        .collect()
}

fn suggest_for_side(ds: &Dataset, chosen: &[Choice<'_>], side: &str) -> Option<Suggestion> {
    let candidates: Vec<&Framework> = ds
        .frameworks
        .iter()
        .filter(|framework| framework.side == side)
        .collect();
    let points_for = |framework: &Framework| -> i64 {
        chosen
            .iter()
            .filter_map(|(_, answer)| answer.frameworks.get(&framework.id))
            .map(|&points| i64::from(points))
            .sum()
    };
    // `min_by_key` keeps the first of equal keys, so ties go to dataset order.
    let best = candidates
        .iter()
        .copied()
        .min_by_key(|framework| Reverse(points_for(framework)))?;
    let points = points_for(best);
    let mut givers: Vec<(usize, &Answer, i32)> = chosen
        .iter()
        .enumerate()
        .filter_map(
            |(position, (_, answer))| match answer.frameworks.get(&best.id) {
                Some(&points) if points > 0 => Some((position, *answer, points)),
                _ => None,
            },
        )
        .collect();
    if points <= 0 || givers.is_empty() {
        // Nothing pointed anywhere: the best of equals is the side's first framework.
        let side_label = ds.side(side).map_or(side, |side| side.label.as_str());
        return Some(Suggestion {
            framework_id: best.id.clone(),
            side: side.to_string(),
            points,
            reason: format!(
                "{}: none of your answers pointed to a particular {} framework, so here is the general default — {}",
                best.name,
                side_label,
                sentence(&best.summary)
            ),
        });
    }
    // The two answers that gave it the most points, named in the order they were given.
    sort_by_key(&mut givers, |&(position, _, points)| {
        (Reverse(points), position)
    });
    givers.truncate(2);
    sort_by_key(&mut givers, |&(position, _, _)| position);
    let named: Vec<String> = givers
        .iter()
        .map(|(_, answer, _)| format!("“{}”", answer.label))
        .collect();
    Some(Suggestion {
        framework_id: best.id.clone(),
        side: side.to_string(),
        points,
        reason: format!(
            "{}: you chose {} — {}",
            best.name,
            named.join(" and "),
            sentence(&best.summary)
        ),
    })
}

/// The text with a full stop at the end, unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        return text.to_string();
    }
    format!("{text}.")
}
