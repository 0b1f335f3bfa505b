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
    /// Serve the site from memory with live reload; rebuild what each change touches.
    Serve {
        /// The site's folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but loopback opens the site to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
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
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Create a page with valid front matter (a draft), optionally translating another.
    New {
        /// `<lang>/[<section>/]<slug>`, e.g. `hr/kako-slusati`.
        target: String,
        #[arg(long)]
        title: Option<String>,
        /// The page this one translates (copies its translation key and topics).
        #[arg(long)]
        translation_of: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Search the handbook from the command line, with the browser's ranking.
    Search {
        /// What to look for; the last word also matches as a prefix.
        query: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// A language code, or `all`.
        #[arg(long, default_value = "all")]
        lang: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array of {url, path, title, lang, score, snippet}.
        #[arg(long)]
        json: bool,
        #[arg(long)]
        drafts: bool,
    },
}
