//! What an article tells the readers of other languages (README, "Translation
//! notices"): for each language with no version of it, that it is not
//! translated yet, with that language's articles on the same topics; for each
//! language with one, where that version is. Each is written in its readers'
//! language and `hidden`; the head script of `base.html` shows the one for the
//! reader's remembered language before the body is read, so nothing moves.
//!
//! Written here rather than by the theme's templates: a site in N languages
//! puts N-1 of them on every article, and as Tera loops they cost a
//! 10,000-page build about 4% of its time. The theme styles them by class
//! (`notice`, `notice-untranslated`, `notice-translated`) and places them
//! with `{{ article.reader_notices | safe }}`.

use crate::config::SiteConfig;
use crate::i18n::Locales;
use crate::render::feeds::{escape, escape_into};
use fluent_bundle::FluentArgs;
use std::collections::HashMap;
use std::fmt::Write;

/// A page a notice links to.
pub struct TitleLink<'a> {
    pub title: &'a str,
    /// Relative to the article.
    pub url: String,
}

/// The catalog messages the notices are written with (`check` counts them
/// as used, though no template names them).
pub const KEYS: [&str; 5] = [
    "not-translated",
    "not-translated-related",
    "not-translated-home",
    "translated-notice",
    "not-translated-short",
];

/// Every language's notice texts, formatted and escaped once per build.
pub struct NoticeTexts {
    by_lang: HashMap<String, LanguageTexts>,
}

/// One language's texts, escaped for HTML.
struct LanguageTexts {
    /// "This article is not translated into Hrvatski yet."
    not_translated: String,
    /// "Articles in Hrvatski on the same topics:"
    related: String,
    /// "See the articles in Hrvatski"
    home: String,
    /// "This article is also available in Hrvatski:"
    translated: String,
    /// "nije prevedeno", the switcher's mark (not escaped: templates escape it).
    untranslated_short: String,
}

impl NoticeTexts {
    pub fn new(config: &SiteConfig, locales: &Locales) -> NoticeTexts {
        let by_lang = config
            .languages
            .iter()
            .map(|l| {
                let chain = config.fallback_chain(&l.code);
                let mut args = FluentArgs::new();
                args.set("language", l.name.clone());
                // A catalog's message that fails to format (a variable it
                // does not get) shows Fluent's own rendering of the mistake,
                // `{$name}`, where the editor reading the page will see it.
                let text = |key: &str| {
                    escape(
                        &locales
                            .format(&chain, key, Some(&args))
                            .unwrap_or_else(|e| format!("{{{e}}}")),
                    )
                };
                let [not_translated, related, home, translated, short] = KEYS;
                let texts = LanguageTexts {
                    not_translated: text(not_translated),
                    related: text(related),
                    home: text(home),
                    translated: text(translated),
                    untranslated_short: locales
                        .format(&chain, short, None)
                        .unwrap_or_else(|e| format!("{{{e}}}")),
                };
                (l.code.clone(), texts)
            })
            .collect();
        NoticeTexts { by_lang }
    }

    /// The switcher's mark for `lang` on an article with no version in it,
    /// in `lang` ("nije prevedeno"); empty for a language not of the site.
    pub fn untranslated_short(&self, lang: &str) -> &str {
        self.by_lang
            .get(lang)
            .map_or("", |texts| texts.untranslated_short.as_str())
    }

    /// The notice for readers of `lang` on an article (in `page_lang`) with
    /// no version in `lang`: its `related` articles in `lang`, else a link to
    /// `home_url`, the language's home.
    pub fn write_untranslated(
        &self,
        out: &mut String,
        page_lang: &str,
        lang: &str,
        related: &[TitleLink],
        home_url: &str,
    ) {
        let Some(texts) = self.by_lang.get(lang) else {
            return;
        };
        open(
            out,
            "div",
            "notice-untranslated",
            "data-untranslated",
            lang,
            page_lang,
        );
        out.push_str("<p>");
        out.push_str(&texts.not_translated);
        if related.is_empty() {
            out.push_str(" <a href=\"");
            escape_into(out, home_url);
            out.push_str("\">");
            out.push_str(&texts.home);
            out.push_str("</a></p>");
        } else {
            out.push(' ');
            out.push_str(&texts.related);
            out.push_str("</p><ul>");
            for link in related {
                out.push_str("<li><a href=\"");
                escape_into(out, &link.url);
                out.push_str("\">");
                escape_into(out, link.title);
                out.push_str("</a></li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>");
    }

    /// The notice for readers of `lang` on an article (in `page_lang`) that
    /// has a version in `lang`: where it is.
    pub fn write_translated(
        &self,
        out: &mut String,
        page_lang: &str,
        lang: &str,
        version: &TitleLink,
    ) {
        let Some(texts) = self.by_lang.get(lang) else {
            return;
        };
        open(
            out,
            "p",
            "notice-translated",
            "data-translated",
            lang,
            page_lang,
        );
        out.push_str(&texts.translated);
        out.push_str(" <a href=\"");
        escape_into(out, &version.url);
        out.push_str("\" data-lang=\"");
        escape_into(out, lang);
        out.push_str("\">");
        escape_into(out, version.title);
        out.push_str("</a></p>");
    }
}

/// A notice's opening tag: hidden, in its readers' language (with its
/// direction when the page is written the other way), marked for the head
/// script's rule (`data-for-reader`) and for tests and themes by kind.
fn open(out: &mut String, tag: &str, class: &str, kind: &str, lang: &str, page_lang: &str) {
    let lang = escape(lang);
    let _ = write!(
        out,
        "\n<{tag} class=\"notice {class}\" {kind}=\"{lang}\" data-for-reader=\"{lang}\" hidden role=\"note\" lang=\"{lang}\""
    );
    let dir = crate::i18n::dir_against(&lang, page_lang);
    if !dir.is_empty() {
        let _ = write!(out, " dir=\"{dir}\"");
    }
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> NoticeTexts {
        let config = crate::config::parse(
            std::path::Path::new("/site"),
            std::path::Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://example.org/\"\ndefault_language = \"pt\"\n\
             [languages.pt]\nname = \"Português\"\n[languages.ar]\nname = \"العربية\"\n\
             [languages.hr]\nname = \"Hrvatski\"\n",
            None,
        )
        .unwrap();
        let locales = crate::i18n::parse(crate::i18n::builtin_files()).unwrap();
        NoticeTexts::new(&config, &locales)
    }

    #[test]
    fn an_untranslated_notice_offers_related_articles_else_the_home() {
        let texts = texts();
        let mut out = String::new();
        let related = [TitleLink {
            title: "Slušanje <i>",
            url: "../hr/s/index.html".into(),
        }];
        texts.write_untranslated(&mut out, "pt", "hr", &related, "../hr/index.html");
        assert_eq!(
            out,
            "\n<div class=\"notice notice-untranslated\" data-untranslated=\"hr\" data-for-reader=\"hr\" \
             hidden role=\"note\" lang=\"hr\"><p>Ovaj članak još nije preveden na jezik Hrvatski. \
             Članci na jeziku Hrvatski o istim temama:</p><ul><li><a href=\"../hr/s/index.html\">\
             Slušanje &lt;i&gt;</a></li></ul></div>"
        );
        out.clear();
        texts.write_untranslated(&mut out, "pt", "hr", &[], "../hr/index.html");
        assert!(out.ends_with(
            "<a href=\"../hr/index.html\">Pogledajte članke na jeziku Hrvatski</a></p></div>"
        ));
    }

    #[test]
    fn a_notice_in_a_language_written_the_other_way_says_so() {
        let texts = texts();
        let mut out = String::new();
        let version = TitleLink {
            title: "عنوان",
            url: "../ar/x/index.html".into(),
        };
        texts.write_translated(&mut out, "pt", "ar", &version);
        assert!(out.contains("lang=\"ar\" dir=\"rtl\">"), "{out}");
        out.clear();
        texts.write_translated(&mut out, "pt", "hr", &version);
        assert!(!out.contains("dir="), "{out}");
        out.clear();
        texts.write_translated(&mut out, "pt", "de", &version);
        assert_eq!(out, "", "not a language of the site");
    }
}
