//! Language tags (BCP 47) as a site writes them: `pt-br` names a folder
//! (`content/pt-br/`, the URLs under `pt-br/`), `pt-BR` is what `<html lang>`
//! and `hreflang` print, `pt` picks the stemmer, and `pt-BR → pt` is where
//! its UI strings come from when it has no catalog of its own. Parsed once,
//! where site.toml is read, so no other module splits a code by hand.

use icu_locale_fallback::LocaleFallbacker;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// A valid language tag with what the pipeline asks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageTag {
    written: String,
    canonical: String,
    primary: String,
    rtl: bool,
    parents: Vec<String>,
}

/// Why a text is not a language tag, for the diagnostic that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTag(pub String);

impl std::fmt::Display for InvalidTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not a language code", self.0)
    }
}

impl std::error::Error for InvalidTag {}

impl LanguageTag {
    /// Parses `written`, in any letter case. An underscore (`pt_BR`, a POSIX
    /// locale) is refused although the parser would take it: the tag names a
    /// folder and a URL, where one spelling is enough.
    pub fn parse(written: &str) -> Result<LanguageTag, InvalidTag> {
        let invalid = || InvalidTag(written.to_string());
        if written.contains('_') {
            return Err(invalid());
        }
        let id: LanguageIdentifier = written.parse().map_err(|_| invalid())?;
        if id.language.is_empty() {
            // `und` and tags that start with a script say no language at all.
            return Err(invalid());
        }
        let canonical = id.to_string();
        let primary = id.language.as_str().to_string();
        let parents = cldr_parents(&canonical, &primary);
        Ok(LanguageTag {
            written: written.to_string(),
            rtl: id.character_direction() == CharacterDirection::RTL,
            canonical,
            primary,
            parents,
        })
    }

    /// The tag as site.toml writes it: the name of the language's folders and URLs.
    pub fn as_written(&self) -> &str {
        &self.written
    }

    /// The canonical form (`pt-BR`, `sr-Latn`), for `lang` and `hreflang`.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The language alone (`pt` of `pt-BR`), lowercase: what stemmers and
    /// language detection know.
    pub fn primary(&self) -> &str {
        &self.primary
    }

    /// Whether the language is written right to left (CLDR's data, by
    /// language and script: `az-Arab` is, `az-Latn` is not).
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// `"rtl"` or `"ltr"`, for `dir=""`.
    pub fn direction(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The locales whose data stands in for this one, nearest first, in
    /// canonical form: CLDR's parent locales (`pt-AO → pt-PT → pt`,
    /// `es-MX → es-419 → es`). Empty for a bare language.
    pub fn parents(&self) -> &[String] {
        &self.parents
    }

    /// Where this language's own data (catalogs, labels) is looked for: as
    /// written (a site's `locales/pt-br/`), canonical (`locales/pt-BR/`),
    /// then its parents; each once.
    pub fn lookup_chain(&self) -> Vec<&str> {
        let mut chain = vec![self.written.as_str()];
        for next in std::iter::once(&self.canonical).chain(&self.parents) {
            if !chain.contains(&next.as_str()) {
                chain.push(next);
            }
        }
        chain
    }
}

/// The canonical form of `code` (`pt-br` → `pt-BR`), or `code` itself when
/// it is not a tag: for output that must show some language whatever it is given.
pub fn canonical(code: &str) -> String {
    LanguageTag::parse(code).map_or_else(|_| code.to_string(), |tag| tag.canonical)
}

/// The primary language subtag of `code` (`pt` of `pt-BR` or `pt_PT`, `PT`
/// of `PT`: compare it ignoring case), without parsing the rest or
/// allocating: for hot paths that hold a code and ask per word (stemming),
/// and for codes from outside the site (import).
pub fn primary_of(code: &str) -> &str {
    code.split(['-', '_']).next().unwrap_or_default()
}

/// CLDR's parents of `canonical`, through ICU4X's fallback data. Where CLDR
/// goes from a script straight to the root (`sr-Latn`), the bare language
/// (`sr`) is the parent: its UI strings still suit readers better than
/// those of an unrelated default language.
fn cldr_parents(canonical: &str, primary: &str) -> Vec<String> {
    let mut parents: Vec<String> = Vec::new();
    if let Ok(locale) = icu_locale_core::Locale::try_from_str(canonical) {
        let fallbacker = LocaleFallbacker::new();
        let mut steps = fallbacker
            .for_config(Default::default())
            .fallback_for(locale.into());
        // The fallback ends at `und`; the bound only guards against data
        // that would not.
        for _ in 0..16 {
            let current = steps.get();
            if current.is_unknown() {
                break;
            }
            let code = current.to_string();
            if code != canonical && !parents.contains(&code) {
                parents.push(code);
            }
            steps.step();
        }
    }
    if parents.is_empty() && primary != canonical {
        parents.push(primary.to_string());
    }
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(code: &str) -> LanguageTag {
        LanguageTag::parse(code).unwrap()
    }

    #[test]
    fn keeps_the_written_form_and_knows_the_canonical_one() {
        let t = tag("pt-br");
        assert_eq!(
            (t.as_written(), t.canonical(), t.primary()),
            ("pt-br", "pt-BR", "pt")
        );
        let t = tag("PT-BR");
        assert_eq!((t.as_written(), t.canonical()), ("PT-BR", "pt-BR"));
        assert_eq!(tag("sr-latn").canonical(), "sr-Latn");
        assert_eq!(tag("zh-hans").canonical(), "zh-Hans");
        assert_eq!(tag("es-419").canonical(), "es-419");
        assert_eq!(tag("hr").canonical(), "hr");
    }

    #[test]
    fn parents_follow_cldr() {
        let parents = |code: &str| tag(code).parents().to_vec();
        assert_eq!(parents("pt-BR"), ["pt"]);
        assert_eq!(parents("pt-br"), ["pt"]);
        assert_eq!(parents("es-419"), ["es"]);
        assert!(parents("es-MX").ends_with(&["es".to_string()]));
        assert_eq!(parents("hr-HR"), ["hr"]);
        assert_eq!(parents("sr-Latn"), ["sr"]);
        assert_eq!(parents("zh-Hans"), ["zh"]);
        assert!(parents("en-GB").ends_with(&["en".to_string()]));
        assert_eq!(parents("pt-AO"), ["pt-PT", "pt"]);
        assert!(parents("pt").is_empty());
        assert!(parents("en").is_empty());
    }

    #[test]
    fn lookup_chain_tries_the_folder_as_written_first() {
        assert_eq!(tag("pt-br").lookup_chain(), ["pt-br", "pt-BR", "pt"]);
        assert_eq!(tag("pt-BR").lookup_chain(), ["pt-BR", "pt"]);
        assert_eq!(tag("hr").lookup_chain(), ["hr"]);
    }

    #[test]
    fn right_to_left_languages_are_known_by_code_and_script() {
        for rtl in ["ar", "he", "fa", "ur", "ar-EG", "ps", "yi", "az-Arab"] {
            assert!(tag(rtl).is_rtl(), "{rtl}");
            assert_eq!(tag(rtl).direction(), "rtl");
        }
        for ltr in ["pt", "hr", "en", "pt-BR", "sr-Latn", "zh", "az-Latn"] {
            assert_eq!(tag(ltr).direction(), "ltr", "{ltr}");
        }
    }

    #[test]
    fn invalid_tags_are_refused() {
        for bad in [
            "",
            "pt_BR",
            "not a code",
            "p",
            "toolonglanguage",
            "pt-",
            "Latn",
            "und",
        ] {
            let err = LanguageTag::parse(bad).unwrap_err();
            assert_eq!(err.to_string(), format!("`{bad}` is not a language code"));
        }
    }

    #[test]
    fn free_helpers_agree_with_the_type() {
        assert_eq!(canonical("pt-br"), "pt-BR");
        assert_eq!(canonical("not a code"), "not a code");
        assert_eq!(primary_of("PT_br"), "PT");
        assert_eq!(primary_of("pt-BR"), "pt");
        assert_eq!(primary_of("hr"), "hr");
    }
}
