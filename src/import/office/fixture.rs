//! Small .docx and .odt files made from XML strings, in the shapes Word,
//! Google Docs and LibreOffice write: for the tests, the fuzz seeds and
//! timing imports. Not used by polybook itself.

use std::io::Write;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;
const ODF: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3""#;

/// A 1×1 transparent PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// A zip of `entries`, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        // Writing to memory cannot fail but for a bug here.
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

/// The parts of a .docx beside its body.
#[derive(Default)]
pub struct Docx<'a> {
    /// `<w:style>` elements of styles.xml, and the default language.
    pub styles: &'a str,
    pub lang: Option<&'a str>,
    pub numbering: Option<&'a str>,
    /// `<Relationship>` elements of document.xml.rels.
    pub rels: &'a str,
    /// `<w:footnote>` elements.
    pub footnotes: Option<&'a str>,
    pub title: Option<&'a str>,
    pub media: &'a [(&'a str, &'a [u8])],
}

/// A .docx whose body holds `body` (paragraphs and tables).
pub fn docx(body: &str, parts: &Docx) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let lang = parts.lang.map_or(String::new(), |l| format!(r#"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="{l}"/></w:rPr></w:rPrDefault></w:docDefaults>"#));
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>{lang}{}</w:styles>"#,
        parts.styles
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
        parts.rels
    );
    let package = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_vec()),
        ("_rels/.rels".into(), package.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles.into_bytes()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
    ];
    if let Some(numbering) = parts.numbering {
        entries.push((
            "word/numbering.xml".into(),
            format!(r#"<w:numbering {W}>{numbering}</w:numbering>"#).into_bytes(),
        ));
    }
    if let Some(notes) = parts.footnotes {
        entries.push(("word/footnotes.xml".into(), format!(r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>{notes}</w:footnotes>"#).into_bytes()));
    }
    if let Some(title) = parts.title {
        entries.push(("docProps/core.xml".into(), format!(r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>"#).into_bytes()));
    }
    for (name, bytes) in parts.media {
        entries.push((format!("word/media/{name}"), bytes.to_vec()));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&refs)
}

/// A Word paragraph in `style` (empty: none) with plain `text`.
pub fn p(style: &str, text: &str) -> String {
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A Word style with its id, name and outline level.
pub fn style(id: &str, name: &str, outline: Option<u8>) -> String {
    let lvl = outline.map_or(String::new(), |l| {
        format!(r#"<w:pPr><w:outlineLvl w:val="{l}"/></w:pPr>"#)
    });
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>{lvl}</w:style>"#
    )
}

/// The parts of an .odt beside its body.
#[derive(Default)]
pub struct Odt<'a> {
    /// Elements of content.xml's `office:automatic-styles`.
    pub automatic: &'a str,
    /// Elements of styles.xml's `office:styles`.
    pub styles: &'a str,
    /// `dc:language` of meta.xml.
    pub lang: Option<&'a str>,
    pub title: Option<&'a str>,
    pub pictures: &'a [(&'a str, &'a [u8])],
    pub encrypted: bool,
}

/// An .odt whose `office:text` holds `body`.
pub fn odt(body: &str, parts: &Odt) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}><office:automatic-styles>{}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#,
        parts.automatic
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF}><office:styles>{}</office:styles></office:document-styles>"#,
        parts.styles
    );
    let lang = parts
        .lang
        .map_or(String::new(), |l| format!("<dc:language>{l}</dc:language>"));
    let title = parts
        .title
        .map_or(String::new(), |t| format!("<dc:title>{t}</dc:title>"));
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF}><office:meta>{title}{lang}</office:meta></office:document-meta>"#
    );
    let encryption = if parts.encrypted {
        "<manifest:encryption-data/>"
    } else {
        ""
    };
    let manifest = format!(
        r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">{encryption}</manifest:file-entry></manifest:manifest>"#
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "mimetype".into(),
            b"application/vnd.oasis.opendocument.text".to_vec(),
        ),
        ("content.xml".into(), content.into_bytes()),
        ("styles.xml".into(), styles.into_bytes()),
        ("meta.xml".into(), meta.into_bytes()),
        ("META-INF/manifest.xml".into(), manifest.into_bytes()),
    ];
    for (name, bytes) in parts.pictures {
        entries.push((format!("Pictures/{name}"), bytes.to_vec()));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&refs)
}

/// A Word document as Word writes it: English style names whatever the
/// language, `w:lang` on runs, a title property; in Portuguese.
pub fn word_like(title: &str, paragraphs: usize) -> Vec<u8> {
    let styles = [
        style("Heading1", "heading 1", Some(0)),
        style("Heading2", "heading 2", Some(1)),
        style("Title", "Title", None),
    ]
    .concat();
    let mut body = String::new();
    for i in 0..paragraphs {
        if i % 4 == 0 {
            body.push_str(&p("Heading2", &format!("Passo {}", i / 4 + 1)));
        }
        body.push_str(r#"<w:p><w:r><w:rPr><w:lang w:val="pt-BR"/></w:rPr><w:t xml:space="preserve">Ouça o cliente até o fim, sem interromper, e </w:t></w:r><w:r><w:rPr><w:b/><w:lang w:val="pt-BR"/></w:rPr><w:t>repita</w:t></w:r><w:r><w:rPr><w:lang w:val="pt-BR"/></w:rPr><w:t xml:space="preserve"> o que entendeu antes de propor uma solução.</w:t></w:r></w:p>"#);
    }
    docx(
        &body,
        &Docx {
            styles: &styles,
            lang: Some("en-US"),
            title: Some(title),
            ..Docx::default()
        },
    )
}
