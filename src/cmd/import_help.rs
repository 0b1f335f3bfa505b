//! `polybook import DIR` for a help center's export (Zendesk Guide,
//! Freshdesk solutions): reads it (`import::help`), plans the files, then
//! writes each new one, never over one.

use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::help::{self, freshdesk, zendesk};
use crate::import::site::{Contents, Site};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zendesk,
    Freshdesk,
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
    if zendesk::detect(dir) {
        Some((Kind::Zendesk, dir.clone()))
    } else if freshdesk::detect(dir) {
        Some((Kind::Freshdesk, dir.clone()))
    } else {
        None
    }
}

pub fn run(args: &ImportArgs, config: &SiteConfig, (kind, dir): (Kind, PathBuf)) -> Report {
    let started = std::time::Instant::now();
    if !dir.is_dir() {
        let d = Diagnostic::error(
            &dir,
            "not a folder: a help-center export is a folder of saved API responses",
        )
        .hint("see the README's \"Importing a help center\" for the files to save");
        return Report::failed(d.into(), "import failed");
    }
    let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let topics = match load_topics(config) {
        Ok(t) => t,
        Err(d) => return Report::failed(d, "import failed"),
    };
    let export = match kind {
        Kind::Zendesk => zendesk::read(&dir),
        Kind::Freshdesk => freshdesk::read(
            &dir,
            args.lang.as_deref().unwrap_or(&config.default_language),
        ),
    };
    let site = Site {
        languages: &languages,
        default_language: &config.default_language,
        topics: &topics,
    };
    let plan = help::plan(export, &site, args.publish);
    let mut problems = Diagnostics::default();
    problems.extend(plan.problems.iter().cloned());
    let content = config.content_dir();
    let mut written = 0;
    for file in &plan.files {
        let target = content.join(&file.target);
        let shown = Path::new("content").join(&file.target);
        if target.exists() {
            // A section's existing `_index.md` is the site's own: keep it.
            if file.page.is_some() {
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
        if args.dry_run {
            println!("would write {what}");
        } else {
            let Contents::Text(text) = &file.contents else {
                continue;
            };
            if let Err(e) = crate::fs::write_new(&target, text.as_bytes()) {
                problems.push(Diagnostic::error(&target, format!("cannot write it: {e}")));
                continue;
            }
            println!("wrote {what}");
        }
        written += 1;
    }
    let languages: Vec<String> = plan
        .languages
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect();
    println!(
        "{} export: {} page(s) ({}), {} translation group(s)",
        if kind == Kind::Zendesk {
            "Zendesk"
        } else {
            "Freshdesk"
        },
        plan.pages,
        languages.join(", "),
        plan.groups
    );
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
    if problems.has_errors() {
        return Report::failed(
            problems,
            "import failed for the articles named above; the others were imported",
        );
    }
    Report::done(problems, Some(last))
}

pub(super) fn load_topics(
    config: &SiteConfig,
) -> Result<crate::content::topics::Topics, Diagnostics> {
    let path = config.content_dir().join("topics.toml");
    if !path.exists() {
        return Ok(Default::default());
    }
    let text = crate::fs::read_to_string(&path).map_err(Diagnostics::from)?;
    crate::content::topics::parse(&path, &text)
}
