//! Stop words: words too frequent to help ranking, dropped before
//! indexing and from queries.
//!
//! The lists are the common core of the Snowball stop lists (for Croatian,
//! which Snowball lacks, the equivalent function words), stored in
//! [folded](crate::text::fold::fold) form because that is what the analyzer
//! checks. Folding merges a few pairs (`e`/`é`, `esta`/`está`, `si`/`sí`),
//! which is harmless here since both members are stop words. Words that
//! carry meaning in a handbook (`budite`, `potrebno`, `mora`) are left out.
//!
//! The lists are sorted so lookups can binary-search; a test enforces it.

use super::stem::Lang;

/// A language's stop list as a hash set: the indexer asks once per word of
/// the site, and hashing beats a dozen string comparisons.
pub struct StopSet(rustc_hash::FxHashSet<&'static str>);

impl StopSet {
    pub fn of(lang: &str) -> StopSet {
        StopSet(stop_words(lang).iter().copied().collect())
    }
    pub fn contains(&self, folded_word: &str) -> bool {
        self.0.contains(folded_word)
    }
}

/// True if `folded_word` is a stop word in `lang`. Unknown languages have
/// no stop words.
pub fn is_stop_word(lang: &str, folded_word: &str) -> bool {
    stop_words(lang).binary_search(&folded_word).is_ok()
}

/// The sorted, folded stop list of `lang` (empty for unknown languages).
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match Lang::from_tag(lang) {
        Some(Lang::Pt) => PT,
        Some(Lang::Hr) => HR,
        Some(Lang::Es) => ES,
        Some(Lang::It) => IT,
        Some(Lang::En) => EN,
        None => &[],
    }
}

const PT: &[&str] = &[
    "a", "ao", "aos", "aquela", "aquelas", "aquele", "aqueles", "aquilo", "as", "ate", "com",
    "como", "da", "das", "de", "dela", "delas", "dele", "deles", "depois", "do", "dos", "e", "ela",
    "elas", "ele", "eles", "em", "entre", "era", "eram", "essa", "essas", "esse", "esses", "esta",
    "estao", "estas", "estava", "este", "estes", "eu", "foi", "foram", "ha", "isso", "isto", "ja",
    "lhe", "lhes", "mais", "mas", "me", "mesmo", "meu", "meus", "minha", "minhas", "muito", "na",
    "nao", "nas", "nem", "no", "nos", "nossa", "nossas", "nosso", "nossos", "num", "numa", "o",
    "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "qual", "quando", "que", "quem",
    "sao", "se", "seja", "sem", "ser", "seu", "seus", "so", "sua", "suas", "tambem", "te", "tem",
    "teu", "tinha", "tu", "tua", "um", "uma", "umas", "uns", "voce", "voces", "vos",
];

const HR: &[&str] = &[
    "a", "ako", "ali", "bez", "bi", "bih", "bila", "bile", "bili", "bilo", "bio", "bismo", "biste",
    "biti", "ce", "cemo", "ces", "cete", "cu", "da", "do", "dok", "ga", "i", "ih", "ili", "im",
    "iz", "ja", "je", "jer", "joj", "jos", "ju", "k", "ka", "kad", "kada", "kako", "kao", "koja",
    "koje", "koji", "kojih", "kojim", "kojima", "kojoj", "kojom", "koju", "li", "me", "mi", "mu",
    "na", "nad", "nas", "ne", "nego", "ni", "niti", "no", "o", "od", "on", "ona", "one", "oni",
    "ono", "ova", "ovaj", "ove", "ovi", "ovo", "pa", "po", "pod", "pri", "prije", "s", "sa", "sam",
    "se", "si", "smo", "ste", "sto", "su", "sve", "svi", "ta", "taj", "tako", "te", "ti", "to",
    "tu", "u", "uz", "vam", "vas", "vec", "vi", "za", "zbog",
];

const ES: &[&str] = &[
    "a", "al", "algo", "algunas", "algunos", "ante", "antes", "como", "con", "contra", "cual",
    "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en",
    "entre", "era", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estan", "estas", "este",
    "esto", "estos", "fue", "fueron", "ha", "habia", "han", "hasta", "hay", "la", "las", "le",
    "les", "lo", "los", "mas", "me", "mi", "mis", "mucho", "muy", "nada", "ni", "no", "nos",
    "nosotros", "o", "os", "otra", "otro", "otros", "para", "pero", "poco", "por", "porque", "que",
    "quien", "se", "sea", "ser", "si", "sin", "sobre", "son", "su", "sus", "tambien", "te", "ti",
    "tiene", "tienen", "todo", "todos", "tu", "tus", "un", "una", "uno", "unos", "vosotros", "y",
    "ya", "yo",
];

const IT: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche", "c", "che", "chi", "ci",
    "col", "come", "con", "contro", "cui", "d", "da", "dagli", "dai", "dal", "dall", "dalla",
    "dalle", "dallo", "degli", "dei", "del", "dell", "della", "delle", "dello", "di", "e", "ed",
    "fra", "gli", "ha", "hanno", "ho", "i", "il", "in", "io", "l", "la", "le", "lei", "li", "lo",
    "loro", "lui", "ma", "mi", "mio", "ne", "nei", "nel", "nell", "nella", "nelle", "nello", "noi",
    "non", "o", "per", "perche", "piu", "quale", "quando", "quel", "quell", "quella", "quelle",
    "quelli", "quello", "questa", "queste", "questi", "questo", "se", "sei", "si", "sia", "sono",
    "su", "sua", "sue", "sui", "sul", "sull", "sulla", "sulle", "suo", "suoi", "tra", "tu", "un",
    "una", "uno", "voi",
];

const EN: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "d", "did", "do", "does", "doing", "don", "down", "during", "each",
    "few", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "just", "ll", "m", "me", "more", "most", "my",
    "no", "nor", "not", "now", "of", "off", "on", "only", "or", "other", "our", "out", "over",
    "own", "re", "s", "same", "she", "should", "so", "some", "such", "t", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "ve", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    const ALL: [(&str, &[&str]); 5] = [("pt", PT), ("hr", HR), ("es", ES), ("it", IT), ("en", EN)];

    #[test]
    fn lists_are_sorted_unique_and_folded() {
        for (lang, list) in ALL {
            assert!(
                list.windows(2).all(|p| p[0] < p[1]),
                "{lang} list not sorted/unique"
            );
            for w in list {
                assert_eq!(fold(w), *w, "{lang}: {w} is not folded");
            }
            assert!(
                (40..=125).contains(&list.len()),
                "{lang}: {} words",
                list.len()
            );
        }
    }

    #[test]
    fn common_function_words() {
        assert!(is_stop_word("pt", "nao"));
        assert!(is_stop_word("pt", "voce"));
        assert!(is_stop_word("hr", "i"));
        assert!(is_stop_word("hr", "ako"));
        assert!(is_stop_word("hr", "sto"));
        assert!(is_stop_word("hr", "ce"));
        assert!(is_stop_word("es", "el"));
        assert!(is_stop_word("es", "mas"));
        assert!(is_stop_word("it", "perche"));
        assert!(is_stop_word("it", "dall"));
        assert!(is_stop_word("it", "l"));
        assert!(is_stop_word("en", "the"));
        assert!(is_stop_word("en", "t"));
    }

    #[test]
    fn content_words_are_kept() {
        for (lang, w) in [
            ("hr", "budite"),
            ("hr", "mirni"),
            ("hr", "potrebna"),
            ("pt", "cliente"),
            ("es", "solucion"),
            ("it", "inizio"),
            ("it", "altro"),
            ("en", "listen"),
        ] {
            assert!(!is_stop_word(lang, w), "{lang}: {w}");
        }
    }

    #[test]
    fn language_tags_and_unknown_languages() {
        assert!(is_stop_word("pt-BR", "que"));
        assert!(is_stop_word("EN", "and"));
        assert!(!is_stop_word("de", "und"));
        assert!(!is_stop_word("", "the"));
    }

    #[test]
    fn expects_folded_input() {
        // Callers fold first; the accented form is not in the list.
        assert!(!is_stop_word("pt", "não"));
        assert!(is_stop_word("pt", &fold("Não")));
    }
}
