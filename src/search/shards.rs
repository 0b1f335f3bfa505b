//! Writes a [`SearchIndex`] as the files of `docs/search-index.md`: a manifest,
//! term and stem shards split by prefix under a size budget, topic lists and
//! one fragment per document, each a script that hands its data to the loader.

use super::index::{
    SearchIndex, SectionRange, TopicRecord, Typos, Weights, PREFIX_LIMIT, TOPIC_SCORE, TYPOS,
    WEIGHTS,
};
use super::snippet::{Snippets, SNIPPETS};
use super::stem::{js_stemmer, JsStemmer};
use super::synonyms::SynonymRecord;
use crate::files::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// How every data file starts: `polybookSearch.load("<path>",<data>);`.
const LOAD_CALL: &str = "polybookSearch.load(";

/// A shard grows until its JSON would pass this many bytes.
pub const SHARD_BUDGET: usize = 16 * 1024;

/// The browser engine, written beside the index it reads.
pub const ENGINE_JS: &str = include_str!("engine.js");
/// Marks a search's words on the page a result opens (loaded only there).
pub const HIGHLIGHT_JS: &str = include_str!("highlight.js");

/// `Manifest` of the format.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Manifest<'a> {
    version: u32,
    build: &'a str,
    languages: &'a [(String, u32, u32)],
    term_shards: Vec<String>,
    stem_shards: Vec<String>,
    stop_words: &'a [String],
    topics: &'a [TopicRecord],
    weights: Weights,
    topic_score: u64,
    prefix_limit: usize,
    /// Language → its stemmer's file under `stemmers/` (languages without
    /// one are matched unstemmed, as the index stems them).
    stemmers: BTreeMap<&'a str, &'static str>,
    typos: Typos,
    snippets: Snippets,
    synonyms: &'a [SynonymRecord],
    sections: &'a [SectionRange],
}

/// Where the written index is, for pages to link to.
#[derive(Debug, Clone)]
pub struct WrittenIndex {
    pub files: Vec<OutputFile>,
    /// `search/<build>/manifest.js`
    pub manifest_path: String,
    /// `search/<build>/engine.js`
    pub engine_path: String,
    /// The files only a search in one language reads (the text of its
    /// documents), by language; every other file serves every language.
    pub language_files: BTreeMap<String, Vec<String>>,
}

/// Serializes the index into its files. It takes the index by value: postings
/// and document text are dropped as they are serialized, so a big site never
/// holds both at once.
pub fn write(mut index: SearchIndex) -> WrittenIndex {
    // (path in the index folder, without `.js`; the file's bytes)
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    // Each kind's serialized entries are dropped once its shard files exist.
    let term_prefixes = {
        let entries: Vec<(String, String)> = index
            .terms
            .par_iter()
            .map(|(term, keys)| {
                let docs = index.term_docs(term);
                (term.clone(), json(&(docs, keys)))
            })
            .collect();
        add_shards(&mut files, "terms", &entries)
    };
    let stem_prefixes = {
        let entries: Vec<(String, String)> = std::mem::take(&mut index.stems)
            .into_par_iter()
            .map(|(key, group)| {
                let encoded: BTreeMap<&String, Vec<u32>> = group
                    .iter()
                    .map(|(term, postings)| (term, delta_pairs(postings)))
                    .collect();
                let data = json(&encoded);
                (key.into_string(), data)
            })
            .collect();
        add_shards(&mut files, "stems", &entries)
    };
    // Every topic of the manifest gets a file, empty or not, so no query 404s.
    for topic in &index.topics {
        let docs = index
            .topic_docs
            .get(&topic.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let path = format!("topics/{}", topic.id);
        let bytes = script(&path, 0, |out| write_json(out, &delta(docs)));
        files.push((path, bytes));
    }
    let doc_langs: Vec<String> = index.docs.iter().map(|d| d.lang.clone()).collect();
    files.par_extend(
        std::mem::take(&mut index.docs)
            .into_par_iter()
            .enumerate()
            .map(|(id, doc)| {
                let path = format!("docs/{id}");
                // Written straight into the file: a document's text is
                // kilobytes, and every copy of 50 MB of it shows.
                let size = doc.text.len() + doc.title.len() + doc.description.len() + 64;
                let bytes = script(&path, size, |out| write_json(out, &doc));
                (path, bytes)
            }),
    );
    let mut stemmers = BTreeMap::new();
    for (lang, _, _) in &index.languages {
        if let Some(stemmer) = js_stemmer(lang) {
            if !stemmers.values().any(|code| *code == stemmer.code) {
                files.push((format!("stemmers/{}", stemmer.code), stemmer_file(&stemmer)));
            }
            stemmers.insert(lang.as_str(), stemmer.code);
        }
    }
    let mut manifest = Manifest {
        version: 2,
        build: "",
        languages: &index.languages,
        term_shards: term_prefixes,
        stem_shards: stem_prefixes,
        stop_words: &index.stop_words,
        topics: &index.topics,
        weights: WEIGHTS,
        topic_score: TOPIC_SCORE,
        prefix_limit: PREFIX_LIMIT,
        stemmers,
        typos: TYPOS,
        snippets: SNIPPETS,
        synonyms: &index.synonyms,
        sections: &index.sections,
    };
    // The folder's name covers the manifest too (all of it but this name): a
    // topic no article uses changes only the manifest, and the folder is
    // served as immutable (docs/deploy/).
    let build = build_hash(&files, &json(&manifest));
    manifest.build = &build;
    files.push((
        "manifest".into(),
        script("manifest", 0, |out| write_json(out, &manifest)),
    ));
    let folder = format!("search/{build}");
    let mut output: Vec<OutputFile> = files
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path: format!("{folder}/{path}.js"),
            bytes,
        })
        .collect();
    output.push(OutputFile {
        path: format!("{folder}/engine.js"),
        bytes: ENGINE_JS.as_bytes().to_vec(),
    });
    output.push(OutputFile {
        path: format!("{folder}/highlight.js"),
        bytes: HIGHLIGHT_JS.as_bytes().to_vec(),
    });
    let mut language_files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, lang) in doc_langs.into_iter().enumerate() {
        let path = format!("{folder}/docs/{id}.js");
        language_files.entry(lang).or_default().push(path);
    }
    WrittenIndex {
        files: output,
        manifest_path: format!("{folder}/manifest.js"),
        engine_path: format!("{folder}/engine.js"),
        language_files,
    }
}

/// `stemmers/<code>.js`: the language's JavaScript stemmer with what the
/// engine needs around it (`docs/search-index.md`, `Stemmer`). Full-line
/// comments and indentation are for readers of the source, not the wire.
pub fn stemmer_file(stemmer: &JsStemmer) -> Vec<u8> {
    let path = format!("stemmers/{}", stemmer.code);
    let source = stemmer.source();
    script(&path, source.len(), |out| {
        out.extend_from_slice(b"{\"restore\":");
        write_json(out, stemmer.restore);
        out.extend_from_slice(if stemmer.refold {
            b",\"refold\":true,\"stem\":\n"
        } else {
            b",\"refold\":false,\"stem\":\n"
        });
        for line in source.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with("//") {
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        }
        out.push(b'}');
    })
}

/// Adds the shard files of `entries` under `folder`; returns their prefixes.
fn add_shards(
    files: &mut Vec<(String, Vec<u8>)>,
    folder: &str,
    entries: &[(String, String)],
) -> Vec<String> {
    let shards = shard(entries, SHARD_BUDGET);
    files.par_extend(shards.par_iter().map(|(prefix, group)| {
        let path = format!("{folder}/{}", file_name(prefix));
        let bytes = script(&path, SHARD_BUDGET, |out| object(out, group));
        (path, bytes)
    }));
    shards.into_keys().collect()
}

/// A file of the index: `polybookSearch.load("<path>",<data>);`, with `data`
/// written in place by `write_data` (`size_hint` bytes, about).
fn script(path: &str, size_hint: usize, write_data: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(LOAD_CALL.len() + path.len() + size_hint + 8);
    bytes.extend_from_slice(LOAD_CALL.as_bytes());
    write_json(&mut bytes, path);
    bytes.push(b',');
    write_data(&mut bytes);
    bytes.extend_from_slice(b");\n");
    bytes
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("index records serialize")
}

fn write_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).expect("index records serialize");
}

/// `{"key":value,…}` from already serialized values, in key order.
fn object(out: &mut Vec<u8>, entries: &[(String, String)]) {
    out.push(b'{');
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json(out, key);
        out.push(b':');
        out.extend_from_slice(value.as_bytes());
    }
    out.push(b'}');
}

fn delta(docs: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    docs.iter()
        .map(|&d| {
            let gap = d - previous;
            previous = d;
            gap
        })
        .collect()
}

fn delta_pairs(postings: &[(u32, u32)]) -> Vec<u32> {
    let mut previous = 0;
    let mut out = Vec::with_capacity(postings.len() * 2);
    for &(doc, impact) in postings {
        out.push(doc - previous);
        out.push(impact);
        previous = doc;
    }
    out
}

/// Splits sorted `(key, json)` entries into shards by key prefix: a group over
/// the budget is split by one more character; keys equal to the prefix stay.
/// Keys sharing a prefix are neighbours in sorted order, so every shard is a
/// slice of `entries` and nothing is copied.
pub fn shard(entries: &[(String, String)], budget: usize) -> BTreeMap<String, &[(String, String)]> {
    let mut shards = BTreeMap::new();
    split(entries, String::new(), budget, &mut shards);
    shards
}

fn split<'e>(
    entries: &'e [(String, String)],
    prefix: String,
    budget: usize,
    shards: &mut BTreeMap<String, &'e [(String, String)]>,
) {
    let size: usize = entries.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
    if (size <= budget && !prefix.is_empty()) || entries.is_empty() {
        if !entries.is_empty() {
            shards.insert(prefix, entries);
        }
        return;
    }
    let own = entries
        .iter()
        .take_while(|(k, _)| k.len() == prefix.len())
        .count();
    if own > 0 {
        shards.insert(prefix.clone(), &entries[..own]);
    }
    let mut rest = &entries[own..];
    while let Some(c) = rest
        .first()
        .and_then(|(k, _)| k[prefix.len()..].chars().next())
    {
        let mut child = prefix.clone();
        child.push(c);
        let len = rest
            .iter()
            .take_while(|(k, _)| k.starts_with(child.as_str()))
            .count();
        let (group, after) = rest.split_at(len);
        split(group, child, budget, shards);
        rest = after;
    }
}

/// A prefix as a file name: `[a-z0-9]` kept, anything else `_` + hex code point.
pub fn file_name(prefix: &str) -> String {
    if prefix.is_empty() {
        return "_".into();
    }
    prefix
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}

/// The build's fingerprint: a hash of every file's own hash, in order, so
/// the files (tens of megabytes on a big site) are hashed on every core.
fn build_hash(files: &[(String, Vec<u8>)], manifest: &str) -> String {
    // A file's bytes name its path too (`load("<path>",…)`).
    let digests: Vec<_> = files
        .par_iter()
        .map(|(_, bytes)| Sha256::digest(bytes))
        .collect();
    let mut hasher = Sha256::new();
    for digest in &digests {
        hasher.update(digest);
    }
    hasher.update(ENGINE_JS.as_bytes());
    hasher.update(HIGHLIGHT_JS.as_bytes());
    hasher.update(manifest.as_bytes());
    hasher
        .finalize()
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(keys: &[&str]) -> Vec<(String, String)> {
        keys.iter()
            .map(|k| (k.to_string(), "[1]".to_string()))
            .collect()
    }

    #[test]
    fn shards_split_by_prefix_under_the_budget() {
        let e = entries(&["a", "ab", "abc", "abd", "b", "ba"]);
        let big = shard(&e, 1000);
        assert_eq!(big.keys().collect::<Vec<_>>(), ["a", "b"]);
        let small = shard(&e, 20);
        assert!(small.len() > 2, "{:?}", small.keys());
        for (prefix, group) in &small {
            assert!(group.iter().all(|(k, _)| k.starts_with(prefix.as_str())));
        }
        let all: usize = small.values().map(|g| g.len()).sum();
        assert_eq!(all, e.len());
    }

    /// The first, copying implementation: the reference for the slices.
    // Splits sorted `(key, json)` entries into shards by key prefix: a group over
    // the budget is split by one more character; keys equal to the prefix stay.
    fn shard_by_copying(
        entries: &[(String, String)],
        budget: usize,
    ) -> BTreeMap<String, Vec<(String, String)>> {
        let mut shards = BTreeMap::new();
        split_by_copying(entries, String::new(), 0, budget, &mut shards);
        shards
    }

    fn split_by_copying(
        entries: &[(String, String)],
        prefix: String,
        depth: usize,
        budget: usize,
        shards: &mut BTreeMap<String, Vec<(String, String)>>,
    ) {
        let size: usize = entries.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
        if (size <= budget && depth > 0) || entries.is_empty() {
            if !entries.is_empty() {
                shards.insert(prefix, entries.to_vec());
            }
            return;
        }
        let mut own = Vec::new();
        let mut children: BTreeMap<char, Vec<(String, String)>> = BTreeMap::new();
        for entry in entries {
            match entry.0.chars().nth(depth) {
                Some(c) => children.entry(c).or_default().push(entry.clone()),
                None => own.push(entry.clone()),
            }
        }
        if !own.is_empty() {
            shards.insert(prefix.clone(), own);
        }
        for (c, group) in children {
            let mut child = prefix.clone();
            child.push(c);
            split_by_copying(&group, child, depth + 1, budget, shards);
        }
    }

    #[test]
    fn slices_equal_the_copying_split() {
        let mut keys: Vec<String> = Vec::new();
        for a in ["", "a", "b", "ž", "c|"] {
            for b in ["", "a", "ab", "b", "é", "zz"] {
                for c in ["", "x", "xy"] {
                    keys.push(format!("{a}{b}{c}"));
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys.retain(|k| !k.is_empty());
        let e: Vec<(String, String)> = keys.iter().map(|k| (k.clone(), "[1,2]".into())).collect();
        for budget in [1, 10, 30, 100, 1000, 100_000] {
            let fast: Vec<(String, Vec<(String, String)>)> = shard(&e, budget)
                .into_iter()
                .map(|(p, g)| (p, g.to_vec()))
                .collect();
            let reference: Vec<(String, Vec<(String, String)>)> =
                shard_by_copying(&e, budget).into_iter().collect();
            assert_eq!(fast, reference, "budget {budget}");
        }
    }

    #[test]
    fn file_names_are_portable() {
        assert_eq!(file_name("co"), "co");
        assert_eq!(file_name("c|"), "c_7c");
        assert_eq!(file_name("ž"), "_17e");
        assert_eq!(file_name(""), "_");
    }

    #[test]
    fn postings_are_delta_encoded() {
        assert_eq!(
            delta_pairs(&[(3, 10), (5, 20), (9, 1)]),
            [3, 10, 2, 20, 4, 1]
        );
        assert_eq!(delta(&[1, 4, 4]), [1, 3, 0]);
    }
}
