//! `content/synonyms.toml`: the words readers search for that the authors
//! did not use, per language. Search expands them at build time
//! (`search::synonyms`), so a query costs nothing more.
//!
//! ```toml
//! [pt]
//! # Both ways: a search for any of them also finds the pages with the others.
//! same = [["reembolso", "devolução do dinheiro", "estorno"]]
//! # One way: a search for the key also finds the pages with the listed ones.
//! also = { "chefe" = ["supervisor"] }
//! ```

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, Position};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub const SYNONYMS_FILE: &str = "synonyms.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    #[serde(default)]
    same: Vec<Vec<Spanned<String>>>,
    #[serde(default)]
    also: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// A word or phrase of the file, where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SynonymEntry {
    pub text: String,
    pub position: Position,
}

/// One group of the file: `same` (each entry finds the others) or an `also`
/// rule (the first entry finds the rest).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SynonymGroup {
    pub lang: String,
    pub both_ways: bool,
    pub entries: Vec<SynonymEntry>,
}

impl SynonymGroup {
    /// (searched for, also finds) of the group.
    pub fn rules(&self) -> Vec<(&str, Vec<&str>)> {
        let texts: Vec<&str> = self.entries.iter().map(|e| e.text.as_str()).collect();
        if !self.both_ways {
            return vec![(texts[0], texts[1..].to_vec())];
        }
        texts
            .iter()
            .enumerate()
            .map(|(i, from)| {
                let others = texts
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, t)| *t)
                    .collect();
                (*from, others)
            })
            .collect()
    }
}

/// Every group, in the file's order by language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Synonyms {
    pub groups: Vec<SynonymGroup>,
}

/// Parses the text of synonyms.toml; `path` is only for messages.
pub fn parse(path: &Path, text: &str) -> Result<Synonyms, Diagnostics> {
    let raw: BTreeMap<Spanned<String>, RawLanguage> =
        toml::from_str(text).map_err(|e| crate::config::toml_error(path, text, &e))?;
    let index = LineIndex::new(text);
    let mut problems = Diagnostics::default();
    let mut groups = Vec::new();
    let entry = |s: &Spanned<String>| SynonymEntry {
        text: s.get_ref().trim().to_string(),
        position: index.position(text, s.span().start),
    };
    for (lang, raw) in raw {
        let lang_name = lang.get_ref().clone();
        let mut add = |both_ways: bool, entries: Vec<SynonymEntry>, at: Position| {
            if let Some(empty) = entries.iter().find(|e| e.text.is_empty()) {
                problems.push(
                    Diagnostic::error(path, "an empty synonym")
                        .at(empty.position)
                        .hint("write a word or a phrase, or remove it"),
                );
            } else if entries.len() < 2 {
                problems.push(
                    Diagnostic::error(path, "a synonym needs at least one other word")
                        .at(at)
                        .hint("same = [[\"refund\", \"reimbursement\"]] or also = { \"refund\" = [\"reimbursement\"] }"),
                );
            } else {
                groups.push(SynonymGroup {
                    lang: lang_name.clone(),
                    both_ways,
                    entries,
                });
            }
        };
        for group in &raw.same {
            let entries: Vec<SynonymEntry> = group.iter().map(entry).collect();
            let at = entries
                .first()
                .map_or(index.position(text, lang.span().start), |e| e.position);
            add(true, entries, at);
        }
        for (from, to) in &raw.also {
            let entries: Vec<SynonymEntry> =
                std::iter::once(from).chain(to.iter()).map(entry).collect();
            add(false, entries, index.position(text, from.span().start));
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Synonyms { groups })
}

/// Languages of the file that the site does not publish, as errors.
pub fn check_languages(
    path: &Path,
    synonyms: &Synonyms,
    is_language: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut seen = std::collections::BTreeSet::new();
    synonyms
        .groups
        .iter()
        .filter(|g| !is_language(&g.lang) && seen.insert(g.lang.clone()))
        .map(|g| {
            Diagnostic::error(path, format!("`{}` is not a language of this site", g.lang))
                .at(g.entries[0].position)
                .hint("name the table after a language folder of content/, e.g. [pt]")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_one_way_rules() {
        let text = "[pt]\nsame = [[\"reembolso\", \"devolução do dinheiro\"]]\nalso = { \"chefe\" = [\"supervisor\", \"gerente\"] }\n";
        let s = parse(Path::new("synonyms.toml"), text).unwrap();
        assert_eq!(s.groups.len(), 2);
        assert_eq!(
            s.groups[0].rules(),
            [
                ("reembolso", vec!["devolução do dinheiro"]),
                ("devolução do dinheiro", vec!["reembolso"]),
            ]
        );
        assert_eq!(
            s.groups[1].rules(),
            [("chefe", vec!["supervisor", "gerente"])]
        );
        assert_eq!(s.groups[1].entries[1].position, Position::new(3, 21));
    }

    #[test]
    fn lone_and_empty_words_are_errors_at_their_place() {
        let text = "[hr]\nsame = [[\"povrat\"]]\nalso = { \"x\" = [\" \"] }\n";
        let err = parse(Path::new("synonyms.toml"), text).unwrap_err();
        assert_eq!(err.0.len(), 2, "{:?}", err.0);
        assert_eq!((err.0[0].line, err.0[0].col), (2, 10));
        assert!(err.0[1].message.contains("empty"));
        let err = parse(Path::new("synonyms.toml"), "[hr]\nnope = 1\n").unwrap_err();
        assert!(err.0[0].message.contains("nope"), "{:?}", err.0);
    }
}
