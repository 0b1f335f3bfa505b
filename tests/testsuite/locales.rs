//! The shipped Fluent catalogs: every template key in every locale, CLDR plurals.

use polybook::i18n;
use std::collections::BTreeSet;

use crate::support;

fn locales() -> i18n::Locales {
    let files = i18n::read_files(&support::repo_root().join("locales")).unwrap();
    i18n::parse(files).unwrap()
}

fn count(locales: &i18n::Locales, lang: &str, n: i64) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", n);
    locales
        .format(&[lang.to_string()], "articles-count", Some(&args))
        .unwrap()
}

#[test]
fn article_counts_follow_each_languages_plural_rules() {
    let l = locales();
    let expected = [
        (
            "hr",
            vec![
                (1, "1 članak"),
                (2, "2 članka"),
                (5, "5 članaka"),
                (21, "21 članak"),
                (22, "22 članka"),
                (11, "11 članaka"),
            ],
        ),
        ("pt", vec![(1, "1 artigo"), (2, "2 artigos")]),
        ("es", vec![(1, "1 artículo"), (2, "2 artículos")]),
        ("it", vec![(1, "1 articolo"), (2, "2 articoli")]),
        ("en", vec![(1, "1 article"), (2, "2 articles")]),
    ];
    for (lang, cases) in expected {
        for (n, text) in cases {
            assert_eq!(count(&l, lang, n), text, "{lang} {n}");
        }
    }
}

/// Every `t(key="…")` of the default theme, partials included.
fn template_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let dir = support::repo_root().join("themes/default/templates");
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for quote in ['"', '\''] {
            let marker = format!("t(key={quote}");
            for (i, _) in text.match_indices(&marker) {
                let rest = &text[i + marker.len()..];
                keys.insert(rest[..rest.find(quote).unwrap()].to_string());
            }
        }
    }
    keys
}

#[test]
fn every_template_key_is_translated_in_every_locale() {
    let l = locales();
    let keys = template_keys();
    assert!(keys.len() > 20, "found only {keys:?}");
    for lang in ["en", "pt", "hr", "es", "it"] {
        let catalog = l
            .catalog(lang)
            .unwrap_or_else(|| panic!("no {lang} catalog"));
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| !catalog.keys.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}
