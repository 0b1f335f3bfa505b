//! From one language's documents to its postings: each document's words
//! counted per field, then scored with BM25F among the language's documents.
//!
//! Documents are counted in chunks, on every core. A chunk numbers the
//! distinct words it meets, so each occurrence costs one hash look-up, a word
//! is stored and checked against the stop list once per chunk rather than
//! once per document, and the rest of the work indexes arrays by number.

use super::source::SourceDocument;
use super::stem::stem;
use super::stem_key::StemKey;
use super::stop_words::StopSet;
use super::tokenize::FoldedWords;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Field weights of BM25F, in the order of [`Field`].
pub const FIELD_WEIGHTS: [f64; 5] = [8.0, 4.0, 4.0, 3.0, 1.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title = 0,
    Headings = 1,
    Topics = 2,
    Description = 3,
    Body = 4,
}

/// Postings of one term in one stem group: (doc id, impact), ascending by doc.
pub type Postings = Vec<(u32, u32)>;

const FIELD_B: [f64; 5] = [0.5, 0.5, 0.5, 0.5, 0.75];
const K1: f64 = 1.2;

/// Documents per chunk: enough that most of a chunk's words repeat, few
/// enough that a language's chunks keep every core busy.
const CHUNK: usize = 128;

/// (term, stem key, postings ascending by doc id) of every word of `docs`,
/// the documents of `lang` whose first doc id is `first_id`. Stop words are
/// indexed under a key of their own ([`StemKey::of_stop_word`]), so a query of stop
/// words alone (`perché`, `como`) finds the pages that use them, while they
/// never join a stem group, and other queries drop them.
pub fn language_postings(
    lang: &str,
    docs: &[SourceDocument<'_>],
    first_id: u32,
) -> Vec<(String, StemKey, Postings)> {
    let chunks: Vec<ChunkCounts> = docs
        .par_chunks(CHUNK)
        .map(|chunk| ChunkCounts::new(chunk, lang))
        .collect();
    // Language-wide numbers for the chunks' words.
    let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
    let mut words: Vec<(&str, bool)> = Vec::new();
    let renumbered: Vec<Vec<u32>> = chunks
        .iter()
        .map(|chunk| {
            let words = &mut words;
            chunk
                .words
                .iter()
                .map(|(word, stop)| {
                    *numbers.entry(word.as_str()).or_insert_with(|| {
                        words.push((word, *stop));
                        words.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    let counted = || {
        chunks
            .iter()
            .zip(&renumbered)
            .flat_map(|(chunk, numbers)| chunk.docs.iter().map(move |doc| (doc, numbers)))
    };
    let n = docs.len() as f64;
    let mut avg = [0f64; 5];
    let mut df = vec![0u32; words.len()];
    for (doc, numbers) in counted() {
        for (f, len) in doc.lengths.iter().enumerate() {
            avg[f] += *len as f64 / n;
        }
        for (word, _) in &doc.terms {
            df[numbers[*word as usize] as usize] += 1;
        }
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&df| (1.0 + (n - df as f64 + 0.5) / (df as f64 + 0.5)).ln())
        .collect();
    let mut postings: Vec<Postings> = df
        .iter()
        .map(|&df| Vec::with_capacity(df as usize))
        .collect();
    for (offset, (doc, numbers)) in counted().enumerate() {
        let id = first_id + offset as u32;
        for (word, freqs) in &doc.terms {
            let word = numbers[*word as usize] as usize;
            postings[word].push((id, impact(freqs, &doc.lengths, &avg, idf[word])));
        }
    }
    words
        .par_iter()
        .zip(postings)
        .map(|(&(word, stop), list)| {
            let key = if stop {
                StemKey::of_stop_word(word, lang)
            } else {
                StemKey::of_stem(&stem(lang, word), lang)
            };
            (word.to_string(), key, list)
        })
        .collect()
}

/// The counted words of a chunk of documents.
struct ChunkCounts {
    /// The chunk's distinct words (folded) by number, and whether each is a
    /// stop word.
    words: Vec<(String, bool)>,
    docs: Vec<DocCounts>,
}

/// One document: (word number, frequency per field) in order of first
/// appearance, and each field's length in words (stop words left out, so
/// indexing them changes no other word's score).
struct DocCounts {
    terms: Vec<(u32, [u32; 5])>,
    lengths: [u32; 5],
}

/// A chunk's numbering of every word it met, and whether it is a stop word.
type Numbers = hashbrown::HashMap<String, (u32, bool), rustc_hash::FxBuildHasher>;

impl ChunkCounts {
    /// The same steps as [`super::analyze::surfaces`] for every field of
    /// every document, without an allocation per word.
    fn new(docs: &[SourceDocument<'_>], lang: &str) -> Self {
        let stop = StopSet::of(lang);
        let mut numbers = Numbers::default();
        let mut words: Vec<(String, bool)> = Vec::new();
        // Per word number: the document (+1) it was last counted in, and
        // where in that document's terms.
        let mut last_doc: Vec<u32> = Vec::new();
        let mut slot: Vec<u32> = Vec::new();
        let mut field_words = FoldedWords::default();
        let mut counted = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let doc_mark = d as u32 + 1;
            let mut counts = DocCounts {
                terms: Vec::new(),
                lengths: [0; 5],
            };
            let fields: [&str; 5] = [
                &doc.title,
                &doc.headings,
                &doc.topic_labels,
                &doc.description,
                &doc.body,
            ];
            for (f, text) in fields.iter().enumerate() {
                field_words.fill(text);
                for folded in field_words.iter() {
                    if folded.is_empty() {
                        continue;
                    }
                    let (number, is_stop) = *numbers.entry_ref(folded).or_insert_with(|| {
                        let is_stop = stop.contains(folded);
                        words.push((folded.to_string(), is_stop));
                        last_doc.push(0);
                        slot.push(0);
                        (words.len() as u32 - 1, is_stop)
                    });
                    let n = number as usize;
                    if !is_stop {
                        counts.lengths[f] += 1;
                    }
                    if last_doc[n] == doc_mark {
                        counts.terms[slot[n] as usize].1[f] += 1;
                    } else {
                        last_doc[n] = doc_mark;
                        slot[n] = counts.terms.len() as u32;
                        let mut freqs = [0; 5];
                        freqs[f] = 1;
                        counts.terms.push((number, freqs));
                    }
                }
            }
            counted.push(counts);
        }
        ChunkCounts {
            words,
            docs: counted,
        }
    }
}

/// BM25F score of a term in a document, as an integer (× 100, at least 1).
fn impact(freqs: &[u32; 5], lengths: &[u32; 5], avg: &[f64; 5], idf: f64) -> u32 {
    let mut pseudo_tf = 0.0;
    for f in 0..5 {
        if freqs[f] == 0 {
            continue;
        }
        let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * lengths[f] as f64 / avg[f].max(1.0);
        pseudo_tf += FIELD_WEIGHTS[f] * freqs[f] as f64 / norm;
    }
    let score = idf * pseudo_tf * (K1 + 1.0) / (pseudo_tf + K1);
    ((score * 100.0).round() as u32).max(1)
}

/// One document's words and their frequency per field, by word: what the
/// index counts for `doc`, for tests.
#[cfg(test)]
pub(crate) fn counted_words(
    doc: &SourceDocument<'_>,
) -> (std::collections::HashMap<String, [u32; 5]>, [u32; 5]) {
    let chunk = ChunkCounts::new(std::slice::from_ref(doc), &doc.lang);
    let counts = &chunk.docs[0];
    let words = counts
        .terms
        .iter()
        .filter(|(n, _)| !chunk.words[*n as usize].1)
        .map(|(n, freqs)| (chunk.words[*n as usize].0.clone(), *freqs))
        .collect();
    (words, counts.lengths)
}
