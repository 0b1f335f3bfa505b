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

/// A syntax error at its place, its message without the parser's own
/// "at line 2 column 1" (the diagnostic has the position, once).
fn syntax_problem(text: &str, e: &serde_norway::Error) -> Problem {
    let shown = e.to_string();
    let message = match shown.rfind(" at line ") {
        Some(at) => shown[..at].to_string(),
        None => shown,
    };
    // libyaml counts `\r` and U+2028 as line breaks; its byte index maps
    // onto the text's own lines instead.
    let offset = e.location().map_or(0, |loc| loc.index()).min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&o| text.is_char_boundary(o))
        .unwrap_or(0);
    Problem {
        offset,
        message: super::one_line(&message),
        help: "fix the YAML syntax: one key: value a line, lists in [ ] or as - lines".into(),
        blank: Vec::new(),
    }
}
