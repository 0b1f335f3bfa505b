//! Offline reading (README, "Offline reading"): a service worker at the site's
//! root, and beside each language's home `offline.json`, the files its "Save
//! for offline reading" stores. Both are made last, from every other file of
//! the build: the worker carries the build's id, a hash of all of them, so a
//! new deploy changes it byte for byte, browsers install it, and it replaces
//! what readers stored with the new build's files.

use crate::diagnostics::Diagnostic;
use crate::files::{FileSink, OutputFile};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// The worker, at the site's root: its scope is the whole site (under a
/// subpath too, since pages register it relatively).
pub const WORKER_PATH: &str = "service-worker.js";

/// A language's list, beside its home: `<lang>/offline.json`.
pub const LIST_NAME: &str = "offline.json";

/// Whether a build's file is one of offline reading's (the worker, a
/// language's list): made of a whole build, which `serve` never publishes.
pub fn is_offline_file(path: &str) -> bool {
    path == WORKER_PATH
        || path
            .strip_suffix(LIST_NAME)
            .and_then(|lang| lang.strip_suffix('/'))
            .is_some_and(|lang| !lang.is_empty() && !lang.contains('/'))
}

/// The worker's code; the build appends its [`WorkerSettings`].
const WORKER_JS: &str = include_str!("offline/worker.js");

/// What `serve` answers at [`WORKER_PATH`]: a worker that deletes what a
/// built site stored on the same address, unregisters and reloads its tabs.
pub const RETIRE_JS: &str = include_str!("offline/retire.js");

/// One file of the build, as the lists need it.
#[derive(Debug, Clone)]
struct Record {
    path: String,
    bytes: u64,
    /// XXH3 of its bytes: SHA-256 of every file of a big site cost a build
    /// 5% of its time, and this only has to notice a change.
    digest: u128,
}

/// A sink that records every file it passes on to another.
pub struct Recorder<'a> {
    inner: &'a dyn FileSink,
    records: Mutex<Vec<Record>>,
}

impl<'a> Recorder<'a> {
    pub fn new(inner: &'a dyn FileSink) -> Self {
        Recorder {
            inner,
            records: Mutex::new(Vec::new()),
        }
    }
}

impl FileSink for Recorder<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let record = Record {
            path: file.path.clone(),
            bytes: file.bytes.len() as u64,
            digest: xxhash_rust::xxh3::xxh3_128(&file.bytes),
        };
        self.inner.put(file)?;
        self.records
            .lock()
            .expect("no thread panics holding the records")
            .push(record);
        Ok(())
    }
}

/// What the lists are made of besides the files themselves.
pub struct Plan<'a> {
    /// The languages' codes.
    pub languages: Vec<&'a str>,
    /// Output paths of the theme's static files (stylesheet, script, images).
    pub theme: Vec<&'a str>,
    /// The search index's manifest and engine (`search/<id>/…`).
    pub search: (&'a str, &'a str),
    /// The files of the search index that only one language's search reads.
    pub search_by_language: &'a BTreeMap<String, Vec<String>>,
}

/// `<lang>/offline.json`: what saving a language for offline reading stores.
/// Paths are relative to the site's root; sizes in bytes.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct OfflineList {
    /// The build these files are of (the worker's, and its cache's, name).
    pub build: String,
    pub lang: String,
    /// The HTML pages among `own`.
    pub pages: usize,
    /// The size of every file of `own` and `shared`.
    pub bytes: u64,
    /// The language's own files: every file under `<lang>/` (its pages and
    /// the files beside them) and the search text of its documents.
    pub own: Vec<(String, u64)>,
    /// Files every language uses: the theme's and the search index's (its
    /// shards, topics and every stemmer, since a search also counts the
    /// results in all languages).
    pub shared: Vec<(String, u64)>,
}

/// What the worker is told, appended to its code as the argument of its function.
#[derive(Debug, Serialize)]
struct WorkerSettings<'a> {
    build: &'a str,
    /// Kept on installation: the theme's files, the search manifest and
    /// engine (on a first visit only those the page already received).
    precache: Vec<&'a str>,
    /// `search/<id>/`: what the worker stored from an earlier index moves here.
    search: &'a str,
}

/// The worker and one list per language, from the recorder's files.
pub fn files(plan: &Plan, recorder: Recorder) -> Vec<OutputFile> {
    let mut records = recorder
        .records
        .into_inner()
        .expect("no thread panics holding the records");
    records.sort_by(|a, b| a.path.cmp(&b.path));
    let build = build_id(&records);
    let search_folder = plan
        .search
        .0
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let search_folder = format!("{search_folder}/");
    let mut files: Vec<OutputFile> = plan
        .languages
        .iter()
        .map(|&lang| {
            let list = list(plan, &records, &build, &search_folder, lang);
            OutputFile {
                path: format!("{lang}/{LIST_NAME}"),
                bytes: serde_json::to_vec(&list).expect("a list serializes"),
            }
        })
        .collect();
    let mut precache = plan.theme.clone();
    precache.extend([plan.search.0, plan.search.1]);
    let settings = WorkerSettings {
        build: &build,
        precache,
        search: &search_folder,
    };
    let settings = serde_json::to_string(&settings).expect("settings serialize");
    files.push(OutputFile {
        path: WORKER_PATH.into(),
        bytes: format!("{}({settings});\n", worker_code().trim_end()).into_bytes(),
    });
    files
}

/// The worker as readers download it, without comments and indentation: a
/// first visit pays for it (issue #26: a visit with the worker costs at most
/// 1.1× one without).
fn worker_code() -> String {
    match minifier::js::minify(WORKER_JS) {
        Ok(js) => js.to_string(),
        Err(_) => WORKER_JS.to_string(),
    }
}

/// A hash of every file's path and bytes: changes whenever any file does.
fn build_id(records: &[Record]) -> String {
    let mut hasher = Sha256::new();
    for record in records {
        hasher.update(record.path.as_bytes());
        hasher.update([0]);
        hasher.update(record.digest.to_le_bytes());
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn list(plan: &Plan, records: &[Record], build: &str, search: &str, lang: &str) -> OfflineList {
    let prefix = format!("{lang}/");
    let own_list = format!("{lang}/{LIST_NAME}");
    let languages_search: BTreeSet<&str> = plan
        .search_by_language
        .values()
        .flatten()
        .map(String::as_str)
        .collect();
    let own_search: BTreeSet<&str> = plan
        .search_by_language
        .get(lang)
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let theme: BTreeSet<&str> = plan.theme.iter().copied().collect();
    let mut own = Vec::new();
    let mut shared = Vec::new();
    for record in records {
        let path = record.path.as_str();
        let entry = (record.path.clone(), record.bytes);
        if (path.starts_with(&prefix) && path != own_list) || own_search.contains(path) {
            own.push(entry);
        } else if theme.contains(path)
            || (path.starts_with(search) && !languages_search.contains(path))
        {
            shared.push(entry);
        }
    }
    OfflineList {
        build: build.to_string(),
        lang: lang.to_string(),
        pages: own.iter().filter(|(p, _)| p.ends_with(".html")).count(),
        bytes: own.iter().chain(&shared).map(|(_, n)| n).sum(),
        own,
        shared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the tests' files go: nowhere, the recorder is what is read.
    struct Nowhere;
    impl FileSink for Nowhere {
        fn put(&self, _: OutputFile) -> Result<(), Diagnostic> {
            Ok(())
        }
    }

    fn put(sink: &dyn FileSink, path: &str, size: usize) {
        let file = OutputFile {
            path: path.into(),
            bytes: vec![b'x'; size],
        };
        sink.put(file).unwrap();
    }

    #[test]
    fn a_list_holds_its_language_and_what_every_language_shares() {
        let memory = Nowhere;
        let recorder = Recorder::new(&memory);
        for (path, size) in [
            ("index.html", 1),
            ("pt/index.html", 10),
            ("pt/a/index.html", 20),
            ("pt/a/photo.png", 30),
            ("hr/index.html", 40),
            ("style.0123456789.css", 50),
            ("search/s1/manifest.js", 60),
            ("search/s1/engine.js", 70),
            ("search/s1/terms/a.js", 80),
            ("search/s1/docs/0.js", 90),
            ("search/s1/docs/1.js", 100),
            ("sitemap.xml", 110),
        ] {
            put(&recorder, path, size);
        }
        let by_language = BTreeMap::from([
            ("pt".to_string(), vec!["search/s1/docs/0.js".to_string()]),
            ("hr".to_string(), vec!["search/s1/docs/1.js".to_string()]),
        ]);
        let plan = Plan {
            languages: vec!["pt", "hr"],
            theme: vec!["style.0123456789.css"],
            search: ("search/s1/manifest.js", "search/s1/engine.js"),
            search_by_language: &by_language,
        };
        let made = files(&plan, recorder);
        let paths: Vec<&str> = made.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["pt/offline.json", "hr/offline.json", WORKER_PATH]);
        let pt: serde_json::Value = serde_json::from_slice(&made[0].bytes).unwrap();
        let names = |key: &str| -> Vec<String> {
            pt[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e[0].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            names("own"),
            [
                "pt/a/index.html",
                "pt/a/photo.png",
                "pt/index.html",
                "search/s1/docs/0.js"
            ]
        );
        assert_eq!(
            names("shared"),
            [
                "search/s1/engine.js",
                "search/s1/manifest.js",
                "search/s1/terms/a.js",
                "style.0123456789.css"
            ]
        );
        assert_eq!(pt["pages"], 2);
        assert_eq!(pt["bytes"], 10 + 20 + 30 + 90 + 50 + 60 + 70 + 80);
        let worker = String::from_utf8(made[2].bytes.clone()).unwrap();
        let build = pt["build"].as_str().unwrap();
        assert!(
            worker.contains(&format!("\"build\":\"{build}\"")),
            "{worker}"
        );
        assert!(worker.contains("\"search\":\"search/s1/\""));
    }

    #[test]
    fn the_build_id_follows_every_file() {
        let id = |size: usize| {
            let memory = Nowhere;
            let recorder = Recorder::new(&memory);
            put(&recorder, "pt/index.html", 1);
            put(&recorder, "pt/a/index.html", size);
            let mut records = recorder.records.into_inner().unwrap();
            records.sort_by(|a, b| a.path.cmp(&b.path));
            build_id(&records)
        };
        assert_eq!(id(5), id(5));
        assert_ne!(id(5), id(6));
    }
}
