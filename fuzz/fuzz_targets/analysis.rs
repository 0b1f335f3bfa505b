//! Search text analysis: `fold` is idempotent, and `analyze`, `stem` and
//! `query_words` never panic on any text, in every handbook language and an
//! unknown one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::search::{analyze, query, stem::stem, tokenize};
use polybook::text::fold::fold;

const LANGS: [&str; 6] = ["pt", "hr", "es", "it", "en", "xx"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    let once = fold(text);
    assert_eq!(fold(&once), once, "fold is not idempotent on {text:?}");

    for lang in LANGS {
        let tokens = analyze::analyze(lang, text);
        for token in &tokens {
            assert!(!token.surface.is_empty());
            assert_eq!(fold(&token.surface), token.surface, "surface not folded");
        }
        // The two entry points of the analyzer agree on the surfaces.
        let surfaces: Vec<String> = analyze::surfaces(lang, text).collect();
        let from_tokens: Vec<&String> = tokens.iter().map(|t| &t.surface).collect();
        assert_eq!(surfaces.iter().collect::<Vec<_>>(), from_tokens);
        // Positions count every word, so they only grow.
        assert!(tokens.windows(2).all(|w| w[0].position < w[1].position));
    }

    for word in tokenize::words(text) {
        let folded = fold(word);
        for lang in LANGS {
            let stemmed = stem(lang, &folded);
            assert_eq!(
                fold(&stemmed),
                stemmed,
                "{lang}: the stem of {folded:?} is not folded"
            );
        }
    }
    for lang in LANGS {
        let _ = stem(lang, &once);
    }

    let (words, prefix_last) = query::query_words(text, &[]);
    assert!(words.iter().all(|w| !w.is_empty()));
    assert!(!prefix_last || !words.is_empty());
});
