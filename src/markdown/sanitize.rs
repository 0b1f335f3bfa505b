//! Raw HTML in Markdown: sanitized by default (no scripts, no event handlers, no
//! `javascript:` URLs), passed through for trusted editors, or shown as text.

use pulldown_cmark::{CowStr, Event};
use std::collections::HashSet;
use std::ops::Range;

/// True when the document has raw HTML at all: most pages have none and skip the sanitizer.
pub fn has_raw_html(events: &[(Event, Range<usize>)]) -> bool {
    events
        .iter()
        .any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// True when a Markdown link or image points at a scheme that runs code
/// (`[x](javascript:…)`): such a page goes through the sanitizer too.
pub fn has_script_url(events: &[(Event, Range<usize>)]) -> bool {
    events.iter().any(|(e, _)| match e {
        Event::Start(pulldown_cmark::Tag::Link { dest_url, .. })
        | Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
            let url: String = dest_url
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|scheme| url.starts_with(scheme))
        }
        _ => false,
    })
}

/// Turns raw HTML events into text, for `RawHtml::Escape`.
pub fn escape_events(events: &mut [(Event, Range<usize>)]) {
    for (event, _) in events.iter_mut() {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            *event = Event::Text(CowStr::from(html.to_string()));
        }
    }
}

/// Cleans the rendered HTML of a page that had raw HTML. The allowlist keeps what
/// the Markdown renderer itself produces (heading ids, footnote classes, task-list
/// checkboxes, table alignment, callouts' `role="note"`).
pub fn clean(html: &str) -> String {
    let generic: HashSet<&str> = ["id", "class", "lang", "title", "dir"].into();
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(generic)
        .add_tags([
            "input",
            "figure",
            "figcaption",
            "details",
            "summary",
            "mark",
            "kbd",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("div", ["role"])
        // Any other role on the editor's own HTML could misname it to
        // assistive technology.
        .attribute_filter(|_, attribute, value| {
            (attribute != "role" || value == "note").then_some(value.into())
        })
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let dirty = r#"<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:alert(1)">l</a><img src=x onerror=alert(1)><h2 id="keep">h</h2>"#;
        let clean = clean(dirty);
        assert!(
            !clean.contains("script") && !clean.contains("onclick") && !clean.contains("onerror"),
            "{clean}"
        );
        assert!(!clean.contains("javascript:"), "{clean}");
        assert!(clean.contains(r#"<h2 id="keep">h</h2>"#), "{clean}");
    }

    #[test]
    fn markdown_output_survives() {
        let html = r##"<ul><li><input disabled="" type="checkbox" checked=""> done</li></ul><table><thead><tr><th align="left">a</th></tr></thead></table><sup class="footnote-reference"><a href="#1">1</a></sup><a href="../../hr/x/index.html#a">r</a>"##;
        assert_eq!(clean(html), html);
    }
}
