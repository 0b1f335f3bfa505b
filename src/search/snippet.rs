//! Snippets and section results: what a result shows of a document, cut
//! from its `DocFragment` (`docs/search-index.md`, "Snippets and sections").
//! `engine.js` runs the same steps with the same constants, which the
//! manifest carries ([`SNIPPETS`]), so the browser and `polybook search` show
//! the same text.

use super::index::DocFragment;
use crate::text::fold::fold;
use serde::Serialize;
use std::collections::HashSet;
use unicode_normalization::char::is_combining_mark;

/// How snippets are cut and sections chosen.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Snippets {
    /// Characters (code points) of a snippet, about.
    pub width: usize,
    /// How far before the first match a snippet may start.
    pub lead: usize,
    /// How far back from `width` a snippet may end to end at a space.
    pub slack: usize,
    /// Sections shown per result.
    pub sections: usize,
    /// What a query word found in a section's heading adds to its rank…
    pub heading: u64,
    /// …and in its text.
    pub body: u64,
}

pub const SNIPPETS: Snippets = Snippets {
    width: 160,
    lead: 53,
    slack: 30,
    sections: 3,
    heading: 3,
    body: 1,
};

/// A piece of shown text, marked when it is a matched word.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// The text of segments, joined.
pub fn plain(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

/// One section of a result: its heading's id and text, and its snippet.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SectionHit {
    pub id: String,
    pub heading: Vec<Segment>,
    pub snippet: Vec<Segment>,
}

/// A letter, digit or combining mark: what words are made of when text is
/// marked (the browser's `[\p{Alphabetic}\p{N}\p{M}]`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Every word of `chars` as (start, end) in code points.
fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_word_char(chars[i]) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    spans
}

fn matches(chars: &[char], (start, end): (usize, usize), terms: &HashSet<&str>) -> bool {
    let word: String = chars[start..end].iter().collect();
    terms.contains(fold(&word).as_str())
}

/// `text` as segments, every word whose fold is in `terms` marked.
pub fn highlight(text: &str, terms: &HashSet<&str>) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |piece: &[char], mark: bool| {
        if piece.is_empty() {
            return;
        }
        let piece: String = piece.iter().collect();
        match out.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(&piece),
            _ => out.push(Segment { text: piece, mark }),
        }
    };
    let mut at = 0;
    for span in word_spans(&chars) {
        if matches(&chars, span, terms) {
            push(&chars[at..span.0], false);
            push(&chars[span.0..span.1], true);
            at = span.1;
        }
    }
    push(&chars[at..], false);
    out
}

/// Where the first matched word of `chars[from..to]` starts, if any.
fn first_match(chars: &[char], from: usize, to: usize, terms: &HashSet<&str>) -> Option<usize> {
    word_spans(&chars[from..to])
        .into_iter()
        .find(|&(s, e)| matches(chars, (from + s, from + e), terms))
        .map(|(s, _)| from + s)
}

/// About `width` characters of `chars[from..to]` around `at` (the first
/// match, or `from`): from a space at most `lead` before it, to a space
/// within `slack` of the width; `… ` and ` …` where it is cut.
fn window(
    chars: &[char],
    from: usize,
    to: usize,
    at: usize,
    terms: &HashSet<&str>,
) -> Vec<Segment> {
    let s = SNIPPETS;
    let back = at.saturating_sub(s.lead).max(from);
    let start = (back..at)
        .find(|&j| j == from || chars[j - 1].is_whitespace())
        .unwrap_or(at);
    let mut end = (start + s.width).min(to);
    if end < to {
        let floor = (start + s.width).saturating_sub(s.slack);
        if let Some(k) = ((floor + 1)..=end)
            .rev()
            .find(|&k| chars[k].is_whitespace())
        {
            end = k;
        }
    }
    let cut: String = chars[start..end].iter().collect();
    let mut segments = highlight(cut.trim(), terms);
    if start > from {
        segments.insert(
            0,
            Segment {
                text: "… ".into(),
                mark: false,
            },
        );
    }
    if end < to {
        segments.push(Segment {
            text: " …".into(),
            mark: false,
        });
    }
    segments
}

/// Code point ranges of the fragment's intro and of each section's text.
fn regions(doc: &DocFragment, length: usize) -> Vec<(usize, usize)> {
    let mut starts: Vec<usize> = vec![0];
    starts.extend(doc.sections.iter().map(|s| (s.2 as usize).min(length)));
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(length);
    starts
        .into_iter()
        .zip(ends)
        .map(|(s, e)| (s, e.max(s)))
        .collect()
}

/// The result's own snippet: around the first match of its intro (the text
/// before its first section), else its description, else its intro's start.
pub fn page_snippet(doc: &DocFragment, terms: &[String]) -> Vec<Segment> {
    let terms: HashSet<&str> = terms.iter().map(String::as_str).collect();
    let chars: Vec<char> = doc.text.chars().collect();
    let (from, to) = regions(doc, chars.len())[0];
    match first_match(&chars, from, to, &terms) {
        Some(at) => window(&chars, from, to, at, &terms),
        None if !doc.description.is_empty() || from == to => highlight(&doc.description, &terms),
        None => window(&chars, from, to, from, &terms),
    }
}

/// The sections whose heading or text hold the query's words, best first:
/// per query word (its matched terms in `word_terms`), `heading` if one is
/// in the heading plus `body` if one is in the text; ties in page order. At
/// most `SNIPPETS.sections`, each with the snippet of its first match.
pub fn sections(doc: &DocFragment, word_terms: &[Vec<String>]) -> Vec<SectionHit> {
    let chars: Vec<char> = doc.text.chars().collect();
    let regions = regions(doc, chars.len());
    let words: Vec<HashSet<&str>> = word_terms
        .iter()
        .map(|t| t.iter().map(String::as_str).collect())
        .collect();
    let all: HashSet<&str> = words.iter().flatten().copied().collect();
    let mut ranked: Vec<(u64, usize)> = Vec::new();
    for (k, section) in doc.sections.iter().enumerate() {
        let heading: Vec<char> = section.1.chars().collect();
        let (from, to) = regions[k + 1];
        let score: u64 = words
            .iter()
            .map(|terms| {
                let in_heading = first_match(&heading, 0, heading.len(), terms).is_some();
                let in_body = first_match(&chars, from, to, terms).is_some();
                SNIPPETS.heading * u64::from(in_heading) + SNIPPETS.body * u64::from(in_body)
            })
            .sum();
        if score > 0 {
            ranked.push((score, k));
        }
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(SNIPPETS.sections)
        .map(|(_, k)| {
            let section = &doc.sections[k];
            let (from, to) = regions[k + 1];
            let at = first_match(&chars, from, to, &all).unwrap_or(from);
            SectionHit {
                id: section.0.clone(),
                heading: highlight(&section.1, &all),
                snippet: window(&chars, from, to, at, &all),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::SectionRecord;

    fn fragment(text: &str, sections: &[(&str, &str, u32)]) -> DocFragment {
        DocFragment {
            url: "hr/a/".into(),
            title: "A".into(),
            lang: "hr".into(),
            description: "Opis.".into(),
            text: text.into(),
            sections: sections
                .iter()
                .map(|(id, h, at)| SectionRecord(id.to_string(), h.to_string(), *at))
                .collect(),
        }
    }

    fn terms(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_snippet_centers_on_the_first_match() {
        let text = "a ".repeat(200) + "Slušajte klijenta pažljivo. " + &"b ".repeat(200);
        let doc = fragment(&text, &[]);
        let s = plain(&page_snippet(&doc, &terms(&["slusajte"])));
        assert!(s.starts_with("… ") && s.ends_with(" …"), "{s}");
        assert!(s.contains("Slušajte klijenta"));
        assert!(s.chars().count() <= 164, "{s}");
        let marked = page_snippet(&doc, &terms(&["slusajte"]));
        assert!(marked.iter().any(|s| s.mark && s.text == "Slušajte"));
    }

    #[test]
    fn without_a_match_the_description_or_the_start() {
        assert_eq!(
            plain(&page_snippet(&fragment("short text", &[]), &[])),
            "Opis."
        );
        let mut doc = fragment("short text", &[]);
        doc.description.clear();
        assert_eq!(plain(&page_snippet(&doc, &[])), "short text");
    }

    #[test]
    fn sections_rank_by_heading_then_text() {
        let text = "Uvod. Tekst o klijentu. Ništa ovdje. Klijent je ljut.";
        //          0     6                24           37
        let doc = fragment(
            text,
            &[
                ("1-klijent", "1. Klijent", 6),
                ("2-nista", "2. Ništa", 24),
                ("3-ljutnja", "3. Ljutnja", 37),
            ],
        );
        let found = sections(&doc, &[terms(&["klijentu", "klijent"])]);
        let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1-klijent", "3-ljutnja"]);
        assert_eq!(plain(&found[0].snippet), "Tekst o klijentu.");
        assert_eq!(plain(&found[1].snippet), "Klijent je ljut.");
        assert!(found[0].heading.iter().any(|s| s.mark));
        assert!(sections(&doc, &[terms(&["zzz"])]).is_empty());
        // The intro is the page's snippet, not a section.
        assert_eq!(plain(&page_snippet(&doc, &terms(&["uvod"]))), "Uvod.");
    }
}
