//! The editors' view of the handbook: pages past their review date, pages no
//! one owns, translation groups missing a language, and translations older
//! than another language's version of the same page. `polybook check
//! --review` prints it, each language's review page shows it, and articles
//! show their own line of it ("the Croatian version is newer").
//!
//! A page's text changed on `updated`, else on `date`. A translation has
//! fallen behind when another version of its group changed later than it
//! did and later than it was last `reviewed` (a translator who checks it
//! against the newer version sets `reviewed`).

use crate::calendar::Interval;
use crate::config::SiteConfig;
use crate::graph::{Article, ArticleId, Graph};
use chrono::NaiveDate;
use serde::Serialize;

/// Everything `check --review` lists, by language in the site's order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub as_of: NaiveDate,
    pub languages: Vec<LanguageReport>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LanguageReport {
    pub lang: String,
    /// Pages whose review date has passed, or that were never reviewed,
    /// when a review interval applies to them. By owner, then due date.
    pub overdue: Vec<Overdue>,
    pub no_owner: Vec<PageRef>,
    /// Groups with a version in another language but none in this one.
    pub missing: Vec<Missing>,
    /// This language's versions that fell behind another's. By owner.
    pub stale: Vec<Stale>,
}

/// A page as the lists name it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageRef {
    #[serde(skip)]
    pub id: ArticleId,
    pub lang: String,
    /// From the site's folder: `content/pt/como-lidar.md`.
    pub path: String,
    pub title: String,
    /// Its address from the site root: `pt/como-lidar/`.
    pub url: String,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Overdue {
    pub page: PageRef,
    pub reviewed: Option<NaiveDate>,
    pub every: String,
    /// When the review was due; none for a page never reviewed.
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Missing {
    /// The group's `translation_key`.
    pub group: String,
    /// The versions there are.
    pub versions: Vec<PageRef>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stale {
    pub page: PageRef,
    /// When this version last changed, or was reviewed if later.
    pub current_as_of: Option<NaiveDate>,
    /// The most recently changed other version, and when it changed.
    pub newer: PageRef,
    pub newer_changed: NaiveDate,
}

/// How often `doc` must be reviewed: its own `review_every`, else the site's.
pub fn interval(config: &SiteConfig, article: &Article) -> Option<Interval> {
    match &article.document.front.review_every {
        Some(setting) => setting.interval(),
        None => config.review_every,
    }
}

/// When `article`'s text was last known current: changed or reviewed.
pub fn current_as_of(article: &Article) -> Option<NaiveDate> {
    let front = &article.document.front;
    front.changed().max(front.reviewed)
}

/// The newest other version of `id` that changed after `id` was last known
/// current, with the date it changed.
pub fn newer_version(
    articles: &[Article],
    graph: &Graph,
    id: ArticleId,
) -> Option<(ArticleId, NaiveDate)> {
    let own = current_as_of(&articles[id]);
    graph.translations[id]
        .iter()
        .filter_map(|&other| Some((other, articles[other].document.front.changed()?)))
        .filter(|&(_, changed)| own.is_none_or(|own| changed > own))
        .max_by_key(|&(other, changed)| (changed, std::cmp::Reverse(other)))
        .filter(|_| own.is_some())
}

fn page_ref(articles: &[Article], id: ArticleId) -> PageRef {
    let doc = &articles[id].document;
    PageRef {
        id,
        lang: doc.lang.clone(),
        path: format!("content/{}", doc.rel_path),
        title: doc.front.title.clone(),
        url: doc.url_path(),
        owner: doc.front.owner.clone().filter(|o| !o.trim().is_empty()),
    }
}

/// The lists of every language, as of `as_of`.
pub fn report(
    config: &SiteConfig,
    articles: &[Article],
    graph: &Graph,
    as_of: NaiveDate,
) -> Report {
    let languages = config
        .languages
        .iter()
        .map(|l| language_report(config, articles, graph, &l.code, as_of))
        .collect();
    Report { as_of, languages }
}

pub fn language_report(
    config: &SiteConfig,
    articles: &[Article],
    graph: &Graph,
    lang: &str,
    as_of: NaiveDate,
) -> LanguageReport {
    let ids = graph
        .by_lang
        .get(lang)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut overdue = Vec::new();
    let mut no_owner = Vec::new();
    let mut stale = Vec::new();
    for &id in ids {
        let page = page_ref(articles, id);
        if page.owner.is_none() {
            no_owner.push(page.clone());
        }
        if let Some(every) = interval(config, &articles[id]) {
            let reviewed = articles[id].document.front.reviewed;
            let due = reviewed.map(|r| every.after(r));
            if due.is_none_or(|due| due <= as_of) {
                overdue.push(Overdue {
                    page: page.clone(),
                    reviewed,
                    every: every.to_string(),
                    due,
                });
            }
        }
        if let Some((newer, newer_changed)) = newer_version(articles, graph, id) {
            stale.push(Stale {
                current_as_of: current_as_of(&articles[id]),
                page,
                newer: page_ref(articles, newer),
                newer_changed,
            });
        }
    }
    overdue.sort_by(|a, b| {
        (&a.page.owner, a.due, &a.page.path).cmp(&(&b.page.owner, b.due, &b.page.path))
    });
    stale.sort_by(|a, b| (&a.page.owner, &a.page.path).cmp(&(&b.page.owner, &b.page.path)));
    LanguageReport {
        lang: lang.to_string(),
        overdue,
        no_owner,
        missing: missing_in(articles, graph, lang),
        stale,
    }
}

/// Translation groups (pages with a `translation_key`) that have no version in `lang`.
fn missing_in(articles: &[Article], graph: &Graph, lang: &str) -> Vec<Missing> {
    let mut missing = Vec::new();
    for (id, article) in articles.iter().enumerate() {
        let doc = &article.document;
        let Some(key) = &doc.front.translation_key else {
            continue;
        };
        let group = &graph.translations[id];
        // Each group once: from its first member in listing order.
        if doc.lang == lang || group.iter().any(|&t| t < id) {
            continue;
        }
        if group.iter().any(|&t| articles[t].document.lang == lang) {
            continue;
        }
        let mut versions: Vec<PageRef> = std::iter::once(id)
            .chain(group.iter().copied())
            .map(|v| page_ref(articles, v))
            .collect();
        versions.sort_by(|a, b| a.path.cmp(&b.path));
        missing.push(Missing {
            group: key.clone(),
            versions,
        });
    }
    missing.sort_by(|a, b| a.group.cmp(&b.group));
    missing
}

impl Report {
    /// The report as `check --review` prints it: per language, then per owner.
    pub fn to_text(&self, config: &SiteConfig) -> String {
        let mut out = format!("Review as of {}\n", self.as_of);
        for report in &self.languages {
            out.push_str(&format!(
                "\n{} ({})\n",
                config.language_name(&report.lang),
                report.lang
            ));
            if report.is_empty() {
                out.push_str("  nothing to do\n");
                continue;
            }
            section(&mut out, "past their review date", &report.overdue, |o| {
                let when = match (o.reviewed, o.due) {
                    (Some(r), Some(due)) => format!("reviewed {r}, due {due} (every {})", o.every),
                    _ => format!("never reviewed (every {})", o.every),
                };
                (
                    o.page.owner.clone(),
                    format!("{}  {}  {when}", o.page.path, o.page.title),
                )
            });
            section(&mut out, "no owner", &report.no_owner, |p| {
                (None, format!("{}  {}", p.path, p.title))
            });
            section(
                &mut out,
                "not translated into this language",
                &report.missing,
                |m| {
                    let versions: Vec<String> = m.versions.iter().map(|v| v.path.clone()).collect();
                    (None, format!("{}: {}", m.group, versions.join(", ")))
                },
            );
            section(
                &mut out,
                "older than another language's version",
                &report.stale,
                |s| {
                    let own = s
                        .current_as_of
                        .map_or("undated".to_string(), |d| d.to_string());
                    (
                        s.page.owner.clone(),
                        format!(
                            "{} ({own})  {} changed {}",
                            s.page.path, s.newer.path, s.newer_changed
                        ),
                    )
                },
            );
        }
        out
    }
}

impl LanguageReport {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.no_owner.is_empty()
            && self.missing.is_empty()
            && self.stale.is_empty()
    }
}

/// One list: its title and count, its lines under their owners (a list whose
/// lines have no owner is not grouped).
fn section<T>(
    out: &mut String,
    title: &str,
    items: &[T],
    line: impl Fn(&T) -> (Option<String>, String),
) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("  {title} ({}):\n", items.len()));
    let lines: Vec<(Option<String>, String)> = items.iter().map(line).collect();
    let grouped = lines.iter().any(|(owner, _)| owner.is_some());
    let mut current: Option<&Option<String>> = None;
    for (owner, text) in &lines {
        if grouped && current != Some(owner) {
            out.push_str(&format!(
                "    {}:\n",
                owner.as_deref().unwrap_or("(no owner)")
            ));
            current = Some(owner);
        }
        out.push_str(if grouped { "      " } else { "    " });
        out.push_str(text);
        out.push('\n');
    }
}
