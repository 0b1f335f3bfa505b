//! TOML text to a [`Node`] tree, with the spans `toml_edit` keeps; a syntax
//! error to one [`Problem`] in plain words.

use super::{Entry, Node, Problem, Value};
use std::ops::Range;
use toml_edit::{ImDocument, Item, Key};

/// The tree of `text`, or the syntax error that stops it being read.
pub fn parse(text: &str) -> Result<Node, Problem> {
    let doc = ImDocument::parse(text).map_err(|e| syntax_problem(text, &e))?;
    Ok(Node {
        offset: 0,
        value: Value::Table(table_entries(
            doc.as_table()
                .iter()
                .map(|(k, item)| (doc.as_table().key(k), item)),
        )),
    })
}

fn table_entries<'a>(items: impl Iterator<Item = (Option<&'a Key>, &'a Item)>) -> Vec<Entry> {
    items
        .filter_map(|(key, item)| {
            let key = key?;
            let node = item_node(item)?;
            let key_offset = header_start(item).unwrap_or_else(|| start(key.span()));
            let mut spans = Vec::new();
            item_spans(key, item, &mut spans);
            Some(Entry {
                key: key.get().to_string(),
                key_offset,
                spans,
                node,
            })
        })
        .collect()
}

fn start(span: Option<Range<usize>>) -> usize {
    span.map_or(0, |s| s.start)
}

/// Where a `[table]` header starts; none for a value or an implicit table.
fn header_start(item: &Item) -> Option<usize> {
    match item {
        Item::Table(t) => t.span().map(|s| s.start),
        Item::ArrayOfTables(a) => a.iter().next().and_then(|t| t.span()).map(|s| s.start),
        _ => None,
    }
}

fn item_node(item: &Item) -> Option<Node> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(value_node(v)),
        Item::Table(t) => {
            let entries = table_entries(t.iter().map(|(k, i)| (t.key(k), i)));
            let offset = t
                .span()
                .map(|s| s.start)
                .or_else(|| entries.first().map(|e| e.key_offset))
                .unwrap_or(0);
            Some(Node {
                offset,
                value: Value::Table(entries),
            })
        }
        Item::ArrayOfTables(array) => {
            let items = array
                .iter()
                .map(|t| Node {
                    offset: start(t.span()),
                    value: Value::Table(table_entries(t.iter().map(|(k, i)| (t.key(k), i)))),
                })
                .collect::<Vec<_>>();
            Some(Node {
                offset: items.first().map_or(0, |n| n.offset),
                value: Value::List(items),
            })
        }
    }
}

fn value_node(value: &toml_edit::Value) -> Node {
    use toml_edit::Value as V;
    let value_of = match value {
        V::String(s) => Value::Text(s.value().clone()),
        V::Integer(n) => Value::Integer(*n.value()),
        V::Float(x) => Value::Float(*x.value()),
        V::Boolean(b) => Value::Bool(*b.value()),
        V::Datetime(d) => Value::Date(d.value().to_string()),
        V::Array(a) => Value::List(a.iter().map(value_node).collect()),
        V::InlineTable(t) => Value::Table(
            t.iter()
                .filter_map(|(k, v)| {
                    let key = t.key(k)?;
                    let node = value_node(v);
                    let entry_span = start(key.span())..v.span().map_or(node.offset, |s| s.end);
                    Some(Entry {
                        key: k.to_string(),
                        key_offset: start(key.span()),
                        spans: std::iter::once(entry_span).collect(),
                        node,
                    })
                })
                .collect(),
        ),
    };
    Node {
        offset: start(value.span()),
        value: value_of,
    }
}

/// The bytes `key = value` takes; for a `[table]`, its header and each of its entries.
fn item_spans(key: &Key, item: &Item, spans: &mut Vec<Range<usize>>) {
    match item {
        Item::None => {}
        Item::Value(v) => {
            if let (Some(k), Some(v)) = (key.span(), v.span()) {
                spans.push(k.start..v.end);
            }
        }
        Item::Table(t) => table_spans(t, spans),
        Item::ArrayOfTables(a) => a.iter().for_each(|t| table_spans(t, spans)),
    }
}

fn table_spans(table: &toml_edit::Table, spans: &mut Vec<Range<usize>>) {
    spans.extend(table.span());
    for (k, item) in table.iter() {
        if let Some(key) = table.key(k) {
            item_spans(key, item, spans);
        }
    }
}

/// A syntax error, at its place, in plain words.
fn syntax_problem(text: &str, e: &toml_edit::TomlError) -> Problem {
    let message = crate::shape::one_line(e.message());
    let offset = e.span().map_or(0, |s| s.start).min(text.len());
    let plain = |message: String, help: &str| Problem {
        offset,
        message,
        help: help.to_string(),
        blank: Vec::new(),
    };
    if let Some(rest) = message.strip_prefix("duplicate key `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return plain(
            format!("`{key}` is written twice"),
            "a key may appear once; keep one of the two",
        );
    }
    if message.starts_with("invalid date-time") || message.starts_with("invalid time") {
        let (start, token) = token_at(text, offset);
        let why = match super::parse_day(token.get(..10).unwrap_or(token)) {
            Err(why) => why,
            Ok(_) => format!("`{token}` is not a date like 2024-05-01"),
        };
        return Problem {
            offset: start,
            ..plain(why, "write a day that exists, like 2024-05-01")
        };
    }
    if message.contains("number too large") {
        let (start, token) = token_at(text, offset);
        return Problem {
            offset: start,
            ..plain(
                format!("the number {token} is too large"),
                "write a whole number of at most 18 digits, or put it in quotes to keep it as text",
            )
        };
    }
    // `key =` and nothing after it: toml_edit expects a string, or says nothing.
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let before = text[line_start..offset].trim_end();
    if let Some(key) = before.strip_suffix('=') {
        if text[offset..line_end].trim().is_empty() && !key.trim().is_empty() {
            return plain(
                format!("`{}` has no value", key.trim()),
                "write a value after the =, like title = \"Como ouvir\"",
            );
        }
    }
    // `title: "Ouvir"`: YAML between +++ lines, or in site.toml.
    if text[offset..].starts_with(':') && !before.is_empty() && !before.contains(['=', '"', '\'']) {
        return plain(
            format!("`{before}:` is YAML; TOML writes {before} = …"),
            "write key = value here (a page's front matter in YAML goes between --- lines)",
        );
    }
    // `date = 2024/05/01`, `date = 01.05.2024`: a day, written another way.
    let (start, token) = token_at_with(text, offset, &['/']);
    if message.starts_with("expected newline")
        && token.contains(['/', '.', '-'])
        && token.chars().filter(char::is_ascii_digit).count() >= 6
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
    {
        return Problem {
            offset: start,
            ..plain(
                format!("`{token}` is not a date like 2024-05-01"),
                "write a day year first, with dashes: 2024-05-01",
            )
        };
    }
    // toml_edit gives some errors no words at all.
    if message.is_empty() {
        if text[offset..].starts_with('\r') {
            return plain(
                "a carriage return without a line break after it".into(),
                "save the file with ordinary line breaks (LF or CRLF)",
            );
        }
        return plain(
            "this is not a line like key = value".into(),
            "fix the TOML syntax: one key = value a line, text between double quotes",
        );
    }
    if message.contains("string") {
        return plain(
            message,
            "put text between double quotes, opened and closed on its line: title = \"Como ouvir\"",
        );
    }
    plain(
        message,
        "fix the TOML syntax: one key = value a line, text between double quotes",
    )
}

/// The word of `text` around `offset` (a date, a number): its start and itself.
fn token_at(text: &str, offset: usize) -> (usize, &str) {
    token_at_with(text, offset, &[])
}

/// [`token_at`], with `more` characters also part of a word.
fn token_at_with<'a>(text: &'a str, offset: usize, more: &[char]) -> (usize, &'a str) {
    let is_part = |c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.' | '+') || more.contains(&c)
    };
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_part(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| !is_part(c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start, &text[start..end])
}
