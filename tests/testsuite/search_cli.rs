//! `polybook search` as an editor at a terminal reads it: each result with
//! the sections that hold the words, what a synonym also searched for, and
//! the filters' pages and counts. (`search_parity.rs` holds its `--json`
//! equal to the browser's answers.)

use crate::support::Site;

use serde_json::Value;

const HR_ARTICLE: &str = "https://handbook.example.com/hr/kako-se-nositi-s-teskim-klijentom/";

/// ` 1. Title [lang] (score)`: a result's first line.
fn is_result_line(line: &str) -> bool {
    line.get(..2)
        .is_some_and(|n| n.trim().parse::<usize>().is_ok())
        && line.get(2..4) == Some(". ")
}

/// The lines of the result numbered `rank` (1-based) and its sections.
fn result_block(out: &str, rank: usize) -> Vec<&str> {
    let start = format!("{rank:>2}. ");
    let next = format!("{:>2}. ", rank + 1);
    out.lines()
        .skip_while(|l| !l.starts_with(&start))
        .take_while(|l| l.starts_with(&start) || !l.starts_with(&next))
        .collect()
}

#[test]
fn the_text_output_shows_sections_synonyms_and_counts() {
    let site = Site::handbook();
    // Sections under their result: heading, page#heading, snippet.
    let run = site.run(&["search", "klijentu", "--lang", "hr"]);
    run.assert_ok();
    let out = run.stdout();
    let first = result_block(&out, 1);
    assert!(first[1].trim() == HR_ARTICLE, "{out}");
    let sections: Vec<usize> = first
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("    § "))
        .map(|(i, _)| i)
        .collect();
    assert!(
        !sections.is_empty() && sections.len() <= 3,
        "one to three sections: {out}"
    );
    for i in sections {
        let url = first[i + 1].trim();
        assert!(
            url.starts_with(&format!("{HR_ARTICLE}#")),
            "a section links to its heading: {url}"
        );
        assert!(!first[i + 2].trim().is_empty(), "and has a snippet: {out}");
    }
    assert!(
        out.contains(&format!("{HR_ARTICLE}#4-ispričajte-se")),
        "{out}"
    );

    // A synonym: what it also searched for, and the section with the phrase.
    let run = site.run(&["search", "refundacija", "--lang", "hr"]);
    run.assert_ok();
    let out = run.stdout();
    assert!(
        out.starts_with("also searched for: povrat novca, vraćanje novca\n"),
        "{out}"
    );
    assert!(
        result_block(&out, 1)
            .iter()
            .any(|l| l.starts_with("      ") && l.contains("povrat novca")),
        "{out}"
    );

    // A topic without words: its pages in every language, and the counts.
    let run = site.run(&["search", "", "--topic", "empathy", "--lang", "all"]);
    run.assert_ok();
    let out = run.stdout();
    assert!(
        out.contains("topics: ") && out.contains("empathy (5)"),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| is_result_line(l)).count(),
        5,
        "{out}"
    );
    // With words, the topic narrows them.
    let all = site.run(&["search", "clientes", "--lang", "pt", "--json"]);
    let narrowed = site.run(&[
        "search",
        "clientes",
        "--lang",
        "pt",
        "--topic",
        "compensation",
        "--json",
    ]);
    let total = |run: &crate::support::Run| -> u64 {
        let value: Value = serde_json::from_str(&run.stdout()).unwrap();
        value["total"].as_u64().unwrap()
    };
    assert_eq!((total(&all), total(&narrowed)), (2, 1));

    // What the filters name must exist; the error says which.
    site.run(&["search", "x", "--topic", "nope"])
        .assert_failed_with("`nope` is not a topic of this site");
    site.run(&["search", "x", "--section", "nope"])
        .assert_failed_with("`nope` is not a section of this site");
}
