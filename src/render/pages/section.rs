//! Section pages and pagination. Every section folder of a language has a
//! page (`<lang>/<section>/`): its `_index.md` introduction, its subsections
//! with their counts, and its own articles, `paginate_by` to a page
//! (`<lang>/<section>/page/2/`…). A language home shows each top-level
//! section's first articles and links to its page; the home's articles
//! outside sections go on numbered pages the same way (`<lang>/page/2/`).
//! So no list page grows with the site.

use super::{home_path, Page, PageJob, SiteData};
use crate::content::SectionIndex;
use crate::graph::ArticleId;
use crate::page_kind::{PageKind, PAGINATION_FOLDER};
use crate::render::context::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// One section of a language, from its articles and its `_index.md`.
pub(super) struct SectionListing<'a> {
    /// Its folders under the language's (`guia/primeiros-passos`).
    pub path: &'a str,
    pub index: Option<&'a SectionIndex>,
    /// Its own articles, in listing order.
    pub own: Vec<ArticleId>,
    /// Its articles and its subsections', in listing order.
    pub all: Vec<ArticleId>,
}

/// Each language's sections, listed once per build: every section page and
/// every section's versions in other languages ask for them.
#[derive(Default)]
pub struct SectionMemo<'a> {
    languages: Mutex<HashMap<String, Arc<Vec<SectionListing<'a>>>>>,
}

impl SectionListing<'_> {
    fn weight(&self) -> i64 {
        self.index.map_or(0, |i| i.front.weight)
    }
}

/// `<lang>/<section>/` (the home for no section), or its page `number` (from 1).
pub fn section_path(lang: &str, section: &str, number: usize) -> String {
    let mut path = home_path(lang);
    if !section.is_empty() {
        path.push_str(section);
        path.push('/');
    }
    paginated(path, number)
}

/// A list's page `number` (from 1): the list's own address for the first.
pub fn paginated(first: String, number: usize) -> String {
    if number <= 1 {
        first
    } else {
        format!("{first}{PAGINATION_FOLDER}/{number}/")
    }
}

/// How many pages a list of `len` items takes: at least one, even empty.
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page.max(1)).max(1)
}

/// The items of page `number` (from 1).
pub fn page_of<T>(items: &[T], per_page: usize, number: usize) -> &[T] {
    let per_page = per_page.max(1);
    let start = (number.saturating_sub(1) * per_page).min(items.len());
    &items[start..(start + per_page).min(items.len())]
}

/// The page numbers a navigation shows: the first, the last, and two on
/// each side of the current one, so that a list of 80 pages takes a line.
fn page_window(number: usize, count: usize) -> Vec<usize> {
    (1..=count)
        .filter(|&n| n == 1 || n == count || n.abs_diff(number) <= 2)
        .collect()
}

fn parent_of(section: &str) -> &str {
    section.rsplit_once('/').map_or("", |(parent, _)| parent)
}

impl<'a> SiteData<'a> {
    /// Every section of `lang` (folders with articles, their parent folders,
    /// folders with only an `_index.md`), ordered by their `_index.md`
    /// weight, then folder. Not the language's root.
    pub(super) fn sections_of(&self, lang: &str) -> Arc<Vec<SectionListing<'a>>> {
        if let Some(listed) = self.section_memo.languages.lock().unwrap().get(lang) {
            return Arc::clone(listed);
        }
        // Listed without the lock held: two threads may list a language at
        // once, and both get the same.
        let listed = Arc::new(self.list_sections(lang));
        let mut memo = self.section_memo.languages.lock().unwrap();
        Arc::clone(memo.entry(lang.to_string()).or_insert(listed))
    }

    fn list_sections(&self, lang: &str) -> Vec<SectionListing<'a>> {
        let articles: &'a [crate::graph::Article] = self.articles;
        let mut by_path: BTreeMap<&'a str, SectionListing<'a>> = BTreeMap::new();
        let mut add = |path: &'a str| {
            let mut at = path;
            while !at.is_empty() {
                by_path.entry(at).or_insert_with(|| SectionListing {
                    path: at,
                    index: None,
                    own: Vec::new(),
                    all: Vec::new(),
                });
                at = parent_of(at);
            }
        };
        let ids = self.graph.by_lang.get(lang).map_or(&[][..], Vec::as_slice);
        for &id in ids {
            add(articles[id].document.section.as_str());
        }
        let content: &'a crate::content::Content = self.content;
        for index in content.sections.iter().filter(|s| s.lang == lang) {
            add(index.section.as_str());
        }
        for index in content.sections.iter().filter(|s| s.lang == lang) {
            if let Some(listing) = by_path.get_mut(index.section.as_str()) {
                listing.index = Some(index);
            }
        }
        for &id in ids {
            let section = articles[id].document.section.as_str();
            if let Some(listing) = by_path.get_mut(section) {
                listing.own.push(id);
            }
            let mut at = section;
            while !at.is_empty() {
                if let Some(listing) = by_path.get_mut(at) {
                    listing.all.push(id);
                }
                at = parent_of(at);
            }
        }
        let mut sections: Vec<SectionListing<'a>> = by_path.into_values().collect();
        sections.sort_by(|a, b| (a.weight(), a.path).cmp(&(b.weight(), b.path)));
        sections
    }

    /// The pages of `lang`'s sections, and of its home's articles after the first page.
    pub(super) fn section_pages(&self, lang: &'a str) -> Vec<Page<'a>> {
        let per_page = self.config.paginate_by;
        let mut pages: Vec<Page<'a>> = (2..=page_count(self.root_articles(lang).len(), per_page))
            .map(|n| Page::Section(lang, "", n))
            .collect();
        for section in self.sections_of(lang).iter() {
            let count = page_count(section.own.len(), per_page);
            pages.extend((1..=count).map(|n| Page::Section(lang, section.path, n)));
        }
        pages
    }

    /// `lang`'s articles outside sections, in listing order.
    pub(super) fn root_articles(&self, lang: &str) -> Vec<ArticleId> {
        let ids = self.graph.by_lang.get(lang).map_or(&[][..], Vec::as_slice);
        ids.iter()
            .copied()
            .filter(|&id| self.articles[id].document.section.is_empty())
            .collect()
    }

    /// A section's title: its `_index.md`'s, else its folder's name.
    pub(super) fn section_title(&self, section: &SectionListing) -> String {
        match section.index {
            Some(index) if !index.front.title.is_empty() => index.front.title.clone(),
            _ => section
                .path
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// Where page `number` of a list is among its `count` pages, the list's
    /// first page being at `first`, as seen from `from`.
    pub(super) fn pagination(
        &self,
        from: &str,
        first: &str,
        number: usize,
        count: usize,
    ) -> Pagination {
        let url = |n: usize| self.url(from, &paginated(first.to_string(), n));
        Pagination {
            number,
            count,
            previous_url: if number > 1 {
                url(number - 1)
            } else {
                String::new()
            },
            next_url: if number < count {
                url(number + 1)
            } else {
                String::new()
            },
            pages: page_window(number, count)
                .into_iter()
                .scan(0, |last, n| {
                    let gap_before = n > *last + 1 && *last > 0;
                    *last = n;
                    Some(PageNumber {
                        number: n,
                        url: url(n),
                        current: n == number,
                        gap_before,
                    })
                })
                .collect(),
        }
    }

    /// Page `number` of a section's page (of the home's articles outside
    /// sections when `section` is empty).
    pub(super) fn section(&self, lang: &str, section: &str, number: usize) -> PageJob {
        let from = self.address(Page::Section(lang, section, number));
        let per_page = self.config.paginate_by;
        let sections = self.sections_of(lang);
        let listing = sections.iter().find(|s| s.path == section);
        let own = match listing {
            Some(listing) => listing.own.clone(),
            None => self.root_articles(lang),
        };
        let mut parents = vec![Link {
            title: self.config.title_in(lang).to_string(),
            url: self.url(&from, &home_path(lang)),
        }];
        let mut at = parent_of(section);
        let mut outer = Vec::new();
        while !at.is_empty() {
            if let Some(parent) = sections.iter().find(|s| s.path == at) {
                outer.push(Link {
                    title: self.section_title(parent),
                    url: self.url(&from, &section_path(lang, at, 1)),
                });
            }
            at = parent_of(at);
        }
        parents.extend(outer.into_iter().rev());
        let first_page = number == 1;
        let subsections = sections
            .iter()
            .filter(|s| first_page && !section.is_empty() && parent_of(s.path) == section)
            .map(|s| SubsectionLink {
                title: self.section_title(s),
                description: s
                    .index
                    .map(|i| i.front.description.clone())
                    .unwrap_or_default(),
                url: self.url(&from, &section_path(lang, s.path, 1)),
                article_count: s.all.len(),
            })
            .collect();
        let context = SectionContext {
            parents,
            intro_html: match listing.and_then(|l| l.index) {
                Some(index) if first_page => self.intro_html(lang, index.body()),
                _ => String::new(),
            },
            subsections,
            articles: page_of(&own, per_page, number)
                .iter()
                .map(|&id| self.card(id, lang, &from, 0))
                .collect(),
            article_count: own.len(),
            pagination: self.pagination(
                &from,
                &section_path(lang, section, 1),
                number,
                page_count(own.len(), per_page),
            ),
        };
        let title = match listing {
            Some(listing) => self.section_title(listing),
            None => self.config.title_in(lang).to_string(),
        };
        let description = listing
            .and_then(|l| l.index)
            .map(|i| i.front.description.clone())
            .unwrap_or_default();
        let page = self.page(
            PageKind::Section,
            lang,
            &title,
            &description,
            &from,
            &self.versions(Page::Section(lang, section, number)),
        );
        let mut extra = tera::Context::new();
        extra.insert("section", &context);
        self.page_job(&from, page, Some(extra))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_a_list() {
        assert_eq!(page_count(0, 30), 1);
        assert_eq!(page_count(30, 30), 1);
        assert_eq!(page_count(31, 30), 2);
        let items: Vec<usize> = (0..7).collect();
        assert_eq!(page_of(&items, 3, 1), [0, 1, 2]);
        assert_eq!(page_of(&items, 3, 3), [6]);
        assert!(page_of(&items, 3, 4).is_empty());
    }

    #[test]
    fn a_navigation_shows_the_ends_and_the_neighbours() {
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 9), [1, 2, 3, 9]);
        assert_eq!(page_window(5, 9), [1, 3, 4, 5, 6, 7, 9]);
        assert_eq!(page_window(9, 9), [1, 7, 8, 9]);
    }

    #[test]
    fn addresses_of_a_lists_pages() {
        assert_eq!(section_path("pt", "", 1), "pt/");
        assert_eq!(section_path("pt", "", 2), "pt/page/2/");
        assert_eq!(section_path("pt", "guia/sub", 1), "pt/guia/sub/");
        assert_eq!(section_path("pt", "guia", 3), "pt/guia/page/3/");
        assert_eq!(parent_of("guia/sub"), "guia");
        assert_eq!(parent_of("guia"), "");
    }
}
