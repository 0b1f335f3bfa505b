//! `polybook import DIR` on a whole docs site, one fixture per layout under
//! `tests/fixtures/import_docs/`: pages land at their addresses in their
//! languages, translations pair, links (relative, site paths, Hugo refs,
//! headings in any script) resolve, asides become callouts, old addresses
//! become aliases, and the result builds. Bad files are refused one by one.

use crate::support;

use std::path::Path;
use support::{polybook_in as polybook, Site};

/// A site in `languages` (the first the default), with the fixture `name`
/// copied to `source/`.
fn site(languages: &[&str], name: &str) -> Site {
    let site = Site::new();
    let mut toml = format!(
        "title = \"Docs\"\nbase_url = \"https://example.com/docs/\"\ndefault_language = \"{}\"\n",
        languages[0]
    );
    for (i, lang) in languages.iter().enumerate() {
        toml.push_str(&format!(
            "\n[languages.{lang}]\nname = \"{lang}\"\nweight = {i}\n"
        ));
    }
    site.write("site.toml", &toml);
    site.write(
        "content/topics.toml",
        "[empathy]\nlabel = { en = \"Empathy\", pt = \"Empatia\" }\n",
    );
    support::copy_dir(
        &support::repo_root()
            .join("tests/fixtures/import_docs")
            .join(name),
        &site.root().join("source"),
    );
    site
}

fn import(site: &Site, args: &[&str]) -> support::Run {
    let mut all = vec!["import", "source"];
    all.extend_from_slice(args);
    polybook(site.root(), &all)
}

fn content(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join("content").join(rel))
        .unwrap_or_else(|e| panic!("content/{rel}: {e}"))
}

fn build_drafts(site: &Site) {
    polybook(site.root(), &["build", "--drafts"]).assert_ok();
}

#[test]
fn a_starlight_site_comes_in_whole_and_builds() {
    let site = site(&["en", "es", "ar"], "starlight");
    let run = import(&site, &[]);
    run.assert_ok();
    assert!(
        run.stdout().contains("layout: one folder per language"),
        "{}",
        run.stdout()
    );
    let routing = content(&site, "en/guides/routing.md");
    for expected in [
        "title = \"Routing calls\"",
        "weight = 2",
        "translation_key = \"guides/routing\"",
        "updated = 2024-05-02",
        "aliases = [\"/guides/routing/\"]",
        "draft = true",
        "source = \"src/content/docs/guides/routing.mdx\"",
        "[extra.sidebar]",
        "[config loader](config.md#configload)",
        "[code blocks](../../es/guides/config.md#bloques-de-código)",
        "> [!WARNING]\n> **Before you promise**\n>\n> Never promise a refund",
        "> [!TIP]\n> Listen first.",
        "**Phone**\n\nPick up within three rings.",
        "![Logo](logo.png)",
    ] {
        assert!(routing.contains(expected), "{expected:?} in:\n{routing}");
    }
    assert!(!routing.contains("import {"), "MDX imports dropped");
    assert!(site.root().join("content/en/guides/logo.png").exists());
    assert!(content(&site, "es/guides/routing.md").contains("translation_key = \"guides/routing\""));
    // A component: removed, its name reported once with its count.
    assert!(run.stderr().contains("<Tabs>"), "{}", run.stderr());

    build_drafts(&site);
    let page = site.read("en/guides/routing/index.html");
    assert!(
        page.contains("href=\"../../../en/guides/config/index.html#configload\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../../es/guides/config/index.html#bloques-de-c%C3%B3digo\""),
        "{page}"
    );
    // The ASCII id of earlier versions is written with the heading's id.
    assert!(
        page.contains("href=\"../../../en/guides/config/index.html#bloques-de-c%C3%B3digo\""),
        "{page}"
    );
    assert!(page.contains("class=\"callout callout-warning\""), "{page}");
    assert!(
        page.contains("hreflang=\"es\""),
        "the Spanish translation is paired"
    );
    let arabic = site.read("ar/guides/routing/index.html");
    assert!(
        arabic.contains("<h2 id=\"المسارات-الديناميكية\">"),
        "Arabic headings get readable ids: {arabic}"
    );
    // The old address redirects to the page.
    let old = site.read("guides/routing/index.html");
    assert!(old.contains("url=../../en/guides/routing/"), "{old}");
    assert!(
        !page.contains("href=\"/"),
        "no site-path link is left: {page}"
    );
}

#[test]
fn a_docusaurus_site_pairs_its_i18n_folder() {
    let site = site(&["en", "pt-br"], "docusaurus");
    let run = import(&site, &[]);
    run.assert_ok();
    assert!(
        run.stdout().contains("layout: Docusaurus"),
        "{}",
        run.stdout()
    );
    let intro = content(&site, "en/intro.md");
    for expected in [
        "title = \"Getting started\"",
        "weight = 1",
        "translation_key = \"intro\"",
        "topics = [\"empathy\"]",
        "aliases = [\"/docs/intro/\"]",
        "tags = [\"onboarding\"]",
        "[basics](tutorial/basics.md)",
    ] {
        assert!(intro.contains(expected), "{expected:?} in:\n{intro}");
    }
    assert!(
        !intro.contains("# Getting started"),
        "the title heading is the title"
    );
    assert!(content(&site, "en/tutorial/_index.md").contains("title = \"Tutorial\"\nweight = 2"));
    let basics = content(&site, "en/tutorial/basics.md");
    assert!(
        basics.contains("> [!NOTE]\n> **Remember**\n>\n> Be kind."),
        "{basics}"
    );
    assert!(
        basics.contains("[by path](../intro.md#first-steps)"),
        "{basics}"
    );
    let pt = content(&site, "pt-br/tutorial/basics.md");
    assert!(pt.contains("> [!CAUTION]"), "{pt}");
    assert!(pt.contains("[introdução](../intro.md)"), "{pt}");
    assert!(
        pt.contains("aliases = [\"/pt-br/docs/tutorial/basics/\"]"),
        "{pt}"
    );
    build_drafts(&site);
    let page = site.read("pt-br/tutorial/basics/index.html");
    assert!(
        page.contains("<html lang=\"pt-BR\""),
        "pt-br shows as pt-BR"
    );
    assert!(page.contains("hreflang=\"en\""), "paired with English");
}

#[test]
fn a_hugo_site_keeps_its_keys_refs_and_unprefixed_addresses() {
    let site = site(&["en", "hr"], "hugo");
    import(&site, &[]).assert_ok();
    let install = content(&site, "en/docs/install.md");
    for expected in [
        "translation_key = \"setup\"",
        "aliases = [\"/docs/install/\"]",
        "> [!WARNING]\n> Back up first.",
        "[FAQ](faq.md)",
        "[docs](../docs.md)",
        "[extra.params]\nicon = \"download\"",
    ] {
        assert!(install.contains(expected), "{expected:?} in:\n{install}");
    }
    assert!(content(&site, "hr/docs/instalacija.md").contains("translation_key = \"setup\""));
    let faq = content(&site, "en/docs/faq.md");
    assert!(
        faq.contains("\"/old-faq/\""),
        "Hugo aliases carry over: {faq}"
    );
    assert!(
        faq.contains("> [!NOTE]\n> **Note**\n>\n> Short answers."),
        "{faq}"
    );
    assert!(content(&site, "en/docs/_index.md").contains("title = \"Documentation\"\nweight = 20"));
    build_drafts(&site);
    let croatian = site.read("hr/docs/faq/index.html");
    assert!(
        croatian.contains("<h2 id=\"što-ako-klijent-viče\">"),
        "{croatian}"
    );
    assert!(site
        .read("old-faq/index.html")
        .contains("url=../en/docs/faq/"));
}

#[test]
fn an_mkdocs_site_pairs_language_suffixes() {
    let site = site(&["en", "it"], "mkdocs");
    let run = import(&site, &[]);
    run.assert_ok();
    assert!(
        run.stdout().contains("language suffixes"),
        "{}",
        run.stdout()
    );
    let setup = content(&site, "it/setup.md");
    assert!(setup.contains("title = \"Configurazione\""), "{setup}");
    assert!(setup.contains("translation_key = \"setup\""), "{setup}");
    assert!(content(&site, "en/setup.md")
        .contains("> [!WARNING]\n> **Careful**\n>\n> Check the cable."));
    build_drafts(&site);
}

#[test]
fn one_folder_in_one_language_keeps_its_folders() {
    let site = site(&["pt", "hr"], "single");
    import(&site, &["--lang", "pt", "--layout", "single", "--publish"]).assert_ok();
    let first = content(&site, "pt/guia/primeiro.md");
    assert!(first.contains("draft = false"), "--publish: {first}");
    assert!(first.contains("[segundo](segundo.md)"), "{first}");
    polybook(site.root(), &["build"]).assert_ok();
    assert!(site
        .read("pt/guia/segundo/index.html")
        .contains("callout-tip"));
}

#[test]
fn bad_files_are_reported_where_they_are_and_the_rest_is_imported() {
    let site = site(&["en"], "broken");
    let run = import(&site, &[]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    let stderr = run.stderr();
    for expected in [
        "source/en/never-closes.mdx:8:1: error: `<TabItem>` opened here is never closed",
        "source/en/wrong-type.md:3:1: error: `title` should be text",
        "source/en/ok.md:5:1: warning: the link `/en/missing/` leads to no page or file of the import: kept as text",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in:\n{stderr}");
    }
    assert!(!site.root().join("content/en/never-closes.md").exists());
    assert!(!site.root().join("content/en/wrong-type.md").exists());
    let ok = content(&site, "en/ok.md");
    assert!(
        ok.contains("A link to nowhere and [a good one](ok.md)"),
        "{ok}"
    );
    build_drafts(&site);
    // Importing again overwrites nothing.
    let again = import(&site, &[]);
    assert!(again
        .stderr()
        .contains("content/en/ok.md exists: not overwriting it"));
    assert_eq!(content(&site, "en/ok.md"), ok);
}

#[test]
fn a_page_that_is_not_utf8_is_refused_alone() {
    let site = site(&["en"], "broken");
    std::fs::write(
        site.root().join("source/en/latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    let run = import(&site, &[]);
    assert!(
        run.stderr()
            .contains("source/en/latin1.md: error: not UTF-8 text"),
        "{}",
        run.stderr()
    );
    assert!(site.root().join("content/en/ok.md").exists());
}

#[test]
fn broken_anchors_in_the_source_become_warnings_in_site_toml() {
    let site = site(&["en"], "broken");
    site.write(
        "source/en/anchors.md",
        "---\ntitle: Anchors\n---\n\nSee [nothing](#nowhere).\n",
    );
    let run = import(&site, &[]);
    assert!(
        run.stderr().contains(
            "source/en/anchors.md:5:1: warning: the link `#nowhere` names a heading `#nowhere`"
        ),
        "{}",
        run.stderr()
    );
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    assert!(toml.contains("broken_anchors = \"warning\""), "{toml}");
    let build = polybook(site.root(), &["build", "--drafts"]);
    build.assert_ok();
    assert!(build
        .stderr()
        .contains("warning: the anchor `#nowhere` does not exist"));
}

#[test]
fn dry_run_writes_nothing() {
    let site = site(&["en", "es", "ar"], "starlight");
    let run = import(&site, &["--dry-run"]);
    run.assert_ok();
    assert!(run
        .stdout()
        .contains("would write content/en/guides/routing.md (en, \"Routing calls\")"));
    assert!(!Path::new(&site.root().join("content/en")).exists());
}
