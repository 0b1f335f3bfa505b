//! `polybook import DIR` for a wiki space's export (Confluence space HTML,
//! Notion Markdown & CSV): reads it (`import::space`), plans the files,
//! then writes each new one, never over one.

use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::site::{Contents, Site};
use crate::import::space::{self, confluence, notion};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Confluence,
    Notion,
}

/// The export to import, when the arguments name one: `forced` is `None`
/// when `--from` names another kind of source, `Some(None)` to detect.
pub fn export(args: &ImportArgs, forced: Option<Option<Kind>>) -> Option<(Kind, PathBuf)> {
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
    if confluence::detect(dir) {
        Some((Kind::Confluence, dir.clone()))
    } else if notion::detect(dir) {
        Some((Kind::Notion, dir.clone()))
    } else {
        None
    }
}

pub fn run(args: &ImportArgs, config: &SiteConfig, (kind, dir): (Kind, PathBuf)) -> Report {
    let started = std::time::Instant::now();
    if !dir.is_dir() {
        let d = Diagnostic::error(
            &dir,
            "not a folder: a Confluence or Notion export is a folder",
        )
        .hint("unpack the export's .zip and import the folder it holds");
        return Report::failed(d.into(), "import failed");
    }
    let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let topics = match super::import_help::load_topics(config) {
        Ok(t) => t,
        Err(d) => return Report::failed(d, "import failed"),
    };
    let export = match kind {
        Kind::Confluence => confluence::read(&dir),
        Kind::Notion => notion::read(&dir, &topics),
    };
    let vendor = export.vendor;
    let site = Site {
        languages: &languages,
        default_language: &config.default_language,
        topics: &topics,
    };
    let plan = space::plan(export, &site, args.lang.as_deref(), args.publish);
    let mut problems = Diagnostics::default();
    problems.extend(plan.problems.iter().cloned());
    let content = config.content_dir();
    let mut written = 0;
    for file in &plan.files {
        let target = content.join(&file.target);
        let shown = Path::new("content").join(&file.target);
        if target.exists() {
            problems.push(
                Diagnostic::error(
                    &file.source,
                    format!("{} exists: not overwriting it", shown.display()),
                )
                .hint("remove or move the existing file, or import into a site without it"),
            );
            continue;
        }
        let what = match &file.page {
            Some((lang, title)) => format!("{} ({lang}, \"{title}\")", shown.display()),
            None => shown.display().to_string(),
        };
        if args.dry_run {
            println!("would write {what}");
        } else {
            let result = match &file.contents {
                Contents::Text(text) => crate::fs::write_new(&target, text.as_bytes()),
                Contents::Copy(from) => {
                    std::fs::read(from).and_then(|b| crate::fs::write_new(&target, &b))
                }
            };
            if let Err(e) = result {
                problems.push(
                    Diagnostic::error(&target, format!("cannot write it: {e}"))
                        .hint("check that you may write under content/"),
                );
                continue;
            }
            println!("wrote {what}");
        }
        written += 1;
    }
    if plan.pages > 0 {
        println!(
            "{vendor} export: {} page(s) ({}), {} attachment(s)",
            plan.pages, plan.lang, plan.attachments
        );
    }
    if problems.has_errors() {
        return Report::failed(
            problems,
            "import failed for the pages named above; the others were imported",
        );
    }
    let verb = if args.dry_run { "would write" } else { "wrote" };
    let last = format!(
        "{verb} {written} file(s) from {} in {:.1} s{}",
        dir.display(),
        started.elapsed().as_secs_f64(),
        if args.dry_run {
            "; nothing was written (--dry-run)"
        } else if args.publish {
            ""
        } else {
            ": the pages are drafts (build --drafts shows them); import with --publish to publish them"
        }
    );
    Report::done(problems, Some(last))
}
