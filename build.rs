//! Embeds the default theme (`themes/default/`) and the UI catalogs
//! (`locales/<lang>/*.ftl`) in the binary: `src/builtin.rs` includes the list
//! written here, one `include_bytes!` per file, names and bytes as they are.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let mut code = String::new();
    for (name, dir) in [("THEME", "themes/default"), ("LOCALES", "locales")] {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = Vec::new();
        walk(&dir, &dir, &mut files);
        files.sort();
        writeln!(code, "pub const {name}: &[(&str, &[u8])] = &[").unwrap();
        for (rel, path) in files {
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    std::fs::write(out.join("builtin_files.rs"), code).expect("OUT_DIR is writable");
}

/// Every file under `dir` as (`a/b.html` relative to `base`, absolute path),
/// skipping the names `content::is_ignored_name` skips (editor swap files, `.DS_Store`).
fn walk(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable folder entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let ignored = ["~", ".swp", ".swx", ".tmp", ".bak"]
            .iter()
            .any(|e| name.ends_with(e));
        if name.starts_with('.') || name.starts_with('#') || ignored {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            walk(base, &path, files);
        } else {
            let rel = path.strip_prefix(base).expect("under base");
            let rel: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((rel.join("/"), path));
        }
    }
}
