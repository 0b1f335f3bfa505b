//! A language's review page (`<lang>/review/`): the lists of `polybook check
//! --review` for that language, linked, for editors previewing in `serve`.

use super::{Page, PageJob, SiteData};
use crate::graph::ArticleId;
use crate::i18n::long_date;
use crate::page_kind::PageKind;
use crate::render::context::*;
use crate::review::{self, PageRef};

impl SiteData<'_> {
    /// Another language's newer version of `id`, for a notice on `from`.
    pub(super) fn newer_version(&self, id: ArticleId, from: &str) -> Option<NewerVersion> {
        let (newer, changed) = review::newer_version(self.articles, self.graph, id)?;
        Some(self.newer_notice(id, newer, changed, from))
    }

    /// The notice on `id`'s page (or a review list at `from`) that `newer`
    /// changed after it, on `changed`.
    fn newer_notice(
        &self,
        id: ArticleId,
        newer: ArticleId,
        changed: chrono::NaiveDate,
        from: &str,
    ) -> NewerVersion {
        let lang = &self.articles[id].document.lang;
        let other = &self.articles[newer].document;
        NewerVersion {
            lang: other.lang.clone(),
            language: self.config.language_name(&other.lang),
            url: self.url(from, &other.url_path()),
            date_text: long_date(lang, changed),
        }
    }

    fn review_item(&self, page: &PageRef, lang: &str, from: &str) -> ReviewItem {
        let front = &self.articles[page.id].document.front;
        ReviewItem {
            title: page.title.clone(),
            url: self.url(from, &page.url),
            lang: page.lang.clone(),
            path: page.path.clone(),
            reviewed_text: front
                .reviewed
                .map(|d| long_date(lang, d))
                .unwrap_or_default(),
            due_text: String::new(),
            every: String::new(),
            newer_version: None,
        }
    }

    pub(super) fn review(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Review(lang));
        let as_of = crate::calendar::today();
        let report = review::language_report(self.config, self.articles, self.graph, lang, as_of);
        let more = ReviewMore {
            overdue: report.overdue.len().saturating_sub(REVIEW_LIST_LIMIT),
            no_owner: report.no_owner.len().saturating_sub(REVIEW_LIST_LIMIT),
            missing: report.missing.len().saturating_sub(REVIEW_LIST_LIMIT),
            stale: report.stale.len().saturating_sub(REVIEW_LIST_LIMIT),
        };
        let overdue = by_owner(report.overdue.iter().take(REVIEW_LIST_LIMIT).map(|o| {
            let mut item = self.review_item(&o.page, lang, &from);
            item.due_text = o.due.map(|d| long_date(lang, d)).unwrap_or_default();
            item.every = o.every.clone();
            (o.page.owner.clone(), item)
        }));
        let stale = by_owner(report.stale.iter().take(REVIEW_LIST_LIMIT).map(|s| {
            let mut item = self.review_item(&s.page, lang, &from);
            // The report found it already: no need to look again.
            item.newer_version =
                Some(self.newer_notice(s.page.id, s.newer.id, s.newer_changed, &from));
            (s.page.owner.clone(), item)
        }));
        let context = ReviewContext {
            as_of_text: long_date(lang, as_of),
            tracks_reviews: self.config.review_every.is_some()
                || self
                    .articles
                    .iter()
                    .any(|a| a.document.front.review_every.is_some()),
            overdue,
            no_owner: report
                .no_owner
                .iter()
                .take(REVIEW_LIST_LIMIT)
                .map(|p| self.review_item(p, lang, &from))
                .collect(),
            missing: report
                .missing
                .iter()
                .take(REVIEW_LIST_LIMIT)
                .map(|m| MissingGroup {
                    group: m.group.clone(),
                    versions: m
                        .versions
                        .iter()
                        .map(|v| self.review_item(v, lang, &from))
                        .collect(),
                })
                .collect(),
            stale,
            more,
        };
        let page = self.page(
            PageKind::Review,
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.versions(Page::Review(lang)),
        );
        let mut extra = tera::Context::new();
        extra.insert("review", &context);
        self.page_job(&from, page, Some(extra))
    }
}

/// Items grouped by owner, in the order the owners first come (the lists
/// are sorted by owner already); no owner is an empty name.
fn by_owner(items: impl Iterator<Item = (Option<String>, ReviewItem)>) -> Vec<OwnerGroup> {
    let mut groups: Vec<OwnerGroup> = Vec::new();
    for (owner, item) in items {
        let owner = owner.unwrap_or_default();
        match groups.last_mut() {
            Some(group) if group.owner == owner => group.items.push(item),
            _ => groups.push(OwnerGroup {
                owner,
                items: vec![item],
            }),
        }
    }
    groups
}
