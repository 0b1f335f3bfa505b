//! `polybook init` and `polybook theme eject`: the files of a new site, and
//! the built-in theme as files, written without overwriting anything.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::language_tag::LanguageTag;
use std::path::{Path, PathBuf};

/// What `init` was asked for.
pub struct NewSite<'a> {
    /// Language codes, the first being the default language.
    pub languages: &'a [String],
    pub title: &'a str,
}

/// A file to write: its path under the site's folder and its text.
pub struct StarterFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What writing a set of files did.
#[derive(Debug, Default)]
pub struct Written {
    pub created: Vec<PathBuf>,
    /// Files that were there already and were left as they were.
    pub kept: Vec<PathBuf>,
}

/// The text of the example page, the topic labels and the language's name,
/// for the languages polybook's catalogs speak (English for the others).
struct Words {
    name: &'static str,
    slug: &'static str,
    title: &'static str,
    description: &'static str,
    body: &'static str,
    topics: [&'static str; 2],
}

fn words(code: &str) -> Words {
    match code {
        "pt" => Words {
            name: "Português",
            slug: "bem-vindo",
            title: "Bem-vindo",
            description: "A primeira página do manual.",
            body: "## Primeiros passos\n\nEscreva as páginas em Markdown em `content/pt/`. Uma página com o mesmo `translation_key` em outra língua é a sua tradução.\n\n## Tópicos\n\nOs tópicos de `content/topics.toml` ligam páginas de todas as línguas.\n",
            topics: ["Primeiros passos", "Escrever páginas"],
        },
        "hr" => Words {
            name: "Hrvatski",
            slug: "dobrodosli",
            title: "Dobrodošli",
            description: "Prva stranica priručnika.",
            body: "## Prvi koraci\n\nStranice pišite u Markdownu u `content/hr/`. Stranica s istim `translation_key` na drugom jeziku njezin je prijevod.\n\n## Teme\n\nTeme iz `content/topics.toml` povezuju stranice na svim jezicima.\n",
            topics: ["Prvi koraci", "Pisanje stranica"],
        },
        "es" => Words {
            name: "Español",
            slug: "bienvenida",
            title: "Bienvenida",
            description: "La primera página del manual.",
            body: "## Primeros pasos\n\nEscriba las páginas en Markdown en `content/es/`. Una página con el mismo `translation_key` en otro idioma es su traducción.\n\n## Temas\n\nLos temas de `content/topics.toml` enlazan páginas de todos los idiomas.\n",
            topics: ["Primeros pasos", "Escribir páginas"],
        },
        "it" => Words {
            name: "Italiano",
            slug: "benvenuti",
            title: "Benvenuti",
            description: "La prima pagina del manuale.",
            body: "## Primi passi\n\nScrivi le pagine in Markdown in `content/it/`. Una pagina con lo stesso `translation_key` in un'altra lingua ne è la traduzione.\n\n## Argomenti\n\nGli argomenti di `content/topics.toml` collegano le pagine di tutte le lingue.\n",
            topics: ["Primi passi", "Scrivere pagine"],
        },
        _ => Words {
            name: match code {
                "en" => "English",
                "de" => "Deutsch",
                "fr" => "Français",
                "nl" => "Nederlands",
                _ => "",
            },
            slug: "welcome",
            title: "Welcome",
            description: "The handbook's first page.",
            body: "## Getting started\n\nWrite pages in Markdown under `content/<language>/`. A page with the same `translation_key` in another language is its translation.\n\n## Topics\n\nThe topics of `content/topics.toml` link pages across languages.\n",
            topics: ["Getting started", "Writing pages"],
        },
    }
}

const TOPIC_IDS: [&str; 2] = ["getting-started", "writing-pages"];

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Checks the language codes given for a new site or catalog: one or more,
/// each a language code (`pt`, `pt-BR`) that site.toml will accept, none
/// twice. A problem is blamed on `given`, where they came from (`--languages`).
pub fn check_languages(languages: &[String], given: &str) -> Result<(), Diagnostic> {
    let here = Path::new(given);
    if languages.is_empty() {
        return Err(
            Diagnostic::error(here, "no language given").hint("for example: --languages pt,hr")
        );
    }
    for (i, code) in languages.iter().enumerate() {
        let valid = !code.is_empty()
            && code
                .split('-')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
            && code.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && crate::language_tag::LanguageTag::parse(code).is_ok();
        if !valid {
            return Err(
                Diagnostic::error(here, format!("`{code}` is not a language code"))
                    .hint("use codes like pt, hr, pt-BR (lowercase language first)"),
            );
        }
        // `pt-br` and `pt-BR` would be one language in two folders.
        if let Some(same) = languages[..i].iter().find(|c| c.eq_ignore_ascii_case(code)) {
            return Err(Diagnostic::error(
                here,
                format!("`{code}` is the language `{same}` again"),
            )
            .hint("give each language once"));
        }
    }
    Ok(())
}

/// The files of a new site: `site.toml`, one example page per language (one
/// translation group), `content/topics.toml` and `.gitignore`.
pub fn site_files(site: &NewSite) -> Vec<StarterFile> {
    let mut files = vec![
        text_file("site.toml", site_toml(site)),
        text_file("content/topics.toml", topics_toml(site.languages)),
        text_file(".gitignore", "public/\n".into()),
    ];
    for (i, code) in site.languages.iter().enumerate() {
        let w = words(code);
        let page = format!(
            "+++\ntitle = {}\ndescription = {}\ntranslation_key = \"welcome\"\ntopics = [{}]\nweight = {}\n+++\n\n{}",
            quote(w.title),
            quote(w.description),
            TOPIC_IDS.map(quote).join(", "),
            i + 1,
            w.body
        );
        files.push(text_file(&format!("content/{code}/{}.md", w.slug), page));
        if builtin_catalog_for(code).is_none() {
            files.push(catalog_skeleton(code));
        }
    }
    files
}

fn text_file(path: &str, text: String) -> StarterFile {
    StarterFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

fn site_toml(site: &NewSite) -> String {
    let default = &site.languages[0];
    let mut t = String::from("# The site's configuration (written by `polybook init`); README.md, \"site.toml\", has every key.\n\n");
    let keys: [(&str, String); 12] = [
        ("The site's title (each language may have its own, below).", format!("title = {}", quote(site.title))),
        ("Where the site is published; used only for absolute URLs (sitemap, feeds, canonical links).", "base_url = \"https://example.com/\"".into()),
        ("The language of the root page and 404.html, and the UI's fallback before English.", format!("default_language = {}", quote(default))),
        ("The theme: a folder under themes/, or \"default\", built in (`polybook theme eject` copies it out).", "theme = \"default\"".into()),
        ("Meta description of pages that have none of their own.", "description = \"\"".into()),
        ("Internal links end in index.html, so the output also works from file://; false for links ending in /.", "link_to_index_html = true".into()),
        ("Reading speed, for reading times.", "words_per_minute = 200".into()),
        ("How many related articles an article shows.", "related_limit = 5".into()),
        ("How many entries each Atom feed holds.", "feed_limit = 20".into()),
        ("How many articles of each other language a home or topic page lists before \"see all\".", "other_languages_limit = 12".into()),
        ("A language with more articles than this prints by parts: a page per section (long ones in pieces this big).", "print_chunk = 200".into()),
        ("Offline reading: a service worker keeps the pages read, and each language home can save the whole language.", "offline = true".into()),
    ];
    for (comment, line) in keys {
        t.push_str(&format!("# {comment}\n{line}\n"));
    }
    t.push_str("# HTML inside Markdown: \"sanitize\" (keep safe markup), \"trust\" (as is) or \"escape\" (as text).\nraw_html = \"sanitize\"\n");
    t.push_str("# \"Edit this page\" links: this, then the page's path (content/pt/x.md).\n# edit_url = \"https://github.com/acme/handbook/edit/main/\"\n");
    t.push_str("\n# How often pages are checked, unless a page sets review_every (`polybook check --review`).\n# [review]\n# every = \"12 months\"\n");
    for (i, code) in site.languages.iter().enumerate() {
        let name = match words(code).name {
            "" => code.as_str(),
            name => name,
        };
        t.push_str(&format!(
            "\n# A published language; its pages are in content/{code}/.\n[languages.{code}]\n"
        ));
        t.push_str(&format!(
            "# The language's own name, shown in the language switcher.\nname = {}\n",
            quote(name)
        ));
        t.push_str(&format!(
            "# The order of the languages.\nweight = {}\n",
            i + 1
        ));
        t.push_str("# The site's title and description in this language (default: the ones above).\n# title = \"\"\n# description = \"\"\n");
    }
    t
}

fn topics_toml(languages: &[String]) -> String {
    let mut t = String::from("# The cross-language glossary: one table per topic id, with a label (and an optional\n# definition) in every language. Pages list topic ids in their `topics` front matter.\n");
    for (n, id) in TOPIC_IDS.iter().enumerate() {
        let labels: Vec<String> = languages
            .iter()
            .map(|code| format!("{} = {}", toml_key(code), quote(words(code).topics[n])))
            .collect();
        t.push_str(&format!("\n[{id}]\nlabel = {{ {} }}\n", labels.join(", ")));
    }
    t
}

/// A language code as a TOML key (`pt-BR` is a bare key too; anything else is quoted).
fn toml_key(code: &str) -> String {
    if code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        code.to_string()
    } else {
        quote(code)
    }
}

/// The built-in theme's files, as `themes/<name>/…` would hold them.
pub fn theme_files(name: &str) -> Vec<StarterFile> {
    crate::builtin::theme_files()
        .iter()
        .map(|(path, bytes)| StarterFile {
            path: format!("themes/{name}/{path}"),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// Whether the binary carries a UI catalog for `code`.
pub fn has_builtin_catalog(code: &str) -> bool {
    crate::builtin::locale_files()
        .iter()
        .any(|(path, _)| path.split('/').next() == Some(code))
}

/// The built-in catalog that translates `code`: its own, else that of the
/// nearest tag it stands for (`pt` for `pt-br`, CLDR's parent).
pub fn builtin_catalog_for(code: &str) -> Option<String> {
    let tag = LanguageTag::parse(code).ok()?;
    tag.lookup_chain()
        .into_iter()
        .find(|c| has_builtin_catalog(c))
        .map(str::to_string)
}

/// `locales/<code>/main.ftl` for translators: every message of the built-in
/// catalog of `code` (English when there is none), commented out with its
/// text. Commented out rather than copied, so that until a message is
/// translated the page shows the fallback language and `check` lists it.
pub fn catalog_skeleton(code: &str) -> StarterFile {
    let source = builtin_catalog_for(code).unwrap_or_else(|| "en".to_string());
    let source = source.as_str();
    let mut text = format!(
        "# UI strings for `{code}`, over polybook's built-in ones (README.md, \"UI languages\").\n\
         # Every message is commented out with its {} text: to translate one, remove the\n\
         # `# ` in front of its lines and write the text. A message left commented out\n\
         # shows in the fallback language, and `polybook check` lists it.\n",
        match source {
            _ if source == code => "built-in".to_string(),
            "en" => "English".to_string(),
            parent => format!("built-in `{parent}`"),
        }
    );
    for (path, bytes) in crate::builtin::locale_files() {
        if path.split('/').next() != Some(source) {
            continue;
        }
        let catalog = String::from_utf8_lossy(bytes);
        // The built-in file's own header describes that file, not this one.
        let body = catalog
            .lines()
            .skip_while(|l| l.starts_with("# ") || l.is_empty());
        for line in body {
            let is_comment = line.starts_with('#');
            if line.is_empty() || is_comment {
                text.push_str(line);
            } else {
                text.push_str("# ");
                text.push_str(line);
            }
            text.push('\n');
        }
    }
    text_file(&format!("locales/{code}/main.ftl"), text)
}

/// The files of `files` that already exist under `root`.
pub fn existing(root: &Path, files: &[StarterFile]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|f| root.join(&f.path))
        .filter(|p| p.exists())
        .collect()
}

/// Writes `files` under `root`, leaving every file that exists as it is.
pub fn write_new(root: &Path, files: &[StarterFile]) -> Result<Written, Diagnostics> {
    let mut written = Written::default();
    let mut problems = Diagnostics::default();
    for file in files {
        let path = root.join(&file.path);
        if path.exists() {
            written.kept.push(path);
            continue;
        }
        let result = path
            .parent()
            .map_or(Ok(()), |dir| {
                std::fs::create_dir_all(dir)
                    .map_err(|e| crate::fs::io_error(dir, "cannot create", e))
            })
            .and_then(|()| {
                std::fs::write(&path, &file.bytes)
                    .map_err(|e| crate::fs::io_error(&path, "cannot write", e))
            });
        match result {
            Ok(()) => written.created.push(path),
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_toml_is_valid_and_complete() {
        let languages = vec!["pt".to_string(), "hr".to_string(), "de".to_string()];
        let files = site_files(&NewSite {
            languages: &languages,
            title: "A \"quoted\" title",
        });
        let text = String::from_utf8(files[0].bytes.clone()).unwrap();
        let config =
            crate::config::parse(Path::new("/site"), Path::new("site.toml"), &text, None).unwrap();
        assert_eq!(config.title, "A \"quoted\" title");
        assert_eq!(config.default_language, "pt");
        assert_eq!(config.languages.len(), 3);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(
            paths.contains(&"content/hr/dobrodosli.md") && paths.contains(&"content/de/welcome.md")
        );
    }

    #[test]
    fn a_catalog_skeleton_has_every_english_message_commented_out() {
        let skeleton = String::from_utf8(catalog_skeleton("de").bytes).unwrap();
        let english = crate::builtin::locale_files()
            .iter()
            .find(|(p, _)| *p == "en/main.ftl")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        let parsed = fluent_bundle::FluentResource::try_new(skeleton.clone()).unwrap();
        let messages = parsed
            .entries()
            .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
            .count();
        assert_eq!(messages, 0, "every message is commented out");
        let body = english
            .lines()
            .skip_while(|l| l.starts_with("# ") || l.is_empty());
        let mut message_lines = 0;
        for line in body.filter(|l| !l.is_empty() && !l.starts_with('#')) {
            assert!(skeleton.contains(&format!("\n# {line}\n")), "{line}");
            message_lines += 1;
        }
        assert!(message_lines > 50, "{message_lines}");
    }

    #[test]
    fn language_codes_are_checked() {
        let check = |codes: &[&str]| {
            let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
            check_languages(&codes, "--languages")
        };
        assert!(check(&["pt", "pt-BR"]).is_ok());
        assert!(check(&[]).is_err());
        assert!(check(&["pt", "pt"]).is_err());
        assert!(check(&["pt-br", "pt-BR"]).is_err());
        assert!(check(&["../x"]).is_err());
    }
}
