//! The name of a group of words that search treats as one: `stem|lang` for
//! a stem, `=word|lang` for a stop word. The index files and the browser's
//! engine use this text as written; in Rust it is made only here, so no
//! code builds or splits it by hand.

use serde::Serialize;
use std::borrow::Borrow;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct StemKey(String);

impl StemKey {
    /// The group of a stem in `lang`: stems of different languages never
    /// share one.
    pub fn of_stem(stem: &str, lang: &str) -> StemKey {
        StemKey(format!("{stem}|{lang}"))
    }

    /// A stop word's group of its own, which no stem's can be (folded words
    /// have no `=`), so `como` never joins `comer`.
    pub fn of_stop_word(word: &str, lang: &str) -> StemKey {
        StemKey(format!("={word}|{lang}"))
    }

    /// Whether it names a stop word's group.
    pub fn is_stop_word(&self) -> bool {
        self.0.starts_with('=')
    }

    /// The language it belongs to (stems and words never hold a `|`).
    pub fn language(&self) -> &str {
        self.0.rsplit_once('|').map_or("", |(_, lang)| lang)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Lets maps keyed by `StemKey` be read with the shipped text.
impl Borrow<str> for StemKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::StemKey;

    #[test]
    fn keys_are_written_as_the_browser_reads_them() {
        let stem = StemKey::of_stem("klijent", "sr-Cyrl");
        assert_eq!(stem.as_str(), "klijent|sr-Cyrl");
        assert_eq!(stem.language(), "sr-Cyrl");
        let stop = StemKey::of_stop_word("como", "pt");
        assert_eq!(stop.to_string(), "=como|pt");
        assert_eq!(stop.language(), "pt");
        assert!(stop.is_stop_word() && !stem.is_stop_word());
        assert_ne!(StemKey::of_stem("como", "pt"), stop);
        assert_eq!(serde_json::to_string(&stem).unwrap(), "\"klijent|sr-Cyrl\"");
    }
}
