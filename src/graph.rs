//! How articles relate: translations, topics, related articles, backlinks, and
//! the checks that need every page rendered (anchors, translation conflicts).

use crate::content::{Content, Document};
use crate::diagnostics::{Diagnostic, Position};
use crate::markdown::Rendered;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An article index into `Content::documents` (and the rendered list beside it).
pub type ArticleId = usize;

#[derive(Debug, Clone, Default)]
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
}

pub struct GraphOptions<'a> {
    /// Language codes in configured order, for ordering translations.
    pub language_order: &'a [String],
    pub related_limit: usize,
}

pub fn build(
    content: &Content,
    rendered: &[Rendered],
    options: &GraphOptions,
) -> (Graph, Vec<Diagnostic>) {
    let docs = &content.documents;
    let mut problems = check_anchors(docs, rendered);
    let (translations, translation_problems) = translations(docs, options.language_order);
    problems.extend(translation_problems);
    let mut by_topic: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        by_lang.entry(doc.lang.clone()).or_default().push(id);
        for topic in dedup(&doc.front.topics) {
            by_topic.entry(topic.to_string()).or_default().push(id);
        }
    }
    let related = (0..docs.len())
        .map(|id| {
            related(
                id,
                docs,
                &by_topic,
                &translations[id],
                options.related_limit,
            )
        })
        .collect();
    let graph = Graph {
        backlinks: backlinks(docs, rendered),
        translations,
        related,
        by_topic,
        by_lang,
    };
    (graph, problems)
}

fn dedup(items: &[String]) -> BTreeSet<&str> {
    items.iter().map(String::as_str).collect()
}

fn translations(docs: &[Document], order: &[String]) -> (Vec<Vec<ArticleId>>, Vec<Diagnostic>) {
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

/// Ranked by topics shared, then same language first, then content order; an
/// article's own translations are left out (they are listed as translations).
fn related(
    id: ArticleId,
    docs: &[Document],
    by_topic: &BTreeMap<String, Vec<ArticleId>>,
    translations: &[ArticleId],
    limit: usize,
) -> Vec<(ArticleId, usize)> {
    let mut shared: HashMap<ArticleId, usize> = HashMap::new();
    for topic in dedup(&docs[id].front.topics) {
        for &other in by_topic.get(topic).into_iter().flatten() {
            if other != id && !translations.contains(&other) {
                *shared.entry(other).or_default() += 1;
            }
        }
    }
    let lang = &docs[id].lang;
    let mut ranked: Vec<(ArticleId, usize)> = shared.into_iter().collect();
    ranked.sort_by_key(|&(other, count)| {
        (std::cmp::Reverse(count), &docs[other].lang != lang, other)
    });
    ranked.truncate(limit);
    ranked
}

fn backlinks(docs: &[Document], rendered: &[Rendered]) -> Vec<Vec<ArticleId>> {
    let by_path: HashMap<&str, ArticleId> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.rel_path.as_str(), i))
        .collect();
    let mut result: Vec<BTreeSet<ArticleId>> = vec![BTreeSet::new(); docs.len()];
    for (from, r) in rendered.iter().enumerate() {
        for link in &r.links {
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

fn check_anchors(docs: &[Document], rendered: &[Rendered]) -> Vec<Diagnostic> {
    let anchors: HashMap<&str, BTreeSet<&str>> = docs
        .iter()
        .zip(rendered)
        .map(|(d, r)| (d.rel_path.as_str(), r.anchor_ids()))
        .collect();
    let mut problems = Vec::new();
    for (doc, r) in docs.iter().zip(rendered) {
        for link in &r.links {
            let (Some(anchor), Some(ids)) = (&link.anchor, anchors.get(link.target.as_str()))
            else {
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
                Diagnostic::error(
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
    }
    problems
}
