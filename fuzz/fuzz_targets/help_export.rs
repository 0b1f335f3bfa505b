//! Help-center exports as saved from their APIs: any bytes as Zendesk's
//! `articles.json` and as one Freshdesk folder's articles, read and planned
//! into a pt/hr site, never panic; every planned file stays inside
//! `content/` and every page's front matter is one the build reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::content::topics::Topics;
use polybook::import::help::{self, freshdesk, zendesk};
use polybook::import::site::Site;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../common/export_dir.rs"]
mod export_dir;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| export_dir::scratch("help"))
}

fuzz_target!(|data: &[u8]| {
    let languages = ["pt".to_string(), "hr".to_string()];
    let topics = Topics::default();
    let site = Site {
        languages: &languages,
        default_language: "pt",
        topics: &topics,
    };
    let dir = dir();
    export_dir::fill(dir, &[("articles.json", data), ("sections.json", b"[]")]);
    let plan = help::plan(zendesk::read(dir), &site, false);
    export_dir::assert_plan_sound(&plan.files, dir);

    export_dir::fill(
        dir,
        &[
            ("categories.json", b"[{\"id\": 1, \"name\": \"Geral\"}]"),
            ("folders/1.json", b"[{\"id\": 2, \"name\": \"Clientes\"}]"),
            ("articles/2.json", data),
            ("translations/hr/articles/2.json", data),
        ],
    );
    let plan = help::plan(freshdesk::read(dir, "pt"), &site, true);
    export_dir::assert_plan_sound(&plan.files, dir);
});
