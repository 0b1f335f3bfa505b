//! Rewrites relative links to `.md` files (and colocated files) into relative
//! URLs of the built site, reporting the ones that lead nowhere.

use super::{PageLink, RenderContext};
use crate::diagnostics::{Diagnostic, Position};
use pulldown_cmark::{CowStr, Event, Tag};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// What a content path becomes in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A page, by its output folder (`pt/guide/`).
    Page(String),
    /// A file copied as it is (`pt/diagram.png`).
    File(String),
}

/// Every content path a link may point at.
#[derive(Debug, Clone, Default)]
pub struct LinkTargets(pub BTreeMap<String, LinkTarget>);

/// The URL of `target` (an output path from the site root) as seen from the page
/// whose folder is `from` (`pt/guide/`). Folder targets get `index` appended.
pub fn relative_url(from: &str, target: &str, index: &str) -> String {
    let depth = from.bytes().filter(|&b| b == b'/').count();
    // Sized once: pages make tens of these each (cards, topics, languages).
    let mut url = String::with_capacity(3 * depth + target.len() + index.len() + 2);
    for _ in 0..depth {
        url.push_str("../");
    }
    url.push_str(target);
    if target.is_empty() || target.ends_with('/') {
        url.push_str(index);
    }
    if url.is_empty() {
        url.push_str("./");
    }
    url
}

/// Resolves `link` (already percent-decoded, no fragment) against the folder of
/// `from` (`pt/a.md`). `None` when it climbs out of `content/`.
pub fn resolve_relative(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in link.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

pub fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let first_special = url.find(['/', '?', '#']);
    match (scheme_end, first_special) {
        (Some(colon), Some(special)) => colon < special,
        (Some(_), None) => true,
        _ => url.starts_with("//"),
    }
}

pub fn rewrite(
    events: &mut [(Event, Range<usize>)],
    ctx: &RenderContext,
    position: &dyn Fn(&Range<usize>) -> Position,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PageLink> {
    let mut links = Vec::new();
    for (event, range) in events.iter_mut() {
        let dest = match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        if dest.is_empty() || is_external(dest) || dest.starts_with('/') {
            continue;
        }
        let at = position(range);
        match resolve(dest, ctx) {
            Ok((url, link)) => {
                *dest = CowStr::from(url);
                if let Some(mut link) = link {
                    link.position = at;
                    links.push(link);
                }
            }
            Err(problem) => problems.push(problem.at(at)),
        }
    }
    links
}

/// The new URL of one link and, for a page, what to check and count as a backlink.
fn resolve(dest: &str, ctx: &RenderContext) -> Result<(String, Option<PageLink>), Diagnostic> {
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or_default();
    if path_part.is_empty() {
        let link = PageLink {
            target: ctx.content_path.to_string(),
            anchor: fragment,
            position: Position::default(),
        };
        return Ok((dest.to_string(), Some(link)));
    }
    let decoded = percent_decoded(path_part);
    let Some(target_path) = resolve_relative(ctx.content_path, &decoded) else {
        return Err(Diagnostic::error(
            ctx.path,
            format!("the link `{dest}` points outside the content folder"),
        )
        .hint("link to a page inside content/ with a relative path"));
    };
    let suffix = fragment
        .as_ref()
        .map(|f| format!("#{f}"))
        .unwrap_or_default();
    match ctx.targets.0.get(&target_path) {
        Some(LinkTarget::Page(url)) => {
            let link = PageLink {
                target: target_path,
                anchor: fragment,
                position: Position::default(),
            };
            Ok((relative_url(ctx.page_url, url, ctx.index) + &suffix, Some(link)))
        }
        Some(LinkTarget::File(out)) => Ok((relative_url(ctx.page_url, out, "") + &suffix, None)),
        None => Err(Diagnostic::error(
            ctx.path,
            format!("the link `{dest}` points to content/{target_path}, which does not exist"),
        )
        .hint(if decoded.ends_with(".md") {
            "check the file name and the relative path (../<lang>/<slug>.md); drafts are only built with --drafts"
        } else {
            "link to a .md page or a file inside content/, or use an absolute https:// URL"
        })),
    }
}

/// `text` percent-decoded: a `%` that two hex digits do not follow stays as
/// written (`100%`), and so does the whole text if it decodes to bytes that
/// are not UTF-8.
fn percent_decoded(text: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .unwrap_or(Cow::Borrowed(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_to_the_root() {
        assert_eq!(
            relative_url("pt/a/", "hr/b/", "index.html"),
            "../../hr/b/index.html"
        );
        assert_eq!(relative_url("", "pt/", ""), "pt/");
        assert_eq!(relative_url("pt/", "", ""), "../");
        assert_eq!(relative_url("", "", ""), "./");
        assert_eq!(
            relative_url("pt/a/", "pt/img.png", "index.html"),
            "../../pt/img.png"
        );
    }

    #[test]
    fn resolving_stays_inside_content() {
        assert_eq!(
            resolve_relative("pt/a.md", "../hr/b.md").as_deref(),
            Some("hr/b.md")
        );
        assert_eq!(
            resolve_relative("pt/s/a.md", "./b.md").as_deref(),
            Some("pt/s/b.md")
        );
        assert_eq!(resolve_relative("pt/a.md", "../../x.md"), None);
    }

    #[test]
    fn schemes_are_external() {
        assert!(is_external("https://x.org"));
        assert!(is_external("mailto:a@b"));
        assert!(!is_external("../hr/a.md#x:y"));
        assert!(is_external("//cdn.example/x"));
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decoded("a%20b.md"), "a b.md");
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%C4%8D"), "č");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        assert_eq!(percent_decoded("a%FF.md"), "a%FF.md");
    }
}
