//! `polybook import` of Word and OpenDocument files: a folder of documents
//! as Word, Google Docs and LibreOffice write them becomes draft pages with
//! their images beside them, a broken document is refused on its own, and
//! the site builds with the drafts.

use crate::support;

use polybook::import::office::fixture::{self, docx, odt, p, style, Docx, Odt, PNG};
use support::Site;

const PT: &str = "Ouça o cliente até o fim, sem interromper, e repita o que entendeu antes de propor uma solução.";
const HR: &str = "Saslušajte klijenta do kraja, bez prekidanja, i ponovite što ste razumjeli prije nego što predložite rješenje.";

/// A site in pt and hr (the languages of `support::site_toml`).
fn site() -> Site {
    let site = Site::new();
    site.write("site.toml", &support::site_toml(""));
    site
}

fn write(site: &Site, rel: &str, bytes: &[u8]) {
    let path = site.root().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn documents(site: &Site) {
    write(
        site,
        "docs/word.docx",
        &fixture::word_like("Escuta ativa", 6),
    );
    let google_styles = r#"<w:style w:type="paragraph" w:styleId="Title"/><w:style w:type="paragraph" w:styleId="Heading1"/>"#;
    let image = r#"<w:p><w:r><w:drawing><wp:docPr id="1" descr="Um cliente"/><a:blip r:embed="rId9"/></w:drawing></w:r></w:p>"#;
    let rels = r#"<Relationship Id="rId9" Type="image" Target="media/image1.png"/>"#;
    let google = [
        p("Title", "Como acalmar um cliente"),
        p("", PT),
        p("Heading1", "Antes da conversa"),
        p("", PT),
        image.to_string(),
    ]
    .concat();
    write(
        site,
        "docs/google.docx",
        &docx(
            &google,
            &Docx {
                styles: google_styles,
                rels,
                media: &[("image1.png", PNG)],
                ..Docx::default()
            },
        ),
    );
    let croatian = [
        p("Naslov1", "Kako smiriti klijenta"),
        p("", HR),
        p("Naslov2", "Prije razgovora"),
        p("", HR),
    ]
    .concat();
    let styles = [
        style("Naslov1", "Naslov 1", None),
        style("Naslov2", "Naslov 2", None),
    ]
    .concat();
    write(
        site,
        "docs/naslov.docx",
        &docx(
            &croatian,
            &Docx {
                styles: &styles,
                lang: Some("hr-HR"),
                ..Docx::default()
            },
        ),
    );
    let libre = format!(
        r#"<text:h text:outline-level="1">Aktivno slušanje</text:h><text:p>{HR}</text:p><text:list><text:list-item><text:p>Slušajte</text:p></text:list-item></text:list>"#
    );
    write(
        site,
        "docs/libre.odt",
        &odt(
            &libre,
            &Odt {
                lang: Some("hr-HR"),
                ..Odt::default()
            },
        ),
    );
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    write(site, "docs/locked.docx", &ole);
}

#[test]
fn a_folder_of_documents_becomes_drafts_that_build() {
    let site = site();
    documents(&site);
    let run = site.run(&["import", "docs"]);
    run.assert_failed_with("docs/locked.docx: error: this is encrypted (password-protected) or an old .doc, not a .docx or .odt zip\n  help: open it in Word or LibreOffice, remove the password (or save a .doc as .docx), then import the copy");
    for page in [
        "content/pt/escuta-ativa.md",
        "content/pt/como-acalmar-um-cliente.md",
        "content/pt/como-acalmar-um-cliente-1.png",
        "content/hr/kako-smiriti-klijenta.md",
        "content/hr/aktivno-slusanje.md",
    ] {
        assert!(
            site.root().join(page).exists(),
            "{page} missing:\n{}{}",
            run.stdout(),
            run.stderr()
        );
    }
    let google =
        std::fs::read_to_string(site.root().join("content/pt/como-acalmar-um-cliente.md")).unwrap();
    assert!(google.contains("\n## Antes da conversa\n"), "{google}");
    assert!(
        google.contains("![Um cliente](como-acalmar-um-cliente-1.png)"),
        "{google}"
    );
    assert!(google.contains("source = \"google.docx\""), "{google}");
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site
        .public()
        .join("pt/como-acalmar-um-cliente/index.html")
        .exists());
    // Nothing is overwritten on a second run.
    let again = site.run(&["import", "docs/word.docx"]);
    again.assert_failed_with("content/pt/escuta-ativa.md exists: not overwriting it");
}

#[test]
fn dry_run_lists_and_from_forces_the_format() {
    let site = site();
    write(
        &site,
        "in/notes.bin",
        &fixture::word_like("Escuta ativa", 2),
    );
    let run = site.run(&["import", "--dry-run", "--from", "docx", "in/notes.bin"]);
    run.assert_ok();
    assert!(
        run.stdout().contains(
            "would write content/pt/escuta-ativa.md (pt, \"Escuta ativa\") from in/notes.bin"
        ),
        "{}",
        run.stdout()
    );
    assert!(!site.root().join("content/pt/escuta-ativa.md").exists());
    site.run(&["import", "--from", "pdf", "in"])
        .assert_failed_with("--from pdf is not a source polybook knows");
}

/// 200 Word documents import in well under 10 s (the budget on 2 cores).
#[test]
fn two_hundred_word_documents_import_quickly() {
    let site = site();
    for i in 0..200 {
        write(
            &site,
            &format!("many/{i:03}.docx"),
            &fixture::word_like(&format!("Escuta ativa {i}"), 40),
        );
    }
    let started = std::time::Instant::now();
    site.run(&["import", "many"]).assert_ok();
    let took = started.elapsed();
    eprintln!("200 Word documents imported in {took:?}");
    assert!(took.as_secs_f64() < 10.0, "{took:?}");
}
