//! UI strings: Fluent catalogs under `locales/<locale>/*.ftl`, looked up along
//! the fallback chain `<lang> → default_language → en`. The catalogs of
//! `locales/` in this repository are built in (`crate::builtin`); a site's
//! `locales/<lang>/*.ftl` add or override single messages of them.

mod dates;
pub mod desk;
mod tera_fn;

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, Position};
use crate::language_tag::LanguageTag;
pub use dates::long_date;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
pub use tera_fn::TranslateFn;
use unic_langid::LanguageIdentifier;

/// How a language is written, for `dir=""`: `"rtl"` or `"ltr"`
/// ([`LanguageTag::direction`]); `"ltr"` for a code that is no tag.
pub fn text_direction(code: &str) -> &'static str {
    thread_local! {
        // Templates ask for every card and switcher entry of every page: parse each code once.
        static KNOWN: std::cell::RefCell<rustc_hash::FxHashMap<String, &'static str>> =
            Default::default();
    }
    KNOWN.with(|known| {
        if let Some(dir) = known.borrow().get(code) {
            return *dir;
        }
        let dir = LanguageTag::parse(code).map_or("ltr", |tag| tag.direction());
        known.borrow_mut().insert(code.to_string(), dir);
        dir
    })
}

/// The `dir` an element in `code` needs inside one in `than`: `"rtl"` or
/// `"ltr"` when the two are written different ways, else `""` (nothing to say).
pub fn dir_against(code: &str, than: &str) -> &'static str {
    let dir = text_direction(code);
    if dir == text_direction(than) {
        ""
    } else {
        dir
    }
}

/// One locale's catalog: the bundle and which keys came from which file.
pub struct Catalog {
    pub locale: String,
    bundle: FluentBundle<FluentResource>,
    /// Message id → where it is defined.
    pub keys: BTreeMap<String, Definition>,
}

/// Where a message is defined: its file, and the position of its id there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub path: PathBuf,
    pub position: Position,
}

/// Every catalog, by locale code.
#[derive(Default)]
pub struct Locales {
    catalogs: BTreeMap<String, Catalog>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.catalogs.keys()).finish()
    }
}

/// A source `.ftl` file: where it is and what it says.
pub struct FtlFile {
    pub path: PathBuf,
    pub locale: String,
    pub text: String,
    /// Built into the binary: the site's own files override its messages.
    pub builtin: bool,
}

/// The built-in catalogs, then the site's `locales/<lang>/*.ftl`, parsed
/// into one catalog per locale where a site message replaces a built-in one
/// of the same id.
pub fn load(locales_dir: &Path) -> Result<Locales, Diagnostics> {
    let mut files = builtin_files();
    files.extend(read_files(locales_dir)?);
    parse(files)
}

/// The catalogs built into the binary, in name order.
pub fn builtin_files() -> Vec<FtlFile> {
    crate::builtin::locale_files()
        .iter()
        .map(|(name, bytes)| FtlFile {
            path: Path::new("(built-in locales)").join(name),
            locale: name.split('/').next().unwrap_or_default().to_string(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            builtin: true,
        })
        .collect()
}

/// Reads every `locales/<locale>/*.ftl` file, in name order.
pub fn read_files(locales_dir: &Path) -> Result<Vec<FtlFile>, Diagnostics> {
    let mut files = Vec::new();
    if !locales_dir.is_dir() {
        return Ok(files);
    }
    let walker = walkdir::WalkDir::new(locales_dir)
        .min_depth(2)
        .max_depth(2)
        .sort_by_file_name();
    let mut problems = Diagnostics::default();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error(locales_dir, format!("cannot read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let locale = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        match crate::fs::read_to_string(path) {
            Ok(text) => files.push(FtlFile {
                path: path.to_path_buf(),
                locale,
                text,
                builtin: false,
            }),
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(files)
}

/// Parses the catalogs; syntax errors and duplicate keys are reported at
/// `path:line:col`. A message of a site file replaces a built-in one of the
/// same id (give the built-in files first).
pub fn parse(files: Vec<FtlFile>) -> Result<Locales, Diagnostics> {
    let mut problems = Diagnostics::default();
    let mut catalogs: BTreeMap<String, Catalog> = BTreeMap::new();
    // (locale, id) of the messages a built-in file defined.
    let mut builtin_ids = std::collections::BTreeSet::new();
    for file in files {
        let Ok(langid) = file.locale.parse::<LanguageIdentifier>() else {
            problems.push(
                Diagnostic::error(
                    &file.path,
                    format!("`{}` is not a locale code", file.locale),
                )
                .hint("name locale folders by language code: locales/pt/, locales/hr/"),
            );
            continue;
        };
        let index = LineIndex::new(&file.text);
        let resource = match FluentResource::try_new(file.text.clone()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(
                        Diagnostic::error(&file.path, format!("Fluent syntax: {}", e.kind))
                            .at(index.position(&file.text, error_offset(&e)))
                            .hint("see https://projectfluent.org/fluent/guide/ for the syntax"),
                    );
                }
                r
            }
        };
        let catalog = catalogs.entry(file.locale.clone()).or_insert_with(|| {
            let mut bundle = FluentBundle::new_concurrent(vec![plural_locale(langid)]);
            bundle.set_use_isolating(false);
            Catalog {
                locale: file.locale.clone(),
                bundle,
                keys: BTreeMap::new(),
            }
        });
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                let offset = offset_in(resource.source(), m.id.name);
                let definition = Definition {
                    path: file.path.clone(),
                    position: index.position(&file.text, offset),
                };
                let overrides =
                    !file.builtin && builtin_ids.remove(&(file.locale.clone(), id.clone()));
                if file.builtin {
                    builtin_ids.insert((file.locale.clone(), id.clone()));
                }
                let first = catalog.keys.insert(id.clone(), definition.clone());
                if let Some(first) = first.filter(|_| !overrides) {
                    problems.push(
                        Diagnostic::error(
                            &file.path,
                            format!("the message `{id}` is defined twice"),
                        )
                        .at(definition.position)
                        .hint(format!("it is already in {}", first.path.display())),
                    );
                }
            }
        }
        // Duplicates were reported above; add_resource_overriding keeps the bundle usable.
        catalog.bundle.add_resource_overriding(resource);
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Locales { catalogs })
}

/// The locale a catalog's bundle is made for: its own when CLDR has plural
/// rules for it, else its nearest parent that has them. Fluent looks the
/// rules up by exact tag and, finding none (`hr-HR`, `pt-BR`), would put
/// every count in the `other` form ("2 članaka").
fn plural_locale(langid: LanguageIdentifier) -> LanguageIdentifier {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let has_rules =
        |id: &LanguageIdentifier| PluralRules::create(id.clone(), PluralRuleType::CARDINAL).is_ok();
    if has_rules(&langid) {
        return langid;
    }
    let Ok(tag) = LanguageTag::parse(&langid.to_string()) else {
        return langid;
    };
    tag.parents()
        .iter()
        .filter_map(|parent| parent.parse::<LanguageIdentifier>().ok())
        .find(has_rules)
        .unwrap_or(langid)
}

/// Byte offset in `source` of `part`, a slice the parser took from it (the
/// Fluent AST has no spans, but its identifiers borrow from the source).
fn offset_in(source: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .checked_sub(source.as_ptr() as usize)
        .filter(|&offset| offset + part.len() <= source.len())
        .unwrap_or(0)
}

/// Where to point for a syntax error: the broken entry's start reads better
/// than the place the parser gave up (often the end of the file).
fn error_offset(e: &fluent_syntax::parser::ParserError) -> usize {
    e.slice
        .as_ref()
        .map_or(e.pos.start, |s| s.start.min(e.pos.start))
}

impl Locales {
    pub fn catalog(&self, locale: &str) -> Option<&Catalog> {
        self.catalogs.get(locale)
    }

    pub fn catalogs(&self) -> impl Iterator<Item = &Catalog> {
        self.catalogs.values()
    }

    /// Formats `key` in the first locale of `chain` that has it.
    /// Every message id defined along `chain`, once each.
    pub fn keys<'a>(&'a self, chain: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
        let mut seen = std::collections::BTreeSet::new();
        chain
            .iter()
            .filter_map(|locale| self.catalogs.get(locale))
            .flat_map(|catalog| catalog.keys.keys())
            .filter(move |key| seen.insert(key.as_str()))
            .map(String::as_str)
    }

    pub fn format(
        &self,
        chain: &[String],
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        for locale in chain {
            let Some(catalog) = self.catalogs.get(locale) else {
                continue;
            };
            let Some(message) = catalog.bundle.get_message(key) else {
                continue;
            };
            let Some(pattern) = message.value() else {
                continue;
            };
            let mut errors = Vec::new();
            let text = catalog.bundle.format_pattern(pattern, args, &mut errors);
            if let Some(e) = errors.first() {
                return Err(format!("message `{key}` in locale `{locale}`: {e}"));
            }
            return Ok(text.into_owned());
        }
        Err(format!(
            "no catalog along {} has the message `{key}`",
            chain.join(" → ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales(files: &[(&str, &str)]) -> Result<Locales, Diagnostics> {
        parse(
            files
                .iter()
                .map(|(locale, text)| FtlFile {
                    path: PathBuf::from(format!("locales/{locale}/main.ftl")),
                    locale: locale.to_string(),
                    text: text.to_string(),
                    builtin: false,
                })
                .collect(),
        )
    }

    const HR: &str = "articles-count = { $count ->\n    [one] { $count } članak\n    [few] { $count } članka\n   *[other] { $count } članaka\n}\n";

    #[test]
    fn right_to_left_languages_are_known_by_code_and_script() {
        for rtl in ["ar", "he", "fa", "ur", "ar-EG", "ps", "yi", "az-Arab"] {
            assert_eq!(text_direction(rtl), "rtl", "{rtl}");
        }
        for ltr in ["pt", "hr", "en", "pt-BR", "sr-Latn", "zh", "", "not a code"] {
            assert_eq!(text_direction(ltr), "ltr", "{ltr}");
        }
    }

    #[test]
    fn croatian_plurals_follow_cldr() {
        let l = locales(&[("hr", HR)]).unwrap();
        let chain = vec!["hr".to_string()];
        let count = |n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            l.format(&chain, "articles-count", Some(&args)).unwrap()
        };
        assert_eq!(count(1), "1 članak");
        assert_eq!(count(2), "2 članka");
        assert_eq!(count(5), "5 članaka");
        assert_eq!(count(21), "21 članak");
        assert_eq!(count(22), "22 članka");
        assert_eq!(count(11), "11 članaka");
    }

    #[test]
    fn a_catalog_of_a_region_plurals_like_its_language() {
        for locale in ["hr-HR", "hr-hr"] {
            let l = locales(&[(locale, HR)]).unwrap();
            let chain = vec![locale.to_string()];
            let mut args = FluentArgs::new();
            args.set("count", 2);
            let text = l.format(&chain, "articles-count", Some(&args)).unwrap();
            assert_eq!(text, "2 članka", "{locale}");
        }
    }

    #[test]
    fn missing_keys_fall_back_along_the_chain() {
        let l = locales(&[("hr", HR), ("en", "hello = Hello\n")]).unwrap();
        let chain = vec!["hr".to_string(), "pt".to_string(), "en".to_string()];
        assert_eq!(l.format(&chain, "hello", None).unwrap(), "Hello");
        assert!(l.format(&chain, "nope", None).unwrap_err().contains("nope"));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = locales(&[("en", "ok = fine\nbroken = { $x\n")]).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.line, 2, "{d:?}");
        assert!(d.message.starts_with("Fluent syntax"));
    }

    #[test]
    fn messages_are_where_the_parser_found_their_id() {
        let text = "# c\nkey-long = a\nkey =\n    b\n";
        let l = locales(&[("en", text)]).unwrap();
        let keys = &l.catalog("en").unwrap().keys;
        assert_eq!(keys["key-long"].position, Position::new(2, 1));
        assert_eq!(keys["key"].position, Position::new(3, 1));
        let err = locales(&[("en", "other = x\ndup = a\ndup = b\n")]).unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].col), (3, 1));
    }

    #[test]
    fn site_messages_override_built_in_ones_one_by_one() {
        let file = |text: &str, builtin| FtlFile {
            path: PathBuf::from("pt/main.ftl"),
            locale: "pt".into(),
            text: text.into(),
            builtin,
        };
        let l = parse(vec![
            file("a = built-in a\nb = built-in b\n", true),
            file("b = site b\nc = site c\n", false),
        ])
        .unwrap();
        let chain = vec!["pt".to_string()];
        let text = |key| l.format(&chain, key, None).unwrap();
        assert_eq!(
            (text("a"), text("b"), text("c")),
            ("built-in a".into(), "site b".into(), "site c".into())
        );
        let twice = parse(vec![
            file("b = built-in\n", true),
            file("b = one\n", false),
            file("b = two\n", false),
        ]);
        assert!(
            twice.is_err(),
            "two site files defining one message is still an error"
        );
    }
}
