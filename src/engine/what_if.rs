//! "What would change the answer": single answers that, changed, change the winner.

use std::ops::ControlFlow;

use super::answers::Answers;
use super::model::Dataset;
use super::paths::{Choice, Next, Tree};
use super::score::winner_of;
use super::sort::sort_by_key;

/// The most completions of a changed path examined one by one; above it, this many are
/// sampled instead.
pub const MAX_COMPLETIONS: u64 = 10_000;

/// One changed answer that changes the winner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub question_id: String,
    /// The other answer to `question_id`.
    pub answer_id: String,
    /// The winner after the change: when completions differ, the most frequent winner
    /// other than today's.
    pub new_winner: String,
    pub certainty: Certainty,
    /// How many ways to finish the changed path were checked.
    pub checked: u64,
    /// How many of those gave a winner other than today's.
    pub flipped: u64,
    /// The questions applying the change asks: those on the changed path without an answer.
    pub asks: NewQuestions,
}

/// How many questions applying a change asks before the new result: the questions on the
/// changed path that have no answer yet, the fewest and the most over every way to answer
/// them. Later answers that still apply are kept, so `most` is 0 when the change shows the
/// new result at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NewQuestions {
    pub fewest: usize,
    pub most: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// Every way to finish the changed path gives `new_winner`.
    Certain,
    /// Some ways to finish it give another winner, or too many ways exist to check them all.
    Possible,
}

/// For every question on the complete path `answered` and every other answer to it,
/// re-derives the path with that one answer changed (later answers are kept while their
/// questions stay on the path) and reports the changes that change the winner. When the
/// change leads to questions not answered yet, every way to answer them is scored (up to
/// `MAX_COMPLETIONS`; above that, as many deterministic samples). Certain changes come
/// first, then in path order. An incomplete path gives no changes.
pub fn changes(ds: &Dataset, answered: &Answers) -> Vec<Change> {
    let tree = Tree::new(ds);
    let chosen = chosen_answers(&tree, answered);
    let walk = tree.derive(&|question| chosen[question]);
    if !walk.complete {
        return Vec::new();
    }
    let Some(today) = winner_of_walk(&tree, &walk.steps) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for &(question, answer) in &walk.steps {
        let Some(answer) = answer else {
            continue;
        };
        for other in 0..ds.questions[question].answers.len() {
            if other == answer {
                continue;
            }
            let mut changed = chosen.clone();
            changed[question] = Some(other);
            let seed = (question as u64) << 32 | other as u64;
            let Some(tally) = tally_winners(&tree, &changed, seed) else {
                continue;
            };
            let Some(mut change) = tally.change(ds, today, question, other) else {
                continue;
            };
            change.asks = new_questions_after(&tree, &changed).unwrap_or_default();
            found.push(change);
        }
    }
    // A stable sort keeps path order, then answer order, within each certainty.
    sort_by_key(&mut found, |change| change.certainty);
    found
}

/// How many questions applying one changed answer to the complete path `answered` asks
/// (what `Session::change_answer` then asks): `None` when the path is incomplete, the
/// question is not on it, the answer is unknown or the changed path cannot be finished.
pub fn new_questions(
    ds: &Dataset,
    answered: &Answers,
    question_id: &str,
    answer_id: &str,
) -> Option<NewQuestions> {
    let tree = Tree::new(ds);
    let mut chosen = chosen_answers(&tree, answered);
    let walk = tree.derive(&|question| chosen[question]);
    let question = tree.question_index(question_id)?;
    if !walk.complete || !walk.steps.iter().any(|&(step, _)| step == question) {
        return None;
    }
    chosen[question] = Some(tree.answer_index(question, answer_id)?);
    new_questions_after(&tree, &chosen)
}

/// The answers of `answered` by question index (the first answer to each question).
fn chosen_answers(tree: &Tree<'_>, answered: &Answers) -> Vec<Option<usize>> {
    let mut chosen = vec![None; tree.ds.questions.len()];
    for (question_id, answer_id) in answered {
        let Some(question) = tree.question_index(question_id) else {
            continue;
        };
        if chosen[question].is_none() {
            chosen[question] = tree.answer_index(question, answer_id);
        }
    }
    chosen
}

/// The questions without an answer in `chosen` on the paths its answers lead along.
/// Answers off those paths do not count: `chosen` holds only the complete path's answers
/// and the change, as the session does when it applies one.
fn new_questions_after(tree: &Tree<'_>, chosen: &[Option<usize>]) -> Option<NewQuestions> {
    let (fewest, most) = tree.open_questions(tree.start?, &|question| chosen[question])?;
    Some(NewQuestions { fewest, most })
}

/// How the winners fall over the completions of one changed path.
struct Tally {
    /// Wins per side index.
    wins: Vec<u64>,
    checked: u64,
    sampled: bool,
}

impl Tally {
    fn change(&self, ds: &Dataset, today: usize, question: usize, answer: usize) -> Option<Change> {
        let flipped = self.checked - self.wins[today];
        if flipped == 0 {
            return None;
        }
        // The most frequent other winner; `max_by_key` keeps the last of equals, so walk
        // the sides backwards to let dataset order break ties.
        let new_winner = (0..self.wins.len())
            .rev()
            .filter(|&side| side != today)
            .max_by_key(|&side| self.wins[side])?;
        let certain = !self.sampled && self.wins[new_winner] == self.checked;
        let question = &ds.questions[question];
        Some(Change {
            question_id: question.id.clone(),
            answer_id: question.answers[answer].id.clone(),
            new_winner: ds.sides[new_winner].id.clone(),
            certainty: if certain {
                Certainty::Certain
            } else {
                Certainty::Possible
            },
            checked: self.checked,
            flipped,
            asks: NewQuestions::default(),
        })
    }
}

fn winner_of_walk(tree: &Tree<'_>, steps: &[(usize, Option<usize>)]) -> Option<usize> {
    let chosen: Vec<Choice<'_>> = steps
        .iter()
        .filter_map(|&(question, answer)| Some(tree.pair(question, answer?)))
        .collect();
    winner_of(tree.ds, &chosen)
}

/// Scores every completion of the path that `chosen` answers lead along, or samples
/// `MAX_COMPLETIONS` of them when there are more. `None` when there is none.
fn tally_winners(tree: &Tree<'_>, chosen: &[Option<usize>], seed: u64) -> Option<Tally> {
    let ds = tree.ds;
    let start = tree.start?;
    let fixed = |question: usize| chosen[question];
    let total = tree.count_from(start, &fixed);
    if total == 0 {
        return None;
    }
    let mut tally = Tally {
        wins: vec![0; ds.sides.len()],
        checked: 0,
        sampled: total > MAX_COMPLETIONS,
    };
    let mut record = |path: &[Choice<'_>]| {
        if let Some(winner) = winner_of(ds, path) {
            tally.wins[winner] += 1;
            tally.checked += 1;
        }
    };
    if total <= MAX_COMPLETIONS {
        let mut stack = Vec::new();
        let _ = tree.walk_completions(start, &fixed, &mut stack, &mut |path| {
            record(path);
            ControlFlow::Continue(())
        });
        return Some(tally);
    }
    // Too many to score one by one: draw paths at random, each equally likely, by choosing
    // every answer in proportion to the number of completions behind it. The generator is
    // seeded by the change, so the same change always draws the same sample.
    let mut memo = vec![None; ds.questions.len()];
    let mut on_stack = vec![false; ds.questions.len()];
    let mut random = SplitMix64(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut path = Vec::new();
    for _ in 0..MAX_COMPLETIONS {
        path.clear();
        let mut question = start;
        loop {
            let answers = tree.answers_to_follow(question, &fixed);
            let weights: Vec<u64> = answers
                .clone()
                .map(|answer| match tree.next[question][answer] {
                    Next::Question(next) => {
                        tree.count_memoised(next, &fixed, &mut memo, &mut on_stack)
                    }
                    Next::Result => 1,
                    Next::Nowhere => 0,
                })
                .collect();
            let sum = weights
                .iter()
                .fold(0u64, |sum, &weight| sum.saturating_add(weight));
            if sum == 0 || path.len() >= ds.questions.len() {
                break;
            }
            let mut pick = random.next() % sum;
            let mut answer = answers.start;
            for (offset, &weight) in weights.iter().enumerate() {
                if pick < weight {
                    answer = answers.start + offset;
                    break;
                }
                pick -= weight;
            }
            path.push(tree.pair(question, answer));
            match tree.next[question][answer] {
                Next::Question(next) => question = next,
                Next::Result => {
                    record(&path);
                    break;
                }
                Next::Nowhere => break,
            }
        }
    }
    Some(tally)
}

/// A small, fast, deterministic generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1330_11eb);
        z ^ (z >> 31)
    }
}
