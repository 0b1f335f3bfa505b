//! YAML text to a [`Node`] tree. The YAML parser gives no spans, so each
//! top-level key is found by a search of the text (the line that starts with
//! it), and what is inside it points at that key.

use super::{Entry, Node, Problem, Value};
use serde_norway::Value as Yaml;

/// The tree of `text`, or the syntax error that stops it being read.
pub fn parse(text: &str) -> Result<Node, Problem> {
    let yaml: Yaml = serde_norway::from_str(text).map_err(|e| syntax_problem(text, &e))?;
    let Yaml::Mapping(map) = yaml else {
        return Ok(node(&yaml, 0));
    };
    let lines = top_level_lines(text);
    let entries = map
        .iter()
        .map(|(key, value)| {
            let key = key_text(key);
            let (start, end) = lines
                .iter()
                .position(|&(at, _)| starts_with_key(&text[at..], &key))
                .map_or((0, 0), |i| {
                    (lines[i].0, lines.get(i + 1).map_or(text.len(), |l| l.0))
                });
            let value_offset = text[start..end]
                .find(':')
                .map_or(start, |colon| start + colon + 1);
            let value_offset = value_offset + text[value_offset..end].len()
                - text[value_offset..end].trim_start().len();
            Entry {
                key,
                key_offset: start,
                spans: std::iter::once(start..end).collect(),
                node: node(value, value_offset.min(end.max(start))),
            }
        })
        .collect();
    Ok(Node {
        offset: 0,
        value: Value::Table(entries),
    })
}

/// Byte offsets of the lines that start a top-level key (not indented, no
/// comment, no list item), with the line.
fn top_level_lines(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    let mut lines = Vec::new();
    for line in text.split_inclusive('\n') {
        let starts_key = line
            .chars()
            .next()
            .is_some_and(|c| !matches!(c, ' ' | '\t' | '#' | '-' | '\r' | '\n'));
        if starts_key {
            lines.push((offset, line));
        }
        offset += line.len();
    }
    lines
}

fn starts_with_key(line: &str, key: &str) -> bool {
    ["", "\"", "'"].iter().any(|quote| {
        line.strip_prefix(quote)
            .and_then(|l| l.strip_prefix(key))
            .and_then(|l| l.strip_prefix(quote))
            .is_some_and(|l| l.trim_start_matches([' ', '\t']).starts_with(':'))
    })
}

fn key_text(key: &Yaml) -> String {
    match key {
        Yaml::String(s) => s.clone(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        other => serde_norway::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// A value and everything inside it, all at `offset`.
fn node(value: &Yaml, offset: usize) -> Node {
    let value = match value {
        Yaml::Null => Value::Nothing,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Yaml::String(s) => Value::Text(s.clone()),
        Yaml::Sequence(items) => Value::List(items.iter().map(|v| node(v, offset)).collect()),
        Yaml::Mapping(map) => Value::Table(
            map.iter()
                .map(|(k, v)| Entry {
                    key: key_text(k),
                    key_offset: offset,
                    spans: Vec::new(),
                    node: node(v, offset),
                })
                .collect(),
        ),
        Yaml::Tagged(tagged) => return node(&tagged.value, offset),
    };
    Node { offset, value }
}

/// `message` without libyaml's and serde's " at line 5 column 1", however
/// many it has ("…at line 4 column 1, while parsing a flow node at line 3
/// column 9"): the diagnostic has the position, once. A key that reads
/// " at line " but no number after it is the user's text and stays.
pub fn without_positions(message: &str) -> String {
    const AT_LINE: &str = " at line ";
    let number = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(AT_LINE) {
        let after = &rest[at + AT_LINE.len()..];
        let line = number(after);
        if line == 0 {
            out.push_str(&rest[..at + AT_LINE.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let after = &after[line..];
        rest = match after.strip_prefix(" column ") {
            Some(col) => &col[number(col)..],
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// A syntax error at its place, its message without the parser's own
/// "at line 2 column 1" (the diagnostic has the position, once).
fn syntax_problem(text: &str, e: &serde_norway::Error) -> Problem {
    let message = without_positions(&e.to_string());
    // libyaml counts `\r` and U+2028 as line breaks; its byte index maps
    // onto the text's own lines instead.
    let offset = e.location().map_or(0, |loc| loc.index()).min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&o| text.is_char_boundary(o))
        .unwrap_or(0);
    if let Some(problem) = too_large(&message, offset) {
        return problem;
    }
    if let Some((parent, rest)) = message.split_once("duplicate entry with key \"") {
        let key = rest.split('"').next().unwrap_or(rest);
        let parent = parent.trim_end_matches([':', ' ']);
        let name = if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        };
        return Problem {
            offset,
            message: format!("`{name}` is written twice"),
            help: "a key may appear once; keep one of the two".into(),
            blank: Vec::new(),
        };
    }
    if message.starts_with("control characters are not allowed") {
        let found = text
            .char_indices()
            .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
        if let Some((at, c)) = found {
            return Problem {
                offset: at,
                message: format!("an invisible control character (U+{:04X})", u32::from(c)),
                help: "delete it: YAML does not allow it (an editor may show it as ^@ or a box)"
                    .into(),
                blank: Vec::new(),
            };
        }
    }
    let message = PLAIN
        .iter()
        .find(|(said, _)| message.starts_with(said))
        .map_or_else(|| super::one_line(&message), |(_, plain)| plain.to_string());
    Problem {
        offset,
        message,
        help: "fix the YAML syntax: one key: value a line, lists in [ ] or as - lines".into(),
        blank: Vec::new(),
    }
}

/// libyaml's words for the slips a newcomer makes, and plain ones.
const PLAIN: &[(&str, &str)] = &[
    (
        "mapping values are not allowed",
        "a `:` where YAML expects none: is a line above missing its `key:`, or text holding `: ` missing its quotes?",
    ),
    ("could not find expected ':'", "a line with no `:` after its key"),
    ("did not find expected node content", "a value is missing or cut short"),
    ("did not find expected ',' or ']'", "a [ ] list is never closed"),
    ("did not find expected ',' or '}'", "a { } table is never closed"),
    ("found unexpected end of stream", "the front matter ends inside a quote or a list"),
    ("found a tab character", "a tab where YAML wants spaces"),
    ("found unknown escape character", "a \\ in double quotes that starts no escape: write \\\\ or use single quotes"),
];

/// A number beyond what the parser holds, which serde_norway reports as
/// "key: invalid type: integer `N` as u128, expected any YAML value".
fn too_large(message: &str, offset: usize) -> Option<Problem> {
    let (key, rest) = message.split_once(": invalid type: integer `")?;
    let (number, _) = rest.split_once('`')?;
    let name = if key.is_empty() || key.contains(' ') {
        String::new()
    } else {
        format!("`{key}`: ")
    };
    Some(Problem {
        offset,
        message: format!("{name}the number {number} is too large"),
        help: "write a whole number of at most 18 digits, or put it in quotes to keep it as text"
            .into(),
        blank: Vec::new(),
    })
}
