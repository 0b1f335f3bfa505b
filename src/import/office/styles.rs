//! What a paragraph style's name says it is, in the languages word
//! processors name their styles in: Word writes the English names in
//! styles.xml whatever its language, but LibreOffice, older Word and
//! templates keep localized ones (`Naslov 1`, `Título 1`, `Überschrift 1`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    /// Outline level, 1 for the first.
    Heading(u8),
}

/// The words for "heading" (followed by a level) in style names.
const HEADING: &[&str] = &[
    "heading",
    "naslov",
    "título",
    "titulo",
    "titolo",
    "überschrift",
    "uberschrift",
    "titre",
    "kop",
    "nagłówek",
    "rubrik",
    "overskrift",
    "otsikko",
    "nadpis",
    "cabeçalho",
    "encabezado",
    "заголовок",
    "header",
];
/// The words for a document's title style.
const TITLE: &[&str] = &[
    "title",
    "naslov",
    "título",
    "titulo",
    "titolo",
    "titel",
    "titre",
    "tytuł",
    "otsikko",
    "název",
    "заголовок",
];

/// Classifies a style name or id: `heading 1`, `Heading1`, `Naslov 1`,
/// `Titolo`, `Title`.
pub fn kind(name: &str) -> Option<Kind> {
    let lower = name.trim().to_lowercase();
    let word: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    let rest_is_separators = lower
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '_' || c == '-');
    if !rest_is_separators || !lower.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    // The number must close the name: "Heading 1 Char" is a run style.
    if !digits.is_empty() && !lower.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if digits.is_empty() {
        return TITLE.contains(&word.as_str()).then_some(Kind::Title);
    }
    let level: u8 = digits.parse().ok()?;
    (HEADING.contains(&word.as_str()) && (1..=9).contains(&level)).then_some(Kind::Heading(level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_names_and_ids() {
        for name in [
            "Heading 1",
            "heading 1",
            "Heading1",
            "Naslov 1",
            "Naslov1",
            "Título 1",
            "Titolo 1",
            "Überschrift 1",
        ] {
            assert_eq!(kind(name), Some(Kind::Heading(1)), "{name}");
        }
        assert_eq!(kind("Heading 3"), Some(Kind::Heading(3)));
        for name in ["Title", "Naslov", "Titolo", "Título", "Titel"] {
            assert_eq!(kind(name), Some(Kind::Title), "{name}");
        }
        for name in [
            "Normal",
            "Heading 1 Char",
            "List Paragraph",
            "Text Body",
            "Heading",
        ] {
            assert_eq!(kind(name), None, "{name}");
        }
    }
}
