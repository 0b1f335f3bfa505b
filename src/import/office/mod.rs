//! Word (.docx) and OpenDocument (.odt) files as draft pages, read natively
//! from their zip and XML: headings by style (localized names too) or
//! outline level, lists, tables, links, footnotes and images. What a page
//! cannot hold (page breaks, comments, tracked changes) is dropped and
//! counted in a warning. A document that cannot be read safely (encrypted,
//! corrupt, a zip bomb, XML with a DTD) is refused with why.

mod archive;
mod docx;
mod docx_parts;
pub mod fixture;
mod model;
mod odt;
mod styles;
#[cfg(test)]
mod tests;

use super::markdown::{self, Value};
use super::{language, Options, Page};
use crate::diagnostics::Diagnostic;
use crate::text::fold::fold;
use crate::text::slug::slugify;
use archive::{Archive, Refusal};
use model::{Block, Doc};
use std::path::{Path, PathBuf};

pub const EXTENSIONS: &[&str] = &["docx", "odt"];

/// The formats, as `--from` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Odt,
}

pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "docx" | "docm" | "dotx" => Some(Format::Docx),
        "odt" | "ott" => Some(Format::Odt),
        _ => None,
    }
}

/// A page and the images extracted beside it.
#[derive(Debug)]
pub struct Imported {
    pub page: Page,
    /// Content paths (`pt/guia-1.png`) and bytes.
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// The page made from the document `bytes`, read from `path` as `format`
/// (else by its extension); `site` lists the configured language codes.
pub fn import(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    site: &[String],
    options: &Options,
) -> Result<Imported, Vec<Diagnostic>> {
    let refused = |r: Refusal| vec![Diagnostic::error(path, r.message()).hint(r.help())];
    let doc = read(bytes, format.or_else(|| format_of(path))).map_err(refused)?;
    page(path, doc, site, options)
}

/// The document model of `bytes`; exposed for the fuzz target.
pub fn read_model(bytes: &[u8], docx: bool) -> Result<String, String> {
    let format = if docx { Format::Docx } else { Format::Odt };
    let doc = read(bytes, Some(format)).map_err(|r| r.message())?;
    Ok(model::markdown(&doc.blocks, &doc.notes, &[]))
}

fn read(bytes: &[u8], format: Option<Format>) -> Result<Doc, Refusal> {
    let mut archive = Archive::open(bytes)?;
    let format = format.unwrap_or(if archive.has("content.xml") {
        Format::Odt
    } else {
        Format::Docx
    });
    match format {
        Format::Docx => docx::read(&mut archive),
        Format::Odt => {
            if let Some(kind) = archive.text("mimetype")? {
                if !kind
                    .trim()
                    .starts_with("application/vnd.oasis.opendocument.text")
                {
                    return Err(Refusal::NotZip(format!(
                        "it is {}, not a text document",
                        kind.trim()
                    )));
                }
            }
            odt::read(&mut archive)
        }
    }
}

fn page(
    path: &Path,
    mut doc: Doc,
    site: &[String],
    options: &Options,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut warnings = dropped(path, &doc);
    let title = take_title(&mut doc);
    let prose: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(model::plain(p)),
            _ => None,
        })
        .collect();
    let prose = prose.join("\n\n");
    let all_text = text_of(&doc, &prose);
    let lang = match &options.lang {
        Some(lang) => lang.clone(),
        None => language_of(path, &doc, &all_text, site, &mut warnings)
            .map_err(|e| [warnings.clone(), vec![e]].concat())?,
    };
    let title = match title {
        Some(title) => title,
        None => {
            // A document of lists or tables alone still has a title to give:
            // its first item, else its file's name.
            let items = all_text.trim().replace('\n', "\n\n");
            let from_name = || {
                let stem = path.file_stem()?.to_string_lossy().replace(['_', '-'], " ");
                let mut chars = stem.trim().chars();
                let first = chars.next()?;
                Some(first.to_uppercase().chain(chars).collect::<String>())
            };
            let found = super::title_from_text(&prose)
                .or_else(|| super::title_from_text(&items))
                .or_else(|| (!doc.blocks.is_empty()).then(from_name).flatten());
            let Some(title) = found else {
                return Err([warnings, vec![Diagnostic::error(path, "nothing to import: the document has no text")
                    .hint("check that it is the right file; text in text boxes and shapes is not read")]]
                .concat());
            };
            warnings.push(Diagnostic::warning(path, format!(
                "the document has no title (property, Title or Heading 1 style): took \"{title}\" from its opening"
            )).hint("set `title` (and `slug`, for the address) in the imported page"));
            title
        }
    };
    let slug = Some(slugify(&title))
        .filter(|s| !s.is_empty())
        .or_else(|| {
            path.file_stem()
                .map(|s| slugify(&s.to_string_lossy()))
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "page".to_string());
    let mut folder = PathBuf::from(&lang);
    if let Some(section) = &options.section {
        folder.push(section);
    }
    let names: Vec<String> = doc
        .images
        .iter()
        .enumerate()
        .map(|(i, image)| format!("{slug}-{}.{}", i + 1, image.ext))
        .collect();
    let body = model::markdown(&doc.blocks, &doc.notes, &names);
    let files = names
        .iter()
        .zip(std::mem::take(&mut doc.images))
        .map(|(name, image)| (folder.join(name), image.bytes))
        .collect();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut keys = vec![("title", Value::Text(title.clone()))];
    let description =
        super::description(&prose).filter(|d| fold(d.trim_end_matches('.')) != fold(&title));
    if let Some(description) = description {
        keys.push(("description", Value::Text(description)));
    }
    keys.push(("draft", Value::Bool(true)));
    keys.push(("source", Value::Text(name)));
    let front = markdown::with_keys(None, &keys);
    let text = format!("{front}\n{body}");
    Ok(Imported {
        page: Page {
            lang,
            title,
            target: folder.join(format!("{slug}.md")),
            text,
            warnings,
        },
        files,
    })
}

/// The title: the document's title property, else its first Title-styled
/// paragraph, else its first Heading 1; a paragraph taken leaves the body.
fn take_title(doc: &mut Doc) -> Option<String> {
    let first_title = doc.blocks.iter().position(|b| matches!(b, Block::Title(_)));
    let first_h1 = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(1, _)));
    let text_of = |doc: &Doc, i: usize| match &doc.blocks[i] {
        Block::Title(p) | Block::Heading(_, p) => model::plain(p),
        _ => String::new(),
    };
    if let Some(title) = doc.title.clone() {
        // The same title written again at the top is not body text.
        if let Some(i) = first_title
            .or(first_h1)
            .filter(|&i| fold(&text_of(doc, i)) == fold(&title))
        {
            doc.blocks.remove(i);
        }
        return Some(title);
    }
    let i = first_title.or(first_h1)?;
    let title = text_of(doc, i);
    doc.blocks.remove(i);
    (!title.is_empty()).then_some(title)
}

fn text_of(doc: &Doc, prose: &str) -> String {
    let mut text = String::from(prose);
    for block in &doc.blocks {
        if let Block::Heading(_, p) | Block::Item { pieces: p, .. } = block {
            text.push('\n');
            text.push_str(&model::plain(p));
        }
    }
    text
}

/// The language the document marks its text with, as the site names it;
/// else the one its text is detected in.
fn language_of(
    path: &Path,
    doc: &Doc,
    text: &str,
    site: &[String],
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    let Some(marked) = doc.language() else {
        return super::detect(path, text, site, warnings);
    };
    let primary = language::primary(marked);
    if let Some(code) = site
        .iter()
        .find(|s| s.eq_ignore_ascii_case(marked))
        .or_else(|| language::site_code(&primary, site))
    {
        return Ok(code.clone());
    }
    let found = super::detect(path, text, site, warnings)?;
    warnings.push(Diagnostic::warning(path, format!(
        "the document marks its text as {} ({marked}), not a language of the site: imported as {found}, the language its text looks like",
        language::name_of(marked)
    )).hint("if that is wrong, remove the page and import again with --lang"));
    Ok(found)
}

/// What the page leaves out, counted.
fn dropped(path: &Path, doc: &Doc) -> Vec<Diagnostic> {
    let c = doc.counts;
    let mut warnings = Vec::new();
    let mut left = Vec::new();
    if c.page_breaks > 0 {
        left.push(format!("{} page break(s)", c.page_breaks));
    }
    if c.comments > 0 {
        left.push(format!("{} comment(s)", c.comments));
    }
    if !left.is_empty() {
        warnings.push(
            Diagnostic::warning(
                path,
                format!("dropped {}: a web page has neither", left.join(" and ")),
            )
            .hint("if a comment holds guidance, add it to the imported page"),
        );
    }
    if c.insertions + c.deletions > 0 {
        warnings.push(Diagnostic::warning(path, format!(
            "the document has tracked changes ({} insertion(s), {} deletion(s)): imported as if all were accepted",
            c.insertions, c.deletions
        ))
        .hint("if some changes should be rejected, review them in the document and import it again"));
    }
    if c.images_skipped > 0 {
        warnings.push(Diagnostic::warning(path, format!(
            "{} image(s) not imported: missing, linked from outside the document, or in a format browsers do not show (EMF, WMF, TIFF)",
            c.images_skipped
        ))
        .hint("save them as PNG or JPEG beside the page and link them from it"));
    }
    warnings
}
