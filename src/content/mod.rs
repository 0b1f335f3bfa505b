//! Reads `content/`: one folder per language, Markdown pages with front matter,
//! section `_index.md` files and the `topics.toml` glossary.

pub mod front_matter;
pub mod topics;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::page_kind::PageKind;
use crate::text::slug::slugify;
use front_matter::{FrontMatter, SectionFrontMatter, Value};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
pub use topics::{Topic, Topics};

/// An article as read from disk, before rendering.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, as found under the site root.
    pub path: PathBuf,
    /// Path under `content/` with `/` separators: `pt/onboarding/first-day.md`.
    pub rel_path: String,
    pub lang: String,
    /// Section folders under the language folder, slugified: `onboarding`; empty at the top.
    pub section: String,
    pub slug: String,
    pub front: FrontMatter,
    /// The whole file, kept so positions in the body map to file lines.
    pub source: String,
    pub body_offset: usize,
}

impl Document {
    pub fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }
    /// Output path of the page's folder, relative to the output root: `pt/onboarding/first-day/`.
    pub fn url_path(&self) -> String {
        let mut url = format!("{}/", self.lang);
        if !self.section.is_empty() {
            url.push_str(&self.section);
            url.push('/');
        }
        url.push_str(&self.slug);
        url.push('/');
        url
    }
}

/// A section's `_index.md`: names and orders the section and may introduce it.
#[derive(Debug, Clone)]
pub struct SectionIndex {
    pub path: PathBuf,
    pub lang: String,
    /// Empty for `content/<lang>/_index.md`, which introduces the language home.
    pub section: String,
    pub front: SectionFrontMatter,
    pub source: String,
    pub body_offset: usize,
}

impl SectionIndex {
    pub fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }
}

#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted by language, section, weight, title: the order listings use.
    pub documents: Vec<Document>,
    pub sections: Vec<SectionIndex>,
    pub topics: Topics,
    /// Other files under the language folders (images, PDFs), copied as they are.
    pub files: Vec<ColocatedFile>,
    /// Content paths of pages that failed to load: links to them are not "missing".
    pub failed_pages: Vec<String>,
}

/// A non-Markdown file beside the pages, published at the same path.
#[derive(Debug, Clone)]
pub struct ColocatedFile {
    /// Path under `content/` with `/` separators, which is also its output path.
    pub rel_path: String,
    pub bytes: Vec<u8>,
}

pub struct LoadOptions {
    pub drafts: bool,
}

/// Walks `content/` and reads every page. Pages that fail are left out and
/// their problems returned, so later stages can still report theirs.
pub fn load(config: &SiteConfig, options: &LoadOptions) -> (Content, Diagnostics) {
    let content_dir = config.content_dir();
    let mut problems = Diagnostics::default();
    if !content_dir.is_dir() {
        problems.push(
            Diagnostic::error(&content_dir, "there is no content folder")
                .hint("create content/<lang>/ folders with Markdown pages"),
        );
        return (Content::default(), problems);
    }
    let files = walk(&content_dir, &mut problems);
    let topics_path = content_dir.join(topics::TOPICS_FILE);
    let topics = if topics_path.is_file() {
        match crate::fs::read_to_string(&topics_path).map_err(Diagnostics::from) {
            Ok(text) => topics::parse(&topics_path, &text).unwrap_or_else(|e| {
                problems.extend(e.0);
                Topics::default()
            }),
            Err(e) => {
                problems.extend(e.0);
                Topics::default()
            }
        }
    } else {
        Topics::default()
    };

    let (pages, others): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| p.extension().and_then(|e| e.to_str()) == Some("md"));
    let colocated = read_colocated(config, &content_dir, &others, &mut problems);
    let loaded: Vec<(String, Result<Loaded, Diagnostic>)> = pages
        .par_iter()
        .map(|path| {
            let rel = crate::fs::slash_path(path.strip_prefix(&content_dir).unwrap_or(path));
            let loaded = classify(config, &content_dir, path).and_then(|f| read_file(f, options));
            (rel, loaded)
        })
        .collect();
    let mut documents = Vec::new();
    let mut sections = Vec::new();
    let mut failed_pages = Vec::new();
    for (rel, item) in loaded {
        match item {
            Ok(Loaded::Document(d)) => documents.push(*d),
            Ok(Loaded::Section(s)) => sections.push(*s),
            Ok(Loaded::Draft) => {}
            Err(d) => {
                problems.push(d);
                failed_pages.push(rel);
            }
        }
    }
    check_documents(&documents, &topics, &mut problems);
    documents.sort_by(listing_order);
    sections.sort_by(|a, b| (&a.lang, &a.section).cmp(&(&b.lang, &b.section)));
    let content = Content {
        documents,
        sections,
        topics,
        files: colocated,
        failed_pages,
    };
    (content, problems)
}

fn read_colocated(
    config: &SiteConfig,
    content_dir: &Path,
    paths: &[PathBuf],
    problems: &mut Diagnostics,
) -> Vec<ColocatedFile> {
    let mut files = Vec::new();
    for path in paths {
        let rel_path = crate::fs::slash_path(path.strip_prefix(content_dir).unwrap_or(path));
        let Some((lang, _)) = rel_path.split_once('/') else {
            continue; // topics.toml and other files beside the language folders
        };
        if config.language(lang).is_none() {
            continue;
        }
        match std::fs::read(path) {
            Ok(bytes) => files.push(ColocatedFile { rel_path, bytes }),
            Err(e) => problems.push(crate::fs::io_error(path, "cannot read", e)),
        }
    }
    files
}

/// Every file under `dir`, in name order, skipping hidden and editor files.
pub(crate) fn walk(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let message = if e.loop_ancestor().is_some() {
                    "a symbolic link here loops back to a folder above it".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                problems.push(
                    Diagnostic::error(path, message).hint("remove the link or fix permissions"),
                );
            }
        }
    }
    files
}

/// Hidden files, editor swap and backup files: never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

pub(crate) struct ContentFile {
    path: PathBuf,
    rel_path: String,
    lang: String,
    section: String,
    stem: String,
}

pub(crate) enum Loaded {
    Document(Box<Document>),
    Section(Box<SectionIndex>),
    Draft,
}

/// Works out the language and section of a page from its place.
pub(crate) fn classify(
    config: &SiteConfig,
    content_dir: &Path,
    path: &Path,
) -> Result<ContentFile, Diagnostic> {
    let rel = path.strip_prefix(content_dir).unwrap_or(path);
    let rel_path = crate::fs::slash_path(rel);
    let parts: Vec<&str> = rel_path.split('/').collect();
    if parts.len() < 2 {
        return Err(
            Diagnostic::error(path, "this page is outside any language folder")
                .hint("move it to content/<lang>/, e.g. content/pt/"),
        );
    }
    let lang = parts[0];
    if config.language(lang).is_none() {
        return Err(Diagnostic::error(
            path,
            format!("the language folder `{lang}` is not configured in site.toml"),
        )
        .hint(format!(
            "add [languages.{lang}] with name = \"…\" to site.toml, or move the page"
        )));
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let section_parts: Vec<String> = parts[1..parts.len() - 1]
        .iter()
        .map(|p| slugify(p))
        .collect();
    if section_parts.iter().any(String::is_empty) {
        return Err(
            Diagnostic::error(path, "a folder name has no letters or digits")
                .hint("rename the folder"),
        );
    }
    Ok(ContentFile {
        path: path.to_path_buf(),
        rel_path: rel_path.clone(),
        lang: lang.to_string(),
        section: section_parts.join("/"),
        stem: stem.to_string(),
    })
}

pub(crate) fn read_file(file: ContentFile, options: &LoadOptions) -> Result<Loaded, Diagnostic> {
    let source = crate::fs::read_to_string(&file.path)?;
    let split = front_matter::split(&file.path, &source)?;
    let body_offset = split.body_offset;
    if file.stem == "_index" {
        let front: SectionFrontMatter = front_matter::parse(&file.path, &source, &split)?;
        return Ok(Loaded::Section(Box::new(SectionIndex {
            path: file.path,
            lang: file.lang,
            section: file.section,
            front,
            source,
            body_offset,
        })));
    }
    let front: FrontMatter = front_matter::parse(&file.path, &source, &split)?;
    if front.draft && !options.drafts {
        return Ok(Loaded::Draft);
    }
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(&file.path, "the title is empty")
            .at(front_matter::value_position(&source, &split, Value::Title))
            .hint("give the page a title in its language"));
    }
    let slug = slugify(&file.stem);
    if slug.is_empty() || PageKind::reserved_slugs().any(|reserved| reserved == slug) {
        let reserved: Vec<&str> = PageKind::reserved_slugs().collect();
        let (last, rest) = reserved.split_last().expect("some pages reserve a slug");
        return Err(Diagnostic::error(
            &file.path,
            format!("the file name `{}` cannot be a page address", file.stem),
        )
        .at(Position::new(1, 1))
        .hint(format!(
            "rename the file: use letters or digits, and not {} or {last}",
            rest.join(", ")
        )));
    }
    Ok(Loaded::Document(Box::new(Document {
        path: file.path,
        rel_path: file.rel_path,
        lang: file.lang,
        section: file.section,
        slug,
        front,
        source,
        body_offset,
    })))
}

/// The order of listings: language, section, weight, title, slug.
pub(crate) fn listing_order(a: &Document, b: &Document) -> std::cmp::Ordering {
    (&a.lang, &a.section, a.front.weight, &a.front.title, &a.slug).cmp(&(
        &b.lang,
        &b.section,
        b.front.weight,
        &b.front.title,
        &b.slug,
    ))
}

/// Checks that need every page: unknown topics and two files claiming one URL.
pub(crate) fn check_documents(documents: &[Document], topics: &Topics, problems: &mut Diagnostics) {
    let mut by_url: std::collections::BTreeMap<String, &Document> = Default::default();
    for doc in documents {
        if let Some(other) = by_url.insert(doc.url_path(), doc) {
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    format!(
                        "this page and {} both become /{}",
                        other.path.display(),
                        doc.url_path()
                    ),
                )
                .at(Position::new(1, 1))
                .hint("rename one of the two files"),
            );
        }
        for topic in &doc.front.topics {
            if topics.get(topic).is_none() {
                let split = front_matter::split(&doc.path, &doc.source);
                let position = split
                    .map(|s| front_matter::value_position(&doc.source, &s, Value::Topic(topic)))
                    .unwrap_or_default();
                problems.push(
                    Diagnostic::error(&doc.path, format!("unknown topic `{topic}`"))
                        .at(position)
                        .hint("add it to content/topics.toml or fix its spelling"),
                );
            }
        }
    }
}
