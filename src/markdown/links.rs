//! Rewrites links to pages and files of the site into relative URLs of the
//! built site, reporting the ones that lead nowhere. A link is written as a
//! relative path to a `.md` file (`../hr/b.md#x`) or, as the web writes them,
//! as a site path (`/hr/b/#x`, with or without the site's base path): both
//! are checked, counted as backlinks and written relative, so the output
//! works under a subpath and from `file://`.

use super::{PageLink, RenderContext};
use crate::diagnostics::{Diagnostic, Position};
use pulldown_cmark::{CowStr, Event, Tag};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// What a content path becomes in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A page, by its output folder (`pt/guide/`).
    Page(String),
    /// A file copied as it is (`pt/diagram.png`).
    File(String),
}

/// What a site address (`pt/guide/`) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// The page or file made from this content path.
    Content(String),
    /// A page the build makes itself (a language home, a topic, search).
    Generated,
}

/// Every content path and site address a link may point at.
#[derive(Debug, Clone, Default)]
pub struct LinkTargets {
    /// By content path: `pt/guide.md`.
    pub paths: BTreeMap<String, LinkTarget>,
    /// By output address, without the leading `/`: `pt/guide/`, `pt/img.png`.
    pub addresses: HashMap<String, Address>,
    /// Content paths of drafts this build leaves out.
    pub drafts: std::collections::BTreeSet<String>,
}

impl LinkTargets {
    /// Adds the content file at `path`, published at the output `address`.
    pub fn insert(&mut self, path: String, target: LinkTarget) {
        let address = match &target {
            LinkTarget::Page(a) | LinkTarget::File(a) => a.clone(),
        };
        self.addresses
            .entry(address)
            .or_insert_with(|| Address::Content(path.clone()));
        self.paths.insert(path, target);
    }

    /// Adds an address the build writes a page at, with no content file.
    pub fn insert_generated(&mut self, address: String) {
        self.addresses.entry(address).or_insert(Address::Generated);
    }
}

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
            Event::Html(html) | Event::InlineHtml(html) if html.contains("=\"/") => {
                let at = position(range);
                if let Some(rewritten) = rewrite_html(html, ctx, at, &mut links, problems) {
                    *html = CowStr::from(rewritten);
                }
                continue;
            }
            _ => continue,
        };
        if dest.is_empty() || is_external(dest) {
            continue;
        }
        let at = position(range);
        let resolved = if dest.starts_with('/') {
            resolve_site_path(dest, ctx)
        } else {
            resolve(dest, ctx)
        };
        match resolved {
            Ok(Some((url, link))) => {
                if let Some(mut link) = link {
                    link.position = at;
                    link.href = url.clone();
                    links.push(link);
                }
                *dest = CowStr::from(url);
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem.at(at)),
        }
    }
    links
}

/// Site paths in `href="/…"` and `src="/…"` of raw HTML, written relative
/// like Markdown links (checked and counted too); the new HTML, if any changed.
fn rewrite_html(
    html: &str,
    ctx: &RenderContext,
    at: Position,
    links: &mut Vec<PageLink>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut changed = false;
    while let Some(found) = rest.find("=\"/") {
        let name_start = rest[..found]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| i + 1);
        let attribute = rest[name_start..found].to_ascii_lowercase();
        let value_start = found + 2;
        let Some(length) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + length];
        out.push_str(&rest[..value_start]);
        let is_url = matches!(attribute.as_str(), "href" | "src") && !value.starts_with("//");
        match is_url.then(|| resolve_site_path(&value.replace("&amp;", "&"), ctx)) {
            Some(Ok(Some((url, link)))) => {
                if let Some(mut link) = link {
                    link.position = at;
                    link.href = url.clone();
                    links.push(link);
                }
                out.push_str(&url.replace('&', "&amp;").replace('"', "&quot;"));
                changed = true;
            }
            Some(Err(problem)) => {
                problems.push(problem.at(at));
                out.push_str(value);
            }
            _ => out.push_str(value),
        }
        rest = &rest[value_start + length..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

type Resolved = Result<Option<(String, Option<PageLink>)>, Diagnostic>;

/// `dest` split into its path (query dropped) and its fragment, percent-decoded.
fn split_link(dest: &str) -> (&str, Option<String>) {
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decoded(f).into_owned())),
        None => (dest, None),
    };
    (path_part.split('?').next().unwrap_or_default(), fragment)
}

/// The new URL of one relative link and, for a page, what to check and count as a backlink.
fn resolve(dest: &str, ctx: &RenderContext) -> Resolved {
    let (path_part, fragment) = split_link(dest);
    if path_part.is_empty() {
        let link = page_link(ctx.content_path.to_string(), fragment);
        return Ok(Some((dest.to_string(), Some(link))));
    }
    let decoded = percent_decoded(path_part);
    let Some(target_path) = resolve_relative(ctx.content_path, &decoded) else {
        return Err(Diagnostic::error(
            ctx.path,
            format!("the link `{dest}` points outside the content folder"),
        )
        .hint("link to a page inside content/ with a relative path"));
    };
    match to_content(&target_path, fragment, ctx) {
        Some(found) => Ok(Some(found)),
        None if ctx.targets.drafts.contains(&target_path) => Err(Diagnostic::error(
            ctx.path,
            format!("the link `{dest}` points to content/{target_path}, which is a draft"),
        )
        .hint("drafts are built only with --drafts: build with --drafts, or publish it (draft = false)")),
        None => Err(Diagnostic::error(
            ctx.path,
            format!("the link `{dest}` points to content/{target_path}, which does not exist"),
        )
        .hint(if decoded.ends_with(".md") {
            "check the file name and the relative path (../<lang>/<slug>.md)"
        } else {
            "link to a .md page or a file inside content/, or use an absolute https:// URL"
        })),
    }
}

/// The URL and link of the content file at `target_path`, if there is one.
fn to_content(
    target_path: &str,
    fragment: Option<String>,
    ctx: &RenderContext,
) -> Option<(String, Option<PageLink>)> {
    let suffix = fragment
        .as_ref()
        .map(|f| format!("#{f}"))
        .unwrap_or_default();
    match ctx.targets.paths.get(target_path)? {
        LinkTarget::Page(url) => {
            let href = relative_url(ctx.page_url, url, ctx.index) + &suffix;
            Some((href, Some(page_link(target_path.to_string(), fragment))))
        }
        LinkTarget::File(out) => Some((relative_url(ctx.page_url, out, "") + &suffix, None)),
    }
}

fn page_link(target: String, anchor: Option<String>) -> PageLink {
    PageLink {
        target,
        anchor,
        position: Position::default(),
        href: String::new(),
    }
}

/// A link written as a path from the site's root (`/es/guias/rutas/#x`),
/// with or without the base path of `base_url`. One outside the base path
/// belongs to another site on the host and is left as written.
fn resolve_site_path(dest: &str, ctx: &RenderContext) -> Resolved {
    let (path_part, fragment) = split_link(dest);
    let decoded = percent_decoded(path_part);
    let inside_base = decoded.strip_prefix(ctx.base_path);
    let candidates = [inside_base, decoded.strip_prefix('/')];
    for path in candidates.into_iter().flatten() {
        if path.split('/').any(|s| s == "..") {
            return Err(Diagnostic::error(
                ctx.path,
                format!("the link `{dest}` climbs out of the site with `..`"),
            )
            .hint("write the page's address from the site's root, without `..`"));
        }
        if path.ends_with(".md") {
            if let Some(found) = to_content(path, fragment.clone(), ctx) {
                return Ok(Some(found));
            }
        }
        let address = normalized_address(path);
        match ctx.targets.addresses.get(address.as_ref()) {
            Some(Address::Content(content_path)) => {
                return Ok(to_content(content_path, fragment, ctx));
            }
            Some(Address::Generated) => {
                let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                let href = relative_url(ctx.page_url, &address, ctx.index) + &suffix;
                return Ok(Some((href, None)));
            }
            None => {}
        }
    }
    if ctx.base_path != "/" && inside_base.is_none() {
        return Ok(None);
    }
    let path = inside_base.unwrap_or(&decoded);
    if has_file_extension(path) {
        // A file of `static/` or one the host serves: written relative, unchecked.
        let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        let href = relative_url(ctx.page_url, path.trim_start_matches('/'), "") + &suffix;
        return Ok(Some((href, None)));
    }
    Err(Diagnostic::error(
        ctx.path,
        format!("the link `{dest}` points to no page of this site"),
    )
    .hint("check the address (as /<lang>/<section>/<page>/), or link to the page's file as ../<lang>/<page>.md; drafts are only built with --drafts"))
}

/// A site path as the output names the page: `index.html` and `.html` dropped,
/// a folder's `/` added (`es/guias/rutas` → `es/guias/rutas/`).
fn normalized_address(path: &str) -> Cow<'_, str> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    if path.is_empty() || path.ends_with('/') {
        return Cow::Borrowed(path);
    }
    if let Some(page) = path.strip_suffix(".html") {
        return Cow::Owned(format!("{page}/"));
    }
    if has_file_extension(path) {
        return Cow::Borrowed(path);
    }
    Cow::Owned(format!("{path}/"))
}

fn has_file_extension(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && !ext.is_empty()
            && ext.len() <= 5
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
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
    fn site_paths_name_pages_as_the_output_does() {
        assert_eq!(normalized_address("es/guias/rutas"), "es/guias/rutas/");
        assert_eq!(normalized_address("es/guias/rutas/"), "es/guias/rutas/");
        assert_eq!(
            normalized_address("es/guias/rutas/index.html"),
            "es/guias/rutas/"
        );
        assert_eq!(normalized_address("es/guias/rutas.html"), "es/guias/rutas/");
        assert_eq!(normalized_address("es/img/a.png"), "es/img/a.png");
        assert_eq!(normalized_address("index.html"), "");
        assert_eq!(normalized_address("v1.2"), "v1.2");
        assert!(!has_file_extension("es/.hidden"));
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
