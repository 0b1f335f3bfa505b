//! Pages with little of their own: the chooser at the root, the 404 page and
//! the search page.

use super::{Page, PageJob, SiteData, Versions};
use crate::page_kind::PageKind;

impl SiteData<'_> {
    pub(super) fn chooser(&self) -> PageJob {
        let lang = &self.config.default_language;
        let versions = self.versions(Page::Chooser);
        let page = self.page(
            PageKind::Chooser,
            lang,
            self.config.title_in(lang),
            self.config.description_in(lang),
            "",
            &versions,
        );
        self.page_job("", page, None)
    }

    pub(super) fn not_found(&self) -> PageJob {
        let lang = &self.config.default_language;
        let page = self.page(
            PageKind::NotFound,
            lang,
            "404",
            "",
            "404.html",
            &Versions::new(),
        );
        self.page_job("404.html", page, None)
    }
    pub(super) fn search(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Search(lang));
        let page = self.page(
            PageKind::Search,
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.versions(Page::Search(lang)),
        );
        self.page_job(&from, page, None)
    }
}
