//! What `serve`'s editing desk asks of the site in memory: a page's place
//! among the others (its versions, the languages it lacks, who links to it,
//! whether it fell behind), and a preview of unsaved text, rendered by the
//! build's own stages (`content::parse_page`, `crate::render_document`,
//! `render::render_page`) without touching the published site.

use super::{fill_search_build, Incremental, SEARCH_PATHS};
use crate::content::{self, Entry, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::{Article, ArticleId};
use serde::Serialize;

/// Another page, as the desk names it.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    pub lang: String,
    /// Under `content/`: `pt/ouvir.md`.
    pub path: String,
    pub title: String,
    /// Site path of the page: `/pt/ouvir/`.
    pub url: String,
}

/// A page's place in the site.
#[derive(Debug, Clone, Serialize)]
pub struct PageInfo {
    pub page: PageRef,
    pub translation_key: Option<String>,
    /// Its versions in other languages.
    pub versions: Vec<PageRef>,
    /// Configured languages it has no version in.
    pub missing: Vec<String>,
    /// Pages whose links lead to it.
    pub linked_from: Vec<PageRef>,
    /// Set when another version changed after this one was last brought up to date.
    pub behind: Option<Behind>,
}

/// A translation that fell behind: the newer version, and since when.
#[derive(Debug, Clone, Serialize)]
pub struct Behind {
    pub source: PageRef,
    /// When this page was last known current (`YYYY-MM-DD`).
    pub current_as_of: Option<String>,
    pub source_changed: String,
}

/// Unsaved text as the handbook would show it.
#[derive(Debug, Default)]
pub struct Preview {
    /// The page's HTML (no live-reload script), or `None` when the text does
    /// not make an article (it does not parse; a section's `_index.md`).
    pub html: Option<Vec<u8>>,
    /// The page's site path, for the preview's `<base>`.
    pub url: String,
    pub problems: Vec<Diagnostic>,
}

fn page_ref(article: &Article) -> PageRef {
    let doc = &article.document;
    PageRef {
        lang: doc.lang.clone(),
        path: doc.rel_path.clone(),
        title: doc.front.title.clone(),
        url: format!("/{}", doc.url_path()),
    }
}

impl Incremental {
    fn article_at(&self, content_path: &str) -> Option<ArticleId> {
        let articles = &self.analysis.site.articles;
        articles
            .iter()
            .position(|a| a.document.rel_path == content_path)
    }

    /// The content path of the article served at site path `page` (`/pt/ouvir/`).
    pub fn source_of(&self, page: &str) -> Option<String> {
        let folder = page.trim_start_matches('/').trim_end_matches("index.html");
        self.analysis
            .site
            .articles
            .iter()
            .find(|a| a.document.url_path() == folder)
            .map(|a| a.document.rel_path.clone())
    }

    /// Where the page at `content_path` stands; `None` when no article of the
    /// last good site is there (a new page, a draft, a page that fails).
    pub fn page_info(&self, content_path: &str) -> Option<PageInfo> {
        let config = self.config.as_ref()?;
        let id = self.article_at(content_path)?;
        let site = &self.analysis.site;
        let (articles, graph) = (&site.articles, &site.graph);
        let versions: Vec<PageRef> = graph.translations[id]
            .iter()
            .map(|&t| page_ref(&articles[t]))
            .collect();
        let lang = &articles[id].document.lang;
        let missing = config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .filter(|code| code != lang && !versions.iter().any(|v| &v.lang == code))
            .collect();
        let behind =
            crate::review::newer_version(articles, graph, id).map(|(newer, changed)| Behind {
                source: page_ref(&articles[newer]),
                current_as_of: crate::review::current_as_of(&articles[id]).map(|d| d.to_string()),
                source_changed: changed.to_string(),
            });
        Some(PageInfo {
            page: page_ref(&articles[id]),
            translation_key: articles[id].document.front.translation_key.clone(),
            versions,
            missing,
            linked_from: graph.backlinks[id]
                .iter()
                .map(|&b| page_ref(&articles[b]))
                .collect(),
            behind,
        })
    }

    /// `text` as the page at `content_path` would show once saved, with the
    /// problems a build would report of it. The site is left as it was.
    pub fn preview(&mut self, content_path: &str, text: String) -> Preview {
        let (Some(config), true) = (self.config.clone(), self.theme.is_some()) else {
            return Preview::default();
        };
        let content_dir = config.content_dir();
        let path = content_dir.join(content_path);
        let loaded = content::parse_page(
            &config,
            &content_dir,
            &path,
            text,
            &LoadOptions { drafts: true },
        );
        let mut doc = match loaded {
            Ok(Entry::Document(doc)) => *doc,
            Ok(_) => return Preview::default(),
            Err(problems) => {
                return Preview {
                    problems,
                    ..Preview::default()
                }
            }
        };
        let existing = self.article_at(content_path);
        if let Some(id) = existing {
            // The address `content::address::assign` gave it among its folder's pages.
            doc.slug = self.analysis.site.articles[id].document.slug.clone();
        }
        let mut problems = Diagnostics::default();
        content::check_documents([&doc], &self.analysis.site.content.topics, &mut problems);
        let rendered = crate::render_document(&config, &self.analysis.targets, &doc);
        let article = Article {
            document: doc,
            rendered,
        };
        problems.extend(article.rendered.problems.iter().cloned());
        let others = &self.analysis.site.articles;
        problems.extend(crate::graph::anchor_problems(
            &article,
            others,
            config.broken_anchors,
        ));
        let url = format!("/{}", article.document.url_path());
        let html = self.render_in_place(&config, article, existing);
        let mut problems = problems.0;
        problems.sort_by_key(|d| (d.line, d.col));
        match html {
            Ok(html) => Preview {
                html: Some(html),
                url,
                problems,
            },
            Err(problem) => {
                problems.push(problem);
                Preview {
                    html: None,
                    url,
                    problems,
                }
            }
        }
    }

    /// Renders `article`'s page with it standing in for article `existing`
    /// (or added, with the graph linked again), then puts the site back.
    fn render_in_place(
        &mut self,
        config: &crate::config::SiteConfig,
        article: Article,
        existing: Option<ArticleId>,
    ) -> Result<Vec<u8>, Diagnostic> {
        let site = &mut self.analysis.site;
        let (id, kept) = match existing {
            Some(id) => (id, Some(std::mem::replace(&mut site.articles[id], article))),
            None => {
                site.articles.push(article);
                (site.articles.len() - 1, None)
            }
        };
        let old_graph = kept
            .is_none()
            .then(|| std::mem::replace(&mut site.graph, crate::link(config, &site.articles).0));
        let (theme, engines) = self.theme.as_ref().expect("checked by the caller");
        let data = crate::site_data(config, site, theme, engines.locales(), SEARCH_PATHS);
        let rendered = crate::render::render_page(&data.article(id), engines, config);
        drop(data);
        match kept {
            Some(old) => site.articles[id] = old,
            None => {
                site.articles.pop();
            }
        }
        if let Some(graph) = old_graph {
            site.graph = graph;
        }
        let file = rendered?;
        Ok(fill_search_build(&file.bytes, &self.published.search_build))
    }

    /// The languages of the site and the glossary's topics, labelled along
    /// `chain`, for the desk's form.
    pub fn topic_choices(&self, chain: &[String]) -> Vec<(String, String)> {
        self.analysis
            .site
            .content
            .topics
            .list
            .iter()
            .map(|t| (t.id.clone(), t.label_in(chain).to_string()))
            .collect()
    }
}
