//! Filters: a search narrowed to a topic and to a section (a folder of
//! `content/<lang>/`), with or without words, and how many of its matches
//! each topic and section holds. `engine.js` does the same
//! (`docs/search-index.md`, "Filters").

use super::index::SearchIndex;
use serde::Serialize;

/// What a search is narrowed to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter<'a> {
    pub topic: Option<&'a str>,
    pub section: Option<&'a str>,
}

impl Filter<'_> {
    pub fn is_empty(&self) -> bool {
        self.topic.is_none() && self.section.is_none()
    }

    /// Whether `doc` is in the topic and the section (those set).
    pub fn keeps(&self, index: &SearchIndex, doc: u32) -> bool {
        self.topic.is_none_or(|t| in_topic(index, t, doc))
            && self.section.is_none_or(|s| in_section(index, s, doc))
    }
}

/// (id, matches) of each topic and of each section that holds some of a
/// search's matches: a topic's with the section filter applied, a section's
/// with the topic filter applied. In the manifest's order.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Facets {
    pub topics: Vec<(String, usize)>,
    pub sections: Vec<(String, usize)>,
}

pub fn in_topic(index: &SearchIndex, topic: &str, doc: u32) -> bool {
    index
        .topic_docs
        .get(topic)
        .is_some_and(|docs| docs.binary_search(&doc).is_ok())
}

/// A section id names the folder in every language that has it.
pub fn in_section(index: &SearchIndex, section: &str, doc: u32) -> bool {
    index
        .sections
        .iter()
        .any(|r| r.1 == section && (r.3..r.4).contains(&doc))
}

/// The counts of `matching` (documents before the filter) per topic and
/// per section.
pub fn facets(index: &SearchIndex, matching: &[u32], filter: &Filter) -> Facets {
    let by_section = Filter {
        topic: None,
        ..*filter
    };
    let by_topic = Filter {
        section: None,
        ..*filter
    };
    let topics = index
        .topics
        .iter()
        .map(|t| {
            let n = matching
                .iter()
                .filter(|&&d| by_section.keeps(index, d) && in_topic(index, &t.id, d))
                .count();
            (t.id.clone(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut sections: Vec<(String, usize)> = Vec::new();
    for range in &index.sections {
        if sections.iter().any(|(id, _)| *id == range.1) {
            continue;
        }
        let n = matching
            .iter()
            .filter(|&&d| by_topic.keeps(index, d) && in_section(index, &range.1, d))
            .count();
        if n > 0 {
            sections.push((range.1.clone(), n));
        }
    }
    Facets { topics, sections }
}
