//! One source page read: its front matter mapped, its body converted, its
//! place in the new site and its addresses in the old one.

use super::layout::{self, Layout, SourcePage};
use super::{body, front, Page};
use crate::content::address::{folder_slug, from_file_name};
use crate::diagnostics::{Diagnostic, Position};
use crate::text::fold::fold;
use std::path::Path;

fn slash_rel(root: &Path, file: &Path) -> String {
    crate::fs::slash_path(file.strip_prefix(root).unwrap_or(file))
}

pub(super) fn read_page(
    root: &Path,
    source: &SourcePage,
    tree: &layout::Tree,
    layout: Layout,
) -> Result<Page, Diagnostic> {
    let file = &source.file;
    let bytes = std::fs::read(file).map_err(|e| {
        Diagnostic::error(file, format!("cannot read it: {e}"))
            .hint("check that the file exists and that you may read it")
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(file, "not UTF-8 text").hint("save the page as UTF-8, then import again")
    })?;
    let text = text.replace("\r\n", "\n");
    let (front_text, yaml, body_text, body_line) = split(file, &text)?;
    let map = front::read(front_text, yaml).map_err(|e| {
        Diagnostic::error(
            file,
            format!(
                "its front matter does not parse: {}",
                crate::shape::one_line(&e)
            ),
        )
        .at(Position::new(2, 1))
        .hint("fix the front matter in the source, then import again")
    })?;
    let mapped = front::map(map, front_text).map_err(|e| {
        Diagnostic::error(file, e.message)
            .at(Position::new(1 + e.line, 1))
            .hint("fix the value in the source, then import again")
    })?;
    let mut converted = body::convert(body_text, body_line).map_err(|e| {
        Diagnostic::error(file, e.message)
            .at(Position::new(e.line, 1))
            .hint(e.hint)
    })?;
    let mut title = mapped.title.clone();
    take_title_heading(&mut converted, &mut title);
    let (target, index) = target_of(source);
    let title = title.unwrap_or_else(|| {
        humanize(
            target
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".md"),
        )
    });
    let headings = crate::markdown::heading_ids(&converted.text);
    let address = address_of(&target, mapped.slug.as_deref());
    let old_addresses = old_addresses(source, &mapped, layout, tree, index);
    Ok(Page {
        source_rel: slash_rel(root, file),
        source: source.clone(),
        target,
        address,
        old_addresses,
        front: mapped,
        title,
        body: converted,
        headings,
    })
}

/// Front matter text, whether it is YAML, the body, and the body's first
/// line, split as the build splits pages; a page may have no front matter.
fn split<'a>(file: &Path, text: &'a str) -> Result<(&'a str, bool, &'a str, usize), Diagnostic> {
    let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !(unmarked.starts_with("---") || unmarked.starts_with("+++")) {
        return Ok(("", true, text, 1));
    }
    let split = crate::content::front_matter::split(file, text)?;
    let yaml = split.format == crate::content::front_matter::Format::Yaml;
    let body_line = 1 + text[..split.body_offset].matches('\n').count();
    Ok((split.front_matter, yaml, split.body, body_line))
}

/// A leading `# Title` is the page's title: the theme shows the title.
fn take_title_heading(body: &mut body::Body, title: &mut Option<String>) {
    let Some((n, line)) = body
        .text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
    else {
        return;
    };
    let Some(heading) = line.strip_prefix("# ") else {
        return;
    };
    let heading = heading.trim().trim_end_matches('#').trim().to_string();
    match title {
        Some(t) if fold(t) != fold(&heading) => return,
        Some(_) => {}
        None => *title = Some(heading),
    }
    let start: usize = body.text.lines().take(n).map(|l| l.len() + 1).sum();
    let end = start + line.len() + 1;
    body.text.replace_range(start..end.min(body.text.len()), "");
    body.lines.remove(n);
}

/// The content path of a source page, and whether it is its folder's index.
pub(super) fn target_of(source: &SourcePage) -> (String, bool) {
    let rel = source
        .rel
        .rsplit_once('.')
        .map_or(source.rel.as_str(), |(stem, _)| stem);
    let (folder, name) = rel.rsplit_once('/').map_or(("", rel), |(f, n)| (f, n));
    let is_index = matches!(
        name.to_ascii_lowercase().as_str(),
        "index" | "_index" | "readme"
    );
    let lang = &source.lang;
    let target = match (is_index, folder) {
        (true, "") => format!("{lang}/index.md"),
        // A folder's index page is the page at the folder's address.
        (true, folder) => format!("{lang}/{folder}.md"),
        (false, "") => format!("{lang}/{name}.md"),
        (false, folder) => format!("{lang}/{folder}/{name}.md"),
    };
    (target, is_index)
}

/// The address polybook gives the page at `target`.
pub(super) fn address_of(target: &str, slug: Option<&str>) -> String {
    let stem = target.trim_end_matches(".md");
    let parts: Vec<&str> = stem.split('/').collect();
    let mut address = format!("{}/", parts[0]);
    let mut rel_folder = parts[0].to_string();
    for (i, folder) in parts[1..parts.len() - 1].iter().enumerate() {
        rel_folder = format!("{rel_folder}/{folder}");
        let (slug, _) = folder_slug(folder, i == 0, &rel_folder);
        address.push_str(&slug);
        address.push('/');
    }
    let name = parts[parts.len() - 1];
    let own = slug
        .filter(|s| !s.starts_with('/') && !s.contains('/'))
        .map(from_file_name)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| from_file_name(name));
    address.push_str(&own);
    address.push('/');
    address
}

/// Where the source site published the page (without the leading `/`).
fn old_addresses(
    source: &SourcePage,
    front: &front::Mapped,
    layout: Layout,
    tree: &layout::Tree,
    index: bool,
) -> Vec<String> {
    let rel = source
        .rel
        .rsplit_once('.')
        .map_or(source.rel.as_str(), |(stem, _)| stem);
    let rel = if index {
        rel.rsplit_once('/').map_or("", |(folder, _)| folder)
    } else {
        rel
    };
    let rel = match front.slug.as_deref() {
        Some(slug) if slug.starts_with('/') => slug.trim_matches('/').to_string(),
        Some(slug) if !slug.contains('/') && !index => match rel.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/{slug}"),
            None => slug.to_string(),
        },
        _ => rel.to_string(),
    };
    let path: Vec<String> = rel
        .split('/')
        .filter(|s| !s.is_empty())
        .map(web_segment)
        .collect();
    let path = path.join("/");
    let with = |prefix: &str| {
        let joined = [prefix, &path]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("/");
        if joined.is_empty() {
            String::new()
        } else {
            format!("{joined}/")
        }
    };
    let lang = source.lang.to_ascii_lowercase();
    let route = tree.route_base.trim_end_matches('/');
    let mut addresses = vec![with(&lang)];
    match layout {
        Layout::Docusaurus => {
            let localized = if route.is_empty() {
                lang.clone()
            } else {
                format!("{lang}/{route}")
            };
            let unprefixed = tree.unprefixed_language.as_deref() == Some(source.lang.as_str());
            addresses = vec![if unprefixed {
                with(route)
            } else {
                with(&localized)
            }]
        }
        Layout::LanguageFolders | Layout::LanguageSuffixes | Layout::Single => {
            let unprefixed = tree.unprefixed_language.as_deref() == Some(lang.as_str());
            if unprefixed || !source_in_language_folder(source, layout) {
                addresses.push(with(""));
            }
        }
    }
    addresses
}

/// Whether the page sat in a folder (or had a suffix) naming its language.
fn source_in_language_folder(source: &SourcePage, layout: Layout) -> bool {
    let path = crate::fs::slash_path(&source.file);
    match layout {
        Layout::LanguageFolders => {
            path.ends_with(&format!("/{}", source.rel)) && {
                let before = &path[..path.len() - source.rel.len() - 1];
                before
                    .rsplit('/')
                    .next()
                    .is_some_and(|f| f.eq_ignore_ascii_case(&source.lang))
            }
        }
        Layout::LanguageSuffixes => {
            layout::language_suffix(&source.file).is_some()
                || path.contains(&format!("/{}/", source.lang))
        }
        _ => false,
    }
}

/// A path segment as docs tools publish it: lowercase, spaces as dashes.
fn web_segment(segment: &str) -> String {
    let id = crate::text::slug::web_id(segment);
    if id.is_empty() {
        segment.to_lowercase()
    } else {
        id
    }
}

pub(super) fn humanize(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_string(),
    }
}
