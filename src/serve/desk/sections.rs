//! A page's body cut into sections at its headings, for the desk's side by
//! side translation (source and translation aligned section by section) and
//! for the changes of a translation's source, shown as a word diff per section.

use serde::Serialize;

/// A body's sections: the text before the first heading, then one per
/// heading (the heading line first). Fenced code is never cut.
pub fn split(body: &str) -> Vec<String> {
    let mut sections = vec![String::new()];
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        match fence {
            Some(f) if trimmed.starts_with(f) => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```") => fence = Some("```"),
            None if trimmed.starts_with("~~~") => fence = Some("~~~"),
            None if is_heading(line) => sections.push(String::new()),
            None => {}
        }
        sections.last_mut().expect("never empty").push_str(line);
    }
    sections
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])
}

/// One piece of a section's diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// `same`, `removed` or `added`.
    pub kind: &'static str,
    pub text: String,
}

/// What changed in one section of the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionChange {
    /// The section's heading line in the current source (empty for the intro).
    pub heading: String,
    pub changed: bool,
    pub pieces: Vec<Piece>,
}

/// Section by section (matched by position), the word changes from `old` to `new`.
pub fn changes(old: &str, new: &str) -> Vec<SectionChange> {
    let (old, new) = (split(old), split(new));
    let count = old.len().max(new.len());
    (0..count)
        .map(|i| {
            let before = old.get(i).map(String::as_str).unwrap_or_default();
            let after = new.get(i).map(String::as_str).unwrap_or_default();
            let heading = after
                .lines()
                .next()
                .filter(|l| is_heading(l))
                .unwrap_or_default();
            SectionChange {
                heading: heading.to_string(),
                changed: before != after,
                pieces: word_diff(before, after),
            }
        })
        .collect()
}

fn word_diff(before: &str, after: &str) -> Vec<Piece> {
    let diff = similar::TextDiff::from_words(before, after);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => "same",
            similar::ChangeTag::Delete => "removed",
            similar::ChangeTag::Insert => "added",
        };
        match pieces.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => pieces.push(Piece {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_start_sections_but_not_inside_code() {
        let body = "Intro.\n## Um\nA\n```\n# not\n```\n## Dois\nB\n";
        assert_eq!(
            split(body),
            vec!["Intro.\n", "## Um\nA\n```\n# not\n```\n", "## Dois\nB\n"]
        );
        assert_eq!(split("#hashtag\n"), vec!["#hashtag\n"]);
    }

    #[test]
    fn only_the_changed_section_is_marked() {
        let old = "## Um\nFique calmo.\n## Dois\nOuça.\n";
        let new = "## Um\nFique calmo.\n## Dois\nOuça com atenção.\n";
        let changes = changes(old, new);
        assert_eq!(changes.len(), 3);
        assert!(!changes[1].changed);
        assert!(changes[2].changed);
        assert_eq!(changes[2].heading, "## Dois");
        assert!(changes[2]
            .pieces
            .iter()
            .any(|p| p.kind == "added" && p.text.contains("atenção")));
    }
}
