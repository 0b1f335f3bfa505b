//! Links written as site paths (`/pt/b/#parte-dois`, `/handbook/pt/b/`, in
//! Markdown and in raw HTML) lead to their page in a real browser: from a
//! site at a host's root, under a subpath (`/handbook/`) and from `file://`,
//! since the build writes them relative.

use crate::support::{self, browser};

use browser::{file_url, Browser, StaticServer};
use std::path::{Path, PathBuf};
use support::{page as md_page, Site};

/// Each link's text on page A, and how it is written.
const LINKS: &[(&str, &str)] = &[
    ("Markdown", "/pt/b/#parte-dois"),
    ("Com a base", "/handbook/pt/b/"),
    ("Sem barra", "/pt/b"),
    ("HTML", "/pt/b/#parte-dois"),
];

/// The site built with `base_url`, into `<tmp>/browser_site_paths/<name>/public`.
fn build(name: &str, base_url: &str) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("browser_site_paths")
        .join(name);
    if out.exists() {
        std::fs::remove_dir_all(&out).unwrap();
    }
    let site = Site::new();
    // At a host's root, `/handbook/…` is no page of the site (and an error).
    let with_base = if base_url.ends_with("/handbook/") {
        "[Com a base](/handbook/pt/b/)"
    } else {
        "[Com a base](/pt/b/)"
    };
    site.write(
        "site.toml",
        &format!(
            "title = \"T\"\nbase_url = \"{base_url}\"\ndefault_language = \"pt\"\n\n\
             [languages.pt]\nname = \"Português\"\n"
        ),
    )
    .write(
        "content/pt/a.md",
        &md_page(
            "A",
            "",
            &format!(
                "[Markdown](/pt/b/#parte-dois)\n\n{with_base}\n\n[Sem barra](/pt/b)\n\n\
                 <p><a href=\"/pt/b/#parte-dois\">HTML</a></p>\n"
            ),
        ),
    )
    .write(
        "content/pt/b.md",
        &md_page("B", "", "## Parte um\n\nTexto.\n\n## Parte dois\n\nMais.\n"),
    );
    let public = out.join("public");
    support::polybook_in(
        site.root(),
        &["build", "--output", public.to_str().unwrap()],
    )
    .assert_ok();
    public
}

#[test]
fn site_path_links_are_written_relative_and_checked() {
    let public = build("check", "https://example.com/handbook/");
    let a = std::fs::read_to_string(public.join("pt/a/index.html")).unwrap();
    assert!(
        a.contains("href=\"../../pt/b/index.html#parte-dois\""),
        "{a}"
    );
    assert_eq!(
        a.matches("href=\"../../pt/b/index.html\"").count(),
        2,
        "{a}"
    );
    assert!(!a.contains("href=\"/pt"), "no site path is left: {a}");
    let b = std::fs::read_to_string(public.join("pt/b/index.html")).unwrap();
    assert!(
        b.contains("aria-labelledby=\"backlinks-title\""),
        "a site-path link is a backlink: {b}"
    );
}

#[test]
fn site_path_links_lead_to_their_page_at_the_root_under_a_subpath_and_from_files() {
    let at_root = build("root", "https://example.com/");
    let under = build("subpath", "https://example.com/handbook/");
    // Served under /handbook/: the host's folder holds the site in `handbook/`.
    let host = under.parent().unwrap().join("host");
    support::copy_dir(&under, &host.join("handbook"));
    let Some(browser) = Browser::launch() else {
        return;
    };
    let root_server = StaticServer::start(&at_root);
    let host_server = StaticServer::start(&host);
    let starts = [
        root_server.url("pt/a/"),
        host_server.url("handbook/pt/a/"),
        format!("{}/pt/a/index.html", file_url(&under)),
    ];
    let page = browser.page();
    for start in &starts {
        for (text, written) in LINKS {
            page.goto(start);
            page.eval(&format!(
                "[...document.querySelectorAll('main a')].find(a => a.textContent === {}).click()",
                browser::js_string(text)
            ));
            page.wait_for(
                &format!("{written} from {start} to open B"),
                "document.querySelector('h1') && document.querySelector('h1').textContent === 'B'",
            );
            let location = page.location();
            assert!(
                location.contains("pt/b/"),
                "{written} from {start} went to {location}"
            );
            if written.contains('#') {
                assert!(location.ends_with("#parte-dois"), "{location}");
            }
        }
    }
}
