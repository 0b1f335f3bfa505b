//! `polybook import DIR` for a whole docs site: plans the import
//! (`import::site::plan`), then writes each new file, never over one.

use super::import_plan::{self, Writing};
use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::site::{self, layout::Layout, Options};
use std::path::{Path, PathBuf};

/// The folder to import as a docs site, when the arguments name one.
pub fn docs_site(args: &ImportArgs, config: &SiteConfig) -> Option<PathBuf> {
    let [dir] = args.paths.as_slice() else {
        return None;
    };
    if !dir.is_dir() {
        return None;
    }
    if args.layout.is_some() {
        return Some(dir.clone());
    }
    let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let topics = crate::content::topics::Topics::default();
    let site = site::Site {
        languages: &languages,
        default_language: &config.default_language,
        topics: &topics,
    };
    let has_mdx = site::layout::page_files(dir)
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "mdx"));
    (site::detect(dir, &site).is_some() || has_mdx).then(|| dir.clone())
}

pub fn run(args: &ImportArgs, config: &SiteConfig, dir: &Path) -> Report {
    let started = std::time::Instant::now();
    let layout = match args
        .layout
        .as_deref()
        .map(|name| (name, Layout::parse(name)))
    {
        Some((name, None)) => {
            let d = Diagnostic::error(
                dir,
                format!("--layout {name} is not a layout polybook knows"),
            )
            .hint("use folders, docusaurus, suffixes or single");
            return Report::failed(d.into(), "import failed");
        }
        Some((_, layout)) => layout,
        None => None,
    };
    let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    if let Some(lang) = args
        .lang
        .as_deref()
        .filter(|l| !languages.iter().any(|c| c == l))
    {
        let d = Diagnostic::error("--lang", format!("`{lang}` is not a language of this site"))
            .hint(format!("pass one of: {}", languages.join(", ")));
        return Report::failed(d.into(), "import failed");
    }
    let topics = match import_plan::load_topics(config) {
        Ok(t) => t,
        Err(d) => return Report::failed(d, "import failed"),
    };
    let site = site::Site {
        languages: &languages,
        default_language: &config.default_language,
        topics: &topics,
    };
    let options = Options {
        layout,
        lang: args.lang.clone(),
        publish: args.publish,
    };
    let plan = match site::plan(dir, &site, &options) {
        Ok(plan) => plan,
        Err(d) => return Report::failed(d.into(), "import failed"),
    };
    let mut problems = Diagnostics::default();
    problems.extend(plan.problems.iter().cloned());
    println!("layout: {}", plan.layout.name());
    let how = Writing {
        dry_run: args.dry_run,
        list: false,
        keep_existing_sections: false,
    };
    let written = import_plan::write(&plan.files, &config.content_dir(), &how, &mut problems);
    for line in &plan.summary {
        println!("{line}");
    }
    let anchors_line = anchors_setting(config, &plan, args.dry_run, &mut problems);
    if let Some(line) = anchors_line {
        println!("{line}");
    }
    let counts = plan.links;
    println!(
        "{} page(s), {} translation group(s); addresses kept for {} of {}; links resolved: {} of {} to pages and files, {} of {} to headings",
        plan.pages, plan.groups, plan.addresses_kept, plan.pages,
        counts.resolved, counts.internal, counts.anchors_resolved, counts.anchors
    );
    let last = import_plan::closing_line(args, written, dir, started);
    if problems.has_errors() {
        return Report::failed(
            problems,
            "import failed for the files named above; the others were imported",
        );
    }
    Report::done(problems, Some(last))
}

/// Broken anchors in the source make them warnings in site.toml, and say so.
fn anchors_setting(
    config: &SiteConfig,
    plan: &site::Plan,
    dry_run: bool,
    problems: &mut Diagnostics,
) -> Option<String> {
    if plan.broken_anchors == 0 || config.broken_anchors == crate::config::BrokenAnchors::Warning {
        return None;
    }
    let path = config.config_path();
    if dry_run {
        return Some(format!("{} link(s) name headings the source lacks: would set broken_anchors = \"warning\" in site.toml", plan.broken_anchors));
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(crate::fs::io_error(&path, "read", e));
            return None;
        }
    };
    // Top-level keys go before the first table.
    let at = text
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with('['))
        .map_or(text.len(), |(start, _)| start);
    let line = "# Set by polybook import: the source links to headings it lacks (listed in its report).\n# Fix them, then remove this line so a broken anchor fails the build again.\nbroken_anchors = \"warning\"\n\n";
    let mut new = String::with_capacity(text.len() + line.len());
    new.push_str(&text[..at]);
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(line);
    new.push_str(&text[at..]);
    if let Err(e) = crate::fs::write_atomic(&path, new.as_bytes()) {
        problems.push(e);
        return None;
    }
    Some(format!("{} link(s) name headings the source lacks: set broken_anchors = \"warning\" in site.toml, so the site builds while you fix them", plan.broken_anchors))
}
