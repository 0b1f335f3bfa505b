//! The slips a newcomer makes in site.toml, a page's front matter (TOML and
//! YAML) and topics.toml, made at random and read by the real code: a line
//! dropped, doubled or swapped, a value of the wrong kind, an unknown or
//! misspelt key, a day that does not exist, odd Unicode, the text cut short.
//! Whatever comes in, nothing panics and every problem is shown at its place
//! with a help line, in one message with one position, in plain words.
//!
//! The generator is seeded, so a failure repeats; the assertion prints the
//! text that failed, which is then worth pinning as a fixture.

use super::{front_matter, topics, Entry, LoadOptions, Topics};
use crate::config::{self, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::path::Path;

const SITE: &str = r#"title = "Handbook"
base_url = "https://example.com/"
default_language = "pt"
description = "Como atendemos"
words_per_minute = 200
print_chunk = 50
raw_html = "sanitize"
offline = true
edit_url = "https://github.com/acme/handbook/edit/main/"

[review]
every = "12 months"

[languages.pt]
name = "Português"
weight = 1

[languages.hr]
name = "Hrvatski"
weight = 2
"#;

const TOML_PAGE: &str = r#"+++
title = "Ouvir"
description = "Como ouvir"
translation_key = "listen"
date = 2024-05-01
updated = "2024-06-01"
weight = 10
topics = ["empathy", "listening"]
draft = false
owner = "Support team"
reviewed = 2024-05-02
review_every = "6 months"
aliases = ["/pt/old-listen/"]
slug = "ouvir-bem"
extra = { a = 1 }
+++
Escute até o fim.
"#;

const YAML_PAGE: &str = r#"---
title: Ouvir
description: "Como ouvir"
date: 2024-05-01
weight: 10
topics:
  - empathy
  - listening
draft: false
owner: Support team
reviewed: 2024-05-02
review_every: 6 months
aliases: [/pt/old-listen/]
extra:
  a: 1
---
Escute até o fim.
"#;

const SECTION_PAGE: &str = r#"+++
title = "Atendimento"
description = "…"
weight = 2
+++
Intro.
"#;

const TOPICS: &str = r#"[empathy]
label = { pt = "Empatia", hr = "Empatija" }
definition = { pt = "Pôr-se no lugar do outro." }

[listening]
label.pt = "Escuta"
label.hr = "Slušanje"
"#;

/// Values a key may wrongly hold, in both syntaxes where they differ.
const WRONG_VALUES: &[&str] = &[
    "\"text\"",
    "12",
    "-3",
    "1.5",
    "true",
    "[1, 2]",
    "{ a = 1 }",
    "[]",
    "\"\"",
    "2024-02-30",
    "2024-13-01",
    "\"2023-04-31\"",
    "\"2024-5-1\"",
    "0000-00-00",
    "99999999999999999999",
    "1979-05-27T07:32:00Z",
    "inf",
    "~",
    "\"a\nb\"",
    "'''x",
    "\"\\u00e9\\q\"",
];

/// Unicode a text may carry from another editor or a paste.
const ODD: &[&str] = &[
    "\u{feff}", "\u{2028}", "\r", "\r\n", "\t", "\u{200d}", "\u{0301}", "\u{202e}", "😀", "\0",
    "\u{85}", "ﬁ", "İ", "\u{fffd}",
];

const UNKNOWN_KEYS: &[&str] = &["titel", "colour", "descripton", "topcs", "Title", "ключ"];

/// xorshift64: small, deterministic, good enough to pick slips.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// `text` with one to three slips.
fn mutate(text: &str, yaml: bool, rng: &mut Rng) -> String {
    let mut text = text.to_string();
    for _ in 0..=rng.below(3) {
        text = slip(&text, yaml, rng);
    }
    text
}

fn slip(text: &str, yaml: bool, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    if lines.is_empty() {
        return text.to_string();
    }
    let i = rng.below(lines.len());
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&b| text.is_char_boundary(b))
        .collect();
    let at = boundaries[rng.below(boundaries.len())];
    let assign = if yaml { ": " } else { " = " };
    match rng.below(9) {
        0 => {
            lines.remove(i);
        }
        1 => lines.insert(i, lines[i].clone()),
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        // Cut short: an editor that crashed, a paste that stopped.
        3 => return text[..at].to_string(),
        4 => return format!("{}{}{}", &text[..at], rng.pick(ODD), &text[at..]),
        // A key given a value of the wrong kind.
        5 => {
            if let Some((key, _)) = lines[i].split_once(assign.trim()) {
                let key = key.trim_end().to_string();
                lines[i] = format!("{key}{assign}{}\n", rng.pick(WRONG_VALUES));
            }
        }
        // A key misspelt, or one the shape does not have.
        6 => {
            if let Some((key, value)) = lines[i].split_once(assign.trim()) {
                let mut chars: Vec<char> = key.trim_end().chars().collect();
                if chars.len() > 2 {
                    let k = rng.below(chars.len() - 1);
                    chars.swap(k, k + 1);
                }
                let key: String = chars.into_iter().collect();
                lines[i] = format!("{key}{}{value}", assign.trim_end());
            }
        }
        7 => {
            let key = rng.pick(UNKNOWN_KEYS);
            let line = format!("{key}{assign}{}\n", rng.pick(WRONG_VALUES));
            lines.insert(i, line);
        }
        _ => {
            let mut chars: Vec<char> = text.chars().collect();
            let k = rng.below(chars.len());
            match rng.below(4) {
                0 => {
                    chars.remove(k);
                }
                1 => chars.insert(k, chars[k]),
                2 => chars.insert(
                    k,
                    rng.pick(&["\"", "=", "[", "]", "{", ":", "-", "'", "#"])
                        .chars()
                        .next()
                        .unwrap_or('x'),
                ),
                _ => chars[k] = ['x', ' ', '"', '1', '{', '\n'][rng.below(6)],
            }
            return chars.into_iter().collect();
        }
    }
    lines.concat()
}

/// Words of Rust or of a parser's insides that a newcomer should never read.
const RUST_WORDS: &[&str] = &[
    "i64",
    "u64",
    "usize",
    "u32",
    "invalid type:",
    "unknown field",
    "missing field",
    "unknown variant",
    "struct ",
    "Spanned",
    "serde",
    "deserialize",
    "target type",
];

/// What is wrong with how `problems` are shown, each with the text that
/// gave it: nothing, when each is placed, helped and in plain words.
fn misplaced(problems: &[Diagnostic], file: &str, text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for d in problems {
        let shown = d.display_relative_to(Path::new("/site")).to_string();
        let mut fail =
            |why: &str| wrong.push(format!("{why}: {shown}\n--- {file} was:\n{text}\n---"));
        if d.line == 0 || d.col == 0 {
            fail("no line:col");
        }
        if d.hint.as_deref().is_none_or(|h| h.trim().is_empty()) {
            fail("no help line");
        }
        if d.message.trim().is_empty() {
            fail("no message");
        }
        if d.message.contains('\n') {
            fail("more than one line");
        }
        let second_position = [" at line ", " at position "].iter().any(|at| {
            d.message
                .match_indices(at)
                .any(|(i, m)| d.message[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
        });
        if second_position {
            fail("two positions");
        }
        if let Some(word) = RUST_WORDS.iter().find(|w| d.message.contains(*w)) {
            fail(&format!("speaks Rust ({word})"));
        }
        let first = shown.lines().next().unwrap_or_default();
        if !first.starts_with(&format!("{file}:{}:{}: ", d.line, d.col)) {
            fail("not at path:line:col");
        }
        if !shown
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("  help: "))
        {
            fail("help not on its own line");
        }
    }
    wrong
}

fn site_config() -> SiteConfig {
    let root = Path::new("/site");
    config::parse(root, &root.join("site.toml"), SITE, None).expect("the seed site.toml reads")
}

/// What `polybook check` says of one page, from reading it to the checks
/// across pages (topics, review keys).
fn page_problems(config: &SiteConfig, rel: &str, text: &str, topics: &Topics) -> Vec<Diagnostic> {
    let content = config.root.join("content");
    let path = content.join(rel);
    let options = LoadOptions { drafts: false };
    match super::parse_page(config, &content, &path, text.to_string(), &options) {
        Err(problems) => problems,
        Ok(Entry::Document(doc)) => {
            let mut problems = Diagnostics::default();
            super::check_documents([&*doc], topics, &mut problems);
            problems.0
        }
        Ok(_) => Vec::new(),
    }
}

#[test]
fn the_seeds_are_clean() {
    let config = site_config();
    let topics = topics::parse(Path::new("/site/content/topics.toml"), TOPICS).unwrap();
    for (rel, text) in [
        ("pt/ouvir.md", TOML_PAGE),
        ("pt/yaml.md", YAML_PAGE),
        ("pt/atendimento/_index.md", SECTION_PAGE),
    ] {
        let problems = page_problems(&config, rel, text, &topics);
        assert!(problems.is_empty(), "{rel}: {problems:?}");
    }
    let split = front_matter::split(Path::new("a.md"), YAML_PAGE).unwrap();
    assert_eq!(split.format, front_matter::Format::Yaml);
}

#[test]
fn slips_never_panic_and_every_problem_is_placed_with_help() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let config = site_config();
    let good_topics = topics::parse(Path::new("/site/content/topics.toml"), TOPICS).unwrap();
    let root = Path::new("/site");
    let mut wrong = Vec::new();
    // About 3,000 texts: under 5 s in a debug build.
    for _ in 0..600 {
        let site = mutate(SITE, false, &mut rng);
        if let Err(problems) = config::parse(root, &root.join("site.toml"), &site, None) {
            wrong.extend(misplaced(&problems.0, "site.toml", &site));
        }
        let text = mutate(TOPICS, false, &mut rng);
        let topics = match topics::parse(&root.join("content/topics.toml"), &text) {
            Ok(topics) => topics,
            Err(problems) => {
                wrong.extend(misplaced(&problems.0, "content/topics.toml", &text));
                Topics::unreadable()
            }
        };
        for (rel, seed, yaml) in [
            ("pt/ouvir.md", TOML_PAGE, false),
            ("pt/yaml.md", YAML_PAGE, true),
            ("pt/atendimento/_index.md", SECTION_PAGE, false),
        ] {
            let text = mutate(seed, yaml, &mut rng);
            // Also against a topics.toml that reads, for the checks that
            // an unreadable one turns off.
            let topics = if rng.below(2) == 0 {
                &topics
            } else {
                &good_topics
            };
            let problems = page_problems(&config, rel, &text, topics);
            wrong.extend(misplaced(&problems, &format!("content/{rel}"), &text));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} problems shown wrong; the first five:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(5)].join("\n")
    );
}
