//! The scorecard: what a set of answers adds up to, who wins, how clearly, and why.
//!
//! The rule, which the dataset author simulates exactly:
//!
//! 1. Each side's score is the sum of `effect.scores[side]` over the chosen answers.
//! 2. Sides scoring at least `top - tie_margin` are in contention. When more than one is,
//!    each question in `tie_break` is consulted in order: if it was answered, the points
//!    its answer gave each side are summed, and if exactly one side in contention has the
//!    strictly highest sum, that side wins.
//! 3. Otherwise the highest score wins, and an exact tie goes to the earliest side in
//!    `tie_order` (sides it does not list come after, in dataset order).

use std::cmp::Reverse;

use super::answers::Answers;
use super::model::{Answer, Dataset};
use super::paths::Choice;
use super::sort::sort_by_key;

/// Points for one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SidePoints {
    pub side_id: String,
    pub points: i64,
}

/// Everything the result page shows about the scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    /// Every side's score, in `ds.sides` order.
    pub totals: Vec<SidePoints>,
    /// The recommended side's id.
    pub winner: String,
    /// The best other side by score (ties by `tie_order`).
    pub runner_up: Option<String>,
    /// The sides whose scores were within `tie_margin` of the top, in `ds.sides` order.
    pub in_contention: Vec<String>,
    /// The tie-break question that decided between sides in contention, if one did.
    pub decided_by: Option<String>,
    pub verdict: Verdict,
    /// Each criterion the answers touched, with its points per side (`ds.sides` order),
    /// the heaviest first.
    pub criteria: Vec<CriterionContribution>,
    /// One reason per effect that moved points, the ones that weighed most for the
    /// winner first.
    pub reasons: Vec<Reason>,
}

/// How clear the result is: the winner's lead in points over the next side, read on the
/// dataset's `LeadScale`. The level is a function of the lead alone, so a bigger lead never
/// reads weaker than a smaller one, a lead within the tie margin is always "too close to
/// call", and a recommendation outside it always has a lead of at least one point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The winner's points minus the runner-up's (the best other side). At most
    /// `tie_margin`, and possibly zero or negative, when the scores were too close to call
    /// and a tie-break or the tie order picked the winner.
    pub lead: i64,
    pub level: Level,
}

/// How clear a lead is, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Within the dataset's tie margin: more than one side is in contention.
    TooClose,
    /// Above the tie margin, up to what one strong answer gives a side.
    Slight,
    /// Up to twice that.
    Clear,
    /// More than what two strong answers give.
    Strong,
}

/// The lead that each level reaches up to (inclusive), from the dataset alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadScale {
    /// `tie_margin`: leads up to this are too close to call.
    pub too_close: i64,
    /// What one strong answer gives a side: the most points any one effect of the dataset
    /// gives one side (at least one point more than `too_close`).
    pub slight: i64,
    /// Twice `slight`; above it a lead is strong.
    pub clear: i64,
}

impl LeadScale {
    pub fn of(ds: &Dataset) -> LeadScale {
        // Plain loops: nested `flat_map` chains cost more wasm.
        let mut strongest = 1;
        for question in &ds.questions {
            for answer in &question.answers {
                for effect in &answer.effects {
                    for &points in effect.scores.values() {
                        strongest = strongest.max(i64::from(points).abs());
                    }
                }
            }
        }
        let too_close = i64::from(ds.tie_margin);
        let slight = strongest.max(too_close + 1);
        LeadScale {
            too_close,
            slight,
            clear: 2 * slight,
        }
    }

    pub fn level(&self, lead: i64) -> Level {
        match lead {
            lead if lead <= self.too_close => Level::TooClose,
            lead if lead <= self.slight => Level::Slight,
            lead if lead <= self.clear => Level::Clear,
            _ => Level::Strong,
        }
    }
}

/// What one criterion added up to over the chosen answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionContribution {
    pub criterion_id: String,
    /// Points per side, in `ds.sides` order.
    pub points: Vec<SidePoints>,
    /// The sum of the absolute points its effects moved, over all sides.
    pub weight: i64,
}

/// One effect of one chosen answer: the answer that caused it and the fact it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub question_id: String,
    pub answer_id: String,
    pub criterion_id: String,
    /// The non-zero points per side, in `ds.sides` order.
    pub points: Vec<SidePoints>,
    /// The points this effect gave the winner (negative when it took points from it).
    pub points_for_winner: i64,
    /// How much this effect put the winner ahead of the side it favoured most among the
    /// others: the winner's points minus the most any other side got from it (sides it does
    /// not name get 0). Positive: a reason for the winner; negative: a point against it.
    pub for_winner: i64,
    pub because: String,
}

/// Scores `answered` (question id, answer id) pairs; pairs naming an unknown question or
/// answer are ignored. Meant for a complete path, but works on any prefix. `None` only for
/// a dataset without sides (validation refuses one): there is no winner to name.
pub fn scorecard(ds: &Dataset, answered: &Answers) -> Option<Scorecard> {
    let chosen = resolve(ds, answered);
    scorecard_of(ds, &chosen)
}

/// Only the winner of `answered`, by the same rule, without building the scorecard: for
/// walking many paths. `None` only for a dataset without sides.
pub fn winner(ds: &Dataset, answered: &Answers) -> Option<String> {
    let winner = winner_of(ds, &resolve(ds, answered))?;
    Some(ds.sides[winner].id.clone())
}

/// The index in `ds.sides` of the winner of `chosen`.
pub(crate) fn winner_of(ds: &Dataset, chosen: &[Choice<'_>]) -> Option<usize> {
    let mut totals = vec![0; ds.sides.len()];
    for (_, answer) in chosen {
        add_answer(ds, answer, &mut totals, 1);
    }
    Some(decide(ds, &totals, chosen)?.winner)
}

/// The (question, answer) pairs of `answered` that exist in the dataset.
pub(crate) fn resolve<'a>(ds: &'a Dataset, answered: &Answers) -> Vec<Choice<'a>> {
    answered
        .iter()
        .filter_map(|(question_id, answer_id)| {
            let question = ds.question(question_id)?;
            let answer = question.answer(answer_id)?;
            Some((question, answer))
        })
        .collect()
}

pub(crate) fn scorecard_of(ds: &Dataset, chosen: &[Choice<'_>]) -> Option<Scorecard> {
    let mut totals = vec![0; ds.sides.len()];
    for (_, answer) in chosen {
        add_answer(ds, answer, &mut totals, 1);
    }
    let side_points = |points: &[i64]| -> Vec<SidePoints> {
        ds.sides
            .iter()
            .zip(points)
            .map(|(side, &points)| SidePoints {
                side_id: side.id.clone(),
                points,
            })
            .collect()
    };
    let decision = decide(ds, &totals, chosen)?;
    let winner = decision.winner;
    let runner_up = best_side(ds, &totals, |side| side != winner);
    let lead = match runner_up {
        Some(runner_up) => totals[winner] - totals[runner_up],
        None => totals[winner],
    };
    let threshold = contention_threshold(ds, &totals);
    let in_contention: Vec<String> = ds
        .sides
        .iter()
        .zip(&totals)
        .filter(|(_, &total)| total >= threshold)
        .map(|(side, _)| side.id.clone())
        .collect();
    let verdict = Verdict {
        lead,
        level: LeadScale::of(ds).level(lead),
    };
    Some(Scorecard {
        totals: side_points(&totals),
        winner: ds.sides[winner].id.clone(),
        runner_up: runner_up.map(|side| ds.sides[side].id.clone()),
        in_contention,
        decided_by: decision.decided_by.map(str::to_string),
        verdict,
        criteria: criteria(ds, chosen, &side_points),
        reasons: reasons(ds, chosen, &ds.sides[winner].id),
    })
}

/// The winner and what decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decision<'a> {
    /// An index into `ds.sides`.
    pub(crate) winner: usize,
    /// The tie-break question id that decided, if one did.
    pub(crate) decided_by: Option<&'a str>,
}

/// What each answer adds to each side: `[question][answer][side]`, indexed like the
/// dataset, so a walk over many paths keeps running totals (the report, the validator).
pub(crate) fn answer_points(ds: &Dataset) -> Vec<Vec<Vec<i64>>> {
    ds.questions
        .iter()
        .map(|question| {
            question
                .answers
                .iter()
                .map(|answer| {
                    let mut totals = vec![0; ds.sides.len()];
                    add_answer(ds, answer, &mut totals, 1);
                    totals
                })
                .collect()
        })
        .collect()
}

/// Adds `sign` times the points of `answer`'s effects to `totals` (indexed like `ds.sides`).
pub(crate) fn add_answer(ds: &Dataset, answer: &Answer, totals: &mut [i64], sign: i64) {
    for effect in &answer.effects {
        for (side_id, &points) in &effect.scores {
            if let Some(side) = side_index(ds, side_id) {
                totals[side] += sign * i64::from(points);
            }
        }
    }
}

/// Applies the rule in the module comment to `totals`; `None` only when there are no sides.
pub(crate) fn decide<'a>(
    ds: &'a Dataset,
    totals: &[i64],
    chosen: &[Choice<'_>],
) -> Option<Decision<'a>> {
    let threshold = contention_threshold(ds, totals);
    let contenders = totals.iter().filter(|&&total| total >= threshold).count();
    if contenders > 1 {
        for question_id in &ds.tie_break {
            let Some((_, answer)) = chosen
                .iter()
                .find(|(question, _)| question.id == *question_id)
            else {
                continue;
            };
            let mut sums = vec![0; ds.sides.len()];
            add_answer(ds, answer, &mut sums, 1);
            let in_contention = |side: usize| totals[side] >= threshold;
            let Some(best) = (0..sums.len())
                .filter(|&side| in_contention(side))
                .map(|side| sums[side])
                .max()
            else {
                continue;
            };
            let mut leaders =
                (0..sums.len()).filter(|&side| in_contention(side) && sums[side] == best);
            if let (Some(leader), None) = (leaders.next(), leaders.next()) {
                return Some(Decision {
                    winner: leader,
                    decided_by: Some(question_id.as_str()),
                });
            }
        }
    }
    let winner = best_side(ds, totals, |_| true)?;
    Some(Decision {
        winner,
        decided_by: None,
    })
}

pub(crate) fn side_index(ds: &Dataset, side_id: &str) -> Option<usize> {
    ds.sides.iter().position(|side| side.id == side_id)
}

/// The lowest score still in contention with the top one.
fn contention_threshold(ds: &Dataset, totals: &[i64]) -> i64 {
    let top = totals.iter().copied().max().unwrap_or(0);
    top - i64::from(ds.tie_margin)
}

/// The highest-scoring side among those `eligible`; exact ties go to `tie_order`.
fn best_side(ds: &Dataset, totals: &[i64], eligible: impl Fn(usize) -> bool) -> Option<usize> {
    (0..totals.len())
        .filter(|&side| eligible(side))
        .min_by_key(|&side| (Reverse(totals[side]), tie_rank(ds, side)))
}

/// A side's place in `tie_order`; unlisted sides come after, in dataset order.
fn tie_rank(ds: &Dataset, side: usize) -> usize {
    let side_id = &ds.sides[side].id;
    match ds.tie_order.iter().position(|listed| listed == side_id) {
        Some(rank) => rank,
        None => ds.tie_order.len() + side,
    }
}

fn criteria(
    ds: &Dataset,
    chosen: &[Choice<'_>],
    side_points: &dyn Fn(&[i64]) -> Vec<SidePoints>,
) -> Vec<CriterionContribution> {
    // (criterion id, points per side, weight), in the order the answers first touch them.
    let mut touched: Vec<(&str, Vec<i64>, i64)> = Vec::new();
    for effect in chosen.iter().flat_map(|(_, answer)| &answer.effects) {
        let position = match touched
            .iter()
            .position(|(id, _, _)| *id == effect.criterion)
        {
            Some(position) => position,
            None => {
                touched.push((&effect.criterion, vec![0; ds.sides.len()], 0));
                touched.len() - 1
            }
        };
        let (_, points, weight) = &mut touched[position];
        for (side_id, &value) in &effect.scores {
            if let Some(side) = side_index(ds, side_id) {
                points[side] += i64::from(value);
                *weight += i64::from(value).abs();
            }
        }
    }
    touched.retain(|(_, _, weight)| *weight > 0);
    let dataset_order = |criterion_id: &str| {
        ds.criteria
            .iter()
            .position(|criterion| criterion.id == criterion_id)
            .unwrap_or(usize::MAX)
    };
    sort_by_key(&mut touched, |(criterion_id, _, weight)| {
        (Reverse(*weight), dataset_order(criterion_id))
    });
    touched
        .into_iter()
        .map(|(criterion_id, points, weight)| CriterionContribution {
            criterion_id: criterion_id.to_string(),
            points: side_points(&points),
            weight,
        })
        .collect()
}

fn reasons(ds: &Dataset, chosen: &[Choice<'_>], winner_id: &str) -> Vec<Reason> {
    let points_of = |effect: &super::model::Effect, side_id: &str| {
        i64::from(effect.scores.get(side_id).copied().unwrap_or(0))
    };
    let mut reasons = Vec::new();
    for (question, answer) in chosen {
        for effect in &answer.effects {
            let points: Vec<SidePoints> = ds
                .sides
                .iter()
                .filter_map(|side| match effect.scores.get(&side.id) {
                    Some(&points) if points != 0 => Some(SidePoints {
                        side_id: side.id.clone(),
                        points: i64::from(points),
                    }),
                    _ => None,
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            let points_for_winner = points_of(effect, winner_id);
            let best_other = ds
                .sides
                .iter()
                .filter(|side| side.id != winner_id)
                .map(|side| points_of(effect, &side.id))
                .max()
                .unwrap_or(0);
            reasons.push(Reason {
                question_id: question.id.clone(),
                answer_id: answer.id.clone(),
                criterion_id: effect.criterion.clone(),
                points_for_winner,
                for_winner: points_for_winner - best_other,
                points,
                because: effect.because.clone(),
            });
        }
    }
    // A stable sort: the ones that weighed most, for or against the winner, first; equal
    // weights keep the order of the path.
    sort_by_key(&mut reasons, |reason| {
        let absolute: i64 = reason.points.iter().map(|side| side.points.abs()).sum();
        (Reverse(reason.for_winner.abs()), Reverse(absolute))
    });
    reasons
}
