//! Topic pages: a language's list of topics, and one topic's articles in
//! this language, then in the others.

use super::{topic_path, Page, PageJob, SiteData};
use crate::page_kind::PageKind;
use crate::render::context::*;

impl SiteData<'_> {
    pub(super) fn topics_index(&self, lang: &str) -> PageJob {
        let from = self.address(Page::TopicsIndex(lang));
        let topics = TopicsIndexContext {
            topics: self.used_topics(lang, &from),
        };
        let title = self.config.title_in(lang).to_string();
        let page = self.page(
            PageKind::Topics,
            lang,
            &title,
            "",
            &from,
            &self.versions(Page::TopicsIndex(lang)),
        );
        let mut extra = tera::Context::new();
        extra.insert("topics", &topics);
        self.page_job(&from, page, Some(extra))
    }

    pub(super) fn topic(&self, lang: &str, id: &str) -> PageJob {
        let from = self.address(Page::Topic(lang, id));
        let topic = self
            .content
            .topics
            .get(id)
            .expect("topic pages come from the topic list");
        let chain = self.chain(lang);
        let ids = self.graph.by_topic.get(id).cloned().unwrap_or_default();
        let context = TopicContext {
            id: id.to_string(),
            label: topic.label_in(&chain).to_string(),
            definition: topic.definition_in(&chain).to_string(),
            other_labels: self
                .config
                .languages
                .iter()
                .filter(|l| l.code != lang)
                .filter_map(|l| {
                    topic.label.get(&l.code).map(|label| LabelInLanguage {
                        lang: l.code.clone(),
                        lang_name: l.name.clone(),
                        label: label.clone(),
                    })
                })
                .collect(),
            here: ids
                .iter()
                .filter(|&&a| self.articles[a].document.lang == lang)
                .map(|&a| self.card(a, lang, &from, 0))
                .collect(),
            elsewhere: self.other_language_groups(&ids, lang, &from, |l| topic_path(l, id)),
        };
        let page = self.page(
            PageKind::Topic,
            lang,
            &context.label,
            &context.definition,
            &from,
            &self.versions(Page::Topic(lang, id)),
        );
        let mut extra = tera::Context::new();
        extra.insert("topic", &context);
        self.page_job(&from, page, Some(extra))
    }
}
