//! Rebuilds the site in memory after changes on disk, redoing only what they
//! touch. `serve` keeps one [`Incremental`] and hands it the watcher's [`Changes`].
//!
//! It runs the full build's stage functions (`content::load_file`,
//! `crate::render_articles`, `crate::link`, `crate::site_data`, …) and decides
//! only what to run them on. Kept between rebuilds:
//! - each content file's stamp (modified time, length) and the site the stages
//!   made of the files ([`crate::Analyzed`]), so only changed files are read again;
//! - each article's rendered Markdown, redone when its source changes or when a
//!   link target it may name appears, disappears or moves;
//! - the last good site, with a hash of the context each page was rendered from.
//!
//! When only article bodies changed (same front matter, reading time and graph)
//! only their pages are rendered, and the print pages that show them after
//! them ([`Incremental::render_deferred`]: the language's print page, or the
//! parts of a language printed in parts that hold them). Otherwise every page context is built and
//! a page is rendered only if its context changed, or if the templates, catalogs
//! or `site.toml` did. The search index depends on every article, so pages are
//! rendered with [`SEARCH_PLACEHOLDER`] for its build id, filled in when served
//! ([`fill_search_build`]), and the index is rebuilt apart ([`SearchSources`]).

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
use crate::graph::{ArticleId, Graph};
use crate::render::pages::{Page, PageJob};
use crate::render::{self, Engines, Theme};
use crate::search;
use crate::BuildOptions;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod analysis;
mod desk;
mod output;
use analysis::{Analysis, PublishedDoc};
pub use desk::{Behind, PageInfo, PageRef, Preview};
use output::Output;

/// Stands for the search index's build id in rendered pages (`search/<id>/manifest.js`).
pub const SEARCH_PLACEHOLDER: &str = "__pbsearch";

/// The search index's manifest and engine in rendered pages.
const SEARCH_PATHS: (&str, &str) = (
    "search/__pbsearch/manifest.js",
    "search/__pbsearch/engine.js",
);

/// At most this many edited articles get their pages before the others.
const EDITED_FIRST: usize = 8;

/// The site's files by output path.
pub type Files = HashMap<String, Arc<[u8]>>;

/// What changed on disk since the last rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub config: bool,
    /// Templates or static files, of the theme or of the site.
    pub theme: bool,
    pub locales: bool,
    /// Files under `content/` known to have changed (created, written, removed).
    pub content: BTreeSet<PathBuf>,
    /// Files may have appeared or left under `content/`: walk it again.
    pub rescan: bool,
}

impl Changes {
    pub fn everything() -> Changes {
        Changes {
            config: true,
            theme: true,
            locales: true,
            content: BTreeSet::new(),
            rescan: true,
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.config && !self.theme && !self.locales && !self.rescan && self.content.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.config |= other.config;
        self.theme |= other.theme;
        self.locales |= other.locales;
        self.rescan |= other.rescan;
        self.content.extend(other.content);
    }
}

/// What one rebuild did to the site.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Output paths added, changed or removed.
    pub changed: Vec<String>,
    /// Stylesheets renamed (old output path, new one) when nothing else changed
    /// but the pages naming them: a browser can swap them without reloading.
    pub stylesheets: Option<Vec<(String, String)>>,
    pub warnings: Diagnostics,
    pub pages_rendered: usize,
    /// Time spent per stage, for `POLYBOOK_SERVE_TIMINGS`.
    pub timings: Vec<(&'static str, Duration)>,
}

/// The last good site and what it was made from.
#[derive(Default)]
struct Published {
    files: Arc<Files>,
    /// (config generation, theme generation) it was rendered with.
    inputs: (u64, u64),
    docs: Vec<PublishedDoc>,
    /// Hash of the sections, topics and colocated file names.
    shared: u64,
    graph: Graph,
    graph_generation: u64,
    page_hashes: HashMap<String, u64>,
    search_build: String,
    search_paths: Vec<String>,
}

/// The site kept in memory between rebuilds.
pub struct Incremental {
    options: BuildOptions,
    config: Option<SiteConfig>,
    config_generation: u64,
    theme: Option<(Theme, Engines)>,
    theme_problems: Diagnostics,
    theme_generation: u64,
    analysis: Analysis,
    published: Published,
    /// Articles, by language, whose print pages wait for
    /// [`Incremental::render_deferred`] (only bodies changed: ids stay).
    deferred_print: BTreeMap<String, BTreeSet<ArticleId>>,
    /// Every page waits: only the edited articles' pages were rendered.
    deferred_full: bool,
    /// The last rebuild succeeded: the analysis is what the site shows.
    good: bool,
    /// `site.toml` failed to load: read it again next time.
    config_failed: bool,
}

impl Incremental {
    pub fn new(options: BuildOptions) -> Incremental {
        Incremental {
            options,
            config: None,
            config_generation: 0,
            theme: None,
            theme_problems: Diagnostics::default(),
            theme_generation: 0,
            analysis: Analysis::default(),
            published: Published::default(),
            deferred_print: BTreeMap::new(),
            deferred_full: false,
            good: false,
            config_failed: false,
        }
    }

    /// The last good site (pages carry [`SEARCH_PLACEHOLDER`]).
    pub fn files(&self) -> Arc<Files> {
        Arc::clone(&self.published.files)
    }

    /// The build id of the search index in [`Incremental::files`].
    pub fn search_build(&self) -> &str {
        &self.published.search_build
    }

    pub fn config(&self) -> Option<&SiteConfig> {
        self.config.as_ref()
    }

    /// Applies `changes`. On success the site is updated; on failure it stays as
    /// it was and every problem is returned.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Outcome, Diagnostics> {
        let mut timer = Timer::default();
        self.good = false;
        let config_changed = self.reload_config(changes)?;
        let config = self.config.clone().expect("loaded above");
        let changes = if config_changed {
            &Changes::everything()
        } else {
            changes
        };
        let old_theme = self.theme.as_ref().map(|(t, _)| t.clone());
        if changes.theme || changes.locales || self.theme.is_none() {
            self.reload_theme(&config);
        }
        timer.lap("config+theme");
        let drafts = self.options.drafts;
        let mut problems = self.analysis.update(&config, changes, drafts, &mut timer);
        problems.extend(self.theme_problems.0.iter().cloned());
        if problems.has_errors() || self.theme.is_none() {
            return Err(problems.sorted());
        }
        let stylesheets = match (&old_theme, &self.theme) {
            (Some(old), Some((new, _))) if only_stylesheets(changes, old, new) => {
                Some(renamed_stylesheets(old, new))
            }
            _ => None,
        };
        let mut outcome = self.publish(&config, &mut timer, false)?;
        outcome.stylesheets = stylesheets;
        outcome.warnings = problems.sorted();
        outcome.timings = timer.laps;
        self.good = true;
        Ok(outcome)
    }

    /// Reads `site.toml` when it changed; true when the configuration is new.
    fn reload_config(&mut self, changes: &Changes) -> Result<bool, Diagnostics> {
        if self.config.is_some() && !changes.config && !self.config_failed {
            return Ok(false);
        }
        self.config_failed = true;
        let config = crate::load_config(&self.options)?;
        self.config_failed = false;
        if self.config.as_ref() == Some(&config) {
            return Ok(false);
        }
        self.config = Some(config);
        self.config_generation += 1;
        self.analysis.reset();
        self.theme = None;
        Ok(true)
    }

    fn reload_theme(&mut self, config: &SiteConfig) {
        match crate::prepare_theme(config) {
            Ok(prepared) => {
                self.theme = Some(prepared);
                self.theme_problems = Diagnostics::default();
                self.theme_generation += 1;
            }
            Err(problems) => self.theme_problems = problems,
        }
    }

    /// Renders what changed into the published site. When the change reaches
    /// other pages but came from a few articles, and `full_now` is false, only
    /// their own pages are rendered now and the rest waits for
    /// [`Incremental::render_deferred`]: the page being edited comes first.
    fn publish(
        &mut self,
        config: &SiteConfig,
        timer: &mut Timer,
        full_now: bool,
    ) -> Result<Outcome, Diagnostics> {
        let (theme, engines) = self.theme.as_ref().expect("checked by the caller");
        let inputs = (self.config_generation, self.theme_generation);
        let analysis = &self.analysis;
        let shared = analysis.shared_hash();
        let data = crate::site_data(
            config,
            &analysis.site,
            theme,
            engines.locales(),
            SEARCH_PATHS,
        );
        let before = &self.published;
        let local = (before.inputs == inputs && before.shared == shared)
            .then(|| {
                let graph = (before.graph_generation, &before.graph);
                analysis.local_changes(config, &before.docs, graph)
            })
            .flatten();
        timer.lap("compare");
        if local.is_none() && !full_now && before.inputs == inputs {
            let edited = analysis.edited_since_published();
            if !edited.is_empty() && edited.len() <= EDITED_FIRST {
                let jobs: Vec<PageJob> = edited.iter().map(|&id| data.article(id)).collect();
                let mut out = Output::new(false);
                let pages_rendered =
                    out.render(jobs, &before.page_hashes, engines, config, false)?;
                self.deferred_full = true;
                timer.lap("pages");
                return Ok(Outcome {
                    changed: out.finish(&mut self.published),
                    pages_rendered,
                    ..Outcome::default()
                });
            }
        }
        let mut out = Output::new(local.is_none());
        let pages_rendered = if let Some(ids) = &local {
            let jobs: Vec<PageJob> = ids.iter().map(|&id| data.article(id)).collect();
            let n = out.render(jobs, &before.page_hashes, engines, config, false)?;
            for &id in ids {
                let lang = &analysis.site.articles[id].document.lang;
                self.deferred_print
                    .entry(lang.clone())
                    .or_default()
                    .insert(id);
            }
            n
        } else {
            let all = before.inputs != inputs;
            let n = out.render(data.jobs(), &before.page_hashes, engines, config, all)?;
            self.deferred_print.clear();
            self.deferred_full = false;
            out.put_all(render::machine_files(&data));
            out.put_all(theme.output_files());
            out.put_all(render::redirects::files(&data, theme));
            n
        };
        out.put_all(analysis.site.content.output_files());
        timer.lap("pages");
        let changed = out.finish(&mut self.published);
        self.published.inputs = inputs;
        self.published.shared = shared;
        if self.published.graph_generation != analysis.graph_generation {
            self.published.graph = analysis.site.graph.clone();
            self.published.graph_generation = analysis.graph_generation;
        }
        match &local {
            Some(_) => self.analysis.bodies_published(),
            None => self.published.docs = self.analysis.published_docs(config),
        }
        timer.lap("publish");
        Ok(Outcome {
            changed,
            pages_rendered,
            ..Outcome::default()
        })
    }

    /// True when pages wait to be rendered.
    pub fn has_deferred(&self) -> bool {
        self.good && (self.deferred_full || !self.deferred_print.is_empty())
    }

    /// Renders the pages left out of the last rebuild: every page whose context
    /// changed, or the print pages of edited articles (every page whose context
    /// changed if the edits moved articles from one print part to another).
    pub fn render_deferred(&mut self) -> Result<Outcome, Diagnostics> {
        if !self.has_deferred() {
            return Ok(Outcome::default());
        }
        if self.deferred_full {
            self.deferred_full = false;
            let config = self.config.clone().expect("a good build has a config");
            let mut timer = Timer::default();
            let mut outcome = self.publish(&config, &mut timer, true)?;
            outcome.timings = timer.laps;
            return Ok(outcome);
        }
        let config = self.config.as_ref().expect("a good build has a config");
        let (theme, engines) = self.theme.as_ref().expect("a good build has a theme");
        let data = crate::site_data(
            config,
            &self.analysis.site,
            theme,
            engines.locales(),
            SEARCH_PATHS,
        );
        let before = &self.published.page_hashes;
        let mut jobs = Vec::new();
        let mut moved = false;
        for (lang, ids) in &self.deferred_print {
            let ids: Vec<ArticleId> = ids.iter().copied().collect();
            let pages = data.print_pages_showing(lang, &ids);
            if pages != [Page::Print(lang)] {
                // Printed in parts, which are cut by size too: a longer body
                // can move articles to another part. The language's print page
                // lists the parts with their article counts: unchanged, so are they.
                let (index, hash) = output::context_hash(data.print(lang));
                moved |= before.get(&index.output_file()) != Some(&hash);
            }
            jobs.extend(pages.into_iter().map(|page| data.job(page)));
        }
        let mut out = Output::new(moved);
        let pages_rendered = if moved {
            // Every page, as after any other change: a part may be gone.
            let n = out.render(data.jobs(), before, engines, config, false)?;
            out.put_all(render::machine_files(&data));
            out.put_all(theme.output_files());
            out.put_all(render::redirects::files(&data, theme));
            out.put_all(self.analysis.site.content.output_files());
            n
        } else {
            out.render(jobs, before, engines, config, false)?
        };
        self.deferred_print.clear();
        Ok(Outcome {
            changed: out.finish(&mut self.published),
            pages_rendered,
            ..Outcome::default()
        })
    }

    /// What the search index of the current site is built from, after a good rebuild.
    pub fn search_sources(&self) -> Option<SearchSources> {
        let config = self.config.as_ref().filter(|_| self.good)?;
        let (documents, topics, synonyms) = crate::search_sources(config, &self.analysis.site);
        Some(SearchSources {
            documents: documents
                .into_iter()
                .map(search::source::SourceDocument::into_owned)
                .collect(),
            topics,
            synonyms,
        })
    }

    /// Puts a built search index in place of the previous one.
    pub fn apply_search(&mut self, index: search::shards::WrittenIndex) -> Vec<String> {
        let published = &mut self.published;
        let files = Arc::make_mut(&mut published.files);
        let mut changed = std::mem::take(&mut published.search_paths);
        for path in &changed {
            files.remove(path);
        }
        published.search_build = build_id(&index.manifest_path).to_string();
        for file in index.files {
            published.search_paths.push(file.path.clone());
            changed.push(file.path.clone());
            files.insert(file.path, file.bytes.into());
        }
        changed
    }
}

/// What the search index is built from: owned, so it can be built on another thread.
pub struct SearchSources {
    documents: Vec<search::source::SourceDocument<'static>>,
    topics: Vec<search::source::SourceTopic>,
    synonyms: Vec<search::source::SourceSynonym>,
}

impl SearchSources {
    pub fn build(&self) -> search::shards::WrittenIndex {
        search::shards::write(search::index::build(
            &self.documents,
            &self.topics,
            &self.synonyms,
        ))
    }
}

/// `search/<id>/manifest.js` → `<id>`.
fn build_id(manifest_path: &str) -> &str {
    manifest_path.split('/').nth(1).unwrap_or_default()
}

/// A page as served: the search index's build id in place of the placeholder.
pub fn fill_search_build(html: &[u8], build: &str) -> Vec<u8> {
    let from = format!("search/{SEARCH_PLACEHOLDER}/");
    let to = format!("search/{build}/");
    let text = String::from_utf8_lossy(html);
    text.replace(&from, &to).into_bytes()
}

/// A theme change that renamed stylesheets and nothing else.
fn only_stylesheets(changes: &Changes, old: &Theme, new: &Theme) -> bool {
    let only_theme = changes.theme && !changes.locales && !changes.config;
    let only_theme = only_theme && !changes.rescan && changes.content.is_empty();
    let names: BTreeSet<&String> = old.assets.keys().chain(new.assets.keys()).collect();
    let changed: Vec<&String> = names
        .into_iter()
        .filter(|n| old.assets.get(*n).map(|a| &a.bytes) != new.assets.get(*n).map(|a| &a.bytes))
        .collect();
    only_theme
        && old.templates.0 == new.templates.0
        && !changed.is_empty()
        && changed.iter().all(|n| {
            n.ends_with(".css") && old.assets.contains_key(*n) && new.assets.contains_key(*n)
        })
}

fn renamed_stylesheets(old: &Theme, new: &Theme) -> Vec<(String, String)> {
    old.assets
        .iter()
        .filter_map(|(name, a)| {
            let b = new.assets.get(name)?;
            (a.output_path != b.output_path).then(|| (a.output_path.clone(), b.output_path.clone()))
        })
        .collect()
}

#[derive(Default)]
pub(crate) struct Timer {
    laps: Vec<(&'static str, Duration)>,
    last: Option<Instant>,
}

impl Timer {
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.unwrap_or(now);
        self.laps.push((name, now - since));
        self.last = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_filled_in_every_search_url() {
        let html = b"<form data-search-index=\"../search/__pbsearch/manifest.js\" data-search-engine=\"../search/__pbsearch/engine.js\">";
        let filled = fill_search_build(html, "0123456789");
        let text = String::from_utf8(filled).unwrap();
        assert!(!text.contains(SEARCH_PLACEHOLDER));
        assert_eq!(text.matches("search/0123456789/").count(), 2);
        assert_eq!(build_id("search/0123456789/manifest.js"), "0123456789");
    }

    #[test]
    fn changes_merge() {
        let mut a = Changes::default();
        assert!(a.is_empty());
        let mut b = Changes::default();
        b.content.insert(PathBuf::from("/s/content/pt/a.md"));
        a.merge(b);
        assert!(!a.is_empty() && !a.rescan);
    }
}
