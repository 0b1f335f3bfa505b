//! Browser tests' tools: a headless Chromium driven over the DevTools protocol
//! (the `headless_chrome` crate, with the system's `/usr/bin/chromium`; it never
//! downloads a browser), and a tiny std-only static HTTP server for a built site.
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

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Input, Page as Cdp};
use headless_chrome::{LaunchOptions, Tab};
use serde_json::Value;

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

/// A headless Chromium with a fresh profile; killed (and the profile removed) on drop.
pub struct Browser {
    chrome: Option<headless_chrome::Browser>,
    profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        drop(self.chrome.take()); // closes Chromium, then kills and reaps it
                                  // Its helper processes may still write to the profile for a moment
                                  // after the browser process is gone: remove it until it stays gone.
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut gone_since: Option<Instant> = None;
        while Instant::now() < deadline {
            if self.profile.exists() {
                gone_since = None;
                let _ = std::fs::remove_dir_all(&self.profile);
            } else if gone_since.get_or_insert_with(Instant::now).elapsed()
                > Duration::from_millis(300)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Browser {
    /// Starts Chromium, or returns `None` when browser tests are skipped on request.
    pub fn launch() -> Option<Browser> {
        let path = chromium()?;
        let profile = tempfile::Builder::new()
            .prefix("polybook-chromium-")
            .tempdir()
            .expect("temp dir for the Chromium profile")
            .keep(); // removed by `Browser::drop`, once Chromium is gone
        let args: Vec<&std::ffi::OsStr> = [
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--mute-audio",
        ]
        .iter()
        .map(std::ffi::OsStr::new)
        .collect();
        let options = LaunchOptions {
            headless: true,
            sandbox: false,    // --no-sandbox (tests run as root in CI)
            enable_gpu: false, // --disable-gpu
            path: Some(path.clone()),
            user_data_dir: Some(profile.clone()),
            // Port 0: Chromium picks a free port and prints it; no race.
            port: Some(0),
            window_size: Some((1280, 900)),
            args,
            // The transport gives up after this long without a message.
            idle_browser_timeout: Duration::from_secs(600),
            ..LaunchOptions::default()
        };
        let chrome = headless_chrome::Browser::new(options).unwrap_or_else(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            panic!("cannot start {} headless: {e:#}", path.display())
        });
        Some(Browser {
            chrome: Some(chrome),
            profile,
        })
    }

    /// A new tab, 1280×900.
    pub fn page(&self) -> Page {
        let chrome = self.chrome.as_ref().expect("a running browser");
        let tab = chrome.new_tab().expect("open a tab");
        Page::new(tab)
    }
}

/// One tab, with the things a test asks of it. Every method panics on failure,
/// naming what it was doing.
pub struct Page {
    tab: Arc<Tab>,
    dialogs: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Page {
    fn new(tab: Arc<Tab>) -> Page {
        tab.set_default_timeout(Duration::from_secs(30));
        tab.enable_runtime().expect("Runtime.enable");
        let dialogs = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let (d, e) = (Arc::clone(&dialogs), Arc::clone(&errors));
        let dialog = tab.get_dialog();
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::PageJavascriptDialogOpening(ev) => {
                d.lock()
                    .unwrap()
                    .push(format!("{:?}: {}", ev.params.Type, ev.params.message));
                let _ = dialog.dismiss(); // a blocked page would stall every later call
            }
            Event::RuntimeExceptionThrown(ev) => {
                let details = &ev.params.exception_details;
                let what = details
                    .exception
                    .as_ref()
                    .and_then(|x| x.description.clone())
                    .unwrap_or_else(|| details.text.clone());
                e.lock().unwrap().push(format!(
                    "{what} ({}:{}:{})",
                    details.url.as_deref().unwrap_or("?"),
                    details.line_number,
                    details.column_number
                ));
            }
            _ => {}
        }))
        .expect("listen to the tab's events");
        Page {
            tab,
            dialogs,
            errors,
        }
    }

    pub fn tab(&self) -> &Arc<Tab> {
        &self.tab
    }

    /// Opens `url` and waits until its document and deferred scripts have run.
    pub fn goto(&self, url: &str) {
        self.tab
            .navigate_to(url)
            .unwrap_or_else(|e| panic!("cannot open {url}: {e:#}"));
        self.tab
            .wait_until_navigated()
            .unwrap_or_else(|e| panic!("{url} did not load: {e:#}"));
        self.wait_for(
            &format!("{url} to finish loading"),
            "document.readyState === 'complete'",
        );
    }

    /// Like `goto`, with fewer round trips to the browser (each costs up to
    /// 100 ms): the page itself navigates, then one poll sees the new
    /// document complete. For a new document only: not for a URL that differs
    /// from the current one by its fragment alone, nor one that redirects,
    /// nor a `file://` URL from an `http://` page (the page may not go there).
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

    /// Runs `source` in every document this tab opens from now on, before
    /// the page's own scripts (a test library, say).
    pub fn add_script_on_load(&self, source: &str) {
        self.tab
            .call_method(Cdp::AddScriptToEvaluateOnNewDocument {
                source: source.to_string(),
                world_name: None,
                include_command_line_api: None,
                run_immediately: None,
            })
            .expect("Page.addScriptToEvaluateOnNewDocument");
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
        let result = self
            .tab
            .evaluate(&wrapped, false)
            .map_err(|e| format!("cannot evaluate `{expression}`: {e:#}"))?;
        let text = match result.value {
            Some(Value::String(s)) => s,
            other => return Err(format!("evaluating `{expression}` gave {other:?}")),
        };
        let mut parsed: Value = serde_json::from_str(&text)
            .map_err(|e| format!("evaluating `{expression}`: bad JSON {text:?}: {e}"))?;
        if let Some(error) = parsed.get("error") {
            return Err(format!("`{expression}` threw: {error}"));
        }
        Ok(parsed.get_mut("ok").map(Value::take).unwrap_or(Value::Null))
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

    /// Waits until `also` (a JavaScript expression) is truthy and nothing
    /// inside `selector` has changed for `quiet` (a MutationObserver keeps the
    /// time of the last change): e.g. for a debounced search to have shown
    /// its final results.
    #[track_caller]
    pub fn wait_until_settled(&self, selector: &str, quiet: Duration, also: &str) {
        let sel = js_string(selector);
        self.wait_for(
            &format!("{selector} to exist"),
            &format!(
                "(() => {{ const el = document.querySelector({sel}); if (!el) return false; \
                 if (!el.__pbObserved) {{ el.__pbObserved = true; el.__pbChanged = performance.now(); \
                 new MutationObserver(() => {{ el.__pbChanged = performance.now(); }})\
                 .observe(el, {{ subtree: true, childList: true, attributes: true, characterData: true }}); }} \
                 return true; }})()"
            ),
        );
        self.wait_for(
            &format!("{selector} to stay unchanged for {quiet:?} with `{also}`"),
            &format!(
                "(() => {{ const el = document.querySelector({sel}); \
                 return !!el && performance.now() - el.__pbChanged >= {} && !!({also}); }})()",
                quiet.as_millis()
            ),
        );
    }

    /// Clicks the middle of the first element matching `selector` with real mouse events.
    pub fn click(&self, selector: &str) {
        let element = self
            .tab
            .wait_for_element(selector)
            .unwrap_or_else(|e| panic!("no element {selector}: {e:#}\n{}", self.describe()));
        element
            .click()
            .unwrap_or_else(|e| panic!("cannot click {selector}: {e:#}"));
    }

    /// Clicks the middle of the first element matching `selector` with real
    /// mouse events, finding it without running a script in the page: works
    /// with JavaScript turned off (`set_scripts_enabled(false)`), where
    /// `click` waits forever.
    pub fn click_at(&self, selector: &str) {
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return null; \
               e.scrollIntoView({{ block: 'center' }}); const r = e.getBoundingClientRect(); \
               return {{ x: r.left + r.width / 2, y: r.top + r.height / 2 }}; }})()",
            js_string(selector)
        ));
        let (Some(x), Some(y)) = (rect["x"].as_f64(), rect["y"].as_f64()) else {
            panic!("no element {selector}\n{}", self.describe());
        };
        self.tab
            .click_point(headless_chrome::browser::tab::point::Point { x, y })
            .unwrap_or_else(|e| panic!("cannot click {selector}: {e:#}"));
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
            let down = Input::DispatchKeyEvent {
                Type: Input::DispatchKeyEventTypeOption::KeyDown,
                modifiers: shift.then_some(8),
                timestamp: None,
                text: Some(s.clone()),
                unmodified_text: Some(if shift { s.to_lowercase() } else { s.clone() }),
                key_identifier: None,
                code: code.clone(),
                key: Some(s.clone()),
                windows_virtual_key_code: Some(vk),
                native_virtual_key_code: Some(vk),
                auto_repeat: None,
                is_keypad: None,
                is_system_key: None,
                location: None,
                commands: None,
            };
            self.dispatch_key(down.clone(), &s);
            self.dispatch_key(
                Input::DispatchKeyEvent {
                    Type: Input::DispatchKeyEventTypeOption::KeyUp,
                    text: None,
                    unmodified_text: None,
                    ..down
                },
                &s,
            );
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
        let down = Input::DispatchKeyEvent {
            Type: if text.is_some() {
                Input::DispatchKeyEventTypeOption::KeyDown
            } else {
                Input::DispatchKeyEventTypeOption::RawKeyDown
            },
            modifiers: None,
            timestamp: None,
            text: text.map(str::to_string),
            unmodified_text: text.map(str::to_string),
            key_identifier: None,
            code: Some(code.to_string()),
            key: Some(key.to_string()),
            windows_virtual_key_code: Some(vk as u32),
            native_virtual_key_code: Some(vk as u32),
            auto_repeat: None,
            is_keypad: None,
            is_system_key: None,
            location: None,
            commands: None,
        };
        self.dispatch_key(down.clone(), key);
        self.dispatch_key(
            Input::DispatchKeyEvent {
                Type: Input::DispatchKeyEventTypeOption::KeyUp,
                text: None,
                unmodified_text: None,
                ..down
            },
            key,
        );
    }

    fn dispatch_key(&self, event: Input::DispatchKeyEvent, key: &str) {
        self.tab
            .call_method(event)
            .unwrap_or_else(|e| panic!("cannot press {key:?}: {e:#}"));
    }

    /// Emulates a viewport of `width`×`height` CSS pixels (`mobile`: a phone's
    /// viewport meta handling and touch-sized scrollbars).
    pub fn set_viewport(&self, width: u32, height: u32, mobile: bool) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                device_scale_factor: 1.0,
                mobile,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .expect("Emulation.setDeviceMetricsOverride");
    }

    /// Emulates CSS media: the media type (`"print"`, `"screen"`, or `""` for
    /// the default) and media features such as `("prefers-color-scheme",
    /// "dark")` or `("prefers-reduced-motion", "reduce")`. Each call replaces
    /// the previous emulation; `emulate_media("", &[])` ends it.
    pub fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        self.tab
            .call_method(Emulation::SetEmulatedMedia {
                media: Some(media.to_string()),
                features: Some(
                    features
                        .iter()
                        .map(|(name, value)| Emulation::MediaFeature {
                            name: name.to_string(),
                            value: value.to_string(),
                        })
                        .collect(),
                ),
            })
            .expect("Emulation.setEmulatedMedia");
    }

    /// The reader's preferred languages, as an `Accept-Language` value
    /// (`"hr-HR,hr;q=0.9"`): sets `navigator.languages` and the header.
    pub fn set_languages(&self, accept_language: &str) {
        let user_agent = self.eval_string("navigator.userAgent");
        self.tab
            .call_method(Emulation::SetUserAgentOverride {
                user_agent,
                accept_language: Some(accept_language.to_string()),
                platform: None,
                user_agent_metadata: None,
            })
            .expect("Emulation.setUserAgentOverride");
    }

    /// Turns JavaScript off (for the next documents) or back on.
    pub fn set_scripts_enabled(&self, enabled: bool) {
        self.tab
            .call_method(Emulation::SetScriptExecutionDisabled { value: !enabled })
            .expect("Emulation.setScriptExecutionDisabled");
    }

    /// The value of an expression that gives a promise, once it settles,
    /// through JSON; a rejection fails the test.
    #[track_caller]
    pub fn eval_async(&self, expression: &str) -> Value {
        let wrapped = format!(
            "(async () => {{ try {{ return JSON.stringify({{ ok: await ({expression}) }}); }} \
             catch (e) {{ return JSON.stringify({{ error: String(e && e.stack || e) }}); }} }})()"
        );
        let result = self
            .tab
            .evaluate(&wrapped, true)
            .unwrap_or_else(|e| panic!("cannot evaluate `{expression}`: {e:#}"));
        let text = match result.value {
            Some(Value::String(s)) => s,
            other => panic!("evaluating `{expression}` gave {other:?}"),
        };
        let mut parsed: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("evaluating `{expression}`: bad JSON: {e}"));
        if let Some(error) = parsed.get("error") {
            panic!("`{expression}` failed: {error}\n{}", self.describe());
        }
        parsed.get_mut("ok").map(Value::take).unwrap_or(Value::Null)
    }

    /// A PNG of the viewport, written to `path` (folders created).
    pub fn screenshot(&self, path: &Path) {
        let png = self
            .tab
            .capture_screenshot(Cdp::CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("Page.captureScreenshot");
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
        let state = self.tab.evaluate(
            "JSON.stringify({ location: location.href, \
             focused: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null, \
             searchBoxes: Array.from(document.querySelectorAll('input[type=search]')).map(i => i.value), \
             searchResults: Array.from(document.querySelectorAll('#search-results')).map(e => e.outerHTML.slice(0, 1500)) })",
            false,
        );
        let state = match state {
            Ok(r) => r.value.map(|v| v.to_string()).unwrap_or_default(),
            Err(e) => format!("(cannot read the page: {e:#})"),
        };
        format!(
            "  page: {state}\n  exceptions: {:?}\n  dialogs: {:?}",
            self.errors(),
            self.dialogs()
        )
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = self.tab.close(false);
    }
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

/// A static file server for a folder, on 127.0.0.1 with a port of the
/// system's choosing, stopped on drop. GET only; `/dir/` serves
/// `dir/index.html`, `/dir` redirects to `/dir/`; `..` is refused.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: &Path) -> StaticServer {
        let root = root
            .canonicalize()
            .unwrap_or_else(|e| panic!("cannot serve {}: {e}", root.display()));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &root);
                });
            }
        });
        StaticServer {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/<path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wake the accept loop
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn serve(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers, up to the blank line.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            &[("Allow", "GET")],
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            &[],
        );
    };
    if !decoded.starts_with('/') {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            &[],
        );
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && !decoded.contains('\\')
        && !decoded.contains('\0');
    if !safe {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain",
            b"forbidden\n",
            &[],
        );
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            let location = format!("{path}/");
            return respond(
                &mut stream,
                "301 Moved Permanently",
                "text/plain",
                b"",
                &[("Location", &location)],
            );
        }
        file = file.join("index.html");
    } else if decoded.ends_with('/') {
        return not_found(&mut stream, root);
    }
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, "200 OK", content_type(&file), &body, &[]),
        Err(_) => not_found(&mut stream, root),
    }
}

fn not_found(stream: &mut TcpStream, root: &Path) -> std::io::Result<()> {
    match std::fs::read(root.join("404.html")) {
        Ok(body) => respond(
            stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            &body,
            &[],
        ),
        Err(_) => respond(stream, "404 Not Found", "text/plain", b"not found\n", &[]),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    headers: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A raw HTTP GET, for testing the server itself (a browser normalizes `..`
/// away before sending): the status line, the headers, and the body.
pub fn raw_get(addr: SocketAddr, target: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let body = response[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("").to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body)
}

/// Where a built site is opened from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Via {
    Http,
    File,
}

pub const VIAS: [Via; 2] = [Via::Http, Via::File];

/// A built site reachable over HTTP and from `file://`.
pub struct Served {
    public: PathBuf,
    server: StaticServer,
}

impl Served {
    pub fn new(public: &Path) -> Served {
        Served {
            public: public.to_path_buf(),
            server: StaticServer::start(public),
        }
    }

    /// The site root, ending in `/`.
    pub fn root(&self, via: Via) -> String {
        match via {
            Via::Http => self.server.url(""),
            Via::File => format!("{}/", file_url(&self.public)),
        }
    }

    /// A page of the site, by its path in `public/` (`pt/index.html`); `""`: the root.
    pub fn url(&self, via: Via, path: &str) -> String {
        format!("{}{path}", self.root(via))
    }

    /// A link to `article` (`pt/slug/`) as a result shows it: from `file://`
    /// it names the `index.html`, as there is no directory index there.
    pub fn article(&self, via: Via, article: &str) -> String {
        match via {
            Via::Http => self.url(via, article),
            Via::File => self.url(via, &format!("{article}index.html")),
        }
    }
}
