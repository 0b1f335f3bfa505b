//! The labels of callouts (`> [!WARNING]`, see [`crate::markdown::callouts`])
//! in each language of the site, put into the titles the Markdown stage left
//! holding catalog keys.

use crate::config::SiteConfig;
use crate::i18n::Locales;
use crate::markdown::callouts::{fill_titles, KEYS};
use crate::render::feeds::escape;
use std::borrow::Cow;
use std::collections::HashMap;

/// Every language's callout labels, formatted and escaped once per build, in
/// the order of [`KEYS`].
pub struct CalloutLabels {
    by_lang: HashMap<String, [String; KEYS.len()]>,
}

impl CalloutLabels {
    pub fn new(config: &SiteConfig, locales: &Locales) -> CalloutLabels {
        let by_lang = config
            .languages
            .iter()
            .map(|l| {
                let chain = config.fallback_chain(&l.code);
                // As for the notices: a broken message shows Fluent's own
                // rendering of the mistake, where the editor will see it.
                let labels = KEYS.map(|key| {
                    escape(
                        &locales
                            .format(&chain, key, None)
                            .unwrap_or_else(|e| format!("{{{e}}}")),
                    )
                });
                (l.code.clone(), labels)
            })
            .collect();
        CalloutLabels { by_lang }
    }

    /// `html`, rendered from Markdown in `lang`, with its callouts' labels.
    pub fn fill<'h>(&self, lang: &str, html: &'h str) -> Cow<'h, str> {
        let labels = self.by_lang.get(lang);
        fill_titles(html, &|key| {
            let i = KEYS.iter().position(|k| *k == key);
            match (labels, i) {
                (Some(labels), Some(i)) => labels[i].as_str(),
                // A language not of the site has no pages: keep the key.
                _ => key,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_gets_its_catalogs_label_escaped() {
        let config = crate::config::parse(
            std::path::Path::new("/site"),
            std::path::Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://example.org/\"\ndefault_language = \"pt\"\n\
             [languages.pt]\nname = \"Português\"\n[languages.hr]\nname = \"Hrvatski\"\n",
            None,
        )
        .unwrap();
        let locales = crate::i18n::parse(crate::i18n::builtin_files()).unwrap();
        let labels = CalloutLabels::new(&config, &locales);
        let html = crate::markdown::render_simple("> [!WARNING]\n> Pazite.\n");
        assert_eq!(
            labels.fill("hr", &html),
            "<div class=\"callout callout-warning\" role=\"note\">\n\
             <p class=\"callout-title\">Upozorenje</p>\n<p>Pazite.</p>\n</div>\n"
        );
        assert!(labels.fill("pt", &html).contains(">Atenção</p>"));
        let plain = "<p>No callout.</p>";
        assert!(matches!(labels.fill("hr", plain), Cow::Borrowed(_)));
    }
}
