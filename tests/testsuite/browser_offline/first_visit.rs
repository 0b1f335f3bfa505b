//! A first visit with the offline worker costs at most 1.1× the bytes of one
//! without it (issue #26), on a host that sends no cache headers: the worker
//! keeps what the page has just received from the browser's HTTP cache
//! instead of downloading it again, and yet the page opens offline.
//!
//! Bytes are counted by the host, head and body, for the whole visit: the
//! page, its files, the worker and whatever the worker fetched.

use super::host::{Caching, Host};
use super::{go_offline, open, wait_async, wait_for_worker};
use crate::support::{browser::Browser, Site};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The repository's handbook, built with offline reading on or off, copied
/// to `<target>/tmp/browser_offline/<name>`.
fn handbook(offline: bool, name: &str) -> PathBuf {
    let site = Site::handbook();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let toml = toml.replacen("\ntheme = ", &format!("\noffline = {offline}\ntheme = "), 1);
    assert!(
        toml.contains("offline = "),
        "the handbook's site.toml names its theme"
    );
    site.write("site.toml", &toml);
    super::build(&site, name)
}

/// Waits until the host has sent nothing for a second (the page's late
/// requests and the worker's are over), and returns what it sent.
fn sent_once_quiet(host: &Host) -> (u64, String) {
    let start = Instant::now();
    let mut last = host.sent();
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let now = host.sent();
        if now.0 == last.0 {
            return now;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the host never went quiet:\n{}",
            now.1
        );
        last = now;
    }
}

const ARTICLE: &str = "pt/como-lidar-com-clientes-dificeis/index.html";

/// One reader's first visit to [`ARTICLE`], in a browser of its own.
fn first_visit(public: &Path, with_worker: bool) -> Option<(u64, String)> {
    let browser = Browser::launch()?;
    let host = Host::start_with(public, "/", Caching::Unsaid);
    let page = browser.page();
    open(&page, &host.url(ARTICLE), "pt", "clientes");
    page.wait_for(
        "the page to have loaded",
        "document.readyState === 'complete'",
    );
    if with_worker {
        wait_for_worker(&page);
        wait_async(&page, "the page to be kept", "caches.match(location.href)");
    }
    let sent = sent_once_quiet(&host);
    if with_worker {
        // Kept from what the page received, it opens offline.
        go_offline(&page, &host);
        open(&page, &host.url(ARTICLE), "pt", "clientes");
    }
    page.assert_clean();
    Some(sent)
}

#[test]
fn a_first_visit_with_the_worker_downloads_nothing_twice() {
    let without = handbook(false, "first-visit-without");
    let with = handbook(true, "first-visit-with");
    assert!(!without.join("service-worker.js").exists());
    assert!(with.join("service-worker.js").exists());
    let Some((bytes_without, log_without)) = first_visit(&without, false) else {
        return;
    };
    let (bytes_with, log_with) = first_visit(&with, true).expect("Chromium launched once");
    let ratio = bytes_with as f64 / bytes_without as f64;
    eprintln!(
        "first visit to {ARTICLE}: {bytes_without} bytes without the worker, \
         {bytes_with} with it ({ratio:.3}×)"
    );
    assert!(
        ratio <= 1.1,
        "a first visit with the worker cost {ratio:.3}× one without\n\
         without:\n{log_without}with:\n{log_with}"
    );
}
