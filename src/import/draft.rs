//! The draft each format gives (text, Markdown, HTML) before the language
//! and title are settled: its body as Markdown, its headings with their
//! source lines, and the debris found in it, reported or (with `clean`)
//! removed.

use super::debris::{self, Debris};
use super::markdown::{self, Front};
use super::{html, text};
use crate::diagnostics::{Diagnostic, Position};
use std::path::Path;

/// What a format gives before the language and title are settled.
pub struct Draft {
    pub title: Option<String>,
    /// 1-based line of the first text, for a title made from it.
    pub first_line: usize,
    pub body: String,
    /// The body's text without headings and reported debris: what a
    /// description, a title made from the text and the vocabulary come from.
    pub prose: String,
    pub front: Option<Front>,
    /// Headings with their 1-based source line (0: unknown).
    pub headings: Vec<(String, usize)>,
    pub warnings: Vec<Diagnostic>,
}

pub fn at(d: Diagnostic, line: usize) -> Diagnostic {
    d.at(Position::new(line, 0))
}

/// Marks and reports `found` debris: removed with `clean`, else kept as
/// plain text. `line` maps a 0-based index of `lines` to a source line.
fn apply(
    path: &Path,
    found: &[Debris],
    n: usize,
    clean: bool,
    line: impl Fn(usize) -> usize,
) -> (Vec<bool>, Vec<bool>, Vec<Diagnostic>) {
    let mut skip = vec![false; n];
    let mut plain = vec![false; n];
    let mut warnings = Vec::new();
    for d in found {
        let marks = if clean { &mut skip } else { &mut plain };
        for mark in marks.iter_mut().take(d.last + 1).skip(d.first) {
            *mark = true;
        }
        let w = if clean {
            Diagnostic::warning(path, format!("removed {}{}", d.describe(), d.span()))
        } else {
            Diagnostic::warning(path, format!("{}{}", d.describe(), d.span()))
                .hint("--clean removes it; or delete it in the imported page")
        };
        warnings.push(at(w, line(d.first)));
    }
    (skip, plain, warnings)
}

fn found_debris(
    lines: &[&str],
    title: Option<&str>,
    title_line: Option<usize>,
    labelled: Vec<Debris>,
) -> Vec<Debris> {
    let mut found = labelled;
    if let Some(title) = title {
        found.extend(debris::repeated_title(lines, title, title_line));
    }
    found.sort_by_key(|d| d.first);
    found
}

pub fn from_text(path: &Path, source: &str, clean: bool) -> Result<Draft, Vec<Diagnostic>> {
    let lines: Vec<&str> = source.lines().collect();
    let labelled = debris::labelled(&lines);
    let is_debris = |i: usize| labelled.iter().any(|d| (d.first..=d.last).contains(&i));
    let first = (0..lines.len()).find(|&i| !lines[i].trim().is_empty() && !is_debris(i));
    let title_line = first.filter(|&i| text::is_title_shaped(lines[i]));
    let title = title_line.map(|i| lines[i].trim().to_string());
    let found = found_debris(&lines, title.as_deref(), title_line, labelled);
    let (mut skip, plain, mut warnings) = apply(path, &found, lines.len(), clean, |i| i + 1);
    if let Some(i) = title_line {
        skip[i] = true;
    }
    let (blocks, notices) = text::blocks(&lines, &skip, &plain);
    for (line, message) in notices {
        warnings.push(
            at(Diagnostic::warning(path, message), line + 1).hint("check it in the imported page"),
        );
    }
    let headings = blocks
        .iter()
        .filter_map(|b| match b {
            text::Block::Heading { text, line } => Some((text.clone(), line + 1)),
            _ => None,
        })
        .collect();
    warnings.sort_by_key(|d| d.line);
    let prose = blocks
        .iter()
        .filter_map(|b| match b {
            text::Block::Paragraph {
                text, plain: false, ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(Draft {
        title,
        first_line: first.map_or(0, |i| i + 1),
        body: text::to_markdown(&blocks),
        prose,
        front: None,
        headings,
        warnings,
    })
}

/// Markdown lines (of a file or converted HTML) minus its `# ` title line
/// and, with `clean`, its debris; `line` maps an index to a source line.
fn from_markdown_lines(
    path: &Path,
    body: &str,
    front: Option<Front>,
    fallback_title: Option<String>,
    clean: bool,
    line: impl Fn(usize) -> usize,
) -> Draft {
    let lines: Vec<&str> = body.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let h1 = first.filter(|&i| lines[i].starts_with("# "));
    let title = front
        .as_ref()
        .and_then(|f| f.title.clone())
        .or_else(|| h1.map(|i| lines[i][2..].trim().to_string()))
        .or(fallback_title);
    let found = found_debris(&lines, title.as_deref(), h1, debris::labelled(&lines));
    let (mut skip, plain, warnings) = apply(path, &found, lines.len(), clean, &line);
    if let Some(i) = h1 {
        skip[i] = true;
    }
    let prose = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !skip[*i] && !plain[*i] && !l.starts_with('#'))
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !skip[*i])
        .map(|(_, l)| *l)
        .collect();
    let headings = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !skip[*i] && l.starts_with("##"))
        .map(|(i, l)| (l.trim_start_matches('#').trim().to_string(), line(i)))
        .collect();
    Draft {
        title,
        first_line: first.map_or(0, &line),
        body: kept.join("\n").trim().to_string() + "\n",
        prose,
        front,
        headings,
        warnings,
    }
}

pub fn from_markdown(path: &Path, source: &str, clean: bool) -> Result<Draft, Vec<Diagnostic>> {
    let split = markdown::split(source).map_err(|m| {
        vec![Diagnostic::error(path, m)
            .hint("fix the front matter, or remove it and polybook writes one")]
    })?;
    let offset = split.body_line;
    Ok(from_markdown_lines(
        path,
        split.body,
        split.front,
        None,
        clean,
        |i| i + 1 + offset,
    ))
}

pub fn from_html(path: &Path, source: &str, clean: bool) -> Result<Draft, Vec<Diagnostic>> {
    let converted = html::convert(source).map_err(|e| {
        vec![Diagnostic::error(
            path,
            format!("cannot read this HTML: {e}"),
        )]
    })?;
    let mut frame = Vec::new();
    for (tag, line) in html::frame_lines(source, html::FRAME) {
        frame.push(at(Diagnostic::warning(path, format!(
            "left out the page's <{tag}>: the site's frame, not the article (the article came from {})", converted.taken_from
        )), line));
    }
    // Converted lines have no source line of their own: find their text.
    let md_lines: Vec<String> = converted.markdown.lines().map(str::to_string).collect();
    let line = |i: usize| {
        let text: String = md_lines
            .get(i)
            .map(|l| l.trim_start_matches(['#', ' ', '-', '*']))
            .unwrap_or("")
            .chars()
            .take(24)
            .collect();
        source
            .find(text.as_str())
            .filter(|_| !text.is_empty())
            .map_or(0, |at| html::line_of(source, at))
    };
    let mut draft = from_markdown_lines(
        path,
        &converted.markdown,
        None,
        converted.page_title,
        clean,
        line,
    );
    frame.append(&mut draft.warnings);
    draft.warnings = frame;
    Ok(draft)
}
