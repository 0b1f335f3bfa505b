//! ASCII slugs for file names and heading ids: `5. Ponudite rješenja` → `5-ponudite-rjesenja`.

use super::fold::fold;

/// Lowercase ASCII letters and digits joined by single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in fold(text).chars() {
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
