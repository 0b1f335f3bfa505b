//! `polybook import`: existing guidance as draft pages under `content/`.
//! Each file is imported or reported on its own; one failure does not stop
//! the others, and the run fails at the end if any did.

use super::Report;
use crate::cli::ImportArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::{self, Options};
use crate::text::slug::slugify;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prints each page written (or, with --dry-run, that would be) on stdout.
pub fn run(args: ImportArgs) -> Report {
    let config = match crate::config::load(&args.root, None) {
        Ok(c) => c,
        Err(problems) => return Report::failed(problems, "import failed"),
    };
    let site: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    if let Some(lang) = &args.lang {
        if !site.contains(lang) {
            let d = Diagnostic::error(
                config.config_path(),
                format!("--lang {lang} is not a language of this site"),
            )
            .hint(format!("pass one of: {}", site.join(", ")));
            return Report::failed(d.into(), "import failed");
        }
    }
    if let Some(section) = &args.section {
        let ok = section.split('/').all(|s| !s.is_empty() && slugify(s) == s);
        if !ok {
            let d = Diagnostic::error(
                &args.root,
                format!("--section {section:?} is not a section address"),
            )
            .hint(format!(
                "use lowercase letters, digits and dashes, folders joined by `/`: {}",
                slugify(section)
            ));
            return Report::failed(d.into(), "import failed");
        }
    }
    if let Some(dir) = super::import_site::docs_site(&args, &config) {
        return super::import_site::run(&args, &config, &dir);
    }
    let options = Options {
        lang: args.lang.clone(),
        section: args.section.clone(),
        clean: args.clean,
    };
    let mut problems = Diagnostics::default();
    let files = sources(&args.paths, &mut problems);
    let content = config.content_dir();
    let mut planned = HashSet::new();
    let mut imported = 0;
    for file in files {
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                problems.push(
                    Diagnostic::error(&file, format!("cannot read it: {e}"))
                        .hint("check that the file exists and that you may read it"),
                );
                continue;
            }
        };
        let page = match import::import(&file, &bytes, &site, &options) {
            Ok(page) => page,
            Err(list) => {
                problems.extend(list);
                continue;
            }
        };
        problems.extend(page.warnings.iter().cloned());
        let target = content.join(&page.target);
        let shown = Path::new("content").join(&page.target);
        let taken = if target.exists() {
            Some(format!("{} exists: not overwriting it", shown.display()))
        } else if !planned.insert(target.clone()) {
            Some(format!(
                "{} is the page of another file of this import, with the same title",
                shown.display()
            ))
        } else {
            None
        };
        if let Some(message) = taken {
            problems.push(Diagnostic::error(&file, message)
                .hint("remove or rename the existing page, import into another section with --section, or (for a .md source) set another `slug` in its front matter"));
            continue;
        }
        let what = format!(
            "{} ({}, \"{}\") from {}",
            shown.display(),
            page.lang,
            page.title,
            file.display()
        );
        if args.dry_run {
            println!("would write {what}");
        } else if let Err(e) = write_new(&target, &page.text) {
            problems.push(Diagnostic::error(&target, format!("cannot write it: {e}")));
            continue;
        } else {
            println!("wrote {what}");
        }
        imported += 1;
    }
    if problems.has_errors() {
        return Report::failed(problems, "import failed");
    }
    let line = if args.dry_run {
        format!("{imported} page(s) would be written; nothing was (--dry-run)")
    } else {
        format!("imported {imported} page(s) as drafts: review them, then set draft = false")
    };
    Report::done(problems, Some(line))
}

/// The files to import: files as given, directories walked (sorted, only
/// the formats polybook reads; others named in a warning).
fn sources(paths: &[PathBuf], problems: &mut Diagnostics) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walk = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
        for entry in walk
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if import::is_supported(e.path()) {
                        files.push(e.into_path());
                    } else {
                        problems.push(Diagnostic::warning(
                            e.path(),
                            "skipped: not a .txt, .md or .html file",
                        ));
                    }
                }
                Ok(_) => {}
                Err(e) => problems.push(Diagnostic::error(
                    path,
                    format!("cannot read the folder: {e}"),
                )),
            }
        }
    }
    files
}

/// Writes a new file, refusing to replace one (even one made meanwhile).
pub(super) fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}
