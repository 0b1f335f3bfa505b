//! GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`,
//! `[!CAUTION]`) as callouts:
//!
//! ```html
//! <div class="callout callout-warning" role="note">
//! <p class="callout-title">Upozorenje</p>
//! <p>…</p>
//! </div>
//! ```
//!
//! A `<div role="note">` whose label is visible text, rather than an `<aside>`
//! or an `aria-label`: the title is read in document order by every screen
//! reader, in browse mode and when reading line by line, and is copied,
//! translated and printed with the text; an `aria-label` is read only where
//! the reader announces the container, and beside a visible title it would be
//! heard twice. An `<aside>` would be a complementary landmark, listed among
//! the page's regions once per callout (axe objects to one nested in `main`).
//!
//! The label comes from the UI catalogs, which this stage does not know: the
//! title holds the kind's catalog key ([`KEYS`]) until the render stage
//! puts the page language's label in its place ([`fill_titles`]). The key is
//! HTML, not text, so search's plain text never contains it or the label.

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// Each kind's key, in GitHub's order: `callout-warning` is both the class
/// after `callout` and the catalog message of the label.
pub const KEYS: [&str; 5] = [
    "callout-note",
    "callout-tip",
    "callout-important",
    "callout-warning",
    "callout-caution",
];

/// The opening of a callout's title; the key or the label follows, then `</p>`.
const TITLE_OPEN: &str = "<p class=\"callout-title\">";

fn key(quote: BlockQuoteKind) -> &'static str {
    KEYS[match quote {
        BlockQuoteKind::Note => 0,
        BlockQuoteKind::Tip => 1,
        BlockQuoteKind::Important => 2,
        BlockQuoteKind::Warning => 3,
        BlockQuoteKind::Caution => 4,
    }]
}

/// Turns the block quotes that are alerts into callouts with a title to fill.
/// Runs after raw HTML was escaped (these events are not the editor's HTML)
/// and after the plain text was taken.
pub fn mark(events: &mut [(Event, Range<usize>)]) {
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::BlockQuote(Some(quote))) => {
                let key = key(*quote);
                *event = Event::Html(CowStr::from(format!(
                    "<div class=\"callout {key}\" role=\"note\">\n{TITLE_OPEN}{key}</p>\n"
                )));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                *event = Event::Html(CowStr::Borrowed("</div>\n"));
            }
            _ => {}
        }
    }
}

/// `html` with each callout's title holding its label: `label(key)`, HTML
/// already escaped. Borrowed when the page has no callout.
pub fn fill_titles<'h, 'l>(html: &'h str, label: &dyn Fn(&'static str) -> &'l str) -> Cow<'h, str> {
    if !html.contains(TITLE_OPEN) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find(TITLE_OPEN) {
        let (before, after) = rest.split_at(start + TITLE_OPEN.len());
        out.push_str(before);
        rest = after;
        let filled = KEYS.iter().find(|key| {
            rest.strip_prefix(*key)
                .is_some_and(|tail| tail.starts_with("</p>"))
        });
        if let Some(key) = filled {
            out.push_str(label(key));
            rest = &rest[key.len()..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
