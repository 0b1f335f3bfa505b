//! Offline reading's files, as a build writes them: each language's
//! `offline.json` lists exactly its own files (everything under `<lang>/`, the
//! search text of its pages) and the files every language shares (the theme's
//! files, the rest of the search index), with their sizes; the worker names the
//! build; `offline = false` writes neither. The browser side is
//! tests/testsuite/browser_offline.rs.

use crate::support;

use serde_json::Value;
use std::collections::BTreeMap;
use support::{page, site_toml, Site};

fn site(extra: &str) -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(extra))
        .write("content/pt/agua.md", &page("Água", "", "Chuva e rios.\n"))
        .write("content/pt/fogo.md", &page("Fogo", "", "Lareira.\n"))
        .write("content/pt/img/foto.png", "not really a picture")
        .write("content/hr/more.md", &page("More", "", "Valovi.\n"));
    site
}

fn list(site: &Site, lang: &str) -> Value {
    serde_json::from_str(&site.read(&format!("{lang}/offline.json"))).unwrap()
}

fn entries(list: &Value, key: &str) -> BTreeMap<String, u64> {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e[0].as_str().unwrap().to_string(), e[1].as_u64().unwrap()))
        .collect()
}

#[test]
fn each_list_holds_its_language_and_the_shared_files_with_their_sizes() {
    let site = site("");
    site.build().assert_ok();
    let files: BTreeMap<String, u64> = site
        .snapshot()
        .into_iter()
        .map(|(path, bytes)| (path, bytes.len() as u64))
        .collect();
    let search = files
        .keys()
        .find_map(|p| p.strip_suffix("manifest.js"))
        .expect("a search index")
        .to_string();
    // Which language each document of the search index is in.
    let doc_lang = |path: &str| -> String {
        let text = site.read(path);
        let at = text
            .find("\"lang\":\"")
            .expect("a document names its language")
            + 8;
        text[at..at + 2].to_string()
    };
    let mut builds = Vec::new();
    for lang in ["pt", "hr"] {
        let list = list(&site, lang);
        let own = entries(&list, "own");
        let shared = entries(&list, "shared");
        let expected_own: BTreeMap<String, u64> = files
            .iter()
            .filter(|(p, _)| {
                (p.starts_with(&format!("{lang}/")) && **p != format!("{lang}/offline.json"))
                    || (p.starts_with(&format!("{search}docs/")) && doc_lang(p) == lang)
            })
            .map(|(p, n)| (p.clone(), *n))
            .collect();
        let expected_shared: BTreeMap<String, u64> = files
            .iter()
            .filter(|(p, _)| {
                (p.starts_with(&search) && !p.starts_with(&format!("{search}docs/")))
                    || p.starts_with("style.")
                    || p.starts_with("polybook.")
                    || p.starts_with("offline.")
            })
            .map(|(p, n)| (p.clone(), *n))
            .collect();
        assert_eq!(own, expected_own, "{lang}: own files");
        assert_eq!(shared, expected_shared, "{lang}: shared files");
        assert!(own.contains_key(&format!("{lang}/index.html")));
        let total: u64 = own.values().chain(shared.values()).sum();
        assert_eq!(list["bytes"].as_u64(), Some(total), "{lang}: bytes");
        let pages = own.keys().filter(|p| p.ends_with(".html")).count();
        assert_eq!(list["pages"].as_u64(), Some(pages as u64));
        // The home says as much before the script adds the size.
        let home = site.read(&format!("{lang}/index.html"));
        assert!(
            home.contains(&format!("data-offline-size>{pages} ")),
            "{lang}: the home's page count"
        );
        builds.push(list["build"].as_str().unwrap().to_string());
    }
    assert!(entries(&list(&site, "pt"), "own").contains_key("pt/img/foto.png"));
    assert_eq!(builds[0], builds[1]);
    let worker = site.read("service-worker.js");
    assert!(worker.contains(&format!("\"build\":\"{}\"", builds[0])));
    assert!(site
        .read("pt/agua/index.html")
        .contains("data-offline-worker=\"../../service-worker.js\""));

    // Any change makes another build, and another worker.
    site.write(
        "content/hr/more.md",
        &page("More", "", "Valovi i vjetar.\n"),
    );
    site.build().assert_ok();
    assert_ne!(list(&site, "pt")["build"].as_str().unwrap(), builds[0]);
    assert_ne!(site.read("service-worker.js"), worker);
}

#[test]
fn offline_false_writes_no_worker_and_registers_none() {
    let site = site("offline = false");
    site.build().assert_ok();
    assert!(!site.exists("service-worker.js"));
    assert!(!site.exists("pt/offline.json"));
    let home = site.read("pt/index.html");
    assert!(!home.contains("data-offline"), "{home}");
}

#[test]
fn offline_must_be_true_or_false() {
    let site = site("offline = \"no\"");
    site.build().assert_failed_with(
        "site.toml:4:11: error: `offline` must be true or false, not the text \"no\"",
    );
}
