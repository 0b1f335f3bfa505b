//! Inputs found by the fuzz targets in `fuzz/` (see fuzz/README.md), kept as
//! plain tests so `cargo test` guards them without a fuzzing toolchain.

use polybook::content::front_matter::{self, FrontMatter, SectionFrontMatter};
use polybook::diagnostics::Diagnostic;
use std::path::Path;

const PATH: &str = "content/pt/fuzz.md";

/// The fuzz targets' position check: 1-based, on a line of the file, at most
/// one column past that line's last character.
fn assert_inside(text: &str, d: &Diagnostic) {
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(d.line >= 1 && d.col >= 1, "not 1-based: {d:?}");
    assert!(
        d.line <= lines.len(),
        "line {} of a {}-line file: {d:?}",
        d.line,
        lines.len()
    );
    let width = lines[d.line - 1].chars().count();
    assert!(
        d.col <= width + 1,
        "column {} of a {width}-character line: {d:?}",
        d.col
    );
}

/// What the `front_matter` fuzz target does with one input, returning the
/// diagnostic of parsing it as an article.
fn front_matter_error(text: &str) -> Diagnostic {
    let path = Path::new(PATH);
    let split = front_matter::split(path, text).expect("the fence splits");
    if let Err(d) = front_matter::parse::<SectionFrontMatter>(path, text, &split) {
        assert_inside(text, &d);
    }
    let d =
        front_matter::parse::<FrontMatter>(path, text, &split).expect_err("invalid front matter");
    assert_inside(text, &d);
    d
}

// libyaml counts `\r`, U+0085, U+2028 and U+2029 as line breaks, and
// `front_matter::parse` added its line and column to the file position of the
// front matter, so YAML errors after such a character pointed past the end of
// the line or of the file.

#[test]
fn yaml_error_after_carriage_returns_points_at_the_key() {
    // Was reported at 7:1 in a 5-line file.
    let d = front_matter_error("---\ntitle: \"\r\r\r\r\"\nx: 1\n---\n");
    assert_eq!(d.message, "unknown key `x`");
    assert_eq!((d.line, d.col), (3, 1));
}

#[test]
fn yaml_error_after_line_separators_points_at_the_key() {
    // Was reported at 6:1 in a 5-line file.
    let d = front_matter_error("---\ntitle: \"\u{2028}\u{2028}\u{2028}\"\nx: 1\n---\n");
    assert_eq!(d.message, "unknown key `x`");
    assert_eq!((d.line, d.col), (3, 1));
}

#[test]
fn yaml_errors_after_carriage_returns_stay_inside_the_file() {
    // As the fuzzer found them (each panicked the target's position check).
    for text in [
        // Column 7 of an empty line.
        "---\ntitle: \"Kako?\r\"\ndate: \"2024-06-0*\n\nSe ge2\"\ntopcis:\n  - empathy\n  - respect\nextra:\n$ a: [1, 2]\ndraft: true\n---\n",
        "---\ntitle: tahap\n\",it\rpersonally\"]\n---\n",
        "---\ntitle:\r\r\r\r\rui. Queste perso Queste persone {!espeoml{{{{{{{{p t: true\n---\n",
        "---\ntitle: A\r\r\r\rweight: [\n---\n",
    ] {
        front_matter_error(text);
    }
}

/// The `office` target's seeds, read as it reads them: both formats, no panic.
#[test]
fn office_seeds_read_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/office");
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for docx in [true, false] {
            let _ = polybook::import::office::read_model(&bytes, docx);
        }
    }
    let croatian = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/office/croatian.docx"),
    )
    .unwrap();
    let markdown = polybook::import::office::read_model(&croatian, true).unwrap();
    assert!(
        markdown.starts_with(
            "## Kako smiriti klijenta\n\n- **Slušajte** do kraja[link](https://example.com/)[^1]"
        ),
        "{markdown}"
    );
}

/// The `docs_page` target's seeds (the docs-site fixtures), read as it reads
/// them: converted or refused at a line inside the page, never a panic.
#[test]
fn docs_page_seeds_convert_without_panic() {
    use polybook::import::site::{body, links};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/docs_page");
    let mut converted = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let lines = text.lines().count().max(1);
        match body::convert(&text, 1) {
            Ok(page) => {
                assert_eq!(page.lines.len(), page.text.lines().count());
                assert!(page.lines.iter().all(|&l| (1..=lines).contains(&l)));
                for link in links::find(&page.text) {
                    assert!(page.text.get(link.dest_range.clone()).is_some());
                }
                converted += 1;
            }
            Err(problem) => assert!((1..=lines).contains(&problem.line)),
        }
    }
    assert!(converted >= 15, "only {converted} seeds converted");
}

/// The `import_file` target's seeds, read as .txt, .md and .html as it reads
/// them: a page whose front matter the build reads, or a refusal. Among them
/// a Markdown file with a key polybook does not know (`deopiitsrcn`), which
/// the import used to carry into a page the build refused.
#[test]
fn import_file_seeds_give_pages_the_build_reads() {
    use polybook::import::{self, Options};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/import_file");
    let site = ["pt", "hr", "es", "it"].map(String::from);
    let mut pages = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for name in ["in.txt", "in.md", "in.html"] {
            let options = Options::default();
            let Ok(page) = import::import(Path::new(name), &bytes, &site, &options) else {
                continue;
            };
            let split = front_matter::split(&page.target, &page.text).unwrap();
            if let Err(d) = front_matter::parse::<FrontMatter>(&page.target, &page.text, &split) {
                panic!("{name}: {d}\n{}", page.text);
            }
            pages += 1;
        }
    }
    assert!(pages >= 15, "only {pages} pages");
}
