//! `polybook new`: a page with valid front matter, optionally as the
//! translation of an existing page (same key, same topics).

use crate::config::SiteConfig;
use crate::content::front_matter::{self, Format, FrontMatter};
use crate::diagnostics::Diagnostic;
use crate::text::slug::slugify;
use std::path::{Path, PathBuf};

pub struct NewPage<'a> {
    /// `<lang>/[<section>/]<slug>`, with or without `.md`.
    pub target: &'a str,
    pub title: Option<&'a str>,
    /// An existing page, relative to the site root or to `content/`.
    pub translation_of: Option<&'a Path>,
}

/// What `new` did.
pub struct Created {
    pub path: PathBuf,
    /// The source page, when it got a translation key it did not have.
    pub keyed_source: Option<PathBuf>,
}

pub fn create(config: &SiteConfig, page: &NewPage) -> Result<Created, Diagnostic> {
    let target = page.target.trim_end_matches(".md");
    // The page's path as a file (`content/pt/x.md`) names the same page.
    let target = match target.trim_start_matches("./").strip_prefix("content/") {
        Some(rest) if config.language("content").is_none() => rest,
        _ => target,
    };
    let parts: Vec<&str> = target.split('/').collect();
    // The argument is where the problem is, as a flag's name is for a flag.
    let argument = std::path::Path::new(&page.target);
    let usage = || {
        Diagnostic::error(
            argument,
            format!("`{}` is not <lang>/[<section>/]<slug>", page.target),
        )
        .hint("for example: polybook new hr/kako-slusati --title \"Kako slušati\"")
    };
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return Err(usage());
    }
    let lang = parts[0];
    if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(Diagnostic::error(
            argument,
            format!("`{lang}` is not a language of this site"),
        )
        .hint(format!(
            "start with one of {}, or add [languages.{lang}] to site.toml first",
            codes.join(", ")
        )));
    }
    for part in &parts[1..] {
        if slugify(part) != *part {
            return Err(
                Diagnostic::error(config.content_dir(), format!("`{part}` is not a slug")).hint(
                    format!(
                        "use lowercase ASCII letters, digits and dashes: `{}`",
                        slugify(part)
                    ),
                ),
            );
        }
    }
    let path =
        crate::fs::join_inside(&config.content_dir(), &format!("{target}.md")).ok_or_else(usage)?;
    if path.exists() {
        return Err(
            Diagnostic::error(&path, "this page already exists").hint("choose another slug")
        );
    }
    let TranslationSource {
        keyed: source,
        key,
        topics,
    } = match page.translation_of {
        Some(source) => translation_source(config, source)?,
        None => TranslationSource {
            keyed: None,
            key: None,
            topics: Vec::new(),
        },
    };
    if let (None, Some(key)) = (&source, &key) {
        refuse_second_translation(config, lang, key)?;
    }
    let slug = parts[parts.len() - 1];
    let title = page
        .title
        .map(str::to_string)
        .unwrap_or_else(|| slug.replace('-', " "));
    let text = front_matter_text(&title, key.as_deref(), &topics);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| crate::fs::io_error(dir, "cannot create", e))?;
    }
    std::fs::write(&path, text).map_err(|e| crate::fs::io_error(&path, "cannot write", e))?;
    Ok(Created {
        path,
        keyed_source: source,
    })
}

/// The language `lang` has its page of `key` already (a draft too): a
/// second would be two translations of one page.
fn refuse_second_translation(config: &SiteConfig, lang: &str, key: &str) -> Result<(), Diagnostic> {
    let options = crate::content::LoadOptions { drafts: true };
    let (documents, _, _) = crate::content::load(config, &options);
    let existing = documents
        .iter()
        .find(|d| d.lang == lang && d.front.translation_key.as_deref() == Some(key));
    match existing {
        None => Ok(()),
        Some(doc) => Err(Diagnostic::error(
            &doc.path,
            format!("this page is already the `{lang}` translation of `{key}`"),
        )
        .hint("edit it instead, or give it another translation_key first")),
    }
}

fn front_matter_text(title: &str, key: Option<&str>, topics: &[String]) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut text = format!("+++\ntitle = {}\ndescription = \"\"\n", quote(title));
    if let Some(key) = key {
        text.push_str(&format!("translation_key = {}\n", quote(key)));
    }
    let topics: Vec<String> = topics.iter().map(|t| quote(t)).collect();
    text.push_str(&format!("topics = [{}]\n", topics.join(", ")));
    text.push_str("draft = true\n+++\n\n");
    text
}

struct TranslationSource {
    /// Set when the source got a key written into it.
    keyed: Option<PathBuf>,
    key: Option<String>,
    topics: Vec<String>,
}

/// The key and topics of the page being translated; a page without a key gets
/// one (its slug), written into its front matter, so the two are linked.
fn translation_source(config: &SiteConfig, source: &Path) -> Result<TranslationSource, Diagnostic> {
    let path = [config.root.join(source), config.content_dir().join(source)]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Diagnostic::error(source, "the page to translate does not exist")
                .hint("give its path like content/pt/como-lidar.md")
        })?;
    let text = crate::fs::read_to_string(&path)?;
    let split = front_matter::split(&path, &text)?;
    let front: FrontMatter = front_matter::parse(&path, &text, &split)?;
    if let Some(key) = front.translation_key {
        return Ok(TranslationSource {
            keyed: None,
            key: Some(key),
            topics: front.topics,
        });
    }
    let key = slugify(&path.file_stem().unwrap_or_default().to_string_lossy());
    let line = match split.format {
        Format::Toml => format!("translation_key = \"{key}\"\n"),
        Format::Yaml => format!("translation_key: \"{key}\"\n"),
    };
    let mut updated = text.clone();
    updated.insert_str(split.front_matter_offset, &line);
    std::fs::write(&path, updated).map_err(|e| crate::fs::io_error(&path, "cannot write", e))?;
    Ok(TranslationSource {
        keyed: Some(path),
        key: Some(key),
        topics: front.topics,
    })
}
