//! The search index in memory, and how it is built from the site's documents.
//! `docs/search-index.md` describes the files it becomes; `shards.rs` writes them.

use super::fold::{fold, fold_into};
use super::stem::stem;
use super::tokenize::{words, words_into};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Field weights of BM25F, in the order of [`Field`].
pub const FIELD_WEIGHTS: [f64; 5] = [8.0, 4.0, 4.0, 3.0, 1.0];
const FIELD_B: [f64; 5] = [0.5, 0.5, 0.5, 0.5, 0.75];
const K1: f64 = 1.2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title = 0,
    Headings = 1,
    Topics = 2,
    Description = 3,
    Body = 4,
}

/// Kind weights and the topic score: how a query's matches add up.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Weights {
    pub exact: u64,
    pub stem: u64,
    pub prefix: u64,
    pub topic: u64,
}

pub const WEIGHTS: Weights = Weights {
    exact: 4,
    stem: 3,
    prefix: 2,
    topic: 1,
};
pub const TOPIC_SCORE: u64 = 100;
/// How many completions of the last query word count as prefix matches: the
/// ones in the most documents. Two typed letters can start thousands of
/// words; their rare completions would cost time and downloads and rank low.
pub const PREFIX_LIMIT: usize = 10;

/// What the index needs of one article. The body is borrowed from the
/// rendered article when there is one, so the text is not held twice.
#[derive(Debug, Clone)]
pub struct SourceDocument<'a> {
    pub lang: String,
    /// URL path relative to the site root (`hr/kako/`).
    pub url: String,
    pub title: String,
    pub description: String,
    pub headings: String,
    pub topic_ids: Vec<String>,
    /// The labels of its topics in its language, space-separated.
    pub topic_labels: String,
    /// Words separated by single spaces, as `Rendered::plain_text` is.
    pub body: Cow<'a, str>,
}

impl SourceDocument<'_> {
    /// The same document owning its body (to send it to another thread).
    pub fn into_owned(self) -> SourceDocument<'static> {
        SourceDocument {
            body: Cow::Owned(self.body.into_owned()),
            ..self
        }
    }
}

/// A topic's labels, for matching queries in any language.
#[derive(Debug, Clone)]
pub struct SourceTopic {
    pub id: String,
    /// (language, label).
    pub labels: Vec<(String, String)>,
}

/// `DocFragment` of the format: what a result shows.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocFragment {
    pub url: String,
    pub title: String,
    pub lang: String,
    pub description: String,
    pub text: String,
}

/// A folded label word and its stem key.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LabelWord(pub String, pub String);

/// `Topic` of the format.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicRecord {
    pub id: String,
    pub labels: Vec<(String, Vec<LabelWord>)>,
}

/// Postings of one term in one stem group: (doc id, impact), ascending by doc.
pub type Postings = Vec<(u32, u32)>;

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub docs: Vec<DocFragment>,
    /// (language, first doc id, end doc id).
    pub languages: Vec<(String, u32, u32)>,
    /// Term → its stem keys.
    pub terms: BTreeMap<String, Vec<String>>,
    /// Stem key → term → postings.
    pub stems: BTreeMap<String, BTreeMap<String, Postings>>,
    pub topics: Vec<TopicRecord>,
    /// Topic id → tagged docs, ascending.
    pub topic_docs: BTreeMap<String, Vec<u32>>,
    /// Folded stop words of every indexed language, sorted.
    pub stop_words: Vec<String>,
}

impl SearchIndex {
    /// How many documents `term` occurs in, over all its stem groups.
    pub fn term_docs(&self, term: &str) -> u32 {
        let keys = self.terms.get(term).into_iter().flatten();
        keys.filter_map(|key| self.stems.get(key)?.get(term))
            .map(|postings| postings.len() as u32)
            .sum()
    }
}

/// `stem|lang`: stems of different languages never share a group.
pub fn stem_key(stem: &str, lang: &str) -> String {
    format!("{stem}|{lang}")
}

/// Builds the index. `documents` must be grouped by language (docs of one
/// language contiguous); their order is their doc id.
pub fn build(documents: &[SourceDocument<'_>], topics: &[SourceTopic]) -> SearchIndex {
    use rayon::prelude::*;
    let analyzed: Vec<AnalyzedDoc> = crate::timings::stage("search words", || {
        documents.par_iter().map(AnalyzedDoc::new).collect()
    });
    let mut index = SearchIndex {
        languages: language_ranges(documents),
        ..SearchIndex::default()
    };
    // Languages are independent (stem keys carry the language), so each is
    // scored and stemmed on its own thread, then merged in order.
    let parts: Vec<Vec<(String, String, Postings)>> = index
        .languages
        .par_iter()
        .map(|(lang, start, end)| {
            language_postings(lang, &analyzed[*start as usize..*end as usize], *start)
        })
        .collect();
    // Millions of small strings: freeing them is worth both cores.
    analyzed.into_par_iter().for_each(drop);
    for (term, key, list) in parts.into_iter().flatten() {
        let keys = index.terms.entry(term.clone()).or_default();
        if !keys.contains(&key) {
            keys.push(key.clone());
            keys.sort();
        }
        index.stems.entry(key).or_default().insert(term, list);
    }
    for (id, doc) in documents.iter().enumerate() {
        for topic in &doc.topic_ids {
            index
                .topic_docs
                .entry(topic.clone())
                .or_default()
                .push(id as u32);
        }
    }
    index.topics = topics.iter().map(topic_record).collect();
    let langs: BTreeSet<&str> = documents.iter().map(|d| d.lang.as_str()).collect();
    let stop: BTreeSet<String> = langs
        .iter()
        .flat_map(|l| {
            super::stop_words::stop_words(l)
                .iter()
                .map(|w| w.to_string())
        })
        .collect();
    index.stop_words = stop.into_iter().collect();
    index.docs = documents
        .par_iter()
        .map(|d| DocFragment {
            url: d.url.clone(),
            title: d.title.clone(),
            lang: d.lang.clone(),
            description: d.description.clone(),
            text: d.body.to_string(),
        })
        .collect();
    index
}

fn language_ranges(documents: &[SourceDocument<'_>]) -> Vec<(String, u32, u32)> {
    let mut ranges: Vec<(String, u32, u32)> = Vec::new();
    for (id, doc) in documents.iter().enumerate() {
        match ranges.last_mut() {
            Some((lang, _, end)) if *lang == doc.lang => *end = id as u32 + 1,
            _ => ranges.push((doc.lang.clone(), id as u32, id as u32 + 1)),
        }
    }
    ranges
}

/// A document's words and their frequency per field. hashbrown's `entry_ref`
/// looks a borrowed word up and inserts it with one hash.
type TermCounts = hashbrown::HashMap<String, [u32; 5], rustc_hash::FxBuildHasher>;

/// Per field: term frequencies and field length. Stemming waits until the
/// language's vocabulary is known, so each distinct word is stemmed once.
struct AnalyzedDoc {
    /// term → frequency per field
    terms: TermCounts,
    lengths: [u32; 5],
}

impl AnalyzedDoc {
    /// The same steps as [`analyze::surfaces`], without an allocation per word.
    fn new(doc: &SourceDocument<'_>) -> Self {
        let fields: [&str; 5] = [
            &doc.title,
            &doc.headings,
            &doc.topic_labels,
            &doc.description,
            &doc.body,
        ];
        let mut terms = TermCounts::default();
        let mut lengths = [0u32; 5];
        let mut surface = String::new();
        let mut field_words = Vec::new();
        for (f, text) in fields.iter().enumerate() {
            words_into(text, &mut field_words);
            for word in field_words.drain(..) {
                // Lowercase ASCII words (most of them) are their own fold.
                let folded = if word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    word
                } else {
                    fold_into(word, &mut surface);
                    surface.as_str()
                };
                if folded.is_empty() {
                    continue;
                }
                lengths[f] += 1;
                // Hashed once; the key is allocated only for a new word.
                terms.entry_ref(folded).or_insert([0; 5])[f] += 1;
            }
        }
        // Stop words are counted like any word and taken out at the end: one
        // look-up per distinct word instead of one per occurrence.
        let stop = super::stop_words::StopSet::of(&doc.lang);
        terms.retain(|term, freqs| {
            let keep = !stop.contains(term);
            if !keep {
                for (length, freq) in lengths.iter_mut().zip(freqs.iter()) {
                    *length -= freq;
                }
            }
            keep
        });
        AnalyzedDoc { terms, lengths }
    }
}

/// (term, stem key, postings) of one language's documents, with IDF among them.
fn language_postings(
    lang: &str,
    docs: &[AnalyzedDoc],
    first_id: u32,
) -> Vec<(String, String, Postings)> {
    let n = docs.len() as f64;
    let mut avg = [0f64; 5];
    for doc in docs {
        for (f, len) in doc.lengths.iter().enumerate() {
            avg[f] += *len as f64 / n;
        }
    }
    let mut df: FxHashMap<&str, u32> = FxHashMap::default();
    for doc in docs {
        for term in doc.terms.keys() {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }

    let mut postings: FxHashMap<&str, Postings> =
        FxHashMap::with_capacity_and_hasher(df.len(), Default::default());
    for (offset, doc) in docs.iter().enumerate() {
        let id = first_id + offset as u32;
        for (term, freqs) in &doc.terms {
            let impact = impact(freqs, &doc.lengths, &avg, n, df[term.as_str()] as f64);
            postings
                .entry(term.as_str())
                .or_default()
                .push((id, impact));
        }
    }
    postings
        .into_iter()
        .map(|(term, list)| (term.to_string(), stem_key(&stem(lang, term), lang), list))
        .collect()
}

/// BM25F score of a term in a document, as an integer (× 100, at least 1).
fn impact(freqs: &[u32; 5], lengths: &[u32; 5], avg: &[f64; 5], n: f64, df: f64) -> u32 {
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
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

fn topic_record(topic: &SourceTopic) -> TopicRecord {
    TopicRecord {
        id: topic.id.clone(),
        labels: topic
            .labels
            .iter()
            .map(|(lang, label)| {
                // Queries drop stop words, so a label must too, or "pedido de
                // desculpas" could never match.
                let label_words = words(label)
                    .map(fold)
                    .filter(|w| !w.is_empty() && !super::stop_words::is_stop_word(lang, w))
                    .map(|w| {
                        let key = stem_key(&stem(lang, &w), lang);
                        LabelWord(w, key)
                    })
                    .collect();
                (lang.clone(), label_words)
            })
            .collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::analyze;
    use std::collections::HashMap;

    pub(crate) fn doc(
        lang: &str,
        url: &str,
        title: &str,
        body: &str,
        topics: &[&str],
    ) -> SourceDocument<'static> {
        SourceDocument {
            lang: lang.into(),
            url: url.into(),
            title: title.into(),
            description: String::new(),
            headings: String::new(),
            topic_ids: topics.iter().map(|t| t.to_string()).collect(),
            topic_labels: String::new(),
            body: Cow::Owned(body.into()),
        }
    }

    #[test]
    fn terms_map_to_stem_groups_per_language() {
        let index = build(
            &[
                doc(
                    "hr",
                    "hr/a/",
                    "Slušajte aktivno",
                    "Slušanje je važno.",
                    &["x"],
                ),
                doc("pt", "pt/b/", "Escuta", "clientes e cliente", &[]),
            ],
            &[],
        );
        assert_eq!(
            index.languages,
            vec![("hr".into(), 0, 1), ("pt".into(), 1, 2)]
        );
        let keys = &index.terms["slusajte"];
        assert_eq!(keys.len(), 1);
        assert!(keys[0].ends_with("|hr"));
        let group = &index.stems[&keys[0]];
        assert!(group.contains_key("slusanje"), "{group:?}");
        assert_eq!(index.terms["clientes"], index.terms["cliente"]);
        assert_eq!(index.topic_docs["x"], vec![0]);
        assert!(index.stop_words.contains(&"e".to_string()));
    }

    #[test]
    fn indexed_words_are_the_analyzed_surfaces() {
        let text = "L’ascolto è Importante: dall'inizio ÉCOUTE 3.5 x² 日本 e-mail Straße";
        let analyzed = AnalyzedDoc::new(&doc("it", "it/a/", "", text, &[]));
        let mut expected: HashMap<String, [u32; 5]> = HashMap::new();
        for surface in analyze::surfaces("it", text) {
            expected.entry(surface).or_insert([0; 5])[4] += 1;
        }
        let got: HashMap<String, [u32; 5]> = analyzed.terms.into_iter().collect();
        assert_eq!(got, expected);
        assert_eq!(
            analyzed.lengths[4],
            expected.values().map(|f| f[4]).sum::<u32>()
        );
    }

    #[test]
    fn title_words_weigh_more_than_body_words() {
        let index = build(
            &[
                doc("pt", "pt/a/", "Empatia", "outra coisa aqui", &[]),
                doc("pt", "pt/b/", "Outra", "empatia aqui", &[]),
                doc("pt", "pt/c/", "Nada", "nada aqui", &[]),
            ],
            &[],
        );
        let key = &index.terms["empatia"][0];
        let postings = &index.stems[key]["empatia"];
        assert_eq!(postings.len(), 2);
        assert!(postings[0].1 > postings[1].1, "{postings:?}");
    }
}
