//! The text of the files an import writes: each page's front matter and
//! body, each section's `_index.md`, and the summary lines of the run.

use super::{front, layout, Contents, NewFile, Options, Page, Site};
use crate::content::address::from_file_name;
use crate::content::topics::Topics;
use crate::diagnostics::Diagnostic;
use crate::text::fold::fold;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One line saying which front-matter keys went where, over all pages.
pub(super) fn front_summary(pages: &[Page]) -> Vec<String> {
    let mut moved: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for page in pages {
        for (key, to) in &page.front.moved {
            *moved
                .entry(to)
                .or_default()
                .entry(key.as_str())
                .or_default() += 1;
        }
    }
    let parts: Vec<String> = moved
        .iter()
        .map(|(to, keys)| {
            let keys: Vec<String> = keys.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
            format!("{} → {to}", keys.join(", "))
        })
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    vec![format!("front matter: {}", parts.join("; "))]
}

/// One line naming the tags that name no topic (kept under `[extra] tags`).
pub(super) fn tags_summary(pages: &[Page], topics: &Topics) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for page in pages {
        for tag in topics_of(&page.front.tags, topics).1 {
            *counts.entry(tag).or_default() += 1;
        }
    }
    if counts.is_empty() {
        return None;
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let shown: Vec<String> = list
        .iter()
        .take(8)
        .map(|(t, n)| format!("{t} ×{n}"))
        .collect();
    let more = list.len().saturating_sub(8);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    Some(format!(
        "tags that name no topic of content/topics.toml, kept under [extra] tags: {}{more} (add them to topics.toml to make them topics)",
        shown.join(", ")
    ))
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub(super) fn page_text(
    page: &Page,
    body: &str,
    aliases: &[String],
    site: &Site,
    options: &Options,
) -> String {
    let f = &page.front;
    let mut out = String::from("+++\n");
    out.push_str(&format!("title = {}\n", toml_string(&page.title)));
    if let Some(d) = f.description.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push_str(&format!("description = {}\n", toml_string(d.trim())));
    }
    if let Some(w) = f.weight {
        out.push_str(&format!("weight = {w}\n"));
    }
    if let Some(slug) = f
        .slug
        .as_deref()
        .filter(|s| !s.starts_with('/') && !s.contains('/'))
    {
        out.push_str(&format!("slug = {}\n", toml_string(&from_file_name(slug))));
    }
    if let Some(key) = &f.translation_key {
        out.push_str(&format!("translation_key = {}\n", toml_string(key)));
    }
    let (topics, unmatched) = topics_of(&f.tags, site.topics);
    if !topics.is_empty() {
        let list: Vec<String> = topics.iter().map(|t| toml_string(t)).collect();
        out.push_str(&format!("topics = [{}]\n", list.join(", ")));
    }
    if let Some(updated) = &f.updated {
        out.push_str(&format!("updated = {updated}\n"));
    }
    if !aliases.is_empty() {
        let list: Vec<String> = aliases
            .iter()
            .map(|a| toml_string(&format!("/{a}")))
            .collect();
        out.push_str(&format!("aliases = [{}]\n", list.join(", ")));
    }
    out.push_str(&format!("draft = {}\n", f.draft || !options.publish));
    out.push_str(&format!("source = {}\n", toml_string(&page.source_rel)));
    let mut extra = f.extra.clone();
    if !unmatched.is_empty() {
        extra.insert("tags".into(), serde_json::Value::from(unmatched));
    }
    if !extra.is_empty() {
        let value = front::toml_value(&serde_json::Value::Object(extra));
        if let Some(toml::Value::Table(table)) = value {
            let mut wrapper = toml::Table::new();
            wrapper.insert("extra".into(), toml::Value::Table(table));
            if let Ok(text) = toml::to_string(&wrapper) {
                out.push_str(&text);
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    out.push_str("+++\n");
    out.push_str(body.trim_start_matches('\n'));
    out
}

/// The tags that name a topic (by id or by a label, folded), and the rest.
fn topics_of(tags: &[String], topics: &Topics) -> (Vec<String>, Vec<String>) {
    let mut found = Vec::new();
    let mut rest = Vec::new();
    for tag in tags {
        let folded = fold(tag.trim());
        let topic = topics
            .list
            .iter()
            .find(|t| fold(&t.id) == folded || t.label.values().any(|label| fold(label) == folded));
        match topic {
            Some(t) if !found.contains(&t.id) => found.push(t.id.clone()),
            Some(_) => {}
            None => rest.push(tag.clone()),
        }
    }
    (found, rest)
}

/// `_index.md` of each section: title and order from the source's category
/// files, else from its index page.
pub(super) fn section_files(
    tree: &layout::Tree,
    pages: &[Page],
    problems: &mut Vec<Diagnostic>,
) -> Vec<NewFile> {
    let mut sections: BTreeMap<String, (String, Option<i64>, PathBuf)> = BTreeMap::new();
    for page in pages {
        let (_, index) = super::page::target_of(&page.source);
        let folder = page.target.trim_end_matches(".md");
        if index && folder.contains('/') {
            sections.insert(
                format!("{folder}/_index.md"),
                (
                    page.title.clone(),
                    page.front.weight,
                    page.source.file.clone(),
                ),
            );
        }
    }
    for category in &tree.categories {
        let text = match std::fs::read_to_string(&category.file) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Diagnostic::warning(
                    &category.file,
                    format!("cannot read it: {e}"),
                ));
                continue;
            }
        };
        let yaml = category.file.extension().is_none_or(|e| e != "json");
        let map = if yaml {
            front::read(&text, true)
        } else {
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                .map_err(|e| e.to_string())
        };
        let Ok(map) = map else {
            problems.push(Diagnostic::warning(
                &category.file,
                "not a category file polybook can read: the section is named after its folder",
            ));
            continue;
        };
        let label = map
            .get("label")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| {
                super::page::humanize(category.folder.rsplit('/').next().unwrap_or_default())
            });
        let position = map
            .get("position")
            .and_then(|v| v.as_f64())
            .map(|f| f.round() as i64);
        sections.insert(
            format!("{}/{}/_index.md", category.lang, category.folder),
            (label, position, category.file.clone()),
        );
    }
    sections
        .into_iter()
        .filter(|(target, _)| {
            let folder = target.trim_end_matches("/_index.md");
            pages
                .iter()
                .any(|p| p.target.starts_with(&format!("{folder}/")))
        })
        .map(|(target, (title, weight, source))| {
            let mut text = format!("+++\ntitle = {}\n", toml_string(&title));
            if let Some(w) = weight {
                text.push_str(&format!("weight = {w}\n"));
            }
            text.push_str("+++\n");
            NewFile {
                target,
                contents: Contents::Text(text),
                source,
                page: None,
            }
        })
        .collect()
}
