//! Guidance a company already has (text, Markdown, saved web pages) as
//! draft pages. Each stage takes data and gives data, and nothing here
//! touches the disk: `cmd::import` reads the sources and writes the pages.
//! What looks like debris of the web page a text was copied from is
//! reported with its line, and removed only when asked (`clean`).

pub mod debris;
pub mod draft;
pub mod encoding;
pub mod help;
pub mod html;
pub mod language;
pub mod markdown;
pub mod office;
pub mod site;
pub mod space;
pub mod text;

use crate::diagnostics::Diagnostic;
use crate::text::fold::fold;
use crate::text::slug::slugify;
use draft::{at, Draft};
use markdown::Value;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A configured language code; else each file's language is detected.
    pub lang: Option<String>,
    /// Already checked to be a slug path (`guides/returns`).
    pub section: Option<String>,
    pub clean: bool,
}

/// A page to write, at `target` under `content/`.
#[derive(Debug)]
pub struct Page {
    pub lang: String,
    pub title: String,
    pub target: PathBuf,
    pub text: String,
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

pub fn is_supported(path: &Path) -> bool {
    format_of(path).is_some() || office::format_of(path).is_some()
}

/// The page made from `bytes`, read from `path`; `site` lists the
/// configured language codes. An error comes with the warnings met before it.
pub fn import(
    path: &Path,
    bytes: &[u8],
    site: &[String],
    options: &Options,
) -> Result<Page, Vec<Diagnostic>> {
    let Some(format) = format_of(path) else {
        return Err(vec![Diagnostic::error(path, "not a file polybook can import")
            .hint("import .txt, .md, .html, .docx or .odt files; save other documents (PDF, .doc) as one of those first")]);
    };
    let guess = |t: &str| language::guess(t).map(|g| g.code.to_string());
    let decoded = encoding::decode(bytes, options.lang.as_deref(), guess).map_err(|_| {
        vec![
            Diagnostic::error(path, "this is a binary file (it holds NUL bytes), not text")
                .hint("import .txt, .md or .html text; export the document as one of those first"),
        ]
    })?;
    let mut warnings = Vec::new();
    if let Some(encoding) = decoded.read_as {
        warnings.push(Diagnostic::warning(path, format!("not UTF-8: read as {encoding}"))
            .hint("check the accented letters in the imported page; save the source as UTF-8 to be sure"));
    }
    let source = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
    let draft = match format {
        Format::Text => draft::from_text(path, &source, options.clean),
        Format::Markdown => draft::from_markdown(path, &source, options.clean),
        Format::Html => draft::from_html(path, &source, options.clean),
    };
    let mut draft = draft.map_err(|e| [warnings.clone(), e].concat())?;
    warnings.append(&mut draft.warnings);
    let lang = match &options.lang {
        Some(lang) => lang.clone(),
        None => detect(path, &draft.body, site, &mut warnings)
            .map_err(|e| [warnings.clone(), vec![e]].concat())?,
    };
    let prose = draft.prose.clone();
    warnings.extend(foreign_headings(path, &draft, &lang, site));
    let title = match draft.title.clone() {
        Some(title) => title,
        None => {
            let Some(title) = title_from_text(&prose) else {
                return Err([
                    warnings,
                    vec![Diagnostic::error(
                        path,
                        "nothing to import: the file has no text",
                    )],
                ]
                .concat());
            };
            warnings.push(at(Diagnostic::warning(path, format!(
                "the first line is a paragraph, not a title: took the title \"{title}\" from its opening"
            )), draft.first_line).hint("set `title` (and `slug`, for the address) in the imported page"));
            title
        }
    };
    let slug = draft
        .front
        .as_ref()
        .and_then(|f| f.slug.clone())
        .map(|s| slugify(&s))
        .filter(|s| !s.is_empty())
        .or_else(|| Some(slugify(&title)).filter(|s| !s.is_empty()))
        .or_else(|| {
            path.file_stem()
                .map(|s| slugify(&s.to_string_lossy()))
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "page".to_string());
    let mut target = PathBuf::from(&lang);
    if let Some(section) = &options.section {
        target.push(section);
    }
    target.push(format!("{slug}.md"));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut keys = vec![("title", Value::Text(title.clone()))];
    // A title made from the opening sentence needs no description saying it again.
    let description = description(&prose).filter(|d| fold(d.trim_end_matches('.')) != fold(&title));
    if let Some(description) = description {
        keys.push(("description", Value::Text(description)));
    }
    keys.push(("draft", Value::Bool(true)));
    keys.push(("source", Value::Text(name)));
    // Keys of other tools (Hugo's `tags`, Jekyll's `layout`) would stop the
    // build: they move under `extra`, where themes can still read them.
    let known = crate::content::front_matter::FrontMatter::KEYS;
    let mut front = draft.front;
    if let Some((moved, keys)) = front
        .as_ref()
        .and_then(|f| markdown::with_unknown_under_extra(f, known))
    {
        let list: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        warnings.push(at(Diagnostic::warning(path, format!(
            "moved front matter keys polybook does not know under `extra`: {} (the front matter is rewritten, without its comments)", list.join(", ")
        )), 2).hint("give them polybook's names (`tags` → `topics`, `lastmod` → `updated`) if they mean the same"));
        front = Some(moved);
    }
    let front_text = markdown::with_keys(front.as_ref(), &keys);
    let text = format!("{front_text}\n{}", draft.body.trim_start_matches('\n'));
    if let Some(problem) = check_front_matter(path, &text) {
        return Err([warnings, vec![problem]].concat());
    }
    warnings.sort_by_key(|d| d.line);
    Ok(Page {
        lang,
        title,
        target,
        text,
        warnings,
    })
}

/// Headings with words in another language than the page's.
fn foreign_headings(path: &Path, draft: &Draft, lang: &str, site: &[String]) -> Vec<Diagnostic> {
    let stems = language::word_stems(&draft.prose);
    let mut warnings = Vec::new();
    for (heading, line) in &draft.headings {
        let Some((other, words)) = language::foreign_words(heading, lang, site, &stems) else {
            continue;
        };
        let words: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        let message = format!(
            "the heading \"{heading}\" has {other} words in {} text: {}",
            language::name_of(lang),
            words.join(", ")
        );
        warnings.push(
            at(Diagnostic::warning(path, message), *line)
                .hint("translate them in the page: the copy left words of the original"),
        );
    }
    warnings
}

/// Why `build` would refuse the page, at the source's line: a value of the
/// wrong type (`date = "ontem"`) is the author's to fix, and nothing is
/// written for such a file.
fn check_front_matter(path: &Path, text: &str) -> Option<Diagnostic> {
    use crate::content::front_matter::{self as fm, FrontMatter};
    let problem = match fm::split(path, text) {
        Ok(split) => fm::parse::<FrontMatter>(path, text, &split).err()?,
        Err(d) => d,
    };
    let mut error = Diagnostic::error(
        path,
        format!(
            "the page would not build: {}: not imported",
            problem.message
        ),
    )
    .at(crate::diagnostics::Position::new(problem.line, problem.col));
    error.hint = Some(
        problem
            .hint
            .unwrap_or_else(|| "fix its front matter, then import it again".into()),
    );
    Some(error)
}

fn detect(
    path: &Path,
    body: &str,
    site: &[String],
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    let choices = site.join(", ");
    let Some(guess) = language::guess(body) else {
        return Err(
            Diagnostic::error(path, "cannot tell which language this text is in").hint(format!(
                "pass --lang with one of the site's languages: {choices}"
            )),
        );
    };
    let Some(code) = language::site_code(guess.code, site) else {
        return Err(Diagnostic::error(path, format!(
            "the text looks {} ({}), a language site.toml does not configure", guess.name, guess.code
        ))
        .hint(format!("pass --lang with one of the site's languages ({choices}), or add [languages.{}] to site.toml", guess.code)));
    };
    if !guess.reliable {
        warnings.push(Diagnostic::warning(path, format!(
            "the language guess is unreliable: it looks {} ({:.0}% sure), imported as {code}", guess.name, guess.confidence * 100.0
        ))
        .hint(format!("if it is another language, remove the page and import again with --lang (one of: {choices})")));
    }
    Ok(code.clone())
}

/// A title from the first paragraph: its first sentence if short, else its first words.
fn title_from_text(prose: &str) -> Option<String> {
    let first = prose.split("\n\n").map(str::trim).find(|p| !p.is_empty())?;
    let first = first.replace('\n', " ");
    let sentence = first
        .split_inclusive(['.', '!', '?'])
        .next()
        .unwrap_or(&first)
        .trim();
    let sentence = sentence.trim_end_matches('.');
    if text::word_count(sentence) <= 12 {
        return Some(sentence.to_string());
    }
    let words: Vec<&str> = sentence.split_whitespace().take(8).collect();
    Some(format!(
        "{}…",
        words.join(" ").trim_end_matches([',', ';', ':'])
    ))
}

/// The first paragraph, or its first sentence, when it reads as one.
fn description(prose: &str) -> Option<String> {
    let first = prose
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with(['-', '*', '\\', '>', '|', '<', '!', '[']))?;
    let first = first.replace('\n', " ");
    let fits = |s: &str| (4..=40).contains(&text::word_count(s)) && s.chars().count() <= 220;
    if fits(&first) {
        return Some(first);
    }
    let sentence = first
        .split_inclusive(['.', '!', '?'])
        .next()?
        .trim()
        .to_string();
    fits(&sentence).then_some(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Vec<String> {
        ["pt", "hr"].map(String::from).to_vec()
    }

    #[test]
    fn odd_input_gives_an_answer_not_a_panic() {
        let options = Options {
            lang: Some("pt".into()),
            ..Options::default()
        };
        for (name, bytes) in [
            ("a.txt", &b""[..]),
            ("a.txt", b"\n\n\r\n"),
            ("a.txt", b"Sommario:"),
            ("a.txt", b"#"),
            ("a.txt", b"1."),
            ("a.txt", "É. É. É.\n\n- \n•".as_bytes()),
            ("a.md", b"+++"),
            ("a.md", b"+++\n+++\n"),
            ("a.md", b"---\n- a\n---\n# \n"),
            ("a.md", b"# "),
            ("a.html", b"<"),
            ("a.html", b"<title></title><main></main>"),
            ("a.htm", "<h1>\u{0}</h1>".as_bytes()),
            ("a.txt", b"\xFF\xFE"),
            ("a.txt", b"\xFE\xFF\x00a"),
        ] {
            let _ = import(Path::new(name), bytes, &site(), &options);
            let _ = import(
                Path::new(name),
                bytes,
                &site(),
                &Options {
                    clean: true,
                    ..options.clone()
                },
            );
        }
    }

    #[test]
    fn a_text_file_becomes_a_draft_with_its_source() {
        let text =
            "Escuta ativa\n\nOuça o cliente até o fim, sem interromper, e repita o que entendeu.\n";
        let page = import(
            Path::new("in/escuta.txt"),
            text.as_bytes(),
            &site(),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(page.target, Path::new("pt/escuta-ativa.md"));
        assert!(
            page.text
                .starts_with("+++\ntitle = \"Escuta ativa\"\ndescription = \"Ouça o cliente"),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("draft = true\nsource = \"escuta.txt\"\n+++\n\nOuça"),
            "{}",
            page.text
        );
    }
}
