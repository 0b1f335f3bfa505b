//! Topic pages: a language's list of topics, and one topic's articles in
//! this language, then in the others.

use super::section::{page_count, page_of};
use super::{topic_path, Page, PageJob, SiteData};
use crate::graph::ArticleId;
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

    /// A topic's articles in `lang`, in listing order.
    pub(super) fn topic_articles_here(&self, lang: &str, id: &str) -> Vec<ArticleId> {
        let ids = self.graph.by_topic.get(id).map_or(&[][..], Vec::as_slice);
        ids.iter()
            .copied()
            .filter(|&a| self.articles[a].document.lang == lang)
            .collect()
    }

    /// Page `number` (from 1) of a topic: its articles in `lang`,
    /// `paginate_by` to a page; the first page also lists the other
    /// languages' articles (a few each, with a link to the rest).
    pub(super) fn topic(&self, lang: &str, id: &str, number: usize) -> PageJob {
        let from = self.address(Page::Topic(lang, id, number));
        let topic = self
            .content
            .topics
            .get(id)
            .expect("topic pages come from the topic list");
        let chain = self.chain(lang);
        let ids = self.graph.by_topic.get(id).cloned().unwrap_or_default();
        let here = self.topic_articles_here(lang, id);
        let per_page = self.config.paginate_by;
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
            here: page_of(&here, per_page, number)
                .iter()
                .map(|&a| self.card(a, lang, &from, 0))
                .collect(),
            here_count: here.len(),
            pagination: self.pagination(
                &from,
                &topic_path(lang, id),
                number,
                page_count(here.len(), per_page),
            ),
            elsewhere: if number == 1 {
                self.other_language_groups(&ids, lang, &from, |l| topic_path(l, id))
            } else {
                Vec::new()
            },
        };
        let page = self.page(
            PageKind::Topic,
            lang,
            &context.label,
            &context.definition,
            &from,
            &self.versions(Page::Topic(lang, id, number)),
        );
        let mut extra = tera::Context::new();
        extra.insert("topic", &context);
        self.page_job(&from, page, Some(extra))
    }
}
