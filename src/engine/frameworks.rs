//! Which framework to start with: one per side of the winner, drawn from the answers.

use std::cmp::Reverse;

use super::answers::Answers;
use super::model::{Answer, Dataset, Framework, Part, Question};
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
    /// One sentence saying why, e.g. `FastAPI: because you write async Python — modern
    /// APIs.` For a part of a combined side in a language the team does not know, it starts
    /// with the part's role and why.
    pub reason: String,
    /// The team named its languages, and this side's is not among them: suggested only as a
    /// part of a combined side, whose reason then says why that part is worth it.
    pub new_to_team: bool,
}

/// One framework for each side of `winner`: the winner itself, or, for a combined side
/// (one with `parts`), each part's side in order. On each side the framework the
/// `answered` pairs gave the most points wins (ties by dataset order); when no answer gave
/// any framework of that side points, the side's first framework is the general default.
/// A side without frameworks gets no suggestion.
///
/// When the answers name the team's languages (`Answer::skills`), a framework in another
/// language is suggested only for a part of a combined side, and its reason starts with
/// the part's role and why; a single side the team does not know gets no suggestion.
pub fn suggest(ds: &Dataset, answered: &Answers, winner: &str) -> Vec<Suggestion> {
    let chosen = resolve(ds, answered);
    let Some(winner_side) = ds.side(winner) else {
        return Vec::new();
    };
    let known = team_knows(&chosen);
    let new_to_team = |side: &str| !known.is_empty() && !known.contains(&side);
    if winner_side.parts.is_empty() {
        if new_to_team(&winner_side.id) {
            return Vec::new();
        }
        return suggest_for_side(ds, &chosen, &winner_side.id, None)
            .into_iter()
            .collect();
    }
    let mut sides: Vec<&str> = Vec::new();
    let mut suggestions = Vec::new();
    for part in &winner_side.parts {
        if sides.contains(&part.side.as_str()) {
            continue;
        }
        sides.push(&part.side);
        let new_part = new_to_team(&part.side).then_some(part);
        suggestions.extend(suggest_for_side(ds, &chosen, &part.side, new_part));
    }
    suggestions
}

/// The sides whose language the team says it knows (`Answer::skills` of the chosen answers),
/// in the order the answers name them; empty when no answer says.
pub fn team_skills<'a>(ds: &'a Dataset, answered: &Answers) -> Vec<&'a str> {
    team_knows(&resolve(ds, answered))
}

fn team_knows<'a>(chosen: &[Choice<'a>]) -> Vec<&'a str> {
    let mut known = Vec::new();
    for (_, answer) in chosen {
        for side in &answer.skills {
            known.push(side.as_str());
        }
    }
    known
}

fn suggest_for_side(
    ds: &Dataset,
    chosen: &[Choice<'_>],
    side: &str,
    new_part: Option<&Part>,
) -> Option<Suggestion> {
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
    // A part in a language the team does not know says first why it is worth learning.
    let side_label = ds.side(side).map_or(side, |side| side.label.as_str());
    let opening = match new_part {
        // The part's why is shown beside it ("Which part runs where"): not repeated here.
        Some(part) => format!(
            "{}: your team would add {side_label} for the {}. ",
            best.name, part.role
        ),
        None => format!("{}: ", best.name),
    };
    // After an opening sentence the reason starts a new sentence.
    let start = |clause: String| match new_part {
        Some(_) => upper_first(&clause),
        None => clause,
    };
    let mut givers: Vec<(usize, &Question, &Answer, i32)> = chosen
        .iter()
        .enumerate()
        .filter_map(
            |(position, (question, answer))| match answer.frameworks.get(&best.id) {
                Some(&points) if points > 0 => Some((position, *question, *answer, points)),
                _ => None,
            },
        )
        .collect();
    if points <= 0 || givers.is_empty() {
        // Nothing pointed anywhere: the best of equals is the side's first framework.
        return Some(Suggestion {
            framework_id: best.id.clone(),
            side: side.to_string(),
            points,
            reason: format!(
                "{opening}{} \u{2014} {}",
                start(format!(
                    "none of your answers pointed to a particular {side_label} framework, so here is the general default"
                )),
                lower_first(&sentence(&best.summary))
            ),
            new_to_team: new_part.is_some(),
        });
    }
    // The two answers that gave it the most points, named in the order they were given.
    sort_by_key(&mut givers, |&(position, _, _, points)| {
        (Reverse(points), position)
    });
    givers.truncate(2);
    sort_by_key(&mut givers, |&(position, _, _, _)| position);
    let named: Vec<String> = givers
        .iter()
        .map(|(_, question, answer, _)| in_context(question, answer))
        .collect();
    Some(Suggestion {
        framework_id: best.id.clone(),
        side: side.to_string(),
        points,
        reason: format!(
            "{opening}{} \u{2014} {}",
            start(named.join(" and ")),
            lower_first(&sentence(&best.summary))
        ),
        new_to_team: new_part.is_some(),
    })
}

/// An answer as a reason: its recap in the reader's voice ("you write TypeScript"), or,
/// without one, the answer with its question ("you answered “…” to “…”").
fn in_context(question: &Question, answer: &Answer) -> String {
    match &answer.recap {
        Some(recap) => recap.strip_suffix('.').unwrap_or(recap).to_string(),
        None => format!("you answered “{}” to “{}”", answer.label, question.prompt),
    }
}

/// The text with its first letter in upper case. ASCII only, on bytes: Unicode's case
/// tables and char searching cost several KB of wasm.
fn upper_first(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The text with its first letter in lower case (ASCII only, as above), unless it starts
/// a name: a second capital, as in "NumPy", or a dot in the first word, as in "Node.js".
fn lower_first(text: &str) -> String {
    let bytes = text.as_bytes();
    let name = bytes.get(1).is_some_and(u8::is_ascii_uppercase)
        || bytes
            .iter()
            .take_while(|&&byte| byte != b' ')
            .any(|&byte| byte == b'.');
    let mut text = text.to_string();
    if let (false, Some(first)) = (name, text.get_mut(..1)) {
        first.make_ascii_lowercase();
    }
    text
}

/// The text with a full stop at the end, unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        return text.to_string();
    }
    format!("{text}.")
}
