//! What every import of a folder shares once its source is read and its
//! files planned (`import::site::NewFile`): which export a folder is, the
//! site's topics, writing each new file under `content/` (never over one,
//! only listed with `--dry-run`) and the closing line.

use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::content::topics::Topics;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::site::{Contents, NewFile};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Whether a folder holds one kind of export.
pub type Detector<K> = (K, fn(&Path) -> bool);

/// The export the arguments name: one folder, of the kind `forced` names
/// (`Some(Some(kind))`, from `--from`), else the first of `detectors` that
/// recognises it (`Some(None)`); `None` when `--from` names another source.
pub fn export<K: Copy>(
    args: &ImportArgs,
    forced: Option<Option<K>>,
    detectors: &[Detector<K>],
) -> Option<(K, PathBuf)> {
    let forced = forced?;
    let [dir] = args.paths.as_slice() else {
        return None;
    };
    if let Some(kind) = forced {
        return Some((kind, dir.clone()));
    }
    if !dir.is_dir() {
        return None;
    }
    detectors
        .iter()
        .find(|(_, detect)| detect(dir))
        .map(|(kind, _)| (*kind, dir.clone()))
}

/// The site's topics (none when it has no `topics.toml`), for tags to match.
pub fn load_topics(config: &SiteConfig) -> Result<Topics, Diagnostics> {
    let path = config.content_dir().join("topics.toml");
    if !path.exists() {
        return Ok(Default::default());
    }
    let text = crate::fs::read_to_string(&path).map_err(Diagnostics::from)?;
    crate::content::topics::parse(&path, &text)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub files: usize,
    pub pages: usize,
}

/// How `write` treats the site's own files and says what it does.
pub struct Writing {
    pub dry_run: bool,
    /// Print a line per file written (a docs site of 2,000 pages does not).
    pub list: bool,
    /// A section's `_index.md` the site has already is kept without a word
    /// (a help center's categories land in the site's own sections).
    pub keep_existing_sections: bool,
}

/// Writes each planned file under `content`, never over an existing one.
pub fn write(
    files: &[NewFile],
    content: &Path,
    how: &Writing,
    problems: &mut Diagnostics,
) -> Written {
    let mut written = Written::default();
    for file in files {
        let target = content.join(&file.target);
        let shown = Path::new("content").join(&file.target);
        if target.exists() {
            if file.page.is_some() || !how.keep_existing_sections {
                problems.push(
                    Diagnostic::error(
                        &file.source,
                        format!("{} exists: not overwriting it", shown.display()),
                    )
                    .hint("remove or move the existing file, then import again"),
                );
            }
            continue;
        }
        let what = match &file.page {
            Some((lang, title)) => format!("{} ({lang}, \"{title}\")", shown.display()),
            None => shown.display().to_string(),
        };
        if how.dry_run {
            println!("would write {what}");
        } else {
            let result = match &file.contents {
                Contents::Text(text) => crate::fs::write_new(&target, text.as_bytes()),
                Contents::Copy(from) => {
                    std::fs::read(from).and_then(|bytes| crate::fs::write_new(&target, &bytes))
                }
            };
            if let Err(e) = result {
                problems.push(
                    Diagnostic::error(&target, format!("cannot write it: {e}"))
                        .hint("check that you may write under content/"),
                );
                continue;
            }
            if how.list {
                println!("wrote {what}");
            }
        }
        written.files += 1;
        written.pages += usize::from(file.page.is_some());
    }
    written
}

/// The import's last line: how much it wrote from where, how long it took,
/// and what to do next.
pub fn closing_line(args: &ImportArgs, written: Written, dir: &Path, started: Instant) -> String {
    let verb = if args.dry_run { "would write" } else { "wrote" };
    format!(
        "{verb} {} file(s) ({} page(s)) from {} in {:.1} s{}",
        written.files,
        written.pages,
        dir.display(),
        started.elapsed().as_secs_f64(),
        if args.dry_run {
            "; nothing was written (--dry-run)"
        } else if args.publish {
            ""
        } else {
            ": the pages are drafts (build --drafts shows them); import with --publish to publish them"
        }
    )
}
