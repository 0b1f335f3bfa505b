//! "Not translated" notices in a real browser (headless Chromium), over HTTP
//! and from `file://`: a reader whose language is remembered (here: by
//! opening the Croatian home) who opens an article with no Croatian version,
//! by its address or from a search in all languages, sees above it a notice
//! in Croatian with the Croatian articles on the same topics, and nothing
//! moves when it appears; an article translated into Croatian offers its
//! Croatian version instead, and a reader who chose Portuguese in the
//! switcher gets no notice. Without JavaScript the
//! switcher still marks Croatian "nije prevedeno" where it is missing.
//!
//! Needs Chromium (`apt-get install chromium`, or `bash .ci/run`); without it
//! the test is skipped with a notice, or fails under
//! `POLYBOOK_REQUIRE_BROWSER=1` (CI).

use crate::support::{self, browser};

use std::path::{Path, PathBuf};

use browser::{js_string, Browser, Page, Served, Via, VIAS};
use support::{notices_site, page};

const ONLY_PT: &str = "pt/so-pt/";
const PAIR_PT: &str = "pt/par/";
const PAIR_HR: &str = "hr/par/";
const NOTICE: &str = ".notice-untranslated";
/// A JavaScript function: the first element matching a selector that shows
/// (every notice is in the page, hidden but the reader's language's).
const SHOWN: &str =
    "(s => Array.from(document.querySelectorAll(s)).find(n => getComputedStyle(n).display !== 'none') || null)";

/// pt, hr and es: `pt/par` and `hr/par` are translations; `pt/so-pt` is in
/// Portuguese only and shares its topic with `hr/slusanje`.
fn build() -> PathBuf {
    let site = notices_site();
    site.write(
        "content/pt/so-pt.md",
        &page(
            "Só em português",
            "topics = [\"listen\"]\n",
            "## Paciência\n\nPaciência infinita com o cliente.\n",
        ),
    )
    .write(
        "content/hr/slusanje.md",
        &page("Slušanje", "topics = [\"listen\"]\n", "Tekst.\n"),
    );
    site.build().assert_ok();
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_notices");
    if dest.exists() {
        std::fs::remove_dir_all(&dest).unwrap();
    }
    support::copy_dir(&site.public(), &dest);
    dest
}

/// Opens `url` and waits for its scripts.
fn open(page: &Page, url: &str) {
    page.goto(url);
}

fn remembered(page: &Page) -> serde_json::Value {
    page.eval("localStorage.getItem('polybook-lang')")
}

/// The notice shown on the page: its language, text, whether it is seen and
/// above the title and body, its links.
fn notice(page: &Page) -> serde_json::Value {
    page.eval(&format!(
        "(() => {{ const n = {SHOWN}({}); if (!n) return null; \
           const r = n.getBoundingClientRect(); \
           const h1 = document.querySelector('h1').getBoundingClientRect(); \
           const body = document.querySelector('.article-body').getBoundingClientRect(); \
           return {{ lang: n.lang, role: n.getAttribute('role'), text: n.textContent, \
             seen: r.height > 0 && getComputedStyle(n).display !== 'none', \
             above: r.bottom <= h1.top && r.bottom <= body.top, \
             links: Array.from(n.querySelectorAll('a')).map(a => a.textContent) }}; }})()",
        js_string(NOTICE)
    ))
}

/// How much the page moved while it loaded, and what moved.
fn layout_shift(page: &Page) -> (f64, serde_json::Value) {
    let seen = page.eval_async(
        "new Promise(done => { let shift = 0, moved = []; \
           new PerformanceObserver(list => { for (const e of list.getEntries()) { shift += e.value; \
             for (const s of e.sources || []) moved.push(s.node ? (s.node.outerHTML || s.node.textContent || '').slice(0, 160) : '?'); } }) \
             .observe({ type: 'layout-shift', buffered: true }); \
           setTimeout(() => done({ shift, moved }), 100); })",
    );
    (seen["shift"].as_f64().unwrap(), seen["moved"].clone())
}

#[track_caller]
fn assert_croatian_notice(page: &Page, how: &str) {
    let shown = page.wait_for(
        &format!("{how}: the Croatian notice"),
        &format!("{SHOWN}({})", js_string(NOTICE)),
    );
    assert_ne!(shown, serde_json::Value::Null);
    let n = notice(page);
    assert_eq!(n["lang"], "hr", "{how}: {n:#}");
    assert_eq!(n["role"], "note", "{how}: {n:#}");
    assert_eq!(n["seen"], true, "{how}: {n:#}");
    assert_eq!(
        n["above"], true,
        "{how}: above the title and the body: {n:#}"
    );
    let text = n["text"].as_str().unwrap();
    assert!(
        text.contains("Ovaj članak još nije preveden na jezik Hrvatski."),
        "{how}: in Croatian: {text}"
    );
    assert!(
        text.contains("Članci na jeziku Hrvatski o istim temama:"),
        "{how}: {text}"
    );
    assert_eq!(n["links"], serde_json::json!(["Slušanje"]), "{how}: {n:#}");
    // Shown after the first paint, the notice would push the page down by
    // its height (a shift of 0.1 and more); a hair's move elsewhere on a
    // busy machine is not it.
    let (shift, moved) = layout_shift(page);
    assert!(shift < 0.01, "{how}: the page moved by {shift}: {moved:#}");
}

#[track_caller]
fn assert_no_notice(page: &Page, how: &str) {
    assert_eq!(notice(page), serde_json::Value::Null, "{how}: no notice");
}

#[track_caller]
fn assert_no_notice_at_all(page: &Page, how: &str) {
    assert_no_notice(page, how);
    assert_eq!(
        page.eval(
            "Array.from(document.querySelectorAll('.notice')).filter(n => getComputedStyle(n).display !== 'none').length"
        ),
        0,
        "{how}: no notice at all"
    );
}

fn notices_via(browser: &Browser, site: &Served, via: Via) {
    let page = browser.page();
    let how = |what: &str| format!("{via:?}: {what}");

    // The Croatian home remembers Croatian.
    open(&page, &site.url(via, "hr/index.html"));
    assert_eq!(remembered(&page), "hr", "{}", how("the hr home"));

    // An article in Portuguese only, by its address: the notice, in Croatian.
    open(&page, &site.article(via, ONLY_PT));
    assert_croatian_notice(&page, &how("pt-only article by URL"));
    assert_eq!(
        remembered(&page),
        "hr",
        "opening an article changes nothing"
    );

    // Its link leads to the Croatian article.
    page.click(&format!("{NOTICE}[data-for-reader=\"hr\"] a"));
    page.wait_for(
        &how("the Croatian article from the notice"),
        "location.pathname.endsWith('/hr/slusanje/index.html') && document.readyState === 'complete'",
    );
    assert_eq!(page.eval_string("document.documentElement.lang"), "hr");
    assert_eq!(
        page.eval_string("document.querySelector('h1').textContent"),
        "Slušanje"
    );

    // A Portuguese article with a Croatian version: no such notice, but one
    // in Croatian that leads to the Croatian version.
    open(&page, &site.article(via, PAIR_PT));
    assert_no_notice(&page, &how("pt article translated into hr"));
    let other = page.eval(&format!(
        "(() => {{ const n = {SHOWN}('.notice-translated'); \
           return n && {{ lang: n.lang, text: n.textContent, href: n.querySelector('a').getAttribute('href'), \
             above: n.getBoundingClientRect().bottom <= document.querySelector('h1').getBoundingClientRect().top }}; }})()"
    ),
    );
    assert_eq!(
        other["lang"],
        "hr",
        "{}: {other:#}",
        how("the hr version offered")
    );
    assert_eq!(
        other["text"], "Ovaj je članak dostupan i na jeziku Hrvatski: Par hr",
        "{other:#}"
    );
    assert_eq!(other["href"], "../../hr/par/index.html", "{other:#}");
    assert_eq!(other["above"], true, "{other:#}");
    assert_eq!(remembered(&page), "hr");

    // From search in all languages on the Croatian search page.
    let search = format!(
        "{}?q=paciencia&lang=all",
        site.url(via, "hr/search/index.html")
    );
    open(&page, &search);
    let hit = "#search-results a.search-hit[hreflang=\"pt\"]";
    page.wait_for(
        &how("the Portuguese result in all languages"),
        &format!("document.querySelector({})", js_string(hit)),
    );
    page.click(hit);
    page.wait_for(
        &how("the pt-only article from search"),
        "location.pathname.endsWith('/pt/so-pt/index.html') && document.readyState === 'complete'",
    );
    assert_croatian_notice(&page, &how("pt-only article from search in all languages"));

    // Choosing Portuguese in the switcher (on the Croatian version of an
    // article): the reader's language is Portuguese, no notice any more.
    open(&page, &site.article(via, PAIR_HR));
    page.wait_for(
        &how("the Croatian version, its script run"),
        "/\\/hr\\/par\\/(index\\.html)?$/.test(location.pathname) && document.readyState === 'complete'",
    );
    page.click(".lang-switcher a[data-lang=\"pt\"]");
    page.wait_for(
        &how("the Portuguese version from the switcher"),
        "location.pathname.endsWith('/pt/par/index.html') && document.readyState === 'complete'",
    );
    assert_eq!(remembered(&page), "pt", "{}", how("chosen in the switcher"));
    open(&page, &site.article(via, ONLY_PT));
    assert_no_notice_at_all(&page, &how("pt-only article for a Portuguese reader"));
    page.assert_clean();

    // Without JavaScript (Croatian remembered again): no notice, and the
    // switcher marks Croatian as not translated, visibly, on a phone too.
    open(&page, &site.url(via, "hr/index.html"));
    assert_eq!(remembered(&page), "hr");
    page.set_scripts_enabled(false);
    page.set_viewport(375, 812, true);
    open(&page, &site.article(via, ONLY_PT));
    assert_no_notice_at_all(&page, &how("without JavaScript"));
    let mark = page.eval(
        "(() => { const a = document.querySelector('.lang-switcher a[data-lang=\"hr\"]'); \
           const m = a.querySelector('.lang-missing'); if (!m) return null; \
           const r = m.getBoundingClientRect(); \
           return { text: m.textContent.trim(), lang: m.closest('[lang]').lang, \
             seen: r.width > 0 && r.height > 0 && r.right <= innerWidth, \
             cls: a.className, href: a.getAttribute('href'), \
             wide: document.documentElement.scrollWidth }; })()",
    );
    assert_eq!(
        mark["text"],
        "nije prevedeno",
        "{}: {mark:#}",
        how("no-JS mark")
    );
    assert_eq!(mark["lang"], "hr", "{mark:#}");
    assert_eq!(mark["seen"], true, "{mark:#}");
    assert_eq!(mark["cls"], "lang-home", "{mark:#}");
    assert_eq!(mark["href"], "../../hr/index.html", "{mark:#}");
    assert!(
        mark["wide"].as_u64().unwrap() <= 375,
        "nothing scrolls sideways at 375 px: {mark:#}"
    );
    page.set_scripts_enabled(true);
    page.set_viewport(1280, 900, false);
}

/// axe-core finds nothing wrong with the notices shown, light and dark, on a
/// desktop and a phone, and nothing scrolls sideways.
fn accessible(browser: &Browser, site: &Served) {
    let page = browser.page();
    page.add_script_on_load(browser::AXE);
    page.goto(&site.url(Via::Http, "hr/index.html"));
    for (width, mobile) in [(1280, false), (375, true)] {
        page.set_viewport(width, 900, mobile);
        for scheme in ["light", "dark"] {
            page.emulate_media("screen", &[("prefers-color-scheme", scheme)]);
            for (article, notice) in [(ONLY_PT, NOTICE), (PAIR_PT, ".notice-translated")] {
                let how = format!("{article} at {width} px, {scheme}");
                page.goto(&site.article(Via::Http, article));
                page.wait_for(
                    &format!("{how}: the notice"),
                    &format!("{SHOWN}({})", js_string(notice)),
                );
                let found = page.eval_async(
                    "axe.run(document, { resultTypes: ['violations'] }).then(r => ({ \
                       violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')), \
                       overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }))",
                );
                assert_eq!(found["violations"], serde_json::json!([]), "{how}");
                assert_eq!(found["overflow"], 0, "{how}: sideways scrolling");
            }
        }
    }
    page.assert_clean();
}

#[test]
fn untranslated_articles_tell_the_reader_in_their_language() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(&build());
    for via in VIAS {
        notices_via(&browser, &site, via);
    }
    accessible(&browser, &site);
}
