//! The repository's own handbook: the five articles, and links that all resolve.

mod support;
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

fn h2_count(html: &str) -> usize {
    html.matches("<h2 id=").count()
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
    assert!(h2_count(pt1) >= 6, "the Portuguese sections are headings");
    assert!(pt1.contains(">Lidar de forma controlada</h2>") || pt1.contains("controlad"));
    assert!(h2_count(pt2) >= 3);
    assert!(
        hr.contains(r#"<h2 id="5-ponudite-rjesenja">5. Ponudite rješenja</h2>"#),
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
            if url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:")
                || url.starts_with('#')
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
    assert!(hr_home.contains("1 članak"));
    assert!(hr_home.contains("Aktivno slušanje"));
    let topic = site.read("es/topics/active-listening/index.html");
    for article in ARTICLES {
        if topic.contains(article.trim_end_matches("index.html")) {
            return;
        }
    }
    panic!("the active-listening topic page lists no article");
}
