//! The share link: the answers in a short, readable URL fragment.
//!
//! The format is `<dataset id>@<version>:<question>=<answer>,<question>=<answer>…`, e.g.
//! `node-vs-python@1:what=realtime,team=js,scale=high`, with the answers in path order.
//! Ids use only `a-z`, `0-9` and `-`, so the fragment needs no escaping; a link with no
//! answers yet is `node-vs-python@1:`.

use std::fmt;

use super::answers::Answers;
use super::model::Dataset;

/// The longest fragment `decode` reads.
pub const MAX_FRAGMENT_CHARS: usize = 2048;

/// Why a fragment could not be read, or one of its answers could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    TooLong {
        length: usize,
        limit: usize,
    },
    /// Not in the format; `position` is the 1-based character (after any `#`).
    Malformed {
        position: usize,
        problem: String,
    },
    OtherDataset {
        found: String,
        expected: String,
    },
    OtherVersion {
        found: u32,
        expected: u32,
    },
    UnknownQuestion {
        question_id: String,
    },
    UnknownAnswer {
        question_id: String,
        answer_id: String,
    },
    RepeatedQuestion {
        question_id: String,
    },
}

impl ShareError {
    /// Whether nothing in the link can be used: start fresh. The other errors concern one
    /// answer; `decode_lenient` keeps the rest.
    pub fn is_fatal(&self) -> bool {
        match self {
            ShareError::Empty
            | ShareError::TooLong { .. }
            | ShareError::Malformed { .. }
            | ShareError::OtherDataset { .. }
            | ShareError::OtherVersion { .. } => true,
            ShareError::UnknownQuestion { .. }
            | ShareError::UnknownAnswer { .. }
            | ShareError::RepeatedQuestion { .. } => false,
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the link holds no answers"),
            ShareError::TooLong { length, limit } => write!(
                f,
                "the link's answer part is {length} characters long; the limit is {limit}"
            ),
            ShareError::Malformed { position, problem } => {
                write!(f, "the link is not in the expected form at character {position}: {problem}")
            }
            ShareError::OtherDataset { found, expected } => write!(
                f,
                "the link is for another comparison (\"{found}\"), not for \"{expected}\""
            ),
            ShareError::OtherVersion { found, expected } => write!(
                f,
                "the link was made for version {found} of this comparison; this is version {expected}"
            ),
            ShareError::UnknownQuestion { question_id } => write!(
                f,
                "the link answers a question that no longer exists: \"{question_id}\""
            ),
            ShareError::UnknownAnswer {
                question_id,
                answer_id,
            } => write!(
                f,
                "the link gives question \"{question_id}\" an answer that no longer exists: \"{answer_id}\""
            ),
            ShareError::RepeatedQuestion { question_id } => {
                write!(f, "the link answers question \"{question_id}\" more than once")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// What `decode_lenient` could use, and the answers it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The pairs naming a known question and one of its answers, in link order.
    pub answers: Answers,
    /// Only `UnknownQuestion`, `UnknownAnswer` and `RepeatedQuestion`.
    pub problems: Vec<ShareError>,
}

/// The fragment (without `#`) for `answered` pairs.
pub fn encode(ds: &Dataset, answered: &Answers) -> String {
    let answers: Vec<String> = answered
        .iter()
        .map(|(question_id, answer_id)| format!("{question_id}={answer_id}"))
        .collect();
    format!("{}@{}:{}", ds.id, ds.version, answers.join(","))
}

/// Reads a fragment (with or without `#`); any problem, even with one answer, is an error.
pub fn decode(ds: &Dataset, fragment: &str) -> Result<Answers, ShareError> {
    let decoded = decode_lenient(ds, fragment)?;
    match decoded.problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(decoded.answers),
    }
}

/// Reads a fragment (with or without `#`), keeping the answers that name a known question
/// and answer. Errors only when nothing can be used (see `ShareError::is_fatal`).
pub fn decode_lenient(ds: &Dataset, fragment: &str) -> Result<Decoded, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    // Counting characters only when the bytes exceed the limit keeps short links cheap.
    if fragment.len() > MAX_FRAGMENT_CHARS {
        let length = fragment.chars().count();
        if length > MAX_FRAGMENT_CHARS {
            return Err(ShareError::TooLong {
                length,
                limit: MAX_FRAGMENT_CHARS,
            });
        }
    }
    let text = percent_decode(fragment)?;
    if let Some((position, character)) = text
        .chars()
        .enumerate()
        .find(|&(_, character)| !is_allowed(character))
    {
        return Err(malformed(
            position,
            match character.is_control() || character.is_whitespace() {
                // An invisible character is named by its code point.
                true => format!(
                    "U+{:04X} is not allowed; a link uses only a-z, 0-9 and - @ : , = .",
                    u32::from(character)
                ),
                false => format!(
                    "\"{character}\" is not allowed; a link uses only a-z, 0-9 and - @ : , = ."
                ),
            },
        ));
    }
    // From here on the text is ASCII, so byte offsets are character offsets. No `str` is
    // sliced by index in the widget (the `clippy::string_slice` lint): the boundary
    // check's panic message alone formats chars and ranges (README.md, "Size").
    let Some((head, answers)) = text.split_once(':') else {
        return Err(malformed(
            text.len(),
            format!(
                "expected \":\" after the comparison and its version, as in \"{}@{}:\"",
                ds.id, ds.version
            ),
        ));
    };
    let colon = head.len();
    let Some((dataset_id, version)) = head.split_once('@') else {
        return Err(malformed(
            colon,
            format!(
                "expected \"@\" and a version, as in \"{}@{}:\"",
                ds.id, ds.version
            ),
        ));
    };
    let at = dataset_id.len();
    if !is_id(dataset_id) {
        return Err(malformed(
            0,
            "expected the comparison's id first".to_string(),
        ));
    }
    let version = match version.parse::<u32>() {
        Ok(version) => version,
        Err(_) => {
            return Err(malformed(
                at + 1,
                format!("expected a version number after \"@\", found \"{version}\""),
            ))
        }
    };
    if dataset_id != ds.id {
        return Err(ShareError::OtherDataset {
            found: dataset_id.to_string(),
            expected: ds.id.clone(),
        });
    }
    if version != ds.version {
        return Err(ShareError::OtherVersion {
            found: version,
            expected: ds.version,
        });
    }
    let mut decoded = Decoded {
        answers: Answers::new(),
        problems: Vec::new(),
    };
    if answers.is_empty() {
        return Ok(decoded);
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut offset = colon + 1;
    for item in answers.split(',') {
        let (question_id, answer_id) = parse_answer(item, offset)?;
        offset += item.len() + 1;
        if seen.contains(&question_id) {
            decoded.problems.push(ShareError::RepeatedQuestion {
                question_id: question_id.to_string(),
            });
            continue;
        }
        seen.push(question_id);
        let Some(question) = ds.question(question_id) else {
            decoded.problems.push(ShareError::UnknownQuestion {
                question_id: question_id.to_string(),
            });
            continue;
        };
        if question.answer(answer_id).is_none() {
            decoded.problems.push(ShareError::UnknownAnswer {
                question_id: question_id.to_string(),
                answer_id: answer_id.to_string(),
            });
            continue;
        }
        decoded
            .answers
            .push(question_id.to_string(), answer_id.to_string());
    }
    Ok(decoded)
}

/// Splits one `question=answer` item that starts at byte `offset` of the fragment.
fn parse_answer(item: &str, offset: usize) -> Result<(&str, &str), ShareError> {
    if item.is_empty() {
        return Err(malformed(
            offset,
            "expected an answer between commas".to_string(),
        ));
    }
    let Some((question_id, answer_id)) = item.split_once('=') else {
        return Err(malformed(
            offset,
            format!("expected \"question=answer\", found \"{item}\""),
        ));
    };
    if !is_id(question_id) {
        return Err(malformed(
            offset,
            format!("expected a question id before \"=\", found \"{question_id}\""),
        ));
    }
    if !is_id(answer_id) {
        return Err(malformed(
            offset + question_id.len() + 1,
            format!("expected an answer id after \"=\", found \"{answer_id}\""),
        ));
    }
    Ok((question_id, answer_id))
}

/// The error at the 0-based character `index`, reported 1-based.
fn malformed(index: usize, problem: String) -> ShareError {
    ShareError::Malformed {
        position: index + 1,
        problem,
    }
}

fn is_allowed(character: char) -> bool {
    matches!(character, 'a'..='z' | '0'..='9' | '-' | '@' | ':' | ',' | '=' | '.')
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|character| matches!(character, 'a'..='z' | '0'..='9' | '-'))
}

/// Undoes percent-encoding (`%40` for `@`), which some pages apply to fragments.
fn percent_decode(fragment: &str) -> Result<String, ShareError> {
    if !fragment.contains('%') {
        return Ok(fragment.to_string());
    }
    let bytes = fragment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] != b'%' {
            decoded.push(bytes[index]);
            index += 1;
            continue;
        }
        let digits = match bytes.get(index + 1..index + 3) {
            Some(&[high, low]) if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                std::str::from_utf8(&[high, low])
                    .ok()
                    .and_then(|digits| u8::from_str_radix(digits, 16).ok())
            }
            _ => None,
        };
        let Some(byte) = digits else {
            let position = fragment.get(..index).unwrap_or_default().chars().count();
            return Err(malformed(
                position,
                "\"%\" must be followed by two hexadecimal digits".to_string(),
            ));
        };
        decoded.push(byte);
        index += 3;
    }
    match String::from_utf8(decoded) {
        Ok(text) => Ok(text),
        Err(_) => Err(malformed(
            0,
            "the escaped characters are not valid text".to_string(),
        )),
    }
}
