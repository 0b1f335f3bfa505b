//! An .odt (LibreOffice, OpenOffice, Google Docs' ODF export) to the
//! office model: content.xml walked with the automatic styles it carries
//! and the named styles of styles.xml.

use super::archive::{self, Archive, Refusal};
use super::docx_parts::{attr, child, is, title};
use super::model::{Block, Doc, Piece};
use super::styles::{self, Kind};
use roxmltree::{Document, Node};
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
struct Style {
    parent: Option<String>,
    display: Option<String>,
    outline: Option<u8>,
    bold: bool,
    italic: bool,
    page_break: bool,
    lang: Option<String>,
}

#[derive(Default)]
struct Styles {
    styles: HashMap<String, Style>,
    /// List style name → level (1-based) → ordered.
    lists: HashMap<String, HashMap<usize, bool>>,
}

impl Styles {
    fn add(&mut self, doc: &Document) {
        for node in doc.descendants() {
            if is(node, "style") {
                if let Some(name) = attr(node, "name") {
                    self.styles.insert(name.to_string(), style(node));
                }
            } else if is(node, "list-style") {
                let Some(name) = attr(node, "name") else {
                    continue;
                };
                let levels = node
                    .children()
                    .filter(Node::is_element)
                    .filter_map(|l| {
                        let level = attr(l, "level")?.parse().ok()?;
                        Some((level, l.tag_name().name() == "list-level-style-number"))
                    })
                    .collect();
                self.lists.insert(name.to_string(), levels);
            }
        }
    }

    fn chain(&self, name: &str) -> impl Iterator<Item = (&str, &Style)> {
        let mut next = self.styles.get_key_value(name);
        std::iter::from_fn(move || {
            let (name, style) = next?;
            next = style
                .parent
                .as_deref()
                .and_then(|p| self.styles.get_key_value(p));
            Some((name.as_str(), style))
        })
        .take(16)
    }

    fn kind(&self, name: &str) -> Option<Kind> {
        for (id, style) in self.chain(name) {
            let named = style
                .display
                .clone()
                .unwrap_or_else(|| id.replace("_20_", " "));
            if let Some(kind) = styles::kind(&named) {
                return Some(kind);
            }
            if let Some(level) = style.outline.filter(|l| (1..=9).contains(l)) {
                return Some(Kind::Heading(level));
            }
        }
        None
    }

    fn format(&self, name: &str) -> (bool, bool) {
        self.chain(name).fold((false, false), |(b, i), (_, s)| {
            (b || s.bold, i || s.italic)
        })
    }
}

fn style(node: Node) -> Style {
    let text = child(node, "text-properties");
    let para = child(node, "paragraph-properties");
    let weight = text
        .and_then(|t| attr(t, "font-weight"))
        .unwrap_or("normal");
    let lang = text
        .and_then(|t| attr(t, "language"))
        .filter(|l| *l != "none");
    let country = text
        .and_then(|t| attr(t, "country"))
        .filter(|c| *c != "none");
    Style {
        parent: attr(node, "parent-style-name").map(str::to_string),
        display: attr(node, "display-name").map(str::to_string),
        outline: attr(node, "default-outline-level").and_then(|l| l.parse().ok()),
        bold: weight == "bold" || weight.parse::<u16>().is_ok_and(|w| w >= 600),
        italic: text
            .and_then(|t| attr(t, "font-style"))
            .is_some_and(|s| s == "italic" || s == "oblique"),
        page_break: para.and_then(|p| attr(p, "break-before")) == Some("page"),
        lang: lang.map(|l| match country {
            Some(c) => format!("{l}-{c}"),
            None => l.to_string(),
        }),
    }
}

pub fn read(archive: &mut Archive<'_>) -> Result<Doc, Refusal> {
    if let Some(manifest) = archive.text("META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(Refusal::Encrypted);
        }
    }
    let content_text = archive.required("content.xml")?;
    let styles_text = archive.text("styles.xml")?;
    let meta_text = archive.text("meta.xml")?;
    let content = archive::parse("content.xml", &content_text)?;
    let named = styles_text
        .as_deref()
        .map(|t| archive::parse("styles.xml", t))
        .transpose()?;
    let meta = meta_text
        .as_deref()
        .map(|t| archive::parse("meta.xml", t))
        .transpose()?;
    let mut styles = Styles::default();
    let mut default_language = None;
    if let Some(named) = &named {
        styles.add(named);
        default_language = named
            .descendants()
            .find(|n| is(*n, "default-style") && attr(*n, "family") == Some("paragraph"))
            .and_then(|n| style(n).lang);
    }
    styles.add(&content);
    let meta_lang = meta.as_ref().and_then(|m| {
        let node = m.descendants().find(|n| is(*n, "language"))?;
        Some(node.text()?.trim().to_string()).filter(|l| !l.is_empty())
    });
    let mut walker = Walker {
        archive,
        styles,
        doc: Doc {
            title: meta.as_ref().and_then(title),
            default_language: meta_lang.or(default_language),
            ..Doc::default()
        },
        images: HashMap::new(),
        failed: None,
    };
    let body = content
        .descendants()
        .find(|n| is(*n, "text") && n.parent().is_some_and(|p| is(p, "body")));
    if let Some(body) = body {
        walker.blocks(body, None);
    }
    match walker.failed {
        Some(refusal) => Err(refusal),
        None => Ok(walker.doc),
    }
}

struct Walker<'w, 'b> {
    archive: &'w mut Archive<'b>,
    styles: Styles,
    doc: Doc,
    images: HashMap<String, Option<usize>>,
    failed: Option<Refusal>,
}

/// The list a paragraph is in: its list style and level (0: outermost).
type InList<'s> = Option<(Option<&'s str>, usize)>;

impl Walker<'_, '_> {
    fn blocks(&mut self, parent: Node, list: InList) {
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "p" | "h" => {
                    if let Some(block) = self.paragraph(node, list) {
                        self.doc.blocks.push(block);
                    }
                }
                "list" => {
                    let style = attr(node, "style-name");
                    let inner = match list {
                        Some((outer, level)) => (style.or(outer), level + 1),
                        None => (style, 0),
                    };
                    for item in node
                        .children()
                        .filter(|n| is(*n, "list-item") || is(*n, "list-header"))
                    {
                        let first = self.doc.blocks.len();
                        self.blocks(item, Some(inner));
                        merge_item(&mut self.doc.blocks, first);
                    }
                }
                "table" => {
                    let table = self.table(node);
                    self.doc.blocks.push(table);
                }
                "tracked-changes" => {
                    for region in node.children().filter(|n| is(*n, "changed-region")) {
                        if region.children().any(|n| is(n, "deletion")) {
                            self.doc.counts.deletions += 1;
                        } else if region.children().any(|n| is(n, "insertion")) {
                            self.doc.counts.insertions += 1;
                        }
                    }
                }
                "annotation" => self.doc.counts.comments += 1,
                "section" => self.blocks(node, list),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node, list: InList) -> Option<Block> {
        let style = attr(p, "style-name");
        if style.is_some_and(|s| self.styles.chain(s).any(|(_, st)| st.page_break)) {
            self.doc.counts.page_breaks += 1;
        }
        let (bold, italic) = style.map(|s| self.styles.format(s)).unwrap_or_default();
        let mut pieces = Vec::new();
        self.inline(p, (bold, italic), None, &mut pieces);
        if pieces
            .iter()
            .all(|p| matches!(p, Piece::Text { text, .. } if text.trim().is_empty()))
        {
            return None;
        }
        let outline = attr(p, "outline-level").and_then(|l| l.parse::<u8>().ok());
        let kind = if is(p, "h") {
            let styled = style.and_then(|s| self.styles.kind(s));
            match styled {
                Some(Kind::Title) => Some(Kind::Title),
                _ => Some(Kind::Heading(outline.unwrap_or(1).clamp(1, 9))),
            }
        } else {
            style.and_then(|s| self.styles.kind(s))
        };
        match (kind, list) {
            (Some(Kind::Title), _) => Some(Block::Title(pieces)),
            (Some(Kind::Heading(level)), _) => Some(Block::Heading(level, pieces)),
            (None, Some((style, level))) => {
                let ordered = style
                    .and_then(|s| self.styles.lists.get(s))
                    .and_then(|levels| levels.get(&(level + 1)).copied())
                    .unwrap_or(false);
                Some(Block::Item {
                    level: level.min(8),
                    ordered,
                    pieces,
                })
            }
            (None, None) => Some(Block::Para(pieces)),
        }
    }

    fn table(&mut self, table: Node) -> Block {
        let mut rows = Vec::new();
        for tr in table.descendants().filter(|n| is(*n, "table-row")) {
            // Rows of a table nested in a cell belong to that cell.
            if tr.ancestors().skip(1).find(|a| is(*a, "table")) != Some(table) {
                continue;
            }
            let mut row = Vec::new();
            for tc in tr
                .children()
                .filter(|n| is(*n, "table-cell") || is(*n, "covered-table-cell"))
            {
                let mut cell = Vec::new();
                for p in tc.descendants().filter(|n| is(*n, "p") || is(*n, "h")) {
                    if !cell.is_empty() {
                        cell.push(Piece::Break);
                    }
                    self.inline(p, (false, false), None, &mut cell);
                }
                row.push(cell);
            }
            rows.push(row);
        }
        Block::Table(rows)
    }

    fn inline(
        &mut self,
        parent: Node,
        format: (bool, bool),
        link: Option<&str>,
        out: &mut Vec<Piece>,
    ) {
        for node in parent.children() {
            if node.is_text() {
                let text = node.text().unwrap_or("");
                let collapsed: String = collapse(text);
                if !collapsed.is_empty() {
                    out.push(Piece::Text {
                        text: collapsed,
                        bold: format.0,
                        italic: format.1,
                        link: link.map(str::to_string),
                    });
                }
                continue;
            }
            if !node.is_element() {
                continue;
            }
            match node.tag_name().name() {
                "span" => {
                    let style = attr(node, "style-name");
                    let (b, i) = style.map(|s| self.styles.format(s)).unwrap_or_default();
                    if let Some(lang) =
                        style.and_then(|s| self.styles.chain(s).find_map(|(_, st)| st.lang.clone()))
                    {
                        let len = node
                            .descendants()
                            .filter_map(|n| n.text())
                            .map(str::len)
                            .sum();
                        self.doc.mark_language(&lang, len);
                    }
                    self.inline(node, (format.0 || b, format.1 || i), link, out);
                }
                "a" => {
                    let href = attr(node, "href").filter(|h| !h.starts_with('#'));
                    self.inline(node, format, href.or(link), out);
                }
                "s" => {
                    let n = attr(node, "c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1);
                    out.push(Piece::text(" ".repeat(n.min(8))));
                }
                "tab" => out.push(Piece::text(" ")),
                "line-break" => out.push(Piece::Break),
                "note" => self.note(node, out),
                "frame" => self.image(node, out),
                "annotation" => self.doc.counts.comments += 1,
                "meta" | "bookmark-ref" | "reference-ref" | "sequence" | "date" | "time"
                | "page-number" | "title" => self.inline(node, format, link, out),
                _ => {}
            }
        }
    }

    fn note(&mut self, note: Node, out: &mut Vec<Piece>) {
        let Some(body) = child(note, "note-body") else {
            return;
        };
        let index = self.doc.notes.len();
        self.doc.notes.push(Vec::new());
        let mut pieces = Vec::new();
        for p in body.descendants().filter(|n| is(*n, "p")) {
            if !pieces.is_empty() {
                pieces.push(Piece::Break);
            }
            self.inline(p, (false, false), None, &mut pieces);
        }
        self.doc.notes[index] = pieces;
        out.push(Piece::Note(index));
    }

    fn image(&mut self, frame: Node, out: &mut Vec<Piece>) {
        let alt = child(frame, "desc")
            .or_else(|| child(frame, "title"))
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_string();
        let Some(href) = child(frame, "image").and_then(|n| attr(n, "href")) else {
            return;
        };
        let index = match self.images.get(href) {
            Some(index) => *index,
            None => {
                let index = self.load_image(href);
                self.images.insert(href.to_string(), index);
                index
            }
        };
        if let Some(index) = index {
            out.push(Piece::Image(index, alt));
        }
    }

    fn load_image(&mut self, href: &str) -> Option<usize> {
        let entry = (!href.contains("://"))
            .then(|| archive::resolve("", href))
            .flatten();
        let read = match entry {
            Some(entry) => self.archive.read(&entry).map(|b| b.map(|b| (entry, b))),
            None => Ok(None),
        };
        match read {
            Ok(Some((entry, bytes))) => self.doc.add_image(&entry, bytes),
            Ok(None) => {
                self.doc.counts.images_skipped += 1;
                None
            }
            Err(refusal) => {
                self.failed.get_or_insert(refusal);
                None
            }
        }
    }
}

/// ODF collapses runs of white space in text to one space (`text:s` holds
/// the spaces meant).
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Paragraphs after the first of one list item continue it.
fn merge_item(blocks: &mut Vec<Block>, first: usize) {
    let Some(Block::Item { level, .. }) = blocks.get(first) else {
        return;
    };
    let level = *level;
    while matches!(blocks.get(first + 1), Some(Block::Item { level: l, .. }) if *l == level) {
        let Block::Item { pieces, .. } = blocks.remove(first + 1) else {
            break;
        };
        if let Some(Block::Item { pieces: head, .. }) = blocks.get_mut(first) {
            head.push(Piece::Break);
            head.extend(pieces);
        }
    }
}
