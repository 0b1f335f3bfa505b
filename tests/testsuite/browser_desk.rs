//! The editors' desk in a real browser (`polybook serve`): typing updates
//! the preview without saving, Save writes exactly the old bytes with the
//! change, a conflict is shown with nothing lost, unsaved text survives a
//! new tab, "Mark reviewed today" takes a page off the review list, a
//! translation made side by side builds as one, a translation behind its
//! source shows the source's changed section, and axe-core finds nothing on
//! the view, left to right and right to left, desktop and phone.

use crate::support::{self, browser};

use browser::{js_string, Browser, Page};
use std::process::{Child, Command};
use support::{page, site_toml, Site};

const PAGE: &str = "+++\r\n# Kept: a comment\r\ntitle = \"Ouvir\"   # short\r\ndescription = \"Sobre ouvir.\"\r\ntopics = [\"calm\"]\r\nowner = \"Ana\"\r\nreviewed = 2020-01-01\r\n+++\r\n## Um\r\n\r\nPrimeira versão.\r\n\r\n## Dois\r\n\r\nOuça o cliente.\r\n";

struct Serve {
    child: Child,
    url: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        if self.child.kill().is_ok() {
            self.child.wait().ok();
        }
    }
}

fn serve(site: &Site) -> Serve {
    let (child, url, _log) = support::spawn_serve(site.root());
    Serve {
        child,
        url: url.trim_end_matches('/').to_string(),
    }
}

fn site(extra_toml: &str) -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(extra_toml))
        .write(
            "content/topics.toml",
            "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\", en = \"Calm\" }\n\
             [listen]\nlabel = { pt = \"Escuta\", hr = \"Slušanje\", en = \"Listening\" }\n",
        )
        .write("content/pt/ouvir.md", PAGE);
    site
}

fn on_disk(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

fn preview_has(text: &str) -> String {
    format!(
        "(() => {{ const f = document.getElementById('preview'); \
           return !!(f && f.contentDocument && f.contentDocument.body && \
           f.contentDocument.body.innerText.includes({})); }})()",
        js_string(text)
    )
}

fn has_text(text: &str) -> String {
    format!("document.body.innerText.includes({})", js_string(text))
}

/// Puts the caret at the end of the first editor and types.
fn type_at_end(tab: &Page, selector: &str, text: &str) {
    tab.eval(&format!(
        "(() => {{ const t = document.querySelector({}); t.focus(); \
           t.setSelectionRange(t.value.length, t.value.length); return true; }})()",
        js_string(selector)
    ));
    tab.type_text(text);
}

fn open_desk(tab: &Page, serve: &Serve, query: &str) {
    tab.goto(&format!("{}/__polybook/desk/edit?{query}", serve.url));
    tab.wait_for("the desk", "document.getElementById('save') !== null");
}

#[test]
fn typing_previews_and_save_writes_only_the_change_and_reloads_other_tabs() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site("");
    let serve = serve(&site);
    let reader = browser.page();
    reader.goto(&format!("{}/pt/ouvir/", serve.url));
    reader.wait_for("the article", &has_text("Primeira versão."));
    reader.click("#polybook-edit");
    reader.wait_for(
        "the desk from the page's Edit",
        "document.getElementById('save') !== null",
    );
    reader.wait_for("the first preview", &preview_has("Primeira versão."));

    let reader = browser.page();
    reader.goto(&format!("{}/pt/ouvir/", serve.url));
    let desk = browser.page();
    open_desk(&desk, &serve, "page=/pt/ouvir/");
    desk.wait_for("the first preview", &preview_has("Primeira versão."));
    type_at_end(&desk, "#body", "Nova frase.");
    desk.wait_for("the preview of unsaved text", &preview_has("Nova frase."));
    assert_eq!(
        on_disk(&site, "content/pt/ouvir.md"),
        PAGE,
        "nothing saved yet"
    );

    desk.click("#save");
    desk.wait_for("saved", &has_text("Salvo"));
    assert_eq!(
        on_disk(&site, "content/pt/ouvir.md"),
        format!("{PAGE}Nova frase."),
        "the old bytes (comment, spacing, CRLF) with the change"
    );
    reader.wait_for("the other tab reloaded", &has_text("Nova frase."));
    desk.assert_clean();
}

#[test]
fn a_conflict_shows_both_versions_and_nothing_is_lost() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site("");
    let serve = serve(&site);
    let desk = browser.page();
    open_desk(&desk, &serve, "path=pt/ouvir.md");
    type_at_end(&desk, "#body", "Minha mudança.");
    desk.wait_for("the preview", &preview_has("Minha mudança."));

    // Kept in the browser: another tab of the desk gets the unsaved text back.
    let again = browser.page();
    open_desk(&again, &serve, "path=pt/ouvir.md");
    again.wait_for(
        "the unsaved text restored",
        "document.getElementById('discard') !== null && \
         document.getElementById('body').value.includes('Minha mudança.')",
    );

    let colleague = PAGE.replace("Primeira versão.", "Versão do colega.");
    site.write("content/pt/ouvir.md", &colleague);
    desk.click("#save");
    desk.wait_for(
        "the conflict",
        "document.getElementById('conflict') !== null",
    );
    desk.wait_for("both versions", "document.getElementById('conflict-theirs').textContent.includes('Versão do colega.') && document.getElementById('conflict-mine').textContent.includes('Minha mudança.')");
    assert_eq!(
        on_disk(&site, "content/pt/ouvir.md"),
        colleague,
        "not overwritten"
    );
    let kept = desk.eval_string("localStorage.getItem('polybook-desk:pt/ouvir.md')");
    assert!(kept.contains("Minha mudança."), "{kept}");

    desk.click("#keep-mine");
    desk.wait_for(
        "saved over it",
        "document.getElementById('conflict') === null",
    );
    let mine = on_disk(&site, "content/pt/ouvir.md");
    assert!(mine.contains("Minha mudança."), "{mine}");
    desk.assert_clean();
}

#[test]
fn mark_reviewed_today_takes_the_page_off_the_review_list() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site("[review]\nevery = \"12 months\"\n");
    let serve = serve(&site);
    let review = browser.page();
    review.goto(&format!("{}/pt/review/", serve.url));
    review.wait_for(
        "the page due for review",
        "document.querySelector('main').innerText.includes('Ouvir')",
    );

    let desk = browser.page();
    open_desk(&desk, &serve, "path=pt/ouvir.md");
    desk.click("#mark-reviewed");
    desk.click("#save");
    desk.wait_for("saved", &has_text("Salvo"));
    let today =
        desk.eval_string("JSON.parse(document.getElementById('desk-data').textContent).today");
    let saved = on_disk(&site, "content/pt/ouvir.md");
    assert_eq!(
        saved,
        PAGE.replace("reviewed = 2020-01-01", &format!("reviewed = {today}"))
    );
    review.wait_for(
        "off the review list",
        "!document.querySelector('main').innerText.includes('Ouvir')",
    );
    desk.assert_clean();
}

#[test]
fn a_translation_made_side_by_side_builds_as_a_translation() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site("");
    let serve = serve(&site);
    let desk = browser.page();
    open_desk(&desk, &serve, "path=pt/ouvir.md");
    let state = desk.eval("JSON.stringify(window.__deskState())");
    assert!(
        state.as_str().unwrap().ends_with("\"dirty\":false}"),
        "{state}"
    );
    desk.click("a.translate-to[lang=hr]");
    desk.wait_for(
        "side by side",
        "document.querySelectorAll('#side-by-side textarea').length === 2",
    );
    assert!(desk
        .eval(
            "document.querySelector('#side-by-side pre').textContent.includes('Primeira versão.')"
        )
        .as_bool()
        .unwrap());
    desk.click("#field-title");
    desk.type_text("Slušati");
    type_at_end(&desk, "#side-by-side textarea", "## Jedan\n\nPrva verzija.");
    desk.wait_for("the translation's preview", &preview_has("Prva verzija."));
    desk.click("#save");
    desk.wait_for("the new page opened for editing", "location.search.includes('path=hr%2Fouvir.md') && document.getElementById('delete') !== null");
    let made = on_disk(&site, "content/hr/ouvir.md");
    assert!(made.contains("translation_key = \"ouvir\""), "{made}");
    assert!(made.contains("topics = [\"calm\"]"), "{made}");
    assert!(made.contains("Prva verzija."), "{made}");
    let source = on_disk(&site, "content/pt/ouvir.md");
    assert_eq!(
        source,
        PAGE.replace(
            "reviewed = 2020-01-01\r\n",
            "reviewed = 2020-01-01\r\ntranslation_key = \"ouvir\"\r\n"
        ),
        "the source gets the key and nothing else"
    );
    site.build().assert_ok();
    let html = std::fs::read_to_string(site.public().join("hr/ouvir/index.html")).unwrap();
    assert!(
        html.contains("hreflang=\"pt\""),
        "the Croatian page names its Portuguese version"
    );
    desk.assert_clean();
}

fn git(site: &Site, args: &[&str], date: &str) {
    let status = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(site.root())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn a_translation_behind_its_source_shows_the_changed_section() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("note: git is not installed; the stale-translation diff is not tested");
        return;
    }
    let site = site("");
    let source = "+++\ntitle = \"Ouvir\"\ntranslation_key = \"ouvir\"\nupdated = 2024-01-05\n+++\n## Um\n\nFique calmo.\n\n## Dois\n\nOuça o cliente.\n";
    site.write("content/pt/ouvir.md", source).write(
        "content/hr/slusati.md",
        &page(
            "Slušati",
            "translation_key = \"ouvir\"\nreviewed = 2024-01-10\n",
            "## Jedan\n\nOstanite mirni.\n\n## Dva\n\nSlušajte klijenta.\n",
        ),
    );
    git(&site, &["init", "-q"], "2024-01-05T12:00:00");
    git(&site, &["add", "content"], "2024-01-05T12:00:00");
    git(
        &site,
        &["commit", "-q", "-m", "first"],
        "2024-01-05T12:00:00",
    );
    let newer = source
        .replace("updated = 2024-01-05", "updated = 2024-06-01")
        .replace(
            "Ouça o cliente.",
            "Ouça o cliente até o fim, sem interromper.",
        );
    site.write("content/pt/ouvir.md", &newer);
    git(
        &site,
        &["commit", "-q", "-am", "second"],
        "2024-06-01T12:00:00",
    );

    let serve = serve(&site);
    let desk = browser.page();
    open_desk(&desk, &serve, "page=/hr/slusati/");
    desk.wait_for(
        "the source's changes",
        "document.getElementById('behind') !== null",
    );
    let diff = desk.eval_string("document.getElementById('behind').innerText");
    assert!(
        diff.contains("Dois"),
        "the changed section is named: {diff}"
    );
    let added = desk.eval_string(
        "[...document.querySelectorAll('#behind ins')].map(e => e.textContent).join('|')",
    );
    assert!(added.contains("até o fim"), "{added}");
    let unchanged = desk.eval_string("[...document.querySelectorAll('#behind .section-unchanged')].map(e => e.textContent).join('|')");
    assert!(
        unchanged.contains("Um"),
        "the unchanged section says so: {unchanged}"
    );
    desk.assert_clean();
}

#[test]
fn the_desk_passes_axe_left_to_right_and_right_to_left_on_desktop_and_phone() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = site("\n[languages.ar]\nname = \"العربية\"\nweight = 3\n");
    site.write(
        "content/ar/istima.md",
        "+++\ntitle = \"الاستماع\"\ntranslation_key = \"ouvir\"\ntopics = [\"calm\"]\n+++\n## واحد\n\nاستمع إلى العميل.\n",
    );
    let serve = serve(&site);
    let mut problems = Vec::new();
    for (query, dir) in [("path=pt/ouvir.md", "ltr"), ("path=ar/istima.md", "rtl")] {
        for (width, height, mobile) in [(1280, 900, false), (390, 844, true)] {
            let tab = browser.page();
            tab.add_script_on_load(browser::AXE);
            tab.set_viewport(width, height, mobile);
            open_desk(&tab, &serve, query);
            tab.wait_for(
                "the preview",
                "document.getElementById('preview').srcdoc !== ''",
            );
            assert_eq!(tab.eval_string("document.documentElement.dir"), dir);
            for violation in tab.axe_violations() {
                problems.push(format!("{query} at {width}px: {violation}"));
            }
            let sideways = tab
                .eval("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .as_f64()
                .unwrap();
            if sideways > 0.0 {
                problems.push(format!(
                    "{query} at {width}px scrolls sideways by {sideways}px"
                ));
            }
            tab.assert_clean();
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
