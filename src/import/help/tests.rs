use super::body;
use super::plan::site_language;
use super::*;

#[test]
fn links_to_articles_are_recognised() {
    assert_eq!(
        linked_article("https://x.zendesk.com/hc/pt-br/articles/123-Como-ouvir#passo"),
        Some(123)
    );
    assert_eq!(linked_article("/hc/articles/45"), Some(45));
    assert_eq!(
        linked_article("https://x.freshdesk.com/support/solutions/articles/9-x"),
        Some(9)
    );
    assert_eq!(linked_article("https://example.com/articles/123"), None);
    assert_eq!(linked_article("/hc/pt-br/articles/12abc"), None);
}

#[test]
fn addresses_are_paths_percent_decoded() {
    assert_eq!(
        path_of("https://x.zendesk.com/hc/hr/articles/1-Slu%C5%A1anje?x=1").as_deref(),
        Some("/hc/hr/articles/1-Slušanje")
    );
    assert_eq!(path_of("https://x.zendesk.com/"), None);
}

#[test]
fn locales_map_to_the_site_languages() {
    let site = ["pt", "hr", "es-419"].map(String::from);
    assert_eq!(site_language("pt-br", &site).as_deref(), Some("pt"));
    assert_eq!(site_language("hr", &site).as_deref(), Some("hr"));
    assert_eq!(site_language("es-419", &site).as_deref(), Some("es-419"));
    assert_eq!(site_language("es", &site).as_deref(), Some("es-419"));
    assert_eq!(site_language("de", &site), None);
    let site = ["pt-br", "pt"].map(String::from);
    assert_eq!(site_language("pt-BR", &site).as_deref(), Some("pt-br"));
    assert_eq!(site_language("pt-pt", &site).as_deref(), Some("pt"));
}

#[test]
fn headings_keep_the_help_centers_ids_until_links_are_resolved() {
    let markdown =
        body::to_markdown("<h2 id=\"h_01A\">Passos</h2><p>x</p><h3>Mais</h3><h2 id=\"a b\">C</h2>")
            .unwrap();
    assert_eq!(markdown, "## Passos {#h_01A}\n\nx\n\n### Mais\n\n## C\n");
    let (bare, headings) = body::headings(&markdown);
    assert_eq!(bare, "## Passos\n\nx\n\n### Mais\n\n## C\n");
    assert_eq!(headings.anchor(None, "h_01A").as_deref(), Some("passos"));
    assert_eq!(headings.anchor(None, "mais").as_deref(), Some("mais"));
    assert_eq!(headings.anchor(None, "nada"), None);
    // A translation's headings, through the source's: by place, when they
    // have as many.
    let (_, hr) = body::headings("## Koraci {#koraci}\n\n### Više\n\n## Č\n");
    assert_eq!(
        hr.anchor(Some(&headings), "h_01A").as_deref(),
        Some("koraci")
    );
    let (_, short) = body::headings("## Koraci\n");
    assert_eq!(short.anchor(Some(&headings), "h_01A"), None);
}
