//! A Confluence space exported as HTML (Space tools → Export → HTML):
//!
//! ```text
//! index.html                      the space's page tree, as nested lists of links
//! Page-Title_123456.html          one file per page (or 123456.html)
//! attachments/<page id>/<file>    what the pages attach
//! styles/, images/                Confluence's own look: not imported
//! ```
//!
//! A page's parent is its list's in `index.html`, else the last page its
//! breadcrumbs name. Only `#main-content` is kept: breadcrumbs, the
//! "Created by …" line, the attachments listing and the footer are the
//! export's frame, not the page. Exports from before Confluence 5 name the
//! files after the titles (`Page Title.html`), lay each page out as a
//! table (its `pagebody` cell is the page) and write macros as tables.

use super::{alert, Space, SpacePage};
use crate::diagnostics::Diagnostic;
use crate::import::site::body::Callout;
use crate::import::site::links;
use htmd::element_handler::{HandlerResult, Handlers};
use htmd::{Element, HtmlToMarkdown};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Whether `dir` holds a Confluence space export.
pub fn detect(dir: &Path) -> bool {
    let Ok(index) = std::fs::read_to_string(dir.join("index.html")) else {
        return false;
    };
    // Before Confluence 5, pages were tables: no `#main-content`.
    let listing = index.contains("id=\"main-content\"") || index.contains("Space Details");
    if listing && index.contains("Available Pages") {
        return true;
    }
    html_files(dir).iter().take(5).any(|f| {
        std::fs::read_to_string(dir.join(f)).is_ok_and(|t| {
            (t.contains("id=\"main-content\"") && t.contains("breadcrumb"))
                || (t.contains("class=\"pagebody\"") && t.contains("class=\"pageheader\""))
        })
    })
}

/// The `.html` files of the folder but `index.html`, sorted.
fn html_files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "index.html")
        .collect();
    out.sort();
    out
}

pub fn read(dir: &Path) -> Space {
    let mut space = Space {
        vendor: "Confluence",
        root: dir.to_path_buf(),
        ..Space::default()
    };
    let files = html_files(dir);
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let tree = tree(&index, |href| files.iter().any(|f| f == href));
    let mut order: Vec<&String> = tree.iter().map(|(href, _)| href).collect();
    order.extend(files.iter().filter(|f| !tree.iter().any(|(h, _)| h == *f)));
    let parents: HashMap<&String, &Option<String>> = tree.iter().map(|(h, p)| (h, p)).collect();
    let mut unaliased: Vec<&str> = Vec::new();
    for name in order {
        let file = dir.join(name);
        let html = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                space.problems.push(
                    Diagnostic::error(&file, format!("cannot read it: {e}"))
                        .hint("check that the file exists and that you may read it"),
                );
                continue;
            }
        };
        let body = match convert(&html) {
            Ok(body) => body,
            Err(e) => {
                space.problems.push(
                    Diagnostic::error(&file, format!("not HTML polybook reads: {e}: not imported"))
                        .hint("export the space again, or copy the page over by hand"),
                );
                continue;
            }
        };
        let parent = match parents.get(name) {
            Some(parent) => (*parent).clone(),
            None => breadcrumb_parent(&html, name, &files),
        };
        // Names from before Confluence 5 are titles, spaces and all.
        let alias = crate::content::Alias::parse(name).is_ok();
        if !alias {
            unaliased.push(name.as_str());
        }
        space.pages.push(SpacePage {
            key: name.clone(),
            file,
            title: title(&html).unwrap_or_else(|| name.trim_end_matches(".html").to_string()),
            parent,
            body,
            old_address: alias.then(|| name.clone()),
            ..SpacePage::default()
        });
    }
    if let Some(first) = unaliased.first() {
        space.problems.push(
            Diagnostic::warning(
                dir,
                format!(
                    "{} page file name(s) have characters a redirect cannot hold (`{first}`): not kept as aliases",
                    unaliased.len()
                ),
            )
            .hint("links to those files from elsewhere will not redirect: link the new pages instead"),
        );
    }
    wiki_links(&mut space.pages, space_key(&index).as_deref());
    space
}

/// The space's key, from the "Key" row of `index.html`.
fn space_key(index: &str) -> Option<String> {
    let at = index.find(">Key")?;
    let rest = &index[at..];
    let cell = rest.find("<td")?;
    let start = cell + rest[cell..].find('>')? + 1;
    let end = start + rest[start..].find("</td>")?;
    let key = rest[start..end].trim();
    (!key.is_empty() && !key.contains('<')).then(|| key.to_string())
}

/// Links to the wiki's own address of a page the export holds, as links to
/// its file, anchor kept: `/display/KEY/Page+Title` (`null/display/…` when
/// the export had no base address), `/spaces/KEY/pages/123/…` and
/// `viewpage.action?pageId=123`.
fn wiki_links(pages: &mut [SpacePage], key: Option<&str>) {
    let mut by_title: HashMap<String, String> = HashMap::new();
    let mut by_id: HashMap<String, String> = HashMap::new();
    for page in pages.iter() {
        by_title
            .entry(page.title.clone())
            .or_insert_with(|| page.key.clone());
        let stem = page.key.trim_end_matches(".html");
        let id = stem.rsplit_once('_').map_or(stem, |(_, id)| id);
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
            by_id.insert(id.to_string(), page.key.clone());
        }
    }
    for page in pages.iter_mut() {
        let mut edits = Vec::new();
        for link in links::find(&page.body) {
            let (path, fragment) = match link.dest.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.dest.as_str(), None),
            };
            let Some(file) = wiki_page(path, key, &by_title, &by_id) else {
                continue;
            };
            let mut dest = percent_encoding::utf8_percent_encode(file, FILE_NAME).to_string();
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                dest.push('#');
                dest.push_str(fragment);
            }
            edits.push((link.dest_range, dest));
        }
        edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
        for (range, dest) in edits {
            if page.body.get(range.clone()).is_some() {
                page.body.replace_range(range, &dest);
            }
        }
    }
}

/// A file name in a Markdown link: spaces and brackets encoded.
const FILE_NAME: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_');

/// The file of the page a wiki address names, if the export holds it.
fn wiki_page<'a>(
    path: &str,
    key: Option<&str>,
    by_title: &'a HashMap<String, String>,
    by_id: &'a HashMap<String, String>,
) -> Option<&'a String> {
    let rest = if let Some(rest) = path.strip_prefix("null/") {
        rest
    } else if let Some((scheme, rest)) = path.split_once("://") {
        if !matches!(scheme, "http" | "https") {
            return None;
        }
        rest.split_once('/')?.1
    } else {
        path.strip_prefix('/')?
    };
    let same_space = |k: &str| key.is_none_or(|key| key == k);
    if let Some(query) = rest.split_once("viewpage.action?").map(|(_, q)| q) {
        let id = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("pageId="))?;
        return by_id.get(id);
    }
    let segments: Vec<&str> = rest.split('?').next()?.split('/').collect();
    if let Some(at) = segments.iter().position(|s| *s == "display") {
        let (space, title) = (segments.get(at + 1)?, segments.get(at + 2)?);
        if !same_space(space) || segments.len() > at + 3 {
            return None;
        }
        let title = title.replace('+', " ");
        let title = percent_encoding::percent_decode_str(&title)
            .decode_utf8()
            .ok()?;
        return by_title.get(title.trim());
    }
    let at = segments.iter().position(|s| *s == "spaces")?;
    if !same_space(segments.get(at + 1)?) || segments.get(at + 2) != Some(&"pages") {
        return None;
    }
    by_id.get(*segments.get(at + 3)?)
}

/// The page's title without the space's name (`Space : Page`).
fn title(html: &str) -> Option<String> {
    let raw = between(html, "<title>", "</title>")?;
    let text = htmd::convert(&format!("<p>{raw}</p>")).ok()?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = text
        .split_once(" : ")
        .map_or(text.as_str(), |(_, t)| t)
        .trim();
    (!title.is_empty()).then(|| title.to_string())
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

/// Each page `index.html` lists, with the page whose list item holds it.
fn tree(index: &str, is_page: impl Fn(&str) -> bool) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    // The last page at each depth of nested lists.
    let mut last: Vec<Option<String>> = vec![None];
    for tag in tags(index) {
        if tag.starts_with("<ul") || tag.starts_with("<ol") {
            last.push(None);
        } else if tag.starts_with("</ul") || tag.starts_with("</ol") {
            if last.len() > 1 {
                last.pop();
            }
        } else if let Some(href) = href(tag).filter(|h| is_page(h)) {
            if out.iter().any(|(h, _)| *h == href) {
                continue;
            }
            let depth = last.len() - 1;
            let parent = last[..depth].iter().rev().flatten().next().cloned();
            out.push((href.clone(), parent));
            last[depth] = Some(href);
        }
    }
    out
}

/// The opening and closing tags of `html`, lowercased up to their attributes.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices('<').filter_map(move |(at, _)| {
        let end = at + html[at..].find('>')?;
        Some(&html[at..=end])
    })
}

fn href(tag: &str) -> Option<String> {
    if !tag.starts_with("<a ") {
        return None;
    }
    let at = tag.find("href=\"")? + 6;
    let value = &tag[at..at + tag[at..].find('"')?];
    let value = value.split(['#', '?']).next()?;
    Some(value.replace("&amp;", "&"))
}

/// The last page of the breadcrumbs but the page itself: its parent.
fn breadcrumb_parent(html: &str, name: &str, files: &[String]) -> Option<String> {
    let start = html.find("id=\"breadcrumb-section\"")?;
    let end = start
        + html[start..]
            .find("</ol>")
            .or_else(|| html[start..].find("</div>"))?;
    tags(&html[start..end])
        .filter_map(href)
        .filter(|h| h != name && files.contains(h))
        .last()
}

/// The callout a macro's classes name: Confluence's info, note, warning and
/// tip macros, or the `aui-message` boxes newer exports write.
fn callout(class: &str) -> Option<Callout> {
    let classes: Vec<&str> = class.split_whitespace().collect();
    if let Some(kind) = classes
        .iter()
        .find_map(|c| c.strip_prefix("confluence-information-macro-"))
    {
        return match kind {
            "information" => Some(Callout::Note),
            "note" => Some(Callout::Warning),
            "warning" => Some(Callout::Caution),
            "tip" => Some(Callout::Tip),
            _ => None,
        };
    }
    if !classes.contains(&"aui-message") {
        return None;
    }
    let kind = classes.iter().find_map(|c| match *c {
        "info" | "aui-message-info" => Some(Callout::Note),
        "hint" | "success" | "aui-message-hint" | "aui-message-success" => Some(Callout::Tip),
        "warning" | "aui-message-warning" => Some(Callout::Warning),
        "error" | "aui-message-error" => Some(Callout::Caution),
        _ => None,
    });
    Some(kind.unwrap_or(Callout::Note))
}

/// The callout of a macro of Confluence before 5, a table of class
/// `infoMacro`, `noteMacro`, `warningMacro` or `tipMacro`.
fn legacy_callout(class: &str) -> Option<Callout> {
    class.split_whitespace().find_map(|c| match c {
        "infoMacro" => Some(Callout::Note),
        "noteMacro" => Some(Callout::Warning),
        "warningMacro" => Some(Callout::Caution),
        "tipMacro" => Some(Callout::Tip),
        _ => None,
    })
}

/// Parts of a Confluence page that are the export's frame: breadcrumbs, the
/// "Created by" line, attachments, comments and footer; before Confluence 5,
/// the title above the page and its "This page last changed on" line.
fn is_frame(id: &str, class: &str) -> bool {
    matches!(id, "breadcrumb-section" | "footer" | "attachments")
        || class.split_whitespace().any(|c| {
            matches!(
                c,
                "page-metadata"
                    | "pageSection"
                    | "greybox"
                    | "footer-body"
                    | "pageheader"
                    | "pagesubheading"
                    | "tabletitle"
            )
        })
}

fn attr(e: &Element, name: &str) -> String {
    e.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map_or(String::new(), |a| a.value.to_string())
}

/// The language a code macro names (`brush: bash`), but `java`, which
/// Confluence writes when none was chosen, and plain text.
fn code_language(e: &Element) -> Option<String> {
    let params = [attr(e, "data-syntaxhighlighter-params"), attr(e, "class")];
    let brush = params.iter().find_map(|p| {
        p.split(';')
            .find_map(|part| part.trim().strip_prefix("brush:").map(str::trim))
            .map(str::to_string)
    })?;
    let ok = !brush.is_empty()
        && brush
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+#-_".contains(c))
        && !matches!(brush.as_str(), "java" | "text" | "none" | "plain");
    ok.then_some(brush)
}

/// A `<pre>` as a fenced code block: Confluence's code and noformat macros
/// write the code straight in the `<pre>`, with no `<code>`.
fn code_block(text: &str, language: Option<&str>) -> String {
    let text = text.trim_matches('\n');
    // htmd escapes a backtick or tilde that starts the text.
    let text = match text.strip_prefix('\\') {
        Some(rest) if rest.starts_with(['`', '~']) => rest,
        _ => text,
    };
    let mut fence = "```".to_string();
    while text.contains(fence.as_str()) {
        fence.push('`');
    }
    format!("\n\n{fence}{}\n{text}\n{fence}\n\n", language.unwrap_or(""))
}

/// Confluence's own emoticons (`images/icons/emoticons/check.png`) as the
/// emoji they show; its other icons are dropped, like its `images/` folder.
fn emoticon(src: &str) -> &'static str {
    let name = src.rsplit('/').next().unwrap_or(src);
    let stem = name.split('.').next().unwrap_or(name);
    match stem {
        "check" | "tick" => "✅",
        "error" | "cross" => "❌",
        "forbidden" => "⛔",
        "warning" => "⚠️",
        "information" => "ℹ️",
        "lightbulb" | "lightbulb_on" => "💡",
        "smile" => "🙂",
        "sad" => "🙁",
        "cheeky" | "tongue" => "😛",
        "laugh" | "biggrin" => "😄",
        "wink" => "😉",
        "thumbs_up" => "👍",
        "thumbs_down" => "👎",
        "star_yellow" | "star" => "⭐",
        "help_16" | "question" => "❓",
        "add" | "plus" => "➕",
        "minus" => "➖",
        _ => "",
    }
}

/// Before Confluence 5 the page is the table cell `pagebody`, and its
/// attachments and comments follow the first `tabletitle` in it: the page
/// alone, so that its tables are not read as cells of the layout's table.
fn legacy_page(html: &str) -> Option<&str> {
    let cell = html.find("class=\"pagebody\"")?;
    let start = cell + html[cell..].find('>')? + 1;
    let rest = &html[start..];
    let end = rest
        .find("<div class=\"tabletitle\">")
        .or_else(|| {
            let footer = rest.find("Document generated by Confluence")?;
            rest[..footer].rfind("<table")
        })
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The page's `#main-content` (before Confluence 5, its `pagebody` cell;
/// else its body without the frame) as Markdown.
fn convert(html: &str) -> Result<String, String> {
    let html = legacy_page(html).unwrap_or(html);
    let main: Arc<Mutex<Option<String>>> = Arc::default();
    let seen = Arc::clone(&main);
    let in_macro = Arc::new(AtomicBool::new(false));
    let macro_icons = Arc::clone(&in_macro);
    let converter = HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript", "head", "title"])
        .add_handler(
            vec!["div", "section"],
            move |h: &dyn Handlers, e: Element| {
                let (id, class) = (attr(&e, "id"), attr(&e, "class"));
                if id == "main-content" {
                    let content = h.walk_children(e.node);
                    if let Ok(mut slot) = seen.lock() {
                        slot.get_or_insert(content.content.clone());
                    }
                    return Some(content);
                }
                if is_frame(&id, &class) {
                    return Some(HandlerResult::from(String::new()));
                }
                match callout(&class) {
                    Some(kind) => {
                        let inner = h.walk_children(e.node).content;
                        Some(HandlerResult::from(format!(
                            "\n\n{}\n\n",
                            alert(kind.marker(), &inner)
                        )))
                    }
                    None => h.fallback(e),
                }
            },
        )
        .add_handler(vec!["table"], move |h: &dyn Handlers, e: Element| {
            let Some(kind) = legacy_callout(&attr(&e, "class")) else {
                return h.fallback(e);
            };
            // Its cells hold the icon, then the text: no table.
            let before = in_macro.swap(true, Ordering::Relaxed);
            let inner = h.walk_children(e.node).content;
            in_macro.store(before, Ordering::Relaxed);
            Some(HandlerResult::from(format!(
                "\n\n{}\n\n",
                alert(kind.marker(), &inner)
            )))
        })
        .add_handler(vec!["img"], move |h: &dyn Handlers, e: Element| {
            let src = attr(&e, "src");
            if !src.starts_with("images/icons/") {
                return h.fallback(e);
            }
            let shown = if macro_icons.load(Ordering::Relaxed) {
                ""
            } else {
                emoticon(&src)
            };
            Some(HandlerResult::from(shown.to_string()))
        })
        .add_handler(vec!["pre"], |h: &dyn Handlers, e: Element| {
            let inner = h.walk_children(e.node).content;
            // `<pre><code>`: htmd's own code block.
            if inner.trim_start().starts_with("```") || inner.trim_start().starts_with("~~~") {
                return Some(HandlerResult::from(format!("\n\n{}\n\n", inner.trim())));
            }
            Some(HandlerResult::from(code_block(
                &inner,
                code_language(&e).as_deref(),
            )))
        })
        .add_handler(vec!["span"], |h: &dyn Handlers, e: Element| {
            // The macro's icon: an empty span, or one reading "Icon".
            let icon = e.attrs.iter().any(|a| {
                &*a.name.local == "class" && a.value.split_whitespace().any(|c| c == "aui-icon")
            });
            if icon {
                Some(HandlerResult::from(String::new()))
            } else {
                h.fallback(e)
            }
        })
        .build();
    let whole = converter.convert(html).map_err(|e| e.to_string())?;
    let found = main.lock().ok().and_then(|m| m.clone());
    let markdown = single_blank_lines(found.unwrap_or(whole).trim());
    Ok(crate::import::html::without_script_links(&markdown) + "\n")
}

/// Alerts and code blocks carry their own blank lines and the paragraphs
/// around add more: one blank line between blocks, code kept as it is.
fn single_blank_lines(markdown: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<String> = None;
    let mut blank = false;
    for line in markdown.lines() {
        let marker: String = line
            .trim_start()
            .chars()
            .take_while(|c| *c == '`')
            .collect();
        match &fence {
            Some(open) if line.trim() == open.as_str() => fence = None,
            Some(_) => {}
            None if marker.len() >= 3 => fence = Some(marker),
            None if line.trim().is_empty() => {
                if !blank {
                    out.push('\n');
                }
                blank = true;
                continue;
            }
            None => {}
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_give_each_page_its_parent() {
        let index = "<ul><li><a href=\"Home_1.html\">Home</a><ul><li><a href=\"A_2.html\">A</a><ul><li><a href=\"B_3.html\">B</a></li></ul></li><li><a href=\"C_4.html\">C</a></li></ul></li></ul><a href=\"styles/site.css\">x</a>";
        let pages = tree(index, |h| h.ends_with(".html"));
        let parent = |p: &str| {
            pages
                .iter()
                .find(|(h, _)| h == p)
                .and_then(|(_, p)| p.clone())
        };
        assert_eq!(pages.len(), 4);
        assert_eq!(parent("Home_1.html"), None);
        assert_eq!(parent("A_2.html").as_deref(), Some("Home_1.html"));
        assert_eq!(parent("B_3.html").as_deref(), Some("A_2.html"));
        assert_eq!(parent("C_4.html").as_deref(), Some("Home_1.html"));
    }

    #[test]
    fn macros_become_alerts_and_the_frame_is_dropped() {
        let html = "<html><head><title>Support : Refunds</title></head><body><div id=\"breadcrumb-section\"><ol><li><a href=\"index.html\">Support</a></li><li><a href=\"Home_1.html\">Home</a></li></ol></div><div class=\"page-metadata\">Created by Ana, last modified on Jan 02, 2024</div><div id=\"main-content\" class=\"wiki-content group\"><p>Refund within <b>30 days</b>.</p><div class=\"confluence-information-macro confluence-information-macro-note\"><span class=\"aui-icon confluence-information-macro-icon\"></span><div class=\"confluence-information-macro-body\"><p>Ask for the receipt.</p><p>Always.</p></div></div></div><div class=\"pageSection group\"><h2 id=\"attachments\">Attachments:</h2></div><div id=\"footer\">Document generated by Confluence</div></body></html>";
        assert_eq!(title(html).as_deref(), Some("Refunds"));
        assert_eq!(
            convert(html).unwrap(),
            "Refund within **30 days**.\n\n> [!WARNING]\n> Ask for the receipt.\n>\n> Always.\n"
        );
        let files = vec!["Home_1.html".to_string(), "Refunds_2.html".to_string()];
        assert_eq!(
            breadcrumb_parent(html, "Refunds_2.html", &files).as_deref(),
            Some("Home_1.html")
        );
    }

    #[test]
    fn code_macros_are_code_blocks() {
        let html = "<div id=\"main-content\"><p>Run:</p><div class=\"code panel pdl\"><div class=\"codeContent panelContent pdl\"><pre class=\"syntaxhighlighter-pre\" data-syntaxhighlighter-params=\"brush: bash; gutter: false; theme: Confluence\"># restart\n\n\nsvcadm restart &lt;fmri&gt;</pre></div></div><div class=\"code panel pdl\"><div class=\"codeContent panelContent pdl\"><pre class=\"syntaxhighlighter-pre\" data-syntaxhighlighter-params=\"brush: java; gutter: false; theme: Confluence\">&lt;role-name&gt;users&lt;/role-name&gt;</pre></div></div><pre>```nested```</pre></div>";
        assert_eq!(
            convert(html).unwrap(),
            "Run:\n\n```bash\n# restart\n\n\nsvcadm restart <fmri>\n```\n\n```\n<role-name>users</role-name>\n```\n\n````\n```nested```\n````\n"
        );
    }

    #[test]
    fn a_page_from_before_confluence_5_is_its_pagebody_cell() {
        let html = "<html><head><title>Docs : Managing NICs</title></head><body><table class=\"pagecontent\"><tr><td valign=\"top\" class=\"pagebody\"><div class=\"pageheader\"><span class=\"pagetitle\">Docs : Managing NICs</span></div><div class=\"pagesubheading\">This page last changed on Aug 22, 2018 by ana.</div><p>Plumb it <img src=\"images/icons/emoticons/check.gif\" alt=\"\"/></p><div class='panelMacro'><table class='noteMacro'><colgroup><col width='24'><col></colgroup><tr><td valign='top'><img src=\"images/icons/emoticons/warning.gif\" width=\"16\" height=\"16\" alt=\"\"></td><td>Not a typo.</td></tr></table></div><table class='confluenceTable'><tbody><tr><th class='confluenceTh'>Name</th><th class='confluenceTh'>Support</th></tr><tr><td class='confluenceTd'>BSD</td><td class='confluenceTd'>partial</td></tr></tbody></table><div class=\"code panel\"><div class=\"codeContent panelContent\"><div id=\"root\"><pre class=\"theme: Confluence; brush: java; gutter: false\"># ifconfig storage0 plumb</pre></div></div></div><div class=\"tabletitle\"><a name=\"comments\"><h2>Comments:</h2></a></div><table><tr><td>Nice page!</td></tr></table></td></tr></table><table><tr><td><font color=\"grey\">Document generated by Confluence on Jul 07, 2019 00:15</font></td></tr></table></body></html>";
        assert_eq!(title(html).as_deref(), Some("Managing NICs"));
        assert_eq!(
            convert(html).unwrap(),
            "Plumb it ✅\n\n> [!WARNING]\n> Not a typo.\n\n| Name | Support |\n| ---- | ------- |\n| BSD  | partial |\n\n```\n# ifconfig storage0 plumb\n```\n"
        );
    }

    #[test]
    fn wiki_addresses_of_pages_of_the_export_lead_to_their_files() {
        let page = |key: &str, title: &str, body: &str| SpacePage {
            key: key.into(),
            title: title.into(),
            body: body.into(),
            ..SpacePage::default()
        };
        let mut pages = vec![
            page("Managing NICs.html", "Managing NICs", ""),
            page("Refunds_65540.html", "Refunds", ""),
            page("Home_1.html", "Home", "[a](null/display/DOC/Managing+NICs#ManagingNICs-DHCP) [b](http://wiki.example.org/display/DOC/Managing+NICs) [c](https://x.atlassian.net/wiki/spaces/DOC/pages/65540/Refunds) [d](null/pages/viewpage.action?pageId=65540) [e](null/display/SALES/Refunds) [f](null/display/~ana) [g](/display/DOC/Gone)\n"),
        ];
        wiki_links(&mut pages, Some("DOC"));
        assert_eq!(pages[2].body, "[a](Managing%20NICs.html#ManagingNICs-DHCP) [b](Managing%20NICs.html) [c](Refunds_65540.html) [d](Refunds_65540.html) [e](null/display/SALES/Refunds) [f](null/display/~ana) [g](/display/DOC/Gone)\n");
        assert_eq!(
            space_key(
                "<tr><th class=\"confluenceTh\">Key</th><td class=\"confluenceTd\">DOC</td></tr>"
            )
            .as_deref(),
            Some("DOC")
        );
        assert_eq!(
            space_key("<td width=\"200\"><b>Key:</b></td><td>DOC</td>").as_deref(),
            Some("DOC")
        );
    }
}
