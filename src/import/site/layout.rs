//! Where a docs site keeps its pages and in which language each one is:
//! one folder per language (Starlight, VitePress), Docusaurus's `docs/` and
//! `i18n/<lang>/docusaurus-plugin-content-docs/current/`, Hugo's
//! `content/<lang>/` or `page.<lang>.md`, MkDocs's `page.<lang>.md`, or one
//! folder in one language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The extensions of pages a docs site is written in.
pub const PAGE_EXTENSIONS: &[&str] = &["md", "mdx", "markdown"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `<root>/<lang>/…`; files outside a language folder are the default language's.
    LanguageFolders,
    Docusaurus,
    /// `page.<lang>.md` beside `page.md` (Hugo, mkdocs-static-i18n).
    LanguageSuffixes,
    /// Every page in one language, given with `--lang`.
    Single,
}

impl Layout {
    pub fn parse(name: &str) -> Option<Layout> {
        match name {
            "folders" | "starlight" | "language-folders" => Some(Layout::LanguageFolders),
            "docusaurus" => Some(Layout::Docusaurus),
            "suffixes" | "hugo" | "mkdocs" => Some(Layout::LanguageSuffixes),
            "single" => Some(Layout::Single),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Layout::LanguageFolders => "one folder per language",
            Layout::Docusaurus => "Docusaurus (docs/ and i18n/<lang>/)",
            Layout::LanguageSuffixes => "language suffixes (page.<lang>.md)",
            Layout::Single => "one folder, one language",
        }
    }
}

/// One page of the source, placed: its language (a site code) and its path
/// under its language's root, with `/` separators and its extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePage {
    pub file: PathBuf,
    pub lang: String,
    pub rel: String,
}

/// A source folder's own description of a section (Docusaurus `_category_.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCategory {
    pub file: PathBuf,
    pub lang: String,
    /// The folder, under the language's root.
    pub folder: String,
}

#[derive(Debug, Default)]
pub struct Tree {
    pub pages: Vec<SourcePage>,
    pub categories: Vec<SourceCategory>,
    /// Pages in a language the site does not have, by the language's name as written.
    pub other_languages: BTreeMap<String, Vec<PathBuf>>,
    /// Where files that pages link to by site path live (`static/`, `public/`).
    pub static_dirs: Vec<PathBuf>,
    /// The URL path Docusaurus serves its docs under (`docs/`), or empty.
    pub route_base: String,
    /// Docusaurus's default locale, whose pages have no language in their URLs.
    pub unprefixed_language: Option<String>,
}

/// What the site says about languages, to place pages with.
pub struct Languages<'a> {
    /// Configured codes, as site.toml writes them.
    pub site: &'a [String],
    /// The language of pages outside any language folder.
    pub default: &'a str,
}

impl Languages<'_> {
    /// The site code for a folder or suffix name (`pt-BR` → `pt-br`), if configured.
    pub fn site_code(&self, name: &str) -> Option<&str> {
        self.site
            .iter()
            .find(|code| {
                code.eq_ignore_ascii_case(name)
                    || code
                        .replace('_', "-")
                        .eq_ignore_ascii_case(&name.replace('_', "-"))
            })
            .map(String::as_str)
    }
}

/// Whether `name` reads as a BCP 47 language tag (`es`, `pt-br`, `zh-Hans`, `es-419`).
pub fn looks_like_language(name: &str) -> bool {
    let mut parts = name.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    // Two letters: three-letter codes are also words (`api`, `faq`); a site
    // that has one configures it, and `Languages::site_code` finds it.
    let primary_ok = primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase());
    primary_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && name.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// Guesses the layout of `root` from its files.
pub fn detect(root: &Path, languages: &Languages) -> Option<Layout> {
    if root.join("i18n").is_dir() && (root.join("docs").is_dir() || has_docusaurus_config(root))
        || has_docusaurus_config(root)
    {
        return Some(Layout::Docusaurus);
    }
    let docs = docs_root(root, Layout::LanguageFolders);
    let language_folders = subfolders(&docs)
        .iter()
        .filter(|name| languages.site_code(name).is_some() || looks_like_language(name))
        .count();
    if language_folders >= 1 {
        return Some(Layout::LanguageFolders);
    }
    let suffixed = page_files(&docs)
        .iter()
        .any(|f| language_suffix(f).is_some());
    if suffixed {
        return Some(Layout::LanguageSuffixes);
    }
    None
}

fn has_docusaurus_config(root: &Path) -> bool {
    [
        "docusaurus.config.js",
        "docusaurus.config.ts",
        "docusaurus.config.mjs",
    ]
    .iter()
    .any(|name| root.join(name).is_file())
}

/// The folder the pages are under: Starlight's `src/content/docs/`, Hugo's
/// and Zola's `content/`, MkDocs's `docs/`, else `root` itself.
pub fn docs_root(root: &Path, layout: Layout) -> PathBuf {
    let candidates: &[&str] = match layout {
        Layout::Docusaurus => &["docs"],
        _ => &["src/content/docs", "content", "docs"],
    };
    candidates
        .iter()
        .map(|c| root.join(c))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.to_path_buf())
}

fn subfolders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Page files under `dir`, sorted, hidden folders and `node_modules` skipped.
pub fn page_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !(name.starts_with('.') || name == "node_modules")
        })
        .flatten()
        .filter(|e| e.file_type().is_file() && is_page(e.path()))
        .map(|e| e.into_path())
        .collect()
}

pub fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// `page.es.md` → `es`: a language suffix before the extension.
pub fn language_suffix(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let (_, suffix) = stem.rsplit_once('.')?;
    looks_like_language(suffix).then(|| suffix.to_string())
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every page of `root` laid out as `layout`, with its language.
pub fn scan(root: &Path, layout: Layout, languages: &Languages) -> Tree {
    let mut tree = Tree::default();
    for dir in ["static", "public", "assets", "src/assets", "docs/public"] {
        let path = root.join(dir);
        if path.is_dir() {
            tree.static_dirs.push(path);
        }
    }
    tree.unprefixed_language = hugo_unprefixed_language(root);
    match layout {
        Layout::Docusaurus => scan_docusaurus(root, languages, &mut tree),
        Layout::LanguageFolders => {
            let docs = docs_root(root, layout);
            for file in page_files(&docs) {
                let rel = slash(file.strip_prefix(&docs).unwrap_or(&file));
                let (first, rest) = rel.split_once('/').unwrap_or(("", &rel));
                match languages.site_code(first) {
                    Some(code) => tree.add(file, code, rest),
                    None if looks_like_language(first) => tree.other(first, file),
                    None => tree.add(file, languages.default, &rel),
                }
            }
            categories(&docs, &mut tree, languages, true);
        }
        Layout::LanguageSuffixes => {
            let docs = docs_root(root, layout);
            for file in page_files(&docs) {
                let rel = slash(file.strip_prefix(&docs).unwrap_or(&file));
                // Hugo may combine both: content/<lang>/page.md.
                let (lang_folder, inner) = match rel.split_once('/') {
                    Some((first, rest)) if languages.site_code(first).is_some() => {
                        (languages.site_code(first), rest.to_string())
                    }
                    _ => (None, rel.clone()),
                };
                match language_suffix(&file) {
                    Some(suffix) => {
                        let unsuffixed = strip_suffix(&inner, &suffix);
                        match languages.site_code(&suffix) {
                            Some(code) => tree.add(file, code, &unsuffixed),
                            None => tree.other(&suffix, file),
                        }
                    }
                    None => tree.add(file, lang_folder.unwrap_or(languages.default), &inner),
                }
            }
        }
        Layout::Single => {
            let docs = docs_root(root, layout);
            for file in page_files(&docs) {
                let rel = slash(file.strip_prefix(&docs).unwrap_or(&file));
                tree.add(file, languages.default, &rel);
            }
            categories(&docs, &mut tree, languages, false);
        }
    }
    tree
}

/// `guide/page.es.md` without `.es`: `guide/page.md`.
fn strip_suffix(rel: &str, suffix: &str) -> String {
    let (stem, ext) = rel.rsplit_once('.').unwrap_or((rel, "md"));
    let stem = stem.strip_suffix(&format!(".{suffix}")).unwrap_or(stem);
    format!("{stem}.{ext}")
}

fn scan_docusaurus(root: &Path, languages: &Languages, tree: &mut Tree) {
    tree.route_base = docusaurus_setting(root, "routeBasePath")
        .map(|base| base.trim_matches('/').to_string())
        .map_or_else(
            || "docs/".to_string(),
            |base| {
                if base.is_empty() {
                    base
                } else {
                    format!("{base}/")
                }
            },
        );
    let default = docusaurus_default_locale(root)
        .and_then(|l| languages.site_code(&l).map(str::to_string))
        .unwrap_or_else(|| languages.default.to_string());
    let docs = root.join("docs");
    for file in page_files(&docs) {
        let rel = slash(file.strip_prefix(&docs).unwrap_or(&file));
        tree.add(file, &default, &rel);
    }
    tree.unprefixed_language = Some(default.clone());
    categories(
        &docs,
        tree,
        &Languages {
            site: languages.site,
            default: &default,
        },
        false,
    );
    for locale in subfolders(&root.join("i18n")) {
        let current = root
            .join("i18n")
            .join(&locale)
            .join("docusaurus-plugin-content-docs/current");
        let files = page_files(&current);
        let Some(code) = languages.site_code(&locale).map(str::to_string) else {
            for file in files {
                tree.other(&locale, file);
            }
            continue;
        };
        for file in files {
            let rel = slash(file.strip_prefix(&current).unwrap_or(&file));
            tree.add(file, &code, &rel);
        }
        categories(
            &current,
            tree,
            &Languages {
                site: languages.site,
                default: &code,
            },
            false,
        );
    }
}

/// Hugo publishes its default language at the root (`/docs/x/`, not
/// `/en/docs/x/`) unless `defaultContentLanguageInSubdir` says otherwise.
fn hugo_unprefixed_language(root: &Path) -> Option<String> {
    let names = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "config.toml",
        "config.yaml",
        "config.yml",
    ];
    let text = names
        .iter()
        .find_map(|name| std::fs::read_to_string(root.join(name)).ok())?;
    if !root.join("content").is_dir() {
        return None;
    }
    let setting = |key: &str| {
        let line = text.lines().find(|l| l.trim_start().starts_with(key))?;
        let value = line.split_once([':', '='])?.1;
        Some(value.trim().trim_matches(['"', '\'']).to_string())
    };
    if setting("defaultContentLanguageInSubdir").is_some_and(|v| v == "true") {
        return None;
    }
    Some(
        setting("defaultContentLanguage")
            .unwrap_or_else(|| "en".to_string())
            .to_lowercase(),
    )
}

fn docusaurus_default_locale(root: &Path) -> Option<String> {
    docusaurus_setting(root, "defaultLocale")
}

/// `name: 'value'` in docusaurus.config.js (read as text: it is a program).
fn docusaurus_setting(root: &Path, name: &str) -> Option<String> {
    let text = [
        "docusaurus.config.js",
        "docusaurus.config.ts",
        "docusaurus.config.mjs",
    ]
    .iter()
    .find_map(|file| std::fs::read_to_string(root.join(file)).ok())?;
    let at = text.find(&format!("{name}:"))?;
    let rest = &text[at + name.len() + 1..];
    let rest = rest.trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(value[..end].to_string())
}

/// `_category_.json`/`.yml` files: a section's label and position.
fn categories(dir: &Path, tree: &mut Tree, languages: &Languages, by_folder: bool) {
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten();
    for entry in walk {
        let name = entry.file_name().to_string_lossy();
        if !matches!(
            name.as_ref(),
            "_category_.json" | "_category_.yml" | "_category_.yaml"
        ) {
            continue;
        }
        let Some(folder) = entry.path().parent().and_then(|p| p.strip_prefix(dir).ok()) else {
            continue;
        };
        let folder = slash(folder);
        let (lang, folder) = match folder.split_once('/') {
            Some((first, rest)) if by_folder && languages.site_code(first).is_some() => (
                languages.site_code(first).unwrap_or(languages.default),
                rest.to_string(),
            ),
            _ if by_folder && languages.site_code(&folder).is_some() => continue,
            _ => (languages.default, folder),
        };
        if folder.is_empty() {
            continue;
        }
        tree.categories.push(SourceCategory {
            file: entry.into_path(),
            lang: lang.to_string(),
            folder,
        });
    }
}

impl Tree {
    fn add(&mut self, file: PathBuf, lang: &str, rel: &str) {
        self.pages.push(SourcePage {
            file,
            lang: lang.to_string(),
            rel: rel.to_string(),
        });
    }
    fn other(&mut self, lang: &str, file: PathBuf) {
        self.other_languages
            .entry(lang.to_string())
            .or_default()
            .push(file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names_are_told_from_folder_names() {
        for yes in ["es", "pt-br", "pt-BR", "zh-cn", "es-419", "sr-Latn", "ar"] {
            assert!(looks_like_language(yes), "{yes}");
        }
        for no in [
            "guides",
            "basics",
            "docs",
            "images",
            "api",
            "reference",
            "x",
        ] {
            assert!(!looks_like_language(no), "{no}");
        }
    }

    #[test]
    fn suffixes_name_languages() {
        assert_eq!(
            language_suffix(Path::new("a/page.es.md")).as_deref(),
            Some("es")
        );
        assert_eq!(language_suffix(Path::new("a/page.md")), None);
        assert_eq!(language_suffix(Path::new("a/v1.2.md")), None);
        assert_eq!(strip_suffix("guide/page.es.md", "es"), "guide/page.md");
    }
}
