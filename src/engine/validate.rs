//! Loading a dataset: JSON in, a checked `Dataset` or every problem found out.
//!
//! Each problem names its place as a path into the document, e.g.
//! `questions[3].answers[1].next: unknown question "db-kind"`. Loading never panics, and
//! refuses oversized input before parsing it.

use std::fmt;
use std::ops::RangeInclusive;

use super::json;
use super::model::{Dataset, Leads, Question, NEUTRAL, RESULT};
use super::paths::{Next, Tree};
use super::read_json;
use super::score::answer_points;
use super::small_map::SmallMap;

/// The largest input `load` parses.
pub const MAX_INPUT_BYTES: usize = 512 * 1024;
pub const MAX_QUESTIONS: usize = 200;
pub const MAX_ANSWERS_PER_QUESTION: usize = 12;
pub const MAX_CRITERIA: usize = 64;
pub const MAX_TEXT_CHARS: usize = 600;
pub const MAX_ID_CHARS: usize = 32;
/// The most complete paths a tree may have: every one is checked, and the "what would
/// change the answer" search walks them.
pub const MAX_PATHS: u64 = 100_000;
/// The range of points an answer may give a side or a framework.
pub const WEIGHTS: RangeInclusive<i32> = -5..=5;
/// How many paths ending without a result are named one by one.
const MAX_PATHS_NAMED: usize = 5;

/// One thing wrong with a dataset, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A path into the document, e.g. `questions[3].answers[1].next`.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Why a dataset could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Refused before parsing.
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON: the message and where (`json::JsonError`, serde_json's conventions).
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Parsed, but wrong in these places.
    Invalid { problems: Vec<Problem> },
}

impl LoadError {
    /// Every problem, each with its place.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::TooLarge { bytes, limit } => vec![Problem {
                at: "input".to_string(),
                message: format!(
                    "the dataset is {bytes} bytes; the limit is {limit} bytes ({} KiB)",
                    limit / 1024
                ),
            }],
            LoadError::Json {
                line,
                column,
                message,
            } => vec![Problem {
                at: format!("line {line}, column {column}"),
                message: message.clone(),
            }],
            LoadError::Invalid { problems } => problems.clone(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (number, problem) in self.problems().iter().enumerate() {
            if number > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Parses and checks a dataset: the way in for any dataset from outside.
pub fn load(json: &str) -> Result<Dataset, LoadError> {
    let dataset = parse(without_bom(json))?;
    let problems = check(&dataset);
    if !problems.is_empty() {
        return Err(LoadError::Invalid { problems });
    }
    Ok(dataset)
}

/// `text` without a UTF-8 byte order mark at its start: some editors save one, it is not
/// part of the JSON, and a browser's `fetch` drops it too (so `src`, the checker and
/// `check-dataset` read the same file the same way). `load` and `LoadError::locate` use it.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses a dataset and reads it into the model (size limit, JSON syntax, shape, types)
/// without `check`'s cross-checks. Only for the dataset compiled into the widget, which
/// `build.rs` has loaded with `load` (a build fails on any problem); everything else goes
/// through `load`. Other engine modules assume a checked dataset.
pub fn parse(json: &str) -> Result<Dataset, LoadError> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            bytes: json.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let value = json::parse(json).map_err(|error| LoadError::Json {
        line: error.line,
        column: error.column,
        message: error.message.to_owned(),
    })?;
    read_json::dataset(&value).map_err(|problems| LoadError::Invalid { problems })
}

/// Every problem with a parsed dataset, in document order, then the tree's shape.
pub fn check(ds: &Dataset) -> Vec<Problem> {
    let mut checker = Checker::new(ds);
    checker.top_level();
    checker.sides();
    checker.tie_lists();
    checker.criteria();
    checker.frameworks();
    checker.questions();
    checker.tree();
    checker.problems
}

struct Checker<'a> {
    ds: &'a Dataset,
    problems: Vec<Problem>,
    /// The first index of each id.
    sides: SmallMap<&'a str, usize>,
    criteria: SmallMap<&'a str, usize>,
    frameworks: SmallMap<&'a str, usize>,
    questions: SmallMap<&'a str, usize>,
}

impl<'a> Checker<'a> {
    fn new(ds: &'a Dataset) -> Checker<'a> {
        fn first_indices<'a>(ids: impl Iterator<Item = &'a str>) -> SmallMap<&'a str, usize> {
            let mut first = SmallMap::new();
            for (index, id) in ids.enumerate() {
                first.get_or_insert(id, index);
            }
            first
        }
        Checker {
            ds,
            problems: Vec::new(),
            sides: first_indices(ds.sides.iter().map(|side| side.id.as_str())),
            criteria: first_indices(ds.criteria.iter().map(|criterion| criterion.id.as_str())),
            frameworks: first_indices(ds.frameworks.iter().map(|framework| framework.id.as_str())),
            questions: first_indices(ds.questions.iter().map(|question| question.id.as_str())),
        }
    }

    fn report(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, at: &str, id: &str) {
        let length = id.chars().count();
        if id.is_empty() {
            self.report(at, "must not be empty");
        } else if length > MAX_ID_CHARS {
            self.report(
                at,
                format!("\"{id}\" is {length} characters long; the limit is {MAX_ID_CHARS}"),
            );
        } else if !id
            .chars()
            .all(|character| matches!(character, 'a'..='z' | '0'..='9' | '-'))
        {
            self.report(at, format!("\"{id}\" may use only a-z, 0-9 and \"-\""));
        }
    }

    fn text(&mut self, at: &str, text: &str) {
        let length = text.chars().count();
        if text.trim().is_empty() {
            self.report(at, "must not be empty");
        } else if length > MAX_TEXT_CHARS {
            self.report(
                at,
                format!("is {length} characters long; the limit is {MAX_TEXT_CHARS}"),
            );
        }
    }

    fn weight(&mut self, at: &str, weight: i32) {
        if !WEIGHTS.contains(&weight) {
            self.report(
                at,
                format!(
                    "{weight} is outside {}..={}",
                    WEIGHTS.start(),
                    WEIGHTS.end()
                ),
            );
        }
    }

    /// Reports the item at `index` when an earlier item of `list` has the same id.
    fn unique(&mut self, at: &str, first: Option<usize>, index: usize, list: &str, id: &str) {
        match first {
            Some(first) if first != index => self.report(
                at,
                format!("duplicate id \"{id}\": {list}[{first}] has it too"),
            ),
            _ => {}
        }
    }

    fn side_reference(&mut self, at: &str, side_id: &str) {
        if !self.sides.contains_key(side_id) {
            self.report(at, format!("unknown side \"{side_id}\""));
        }
    }

    fn question_reference(&mut self, at: &str, question_id: &str) {
        if !self.questions.contains_key(question_id) {
            self.report(at, format!("unknown question \"{question_id}\""));
        }
    }

    fn is_combined(&self, side_id: &str) -> bool {
        match self.sides.get(side_id) {
            Some(&index) => !self.ds.sides[index].parts.is_empty(),
            None => false,
        }
    }

    fn top_level(&mut self) {
        let ds = self.ds;
        self.id("id", &ds.id);
        self.text("title", &ds.title);
        self.text("intro", &ds.intro);
    }

    fn sides(&mut self) {
        let ds = self.ds;
        if ds.sides.len() < 2 {
            self.report(
                "sides",
                format!(
                    "a comparison needs at least two sides; found {}",
                    ds.sides.len()
                ),
            );
        }
        for (index, side) in ds.sides.iter().enumerate() {
            let at = format!("sides[{index}]");
            self.id(&format!("{at}.id"), &side.id);
            let first = self.sides.get(side.id.as_str()).copied();
            self.unique(&format!("{at}.id"), first, index, "sides", &side.id);
            if side.id == NEUTRAL {
                self.report(
                    format!("{at}.id"),
                    "\"neutral\" is reserved: a criterion that favours no side says it",
                );
            }
            self.text(&format!("{at}.label"), &side.label);
            self.text(&format!("{at}.summary"), &side.summary);
            for (part_index, part) in side.parts.iter().enumerate() {
                let part_at = format!("{at}.parts[{part_index}]");
                if part.side == side.id {
                    self.report(
                        format!("{part_at}.side"),
                        "a side cannot be a part of itself",
                    );
                } else if self.is_combined(&part.side) {
                    self.report(
                        format!("{part_at}.side"),
                        format!(
                            "side \"{}\" combines others itself; a part must be a plain side",
                            part.side
                        ),
                    );
                } else {
                    self.side_reference(&format!("{part_at}.side"), &part.side);
                }
                self.text(&format!("{part_at}.role"), &part.role);
                self.text(&format!("{part_at}.why"), &part.why);
            }
        }
    }

    fn tie_lists(&mut self) {
        let ds = self.ds;
        let mut listed = SmallMap::new();
        for (index, side_id) in ds.tie_order.iter().enumerate() {
            let at = format!("tie_order[{index}]");
            self.side_reference(&at, side_id);
            if listed.insert(side_id.as_str(), ()).is_some() {
                self.report(at, format!("side \"{side_id}\" is listed twice"));
            }
        }
        let mut listed = SmallMap::new();
        for (index, question_id) in ds.tie_break.iter().enumerate() {
            let at = format!("tie_break[{index}]");
            self.question_reference(&at, question_id);
            if listed.insert(question_id.as_str(), ()).is_some() {
                self.report(at, format!("question \"{question_id}\" is listed twice"));
            }
        }
    }

    fn criteria(&mut self) {
        let ds = self.ds;
        if ds.criteria.len() > MAX_CRITERIA {
            self.report(
                "criteria",
                format!(
                    "{} criteria; the limit is {MAX_CRITERIA}",
                    ds.criteria.len()
                ),
            );
        }
        for (index, criterion) in ds.criteria.iter().enumerate() {
            let at = format!("criteria[{index}]");
            self.id(&format!("{at}.id"), &criterion.id);
            let first = self.criteria.get(criterion.id.as_str()).copied();
            self.unique(&format!("{at}.id"), first, index, "criteria", &criterion.id);
            self.text(&format!("{at}.category"), &criterion.category);
            self.text(&format!("{at}.title"), &criterion.title);
            for (side_id, says) in &criterion.says {
                self.side_reference(&format!("{at}.says"), side_id);
                self.text(&format!("{at}.says.{side_id}"), says);
            }
            if let Some(side) = criterion.favours.side() {
                if !self.sides.contains_key(side) {
                    self.report(
                        format!("{at}.favours"),
                        format!("unknown side \"{side}\" (use a side id or \"{NEUTRAL}\")"),
                    );
                }
            }
            self.text(&format!("{at}.when"), &criterion.when);
            for (source_index, source) in criterion.sources.iter().enumerate() {
                let source_at = format!("{at}.sources[{source_index}]");
                self.text(&format!("{source_at}.title"), &source.title);
                if let Some(url) = &source.url {
                    self.text(&format!("{source_at}.url"), url);
                }
            }
        }
    }

    fn frameworks(&mut self) {
        let ds = self.ds;
        for (index, framework) in ds.frameworks.iter().enumerate() {
            let at = format!("frameworks[{index}]");
            self.id(&format!("{at}.id"), &framework.id);
            let first = self.frameworks.get(framework.id.as_str()).copied();
            self.unique(
                &format!("{at}.id"),
                first,
                index,
                "frameworks",
                &framework.id,
            );
            if self.is_combined(&framework.side) {
                self.report(
                    format!("{at}.side"),
                    format!(
                        "side \"{}\" combines others; a framework belongs to one plain side",
                        framework.side
                    ),
                );
            } else {
                self.side_reference(&format!("{at}.side"), &framework.side);
            }
            self.text(&format!("{at}.name"), &framework.name);
            self.text(&format!("{at}.summary"), &framework.summary);
        }
    }

    fn questions(&mut self) {
        let ds = self.ds;
        if ds.start == RESULT {
            self.report("start", "must name a question, not \"result\"");
        } else {
            self.question_reference("start", &ds.start);
        }
        if ds.questions.len() > MAX_QUESTIONS {
            self.report(
                "questions",
                format!(
                    "{} questions; the limit is {MAX_QUESTIONS}",
                    ds.questions.len()
                ),
            );
        }
        for (index, question) in ds.questions.iter().enumerate() {
            self.question(index, question);
        }
    }

    fn question(&mut self, index: usize, question: &Question) {
        let at = format!("questions[{index}]");
        self.id(&format!("{at}.id"), &question.id);
        let first = self.questions.get(question.id.as_str()).copied();
        self.unique(&format!("{at}.id"), first, index, "questions", &question.id);
        if question.id == RESULT {
            self.report(
                format!("{at}.id"),
                "\"result\" is reserved: a next of \"result\" ends the path",
            );
        }
        self.text(&format!("{at}.prompt"), &question.prompt);
        self.text(&format!("{at}.help"), &question.help);
        if let Some(next) = &question.next {
            self.next(&format!("{at}.next"), next);
        }
        if question.answers.is_empty() {
            self.report(
                format!("{at}.answers"),
                "no answers, so the path stops here",
            );
        }
        if question.answers.len() > MAX_ANSWERS_PER_QUESTION {
            self.report(
                format!("{at}.answers"),
                format!(
                    "{} answers; the limit is {MAX_ANSWERS_PER_QUESTION}",
                    question.answers.len()
                ),
            );
        }
        let mut answer_ids: SmallMap<&str, usize> = SmallMap::new();
        for (answer_index, answer) in question.answers.iter().enumerate() {
            let answer_at = format!("{at}.answers[{answer_index}]");
            self.id(&format!("{answer_at}.id"), &answer.id);
            let first = *answer_ids.get_or_insert(answer.id.as_str(), answer_index);
            self.unique(
                &format!("{answer_at}.id"),
                Some(first),
                answer_index,
                &format!("{at}.answers"),
                &answer.id,
            );
            self.text(&format!("{answer_at}.label"), &answer.label);
            self.text(&format!("{answer_at}.help"), &answer.help);
            match &answer.next {
                Some(next) => self.next(&format!("{answer_at}.next"), next),
                None if question.next.is_none() => self.report(
                    format!("{answer_at}.next"),
                    "missing, and the question has no next either, so the path stops here",
                ),
                None => {}
            }
            for (effect_index, effect) in answer.effects.iter().enumerate() {
                let effect_at = format!("{answer_at}.effects[{effect_index}]");
                if !self.criteria.contains_key(effect.criterion.as_str()) {
                    self.report(
                        format!("{effect_at}.criterion"),
                        format!("unknown criterion \"{}\"", effect.criterion),
                    );
                }
                for (side_id, &points) in &effect.scores {
                    self.side_reference(&format!("{effect_at}.scores"), side_id);
                    self.weight(&format!("{effect_at}.scores.{side_id}"), points);
                }
                self.text(&format!("{effect_at}.because"), &effect.because);
            }
            for (framework_id, &points) in &answer.frameworks {
                if !self.frameworks.contains_key(framework_id.as_str()) {
                    self.report(
                        format!("{answer_at}.frameworks"),
                        format!("unknown framework \"{framework_id}\""),
                    );
                }
                self.weight(&format!("{answer_at}.frameworks.{framework_id}"), points);
            }
            for (skill_index, side_id) in answer.skills.iter().enumerate() {
                self.side_reference(&format!("{answer_at}.skills[{skill_index}]"), side_id);
            }
            if let Some(recap) = &answer.recap {
                self.text(&format!("{answer_at}.recap"), recap);
            }
        }
    }

    fn next(&mut self, at: &str, next: &Leads) {
        if let Leads::Question(id) = next {
            self.question_reference(at, id);
        }
    }

    /// Cycles, unreachable questions, and paths that end without a result. Skipped for a
    /// tree over the question limit: it is already refused, and the walks stay small.
    fn tree(&mut self) {
        let ds = self.ds;
        if ds.questions.len() > MAX_QUESTIONS {
            return;
        }
        let tree = Tree::new(ds);
        let has_cycle = self.cycles(&tree);
        let Some(start) = tree.start else {
            return;
        };
        self.unreachable(&tree, start);
        let sound = tree
            .next
            .iter()
            .all(|answers| !answers.is_empty() && !answers.contains(&Next::Nowhere));
        if has_cycle || !sound {
            return;
        }
        self.paths(&tree, start);
    }

    /// Reports every edge that closes a cycle, naming the cycle. Returns whether any did.
    fn cycles(&mut self, tree: &Tree<'_>) -> bool {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum State {
            New,
            OnStack,
            Done,
        }
        /// An edge back to a question still on the walk: `cycle` runs from `to` to `from`.
        struct BackEdge {
            from: usize,
            answer: usize,
            to: usize,
            cycle: Vec<usize>,
        }
        fn visit(
            tree: &Tree<'_>,
            question: usize,
            state: &mut [State],
            stack: &mut Vec<usize>,
            found: &mut Vec<BackEdge>,
        ) {
            state[question] = State::OnStack;
            stack.push(question);
            for (answer, next) in tree.next[question].iter().enumerate() {
                let Next::Question(next) = *next else {
                    continue;
                };
                match state[next] {
                    State::New => visit(tree, next, state, stack, found),
                    State::OnStack => {
                        let known = found
                            .iter()
                            .any(|edge| edge.from == question && edge.to == next);
                        if !known {
                            let begin = stack.iter().position(|&on| on == next).unwrap_or(0);
                            found.push(BackEdge {
                                from: question,
                                answer,
                                to: next,
                                cycle: stack[begin..].to_vec(),
                            });
                        }
                    }
                    State::Done => {}
                }
            }
            stack.pop();
            state[question] = State::Done;
        }
        let ds = self.ds;
        let mut state = vec![State::New; ds.questions.len()];
        let mut found = Vec::new();
        for question in tree.start.into_iter().chain(0..ds.questions.len()) {
            if state[question] == State::New {
                visit(tree, question, &mut state, &mut Vec::new(), &mut found);
            }
        }
        for edge in &found {
            let names: Vec<&str> = edge
                .cycle
                .iter()
                .chain(edge.cycle.first())
                .map(|&question| ds.questions[question].id.as_str())
                .collect();
            let question = &ds.questions[edge.from];
            let at = match question.answers[edge.answer].next {
                Some(_) => format!("questions[{}].answers[{}].next", edge.from, edge.answer),
                None => format!("questions[{}].next", edge.from),
            };
            self.report(at, format!("cycle: {}", names.join(" -> ")));
        }
        !found.is_empty()
    }

    fn unreachable(&mut self, tree: &Tree<'_>, start: usize) {
        let ds = self.ds;
        let mut reached = vec![false; ds.questions.len()];
        let mut queue = vec![start];
        reached[start] = true;
        while let Some(question) = queue.pop() {
            for next in &tree.next[question] {
                if let Next::Question(next) = *next {
                    if !reached[next] {
                        reached[next] = true;
                        queue.push(next);
                    }
                }
            }
        }
        for (index, question) in ds.questions.iter().enumerate() {
            // A duplicate id is reported as such; references resolve to its first use.
            let is_first = self.questions.get(question.id.as_str()) == Some(&index);
            if !reached[index] && is_first {
                self.report(
                    format!("questions[{index}]"),
                    format!("no path reaches question \"{}\"", question.id),
                );
            }
        }
    }

    /// Counts the paths and reports those on which every side scores 0.
    fn paths(&mut self, tree: &Tree<'_>, start: usize) {
        let ds = self.ds;
        let count = tree.count_from(start, &|_| None);
        if count > MAX_PATHS {
            self.report(
                "questions",
                // The count saturates at u64::MAX: past that, say "more than".
                match count {
                    u64::MAX => format!(
                        "too many paths: more than can be counted from the start; the limit is {MAX_PATHS}"
                    ),
                    _ => {
                        format!("too many paths: {count} from the start; the limit is {MAX_PATHS}")
                    }
                },
            );
            return;
        }
        // What each answer adds to each side, so a walk keeps running totals.
        let points = answer_points(ds);
        let mut walk = PointlessWalk {
            tree,
            points: &points,
            totals: vec![0; ds.sides.len()],
            path: Vec::new(),
            named: Vec::new(),
            count: 0,
        };
        walk.from(start);
        let (named, count) = (walk.named, walk.count);
        for path in &named {
            self.problems.push(pointless_path(ds, path));
        }
        if count > named.len() {
            self.report(
                "questions",
                format!("{} more paths end without a result", count - named.len()),
            );
        }
    }
}

/// A walk over every path, keeping running totals, that collects the paths on which
/// every side ends at 0.
struct PointlessWalk<'t, 'a> {
    tree: &'t Tree<'a>,
    /// Points per side for each (question, answer).
    points: &'t [Vec<Vec<i64>>],
    totals: Vec<i64>,
    /// The (question, answer) indices so far.
    path: Vec<(usize, usize)>,
    /// The first `MAX_PATHS_NAMED` such paths.
    named: Vec<Vec<(usize, usize)>>,
    count: usize,
}

impl PointlessWalk<'_, '_> {
    fn from(&mut self, question: usize) {
        // A simple path visits each question once; only a cycle could go deeper.
        if self.path.len() >= self.tree.next.len() {
            return;
        }
        for answer in 0..self.tree.next[question].len() {
            let points = &self.points[question][answer];
            self.totals
                .iter_mut()
                .zip(points)
                .for_each(|(total, points)| *total += points);
            self.path.push((question, answer));
            match self.tree.next[question][answer] {
                Next::Question(next) => self.from(next),
                Next::Result if self.totals.iter().all(|&total| total == 0) => {
                    self.count += 1;
                    if self.named.len() < MAX_PATHS_NAMED {
                        self.named.push(self.path.clone());
                    }
                }
                Next::Result | Next::Nowhere => {}
            }
            self.path.pop();
            let points = &self.points[question][answer];
            self.totals
                .iter_mut()
                .zip(points)
                .for_each(|(total, points)| *total -= points);
        }
    }
}

/// The problem for a path on which every side scores 0, placed at its last answer.
fn pointless_path(ds: &Dataset, path: &[(usize, usize)]) -> Problem {
    let pairs: Vec<String> = path
        .iter()
        .map(|&(question, answer)| {
            let question = &ds.questions[question];
            format!("{}={}", question.id, question.answers[answer].id)
        })
        .collect();
    let at = match path.last() {
        Some((question, answer)) => format!("questions[{question}].answers[{answer}]"),
        None => "questions".to_string(),
    };
    Problem {
        at,
        message: format!(
            "the path {} ends without a result: every side scores 0",
            pairs.join(", ")
        ),
    }
}

/// A problem with the line and column of its place in the text (`json::locate`), for the
/// tools: `check-dataset` and the checker wasm. The widget never locates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    /// The problem's place: a path into the document, `syntax` for a JSON syntax error,
    /// `input` for a text over the size limit.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Located {
    /// `LINE:COLUMN: PATH: MESSAGE`, the form editors and terminals link to a place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Located {
            line,
            column,
            at,
            message,
        } = self;
        write!(f, "{line}:{column}: {at}: {message}")
    }
}

/// Each of `problems` (found in `text`) at its line and column: the start of the value at
/// its place or, for a place the text does not hold, of its nearest ancestor; the start of
/// the text when not even that is found.
pub fn locate(text: &str, problems: &[Problem]) -> Vec<Located> {
    problems
        .iter()
        .map(|problem| {
            // `read_json` calls the whole document `dataset`.
            let path = match problem.at.as_str() {
                "dataset" => "",
                at => at,
            };
            let (line, column) = json::locate(text, path).unwrap_or((1, 1));
            Located {
                line,
                column,
                at: problem.at.clone(),
                message: problem.message.clone(),
            }
        })
        .collect()
}

impl LoadError {
    /// Every problem with its line and column in `text`, the text that failed to load: a
    /// syntax error where the JSON reader stopped, a refused size at the start.
    pub fn locate(&self, text: &str) -> Vec<Located> {
        let text = without_bom(text);
        match self {
            // Placed at 1:1 (the text is not read).
            LoadError::TooLarge { .. } => locate("", &self.problems()),
            // In an author's words (the reader's are serde_json's, kept for parity), and
            // from column 1 (an empty text ends at column 0).
            LoadError::Json {
                line,
                column,
                message,
            } => vec![Located {
                line: *line,
                column: (*column).max(1),
                at: "syntax".to_string(),
                message: syntax_in_words(message).to_string(),
            }],
            LoadError::Invalid { problems } => locate(text, problems),
        }
    }
}

/// A JSON syntax message (`engine::json`'s, which are serde_json's) in an author's words,
/// where serde_json's say "EOF" or "ident"; the others read well as they are.
fn syntax_in_words(message: &str) -> &str {
    match message {
        "EOF while parsing a value" => {
            "the text ends where a value should be (is the file empty, or cut short?)"
        }
        "EOF while parsing a list" => "the text ends inside a list: a closing `]` is missing",
        "EOF while parsing an object" => "the text ends inside an object: a closing `}` is missing",
        "EOF while parsing a string" => "the text ends inside a string: a closing `\"` is missing",
        "expected ident" => {
            "expected `true`, `false` or `null` (in lowercase), or a string in double quotes"
        }
        "expected value" => {
            "expected a value: a string in double quotes, a number, `true`, `false`, `null`, a list or an object"
        }
        "key must be a string" => "a key must be a string in double quotes",
        other => other,
    }
}
