//! A help center's export (Zendesk Guide, Freshdesk solutions) as a
//! polybook site: each article with its translations is one translation
//! group, categories and sections become section folders, labels that name
//! topics become topics, links between articles become links between the
//! pages, and the old article addresses stay as aliases. The readers
//! (`zendesk`, `freshdesk`) turn the saved API responses into an
//! [`Export`]; [`plan`] turns it into files. Nothing here writes.

mod body;
pub mod freshdesk;
mod plan;
#[cfg(test)]
mod tests;
pub mod zendesk;

use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

pub use plan::{plan, topic_of, Plan};

/// What a help center holds, whatever the vendor.
#[derive(Debug, Default)]
pub struct Export {
    /// For messages and `source`: "Zendesk", "Freshdesk".
    pub vendor: &'static str,
    /// Categories, then sections (whose parent is a category).
    pub groups: Vec<Group>,
    pub articles: Vec<Article>,
    /// Problems met reading the files.
    pub problems: Vec<Diagnostic>,
}

/// A category or section: a folder of the site.
#[derive(Debug, Clone)]
pub struct Group {
    /// `c12` for a category, `s34` for a section: ids of the two kinds may clash.
    pub key: String,
    pub parent: Option<String>,
    /// Its name in each locale it has one in; the first is the source's.
    pub names: Vec<(String, String)>,
    pub position: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: u64,
    /// The key of its group (section or folder).
    pub group: Option<String>,
    /// The file it was read from, for messages.
    pub file: PathBuf,
    pub labels: Vec<String>,
    pub position: Option<i64>,
    /// The source language's first.
    pub translations: Vec<Translation>,
}

#[derive(Debug, Clone)]
pub struct Translation {
    pub locale: String,
    pub title: String,
    /// HTML.
    pub body: String,
    pub draft: bool,
    pub outdated: bool,
    /// Paths it was published at (`/hc/pt-br/articles/123-x`).
    pub addresses: Vec<String>,
}

/// The article a help center link names: `…/hc/pt-br/articles/123-x`,
/// `/hc/articles/123`, `…/support/solutions/articles/123-x`.
pub fn linked_article(dest: &str) -> Option<u64> {
    let path = dest.split(['#', '?']).next()?;
    if !(path.contains("/hc/") || path.contains("/solutions/")) {
        return None;
    }
    let (_, after) = path.rsplit_once("/articles/")?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty()
        || !(after.len() == digits.len() || after[digits.len()..].starts_with(['-', '/']))
    {
        return None;
    }
    digits.parse().ok()
}

/// A URL's path, percent-decoded (aliases hold letters as they are).
pub fn path_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = if url.contains("://") {
        &rest[rest.find('/')?..]
    } else {
        rest
    };
    let path = path.split(['#', '?']).next()?;
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    (decoded.len() > 1).then(|| decoded.into_owned())
}
