//! `polybook import FILE` for text, Markdown and HTML: any bytes, read as
//! each of the three with and without `--clean`, with the language given or
//! detected, must give a page or a refusal, never a panic; a page lands
//! inside its language's folder with front matter the build reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::content::front_matter::{self, FrontMatter};
use polybook::import::{self, Options};
use std::path::Path;

#[path = "../common/export_dir.rs"]
mod export_dir;

fuzz_target!(|data: &[u8]| {
    let site = ["pt".to_string(), "hr".to_string(), "es".to_string(), "it".to_string()];
    for (n, name) in ["in.txt", "in.md", "in.html"].iter().enumerate() {
        let options = Options {
            lang: (data.len() % 2 == 0).then(|| site[n].clone()),
            section: (n == 1).then(|| "guides/returns".to_string()),
            clean: data.first().is_some_and(|b| b % 2 == 1),
        };
        let Ok(page) = import::import(Path::new(name), data, &site, &options) else {
            continue;
        };
        let target = page.target.to_string_lossy();
        export_dir::assert_confined(&target);
        assert!(page.target.starts_with(&page.lang), "{target} is not under {}", page.lang);
        assert!(site.contains(&page.lang), "{} is not a site language", page.lang);
        let split = front_matter::split(&page.target, &page.text).expect("front matter is fenced");
        if let Err(d) = front_matter::parse::<FrontMatter>(&page.target, &page.text, &split) {
            panic!("{target}: {d}\n{}", page.text);
        }
    }
});
