//! Slugs. File names and folders get ASCII ones (`5. Ponudite rješenja` →
//! `5-ponudite-rjesenja`, `Оптимизация` → `optimizatsiia`); heading ids get the web's (`5-ponudite-rješenja`),
//! as GitHub, Docusaurus, Starlight and Hugo make them, so links written for
//! those sites keep working.

use super::fold::fold_keeping_cyrillic as fold;

/// Lowercase ASCII letters and digits joined by single dashes; letters of
/// other scripts transliterated (as Zola's and Hugo's slugs do), so a
/// Russian or Greek title gives an address that says something.
pub fn slugify(text: &str) -> String {
    let folded = fold(text);
    if folded.is_ascii() {
        return ascii_slug(&folded);
    }
    // Symbols (emoji) have names in deunicode's table, not letters: dropped.
    let mut spelled = String::with_capacity(folded.len() * 2);
    for c in folded.chars() {
        match c {
            c if c.is_ascii() => spelled.push(c),
            c if c.is_alphanumeric() => {
                spelled.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
            }
            _ => spelled.push(' '),
        }
    }
    ascii_slug(&spelled)
}

/// The slug earlier versions made: letters outside ASCII after folding
/// dropped. Kept for the heading ids links written for them still name.
pub fn legacy_slug(text: &str) -> String {
    ascii_slug(&fold(text))
}

fn ascii_slug(folded: &str) -> String {
    let mut slug = String::with_capacity(folded.len());
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// A heading's id as github-slugger makes it: lowercase; letters, marks,
/// digits and connector punctuation of every script kept; each space a dash;
/// everything else dropped. Not unique: the caller numbers repeats.
pub fn web_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        // Most headings are ASCII: no table look-ups for them.
        if c.is_ascii() {
            match c {
                'a'..='z' | '0'..='9' | '_' => id.push(c),
                'A'..='Z' => id.push(c.to_ascii_lowercase()),
                ' ' | '-' => id.push('-'),
                _ => {}
            }
            continue;
        }
        if c == ' ' || c == '-' {
            id.push('-');
        } else if c.is_alphanumeric()
            || unicode_normalization::char::is_combining_mark(c)
            || is_connector_punctuation(c)
        {
            id.extend(c.to_lowercase());
        }
    }
    id
}

/// Unicode's Connector_Punctuation (Pc): `_` and its look-alikes.
fn is_connector_punctuation(c: char) -> bool {
    matches!(
        c,
        '_' | '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'
            ..='\u{FE4F}' | '\u{FF3F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_ids_keep_every_script() {
        assert_eq!(web_id("5. Ponudite rješenja"), "5-ponudite-rješenja");
        assert_eq!(web_id("Bloques de código"), "bloques-de-código");
        assert_eq!(web_id("config:load"), "configload");
        assert_eq!(web_id("A  B -- C"), "a--b----c");
        assert_eq!(web_id("المكونات والتخطيطات"), "المكونات-والتخطيطات");
        assert_eq!(web_id("Компоненты"), "компоненты");
        assert_eq!(web_id("Συστατικά μέρη"), "συστατικά-μέρη");
        assert_eq!(web_id("组件 与 布局"), "组件-与-布局");
        assert_eq!(web_id("हिन्दी"), "हिन्दी");
        assert_eq!(web_id("snake_case & `code()`"), "snake_case--code");
        assert_eq!(web_id("Émoji 🎉 here"), "émoji--here");
        assert_eq!(web_id("¿?"), "");
    }

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(slugify("5. Ponudite rješenja"), "5-ponudite-rjesenja");
        assert_eq!(
            slugify("Como lidar com clientes difíceis"),
            "como-lidar-com-clientes-dificeis"
        );
        assert_eq!(slugify("  Đaci & ČAK!  "), "daci-cak");
        assert_eq!(slugify("R: Responda"), "r-responda");
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("¿?"), "");
    }

    #[test]
    fn slugs_transliterate_other_scripts() {
        assert_eq!(
            slugify("Оптимизация рабочего окружения (DE)"),
            "optimizatsiia-rabochego-okruzheniia-de"
        );
        assert_eq!(slugify("Συστατικά μέρη"), "sustatika-mere");
        assert_eq!(slugify("Ђурђевдан"), "djurdjevdan");
        assert_eq!(slugify("🎉"), "");
        assert_eq!(legacy_slug("Компоненты 2"), "2");
    }
}
