//! The reader's progress through the questions, as plain data.
//!
//! A session stores every answer the reader gave (question id → answer id), even for
//! questions that a later change took off the path, plus a cursor. The path itself is
//! derived: from `start`, follow the stored answers until a question without one, or the
//! result. The cursor is an index into that path; the path's length is the result step.
//!
//! Changing one answer (Change, or Apply on a "what would change this" item) puts the
//! session in a changing state: answering then moves on past every later question whose
//! kept answer still applies, so the reader is asked only what the change made new.

use std::fmt;

use super::answers::Answers;
use super::model::Dataset;
use super::paths::{path_lengths, Progress, Tree, Walk};
use super::small_map::SmallMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    answers: SmallMap<String, String>,
    cursor: usize,
    /// Set by `change` and `change_answer`; cleared by `back`, `restart` and at the result.
    changing: bool,
    /// How many times `change` was called since the start: the standalone page adds a
    /// history entry for each, so the browser's Back returns to where the reader was.
    changes_started: u32,
}

/// What the reader sees now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Question {
        question_id: String,
        /// The answer given earlier, shown as selected.
        selected: Option<String>,
        progress: Progress,
    },
    /// The end of a complete path.
    Result,
}

/// A question on the path and its stored answer, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathStep {
    pub question_id: String,
    pub answer_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    UnknownQuestion {
        question_id: String,
    },
    UnknownAnswer {
        question_id: String,
        answer_id: String,
    },
    NotOnPath {
        question_id: String,
    },
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::UnknownQuestion { question_id } => {
                write!(f, "there is no question \"{question_id}\"")
            }
            SessionError::UnknownAnswer {
                question_id,
                answer_id,
            } => write!(
                f,
                "question \"{question_id}\" has no answer \"{answer_id}\""
            ),
            SessionError::NotOnPath { question_id } => {
                write!(f, "question \"{question_id}\" is not on the current path")
            }
        }
    }
}

impl std::error::Error for SessionError {}

/// An answer `Session::from_answers` did not keep, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub question_id: String,
    pub answer_id: String,
    pub reason: DropReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    UnknownQuestion,
    UnknownAnswer,
    /// The question was answered earlier in the same list.
    Repeated,
    /// The question is not on the path the other answers lead along.
    NotOnPath,
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            DropReason::UnknownQuestion => "the question no longer exists",
            DropReason::UnknownAnswer => "the answer no longer exists",
            DropReason::Repeated => "the question was answered twice",
            DropReason::NotOnPath => "the question is not on the path your other answers lead to",
        };
        f.write_str(text)
    }
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Forgets every answer and goes back to the first question.
    pub fn restart(&mut self) {
        *self = Session::new();
    }

    /// Replays `pairs` along the path from the start. Pairs naming an unknown question or
    /// answer, a question already answered in `pairs`, or a question the other answers do
    /// not lead to are dropped and reported. The cursor ends after the last kept answer.
    pub fn from_answers(ds: &Dataset, pairs: &Answers) -> (Session, Vec<Dropped>) {
        let tree = Tree::new(ds);
        let mut reasons: Vec<Option<DropReason>> = vec![None; pairs.len()];
        let mut seen: Vec<&str> = Vec::new();
        // (pair index, question index, answer index) of every pair that could be kept.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (pair, (question_id, answer_id)) in pairs.iter().enumerate() {
            if seen.contains(&question_id.as_str()) {
                reasons[pair] = Some(DropReason::Repeated);
                continue;
            }
            seen.push(question_id);
            let Some(question) = tree.question_index(question_id) else {
                reasons[pair] = Some(DropReason::UnknownQuestion);
                continue;
            };
            let Some(answer) = tree.answer_index(question, answer_id) else {
                reasons[pair] = Some(DropReason::UnknownAnswer);
                continue;
            };
            candidates.push((pair, question, answer));
        }
        let chosen = |question: usize| {
            candidates
                .iter()
                .find(|&&(_, candidate, _)| candidate == question)
                .map(|&(_, _, answer)| answer)
        };
        let walk = tree.derive(&chosen);
        let mut session = Session::new();
        for &(question, answer) in &walk.steps {
            let Some(answer) = answer else {
                continue;
            };
            let (question, answer) = tree.pair(question, answer);
            session
                .answers
                .insert(question.id.clone(), answer.id.clone());
        }
        session.cursor = session.answers.len();
        for &(pair, question, _) in &candidates {
            if !walk
                .steps
                .iter()
                .any(|&(step, answer)| step == question && answer.is_some())
            {
                reasons[pair] = Some(DropReason::NotOnPath);
            }
        }
        let dropped = pairs
            .iter()
            .zip(reasons)
            .filter_map(|((question_id, answer_id), reason)| {
                Some(Dropped {
                    question_id: question_id.clone(),
                    answer_id: answer_id.clone(),
                    reason: reason?,
                })
            })
            .collect();
        (session, dropped)
    }

    /// Records `answer_id` for `question_id`, a question on the path, and moves to the step
    /// after it, or, while changing an answer, past every later question whose kept answer
    /// still applies. Later answers stay stored; those still on the new path show as
    /// selected.
    pub fn answer(
        &mut self,
        ds: &Dataset,
        question_id: &str,
        answer_id: &str,
    ) -> Result<(), SessionError> {
        let tree = Tree::new(ds);
        let Some(question) = tree.question_index(question_id) else {
            return Err(SessionError::UnknownQuestion {
                question_id: question_id.to_string(),
            });
        };
        if tree.answer_index(question, answer_id).is_none() {
            return Err(SessionError::UnknownAnswer {
                question_id: question_id.to_string(),
                answer_id: answer_id.to_string(),
            });
        }
        let position = self.position_on_path(&tree, question_id)?;
        self.answers
            .insert(question_id.to_string(), answer_id.to_string());
        self.cursor = position + 1;
        if self.changing {
            self.skip_kept(&tree);
        }
        Ok(())
    }

    /// Moves one step back, keeping the answer there so it shows as selected. Returns
    /// false at the first question.
    pub fn back(&mut self) -> bool {
        self.changing = false;
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        true
    }

    /// Moves the cursor to `question_id`, which must be on the path, to go on from there
    /// question by question.
    pub fn go_to(&mut self, ds: &Dataset, question_id: &str) -> Result<(), SessionError> {
        let tree = Tree::new(ds);
        self.cursor = self.position_on_path(&tree, question_id)?;
        self.changing = false;
        Ok(())
    }

    /// Moves the cursor to `question_id` (on the path) to change its answer: answering it
    /// then moves on past every later question whose kept answer still applies ("Change"
    /// in the reader's answers).
    pub fn change(&mut self, ds: &Dataset, question_id: &str) -> Result<(), SessionError> {
        self.go_to(ds, question_id)?;
        self.changing = true;
        self.changes_started = self.changes_started.wrapping_add(1);
        Ok(())
    }

    /// How many times the reader started changing an answer (Change, Apply).
    pub fn changes_started(&self) -> u32 {
        self.changes_started
    }

    /// Whether answering moves on past kept answers (after `change` or `change_answer`,
    /// until the result, Back or Start over).
    pub fn is_changing(&self) -> bool {
        self.changing
    }

    /// Changes the answer to `question_id` (on the path) and moves on past every later
    /// question whose kept answer still applies: to the result, or to the first question
    /// the change leads to that has no answer yet, and on past kept answers after each
    /// new question. This is "what would change this: Apply". It starts from the answers
    /// on the path (what the share link holds), so it asks exactly the questions
    /// `what_if::new_questions` counts. On an error the session stays as it was.
    pub fn change_answer(
        &mut self,
        ds: &Dataset,
        question_id: &str,
        answer_id: &str,
    ) -> Result<(), SessionError> {
        let mut changed = Session {
            changes_started: self.changes_started,
            ..Session::new()
        };
        for (question, answer) in self.kept(ds) {
            changed.answers.insert(question, answer);
        }
        changed.change(ds, question_id)?;
        changed.answer(ds, question_id, answer_id)?;
        *self = changed;
        Ok(())
    }

    /// Moves the cursor from where it is to the first question on the path without an
    /// answer, or to the result, where changing ends.
    fn skip_kept(&mut self, tree: &Tree<'_>) {
        let walk = self.walk(tree);
        self.cursor += walk
            .steps
            .iter()
            .skip(self.cursor)
            .take_while(|&&(_, answer)| answer.is_some())
            .count();
        if walk.complete && self.cursor >= walk.steps.len() {
            self.changing = false;
        }
    }

    /// The current question, or the result at the end of a complete path.
    pub fn current(&self, ds: &Dataset) -> Step {
        let tree = Tree::new(ds);
        let walk = self.walk(&tree);
        let cursor = self.cursor_on(&walk);
        let Some(&(question, answer)) = walk.steps.get(cursor) else {
            if walk.complete {
                return Step::Result;
            }
            // Only an invalid dataset has no first question; show its start anyway.
            return Step::Question {
                question_id: ds.start.clone(),
                selected: None,
                progress: Progress {
                    position: 1,
                    min_total: 1,
                    max_total: 1,
                },
            };
        };
        let question = &ds.questions[question];
        Step::Question {
            question_id: question.id.clone(),
            selected: answer.map(|answer| question.answers[answer].id.clone()),
            progress: path_lengths(ds).progress(cursor, &question.id),
        }
    }

    /// The questions on the path up to and including the current one (all of them at the
    /// result), each with its stored answer.
    pub fn path(&self, ds: &Dataset) -> Vec<PathStep> {
        let tree = Tree::new(ds);
        let walk = self.walk(&tree);
        let end = (self.cursor_on(&walk) + 1).min(walk.steps.len());
        walk.steps[..end]
            .iter()
            .map(|&(question, answer)| {
                let question = &ds.questions[question];
                PathStep {
                    question_id: question.id.clone(),
                    answer_id: answer.map(|answer| question.answers[answer].id.clone()),
                }
            })
            .collect()
    }

    /// The answered questions before the cursor, in path order: what the share link holds
    /// and, once the result is reached, what the scorecard scores.
    pub fn answered(&self, ds: &Dataset) -> Answers {
        let tree = Tree::new(ds);
        let walk = self.walk(&tree);
        let end = self.cursor_on(&walk);
        walk.steps[..end]
            .iter()
            .filter_map(|&(question, answer)| {
                let (question, answer) = tree.pair(question, answer?);
                Some((question.id.clone(), answer.id.clone()))
            })
            .collect()
    }

    /// Every answered question on the path, also those after the cursor (after Back or
    /// Change): what the standalone page keeps in its URL so a reload loses nothing.
    pub fn kept(&self, ds: &Dataset) -> Answers {
        let tree = Tree::new(ds);
        self.walk(&tree)
            .steps
            .iter()
            .filter_map(|&(question, answer)| {
                let (question, answer) = tree.pair(question, answer?);
                Some((question.id.clone(), answer.id.clone()))
            })
            .collect()
    }

    fn walk(&self, tree: &Tree<'_>) -> Walk {
        let chosen = |question: usize| {
            let answer_id = self.answers.get(&tree.ds.questions[question].id)?;
            tree.answer_index(question, answer_id)
        };
        tree.derive(&chosen)
    }

    /// The cursor, kept within the derived path: the result step exists only when the path
    /// is complete.
    fn cursor_on(&self, walk: &Walk) -> usize {
        if walk.complete {
            return self.cursor.min(walk.steps.len());
        }
        self.cursor.min(walk.steps.len().saturating_sub(1))
    }

    fn position_on_path(&self, tree: &Tree<'_>, question_id: &str) -> Result<usize, SessionError> {
        let Some(question) = tree.question_index(question_id) else {
            return Err(SessionError::UnknownQuestion {
                question_id: question_id.to_string(),
            });
        };
        let walk = self.walk(tree);
        match walk.steps.iter().position(|&(step, _)| step == question) {
            Some(position) => Ok(position),
            None => Err(SessionError::NotOnPath {
                question_id: question_id.to_string(),
            }),
        }
    }
}
