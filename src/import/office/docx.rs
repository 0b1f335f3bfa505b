//! A .docx (Word, Google Docs, LibreOffice) to the office model: the main
//! document part walked paragraph by paragraph, with the styles, list
//! numbering, relationships and notes it refers to.

use super::archive::{self, Archive, Refusal};
use super::docx_parts::{self as parts, attr, child, is, on, Numbering, Styles};
use super::model::{Block, Doc, Piece};
use super::styles::Kind;
use roxmltree::{Document, Node};
use std::collections::{HashMap, HashSet};

pub fn read(archive: &mut Archive<'_>) -> Result<Doc, Refusal> {
    let main = match archive.text("_rels/.rels")? {
        Some(text) => parts::main_part(&archive::parse("_rels/.rels", &text)?),
        None => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_string());
    let base = main.rsplit_once('/').map_or("", |(dir, _)| dir).to_string();
    let file = main.rsplit('/').next().unwrap_or("document.xml");
    let body_text = archive.required(&main)?;
    let body = archive::parse(&main, &body_text)?;
    let optional = |archive: &mut Archive<'_>, name: &str| archive.text(name);
    let rels_name = format!("{base}/_rels/{file}.rels");
    let rels_text = optional(archive, &rels_name)?;
    let styles_text = optional(archive, &format!("{base}/styles.xml"))?;
    let numbering_text = optional(archive, &format!("{base}/numbering.xml"))?;
    let notes_text = optional(archive, &format!("{base}/footnotes.xml"))?;
    let endnotes_text = optional(archive, &format!("{base}/endnotes.xml"))?;
    let core_text = optional(archive, "docProps/core.xml")?;
    let rels = parsed(&rels_name, &rels_text)?;
    let styles = parsed("styles.xml", &styles_text)?;
    let numbering = parsed("numbering.xml", &numbering_text)?;
    let notes = parsed("footnotes.xml", &notes_text)?;
    let endnotes = parsed("endnotes.xml", &endnotes_text)?;
    let core = parsed("docProps/core.xml", &core_text)?;
    let styles = styles.as_ref().map(Styles::parse).unwrap_or_default();
    let mut walker = Walker {
        archive,
        base: &base,
        rels: rels.as_ref().map(parts::relationships).unwrap_or_default(),
        numbering: numbering.as_ref().map(Numbering::parse).unwrap_or_default(),
        notes: note_map(notes.as_ref(), endnotes.as_ref()),
        doc: Doc {
            title: core.as_ref().and_then(parts::title),
            default_language: styles.default_language.clone(),
            ..Doc::default()
        },
        styles,
        comments: HashSet::new(),
        images: HashMap::new(),
        failed: None,
    };
    if let Some(body) = body.root_element().children().find(|n| is(*n, "body")) {
        walker.blocks(body);
    }
    if let Some(refusal) = walker.failed {
        return Err(refusal);
    }
    walker.doc.counts.comments = walker.comments.len();
    Ok(walker.doc)
}

fn parsed<'t>(name: &str, text: &'t Option<String>) -> Result<Option<Document<'t>>, Refusal> {
    text.as_deref().map(|t| archive::parse(name, t)).transpose()
}

/// Footnotes and endnotes by (kind, id); separators are not notes.
fn note_map<'a, 'i>(
    notes: Option<&'a Document<'i>>,
    endnotes: Option<&'a Document<'i>>,
) -> HashMap<(bool, String), Node<'a, 'i>> {
    let mut map = HashMap::new();
    for (end, doc) in [(false, notes), (true, endnotes)] {
        let Some(doc) = doc else { continue };
        for note in doc.root_element().children().filter(|n| n.is_element()) {
            if attr(note, "type").is_some_and(|t| t != "normal") {
                continue;
            }
            if let Some(id) = attr(note, "id") {
                map.insert((end, id.to_string()), note);
            }
        }
    }
    map
}

#[derive(Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
}

struct Walker<'w, 'b, 'a, 'i> {
    archive: &'w mut Archive<'b>,
    base: &'w str,
    rels: HashMap<String, (String, bool)>,
    styles: Styles,
    numbering: Numbering,
    notes: HashMap<(bool, String), Node<'a, 'i>>,
    doc: Doc,
    comments: HashSet<String>,
    /// Relationship id → image index (None: skipped).
    images: HashMap<String, Option<usize>>,
    failed: Option<Refusal>,
}

impl Walker<'_, '_, '_, '_> {
    fn blocks(&mut self, parent: Node) {
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "p" => {
                    if let Some(block) = self.paragraph(node) {
                        self.doc.blocks.push(block);
                    }
                }
                "tbl" => {
                    let table = self.table(node);
                    self.doc.blocks.push(table);
                }
                "sdt" | "sdtContent" | "customXml" | "ins" | "moveTo" => self.blocks(node),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node) -> Option<Block> {
        let ppr = child(p, "pPr");
        let style = ppr
            .and_then(|n| child(n, "pStyle"))
            .and_then(|n| attr(n, "val"));
        if ppr.is_some_and(|n| on(child(n, "pageBreakBefore"))) {
            self.doc.counts.page_breaks += 1;
        }
        let mut pieces = Vec::new();
        self.inline(p, Format::default(), &mut pieces);
        if pieces
            .iter()
            .all(|p| matches!(p, Piece::Text { text, .. } if text.trim().is_empty()))
        {
            return None;
        }
        let outline = ppr
            .and_then(|n| child(n, "outlineLvl"))
            .and_then(|n| attr(n, "val")?.parse::<u8>().ok())
            .filter(|l| *l < 9);
        let kind = outline
            .map(|l| Kind::Heading(l + 1))
            .or_else(|| style.and_then(|s| self.styles.kind(s)));
        match kind {
            Some(Kind::Title) => return Some(Block::Title(pieces)),
            Some(Kind::Heading(level)) => return Some(Block::Heading(level, pieces)),
            None => {}
        }
        let numbered = ppr.and_then(|n| child(n, "numPr")).map(|n| {
            let id = child(n, "numId")
                .and_then(|i| attr(i, "val"))
                .unwrap_or("0");
            let level = child(n, "ilvl")
                .and_then(|i| attr(i, "val")?.parse().ok())
                .unwrap_or(0);
            (id.to_string(), level)
        });
        let numbered = numbered.or_else(|| style.and_then(|s| self.styles.numbering(s)));
        if let Some((id, level)) = numbered {
            if let Some(ordered) = self.numbering.ordered(&id, level) {
                return Some(Block::Item {
                    level: level.min(8),
                    ordered,
                    pieces,
                });
            }
        }
        Some(Block::Para(pieces))
    }

    fn table(&mut self, tbl: Node) -> Block {
        let mut rows = Vec::new();
        for tr in tbl.children().filter(|n| is(*n, "tr")) {
            let mut row = Vec::new();
            for tc in tr.children().filter(|n| is(*n, "tc")) {
                let mut cell = Vec::new();
                for p in tc.descendants().filter(|n| is(*n, "p")) {
                    if !cell.is_empty() {
                        cell.push(Piece::Break);
                    }
                    self.inline(p, Format::default(), &mut cell);
                }
                let span = child(tc, "tcPr")
                    .and_then(|n| child(n, "gridSpan"))
                    .and_then(|n| attr(n, "val")?.parse::<usize>().ok())
                    .unwrap_or(1);
                row.push(cell);
                for _ in 1..span.min(64) {
                    row.push(Vec::new());
                }
            }
            rows.push(row);
        }
        Block::Table(rows)
    }

    fn inline(&mut self, parent: Node, format: Format, out: &mut Vec<Piece>) {
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "r" => self.run(node, format, out),
                "hyperlink" => {
                    let link = attr(node, "id")
                        .and_then(|id| self.rels.get(id))
                        .filter(|(_, external)| *external)
                        .map(|(target, _)| target.clone());
                    self.linked(node, format, link, out);
                }
                "ins" | "moveTo" => {
                    self.doc.counts.insertions += 1;
                    self.inline(node, format, out);
                }
                "del" | "moveFrom" => self.doc.counts.deletions += 1,
                "commentRangeStart" => {
                    if let Some(id) = attr(node, "id") {
                        self.comments.insert(id.to_string());
                    }
                }
                "smartTag" | "sdt" | "sdtContent" | "customXml" | "fldSimple" | "bdo" | "dir" => {
                    self.inline(node, format, out)
                }
                _ => {}
            }
        }
    }

    fn linked(&mut self, node: Node, format: Format, link: Option<String>, out: &mut Vec<Piece>) {
        let start = out.len();
        self.inline(node, format, out);
        if let Some(link) = link {
            for piece in &mut out[start..] {
                if let Piece::Text { link: l @ None, .. } = piece {
                    *l = Some(link.clone());
                }
            }
        }
    }

    fn run(&mut self, r: Node, format: Format, out: &mut Vec<Piece>) {
        let rpr = child(r, "rPr");
        let char_style = rpr
            .and_then(|n| child(n, "rStyle"))
            .and_then(|n| attr(n, "val"));
        let named = char_style
            .and_then(|s| self.styles.name(s))
            .unwrap_or("")
            .to_lowercase();
        let bold = rpr.is_some_and(|n| on(child(n, "b"))) || named == "strong";
        let italic = rpr.is_some_and(|n| on(child(n, "i"))) || named == "emphasis";
        let lang = rpr
            .and_then(|n| child(n, "lang"))
            .and_then(|n| attr(n, "val"));
        for node in r.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "t" => {
                    let text = node.text().unwrap_or("");
                    if let Some(lang) = lang {
                        self.doc.mark_language(lang, text.len());
                    }
                    out.push(Piece::Text {
                        text: text.to_string(),
                        bold: format.bold || bold,
                        italic: format.italic || italic,
                        link: None,
                    });
                }
                "tab" => out.push(Piece::text(" ")),
                "noBreakHyphen" => out.push(Piece::text("-")),
                "br" if attr(node, "type") == Some("page") => self.doc.counts.page_breaks += 1,
                "br" | "cr" => out.push(Piece::Break),
                "footnoteReference" | "endnoteReference" => {
                    let end = node.tag_name().name() == "endnoteReference";
                    self.note(end, attr(node, "id"), out);
                }
                "commentReference" => {
                    if let Some(id) = attr(node, "id") {
                        self.comments.insert(id.to_string());
                    }
                }
                "drawing" | "pict" | "object" => self.image(node, out),
                _ => {}
            }
        }
    }

    fn note(&mut self, end: bool, id: Option<&str>, out: &mut Vec<Piece>) {
        let Some(node) = id.and_then(|id| self.notes.get(&(end, id.to_string())).copied()) else {
            return;
        };
        // A note that refers to itself must not loop.
        self.notes
            .remove(&(end, id.unwrap_or_default().to_string()));
        let index = self.doc.notes.len();
        self.doc.notes.push(Vec::new());
        let mut pieces = Vec::new();
        for p in node.children().filter(|n| is(*n, "p")) {
            if !pieces.is_empty() {
                pieces.push(Piece::Break);
            }
            self.inline(p, Format::default(), &mut pieces);
        }
        self.doc.notes[index] = pieces;
        out.push(Piece::Note(index));
    }

    fn image(&mut self, node: Node, out: &mut Vec<Piece>) {
        let alt = node
            .descendants()
            .find(|n| is(*n, "docPr") || is(*n, "shape"))
            .and_then(|n| {
                attr(n, "descr")
                    .or_else(|| attr(n, "alt"))
                    .or_else(|| attr(n, "title"))
            })
            .unwrap_or("")
            .to_string();
        let Some(id) = node
            .descendants()
            .find(|n| is(*n, "blip") || is(*n, "imagedata"))
            .and_then(|n| attr(n, "embed").or_else(|| attr(n, "id")))
        else {
            return;
        };
        let index = match self.images.get(id) {
            Some(index) => *index,
            None => {
                let index = self.load_image(id);
                self.images.insert(id.to_string(), index);
                index
            }
        };
        if let Some(index) = index {
            out.push(Piece::Image(index, alt));
        }
    }

    fn load_image(&mut self, id: &str) -> Option<usize> {
        let entry = self
            .rels
            .get(id)
            .filter(|(_, external)| !external)
            .and_then(|(target, _)| archive::resolve(self.base, target));
        let Some(entry) = entry else {
            self.doc.counts.images_skipped += 1;
            return None;
        };
        match self.archive.read(&entry) {
            Ok(Some(bytes)) => self.doc.add_image(&entry, bytes),
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
