//! Page addresses: any file name builds. A page's address in its folder is its
//! front matter's `slug`, else its file name with common symbols spelled out
//! (`c++` → `c-plus-plus`) and slugified. A name that gives no address, that
//! is reserved at a language's root (`print`) or that another page of the
//! folder asks for too gets a suffix from its content path, stable whatever
//! the order files are read in, and a warning.

use super::front_matter::{self, Value};
use super::Document;
use crate::diagnostics::{Diagnostic, Position};
use crate::page_kind::{PageKind, PAGINATION_FOLDER};
use crate::text::slug::slugify;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The address a file name asks for: `c++` → `c-plus-plus`, `Café` → `cafe`,
/// `!` → `` (none).
pub fn from_file_name(stem: &str) -> String {
    let mut spelled = String::with_capacity(stem.len() + 8);
    let mut after_alphanumeric = false;
    for c in stem.chars() {
        let word = match c {
            '+' => Some("plus"),
            '#' if after_alphanumeric => Some("sharp"),
            '&' => Some("and"),
            '%' => Some("percent"),
            '@' => Some("at"),
            _ => None,
        };
        match word {
            Some(word) => {
                spelled.push(' ');
                spelled.push_str(word);
                spelled.push(' ');
            }
            None => spelled.push(c),
        }
        after_alphanumeric = c.is_alphanumeric() || word.is_some();
    }
    slugify(&spelled)
}

/// Whether `slug` is one as the build makes them: lowercase ASCII letters,
/// digits, `_`, single dashes between them.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty() && slugify(slug) == slug
}

/// Whether `slug` is an address the site's own pages take at this place
/// (`print` at a language's root; anywhere inside a section is free).
pub fn is_reserved(section: &str, slug: &str) -> bool {
    section.is_empty() && PageKind::reserved_slugs().any(|reserved| reserved == slug)
}

/// A short suffix that only the content path decides: `3f2a9c`.
pub fn path_suffix(rel_path: &str) -> String {
    let digest = Sha256::digest(rel_path.as_bytes());
    digest[..3].iter().map(|b| format!("{b:02x}")).collect()
}

/// The address of a section folder named `name` (`rel_folder`: its path
/// under `content/`, `pt/guides`): like a file name's, and, when that gives
/// none or would take a page of the language's own (`print` right under
/// `pt/`), a suffix of its path. The second value says why it has a suffix.
pub fn folder_slug(
    name: &str,
    at_language_root: bool,
    rel_folder: &str,
) -> (String, Option<FolderProblem>) {
    let slug = from_file_name(name);
    if slug.is_empty() {
        return (path_suffix(rel_folder), Some(FolderProblem::NoAddress));
    }
    if (at_language_root && is_reserved("", &slug)) || slug == PAGINATION_FOLDER {
        let given = format!("{slug}-{}", path_suffix(rel_folder));
        return (given, Some(FolderProblem::Reserved));
    }
    (slug, None)
}

/// Why a folder's address is not its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderProblem {
    NoAddress,
    Reserved,
}

/// One warning per section folder whose pages got an address other than its
/// name, among the folders of `page_paths` (content paths of `.md` files).
pub fn folder_warnings<'a>(
    content_dir: &std::path::Path,
    page_paths: impl IntoIterator<Item = &'a str>,
) -> Vec<Diagnostic> {
    let mut folders = std::collections::BTreeSet::new();
    for path in page_paths {
        let parts: Vec<&str> = path.split('/').collect();
        for end in 2..parts.len() {
            folders.insert(parts[..end].join("/"));
        }
    }
    let mut problems = Vec::new();
    for rel_folder in folders {
        let (parent, name) = rel_folder.rsplit_once('/').unwrap_or(("", &rel_folder));
        let (slug, problem) = folder_slug(name, !parent.contains('/'), &rel_folder);
        let Some(problem) = problem else { continue };
        let (what, hint) = match problem {
            FolderProblem::NoAddress => (
                format!("the folder name `{name}` has no letters or digits to make an address of"),
                "rename the folder with letters or digits",
            ),
            FolderProblem::Reserved if from_file_name(name) == PAGINATION_FOLDER => (
                format!("the folder `{name}` would take the address of a list's further pages (`{PAGINATION_FOLDER}/2/`)"),
                "rename the folder",
            ),
            FolderProblem::Reserved => (
                format!("the folder `{name}` would take the address of the language's own {slug_name} page", slug_name = from_file_name(name)),
                "rename the folder, or move it inside another section folder",
            ),
        };
        problems.push(
            Diagnostic::warning(
                content_dir.join(&rel_folder),
                format!("{what}; its pages are under /{parent}/{slug}/"),
            )
            .hint(hint),
        );
    }
    problems
}

/// The file name without its folder and `.md`.
fn stem(rel_path: &str) -> &str {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// What a document asks for, and whether its front matter says so.
fn wanted(doc: &Document) -> (String, bool) {
    match &doc.front.slug {
        Some(slug) => (slug.clone(), true),
        None => (from_file_name(stem(&doc.rel_path)), false),
    }
}

/// Sets every document's address ([`Document::slug`]) from what all the
/// documents ask for; returns the warnings (and errors) about the ones that
/// did not get it.
pub fn assign<'a>(documents: impl IntoIterator<Item = &'a mut Document>) -> Vec<Diagnostic> {
    let mut documents: Vec<&mut Document> = documents.into_iter().collect();
    let mut claims: BTreeMap<(String, String, String), Vec<(bool, usize)>> = BTreeMap::new();
    for (i, doc) in documents.iter().enumerate() {
        let (slug, explicit) = wanted(doc);
        let key = (doc.lang.clone(), doc.section.clone(), slug);
        claims.entry(key).or_default().push((explicit, i));
    }
    let mut problems = Vec::new();
    for ((_, section, slug), mut claimants) in claims {
        // First claim: explicit slugs, then a file named exactly so, then path order.
        claimants.sort_by_key(|&(explicit, i)| {
            let doc = &documents[i];
            (!explicit, stem(&doc.rel_path) != slug, doc.rel_path.clone())
        });
        let free = !slug.is_empty() && !is_reserved(&section, &slug);
        let (first_explicit, first) = claimants[0];
        for (n, &(explicit, i)) in claimants.iter().enumerate() {
            if free && n == 0 {
                documents[i].slug = slug.clone();
                continue;
            }
            let doc = &documents[i];
            let suffix = path_suffix(&doc.rel_path);
            let given = if slug.is_empty() {
                suffix
            } else {
                format!("{slug}-{suffix}")
            };
            let other = &documents[first];
            let problem = if !free {
                unusable(doc, &slug, &given)
            } else if explicit && first_explicit {
                same_explicit_slug(doc, other, &slug)
            } else {
                collision(doc, other, &slug, &given)
            };
            problems.push(problem);
            documents[i].slug = given;
        }
    }
    problems
}

/// The address folder of `doc` given `slug`: `/pt/guide/print/`.
fn address(doc: &Document, slug: &str) -> String {
    let mut url = format!("/{}/", doc.lang);
    if !doc.section.is_empty() {
        url.push_str(&doc.section);
        url.push('/');
    }
    format!("{url}{slug}/")
}

fn unusable(doc: &Document, slug: &str, given: &str) -> Diagnostic {
    let why = if slug.is_empty() {
        format!(
            "the file name `{}` has no letters or digits for an address",
            stem(&doc.rel_path)
        )
    } else {
        format!(
            "the address {} is the language's own {slug} page",
            address(doc, slug)
        )
    };
    Diagnostic::warning(
        &doc.path,
        format!("{why}; this page is at {}", address(doc, given)),
    )
    .at(Position::new(1, 1))
    .hint("choose its address with slug = \"…\" in its front matter, or rename the file")
}

fn collision(doc: &Document, other: &Document, slug: &str, given: &str) -> Diagnostic {
    Diagnostic::warning(
        &doc.path,
        format!(
            "this page and {} both ask for {}; this page is at {}",
            other.path.display(),
            address(doc, slug),
            address(doc, given)
        ),
    )
    .at(Position::new(1, 1))
    .hint("give one of them slug = \"…\" in its front matter, or rename one of the files")
}

fn same_explicit_slug(doc: &Document, other: &Document, slug: &str) -> Diagnostic {
    Diagnostic::error(
        &doc.path,
        format!(
            "this page and {} both have slug = \"{slug}\"",
            other.path.display()
        ),
    )
    .at(slug_position(doc))
    .hint("give each page of a folder its own slug")
}

/// Where the front matter's `slug` value is.
pub fn slug_position(doc: &Document) -> Position {
    front_matter::split(&doc.path, &doc.source)
        .map(|s| front_matter::value_position(&doc.source, &s, Value::Slug))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn file_names_spell_out_common_symbols() {
        assert_eq!(from_file_name("c++"), "c-plus-plus");
        assert_eq!(from_file_name("c#"), "c-sharp");
        assert_eq!(from_file_name("Q&A"), "q-and-a");
        assert_eq!(from_file_name("50%"), "50-percent");
        assert_eq!(from_file_name("Café"), "cafe");
        assert_eq!(from_file_name("first-day"), "first-day");
        assert_eq!(from_file_name("#1"), "1");
        assert_eq!(from_file_name("!"), "");
        assert_eq!(from_file_name("["), "");
    }

    #[test]
    fn valid_slugs_are_what_slugify_makes() {
        assert!(is_valid("c-plus-plus"));
        assert!(is_valid("2024"));
        assert!(!is_valid(""));
        assert!(!is_valid("C++"));
        assert!(!is_valid("a--b"));
        assert!(!is_valid("-a"));
        assert!(!is_valid("café"));
    }

    #[test]
    fn names_are_reserved_only_at_a_language_root() {
        assert!(is_reserved("", "print"));
        assert!(is_reserved("", "search"));
        assert!(!is_reserved("guide", "print"));
        assert!(!is_reserved("", "printing"));
    }

    #[test]
    fn suffixes_depend_on_the_path_alone() {
        assert_eq!(path_suffix("pt/!.md"), path_suffix("pt/!.md"));
        assert_ne!(path_suffix("pt/!.md"), path_suffix("pt/[.md"));
        assert_eq!(path_suffix("pt/!.md").len(), 6);
    }

    fn doc(rel_path: &str, slug: Option<&str>) -> Document {
        let (lang, rest) = rel_path.split_once('/').unwrap();
        let section = rest.rsplit_once('/').map_or("", |(s, _)| s);
        let front = front_matter::FrontMatter {
            slug: slug.map(str::to_string),
            ..Default::default()
        };
        Document {
            path: PathBuf::from("content").join(rel_path),
            rel_path: rel_path.to_string(),
            lang: lang.to_string(),
            section: section.to_string(),
            slug: String::new(),
            front,
            aliases: Vec::new(),
            source: String::new(),
            body_offset: 0,
        }
    }

    /// The addresses given to `files`, whatever order they come in; and the
    /// number of problems.
    fn addresses(files: &[(&str, Option<&str>)]) -> (Vec<String>, usize) {
        let mut results = Vec::new();
        for reversed in [false, true] {
            let mut docs: Vec<Document> = files.iter().map(|(p, s)| doc(p, *s)).collect();
            if reversed {
                docs.reverse();
            }
            let problems = assign(docs.iter_mut());
            docs.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
            let urls: Vec<String> = docs.iter().map(Document::url_path).collect();
            results.push((urls, problems.len()));
        }
        assert_eq!(results[0], results[1], "the order of files matters");
        results.remove(0)
    }

    #[test]
    fn plain_names_keep_their_address() {
        let (urls, problems) = addresses(&[("pt/a.md", None), ("pt/guia/b.md", None)]);
        assert_eq!(urls, ["pt/a/", "pt/guia/b/"]);
        assert_eq!(problems, 0);
    }

    #[test]
    fn the_exact_name_keeps_the_address_and_the_other_gets_a_suffix() {
        let (urls, problems) = addresses(&[("pt/Café.md", None), ("pt/cafe.md", None)]);
        let suffix = path_suffix("pt/Café.md");
        assert_eq!(urls, [format!("pt/cafe-{suffix}/"), "pt/cafe/".to_string()]);
        assert_eq!(problems, 1);
    }

    #[test]
    fn empty_and_reserved_names_get_a_suffix() {
        let (urls, problems) = addresses(&[
            ("pt/!.md", None),
            ("pt/print.md", None),
            ("pt/guia/print.md", None),
        ]);
        let bang = path_suffix("pt/!.md");
        let print = path_suffix("pt/print.md");
        assert_eq!(
            urls,
            [
                format!("pt/{bang}/"),
                "pt/guia/print/".to_string(),
                format!("pt/print-{print}/"),
            ]
        );
        assert_eq!(problems, 2);
    }

    #[test]
    fn an_explicit_slug_wins_and_two_equal_ones_are_an_error() {
        let (urls, problems) = addresses(&[("pt/a.md", Some("b")), ("pt/b.md", None)]);
        let suffix = path_suffix("pt/b.md");
        assert_eq!(urls, ["pt/b/".to_string(), format!("pt/b-{suffix}/")]);
        assert_eq!(problems, 1);
        let mut docs = [doc("pt/a.md", Some("x")), doc("pt/b.md", Some("x"))];
        let problems = assign(docs.iter_mut());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].is_error(), "{problems:?}");
        assert!(problems[0].message.contains("content/pt/a.md"));
    }
}
