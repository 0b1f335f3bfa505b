//! A page's old addresses (front matter `aliases`), where the build writes a
//! redirect to the page (`render::redirects`). Validated once, here, into
//! [`Alias`]: every later stage can write one as a file path or put it in a
//! server's configuration without checking it again.

use super::front_matter::{self, Split, Value};
use super::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::page_kind::PageKind;
use std::collections::btree_map::{BTreeMap, Entry};
use std::path::Path;

/// An old address of a page: a path from the output folder's root, without
/// a leading `/`. Either a folder, ending in `/` (`pt/old-page/`, whose
/// redirect is `pt/old-page/index.html`), or a file ending in `.html`
/// (`pt/old.html`). `…/index.html` is its folder. Never empty, and made only
/// of segments of letters, digits and `- . _ ~ + , = @ !` (never `.` or `..`
/// alone), so it stays inside the output folder and needs no quoting.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Alias(String);

impl Alias {
    /// Reads an alias as written (`/pt/old-page`, `pt/old.html`): a leading
    /// `/` is optional, a folder's trailing `/` too. The error says what is
    /// wrong and how to write it.
    pub fn parse(text: &str) -> Result<Alias, (String, &'static str)> {
        let bad = |what: &str, hint| Err((format!("the alias `{text}` {what}"), hint));
        let path = text.strip_prefix('/').unwrap_or(text);
        if text.contains("://") || text.starts_with("//") || text.contains(':') {
            return bad(
                "is an address with a scheme or host, not a path of this site",
                "keep only the path from the site's root: aliases = [\"/pt/old-page/\"]",
            );
        }
        if text.contains(['?', '#']) {
            return bad(
                "has a query or a fragment",
                "a redirect is for a path only: remove what starts at ? or #",
            );
        }
        if text.contains('\\') {
            return bad("has a backslash", "separate folders with /");
        }
        let segments: Vec<&str> = path.strip_suffix('/').unwrap_or(path).split('/').collect();
        if segments.iter().any(|s| *s == "." || *s == "..") {
            return bad(
                "has a `.` or `..` segment",
                "write the whole path from the site's root, without . or ..",
            );
        }
        if !path.is_empty() && segments.iter().any(|s| s.is_empty()) {
            return bad("has an empty segment (`//`)", "remove the extra /");
        }
        let allowed = |c: char| c.is_alphanumeric() || "-._~+,=@!/".contains(c);
        if let Some(c) = path.chars().find(|&c| !allowed(c)) {
            return Err((
                format!("the alias `{text}` has a character a redirect cannot hold: {c:?}"),
                "use letters, digits and - . _ ~ + , = @ ! between the /; write other \
                 letters as they are, not %-encoded",
            ));
        }
        let normal = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder.to_string(),
            _ if path.ends_with(".html") || path.ends_with('/') => path.to_string(),
            _ => format!("{path}/"),
        };
        match normal.as_str() {
            "" | "/" => bad(
                "is the site's root",
                "an alias is an old address of this page, like \"/pt/old-page/\"",
            ),
            "404.html" => bad(
                "is the site's 404 page",
                "an alias is an old address of this page, like \"/pt/old-page/\"",
            ),
            _ => Ok(Alias(normal)),
        }
    }

    /// `pt/old-page/` or `pt/old.html`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file the redirect is written to: `pt/old-page/index.html`, `pt/old.html`.
    pub fn output_file(&self) -> String {
        if self.0.ends_with('/') {
            format!("{}index.html", self.0)
        } else {
            self.0.clone()
        }
    }

    /// The folder the redirect page is in, as page addresses are written:
    /// `pt/old-page/`, or `pt/` for `pt/old.html`.
    pub fn folder(&self) -> &str {
        match self.0.rfind('/') {
            Some(i) => &self.0[..=i],
            None => "",
        }
    }
}

/// The aliases of a page whose front matter lists `written`: each validated,
/// and none at an address the site's own pages take in `languages` (a
/// language's home, `pt/search/`, …). The first problem is the error.
pub(super) fn parse_all(
    path: &Path,
    written: &[String],
    languages: &[&str],
    (source, split): (&str, &Split),
) -> Result<Vec<Alias>, Diagnostic> {
    let mut aliases: Vec<Alias> = Vec::with_capacity(written.len());
    for text in written {
        let error = |message: String, hint: &str| {
            Diagnostic::error(path, message)
                .at(front_matter::value_position(
                    source,
                    split,
                    Value::Alias(text),
                ))
                .hint(hint.to_string())
        };
        let alias = Alias::parse(text).map_err(|(message, hint)| error(message, hint))?;
        let mut segments = alias.as_str().split('/');
        let (first, second) = (segments.next().unwrap_or(""), segments.next());
        if languages.contains(&first) {
            if second == Some("") {
                return Err(error(
                    format!("the alias `{text}` is the address of the language's home"),
                    "an alias is an old address of this page, like \"/pt/old-page/\"",
                ));
            }
            let reserved = PageKind::reserved_slugs().find(|r| second == Some(*r));
            if let Some(reserved) = reserved {
                return Err(error(
                    format!("the alias `{text}` is under /{first}/{reserved}/, where the site's own pages are"),
                    "choose an address outside the language's own folders",
                ));
            }
        }
        if aliases.contains(&alias) {
            return Err(error(
                format!("the alias `{text}` is listed twice"),
                "remove one of them",
            ));
        }
        aliases.push(alias);
    }
    Ok(aliases)
}

/// Two pages claiming one address: an alias that is another page's address
/// or another page's (or its own page's) alias. Reported at the alias.
pub(super) fn check_unique(documents: &[&Document], problems: &mut Diagnostics) {
    let pages: BTreeMap<String, &Document> = documents.iter().map(|d| (d.url_path(), *d)).collect();
    let mut claimed: BTreeMap<&Alias, &Document> = BTreeMap::new();
    for &doc in documents {
        for alias in &doc.aliases {
            let (other, what) = if let Some(page) = pages.get(alias.as_str()) {
                (*page, "the address of")
            } else {
                match claimed.entry(alias) {
                    Entry::Vacant(entry) => {
                        entry.insert(doc);
                        continue;
                    }
                    Entry::Occupied(entry) => (*entry.get(), "also an alias of"),
                }
            };
            let text = doc
                .front
                .aliases
                .iter()
                .find(|t| Alias::parse(t).as_ref() == Ok(alias))
                .map_or(alias.as_str(), String::as_str);
            let position = front_matter::split(&doc.path, &doc.source)
                .map(|s| front_matter::value_position(&doc.source, &s, Value::Alias(text)))
                .unwrap_or_default();
            let hint = if std::ptr::eq(other, doc) {
                "an alias of a page cannot be its own address: remove it"
            } else {
                "one address leads to one page: remove the alias from one of the two"
            };
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    format!("the alias `{text}` is {what} {}", other.path.display()),
                )
                .at(position)
                .hint(hint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_normalized_to_folders_or_html_files() {
        let ok = |text: &str| Alias::parse(text).map(|a| a.0).unwrap();
        assert_eq!(ok("/pt/old-page/"), "pt/old-page/");
        assert_eq!(ok("pt/guia/antigo"), "pt/guia/antigo/");
        assert_eq!(ok("/pt/old.html"), "pt/old.html");
        assert_eq!(ok("pt/old/index.html"), "pt/old/");
        assert_eq!(ok("/hr/kako-se-nositi/"), "hr/kako-se-nositi/");
        assert_eq!(ok("pt/café"), "pt/café/");
        let alias = Alias::parse("pt/a/b").unwrap();
        assert_eq!(
            (alias.output_file().as_str(), alias.folder()),
            ("pt/a/b/index.html", "pt/a/b/")
        );
        let alias = Alias::parse("old.html").unwrap();
        assert_eq!(
            (alias.output_file().as_str(), alias.folder()),
            ("old.html", "")
        );
    }

    #[test]
    fn what_is_not_a_path_of_the_site_is_refused_with_a_reason() {
        let reason = |text: &str| Alias::parse(text).unwrap_err().0;
        for (text, reason_has) in [
            ("https://example.com/pt/a/", "scheme or host"),
            ("//example.com/a/", "scheme or host"),
            ("mailto:a", "scheme or host"),
            ("pt/a/?x=1", "query or a fragment"),
            ("pt/a#x", "query or a fragment"),
            ("pt\\a", "backslash"),
            ("pt/../a/", "`.` or `..`"),
            ("../a", "`.` or `..`"),
            ("pt/./a", "`.` or `..`"),
            ("pt//a", "empty segment"),
            ("pt/a b/", "cannot hold: ' '"),
            ("pt/caf%C3%A9/", "cannot hold: '%'"),
            ("pt/a\";/", "cannot hold: '\"'"),
            ("pt/$x/", "cannot hold: '$'"),
            ("", "the site's root"),
            ("/", "the site's root"),
            ("/index.html", "the site's root"),
            ("404.html", "404 page"),
        ] {
            let got = reason(text);
            assert!(got.contains(reason_has), "{text}: {got}");
        }
        for text in ["pt/a/", "pt/a/../b"] {
            let escapes = Alias::parse(text)
                .ok()
                .filter(|a| crate::fs::join_inside(Path::new("out"), a.as_str()).is_none());
            assert!(escapes.is_none(), "{text} leaves the output folder");
        }
    }
}
