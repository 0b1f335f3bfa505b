//! What a web page leaves in text copied from it: summary and "recommended"
//! blocks, bylines, the title said again. Found by shape and by label words
//! of many languages, each a run of lines, so the importer can report it
//! (and, asked to, remove it) rather than publish it or drop it unseen.

use crate::text::fold::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A "Summary:" label and the lines of its block.
    Summary(String),
    /// A "Recommended:" label and the lines of its block (links elsewhere).
    Teaser(String),
    Byline(String),
    RepeatedTitle,
}

/// Lines `first..=last` (0-based) of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debris {
    pub first: usize,
    pub last: usize,
    pub kind: Kind,
}

impl Debris {
    /// What it looks like, for the warning.
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Summary(label) => {
                format!("a \"{label}\" summary block, page furniture of the web page")
            }
            Kind::Teaser(label) => format!("a \"{label}\" teaser for other articles"),
            Kind::Byline(text) => format!("a byline: \"{text}\""),
            Kind::RepeatedTitle => "the title repeated".to_string(),
        }
    }

    /// ` (lines 9-10)`, or nothing for one line.
    pub fn span(&self) -> String {
        if self.last > self.first {
            format!(" (lines {}-{})", self.first + 1, self.last + 1)
        } else {
            String::new()
        }
    }
}

const SUMMARY: &[&str] = &[
    "summary",
    "in summary",
    "contents",
    "table of contents",
    "tl;dr",
    "sommario",
    "sintesi",
    "riassunto",
    "indice",
    "resumo",
    "sumario",
    "resumen",
    "contenido",
    "contenidos",
    "sazetak",
    "sadrzaj",
    "zusammenfassung",
    "inhalt",
    "resume",
    "sommaire",
    "samenvatting",
    "podsumowanie",
    "shrnuti",
    "obsah",
    "povzetek",
];

const TEASER: &[&str] = &[
    "recommended",
    "recommended for you",
    "read more",
    "read also",
    "related",
    "related articles",
    "see also",
    "you may also like",
    "consigliato",
    "consigliati",
    "leggi anche",
    "articoli correlati",
    "potrebbe interessarti",
    "recomendado",
    "recomendados",
    "leia tambem",
    "veja tambem",
    "artigos relacionados",
    "lee tambien",
    "articulos relacionados",
    "preporuceno",
    "preporucujemo",
    "procitajte i",
    "procitajte jos",
    "povezani clanci",
    "empfohlen",
    "lesen sie auch",
    "recommande",
    "a lire aussi",
    "voir aussi",
];

/// Words that open a byline, followed by a name.
const BY: &[&str] = &[
    "by",
    "written by",
    "author",
    "di",
    "autore",
    "scritto da",
    "por",
    "escrito por",
    "autor",
    "autora",
    "pise",
    "napisao",
    "napisala",
    "par",
    "auteur",
    "von",
    "door",
    "przez",
];

/// "Anonymous" alone on a line, in the languages that print it as a byline.
const ANONYMOUS: &[&str] = &[
    "anonymous",
    "anonim",
    "anonimo",
    "anonima",
    "anonyme",
    "anonym",
    "anoniem",
    "anonimowy",
    "anonimus",
];

/// The label of a `Label:` line, if the folded label is one of `labels`.
fn label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, _) = line.trim().split_once(':')?;
    let folded = fold(head.trim());
    labels.contains(&folded.as_str()).then_some(head.trim())
}

/// A byline: an opening word and one to four capitalised name words, or
/// "anonymous". Short, so a sentence that starts with "By" is not one.
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 60 || t.ends_with(['.', '!', '?', ';', ',']) {
        return false;
    }
    let folded = fold(t);
    if ANONYMOUS.contains(&folded.as_str()) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    for opener in BY {
        let n = opener.split(' ').count();
        if words.len() <= n || words.len() > n + 4 {
            continue;
        }
        let head = fold(&words[..n].join(" "));
        if head.trim_end_matches(':') != *opener {
            continue;
        }
        let name = &words[n..];
        let named = name.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || [
                    "de", "da", "do", "dos", "del", "la", "le", "van", "von", "di",
                ]
                .contains(w)
        });
        if named && name[0].chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
    }
    false
}

/// A byline sits by the title: further down, "By Phone" is a heading.
const BYLINE_WITHIN: usize = 8;

/// Summary, teaser and byline lines of `lines`.
pub fn labelled(lines: &[&str]) -> Vec<Debris> {
    let mut found = Vec::new();
    let mut i = 0;
    let mut seen = 0;
    while i < lines.len() {
        let line = lines[i];
        if !line.trim().is_empty() {
            seen += 1;
        }
        let block = |kind: Kind| Debris {
            first: i,
            last: block_end(lines, i),
            kind,
        };
        let d = if let Some(l) = label(line, SUMMARY) {
            Some(block(Kind::Summary(format!("{l}:"))))
        } else if let Some(l) = label(line, TEASER) {
            Some(block(Kind::Teaser(format!("{l}:"))))
        } else if seen <= BYLINE_WITHIN && is_byline(line) {
            Some(Debris {
                first: i,
                last: i,
                kind: Kind::Byline(line.trim().to_string()),
            })
        } else {
            None
        };
        match d {
            Some(d) => {
                i = d.last + 1;
                found.push(d);
            }
            None => i += 1,
        }
    }
    found
}

/// The last line of the block that starts at `i` (lines up to a blank one).
fn block_end(lines: &[&str], i: usize) -> usize {
    let mut end = i;
    while end + 1 < lines.len() && !lines[end + 1].trim().is_empty() {
        end += 1;
    }
    end
}

/// Lines other than `title_line` that say the title again, in runs.
pub fn repeated_title(lines: &[&str], title: &str, title_line: Option<usize>) -> Vec<Debris> {
    let title = fold(title.trim());
    let mut found: Vec<Debris> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == title_line || title.is_empty() || fold(line.trim()) != title {
            continue;
        }
        match found.last_mut() {
            Some(run) if run.last + 1 == i => run.last = i,
            _ => found.push(Debris {
                first: i,
                last: i,
                kind: Kind::RepeatedTitle,
            }),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_any_language_open_a_block() {
        let lines = [
            "Resumo:",
            "Um texto.",
            "Outra linha",
            "",
            "Corpo.",
            "Recommended:",
        ];
        let found = labelled(&lines);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].first, found[0].last), (0, 2));
        assert_eq!(found[0].kind, Kind::Summary("Resumo:".into()));
        assert_eq!(found[1].kind, Kind::Teaser("Recommended:".into()));
        assert_eq!(
            labelled(&["Sažetak: kratko"])[0].kind,
            Kind::Summary("Sažetak:".into())
        );
        assert_eq!(
            labelled(&["Leia também:"])[0].kind,
            Kind::Teaser("Leia também:".into())
        );
        // A sentence with a colon is not a label.
        assert!(labelled(&["Resumindo o que foi dito: ouça o cliente."]).is_empty());
        // A byline is looked for near the top only.
        let mut lines = vec!["Título", "By Jane Doe"];
        lines.extend(["Texto."; 10]);
        lines.push("By Phone");
        let found = labelled(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Byline("By Jane Doe".into()));
    }

    #[test]
    fn bylines_are_short_and_name_someone() {
        for yes in [
            "By Jane Doe",
            "Di Mario Rossi",
            "Por María de la Cruz",
            "Autor: Ivan Horvat",
            "Anonim",
            "Anonymous",
        ] {
            assert!(is_byline(yes), "{yes}");
        }
        for no in [
            "Di solito la soluzione è più semplice di quanto sembri.",
            "By the way",
            "Por favor, escuche al cliente",
            "Os princípios",
            "",
        ] {
            assert!(!is_byline(no), "{no}");
        }
    }

    #[test]
    fn the_title_said_again_is_found_in_runs() {
        let lines = ["Título", "Título", "", "texto", "título ", "TÍTULO"];
        let found = repeated_title(&lines, "Título", Some(0));
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].first, found[0].last), (1, 1));
        assert_eq!((found[1].first, found[1].last), (4, 5));
        assert_eq!(found[1].span(), " (lines 5-6)");
    }
}
