//! An article's page.

use super::{home_path, Page, PageJob, SiteData};
use crate::graph::{ArticleId, FIRST_BY_TOPIC};
use crate::page_kind::PageKind;
use crate::render::context::*;
use crate::render::notices::TitleLink;

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
                    tag: self.config.lang_attr(&other.lang).to_string(),
                    name: self.config.language_name(&other.lang),
                    url: self.url(&from, &other.url_path()),
                    current: false,
                    is_translation: true,
                    untranslated_note: String::new(),
                    article_count: 0,
                    dir: crate::i18n::dir_against(&other.lang, lang),
                }
            })
            .collect();
        let section_title = self
            .content
            .sections
            .iter()
            .find(|s| s.lang == lang && s.section == doc.section && !doc.section.is_empty())
            .map(|s| s.front.title.clone())
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| {
                let folder = doc.section.rsplit('/').next();
                folder.unwrap_or_default().to_string()
            });
        let section_url = if doc.section.is_empty() {
            String::new()
        } else {
            self.url(&from, &super::section_path(lang, &doc.section, 1))
        };
        let article = ArticleContext {
            title: &doc.front.title,
            description: &doc.front.description,
            html: self.callout_labels.fill(lang, &rendered.html),
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
            review: self.review_line(id),
            newer_version: self.newer_version(id, &from),
            reader_notices: self.reader_notices(id, &from),
            section_title,
            section_url,
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

    /// For each other language, its readers' notice: where the version in
    /// it is, or else that there is none, offering that language's articles
    /// sharing the most of its topics. Reads at most [`FIRST_BY_TOPIC`]
    /// articles per language and topic: cheap at any size.
    fn reader_notices(&self, id: ArticleId, from: &str) -> String {
        let doc = &self.articles[id].document;
        let topics = &doc.front.topics;
        let versions = &self.graph.translations[id];
        let mut html = String::new();
        for l in self.config.languages.iter().filter(|l| l.code != doc.lang) {
            let version = versions
                .iter()
                .map(|&v| &self.articles[v].document)
                .find(|v| v.lang == l.code);
            if let Some(version) = version {
                let link = TitleLink {
                    title: &version.front.title,
                    url: self.url(from, &version.url_path()),
                };
                self.notice_texts
                    .write_translated(&mut html, &doc.lang, &l.code, &link);
                continue;
            }
            let firsts = self.graph.first_by_lang_topic.get(&l.code);
            let mut candidates: Vec<ArticleId> = topics
                .iter()
                .filter_map(|t| firsts?.get(t))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            // Most topics shared first, then listing order (ids are in it).
            let mut ranked: Vec<(std::cmp::Reverse<usize>, ArticleId)> = candidates
                .into_iter()
                .map(|other| {
                    let theirs = &self.articles[other].document.front.topics;
                    let shared = topics.iter().filter(|t| theirs.contains(t)).count();
                    (std::cmp::Reverse(shared), other)
                })
                .collect();
            ranked.sort_unstable();
            let related: Vec<TitleLink> = ranked
                .into_iter()
                .take(FIRST_BY_TOPIC)
                .map(|(_, other)| {
                    let doc = &self.articles[other].document;
                    TitleLink {
                        title: &doc.front.title,
                        url: self.url(from, &doc.url_path()),
                    }
                })
                .collect();
            // Only needed when no article shares a topic.
            let home_url = if related.is_empty() {
                self.url(from, &home_path(&l.code))
            } else {
                String::new()
            };
            self.notice_texts
                .write_untranslated(&mut html, &doc.lang, &l.code, &related, &home_url);
        }
        html
    }

    fn review_line(&self, id: ArticleId) -> Option<ReviewLine> {
        let doc = &self.articles[id].document;
        let line = ReviewLine {
            reviewed_text: doc
                .front
                .reviewed
                .map(|d| crate::i18n::long_date(&doc.lang, d))
                .unwrap_or_default(),
            owner: doc.front.owner.clone().unwrap_or_default(),
            edit_url: self
                .config
                .edit_url
                .as_ref()
                .map(|base| format!("{base}{}", self.source_path(id)))
                .unwrap_or_default(),
        };
        let empty =
            line.reviewed_text.is_empty() && line.owner.is_empty() && line.edit_url.is_empty();
        (!empty).then_some(line)
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
