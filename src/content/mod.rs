//! Reads `content/`: one folder per language, Markdown pages with front matter,
//! section `_index.md` files and the `topics.toml` glossary.

pub mod address;
pub mod aliases;
pub mod front_matter;
pub mod review_keys;
pub mod synonyms;
pub mod topics;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::files::OutputFile;
pub use aliases::Alias;
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
    /// The page's address in its folder: what the file asks for when loaded,
    /// then as [`address::assign`] decides among the pages of its folder.
    pub slug: String,
    pub front: FrontMatter,
    /// The page's old addresses (front matter `aliases`), validated and
    /// normalized (`pt/old-page/`, `pt/old.html`): the build writes a redirect
    /// to the page at each. No two pages share one, and none is a page's address.
    pub aliases: Vec<Alias>,
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

/// What every page may show besides the articles: sections, the glossary,
/// files beside the pages. The articles themselves come apart from it
/// ([`load`]), since the next stage turns each into an `Article`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted by language, then section.
    pub sections: Vec<SectionIndex>,
    pub topics: Topics,
    /// `content/synonyms.toml`, for search.
    pub synonyms: synonyms::Synonyms,
    /// Other files under the language folders (images, PDFs), copied as they
    /// are; sorted by path.
    pub files: Vec<ColocatedFile>,
    /// Content paths of pages that failed to load: links to them are not "missing".
    pub failed_pages: Vec<String>,
    /// Content paths of drafts left out of this build: a link to one says so.
    pub drafts: Vec<String>,
}

impl Content {
    /// Adds what a file loaded as (but a document, which becomes an article).
    pub fn add(&mut self, entry: Entry) {
        match entry {
            Entry::Section(section) => self.sections.push(*section),
            Entry::Topics(topics) => self.topics = topics,
            Entry::Synonyms(synonyms) => self.synonyms = synonyms,
            Entry::File(file) => self.files.push(file),
            Entry::Document(_) | Entry::Draft | Entry::Other => {}
        }
    }

    /// Puts sections and files in their order (articles have [`listing_order`]).
    pub fn sort(&mut self) {
        self.sections
            .sort_by(|a, b| (&a.lang, &a.section).cmp(&(&b.lang, &b.section)));
        self.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        self.drafts.sort();
    }

    /// The files beside the pages, as published (at the same path).
    pub fn output_files(&self) -> impl Iterator<Item = OutputFile> + '_ {
        self.files.iter().map(|f| OutputFile {
            path: f.rel_path.clone(),
            bytes: f.bytes.clone(),
        })
    }
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

/// Walks `content/` and reads every file: the articles, in listing order, and
/// the rest of the content. Files that fail are left out and their problems
/// returned, so later stages can still report theirs.
pub fn load(config: &SiteConfig, options: &LoadOptions) -> (Vec<Document>, Content, Diagnostics) {
    let (paths, mut problems) = list_files(config);
    let content_dir = config.content_dir();
    let entries: Vec<(&PathBuf, Result<Entry, Failed>)> = paths
        .par_iter()
        .map(|path| (path, load_file(config, &content_dir, path, options)))
        .collect();
    let mut documents = Vec::new();
    let mut content = Content::default();
    for (path, entry) in entries {
        match entry {
            Ok(Entry::Document(doc)) => documents.push(*doc),
            Ok(Entry::Draft) => content.drafts.push(rel_path(&content_dir, path)),
            Ok(entry) => content.add(entry),
            Err(failed) => {
                let rel = rel_path(&content_dir, path);
                if failed.page {
                    content.failed_pages.push(rel);
                } else if rel == topics::TOPICS_FILE {
                    content.topics = Topics::unreadable();
                }
                problems.extend(failed.problems);
            }
        }
    }
    problems.extend(address::assign(documents.iter_mut()));
    problems.extend(address::folder_warnings(
        &content_dir,
        documents.iter().map(|d| d.rel_path.as_str()),
    ));
    check_documents(&documents, &content.topics, &mut problems);
    documents.sort_by(listing_order);
    content.sort();
    (documents, content, problems)
}

/// Every file under `content/`, in name order; that there is no such folder
/// is a problem.
pub fn list_files(config: &SiteConfig) -> (Vec<PathBuf>, Diagnostics) {
    let content_dir = config.content_dir();
    let mut problems = Diagnostics::default();
    if !content_dir.is_dir() {
        problems.push(
            Diagnostic::error(&content_dir, "there is no content folder")
                .hint("create content/<lang>/ folders with Markdown pages"),
        );
        return (Vec::new(), problems);
    }
    let files = walk(&content_dir, &mut problems);
    (files, problems)
}

/// What a file under `content/` loaded as.
pub enum Entry {
    Document(Box<Document>),
    Section(Box<SectionIndex>),
    /// A draft, left out of this build.
    Draft,
    /// `content/topics.toml`.
    Topics(Topics),
    /// `content/synonyms.toml`.
    Synonyms(synonyms::Synonyms),
    /// A file beside the pages of a language.
    File(ColocatedFile),
    /// Any other file beside the language folders: not part of the site.
    Other,
}

/// A file that failed to load, and why.
#[derive(Debug)]
pub struct Failed {
    /// A page: links to it are not "missing".
    pub page: bool,
    pub problems: Vec<Diagnostic>,
}

/// Reads one file under `content_dir`: a page (`.md`), the glossary, or a
/// file beside the pages.
pub fn load_file(
    config: &SiteConfig,
    content_dir: &Path,
    path: &Path,
    options: &LoadOptions,
) -> Result<Entry, Failed> {
    let rel = rel_path(content_dir, path);
    if rel == topics::TOPICS_FILE {
        return load_topics(path).map(Entry::Topics).map_err(|e| Failed {
            page: false,
            problems: e.0,
        });
    }
    if rel == synonyms::SYNONYMS_FILE {
        return load_synonyms(config, path)
            .map(Entry::Synonyms)
            .map_err(|e| Failed {
                page: false,
                problems: e.0,
            });
    }
    if path.extension().and_then(|e| e.to_str()) != Some("md") {
        return read_colocated(config, path, rel).map_err(|e| Failed {
            page: false,
            problems: vec![e],
        });
    }
    let loaded = classify(config, content_dir, path)
        .map_err(|e| vec![e])
        .and_then(|f| read_file(config, f, options));
    loaded.map_err(|problems| Failed {
        page: true,
        problems,
    })
}

/// Reads and parses `content/topics.toml`.
fn load_topics(path: &Path) -> Result<Topics, Diagnostics> {
    let text = crate::fs::read_to_string(path).map_err(Diagnostics::from)?;
    topics::parse(path, &text)
}

/// Reads and parses `content/synonyms.toml`: its languages must be the site's.
fn load_synonyms(config: &SiteConfig, path: &Path) -> Result<synonyms::Synonyms, Diagnostics> {
    let text = crate::fs::read_to_string(path).map_err(Diagnostics::from)?;
    let parsed = synonyms::parse(path, &text)?;
    let problems = synonyms::check_languages(path, &parsed, |lang| config.language(lang).is_some());
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Reads a file beside the pages, if it is in a configured language's folder.
fn read_colocated(config: &SiteConfig, path: &Path, rel_path: String) -> Result<Entry, Diagnostic> {
    let Some((lang, _)) = rel_path.split_once('/') else {
        return Ok(Entry::Other); // files beside the language folders
    };
    if config.language(lang).is_none() {
        return Ok(Entry::Other);
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(Entry::File(ColocatedFile { rel_path, bytes })),
        Err(e) => Err(crate::fs::io_error(path, "cannot read", e)),
    }
}

/// A path under `content_dir` with `/` separators: `pt/onboarding/first-day.md`.
pub fn rel_path(content_dir: &Path, path: &Path) -> String {
    crate::fs::slash_path(path.strip_prefix(content_dir).unwrap_or(path))
}

/// Every file under `dir`, in name order, skipping hidden and editor files.
fn walk(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
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

struct ContentFile {
    path: PathBuf,
    rel_path: String,
    lang: String,
    section: String,
    stem: String,
}

/// Works out the language and section of a page from its place.
fn classify(
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
        .enumerate()
        .map(|(depth, name)| {
            let rel_folder = parts[..depth + 2].join("/");
            address::folder_slug(name, depth == 0, &rel_folder).0
        })
        .collect();
    Ok(ContentFile {
        path: path.to_path_buf(),
        rel_path: rel_path.clone(),
        lang: lang.to_string(),
        section: section_parts.join("/"),
        stem: stem.to_string(),
    })
}

fn read_file(
    config: &SiteConfig,
    file: ContentFile,
    options: &LoadOptions,
) -> Result<Entry, Vec<Diagnostic>> {
    let source = crate::fs::read_to_string(&file.path).map_err(|e| vec![e])?;
    parse_file(config, file, source, options)
}

/// What a Markdown file under `content_dir` would load as with `source` as
/// its text, read from nowhere: `serve`'s editing desk previews and checks
/// unsaved text with it, exactly as [`load_file`] would read it once saved.
pub fn parse_page(
    config: &SiteConfig,
    content_dir: &Path,
    path: &Path,
    source: String,
    options: &LoadOptions,
) -> Result<Entry, Vec<Diagnostic>> {
    let file = classify(config, content_dir, path).map_err(|e| vec![e])?;
    parse_file(config, file, source, options)
}

/// Every problem of the page's front matter, at once: those of its keys and
/// values, then those of the values that fit.
fn parse_file(
    config: &SiteConfig,
    file: ContentFile,
    source: String,
    options: &LoadOptions,
) -> Result<Entry, Vec<Diagnostic>> {
    let split = front_matter::split(&file.path, &source).map_err(|e| vec![e])?;
    let body_offset = split.body_offset;
    if file.stem == "_index" {
        let (front, problems) =
            front_matter::parse_all::<SectionFrontMatter>(&file.path, &source, &split)?;
        if !problems.is_empty() {
            return Err(problems);
        }
        return Ok(Entry::Section(Box::new(SectionIndex {
            path: file.path,
            lang: file.lang,
            section: file.section,
            front,
            source,
            body_offset,
        })));
    }
    let (front, mut problems) =
        front_matter::parse_all::<FrontMatter>(&file.path, &source, &split)?;
    if front.draft && !options.drafts && problems.is_empty() {
        return Ok(Entry::Draft);
    }
    if front.title.trim().is_empty() {
        problems.push(
            Diagnostic::error(&file.path, "the title is empty")
                .at(front_matter::value_position(&source, &split, Value::Title))
                .hint("give the page a title in its language"),
        );
    }
    if let Some(slug) = &front.slug {
        problems.extend(check_slug(&file, slug, &source, &split).err());
    }
    // What the file asks for; `address::assign` decides once every page is read.
    let slug = match &front.slug {
        Some(slug) => slug.clone(),
        None => address::from_file_name(&file.stem),
    };
    let languages: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let aliases = aliases::parse_all(&file.path, &front.aliases, &languages, (&source, &split));
    let aliases = match aliases {
        Ok(aliases) if problems.is_empty() => aliases,
        Ok(_) => return Err(problems),
        Err(e) => {
            problems.push(e);
            return Err(problems);
        }
    };
    Ok(Entry::Document(Box::new(Document {
        path: file.path,
        rel_path: file.rel_path,
        lang: file.lang,
        section: file.section,
        slug,
        front,
        aliases,
        source,
        body_offset,
    })))
}

/// A front matter `slug` must be an address as it is, and not a reserved one.
fn check_slug(
    file: &ContentFile,
    slug: &str,
    source: &str,
    split: &front_matter::Split,
) -> Result<(), Diagnostic> {
    let position = || front_matter::value_position(source, split, Value::Slug);
    if !address::is_valid(slug) {
        let hint = match address::from_file_name(slug) {
            s if s.is_empty() => "use lowercase letters, digits and dashes".to_string(),
            s => format!("use lowercase letters, digits and dashes: slug = \"{s}\""),
        };
        return Err(
            Diagnostic::error(&file.path, format!("the slug `{slug}` is not an address"))
                .at(position())
                .hint(hint),
        );
    }
    if address::is_reserved(&file.section, slug) {
        return Err(Diagnostic::error(
            &file.path,
            format!("the slug `{slug}` is the address of the language's own {slug} page"),
        )
        .at(position())
        .hint("choose another slug, or move the page into a section folder"));
    }
    Ok(())
}

/// The order of listings: language, section, weight, title, slug.
pub fn listing_order(a: &Document, b: &Document) -> std::cmp::Ordering {
    (&a.lang, &a.section, a.front.weight, &a.front.title, &a.slug).cmp(&(
        &b.lang,
        &b.section,
        b.front.weight,
        &b.front.title,
        &b.slug,
    ))
}

/// Checks that need every page: unknown topics and two files claiming one
/// URL, as their addresses or their aliases.
pub fn check_documents<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    topics: &Topics,
    problems: &mut Diagnostics,
) {
    let documents: Vec<&Document> = documents.into_iter().collect();
    aliases::check_unique(&documents, problems);
    let today = crate::calendar::today();
    let mut by_url: std::collections::BTreeMap<String, &Document> = Default::default();
    problems.extend(review_keys::group_topics(documents.iter().copied()));
    for doc in documents {
        problems.extend(review_keys::check(doc, today));
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
                .hint("give one of them slug = \"…\" in its front matter, or rename it"),
            );
        }
        for topic in &doc.front.topics {
            if topics.is_unknown(topic) {
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

#[cfg(test)]
mod mutation_tests;

#[cfg(test)]
mod tests {
    use super::*;

    /// What each kind of file under `content/` loads as: the one answer that
    /// `build` (through [`load`]) and `serve` (file by file) both use.
    #[test]
    fn every_kind_of_file_loads_as_one_entry() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let toml = "title = \"T\"\nbase_url = \"https://example.com/\"\n\
                    default_language = \"pt\"\n[languages.pt]\nname = \"Português\"\n";
        let config = crate::config::parse(root, &root.join("site.toml"), toml, None).unwrap();
        let content_dir = config.content_dir();
        let files = [
            ("topics.toml", "[empathy]\nlabel = { pt = \"Empatia\" }\n"),
            ("notes.txt", "beside the language folders"),
            ("pt/a.md", "+++\ntitle = \"A\"\n+++\nA.\n"),
            ("pt/guia/_index.md", "+++\ntitle = \"Guia\"\n+++\n"),
            ("pt/rascunho.md", "+++\ntitle = \"R\"\ndraft = true\n+++\n"),
            ("pt/figura.png", "png"),
            ("pt/mau.md", "+++\ntitle = \"\"\n+++\n"),
            ("xx/b.md", "+++\ntitle = \"B\"\n+++\n"),
            ("xx/figura.png", "png"),
        ];
        for (rel, text) in files {
            let path = content_dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        }
        let options = LoadOptions { drafts: false };
        let kind =
            |rel: &str| match load_file(&config, &content_dir, &content_dir.join(rel), &options) {
                Ok(Entry::Document(d)) => format!("document {}", d.url_path()),
                Ok(Entry::Section(s)) => format!("section {}", s.section),
                Ok(Entry::Draft) => "draft".into(),
                Ok(Entry::Topics(t)) => format!("{} topic(s)", t.list.len()),
                Ok(Entry::Synonyms(s)) => format!("{} synonym group(s)", s.groups.len()),
                Ok(Entry::File(f)) => format!("file {}", f.rel_path),
                Ok(Entry::Other) => "other".into(),
                Err(f) => format!("failed page={} ({})", f.page, f.problems.len()),
            };
        let kinds: Vec<String> = files.iter().map(|(rel, _)| kind(rel)).collect();
        assert_eq!(
            kinds,
            [
                "1 topic(s)",
                "other",
                "document pt/a/",
                "section guia",
                "draft",
                "file pt/figura.png",
                "failed page=true (1)",
                "failed page=true (1)",
                "other",
            ]
        );
        let (documents, content, problems) = load(&config, &options);
        let urls: Vec<String> = documents.iter().map(Document::url_path).collect();
        assert_eq!(urls, ["pt/a/"]);
        assert_eq!(content.sections.len(), 1);
        assert_eq!(content.topics.list.len(), 1);
        assert_eq!(content.files.len(), 1);
        assert_eq!(content.failed_pages, ["pt/mau.md", "xx/b.md"]);
        assert_eq!(problems.0.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_missing_content_folder_is_one_problem() {
        let dir = tempfile::tempdir().unwrap();
        let toml = "title = \"T\"\nbase_url = \"https://example.com/\"\n\
                    default_language = \"pt\"\n[languages.pt]\nname = \"Português\"\n";
        let root = dir.path();
        let config = crate::config::parse(root, &root.join("site.toml"), toml, None).unwrap();
        let (files, problems) = list_files(&config);
        assert!(files.is_empty());
        let messages: Vec<&str> = problems.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["there is no content folder"]);
    }
}
