//! The browser stems query words as the index stems the handbook: each
//! language's JavaScript stemmer (`src/search/stemmers/*.js`, shipped as the
//! build writes it) must give the Rust stemmer's result for every word of
//! every list below. `rust-stemmers` is the reference for pt, es, it and en;
//! `stem_hr` for Croatian.
//!
//! Word lists (`tests/data/stem/`): the Snowball project's test vocabularies
//! (`<lang>.txt`, from snowballstem/snowball-data), every word of the
//! 10,000-page benchmark corpus (`corpus-<lang>.txt`, made by
//! `scripts/stem-vocabulary`), Croatian forms gathered and generated for this
//! test (`hr.txt`), the forms of UD Croatian-SET and Serbian-SET
//! (`ud-*.tsv`, from `scripts/stem-eval --write-data`), every word of the
//! handbook, and deterministic random strings. Each word is compared as written and folded.

use crate::support;

use polybook::search::shards::stemmer_file;
use polybook::search::stem::{js_stemmer, stem};
use polybook::search::tokenize::words;
use polybook::text::fold::fold;
use rquickjs::{CatchResultExt, Context, Runtime};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::path::Path;

struct Js {
    _runtime: Runtime,
    context: Context,
}

impl Js {
    /// The engine with `lang`'s stemmer file loaded into a store, as a page
    /// has them after the first query.
    fn new(lang: &str) -> Js {
        let runtime = Runtime::new().expect("QuickJS runtime");
        let context = Context::full(&runtime).expect("QuickJS context");
        let js = Js {
            _runtime: runtime,
            context,
        };
        let stemmer = js_stemmer(lang).expect("a stemmer");
        let file = String::from_utf8(stemmer_file(&stemmer)).unwrap();
        js.eval(&format!(
            "globalThis.files = {{}};\n\
             globalThis.polybookSearch = {{ load: function (path, data) {{ files[path] = data; }} }};\n\
             {engine}\n{file}\n\
             var store = PolybookSearch.emptyStore();\n\
             PolybookSearch.put(store, 'manifest', {{ stemmers: {{ {lang:?}: {code:?} }} }});\n\
             PolybookSearch.put(store, 'stemmers/{code}', files['stemmers/{code}']);\n\
             var raw = {source};\n\
             'ok'",
            engine = read(&support::repo_root().join("src/search/engine.js")),
            code = stemmer.code,
            source = stemmer.source(),
        ));
        js
    }

    #[track_caller]
    fn eval(&self, code: &str) -> String {
        self.context.with(|ctx| {
            let result: rquickjs::Result<String> = ctx.eval(code);
            match result.catch(&ctx) {
                Ok(s) => s,
                Err(e) => panic!("{e}"),
            }
        })
    }

    /// `f(word)` for every word, where `f` is a JavaScript function expression.
    fn map(&self, f: &str, words: &[String]) -> Vec<String> {
        let input = serde_json::to_string(words).unwrap();
        let out = self.eval(&format!(
            "JSON.stringify({input}.map(function (w) {{ return ({f})(w); }}))"
        ));
        serde_json::from_str(&out).unwrap()
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every list of `lang`, each word as written and folded.
fn word_list(lang: &str) -> Vec<String> {
    let data = support::repo_root().join("tests/data/stem");
    let mut all: BTreeSet<String> = BTreeSet::new();
    for name in [format!("{lang}.txt"), format!("corpus-{lang}.txt")] {
        let path = data.join(name);
        if path.exists() {
            all.extend(read(&path).lines().map(str::to_string));
        }
    }
    // The treebanks' forms (UD Croatian-SET and Serbian-SET, every split:
    // `form<TAB>lemma`), which the Croatian stemmer also serves.
    if lang == "hr" {
        all.extend(treebank_forms(&[
            "ud-hr-dev",
            "ud-hr-test",
            "ud-sr-dev",
            "ud-sr-test",
        ]));
    }
    all.extend(handbook_words(lang));
    all.extend(random_words(lang, 20_000));
    let folded: Vec<String> = all.iter().map(|w| fold(w)).collect();
    all.extend(folded);
    all.remove("");
    all.into_iter().collect()
}

/// The forms of the treebank lists `names` (`tests/data/stem/<name>.tsv`:
/// `form<TAB>lemma`).
fn treebank_forms(names: &[&str]) -> BTreeSet<String> {
    let data = support::repo_root().join("tests/data/stem");
    let mut forms = BTreeSet::new();
    for name in names {
        let text = read(&data.join(format!("{name}.tsv")));
        forms.extend(
            text.lines()
                .filter_map(|l| l.split('\t').next())
                .map(str::to_string),
        );
    }
    forms
}

/// Every word of the handbook's pages in `lang`, lowercased.
fn handbook_words(lang: &str) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    let content = support::repo_root().join("content").join(lang);
    for entry in walkdir::WalkDir::new(content).into_iter().filter(|e| {
        // The handbook has no English pages.
        !matches!(e, Err(err) if err.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound))
    }) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = read(entry.path());
            all.extend(words(&text).map(str::to_lowercase));
        }
    }
    all
}

/// Deterministic strings over the language's letters, accents and a few
/// others, 1 to 14 letters long: every suffix rule meets odd company.
fn random_words(lang: &str, count: usize) -> Vec<String> {
    let letters: Vec<char> = match lang {
        "pt" => "abcdefghijlmnopqrstuvxzáâãàçéêíóôõú",
        "es" => "abcdefghijlmnopqrstuvxyzáéíóúüñ",
        "it" => "abcdefghilmnopqrstuvzàèéìíîòóùú",
        "en" => "abcdefghijklmnopqrstuvwxyz'",
        _ => "abcdefghijklmnoprstuvzčćšžđ",
    }
    .chars()
    .chain("aeiouaeiou".chars())
    .collect();
    let mut next = support::seeded(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            let len = 1 + next(14);
            (0..len).map(|_| letters[next(letters.len())]).collect()
        })
        .collect()
}

fn assert_same(what: &str, words: &[String], rust: &[String], js: &[String]) {
    let wrong: Vec<String> = words
        .iter()
        .zip(rust.iter().zip(js))
        .filter(|(_, (r, j))| r != j)
        .map(|(w, (r, j))| format!("{w:?}: rust {r:?}, js {j:?}"))
        .collect();
    eprintln!(
        "{what}: {} words, {} identical, {} different",
        words.len(),
        words.len() - wrong.len(),
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "{what}: {} of {} words stem differently, e.g.\n{}",
        wrong.len(),
        words.len(),
        wrong
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The Snowball algorithm itself, on words with and without accents.
fn snowball_twins_agree(lang: &str, algorithm: Algorithm) {
    let list = word_list(lang);
    assert!(list.len() > 40_000, "{lang}: only {} words", list.len());
    let stemmer = Stemmer::create(algorithm);
    let rust: Vec<String> = list.iter().map(|w| stemmer.stem(w).into_owned()).collect();
    let js = Js::new(lang).map("raw", &list);
    assert_same(&format!("{lang} Snowball"), &list, &rust, &js);
}

/// What the index stores and the query looks up: the stem key of a folded
/// word, restored accents and refolding included.
fn stem_keys_agree(lang: &str, words: &[String]) {
    let list: Vec<String> = words
        .iter()
        .map(|w| fold(w))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect();
    let rust: Vec<String> = list
        .iter()
        .map(|w| format!("{}|{lang}", stem(lang, w)))
        .collect();
    let js = Js::new(lang).map(
        &format!("function (w) {{ return PolybookSearch.stemKey(store, {lang:?}, w); }}"),
        &list,
    );
    assert_same(&format!("{lang} stem keys"), &list, &rust, &js);
}

#[test]
fn portuguese_snowball() {
    snowball_twins_agree("pt", Algorithm::Portuguese);
}

#[test]
fn spanish_snowball() {
    snowball_twins_agree("es", Algorithm::Spanish);
}

#[test]
fn italian_snowball() {
    snowball_twins_agree("it", Algorithm::Italian);
}

#[test]
fn english_snowball() {
    snowball_twins_agree("en", Algorithm::English);
}

#[test]
fn croatian_stemmer() {
    let list = word_list("hr");
    assert!(list.len() > 20_000, "hr: only {} words", list.len());
    let rust: Vec<String> = list
        .iter()
        .map(|w| polybook::search::stem::stem_hr(w))
        .collect();
    let js = Js::new("hr").map("raw", &list);
    assert_same("hr stem_hr", &list, &rust, &js);
}

// A test per language, so that they run side by side.
#[test]
fn portuguese_stem_keys() {
    stem_keys_agree("pt", &word_list("pt"));
}

#[test]
fn croatian_stem_keys() {
    stem_keys_agree("hr", &word_list("hr"));
}

#[test]
fn spanish_stem_keys() {
    stem_keys_agree("es", &word_list("es"));
}

#[test]
fn italian_stem_keys() {
    stem_keys_agree("it", &word_list("it"));
}

#[test]
fn english_stem_keys() {
    stem_keys_agree("en", &word_list("en"));
}

/// Serbian in either alphabet, Bosnian and Montenegrin take the Croatian
/// stemmer, which `croatian_stemmer` and `croatian_stem_keys` hold to every
/// Croatian word; here each language's key is held to it on the words of
/// UD Serbian-SET and the handbook's Croatian (the stemmer is chosen per
/// language, never per word).
#[test]
fn serbian_bosnian_and_montenegrin_stem_keys() {
    let mut list = treebank_forms(&["ud-sr-dev", "ud-sr-test"]);
    list.extend(handbook_words("hr"));
    let list: Vec<String> = list.into_iter().collect();
    assert!(list.len() > 5_000, "only {} words", list.len());
    for lang in ["sr", "sr-Cyrl", "bs", "cnr"] {
        stem_keys_agree(lang, &list);
    }
}

/// Odd input never throws, and still agrees.
#[test]
fn odd_input() {
    let odd: Vec<String> = [
        "",
        "a",
        "1",
        "10",
        "1a",
        "東京",
        "𠀀abc",
        "\u{0301}",
        "ß",
        "москва",
        "ǆ",
        "ﬁ",
        "'",
        "''",
        "y",
        "yy",
        "qu",
        "ação",
        "ções",
        "ǅemal",
        "𝒜bc",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (lang, algorithm) in [
        ("pt", Some(Algorithm::Portuguese)),
        ("es", Some(Algorithm::Spanish)),
        ("it", Some(Algorithm::Italian)),
        ("en", Some(Algorithm::English)),
        ("hr", None),
    ] {
        let rust: Vec<String> = odd
            .iter()
            .map(|w| match algorithm {
                Some(a) => Stemmer::create(a).stem(w).into_owned(),
                None => polybook::search::stem::stem_hr(w),
            })
            .collect();
        let js = Js::new(lang).map("raw", &odd);
        assert_same(&format!("{lang} odd input"), &odd, &rust, &js);
    }
}
