//! The one place that decides which stemmer a language gets.
//!
//! Portuguese, Spanish, Italian and English use the Snowball stemmers from
//! `rust-stemmers`; Croatian, which Snowball lacks, uses our own
//! [`stem_hr`]. Any other language is indexed
//! unstemmed, which is safe (exact matches still work) if not clever.
//!
//! # Folded input
//!
//! Snowball stemmers are written for accented text, but the index folds
//! words first (so `solucion` finds `solución`), and the stemmer must see
//! the same input at index and query time, so it always gets the folded
//! form. For the inflections the handbook needs this is harmless — the
//! tests below pin the cases that matter. Known side effects:
//!
//! - Portuguese: the suffix rules for `-ação`/`-ações`, `-ância` and
//!   `-ência` are spelled with their accents and never fire on folded
//!   words (`comunicacao` would stem to `comunicaca`, `importancia` would
//!   not meet `importante`). `restore_accents` puts those accents back on
//!   the word ending before stemming, and also maps the plural `-ões` to
//!   `-ão`, which Snowball itself leaves apart (`soluções` → `soluçõ` but
//!   `solução` → `soluçã`). Other accented rules still miss on folded
//!   input, mainly rare verb endings (`-ávamos`, `-íssemos`) and plurals in
//!   `-eis` (`difíceis` vs `difícil`, which Snowball misses even unfolded).
//! - Spanish: likewise `-ación`/`-ución` and `-logía` need their accent
//!   (`informacion` would not meet `informar`); `restore_accents` restores
//!   `-ción` and `-logía`. Elsewhere folding only shifts where a stem ends
//!   (`tambien` → `tambi`, `empatia` → `empati`), the same way for index
//!   and query.
//! - Italian: final stressed vowels lose their accent. `città`/`citta`
//!   still agree, and `attivita` stems like `attività`; a few `-ità` nouns
//!   stem shorter than unfolded (`qualita` → `qual`, not `qualit`), which is
//!   consistent between index and query and so costs little.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::stem_hr::stem_hr_rules;
use super::stem_hr_exceptions::{form_exception, stem_exception};
use crate::text::fold::fold;

/// Languages that get a stop list and a real stemmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Pt,
    Hr,
    Es,
    It,
    En,
}

impl Lang {
    /// Parses a BCP 47-ish tag. Only the primary subtag counts, so `pt-BR`,
    /// `pt_PT` and `PT` are all Portuguese; unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = crate::language_tag::primary_of(tag);
        [
            ("pt", Lang::Pt),
            ("hr", Lang::Hr),
            // Serbian (in either alphabet: fold writes Cyrillic in Latin),
            // Bosnian and Montenegrin inflect as Croatian does.
            ("sr", Lang::Hr),
            ("bs", Lang::Hr),
            ("cnr", Lang::Hr),
            ("es", Lang::Es),
            ("it", Lang::It),
            ("en", Lang::En),
        ]
        .into_iter()
        .find(|(code, _)| primary.eq_ignore_ascii_case(code))
        .map(|(_, lang)| lang)
    }
}

/// Snowball stemmers are built from tables at creation time, so build them
/// once per process instead of once per word.
struct Stemmers {
    pt: Stemmer,
    es: Stemmer,
    it: Stemmer,
    en: Stemmer,
}

fn stemmers() -> &'static Stemmers {
    static STEMMERS: OnceLock<Stemmers> = OnceLock::new();
    STEMMERS.get_or_init(|| Stemmers {
        pt: Stemmer::create(Algorithm::Portuguese),
        es: Stemmer::create(Algorithm::Spanish),
        it: Stemmer::create(Algorithm::Italian),
        en: Stemmer::create(Algorithm::English),
    })
}

/// What the browser needs to stem like [`stem`]: the JavaScript stemmer of a
/// language, shipped with the index as `stemmers/<code>.js` and loaded only
/// when a query needs it. `tests/testsuite/stem_parity.rs` holds the two equal.
#[derive(Clone, Copy, Debug)]
pub struct JsStemmer {
    /// File name: the stemmer's language code.
    pub code: &'static str,
    /// [`restore_accents`]'s table for this language (empty: none).
    pub restore: &'static [(&'static str, &'static str)],
    /// Whether the stem is folded again (Snowball stems of restored endings
    /// keep their accents; `stem_hr` works on folded letters only).
    pub refold: bool,
    /// The language's own script: an expression whose value is the stem
    /// function, or with `shared`, a function that takes that library's
    /// value and returns the stem function.
    pub script: &'static str,
    /// A library the script takes (an expression), written once for the
    /// languages that share it.
    pub shared: Option<&'static str>,
}

impl JsStemmer {
    /// A JavaScript expression whose value is the stem function: the script
    /// applied to its library, so that the shipped file needs no other.
    pub fn source(&self) -> String {
        match self.shared {
            // The library on lines of its own, so that its leading comments
            // stay whole lines, which the build drops.
            Some(library) => format!("{}(\n{}\n)", self.script.trim_end(), library.trim_end()),
            None => self.script.to_string(),
        }
    }
}

/// The Snowball machinery that the pt, es and it scripts share.
const SNOWBALL_JS: &str = include_str!("stemmers/snowball.js");

/// The JavaScript twin of [`stem`] for `lang`, or `None` where [`stem`] is
/// the identity (the browser then uses the folded word as it is).
pub fn js_stemmer(lang: &str) -> Option<JsStemmer> {
    let lang = Lang::from_tag(lang)?;
    let (code, restore, refold, script) = match lang {
        Lang::Pt => ("pt", PT_RESTORE, true, include_str!("stemmers/pt.js")),
        Lang::Hr => ("hr", &[][..], false, include_str!("stemmers/hr.js")),
        Lang::Es => ("es", ES_RESTORE, true, include_str!("stemmers/es.js")),
        Lang::It => ("it", &[][..], true, include_str!("stemmers/it.js")),
        Lang::En => ("en", &[][..], true, include_str!("stemmers/en.js")),
    };
    let shared = match lang {
        Lang::Pt | Lang::Es | Lang::It => Some(SNOWBALL_JS),
        Lang::Hr => Some(super::stem_hr_exceptions::TABLE_JS),
        // English needs only a few small helpers, which it keeps: with the
        // library its file would grow by a fifth.
        Lang::En => None,
    };
    Some(JsStemmer {
        code,
        restore,
        refold,
        script,
        shared,
    })
}

/// Stems a word that has already been through [`fold`]. The stem is folded
/// too. Unknown languages return the word unchanged.
pub fn stem(lang: &str, folded_word: &str) -> String {
    let all = stemmers();
    let (snowball, word) = match Lang::from_tag(lang) {
        None => return folded_word.to_string(),
        Some(Lang::Hr) => return stem_hr(folded_word),
        Some(Lang::Pt) => (&all.pt, restore_accents(PT_RESTORE, folded_word)),
        Some(Lang::Es) => (&all.es, restore_accents(ES_RESTORE, folded_word)),
        Some(Lang::It) => (&all.it, Cow::Borrowed(folded_word)),
        Some(Lang::En) => (&all.en, Cow::Borrowed(folded_word)),
    };
    // Restored accents survive stemming (`situação` → `situaçã`); folding
    // them away again keeps every term in the index in one alphabet.
    match snowball.stem(&word) {
        stemmed if stemmed.is_ascii() => stemmed.into_owned(),
        stemmed => fold(&stemmed),
    }
}

/// Stems a folded Croatian (Serbian, Bosnian, Montenegrin) word: the
/// exception table's stem where it has the word, else the rules' stem, or
/// the stem the table gives that one ([`super::stem_hr`],
/// [`super::stem_hr_exceptions`]).
pub fn stem_hr(folded_word: &str) -> String {
    if let Some(stem) = form_exception(folded_word) {
        return stem.to_string();
    }
    let stem = stem_hr_rules(folded_word);
    match stem_exception(&stem) {
        Some(joined) => joined.to_string(),
        None => stem,
    }
}

/// Folded Portuguese endings whose Snowball rules need the accents back.
/// Longest first: the first match wins.
pub const PT_RESTORE: &[(&str, &str)] = &[
    ("ancias", "âncias"),
    ("encias", "ências"),
    ("ancia", "ância"),
    ("encia", "ência"),
    ("coes", "ção"),
    ("cao", "ção"),
    ("oes", "ao"),
];

/// The same for Spanish. The plural `-ciones` carries no accent.
pub const ES_RESTORE: &[(&str, &str)] =
    &[("logias", "logías"), ("logia", "logía"), ("cion", "ción")];

/// Rewrites the ending of a folded word so Snowball's accent-spelled
/// suffix rules apply; see the module docs. The accent is a guess from the
/// folded spelling (`ç` before Portuguese `-ão`, although `falcão` has a
/// plain `c`); a wrong guess is harmless because index and query make the
/// same one.
pub fn restore_accents<'a>(table: &[(&str, &str)], folded_word: &'a str) -> Cow<'a, str> {
    // Short words (`cao`, `aos`) are whole words, not endings. Counted in
    // characters, as the browser's twin counts them.
    if folded_word.chars().count() < 5 {
        return Cow::Borrowed(folded_word);
    }
    for (folded, accented) in table {
        if let Some(base) = folded_word.strip_suffix(folded) {
            return Cow::Owned(format!("{base}{accented}"));
        }
    }
    Cow::Borrowed(folded_word)
}

#[cfg(test)]
mod tests {
    use super::{fold, stem, Lang};

    /// Every word in a group must reduce to the same stem once folded.
    fn assert_conflate(lang: &str, group: &[&str]) {
        let stems: Vec<String> = group.iter().map(|w| stem(lang, &fold(w))).collect();
        assert!(
            stems.windows(2).all(|p| p[0] == p[1]),
            "{lang}: {group:?} stem to {stems:?}"
        );
    }

    fn assert_distinct(lang: &str, a: &str, b: &str) {
        assert_ne!(
            stem(lang, &fold(a)),
            stem(lang, &fold(b)),
            "{lang}: {a} vs {b}"
        );
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag("pt"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("HR"), Some(Lang::Hr));
        for tag in ["sr", "sr-Latn", "sr-Cyrl", "bs", "cnr"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::Hr), "{tag}");
        }
        assert_eq!(Lang::from_tag("es_MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("it"), Some(Lang::It));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("english"), None);
    }

    #[test]
    fn unknown_language_is_identity() {
        assert_eq!(stem("de", "kunden"), "kunden");
        assert_eq!(stem("", "clients"), "clients");
    }

    #[test]
    fn croatian_uses_own_stemmer() {
        assert_eq!(stem("hr", "klijentima"), stem("hr", "klijent"));
        assert_eq!(stem("hr-HR", "rjesenja"), stem("hr", "rjesenje"));
    }

    #[test]
    fn portuguese_folded() {
        assert_conflate("pt", &["clientes", "cliente"]);
        assert_conflate("pt", &["crônicos", "crônico", "crônica", "crônicas"]);
        assert_conflate(
            "pt",
            &["escute", "escutar", "escutando", "escutamos", "escuta"],
        );
        assert_conflate("pt", &["mostre", "mostrar", "mostrando"]);
        assert_conflate("pt", &["limites", "limite"]);
        assert_conflate("pt", &["calmo", "calma", "calmos"]);
        assert_distinct("pt", "cliente", "calmo");
    }

    #[test]
    fn portuguese_restored_suffixes() {
        assert_conflate("pt", &["soluções", "solução", "solucoes", "solucao"]);
        assert_conflate("pt", &["situações", "situação"]);
        assert_conflate("pt", &["comunicação", "comunicações", "comunicar"]);
        assert_conflate("pt", &["reclamação", "reclamações", "reclamar"]);
        assert_conflate("pt", &["importância", "importante"]);
        assert_conflate("pt", &["experiência", "experiências"]);
        assert_conflate("pt", &["limões", "limão"]);
        assert_distinct("pt", "atenção", "atento");
        assert_eq!(stem("pt", "situacao"), "situaca");
        // Whole short words are not endings.
        assert_eq!(super::restore_accents(super::PT_RESTORE, "cao"), "cao");
        assert_eq!(super::restore_accents(super::PT_RESTORE, "ações"), "ações");
    }

    #[test]
    fn portuguese_known_misses() {
        // Snowball keeps -eis plurals apart from the singular, folded or not.
        assert_ne!(stem("pt", &fold("difíceis")), stem("pt", &fold("difícil")));
    }

    #[test]
    fn spanish_folded() {
        assert_conflate("es", &["soluciones", "solución"]);
        assert_conflate("es", &["escucha", "escuchar", "escuchando", "escuchamos"]);
        assert_conflate("es", &["clientes", "cliente"]);
        assert_conflate("es", &["difíciles", "difícil"]);
        assert_conflate("es", &["límites", "límite"]);
        assert_conflate("es", &["situaciones", "situación"]);
        assert_conflate("es", &["información", "informaciones", "informar"]);
        assert_conflate("es", &["comunicación", "comunicaciones"]);
        assert_conflate("es", &["psicología", "psicologías"]);
        assert_conflate("es", &["tranquilo", "tranquila", "tranquilos"]);
        assert_distinct("es", "cliente", "calma");
    }

    #[test]
    fn italian_folded() {
        assert_conflate("it", &["clienti", "cliente"]);
        assert_conflate("it", &["difficili", "difficile"]);
        assert_conflate("it", &["ascoltare", "ascolta", "ascoltate"]);
        assert_conflate("it", &["soluzioni", "soluzione"]);
        assert_conflate("it", &["situazioni", "situazione"]);
        assert_conflate("it", &["calmo", "calma", "calmi"]);
        assert_conflate("it", &["città", "citta"]);
        assert_distinct("it", "cliente", "calmo");
    }

    #[test]
    fn english() {
        assert_conflate("en", &["clients", "client"]);
        assert_conflate("en", &["listen", "listening", "listened", "listens"]);
        assert_conflate("en", &["solutions", "solution"]);
        assert_conflate("en", &["boundaries", "boundary"]);
        assert_distinct("en", "client", "calm");
    }

    #[test]
    fn stems_are_folded() {
        let words = [
            "situação",
            "ações",
            "paciência",
            "información",
            "città",
            "rješenje",
            "naïve",
        ];
        for lang in ["pt", "hr", "es", "it", "en"] {
            for w in words {
                let stemmed = stem(lang, &fold(w));
                assert_eq!(fold(&stemmed), stemmed, "{lang}: {w}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for lang in ["pt", "hr", "es", "it", "en", "xx"] {
            for w in [
                "",
                "a",
                "1.5",
                "東京",
                "москва",
                "ß",
                "\u{0301}",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ] {
                let _ = stem(lang, w);
            }
        }
    }
}

// The Croatian stemmer's tests test [`stem_hr`], which is here.
#[cfg(test)]
#[path = "stem_hr_exceptions_tests.rs"]
mod stem_hr_exceptions_tests;
#[cfg(test)]
#[path = "stem_hr_tests.rs"]
mod stem_hr_tests;
