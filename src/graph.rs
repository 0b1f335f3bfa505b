//! How articles relate: translations, topics, related articles, backlinks, and
//! the checks that need every page rendered (anchors, translation conflicts).

use crate::content::Document;
use crate::diagnostics::{Diagnostic, Position};
use crate::markdown::Rendered;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An article as the stages after Markdown see it: the page as read, and its
/// Markdown rendered.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    pub rendered: Rendered,
}

/// An article's index into the site's articles, which are in listing order.
pub type ArticleId = usize;

/// What [`build`] reads of an article, but the positions its problems are
/// reported at: when no article's changed, nor their order, neither has the graph.
#[derive(Debug, PartialEq, Eq)]
pub struct ArticleLinks<'a> {
    rel_path: &'a str,
    lang: &'a str,
    topics: &'a [String],
    translation_key: Option<&'a str>,
    /// (target, anchor) of each link.
    links: Vec<(&'a str, Option<&'a str>)>,
    heading_ids: Vec<&'a str>,
}

impl Article {
    pub fn links(&self) -> ArticleLinks<'_> {
        ArticleLinks::of(&self.document, &self.rendered)
    }
}

impl<'a> ArticleLinks<'a> {
    pub fn of(doc: &'a Document, rendered: &'a Rendered) -> ArticleLinks<'a> {
        ArticleLinks {
            rel_path: &doc.rel_path,
            lang: &doc.lang,
            topics: &doc.front.topics,
            translation_key: doc.front.translation_key.as_deref(),
            links: rendered
                .links
                .iter()
                .map(|l| (l.target.as_str(), l.anchor.as_deref()))
                .collect(),
            heading_ids: rendered.headings.iter().map(|h| h.id.as_str()).collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// Per article: its translations (other languages, same `translation_key`), in language order.
    pub translations: Vec<Vec<ArticleId>>,
    /// Per article: articles sharing topics, best first, with the number shared.
    pub related: Vec<Vec<(ArticleId, usize)>>,
    /// Per article: articles linking to it, in content order.
    pub backlinks: Vec<Vec<ArticleId>>,
    /// Topic id → tagged articles, in content order.
    pub by_topic: BTreeMap<String, Vec<ArticleId>>,
    /// Language → its articles, in content order.
    pub by_lang: BTreeMap<String, Vec<ArticleId>>,
    /// Language → topic → the first [`FIRST_BY_TOPIC`] articles of the
    /// language tagged with it, in content order: what a page with no version
    /// in the language offers instead, found without scanning whole topics.
    pub first_by_lang_topic: BTreeMap<String, BTreeMap<String, Vec<ArticleId>>>,
}

/// How many articles per language and topic [`Graph::first_by_lang_topic`] keeps.
pub const FIRST_BY_TOPIC: usize = 3;

pub struct GraphOptions<'a> {
    /// Language codes in configured order, for ordering translations.
    pub language_order: &'a [String],
    pub related_limit: usize,
    pub broken_anchors: crate::config::BrokenAnchors,
}

pub fn build(articles: &[Article], options: &GraphOptions) -> (Graph, Vec<Diagnostic>) {
    let mut problems = check_anchors(articles, options.broken_anchors);
    let (translations, translation_problems) = translations(articles, options.language_order);
    problems.extend(translation_problems);
    let mut by_topic: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    for (id, doc) in articles.iter().map(|a| &a.document).enumerate() {
        by_lang.entry(doc.lang.clone()).or_default().push(id);
        for topic in dedup(&doc.front.topics) {
            by_topic.entry(topic.to_string()).or_default().push(id);
        }
    }
    let related = all_related(articles, &by_topic, &translations, options.related_limit);
    let mut first_by_lang_topic: BTreeMap<String, BTreeMap<String, Vec<ArticleId>>> =
        BTreeMap::new();
    for (topic, ids) in &by_topic {
        let mut firsts: BTreeMap<&str, Vec<ArticleId>> = BTreeMap::new();
        for &id in ids {
            let first = firsts
                .entry(articles[id].document.lang.as_str())
                .or_default();
            if first.len() < FIRST_BY_TOPIC {
                first.push(id);
            }
        }
        for (lang, first) in firsts {
            first_by_lang_topic
                .entry(lang.to_string())
                .or_default()
                .insert(topic.clone(), first);
        }
    }
    let graph = Graph {
        backlinks: backlinks(articles),
        translations,
        related,
        by_topic,
        by_lang,
        first_by_lang_topic,
    };
    (graph, problems)
}

fn dedup(items: &[String]) -> BTreeSet<&str> {
    items.iter().map(String::as_str).collect()
}

fn translations(articles: &[Article], order: &[String]) -> (Vec<Vec<ArticleId>>, Vec<Diagnostic>) {
    let docs: Vec<&Document> = articles.iter().map(|a| &a.document).collect();
    let rank = |lang: &str| order.iter().position(|l| l == lang).unwrap_or(usize::MAX);
    let mut groups: BTreeMap<&str, Vec<ArticleId>> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        if let Some(key) = doc.front.translation_key.as_deref() {
            groups.entry(key).or_default().push(id);
        }
    }
    let mut problems = Vec::new();
    let mut result = vec![Vec::new(); docs.len()];
    for (key, mut members) in groups {
        members.sort_by_key(|&id| (rank(&docs[id].lang), id));
        for pair in members.windows(2) {
            let (a, b) = (&docs[pair[0]], &docs[pair[1]]);
            if a.lang == b.lang {
                problems.push(
                    Diagnostic::error(
                        &b.path,
                        format!(
                            "translation_key `{key}` is also used by {} in the same language",
                            a.path.display()
                        ),
                    )
                    .at(Position::new(1, 1))
                    .hint("a translation key joins pages of different languages; give one page another key"),
                );
            }
        }
        for &id in &members {
            result[id] = members.iter().copied().filter(|&m| m != id).collect();
        }
    }
    (result, problems)
}

/// Every article's related articles, ranked by topics shared, then same
/// language first, then content order; an article's own translations are left
/// out (they are listed as translations). Counting into a dense per-thread
/// array and selecting only the best `limit` keeps this near-linear when a
/// topic tags thousands of articles.
fn all_related(
    articles: &[Article],
    by_topic: &BTreeMap<String, Vec<ArticleId>>,
    translations: &[Vec<ArticleId>],
    limit: usize,
) -> Vec<Vec<(ArticleId, usize)>> {
    let mut lang_ids: HashMap<&str, u32> = HashMap::new();
    let langs: Vec<u32> = articles
        .iter()
        .map(|a| {
            let next = lang_ids.len() as u32;
            *lang_ids.entry(a.document.lang.as_str()).or_insert(next)
        })
        .collect();
    (0..articles.len())
        .into_par_iter()
        .map_init(
            || SharedTopics::new(articles.len()),
            |shared, id| {
                let topics = dedup(&articles[id].document.front.topics);
                let lists = topics.iter().filter_map(|t| by_topic.get(*t));
                shared.rank(id, lists, &translations[id], &langs, limit)
            },
        )
        .collect()
}

/// Shared-topic counts above this rank as equal (they fit the key's 31 bits).
const COUNT_MAX: u32 = (1 << 31) - 1;

/// Scratch space for counting topics shared with one article at a time.
struct SharedTopics {
    counts: Vec<u32>,
    touched: Vec<ArticleId>,
}

impl SharedTopics {
    fn new(len: usize) -> Self {
        SharedTopics {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn rank<'a>(
        &mut self,
        id: ArticleId,
        tagged: impl Iterator<Item = &'a Vec<ArticleId>>,
        translations: &[ArticleId],
        langs: &[u32],
        limit: usize,
    ) -> Vec<(ArticleId, usize)> {
        for list in tagged {
            for &other in list {
                if self.counts[other] == 0 {
                    self.touched.push(other);
                }
                self.counts[other] += 1;
            }
        }
        // One u64 per candidate that sorts ascending in rank order: more
        // topics shared, then the same language, then content order.
        let mut keys: Vec<u64> = Vec::with_capacity(self.touched.len());
        for &other in &self.touched {
            let count = u64::from(std::mem::take(&mut self.counts[other]).min(COUNT_MAX));
            if other != id && !translations.contains(&other) {
                let other_lang = u64::from(langs[other] != langs[id]);
                keys.push(((COUNT_MAX as u64 - count) << 33) | (other_lang << 32) | other as u64);
            }
        }
        self.touched.clear();
        if limit == 0 {
            return Vec::new();
        }
        if keys.len() > limit {
            keys.select_nth_unstable(limit - 1);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        keys.into_iter()
            .map(|k| {
                let count = COUNT_MAX as u64 - (k >> 33);
                ((k & u32::MAX as u64) as ArticleId, count as usize)
            })
            .collect()
    }
}

fn backlinks(articles: &[Article]) -> Vec<Vec<ArticleId>> {
    let by_path: HashMap<&str, ArticleId> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.document.rel_path.as_str(), i))
        .collect();
    let mut result: Vec<BTreeSet<ArticleId>> = vec![BTreeSet::new(); articles.len()];
    for (from, a) in articles.iter().enumerate() {
        for link in &a.rendered.links {
            if let Some(&to) = by_path.get(link.target.as_str()) {
                if to != from {
                    result[to].insert(from);
                }
            }
        }
    }
    result
        .into_iter()
        .map(|s| s.into_iter().collect())
        .collect()
}

/// Rewrites links written with a heading's earlier ASCII id
/// (`#bloques-de-codigo`) to its id (`#bloques-de-código`), in the linking
/// page's HTML and links. Runs before the graph and its anchor checks, which
/// then see only ids; a link already rewritten is left alone.
pub fn retarget_legacy_anchors(articles: &mut [Article]) {
    let by_path: HashMap<&str, ArticleId> = articles
        .iter()
        .enumerate()
        .map(|(id, a)| (a.document.rel_path.as_str(), id))
        .collect();
    let mut fixes: Vec<(ArticleId, usize, String)> = Vec::new();
    for (id, article) in articles.iter().enumerate() {
        for (index, link) in article.rendered.links.iter().enumerate() {
            let (Some(anchor), Some(&target)) = (&link.anchor, by_path.get(link.target.as_str()))
            else {
                continue;
            };
            let headings = &articles[target].rendered.headings;
            if anchor.is_empty() || headings.iter().any(|h| &h.id == anchor) {
                continue;
            }
            let legacy = crate::markdown::legacy_ids(headings);
            if let Some(at) = legacy.iter().position(|l| l == anchor) {
                fixes.push((id, index, headings[at].id.clone()));
            }
        }
    }
    for (id, index, heading_id) in fixes {
        crate::markdown::retarget_link(&mut articles[id].rendered, index, &heading_id);
    }
}

fn check_anchors(articles: &[Article], level: crate::config::BrokenAnchors) -> Vec<Diagnostic> {
    let anchors: HashMap<&str, BTreeSet<&str>> = articles
        .iter()
        .map(|a| (a.document.rel_path.as_str(), a.rendered.anchor_ids()))
        .collect();
    articles
        .iter()
        .flat_map(|article| {
            anchor_problems_with(article, |target| anchors.get(target).cloned(), level)
        })
        .collect()
}

/// The broken anchors of one article's links to `others`, as [`build`]
/// reports them: `serve`'s desk checks unsaved text with it.
pub fn anchor_problems(
    article: &Article,
    others: &[Article],
    level: crate::config::BrokenAnchors,
) -> Vec<Diagnostic> {
    let find = |target: &str| {
        others
            .iter()
            .find(|a| a.document.rel_path == target)
            .map(|a| a.rendered.anchor_ids())
    };
    anchor_problems_with(article, find, level)
}

fn anchor_problems_with<'a>(
    article: &Article,
    anchors: impl Fn(&str) -> Option<BTreeSet<&'a str>>,
    level: crate::config::BrokenAnchors,
) -> Vec<Diagnostic> {
    let report = |path: &std::path::Path, message: String| match level {
        crate::config::BrokenAnchors::Error => Diagnostic::error(path, message),
        crate::config::BrokenAnchors::Warning => Diagnostic::warning(path, message),
    };
    let mut problems = Vec::new();
    let doc = &article.document;
    for link in &article.rendered.links {
        let Some(anchor) = &link.anchor else {
            continue;
        };
        let Some(ids) = anchors(link.target.as_str()) else {
            continue;
        };
        if anchor.is_empty() || ids.contains(anchor.as_str()) {
            continue;
        }
        let known: Vec<&str> = ids.iter().copied().collect();
        let hint = if known.is_empty() {
            format!("content/{} has no headings to link to", link.target)
        } else {
            format!("headings there: #{}", known.join(", #"))
        };
        problems.push(
            report(
                &doc.path,
                format!(
                    "the anchor `#{anchor}` does not exist in content/{}",
                    link.target
                ),
            )
            .at(link.position)
            .hint(hint),
        );
    }
    problems
}
