//! A Freshdesk solutions export: the API's responses saved in a folder, as
//! polybook reads them (README, "Importing a help center"):
//!
//! ```text
//! categories.json                   GET /api/v2/solutions/categories
//! folders/<category id>.json        GET /api/v2/solutions/categories/{id}/folders
//! articles/<folder id>.json         GET /api/v2/solutions/folders/{id}/articles
//! translations/<lang>/…             the same three in another language
//!                                   (the endpoints with /{language_code} at the end)
//! ```
//!
//! Each response is a JSON array. Freshdesk does not say which language the
//! primary one is: `--lang` names it, else the site's default language.

use super::zendesk::read_list;
use super::{Article, Export, Group, Translation};
use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct FGroup {
    id: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    position: Option<i64>,
}

#[derive(Deserialize)]
struct FArticle {
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: Option<String>,
    /// 1: draft, 2: published.
    #[serde(default)]
    status: Option<u8>,
    #[serde(default)]
    folder_id: Option<u64>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    position: Option<i64>,
}

pub fn detect(dir: &Path) -> bool {
    dir.join("categories.json").is_file() && dir.join("folders").is_dir()
}

/// The JSON files of a folder, by the id in their name.
fn by_id(dir: &Path) -> Vec<(u64, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(u64, PathBuf)> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let id = path.file_stem()?.to_str()?.parse().ok()?;
            (path.extension()? == "json").then_some((id, path))
        })
        .collect();
    out.sort();
    out
}

/// One language's tree: categories, folders (with their category) and articles.
struct Tree {
    categories: Vec<FGroup>,
    folders: Vec<(u64, FGroup)>,
    articles: Vec<(PathBuf, FArticle)>,
}

fn tree(dir: &Path, problems: &mut Vec<Diagnostic>) -> Tree {
    let categories = if dir.join("categories.json").is_file() {
        read_list(&dir.join("categories.json"), "categories", problems)
    } else {
        Vec::new()
    };
    let mut folders = Vec::new();
    for (category, file) in by_id(&dir.join("folders")) {
        folders.extend(
            read_list::<FGroup>(&file, "folders", problems)
                .into_iter()
                .map(|f| (category, f)),
        );
    }
    let mut articles = Vec::new();
    for (folder, file) in by_id(&dir.join("articles")) {
        for mut a in read_list::<FArticle>(&file, "articles", problems) {
            a.folder_id.get_or_insert(folder);
            articles.push((file.clone(), a));
        }
    }
    Tree {
        categories,
        folders,
        articles,
    }
}

/// `primary`: the language of the files at the top of `dir`.
pub fn read(dir: &Path, primary: &str) -> Export {
    let mut problems = Vec::new();
    let main = tree(dir, &mut problems);
    let mut others: BTreeMap<String, Tree> = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("translations")) {
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                let lang = entry.file_name().to_string_lossy().into_owned();
                others.insert(lang, tree(&entry.path(), &mut problems));
            }
        }
    }
    let name_in = |key: u64, folders: bool| -> Vec<(String, String)> {
        others
            .iter()
            .filter_map(|(lang, t)| {
                let name = if folders {
                    t.folders
                        .iter()
                        .find(|(_, f)| f.id == key)
                        .map(|(_, f)| f.name.clone())
                } else {
                    t.categories
                        .iter()
                        .find(|c| c.id == key)
                        .map(|c| c.name.clone())
                };
                Some((lang.clone(), name?))
            })
            .collect()
    };
    let mut groups = Vec::new();
    for c in &main.categories {
        let mut names = vec![(primary.to_string(), c.name.clone())];
        names.extend(name_in(c.id, false));
        groups.push(Group {
            key: format!("c{}", c.id),
            parent: None,
            names,
            position: c.position,
        });
    }
    for (category, f) in &main.folders {
        let mut names = vec![(primary.to_string(), f.name.clone())];
        names.extend(name_in(f.id, true));
        groups.push(Group {
            key: format!("f{}", f.id),
            parent: Some(format!("c{category}")),
            names,
            position: f.position,
        });
    }
    let mut articles = Vec::new();
    for (file, a) in &main.articles {
        let mut translations = vec![translation(a, primary, true)];
        for (lang, t) in &others {
            if let Some((_, other)) = t.articles.iter().find(|(_, o)| o.id == a.id) {
                translations.push(translation(other, lang, false));
            }
        }
        articles.push(Article {
            id: a.id,
            group: a.folder_id.map(|f| format!("f{f}")),
            file: file.clone(),
            labels: a.tags.clone(),
            position: a.position,
            translations,
        });
    }
    if articles.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::error(dir.join("articles"), "no articles in the export")
            .hint("save GET /api/v2/solutions/folders/{id}/articles of each folder as articles/<folder id>.json"));
    }
    Export {
        vendor: "Freshdesk",
        groups,
        articles,
        problems,
    }
}

fn translation(a: &FArticle, lang: &str, primary: bool) -> Translation {
    // The portal answers /support/solutions/articles/<id> (and, for another
    // language, under /<lang>/) whatever the slug after the id.
    let address = if primary {
        format!("/support/solutions/articles/{}", a.id)
    } else {
        format!("/{lang}/support/solutions/articles/{}", a.id)
    };
    Translation {
        locale: lang.to_string(),
        title: a.title.clone(),
        body: a.description.clone().unwrap_or_default(),
        draft: a.status == Some(1),
        outdated: false,
        addresses: vec![address],
    }
}
