//! What the index is built from: the site's articles, grouped by language in
//! configured order (so each language is one range of doc ids), and its topics.

use crate::config::SiteConfig;
use crate::content::Content;
use crate::graph::{Article, Graph};
use std::borrow::Cow;

/// What the index needs of one article. The body is borrowed from the
/// rendered article when there is one, so the text is not held twice.
#[derive(Debug, Clone)]
pub struct SourceDocument<'a> {
    pub lang: String,
    /// URL path relative to the site root (`hr/kako/`).
    pub url: String,
    pub title: String,
    pub description: String,
    pub headings: String,
    pub topic_ids: Vec<String>,
    /// The labels of its topics in its language, space-separated.
    pub topic_labels: String,
    /// Words separated by single spaces, as `Rendered::plain_text` is.
    pub body: Cow<'a, str>,
    /// Its headings, in order, with where their text is in `body`.
    pub sections: Vec<SourceSection>,
    /// The folder of `content/<lang>/` it is in (empty outside one), and
    /// that section's title: what search filters by.
    pub section: String,
    pub section_title: String,
}

/// A heading of a document: its id and its text's byte range in the body.
#[derive(Debug, Clone)]
pub struct SourceSection {
    pub id: String,
    pub span: std::ops::Range<usize>,
}

impl SourceDocument<'_> {
    /// The same document owning its body (to send it to another thread).
    pub fn into_owned(self) -> SourceDocument<'static> {
        SourceDocument {
            body: Cow::Owned(self.body.into_owned()),
            ..self
        }
    }
}

/// A synonym rule (`content/synonyms.toml`): a search for `from` (a word or
/// phrase of `lang`) also finds the pages that have one of `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSynonym {
    pub lang: String,
    pub from: String,
    pub to: Vec<String>,
}

/// A topic's labels, for matching queries in any language.
#[derive(Debug, Clone)]
pub struct SourceTopic {
    pub id: String,
    /// (language, label).
    pub labels: Vec<(String, String)>,
}

pub fn documents<'a>(
    config: &SiteConfig,
    articles: &'a [Article],
    content: &Content,
    graph: &Graph,
) -> Vec<SourceDocument<'a>> {
    let mut documents = Vec::with_capacity(articles.len());
    for lang in &config.languages {
        let chain = config.fallback_chain(&lang.code);
        let section_titles: std::collections::HashMap<&str, &str> = content
            .sections
            .iter()
            .filter(|s| s.lang == lang.code && !s.section.is_empty())
            .map(|s| (s.section.as_str(), s.front.title.as_str()))
            .collect();
        for &id in graph.by_lang.get(&lang.code).into_iter().flatten() {
            let Article {
                document: doc,
                rendered: r,
            } = &articles[id];
            let headings: Vec<&str> = r.headings.iter().map(|h| h.text.as_str()).collect();
            let labels: Vec<&str> = doc
                .front
                .topics
                .iter()
                .filter_map(|t| content.topics.get(t))
                .map(|t| t.label_in(&chain))
                .collect();
            documents.push(SourceDocument {
                lang: doc.lang.clone(),
                url: doc.url_path(),
                title: doc.front.title.clone(),
                description: doc.front.description.clone(),
                headings: headings.join("\n"),
                topic_ids: doc.front.topics.clone(),
                topic_labels: labels.join("\n"),
                body: r.plain_text.as_str().into(),
                sections: r
                    .headings
                    .iter()
                    .zip(&r.heading_spans)
                    .map(|(h, span)| SourceSection {
                        id: h.id.clone(),
                        span: span.clone(),
                    })
                    .collect(),
                section: doc.section.clone(),
                section_title: if doc.section.is_empty() {
                    String::new()
                } else {
                    section_titles
                        .get(doc.section.as_str())
                        .map_or_else(|| doc.section.clone(), |t| t.to_string())
                },
            });
        }
    }
    documents
}

pub fn topics(config: &SiteConfig, content: &Content) -> Vec<SourceTopic> {
    content
        .topics
        .list
        .iter()
        .map(|t| SourceTopic {
            id: t.id.clone(),
            labels: t
                .label
                .iter()
                .filter(|(lang, _)| config.language(lang).is_some() || lang.as_str() == "en")
                .map(|(lang, label)| (lang.clone(), label.clone()))
                .collect(),
        })
        .collect()
}

/// The rules of `content/synonyms.toml`, each group in both directions
/// when it is one of `same`.
pub fn synonyms(content: &Content) -> Vec<SourceSynonym> {
    let mut rules = Vec::new();
    for group in &content.synonyms.groups {
        for (from, to) in group.rules() {
            rules.push(SourceSynonym {
                lang: group.lang.clone(),
                from: from.to_string(),
                to: to.into_iter().map(str::to_string).collect(),
            });
        }
    }
    rules
}
