//! `polybook init` and `polybook theme eject`: a new site builds with nothing
//! but the binary (the default theme and the UI catalogs are built in), a
//! site's catalog overrides single messages, and nothing is ever overwritten.

use crate::support;

use std::path::PathBuf;

use support::polybook_in as polybook;

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A temp dir holding a site made by `init hb --languages pt,hr --title X`.
fn new_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    polybook(
        tmp.path(),
        &["init", "hb", "--languages", "pt,hr", "--title", "X"],
    )
    .assert_ok();
    let hb = tmp.path().join("hb");
    (tmp, hb)
}

#[test]
fn a_new_site_builds_in_its_languages_with_the_built_in_theme() {
    let (_tmp, hb) = new_site();
    for file in [
        "site.toml",
        "content/topics.toml",
        ".gitignore",
        "content/pt/bem-vindo.md",
        "content/hr/dobrodosli.md",
    ] {
        assert!(hb.join(file).is_file(), "{file}");
    }
    assert!(!hb.join("themes").exists() && !hb.join("locales").exists());
    assert_eq!(read(hb.join(".gitignore")), "public/\n");
    polybook(&hb, &["build"]).assert_ok();
    let pt = read(hb.join("public/pt/bem-vindo/index.html"));
    let hr = read(hb.join("public/hr/dobrodosli/index.html"));
    assert!(pt.contains("<html lang=\"pt\""), "{pt}");
    assert!(pt.contains("Pular para o conteúdo") && pt.contains("Pesquisar…"));
    assert!(hr.contains("Prijeđi na sadržaj") && hr.contains("Pretraži…"));
    // Translations of each other, and the topics labelled in both languages.
    assert!(pt.contains("../../hr/dobrodosli/index.html"), "{pt}");
    assert!(pt.contains("Primeiros passos") && hr.contains("Prvi koraci"));
    // The theme's stylesheet, fingerprinted, linked and written.
    let css = pt
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.contains("style.") && href.ends_with(".css"))
        .unwrap_or_else(|| panic!("no stylesheet link in {pt}"));
    let css = css.trim_start_matches("../").to_string();
    assert!(read(hb.join("public").join(&css)).contains("--"), "{css}");
    polybook(&hb, &["check"]).assert_ok();
}

#[test]
fn a_site_catalog_overrides_single_messages() {
    let (_tmp, hb) = new_site();
    std::fs::create_dir_all(hb.join("locales/pt")).unwrap();
    std::fs::write(
        hb.join("locales/pt/override.ftl"),
        "search-placeholder = Procure aqui\n",
    )
    .unwrap();
    polybook(&hb, &["build"]).assert_ok();
    let pt = read(hb.join("public/pt/bem-vindo/index.html"));
    assert!(
        pt.contains("Procure aqui") && !pt.contains("Pesquisar…"),
        "{pt}"
    );
    assert!(
        pt.contains("Pular para o conteúdo"),
        "the other messages keep the built-in text"
    );
    let hr = read(hb.join("public/hr/dobrodosli/index.html"));
    assert!(hr.contains("Pretraži…"));
}

#[test]
fn a_language_without_a_catalog_falls_back_and_check_lists_its_messages() {
    let tmp = tempfile::tempdir().unwrap();
    polybook(tmp.path(), &["init", ".", "--languages", "pt,de"]).assert_ok();
    let skeleton = read(tmp.path().join("locales/de/main.ftl"));
    assert!(
        skeleton.contains("\n# search-placeholder = Search…\n"),
        "init writes a skeleton for the language polybook has no catalog for:\n{skeleton}"
    );
    assert!(
        !tmp.path().join("locales/pt").exists(),
        "built-in languages need no file"
    );
    polybook(tmp.path(), &["build"]).assert_ok();
    let de = read(tmp.path().join("public/de/welcome/index.html"));
    assert!(
        de.contains("Pular para o conteúdo"),
        "de falls back to the default language"
    );
    let check = polybook(tmp.path(), &["check", "--strict"]);
    let stderr = check.stderr();
    assert!(
        stderr.contains("`de` is not fully translated: ") && stderr.contains("show in `pt`"),
        "{stderr}"
    );
    for key in [
        "search-placeholder",
        "skip-to-content",
        "articles-count",
        "overlay-title",
    ] {
        assert!(
            stderr.contains(&format!("\n    {key}\n")),
            "{key} listed:\n{stderr}"
        );
    }
    assert!(!check.output.status.success(), "--strict fails on them");

    // Translating one message takes it off the list and onto the pages.
    let translated = skeleton.replace(
        "# search-placeholder = Search…",
        "search-placeholder = Suchen…",
    );
    std::fs::write(tmp.path().join("locales/de/main.ftl"), translated).unwrap();
    polybook(tmp.path(), &["build"]).assert_ok();
    assert!(read(tmp.path().join("public/de/welcome/index.html")).contains("Suchen…"));
    let stderr = polybook(tmp.path(), &["check"]).stderr();
    assert!(!stderr.contains("\n    search-placeholder\n"), "{stderr}");
    assert!(stderr.contains("\n    skip-to-content\n"), "{stderr}");
}

#[test]
fn a_site_without_a_catalog_file_for_a_language_is_told_how_to_get_one() {
    let tmp = tempfile::tempdir().unwrap();
    polybook(tmp.path(), &["init", ".", "--languages", "hr"]).assert_ok();
    let toml = read(tmp.path().join("site.toml"));
    std::fs::write(
        tmp.path().join("site.toml"),
        format!("{toml}\n[languages.sl]\nname = \"Slovenščina\"\n"),
    )
    .unwrap();
    let stderr = polybook(tmp.path(), &["check"]).stderr();
    assert!(
        stderr.contains("`sl` has no catalog: ")
            && stderr.contains("show in `hr`")
            && stderr.contains("polybook theme locale sl"),
        "{stderr}"
    );
    polybook(tmp.path(), &["theme", "locale", "sl"]).assert_ok();
    assert!(read(tmp.path().join("locales/sl/main.ftl"))
        .contains("# skip-to-content = Skip to content"));
    polybook(tmp.path(), &["theme", "locale", "sl"])
        .assert_failed_with("this file exists; theme locale never overwrites");
    polybook(tmp.path(), &["theme", "locale", "../x"]).assert_failed_with("is not a language code");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    polybook(tmp.path(), &["init"]).assert_failed_with("this folder is not empty");
    assert!(!tmp.path().join("site.toml").exists());
}

#[test]
fn init_force_adds_the_missing_files_and_keeps_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "target/\n").unwrap();
    let run = polybook(tmp.path(), &["init", "--force", "--languages", "hr"]);
    run.assert_ok();
    assert!(
        run.stderr().contains("kept ./.gitignore"),
        "{}",
        run.stderr()
    );
    assert_eq!(read(tmp.path().join(".gitignore")), "target/\n");
    assert!(tmp.path().join("content/hr/dobrodosli.md").is_file());
    polybook(tmp.path(), &["build"]).assert_ok();
}

#[test]
fn theme_eject_writes_the_built_in_theme_once() {
    let (_tmp, hb) = new_site();
    polybook(&hb, &["theme", "eject"]).assert_ok();
    let base = read(hb.join("themes/default/templates/base.html"));
    assert_eq!(
        base,
        read(support::repo_root().join("themes/default/templates/base.html"))
    );
    assert!(hb.join("themes/default/static/style.css").is_file());
    polybook(&hb, &["theme", "eject"]).assert_failed_with("theme eject never overwrites");
    // The ejected theme is used, and builds the same site.
    polybook(&hb, &["build"]).assert_ok();
    std::fs::write(
        hb.join("themes/default/templates/partials/search-strings.html"),
        "",
    )
    .unwrap();
    polybook(&hb, &["build"]).assert_ok();
}
