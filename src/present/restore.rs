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
    fn reason(self, ds: &Dataset) -> String {
        let (before, question_id, after) = match self {
            LeftOut::QuestionGone => {
                return "it answers a question that is no longer asked".to_owned()
            }
            LeftOut::AnswerGone { question_id } => (
                "its answer to",
                question_id,
                "is no longer one of the choices",
            ),
            LeftOut::Twice { question_id } => {
                ("it answers", question_id, "twice (the first answer counts)")
            }
            LeftOut::DoesNotFit { question_id } => (
                "its answer to",
                question_id,
                "does not fit the answers before it",
            ),
        };
        format!("{before} “{}” {after}", question_prompt(ds, question_id))
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
/// one was (they no longer fit) are counted, but the reason named is the earlier one's.
fn partly_used(ds: &Dataset, left_out: &[LeftOut<'_>], kept: usize) -> String {
    let causes: Vec<LeftOut<'_>> = match left_out
        .iter()
        .any(|item| !matches!(item, LeftOut::DoesNotFit { .. }))
    {
        true => left_out
            .iter()
            .copied()
            .filter(|item| !matches!(item, LeftOut::DoesNotFit { .. }))
            .collect(),
        false => left_out.to_vec(),
    };
    let mut reasons: Vec<String> = Vec::new();
    for cause in &causes {
        let reason = cause.reason(ds);
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    let because = match reasons.as_slice() {
        [one] => one.clone(),
        [first, second] => format!("{first}, and {second}"),
        [first, second, rest @ ..] => format!(
            "{first}, {second}, and for {}",
            count(rest.len(), "other reason", "other reasons")
        ),
        [] => String::new(),
    };
    let lost = match left_out.len() {
        1 => "One answer in this link".to_owned(),
        many => format!("{many} answers in this link"),
    };
    let rest = match kept {
        0 => "You are starting from the first question.".to_owned(),
        1 => "Your other answer is kept.".to_owned(),
        _ => format!("Your other {} are kept.", count(kept, "answer", "answers")),
    };
    format!("{lost} could not be used because {because}. {rest}")
}
