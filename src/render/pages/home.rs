//! A language's home: its articles outside sections (a page of them), each
//! section's first articles, the guidance it lacks, its topics.

use super::section::{page_count, page_of, section_path};
use super::{home_path, Page, PageJob, SiteData};
use crate::graph::ArticleId;
use crate::page_kind::PageKind;
use crate::render::context::*;

impl SiteData<'_> {
    pub(super) fn home(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Home(lang));
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let per_page = self.config.paginate_by;
        let root = self.root_articles(lang);
        let mut sections: Vec<SectionGroup> = Vec::new();
        if !root.is_empty() {
            sections.push(SectionGroup {
                title: String::new(),
                description: String::new(),
                intro_html: String::new(),
                articles: page_of(&root, per_page, 1)
                    .iter()
                    .map(|&id| self.card(id, lang, &from, 0))
                    .collect(),
                url: String::new(),
                total: root.len(),
            });
        }
        // Each top-level section: its first articles and a link to its page.
        for section in self.sections_of(lang).iter() {
            if section.path.contains('/') || section.all.is_empty() {
                continue;
            }
            sections.push(SectionGroup {
                title: self.section_title(section),
                description: section
                    .index
                    .map(|s| s.front.description.clone())
                    .unwrap_or_default(),
                intro_html: String::new(),
                articles: section
                    .all
                    .iter()
                    .take(self.config.section_preview_limit)
                    .map(|&id| self.card(id, lang, &from, 0))
                    .collect(),
                url: self.url(&from, &section_path(lang, section.path, 1)),
                total: section.all.len(),
            });
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
            pagination: self.pagination(&from, &from, 1, page_count(root.len(), per_page)),
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
    pub(super) fn intro_html(&self, lang: &str, body: &str) -> String {
        let html = crate::markdown::render_simple(body);
        self.callout_labels.fill(lang, &html).into_owned()
    }
}
