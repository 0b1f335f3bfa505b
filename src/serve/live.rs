//! Live reload and the error overlay: what the server knows of the site at a
//! moment ([`State`]), what an open tab must do about it ([`action`]), and the
//! client script injected into HTML responses.

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
use crate::i18n::Locales;
use crate::incremental::Files;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use std::sync::Arc;

/// The client: a function expression called with its settings.
const CLIENT_JS: &str = include_str!("live.js");

/// How many rebuilds a tab can miss and still learn exactly what changed.
pub const HISTORY: usize = 64;

/// One published rebuild, as tabs learn of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub generation: u64,
    /// Output paths added, changed or removed; `None` when too many to list.
    pub paths: Option<BTreeSet<String>>,
    /// Set when only stylesheets changed: (old output path, new one).
    pub stylesheets: Option<Vec<(String, String)>>,
}

/// A problem as the overlay shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorItem {
    /// `path:line:col`, relative to the site root.
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
}

/// The errors of a failed rebuild, for the overlay.
pub fn error_items(problems: &Diagnostics, root: &Path) -> Vec<ErrorItem> {
    problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let path = d.path.strip_prefix(root).unwrap_or(&d.path);
            let mut location = crate::fs::slash_path(path);
            if location.is_empty() {
                location = d.path.display().to_string();
            }
            if d.line > 0 {
                location.push_str(&format!(":{}", d.line));
                if d.col > 0 {
                    location.push_str(&format!(":{}", d.col));
                }
            }
            ErrorItem {
                location,
                message: d.message.clone(),
                hint: d.hint.clone(),
            }
        })
        .collect()
}

/// The overlay's title and hint, and the desk's "Edit", in each UI language.
#[derive(Debug, Clone)]
pub struct OverlayText {
    by_lang: BTreeMap<String, (String, String)>,
    edit: BTreeMap<String, String>,
}

impl Default for OverlayText {
    fn default() -> Self {
        let english = (
            "The last change could not be built".to_string(),
            "You are seeing the last good version. Fix the problems below and save: this page updates by itself."
                .to_string(),
        );
        OverlayText {
            by_lang: BTreeMap::from([(String::new(), english)]),
            edit: BTreeMap::from([(String::new(), "Edit".to_string())]),
        }
    }
}

impl OverlayText {
    /// The strings of every language of the site, from its catalogs.
    pub fn new(config: &SiteConfig, locales: &Locales) -> OverlayText {
        let mut text = OverlayText::default();
        let codes = config.languages.iter().map(|l| l.code.as_str());
        for lang in codes.chain(["en"]) {
            let chain = config.fallback_chain(lang);
            let title = locales.format(&chain, "overlay-title", None);
            let hint = locales.format(&chain, "overlay-hint", None);
            // Pages name their language in canonical form (`<html lang="pt-BR">`).
            let key = crate::language_tag::canonical(lang);
            if let (Ok(title), Ok(hint)) = (title, hint) {
                text.by_lang.insert(key.clone(), (title, hint));
            }
            if let Ok(edit) = locales.format(&chain, "desk-edit", None) {
                text.edit.insert(key, edit);
            }
        }
        text
    }

    fn get(&self, lang: &str) -> &(String, String) {
        lookup(&self.by_lang, lang)
    }

    fn edit(&self, lang: &str) -> &str {
        lookup(&self.edit, lang).as_str()
    }
}

/// The entry of `lang`, else of its parents, else English, else the default.
fn lookup<'a, T>(by_lang: &'a BTreeMap<String, T>, lang: &str) -> &'a T {
    let tag = crate::language_tag::LanguageTag::parse(lang).ok();
    let own = tag.as_ref().map(|t| t.lookup_chain()).unwrap_or_default();
    own.iter()
        .find_map(|code| by_lang.get(*code))
        .or_else(|| by_lang.get("en"))
        .or_else(|| by_lang.get(""))
        .expect("the default is always there")
}

/// What the server serves at one moment; replaced whole on every change.
#[derive(Debug, Clone)]
pub struct State {
    /// Changes on every start, so tabs of an earlier server reload.
    pub instance: String,
    /// Counts published rebuilds.
    pub generation: u64,
    pub files: Arc<Files>,
    /// Build id of the search index, for pages' placeholders.
    pub search_build: String,
    /// Empty unless the last rebuild failed.
    pub errors: Arc<Vec<ErrorItem>>,
    pub history: Arc<VecDeque<Change>>,
    /// Work left after the last rebuild (the search index).
    pub pending: bool,
    pub overlay: Arc<OverlayText>,
    /// The editors' desk is on: pages get an "Edit" link.
    pub desk: bool,
}

/// What an open tab must do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action {
    pub reload: bool,
    pub stylesheets: Vec<(String, String)>,
}

/// What a tab showing output file `page` as of generation `since` must do.
pub fn action(state: &State, instance: &str, since: u64, page: &str) -> Action {
    let mut action = Action::default();
    if instance != state.instance || since > state.generation {
        action.reload = true;
        return action;
    }
    let missed: Vec<&Change> = state
        .history
        .iter()
        .filter(|c| c.generation > since)
        .collect();
    let complete = missed.first().is_none_or(|c| c.generation == since + 1);
    if !complete {
        action.reload = true;
        return action;
    }
    for change in missed {
        match (&change.stylesheets, &change.paths) {
            (Some(pairs), _) => action.stylesheets.extend(pairs.iter().cloned()),
            (None, Some(paths)) if !paths.contains(page) => {}
            (None, _) => action.reload = true,
        }
    }
    action
}

/// The server-sent event telling a tab what to do.
pub fn message(state: &State, action: &Action) -> String {
    #[derive(Serialize)]
    struct Message<'a> {
        generation: u64,
        errors: &'a [ErrorItem],
        reload: bool,
        stylesheets: &'a [(String, String)],
        pending: bool,
    }
    serde_json::to_string(&Message {
        generation: state.generation,
        errors: &state.errors,
        reload: action.reload,
        stylesheets: &action.stylesheets,
        pending: state.pending,
    })
    .expect("messages serialize")
}

/// `html` with the live-reload client before `</body>`, in the page's language.
pub fn inject(html: &[u8], state: &State) -> Vec<u8> {
    #[derive(Serialize)]
    struct Settings<'a> {
        instance: &'a str,
        generation: u64,
        lang: &'a str,
        title: &'a str,
        hint: &'a str,
        errors: &'a [ErrorItem],
        /// The "Edit" link's text, when the desk is on.
        edit: Option<&'a str>,
    }
    let lang = page_lang(html).unwrap_or_default();
    let (title, hint) = state.overlay.get(&lang);
    let edit = state.desk.then(|| state.overlay.edit(&lang));
    let settings = serde_json::to_string(&Settings {
        instance: &state.instance,
        generation: state.generation,
        lang: &lang,
        title,
        hint,
        errors: &state.errors,
        edit,
    })
    .expect("settings serialize")
    .replace('<', "\\u003c");
    let script = format!("<script data-polybook-live>{CLIENT_JS}({settings});</script>\n");
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The `lang` of the page's `<html>` element.
fn page_lang(html: &[u8]) -> Option<String> {
    let head = &html[..html.len().min(4096)];
    let start = find_last(head, b"<html")?;
    let end = start + head[start..].iter().position(|&b| b == b'>')?;
    let tag = std::str::from_utf8(&head[start..end]).ok()?;
    let value = tag.split("lang=\"").nth(1)?;
    let lang = &value[..value.find('"')?];
    lang.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
        .then(|| lang.to_string())
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(history: Vec<Change>) -> State {
        State {
            instance: "a".into(),
            generation: history.last().map_or(1, |c| c.generation),
            files: Arc::default(),
            search_build: String::new(),
            errors: Arc::default(),
            history: Arc::new(history.into()),
            pending: false,
            overlay: Arc::default(),
            desk: false,
        }
    }

    fn change(generation: u64, paths: &[&str]) -> Change {
        Change {
            generation,
            paths: Some(paths.iter().map(|p| p.to_string()).collect()),
            stylesheets: None,
        }
    }

    #[test]
    fn only_tabs_whose_page_changed_reload() {
        let s = state(vec![
            change(2, &["pt/a/index.html"]),
            change(3, &["pt/b/index.html"]),
        ]);
        assert!(action(&s, "a", 1, "pt/a/index.html").reload);
        assert!(!action(&s, "a", 2, "pt/a/index.html").reload);
        assert!(action(&s, "a", 2, "pt/b/index.html").reload);
        assert!(!action(&s, "a", 3, "pt/b/index.html").reload);
        assert!(!action(&s, "a", 1, "hr/index.html").reload);
    }

    #[test]
    fn unknown_history_or_another_server_reloads() {
        let s = state(vec![change(5, &["x"])]);
        assert!(
            action(&s, "a", 3, "pt/index.html").reload,
            "generation 4 is unknown"
        );
        assert!(action(&s, "b", 5, "pt/index.html").reload, "another server");
        let everything = Change {
            generation: 6,
            paths: None,
            stylesheets: None,
        };
        let s = state(vec![change(5, &["x"]), everything]);
        assert!(action(&s, "a", 5, "pt/index.html").reload);
    }

    #[test]
    fn a_stylesheet_change_swaps_without_reloading() {
        let css = Change {
            generation: 2,
            paths: Some(["pt/index.html".to_string()].into()),
            stylesheets: Some(vec![("style.1.css".into(), "style.2.css".into())]),
        };
        let a = action(&state(vec![css]), "a", 1, "pt/index.html");
        assert!(!a.reload);
        assert_eq!(
            a.stylesheets,
            vec![("style.1.css".into(), "style.2.css".into())]
        );
    }

    #[test]
    fn the_client_goes_before_the_body_end_with_escaped_errors() {
        let mut s = state(vec![]);
        s.errors = Arc::new(vec![ErrorItem {
            location: "content/pt/a.md:3:7".into(),
            message: "bad </script><b>".into(),
            hint: None,
        }]);
        let html = b"<!doctype html><html lang=\"hr\"><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(html, &s)).unwrap();
        let script = out.find("<script data-polybook-live>").unwrap();
        assert!(script > out.find("<p>x</p>").unwrap());
        assert!(out.ends_with("</script>\n</body></html>"));
        assert!(out.contains("content/pt/a.md:3:7"));
        assert!(!out.contains("</script><b>"), "{out}");
        assert!(out.contains(r#""lang":"hr""#));
        assert_eq!(page_lang(html).as_deref(), Some("hr"));
    }

    #[test]
    fn overlay_text_falls_back_to_english() {
        let text = OverlayText::default();
        assert!(text.get("pt").0.contains("could not be built"));
    }

    #[test]
    fn overlay_text_of_a_region_is_its_language_s() {
        let mut text = OverlayText::default();
        let portuguese = ("Não foi possível".to_string(), String::new());
        text.by_lang.insert("pt".into(), portuguese.clone());
        assert_eq!(text.get("pt-BR"), &portuguese);
    }
}
