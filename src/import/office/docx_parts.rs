//! The parts of a .docx around its text: styles (names, outline levels,
//! list numbering, language), numbering definitions, relationships
//! (links, images) and the title property.

use super::styles::{self, Kind};
use roxmltree::{Document, Node};
use std::collections::HashMap;

/// An attribute by its local name (`w:val` → `val`), whatever its prefix.
pub fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

pub fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// `<w:b/>`, `<w:b w:val="true"/>`: on unless its value says off.
pub fn on(node: Option<Node>) -> bool {
    node.is_some_and(|n| !matches!(attr(n, "val"), Some("0" | "false" | "off" | "none")))
}

#[derive(Debug, Default, Clone)]
struct RawStyle {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, usize)>,
    lang: Option<String>,
}

/// Paragraph and character styles by id, with what they inherit resolved.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, RawStyle>,
    pub default_language: Option<String>,
}

impl Styles {
    pub fn parse(doc: &Document) -> Styles {
        let mut out = Styles::default();
        let root = doc.root_element();
        let defaults = root
            .descendants()
            .find(|n| is(*n, "rPrDefault"))
            .and_then(|n| n.descendants().find(|d| is(*d, "lang")));
        out.default_language = defaults.and_then(|n| attr(n, "val")).map(str::to_string);
        for style in root.children().filter(|n| is(*n, "style")) {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            let ppr = child(style, "pPr");
            let num = ppr.and_then(|p| child(p, "numPr"));
            let raw = RawStyle {
                name: child(style, "name")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                based_on: child(style, "basedOn")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                outline: ppr
                    .and_then(|p| child(p, "outlineLvl"))
                    .and_then(|n| attr(n, "val")?.parse().ok()),
                numbering: num.and_then(|n| {
                    let id = child(n, "numId").and_then(|i| attr(i, "val"))?;
                    let level = child(n, "ilvl").and_then(|i| attr(i, "val")?.parse().ok());
                    Some((id.to_string(), level.unwrap_or(0)))
                }),
                lang: child(style, "rPr")
                    .and_then(|r| child(r, "lang"))
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
            };
            let is_default = matches!(attr(style, "default"), Some("1" | "true"));
            if is_default && attr(style, "type") == Some("paragraph") {
                if let Some(lang) = &raw.lang {
                    out.default_language = Some(lang.clone());
                }
            }
            out.styles.insert(id.to_string(), raw);
        }
        out
    }

    /// The chain of a style and those it is based on (bounded: a cycle
    /// in a hostile file must end).
    fn chain(&self, id: &str) -> impl Iterator<Item = &RawStyle> {
        let mut next = self.styles.get(id);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.based_on.as_deref().and_then(|b| self.styles.get(b));
            Some(style)
        })
        .take(16)
    }

    /// A paragraph style as a title or heading: by its name (localized or
    /// not), else by the outline level it or its parents set.
    pub fn kind(&self, id: &str) -> Option<Kind> {
        let Some(style) = self.styles.get(id) else {
            return styles::kind(id);
        };
        let named = style
            .name
            .as_deref()
            .and_then(styles::kind)
            .or_else(|| styles::kind(id));
        named.or_else(|| {
            let level = self.chain(id).find_map(|s| s.outline)?;
            (level < 9).then_some(Kind::Heading(level + 1))
        })
    }

    pub fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }

    pub fn name(&self, id: &str) -> Option<&str> {
        self.styles.get(id)?.name.as_deref()
    }
}

/// Whether each list level counts (1. 2. 3.) or bullets, by `numId`.
#[derive(Debug, Default)]
pub struct Numbering {
    /// numId → level → ordered; `None` when the level shows no marker.
    lists: HashMap<String, HashMap<usize, Option<bool>>>,
}

impl Numbering {
    pub fn parse(doc: &Document) -> Numbering {
        let root = doc.root_element();
        let mut abstracts: HashMap<&str, HashMap<usize, Option<bool>>> = HashMap::new();
        for abs in root.children().filter(|n| is(*n, "abstractNum")) {
            let Some(id) = attr(abs, "abstractNumId") else {
                continue;
            };
            let mut levels = HashMap::new();
            for lvl in abs.children().filter(|n| is(*n, "lvl")) {
                let level = attr(lvl, "ilvl").and_then(|l| l.parse().ok()).unwrap_or(0);
                let format = child(lvl, "numFmt")
                    .and_then(|f| attr(f, "val"))
                    .unwrap_or("decimal");
                let ordered = match format {
                    "none" => None,
                    "bullet" => Some(false),
                    _ => Some(true),
                };
                levels.insert(level, ordered);
            }
            abstracts.insert(id, levels);
        }
        let mut lists = HashMap::new();
        for num in root.children().filter(|n| is(*n, "num")) {
            let (Some(id), Some(abs)) = (
                attr(num, "numId"),
                child(num, "abstractNumId").and_then(|a| attr(a, "val")),
            ) else {
                continue;
            };
            if let Some(levels) = abstracts.get(abs) {
                lists.insert(id.to_string(), levels.clone());
            }
        }
        Numbering { lists }
    }

    /// Whether list `id` at `level` is ordered; `None`: not a list item.
    pub fn ordered(&self, id: &str, level: usize) -> Option<bool> {
        if id == "0" {
            return None;
        }
        match self.lists.get(id) {
            Some(levels) => levels.get(&level).copied().unwrap_or(Some(false)),
            // A list without a definition is still a list; bullets are the safer guess.
            None => Some(false),
        }
    }
}

/// Relationship id → (target, external).
pub fn relationships(doc: &Document) -> HashMap<String, (String, bool)> {
    doc.root_element()
        .children()
        .filter(|n| is(*n, "Relationship"))
        .filter_map(|n| {
            let external =
                attr(n, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external"));
            Some((
                attr(n, "Id")?.to_string(),
                (attr(n, "Target")?.to_string(), external),
            ))
        })
        .collect()
}

/// The main document part named by the package's relationships.
pub fn main_part(doc: &Document) -> Option<String> {
    doc.root_element()
        .children()
        .filter(|n| is(*n, "Relationship"))
        .find(|n| attr(*n, "Type").is_some_and(|t| t.ends_with("/officeDocument")))
        .and_then(|n| attr(n, "Target"))
        .map(|t| t.trim_start_matches('/').to_string())
}

/// `dc:title` of core.xml or meta.xml.
pub fn title(doc: &Document) -> Option<String> {
    let node = doc.descendants().find(|n| is(*n, "title"))?;
    let text: String = node
        .text()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}
