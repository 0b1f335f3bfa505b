//! Every link of every imported page resolved against the whole import: to
//! a page (written as a relative `.md` link), to a file (copied beside the
//! page), or to nothing (reported at the source line, its text kept).

use super::links::{self, Found};
use super::{layout::Tree, Contents, LinkCounts, NewFile, Page};
use crate::diagnostics::{Diagnostic, Position};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub struct Resolved {
    /// Each page's body with its links rewritten.
    pub bodies: Vec<String>,
    pub assets: Vec<NewFile>,
    pub broken_anchors: usize,
    pub counts: LinkCounts,
}

enum Target {
    /// Left as written: external, or outside what the import can know.
    Keep,
    Page(usize, Option<String>),
    File(PathBuf),
    Nowhere,
}

struct Index<'a> {
    /// Old and new addresses (`es/guias/rutas/`) → page.
    by_address: HashMap<String, usize>,
    /// (language, source path without extension) → page.
    by_source: HashMap<(String, String), usize>,
    /// The first part of every address the source had (`es`, `docs`).
    first_segments: HashSet<String>,
    /// The import's root, canonical, that copied files must stay inside.
    canonical_root: Option<PathBuf>,
    tree: &'a Tree,
}

pub fn rewrite_all(
    pages: &[Page],
    root: &Path,
    tree: &Tree,
    problems: &mut Vec<Diagnostic>,
) -> Resolved {
    let mut by_address = HashMap::new();
    let mut by_source = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        by_address.entry(page.address.clone()).or_insert(i);
        for old in &page.old_addresses {
            by_address.entry(old.clone()).or_insert(i);
        }
        let stem = page
            .source
            .rel
            .rsplit_once('.')
            .map_or(page.source.rel.as_str(), |(s, _)| s);
        by_source.insert((page.source.lang.clone(), stem.to_string()), i);
    }
    let first_segments = by_address
        .keys()
        .filter_map(|a| a.split('/').next())
        .map(str::to_string)
        .collect();
    let index = Index {
        by_address,
        by_source,
        first_segments,
        canonical_root: root.canonicalize().ok(),
        tree,
    };
    let mut resolved = Resolved {
        bodies: Vec::new(),
        assets: Vec::new(),
        broken_anchors: 0,
        counts: LinkCounts::default(),
    };
    let mut copied: HashMap<(PathBuf, String), String> = HashMap::new();
    let mut taken: HashMap<String, PathBuf> = HashMap::new();
    for (me, page) in pages.iter().enumerate() {
        let body = &page.body.text;
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for link in links::find(body) {
            let line = source_line(page, body, link.dest_range.start);
            let warn = |message: String, hint: &str| {
                Diagnostic::warning(&page.source.file, message)
                    .at(Position::new(line, 1))
                    .hint(hint)
            };
            match index.target(me, page, &link) {
                Target::Keep => {}
                Target::Page(to, anchor) => {
                    resolved.counts.internal += 1;
                    resolved.counts.resolved += 1;
                    // Raw HTML is not rewritten by the build from `.md` paths, only from
                    // site paths, which it then writes relative.
                    let mut href = if link.html {
                        format!("/{}", pages[to].address)
                    } else {
                        links::relative_path(&page.target, &pages[to].target)
                    };
                    if let Some(anchor) = anchor {
                        resolved.counts.anchors += 1;
                        if has_heading(&pages[to], &anchor) {
                            resolved.counts.anchors_resolved += 1;
                        } else {
                            resolved.broken_anchors += 1;
                            problems.push(warn(
                                format!("the link `{}` names a heading `#{anchor}` that {} does not have", link.dest, pages[to].source.file.display()),
                                "fix the anchor in the source (or the page), or keep broken_anchors = \"warning\" in site.toml until you do",
                            ));
                        }
                        href = format!("{href}#{}", fragment_as_written(&link.dest));
                    }
                    edits.push((link.dest_range.clone(), markdown_dest(&href)));
                }
                Target::File(file) => {
                    resolved.counts.internal += 1;
                    resolved.counts.resolved += 1;
                    let folder = page
                        .target
                        .rsplit_once('/')
                        .map_or("", |(f, _)| f)
                        .to_string();
                    let key = (file.clone(), folder.clone());
                    let target = match copied.get(&key) {
                        Some(t) => t.clone(),
                        None => {
                            let name = file
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            let mut target = format!("{folder}/{name}");
                            if taken.get(&target).is_some_and(|f| *f != file) {
                                let suffix = crate::content::address::path_suffix(
                                    &crate::fs::slash_path(&file),
                                );
                                target = format!("{folder}/{suffix}-{name}");
                            }
                            taken.insert(target.clone(), file.clone());
                            copied.insert(key, target.clone());
                            resolved.assets.push(NewFile {
                                target: target.clone(),
                                contents: Contents::Copy(file.clone()),
                                source: file.clone(),
                                page: None,
                            });
                            target
                        }
                    };
                    let href = if link.html {
                        format!("/{target}")
                    } else {
                        links::relative_path(&page.target, &target)
                    };
                    edits.push((link.dest_range.clone(), markdown_dest(&href)));
                }
                Target::Nowhere => {
                    resolved.counts.internal += 1;
                    problems.push(warn(
                        format!(
                            "the {} `{}` leads to no page or file of the import: kept as text",
                            if link.image { "image" } else { "link" },
                            link.dest
                        ),
                        "fix or remove the link in the source; the imported page shows its text",
                    ));
                    if link.html {
                        edits.push((link.dest_range.clone(), "#".to_string()));
                    } else {
                        edits.push((link.whole.clone(), escape_text(&link.text)));
                    }
                }
            }
        }
        resolved.bodies.push(apply(body, edits));
    }
    resolved
}

impl Index<'_> {
    fn target(&self, me: usize, page: &Page, link: &Found) -> Target {
        let dest = link.dest.trim();
        if dest.is_empty() || crate::markdown::is_external(dest) {
            return Target::Keep;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(decode(f))),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or_default();
        let fragment = fragment.filter(|f| !f.is_empty());
        if path.is_empty() {
            return match fragment {
                Some(f) => Target::Page(me, Some(f)),
                None => Target::Keep,
            };
        }
        let path = decode(path);
        let lang = &page.source.lang;
        let source_dir = page.source.rel.rsplit_once('/').map_or("", |(d, _)| d);
        if is_page_file(&path) {
            let joined = if path.starts_with('/') {
                links::join("", &path)
            } else {
                links::join(source_dir, &path)
            };
            if let Some(found) = joined.and_then(|j| self.source_page(lang, &j)) {
                return Target::Page(found, fragment);
            }
            // Docusaurus also reads a file path from the docs folder's root.
            if let Some(found) = links::join("", &path).and_then(|j| self.source_page(lang, &j)) {
                return Target::Page(found, fragment);
            }
            if let Some(found) = self.by_file_name(lang, &path) {
                return Target::Page(found, fragment);
            }
            return Target::Nowhere;
        }
        if let Some(file) = self.file(page, &path) {
            return Target::File(file);
        }
        if has_extension(&path) && !path.ends_with(".html") {
            return Target::Nowhere;
        }
        let found = if path.starts_with('/') {
            self.site_path(&path)
        } else {
            // Relative URLs resolve against the page's old address.
            let base = page.old_addresses.first().cloned().unwrap_or_default();
            let base = if link_is_folder_relative(&base) {
                base
            } else {
                String::new()
            };
            links::join(&base, &path)
                .and_then(|j| self.address(&j))
                .or_else(|| links::join(source_dir, &path).and_then(|j| self.source_page(lang, &j)))
        };
        match found {
            Some(found) => Target::Page(found, fragment),
            None if path.starts_with('/') && !self.is_ours(&path) => Target::Keep,
            None => Target::Nowhere,
        }
    }

    fn source_page(&self, lang: &str, rel: &str) -> Option<usize> {
        let stem = rel
            .rsplit_once('.')
            .filter(|(_, ext)| is_page_file(&format!(".{ext}")))
            .map_or(rel, |(s, _)| s);
        let stem = stem.trim_end_matches('/');
        [
            stem.to_string(),
            format!("{stem}/index"),
            format!("{stem}/README"),
            format!("{stem}/_index"),
        ]
        .iter()
        .find_map(|s| self.by_source.get(&(lang.to_string(), s.clone())).copied())
    }

    /// Hugo's `ref "name.md"`: a file name the import has once in the language.
    fn by_file_name(&self, lang: &str, path: &str) -> Option<usize> {
        let name = path.rsplit('/').next()?;
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let mut found = self
            .by_source
            .iter()
            .filter(|((l, s), _)| l == lang && s.rsplit('/').next() == Some(stem));
        let first = found.next()?;
        found.next().is_none().then_some(*first.1)
    }

    /// A site path, with or without a base path the import cannot know.
    fn site_path(&self, path: &str) -> Option<usize> {
        let mut rest = path.trim_start_matches('/');
        for _ in 0..3 {
            if let Some(found) = self.address(rest) {
                return Some(found);
            }
            rest = rest.split_once('/')?.1;
        }
        None
    }

    fn address(&self, path: &str) -> Option<usize> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = path.strip_suffix(".html").unwrap_or(path);
        let path = path.trim_matches('/');
        let key = if path.is_empty() {
            String::new()
        } else {
            format!("{}/", path.to_lowercase())
        };
        self.by_address.get(&key).copied()
    }

    /// A link's path names a site address of the source (its first part a
    /// language or a docs route), not another site on the host.
    fn is_ours(&self, path: &str) -> bool {
        let first = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        self.first_segments.contains(&first.to_lowercase())
            || (!self.tree.route_base.is_empty()
                && self.tree.route_base.trim_end_matches('/') == first)
    }

    /// A file the link names: beside the page, or in the site's static folders.
    fn file(&self, page: &Page, path: &str) -> Option<PathBuf> {
        if !has_extension(path) || path.ends_with(".html") {
            return None;
        }
        let candidates: Vec<PathBuf> = if let Some(absolute) = path.strip_prefix('/') {
            self.tree
                .static_dirs
                .iter()
                .map(|d| d.join(absolute))
                .collect()
        } else {
            let dir = page.source.file.parent()?;
            vec![dir.join(path)]
        };
        candidates.into_iter().find(|c| {
            c.is_file()
                // A link (or a symlink) must not bring in a file from
                // outside the folder imported.
                && c.canonicalize().ok().is_some_and(|real| {
                    self.canonical_root
                        .as_ref()
                        .is_some_and(|root| real.starts_with(root))
                })
        })
    }
}

fn link_is_folder_relative(base: &str) -> bool {
    !base.is_empty()
}

fn is_page_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".md", ".mdx", ".markdown"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

fn has_extension(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

fn has_heading(page: &Page, anchor: &str) -> bool {
    page.headings
        .iter()
        .any(|(id, legacy)| id == anchor || legacy.as_deref() == Some(anchor))
}

fn fragment_as_written(dest: &str) -> &str {
    dest.split_once('#').map_or("", |(_, f)| f)
}

/// A destination as Markdown reads it back: in `<…>` when it has spaces or parentheses.
fn markdown_dest(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_string()
    }
}

fn escape_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The source line of byte `offset` of the converted body.
fn source_line(page: &Page, body: &str, offset: usize) -> usize {
    let line = body[..offset.min(body.len())].matches('\n').count();
    page.body.lines.get(line).copied().unwrap_or(1)
}

fn apply(text: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = text.to_string();
    let mut last_start = usize::MAX;
    for (range, replacement) in edits {
        // An edit inside one already made (an image inside a dropped link) is moot.
        if range.end > last_start {
            continue;
        }
        out.replace_range(range.clone(), &replacement);
        last_start = range.start;
    }
    out
}
