//! An article's body as Markdown, and the anchors of its headings.
//!
//! A help center's HTML gives its headings ids (`<h2 id="h_01H…">`, or ids
//! made from the text) and its links name them (`#h_01H…`, `…/articles/12-x#…`);
//! the build gives headings ids of its own and fails on a link to an anchor a
//! page lacks. So the conversion notes each heading's id (as `{#id}`, taken
//! out again by [`headings`]), and a link to one is written with the id the
//! build gives that heading.

use htmd::element_handler::Handlers;
use htmd::{Element, HtmlToMarkdown};
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

use crate::import::html::{without_script_links, NEVER};

/// The Markdown of an article's HTML body, its headings' ids kept as `{#id}`.
pub fn to_markdown(html: &str) -> Result<String, String> {
    let converter = HtmlToMarkdown::builder()
        .skip_tags(NEVER.to_vec())
        .add_handler(
            vec!["h1", "h2", "h3", "h4", "h5", "h6"],
            |h: &dyn Handlers, e: Element| {
                let id = e
                    .attrs
                    .iter()
                    .find(|a| &*a.name.local == "id")
                    .map(|a| a.value.trim().to_string())
                    .filter(|id| usable_id(id));
                let mut result = h.fallback(e)?;
                if let Some(id) = id {
                    let trimmed = result.content.trim_end_matches('\n');
                    // Only an ATX heading on one line takes attributes.
                    if trimmed.trim_start().starts_with('#') && !trimmed.trim().contains('\n') {
                        let end = trimmed.len();
                        result.content.insert_str(end, &format!(" {{#{id}}}"));
                    }
                }
                Some(result)
            },
        )
        .build();
    let markdown = converter.convert(html).map_err(|e| e.to_string())?;
    Ok(without_script_links(markdown.trim()) + "\n")
}

/// An id Markdown can carry in `{#id}`.
fn usable_id(id: &str) -> bool {
    !id.is_empty() && !id.contains(|c: char| c.is_whitespace() || matches!(c, '{' | '}' | '#'))
}

/// A page's headings, in order: the id the help center gave each (if any),
/// the id the build gives it, and the ASCII id earlier versions gave (which
/// the build also accepts).
#[derive(Debug, Default, Clone)]
pub struct Headings(Vec<(Option<String>, String, Option<String>)>);

impl Headings {
    /// Which heading `anchor` names: its index.
    fn named(&self, anchor: &str) -> Option<usize> {
        self.0.iter().position(|(given, id, legacy)| {
            given.as_deref() == Some(anchor) || id == anchor || legacy.as_deref() == Some(anchor)
        })
    }

    /// The id the build gives the heading `anchor` names: one of the page's
    /// own, else, for a translation, the heading at the same place as the
    /// one of the source language's page (`source`) that `anchor` names,
    /// when the two have as many headings (a translation that kept the
    /// source's anchors while its headings were translated).
    pub fn anchor(&self, source: Option<&Headings>, anchor: &str) -> Option<String> {
        let at = match self.named(anchor) {
            Some(at) => at,
            None => {
                let source = source.filter(|s| s.0.len() == self.0.len())?;
                source.named(anchor)?
            }
        };
        Some(self.0[at].1.clone())
    }
}

/// `markdown` (from [`to_markdown`]) without the help center's `{#id}`,
/// and its headings.
pub fn headings(markdown: &str) -> (String, Headings) {
    let given = given_ids(markdown);
    let bare = remove(
        markdown,
        given
            .iter()
            .filter_map(|g| g.as_ref().map(|(_, r)| r.clone()))
            .collect(),
    );
    let built = crate::markdown::heading_ids(&bare);
    if built.len() != given.len() {
        // Never expected: the headings are the same with or without `{#id}`.
        let list = built
            .into_iter()
            .map(|(id, legacy)| (None, id, legacy))
            .collect();
        return (bare, Headings(list));
    }
    let list = given
        .into_iter()
        .zip(built)
        .map(|(given, (id, legacy))| (given.map(|(g, _)| g), id, legacy))
        .collect();
    (bare, Headings(list))
}

/// Each heading's `{#id}` if it has one, with the range of ` {#id}` in `markdown`.
fn given_ids(markdown: &str) -> Vec<Option<(String, Range<usize>)>> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, crate::markdown::options()).into_offset_iter() {
        let Event::Start(Tag::Heading { id, .. }) = event else {
            continue;
        };
        let found = id.and_then(|id| {
            let attr = format!("{{#{id}}}");
            let at = markdown.get(range.clone())?.rfind(&attr)? + range.start;
            let mut start = at;
            while start > range.start && markdown.as_bytes()[start - 1] == b' ' {
                start -= 1;
            }
            Some((id.to_string(), start..at + attr.len()))
        });
        out.push(found);
    }
    out
}

fn remove(text: &str, mut ranges: Vec<Range<usize>>) -> String {
    ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for r in ranges {
        if out.get(r.clone()).is_some() {
            out.replace_range(r, "");
        }
    }
    out
}
