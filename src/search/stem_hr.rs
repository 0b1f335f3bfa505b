//! The Croatian stemmer, also used for Serbian, Bosnian and Montenegrin.
//!
//! Snowball has no Croatian stemmer, so this is our own, in the spirit of
//! Ljubešić & Pandžić's rule stemmer: remove one inflectional ending, then
//! undo the sound changes that make one word's forms differ inside the stem,
//! then let a small [exception table](super::stem_hr_exceptions), learnt from
//! the dev splits of two treebanks, join the forms rules cannot (`veci` →
//! `velik`, `ljudi` → `covjek`). The goal is that the forms of one lemma meet
//! in one stem and forms of different lemmas do not: `scripts/stem-eval`
//! measures both against the gold lemmas of UD Croatian-SET and Serbian-SET
//! (figures in docs/search-index.md).
//!
//! Input is a [folded](crate::text::fold::fold) word: lowercase, no diacritics
//! (`š`→`s`, `č`/`ć`→`c`, `ž`→`z`, `đ`→`d`). Folding merges letters the
//! rules would like to tell apart (`č`/`c`, `ž`/`z`), which the rules below
//! take into account.
//!
//! # Rules
//!
//! **1. Ending removal.** The longest ending from the `ENDINGS` table that
//! matches is removed, provided its condition holds and what remains is a
//! plausible stem: at least `MIN_STEM` (3) letters and a vowel (`a e i o u`,
//! or a syllabic `r` as in `trg`, `strpljiv`). If the longest ending would
//! leave too little, shorter ones are tried, so `kraja` → `kraj` rather than
//! `kr`. The endings cover:
//!
//! - noun and adjective case endings: `-a -e -i -o -u -om -em -ima -ama
//!   -og -oga -om -ome -omu -im -ih -oj`, plus the soft-stem `-eg -ega -emu`;
//! - verb endings: infinitive `-ati -iti -uti`; present `-am -amo -ate
//!   -aju`, `-imo -ite`, `-em -es -emo -ete -u`; imperative `-aj -ajte
//!   -ajmo`; past participle `-ao -ala …`, `-io -ila …`, `-uo -ula …`;
//!   present participle `-ajuci -ujuci`;
//! - `-ovati`/`-ivati` verbs with their `-uje-` present, all read as `-uj`
//!   (`postovati`, `postujte` → `postuj`; `pokazivati`, `pokazuje` →
//!   `pokazuj`): the imperfective is a lemma apart from the perfective
//!   (`pokazati` → `pokag`), as a verbal noun (`slusanje`) is apart from
//!   its verb (`slusati`): the treebanks lemmatise them so, and a search for
//!   one should rank its own forms first;
//! - whole formative + ending groups where the formative is unstable:
//!   `-aj-` (`osjecaj`, `osjecati`, `ostaje`),
//!   `-ij-` nouns (`empatija`; not after `c`, where `-cij-` is the noun
//!   suffix the stem keeps: `situacij`, and `policija` is not `polica`),
//!   `-al-`, `-il-`, `-ul-` (participles and
//!   nouns alike, so `materijal`/`materijala` stay together), `-og-` and
//!   `-oj-` (so `razlog`/`razloga` and `razvoj`/`razvoja` stay together);
//! - the plural extension `-ovi -ova -ove -ovima -evi …`, only after a
//!   one-syllable stem (`gradovi`, `brojevi`), where it cannot be part of
//!   the word itself;
//! - replacements rather than removals: `-enata`→`-ent`, `-anata`→`-ant`
//!   (genitive plural with a fleeting `a`: `klijenata`), and `-oscu` is
//!   read as `-ost` before any ending is removed;
//! - the abstract-noun suffix `-ost` in all cases, after a stem of at least
//!   five letters, so `strpljivost` meets `strpljivi` and `smirenošću`
//!   meets `smiren`; `radost` stays apart from `rad`.
//!
//! `-em`, `-es`, `-eg`, `-ega`, `-emu` are only removed after a soft
//! consonant or a consonant common before e-conjugation endings
//! (`c j s z d n`), so `problem` keeps its `e`. `-es` is not removed after
//! `c` (`proces`), nor `-ete` after `j` (`savjete`, `uvjete`): there the
//! noun reading is the common one.
//!
//! Before that the superlative prefix `naj-` comes off a word of seven
//! letters or more (`najnoviji` → `noviji`), except in `najav-`, `najam`,
//! `najm-`.
//!
//! **2. Stem normalisation**, applied to every stem, stripped or not:
//!
//! - `ije` → `je` after a consonant (long and short ijekavian reflexes:
//!   `rijesiti`/`rjesenje`);
//! - `lj` after a labial is dropped (epenthetic l: `postavljati` →
//!   `postav`, `ljubavlju` → `ljubav`);
//! - fleeting `a`: a final consonant–`a`–`k`/`c`/`n`/`r` loses the `a`
//!   when a vowel remains (`clanak`/`clanka`, `kupac`/`kupca`,
//!   `miran`/`mirna`, `centar`/`centra`);
//! - voicing: a voiced consonant before a final voiceless one is devoiced
//!   (`tezak` → `tezk` → `tesk`, matching `teska`);
//! - palatalisation and sibilarisation: a final `c` becomes `k` and a final
//!   `z` becomes `g` (`clanci`/`clanak`, `podrsci`/`podrska`,
//!   `knjizi`/`knjiga`). Folding already merged `č`, `ć` and `c`.
//!
//! **3. Exceptions**: a word the table names gets the table's stem; a stem
//! the table names (one that only forms of one lemma had in the data) is
//! replaced by that lemma's stem.
//!
//! # Known limits
//!
//! Ambiguous endings are resolved in favour of the more frequent reading,
//! and a noun and the verb of its root share a stem (`rad`, `raditi`;
//! `odluka`, `odluciti`), which the lemmas keep apart: on the treebanks this
//! is most of what the stemmer joins wrongly. Fleeting `a` and `c`→`k` can
//! merge a few unrelated words (`kupac`/`kupka`). Not handled by the rules,
//! and joined only where the exception table knows the word: infinitives in
//! `-(j)eti` (they would collide with `savjeti`, `uvjeti`), `l`/`o`
//! vocalisation (`posao`/`posla`), neuter `-men-` stems
//! (`vrijeme`/`vremena`), irregular comparatives (`veci`) and suppletive
//! forms (`ljudi`).
//!
//! Words containing anything but letters (digits, for one) are returned
//! unchanged; letters outside `a`–`z` are treated as consonants. The
//! function works on `char`s throughout and never panics.

/// Shortest stem an ending may leave. Two letters would turn too many
/// unrelated short words into the same stem (`uziv-ati` → `uz`).
const MIN_STEM: usize = 3;

/// When an ending may be removed, beyond leaving a plausible stem.
#[derive(Clone, Copy)]
pub(crate) enum When {
    Always,
    /// The stem ends in one of these letters.
    After(&'static str),
    /// The stem does not end in any of these letters.
    NotAfter(&'static str),
    /// The stem has one syllable: `-ov-` is then the plural extension.
    Monosyllabic,
    /// The stem keeps at least [`LONG_STEM`] letters.
    Long,
}

/// Shortest stem the abstract-noun suffix `-ost` may leave: nouns made from
/// adjectives (`strpljivost`, `odgovornost`) then meet the adjective
/// (`strpljivi`, `odgovoran`), while short ones are words of their own
/// (`radost` is not `rad`, `gost` no `g`).
const LONG_STEM: usize = 5;

use When::{After, Always, Long, Monosyllabic, NotAfter};

/// Soft consonants (folded `č ć š ž đ`, and the `j` of `lj nj j`), plus the
/// `d` and `n` that e-conjugation stems end in (`budem`, `ostanem`).
const SOFT: When = After("cjszdn");

/// The `-ij-` endings: not after `c` (`situacij-a`).
const NOT_C: When = NotAfter("c");

/// `(ending, replacement, condition)`. Order does not matter: the longest
/// applicable ending wins.
#[rustfmt::skip]
pub(crate) const ENDINGS: &[(&str, &str, When)] = &[
    // Genitive plural with a fleeting a before the final consonant.
    ("enata", "ent", Always), ("anata", "ant", Always),
    // Abstract nouns in -ost after a long stem (-ošću is read as -ost first).
    ("ost", "", Long), ("osti", "", Long), ("ostima", "", Long),
    // -ovati / -ivati verbs and their -uje- present all end in -uj: the
    // imperfective is a lemma of its own (pokazivati, pokazuje), apart from
    // the perfective (pokazati).
    ("ovati", "uj", Always), ("ovao", "uj", Always), ("ovala", "uj", Always),
    ("ovali", "uj", Always), ("ovalo", "uj", Always), ("ovale", "uj", Always),
    ("ivati", "uj", Always), ("ivao", "uj", Always), ("ivala", "uj", Always),
    ("ivali", "uj", Always), ("ivalo", "uj", Always), ("ivale", "uj", Always),
    ("ujem", "uj", Always), ("ujes", "uj", Always), ("uje", "uj", Always),
    ("ujemo", "uj", Always), ("ujete", "uj", Always), ("uju", "uj", Always),
    ("ujte", "uj", Always), ("ujmo", "uj", Always), ("ujuci", "uj", Always),
    // Infinitives.
    ("ati", "", Always), ("iti", "", Always), ("uti", "", Always),
    // a-conjugation present and imperative, and -aj nouns.
    ("am", "", Always), ("as", "", Always), ("amo", "", Always),
    ("ate", "", Always), ("aju", "", Always), ("aj", "", Always),
    ("ajte", "", Always), ("ajmo", "", Always), ("ajuci", "", Always),
    ("aja", "", Always), ("aje", "", Always), ("aji", "", Always),
    ("ajem", "", Always), ("ajes", "", Always), ("ajemo", "", Always),
    ("ajete", "", Always), ("ajima", "", Always),
    ("ajevi", "", Always), ("ajeva", "", Always), ("ajeve", "", Always),
    ("ajevima", "", Always),
    // i- and e-conjugation present and imperative.
    ("imo", "", Always), ("ite", "", Always),
    ("em", "", SOFT), ("es", "", After("jszdn")), ("emo", "", Always),
    // Not after j: savjete and uvjete are accusatives, not verbs.
    ("ete", "", After("cszdn")),
    // Past participles, and nouns in -al/-il/-ul that share their shape.
    ("ao", "", Always), ("al", "", Always), ("ala", "", Always),
    ("alo", "", Always), ("ali", "", Always), ("ale", "", Always),
    ("alu", "", Always), ("alom", "", Always), ("alima", "", Always),
    ("io", "", Always), ("il", "", Always), ("ila", "", Always),
    ("ilo", "", Always), ("ili", "", Always), ("ile", "", Always),
    ("ilu", "", Always), ("ilom", "", Always), ("ilima", "", Always),
    ("uo", "", Always), ("ul", "", Always), ("ula", "", Always),
    ("ulo", "", Always), ("uli", "", Always), ("ule", "", Always),
    ("ulu", "", Always), ("ulom", "", Always), ("ulima", "", Always),
    // -ij- nouns (empatija), soft adjective and comparative endings, and
    // the -ije- present of -(i)jeti verbs (razumijete); not after c, where
    // -cij- is the noun suffix of situacija, policija (a c the stem keeps,
    // which step 2 would otherwise read as k: policija is not polica).
    ("ija", "", NOT_C), ("ije", "", NOT_C), ("iji", "", NOT_C),
    ("iju", "", NOT_C), ("ijom", "", NOT_C), ("ijama", "", NOT_C),
    ("ijem", "", NOT_C), ("ijeg", "", NOT_C), ("ijoj", "", NOT_C),
    ("ijih", "", NOT_C), ("ijim", "", NOT_C), ("ijima", "", NOT_C),
    ("ijes", "", NOT_C), ("ijemo", "", NOT_C), ("ijete", "", NOT_C),
    // -og: the adjectival genitive; the longer forms make every case of
    // nouns like razlog lose the same letters as the nominative.
    ("og", "", Always), ("oga", "", Always), ("ogu", "", Always),
    ("ogom", "", Always), ("oge", "", Always),
    // -oj: the adjectival dative; likewise for nouns like razvoj.
    ("oj", "", Always), ("oja", "", Always), ("oju", "", Always),
    ("ojem", "", Always), ("ojom", "", Always), ("ojima", "", Always),
    // Plural extension of one-syllable masculine nouns.
    ("ovi", "", Monosyllabic), ("ova", "", Monosyllabic),
    ("ove", "", Monosyllabic), ("ovima", "", Monosyllabic),
    ("evi", "", Monosyllabic), ("eva", "", Monosyllabic),
    ("eve", "", Monosyllabic), ("evima", "", Monosyllabic),
    // Case endings of nouns and adjectives.
    ("om", "", Always), ("ome", "", Always), ("omu", "", Always),
    ("im", "", Always), ("ima", "", Always), ("ih", "", Always),
    ("ama", "", Always),
    ("eg", "", SOFT), ("ega", "", SOFT), ("emu", "", SOFT),
    ("a", "", Always), ("e", "", Always), ("i", "", Always),
    ("o", "", Always), ("u", "", Always),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn is_consonant(c: char) -> bool {
    c.is_alphabetic() && !is_vowel(c)
}

/// A vowel, or an `r` not next to a vowel, which is then syllabic.
fn has_syllable(stem: &[char]) -> bool {
    stem.iter().enumerate().any(|(i, &c)| {
        is_vowel(c)
            || (c == 'r'
                && !(i > 0 && is_vowel(stem[i - 1]))
                && !stem.get(i + 1).is_some_and(|&n| is_vowel(n)))
    })
}

/// Number of vowel groups; syllabic `r` is ignored, which only matters for
/// words like `trg`, and errs towards keeping `-ov-`.
fn vowel_groups(stem: &[char]) -> usize {
    let mut groups = 0;
    let mut prev_vowel = false;
    for &c in stem {
        let v = is_vowel(c);
        if v && !prev_vowel {
            groups += 1;
        }
        prev_vowel = v;
    }
    groups
}

fn plausible_stem(stem: &[char]) -> bool {
    stem.len() >= MIN_STEM && has_syllable(stem)
}

fn condition_holds(when: When, stem: &[char]) -> bool {
    match when {
        Always => true,
        After(letters) => stem.last().is_some_and(|&c| letters.contains(c)),
        NotAfter(letters) => !stem.last().is_some_and(|&c| letters.contains(c)),
        Monosyllabic => vowel_groups(stem) == 1 && stem.last().is_some_and(|&c| is_consonant(c)),
        Long => stem.len() >= LONG_STEM,
    }
}

/// Compared from the last letter: most endings differ there, and the table
/// is tried whole for every word.
fn ends_with(word: &[char], suffix: &str) -> bool {
    let mut at = word.len();
    for c in suffix.chars().rev() {
        if at == 0 || word[at - 1] != c {
            return false;
        }
        at -= 1;
    }
    true
}

/// Step 1 of the module docs.
fn remove_ending(word: &[char]) -> Vec<char> {
    let best = ENDINGS
        .iter()
        .filter(|(ending, _, _)| ends_with(word, ending))
        .filter_map(|&(ending, replacement, when)| {
            let stem = &word[..word.len() - ending.chars().count()];
            (condition_holds(when, stem) && plausible_stem(stem)).then_some((
                ending.len(),
                stem,
                replacement,
            ))
        })
        .max_by_key(|&(len, _, _)| len);
    match best {
        Some((_, stem, replacement)) => stem.iter().copied().chain(replacement.chars()).collect(),
        None => word.to_vec(),
    }
}

/// Step 2 of the module docs.
fn normalize(stem: &mut Vec<char>) {
    // Long `ije` and short `je` alternate inside one word (rijesiti,
    // rjesenje), and not only at the end of the stem.
    let mut i = 1;
    while i + 3 <= stem.len() {
        if stem[i..i + 3] == ['i', 'j', 'e'] && is_consonant(stem[i - 1]) {
            stem.remove(i);
        }
        i += 1;
    }

    let n = stem.len();
    // The l inserted between a labial and j (postaviti, postavljati)
    // belongs to no form of the bare stem.
    if n > MIN_STEM + 1
        && stem[n - 2..] == ['l', 'j']
        && matches!(stem[n - 3], 'b' | 'p' | 'm' | 'v' | 'f')
    {
        stem.truncate(n - 2);
    }

    let n = stem.len();
    // The fleeting a (clanak/clanka, miran/mirna) appears only in some
    // forms; dropping it everywhere is what makes the forms agree.
    if n > MIN_STEM
        && stem[n - 2] == 'a'
        && matches!(stem[n - 1], 'k' | 'c' | 'n' | 'r')
        && is_consonant(stem[n - 3])
        && stem[..n - 2].iter().any(|&c| is_vowel(c))
    {
        stem.remove(n - 2);
    }

    let n = stem.len();
    // Dropping the fleeting a can leave the voiced consonant that other
    // forms spell devoiced (tezak -> tezk, but teska).
    if n >= 2 && matches!(stem[n - 1], 'k' | 't' | 'c' | 's' | 'p' | 'h' | 'f') {
        let devoiced = match stem[n - 2] {
            'z' => 's',
            'd' => 't',
            'b' => 'p',
            'g' => 'k',
            other => other,
        };
        stem[n - 2] = devoiced;
    }

    // Before -i and -e endings k becomes c and g becomes z (clanci,
    // knjizi), and folding already merged c with the č and ć of other
    // words, so pick the k/g side consistently.
    match stem.last_mut() {
        Some(last @ 'c') => *last = 'k',
        Some(last @ 'z') => *last = 'g',
        _ => {}
    }
}

/// `-ošću` is the instrumental of `-ost`: read as the nominative, the `-ost`
/// rule decides for both (`radošću` → `radost`, `strpljivošću` →
/// `strpljiv`).
fn instrumental_ost(mut word: Vec<char>) -> Vec<char> {
    if ends_with(&word, "oscu") {
        word.truncate(word.len() - 4);
        word.extend("ost".chars());
    }
    word
}

/// The superlative prefix `naj-` (`najveci`, `najnoviji`): the rules then see
/// the comparative, which meets the adjective. Words that only begin with the
/// letters (`najava`, `najam`, `najmiti`) keep them.
fn without_superlative(word: &[char]) -> &[char] {
    let is_superlative = word.len() >= 7
        && word.starts_with(&['n', 'a', 'j'])
        && !word.starts_with(&['n', 'a', 'j', 'a', 'v'])
        && !word.starts_with(&['n', 'a', 'j', 'a', 'm'])
        && !word.starts_with(&['n', 'a', 'j', 'm']);
    if is_superlative {
        &word[3..]
    } else {
        word
    }
}

/// Stems a folded Croatian word by the rules alone, without the
/// [exception table](super::stem_hr_exceptions), which is learnt from
/// what these rules do: [`stem_hr`](super::stem::stem_hr) applies both.
pub fn stem_hr_rules(folded_word: &str) -> String {
    if !folded_word.chars().all(char::is_alphabetic) {
        return folded_word.to_string();
    }
    let word: Vec<char> = folded_word.chars().collect();
    if word.len() < MIN_STEM {
        return folded_word.to_string();
    }
    let word = without_superlative(&word).to_vec();
    let mut stem = remove_ending(&instrumental_ost(word));
    normalize(&mut stem);
    stem.into_iter().collect()
}
