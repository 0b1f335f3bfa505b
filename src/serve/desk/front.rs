//! The desk's form over a page's front matter: the fields it shows, and the
//! page's new text with only the fields the editor changed rewritten. Every
//! other byte stays as it was (key order, comments, spacing, the body's line
//! endings), so a save shows in `git diff` as exactly the editor's change.

use crate::content::front_matter::{self, Format, FrontMatter};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The fields of the form. In a request, `None` means "not changed"; from
/// [`Fields::of`], every field is filled.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    pub title: Option<String>,
    pub description: Option<String>,
    pub topics: Option<Vec<String>>,
    /// Empty removes the key.
    pub owner: Option<String>,
    pub draft: Option<bool>,
    pub weight: Option<i64>,
    /// `YYYY-MM-DD`; empty removes the key.
    pub reviewed: Option<String>,
    /// Empty removes the key.
    pub translation_key: Option<String>,
}

impl Fields {
    /// The form's values for a page as it is.
    pub fn of(front: &FrontMatter) -> Fields {
        Fields {
            title: Some(front.title.clone()),
            description: Some(front.description.clone()),
            topics: Some(front.topics.clone()),
            owner: Some(front.owner.clone().unwrap_or_default()),
            draft: Some(front.draft),
            weight: Some(front.weight),
            reviewed: Some(front.reviewed.map(|d| d.to_string()).unwrap_or_default()),
            translation_key: Some(front.translation_key.clone().unwrap_or_default()),
        }
    }
}

/// One key's new value, as the form gives it.
#[derive(Debug, Clone, PartialEq)]
enum Edit {
    Text(String),
    List(Vec<String>),
    Bool(bool),
    Int(i64),
    Date(String),
    Remove,
}

/// The keys `changes` really changes against `front`, in the form's order.
fn edits(front: &FrontMatter, changes: &Fields) -> Result<Vec<(&'static str, Edit)>, String> {
    let now = Fields::of(front);
    let mut edits = Vec::new();
    let text = |key, new: &Option<String>, old: &Option<String>, optional: bool| {
        let new = new.as_ref().filter(|n| Some(*n) != old.as_ref())?;
        Some(match (optional, new.trim().is_empty()) {
            (true, true) => (key, Edit::Remove),
            _ => (key, Edit::Text(new.clone())),
        })
    };
    edits.extend(text("title", &changes.title, &now.title, false));
    edits.extend(text(
        "description",
        &changes.description,
        &now.description,
        false,
    ));
    if let Some(topics) = changes
        .topics
        .as_ref()
        .filter(|t| Some(*t) != now.topics.as_ref())
    {
        edits.push(("topics", Edit::List(topics.clone())));
    }
    edits.extend(text("owner", &changes.owner, &now.owner, true));
    if let Some(draft) = changes.draft.filter(|d| Some(*d) != now.draft) {
        edits.push(("draft", Edit::Bool(draft)));
    }
    if let Some(weight) = changes.weight.filter(|w| Some(*w) != now.weight) {
        edits.push(("weight", Edit::Int(weight)));
    }
    if let Some(day) = changes
        .reviewed
        .as_ref()
        .filter(|d| Some(*d) != now.reviewed.as_ref())
    {
        if day.is_empty() {
            edits.push(("reviewed", Edit::Remove));
        } else if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() {
            edits.push(("reviewed", Edit::Date(day.clone())));
        } else {
            return Err(format!("`{day}` is not a date written YYYY-MM-DD"));
        }
    }
    edits.extend(text(
        "translation_key",
        &changes.translation_key,
        &now.translation_key,
        true,
    ));
    Ok(edits)
}

/// The text a new page starts from: TOML front matter the edits fill in.
pub const NEW_PAGE: &str = "+++\ntitle = \"\"\n+++\n";

/// `original` with the changed fields rewritten and `body` as its body.
/// Fails, with a message for the editor, when `original` has no front matter
/// that parses or a field's value is not valid.
pub fn compose(original: &str, changes: &Fields, body: &str) -> Result<String, String> {
    let path = Path::new("page.md");
    let split = front_matter::split(path, original).map_err(|d| d.message)?;
    let front: FrontMatter = front_matter::parse(path, original, &split).map_err(|d| d.message)?;
    let edits = edits(&front, changes)?;
    let new_front = match split.format {
        _ if edits.is_empty() => split.front_matter.to_string(),
        Format::Toml => toml_edited(split.front_matter, &edits)?,
        Format::Yaml => yaml_edited(split.front_matter, &edits),
    };
    let old_body = split.body;
    let crlf =
        old_body.contains("\r\n") || (old_body.is_empty() && split.front_matter.contains("\r\n"));
    let lf_body = body.replace("\r\n", "\n");
    let new_body = if lf_body == old_body.replace("\r\n", "\n") {
        old_body.to_string()
    } else if crlf {
        lf_body.replace('\n', "\r\n")
    } else {
        lf_body
    };
    let front_end = split.front_matter_offset + split.front_matter.len();
    let mut text = String::with_capacity(original.len() + body.len());
    text.push_str(&original[..split.front_matter_offset]);
    text.push_str(&new_front);
    text.push_str(&original[front_end..split.body_offset]);
    text.push_str(&new_body);
    Ok(text)
}

/// TOML front matter with `edits` applied by `toml_edit`, which keeps the
/// rest of the text as written; a replaced value keeps its spacing and the
/// comment after it.
fn toml_edited(front: &str, edits: &[(&str, Edit)]) -> Result<String, String> {
    use toml_edit::{Array, DocumentMut, Item, Value};
    let mut doc: DocumentMut = front
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let table = doc.as_table_mut();
    for (key, edit) in edits {
        let was_string = table.get(key).and_then(Item::as_str).is_some();
        let mut value: Value = match edit {
            Edit::Remove => {
                table.remove(key);
                continue;
            }
            Edit::Text(s) => s.as_str().into(),
            Edit::List(items) => Value::Array(items.iter().map(String::as_str).collect::<Array>()),
            Edit::Bool(b) => (*b).into(),
            Edit::Int(n) => (*n).into(),
            // A date is written as a TOML date, unless the page wrote it as a string.
            Edit::Date(day) if was_string => day.as_str().into(),
            Edit::Date(day) => match day.parse::<toml_edit::Datetime>() {
                Ok(date) => date.into(),
                Err(e) => return Err(e.to_string()),
            },
        };
        match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }
    // toml_edit writes `\n` line ends: a file written with `\r\n` keeps them.
    let text = doc.to_string();
    Ok(if front.contains("\r\n") {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    })
}

/// YAML front matter with `edits` applied line by line: a key's line (and
/// the indented or `- ` lines of a block value under it) is replaced, a new
/// key goes last. Values are written in JSON syntax, which YAML reads.
fn yaml_edited(front: &str, edits: &[(&str, Edit)]) -> String {
    let newline = if front.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = front.split_inclusive('\n').map(str::to_string).collect();
    for (key, edit) in edits {
        let written = match edit {
            Edit::Remove => None,
            Edit::Text(s) => Some(serde_json::Value::from(s.as_str()).to_string()),
            Edit::List(items) => Some(serde_json::Value::from(items.clone()).to_string()),
            Edit::Bool(b) => Some(b.to_string()),
            Edit::Int(n) => Some(n.to_string()),
            Edit::Date(day) => Some(day.clone()),
        };
        let new_line = written.map(|v| format!("{key}: {v}{newline}"));
        let start = lines.iter().position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        match start {
            Some(start) => {
                let block = lines[start + 1..]
                    .iter()
                    .take_while(|l| l.starts_with([' ', '\t']) || l.starts_with("- "))
                    .count();
                let replaced: Vec<String> = new_line.into_iter().collect();
                lines.splice(start..start + 1 + block, replaced);
            }
            None => {
                if let Some(line) = new_line {
                    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
                        lines.last_mut().expect("checked").push_str(newline);
                    }
                    lines.push(line);
                }
            }
        }
    }
    lines.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "+++\r\n# The title readers see\r\ntitle = \"Ouvir\"   # short\r\nweight = 3\r\ntopics = [\"calm\"]\r\n\r\n[extra]\r\nx = 1\r\n+++\r\nCorpo.\r\nSegunda linha.\r\n";

    #[test]
    fn nothing_changed_is_the_same_bytes() {
        let same = Fields::of(&parsed(PAGE));
        assert_eq!(
            compose(PAGE, &same, "Corpo.\nSegunda linha.\n").unwrap(),
            PAGE
        );
        assert_eq!(
            compose(PAGE, &Fields::default(), "Corpo.\r\nSegunda linha.\r\n").unwrap(),
            PAGE
        );
    }

    fn parsed(text: &str) -> FrontMatter {
        let path = Path::new("p.md");
        let split = front_matter::split(path, text).unwrap();
        front_matter::parse(path, text, &split).unwrap()
    }

    #[test]
    fn a_changed_title_keeps_comments_order_and_line_endings() {
        let changes = Fields {
            title: Some("Escutar".into()),
            ..Fields::default()
        };
        let text = compose(PAGE, &changes, "Corpo novo.\nSegunda linha.\n").unwrap();
        assert_eq!(
            text,
            PAGE.replace("\"Ouvir\"", "\"Escutar\"")
                .replace("Corpo.", "Corpo novo.")
        );
    }

    #[test]
    fn new_keys_go_after_the_others_and_empty_optional_ones_leave() {
        let changes = Fields {
            owner: Some("Ana".into()),
            reviewed: Some("2026-03-01".into()),
            draft: Some(true),
            ..Fields::default()
        };
        let text = compose(
            "+++\ntitle = \"A\"\nowner = \"Rui\"\n+++\nB\n",
            &changes,
            "B\n",
        )
        .unwrap();
        assert_eq!(
            text,
            "+++\ntitle = \"A\"\nowner = \"Ana\"\ndraft = true\nreviewed = 2026-03-01\n+++\nB\n"
        );
        let gone = Fields {
            owner: Some(String::new()),
            ..Fields::default()
        };
        assert_eq!(
            compose(&text, &gone, "B\n").unwrap(),
            "+++\ntitle = \"A\"\ndraft = true\nreviewed = 2026-03-01\n+++\nB\n"
        );
    }

    #[test]
    fn yaml_front_matter_is_edited_line_by_line() {
        let page = "---\ntitle: Ouvir # keep\ntopics:\n  - calm\nweight: 2\n---\nB\n";
        let changes = Fields {
            topics: Some(vec!["calm".into(), "listen".into()]),
            ..Fields::default()
        };
        assert_eq!(
            compose(page, &changes, "B\n").unwrap(),
            "---\ntitle: Ouvir # keep\ntopics: [\"calm\",\"listen\"]\nweight: 2\n---\nB\n"
        );
    }

    #[test]
    fn bad_input_is_refused_with_a_message() {
        assert!(compose("no front matter", &Fields::default(), "").is_err());
        assert!(compose("+++\ntitle = \n+++\n", &Fields::default(), "").is_err());
        let bad_day = Fields {
            reviewed: Some("yesterday".into()),
            ..Fields::default()
        };
        assert!(compose(NEW_PAGE, &bad_day, "")
            .unwrap_err()
            .contains("yesterday"));
    }
}
