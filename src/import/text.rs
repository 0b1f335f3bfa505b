//! Plain text to Markdown blocks. Text copied from the web has lost its
//! markup: headings are recognised by their shape (a short line without a
//! final full stop, followed by body text), not by any marker.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `line` is the 0-based source line the block starts on.
    Heading {
        text: String,
        line: usize,
    },
    /// `plain`: kept as it was (reported debris), never made a heading.
    Paragraph {
        text: String,
        line: usize,
        plain: bool,
    },
    List {
        items: Vec<String>,
        line: usize,
    },
}

/// A guess the editor should check: (0-based line, message).
pub type Notice = (usize, String);

const MAX_HEADING_WORDS: usize = 14;
/// A lead sentence this short, like its neighbours', is a step's heading.
const MAX_LEAD_WORDS: usize = 8;

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Short, with a letter, not ending like a sentence or a label.
pub fn is_heading_shaped(line: &str) -> bool {
    shaped(line, MAX_HEADING_WORDS, 100)
}

/// As a heading, but titles run longer ("…: 4 consigli per gestire i clienti difficili").
pub fn is_title_shaped(line: &str) -> bool {
    shaped(line, 20, 160)
}

fn shaped(line: &str, max_words: usize, max_chars: usize) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= max_chars
        && word_count(t) <= max_words
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ',', ';', ':'])
        && list_item(t).is_none()
}

fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["- ", "* ", "• ", "– ", "+ "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .map(str::trim)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '»', '”', ')'])
}

struct Unit<'a> {
    line: usize,
    text: &'a str,
    blank_before: bool,
    plain: bool,
}

/// The blocks of `lines`, leaving out those `skip` marks (the title, removed
/// debris) and keeping those `plain` marks as paragraphs of their own.
pub fn blocks(lines: &[&str], skip: &[bool], plain: &[bool]) -> (Vec<Block>, Vec<Notice>) {
    let mut units = Vec::new();
    let mut blank = true;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() || skip.get(i).copied().unwrap_or(false) {
            blank = true;
            continue;
        }
        units.push(Unit {
            line: i,
            text: line.trim(),
            blank_before: blank,
            plain: plain.get(i).copied().unwrap_or(false),
        });
        blank = false;
    }
    let mut out = Vec::new();
    let mut notices = Vec::new();
    let shaped = |u: &Unit| !u.plain && is_heading_shaped(u.text);
    let mut j = 0;
    while j < units.len() {
        let u = &units[j];
        if !u.plain && list_item(u.text).is_some() {
            let mut items = Vec::new();
            while let Some(item) = units
                .get(j)
                .filter(|u| !u.plain)
                .and_then(|u| list_item(u.text))
            {
                items.push(item.to_string());
                j += 1;
            }
            out.push(Block::List {
                items,
                line: u.line,
            });
            continue;
        }
        if shaped(u) {
            // A heading broken over lines by the copy: "Lidar", "controlado".
            let mut k = j;
            let mut words = word_count(u.text);
            while let Some(next) = units.get(k + 1) {
                if !(next.blank_before && shaped(next))
                    || words + word_count(next.text) > MAX_HEADING_WORDS
                {
                    break;
                }
                words += word_count(next.text);
                k += 1;
            }
            // A next line right below starting in lowercase continues a
            // hard-wrapped sentence: this line was no heading.
            let continues = |n: &Unit| !n.blank_before && n.text.starts_with(char::is_lowercase);
            if units
                .get(k + 1)
                .is_some_and(|n| !shaped(n) && !continues(n))
            {
                let text = units[j..=k]
                    .iter()
                    .map(|u| u.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                if k > j {
                    let lines: Vec<String> = units[j..=k]
                        .iter()
                        .map(|u| (u.line + 1).to_string())
                        .collect();
                    notices.push((
                        u.line,
                        format!("lines {} look like one heading split by the copy: joined as \"{text}\"", lines.join(" and ")),
                    ));
                }
                out.push(Block::Heading { text, line: u.line });
                j = k + 1;
                continue;
            }
        }
        let mut text = u.text.to_string();
        j += 1;
        // Hard-wrapped text continues a sentence on the next line.
        while let Some(next) = units.get(j) {
            if u.plain
                || next.plain
                || next.blank_before
                || ends_sentence(&text)
                || list_item(next.text).is_some()
            {
                break;
            }
            text.push('\n');
            text.push_str(next.text);
            j += 1;
        }
        out.push(Block::Paragraph {
            text,
            line: u.line,
            plain: u.plain,
        });
    }
    lead_sentence_headings(&mut out, &mut notices);
    (out, notices)
}

/// The first sentence of `text` when it is short and more text follows.
fn short_lead(text: &str) -> Option<&str> {
    let end = text
        .find(['.', '!', '?'])
        .filter(|&i| text[i + 1..].starts_with([' ', '\n']))?;
    let lead = &text[..=end];
    let rest = text[end + 1..].trim();
    let starts_upper = lead.chars().next().is_some_and(char::is_uppercase);
    (starts_upper && !rest.is_empty() && word_count(lead) <= MAX_LEAD_WORDS).then_some(lead)
}

/// How-to pages lose their step headings in a copy and keep them as each
/// paragraph's short first sentence ("Difundir a situação. Cumprimentar…").
/// Two or more such paragraphs in one part of the text are taken as steps;
/// a paragraph right after a heading is not, as it has a heading already.
fn lead_sentence_headings(blocks: &mut Vec<Block>, notices: &mut Vec<Notice>) {
    let mut start = 0;
    while start < blocks.len() {
        let end = (start + 1..blocks.len())
            .find(|&i| matches!(blocks[i], Block::Heading { .. }))
            .unwrap_or(blocks.len());
        let steps: Vec<usize> = (start..end)
            .filter(|&i| {
                let after_heading = i > 0 && matches!(blocks[i - 1], Block::Heading { .. });
                matches!(&blocks[i], Block::Paragraph { text, plain: false, .. } if !after_heading && short_lead(text).is_some())
            })
            .collect();
        let mut inserted = 0;
        if steps.len() >= 2 {
            for i in steps {
                let at = i + inserted;
                let Block::Paragraph { text, line, .. } = &blocks[at] else {
                    continue;
                };
                let lead = short_lead(text).unwrap_or_default();
                let heading = lead.trim_end_matches('.').to_string();
                notices.push((
                    *line,
                    format!("the paragraph's short first sentence, like its neighbours', looks like a step's heading: made it the heading \"{heading}\""),
                ));
                let line = *line;
                blocks.insert(
                    at,
                    Block::Heading {
                        text: heading,
                        line,
                    },
                );
                inserted += 1;
            }
        }
        start = end + inserted;
    }
}

/// Markdown of `blocks`, with text that Markdown would take for syntax escaped.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    for block in blocks {
        parts.push(match block {
            Block::Heading { text, .. } => format!("## {}", text.trim_end_matches('#').trim()),
            Block::Paragraph { text, .. } => text
                .lines()
                .map(escape_start)
                .collect::<Vec<_>>()
                .join("\n"),
            Block::List { items, .. } => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    let mut md = parts.join("\n\n");
    md.push('\n');
    md
}

fn escape_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) && line[digits + 1..].starts_with(' ') {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if line.starts_with(['#', '>', '-', '*', '+', '=', '|', '<']) {
        return format!("\\{line}");
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Block> {
        let lines: Vec<&str> = text.lines().collect();
        blocks(&lines, &[], &[]).0
    }

    fn headings(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn heading_shape() {
        assert!(is_heading_shaped("1. Ostanite mirni i budite strpljivi"));
        assert!(is_heading_shaped(
            "R: Responda a la persona que se siente mal"
        ));
        assert!(is_heading_shaped(
            "Kako biste se nosili s teškim klijentom?"
        ));
        assert!(is_heading_shaped("dicas & avisos"));
        assert!(!is_heading_shaped("Sommario:"));
        assert!(!is_heading_shaped("Non lasciare che la tua energia venga divorata: 4 consigli per gestire i clienti difficili oggi e domani."));
        assert!(!is_heading_shaped("- Não tome raiva"));
        assert!(!is_heading_shaped("2024"));
    }

    #[test]
    fn short_lines_before_body_text_are_headings() {
        let b = parse("Intro paragraph that is long enough to be text.\nR: Responda a la persona\nLa gente tiene que ser escuchado.\n\n2. Slušajte aktivno\n\nDopustite korisniku da izrazi svoju zabrinutost.\nLast line alone");
        assert_eq!(
            headings(&b),
            ["R: Responda a la persona", "2. Slušajte aktivno"]
        );
        // A short line with nothing after it is text, not a heading.
        assert!(matches!(b.last(), Some(Block::Paragraph { .. })));
    }

    #[test]
    fn hard_wrapped_text_is_one_paragraph() {
        let b = parse("Title line\n\nThis paragraph was wrapped by an old editor so\nthe sentence goes on here, and ends.\n");
        assert!(headings(&b).is_empty(), "{b:?}");
        assert!(
            matches!(&b[1], Block::Paragraph { text, .. } if text.contains("so\nthe sentence"))
        );
    }

    #[test]
    fn a_heading_split_over_lines_is_joined_and_reported() {
        let lines = [
            "Body text here.",
            "",
            "Lidar",
            "",
            "controlado",
            "",
            "Negociação controlada é falar devagar.",
        ];
        let (b, notices) = blocks(&lines, &[], &[]);
        assert_eq!(headings(&b), ["Lidar controlado"]);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].0, 2);
    }

    #[test]
    fn short_lead_sentences_of_several_paragraphs_become_headings() {
        let b = parse("Operar um negócio fornece uma oportunidade para o conflito surgir entre as partes.\nDifundir a situação. Cumprimentar o cliente.\nAlterar o local. Convidar o cliente.\ndicas\n- uma");
        assert_eq!(
            headings(&b),
            ["Difundir a situação", "Alterar o local", "dicas"]
        );
        // One alone is prose, and so is one right after a heading.
        let b = parse("Título curto\nLuego de disculparse. Asumir la responsabilidad.\nOtra cosa. Y más texto aquí.");
        assert_eq!(headings(&b), ["Título curto"]);
    }

    #[test]
    fn plain_lines_stay_paragraphs_and_markdown_is_escaped() {
        let lines = ["Anonim", "", "Text after it, long enough."];
        let (b, _) = blocks(&lines, &[], &[true, false, false]);
        assert!(headings(&b).is_empty());
        let md = to_markdown(&[Block::Paragraph {
            text: "1. not a list\n# not a heading".into(),
            line: 0,
            plain: false,
        }]);
        assert_eq!(md, "1\\. not a list\n\\# not a heading\n");
    }
}
