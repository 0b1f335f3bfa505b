//! Which files the desk may create, change or delete: Markdown pages under
//! `content/<lang>/`, named plainly, reached without a symbolic link. A path
//! comes from the browser as written under `content/` (`pt/guia/ouvir.md`)
//! and is taken literally: nothing is decoded, so an encoded `..` in any
//! form is refused rather than interpreted.

use std::path::{Path, PathBuf};

/// Why a path is refused, in words for the editor.
pub type Refusal = String;

/// Checks the text of a path alone, before any file is looked at.
pub fn check_text(rel: &str) -> Result<(), Refusal> {
    if rel.is_empty() || rel.len() > 1024 {
        return Err("the page's path is empty or too long".into());
    }
    if rel.chars().any(|c| c.is_control() || c == '\\') {
        return Err(format!(
            "`{}` has a backslash or a control character",
            rel.escape_debug()
        ));
    }
    if has_percent_escape(rel) {
        return Err(format!(
            "`{rel}` has a percent escape: write the file name as it is"
        ));
    }
    if rel.starts_with('/') {
        return Err(format!("`{rel}` is absolute: give the path under content/"));
    }
    let segments: Vec<&str> = rel.split('/').collect();
    if segments
        .iter()
        .any(|s| s.is_empty() || *s == "." || *s == ".." || s.starts_with('.'))
    {
        return Err(format!("`{rel}` leaves its folder or names a hidden file"));
    }
    if segments.len() < 2 {
        return Err(format!("`{rel}` is not in a language folder"));
    }
    let name = segments[segments.len() - 1];
    if !name.ends_with(".md") || name == ".md" {
        return Err(format!("`{rel}` is not a Markdown page (.md)"));
    }
    if crate::content::is_ignored_name(name) {
        return Err(format!("`{rel}` is a name polybook ignores"));
    }
    Ok(())
}

/// `%` followed by two hex digits, in any case: `%2e`, `%2F`, `%252e`.
fn has_percent_escape(text: &str) -> bool {
    text.match_indices('%').any(|(i, _)| {
        text.as_bytes()
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

/// The file `rel` names under `content_dir`, once it is sure to be there:
/// its language is one of `languages`, no folder on the way and not the file
/// itself is a symbolic link, and the folder it is in resolves inside
/// `content_dir`. The file itself need not exist.
pub fn resolve(content_dir: &Path, rel: &str, languages: &[&str]) -> Result<PathBuf, Refusal> {
    check_text(rel)?;
    let lang = rel.split('/').next().unwrap_or_default();
    if !languages.contains(&lang) {
        return Err(format!(
            "`{lang}` is not a language of this site ({})",
            languages.join(", ")
        ));
    }
    let root = content_dir
        .canonicalize()
        .map_err(|e| format!("cannot open the content folder: {e}"))?;
    let mut path = root.clone();
    for segment in rel.split('/') {
        path.push(segment);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!(
                    "content/{} is a symbolic link: the desk never writes through one",
                    crate::fs::slash_path(path.strip_prefix(&root).unwrap_or(&path))
                ));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
            Err(e) => return Err(format!("cannot look at content/{rel}: {e}")),
        }
    }
    let path = root.join(rel);
    // Belt and braces: the deepest folder that exists resolves inside.
    let existing = path
        .ancestors()
        .skip(1)
        .find(|a| a.exists())
        .unwrap_or(&root);
    let real = existing
        .canonicalize()
        .map_err(|e| format!("cannot look at content/{rel}: {e}"))?;
    if !real.starts_with(&root) {
        return Err(format!("content/{rel} is outside the content folder"));
    }
    if path.exists() && !path.is_file() {
        return Err(format!("content/{rel} is not a file"));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_pages_pass() {
        for ok in [
            "pt/ouvir.md",
            "hr/vodič/prvi dan.md",
            "pt/50%.md",
            "es/a/b/c.md",
        ] {
            assert_eq!(check_text(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn traversal_in_every_spelling_is_refused() {
        for bad in [
            "../site.toml",
            "pt/../../etc/passwd.md",
            "pt/%2e%2e/%2e%2e/x.md",
            "pt/%2E%2E%2Fx.md",
            "pt/%252e%252e/x.md",
            "pt/..\\..\\x.md",
            "pt/\u{0}.md",
            "/etc/x.md",
            "pt//x.md",
            "pt/./x.md",
            "pt/.hidden.md",
            "pt/x.html",
            "pt/x.md.swp",
            "x.md",
            "",
        ] {
            assert!(check_text(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn symbolic_links_and_other_languages_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("pt")).unwrap();
        std::fs::write(dir.path().join("secret.md"), "x").unwrap();
        let langs = ["pt"];
        assert!(resolve(&content, "pt/novo.md", &langs).is_ok());
        assert!(resolve(&content, "pt/nova/pasta/novo.md", &langs).is_ok());
        assert!(resolve(&content, "hr/novo.md", &langs).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.md"), content.join("pt/l.md"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), content.join("pt/out")).unwrap();
            let refused = resolve(&content, "pt/l.md", &langs).unwrap_err();
            assert!(refused.contains("symbolic link"), "{refused}");
            assert!(resolve(&content, "pt/out/secret.md", &langs).is_err());
        }
    }
}
