//! `polybook theme eject`: the built-in theme as files under `themes/NAME/`,
//! to change it there; `polybook theme locale`: a catalog to translate.

use super::Report;
use crate::cli::{EjectArgs, LocaleArgs};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::starter;

/// Writes every file of the built-in theme, or nothing if one of them exists.
pub fn eject(args: EjectArgs) -> Report {
    if let Err(problem) = crate::config::require_site(&args.root) {
        return Report::failed(problem.into(), "theme eject failed");
    }
    let dir = args.root.join("themes").join(&args.name);
    if args.name.is_empty() || args.name.contains(['/', '\\']) || args.name.starts_with('.') {
        let problem = Diagnostic::error(&dir, format!("`{}` is not a theme name", args.name))
            .hint("give a folder name, e.g. polybook theme eject default");
        return Report::failed(problem.into(), "theme eject failed");
    }
    let files = starter::theme_files(&args.name);
    let existing = starter::existing(&args.root, &files);
    if !existing.is_empty() {
        let problems: Vec<Diagnostic> = existing
            .iter()
            .map(|path| {
                Diagnostic::error(path, "this file exists; theme eject never overwrites")
                    .hint("move it away, or eject under another name: polybook theme eject NAME")
            })
            .collect();
        return Report::failed(problems.into(), "theme eject failed");
    }
    match starter::write_new(&args.root, &files) {
        Ok(written) => {
            let line = format!(
                "wrote {} files to {}; set theme = \"{}\" in site.toml to use them",
                written.created.len(),
                dir.display(),
                args.name
            );
            Report::done(Diagnostics::default(), Some(line))
        }
        Err(problems) => Report::failed(problems, "theme eject failed"),
    }
}

/// Writes `locales/LANG/main.ftl` for translators, unless it exists.
pub fn locale(args: LocaleArgs) -> Report {
    if let Err(problem) = crate::config::require_site(&args.root) {
        return Report::failed(problem.into(), "theme locale failed");
    }
    let code = args.language.trim().to_string();
    if let Err(problem) = starter::check_languages(std::slice::from_ref(&code), "LANGUAGE") {
        return Report::failed(problem.into(), "theme locale failed");
    }
    let file = starter::catalog_skeleton(&code);
    let path = args.root.join(&file.path);
    if path.exists() {
        let problem = Diagnostic::error(&path, "this file exists; theme locale never overwrites")
            .hint("translate the messages still commented out in it, or move it away first");
        return Report::failed(problem.into(), "theme locale failed");
    }
    match starter::write_new(&args.root, &[file]) {
        Ok(_) => {
            let line = format!(
                "wrote {}: remove the `# ` before a message and translate it",
                path.display()
            );
            Report::done(Diagnostics::default(), Some(line))
        }
        Err(problems) => Report::failed(problems, "theme locale failed"),
    }
}
