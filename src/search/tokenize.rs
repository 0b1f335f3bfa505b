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
///
/// For text whose letters are all Latin, Greek or Cyrillic (every handbook
/// language), UAX #29 followed by that split is the same as taking runs of
/// word characters (up to combining marks, which folding drops), which is
/// several times faster; other scripts (CJK,
/// where every ideograph is a word, and the like) go through UAX #29.
pub fn words(text: &str) -> Words<'_> {
    if all_simple(text) {
        let mut runs = Slices {
            text,
            words: Vec::new(),
        };
        scan_runs(text, &mut runs);
        Words::Runs(runs.words.into_iter())
    } else {
        Words::Segmented(Box::new(segmented(text)))
    }
}

/// The iterator of [`words`].
pub enum Words<'a> {
    Runs(std::vec::IntoIter<&'a str>),
    Segmented(Box<dyn Iterator<Item = &'a str> + 'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Runs(runs) => runs.next(),
            Words::Segmented(words) => words.next(),
        }
    }
}

/// Characters inside a word: letters, digits and combining marks, but not
/// apostrophes.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 and Latin Extended letters, the bulk of non-ASCII handbook
    // text, without the Unicode table search.
    if is_latin_letter(c) {
        return true;
    }
    (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)) && !is_apostrophe(c)
}

/// Every character from `À` to the end of Latin Extended-B is a letter,
/// except `×` and `÷`.
fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F)
}

/// Whether `c` is a letter or digit, for the scan of a run.
fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin_letter(c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// Whether `c` cannot make UAX #29 split a run of word characters: anything
/// that is not a word character, or a letter or digit of the scripts whose
/// letters UAX #29 all treats alike (`tests::runs_match_uax29` checks it).
fn is_simple(c: char) -> bool {
    c.is_ascii()
        || matches!(c as u32, 0xAA | 0xB5 | 0xBA | 0xC0..=0x24F | 0x386..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F)
        || !is_word_char(c)
}

/// `text.chars().all(is_simple)`, deciding ASCII (always simple) eight
/// bytes at a time.
fn all_simple(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
            if word & 0x8080_8080_8080_8080 == 0 {
                at += 8;
                continue;
            }
        }
        let (c, len) = char_at(text, at);
        if !is_simple(c) {
            return false;
        }
        at += len;
    }
    true
}

/// The folded words of a text, in order, in one reused buffer: the
/// [`fold`](crate::text::fold::fold) of each of [`words`], in a single pass over
/// text made of simple characters (the usual case), where `words` first
/// checks them all.
#[derive(Default)]
pub struct FoldedWords {
    text: String,
    ends: Vec<usize>,
}

impl FoldedWords {
    /// Replaces the words with those of `text`.
    pub fn fill(&mut self, text: &str) {
        self.text.clear();
        self.ends.clear();
        if scan_runs(text, self) {
            return;
        }
        self.text.clear();
        self.ends.clear();
        let mut buffer = String::new();
        for word in segmented(text) {
            self.text
                .push_str(crate::text::fold::folded(word, &mut buffer));
            self.ends.push(self.text.len());
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let word = &self.text[start..end];
            start = end;
            word
        })
    }
}

impl RunSink for FoldedWords {
    #[inline]
    fn ascii(&mut self, byte: u8) {
        self.text.push(byte.to_ascii_lowercase() as char);
    }

    #[inline]
    fn other(&mut self, c: char) {
        crate::text::fold::push_folded(c, &mut self.text);
    }

    fn end(&mut self, _: std::ops::Range<usize>, is_word: bool) {
        if is_word {
            self.ends.push(self.text.len());
        } else {
            self.text.truncate(self.ends.last().copied().unwrap_or(0));
        }
    }
}

/// What [`scan_runs`] reports: each character of a run as it is read, then
/// the run's byte range, and whether it is a word (it holds a letter or digit).
trait RunSink {
    fn ascii(&mut self, byte: u8);
    fn other(&mut self, c: char);
    fn end(&mut self, range: std::ops::Range<usize>, is_word: bool);
}

/// The unfolded words, borrowed from the text.
struct Slices<'a> {
    text: &'a str,
    words: Vec<&'a str>,
}

impl RunSink for Slices<'_> {
    fn ascii(&mut self, _: u8) {}
    fn other(&mut self, _: char) {}
    fn end(&mut self, range: std::ops::Range<usize>, is_word: bool) {
        if is_word {
            self.words.push(&self.text[range]);
        }
    }
}

/// Maximal runs of word characters, in one pass over the characters; false
/// (and the runs so far) when a word character is not [`is_simple`], as the
/// text then needs UAX #29.
fn scan_runs(text: &str, sink: &mut impl RunSink) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
        } else {
            let (c, len) = char_at(text, at);
            if !is_word_char(c) {
                at += len;
                continue;
            }
        }
        let start = at;
        let mut has_alphanumeric = false;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                sink.ascii(b);
                has_alphanumeric = true;
                at += 1;
                continue;
            }
            let (c, len) = char_at(text, at);
            if is_latin_letter(c) {
                has_alphanumeric = true;
            } else if !is_word_char(c) {
                break;
            } else if !is_simple(c) {
                return false;
            } else {
                has_alphanumeric = has_alphanumeric || is_alphanumeric(c);
            }
            sink.other(c);
            at += len;
        }
        sink.end(start..at, has_alphanumeric);
    }
    true
}

/// The character at byte `at` (a character boundary) and its length in bytes.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[at..].chars().next().unwrap_or_default();
    (c, c.len_utf8())
}

fn segmented(text: &str) -> impl Iterator<Item = &str> {
    text.unicode_words().flat_map(|word| {
        word.split(|c: char| !is_word_char(c))
            // A word may start or end with `ʼ` (a letter to UAX #29), or
            // consist of one between two apostrophes; keep only pieces that
            // still carry a letter or digit.
            .filter(|piece| piece.chars().any(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::words;
    use crate::text::fold::fold;

    fn w(text: &str) -> Vec<&str> {
        words(text).collect()
    }

    #[test]
    fn folded_words_are_the_folds_of_words() {
        let mut folded = super::FoldedWords::default();
        for text in [
            "Slušajte aktivno, l'ascolto è importante!",
            "",
            "naïve cafe\u{301} 3.5 — x",
            "mixed 漢字テキスト and latin",
            "e\u{301}\u{301} \u{301} ok",
            "Ωμέγα кириллица ʼapostropheʼ ΣΟΦΟΣ",
            "ĐURĐEVAC Straße İstanbul ÆØÅ œuvre x² ½ №5",
            "Rješenje, SOLUCIÓN e Solução: as três!",
        ] {
            folded.fill(text);
            let expected: Vec<String> = w(text).into_iter().map(fold).collect();
            assert_eq!(folded.iter().collect::<Vec<_>>(), expected, "{text:?}");
        }
        // Reused: nothing of the previous text is left.
        folded.fill("um");
        assert_eq!(folded.iter().collect::<Vec<_>>(), ["um"]);
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
    fn other_scripts_are_segmented_by_uax29() {
        assert_eq!(w("日本語 test"), ["日", "本", "語", "test"]);
        assert_eq!(w("x² ok"), ["x", "²", "ok"]);
    }

    /// The fast path must give what UAX #29 gives once folded (every caller
    /// folds), for every character it takes, next to letters, digits, marks
    /// and separators; where a neighbour is not simple (a combining mark),
    /// the runs must notice and hand the text to UAX #29.
    #[test]
    fn runs_match_uax29() {
        let simple: Vec<char> = (0u32..0x600)
            .filter_map(char::from_u32)
            .filter(|&c| super::is_simple(c))
            .collect();
        let neighbours = [
            "a", "Z", "7", "\u{301}", " ", ".", "'", "\u{2019}", "-", "_", ":", ",", "\u{0}", "\n",
        ];
        let mut folded = super::FoldedWords::default();
        for &c in &simple {
            for left in neighbours {
                for right in neighbours {
                    let text = format!("{left}{c}{right}x{c}{c} {c}");
                    let uax: Vec<String> = super::segmented(&text).map(fold).collect();
                    let runs: Vec<String> = words(&text).map(fold).collect();
                    assert_eq!(runs, uax, "U+{:04X} in {text:?}", c as u32);
                    folded.fill(&text);
                    let fused: Vec<&str> = folded.iter().collect();
                    assert_eq!(fused, uax, "U+{:04X} in {text:?}", c as u32);
                }
            }
        }
    }

    #[test]
    fn returns_borrowed_slices_of_the_input() {
        let text = String::from("abc def");
        let got: Vec<&str> = words(&text).collect();
        assert_eq!(got[1].as_ptr(), text[4..].as_ptr());
    }
}
