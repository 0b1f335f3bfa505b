//! The content as on disk, kept between rebuilds: which files changed, what
//! they loaded as, their rendered Markdown and the graph.

use super::{Changes, Timer};
use crate::config::SiteConfig;
use crate::content::{self, Content, Document, Loaded};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::{self, Graph};
use crate::markdown::{LinkTargets, Rendered};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
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

/// What an article is known by between rebuilds.
#[derive(Debug, Clone, Copy)]
struct DocState {
    /// Hash of its source.
    source: u64,
    /// Its rendered Markdown is up to date.
    fresh: bool,
    /// Hash of what the graph reads of it: place, topics, translation key,
    /// link targets and anchors, heading ids.
    graph_key: u64,
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

/// The content as on disk, rendered and linked. `rendered` and `docs` run
/// beside `content.documents`.
#[derive(Default)]
pub(super) struct Analysis {
    pub(super) content: Content,
    pub(super) rendered: Vec<Rendered>,
    docs: Vec<DocState>,
    stamps: HashMap<PathBuf, Stamp>,
    /// Problems of one file (loading a page, reading a file), by path.
    file_problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Problems of the walk and of `topics.toml`.
    other_problems: Vec<Diagnostic>,
    targets: LinkTargets,
    pub(super) graph: Graph,
    /// Counts graph rebuilds (over resets too): the graph is rebuilt only when
    /// its inputs change.
    pub(super) graph_generation: u64,
    graph_inputs: Option<u64>,
    graph_problems: Vec<Diagnostic>,
    /// Problems of the checks across articles (unknown topics, one URL twice),
    /// redone when the graph's inputs or the topics change.
    check_problems: Vec<Diagnostic>,
}

/// What a page's article looked like in the last good site.
#[derive(Debug, Clone)]
pub(super) struct PublishedDoc {
    rel_path: String,
    source: u64,
    front: content::front_matter::FrontMatter,
    minutes: usize,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
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
        let first = self.stamps.is_empty() && self.content.documents.is_empty();
        let dirty = self.changed_files(config, changes, first);
        let dir = config.content_dir();
        let options = content::LoadOptions { drafts };
        let before = self.kinds(&dir, &dirty);
        self.forget(&dir, &dirty);
        for path in &dirty {
            if self.stamps.contains_key(path) {
                self.load(config, &dir, path, &options);
            }
        }
        let structural = first || self.kinds(&dir, &dirty) != before;
        self.sort();
        timer.lap("content");
        self.render_markdown(config, structural);
        timer.lap("markdown");
        let topics_file = dir.join(content::topics::TOPICS_FILE);
        let rebuilt = self.update_graph(config);
        timer.lap("graph");
        if rebuilt || dirty.contains(&topics_file) || !self.check_problems.is_empty() {
            let mut problems = Diagnostics::default();
            content::check_documents(&self.content.documents, &self.content.topics, &mut problems);
            self.check_problems = problems.0;
        }
        let mut problems = Diagnostics::default();
        problems.extend(self.other_problems.iter().cloned());
        problems.extend(self.file_problems.values().flatten().cloned());
        problems.extend(self.check_problems.iter().cloned());
        for r in &self.rendered {
            problems.extend(r.problems.iter().cloned());
        }
        problems.extend(self.graph_problems.iter().cloned());
        timer.lap("checks");
        problems
    }

    /// Rebuilds the graph when what it reads of the articles changed (or it had
    /// problems, whose positions may have moved); true when it did.
    fn update_graph(&mut self, config: &SiteConfig) -> bool {
        let mut h = DefaultHasher::new();
        for doc in &self.docs {
            h.write_u64(doc.graph_key);
        }
        let inputs = Some(h.finish());
        let same = inputs == self.graph_inputs;
        if same && self.graph_problems.is_empty() {
            return false;
        }
        let language_order: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
        let (graph, problems) = graph::build(
            &self.content,
            &self.rendered,
            &graph::GraphOptions {
                language_order: &language_order,
                related_limit: config.related_limit,
            },
        );
        self.graph = graph;
        self.graph_problems = problems;
        self.graph_inputs = inputs;
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
            self.other_problems.clear();
            let mut problems = Diagnostics::default();
            let files = if dir.is_dir() {
                content::walk(&dir, &mut problems)
            } else {
                problems.push(
                    Diagnostic::error(&dir, "there is no content folder")
                        .hint("create content/<lang>/ folders with Markdown pages"),
                );
                Vec::new()
            };
            self.other_problems.extend(problems.0);
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

    /// What each of `paths` loaded as, in one pass over the content.
    fn kinds(&self, dir: &Path, paths: &[PathBuf]) -> Vec<Kind> {
        let wanted: HashMap<&Path, usize> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_path(), i))
            .collect();
        let rel_wanted: HashMap<String, usize> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (crate::fs::slash_path(p.strip_prefix(dir).unwrap_or(p)), i))
            .collect();
        let mut kinds = vec![Kind::Nothing; paths.len()];
        let content = &self.content;
        for (path, kind) in content
            .documents
            .iter()
            .map(|d| (&d.path, Kind::Document))
            .chain(content.sections.iter().map(|s| (&s.path, Kind::Section)))
        {
            if let Some(&i) = wanted.get(path.as_path()) {
                kinds[i] = kind;
            }
        }
        for (rel, kind) in content
            .failed_pages
            .iter()
            .map(|r| (r, Kind::Failed))
            .chain(content.files.iter().map(|f| (&f.rel_path, Kind::File)))
        {
            if let Some(&i) = rel_wanted.get(rel) {
                kinds[i] = kind;
            }
        }
        kinds
    }

    /// Drops whatever `paths` were, in one pass over the content.
    fn forget(&mut self, dir: &Path, paths: &[PathBuf]) {
        let gone: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let rels: BTreeSet<String> = paths
            .iter()
            .map(|p| crate::fs::slash_path(p.strip_prefix(dir).unwrap_or(p)))
            .collect();
        for path in paths {
            self.file_problems.remove(path);
        }
        let content = &mut self.content;
        let keep: Vec<bool> = content
            .documents
            .iter()
            .map(|d| !gone.contains(d.path.as_path()))
            .collect();
        if keep.contains(&false) {
            retain_by(&mut content.documents, &keep);
            retain_by(&mut self.rendered, &keep);
            retain_by(&mut self.docs, &keep);
        }
        content
            .sections
            .retain(|s| !gone.contains(s.path.as_path()));
        content.failed_pages.retain(|p| !rels.contains(p));
        content.files.retain(|f| !rels.contains(&f.rel_path));
        if rels.contains(content::topics::TOPICS_FILE) {
            content.topics = Default::default();
        }
    }

    fn load(
        &mut self,
        config: &SiteConfig,
        dir: &Path,
        path: &Path,
        options: &content::LoadOptions,
    ) {
        let rel = crate::fs::slash_path(path.strip_prefix(dir).unwrap_or(path));
        if rel == content::topics::TOPICS_FILE {
            let topics = crate::fs::read_to_string(path)
                .map_err(Diagnostics::from)
                .and_then(|text| content::topics::parse(path, &text));
            match topics {
                Ok(topics) => self.content.topics = topics,
                Err(problems) => {
                    self.note(path, problems.0);
                }
            }
            return;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            let lang = rel.split_once('/').map(|(lang, _)| lang);
            if lang.is_some_and(|l| config.language(l).is_some()) {
                match std::fs::read(path) {
                    Ok(bytes) => self.content.files.push(content::ColocatedFile {
                        rel_path: rel,
                        bytes,
                    }),
                    Err(e) => {
                        self.note(path, vec![crate::fs::io_error(path, "cannot read", e)]);
                    }
                }
            }
            return;
        }
        let loaded =
            content::classify(config, dir, path).and_then(|f| content::read_file(f, options));
        match loaded {
            Ok(Loaded::Document(doc)) => {
                self.docs.push(DocState {
                    source: hash_bytes(doc.source.as_bytes()),
                    fresh: false,
                    graph_key: 0,
                });
                self.content.documents.push(*doc);
                self.rendered.push(Rendered::default());
            }
            Ok(Loaded::Section(section)) => self.content.sections.push(*section),
            Ok(Loaded::Draft) => {}
            Err(d) => {
                if self.note(path, vec![d]) {
                    self.content.failed_pages.push(rel);
                }
            }
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

    /// Puts the articles (and what runs beside them) in listing order.
    fn sort(&mut self) {
        let docs = &self.content.documents;
        let sorted = docs
            .windows(2)
            .all(|w| content::listing_order(&w[0], &w[1]) != std::cmp::Ordering::Greater);
        if !sorted {
            let mut order: Vec<usize> = (0..docs.len()).collect();
            order.sort_by(|&a, &b| content::listing_order(&docs[a], &docs[b]));
            permute(&mut self.content.documents, &order);
            permute(&mut self.rendered, &order);
            permute(&mut self.docs, &order);
        }
        self.content
            .sections
            .sort_by(|a, b| (&a.lang, &a.section).cmp(&(&b.lang, &b.section)));
        self.content
            .files
            .sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    }

    /// Renders the articles whose source, or a link target they may name, changed.
    /// Targets change only when a file changed kind (`structural`).
    fn render_markdown(&mut self, config: &SiteConfig, structural: bool) {
        let mut moved = Vec::new();
        if structural {
            let targets = crate::link_targets(&self.content);
            moved = moved_targets(&self.targets, &targets);
            self.targets = targets;
        }
        let docs = &self.content.documents;
        let todo: Vec<usize> = (0..docs.len())
            .filter(|&i| !self.docs[i].fresh || mentions_any(&docs[i], &moved))
            .collect();
        let results: Vec<Rendered> = todo
            .par_iter()
            .map(|&i| crate::render_document(config, &self.targets, &docs[i]))
            .collect();
        for (i, rendered) in todo.into_iter().zip(results) {
            self.docs[i].graph_key = graph_key(&docs[i], &rendered);
            self.docs[i].fresh = true;
            self.rendered[i] = rendered;
        }
    }

    /// A hash of what every page may show besides the articles: sections, topics, files.
    pub(super) fn shared_hash(&self) -> u64 {
        let mut h = DefaultHasher::new();
        format!("{:?}", self.content.sections).hash(&mut h);
        format!("{:?}", self.content.topics).hash(&mut h);
        for f in &self.content.files {
            f.rel_path.hash(&mut h);
        }
        h.finish()
    }

    /// The articles to render again when only their bodies changed since the site
    /// was published; `None` when a change reaches other pages.
    pub(super) fn local_changes(
        &self,
        config: &SiteConfig,
        published: &[PublishedDoc],
        published_graph: (u64, &Graph),
    ) -> Option<Vec<usize>> {
        let docs = &self.content.documents;
        let (generation, graph) = published_graph;
        let same = generation == self.graph_generation || same_graph(&self.graph, graph);
        if docs.len() != published.len() || !same {
            return None;
        }
        let mut local = Vec::new();
        for (i, (doc, before)) in docs.iter().zip(published).enumerate() {
            if doc.rel_path != before.rel_path {
                return None;
            }
            if self.docs[i].source == before.source {
                continue;
            }
            if doc.front != before.front || self.minutes(config, i) != before.minutes {
                return None;
            }
            local.push(i);
        }
        Some(local)
    }

    fn minutes(&self, config: &SiteConfig, i: usize) -> usize {
        crate::markdown::reading_minutes(self.rendered[i].word_count, config.words_per_minute)
    }

    /// The articles whose source changed since `published`, or that are new.
    pub(super) fn edited_since(&self, published: &[PublishedDoc]) -> Vec<usize> {
        let before: HashMap<&str, u64> = published
            .iter()
            .map(|d| (d.rel_path.as_str(), d.source))
            .collect();
        let docs = &self.content.documents;
        (0..docs.len())
            .filter(|&i| before.get(docs[i].rel_path.as_str()) != Some(&self.docs[i].source))
            .collect()
    }

    /// Brings `published` up to date after only the bodies of `ids` changed.
    pub(super) fn refresh_published(&self, published: &mut [PublishedDoc], ids: &[usize]) {
        for &i in ids {
            published[i].source = self.docs[i].source;
        }
    }

    pub(super) fn published_docs(&self, config: &SiteConfig) -> Vec<PublishedDoc> {
        let docs = &self.content.documents;
        docs.iter()
            .enumerate()
            .map(|(i, d)| PublishedDoc {
                rel_path: d.rel_path.clone(),
                source: self.docs[i].source,
                front: d.front.clone(),
                minutes: self.minutes(config, i),
            })
            .collect()
    }
}

/// Keeps the items whose `keep` is true.
fn retain_by<T>(items: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    items.retain(|_| *flags.next().expect("one flag per item"));
}

fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut old: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().map(|&i| old[i].take().expect("a permutation")));
}

/// File names of the link targets that appeared, left or lead elsewhere now.
fn moved_targets(old: &LinkTargets, new: &LinkTargets) -> Vec<String> {
    let keys: BTreeSet<&String> = old.0.keys().chain(new.0.keys()).collect();
    keys.into_iter()
        .filter(|k| old.0.get(*k) != new.0.get(*k))
        .map(|k| k.rsplit('/').next().unwrap_or(k).to_string())
        .collect()
}

/// Whether a link of `doc` may lead to one of `names`: a link names its target's
/// file, unless percent-encoded.
fn mentions_any(doc: &Document, names: &[String]) -> bool {
    !names.is_empty()
        && (doc.source.contains('%') || names.iter().any(|n| doc.source.contains(n.as_str())))
}

fn graph_key(doc: &Document, rendered: &Rendered) -> u64 {
    let mut h = DefaultHasher::new();
    (&doc.rel_path, &doc.lang, &doc.front.topics).hash(&mut h);
    doc.front.translation_key.hash(&mut h);
    for link in &rendered.links {
        (&link.target, &link.anchor).hash(&mut h);
    }
    for heading in &rendered.headings {
        heading.id.hash(&mut h);
    }
    h.finish()
}

fn same_graph(a: &Graph, b: &Graph) -> bool {
    a.translations == b.translations
        && a.related == b.related
        && a.backlinks == b.backlinks
        && a.by_topic == b.by_topic
        && a.by_lang == b.by_lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moved_targets_are_named_by_file() {
        use crate::markdown::LinkTarget;
        let mut old = LinkTargets::default();
        old.0
            .insert("pt/a.md".into(), LinkTarget::Page("pt/a/".into()));
        old.0
            .insert("pt/b.md".into(), LinkTarget::Page("pt/b/".into()));
        let mut new = old.clone();
        new.0.remove("pt/a.md");
        new.0
            .insert("hr/c.md".into(), LinkTarget::Page("hr/c/".into()));
        assert_eq!(moved_targets(&old, &new), vec!["c.md", "a.md"]);
    }
}
