//! `polybook import`: existing guidance as draft pages under `content/`.
//! Each file is imported or reported on its own; one failure does not stop
//! the others, and the run fails at the end if any did.

use super::Report;
use crate::cli::ImportArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::{self, office, Options};
use crate::text::slug::slugify;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Prints each page written (or, with --dry-run, that would be) on stdout.
pub fn run(args: ImportArgs) -> Report {
    let config = match crate::config::load(&args.root, None) {
        Ok(c) => c,
        Err(problems) => return Report::failed(problems, "import failed"),
    };
    let site: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    if let Some(lang) = &args.lang {
        if !site.contains(lang) {
            let d = Diagnostic::error(
                config.config_path(),
                format!("--lang {lang} is not a language of this site"),
            )
            .hint(format!("pass one of: {}", site.join(", ")));
            return Report::failed(d.into(), "import failed");
        }
    }
    if let Some(section) = &args.section {
        let ok = section.split('/').all(|s| !s.is_empty() && slugify(s) == s);
        if !ok {
            let d = Diagnostic::error(
                &args.root,
                format!("--section {section:?} is not a section address"),
            )
            .hint(format!(
                "use lowercase letters, digits and dashes, folders joined by `/`: {}",
                slugify(section)
            ));
            return Report::failed(d.into(), "import failed");
        }
    }
    let from = match From::parse(args.from.as_deref(), &args.root) {
        Ok(from) => from,
        Err(d) => return Report::failed(d.into(), "import failed"),
    };
    if let Some(kind) = super::import_help::export(&args, from.help_center()) {
        return super::import_help::run(&args, &config, kind);
    }
    if let Some(kind) = super::import_space::export(&args, from.space()) {
        return super::import_space::run(&args, &config, kind);
    }
    if from.is_none() {
        if let Some(dir) = super::import_site::docs_site(&args, &config) {
            return super::import_site::run(&args, &config, &dir);
        }
    }
    let options = Options {
        lang: args.lang.clone(),
        section: args.section.clone(),
        clean: args.clean,
    };
    let mut problems = Diagnostics::default();
    let files = sources(&args.paths, from.office(), &mut problems);
    let content = config.content_dir();
    let mut planned = HashSet::new();
    let mut imported = 0;
    for file in files {
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                problems.push(
                    Diagnostic::error(&file, format!("cannot read it: {e}"))
                        .hint("check that the file exists and that you may read it"),
                );
                continue;
            }
        };
        let office = from.office().or_else(|| office::format_of(&file));
        let imported_file = match office {
            Some(format) => office::import(&file, &bytes, Some(format), &site, &options),
            None => import::import(&file, &bytes, &site, &options).map(|page| office::Imported {
                page,
                files: Vec::new(),
            }),
        };
        let office::Imported { page, files } = match imported_file {
            Ok(imported) => imported,
            Err(list) => {
                problems.extend(list);
                continue;
            }
        };
        problems.extend(page.warnings.iter().cloned());
        let targets: Vec<PathBuf> = std::iter::once(page.target.clone())
            .chain(files.iter().map(|(t, _)| t.clone()))
            .collect();
        if let Some(message) = taken(&content, &targets, &planned) {
            problems.push(Diagnostic::error(&file, message)
                .hint("remove or rename the existing page, import into another section with --section, or (for a .md source) set another `slug` in its front matter"));
            continue;
        }
        planned.extend(targets.iter().map(|t| content.join(t)));
        let shown = Path::new("content").join(&page.target);
        let what = format!(
            "{} ({}, \"{}\") from {}{}",
            shown.display(),
            page.lang,
            page.title,
            file.display(),
            if files.is_empty() {
                String::new()
            } else {
                format!(", with {} image(s)", files.len())
            }
        );
        if args.dry_run {
            println!("would write {what}");
        } else if let Err(d) = write_page(&content, &page, &files) {
            problems.push(d);
            continue;
        } else {
            println!("wrote {what}");
        }
        imported += 1;
    }
    if problems.has_errors() {
        return Report::failed(problems, "import failed");
    }
    let line = if args.dry_run {
        format!("{imported} page(s) would be written; nothing was (--dry-run)")
    } else {
        format!("imported {imported} page(s) as drafts: review them, then set draft = false")
    };
    Report::done(problems, Some(line))
}

/// What `--from` names; `None` when the sources are told apart by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum From {
    Detect,
    Office(office::Format),
    HelpCenter(super::import_help::Kind),
    Space(super::import_space::Kind),
}

impl From {
    fn parse(name: Option<&str>, root: &Path) -> Result<From, Diagnostic> {
        use super::import_help::Kind;
        use super::import_space::Kind as Space;
        Ok(match name {
            None => From::Detect,
            Some("docx") => From::Office(office::Format::Docx),
            Some("odt") => From::Office(office::Format::Odt),
            Some("zendesk") => From::HelpCenter(Kind::Zendesk),
            Some("freshdesk") => From::HelpCenter(Kind::Freshdesk),
            Some("confluence") => From::Space(Space::Confluence),
            Some("notion") => From::Space(Space::Notion),
            Some(other) => {
                return Err(Diagnostic::error(
                    root,
                    format!("--from {other} is not a source polybook knows"),
                )
                .hint("use docx, odt, zendesk, freshdesk, confluence or notion; leave it out to detect the source"))
            }
        })
    }

    fn is_none(self) -> bool {
        self == From::Detect
    }

    fn office(self) -> Option<office::Format> {
        match self {
            From::Office(format) => Some(format),
            _ => None,
        }
    }

    fn help_center(self) -> Option<Option<super::import_help::Kind>> {
        match self {
            From::Detect => Some(None),
            From::HelpCenter(kind) => Some(Some(kind)),
            From::Office(_) | From::Space(_) => None,
        }
    }

    fn space(self) -> Option<Option<super::import_space::Kind>> {
        match self {
            From::Detect => Some(None),
            From::Space(kind) => Some(Some(kind)),
            From::Office(_) | From::HelpCenter(_) => None,
        }
    }
}

/// Why the page or one of its images cannot be written where planned.
fn taken(content: &Path, targets: &[PathBuf], planned: &HashSet<PathBuf>) -> Option<String> {
    for rel in targets {
        let target = content.join(rel);
        let shown = Path::new("content").join(rel);
        // Asked first: this run wrote that page a moment ago, and it exists now.
        if planned.contains(&target) {
            return Some(format!(
                "{} is the page of another file of this import, with the same title",
                shown.display()
            ));
        }
        if target.exists() {
            return Some(format!("{} exists: not overwriting it", shown.display()));
        }
    }
    None
}

/// Writes the page and its images; a failure removes what it wrote.
fn write_page(
    content: &Path,
    page: &import::Page,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), Diagnostic> {
    let mut written = Vec::new();
    let mut result = Ok(());
    for (rel, bytes) in files {
        let target = content.join(rel);
        if let Err(e) = write_new_bytes(&target, bytes) {
            result = Err(Diagnostic::error(&target, format!("cannot write it: {e}")));
            break;
        }
        written.push(target);
    }
    if result.is_ok() {
        let target = content.join(&page.target);
        if let Err(e) = write_new(&target, &page.text) {
            result = Err(Diagnostic::error(&target, format!("cannot write it: {e}")));
        }
    }
    if result.is_err() {
        for file in written {
            // Best effort: the error above is what the user needs to see.
            let _removed = std::fs::remove_file(file);
        }
    }
    result
}

/// The files to import: files as given, directories walked (sorted, only
/// the formats polybook reads, or only `office` documents when forced;
/// others named in a warning).
fn sources(
    paths: &[PathBuf],
    office: Option<office::Format>,
    problems: &mut Diagnostics,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walk = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
        for entry in walk
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let wanted = match office {
                        Some(_) => office::format_of(e.path()).is_some(),
                        None => import::is_supported(e.path()),
                    };
                    if wanted {
                        files.push(e.into_path());
                    } else {
                        problems.push(Diagnostic::warning(
                            e.path(),
                            "skipped: not a .txt, .md, .html, .docx or .odt file",
                        ));
                    }
                }
                Ok(_) => {}
                Err(e) => problems.push(Diagnostic::error(
                    path,
                    format!("cannot read the folder: {e}"),
                )),
            }
        }
    }
    files
}

/// Writes a new file, refusing to replace one (even one made meanwhile).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    write_new_bytes(path, text.as_bytes())
}

fn write_new_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::fs::write_new(path, bytes)
}
