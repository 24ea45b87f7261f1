//! The dataset report: what a dataset's author needs to know beyond "it loads". One walk
//! over every complete path counts the paths and their lengths, who wins them (overall and
//! per answer to the first question), which answers no path takes, which answers' points
//! never change a result, and which sides never win.
//!
//! The scoring is the engine's own (`score::decide`), so the report cannot drift from the
//! widget. It assumes a dataset that `validate::load` accepted. Used by the
//! `check-dataset` command and by the tests; it is not in the widget's wasm.

use std::fmt::{self, Write};

use super::model::Dataset;
use super::paths::{Choice, Next, Tree};
use super::score::{answer_points, decide};
use super::validate::{load, locate, Located, Problem};

/// An answer, by index and by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRef {
    pub question: usize,
    pub answer: usize,
    pub question_id: String,
    pub answer_id: String,
}

impl AnswerRef {
    fn new(ds: &Dataset, question: usize, answer: usize) -> AnswerRef {
        let question_data = &ds.questions[question];
        AnswerRef {
            question,
            answer,
            question_id: question_data.id.clone(),
            answer_id: question_data.answers[answer].id.clone(),
        }
    }

    /// Its place in the document, e.g. `questions[3].answers[1]`.
    pub fn at(&self) -> String {
        format!("questions[{}].answers[{}]", self.question, self.answer)
    }
}

impl fmt::Display for AnswerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.question_id, self.answer_id)
    }
}

/// The paths won by each side, in `ds.sides` order, after one answer to the first question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstAnswer {
    pub answer_id: String,
    pub wins: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The side ids, in dataset order: the order of every `wins` list.
    pub sides: Vec<String>,
    /// How many complete paths the tree has.
    pub paths: u64,
    /// (length in questions, number of paths of that length), shortest first.
    pub lengths: Vec<(usize, u64)>,
    /// Paths won by each side.
    pub wins: Vec<u64>,
    /// Paths won by each side, per answer to the first question, in dataset order.
    pub by_first_answer: Vec<FirstAnswer>,
    /// Answers that no complete path takes.
    pub unreachable: Vec<AnswerRef>,
    /// Answers with effects whose points never change a result: on every path that takes
    /// one, the same side wins without its points (and, for a tie-break question, without
    /// it as the tie-break).
    pub never_decisive: Vec<AnswerRef>,
}

impl Report {
    /// What the report finds wrong, each with its place: a side that no path recommends
    /// and an answer that no path takes. (`never_decisive` is for the author to judge:
    /// an answer may only route the reader, or only suggest frameworks.)
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (index, (side, &wins)) in self.sides.iter().zip(&self.wins).enumerate() {
            if wins == 0 {
                problems.push(Problem {
                    at: format!("sides[{index}]"),
                    message: format!("no path recommends side \"{side}\""),
                });
            }
        }
        for answer in &self.unreachable {
            problems.push(Problem {
                at: answer.at(),
                message: format!("no complete path takes {answer}"),
            });
        }
        problems
    }
}

/// Walks every complete path of a validated dataset once.
pub fn report(ds: &Dataset) -> Report {
    let tree = Tree::new(ds);
    let points = answer_points(ds);
    let first_answers = tree.start.map_or(0, |start| tree.next[start].len());
    let mut walk = ReportWalk {
        tree: &tree,
        points: &points,
        totals: vec![0; ds.sides.len()],
        path: Vec::new(),
        chosen: Vec::new(),
        without: Vec::new(),
        lengths: Vec::new(),
        wins: vec![0; ds.sides.len()],
        by_first_answer: vec![vec![0; ds.sides.len()]; first_answers],
        taken: answer_flags(ds),
        decisive: answer_flags(ds),
    };
    if let Some(start) = tree.start {
        walk.from(start);
    }
    let answers = || {
        ds.questions
            .iter()
            .enumerate()
            .flat_map(|(question, data)| (0..data.answers.len()).map(move |a| (question, a)))
    };
    let unreachable = answers()
        .filter(|&(question, answer)| !walk.taken[question][answer])
        .map(|(question, answer)| AnswerRef::new(ds, question, answer))
        .collect();
    let never_decisive = answers()
        .filter(|&(question, answer)| {
            walk.taken[question][answer]
                && !walk.decisive[question][answer]
                && !ds.questions[question].answers[answer].effects.is_empty()
        })
        .map(|(question, answer)| AnswerRef::new(ds, question, answer))
        .collect();
    let by_first_answer = match tree.start {
        Some(start) => ds.questions[start]
            .answers
            .iter()
            .zip(walk.by_first_answer)
            .map(|(answer, wins)| FirstAnswer {
                answer_id: answer.id.clone(),
                wins,
            })
            .collect(),
        None => Vec::new(),
    };
    let lengths = walk
        .lengths
        .iter()
        .enumerate()
        .filter(|&(_, &count)| count > 0)
        .map(|(length, &count)| (length, count))
        .collect();
    Report {
        sides: ds.sides.iter().map(|side| side.id.clone()).collect(),
        paths: walk.wins.iter().sum(),
        lengths,
        wins: walk.wins,
        by_first_answer,
        unreachable,
        never_decisive,
    }
}

/// What the tools (`check-dataset`, the checker wasm) say about a dataset's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Every problem with its line and column: the validator's (`validate::load`), or, for
    /// a dataset that loads, the report's (`Report::problems`). None: the dataset is fine.
    pub problems: Vec<Located>,
    /// The report as text (`render`), when the dataset loads.
    pub report: Option<String>,
}

/// Loads `text` (a dataset called `name` in the report) and reports on it: the one
/// implementation of what `check-dataset` prints and the checker wasm's `report` returns.
pub fn check_text(name: &str, text: &str) -> Checked {
    let text = crate::engine::validate::without_bom(text);
    match load(text) {
        Err(error) => Checked {
            problems: error.locate(text),
            report: None,
        },
        Ok(ds) => {
            let report = report(&ds);
            Checked {
                problems: locate(text, &report.problems()),
                report: Some(render(name, &ds, &report)),
            }
        }
    }
}

/// `part` of `whole` as a percentage with one decimal (half up), `-` for no `whole`.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    let tenths = (part.saturating_mul(1000) + whole / 2) / whole;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// The report as text, for a dataset called `name`: its counts, the paths and their
/// lengths, the winners overall and per answer to the first question, the answers no
/// path takes and those whose points never change a result.
pub fn render(name: &str, ds: &Dataset, report: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, name, ds, report);
    out
}

fn write_report(out: &mut String, name: &str, ds: &Dataset, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "{name}: {} sides, {} criteria, {} frameworks, {} questions",
        ds.sides.len(),
        ds.criteria.len(),
        ds.frameworks.len(),
        ds.questions.len()
    )?;
    writeln!(out, "\npaths: {}", report.paths)?;
    for &(length, count) in &report.lengths {
        writeln!(
            out,
            "  {length:>2} questions: {count:>7} ({})",
            percent(count, report.paths)
        )?;
    }
    writeln!(out, "\nwinners:")?;
    for (side, &wins) in report.sides.iter().zip(&report.wins) {
        writeln!(
            out,
            "  {side:<12} {wins:>7} ({})",
            percent(wins, report.paths)
        )?;
    }
    writeln!(
        out,
        "\nwinners per answer to the first question \"{}\" (share of its paths):",
        ds.start
    )?;
    write!(out, "  {:<12}", "")?;
    for side in &report.sides {
        write!(out, " {side:>9}")?;
    }
    writeln!(out, "  {:>7}", "paths")?;
    for first in &report.by_first_answer {
        let paths: u64 = first.wins.iter().sum();
        write!(out, "  {:<12}", first.answer_id)?;
        for &wins in &first.wins {
            write!(out, " {:>9}", percent(wins, paths))?;
        }
        writeln!(out, "  {paths:>7}")?;
    }
    let lists = [
        ("answers no path takes", &report.unreachable),
        (
            "answers whose points never change a result",
            &report.never_decisive,
        ),
    ];
    for (title, answers) in lists {
        if answers.is_empty() {
            writeln!(out, "\n{title}: none")?;
            continue;
        }
        writeln!(out, "\n{title}:")?;
        for answer in answers {
            writeln!(out, "  {answer} ({})", answer.at())?;
        }
    }
    Ok(())
}

fn answer_flags(ds: &Dataset) -> Vec<Vec<bool>> {
    ds.questions
        .iter()
        .map(|question| vec![false; question.answers.len()])
        .collect()
}

struct ReportWalk<'t, 'a> {
    tree: &'t Tree<'a>,
    /// Points per side for each (question, answer).
    points: &'t [Vec<Vec<i64>>],
    totals: Vec<i64>,
    /// The (question, answer) indices so far, and the same as choices.
    path: Vec<(usize, usize)>,
    chosen: Vec<Choice<'a>>,
    /// A buffer for the path without one of its answers.
    without: Vec<Choice<'a>>,
    /// `lengths[n]`: paths of `n` questions.
    lengths: Vec<u64>,
    wins: Vec<u64>,
    by_first_answer: Vec<Vec<u64>>,
    taken: Vec<Vec<bool>>,
    decisive: Vec<Vec<bool>>,
}

impl ReportWalk<'_, '_> {
    fn from(&mut self, question: usize) {
        // A simple path visits each question once; only a cycle could go deeper.
        if self.path.len() >= self.tree.next.len() {
            return;
        }
        for answer in 0..self.tree.next[question].len() {
            self.add(question, answer, 1);
            self.path.push((question, answer));
            self.chosen.push(self.tree.pair(question, answer));
            match self.tree.next[question][answer] {
                Next::Question(next) => self.from(next),
                Next::Result => self.complete(),
                Next::Nowhere => {}
            }
            self.chosen.pop();
            self.path.pop();
            self.add(question, answer, -1);
        }
    }

    fn add(&mut self, question: usize, answer: usize, sign: i64) {
        let points = &self.points[question][answer];
        self.totals
            .iter_mut()
            .zip(points)
            .for_each(|(total, points)| *total += sign * points);
    }

    fn complete(&mut self) {
        let ds = self.tree.ds;
        let Some(decision) = decide(ds, &self.totals, &self.chosen) else {
            return;
        };
        let winner = decision.winner;
        let length = self.path.len();
        if self.lengths.len() <= length {
            self.lengths.resize(length + 1, 0);
        }
        self.lengths[length] += 1;
        self.wins[winner] += 1;
        if let Some(&(_, first)) = self.path.first() {
            self.by_first_answer[first][winner] += 1;
        }
        let mut totals = self.totals.clone();
        for (step, &(question, answer)) in self.path.iter().enumerate() {
            self.taken[question][answer] = true;
            if self.decisive[question][answer] {
                continue;
            }
            let points = &self.points[question][answer];
            for ((without, total), points) in totals.iter_mut().zip(&self.totals).zip(points) {
                *without = total - points;
            }
            self.without.clear();
            self.without.extend_from_slice(&self.chosen[..step]);
            self.without.extend_from_slice(&self.chosen[step + 1..]);
            let changed =
                decide(ds, &totals, &self.without).is_none_or(|without| without.winner != winner);
            if changed {
                self.decisive[question][answer] = true;
            }
        }
    }
}
