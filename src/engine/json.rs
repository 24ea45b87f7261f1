//! A small JSON reader: the one the engine uses instead of serde_json (README.md, "Size").
//!
//! It reads what a dataset needs and nothing more: objects keep their fields in document
//! order in a `Vec` (no map), and a number keeps only what the dataset asks of it, a whole
//! number that fits in an `i64` (no float parsing). Everything else follows RFC 8259 as
//! serde_json reads it, and so do the errors: serde_json's messages, at its line and
//! column (the line from 1; the column in bytes from the start of the line, pointing at
//! the offending byte, or at the last byte of the text when it ends too early).
//!
//! - A duplicate key keeps the last value, as serde_json does: `field` answers with the
//!   last field of that name; `Json::Object` lists every one in document order.
//! - Strings take every escape (`\" \\ \/ \b \f \n \r \t \uXXXX`, a surrogate pair as one
//!   character); a lone surrogate and a raw control character are errors.
//! - Whitespace is space, tab, CR and LF only.
//! - Arrays and objects nest at most `MAX_DEPTH - 1` deep, so hostile input gets an error,
//!   not a stack overflow.
//!
//! The reader works on bytes; strings are built from byte runs between escapes, which
//! start and end on character boundaries since every delimiter is ASCII.

/// serde_json's recursion limit: nesting deeper than `MAX_DEPTH - 1` is an error.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    /// Fields in document order, duplicates included (`field` takes the last).
    Object(Vec<(String, Json)>),
}

/// A JSON number, as far as the dataset needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// A whole number without fraction or exponent that fits in an `i64`.
    Integer(i64),
    /// Anything else (a fraction, an exponent, out of `i64` range), as written.
    Other(String),
}

/// The value of field `name` among an object's `fields`: the last one, if it is repeated
/// (serde_json's rule).
pub fn field<'j>(fields: &'j [(String, Json)], name: &str) -> Option<&'j Json> {
    fields
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// Why a text is not JSON, and where (see the module's documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EXPECTED_VALUE: &str = "expected value";
const EXPECTED_IDENT: &str = "expected ident";
const INVALID_NUMBER: &str = "invalid number";
const INVALID_ESCAPE: &str = "invalid escape";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const KEY_NOT_STRING: &str = "key must be a string";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA: &str = "expected `,` or `}`";
const TOO_DEEP: &str = "recursion limit exceeded";

/// The JSON value that is the whole of `text`.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.whitespace();
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(reader.error_here(TRAILING_CHARACTERS)),
    }
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// The next byte to read.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// An error about the byte at `index` (or the end of the text, past it).
    fn error_at(&self, index: usize, message: &'static str) -> JsonError {
        let end = (index + 1).min(self.bytes.len());
        let before = self.bytes.get(..end).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        JsonError {
            line,
            column: end - line_start,
            message,
        }
    }

    /// An error about the next byte.
    fn error_here(&self, message: &'static str) -> JsonError {
        self.error_at(self.at, message)
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.whitespace();
        let Some(byte) = self.peek() else {
            return Err(self.error_here(EOF_VALUE));
        };
        match byte {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Json::String)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' if depth + 1 >= MAX_DEPTH => Err(self.error_here(TOO_DEEP)),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            _ => Err(self.error_here(EXPECTED_VALUE)),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error_here(EOF_VALUE)),
                Some(byte) if byte != expected => return Err(self.error_here(EXPECTED_IDENT)),
                Some(_) => self.at += 1,
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            None => return Err(self.error_here(EOF_VALUE)),
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_here(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error_here(INVALID_NUMBER)),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        let written = self.text.get(start..self.at).unwrap_or_default();
        // "-0" is not a whole number to serde_json (it reads -0.0), nor here.
        let integer = match whole && written != "-0" {
            true => written.parse::<i64>().ok(),
            false => None,
        };
        Ok(Json::Number(match integer {
            Some(integer) => Number::Integer(integer),
            None => Number::Other(written.to_owned()),
        }))
    }

    /// A digit was expected next.
    fn number_error(&self) -> JsonError {
        match self.peek() {
            None => self.error_here(EOF_VALUE),
            Some(_) => self.error_here(INVALID_NUMBER),
        }
    }

    /// The rest of a string whose opening quote has been read.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut text = String::new();
        let mut run = self.at;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error_here(EOF_STRING));
            };
            match byte {
                b'"' | b'\\' => {
                    text.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    if byte == b'"' {
                        return Ok(text);
                    }
                    self.escape(&mut text)?;
                    run = self.at;
                }
                0x00..=0x1F => return Err(self.error_here(CONTROL_CHARACTER)),
                _ => self.at += 1,
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, text: &mut String) -> Result<(), JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error_here(EOF_STRING));
        };
        let plain = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.at += 1;
                return self.unicode_escape(text);
            }
            _ => return Err(self.error_here(INVALID_ESCAPE)),
        };
        self.at += 1;
        text.push(plain);
        Ok(())
    }

    /// `XXXX` after `\u`, and the second half of a surrogate pair.
    fn unicode_escape(&mut self, text: &mut String) -> Result<(), JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error_at(self.at - 1, LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error_here(EOF_STRING)),
                        Some(byte) if byte != expected => {
                            return Err(self.error_here(END_OF_HEX_ESCAPE))
                        }
                        Some(_) => self.at += 1,
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(self.at - 1, LONE_SURROGATE));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        match char::from_u32(code) {
            Some(character) => {
                text.push(character);
                Ok(())
            }
            None => Err(self.error_at(self.at - 1, LONE_SURROGATE)),
        }
    }

    /// Four hex digits; an error names the last of them, as serde_json does.
    fn hex4(&mut self) -> Result<u16, JsonError> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error_here(EOF_STRING));
        };
        let mut value: u16 = 0;
        for &digit in digits {
            let nibble = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(self.error_at(self.at + 3, INVALID_ESCAPE)),
            };
            value = value * 16 + u16::from(nibble);
        }
        self.at += 4;
        Ok(value)
    }

    /// An array after its `[` (not yet read).
    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.whitespace();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                return Ok(Json::Array(items));
            }
            None => return Err(self.error_here(EOF_LIST)),
            Some(_) => {}
        }
        loop {
            items.push(self.value(depth)?);
            self.whitespace();
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error_here(TRAILING_COMMA));
                    }
                }
                Some(_) => return Err(self.error_here(EXPECTED_LIST_COMMA)),
                None => return Err(self.error_here(EOF_LIST)),
            }
        }
    }

    /// An object after its `{` (not yet read).
    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut fields = Vec::new();
        self.whitespace();
        match self.peek() {
            Some(b'}') => {
                self.at += 1;
                return Ok(Json::Object(fields));
            }
            None => return Err(self.error_here(EOF_OBJECT)),
            Some(_) => {}
        }
        loop {
            match self.peek() {
                Some(b'"') => self.at += 1,
                Some(_) => return Err(self.error_here(KEY_NOT_STRING)),
                None => return Err(self.error_here(EOF_VALUE)),
            }
            let key = self.string()?;
            self.whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here(EXPECTED_COLON)),
                None => return Err(self.error_here(EOF_OBJECT)),
            }
            let value = self.value(depth)?;
            fields.push((key, value));
            self.whitespace();
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error_here(TRAILING_COMMA));
                    }
                }
                Some(_) => return Err(self.error_here(EXPECTED_OBJECT_COMMA)),
                None => return Err(self.error_here(EOF_OBJECT)),
            }
        }
    }

    /// In the list that starts at the next byte (read at `depth`), moves to the start of
    /// item `index`. `None` when there is no list or no such item.
    fn find_item(&mut self, index: usize, depth: usize) -> Option<()> {
        if self.peek() != Some(b'[') || depth + 1 >= MAX_DEPTH {
            return None;
        }
        self.at += 1;
        for _ in 0..index {
            self.value(depth + 1).ok()?;
            self.whitespace();
            if self.peek() != Some(b',') {
                return None;
            }
            self.at += 1;
        }
        self.whitespace();
        match self.peek() {
            None | Some(b']') => None,
            Some(_) => Some(()),
        }
    }

    /// In the object that starts at the next byte (read at `depth`), moves to the start of
    /// the value of the longest key that `path` starts with (followed by nothing, `.` or
    /// `[`), the last one if it is repeated, and answers with the key's length. `None` when
    /// there is no object or no such key.
    fn find_field(&mut self, path: &str, depth: usize) -> Option<usize> {
        if self.peek() != Some(b'{') || depth + 1 >= MAX_DEPTH {
            return None;
        }
        self.at += 1;
        // (the key's length, where its value starts)
        let mut best: Option<(usize, usize)> = None;
        // Stops at the object's end or at a syntax error: the keys before it still count.
        let _ = self.fields(depth + 1, |key, start| {
            let fits = path.strip_prefix(key).is_some_and(|after| {
                after.is_empty() || after.starts_with('.') || after.starts_with('[')
            });
            if fits && best.is_none_or(|(length, _)| key.len() >= length) {
                best = Some((key.len(), start));
            }
        });
        let (length, start) = best?;
        self.at = start;
        Some(length)
    }

    /// Reads the fields of an object whose `{` has been read, calling `each` with every key
    /// and where its value starts, until the object ends (`Some`) or a syntax error (`None`).
    fn fields(&mut self, depth: usize, mut each: impl FnMut(&str, usize)) -> Option<()> {
        loop {
            self.whitespace();
            match self.peek()? {
                b'"' => self.at += 1,
                _ => return None,
            }
            let key = self.string().ok()?;
            self.whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.whitespace();
            each(&key, self.at);
            self.value(depth).ok()?;
            self.whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                _ => return Some(()),
            }
        }
    }
}

/// Where the value at `at` starts in `text`: its line (from 1) and column (in bytes, from
/// 1), as in a `JsonError`. `at` is a problem's place (`validate::Problem::at`): keys
/// joined by `.` and list indices in brackets, e.g. `questions[3].answers[1].next`, or
/// nothing for the whole document.
///
/// - A repeated key: the last one (`field`'s rule). A key may itself hold `.` or `[`: the
///   longest key that the rest of the path starts with is taken.
/// - A place the text does not hold (a missing key, an index past the end, a syntax error
///   on the way): the nearest ancestor that it holds, so a missing field gives the place
///   of its object. `None` when the text holds no value at all.
///
/// It reads with the parser's own `Reader`, skipping the values it passes over. Only the
/// tools use it (`check-dataset`, the checker wasm); the widget does not.
pub fn locate(text: &str, at: &str) -> Option<(usize, usize)> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    reader.whitespace();
    reader.peek()?;
    let mut found = reader.at;
    let mut rest = at;
    let mut depth = 0;
    while !rest.is_empty() {
        let step = match rest.strip_prefix('[') {
            Some(index) => {
                let Some(digits) = index.find(']').and_then(|end| index.get(..end)) else {
                    break;
                };
                let Ok(number) = digits.parse::<usize>() else {
                    break;
                };
                reader.find_item(number, depth).map(|()| digits.len() + 2)
            }
            None => {
                let dot = usize::from(rest.starts_with('.'));
                let path = rest.get(dot..).unwrap_or_default();
                reader.find_field(path, depth).map(|key| dot + key)
            }
        };
        let Some(length) = step else {
            break;
        };
        found = reader.at;
        depth += 1;
        rest = rest.get(length..).unwrap_or_default();
    }
    // The place of an error there: the one computation of a line and column.
    let JsonError { line, column, .. } = reader.error_at(found, "");
    Some((line, column))
}

/// `text` as a JSON string, quotes included: `"`, `\` and control characters escaped
/// (as serde_json writes them), everything else as it is.
pub fn quote(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            '\u{8}' => quoted.push_str("\\b"),
            '\u{c}' => quoted.push_str("\\f"),
            '\0'..='\u{1f}' => {
                let code = character as usize;
                quoted.push_str("\\u00");
                quoted.push(char::from(HEX[code >> 4]));
                quoted.push(char::from(HEX[code & 0xf]));
            }
            _ => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}
