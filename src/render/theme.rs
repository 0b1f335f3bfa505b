//! The theme: Tera templates and static files, where a site's own `templates/`
//! and `static/` replace the theme's file by file. The `default` theme is
//! built in (`crate::builtin`); a site's `themes/default/` replaces it whole.

use crate::builtin;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files::OutputFile;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Templates by name (`article.html`) with the file each came from.
#[derive(Debug, Clone, Default)]
pub struct Templates(pub BTreeMap<String, (PathBuf, String)>);

/// A static file as it will be written: output path (fingerprinted for CSS and
/// JS) and bytes.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    pub output_path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: Templates,
    /// By path under `static/` (`style.css`).
    pub assets: BTreeMap<String, Asset>,
}

impl Theme {
    /// The theme's stylesheet, as every page links it.
    pub fn stylesheet(&self) -> &str {
        self.asset_path("style.css").unwrap_or("style.css")
    }

    /// The theme's script, as every page loads it.
    pub fn script(&self) -> &str {
        self.asset_path("polybook.js").unwrap_or("polybook.js")
    }

    /// Output path of a static file by its name under `static/`, fingerprinted if CSS or JS.
    pub fn asset_path(&self, name: &str) -> Option<&str> {
        self.assets.get(name).map(|a| a.output_path.as_str())
    }

    /// The static files as published.
    pub fn output_files(&self) -> impl Iterator<Item = OutputFile> + '_ {
        self.assets.values().map(|a| OutputFile {
            path: a.output_path.clone(),
            bytes: a.bytes.clone(),
        })
    }
}

/// Reads the theme and the site's overrides: the theme is `themes/<name>/` if
/// the site has it, else the built-in one when `<name>` is `default`.
pub fn load(config: &SiteConfig) -> Result<Theme, Diagnostics> {
    let theme_dir = config.theme_dir();
    let mut theme = Theme::default();
    let mut problems = Diagnostics::default();
    if theme_dir.is_dir() {
        add_folder(&mut theme, &theme_dir, &mut problems);
    } else if config.theme == builtin::THEME_NAME {
        add_builtin(&mut theme);
    } else {
        return Err(
            Diagnostic::error(theme_dir, "the theme folder does not exist")
                .hint("set theme in site.toml to a folder under themes/, or to \"default\" (built in)")
                .into(),
        );
    }
    add_folder(&mut theme, &config.root, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(theme)
}

/// Where the built-in theme's files say they come from, in messages.
pub fn builtin_path(name: &str) -> PathBuf {
    Path::new("(built-in theme)").join(name)
}

fn add_builtin(theme: &mut Theme) {
    for (name, bytes) in builtin::theme_files() {
        let source = builtin_path(name);
        if let Some(template) = name.strip_prefix("templates/") {
            let text = String::from_utf8_lossy(bytes).into_owned();
            theme
                .templates
                .0
                .insert(template.to_string(), (source, text));
        } else if let Some(asset) = name.strip_prefix("static/") {
            theme.add_asset(asset.to_string(), source, bytes.to_vec());
        }
    }
}

/// Adds (or replaces) the files of `dir/templates/` and `dir/static/`.
fn add_folder(theme: &mut Theme, dir: &Path, problems: &mut Diagnostics) {
    for (name, path) in files_under(&dir.join("templates"), problems) {
        match crate::fs::read_to_string(&path) {
            Ok(text) => {
                theme.templates.0.insert(name, (path, text));
            }
            Err(d) => problems.push(d),
        }
    }
    for (name, path) in files_under(&dir.join("static"), problems) {
        match std::fs::read(&path) {
            Ok(bytes) => theme.add_asset(name, path, bytes),
            Err(e) => problems.push(crate::fs::io_error(&path, "cannot read", e)),
        }
    }
}

/// JavaScript without its comments and indentation (with the `minifier`
/// crate, as rustdoc does), and CSS without its comments, indentation and
/// empty lines ([`css_stripped`]): the theme's files are written to be read,
/// and every page loads them. Anything else, or a script the minifier
/// refuses, as it is. Not CSS through `minifier`: its 0.4 drops the spaces
/// `clamp(1rem + 2vw)` needs, which breaks the layout.
pub fn minified(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    if name.ends_with(".css") {
        return css_stripped(text).into_bytes();
    }
    if !name.ends_with(".js") {
        return bytes;
    }
    match minifier::js::minify(text) {
        Ok(js) => js.to_string().into_bytes(),
        Err(_) => bytes,
    }
}

/// CSS with its comments removed (outside strings; one between two tokens
/// leaves a space, as it separates them), each line trimmed, empty lines
/// dropped and no space around braces and semicolons. Nothing inside a
/// value changes.
pub fn css_stripped(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            text.push(c);
            if c == '\\' {
                text.extend(chars.next());
            } else if c == q {
                quote = None;
            }
        } else if c == '"' || c == '\'' {
            quote = Some(c);
            text.push(c);
        } else if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            let before = text.chars().last().is_some_and(|b| !b.is_whitespace());
            let after = chars.peek().is_some_and(|a| !a.is_whitespace());
            if before && after {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
    let mut lines = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines.push_str(line);
        lines.push('\n');
    }
    tight_braces(&lines)
}

/// `css` without the whitespace next to `{`, `}` and `;` and after `:` and
/// `,` (outside strings and unquoted `url(…)`), where it never means
/// anything; a newline ends each rule.
fn tight_braces(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut quote: Option<char> = None;
    // Inside an unquoted `url(…)` every character is the address's.
    let mut in_url = false;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if in_url {
            out.push(c);
            in_url = c != ')';
            continue;
        }
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => {
                quote = Some(c);
                out.push(c);
            }
            '{' | '}' | ';' => {
                while out.ends_with([' ', '\t', '\n']) {
                    out.pop();
                }
                out.push(c);
                while chars.peek().is_some_and(|n| n.is_whitespace()) {
                    chars.next();
                }
                if c == '}' {
                    out.push('\n');
                }
            }
            // A space after a colon or a comma separates nothing.
            ':' | ',' => {
                out.push(c);
                while chars.peek().is_some_and(|n| *n == ' ' || *n == '\t') {
                    chars.next();
                }
            }
            '(' => {
                out.push(c);
                in_url =
                    out.ends_with("url(") && chars.peek().is_some_and(|n| *n != '"' && *n != '\'');
            }
            _ => out.push(c),
        }
    }
    out
}

impl Theme {
    fn add_asset(&mut self, name: String, source: PathBuf, bytes: Vec<u8>) {
        let bytes = minified(&name, bytes);
        let output_path = fingerprinted(&name, &bytes);
        let asset = Asset {
            source,
            output_path,
            bytes,
        };
        self.assets.insert(name, asset);
    }
}

fn files_under(dir: &Path, problems: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::content::is_ignored_name(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                files.push((crate::fs::slash_path(rel), e.into_path()));
            }
            Ok(_) => {}
            Err(e) => problems.push(Diagnostic::error(dir, format!("cannot read: {e}"))),
        }
    }
    files
}

/// `css/style.css` → `css/style.1a2b3c4d5e.css`, so a deploy never serves stale assets.
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let is_code = name.ends_with(".css") || name.ends_with(".js");
    let Some(dot) = name.rfind('.').filter(|_| is_code) else {
        return name.to_string();
    };
    let hash = Sha256::digest(bytes);
    let short: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("{}.{short}{}", &name[..dot], &name[dot..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_keeps_addresses_whole() {
        let css = "a { background: url(data:image/svg+xml;utf8, <svg a='1'>), url( \"x, y\" ); }\n";
        assert_eq!(
            css_stripped(css),
            "a{background:url(data:image/svg+xml;utf8, <svg a='1'>),url( \"x, y\" );}\n"
        );
    }

    #[test]
    fn css_loses_comments_and_indentation_only() {
        let css = "/* head */\n.a {\n  width: clamp(1rem + 2vw, 3rem, 4rem); /* why */\n\n  content: \"/* kept; { */\";\n}\nb/**/i { x: 1 }\n";
        assert_eq!(
            css_stripped(css),
            ".a{width:clamp(1rem + 2vw,3rem,4rem);content:\"/* kept; { */\";}\nb i{x:1}\n"
        );
    }

    #[test]
    fn only_code_is_fingerprinted() {
        let css = fingerprinted("css/style.css", b"body{}");
        assert!(
            css.starts_with("css/style.")
                && css.ends_with(".css")
                && css.len() == "css/style..css".len() + 10
        );
        assert_eq!(fingerprinted("img/logo.png", b"x"), "img/logo.png");
        assert_ne!(fingerprinted("a.js", b"1"), fingerprinted("a.js", b"2"));
    }
}
