//! The reader's answers: (question id, answer id) pairs in the order they were given.
//!
//! A newtype over a `Vec`, so signatures say "answers" rather than a bag of tuples; every
//! method is a thin wrapper (no generic code of its own, so it costs no wasm).

/// (question id, answer id) pairs, in path (or link) order. Nothing here checks them
/// against a dataset: the functions that take `&Answers` say what they do with unknown ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Answers(Vec<(String, String)>);

impl Answers {
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    /// Adds the answer `answer_id` to `question_id` at the end.
    pub fn push(&mut self, question_id: String, answer_id: String) {
        self.0.push((question_id, answer_id));
    }

    /// Takes the last answer off (for walking the tree depth first).
    pub fn pop(&mut self) -> Option<(String, String)> {
        self.0.pop()
    }

    /// The answer given to `question_id` (the first, if the pairs name it twice).
    pub fn get(&self, question_id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(question, _)| question == question_id)
            .map(|(_, answer)| answer.as_str())
    }

    /// The (question id, answer id) pairs in order.
    pub fn iter(&self) -> std::slice::Iter<'_, (String, String)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[(String, String)] {
        &self.0
    }
}

impl From<Vec<(String, String)>> for Answers {
    fn from(pairs: Vec<(String, String)>) -> Answers {
        Answers(pairs)
    }
}

impl FromIterator<(String, String)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Answers {
        Answers(pairs.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = &'a (String, String);
    type IntoIter = std::slice::Iter<'a, (String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for Answers {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
