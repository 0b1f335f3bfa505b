//! Writes the site atomically: everything goes into a temporary sibling folder
//! that replaces the output only once it is complete.

use crate::diagnostics::Diagnostic;
use crate::files::{FileSink, OutputFile};
use std::path::{Path, PathBuf};

/// Marks a folder as polybook's output, so a rebuild may replace it.
pub const MARKER: &str = ".polybook-output";

/// Refuses output folders whose replacement would lose someone's files.
pub fn check_target(output: &Path, site_root: &Path) -> Result<(), Diagnostic> {
    let output_abs = absolute(output);
    let root_abs = absolute(site_root);
    let refuse = |why: &str| {
        Err(
            Diagnostic::error(output, format!("refusing to write the site here: {why}"))
                .hint("pass --output with a folder of its own, such as public/"),
        )
    };
    if root_abs.starts_with(&output_abs) {
        return refuse("it is the site's folder or contains it");
    }
    for protected in ["content", "locales", "themes", "templates", "static"] {
        if output_abs.starts_with(root_abs.join(protected)) {
            return refuse(&format!("it is inside the site's {protected}/ folder"));
        }
    }
    if output.join("content").exists() || output.join(crate::config::CONFIG_FILE).exists() {
        return refuse("it holds a content/ folder or a site.toml");
    }
    if output.is_file() {
        return refuse("it is a file");
    }
    let non_empty = std::fs::read_dir(output)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if non_empty && !output.join(MARKER).is_file() {
        return refuse("it is a non-empty folder that polybook did not write");
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Canonicalize what exists; a folder that does not exist yet keeps its lexical form.
    joined
        .canonicalize()
        .unwrap_or_else(|_| lexical_normalize(&joined))
}

fn lexical_normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Collects files in memory.
#[derive(Default)]
pub struct MemorySink(std::sync::Mutex<Vec<OutputFile>>);

impl MemorySink {
    pub fn into_files(self) -> Vec<OutputFile> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl FileSink for MemorySink {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// Passes files on to another sink, counting them (and the HTML pages).
pub struct CountingSink<'a> {
    inner: &'a dyn FileSink,
    pages: std::sync::atomic::AtomicUsize,
    files: std::sync::atomic::AtomicUsize,
}

impl<'a> CountingSink<'a> {
    pub fn new(inner: &'a dyn FileSink) -> Self {
        CountingSink {
            inner,
            pages: Default::default(),
            files: Default::default(),
        }
    }

    /// (HTML pages, files) passed on so far.
    pub fn counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.pages.load(Relaxed), self.files.load(Relaxed))
    }
}

impl FileSink for CountingSink<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        use std::sync::atomic::Ordering::Relaxed;
        if file.path.ends_with(".html") {
            self.pages.fetch_add(1, Relaxed);
        }
        self.files.fetch_add(1, Relaxed);
        self.inner.put(file)
    }
}

/// A new output being written in a temporary sibling folder. [`Staging::commit`]
/// swaps it in for the output; dropped without committing, it is removed and
/// the output stays as it was.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    previous: PathBuf,
    made_dirs: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    pub fn create(output: &Path) -> Result<Staging, Diagnostic> {
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| crate::fs::io_error(parent, "cannot create", e))?;
        let name = output
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("public");
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.polybook-new-{pid}"));
        let previous = parent.join(format!(".{name}.polybook-old-{pid}"));
        let _ = std::fs::remove_dir_all(&dir);
        let staging = Staging {
            output: output.to_path_buf(),
            dir,
            previous,
            made_dirs: Default::default(),
            committed: false,
        };
        std::fs::create_dir_all(&staging.dir)
            .map_err(|e| crate::fs::io_error(&staging.dir, "cannot create", e))?;
        std::fs::write(
            staging.dir.join(MARKER),
            "Written by polybook build; replaced whole on every build.\n",
        )
        .map_err(|e| crate::fs::io_error(&staging.dir, "cannot write in", e))?;
        Ok(staging)
    }

    /// Replaces the output with what was written, or leaves it as it was.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let (output, staging, previous) = (&self.output, &self.dir, &self.previous);
        let had_previous = output.exists();
        if had_previous {
            std::fs::rename(output, previous)
                .map_err(|e| crate::fs::io_error(output, "cannot move aside", e))?;
        }
        if let Err(e) = std::fs::rename(staging, output) {
            if had_previous {
                let _ = std::fs::rename(previous, output);
            }
            return Err(crate::fs::io_error(output, "cannot replace", e));
        }
        self.committed = true;
        if had_previous {
            std::fs::remove_dir_all(previous).map_err(|e| {
                crate::fs::io_error(previous, "cannot remove the previous output", e)
            })?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl FileSink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let Some(target) = crate::fs::join_inside(&self.dir, &file.path) else {
            return Err(Diagnostic::error(
                &self.dir,
                format!(
                    "refusing to write `{}` outside the output folder",
                    file.path
                ),
            ));
        };
        if let Some(dir) = target.parent() {
            // Held while creating, so no other thread writes into a folder
            // that is recorded but not made yet.
            let mut made = self.made_dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(dir) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| crate::fs::io_error(dir, "cannot create", e))?;
                made.insert(dir.to_path_buf());
            }
        }
        std::fs::write(&target, &file.bytes)
            .map_err(|e| crate::fs::io_error(&target, "cannot write", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn staging_dirs(parent: &Path) -> Vec<String> {
        std::fs::read_dir(parent)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.contains("polybook-"))
            .collect()
    }

    #[test]
    fn an_abandoned_staging_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::create(&output).unwrap();
        staging.put(file("a/index.html", "first")).unwrap();
        staging.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("a/index.html")).unwrap(),
            "first"
        );
        assert!(output.join(MARKER).is_file());

        let staging = Staging::create(&output).unwrap();
        staging.put(file("a/index.html", "second")).unwrap();
        drop(staging); // a later stage failed
        assert_eq!(
            std::fs::read_to_string(output.join("a/index.html")).unwrap(),
            "first"
        );
        assert!(
            staging_dirs(dir.path()).is_empty(),
            "{:?}",
            staging_dirs(dir.path())
        );

        let staging = Staging::create(&output).unwrap();
        staging.put(file("b/c/index.html", "third")).unwrap();
        staging.commit().unwrap();
        assert!(
            !output.join("a").exists(),
            "a build replaces the output whole"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("b/c/index.html")).unwrap(),
            "third"
        );
        assert!(staging_dirs(dir.path()).is_empty());
    }

    #[test]
    fn paths_cannot_leave_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::create(&dir.path().join("public")).unwrap();
        for path in ["../escape.html", "/etc/x", "a/../../x"] {
            assert!(staging.put(file(path, "x")).is_err(), "{path}");
        }
        assert!(!dir.path().join("escape.html").exists());
    }

    #[test]
    fn concurrent_writes_into_new_folders_all_land() {
        use rayon::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::create(&output).unwrap();
        (0..400).into_par_iter().for_each(|i| {
            staging
                .put(file(&format!("d{}/p{i}/index.html", i % 7), "x"))
                .unwrap();
        });
        staging.commit().unwrap();
        let count = walkdir::WalkDir::new(&output)
            .into_iter()
            .filter(|e| e.as_ref().unwrap().file_name() == "index.html")
            .count();
        assert_eq!(count, 400);
    }
}
