//! The text a page had on an earlier day, from the site's git history: what
//! a translation that fell behind was translated from. The site is read
//! with the `git` command the editor's repository already uses (a library
//! would add a large dependency to every build for this one read); where the
//! site is no repository, or git is missing, the earlier text is unknown and
//! the desk says so.

use std::path::Path;
use std::process::Command;

/// `file` (a path on disk inside the site) as committed last on or before
/// the end of `day` (`YYYY-MM-DD`), or `None` when history cannot tell.
pub fn text_as_of(file: &Path, day: &str) -> Option<String> {
    if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err() {
        return None;
    }
    let folder = file.parent()?;
    let name = file.file_name()?.to_str()?;
    let commit = git(
        folder,
        &[
            "log",
            "-1",
            "--format=%H",
            &format!("--before={day}T23:59:59"),
            "--",
            name,
        ],
    )?;
    let commit = commit.trim();
    if commit.is_empty() || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    git(folder, &["show", &format!("{commit}:./{name}")])
}

fn git(folder: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_repository_the_past_is_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(text_as_of(&file, "2024-01-01"), None);
        assert_eq!(text_as_of(&file, "not a day"), None);
    }
}
