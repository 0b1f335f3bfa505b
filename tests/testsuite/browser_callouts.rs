//! Callouts (`> [!NOTE]` … `> [!CAUTION]`) in a real browser, in a
//! left-to-right language (`pt`) and a right-to-left one (`ar`, with the
//! site's own catalog for its labels): axe-core finds no violation (contrast
//! included) in the light and the dark scheme; each title shows the label of
//! the page language's catalog; each kind has its own colour and icon shape,
//! with the icon and the thick border on the side the text starts from; on
//! paper they are black on white. Screenshots go to
//! `<target>/tmp/browser_callouts/`.

use crate::support::{self, browser};

use browser::{js_string, Browser, Page, Served, Via};
use serde_json::Value;
use std::path::{Path, PathBuf};
use support::{page as md_page, Site};

const KINDS: [&str; 5] = ["note", "tip", "important", "warning", "caution"];

/// The site's own Arabic catalog: the labels only, the rest falls back.
const AR_CATALOG: &str = "callout-note = ملاحظة\ncallout-tip = نصيحة\n\
    callout-important = مهم\ncallout-warning = تحذير\ncallout-caution = تنبيه\n";

/// Every kind, each with a link (its colour on the callout's background).
fn body(texts: [&str; 5]) -> String {
    KINDS
        .iter()
        .zip(texts)
        .map(|(kind, text)| {
            format!(
                "> [!{}]\n> {text} [link](https://example.com/).\n\n",
                kind.to_uppercase()
            )
        })
        .collect::<String>()
        + "> A plain quote.\n"
}

/// The site, built into `<target>/tmp/browser_callouts/public`.
fn build() -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_callouts");
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
    .write("locales/ar/main.ftl", AR_CATALOG)
    .write(
        "content/pt/promessas.md",
        &md_page(
            "Promessas",
            "translation_key = \"promises\"\n",
            &body([
                "Anote o que foi combinado.",
                "Ouça antes de responder.",
                "Registe cada promessa.",
                "Nunca prometa um reembolso que não pode garantir.",
                "Não discuta com o cliente.",
            ]),
        ),
    )
    .write(
        "content/ar/promises.md",
        &md_page(
            "الوعود",
            "translation_key = \"promises\"\n",
            &body([
                "دوّن ما اتفقتما عليه.",
                "استمع قبل أن تجيب.",
                "سجّل كل وعد.",
                "لا تعد أبداً باسترداد لا يمكنك ضمانه.",
                "لا تجادل العميل.",
            ]),
        ),
    );
    site.run(&["build", "--output", public.to_str().unwrap()])
        .assert_ok();
    public
}

/// The labels of the catalog of `lang`, in the order of `KINDS`.
fn labels(lang: &str) -> Vec<String> {
    let catalog = match lang {
        "ar" => AR_CATALOG.to_string(),
        _ => {
            let path = support::repo_root().join(format!("locales/{lang}/main.ftl"));
            std::fs::read_to_string(path).unwrap()
        }
    };
    KINDS
        .iter()
        .map(|kind| {
            let prefix = format!("callout-{kind} = ");
            catalog
                .lines()
                .find_map(|l| l.strip_prefix(&prefix))
                .unwrap_or_else(|| panic!("callout-{kind} in the {lang} catalog"))
                .trim()
                .to_string()
        })
        .collect()
}

/// Each callout as the reader sees it: kind, title text, title colour, the
/// icon's shape and box, the title's box, the start border's width.
const CALLOUTS: &str = "Array.from(document.querySelectorAll('.callout')).map(c => { \
    const title = c.querySelector(':scope > .callout-title'); \
    const icon = getComputedStyle(title, '::before'); \
    const box = title.getBoundingClientRect(); \
    const text = document.createRange(); text.selectNodeContents(title); \
    const words = text.getBoundingClientRect(); \
    const rtl = getComputedStyle(c).direction === 'rtl'; \
    const style = getComputedStyle(c); \
    return { kind: c.className, role: c.getAttribute('role'), title: title.textContent, \
      colour: getComputedStyle(title).color, background: style.backgroundColor, \
      shape: icon.clipPath + ' ' + icon.borderRadius, icon_width: parseFloat(icon.width), \
      icon_at_start: rtl ? words.right <= box.right - parseFloat(icon.width) : \
        words.left >= box.left + parseFloat(icon.width), \
      start_border: parseFloat(rtl ? style.borderRightWidth : style.borderLeftWidth), \
      end_border: parseFloat(rtl ? style.borderLeftWidth : style.borderRightWidth) }; })";

/// What is wrong with the callouts of the page in `lang`.
fn check_callouts(page: &Page, lang: &str, scheme: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let found = page.eval(CALLOUTS);
    let callouts = found.as_array().unwrap();
    let labels = labels(lang);
    if callouts.len() != KINDS.len() {
        return vec![format!("{lang} {scheme}: {} callouts", callouts.len())];
    }
    let field = |c: &Value, name: &str| c[name].as_str().unwrap_or_default().to_string();
    for ((callout, kind), label) in callouts.iter().zip(KINDS).zip(&labels) {
        let at = format!("{lang} {scheme} {kind}");
        if field(callout, "kind") != format!("callout callout-{kind}") {
            problems.push(format!("{at}: class {}", field(callout, "kind")));
        }
        if field(callout, "role") != "note" {
            problems.push(format!("{at}: role {}", field(callout, "role")));
        }
        if field(callout, "title") != *label {
            problems.push(format!(
                "{at}: title {:?}, not the catalog's {label:?}",
                field(callout, "title")
            ));
        }
        if callout["icon_width"].as_f64().unwrap_or(0.0) < 8.0 {
            problems.push(format!("{at}: no icon"));
        }
        if callout["icon_at_start"] != Value::Bool(true) {
            problems.push(format!("{at}: the icon is not where the line starts"));
        }
        let (start, end) = (
            callout["start_border"].as_f64().unwrap(),
            callout["end_border"].as_f64().unwrap(),
        );
        if start <= end {
            problems.push(format!(
                "{at}: the thick border is not at the start ({start} / {end})"
            ));
        }
    }
    for name in ["colour", "background", "shape"] {
        let mut values: Vec<String> = callouts.iter().map(|c| field(c, name)).collect();
        values.sort();
        values.dedup();
        if values.len() != KINDS.len() {
            problems.push(format!(
                "{lang} {scheme}: the kinds share a {name}: {values:?}"
            ));
        }
    }
    problems
}

#[test]
fn callouts_are_labelled_distinct_and_accessible_both_ways_and_in_both_schemes() {
    let public = build();
    let ar = std::fs::read_to_string(public.join("ar/promises/index.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(ar.contains("<p class=\"callout-title\">تحذير</p>"), "{ar}");

    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(&public);
    let shots = public.parent().unwrap();
    let page = browser.page();
    page.add_script_on_load(browser::AXE);
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        page.emulate_media("", &[("prefers-color-scheme", scheme)]);
        for (lang, path) in [("pt", "pt/promessas/"), ("ar", "ar/promises/")] {
            page.visit(&site.url(Via::Http, path));
            page.screenshot(&shots.join(format!("{lang}-{scheme}.png")));
            let dark =
                page.eval("getComputedStyle(document.body).backgroundColor === 'rgb(20, 23, 26)'");
            if dark != Value::Bool(scheme == "dark") {
                problems.push(format!("{lang}: the page is not {scheme}"));
            }
            problems.extend(check_callouts(&page, lang, scheme));
            for violation in page.axe_violations() {
                problems.push(format!("{lang} {scheme}: {violation}"));
            }
        }
    }

    // On paper, even from a dark screen: black text and borders on white.
    page.emulate_media("print", &[("prefers-color-scheme", "dark")]);
    page.visit(&site.url(Via::Http, "pt/promessas/"));
    let printed = page.eval(&format!(
        "Array.from(document.querySelectorAll({})).map(c => {{ const s = getComputedStyle(c); \
           return [s.backgroundColor, s.borderLeftColor, \
             getComputedStyle(c.querySelector('.callout-title')).color].join(' '); }})",
        js_string(".callout"),
    ));
    for colours in printed.as_array().unwrap() {
        let colours = colours.as_str().unwrap();
        if colours != "rgb(255, 255, 255) rgb(0, 0, 0) rgb(0, 0, 0)" {
            problems.push(format!("printed callout: {colours}"));
        }
    }
    page.assert_clean();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
