//! The repository's own handbook: the five articles, and links that all resolve.

use crate::support;
use std::path::Path;
use support::{urls_in, Site};

fn built() -> Site {
    let site = Site::handbook();
    site.build().assert_ok();
    site
}

const ARTICLES: [&str; 5] = [
    "pt/como-lidar-com-clientes-dificeis/index.html",
    "pt/como-resolver-conflitos-com-clientes/index.html",
    "hr/kako-se-nositi-s-teskim-klijentom/index.html",
    "es/tome-el-enfoque-decidido-a-clientes-insatisfechos/index.html",
    "it/non-lasciare-che-la-tua-energia-venga-divorata-4-consigli-per-gestire-i-clienti-difficili/index.html",
];

/// The texts of the `<h2>` headings of an article's body (not the theme's own,
/// such as the table of contents or the related articles).
fn section_headings(html: &str) -> Vec<&str> {
    let start = html
        .find("class=\"prose article-body\"")
        .expect("an article body");
    let end = start
        + html[start..]
            .find("class=\"article-foot\"")
            .expect("an article footer");
    html[start..end]
        .split("<h2 id=\"")
        .skip(1)
        .map(|h| {
            let text = &h[h.find('>').unwrap() + 1..];
            &text[..text.find("</h2>").unwrap()]
        })
        .collect()
}

#[test]
fn the_five_articles_have_repaired_headings_and_no_debris() {
    let site = built();
    let pages: Vec<String> = ARTICLES.iter().map(|p| site.read(p)).collect();
    for debris in [
        "Sommario",
        "Anonim",
        "Consigliato",
        "Feito Gathering",
        "adequada of Mind",
        "A Frame",
    ] {
        for (path, html) in ARTICLES.iter().zip(&pages) {
            assert!(!html.contains(debris), "{path} still holds {debris:?}");
        }
    }
    let [pt1, pt2, hr, es, it] = &pages[..] else {
        unreachable!()
    };
    assert_eq!(
        section_headings(pt1),
        [
            "Os princípios",
            "A atitude mental adequada",
            "Reconhecendo os sentimentos do cliente",
            "Coleta de fatos",
            "Lidar de forma controlada",
            "Solução de problemas",
        ],
        "the Portuguese sections are headings"
    );
    assert_eq!(
        section_headings(pt2),
        [
            "Difundir a situação",
            "Alterar o local conflito",
            "Resolver o problema e acabar com o conflito",
            "Dicas e avisos",
        ]
    );
    assert!(
        hr.contains(r#"<h2 id="5-ponudite-rješenja">5. Ponudite rješenja</h2>"#),
        "Croatian steps are headings"
    );
    assert_eq!(
        (1..=10)
            .filter(|n| hr.contains(&format!("<h2 id=\"{n}-")))
            .count(),
        10
    );
    for letter in ["R", "E", "S", "O", "L", "V", "D"] {
        assert!(
            es.contains(&format!("<h2 id=\"{}-", letter.to_lowercase())),
            "RESUELVE {letter}"
        );
    }
    assert_eq!(
        (1..=4)
            .filter(|n| it.contains(&format!("<h2 id=\"{n}-")))
            .count(),
        4
    );
    let title = "Non lasciare che la tua energia venga divorata";
    assert!(
        !it.contains(&format!("<p>{title}")),
        "the repeated title lines are gone"
    );
}

#[test]
fn every_internal_link_resolves_and_none_is_root_absolute() {
    let site = built();
    let public = site.public();
    let mut checked = 0;
    for (path, bytes) in site.snapshot() {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = Path::new(&path).parent().unwrap().to_path_buf();
        for url in urls_in(&html) {
            if let Some(anchor) = url.strip_prefix('#') {
                // A browser decodes the fragment before it looks for the id.
                let anchor = decoded(anchor);
                assert!(
                    html.contains(&format!("id=\"{anchor}\"")),
                    "{path}: {url}: no #{anchor} on the page"
                );
                checked += 1;
                continue;
            }
            if url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:")
                || url.starts_with("data:")
            {
                continue;
            }
            assert!(!url.starts_with('/'), "{path}: root-absolute URL {url}");
            let file_part = url.split(['#', '?']).next().unwrap();
            let mut target = public.join(&dir).join(file_part);
            if file_part.is_empty() || file_part.ends_with('/') {
                target = target.join("index.html");
            }
            assert!(
                target.exists(),
                "{path}: {url} does not resolve ({})",
                target.display()
            );
            if let Some(anchor) = url.split('#').nth(1).filter(|a| !a.is_empty()) {
                let anchor = decoded(anchor);
                let text = std::fs::read_to_string(&target).unwrap();
                assert!(
                    text.contains(&format!("id=\"{anchor}\"")),
                    "{path}: {url}: no #{anchor} there"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn every_language_home_and_topic_page_exists() {
    let site = built();
    for lang in ["pt", "hr", "es", "it"] {
        for page in [
            "index.html",
            "topics/index.html",
            "topics/active-listening/index.html",
            "search/index.html",
            "print/index.html",
            "atom.xml",
        ] {
            assert!(site.exists(&format!("{lang}/{page}")), "{lang}/{page}");
        }
    }
    let hr_home = site.read("hr/index.html");
    assert!(
        hr_home.contains("<p class=\"page-meta\">1 članak</p>"),
        "the hr home counts its one article"
    );
    assert!(
        hr_home.contains(
            "<a href=\"../hr/topics/active-listening/index.html\">Aktivno slušanje</a> \
             <span class=\"count\">4 članka</span>"
        ),
        "the hr home lists the topic in Croatian with its four articles"
    );
    let topic = site.read("es/topics/active-listening/index.html");
    let listed: Vec<&str> = ARTICLES
        .into_iter()
        .filter(|article| topic.contains(&format!("href=\"../../../{article}\"")))
        .collect();
    assert_eq!(
        listed,
        &ARTICLES[..4],
        "the active-listening topic page lists the four articles on it, and only those"
    );
}

fn decoded(fragment: &str) -> String {
    percent_encoding::percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned()
}
