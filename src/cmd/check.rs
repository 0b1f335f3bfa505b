//! `polybook check`: every validation of `build`, writing nothing, plus reports
//! on catalogs, topics, orphans and translation coverage.

use super::Report;
use crate::cli::CheckArgs;
use crate::diagnostics::Diagnostics;
use crate::{check, i18n, render, BuildOptions};

/// What `polybook check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub problems: Diagnostics,
    /// Translation key × language table.
    pub coverage: String,
}

/// Prints the coverage table on stdout; with `--strict`, warnings fail too.
pub fn run(args: CheckArgs) -> Report {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        ..Default::default()
    };
    if args.review {
        return review(&args, &options);
    }
    let report = check_site(&options);
    let warnings = report.problems.iter().filter(|d| !d.is_error()).count();
    if !report.coverage.is_empty() {
        println!("Translation coverage:\n{}", report.coverage);
    }
    if report.problems.has_errors() {
        return Report::failed(report.problems, "check failed");
    }
    if args.strict && warnings > 0 {
        // No errors: say what failed it.
        let line = format!("check failed: {warnings} warning(s), which --strict makes errors");
        return Report {
            problems: report.problems,
            last_line: Some(line),
            success: false,
        };
    }
    let line = format!("check passed ({warnings} warning(s))");
    Report::done(report.problems, Some(line))
}

pub fn check_site(options: &BuildOptions) -> CheckReport {
    let config = match crate::load_config(options) {
        Ok(config) => config,
        Err(problems) => {
            return CheckReport {
                problems,
                coverage: String::new(),
            }
        }
    };
    let mut problems = match crate::build_site(&config, options.drafts) {
        Ok(site) => site.warnings,
        Err(problems) => problems,
    };
    let (site, _) = crate::analyze(&config, options.drafts);
    problems.extend(check::unused_and_orphans(&config, &site));
    problems.extend(check::synonyms_found_nowhere(&config, &site));
    let locales = i18n::load(&config.locales_dir());
    let theme = render::theme::load(&config);
    if let (Ok(locales), Ok(theme)) = (locales, theme) {
        let used = check::template_keys(&theme.templates);
        problems.extend(check::catalog_coverage(&config, &locales, &used));
    }
    CheckReport {
        problems: problems.sorted(),
        coverage: check::translation_coverage(&config, &site),
    }
}

/// `check --review`: the editors' lists on stdout, as text or JSON; the
/// build's errors and warnings on stderr as for `check`.
fn review(args: &CheckArgs, options: &BuildOptions) -> Report {
    let as_of = match &args.as_of {
        None => crate::calendar::today(),
        Some(text) => match crate::shape::parse_day(text) {
            Ok(date) => date,
            Err(why) => {
                let problem = crate::diagnostics::Diagnostic::error("--as-of", why)
                    .hint("give the day to review as of, like --as-of 2024-05-01");
                return Report::failed(problem.into(), "check failed");
            }
        },
    };
    let config = match crate::load_config(options) {
        Ok(config) => config,
        Err(problems) => return Report::failed(problems, "check failed"),
    };
    let (site, problems) = crate::analyze(&config, options.drafts);
    if problems.has_errors() {
        return Report::failed(problems.sorted(), "check failed");
    }
    let report = crate::review::report(&config, &site.articles, &site.graph, as_of);
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => return Report::failed_with(format!("cannot write the review as JSON: {e}")),
        }
    } else {
        print!("{}", report.to_text(&config));
    }
    let count = |f: fn(&crate::review::LanguageReport) -> usize| -> usize {
        report.languages.iter().map(f).sum()
    };
    let line = format!(
        "review as of {as_of}: {} past their review date, {} without an owner, {} translation(s) missing, {} behind another language",
        count(|l| l.overdue.len()),
        count(|l| l.no_owner.len()),
        count(|l| l.missing.len()),
        count(|l| l.stale.len()),
    );
    Report::done(problems.sorted(), Some(line))
}
