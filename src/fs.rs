//! File operations whose errors name the path, and a join that cannot escape its root.

use crate::diagnostics::Diagnostic;
use std::path::{Component, Path, PathBuf};

pub fn read_to_string(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, "cannot read", e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let index = crate::diagnostics::LineIndex::new(valid);
        Diagnostic::error(path, "the file is not valid UTF-8")
            .at(index.position(valid, offset))
            .hint("save the file with UTF-8 encoding")
    })
}

pub fn io_error(path: &Path, doing: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("{doing} {}: {e}", path.display()))
}

/// Joins a relative path from content (a URL path, a slug) onto `root`, refusing
/// anything that would leave it: `..`, absolute paths, drive prefixes.
pub fn join_inside(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut joined = root.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => {
                let part_str = part.to_str()?;
                if part_str.contains('\\') || part_str.contains(':') {
                    return None;
                }
                joined.push(part)
            }
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(joined)
}

/// `path` with `/` separators, for messages and URLs.
pub fn slash_path(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Replaces `path` with `bytes` whole: written beside it, then renamed over
/// it, so a reader (or a crash) never sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.polybook-new"));
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            io_error(path, "cannot write", e)
        })
}

/// Writes a new file (and its folders), refusing to replace one, even one
/// made since the caller looked: imports never overwrite.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_inside_refuses_escapes() {
        let root = Path::new("/out");
        assert_eq!(
            join_inside(root, "pt/a/index.html"),
            Some(PathBuf::from("/out/pt/a/index.html"))
        );
        assert_eq!(join_inside(root, "../etc/passwd"), None);
        assert_eq!(join_inside(root, "pt/../../x"), None);
        assert_eq!(join_inside(root, "/etc/passwd"), None);
        assert_eq!(join_inside(root, "a\\..\\b"), None);
    }
}
