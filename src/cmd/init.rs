//! `polybook init`: a new site that builds and serves with nothing but the
//! binary (the theme and the UI catalogs are built in).

use super::Report;
use crate::cli::InitArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::starter::{self, NewSite};

/// Prints each file it created on stdout, and on stderr the ones it kept.
pub fn run(args: InitArgs) -> Report {
    let languages = match languages(&args) {
        Ok(languages) => languages,
        Err(problems) => return Report::failed(problems, "init failed"),
    };
    if let Err(d) = starter::check_languages(&languages, "--languages") {
        return Report::failed(d.into(), "init failed");
    }
    if !args.force && is_non_empty(&args.dir) {
        let problem = Diagnostic::error(&args.dir, "this folder is not empty")
            .hint("choose an empty or new folder, or pass --force to add the missing files (existing ones are kept)");
        return Report::failed(problem.into(), "init failed");
    }
    let site = NewSite {
        languages: &languages,
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

/// The languages of the new site: as given (`pt, hr` trimmed); else, with
/// --force where a site.toml is, its languages (default first), so the files
/// added match the site; else English.
fn languages(args: &InitArgs) -> Result<Vec<String>, Diagnostics> {
    if let Some(given) = &args.languages {
        return Ok(given
            .iter()
            .map(|code| code.trim().to_string())
            .filter(|code| !code.is_empty())
            .collect());
    }
    if !(args.force && args.dir.join(crate::config::CONFIG_FILE).is_file()) {
        return Ok(vec!["en".to_string()]);
    }
    let config = crate::config::load(&args.dir, None)?;
    let mut codes = vec![config.default_language.clone()];
    codes.extend(
        config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .filter(|code| *code != config.default_language),
    );
    Ok(codes)
}

fn is_non_empty(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}
