//! ASCII slugs for file names and heading ids: `5. Ponudite rješenja` → `5-ponudite-rjesenja`.

use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII letters and digits joined by single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in ascii_fold(text).chars() {
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

/// Drops diacritics and maps letters that have no decomposition.
pub fn ascii_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
