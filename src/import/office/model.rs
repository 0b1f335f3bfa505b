//! What a .docx or .odt gives, whatever its format: blocks of styled text,
//! footnotes, images and counts of what was left out; and that model as
//! polybook Markdown. The two readers only fill it, so both formats come
//! out the same way.

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text {
        text: String,
        bold: bool,
        italic: bool,
        link: Option<String>,
    },
    /// A line break inside a paragraph (a space in tables and headings).
    Break,
    /// A reference to `Doc::notes[n]`.
    Note(usize),
    /// `Doc::images[n]`, with its alternative text.
    Image(usize, String),
}

impl Piece {
    pub fn text(text: impl Into<String>) -> Piece {
        Piece::Text {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph in the document's Title style.
    Title(Vec<Piece>),
    /// Outline level, 1 for Heading 1.
    Heading(u8, Vec<Piece>),
    Para(Vec<Piece>),
    /// A list item at `level` (0: outermost).
    Item {
        level: usize,
        ordered: bool,
        pieces: Vec<Piece>,
    },
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Vec<Piece>>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub bytes: Vec<u8>,
    /// A lowercase extension a browser shows: png, jpg, gif, webp.
    pub ext: &'static str,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub page_breaks: usize,
    pub comments: usize,
    pub insertions: usize,
    pub deletions: usize,
    /// Images in formats a browser cannot show (EMF, WMF), or missing.
    pub images_skipped: usize,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Doc {
    /// The document's title property (core.xml, meta.xml).
    pub title: Option<String>,
    /// Language marks with the amount of text each covers.
    pub languages: Vec<(String, usize)>,
    /// The language documents' defaults set (styles).
    pub default_language: Option<String>,
    pub blocks: Vec<Block>,
    pub notes: Vec<Vec<Piece>>,
    pub images: Vec<Image>,
    pub counts: Counts,
}

impl Doc {
    /// Counts `text` as written in `lang` (`hr-HR`).
    pub fn mark_language(&mut self, lang: &str, text: usize) {
        let lang = lang.trim();
        if lang.is_empty() || text == 0 {
            return;
        }
        match self
            .languages
            .iter_mut()
            .find(|(l, _)| l.eq_ignore_ascii_case(lang))
        {
            Some((_, n)) => *n += text,
            None => self.languages.push((lang.to_string(), text)),
        }
    }

    /// The language most of the marked text is in, else the default.
    pub fn language(&self) -> Option<&str> {
        self.languages
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(l, _)| l.as_str())
            .or(self.default_language.as_deref())
    }

    /// Keeps an image in a format browsers show; its index, if kept.
    pub fn add_image(&mut self, name: &str, bytes: Vec<u8>) -> Option<usize> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        let ext = match ext.as_str() {
            "png" => "png",
            "jpg" | "jpeg" => "jpg",
            "gif" => "gif",
            "webp" => "webp",
            _ => {
                self.counts.images_skipped += 1;
                return None;
            }
        };
        self.images.push(Image { bytes, ext });
        Some(self.images.len() - 1)
    }
}

/// Plain text of pieces, for titles and language detection.
pub fn plain(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, .. } => out.push_str(text),
            Piece::Break => out.push(' '),
            Piece::Note(_) | Piece::Image(..) => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders blocks as Markdown; headings one level down (the page's title
/// is its only `#`). `images` are the file names the images are written as.
pub fn markdown(blocks: &[Block], notes: &[Vec<Piece>], images: &[String]) -> String {
    let ctx = Ctx {
        images,
        one_line: false,
    };
    let mut out = String::new();
    let mut levels: Vec<usize> = Vec::new();
    for block in blocks {
        let item = matches!(block, Block::Item { .. });
        if !item {
            levels.clear();
        }
        let text = match block {
            Block::Title(p) => format!("## {}", heading(p, &ctx)),
            Block::Heading(level, p) => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                format!("{hashes} {}", heading(p, &ctx))
            }
            Block::Para(p) => escape_start(&inline(p, &ctx)),
            Block::Item {
                level,
                ordered,
                pieces,
            } => {
                // A level may only go one deeper than the item before it,
                // or the item would read as code.
                let level = (*level).min(levels.len());
                levels.truncate(level);
                levels.push(level);
                let marker = if *ordered { "1." } else { "-" };
                let indent = "    ".repeat(level);
                let text = inline(pieces, &ctx).replace('\n', &format!("\n{indent}  "));
                format!("{indent}{marker} {text}")
            }
            Block::Table(rows) => table(rows, &ctx),
        };
        if text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if item && !levels.is_empty() && out_ends_item(&out) {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(text.trim_end());
    }
    let mut first_note = true;
    for (n, note) in notes.iter().enumerate() {
        let text = inline(note, &ctx);
        out.push_str(if first_note { "\n\n" } else { "\n" });
        first_note = false;
        out.push_str(&format!("[^{}]: {}", n + 1, text.replace('\n', " ")));
    }
    out.push('\n');
    out
}

fn out_ends_item(out: &str) -> bool {
    let last = out.rsplit('\n').next().unwrap_or("").trim_start();
    last.starts_with("- ") || last.starts_with("1. ")
}

struct Ctx<'a> {
    images: &'a [String],
    /// A table cell or a heading: Markdown gives them one line.
    one_line: bool,
}

/// A heading's text on one line (a break in it would end the heading),
/// without the bold a whole heading is often set in: a heading is bold.
fn heading(pieces: &[Piece], ctx: &Ctx) -> String {
    let ctx = Ctx {
        images: ctx.images,
        one_line: true,
    };
    let all_bold = pieces.iter().all(|p| match p {
        Piece::Text { text, bold, .. } => *bold || text.trim().is_empty(),
        _ => true,
    });
    if !all_bold {
        return inline(pieces, &ctx);
    }
    let plain: Vec<Piece> = pieces
        .iter()
        .map(|p| match p {
            Piece::Text {
                text, italic, link, ..
            } => Piece::Text {
                text: text.clone(),
                bold: false,
                italic: *italic,
                link: link.clone(),
            },
            other => other.clone(),
        })
        .collect();
    inline(&plain, &ctx)
}

fn table(rows: &[Vec<Vec<Piece>>], ctx: &Ctx) -> String {
    let ctx = Ctx {
        images: ctx.images,
        one_line: true,
    };
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut cells: Vec<String> = row
            .iter()
            .map(|c| inline(c, &ctx).replace('|', "\\|"))
            .collect();
        cells.resize(width, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines.join("\n")
}

/// A paragraph that would start a list, heading or quote, escaped.
fn escape_start(text: &str) -> String {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0 && t[digits..].starts_with(['.', ')']);
    if t.starts_with(['#', '-', '+', '=', '>']) {
        format!("\\{t}")
    } else if ordered {
        format!("{}\\{}", &t[..digits], &t[digits..])
    } else {
        t.to_string()
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`') {
            out.push('\\');
        }
        out.push(if c == '\u{a0}' { ' ' } else { c });
    }
    out
}

/// Wraps `text` in `mark`, keeping its outer spaces outside the marks
/// (`** a**` is not bold in Markdown).
fn emphasize(text: &str, mark: &str) -> String {
    let core = text.trim();
    if core.is_empty() || mark.is_empty() {
        return text.to_string();
    }
    let start = &text[..text.len() - text.trim_start().len()];
    let end = &text[text.trim_end().len()..];
    format!("{start}{mark}{core}{mark}{end}")
}

fn inline(pieces: &[Piece], ctx: &Ctx) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Text {
                link: Some(url), ..
            } => {
                let mut label = String::new();
                while let Some(Piece::Text { link: Some(u), .. }) = pieces.get(i) {
                    if u != url {
                        break;
                    }
                    label.push_str(&styled(&pieces[i]));
                    i += 1;
                }
                let label = label.trim();
                let dest = url
                    .replace(' ', "%20")
                    .replace('(', "%28")
                    .replace(')', "%29");
                if label.is_empty() {
                    out.push_str(&format!("<{dest}>"));
                } else {
                    out.push_str(&format!("[{label}]({dest})"));
                }
                continue;
            }
            Piece::Text { .. } => {
                // Neighbours with the same style become one emphasis span.
                let mut j = i;
                let mut text = String::new();
                while let Some(p @ Piece::Text { link: None, .. }) = pieces.get(j) {
                    if !same_style(p, &pieces[i]) {
                        break;
                    }
                    if let Piece::Text { text: t, .. } = p {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let (bold, italic) = style_of(&pieces[i]);
                out.push_str(&wrap(&escape(&text), bold, italic));
                i = j;
                continue;
            }
            Piece::Break if ctx.one_line => out.push(' '),
            Piece::Break => out.push_str("\\\n"),
            Piece::Note(n) => out.push_str(&format!("[^{}]", n + 1)),
            Piece::Image(n, alt) => {
                if let Some(name) = ctx.images.get(*n) {
                    let alt = escape(&alt.split_whitespace().collect::<Vec<_>>().join(" "));
                    out.push_str(&format!("![{alt}]({name})"));
                }
            }
        }
        i += 1;
    }
    let out = out.trim_end_matches("\\\n").trim();
    if ctx.one_line {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out.to_string()
    }
}

fn style_of(piece: &Piece) -> (bool, bool) {
    match piece {
        Piece::Text { bold, italic, .. } => (*bold, *italic),
        _ => (false, false),
    }
}

fn same_style(a: &Piece, b: &Piece) -> bool {
    style_of(a) == style_of(b)
}

fn styled(piece: &Piece) -> String {
    match piece {
        Piece::Text {
            text, bold, italic, ..
        } => wrap(&escape(text), *bold, *italic),
        _ => String::new(),
    }
}

fn wrap(text: &str, bold: bool, italic: bool) -> String {
    let mark = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    emphasize(text, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool, italic: bool) -> Piece {
        Piece::Text {
            text: text.into(),
            bold,
            italic,
            link: None,
        }
    }

    #[test]
    fn runs_of_one_style_are_one_span_and_spaces_stay_outside() {
        let p = vec![
            t("Ouça ", false, false),
            t("o ", true, false),
            t("cliente ", true, false),
            t("sempre", false, true),
        ];
        assert_eq!(
            markdown(&[Block::Para(p)], &[], &[]),
            "Ouça **o cliente** *sempre*\n"
        );
    }

    #[test]
    fn lists_nest_and_never_skip_a_level() {
        let item = |level, ordered, s: &str| Block::Item {
            level,
            ordered,
            pieces: vec![Piece::text(s)],
        };
        let blocks = vec![
            item(0, true, "a"),
            item(2, false, "b"),
            item(1, false, "c"),
            item(0, true, "d"),
            Block::Para(vec![Piece::text("e")]),
        ];
        assert_eq!(
            markdown(&blocks, &[], &[]),
            "1. a\n    - b\n    - c\n1. d\n\ne\n"
        );
    }

    #[test]
    fn tables_flatten_breaks_and_escape_pipes() {
        let cell = |s: &str| vec![Piece::text(s)];
        let rows = vec![
            vec![cell("A"), cell("B")],
            vec![vec![Piece::text("x"), Piece::Break, Piece::text("y|z")]],
        ];
        assert_eq!(
            markdown(&[Block::Table(rows)], &[], &[]),
            "| A | B |\n| --- | --- |\n| x y\\|z |  |\n"
        );
    }

    #[test]
    fn headings_stay_on_one_line_without_their_bold() {
        // As Google Docs writes a heading that starts after a line break.
        let bold = |s: &str| Piece::Text {
            text: s.to_string(),
            bold: true,
            italic: false,
            link: None,
        };
        let blocks = vec![
            Block::Heading(1, vec![Piece::Break, bold("Osnovne naredbe")]),
            Block::Heading(2, vec![bold("Korak"), Piece::text(" prvi"), Piece::Break]),
            Block::Para(vec![Piece::text("a")]),
        ];
        assert_eq!(
            markdown(&blocks, &[], &[]),
            "## Osnovne naredbe\n\n### **Korak** prvi\n\na\n"
        );
    }
}
