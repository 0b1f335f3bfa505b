//! The analysis pipeline: words → fold → drop stop words → stem.
//!
//! Everything the index stores goes through these steps, so that a query
//! term and an indexed term meet only if they were reduced alike: topic
//! labels through [`analyze`]; documents through the same steps fused into
//! one scanner for speed (`postings.rs`, `tokenize::FoldedWords`, held equal
//! to [`words`] + [`fold`] by `tokenize`'s tests). Query text is the one
//! exception, and on purpose: the browser splits it (`query::query_words`,
//! `engine.js`) on every character that is not a letter or digit, because it
//! has no UAX #29 word breaker to match ours; the two agree on what letters
//! make a word, and each query word is then folded and stemmed as here.

use super::stem::stem;
use super::stop_words::is_stop_word;
use super::tokenize::words;
use crate::text::fold::fold;

/// One indexed word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word folded (lowercase, no diacritics), for exact and prefix
    /// matching and for highlighting.
    pub surface: String,
    /// The stem of `surface`, for matching other forms of the word.
    pub stem: String,
    /// Index of the word in the text, counting stop words, so that
    /// phrase and proximity matching see the real distance between words
    /// (`budite strpljivi` in `budite mirni i strpljivi` is 3 apart).
    pub position: u32,
}

/// Analyzes `text` written in `lang` (a language tag such as `hr` or
/// `pt-BR`; unknown languages are folded but not stemmed or filtered).
pub fn analyze(lang: &str, text: &str) -> Vec<Token> {
    words(text)
        .zip(0u32..)
        .filter_map(|(word, position)| {
            let surface = fold(word);
            // Folding can empty a "word" made only of combining marks.
            if surface.is_empty() || is_stop_word(lang, &surface) {
                return None;
            }
            let stem = stem(lang, &surface);
            Some(Token {
                surface,
                stem,
                position,
            })
        })
        .collect()
}

/// The folded words of `text` without stop words, unstemmed: the index
/// stems each distinct word once per language instead of every occurrence.
pub fn surfaces<'a>(lang: &'a str, text: &'a str) -> impl Iterator<Item = String> + 'a {
    words(text)
        .map(fold)
        .filter(move |surface| !surface.is_empty() && !is_stop_word(lang, surface))
}

#[cfg(test)]
mod tests {
    use super::{analyze, Token};

    fn stems(lang: &str, text: &str) -> Vec<String> {
        analyze(lang, text).into_iter().map(|t| t.stem).collect()
    }

    fn surfaces(lang: &str, text: &str) -> Vec<String> {
        analyze(lang, text).into_iter().map(|t| t.surface).collect()
    }

    #[test]
    fn croatian_heading() {
        let tokens = analyze("hr", "Ostanite mirni i budite strpljivi");
        let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
        assert_eq!(surfaces, ["ostanite", "mirni", "budite", "strpljivi"]);
        let positions: Vec<u32> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 3, 4]);
        assert_eq!(tokens[1].stem, super::super::stem::stem_hr("miran"));
    }

    #[test]
    fn query_and_text_meet_on_stems() {
        let text = stems("hr", "Potražite podršku ako je potrebna");
        let query = stems("hr", "podrska potrazi");
        assert_eq!(text.len(), 3);
        for q in &query {
            assert!(text.contains(q), "{q} not in {text:?}");
        }
        let text = stems("hr", "Ponudite rješenja");
        assert!(text.contains(&stems("hr", "rjesenje")[0]));
    }

    #[test]
    fn folding_makes_accents_optional() {
        assert_eq!(stems("es", "Solución"), stems("es", "solucion"));
        assert_eq!(stems("pt", "Crônicos"), stems("pt", "cronico"));
        assert_eq!(stems("hr", "Slušajte"), stems("hr", "slusati"));
    }

    #[test]
    fn italian_elision_and_stop_words() {
        assert_eq!(
            surfaces("it", "Dall'inizio, nient'altro"),
            ["inizio", "nient", "altro"]
        );
        let tokens = analyze("it", "dall'inizio");
        assert_eq!(tokens[0].position, 1);
    }

    #[test]
    fn english_contractions() {
        assert_eq!(
            surfaces("en", "Don't interrupt the client's story"),
            ["interrupt", "client", "story"]
        );
    }

    #[test]
    fn numbers_are_kept() {
        let tokens = analyze("en", "Step 3 of 10");
        assert_eq!(
            tokens,
            [
                Token {
                    surface: "step".into(),
                    stem: "step".into(),
                    position: 0
                },
                Token {
                    surface: "3".into(),
                    stem: "3".into(),
                    position: 1
                },
                Token {
                    surface: "10".into(),
                    stem: "10".into(),
                    position: 3
                },
            ]
        );
    }

    #[test]
    fn unknown_language_folds_only() {
        assert_eq!(
            stems("de", "Die Kunden sind König"),
            ["die", "kunden", "sind", "konig"]
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(analyze("hr", "").is_empty());
        assert!(analyze("pt", " ... — !? ").is_empty());
        assert!(analyze("en", "the and of").is_empty());
    }

    #[test]
    fn lone_combining_marks_are_dropped() {
        // U+093F is alphabetic, so it segments as a word, but folds to "".
        assert!(analyze("hr", "\u{093F}").is_empty());
    }
}
