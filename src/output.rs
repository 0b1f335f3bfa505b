//! Writes the site atomically: everything goes into a temporary sibling folder
//! that replaces the output only once it is complete.

use crate::diagnostics::Diagnostic;
use crate::render::OutputFile;
use std::path::{Path, PathBuf};

/// Marks a folder as polybook's output, so a rebuild may replace it.
pub const MARKER: &str = ".polybook-output";

/// Refuses output folders whose replacement would lose someone's files.
pub fn check_target(output: &Path, site_root: &Path) -> Result<(), Diagnostic> {
    let output_abs = absolute(output);
    let root_abs = absolute(site_root);
    let refuse = |why: &str| {
        Err(
            Diagnostic::error(output, format!("refusing to write the site here: {why}"))
                .hint("pass --output with a folder of its own, such as public/"),
        )
    };
    if root_abs.starts_with(&output_abs) {
        return refuse("it is the site's folder or contains it");
    }
    for protected in ["content", "locales", "themes", "templates", "static"] {
        if output_abs.starts_with(root_abs.join(protected)) {
            return refuse(&format!("it is inside the site's {protected}/ folder"));
        }
    }
    if output.join("content").exists() || output.join(crate::config::CONFIG_FILE).exists() {
        return refuse("it holds a content/ folder or a site.toml");
    }
    if output.is_file() {
        return refuse("it is a file");
    }
    let non_empty = std::fs::read_dir(output)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if non_empty && !output.join(MARKER).is_file() {
        return refuse("it is a non-empty folder that polybook did not write");
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Canonicalize what exists; a folder that does not exist yet keeps its lexical form.
    joined
        .canonicalize()
        .unwrap_or_else(|_| lexical_normalize(&joined))
}

fn lexical_normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` as the new content of `output`, or leaves `output` as it was.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| crate::fs::io_error(parent, "cannot create", e))?;
    let name = output
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("public");
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.polybook-new-{pid}"));
    let previous = parent.join(format!(".{name}.polybook-old-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);
    if let Err(e) = write_all(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    let had_previous = output.exists();
    if had_previous {
        if let Err(e) = std::fs::rename(output, &previous) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(crate::fs::io_error(output, "cannot move aside", e));
        }
    }
    if let Err(e) = std::fs::rename(&staging, output) {
        if had_previous {
            let _ = std::fs::rename(&previous, output);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(crate::fs::io_error(output, "cannot replace", e));
    }
    if had_previous {
        std::fs::remove_dir_all(&previous)
            .map_err(|e| crate::fs::io_error(&previous, "cannot remove the previous output", e))?;
    }
    Ok(())
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    std::fs::create_dir_all(staging)
        .map_err(|e| crate::fs::io_error(staging, "cannot create", e))?;
    std::fs::write(
        staging.join(MARKER),
        "Written by polybook build; replaced whole on every build.\n",
    )
    .map_err(|e| crate::fs::io_error(staging, "cannot write in", e))?;
    let mut made_dirs = std::collections::HashSet::new();
    for file in files {
        let Some(target) = crate::fs::join_inside(staging, &file.path) else {
            return Err(Diagnostic::error(
                staging,
                format!(
                    "refusing to write `{}` outside the output folder",
                    file.path
                ),
            ));
        };
        if let Some(dir) = target.parent() {
            if made_dirs.insert(dir.to_path_buf()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| crate::fs::io_error(dir, "cannot create", e))?;
            }
        }
        std::fs::write(&target, &file.bytes)
            .map_err(|e| crate::fs::io_error(&target, "cannot write", e))?;
    }
    Ok(())
}
