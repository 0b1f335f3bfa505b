//! Typed template contexts: what each Tera template of a theme can rely on.
//!
//! Every page template receives `site` and `page`; each page kind adds one
//! more value (`home`, `article`, `topic`, `chooser`, `print`). All URLs in
//! here are already relative to the page being rendered, except `canonical`
//! and `Alternate::href_abs`, which are absolute (built from `base_url`).

use crate::page_kind::{Chrome, PageKind};
use serde::Serialize;

/// Facts about the whole site, the same on every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    pub default_language: String,
    /// Every configured language, ordered by weight then code.
    pub languages: Vec<LanguageLink>,
}

/// A language as offered in choosers and switchers.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// As `site.toml` writes it (`pt-br`): folders, `data-lang`.
    pub code: String,
    /// Its canonical BCP 47 tag (`pt-BR`), for `lang` and `hreflang`: data,
    /// not the `lang_tag` filter, which a Tera call per link makes dear.
    pub tag: String,
    /// The language's own name ("Hrvatski").
    pub name: String,
    /// Relative URL of the target: the translation when there is one, else the language home.
    pub url: String,
    /// True for the page's own language.
    pub current: bool,
    /// True when `url` is a translation of this page rather than a home fallback.
    pub is_translation: bool,
    /// On an article with no version in this language: that it is not
    /// translated, in this language ("nije prevedeno"); else empty.
    pub untranslated_note: String,
    /// Published articles in this language.
    pub article_count: usize,
    /// `"rtl"` or `"ltr"` when the language is written the other way from
    /// the page, else empty: `{% if l.dir %} dir="{{ l.dir }}"{% endif %}`.
    pub dir: &'static str,
}

/// `hreflang` alternate of a page (including the page itself).
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    pub href_abs: String,
}

/// Facts about the page being rendered, common to every page kind.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    pub kind: PageKind,
    /// What of the site's frame the page shows.
    pub chrome: Chrome,
    pub lang: String,
    /// `lang`'s canonical BCP 47 tag (`pt-BR` for `pt-br`), for `<html lang>`.
    pub lang_tag: String,
    /// `"rtl"` or `"ltr"`, for `<html dir>`.
    pub dir: &'static str,
    pub lang_name: String,
    /// Document title for `<title>` (without the site title).
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// Relative prefix from this page to the site root ("../../", or "" at the root).
    pub root: String,
    /// Appended to every directory link ("index.html" or ""), so file:// works.
    pub index: String,
    pub stylesheet: String,
    pub script: String,
    pub alternates: Vec<Alternate>,
    /// The language switcher: every language, to the translation or else its home.
    pub languages: Vec<LanguageLink>,
    pub home_url: String,
    pub search_url: String,
    pub print_url: String,
    pub feed_url: String,
    pub topics_url: String,
    /// URL of the search index manifest script, relative; empty until search is built.
    pub search_index_url: String,
    /// URL of the search engine script, relative; empty until search is built.
    pub search_engine_url: String,
    /// URL of the offline-reading service worker, at the site's root (its
    /// scope); empty when the site turns offline reading off.
    pub offline_worker: String,
}

/// A topic as a tag on an article or in a list.
#[derive(Debug, Clone, Serialize)]
pub struct TopicLink {
    pub id: String,
    /// The label in the page's language (falls back along the language chain).
    pub label: String,
    pub url: String,
    /// Articles carrying the topic, all languages together (on lists of topics).
    pub article_count: usize,
}

/// An article as a card or list entry.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard {
    pub title: String,
    pub description: String,
    pub url: String,
    /// The article's language as a canonical BCP 47 tag (`pt-BR`), for its
    /// `lang` and `hreflang`.
    pub lang: String,
    pub lang_name: String,
    /// True when the article is in another language than the page.
    pub foreign: bool,
    pub reading_minutes: usize,
    pub topics: Vec<TopicLink>,
    /// For related articles: how many topics are shared with the current one.
    pub shared_topics: usize,
    /// `"rtl"` or `"ltr"` when the article is written the other way from
    /// the page, else empty.
    pub dir: &'static str,
}

/// Articles of one language, for "guidance in other languages" groups.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageGroup {
    pub code: String,
    pub name: String,
    /// The first `other_languages_limit` of them.
    pub articles: Vec<ArticleCard>,
    /// How many there are in all.
    pub total: usize,
    /// Where all of them are listed (that language's home or topic page).
    pub more_url: String,
    /// `"rtl"` or `"ltr"` when the language is written the other way from
    /// the page, else empty.
    pub dir: &'static str,
}

/// A section of a language home (the unnamed root section has `title == ""`).
#[derive(Debug, Clone, Serialize)]
pub struct SectionGroup {
    pub title: String,
    pub description: String,
    pub intro_html: String,
    /// Its first `section_preview_limit` articles on a home (a home's
    /// articles outside sections: one page of them).
    pub articles: Vec<ArticleCard>,
    /// The section's page; empty for the articles outside sections.
    pub url: String,
    /// Its articles in all, its subsections' included.
    pub total: usize,
}

/// A section folder's page, or a further page of a home's articles.
#[derive(Debug, Clone, Serialize)]
pub struct SectionContext {
    /// The sections it is in, outermost first, after the language's home.
    pub parents: Vec<Link>,
    /// `_index.md`'s body, rendered (on the first page only).
    pub intro_html: String,
    /// The section's folders, with their article counts (first page only).
    pub subsections: Vec<SubsectionLink>,
    /// This page's share of the section's own articles.
    pub articles: Vec<ArticleCard>,
    /// The section's own articles in all.
    pub article_count: usize,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubsectionLink {
    pub title: String,
    pub description: String,
    pub url: String,
    /// Its articles, its own subsections' included.
    pub article_count: usize,
}

/// Where a page is among the pages of one list. Templates show nothing when
/// `count` is 1.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// This page's number, from 1.
    pub number: usize,
    pub count: usize,
    /// Empty on the first page.
    pub previous_url: String,
    /// Empty on the last page.
    pub next_url: String,
    /// The pages a numbered navigation shows: the first, the last, and the
    /// current one's neighbours.
    pub pages: Vec<PageNumber>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Numbers are left out before it (shown as "…").
    pub gap_before: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeContext {
    /// Body of `content/<lang>/_index.md`, rendered.
    pub intro_html: String,
    pub article_count: usize,
    /// The articles outside sections (untitled, first), then each section.
    pub sections: Vec<SectionGroup>,
    /// The pages of the articles outside sections.
    pub pagination: Pagination,
    pub other_languages: Vec<LanguageGroup>,
    pub topics: Vec<TopicLink>,
    /// "Save for offline reading", unless the site turns offline reading off.
    pub offline: Option<OfflineSave>,
}

/// What a language home's "Save for offline reading" stores.
#[derive(Debug, Clone, Serialize)]
pub struct OfflineSave {
    /// The language's list of files (`<lang>/offline.json`), relative.
    pub list_url: String,
    /// Its pages (every page of the language).
    pub page_count: usize,
    /// The theme's `offline.js`, relative; empty when the theme has none.
    pub script_url: String,
}

/// An article's review line ("Reviewed on … by …", "Edit this page").
#[derive(Debug, Clone, Serialize)]
pub struct ReviewLine {
    /// When the page was last reviewed, as the language writes dates, or empty.
    pub reviewed_text: String,
    /// Who keeps it current (plain text), or empty.
    pub owner: String,
    /// "Edit this page": `edit_url` followed by the page's source path, or empty.
    pub edit_url: String,
}

/// Another language's version of a page that changed after it.
#[derive(Debug, Clone, Serialize)]
pub struct NewerVersion {
    pub lang: String,
    /// The language's own name ("Hrvatski").
    pub language: String,
    pub url: String,
    /// When it changed, as the page's language writes dates.
    pub date_text: String,
}

/// A language's review page: the lists of `polybook check --review`.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewContext {
    /// The day the lists are for, written out.
    pub as_of_text: String,
    /// Whether a review interval applies to any page (`[review] every` or `review_every`).
    pub tracks_reviews: bool,
    pub overdue: Vec<OwnerGroup>,
    pub no_owner: Vec<ReviewItem>,
    pub missing: Vec<MissingGroup>,
    pub stale: Vec<OwnerGroup>,
    /// How many items each list leaves out (the page shows the first
    /// [`REVIEW_LIST_LIMIT`]; `check --review` has them all).
    pub more: ReviewMore,
}

/// Items a review list leaves out, by list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReviewMore {
    pub overdue: usize,
    pub no_owner: usize,
    pub missing: usize,
    pub stale: usize,
}

/// The most items a review page shows in one list: a page that lists every
/// page of a big handbook helps nobody, and weighs megabytes.
pub const REVIEW_LIST_LIMIT: usize = 100;

/// Items of one owner (`owner` empty: no owner).
#[derive(Debug, Clone, Serialize)]
pub struct OwnerGroup {
    pub owner: String,
    pub items: Vec<ReviewItem>,
}

/// A page in a review list.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub title: String,
    pub url: String,
    pub lang: String,
    /// Its file under `content/`.
    pub path: String,
    pub reviewed_text: String,
    /// When its review was due; empty when it was never reviewed.
    pub due_text: String,
    pub every: String,
    pub newer_version: Option<NewerVersion>,
}

/// A translation group with no version in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct MissingGroup {
    pub group: String,
    pub versions: Vec<ReviewItem>,
}

/// A table-of-contents entry; `level` is the heading level (2..=6).
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Rendered Markdown body; output with `| safe`.
    pub html: std::borrow::Cow<'a, str>,
    pub toc: Vec<TocEntry>,
    pub reading_minutes: usize,
    pub word_count: usize,
    /// ISO date (YYYY-MM-DD) of `updated`, else `date`, or empty.
    pub date: String,
    /// The same date as the page's language writes it.
    pub date_text: String,
    /// Who reviewed it when, and where to edit it; absent when none of
    /// these is known.
    pub review: Option<ReviewLine>,
    /// The version in another language that changed after this one.
    pub newer_version: Option<NewerVersion>,
    /// HTML, output with `| safe`: for every other language, in configured
    /// order, the hidden notice its readers are shown ([`crate::render::notices`]):
    /// that the article is not translated into it (with its articles on the
    /// same topics), or where its version is.
    pub reader_notices: String,
    pub section_title: String,
    /// The section's page; empty outside sections.
    pub section_url: String,
    pub topics: Vec<TopicLink>,
    /// Other languages this article is available in (not including itself).
    pub translations: Vec<LanguageLink>,
    pub related: Vec<ArticleCard>,
    pub backlinks: Vec<ArticleCard>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicContext {
    pub id: String,
    pub label: String,
    pub definition: String,
    /// The topic's label in every other language, for readers who know it by another name.
    pub other_labels: Vec<LabelInLanguage>,
    /// Articles in the page's language: this page's share of them.
    pub here: Vec<ArticleCard>,
    /// The articles in the page's language in all.
    pub here_count: usize,
    pub pagination: Pagination,
    /// Articles in other languages, grouped by language.
    pub elsewhere: Vec<LanguageGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LabelInLanguage {
    pub lang: String,
    pub lang_name: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicsIndexContext {
    pub topics: Vec<TopicLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PrintArticle {
    pub title: String,
    pub description: String,
    pub html: String,
    /// Anchor of the article on the print page.
    pub anchor: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PrintContext {
    /// The articles printed on this page (none on the index of parts).
    pub articles: Vec<PrintArticle>,
    /// On a language's print page when its articles are more than
    /// `print_chunk`: the parts they are printed in, in listing order.
    /// Empty when the page prints every article itself.
    pub parts: Vec<PrintPartLink>,
    /// On a part: which one it is, and the way to the others.
    pub part: Option<PrintPartNav>,
}

/// One print page of a language printed in parts: a section, a piece of a
/// long one, or the articles outside sections. Templates name it with
/// `title` (`""` for the articles outside sections: `print-loose-title`),
/// then, when `of > 1`, `print-part-numbered` with `number` and `of`.
#[derive(Debug, Clone, Serialize)]
pub struct PrintPartLink {
    /// The section's title; empty for the articles outside sections.
    pub title: String,
    /// Which piece of its section, from 1.
    pub number: usize,
    /// How many pieces its section is printed in.
    pub of: usize,
    pub article_count: usize,
    pub url: String,
}

/// Where a part stands among the others.
#[derive(Debug, Clone, Serialize)]
pub struct PrintPartNav {
    /// This part (its `url` leads to itself).
    pub current: PrintPartLink,
    /// The language's print page, which lists every part.
    pub index_url: String,
    pub previous: Option<PrintPartLink>,
    pub next: Option<PrintPartLink>,
}
