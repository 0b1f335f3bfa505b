//! What the browser's search makes of the forms of a word, in headless
//! Chromium (`/usr/bin/chromium`), over HTTP and from `file://`: inflected
//! forms with and without diacritics (the query is stemmed in the page by
//! `stemmers/<lang>.js`), a forgiven typo with its "Showing results for"
//! line, stop-word-only queries, the closest topics when nothing matches,
//! lazy loading on the search page, and hostile queries.
//!
//! Needs Chromium (`apt-get install chromium`, or `bash .ci/run`); without it
//! the tests are skipped with a notice, or fail under
//! `POLYBOOK_REQUIRE_BROWSER=1` (CI). Screenshots go to
//! `$POLYBOOK_BROWSER_SHOTS` (default: `<target>/tmp/browser-shots`).

use crate::support::{self, browser};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use browser::{js_string, Browser, Page, Served, Via, VIAS};
use serde::Deserialize;
use support::{page, site_toml, Site};

/// The search box of a page (DESIGN.md, "Contracts the tests rely on").
const SEARCH_INPUT: &str = r#"form[role="search"] input[type="search"]"#;
const HR_ARTICLE: &str = "hr/kako-se-nositi-s-teskim-klijentom/";
const IT_ARTICLE: &str =
    "it/non-lasciare-che-la-tua-energia-venga-divorata-4-consigli-per-gestire-i-clienti-difficili/";
const PT_ARTICLE: &str = "pt/como-lidar-com-clientes-dificeis/";

/// `site`'s `public/`, copied to `<target>/tmp/browser_query_forms/<name>`
/// (so that no temp folder outlives the run).
fn keep(site: &Site, name: &str) -> PathBuf {
    support::kept_build(site, &format!("browser_query_forms/{name}"))
}

/// The real handbook, built once per test binary.
fn handbook() -> &'static Path {
    support::built_handbook()
}

/// The fixture's pages, `path|title|body`: each has one form of the word
/// under test (`emoções`, `rješenja` / `rječnika`, `respuesta`, `consiglio`)
/// and otherwise words no other page has.
const FIXTURE_PAGES: &str = "pt/sentimentos|Sentimentos|As emoções mudam depressa à tarde.
hr/odgovori|Odgovori|Zajedno tražimo dobra rješenja.
hr/knjiznica|Knjižnica|Na polici je mnogo debelih rječnika.
es/contestar|Contestar|Cada respuesta llega pronto.
es/montana|Montaña|La cumbre nevada brilla.
it/suggerimento|Suggerimento|Un buon consiglio vale oro.
it/fiume|Fiume|Il ponte attraversa l'acqua.";

/// A small site in pt, hr, es and it, built once: `FIXTURE_PAGES`, and 24
/// `arquivo` pages to give the search page more than two screenfuls.
fn fixture() -> &'static Path {
    static PUBLIC: OnceLock<PathBuf> = OnceLock::new();
    PUBLIC.get_or_init(|| {
        let site = Site::new();
        let more = "[languages.es]\nname = \"Español\"\nweight = 3\n\n\
                    [languages.it]\nname = \"Italiano\"\nweight = 4\n";
        site.write("site.toml", &format!("{}\n{more}", site_toml("")));
        for line in FIXTURE_PAGES.lines() {
            let [path, title, body] = <[&str; 3]>::try_from(line.split('|').collect::<Vec<_>>())
                .expect("path|title|body");
            site.write(&format!("content/{path}.md"), &page(title, "", body));
        }
        for i in 1..=24 {
            let body = format!("O arquivo número {i} guarda papéis antigos.\n");
            let text = page(&format!("Arquivo {i}"), "", &body);
            site.write(&format!("content/pt/arquivo-{i}.md"), &text);
        }
        keep(&site, "fixture")
    })
}

/// A Serbian site whose pages are written one in Latin letters, one in
/// Cyrillic, each with words the other lacks, and a Croatian page.
fn serbian() -> &'static Path {
    static PUBLIC: OnceLock<PathBuf> = OnceLock::new();
    PUBLIC.get_or_init(|| {
        let site = Site::new();
        site.write(
            "site.toml",
            "title = \"Priručnik\"\nbase_url = \"https://example.com/\"\ndefault_language = \"sr\"\n\n\
             [languages.sr]\nname = \"Srpski\"\nweight = 1\n\n\
             [languages.hr]\nname = \"Hrvatski\"\nweight = 2\n",
        );
        let pages = [
            ("sr/latinica", "Razgovor", "Strpljivo saslušajte nezadovoljnog klijenta do kraja."),
            ("sr/cirilica", "Савети", "Понудите решење и објасните следећи корак."),
            ("hr/stranica", "Stranica", "Ovdje nema ničega od toga."),
        ];
        for (path, title, body) in pages {
            site.write(&format!("content/{path}.md"), &page(title, "", body));
        }
        keep(&site, "serbian")
    })
}

/// Serbian is written in two alphabets, and a reader types in one: a
/// Cyrillic query (inflected, `клијенти`) finds the page written in Latin
/// letters (`klijenta`), and a Latin query (`resenja`, `objasnite`) the page
/// written in Cyrillic (`решење`, `објасните`), over HTTP and from `file://`.
#[test]
fn serbian_in_either_alphabet_finds_the_other() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(serbian());
    let page = browser.page();
    for via in VIAS {
        let url = site.url(via, "sr/index.html");
        for (query, article) in [
            ("клијенти", "sr/latinica/"),
            ("Незадовољног", "sr/latinica/"),
            ("resenja", "sr/cirilica/"),
            ("rešenja", "sr/cirilica/"),
            ("objasnite", "sr/cirilica/"),
            ("корак", "sr/cirilica/"),
        ] {
            let found = type_on(&page, &url, query);
            let context = format!("{query:?} on {url}");
            assert_finds(&found, &site, via, article, &context);
            assert_eq!(found.hits.len(), 1, "{context}: {found:#?}");
            page.assert_clean();
        }
    }
}

/// What `#search-results` shows.
#[derive(Debug, Deserialize)]
struct Shown {
    /// The result links' resolved URLs, in order (over HTTP, a final
    /// `index.html` taken off).
    hits: Vec<String>,
    /// The text of `p.search-corrected`, and of its `<strong>`.
    corrected: Option<String>,
    corrected_words: Option<String>,
    /// `p.search-empty` is shown ("no results", or the error message).
    empty: bool,
    /// The text shown is the "search could not load" message.
    error: bool,
    /// The suggested topics' URLs, as `hits`.
    topics: Vec<String>,
    /// The texts of the buttons in `.search-actions`.
    buttons: Vec<String>,
    /// All the text shown.
    text: String,
}

/// Reads `#search-results` as it is now.
fn shown(page: &Page) -> Shown {
    let value = page.eval(
        "(() => { const r = document.querySelector('#search-results'); \
           const q = s => r.querySelector(s); \
           const t = document.getElementById('search-strings'); \
           const error = t ? t.content.querySelector('[data-key=\"error\"]').textContent : '\\u0000'; \
           const url = a => { const h = a.href.replace(/\\?highlight=[^#]*/, ''); \
             return location.protocol === 'file:' ? h : h.replace(/index\\.html$/, ''); }; \
           return { hits: Array.from(r.querySelectorAll('a.search-hit')).map(url), \
             corrected: q('p.search-corrected') && q('p.search-corrected').textContent, \
             corrected_words: q('p.search-corrected strong') && q('p.search-corrected strong').textContent, \
             empty: !!q('.search-empty'), \
             error: r.textContent.includes(error), \
             topics: Array.from(r.querySelectorAll('.search-suggestions a.topic-chip')).map(url), \
             buttons: Array.from(r.querySelectorAll('.search-actions button')).map(b => b.textContent), \
             text: r.textContent }; })()",
    );
    serde_json::from_value(value).expect("what #search-results shows")
}

/// Waits for the final answer to the query in the box (a count or "no
/// results"), then reads it.
#[track_caller]
fn settled(page: &Page) -> Shown {
    page.wait_for_search_outcome();
    shown(page)
}

/// Opens `url` and clicks the header's search box (or, when the box of
/// `url` has the focus already, empties it with Escape), types `query` key
/// by key, and reads the settled results.
#[track_caller]
fn type_on(page: &Page, url: &str, query: &str) -> Shown {
    let input = format!("document.querySelector({})", js_string(SEARCH_INPUT));
    let here = format!(
        "location.href === {} && document.activeElement === {input}",
        js_string(url)
    );
    if page.try_eval(&here) == Ok(serde_json::Value::Bool(true)) {
        page.press("Escape");
        page.wait_for(
            "Escape to empty the box and the results",
            &format!("{input}.value === '' && !document.querySelector('#search-results *')"),
        );
    } else {
        page.goto(url);
        page.click(SEARCH_INPUT);
    }
    page.type_text(query);
    let typed = page.eval(&format!("{input}.value"));
    assert_eq!(typed, query, "the search box of {url} holds what was typed");
    settled(page)
}

/// The first result is `article` and no typo was assumed: the query's form
/// was matched through its stem, not corrected into another word.
#[track_caller]
fn assert_finds(found: &Shown, site: &Served, via: Via, article: &str, context: &str) {
    let want = site.article(via, article);
    assert_eq!(found.hits.first(), Some(&want), "{context}: {found:#?}");
    assert_eq!(found.corrected, None, "{context}: no typo correction");
    assert!(!found.error, "{context}: the search failed: {found:#?}");
}

/// The first result is `want`, under the line `line` (Fluent's isolation
/// marks aside) whose `<strong>` is `words`: a typo typed on `url` was
/// forgiven, and the reader is told what was searched instead.
#[track_caller]
fn assert_corrected(found: &Shown, want: &str, words: &str, line: &str, url: &str) {
    let context = format!("searching {words:?} on {url}");
    let first = found.hits.first().map(String::as_str);
    assert_eq!(first, Some(want), "{context}: {found:#?}");
    assert_eq!(found.corrected_words.as_deref(), Some(words), "{context}");
    let shown = found.corrected.as_deref().unwrap_or_default();
    let shown = shown.replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(shown, line, "{context}");
}

fn shots_dir() -> PathBuf {
    std::env::var_os("POLYBOOK_BROWSER_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-shots"))
}

const HR_FORMS: [&str; 7] = [
    "klijenta",
    "rješenju",
    "rjesenju",
    "smirenošću",
    "smirenoscu",
    "strpljivost",
    "kupcu",
];

/// Croatian forms of words the article has in other forms (`klijenta`,
/// `rješenju`, `smirenošću`, `strpljivost`, `kupcu`), with and without
/// diacritics, typed on `hr/index.html`, find the Croatian article first
/// with no correction; the typo `empatjia` finds it too, under "Prikazani
/// su rezultati za **empatija**".
#[test]
fn croatian_forms_and_a_typo_on_the_handbook() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in VIAS {
        let url = site.url(via, "hr/index.html");
        for query in HR_FORMS {
            let found = type_on(&page, &url, query);
            let context = format!("{query:?} on {url}");
            assert_finds(&found, &site, via, HR_ARTICLE, &context);
            page.assert_clean();
        }
        let found = type_on(&page, &url, "empatjia");
        let want = site.article(via, HR_ARTICLE);
        let line = "Prikazani su rezultati za empatija";
        assert_corrected(&found, &want, "empatija", line, &url);
        page.screenshot(&shots_dir().join(format!("hr-typo-{via:?}.png")));
        page.assert_clean();
    }
}

/// On the Italian and Portuguese side of the handbook: the typo `soluzoine`
/// finds the Italian article under "Risultati per **soluzione**"; the
/// stop-word-only queries `perché`, `perche` (it) and `como` (pt) are
/// searched as ordinary words and find the articles that have them.
#[test]
fn italian_typo_and_stop_word_queries_on_the_handbook() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in VIAS {
        let url = site.url(via, "it/index.html");
        let found = type_on(&page, &url, "soluzoine");
        let want = site.article(via, IT_ARTICLE);
        let line = "Risultati per soluzione";
        assert_corrected(&found, &want, "soluzione", line, &url);
        page.assert_clean();
        for (lang, query, article) in [
            ("it", "perché", IT_ARTICLE),
            ("it", "perche", IT_ARTICLE),
            ("pt", "como", PT_ARTICLE),
        ] {
            let url = site.url(via, &format!("{lang}/index.html"));
            let found = type_on(&page, &url, query);
            assert_finds(&found, &site, via, article, &format!("{query:?} on {url}"));
            page.assert_clean();
        }
    }
}

/// On the fixture site: pt `emoção` and `emocao` find the page with only
/// `emoções`; es `respuestas` the page with only `respuesta`; it `consigli`
/// (and `consigli ` with a space, so not as a prefix of `consiglio`) the
/// page with only `consiglio`. Croatian look-alikes stay apart (`rješenje` /
/// `rječnik`, from stem_hr_tests.rs): each, with or without diacritics,
/// finds its own page and never the page that only has the other.
#[test]
fn inflected_forms_on_a_fixture_site() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(fixture());
    let page = browser.page();
    for via in VIAS {
        for (lang, query, article, not) in [
            ("pt", "emoção", "pt/sentimentos/", None),
            ("pt", "emocao", "pt/sentimentos/", None),
            ("es", "respuestas", "es/contestar/", None),
            ("it", "consigli", "it/suggerimento/", None),
            ("it", "consigli ", "it/suggerimento/", None),
            ("hr", "rješenje", "hr/odgovori/", Some("hr/knjiznica/")),
            ("hr", "rjesenje", "hr/odgovori/", Some("hr/knjiznica/")),
            ("hr", "rječnik", "hr/knjiznica/", Some("hr/odgovori/")),
            ("hr", "rjecnik", "hr/knjiznica/", Some("hr/odgovori/")),
        ] {
            let url = site.url(via, &format!("{lang}/index.html"));
            let found = type_on(&page, &url, query);
            let context = format!("{query:?} on {url}");
            assert_finds(&found, &site, via, article, &context);
            let alone = not.is_none() || found.hits.len() == 1;
            assert!(alone, "{context}: {not:?} has only the look-alike");
            page.assert_clean();
        }
    }
}

/// `respeitar` on `hr/search/` matches nothing in Croatian: besides "Nema
/// rezultata." the page offers links to Croatian topic pages that exist in
/// the build (`respect` among them) and a button "Traži na svim jezicima
/// (4 rezultata)" that, clicked, shows those 4 results.
#[test]
fn nothing_found_offers_topics_and_all_languages() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    for via in VIAS {
        let url = site.url(via, "hr/search/index.html?q=respeitar");
        page.goto(&url);
        let found = settled(&page);
        assert!(found.empty && found.hits.is_empty(), "{url}: {found:#?}");
        let respect = site.article(via, "hr/topics/respect/");
        assert!(found.topics.contains(&respect), "{url}: {found:#?}");
        let topics = site.url(via, "hr/topics/");
        for href in &found.topics {
            let id = href.strip_prefix(&topics).unwrap_or_default();
            let id = id.split('/').next().unwrap();
            let ok = !id.is_empty() && *href == site.article(via, &format!("hr/topics/{id}/"));
            let built = handbook().join(format!("hr/topics/{id}/index.html"));
            assert!(
                ok && built.is_file(),
                "{url}: {href}: no Croatian topic page"
            );
        }
        let all = ["Traži na svim jezicima (4 rezultata)"];
        assert_eq!(found.buttons, all, "{url}");
        page.screenshot(&shots_dir().join(format!("hr-no-results-{via:?}.png")));
        page.click("#search-results .search-actions button");
        page.wait_for(
            "the results in every language",
            "document.querySelectorAll('#search-results a.search-hit').length === 4",
        );
        assert_eq!(settled(&page).hits.len(), 4, "{url}: all languages");
        page.assert_clean();
    }
}

/// From now on, every document of `page` keeps in `window.__pbScripts` the
/// `src` of each script element added to it (the engine loads each index
/// file by one). Resource timing would do over HTTP, but Chromium records
/// none for `file://`.
fn record_scripts(page: &Page) {
    page.add_script_on_load(
        "window.__pbScripts = []; new MutationObserver(ms => ms.forEach(m => \
         m.addedNodes.forEach(n => { if (n.localName === 'script' && n.src) window.__pbScripts.push(n.src); }))) \
         .observe(document, { childList: true, subtree: true });",
    );
}

/// The index files of one kind (`docs`, `stemmers`) the page has added a
/// script for, by name without `.js`, sorted, once per script.
fn requested(page: &Page, kind: &str) -> Vec<String> {
    let value = page.eval(&format!(
        "window.__pbScripts.map(n => (/\\/search\\/[^/]+\\/{kind}\\/([^/?#]+)\\.js$/.exec(n) || [])[1]) \
         .filter(Boolean).sort()"
    ));
    serde_json::from_value(value).unwrap()
}

/// The search page shows 10 results and loads only their 10 texts
/// (`docs/<id>.js`); "more" shows 10 more, loading at most 10 more texts.
/// The only stemmer loaded is that of the scope's language (pt); in the
/// scope of every language, those of the site's four languages.
#[test]
fn search_page_loads_texts_a_screenful_at_a_time() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(fixture());
    let page = browser.page();
    record_scripts(&page);
    for via in VIAS {
        let url = site.url(via, "pt/search/index.html?q=arquivo");
        page.goto(&url);
        assert_eq!(settled(&page).hits.len(), 10, "{url}");
        let docs = requested(&page, "docs");
        assert_eq!(docs.len(), 10, "{url}: texts before \"more\": {docs:?}");
        assert_eq!(requested(&page, "stemmers"), ["pt"], "{url}: stemmers");
        assert_eq!(shown(&page).buttons, ["Mostrar mais resultados"], "{url}");

        page.click("#search-results .search-actions button");
        page.wait_for(
            "20 results after \"more\"",
            "document.querySelectorAll('#search-results a.search-hit').length === 20",
        );
        assert_eq!(settled(&page).hits.len(), 20, "{url}: after \"more\"");
        let docs = requested(&page, "docs");
        let more = docs.len() > 10 && docs.len() <= 20;
        assert!(more, "{url}: texts after \"more\": {docs:?}");
        assert_eq!(requested(&page, "stemmers"), ["pt"], "{url}: stemmers");
        page.assert_clean();

        let url = site.url(via, "pt/search/index.html?q=arquivo&lang=all");
        page.goto(&url);
        assert_eq!(settled(&page).hits.len(), 10, "{url}");
        assert_eq!(requested(&page, "docs").len(), 10, "{url}: texts loaded");
        let stemmers = requested(&page, "stemmers");
        assert_eq!(stemmers, ["es", "hr", "it", "pt"], "{url}: stemmers");
        page.assert_clean();
    }
}

/// `text` percent-encoded for a query string, every byte.
fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// Hostile queries leave no uncaught exception and no error message: a
/// 2,000-character query, 300 words, emoji, CJK, Arabic (right to left),
/// stacked combining marks and lone surrogates, passed by `?q=` to
/// `pt/search/`, typed in the header box of `pt/index.html`, or set there
/// from JavaScript (with an `input` event).
#[test]
fn hostile_queries_throw_nothing() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Served::new(handbook());
    let page = browser.page();
    let long = "clientesé ".repeat(200);
    let stems = ["empatija", "cliente", "perché", "东京", "soluzoine"];
    let words: Vec<String> = (0..300).map(|i| format!("{}{i}", stems[i % 5])).collect();
    let words = words.join(" ");
    let odd = [
        "😀 👍🏽🚀",
        "東京 顧客",
        "عميل صعب",
        "e\u{301}\u{301}\u{301}",
        "ﷺ\u{202e}cliente\u{200d}",
    ];
    for via in VIAS {
        page.goto(&site.url(via, "pt/index.html")); // then `visit`: same scheme
        let mut passed: Vec<String> = [&long, &words].into_iter().map(|q| encode(q)).collect();
        passed.extend(odd.iter().map(|q| encode(q)));
        passed.extend(["%ED%A0%80".to_string(), "%ED%A0%80abc%F0%9F".to_string()]);
        for q in &passed {
            let url = site.url(via, &format!("pt/search/index.html?q={q}"));
            page.visit(&url);
            let found = settled(&page);
            assert!(!found.error, "{url:.200}: {}", found.text);
            page.assert_clean();
        }
        let home = site.url(via, "pt/index.html");
        for query in odd {
            let found = type_on(&page, &home, query);
            assert!(!found.error, "{query:?} typed on {home}: {}", found.text);
            page.assert_clean();
        }
        let surrogates = ["'\\ud800abc'", "'abc\\udfff'"].map(String::from);
        for value in surrogates
            .into_iter()
            .chain([js_string(&long), js_string(&words)])
        {
            page.visit(&home);
            page.eval(&format!(
                "(() => {{ const i = document.querySelector({}); i.focus(); i.value = {value}; \
                 i.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()",
                js_string(SEARCH_INPUT)
            ));
            let found = settled(&page);
            assert!(!found.error, "{value:.40} set on {home}: {}", found.text);
            page.assert_clean();
        }
    }
}
