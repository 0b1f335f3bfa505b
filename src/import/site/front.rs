//! A docs page's front matter, whichever tool wrote it, as polybook's: the
//! keys every tool has (title, description, order, slug, draft, tags, last
//! update, old addresses, translation key) mapped, every other one kept under
//! `[extra]`, where it never stops a build.

use serde_json::{Map, Value};

/// Front matter read from a source page, mapped.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Mapped {
    pub title: Option<String>,
    pub description: Option<String>,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub draft: bool,
    /// `tags`/`keywords`: topics where they name one.
    pub tags: Vec<String>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    pub aliases: Vec<String>,
    pub translation_key: Option<String>,
    pub extra: Map<String, Value>,
    /// (source key, where it went), for the summary line.
    pub moved: Vec<(String, &'static str)>,
}

/// A value that cannot be what its key says: nothing is written for the page.
#[derive(Debug, PartialEq)]
pub struct WrongValue {
    /// 1-based, within the front matter text.
    pub line: usize,
    pub message: String,
}

/// The front matter as a map, from YAML or TOML text.
pub fn read(text: &str, yaml: bool) -> Result<Map<String, Value>, String> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    let value: Value = if yaml {
        serde_norway::from_str(text).map_err(|e| e.to_string())?
    } else {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
        serde_json::to_value(table).map_err(|e| e.to_string())?
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err("the front matter is not a list of keys and values".into()),
    }
}

/// Maps the keys of `map`; `text` is the front matter as written, to find lines in.
pub fn map(mut map: Map<String, Value>, text: &str) -> Result<Mapped, WrongValue> {
    let mut mapped = Mapped::default();
    let wrong = |key: &str, what: &str| WrongValue {
        line: key_line(text, key),
        message: format!("`{key}` should be {what}"),
    };
    if let Some(v) = map.remove("title") {
        mapped.title = Some(text_of(&v).ok_or_else(|| wrong("title", "text"))?);
    }
    for key in ["description", "summary", "excerpt"] {
        if let Some(v) = map.remove(key) {
            let value = text_of(&v).ok_or_else(|| wrong(key, "text"))?;
            if mapped.description.is_none() {
                mapped.description = Some(value);
                mapped.moved.push((key.to_string(), "description"));
            }
        }
    }
    for key in [
        "sidebar_position",
        "weight",
        "nav_order",
        "order",
        "position",
    ] {
        if let Some(v) = map.remove(key) {
            let n = number_of(&v).ok_or_else(|| wrong(key, "a number"))?;
            mapped.weight.get_or_insert(n);
            mapped.moved.push((key.to_string(), "weight"));
        }
    }
    if let Some(Value::Object(sidebar)) = map.get_mut("sidebar") {
        if let Some(order) = sidebar.remove("order") {
            let n = number_of(&order).ok_or_else(|| wrong("order", "a number"))?;
            mapped.weight.get_or_insert(n);
            mapped.moved.push(("sidebar.order".into(), "weight"));
        }
    }
    if let Some(v) = map.remove("slug") {
        mapped.slug = Some(text_of(&v).ok_or_else(|| wrong("slug", "text"))?);
    }
    for key in ["draft", "unlisted"] {
        if let Some(v) = map.remove(key) {
            let Value::Bool(b) = v else {
                return Err(wrong(key, "true or false"));
            };
            mapped.draft |= b && key == "draft";
            if key == "unlisted" {
                mapped.extra.insert(key.into(), Value::Bool(b));
            }
        }
    }
    for key in ["tags", "keywords", "categories"] {
        if let Some(v) = map.remove(key) {
            let list = list_of(&v).ok_or_else(|| wrong(key, "a list of words"))?;
            mapped.tags.extend(list);
            mapped.moved.push((key.to_string(), "topics"));
        }
    }
    for key in ["lastUpdated", "last_update", "lastmod", "date", "updated"] {
        if let Some(v) = map.remove(key) {
            let date = match &v {
                Value::Object(o) => o.get("date").and_then(date_of),
                // `lastUpdated: false` turns the line off in Starlight.
                Value::Bool(_) => continue,
                other => date_of(other),
            };
            let date = date.ok_or_else(|| wrong(key, "a date like 2024-05-01"))?;
            mapped.updated.get_or_insert(date);
            mapped.moved.push((key.to_string(), "updated"));
        }
    }
    for key in ["aliases", "redirect_from"] {
        if let Some(v) = map.remove(key) {
            let list = list_of(&v).ok_or_else(|| wrong(key, "a list of addresses"))?;
            mapped.aliases.extend(list);
            mapped.moved.push((key.to_string(), "aliases"));
        }
    }
    for key in ["translationKey", "translation_key"] {
        if let Some(v) = map.remove(key) {
            mapped.translation_key = Some(text_of(&v).ok_or_else(|| wrong(key, "text"))?);
        }
    }
    for (key, value) in map {
        if value.is_null() {
            continue;
        }
        mapped.moved.push((key.clone(), "[extra]"));
        mapped.extra.insert(key, value);
    }
    Ok(mapped)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64)),
        Value::String(s) => s.trim().parse::<f64>().ok().map(|f| f.round() as i64),
        _ => None,
    }
}

fn list_of(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                // Docusaurus tags may be objects with a label.
                Value::Object(o) => o.get("label").and_then(text_of),
                other => text_of(other),
            })
            .collect(),
        Value::String(s) => Some(
            s.split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
        ),
        _ => None,
    }
}

fn date_of(v: &Value) -> Option<String> {
    let text = text_of(v)?;
    let day = text.get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(day.to_string())
}

/// The 1-based line of `key` in front matter `text` (1 when not found).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with(':') || rest.starts_with('=')
            })
        })
        .map_or(1, |i| i + 1)
}

/// The value as TOML can hold it: nulls dropped, keys as text.
pub fn toml_value(v: &Value) -> Option<toml::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64()?),
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(items) => toml::Value::Array(items.iter().filter_map(toml_value).collect()),
        Value::Object(map) => toml::Value::Table(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), toml_value(v)?)))
                .collect(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<Mapped, WrongValue> {
        map(read(text, true).unwrap(), text)
    }

    #[test]
    fn each_tools_keys_are_mapped_and_the_rest_kept() {
        let m = yaml("title: Rutas\ndescription: Cómo\nsidebar:\n  order: 3\n  label: R\ntemplate: splash\ntags: [a, b]\nlastUpdated: 2024-05-02T10:00:00Z\nredirect_from:\n  - /old/\nhero: ~\n").unwrap();
        assert_eq!(m.title.as_deref(), Some("Rutas"));
        assert_eq!(m.description.as_deref(), Some("Cómo"));
        assert_eq!(m.weight, Some(3));
        assert_eq!(m.tags, ["a", "b"]);
        assert_eq!(m.updated.as_deref(), Some("2024-05-02"));
        assert_eq!(m.aliases, ["/old/"]);
        assert_eq!(m.extra["template"], "splash");
        assert_eq!(m.extra["sidebar"]["label"], "R");
        assert!(!m.extra.contains_key("hero"));
        let m = yaml(
            "sidebar_position: 2.5\nslug: /intro\ndraft: true\nlast_update:\n  date: 2023-01-01\n",
        )
        .unwrap();
        assert_eq!(
            (m.weight, m.slug.as_deref(), m.draft),
            (Some(3), Some("/intro"), true)
        );
        assert_eq!(m.updated.as_deref(), Some("2023-01-01"));
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_line() {
        let e = yaml("description: x\ntitle:\n  - a\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.message, "`title` should be text");
        assert!(yaml("weight: many\n").is_err());
        assert!(yaml("date: yesterday\n").is_err());
    }

    #[test]
    fn toml_front_matter_maps_too() {
        let text = "title = \"Guia\"\nweight = 4\ntranslationKey = \"g\"\n[params]\nx = 1\n";
        let m = map(read(text, false).unwrap(), text).unwrap();
        assert_eq!(
            (m.weight, m.translation_key.as_deref()),
            (Some(4), Some("g"))
        );
        assert_eq!(m.extra["params"]["x"], 1);
    }
}
