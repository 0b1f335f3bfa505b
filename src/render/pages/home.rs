//! A language's home: its articles by section, the guidance it lacks, its topics.

use super::{home_path, Page, PageJob, SiteData};
use crate::graph::ArticleId;
use crate::page_kind::PageKind;
use crate::render::context::*;

impl SiteData<'_> {
    pub(super) fn home(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Home(lang));
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let mut sections: Vec<SectionGroup> = Vec::new();
        for &id in &ids {
            let doc = &self.articles[id].document;
            let index = self
                .content
                .sections
                .iter()
                .find(|s| s.lang == lang && s.section == doc.section);
            let title = if doc.section.is_empty() {
                String::new()
            } else {
                index
                    .map(|s| s.front.title.clone())
                    .unwrap_or_else(|| doc.section.clone())
            };
            if sections.last().map(|s| &s.title) != Some(&title) || sections.is_empty() {
                sections.push(SectionGroup {
                    title,
                    description: index
                        .map(|s| s.front.description.clone())
                        .unwrap_or_default(),
                    intro_html: match (doc.section.is_empty(), index) {
                        (false, Some(s)) => self.intro_html(lang, s.body()),
                        _ => String::new(),
                    },
                    articles: Vec::new(),
                });
            }
            sections
                .last_mut()
                .expect("pushed above")
                .articles
                .push(self.card(id, lang, &from, 0));
        }
        // Guidance this language lacks: articles with no translation into it.
        let untranslated: Vec<ArticleId> = (0..self.articles.len())
            .filter(|&id| {
                self.articles[id].document.lang != lang
                    && !self.graph.translations[id]
                        .iter()
                        .any(|&t| self.articles[t].document.lang == lang)
            })
            .collect();
        let root_index = self
            .content
            .sections
            .iter()
            .find(|s| s.lang == lang && s.section.is_empty());
        let home = HomeContext {
            intro_html: root_index
                .map(|s| self.intro_html(lang, s.body()))
                .unwrap_or_default(),
            article_count: ids.len(),
            sections,
            other_languages: self.other_language_groups(&untranslated, lang, &from, home_path),
            topics: self.used_topics(lang, &from),
            offline: self.config.offline.then(|| OfflineSave {
                list_url: self.url(&from, &format!("{lang}/{}", crate::offline::LIST_NAME)),
                page_count: self.language_page_count(lang),
                script_url: self
                    .offline_script
                    .map(|p| self.url(&from, p))
                    .unwrap_or_default(),
            }),
        };
        let title = root_index
            .map(|s| s.front.title.clone())
            .unwrap_or_else(|| self.config.title_in(lang).to_string());
        let description = root_index
            .map(|s| s.front.description.clone())
            .unwrap_or_default();
        let page = self.page(
            PageKind::Home,
            lang,
            &title,
            &description,
            &from,
            &self.versions(Page::Home(lang)),
        );
        let mut extra = tera::Context::new();
        extra.insert("home", &home);
        self.page_job(&from, page, Some(extra))
    }

    /// Every page of a language: what saving it for offline reading stores.
    fn language_page_count(&self, lang: &str) -> usize {
        let prefix = format!("{lang}/");
        self.pages()
            .into_iter()
            .filter(|&page| self.address(page).starts_with(&prefix))
            .count()
    }

    /// A section's introduction (`_index.md`'s body) in `lang`.
    fn intro_html(&self, lang: &str, body: &str) -> String {
        let html = crate::markdown::render_simple(body);
        self.callout_labels.fill(lang, &html).into_owned()
    }
}
