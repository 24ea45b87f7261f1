//! The dataset's shape: what a comparison, its criteria and its decision tree are.
//!
//! These types only describe data. They are read from JSON by `read_json` and checked by
//! `validate`; every other engine module may assume a validated `Dataset`. Fields that
//! `read_json` treats as optional: `tie_break`, `tie_margin`, `Side::parts`, `Source::url`,
//! `Question::next`, `Answer::next`, `Answer::effects`, `Answer::frameworks`,
//! `Answer::skills`, `Answer::recap`.

use super::small_map::SmallMap;

/// How the JSON writes `Leads::Result`: a `next` of `"result"` ends the path. Reserved,
/// so no question may have this id.
pub const RESULT: &str = "result";
/// How the JSON writes `Favours::Neutral`. Reserved, so no side may have this id.
pub const NEUTRAL: &str = "neutral";

/// A whole comparison: its sides, the facts it rests on, and the questions that decide.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// A short, URL-safe id (`[a-z0-9-]+`), written into share links.
    pub id: String,
    /// Bumped whenever a change would give an old share link another meaning.
    pub version: u32,
    pub title: String,
    /// One or two sentences shown before the first question.
    pub intro: String,
    /// The options a reader can be recommended, e.g. `node`, `python`, `hybrid`.
    pub sides: Vec<Side>,
    /// Which side wins an exact tie when no tie-break question decides it: the first listed.
    pub tie_order: Vec<String>,
    /// Question ids consulted in order when the two best scores are within `tie_margin`:
    /// the side that the reader's answer to that question favoured most wins.
    pub tie_break: Vec<String>,
    /// Scores this close (inclusive) count as mixed signals, decided by `tie_break`.
    pub tie_margin: u32,
    pub criteria: Vec<Criterion>,
    pub frameworks: Vec<Framework>,
    /// The id of the first question.
    pub start: String,
    pub questions: Vec<Question>,
}

/// One possible recommendation.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub id: String,
    pub label: String,
    /// One sentence on what choosing this side means.
    pub summary: String,
    /// For a side that combines others (the hybrid): which part runs on which side, and why.
    pub parts: Vec<Part>,
}

/// A part of a combined side: the role one of the other sides plays in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub side: String,
    pub role: String,
    pub why: String,
}

/// One thing the comparison weighs, with what it says for each side.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: String,
    /// The group in the comparison table, e.g. "Performance".
    pub category: String,
    pub title: String,
    /// What the comparison says for each side, keyed by side id.
    pub says: SmallMap<String, String>,
    /// The side this criterion favours, if any.
    pub favours: Favours,
    /// Under what conditions it favours that side.
    pub when: String,
    pub sources: Vec<Source>,
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    /// Absent for the seed article, which has no public address here.
    pub url: Option<String>,
}

/// A framework a reader could start with.
#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub id: String,
    /// The side id it belongs to (never a combined side).
    pub side: String,
    pub name: String,
    /// What it is for, in a few words.
    pub summary: String,
}

/// One step of the decision tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub help: String,
    /// Where every answer without its own `next` leads.
    pub next: Option<Leads>,
    pub answers: Vec<Answer>,
}

/// One choice in a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub id: String,
    pub label: String,
    pub help: String,
    /// Overrides the question's `next`: this is what makes the tree branch.
    pub next: Option<Leads>,
    pub effects: Vec<Effect>,
    /// Points for frameworks, keyed by framework id (range -5..=5).
    pub frameworks: SmallMap<String, i32>,
    /// The sides whose language the team knows, when this answer says so (the team
    /// question). A framework is suggested in another language only with the reason a
    /// combined side's part gives.
    pub skills: Vec<String>,
    /// The answer in the reader's own voice, completing "because …" (e.g. "you write
    /// TypeScript"); reasons quote it instead of the bare label.
    pub recap: Option<String>,
}

/// Which side a criterion favours (`"favours"` in the JSON: a side id or `"neutral"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Favours {
    /// The side with this id.
    Side(String),
    /// No side: it depends on the project.
    Neutral,
}

impl Favours {
    /// Reads the JSON value: `"neutral"` or a side id.
    pub fn from_json(text: String) -> Favours {
        match text.as_str() {
            NEUTRAL => Favours::Neutral,
            _ => Favours::Side(text),
        }
    }

    /// The favoured side's id, if any.
    pub fn side(&self) -> Option<&str> {
        match self {
            Favours::Side(side) => Some(side),
            Favours::Neutral => None,
        }
    }
}

/// Where an answer leads (`"next"` in the JSON: a question id or `"result"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leads {
    /// The question with this id.
    Question(String),
    /// The end of the path: the result.
    Result,
}

impl Leads {
    /// Reads the JSON value: `"result"` or a question id.
    pub fn from_json(text: String) -> Leads {
        match text.as_str() {
            RESULT => Leads::Result,
            _ => Leads::Question(text),
        }
    }

    /// The id of the question it leads to; `None` for the result.
    pub fn question(&self) -> Option<&str> {
        match self {
            Leads::Question(id) => Some(id),
            Leads::Result => None,
        }
    }
}

/// What an answer does to the scores, and the fact it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// The criterion id this effect rests on.
    pub criterion: String,
    /// Points per side id (range -5..=5); sides not named get 0.
    pub scores: SmallMap<String, i32>,
    /// Why, in one sentence a reader sees as a reason.
    pub because: String,
}

impl Dataset {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn side(&self, id: &str) -> Option<&Side> {
        self.sides.iter().find(|side| side.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|criterion| criterion.id == id)
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|framework| framework.id == id)
    }
}

impl Question {
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.iter().find(|answer| answer.id == id)
    }

    /// Where `answer` leads: its own `next`, else the question's. `None` only in an
    /// invalid dataset (validation rejects it as a dead end).
    pub fn next_after<'a>(&'a self, answer: &'a Answer) -> Option<&'a Leads> {
        answer.next.as_ref().or(self.next.as_ref())
    }
}
