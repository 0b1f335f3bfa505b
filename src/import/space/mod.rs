//! A wiki space's export (Confluence space HTML, Notion Markdown & CSV) as
//! a polybook site: the page tree becomes sections, links between pages and
//! to attachments are rewritten to the new files, callouts become GitHub
//! alerts and the old addresses stay as aliases. The readers (`confluence`,
//! `notion`) turn the export into a [`Space`]; [`plan`] turns it into files.
//! Nothing here writes.

pub mod confluence;
mod csv;
pub mod notion;
mod plan;
#[cfg(test)]
mod tests;

use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

pub use plan::{plan, Plan};

/// What a wiki space holds, whatever the vendor.
#[derive(Debug, Default)]
pub struct Space {
    /// For messages and `source`: "Confluence", "Notion".
    pub vendor: &'static str,
    pub root: PathBuf,
    /// In the export's order: a parent before its children.
    pub pages: Vec<SpacePage>,
    pub problems: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Default)]
pub struct SpacePage {
    /// Its path in the export, `/`-separated: what links name.
    pub key: String,
    pub file: PathBuf,
    pub title: String,
    /// The key of the page it is a child of.
    pub parent: Option<String>,
    /// Markdown whose links name export paths relative to the page's folder.
    pub body: String,
    /// An old address, kept as an alias when the build accepts it.
    pub old_address: Option<String>,
    /// Topic ids of content/topics.toml.
    pub topics: Vec<String>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// `[extra]`: snake_case key, text value.
    pub extra: Vec<(String, String)>,
}

/// The folder part of an export path (`a/b.md` → `a`).
pub fn folder_of(key: &str) -> &str {
    key.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// A link destination as the export path it names, if relative.
pub fn export_path(from_key: &str, dest: &str) -> Option<String> {
    let first = dest.split('/').next().unwrap_or(dest);
    // `mailto:`, `tel:`, `https:`: a scheme comes before the first `/`.
    if first.contains(':') || dest.starts_with(['/', '#']) {
        return None;
    }
    let path = dest.split(['#', '?']).next()?;
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    crate::import::site::links::join(folder_of(from_key), &decoded)
}

/// Lines of Markdown as a GitHub alert of kind `marker` (`[!NOTE]`).
pub fn alert(marker: &str, markdown: &str) -> String {
    let mut out = format!("> {marker}\n");
    for line in markdown.trim().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str(&format!("> {line}\n"));
        }
    }
    out
}
