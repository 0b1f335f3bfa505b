//! Builds the typed context of every page of the site.

use super::context::*;
use crate::config::SiteConfig;
use crate::content::Content;
use crate::graph::{ArticleId, Graph};
use crate::markdown::{relative_url, Rendered};
use std::collections::BTreeMap;

/// Everything pages are made from.
pub struct SiteData<'a> {
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub rendered: &'a [Rendered],
    pub graph: &'a Graph,
    pub stylesheet: &'a str,
    pub script: &'a str,
    /// Output path of the search index manifest, when search is built.
    pub search_index: Option<&'a str>,
    /// Output path of the search engine script, when search is built.
    pub search_engine: Option<&'a str>,
}

/// Which page: the cheap handle that [`SiteData::job`] turns into a context,
/// so a build can make, render and write pages one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKey<'a> {
    Chooser,
    NotFound,
    Home(&'a str),
    TopicsIndex(&'a str),
    Search(&'a str),
    Print(&'a str),
    Topic(&'a str, &'a str),
    Article(ArticleId),
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
type Versions = BTreeMap<String, String>;

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
        kind: &'static str,
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
                lang: lang.clone(),
                href_abs: self.absolute(path),
            })
            .collect();
        let languages = self
            .config
            .languages
            .iter()
            .map(|l| {
                let version = versions.get(&l.code);
                LanguageLink {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    url: self.url(
                        from,
                        version
                            .cloned()
                            .unwrap_or_else(|| home_path(&l.code))
                            .as_str(),
                    ),
                    current: l.code == lang,
                    is_translation: version.is_some(),
                    article_count: self.article_count(&l.code),
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
            lang: lang.to_string(),
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
                    name: l.name.clone(),
                    url: self.url(from, &home_path(&l.code)),
                    current: false,
                    is_translation: false,
                    article_count: self.article_count(&l.code),
                })
                .collect(),
        }
    }

    fn topic_link(&self, id: &str, lang: &str, from: &str) -> TopicLink {
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

    fn card(
        &self,
        id: ArticleId,
        page_lang: &str,
        from: &str,
        shared_topics: usize,
    ) -> ArticleCard {
        let doc = &self.content.documents[id];
        ArticleCard {
            title: doc.front.title.clone(),
            description: doc.front.description.clone(),
            url: self.url(from, &doc.url_path()),
            lang: doc.lang.clone(),
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
        }
    }

    fn reading_minutes(&self, id: ArticleId) -> usize {
        crate::markdown::reading_minutes(self.rendered[id].word_count, self.config.words_per_minute)
    }

    /// Groups articles of other languages than `lang`, in configured language
    /// order, each cut to `other_languages_limit` with a link to where the
    /// rest are listed (`more_path` of the group's language).
    fn other_language_groups(
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
                    .filter(|&id| self.content.documents[id].lang == l.code)
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
                })
            })
            .collect()
    }

    fn page_job(
        &self,
        template: &'static str,
        from: &str,
        page: PageContext,
        extra: Option<tera::Context>,
    ) -> PageJob {
        let mut context = tera::Context::new();
        context.insert("site", &self.site_context(from, &page.lang));
        if let Some(extra) = extra {
            context.extend(extra);
        }
        let url_path = from.to_string();
        let lang = page.lang.clone();
        context.insert("page", &page);
        PageJob {
            template,
            url_path,
            lang,
            context,
        }
    }

    /// Every HTML page of the site.
    pub fn pages(&self) -> Vec<PageKey<'a>> {
        let mut pages = vec![PageKey::Chooser, PageKey::NotFound];
        let config: &'a SiteConfig = self.config;
        let content: &'a Content = self.content;
        for lang in config.languages.iter().map(|l| l.code.as_str()) {
            pages.extend([
                PageKey::Home(lang),
                PageKey::TopicsIndex(lang),
                PageKey::Search(lang),
                PageKey::Print(lang),
            ]);
            pages.extend(
                content
                    .topics
                    .list
                    .iter()
                    .map(|topic| PageKey::Topic(lang, topic.id.as_str())),
            );
        }
        pages.extend((0..content.documents.len()).map(PageKey::Article));
        pages
    }

    /// The context of one page.
    pub fn job(&self, page: PageKey) -> PageJob {
        match page {
            PageKey::Chooser => self.chooser(),
            PageKey::NotFound => self.not_found(),
            PageKey::Home(lang) => self.home(lang),
            PageKey::TopicsIndex(lang) => self.topics_index(lang),
            PageKey::Search(lang) => self.simple(lang, "search", "search.html"),
            PageKey::Print(lang) => self.print(lang),
            PageKey::Topic(lang, id) => self.topic(lang, id),
            PageKey::Article(id) => self.article(id),
        }
    }

    /// Every page's job, built in parallel: contexts are pure data.
    pub fn jobs(&self) -> Vec<PageJob> {
        use rayon::prelude::*;
        self.pages().into_par_iter().map(|p| self.job(p)).collect()
    }

    fn chooser(&self) -> PageJob {
        let lang = &self.config.default_language;
        let mut versions = self.every_language(home_path);
        versions.insert("x-default".into(), String::new());
        let page = self.page(
            "chooser",
            lang,
            self.config.title_in(lang),
            self.config.description_in(lang),
            "",
            &versions,
        );
        self.page_job("chooser.html", "", page, None)
    }

    fn not_found(&self) -> PageJob {
        let lang = &self.config.default_language;
        let page = self.page("not-found", lang, "404", "", "404.html", &Versions::new());
        self.page_job("404.html", "404.html", page, None)
    }

    fn home(&self, lang: &str) -> PageJob {
        let from = home_path(lang);
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let mut sections: Vec<SectionGroup> = Vec::new();
        for &id in &ids {
            let doc = &self.content.documents[id];
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
                        (false, Some(s)) => crate::markdown::render_simple(s.body()),
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
        let untranslated: Vec<ArticleId> = (0..self.content.documents.len())
            .filter(|&id| {
                self.content.documents[id].lang != lang
                    && !self.graph.translations[id]
                        .iter()
                        .any(|&t| self.content.documents[t].lang == lang)
            })
            .collect();
        let root_index = self
            .content
            .sections
            .iter()
            .find(|s| s.lang == lang && s.section.is_empty());
        let home = HomeContext {
            intro_html: root_index
                .map(|s| crate::markdown::render_simple(s.body()))
                .unwrap_or_default(),
            article_count: ids.len(),
            sections,
            other_languages: self.other_language_groups(&untranslated, lang, &from, home_path),
            topics: self.used_topics(lang, &from),
        };
        let title = root_index
            .map(|s| s.front.title.clone())
            .unwrap_or_else(|| self.config.title_in(lang).to_string());
        let description = root_index
            .map(|s| s.front.description.clone())
            .unwrap_or_default();
        let page = self.page(
            "home",
            lang,
            &title,
            &description,
            &from,
            &self.every_language(home_path),
        );
        let mut extra = tera::Context::new();
        extra.insert("home", &home);
        self.page_job("home.html", &from, page, Some(extra))
    }

    fn used_topics(&self, lang: &str, from: &str) -> Vec<TopicLink> {
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

    fn topics_index(&self, lang: &str) -> PageJob {
        let from = format!("{lang}/topics/");
        let topics = TopicsIndexContext {
            topics: self.used_topics(lang, &from),
        };
        let title = self.config.title_in(lang).to_string();
        let page = self.page(
            "topics",
            lang,
            &title,
            "",
            &from,
            &self.every_language(|l| format!("{l}/topics/")),
        );
        let mut extra = tera::Context::new();
        extra.insert("topics", &topics);
        self.page_job("topics.html", &from, page, Some(extra))
    }

    fn simple(&self, lang: &str, kind: &'static str, template: &'static str) -> PageJob {
        let from = format!("{lang}/{kind}/");
        let page = self.page(
            kind,
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.every_language(|l| format!("{l}/{kind}/")),
        );
        self.page_job(template, &from, page, None)
    }

    pub fn print(&self, lang: &str) -> PageJob {
        let from = format!("{lang}/print/");
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let articles = ids
            .iter()
            .map(|&id| {
                let doc = &self.content.documents[id];
                PrintArticle {
                    title: doc.front.title.clone(),
                    description: doc.front.description.clone(),
                    html: super::print::print_html(
                        &self.rendered[id].html,
                        &doc.slug,
                        &doc.url_path(),
                        &from,
                    ),
                    anchor: doc.slug.clone(),
                    url: self.url(&from, &doc.url_path()),
                }
            })
            .collect();
        let page = self.page(
            "print",
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.every_language(|l| format!("{l}/print/")),
        );
        let mut extra = tera::Context::new();
        extra.insert("print", &PrintContext { articles });
        self.page_job("print.html", &from, page, Some(extra))
    }

    fn topic(&self, lang: &str, id: &str) -> PageJob {
        let from = topic_path(lang, id);
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
                .filter(|&&a| self.content.documents[a].lang == lang)
                .map(|&a| self.card(a, lang, &from, 0))
                .collect(),
            elsewhere: self.other_language_groups(&ids, lang, &from, |l| topic_path(l, id)),
        };
        let page = self.page(
            "topic",
            lang,
            &context.label,
            &context.definition,
            &from,
            &self.every_language(|l| topic_path(l, id)),
        );
        let mut extra = tera::Context::new();
        extra.insert("topic", &context);
        self.page_job("topic.html", &from, page, Some(extra))
    }

    pub fn article(&self, id: ArticleId) -> PageJob {
        let doc = &self.content.documents[id];
        let from = doc.url_path();
        let lang = doc.lang.as_str();
        let rendered = &self.rendered[id];
        let mut versions: Versions = self.graph.translations[id]
            .iter()
            .map(|&t| {
                let other = &self.content.documents[t];
                (other.lang.clone(), other.url_path())
            })
            .collect();
        let translations: Vec<LanguageLink> = self.graph.translations[id]
            .iter()
            .map(|&t| {
                let other = &self.content.documents[t];
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
        if !versions.is_empty() {
            versions.insert(lang.to_string(), from.clone());
        }
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
            date: doc.front.date.clone().unwrap_or_default(),
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
            "article",
            lang,
            &doc.front.title,
            &doc.front.description,
            &from,
            &versions,
        );
        let mut extra = tera::Context::new();
        extra.insert("article", &article);
        self.page_job("article.html", &from, page, Some(extra))
    }
}
