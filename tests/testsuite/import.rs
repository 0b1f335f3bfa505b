//! `polybook import`: the five seed files become draft pages in the right
//! language folders, with the headings of the handbook's own normalised
//! pages, and every bit of web-page debris is reported by line; bad input
//! is refused file by file and nothing is ever overwritten.

use crate::support;

use std::path::{Path, PathBuf};

use support::polybook_in as polybook;

/// A site with languages pt, hr, es, it and the seeds copied to `seeds/`.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let config = "title = \"T\"\nbase_url = \"https://example.com/\"\ndefault_language = \"pt\"\n\n[languages.pt]\nname = \"Português\"\nweight = 1\n\n[languages.hr]\nname = \"Hrvatski\"\nweight = 2\n\n[languages.es]\nname = \"Español\"\nweight = 3\n\n[languages.it]\nname = \"Italiano\"\nweight = 4\n";
    std::fs::write(tmp.path().join("site.toml"), config).unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    for entry in
        std::fs::read_dir(support::repo_root().join("tests/fixtures/import_seeds")).unwrap()
    {
        let path = entry.unwrap().path();
        std::fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
    }
    tmp
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walk(&dir.join("content"));
    found.retain(|p| p.extension().is_some_and(|e| e == "md"));
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flat_map(|e| {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p)
            } else {
                vec![p]
            }
        })
        .collect()
}

fn key(text: &str, name: &str) -> Option<String> {
    let front = text.strip_prefix("+++\n")?.split("\n+++\n").next()?;
    let table: toml::Table = toml::from_str(front).ok()?;
    table
        .get(name)
        .map(|v| v.as_str().map_or(v.to_string(), str::to_string))
}

fn headings(text: &str) -> usize {
    text.lines().filter(|l| l.starts_with("## ")).count()
}

/// The handbook's own page normalised by hand from `source`.
fn handbook_page(source: &str) -> String {
    pages(&support::repo_root())
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .find(|t| key(t, "source").as_deref() == Some(source))
        .unwrap_or_else(|| panic!("no handbook page has source {source}"))
}

const EXPECTED_WARNINGS: &[&str] = &[
    "seeds/000_fbb4ec41c1427fe7.txt:1: warning: the first line is a paragraph, not a title: took the title \"Saber como lidar com clientes difíceis é uma…\" from its opening",
    "seeds/000_fbb4ec41c1427fe7.txt:7: warning: lines 7 and 9 look like one heading split by the copy: joined as \"A Frame adequada of Mind\"",
    "seeds/000_fbb4ec41c1427fe7.txt:7: warning: the heading \"A Frame adequada of Mind\" has English words in Portuguese text: \"of\"",
    "seeds/000_fbb4ec41c1427fe7.txt:19: warning: the heading \"Feito Gathering\" has English words in Portuguese text: \"Gathering\"",
    "seeds/000_fbb4ec41c1427fe7.txt:23: warning: lines 23 and 25 look like one heading split by the copy: joined as \"Lidar controlado\"",
    "seeds/003_c2e9e427772277d2.txt:1: warning: the first line is a paragraph, not a title: took the title \"Operar um negócio fornece uma oportunidade para o conflito cliente a surgir\" from its opening",
    "seeds/003_c2e9e427772277d2.txt:2: warning: the paragraph's short first sentence, like its neighbours', looks like a step's heading: made it the heading \"Difundir a situação\"",
    "seeds/003_c2e9e427772277d2.txt:3: warning: the paragraph's short first sentence, like its neighbours', looks like a step's heading: made it the heading \"Alterar o local conflito\"",
    "seeds/003_c2e9e427772277d2.txt:5: warning: the paragraph's short first sentence, like its neighbours', looks like a step's heading: made it the heading \"Resolver o problema e acabar com o conflito\"",
    "seeds/004_8908a0c6941dfab3.txt:1: warning: a \"Sommario:\" summary block, page furniture of the web page",
    "seeds/004_8908a0c6941dfab3.txt:4: warning: the title repeated",
    "seeds/004_8908a0c6941dfab3.txt:5: warning: a byline: \"Anonim\"",
    "seeds/004_8908a0c6941dfab3.txt:9: warning: the title repeated (lines 9-10)",
    "seeds/004_8908a0c6941dfab3.txt:40: warning: a \"Consigliato:\" teaser for other articles",
];

#[test]
fn the_seeds_become_drafts_like_the_handbooks_own_pages() {
    let tmp = site();
    let run = polybook(tmp.path(), &["import", "seeds"]);
    run.assert_ok();
    let warnings: Vec<String> = run
        .stderr()
        .lines()
        .filter(|l| l.contains(": warning: "))
        .map(str::to_string)
        .collect();
    assert_eq!(warnings, EXPECTED_WARNINGS, "\n{}", run.stderr());
    let written = pages(tmp.path());
    let langs: Vec<String> = written
        .iter()
        .map(|p| {
            p.strip_prefix(tmp.path().join("content"))
                .unwrap()
                .iter()
                .next()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut sorted = langs.clone();
    sorted.sort();
    assert_eq!(sorted, ["es", "hr", "it", "pt", "pt"], "{written:?}");
    for page in &written {
        let text = std::fs::read_to_string(page).unwrap();
        let source = key(&text, "source").expect("source is set");
        assert_eq!(
            key(&text, "draft").as_deref(),
            Some("true"),
            "{}",
            page.display()
        );
        let own = handbook_page(&source);
        assert_eq!(
            headings(&text),
            headings(&own),
            "## headings of {source}:\n{text}"
        );
        // Seeds 000 and 003 open with a paragraph, so have no title to find
        // (the importer warned, above), and the handbook's editor reworded
        // 001's; the others keep the title their editor kept.
        if ["002_185d53edf3281c85.txt", "004_8908a0c6941dfab3.txt"].contains(&source.as_str()) {
            assert_eq!(key(&text, "title"), key(&own, "title"), "title of {source}");
        }
    }
    polybook(tmp.path(), &["build", "--drafts"]).assert_ok();
    assert!(tmp
        .path()
        .join("public/hr/kako-biste-se-nosili-s-teskim-klijentom/index.html")
        .is_file());
}

#[test]
fn dry_run_writes_nothing() {
    let tmp = site();
    let run = polybook(tmp.path(), &["import", "seeds", "--dry-run"]);
    run.assert_ok();
    assert!(run.stdout().contains("would write content/hr/kako-biste-se-nosili-s-teskim-klijentom.md (hr, \"Kako biste se nosili s teškim klijentom?\")"), "{}", run.stdout());
    assert!(run
        .stderr()
        .contains("004_8908a0c6941dfab3.txt:1: warning: a \"Sommario:\" summary block"));
    assert!(!tmp.path().join("content").exists());
}

#[test]
fn a_second_import_refuses_and_keeps_the_first() {
    let tmp = site();
    let seed = "seeds/001_227cbeb74b478b9e.txt";
    polybook(tmp.path(), &["import", seed]).assert_ok();
    let page = tmp
        .path()
        .join("content/hr/kako-biste-se-nosili-s-teskim-klijentom.md");
    std::fs::write(&page, "edited by hand").unwrap();
    polybook(tmp.path(), &["import", seed])
        .assert_failed_with("001_227cbeb74b478b9e.txt: error: content/hr/kako-biste-se-nosili-s-teskim-klijentom.md exists: not overwriting it");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "edited by hand");
    // Two files of one import with one title: the second is refused.
    std::fs::copy(tmp.path().join(seed), tmp.path().join("seeds/copy.txt")).unwrap();
    polybook(tmp.path(), &["import", seed, "seeds/copy.txt", "--section", "twice", "--dry-run"])
        .assert_failed_with("seeds/copy.txt: error: content/hr/twice/kako-biste-se-nosili-s-teskim-klijentom.md is the page of another file of this import");
    // Into another section it goes.
    polybook(tmp.path(), &["import", seed, "--section", "old"]).assert_ok();
    assert!(tmp
        .path()
        .join("content/hr/old/kako-biste-se-nosili-s-teskim-klijentom.md")
        .is_file());
}

#[test]
fn bad_files_are_refused_one_by_one_and_the_rest_imported() {
    let tmp = site();
    let dir = tmp.path().join("mixed");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a-logo.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    // Windows-1250: "Čak i šef mora slušati klijenta." and more Croatian.
    let mut latin2 = b"Kako slu\x9Aati klijenta\n\n".to_vec();
    latin2.extend_from_slice(b"\xC8ak i \x9Aef mora slu\x9Aati klijenta. Budite strpljivi i pokazite da razumijete njihovo glediste, jer je to vazno za svaku tvrtku.\n");
    std::fs::write(dir.join("b-stari.txt"), latin2).unwrap();
    std::fs::write(dir.join("c-scan.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(tmp.path().join("notes.docx"), b"PK").unwrap();
    let run = polybook(
        tmp.path(),
        &["import", "mixed", "missing.txt", "notes.docx"],
    );
    run.assert_failed_with(
        "mixed/a-logo.txt: error: this is a binary file (it holds NUL bytes), not text",
    );
    run.assert_failed_with("missing.txt: error: cannot read it");
    run.assert_failed_with("notes.docx: error: not a readable document: the zip is corrupt");
    run.assert_failed_with(
        "mixed/c-scan.pdf: warning: skipped: not a .txt, .md, .html, .docx or .odt file",
    );
    run.assert_failed_with("mixed/b-stari.txt: warning: not UTF-8: read as windows-1250");
    let page =
        std::fs::read_to_string(tmp.path().join("content/hr/kako-slusati-klijenta.md")).unwrap();
    assert!(
        page.contains("title = \"Kako slušati klijenta\"") && page.contains("Čak i šef"),
        "{page}"
    );
}

#[test]
fn html_keeps_the_article_and_reports_the_frame() {
    let tmp = site();
    let html = "<html><head><title>Ignored</title></head><body>\n<nav><a href=\"/\">Início</a> | <a href=\"/blog\">Blog</a></nav>\n<main>\n<h1>Como ouvir o cliente</h1>\n<p>Ouvir com atenção é o primeiro passo para resolver qualquer problema de um cliente insatisfeito.</p>\n<h2>Faça perguntas</h2>\n<p>Pergunte o que aconteceu e repita o que entendeu, para que o cliente saiba que foi ouvido.</p>\n</main>\n<footer>© 2024 Loja</footer>\n</body></html>\n";
    std::fs::write(tmp.path().join("guia.html"), html).unwrap();
    let run = polybook(tmp.path(), &["import", "guia.html"]);
    run.assert_ok();
    assert!(
        run.stderr()
            .contains("guia.html:2: warning: left out the page's <nav>"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains("guia.html:9: warning: left out the page's <footer>"),
        "{}",
        run.stderr()
    );
    let page =
        std::fs::read_to_string(tmp.path().join("content/pt/como-ouvir-o-cliente.md")).unwrap();
    assert!(
        page.contains("title = \"Como ouvir o cliente\"") && page.contains("## Faça perguntas"),
        "{page}"
    );
    assert!(!page.contains("Início") && !page.contains("2024"), "{page}");
}

#[test]
fn markdown_keeps_its_front_matter_and_gets_one_when_it_has_none() {
    let tmp = site();
    let with = "+++\ntitle = \"Limites firmes\"\ntopics = [\"x\"]\n+++\n\nNão aceite insultos: diga com calma que a conversa continua quando o cliente se acalmar.\n";
    let without = "# Escucha activa\n\nEscuche al cliente sin interrumpirlo y repita lo que ha entendido para confirmar.\n";
    let yaml = "---\ntitle: Ascolto attivo\n---\nAscolta il cliente senza interromperlo e ripeti quello che hai capito.\n";
    std::fs::write(tmp.path().join("with.md"), with).unwrap();
    std::fs::write(tmp.path().join("without.md"), without).unwrap();
    std::fs::write(tmp.path().join("yaml.md"), yaml).unwrap();
    let hugo = "+++\ntitle = \"Empatia\"\ntags = [\"a\"]\n+++\nColoque-se no lugar do cliente e mostre que entende o que ele sente.\n";
    std::fs::write(tmp.path().join("hugo.md"), hugo).unwrap();
    let jekyll = "---\ntitle: Ascoltare\nlayout: post\nextra:\n  color: red\n---\nAscolta il cliente senza interromperlo e ripeti quello che hai capito bene.\n";
    std::fs::write(tmp.path().join("jekyll.md"), jekyll).unwrap();
    let run = polybook(
        tmp.path(),
        &[
            "import",
            "with.md",
            "without.md",
            "yaml.md",
            "hugo.md",
            "jekyll.md",
        ],
    );
    run.assert_ok();
    assert!(run.stderr().contains("hugo.md:2: warning: moved front matter keys polybook does not know under `extra`: `tags`"), "{}", run.stderr());
    let hugo = std::fs::read_to_string(tmp.path().join("content/pt/empatia.md")).unwrap();
    assert!(hugo.contains("[extra]\ntags = [\"a\"]\n"), "{hugo}");
    let jekyll = std::fs::read_to_string(tmp.path().join("content/it/ascoltare.md")).unwrap();
    assert!(
        jekyll.contains("extra:\n  color: red\n  layout: post\n"),
        "{jekyll}"
    );
    // Both read as the build reads them (with.md's unknown topic aside).
    let check = polybook(tmp.path(), &["check", "--drafts"]);
    let stderr = check.stderr();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error:")).collect();
    assert_eq!(
        errors,
        ["content/pt/limites-firmes.md:3:11: error: unknown topic `x`"],
        "{}",
        check.stderr()
    );
    let pt = std::fs::read_to_string(tmp.path().join("content/pt/limites-firmes.md")).unwrap();
    assert!(
        pt.starts_with("+++\ntitle = \"Limites firmes\"\ntopics = [\"x\"]\n"),
        "{pt}"
    );
    assert!(
        pt.contains("draft = true\nsource = \"with.md\"\n+++\n"),
        "{pt}"
    );
    let es = std::fs::read_to_string(tmp.path().join("content/es/escucha-activa.md")).unwrap();
    assert!(
        es.starts_with("+++\ntitle = \"Escucha activa\"\n") && !es.contains("# Escucha activa"),
        "{es}"
    );
    let it = std::fs::read_to_string(tmp.path().join("content/it/ascolto-attivo.md")).unwrap();
    assert!(
        it.starts_with("---\ntitle: Ascolto attivo\n")
            && it.contains("draft: true\nsource: \"yaml.md\"\n---\n"),
        "{it}"
    );
}

#[test]
fn clean_removes_the_summary_block_and_says_so() {
    let tmp = site();
    let run = polybook(
        tmp.path(),
        &["import", "seeds/004_8908a0c6941dfab3.txt", "--clean"],
    );
    run.assert_ok();
    assert!(
        run.stderr()
            .contains("004_8908a0c6941dfab3.txt:1: warning: removed a \"Sommario:\" summary block"),
        "{}",
        run.stderr()
    );
    assert!(run
        .stderr()
        .contains("004_8908a0c6941dfab3.txt:9: warning: removed the title repeated (lines 9-10)"));
    let page = std::fs::read_to_string(tmp.path().join("content/it/non-lasciare-che-la-tua-energia-venga-divorata-4-consigli-per-gestire-i-clienti-difficili.md")).unwrap();
    assert!(
        !page.contains("Sommario") && !page.contains("Anonim") && !page.contains("Consigliato"),
        "{page}"
    );
    let body = page.split("\n+++\n").nth(1).unwrap();
    assert!(!body.contains("Non lasciare che"), "{body}");
    assert!(
        body.trim_start().starts_with("Quando vale la pena"),
        "{body}"
    );
}

/// A front-matter value of the wrong type is the author's to fix: the file
/// is refused at the line of the value, nothing is written for it, and the
/// other files are imported.
#[test]
fn markdown_with_a_value_of_the_wrong_type_is_refused_at_its_line() {
    let tmp = site();
    let bad = "+++\ntitle = \"Calma\"\ndate = \"ontem\"\n+++\nMantenha a calma e fale devagar com o cliente irritado, sem levantar a voz.\n";
    std::fs::write(tmp.path().join("bad.md"), bad).unwrap();
    let good = "# Escucha activa\n\nEscuche al cliente sin interrumpirlo y repita lo que ha entendido para confirmar.\n";
    std::fs::write(tmp.path().join("good.md"), good).unwrap();
    let run = polybook(tmp.path(), &["import", "bad.md", "good.md"]);
    assert!(!run.success(), "{}", run.stderr());
    assert!(
        run.stderr().contains("bad.md:3:")
            && run.stderr().contains("error: the page would not build")
            && run.stderr().contains("not imported"),
        "{}",
        run.stderr()
    );
    assert!(!tmp.path().join("content/pt/calma.md").exists());
    assert!(tmp.path().join("content/es/escucha-activa.md").exists());
}
