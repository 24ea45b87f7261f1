//! The decision engine: plain Rust, no DOM, no web-sys. Compiles and tests natively.
//!
//! `model` describes the dataset; `validate` turns JSON into a checked `Dataset`; every
//! other module assumes a validated dataset and never panics on one. Other layers use
//! `model`, `validate`, `report` and what is re-exported here; the rest is private.
//!
//! - `answers`: the reader's answers, (question id, answer id) pairs in order.
//! - `json`: the JSON reader (serde_json's grammar and messages, in a few KB of wasm).
//! - `paths`: walking the decision tree (all paths, their count and lengths, progress).
//! - `session`: the reader's answers and where they are, as plain data.
//! - `score`: the scorecard for a set of answers: totals, winner, the verdict (lead and level), reasons.
//! - `frameworks`: which framework to start with on each side of the winner.
//! - `what_if`: which single changed answer would change the winner.
//! - `share`: the URL fragment that carries the answers.
//! - `report`: the dataset report for authors (paths, winners, answers that never matter).

mod answers;
mod frameworks;
pub mod json;
pub mod model;
mod paths;
mod read_json;
pub mod report;
mod score;
mod session;
mod share;
mod small_map;
mod sort;
pub mod validate;
mod what_if;

pub use answers::Answers;
pub use frameworks::{suggest, team_skills, Suggestion};
pub use model::Dataset;
pub use paths::{
    all_paths, count_paths, for_each_path, path_lengths, Choice, PathLengths, Progress,
};
pub use score::{scorecard, winner, LeadScale, Level, Reason, Scorecard, Verdict};
pub use session::{DropReason, Dropped, PathStep, Session, SessionError, Step};
pub use share::{decode, decode_lenient, encode, Decoded, ShareError};
pub use small_map::SmallMap;
pub use validate::{load, LoadError, Problem};
pub use what_if::{changes, new_questions, Certainty, Change, NewQuestions};
