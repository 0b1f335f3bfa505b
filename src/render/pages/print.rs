//! A language's print page: every article, one after another.

use super::{Page, PageJob, SiteData};
use crate::page_kind::PageKind;
use crate::render::context::*;

impl SiteData<'_> {
    pub fn print(&self, lang: &str) -> PageJob {
        let from = self.address(Page::Print(lang));
        let ids = self.graph.by_lang.get(lang).cloned().unwrap_or_default();
        let articles = ids
            .iter()
            .map(|&id| {
                let doc = &self.articles[id].document;
                PrintArticle {
                    title: doc.front.title.clone(),
                    description: doc.front.description.clone(),
                    html: crate::render::print::print_html(
                        &self.articles[id].rendered.html,
                        &doc.slug,
                        &doc.url_path(),
                        &from,
                    ),
                    anchor: doc.slug.clone(),
                    url: self.url(&from, &doc.url_path()),
                }
            })
            .collect();
        let page = self.page(
            PageKind::Print,
            lang,
            self.config.title_in(lang),
            "",
            &from,
            &self.versions(Page::Print(lang)),
        );
        let mut extra = tera::Context::new();
        extra.insert("print", &PrintContext { articles });
        self.page_job(&from, page, Some(extra))
    }
}
