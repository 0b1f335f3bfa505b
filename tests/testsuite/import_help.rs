//! `polybook import DIR` of a help center's saved API responses (Zendesk
//! Guide, Freshdesk solutions; layouts in the README): translations grouped,
//! sections as folders, labels as topics, links between articles rewritten,
//! old addresses kept as aliases, and the site builds with the drafts.

use crate::support;

use support::Site;

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &support::site_toml(""));
    site.write(
        "content/topics.toml",
        "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n",
    );
    support::copy_dir(
        &support::repo_root().join("tests/fixtures/import_zendesk"),
        &site.root().join("zendesk"),
    );
    support::copy_dir(
        &support::repo_root().join("tests/fixtures/import_freshdesk"),
        &site.root().join("freshdesk"),
    );
    site
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_zendesk_export_becomes_translation_groups_with_aliases() {
    let site = site();
    let run = site.run(&["import", "zendesk"]);
    run.assert_failed_with("zendesk/articles.json: error: article 101: its de translation (\"Aktives Zuhören\") is in a language the site lacks: not imported\n  help: add [languages.de] to site.toml");
    let stderr = run.stderr();
    assert!(stderr.contains("zendesk/articles.json: warning: article 101 (hr) is marked outdated in Zendesk: written as a draft"), "{stderr}");
    assert!(stderr.contains("warning: the label \"escalation\" (1 article(s)) names no topic of content/topics.toml: left out"), "{stderr}");
    assert!(
        run.stdout()
            .contains("Zendesk export: 4 page(s) (hr: 1, pt: 3), 1 translation group(s)"),
        "{}",
        run.stdout()
    );
    let pt = read(
        &site,
        "content/pt/atendimento/clientes-dificeis/escuta-ativa.md",
    );
    assert_eq!(pt, "+++\ntitle = \"Escuta ativa\"\ndescription = \"Ouça o cliente até o fim, sem interromper, e repita o que entendeu.\"\ntranslation_key = \"zendesk-101\"\ntopics = [\"empathy\"]\naliases = [\"hc/pt-br/articles/101-Escuta-ativa/\", \"hc/pt-br/articles/101/\"]\ndraft = true\nsource = \"Zendesk article 101 (pt-br)\"\n+++\n\nOuça o cliente até o fim, sem interromper, e repita o que entendeu.\n\n## Passos\n\n*   Ouvir\n*   Repetir\n\nVeja também [empatia](empatia.md).\n");
    let hr = read(
        &site,
        "content/hr/atendimento/clientes-dificeis/aktivno-slusanje.md",
    );
    assert!(hr.contains("translation_key = \"zendesk-101\""), "{hr}");
    assert!(
        hr.contains("\"hc/hr/articles/101-Aktivno-slušanje/\""),
        "{hr}"
    );
    assert_eq!(
        read(&site, "content/pt/atendimento/clientes-dificeis/_index.md"),
        "+++\ntitle = \"Clientes difíceis\"\nweight = 2\n+++\n"
    );
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site
        .public()
        .join("hc/pt-br/articles/101-Escuta-ativa/index.html")
        .exists());
}

#[test]
fn a_freshdesk_export_with_a_translation() {
    let site = site();
    let run = site.run(&["import", "--dry-run", "freshdesk"]);
    run.assert_ok();
    assert!(run.stdout().contains("would write content/hr/atendimento/clientes-dificeis/aktivno-slusanje.md (hr, \"Aktivno slušanje\")"), "{}", run.stdout());
    site.run(&["import", "--from", "freshdesk", "freshdesk"])
        .assert_ok();
    let pt = read(
        &site,
        "content/pt/atendimento/clientes-dificeis/escuta-ativa.md",
    );
    assert!(pt.contains("translation_key = \"freshdesk-301\"\ntopics = [\"empathy\"]\naliases = [\"support/solutions/articles/301/\"]"), "{pt}");
    assert!(pt.contains("Veja [empatia](empatia.md)."), "{pt}");
    assert!(
        read(&site, "content/hr/atendimento/clientes-dificeis/_index.md")
            .contains("title = \"Teški klijenti\"")
    );
    site.run(&["build", "--drafts"]).assert_ok();
}

/// A site in pt, es and hr with, in `zd/`, a Zendesk export as the API
/// returns it for a help center with a section inside a section, translated
/// section names, and links to headings.
fn nested_site() -> Site {
    let site = Site::new();
    site.write(
        "site.toml",
        &support::site_toml("").replace(
            "[languages.hr]",
            "[languages.es]\nname = \"Español\"\nweight = 3\n\n[languages.hr]",
        ),
    );
    nested_export(&site);
    site
}

fn nested_export(site: &Site) {
    let z = "zd";
    site.write(
        &format!("{z}/categories.json"),
        r#"{"categories": [{"id": 10, "name": "Redes", "locale": "pt-br", "position": 1}]}"#,
    );
    site.write(&format!("{z}/sections.json"), r#"{"sections": [
      {"id": 20, "name": "Roteadores", "locale": "pt-br", "category_id": 10, "parent_section_id": null, "position": 1},
      {"id": 21, "name": "Keenetic", "locale": "pt-br", "category_id": 10, "parent_section_id": 20, "position": 2}]}"#);
    site.write(&format!("{z}/translations/sections/20.json"), r#"{"translations": [
      {"id": 7, "source_id": 20, "source_type": "Section", "locale": "pt-br", "title": "Roteadores"},
      {"id": 8, "source_id": 20, "source_type": "Section", "locale": "hr", "title": "Usmjerivači"}]}"#);
    site.write(&format!("{z}/articles.json"), r##"{"articles": [
      {"id": 1, "title": "Configurar", "locale": "pt-br", "source_locale": "pt-br", "section_id": 21, "html_url": "https://acme.zendesk.com/hc/pt-br/articles/1-Configurar",
       "body": "<p>Veja <a href=\"#h_01A\">os passos</a> e <a href=\"#sumiu\">isto</a>.</p><h2 id=\"h_01A\">Passos</h2><p>Faça.</p>"},
      {"id": 2, "title": "Roteadores", "locale": "pt-br", "source_locale": "pt-br", "section_id": 20,
       "body": "<p>Leia <a href=\"https://acme.zendesk.com/hc/pt-br/articles/1-Configurar#h_01A\">os passos</a> e <a href=\"/hc/pt-br/articles/3\">o guia</a>.</p>"},
      {"id": 3, "title": "Guia", "locale": "pt-br", "source_locale": "pt-br", "section_id": 20, "body": "<p>Guia.</p>"}]}"##);
    site.write(&format!("{z}/translations/1.json"), r##"{"translations": [
      {"locale": "hr", "title": "Postavljanje", "body": "<p>Pogledajte <a href=\"#h_01A\">korake</a>.</p><h2 id=\"koraci\">Koraci</h2><p>Učinite.</p>"}]}"##);
    site.write(&format!("{z}/translations/2.json"), r#"{"translations": [
      {"locale": "hr", "title": "Usmjerivači", "body": "<p>Pročitajte <a href=\"https://acme.zendesk.com/hc/hr/articles/1-Postavljanje#h_01A\">korake</a> i <a href=\"/hc/pt-br/articles/3\">vodič</a>.</p>"}]}"#);
    site.write(
        &format!("{z}/translations/3.json"),
        r#"{"translations": [
      {"locale": "es", "title": "Guía", "body": "<p>Guía.</p>"}]}"#,
    );
}

#[test]
fn zendesk_sections_inside_sections_with_translated_names() {
    let site = nested_site();
    site.run(&["import", "zd"]).assert_ok();
    // Section 21 is inside section 20.
    for page in [
        "content/pt/redes/roteadores/keenetic/configurar.md",
        "content/hr/redes/roteadores/keenetic/postavljanje.md",
    ] {
        assert!(site.root().join(page).is_file(), "{page}");
    }
    assert_eq!(
        read(&site, "content/hr/redes/roteadores/_index.md"),
        "+++\ntitle = \"Usmjerivači\"\nweight = 1\n+++\n"
    );
    // Untranslated: the source's name.
    assert!(
        read(&site, "content/hr/redes/roteadores/keenetic/_index.md")
            .contains("title = \"Keenetic\"")
    );
    site.run(&["build", "--drafts"]).assert_ok();
}

#[test]
fn zendesk_links_to_headings_keep_their_heading() {
    let site = nested_site();
    let run = site.run(&["import", "zd"]);
    run.assert_ok();
    let stderr = run.stderr();
    assert!(stderr.contains("zd/articles.json: warning: article 1 (pt-br): the link `#sumiu` names no heading of the article: kept as text"), "{stderr}");
    // The help center's heading id becomes the build's; a link to an
    // element that is not a heading is kept as text.
    let pt = read(&site, "content/pt/redes/roteadores/keenetic/configurar.md");
    assert!(
        pt.ends_with("+++\n\nVeja [os passos](#passos) e isto.\n\n## Passos\n\nFaça.\n"),
        "{pt}"
    );
    // The translation kept the source's anchor: the heading at its place.
    let hr = read(
        &site,
        "content/hr/redes/roteadores/keenetic/postavljanje.md",
    );
    assert!(
        hr.contains("Pogledajte [korake](#koraci).\n\n## Koraci\n"),
        "{hr}"
    );
    let pt = read(&site, "content/pt/redes/roteadores/roteadores.md");
    assert!(
        pt.contains("Leia [os passos](keenetic/configurar.md#passos) e [o guia](guia.md)."),
        "{pt}"
    );
    // An article not translated into hr: its source language's page, not another translation's.
    let hr = read(&site, "content/hr/redes/roteadores/usmjerivaci.md");
    assert!(hr.contains("Pročitajte [korake](keenetic/postavljanje.md#koraci) i [vodič](../../../pt/redes/roteadores/guia.md)."), "{hr}");
    site.run(&["build", "--drafts"]).assert_ok();
}

#[test]
fn zendesk_publish_names_links_to_pages_left_as_drafts() {
    let site = nested_site();
    let articles = site.root().join("zd/articles.json");
    let text = std::fs::read_to_string(&articles).unwrap();
    std::fs::write(
        &articles,
        text.replace(
            "\"title\": \"Guia\",",
            "\"title\": \"Guia\", \"draft\": true,",
        ),
    )
    .unwrap();
    let run = site.run(&["import", "--publish", "zd"]);
    run.assert_ok();
    let stderr = run.stderr();
    assert!(stderr.contains("warning: article 2 (pt-br) links to article 3 (pt-br), which is written as a draft: `polybook build` fails on the link until that page is published\n  help: publish pt/redes/roteadores/guia.md (draft = false) or remove the link"), "{stderr}");
    assert!(
        stderr.contains("warning: article 2 (hr) links to article 3 (pt-br)"),
        "{stderr}"
    );
    site.run(&["build", "--drafts"]).assert_ok();
}

/// Hostile and broken input in one export: an article without its `id`
/// is refused naming the file and its place in the list, an article whose
/// body carries scripts (an element, an attribute, a `javascript:` link) is
/// imported without them, and the site builds.
#[test]
fn missing_fields_are_refused_and_scripts_never_reach_the_page() {
    let site = Site::new();
    site.write("site.toml", &support::site_toml(""));
    site.write("export/sections.json", "{\"sections\": []}");
    site.write(
        "export/articles.json",
        r#"{"articles": [
  {"title": "Sem identificador", "locale": "pt-br", "body": "<p>Texto.</p>"},
  {"id": 7, "title": "Calma", "locale": "pt-br", "source_locale": "pt-br",
   "body": "<p>Fale devagar com o cliente.</p><script>alert(1)</script><img src=x onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">aqui</a><iframe src=\"https://example.com\"></iframe>"}
]}"#,
    );
    let run = site.run(&["import", "export"]);
    let stderr = run.stderr();
    assert!(!run.success(), "{stderr}");
    assert!(
        stderr.contains("export/articles.json: error: articles[0] is not what the API returns")
            && stderr.contains("missing field `id`"),
        "{stderr}"
    );
    let page = read(&site, "content/pt/calma.md");
    assert!(page.contains("Fale devagar com o cliente."), "{page}");
    for unsafe_text in ["<script", "alert(", "onerror", "javascript:", "<iframe"] {
        assert!(!page.contains(unsafe_text), "{unsafe_text} in {page}");
    }
    assert!(page.contains("aqui"), "the link's text stays: {page}");
    site.run(&["build", "--drafts"]).assert_ok();
    let html = read(&site, "public/pt/calma/index.html").to_lowercase();
    assert!(
        !html.contains("href=\"javascript:") && !html.contains("<script>alert"),
        "{html}"
    );
}
