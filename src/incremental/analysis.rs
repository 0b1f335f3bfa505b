//! The content as on disk, kept between rebuilds: which files changed, what
//! they loaded as, and the site the full build's stages made of them. Each
//! stage is the build's own function (`content::load_file`,
//! `crate::render_articles`, `crate::link`, …), rerun here only for what changed.

use super::{Changes, Timer};
use crate::config::SiteConfig;
use crate::content::{self, Document, Entry};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::{Article, ArticleId, Graph};
use crate::markdown::{LinkTarget, LinkTargets};
use crate::Analyzed;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A content file as last seen: a new stamp means it is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        Some(Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// What a content file loaded as: when a file changes kind, link targets change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Section,
    Failed,
    File,
    Nothing,
}

/// The content as on disk, rendered and linked.
#[derive(Default)]
pub(super) struct Analysis {
    pub(super) site: Analyzed,
    stamps: HashMap<PathBuf, Stamp>,
    /// Problems of one file (loading a page, reading a file), by path.
    file_problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Problems of the walk.
    other_problems: Vec<Diagnostic>,
    pub(super) targets: LinkTargets,
    /// Counts graph rebuilds (over resets too): the graph is rebuilt only when
    /// what it reads of the articles changes.
    pub(super) graph_generation: u64,
    /// The graph is of the articles as they are (not after a reset).
    graph_current: bool,
    graph_problems: Vec<Diagnostic>,
    /// Problems of the checks across articles (unknown topics, one URL twice),
    /// redone when the graph's inputs or the topics change.
    check_problems: Vec<Diagnostic>,
    /// Problems of the pages' addresses (names that collide), redone each update.
    address_problems: Vec<Diagnostic>,
    /// The articles loaded again since the site was last published, by content
    /// path, with a hash of their source as published (`None`: not published).
    reloaded: BTreeMap<String, Option<u64>>,
}

/// What a page's article looked like in the last good site.
#[derive(Debug, Clone)]
pub(super) struct PublishedDoc {
    rel_path: String,
    front: content::front_matter::FrontMatter,
    minutes: usize,
}

/// The articles to put in place of the loaded ones, and where.
struct Loaded {
    /// Documents read, each with the index of the article it replaces.
    documents: Vec<(Option<ArticleId>, Document)>,
    /// Articles whose file is now something else, or gone.
    gone: Vec<ArticleId>,
    /// A file changed kind: link targets may have changed.
    structural: bool,
}

fn source_hash(doc: &Document) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(doc.source.as_bytes());
    h.finish()
}

impl Analysis {
    /// Starts over (the configuration changed), still counting graph rebuilds.
    pub(super) fn reset(&mut self) {
        let graph_generation = self.graph_generation;
        *self = Analysis {
            graph_generation,
            ..Analysis::default()
        };
    }

    /// Brings the analysis up to date with the files; returns every problem of the site.
    pub(super) fn update(
        &mut self,
        config: &SiteConfig,
        changes: &Changes,
        drafts: bool,
        timer: &mut Timer,
    ) -> Diagnostics {
        let first = self.stamps.is_empty() && self.site.articles.is_empty();
        let dirty = self.changed_files(config, changes, first);
        let mut loaded = self.load(config, &dirty, drafts);
        let mut stale = self.remove(&mut loaded);
        stale |= self.assign_addresses(&mut loaded);
        timer.lap("content");
        stale |= self.render_markdown(config, loaded, first);
        stale |= self.sort();
        crate::graph::retarget_legacy_anchors(&mut self.site.articles);
        timer.lap("markdown");
        let rebuilt = self.update_graph(config, stale);
        timer.lap("graph");
        // Any edit: the checks read keys that neither the graph nor a page
        // shows (a page's `review_every`), and they are cheap next to a render.
        if rebuilt || !dirty.is_empty() || !self.check_problems.is_empty() {
            let mut problems = Diagnostics::default();
            let documents = self.site.articles.iter().map(|a| &a.document);
            content::check_documents(documents, &self.site.content.topics, &mut problems);
            self.check_problems = problems.0;
        }
        let mut problems = Diagnostics::default();
        problems.extend(self.other_problems.iter().cloned());
        problems.extend(self.file_problems.values().flatten().cloned());
        problems.extend(self.check_problems.iter().cloned());
        problems.extend(self.address_problems.iter().cloned());
        for article in &self.site.articles {
            problems.extend(article.rendered.problems.iter().cloned());
        }
        problems.extend(self.graph_problems.iter().cloned());
        timer.lap("checks");
        problems
    }

    /// Rebuilds the graph when what it reads of the articles changed (`stale`),
    /// or it had problems, whose positions may have moved; true when it did.
    fn update_graph(&mut self, config: &SiteConfig, stale: bool) -> bool {
        if self.graph_current && !stale && self.graph_problems.is_empty() {
            return false;
        }
        let (graph, problems) = crate::link(config, &self.site.articles);
        self.site.graph = graph;
        self.graph_problems = problems;
        self.graph_current = true;
        self.graph_generation += 1;
        true
    }

    /// The files to read again (or forget, when gone), updating the stamps.
    fn changed_files(
        &mut self,
        config: &SiteConfig,
        changes: &Changes,
        walk: bool,
    ) -> Vec<PathBuf> {
        let dir = config.content_dir();
        let mut dirty: BTreeSet<PathBuf> = changes
            .content
            .iter()
            .filter(|p| p.starts_with(&dir))
            .cloned()
            .collect();
        if walk || changes.rescan {
            let (files, problems) = content::list_files(config);
            self.other_problems = problems.0;
            let mut stamps = HashMap::with_capacity(files.len());
            for file in files {
                if let Some(stamp) = Stamp::of(&file) {
                    if self.stamps.get(&file) != Some(&stamp) {
                        dirty.insert(file.clone());
                    }
                    stamps.insert(file, stamp);
                }
            }
            dirty.extend(
                self.stamps
                    .keys()
                    .filter(|p| !stamps.contains_key(*p))
                    .cloned(),
            );
            self.stamps = stamps;
        } else {
            for path in &dirty {
                match Stamp::of(path) {
                    Some(stamp) => self.stamps.insert(path.clone(), stamp),
                    None => self.stamps.remove(path),
                };
            }
        }
        dirty.into_iter().collect()
    }

    /// Reads `dirty` again, as the build does, and puts what they are now in
    /// place of what they were; documents are returned to be rendered.
    fn load(&mut self, config: &SiteConfig, dirty: &[PathBuf], drafts: bool) -> Loaded {
        let dir = config.content_dir();
        let rels: Vec<String> = dirty.iter().map(|p| content::rel_path(&dir, p)).collect();
        let before = self.kinds(dirty, &rels);
        let options = content::LoadOptions { drafts };
        let stamps = &self.stamps;
        let entries: Vec<_> = dirty
            .par_iter()
            .map(|path| {
                let loaded = stamps.contains_key(path);
                loaded.then(|| content::load_file(config, &dir, path, &options))
            })
            .collect();
        self.forget(dirty, &rels);
        let mut loaded = Loaded {
            documents: Vec::new(),
            gone: Vec::new(),
            structural: false,
        };
        for (i, entry) in entries.into_iter().enumerate() {
            let (kind_before, article) = before[i];
            let kind = match entry {
                None => Kind::Nothing,
                Some(Ok(Entry::Document(doc))) => {
                    loaded.documents.push((article, *doc));
                    Kind::Document
                }
                Some(Ok(Entry::Draft)) => {
                    self.site.content.drafts.push(rels[i].clone());
                    Kind::Nothing
                }
                Some(Ok(entry)) => {
                    let kind = match &entry {
                        Entry::Section(_) => Kind::Section,
                        Entry::File(_) => Kind::File,
                        _ => Kind::Nothing,
                    };
                    self.site.content.add(entry);
                    kind
                }
                Some(Err(failed)) => {
                    if rels[i] == content::topics::TOPICS_FILE {
                        self.site.content.topics = content::Topics::unreadable();
                    }
                    if self.note(&dirty[i], failed.problems) && failed.page {
                        self.site.content.failed_pages.push(rels[i].clone());
                        Kind::Failed
                    } else {
                        Kind::Nothing
                    }
                }
            };
            if kind != Kind::Document {
                loaded.gone.extend(article);
            }
            loaded.structural |= kind != kind_before;
        }
        loaded
    }

    /// What each of `paths` loaded as, and its article, in one pass over the content.
    fn kinds(&self, paths: &[PathBuf], rels: &[String]) -> Vec<(Kind, Option<ArticleId>)> {
        let by_rel: HashMap<&str, usize> = rels
            .iter()
            .enumerate()
            .map(|(i, r)| (r.as_str(), i))
            .collect();
        let by_path: HashMap<&Path, usize> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_path(), i))
            .collect();
        let mut kinds = vec![(Kind::Nothing, None); paths.len()];
        let content = &self.site.content;
        for (id, article) in self.site.articles.iter().enumerate() {
            if let Some(&i) = by_rel.get(article.document.rel_path.as_str()) {
                kinds[i] = (Kind::Document, Some(id));
            }
        }
        for section in &content.sections {
            if let Some(&i) = by_path.get(section.path.as_path()) {
                kinds[i].0 = Kind::Section;
            }
        }
        let failed = content.failed_pages.iter().map(|r| (r, Kind::Failed));
        let files = content.files.iter().map(|f| (&f.rel_path, Kind::File));
        for (rel, kind) in failed.chain(files) {
            if let Some(&i) = by_rel.get(rel.as_str()) {
                kinds[i].0 = kind;
            }
        }
        kinds
    }

    /// Drops whatever `paths` were but articles ([`Analysis::remove`] drops those).
    fn forget(&mut self, paths: &[PathBuf], rels: &[String]) {
        let gone: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let rels: BTreeSet<&str> = rels.iter().map(String::as_str).collect();
        for path in paths {
            self.file_problems.remove(path);
        }
        let content = &mut self.site.content;
        content
            .sections
            .retain(|s| !gone.contains(s.path.as_path()));
        content.failed_pages.retain(|p| !rels.contains(p.as_str()));
        content.drafts.retain(|p| !rels.contains(p.as_str()));
        content
            .files
            .retain(|f| !rels.contains(f.rel_path.as_str()));
        if rels.contains(content::topics::TOPICS_FILE) {
            content.topics = Default::default();
        }
        if rels.contains(content::synonyms::SYNONYMS_FILE) {
            content.synonyms = Default::default();
        }
    }

    /// Records a file's problems, unless the file is gone (removed while read).
    fn note(&mut self, path: &Path, problems: Vec<Diagnostic>) -> bool {
        if path.is_file() {
            self.file_problems.insert(path.to_path_buf(), problems);
            true
        } else {
            self.stamps.remove(path);
            false
        }
    }

    /// Gives every page its address again, as the build does from all of
    /// them (`content::address`): a page added or removed may move another
    /// (`Café.md` beside a new `cafe.md`). True when a kept article moved,
    /// which then counts as a change of link targets.
    fn assign_addresses(&mut self, loaded: &mut Loaded) -> bool {
        let replaced: BTreeSet<ArticleId> = loaded.documents.iter().filter_map(|d| d.0).collect();
        let kept = self
            .site
            .articles
            .iter_mut()
            .enumerate()
            .filter(|(id, _)| !replaced.contains(id))
            .map(|(_, a)| &mut a.document);
        let mut kept: Vec<&mut Document> = kept.collect();
        let before: Vec<String> = kept.iter().map(|d| d.slug.clone()).collect();
        let fresh = loaded.documents.iter_mut().map(|d| &mut d.1);
        self.address_problems =
            content::address::assign(kept.iter_mut().map(|d| &mut **d).chain(fresh));
        let moved_kept = kept.iter().zip(&before).any(|(d, slug)| d.slug != *slug);
        let articles = &self.site.articles;
        let moved_read = loaded.documents.iter().any(|(id, doc)| {
            // Links written as an old address (an alias) lead to the page too.
            id.is_some_and(|id| {
                let before = &articles[id].document;
                before.url_path() != doc.url_path() || before.aliases != doc.aliases
            })
        });
        let moved = moved_kept || moved_read;
        loaded.structural |= moved;
        moved
    }

    /// Removes the articles that are gone, keeping `loaded`'s indexes right;
    /// true when there were any.
    fn remove(&mut self, loaded: &mut Loaded) -> bool {
        let gone = &mut loaded.gone;
        if gone.is_empty() {
            return false;
        }
        gone.sort_unstable();
        for &id in gone.iter() {
            self.note_reloaded(id);
        }
        let mut id = 0;
        self.site.articles.retain(|_| {
            id += 1;
            gone.binary_search(&(id - 1)).is_err()
        });
        for (article, _) in &mut loaded.documents {
            if let Some(id) = article {
                *id -= gone.partition_point(|g| g < id);
            }
        }
        true
    }

    /// Notes that article `id` is loaded again, with its source as published
    /// if it has not been loaded since.
    fn note_reloaded(&mut self, id: ArticleId) {
        let doc = &self.site.articles[id].document;
        if !self.reloaded.contains_key(&doc.rel_path) {
            self.reloaded
                .insert(doc.rel_path.clone(), Some(source_hash(doc)));
        }
    }

    /// Renders the loaded documents into their articles, and again the articles
    /// that may link to a target that appeared, left or moved (link targets
    /// change only when a file changed kind). True when what the graph reads
    /// changed.
    fn render_markdown(&mut self, config: &SiteConfig, loaded: Loaded, first: bool) -> bool {
        let mut stale = false;
        let mut moved = Vec::new();
        if first || loaded.structural {
            // Documents read again come after their old selves: their address wins.
            let kept = self.site.articles.iter().map(|a| &a.document);
            let documents = kept.chain(loaded.documents.iter().map(|d| &d.1));
            let targets = crate::link_targets(documents, &self.site.content, config);
            moved = moved_targets(&self.targets, &targets);
            self.targets = targets;
        }
        let replaced: BTreeSet<ArticleId> = loaded.documents.iter().filter_map(|d| d.0).collect();
        let articles = &self.site.articles;
        let mentions: Vec<ArticleId> = (0..articles.len())
            .filter(|&id| !moved.is_empty() && !replaced.contains(&id))
            .filter(|&id| mentions_any(&articles[id].document, &moved))
            .collect();
        let rendered: Vec<_> = mentions
            .par_iter()
            .map(|&id| crate::render_document(config, &self.targets, &articles[id].document))
            .collect();
        for (id, rendered) in mentions.into_iter().zip(rendered) {
            let article = &mut self.site.articles[id];
            let before = article.links();
            let links = crate::graph::ArticleLinks::of(&article.document, &rendered);
            stale |= before != links;
            article.rendered = rendered;
        }
        let (places, documents): (Vec<_>, Vec<_>) = loaded.documents.into_iter().unzip();
        let fresh = crate::render_articles(config, &self.targets, documents);
        for (place, article) in places.into_iter().zip(fresh) {
            match place {
                Some(id) => {
                    self.note_reloaded(id);
                    stale |= self.site.articles[id].links() != article.links();
                    self.site.articles[id] = article;
                }
                None => {
                    let rel = article.document.rel_path.clone();
                    self.reloaded.entry(rel).or_insert(None);
                    self.site.articles.push(article);
                    stale = true;
                }
            }
        }
        stale
    }

    /// Puts the articles in listing order, and sections and files in theirs;
    /// true when the articles moved.
    fn sort(&mut self) -> bool {
        self.site.content.sort();
        let order = |a: &Article, b: &Article| content::listing_order(&a.document, &b.document);
        let articles = &mut self.site.articles;
        let sorted = articles.windows(2).all(|w| order(&w[0], &w[1]).is_le());
        if !sorted {
            articles.sort_by(order);
        }
        !sorted
    }

    /// A hash of what every page may show besides the articles: sections,
    /// topics, the names of files.
    pub(super) fn shared_hash(&self) -> u64 {
        use std::hash::Hash;
        let content = &self.site.content;
        let mut h = DefaultHasher::new();
        (&content.sections, &content.topics).hash(&mut h);
        for f in &content.files {
            f.rel_path.hash(&mut h);
        }
        h.finish()
    }

    /// Whether the article's source differs from the one last published, or
    /// it was not published.
    fn edited(&self, doc: &Document) -> bool {
        self.reloaded
            .get(&doc.rel_path)
            .is_some_and(|published| *published != Some(source_hash(doc)))
    }

    /// The articles to render again when only their bodies changed since the site
    /// was published; `None` when a change reaches other pages.
    pub(super) fn local_changes(
        &self,
        config: &SiteConfig,
        published: &[PublishedDoc],
        published_graph: (u64, &Graph),
    ) -> Option<Vec<ArticleId>> {
        let articles = &self.site.articles;
        let (generation, graph) = published_graph;
        let same = generation == self.graph_generation || self.site.graph == *graph;
        if articles.len() != published.len() || !same {
            return None;
        }
        let mut local = Vec::new();
        for (id, (article, before)) in articles.iter().zip(published).enumerate() {
            let doc = &article.document;
            if doc.rel_path != before.rel_path {
                return None;
            }
            if !self.edited(doc) {
                continue;
            }
            if doc.front != before.front || minutes(config, article) != before.minutes {
                return None;
            }
            local.push(id);
        }
        Some(local)
    }

    /// The articles whose source changed since the site was published, or that are new.
    pub(super) fn edited_since_published(&self) -> Vec<ArticleId> {
        let articles = &self.site.articles;
        (0..articles.len())
            .filter(|&id| self.edited(&articles[id].document))
            .collect()
    }

    /// The articles as the site is published from them now; from here on,
    /// [`Analysis::edited_since_published`] compares with them.
    pub(super) fn published_docs(&mut self, config: &SiteConfig) -> Vec<PublishedDoc> {
        self.reloaded.clear();
        self.site
            .articles
            .iter()
            .map(|a| PublishedDoc {
                rel_path: a.document.rel_path.clone(),
                front: a.document.front.clone(),
                minutes: minutes(config, a),
            })
            .collect()
    }

    /// The edited articles of [`Analysis::local_changes`] were published: the
    /// published articles are the analysis's again.
    pub(super) fn bodies_published(&mut self) {
        self.reloaded.clear();
    }
}

fn minutes(config: &SiteConfig, article: &Article) -> usize {
    crate::markdown::reading_minutes(article.rendered.word_count, config.words_per_minute)
}

/// File names of the link targets that appeared, left or lead elsewhere now,
/// and the last part of their addresses, which links written as site paths name.
fn moved_targets(old: &LinkTargets, new: &LinkTargets) -> Vec<String> {
    let keys: BTreeSet<&String> = old.paths.keys().chain(new.paths.keys()).collect();
    let mut names: Vec<String> = Vec::new();
    for key in keys {
        let (before, after) = (old.paths.get(key), new.paths.get(key));
        if before == after {
            continue;
        }
        names.push(key.rsplit('/').next().unwrap_or(key).to_string());
        for target in [before, after].into_iter().flatten() {
            let (LinkTarget::Page(address) | LinkTarget::File(address)) = target;
            let last = address
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            if !last.is_empty() && !names.iter().any(|n| n == last) {
                names.push(last.to_string());
            }
        }
    }
    // Addresses without a file of their own (aliases) that came or went.
    let addresses = old.addresses.keys().chain(new.addresses.keys());
    for address in addresses {
        if old.addresses.get(address) == new.addresses.get(address) {
            continue;
        }
        let last = address
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        if !last.is_empty() && !names.iter().any(|n| n == last) {
            names.push(last.to_string());
        }
    }
    names
}

/// Whether a link of `doc` may lead to one of `names`: a link names its target's
/// file, unless percent-encoded.
fn mentions_any(doc: &Document, names: &[String]) -> bool {
    !names.is_empty()
        && (doc.source.contains('%') || names.iter().any(|n| doc.source.contains(n.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moved_targets_are_named_by_file() {
        let mut old = LinkTargets::default();
        old.insert("pt/a.md".into(), LinkTarget::Page("pt/a/".into()));
        old.insert("pt/b.md".into(), LinkTarget::Page("pt/b/".into()));
        let mut new = old.clone();
        new.paths.remove("pt/a.md");
        new.insert("hr/c.md".into(), LinkTarget::Page("hr/c/".into()));
        assert_eq!(moved_targets(&old, &new), vec!["c.md", "c", "a.md", "a"]);
    }
}
