use super::*;
use std::path::Path;

fn targets() -> LinkTargets {
    let mut t = LinkTargets::default();
    t.insert("pt/a.md".into(), LinkTarget::Page("pt/a/".into()));
    t.insert("hr/b.md".into(), LinkTarget::Page("hr/b/".into()));
    t.insert("pt/img.png".into(), LinkTarget::File("pt/img.png".into()));
    t.insert_generated("".into());
    t.insert_generated("pt/".into());
    t.insert_generated("pt/topics/empathy/".into());
    t
}

fn render_body(body: &str) -> Rendered {
    let source = format!("+++\ntitle = \"A\"\n+++\n{body}");
    let targets = targets();
    let ctx = RenderContext {
        path: Path::new("content/pt/a.md"),
        source: &source,
        body_offset: source.find(body).unwrap(),
        content_path: "pt/a.md",
        page_url: "pt/a/",
        targets: &targets,
        index: "index.html",
        base_path: "/handbook/",
        raw_html: RawHtml::Sanitize,
    };
    render(&ctx)
}

#[test]
fn heading_ids_are_the_webs_and_unique() {
    let r = render_body(
        "## 5. Ponudite rješenja\n\n## 5. Ponudite rješenja\n\n### Custom {#mine}\n\n## المكونات\n\n## config:load\n",
    );
    let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "5-ponudite-rješenja",
            "5-ponudite-rješenja-1",
            "mine",
            "المكونات",
            "configload"
        ]
    );
    assert_eq!(
        legacy_ids(&r.headings),
        [
            "5-ponudite-rjesenja",
            "5-ponudite-rjesenja-1",
            "mine",
            "section",
            "config-load"
        ]
    );
    assert!(r
        .html
        .contains("<h2 id=\"5-ponudite-rješenja\">5. Ponudite rješenja</h2>"));
    assert_eq!(r.headings[2].text, "Custom");
}

#[test]
fn links_to_pages_become_relative_urls_and_are_recorded() {
    let r = render_body("See [b](../hr/b.md#5-ponudite-rjesenja) and ![i](img.png).\n");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(
        r.html
            .contains("href=\"../../hr/b/index.html#5-ponudite-rjesenja\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("src=\"../../pt/img.png\""), "{}", r.html);
    assert_eq!(r.links.len(), 1);
    assert_eq!(r.links[0].target, "hr/b.md");
    assert_eq!(r.links[0].anchor.as_deref(), Some("5-ponudite-rjesenja"));
    assert_eq!((r.links[0].position.line, r.links[0].position.col), (4, 5));
}

#[test]
fn a_missing_page_is_reported_at_the_link() {
    let r = render_body("Intro.\n\nText [x](../es/nope.md) end.\n");
    assert_eq!(r.problems.len(), 1);
    let p = &r.problems[0];
    assert_eq!((p.line, p.col), (6, 6));
    assert!(p.message.contains("content/es/nope.md"), "{}", p.message);
}

#[test]
fn external_links_and_template_syntax_are_left_alone() {
    let r = render_body("[w](https://example.com) {{ x }} {% if y %}\n");
    assert!(r.html.contains("href=\"https://example.com\""));
    assert!(r.html.contains("{{ x }} {% if y %}"));
}

#[test]
fn search_text_never_holds_what_the_sanitizer_removed() {
    let r = render_body("Ask <script>steal(\"secret\")</script> calmly <style>p{}</style> now.\n");
    assert!(!r.html.contains("steal"), "{}", r.html);
    assert_eq!(r.plain_text, "Ask calmly now.");
    assert_eq!(r.word_count, 3);
}

#[test]
fn plain_text_and_reading_time() {
    let r = render_body("# T\n\nOne two *three*.\n\n- four\n- five\n");
    assert_eq!(r.word_count, 6);
    assert!(r.plain_text.contains("One two three."));
    assert_eq!(reading_minutes(0, 200), 1);
    assert_eq!(reading_minutes(401, 200), 3);
}

#[test]
fn plain_text_is_collapsed_and_counted_like_split_whitespace() {
    let r = render_body(
        "# Title  here\n\nAT&amp;T un*believ*able `code  span` a\u{a0}b\\\nhard\nsoft\n\n\
         - one\n- two\n\n| a | b |\n|---|---|\n| x y | z |\n\n> quoted  text\n\n```\nfn  main()\n```\n",
    );
    assert_eq!(
        r.plain_text,
        "Title here AT&T unbelievable code span a b hard soft one two a b x y z quoted text fn main()"
    );
    assert_eq!(r.word_count, r.plain_text.split_whitespace().count());
    assert_eq!(r.word_count, 21);
}

#[test]
fn extensions_are_on() {
    let r = render_body(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~s~~ - [x] t\n\nx[^1]\n\n[^1]: note\n\n\"quoted\"\n",
    );
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("<del>s</del>"));
    assert!(r.html.contains("footnote"));
    assert!(r.html.contains("“quoted”"));
}

#[test]
fn raw_html_is_sanitized_by_default() {
    let r = render_body("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>.\n");
    assert!(
        !r.html.contains("<script") && !r.html.contains("onclick"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<b>bold</b>"));
}

#[test]
fn markdown_links_to_script_urls_are_sanitized() {
    let r =
        render_body("[x](javascript:alert(1)) <javascript:alert(2)> [y](JavaScript:alert(3))\n");
    assert!(
        !r.html.to_lowercase().contains("href=\"javascript:"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<a>x</a>"));
}

#[test]
fn site_path_links_resolve_and_are_written_relative() {
    let r = render_body(
        "[a](/handbook/pt/a/#x) [b](/hr/b) [c](/handbook/hr/b/index.html) [t](/pt/topics/empathy/) [h](/handbook/) [i](/handbook/logo.png) [o](/other-app/) [m](/pt/a.md)\n",
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    for href in [
        "href=\"../../pt/a/index.html#x\"",
        "href=\"../../hr/b/index.html\"",
        "href=\"../../pt/topics/empathy/index.html\"",
        "href=\"../../logo.png\"",
        "href=\"../../index.html\"",
        "href=\"/other-app/\"",
    ] {
        assert!(r.html.contains(href), "{href} in {}", r.html);
    }
    assert_eq!(r.html.matches("href=\"../../hr/b/index.html\"").count(), 2);
    let targets: Vec<_> = r
        .links
        .iter()
        .map(|l| (l.target.as_str(), l.anchor.as_deref()))
        .collect();
    assert_eq!(
        targets,
        [
            ("pt/a.md", Some("x")),
            ("hr/b.md", None),
            ("hr/b.md", None),
            ("pt/a.md", None)
        ]
    );
}

#[test]
fn a_site_path_to_no_page_is_an_error_at_its_place() {
    let r = render_body("Text\n\n[x](/handbook/pt/nope/) and [y](/pt/../../etc/)\n");
    assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
    assert_eq!(
        r.problems[0].message,
        "the link `/handbook/pt/nope/` points to no page of this site"
    );
    assert_eq!((r.problems[0].line, r.problems[0].col), (6, 1));
}

#[test]
fn site_paths_in_raw_html_are_written_relative_too() {
    let r = render_body(
        "<code>x | <a href=\"/pt/a/#y\">A</a></code> and <img src=\"/handbook/logo.png\" alt=\"\">\n",
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(
        r.html.contains("href=\"../../pt/a/index.html#y\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("src=\"../../logo.png\""), "{}", r.html);
    assert_eq!(r.links.len(), 1);
}

#[test]
fn alerts_become_callouts_whose_titles_the_render_stage_fills() {
    let r = render_body(
        "> [!WARNING]\n> Never promise a *refund*.\n\n> [!TIP]\n> Listen.\n\n> A quote.\n",
    );
    assert_eq!(
        r.html,
        "<div class=\"callout callout-warning\" role=\"note\">\n\
         <p class=\"callout-title\">callout-warning</p>\n\
         <p>Never promise a <em>refund</em>.</p>\n</div>\n\
         <div class=\"callout callout-tip\" role=\"note\">\n\
         <p class=\"callout-title\">callout-tip</p>\n<p>Listen.</p>\n</div>\n\
         <blockquote>\n<p>A quote.</p>\n</blockquote>\n"
    );
    let filled = callouts::fill_titles(&r.html, &|key| match key {
        "callout-warning" => "Upozorenje",
        _ => "Savjet",
    });
    assert!(
        filled.contains("<p class=\"callout-title\">Upozorenje</p>"),
        "{filled}"
    );
    assert!(
        filled.contains("<p class=\"callout-title\">Savjet</p>"),
        "{filled}"
    );
    assert!(!filled.contains("callout-title\">callout-"), "{filled}");
}

#[test]
fn the_plain_text_of_a_callout_has_neither_marker_nor_label() {
    let r = render_body("Before.\n\n> [!CAUTION]\n> Stay calm.\n\nAfter.\n");
    assert_eq!(r.plain_text, "Before. Stay calm. After.");
    assert_eq!(r.word_count, 4);
}

#[test]
fn every_kind_and_nesting_is_a_callout() {
    let r = render_body(
        "> [!NOTE]\n> n\n\n> [!IMPORTANT]\n> i\n>\n> > [!CAUTION]\n> > c\n>\n> > plain\n\n\
         - item\n\n  > [!TIP]\n  > t\n",
    );
    for key in callouts::KEYS {
        if key != "callout-warning" {
            assert!(
                r.html.contains(&format!("class=\"callout {key}\"")),
                "{key}: {}",
                r.html
            );
        }
    }
    assert_eq!(
        r.html.matches("<div").count(),
        r.html.matches("</div>").count()
    );
    assert_eq!(r.html.matches("<blockquote>").count(), 1, "{}", r.html);
    assert_eq!(r.html.matches("</blockquote>").count(), 1, "{}", r.html);
}

#[test]
fn callouts_survive_the_sanitizer_and_escaping_mode() {
    let source = "> [!NOTE]\n> <b onclick=\"x()\">Bold</b> <div role=\"button\">d</div>\n";
    let r = render_body(source);
    assert!(
        r.html.starts_with(
            "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">callout-note</p>"
        ),
        "{}",
        r.html
    );
    assert!(
        !r.html.contains("onclick") && !r.html.contains("button"),
        "{}",
        r.html
    );
    let full = format!("+++\ntitle = \"A\"\n+++\n{source}");
    let targets = targets();
    let escaped = render(&RenderContext {
        path: Path::new("content/pt/a.md"),
        source: &full,
        body_offset: full.find(source).unwrap(),
        content_path: "pt/a.md",
        page_url: "pt/a/",
        targets: &targets,
        index: "index.html",
        base_path: "/",
        raw_html: RawHtml::Escape,
    });
    assert!(
        escaped
            .html
            .starts_with("<div class=\"callout callout-note\" role=\"note\">"),
        "{}",
        escaped.html
    );
    assert!(escaped.html.contains("&lt;b onclick"), "{}", escaped.html);
}

#[test]
fn section_introductions_get_callouts_too() {
    let html = render_simple("> [!IMPORTANT]\n> Read first.\n");
    assert!(
        html.contains("<p class=\"callout-title\">callout-important</p>"),
        "{html}"
    );
}
