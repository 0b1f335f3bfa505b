//! Hostile input: every case ends in a clear `path:line:col` error or a
//! documented safe behaviour, never a panic (exit 101), a hang or a lost file.

use crate::support;
use support::{page, site_toml, Site};

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\" }\n",
        )
        .write(
            "content/pt/ok.md",
            &page("Ok", "topics = [\"empathy\"]\n", "Texto.\n"),
        );
    site
}

fn fails(site: &Site, expected: &str) {
    site.build().assert_failed_with(expected);
}

#[test]
fn malformed_toml_front_matter() {
    let s = site();
    s.write("content/pt/bad.md", "+++\ntitle = \"A\nweight = 1\n+++\n");
    fails(&s, "content/pt/bad.md:2:");
}

#[test]
fn unterminated_front_matter_toml_and_yaml() {
    let s = site();
    s.write("content/pt/a.md", "+++\ntitle = \"A\"\n");
    s.write("content/hr/b.md", "---\ntitle: B\n");
    let run = s.build();
    run.assert_failed_with(
        "content/pt/a.md:1:1: error: the front matter is never closed by a `+++` line",
    );
    run.assert_failed_with(
        "content/hr/b.md:1:1: error: the front matter is never closed by a `---` line",
    );
}

#[test]
fn malformed_yaml_front_matter() {
    let s = site();
    s.write("content/pt/y.md", "---\ntitle: [unclosed\n---\nx\n");
    fails(&s, "content/pt/y.md:");
}

#[test]
fn wrong_types_in_front_matter() {
    let s = site();
    s.write(
        "content/pt/t.md",
        "+++\ntitle = \"T\"\nweight = \"heavy\"\n+++\n",
    );
    fails(
        &s,
        "content/pt/t.md:3:10: error: `weight` must be a whole number, not the text \"heavy\"",
    );
    s.write(
        "content/pt/t.md",
        "+++\ntitle = \"T\"\ndate = 2024-13-45\n+++\n",
    );
    fails(
        &s,
        "content/pt/t.md:3:8: error: `2024-13-45` does not exist: a year has months 01 to 12",
    );
    s.write(
        "content/pt/t.md",
        "+++\ntitle = \"T\"\ndate = \"yesterday\"\n+++\n",
    );
    fails(&s, "`yesterday` is not a date like 2024-05-01");
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let s = site();
    let path = s.root().join("content/pt/latin1.md");
    std::fs::write(&path, b"+++\ntitle = \"Ol\xe1\"\n+++\n").unwrap();
    fails(
        &s,
        "content/pt/latin1.md:2:12: error: the file is not valid UTF-8",
    );
}

#[test]
fn bom_and_crlf_files_build() {
    let s = site();
    s.write("content/pt/crlf.md", "\u{feff}+++\r\ntitle = \"Crlf\"\r\ntopics = [\"empathy\"]\r\n+++\r\n## Título\r\n\r\nTexto.\r\n");
    s.build().assert_ok();
    let html = s.read("pt/crlf/index.html");
    assert!(html.contains("<h1>Crlf</h1>"), "title parsed: {html}");
    assert!(
        html.contains("<h2 id=\"título\">Título</h2>"),
        "heading parsed: {html}"
    );
}

#[test]
fn empty_files_need_front_matter() {
    let s = site();
    s.write("content/pt/empty.md", "");
    fails(
        &s,
        "content/pt/empty.md:1:1: error: the page has no front matter",
    );
}

#[test]
fn a_ten_megabyte_page_builds() {
    let s = site();
    let paragraph = "Palavra ".repeat(120) + "\n\n";
    let body = paragraph.repeat(10 * 1024 * 1024 / paragraph.len());
    s.write(
        "content/pt/big.md",
        &page("Big", "topics = [\"empathy\"]\n", &body),
    );
    s.build().assert_ok();
    assert!(
        std::fs::metadata(s.public().join("pt/big/index.html"))
            .unwrap()
            .len()
            > 10_000_000
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let s = site();
    s.write(
        "content/pt/quotes.md",
        &page("Quotes", "", &format!("{}deep\n", "> ".repeat(20_000))),
    );
    let lists: String = (0..3_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    s.write("content/pt/lists.md", &page("Lists", "", &lists));
    let run = s.build();
    assert_ne!(run.code(), Some(101), "{}", run.stderr());
    assert!(
        run.output.status.code().is_some(),
        "killed by a signal (stack overflow?): {}",
        run.stderr()
    );
    run.assert_ok();
}

#[test]
fn file_names_become_safe_slugs() {
    let s = site();
    s.write(
        "content/pt/Olá Mundo!.md",
        &page("Olá", "topics = [\"empathy\"]\n", "x\n"),
    );
    s.write(
        "content/pt/a:b?c.md",
        &page("Reserved", "topics = [\"empathy\"]\n", "x\n"),
    );
    s.build().assert_ok();
    assert!(s.exists("pt/ola-mundo/index.html"));
    assert!(s.exists("pt/a-b-c/index.html"));
}

#[test]
fn a_file_name_without_letters_builds_with_a_warning() {
    let s = site();
    s.write("content/pt/¿¡.md", &page("Dots", "", "x\n"));
    let run = s.build();
    run.assert_ok();
    assert!(
        run.stderr()
            .contains("has no letters or digits for an address"),
        "{}",
        run.stderr()
    );
    let suffix = polybook::content::address::path_suffix("pt/¿¡.md");
    assert!(s.exists(&format!("pt/{suffix}/index.html")));
}

#[test]
fn two_files_asking_for_one_address_build_and_name_both() {
    let s = site();
    s.write("content/pt/a b.md", &page("A", "", "x\n"));
    s.write("content/pt/a-b.md", &page("A2", "", "x\n"));
    let run = s.build();
    run.assert_ok();
    let stderr = run.stderr();
    assert!(
        stderr.contains("content/pt/a b.md:1:1: warning: this page and ")
            && stderr.contains("a-b.md both ask for /pt/a-b/"),
        "{stderr}"
    );
    assert!(s.read("pt/a-b/index.html").contains("A2"));
    let suffix = polybook::content::address::path_suffix("pt/a b.md");
    assert!(s.exists(&format!("pt/a-b-{suffix}/index.html")));
}

#[test]
fn a_language_folder_missing_from_site_toml() {
    let s = site();
    s.write("content/de/x.md", &page("X", "", "x\n"));
    fails(
        &s,
        "content/de/x.md: error: the language folder `de` is not configured in site.toml",
    );
}

#[test]
fn unknown_topics_point_at_the_front_matter() {
    let s = site();
    s.write(
        "content/pt/t.md",
        &page("T", "topics = [\"empathy\", \"nope\"]\n", "x\n"),
    );
    fails(&s, "content/pt/t.md:4:22: error: unknown topic `nope`");
}

#[test]
fn links_cannot_escape_the_content_folder() {
    let s = site();
    s.write(
        "content/pt/l.md",
        &page(
            "L",
            "",
            "[x](../../../etc/passwd.md) [y](../../site.toml)\n",
        ),
    );
    let run = s.build();
    run.assert_failed_with(
        "content/pt/l.md:5:1: error: the link `../../../etc/passwd.md` points outside the content folder",
    );
    run.assert_failed_with(
        "content/pt/l.md:5:29: error: the link `../../site.toml` points outside the content folder",
    );
}

#[test]
fn ftl_syntax_errors_fail_the_build() {
    let s = site();
    s.write("locales/pt/broken.ftl", "good = ok\nbad = { $x\n");
    fails(&s, "locales/pt/broken.ftl:2:1: error: Fluent syntax");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content_is_an_error() {
    let s = site();
    std::os::unix::fs::symlink(
        s.root().join("content/pt"),
        s.root().join("content/pt/loop"),
    )
    .unwrap();
    fails(&s, "loops back to a folder above it");
}

#[test]
fn missing_and_invalid_site_toml() {
    let s = site();
    s.remove("site.toml");
    fails(&s, "site.toml: error: no site.toml here");
    s.write("site.toml", "title = [\n");
    fails(&s, "site.toml:2:1: error: invalid array");
    s.write("site.toml", "title = \"x\"\n");
    fails(&s, "site.toml:1:1: error: `base_url` is missing");
}

#[test]
fn template_errors_name_the_template() {
    let s = site();
    s.write("templates/article.html", "{% if %}");
    fails(&s, "templates/article.html: error:");
}

#[test]
fn a_theme_that_does_not_exist() {
    let s = site();
    s.write("site.toml", &site_toml("theme = \"nope\""));
    fails(&s, "themes/nope: error: the theme folder does not exist");
}

/// `tests/fixtures/hostile_file_names/`: every file name builds, at an address
/// of its own, and links written to the file lead there.
#[test]
fn hostile_file_names_build_at_their_addresses_and_links_lead_there() {
    let s = Site::fixture("hostile_file_names");
    let run = s.build();
    run.assert_ok();
    let suffix = polybook::content::address::path_suffix;
    let expected = [
        ("c.md", "pt/c/".to_string(), "A linguagem C."),
        ("c++.md", "pt/c-plus-plus/".into(), "A linguagem C++."),
        ("%25.md", "pt/percent/".into(), "Cem."),
        ("%5B.md", format!("pt/{}/", suffix("pt/[.md")), "Abre."),
        ("!.md", format!("pt/{}/", suffix("pt/!.md")), "Grito."),
        (
            "Café.md",
            format!("pt/cafe-{}/", suffix("pt/Café.md")),
            "Com acento.",
        ),
        ("cafe.md", "pt/cafe/".into(), "Sem acento."),
        (
            "print.md",
            format!("pt/print-{}/", suffix("pt/print.md")),
            "Um artigo",
        ),
        (
            "guia/print.md",
            "pt/guia/print/".into(),
            "Dentro de uma seção.",
        ),
        // Folders: like file names, and a suffix where that gives no address
        // or takes a page of the language's own.
        (
            "%5B/dentro.md",
            format!("pt/{}/dentro/", suffix("pt/[")),
            "Pasta sem letras.",
        ),
        (
            "print/guia.md",
            format!("pt/print-{}/guia/", suffix("pt/print")),
            "Pasta chamada print.",
        ),
        (
            "search/guia.md",
            format!("pt/search-{}/guia/", suffix("pt/search")),
            "Pasta chamada search.",
        ),
        (
            "100%25/tudo.md",
            "pt/100-percent/tudo/".into(),
            "Pasta com símbolo.",
        ),
    ];
    let links = s.read("pt/links/index.html");
    for (link, address, text) in expected {
        let page = s.read(&format!("{address}index.html"));
        assert!(page.contains(text), "{address} is not {link}");
        let href = format!("href=\"../../{address}index.html\"");
        assert!(
            links.contains(&href),
            "[…]({link}) does not lead to {address}"
        );
    }
    assert!(
        s.read("pt/print/index.html")
            .contains("Um artigo chamado print"),
        "the language's print page lists the article"
    );
    let stderr = run.stderr();
    for file in ["!.md", "[.md", "Café.md", "print.md"] {
        assert!(
            stderr.contains(&format!("content/pt/{file}:1:1: warning:")),
            "{stderr}"
        );
    }
    for folder in ["[", "print", "search"] {
        assert_eq!(
            stderr
                .matches(&format!("content/pt/{folder}: warning:"))
                .count(),
            1,
            "one warning for the folder `{folder}`: {stderr}"
        );
    }
    assert!(
        s.read("pt/search/index.html").contains("data-search"),
        "the language's search page is still the search page"
    );
    let strict = s.run(&["check", "--strict"]);
    assert_eq!(strict.code(), Some(1), "{}", strict.stderr());
}

#[test]
fn a_slug_in_front_matter_sets_the_address_and_is_checked() {
    let s = site();
    s.write(
        "content/pt/c++.md",
        &page("C++", "slug = \"cpp\"\ntopics = [\"empathy\"]\n", "x\n"),
    );
    s.build().assert_ok();
    assert!(s.exists("pt/cpp/index.html"));
    s.write("content/pt/c++.md", &page("C++", "slug = \"C++\"\n", "x\n"));
    fails(
        &s,
        "content/pt/c++.md:4:8: error: the slug `C++` is not an address",
    );
    s.write(
        "content/pt/c++.md",
        &page("C++", "slug = \"search\"\n", "x\n"),
    );
    fails(
        &s,
        "content/pt/c++.md:4:8: error: the slug `search` is the address",
    );
    s.write(
        "content/pt/guia/c++.md",
        &page("C++", "slug = \"search\"\ntopics = [\"empathy\"]\n", "x\n"),
    );
    s.remove("content/pt/c++.md");
    s.build().assert_ok();
    assert!(s.exists("pt/guia/search/index.html"));
}

/// What the sanitizer removes from a page (an inline `<script>`'s text) is
/// no reader's: search neither finds it nor shows it in a snippet.
#[test]
fn search_never_holds_what_the_sanitizer_removed() {
    let s = site();
    s.write(
        "content/pt/calma.md",
        &page(
            "Calma",
            "",
            "Escute <script>roubar(\"segredo\")</script> com calma.\n",
        ),
    );
    s.build().assert_ok();
    let found = s.run(&["search", "segredo", "--json"]);
    found.assert_ok();
    assert!(
        found.stdout().contains("\"total\": 0"),
        "{}",
        found.stdout()
    );
    let found = s.run(&["search", "calma", "--json"]);
    found.assert_ok();
    assert!(found.stdout().contains("pt/calma"), "{}", found.stdout());
    assert!(!found.stdout().contains("roubar"), "{}", found.stdout());
}
