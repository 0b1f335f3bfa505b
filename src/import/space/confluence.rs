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
//! export's frame, not the page.

use super::{alert, Space, SpacePage};
use crate::diagnostics::Diagnostic;
use crate::import::site::body::Callout;
use htmd::element_handler::{HandlerResult, Handlers};
use htmd::{Element, HtmlToMarkdown};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Whether `dir` holds a Confluence space export.
pub fn detect(dir: &Path) -> bool {
    let Ok(index) = std::fs::read_to_string(dir.join("index.html")) else {
        return false;
    };
    if index.contains("id=\"main-content\"") && index.contains("Available Pages") {
        return true;
    }
    html_files(dir).iter().take(5).any(|f| {
        std::fs::read_to_string(dir.join(f))
            .is_ok_and(|t| t.contains("id=\"main-content\"") && t.contains("breadcrumb"))
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
        space.pages.push(SpacePage {
            key: name.clone(),
            file,
            title: title(&html).unwrap_or_else(|| name.trim_end_matches(".html").to_string()),
            parent,
            body,
            old_address: Some(name.clone()),
            ..SpacePage::default()
        });
    }
    space
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

/// Parts of a Confluence page that are the export's frame.
fn is_frame(id: &str, class: &str) -> bool {
    matches!(id, "breadcrumb-section" | "footer" | "attachments")
        || class.split_whitespace().any(|c| {
            matches!(
                c,
                "page-metadata" | "pageSection" | "greybox" | "footer-body"
            )
        })
}

/// The page's `#main-content` (else its body without the frame) as Markdown.
fn convert(html: &str) -> Result<String, String> {
    let main: Arc<Mutex<Option<String>>> = Arc::default();
    let seen = Arc::clone(&main);
    let converter = HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript", "head", "title"])
        .add_handler(
            vec!["div", "section"],
            move |h: &dyn Handlers, e: Element| {
                let attr = |name: &str| {
                    e.attrs
                        .iter()
                        .find(|a| &*a.name.local == name)
                        .map_or(String::new(), |a| a.value.to_string())
                };
                let (id, class) = (attr("id"), attr("class"));
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
    let mut markdown = found.unwrap_or(whole).trim().to_string();
    // Alerts carry their own blank lines; the paragraphs around add more.
    while markdown.contains("\n\n\n") {
        markdown = markdown.replace("\n\n\n", "\n\n");
    }
    Ok(markdown + "\n")
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
}
