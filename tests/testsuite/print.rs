//! Print pages: one per language while it has at most `print_chunk` articles,
//! else a list of parts (a section each, long sections in numbered pieces,
//! the articles outside sections apart), each a print page of its own.

use crate::support;
use polybook::incremental::{fill_search_build, Changes, Incremental};
use std::collections::{BTreeMap, BTreeSet};
use support::{page, site_toml, urls_in, Site};

/// pt: two sections of seven articles and three outside sections; hr: six
/// outside sections. Articles link to each other: within a part, across
/// parts, to a heading, and to another language.
fn site(print_chunk: Option<usize>) -> Site {
    let extra = print_chunk.map_or(String::new(), |n| format!("print_chunk = {n}\n"));
    let site = Site::new();
    site.write("site.toml", &site_toml(&extra))
        .write("content/pt/alfa/_index.md", "+++\ntitle = \"Alfa\"\n+++\n")
        .write("content/pt/beta/_index.md", "+++\ntitle = \"Beta\"\n+++\n");
    for section in ["alfa", "beta"] {
        for i in 1..=7 {
            let next = i % 7 + 1;
            site.write(
                &format!("content/pt/{section}/p{i}.md"),
                &page(
                    &format!("{section} {i}"),
                    &format!("weight = {i}\n"),
                    &format!(
                        "## Passo {i}\n\nVer [o seguinte](p{next}.md#passo-{next}), \
                         [o solto](../solto-1.md) e [aqui](#passo-{i}).\n"
                    ),
                ),
            );
        }
    }
    for i in 1..=3 {
        site.write(
            &format!("content/pt/solto-{i}.md"),
            &page(
                &format!("Solto {i}"),
                &format!("weight = {i}\n"),
                "## Topo\n\nVer [beta 7](beta/p7.md#passo-7) e [hr](../hr/jedan-1.md).\n",
            ),
        );
    }
    for i in 1..=6 {
        site.write(
            &format!("content/hr/jedan-{i}.md"),
            &page(
                &format!("Jedan {i}"),
                &format!("weight = {i}\n"),
                "Tekst.\n",
            ),
        );
    }
    site
}

/// The ids of the articles printed on a page, in order.
fn printed(html: &str) -> Vec<String> {
    html.split("<article class=\"print-article prose\" id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// The (href, text) of each part the print page lists.
fn parts(html: &str) -> Vec<(String, String)> {
    let Some(start) = html.find("id=\"print-parts-title\"") else {
        return Vec::new();
    };
    let list = &html[start..html[start..].find("</ol>").unwrap() + start];
    list.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let (href, rest) = item.split_once("\">").unwrap();
            let text = &rest[..rest.find("</a>").unwrap()];
            let count = rest.split("<span class=\"count\">").nth(1).unwrap();
            let count = &count[..count.find("</span>").unwrap()];
            (href.to_string(), format!("{text} ({count})"))
        })
        .collect()
}

/// Every relative href and src of the page at `rel` (from the output root)
/// leads to a file of the site, and every fragment to an id of its page.
#[track_caller]
fn assert_links_resolve(site: &Site, rel: &str) {
    let html = site.read(rel);
    let folder = std::path::Path::new(rel).parent().unwrap();
    for url in urls_in(&html) {
        if url.contains(':') || url.starts_with("//") {
            continue;
        }
        let (path, fragment) = url.split_once('#').unwrap_or((&url, ""));
        let target = if path.is_empty() {
            rel.to_string()
        } else {
            let mut parts: Vec<&str> = folder
                .to_str()
                .unwrap()
                .split('/')
                .filter(|p| !p.is_empty())
                .collect();
            for segment in path.split('/') {
                match segment {
                    "" | "." => {}
                    ".." => {
                        parts
                            .pop()
                            .unwrap_or_else(|| panic!("{url} on {rel} leaves the site"));
                    }
                    s => parts.push(s),
                }
            }
            let mut target = parts.join("/");
            if path.ends_with('/') {
                target.push_str("/index.html");
            }
            target
        };
        assert!(
            site.exists(&target),
            "{url} on {rel} leads nowhere ({target})"
        );
        if !fragment.is_empty() && target.ends_with(".html") {
            assert!(
                site.read(&target).contains(&format!("id=\"{fragment}\"")),
                "{url} on {rel}: no id {fragment} on {target}"
            );
        }
    }
}

#[test]
fn a_language_with_more_articles_than_print_chunk_is_printed_in_parts() {
    let site = site(Some(5));
    site.build().assert_ok();

    let index = site.read("pt/print/index.html");
    assert!(printed(&index).is_empty(), "the index prints no article");
    assert_eq!(
        parts(&index),
        [
            ("../../pt/print/general/index.html", "Geral (3 artigos)"),
            (
                "../../pt/print/alfa/index.html",
                "Alfa, parte 1 de 2 (5 artigos)"
            ),
            (
                "../../pt/print/alfa/2/index.html",
                "Alfa, parte 2 de 2 (2 artigos)"
            ),
            (
                "../../pt/print/beta/index.html",
                "Beta, parte 1 de 2 (5 artigos)"
            ),
            (
                "../../pt/print/beta/2/index.html",
                "Beta, parte 2 de 2 (2 artigos)"
            ),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string())),
        "{index}"
    );

    // Each part holds its articles in listing order; together, every article once.
    let expected: [(&str, Vec<String>); 5] = [
        (
            "pt/print/general/",
            (1..=3).map(|i| format!("solto-{i}")).collect(),
        ),
        (
            "pt/print/alfa/",
            (1..=5).map(|i| format!("alfa-p{i}")).collect(),
        ),
        (
            "pt/print/alfa/2/",
            (6..=7).map(|i| format!("alfa-p{i}")).collect(),
        ),
        (
            "pt/print/beta/",
            (1..=5).map(|i| format!("beta-p{i}")).collect(),
        ),
        (
            "pt/print/beta/2/",
            (6..=7).map(|i| format!("beta-p{i}")).collect(),
        ),
    ];
    let mut seen = Vec::new();
    for (folder, ids) in &expected {
        let html = site.read(&format!("{folder}index.html"));
        assert_eq!(&printed(&html), ids, "{folder}");
        seen.extend(printed(&html));
        // Its own contents, in the same order.
        let toc: Vec<String> = ids
            .iter()
            .map(|id| format!("<li><a href=\"#{id}\">"))
            .collect();
        let mut at = 0;
        for entry in &toc {
            at += html[at..]
                .find(entry)
                .unwrap_or_else(|| panic!("{entry} in {folder}"));
        }
    }
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!((seen.len(), unique.len()), (17, 17), "{seen:?}");

    // Titles, localized, in the page and in <title>.
    let alfa2 = site.read("pt/print/alfa/2/index.html");
    assert!(
        alfa2.contains("<title>Alfa, parte 2 de 2 · Test handbook</title>"),
        "{alfa2}"
    );
    assert!(alfa2.contains("<h1>Alfa, parte 2 de 2</h1>"));
    assert!(alfa2.contains("rel=\"prev\">Parte anterior: Alfa, parte 1 de 2</a>"));
    assert!(alfa2.contains("rel=\"next\">Próxima parte: Beta, parte 1 de 2</a>"));
    assert!(alfa2.contains("<a href=\"../../../../pt/print/index.html\">Todas as partes</a>"));
    let general = site.read("pt/print/general/index.html");
    assert!(general.contains("<h1>Geral</h1>") && !general.contains("rel=\"prev\""));

    // Links: within a part, in-page; to another part, to its anchor there;
    // to another language, to the article.
    let alfa_p1 = article(&site.read("pt/print/alfa/index.html"), "alfa-p1");
    assert_eq!(
        urls_in(&alfa_p1),
        [
            "../../../pt/alfa/p1/index.html",
            "#alfa-p2--passo-2",
            "../../../pt/print/general/index.html#solto-1",
            "#alfa-p1--passo-1",
        ],
        "{alfa_p1}"
    );
    let alfa_p5 = article(&site.read("pt/print/alfa/index.html"), "alfa-p5");
    assert!(
        alfa_p5.contains("href=\"../../../pt/print/alfa/2/index.html#alfa-p6--passo-6\""),
        "{alfa_p5}"
    );
    let solto = article(&general, "solto-1");
    assert!(
        solto.contains("href=\"../../../pt/print/beta/2/index.html#beta-p7--passo-7\""),
        "{solto}"
    );
    assert!(
        solto.contains("href=\"../../../hr/jedan-1/index.html\""),
        "{solto}"
    );

    // hr, outside sections only, in two parts of its own name.
    let hr = site.read("hr/print/index.html");
    assert_eq!(
        parts(&hr).into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
        [
            "Općenito, dio 1 od 2 (5 članaka)",
            "Općenito, dio 2 od 2 (1 članak)"
        ]
    );
    assert_eq!(
        printed(&site.read("hr/print/general/2/index.html")),
        ["jedan-6"]
    );

    let mut pages = vec![
        "pt/print/index.html".to_string(),
        "hr/print/index.html".to_string(),
    ];
    pages.extend(expected.iter().map(|(f, _)| format!("{f}index.html")));
    pages.extend([
        "hr/print/general/index.html".into(),
        "hr/print/general/2/index.html".into(),
    ]);
    for rel in &pages {
        assert_links_resolve(&site, rel);
    }
    // Like the print page, parts are not for search engines.
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("/print/"), "{sitemap}");
}

/// The `<article>` of `id` on a print page.
fn article(html: &str, id: &str) -> String {
    let start = html
        .find(&format!(
            "<article class=\"print-article prose\" id=\"{id}\""
        ))
        .unwrap_or_else(|| panic!("no {id}"));
    let end = html[start..].find("</article>").unwrap() + start;
    html[start..end].to_string()
}

#[test]
fn a_language_with_at_most_print_chunk_articles_keeps_one_print_page() {
    // 17 and 6 articles, under the default of 200.
    let site = site(None);
    site.build().assert_ok();
    for (lang, count) in [("pt", 17), ("hr", 6)] {
        let html = site.read(&format!("{lang}/print/index.html"));
        assert_eq!(printed(&html).len(), count, "{lang}");
        assert!(parts(&html).is_empty());
        assert!(!site.exists(&format!("{lang}/print/general")));
        assert_links_resolve(&site, &format!("{lang}/print/index.html"));
    }
    // Links to articles on the same page are in-page anchors.
    let pt = site.read("pt/print/index.html");
    assert!(
        article(&pt, "solto-1").contains("href=\"#beta-p7--passo-7\""),
        "{pt}"
    );
    // Exactly print_chunk: still one page.
    let site = self::site(Some(6));
    site.build().assert_ok();
    assert_eq!(printed(&site.read("hr/print/index.html")).len(), 6);
    assert!(!parts(&site.read("pt/print/index.html")).is_empty());
}

#[test]
fn print_chunk_must_be_a_positive_integer() {
    for (value, expected) in [
        (
            "0",
            "site.toml:4:15: error: `print_chunk` must be a whole number above zero, not the number 0",
        ),
        (
            "-1",
            "site.toml:4:15: error: `print_chunk` must be a whole number above zero, not the number -1",
        ),
        (
            "\"ten\"",
            "site.toml:4:15: error: `print_chunk` must be a whole number above zero, not the text \"ten\"",
        ),
    ] {
        let site = Site::new();
        site.write("site.toml", &site_toml(&format!("print_chunk = {value}")))
            .write("content/pt/a.md", &page("A", "", "Texto.\n"));
        site.build().assert_failed_with(expected);
    }
}

/// The print pages of the site as `serve` has them and as a full build
/// makes them, for the same base URL.
#[track_caller]
fn assert_print_pages_as_built(site: &Incremental, root: &std::path::Path) {
    let base = "http://127.0.0.1:9/";
    let print = |path: &String| path.contains("/print/");
    let build = site.search_build().to_string();
    let served: BTreeMap<String, Vec<u8>> = site
        .files()
        .iter()
        .filter(|(path, _)| print(path))
        .map(|(path, bytes)| (path.clone(), fill_search_build(bytes, &build)))
        .collect();
    let config = polybook::config::load(root, Some(base)).unwrap();
    let built: BTreeMap<String, Vec<u8>> = polybook::build_site(&config, false)
        .unwrap()
        .files
        .into_iter()
        .filter(|f| print(&f.path))
        .map(|f| (f.path, f.bytes))
        .collect();
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &built {
        assert!(served[path] == *bytes, "{path} differs from a full build");
    }
}

#[test]
fn serve_renders_the_parts_an_edit_touches() {
    let site = site(Some(5));
    let mut engine = Incremental::new(polybook::BuildOptions {
        root: site.root().to_path_buf(),
        base_url: Some("http://127.0.0.1:9/".into()),
        ..Default::default()
    });
    let apply = |engine: &mut Incremental, changes: Changes| {
        engine.rebuild(&changes).expect("the rebuild succeeds");
        let deferred = engine.render_deferred().expect("print pages render");
        let index = engine.search_sources().expect("a good site").build();
        engine.apply_search(index);
        deferred
    };
    apply(&mut engine, Changes::everything());
    assert_print_pages_as_built(&engine, site.root());
    let edit = |rel: &str| Changes {
        content: [site.root().join("content").join(rel)].into(),
        ..Changes::default()
    };

    // A body edit: the part that prints the article, and no other print page.
    let body = |i: usize, extra: &str| {
        page(
            &format!("alfa {i}"),
            &format!("weight = {i}\n"),
            &format!("## Passo {i}\n\nVer [o seguinte](p{}.md#passo-{}), [o solto](../solto-1.md) e [aqui](#passo-{i}){extra}.\n", i % 7 + 1, i % 7 + 1),
        )
    };
    site.write("content/pt/alfa/p6.md", &body(6, " agora"));
    let deferred = apply(&mut engine, edit("pt/alfa/p6.md"));
    assert_eq!(deferred.changed, ["pt/print/alfa/2/index.html"]);
    assert_eq!(deferred.pages_rendered, 1);
    assert_print_pages_as_built(&engine, site.root());

    // A body as long in words but far longer in HTML (a long link address):
    // past the size of a part, it moves the articles after it to another part.
    let long = format!(
        "](https://example.com/{}",
        "a".repeat(polybook::render::pages::PART_BYTES)
    );
    site.write(
        "content/pt/alfa/p2.md",
        &body(2, "").replace("](#passo-2", &long),
    );
    let deferred = apply(&mut engine, edit("pt/alfa/p2.md"));
    assert!(
        deferred
            .changed
            .contains(&"pt/print/alfa/3/index.html".to_string()),
        "the body edit, deferred, moved the parts: {deferred:?}"
    );
    assert_print_pages_as_built(&engine, site.root());
    let files = engine.files();
    assert!(
        files.contains_key("pt/print/alfa/3/index.html"),
        "p1 | p2 | p3…p7"
    );

    // Back: the third part is gone.
    site.write("content/pt/alfa/p2.md", &body(2, ""));
    let deferred = apply(&mut engine, edit("pt/alfa/p2.md"));
    assert!(deferred
        .changed
        .contains(&"pt/print/alfa/3/index.html".to_string()));
    assert_print_pages_as_built(&engine, site.root());
    assert!(!engine.files().contains_key("pt/print/alfa/3/index.html"));
}
