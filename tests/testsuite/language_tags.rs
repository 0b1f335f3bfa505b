//! Languages with a region or a script (`pt-br`, `es-419`, `hr-HR`): their
//! folders and URLs keep the tag as written, pages name it in canonical form,
//! and UI strings, plurals, dates and stemming come from the language the tag
//! stands for.

use crate::support;
use support::{page, polybook_in, Site};

const SITE_TOML: &str = "title = \"Handbook\"\nbase_url = \"https://example.com/hb/\"\ndefault_language = \"pt-br\"\n\n\
    [languages.pt-br]\nname = \"Português do Brasil\"\nweight = 1\n\n\
    [languages.es-419]\nname = \"Español de América Latina\"\nweight = 2\n\n\
    [languages.hr-HR]\nname = \"Hrvatski\"\nweight = 3\n";

fn regional_site() -> Site {
    let site = Site::new();
    site.write("site.toml", SITE_TOML)
        .write(
            "content/pt-br/clientes.md",
            &page(
                "Clientes difíceis",
                "translation_key = \"clients\"\ndate = 2024-05-01\n",
                "As negociações com clientes pedem calma.\n",
            ),
        )
        .write(
            "content/es-419/clientes.md",
            &page(
                "Clientes difíciles",
                "translation_key = \"clients\"\n",
                "Texto.\n",
            ),
        )
        .write(
            "content/hr-HR/klijenti.md",
            &page(
                "Teški klijenti",
                "translation_key = \"clients\"\n",
                "Tekst.\n",
            ),
        )
        .write("content/hr-HR/drugi.md", &page("Drugi", "", "Tekst.\n"));
    site
}

#[test]
fn a_regional_language_speaks_its_language_and_names_its_canonical_tag() {
    let site = regional_site();
    site.build().assert_ok();
    let pt = site.read("pt-br/index.html");
    assert!(pt.contains("<html lang=\"pt-BR\""), "{pt}");
    assert!(
        pt.contains("Pesquisar no manual"),
        "Portuguese UI for pt-br"
    );
    let es = site.read("es-419/index.html");
    assert!(es.contains("<html lang=\"es-419\""));
    assert!(es.contains("Buscar en el manual"), "Spanish UI for es-419");
    let hr = site.read("hr-HR/index.html");
    assert!(hr.contains("<html lang=\"hr-HR\""));
    assert!(hr.contains("Pretraži priručnik"), "Croatian UI for hr-HR");

    // Croatian plurals for hr-HR: "2 članka", not the `other` form.
    let chooser = site.read("index.html");
    assert!(chooser.contains("2 članka"), "{chooser}");
    assert!(chooser.contains("1 artículo") && chooser.contains("1 artigo"));

    // Addresses keep the folder's spelling; hreflang the canonical tag.
    let article = site.read("pt-br/clientes/index.html");
    for (tag, folder) in [
        ("pt-BR", "pt-br/clientes"),
        ("es-419", "es-419/clientes"),
        ("hr-HR", "hr-HR/klijenti"),
    ] {
        let alternate = format!("hreflang=\"{tag}\" href=\"https://example.com/hb/{folder}/\"");
        assert!(article.contains(&alternate), "{alternate}\n{article}");
    }
    assert!(
        article.contains("Atualizado em 1 de maio de 2024"),
        "{article}"
    );
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("hreflang=\"pt-BR\" href=\"https://example.com/hb/pt-br/clientes/\""));
}

#[test]
fn search_stems_a_regional_language_as_its_language() {
    let site = regional_site();
    // `negociação` is not in the text, nor a typo away from `negociações`:
    // only the Portuguese stemmer makes them one word.
    let run = site.run(&["search", "negociação", "--lang", "pt-br"]);
    run.assert_ok();
    assert!(
        run.stdout().contains("Clientes difíceis"),
        "{}",
        run.stdout()
    );
}

#[test]
fn check_counts_the_language_s_catalog_as_the_region_s() {
    let site = regional_site();
    let run = site.run(&["check"]);
    let out = format!("{}{}", run.stdout(), run.stderr());
    for code in ["pt-br", "es-419", "hr-HR"] {
        assert!(!out.contains(&format!("`{code}` has no catalog")), "{out}");
        assert!(
            !out.contains(&format!("`{code}` is not fully translated")),
            "{out}"
        );
    }
}

#[test]
fn init_writes_no_catalog_for_a_region_and_theme_locale_starts_from_its_language() {
    let tmp = tempfile::tempdir().unwrap();
    polybook_in(
        tmp.path(),
        &["init", "hb", "--languages", "pt-br,hr", "--title", "X"],
    )
    .assert_ok();
    let hb = tmp.path().join("hb");
    assert!(hb.join("content/pt-br").is_dir());
    assert!(!hb.join("locales").exists(), "pt-br is translated by pt");

    polybook_in(&hb, &["theme", "locale", "pt-br"]).assert_ok();
    let skeleton = std::fs::read_to_string(hb.join("locales/pt-br/main.ftl")).unwrap();
    assert!(
        skeleton.contains("# search-label = Pesquisar no manual"),
        "{skeleton}"
    );
}

#[test]
fn one_language_cannot_be_configured_twice_in_another_letter_case() {
    let site = Site::new();
    site.write(
        "site.toml",
        &SITE_TOML.replace("[languages.hr-HR]", "[languages.pt-BR]"),
    );
    site.build()
        .assert_failed_with("`pt-br` is the language `pt-BR` again");
}
