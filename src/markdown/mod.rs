//! Renders one Markdown document: HTML, heading ids, table of contents, rewritten
//! links (with their positions, for checks), callouts, plain text for search.
//!
//! The work is a few small passes over pulldown-cmark's events: parse once,
//! give headings ids, rewrite links, take the text, mark callouts, then write HTML.

pub mod callouts;
mod headings;
pub use headings::legacy_ids;
mod links;
pub mod sanitize;

use crate::config::RawHtml;
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

pub use links::{is_external, relative_url, resolve_relative, Address, LinkTarget, LinkTargets};

/// A heading of the document, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// Set with `{#id}` rather than made from the text.
    pub explicit: bool,
    pub id: String,
    pub text: String,
}

/// A link from this document to a page (or an anchor of this page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    /// Content path of the target page (`hr/kako.md`); this document's own for `#anchor` links.
    pub target: String,
    /// Percent-decoded, as the heading ids it is checked against.
    pub anchor: Option<String>,
    pub position: Position,
    /// The URL written into the page, fragment included.
    pub href: String,
}

/// What rendering one document gives.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<PageLink>,
    /// Text content, words separated by single spaces, for search and word counts.
    pub plain_text: String,
    /// Where each heading of `headings` is in `plain_text`: byte range of its
    /// text (empty for a heading without text), for search's sections.
    pub heading_spans: Vec<std::ops::Range<usize>>,
    pub word_count: usize,
    pub problems: Vec<Diagnostic>,
}

impl Rendered {
    pub fn anchor_ids(&self) -> BTreeSet<&str> {
        self.headings.iter().map(|h| h.id.as_str()).collect()
    }
}

/// Everything rendering needs to know about the document and the site.
pub struct RenderContext<'a> {
    pub path: &'a Path,
    /// The whole file (positions are reported in file coordinates).
    pub source: &'a str,
    pub body_offset: usize,
    /// The document's content path (`pt/guide.md`), against which links resolve.
    pub content_path: &'a str,
    /// The output folder of the page (`pt/guide/`), against which URLs are made relative.
    pub page_url: &'a str,
    pub targets: &'a LinkTargets,
    /// Appended to directory URLs (`index.html` or empty).
    pub index: &'a str,
    /// The path of `base_url` (`/` or `/handbook/`), which links written as
    /// site paths may start with.
    pub base_path: &'a str,
    pub raw_html: RawHtml,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        // Only GitHub's alerts (`> [!NOTE]`) as of pulldown-cmark 0.13.
        | Options::ENABLE_GFM
}

pub fn render(ctx: &RenderContext) -> Rendered {
    let body = &ctx.source[ctx.body_offset..];
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    // Lines are counted only when an internal link needs its position.
    let line_index = std::cell::LazyCell::new(|| LineIndex::new(ctx.source));
    let position =
        |range: &Range<usize>| line_index.position(ctx.source, ctx.body_offset + range.start);

    let headings = headings::assign_ids(&mut events);
    let has_raw_html = sanitize::has_raw_html(&events);
    let sanitize =
        (has_raw_html || sanitize::has_script_url(&events)) && ctx.raw_html == RawHtml::Sanitize;
    if has_raw_html && ctx.raw_html == RawHtml::Escape {
        sanitize::escape_events(&mut events);
    }
    let mut problems = Vec::new();
    let links = links::rewrite(&mut events, ctx, &position, &mut problems);
    let PlainText {
        text: plain_text,
        words: word_count,
        heading_spans,
        ..
    } = plain_text(&events);
    callouts::mark(&mut events);
    let html = write_html(events, sanitize, body.len());
    Rendered {
        html,
        headings,
        links,
        plain_text,
        heading_spans,
        word_count,
        problems,
    }
}

/// HTML of the events, cleaned by ammonia when they carry raw HTML or
/// script URLs and `site.toml` asks for it.
fn write_html(events: Vec<(Event, Range<usize>)>, sanitize: bool, size_hint: usize) -> String {
    let mut html = String::with_capacity(size_hint * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    if sanitize {
        html = sanitize::clean(&html);
    }
    html
}

/// Points the `index`th link of `rendered` at the heading `id` of its page,
/// in its HTML too.
pub fn retarget_link(rendered: &mut Rendered, index: usize, id: &str) {
    let Some(link) = rendered.links.get_mut(index) else {
        return;
    };
    let page = link
        .href
        .split_once('#')
        .map_or(link.href.as_str(), |(p, _)| p);
    let href = format!("{page}#{id}");
    let attribute = |url: &str| {
        let mut written = String::from("href=\"");
        // Writing to a String cannot fail.
        let _ = pulldown_cmark_escape::escape_href(&mut written, url);
        written.push('"');
        written
    };
    rendered.html = rendered
        .html
        .replace(&attribute(&link.href), &attribute(&href));
    link.href = href;
    link.anchor = Some(id.to_string());
}

/// The ids the build gives the headings of `markdown`, each with the ASCII
/// id earlier versions gave it (which links may still use).
pub fn heading_ids(markdown: &str) -> Vec<(String, Option<String>)> {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let headings = headings::assign_ids(&mut events);
    let legacy = headings::legacy_ids(&headings);
    headings
        .into_iter()
        .zip(legacy)
        .map(|(h, legacy)| {
            let legacy = (legacy != h.id).then_some(legacy);
            (h.id, legacy)
        })
        .collect()
}

/// Renders Markdown that has no links to check (a section introduction, say).
/// Its callouts' titles are still to fill ([`callouts::fill_titles`]).
pub fn render_simple(text: &str) -> String {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    callouts::mark(&mut events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    html
}

/// The page's words, for search and reading time: each run of whitespace,
/// and each break between blocks, is one space.
/// The text inside an inline `<script>` or `<style>` is no reader's: the
/// sanitizer removes it and a browser never shows it, so search never holds it.
fn plain_text(events: &[(Event, Range<usize>)]) -> PlainText {
    let mut text = PlainText::default();
    let mut hidden_until: Option<&str> = None;
    for (event, _) in events {
        match event {
            Event::InlineHtml(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if let Some(end) = hidden_until {
                    if tag.contains(end) {
                        hidden_until = None;
                    }
                } else if tag.starts_with("<script") && !tag.contains("</script") {
                    hidden_until = Some("</script");
                } else if tag.starts_with("<style") && !tag.contains("</style") {
                    hidden_until = Some("</style");
                }
            }
            Event::Text(_) | Event::Code(_) if hidden_until.is_some() => {}
            Event::Text(t) | Event::Code(t) => text.push(t),
            Event::SoftBreak | Event::HardBreak => text.gap = true,
            Event::End(TagEnd::Heading(_)) => {
                text.gap = true;
                if let Some(span) = text.heading_spans.last_mut() {
                    span.end = text.text.len().max(span.start);
                }
            }
            Event::End(end) if is_block_end(end) => text.gap = true,
            Event::Start(Tag::Item) => text.gap = true,
            Event::Start(Tag::Heading { .. }) => {
                text.gap = true;
                let at = text.text.len() + usize::from(!text.text.is_empty());
                text.heading_spans.push(at..at);
            }
            _ => {}
        }
    }
    text
}

/// Text built piece by piece with its whitespace already collapsed, so
/// neither word counting nor search snippets need another pass over it.
#[derive(Default)]
struct PlainText {
    text: String,
    /// Words as `str::split_whitespace` counts them in `text`.
    words: usize,
    /// Whitespace was seen since the last word.
    gap: bool,
    heading_spans: Vec<Range<usize>>,
}

impl PlainText {
    fn push(&mut self, piece: &str) {
        self.gap |= piece.starts_with(char::is_whitespace);
        let mut words = piece.split_whitespace();
        if let Some(first) = words.next() {
            // Without a gap the first word goes on the last one (text split
            // at an entity or inline markup): no new word.
            if self.text.is_empty() || self.gap {
                self.start_word();
            }
            self.text.push_str(first);
            for word in words {
                self.start_word();
                self.text.push_str(word);
            }
            self.gap = false;
        }
        self.gap |= piece.ends_with(char::is_whitespace);
    }

    fn start_word(&mut self) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.words += 1;
    }
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
    )
}

/// Reading time in whole minutes, at least one.
pub fn reading_minutes(word_count: usize, words_per_minute: usize) -> usize {
    word_count.div_ceil(words_per_minute.max(1)).max(1)
}

#[cfg(test)]
mod tests;
