//! Synonyms, expanded at build time: a word readers search for that the
//! pages of a language do not use (`reembolso`) is indexed on the pages that
//! use its synonyms (`devolução`), so a query for it reads the shards it
//! always read and costs nothing more. The manifest lists the rules, so the
//! results can say what was "also searched for".

use super::analyze::analyze;
use super::postings::Postings;
use super::source::SourceSynonym;
use super::stem_key::StemKey;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// `[lang, from words as [term, stem key], to as written]`: a rule in the
/// manifest.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SynonymRecord(pub String, pub Vec<(String, StemKey)>, pub Vec<String>);

/// A page found through a synonym ranks as if it had the word, at this share
/// of the synonym's score (in percent): the word itself ranks first.
pub const SYNONYM_SHARE: u32 = 75;

/// The words of a phrase as the index has them: (term, stem key).
fn phrase_words(lang: &str, phrase: &str) -> Vec<(String, StemKey)> {
    analyze(lang, phrase)
        .into_iter()
        .map(|t| {
            let key = StemKey::of_stem(&t.stem, lang);
            (t.surface, key)
        })
        .collect()
}

pub fn record(rule: &SourceSynonym) -> SynonymRecord {
    let from = phrase_words(&rule.lang, &rule.from);
    SynonymRecord(rule.lang.clone(), from, rule.to.clone())
}

/// Doc → impact of the pages of `part` that have `phrase`: every one of its
/// words in some form (its stem group); the impact is the least of its
/// words' best.
fn phrase_docs(
    part: &[(String, StemKey, Postings)],
    groups: &HashMap<&str, Vec<usize>>,
    words: &[(String, StemKey)],
) -> BTreeMap<u32, u32> {
    let mut found: Option<BTreeMap<u32, u32>> = None;
    for (_, key) in words {
        let mut docs: BTreeMap<u32, u32> = BTreeMap::new();
        for &i in groups.get(key.as_str()).into_iter().flatten() {
            for &(doc, impact) in &part[i].2 {
                let best = docs.entry(doc).or_insert(0);
                *best = (*best).max(impact);
            }
        }
        found = Some(match found {
            None => docs,
            Some(before) => before
                .into_iter()
                .filter_map(|(doc, a)| docs.get(&doc).map(|b| (doc, a.min(*b))))
                .collect(),
        });
    }
    found.unwrap_or_default()
}

/// Adds to `part` (one language's `(term, stem key, postings)`) the postings
/// that make each rule's `from` words find the pages of its `to`. A word
/// already on a page keeps its own score when that is higher.
pub fn expand(part: &mut Vec<(String, StemKey, Postings)>, lang: &str, rules: &[SourceSynonym]) {
    let rules: Vec<&SourceSynonym> = rules.iter().filter(|r| r.lang == lang).collect();
    if rules.is_empty() {
        return;
    }
    let mut additions: BTreeMap<(String, StemKey), BTreeMap<u32, u32>> = BTreeMap::new();
    {
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (_, key, _)) in part.iter().enumerate() {
            groups.entry(key.as_str()).or_default().push(i);
        }
        for rule in rules {
            let mut docs: BTreeMap<u32, u32> = BTreeMap::new();
            for phrase in &rule.to {
                let words = phrase_words(lang, phrase);
                if words.is_empty() {
                    continue;
                }
                for (doc, impact) in phrase_docs(part, &groups, &words) {
                    let best = docs.entry(doc).or_insert(0);
                    *best = (*best).max(impact);
                }
            }
            for word in phrase_words(lang, &rule.from) {
                let added = additions.entry(word).or_default();
                for (&doc, &impact) in &docs {
                    let share = (impact * SYNONYM_SHARE / 100).max(1);
                    let best = added.entry(doc).or_insert(0);
                    *best = (*best).max(share);
                }
            }
        }
    }
    let mut at: HashMap<(String, StemKey), usize> = HashMap::new();
    for (i, (term, key, _)) in part.iter().enumerate() {
        at.insert((term.clone(), key.clone()), i);
    }
    for ((term, key), docs) in additions {
        if docs.is_empty() {
            continue;
        }
        let i = *at.entry((term.clone(), key.clone())).or_insert_with(|| {
            part.push((term, key, Vec::new()));
            part.len() - 1
        });
        let mut merged: BTreeMap<u32, u32> = part[i].2.iter().copied().collect();
        for (doc, impact) in docs {
            let best = merged.entry(doc).or_insert(0);
            *best = (*best).max(impact);
        }
        part[i].2 = merged.into_iter().collect();
    }
}

/// Whether `phrase` (every one of its words, in some form) is on a page of
/// `lang` in an index's `stems` (built without synonyms, for `check`).
pub fn phrase_occurs(
    stems: &BTreeMap<StemKey, BTreeMap<String, Postings>>,
    lang: &str,
    phrase: &str,
) -> bool {
    let words = phrase_words(lang, phrase);
    let mut found: Option<BTreeSet<u32>> = None;
    for (_, key) in &words {
        let docs: BTreeSet<u32> = stems
            .get(key)
            .into_iter()
            .flat_map(|group| group.values().flatten().map(|(doc, _)| *doc))
            .collect();
        found = Some(match found {
            None => docs,
            Some(before) => before.intersection(&docs).copied().collect(),
        });
    }
    found.is_some_and(|docs| !docs.is_empty())
}
