//! Case and diacritic folding, so that a query typed without accents
//! (`resenje`, `solucion`) matches text written with them (`rješenje`,
//! `solución`), and vice versa.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercases `word` and strips diacritics.
///
/// Canonical decomposition (NFD) splits `é` into `e` + U+0301 and the
/// combining mark is dropped. Letters whose stroke or ligature is part of
/// the base glyph (`đ`, `ø`, `ł`, `ß`, `æ`, `œ`, dotless `ı`) have no
/// decomposition, so they are mapped by hand.
///
/// The result is a fixed point: `fold(&fold(x)) == fold(x)`. The index and
/// the query path both fold, and idempotence is what keeps a folded query
/// term equal to the folded index term.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] that leaves Cyrillic in Cyrillic (lowercase, without marks), as
/// fold did before it wrote Cyrillic in Latin letters: addresses and
/// heading ids are made from it and must not change (`text::slug`
/// transliterates with its own table).
pub fn fold_keeping_cyrillic(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_cyrillic(c) {
            out.extend(c.to_lowercase().nfd().filter(|&c| !is_combining_mark(c)));
        } else {
            push_folded(c, &mut out);
        }
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x400..0x530)
}

/// The fold of `word`: `word` itself when it is lowercase ASCII letters and
/// digits (most words, which then need no copy), else [`fold_into`] `buffer`.
pub fn folded<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return word;
    }
    fold_into(word, buffer);
    buffer
}

/// [`fold`] into a reused buffer (cleared first): the indexer folds every
/// word of the site, and most of them need no allocation this way.
///
/// Lowercasing and canonical decomposition work character by character
/// (reordering only moves the combining marks, which are dropped), so a
/// word folds as the concatenation of its characters' folds, and the
/// Latin letters are looked up in a table made once by the general path.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // Most words, in every handbook language, are plain ASCII, and most
    // others start with an ASCII part: that part is copied and lowercased
    // whole.
    let ascii = word
        .bytes()
        .position(|b| !b.is_ascii())
        .unwrap_or(word.len());
    out.push_str(&word[..ascii]);
    out.make_ascii_lowercase();
    if ascii == word.len() {
        return;
    }
    for c in word[ascii..].chars() {
        push_folded(c, out);
    }
}

/// The fold of `c` appended to `out`: a word's fold is its characters' folds
/// one after another (see [`fold_into`]).
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    match c as u32 {
        0..0x80 => out.push(c.to_ascii_lowercase()),
        code @ 0x80..LATIN_END => out.push_str(&latin_table()[(code - 0x80) as usize]),
        _ => fold_char(c, out),
    }
}

/// End of Latin Extended-B: every letter of the handbook's languages is below.
const LATIN_END: u32 = 0x250;

fn latin_table() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END)
            .map(|code| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(code) {
                    fold_char(c, &mut folded);
                }
                folded
            })
            .collect()
    })
}

/// The fold of one character, appended to `out`.
fn fold_char(c: char, out: &mut String) {
    // Lowercase before decomposing and mapping: `İ` lowercases to `i` plus
    // a combining dot that must still be dropped, and `Đ`/`ẞ` must reach the
    // hand-written table below as `đ`/`ß`.
    for c in c.to_lowercase().nfd() {
        if !is_combining_mark(c) {
            push_base_letter(c, out);
        }
    }
}

/// `c`, a lowercase letter without combining marks, with a stroke or
/// ligature that has no decomposition spelled out in plain letters, or a
/// Cyrillic letter.
///
/// Cyrillic is written in Latin letters, as Serbian spells each letter in
/// its Latin alphabet (`љ` → `lj`, `ћ` → `ć`, `џ` → `dž`), then folded
/// (`ć` → `c`): Serbian is written in both alphabets, and a reader typing
/// `klijent` must find `клијент` and the reverse. Letters Serbian lacks get
/// their usual transliteration (`я` → `ja`, `щ` → `šč`); the hard and soft
/// signs are dropped. Both alphabets fold to one, the same way for the index
/// and the query, so nothing is lost for other Cyrillic languages.
fn push_base_letter(c: char, out: &mut String) {
    if let Some(latin) = cyrillic_in_latin(c) {
        out.push_str(latin);
        return;
    }
    match c {
        'đ' => out.push('d'),
        'ß' => out.push_str("ss"),
        'ø' => out.push('o'),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ł' => out.push('l'),
        'ı' => out.push('i'),
        _ => out.push(c),
    }
}

/// The folded Latin spelling of a lowercase Cyrillic letter (letters with
/// a mark, such as `й` and `ё`, arrive here without it).
fn cyrillic_in_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' | 'ђ' => "d",
        'е' | 'э' | 'є' => "e",
        'ж' | 'з' => "z",
        'и' | 'і' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' | 'ц' | 'ч' => "c",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'џ' | 'ѕ' => "dz",
        'ш' => "s",
        'щ' => "sc",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "ju",
        'я' => "ja",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn serbian_cyrillic_folds_as_its_latin_spelling() {
        for (cyrillic, latin) in [
            ("Клијент", "Klijent"),
            ("рјешење", "rješenje"),
            ("љубазност", "ljubaznost"),
            ("ЊЕГОВ", "NJEGOV"),
            ("ћерка", "ćerka"),
            ("џеп", "džep"),
            ("Ђорђе", "Đorđe"),
            ("ЧЕШЋЕ", "ČEŠĆE"),
        ] {
            assert_eq!(fold(cyrillic), fold(latin), "{cyrillic}");
            assert!(fold(cyrillic).is_ascii(), "{cyrillic}");
        }
        assert_eq!(fold("объявление"), "objavlenie");
        assert_eq!(fold("Щука"), "scuka");
        assert_eq!(fold(&fold("Ёлка йод")), fold("Ёлка йод"));
    }

    /// The fold as first written, on the whole word at once: the reference
    /// for the per-character table (the letters without decomposition are
    /// one table, shared).
    fn whole_word(word: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let lowered: String = word.chars().flat_map(char::to_lowercase).collect();
        let mut out = String::new();
        for c in lowered.nfd() {
            if !unicode_normalization::char::is_combining_mark(c) {
                super::push_base_letter(c, &mut out);
            }
        }
        out
    }

    #[test]
    fn folded_is_fold_without_a_copy_for_plain_words() {
        let mut buffer = String::new();
        for word in ["cliente", "2024", "Cliente", "slušanje", "ÉCOUTE", "x²"] {
            assert_eq!(super::folded(word, &mut buffer), fold(word), "{word}");
        }
        let plain = "cliente";
        assert_eq!(super::folded(plain, &mut buffer).as_ptr(), plain.as_ptr());
    }

    #[test]
    fn per_character_folding_equals_whole_word_folding() {
        for code in 0..0x3000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for word in [
                format!("{c}"),
                format!("A{c}\u{301}b"),
                format!("{c}\u{327}\u{301}Đ"),
            ] {
                assert_eq!(fold(&word), whole_word(&word), "U+{code:04X}");
            }
        }
        for word in [
            "Rješenje",
            "SOLUÇÕES",
            "Ǆungla",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "Z\u{30C}ena",
        ] {
            assert_eq!(fold(word), whole_word(word), "{word}");
        }
    }

    #[test]
    fn ascii_is_lowercased() {
        assert_eq!(fold("Hello World 42"), "hello world 42");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn croatian_letters() {
        assert_eq!(fold("Rješenje"), "rjesenje");
        assert_eq!(fold("ČĆŽŠĐ"), "cczsd");
        assert_eq!(fold("čćžšđ"), "cczsd");
        assert_eq!(fold("Pokažite"), "pokazite");
        assert_eq!(fold("poštovanja"), "postovanja");
    }

    #[test]
    fn romance_letters() {
        assert_eq!(fold("crônicos"), "cronicos");
        assert_eq!(fold("Solución"), "solucion");
        assert_eq!(fold("perché"), "perche");
        assert_eq!(fold("NIÑO"), "nino");
        assert_eq!(fold("ação"), "acao");
        assert_eq!(fold("È"), "e");
    }

    #[test]
    fn special_letters_without_decomposition() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("STRAẞE"), "strasse");
        assert_eq!(fold("Øre"), "ore");
        assert_eq!(fold("Æsir"), "aesir");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("ıi"), "ii");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn decomposed_input_matches_precomposed() {
        assert_eq!(fold("e\u{0301}"), fold("é"));
        assert_eq!(fold("Z\u{030C}"), "z");
    }

    #[test]
    fn non_latin_scripts_survive() {
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold("Ἀθῆναι"), "αθηναι");
        assert_eq!(fold("Москва"), "moskva");
        assert_eq!(super::fold_keeping_cyrillic("Москва Čas"), "москва cas");
        assert_eq!(fold("東京"), "東京");
    }

    fn assert_idempotent(s: &str) {
        let once = fold(s);
        assert_eq!(fold(&once), once, "fold is not idempotent on {s:?}");
    }

    #[test]
    fn idempotent_on_samples() {
        for s in [
            "Ostanite mirni i budite strpljivi",
            "Potražite podršku ako je potrebna",
            "dall'inizio nient'altro",
            "STRAẞE Ǆ ǅ ǆ ﬁ Å",
        ] {
            assert_idempotent(s);
        }
    }

    /// Property check over every scalar value in the planes where letters
    /// live, alone and after a base letter (so stray combining marks and
    /// case pairs are exercised in context).
    #[test]
    fn idempotent_on_many_chars() {
        let ranges = [
            0x0000..0x3400u32,
            0xA000..0xAC00,
            0xF900..0x10000,
            0x1D400..0x1D800,
        ];
        let mut buf = String::new();
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            buf.clear();
            buf.push(c);
            assert_idempotent(&buf);
            buf.clear();
            buf.push('A');
            buf.push(c);
            buf.push('ẞ');
            assert_idempotent(&buf);
        }
    }
}
