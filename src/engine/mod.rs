//! The decision engine: plain Rust, no DOM, no web-sys. Compiles and tests natively.
//!
//! `model` describes the dataset; `validate` turns JSON into a checked `Dataset`; every
//! other module assumes a validated dataset and never panics on one.
//!
//! - `paths`: walking the decision tree (all paths, their count and lengths, progress).
//! - `session`: the reader's answers and where they are, as plain data.
//! - `score`: the scorecard for a set of answers: totals, winner, confidence, reasons.
//! - `frameworks`: which framework to start with on each side of the winner.
//! - `what_if`: which single changed answer would change the winner.
//! - `share`: the URL fragment that carries the answers.

pub mod frameworks;
pub mod model;
pub mod paths;
pub mod read_json;
pub mod score;
pub mod session;
pub mod share;
pub mod small_map;
pub mod sort;
pub mod validate;
pub mod what_if;

pub use frameworks::{suggest, Suggestion};
pub use model::{Dataset, RESULT};
pub use paths::{all_paths, count_paths, path_lengths, PathLengths, Progress};
pub use score::{scorecard, winner, Confidence, ConfidenceLevel, Reason, Scorecard};
pub use session::{DropReason, Dropped, PathStep, Session, SessionError, Step};
pub use share::{decode, decode_lenient, encode, Decoded, ShareError};
pub use validate::{load, LoadError, Problem};
pub use what_if::{changes, new_questions, Certainty, Change, NewQuestions};
