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
//! Each check is a test of its own, on the handbook built once. Needs
//! Chromium like tests/testsuite/browser_search.rs.

use crate::support::{self, browser};

mod axe;
mod behaviour;

use axe::{axe_dark_desktop, axe_light_phone};
use behaviour::{
    color_scheme, keyboard, line_length, negotiation, print, stability, table_of_contents,
    without_script,
};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use browser::{file_url, js_string, Browser, Page, StaticServer};
use serde_json::Value;
use support::{page as md_page, site_toml, Site};

const LANGS: [&str; 4] = ["pt", "hr", "es", "it"];
/// The site's default language (site.toml), where unknown languages go.
const DEFAULT_LANG: &str = "pt";
/// The article weight budget: HTML + CSS + JS as written, before any search.
const PAGE_BUDGET: u64 = 60_000;
/// The search box of a page (DESIGN.md, "Contracts the tests rely on").
const SEARCH_INPUT: &str = r#"form[role="search"] input[type="search"]"#;
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

/// Runs a check with a browser of its own; each check is a test, so that
/// they run side by side and a failing one does not hide the others.
fn in_browser(check: fn(&Browser, &Handbook)) {
    let Some(browser) = Browser::launch() else {
        return;
    };
    check(&browser, handbook());
}

/// axe, structure, no sideways scroll: light scheme, 375 px phone.
#[test]
fn axe_light_scheme_on_a_phone() {
    in_browser(axe_light_phone);
}

/// axe, structure: dark scheme, 1280 px desktop.
#[test]
fn axe_dark_scheme_on_a_desktop() {
    in_browser(axe_dark_desktop);
}

#[test]
fn keyboard_skip_link_focus_ring_search_result_article() {
    in_browser(keyboard);
}

#[test]
fn language_negotiation_and_remembered_choice() {
    in_browser(negotiation);
}

#[test]
fn without_script_a_chooser_list_and_no_dead_controls() {
    in_browser(without_script);
}

#[test]
fn articles_are_light_and_nothing_moves_on_load_or_when_search_opens() {
    in_browser(stability);
}

#[test]
fn dark_mode_follows_the_system_and_a_remembered_toggle_reduced_motion() {
    in_browser(color_scheme);
}

#[test]
fn table_of_contents_beside_the_text_on_wide_screens_folded_on_phones() {
    in_browser(table_of_contents);
}

#[test]
fn print_has_no_navigation_shows_link_targets_and_a_page_per_article() {
    in_browser(print);
}

#[test]
fn lines_hold_60_to_80_characters() {
    in_browser(line_length);
}

/// Waits for the final results of a search in `#search-results`; returns
/// how many results (not counting their sections' links) it shows.
#[track_caller]
fn settled_results(page: &Page) -> usize {
    page.wait_for_search_hits();
    page.eval("document.querySelectorAll('#search-results a.search-hit').length")
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
    /// An article opened from a search (`?highlight=`): wait for its marks
    /// and their bar.
    Highlighted,
}
