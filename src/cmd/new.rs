//! `polybook new`: a page with valid front matter, optionally translating another.

use super::Report;
use crate::cli::NewArgs;
use crate::scaffold::{self, NewPage};

/// Prints the new page's path on stdout, for scripts.
pub fn run(args: NewArgs) -> Report {
    let page = NewPage {
        target: &args.target,
        title: args.title.as_deref(),
        translation_of: args.translation_of.as_deref(),
    };
    match crate::config::load(&args.root, None).and_then(|c| Ok(scaffold::create(&c, &page)?)) {
        Ok(created) => {
            if let Some(source) = created.keyed_source {
                eprintln!("added a translation_key to {}", source.display());
            }
            println!("{}", created.path.display());
            Report::done(Default::default(), None)
        }
        Err(problems) => Report::failed(problems, "new failed"),
    }
}
