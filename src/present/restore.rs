//! Turning a share fragment into a session, with a notice for the reader when the link
//! could not be used in full. The notice names questions by their prompts, never by the
//! ids the link holds.

use crate::engine::{decode_lenient, Dataset, DropReason, Session, ShareError};
use crate::present::text::{count, question_prompt};

/// The outcome of opening a link: the session to show and, if anything was lost, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub session: Session,
    pub notice: Option<String>,
}

/// Why one answer in a link was left out, in the reader's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LeftOut<'a> {
    /// The question is no longer asked (its id is unknown).
    QuestionGone,
    /// The answer is no longer one of the question's choices.
    AnswerGone { question_id: &'a str },
    /// The link answers the question a second time; the first answer counts.
    Twice { question_id: &'a str },
    /// The question is not on the path the link's other answers lead along.
    DoesNotFit { question_id: &'a str },
}

impl LeftOut<'_> {
    /// Appends why, as the end of a sentence ("… because it answers …").
    fn reason(self, ds: &Dataset, out: &mut String) {
        let (before, question_id, after) = match self {
            LeftOut::QuestionGone => {
                out.push_str("it answers a question that is no longer asked");
                return;
            }
            LeftOut::AnswerGone { question_id } => (
                "its answer to “",
                question_id,
                "” is no longer one of the choices",
            ),
            LeftOut::Twice { question_id } => (
                "it answers “",
                question_id,
                "” twice (the first answer counts)",
            ),
            LeftOut::DoesNotFit { question_id } => (
                "its answer to “",
                question_id,
                "” does not fit the answers before it",
            ),
        };
        out.push_str(before);
        out.push_str(&question_prompt(ds, question_id));
        out.push_str(after);
    }
}

/// Reads `fragment` (with or without its `#`). An empty fragment is a fresh start with
/// no notice; a link that cannot be read at all starts fresh and says why; a link with
/// some answers that no longer apply keeps the others and says how many were left out.
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
                    "{}, so you are starting from the first question.",
                    unreadable(&error)
                )),
            }
        }
    };
    let (session, dropped) = Session::from_answers(ds, &decoded.answers);
    let mut left_out: Vec<LeftOut<'_>> = decoded
        .problems
        .iter()
        .filter_map(|problem| match problem {
            ShareError::UnknownQuestion { .. } => Some(LeftOut::QuestionGone),
            ShareError::UnknownAnswer { question_id, .. } => Some(LeftOut::AnswerGone {
                question_id: question_id.as_str(),
            }),
            ShareError::RepeatedQuestion { question_id } => Some(LeftOut::Twice {
                question_id: question_id.as_str(),
            }),
            _ => None,
        })
        .collect();
    left_out.extend(dropped.iter().map(|dropped| {
        let question_id = dropped.question_id.as_str();
        match dropped.reason {
            DropReason::UnknownQuestion => LeftOut::QuestionGone,
            DropReason::UnknownAnswer => LeftOut::AnswerGone { question_id },
            DropReason::Repeated => LeftOut::Twice { question_id },
            DropReason::NotOnPath => LeftOut::DoesNotFit { question_id },
        }
    }));
    let notice = match left_out.is_empty() {
        true => None,
        false => Some(partly_used(
            ds,
            &left_out,
            decoded.answers.len() - dropped.len(),
        )),
    };
    Restored { session, notice }
}

/// Why nothing in the link could be used, as the start of a sentence.
fn unreadable(error: &ShareError) -> &'static str {
    match error {
        ShareError::OtherDataset { .. } => "This link is for another comparison",
        ShareError::OtherVersion { found, expected } if found < expected => {
            "This link was made for an earlier version of these questions"
        }
        ShareError::OtherVersion { .. } => {
            "This link was made for a newer version of these questions"
        }
        ShareError::Empty => "This link holds no answers",
        ShareError::TooLong { .. } | ShareError::Malformed { .. } => {
            "This link could not be read (it may have been cut short or changed)"
        }
        // Only single answers fail this way, and `decode_lenient` keeps the rest.
        ShareError::UnknownQuestion { .. }
        | ShareError::UnknownAnswer { .. }
        | ShareError::RepeatedQuestion { .. } => "This link could not be used",
    }
}

/// "9 answers in this link could not be used because its answer to “…” is no longer one
/// of the choices. Your other answer is kept." Answers left out only because an earlier
/// one was (they no longer fit) are counted, but the reason named is the earlier one's;
/// other reasons are mentioned, not listed. Built by appending: `format!` calls here cost
/// about 1 KB of brotli wasm.
fn partly_used(ds: &Dataset, left_out: &[LeftOut<'_>], kept: usize) -> String {
    let is_cause = |item: &&LeftOut<'_>| !matches!(item, LeftOut::DoesNotFit { .. });
    let Some(first) = left_out.iter().find(is_cause).or(left_out.first()) else {
        return String::new();
    };
    let mut text = match left_out.len() {
        1 => "One answer".to_owned(),
        many => count(many, "answer", "answers"),
    };
    text.push_str(" in this link could not be used because ");
    first.reason(ds, &mut text);
    if left_out.iter().filter(is_cause).count() > 1 {
        text.push_str(", among other reasons");
    }
    match kept {
        0 => text.push_str(". You are starting from the first question."),
        1 => text.push_str(". Your other answer is kept."),
        _ => {
            text.push_str(". Your other ");
            text.push_str(&count(kept, "answer", "answers"));
            text.push_str(" are kept.");
        }
    }
    text
}
