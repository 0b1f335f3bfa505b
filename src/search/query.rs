//! The ranking, step by step as `docs/search-index.md` specifies it; the
//! JavaScript engine (`engine.js`) implements the same steps.

use super::filters::{facets, Facets, Filter};
use super::index::{SearchIndex, PREFIX_LIMIT, TOPIC_SCORE, TYPOS, WEIGHTS};
use super::stem::stem;
use super::stem_key::StemKey;
use crate::text::fold::fold;
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
    /// A topic and a section to narrow the search to; with no words, the
    /// search lists their documents.
    pub filter: Filter<'a>,
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
    /// (query word, the term it was taken for): words that matched nothing
    /// and were matched with one typo forgiven.
    pub corrections: Vec<(String, String)>,
    /// Per query word, the terms it matched (sorted): what ranks a result's
    /// sections (`snippet::sections`).
    pub word_terms: Vec<Vec<String>>,
    /// The synonyms the query reached (as written in synonyms.toml), which
    /// the results say were also searched for.
    pub also: Vec<String>,
    /// How many matches each topic and section holds.
    pub facets: Facets,
}

/// How many words of a query count, and how many characters of a word:
/// beyond them a query is pasted text, not typed words, and each word costs
/// downloads and time.
pub const MAX_QUERY_WORDS: usize = 32;
pub const MAX_WORD_CHARS: usize = 64;

/// The query's words (step 1) and whether the last one is also a prefix.
pub fn query_words(text: &str, stop_words: &[String]) -> (Vec<String>, bool) {
    let folded = fold(text);
    let all: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w.char_indices().nth(MAX_WORD_CHARS) {
            Some((cut, _)) => w[..cut].to_string(),
            None => w.to_string(),
        })
        .collect();
    let kept: Vec<String> = all
        .iter()
        .filter(|w| stop_words.binary_search(w).is_err())
        .cloned()
        .collect();
    let mut words = if kept.is_empty() { all } else { kept };
    let cut_short = words.len() > MAX_QUERY_WORDS;
    words.truncate(MAX_QUERY_WORDS);
    let ends_in_space = text.ends_with(char::is_whitespace);
    let prefix_last =
        !ends_in_space && !cut_short && words.last().is_some_and(|w| w.chars().count() >= 2);
    (words, prefix_last)
}

/// What a query reaches for one word: (term, stem key) → kind weight of its
/// best match (step 2). The key says which group's postings count, so the
/// browser loads only the groups the query reached.
type Candidates = BTreeMap<(String, StemKey), u64>;

/// The query as the ranking sees it: its words, the languages of its scope
/// and each word's stem keys in those languages.
struct Parsed<'a> {
    words: Vec<String>,
    prefix_last: bool,
    /// Every word is a stop word: they are matched as typed, unstemmed.
    stop_only: bool,
    languages: Vec<&'a str>,
    /// Per word, the stem keys it reaches: those of the term itself (any
    /// language) and the word stemmed in each language of the scope, whether
    /// or not the handbook has that form. Computed once: candidates and
    /// topic labels both need them.
    keys: Vec<Vec<StemKey>>,
}

impl<'a> Parsed<'a> {
    fn new(index: &'a SearchIndex, query: &Query) -> Parsed<'a> {
        let (words, prefix_last) = query_words(query.text, &index.stop_words);
        let stop_only = !words.is_empty()
            && words
                .iter()
                .all(|w| index.stop_words.binary_search(w).is_ok());
        let languages = index
            .languages
            .iter()
            .map(|(lang, _, _)| lang.as_str())
            .filter(|lang| match &query.scope {
                Scope::All => true,
                Scope::Language(wanted) => wanted == lang,
            })
            .collect::<Vec<&str>>();
        let keys = words
            .iter()
            .map(|word| {
                let mut keys: Vec<StemKey> = index.terms.get(word).cloned().unwrap_or_default();
                if !stop_only {
                    for lang in &languages {
                        let key = StemKey::of_stem(&stem(lang, word), lang);
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                }
                keys
            })
            .collect();
        Parsed {
            words,
            prefix_last,
            stop_only,
            languages,
            keys,
        }
    }
}

fn candidates(index: &SearchIndex, parsed: &Parsed, i: usize) -> (Candidates, Option<String>) {
    let word = parsed.words[i].as_str();
    let mut found = Candidates::new();
    let offer = |found: &mut Candidates, term: &str, key: &StemKey, weight: u64| {
        let best = found.entry((term.to_string(), key.clone())).or_insert(0);
        *best = (*best).max(weight);
    };
    for key in &parsed.keys[i] {
        for term in index.stems.get(key).into_iter().flat_map(|g| g.keys()) {
            let weight = if term == word {
                WEIGHTS.exact
            } else {
                WEIGHTS.stem
            };
            offer(&mut found, term, key, weight);
        }
    }
    if parsed.prefix_last && i == parsed.words.len() - 1 {
        for term in completions(index, word) {
            for key in &index.terms[term] {
                offer(&mut found, term, key, WEIGHTS.prefix);
            }
        }
    }
    let mut correction = None;
    if found.is_empty() && !parsed.stop_only && word.chars().count() >= TYPOS.min_length {
        let typos = typo_terms(index, word, &parsed.languages);
        correction = typos.first().map(|(term, _)| term.to_string());
        for (term, keys) in typos {
            for key in keys {
                offer(&mut found, term, key, WEIGHTS.typo);
            }
        }
    }
    (found, correction)
}

/// The `PREFIX_LIMIT` terms that start with `word` (other than itself) in the
/// most documents; ties in term order. Stop words are left out: a query
/// drops them, so they would only crowd out the completions it means.
fn completions<'i>(index: &'i SearchIndex, word: &str) -> Vec<&'i String> {
    let mut found: Vec<(&String, u32)> = index
        .terms
        .range(word.to_string()..)
        .take_while(|(t, _)| t.starts_with(word))
        .filter(|(t, _)| t.as_str() != word && index.stop_words.binary_search(t).is_err())
        .map(|(t, _)| (t, index.term_docs(t)))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    found.truncate(PREFIX_LIMIT);
    found.into_iter().map(|(t, _)| t).collect()
}

/// The closest terms within one typo of `word` (see [`TYPOS`]) that occur in
/// the scope: those at the fewest edits, at most `PREFIX_LIMIT` of them, most
/// documents first, then term order. Each comes with its stem keys in the
/// scope's languages. Farther ones would only add noise to what the reader
/// is told was searched.
fn typo_terms<'i>(
    index: &'i SearchIndex,
    word: &str,
    languages: &[&str],
) -> Vec<(&'i str, Vec<&'i StemKey>)> {
    let length = word.chars().count();
    let most = if length >= TYPOS.two_from { 2 } else { 1 };
    let head: String = word.chars().take(TYPOS.keep).collect();
    let mut found: Vec<(usize, u32, &str, Vec<&StemKey>)> = Vec::new();
    for (term, keys) in index
        .terms
        .range(head.clone()..)
        .take_while(|(t, _)| t.starts_with(head.as_str()))
    {
        if index.stop_words.binary_search(term).is_ok() {
            continue;
        }
        let Some(distance) = edit_distance_within(word, term, most) else {
            continue;
        };
        let keys: Vec<&StemKey> = keys
            .iter()
            .filter(|key| languages.contains(&key.language()))
            .collect();
        if !keys.is_empty() {
            found.push((distance, index.term_docs(term), term, keys));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    let closest = found.first().map(|f| f.0);
    found
        .into_iter()
        .take_while(|f| Some(f.0) == closest)
        .take(PREFIX_LIMIT)
        .map(|(_, _, t, k)| (t, k))
        .collect()
}

/// The optimal string alignment distance (Damerau–Levenshtein where no
/// substring is edited twice) between `a` and `b` in characters, if it is
/// at most `most`.
pub fn edit_distance_within(a: &str, b: &str, most: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > most {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= most).then_some(d)
}

/// Doc → best `kind weight × impact` of one word (step 3).
fn word_scores(index: &SearchIndex, candidates: &Candidates) -> HashMap<u32, u64> {
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
fn topic_matches(index: &SearchIndex, parsed: &Parsed) -> Vec<(String, BTreeSet<usize>)> {
    let words = &parsed.words;
    let stem_keys = &parsed.keys;
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
                        || (parsed.prefix_last
                            && *i == words.len() - 1
                            && word.0.starts_with(w.as_str()))
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

/// Whether the label word `(term, key)` is matched by a query word: equal,
/// or the word reaches its stem key, or the word being typed starts it.
fn word_matches(parsed: &Parsed, term: &str, key: &StemKey) -> Option<usize> {
    let last = parsed.words.len().wrapping_sub(1);
    parsed.words.iter().enumerate().position(|(i, w)| {
        w == term
            || parsed.keys[i].iter().any(|k| k == key)
            || (parsed.prefix_last && i == last && term.starts_with(w.as_str()))
    })
}

/// What the query's synonyms also searched for: the `to` of every rule of a
/// language of the scope one of whose words the query matches (step 4's
/// way). One word is enough because the index gave each word of a rule's
/// phrase the postings of its `to` pages: a page found that way says why.
fn also_searched(index: &SearchIndex, parsed: &Parsed) -> Vec<String> {
    let mut also: Vec<String> = Vec::new();
    for rule in &index.synonyms {
        let in_scope = parsed.languages.contains(&rule.0.as_str());
        let reached = rule
            .1
            .iter()
            .any(|w| word_matches(parsed, &w.0, &w.1).is_some());
        if in_scope && reached {
            for to in &rule.2 {
                if !also.contains(to) {
                    also.push(to.clone());
                }
            }
        }
    }
    also
}

pub fn search(index: &SearchIndex, query: &Query) -> Results {
    let parsed = Parsed::new(index, query);
    let words = &parsed.words;
    let in_scope = |doc: u32| {
        index.languages.iter().any(|(l, start, end)| {
            parsed.languages.contains(&l.as_str()) && (*start..*end).contains(&doc)
        })
    };
    if words.is_empty() {
        if query.filter.is_empty() {
            return Results::default();
        }
        // Browsing: every document of the scope, in listing order.
        let all: Vec<(u32, u64)> = (0..index.docs.len() as u32)
            .filter(|&d| in_scope(d))
            .map(|d| (d, 0))
            .collect();
        return narrowed(index, query, all, Results::default());
    }
    let mut matched_terms: BTreeSet<String> = BTreeSet::new();
    let mut corrections = Vec::new();
    let mut word_terms = Vec::new();
    let mut per_word: Vec<HashMap<u32, u64>> = (0..words.len())
        .map(|i| {
            let (found, correction) = candidates(index, &parsed, i);
            if let Some(term) = correction {
                corrections.push((words[i].clone(), term));
            }
            let terms: BTreeSet<String> = found.keys().map(|(term, _)| term.clone()).collect();
            matched_terms.extend(terms.iter().cloned());
            word_terms.push(terms.into_iter().collect());
            word_scores(index, &found)
        })
        .collect();
    for (topic, used) in topic_matches(index, &parsed) {
        for &doc in index.topic_docs.get(&topic).into_iter().flatten() {
            for &i in &used {
                let best = per_word[i].entry(doc).or_insert(0);
                *best = (*best).max(WEIGHTS.topic * TOPIC_SCORE);
            }
        }
    }
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
    let also = if parsed.stop_only {
        Vec::new()
    } else {
        also_searched(index, &parsed)
    };
    // The synonyms' words, as written, are shown marked like the query's own
    // (one more word for the sections' ranking per synonym).
    for phrase in &also {
        let (words, _) = query_words(phrase, &index.stop_words);
        matched_terms.extend(words.iter().cloned());
        let words: BTreeSet<String> = words.into_iter().collect();
        word_terms.push(words.into_iter().collect());
    }
    let terms: Vec<String> = matched_terms.into_iter().collect();
    let results = Results {
        hits: Vec::new(),
        total: 0,
        corrections,
        word_terms,
        also,
        facets: Facets::default(),
    };
    let mut results = narrowed(index, query, ranked, results);
    for hit in &mut results.hits {
        hit.terms = terms.clone();
    }
    results
}

/// `results` with the `ranked` documents the filter keeps, cut to the
/// limit, and the facets of all of them (steps 8 and 9).
fn narrowed(
    index: &SearchIndex,
    query: &Query,
    ranked: Vec<(u32, u64)>,
    results: Results,
) -> Results {
    let matching: Vec<u32> = ranked.iter().map(|(d, _)| *d).collect();
    let facets = facets(index, &matching, &query.filter);
    let kept: Vec<(u32, u64)> = ranked
        .into_iter()
        .filter(|(d, _)| query.filter.keeps(index, *d))
        .collect();
    Results {
        total: kept.len(),
        hits: kept
            .into_iter()
            .take(query.limit)
            .map(|(doc, score)| Hit {
                doc,
                score,
                terms: Vec::new(),
            })
            .collect(),
        facets,
        ..results
    }
}

/// A topic offered to a query that found nothing, and how close its label
/// came (0–1000).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TopicSuggestion {
    pub id: String,
    pub closeness: u32,
}

/// How many topics a query that found nothing is offered, and how close
/// (0–1000) a label must come.
pub const SUGGESTED_TOPICS: usize = 3;
pub const SUGGESTION_CLOSENESS: u32 = 400;

/// The topics whose labels, in any language, are closest to the query's
/// words: the Dice coefficient of their letter pairs, × 1000, rounded
/// down. Best first, ties by id.
pub fn suggest_topics(index: &SearchIndex, text: &str) -> Vec<TopicSuggestion> {
    let (words, _) = query_words(text, &[]);
    if words.is_empty() {
        return Vec::new();
    }
    let query = letter_pairs(&words.join(" "));
    let mut found: Vec<TopicSuggestion> = index
        .topics
        .iter()
        .filter_map(|topic| {
            let closeness = topic
                .labels
                .iter()
                .filter(|(_, label)| !label.is_empty())
                .map(|(_, label)| {
                    let text: Vec<&str> = label.iter().map(|w| w.0.as_str()).collect();
                    dice(&query, &letter_pairs(&text.join(" ")))
                })
                .max()?;
            (closeness >= SUGGESTION_CLOSENESS).then(|| TopicSuggestion {
                id: topic.id.clone(),
                closeness,
            })
        })
        .collect();
    found.sort_by(|a, b| b.closeness.cmp(&a.closeness).then(a.id.cmp(&b.id)));
    found.truncate(SUGGESTED_TOPICS);
    found
}

/// The pairs of adjacent characters of ` text `, sorted.
fn letter_pairs(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(text.chars())
        .chain(std::iter::once(' '))
        .collect();
    let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs
}

/// 1000 × 2 × shared pairs / all pairs, for sorted pair lists.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> u32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2000 * shared / (a.len() + b.len()).max(1)) as u32
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
