//! One file per command of [`crate::cli::Command`], as mdBook has: each does
//! its work, prints its answer, and hands `main` a [`Report`] to show.

pub mod build;
pub mod check;
pub mod import;
mod import_help;
mod import_plan;
mod import_site;
mod import_space;
pub mod init;
pub mod new;
pub mod search;
pub mod serve;
pub mod theme;

use crate::diagnostics::Diagnostics;

/// How a command ended. `main` shows the problems (relative to the site's
/// folder), then the last line, on stderr, and exits with the status.
#[derive(Debug)]
pub struct Report {
    pub problems: Diagnostics,
    pub last_line: Option<String>,
    pub success: bool,
}

impl Report {
    /// Succeeded, with its warnings and maybe a closing line.
    pub fn done(warnings: Diagnostics, last_line: Option<String>) -> Report {
        Report {
            problems: warnings,
            last_line,
            success: true,
        }
    }

    /// Failed with `problems`: the last line says what failed and counts its errors.
    pub fn failed(problems: Diagnostics, what: &str) -> Report {
        let last_line = format!("{what}: {} error(s)", problems.error_count());
        Report {
            problems,
            last_line: Some(last_line),
            success: false,
        }
    }

    /// Failed for a reason that is not a diagnostic, said in one line.
    pub fn failed_with(line: String) -> Report {
        Report {
            problems: Diagnostics::default(),
            last_line: Some(line),
            success: false,
        }
    }
}
