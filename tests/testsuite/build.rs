//! `polybook build` on fixture sites: what it writes, and what it refuses.

use crate::support;
use support::{page, site_toml, urls_in, Site};

fn two_language_site() -> Site {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/topics.toml", "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", en = \"Empathy\" }\ndefinition = { pt = \"Pôr-se no lugar do outro.\", hr = \"Staviti se u tuđu kožu.\" }\n")
        .write(
            "content/pt/ouvir.md",
            &page("Ouvir", "translation_key = \"listen\"\ntopics = [\"empathy\"]\n", "## Escuta ativa\n\nTexto.\n"),
        )
        .write(
            "content/hr/slusati.md",
            &page(
                "Slušati",
                "translation_key = \"listen\"\ntopics = [\"empathy\"]\n",
                "## 5. Ponudite rješenja\n\nVidi [ouvir](../pt/ouvir.md#escuta-ativa).\n",
            ),
        )
        .write("content/hr/drugi.md", &page("Drugi", "topics = [\"empathy\"]\n", "Vidi [slušati](slusati.md#5-ponudite-rjesenja).\n"));
    site
}

#[test]
fn translations_get_hreflang_alternates_and_a_switcher_to_the_translation() {
    let site = two_language_site();
    site.build().assert_ok();
    let pt = site.read("pt/ouvir/index.html");
    assert!(
        pt.contains(r#"hreflang="hr" href="https://example.com/hb/hr/slusati/""#),
        "{pt}"
    );
    assert!(pt.contains(r#"hreflang="pt" href="https://example.com/hb/pt/ouvir/""#));
    assert!(
        switcher(&pt).contains(r#"<a href="../../hr/slusati/index.html" hreflang="hr""#),
        "the switcher links the translation"
    );
    let drugi = site.read("hr/drugi/index.html");
    assert!(
        switcher(&drugi).contains(r#"<a href="../../pt/index.html" hreflang="pt""#),
        "without a translation the switcher goes to the home"
    );
    assert!(!drugi.contains(r#"hreflang="pt" href="https://example.com/hb/pt/"#));
}

#[test]
fn links_between_pages_are_rewritten_relative_and_become_backlinks() {
    let site = two_language_site();
    site.build().assert_ok();
    let hr = site.read("hr/slusati/index.html");
    assert!(
        hr.contains(r#"href="../../pt/ouvir/index.html#escuta-ativa""#),
        "{hr}"
    );
    assert!(hr.contains(r#"<h2 id="5-ponudite-rješenja">5. Ponudite rješenja</h2>"#));
    // drugi wrote the heading's ASCII id of earlier versions: accepted, and
    // written with the heading's id.
    let drugi = site.read("hr/drugi/index.html");
    assert!(
        drugi.contains(r#"href="../../hr/slusati/index.html#5-ponudite-rje%C5%A1enja""#),
        "{drugi}"
    );
    // drugi links to slusati: slusati lists drugi as a backlink (it is also a
    // related article, so only the backlinks section tells).
    let backlinks = between(&hr, "aria-labelledby=\"backlinks-title\"", "</section>");
    assert!(
        backlinks.contains(r#"<a href="../../hr/drugi/index.html" hreflang="hr">Drugi</a>"#),
        "backlink missing: {backlinks}"
    );
}

/// The text of `html` between the first `start` and the first `end` after it.
#[track_caller]
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"))
        + start.len();
    let len = html[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {start}"));
    &html[from..from + len]
}

/// A page's language switcher.
#[track_caller]
fn switcher(html: &str) -> &str {
    between(html, "<nav class=\"lang-switcher\"", "</nav>")
}

#[test]
fn a_broken_link_fails_at_its_position() {
    let site = two_language_site();
    site.write(
        "content/pt/ouvir.md",
        &page("Ouvir", "", "Intro.\n\nVer [x](../hr/nada.md).\n"),
    );
    site.build()
        .assert_failed_with("content/pt/ouvir.md:7:5: error: the link `../hr/nada.md` points to content/hr/nada.md, which does not exist");
    assert!(!site.exists("index.html"));
}

#[test]
fn a_missing_anchor_fails_at_its_position() {
    let site = two_language_site();
    site.write(
        "content/hr/drugi.md",
        &page("Drugi", "", "Vidi\n[x](slusati.md#nema).\n"),
    );
    site.build()
        .assert_failed_with("content/hr/drugi.md:6:1: error: the anchor `#nema` does not exist in content/hr/slusati.md");
}

#[test]
fn all_errors_of_a_run_are_reported() {
    let site = two_language_site();
    site.write(
        "content/pt/a.md",
        &page("A", "topics = [\"nope\"]\n", "[x](b.md)\n"),
    )
    .write("content/hr/b.md", "+++\ntitle = \"B\"\n");
    let run = site.build();
    run.assert_failed_with("content/pt/a.md:6:1: error: the link `b.md`");
    run.assert_failed_with("content/pt/a.md:4:11: error: unknown topic `nope`");
    run.assert_failed_with("content/hr/b.md:1:1: error: the front matter is never closed");
}

#[test]
fn template_syntax_in_content_stays_literal() {
    let site = two_language_site();
    site.write(
        "content/pt/t.md",
        &page(
            "{{ title }}",
            "",
            "Use {{ x }} and {% if y %}z{% endif %} and {# c #}.\n",
        ),
    );
    site.build().assert_ok();
    let html = site.read("pt/t/index.html");
    assert!(
        html.contains("Use {{ x }} and {% if y %}z{% endif %} and {# c #}."),
        "{html}"
    );
    assert!(html.contains("<h1>{{ title }}</h1>"), "{html}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = two_language_site();
    site.build().assert_ok();
    let before = site.snapshot();
    site.write("content/pt/ouvir.md", "+++\ntitle = \n+++\n");
    site.build().assert_failed_with("content/pt/ouvir.md:2:");
    assert_eq!(site.snapshot(), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("polybook"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
}

#[test]
fn refuses_output_folders_it_would_damage() {
    let site = two_language_site();
    site.run(&["build", "--output", "."])
        .assert_failed_with("refusing to write the site here");
    site.run(&["build", "--output", "content"])
        .assert_failed_with("refusing to write the site here");
    site.write("mine/notes.txt", "keep me");
    site.run(&["build", "--output", "mine"])
        .assert_failed_with("a non-empty folder that polybook did not write");
    assert_eq!(
        std::fs::read_to_string(site.root().join("mine/notes.txt")).unwrap(),
        "keep me"
    );
    site.run(&["build", "--output", "out"]).assert_ok();
    site.run(&["build", "--output", "out"]).assert_ok();
}

#[test]
fn unknown_site_toml_keys_are_errors_naming_the_key() {
    let site = two_language_site();
    site.write("site.toml", &site_toml("titel = \"typo\""));
    site.build()
        .assert_failed_with("site.toml:4:1: error: unknown key `titel`");
}

#[test]
fn check_reports_like_build_and_writes_nothing() {
    let site = two_language_site();
    site.run(&["check"]).assert_ok();
    assert!(!site.exists(""));
    site.write("content/pt/a.md", &page("A", "", "[x](../hr/b.md)\n"));
    site.run(&["check"])
        .assert_failed_with("content/pt/a.md:5:1: error: the link");
    assert!(!site.public().exists());
}

#[test]
fn drafts_build_only_with_the_flag() {
    let site = two_language_site();
    site.write(
        "content/pt/rascunho.md",
        &page("Rascunho", "draft = true\n", "x\n"),
    );
    site.build().assert_ok();
    assert!(!site.exists("pt/rascunho/index.html"));
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site.exists("pt/rascunho/index.html"));
}

#[test]
fn croatian_and_portuguese_article_counts_use_cldr_plurals() {
    for (count, expected) in [
        (1, "1 članak"),
        (2, "2 članka"),
        (5, "5 članaka"),
        (21, "21 članak"),
        (22, "22 članka"),
    ] {
        let site = Site::new();
        site.write("site.toml", &site_toml(""));
        for i in 0..count {
            site.write(
                &format!("content/hr/clanak-{i}.md"),
                &page(&format!("Članak {i}"), "", "Tekst.\n"),
            );
        }
        site.write("content/pt/a.md", &page("A", "", "x\n"));
        site.build().assert_ok();
        // Delimited: "1 članak" is also a part of the wrong "1 članaka".
        let home = site.read("hr/index.html");
        assert!(
            home.contains(&format!("<p class=\"page-meta\">{expected}</p>")),
            "{expected} not on the hr home"
        );
        assert!(site
            .read("pt/index.html")
            .contains("<p class=\"page-meta\">1 artigo</p>"));
    }
}

#[test]
fn pages_carry_lang_title_description_canonical_and_search_form() {
    let site = two_language_site();
    site.build().assert_ok();
    // The page, its language and its canonical address under base_url.
    for (path, lang, canonical) in [
        ("index.html", "pt", ""),
        ("pt/index.html", "pt", "pt/"),
        ("hr/slusati/index.html", "hr", "hr/slusati/"),
        ("hr/topics/empathy/index.html", "hr", "hr/topics/empathy/"),
        ("pt/search/index.html", "pt", "pt/search/"),
        ("hr/print/index.html", "hr", "hr/print/"),
        ("404.html", "pt", ""),
    ] {
        let html = site.read(path);
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "{path}: lang"
        );
        let title = between(&html, "<title>", "</title>");
        assert!(!title.trim().is_empty(), "{path}: an empty title");
        let description = between(&html, "<meta name=\"description\" content=\"", "\"");
        assert!(
            !description.trim().is_empty(),
            "{path}: an empty description"
        );
        assert!(
            html.contains(&format!(
                "<link rel=\"canonical\" href=\"https://example.com/hb/{canonical}\">"
            )),
            "{path}: canonical"
        );
        let form = between(&html, "<form ", "</form>");
        assert!(
            form.starts_with("class=\"site-search") && form.contains("role=\"search\""),
            "{path}: search form: {form}"
        );
        assert!(
            form.contains("<input type=\"search\""),
            "{path}: search input in the form: {form}"
        );
        assert_eq!(
            html.matches("id=\"search-results\"").count(),
            1,
            "{path}: results"
        );
    }
}

#[test]
fn topic_pages_list_this_language_then_the_others() {
    let site = two_language_site();
    site.build().assert_ok();
    let topic = site.read("pt/topics/empathy/index.html");
    assert!(topic.contains("Empatia") && topic.contains("Pôr-se no lugar do outro."));
    let here = topic
        .find("../../../pt/ouvir/index.html")
        .expect("pt article listed");
    let elsewhere = topic
        .find("../../../hr/slusati/index.html")
        .expect("hr article listed");
    assert!(
        here < elsewhere,
        "articles in the page's language come first"
    );
}

#[test]
fn sitemap_feeds_and_robots_use_absolute_urls() {
    let site = two_language_site();
    site.build().assert_ok();
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.com/hb/pt/ouvir/</loc>"));
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="hr" href="https://example.com/hb/hr/slusati/"/>"#
    ));
    assert!(site
        .read("hr/atom.xml")
        .contains("<id>https://example.com/hb/hr/slusati/</id>"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://example.com/hb/sitemap.xml"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = two_language_site();
    site.build().assert_ok();
    let first = site.snapshot();
    site.build().assert_ok();
    assert_eq!(site.snapshot(), first);
}

#[test]
fn assets_are_fingerprinted_and_colocated_files_copied() {
    let site = two_language_site();
    site.write("content/pt/diagram.txt", "a diagram");
    site.write(
        "content/pt/com-imagem.md",
        &page("Imagem", "", "![d](diagram.txt)\n"),
    );
    site.build().assert_ok();
    assert_eq!(site.read("pt/diagram.txt"), "a diagram");
    assert!(site
        .read("pt/com-imagem/index.html")
        .contains(r#"src="../../pt/diagram.txt""#));
    let css: Vec<_> = site
        .snapshot()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.ends_with(".css"))
        .collect();
    assert!(!css.is_empty(), "no stylesheet written");
    // `name.<hash>.css`: a hexadecimal content hash in every stylesheet's name.
    let fingerprinted = |p: &String| {
        let parts: Vec<&str> = p.split('.').collect();
        parts.len() == 3 && !parts[1].is_empty() && parts[1].chars().all(|c| c.is_ascii_hexdigit())
    };
    assert!(css.iter().all(fingerprinted), "{css:?}");
    let html = site.read("pt/index.html");
    assert!(urls_in(&html)
        .iter()
        .any(|u| css.iter().any(|c| u.ends_with(c.as_str()))));
}

#[test]
fn other_languages_are_listed_up_to_the_limit_with_a_link_to_the_rest() {
    let site = Site::new();
    site.write("site.toml", &site_toml("other_languages_limit = 2"))
        .write(
            "content/topics.toml",
            "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n",
        )
        .write(
            "content/pt/ouvir.md",
            &page(
                "Ouvir",
                "translation_key = \"listen\"\ntopics = [\"empathy\"]\n",
                "Texto.\n",
            ),
        )
        .write(
            "content/hr/slusati.md",
            &page(
                "Slusati",
                "translation_key = \"listen\"\ntopics = [\"empathy\"]\n",
                "Tekst.\n",
            ),
        );
    for name in ["prvi", "drugi", "treci"] {
        site.write(
            &format!("content/hr/{name}.md"),
            &page(name, "topics = [\"empathy\"]\n", "Tekst.\n"),
        );
    }
    site.build().assert_ok();

    let home = site.read("pt/index.html");
    let other = &home[home
        .find("other-languages-title")
        .expect("other languages listed")..];
    assert!(
        !other.contains("hr/slusati/"),
        "an article translated into pt is not offered again in hr:\n{other}"
    );
    let shown = ["prvi", "drugi", "treci"]
        .iter()
        .filter(|n| other.contains(&format!("hr/{n}/")))
        .count();
    assert_eq!(
        shown, 2,
        "two of the three untranslated hr articles:\n{other}"
    );
    assert!(
        other.contains("3 artigos"),
        "the count is of all of them:\n{other}"
    );
    assert!(
        other.contains("href=\"../hr/index.html\" hreflang=\"hr\">Ver todos em Hrvatski</a>"),
        "a link to the rest:\n{other}"
    );

    let topic = site.read("pt/topics/empathy/index.html");
    assert!(
        topic.contains("href=\"../../../hr/topics/empathy/index.html\" hreflang=\"hr\">Ver todos em Hrvatski</a>"),
        "the topic lists the rest on its hr page:\n{topic}"
    );
    let hr_topic = site.read("hr/topics/empathy/index.html");
    for name in ["slusati", "prvi", "drugi", "treci"] {
        assert!(
            hr_topic.contains(&format!("hr/{name}/")),
            "{name} on the hr topic page"
        );
    }
}

#[test]
fn print_page_links_of_sectioned_articles_lead_where_the_article_links_lead() {
    let site = Site::new();
    site.write("site.toml", &site_toml(""))
        .write("content/pt/guia/_index.md", "+++\ntitle = \"Guia\"\n+++\n")
        .write(
            "content/pt/guia/ouvir.md",
            &page(
                "Ouvir",
                "",
                "## Escuta\n\nVer [falar](../falar.md#topo), [aqui](#escuta) e ![foto](foto.png).\n",
            ),
        )
        .write("content/pt/guia/foto.png", "png")
        .write("content/pt/falar.md", &page("Falar", "", "## Topo\n\nTexto.\n"));
    site.build().assert_ok();
    let print = site.read("pt/print/index.html");
    let print_dir = site.public().join("pt/print");
    for url in urls_in(&print) {
        let path = url.split('#').next().unwrap();
        if url.starts_with("../../pt/") {
            let target = print_dir.join(path);
            assert!(target.exists(), "{url} from the print page leads nowhere");
        }
    }
    let ouvir = between(&print, "id=\"ouvir\"", "</article>");
    assert_eq!(
        urls_in(ouvir),
        [
            "../../pt/guia/ouvir/index.html",
            "#falar--topo",
            "#ouvir--escuta",
            "../../pt/guia/foto.png",
        ],
        "the title and the image rebased, the link to an article printed on the page and the in-page anchor made anchors of the page: {ouvir}"
    );
    assert!(
        ouvir.contains("<h3 id=\"ouvir--escuta\">Escuta</h3>"),
        "the in-page anchor leads to the heading: {ouvir}"
    );
}

#[test]
fn alerts_are_callouts_labelled_in_the_page_language_and_not_searched() {
    let site = Site::new();
    let callouts = "> [!WARNING]\n> Nikada ne obećavajte povrat novca.\n\n\
                    > [!TIP]\n> Slušajte.\n\n> Obični citat.\n";
    site.write("site.toml", &site_toml(""))
        .write(
            "content/hr/vodic/_index.md",
            "+++\ntitle = \"Vodič\"\n+++\n> [!NOTE]\n> Uvod.\n",
        )
        .write(
            "content/hr/vodic/obecanja.md",
            &page("Obećanja", "", callouts),
        )
        .write(
            "content/pt/promessas.md",
            &page("Promessas", "", "> [!CAUTION]\n> Calma.\n"),
        );
    site.build().assert_ok();
    let hr = site.read("hr/vodic/obecanja/index.html");
    assert!(
        hr.contains(
            "<div class=\"callout callout-warning\" role=\"note\">\n\
             <p class=\"callout-title\">Upozorenje</p>\n\
             <p>Nikada ne obećavajte povrat novca.</p>\n</div>"
        ),
        "{hr}"
    );
    assert!(hr.contains("<p class=\"callout-title\">Savjet</p>"), "{hr}");
    assert!(hr.contains("<blockquote>\n<p>Obični citat.</p>"), "{hr}");
    let pt = site.read("pt/promessas/index.html");
    assert!(
        pt.contains("<p class=\"callout-title\">Cuidado</p>"),
        "{pt}"
    );
    let section = site.read("hr/vodic/index.html");
    assert!(
        section.contains("<p class=\"callout-title\">Napomena</p>\n<p>Uvod.</p>"),
        "a section's introduction: {section}"
    );
    let print = site.read("hr/print/index.html");
    assert!(
        print.contains("<p class=\"callout-title\">Upozorenje</p>"),
        "{print}"
    );
    for page in [&hr, &pt, &section, &print] {
        assert!(!page.contains(">callout-"), "a title left unfilled: {page}");
    }
    for (label, text) in [("Upozorenje", "obećavajte"), ("Savjet", "Slušajte")] {
        let found = |query: &str| {
            let run = site.run(&["search", query, "--lang", "hr", "--json"]);
            run.assert_ok();
            run.stdout().contains("obecanja")
        };
        assert!(found(text), "the callout's text is searched");
        assert!(!found(label), "the label {label} is not the article's text");
    }
}
