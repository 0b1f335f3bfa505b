//! A right-to-left language in a real browser: an `ar` page is `dir="rtl"`
//! and the theme mirrors it (its CSS uses logical properties), while an
//! Arabic card or result on a Portuguese page is marked the other way.
//! axe-core finds no violation on the Arabic pages, nothing scrolls sideways
//! on a phone, and Arabic search finds Arabic pages. Screenshots of each page
//! are written to `<target>/tmp/browser_rtl/` to look at.

use crate::support::{self, browser};

use browser::{js_string, Browser, Page, Served, Via};
use serde_json::Value;
use std::path::{Path, PathBuf};
use support::{page as md_page, Site};

const ARTICLE_AR: &str = "\
يحتاج العاملون في خدمة العملاء إلى الصبر والهدوء عند التعامل مع عميل غاضب.

## الاستماع الفعال

دع العميل يشرح مشكلته دون مقاطعة، ثم كرر ما فهمته بكلماتك.

> العميل ليس خصمك: أنتما معاً في مواجهة المشكلة.

## تقديم الحلول

- اعرض خيارين أو ثلاثة.
- اتفق على موعد للمتابعة.

| الخطوة | المدة |
|---|---|
| الاستماع | خمس دقائق |

## المتابعة

اتصل بالعميل بعد يومين للتأكد من أن المشكلة قد حُلّت.
";

/// A site in Portuguese (default) and Arabic, one translation group, built
/// into `<target>/tmp/browser_rtl/public`.
fn build() -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_rtl");
    let public = out.join("public");
    if public.exists() {
        std::fs::remove_dir_all(&public).unwrap();
    }
    let site = Site::new();
    site.write(
        "site.toml",
        "title = \"Handbook\"\nbase_url = \"https://example.com/\"\ndefault_language = \"pt\"\n\n\
         [languages.pt]\nname = \"Português\"\nweight = 1\n\n\
         [languages.ar]\nname = \"العربية\"\nweight = 2\ntitle = \"دليل العملاء\"\n",
    )
    .write(
        "content/topics.toml",
        "[listening]\nlabel = { pt = \"Escuta ativa\", ar = \"الاستماع الفعال\" }\n",
    )
    .write(
        "content/ar/clients.md",
        &md_page(
            "التعامل مع العملاء الغاضبين",
            "translation_key = \"angry\"\ntopics = [\"listening\"]\n",
            ARTICLE_AR,
        ),
    )
    .write(
        "content/pt/clientes.md",
        &md_page(
            "Clientes zangados",
            "translation_key = \"angry\"\ntopics = [\"listening\"]\n",
            "Ouça o cliente com calma.\n\n## Escuta\n\nDeixe-o falar.\n",
        ),
    );
    site.run(&["build", "--output", public.to_str().unwrap()])
        .assert_ok();
    public
}

fn rect(page: &Page, selector: &str) -> (f64, f64) {
    let found = page.eval(&format!(
        "(() => {{ const r = document.querySelector({}).getBoundingClientRect(); return [r.left, r.right]; }})()",
        js_string(selector)
    ));
    (found[0].as_f64().unwrap(), found[1].as_f64().unwrap())
}

fn style(page: &Page, selector: &str, property: &str) -> String {
    page.eval_string(&format!(
        "getComputedStyle(document.querySelector({})).getPropertyValue({})",
        js_string(selector),
        js_string(property)
    ))
}

fn sideways_scroll(page: &Page) -> f64 {
    page.eval("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .as_f64()
        .unwrap()
}

#[test]
fn arabic_pages_are_right_to_left_and_the_theme_mirrors() {
    let public = build();
    let html = std::fs::read_to_string(public.join("ar/clients/index.html")).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    let pt = std::fs::read_to_string(public.join("pt/clientes/index.html")).unwrap();
    assert!(pt.contains("<html lang=\"pt\" dir=\"ltr\">"));
    assert!(
        pt.contains(r#"lang="ar" dir="rtl""#),
        "the Arabic name in the Portuguese switcher is marked right-to-left"
    );
    assert!(
        !html.contains(r#"lang="ar" dir="rtl" data-lang"#),
        "no dir where the page's own direction holds"
    );

    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(&public);
    let shots = public.parent().unwrap();
    let page = browser.page();
    page.add_script_on_load(browser::AXE);
    let mut problems = Vec::new();

    page.set_viewport(1280, 900, false);
    page.visit(&site.url(Via::Http, "ar/clients/"));
    page.screenshot(&shots.join("ar-article-desktop.png"));
    let width = page
        .eval("document.documentElement.clientWidth")
        .as_f64()
        .unwrap();
    let (title_left, title_right) = rect(&page, ".site-title");
    if title_right < width * 0.8 {
        problems.push(format!(
            "the site title is not at the right: {title_left}..{title_right} of {width}"
        ));
    }
    let (_, toc_right) = rect(&page, ".toc");
    let (body_left, _) = rect(&page, ".article-body");
    if toc_right > body_left + 1.0 {
        problems.push(format!(
            "the table of contents is not left of the text: toc ends at {toc_right}, text starts at {body_left}"
        ));
    }
    for (selector, property, expected) in [
        (".prose blockquote", "border-right-width", "4px"),
        (".prose blockquote", "border-left-width", "0px"),
        (".prose ul", "padding-right", "22.4px"),
        (".prose th", "text-align", "start"),
    ] {
        let found = style(&page, selector, property);
        if found != expected {
            problems.push(format!("{selector} {property}: {found}, not {expected}"));
        }
    }
    for violation in page.axe_violations() {
        problems.push(format!("ar article (desktop): {violation}"));
    }

    // The home, the topic page and the search page with results, on a phone.
    page.set_viewport(375, 800, true);
    for (path, shot) in [
        ("ar/index.html", "ar-home-phone.png"),
        ("ar/topics/listening/index.html", "ar-topic-phone.png"),
        ("ar/clients/index.html", "ar-article-phone.png"),
    ] {
        page.visit(&site.url(Via::Http, path));
        page.screenshot(&shots.join(shot));
        let overflow = sideways_scroll(&page);
        if overflow > 0.5 {
            problems.push(format!(
                "{path} scrolls sideways by {overflow} px at 375 px"
            ));
        }
        for violation in page.axe_violations() {
            problems.push(format!("{path} (phone): {violation}"));
        }
    }

    // Arabic search, with and without the short vowels (harakat).
    for query in ["العملاء", "المُتابعة"] {
        page.visit(&site.url(
            Via::Http,
            &format!("ar/search/index.html?q={}", urlencode(query)),
        ));
        let first: Value = page.wait_for(
            "an Arabic result",
            "document.querySelector('.search-hit') && document.querySelector('.search-hit').getAttribute('href')",
        );
        if !first.as_str().unwrap_or_default().contains("ar/clients") {
            problems.push(format!("`{query}` found {first} first"));
        }
    }
    page.screenshot(&shots.join("ar-search-phone.png"));
    for violation in page.axe_violations() {
        problems.push(format!("ar search (phone): {violation}"));
    }

    // An Arabic result on the Portuguese search page reads right to left.
    page.visit(&site.url(Via::Http, "pt/search/index.html?q=العملاء&lang=all"));
    let dir = page.wait_for(
        "the Arabic result",
        "(() => { const a = document.querySelector('.search-hit[lang=ar]'); \
          return a && getComputedStyle(a).direction; })()",
    );
    if dir != "rtl" {
        problems.push(format!("an Arabic result on a pt page is {dir}"));
    }
    page.assert_clean();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
