//! JSON paths and the validation problems reported against them.
//!
//! Every untrusted document (a lens, a bundle, the runtime config, stored state) is parsed into a
//! `serde_json::Value` first and then walked by hand with a [`Checker`], which records *every*
//! problem with the JSON path where it was found instead of stopping at the first one. Only the
//! shells (the CLI's `main`, the UI) turn an [`Issue`] into a message for a person.

use serde_json::{Map, Value};
use std::fmt;

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// Where a value sits in a document, displayed as `$.pillars[0].questions[2].id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The document itself (`$`).
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// The member `key` of the object at this path.
    pub fn key(&self, key: &str) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        JsonPath(segments)
    }

    /// The element `index` of the array at this path.
    pub fn index(&self, index: usize) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        JsonPath(segments)
    }

    /// The steps, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Key(k) if is_plain_key(k) => write!(f, ".{k}")?,
                // Quoted with JSON escapes so that a hostile key cannot forge another path.
                Segment::Key(k) => write!(f, "[{}]", Value::String(k.clone()))?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The document is not valid JSON (line and column are 1-based).
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the parser found wrong.
        error: SyntaxError,
    },
    /// The document is larger than the format allows.
    TooLarge {
        /// The document's size in bytes.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file could not be read at all.
    Unreadable,
    /// A required member is absent.
    Missing,
    /// The value has the wrong JSON type.
    WrongType {
        /// What the format wants.
        expected: Kind,
        /// What the document has.
        found: Kind,
    },
    /// A string that must have content is empty or blank.
    Empty,
    /// A string has more characters than allowed.
    TooLong {
        /// Its length in characters.
        len: usize,
        /// The largest length accepted.
        max: usize,
    },
    /// A text is longer than AWS's tool allows (a warning: the text is kept whole).
    LongerThanAws {
        /// Its length in characters.
        len: usize,
        /// The length AWS documents.
        max: usize,
    },
    /// An optional text or URL is empty or blank (a warning: it is left out).
    EmptyLeftOut,
    /// An array has more elements than allowed.
    TooMany {
        /// Its length.
        len: usize,
        /// The largest length accepted.
        max: usize,
    },
    /// An array has fewer elements than required.
    TooFew {
        /// Its length.
        len: usize,
        /// The smallest length accepted.
        min: usize,
    },
    /// An identifier uses characters it may not, or has the wrong length.
    BadId {
        /// The identifier as found.
        id: String,
        /// The longest identifier accepted here.
        max: usize,
        /// Which characters are allowed.
        allowed: IdChars,
    },
    /// An identifier is used twice where it must be unique.
    Duplicate {
        /// The identifier.
        id: String,
        /// Where it was first used.
        first: JsonPath,
    },
    /// A number is outside its range.
    OutOfRange {
        /// The value found.
        value: f64,
        /// The smallest value accepted.
        min: f64,
        /// The largest value accepted.
        max: f64,
    },
    /// A string is not one of the accepted values.
    NotOneOf {
        /// The value found.
        found: String,
        /// The accepted values.
        allowed: &'static [&'static str],
    },
    /// A URL is not an absolute `http` or `https` URL.
    BadUrl,
    /// A text object has neither an `en` nor a `zh-CN` entry.
    NoLanguage,
    /// A risk-rule condition does not parse.
    Condition(ConditionError),
    /// A risk-rule condition names a choice the question does not have.
    UnknownChoice {
        /// The unknown choice id.
        id: String,
    },
    /// A question has no `default` risk rule (a warning: see `Question::UNMATCHED`).
    NoDefaultRule,
    /// A practice has no improvement plan (a warning: the plan shows only its title).
    NoImprovementPlan,
    /// A question has more than one "None of these" (`…_no`) choice.
    SeveralNoneChoices,
    /// A version this program does not know (newer than it, or never defined).
    UnsupportedVersion {
        /// The version found.
        found: String,
        /// The versions this program reads.
        supported: String,
    },
    /// A string that must be a calendar date (`YYYY-MM-DD`) is not one.
    NotADate {
        /// The string found.
        found: String,
    },
    /// A string that must be a time (RFC 3339, such as `2026-11-21T02:00:00Z`) is not one.
    NotATime {
        /// The string found.
        found: String,
    },
    /// A string that must be a SHA-256 (64 hexadecimal digits) is not one.
    NotSha256,
    /// A number that must be whole has a fraction.
    NotWhole {
        /// The value found.
        value: f64,
    },
    /// On-site days are chosen without the consulting they belong to.
    OnsiteWithoutConsulting,
    /// On-site visit days are chosen without an implementation package.
    OnsiteWithoutImplementation,
    /// A member this format does not have (a misspelt setting would otherwise do nothing).
    UnknownMember {
        /// The members it has.
        known: &'static [&'static str],
    },
    /// A path that must be relative to the page is not.
    NotRelativePath,
    /// A lens file inside a bundle has an error (the lens parser's issue, with its own path).
    EmbeddedLens(Box<Issue>),
    /// A Preflight lens file holds another lens than the one it is known as.
    LensIdMismatch {
        /// The id in the file.
        found: String,
        /// The id the bundle gives it.
        expected: String,
    },
    /// A lens file takes the id of another lens the app already has (listed or loaded).
    LensIdTaken {
        /// The id.
        id: String,
    },
    /// A lens listed in `config.json` takes the id of a lens the app has built in.
    BuiltinLensId {
        /// The id.
        id: String,
    },
    /// Not a colour written `#rrggbb` or `#rgb`.
    NotAColour,
    /// A colour without enough contrast for text.
    LowContrast {
        /// Its contrast ratio (rounded down to two decimals).
        ratio: f64,
        /// The ratio needed.
        min: f64,
    },
    /// Not an e-mail address.
    NotAnEmail,
    /// Not an absolute `https://` URL.
    NotHttpsUrl,
    /// Not a telephone number.
    NotAPhone,
    /// A list of numbers that must increase does not.
    NotIncreasing,
    /// A holiday range outside its year, reversed, or longer than a month.
    BadHolidayRange,
    /// An adjusted working day that is not a weekend day of its year, or is a day off.
    BadWorkday,
    /// A question id the lens does not have.
    UnknownQuestion {
        /// The id.
        id: String,
    },
    /// A choice id that is not one of its question's choices.
    NotAChoiceOf {
        /// The choice id.
        choice: String,
        /// The question id.
        question: String,
    },
    /// A "None of these" choice combined with other choices.
    NoneWithOthers {
        /// The "None of these" choice's id.
        choice: String,
    },
    /// Not RACI letters (R, A, S, C, I separated by /).
    NotRaci {
        /// What was found.
        found: String,
    },
    /// A required catalogue offering is missing.
    NoOffering {
        /// The offering's id.
        id: String,
    },
    /// A deliverable names a phase the offering does not have.
    NoPhase {
        /// The phase id named.
        id: String,
    },
    /// A worksheet name with a character Excel refuses.
    BadSheetName,
    /// A cell object that is not `{"date": "YYYY-MM-DD"}`.
    NotADateCell,
    /// A stored record's id is not the one its storage key names.
    KeyMismatch {
        /// The storage key.
        key: String,
    },
    /// An import record's id does not start with `i-`.
    NotImportId,
    /// A stored import's file no longer holds the bundle it was imported from.
    BundleGone {
        /// The bundle's index in the file.
        index: usize,
    },
}

/// Why a risk rule's condition does not parse (the condition grammar is in
/// `crate::domain::lens::condition`; the error lives here, with every other problem, so that
/// this module depends on no format).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionError {
    /// 1-based character position of the problem (one past the end for an early end).
    pub position: usize,
    /// What is wrong.
    pub kind: ConditionErrorKind,
}

/// The kinds of [`ConditionError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionErrorKind {
    /// The condition is empty or blank.
    Empty,
    /// The condition is longer than [`crate::domain::lens::condition::MAX_CONDITION_CHARS`].
    TooLong,
    /// Nesting deeper than [`crate::domain::lens::condition::MAX_DEPTH`].
    TooDeep,
    /// A character that no token starts with (a lone `&` or `|` included).
    UnexpectedChar(char),
    /// A token where another was needed.
    Unexpected(String),
    /// The text ends where more was needed.
    UnexpectedEnd,
    /// `default` used inside an expression; it must be the whole condition.
    DefaultInExpression,
}

/// What a JSON parser found wrong, by kind (serde_json's messages, classified, so that they can
/// be said in every language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// The text ends inside a value.
    EndTooSoon,
    /// A `:` is missing after a member name.
    ExpectedColon,
    /// A `,` or the closing bracket is missing.
    ExpectedComma,
    /// A value is missing or misspelt (`tru`, `'x'`).
    ExpectedValue,
    /// A member name that is not a string.
    KeyNotString,
    /// A bad escape sequence in a string.
    BadEscape,
    /// A malformed or out-of-range number.
    BadNumber,
    /// A control character inside a string.
    ControlCharacter,
    /// A comma before a closing bracket.
    TrailingComma,
    /// Something after the document.
    TrailingCharacters,
    /// Nested too deeply.
    TooDeep,
    /// Anything else the parser refuses.
    Other,
}

impl SyntaxError {
    /// The kind of a serde_json error (by its message, which is all serde_json exposes).
    pub fn of(error: &serde_json::Error) -> SyntaxError {
        let full = error.to_string();
        let m = full.as_str();
        if m.starts_with("EOF while parsing") {
            SyntaxError::EndTooSoon
        } else if m.starts_with("expected `:`") {
            SyntaxError::ExpectedColon
        } else if m.starts_with("expected `,`") {
            SyntaxError::ExpectedComma
        } else if m.starts_with("expected value") || m.starts_with("expected ident") {
            SyntaxError::ExpectedValue
        } else if m.starts_with("key must be") || m.starts_with("expected `\"`") {
            SyntaxError::KeyNotString
        } else if m.starts_with("invalid escape")
            || m.starts_with("invalid unicode")
            || m.starts_with("lone leading surrogate")
            || m.starts_with("unexpected end of hex escape")
        {
            SyntaxError::BadEscape
        } else if m.starts_with("invalid number") || m.starts_with("number out of range") {
            SyntaxError::BadNumber
        } else if m.starts_with("control character") {
            SyntaxError::ControlCharacter
        } else if m.starts_with("trailing comma") {
            SyntaxError::TrailingComma
        } else if m.starts_with("trailing characters") {
            SyntaxError::TrailingCharacters
        } else if m.starts_with("recursion limit") {
            SyntaxError::TooDeep
        } else {
            SyntaxError::Other
        }
    }
}

/// A kind of JSON value, as a problem names what was expected and what was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// Any number.
    Number,
    /// A whole number.
    WholeNumber,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// A string or an object of languages.
    Text,
    /// A spreadsheet cell (string, number, boolean, null or a date object).
    Cell,
    /// A choice id.
    ChoiceId,
    /// An array of choice ids.
    ChoiceIds,
    /// An object whose members are question ids.
    QuestionMap,
}

/// The characters an identifier may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdChars {
    /// ASCII letters, digits and underscores (lens, pillar, question and choice ids).
    Word,
    /// Lowercase ASCII letters, digits and hyphens (workload ids).
    Slug,
    /// Anything but control characters (map keys in stored answers).
    Printable,
    /// Lowercase ASCII letters, digits and underscores (catalogue ids).
    Snake,
}

impl IdChars {
    /// Whether `id` is 1 to `max` characters of this kind.
    pub fn allows(self, id: &str, max: usize) -> bool {
        let len = id.chars().count();
        (1..=max).contains(&len)
            && match self {
                IdChars::Word => id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
                IdChars::Slug => id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                IdChars::Printable => !id.chars().any(char::is_control),
                IdChars::Snake => id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            }
    }
}

/// A number for a message: a whole number as an integer, any other in the shortest form that
/// reads back as the same number, in exponent form when it is very large or small.
///
/// Written with serde_json's float formatter, which the app has anyway, rather than `core`'s
/// (`f64`'s `Display` and `{:e}`), which only this function needed and which cost the first
/// load about 12 KB before wasm-opt.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        // Exact: |n| < 1e15 < 2^53, so the cast loses nothing ("3", "-0" as "0").
        return (n as i64).to_string();
    }
    serde_json::Number::from_f64(n).map_or_else(
        || "NaN".to_owned(),
        |x| x.to_string().replacen("e+", "e", 1),
    )
}

/// A problem at a path.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Where.
    pub path: JsonPath,
    /// What.
    pub problem: Problem,
}

impl Issue {
    /// A problem with a file as a whole (`$`).
    pub fn at_root(problem: Problem) -> Issue {
        Issue {
            path: JsonPath::root(),
            problem,
        }
    }
}

/// The JSON type of a value.
pub fn type_name(value: &Value) -> Kind {
    match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Boolean,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        Value::Array(_) => Kind::Array,
        Value::Object(_) => Kind::Object,
    }
}

/// Parses untrusted text as JSON, refusing anything over `limit` bytes before parsing it.
///
/// serde_json refuses nesting deeper than 128 levels with an error, so a hostile file cannot
/// exhaust the stack.
pub fn parse_json(text: &str, limit: usize) -> Result<Value, Issue> {
    if text.len() > limit {
        return Err(Issue {
            path: JsonPath::root(),
            problem: Problem::TooLarge {
                bytes: text.len(),
                limit,
            },
        });
    }
    serde_json::from_str(text).map_err(|e| Issue {
        path: JsonPath::root(),
        problem: Problem::Syntax {
            line: e.line(),
            column: e.column(),
            error: SyntaxError::of(&e),
        },
    })
}

/// Collects every problem found while walking a document: errors, which make it unusable, and
/// warnings, which a format that tolerates them (a lens) reports beside the value it still reads.
#[derive(Debug, Default)]
pub struct Checker {
    issues: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Checker {
    /// An empty checker.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Records a problem.
    pub fn report(&mut self, path: &JsonPath, problem: Problem) {
        self.issues.push(Issue {
            path: path.clone(),
            problem,
        });
    }

    /// Records a problem that does not stop the document from being used.
    pub fn warn(&mut self, path: &JsonPath, problem: Problem) {
        self.warnings.push(Issue {
            path: path.clone(),
            problem,
        });
    }

    /// Whether any error was reported (warnings do not count).
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }

    /// The errors, in the order they were found.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// The errors and the warnings, each in the order they were found.
    pub fn into_parts(self) -> (Vec<Issue>, Vec<Issue>) {
        (self.issues, self.warnings)
    }

    /// The value as an object, or a `WrongType` problem.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.wrong_type(path, Kind::Object, other);
                None
            }
        }
    }

    /// The value as an array, or a `WrongType` problem.
    pub fn array<'v>(&mut self, value: &'v Value, path: &JsonPath) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(path, Kind::Array, other);
                None
            }
        }
    }

    /// The value as a boolean, or a `WrongType` problem.
    pub fn boolean(&mut self, value: &Value, path: &JsonPath) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, Kind::Boolean, other);
                None
            }
        }
    }

    /// A required member, or a `Missing` problem at its path.
    pub fn required<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        key: &str,
        path: &JsonPath,
    ) -> Option<&'v Value> {
        let found = object.get(key);
        if found.is_none() {
            self.report(&path.key(key), Problem::Missing);
        }
        found
    }

    /// A non-blank string of at most `max` characters.
    pub fn string(&mut self, value: &Value, path: &JsonPath, max: usize) -> Option<String> {
        match value {
            Value::String(s) => self.check_string(s, path, max).then(|| s.clone()),
            other => {
                self.wrong_type(path, Kind::String, other);
                None
            }
        }
    }

    /// A string of at most `max` characters, empty allowed (free text such as notes).
    pub fn free_text(&mut self, value: &Value, path: &JsonPath, max: usize) -> Option<String> {
        match value {
            Value::String(s) => {
                let len = s.chars().count();
                if len > max {
                    self.report(path, Problem::TooLong { len, max });
                    None
                } else {
                    Some(s.clone())
                }
            }
            other => {
                self.wrong_type(path, Kind::String, other);
                None
            }
        }
    }

    /// An optional member as free text: absent or null is empty.
    pub fn optional_text(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        path: &JsonPath,
        max: usize,
    ) -> Option<String> {
        match object.get(key) {
            None | Some(Value::Null) => Some(String::new()),
            Some(v) => self.free_text(v, &path.key(key), max),
        }
    }

    /// A non-blank text, either a plain string or `{"en": …, "zh-CN": …}` (at least one), each
    /// language at most `max` characters.
    pub fn text(
        &mut self,
        value: &Value,
        path: &JsonPath,
        max: usize,
    ) -> Option<crate::domain::text::Text> {
        use crate::domain::text::Text;
        match value {
            Value::String(s) => self
                .check_string(s, path, max)
                .then(|| Text::Plain(s.clone())),
            Value::Object(obj) => {
                let mut ok = true;
                let mut lang = |key: &str| match obj.get(key) {
                    None | Some(Value::Null) => None,
                    Some(v) => {
                        let s = self.string(v, &path.key(key), max);
                        ok &= s.is_some();
                        s
                    }
                };
                let en = lang("en");
                let zh_cn = lang("zh-CN");
                if en.is_none() && zh_cn.is_none() && ok {
                    self.report(path, Problem::NoLanguage);
                    return None;
                }
                ok.then_some(Text::Localized { en, zh_cn })
            }
            other => {
                self.wrong_type(path, Kind::Text, other);
                None
            }
        }
    }

    /// Checks length and blankness of a string; true when it passes.
    pub fn check_string(&mut self, s: &str, path: &JsonPath, max: usize) -> bool {
        if s.trim().is_empty() {
            self.report(path, Problem::Empty);
            return false;
        }
        let len = s.chars().count();
        if len > max {
            self.report(path, Problem::TooLong { len, max });
            return false;
        }
        true
    }

    /// A number within `min..=max`.
    pub fn number(&mut self, value: &Value, path: &JsonPath, min: f64, max: f64) -> Option<f64> {
        match value.as_f64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                self.report(path, Problem::OutOfRange { value: n, min, max });
                None
            }
            None => {
                self.wrong_type(path, Kind::Number, value);
                None
            }
        }
    }

    /// An array length within `min..=max`.
    pub fn count(&mut self, len: usize, path: &JsonPath, min: usize, max: usize) -> bool {
        if len > max {
            self.report(path, Problem::TooMany { len, max });
            false
        } else if len < min {
            self.report(path, Problem::TooFew { len, min });
            false
        } else {
            true
        }
    }

    /// A member that may be absent; `null` counts as absent.
    pub fn optional<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        obj.get(key).filter(|v| !v.is_null())
    }

    /// Reports every member of `obj` that the format does not have (a misspelt member would
    /// otherwise be silently ignored).
    pub fn unknown_members(
        &mut self,
        obj: &Map<String, Value>,
        path: &JsonPath,
        known: &'static [&'static str],
    ) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                self.report(&path.key(key), Problem::UnknownMember { known });
            }
        }
    }

    /// An identifier: a string of 1 to `max` characters of the `allowed` kind.
    pub fn id(
        &mut self,
        value: &Value,
        path: &JsonPath,
        max: usize,
        allowed: IdChars,
    ) -> Option<String> {
        let Value::String(s) = value else {
            self.wrong_type(path, Kind::String, value);
            return None;
        };
        self.check_id(s, path, max, allowed).then(|| s.clone())
    }

    /// Whether `id` (a map key, say) is 1 to `max` characters of the `allowed` kind; reports it
    /// when not.
    pub fn check_id(&mut self, id: &str, path: &JsonPath, max: usize, allowed: IdChars) -> bool {
        let ok = allowed.allows(id, max);
        if !ok {
            self.report(
                path,
                Problem::BadId {
                    id: id.to_owned(),
                    max,
                    allowed,
                },
            );
        }
        ok
    }

    /// A list of objects under `key`, each read by `item`; `None` if any item fails. An absent
    /// list is empty unless `required`.
    pub fn list<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &JsonPath,
        required: bool,
        item: impl Fn(&mut Checker, &Map<String, Value>, &JsonPath) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !required && !obj.contains_key(key) {
            return Some(Vec::new());
        }
        self.list_within(obj, key, path, 0, usize::MAX, item)
    }

    /// A required list of `min` to `max` objects under `key`, each read by `item`; `None` if the
    /// count is wrong or any item fails (every item is still read, so each problem is reported).
    pub fn list_within<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &JsonPath,
        min: usize,
        max: usize,
        item: impl Fn(&mut Checker, &Map<String, Value>, &JsonPath) -> Option<T>,
    ) -> Option<Vec<T>> {
        let lpath = path.key(key);
        let items = self
            .required(obj, key, path)
            .and_then(|v| self.array(v, &lpath))?;
        let mut ok = self.count(items.len(), &lpath, min, max);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let ipath = lpath.index(i);
            match self.object(v, &ipath).and_then(|o| item(self, o, &ipath)) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn wrong_type(&mut self, path: &JsonPath, expected: Kind, found: &Value) {
        self.report(
            path,
            Problem::WrongType {
                expected,
                found: type_name(found),
            },
        );
    }
}

/// The paths of some issues, in order (for tests that check where problems were found).
#[cfg(test)]
pub(crate) fn paths(issues: &[Issue]) -> Vec<String> {
    issues.iter().map(|i| i.path.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_read_as_written() {
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(-12.0), "-12");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(4.48), "4.48");
        assert_eq!(format_number(1e-7), "1e-7");
        assert_eq!(format_number(1e16), "1e16");
        assert_eq!(format_number(1.5e300), "1.5e300");
        assert_eq!(format_number(f64::NAN), "NaN");
    }

    #[test]
    fn paths_display_like_jsonpath() {
        let p = JsonPath::root()
            .key("pillars")
            .index(0)
            .key("questions")
            .index(2)
            .key("id");
        assert_eq!(p.to_string(), "$.pillars[0].questions[2].id");
        assert_eq!(JsonPath::root().to_string(), "$");
    }

    #[test]
    fn hostile_keys_are_quoted_and_escaped() {
        let p = JsonPath::root().key("a.b[0]").key("x\"y");
        assert_eq!(p.to_string(), r#"$["a.b[0]"]["x\"y"]"#);
    }

    #[test]
    fn syntax_errors_carry_the_position() {
        let err = parse_json("{\n  \"a\": [1, 2,\n", 100).unwrap_err();
        match err.problem {
            Problem::Syntax { line, .. } => assert_eq!(line, 3),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn size_is_checked_before_parsing() {
        let err = parse_json("[1,2,3]", 3).unwrap_err();
        assert_eq!(err.problem, Problem::TooLarge { bytes: 7, limit: 3 });
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(matches!(
            parse_json(&deep, 1_000_000).unwrap_err().problem,
            Problem::Syntax { .. }
        ));
    }

    #[test]
    fn checker_collects_every_problem() {
        let doc: Value = serde_json::from_str(r#"{"a": 1, "b": "   "}"#).unwrap();
        let mut c = Checker::new();
        let root = JsonPath::root();
        let obj = c.object(&doc, &root).unwrap();
        let a = c.required(obj, "a", &root).unwrap();
        assert!(c.string(a, &root.key("a"), 10).is_none());
        let b = c.required(obj, "b", &root).unwrap();
        assert!(c.string(b, &root.key("b"), 10).is_none());
        assert!(c.required(obj, "c", &root).is_none());
        let text: Vec<String> = c
            .into_issues()
            .iter()
            .map(|i| crate::i18n::issue_text(i, crate::domain::text::Lang::En))
            .collect();
        assert_eq!(
            text,
            [
                "$.a: expected a string, found a number",
                "$.b: must not be empty",
                "$.c: required but missing"
            ]
        );
    }
}
