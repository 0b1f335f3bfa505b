//! A Notion workspace exported as "Markdown & CSV":
//!
//! ```text
//! Page Title 0123…cdef.md          a page; its `# Title` first
//! Page Title 0123…cdef/            its subpages and images
//! Tasks 4567…89ab.csv              a database: one row per line
//! Tasks 4567…89ab/Row 89ab….md     the page of each row
//! ```
//!
//! Every name ends in the page's 32-hex id, and links between pages are
//! relative and percent-encoded (`Other%20Page%20<id>.md`).

use super::{alert, csv, folder_of, Space, SpacePage};
use crate::content::topics::Topics;
use crate::diagnostics::Diagnostic;
use crate::import::help::topic_of;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// Whether `dir` holds a Notion export: a page named with its id.
pub fn detect(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .max_depth(3)
        .into_iter()
        .flatten()
        .any(|e| {
            let name = e.file_name().to_string_lossy();
            name.strip_suffix(".md").is_some_and(|s| id_of(s).is_some())
        })
}

/// `Page Title 0123…` → the id, when the name ends in one.
fn id_of(stem: &str) -> Option<&str> {
    let (_, id) = stem.rsplit_once(' ')?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

/// The name without its id.
fn bare(stem: &str) -> &str {
    match id_of(stem) {
        Some(id) => stem[..stem.len() - id.len()].trim_end(),
        None => stem,
    }
}

pub fn read(dir: &Path, topics: &Topics) -> Space {
    let mut space = Space {
        vendor: "Notion",
        root: dir.to_path_buf(),
        ..Space::default()
    };
    let mut databases = Vec::new();
    let walk = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in
        walk.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = match entry {
            Ok(e) if e.file_type().is_file() => e,
            Ok(_) => continue,
            Err(e) => {
                space.problems.push(
                    Diagnostic::error(dir, format!("cannot read the folder: {e}"))
                        .hint("check that you may read every file of the export"),
                );
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let key = rel.to_string_lossy().replace('\\', "/");
        if key.ends_with(".md") {
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => space.pages.push(page(&key, entry.path(), &text)),
                Err(e) => space.problems.push(
                    Diagnostic::error(entry.path(), format!("cannot read it: {e}"))
                        .hint("check that the file is UTF-8 text and that you may read it"),
                ),
            }
        } else if key.ends_with(".csv") {
            databases.push((key, entry.into_path()));
        }
    }
    for (key, file) in all_rows(databases) {
        database(&mut space, &key, &file, topics);
    }
    let keys: Vec<String> = space.pages.iter().map(|p| p.key.clone()).collect();
    for page in &mut space.pages {
        page.parent = parent_of(&page.key, &keys);
    }
    // Parents first, as the planner expects.
    space.pages.sort_by_key(|p| p.key.matches('/').count());
    space
}

/// Newer exports write each database twice: `Tasks <id>.csv`, the rows of
/// its view, and `Tasks <id>_all.csv`, all of them with every column. The
/// second is read, under the first's name (its folder and what links name).
fn all_rows(databases: Vec<(String, std::path::PathBuf)>) -> Vec<(String, std::path::PathBuf)> {
    let whole: Vec<String> = databases
        .iter()
        .filter_map(|(key, _)| key.strip_suffix("_all.csv").map(|k| format!("{k}.csv")))
        .collect();
    databases
        .into_iter()
        .filter(|(key, _)| !whole.contains(key))
        .map(|(key, file)| match key.strip_suffix("_all.csv") {
            Some(stem) => (format!("{stem}.csv"), file),
            None => (key, file),
        })
        .collect()
}

/// The page of the nearest folder above `key` that is a page's or a database's.
fn parent_of(key: &str, keys: &[String]) -> Option<String> {
    let mut folder = folder_of(key);
    while !folder.is_empty() {
        for ext in [".md", ".csv"] {
            let candidate = format!("{folder}{ext}");
            if keys.contains(&candidate) {
                return Some(candidate);
            }
        }
        folder = folder_of(folder);
    }
    None
}

fn page(key: &str, file: &Path, text: &str) -> SpacePage {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let stem = key
        .rsplit('/')
        .next()
        .unwrap_or(key)
        .trim_end_matches(".md");
    let (title, body) = match text.strip_prefix("# ") {
        Some(rest) => {
            let (first, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (first.trim().to_string(), body.to_string())
        }
        None => (bare(stem).to_string(), text.clone()),
    };
    let title = if title.is_empty() {
        bare(stem).to_string()
    } else {
        title
    };
    SpacePage {
        key: key.to_string(),
        file: file.to_path_buf(),
        old_address: id_of(stem).map(|id| public_path(&title, id)),
        title,
        body: asides(&body),
        ..SpacePage::default()
    }
}

/// The path Notion publishes a page at: `Page-Title-<id>`.
fn public_path(title: &str, id: &str) -> String {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        id.to_string()
    } else {
        format!("{}-{id}", words.join("-"))
    }
}

/// Notion's callouts (`<aside>` with the callout's emoji first) as alerts.
fn asides(body: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<String> = None;
    for line in body.lines() {
        let trimmed = line.trim();
        match inside.as_mut() {
            None if trimmed == "<aside>" => inside = Some(String::new()),
            None => {
                out.push_str(line);
                out.push('\n');
            }
            Some(text) if trimmed == "</aside>" => {
                out.push_str(&alert("[!NOTE]", &without_icon(text)));
                inside = None;
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    if let Some(text) = inside {
        out.push_str(&alert("[!NOTE]", &without_icon(&text)));
    }
    out
}

fn without_icon(text: &str) -> String {
    let text = text.trim_start();
    // A custom icon is an image of notion.so: `<img src="…" … />`.
    if let Some(rest) = text.strip_prefix("<img ") {
        if let Some(end) = rest.find('>') {
            return rest[end + 1..].trim_start().to_string();
        }
    }
    match text.split_once(char::is_whitespace) {
        Some((first, rest)) if !first.chars().any(char::is_alphanumeric) => {
            rest.trim_start().to_string()
        }
        _ => text.to_string(),
    }
}

/// A database: a page listing its rows, and each row's columns in the front
/// matter of the row's page.
fn database(space: &mut Space, key: &str, file: &Path, topics: &Topics) {
    let rows = match std::fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|t| {
            csv::parse(&t).map_err(|line| format!("a quote opened on line {line} is never closed"))
        }) {
        Ok(rows) => rows,
        Err(e) => {
            space.problems.push(
                Diagnostic::warning(file, format!("cannot read this database: {e}: its rows are imported without their columns"))
                    .hint("export the workspace again as Markdown & CSV"),
            );
            return;
        }
    };
    let folder = key.trim_end_matches(".csv");
    let stem = folder.rsplit('/').next().unwrap_or(folder);
    let Some((header, rows)) = rows.split_first() else {
        return;
    };
    let mut list = String::new();
    for row in rows {
        let name = row.first().map_or("", |n| n.trim());
        let in_folder = |p: &&mut SpacePage| folder_of(&p.key) == folder && p.title.trim() == name;
        let Some(page) = space.pages.iter_mut().find(in_folder) else {
            list.push_str(&format!("- {name}\n"));
            continue;
        };
        let link = page.key.rsplit('/').next().unwrap_or(&page.key);
        let encoded = percent_encoding::utf8_percent_encode(
            &format!("{stem}/{link}"),
            percent_encoding::NON_ALPHANUMERIC,
        )
        .to_string();
        list.push_str(&format!("- [{name}]({encoded})\n"));
        columns(page, header, row, topics);
    }
    space.pages.push(SpacePage {
        key: key.to_string(),
        file: file.to_path_buf(),
        title: bare(stem).to_string(),
        body: list,
        ..SpacePage::default()
    });
}

fn columns(page: &mut SpacePage, header: &[String], row: &[String], topics: &Topics) {
    let mut extra = BTreeMap::new();
    let mut dates = Vec::new();
    for (column, value) in header.iter().zip(row).skip(1) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let name = column.trim().to_lowercase();
        match name.as_str() {
            "tags" | "topics" => {
                let mut unknown = Vec::new();
                for tag in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                    match topic_of(tag, topics) {
                        Some(t) if !page.topics.contains(&t) => page.topics.push(t),
                        Some(_) => {}
                        None => unknown.push(tag),
                    }
                }
                if !unknown.is_empty() {
                    extra.insert(snake_case(column), unknown.join(", "));
                }
            }
            "created" | "created time" | "last edited time" | "last edited" | "updated"
                if date(value).is_some() =>
            {
                dates.extend(date(value));
            }
            _ => {
                extra.insert(snake_case(column), without_paths(value));
            }
        }
    }
    extra.retain(|k, _| !k.is_empty());
    page.updated = dates
        .into_iter()
        .max()
        .map(|d| d.format("%Y-%m-%d").to_string());
    page.extra = extra.into_iter().collect();
    page.body = without_properties(&page.body, header);
}

/// A relation's value names each page with its path, percent-encoded
/// (`Write copy (Tasks%20…/Write%20copy%20<id>.md)`): the titles alone.
fn without_paths(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find(" (") {
        let inner = &rest[at + 2..];
        match inner.find(')') {
            Some(end)
                if !inner[..end].contains(' ')
                    && (inner[..end].ends_with(".md") || inner[..end].ends_with(".csv")) =>
            {
                out.push_str(&rest[..at]);
                rest = &inner[end + 1..];
            }
            _ => {
                out.push_str(&rest[..at + 2]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Notion repeats a row's columns as `Column: value` lines under the title.
fn without_properties(body: &str, header: &[String]) -> String {
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.peek() {
        let is_property = line
            .split_once(": ")
            .is_some_and(|(k, _)| header.iter().any(|h| h.trim() == k.trim()));
        if line.trim().is_empty() || is_property {
            lines.next();
        } else {
            break;
        }
    }
    lines.collect::<Vec<_>>().join("\n") + "\n"
}

fn snake_case(column: &str) -> String {
    let slug = crate::text::slug::slugify(column).replace('-', "_");
    slug.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Notion's dates: `January 5, 2024 3:04 PM`, `Jan 5, 2024`, `2024-01-05`.
fn date(text: &str) -> Option<NaiveDate> {
    if let Some(iso) = text.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
            return Some(d);
        }
    }
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    let day = words.join(" ");
    ["%B %d, %Y", "%b %d, %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&day, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_ids_and_asides_become_notes() {
        assert_eq!(
            bare("Getting Started 0123456789abcdef0123456789abcdef"),
            "Getting Started"
        );
        assert_eq!(bare("Plain"), "Plain");
        assert_eq!(public_path("Refunds & returns", "ab"), "Refunds-returns-ab");
        assert_eq!(
            asides("Intro\n\n<aside>\n💡 Ask **first**.\n\n</aside>\n\nEnd\n"),
            "Intro\n\n> [!NOTE]\n> Ask **first**.\n\nEnd\n"
        );
    }

    #[test]
    fn columns_become_front_matter() {
        let topics = crate::content::topics::parse(
            Path::new("topics.toml"),
            "[empathy]\nlabel = { en = \"Empathy\" }\n",
        )
        .unwrap();
        let mut page = SpacePage {
            body: "Tags: x\nOwner: Ana\n\nText\n".into(),
            ..SpacePage::default()
        };
        let header: Vec<String> = ["Name", "Tags", "Last edited time", "Owner", "Due date"]
            .map(String::from)
            .to_vec();
        let row: Vec<String> = ["A", "Empathy, phone", "January 5, 2024 3:04 PM", "Ana", ""]
            .map(String::from)
            .to_vec();
        columns(&mut page, &header, &row, &topics);
        assert_eq!(page.topics, ["empathy"]);
        assert_eq!(page.updated.as_deref(), Some("2024-01-05"));
        assert_eq!(
            page.extra,
            [
                ("owner".to_string(), "Ana".to_string()),
                ("tags".to_string(), "phone".to_string())
            ]
        );
        assert_eq!(page.body, "Text\n");
    }

    #[test]
    fn relations_keep_their_titles_and_custom_icons_go() {
        assert_eq!(
            without_paths(
                "Write copy (Tasks%20ab/Write%20copy%20cd.md), Call (Call%20ef.md), Plan (v2)"
            ),
            "Write copy, Call, Plan (v2)"
        );
        assert_eq!(
            asides("<aside>\n<img src=\"https://www.notion.so/icons/stars_gray.svg\" alt=\"x\" width=\"40px\" /> **Tip:** Ask.\n</aside>\n"),
            "> [!NOTE]\n> **Tip:** Ask.\n"
        );
    }

    #[test]
    fn a_database_with_all_its_rows_is_read_under_its_name() {
        let dbs = ["A 1.csv", "A 1_all.csv", "B 2_all.csv", "C 3.csv"]
            .map(|k| (k.to_string(), std::path::PathBuf::from(k)))
            .to_vec();
        let read: Vec<(String, String)> = all_rows(dbs)
            .into_iter()
            .map(|(k, f)| (k, f.display().to_string()))
            .collect();
        assert_eq!(
            read,
            [
                ("A 1.csv".to_string(), "A 1_all.csv".to_string()),
                ("B 2.csv".to_string(), "B 2_all.csv".to_string()),
                ("C 3.csv".to_string(), "C 3.csv".to_string())
            ]
        );
    }
}
