//! The syntax of each tool's asides and components, read from one line:
//! `:::tip[Title]`, `!!! note "Title"`, `<Card title="x">`, `{{< notice >}}`,
//! `{% hint %}`, and the attributes inside them.

pub(super) fn strip_mdx_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{/*") {
        let Some(end) = rest[at..].find("*/}") else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + end + 3..];
    }
    out.push_str(rest);
    out
}

pub(super) fn brace_balance(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '{' | '(' | '[' => 1,
            '}' | ')' | ']' => -1,
            _ => 0,
        })
        .sum()
}

pub(super) fn fence_open(text: &str) -> Option<(char, usize)> {
    let trimmed = text.trim_start();
    if text.len() - trimmed.len() > 3 {
        return None;
    }
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3 && !(c == '`' && trimmed[n..].contains('`'))).then_some((c, n))
}

pub(super) fn is_fence_close(text: &str, c: char, n: usize) -> bool {
    let trimmed = text.trim();
    trimmed.chars().take_while(|x| *x == c).count() >= n && trimmed.chars().all(|x| x == c)
}

pub(super) fn colons(text: &str) -> usize {
    text.chars().take_while(|c| *c == ':').count()
}

/// `:::tip`, `:::tip[Title]`, `:::tip{title="T"}`, `:::tip Title`.
pub(super) fn directive(trimmed: &str) -> Option<(usize, String, Option<String>)> {
    let n = colons(trimmed);
    if n < 3 {
        return None;
    }
    let rest = &trimmed[n..];
    let kind: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if kind.is_empty() {
        return None;
    }
    let after = rest[kind.len()..].trim();
    let title = if let Some(inner) = after.strip_prefix('[') {
        inner.rsplit_once(']').map(|(t, _)| t.to_string())
    } else if after.starts_with('{') {
        attribute(after, "title")
    } else if after.is_empty() {
        None
    } else {
        Some(after.to_string())
    };
    Some((n, kind, title))
}

/// `!!! note "Title"` or `??? tip` (collapsible).
pub(super) fn mkdocs_admonition(trimmed: &str) -> Option<(String, Option<String>)> {
    let rest = trimmed
        .strip_prefix("!!!")
        .or_else(|| trimmed.strip_prefix("???+"))
        .or_else(|| trimmed.strip_prefix("???"))?;
    let rest = rest.trim();
    let kind: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if kind.is_empty() {
        return None;
    }
    let title = rest[kind.len()..].trim();
    let title = title
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .map(str::to_string);
    Some((kind, title))
}

#[derive(Debug)]
pub(super) struct Tag {
    pub name: String,
    pub closing: bool,
    pub self_closing: bool,
    /// The tag's `>` is on this line.
    pub complete: bool,
}

/// A component tag that starts the line: `<Tabs>`, `</TabItem>`, `<Card title="x" />`.
pub(super) fn component_tag(trimmed: &str) -> Option<Tag> {
    let rest = trimmed.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
        .collect();
    if !name.chars().next()?.is_ascii_uppercase() {
        return None;
    }
    let after = &rest[name.len()..];
    if !(after.is_empty() || after.starts_with([' ', '>', '/', '\t'])) {
        return None;
    }
    let first_end = after.find('>');
    // Text after the opening tag on the same line (`<Aside>text</Aside>`)
    // is handled by the caller; a tag is self-closing if its first `>` ends `/>`.
    let self_closing = first_end.is_some_and(|e| e > 0 && after.as_bytes()[e - 1] == b'/');
    Some(Tag {
        name,
        closing,
        self_closing,
        complete: first_end.is_some(),
    })
}

pub(super) fn trimmed_tag_name(trimmed: &str) -> String {
    trimmed
        .trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
        .collect()
}

/// `inner` of `<Name …>inner</Name>` written on one line.
pub(super) fn one_line_inner<'a>(trimmed: &'a str, name: &str) -> Option<&'a str> {
    let start = trimmed.find('>')? + 1;
    let end = trimmed.rfind(&format!("</{name}>"))?;
    (end >= start).then(|| trimmed[start..end].trim())
}

/// The value of `name="…"` (or `'…'`, or `{"…"}`) in a tag or shortcode.
pub fn attribute(text: &str, name: &str) -> Option<String> {
    let mut search = 0;
    while let Some(found) = text[search..].find(name) {
        let at = search + found;
        search = at + name.len();
        let before_ok = at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = text[at + name.len()..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value = value.trim_start();
        let value = value.strip_prefix('{').unwrap_or(value);
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' && quote != '`' {
            let word: String = value
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '}')
                .collect();
            return Some(word);
        }
        let inner = &value[1..];
        let end = inner.find(quote)?;
        return Some(inner[..end].to_string());
    }
    None
}

pub(super) struct Shortcode {
    pub name: String,
    pub args: String,
    pub self_closing: bool,
}

/// A Hugo shortcode alone on its line: `{{< notice tip >}}`, `{{% /hint %}}`.
pub(super) fn shortcode(trimmed: &str) -> Option<Shortcode> {
    let (inner, _) = if let Some(r) = trimmed.strip_prefix("{{<") {
        (r.strip_suffix(">}}")?, '<')
    } else {
        (trimmed.strip_prefix("{{%")?.strip_suffix("%}}")?, '%')
    };
    let inner = inner.trim();
    if inner.contains("}}") || inner.contains("{{") {
        return None;
    }
    let self_closing = inner.ends_with('/');
    let inner = inner.trim_end_matches('/').trim();
    let name = inner.split_whitespace().next()?.to_string();
    let args = inner[name.len()..].trim().to_string();
    Some(Shortcode {
        name,
        args,
        self_closing,
    })
}

/// A shortcode that opens a line with text after it (`{{% alert %}} Text…`):
/// the shortcode and the rest of the line.
pub(super) fn leading_shortcode(trimmed: &str) -> Option<(Shortcode, &str)> {
    let close = if trimmed.starts_with("{{<") {
        ">}}"
    } else if trimmed.starts_with("{{%") {
        "%}}"
    } else {
        return None;
    };
    let end = trimmed.find(close)? + close.len();
    let rest = trimmed[end..].trim();
    (!rest.is_empty()).then_some((shortcode(&trimmed[..end])?, rest))
}

/// `text` without a closing `{{% /name %}}` (or `{{< /name >}}`) at its end.
pub(super) fn before_closing_shortcode<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let trimmed = text.trim_end();
    for close in [">}}", "%}}"] {
        let Some(body) = trimmed.strip_suffix(close) else {
            continue;
        };
        let open = if close == ">}}" { "{{<" } else { "{{%" };
        let at = body.rfind(open)?;
        if body[at + open.len()..]
            .trim()
            .trim_start_matches('/')
            .trim()
            == name
            && body[at + open.len()..].trim().starts_with('/')
        {
            return Some(trimmed[..at].trim_end());
        }
    }
    None
}

/// A Liquid tag alone on its line (GitBook): `{% hint style="info" %}`.
pub(super) fn liquid(trimmed: &str) -> Option<(String, String)> {
    let inner = trimmed.strip_prefix("{%")?.strip_suffix("%}")?.trim();
    let name = inner.split_whitespace().next()?.to_string();
    let args = inner[name.len()..].trim().to_string();
    Some((name, args))
}

/// `{' '}`, JSX's way of writing a space.
pub(super) fn strip_jsx_spaces(text: &str) -> String {
    text.replace("{' '}", " ").replace("{\" \"}", " ")
}
