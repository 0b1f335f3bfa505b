//! Checks of the keys that say who keeps a page current and when it was
//! checked (`owner`, `reviewed`, `review_every`), and of translation groups
//! whose members disagree on their topics.

use super::front_matter::{self, Value};
use super::Document;
use crate::calendar::IntervalSetting;
use crate::diagnostics::{Diagnostic, Position};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Where `value` is in `doc`'s file (its first line if it cannot be found).
fn position(doc: &Document, value: Value) -> Position {
    front_matter::split(&doc.path, &doc.source)
        .map(|split| front_matter::value_position(&doc.source, &split, value))
        .unwrap_or(Position::new(1, 1))
}

/// Problems with one page's review keys, as of `today`.
pub fn check(doc: &Document, today: NaiveDate) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(IntervalSetting::Invalid { why, .. }) = &doc.front.review_every {
        problems.push(
            Diagnostic::error(&doc.path, format!("review_every: {why}"))
                .at(position(doc, Value::ReviewEvery))
                .hint("write it like \"6 months\", \"1 year\" or \"90 days\""),
        );
    }
    if let Some(reviewed) = doc.front.reviewed.filter(|r| *r > today) {
        problems.push(
            Diagnostic::warning(
                &doc.path,
                format!("the review date {reviewed} is in the future"),
            )
            .at(position(doc, Value::Reviewed))
            .hint("write the date the page was checked: reviewed = YYYY-MM-DD"),
        );
    }
    if let Some(owner) = &doc.front.owner {
        if owner.trim().is_empty() {
            problems.push(
                Diagnostic::warning(&doc.path, "the owner is empty")
                    .at(position(doc, Value::Owner))
                    .hint("name the person or team who keeps this page current, or remove the key"),
            );
        } else if looks_like_markup(owner) {
            problems.push(
                Diagnostic::warning(
                    &doc.path,
                    "the owner looks like HTML; it is shown as plain text, tags and all",
                )
                .at(position(doc, Value::Owner))
                .hint("write the name only: owner = \"Customer Care team\""),
            );
        }
    }
    problems
}

fn looks_like_markup(text: &str) -> bool {
    text.find('<')
        .is_some_and(|start| text[start..].contains('>'))
}

/// A warning on each member of a translation group whose topics are not the
/// group's: the topics most of its members have (the first by path on a tie).
pub fn group_topics<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<&str, Vec<&Document>> = BTreeMap::new();
    for doc in documents {
        if let Some(key) = &doc.front.translation_key {
            groups.entry(key).or_default().push(doc);
        }
    }
    let mut problems = Vec::new();
    for members in groups.values_mut().filter(|m| m.len() > 1) {
        members.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        let topics =
            |doc: &Document| -> BTreeSet<String> { doc.front.topics.iter().cloned().collect() };
        let mut counts: Vec<(BTreeSet<String>, usize, &Document)> = Vec::new();
        for doc in members.iter() {
            let set = topics(doc);
            match counts.iter_mut().find(|(s, _, _)| *s == set) {
                Some(entry) => entry.1 += 1,
                None => counts.push((set, 1, doc)),
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let (agreed, _, example) =
            counts
                .iter()
                .fold(&counts[0], |best, c| if c.1 > best.1 { c } else { best });
        for doc in members.iter() {
            let own = topics(doc);
            if own == *agreed {
                continue;
            }
            let missing: Vec<&str> = agreed.difference(&own).map(String::as_str).collect();
            let extra: Vec<&str> = own.difference(agreed).map(String::as_str).collect();
            let mut differences = Vec::new();
            if !missing.is_empty() {
                differences.push(format!("lacks {}", missing.join(", ")));
            }
            if !extra.is_empty() {
                differences.push(format!("adds {}", extra.join(", ")));
            }
            let at = extra
                .first()
                .map_or(Position::new(1, 1), |t| position(doc, Value::Topic(t)));
            problems.push(
                Diagnostic::warning(
                    &doc.path,
                    format!(
                        "this translation's topics differ from {}: it {}",
                        example.path.display(),
                        differences.join(" and ")
                    ),
                )
                .at(at)
                .hint("give every language's version of a page the same topics, so topic pages list them all"),
            );
        }
    }
    problems
}
