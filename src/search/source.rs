//! What the index is built from: the site's articles, grouped by language in
//! configured order (so each language is one range of doc ids), and its topics.

use super::index::{SourceDocument, SourceTopic};
use crate::config::SiteConfig;
use crate::content::Content;
use crate::graph::Graph;
use crate::markdown::Rendered;

pub fn documents<'a>(
    config: &SiteConfig,
    content: &Content,
    rendered: &'a [Rendered],
    graph: &Graph,
) -> Vec<SourceDocument<'a>> {
    let mut documents = Vec::with_capacity(content.documents.len());
    for lang in &config.languages {
        let chain = config.fallback_chain(&lang.code);
        for &id in graph.by_lang.get(&lang.code).into_iter().flatten() {
            let doc = &content.documents[id];
            let r = &rendered[id];
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
