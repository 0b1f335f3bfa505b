//! Changes to the published files: the pages whose context changed, rendered,
//! and the other files, applied to the published site together.

use super::Published;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files::OutputFile;
use crate::render::pages::PageJob;
use crate::render::{self, Engines};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// Changes to the published files, applied together at the end.
pub(super) struct Output {
    /// A full rebuild: files not put are removed (but the search index).
    full: bool,
    files: Vec<OutputFile>,
    hashes: Vec<(String, u64)>,
    put: HashSet<String>,
}

impl Output {
    pub(super) fn new(full: bool) -> Self {
        Output {
            full,
            files: Vec::new(),
            hashes: Vec::new(),
            put: HashSet::new(),
        }
    }

    /// Renders the jobs whose context hash is not in `before` (all of them if `all`).
    pub(super) fn render(
        &mut self,
        jobs: Vec<PageJob>,
        before: &HashMap<String, u64>,
        engines: &Engines,
        config: &SiteConfig,
        all: bool,
    ) -> Result<usize, Diagnostics> {
        engines.clear_cached_partials();
        let hashed: Vec<(PageJob, u64)> = jobs.into_par_iter().map(context_hash).collect();
        let mut todo = Vec::new();
        for (job, hash) in hashed {
            let path = job.output_file();
            if all || before.get(&path) != Some(&hash) {
                todo.push(job);
            }
            self.put.insert(path.clone());
            self.hashes.push((path, hash));
        }
        let results: Vec<Result<OutputFile, Diagnostic>> = todo
            .par_iter()
            .map(|job| render::render_page(job, engines, config))
            .collect();
        let mut problems = Diagnostics::default();
        for result in results {
            match result {
                Ok(file) => self.files.push(file),
                Err(d) => problems.push(d),
            }
        }
        if problems.has_errors() {
            return Err(problems.sorted());
        }
        Ok(todo.len())
    }

    pub(super) fn put_all(&mut self, files: impl IntoIterator<Item = OutputFile>) {
        for file in files {
            self.put.insert(file.path.clone());
            self.files.push(file);
        }
    }

    /// Applies the changes; returns the paths added, changed or removed.
    pub(super) fn finish(self, published: &mut Published) -> Vec<String> {
        let Published {
            files,
            page_hashes,
            search_paths,
            ..
        } = published;
        let files = Arc::make_mut(files);
        let mut changed = Vec::new();
        if self.full {
            let search: HashSet<&String> = search_paths.iter().collect();
            files.retain(|path, _| {
                let kept = self.put.contains(path) || search.contains(path);
                if !kept {
                    changed.push(path.clone());
                }
                kept
            });
            page_hashes.retain(|path, _| self.put.contains(path));
        }
        for file in self.files {
            if files.get(&file.path).map(|b| &b[..]) != Some(&file.bytes[..]) {
                changed.push(file.path.clone());
                files.insert(file.path, file.bytes.into());
            }
        }
        page_hashes.extend(self.hashes);
        changed.sort();
        changed
    }
}

/// A hash of everything a page is rendered from (but the templates and catalogs).
pub(super) fn context_hash(job: PageJob) -> (PageJob, u64) {
    struct Writer(DefaultHasher);
    impl std::io::Write for Writer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = Writer(DefaultHasher::new());
    (job.template, &job.lang, &job.url_path).hash(&mut w.0);
    let PageJob {
        template,
        url_path,
        lang,
        context,
    } = job;
    let value = context.into_json();
    serde_json::to_writer(&mut w, &value).expect("a JSON value serializes");
    let context = tera::Context::from_value(value).expect("an object stays an object");
    let job = PageJob {
        template,
        url_path,
        lang,
        context,
    };
    (job, w.0.finish())
}
