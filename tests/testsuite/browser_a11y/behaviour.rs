//! The theme's behaviour in the browser: keyboard, language negotiation, no
//! script, stability, colour scheme, table of contents, print and line length.

use super::axe::{audit, axe_tab, violations};
use super::*;

/// Relative luminance of a CSS `rgb(r, g, b)` colour.
pub(super) fn luminance(css: &str) -> f64 {
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
pub(super) fn focused(page: &Page) -> Value {
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

pub(super) fn keyboard(browser: &Browser, site: &Handbook) {
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
        assert_eq!(shown, 1, "{lang}: one article matches {:?}", query(lang));
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
        // The page opened removes the words it highlights from its address.
        let target =
            page.eval_string("document.activeElement.href.replace(/\\?highlight=[^#]*/, '')");
        let title = page
            .eval_string("document.activeElement.querySelector('.search-hit-title').textContent");
        assert_eq!(
            focused(&page)["ring"],
            true,
            "{lang}: a focused result shows it"
        );
        page.press("Enter");
        page.wait_for_page(&format!("Enter to open {target}"), &target);
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
pub(super) fn lands_on(page: &Page, lang: &str, context: &str) {
    page.wait_for(
        &format!("{context}: the chooser to open /{lang}/"),
        &format!(
            "/\\/{lang}\\/(index\\.html)?$/.test(location.href) && document.readyState === 'complete'"
        ),
    );
}

pub(super) fn negotiation(browser: &Browser, site: &Handbook) {
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
        // The home it was sent to remembers its language (for the notices of
        // articles not translated into it); forgotten for the next languages.
        assert_eq!(
            page.eval("localStorage.getItem('polybook-lang')"),
            lang,
            "{languages}: the language is remembered"
        );
        page.eval("localStorage.clear()");
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

pub(super) fn without_script(browser: &Browser, site: &Handbook) {
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

pub(super) fn stability(browser: &Browser, site: &Handbook) {
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
                   const moved = []; \
                   new PerformanceObserver(list => { for (const e of list.getEntries()) { shift += e.value; \
                     for (const s of e.sources || []) moved.push({ at: Math.round(e.startTime), \
                       node: s.node ? (s.node.outerHTML || s.node.textContent || '').slice(0, 160) : null, \
                       from: s.previousRect, to: s.currentRect }); } }) \
                     .observe({ type: 'layout-shift', buffered: true }); \
                   setTimeout(() => done({ shift, moved, loaded: [performance.getEntriesByType('navigation')[0]] \
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
                "{name} {path}: layout shift on load; what moved: {:#}",
                seen["moved"]
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

pub(super) fn background(page: &Page) -> f64 {
    luminance(&page.eval_string("getComputedStyle(document.body).backgroundColor"))
}

pub(super) fn color_scheme(browser: &Browser, site: &Handbook) {
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

pub(super) fn table_of_contents(browser: &Browser, site: &Handbook) {
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

pub(super) fn print(browser: &Browser, site: &Handbook) {
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

pub(super) fn line_length(browser: &Browser, site: &Handbook) {
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
