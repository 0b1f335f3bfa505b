//! Watching the site: which folders, and what raw file events mean for a rebuild.
//! [`classify`] is pure: editors' save patterns are tested on event lists.

use crate::incremental::Changes;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The folders under the site root whose files feed the build.
pub const WATCHED_DIRS: [&str; 5] = ["content", "locales", "themes", "templates", "static"];

/// A batch ends after this long without a new event...
const QUIET: Duration = Duration::from_millis(20);
/// ...or this long after its first event.
const LONGEST: Duration = Duration::from_millis(200);

/// What a raw event batch means for the build.
pub fn classify(root: &Path, events: &[Event]) -> Changes {
    let mut changes = Changes::default();
    for event in events {
        if event.need_rescan() {
            changes.merge(Changes::everything());
            continue;
        }
        let structural = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => false,
            EventKind::Access(_) => continue,
            EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_)) => false,
            EventKind::Modify(ModifyKind::Any) => false,
            _ => true,
        };
        for path in &event.paths {
            classify_path(root, path, structural, &mut changes);
        }
    }
    changes
}

fn classify_path(root: &Path, path: &Path, structural: bool, changes: &mut Changes) {
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => p.to_str(),
            _ => None,
        })
        .collect();
    if parts.iter().any(|p| is_editor_file(p)) {
        return;
    }
    match parts.as_slice() {
        ["site.toml"] => changes.config = true,
        ["content", ..] => {
            if parts.len() == 1 || structural {
                changes.rescan = true;
            }
            if parts.len() > 1 {
                changes.content.insert(path.to_path_buf());
            }
        }
        ["locales", ..] => changes.locales = true,
        ["themes" | "templates" | "static", ..] => changes.theme = true,
        _ => {}
    }
}

/// Hidden, swap, backup and temporary files of editors: never part of the site.
pub fn is_editor_file(name: &str) -> bool {
    crate::content::is_ignored_name(name)
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

/// Starts watching the site's root (for `site.toml`) and its source folders.
pub fn watch(root: &Path, watcher: &mut impl Watcher) -> notify::Result<()> {
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED_DIRS {
        let dir = root.join(dir);
        if dir.is_dir() {
            watcher.watch(&dir, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}

/// Whether an event can mean a change: opening and reading files (the build's
/// own reads among them) cannot.
pub fn matters(event: &Event) -> bool {
    match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Watches again a source folder the batch created or moved into place.
pub fn rewatch(root: &Path, events: &[Event], watcher: &mut impl Watcher) -> notify::Result<()> {
    let dirs: Vec<PathBuf> = WATCHED_DIRS.iter().map(|d| root.join(d)).collect();
    for dir in &dirs {
        let arrived = events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
            ) && e.paths.contains(dir)
        });
        if arrived && dir.is_dir() {
            // A folder replaced under the same name still has the old watch:
            // failing to remove it means there was none.
            if watcher.unwatch(dir).is_err() {
                // nothing was watched there
            }
            watcher.watch(dir, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}

/// Waits for a message, then gathers the ones that follow it closely: an editor's
/// save is several events.
pub fn next_batch<T>(rx: &Receiver<T>, urgent: impl Fn(&T) -> bool) -> Option<Vec<T>> {
    let first = rx.recv().ok()?;
    if urgent(&first) {
        return Some(vec![first]);
    }
    let mut batch = vec![first];
    let started = Instant::now();
    loop {
        let left = LONGEST.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        match rx.recv_timeout(QUIET.min(left)) {
            Ok(message) => batch.push(message),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    Some(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, Flag, ModifyKind, RemoveKind, RenameMode};

    fn root() -> PathBuf {
        PathBuf::from("/site")
    }

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(root().join(p));
        }
        e
    }

    fn write(path: &str) -> Event {
        event(
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            &[path],
        )
    }

    #[test]
    fn writing_in_place_rereads_the_file_without_a_walk() {
        let changes = classify(
            &root(),
            &[write("content/pt/a.md"), write("content/pt/a.md")],
        );
        assert_eq!(changes.content.len(), 1);
        assert!(changes.content.contains(&root().join("content/pt/a.md")));
        assert!(!changes.rescan && !changes.theme && !changes.config);
    }

    #[test]
    fn vim_swap_and_backup_files_are_ignored_but_the_rename_counts() {
        let events = [
            event(
                EventKind::Create(CreateKind::File),
                &["content/pt/.a.md.swp"],
            ),
            write("content/pt/.a.md.swp"),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["content/pt/a.md", "content/pt/a.md~"],
            ),
            event(EventKind::Create(CreateKind::File), &["content/pt/a.md"]),
            write("content/pt/a.md"),
            event(EventKind::Remove(RemoveKind::File), &["content/pt/a.md~"]),
        ];
        let changes = classify(&root(), &events);
        assert!(changes.rescan);
        let paths: Vec<_> = changes.content.iter().collect();
        assert_eq!(paths, vec![&root().join("content/pt/a.md")]);
    }

    #[test]
    fn write_temp_then_rename_is_a_change_of_the_target() {
        // VS Code and JetBrains ("safe write"): a temporary file renamed over the page.
        let events = [
            event(
                EventKind::Create(CreateKind::File),
                &["content/hr/b.md___jb_tmp___"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["content/hr/b.md", "content/hr/b.md___jb_old___"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["content/hr/b.md___jb_tmp___", "content/hr/b.md"],
            ),
            event(
                EventKind::Remove(RemoveKind::File),
                &["content/hr/b.md___jb_old___"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::To)),
                &["content/hr/.b.md.tmp"],
            ),
        ];
        let changes = classify(&root(), &events);
        assert!(changes.rescan);
        assert_eq!(changes.content.len(), 1);
        assert!(changes.content.contains(&root().join("content/hr/b.md")));
    }

    #[test]
    fn created_and_removed_pages_walk_the_content_again() {
        let created = classify(
            &root(),
            &[event(
                EventKind::Create(CreateKind::File),
                &["content/pt/new.md"],
            )],
        );
        assert!(created.rescan);
        let removed = classify(
            &root(),
            &[event(
                EventKind::Remove(RemoveKind::Folder),
                &["content/pt/guide"],
            )],
        );
        assert!(removed.rescan);
    }

    #[test]
    fn each_source_folder_has_its_meaning() {
        let changes = classify(
            &root(),
            &[
                write("site.toml"),
                write("locales/hr/main.ftl"),
                write("themes/default/templates/article.html"),
            ],
        );
        assert!(changes.config && changes.locales && changes.theme);
        assert!(changes.content.is_empty() && !changes.rescan);
        assert!(classify(&root(), &[write("templates/404.html")]).theme);
        assert!(classify(&root(), &[write("static/logo.png")]).theme);
    }

    #[test]
    fn output_other_files_and_reads_are_ignored() {
        let events = [
            write("public/pt/index.html"),
            write("notes.txt"),
            write("target/x"),
            event(
                EventKind::Access(AccessKind::Open(notify::event::AccessMode::Read)),
                &["content/pt/a.md"],
            ),
            write("/elsewhere/content/pt/a.md"),
        ];
        assert!(classify(&root(), &events).is_empty());
    }

    #[test]
    fn closing_a_written_file_counts_as_a_write() {
        let changes = classify(
            &root(),
            &[event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &["content/pt/a.md"],
            )],
        );
        assert_eq!(changes.content.len(), 1);
        assert!(!changes.rescan);
    }

    #[test]
    fn reading_files_does_not_matter() {
        let open = event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            &["content"],
        );
        assert!(!matters(&open));
        let closed = event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &["a"],
        );
        assert!(matters(&closed));
        assert!(matters(&write("content/pt/a.md")));
    }

    #[test]
    fn a_lost_event_queue_rebuilds_everything() {
        let lost = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        let changes = classify(&root(), &[lost]);
        assert!(changes.config && changes.theme && changes.locales && changes.rescan);
    }
}
