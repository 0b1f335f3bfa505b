//! An article's body moved onto its language's print page: ids and in-page
//! anchors get the article's anchor as prefix (several articles share the page),
//! headings move one level down under the article's own title, links to
//! articles printed too lead to where they are printed (an in-page anchor, or
//! another part's), and other relative URLs are rebased from the article's
//! folder onto the print page's.

use crate::markdown::is_external;

/// Where a link to an article's folder (`pt/guide/`, from the site root) with
/// a fragment (`"step-5"`, or `""`) leads on the print pages, when that
/// article is printed too.
pub type Printed<'a> = dyn Fn(&str, &str) -> Option<String> + 'a;

/// One pass over the tags (text cannot hold `<`, it is escaped), so text such
/// as code that shows `id="x"` is left as written. `page` and `print` are the
/// folders (`pt/guide/`, `pt/print/`) the HTML was made for and goes to;
/// `slug` is the article's anchor on the print page.
pub fn print_html(html: &str, slug: &str, page: &str, print: &str, printed: &Printed) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag_and_after = &rest[start..];
        let end = tag_and_after
            .find('>')
            .map_or(tag_and_after.len(), |e| e + 1);
        let (tag, after) = tag_and_after.split_at(end);
        print_tag(tag, slug, page, print, printed, &mut out);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// One tag (`<…>`) for [`print_html`].
fn print_tag(tag: &str, slug: &str, page: &str, print: &str, printed: &Printed, out: &mut String) {
    let bytes = tag.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_at = if closing { 2 } else { 1 };
    let mut rest = tag;
    if bytes.get(name_at) == Some(&b'h') {
        if let Some(level @ b'1'..=b'5') = bytes.get(name_at + 1).copied() {
            let after = bytes.get(name_at + 2).copied();
            if after.is_none_or(|c| c == b'>' || c.is_ascii_whitespace() || c == b'/') {
                out.push_str(&tag[..name_at + 1]);
                out.push((level + 1) as char);
                rest = &tag[name_at + 2..];
            }
        }
    }
    // Each `="` closes an attribute name; values cannot hold `"` (escaped),
    // so the next `"` ends the value and the scan resumes after it.
    while let Some(eq) = rest.find("=\"") {
        let value_at = eq + 2;
        let end = rest[value_at..]
            .find('"')
            .map_or(rest.len(), |e| value_at + e);
        let name_at = rest[..eq]
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |space| space + 1);
        let value = &rest[value_at..end];
        out.push_str(&rest[..value_at]);
        match (&rest[name_at..eq], value.strip_prefix('#')) {
            ("id", _) => {
                out.push_str(slug);
                out.push_str("--");
                out.push_str(value);
            }
            ("href" | "src", Some(anchor)) => {
                out.push('#');
                out.push_str(slug);
                out.push_str("--");
                out.push_str(anchor);
            }
            ("href", None) => match printed_target(value, page, printed) {
                Some(url) => out.push_str(&url),
                None => out.push_str(rebase(value, page, print).as_deref().unwrap_or(value)),
            },
            ("src", None) => out.push_str(rebase(value, page, print).as_deref().unwrap_or(value)),
            _ => out.push_str(value),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
}

/// Where the link `url` of the page in folder `from` leads when it names a
/// page that is printed too (its folder, or its `index.html`).
fn printed_target(url: &str, from: &str, printed: &Printed) -> Option<String> {
    let (mut parts, _, suffix) = resolve(url, from)?;
    if suffix.starts_with('?') {
        return None;
    }
    if parts.last() == Some(&"index.html") {
        parts.pop();
    }
    if parts.is_empty() {
        return None;
    }
    let mut folder = parts.join("/");
    folder.push('/');
    printed(&folder, suffix.strip_prefix('#').unwrap_or_default())
}

/// `url`, relative to the folder `from`, as segments from the site root,
/// whether it names a folder, and its `?…`/`#…` suffix. `None` when it is
/// not a relative path or climbs out of the site.
fn resolve<'u>(url: &'u str, from: &'u str) -> Option<(Vec<&'u str>, bool, &'u str)> {
    if url.is_empty() || url.starts_with(['#', '/', '?']) || is_external(url) {
        return None;
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    let mut parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let names_a_folder = matches!(path.rsplit('/').next(), Some("" | "." | ".."));
    Some((parts, names_a_folder, suffix))
}

/// `url`, relative to the folder `from`, made relative to the folder `to`
/// (both folders from the site root, ending in `/`). `None` when it is not
/// a relative path or climbs out of the site.
pub fn rebase(url: &str, from: &str, to: &str) -> Option<String> {
    let (parts, names_a_folder, suffix) = resolve(url, from)?;
    let mut rebased = "../".repeat(to.matches('/').count());
    rebased.push_str(&parts.join("/"));
    if names_a_folder && !parts.is_empty() {
        rebased.push('/');
    }
    rebased.push_str(suffix);
    Some(rebased)
}

#[cfg(test)]
mod tests {
    /// What `print_html` did before it became one pass (and wrongly also to
    /// text), as the reference for markup.
    fn by_replacing(html: &str, slug: &str) -> String {
        let mut out = html
            .replace(" id=\"", &format!(" id=\"{slug}--"))
            .replace("href=\"#", &format!("href=\"#{slug}--"));
        for level in (1..=5).rev() {
            out = out
                .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
                .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
        }
        out
    }

    #[test]
    fn print_html_prefixes_ids_and_shifts_headings() {
        let markdown = "# One {#top}\n\n## Two\n\nSee [below](#two) and [x](../x/index.html).\n\n\
            ###### Six\n\nA footnote[^n].\n\n[^n]: Note with `<h1 id=\"x\">` in code.\n\n\
            <hr id=\"rule\"><h3 class=\"raw\">Raw</h3>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let mut html = String::new();
        let parser = pulldown_cmark::Parser::new_ext(markdown, crate::markdown::options());
        pulldown_cmark::html::push_html(&mut html, parser);
        let got = super::print_html(&html, "slug", "pt/guide/", "pt/print/", &|_, _| None);
        let code = "<code>&lt;h1 id=\"x\"&gt;</code>";
        assert!(got.contains(code), "text is not markup: {got}");
        let reference = by_replacing(&html, "slug")
            .replace("<code>&lt;h1 id=\"slug--x\"&gt;</code>", code)
            .replace("href=\"../x/index.html\"", "href=\"../../pt/x/index.html\"");
        assert_eq!(got, reference);
        assert!(got.contains("<h2 id=\"slug--top\">"), "{got}");
        assert!(got.contains("href=\"#slug--two\""), "{got}");
        assert!(got.contains("<h6>Six</h6>"), "{got}");
        assert!(got.contains("<hr id=\"slug--rule\">"), "{got}");
        assert!(
            got.contains("href=\"../../pt/x/index.html\""),
            "rebased: {got}"
        );
    }

    #[test]
    fn only_the_named_attributes_change() {
        let html = "<a title=\"grid id=&quot;x&quot;\" data-href=\"#k\" href=\"#k\">k</a>\
            <img alt=\"\" src=\"a.png\"><span\tid=\"t\" class=\"c\">t</span>";
        assert_eq!(
            super::print_html(html, "s", "pt/g/", "pt/print/", &|_, _| None),
            "<a title=\"grid id=&quot;x&quot;\" data-href=\"#k\" href=\"#s--k\">k</a>\
            <img alt=\"\" src=\"../../pt/g/a.png\"><span\tid=\"s--t\" class=\"c\">t</span>"
        );
    }

    #[test]
    fn links_to_printed_articles_lead_to_where_they_are_printed() {
        let printed = |folder: &str, fragment: &str| match folder {
            "pt/sec/near/" => Some(format!("#near--{fragment}")),
            "pt/far/" => Some(format!("../far-part/index.html#far{fragment}")),
            _ => None,
        };
        let html = "<a href=\"../near/index.html#step\">a</a><a href=\"../../far/\">b</a>\
            <a href=\"../near/index.html?x=1\">c</a><a href=\"../other/index.html\">d</a>\
            <img src=\"../near/index.html\">";
        assert_eq!(
            super::print_html(html, "s", "pt/sec/guide/", "pt/print/sec/", &printed),
            "<a href=\"#near--step\">a</a><a href=\"../far-part/index.html#far\">b</a>\
            <a href=\"../../../pt/sec/near/index.html?x=1\">c</a><a href=\"../../../pt/sec/other/index.html\">d</a>\
            <img src=\"../../../pt/sec/near/index.html\">"
        );
    }

    #[test]
    fn relative_urls_keep_their_target_from_the_print_page() {
        use super::rebase;
        let (page, print) = ("pt/sec/guide/", "pt/print/");
        assert_eq!(
            rebase("../../../hr/x/index.html", page, print).unwrap(),
            "../../hr/x/index.html"
        );
        assert_eq!(
            rebase("../other/", page, print).unwrap(),
            "../../pt/sec/other/"
        );
        assert_eq!(
            rebase("img/a.png?v=1#top", page, print).unwrap(),
            "../../pt/sec/guide/img/a.png?v=1#top"
        );
        assert_eq!(
            rebase("../../../index.html", page, print).unwrap(),
            "../../index.html"
        );
        assert_eq!(
            rebase("../../../../out.html", page, print),
            None,
            "climbs out of the site"
        );
        for untouched in [
            "https://x.org/a",
            "mailto:a@b",
            "/abs/path",
            "#anchor",
            "",
            "//cdn/x.js",
        ] {
            assert_eq!(rebase(untouched, page, print), None, "{untouched}");
        }
        let html = "<p><a href=\"../x/index.html\" data-href=\"keep\">x</a><img src=\"a.png\" alt=\"\"></p>";
        assert_eq!(
            super::print_html(html, "s", page, print, &|_, _| None),
            "<p><a href=\"../../pt/sec/x/index.html\" data-href=\"keep\">x</a><img src=\"../../pt/sec/guide/a.png\" alt=\"\"></p>"
        );
    }
}
