//! Help-center articles: any UTF-8 as an article's HTML body (its first
//! line also its title and its address) planned into a site must never
//! panic, and every page planned must have front matter the build reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::content::front_matter::{self, FrontMatter};
use polybook::content::topics::Topics;
use polybook::import::help::{self, Article, Export, Translation};
use polybook::import::site::{Contents, Site};
use std::path::{Path, PathBuf};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = text.lines().next().unwrap_or("");
    let translation = |locale: &str| Translation {
        locale: locale.to_string(),
        title: first.to_string(),
        body: text.to_string(),
        draft: false,
        outdated: first.len() % 2 == 0,
        addresses: vec![format!("/hc/{locale}/articles/1-{first}")],
    };
    let export = Export {
        vendor: "Zendesk",
        groups: Vec::new(),
        articles: vec![Article {
            id: 1,
            group: None,
            file: PathBuf::from("articles.json"),
            labels: vec![first.to_string()],
            position: None,
            translations: vec![translation("pt-br"), translation("hr")],
        }],
        problems: Vec::new(),
    };
    let languages = ["pt".to_string(), "hr".to_string()];
    let topics = Topics::default();
    let site = Site {
        languages: &languages,
        default_language: "pt",
        topics: &topics,
    };
    let plan = help::plan(export, &site, false);
    for file in &plan.files {
        let Contents::Text(page) = &file.contents else {
            continue;
        };
        let path = Path::new(&file.target);
        let split = front_matter::split(path, page).expect("front matter is fenced");
        if let Err(d) = front_matter::parse::<FrontMatter>(path, page, &split) {
            panic!("{}: {d}\n{page}", file.target);
        }
    }
});
