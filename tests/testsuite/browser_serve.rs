//! `polybook serve` in a real browser: a tab left open on an article shows an
//! edit by itself (live reload), shows the error overlay for a broken save and
//! loses it after the fix. Needs Chromium, like tests/testsuite/browser_search.rs.

use crate::support::{self, browser};

use browser::{js_string, Browser};
use std::process::Child;
use std::time::Duration;
use support::{page, site_toml, Site};

/// A running `polybook serve --port 0`, killed on drop.
struct Serve {
    child: Child,
    url: String,
}

impl Serve {
    fn start(site: &Site) -> Serve {
        let (child, url, _log) = support::spawn_serve(site.root());
        Serve {
            child,
            url: url.trim_end_matches('/').to_string(),
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if self.child.kill().is_ok() {
            self.child.wait().ok();
        }
    }
}

fn contains(text: &str) -> String {
    format!("document.body.innerText.includes({})", js_string(text))
}

#[test]
fn an_open_tab_follows_edits_and_shows_the_overlay_for_broken_saves() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n",
        )
        .write(
            "content/pt/ouvir.md",
            &page(
                "Ouvir",
                "topics = [\"empathy\"]\n",
                "Primeira versão do texto.\n",
            ),
        );
    let serve = Serve::start(&site);
    let tab = browser.page();
    tab.goto(&format!("{}/pt/ouvir/", serve.url));
    tab.wait_for("the first version", &contains("Primeira versão"));
    // Give the live-reload connection a moment to open before the first save.
    std::thread::sleep(Duration::from_millis(300));

    site.write(
        "content/pt/ouvir.md",
        &page(
            "Ouvir",
            "topics = [\"empathy\"]\n",
            "Segunda versão, editada.\n",
        ),
    );
    tab.wait_for(
        "the edit, without the test reloading",
        &contains("Segunda versão, editada."),
    );

    site.write(
        "content/pt/ouvir.md",
        "+++\ntitle = \"Ouvir\"\ntopics = [\"empathy\"\n+++\nTexto.\n",
    );
    tab.wait_for(
        "the error overlay naming the file",
        &contains("content/pt/ouvir.md:"),
    );
    tab.wait_for(
        "the last good text under the overlay",
        &contains("Segunda versão, editada."),
    );

    site.write(
        "content/pt/ouvir.md",
        &page(
            "Ouvir",
            "topics = [\"empathy\"]\n",
            "Terceira versão, corrigida.\n",
        ),
    );
    tab.wait_for("the fix", &contains("Terceira versão, corrigida."));
    tab.wait_for(
        "the overlay gone",
        &format!("!{}", contains("content/pt/ouvir.md:")),
    );
    tab.assert_clean();
}
