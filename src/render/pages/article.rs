//! An article's page.

use super::{Page, PageJob, SiteData};
use crate::graph::ArticleId;
use crate::page_kind::PageKind;
use crate::render::context::*;

impl SiteData<'_> {
    pub fn article(&self, id: ArticleId) -> PageJob {
        let doc = &self.articles[id].document;
        let from = doc.url_path();
        let lang = doc.lang.as_str();
        let rendered = &self.articles[id].rendered;
        let versions = self.versions(Page::Article(id));
        let translations: Vec<LanguageLink> = self.graph.translations[id]
            .iter()
            .map(|&t| {
                let other = &self.articles[t].document;
                LanguageLink {
                    code: other.lang.clone(),
                    name: self.config.language_name(&other.lang),
                    url: self.url(&from, &other.url_path()),
                    current: false,
                    is_translation: true,
                    article_count: 0,
                }
            })
            .collect();
        let section_title = self
            .content
            .sections
            .iter()
            .find(|s| s.lang == lang && s.section == doc.section && !doc.section.is_empty())
            .map(|s| s.front.title.clone())
            .unwrap_or_default();
        let article = ArticleContext {
            title: &doc.front.title,
            description: &doc.front.description,
            html: &rendered.html,
            toc: rendered
                .headings
                .iter()
                .map(|h| TocEntry {
                    level: h.level,
                    id: h.id.clone(),
                    text: h.text.clone(),
                })
                .collect(),
            reading_minutes: self.reading_minutes(id),
            word_count: rendered.word_count,
            date: doc
                .front
                .changed()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            date_text: doc
                .front
                .changed()
                .map(|d| crate::i18n::long_date(lang, d))
                .unwrap_or_default(),
            reviewed_text: doc
                .front
                .reviewed
                .map(|d| crate::i18n::long_date(lang, d))
                .unwrap_or_default(),
            owner: doc.front.owner.clone().unwrap_or_default(),
            edit_url: self
                .config
                .edit_url
                .as_ref()
                .map(|base| format!("{base}{}", self.source_path(id)))
                .unwrap_or_default(),
            newer_version: self.newer_version(id, &from),
            section_title,
            topics: doc
                .front
                .topics
                .iter()
                .map(|t| self.topic_link(t, lang, &from))
                .collect(),
            translations,
            related: self.graph.related[id]
                .iter()
                .map(|&(other, shared)| self.card(other, lang, &from, shared))
                .collect(),
            backlinks: self.graph.backlinks[id]
                .iter()
                .map(|&other| self.card(other, lang, &from, 0))
                .collect(),
        };
        let page = self.page(
            PageKind::Article,
            lang,
            &doc.front.title,
            &doc.front.description,
            &from,
            &versions,
        );
        let mut extra = tera::Context::new();
        extra.insert("article", &article);
        self.page_job(&from, page, Some(extra))
    }

    /// The article's file from the site's folder, percent-encoded for a URL:
    /// `content/pt/caf%C3%A9.md`.
    fn source_path(&self, id: ArticleId) -> String {
        let rel = format!("content/{}", self.articles[id].document.rel_path);
        // Everything but RFC 3986's unreserved characters, in each segment.
        const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~');
        rel.split('/')
            .map(|part| percent_encoding::utf8_percent_encode(part, SEGMENT).to_string())
            .collect::<Vec<_>>()
            .join("/")
    }
}
