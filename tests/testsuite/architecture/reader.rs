//! Reads the crate's sources as text: each file's module, and every path in
//! its code (comments and string literals skipped) that goes through
//! `crate::`, `super::` or `self::`, or through a child module of the file's
//! own module (`config::load` in `src/lib.rs`), resolved from the crate root.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from the crate root: `["search", "index"]`; `[]` is the root.
pub type ModulePath = Vec<String>;

/// One use of a path that names another module's item.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Relative to the package: `src/search/index.rs`.
    pub file: String,
    pub line: usize,
    /// The module of the file (inline `mod tests` blocks belong to their file).
    pub from: ModulePath,
    /// The path named, resolved from the crate root.
    pub to: ModulePath,
}

impl Reference {
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    pub fn path(&self) -> String {
        std::iter::once("crate")
            .chain(self.to.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("::")
    }
}

/// The crate's modules as files: module path → file.
pub struct Crate {
    pub modules: BTreeMap<ModulePath, PathBuf>,
    pub references: Vec<Reference>,
}

impl Crate {
    pub fn read() -> Crate {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        files.sort();
        let sources: Vec<(PathBuf, String)> = files
            .into_iter()
            .map(|f| {
                let text =
                    std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                (f, text)
            })
            .collect();
        let renamed = path_attributes(&sources, root);
        let mut modules = BTreeMap::new();
        for (file, _) in &sources {
            if let Some(module) = module_of(file, root, &renamed) {
                modules.insert(module, file.clone());
            }
        }
        let mut references = Vec::new();
        for (file, text) in &sources {
            let Some(module) = module_of(file, root, &renamed) else {
                continue;
            };
            let children: BTreeSet<String> = modules
                .keys()
                .filter(|m| m.len() == module.len() + 1 && m.starts_with(&module))
                .map(|m| m[module.len()].clone())
                .collect();
            let shown = file.strip_prefix(root).unwrap_or(file);
            let shown = shown.to_string_lossy().replace('\\', "/");
            references.extend(references_in(text, &shown, &module, &children));
        }
        Crate {
            modules,
            references,
        }
    }

    pub fn top_level(&self) -> BTreeSet<String> {
        self.modules
            .keys()
            .filter(|m| m.len() == 1)
            .map(|m| m[0].clone())
            .collect()
    }

    /// The top-level module a path is in; `lib` for the root's own items.
    pub fn top_of(&self, path: &[String]) -> String {
        match path.first() {
            Some(first) if self.modules.contains_key(&vec![first.clone()]) => first.clone(),
            _ => "lib".to_string(),
        }
    }

    /// References between different top-level modules: (from, to, reference).
    pub fn top_level_edges(&self) -> Vec<(String, String, &Reference)> {
        self.references
            .iter()
            .map(|r| (self.top_of(&r.from), self.top_of(&r.to), r))
            .filter(|(from, to, _)| from != to)
            .collect()
    }

    /// References between two files of the same top-level module (not its
    /// own `mod.rs`, which declares them): (module, from, to, reference).
    pub fn submodule_edges(&self) -> Vec<(String, String, String, &Reference)> {
        self.references
            .iter()
            .filter(|r| r.from.len() >= 2 && r.to.len() >= 2 && r.from[0] == r.to[0])
            .filter(|r| r.from[1] != r.to[1])
            .filter(|r| self.modules.contains_key(&r.to[..2]))
            .map(|r| (r.from[0].clone(), r.from[1].clone(), r.to[1].clone(), r))
            .collect()
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that `#[path = "…"] mod name;` puts elsewhere in the module tree.
fn path_attributes(sources: &[(PathBuf, String)], root: &Path) -> BTreeMap<PathBuf, ModulePath> {
    let mut renamed = BTreeMap::new();
    for (file, text) in sources {
        let Some(module) = module_of(file, root, &BTreeMap::new()) else {
            continue;
        };
        for (at, _) in text.match_indices("#[path = \"") {
            let rest = &text[at + "#[path = \"".len()..];
            let target = &rest[..rest.find('"').expect("a closed #[path] string")];
            let after = &rest[rest.find("mod ").expect("#[path] before a mod") + 4..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let dir = file.parent().expect("a file in a folder");
            let mut path = module.clone();
            path.push(name);
            renamed.insert(dir.join(target), path);
        }
    }
    renamed
}

/// `src/search/index.rs` → `["search", "index"]`; `None` for the binary's files.
fn module_of(
    file: &Path,
    root: &Path,
    renamed: &BTreeMap<PathBuf, ModulePath>,
) -> Option<ModulePath> {
    if let Some(module) = renamed.get(file) {
        return Some(module.clone());
    }
    let rel = file.strip_prefix(root.join("src")).ok()?;
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts == ["main"] {
        return None;
    }
    if parts == ["lib"] {
        return Some(Vec::new());
    }
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    Some(parts)
}

/// The source with comments and string and character literals blanked out
/// (line breaks kept, so lines still count).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_word = i == 0 || !(at(i - 1).is_alphanumeric() || at(i - 1) == '_');
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if starts_word && (c == 'r' || (c == 'b' && at(i + 1) == 'r')) && {
            let r = if c == 'r' { i } else { i + 1 };
            let hashes = (r + 1..).take_while(|&j| at(j) == '#').count();
            at(r + 1 + hashes) == '"'
        } {
            let r = if c == 'r' { i } else { i + 1 };
            let hashes = (r + 1..).take_while(|&j| at(j) == '#').count();
            let closing: Vec<char> = std::iter::once('"').chain(vec!['#'; hashes]).collect();
            let mut j = r + 2 + hashes;
            while j < chars.len() && !chars[j..].starts_with(&closing) {
                j += 1;
            }
            let end = (j + closing.len()).min(chars.len());
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal; `'a` without a closing quote is a lifetime.
            let mut j = if at(i + 1) == '\\' { i + 3 } else { i + 2 };
            while j < chars.len() && chars[j] != '\'' {
                j += 1;
            }
            let end = (j + 1).min(chars.len());
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Path, // `::`
    Punct(char),
}

fn tokens(code: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Token::Word(chars[start..i].iter().collect()), line));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((Token::Path, line));
            i += 2;
        } else {
            out.push((Token::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// Every path of `source` (the file `file` of `module`) that leaves its
/// module, resolved from the crate root.
fn references_in(
    source: &str,
    file: &str,
    module: &ModulePath,
    children: &BTreeSet<String>,
) -> Vec<Reference> {
    let tokens = tokens(&code_only(source));
    let word = |i: usize| match tokens.get(i) {
        Some((Token::Word(w), _)) => Some(w.as_str()),
        _ => None,
    };
    let is = |i: usize, t: &Token| tokens.get(i).is_some_and(|(x, _)| x == t);
    // Inline modules (`mod tests { … }`): (name, brace depth inside).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].0 {
            Token::Punct('{') => {
                depth += 1;
                if i >= 2 && word(i - 2) == Some("mod") {
                    if let Some(name) = word(i - 1) {
                        inline.push((name.to_string(), depth));
                    }
                }
            }
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Token::Word(w) if is(i + 1, &Token::Path) && !(i > 0 && is(i - 1, &Token::Path)) => {
                let here: ModulePath = module
                    .iter()
                    .cloned()
                    .chain(inline.iter().map(|(n, _)| n.clone()))
                    .collect();
                let base = match w.as_str() {
                    "crate" => Some(Vec::new()),
                    "self" => Some(here.clone()),
                    "super" => here.split_last().map(|(_, parent)| parent.to_vec()),
                    child if inline.is_empty() && children.contains(child) => {
                        let mut base = here.clone();
                        base.push(child.to_string());
                        Some(base)
                    }
                    _ => None,
                };
                if let Some(base) = base {
                    let mut paths = Vec::new();
                    i = path_tree(&tokens, i + 2, base, &mut paths);
                    for (to, line) in paths {
                        found.push(Reference {
                            file: file.to_string(),
                            line,
                            from: module.clone(),
                            to,
                        });
                    }
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Reads `a::b`, `{a, b::{c, self}}`, `*` or `super::x` after `prefix::`,
/// collecting each full path with its line. Returns the next token's index.
fn path_tree(
    tokens: &[(Token, usize)],
    mut i: usize,
    mut prefix: ModulePath,
    paths: &mut Vec<(ModulePath, usize)>,
) -> usize {
    let line = tokens.get(i).map_or(0, |t| t.1);
    match tokens.get(i).map(|t| &t.0) {
        Some(Token::Punct('{')) => {
            i += 1;
            while i < tokens.len() && tokens[i].0 != Token::Punct('}') {
                if tokens[i].0 == Token::Punct(',') {
                    i += 1;
                    continue;
                }
                let before = i;
                i = path_tree(tokens, i, prefix.clone(), paths);
                if i == before {
                    i += 1;
                }
            }
            i + 1
        }
        Some(Token::Word(w)) => {
            match w.as_str() {
                "self" => {}
                "super" => {
                    prefix.pop();
                }
                _ => prefix.push(w.clone()),
            }
            if tokens.get(i + 1).is_some_and(|t| t.0 == Token::Path) {
                let next = tokens.get(i + 2).map(|t| &t.0);
                if matches!(next, Some(Token::Word(_)) | Some(Token::Punct('{' | '*'))) {
                    return path_tree(tokens, i + 2, prefix, paths);
                }
            }
            paths.push((prefix, line));
            i + 1
        }
        Some(Token::Punct('*')) => {
            paths.push((prefix, line));
            i + 1
        }
        _ => {
            paths.push((prefix, line));
            i
        }
    }
}

#[test]
fn the_reader_finds_what_it_should() {
    let source = "//! see crate::nowhere\n\
        use super::{fold::fold, stem::{self, stem}};\n\
        use crate::render::OutputFile;\n\
        fn f() { let s = \"crate::string\"; let c = '\"'; x::<'a>(); }\n\
        #[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::stem_hr::stem_hr;\n}\n\
        fn g() { links::rewrite(); r#\"crate::raw\"#; }\n";
    let module = vec!["search".to_string(), "analyze".to_string()];
    let children = BTreeSet::new();
    let found: Vec<(String, usize)> = references_in(source, "x.rs", &module, &children)
        .iter()
        .map(|r| (r.path(), r.line))
        .collect();
    let expected = [
        ("crate::search::fold::fold", 2),
        ("crate::search::stem", 2),
        ("crate::search::stem::stem", 2),
        ("crate::render::OutputFile", 3),
        ("crate::search::analyze", 7),
        ("crate::search::stem_hr::stem_hr", 8),
    ];
    let expected: Vec<(String, usize)> =
        expected.iter().map(|(p, l)| (p.to_string(), *l)).collect();
    assert_eq!(found, expected);
}
