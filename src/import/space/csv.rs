//! The CSV Notion writes for a database (RFC 4180: `,` between fields,
//! `"` around fields holding one, `""` for a quote), read into rows. A
//! dependency would be more than this needs.

/// The rows of `text`, the header first; `Err` names the 1-based line of
/// an unclosed quote.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if quoted {
        return Err(quote_line);
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| r.iter().any(|f| !f.trim().is_empty()));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_lines() {
        let rows = parse("\u{feff}Name,Tags\r\n\"A, b\",\"x \"\"y\"\"\nz\"\n\nC,\n").unwrap();
        assert_eq!(
            rows,
            [
                vec!["Name", "Tags"],
                vec!["A, b", "x \"y\"\nz"],
                vec!["C", ""]
            ]
        );
        assert_eq!(parse("a\n\"b,c\n"), Err(2));
    }
}
