//! `polybook serve`: the work is in [`crate::serve`]; this only starts it.

use super::Report;
use crate::cli::ServeArgs;
use crate::serve::ServeOptions;

pub fn run(args: ServeArgs) -> Report {
    // Outside a site there is no "last good version" to serve.
    if let Err(problem) = crate::config::require_site(&args.root) {
        return Report::failed(problem.into(), "serve failed");
    }
    let options = ServeOptions {
        root: args.root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        drafts: args.drafts,
        edit: !args.read_only,
    };
    match crate::serve::run(options) {
        Ok(()) => Report::done(Default::default(), None),
        Err(problems) => Report::failed(problems, "serve failed"),
    }
}
