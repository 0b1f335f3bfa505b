//! The command line: `polybook build | check`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "polybook",
    version,
    about = "Multilingual handbooks from Markdown: cross-linked, searchable, localized"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced whole, only on success).
    Build {
        /// The site's folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override base_url from site.toml (absolute URLs: sitemap, feeds, canonical).
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages with draft = true.
        #[arg(long)]
        drafts: bool,
    },
    /// Run every validation of build and write nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        drafts: bool,
    },
}
