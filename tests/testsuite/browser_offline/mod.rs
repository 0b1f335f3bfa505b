//! Offline reading in headless Chromium (README, "Offline reading"): the
//! service worker keeps the pages read and the search files used, so they
//! open and search offline; "Save for offline reading" stores a whole
//! language; a new build, served from the same address, replaces what is
//! stored after one visit; under a subpath the worker's scope is the
//! subpath; from `file://` and in `polybook serve` nothing registers, and
//! serve retires a worker a built site left on its address.
//!
//! Offline is the DevTools protocol's network emulation for the tab *and*
//! the host taking its connections down (the worker's own requests may not
//! be emulated): a page that shows then came from the worker's cache.
//!
//! Needs Chromium (`apt-get install chromium`, or `bash .ci/run`); without it
//! the tests are skipped with a notice, or fail under
//! `POLYBOOK_REQUIRE_BROWSER=1` (CI).

mod first_visit;
mod host;

use crate::support::{self, browser};
use host::Host;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use browser::{file_url, js_string, Browser, Page};
use serde_json::{json, Value};
use support::{page as article, site_toml, Site};

const SEARCH_INPUT: &str = r#"form[role="search"] input[type="search"]"#;

// ------------------------------------------------------------------ the site

/// pt and hr, two articles each, each with words no other page has.
fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""));
    for (path, title, body) in [
        (
            "pt/agua",
            "Água",
            "A chuva enche o reservatório de água limpa.",
        ),
        ("pt/fogo", "Fogo", "A lareira aquece a casa no inverno."),
        ("hr/more", "More", "Valovi udaraju o stijene uz obalu."),
        ("hr/planina", "Planina", "Snijeg prekriva vrh planine zimi."),
    ] {
        site.write(&format!("content/{path}.md"), &article(title, "", body));
    }
    site
}

/// The site's build, copied to `<target>/tmp/browser_offline/<name>`.
fn build(site: &Site, name: &str) -> PathBuf {
    site.build().assert_ok();
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("browser_offline/{name}"));
    if dest.exists() {
        std::fs::remove_dir_all(&dest).unwrap();
    }
    support::copy_dir(&site.public(), &dest);
    dest
}

fn list(public: &Path, lang: &str) -> Value {
    let text = std::fs::read_to_string(public.join(lang).join("offline.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

// ------------------------------------------------------------------ the tab

fn emulate_offline(page: &Page, offline: bool) {
    page.call("Network.enable", json!({}));
    page.call(
        "Network.emulateNetworkConditions",
        json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    );
}

fn go_offline(page: &Page, host: &Host) {
    host.set_down(true);
    emulate_offline(page, true);
}

fn go_online(page: &Page, host: &Host) {
    host.set_down(false);
    emulate_offline(page, false);
}

/// Polls an expression that may be a promise until it is truthy; errors
/// count as "not yet" (the page may be reloading).
#[track_caller]
fn wait_async(page: &Page, what: &str, expression: &str) -> Value {
    poll_async(page, what, expression, || {})
}

/// Like `wait_async`, for a new worker that skipped waiting to take over.
/// Chromium activates it once the worker it replaces is idle, and, with
/// DevTools attached, takes that one for idle only once it is stopped, which
/// happens after 30 s; stopping the site's workers whenever a new one waits
/// is that stop, 30 s early (the new worker starts again to activate, the
/// old one again if the page fetches through it meanwhile).
#[track_caller]
fn wait_for_the_new_worker(page: &Page, what: &str, expression: &str) -> Value {
    const WAITING: &str = "navigator.serviceWorker.getRegistration().then(r => !!(r && r.waiting))";
    page.call("ServiceWorker.enable", json!({}));
    poll_async(page, what, expression, || {
        if page.try_eval_async(WAITING) == Ok(Value::Bool(true)) {
            page.call("ServiceWorker.stopAllWorkers", json!({}));
        }
    })
}

/// Evaluates `expression` until it is truthy, calling `between` after each
/// falsy answer (up to 90 s).
#[track_caller]
fn poll_async(page: &Page, what: &str, expression: &str, between: impl Fn()) -> Value {
    let start = Instant::now();
    loop {
        let value = page.try_eval_async(expression).unwrap_or(Value::Null);
        if !matches!(value, Value::Null | Value::Bool(false)) {
            return value;
        }
        between();
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "timed out waiting for {what}: {expression}\n{}",
            page.describe()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn wait_for_worker(page: &Page) {
    page.wait_for_within(
        "the service worker to control the page",
        "navigator.serviceWorker && navigator.serviceWorker.controller !== null",
        Duration::from_secs(30),
    );
}

/// Waits until the worker has kept `pages` and the search files this page
/// fetched: it stores a response after handing it to the page, so a reader
/// who goes offline at once may find it missing.
#[track_caller]
fn wait_kept(page: &Page, pages: &[String]) {
    let pages = serde_json::to_string(pages).unwrap();
    wait_async(
        page,
        "the pages read and the search files fetched to be kept",
        &format!(
            "Promise.all({pages}.concat(performance.getEntriesByType('resource').map(e => e.name)             .filter(u => u.startsWith(location.origin) && u.includes('/search/')))             .map(u => caches.match(u))).then(hits => hits.every(Boolean))"
        ),
    );
}

/// Opens `url` and checks it is the page of `lang` with `text` in it (not
/// the browser's error page).
#[track_caller]
fn open(page: &Page, url: &str, lang: &str, text: &str) {
    page.goto(url);
    let check = format!(
        "document.documentElement.lang === {} && document.body.innerText.includes({})",
        js_string(lang),
        js_string(text)
    );
    page.wait_for(&format!("{url} to show {text:?}"), &check);
}

#[track_caller]
fn search(page: &Page, query: &str, expected: &str) {
    page.eval(&format!(
        "(document.querySelector({}).value = '', true)",
        js_string(SEARCH_INPUT)
    ));
    page.click(SEARCH_INPUT);
    page.type_text(query);
    page.wait_for(
        &format!("a result {expected:?} for {query:?}"),
        &format!(
            "[...document.querySelectorAll('#search-results a')].some(a => a.textContent.includes({}))",
            js_string(expected)
        ),
    );
}

/// The names of this site's caches.
const CACHES: &str = "caches.keys().then(k => k.filter(n => n.startsWith('polybook ')))";

// ------------------------------------------------------------------ the tests

#[test]
fn read_pages_and_searches_work_offline_a_saved_language_whole_and_a_deploy_replaces_them() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site();
    let first = build(&site, "first");
    let host = Host::start(&first, "/");
    let page = browser.page();

    // Read a page and another, and search there.
    open(&page, &host.url("pt/index.html"), "pt", "Fogo");
    wait_for_worker(&page);
    let scope = page.eval_async("navigator.serviceWorker.ready.then(r => r.scope)");
    assert_eq!(scope, Value::String(host.url("")));
    open(&page, &host.url("pt/fogo/index.html"), "pt", "lareira");
    search(&page, "reservatorio", "Água");
    wait_kept(
        &page,
        &[host.url("pt/index.html"), host.url("pt/fogo/index.html")],
    );

    // Offline: the page reloads, the other opens, the search answers.
    go_offline(&page, &host);
    open(&page, &host.url("pt/fogo/index.html"), "pt", "lareira");
    open(&page, &host.url("pt/index.html"), "pt", "Fogo");
    search(&page, "reservatorio", "Água");
    // A page never opened is not there: the browser shows its error page.
    page.navigate(&host.url("hr/more/index.html"));
    std::thread::sleep(Duration::from_millis(500));
    assert_ne!(
        page.try_eval("document.documentElement.lang").ok(),
        Some(Value::String("hr".into()))
    );
    go_online(&page, &host);

    // Save Croatian whole: the control says how much, the bar fills.
    open(&page, &host.url("hr/index.html"), "hr", "Planina");
    let saver = "document.querySelector('.offline-save')";
    page.wait_for("the save control", &format!("!{saver}.hidden"));
    let hr_list = list(&first, "hr");
    let pages = hr_list["pages"].as_u64().unwrap();
    let size = page.eval_string("document.querySelector('[data-offline-size]').textContent");
    assert!(
        size.starts_with(&format!("{pages} stranic")) && size.contains("MB"),
        "{size}"
    );
    page.eval("(document.querySelector('[data-offline-save]').click(), true)");
    page.wait_for(
        "the language to be saved",
        "(() => { const bar = document.querySelector('.offline-save progress'); \
         return !bar.hidden && bar.value === bar.max && bar.max > 1 \
         && !document.querySelector('[data-offline-remove]').hidden; })()",
    );
    assert!(page
        .eval_string("document.querySelector('[data-offline-status]').textContent")
        .starts_with("Spremljeno"));

    // Offline, every page of the language opens, and its search works.
    go_offline(&page, &host);
    let own: Vec<String> = hr_list["own"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[0].as_str().unwrap().to_string())
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert_eq!(own.len() as u64, pages);
    for path in &own {
        open(&page, &host.url(path), "hr", "");
    }
    open(&page, &host.url("hr/search/index.html?q=snijeg"), "hr", "");
    page.wait_for(
        "an offline search result",
        "[...document.querySelectorAll('#search-results a')].some(a => a.textContent.includes('Planina'))",
    );
    // The result opens with the word highlighted, offline too.
    page.click("#search-results a.search-hit");
    page.wait_for(
        "the word highlighted offline",
        "[...document.querySelectorAll('mark.search-mark')].some(m => m.textContent.toLowerCase() === 'snijeg') \
         && !location.search.includes('highlight')",
    );
    go_online(&page, &host);
    page.assert_clean();

    // A new build on the same address: one visit online shows it, and its
    // worker replaces what was stored with the new build's files.
    site.write(
        "content/hr/planina.md",
        &article("Planina", "", "Novi snijeg prekriva vrh planine."),
    );
    site.write(
        "content/pt/agua.md",
        &article("Água nova", "", "A chuva enche o reservatório."),
    );
    let second = build(&site, "second");
    let new_build = list(&second, "hr")["build"].as_str().unwrap().to_string();
    assert_ne!(new_build, hr_list["build"].as_str().unwrap());
    host.deploy(&second);
    open(&page, &host.url("pt/index.html"), "pt", "Água nova");
    let only_new = format!(
        "{CACHES}.then(n => n.length === 1 && n[0].endsWith(' ' + {}))",
        js_string(&new_build)
    );
    wait_for_the_new_worker(&page, "the old build's cache to go", &only_new);
    let scripts = page.eval_async(
        "navigator.serviceWorker.getRegistration().then(r => r.active && r.active.scriptURL)",
    );
    assert_eq!(scripts, Value::String(host.url("service-worker.js")));

    go_offline(&page, &host);
    open(
        &page,
        &host.url("hr/planina/index.html"),
        "hr",
        "Novi snijeg",
    );
    open(&page, &host.url("pt/fogo/index.html"), "pt", "lareira");
    open(&page, &host.url("pt/index.html"), "pt", "Água nova");
    go_online(&page, &host);
    page.assert_clean();
}

#[test]
fn under_a_subpath_the_worker_covers_the_subpath() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site();
    let public = build(&site, "subpath");
    let host = Host::start(&public, "/handbook/");
    let page = browser.page();
    open(&page, &host.url("pt/index.html"), "pt", "Fogo");
    wait_for_worker(&page);
    let scope = page.eval_async("navigator.serviceWorker.ready.then(r => r.scope)");
    assert_eq!(scope, Value::String(host.url("")));
    assert!(host.url("").ends_with("/handbook/"));
    open(&page, &host.url("pt/agua/index.html"), "pt", "reservatório");
    wait_kept(
        &page,
        &[host.url("pt/index.html"), host.url("pt/agua/index.html")],
    );
    go_offline(&page, &host);
    open(&page, &host.url("pt/agua/index.html"), "pt", "reservatório");
    open(&page, &host.url("pt/index.html"), "pt", "Fogo");
    go_online(&page, &host);
    page.assert_clean();
}

#[test]
fn from_file_nothing_registers_and_nothing_fails() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site();
    let public = build(&site, "file");
    let page = browser.page();
    page.goto(&file_url(&public.join("pt/index.html")));
    std::thread::sleep(Duration::from_millis(500));
    let registered = page.eval(
        "!!(navigator.serviceWorker && navigator.serviceWorker.controller) \
         || !document.querySelector('.offline-save').hidden",
    );
    assert_eq!(registered, Value::Bool(false));
    page.assert_clean();
}

/// `polybook serve` on the address a built site was read from: pages never
/// register the worker, and the built site's worker, on its next update
/// check, retires (its caches deleted, unregistered).
#[test]
fn serve_never_registers_and_retires_a_built_sites_worker() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site();
    let public = build(&site, "before-serve");
    let host = Host::start(&public, "/");
    let port = host.addr.port();
    let page = browser.page();
    open(&page, &host.url("pt/index.html"), "pt", "Fogo");
    wait_for_worker(&page);
    wait_async(
        &page,
        "a cache",
        &format!("{CACHES}.then(n => n.length === 1)"),
    );
    drop(host);

    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_polybook"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start polybook serve");
    let url = format!("http://127.0.0.1:{port}/");
    let up = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            up.elapsed() < Duration::from_secs(60),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let (status, headers, body) = browser::raw_get(
        format!("127.0.0.1:{port}").parse().unwrap(),
        "/service-worker.js",
    );
    let body = String::from_utf8_lossy(&body);
    let check = || {
        assert!(status.contains("200"), "{status}");
        let kind = headers
            .iter()
            .find(|(k, _)| k == "content-type")
            .map(|(_, v)| v.as_str());
        assert_eq!(kind, Some("text/javascript; charset=utf-8"));
        assert!(body.contains("unregister()"), "{body}");

        open(&page, &format!("{url}pt/"), "pt", "Fogo");
        wait_for_the_new_worker(
            &page,
            "the built site's worker to retire",
            &format!(
                "navigator.serviceWorker.getRegistrations().then(r => r.length === 0 \
                 && {CACHES}.then(n => n.length === 0))"
            ),
        );
        open(&page, &format!("{url}hr/"), "hr", "Planina");
        std::thread::sleep(Duration::from_millis(500));
        let state = page.eval_async(
            "navigator.serviceWorker.getRegistrations().then(r => r.length === 0 \
             && !navigator.serviceWorker.controller \
             && document.querySelector('.offline-save').hidden)",
        );
        assert_eq!(state, Value::Bool(true));
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
    let _ = serve.kill();
    let _ = serve.wait();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}
