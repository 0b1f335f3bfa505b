//! `content/topics.toml`: the cross-language glossary through which articles in
//! different languages find each other.

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, Position};
use crate::shape::{self, Field, Kind, Syntax};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub const TOPICS_FILE: &str = "topics.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    label: BTreeMap<String, String>,
    #[serde(default)]
    definition: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Topic {
    pub id: String,
    /// Label per language code.
    pub label: BTreeMap<String, String>,
    pub definition: BTreeMap<String, String>,
    /// Where the topic's table starts in topics.toml.
    pub position: Position,
}

impl Topic {
    /// The label in the first language of `chain` that has one.
    pub fn label_in<S: AsRef<str>>(&self, chain: &[S]) -> &str {
        first_in(&self.label, chain).unwrap_or(&self.id)
    }
    pub fn definition_in<S: AsRef<str>>(&self, chain: &[S]) -> &str {
        first_in(&self.definition, chain).unwrap_or("")
    }
}

fn first_in<'a, S: AsRef<str>>(map: &'a BTreeMap<String, String>, chain: &[S]) -> Option<&'a str> {
    chain
        .iter()
        .find_map(|lang| map.get(lang.as_ref()))
        .or_else(|| map.values().next())
        .map(String::as_str)
}

/// Every topic, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Topics {
    pub list: Vec<Topic>,
    /// topics.toml is there but could not be read: its own problems say
    /// why, and no page's topic is called unknown because of it.
    pub unreadable: bool,
}

impl Topics {
    /// What a topics.toml that failed to load stands for.
    pub fn unreadable() -> Self {
        Topics {
            list: Vec::new(),
            unreadable: true,
        }
    }

    /// Whether `id` is a topic that no page may name: false while
    /// topics.toml is unreadable.
    pub fn is_unknown(&self, id: &str) -> bool {
        !self.unreadable && self.get(id).is_none()
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.list
            .binary_search_by(|t| t.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.list[i])
    }
}

/// What topics.toml may hold, for [`shape::check`].
static TOPIC: shape::Table = shape::Table {
    fields: &[
        Field::new(
            "label",
            Kind::Each(&Kind::Text, "\"Empatia\""),
            "{ pt = \"Empatia\", en = \"Empathy\" }",
        )
        .required(),
        Field::new(
            "definition",
            Kind::Each(&Kind::Text, "\"…\""),
            "{ pt = \"…\", en = \"…\" }",
        ),
    ],
    unknown_help: "a topic has a label and a definition, each a table of languages",
};

static TOPICS: Kind = Kind::Each(&Kind::Table(&TOPIC), "{ label = { pt = \"…\" } }");

/// Parses the text of topics.toml; `path` is only for messages. Every
/// problem of every topic is reported.
pub fn parse(path: &Path, text: &str) -> Result<Topics, Diagnostics> {
    let tree =
        shape::toml::parse(text).map_err(|p| Diagnostics::from(p.diagnostic(path, text, 0)))?;
    let mut misfits: Vec<Diagnostic> = shape::check(&tree, TOPICS, Syntax::Toml)
        .iter()
        .map(|p| p.diagnostic(path, text, 0))
        .collect();
    if !misfits.is_empty() {
        // The ids' problems too, which the rest of this function finds only
        // in a file of the right shape: every problem in one run.
        if let shape::Value::Table(entries) = &tree.value {
            let index = LineIndex::new(text);
            misfits.extend(entries.iter().filter(|e| !is_topic_id(&e.key)).map(|e| {
                Diagnostic::error(path, format!("topic id `{}` is not a valid id", e.key))
                    .at(index.position(text, e.key_offset))
                    .hint("use lowercase ASCII letters, digits and dashes, e.g. active-listening")
            }));
        }
        return Err(Diagnostics::from(misfits).sorted());
    }
    let raw: BTreeMap<Spanned<String>, RawTopic> =
        toml::from_str(text).map_err(|e| crate::config::toml_error(path, text, &e))?;
    let index = LineIndex::new(text);
    let mut problems = Diagnostics::default();
    let mut list = Vec::with_capacity(raw.len());
    for (id, topic) in raw {
        let position = index.position(text, table_start(text, id.span().start));
        let id = id.into_inner();
        if !is_topic_id(&id) {
            problems.push(
                Diagnostic::error(path, format!("topic id `{id}` is not a valid id"))
                    .at(position)
                    .hint("use lowercase ASCII letters, digits and dashes, e.g. active-listening"),
            );
        }
        if topic.label.values().all(|l| l.trim().is_empty()) {
            problems.push(
                Diagnostic::error(path, format!("topic `{id}` has no label"))
                    .at(position)
                    .hint("add label = { en = \"…\", pt = \"…\" }"),
            );
        }
        list.push(Topic {
            id,
            label: topic.label,
            definition: topic.definition,
            position,
        });
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Topics {
        list,
        unreadable: false,
    })
}

/// Where the table of the topic whose id starts at `key_start` starts: at the
/// `[` of its header (`[empathy]`), else at the id (`empathy = { … }`).
fn table_start(text: &str, key_start: usize) -> usize {
    let before = text[..key_start].trim_end_matches([' ', '\t']);
    match before.strip_suffix('[') {
        Some(header) => header.len(),
        None => key_start,
    }
}

fn is_topic_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_fallback_chain() {
        let text = "[empathy]\nlabel = { pt = \"Empatia\", en = \"Empathy\" }\n";
        let topics = parse(Path::new("topics.toml"), text).unwrap();
        let t = topics.get("empathy").unwrap();
        let chain = ["hr".to_string(), "pt".to_string(), "en".to_string()];
        assert_eq!(t.label_in(&chain), "Empatia");
        assert_eq!(t.definition_in(&chain), "");
    }

    #[test]
    fn bad_ids_are_reported_at_their_table() {
        let text = "[ok]\nlabel = { en = \"Ok\" }\n\n[\"Bad Id\"]\nlabel = { en = \"B\" }\n";
        let err = parse(Path::new("topics.toml"), text).unwrap_err();
        assert!(err.0[0].message.contains("Bad Id"));
        assert_eq!((err.0[0].line, err.0[0].col), (4, 1));
    }

    #[test]
    fn a_bad_id_is_reported_with_the_shape_problems() {
        let text = "[Calma]\nlabel = \"Calma\"\n";
        let err = parse(Path::new("topics.toml"), text).unwrap_err();
        let said: Vec<&str> = err.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            said,
            [
                "topic id `Calma` is not a valid id",
                "`Calma.label` must be a table, not the text \"Calma\""
            ]
        );
    }

    #[test]
    fn positions_are_where_each_topic_is_defined() {
        let text = "b = { label = { en = \"B\" } }\n\n[ a ]\nlabel = { en = \"A\" }\n";
        let topics = parse(Path::new("topics.toml"), text).unwrap();
        assert_eq!(topics.get("a").unwrap().position, Position::new(3, 1));
        assert_eq!(topics.get("b").unwrap().position, Position::new(1, 1));
    }
}
