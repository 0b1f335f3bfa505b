//! What several kinds of page show: topic links, article cards, groups of
//! articles in other languages.

use super::{topic_path, SiteData};
use crate::graph::ArticleId;
use crate::render::context::*;

impl SiteData<'_> {
    pub(super) fn topic_link(&self, id: &str, lang: &str, from: &str) -> TopicLink {
        let label = self
            .content
            .topics
            .get(id)
            // The fallback chain without allocating one per link: a language
            // repeated in it changes nothing.
            .map(|t| {
                t.label_in(&[lang, &self.config.default_language, "en"])
                    .to_string()
            })
            .unwrap_or_else(|| id.to_string());
        TopicLink {
            id: id.to_string(),
            label,
            url: self.url(from, &topic_path(lang, id)),
            article_count: self.graph.by_topic.get(id).map_or(0, Vec::len),
        }
    }

    pub(super) fn card(
        &self,
        id: ArticleId,
        page_lang: &str,
        from: &str,
        shared_topics: usize,
    ) -> ArticleCard {
        let doc = &self.articles[id].document;
        ArticleCard {
            title: doc.front.title.clone(),
            description: doc.front.description.clone(),
            url: self.url(from, &doc.url_path()),
            lang: self.config.lang_attr(&doc.lang).to_string(),
            lang_name: self.config.language_name(&doc.lang),
            foreign: doc.lang != page_lang,
            reading_minutes: self.reading_minutes(id),
            topics: doc
                .front
                .topics
                .iter()
                .map(|t| self.topic_link(t, page_lang, from))
                .collect(),
            shared_topics,
            dir: crate::i18n::dir_against(&doc.lang, page_lang),
        }
    }

    pub(super) fn reading_minutes(&self, id: ArticleId) -> usize {
        crate::markdown::reading_minutes(
            self.articles[id].rendered.word_count,
            self.config.words_per_minute,
        )
    }

    /// Groups articles of other languages than `lang`, in configured language
    /// order, each cut to `other_languages_limit` with a link to where the
    /// rest are listed (`more_path` of the group's language).
    pub(super) fn other_language_groups(
        &self,
        ids: &[ArticleId],
        lang: &str,
        from: &str,
        more_path: impl Fn(&str) -> String,
    ) -> Vec<LanguageGroup> {
        let limit = self.config.other_languages_limit;
        self.config
            .languages
            .iter()
            .filter(|l| l.code != lang)
            .filter_map(|l| {
                let of_language: Vec<ArticleId> = ids
                    .iter()
                    .copied()
                    .filter(|&id| self.articles[id].document.lang == l.code)
                    .collect();
                if of_language.is_empty() {
                    return None;
                }
                let articles = of_language
                    .iter()
                    .take(limit)
                    .map(|&id| self.card(id, lang, from, 0))
                    .collect();
                Some(LanguageGroup {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    articles,
                    total: of_language.len(),
                    more_url: self.url(from, &more_path(&l.code)),
                    dir: crate::i18n::dir_against(&l.code, lang),
                })
            })
            .collect()
    }

    pub(super) fn used_topics(&self, lang: &str, from: &str) -> Vec<TopicLink> {
        let mut topics: Vec<TopicLink> = self
            .content
            .topics
            .list
            .iter()
            .filter(|t| self.graph.by_topic.contains_key(&t.id))
            .map(|t| self.topic_link(&t.id, lang, from))
            .collect();
        topics.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        topics
    }
}
