//! Turning a share fragment into a session, with a notice for the reader when the link
//! could not be used in full.

use crate::engine::{decode_lenient, Dataset, Session};

/// The outcome of opening a link: the session to show and, if anything was lost, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub session: Session,
    pub notice: Option<String>,
}

/// Reads `fragment` (with or without its `#`). An empty fragment is a fresh start with
/// no notice; a link that cannot be read at all starts fresh and says why; a link with
/// some answers that no longer apply keeps the others and says how many were dropped.
pub fn restore(ds: &Dataset, fragment: &str) -> Restored {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Restored {
            session: Session::new(),
            notice: None,
        };
    }
    let decoded = match decode_lenient(ds, fragment) {
        Ok(decoded) => decoded,
        Err(error) => {
            return Restored {
                session: Session::new(),
                notice: Some(format!(
                    "This link could not be used ({error}), so you are starting fresh."
                )),
            }
        }
    };
    let (session, dropped) = Session::from_answers(ds, &decoded.answers);
    let lost = decoded.problems.len() + dropped.len();
    let notice = match lost {
        0 => None,
        _ => {
            let kept = decoded.answers.len() - dropped.len();
            let first_reason = match (decoded.problems.first(), dropped.first()) {
                (Some(problem), _) => problem.to_string(),
                (None, Some(dropped)) => format!("\"{}\": {}", dropped.question_id, dropped.reason),
                (None, None) => String::new(),
            };
            let answers = if lost == 1 {
                "1 answer in this link no longer applies".to_owned()
            } else {
                format!("{lost} answers in this link no longer apply")
            };
            match kept {
                0 => Some(format!(
                    "{answers} ({first_reason}), so you are starting fresh."
                )),
                _ => Some(format!(
                    "{answers} ({first_reason}); kept the {kept} that still do."
                )),
            }
        }
    };
    Restored { session, notice }
}
