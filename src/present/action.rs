//! The reader's actions as one type, and how they travel through markup.
//!
//! Markup carries an action as attributes: `data-action` names it, `data-question`,
//! `data-answer` and `data-tab` carry what it needs. `Element::action`
//! writes them (through `Action::encode`, the one encoder), `Action::decode` reads
//! them back (the view's one decoder, `ui::markup_dom::read_action`, hands it an element's
//! attributes), and the view dispatches the result with one `match`
//! (`ui::actions::run`). A name or value the decoder does not know is an `ActionError`,
//! never a silent no-op.
//!
//! A button (or a `role="button"` element) with an action is activated by a click, Enter
//! or Space; a form with an action by its submission. The question's form is the one
//! form: its answer is its checked radio (`value`), read by the decoder as `data-answer`,
//! so the radios keep their own native state.

use crate::present::tabs::Tab;
use std::fmt;

pub const ACTION: &str = "data-action";
pub const QUESTION: &str = "data-question";
pub const ANSWER: &str = "data-answer";
pub const TAB: &str = "data-tab";

/// One of the two embed snippets on the standalone page's "Embed this" panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snippet {
    /// The module script and the `<backend-chooser>` element.
    Script,
    /// The iframe and its optional resizing script.
    Frame,
}

impl Snippet {
    pub const ALL: [Snippet; 2] = [Snippet::Script, Snippet::Frame];
}

/// Everything a reader can do inside the widget's markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Next (the question's form submitted): answer `question` with the checked answer;
    /// `None` when no answer is checked yet.
    Next {
        question: String,
        answer: Option<String>,
    },
    /// Back to the question before.
    Back,
    /// Back to an answered question, to change the answer.
    GoTo {
        question: String,
    },
    /// Apply a "what would change this" item: this answer to this question.
    Apply {
        question: String,
        answer: String,
    },
    /// Start over.
    Restart,
    /// Open a tab.
    Tab(Tab),
    /// Copy the share link.
    CopyLink,
    /// Copy the decision record as Markdown.
    CopyMarkdown,
    Print,
    /// Dismiss the notice about the link the widget was opened with.
    Dismiss,
    /// Copy one of the embed snippets.
    CopySnippet(Snippet),
}

/// Why an element's attributes are not an action: an attribute the action needs is missing
/// (`value` is `None`: no `data-action`, or a `go-to` without its `data-question`), or its
/// value is not one the protocol knows (an action's name, a tab).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionError {
    pub attribute: &'static str,
    pub value: Option<String>,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            None => write!(f, "no {}", self.attribute),
            Some(value) => write!(f, "unknown {}=\"{value}\"", self.attribute),
        }
    }
}

impl Action {
    /// The value of `data-action`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Next { .. } => "next",
            Action::Back => "back",
            Action::GoTo { .. } => "go-to",
            Action::Apply { .. } => "apply",
            Action::Restart => "restart",
            Action::Tab(_) => "tab",
            Action::CopyLink => "copy-link",
            Action::CopyMarkdown => "copy-markdown",
            Action::Print => "print",
            Action::Dismiss => "dismiss",
            Action::CopySnippet(Snippet::Script) => "copy-script",
            Action::CopySnippet(Snippet::Frame) => "copy-iframe",
        }
    }

    /// Appends the attributes that carry this action in markup to `attributes`,
    /// `data-action` first.
    pub fn encode(self, attributes: &mut Vec<(&'static str, String)>) {
        attributes.push((ACTION, self.name().to_owned()));
        match self {
            Action::Next { question, answer } => {
                attributes.push((QUESTION, question));
                if let Some(answer) = answer {
                    attributes.push((ANSWER, answer));
                }
            }
            Action::GoTo { question } => attributes.push((QUESTION, question)),
            Action::Apply { question, answer } => {
                attributes.push((QUESTION, question));
                attributes.push((ANSWER, answer));
            }
            Action::Tab(tab) => attributes.push((TAB, tab.key().to_owned())),
            Action::Back
            | Action::Restart
            | Action::CopyLink
            | Action::CopyMarkdown
            | Action::Print
            | Action::Dismiss
            | Action::CopySnippet(_) => {}
        }
    }

    /// Reads an action back from an element's attributes (`attribute` returns the value of
    /// the attribute it is given, if the element has it).
    pub fn decode(
        attribute: impl Fn(&'static str) -> Option<String>,
    ) -> Result<Action, ActionError> {
        let required = |key: &'static str| {
            attribute(key).ok_or(ActionError {
                attribute: key,
                value: None,
            })
        };
        let unknown = |attribute: &'static str, value: String| ActionError {
            attribute,
            value: Some(value),
        };
        let name = required(ACTION)?;
        Ok(match name.as_str() {
            "next" => Action::Next {
                question: required(QUESTION)?,
                answer: attribute(ANSWER),
            },
            "back" => Action::Back,
            "go-to" => Action::GoTo {
                question: required(QUESTION)?,
            },
            "apply" => Action::Apply {
                question: required(QUESTION)?,
                answer: required(ANSWER)?,
            },
            "restart" => Action::Restart,
            "tab" => {
                let key = required(TAB)?;
                Action::Tab(Tab::from_key(&key).ok_or_else(|| unknown(TAB, key))?)
            }
            "copy-link" => Action::CopyLink,
            "copy-markdown" => Action::CopyMarkdown,
            "print" => Action::Print,
            "dismiss" => Action::Dismiss,
            "copy-script" => Action::CopySnippet(Snippet::Script),
            "copy-iframe" => Action::CopySnippet(Snippet::Frame),
            _ => return Err(unknown(ACTION, name)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::markup::el;

    /// The action after `action` in a list of every kind of action (every tab, every
    /// snippet, a next with and without an answer). The `match` has no catch-all: a new
    /// variant does not compile until it joins the list.
    fn after(action: Option<&Action>) -> Option<Action> {
        // Ids as odd as a dataset may make them: quotes, markup, spaces, non-ASCII.
        let question = || "what \"kind\" <b>of</b> app".to_owned();
        let answer = || "réal-time & co".to_owned();
        Some(match action {
            None => Action::Next {
                question: question(),
                answer: None,
            },
            Some(Action::Next { answer: None, .. }) => Action::Next {
                question: question(),
                answer: Some(answer()),
            },
            Some(Action::Next {
                answer: Some(_), ..
            }) => Action::Back,
            Some(Action::Back) => Action::GoTo {
                question: question(),
            },
            Some(Action::GoTo { .. }) => Action::Apply {
                question: question(),
                answer: answer(),
            },
            Some(Action::Apply { .. }) => Action::Restart,
            Some(Action::Restart) => Action::Tab(Tab::ALL[0]),
            Some(Action::Tab(tab)) => {
                match Tab::ALL.iter().position(|each| each == tab).map(|i| i + 1) {
                    Some(next) if next < Tab::ALL.len() => Action::Tab(Tab::ALL[next]),
                    _ => Action::CopyLink,
                }
            }
            Some(Action::CopyLink) => Action::CopyMarkdown,
            Some(Action::CopyMarkdown) => Action::Print,
            Some(Action::Print) => Action::Dismiss,
            Some(Action::Dismiss) => Action::CopySnippet(Snippet::ALL[0]),
            Some(Action::CopySnippet(snippet)) => {
                match Snippet::ALL
                    .iter()
                    .position(|each| each == snippet)
                    .map(|i| i + 1)
                {
                    Some(next) if next < Snippet::ALL.len() => {
                        Action::CopySnippet(Snippet::ALL[next])
                    }
                    _ => return None,
                }
            }
        })
    }

    fn every_action() -> Vec<Action> {
        std::iter::successors(after(None), |action| after(Some(action))).collect()
    }

    fn decode_element(element: &crate::present::markup::Element) -> Result<Action, ActionError> {
        Action::decode(|name| element.attribute(name).map(str::to_owned))
    }

    #[test]
    fn every_action_survives_the_trip_through_markup() {
        let all = every_action();
        let tabs = all.iter().filter(|action| matches!(action, Action::Tab(_)));
        assert_eq!(tabs.count(), Tab::ALL.len());
        let snippets = all
            .iter()
            .filter(|action| matches!(action, Action::CopySnippet(_)));
        assert_eq!(snippets.count(), Snippet::ALL.len());
        for action in all {
            let element = el("button").action(action.clone());
            assert_eq!(element.attribute(ACTION), Some(action.name()));
            assert_eq!(decode_element(&element), Ok(action));
        }
    }

    #[test]
    fn names_are_distinct() {
        let all = every_action();
        for (index, action) in all.iter().enumerate() {
            for other in &all[index + 1..] {
                if std::mem::discriminant(action) != std::mem::discriminant(other) {
                    assert_ne!(action.name(), other.name());
                }
            }
        }
    }

    #[test]
    fn what_is_not_an_action_says_why() {
        let decode = |attributes: &[(&'static str, &str)]| {
            Action::decode(|name| {
                attributes
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            })
        };
        let error = |attribute, value: Option<&str>| {
            Err(ActionError {
                attribute,
                value: value.map(str::to_owned),
            })
        };
        assert_eq!(decode(&[(QUESTION, "what")]), error(ACTION, None));
        assert_eq!(
            decode(&[(ACTION, "go_to"), (QUESTION, "what")]),
            error(ACTION, Some("go_to"))
        );
        assert_eq!(
            decode(&[(ACTION, "apply"), (QUESTION, "what")]),
            error(ANSWER, None)
        );
        assert_eq!(
            decode(&[(ACTION, "tab"), (TAB, "settings")]),
            error(TAB, Some("settings"))
        );
        assert_eq!(decode(&[(ACTION, "0")]), error(ACTION, Some("0")));
        let messages = [
            decode(&[(ACTION, "go-to")]),
            decode(&[(ACTION, "tab"), (TAB, "x")]),
        ]
        .map(|result| result.unwrap_err().to_string());
        assert_eq!(messages, ["no data-question", "unknown data-tab=\"x\""]);
    }
}
