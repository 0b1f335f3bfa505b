//! Which language a text is in (whatlang), as the site's language codes
//! name it, and which words of a heading are in another language: scraped
//! machine translations often leave words of the original in headings.

use crate::text::fold::fold;
use std::collections::HashSet;
use whatlang::{Detector, Lang};

#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    /// ISO 639-1, as site codes use it (`pt`, `hr`).
    pub code: &'static str,
    /// Its English name, for messages.
    pub name: &'static str,
    pub reliable: bool,
    pub confidence: f64,
}

pub fn guess(text: &str) -> Option<Guess> {
    let info = whatlang::detect(text)?;
    Some(Guess {
        code: iso639_1(info.lang())?,
        name: info.lang().eng_name(),
        reliable: info.is_reliable(),
        confidence: info.confidence(),
    })
}

/// The configured code (`pt-BR` for `pt`) that `code` names, if any.
pub fn site_code<'a>(code: &str, site: &'a [String]) -> Option<&'a String> {
    site.iter()
        .find(|s| s.eq_ignore_ascii_case(code))
        .or_else(|| site.iter().find(|s| primary(s) == code))
}

pub fn primary(code: &str) -> String {
    crate::language_tag::primary_of(code).to_ascii_lowercase()
}

/// English name of a site code's language, or the code itself.
pub fn name_of(code: &str) -> String {
    let p = primary(code);
    Lang::all()
        .iter()
        .find(|l| iso639_1(**l) == Some(p.as_str()))
        .map_or(p.clone(), |l| l.eng_name().to_string())
}

/// Languages too alike for a few words to tell apart: a heading that looks
/// Spanish in a Portuguese article is more likely Portuguese.
const RELATIVES: &[&[&str]] = &[
    &["pt", "es", "it", "fr", "ca", "ro", "gl"],
    &["hr", "sr", "bs", "sl", "mk", "bg"],
    &["cs", "sk", "pl"],
    &["da", "nb", "no", "sv"],
    &["ru", "uk", "be"],
    &["nl", "af", "de"],
];

fn related(a: &str, b: &str) -> bool {
    RELATIVES.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// Words of the text, folded, cut to a stem-like prefix: a heading word
/// that the article itself uses in some form is in the article's language.
pub fn word_stems(text: &str) -> HashSet<String> {
    words(text).map(|w| stem_prefix(&fold(w))).collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
}

fn stem_prefix(folded: &str) -> String {
    folded.chars().take(5).collect()
}

/// Words of `heading` in another of `candidates` (site codes, English
/// always added) than the article's `own` language, with that language's
/// name. Needs two words at least: one word alone is too short to judge.
pub fn foreign_words(
    heading: &str,
    own: &str,
    candidates: &[String],
    article: &HashSet<String>,
) -> Option<(String, Vec<String>)> {
    let own = primary(own);
    let own_lang = lang_of(&own)?;
    if words(heading).count() < 2 {
        return None;
    }
    let full = Detector::new();
    let mut others: Vec<String> = candidates.iter().map(|c| primary(c)).collect();
    others.push("en".into());
    others.dedup();
    for other in others {
        if other == own || related(&own, &other) {
            continue;
        }
        let Some(other_lang) = lang_of(&other) else {
            continue;
        };
        let pair = Detector::with_allowlist(vec![own_lang, other_lang]);
        if pair.detect_lang(heading) != Some(other_lang) {
            continue;
        }
        // The word must look foreign both between the two and among all
        // languages, and be a word the article does not use.
        let found: Vec<String> = words(heading)
            .filter(|w| {
                pair.detect_lang(w) == Some(other_lang)
                    && full.detect_lang(w) == Some(other_lang)
                    && !article.contains(&stem_prefix(&fold(w)))
            })
            .map(str::to_string)
            .collect();
        if !found.is_empty() {
            return Some((other_lang.eng_name().to_string(), found));
        }
    }
    None
}

fn lang_of(code: &str) -> Option<Lang> {
    Lang::all()
        .iter()
        .copied()
        .find(|l| iso639_1(*l) == Some(code))
}

fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Vec<String> {
        ["pt", "hr", "es", "it"].map(String::from).to_vec()
    }

    #[test]
    fn guesses_map_to_site_codes() {
        let g = guess("Saber como lidar com clientes difíceis é uma habilidade essencial para os trabalhadores em muitos tipos de negócios.").unwrap();
        assert_eq!(g.code, "pt");
        let codes = vec!["pt-BR".to_string(), "hr".to_string()];
        assert_eq!(site_code("pt", &codes).map(String::as_str), Some("pt-BR"));
        assert_eq!(site_code("es", &codes), None);
    }

    #[test]
    fn english_words_left_in_a_portuguese_heading_are_found() {
        let article = word_stems("Para capturar o humor que ajuda você a negociar com sucesso");
        let (lang, words) = foreign_words("Feito Gathering", "pt", &site(), &article).unwrap();
        assert_eq!(
            (lang.as_str(), words),
            ("English", vec!["Gathering".to_string()])
        );
        assert!(foreign_words("A Frame adequada of Mind", "pt", &site(), &article).is_some());
    }

    #[test]
    fn own_language_headings_and_single_words_pass() {
        let article = word_stems("Ova dokumentacija služi kao zapis");
        for (heading, lang) in [
            ("9. Dokumentirajte situaciju", "hr"),
            ("dicas & avisos", "pt"),
            ("E: Empatizar y pedir disculpas", "es"),
            ("Reconhecendo os sentimentos do cliente", "pt"),
            ("Gathering", "pt"),
        ] {
            assert_eq!(
                foreign_words(heading, lang, &site(), &article),
                None,
                "{heading}"
            );
        }
    }
}
