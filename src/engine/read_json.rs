//! Reading a dataset from parsed JSON, by hand.
//!
//! serde's derived deserializers cost several KB of wasm for these ten types (README.md,
//! "Size"); this reader over `json::Json` costs a fraction of that, and it names the exact place
//! of every shape problem (`questions[3].answers[1].next: expected a string`), collecting
//! all of them instead of stopping at the first.

use super::json::{self, Json as Value, Number};
use super::model::{
    Answer, Criterion, Dataset, Effect, Favours, Framework, Leads, Part, Question, Side, Source,
};
use super::small_map::SmallMap;
use super::validate::Problem;

/// The dataset in `value`, or every place where its shape is wrong.
pub fn dataset(value: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut reader = Reader {
        problems: Vec::new(),
    };
    let dataset = reader.dataset(value);
    match reader.problems.is_empty() {
        true => Ok(dataset),
        false => Err(reader.problems),
    }
}

struct Reader {
    problems: Vec<Problem>,
}

/// One JSON object being read: its place, and the fields read so far (the rest are
/// reported as unknown by `finish`).
struct Object<'v> {
    at: String,
    fields: Option<&'v [(String, Value)]>,
    known: Vec<&'static str>,
}

impl Reader {
    fn report(&mut self, at: &str, message: String) {
        let at = if at.is_empty() { "dataset" } else { at };
        self.problems.push(Problem {
            at: at.to_owned(),
            message,
        });
    }

    fn object<'v>(&mut self, value: &'v Value, at: String) -> Object<'v> {
        let fields = match value {
            Value::Object(fields) => Some(fields.as_slice()),
            _ => None,
        };
        if fields.is_none() {
            self.report(&at, format!("expected an object, found {}", kind(value)));
        }
        Object {
            at,
            fields,
            known: Vec::new(),
        }
    }

    /// Field `name`: `None` (and a problem, unless `optional`) when it is missing.
    fn field<'v>(
        &mut self,
        object: &mut Object<'v>,
        name: &'static str,
        optional: bool,
    ) -> Option<&'v Value> {
        object.known.push(name);
        let fields = object.fields?;
        match json::field(fields, name) {
            Some(Value::Null) if optional => None,
            Some(value) => Some(value),
            None if optional => None,
            None => {
                let at = object.at.clone();
                self.report(&at, format!("missing field `{name}`"));
                None
            }
        }
    }

    fn finish(&mut self, object: Object<'_>) {
        let Some(fields) = object.fields else {
            return;
        };
        for (name, _) in fields {
            if !object.known.contains(&name.as_str()) {
                // Quoted one by one, so the join is the one the other lists use.
                let expected: Vec<String> = object
                    .known
                    .iter()
                    .map(|known| format!("`{known}`"))
                    .collect();
                // At the field itself, so a line number points at its key's value.
                self.report(
                    &place(&object.at, name),
                    format!(
                        "unknown field `{name}`, expected one of {}",
                        expected.join(", ")
                    ),
                );
            }
        }
    }

    fn string(&mut self, object: &mut Object<'_>, name: &'static str) -> String {
        let value = self.field(object, name, false);
        self.as_string(value, &place(&object.at, name))
    }

    fn as_string(&mut self, value: Option<&Value>, at: &str) -> String {
        match value {
            Some(Value::String(text)) => text.clone(),
            Some(other) => {
                self.report(at, format!("expected a string, found {}", kind(other)));
                String::new()
            }
            None => String::new(),
        }
    }

    fn optional_string(&mut self, object: &mut Object<'_>, name: &'static str) -> Option<String> {
        let value = self.field(object, name, true)?;
        Some(self.as_string(Some(value), &place(&object.at, name)))
    }

    fn integer(&mut self, value: Option<&Value>, at: &str) -> i64 {
        match value {
            Some(Value::Number(Number::Integer(number))) => *number,
            Some(other) => {
                self.report(
                    at,
                    format!("expected a whole number, found {}", kind(other)),
                );
                0
            }
            None => 0,
        }
    }

    fn unsigned(&mut self, object: &mut Object<'_>, name: &'static str, optional: bool) -> u32 {
        let at = place(&object.at, name);
        let value = self.field(object, name, optional);
        let number = self.integer(value, &at);
        match u32::try_from(number) {
            Ok(number) => number,
            Err(_) => {
                self.report(
                    &at,
                    format!(
                        "expected a whole number from 0 to {}, found {number}",
                        u32::MAX
                    ),
                );
                0
            }
        }
    }

    /// A weight: any whole number that fits; `validate` checks the range.
    fn weight(&mut self, value: &Value, at: &str) -> i32 {
        let number = self.integer(Some(value), at);
        i32::try_from(number).unwrap_or(if number < 0 { i32::MIN } else { i32::MAX })
    }

    fn list<'v, T>(
        &mut self,
        object: &mut Object<'v>,
        name: &'static str,
        optional: bool,
        mut item: impl FnMut(&mut Reader, &'v Value, String) -> T,
    ) -> Vec<T> {
        let at = place(&object.at, name);
        match self.field(object, name, optional) {
            Some(Value::Array(values)) => values
                .iter()
                .enumerate()
                .map(|(index, value)| item(self, value, format!("{at}[{index}]")))
                .collect(),
            Some(other) => {
                self.report(&at, format!("expected a list, found {}", kind(other)));
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn strings(
        &mut self,
        object: &mut Object<'_>,
        name: &'static str,
        optional: bool,
    ) -> Vec<String> {
        self.list(object, name, optional, |reader, value, at| {
            reader.as_string(Some(value), &at)
        })
    }

    fn map<T>(
        &mut self,
        object: &mut Object<'_>,
        name: &'static str,
        optional: bool,
        mut item: impl FnMut(&mut Reader, &Value, String) -> T,
    ) -> SmallMap<String, T> {
        let at = place(&object.at, name);
        match self.field(object, name, optional) {
            Some(Value::Object(fields)) => {
                let mut map = SmallMap::new();
                for (key, value) in fields {
                    let read = item(self, value, format!("{at}.{key}"));
                    map.insert(key.clone(), read);
                }
                map
            }
            Some(other) => {
                self.report(&at, format!("expected an object, found {}", kind(other)));
                SmallMap::new()
            }
            None => SmallMap::new(),
        }
    }

    fn dataset(&mut self, value: &Value) -> Dataset {
        let mut o = self.object(value, String::new());
        // For editors (`"$schema": "./dataset.schema.json"`): a string, otherwise ignored.
        self.optional_string(&mut o, "$schema");
        let dataset = Dataset {
            id: self.string(&mut o, "id"),
            version: self.unsigned(&mut o, "version", false),
            title: self.string(&mut o, "title"),
            intro: self.string(&mut o, "intro"),
            sides: self.list(&mut o, "sides", false, Reader::side),
            tie_order: self.strings(&mut o, "tie_order", false),
            tie_break: self.strings(&mut o, "tie_break", true),
            tie_margin: self.unsigned(&mut o, "tie_margin", true),
            criteria: self.list(&mut o, "criteria", false, Reader::criterion),
            frameworks: self.list(&mut o, "frameworks", false, Reader::framework),
            start: self.string(&mut o, "start"),
            questions: self.list(&mut o, "questions", false, Reader::question),
        };
        self.finish(o);
        dataset
    }

    fn side(&mut self, value: &Value, at: String) -> Side {
        let mut o = self.object(value, at);
        let side = Side {
            id: self.string(&mut o, "id"),
            label: self.string(&mut o, "label"),
            summary: self.string(&mut o, "summary"),
            parts: self.list(&mut o, "parts", true, Reader::part),
        };
        self.finish(o);
        side
    }

    fn part(&mut self, value: &Value, at: String) -> Part {
        let mut o = self.object(value, at);
        let part = Part {
            side: self.string(&mut o, "side"),
            role: self.string(&mut o, "role"),
            why: self.string(&mut o, "why"),
        };
        self.finish(o);
        part
    }

    fn criterion(&mut self, value: &Value, at: String) -> Criterion {
        let mut o = self.object(value, at);
        let criterion = Criterion {
            id: self.string(&mut o, "id"),
            category: self.string(&mut o, "category"),
            title: self.string(&mut o, "title"),
            says: self.map(&mut o, "says", false, |reader, value, at| {
                reader.as_string(Some(value), &at)
            }),
            favours: Favours::from_json(self.string(&mut o, "favours")),
            when: self.string(&mut o, "when"),
            sources: self.list(&mut o, "sources", false, Reader::source),
        };
        self.finish(o);
        criterion
    }

    fn source(&mut self, value: &Value, at: String) -> Source {
        let mut o = self.object(value, at);
        let source = Source {
            title: self.string(&mut o, "title"),
            url: self.optional_string(&mut o, "url"),
        };
        self.finish(o);
        source
    }

    fn framework(&mut self, value: &Value, at: String) -> Framework {
        let mut o = self.object(value, at);
        let framework = Framework {
            id: self.string(&mut o, "id"),
            side: self.string(&mut o, "side"),
            name: self.string(&mut o, "name"),
            summary: self.string(&mut o, "summary"),
        };
        self.finish(o);
        framework
    }

    fn question(&mut self, value: &Value, at: String) -> Question {
        let mut o = self.object(value, at);
        let question = Question {
            id: self.string(&mut o, "id"),
            prompt: self.string(&mut o, "prompt"),
            help: self.string(&mut o, "help"),
            next: self.optional_string(&mut o, "next").map(Leads::from_json),
            answers: self.list(&mut o, "answers", false, Reader::answer),
        };
        self.finish(o);
        question
    }

    fn answer(&mut self, value: &Value, at: String) -> Answer {
        let mut o = self.object(value, at);
        let answer = Answer {
            id: self.string(&mut o, "id"),
            label: self.string(&mut o, "label"),
            help: self.string(&mut o, "help"),
            next: self.optional_string(&mut o, "next").map(Leads::from_json),
            effects: self.list(&mut o, "effects", true, Reader::effect),
            frameworks: self.map(&mut o, "frameworks", true, |reader, value, at| {
                reader.weight(value, &at)
            }),
            skills: self.strings(&mut o, "skills", true),
            recap: self.optional_string(&mut o, "recap"),
        };
        self.finish(o);
        answer
    }

    fn effect(&mut self, value: &Value, at: String) -> Effect {
        let mut o = self.object(value, at);
        let effect = Effect {
            criterion: self.string(&mut o, "criterion"),
            scores: self.map(&mut o, "scores", false, |reader, value, at| {
                reader.weight(value, &at)
            }),
            because: self.string(&mut o, "because"),
        };
        self.finish(o);
        effect
    }
}

/// The place of field `name` inside the object at `at` (the dataset itself is "").
fn place(at: &str, name: &str) -> String {
    match at.is_empty() {
        true => name.to_owned(),
        false => format!("{at}.{name}"),
    }
}

/// What a JSON value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        // What `integer` refuses as a number: a fraction, an exponent, or too large.
        Value::Number(Number::Other(_)) => "a number that is not whole or is too large",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
