//! A saved web page to Markdown: its main content (`<main>`, `<article>`,
//! `role="main"`, else the body without the site's frame) converted by htmd.

use htmd::element_handler::Handlers;
use htmd::{Element, HtmlToMarkdown};
use std::sync::{Arc, Mutex};

#[derive(Debug, PartialEq, Eq)]
pub struct Converted {
    pub markdown: String,
    /// `<title>`, the fallback when the content has no `# ` heading.
    pub page_title: Option<String>,
    /// Where the content came from: `<main>`, `<article>`, or the body.
    pub taken_from: &'static str,
}

/// An element that may hold the article: its rank (lower is surer), what
/// it is, and its Markdown.
type Candidate = (u8, &'static str, String);

/// Never content: code, and parts of a page that are never the article.
pub const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "form", "nav", "button",
];
/// The site's frame around the article, left out when falling back to the body.
pub const FRAME: &[&str] = &["nav", "header", "footer", "aside"];

pub fn convert(html: &str) -> Result<Converted, String> {
    let found: Arc<Mutex<Vec<Candidate>>> = Arc::default();
    let seen = Arc::clone(&found);
    let main = HtmlToMarkdown::builder()
        .skip_tags(NEVER.to_vec())
        .add_handler(
            vec!["main", "article", "div", "section"],
            move |h: &dyn Handlers, e: Element| {
                let role_main = e
                    .attrs
                    .iter()
                    .any(|a| &*a.name.local == "role" && a.value.trim() == "main");
                let rank = match e.tag {
                    "main" => 0,
                    _ if role_main => 1,
                    "article" => 2,
                    _ => return h.fallback(e),
                };
                let content = h.walk_children(e.node);
                if let Ok(mut list) = seen.lock() {
                    let from = ["<main>", "role=\"main\"", "<article>"][rank as usize];
                    list.push((rank, from, content.content.clone()));
                }
                Some(content)
            },
        )
        .build();
    // Run for what the handler records; the body fallback below converts anew.
    main.convert(html).map_err(|e| e.to_string())?;
    let best = found
        .lock()
        .ok()
        .and_then(|list| list.iter().min_by_key(|(rank, ..)| *rank).cloned());
    let (markdown, taken_from) = match best {
        Some((_, from, content)) => (content, from),
        None => {
            let mut skip = NEVER.to_vec();
            skip.extend(FRAME);
            let body = HtmlToMarkdown::builder().skip_tags(skip).build();
            (body.convert(html).map_err(|e| e.to_string())?, "the body")
        }
    };
    Ok(Converted {
        markdown: without_script_links(markdown.trim()) + "\n",
        page_title: page_title(html),
        taken_from,
    })
}

/// `markdown` with its links and images whose address runs a script
/// (`javascript:`, `vbscript:`, `data:text/html`) replaced by their text:
/// never guidance, whatever page they were copied from. (The build would
/// neutralize them too; the imported page should not carry them at all.)
pub fn without_script_links(markdown: &str) -> String {
    let mut out = markdown.to_string();
    let mut found = crate::import::site::links::find(markdown);
    found.sort_by_key(|l| std::cmp::Reverse(l.whole.start));
    for link in found {
        let dest: String = link
            .dest
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        let runs = ["javascript:", "vbscript:", "data:text/html"]
            .iter()
            .any(|scheme| dest.starts_with(scheme));
        if runs && !link.html && out.get(link.whole.clone()).is_some() {
            let text = link.text.replace('[', "\\[").replace(']', "\\]");
            out.replace_range(link.whole, &text);
        }
    }
    out
}

fn page_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let text = html
        .get(start..end)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then(|| decode_entities(&text))
}

fn decode_entities(text: &str) -> String {
    htmd::convert(&format!("<p>{text}</p>")).unwrap_or_else(|_| text.to_string())
}

/// 1-based lines where each `tags` element of the frame opens in `html`.
pub fn frame_lines(html: &str, tags: &[&str]) -> Vec<(&'static str, usize)> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for tag in FRAME.iter().filter(|t| tags.contains(t)) {
        let open = format!("<{tag}");
        let mut from = 0;
        while let Some(i) = lower[from..].find(&open) {
            let at = from + i;
            let next = lower[at + open.len()..].chars().next();
            if matches!(next, Some('>' | ' ' | '\n' | '\t' | '\r' | '/')) {
                found.push((*tag, line_of(html, at)));
            }
            from = at + open.len();
        }
    }
    found.sort_by_key(|(_, line)| *line);
    found
}

/// 1-based line of byte `at`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_run_scripts_keep_only_their_text() {
        let md = "[a](javascript:alert(1)) [b]( JavaScript:x) ![c](data:text/html,<b>) [d](https://e.org) [e](vbscript:y)\n";
        assert_eq!(without_script_links(md), "a b c [d](https://e.org) e\n");
    }

    #[test]
    fn main_content_is_taken_and_the_frame_left_out() {
        let html = "<html><head><title>T &amp; C</title><style>p{}</style></head><body>\n<nav><a href=/>Home</a></nav>\n<main><h1>Guia</h1><p>Ouça o <b>cliente</b>.</p></main>\n<footer>© 2024</footer></body></html>";
        let c = convert(html).unwrap();
        assert_eq!(c.markdown, "# Guia\n\nOuça o **cliente**.\n");
        assert_eq!(c.taken_from, "<main>");
        assert_eq!(c.page_title.as_deref(), Some("T & C"));
        assert_eq!(frame_lines(html, FRAME), [("nav", 2), ("footer", 4)]);
    }

    #[test]
    fn without_main_the_body_without_its_frame() {
        let html = "<body><header>Site</header><h2>Passo</h2><p>Texto.</p><script>x()</script><footer>f</footer></body>";
        let c = convert(html).unwrap();
        assert_eq!(c.markdown, "## Passo\n\nTexto.\n");
        assert_eq!(c.taken_from, "the body");
        let c = convert("<div role=\"main\"><p>A</p></div><p>B</p>").unwrap();
        assert_eq!(
            (c.markdown.as_str(), c.taken_from),
            ("A\n", "role=\"main\"")
        );
    }
}
