//! The reports of `polybook check` beyond the build's own validation: UI
//! catalogs against the theme, topics nobody uses, orphan articles, and the
//! translation coverage of the handbook.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Position};
use crate::i18n::Locales;
use crate::language_tag::LanguageTag;
use crate::render::theme::Templates;
use crate::Analyzed;
use std::collections::{BTreeMap, BTreeSet};

/// UI keys the generator itself formats, not through templates: the live
/// overlay's, the translation notices' ([`crate::render::notices`]) and the
/// callouts' labels ([`crate::markdown::callouts`]); and the editors' desk's
/// ([`crate::i18n::desk::KEYS`]), counted with them.
pub const KEYS_USED_BY_CODE: &[&str] = &[
    "overlay-title",
    "overlay-hint",
    crate::render::notices::KEYS[0],
    crate::render::notices::KEYS[1],
    crate::render::notices::KEYS[2],
    crate::render::notices::KEYS[3],
    crate::render::notices::KEYS[4],
    crate::markdown::callouts::KEYS[0],
    crate::markdown::callouts::KEYS[1],
    crate::markdown::callouts::KEYS[2],
    crate::markdown::callouts::KEYS[3],
    crate::markdown::callouts::KEYS[4],
];

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

/// Keys the theme uses that a locale lacks (they fall back), listed one by
/// one, and keys a locale has that nothing uses.
pub fn catalog_coverage(
    config: &SiteConfig,
    locales: &Locales,
    used: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut wanted: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    wanted.push("en".into());
    let needed: BTreeSet<&str> = used
        .iter()
        .map(String::as_str)
        .chain(KEYS_USED_BY_CODE.iter().copied())
        .chain(crate::i18n::desk::KEYS.iter().copied())
        .collect();
    for locale in wanted {
        let dir = config.locales_dir().join(&locale);
        let catalog = locales.catalog(&locale);
        let own = own_catalogs(locales, &locale);
        let missing: Vec<&str> = needed
            .iter()
            .filter(|k| !own.iter().any(|c| c.keys.contains_key(**k)))
            .copied()
            .collect();
        if !missing.is_empty() {
            let fallback = fallback_of(config, locales, &locale);
            let what = match own.first() {
                None => format!("`{locale}` has no catalog"),
                Some(_) => format!("`{locale}` is not fully translated"),
            };
            problems.push(
                Diagnostic::warning(
                    &dir,
                    format!(
                        "{what}: {} UI message(s) show in `{fallback}`:\n    {}",
                        missing.len(),
                        missing.join("\n    ")
                    ),
                )
                .hint(match own.first() {
                    None => format!(
                        "run `polybook theme locale {locale}`: it writes locales/{locale}/main.ftl with every message to translate"
                    ),
                    Some(_) => format!("add them to a file in locales/{locale}/"),
                }),
            );
        }
        for (key, definition) in catalog.iter().flat_map(|c| &c.keys) {
            if !used.contains(key)
                && !KEYS_USED_BY_CODE.contains(&key.as_str())
                && !crate::i18n::desk::KEYS.contains(&key.as_str())
            {
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

/// The catalogs that translate `locale` itself: its own, and those of the
/// tags it stands for (`pt-br` is translated by `pt`'s catalog, CLDR's parent).
fn own_catalogs<'a>(locales: &'a Locales, locale: &str) -> Vec<&'a crate::i18n::Catalog> {
    match LanguageTag::parse(locale) {
        Ok(tag) => tag
            .lookup_chain()
            .into_iter()
            .filter_map(|l| locales.catalog(l))
            .collect(),
        Err(_) => locales.catalog(locale).into_iter().collect(),
    }
}

/// The locale whose text shows where `locale` lacks a message: the next one
/// along its fallback chain, after its own, that has a catalog.
fn fallback_of(config: &SiteConfig, locales: &Locales, locale: &str) -> String {
    let own: Vec<String> = LanguageTag::parse(locale).map_or_else(
        |_| vec![locale.to_string()],
        |tag| tag.lookup_chain().into_iter().map(str::to_string).collect(),
    );
    config
        .fallback_chain(locale)
        .into_iter()
        .filter(|l| !own.contains(l))
        .find(|l| locales.catalog(l).is_some())
        .unwrap_or_else(|| "en".into())
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

/// Synonym groups of `content/synonyms.toml` that find nothing: none of
/// their words (of an `also` rule, none of the words it sends to) is on a
/// page of their language.
pub fn synonyms_found_nowhere(config: &SiteConfig, site: &Analyzed) -> Vec<Diagnostic> {
    let groups = &site.content.synonyms.groups;
    if groups.is_empty() {
        return Vec::new();
    }
    let path = config
        .content_dir()
        .join(crate::content::synonyms::SYNONYMS_FILE);
    let (documents, topics, _) = crate::search_sources(config, site);
    let index = crate::search::index::build(&documents, &topics, &[]);
    let mut problems = Vec::new();
    for group in groups {
        let targets = if group.both_ways {
            &group.entries[..]
        } else {
            &group.entries[1..]
        };
        let occurs = targets
            .iter()
            .any(|e| crate::search::synonyms::phrase_occurs(&index.stems, &group.lang, &e.text));
        if !occurs {
            let words: Vec<&str> = targets.iter().map(|e| e.text.as_str()).collect();
            problems.push(
                Diagnostic::warning(
                    &path,
                    format!(
                        "no `{}` page has {}: this synonym finds nothing",
                        group.lang,
                        words.join(", ")
                    ),
                )
                .at(group.entries[0].position)
                .hint("list a word or phrase the pages of that language use (in any of its forms)"),
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
