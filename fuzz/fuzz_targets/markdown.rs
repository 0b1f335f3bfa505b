//! Markdown rendering: never panics, every reported problem and link points into
//! the file, heading ids are unique, and no raw `<script` survives Sanitize or
//! Escape. The first input byte picks the raw HTML mode; the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::config::RawHtml;
use polybook::markdown::{self, LinkTarget, LinkTargets, RenderContext};
use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

#[path = "../common/positions.rs"]
mod positions;
use positions::{assert_diagnostic_inside, assert_inside};

const FRONT_MATTER: &str = "+++\ntitle = \"A\"\n+++\n";

/// The same targets as the unit tests in src/markdown/tests.rs.
static TARGETS: LazyLock<LinkTargets> = LazyLock::new(|| {
    let mut t = LinkTargets::default();
    t.insert("pt/a.md".into(), LinkTarget::Page("pt/a/".into()));
    t.insert("hr/b.md".into(), LinkTarget::Page("hr/b/".into()));
    t.insert("pt/img.png".into(), LinkTarget::File("pt/img.png".into()));
    t.insert_generated("".into());
    t.insert_generated("pt/".into());
    t
});

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let raw_html = match mode % 3 {
        0 => RawHtml::Sanitize,
        1 => RawHtml::Trust,
        _ => RawHtml::Escape,
    };
    let source = format!("{FRONT_MATTER}{body}");
    let ctx = RenderContext {
        path: Path::new("content/pt/a.md"),
        source: &source,
        body_offset: FRONT_MATTER.len(),
        content_path: "pt/a.md",
        page_url: "pt/a/",
        targets: &TARGETS,
        index: "index.html",
        base_path: "/handbook/",
        raw_html,
    };
    let rendered = markdown::render(&ctx);

    for problem in &rendered.problems {
        assert_diagnostic_inside(&source, problem);
        // Problems are in the body, never in the front matter.
        assert!(
            problem.line >= 4,
            "problem in the front matter: {problem:?}"
        );
    }
    for link in &rendered.links {
        assert_inside(&source, link.position.line, link.position.col, link);
        assert!(
            link.position.line >= 4,
            "link in the front matter: {link:?}"
        );
    }
    let mut ids = HashSet::new();
    for heading in &rendered.headings {
        assert!(!heading.id.is_empty(), "empty heading id: {heading:?}");
        assert!(
            ids.insert(heading.id.as_str()),
            "duplicate heading id: {heading:?}"
        );
        assert!((1..=6).contains(&heading.level));
    }
    assert_eq!(
        rendered.word_count,
        rendered.plain_text.split_whitespace().count()
    );
    if raw_html != RawHtml::Trust {
        assert!(
            !rendered.html.to_ascii_lowercase().contains("<script"),
            "{raw_html:?} let a script through: {}",
            rendered.html
        );
    }
});
