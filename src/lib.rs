//! polybook: a static site generator for multilingual, cross-linked, searchable handbooks.
//!
//! The pipeline, one module per stage: `config` → `content` → `markdown` →
//! `graph` → `i18n` → `render` → `output`.

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fs;
pub mod graph;
pub mod i18n;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod timings;

use config::SiteConfig;
use content::Content;
use diagnostics::{Diagnostic, Diagnostics};
use markdown::{LinkTarget, LinkTargets, Rendered};
use rayon::prelude::*;
use render::OutputFile;
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
    sink: &dyn output::FileSink,
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

/// What `polybook check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub problems: Diagnostics,
    /// Translation key × language table.
    pub coverage: String,
}

/// `polybook check`: every validation of `build`, writing nothing, plus reports
/// on catalogs, topics, orphans and translation coverage.
pub fn check(options: &BuildOptions) -> CheckReport {
    let config = match load_config(options) {
        Ok(config) => config,
        Err(problems) => {
            return CheckReport {
                problems,
                coverage: String::new(),
            }
        }
    };
    let mut problems = match build_site(&config, options.drafts) {
        Ok(site) => site.warnings,
        Err(problems) => problems,
    };
    let (site, _) = analyze(&config, options.drafts);
    problems.extend(check::unused_and_orphans(&config, &site));
    let locales = i18n::read_files(&config.locales_dir()).and_then(i18n::parse);
    let theme = render::theme::load(&config.theme_dir(), &config.root);
    if let (Ok(locales), Ok(theme)) = (locales, theme) {
        let used = check::template_keys(&theme.templates);
        problems.extend(check::catalog_coverage(&config, &locales, &used));
    }
    CheckReport {
        problems: problems.sorted(),
        coverage: check::translation_coverage(&config, &site),
    }
}

/// One answer of `polybook search`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchResult {
    /// Absolute, from `base_url`.
    pub url: String,
    /// Relative to the site root, as in the index.
    pub path: String,
    pub title: String,
    pub lang: String,
    pub score: u64,
    pub snippet: String,
}

/// What `polybook search` answers: what the browser's search page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchAnswer {
    pub results: Vec<SearchResult>,
    /// Matching documents before the limit.
    pub total: usize,
    /// (query word, the word it was taken for) where a typo was forgiven.
    pub corrections: Vec<(String, String)>,
    /// When nothing matched: the topics closest to the query…
    pub suggested_topics: Vec<search::query::TopicSuggestion>,
    /// …and, for a one-language scope, how many results all languages have.
    pub in_all_languages: Option<usize>,
}

/// `polybook search`: the same index and ranking as the browser, built in memory.
pub fn search(
    options: &BuildOptions,
    text: &str,
    scope: search::query::Scope,
    limit: usize,
) -> Result<SearchAnswer, Diagnostics> {
    let config = load_config(options)?;
    if let search::query::Scope::Language(lang) = &scope {
        if config.language(lang).is_none() {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(Diagnostic::error(
                config.config_path(),
                format!("`{lang}` is not a language of this site"),
            )
            .hint(format!("use one of {} or all", codes.join(", ")))
            .into());
        }
    }
    let (site, problems) = analyze(&config, options.drafts);
    if problems.has_errors() {
        return Err(problems.sorted());
    }
    let index = search_index(&config, &site);
    let one_language = scope != search::query::Scope::All;
    let found = search::query::search(&index, &search::query::Query { text, scope, limit });
    let nothing = found.total == 0;
    let in_all_languages = (nothing && one_language).then(|| {
        let all = search::query::Query {
            text,
            scope: search::query::Scope::All,
            limit: 0,
        };
        search::query::search(&index, &all).total
    });
    let results = found
        .hits
        .iter()
        .map(|hit| {
            let doc = &index.docs[hit.doc as usize];
            SearchResult {
                url: format!("{}{}", config.base_url, doc.url),
                path: doc.url.clone(),
                title: doc.title.clone(),
                lang: doc.lang.clone(),
                score: hit.score,
                snippet: search::query::snippet(&doc.text, &hit.terms),
            }
        })
        .collect();
    Ok(SearchAnswer {
        results,
        total: found.total,
        corrections: found.corrections,
        suggested_topics: if nothing {
            search::query::suggest_topics(&index, text)
        } else {
            Vec::new()
        },
        in_all_languages,
    })
}

/// For callers that only have one diagnostic.
pub fn fail(d: Diagnostic) -> Diagnostics {
    d.into()
}
