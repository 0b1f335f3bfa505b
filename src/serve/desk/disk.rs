//! The desk's writes: a page saved only if it is still what the editor
//! opened (else the conflict is returned, and nothing written), written
//! whole through a temporary file and a rename, so a reader, the watcher or
//! a crash never sees half a page. One lock orders all writes, so of two
//! saves from the same version one wins and the other is told of it.

use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// Why a write did not happen.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The file is not the version the editor opened (or, for a new page,
    /// exists already): what is there now, and its hash.
    Conflict { text: String, hash: String },
    /// The page to save or delete is gone.
    Missing,
    /// Reading or writing failed.
    Io(String),
}

/// The SHA-256 of `bytes`, in hex: the version a client names.
pub fn version(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file's text (lossily, when it is not UTF-8) and its version.
pub fn read(path: &Path) -> Result<Option<(String, String)>, Refused> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some((
            String::from_utf8_lossy(&bytes).into_owned(),
            version(&bytes),
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Refused::Io(format!("cannot read {}: {e}", path.display()))),
    }
}

/// Orders the desk's writes.
#[derive(Default)]
pub struct Disk {
    lock: Mutex<()>,
}

impl Disk {
    fn locked(&self) -> std::sync::MutexGuard<'_, ()> {
        // A panic while writing leaves no state behind the lock to repair.
        self.lock.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces `path` with `text` if it is still at version `base`.
    pub fn save(&self, path: &Path, base: &str, text: &str) -> Result<String, Refused> {
        let _writing = self.locked();
        still_at(path, base)?;
        write_atomically(path, text.as_bytes(), true)?;
        Ok(version(text.as_bytes()))
    }

    /// Creates `path` with `text`; never replaces a file.
    pub fn create(&self, path: &Path, text: &str) -> Result<String, Refused> {
        let _writing = self.locked();
        if let Some((current, hash)) = read(path)? {
            return Err(Refused::Conflict {
                text: current,
                hash,
            });
        }
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
        }
        write_atomically(path, text.as_bytes(), false)?;
        Ok(version(text.as_bytes()))
    }

    /// Deletes `path` if it is still at version `base`.
    pub fn delete(&self, path: &Path, base: &str) -> Result<(), Refused> {
        let _writing = self.locked();
        still_at(path, base)?;
        std::fs::remove_file(path).map_err(|e| io(path, e))
    }
}

/// Whether `path` is still at version `base`: what an editor's save or
/// delete was made against; else the file as it is now.
fn still_at(path: &Path, base: &str) -> Result<(), Refused> {
    let (current, hash) = read(path)?.ok_or(Refused::Missing)?;
    if hash != base {
        return Err(Refused::Conflict {
            text: current,
            hash,
        });
    }
    Ok(())
}

fn io(path: &Path, e: std::io::Error) -> Refused {
    Refused::Io(format!("{}: {e}", path.display()))
}

/// Writes a hidden temporary file beside `path` (the watcher ignores it),
/// then renames it over `path`, or, when `replace` is false, links it there,
/// which fails if a file appeared meanwhile.
fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> Result<(), Refused> {
    let folder = path
        .parent()
        .ok_or_else(|| Refused::Io("no folder".into()))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
    let mut random = [0u8; 6];
    getrandom::fill(&mut random).map_err(|e| Refused::Io(format!("no randomness: {e}")))?;
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let temp = folder.join(format!(".{name}.{suffix}.tmp"));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        if replace {
            std::fs::rename(&temp, path)
        } else {
            std::fs::hard_link(&temp, path).and_then(|()| std::fs::remove_file(&temp))
        }
    })();
    written.map_err(|e| {
        if temp.exists() {
            // Best effort: the temporary file is hidden and ignored anyway.
            let _ = std::fs::remove_file(&temp);
        }
        io(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_from_an_old_version_is_refused_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("a.md");
        std::fs::write(&page, "one").unwrap();
        let disk = Disk::default();
        let opened = version(b"one");
        let second = disk.save(&page, &opened, "two").unwrap();
        assert_eq!(second, version(b"two"));
        let refused = disk.save(&page, &opened, "three").unwrap_err();
        assert_eq!(
            refused,
            Refused::Conflict {
                text: "two".into(),
                hash: second
            }
        );
        assert_eq!(std::fs::read_to_string(&page).unwrap(), "two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn create_never_replaces_and_delete_needs_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("pt/novo.md");
        let disk = Disk::default();
        let made = disk.create(&page, "new").unwrap();
        assert!(matches!(
            disk.create(&page, "again"),
            Err(Refused::Conflict { .. })
        ));
        assert!(disk.delete(&page, &version(b"other")).is_err());
        assert!(page.exists());
        disk.delete(&page, &made).unwrap();
        assert!(!page.exists());
        assert_eq!(disk.delete(&page, &made), Err(Refused::Missing));
    }
}
