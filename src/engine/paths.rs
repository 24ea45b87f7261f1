//! Walking the decision tree: every complete path, how many there are, how long they are,
//! the progress ("Question k of m to n"), and the questions a set of answers leaves open.
//!
//! Everything here assumes a validated dataset. On an invalid one it still never panics
//! and never loops: a walk stops at an unknown id and at a question it has already seen.

use std::ops::ControlFlow;

use super::answers::Answers;
use super::model::{Answer, Dataset, Leads, Question};
use super::small_map::SmallMap;

/// One step of a path: a question and the answer chosen to it.
pub type Choice<'a> = (&'a Question, &'a Answer);

/// Where the reader is: "Question `position` of `min_total`–`max_total`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The 1-based index of the current question on the path.
    pub position: usize,
    /// Questions answered before this one plus the fewest questions from here to the end.
    pub min_total: usize,
    /// Questions answered before this one plus the most questions from here to the end.
    pub max_total: usize,
}

/// The fewest and the most questions from each question to the end of a path, counting
/// the question itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathLengths {
    by_question: SmallMap<String, (usize, usize)>,
    start: String,
}

impl PathLengths {
    /// The fewest questions from `question_id` (included) to the result.
    pub fn shortest(&self, question_id: &str) -> Option<usize> {
        self.by_question
            .get(question_id)
            .map(|&(shortest, _)| shortest)
    }

    /// The most questions from `question_id` (included) to the result.
    pub fn longest(&self, question_id: &str) -> Option<usize> {
        self.by_question
            .get(question_id)
            .map(|&(_, longest)| longest)
    }

    /// The shortest and longest complete path, counted in questions.
    pub fn whole_tree(&self) -> (usize, usize) {
        self.by_question.get(&self.start).copied().unwrap_or((0, 0))
    }

    /// The progress at `question_id` when `answered_before` questions precede it on the path.
    pub fn progress(&self, answered_before: usize, question_id: &str) -> Progress {
        let (shortest, longest) = self.by_question.get(question_id).copied().unwrap_or((1, 1));
        Progress {
            position: answered_before + 1,
            min_total: answered_before + shortest,
            max_total: answered_before + longest,
        }
    }
}

/// Computes the shortest and longest distance to the end from every question, memoised
/// over the tree (a DAG once validated).
pub fn path_lengths(ds: &Dataset) -> PathLengths {
    let tree = Tree::new(ds);
    let mut memo = vec![None; ds.questions.len()];
    let mut on_stack = vec![false; ds.questions.len()];
    // With no answer fixed, every question on a path is "open": the lengths themselves.
    for index in 0..ds.questions.len() {
        tree.open_memoised(index, &|_| None, &mut memo, &mut on_stack);
    }
    let mut by_question = SmallMap::new();
    for (question, lengths) in ds.questions.iter().zip(memo) {
        by_question.get_or_insert(question.id.clone(), lengths.flatten().unwrap_or((1, 1)));
    }
    PathLengths {
        by_question,
        start: ds.start.clone(),
    }
}

/// How many complete paths the tree has (saturating at `u64::MAX`).
pub fn count_paths(ds: &Dataset) -> u64 {
    let tree = Tree::new(ds);
    match tree.start {
        Some(start) => tree.count_from(start, &|_| None),
        None => 0,
    }
}

/// Every complete path from the start, as (question id, answer id) pairs, in dataset order.
pub fn all_paths(ds: &Dataset) -> Vec<Answers> {
    let mut paths = Vec::new();
    for_each_path(ds, |path| {
        let pairs = path
            .iter()
            .map(|(question, answer)| (question.id.clone(), answer.id.clone()))
            .collect();
        paths.push(pairs);
        ControlFlow::Continue(())
    });
    paths
}

/// Calls `visit` with every complete path from the start, in dataset order, until it
/// returns `ControlFlow::Break`.
pub fn for_each_path<'a>(ds: &'a Dataset, mut visit: impl FnMut(&[Choice<'a>]) -> ControlFlow<()>) {
    let tree = Tree::new(ds);
    let Some(start) = tree.start else {
        return;
    };
    let mut stack = Vec::new();
    let _ = tree.walk_completions(start, &|_| None, &mut stack, &mut |path| visit(path));
}

/// Where an answer leads, resolved to a question index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Next {
    Question(usize),
    Result,
    /// No `next`, or an unknown id: only in an invalid dataset.
    Nowhere,
}

/// The dataset with every `next` resolved to an index, so walks need no string lookups.
pub(crate) struct Tree<'a> {
    pub(crate) ds: &'a Dataset,
    pub(crate) start: Option<usize>,
    /// `next[question][answer]`: where each answer leads.
    pub(crate) next: Vec<Vec<Next>>,
}

/// A path derived from stored answers: the questions on it, each with its stored answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Walk {
    /// (question index, answer index); only the last step can lack an answer.
    pub(crate) steps: Vec<(usize, Option<usize>)>,
    /// Whether the last answer leads to the result.
    pub(crate) complete: bool,
}

impl<'a> Tree<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Tree<'a> {
        let resolve = |target: Option<&Leads>| match target {
            None => Next::Nowhere,
            Some(Leads::Result) => Next::Result,
            Some(Leads::Question(id)) => match question_position(ds, id) {
                Some(position) => Next::Question(position),
                None => Next::Nowhere,
            },
        };
        let next = ds
            .questions
            .iter()
            .map(|question| {
                question
                    .answers
                    .iter()
                    .map(|answer| resolve(question.next_after(answer)))
                    .collect()
            })
            .collect();
        let start = question_position(ds, &ds.start);
        Tree { ds, start, next }
    }

    pub(crate) fn question_index(&self, question_id: &str) -> Option<usize> {
        question_position(self.ds, question_id)
    }

    pub(crate) fn answer_index(&self, question: usize, answer_id: &str) -> Option<usize> {
        self.ds.questions[question]
            .answers
            .iter()
            .position(|answer| answer.id == answer_id)
    }

    pub(crate) fn pair(&self, question: usize, answer: usize) -> Choice<'a> {
        let question = &self.ds.questions[question];
        (question, &question.answers[answer])
    }

    /// Follows `chosen` answers from the start until a question without one, or the result.
    pub(crate) fn derive(&self, chosen: &dyn Fn(usize) -> Option<usize>) -> Walk {
        let mut steps = Vec::new();
        let mut seen = vec![false; self.ds.questions.len()];
        let mut current = self.start;
        while let Some(question) = current {
            if seen[question] {
                break;
            }
            seen[question] = true;
            let answer = chosen(question);
            steps.push((question, answer));
            let Some(answer) = answer else {
                break;
            };
            match self.next[question][answer] {
                Next::Question(next) => current = Some(next),
                Next::Result => {
                    return Walk {
                        steps,
                        complete: true,
                    }
                }
                Next::Nowhere => break,
            }
        }
        Walk {
            steps,
            complete: false,
        }
    }

    /// How many complete paths lead from `question` to the result, following `fixed`
    /// answers where given and every answer elsewhere (saturating).
    pub(crate) fn count_from(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
    ) -> u64 {
        let mut memo = vec![None; self.ds.questions.len()];
        let mut on_stack = vec![false; self.ds.questions.len()];
        self.count_memoised(question, fixed, &mut memo, &mut on_stack)
    }

    pub(crate) fn count_memoised(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
        memo: &mut [Option<u64>],
        on_stack: &mut [bool],
    ) -> u64 {
        if let Some(count) = memo[question] {
            return count;
        }
        if on_stack[question] {
            return 0;
        }
        on_stack[question] = true;
        let mut count: u64 = 0;
        for answer in self.answers_to_follow(question, fixed) {
            let more = match self.next[question][answer] {
                Next::Question(next) => self.count_memoised(next, fixed, memo, on_stack),
                Next::Result => 1,
                Next::Nowhere => 0,
            };
            count = count.saturating_add(more);
        }
        on_stack[question] = false;
        memo[question] = Some(count);
        count
    }

    /// The answer indices a walk follows at `question`: the fixed one, or all of them.
    pub(crate) fn answers_to_follow(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
    ) -> std::ops::Range<usize> {
        match fixed(question) {
            Some(answer) if answer < self.next[question].len() => answer..answer + 1,
            _ => 0..self.next[question].len(),
        }
    }

    /// The fewest and the most questions without a `fixed` answer on the complete paths
    /// from `question`, following `fixed` answers where given and every answer elsewhere:
    /// how many questions a reader with those answers is still asked. `None` when no path
    /// from `question` reaches the result.
    pub(crate) fn open_questions(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<(usize, usize)> {
        let mut memo = vec![None; self.ds.questions.len()];
        let mut on_stack = vec![false; self.ds.questions.len()];
        self.open_memoised(question, fixed, &mut memo, &mut on_stack)
    }

    fn open_memoised(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
        memo: &mut [Option<Option<(usize, usize)>>],
        on_stack: &mut [bool],
    ) -> Option<(usize, usize)> {
        if let Some(range) = memo[question] {
            return range;
        }
        if on_stack[question] {
            return None;
        }
        on_stack[question] = true;
        let asked = usize::from(fixed(question).is_none());
        let mut range: Option<(usize, usize)> = None;
        for answer in self.answers_to_follow(question, fixed) {
            let after = match self.next[question][answer] {
                Next::Question(next) => self.open_memoised(next, fixed, memo, on_stack),
                Next::Result => Some((0, 0)),
                Next::Nowhere => None,
            };
            if let Some((fewest, most)) = after {
                range = Some(match range {
                    Some((low, high)) => (low.min(fewest), high.max(most)),
                    None => (fewest, most),
                });
            }
        }
        let range = range.map(|(fewest, most)| (fewest + asked, most + asked));
        on_stack[question] = false;
        memo[question] = Some(range);
        range
    }

    /// Visits every complete path through `question`, with `stack` holding the path so far.
    pub(crate) fn walk_completions(
        &self,
        question: usize,
        fixed: &dyn Fn(usize) -> Option<usize>,
        stack: &mut Vec<Choice<'a>>,
        visit: &mut dyn FnMut(&[Choice<'a>]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        // A simple path visits each question at most once; a longer one means a cycle.
        if stack.len() >= self.ds.questions.len() {
            return ControlFlow::Continue(());
        }
        for answer in self.answers_to_follow(question, fixed) {
            stack.push(self.pair(question, answer));
            let flow = match self.next[question][answer] {
                Next::Question(next) => self.walk_completions(next, fixed, stack, visit),
                Next::Result => visit(stack),
                Next::Nowhere => ControlFlow::Continue(()),
            };
            stack.pop();
            flow?;
        }
        ControlFlow::Continue(())
    }
}

/// The index of the first question with id `question_id`.
fn question_position(ds: &Dataset, question_id: &str) -> Option<usize> {
    ds.questions
        .iter()
        .position(|question| question.id == question_id)
}
