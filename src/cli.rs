//! The command line: `polybook build | serve | check | new | search | init | import | theme eject`.

use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

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
    Build(BuildArgs),
    /// Serve the site from memory with live reload; rebuild what each change touches.
    Serve(ServeArgs),
    /// Run every validation of build and write nothing.
    Check(CheckArgs),
    /// Create a page with valid front matter (a draft), optionally translating another.
    New(NewArgs),
    /// Search the handbook from the command line, with the browser's ranking.
    Search(SearchArgs),
    /// Create a new site in DIR: site.toml, an example page per language, topics.
    Init(InitArgs),
    /// Bring existing guidance in as draft pages: files (.txt, .md, .html, .docx, .odt), a docs site, or a help-center, Confluence or Notion export.
    Import(ImportArgs),
    /// Work with the built-in theme.
    #[command(subcommand)]
    Theme(ThemeCommand),
}

#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Write the built-in theme to themes/NAME/ to change it (never overwrites a file).
    Eject(EjectArgs),
    /// Write locales/LANG/main.ftl: every UI message commented out with its text, to translate.
    Locale(LocaleArgs),
}

impl Command {
    /// The site's folder, against which diagnostics show their paths.
    pub fn root(&self) -> &Path {
        match self {
            Command::Build(a) => &a.root,
            Command::Serve(a) => &a.root,
            Command::Check(a) => &a.root,
            Command::New(a) => &a.root,
            Command::Search(a) => &a.root,
            // Paths print as given: the folder to create is not yet a site.
            Command::Init(_) => Path::new("."),
            Command::Import(a) => &a.root,
            Command::Theme(ThemeCommand::Eject(a)) => &a.root,
            Command::Theme(ThemeCommand::Locale(a)) => &a.root,
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site's folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/public].
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Override base_url from site.toml (absolute URLs: sitemap, feeds, canonical).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages with draft = true.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site's folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 1111, value_parser = port)]
    pub port: u16,
    /// The address to listen on; anything but loopback opens the site to the network.
    #[arg(long, default_value = "127.0.0.1", value_parser = address)]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Include pages with draft = true.
    #[arg(long)]
    pub drafts: bool,
    /// No editing desk: no "Edit" on pages, and nothing can be written from the browser.
    #[arg(long)]
    pub read_only: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long)]
    pub drafts: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// List, per language and owner, pages past their review date, pages with no owner,
    /// translations missing and translations older than another language's version.
    #[arg(long)]
    pub review: bool,
    /// The day the review lists are for (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE", requires = "review")]
    pub as_of: Option<String>,
    /// Print the review lists as JSON, for tooling.
    #[arg(long, requires = "review")]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// `<lang>/[<section>/]<slug>`, e.g. `hr/kako-slusati`.
    pub target: String,
    #[arg(long)]
    pub title: Option<String>,
    /// The page this one translates (copies its translation key and topics).
    #[arg(long)]
    pub translation_of: Option<PathBuf>,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; the last word also matches as a prefix. Empty ("")
    /// with --topic or --section lists their pages.
    pub query: String,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// A language code, or `all`.
    #[arg(long, default_value = "all")]
    pub lang: String,
    /// How many results to print.
    #[arg(long, default_value_t = 10, value_parser = count)]
    pub limit: usize,
    /// Only pages with this topic (an id of content/topics.toml).
    #[arg(long)]
    pub topic: Option<String>,
    /// Only pages of this section (a folder of content/<lang>/).
    #[arg(long)]
    pub section: Option<String>,
    /// Print the answer as one JSON object: its `results` (each with its `sections`), `total`, `corrections`, `also_searched`, `facets`, `suggested_topics` and `in_all_languages`.
    #[arg(long)]
    pub json: bool,
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in (made if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's languages, the first being the default: `pt,hr` (spaces after
    /// commas are fine) [default: en; with --force, those of an existing site.toml].
    #[arg(long, value_delimiter = ',')]
    pub languages: Option<Vec<String>>,
    #[arg(long, default_value = "Handbook")]
    pub title: String,
    /// Create the site in a folder that is not empty, keeping every file already there.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LocaleArgs {
    /// The language code (`de`, `pt-BR`).
    pub language: String,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or folders (read recursively, sorted) of .txt, .md, .html, .docx or .odt; or one docs site's or help-center export's folder.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The pages' language (a code of site.toml) [default: detected per file].
    #[arg(long)]
    pub lang: Option<String>,
    /// Write into content/<lang>/<section>/ instead of the language's root.
    #[arg(long)]
    pub section: Option<String>,
    /// Print what would be written (paths, languages, titles, warnings); write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Remove the debris the importer is sure of (summary and teaser blocks, bylines, repeated titles).
    #[arg(long)]
    pub clean: bool,
    /// How a docs site lays out its languages: folders, docusaurus, suffixes or single [default: detected].
    #[arg(long)]
    pub layout: Option<String>,
    /// Write a docs site's pages as published (draft = false), but those its source marks as drafts.
    #[arg(long)]
    pub publish: bool,
    /// What the paths hold: docx, odt, zendesk, freshdesk, confluence or notion [default: detected by extension or by a folder's files].
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct EjectArgs {
    /// The folder under themes/ to write.
    #[arg(default_value = "default")]
    pub name: String,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

// clap shows a parser's own error after the flag's name; Rust's would read
// "invalid digit found in string".

fn port(value: &str) -> Result<u16, String> {
    value
        .trim()
        .parse()
        .map_err(|_| "a port is a whole number from 0 to 65535, like --port 1111".to_string())
}

fn count(value: &str) -> Result<usize, String> {
    value
        .trim()
        .parse()
        .map_err(|_| "write a whole number, 0 or more, like --limit 10".to_string())
}

fn address(value: &str) -> Result<std::net::IpAddr, String> {
    value.trim().parse().map_err(|_| {
        "an address is an IP address, like --bind 127.0.0.1 or --bind 0.0.0.0".to_string()
    })
}
