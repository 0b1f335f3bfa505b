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
        root: args.root,
        drafts: args.drafts,
        ..Default::default()
    };
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
