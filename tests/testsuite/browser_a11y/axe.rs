//! axe-core audits of every kind of page, and the structure every page must have.

use super::*;
use serde::Deserialize;

/// The pages to audit in one scheme: the root chooser, then in `langs` the
/// home, the topics index, a topic, the search page with results and the
/// print page; the header's results panel in `panel_lang`; the 404 page
/// (one for the whole site); every article of every language.
pub(super) fn pages(site: &Handbook, langs: &[&str], panel_lang: &str) -> Vec<(String, Then)> {
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
            (format!("{lang}/review/index.html"), Then::Nothing),
        ]);
    }
    pages.push((format!("{panel_lang}/index.html"), Then::HeaderSearch));
    // The search page with its filters open (a topic chosen, no words).
    pages.push((
        format!("{panel_lang}/search/index.html?topic=empathy"),
        Then::Results,
    ));
    // Each language's first article opened from a search: its words marked.
    for lang in langs {
        if let Some(article) = site.articles(lang).into_iter().next() {
            pages.push((
                format!("{article}?highlight={}", query(lang)),
                Then::Highlighted,
            ));
        }
    }
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
pub(super) struct Audit {
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
pub(super) struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ViolationNode {
    target: Value,
    summary: String,
}

/// A tab whose every page has axe-core loaded.
pub(super) fn axe_tab(browser: &Browser) -> Page {
    let page = browser.page();
    page.add_script_on_load(browser::AXE);
    page
}

/// What axe does not check: one `h1`, the landmarks, the skip link as the
/// first focusable element, a labelled search box and a live region for its
/// results (a JavaScript expression giving a list of problems).
pub(super) const STRUCTURE: &str = "(() => { const p = []; \
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
pub(super) fn audit(page: &Page) -> Audit {
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
pub(super) fn violations(audit: &Audit, label: &str) -> Vec<String> {
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
pub(super) fn open(page: &Page, site: &Handbook, path: &str, then: Then) {
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
        Then::Highlighted => {
            page.wait_for(
                "the words marked and their bar",
                "document.querySelector('mark.search-mark') \
                 && document.querySelector('.search-mark-count').textContent !== ''",
            );
        }
    }
}

/// Audits `pages` in the tab as it is set up (scheme, viewport): no axe
/// violation, nothing `STRUCTURE` misses, the scheme applied, and, when
/// `phone`, no sideways scrolling.
pub(super) fn audit_all(
    page: &Page,
    site: &Handbook,
    pages: &[(String, Then)],
    scheme: &str,
    phone: bool,
) {
    let mut problems = Vec::new();
    for (path, then) in pages {
        open(page, site, path, *then);
        let found = audit(page);
        let label = match then {
            Then::HeaderSearch => format!("{} ({scheme}, results panel open)", found.location),
            Then::Highlighted => format!("{} ({scheme}, words highlighted)", found.location),
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
pub(super) fn axe_light_phone(browser: &Browser, site: &Handbook) {
    let page = axe_tab(browser);
    page.emulate_media("", &[("prefers-color-scheme", "light")]);
    page.set_viewport(375, 812, true);
    audit_all(&page, site, &pages(site, &LANGS, "hr"), "light", true);
}

/// The dark scheme on a desktop (1280 px).
pub(super) fn axe_dark_desktop(browser: &Browser, site: &Handbook) {
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
