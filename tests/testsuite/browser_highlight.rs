//! Search that takes the reader to the answer, in headless Chromium over
//! HTTP and from `file://`: results list the sections that hold the words,
//! and the page a result opens marks the words (other forms included, with
//! the page language's stemmer), scrolls to the section, counts the marks,
//! steps through them and clears them, with a clean address. Hostile
//! `?highlight=` input injects nothing. Needs Chromium like
//! `browser_search.rs`.

use crate::support::{self, browser};

use std::path::{Path, PathBuf};
use std::time::Duration;

use browser::{js_string, Browser, Page, Served, Via};

/// Long enough for a page's scripts to have done what they would do after
/// loading (to see that they did not).
const A_WHILE: Duration = Duration::from_millis(400);
const HR_ARTICLE: &str = "hr/kako-se-nositi-s-teskim-klijentom/";

fn handbook() -> &'static Path {
    support::built_handbook()
}

/// The search page of `lang` opened with `?q=`, once its results settled.
fn results_for(page: &Page, site: &Served, via: Via, lang: &str, query: &str) {
    let url = format!(
        "{}?q={}",
        site.url(via, &format!("{lang}/search/index.html")),
        urlencoding(query)
    );
    page.goto(&url);
    page.wait_for_search_hits();
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The marks the page shows, as written.
fn marks(page: &Page) -> Vec<String> {
    serde_json::from_value(
        page.eval(
            "Array.from(document.querySelectorAll('mark.search-mark')).map(m => m.textContent)",
        ),
    )
    .unwrap()
}

fn count_text(page: &Page) -> String {
    page.eval_string("document.querySelector('.search-mark-count').textContent")
}

#[test]
fn a_section_result_opens_its_heading_with_inflected_forms_marked() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        results_for(&page, &site, via, "hr", "klijentu");
        // The result lists its sections, each a link to page#heading.
        let sections: Vec<String> = serde_json::from_value(page.eval(
            "Array.from(document.querySelectorAll('#search-results .search-card')[0]\
               .querySelectorAll('a.search-section')).map(a => a.getAttribute('href'))",
        ))
        .unwrap();
        assert!(
            !sections.is_empty() && sections.len() <= 3,
            "{via:?}: sections of the first result: {sections:?}"
        );
        let main = page.eval_string(
            "document.querySelector('#search-results a.search-hit').getAttribute('href')",
        );
        assert!(
            main.contains(HR_ARTICLE)
                && main.contains("?highlight=")
                && main.ends_with("klijentu*"),
            "{via:?}: {main}"
        );
        let target = sections
            .iter()
            .find(|h| h.contains("#4-"))
            .unwrap_or_else(|| panic!("no section 4 among {sections:?}"))
            .clone();
        // The synonyms the search reached (content/synonyms.toml) go along.
        assert!(
            target.contains("?highlight=kupac%20stranka%20mu%C5%A1terija%20klijentu*#4-"),
            "{target}"
        );
        page.click(&format!(
            "#search-results a.search-section[href={}]",
            js_string(&target)
        ));
        page.wait_for(
            "the marks and their bar",
            "document.querySelector('.search-mark-bar .search-mark-count') \
             && document.querySelector('.search-mark-count').textContent.length > 0",
        );
        // Other forms of the word are marked: the stemmer of the page's language.
        let found = marks(&page);
        for form in ["klijentom", "klijentima", "klijent"] {
            assert!(
                found.iter().any(|m| m.eq_ignore_ascii_case(form)),
                "{via:?}: {form} not marked among {found:?}"
            );
        }
        assert!(
            !found
                .iter()
                .any(|m| m.to_lowercase().starts_with("kli")
                    && !m.to_lowercase().starts_with("klijent")),
            "{found:?}"
        );
        // The address keeps its heading but not the words.
        let location = page.location();
        assert!(
            !location.contains("?highlight") && !location.contains("&highlight"),
            "{location}"
        );
        assert!(location.contains("#4-"), "{location}");
        // The current mark is the first in the section that was chosen.
        assert_eq!(
            page.eval(
                "(() => { const h = document.getElementById(decodeURIComponent(location.hash.slice(1))); \
                  const c = document.querySelector('mark.search-mark.is-current'); \
                  const before = Array.from(document.querySelectorAll('mark.search-mark')) \
                    .filter(m => h.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)[0]; \
                  return c === before; })()"
            ),
            true,
            "{via:?}: the current mark is the section's first"
        );
        let total = found.len();
        let first = count_text(&page);
        assert!(
            first.ends_with(&format!("od {total}")),
            "{via:?}: {first:?} of {total}"
        );
        // Next, previous, by button and by key.
        page.click(".search-mark-next");
        let second = count_text(&page);
        assert_ne!(first, second);
        page.press("N");
        assert_eq!(count_text(&page), first, "Shift+N goes back");
        page.press("n");
        assert_eq!(count_text(&page), second, "n goes on");
        page.click(".search-mark-prev");
        assert_eq!(count_text(&page), first);
        // No layout shift: marks take no room, the bar lies over the page.
        let shift = page.eval_async(
            "new Promise(r => { let s = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) s += e.value; }) \
               .observe({ type: 'layout-shift', buffered: true }); setTimeout(() => r(s), 100); })",
        );
        assert_eq!(shift.as_f64(), Some(0.0), "{via:?}: layout shift {shift}");
        // Escape clears the marks and the bar.
        page.press("Escape");
        page.wait_for(
            "Escape to clear",
            "!document.querySelector('mark.search-mark') && !document.querySelector('.search-mark-bar')",
        );
        page.assert_clean();
    }
}

#[test]
fn a_page_opened_without_a_search_loads_nothing_more() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        page.goto(&site.url(via, &format!("{HR_ARTICLE}index.html")));
        page.wait_for("the page to load", "document.readyState === 'complete'");
        std::thread::sleep(A_WHILE);
        let loaded = page.eval(
            "performance.getEntriesByType('resource').map(e => e.name) \
               .filter(n => /highlight\\.js|engine\\.js|manifest\\.js|stemmers\\//.test(n))",
        );
        assert_eq!(loaded, serde_json::json!([]), "{via:?}");
        assert!(marks(&page).is_empty());
        page.assert_clean();
    }
}

#[test]
fn hostile_highlight_input_injects_nothing() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let long = "klijent".repeat(1500);
    let cases = [
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3Eklijentu".to_string(),
        "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        long,
        "%ED%A0%80klijentu%ED%B0%80".to_string(),
        "%25%00%E2%80%AEklijentu*".to_string(),
        "".to_string(),
        "*".to_string(),
    ];
    for via in [Via::Http, Via::File] {
        for case in &cases {
            let url = format!(
                "{}?highlight={case}#4-ispri%C4%8Dajte-se",
                site.url(via, &format!("{HR_ARTICLE}index.html"))
            );
            page.goto(&url);
            page.wait_for("the page to load", "document.readyState === 'complete'");
            std::thread::sleep(A_WHILE);
            assert_eq!(
                page.eval("document.querySelectorAll('[onerror], img[src=\"x\"], body script:not([src])').length"),
                0,
                "{via:?} {case}: nothing injected"
            );
            assert!(
                page.dialogs().is_empty(),
                "{via:?} {case}: {:?}",
                page.dialogs()
            );
            page.assert_clean();
        }
    }
}

fn shots_dir() -> PathBuf {
    std::env::var_os("POLYBOOK_BROWSER_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-shots"))
}

/// Pictures of the results with their sections and of a highlighted
/// arrival, desktop and phone, light and dark (README's screenshots are
/// these): nothing scrolls sideways, the bar stays on the screen.
#[test]
fn a_highlighted_arrival_fits_desktop_and_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let shots = shots_dir();
    for scheme in ["light", "dark"] {
        page.emulate_media("", &[("prefers-color-scheme", scheme)]);
        let suffix = if scheme == "dark" { "-dark" } else { "" };
        for (name, width, height, mobile) in
            [("desktop", 1280, 900, false), ("phone", 390, 844, true)]
        {
            page.set_viewport(width, height, mobile);
            results_for(&page, &site, Via::Http, "hr", "klijentu");
            page.screenshot(&shots.join(format!("search-sections-hr-{name}{suffix}.png")));
            page.click("#search-results a.search-section[href*='#4-']");
            page.wait_for(
                "the marks",
                "document.querySelector('.search-mark-count') \
                 && document.querySelector('.search-mark-count').textContent !== ''",
            );
            // Smooth scrolling, where motion is not reduced, ends first.
            std::thread::sleep(Duration::from_millis(800));
            page.screenshot(&shots.join(format!("highlight-hr-{name}{suffix}.png")));
            let bar = page.eval(
                "(() => { const r = document.querySelector('.search-mark-bar').getBoundingClientRect(); \
                  return r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; })()",
            );
            assert_eq!(bar, true, "{name} {scheme}: the bar is on the screen");
            let overflow = page.eval(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth",
            );
            assert_eq!(overflow, 0, "{name} {scheme}: sideways scroll");
            let current = page.eval(
                "(() => { const r = document.querySelector('mark.is-current').getBoundingClientRect(); \
                  return r.top >= 0 && r.bottom <= innerHeight; })()",
            );
            assert_eq!(
                current, true,
                "{name} {scheme}: the current mark is in view"
            );
            page.assert_clean();
        }
    }
}

/// A synonym phrase: `refundacija` finds the Croatian page that says
/// `povrat novca`, the results say so, its section shows the phrase, and
/// the page opened marks it.
#[test]
fn a_synonym_phrase_is_searched_shown_and_marked() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        results_for(&page, &site, via, "hr", "refundacija");
        let also =
            page.eval_string("document.querySelector('#search-results .search-also').textContent");
        assert!(also.contains("povrat novca"), "{via:?}: {also}");
        let section = page.eval_string(
            "Array.from(document.querySelectorAll('#search-results a.search-section')) \
               .map(a => a.textContent).join(' | ')",
        );
        assert!(section.contains("povrat novca"), "{via:?}: {section}");
        page.click("#search-results a.search-section[href*='#5-']");
        page.wait_for(
            "the marks",
            "document.querySelector('.search-mark-count') \
             && document.querySelector('.search-mark-count').textContent !== ''",
        );
        let found = marks(&page);
        assert!(
            found.iter().any(|m| m == "povrat") && found.iter().any(|m| m == "novca"),
            "{via:?}: {found:?}"
        );
        // One word of a phrase, the other way: `devolução` (of `devolução do
        // dinheiro`) finds the page that says `reembolso`, says so, marks it.
        results_for(&page, &site, via, "pt", "devolução");
        let also =
            page.eval_string("document.querySelector('#search-results .search-also').textContent");
        assert!(also.contains("reembolso"), "{via:?}: {also}");
        page.click("#search-results a.search-hit");
        page.wait_for(
            "the marks",
            "document.querySelector('.search-mark-count') \
             && document.querySelector('.search-mark-count').textContent !== ''",
        );
        assert!(marks(&page).iter().any(|m| m == "reembolso"), "{via:?}");
        page.assert_clean();
    }
}

/// The bar's close button clears the marks and itself, like Escape, and the
/// keys do nothing more once it is gone.
#[test]
fn the_close_button_clears_the_marks() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        page.goto(&format!(
            "{}?highlight=klijentu#4-ispri%C4%8Dajte-se",
            site.url(via, &format!("{HR_ARTICLE}index.html"))
        ));
        page.wait_for(
            "the marks",
            "document.querySelector('.search-mark-count') \
             && document.querySelector('.search-mark-count').textContent !== ''",
        );
        assert!(marks(&page).len() > 1, "{via:?}");
        let labels: Vec<String> = serde_json::from_value(page.eval(
            "Array.from(document.querySelectorAll('.search-mark-bar button')).map(b => b.getAttribute('aria-label'))",
        ))
        .unwrap();
        assert!(
            labels.len() == 3 && labels.iter().all(|l| !l.trim().is_empty()),
            "{via:?}: every button is named: {labels:?}"
        );
        let before = page.eval_string("document.querySelector('.article-body').textContent");
        page.click(".search-mark-close");
        page.wait_for(
            "the close button to clear",
            "!document.querySelector('mark.search-mark') && !document.querySelector('.search-mark-bar')",
        );
        // The text reads as before, every mark unwrapped.
        assert_eq!(
            page.eval_string("document.querySelector('.article-body').textContent"),
            before
        );
        page.press("n");
        assert!(marks(&page).is_empty(), "{via:?}");
        page.assert_clean();
    }
}

/// The attacker writes the search link: markup, quotes, direction
/// overrides, lone surrogates and 10,000 characters in `?q=`, typed into
/// the box, and in the `#heading` of the page a result opens. Every answer
/// shows the words as text, the links the results make carry them encoded,
/// and the page opened marks only its own words.
#[test]
fn an_attacker_s_query_stays_text_from_the_results_to_the_page_opened() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let injected = "document.querySelectorAll('[onerror], [onload], img, iframe, object, embed, body script:not([src])').length";
    let queries = [
        "klijentu\"><img src=x onerror=alert(1)>",
        "klijentu '><script>alert(1)</script>",
        "klijentu</title><svg onload=alert(1)>",
        "\u{202e}klijentu\u{202c} \u{200f}שלום",
        "klijentu javascript:alert(1)",
    ];
    for via in [Via::Http, Via::File] {
        for query in queries {
            results_for(&page, &site, via, "hr", query);
            assert_eq!(page.eval(injected), 0, "{via:?} {query}: nothing injected");
            assert_eq!(
                page.eval_string(
                    "document.querySelector('form[role=\"search\"] input[type=\"search\"]').value"
                ),
                query,
                "{via:?}: the box shows the query as written"
            );
            let hrefs: Vec<String> = serde_json::from_value(page.eval(
                "Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))",
            ))
            .unwrap();
            assert!(
                !hrefs.is_empty(),
                "{via:?} {query}: klijentu finds the page"
            );
            for href in &hrefs {
                assert!(
                    !href.contains(['<', '>', '"', '\'', ' ']) && !href.starts_with("javascript:"),
                    "{via:?} {query}: a result link carries the words encoded: {href}"
                );
            }
            // The page a section result opens.
            page.click("#search-results a.search-section");
            page.wait_for(
                "the marks",
                "document.querySelector('.search-mark-count') \
                 && document.querySelector('.search-mark-count').textContent !== ''",
            );
            assert_eq!(page.eval(injected), 0, "{via:?} {query}: nothing injected");
            let found = marks(&page);
            assert!(
                found
                    .iter()
                    .any(|m| m.to_lowercase().starts_with("klijent")),
                "{via:?} {query}: {found:?}"
            );
            assert!(found.iter().all(|m| !m.contains(['<', '>'])), "{found:?}");
            let location = page.location();
            assert!(
                !location.contains("?highlight") && !location.contains("&highlight"),
                "{location}"
            );
            assert!(page.dialogs().is_empty(), "{via:?} {query}");
            page.assert_clean();
        }
        // Typed (or pasted) into the box: lone surrogates, which no URL can
        // carry, and 10,000 characters.
        page.goto(&site.url(via, "hr/search/index.html"));
        for typed in [
            "'klijentu\\uD800 \\uDC00klijent'".to_string(),
            "'<img src=x onerror=alert(1)>'.repeat(400)".to_string(),
            "'klijentu\\uDBFF'".to_string(),
        ] {
            page.eval(&format!(
                "(() => {{ const box = document.querySelector('form[role=\"search\"] input[type=\"search\"]'); \
                   box.value = {typed}; box.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()"
            ));
            page.wait_for_search_outcome();
            assert_eq!(page.eval(injected), 0, "{via:?} {typed}: nothing injected");
            assert!(page.dialogs().is_empty(), "{via:?} {typed}");
            page.assert_clean();
        }
        // The heading the address names, written by the attacker.
        for hash in [
            "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            "%E0%A4%A",
            "%ED%A0%80",
            "<svg onload=alert(1)>",
        ] {
            page.goto(&format!(
                "{}?highlight=klijentu#{hash}",
                site.url(via, &format!("{HR_ARTICLE}index.html"))
            ));
            page.wait_for(
                "the marks",
                "document.querySelector('.search-mark-count') \
                 && document.querySelector('.search-mark-count').textContent !== ''",
            );
            assert_eq!(page.eval(injected), 0, "{via:?} #{hash}: nothing injected");
            assert!(page.dialogs().is_empty(), "{via:?} #{hash}");
            page.assert_clean();
        }
    }
}
