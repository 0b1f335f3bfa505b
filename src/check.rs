//! The reports of `polybook check` beyond the build's own validation: UI
//! catalogs against the theme, topics nobody uses, orphan articles, and the
//! translation coverage of the handbook.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Position};
use crate::i18n::Locales;
use crate::render::theme::Templates;
use crate::Analyzed;
use std::collections::{BTreeMap, BTreeSet};

/// UI keys the generator itself formats (not through templates).
pub const KEYS_USED_BY_CODE: &[&str] = &["overlay-title", "overlay-hint"];

/// Every `t(key="…")` / `t(key='…')` in the templates.
pub fn template_keys(templates: &Templates) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (_, text) in templates.0.values() {
        for quote in ['"', '\''] {
            let marker = format!("t(key={quote}");
            for (i, _) in text.match_indices(&marker) {
                let rest = &text[i + marker.len()..];
                if let Some(end) = rest.find(quote) {
                    keys.insert(rest[..end].to_string());
                }
            }
        }
    }
    keys
}

/// Keys the theme uses that a locale lacks (they fall back), and keys a locale
/// has that nothing uses.
pub fn catalog_coverage(
    config: &SiteConfig,
    locales: &Locales,
    used: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut wanted: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    wanted.push("en".into());
    for locale in wanted {
        let dir = config.locales_dir().join(&locale);
        let Some(catalog) = locales.catalog(&locale) else {
            problems.push(
                Diagnostic::warning(
                    &dir,
                    format!("there is no catalog for `{locale}`: its UI falls back"),
                )
                .hint(format!(
                    "copy locales/en/ to locales/{locale}/ and translate it"
                )),
            );
            continue;
        };
        let missing: Vec<&str> = used
            .iter()
            .filter(|k| !catalog.keys.contains_key(*k))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            problems.push(
                Diagnostic::warning(
                    &dir,
                    format!(
                        "`{locale}` lacks {} key(s) the theme uses: {}",
                        missing.len(),
                        missing.join(", ")
                    ),
                )
                .hint("add them; until then the fallback language shows"),
            );
        }
        for (key, definition) in &catalog.keys {
            if !used.contains(key) && !KEYS_USED_BY_CODE.contains(&key.as_str()) {
                problems.push(
                    Diagnostic::warning(
                        &definition.path,
                        format!("`{key}` is not used by the theme"),
                    )
                    .at(definition.position)
                    .hint("remove it, or use it in a template"),
                );
            }
        }
    }
    problems
}

/// Topics no article uses, and articles nothing leads to (no topic, no link in).
pub fn unused_and_orphans(config: &SiteConfig, site: &Analyzed) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let topics_path = config
        .content_dir()
        .join(crate::content::topics::TOPICS_FILE);
    for topic in &site.content.topics.list {
        if !site.graph.by_topic.contains_key(&topic.id) {
            problems.push(
                Diagnostic::warning(
                    &topics_path,
                    format!("no article uses the topic `{}`", topic.id),
                )
                .at(topic.position)
                .hint("tag articles with it in their front matter topics, or remove it"),
            );
        }
    }
    for (id, doc) in site.articles.iter().map(|a| &a.document).enumerate() {
        if doc.front.topics.is_empty() && site.graph.backlinks[id].is_empty() {
            problems.push(
                Diagnostic::warning(
                    &doc.path,
                    "this article has no topic and no page links to it",
                )
                .at(Position::new(1, 1))
                .hint("add topics = [\"…\"] so readers of other languages can find it"),
            );
        }
    }
    problems
}

/// Translation key × language: which article exists in which language.
pub fn translation_coverage(config: &SiteConfig, site: &Analyzed) -> String {
    let mut rows: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for doc in site.articles.iter().map(|a| &a.document) {
        let key = doc
            .front
            .translation_key
            .as_deref()
            .unwrap_or(doc.rel_path.as_str());
        rows.entry(key).or_default().insert(doc.lang.as_str());
    }
    let langs: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let width = rows
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
        .max(15);
    let mut table = format!("{:<width$}", "translation key");
    for lang in &langs {
        table.push_str(&format!(" {lang:>3}"));
    }
    table.push('\n');
    for (key, present) in &rows {
        table.push_str(&format!("{key:<width$}"));
        for lang in &langs {
            table.push_str(if present.contains(lang) {
                "   ✓"
            } else {
                "   ·"
            });
        }
        table.push('\n');
    }
    table
}
