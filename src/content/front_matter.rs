//! Splits a page into front matter and body, then parses the front matter
//! (TOML between `+++` lines, or YAML between `---` lines) into [`FrontMatter`].

use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::shape::{self, Field, Kind, Syntax};
use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer};
use std::fmt;
use std::path::Path;
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Yaml,
}

/// The parts of a source file, with the byte offsets needed to map positions back.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Format,
    pub front_matter: &'a str,
    /// Byte offset of `front_matter` in the file.
    pub front_matter_offset: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Separates front matter from body. A file without a fence is an error: every
/// page needs at least a title.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let (format, fence) = if rest.starts_with("+++") {
        (Format::Toml, "+++")
    } else if rest.starts_with("---") {
        (Format::Yaml, "---")
    } else {
        return Err(Diagnostic::error(path, "the page has no front matter")
            .at(Position::new(1, 1))
            .hint("start the file with a +++ line, title = \"…\", and a closing +++ line"));
    };
    let first_line_end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    if rest[..first_line_end].trim_end() != fence {
        return Err(Diagnostic::error(
            path,
            format!("the opening `{fence}` must be alone on its line"),
        )
        .at(Position::new(1, 1))
        .hint(format!("put what follows {fence} on the next line")));
    }
    let fm_start = bom + first_line_end;
    let mut offset = fm_start;
    for line in text[fm_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let body_offset = offset + line.len();
            return Ok(Split {
                format,
                front_matter: &text[fm_start..offset],
                front_matter_offset: fm_start,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        path,
        format!("the front matter is never closed by a `{fence}` line"),
    )
    .at(Position::new(1, 1))
    .hint(format!(
        "add a line with only {fence} after the last front matter key"
    )))
}

/// Front matter of an article. Unknown keys are rejected so typos are caught;
/// anything a theme wants beyond these goes under `extra`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub translation_key: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub weight: i64,
    /// Written `YYYY-MM-DD` (a TOML date or a string); validated here, once.
    #[serde(default, deserialize_with = "date")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub source: Option<String>,
    /// The page's address in its folder, instead of the one its file name
    /// gives (`content::address`); checked there.
    #[serde(default)]
    pub slug: Option<String>,
    /// When the text last changed (`YYYY-MM-DD`); `date` stands for it when absent.
    #[serde(default, deserialize_with = "date")]
    pub updated: Option<NaiveDate>,
    /// Who keeps the page current: a person or a team, as plain text.
    #[serde(default)]
    pub owner: Option<String>,
    /// When someone last checked that the page is still right.
    #[serde(default, deserialize_with = "date")]
    pub reviewed: Option<NaiveDate>,
    /// How often it must be checked (`"6 months"`), over `[review] every` of
    /// site.toml; a text that is no interval is reported by
    /// `content::check_documents`.
    #[serde(default)]
    pub review_every: Option<crate::calendar::IntervalSetting>,
    /// Old addresses of the page, as written; validated into
    /// [`super::Document::aliases`] when the page is read.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: serde_json::Value,
}

impl FrontMatter {
    /// Every key an article's front matter may have (`tests` holds this
    /// equal to the struct's fields): what an import keeps at the top level.
    pub const KEYS: &'static [&'static str] = &[
        "title",
        "description",
        "translation_key",
        "topics",
        "weight",
        "date",
        "draft",
        "source",
        "slug",
        "updated",
        "owner",
        "reviewed",
        "review_every",
        "aliases",
        "extra",
    ];

    /// When the text last changed, as far as the page says.
    pub fn changed(&self) -> Option<NaiveDate> {
        self.updated.or(self.date)
    }
}

/// Front matter of a section's `_index.md`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub extra: serde_json::Value,
}

/// What a kind of front matter may hold, for [`shape::check`]: the same as
/// its serde struct, with examples for help lines.
pub trait Shaped {
    const SHAPE: &'static shape::Table;
}

impl Shaped for FrontMatter {
    const SHAPE: &'static shape::Table = &shape::Table {
        fields: &[
            Field::new("title", Kind::Text, "\"Como ouvir\"").required(),
            Field::new("description", Kind::Text, "\"…\""),
            Field::new("translation_key", Kind::Text, "\"active-listening\""),
            Field::new("topics", Kind::TextList, "[\"empathy\"]"),
            Field::new("weight", Kind::WholeNumber, "10"),
            Field::new("date", Kind::Date, "2024-05-01"),
            Field::new("draft", Kind::Bool, "true"),
            Field::new("source", Kind::Text, "\"notes.txt\""),
            Field::new("slug", Kind::Text, "\"como-ouvir\""),
            Field::new("updated", Kind::Date, "2024-05-01"),
            Field::new("owner", Kind::Text, "\"Support team\""),
            Field::new("reviewed", Kind::Date, "2024-05-01"),
            Field::new("review_every", Kind::Text, "\"6 months\""),
            Field::new("aliases", Kind::TextList, "[\"/pt/old-page/\"]"),
            Field::new("extra", Kind::Any, ""),
        ],
        unknown_help: "put keys of your own under extra; the README lists every key",
    };
}

impl Shaped for SectionFrontMatter {
    const SHAPE: &'static shape::Table = &shape::Table {
        fields: &[
            Field::new("title", Kind::Text, "\"Atendimento\"").required(),
            Field::new("description", Kind::Text, "\"…\""),
            Field::new("weight", Kind::WholeNumber, "10"),
            Field::new("extra", Kind::Any, ""),
        ],
        unknown_help: "a section's _index.md has title, description, weight and extra",
    };
}

/// Parses the front matter of `split` into `T`, with positions relative to
/// the whole file; the first problem when there are several.
pub fn parse<T: de::DeserializeOwned + Shaped>(
    path: &Path,
    file_text: &str,
    split: &Split,
) -> Result<T, Diagnostic> {
    match parse_all(path, file_text, split) {
        Ok((front, problems)) => match problems.into_iter().next() {
            None => Ok(front),
            Some(first) => Err(first),
        },
        Err(mut problems) => Err(problems.remove(0)),
    }
}

/// Parses the front matter of `split` into `T` with every problem of its
/// keys and values, each once: `T` is read from the keys that fit, so the
/// page's other checks can still run. `Err` when it cannot be read at all
/// (a syntax error, a missing title): never empty.
pub fn parse_all<T: de::DeserializeOwned + Shaped>(
    path: &Path,
    file_text: &str,
    split: &Split,
) -> Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    let base = split.front_matter_offset;
    let (tree, syntax) = match split.format {
        Format::Toml => (shape::toml::parse(split.front_matter), Syntax::Toml),
        Format::Yaml => (shape::yaml::parse(split.front_matter), Syntax::Yaml),
    };
    let tree = tree.map_err(|p| vec![p.diagnostic(path, file_text, base)])?;
    let misfits = shape::check(&tree, Kind::Table(T::SHAPE), syntax);
    let problems: Vec<Diagnostic> = misfits
        .iter()
        .map(|p| p.diagnostic(path, file_text, base))
        .collect();
    let rest = shape::blank(split.front_matter, misfits.iter().flat_map(|p| &p.blank));
    match deserialize(path, file_text, split, &rest) {
        Ok(front) => Ok((front, problems)),
        Err(_) if !problems.is_empty() => Err(problems),
        Err(d) => Err(vec![d]),
    }
}

/// serde's reading of `front_matter` (`split`'s, or it with keys blanked);
/// its error only for what the shape does not say (a number too large).
fn deserialize<T: de::DeserializeOwned>(
    path: &Path,
    file_text: &str,
    split: &Split,
    front_matter: &str,
) -> Result<T, Diagnostic> {
    // Lines are counted only for an error: most files have none.
    let position = |offset: usize| LineIndex::new(file_text).position(file_text, offset);
    let hint = "fix the front matter syntax (TOML between +++ lines, YAML between --- lines)";
    match split.format {
        Format::Toml => toml::from_str(front_matter).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            Diagnostic::error(
                path,
                format!("front matter: {}", shape::one_line(e.message())),
            )
            .at(position(split.front_matter_offset + offset))
            .hint(hint)
        }),
        Format::Yaml => serde_norway::from_str(front_matter).map_err(|e| {
            let message = shape::yaml::without_positions(&e.to_string());
            Diagnostic::error(path, format!("front matter: {message}"))
                .at(position(split.front_matter_offset))
                .hint(hint)
        }),
    }
}

/// Accepts a TOML date or a `YYYY-MM-DD` string (the first ten characters of a
/// longer one, so a date-time gives its day).
fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    struct DateVisitor;
    impl<'de> de::Visitor<'de> for DateVisitor {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date like 2024-05-01")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let day = v.get(..10).unwrap_or(v);
            shape::parse_day(day).map(Some).map_err(E::custom)
        }
        // TOML dates arrive as a one-entry map holding their text.
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let Some((_, value)) = map.next_entry::<String, String>()? else {
                return Err(de::Error::custom("empty date"));
            };
            self.visit_str(&value)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(DateVisitor)
}

/// A front matter value that parsed but is wrong, for a diagnostic to point at.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    Title,
    /// The first entry of `topics` equal to this one.
    Topic(&'a str),
    Slug,
    Owner,
    Reviewed,
    ReviewEvery,
    /// The first entry of `aliases` equal to this one.
    Alias(&'a str),
}

/// Where `value` is in the file: from the TOML parser's spans, or, for YAML
/// (whose parser gives none), from a search of the text.
pub fn value_position(file_text: &str, split: &Split, value: Value) -> Position {
    let offset = match split.format {
        Format::Toml => toml_value_offset(split.front_matter, value),
        Format::Yaml => yaml_value_offset_by_search(split.front_matter, value),
    };
    LineIndex::new(file_text).position(file_text, split.front_matter_offset + offset)
}

/// The values of TOML front matter a diagnostic can point at, with their spans.
/// Parsed again only when a diagnostic needs a position (most pages have none).
#[derive(Deserialize)]
struct TomlSpans {
    title: Spanned<String>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    #[serde(default)]
    slug: Option<Spanned<String>>,
    #[serde(default)]
    owner: Option<Spanned<toml::Value>>,
    #[serde(default)]
    reviewed: Option<Spanned<toml::Value>>,
    #[serde(default)]
    review_every: Option<Spanned<toml::Value>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

/// Byte offset of `value` in TOML `front_matter` (which parsed before, so the
/// fallback to its start is never taken).
fn toml_value_offset(front_matter: &str, value: Value) -> usize {
    let Ok(spans) = toml::from_str::<TomlSpans>(front_matter) else {
        return 0;
    };
    let span = match value {
        Value::Title => Some(spans.title.span()),
        Value::Topic(topic) => spans
            .topics
            .iter()
            .find(|t| t.get_ref() == topic)
            .map(Spanned::span),
        Value::Slug => spans.slug.as_ref().map(Spanned::span),
        Value::Owner => spans.owner.as_ref().map(Spanned::span),
        Value::Reviewed => spans.reviewed.as_ref().map(Spanned::span),
        Value::ReviewEvery => spans.review_every.as_ref().map(Spanned::span),
        Value::Alias(alias) => spans
            .aliases
            .iter()
            .find(|a| a.get_ref() == alias)
            .map(Spanned::span),
    };
    span.map_or(0, |span| span.start)
}

/// Byte offset of `value` in YAML `front_matter`: the first `"value"` (or, failing
/// that, `value`) after the first line that starts with the value's key; the key
/// itself when neither is found.
fn yaml_value_offset_by_search(front_matter: &str, value: Value) -> usize {
    let (key, text) = match value {
        Value::Title => ("title", ""),
        Value::Topic(topic) => ("topics", topic),
        Value::Slug => ("slug", ""),
        Value::Owner => ("owner", ""),
        Value::Reviewed => ("reviewed", ""),
        Value::ReviewEvery => ("review_every", ""),
        Value::Alias(alias) => ("aliases", alias),
    };
    let key_start = front_matter
        .match_indices(key)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || front_matter.as_bytes()[i - 1] == b'\n')
        .unwrap_or(0);
    let after_key = &front_matter[key_start..];
    after_key
        .find(&format!("\"{text}\""))
        .or_else(|| after_key.find(text))
        .map_or(key_start, |i| key_start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_fields() {
        let e = toml::from_str::<FrontMatter>("title = \"A\"\nnot_a_key = 1\n").unwrap_err();
        let expected = e.message().split("expected one of ").nth(1).unwrap();
        let listed: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
        assert_eq!(listed, FrontMatter::KEYS, "{}", e.message());
        let shaped: Vec<&str> = FrontMatter::SHAPE.fields.iter().map(|f| f.key).collect();
        assert_eq!(shaped, FrontMatter::KEYS);
    }

    fn p() -> &'static Path {
        Path::new("content/pt/a.md")
    }

    #[test]
    fn splits_toml_and_yaml() {
        let toml_page = "+++\ntitle = \"A\"\n+++\nbody\n";
        let s = split(p(), toml_page).unwrap();
        assert_eq!(
            (s.format, s.front_matter, s.body),
            (Format::Toml, "title = \"A\"\n", "body\n")
        );
        let yaml_page = "---\r\ntitle: A\r\n---\r\nbody";
        let s = split(p(), yaml_page).unwrap();
        assert_eq!((s.format, s.body), (Format::Yaml, "body"));
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let err = split(p(), "+++\ntitle = \"A\"\nbody\n").unwrap_err();
        assert!(err.message.contains("never closed"));
    }

    #[test]
    fn toml_dates_and_string_dates_become_dates() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let page = "+++\ntitle = \"A\"\ndate = 2024-05-01\n+++\n";
        let s = split(p(), page).unwrap();
        let fm: FrontMatter = parse(p(), page, &s).unwrap();
        assert_eq!(fm.date, day(2024, 5, 1));
        let page = "+++\ntitle = \"A\"\ndate = 2024-05-03T10:00:00Z\n+++\n";
        let s = split(p(), page).unwrap();
        let fm: FrontMatter = parse(p(), page, &s).unwrap();
        assert_eq!(fm.date, day(2024, 5, 3));
        let page = "---\ntitle: A\ndate: \"2024-05-02\"\n---\n";
        let s = split(p(), page).unwrap();
        let fm: FrontMatter = parse(p(), page, &s).unwrap();
        assert_eq!(fm.date, day(2024, 5, 2));
    }

    #[test]
    fn values_are_found_by_the_toml_spans_and_by_search_in_yaml() {
        let at = |page: &str, value| {
            let s = split(p(), page).unwrap();
            let position = value_position(page, &s, value);
            (position.line, position.col)
        };
        let page = "+++\ntitle = \"  \"\ndescription = \"\"\ntopics = [\"a\",\n  'b']\n+++\n";
        assert_eq!(at(page, Value::Title), (2, 9));
        assert_eq!(at(page, Value::Topic("b")), (5, 3));
        let page = "\u{feff}+++\r\ntitle = \"\"\r\n+++\r\n";
        assert_eq!(at(page, Value::Title), (2, 9));
        let page = "---\ntopics: [a, \"b\"]\ntitle: \"\"\n---\n";
        assert_eq!(at(page, Value::Topic("b")), (2, 13));
        assert_eq!(at(page, Value::Title), (3, 8));
        let page = "+++\ntitle = \"A\"\nslug = \"C++\"\n+++\n";
        assert_eq!(at(page, Value::Slug), (3, 8));
        let page = "---\ntitle: A\nslug: C++\n---\n";
        assert_eq!(at(page, Value::Slug), (3, 1));
    }

    #[test]
    fn errors_point_into_the_file() {
        let page = "+++\ntitle = \"A\"\ntopcs = [\"x\"]\n+++\n";
        let s = split(p(), page).unwrap();
        let err = parse::<FrontMatter>(p(), page, &s).unwrap_err();
        assert_eq!(err.message, "unknown key `topcs`");
        assert_eq!(
            err.hint.as_deref(),
            Some("did you mean `topics`? put keys of your own under extra; the README lists every key")
        );
        assert_eq!((err.line, err.col), (3, 1));
        let page = "---\ntitle: A\nweight: [\n---\n";
        let s = split(p(), page).unwrap();
        let err = parse::<FrontMatter>(p(), page, &s).unwrap_err();
        assert!(err.line >= 3, "{err:?}");
    }
}
