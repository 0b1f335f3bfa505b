//! A docs page's body as polybook Markdown: MDX `import`/`export` lines and
//! comments dropped, the asides of each tool (`:::tip`, `<Aside>`, `!!! note`,
//! `{{< notice >}}`, `{% hint %}`) written as GitHub alerts (`> [!TIP]`),
//! other components removed with their text kept. Works line by line and
//! keeps, for each line written, the source line it came from, so problems
//! found later are reported where the author wrote them.

use std::collections::BTreeMap;
use syntax::*;

mod syntax;

/// The kinds of GitHub alerts, which polybook renders as callouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callout {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl Callout {
    /// The callout a tool's aside kind becomes (`danger` → CAUTION).
    pub fn from_kind(kind: &str) -> Option<Callout> {
        Some(match kind.to_ascii_lowercase().as_str() {
            "note" | "info" | "information" | "abstract" | "summary" | "example" | "quote"
            | "question" | "faq" | "help" | "seealso" | "primary" | "secondary" | "details" => {
                Callout::Note
            }
            "tip" | "hint" | "success" | "check" | "done" | "good" => Callout::Tip,
            "important" | "attention" => Callout::Important,
            "warning" | "caution" | "warn" | "attention-warning" => Callout::Warning,
            "danger" | "error" | "failure" | "fail" | "bug" | "missing" | "alert" | "critical" => {
                Callout::Caution
            }
            _ => return None,
        })
    }
    pub fn marker(self) -> &'static str {
        match self {
            Callout::Note => "[!NOTE]",
            Callout::Tip => "[!TIP]",
            Callout::Important => "[!IMPORTANT]",
            Callout::Warning => "[!WARNING]",
            Callout::Caution => "[!CAUTION]",
        }
    }
}

/// What became of a body.
#[derive(Debug, Default, PartialEq)]
pub struct Body {
    pub text: String,
    /// For each line of `text`, the 1-based line of the source file it came from.
    pub lines: Vec<usize>,
    /// Components removed (their text kept), by name: how many, and the first line.
    pub removed: BTreeMap<String, (usize, usize)>,
    pub callouts: usize,
}

/// A problem that stops the page: nothing is written for it.
#[derive(Debug, PartialEq)]
pub struct Unreadable {
    pub line: usize,
    pub message: String,
    pub hint: String,
}

/// What is open at a line: an aside (its prefix on every line inside) or a
/// component whose text stays.
#[derive(Debug)]
struct Open {
    /// How the element is closed: `:::`, `</Aside>`, `{{< /notice >}}`…
    close: Closer,
    line: usize,
    name: String,
    /// An aside adds `> ` to the lines inside.
    aside: bool,
    /// Spaces removed from the lines inside (MDX indents component children).
    indent: Option<usize>,
}

#[derive(Debug, PartialEq)]
enum Closer {
    /// `:::` with at least this many colons.
    Colons(usize),
    /// `</Name>`.
    Tag(String),
    /// `{{< /name >}}` or `{{% /name %}}`.
    Shortcode(String),
    /// `{% endname %}`.
    Liquid(String),
    /// MkDocs: the block ends at the first line indented less.
    Indented(usize),
}

struct Converter {
    out: Body,
    stack: Vec<Open>,
    fence: Option<(char, usize)>,
    /// Inside a multi-line `export …` or `import {…}` or `{/* … */}`.
    skipping: Option<Skip>,
    pending_tag: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Skip {
    Import,
    Export(i32),
    Comment,
    /// An opening tag whose attributes run over several lines: its text so
    /// far, and the line it started on.
    Tag(usize),
}

/// Converts `body`, whose first line is line `first_line` of the file.
pub fn convert(body: &str, first_line: usize) -> Result<Body, Unreadable> {
    let mut converter = Converter {
        out: Body::default(),
        stack: Vec::new(),
        fence: None,
        skipping: None,
        pending_tag: String::new(),
    };
    for (n, line) in body.lines().enumerate() {
        converter.line(line, first_line + n);
    }
    if let Some(open) = converter
        .stack
        .iter()
        .rev()
        .find(|o| !matches!(o.close, Closer::Indented(_)))
    {
        return Err(Unreadable {
            line: open.line,
            message: format!("`{}` opened here is never closed", open.name),
            hint: format!(
                "close it ({}) in the source, then import again",
                closer_text(&open.close)
            ),
        });
    }
    Ok(converter.out)
}

fn closer_text(closer: &Closer) -> String {
    match closer {
        Closer::Colons(n) => ":".repeat(*n),
        Closer::Tag(name) => format!("</{name}>"),
        Closer::Shortcode(name) => format!("{{{{< /{name} >}}}}"),
        Closer::Liquid(name) => format!("{{% end{name} %}}"),
        Closer::Indented(_) => String::new(),
    }
}

impl Converter {
    fn emit(&mut self, text: &str, line: usize) {
        let prefix = "> ".repeat(self.stack.iter().filter(|o| o.aside).count());
        let text = if prefix.is_empty() {
            text.to_string()
        } else if text.trim().is_empty() {
            prefix.trim_end().to_string()
        } else {
            format!("{prefix}{text}")
        };
        self.out.text.push_str(&text);
        self.out.text.push('\n');
        self.out.lines.push(line);
    }

    fn removed(&mut self, name: &str, line: usize) {
        let entry = self
            .out
            .removed
            .entry(name.to_string())
            .or_insert((0, line));
        entry.0 += 1;
    }

    fn line(&mut self, raw: &str, line: usize) {
        // MkDocs blocks end at the first non-blank line indented less.
        while let Some(Open {
            close: Closer::Indented(width),
            ..
        }) = self.stack.last()
        {
            let indent = raw.len() - raw.trim_start().len();
            if raw.trim().is_empty() || indent >= *width {
                break;
            }
            self.stack.pop();
        }
        let mut text = self.dedented(raw);
        if let Some(Skip::Tag(start)) = self.skipping {
            self.pending_tag.push(' ');
            self.pending_tag.push_str(text.trim());
            if !text.trim_end().ends_with('>') {
                return;
            }
            self.skipping = None;
            text = std::mem::take(&mut self.pending_tag);
            let trimmed = text.trim().to_string();
            self.open_or_close(&trimmed, &text, start);
            return;
        }
        if let Some((c, n)) = self.fence {
            if is_fence_close(&text, c, n) {
                self.fence = None;
            }
            return self.emit(&text, line);
        }
        if let Some(fence) = fence_open(&text) {
            self.fence = Some(fence);
            return self.emit(&text, line);
        }
        if self.skip(&text) {
            return;
        }
        let trimmed = text.trim();
        if self.open_or_close(trimmed, &text, line) {
            return;
        }
        let cleaned = self.inline_components(&text, line);
        if cleaned.trim().is_empty() && !text.trim().is_empty() {
            return;
        }
        self.emit(&cleaned, line);
    }

    /// The line without the indentation its enclosing components give it.
    fn dedented(&mut self, raw: &str) -> String {
        let Some(open) = self.stack.last_mut() else {
            return raw.to_string();
        };
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        if raw.trim().is_empty() {
            return String::new();
        }
        let remove = *open.indent.get_or_insert(indent);
        raw[indent.min(remove)..].to_string()
    }

    /// Lines of MDX's JavaScript and comments, skipped; true when this one was.
    fn skip(&mut self, text: &str) -> bool {
        let trimmed = text.trim();
        match self.skipping.clone() {
            Some(Skip::Import) => {
                if trimmed.contains(" from ")
                    || trimmed.starts_with("from ")
                    || trimmed.starts_with('}')
                {
                    self.skipping = None;
                }
                return true;
            }
            Some(Skip::Export(depth)) => {
                let depth = depth + brace_balance(trimmed);
                self.skipping = (depth > 0).then_some(Skip::Export(depth));
                return true;
            }
            Some(Skip::Comment) => {
                if trimmed.contains("*/}") {
                    self.skipping = None;
                }
                return true;
            }
            // Joined in `line` before this is asked.
            Some(Skip::Tag(_)) => {}
            None => {}
        }
        if self.stack.is_empty()
            && (trimmed.starts_with("import ") || trimmed.starts_with("import{"))
        {
            let whole = trimmed.contains(" from ")
                || trimmed.starts_with("import '")
                || trimmed.starts_with("import \"");
            if !whole {
                self.skipping = Some(Skip::Import);
            }
            return true;
        }
        if trimmed.starts_with("export ")
            && (trimmed.contains('=')
                || trimmed.contains("function")
                || trimmed.contains(" from ")
                || trimmed.starts_with("export default"))
        {
            let depth = brace_balance(trimmed);
            self.skipping = (depth > 0).then_some(Skip::Export(depth));
            return true;
        }
        if trimmed.starts_with("{/*") {
            if !trimmed.contains("*/}") {
                self.skipping = Some(Skip::Comment);
            }
            return true;
        }
        false
    }

    /// An aside or a component opening or closing on its own line.
    fn open_or_close(&mut self, trimmed: &str, text: &str, line: usize) -> bool {
        if let Some(Open {
            close: Closer::Shortcode(name),
            ..
        }) = self.stack.last()
        {
            if let Some(inner) = before_closing_shortcode(text, &name.clone()) {
                if !inner.trim().is_empty() {
                    let inner = inner.to_string();
                    self.emit(&inner, line);
                    self.stack.pop();
                    return true;
                }
            }
        }
        if let Some(open) = self.stack.last() {
            let closes = match &open.close {
                Closer::Colons(n) => {
                    colons(trimmed) >= *n && trimmed.trim_start_matches(':').trim().is_empty()
                }
                // `</Tabs>{' '}`: JSX may follow the close.
                Closer::Tag(name) => trimmed
                    .strip_prefix(&format!("</{name}>"))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('{')),
                Closer::Shortcode(name) => {
                    shortcode(trimmed).is_some_and(|s| s.name == format!("/{name}"))
                }
                Closer::Liquid(name) => {
                    liquid(trimmed).is_some_and(|(n, _)| n == format!("end{name}"))
                }
                Closer::Indented(_) => false,
            };
            if closes {
                self.stack.pop();
                return true;
            }
        }
        if let Some((n, kind, title)) = directive(trimmed) {
            let callout = Callout::from_kind(&kind);
            if callout.is_none() {
                self.removed(&format!(":::{kind}"), line);
            }
            self.open_aside(
                callout.unwrap_or(Callout::Note),
                title,
                Closer::Colons(n),
                line,
                &format!(":::{kind}"),
            );
            return true;
        }
        if let Some(tag) = component_tag(trimmed) {
            return self.component(tag, trimmed, line);
        }
        if let Some(code) = shortcode(trimmed) {
            return self.shortcode_line(code, line);
        }
        if let Some((code, rest)) = leading_shortcode(trimmed) {
            let name = code.name.clone();
            if !self.shortcode_line(code, line) {
                return false;
            }
            let opened = self
                .stack
                .last()
                .is_some_and(|o| o.close == Closer::Shortcode(name.clone()));
            match before_closing_shortcode(rest, &name) {
                Some(inner) => {
                    self.emit(inner, line);
                    if opened {
                        self.stack.pop();
                    }
                }
                None => self.emit(rest, line),
            }
            return true;
        }
        if let Some((name, args)) = liquid(trimmed) {
            if name == "hint" {
                let kind = attribute(&args, "style").unwrap_or_else(|| "info".into());
                let callout = Callout::from_kind(&kind).unwrap_or(Callout::Note);
                self.open_aside(callout, None, Closer::Liquid(name), line, "{% hint %}");
            } else {
                self.removed(&format!("{{% {name} %}}"), line);
            }
            return true;
        }
        if let Some((kind, title)) = mkdocs_admonition(trimmed) {
            let indent = text.len() - text.trim_start().len();
            let callout = Callout::from_kind(&kind).unwrap_or(Callout::Note);
            self.open_aside(callout, title, Closer::Indented(indent + 1), line, "!!!");
            return true;
        }
        false
    }

    fn open_aside(
        &mut self,
        callout: Callout,
        title: Option<String>,
        close: Closer,
        line: usize,
        name: &str,
    ) {
        // Written before the push: the marker is inside the outer asides only.
        self.emit(&format!("> {}", callout.marker()), line);
        self.stack.push(Open {
            close,
            line,
            name: name.to_string(),
            aside: true,
            indent: None,
        });
        if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
            // Its own paragraph: the text after it is not part of the title.
            self.emit(&format!("**{}**", title.trim()), line);
            self.emit("", line);
        }
        self.out.callouts += 1;
    }

    fn component(&mut self, tag: Tag, trimmed: &str, line: usize) -> bool {
        if tag.closing {
            // A close without its open: the component's text stays.
            self.removed(&tag.name, line);
            return true;
        }
        if !tag.complete {
            // Read on to the tag's end: only then is it known to close itself.
            self.skipping = Some(Skip::Tag(line));
            self.pending_tag = trimmed.to_string();
            return true;
        }
        if tag.name == "Aside" || tag.name == "Admonition" || tag.name == "Callout" {
            let kind = attribute(trimmed, "type").unwrap_or_else(|| "note".into());
            let callout = Callout::from_kind(&kind).unwrap_or(Callout::Note);
            let title = attribute(trimmed, "title");
            let close = Closer::Tag(tag.name.clone());
            if tag.self_closing {
                return true;
            }
            self.open_aside(callout, title, close, line, &format!("<{}>", tag.name));
            // `<Aside>text</Aside>` on one line.
            if let Some(inner) = one_line_inner(trimmed, &tag.name) {
                self.emit(inner, line);
                self.stack.pop();
            }
            return true;
        }
        self.removed(&format!("<{}>", tag.name), line);
        let label = ["label", "title", "text"]
            .iter()
            .find_map(|a| attribute(trimmed, a));
        let href = attribute(trimmed, "href");
        match (label, href) {
            (Some(label), Some(href)) => {
                let description = attribute(trimmed, "description")
                    .map(|d| format!(": {d}"))
                    .unwrap_or_default();
                self.emit(&format!("- [{label}]({href}){description}"), line);
            }
            (Some(label), None) => {
                self.emit(&format!("**{label}**"), line);
                self.emit("", line);
            }
            _ => {}
        }
        if !tag.self_closing {
            if let Some(inner) = one_line_inner(trimmed, &tag.name) {
                self.emit(inner, line);
                return true;
            }
            self.stack.push(Open {
                close: Closer::Tag(tag.name),
                line,
                name: format!("<{}>", trimmed_tag_name(trimmed)),
                aside: false,
                indent: None,
            });
        }
        true
    }

    fn shortcode_line(&mut self, code: Shortcode, line: usize) -> bool {
        let name = code.name.trim_start_matches('/').to_string();
        let is_aside = matches!(
            name.as_str(),
            "notice"
                | "hint"
                | "callout"
                | "alert"
                | "admonition"
                | "note"
                | "tip"
                | "warning"
                | "info"
        );
        if code.name.starts_with('/') {
            self.removed(&format!("{{{{< {name} >}}}}"), line);
            return true;
        }
        if is_aside && !code.self_closing {
            let kind = attribute(&code.args, "type")
                .or_else(|| attribute(&code.args, "style"))
                .or_else(|| attribute(&code.args, "color"))
                .or_else(|| {
                    code.args
                        .split_whitespace()
                        .next()
                        .map(|s| s.trim_matches('"').to_string())
                })
                .unwrap_or_else(|| "note".to_string());
            let kind = if matches!(name.as_str(), "note" | "tip" | "warning" | "info") {
                name.clone()
            } else {
                kind
            };
            let callout = Callout::from_kind(&kind).unwrap_or(Callout::Note);
            let title = attribute(&code.args, "title");
            self.open_aside(
                callout,
                title,
                Closer::Shortcode(name),
                line,
                "{{< notice >}}",
            );
            return true;
        }
        self.removed(&format!("{{{{< {name} >}}}}"), line);
        true
    }

    /// Components inside a line of text: `<Badge text="New" />`, `<Kbd>Ctrl</Kbd>`.
    fn inline_components(&mut self, text: &str, line: usize) -> String {
        // Code spans (`` `<Badge>` ``) are text, not components.
        let mut out = String::with_capacity(text.len());
        for (i, piece) in text.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            if i % 2 == 1 {
                out.push_str(piece);
            } else {
                out.push_str(&self.components_in(piece, line));
            }
        }
        out
    }

    fn components_in(&mut self, text: &str, line: usize) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('<') {
            let after = &rest[at + 1..];
            let closing = after.starts_with('/');
            let name_start = if closing { &after[1..] } else { after };
            let name: String = name_start
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
                .collect();
            let is_component = name.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            let end = after.find('>');
            match (is_component, end) {
                (true, Some(end)) => {
                    out.push_str(&rest[..at]);
                    let tag = &rest[at..at + 1 + end + 1];
                    if !closing {
                        self.removed(&format!("<{name}>"), line);
                        if tag.ends_with("/>") {
                            if let Some(text) =
                                attribute(tag, "text").or_else(|| attribute(tag, "label"))
                            {
                                out.push_str(&text);
                            }
                        }
                    }
                    rest = &rest[at + 1 + end + 1..];
                }
                _ => {
                    out.push_str(&rest[..=at]);
                    rest = &rest[at + 1..];
                }
            }
        }
        out.push_str(rest);
        let out = hugo_inline(&out, line, self);
        strip_jsx_spaces(&strip_mdx_comments(&out))
    }
}

/// `{{< ref "x.md" >}}` → `x.md`; other inline shortcodes dropped.
fn hugo_inline(text: &str, line: usize, converter: &mut Converter) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        let after = &rest[at + 2..];
        let (open, close) = if after.starts_with('<') {
            ("<", ">}}")
        } else if after.starts_with('%') {
            ("%", "%}}")
        } else {
            out.push_str(&rest[..at + 2]);
            rest = after;
            continue;
        };
        let Some(end) = after.find(close) else {
            break;
        };
        out.push_str(&rest[..at]);
        let inner = after[open.len()..end].trim();
        let mut words = inner.split_whitespace();
        let name = words.next().unwrap_or_default();
        if name == "ref" || name == "relref" {
            let target = inner[name.len()..].trim().trim_matches('"');
            out.push_str(target);
        } else {
            converter.removed(
                &format!("{{{{< {} >}}}}", name.trim_start_matches('/')),
                line,
            );
        }
        rest = &after[end + close.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
