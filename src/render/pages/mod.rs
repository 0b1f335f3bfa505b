//! Builds the typed context of every page of the site: what is common to
//! every page here, one builder per page kind beside it (`home.rs`,
//! `topics.rs`, `article.rs`, `print.rs`, `special.rs`), and the parts they
//! share (cards, topic links) in `parts.rs`.

mod article;
mod home;
mod parts;
mod print;
mod review;
mod section;
mod special;

pub use print::{PrintMemo, PrintPart, PrintPlan, PART_BYTES};
pub use section::{paginated, section_path};
mod topics;

use super::context::*;
use crate::config::SiteConfig;
use crate::content::Content;
use crate::graph::{Article, ArticleId, Graph};
use crate::markdown::relative_url;
use crate::page_kind::PageKind;
use std::collections::BTreeMap;

/// Everything pages are made from.
pub struct SiteData<'a> {
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub articles: &'a [Article],
    pub graph: &'a Graph,
    pub stylesheet: &'a str,
    pub script: &'a str,
    /// Output path of the theme's `offline.js` ("Save for offline reading",
    /// loaded by language homes), when the theme has one.
    pub offline_script: Option<&'a str>,
    /// Output path of the search index manifest, when search is built.
    pub search_index: Option<&'a str>,
    /// Output path of the search engine script, when search is built.
    pub search_engine: Option<&'a str>,
    /// What every print page of a language needs, made once per build.
    pub print_memo: PrintMemo,
    /// Each language's sections, made once per build.
    pub section_memo: section::SectionMemo<'a>,
    /// What articles tell readers of other languages, in their languages.
    pub notice_texts: crate::render::notices::NoticeTexts,
    /// The labels of callouts, in each language.
    pub callout_labels: crate::render::callouts::CalloutLabels,
}

/// Which page: the cheap handle that [`SiteData::job`] turns into a context,
/// so a build can make, render and write pages one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    Chooser,
    NotFound,
    Home(&'a str),
    TopicsIndex(&'a str),
    Search(&'a str),
    /// A language's print page: every article, or the list of its parts.
    Print(&'a str),
    /// Part `n` (from 0) of a language printed in parts ([`PrintPlan`]).
    PrintPart(&'a str, usize),
    /// A language's review lists, for editors.
    Review(&'a str),
    /// Page `n` (from 1) of a topic's articles in a language.
    Topic(&'a str, &'a str, usize),
    /// Page `n` (from 1) of a section folder (`guia/sub`); with no section,
    /// page `n` (from 2) of the home's articles outside sections.
    Section(&'a str, &'a str, usize),
    Article(ArticleId),
}

impl<'a> Page<'a> {
    pub fn kind(&self) -> PageKind {
        match self {
            Page::Chooser => PageKind::Chooser,
            Page::NotFound => PageKind::NotFound,
            Page::Home(_) => PageKind::Home,
            Page::TopicsIndex(_) => PageKind::Topics,
            Page::Search(_) => PageKind::Search,
            Page::Print(_) | Page::PrintPart(..) => PageKind::Print,
            Page::Review(_) => PageKind::Review,
            Page::Topic(..) => PageKind::Topic,
            Page::Section(..) => PageKind::Section,
            Page::Article(_) => PageKind::Article,
        }
    }

    /// The same page in language `lang`, for the pages every language has.
    fn in_language(self, lang: &'a str) -> Page<'a> {
        match self {
            Page::Home(_) => Page::Home(lang),
            Page::TopicsIndex(_) => Page::TopicsIndex(lang),
            Page::Search(_) => Page::Search(lang),
            Page::Print(_) | Page::PrintPart(..) => Page::Print(lang),
            Page::Review(_) => Page::Review(lang),
            Page::Topic(_, id, _) => Page::Topic(lang, id, 1),
            other => other,
        }
    }
}

/// A page to render: which template, where it goes, with what.
pub struct PageJob {
    pub template: &'static str,
    /// The page's folder (`pt/guide/`), or the file for `404.html`.
    pub url_path: String,
    pub lang: String,
    pub context: tera::Context,
}

impl PageJob {
    pub fn output_file(&self) -> String {
        if self.url_path.ends_with(".html") {
            self.url_path.clone()
        } else {
            format!("{}index.html", self.url_path)
        }
    }
}

/// The same page in every language where it exists, by language code.
pub type Versions = BTreeMap<String, String>;

pub fn home_path(lang: &str) -> String {
    format!("{lang}/")
}
pub fn topic_path(lang: &str, id: &str) -> String {
    format!("{lang}/topics/{id}/")
}

impl<'a> SiteData<'a> {
    fn index(&self) -> &'static str {
        if self.config.link_to_index_html {
            "index.html"
        } else {
            ""
        }
    }

    /// URL of `target` as seen from `from`; the 404 page, served at any depth, uses absolute URLs.
    pub fn url(&self, from: &str, target: &str) -> String {
        if from == "404.html" {
            format!("{}{target}", self.config.base_url)
        } else {
            relative_url(from, target, self.index())
        }
    }

    fn absolute(&self, target: &str) -> String {
        format!("{}{target}", self.config.base_url)
    }

    fn chain(&self, lang: &str) -> Vec<String> {
        self.config.fallback_chain(lang)
    }

    fn article_count(&self, lang: &str) -> usize {
        self.graph.by_lang.get(lang).map_or(0, Vec::len)
    }

    fn every_language(&self, path: impl Fn(&str) -> String) -> Versions {
        self.config
            .languages
            .iter()
            .map(|l| (l.code.clone(), path(&l.code)))
            .collect()
    }

    pub fn page(
        &self,
        kind: PageKind,
        lang: &str,
        title: &str,
        description: &str,
        url_path: &str,
        versions: &Versions,
    ) -> PageContext {
        let from = url_path;
        let root = if from == "404.html" {
            self.config.base_url.clone()
        } else {
            "../".repeat(from.matches('/').count())
        };
        let alternates = versions
            .iter()
            .map(|(lang, path)| Alternate {
                lang: self.config.lang_attr(lang).to_string(),
                href_abs: self.absolute(path),
            })
            .collect();
        let languages = self
            .config
            .languages
            .iter()
            .map(|l| {
                let version = versions.get(&l.code);
                let current = l.code == lang;
                let is_translation = version.is_some();
                LanguageLink {
                    code: l.code.clone(),
                    tag: l.tag.canonical().to_string(),
                    name: l.name.clone(),
                    url: self.url(
                        from,
                        version
                            .cloned()
                            .unwrap_or_else(|| home_path(&l.code))
                            .as_str(),
                    ),
                    current,
                    is_translation,
                    untranslated_note: if kind == PageKind::Article && !current && !is_translation {
                        self.notice_texts.untranslated_short(&l.code).to_string()
                    } else {
                        String::new()
                    },
                    article_count: self.article_count(&l.code),
                    dir: crate::i18n::dir_against(&l.code, lang),
                }
            })
            .collect();
        let description = [
            description,
            self.config.description_in(lang),
            self.config.title_in(lang),
        ]
        .into_iter()
        .find(|d| !d.is_empty())
        .unwrap_or_default()
        .to_string();
        PageContext {
            kind,
            chrome: kind.chrome(),
            lang: lang.to_string(),
            lang_tag: self.config.lang_attr(lang).to_string(),
            dir: crate::i18n::text_direction(lang),
            lang_name: self.config.language_name(lang),
            title: title.to_string(),
            description,
            canonical: self.absolute(if from == "404.html" { "" } else { from }),
            root,
            index: self.index().to_string(),
            stylesheet: self.url(from, self.stylesheet),
            script: self.url(from, self.script),
            alternates,
            languages,
            home_url: self.url(from, &home_path(lang)),
            search_url: self.url(from, &format!("{lang}/search/")),
            print_url: self.url(from, &format!("{lang}/print/")),
            feed_url: self.url(from, &format!("{lang}/atom.xml")),
            topics_url: self.url(from, &format!("{lang}/topics/")),
            search_index_url: self
                .search_index
                .map(|p| self.url(from, p))
                .unwrap_or_default(),
            search_engine_url: self
                .search_engine
                .map(|p| self.url(from, p))
                .unwrap_or_default(),
            offline_worker: if self.config.offline {
                self.url(from, crate::offline::WORKER_PATH)
            } else {
                String::new()
            },
        }
    }

    pub fn site_context(&self, from: &str, lang: &str) -> SiteContext {
        SiteContext {
            title: self.config.title_in(lang).to_string(),
            default_language: self.config.default_language.clone(),
            languages: self
                .config
                .languages
                .iter()
                .map(|l| LanguageLink {
                    code: l.code.clone(),
                    tag: l.tag.canonical().to_string(),
                    name: l.name.clone(),
                    url: self.url(from, &home_path(&l.code)),
                    current: false,
                    is_translation: false,
                    untranslated_note: String::new(),
                    article_count: self.article_count(&l.code),
                    dir: crate::i18n::dir_against(&l.code, lang),
                })
                .collect(),
        }
    }

    fn page_job(&self, from: &str, page: PageContext, extra: Option<tera::Context>) -> PageJob {
        let mut context = tera::Context::new();
        context.insert("site", &self.site_context(from, &page.lang));
        if let Some(extra) = extra {
            context.extend(extra);
        }
        let url_path = from.to_string();
        let lang = page.lang.clone();
        let template = page.kind.template();
        context.insert("page", &page);
        PageJob {
            template,
            url_path,
            lang,
            context,
        }
    }

    /// Where a page lives: its folder (`pt/guide/`), or the file for `404.html`.
    pub fn address(&self, page: Page) -> String {
        match page {
            Page::Chooser => String::new(),
            Page::NotFound => "404.html".into(),
            Page::Home(lang) => home_path(lang),
            Page::TopicsIndex(lang)
            | Page::Search(lang)
            | Page::Print(lang)
            | Page::Review(lang) => {
                let slug = page
                    .kind()
                    .reserved_slug()
                    .expect("these kinds reserve a folder");
                format!("{lang}/{slug}/")
            }
            Page::PrintPart(lang, n) => match self.print_plan(lang) {
                PrintPlan::Parts(mut parts) => parts.swap_remove(n).address,
                PrintPlan::Single(_) => unreachable!("a language printed in parts has parts"),
            },
            Page::Topic(lang, id, n) => paginated(topic_path(lang, id), n),
            Page::Section(lang, section, n) => section_path(lang, section, n),
            Page::Article(id) => self.articles[id].document.url_path(),
        }
    }

    /// The same page in every language where it exists, by language code:
    /// an article's translations (none when it has none), every language's
    /// version of the others.
    pub fn versions(&self, page: Page) -> Versions {
        match page {
            Page::Chooser => {
                let mut versions = self.every_language(home_path);
                versions.insert("x-default".into(), String::new());
                versions
            }
            // Parts follow each language's sections: no part is another's translation.
            Page::NotFound | Page::PrintPart(..) => Versions::new(),
            // A section folder is a language's own: the same folder in
            // another language is its version, further pages have none.
            Page::Section(lang, section, 1) if !section.is_empty() => self
                .config
                .languages
                .iter()
                .filter(|l| {
                    l.code == lang || self.sections_of(&l.code).iter().any(|s| s.path == section)
                })
                .map(|l| (l.code.clone(), section_path(&l.code, section, 1)))
                .collect(),
            Page::Section(..) => Versions::new(),
            Page::Topic(_, _, n) if n > 1 => Versions::new(),
            Page::Article(id) => {
                let mut versions: Versions = self.graph.translations[id]
                    .iter()
                    .map(|&t| {
                        let other = &self.articles[t].document;
                        (other.lang.clone(), other.url_path())
                    })
                    .collect();
                if !versions.is_empty() {
                    let doc = &self.articles[id].document;
                    versions.insert(doc.lang.clone(), doc.url_path());
                }
                versions
            }
            other => self.every_language(|l| self.address(other.in_language(l))),
        }
    }

    /// Every HTML page of the site.
    pub fn pages(&self) -> Vec<Page<'a>> {
        let mut pages = vec![Page::Chooser, Page::NotFound];
        let config: &'a SiteConfig = self.config;
        let content: &'a Content = self.content;
        for lang in config.languages.iter().map(|l| l.code.as_str()) {
            pages.extend([
                Page::Home(lang),
                Page::TopicsIndex(lang),
                Page::Search(lang),
                Page::Review(lang),
            ]);
            pages.extend(self.print_plan(lang).pages(lang));
            for topic in &content.topics.list {
                let here = self.topic_articles_here(lang, &topic.id).len();
                let count = section::page_count(here, config.paginate_by);
                pages.extend((1..=count).map(|n| Page::Topic(lang, topic.id.as_str(), n)));
            }
            pages.extend(self.section_pages(lang));
        }
        pages.extend((0..self.articles.len()).map(Page::Article));
        pages
    }

    /// The context of one page.
    pub fn job(&self, page: Page) -> PageJob {
        match page {
            Page::Chooser => self.chooser(),
            Page::NotFound => self.not_found(),
            Page::Home(lang) => self.home(lang),
            Page::TopicsIndex(lang) => self.topics_index(lang),
            Page::Search(lang) => self.search(lang),
            Page::Print(lang) => self.print(lang),
            Page::PrintPart(lang, n) => self.print_part(lang, n),
            Page::Review(lang) => self.review(lang),
            Page::Topic(lang, id, n) => self.topic(lang, id, n),
            Page::Section(lang, section, n) => self.section(lang, section, n),
            Page::Article(id) => self.article(id),
        }
    }

    /// Every page's job, built in parallel: contexts are pure data.
    pub fn jobs(&self) -> Vec<PageJob> {
        use rayon::prelude::*;
        self.pages().into_par_iter().map(|p| self.job(p)).collect()
    }
}
