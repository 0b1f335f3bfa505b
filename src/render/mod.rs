//! Turns the content, its graph and the theme into the files of the site.

pub mod cached;
pub mod callouts;
pub mod context;
pub mod feeds;
pub mod notices;
pub mod pages;
pub mod print;
pub mod redirects;
pub mod theme;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files::{FileSink, OutputFile};
use crate::i18n::{Locales, TranslateFn};
use crate::page_kind::PageKind;
use cached::CachedPartials;
use pages::{PageJob, SiteData};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
pub use theme::Theme;

/// One Tera per language, each with `t()` bound to that language's fallback
/// chain and `cached()` to its own store of rendered partials.
pub struct Engines {
    by_lang: HashMap<String, Arc<tera::Tera>>,
    partials: Vec<CachedPartials>,
    locales: Arc<Locales>,
}

impl Engines {
    /// The catalogs the engines translate with.
    pub fn locales(&self) -> &Locales {
        &self.locales
    }

    /// Forgets the partials rendered for earlier pages. Called before each
    /// set of pages is rendered, since the content they show may have changed.
    pub fn clear_cached_partials(&self) {
        for partials in &self.partials {
            partials.clear();
        }
    }
}

pub fn engines(
    config: &SiteConfig,
    theme: &Theme,
    locales: Arc<Locales>,
) -> Result<Engines, Diagnostics> {
    let mut problems = Diagnostics::default();
    // The templates a theme must provide: one per page kind.
    for name in PageKind::ALL.map(PageKind::template) {
        if !theme.templates.0.contains_key(name) {
            problems.push(
                Diagnostic::error(
                    config.theme_dir().join("templates").join(name),
                    "the theme has no such template",
                )
                .hint("add it to the theme or to the site's templates/ folder"),
            );
        }
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    // Tera's default also escapes `/`, which makes every URL unreadable in the source.
    tera.set_escape_fn(feeds::escape);
    let sources: Vec<(&str, &str)> = theme
        .templates
        .0
        .iter()
        .map(|(name, (_, text))| (name.as_str(), text.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(sources) {
        let message = error_chain(&e);
        let path = theme
            .templates
            .0
            .iter()
            .find(|(name, _)| message.contains(&format!("'{name}'")))
            .map(|(_, (path, _))| path.clone())
            .unwrap_or_else(|| config.theme_dir().join("templates"));
        problems.push(
            Diagnostic::error(path, message).hint("fix the template syntax (Tera, like Jinja2)"),
        );
    }
    if problems.has_errors() {
        return Err(problems);
    }
    // `{{ code | dir_attr(than=other) | safe }}`: ` dir="rtl"` (or `ltr`) for an
    // element in a language written the other way from its surroundings, else
    // nothing, so left-to-right pages carry no extra bytes.
    tera.register_filter(
        "dir_attr",
        |value: &tera::Value, args: &std::collections::HashMap<String, tera::Value>| {
            let code = value.as_str().unwrap_or_default();
            let than = args
                .get("than")
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            Ok(tera::Value::from(
                match crate::i18n::dir_against(code, than) {
                    "" => String::new(),
                    dir => format!(" dir=\"{dir}\""),
                },
            ))
        },
    );
    // `lang="{{ code | lang_tag }}"`, `hreflang=…`: a configured language's
    // canonical tag (`pt-BR` for the folder `pt-br`), any other value as it is.
    let tags: std::collections::HashMap<String, String> = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.tag.canonical().to_string()))
        .collect();
    tera.register_filter(
        "lang_tag",
        move |value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
            let code = value.as_str().unwrap_or_default();
            Ok(tera::Value::from(
                tags.get(code).map_or(code, String::as_str),
            ))
        },
    );
    let mut partials = Vec::new();
    let by_lang = config
        .languages
        .iter()
        .map(|l| {
            let mut engine = tera.clone();
            engine.register_function(
                "t",
                TranslateFn::new(Arc::clone(&locales), &l.code, &config.default_language),
            );
            let (engine, cached) = cached::with_cached_partials(engine);
            partials.push(cached);
            (l.code.clone(), engine)
        })
        .collect();
    Ok(Engines {
        by_lang,
        partials,
        locales,
    })
}

/// Tera's errors nest the useful part (which variable, which line) in sources.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

/// Renders every page, feed and machine file into `sink`, in parallel: each
/// page's context is made, rendered and handed over in turn, so only the
/// pages in flight are in memory.
pub fn render_site_into(
    site: &SiteData,
    engines: &Engines,
    theme: &Theme,
    sink: &dyn FileSink,
) -> Result<(), Diagnostics> {
    engines.clear_cached_partials();
    let problems: Vec<Diagnostic> = site
        .pages()
        .into_par_iter()
        .filter_map(|key| {
            let page = render_page(&site.job(key), engines, site.config);
            page.and_then(|file| sink.put(file)).err()
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems.into());
    }
    for file in machine_files(site).into_iter().chain(theme.output_files()) {
        sink.put(file)?;
    }
    Ok(())
}

/// About the size of an article page of the default theme.
const PAGE_BYTES_HINT: usize = 64 * 1024;

pub fn render_page(
    job: &PageJob,
    engines: &Engines,
    config: &SiteConfig,
) -> Result<OutputFile, Diagnostic> {
    let engine = engines
        .by_lang
        .get(&job.lang)
        .expect("an engine exists for every configured language");
    // Rendered straight into the file's bytes: `Tera::render` would start
    // from 2 KB, grow to the page's size, then check the UTF-8 it just wrote.
    let mut bytes = Vec::with_capacity(PAGE_BYTES_HINT);
    engine
        .render_to(job.template, &job.context, &mut bytes)
        .map(|()| OutputFile {
            path: job.output_file(),
            bytes,
        })
        .map_err(|e| {
            let template = config.theme_dir().join("templates").join(job.template);
            Diagnostic::error(
                template,
                format!("rendering /{}: {}", job.url_path, error_chain(&e)),
            )
            .hint("a template uses a value or a t() key that does not exist")
        })
}

/// Sitemap, robots.txt and one Atom feed per language.
pub fn machine_files(site: &SiteData) -> Vec<OutputFile> {
    let config = site.config;
    let base = &config.base_url;
    // Every page of a kind the sitemap lists, with its versions in the
    // other languages, as the page's own `<link rel="alternate">`s have them.
    let mut entries: Vec<feeds::SitemapEntry> = site
        .pages()
        .into_iter()
        .filter(|page| page.kind().in_sitemap())
        .map(|page| feeds::SitemapEntry {
            url: format!("{base}{}", site.address(page)),
            lastmod: match page {
                pages::Page::Article(id) => site.articles[id].document.front.date,
                _ => None,
            },
            alternates: site
                .versions(page)
                .into_iter()
                .map(|(lang, path)| {
                    let hreflang = config.lang_attr(&lang).to_string();
                    (hreflang, format!("{base}{path}"))
                })
                .collect(),
        })
        .collect();
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    let mut files = vec![
        OutputFile {
            path: "sitemap.xml".into(),
            bytes: feeds::sitemap(&entries).into_bytes(),
        },
        OutputFile {
            path: "robots.txt".into(),
            bytes: feeds::robots(base).into_bytes(),
        },
    ];
    for lang in &config.languages {
        let mut ids = site
            .graph
            .by_lang
            .get(&lang.code)
            .cloned()
            .unwrap_or_default();
        ids.sort_by(|&a, &b| {
            let (da, db) = (&site.articles[a].document, &site.articles[b].document);
            db.front.date.cmp(&da.front.date).then(a.cmp(&b))
        });
        ids.truncate(config.feed_limit);
        let entries: Vec<feeds::FeedEntry> = ids
            .iter()
            .map(|&id| {
                let doc = &site.articles[id].document;
                feeds::FeedEntry {
                    title: doc.front.title.clone(),
                    url: format!("{base}{}", doc.url_path()),
                    summary: doc.front.description.clone(),
                    date: doc.front.date,
                }
            })
            .collect();
        let self_url = format!("{base}{}/atom.xml", lang.code);
        let home_url = format!("{base}{}", pages::home_path(&lang.code));
        let title = format!("{} ({})", config.title_in(&lang.code), lang.name);
        files.push(OutputFile {
            path: format!("{}/atom.xml", lang.code),
            bytes: feeds::atom(&feeds::Feed {
                title: &title,
                lang: lang.tag.canonical(),
                self_url: &self_url,
                home_url: &home_url,
                entries: &entries,
            })
            .into_bytes(),
        });
    }
    files
}
