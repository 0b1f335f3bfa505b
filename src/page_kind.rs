//! The kinds of page a site has, and what each owns: the template it is
//! rendered with, whether the sitemap lists it, and the address it reserves
//! at a language's root. A bottom-layer type, so that content (which must
//! keep articles off the reserved addresses) and render agree on one list.
//!
//! Adding a page kind: a variant here (with its template, sitemap and
//! reserved address in the `match`es below), a `Page` variant and a builder
//! in `render/pages/`, and the template in the theme. `docs/architecture.md`
//! has the whole recipe.

use serde::Serialize;

/// What a page is. Templates see it as `page.kind` (`"article"`,
/// `"not-found"`…), and through the flags of [`PageKind::chrome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// The site root: picks a language.
    Chooser,
    NotFound,
    /// A language's home.
    Home,
    /// A language's list of topics.
    Topics,
    Search,
    /// Every article of a language on one page.
    Print,
    /// The editors' lists of a language (`check --review`): not for readers
    /// or search engines.
    Review,
    Topic,
    /// A section folder's page (`<lang>/<section>/`): its introduction, its
    /// subsections and its articles; also the further pages of a language
    /// home's articles outside sections (`<lang>/page/2/`).
    Section,
    Article,
}

/// The folder of a list's further pages: `<lang>/<section>/page/2/`. No
/// section folder may take it (it gets a suffix, as reserved names do).
pub const PAGINATION_FOLDER: &str = "page";

/// What of the site's frame a page shows, for the templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Chrome {
    /// Language switcher and footer (the chooser is all switcher).
    pub site_nav: bool,
    /// The header's search box (the search page has its own).
    pub header_search: bool,
    /// `<title>` is the site's title alone.
    pub site_title_only: bool,
    /// Search engines must not index it (`<meta name="robots" content="noindex">`).
    pub noindex: bool,
}

impl PageKind {
    pub const ALL: [PageKind; 10] = [
        PageKind::Chooser,
        PageKind::NotFound,
        PageKind::Home,
        PageKind::Topics,
        PageKind::Search,
        PageKind::Print,
        PageKind::Review,
        PageKind::Topic,
        PageKind::Section,
        PageKind::Article,
    ];

    /// The theme template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Chooser => "chooser.html",
            PageKind::NotFound => "404.html",
            PageKind::Home => "home.html",
            PageKind::Topics => "topics.html",
            PageKind::Search => "search.html",
            PageKind::Print => "print.html",
            PageKind::Review => "review.html",
            PageKind::Topic => "topic.html",
            PageKind::Section => "section.html",
            PageKind::Article => "article.html",
        }
    }

    /// Whether `sitemap.xml` lists its pages: the ones a search engine
    /// should index (not the chooser, which redirects, nor pages that only
    /// repeat others or answer queries).
    pub fn in_sitemap(self) -> bool {
        matches!(
            self,
            PageKind::Home | PageKind::Topic | PageKind::Section | PageKind::Article
        )
    }

    /// The folder it takes at a language's root (`<lang>/search/`), which
    /// no article may take.
    pub fn reserved_slug(self) -> Option<&'static str> {
        match self {
            PageKind::Topics => Some("topics"),
            PageKind::Search => Some("search"),
            PageKind::Print => Some("print"),
            PageKind::Review => Some("review"),
            _ => None,
        }
    }

    /// Every reserved slug, in [`PageKind::ALL`] order.
    pub fn reserved_slugs() -> impl Iterator<Item = &'static str> {
        PageKind::ALL
            .into_iter()
            .filter_map(PageKind::reserved_slug)
    }

    pub fn chrome(self) -> Chrome {
        Chrome {
            site_nav: self != PageKind::Chooser,
            header_search: self != PageKind::Search,
            site_title_only: self == PageKind::Chooser,
            noindex: self == PageKind::Review,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PageKind;

    #[test]
    fn kinds_serialize_as_the_templates_know_them() {
        let names: Vec<String> = PageKind::ALL
            .iter()
            .map(|k| serde_json::to_string(k).unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "\"chooser\"",
                "\"not-found\"",
                "\"home\"",
                "\"topics\"",
                "\"search\"",
                "\"print\"",
                "\"review\"",
                "\"topic\"",
                "\"section\"",
                "\"article\""
            ]
        );
    }

    #[test]
    fn every_kind_has_its_own_template() {
        let mut templates: Vec<&str> = PageKind::ALL.iter().map(|k| k.template()).collect();
        templates.sort();
        templates.dedup();
        assert_eq!(templates.len(), PageKind::ALL.len());
    }

    #[test]
    fn reserved_slugs() {
        assert_eq!(
            PageKind::reserved_slugs().collect::<Vec<_>>(),
            ["topics", "search", "print", "review"]
        );
    }
}
