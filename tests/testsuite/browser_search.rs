//! The search UI in a real browser: headless Chromium (`/usr/bin/chromium`)
//! on the built handbook, over HTTP (a static server in the test) and from
//! `file://`. Keys are typed one by one as real key events, so the debounce,
//! the input handlers and the keyboard navigation of polybook.js all run.
//!
//! Needs Chromium (`apt-get install chromium`, or `bash .ci/run`); without it
//! the tests are skipped with a notice, or fail under
//! `POLYBOOK_REQUIRE_BROWSER=1` (CI). Screenshots go to
//! `$POLYBOOK_BROWSER_SHOTS` (default: `<target>/tmp/browser-shots`).

use crate::support::{self, browser};

use std::path::{Path, PathBuf};
use std::time::Duration;

use browser::{js_string, raw_get, Browser, Page, Served, StaticServer, Via};
use serde::Deserialize;
use support::{page, site_toml, Site};

/// The search box of a page (DESIGN.md, "Contracts the tests rely on").
const SEARCH_INPUT: &str = r#"form[role="search"] input[type="search"]"#;

/// The handbook, built once per test binary with the real binary, its
/// `public/` copied to `<target>/tmp/browser_search/handbook` (so that no
/// temp folder outlives the run).
fn handbook() -> &'static Path {
    support::built_handbook()
}

/// One result, as the page shows it: its main link (`a.search-hit`; its
/// sections' links are checked in `browser_highlight.rs`).
#[derive(Debug, Deserialize)]
struct Hit {
    /// The resolved URL (`a.href`), without the `?highlight=` the page
    /// opened removes from its address (`browser_highlight.rs`).
    href: String,
    hreflang: Option<String>,
    lang: Option<String>,
    /// The text of the result's title element, if the UI marks one.
    title: Option<String>,
    /// All the link's text.
    text: String,
}

fn hits(page: &Page) -> Vec<Hit> {
    let value = page.eval(
        "Array.from(document.querySelectorAll('#search-results a.search-hit')).map(a => ({ \
           href: a.href.replace(/\\?highlight=[^#]*/, ''), hreflang: a.getAttribute('hreflang'), lang: a.getAttribute('lang'), \
           title: a.querySelector('.search-hit-title') ? a.querySelector('.search-hit-title').textContent : null, \
           text: a.textContent }))",
    );
    serde_json::from_value(value).expect("result links")
}

/// Waits for the final results of what was typed, then reads them.
#[track_caller]
fn settled_hits(page: &Page) -> Vec<Hit> {
    page.wait_for_search_hits();
    hits(page)
}

/// Opens `url`, clicks the header's search box, types `query` key by key and
/// returns the results once they have settled.
#[track_caller]
fn search_on(page: &Page, url: &str, query: &str) -> Vec<Hit> {
    page.goto(url);
    page.click(SEARCH_INPUT);
    page.wait_for(
        "the search box to have focus",
        &format!(
            "document.activeElement === document.querySelector({})",
            js_string(SEARCH_INPUT)
        ),
    );
    page.type_text(query);
    assert_eq!(
        page.eval(&format!(
            "document.querySelector({}).value",
            js_string(SEARCH_INPUT)
        )),
        query,
        "the search box holds what was typed"
    );
    settled_hits(page)
}

/// `href` is the article at `article` (a folder path like `pt/slug/`) of
/// the site at `root`; from `file://` it must name the `index.html`, as
/// there is no directory index there.
#[track_caller]
fn assert_points_to(href: &str, root: &str, article: &str, via: Via, context: &str) {
    let dir = format!("{root}{article}");
    let file = format!("{dir}index.html");
    let ok = match via {
        Via::Http => href == dir || href == file,
        Via::File => href == file,
    };
    assert!(
        ok,
        "{context}: first result is {href}, expected {dir} (or its index.html)"
    );
}

const PT_ARTICLE: &str = "pt/como-lidar-com-clientes-dificeis/";
const HR_ARTICLE: &str = "hr/kako-se-nositi-s-teskim-klijentom/";
const ES_ARTICLE: &str = "es/tome-el-enfoque-decidido-a-clientes-insatisfechos/";
const IT_ARTICLE: &str =
    "it/non-lasciare-che-la-tua-energia-venga-divorata-4-consigli-per-gestire-i-clienti-difficili/";

/// Types each query on the language's home, over HTTP and from `file://`,
/// and checks the first result. The expected first results are those of
/// `polybook search QUERY --lang LANG` (same ranking), where they are the
/// only or clearly the best match.
fn check_queries(lang: &str, cases: &[(&str, &str)]) {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        for (query, article) in cases {
            let url = site.url(via, &format!("{lang}/index.html"));
            let found = search_on(&page, &url, query);
            let context = format!("{query:?} on {url}");
            assert_points_to(&found[0].href, &site.root(via), article, via, &context);
            assert_eq!(
                found[0].hreflang.as_deref(),
                Some(lang),
                "{context}: result language"
            );
            page.assert_clean();
        }
    }
}

#[test]
fn search_as_you_type_pt() {
    check_queries(
        "pt",
        &[("clientes crônicos", PT_ARTICLE), ("cronicos", PT_ARTICLE)],
    );
}

#[test]
fn search_as_you_type_hr() {
    check_queries("hr", &[("slušajte", HR_ARTICLE), ("slusajte", HR_ARTICLE)]);
}

#[test]
fn search_as_you_type_es() {
    check_queries(
        "es",
        &[
            ("empatizar", ES_ARTICLE),
            ("solución", ES_ARTICLE),
            ("solucion", ES_ARTICLE),
        ],
    );
}

#[test]
fn search_as_you_type_it() {
    check_queries("it", &[("aspettative", IT_ARTICLE)]);
}

/// Types `query` on the page at `url` slowly (so the debounced search also
/// runs for prefixes, and the last answer must win), then switches the scope
/// to every language (the switch shows once a search is under way) and waits
/// for results in another language than the page's.
#[track_caller]
fn search_all_languages(page: &Page, url: &str, query: &str) -> Vec<Hit> {
    page.goto(url);
    page.click(SEARCH_INPUT);
    page.type_text_with_pause(query, Duration::from_millis(150));
    settled_hits(page);
    let all = r#"form[role="search"] input[name="lang"][value="all"]"#;
    page.wait_for(
        "the scope switch to show",
        &format!(
            "document.querySelector({}).getClientRects().length > 0",
            js_string(all)
        ),
    );
    page.click(all);
    page.wait_for(
        "the all-languages scope to be chosen",
        &format!("document.querySelector({}).checked", js_string(all)),
    );
    page.wait_for(
        "a result in another language",
        "Array.from(document.querySelectorAll('#search-results a.search-hit'))\
         .some(a => a.getAttribute('hreflang') !== document.documentElement.lang)",
    );
    settled_hits(page)
}

#[track_caller]
fn assert_has_foreign(
    found: &[Hit],
    root: &str,
    article: &str,
    lang: &str,
    name: &str,
    query: &str,
) {
    let href = format!("{root}{article}");
    let hit = found
        .iter()
        .find(|h| h.href == href || h.href == format!("{href}index.html"))
        .unwrap_or_else(|| panic!("{query:?} in all languages: no {href} among {found:#?}"));
    assert_eq!(
        hit.hreflang.as_deref(),
        Some(lang),
        "{query:?}: hreflang of {href}"
    );
    assert_eq!(hit.lang.as_deref(), Some(lang), "{query:?}: lang of {href}");
    assert!(
        hit.text.contains(name),
        "{query:?}: the {lang} result should be marked with {name:?}: {:?}",
        hit.text
    );
}

#[test]
fn all_languages_scope_finds_articles_in_other_languages() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let root = site.root(Via::Http);
    let page = browser.page();

    let found = search_all_languages(
        &page,
        &site.url(Via::Http, "es/index.html"),
        "escucha activa",
    );
    assert_points_to(
        &found[0].href,
        &root,
        ES_ARTICLE,
        Via::Http,
        "escucha activa (all)",
    );
    assert_has_foreign(
        &found,
        &root,
        HR_ARTICLE,
        "hr",
        "Hrvatski",
        "escucha activa",
    );
    assert!(
        !found[0].text.contains("Español"),
        "a result in the page's own language carries no language badge: {:?}",
        found[0].text
    );

    let found = search_all_languages(
        &page,
        &site.url(Via::Http, "hr/index.html"),
        "aktivno slusanje",
    );
    assert_points_to(
        &found[0].href,
        &root,
        HR_ARTICLE,
        Via::Http,
        "aktivno slusanje (all)",
    );
    assert_has_foreign(
        &found,
        &root,
        ES_ARTICLE,
        "es",
        "Español",
        "aktivno slusanje",
    );
    assert_has_foreign(
        &found,
        &root,
        PT_ARTICLE,
        "pt",
        "Português",
        "aktivno slusanje",
    );
    page.assert_clean();
}

#[test]
fn a_shared_search_link_shows_results_without_typing() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        let url = site.url(via, "hr/search/index.html?q=slusajte");
        page.goto(&url);
        let found = settled_hits(&page);
        assert_points_to(&found[0].href, &site.root(via), HR_ARTICLE, via, &url);
        assert_eq!(
            page.eval(&format!(
                "document.querySelector({}).value",
                js_string(SEARCH_INPUT)
            )),
            "slusajte",
            "{url}: the query is in the search box"
        );
        page.assert_clean();
    }
}

#[test]
fn keyboard_slash_focuses_arrows_walk_enter_follows() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        page.goto(&site.url(via, "pt/index.html"));
        let input = format!("document.querySelector({})", js_string(SEARCH_INPUT));
        assert_ne!(
            page.eval(&format!("document.activeElement === {input}")),
            true,
            "the search box starts unfocused"
        );

        page.press("/");
        page.wait_for(
            "`/` to focus the search box",
            &format!("document.activeElement === {input}"),
        );
        assert_eq!(
            page.eval(&format!("{input}.value")),
            "",
            "`/` is not typed into the box"
        );

        page.type_text("clientes");
        let found = settled_hits(&page);
        assert_eq!(
            found.len(),
            2,
            "the two pt articles mention clientes: {found:#?}"
        );
        let link = |i: usize| format!("document.querySelectorAll('#search-results a')[{i}]");

        page.press("ArrowDown");
        page.wait_for(
            "ArrowDown to focus the first result",
            &format!("document.activeElement === {}", link(0)),
        );
        page.press("ArrowDown");
        page.wait_for(
            "ArrowDown to focus the second result",
            &format!("document.activeElement === {}", link(1)),
        );
        page.press("ArrowUp");
        page.wait_for(
            "ArrowUp to go back to the first result",
            &format!("document.activeElement === {}", link(0)),
        );
        page.press("ArrowUp");
        page.wait_for(
            "ArrowUp to go back to the search box",
            &format!("document.activeElement === {input}"),
        );
        page.press("ArrowDown");
        page.wait_for(
            "ArrowDown to focus the first result again",
            &format!("document.activeElement === {}", link(0)),
        );

        let target = found[0].href.clone();
        let title = found[0].title.clone().expect("a result marks its title");
        page.assert_clean();
        page.press("Enter");
        page.wait_for_page(&format!("Enter to open {target}"), &target);
        assert_points_to(
            &page.location(),
            &site.root(via),
            PT_ARTICLE,
            via,
            "after Enter",
        );
        assert_eq!(
            page.eval("document.querySelector('h1').textContent.trim()"),
            title.trim(),
            "the article opened is the result followed"
        );
        page.assert_clean();
    }
}

#[test]
fn escape_clears_and_enter_opens_the_search_page() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let input = format!("document.querySelector({})", js_string(SEARCH_INPUT));
    for via in [Via::Http, Via::File] {
        search_on(&page, &site.url(via, "hr/index.html"), "slusajte");
        page.press("Escape");
        page.wait_for(
            "Escape to empty the box and the results",
            &format!("{input}.value === '' && !document.querySelector('#search-results a')"),
        );

        // Enter in the header box submits the form: the search page, with the query.
        page.type_text("slusajte");
        settled_hits(&page);
        page.press("Enter");
        page.wait_for(
            "Enter to open the search page with ?q=",
            "/\\/hr\\/search\\/(index\\.html)?\\?q=slusajte$/.test(location.href) \
             && document.readyState === 'complete'",
        );
        let found = settled_hits(&page);
        assert_points_to(
            &found[0].href,
            &site.root(via),
            HR_ARTICLE,
            via,
            "search page",
        );

        // Typing there keeps the address a link to the results.
        page.click(SEARCH_INPUT);
        page.press("Escape");
        page.wait_for("Escape to empty the box", &format!("{input}.value === ''"));
        page.type_text("aktivno");
        settled_hits(&page);
        page.wait_for(
            "the address to carry the new query",
            "new URLSearchParams(location.search).get('q') === 'aktivno'",
        );
        page.assert_clean();
    }
}

#[test]
fn results_are_text_never_html() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let title = "<img src=x onerror=alert(1)>";
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n",
        )
        .write(
            "content/pt/perigo.md",
            &page(
                title,
                "topics = [\"empathy\"]\n",
                "Um exemplo: `<script>window.pwned=1</script>` não deve correr.\n",
            ),
        )
        .write("content/pt/calmo.md", &page("Calmo", "", "Texto calmo.\n"))
        .write("content/hr/mirno.md", &page("Mirno", "", "Mirni tekst.\n"));
    site.build().assert_ok();
    let served = Served::new(&site.public());
    let page = browser.page();

    for via in [Via::Http, Via::File] {
        for query in ["img onerror", "script"] {
            let url = served.url(via, "pt/index.html");
            let found = search_on(&page, &url, query);
            let context = format!("{query:?} on {url}");
            assert_eq!(found.len(), 1, "{context}: {found:#?}");
            assert_eq!(
                found[0].title.as_deref(),
                Some(title),
                "{context}: the title is shown as text"
            );
            let elements = page.eval(
                "Array.from(document.querySelectorAll('#search-results *')).map(e => e.localName)",
            );
            let elements: Vec<String> = serde_json::from_value(elements).unwrap();
            for bad in ["img", "script", "iframe", "object", "svg"] {
                assert!(
                    !elements.iter().any(|e| e == bad),
                    "{context}: a <{bad}> element in #search-results: {elements:?}"
                );
            }
            if query == "script" {
                assert!(
                    found[0].text.contains("<script>window.pwned=1</script>"),
                    "{context}: the snippet shows the code as text: {:?}",
                    found[0].text
                );
            }
            assert_eq!(
                page.eval("typeof window.pwned"),
                "undefined",
                "{context}: script ran"
            );
            page.assert_clean(); // no alert, no exception
            if query == "img onerror" {
                // Follow the result: the article shows the title as text too.
                page.click("#search-results a");
                page.wait_for_page("the article to open", &found[0].href);
                assert_eq!(
                    page.eval("document.querySelector('h1').textContent.trim()"),
                    title
                );
                assert_eq!(
                    page.eval("document.querySelectorAll('main img, h1 img').length"),
                    0
                );
                assert_eq!(
                    page.eval("typeof window.pwned"),
                    "undefined",
                    "{context}: script ran"
                );
                page.assert_clean();
            }
        }
    }
}

/// True when an element of `#search-results` with no child elements reads
/// exactly `text` ("1 rezultat", not "1 rezultata").
fn results_show(page: &Page, text: &str) -> bool {
    page.eval(&format!(
        "Array.from(document.querySelectorAll('#search-results *')).some(e => \
         e.children.length === 0 && e.textContent.trim() === {})",
        js_string(text)
    )) == true
}

#[test]
fn results_count_uses_plurals() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();

    // Croatian: one / few / other.
    let found = search_on(&page, &site.url(Via::Http, "hr/index.html"), "slusajte");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        results_show(&page, "1 rezultat"),
        "\"1 rezultat\" in the hr results:\n{}",
        page.describe()
    );
    let found = search_all_languages(
        &page,
        &site.url(Via::Http, "hr/index.html"),
        "aktivno slusanje",
    );
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        results_show(&page, "4 rezultata"),
        "\"4 rezultata\" (few) in the hr results:\n{}",
        page.describe()
    );

    // Portuguese: one / other.
    let found = search_on(&page, &site.url(Via::Http, "pt/index.html"), "clientes");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        results_show(&page, "2 resultados"),
        "\"2 resultados\" in the pt results:\n{}",
        page.describe()
    );
    page.assert_clean();
}

fn shots_dir() -> PathBuf {
    std::env::var_os("POLYBOOK_BROWSER_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-shots"))
}

#[test]
fn results_fit_desktop_and_phone_screens() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for (name, width, height, mobile) in [("desktop", 1280, 900, false), ("phone", 390, 844, true)]
    {
        page.set_viewport(width, height, mobile);
        let found = search_on(&page, &site.url(Via::Http, "pt/index.html"), "clientes");
        assert_eq!(found.len(), 2, "{found:#?}");
        page.screenshot(&shots_dir().join(format!("pt-results-{name}.png")));
        let overflow = page
            .eval("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assert_eq!(
            overflow, 0,
            "{name} ({width}px): the page scrolls sideways with results shown"
        );
        let offscreen = page.eval(
            "Array.from(document.querySelectorAll('#search-results a')).filter(a => { \
               const r = a.getBoundingClientRect(); \
               return r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth; \
             }).map(a => a.href)",
        );
        assert_eq!(
            offscreen,
            serde_json::json!([]),
            "{name}: results outside the screen"
        );
        page.assert_clean();
    }
    // The site's search page, with a shared link, on the phone.
    page.goto(&site.url(
        Via::Http,
        "hr/search/index.html?q=aktivno%20slusanje&lang=all",
    ));
    settled_hits(&page);
    page.screenshot(&shots_dir().join("hr-search-page-phone.png"));
}

#[test]
fn static_server_serves_files_and_refuses_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    std::fs::create_dir_all(public.join("pt/a")).unwrap();
    std::fs::write(public.join("pt/a/index.html"), "<p>a</p>").unwrap();
    std::fs::write(public.join("x.js"), "1").unwrap();
    std::fs::write(public.join("x.css"), "a{}").unwrap();
    std::fs::write(public.join("atom.xml"), "<feed/>").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let server = StaticServer::start(&public);
    let get = |target: &str| raw_get(server.addr(), target);
    let header = |headers: &[(String, String)], name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };

    let (status, headers, body) = get("/pt/a/");
    assert!(status.contains("200"), "{status}");
    assert_eq!(body, b"<p>a</p>");
    assert!(header(&headers, "content-type")
        .unwrap()
        .starts_with("text/html"));
    let (status, _, body) = get("/pt/a/index.html?q=x");
    assert!(status.contains("200") && body == b"<p>a</p>", "{status}");
    let (status, headers, _) = get("/pt/a");
    assert!(status.contains("301"), "{status}");
    assert_eq!(header(&headers, "location").as_deref(), Some("/pt/a/"));
    for (path, kind) in [
        ("/x.js", "text/javascript"),
        ("/x.css", "text/css"),
        ("/atom.xml", "application/xml"),
    ] {
        let (status, headers, _) = get(path);
        assert!(status.contains("200"), "{path}: {status}");
        assert!(
            header(&headers, "content-type").unwrap().starts_with(kind),
            "{path}: {headers:?}"
        );
    }
    for path in [
        "/../secret.txt",
        "/pt/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/pt/%2E%2E/%2E%2E/secret.txt",
    ] {
        let (status, _, body) = get(path);
        assert!(status.contains("403"), "{path}: {status}");
        assert_ne!(body, b"secret", "{path}");
    }
    let (status, _, _) = get("/nope.html");
    assert!(status.contains("404"), "{status}");
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    use std::io::{Read, Write};
    stream
        .write_all(b"POST /x.js HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
}
