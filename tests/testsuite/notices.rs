//! "Not translated" notices (issue #16): an article embeds, for each language
//! with no version of it, a `hidden` notice (`data-untranslated`) with a
//! notice in that language and that language's articles on the same topics
//! (its home when none); the switcher marks those languages visibly. No page
//! gets a file of its own for it.

use crate::support;
use support::{notices_site, page, Site};

/// pt, hr and es (es has no article). `pt/par` and `hr/par` are translations;
/// `pt/so-pt` is in Portuguese only and shares `calm` and `listen` with
/// Croatian articles, `hr/slusanje` sharing both.
fn site() -> Site {
    let site = notices_site();
    site.write(
        "content/pt/so-pt.md",
        &page(
            "Só em português",
            "topics = [\"listen\", \"calm\"]\n",
            "Texto.\n",
        ),
    )
    .write(
        "content/hr/slusanje.md",
        &page("Slušanje", "topics = [\"listen\", \"calm\"]\n", "Tekst.\n"),
    );
    // Listed before `Slušanje`, sharing one topic with `so-pt`.
    for n in 1..=3 {
        site.write(
            &format!("content/hr/a{n}.md"),
            &page(&format!("A{n}"), "topics = [\"listen\"]\n", "Tekst.\n"),
        );
    }
    site.build().assert_ok();
    site
}

/// The notice of a page for readers of `lang` (`data-untranslated="lang"`), if any.
fn template<'a>(html: &'a str, lang: &str) -> Option<&'a str> {
    let start = html.find(&format!("data-untranslated=\"{lang}\""))?;
    let end = start + html[start..].find("</div>")?;
    Some(&html[start..end])
}

/// The switcher's entry for `lang`.
fn switcher_entry<'a>(html: &'a str, lang: &str) -> &'a str {
    let nav = &html[html.find("class=\"lang-switcher\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let at = nav.find(&format!("data-lang=\"{lang}\"")).unwrap();
    let start = nav[..at].rfind("<li>").unwrap();
    &nav[start..at + nav[at..].find("</li>").unwrap()]
}

#[test]
fn an_untranslated_article_carries_a_notice_per_missing_language() {
    let site = site();
    let only_pt = site.read("pt/so-pt/index.html");

    let hr = template(&only_pt, "hr").expect("a notice for Croatian readers");
    assert!(hr.contains("lang=\"hr\""), "{hr}");
    assert!(hr.contains("role=\"note\""), "{hr}");
    assert!(
        hr.contains("Ovaj članak još nije preveden na jezik Hrvatski."),
        "in Croatian: {hr}"
    );
    assert!(
        hr.contains("Članci na jeziku Hrvatski o istim temama:"),
        "{hr}"
    );
    // Sharing the most topics first, then in listing order; three at most.
    let links: Vec<&str> = hr.split("<a href=\"").skip(1).collect();
    assert_eq!(links.len(), 3, "{hr}");
    assert!(
        links[0].starts_with("../../hr/slusanje/index.html\">Slušanje<"),
        "{hr}"
    );
    assert!(links[1].starts_with("../../hr/a1/index.html\">A1<"), "{hr}");
    assert!(links[2].starts_with("../../hr/a2/index.html\">A2<"), "{hr}");

    // Spanish has no article on these topics: its home instead, in Spanish.
    let es = template(&only_pt, "es").expect("a notice for Spanish readers");
    assert!(es.contains("lang=\"es\""), "{es}");
    assert!(
        es.contains("Este artículo aún no está disponible en Español."),
        "{es}"
    );
    assert!(
        es.contains("<a href=\"../../es/index.html\">Ver los artículos en Español</a>"),
        "{es}"
    );
    assert!(
        template(&only_pt, "pt").is_none(),
        "not for its own language"
    );

    // A translation in a language: no notice for it.
    let pair = site.read("pt/par/index.html");
    assert!(
        template(&pair, "hr").is_none(),
        "pt/par is translated into hr"
    );
    assert!(template(&pair, "es").is_some());
    // Instead, where the Croatian version is, in Croatian.
    let start = pair
        .find("data-translated=\"hr\"")
        .expect("the Croatian version offered");
    let hr = &pair[start..start + pair[start..].find("</p>").unwrap()];
    assert!(hr.contains("lang=\"hr\""), "{hr}");
    assert!(
        hr.contains(
            "Ovaj je članak dostupan i na jeziku Hrvatski: \
             <a href=\"../../hr/par/index.html\" data-lang=\"hr\">Par hr</a>"
        ),
        "{hr}"
    );
    assert!(
        !only_pt.contains("data-translated"),
        "so-pt has no version elsewhere"
    );
    let pair_hr = site.read("hr/par/index.html");
    assert!(template(&pair_hr, "pt").is_none());
    let es = template(&pair_hr, "es").unwrap();
    assert!(es.contains("../../es/index.html"), "{es}");

    // Pages that exist in every language carry none.
    for page in [
        "pt/index.html",
        "hr/topics/calm/index.html",
        "pt/search/index.html",
    ] {
        assert!(
            !site.read(page).contains("data-untranslated"),
            "{page} has no notice"
        );
    }
}

#[test]
fn the_switcher_marks_missing_languages_visibly_in_their_language() {
    let site = site();
    let only_pt = site.read("pt/so-pt/index.html");
    let hr = switcher_entry(&only_pt, "hr");
    assert!(hr.contains("class=\"lang-home\""), "{hr}");
    assert!(hr.contains("href=\"../../hr/index.html\""), "{hr}");
    assert!(
        hr.contains("<span class=\"lang-missing\"> nije prevedeno</span>"),
        "a visible mark, in Croatian: {hr}"
    );
    let es = switcher_entry(&only_pt, "es");
    assert!(
        es.contains("<span class=\"lang-missing\"> sin traducir</span>"),
        "{es}"
    );

    let pair = site.read("pt/par/index.html");
    let hr = switcher_entry(&pair, "hr");
    assert!(hr.contains("href=\"../../hr/par/index.html\""), "{hr}");
    assert!(
        !hr.contains("lang-missing") && !hr.contains("lang-home"),
        "{hr}"
    );

    // The 404 page is in no language: its links go home, unmarked.
    assert!(!site.read("404.html").contains("lang-missing"));
}

#[test]
fn notices_add_no_file() {
    let site = site();
    let mut pages: Vec<String> = support::snapshot(&site.public())
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with(".html"))
        .collect();
    pages.sort();
    let mut expected = vec!["404.html".to_string(), "index.html".to_string()];
    for lang in ["pt", "hr", "es"] {
        for page in [
            "",
            "topics/",
            "topics/calm/",
            "topics/listen/",
            "search/",
            "print/",
            "review/",
        ] {
            expected.push(format!("{lang}/{page}index.html"));
        }
    }
    for article in [
        "pt/par",
        "hr/par",
        "pt/so-pt",
        "hr/slusanje",
        "hr/a1",
        "hr/a2",
        "hr/a3",
    ] {
        expected.push(format!("{article}/index.html"));
    }
    expected.sort();
    assert_eq!(pages, expected, "one page per page, nothing more");
    assert!(
        !support::snapshot(&site.public())
            .iter()
            .any(|(path, _)| path.contains("untranslated") || path.contains("notice")),
        "no file for the notices"
    );
}
