//! What staff see, checked in a real browser: the handbook built with the
//! default theme, in headless Chromium (`/usr/bin/chromium`).
//!
//! - axe-core (vendored in `tests/vendor/axe-core/`, no npm at test time)
//!   finds no violation on the root chooser, and in every language on the
//!   home, each article, a topic, the topics index, the search page with
//!   results, the header's results panel, the print page and the 404 page;
//!   again with the dark scheme; every page has one `h1`, the landmarks, a
//!   skip link first and a labelled search box.
//! - Nothing scrolls sideways at 375 px.
//! - Keyboard only: Tab shows the skip link first, which jumps to the main
//!   content; Tab goes on, with a visible focus ring, to the search box; the
//!   results are announced; ArrowDown and Enter open the article.
//! - The root chooser follows `navigator.languages` (`hr-HR` → `/hr/`), falls
//!   back to the default language, remembers an explicit choice, and is a
//!   plain list without script.
//! - Article pages: under 60 KB of HTML, CSS and JS before any search, no
//!   render-blocking script, nothing moves on load or when the results open.
//! - Dark mode follows the system and a remembered toggle; reduced motion is
//!   honoured; the table of contents stays beside the text on wide screens and
//!   folds on phones; print hides navigation and search, shows where links
//!   go and starts each article of the print page on a new page; lines of
//!   text hold 60 to 80 characters.
//!
//! One Chromium runs every browser check, one after the other, each in its own
//! tab; a failing check does not stop the others, and the test fails at the
//! end with all of them. `POLYBOOK_A11Y_ONLY='<words>|<words>'` runs the
//! checks whose name contains one of them. Needs Chromium like tests/browser_search.rs.

#[path = "support/browser.rs"]
mod browser;
mod support;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use browser::{file_url, js_string, Browser, Page, StaticServer};
use serde::Deserialize;
use serde_json::Value;
use support::{page as md_page, site_toml, Site};

const LANGS: [&str; 4] = ["pt", "hr", "es", "it"];
/// The site's default language (site.toml), where unknown languages go.
const DEFAULT_LANG: &str = "pt";
/// The article weight budget: HTML + CSS + JS as written, before any search.
const PAGE_BUDGET: u64 = 60_000;
/// The search box of a page (DESIGN.md, "Contracts the tests rely on").
const SEARCH_INPUT: &str = r#"form[role="search"] input[type="search"]"#;
const QUIET: Duration = Duration::from_millis(400);
/// axe-core, run in the page (tests/vendor/axe-core/README.md).
const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// A query with results in each language.
fn query(lang: &str) -> &'static str {
    match lang {
        "pt" => "clientes",
        "hr" => "slusajte",
        "es" => "solucion",
        "it" => "aspettative",
        _ => unreachable!("{lang}"),
    }
}

/// The handbook, built once with the real binary into
/// `<target>/tmp/browser_a11y/handbook`, served on 127.0.0.1 and built for
/// that address (`--base-url`), so that `404.html`, whose links are absolute,
/// loads its stylesheet.
struct Handbook {
    public: PathBuf,
    server: StaticServer,
}

impl Handbook {
    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Every article of a language, as paths (`hr/slug/index.html`).
    fn articles(&self, lang: &str) -> Vec<String> {
        let mut found: Vec<String> = std::fs::read_dir(self.public.join(lang))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !["topics", "search", "print"].contains(&name.as_str()))
            .map(|name| format!("{lang}/{name}/index.html"))
            .filter(|path| {
                std::fs::read_to_string(self.public.join(path))
                    .is_ok_and(|html| html.contains("class=\"kind-article\""))
            })
            .collect();
        found.sort();
        assert!(!found.is_empty(), "no article in {lang}");
        found
    }
}

fn handbook() -> &'static Handbook {
    static SITE: OnceLock<Handbook> = OnceLock::new();
    SITE.get_or_init(|| {
        let public = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_a11y/handbook");
        if public.exists() {
            std::fs::remove_dir_all(&public).unwrap();
        }
        std::fs::create_dir_all(&public).unwrap();
        let server = StaticServer::start(&public);
        let site = Site::handbook();
        site.run(&[
            "build",
            "--output",
            public.to_str().unwrap(),
            "--base-url",
            &server.url(""),
        ])
        .assert_ok();
        Handbook { public, server }
    })
}

/// A UI string as the catalog of `lang` writes it (a one-line message).
fn catalog(lang: &str, key: &str) -> String {
    let path = support::repo_root().join(format!("locales/{lang}/main.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{key} = ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{key} in {}", path.display()))
        .trim()
        .to_string()
}

// ---------------------------------------------------------------------------
// Checks without a browser: what an article page makes the browser load.

/// Every `<name …>` tag of an HTML text: its attributes (` rel="x" defer`)
/// and what follows the tag.
fn tags<'a>(html: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let end = after.find('>').unwrap_or(after.len());
        if after.starts_with([' ', '>']) {
            found.push((&after[..end], &after[(end + 1).min(after.len())..]));
        }
        rest = &after[end..];
    }
    found
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

fn has_flag(tag: &str, name: &str) -> bool {
    tag.split_whitespace()
        .any(|w| w == name || w.starts_with(&format!("{name}=")))
}

#[test]
fn article_pages_are_light_and_never_wait_for_a_script() {
    let site = handbook();
    for lang in LANGS {
        for article in site.articles(lang) {
            let file = site.public.join(&article);
            let html = std::fs::read_to_string(&file).unwrap();
            let dir = file.parent().unwrap();
            let mut total = html.len() as u64;
            let mut parts = vec![format!("html {}", html.len())];

            let sheets: Vec<&str> = tags(&html, "link")
                .into_iter()
                .map(|(t, _)| t)
                .filter(|t| attribute(t, "rel") == Some("stylesheet"))
                .collect();
            assert_eq!(sheets.len(), 1, "{article}: one stylesheet: {sheets:?}");
            for (tag, after) in tags(&html, "script") {
                match attribute(tag, "src") {
                    Some(_) => {
                        assert!(
                            has_flag(tag, "defer")
                                || has_flag(tag, "async")
                                || attribute(tag, "type") == Some("module"),
                            "{article}: <script{tag}> blocks rendering: give it `defer`"
                        );
                    }
                    None => {
                        let code = &after[..after.find("</script>").unwrap()];
                        assert!(
                            code.len() < 512 && !code.contains("document.write"),
                            "{article}: an inline script of {} bytes: keep inline scripts tiny",
                            code.len()
                        );
                    }
                }
            }
            let assets = sheets.iter().filter_map(|t| attribute(t, "href")).chain(
                tags(&html, "script")
                    .into_iter()
                    .filter_map(|(t, _)| attribute(t, "src")),
            );
            for href in assets {
                assert!(
                    !href.contains("//"),
                    "{article}: {href} comes from another host"
                );
                let bytes = std::fs::read(dir.join(href))
                    .unwrap_or_else(|e| panic!("{article}: {href}: {e}"));
                if href.ends_with(".css") {
                    let css = String::from_utf8_lossy(&bytes);
                    assert!(!css.contains("@import"), "{href}: @import delays rendering");
                    assert!(!css.contains("url(http"), "{href}: a remote asset");
                }
                total += bytes.len() as u64;
                parts.push(format!("{href} {}", bytes.len()));
            }
            eprintln!("{article}: {total} bytes ({})", parts.join(", "));
            assert!(
                total < PAGE_BUDGET,
                "{article}: {total} bytes of HTML, CSS and JS ({}), over {PAGE_BUDGET}",
                parts.join(", ")
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Browser checks.

type Check = fn(&Browser, &Handbook);

const CHECKS: &[(&str, Check)] = &[
    (
        "axe, structure, no sideways scroll: light scheme, 375 px phone",
        axe_light_phone,
    ),
    (
        "axe, structure: dark scheme, 1280 px desktop",
        axe_dark_desktop,
    ),
    (
        "keyboard: skip link, focus ring, search, result, article",
        keyboard,
    ),
    ("language negotiation and remembered choice", negotiation),
    (
        "without script: chooser list, no dead controls",
        without_script,
    ),
    (
        "article pages: light, nothing moves on load or when search opens",
        stability,
    ),
    (
        "dark mode follows the system and a remembered toggle; reduced motion",
        color_scheme,
    ),
    (
        "table of contents: beside the text on wide screens, folded on phones",
        table_of_contents,
    ),
    (
        "print: no navigation, link targets, a page per article",
        print,
    ),
    ("lines of 60 to 80 characters", line_length),
];

#[test]
fn the_theme_in_a_real_browser() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = handbook();
    let only = std::env::var("POLYBOOK_A11Y_ONLY").unwrap_or_default();
    let mut failures = Vec::new();
    let all = Instant::now();
    for (name, check) in CHECKS {
        if !only.split('|').any(|part| name.contains(part)) {
            continue;
        }
        let start = Instant::now();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| check(&browser, site)));
        let verdict = if outcome.is_ok() { "ok" } else { "FAILED" };
        eprintln!("{verdict:>6}  {name}  ({:.1?})", start.elapsed());
        if let Err(payload) = outcome {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("--- {name}\n{message}"));
        }
    }
    eprintln!("browser checks: {:.1?}", all.elapsed());
    assert!(
        failures.is_empty(),
        "{} browser check(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Waits for the final results of a search in `#search-results`.
#[track_caller]
fn settled_results(page: &Page) -> usize {
    page.wait_until_settled(
        "#search-results",
        QUIET,
        "document.querySelectorAll('#search-results a').length > 0 \
         && !document.querySelector('#search-results[aria-busy=\"true\"]')",
    );
    page.eval("document.querySelectorAll('#search-results a').length")
        .as_u64()
        .unwrap() as usize
}

/// Clicks the header's search box and types `text`, then waits for results.
#[track_caller]
fn search_in_header(page: &Page, text: &str) {
    page.click(SEARCH_INPUT);
    page.type_text(text);
    settled_results(page);
}

/// What to do on a page before auditing it.
#[derive(Clone, Copy, PartialEq)]
enum Then {
    Nothing,
    /// Wait for the search page's results.
    Results,
    /// Type the language's query in the header and wait for the results panel.
    HeaderSearch,
}

/// The pages to audit in one scheme: the root chooser, then in `langs` the
/// home, the topics index, a topic, the search page with results and the
/// print page; the header's results panel in `panel_lang`; the 404 page
/// (one for the whole site); every article of every language.
fn pages(site: &Handbook, langs: &[&str], panel_lang: &str) -> Vec<(String, Then)> {
    let mut pages = vec![("index.html#choose".to_string(), Then::Nothing)];
    for lang in langs {
        pages.extend([
            (format!("{lang}/index.html"), Then::Nothing),
            (format!("{lang}/topics/index.html"), Then::Nothing),
            (
                format!("{lang}/topics/active-listening/index.html"),
                Then::Nothing,
            ),
            (
                format!("{lang}/search/index.html?q={}", query(lang)),
                Then::Results,
            ),
            (format!("{lang}/print/index.html"), Then::Nothing),
        ]);
    }
    pages.push((format!("{panel_lang}/index.html"), Then::HeaderSearch));
    // Any missing path gets the site's 404.html, with status 404.
    pages.push((format!("{panel_lang}/no-such-page/"), Then::Nothing));
    for lang in LANGS {
        for article in site.articles(lang) {
            pages.push((article, Then::Nothing));
        }
    }
    pages
}

#[derive(Debug, Deserialize)]
struct Audit {
    location: String,
    /// Relative luminance of the page's background.
    background: f64,
    /// The layout viewport's width, how far the page scrolls sideways, in
    /// CSS pixels, and what sticks out.
    width: f64,
    overflow: f64,
    sticking_out: Vec<String>,
    /// What axe does not check (see `STRUCTURE`).
    structure: Vec<String>,
    violations: Vec<Violation>,
}

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
struct ViolationNode {
    target: Value,
    summary: String,
}

/// A tab whose every page has axe-core loaded.
fn axe_tab(browser: &Browser) -> Page {
    let page = browser.page();
    page.add_script_on_load(AXE);
    page
}

/// What axe does not check: one `h1`, the landmarks, the skip link as the
/// first focusable element, a labelled search box and a live region for its
/// results (a JavaScript expression giving a list of problems).
const STRUCTURE: &str = "(() => { const p = []; \
    const h1 = document.querySelectorAll('h1').length; if (h1 !== 1) p.push(h1 + ' h1 elements'); \
    if (document.querySelectorAll('main').length !== 1) p.push('not one <main>'); \
    if (!document.querySelector('body > header')) p.push('no <header> banner'); \
    if (!document.querySelector('nav[aria-label], nav[aria-labelledby]')) p.push('no labelled <nav>'); \
    if (!document.body.classList.contains('kind-chooser') && !document.querySelector('body > footer')) p.push('no <footer>'); \
    const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])'); \
    if (!first || !first.classList.contains('skip-link') || first.getAttribute('href') !== '#main') \
      p.push('the first focusable element is not the skip link'); \
    if (!document.documentElement.lang) p.push('no <html lang>'); \
    const box = document.querySelector('form[role=search] input[type=search]'); \
    if (!box || box.labels.length === 0 || !box.labels[0].textContent.trim()) p.push('no labelled search box'); \
    if (!document.querySelector('form[role=search] [role=status][aria-live]')) p.push('no live region for search results'); \
    return p; })()";

/// Audits the page as it is, in one round trip: axe-core (see `axe_tab`),
/// `STRUCTURE`, sideways scrolling and the background.
fn audit(page: &Page) -> Audit {
    let found = page.eval_async(&format!(
        "typeof axe === 'undefined' ? Promise.reject(new Error('axe-core is not loaded: use axe_tab')) : \
         axe.run(document, {{ resultTypes: ['violations'] }}).then(r => {{ \
           const root = document.documentElement; \
           const rgb = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).slice(0, 3) \
             .map(v => {{ const c = v / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }}); \
           return {{ location: location.href, \
             background: 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2], \
             width: root.clientWidth, overflow: root.scrollWidth - root.clientWidth, \
             sticking_out: root.scrollWidth > root.clientWidth ? Array.from(document.querySelectorAll('body *')) \
               .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5) \
               .slice(0, 5).map(e => e.outerHTML.slice(0, 120)) : [], \
             structure: {STRUCTURE}, \
             violations: r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help, \
               nodes: v.nodes.map(n => ({{ target: n.target, summary: n.failureSummary || '' }})) }})) }}; }})"
    ));
    serde_json::from_value(found).expect("an audit")
}

/// Every violation as a line that names the rule, its impact, the page and
/// the elements.
fn violations(audit: &Audit, label: &str) -> Vec<String> {
    audit
        .violations
        .iter()
        .map(|v| {
            let nodes: Vec<String> = v
                .nodes
                .iter()
                .map(|n| format!("    {} — {}", n.target, n.summary.replace('\n', " ")))
                .collect();
            format!(
                "{label}: {} ({}): {}\n{}",
                v.id,
                v.impact.as_deref().unwrap_or("?"),
                v.help,
                nodes.join("\n")
            )
        })
        .collect()
}

/// Opens `path` of the handbook and prepares it as `then` says.
fn open(page: &Page, site: &Handbook, path: &str, then: Then) {
    page.visit(&site.url(path));
    match then {
        Then::Nothing => {}
        Then::Results => {
            settled_results(page);
        }
        Then::HeaderSearch => {
            let lang = path.split('/').next().unwrap();
            search_in_header(page, query(lang));
        }
    }
}

/// Audits `pages` in the tab as it is set up (scheme, viewport): no axe
/// violation, nothing `STRUCTURE` misses, the scheme applied, and, when
/// `phone`, no sideways scrolling.
fn audit_all(page: &Page, site: &Handbook, pages: &[(String, Then)], scheme: &str, phone: bool) {
    let mut problems = Vec::new();
    for (path, then) in pages {
        open(page, site, path, *then);
        let found = audit(page);
        let label = match then {
            Then::HeaderSearch => format!("{} ({scheme}, results panel open)", found.location),
            _ => format!("{} ({scheme})", found.location),
        };
        let dark = found.background < 0.1;
        if dark != (scheme == "dark") {
            problems.push(format!(
                "{label}: background luminance {}",
                found.background
            ));
        }
        if phone && found.width != 375.0 {
            problems.push(format!(
                "{label}: laid out {} px wide on a 375 px phone (viewport meta?)",
                found.width
            ));
        }
        if phone && found.overflow > 0.0 {
            problems.push(format!(
                "{label}: scrolls sideways by {} px at 375 px: {:#?}",
                found.overflow, found.sticking_out
            ));
        }
        problems.extend(found.structure.iter().map(|p| format!("{label}: {p}")));
        problems.extend(violations(&found, &label));
    }
    page.assert_clean();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The light scheme on a phone (375 px): axe, structure, no sideways scroll.
fn axe_light_phone(browser: &Browser, site: &Handbook) {
    let page = axe_tab(browser);
    page.emulate_media("", &[("prefers-color-scheme", "light")]);
    page.set_viewport(375, 812, true);
    audit_all(&page, site, &pages(site, &LANGS, "hr"), "light", true);
}

/// The dark scheme on a desktop (1280 px).
fn axe_dark_desktop(browser: &Browser, site: &Handbook) {
    let page = axe_tab(browser);
    page.emulate_media("", &[("prefers-color-scheme", "dark")]);
    audit_all(
        &page,
        site,
        &pages(site, &["hr", "it"], "pt"),
        "dark",
        false,
    );
}

/// Relative luminance of a CSS `rgb(r, g, b)` colour.
fn luminance(css: &str) -> f64 {
    let numbers: Vec<f64> = css
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(numbers.len(), 3, "a colour: {css}");
    let channel = |v: f64| {
        let c = v / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(numbers[0]) + 0.7152 * channel(numbers[1]) + 0.0722 * channel(numbers[2])
}

/// Facts about the focused element, for the keyboard walk.
fn focused(page: &Page) -> Value {
    page.eval(
        "(() => { const e = document.activeElement; if (!e || e === document.body) return null; \
           const s = getComputedStyle(e); const r = e.getBoundingClientRect(); \
           return { html: e.outerHTML.slice(0, 160), cls: e.className, id: e.id, \
             ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, \
             seen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth, \
             search: e.matches('form[role=search] input[type=search]'), \
             inMain: !!e.closest('main') }; })()",
    )
}

fn keyboard(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    for lang in LANGS {
        let home = site.url(&format!("{lang}/index.html"));

        // The skip link comes first, shows itself, and jumps over the header.
        page.visit(&home);
        page.press("Tab");
        let first = focused(&page);
        assert_eq!(first["cls"], "skip-link", "{lang}: first Tab: {first}");
        assert_eq!(
            first["seen"], true,
            "{lang}: the focused skip link is on screen: {first}"
        );
        assert_eq!(
            first["ring"], true,
            "{lang}: the skip link shows focus: {first}"
        );
        assert_eq!(
            page.eval_string("document.activeElement.textContent.trim()"),
            catalog(lang, "skip-to-content"),
            "{lang}: the skip link's text comes from the catalog"
        );
        page.press("Enter");
        page.wait_for(
            "the skip link to focus <main>",
            "location.hash === '#main' && document.activeElement.id === 'main'",
        );
        page.press("Tab");
        let next = focused(&page);
        assert_eq!(
            next["inMain"], true,
            "{lang}: Tab after the skip link: {next}"
        );

        // From the top: Tab by Tab to the search box, every stop visible,
        // then to a result and its article (in one language: it is slow).
        if lang != "hr" {
            continue;
        }
        page.visit(&home);
        let mut path = Vec::new();
        loop {
            page.press("Tab");
            let now = focused(&page);
            assert!(!now.is_null(), "{lang}: Tab left the page after {path:#?}");
            assert_eq!(now["ring"], true, "{lang}: no visible focus ring on {now}");
            assert_eq!(now["seen"], true, "{lang}: focus off screen on {now}");
            path.push(now["html"].clone());
            if now["search"] == true {
                break;
            }
            assert!(
                path.len() < 12,
                "{lang}: no search box within 12 Tabs: {path:#?}"
            );
        }
        assert!(
            path[0].as_str().unwrap().contains("skip-link"),
            "{lang}: {path:#?}"
        );
        assert_eq!(
            page.eval_string("document.activeElement.labels[0].textContent.trim()"),
            catalog(lang, "search-label"),
            "{lang}: the search box's label comes from the catalog"
        );

        page.type_text(query(lang));
        let shown = settled_results(&page);
        assert!(shown > 0);
        let count =
            page.eval_string("document.querySelector('#search-results .search-count').textContent");
        page.wait_for(
            "the results to be announced",
            &format!(
                "document.querySelector('form[role=search] [role=status][aria-live]').textContent === {}",
                js_string(&count)
            ),
        );
        page.press("ArrowDown");
        page.wait_for(
            "ArrowDown to focus the first result",
            "document.activeElement === document.querySelector('#search-results a')",
        );
        let target = page.eval_string("document.activeElement.href");
        let title = page
            .eval_string("document.activeElement.querySelector('.search-hit-title').textContent");
        assert_eq!(
            focused(&page)["ring"],
            true,
            "{lang}: a focused result shows it"
        );
        page.press("Enter");
        page.wait_for(
            &format!("Enter to open {target}"),
            &format!(
                "location.href === {} && document.readyState === 'complete'",
                js_string(&target)
            ),
        );
        assert_eq!(
            page.eval_string("document.querySelector('h1').textContent.trim()"),
            title.trim(),
            "{lang}: Enter opened the result"
        );
        page.assert_clean();
    }
}

/// The language home the chooser sent the browser to, once it is there.
#[track_caller]
fn lands_on(page: &Page, lang: &str, context: &str) {
    page.wait_for(
        &format!("{context}: the chooser to open /{lang}/"),
        &format!(
            "/\\/{lang}\\/(index\\.html)?$/.test(location.href) && document.readyState === 'complete'"
        ),
    );
}

fn negotiation(browser: &Browser, site: &Handbook) {
    // An origin of its own, so that no other check's choice is remembered.
    let server = StaticServer::start(&site.public);
    let page = browser.page();
    let root = server.url("index.html");
    for (languages, lang) in [
        ("hr-HR,hr,en", "hr"),
        ("es-MX,es", "es"),
        ("it-CH,de-CH,fr", "it"),
        ("pt-BR,pt", "pt"),
        ("de-DE,en-US,es", "es"),
        ("de-DE,de,en", DEFAULT_LANG),
    ] {
        page.set_languages(languages);
        page.visit(&root);
        lands_on(&page, lang, languages);
        assert_eq!(
            page.eval("navigator.languages.join(',')"),
            languages,
            "the browser reports the emulated languages"
        );
    }

    // `#choose` shows the list; a click there is remembered.
    page.set_languages("hr-HR,hr");
    page.visit(&server.url("index.html#choose"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        page.location().ends_with("index.html#choose"),
        "#choose stays"
    );
    page.click("[data-language-chooser] a[data-lang=\"it\"]");
    lands_on(&page, "it", "a click on Italiano");
    page.visit(&root);
    lands_on(&page, "it", "the remembered choice over hr-HR");

    // So is a click in the language switcher.
    page.click(".lang-switcher a[data-lang=\"es\"]");
    lands_on(&page, "es", "the switcher");
    page.visit(&root);
    lands_on(&page, "es", "the remembered switch");
    page.assert_clean();

    // From file:// too.
    let root = format!("{}/index.html", file_url(&site.public));
    page.goto(&format!("{root}#choose"));
    page.eval("localStorage.clear()");
    page.visit(&root);
    lands_on(&page, "hr", "file:// with hr-HR");
    page.assert_clean();
}

fn without_script(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    page.set_languages("hr-HR,hr");
    page.set_scripts_enabled(false);
    page.goto(&site.url("index.html"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        page.location().ends_with("/index.html"),
        "without script the root stays: {}",
        page.location()
    );
    let links = page.eval(
        "Array.from(document.querySelectorAll('main nav a[data-lang]')).map(a => ({ \
           lang: a.dataset.lang, href: a.getAttribute('href'), seen: a.getClientRects().length > 0 }))",
    );
    for lang in LANGS {
        let link = links
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["lang"] == lang)
            .unwrap_or_else(|| panic!("no {lang} in the chooser: {links}"));
        assert_eq!(link["href"], format!("{lang}/index.html"), "{link}");
        assert_eq!(link["seen"], true, "{link}");
    }
    page.click_at("main nav a[data-lang=\"hr\"]");
    lands_on(&page, "hr", "a click without script");

    // Controls that need script are not shown; the contents can be opened.
    let article = &site.articles("hr")[0];
    page.goto(&site.url(article));
    let hidden = page.eval(
        "['.theme-toggle', '.search-scope'].filter(s => { const e = document.querySelector(s); \
           return e && e.getClientRects().length > 0; })",
    );
    assert_eq!(
        hidden,
        serde_json::json!([]),
        "controls that do nothing without script"
    );
    page.click_at(".toc summary");
    page.wait_for(
        "the contents to open",
        "document.querySelector('.toc details').open",
    );
    page.set_scripts_enabled(true);
}

fn stability(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    let article = site.articles("hr")[0].clone();
    for (name, width, height, mobile) in [("desktop", 1280, 900, false), ("phone", 375, 812, true)]
    {
        page.set_viewport(width, height, mobile);
        let mut articles = Vec::new();
        for lang in LANGS {
            articles.extend(site.articles(lang));
        }
        for path in &articles {
            page.visit(&site.url(path));
            // Everything loaded for the page so far (no search before a
            // search), and how much the page moved while it loaded.
            let seen = page.eval_async(
                "new Promise(done => { let shift = 0; \
                   new PerformanceObserver(list => { for (const e of list.getEntries()) shift += e.value; }) \
                     .observe({ type: 'layout-shift', buffered: true }); \
                   setTimeout(() => done({ shift, loaded: [performance.getEntriesByType('navigation')[0]] \
                     .concat(performance.getEntriesByType('resource')) \
                     .map(e => ({ name: e.name, bytes: e.decodedBodySize })) }), 100); })",
            );
            let loaded = seen["loaded"].as_array().unwrap();
            let total: u64 = loaded.iter().map(|e| e["bytes"].as_u64().unwrap()).sum();
            assert!(
                total < PAGE_BUDGET,
                "{name} {path}: {total} bytes loaded before any search: {loaded:#?}"
            );
            assert!(
                loaded.iter().skip(1).all(|e| {
                    let url = e["name"].as_str().unwrap();
                    url.ends_with(".css") || url.contains("/polybook.")
                }),
                "{name} {path}: only the stylesheet and the theme script load: {loaded:#?}"
            );
            assert_eq!(
                seen["shift"].as_f64(),
                Some(0.0),
                "{name} {path}: layout shift on load"
            );
        }

        // Opening the results moves nothing: they lie over the page.
        page.visit(&site.url(&article));
        page.eval(
            "(() => { window.__shift = []; \
               new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shift.push(e.value); }) \
                 .observe({ type: 'layout-shift' }); \
               window.__before = JSON.stringify(document.querySelector('main').getBoundingClientRect()); \
               return true; })()",
        );
        search_in_header(&page, query("hr"));
        page.wait_for(
            "the results panel to show",
            "document.querySelector('#search-results a').getClientRects().length > 0",
        );
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(
            page.eval("window.__shift"),
            serde_json::json!([]),
            "{name}: layout shifts when the search results open"
        );
        assert_eq!(
            page.eval("JSON.stringify(document.querySelector('main').getBoundingClientRect())"),
            page.eval("window.__before"),
            "{name}: <main> moved when the search results opened"
        );
        page.press("Escape");
        page.wait_for(
            "Escape to close the results",
            "!document.querySelector('#search-results a')",
        );
        page.assert_clean();
    }
}

fn background(page: &Page) -> f64 {
    luminance(&page.eval_string("getComputedStyle(document.body).backgroundColor"))
}

fn color_scheme(browser: &Browser, site: &Handbook) {
    // An origin of its own: the toggle is remembered in localStorage.
    let server = StaticServer::start(&site.public);
    let page = axe_tab(browser);
    let article = server.url(&site.articles("it")[0]);
    let toggle = "document.querySelector('[data-theme-toggle]')";

    page.emulate_media("", &[("prefers-color-scheme", "light")]);
    page.visit(&article);
    assert!(background(&page) > 0.8, "light system, light page");
    assert_eq!(
        page.eval(&format!("{toggle}.getClientRects().length > 0")),
        true
    );
    assert_eq!(
        page.eval(&format!("{toggle}.getAttribute('aria-pressed')")),
        "false"
    );
    assert_eq!(
        page.eval_string(&format!("{toggle}.textContent.trim()")),
        catalog("it", "theme-toggle"),
        "the toggle's name comes from the catalog"
    );
    page.click("[data-theme-toggle]");
    page.wait_for(
        "the toggle to turn dark mode on",
        &format!("document.documentElement.dataset.theme === 'dark' && {toggle}.getAttribute('aria-pressed') === 'true'"),
    );
    assert!(background(&page) < 0.1, "toggled dark");
    assert_eq!(page.eval("localStorage.getItem('polybook-theme')"), "dark");
    let problems = violations(&audit(&page), &format!("{article} (toggled dark)"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    page.visit(&article);
    assert_eq!(
        page.eval("document.documentElement.dataset.theme"),
        "dark",
        "remembered"
    );
    assert!(background(&page) < 0.1, "remembered dark on a light system");
    page.click("[data-theme-toggle]");
    page.wait_for(
        "back to light",
        "document.documentElement.dataset.theme === 'light'",
    );
    assert!(background(&page) > 0.8);

    // With nothing remembered, the page follows the system.
    page.eval("localStorage.clear()");
    page.emulate_media("", &[("prefers-color-scheme", "dark")]);
    page.visit(&article);
    assert!(background(&page) < 0.1, "dark system, dark page");
    assert_eq!(
        page.eval(&format!("{toggle}.getAttribute('aria-pressed')")),
        "true"
    );

    // Smooth scrolling only for readers who have not asked for less motion.
    page.emulate_media("", &[("prefers-reduced-motion", "reduce")]);
    page.visit(&article);
    assert_eq!(
        page.eval("getComputedStyle(document.documentElement).scrollBehavior"),
        "auto",
        "reduced motion"
    );
    page.emulate_media("", &[("prefers-reduced-motion", "no-preference")]);
    page.visit(&article);
    assert_eq!(
        page.eval("getComputedStyle(document.documentElement).scrollBehavior"),
        "smooth"
    );
    page.assert_clean();
}

fn table_of_contents(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    let article = site.url(&site.articles("hr")[0]);

    page.set_viewport(1280, 900, false);
    page.visit(&article);
    assert_eq!(
        page.eval("document.querySelector('.toc details').open"),
        true,
        "open on wide screens"
    );
    let beside = page.eval(
        "document.querySelector('.toc').getBoundingClientRect().left \
           >= document.querySelector('.article-body').getBoundingClientRect().right",
    );
    assert_eq!(beside, true, "beside the text");
    page.eval("window.scrollTo(0, document.documentElement.scrollHeight * 0.6)");
    page.wait_for(
        "the contents to stay in view and mark the section being read",
        "(() => { const r = document.querySelector('.toc').getBoundingClientRect(); \
           const current = document.querySelector('.toc a[aria-current]'); \
           return r.top >= 0 && r.top < innerHeight / 2 && r.bottom > 0 && !!current; })()",
    );
    let current =
        page.eval_string("document.querySelector('.toc a[aria-current]').getAttribute('href')");
    let above = page.eval(&format!(
        "document.getElementById({}.slice(1)).getBoundingClientRect().top < innerHeight / 2",
        js_string(&current)
    ));
    assert_eq!(
        above, true,
        "the marked section {current} is the one on screen"
    );

    page.set_viewport(375, 812, true);
    page.visit(&article);
    assert_eq!(
        page.eval("document.querySelector('.toc details').open"),
        false,
        "folded on phones"
    );
    page.click(".toc summary");
    page.wait_for(
        "the contents to open",
        "document.querySelector('.toc details').open",
    );
    page.assert_clean();
}

fn print(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    page.emulate_media("print", &[]);
    let gone = "['.skip-link', '.lang-switcher', '.site-search', '.site-footer', '.theme-toggle', \
                '.print-actions', '.breadcrumb', '.toc', '#search-results'] \
                .filter(s => Array.from(document.querySelectorAll(s)).some(e => e.getClientRects().length > 0))";
    for lang in LANGS {
        page.visit(&site.url(&format!("{lang}/print/index.html")));
        assert_eq!(
            page.eval(gone),
            serde_json::json!([]),
            "{lang}: navigation printed"
        );
        let breaks = page.eval(
            "Array.from(document.querySelectorAll('.print-article')).map(a => getComputedStyle(a).breakBefore)",
        );
        let breaks = breaks.as_array().unwrap();
        assert!(!breaks.is_empty(), "{lang}: no article on the print page");
        assert!(
            breaks.iter().all(|b| b == "page"),
            "{lang}: each article starts a page: {breaks:?}"
        );
        let article = &site.articles(lang)[0];
        page.visit(&site.url(article));
        assert_eq!(
            page.eval(gone),
            serde_json::json!([]),
            "{article}: navigation printed"
        );
    }

    // Where links go: a small site with a link out and a link in.
    let small = Site::new();
    small
        .write("site.toml", &site_toml(""))
        .write("content/topics.toml", "")
        .write(
            "content/pt/a.md",
            &md_page(
                "A",
                "",
                "Veja o [guia](https://example.org/guia) e a [página B](b.md).\n",
            ),
        )
        .write("content/pt/b.md", &md_page("B", "", "Texto.\n"))
        .write("content/hr/c.md", &md_page("C", "", "Tekst.\n"));
    small.build().assert_ok();
    let url = format!("{}/pt/a/index.html", file_url(&small.public()));
    page.goto(&url); // from http: only the browser may open file://
    let after = |text: &str| {
        format!(
            "getComputedStyle(Array.from(document.querySelectorAll('.prose a')).find(a => a.textContent === {}), '::after').content",
            js_string(text)
        )
    };
    let out = page.eval_string(&after("guia"));
    assert!(
        out.contains("https://example.org/guia"),
        "a link out shows its address: {out}"
    );
    let inside = page.eval_string(&after("página B"));
    assert!(
        inside.contains("https://example.com/hb/pt/b/"),
        "a link in shows its published address: {inside}"
    );
    let source = page.eval_string("document.querySelector('.print-source').innerText");
    assert!(
        source.contains("https://example.com/hb/pt/a/"),
        "a printed article says where it lives online: {source}"
    );
    page.emulate_media("screen", &[]);
    assert_eq!(
        page.eval("document.querySelector('.print-source').getClientRects().length"),
        0,
        "the address is for paper only"
    );
    assert_eq!(
        page.eval_string(&after("guia")),
        "none",
        "no addresses on screen"
    );
    page.assert_clean();
}

fn line_length(browser: &Browser, site: &Handbook) {
    let page = browser.page();
    page.set_viewport(1280, 900, false);
    for lang in LANGS {
        for article in site.articles(lang) {
            page.visit(&site.url(&article));
            let median = page.eval(
                "(() => { const counts = []; \
                   for (const p of document.querySelectorAll('.article-body p')) { \
                     const t = p.firstChild; if (!t || t.nodeType !== 3) continue; \
                     const range = document.createRange(); let top = null, n = 0; \
                     for (let i = 0; i < t.length; i++) { range.setStart(t, i); range.setEnd(t, i + 1); \
                       const r = range.getClientRects()[0]; if (!r) continue; \
                       if (top !== null && Math.abs(r.top - top) > 4) { counts.push(n); n = 0; } \
                       top = r.top; n++; } } \
                   counts.sort((a, b) => a - b); return counts[Math.floor(counts.length / 2)] || 0; })()",
            );
            let median = median.as_u64().unwrap();
            assert!(
                (60..=80).contains(&median),
                "{article}: full lines hold {median} characters (median), not 60 to 80"
            );
        }
    }
}
