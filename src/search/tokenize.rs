//! Word segmentation.
//!
//! UAX #29 word boundaries (via `unicode-segmentation`) handle the hard
//! cases — hyphens, numbers with separators, scripts without spaces — but
//! treat an apostrophe between letters as part of the word. That is right
//! for English `don't`, and wrong for Italian elision (`dall'inizio`,
//! `nient'altro`, `l'ascolto`), where the part after the apostrophe is the
//! word people search for. Since the handbook is mostly Romance and
//! Croatian text, every apostrophe splits a word; English contractions
//! leave fragments (`don`, `t`) that the English stop list drops.

use unicode_segmentation::UnicodeSegmentation;

/// Apostrophe-like characters that UAX #29 keeps inside a word: ASCII `'`,
/// the typographic right single quote `’` that editors substitute for it,
/// and the modifier letter apostrophe `ʼ` some keyboards produce.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Splits `text` into words, in order. Punctuation and whitespace are
/// dropped. UAX #29 keeps `window.pwned` or `3.5` as one word, but a query is
/// split on every character that is not a letter or digit (in Rust and in the
/// browser alike), so pieces are split the same way here: `3.5` is `3`, `5`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.unicode_words().flat_map(|word| {
        word.split(|c: char| {
            is_apostrophe(c)
                || !(c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
        })
        // A word may start or end with `ʼ` (a letter to UAX #29), or
        // consist of one between two apostrophes; keep only pieces that
        // still carry a letter or digit.
        .filter(|piece| piece.chars().any(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::words;

    fn w(text: &str) -> Vec<&str> {
        words(text).collect()
    }

    #[test]
    fn splits_on_spaces_and_punctuation() {
        assert_eq!(w("Slušajte aktivno!"), ["Slušajte", "aktivno"]);
        assert_eq!(
            w("Ostanite mirni, i budite strpljivi."),
            ["Ostanite", "mirni", "i", "budite", "strpljivi"]
        );
        assert_eq!(w("(«¿Qué?»)"), ["Qué"]);
    }

    #[test]
    fn drops_pure_punctuation() {
        assert!(w("... — !!! ?? -- ' ’ ʼ").is_empty());
        assert!(w("").is_empty());
    }

    #[test]
    fn keeps_numbers() {
        assert_eq!(w("Korak 3 od 10"), ["Korak", "3", "od", "10"]);
        assert_eq!(
            w("version 1.2 in 2024"),
            ["version", "1", "2", "in", "2024"]
        );
        assert_eq!(w("window.pwned=1"), ["window", "pwned", "1"]);
    }

    #[test]
    fn splits_italian_elisions() {
        assert_eq!(w("dall'inizio"), ["dall", "inizio"]);
        assert_eq!(w("nient'altro"), ["nient", "altro"]);
        assert_eq!(
            w("L’ascolto è importante"),
            ["L", "ascolto", "è", "importante"]
        );
        assert_eq!(w("un\u{02BC}altra"), ["un", "altra"]);
    }

    #[test]
    fn english_contractions_split_too() {
        assert_eq!(w("don't"), ["don", "t"]);
        assert_eq!(w("client's"), ["client", "s"]);
    }

    #[test]
    fn hyphenated_words_are_separate() {
        assert_eq!(w("e-mail follow-up"), ["e", "mail", "follow", "up"]);
    }

    #[test]
    fn words_with_diacritics_and_combining_marks() {
        assert_eq!(w("rješenje solución"), ["rješenje", "solución"]);
        assert_eq!(w("Z\u{030C}ena"), ["Z\u{030C}ena"]);
    }

    #[test]
    fn returns_borrowed_slices_of_the_input() {
        let text = String::from("abc def");
        let got: Vec<&str> = words(&text).collect();
        assert_eq!(got[1].as_ptr(), text[4..].as_ptr());
    }
}
