//! Links of an imported page, found in its Markdown with their byte ranges:
//! each is resolved to a page (or a file) of the import and written as a
//! relative link to its `.md` file, which the build checks and rewrites.

use pulldown_cmark::{Event, LinkType, Parser, Tag};
use std::ops::Range;

/// A link or image of the page, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The destination as parsed (unescaped).
    pub dest: String,
    /// Where the destination is written, to replace it.
    pub dest_range: Range<usize>,
    /// The whole `[text](dest)`, to replace with its text when it leads nowhere.
    pub whole: Range<usize>,
    /// The text between the brackets.
    pub text: String,
    pub image: bool,
    /// An `href`/`src` of raw HTML: a link to nowhere keeps its text by
    /// pointing at nothing (`#`), as the HTML around it stays.
    pub html: bool,
}

/// Every link and image destination in `markdown`, inline or by reference.
pub fn find(markdown: &str) -> Vec<Found> {
    let parser = Parser::new_ext(markdown, crate::markdown::options()).into_offset_iter();
    let mut found = Vec::new();
    let mut definitions = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut events = Vec::new();
    let mut parser = parser;
    for (event, range) in parser.by_ref() {
        events.push((event.into_static(), range));
    }
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(range) = dest_in(markdown, def.span.clone(), true) {
            definitions.push(Found {
                dest: def.dest.to_string(),
                dest_range: range,
                whole: def.span.clone(),
                text: String::new(),
                image: false,
                html: false,
            });
        }
    }
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                let inline = matches!(link_type, LinkType::Inline);
                if inline {
                    if let Some(dest_range) = dest_in(markdown, range.clone(), false) {
                        found.push(Found {
                            dest: dest_url.to_string(),
                            dest_range,
                            whole: range.clone(),
                            text: String::new(),
                            image: matches!(event, Event::Start(Tag::Image { .. })),
                            html: false,
                        });
                        stack.push((found.len() - 1, String::new()));
                        continue;
                    }
                }
                stack.push((usize::MAX, String::new()));
                let _ = i;
            }
            Event::End(pulldown_cmark::TagEnd::Link)
            | Event::End(pulldown_cmark::TagEnd::Image) => {
                if let Some((index, text)) = stack.pop() {
                    if let Some(link) = found.get_mut(index) {
                        link.text = text.clone();
                    }
                    if let Some(outer) = stack.last_mut() {
                        outer.1.push_str(&text);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                found.extend(html_attributes(markdown, range.clone()));
            }
            _ => {}
        }
    }
    found.extend(definitions);
    found.sort_by_key(|f| f.dest_range.start);
    found.dedup_by_key(|f| f.dest_range.start);
    found
}

/// The `href="…"` and `src="…"` values of raw HTML in `range`.
fn html_attributes(markdown: &str, range: Range<usize>) -> Vec<Found> {
    let Some(html) = markdown.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut from = 0;
        while let Some(at) = html[from..].find(attribute) {
            let start = from + at + attribute.len();
            let before_ok =
                from + at == 0 || !html.as_bytes()[from + at - 1].is_ascii_alphanumeric();
            let Some(length) = html[start..].find('"') else {
                break;
            };
            from = start + length;
            if !before_ok || length == 0 {
                continue;
            }
            let dest_range = range.start + start..range.start + start + length;
            found.push(Found {
                dest: html[start..start + length].replace("&amp;", "&"),
                whole: dest_range.clone(),
                dest_range,
                text: String::new(),
                image: attribute.starts_with("src"),
                html: true,
            });
        }
    }
    found
}

/// Where the destination is written in `[text](dest "title")` (the last `](`
/// of the range: nested images come before it) or in `[label]: dest`.
fn dest_in(markdown: &str, range: Range<usize>, definition: bool) -> Option<Range<usize>> {
    let written = markdown.get(range.clone())?;
    let start = if definition {
        let colon = written.find("]:")?;
        colon + 2
    } else {
        written.rfind("](")? + 2
    };
    let rest = &written[start..];
    let skipped = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let at = range.start + start + skipped;
    if let Some(inner) = rest.strip_prefix('<') {
        let end = inner.find('>')?;
        return Some(at + 1..at + 1 + end);
    }
    let mut depth = 0i32;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' => depth -= 1,
            c if c.is_whitespace() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    (end > 0).then_some(at..at + end)
}

/// The path from the content file `from` (`es/guias/a.md`) to `to` (`pt/b.md`).
pub fn relative_path(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

/// Joins `link` onto the folder `base` (`es/guias`), `..` climbing; `None`
/// when it climbs above the start.
pub fn join(base: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_found_where_written() {
        let md = "See [a](../x.md#y \"t\") and ![i](<my img.png>) and [![b](b.png)](/es/c/).\n\n[r]: /es/d/\n\nUse [r].\n";
        let found = find(md);
        let dests: Vec<&str> = found.iter().map(|f| &md[f.dest_range.clone()]).collect();
        assert_eq!(
            dests,
            ["../x.md#y", "my img.png", "b.png", "/es/c/", "/es/d/"]
        );
        assert_eq!(found[0].text, "a");
        assert!(found[1].image);
        assert_eq!(found[3].text, "b");
        assert_eq!(&md[found[0].whole.clone()], "[a](../x.md#y \"t\")");
    }

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        assert_eq!(relative_path("es/guias/a.md", "es/guias/b.md"), "b.md");
        assert_eq!(relative_path("es/guias/a.md", "pt/b.md"), "../../pt/b.md");
        assert_eq!(relative_path("es/a.md", "es/x/y.md"), "x/y.md");
        assert_eq!(join("es/guias", "../rutas/").as_deref(), Some("es/rutas"));
        assert_eq!(join("es", "../../x"), None);
    }
}
