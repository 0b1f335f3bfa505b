//! `polybook import DIR` for a help center's export (Zendesk Guide,
//! Freshdesk solutions): reads it (`import::help`), plans the files, then
//! writes each new one, never over one.

use super::import_plan::{self, Writing};
use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::help::{self, freshdesk, zendesk};
use crate::import::site::Site;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zendesk,
    Freshdesk,
}

/// The export to import, when the arguments name one: `forced` is `None`
/// when `--from` names another kind of source, `Some(None)` to detect.
pub fn export(args: &ImportArgs, forced: Option<Option<Kind>>) -> Option<(Kind, PathBuf)> {
    import_plan::export(
        args,
        forced,
        &[
            (Kind::Zendesk, zendesk::detect),
            (Kind::Freshdesk, freshdesk::detect),
        ],
    )
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
    let topics = match import_plan::load_topics(config) {
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
    let how = Writing {
        dry_run: args.dry_run,
        list: true,
        keep_existing_sections: true,
    };
    let written = import_plan::write(&plan.files, &config.content_dir(), &how, &mut problems);
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
    let last = import_plan::closing_line(args, written, &dir, started);
    if problems.has_errors() {
        return Report::failed(
            problems,
            "import failed for the articles named above; the others were imported",
        );
    }
    Report::done(problems, Some(last))
}
