//! One ranking, two engines: the browser's `engine.js`, run in QuickJS on the
//! index files `polybook build` wrote, must rank every query exactly as
//! `polybook search` does (same documents, same order, same integer scores).
//!
//! Each JavaScript query runs twice: on a store holding every index file, and
//! on a store filled only with the files `PolybookSearch.needed` asks for,
//! round by round, as the browser loads them. Both must agree, so the loader
//! never misses a shard the ranking reads.

use crate::support;

use rquickjs::{CatchResultExt, Context, Runtime};
use serde_json::Value;
use std::path::{Path, PathBuf};
use support::{page, site_toml, Site};

/// A QuickJS context holding the engine and every file of one built index.
struct Js {
    _runtime: Runtime,
    context: Context,
}

/// Test helpers evaluated after the engine and the index files.
const PRELUDE: &str = r#"
var store = PolybookSearch.emptyStore();
PolybookSearch.put(store, "manifest", files.manifest);
Object.keys(files).forEach(function (path) {
  if (path !== "manifest" && !PolybookSearch.put(store, path, files[path])) {
    throw new Error("the manifest does not list " + path);
  }
});
function joined(segments) {
  return segments.map(function (s) { return s.text; }).join("");
}
function hitsOf(result) {
  return result.hits.map(function (h) {
    var doc = files["docs/" + h.doc];
    return {
      path: doc.url,
      score: h.score,
      terms: h.terms,
      snippet: joined(PolybookSearch.snippet(doc, h.terms, store.manifest)),
      sections: PolybookSearch.sections(doc, result.wordTerms, store.manifest).map(function (s) {
        return [s.id, joined(s.heading), joined(s.snippet)];
      }),
    };
  });
}
function jsSearch(q, lang, topic, section) {
  var options = { lang: lang, limit: 10, topic: topic, section: section, facets: topic !== undefined };
  var full = PolybookSearch.rank(store, q, options);
  // The browser's way: start from the manifest, load what `needed` names.
  var lazy = PolybookSearch.emptyStore();
  PolybookSearch.put(lazy, "manifest", files.manifest);
  var rounds = 0, loaded = 0;
  for (;;) {
    var need = PolybookSearch.needed(lazy, q, { lang: lang, topic: topic, section: section, facets: options.facets });
    if (!need.length) break;
    if (++rounds > 10) throw new Error("needed() does not converge for " + q + ": " + need);
    need.forEach(function (path) {
      if (/^topics\//.test(path) && !Object.prototype.hasOwnProperty.call(files, path)) {
        // No file: a topic that tags no document. The engine takes it as empty.
        PolybookSearch.put(lazy, path, []);
        return;
      }
      if (!Object.prototype.hasOwnProperty.call(files, path)) {
        throw new Error("needed() names " + path + ", which the build did not write (query " + q + ")");
      }
      PolybookSearch.put(lazy, path, files[path]);
      loaded++;
    });
  }
  var partial = PolybookSearch.rank(lazy, q, options);
  return JSON.stringify({
    hits: hitsOf(full),
    also: full.also,
    facets: full.facets,
    total: full.total,
    corrections: full.corrections,
    suggestions: full.total ? [] : PolybookSearch.suggestTopics(store.manifest, q),
    lazy: hitsOf(partial),
    rounds: rounds,
    loaded: loaded,
  });
}
"#;

impl Js {
    fn new(index_dir: &Path) -> Js {
        let runtime = Runtime::new().expect("QuickJS runtime");
        let context = Context::full(&runtime).expect("QuickJS context");
        let js = Js {
            _runtime: runtime,
            context,
        };
        js.run(
            "<setup>",
            "globalThis.files = {};\n\
             globalThis.polybookSearch = { load: function (path, data) {\n\
               if (Object.prototype.hasOwnProperty.call(files, path)) throw new Error('loaded twice: ' + path);\n\
               files[path] = data;\n\
             } };",
        );
        let engine = index_dir.join("engine.js");
        js.run("engine.js", &read(&engine));
        let mut count = 0;
        for entry in walkdir::WalkDir::new(index_dir).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            // highlight.js is code for the page a result opens, not data.
            let highlighter = path == index_dir.join("highlight.js");
            if entry.file_type().is_file() && path != engine && !highlighter {
                assert_eq!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("js"),
                    "{}",
                    path.display()
                );
                js.run(&path.display().to_string(), &read(path));
                count += 1;
            }
        }
        assert!(
            count > 10,
            "only {count} index files in {}",
            index_dir.display()
        );
        js.run("<prelude>", PRELUDE);
        js
    }

    #[track_caller]
    fn run(&self, name: &str, code: &str) {
        self.context.with(|ctx| {
            let result: rquickjs::Result<()> = ctx.eval(code);
            if let Err(e) = result.catch(&ctx) {
                panic!("{name}: {e}");
            }
        });
    }

    #[track_caller]
    fn string(&self, code: &str) -> String {
        self.context.with(|ctx| {
            let result: rquickjs::Result<String> = ctx.eval(code);
            match result.catch(&ctx) {
                Ok(s) => s,
                Err(e) => panic!("{code}: {e}"),
            }
        })
    }

    /// A filtered search with its facets: (paths and scores, total, facets).
    fn filtered(
        &self,
        query: &str,
        lang: &str,
        topic: Option<&str>,
        section: Option<&str>,
    ) -> Value {
        let code = format!(
            "jsSearch({}, {}, {}, {})",
            serde_json::to_string(query).unwrap(),
            serde_json::to_string(lang).unwrap(),
            serde_json::to_string(&topic).unwrap(),
            serde_json::to_string(&section).unwrap()
        );
        let value: Value = serde_json::from_str(&self.string(&code)).unwrap();
        let hits: Vec<Value> = value["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| serde_json::json!([h["path"], h["score"]]))
            .collect();
        assert_eq!(
            value["lazy"], value["hits"],
            "{query:?}: `needed` missed a file"
        );
        serde_json::json!({ "hits": hits, "total": value["total"], "facets": value["facets"] })
    }

    fn search(&self, query: &str, lang: &str) -> JsResult {
        let code = format!(
            "jsSearch({}, {})",
            serde_json::to_string(query).unwrap(),
            serde_json::to_string(lang).unwrap()
        );
        let value: Value = serde_json::from_str(&self.string(&code)).unwrap();
        let shown = value["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["snippet"].as_str().unwrap().to_string(),
                    serde_json::from_value(h["sections"].clone()).unwrap(),
                )
            })
            .collect();
        let hits = |v: &Value| -> Vec<(String, u64)> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["path"].as_str().unwrap().to_string(),
                        h["score"].as_u64().unwrap(),
                    )
                })
                .collect()
        };
        JsResult {
            answer: Answer {
                hits: hits(&value["hits"]),
                corrections: serde_json::from_value(value["corrections"].clone()).unwrap(),
                suggestions: suggestions(&value["suggestions"]),
                also: serde_json::from_value(value["also"].clone()).unwrap(),
                shown,
            },
            lazy: hits(&value["lazy"]),
            rounds: value["rounds"].as_u64().unwrap(),
        }
    }
}

/// What both engines must answer alike.
#[derive(Debug, PartialEq)]
struct Answer {
    /// (path, score) in rank order.
    hits: Vec<(String, u64)>,
    /// (query word, the term a typo was taken for).
    corrections: Vec<(String, String)>,
    /// (topic id, closeness) offered when nothing matched.
    suggestions: Vec<(String, u64)>,
    /// Per hit, what it shows: its snippet and its sections (id, heading,
    /// snippet), as text.
    shown: Vec<Shown>,
    /// The synonyms also searched for.
    also: Vec<String>,
}

type Shown = (String, Vec<(String, String, String)>);

fn suggestions(value: &Value) -> Vec<(String, u64)> {
    value
        .as_array()
        .expect("suggestions")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["closeness"].as_u64().unwrap(),
            )
        })
        .collect()
}

struct JsResult {
    answer: Answer,
    /// The same query ranked on the files `needed` asked for.
    lazy: Vec<(String, u64)>,
    rounds: u64,
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `public/search/<build>/`: the one folder under `public/search/`.
fn index_dir(site: &Site) -> PathBuf {
    let dirs: Vec<PathBuf> = std::fs::read_dir(site.public().join("search"))
        .expect("public/search/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(
        dirs.len(),
        1,
        "one build folder under public/search/: {dirs:?}"
    );
    dirs.into_iter().next().unwrap()
}

/// `polybook search … --json`.
fn rust_search(site: &Site, query: &str, lang: &str) -> Answer {
    let run = site.run(&["search", query, "--lang", lang, "--limit", "10", "--json"]);
    run.assert_ok();
    let value: Value = serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("polybook search {query:?}: {e}\n{}", run.stdout()));
    let results = value["results"]
        .as_array()
        .expect("a JSON array of results");
    let hits = results
        .iter()
        .map(|r| {
            (
                r["path"].as_str().expect("path").to_string(),
                r["score"].as_u64().expect("integer score"),
            )
        })
        .collect();
    let text = |v: &Value| v.as_str().expect("text").to_string();
    let shown = results
        .iter()
        .map(|r| {
            let sections = r["sections"]
                .as_array()
                .expect("sections")
                .iter()
                .map(|s| (text(&s["id"]), text(&s["heading"]), text(&s["snippet"])))
                .collect();
            (text(&r["snippet"]), sections)
        })
        .collect();
    Answer {
        shown,
        also: serde_json::from_value(value["also_searched"].clone()).expect("also_searched"),
        hits,
        corrections: serde_json::from_value(value["corrections"].clone()).expect("corrections"),
        suggestions: suggestions(&value["suggested_topics"]),
    }
}

/// Runs every (query, lang) on both engines, in parallel for the CLI runs,
/// and asserts they agree. Returns the hits per query.
fn compare(site: &Site, js: &Js, queries: &[(&str, &str)]) -> Vec<Answer> {
    let rust: Vec<Answer> = std::thread::scope(|scope| {
        let handles: Vec<_> = queries
            .chunks(queries.len().div_ceil(8).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(q, lang)| rust_search(site, q, lang))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut failures = Vec::new();
    for ((query, lang), rust) in queries.iter().zip(&rust) {
        let js = js.search(query, lang);
        if js.answer != *rust {
            failures.push(format!(
                "{query:?} --lang {lang}:\n  rust: {rust:?}\n  js:   {:?}",
                js.answer
            ));
        }
        if js.lazy != js.answer.hits {
            failures.push(format!(
                "{query:?} --lang {lang}: the files `needed` named ({} rounds) rank differently:\n  all files: {:?}\n  needed:    {:?}",
                js.rounds, js.answer.hits, js.lazy
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the engines disagree:\n{}",
        failures.join("\n")
    );
    rust
}

const HR_ARTICLE: &str = "hr/kako-se-nositi-s-teskim-klijentom/";
const ES_ARTICLE: &str = "es/tome-el-enfoque-decidido-a-clientes-insatisfechos/";

#[test]
fn browser_and_cli_rank_the_handbook_alike() {
    let site = Site::handbook();
    site.build().assert_ok();
    let js = Js::new(&index_dir(&site));

    let queries: &[(&str, &str)] = &[
        // Croatian, with and without diacritics, stems and prefixes.
        ("slušajte", "all"),
        ("slusajte", "all"),
        ("slusanje", "all"),
        ("Slušanje klijenta", "all"),
        ("rjesenje", "all"),
        ("rješenja", "hr"),
        ("strpljivi", "all"),
        ("granice", "all"),
        ("postovanje", "all"),
        ("isprika", "all"),
        ("ispričajte se", "all"),
        ("podrska", "all"),
        ("dokumentirajte situaciju", "all"),
        ("empatija", "all"),
        ("teskim klijentom", "hr"),
        ("klij", "all"),
        ("sl", "all"),
        ("aktivno slusanje", "all"),
        ("aktivno slušanje", "es"),
        // Portuguese.
        ("escuta ativa", "all"),
        ("escuta ativa", "pt"),
        ("clientes difíceis", "all"),
        ("clientes dificeis", "pt"),
        ("crônicos", "all"),
        ("cronico", "all"),
        ("conflito", "all"),
        ("resolver conflitos", "all"),
        ("desculpas", "all"),
        ("pedido de desculpas", "all"),
        ("acalmar a situação", "all"),
        ("soluções criativas", "all"),
        ("coleta de fatos", "pt"),
        ("confl", "all"),
        ("como lidar", "all"),
        // Spanish.
        ("escucha activa", "all"),
        ("escucha activa", "hr"),
        ("escucha activa", "es"),
        ("solución", "all"),
        ("solucion", "all"),
        ("soluciones ", "all"),
        ("disculpas", "all"),
        ("empatizar", "all"),
        ("clientes insatisfechos", "all"),
        ("verifique la solución", "es"),
        ("documentar el problema", "all"),
        ("resolv", "all"),
        // Italian.
        ("ascolto attivo", "all"),
        ("clienti difficili", "all"),
        ("clienti difficili", "it"),
        ("energia", "all"),
        ("aspettative", "all"),
        ("dall'inizio", "all"),
        ("problematici", "all"),
        ("sforzo extra", "all"),
        ("chiedere scusa", "all"),
        ("difficolta", "all"),
        ("consig", "it"),
        // Across languages, mixed, odd input.
        ("empatia", "all"),
        ("empathy", "all"),
        ("cliente problema", "all"),
        ("cliente zzzz", "all"),
        ("xyzzyq", "all"),
        ("qwrtzp plonk", "all"),
        ("  ", "all"),
        ("!!!", "all"),
        ("de la", "all"),
        ("e", "all"),
        ("10", "all"),
        ("a", "all"),
        ("ESCUTA", "all"),
        ("Éscuta Ativa!", "all"),
        ("soluc", "all"),
        ("soluc ", "all"),
        // Forms the handbook does not contain verbatim: the query is stemmed.
        ("klijenta", "all"),
        ("klijenta", "hr"),
        ("klijentu", "hr"),
        ("kupcu", "hr"),
        ("rješenju", "hr"),
        ("rjesenju", "all"),
        ("smirenošću", "hr"),
        ("smirenoscu", "all"),
        ("strpljivost", "hr"),
        ("strpljivosti", "all"),
        ("emoção", "pt"),
        ("emocao", "all"),
        ("reclamacoes", "pt"),
        ("reclamações", "all"),
        ("consigli", "it"),
        ("problematico", "it"),
        // One typo forgiven.
        ("empatjia", "hr"),
        ("klijenntom", "hr"),
        ("strpljvi", "hr"),
        ("comunicacão", "pt"),
        ("escucha actvia", "all"),
        // Stop words alone are searched as words.
        ("perché", "it"),
        ("perche", "all"),
        ("como", "all"),
        ("como", "pt"),
        ("de la ", "es"),
        // Synonyms (content/synonyms.toml), words and phrases, both ways and one way.
        ("refundacija", "hr"),
        ("refundacija", "all"),
        ("povrat novca", "hr"),
        ("vraćanje novca", "hr"),
        ("estorno", "pt"),
        ("devolução do dinheiro", "pt"),
        ("devolução", "pt"),
        ("devolucion", "es"),
        ("chefe", "pt"),
        ("gerente", "pt"),
        ("zangado", "all"),
        ("mušterija", "hr"),
        ("stranka", "all"),
        ("reclamo", "es"),
        ("jefe", "es"),
        ("scontento", "it"),
        ("risarcimento", "all"),
        ("refund", "all"),
        // Nothing: the closest topics are offered.
        ("escuta ativx", "hr"),
        ("respeitar", "hr"),
    ];
    let results = compare(&site, &js, queries);
    // Pasted text, other scripts, marks: both engines answer alike.
    let many_words = "cliente empatia klijenta ".repeat(170);
    let long_word = "ž".repeat(10_000);
    let hostile: Vec<(&str, &str)> = vec![
        (&many_words, "all"),
        (&long_word, "all"),
        ("😀 東京 مرحبا שלום", "all"),
        ("e\u{301}\u{301}\u{301} klijenta", "hr"),
        ("𠀀𠀁 empatija", "all"),
        ("\u{202e}klijenta\u{202c}", "hr"),
    ];
    compare(&site, &js, &hostile);

    let hits = |q: &str, lang: &str| -> &Vec<(String, u64)> {
        let i = queries.iter().position(|x| *x == (q, lang)).unwrap();
        &results[i].hits
    };
    let paths =
        |q: &str, lang: &str| -> Vec<&str> { hits(q, lang).iter().map(|h| h.0.as_str()).collect() };
    // Not vacuous: the queries find what a reader expects.
    assert_eq!(paths("slusajte", "all").first(), Some(&HR_ARTICLE));
    assert_eq!(hits("slusajte", "all"), hits("slušajte", "all"));
    assert!(
        paths("escucha activa", "all").contains(&HR_ARTICLE),
        "{:?}",
        paths("escucha activa", "all")
    );
    assert_eq!(paths("escucha activa", "hr"), [HR_ARTICLE]);
    assert!(paths("aktivno slusanje", "all").contains(&ES_ARTICLE));
    assert!(paths("escuta ativa", "pt")
        .iter()
        .all(|p| p.starts_with("pt/")));
    assert!(paths("xyzzyq", "all").is_empty());
    for q in [
        "klijenta",
        "klijentu",
        "kupcu",
        "rješenju",
        "smirenošću",
        "strpljivost",
    ] {
        assert_eq!(paths(q, "hr").first(), Some(&HR_ARTICLE), "{q}");
    }
    assert_eq!(paths("rjesenju", "all").first(), Some(&HR_ARTICLE));
    assert_eq!(paths("smirenoscu", "all").first(), Some(&HR_ARTICLE));
    assert!(!paths("emoção", "pt").is_empty());
    assert!(!paths("reclamacoes", "pt").is_empty());
    assert!(!paths("consigli", "it").is_empty());
    assert!(!paths("perché", "it").is_empty());
    assert!(!paths("como", "pt").is_empty());
    let answer = |q: &str, lang: &str| -> &Answer {
        &results[queries.iter().position(|x| *x == (q, lang)).unwrap()]
    };
    assert_eq!(
        answer("empatjia", "hr").corrections,
        [("empatjia".to_string(), "empatija".to_string())]
    );
    assert_eq!(paths("klijenntom", "hr").first(), Some(&HR_ARTICLE));
    assert!(!answer("respeitar", "hr").suggestions.is_empty());
    // A synonym finds the page with the words it stands for, says so, and
    // its section shows them.
    assert_eq!(paths("refundacija", "hr").first(), Some(&HR_ARTICLE));
    assert_eq!(
        answer("refundacija", "hr").also,
        ["povrat novca", "vraćanje novca"]
    );
    assert!(answer("refundacija", "hr").shown[0]
        .1
        .iter()
        .any(|s| s.2.contains("povrat novca")));
    assert!(!paths("estorno", "pt").is_empty());
    // One word of a phrase finds the pages its synonyms found, and says so.
    assert!(!paths("devolução", "pt").is_empty());
    assert_eq!(
        answer("devolução", "pt").also,
        ["reembolso", "estorno", "ressarcimento"]
    );
    assert!(answer("devolucion", "es")
        .also
        .contains(&"reembolso".to_string()));
    assert_eq!(answer("chefe", "pt").also, ["gerente"]);
    assert!(answer("gerente", "pt").also.is_empty(), "one way only");
    assert!(!paths("scontento", "it").is_empty());
    assert!(!paths("jefe", "es").is_empty());
    // Results show the sections that hold the words, linked by heading id.
    let sections = |q: &str, lang: &str| -> Vec<&str> {
        answer(q, lang).shown[0]
            .1
            .iter()
            .map(|s| s.0.as_str())
            .collect()
    };
    assert_eq!(
        sections("ispričajte se", "all").first(),
        Some(&"4-ispričajte-se"),
        "{:?}",
        answer("ispričajte se", "all").shown
    );
    assert!(sections("escucha activa", "es").contains(&"l-escucha-con-atención"));
    assert!(results
        .iter()
        .flat_map(|r| &r.shown)
        .all(|(_, s)| s.len() <= 3));
    let with_sections = results
        .iter()
        .filter(|r| r.shown.iter().any(|(_, s)| !s.is_empty()))
        .count();
    assert!(
        with_sections >= 40,
        "only {with_sections} queries show sections"
    );
    assert!(paths("  ", "all").is_empty());
    let found = results.iter().filter(|r| !r.hits.is_empty()).count();
    assert!(
        found >= 50,
        "only {found} of {} queries found anything",
        queries.len()
    );
    for lang in ["pt", "hr", "es", "it"] {
        assert!(
            results
                .iter()
                .flat_map(|r| &r.hits)
                .any(|(p, _)| p.starts_with(&format!("{lang}/"))),
            "no query found a {lang} article"
        );
    }
}

/// `fold` in JavaScript and in Rust agree on the letters of the Latin,
/// Greek and Cyrillic scripts and on every word of the handbook.
#[test]
fn browser_and_rust_fold_alike() {
    let runtime = Runtime::new().unwrap();
    let context = Context::full(&runtime).unwrap();
    let engine = read(&support::repo_root().join("src/search/engine.js"));
    let mut samples: Vec<String> = Vec::new();
    let ranges = [
        0x20..0x250u32,
        0x300..0x530,
        0x1E00..0x2000,
        0x2C60..0x2C80,
        0xA720..0xA800,
        0xFB00..0xFB07,
    ];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        samples.push(c.to_string());
        samples.push(format!("A{c}ẞ"));
    }
    for entry in walkdir::WalkDir::new(support::repo_root().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            samples.extend(read(entry.path()).split_whitespace().map(str::to_string));
        }
    }
    samples.extend(["ΟΔΟΣ Σ", "İSTANBUL", "Ǆ ǅ ǆ", "e\u{301}\u{302}", "ﬁ"].map(String::from));
    let folded: Vec<String> = context.with(|ctx| {
        let code = format!(
            "{engine};\nJSON.stringify({}.map(PolybookSearch.fold))",
            serde_json::to_string(&samples).unwrap()
        );
        let result: rquickjs::Result<String> = ctx.eval(code);
        serde_json::from_str(&result.catch(&ctx).unwrap()).unwrap()
    });
    let differ: Vec<String> = samples
        .iter()
        .zip(&folded)
        .filter(|(s, js)| polybook::text::fold::fold(s) != **js)
        .map(|(s, js)| {
            format!(
                "{s:?} ({:x?}): rust {:?}, js {js:?}",
                s.chars().map(|c| c as u32).collect::<Vec<_>>(),
                polybook::text::fold::fold(s)
            )
        })
        .collect();
    assert!(differ.is_empty(), "fold differs:\n{}", differ.join("\n"));
}

/// A site big enough that shards split by two and three characters, with
/// words in Greek and Cyrillic (file names `_3b1`…) and digits.
#[test]
fn browser_and_cli_agree_on_split_shards() {
    let site = Site::new();
    site.write("site.toml", &site_toml(""));
    site.write(
        "content/topics.toml",
        "[calm]\nlabel = { pt = \"Manter a calma\", hr = \"Smirenost\" }\n\
         [listening]\nlabel = { pt = \"Escuta ativa\", hr = \"Aktivno slušanje\" }\n\
         [unused]\nlabel = { pt = \"Konačno sem documentos\", hr = \"Stari konačno\" }\n",
    );
    let syllables = [
        "ka", "ko", "kon", "kla", "ča", "će", "ra", "re", "ri", "sta", "stu", "ma", "me", "mo",
        "lu", "li", "pa", "pe", "po", "ta", "ti", "ção", "ões", "nje", "šte", "da", "de", "va",
        "vi", "za", "že",
    ];
    let mut next = support::seeded(7);
    for (lang, docs) in [("pt", 24), ("hr", 24)] {
        for d in 0..docs {
            let mut body = String::new();
            for p in 0..12 {
                for w in 0..22 {
                    let len = 2 + next(3);
                    let word: String = (0..len).map(|_| syllables[next(syllables.len())]).collect();
                    body.push_str(&word);
                    body.push(if w % 9 == 8 { ',' } else { ' ' });
                }
                if p % 4 == 0 {
                    body.push_str("αθήνα ωμέγα Москва клиент 42 2024 ");
                }
                body.push_str("konačno.\n\n");
            }
            let topics = match d % 3 {
                0 => "topics = [\"calm\"]\n",
                1 => "topics = [\"listening\", \"calm\"]\n",
                _ => "",
            };
            site.write(
                &format!("content/{lang}/doc-{d}.md"),
                &page(
                    &format!("Kon{} stari {d}", syllables[d % syllables.len()]),
                    topics,
                    &body,
                ),
            );
        }
    }
    site.build().assert_ok();
    let dir = index_dir(&site);
    let term_files: Vec<String> = std::fs::read_dir(dir.join("terms"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        term_files
            .iter()
            .any(|f| f.trim_end_matches(".js").chars().count() >= 3),
        "no shard split by three characters: {term_files:?}"
    );
    assert!(
        term_files.iter().any(|f| f.starts_with('_')),
        "no encoded shard name: {term_files:?}"
    );
    let js = Js::new(&dir);
    let queries: &[(&str, &str)] = &[
        ("k", "all"),
        ("ko", "all"),
        ("kon", "all"),
        ("kona", "all"),
        ("konačno", "all"),
        ("konacno ", "hr"),
        ("ka", "pt"),
        ("kaca", "all"),
        ("ča", "all"),
        ("cace", "all"),
        ("sta", "all"),
        ("stu", "hr"),
        ("ma me", "all"),
        ("mo lu", "all"),
        ("ção", "all"),
        ("cao", "all"),
        ("αθηνα", "all"),
        ("αθ", "all"),
        ("москва", "all"),
        ("мо", "all"),
        ("клиент", "pt"),
        ("42", "all"),
        ("20", "all"),
        ("manter a calma", "all"),
        ("aktivno slusanje", "pt"),
        ("escuta ativa", "hr"),
        ("smirenost", "all"),
        ("stari", "all"),
        ("stari 3", "all"),
        ("nje", "all"),
        ("za že", "all"),
        ("zzzz", "all"),
        ("stari konacno", "all"),
        ("konačno sem documentos", "pt"),
    ];
    let results = compare(&site, &js, queries);
    assert!(results.iter().filter(|r| !r.hits.is_empty()).count() >= 25);
}

/// Highlights and snippets are text segments: markup in a title or text
/// stays text, and every matched word (folded) is marked.
#[test]
fn snippets_are_plain_text_segments() {
    let runtime = Runtime::new().unwrap();
    let context = Context::full(&runtime).unwrap();
    let engine = read(&support::repo_root().join("src/search/engine.js"));
    // The constants the manifest carries, as the index writes them, and a
    // narrower width: the engine takes them from the manifest, not a copy.
    let constants = serde_json::to_string(&polybook::search::snippet::SNIPPETS).unwrap();
    let out: Value = context.with(|ctx| {
        let code = format!(
            "{engine};\nvar m = {{ snippets: {constants} }};\n\
             var narrow = {{ snippets: Object.assign({{}}, m.snippets, {{ width: 60 }}) }};\n\
             var text = 'a '.repeat(200) + 'Slušajte <b>klijenta</b>. ' + 'b '.repeat(200);\n\
             var noManifest; try {{ PolybookSearch.snippet({{ text: 'x' }}, ['x']); }} catch (e) {{ noManifest = String(e.message); }}\n\
             JSON.stringify({{\n\
               title: PolybookSearch.highlight('<img src=x onerror=alert(1)> Slušajte', ['slusajte', 'img']),\n\
               long: PolybookSearch.snippet({{ text: text, description: 'd' }}, ['slusajte'], m),\n\
               narrow: PolybookSearch.snippet({{ text: text, description: 'd' }}, ['slusajte'], narrow),\n\
               none: PolybookSearch.snippet({{ text: 'nothing here', description: 'Opis <i>x</i>' }}, ['slusajte'], m),\n\
               noManifest: noManifest,\n\
             }})"
        );
        let result: rquickjs::Result<String> = ctx.eval(code);
        serde_json::from_str(&result.catch(&ctx).unwrap()).unwrap()
    });
    let title = out["title"].as_array().unwrap();
    let joined: String = title.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(joined, "<img src=x onerror=alert(1)> Slušajte");
    let marked: Vec<&str> = title
        .iter()
        .filter(|s| s["mark"] == Value::Bool(true))
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["img", "Slušajte"]);
    let long: String = out["long"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(long.starts_with('…') && long.ends_with('…'), "{long}");
    assert!(long.contains("Slušajte <b>klijenta</b>."), "{long}");
    assert!(long.chars().count() <= 170, "{long}");
    let narrow: String = out["narrow"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        narrow.chars().count() <= 70 && narrow.contains("Slušajte"),
        "the manifest's width: {narrow}"
    );
    assert_eq!(out["none"][0]["text"], "Opis <i>x</i>");
    assert!(
        out["noManifest"].as_str().is_some(),
        "without the manifest's constants the engine has none of its own"
    );
}

/// One typo is forgiven: single-typo queries made deterministically from
/// the handbook's own words (a deletion, an insertion, a substitution or a
/// transposition after the third letter, on words that only one article
/// has) must find that article first, nine times out of ten. A sample of
/// them must rank alike in both engines.
#[test]
fn a_typo_is_forgiven() {
    use polybook::search::query::{search, Query, Scope};
    let site = Site::handbook();
    site.build().assert_ok();
    let options = polybook::BuildOptions {
        root: site.root().to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
    };
    let config = polybook::load_config(&options).expect("site.toml");
    let (analyzed, _) = polybook::analyze(&config, false);
    let index = polybook::search_index(&config, &analyzed);
    // Words of one article only, long enough to stay 5 letters after a deletion.
    let mut words: Vec<(String, u32)> = Vec::new();
    for (key, group) in &index.stems {
        for (term, postings) in group {
            if !key.is_stop_word()
                && term.chars().count() >= 6
                && term.chars().all(|c| c.is_ascii_lowercase())
                && index.term_docs(term) == 1
            {
                words.push((term.clone(), postings[0].0));
            }
        }
    }
    words.sort();
    words.dedup();
    assert!(words.len() > 300, "only {} words", words.len());
    let mut next = support::seeded(11);
    let letters: Vec<char> = "abcdefghijklmnopqrstuvz".chars().collect();
    let mut queries: Vec<(String, u32, &str)> = Vec::new();
    for i in 0..240 {
        let (word, doc) = &words[next(words.len())];
        let mut chars: Vec<char> = word.chars().collect();
        let at = 3 + next(chars.len() - 4);
        let kind = ["deletion", "insertion", "substitution", "transposition"][i % 4];
        match kind {
            "deletion" => {
                chars.remove(at);
            }
            "insertion" => chars.insert(at, letters[next(letters.len())]),
            "substitution" => {
                let mut c = letters[next(letters.len())];
                while c == chars[at] {
                    c = letters[next(letters.len())];
                }
                chars[at] = c;
            }
            _ => {
                if chars[at] == chars[at + 1] {
                    continue;
                }
                chars.swap(at, at + 1);
            }
        }
        queries.push((chars.into_iter().collect(), *doc, kind));
    }
    assert!(queries.len() >= 200, "{} queries", queries.len());
    let mut misses = Vec::new();
    for (query, doc, kind) in &queries {
        let found = search(
            &index,
            &Query {
                text: query,
                scope: Scope::All,
                limit: 1,
                filter: Default::default(),
            },
        );
        if found.hits.first().map(|h| h.doc) != Some(*doc) {
            misses.push(format!(
                "{kind} {query:?} (for {})",
                index.docs[*doc as usize].url
            ));
        }
    }
    let hits = queries.len() - misses.len();
    eprintln!(
        "typos: {hits} of {} queries found the intended article first ({:.1}%)",
        queries.len(),
        100.0 * hits as f64 / queries.len() as f64
    );
    assert!(
        hits * 10 >= queries.len() * 9,
        "only {hits} of {} typo queries found their article first; missed:\n{}",
        queries.len(),
        misses.join("\n")
    );
    let js = Js::new(&index_dir(&site));
    let sample: Vec<(&str, &str)> = queries
        .iter()
        .step_by(6)
        .map(|(q, _, _)| (q.as_str(), "all"))
        .collect();
    compare(&site, &js, &sample);
}

/// `polybook search … --topic --section --json`, as `Js::filtered` answers.
fn rust_filtered(
    site: &Site,
    query: &str,
    lang: &str,
    topic: Option<&str>,
    section: Option<&str>,
) -> Value {
    let mut args = vec!["search", query, "--lang", lang, "--limit", "10", "--json"];
    if let Some(topic) = topic {
        args.extend(["--topic", topic]);
    }
    if let Some(section) = section {
        args.extend(["--section", section]);
    }
    let run = site.run(&args);
    run.assert_ok();
    let value: Value = serde_json::from_str(&run.stdout()).unwrap();
    let hits: Vec<Value> = value["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| serde_json::json!([r["path"], r["score"]]))
        .collect();
    serde_json::json!({ "hits": hits, "total": value["total"], "facets": value["facets"] })
}

/// Filters by topic and by section, with and without words: both engines
/// keep the same pages, in the same order, and count the same facets.
#[test]
fn browser_and_cli_filter_alike() {
    let site = Site::new();
    site.write("site.toml", &site_toml(""));
    site.write(
        "content/topics.toml",
        "[calm]\nlabel = { pt = \"Calma\", hr = \"Smirenost\" }\n\
         [listening]\nlabel = { pt = \"Escuta\", hr = \"Slušanje\" }\n",
    );
    for (lang, section, title) in [
        ("pt", "conflitos", "Conflitos"),
        ("pt", "escuta", "Escuta"),
        ("hr", "sukobi", "Sukobi"),
        ("hr", "escuta", "Slušanje"),
    ] {
        site.write(
            &format!("content/{lang}/{section}/_index.md"),
            &format!("+++\ntitle = \"{title}\"\n+++\n"),
        );
    }
    let pages = [
        (
            "pt/conflitos/a",
            "Cliente zangado",
            "[\"calm\"]",
            "O cliente grita; fique calmo.",
        ),
        (
            "pt/conflitos/b",
            "Reclamação",
            "[]",
            "Uma reclamação do cliente.",
        ),
        (
            "pt/escuta/c",
            "Ouvir o cliente",
            "[\"listening\", \"calm\"]",
            "Ouça o cliente com calma.",
        ),
        (
            "pt/d",
            "Solto",
            "[\"listening\"]",
            "Página sem secção, cliente.",
        ),
        (
            "hr/sukobi/e",
            "Ljuti klijent",
            "[\"calm\"]",
            "Klijent viče; ostanite mirni.",
        ),
        (
            "hr/escuta/f",
            "Slušajte klijenta",
            "[\"listening\"]",
            "Slušajte klijenta pažljivo.",
        ),
    ];
    for (path, title, topics, body) in pages {
        site.write(
            &format!("content/{path}.md"),
            &page(title, &format!("topics = {topics}\n"), body),
        );
    }
    site.build().assert_ok();
    let js = Js::new(&index_dir(&site));
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        ("", "pt", Some("calm"), None),
        ("", "all", Some("listening"), None),
        ("", "pt", None, Some("conflitos")),
        ("", "all", None, Some("escuta")),
        ("", "all", Some("calm"), Some("escuta")),
        ("cliente", "pt", Some("calm"), None),
        ("cliente", "all", None, Some("escuta")),
        ("klijent", "hr", Some("listening"), Some("escuta")),
        ("klijent", "all", Some("calm"), None),
        ("cliente", "all", Some("listening"), Some("conflitos")),
        ("xyzzy", "all", Some("calm"), None),
    ];
    let mut failures = Vec::new();
    for (q, lang, topic, section) in cases {
        let rust = rust_filtered(&site, q, lang, *topic, *section);
        let browser = js.filtered(q, lang, *topic, *section);
        if rust != browser {
            failures.push(format!(
                "{q:?} {lang} {topic:?} {section:?}:\n  rust: {rust}\n  js:   {browser}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the engines disagree:\n{}",
        failures.join("\n")
    );
    // Not vacuous: a filter without words lists its pages, in listing order;
    // with words it narrows them; the facets count the matches.
    let calm = rust_filtered(&site, "", "pt", Some("calm"), None);
    assert_eq!(calm["total"], 2, "{calm}");
    assert_eq!(calm["hits"][0][0], "pt/conflitos/a/");
    let escuta = rust_filtered(&site, "", "all", None, Some("escuta"));
    assert_eq!(escuta["total"], 2, "{escuta}");
    let facets = &rust_filtered(&site, "cliente", "pt", None, None)["facets"];
    assert_eq!(
        facets["topics"],
        serde_json::json!([["calm", 2], ["listening", 2]]),
        "{facets}"
    );
    assert_eq!(
        facets["sections"],
        serde_json::json!([["conflitos", 2], ["escuta", 1]]),
        "{facets}"
    );
}
