//! The search index in memory, and how it is built from the site's documents.
//! `docs/search-index.md` describes the files it becomes; `shards.rs` writes them.

use super::postings::{language_postings, Postings};
use super::source::{SourceDocument, SourceSynonym, SourceTopic};
use super::stem_key::StemKey;
use super::synonyms::SynonymRecord;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Kind weights and the topic score: how a query's matches add up.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Weights {
    pub exact: u64,
    pub stem: u64,
    pub prefix: u64,
    pub topic: u64,
    /// A word within one typo of the query word, which matched nothing.
    pub typo: u64,
}

pub const WEIGHTS: Weights = Weights {
    exact: 4,
    stem: 3,
    prefix: 2,
    topic: 1,
    typo: 1,
};

/// One typo is forgiven in a query word of at least `min_length` letters
/// that matches nothing else: edit distance 1, or 2 from `two_from`
/// letters. The first `keep` letters are taken as typed, so the candidates
/// are in the term shards of that prefix.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Typos {
    pub min_length: usize,
    pub two_from: usize,
    pub keep: usize,
}

pub const TYPOS: Typos = Typos {
    min_length: 5,
    two_from: 8,
    keep: 3,
};
pub const TOPIC_SCORE: u64 = 100;
/// How many completions of the last query word count as prefix matches: the
/// ones in the most documents. Two typed letters can start thousands of
/// words; their rare completions would cost time and downloads and rank low.
pub const PREFIX_LIMIT: usize = 10;

/// `DocFragment` of the format: what a result shows.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocFragment {
    pub url: String,
    pub title: String,
    pub lang: String,
    pub description: String,
    /// The intro's excerpt, then each section's, joined by spaces.
    pub text: String,
    pub sections: Vec<SectionRecord>,
}

/// `[id, heading, start]`: a section of a `DocFragment`, its heading's id and
/// text and where its excerpt starts in `text` (code points); it ends where
/// the next one starts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SectionRecord(pub String, pub String, pub u32);

/// A folded label word and its stem key.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LabelWord(pub String, pub StemKey);

/// `Topic` of the format.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicRecord {
    pub id: String,
    pub labels: Vec<(String, Vec<LabelWord>)>,
    /// (language, label as written): what a page shows when it offers the
    /// topic to a query that found nothing.
    pub names: Vec<(String, String)>,
}

/// How much of a document's text its fragment keeps for snippets, headings
/// included: about 300 words, shared among its sections so each can show
/// its own snippet. Results load one fragment each, so this is most of what
/// a results page weighs.
pub const FRAGMENT_TEXT_CHARS: usize = 2000;
/// Sections a fragment keeps (the headings after them are left out), and
/// characters of a heading.
pub const MAX_SECTIONS: usize = 32;
const HEADING_CHARS: usize = 120;

/// The first `chars` characters of `text`, cut at a space.
fn cut_at_space(text: &str, chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(chars) else {
        return text;
    };
    let head = &text[..cut];
    &head[..head.rfind(' ').unwrap_or(cut)]
}

/// The fragment of a document: its sections' headings, and the text of its
/// intro and of each section cut to fit `FRAGMENT_TEXT_CHARS` together.
/// The budget left after the headings is shared evenly; a piece shorter than
/// its share leaves the rest to the others.
pub fn fragment_text(doc: &SourceDocument<'_>) -> (String, Vec<SectionRecord>) {
    let body: &str = &doc.body;
    let sections = &doc.sections[..doc.sections.len().min(MAX_SECTIONS)];
    let clamp = |at: usize| {
        let mut at = at.min(body.len());
        while !body.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut pieces: Vec<&str> = Vec::with_capacity(sections.len() + 1);
    let mut headings: Vec<&str> = Vec::with_capacity(sections.len());
    let mut from = 0;
    for (k, section) in sections.iter().enumerate() {
        let (start, end) = (clamp(section.span.start), clamp(section.span.end));
        pieces.push(body[from.min(start)..start].trim());
        headings.push(cut_at_space(
            body[start..end.max(start)].trim(),
            HEADING_CHARS,
        ));
        from = end.max(start);
        let next = sections
            .get(k + 1)
            .map_or(body.len(), |s| clamp(s.span.start));
        from = from.min(next);
    }
    pieces.push(body[from..].trim());
    let heading_chars: usize = headings.iter().map(|h| h.chars().count()).sum();
    let shares = shares(
        &pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
        FRAGMENT_TEXT_CHARS.saturating_sub(heading_chars),
    );
    let mut text = String::new();
    let mut records = Vec::with_capacity(sections.len());
    let mut chars = 0;
    for (k, (piece, share)) in pieces.iter().zip(shares).enumerate() {
        if k > 0 {
            text.push(' ');
            chars += 1;
            let section = &sections[k - 1];
            records.push(SectionRecord(
                section.id.clone(),
                headings[k - 1].to_string(),
                chars as u32,
            ));
        }
        let excerpt = cut_at_space(piece, share);
        text.push_str(excerpt);
        chars += excerpt.chars().count();
    }
    (text, records)
}

/// `budget` shared among pieces of these lengths: evenly, a piece shorter
/// than its share giving the rest to the others.
fn shares(lengths: &[usize], budget: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut out = vec![0; lengths.len()];
    let mut left = budget;
    for (n, &i) in order.iter().enumerate() {
        let share = left / (lengths.len() - n);
        out[i] = lengths[i].min(share);
        left -= out[i];
    }
    out
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub docs: Vec<DocFragment>,
    /// (language, first doc id, end doc id).
    pub languages: Vec<(String, u32, u32)>,
    /// Term → its stem keys.
    pub terms: BTreeMap<String, Vec<StemKey>>,
    /// Stem key → term → postings.
    pub stems: BTreeMap<StemKey, BTreeMap<String, Postings>>,
    pub topics: Vec<TopicRecord>,
    /// Topic id → tagged docs, ascending.
    pub topic_docs: BTreeMap<String, Vec<u32>>,
    /// Folded stop words of every indexed language, sorted.
    pub stop_words: Vec<String>,
    /// The synonym rules, for "also searched for".
    pub synonyms: Vec<SynonymRecord>,
    /// The documents of each section, for filters.
    pub sections: Vec<SectionRange>,
}

/// `[lang, id, title, start, end]`: the documents `start..end` of a section
/// (a folder of `content/<lang>/`); a language's documents are in listing
/// order, so a section's are consecutive.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SectionRange(pub String, pub String, pub String, pub u32, pub u32);

fn section_ranges(documents: &[SourceDocument<'_>]) -> Vec<SectionRange> {
    let mut ranges: Vec<SectionRange> = Vec::new();
    for (id, doc) in documents.iter().enumerate() {
        let id = id as u32;
        if doc.section.is_empty() {
            continue;
        }
        match ranges.last_mut() {
            Some(r) if r.0 == doc.lang && r.1 == doc.section && r.4 == id => r.4 = id + 1,
            _ => ranges.push(SectionRange(
                doc.lang.clone(),
                doc.section.clone(),
                doc.section_title.clone(),
                id,
                id + 1,
            )),
        }
    }
    ranges
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

/// Builds the index. `documents` must be grouped by language (docs of one
/// language contiguous); their order is their doc id. `synonyms` are
/// expanded into the postings (`synonyms::expand`).
pub fn build(
    documents: &[SourceDocument<'_>],
    topics: &[SourceTopic],
    synonyms: &[SourceSynonym],
) -> SearchIndex {
    use rayon::prelude::*;
    let mut index = SearchIndex {
        languages: language_ranges(documents),
        sections: section_ranges(documents),
        ..SearchIndex::default()
    };
    // Languages are independent (stem keys carry the language), so each is
    // counted, scored and stemmed on its own, then merged in order.
    let parts: Vec<Vec<(String, StemKey, Postings)>> =
        crate::timings::stage("search words", || {
            index
                .languages
                .par_iter()
                .map(|(lang, start, end)| {
                    let docs = &documents[*start as usize..*end as usize];
                    let mut part = language_postings(lang, docs, *start);
                    super::synonyms::expand(&mut part, lang, synonyms);
                    part
                })
                .collect()
        });
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
    index.synonyms = synonyms.iter().map(super::synonyms::record).collect();
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
        .map(|d| {
            let (text, sections) = fragment_text(d);
            DocFragment {
                url: d.url.clone(),
                title: d.title.clone(),
                lang: d.lang.clone(),
                description: d.description.clone(),
                text,
                sections,
            }
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

fn topic_record(topic: &SourceTopic) -> TopicRecord {
    TopicRecord {
        id: topic.id.clone(),
        labels: topic
            .labels
            .iter()
            .map(|(lang, label)| {
                // Queries drop stop words, so a label must too, or "pedido de
                // desculpas" could never match: the indexing analysis does.
                let label_words = super::analyze::analyze(lang, label)
                    .into_iter()
                    .map(|token| LabelWord(token.surface, StemKey::of_stem(&token.stem, lang)))
                    .collect();
                (lang.clone(), label_words)
            })
            .collect(),
        names: topic.labels.clone(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::analyze;
    use std::borrow::Cow;
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
            sections: Vec::new(),
            section: String::new(),
            section_title: String::new(),
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
                    "Slušati je važno.",
                    &["x"],
                ),
                doc("pt", "pt/b/", "Escuta", "clientes e cliente", &[]),
            ],
            &[],
            &[],
        );
        assert_eq!(
            index.languages,
            vec![("hr".into(), 0, 1), ("pt".into(), 1, 2)]
        );
        let keys = &index.terms["slusajte"];
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].language(), "hr");
        let group = &index.stems[&keys[0]];
        assert!(group.contains_key("slusati"), "{group:?}");
        assert_eq!(index.terms["clientes"], index.terms["cliente"]);
        assert_eq!(index.topic_docs["x"], vec![0]);
        assert!(index.stop_words.contains(&"e".to_string()));
    }

    #[test]
    fn indexed_words_are_the_analyzed_surfaces() {
        let text = "L’ascolto è Importante: dall'inizio ÉCOUTE 3.5 x² 日本 e-mail Straße";
        let (got, lengths) =
            crate::search::postings::counted_words(&doc("it", "it/a/", "", text, &[]));
        let mut expected: HashMap<String, [u32; 5]> = HashMap::new();
        for surface in analyze::surfaces("it", text) {
            expected.entry(surface).or_insert([0; 5])[4] += 1;
        }
        assert_eq!(got, expected);
        assert_eq!(lengths[4], expected.values().map(|f| f[4]).sum::<u32>());
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
            &[],
        );
        let key = &index.terms["empatia"][0];
        let postings = &index.stems[key]["empatia"];
        assert_eq!(postings.len(), 2);
        assert!(postings[0].1 > postings[1].1, "{postings:?}");
    }
}
