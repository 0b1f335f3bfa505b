//! Gives every heading a unique id, as the web makes them (`text::slug::web_id`),
//! and collects the table of contents. The ASCII ids earlier versions gave
//! (`legacy_ids`) are worked out only for a link that names none of a page's
//! ids, so links written with those still resolve at no cost to the others.

use super::Heading;
use crate::text::slug::{legacy_slug, web_id};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;

pub fn assign_ids(events: &mut [(Event, Range<usize>)]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
            i += 1;
            continue;
        };
        let level = level_number(*level);
        let explicit = id.as_ref().map(|s| s.to_string());
        let (text, end) = heading_text(events, i + 1);
        let explicit = explicit
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty());
        let is_explicit = explicit.is_some();
        let base = explicit.unwrap_or_else(|| web_id(&text));
        let unique = unique_id(&or_section(base), &mut used);
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
            *id = Some(CowStr::from(unique.clone()));
        }
        headings.push(Heading {
            level,
            id: unique,
            text: text.trim().to_string(),
            explicit: is_explicit,
        });
        i = end + 1;
    }
    headings
}

/// The ASCII ids earlier versions gave `headings` (of one page, in order):
/// folded, one dash between words, numbered when repeated.
pub fn legacy_ids(headings: &[Heading]) -> Vec<String> {
    let mut used = HashSet::new();
    headings
        .iter()
        .map(|h| {
            let base = legacy_slug(if h.explicit { &h.id } else { &h.text });
            unique_id(&or_section(base), &mut used)
        })
        .collect()
}

fn heading_text(events: &[(Event, Range<usize>)], from: usize) -> (String, usize) {
    let mut text = String::new();
    for (offset, (event, _)) in events[from..].iter().enumerate() {
        match event {
            Event::End(TagEnd::Heading(_)) => return (text, from + offset),
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    (text, events.len())
}

fn or_section(id: String) -> String {
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
