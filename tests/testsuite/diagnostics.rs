//! The errors users see, pinned whole. Each case is a minimal site in
//! `tests/fixtures/<case>/`, copied to a temporary folder on top of the
//! repository's theme and locales (`Site::fixture`). The real binary runs there,
//! as an editor would run it in their site, so paths print relative to the site.
//! The transcript of the case (each command, its whole stderr and its exit
//! status) must equal `tests/snapshots/diagnostics/<case>.txt` byte for byte:
//! no wildcards. Should a message ever print the temporary folder, it reads
//! `[ROOT]` there, and the time a build took `[MS] ms`. stdout (the translation coverage of `check`) is not part of it.
//!
//! A changed message fails with a diff of its snapshot. To accept new output,
//! run `SNAPSHOTS=overwrite cargo test --test testsuite diagnostics::` and review the diff.

use crate::support;
use support::{repo_root, Site};

const CHECK: &[&str] = &["check"];
const BUILD: &[&str] = &["build"];

/// Runs `commands` on the fixture `case` and compares the transcript with its snapshot.
#[track_caller]
fn diagnose(case: &str, commands: &[&[&str]]) {
    let site = Site::fixture(case);
    let mut runs = Vec::new();
    for args in commands {
        let run = site.run(args);
        let stderr = redact_ms(&redact_root(&run.stderr(), site.root()));
        assert_ne!(run.code(), Some(101), "polybook panicked:\n{stderr}");
        assert!(!stderr.contains('\x1b'), "colors in stderr:\n{stderr}");
        let status = match run.code() {
            Some(code) => code.to_string(),
            None => "killed by a signal".to_string(),
        };
        runs.push(format!(
            "$ polybook {}\n{stderr}exit status: {status}\n",
            args.join(" ")
        ));
    }
    let snapshot = snapshot_dir().join(format!("{case}.txt"));
    snapbox::Assert::new()
        .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
        .eq(
            runs.join("\n"),
            snapbox::Data::read_from(&snapshot, None).raw(),
        );
}

fn snapshot_dir() -> std::path::PathBuf {
    repo_root().join("tests/snapshots/diagnostics")
}

/// `text` with the site's temporary folder, as given and as resolved, shown as `[ROOT]`.
fn redact_root(text: &str, root: &std::path::Path) -> String {
    let mut text = text.to_string();
    let resolved = root.canonicalize().expect("the site's folder");
    for path in [resolved.as_path(), root] {
        text = text.replace(&*path.to_string_lossy(), "[ROOT]");
    }
    text
}

/// `text` with the milliseconds of `in 271 ms` shown as `[MS]`.
fn redact_ms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let timed = line.trim_end().strip_suffix(" ms").and_then(|rest| {
            let (head, ms) = rest.rsplit_once(" in ")?;
            ms.bytes().all(|b| b.is_ascii_digit()).then_some(head)
        });
        match timed {
            Some(head) => out.push_str(&format!("{head} in [MS] ms\n")),
            None => out.push_str(line),
        }
    }
    out
}

#[test]
fn every_snapshot_has_its_fixture() {
    for entry in std::fs::read_dir(snapshot_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let case = name.strip_suffix(".txt").expect("a .txt snapshot");
        assert!(
            repo_root().join("tests/fixtures").join(case).is_dir(),
            "{name}: no tests/fixtures/{case}/"
        );
    }
}

// Configuration.

#[test]
fn missing_site_toml() {
    diagnose(
        "missing_site_toml",
        &[
            CHECK,
            BUILD,
            &["serve", "--port", "0"],
            &["theme", "eject"],
            &["theme", "locale", "de"],
            &["new", "pt/ouvir"],
            &["search", "ouvir"],
        ],
    );
}

#[test]
fn invalid_site_toml() {
    diagnose("invalid_site_toml", &[CHECK, BUILD]);
}

#[test]
fn unknown_site_toml_key() {
    diagnose("unknown_site_toml_key", &[CHECK, BUILD]);
}

/// Two typos, a wrong language and three wrong values: every one in one run.
#[test]
fn every_site_toml_problem() {
    diagnose("every_site_toml_problem", &[CHECK, BUILD]);
}

/// A flag's value is the flag's problem, not site.toml's.
#[test]
fn base_url_flag() {
    diagnose(
        "base_url_flag",
        &[
            &["build", "--base-url", "/handbook/"],
            &["build", "--base-url", "example.com/handbook"],
            &["check", "--review", "--as-of", "2024-02-30"],
            &["check", "--review", "--as-of", "2024-13-01"],
        ],
    );
}

#[test]
fn invalid_print_chunk() {
    diagnose("invalid_print_chunk", &[CHECK, BUILD]);
}

#[test]
fn missing_theme() {
    diagnose("missing_theme", &[CHECK, BUILD]);
}

#[test]
fn unconfigured_language() {
    diagnose("unconfigured_language", &[CHECK, BUILD]);
}

#[test]
fn fluent_syntax_error() {
    diagnose("fluent_syntax_error", &[CHECK, BUILD]);
}

/// `init --force` in a site keeps its languages (no `en` page added);
/// language lists may have spaces; a flag's problem is the flag's.
#[test]
fn init_in_a_site() {
    diagnose(
        "init_in_a_site",
        &[
            &["init", ".", "--force"],
            CHECK,
            &["init", "other", "--languages", "pt,PT"],
            &["init", "spaced", "--languages", "pt, hr"],
        ],
    );
}

/// `new --translation-of` into a language that has that translation names it.
#[test]
fn second_translation() {
    diagnose(
        "second_translation",
        &[&["new", "hr/drugi", "--translation-of", "content/pt/ouvir.md"]],
    );
}

// Front matter.

#[test]
fn unclosed_front_matter() {
    diagnose("unclosed_front_matter", &[CHECK, BUILD]);
}

#[test]
fn malformed_front_matter() {
    diagnose("malformed_front_matter", &[CHECK, BUILD]);
}

#[test]
fn unknown_front_matter_key() {
    diagnose("unknown_front_matter_key", &[CHECK, BUILD]);
}

#[test]
fn wrong_front_matter_type() {
    diagnose("wrong_front_matter_type", &[CHECK, BUILD]);
}

/// Each page's every problem in one run, TOML and YAML, with days that do
/// not exist said to be so.
#[test]
fn every_front_matter_problem() {
    diagnose("every_front_matter_problem", &[CHECK, BUILD]);
}

/// YAML's syntax errors at one position each, in as plain words as the
/// parser allows; a key twice and a number too large in the site's words.
#[test]
fn yaml_front_matter() {
    diagnose("yaml_front_matter", &[CHECK]);
}

/// Slips of a newcomer following the README: YAML between +++ lines, a day
/// written with slashes, a key with no value, the page's file path given to
/// `new`, a language the site does not have, flags given words.
#[test]
fn newcomer_slips() {
    diagnose(
        "newcomer_slips",
        &[
            CHECK,
            &["new", "content/pt/novo.md"],
            &["new", "de/falar"],
            &["search", "ouvir", "--lang", "de"],
            &["search", "ouvir", "--limit", "ten"],
            &["serve", "--port", "abc"],
            &["init", "outro", "--languages", "portuguese"],
        ],
    );
}

// Topics.

#[test]
fn unknown_topic() {
    diagnose("unknown_topic", &[CHECK, BUILD]);
}

#[test]
fn invalid_topics_toml() {
    diagnose("invalid_topics_toml", &[CHECK, BUILD]);
}

/// Every problem of topics.toml at once; while it cannot be read, no page's
/// topic is called unknown because of it.
#[test]
fn every_topics_problem() {
    diagnose("every_topics_problem", &[CHECK]);
}

// Links and addresses.

/// A link to a draft says it is one, and `--drafts` builds it.
#[test]
fn link_to_draft() {
    diagnose("link_to_draft", &[CHECK, &["build", "--drafts"]]);
}

#[test]
fn missing_link_target() {
    diagnose("missing_link_target", &[CHECK, BUILD]);
}

#[test]
fn missing_anchor() {
    diagnose("missing_anchor", &[CHECK, BUILD]);
}

#[test]
fn link_outside_content() {
    diagnose("link_outside_content", &[CHECK, BUILD]);
}

#[test]
fn duplicate_urls() {
    diagnose("duplicate_urls", &[CHECK, BUILD]);
}

#[test]
fn hostile_file_names() {
    diagnose("hostile_file_names", &[BUILD, &["check", "--strict"]]);
}

// Output folder and warnings.

#[test]
fn output_folder_refused() {
    diagnose(
        "output_folder_refused",
        &[
            &["build", "--output", "content"],
            &["build", "--output", "."],
            &["build", "--output", "mine"],
        ],
    );
}

#[test]
fn check_warnings() {
    diagnose("check_warnings", &[CHECK, &["check", "--strict"]]);
}

#[test]
fn review_keys() {
    diagnose("review_keys", &[BUILD, CHECK]);
}

#[test]
fn review_interval_in_site_toml() {
    diagnose("review_interval_in_site_toml", &[BUILD]);
}

// Aliases.

#[test]
fn bad_aliases() {
    diagnose("bad_aliases", &[CHECK, BUILD]);
}
