//! Wiki-space exports: any bytes as a Confluence page (beside an index that
//! lists it) and as a Notion page (beside a database CSV), read and planned,
//! never panic; every planned file stays inside `content/`, attachments
//! come only from inside the export, and every page's front matter is one
//! the build reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::content::topics::Topics;
use polybook::import::site::Site;
use polybook::import::space::{self, confluence, notion};
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../common/export_dir.rs"]
mod export_dir;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| export_dir::scratch("space"))
}

const INDEX: &[u8] = b"<html><body><div id=\"main-content\"><h2>Available Pages:</h2><ul>\
<li><a href=\"Home_1.html\">Home</a><ul><li><a href=\"Page_2.html\">Page</a></li></ul></li>\
</ul></div></body></html>";
const HOME: &[u8] = b"<html><head><title>Space : Home</title></head><body>\
<div id=\"main-content\"><p>Start <a href=\"Page_2.html\">here</a>.</p>\
<img src=\"attachments/1/a.png\"></div></body></html>";
const CSV: &[u8] = b"Name,Tags,Owner\nPage,empathy,Ana\n";

fuzz_target!(|data: &[u8]| {
    let languages = ["pt".to_string(), "hr".to_string()];
    let topics = Topics::default();
    let site = Site {
        languages: &languages,
        default_language: "pt",
        topics: &topics,
    };
    let dir = dir();
    export_dir::fill(
        dir,
        &[
            ("index.html", INDEX),
            ("Home_1.html", HOME),
            ("Page_2.html", data),
            ("attachments/1/a.png", b"png"),
        ],
    );
    let plan = space::plan(confluence::read(dir), &site, Some("pt"), false);
    export_dir::assert_plan_sound(&plan.files, dir);

    export_dir::fill(
        dir,
        &[
            ("Home 0123456789abcdef0123456789abcdef.md", b"# Home\n\nSee [Page](Home%200123456789abcdef0123456789abcdef/Page%20fedcba9876543210fedcba9876543210.md).\n"),
            ("Home 0123456789abcdef0123456789abcdef/Page fedcba9876543210fedcba9876543210.md", data),
            ("Home 0123456789abcdef0123456789abcdef/Table 00112233445566778899aabbccddeeff.csv", CSV),
            ("Home 0123456789abcdef0123456789abcdef/a.png", b"png"),
        ],
    );
    let plan = space::plan(notion::read(dir, &topics), &site, None, true);
    export_dir::assert_plan_sound(&plan.files, dir);
});
