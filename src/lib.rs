//! polybook: a static site generator for multilingual, cross-linked, searchable handbooks.
//!
//! The pipeline, one module per stage: `config` → `content` → `markdown` →
//! `graph` → `review` (owners, due dates, translations behind) → `i18n` →
//! `search` → `render` → `output`, called in order here; `offline` records
//! every file the build writes and makes the service worker and each
//! language's list from them, last. The commands (`cmd`), `incremental` and
//! `serve` are built on these functions; the layers point one way, bottom to
//! top, as `tests/testsuite/architecture.rs` checks.

pub mod builtin;
pub mod calendar;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod files;
pub mod fs;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod incremental;
pub mod language_tag;
pub mod markdown;
pub mod offline;
pub mod output;
pub mod page_kind;
pub mod render;
pub mod review;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod shape;
pub mod starter;
pub mod text;
pub mod timings;

use config::SiteConfig;
use content::{Content, Document};
use diagnostics::{Diagnostic, Diagnostics};
use files::{FileSink, OutputFile};
use graph::{Article, Graph};
use markdown::{LinkTarget, LinkTargets, Rendered};
use rayon::prelude::*;
use search::source::SourceSynonym;
use search::source::{SourceDocument, SourceTopic};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a build is asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
}

/// A site built in memory: its files, and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct BuiltSite {
    pub files: Vec<OutputFile>,
    pub warnings: Diagnostics,
}

/// Reads and validates `site.toml`, applying command-line overrides.
pub fn load_config(options: &BuildOptions) -> Result<SiteConfig, Diagnostics> {
    config::load(&options.root, options.base_url.as_deref())
}

/// The content read, rendered and linked: what pages and the search index are
/// made from. `serve` keeps one up to date (`incremental`).
#[derive(Default)]
pub struct Analyzed {
    /// In listing order ([`content::listing_order`]): [`graph::ArticleId`]s index them.
    pub articles: Vec<Article>,
    pub content: Content,
    pub graph: Graph,
}

/// Reads, renders and links the content; pages that fail are reported and left out.
pub fn analyze(config: &SiteConfig, drafts: bool) -> (Analyzed, Diagnostics) {
    let (documents, content, mut problems) = timings::stage("content", || {
        content::load(config, &content::LoadOptions { drafts })
    });
    let mut articles = timings::stage("markdown", || {
        let targets = link_targets(&documents, &content, config);
        render_articles(config, &targets, documents)
    });
    for article in &articles {
        problems.extend(article.rendered.problems.iter().cloned());
    }
    graph::retarget_legacy_anchors(&mut articles);
    let (graph, graph_problems) = timings::stage("graph", || link(config, &articles));
    problems.extend(graph_problems);
    let analyzed = Analyzed {
        articles,
        content,
        graph,
    };
    (analyzed, problems)
}

/// Links the articles: translations, topics, related articles, backlinks.
pub fn link(config: &SiteConfig, articles: &[Article]) -> (Graph, Vec<Diagnostic>) {
    let language_order: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let options = graph::GraphOptions {
        language_order: &language_order,
        related_limit: config.related_limit,
        broken_anchors: config.broken_anchors,
    };
    graph::build(articles, &options)
}

/// What the search index of the analyzed site is built from.
pub fn search_sources<'a>(
    config: &SiteConfig,
    site: &'a Analyzed,
) -> (
    Vec<SourceDocument<'a>>,
    Vec<SourceTopic>,
    Vec<SourceSynonym>,
) {
    let documents = timings::stage("search documents", || {
        search::source::documents(config, &site.articles, &site.content, &site.graph)
    });
    (
        documents,
        search::source::topics(config, &site.content),
        search::source::synonyms(&site.content),
    )
}

/// The search index of the analyzed site.
pub fn search_index(config: &SiteConfig, site: &Analyzed) -> search::index::SearchIndex {
    let (documents, topics, synonyms) = search_sources(config, site);
    timings::stage("search analysis", || {
        search::index::build(&documents, &topics, &synonyms)
    })
}

/// What the pages of the analyzed site are made from; `search` is the output
/// path of the search index's manifest and engine.
pub fn site_data<'a>(
    config: &'a SiteConfig,
    site: &'a Analyzed,
    theme: &'a render::Theme,
    locales: &i18n::Locales,
    search: (&'a str, &'a str),
) -> render::pages::SiteData<'a> {
    render::pages::SiteData {
        config,
        content: &site.content,
        articles: &site.articles,
        graph: &site.graph,
        stylesheet: theme.stylesheet(),
        script: theme.script(),
        offline_script: theme.asset_path("offline.js"),
        search_index: Some(search.0),
        search_engine: Some(search.1),
        print_memo: Default::default(),
        section_memo: Default::default(),
        notice_texts: render::notices::NoticeTexts::new(config, locales),
        callout_labels: render::callouts::CalloutLabels::new(config, locales),
    }
}

/// Loads the theme and the catalogs, ready to render.
pub fn prepare_theme(config: &SiteConfig) -> Result<(render::Theme, render::Engines), Diagnostics> {
    let locales = i18n::load(&config.locales_dir());
    let theme = render::theme::load(config);
    match (locales, theme) {
        (Ok(locales), Ok(theme)) => {
            let engines = render::engines(config, &theme, Arc::new(locales))?;
            Ok((theme, engines))
        }
        (locales, theme) => {
            let failures = [locales.err(), theme.err()].into_iter().flatten();
            Err(failures.flat_map(|e| e.0).collect::<Vec<_>>().into())
        }
    }
}

/// Runs every stage and returns the site's files without writing anything.
/// All problems of all stages are reported together.
pub fn build_site(config: &SiteConfig, drafts: bool) -> Result<BuiltSite, Diagnostics> {
    let sink = output::MemorySink::default();
    let warnings = build_into(config, drafts, &sink)?;
    let mut files = sink.into_files();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(BuiltSite { files, warnings })
}

/// Runs every stage, handing each file to `sink` as soon as it is made, and
/// returns the warnings. Each stage's data is dropped once the next no longer
/// needs it: the search index before the pages are rendered, each page as
/// soon as it is written.
fn build_into(
    config: &SiteConfig,
    drafts: bool,
    sink: &dyn FileSink,
) -> Result<Diagnostics, Diagnostics> {
    // Offline reading's files are made from all the others, recorded on their way.
    let recorder = offline::Recorder::new(sink);
    let (outer, sink): (&dyn FileSink, &dyn FileSink) =
        (sink, if config.offline { &recorder } else { sink });
    let (mut site, mut problems) = analyze(config, drafts);
    let prepared = timings::stage("theme", || prepare_theme(config));
    let (theme, engines) = match prepared {
        Ok(prepared) if !problems.has_errors() => prepared,
        Ok(_) => return Err(problems.sorted()),
        Err(e) => {
            problems.extend(e.0);
            return Err(problems.sorted());
        }
    };
    // Articles' Markdown was only for rendering them; a build drops it before
    // the search index, its largest stage, needs the memory.
    for article in &mut site.articles {
        article.document.source = String::new();
        article.document.body_offset = 0;
    }
    // The index's stage includes writing its files, so its share of the
    // build (docs/performance.md) is the whole of what search costs.
    let written = timings::stage("search index", || {
        let index = search_index(config, &site);
        // Article text was only for the index (which keeps its own copy for
        // snippets); pages need the HTML.
        for article in &mut site.articles {
            article.rendered.plain_text = String::new();
        }
        let written = timings::stage("search files", || search::shards::write(index));
        use rayon::prelude::*;
        timings::stage("search write", || {
            written
                .files
                .into_par_iter()
                .try_for_each(|file| sink.put(file))
        })?;
        Ok::<_, Diagnostic>((
            written.manifest_path,
            written.engine_path,
            written.language_files,
        ))
    });
    let (manifest_path, engine_path, search_by_language) = written?;
    let data = site_data(
        config,
        &site,
        &theme,
        engines.locales(),
        (&manifest_path, &engine_path),
    );
    let pages = timings::stage("pages", || {
        render::render_site_into(&data, &engines, &theme, sink)
    });
    if let Err(e) = pages {
        problems.extend(e.0);
        return Err(problems.sorted());
    }
    for file in site.content.output_files() {
        sink.put(file)?;
    }
    // Past the recorder: an old address is nothing to read offline.
    for file in render::redirects::files(&data, &theme) {
        outer.put(file)?;
    }
    if config.offline {
        let plan = offline::Plan {
            languages: config.languages.iter().map(|l| l.code.as_str()).collect(),
            theme: theme
                .assets
                .values()
                .map(|a| a.output_path.as_str())
                .collect(),
            search: (&manifest_path, &engine_path),
            search_by_language: &search_by_language,
        };
        for file in offline::files(&plan, recorder) {
            outer.put(file)?;
        }
    }
    Ok(problems.sorted())
}

/// Where links to content paths and site addresses lead.
pub fn link_targets<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    content: &Content,
    config: &SiteConfig,
) -> LinkTargets {
    let mut targets = LinkTargets::default();
    for doc in documents {
        targets.insert(doc.rel_path.clone(), LinkTarget::Page(doc.url_path()));
        // A link to an old address leads to the page itself, not its redirect.
        for alias in &doc.aliases {
            let address = alias.as_str();
            let page = address.strip_suffix(".html").map(|stem| format!("{stem}/"));
            for address in [Some(address.to_string()), page].into_iter().flatten() {
                targets
                    .addresses
                    .entry(address)
                    .or_insert_with(|| markdown::Address::Content(doc.rel_path.clone()));
            }
        }
    }
    for section in &content.sections {
        let rel = section
            .path
            .strip_prefix(content_root(section.path.as_path(), &section.lang))
            .unwrap_or(&section.path);
        let rel = fs::slash_path(rel);
        // Sections have no page of their own yet: their address leads home.
        let home = render::pages::home_path(&section.lang);
        if !section.section.is_empty() {
            let address = format!("{}/{}/", section.lang, section.section);
            targets
                .addresses
                .entry(address)
                .or_insert_with(|| markdown::Address::Content(rel.clone()));
        }
        targets.insert(rel, LinkTarget::Page(home));
    }
    for file in &content.files {
        targets.insert(
            file.rel_path.clone(),
            LinkTarget::File(file.rel_path.clone()),
        );
    }
    targets.drafts.extend(content.drafts.iter().cloned());
    for failed in &content.failed_pages {
        targets
            .paths
            .entry(failed.clone())
            .or_insert_with(|| LinkTarget::Page(String::new()));
    }
    for address in generated_addresses(config, content) {
        targets.insert_generated(address);
    }
    targets
}

/// The pages the build makes that links may name by address.
fn generated_addresses(config: &SiteConfig, content: &Content) -> Vec<String> {
    let mut addresses = vec![
        String::new(),
        "sitemap.xml".to_string(),
        "404.html".to_string(),
    ];
    for lang in &config.languages {
        let code = &lang.code;
        addresses.push(render::pages::home_path(code));
        for page in ["search/", "topics/", "print/", "atom.xml"] {
            addresses.push(format!("{code}/{page}"));
        }
        for topic in &content.topics.list {
            addresses.push(render::pages::topic_path(code, &topic.id));
        }
    }
    addresses
}

/// `content/` above a file of language `lang`.
fn content_root<'a>(path: &'a Path, lang: &str) -> &'a Path {
    path.ancestors()
        .find(|a| a.file_name().and_then(|n| n.to_str()) == Some(lang))
        .and_then(Path::parent)
        .unwrap_or(path)
}

/// Renders the Markdown of every document, in parallel, into its article.
pub fn render_articles(
    config: &SiteConfig,
    targets: &LinkTargets,
    documents: Vec<Document>,
) -> Vec<Article> {
    documents
        .into_par_iter()
        .map(|document| Article {
            rendered: render_document(config, targets, &document),
            document,
        })
        .collect()
}

/// One article rendered for its page.
pub fn render_document(
    config: &SiteConfig,
    targets: &LinkTargets,
    doc: &content::Document,
) -> Rendered {
    let index = if config.link_to_index_html {
        "index.html"
    } else {
        ""
    };
    markdown::render(&markdown::RenderContext {
        path: &doc.path,
        source: &doc.source,
        body_offset: doc.body_offset,
        content_path: &doc.rel_path,
        page_url: &doc.url_path(),
        targets,
        index,
        base_path: config.base_path(),
        raw_html: config.raw_html,
    })
}

/// What `polybook build` wrote.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub output: PathBuf,
    /// HTML files written.
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
}

/// `polybook build`: builds and writes the site, or leaves the output as it was.
/// Files go to a staging folder as they are made, which replaces the output
/// once the build has succeeded.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Diagnostics> {
    let config = load_config(options)?;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    output::check_target(&output, &options.root)?;
    let staging = output::Staging::create(&output)?;
    let counted = output::CountingSink::new(&staging);
    let warnings = build_into(&config, options.drafts, &counted)?;
    let (pages, files) = counted.counts();
    timings::stage("commit", || staging.commit())?;
    Ok(BuildSummary {
        output,
        pages,
        files,
        warnings,
    })
}
