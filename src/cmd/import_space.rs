//! `polybook import DIR` for a wiki space's export (Confluence space HTML,
//! Notion Markdown & CSV): reads it (`import::space`), plans the files,
//! then writes each new one, never over one.

use super::import_plan::{self, Writing};
use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::site::Site;
use crate::import::space::{self, confluence, notion};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Confluence,
    Notion,
}

/// The export to import, when the arguments name one: `forced` is `None`
/// when `--from` names another kind of source, `Some(None)` to detect.
pub fn export(args: &ImportArgs, forced: Option<Option<Kind>>) -> Option<(Kind, PathBuf)> {
    import_plan::export(
        args,
        forced,
        &[
            (Kind::Confluence, confluence::detect),
            (Kind::Notion, notion::detect),
        ],
    )
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
    let topics = match import_plan::load_topics(config) {
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
    let how = Writing {
        dry_run: args.dry_run,
        list: true,
        keep_existing_sections: false,
    };
    let written = import_plan::write(&plan.files, &config.content_dir(), &how, &mut problems);
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
    let last = import_plan::closing_line(args, written, &dir, started);
    Report::done(problems, Some(last))
}
