//! Bytes to text. Guidance exported from old office tools is often not
//! UTF-8; rather than refuse it, the importer reads it in the legacy code
//! page it most likely is and says so, since a wrong guess garbles letters.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1250, WINDOWS_1252};

#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The legacy encoding the text was read as, when it was not UTF-8.
    pub read_as: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes, which no text format of ours has: an image, a PDF, an archive.
    Binary,
}

/// Languages written in Windows-1250 (Central European) rather than 1252.
pub const CENTRAL_EUROPEAN: &[&str] = &["hr", "sr", "bs", "sl", "cs", "sk", "pl", "hu", "ro"];

/// Decodes `bytes`; `language` (a site code) chooses the code page for
/// non-UTF-8 text, else `detect` (a language guess on the decoded text) does.
pub fn decode(
    bytes: &[u8],
    language: Option<&str>,
    detect: impl Fn(&str) -> Option<String>,
) -> Result<Decoded, NotText> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Ok(Decoded {
                text: text.into_owned(),
                read_as: Some(encoding.name()),
            });
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(NotText::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            read_as: None,
        });
    }
    // Most letters of these languages are ASCII, so a guess made on either
    // decoding names the language, and the language names the code page.
    let (western, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let language = language.map(str::to_string).or_else(|| detect(&western));
    let primary = language
        .as_deref()
        .map(|l| crate::language_tag::primary_of(l).to_ascii_lowercase());
    let encoding = match primary {
        Some(p) if CENTRAL_EUROPEAN.contains(&p.as_str()) => WINDOWS_1250,
        _ => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        read_as: Some(encoding.name()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn utf8_is_read_as_is_without_its_bom() {
        let d = decode("\u{FEFF}Čak".as_bytes(), None, none).unwrap();
        assert_eq!(d.text, "Čak");
        assert_eq!(d.read_as, None);
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", None, none),
            Err(NotText::Binary)
        );
    }

    #[test]
    fn croatian_in_windows_1250_gets_its_letters() {
        // "Čak i šef" in Windows-1250.
        let bytes = b"\xC8ak i \x9Aef";
        let d = decode(bytes, Some("hr"), none).unwrap();
        assert_eq!(d.text, "Čak i šef");
        assert_eq!(d.read_as, Some("windows-1250"));
        let d = decode(bytes, None, |_| Some("hr".into())).unwrap();
        assert_eq!(d.text, "Čak i šef");
    }

    #[test]
    fn western_text_is_windows_1252() {
        let d = decode(b"caf\xE9 cr\xE8me", None, |_| Some("it".into())).unwrap();
        assert_eq!(d.text, "café crème");
        assert_eq!(d.read_as, Some("windows-1252"));
    }
}
