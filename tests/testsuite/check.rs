//! `polybook check` reports, `polybook new`, and raw HTML handling.

use crate::support;
use support::{page, site_toml, Site};

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n\n[unused]\nlabel = { pt = \"Nada\" }\n",
        )
        .write("content/pt/a.md", &page("A", "topics = [\"empathy\"]\ntranslation_key = \"a\"\n", "Texto.\n"))
        .write("content/hr/b.md", &page("B", "", "Tekst.\n"));
    site
}

#[test]
fn check_warns_about_unused_topics_and_orphans_and_prints_coverage() {
    let site = site();
    let run = site.run(&["check"]);
    run.assert_ok();
    let err = run.stderr();
    assert!(
        err.contains("content/topics.toml:4:1: warning: no article uses the topic `unused`"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/hr/b.md:1:1: warning: this article has no topic and no page links to it"
        ),
        "{err}"
    );
    assert_eq!(
        run.stdout(),
        "Translation coverage:\n\
         translation key  pt  hr\n\
         a                 ✓   ·\n\
         hr/b.md           ·   ✓\n\n",
        "the coverage table: a key per row, ✓ where a language has the page"
    );
    site.run(&["check", "--strict"])
        .assert_failed_with("check failed");
}

#[test]
fn check_reports_fluent_syntax_errors_at_their_position() {
    let site = site();
    site.write("locales/hr/extra.ftl", "ok = fine\nbroken = { $x\n");
    site.run(&["check"])
        .assert_failed_with("locales/hr/extra.ftl:2:1: error: Fluent syntax");
}

#[test]
fn new_scaffolds_a_page_and_a_translation() {
    let site = site();
    let run = site.run(&["new", "hr/kako-slusati", "--title", "Kako slušati"]);
    run.assert_ok();
    let text = std::fs::read_to_string(site.root().join("content/hr/kako-slusati.md")).unwrap();
    assert!(
        text.starts_with("+++\ntitle = \"Kako slušati\"\n"),
        "{text}"
    );
    site.run(&["new", "hr/kako-slusati"])
        .assert_failed_with("already exists");
    site.run(&["new", "de/x"])
        .assert_failed_with("`de` is not a language of this site");
    site.run(&["new", "hr/../x"])
        .assert_failed_with("is not a slug");
    site.run(&[
        "new",
        "hr/a-translation",
        "--translation-of",
        "content/pt/a.md",
    ])
    .assert_ok();
    let text = std::fs::read_to_string(site.root().join("content/hr/a-translation.md")).unwrap();
    assert!(
        text.contains("translation_key = \"a\"") && text.contains("topics = [\"empathy\"]"),
        "{text}"
    );
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(
        site.read("pt/a/index.html").contains(
            "<link rel=\"alternate\" hreflang=\"hr\" href=\"https://example.com/hb/hr/a-translation/\">"
        ),
        "the source page names its new translation"
    );
}

#[test]
fn new_keys_a_source_page_without_a_translation_key() {
    let site = site();
    site.run(&["new", "pt/b-pt", "--translation-of", "content/hr/b.md"])
        .assert_ok();
    let source = std::fs::read_to_string(site.root().join("content/hr/b.md")).unwrap();
    assert!(source.contains("translation_key = \"b\""), "{source}");
    site.run(&["build", "--drafts"]).assert_ok();
}

#[test]
fn raw_html_is_sanitized_unless_the_site_trusts_its_editors() {
    let site = site();
    let body = "<script>alert(1)</script>\n\n<p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">l</a></p>\n";
    site.write(
        "content/pt/html.md",
        &page("Html", "topics = [\"empathy\"]\n", body),
    );
    site.build().assert_ok();
    let html = site.read("pt/html/index.html");
    let article = &html[html.find("<main").unwrap()..];
    assert!(
        !article.contains("alert(1)") && !article.contains("onclick"),
        "{article}"
    );
    site.write("site.toml", &site_toml("raw_html = \"trust\""));
    site.build().assert_ok();
    assert!(site
        .read("pt/html/index.html")
        .contains("<script>alert(1)</script>"));
    site.write("site.toml", &site_toml("raw_html = \"escape\""));
    site.build().assert_ok();
    assert!(site
        .read("pt/html/index.html")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// A synonym group whose words no page of its language has finds nothing:
/// `check` says so where it is written. One whose words a page has, in
/// another form, passes; so does a one-way rule whose key no page has.
#[test]
fn check_warns_about_synonyms_that_find_nothing() {
    let site = site();
    site.write(
        "content/synonyms.toml",
        "[pt]\nsame = [[\"texto\", \"escrito\"]]\nalso = { \"documento\" = [\"textos\"] }\n\n\
         [hr]\nsame = [[\"povrat novca\", \"refundacija\"]]\n",
    );
    let run = site.run(&["check"]);
    run.assert_ok();
    let err = run.stderr();
    assert!(
        err.contains(
            "content/synonyms.toml:6:10: warning: no `hr` page has povrat novca, refundacija: this synonym finds nothing"
        ),
        "{err}"
    );
    assert_eq!(err.matches("synonym finds nothing").count(), 1, "{err}");
    // A language the site does not publish is an error at its place.
    site.write("content/synonyms.toml", "[de]\nsame = [[\"a\", \"b\"]]\n");
    site.run(&["check"]).assert_failed_with(
        "content/synonyms.toml:2:10: error: `de` is not a language of this site",
    );
}
