use super::fixture::{self, docx, odt, p, style, Docx, Odt, PNG};
use super::*;

fn site() -> Vec<String> {
    ["pt", "hr", "es", "it"].map(String::from).to_vec()
}

fn run(name: &str, bytes: &[u8]) -> Result<Imported, Vec<Diagnostic>> {
    import(Path::new(name), bytes, None, &site(), &Options::default())
}

fn body(page: &Page) -> &str {
    page.text.split("\n+++\n").nth(1).unwrap_or("").trim_start()
}

fn error_of(name: &str, bytes: &[u8]) -> String {
    let errors = run(name, bytes).expect_err("refused");
    errors
        .iter()
        .map(|d| format!("{d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

const PT: &str = "Ouça o cliente até o fim, sem interromper, e repita o que entendeu antes de propor uma solução.";
const HR: &str = "Saslušajte klijenta do kraja, bez prekidanja, i ponovite što ste razumjeli prije nego što predložite rješenje.";

#[test]
fn a_word_document_keeps_its_title_headings_and_emphasis() {
    let bytes = fixture::word_like("Escuta ativa", 2);
    let page = run("in/escuta.docx", &bytes).unwrap().page;
    assert_eq!(page.target, Path::new("pt/escuta-ativa.md"));
    assert_eq!(page.lang, "pt");
    assert!(
        page.text
            .starts_with("+++\ntitle = \"Escuta ativa\"\ndescription = \"Ouça o cliente"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("draft = true\nsource = \"escuta.docx\"\n+++\n"),
        "{}",
        page.text
    );
    assert!(
        body(&page).starts_with(
            "### Passo 1\n\nOuça o cliente até o fim, sem interromper, e **repita** o que"
        ),
        "{}",
        page.text
    );
}

#[test]
fn a_google_docs_export_has_style_ids_and_no_language_marks() {
    // Google Docs names its styles by id only and rarely marks languages.
    let styles = r#"<w:style w:type="paragraph" w:styleId="Title"/><w:style w:type="paragraph" w:styleId="Heading1"/><w:style w:type="paragraph" w:styleId="Heading2"/>"#;
    let body = [
        p("Title", "Como acalmar um cliente"),
        p("", PT),
        p("Heading1", "Antes da conversa"),
        p("", PT),
    ]
    .concat();
    let page = run(
        "g.docx",
        &docx(
            &body,
            &Docx {
                styles,
                ..Docx::default()
            },
        ),
    )
    .unwrap()
    .page;
    assert_eq!(
        (page.lang.as_str(), page.title.as_str()),
        ("pt", "Como acalmar um cliente")
    );
    assert_eq!(
        body_of(&page),
        format!("{PT}\n\n## Antes da conversa\n\n{PT}\n")
    );
}

fn body_of(page: &Page) -> String {
    body(page).to_string()
}

#[test]
fn croatian_style_names_and_language_marks() {
    let styles = [
        style("Naslov1", "Naslov 1", None),
        style("Naslov2", "Naslov 2", None),
    ]
    .concat();
    let body = [
        p("Naslov1", "Kako smiriti klijenta"),
        p("", HR),
        p("Naslov2", "Prije razgovora"),
        p("", HR),
    ]
    .concat();
    let page = run(
        "k.docx",
        &docx(
            &body,
            &Docx {
                styles: &styles,
                lang: Some("hr-HR"),
                ..Docx::default()
            },
        ),
    )
    .unwrap()
    .page;
    assert_eq!(
        (page.lang.as_str(), page.title.as_str()),
        ("hr", "Kako smiriti klijenta")
    );
    assert!(
        body_of(&page).contains("\n\n### Prije razgovora\n\n"),
        "{}",
        page.text
    );
    for (id, name) in [
        ("Ttulo1", "Título 1"),
        ("Titolo1", "Titolo 1"),
        ("berschrift1", "Überschrift 1"),
    ] {
        let styles = style(id, name, None);
        let body = [p(id, "Kako smiriti klijenta"), p("", HR)].concat();
        let page = run(
            "k.docx",
            &docx(
                &body,
                &Docx {
                    styles: &styles,
                    ..Docx::default()
                },
            ),
        )
        .unwrap()
        .page;
        assert_eq!(page.title, "Kako smiriti klijenta", "{name}");
    }
}

#[test]
fn nested_lists_from_numbering_definitions() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let item = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        p("Title", "Passos"),
        p("", PT),
        item(0, "Ouvir"),
        item(1, "sem interromper"),
        item(1, "até o fim"),
        item(0, "Repetir"),
        p("", PT),
    ]
    .concat();
    let page = run(
        "l.docx",
        &docx(
            &body,
            &Docx {
                numbering: Some(numbering),
                ..Docx::default()
            },
        ),
    )
    .unwrap()
    .page;
    assert_eq!(
        body_of(&page),
        format!("{PT}\n\n1. Ouvir\n    - sem interromper\n    - até o fim\n1. Repetir\n\n{PT}\n")
    );
}

#[test]
fn tables_links_footnotes_and_images() {
    let table = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cliente</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Resposta</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Agudo</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ouvir</w:t></w:r></w:p><w:p><w:r><w:t>e repetir</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let link = r#"<w:p><w:r><w:t xml:space="preserve">Veja </w:t></w:r><w:hyperlink r:id="rId5"><w:r><w:t>o guia</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#;
    let image = r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Um cliente ao telefone"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId6"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let rels = r#"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/guia" TargetMode="External"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>"#;
    let notes = r#"<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Segundo o manual de 2023.</w:t></w:r></w:p></w:footnote>"#;
    let body = [
        p("Title", "Tabela"),
        p("", PT),
        table.to_string(),
        link.to_string(),
        image.to_string(),
    ]
    .concat();
    let parts = Docx {
        rels,
        footnotes: Some(notes),
        media: &[("image1.png", PNG)],
        ..Docx::default()
    };
    let imported = run("t.docx", &docx(&body, &parts)).unwrap();
    assert_eq!(
        body_of(&imported.page),
        format!("{PT}\n\n| Cliente | Resposta |\n| --- | --- |\n| Agudo | Ouvir e repetir |\n\nVeja [o guia](https://example.com/guia).[^1]\n\n![Um cliente ao telefone](tabela-1.png)\n\n[^1]: Segundo o manual de 2023.\n")
    );
    assert_eq!(
        imported.files,
        vec![(PathBuf::from("pt/tabela-1.png"), PNG.to_vec())]
    );
}

#[test]
fn tracked_changes_are_accepted_and_comments_and_page_breaks_dropped() {
    let body = [
        p("Title", "Mudanças"),
        r#"<w:p><w:r><w:t xml:space="preserve">Ouça o cliente </w:t></w:r><w:ins w:id="1"><w:r><w:t xml:space="preserve">sempre </w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>nunca </w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>até o fim, sem interromper, e repita o que entendeu.</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r><w:r><w:br w:type="page"/></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let page = run(
        "c.docx",
        &docx(
            &body,
            &Docx {
                lang: Some("pt-PT"),
                ..Docx::default()
            },
        ),
    )
    .unwrap()
    .page;
    assert_eq!(
        body_of(&page),
        "Ouça o cliente sempre até o fim, sem interromper, e repita o que entendeu.\n"
    );
    let warnings: Vec<String> = page.warnings.iter().map(|d| d.message.clone()).collect();
    assert_eq!(warnings, [
        "dropped 1 page break(s) and 1 comment(s): a web page has neither",
        "the document has tracked changes (1 insertion(s), 1 deletion(s)): imported as if all were accepted",
    ]);
}

#[test]
fn an_odt_as_libreoffice_writes_it() {
    let named = r#"<style:style style:name="Heading_20_1" style:display-name="Naslov 1" style:family="paragraph" style:default-outline-level="1"/><style:style style:name="Title" style:family="paragraph"/>"#;
    let automatic = r#"<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style><text:list-style style:name="L1"><text:list-level-style-number text:level="1"/><text:list-level-style-bullet text:level="2"/></text:list-style>"#;
    let body = format!(
        r#"<text:p text:style-name="Title">Kako smiriti klijenta</text:p><text:p>{HR}</text:p><text:h text:style-name="Heading_20_1" text:outline-level="1">Prije   razgovora</text:h><text:p>Slušajte <text:span text:style-name="T1">pažljivo</text:span> i <text:span text:style-name="T2">mirno</text:span><text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Vidi priručnik.</text:p></text:note-body></text:note>. <text:a xlink:href="https://example.com/">Više</text:a></text:p><text:list text:style-name="L1"><text:list-item><text:p>Slušajte</text:p><text:list><text:list-item><text:p>do kraja</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Ponovite</text:p></text:list-item></text:list><table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell><table:table-cell><text:p>B</text:p></table:table-cell></table:table-row></table:table><text:p><draw:frame><draw:image xlink:href="Pictures/slika.png"/><svg:desc>Klijent</svg:desc></draw:frame></text:p><office:annotation><text:p>komentar</text:p></office:annotation>"#
    );
    let parts = Odt {
        automatic,
        styles: named,
        lang: Some("hr-HR"),
        pictures: &[("slika.png", PNG)],
        ..Odt::default()
    };
    let imported = run("k.odt", &odt(&body, &parts)).unwrap();
    let page = &imported.page;
    assert_eq!(
        (page.lang.as_str(), page.title.as_str()),
        ("hr", "Kako smiriti klijenta")
    );
    assert_eq!(
        body_of(page),
        format!("{HR}\n\n## Prije razgovora\n\nSlušajte **pažljivo** i *mirno*[^1]. [Više](https://example.com/)\n\n1. Slušajte\n    - do kraja\n1. Ponovite\n\n| A | B |\n| --- | --- |\n\n![Klijent](kako-smiriti-klijenta-1.png)\n\n[^1]: Vidi priručnik.\n")
    );
    assert_eq!(imported.files.len(), 1);
    assert_eq!(page.warnings.len(), 1, "{:?}", page.warnings);
}

#[test]
fn odt_tracked_changes_keep_the_accepted_text() {
    let body = format!(
        r#"<text:tracked-changes><text:changed-region text:id="c1"><text:insertion/></text:changed-region><text:changed-region text:id="c2"><text:deletion><text:p>staro</text:p></text:deletion></text:changed-region></text:tracked-changes><text:h text:outline-level="1">Naslov</text:h><text:p><text:change-start text:change-id="c1"/>{HR}<text:change-end text:change-id="c1"/><text:change text:change-id="c2"/></text:p>"#
    );
    let page = run("k.odt", &odt(&body, &Odt::default())).unwrap().page;
    assert_eq!(body_of(&page), format!("{HR}\n"));
    assert!(
        page.warnings[0]
            .message
            .contains("1 insertion(s), 1 deletion(s)"),
        "{:?}",
        page.warnings
    );
}

#[test]
fn unreadable_documents_are_refused_with_why() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    assert_eq!(error_of("a.docx", &ole), "a.docx: error: this is encrypted (password-protected) or an old .doc, not a .docx or .odt zip\n  help: open it in Word or LibreOffice, remove the password (or save a .doc as .docx), then import the copy");
    assert!(error_of("a.docx", b"PK\x03\x04garbage")
        .starts_with("a.docx: error: not a readable document: the zip is corrupt"));
    assert!(error_of("a.docx", b"hello").contains("it does not start like a zip"));
    let encrypted = odt(
        "<text:p>x</text:p>",
        &Odt {
            encrypted: true,
            ..Odt::default()
        },
    );
    assert!(error_of("a.odt", &encrypted)
        .starts_with("a.odt: error: the document is password-protected"));
    let no_body = fixture::zip(&[("_rels/.rels", b"<Relationships/>")]);
    assert!(error_of("a.docx", &no_body).contains("lacks its `word/document.xml` part"));
    let dtd = fixture::zip(&[("word/document.xml", b"<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")]);
    assert!(
        error_of("a.docx", &dtd).contains("it declares a DTD"),
        "{}",
        error_of("a.docx", &dtd)
    );
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    // Unpacking stops at 300 times the entry's compressed size.
    let spaces = vec![b' '; 40 * 1024 * 1024];
    let bomb = fixture::zip(&[("word/document.xml", &spaces)]);
    assert!(bomb.len() < 100 * 1024, "{}", bomb.len());
    assert_eq!(error_of("bomb.docx", &bomb), "bomb.docx: error: `word/document.xml` in the document unpacks far beyond its size (a zip bomb?): not read\n  help: if the document is genuine, split it or remove large images, then import it again");
}

#[test]
fn odd_documents_give_an_answer_not_a_panic() {
    for body in [
        "",
        "<w:p/>",
        "<w:tbl/>",
        "<w:p><w:r><w:footnoteReference w:id=\"9\"/></w:r></w:p>",
        "<w:p><w:hyperlink r:id=\"nope\"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>",
    ] {
        let _ = run("a.docx", &docx(body, &Docx::default()));
    }
    for body in [
        "",
        "<text:list><text:list/></text:list>",
        "<text:h/>",
        "<table:table/>",
    ] {
        let _ = run("a.odt", &odt(body, &Odt::default()));
    }
}

#[test]
fn a_document_of_lists_alone_takes_its_first_item_as_title() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let item = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [item("Ouvir o cliente"), item("Repetir o que entendeu")].concat();
    let docx_options = Docx {
        numbering: Some(numbering),
        ..Docx::default()
    };
    let page = import(
        Path::new("lista.docx"),
        &docx(&body, &docx_options),
        None,
        &site(),
        &Options {
            lang: Some("pt".into()),
            ..Options::default()
        },
    )
    .unwrap()
    .page;
    assert!(
        page.text.starts_with("+++\ntitle = \"Ouvir o cliente\""),
        "{}",
        page.text
    );
    assert!(
        body_of(&page).contains("- Repetir o que entendeu"),
        "{}",
        page.text
    );
}
