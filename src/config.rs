//! `site.toml`: read raw (serde defaults, unknown keys rejected), then validated
//! once into a [`SiteConfig`] the rest of the pipeline trusts.

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex};
use crate::language_tag::LanguageTag;
use crate::shape::{self, Field, Kind, Syntax};
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    // The keys site.toml must have are optional here: `SITE` reports one
    // that is missing, and the others are still validated.
    #[serde(default)]
    title: String,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    default_language: Option<String>,
    #[serde(default = "default_theme")]
    theme: String,
    /// Used on the language chooser and as a fallback meta description.
    #[serde(default)]
    description: String,
    /// Internal links end in `index.html`, so the output also works from `file://`.
    #[serde(default = "yes")]
    link_to_index_html: bool,
    #[serde(default = "default_words_per_minute")]
    words_per_minute: usize,
    #[serde(default = "default_related_limit")]
    related_limit: usize,
    #[serde(default = "default_feed_limit")]
    feed_limit: usize,
    #[serde(default = "default_other_languages_limit")]
    other_languages_limit: usize,
    /// Articles of a language above which its print page is split into parts.
    #[serde(default = "default_print_chunk")]
    print_chunk: usize,
    /// Articles on one page of a list (a section, a topic, a home).
    #[serde(default = "default_paginate_by")]
    paginate_by: usize,
    /// Articles of each section a language home shows.
    #[serde(default = "default_section_preview_limit")]
    section_preview_limit: usize,
    /// HTML inside Markdown: "sanitize" (default), "trust" or "escape".
    #[serde(default)]
    raw_html: RawHtml,
    /// Whether a link to a heading that does not exist fails the build.
    #[serde(default)]
    broken_anchors: BrokenAnchors,
    /// A service worker keeps the pages readers open, for reading offline.
    #[serde(default = "yes")]
    offline: bool,
    /// `[review] every = "12 months"`.
    #[serde(default)]
    review: RawReview,
    /// The start of a page's "Edit this page" link; its source path follows.
    #[serde(default)]
    edit_url: Option<Spanned<String>>,
    /// By code; the code's span is where diagnostics about the language point.
    #[serde(default)]
    languages: Option<BTreeMap<Spanned<String>, RawLanguage>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    /// How often a page is checked unless its `review_every` says otherwise.
    #[serde(default)]
    every: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    name: String,
    #[serde(default)]
    weight: i64,
    /// The site title in this language; the top-level title when absent.
    #[serde(default)]
    title: Option<String>,
    /// The site description in this language; the top-level description when absent.
    #[serde(default)]
    description: Option<String>,
}

fn default_theme() -> String {
    "default".into()
}
fn yes() -> bool {
    true
}
fn default_words_per_minute() -> usize {
    200
}
fn default_related_limit() -> usize {
    5
}
fn default_feed_limit() -> usize {
    20
}
fn default_other_languages_limit() -> usize {
    6
}
fn default_print_chunk() -> usize {
    200
}
fn default_paginate_by() -> usize {
    30
}
fn default_section_preview_limit() -> usize {
    3
}

/// A language the handbook is published in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The tag as written in site.toml (`pt-br`): folders and URLs use it.
    pub code: String,
    /// `code` parsed: its canonical form, primary language, direction and
    /// CLDR parents.
    pub tag: LanguageTag,
    pub name: String,
    pub weight: i64,
    pub title: Option<String>,
    pub description: Option<String>,
}

/// What to do with HTML written inside Markdown (`raw_html` in site.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Keep safe markup, drop the rest (ammonia's allowlist).
    #[default]
    Sanitize,
    /// Pass it through untouched: only for sites whose editors are trusted.
    Trust,
    /// Show it as text.
    Escape,
}

/// What a link to a missing heading is (`broken_anchors` in site.toml): an
/// error by default; a warning for a site migrated with broken anchors in
/// its source, until they are fixed (as Zola's `internal_level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrokenAnchors {
    #[default]
    Error,
    Warning,
}

/// The validated configuration; paths are absolute-ish (joined onto the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub default_language: String,
    pub theme: String,
    pub link_to_index_html: bool,
    pub words_per_minute: usize,
    pub related_limit: usize,
    pub feed_limit: usize,
    /// Articles of each other language a home or topic page lists before
    /// linking to the rest (keeps listings linear in the size of the site).
    pub other_languages_limit: usize,
    /// A language with more articles than this gets its print page in parts
    /// (a section each, a long section in pieces of at most this many), listed
    /// on its print page; at least 1.
    pub print_chunk: usize,
    /// Articles on one page of a section's, a topic's or a home's list;
    /// longer lists go on numbered pages (`…/page/2/`). At least 1.
    pub paginate_by: usize,
    /// Articles of each section a language home shows before linking to the
    /// section's page (which lists them all).
    pub section_preview_limit: usize,
    pub raw_html: RawHtml,
    pub broken_anchors: BrokenAnchors,
    /// Offline reading: the build writes a service worker and, per
    /// language, the list of files its home can save (`crate::offline`).
    pub offline: bool,
    /// How often pages are checked, unless they say (`[review] every`); no
    /// review dates are tracked when absent.
    pub review_every: Option<crate::calendar::Interval>,
    /// The start of "Edit this page" links, ending in `/`.
    pub edit_url: Option<String>,
    /// Ordered by weight, then code.
    pub languages: Vec<Language>,
}

impl SiteConfig {
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }
    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }
    pub fn config_path(&self) -> PathBuf {
        self.root.join(CONFIG_FILE)
    }
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }
    pub fn language_name(&self, code: &str) -> String {
        self.language(code)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| code.to_string())
    }
    /// How `lang` and `hreflang` write the language `code`: its canonical
    /// tag (`pt-BR` for `pt-br`); anything else (`x-default`) as it is.
    pub fn lang_attr<'a>(&'a self, code: &'a str) -> &'a str {
        self.language(code).map_or(code, |l| l.tag.canonical())
    }
    /// The site's title in `lang`.
    pub fn title_in(&self, lang: &str) -> &str {
        self.language(lang)
            .and_then(|l| l.title.as_deref())
            .unwrap_or(&self.title)
    }
    /// The site's description in `lang`.
    pub fn description_in(&self, lang: &str) -> &str {
        self.language(lang)
            .and_then(|l| l.description.as_deref())
            .unwrap_or(&self.description)
    }
    /// The path of `base_url`, from and to a `/`: `/` or `/handbook/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        after_scheme
            .find('/')
            .map_or("/", |slash| &after_scheme[slash..])
    }
    /// The order in which a UI string or topic label is looked up for `lang`.
    pub fn fallback_chain(&self, lang: &str) -> Vec<String> {
        fallback_chain(lang, &self.default_language)
    }
}

/// `<lang> → its CLDR parents → default_language → its parents → en`,
/// without repeats: the one definition of the chain. Each tag is tried as
/// written first, so a site's `locales/pt-br/` is found before `pt`'s
/// catalog; a code that is no tag is tried as it is.
pub fn fallback_chain(lang: &str, default_language: &str) -> Vec<String> {
    let mut chain: Vec<String> = Vec::new();
    for code in [lang, default_language, "en"] {
        let tag = LanguageTag::parse(code);
        let own = match &tag {
            Ok(tag) => tag.lookup_chain(),
            Err(_) => vec![code],
        };
        for next in own {
            if !chain.iter().any(|c| c == next) {
                chain.push(next.to_string());
            }
        }
    }
    chain
}

/// The path of `<root>/site.toml`, or the problem that there is none: what
/// every command that needs a site says outside one.
pub fn require_site(root: &Path) -> Result<PathBuf, Diagnostic> {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        return Err(Diagnostic::error(&path, "no site.toml here")
            .hint("run polybook in the site's folder, pass --root DIR, or create a site with polybook init"));
    }
    Ok(path)
}

/// Reads `<root>/site.toml`; `base_url`, when given, replaces the file's before validation.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<SiteConfig, Diagnostics> {
    let path = require_site(root)?;
    let text = crate::fs::read_to_string(&path)?;
    parse(root, &path, &text, base_url)
}

/// Parses and validates the text of `site.toml`; `path` is only for messages.
/// Every problem is reported: each unknown key and wrong value (blanked out
/// for serde to read the rest), then what validation finds in the rest.
pub fn parse(
    root: &Path,
    path: &Path,
    text: &str,
    base_url: Option<&str>,
) -> Result<SiteConfig, Diagnostics> {
    let tree = shape::toml::parse(text).map_err(|p| p.diagnostic(path, text, 0))?;
    let misfits = shape::check(&tree, Kind::Table(&SITE), Syntax::Toml);
    let clean = shape::blank(text, misfits.iter().flat_map(|p| &p.blank));
    let mut problems: Diagnostics = misfits
        .iter()
        .map(|p| p.diagnostic(path, text, 0))
        .collect::<Vec<_>>()
        .into();
    let raw: RawConfig = match toml::from_str(&clean) {
        Ok(raw) => raw,
        // A required key is missing or wrong: said above already.
        Err(_) if problems.has_errors() => return Err(problems),
        Err(e) => return Err(toml_error(path, text, &e).into()),
    };
    match validate(root, path, &clean, raw, base_url) {
        Ok(config) if !problems.has_errors() => Ok(config),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more.0);
            Err(problems.sorted())
        }
    }
}

/// What site.toml may hold, for [`shape::check`]; [`RawConfig`] is the same
/// in serde's terms.
static SITE: shape::Table = shape::Table {
    fields: &[
        Field::new("title", Kind::Text, "\"Handbook\"").required(),
        Field::new("base_url", Kind::Text, "\"https://handbook.example.com/\"").required(),
        Field::new("default_language", Kind::Text, "\"pt\"").required(),
        Field::new("theme", Kind::Text, "\"default\""),
        Field::new("description", Kind::Text, "\"…\""),
        Field::new("link_to_index_html", Kind::Bool, "true"),
        Field::new("words_per_minute", Kind::Positive, "200"),
        Field::new("related_limit", Kind::Count, "5"),
        Field::new("feed_limit", Kind::Count, "20"),
        Field::new("other_languages_limit", Kind::Count, "6"),
        Field::new("print_chunk", Kind::Positive, "200"),
        Field::new("paginate_by", Kind::Positive, "30"),
        Field::new("section_preview_limit", Kind::Count, "3"),
        Field::new(
            "raw_html",
            Kind::OneOf(&["sanitize", "trust", "escape"]),
            "\"sanitize\"",
        ),
        Field::new(
            "broken_anchors",
            Kind::OneOf(&["error", "warning"]),
            "\"error\"",
        ),
        Field::new("offline", Kind::Bool, "true"),
        Field::new("review", Kind::Table(&REVIEW), "{ every = \"12 months\" }"),
        Field::new(
            "edit_url",
            Kind::Text,
            "\"https://github.com/acme/handbook/edit/main/\"",
        ),
        Field::new(
            "languages",
            Kind::Each(&Kind::Table(&LANGUAGE), "{ name = \"Português\" }"),
            "{ pt = { name = \"Português\" } }",
        )
        .required(),
    ],
    unknown_help: "the README's \"site.toml\" lists every key",
};

static REVIEW: shape::Table = shape::Table {
    fields: &[Field::new("every", Kind::Text, "\"12 months\"")],
    unknown_help: "[review] has one key, every",
};

static LANGUAGE: shape::Table = shape::Table {
    fields: &[
        Field::new("name", Kind::Text, "\"Português\"").required(),
        Field::new("weight", Kind::WholeNumber, "1"),
        Field::new("title", Kind::Text, "\"Manual\""),
        Field::new("description", Kind::Text, "\"…\""),
    ],
    unknown_help: "a language has name, weight, title and description",
};

pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let mut d = Diagnostic::error(path, shape::one_line(e.message()));
    if let Some(span) = e.span() {
        d = d.at(LineIndex::new(text).position(text, span.start));
    }
    d.hint("the README's \"site.toml\" says what each key holds")
}

/// Byte offset of the top-level `key` of `text`, from the parser's spans; the
/// start of the file when the key is absent. Parsed again for the spans only
/// when a diagnostic needs one.
fn key_offset(text: &str, key: &str) -> usize {
    toml::from_str::<BTreeMap<Spanned<String>, IgnoredAny>>(text)
        .ok()
        .and_then(|keys| keys.get_key_value(key).map(|(k, _)| k.span().start))
        .unwrap_or(0)
}

/// Where a diagnostic about the language `code` points: the start of the dotted
/// key `languages.<code>` when it is written as one (`[languages.pt]`), else
/// the code itself (`[languages]` then `pt = { … }`).
fn language_offset(text: &str, code: &Spanned<String>) -> usize {
    let start = code.span().start;
    let before = text[..start].trim_end_matches([' ', '\t']);
    let Some(before) = before.strip_suffix('.') else {
        return start;
    };
    let before = before.trim_end_matches([' ', '\t']);
    ["languages", "\"languages\"", "'languages'"]
        .iter()
        .find_map(|key| before.strip_suffix(key))
        .map_or(start, str::len)
}

fn is_http_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// `base_url`, when given, is the `--base-url` flag's: it replaces the
/// file's, and a problem with it is the flag's.
fn validate(
    root: &Path,
    path: &Path,
    text: &str,
    mut raw: RawConfig,
    base_url: Option<&str>,
) -> Result<SiteConfig, Diagnostics> {
    let mut problems = Diagnostics::default();
    if let Some(url) = base_url {
        raw.base_url = Some(url.to_string());
        if !is_http_url(url) {
            problems.push(
                Diagnostic::error(
                    "--base-url",
                    format!("`{url}` is not an absolute http(s) URL"),
                )
                .hint("write it like --base-url https://example.com/handbook/ (used for sitemap, feeds, canonical)"),
            );
        }
    }
    let mut error = |offset: usize, message: String, hint: &str| {
        problems.push(
            Diagnostic::error(path, message)
                .at(LineIndex::new(text).position(text, offset))
                .hint(hint),
        )
    };
    let languages_map = raw.languages.take();
    if languages_map.as_ref().is_some_and(BTreeMap::is_empty) {
        error(
            key_offset(text, "languages"),
            "no language is configured".into(),
            "add a [languages.<code>] table with a name",
        );
    }
    let mut tags = BTreeMap::new();
    let raw_languages = languages_map.unwrap_or_default();
    for (spanned_code, lang) in &raw_languages {
        let code = spanned_code.get_ref();
        match LanguageTag::parse(code) {
            Ok(tag) => {
                // `pt-br` and `pt-BR` would be one language in two folders.
                if let Some(same) = tags
                    .values()
                    .find(|t: &&LanguageTag| t.canonical() == tag.canonical())
                {
                    error(
                        language_offset(text, spanned_code),
                        format!("`{code}` is the language `{}` again", same.as_written()),
                        "keep one of the two; letter case does not tell languages apart",
                    );
                }
                tags.insert(code.clone(), tag);
            }
            Err(invalid) => error(
                language_offset(text, spanned_code),
                invalid.to_string(),
                "use a BCP 47 code such as pt, hr or pt-BR",
            ),
        }
        if lang.name.trim().is_empty() {
            error(
                language_offset(text, spanned_code),
                format!("language `{code}` has an empty name"),
                "set name to the language's own name, e.g. \"Hrvatski\"",
            );
        }
    }
    let default_language = raw.default_language.clone().unwrap_or_default();
    if raw.default_language.is_some() && !raw_languages.contains_key(default_language.as_str()) {
        error(
            key_offset(text, "default_language"),
            format!(
                "default_language `{}` is not one of the configured languages",
                default_language
            ),
            "add it under [languages] or pick a configured one",
        );
    }
    let url = raw.base_url.clone();
    if let (None, Some(url)) = (base_url, url.filter(|url| !is_http_url(url))) {
        error(
            key_offset(text, "base_url"),
            format!("base_url `{url}` is not an absolute http(s) URL"),
            "write it like https://handbook.example.com/ (used for sitemap, feeds, canonical)",
        );
    }
    let review_every = raw.review.every.as_ref().and_then(|every| {
        crate::calendar::Interval::parse(every.get_ref())
            .map_err(|why| {
                error(
                    every.span().start,
                    format!("[review] every: {why}"),
                    "write it like \"12 months\", \"1 year\" or \"90 days\"",
                )
            })
            .ok()
    });
    if let Some(url) = &raw.edit_url {
        let text = url.get_ref();
        if !(text.starts_with("https://") || text.starts_with("http://")) {
            error(
                url.span().start,
                format!("edit_url `{text}` is not an http(s) address"),
                "give the start of your repository's edit links, e.g. \"https://github.com/acme/handbook/edit/main/\"",
            );
        }
    }
    if raw.theme.contains(['/', '\\']) || raw.theme.starts_with('.') {
        error(
            key_offset(text, "theme"),
            format!("theme `{}` must be a folder name under themes/", raw.theme),
            "write theme = \"default\"",
        );
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let mut languages: Vec<Language> = raw_languages
        .into_iter()
        .filter_map(|(code, l)| {
            let code = code.into_inner();
            Some(Language {
                tag: tags.remove(&code)?,
                code,
                name: l.name,
                weight: l.weight,
                title: l.title,
                description: l.description,
            })
        })
        .collect();
    languages.sort_by(|a, b| (a.weight, &a.code).cmp(&(b.weight, &b.code)));
    let mut base_url = raw.base_url.unwrap_or_default();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Ok(SiteConfig {
        root: root.to_path_buf(),
        title: raw.title,
        description: raw.description,
        base_url,
        default_language,
        theme: raw.theme,
        link_to_index_html: raw.link_to_index_html,
        words_per_minute: raw.words_per_minute,
        related_limit: raw.related_limit,
        feed_limit: raw.feed_limit,
        other_languages_limit: raw.other_languages_limit,
        print_chunk: raw.print_chunk,
        paginate_by: raw.paginate_by,
        section_preview_limit: raw.section_preview_limit,
        raw_html: raw.raw_html,
        broken_anchors: raw.broken_anchors,
        offline: raw.offline,
        review_every,
        edit_url: raw.edit_url.map(|url| {
            let url = url.into_inner();
            if url.ends_with('/') {
                url
            } else {
                url + "/"
            }
        }),
        languages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
title = "Handbook"
base_url = "https://example.com/hb"
default_language = "pt"

[languages.pt]
name = "Português"
weight = 2

[languages.hr]
name = "Hrvatski"
weight = 1
"#;

    fn parse_str(text: &str) -> Result<SiteConfig, Diagnostics> {
        parse(Path::new("/site"), Path::new("/site/site.toml"), text, None)
    }

    #[test]
    fn defaults_and_ordering() {
        let config = parse_str(MINIMAL).unwrap();
        assert_eq!(config.base_url, "https://example.com/hb/");
        assert_eq!(config.theme, "default");
        assert_eq!(config.languages[0].code, "hr");
        assert_eq!(config.fallback_chain("hr"), ["hr", "pt", "en"]);
    }

    #[test]
    fn unknown_key_is_named_with_its_position() {
        let text = MINIMAL.replace("title =", "titel = \"x\"\ntitle =");
        let err = parse_str(&text).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.message, "unknown key `titel`");
        assert_eq!((d.line, d.col), (2, 1));
    }

    #[test]
    fn default_language_must_be_configured() {
        let text = MINIMAL.replace("default_language = \"pt\"", "default_language = \"de\"");
        let err = parse_str(&text).unwrap_err();
        assert!(err.0[0].message.contains("`de`"));
        assert_eq!(err.0[0].line, 4);
    }

    #[test]
    fn errors_point_at_their_key_however_it_is_written() {
        let at = |text: &str| {
            let err = parse_str(text).unwrap_err();
            (err.0[0].line, err.0[0].col)
        };
        let text = MINIMAL.replace("[languages.hr]", "[languages.hr_HR]");
        assert_eq!(at(&text), (10, 2));
        let text = MINIMAL.replace("[languages.hr]", "[ languages . 'hr_HR' ]");
        assert_eq!(at(&text), (10, 3));
        let (head, _) = MINIMAL.split_once("[languages.pt]").unwrap();
        let text =
            format!("{head}[languages]\npt = {{ name = \"P\" }}\nhr_HR = {{ name = \"H\" }}\n");
        assert_eq!(at(&text), (8, 1));
        let text = format!("# the theme: a folder\ntheme = \".x\"\n{MINIMAL}");
        assert_eq!(at(&text), (2, 1));
    }

    #[test]
    fn a_regional_language_falls_back_to_its_language_first() {
        let text = MINIMAL.replace("[languages.hr]", "[languages.hr-HR]");
        let config = parse_str(&text).unwrap();
        let hr = &config.languages[0];
        assert_eq!((hr.code.as_str(), hr.tag.canonical()), ("hr-HR", "hr-HR"));
        assert_eq!(config.fallback_chain("hr-HR"), ["hr-HR", "hr", "pt", "en"]);
        assert_eq!(
            fallback_chain("pt-br", "es-419"),
            ["pt-br", "pt-BR", "pt", "es-419", "es", "en"]
        );
        assert_eq!(config.lang_attr("hr-HR"), "hr-HR");
        assert_eq!(config.lang_attr("x-default"), "x-default");
    }

    #[test]
    fn one_language_in_two_letter_cases_is_refused_where_it_is_written() {
        let text = MINIMAL.replace("[languages.hr]", "[languages.PT]");
        let err = parse_str(&text).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.message, "`pt` is the language `PT` again");
        assert_eq!((d.line, d.col), (6, 2));
    }

    #[test]
    fn print_chunk_is_a_positive_integer() {
        assert_eq!(parse_str(MINIMAL).unwrap().print_chunk, 200);
        let with = |value: &str| parse_str(&format!("print_chunk = {value}\n{MINIMAL}"));
        assert_eq!(with("5").unwrap().print_chunk, 5);
        for bad in ["0", "-3", "\"many\"", "2.5"] {
            let err = with(bad).unwrap_err();
            let d = &err.0[0];
            assert_eq!((d.line, d.col), (1, 15), "{bad}: {d:?}");
        }
        assert_eq!(
            with("0").unwrap_err().0[0].message,
            "`print_chunk` must be a whole number above zero, not the number 0"
        );
    }
}
