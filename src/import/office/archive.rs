//! The zip container of .docx and .odt files, read as untrusted input: the
//! sizes its headers declare are never believed, every entry is read
//! through a limit, and the whole document shares one budget, so a zip
//! bomb costs at most that budget's memory and time.

use std::io::{Cursor, Read};

/// What all the entries read from one document may decompress to.
pub const TOTAL_LIMIT: u64 = 200 * 1024 * 1024;
/// Deflate cannot pass about 1030:1; real XML stays far below this.
const RATIO_LIMIT: u64 = 300;
/// Small entries may compress well (repeated empty cells) without harm.
const RATIO_FREE: u64 = 1024 * 1024;
/// More entries than any document has: a central directory built to exhaust.
const ENTRY_LIMIT: usize = 20_000;

/// Why a document cannot be read, as the user's diagnostic words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An OLE compound file: Word's encryption wrapper, or a .doc.
    Compound,
    NotZip(String),
    Encrypted,
    TooLarge,
    Bomb(String),
    Missing(String),
    BadXml(String, String),
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::Compound => {
                "this is encrypted (password-protected) or an old .doc, not a .docx or .odt zip"
                    .into()
            }
            Refusal::NotZip(why) => format!("not a readable document: the zip is corrupt ({why})"),
            Refusal::Encrypted => "the document is password-protected".into(),
            Refusal::TooLarge => format!(
                "the document unpacks to more than {} MB: not read",
                TOTAL_LIMIT / 1024 / 1024
            ),
            Refusal::Bomb(name) => {
                format!(
                    "`{name}` in the document unpacks far beyond its size (a zip bomb?): not read"
                )
            }
            Refusal::Missing(name) => format!("the document lacks its `{name}` part"),
            Refusal::BadXml(name, why) => {
                format!("`{name}` in the document is not valid XML: {why}")
            }
        }
    }

    pub fn help(&self) -> &'static str {
        match self {
            Refusal::Compound | Refusal::Encrypted => {
                "open it in Word or LibreOffice, remove the password (or save a .doc as .docx), then import the copy"
            }
            Refusal::NotZip(_) | Refusal::Missing(_) | Refusal::BadXml(..) => {
                "open it in Word or LibreOffice and save it again as .docx or .odt, then import the copy"
            }
            Refusal::TooLarge | Refusal::Bomb(_) => {
                "if the document is genuine, split it or remove large images, then import it again"
            }
        }
    }
}

/// An opened document: its entries are read on demand, within the budget.
pub struct Archive<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    spent: u64,
}

impl<'b> Archive<'b> {
    pub fn open(bytes: &'b [u8]) -> Result<Archive<'b>, Refusal> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(Refusal::Compound);
        }
        if !bytes.starts_with(b"PK") {
            return Err(Refusal::NotZip("it does not start like a zip".into()));
        }
        let zip =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refusal::NotZip(e.to_string()))?;
        if zip.len() > ENTRY_LIMIT {
            return Err(Refusal::Bomb(format!("{} entries", zip.len())));
        }
        Ok(Archive { zip, spent: 0 })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The entry's bytes; `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refusal> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let entry = self.zip.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(_)
            | zip::result::ZipError::InvalidPassword => Refusal::Encrypted,
            other => Refusal::NotZip(other.to_string()),
        })?;
        if entry.encrypted() {
            return Err(Refusal::Encrypted);
        }
        // The compressed size is the one header read without unpacking;
        // even if it lies, the limit below holds, since `take` counts bytes.
        let ratio_cap = entry
            .compressed_size()
            .saturating_mul(RATIO_LIMIT)
            .max(RATIO_FREE);
        let budget = TOTAL_LIMIT - self.spent;
        let limit = budget.min(ratio_cap);
        let mut out = Vec::new();
        // One byte past the limit tells "at the limit" from "beyond it".
        entry
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| Refusal::NotZip(format!("`{name}`: {e}")))?;
        let size = out.len() as u64;
        if size > ratio_cap {
            return Err(Refusal::Bomb(name.to_string()));
        }
        if size > budget {
            return Err(Refusal::TooLarge);
        }
        self.spent += size;
        Ok(Some(out))
    }

    pub fn text(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|_| Refusal::BadXml(name.into(), "it is not UTF-8".into()))
    }

    pub fn required(&mut self, name: &str) -> Result<String, Refusal> {
        self.text(name)?
            .ok_or_else(|| Refusal::Missing(name.into()))
    }
}

/// Parses a part; DTDs are refused (so no entity can expand) and the node
/// count is bounded.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<roxmltree::Document<'a>, Refusal> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 5_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let why = match e {
            roxmltree::Error::DtdDetected => "it declares a DTD, which documents never need".into(),
            other => other.to_string(),
        };
        Refusal::BadXml(name.into(), why)
    })
}

/// The entry a relationship target names, from the folder of the part
/// that holds it (`word/`): `media/a.png`, `../media/a.png`, `/word/a.png`.
/// Used only to find entries, never as a path to write.
pub fn resolve(base: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_inside_the_zip() {
        assert_eq!(
            resolve("word", "media/a.png").as_deref(),
            Some("word/media/a.png")
        );
        assert_eq!(
            resolve("word", "../media/a.png").as_deref(),
            Some("media/a.png")
        );
        assert_eq!(
            resolve("word", "/word/x.png").as_deref(),
            Some("word/x.png")
        );
        assert_eq!(resolve("word", "../../x.png"), None);
    }

    #[test]
    fn a_dtd_is_refused() {
        let xml = "<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>";
        assert!(matches!(parse("x.xml", xml), Err(Refusal::BadXml(..))));
    }
}
