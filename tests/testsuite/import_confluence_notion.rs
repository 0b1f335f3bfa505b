//! `polybook import DIR` of a wiki space's export (Confluence space HTML,
//! Notion Markdown & CSV; layouts in the README): the page tree as
//! sections, macros and callouts as alerts, attachments copied beside the
//! pages, links between pages rewritten, old names kept as aliases, and the
//! site builds with the drafts.

use crate::support;

use support::Site;

fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &support::site_toml(""));
    site.write(
        "content/topics.toml",
        "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\" }\n",
    );
    for (fixture, to) in [
        ("import_confluence", "confluence"),
        ("import_notion", "notion"),
    ] {
        support::copy_dir(
            &support::repo_root().join("tests/fixtures").join(fixture),
            &site.root().join(to),
        );
    }
    site
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_confluence_space_becomes_a_section_with_its_children() {
    let site = site();
    let run = site.run(&["import", "--dry-run", "confluence"]);
    run.assert_ok();
    assert!(
        run.stdout().contains(
            "would write content/pt/atendimento-ao-cliente/reembolsos.md (pt, \"Reembolsos\")"
        ),
        "{}",
        run.stdout()
    );
    assert!(!site
        .root()
        .join("content/pt/atendimento-ao-cliente.md")
        .exists());
    let run = site.run(&["import", "confluence"]);
    run.assert_ok();
    assert!(
        run.stdout()
            .contains("Confluence export: 3 page(s) (pt), 1 attachment(s)"),
        "{}",
        run.stdout()
    );
    assert_eq!(
        read(&site, "content/pt/atendimento-ao-cliente/_index.md"),
        "+++\ntitle = \"Atendimento ao cliente\"\n+++\n"
    );
    let home = read(&site, "content/pt/atendimento-ao-cliente.md");
    assert!(
        home.contains("aliases = [\"Atendimento-ao-cliente_65537.html\"]\n"),
        "{home}"
    );
    assert!(
        home.contains("Comece pelos [reembolsos](atendimento-ao-cliente/reembolsos.md)"),
        "{home}"
    );
    // An anchor Confluence wrote for a heading of another page follows it.
    assert!(
        home.contains("[escalonar](atendimento-ao-cliente/escalonamento.md#quando-escalonar)"),
        "{home}"
    );
    assert!(
        home.ends_with("> [!NOTE]\n> Responda a todos os clientes no mesmo dia útil.\n"),
        "{home}"
    );
    let refunds = read(&site, "content/pt/atendimento-ao-cliente/reembolsos.md");
    assert_eq!(refunds, "+++\ntitle = \"Reembolsos\"\ndescription = \"O cliente pode pedir o reembolso em até trinta dias depois da compra, com o recibo.\"\naliases = [\"Reembolsos_65540.html\"]\ndraft = true\nsource = \"Confluence page Reembolsos_65540.html\"\n+++\n\nO cliente pode pedir o reembolso em até trinta dias depois da compra, com o recibo.\n\n## Passos\n\n1.  Confira o recibo.\n2.  Registre o pedido no sistema.\n\n![Recibo](recibo.png)\n\n> [!CAUTION]\n> Nunca reembolse sem o recibo.\n\n> [!TIP]\n> Dica\n>\n> Ofereça um vale-compras antes.\n\nVolte ao [início](../atendimento-ao-cliente.md).\n");
    assert!(
        !refunds.contains("Created by")
            && !refunds.contains("Attachments")
            && !refunds.contains("Document generated")
    );
    assert!(site
        .root()
        .join("content/pt/atendimento-ao-cliente/recibo.png")
        .is_file());
    let escalation = read(&site, "content/pt/atendimento-ao-cliente/escalonamento.md");
    assert!(
        escalation.contains("aliases = [\"65541.html\"]"),
        "{escalation}"
    );
    assert!(
        escalation.contains("> [!TIP]\n> Anote tudo"),
        "{escalation}"
    );
    // A code macro is a code block; the wiki's address of a page of the
    // export leads to the page.
    assert!(
        escalation.contains("```bash\n$ chamado escalonar --prioridade alta\n```\n"),
        "{escalation}"
    );
    assert!(
        escalation.contains("confira os [passos do reembolso](reembolsos.md#passos)."),
        "{escalation}"
    );
    // The table of contents follows the heading's new id; what leads nowhere is unlinked.
    assert!(
        escalation.contains("[Quando escalonar](#quando-escalonar)"),
        "{escalation}"
    );
    assert!(
        escalation
            .contains("Veja também o guia de descontos da equipe de vendas e a lista de contatos."),
        "{escalation}"
    );
    let stderr = run.stderr();
    assert!(stderr.contains("confluence/65541.html: warning: \"Escalonamento\": the link to `/display/VENDAS/Descontos` is a path of the old wiki: written as plain text\n  help: link the page or heading it meant once imported, or remove the text"), "{stderr}");
    assert!(
        stderr.contains("the link to `#Escalonamento-Contatos` names no heading of the page"),
        "{stderr}"
    );
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site.public().join("Reembolsos_65540.html").exists());
    // Nothing is overwritten: a second import reports each page at its source.
    let again = site.run(&["import", "--from", "confluence", "confluence"]);
    assert!(again.stderr().contains("confluence/Reembolsos_65540.html: error: content/pt/atendimento-ao-cliente/reembolsos.md exists: not overwriting it"), "{}", again.stderr());
}

#[test]
fn a_confluence_space_from_before_confluence_5_is_read_from_its_tables() {
    let site = site();
    let run = site.run(&["import", "--lang", "pt", "confluence/legacy"]);
    run.assert_ok();
    assert!(
        run.stdout()
            .contains("Confluence export: 2 page(s) (pt), 0 attachment(s)"),
        "{}",
        run.stdout()
    );
    // Its file names are titles, spaces and all: no alias, one warning.
    assert!(run.stderr().contains("confluence/legacy: warning: 2 page file name(s) have characters a redirect cannot hold (`Guia do atendimento.html`): not kept as aliases"), "{}", run.stderr());
    let home = read(&site, "content/pt/guia-do-atendimento.md");
    assert_eq!(home, "+++\ntitle = \"Guia do atendimento\"\ndescription = \"Este guia reúne o que a equipe precisa para atender bem os clientes, por telefone e por e-mail.\"\ndraft = true\nsource = \"Confluence page Guia do atendimento.html\"\n+++\n\nEste guia reúne o que a equipe precisa para atender bem os clientes, por telefone e por e-mail.\n\nQuando a fila cresce, siga as [regras das filas](guia-do-atendimento/filas-de-espera.md#quando-a-fila-cresce).\n");
    let queues = read(&site, "content/pt/guia-do-atendimento/filas-de-espera.md");
    assert!(queues.ends_with("+++\n\n## Quando a fila cresce\n\nAvise a supervisão e abra mais um canal de atendimento ✅\n\n> [!CAUTION]\n> Nunca feche a fila com clientes esperando.\n\n| Fila     | Limite |\n| -------- | ------ |\n| Telefone | 10     |\n\n```bash\n$ fila status --todas\n$ fila abrir telefone-2\n```\n\nVolte ao [guia](<../guia-do-atendimento.md>).\n"), "{queues}");
    site.run(&["build", "--drafts"]).assert_ok();
}

#[test]
fn a_notion_export_loses_its_ids_and_its_database_fills_the_front_matter() {
    let site = site();
    site.run(&["import", "--from", "notion", "--lang", "hr", "notion"])
        .assert_ok();
    let home = read(&site, "content/hr/prirucnik.md");
    assert!(
        home.contains("aliases = [\"Priručnik-0123456789abcdef0123456789abcdef/\"]\n"),
        "{home}"
    );
    assert!(
        home.contains("> [!NOTE]\n> Uvijek odgovorite kupcu isti radni dan.\n"),
        "{home}"
    );
    assert!(home.contains("Pročitajte [Povrat novca](prirucnik/povrat-novca.md) i pogledajte [zadatke](prirucnik/zadaci.md)."), "{home}");
    assert!(
        home.contains("![Snimka zaslona](snimka-zaslona.png)"),
        "{home}"
    );
    assert!(site.root().join("content/hr/snimka-zaslona.png").is_file());
    assert_eq!(
        read(&site, "content/hr/prirucnik/_index.md"),
        "+++\ntitle = \"Priručnik\"\n+++\n"
    );
    let refund = read(&site, "content/hr/prirucnik/povrat-novca.md");
    assert!(
        refund.contains("Vratite se na [priručnik](../prirucnik.md)."),
        "{refund}"
    );
    // A custom icon is no text of the callout; a database is linked as
    // `.md`, exported as `.csv`.
    assert!(
        refund.contains(
            "> [!NOTE]\n> Bez računa nema povrata.\n\nKoraci su u [zadacima](zadaci.md).\n"
        ),
        "{refund}"
    );
    let row = read(&site, "content/hr/prirucnik/zadaci/provjera-racuna.md");
    assert!(
        row.starts_with("+++\ntitle = \"Provjera računa\"\n"),
        "{row}"
    );
    assert!(
        row.contains("topics = [\"empathy\"]\nupdated = 2024-01-05\n"),
        "{row}"
    );
    // The columns of `Zadaci <id>_all.csv`, which has them all; a relation
    // names its pages by title.
    assert!(row.ends_with("[extra]\nprojekt = \"Povrat novca\"\nstatus = \"Gotovo\"\ntags = \"telefon\"\nvlasnik = \"Ana\"\n+++\n\nProvjerite datum i iznos na računu prije nego što odobrite povrat novca.\n"), "{row}");
    assert!(!site
        .root()
        .join("content/hr/prirucnik/zadaci-22222222222222222222222222222222_all.md")
        .exists());
    let database = read(&site, "content/hr/prirucnik/zadaci.md");
    assert!(
        database.contains("- [Provjera računa](zadaci/provjera-racuna.md)\n- Bez stranice\n"),
        "{database}"
    );
    site.run(&["build", "--drafts"]).assert_ok();
}

#[test]
fn an_empty_folder_is_no_export() {
    let site = site();
    std::fs::create_dir(site.root().join("empty")).unwrap();
    site.run(&["import", "--from", "notion", "empty"])
        .assert_failed_with("empty: error: no page found in this Notion export\n  help: import the folder the export was unpacked into");
}

#[test]
fn an_unknown_from_names_the_new_sources() {
    let site = site();
    site.run(&["import", "--from", "wiki", "notion"])
        .assert_failed_with("error: --from wiki is not a source polybook knows\n  help: use docx, odt, zendesk, freshdesk, confluence or notion; leave it out to detect the source");
}
