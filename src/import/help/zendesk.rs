//! A Zendesk Guide export: the Help Center API's responses saved in a
//! folder, as polybook reads them (README, "Importing a help center"):
//!
//! ```text
//! articles.json                 GET /api/v2/help_center/articles.json  {"articles": [...]}
//! sections.json                 GET /api/v2/help_center/sections.json  {"sections": [...]}
//! categories.json               GET /api/v2/help_center/categories.json {"categories": [...]}
//! translations/<article id>.json  GET /api/v2/help_center/articles/{id}/translations.json {"translations": [...]}
//! translations/sections/<id>.json    GET /api/v2/help_center/sections/{id}/translations.json
//! translations/categories/<id>.json  GET /api/v2/help_center/categories/{id}/translations.json
//! ```
//!
//! Several pages of a list may be saved as `articles.json`, `articles-2.json`, …
//! Only `articles.json` is required; a bare JSON array is read as the list.

use super::{Article, Export, Group, Translation};
use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct ZArticle {
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    source_locale: Option<String>,
    #[serde(default)]
    section_id: Option<u64>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    outdated: bool,
    #[serde(default)]
    label_names: Vec<String>,
    #[serde(default)]
    html_url: Option<String>,
    #[serde(default)]
    position: Option<i64>,
}

#[derive(Deserialize)]
struct ZTranslation {
    #[serde(default)]
    locale: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    outdated: bool,
    #[serde(default)]
    html_url: Option<String>,
}

#[derive(Deserialize)]
struct ZGroup {
    id: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    category_id: Option<u64>,
    /// A section inside another section (Guide Enterprise).
    #[serde(default)]
    parent_section_id: Option<u64>,
    #[serde(default)]
    position: Option<i64>,
}

/// Whether `dir` holds a Zendesk export.
pub fn detect(dir: &Path) -> bool {
    dir.join("articles.json").is_file()
        && (dir.join("sections.json").is_file()
            || dir.join("translations").is_dir()
            || dir.join("categories.json").is_file())
}

/// Reads the list `key` of the files `name.json`, `name-2.json`, ….
fn list<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    name: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, T)> {
    let mut out = Vec::new();
    for n in 1.. {
        let file = if n == 1 {
            dir.join(format!("{name}.json"))
        } else {
            dir.join(format!("{name}-{n}.json"))
        };
        if !file.is_file() {
            break;
        }
        out.extend(
            read_list(&file, name, problems)
                .into_iter()
                .map(|item| (file.clone(), item)),
        );
    }
    out
}

/// One saved response: `{"<key>": [...]}` or a bare array.
pub(super) fn read_list<T: for<'de> Deserialize<'de>>(
    file: &Path,
    key: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<T> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            problems.push(
                Diagnostic::error(file, format!("cannot read it: {e}"))
                    .hint("check that the file exists and that you may read it"),
            );
            return Vec::new();
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let at = crate::diagnostics::Position::new(e.line(), e.column());
            problems.push(
                Diagnostic::error(file, format!("not valid JSON: {e}"))
                    .at(at)
                    .hint("save the API's response as it came, without editing it"),
            );
            return Vec::new();
        }
    };
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove(key) {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                problems.push(
                    Diagnostic::error(file, format!("no `{key}` list in it")).hint(format!(
                        "save the response of the API's {key} endpoint here"
                    )),
                );
                return Vec::new();
            }
        },
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match serde_json::from_value(item) {
            Ok(item) => out.push(item),
            Err(e) => problems.push(
                Diagnostic::error(file, format!("{key}[{i}] is not what the API returns: {e}"))
                    .hint("save the API's response as it came, without editing it"),
            ),
        }
    }
    out
}

pub fn read(dir: &Path) -> Export {
    let mut problems = Vec::new();
    let mut groups = Vec::new();
    for (_, c) in list::<ZGroup>(dir, "categories", &mut problems) {
        groups.push(Group {
            key: format!("c{}", c.id),
            parent: None,
            names: names(dir, "categories", &c, &mut problems),
            position: c.position,
        });
    }
    for (_, s) in list::<ZGroup>(dir, "sections", &mut problems) {
        groups.push(Group {
            key: format!("s{}", s.id),
            parent: s
                .parent_section_id
                .map(|p| format!("s{p}"))
                .or_else(|| s.category_id.map(|c| format!("c{c}"))),
            names: names(dir, "sections", &s, &mut problems),
            position: s.position,
        });
    }
    let mut articles = Vec::new();
    for (file, a) in list::<ZArticle>(dir, "articles", &mut problems) {
        let source = a
            .source_locale
            .clone()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| a.locale.clone());
        let own = Translation {
            locale: a.locale.clone(),
            title: a.title.clone(),
            body: a.body.clone().unwrap_or_default(),
            draft: a.draft,
            outdated: a.outdated,
            addresses: addresses(a.html_url.as_deref(), &a.locale, a.id),
        };
        let mut translations = vec![own];
        let tfile = dir.join("translations").join(format!("{}.json", a.id));
        if tfile.is_file() {
            for t in read_list::<ZTranslation>(&tfile, "translations", &mut problems) {
                let t = Translation {
                    addresses: addresses(t.html_url.as_deref(), &t.locale, a.id),
                    locale: t.locale,
                    title: t.title,
                    body: t.body.unwrap_or_default(),
                    draft: t.draft,
                    outdated: t.outdated,
                };
                match translations
                    .iter_mut()
                    .find(|x| x.locale.eq_ignore_ascii_case(&t.locale))
                {
                    Some(existing) => *existing = t,
                    None => translations.push(t),
                }
            }
        }
        // The source language's first: it names the folders and the group.
        translations.sort_by_key(|t| !t.locale.eq_ignore_ascii_case(&source));
        articles.push(Article {
            id: a.id,
            group: a.section_id.map(|s| format!("s{s}")),
            file,
            labels: a.label_names,
            position: a.position,
            translations,
        });
    }
    if articles.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::error(dir.join("articles.json"), "no articles in the export")
                .hint("save the response of GET /api/v2/help_center/articles.json here"),
        );
    }
    Export {
        vendor: "Zendesk",
        groups,
        articles,
        problems,
    }
}

/// A category's or section's name in each locale: its own, then those of
/// `translations/<kind>/<id>.json` (GET /api/v2/help_center/<kind>/{id}/translations.json).
fn names(
    dir: &Path,
    kind: &str,
    g: &ZGroup,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut names = vec![(g.locale.clone(), g.name.clone())];
    let file = dir
        .join("translations")
        .join(kind)
        .join(format!("{}.json", g.id));
    if file.is_file() {
        for t in read_list::<ZTranslation>(&file, "translations", problems) {
            let known = names.iter().any(|(l, _)| l.eq_ignore_ascii_case(&t.locale));
            if !known && !t.locale.is_empty() && !t.title.trim().is_empty() {
                names.push((t.locale, t.title));
            }
        }
    }
    names
}

/// Where Zendesk published a translation: its `html_url`'s path, and the
/// short address Zendesk also answers (`/hc/pt-br/articles/123`).
fn addresses(html_url: Option<&str>, locale: &str, id: u64) -> Vec<String> {
    let mut out: Vec<String> = html_url.and_then(super::path_of).into_iter().collect();
    if !locale.is_empty() {
        out.push(format!("/hc/{}/articles/{id}", locale.to_lowercase()));
    }
    out
}
