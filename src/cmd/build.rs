//! `polybook build`: builds and writes the site, or leaves the output as it was.

use super::Report;
use crate::cli::BuildArgs;
use crate::BuildOptions;
use std::time::Instant;

pub fn run(args: BuildArgs) -> Report {
    let options = BuildOptions {
        root: args.root,
        output: args.output,
        base_url: args.base_url,
        drafts: args.drafts,
    };
    let started = Instant::now();
    match crate::build(&options) {
        Ok(built) => {
            let line = format!(
                "built {} pages ({} files) into {} in {} ms",
                built.pages,
                built.files,
                built.output.display(),
                started.elapsed().as_millis()
            );
            Report::done(built.warnings, Some(line))
        }
        Err(problems) => Report::failed(problems, "build failed; the previous output is unchanged"),
    }
}
