//! The Croatian stemmer's exception table, and how it is learnt.
//!
//! Rules cannot know that `veci` is a form of `velik` or `bolji` one of
//! `dobar`. The table says so for the word
//! forms of the studied treebank splits (UD Croatian-SET and Serbian-SET,
//! dev: `tests/data/stem/ud-*-dev.tsv`), in two kinds of entries, both
//! learnt by [`learn`] from gold lemmas and what [`stem_hr_rules`] does:
//!
//! - **rule stems**: a rule stem that only one lemma's forms had is given
//!   that lemma's stem, so the forms the data lacks join too (`bolj` →
//!   `dobr`: `bolji`, `boljem` and `boljima` alike);
//! - **forms**: a form whose rule stem other lemmas share is given its own
//!   lemma's stem (`veci` → `velik`).
//!
//! The table only joins: it never gives the forms it knows a stem the
//! forms it does not know would miss (docs/search-index.md tells why).
//!
//! A form outside the table is stemmed by the rules, so the table helps
//! with the frequent irregular words a reader is likely to type and costs
//! nothing elsewhere. The test splits are never learnt from: they are the
//! judge (`scripts/stem-eval`, `docs/search-index.md`).
//!
//! The table ships once, as `stemmers/hr_exceptions.js`: a JavaScript
//! string literal that the browser's stemmer takes and this module reads.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use super::stem_hr::stem_hr_rules;

/// The learnt table: a JavaScript string of `;`-separated entries, `form
/// stem` for one word, `*stem stem` for every word the rules give a stem.
pub const TABLE_JS: &str = include_str!("stemmers/hr_exceptions.js");

struct Table {
    forms: HashMap<&'static str, &'static str>,
    stems: HashMap<&'static str, &'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            forms: HashMap::new(),
            stems: HashMap::new(),
        };
        let entries = TABLE_JS
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with('"'))
            .flat_map(|line| line.trim_matches('"').split(';'))
            .filter_map(|entry| entry.split_once(' '));
        for (key, stem) in entries {
            match key.strip_prefix('*') {
                Some(rule_stem) => table.stems.insert(rule_stem, stem),
                None => table.forms.insert(key, stem),
            };
        }
        table
    })
}

/// The stem the table gives the word `folded_word` itself, if any.
pub fn form_exception(folded_word: &str) -> Option<&'static str> {
    table().forms.get(folded_word).copied()
}

/// The stem the table gives every word whose rule stem is `rule_stem`.
pub fn stem_exception(rule_stem: &str) -> Option<&'static str> {
    table().stems.get(rule_stem).copied()
}

/// The table file for `pairs` of folded (form, lemma): see the module docs.
/// Deterministic: the same pairs in any order give the same file.
pub fn learn(pairs: &[(String, String)]) -> String {
    // A form with two lemmas in the data teaches nothing.
    let mut lemma_of: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    for (form, lemma) in pairs {
        lemma_of
            .entry(form)
            .and_modify(|seen| {
                if *seen != Some(lemma.as_str()) {
                    *seen = None;
                }
            })
            .or_insert(Some(lemma));
    }
    let forms: Vec<(&str, &str, String)> = lemma_of
        .into_iter()
        .filter_map(|(form, lemma)| Some((form, lemma?, stem_hr_rules(form))))
        .collect();

    // Each lemma's stem: the one the rules give the lemma where some form
    // has it too (forms outside the table, which the rules stem like the
    // lemma, then meet them), else the one most of its forms have.
    let mut by_lemma: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut lemmas_of_stem: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (_, lemma, stem) in &forms {
        *by_lemma.entry(lemma).or_default().entry(stem).or_default() += 1;
        lemmas_of_stem.entry(stem).or_default().insert(lemma);
    }
    let lemma_stem: BTreeMap<&str, String> = by_lemma
        .iter()
        .map(|(lemma, stems)| {
            let own = stem_hr_rules(lemma);
            let stem = if stems.contains_key(own.as_str()) {
                own
            } else {
                most_frequent(stems).to_string()
            };
            (*lemma, stem)
        })
        .collect();

    // A rule stem that only this lemma's forms have is joined as a stem, so
    // that the forms the data lacks join too (`ostanu` and `ostanite`);
    // otherwise only the form is.
    let mut entries = BTreeSet::new();
    for (form, lemma, rule_stem) in &forms {
        let stem = &lemma_stem[lemma];
        if stem == rule_stem {
            continue;
        }
        if lemmas_of_stem[rule_stem.as_str()].len() == 1 {
            entries.insert(format!("*{rule_stem} {stem}"));
        } else {
            entries.insert(format!("{form} {stem}"));
        }
    }
    format!(
        "// Learnt by src/search/stem_hr_exceptions.rs from tests/data/stem/ud-*-dev.tsv\n\
         // (UD Croatian-SET and Serbian-SET, CC BY-SA 4.0): \"form stem;*rule-stem stem;…\"\n\
         \"{}\"\n",
        entries.into_iter().collect::<Vec<_>>().join(";")
    )
}

fn most_frequent<'a>(counts: &BTreeMap<&'a str, usize>) -> &'a str {
    let mut best: Option<(&str, usize)> = None;
    for (&key, &n) in counts {
        if best.is_none_or(|(_, most)| n > most) {
            best = Some((key, n));
        }
    }
    best.map(|(key, _)| key).unwrap_or_default()
}
