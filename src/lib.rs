//! polybook: a static site generator for multilingual, cross-linked, searchable handbooks.
//!
//! The pipeline, one module per stage: `config` → `content` → `markdown` →
//! `graph` → `i18n` → `search` → `render` → `output`, called in order here.
//! The commands (`cmd`) and `serve` are built on these functions; the layers
//! point one way, bottom to top, as `tests/architecture.rs` checks.

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
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod page_kind;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub mod timings;

use config::SiteConfig;
use content::Content;
use diagnostics::{Diagnostic, Diagnostics};
use files::{FileSink, OutputFile};
use markdown::{LinkTarget, LinkTargets, Rendered};
use rayon::prelude::*;
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

/// The content read, rendered and linked: what pages and the search index are made from.
pub struct Analyzed {
    pub content: Content,
    pub rendered: Vec<Rendered>,
    pub graph: graph::Graph,
}

/// Reads, renders and links the content; pages that fail are reported and left out.
pub fn analyze(config: &SiteConfig, drafts: bool) -> (Analyzed, Diagnostics) {
    let mut problems = Diagnostics::default();
    let (content, content_problems) = timings::stage("content", || {
        content::load(config, &content::LoadOptions { drafts })
    });
    problems.extend(content_problems.0);
    let rendered = timings::stage("markdown", || render_markdown(config, &content));
    for r in &rendered {
        problems.extend(r.problems.iter().cloned());
    }
    let language_order: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let (graph, graph_problems) = timings::stage("graph", || {
        graph::build(
            &content,
            &rendered,
            &graph::GraphOptions {
                language_order: &language_order,
                related_limit: config.related_limit,
            },
        )
    });
    problems.extend(graph_problems);
    let analyzed = Analyzed {
        content,
        rendered,
        graph,
    };
    (analyzed, problems)
}

/// The search index of the analyzed site.
pub fn search_index(config: &SiteConfig, site: &Analyzed) -> search::index::SearchIndex {
    let documents = timings::stage("search documents", || {
        search::source::documents(config, &site.content, &site.rendered, &site.graph)
    });
    let topics = search::source::topics(config, &site.content);
    timings::stage("search analysis", || {
        search::index::build(&documents, &topics)
    })
}

/// Loads the theme and the catalogs, ready to render.
pub fn prepare_theme(config: &SiteConfig) -> Result<(render::Theme, render::Engines), Diagnostics> {
    let locales = i18n::read_files(&config.locales_dir()).and_then(i18n::parse);
    let theme = render::theme::load(&config.theme_dir(), &config.root);
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
    for doc in &mut site.content.documents {
        doc.source = String::new();
        doc.body_offset = 0;
    }
    // The index's stage includes writing its files, so its share of the
    // build (docs/performance.md) is the whole of what search costs.
    let written = timings::stage("search index", || {
        let index = search_index(config, &site);
        // Article text was only for the index (which keeps its own copy for
        // snippets); pages need the HTML.
        for rendered in &mut site.rendered {
            rendered.plain_text = String::new();
        }
        let written = timings::stage("search files", || search::shards::write(index));
        use rayon::prelude::*;
        timings::stage("search write", || {
            written
                .files
                .into_par_iter()
                .try_for_each(|file| sink.put(file))
        })?;
        Ok::<_, Diagnostic>((written.manifest_path, written.engine_path))
    });
    let (manifest_path, engine_path) = written?;
    let data = render::pages::SiteData {
        config,
        content: &site.content,
        rendered: &site.rendered,
        graph: &site.graph,
        stylesheet: theme.stylesheet(),
        script: theme.script(),
        search_index: Some(&manifest_path),
        search_engine: Some(&engine_path),
    };
    let pages = timings::stage("pages", || {
        render::render_site_into(&data, &engines, &theme, sink)
    });
    if let Err(e) = pages {
        problems.extend(e.0);
        return Err(problems.sorted());
    }
    for file in &site.content.files {
        sink.put(OutputFile {
            path: file.rel_path.clone(),
            bytes: file.bytes.clone(),
        })?;
    }
    Ok(problems.sorted())
}

/// Where links to content paths lead.
pub fn link_targets(content: &Content) -> LinkTargets {
    let mut targets = LinkTargets::default();
    for doc in &content.documents {
        targets
            .0
            .insert(doc.rel_path.clone(), LinkTarget::Page(doc.url_path()));
    }
    for section in &content.sections {
        let rel = section
            .path
            .strip_prefix(content_root(section.path.as_path(), &section.lang))
            .unwrap_or(&section.path);
        targets.0.insert(
            fs::slash_path(rel),
            LinkTarget::Page(render::pages::home_path(&section.lang)),
        );
    }
    for file in &content.files {
        targets.0.insert(
            file.rel_path.clone(),
            LinkTarget::File(file.rel_path.clone()),
        );
    }
    for failed in &content.failed_pages {
        targets
            .0
            .entry(failed.clone())
            .or_insert_with(|| LinkTarget::Page(String::new()));
    }
    targets
}

/// `content/` above a file of language `lang`.
fn content_root<'a>(path: &'a Path, lang: &str) -> &'a Path {
    path.ancestors()
        .find(|a| a.file_name().and_then(|n| n.to_str()) == Some(lang))
        .and_then(Path::parent)
        .unwrap_or(path)
}

/// Every article rendered for its page.
fn render_markdown(config: &SiteConfig, content: &Content) -> Vec<Rendered> {
    let targets = link_targets(content);
    content
        .documents
        .par_iter()
        .map(|doc| render_document(config, &targets, doc))
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
