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
