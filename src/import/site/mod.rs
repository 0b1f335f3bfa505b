//! A whole docs site as a polybook site: every page in its language, at its
//! address (old addresses kept as aliases), translations paired by path,
//! links and images rewritten to the imported files, asides as callouts.
//! Nothing here writes: [`plan`] gives the files, `cmd::import` writes them.

pub mod body;
pub mod front;
pub mod layout;
pub mod links;
mod page;
mod resolve;
mod write;

use crate::content::topics::Topics;
use crate::diagnostics::Diagnostic;
use layout::{Layout, SourcePage};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub layout: Option<Layout>,
    /// The language of pages outside language folders; else the site's default.
    pub lang: Option<String>,
    /// Pages are written with `draft = false` (but those the source marks drafts).
    pub publish: bool,
}

/// What the site being imported into has.
pub struct Site<'a> {
    pub languages: &'a [String],
    pub default_language: &'a str,
    pub topics: &'a Topics,
}

/// A file to write under `content/`.
#[derive(Debug)]
pub struct NewFile {
    /// Content path: `es/guias/rutas.md`.
    pub target: String,
    pub contents: Contents,
    pub source: PathBuf,
    /// For pages: language and title, for the listing.
    pub page: Option<(String, String)>,
}

#[derive(Debug)]
pub enum Contents {
    Text(String),
    Copy(PathBuf),
}

/// Everything an import would write, and what it found.
#[derive(Debug)]
pub struct Plan {
    pub layout: Layout,
    pub files: Vec<NewFile>,
    pub pages: usize,
    /// Pages that found their translations, and the groups they form.
    pub groups: usize,
    pub problems: Vec<Diagnostic>,
    /// Links to headings that the source itself lacks.
    pub broken_anchors: usize,
    /// One line each: what moved where.
    pub summary: Vec<String>,
    /// Pages whose old address is their new one, or one of its aliases.
    pub addresses_kept: usize,
    pub links: LinkCounts,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct LinkCounts {
    pub internal: usize,
    pub resolved: usize,
    pub anchors: usize,
    pub anchors_resolved: usize,
}

/// A page of the source, read and converted, before its links are rewritten.
#[derive(Debug)]
struct Page {
    source: SourcePage,
    /// The source file under the folder imported, for `source = "…"`.
    source_rel: String,
    /// Content path it is written at.
    target: String,
    /// Its address in the new site: `es/guias/rutas/`.
    address: String,
    /// Its addresses in the source site.
    old_addresses: Vec<String>,
    front: front::Mapped,
    title: String,
    body: body::Body,
    headings: Vec<(String, Option<String>)>,
}

/// Says whether `dir` looks like a docs site (and which), for `import DIR`.
pub fn detect(dir: &Path, site: &Site) -> Option<Layout> {
    let languages = layout::Languages {
        site: site.languages,
        default: site.default_language,
    };
    layout::detect(dir, &languages)
}

/// Plans the import of the docs site at `root`.
pub fn plan(root: &Path, site: &Site, options: &Options) -> Result<Plan, Diagnostic> {
    let default = options.lang.as_deref().unwrap_or(site.default_language);
    let languages = layout::Languages {
        site: site.languages,
        default,
    };
    let layout = match options.layout.or_else(|| layout::detect(root, &languages)) {
        Some(layout) => layout,
        None if options.lang.is_some() => Layout::Single,
        None => return Err(Diagnostic::error(
            root,
            "cannot tell how this folder lays out its languages",
        )
        .hint(
            "name it with --layout folders|docusaurus|suffixes, or import one language with --lang",
        )),
    };
    let tree = layout::scan(root, layout, &languages);
    let mut problems = Vec::new();
    for (lang, files) in &tree.other_languages {
        problems.push(Diagnostic::error(&files[0], format!(
            "{} page(s) in `{lang}` not imported: `{lang}` is not a language of this site", files.len()
        )).hint(format!("add [languages.{lang}] to site.toml (name = \"…\") and import again; nothing is overwritten")));
    }
    let converted: Vec<Result<Page, Diagnostic>> = tree
        .pages
        .par_iter()
        .map(|source| page::read_page(root, source, &tree, layout))
        .collect();
    let mut pages = Vec::new();
    let mut taken: HashMap<String, PathBuf> = HashMap::new();
    for result in converted {
        match result {
            Ok(page) => {
                if let Some(first) = taken.get(&page.target) {
                    problems.push(
                        Diagnostic::error(
                            &page.source.file,
                            format!(
                                "content/{} is also the page of {}: not imported",
                                page.target,
                                first.display()
                            ),
                        )
                        .hint("rename one of the two files in the source, then import again"),
                    );
                    continue;
                }
                taken.insert(page.target.clone(), page.source.file.clone());
                pages.push(page);
            }
            Err(problem) => problems.push(problem),
        }
    }
    problems.extend(removed_components(&pages));
    let groups = pair_translations(&mut pages);
    let mut summary = write::front_summary(&pages);
    summary.extend(write::tags_summary(&pages, site.topics));
    let mut files = Vec::new();
    let resolved = resolve::rewrite_all(&pages, root, &tree, &mut problems);
    let mut addresses_kept = 0;
    // An old address is one page's alias only, and never a page's address:
    // the build refuses both.
    let mut claimed: HashMap<String, &Path> = pages
        .iter()
        .map(|p| (p.address.clone(), p.source.file.as_path()))
        .collect();
    for (page, rewritten) in pages.iter().zip(&resolved.bodies) {
        let (mut aliases, mut refused) = valid_aliases(page);
        aliases.retain(|alias| match claimed.get(alias) {
            Some(other) if *other != page.source.file.as_path() => {
                refused.push((
                    alias.clone(),
                    format!("the old address /{alias} is also {}'s", other.display()),
                ));
                false
            }
            _ => {
                claimed.insert(alias.clone(), &page.source.file);
                true
            }
        });
        for (_, why) in refused {
            problems.push(
                Diagnostic::warning(&page.source.file, format!("{why}: not kept as an alias"))
                    .hint("a redirect names one address; add the ones you need to `aliases` in the imported page"),
            );
        }
        if page.old_addresses.iter().all(|old| {
            *old == page.address
                || aliases.contains(old)
                || is_language_home(old, &page.source.lang)
        }) {
            addresses_kept += 1;
        }
        let text = write::page_text(page, rewritten, &aliases, site, options);
        files.push(NewFile {
            target: page.target.clone(),
            contents: Contents::Text(text),
            source: page.source.file.clone(),
            page: Some((page.source.lang.clone(), page.title.clone())),
        });
    }
    files.extend(resolved.assets);
    files.extend(write::section_files(&tree, &pages, &mut problems));
    summary.retain(|line| !line.is_empty());
    Ok(Plan {
        layout,
        pages: pages.len(),
        groups,
        files,
        problems,
        broken_anchors: resolved.broken_anchors,
        summary,
        addresses_kept,
        links: resolved.counts,
    })
}

/// Pages at the same path in two or more languages are translations; the
/// source's own key (Hugo's `translationKey`) wins. Returns the groups.
fn pair_translations(pages: &mut [Page]) -> usize {
    let key_of = |page: &Page| {
        page.front.translation_key.clone().unwrap_or_else(|| {
            page.target
                .split_once('/')
                .map_or("", |(_, rest)| rest)
                .trim_end_matches(".md")
                .to_lowercase()
        })
    };
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        by_key.entry(key_of(page)).or_default().push(i);
    }
    let mut groups = 0;
    for (key, members) in by_key {
        let mut langs: Vec<&str> = members
            .iter()
            .map(|&i| pages[i].source.lang.as_str())
            .collect();
        langs.sort_unstable();
        langs.dedup();
        if langs.len() < 2 {
            continue;
        }
        groups += 1;
        for i in members {
            pages[i].front.translation_key = Some(key.clone());
        }
    }
    groups
}

/// One warning per component removed (its text kept): how many, and where first.
fn removed_components(pages: &[Page]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, (usize, &Path, usize)> = BTreeMap::new();
    for page in pages {
        for (name, (count, line)) in &page.body.removed {
            let entry = seen.entry(name).or_insert((0, &page.source.file, *line));
            entry.0 += count;
        }
    }
    seen.into_iter()
        .map(|(name, (count, file, line))| {
            Diagnostic::warning(file, format!(
                "{name} is a component polybook does not have: removed {count} time(s), its text kept (first here)"
            ))
            .at(crate::diagnostics::Position::new(line, 1))
            .hint("check the imported pages that used it; write what it showed as Markdown")
        })
        .collect()
}

fn is_language_home(address: &str, lang: &str) -> bool {
    address.trim_end_matches('/').eq_ignore_ascii_case(lang)
}

/// Old addresses of `page` that are not its new one: its aliases.
/// The aliases a build accepts, and the ones written in the source that it
/// would not (`/blog/2018/*`), with why.
fn valid_aliases(page: &Page) -> (Vec<String>, Vec<(String, String)>) {
    let (mut valid, mut refused) = (Vec::new(), Vec::new());
    for alias in all_aliases(page) {
        match crate::content::Alias::parse(&alias) {
            Ok(parsed) => valid.push(parsed.as_str().to_string()),
            Err((why, _)) => refused.push((alias, why)),
        }
    }
    valid.sort();
    valid.dedup();
    (valid, refused)
}

fn all_aliases(page: &Page) -> Vec<String> {
    let mut aliases: Vec<String> = page
        .old_addresses
        .iter()
        // A language's home is the build's own page, never an alias.
        .filter(|a| **a != page.address && !a.is_empty() && !is_language_home(a, &page.source.lang))
        .cloned()
        .collect();
    for alias in &page.front.aliases {
        let alias = alias.trim_start_matches('/');
        let alias = if alias.ends_with('/') || alias.ends_with(".html") {
            alias.to_string()
        } else {
            format!("{alias}/")
        };
        if !alias.split('/').any(|s| s == "..")
            && !aliases.contains(&alias)
            && alias != page.address
        {
            aliases.push(alias);
        }
    }
    aliases.sort();
    aliases.dedup();
    aliases
}

#[cfg(test)]
mod tests;
