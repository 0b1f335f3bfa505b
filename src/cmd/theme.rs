//! `polybook theme eject`: the built-in theme as files under `themes/NAME/`,
//! to change it there.

use super::Report;
use crate::cli::EjectArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::starter;

/// Writes every file of the built-in theme, or nothing if one of them exists.
pub fn eject(args: EjectArgs) -> Report {
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
