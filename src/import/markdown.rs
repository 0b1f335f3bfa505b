//! Markdown files keep their front matter, TOML (`+++`) or YAML (`---`):
//! the keys they lack are added in the same syntax, after the existing
//! ones, so what an author wrote stays as written, unless it has keys
//! polybook does not know: those move under `extra` and the front matter is
//! written anew (`with_unknown_under_extra`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Toml,
    Yaml,
}

#[derive(Debug, PartialEq)]
pub struct Front {
    pub style: Style,
    /// The lines between the fences, each ending with `\n`.
    pub raw: String,
    pub title: Option<String>,
    pub slug: Option<String>,
    pub keys: Vec<String>,
}

/// A Markdown file: its front matter, if any, and its body with the
/// 0-based line the body starts on.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    pub front: Option<Front>,
    pub body: &'a str,
    pub body_line: usize,
}

/// The fences found as the build finds them (`content::front_matter::split`);
/// a file that opens none is all body.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    use crate::content::front_matter::{self as fm, Format};
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    if !matches!(first.trim_end(), "+++" | "---") {
        return Ok(Split {
            front: None,
            body: text,
            body_line: 0,
        });
    }
    let found = fm::split(std::path::Path::new(""), text).map_err(|d| d.message)?;
    let style = match found.format {
        Format::Toml => Style::Toml,
        Format::Yaml => Style::Yaml,
    };
    Ok(Split {
        front: Some(parse(style, found.front_matter)?),
        body: found.body,
        body_line: text[..found.body_offset].lines().count(),
    })
}

fn parse(style: Style, raw: &str) -> Result<Front, String> {
    let (keys, title, slug) = match style {
        Style::Toml => {
            let table: toml::Table = toml::from_str(raw)
                .map_err(|e| format!("its TOML front matter does not parse: {}", e.message()))?;
            let text = |k: &str| table.get(k).and_then(|v| v.as_str()).map(str::to_string);
            (table.keys().cloned().collect(), text("title"), text("slug"))
        }
        Style::Yaml => {
            let map: serde_norway::Mapping = if raw.trim().is_empty() {
                serde_norway::Mapping::new()
            } else {
                serde_norway::from_str(raw)
                    .map_err(|e| format!("its YAML front matter does not parse: {e}"))?
            };
            let text = |k: &str| map.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let keys = map
                .keys()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            (keys, text("title"), text("slug"))
        }
    };
    Ok(Front {
        style,
        raw: raw.to_string(),
        title,
        slug,
        keys,
    })
}

/// `front` with its top-level keys that are not in `known` moved under
/// `extra` (merged with an `extra` it has), and those keys; `None` when it
/// has none. Rewritten in its own syntax: comments and layout are not kept.
pub fn with_unknown_under_extra(front: &Front, known: &[&str]) -> Option<(Front, Vec<String>)> {
    let unknown: Vec<String> = front
        .keys
        .iter()
        .filter(|k| !known.contains(&k.as_str()))
        .cloned()
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let raw = match front.style {
        Style::Toml => {
            let mut table: toml::Table = toml::from_str(&front.raw).ok()?;
            let mut extra = match table.remove("extra") {
                Some(toml::Value::Table(t)) => t,
                Some(other) => toml::Table::from_iter([("extra".to_string(), other)]),
                None => toml::Table::new(),
            };
            for key in &unknown {
                if let Some(value) = table.remove(key) {
                    extra.insert(key.clone(), value);
                }
            }
            table.insert("extra".into(), toml::Value::Table(extra));
            toml::to_string(&table).ok()?
        }
        Style::Yaml => {
            let mut map: serde_norway::Mapping = serde_norway::from_str(&front.raw).ok()?;
            let mut extra = match map.remove("extra") {
                Some(serde_norway::Value::Mapping(m)) => m,
                Some(other) => serde_norway::Mapping::from_iter([("extra".into(), other)]),
                None => serde_norway::Mapping::new(),
            };
            for key in &unknown {
                if let Some(value) = map.remove(key.as_str()) {
                    extra.insert(key.as_str().into(), value);
                }
            }
            map.insert("extra".into(), serde_norway::Value::Mapping(extra));
            serde_norway::to_string(&map).ok()?
        }
    };
    let raw = if raw.ends_with('\n') { raw } else { raw + "\n" };
    Some((parse(front.style, &raw).ok()?, unknown))
}

/// A value to add to front matter.
#[derive(Debug, Clone)]
pub enum Value {
    Text(String),
    Bool(bool),
}

impl Value {
    fn toml(&self) -> String {
        match self {
            Value::Text(s) => toml::Value::String(s.clone()).to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }
    fn yaml(&self) -> String {
        match self {
            // A JSON string is a YAML double-quoted scalar.
            Value::Text(s) => serde_json::to_string(s).unwrap_or_default(),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// Front matter with `added` keys that `front` lacks, fences included.
pub fn with_keys(front: Option<&Front>, added: &[(&str, Value)]) -> String {
    let style = front.map_or(Style::Toml, |f| f.style);
    let raw = front.map_or("", |f| f.raw.as_str());
    let new: Vec<String> = added
        .iter()
        .filter(|(k, _)| !front.is_some_and(|f| f.keys.iter().any(|have| have == k)))
        .map(|(k, v)| match style {
            Style::Toml => format!("{k} = {}\n", v.toml()),
            Style::Yaml => format!("{k}: {}\n", v.yaml()),
        })
        .collect();
    let fence = if style == Style::Toml { "+++" } else { "---" };
    // In TOML, keys after a `[table]` header would belong to that table.
    let cut = match style {
        Style::Toml => table_start(raw),
        Style::Yaml => raw.len(),
    };
    format!(
        "{fence}\n{}{}{}{fence}\n",
        &raw[..cut],
        new.concat(),
        &raw[cut..]
    )
}

fn table_start(raw: &str) -> usize {
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return offset;
        }
        offset += line.len();
    }
    raw.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_gets_missing_keys_before_tables() {
        let s = split("+++\ntitle = \"Guia\"\n[extra]\nx = 1\n+++\nTexto\n").unwrap();
        let front = s.front.unwrap();
        assert_eq!(front.title.as_deref(), Some("Guia"));
        assert_eq!((s.body, s.body_line), ("Texto\n", 5));
        let out = with_keys(
            Some(&front),
            &[
                ("title", Value::Text("X".into())),
                ("draft", Value::Bool(true)),
            ],
        );
        assert_eq!(
            out,
            "+++\ntitle = \"Guia\"\ndraft = true\n[extra]\nx = 1\n+++\n"
        );
    }

    #[test]
    fn yaml_stays_yaml() {
        let s = split("---\ntitle: Vodič\n---\nTekst\n").unwrap();
        let out = with_keys(
            s.front.as_ref(),
            &[("source", Value::Text("a \"b\".md".into()))],
        );
        assert_eq!(out, "---\ntitle: Vodič\nsource: \"a \\\"b\\\".md\"\n---\n");
    }

    #[test]
    fn broken_front_matter_is_an_error_and_none_is_fine() {
        assert!(split("+++\ntitle = \n+++\n").is_err());
        assert!(split("---\ntitle: x\n").is_err());
        let s = split("# Título\n\nTexto").unwrap();
        assert!(s.front.is_none());
        assert_eq!(
            with_keys(None, &[("draft", Value::Bool(true))]),
            "+++\ndraft = true\n+++\n"
        );
    }
}
