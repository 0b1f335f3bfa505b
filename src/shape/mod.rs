//! The shape of a configuration text (site.toml, a page's front matter,
//! topics.toml): which keys it may have and what kind of value each holds.
//!
//! serde stops at the first unknown key or wrong value and names kinds as Rust
//! does (`expected i64`). This module reads the text into a [`Node`] tree
//! first, with the byte span of every key and value, and checks the whole
//! tree against a [`Table`] of fields, so that one run reports every unknown
//! key, missing key and wrong value, each at its place, in plain words. The
//! problems also say what to blank out of the text ([`blank`]) so that serde,
//! run afterwards on the rest, can still read it and later checks still run.

pub mod toml;
pub mod yaml;

use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// A value read from the text, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of the value in the text.
    pub offset: usize,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date, date-time or time, as written.
    Date(String),
    List(Vec<Node>),
    Table(Vec<Entry>),
    /// YAML's `~` or an empty value.
    Nothing,
}

/// One `key = value` of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    /// Byte offset of the key (of a `[table]` header, its `[`).
    pub key_offset: usize,
    /// The bytes the entry takes in the text (a `[table]` its header and
    /// every line under it), blanked to drop the entry.
    pub spans: Vec<Range<usize>>,
    pub node: Node,
}

/// How the text is written, for the examples in help lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    /// Any whole number, negative too.
    WholeNumber,
    /// A whole number, 0 or more.
    Count,
    /// A whole number above zero (a reading speed, how many articles a page holds).
    Positive,
    Bool,
    /// A day: a TOML date or text `YYYY-MM-DD` (a longer text gives its first ten characters).
    Date,
    TextList,
    /// Text, one of these.
    OneOf(&'static [&'static str]),
    Table(&'static Table),
    /// A table of any keys, each holding this kind (`[languages.<code>]`).
    Each(&'static Kind, &'static str),
    /// Anything (`extra`).
    Any,
}

/// The fields a table may have.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub fields: &'static [Field],
    /// The help line of an unknown key, after any "did you mean".
    pub unknown_help: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// A value as it would be written, for help lines: `"Handbook"`, `10`.
    pub example: &'static str,
}

impl Field {
    pub const fn new(key: &'static str, kind: Kind, example: &'static str) -> Self {
        Field {
            key,
            kind,
            required: false,
            example,
        }
    }
    pub const fn required(self) -> Self {
        Field {
            required: true,
            ..self
        }
    }
}

/// A key or value that does not fit the shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
    pub help: String,
    /// What to blank out of the text for the rest to read.
    pub blank: Vec<Range<usize>>,
}

/// Every problem of `root` against `kind` (a [`Kind::Table`] of fields, or
/// [`Kind::Each`] for a file of free keys such as topics.toml).
pub fn check(root: &Node, kind: Kind, syntax: Syntax) -> Vec<Problem> {
    let mut checker = Checker {
        syntax,
        problems: Vec::new(),
    };
    checker.value(root, kind, "", "", &[]);
    checker.problems.sort_by_key(|p| p.offset);
    checker.problems
}

/// `text` with the bytes of `ranges` turned into spaces (line breaks kept),
/// so every offset and line of the rest stays where it was.
pub fn blank<'a>(text: &str, ranges: impl IntoIterator<Item = &'a Range<usize>>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        let end = range.end.min(bytes.len());
        for b in bytes.iter_mut().take(end).skip(range.start) {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Multi-byte characters are blanked whole, as every range starts and
    // ends at a character boundary; a stray byte would be replaced.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

struct Checker {
    syntax: Syntax,
    problems: Vec<Problem>,
}

impl Checker {
    fn table(&mut self, node: &Node, table: &'static Table, path: &str, spans: &[Range<usize>]) {
        let Value::Table(entries) = &node.value else {
            return self.wrong(node, path, Kind::Table(table), "", spans);
        };
        let keys = || table.fields.iter().map(|f| f.key);
        let known = |key: &str| table.fields.iter().any(|f| f.key == key);
        // A missing key that an unknown one misspells is that one's problem
        // ("did you mean"), not a second one.
        let misspelt: Vec<&str> = entries
            .iter()
            .filter(|e| !known(&e.key))
            .filter_map(|e| closest(&e.key, keys()))
            .collect();
        // Missing keys first: they point at the table's start.
        for field in table.fields.iter().filter(|f| f.required) {
            let present = entries.iter().any(|e| e.key == field.key);
            if !present && !misspelt.contains(&field.key) {
                self.problems.push(Problem {
                    offset: node.offset,
                    message: format!("`{}` is missing", join(path, field.key)),
                    help: format!("add {}", self.example(field.key, field.example)),
                    blank: Vec::new(),
                });
            }
        }
        for entry in entries {
            let name = join(path, &entry.key);
            match table.fields.iter().find(|f| f.key == entry.key) {
                Some(field) => {
                    self.value(&entry.node, field.kind, &name, field.example, &entry.spans)
                }
                None => self.unknown(entry, &name, table),
            }
        }
    }

    fn value(
        &mut self,
        node: &Node,
        kind: Kind,
        name: &str,
        example: &str,
        spans: &[Range<usize>],
    ) {
        let fits = match (&node.value, kind) {
            (_, Kind::Any) => true,
            (value, Kind::Text) => self.is_text(value),
            (Value::Nothing, Kind::Date) => true,
            (Value::Integer(_), Kind::WholeNumber) => true,
            (Value::Integer(n), Kind::Count) => *n >= 0,
            (Value::Integer(n), Kind::Positive) => *n > 0,
            (Value::Bool(_), Kind::Bool) => true,
            (Value::Text(day) | Value::Date(day), Kind::Date) => {
                let day = day.get(..10).unwrap_or(day);
                if let Err(why) = parse_day(day) {
                    return self.problems.push(Problem {
                        offset: node.offset,
                        message: format!("`{name}`: {why}"),
                        help: format!(
                            "write a day that exists, like {}",
                            self.example(name, example)
                        ),
                        blank: spans.to_vec(),
                    });
                }
                true
            }
            (Value::List(items), Kind::TextList) => {
                for item in items {
                    if !self.is_text(&item.value) {
                        return self.wrong(item, name, kind, example, spans);
                    }
                }
                true
            }
            (Value::Text(t), Kind::OneOf(choices)) => choices.contains(&t.as_str()),
            (_, Kind::Table(table)) => return self.table(node, table, name, spans),
            (Value::Table(entries), Kind::Each(each, each_example)) => {
                for entry in entries {
                    self.value(
                        &entry.node,
                        *each,
                        &join(name, &entry.key),
                        each_example,
                        &entry.spans,
                    );
                }
                true
            }
            _ => false,
        };
        if !fits {
            self.wrong(node, name, kind, example, spans);
        }
    }

    /// Text; in YAML also a bare number or `true`, which serde reads as text.
    fn is_text(&self, value: &Value) -> bool {
        match value {
            Value::Text(_) => true,
            Value::Integer(_) | Value::Float(_) | Value::Bool(_) => self.syntax == Syntax::Yaml,
            _ => false,
        }
    }

    fn wrong(
        &mut self,
        node: &Node,
        name: &str,
        kind: Kind,
        example: &str,
        spans: &[Range<usize>],
    ) {
        let expected = kind_words(kind);
        let help = if example.is_empty() {
            format!("write {expected}")
        } else {
            format!("write it like {}", self.example(name, example))
        };
        self.problems.push(Problem {
            offset: node.offset,
            message: format!(
                "`{name}` must be {expected}, not {}",
                value_words(&node.value)
            ),
            help,
            blank: spans.to_vec(),
        });
    }

    fn unknown(&mut self, entry: &Entry, name: &str, table: &Table) {
        let keys = table.fields.iter().map(|f| f.key);
        let help = match closest(&entry.key, keys) {
            Some(near) => format!("did you mean `{near}`? {}", table.unknown_help),
            None => table.unknown_help.to_string(),
        };
        self.problems.push(Problem {
            offset: entry.key_offset,
            message: format!("unknown key `{name}`"),
            help,
            blank: entry.spans.clone(),
        });
    }

    /// `key = example` or `key: example`, with the last part of a dotted name.
    fn example(&self, name: &str, example: &str) -> String {
        let key = name.rsplit('.').next().unwrap_or(name);
        match self.syntax {
            Syntax::Toml => format!("{key} = {example}"),
            Syntax::Yaml => format!("{key}: {example}"),
        }
    }
}

/// Parser messages spread over lines; a diagnostic reads better on one.
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// What `kind` is, in a newcomer's words.
pub fn kind_words(kind: Kind) -> String {
    match kind {
        Kind::Text => "text".into(),
        Kind::WholeNumber => "a whole number".into(),
        Kind::Count => "a whole number, 0 or more".into(),
        Kind::Positive => "a whole number above zero".into(),
        Kind::Bool => "true or false".into(),
        Kind::Date => "a date like 2024-05-01".into(),
        Kind::TextList => "a list of text, like [\"a\", \"b\"]".into(),
        Kind::OneOf(choices) => {
            let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
            match quoted.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("one of {} or {last}", rest.join(", "))
                }
                _ => quoted.join(""),
            }
        }
        Kind::Table(_) | Kind::Each(..) => "a table".into(),
        Kind::Any => "anything".into(),
    }
}

/// What a value that was found is, in the same words, with the value when short.
fn value_words(value: &Value) -> String {
    match value {
        Value::Text(t) if t.chars().count() <= 40 => format!("the text \"{t}\""),
        Value::Text(_) => "text".into(),
        Value::Integer(n) => format!("the number {n}"),
        Value::Float(x) => format!("the number {x}"),
        Value::Bool(b) => format!("{b}"),
        Value::Date(d) => format!("the date {d}"),
        Value::List(_) => "a list".into(),
        Value::Table(_) => "a table".into(),
        Value::Nothing => "nothing".into(),
    }
}

/// The key among `keys` that `typo` most likely meant: at most two edits
/// away (a third for long keys), the nearest first.
fn closest<'a>(typo: &str, keys: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if typo.chars().count() > 8 { 3 } else { 2 };
    keys.map(|k| (edit_distance(typo, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, with a swap of two neighbours as one edit (`topcis`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

/// `YYYY-MM-DD` as a day, or why it is none: not written as a date, or a
/// day the calendar does not have (February 30th).
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let [y, m, d] = parts[..] else {
        return Err(format!("`{text}` is not a date like 2024-05-01"));
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(format!("`{text}` is not a date like 2024-05-01"));
    }
    let (year, month, day): (i32, u32, u32) = (
        y.parse().unwrap_or(0),
        m.parse().unwrap_or(0),
        d.parse().unwrap_or(0),
    );
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{text}` does not exist: a year has months 01 to 12"
        ));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .ok_or_else(|| format!("`{text}` is not a date like 2024-05-01"))?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    let days = (next - first).num_days();
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!(
            "`{text}` does not exist: {} {} has {days} days",
            first.format("%B"),
            first.year()
        )
    })
}

impl Problem {
    /// The problem as a diagnostic of the file at `path`, whose text is
    /// `file_text`; the checked text starts at byte `base` of it (front
    /// matter after its fence).
    pub fn diagnostic(
        &self,
        path: &std::path::Path,
        file_text: &str,
        base: usize,
    ) -> crate::diagnostics::Diagnostic {
        let index = crate::diagnostics::LineIndex::new(file_text);
        crate::diagnostics::Diagnostic::error(path, self.message.clone())
            .at(index.position(file_text, base + self.offset))
            .hint(self.help.clone())
    }
}

#[cfg(test)]
mod tests;
