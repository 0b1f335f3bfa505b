//! A language's print pages. Up to `print_chunk` articles: one page with
//! every article, one after another. More: that page lists the parts they are
//! printed in instead, one per section (the articles outside sections are a
//! part of their own), a section longer than `print_chunk` articles, or than
//! [`PART_BYTES`] of HTML, cut into numbered pieces, so that no page grows
//! with the size of the site.

use super::{Page, PageJob, SiteData, Versions};
use crate::graph::ArticleId;
use crate::page_kind::PageKind;
use crate::render::context::*;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// At most about this many bytes of article HTML on one part (but always at
/// least one article): with the frame and the contents, a part stays under
/// 2 MB however long its articles are.
pub const PART_BYTES: usize = 1_500_000;

/// Where the articles outside sections are printed, when a language is
/// printed in parts: `<lang>/print/general/` (or `general-2/`… should a
/// section already take it).
const LOOSE_FOLDER: &str = "general";

/// What the print pages of one language share: the plan, each article's
/// anchor, and where each printed article is (its folder → its anchor and
/// the page it is printed on).
pub struct PrintLanguage {
    plan: PrintPlan,
    anchors: HashMap<ArticleId, String>,
    printed: HashMap<String, (String, String)>,
}

/// [`PrintLanguage`]s, made on first use: every part of a language needs all
/// of its language's, and at 10,000 pages a language has dozens of parts.
#[derive(Default)]
pub struct PrintMemo {
    languages: Mutex<HashMap<String, Arc<PrintLanguage>>>,
}

/// How a language's articles are printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintPlan {
    /// On the language's print page itself.
    Single(Vec<ArticleId>),
    /// On parts, in listing order, which the language's print page lists.
    Parts(Vec<PrintPart>),
}

/// One print page of a language printed in parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintPart {
    /// The section's folder (`guide`, `guide/basics`); empty for the articles
    /// outside sections.
    pub section: String,
    /// Which piece of its section, from 1.
    pub number: usize,
    /// How many pieces its section is printed in.
    pub of: usize,
    /// In listing order.
    pub ids: Vec<ArticleId>,
    /// Its folder: `pt/print/guide/`, `pt/print/guide/2/`.
    pub address: String,
}

impl PrintPlan {
    /// Every print page of the language, the language's own first.
    pub fn pages<'a>(&self, lang: &'a str) -> Vec<Page<'a>> {
        let parts = match self {
            PrintPlan::Single(_) => 0,
            PrintPlan::Parts(parts) => parts.len(),
        };
        std::iter::once(Page::Print(lang))
            .chain((0..parts).map(|i| Page::PrintPart(lang, i)))
            .collect()
    }
}

impl SiteData<'_> {
    /// How the articles of `lang` are printed: the one definition of which
    /// part holds which article and where each part lives.
    pub fn print_plan(&self, lang: &str) -> PrintPlan {
        self.print_language(lang).plan.clone()
    }

    fn print_language(&self, lang: &str) -> Arc<PrintLanguage> {
        let memo = &self.print_memo.languages;
        if let Some(found) = memo.lock().ok().and_then(|m| m.get(lang).cloned()) {
            return found;
        }
        let plan = self.make_print_plan(lang);
        let anchors = self.print_anchors(lang);
        let print = self.address(Page::Print(lang));
        let mut printed = HashMap::new();
        let placed: Vec<(&[ArticleId], &str)> = match &plan {
            PrintPlan::Single(all) => vec![(all.as_slice(), print.as_str())],
            PrintPlan::Parts(parts) => parts
                .iter()
                .map(|p| (p.ids.as_slice(), p.address.as_str()))
                .collect(),
        };
        for (ids, page) in placed {
            for &id in ids {
                let folder = self.articles[id].document.url_path();
                printed.insert(folder, (anchors[&id].clone(), page.to_string()));
            }
        }
        let made = Arc::new(PrintLanguage {
            plan,
            anchors,
            printed,
        });
        if let Ok(mut memo) = memo.lock() {
            memo.insert(lang.to_string(), Arc::clone(&made));
        }
        made
    }

    fn make_print_plan(&self, lang: &str) -> PrintPlan {
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let chunk = self.config.print_chunk.max(1);
        if ids.len() <= chunk {
            return PrintPlan::Single(ids);
        }
        // Runs of one section, in listing order (which keeps a section's
        // articles together).
        let mut sections: Vec<(&str, Vec<ArticleId>)> = Vec::new();
        for &id in &ids {
            let section = self.articles[id].document.section.as_str();
            match sections.last_mut() {
                Some((s, run)) if *s == section => run.push(id),
                _ => sections.push((section, vec![id])),
            }
        }
        let print = self.address(Page::Print(lang));
        // Addresses under the print folder that are taken: by articles of a
        // section called `print`, then by the parts as they are placed.
        let mut taken: HashSet<String> = ids
            .iter()
            .map(|&id| self.articles[id].document.url_path())
            .filter(|path| path.starts_with(&print))
            .collect();
        let mut folders: HashMap<&str, String> = HashMap::new();
        // Sections first, so that they keep their own folder names; the
        // articles outside sections take the first free one of theirs.
        for (section, _) in sections.iter().filter(|(s, _)| !s.is_empty()) {
            let folder = free_folder(&print, section, &mut taken);
            folders.insert(section, folder);
        }
        if sections.iter().any(|(s, _)| s.is_empty()) {
            let folder = free_folder(&print, LOOSE_FOLDER, &mut taken);
            folders.insert("", folder);
        }
        let mut parts = Vec::new();
        for (section, run) in sections {
            let pieces = self.pieces(&run, chunk);
            let of = pieces.len();
            let folder = &folders[section];
            for (i, ids) in pieces.into_iter().enumerate() {
                let address = match i {
                    0 => folder.clone(),
                    _ => {
                        let numbered = format!("{folder}{}/", i + 1);
                        if taken.insert(numbered.clone()) {
                            numbered
                        } else {
                            free_folder(folder, &format!("{}", i + 1), &mut taken)
                        }
                    }
                };
                parts.push(PrintPart {
                    section: section.to_string(),
                    number: i + 1,
                    of,
                    ids,
                    address,
                });
            }
        }
        PrintPlan::Parts(parts)
    }

    /// `run` cut into pieces of at most `chunk` articles and about
    /// [`PART_BYTES`] of HTML, each of at least one article.
    fn pieces(&self, run: &[ArticleId], chunk: usize) -> Vec<Vec<ArticleId>> {
        let mut pieces: Vec<Vec<ArticleId>> = Vec::new();
        let mut bytes = 0;
        for &id in run {
            let article = &self.articles[id];
            let size = article.rendered.html.len()
                + article.document.front.title.len()
                + article.document.front.description.len();
            match pieces.last_mut() {
                Some(piece) if piece.len() < chunk && bytes + size <= PART_BYTES => {
                    piece.push(id);
                    bytes += size;
                }
                _ => {
                    pieces.push(vec![id]);
                    bytes = size;
                }
            }
        }
        pieces
    }

    /// The language's print page: every article, or the list of its parts.
    pub fn print(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Print(lang));
        let plan = self.print_plan(lang);
        let (articles, parts) = match &plan {
            PrintPlan::Single(ids) => (self.print_articles(lang, ids, &from), Vec::new()),
            PrintPlan::Parts(parts) => (
                Vec::new(),
                parts
                    .iter()
                    .map(|part| self.print_part_link(lang, part, &from))
                    .collect(),
            ),
        };
        let page = self.page(
            PageKind::Print,
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.versions(Page::Print(lang)),
        );
        let mut extra = tera::Context::new();
        extra.insert(
            "print",
            &PrintContext {
                articles,
                parts,
                part: None,
            },
        );
        self.page_job(&from, page, Some(extra))
    }

    /// Part `index` of the language's print pages.
    pub(super) fn print_part(&self, lang: &str, index: usize) -> PageJob {
        let plan = self.print_plan(lang);
        let PrintPlan::Parts(parts) = &plan else {
            unreachable!("a part exists only when the language is printed in parts")
        };
        let part = &parts[index];
        let from = part.address.as_str();
        let articles = self.print_articles(lang, &part.ids, from);
        let current = self.print_part_link(lang, part, from);
        let nav = PrintPartNav {
            index_url: self.url(from, &self.address(Page::Print(lang))),
            previous: index
                .checked_sub(1)
                .map(|i| self.print_part_link(lang, &parts[i], from)),
            next: parts
                .get(index + 1)
                .map(|p| self.print_part_link(lang, p, from)),
            current,
        };
        let page = self.page(
            PageKind::Print,
            lang,
            &nav.current.title,
            "",
            from,
            &Versions::new(),
        );
        let mut extra = tera::Context::new();
        extra.insert(
            "print",
            &PrintContext {
                articles,
                parts: Vec::new(),
                part: Some(nav),
            },
        );
        self.page_job(from, page, Some(extra))
    }

    fn print_part_link(&self, lang: &str, part: &PrintPart, from: &str) -> PrintPartLink {
        let title = if part.section.is_empty() {
            String::new()
        } else {
            self.content
                .sections
                .iter()
                .find(|s| s.lang == lang && s.section == part.section)
                .map(|s| s.front.title.clone())
                .unwrap_or_else(|| part.section.clone())
        };
        PrintPartLink {
            title,
            number: part.number,
            of: part.of,
            article_count: part.ids.len(),
            url: self.url(from, &part.address),
        }
    }

    /// The articles `ids` as printed on the page at `from`, their links to
    /// articles printed too led to where those are printed.
    fn print_articles(&self, lang: &str, ids: &[ArticleId], from: &str) -> Vec<PrintArticle> {
        let memo = self.print_language(lang);
        let anchors = &memo.anchors;
        let printed = &memo.printed;
        let lead = |folder: &str, fragment: &str| {
            let (anchor, page) = printed.get(folder)?;
            let mut url = if page == from {
                String::new()
            } else {
                self.url(from, page)
            };
            url.push('#');
            url.push_str(anchor);
            if !fragment.is_empty() {
                url.push_str("--");
                url.push_str(fragment);
            }
            Some(url)
        };
        ids.iter()
            .map(|&id| {
                let doc = &self.articles[id].document;
                let anchor = &anchors[&id];
                PrintArticle {
                    title: doc.front.title.clone(),
                    description: doc.front.description.clone(),
                    html: crate::render::print::print_html(
                        &self
                            .callout_labels
                            .fill(&doc.lang, &self.articles[id].rendered.html),
                        anchor,
                        &doc.url_path(),
                        from,
                        &lead,
                    ),
                    anchor: anchor.clone(),
                    url: self.url(from, &doc.url_path()),
                }
            })
            .collect()
    }

    /// Each article's anchor on the print pages of `lang`: its slug, or, when
    /// articles of several sections share the slug, its section and slug
    /// (`guide-intro`); should that be taken too, with `-2`, `-3`…
    fn print_anchors(&self, lang: &str) -> HashMap<ArticleId, String> {
        let ids = self.graph.by_lang.get(lang).map_or(&[][..], Vec::as_slice);
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for &id in ids {
            *uses
                .entry(self.articles[id].document.slug.as_str())
                .or_default() += 1;
        }
        let mut taken: HashSet<String> = HashSet::with_capacity(ids.len());
        ids.iter()
            .map(|&id| {
                let doc = &self.articles[id].document;
                let wanted = if uses[doc.slug.as_str()] > 1 && !doc.section.is_empty() {
                    format!("{}-{}", doc.section.replace('/', "-"), doc.slug)
                } else {
                    doc.slug.clone()
                };
                let mut anchor = wanted.clone();
                let mut n = 1;
                while !taken.insert(anchor.clone()) {
                    n += 1;
                    anchor = format!("{wanted}-{n}");
                }
                (id, anchor)
            })
            .collect()
    }

    /// The print pages that show the articles `ids`: the language's print
    /// page, or the parts that hold them. For `serve`, after their bodies changed.
    pub fn print_pages_showing<'a>(&self, lang: &'a str, ids: &[ArticleId]) -> Vec<Page<'a>> {
        match self.print_plan(lang) {
            PrintPlan::Single(_) => vec![Page::Print(lang)],
            PrintPlan::Parts(parts) => parts
                .iter()
                .enumerate()
                .filter(|(_, part)| part.ids.iter().any(|id| ids.contains(id)))
                .map(|(i, _)| Page::PrintPart(lang, i))
                .collect(),
        }
    }
}

/// `<print><name>/`, or with `-2`, `-3`… the first that is not `taken`; taken then.
fn free_folder(print: &str, name: &str, taken: &mut HashSet<String>) -> String {
    let mut folder = format!("{print}{name}/");
    let mut n = 1;
    while !taken.insert(folder.clone()) {
        n += 1;
        folder = format!("{print}{name}-{n}/");
    }
    folder
}
