//! Browser tests' tools: a headless Chromium (the system's `/usr/bin/chromium`;
//! nothing downloads a browser) driven over the DevTools protocol (`cdp`), and
//! the static server of `served`, re-exported here.
//!
//! ```ignore
//! let Some(browser) = Browser::launch() else { return }; // no Chromium: skipped
//! let server = StaticServer::start(&public_dir);
//! let page = browser.page();
//! page.goto(&server.url("pt/index.html"));
//! page.click("form[role=search] input[type=search]");
//! page.type_text("cronicos");
//! page.wait_for("a search result", "document.querySelector('#search-results a') !== null");
//! ```
//!
//! When Chromium is missing, `Browser::launch` returns `None` and the test
//! passes without running, after a notice on stderr that `cargo test` shows;
//! with `POLYBOOK_REQUIRE_BROWSER=1` (CI) it panics instead, telling how to
//! install it. `POLYBOOK_SKIP_BROWSER_TESTS=1` skips them on purpose, and
//! `POLYBOOK_CHROMIUM` names another binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::cdp::Connection;
pub use super::served::*;
use serde_json::{json, Value};
use std::process::Child;

/// axe-core, injected by the accessibility checks.
pub const AXE: &str = include_str!("../../vendor/axe-core/axe.min.js");

pub const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";
pub const SKIP_ENV: &str = "POLYBOOK_SKIP_BROWSER_TESTS";
/// Set by CI: a missing Chromium fails the browser tests instead of skipping them.
pub const REQUIRE_ENV: &str = "POLYBOOK_REQUIRE_BROWSER";

/// How often `wait_for` looks at the page, and for how long at most.
pub const POLL_EVERY: Duration = Duration::from_millis(50);
pub const WAIT_AT_MOST: Duration = Duration::from_secs(10);

/// The Chromium binary to use, or `None` when browser tests are skipped by
/// `POLYBOOK_SKIP_BROWSER_TESTS=1`. Panics when it is missing.
pub fn chromium() -> Option<PathBuf> {
    if std::env::var(SKIP_ENV).is_ok_and(|v| v == "1") {
        skip_notice(&format!("{SKIP_ENV}=1"));
        return None;
    }
    let path = std::env::var_os("POLYBOOK_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_CHROMIUM));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        !std::env::var(REQUIRE_ENV).is_ok_and(|v| v == "1"),
        "browser tests need Chromium at {} ({REQUIRE_ENV}=1): install it (`apt-get install \
         chromium`, or run `bash .ci/run`, which installs it)",
        path.display()
    );
    skip_notice(&format!("no Chromium at {}", path.display()));
    None
}

/// Says once per test binary, past the test harness's capture (so it shows
/// even when every test passes), that the browser tests did not run.
fn skip_notice(why: &str) {
    static SAID: AtomicBool = AtomicBool::new(false);
    if !SAID.swap(true, Ordering::SeqCst) {
        let _ = writeln!(
            std::io::stderr().lock(),
            "\nNOTICE: browser tests SKIPPED ({why}). Install Chromium \
             (`apt-get install chromium`) to run them; {REQUIRE_ENV}=1 makes its absence \
             an error, as in CI.\n"
        );
    }
}

/// One test's browser: a browser context of the test binary's Chromium, as
/// separate from every other test's as a fresh profile would be (its own
/// cookies, storage, cache, service workers and permissions), disposed on
/// drop. Starting Chromium costs about 2 s of CPU, once per binary instead
/// of once per test.
pub struct Browser {
    connection: Connection,
    context: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Closes the context's tabs and forgets everything it stored.
        let _ = self.connection.call(
            None,
            "Target.disposeBrowserContext",
            json!({ "browserContextId": self.context }),
            Duration::from_secs(10),
        );
    }
}

/// The test binary's Chromium, with a fresh profile; ended, and the profile
/// removed, when the binary exits (`end_chromium`).
struct Chromium {
    connection: Connection,
    process: Mutex<Child>,
    profile: PathBuf,
}

static CHROMIUM: std::sync::OnceLock<Chromium> = std::sync::OnceLock::new();

impl Chromium {
    fn start(path: &Path) -> Chromium {
        let profile = tempfile::Builder::new()
            .prefix("polybook-chromium-")
            .tempdir()
            .expect("temp dir for the Chromium profile")
            .keep(); // removed by `end_chromium`, once Chromium is gone
        let args: Vec<String> = [
            "--headless",
            "--no-sandbox", // tests run as root in CI
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--mute-audio",
            "--window-size=1280,900",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([
            format!("--user-data-dir={}", profile.display()),
            "about:blank".into(),
        ])
        .collect();
        let (connection, process) = Connection::launch(path, &args).unwrap_or_else(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            panic!("cannot start {} headless: {e}", path.display())
        });
        connection
            .call(None, "Browser.getVersion", json!({}), CALL_AT_MOST)
            .unwrap_or_else(|e| panic!("{} did not answer: {e}", path.display()));
        // SAFETY: registers a plain `extern "C"` function, once.
        unsafe { libc::atexit(end_chromium) };
        Chromium {
            connection,
            process: Mutex::new(process),
            profile,
        }
    }
}

/// Closes the binary's Chromium and removes its profile, as the binary exits.
extern "C" fn end_chromium() {
    let Some(chromium) = CHROMIUM.get() else {
        return;
    };
    let _ = chromium
        .connection
        .call(None, "Browser.close", json!({}), Duration::from_secs(5));
    let Ok(mut process) = chromium.process.lock() else {
        return;
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline && matches!(process.try_wait(), Ok(None)) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = process.kill();
    let _ = process.wait();
    // Its helper processes may still write to the profile for a moment
    // after the browser process is gone: remove it until it stays gone.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut gone_since: Option<Instant> = None;
    while Instant::now() < deadline {
        if chromium.profile.exists() {
            gone_since = None;
            let _ = std::fs::remove_dir_all(&chromium.profile);
        } else if gone_since.get_or_insert_with(Instant::now).elapsed() > Duration::from_millis(300)
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::fs::remove_dir_all(&chromium.profile);
}

impl Browser {
    /// A browser of its own for a test (Chromium starts with the first), or
    /// `None` when browser tests are skipped.
    pub fn launch() -> Option<Browser> {
        let path = chromium()?;
        let connection = CHROMIUM
            .get_or_init(|| Chromium::start(&path))
            .connection
            .clone();
        let created = connection
            .call(None, "Target.createBrowserContext", json!({}), CALL_AT_MOST)
            .unwrap_or_else(|e| panic!("cannot make a browser context: {e}"));
        let context = created["browserContextId"]
            .as_str()
            .expect("a browser context id")
            .to_string();
        Some(Browser {
            connection,
            context,
        })
    }

    /// A new tab, 1280×900.
    pub fn page(&self) -> Page {
        let call = |method: &str, params: Value| {
            self.connection
                .call(None, method, params, CALL_AT_MOST)
                .unwrap_or_else(|e| panic!("cannot open a tab: {e}"))
        };
        let target = call(
            "Target.createTarget",
            json!({ "url": "about:blank", "browserContextId": self.context }),
        );
        let target = target["targetId"]
            .as_str()
            .expect("a target id")
            .to_string();
        let attached = call(
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        );
        let session = attached["sessionId"].as_str().expect("a session id");
        Page::new(self.connection.clone(), target, session.to_string())
    }
}

/// How long a protocol call may take (an `eval_async` may wait on the page).
const CALL_AT_MOST: Duration = Duration::from_secs(120);

/// One tab, with the things a test asks of it. Every method panics on failure,
/// naming what it was doing.
pub struct Page {
    connection: Connection,
    target: String,
    session: String,
    dialogs: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Page {
    fn new(connection: Connection, target: String, session: String) -> Page {
        let dialogs = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let (d, e) = (Arc::clone(&dialogs), Arc::clone(&errors));
        let (replies, to) = (connection.clone(), session.clone());
        connection.on_events(
            &session,
            Box::new(move |method, params| match method {
                "Page.javascriptDialogOpening" => {
                    d.lock().unwrap().push(format!(
                        "{}: {}",
                        params["type"].as_str().unwrap_or("?"),
                        params["message"].as_str().unwrap_or("")
                    ));
                    // A blocked page would stall every later call.
                    replies.send(
                        Some(&to),
                        "Page.handleJavaScriptDialog",
                        json!({ "accept": false }),
                    );
                }
                "Runtime.exceptionThrown" => {
                    let details = &params["exceptionDetails"];
                    let what = details["exception"]["description"]
                        .as_str()
                        .or(details["text"].as_str())
                        .unwrap_or("?");
                    e.lock().unwrap().push(format!(
                        "{what} ({}:{}:{})",
                        details["url"].as_str().unwrap_or("?"),
                        details["lineNumber"],
                        details["columnNumber"]
                    ));
                }
                _ => {}
            }),
        );
        let page = Page {
            connection,
            target,
            session,
            dialogs,
            errors,
        };
        page.call("Runtime.enable", json!({}));
        page.call("Page.enable", json!({}));
        page
    }

    /// A protocol command to this tab (`Network.enable`, …) and its result.
    #[track_caller]
    pub fn call(&self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn try_call(&self, method: &str, params: Value) -> Result<Value, String> {
        self.connection
            .call(Some(&self.session), method, params, CALL_AT_MOST)
    }

    /// Opens `url` and waits until its document and deferred scripts have run.
    #[track_caller]
    pub fn goto(&self, url: &str) {
        let _ = self.try_eval("window.__pbLeaving = true");
        let navigated = self.navigate(url);
        if let Some(error) = navigated["errorText"].as_str() {
            panic!("cannot open {url}: {error}");
        }
        // No loader: the same document, at another fragment.
        let new_document = navigated["loaderId"].is_string();
        self.wait_for(
            &format!("{url} to finish loading"),
            if new_document {
                "!window.__pbLeaving && document.readyState === 'complete'"
            } else {
                "document.readyState === 'complete'"
            },
        );
    }

    /// Starts opening `url` without waiting for it (`Page.navigate`'s result:
    /// `errorText` when it failed, `loaderId` for a new document).
    pub fn navigate(&self, url: &str) -> Value {
        self.call("Page.navigate", json!({ "url": url }))
    }

    /// Like `goto`, for a new document only: the page itself navigates (not
    /// for a URL that differs from the current one by its fragment alone, nor
    /// one that redirects, nor a `file://` URL from an `http://` page).
    pub fn visit(&self, url: &str) {
        self.eval(&format!(
            "(window.__pbLeaving = true, location.assign({}), true)",
            js_string(url)
        ));
        self.wait_for(
            &format!("{url} to finish loading"),
            "!window.__pbLeaving && document.readyState === 'complete'",
        );
    }

    /// axe-core's violations on the page as it is, one line each (axe must
    /// be loaded: `AXE`).
    pub fn axe_violations(&self) -> Vec<String> {
        let found = self.eval_async(
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => \
               v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.map(n => [n.target, n.failureSummary]))))",
        );
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Runs `source` in every document this tab opens from now on, before
    /// the page's own scripts (a test library, say).
    pub fn add_script_on_load(&self, source: &str) {
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        );
    }

    /// The value of a JavaScript expression, through JSON (`undefined` is `null`).
    /// A thrown exception fails the test.
    #[track_caller]
    pub fn eval(&self, expression: &str) -> Value {
        self.try_eval(expression)
            .unwrap_or_else(|e| panic!("{e}\n{}", self.describe()))
    }

    /// Like `eval`, with an error instead of a panic (the page may be navigating).
    pub fn try_eval(&self, expression: &str) -> Result<Value, String> {
        let wrapped = format!(
            "(() => {{ try {{ return JSON.stringify({{ ok: ({expression}) }}); }} \
             catch (e) {{ return JSON.stringify({{ error: String(e && e.stack || e) }}); }} }})()"
        );
        self.evaluate(&wrapped, false)
            .map_err(|e| format!("cannot evaluate `{expression}`: {e}"))
            .and_then(|text| unwrap_result(expression, &text))
    }

    /// Runs `expression` (awaiting it when `promise`) and gives the string it
    /// returns.
    fn evaluate(&self, expression: &str, promise: bool) -> Result<String, String> {
        let result = self.try_call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": promise }),
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            return Err(format!("threw {details}"));
        }
        match &result["result"]["value"] {
            Value::String(s) => Ok(s.clone()),
            other => Err(format!("gave {other}")),
        }
    }

    pub fn eval_string(&self, expression: &str) -> String {
        match self.eval(expression) {
            Value::String(s) => s,
            other => panic!("`{expression}` is not a string: {other}"),
        }
    }

    /// Polls `predicate` (a JavaScript expression) every 50 ms until it is
    /// truthy, and returns its value; fails after 10 s, saying what it waited
    /// for and showing `location`, the focused element and `#search-results`.
    #[track_caller]
    pub fn wait_for(&self, what: &str, predicate: &str) -> Value {
        self.wait_for_within(what, predicate, WAIT_AT_MOST)
    }

    /// Waits until the tab shows `url`, fully loaded (after a click or Enter
    /// on a link); `what` names the step in the failure message.
    #[track_caller]
    pub fn wait_for_page(&self, what: &str, url: &str) {
        self.wait_for(
            what,
            &format!(
                "location.href === {} && document.readyState === 'complete'",
                js_string(url)
            ),
        );
    }

    #[track_caller]
    pub fn wait_for_within(&self, what: &str, predicate: &str, limit: Duration) -> Value {
        let start = Instant::now();
        loop {
            // Errors count as "not yet": the page may be between two documents.
            let value = self.try_eval(predicate);
            if let Ok(v) = &value {
                if truthy(v) {
                    return value.unwrap();
                }
            }
            if start.elapsed() > limit {
                panic!(
                    "timed out after {limit:?} waiting for {what}\n  predicate: {predicate}\n  \
                     last value: {value:?}\n{}",
                    self.describe()
                );
            }
            std::thread::sleep(POLL_EVERY);
        }
    }

    /// Waits for the search results to answer the query asked last:
    /// `shown` (a JavaScript expression) is truthy and `#search-results` is
    /// not busy (polybook.js marks it busy from the moment a search is asked
    /// for until its answer is shown), and nothing in it has changed for
    /// `SETTLE` (a MutationObserver keeps the time of the last change), in
    /// case something is drawn after the answer.
    #[track_caller]
    pub fn wait_for_search_results(&self, shown: &str) {
        const SETTLE: Duration = Duration::from_millis(100);
        self.wait_for(
            "#search-results to exist",
            "(() => { const el = document.querySelector('#search-results'); if (!el) return false; \
             if (!el.__pbObserved) { el.__pbObserved = true; el.__pbChanged = performance.now(); \
             new MutationObserver(() => { el.__pbChanged = performance.now(); })\
             .observe(el, { subtree: true, childList: true, attributes: true, characterData: true }); } \
             return true; })()",
        );
        self.wait_for(
            &format!("the search results to settle with `{shown}`"),
            &format!(
                "(() => {{ const el = document.querySelector('#search-results'); \
                 return !!el && el.getAttribute('aria-busy') !== 'true' \
                 && performance.now() - el.__pbChanged >= {} && !!({shown}); }})()",
                SETTLE.as_millis()
            ),
        );
    }

    /// Waits for the search results to show links to pages (see
    /// `wait_for_search_results`).
    #[track_caller]
    pub fn wait_for_search_hits(&self) {
        self.wait_for_search_results("document.querySelectorAll('#search-results a').length > 0");
    }

    /// Waits for the search results to show their outcome, a count or
    /// "nothing found" (see `wait_for_search_results`).
    #[track_caller]
    pub fn wait_for_search_outcome(&self) {
        self.wait_for_search_results(
            "document.querySelector('#search-results .search-count, #search-results .search-empty')",
        );
    }

    /// Clicks the middle of the first element matching `selector` with real
    /// mouse events, once there is one (up to 10 s).
    #[track_caller]
    pub fn click(&self, selector: &str) {
        self.wait_for(
            &format!("an element {selector}"),
            &format!("document.querySelector({}) !== null", js_string(selector)),
        );
        self.click_at(selector);
    }

    /// Clicks the middle of the first element matching `selector` with real
    /// mouse events, now. DevTools' evaluation works with the page's
    /// JavaScript turned off (`set_scripts_enabled(false)`), so this does too.
    #[track_caller]
    pub fn click_at(&self, selector: &str) {
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return null; \
               e.scrollIntoView({{ block: 'center', behavior: 'instant' }}); const r = e.getBoundingClientRect(); \
               return {{ x: r.left + r.width / 2, y: r.top + r.height / 2 }}; }})()",
            js_string(selector)
        ));
        let (Some(x), Some(y)) = (rect["x"].as_f64(), rect["y"].as_f64()) else {
            panic!("no element {selector}\n{}", self.describe());
        };
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            let mut event = json!({ "type": kind, "x": x, "y": y });
            if kind != "mouseMoved" {
                event["button"] = json!("left");
                event["clickCount"] = json!(1);
            }
            self.try_call("Input.dispatchMouseEvent", event)
                .unwrap_or_else(|e| panic!("cannot click {selector}: {e}"));
        }
    }

    /// Types `text` key by key: a keydown (with the character's text, so the
    /// browser inserts it and fires `input`) and a keyup for every character,
    /// as a keyboard would. Non-ASCII letters (ô, š) come as keys of their own,
    /// like on a Portuguese or Croatian keyboard.
    pub fn type_text(&self, text: &str) {
        self.type_text_with_pause(text, Duration::ZERO);
    }

    /// Like `type_text`, waiting `pause` after every key (a slower typist, so
    /// a debounced search runs for some of the prefixes too).
    pub fn type_text_with_pause(&self, text: &str, pause: Duration) {
        for c in text.chars() {
            let s = c.to_string();
            let (code, vk) = key_code_of(c);
            let shift = c.is_ascii_uppercase();
            let mut down = json!({
                "type": "keyDown",
                "text": s,
                "unmodifiedText": if shift { s.to_lowercase() } else { s.clone() },
                "key": s,
                "windowsVirtualKeyCode": vk,
                "nativeVirtualKeyCode": vk,
            });
            if shift {
                down["modifiers"] = json!(8);
            }
            if let Some(code) = code {
                down["code"] = json!(code);
            }
            self.dispatch_key(&down, &s);
            if !pause.is_zero() {
                std::thread::sleep(pause);
            }
        }
    }

    /// Presses and releases a named key: `Enter`, `Escape`, `Tab`, `Backspace`,
    /// `ArrowDown`, `ArrowUp`, `ArrowLeft`, `ArrowRight`, or one character.
    pub fn press(&self, key: &str) {
        let (code, vk, text): (&str, i64, Option<&str>) = match key {
            "Enter" => ("Enter", 13, Some("\r")),
            "Escape" => ("Escape", 27, None),
            "Tab" => ("Tab", 9, None),
            "Backspace" => ("Backspace", 8, None),
            "ArrowLeft" => ("ArrowLeft", 37, None),
            "ArrowUp" => ("ArrowUp", 38, None),
            "ArrowRight" => ("ArrowRight", 39, None),
            "ArrowDown" => ("ArrowDown", 40, None),
            _ if key.chars().count() == 1 => return self.type_text(key),
            _ => panic!("press: unknown key {key:?}"),
        };
        let mut down = json!({
            "type": if text.is_some() { "keyDown" } else { "rawKeyDown" },
            "code": code,
            "key": key,
            "windowsVirtualKeyCode": vk,
            "nativeVirtualKeyCode": vk,
        });
        if let Some(text) = text {
            down["text"] = json!(text);
            down["unmodifiedText"] = json!(text);
        }
        self.dispatch_key(&down, key);
    }

    /// Sends `down`, then the matching key-up.
    fn dispatch_key(&self, down: &Value, key: &str) {
        let mut up = down.clone();
        up["type"] = json!("keyUp");
        let up = up.as_object_mut().unwrap();
        up.remove("text");
        up.remove("unmodifiedText");
        for event in [down.clone(), Value::Object(up.clone())] {
            self.try_call("Input.dispatchKeyEvent", event)
                .unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
        }
    }

    /// Emulates a viewport of `width`×`height` CSS pixels (`mobile`: a phone's
    /// viewport meta handling and touch-sized scrollbars).
    pub fn set_viewport(&self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1.0, "mobile": mobile }),
        );
    }

    /// Emulates CSS media: the media type (`"print"`, `"screen"`, or `""` for
    /// the default) and media features such as `("prefers-color-scheme",
    /// "dark")` or `("prefers-reduced-motion", "reduce")`. Each call replaces
    /// the previous emulation; `emulate_media("", &[])` ends it.
    pub fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<Value> = features
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "media": media, "features": features }),
        );
    }

    /// The reader's preferred languages, as an `Accept-Language` value
    /// (`"hr-HR,hr;q=0.9"`): sets `navigator.languages` and the header.
    pub fn set_languages(&self, accept_language: &str) {
        let user_agent = self.eval_string("navigator.userAgent");
        self.call(
            "Emulation.setUserAgentOverride",
            json!({ "userAgent": user_agent, "acceptLanguage": accept_language }),
        );
    }

    /// Turns JavaScript off (for the next documents) or back on.
    pub fn set_scripts_enabled(&self, enabled: bool) {
        self.call(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": !enabled }),
        );
    }

    /// The value of an expression that gives a promise, once it settles,
    /// through JSON; a rejection fails the test.
    #[track_caller]
    pub fn eval_async(&self, expression: &str) -> Value {
        self.try_eval_async(expression)
            .unwrap_or_else(|e| panic!("{e}\n{}", self.describe()))
    }

    /// Like `eval_async`, with an error instead of a panic.
    pub fn try_eval_async(&self, expression: &str) -> Result<Value, String> {
        let wrapped = format!(
            "(async () => {{ try {{ return JSON.stringify({{ ok: await ({expression}) }}); }} \
             catch (e) {{ return JSON.stringify({{ error: String(e && e.stack || e) }}); }} }})()"
        );
        self.evaluate(&wrapped, true)
            .map_err(|e| format!("cannot evaluate `{expression}`: {e}"))
            .and_then(|text| unwrap_result(expression, &text))
    }

    /// A PNG of the viewport, written to `path` (folders created).
    pub fn screenshot(&self, path: &Path) {
        use base64::Engine;
        let shot = self.call(
            "Page.captureScreenshot",
            json!({ "format": "png", "fromSurface": true }),
        );
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("a base64 screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    pub fn location(&self) -> String {
        self.eval_string("location.href")
    }

    /// Every `alert`/`confirm`/`prompt` the page opened (each was dismissed).
    pub fn dialogs(&self) -> Vec<String> {
        self.dialogs.lock().unwrap().clone()
    }

    /// Uncaught JavaScript exceptions so far.
    pub fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }

    /// Fails if the page threw an uncaught exception or opened a dialog.
    #[track_caller]
    pub fn assert_clean(&self) {
        let errors = self.errors();
        assert!(
            errors.is_empty(),
            "uncaught JavaScript exceptions: {errors:#?}"
        );
        let dialogs = self.dialogs();
        assert!(dialogs.is_empty(), "unexpected dialogs: {dialogs:#?}");
    }

    /// Where the page is, for failure messages.
    pub fn describe(&self) -> String {
        let state = self.evaluate(
            "JSON.stringify({ location: location.href, \
             focused: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null, \
             searchBoxes: Array.from(document.querySelectorAll('input[type=search]')).map(i => i.value), \
             searchResults: Array.from(document.querySelectorAll('#search-results')).map(e => e.outerHTML.slice(0, 1500)) })",
            false,
        );
        let state = state.unwrap_or_else(|e| format!("(cannot read the page: {e})"));
        format!(
            "  page: {state}\n  exceptions: {:?}\n  dialogs: {:?}",
            self.errors(),
            self.dialogs()
        )
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.connection.forget(&self.session);
        self.connection.send(
            None,
            "Target.closeTarget",
            json!({ "targetId": self.target }),
        );
    }
}

/// What the `{ ok }`/`{ error }` wrapper of `try_eval` gave, as a value.
fn unwrap_result(expression: &str, text: &str) -> Result<Value, String> {
    let mut parsed: Value = serde_json::from_str(text)
        .map_err(|e| format!("evaluating `{expression}`: bad JSON {text:?}: {e}"))?;
    if let Some(error) = parsed.get("error") {
        return Err(format!("`{expression}` threw: {error}"));
    }
    Ok(parsed.get_mut("ok").map(Value::take).unwrap_or(Value::Null))
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// `s` as a JavaScript string literal.
pub fn js_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The DOM `code` and Windows virtual key code of a character on a US layout
/// (letters, digits, space, slash); other characters have no physical key here.
fn key_code_of(c: char) -> (Option<String>, u32) {
    match c {
        'a'..='z' | 'A'..='Z' => (
            Some(format!("Key{}", c.to_ascii_uppercase())),
            c.to_ascii_uppercase() as u32,
        ),
        '0'..='9' => (Some(format!("Digit{c}")), c as u32),
        ' ' => (Some("Space".into()), 32),
        '/' => (Some("Slash".into()), 191),
        '-' => (Some("Minus".into()), 189),
        '.' => (Some("Period".into()), 190),
        ',' => (Some("Comma".into()), 188),
        _ => (None, 0),
    }
}

/// A `file://` URL for an absolute path.
pub fn file_url(path: &Path) -> String {
    let path = path
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}
