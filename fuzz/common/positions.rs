//! Shared by the fuzz targets: a reported position must point into the file.

use polybook::diagnostics::Diagnostic;

/// Panics unless `line`/`col` (1-based, columns in characters) name a place in
/// `text`: a line that exists (the line after a final newline counts) and a
/// column at most one past that line's last character.
pub fn assert_inside(text: &str, line: usize, col: usize, what: &dyn std::fmt::Debug) {
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        line >= 1 && col >= 1,
        "position {line}:{col} is not 1-based: {what:?}"
    );
    assert!(
        line <= lines.len(),
        "line {line} is past the end of the file ({} lines): {what:?}",
        lines.len()
    );
    let width = lines[line - 1].chars().count();
    assert!(
        col <= width + 1,
        "column {col} is past the end of line {line} ({width} chars): {what:?}"
    );
}

pub fn assert_diagnostic_inside(text: &str, d: &Diagnostic) {
    assert_inside(text, d.line, d.col, d);
}
