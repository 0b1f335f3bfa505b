#![allow(dead_code)]
//! Shared by the targets that fuzz importers reading a folder: one scratch
//! folder per process (in memory where the system has /dev/shm), emptied
//! and refilled for each input.

use std::path::{Path, PathBuf};

pub fn scratch(name: &str) -> PathBuf {
    let base = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("polybook-fuzz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Writes `files` (path relative to `dir`, bytes) into the emptied `dir`.
pub fn fill(dir: &Path, files: &[(&str, &[u8])]) {
    let _ = std::fs::remove_dir_all(dir);
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).expect("a scratch folder");
        std::fs::write(path, bytes).expect("a scratch file");
    }
}

/// A target planned by an importer must stay inside `content/`: relative,
/// no `..`, no root or prefix.
pub fn assert_confined(target: &str) {
    let path = Path::new(target);
    assert!(
        path.components()
            .all(|c| matches!(c, std::path::Component::Normal(_))),
        "a planned file escapes content/: {target:?}"
    );
}

/// Every file an import plans: inside `content/`, a page whose front matter
/// the build reads, a copy of a file from inside the export `root` only.
pub fn assert_plan_sound(files: &[polybook::import::site::NewFile], root: &Path) {
    use polybook::content::front_matter::{self, FrontMatter, SectionFrontMatter};
    use polybook::import::site::Contents;
    let root = root.canonicalize().expect("the scratch folder");
    for file in files {
        assert_confined(&file.target);
        match &file.contents {
            Contents::Text(text) => {
                let path = Path::new(&file.target);
                let split = front_matter::split(path, text).expect("front matter is fenced");
                let parsed = if path.file_name().is_some_and(|n| n == "_index.md") {
                    front_matter::parse::<SectionFrontMatter>(path, text, &split).map(drop)
                } else {
                    front_matter::parse::<FrontMatter>(path, text, &split).map(drop)
                };
                if let Err(d) = parsed {
                    panic!("{}: {d}\n{text}", file.target);
                }
            }
            Contents::Copy(from) => {
                let from = from.canonicalize().expect("a copied file exists");
                assert!(from.starts_with(&root), "copies {from:?} from outside the export");
            }
        }
    }
}
