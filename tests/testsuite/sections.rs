//! Section pages and pagination (README, "Sections and long lists"): every
//! section folder has a page with its introduction, subsections and
//! articles; lists longer than `paginate_by` go on numbered pages linked
//! with `rel=prev/next`; a home shows each section's first articles and a
//! link to the rest; every link of every page resolves.

use crate::support::{page, site_toml, urls_in, Site};
use std::path::Path;

/// pt: three articles outside sections, `guia` (an `_index.md` with weight
/// 2) with three articles and a subsection `guia/avancado` of two, `extra`
/// (no `_index.md`) with five; hr: `guia` with one. Two to a page, one
/// article of each section on a home. Every pt article is on one topic.
fn site() -> Site {
    let site = Site::new();
    site.write(
        "site.toml",
        &site_toml("paginate_by = 2\nsection_preview_limit = 1\n"),
    )
    .write(
        "content/topics.toml",
        "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\", en = \"Calm\" }\n",
    )
    .write(
        "content/pt/guia/_index.md",
        "+++\ntitle = \"Guia prático\"\ndescription = \"Passo a passo.\"\nweight = 2\n+++\nComece **por aqui**.\n",
    );
    let topic = "topics = [\"calm\"]\n";
    let mut articles = Vec::new();
    for n in 1..=3 {
        articles.push(format!("pt/raiz-{n}"));
        articles.push(format!("pt/guia/guia-{n}"));
    }
    for n in 1..=2 {
        articles.push(format!("pt/guia/avancado/avancado-{n}"));
    }
    for n in 1..=5 {
        articles.push(format!("pt/extra/extra-{n}"));
    }
    for path in &articles {
        let title = path.rsplit('/').next().unwrap();
        let weight = format!("weight = {}\n", title.rsplit('-').next().unwrap());
        site.write(
            &format!("content/{path}.md"),
            &page(title, &format!("{topic}{weight}"), "Texto.\n"),
        );
    }
    site.write("content/hr/guia/vodic.md", &page("Vodič", "", "Tekst.\n"));
    site
}

/// Every relative link and source of every HTML page resolves to a file of
/// the build (a folder's link to its `index.html`).
fn assert_every_link_resolves(public: &Path) {
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.unwrap();
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let folder = entry.path().parent().unwrap();
        for url in urls_in(&html) {
            if url.contains(':') || url.starts_with('#') || url.starts_with("//") || url.is_empty()
            {
                continue;
            }
            let path = url.split(['#', '?']).next().unwrap();
            let mut target = folder.join(path);
            if path.ends_with('/') || path.is_empty() {
                target = target.join("index.html");
            }
            if !target.exists() {
                broken.push(format!("{}: {url}", entry.path().display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_section_has_a_page_and_long_lists_have_numbered_pages() {
    let site = site();
    site.build().assert_ok();
    assert_every_link_resolves(&site.public());

    // The section's page: title, introduction, subsection with its count,
    // its own articles two to a page, a link to the next.
    let guia = site.read("pt/guia/index.html");
    assert!(guia.contains("<h1>Guia prático</h1>"), "{guia}");
    assert!(guia.contains("Comece <strong>por aqui</strong>."));
    assert!(guia.contains(
        r#"pt/guia/avancado/index.html">avancado</a></span> <span class="count">2 artigos</span>"#
    ));
    assert!(guia.contains("guia-1") && guia.contains("guia-2") && !guia.contains("guia-3"));
    assert!(
        !guia.contains("avancado-1"),
        "a subsection's articles are on its page"
    );
    assert!(guia.contains(r#"<link rel="next" href="../../pt/guia/page/2/index.html">"#));
    assert!(!guia.contains(r#"rel="prev""#));

    let second = site.read("pt/guia/page/2/index.html");
    assert!(second.contains("guia-3") && !second.contains("guia-1"));
    assert!(second.contains(r#"<link rel="prev" href="../../../../pt/guia/index.html">"#));
    assert!(second.contains(r#"aria-current="page""#));
    assert!(
        !second.contains("por aqui"),
        "the introduction is on the first page"
    );
    assert!(!site.exists("pt/guia/page/3/index.html"));

    // A subsection: a breadcrumb through its parent.
    let avancado = site.read("pt/guia/avancado/index.html");
    assert!(
        avancado.contains(r#"pt/guia/index.html">Guia prático</a>"#),
        "{avancado}"
    );
    assert!(avancado.contains("avancado-1") && avancado.contains("avancado-2"));

    // An article links its section.
    let article = site.read("pt/guia/guia-1/index.html");
    assert!(article.contains(r#"<a href="../../../pt/guia/index.html">Guia prático</a>"#));

    // The home: two of the three articles outside sections, then each
    // section by weight (extra, no _index.md: 0; guia: 2) with one article
    // and a link to all of them, counted with its subsections.
    let home = site.read("pt/index.html");
    assert!(home.contains("raiz-1") && home.contains("raiz-2") && !home.contains("raiz-3"));
    assert!(home.contains(r#"<link rel="next" href="../pt/page/2/index.html">"#));
    let extra_at = home
        .find(r#"<a href="../pt/extra/index.html">extra</a>"#)
        .expect("extra");
    let guia_at = home
        .find(r#"<a href="../pt/guia/index.html">Guia prático</a>"#)
        .expect("guia");
    assert!(extra_at < guia_at, "sections in their weight's order");
    assert!(home.contains("Ver os 5 artigos de extra"));
    assert!(home.contains("Ver os 5 artigos de Guia prático"));
    assert!(!home.contains("extra-2") && !home.contains("guia-2"));
    let home_2 = site.read("pt/page/2/index.html");
    assert!(home_2.contains("raiz-3") && !home_2.contains("raiz-1"));

    // A topic's articles in a language, paginated too.
    let topic = site.read("pt/topics/calm/index.html");
    assert!(topic.contains(r#"<link rel="next" href="../../../pt/topics/calm/page/2/index.html">"#));
    assert!(site.exists("pt/topics/calm/page/7/index.html"));
    assert!(!site.exists("pt/topics/calm/page/8/index.html"));

    // The same section folder in another language is its version.
    assert!(guia.contains(r#"hreflang="hr" href="https://example.com/hb/hr/guia/""#));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("https://example.com/hb/pt/guia/</loc>"));
    assert!(sitemap.contains("https://example.com/hb/pt/guia/page/2/</loc>"));
}

#[test]
fn a_section_folder_named_page_moves_aside_and_paginate_by_must_be_positive() {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/pt/page/2.md", &page("Dois", "", "Texto.\n"));
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr()
            .contains("the folder `page` would take the address of a list's further pages"),
        "{}",
        run.stderr()
    );
    assert!(!site.exists("pt/page/2/index.html"));

    site.write("site.toml", &site_toml("paginate_by = 0\n"));
    site.build()
        .assert_failed_with("`paginate_by` must be a whole number above zero");
}
