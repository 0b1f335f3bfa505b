//! `polybook init`: a new site that builds and serves with nothing but the
//! binary (the theme and the UI catalogs are built in).

use super::Report;
use crate::cli::InitArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::starter::{self, NewSite};

/// Prints each file it created on stdout, and on stderr the ones it kept.
pub fn run(args: InitArgs) -> Report {
    if let Err(d) = starter::check_languages(&args.languages) {
        return Report::failed(d.into(), "init failed");
    }
    if !args.force && is_non_empty(&args.dir) {
        let problem = Diagnostic::error(&args.dir, "this folder is not empty")
            .hint("choose an empty or new folder, or pass --force to add the missing files (existing ones are kept)");
        return Report::failed(problem.into(), "init failed");
    }
    let site = NewSite {
        languages: &args.languages,
        title: &args.title,
    };
    match starter::write_new(&args.dir, &starter::site_files(&site)) {
        Ok(written) => {
            for path in &written.created {
                println!("{}", path.display());
            }
            for path in &written.kept {
                eprintln!("kept {} (it exists)", path.display());
            }
            let line = format!(
                "created a site in {}: run `polybook build` or `polybook serve` there",
                args.dir.display()
            );
            Report::done(Diagnostics::default(), Some(line))
        }
        Err(problems) => Report::failed(problems, "init failed"),
    }
}

fn is_non_empty(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}
