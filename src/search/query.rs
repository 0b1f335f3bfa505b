//! The ranking, step by step as `docs/search-index.md` specifies it; the
//! JavaScript engine (`engine.js`) implements the same steps.

use super::fold::fold;
use super::index::{SearchIndex, PREFIX_LIMIT, TOPIC_SCORE, WEIGHTS};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where to search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Language(String),
    All,
}

#[derive(Debug, Clone)]
pub struct Query<'a> {
    pub text: &'a str,
    pub scope: Scope,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub score: u64,
    /// Terms that matched, for highlighting.
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Matching documents before the limit.
    pub total: usize,
}

/// The query's words (step 1) and whether the last one is also a prefix.
pub fn query_words(text: &str, stop_words: &[String]) -> (Vec<String>, bool) {
    let folded = fold(text);
    let all: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let kept: Vec<String> = all
        .iter()
        .filter(|w| stop_words.binary_search(w).is_err())
        .cloned()
        .collect();
    let words = if kept.is_empty() { all } else { kept };
    let ends_in_space = text.ends_with(char::is_whitespace);
    let prefix_last = !ends_in_space && words.last().is_some_and(|w| w.chars().count() >= 2);
    (words, prefix_last)
}

/// (term, stem key) → kind weight of its best match for one word (step 2). The
/// key says which group's postings count, so the browser loads only the groups
/// the query reached.
fn candidates(index: &SearchIndex, word: &str, prefix: bool) -> BTreeMap<(String, String), u64> {
    let mut found: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut offer = |term: &str, key: &str, weight: u64| {
        let best = found
            .entry((term.to_string(), key.to_string()))
            .or_insert(0);
        *best = (*best).max(weight);
    };
    for key in index.terms.get(word).into_iter().flatten() {
        offer(word, key, WEIGHTS.exact);
        for term in index.stems.get(key).into_iter().flat_map(|g| g.keys()) {
            offer(term, key, WEIGHTS.stem);
        }
    }
    if prefix {
        for term in completions(index, word) {
            for key in &index.terms[term] {
                offer(term, key, WEIGHTS.prefix);
            }
        }
    }
    found
}

/// The `PREFIX_LIMIT` terms that start with `word` (other than itself) in the
/// most documents; ties in term order.
fn completions<'i>(index: &'i SearchIndex, word: &str) -> Vec<&'i String> {
    let mut found: Vec<(&String, u32)> = index
        .terms
        .range(word.to_string()..)
        .take_while(|(t, _)| t.starts_with(word))
        .filter(|(t, _)| t.as_str() != word)
        .map(|(t, _)| (t, index.term_docs(t)))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    found.truncate(PREFIX_LIMIT);
    found.into_iter().map(|(t, _)| t).collect()
}

/// Doc → best `kind weight × impact` of one word (step 3).
fn word_scores(
    index: &SearchIndex,
    candidates: &BTreeMap<(String, String), u64>,
) -> HashMap<u32, u64> {
    let mut scores: HashMap<u32, u64> = HashMap::new();
    for ((term, key), weight) in candidates {
        let Some(postings) = index.stems.get(key).and_then(|g| g.get(term)) else {
            continue;
        };
        for &(doc, impact) in postings {
            let score = weight * impact as u64;
            let best = scores.entry(doc).or_insert(0);
            *best = (*best).max(score);
        }
    }
    scores
}

/// Indexes of the query words that each matching topic's label uses (step 4).
fn topic_matches(
    index: &SearchIndex,
    words: &[String],
    prefix_last: bool,
) -> Vec<(String, BTreeSet<usize>)> {
    let stem_keys: Vec<&[String]> = words
        .iter()
        .map(|w| index.terms.get(w).map(Vec::as_slice).unwrap_or(&[]))
        .collect();
    let mut matches = Vec::new();
    for topic in &index.topics {
        let mut used = BTreeSet::new();
        let mut matched_any = false;
        for (_, label) in &topic.labels {
            if label.is_empty() {
                continue;
            }
            let mut label_used = BTreeSet::new();
            let all = label.iter().all(|word| {
                let hit = words.iter().enumerate().find(|(i, w)| {
                    **w == word.0
                        || stem_keys[*i].contains(&word.1)
                        || (prefix_last && *i == words.len() - 1 && word.0.starts_with(w.as_str()))
                });
                hit.map(|(i, _)| label_used.insert(i)).is_some()
            });
            if all {
                matched_any = true;
                used.extend(label_used);
            }
        }
        if matched_any {
            matches.push((topic.id.clone(), used));
        }
    }
    matches
}

pub fn search(index: &SearchIndex, query: &Query) -> Results {
    let (words, prefix_last) = query_words(query.text, &index.stop_words);
    if words.is_empty() {
        return Results::default();
    }
    let mut matched_terms: BTreeSet<String> = BTreeSet::new();
    let mut per_word: Vec<HashMap<u32, u64>> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let found = candidates(index, word, prefix_last && i == words.len() - 1);
            matched_terms.extend(found.keys().map(|(term, _)| term.clone()));
            word_scores(index, &found)
        })
        .collect();
    for (topic, used) in topic_matches(index, &words, prefix_last) {
        for &doc in index.topic_docs.get(&topic).into_iter().flatten() {
            for &i in &used {
                let best = per_word[i].entry(doc).or_insert(0);
                *best = (*best).max(WEIGHTS.topic * TOPIC_SCORE);
            }
        }
    }
    let in_scope = |doc: u32| match &query.scope {
        Scope::All => true,
        Scope::Language(lang) => index
            .languages
            .iter()
            .any(|(l, start, end)| l == lang && (*start..*end).contains(&doc)),
    };
    let mut totals: BTreeMap<u32, (u64, usize)> = BTreeMap::new();
    for scores in &per_word {
        for (&doc, &score) in scores {
            if in_scope(doc) {
                let entry = totals.entry(doc).or_insert((0, 0));
                entry.0 += score;
                entry.1 += 1;
            }
        }
    }
    let all_words: Vec<(u32, u64)> = totals
        .iter()
        .filter(|(_, (_, n))| *n == words.len())
        .map(|(&d, &(s, _))| (d, s))
        .collect();
    let mut ranked = if all_words.is_empty() {
        totals.iter().map(|(&d, &(s, _))| (d, s)).collect()
    } else {
        all_words
    };
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = ranked.len();
    let terms: Vec<String> = matched_terms.into_iter().collect();
    let hits = ranked
        .into_iter()
        .take(query.limit)
        .map(|(doc, score)| Hit {
            doc,
            score,
            terms: terms.clone(),
        })
        .collect();
    Results { hits, total }
}

/// About 160 characters of `text` around the first matched term, or its start.
pub fn snippet(text: &str, terms: &[String]) -> String {
    const WIDTH: usize = 160;
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<String> = chars.iter().map(|c| fold(&c.to_string())).collect();
    let mut start_word = None;
    let mut i = 0;
    while i < chars.len() && start_word.is_none() {
        if chars[i].is_alphanumeric() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_alphanumeric())
                .unwrap_or(chars.len());
            let word: String = folded[i..end].concat();
            if terms.contains(&word) {
                start_word = Some(i);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let from = match start_word {
        None => 0,
        Some(word) => {
            let back = word.saturating_sub(WIDTH / 3);
            // Start at a word boundary so the snippet never opens mid-word.
            (back..word)
                .find(|&j| j == 0 || chars[j - 1].is_whitespace())
                .unwrap_or(word)
        }
    };
    let to = (from + WIDTH).min(chars.len());
    let mut out: String = chars[from..to].iter().collect();
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
