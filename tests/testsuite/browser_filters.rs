//! The search page's filters in headless Chromium, over HTTP and from
//! `file://`: a topic without words lists its pages in all languages, with
//! counts; a filter narrows a query; choosing one puts it in the address;
//! hostile `?q=` and `?topic=` inject nothing and end in a clear empty
//! state. Needs Chromium like `browser_search.rs`.

use crate::support::{self, browser};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use browser::{Browser, Page, Served, Via};
use support::Site;

fn handbook() -> &'static Path {
    support::built_handbook()
}

/// Opens `url` and waits for the answer: a count or an empty state.
fn answer(page: &Page, url: &str) -> String {
    page.goto(url);
    page.wait_for_search_outcome();
    page.eval_string("document.querySelector('#search-results').textContent")
}

fn hit_count(page: &Page) -> u64 {
    page.eval("document.querySelectorAll('#search-results a.search-hit').length")
        .as_u64()
        .unwrap()
}

fn option_text(page: &Page, name: &str) -> String {
    page.eval_string(&format!(
        "(() => {{ const s = document.querySelector('select[name={name}]'); return s.options[s.selectedIndex].textContent; }})()"
    ))
}

#[test]
fn a_topic_without_words_lists_its_pages_with_counts() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        // Browse a topic's guidance in all languages, no query typed.
        let url = site.url(via, "pt/search/index.html?topic=empathy&lang=all");
        answer(&page, &url);
        assert_eq!(hit_count(&page), 5, "{via:?}: every article on empathy");
        assert_eq!(
            page.eval_string("document.querySelector('select[name=topic]').value"),
            "empathy"
        );
        assert_eq!(option_text(&page, "topic"), "Empatia (5)", "{via:?}");
        assert!(
            page.location().contains("topic=empathy"),
            "{}",
            page.location()
        );
        // In one language.
        answer(&page, &site.url(via, "hr/search/index.html?topic=empathy"));
        assert_eq!(hit_count(&page), 1, "{via:?}: the Croatian one");
        assert_eq!(option_text(&page, "topic"), "Empatija (1)");
        // With words: the filter narrows the query.
        answer(
            &page,
            &site.url(via, "pt/search/index.html?q=clientes&topic=compensation"),
        );
        assert_eq!(hit_count(&page), 1, "{via:?}: the page on compensation");
        // Choosing a topic runs the search and keeps it in the address.
        answer(&page, &site.url(via, "pt/search/index.html?q=clientes"));
        let both = hit_count(&page);
        assert_eq!(both, 2);
        page.eval("(document.querySelector('details.search-filters').open = true, true)");
        page.wait_for(
            "the counts",
            "document.querySelector('select[name=topic]').options.length > 1",
        );
        page.eval(
            "(() => { const s = document.querySelector('select[name=topic]'); s.value = 'compensation'; \
              s.dispatchEvent(new Event('change')); return true; })()",
        );
        page.wait_for(
            "the filtered results",
            "document.querySelectorAll('#search-results a.search-hit').length === 1 \
             && location.search.includes('topic=compensation')",
        );
        page.assert_clean();
    }
}

#[test]
fn hostile_filters_and_queries_inject_nothing() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let long = "a".repeat(10_000);
    let cases = [
        "topic=nope".to_string(),
        "topic=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".to_string(),
        "topic=..%2F..%2F..%2Fpolybook&section=%3Cscript%3E".to_string(),
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&topic=empathy".to_string(),
        format!("q={long}&section=nope"),
        "q=%ED%A0%80klijent%ED%B0%80&topic=%ED%A0%80".to_string(),
        "q=clientes&topic=&section=".to_string(),
    ];
    for via in [Via::Http, Via::File] {
        for case in &cases {
            let url = format!("{}?{case}", site.url(via, "pt/search/index.html"));
            let text = answer(&page, &url);
            if case.starts_with("topic=nope")
                || case.contains("onerror")
                || case.contains("section=nope")
            {
                assert!(
                    page.eval("!!document.querySelector('#search-results .search-empty')") == true,
                    "{via:?} {case:.60}: a clear empty state, not {text:.200}"
                );
            }
            assert_eq!(
                page.eval("document.querySelectorAll('[onerror], img[src=\"x\"], body script:not([src])').length"),
                0,
                "{via:?} {case:.60}: nothing injected"
            );
            assert!(page.dialogs().is_empty(), "{via:?} {case:.60}");
            let loaded = page.eval(
                "performance.getEntriesByType('resource').map(e => e.name).filter(n => /polybook\\.js$|\\/topics\\/[^/]*[<%.]/.test(n) && !/\\/topics\\/[a-z0-9-]+\\.js$/.test(n))",
            );
            assert_eq!(
                loaded,
                serde_json::json!([]),
                "{via:?} {case:.60}: no odd file loaded"
            );
            page.assert_clean();
        }
    }
}

/// A small site whose pages sit in sections (folders of `content/<lang>/`),
/// two of them named alike in both languages.
fn sectioned() -> &'static Path {
    static PUBLIC: OnceLock<PathBuf> = OnceLock::new();
    PUBLIC.get_or_init(|| {
        let site = Site::new();
        site.write("site.toml", &support::site_toml(""));
        site.write(
            "content/topics.toml",
            "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\" }\n",
        );
        for (lang, section, title) in [
            ("pt", "conflitos", "Conflitos"),
            ("pt", "escuta", "Escuta"),
            ("hr", "sukobi", "Sukobi"),
            ("hr", "escuta", "Slušanje"),
        ] {
            site.write(
                &format!("content/{lang}/{section}/_index.md"),
                &format!("+++\ntitle = \"{title}\"\n+++\n"),
            );
        }
        for (path, title, topics, body) in [
            (
                "pt/conflitos/a",
                "Cliente zangado",
                "[\"calm\"]",
                "O cliente grita; fique calmo.",
            ),
            (
                "pt/conflitos/b",
                "Reclamação",
                "[]",
                "Uma reclamação do cliente.",
            ),
            (
                "pt/escuta/c",
                "Ouvir o cliente",
                "[\"calm\"]",
                "Ouça o cliente com calma.",
            ),
            ("pt/d", "Solto", "[]", "Página sem secção, cliente."),
            (
                "hr/sukobi/e",
                "Ljuti klijent",
                "[\"calm\"]",
                "Klijent viče; ostanite mirni.",
            ),
            (
                "hr/escuta/f",
                "Slušajte klijenta",
                "[]",
                "Slušajte klijenta pažljivo.",
            ),
        ] {
            site.write(
                &format!("content/{path}.md"),
                &support::page(title, &format!("topics = {topics}\n"), body),
            );
        }
        site.build().assert_ok();
        let dest = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_filters/sectioned");
        if dest.exists() {
            std::fs::remove_dir_all(&dest).unwrap();
        }
        support::copy_dir(&site.public(), &dest);
        dest
    })
}

fn hit_titles(page: &Page) -> Vec<String> {
    serde_json::from_value(page.eval(
        "Array.from(document.querySelectorAll('#search-results a.search-hit .search-hit-title')).map(t => t.textContent)",
    ))
    .unwrap()
}

/// A section without words lists its pages in every language that has a
/// section of that name, with counts; chosen on the page, it narrows a
/// query and goes into the address; with a topic, both apply.
#[test]
fn a_section_filter_lists_narrows_and_is_kept_in_the_address() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(sectioned());
    let page = browser.page();
    for via in [Via::Http, Via::File] {
        answer(
            &page,
            &site.url(via, "pt/search/index.html?section=escuta&lang=all"),
        );
        let mut titles = hit_titles(&page);
        titles.sort();
        assert_eq!(titles, ["Ouvir o cliente", "Slušajte klijenta"], "{via:?}");
        assert_eq!(option_text(&page, "section"), "Escuta (2)", "{via:?}");
        assert_eq!(
            page.eval("document.querySelector('details.search-filters').open"),
            true,
            "{via:?}: a filter in the address opens the panel"
        );
        // Words, then a section chosen on the page.
        answer(&page, &site.url(via, "pt/search/index.html?q=cliente"));
        assert_eq!(hit_count(&page), 4, "{via:?}");
        page.eval("(document.querySelector('details.search-filters').open = true, true)");
        page.wait_for(
            "the section counts",
            "Array.from(document.querySelector('select[name=section]').options) \
               .some(o => o.textContent === 'Conflitos (2)')",
        );
        page.eval(
            "(() => { const s = document.querySelector('select[name=section]'); s.value = 'conflitos'; \
              s.dispatchEvent(new Event('change')); return true; })()",
        );
        page.wait_for(
            "the results of the section",
            "document.querySelectorAll('#search-results a.search-hit').length === 2 \
             && location.search.includes('section=conflitos') && location.search.includes('q=cliente')",
        );
        let mut titles = hit_titles(&page);
        titles.sort();
        assert_eq!(titles, ["Cliente zangado", "Reclamação"], "{via:?}");
        // The address shared: the same answer in a fresh load.
        let shared = page.location();
        answer(&page, &shared);
        assert_eq!(hit_count(&page), 2, "{via:?}: {shared}");
        // A topic and a section together.
        answer(
            &page,
            &site.url(
                via,
                "pt/search/index.html?topic=calm&section=escuta&lang=all",
            ),
        );
        assert_eq!(hit_titles(&page), ["Ouvir o cliente"], "{via:?}");
        page.assert_clean();
    }
}
