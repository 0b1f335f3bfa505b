//! Owners and review dates: `polybook check --review` (text and JSON), each
//! language's review page, and what articles say about their review and
//! their translations. "Today" is fixed with `SOURCE_DATE_EPOCH` or `--as-of`.

use crate::support;

use serde_json::Value;
use std::process::Command;
use support::{page, Run, Site};

/// 2026-11-28, 12:00 UTC.
const TODAY: &str = "1795867200";

fn run(site: &Site, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_polybook"))
        .args(args)
        .current_dir(site.root())
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .expect("run polybook");
    Run { output }
}

/// pt, hr and es; reviews every 6 months unless a page says otherwise.
///
/// - `listen`: pt (Ana, reviewed in January: overdue; changed 1 Jan) and hr
///   (Ivo, changed 1 March: the pt version is behind it); no es version.
/// - `calm`: pt only, no owner, every 2 years, reviewed last December.
/// - es `solo`: owner Eva, never reviewed; no translation group.
/// - hr `novo`: Ivo, reviewed in November: nothing due.
fn site() -> Site {
    let site = Site::new();
    site.write(
        "site.toml",
        "title = \"Review\"\nbase_url = \"https://example.com/\"\ndefault_language = \"pt\"\n\
         edit_url = \"https://git.example.com/acme/handbook/edit/main\"\n\n\
         [review]\nevery = \"6 months\"\n\n\
         [languages.pt]\nname = \"Português\"\nweight = 1\n\n\
         [languages.hr]\nname = \"Hrvatski\"\nweight = 2\n\n\
         [languages.es]\nname = \"Español\"\nweight = 3\n",
    )
    .write(
        "content/topics.toml",
        "[empathy]\nlabel = { pt = \"Empatia\", hr = \"Empatija\", es = \"Empatía\" }\n",
    )
    .write(
        "content/pt/ouvir.md",
        &page(
            "Ouvir",
            "translation_key = \"listen\"\ntopics = [\"empathy\"]\nowner = \"Ana\"\n\
             date = 2025-06-01\nupdated = 2026-01-01\nreviewed = 2026-01-10\n",
            "Ouça primeiro.\n",
        ),
    )
    .write(
        "content/hr/slusati.md",
        &page(
            "Slušati",
            "translation_key = \"listen\"\ntopics = [\"empathy\"]\nowner = \"Ivo\"\n\
             date = 2026-03-01\nreviewed = 2026-10-01\n",
            "Slušajte prvo.\n",
        ),
    )
    .write(
        "content/pt/acalmar.md",
        &page(
            "Acalmar",
            "translation_key = \"calm\"\ntopics = [\"empathy\"]\nreview_every = \"2 years\"\n\
             reviewed = 2025-12-01\n",
            "Fale devagar.\n",
        ),
    )
    .write(
        "content/es/solo.md",
        &page(
            "Solo en español",
            "topics = [\"empathy\"]\nowner = \"Eva & Co <eva@example.com>\"\n",
            "Texto.\n",
        ),
    )
    .write(
        "content/hr/novo.md",
        &page(
            "Novo",
            "topics = [\"empathy\"]\nowner = \"Ivo\"\nreviewed = 2026-11-02\n",
            "Tekst.\n",
        ),
    );
    site
}

#[test]
fn check_review_lists_each_language_by_owner() {
    let site = site();
    let review = run(&site, &["check", "--review"]);
    review.assert_ok();
    assert_eq!(
        review.stdout(),
        "Review as of 2026-11-28

Português (pt)
  past their review date (1):
    Ana:
      content/pt/ouvir.md  Ouvir  reviewed 2026-01-10, due 2026-07-10 (every 6 months)
  no owner (1):
    content/pt/acalmar.md  Acalmar
  older than another language's version (1):
    Ana:
      content/pt/ouvir.md (2026-01-10)  content/hr/slusati.md changed 2026-03-01

Hrvatski (hr)
  not translated into this language (1):
    calm: content/pt/acalmar.md

Español (es)
  past their review date (1):
    Eva & Co <eva@example.com>:
      content/es/solo.md  Solo en español  never reviewed (every 6 months)
  not translated into this language (2):
    calm: content/pt/acalmar.md
    listen: content/hr/slusati.md, content/pt/ouvir.md
",
        "{}",
        review.stderr()
    );
    assert!(
        review.stderr().contains(
            "review as of 2026-11-28: 2 past their review date, 1 without an owner, 3 translation(s) missing, 1 behind another language"
        ),
        "{}",
        review.stderr()
    );

    // --as-of moves the day: in early July nothing of Ana's is due yet.
    let july = run(&site, &["check", "--review", "--as-of", "2026-07-01"]);
    assert!(
        !july.stdout().contains("ouvir.md  Ouvir  reviewed"),
        "{}",
        july.stdout()
    );
    run(&site, &["check", "--review", "--as-of", "July"])
        .assert_failed_with("--as-of: error: `July` is not a date like 2024-05-01");
}

#[test]
fn check_review_json_is_for_tooling() {
    let site = site();
    let review = run(&site, &["check", "--review", "--json"]);
    review.assert_ok();
    let json: Value = serde_json::from_str(&review.stdout()).expect("JSON on stdout");
    assert_eq!(json["as_of"], "2026-11-28");
    let langs: Vec<&str> = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["pt", "hr", "es"]);
    let pt = &json["languages"][0];
    assert_eq!(pt["overdue"][0]["page"]["path"], "content/pt/ouvir.md");
    assert_eq!(pt["overdue"][0]["page"]["url"], "pt/ouvir/");
    assert_eq!(pt["overdue"][0]["page"]["owner"], "Ana");
    assert_eq!(pt["overdue"][0]["due"], "2026-07-10");
    assert_eq!(pt["overdue"][0]["every"], "6 months");
    assert_eq!(pt["no_owner"][0]["path"], "content/pt/acalmar.md");
    assert_eq!(pt["stale"][0]["newer"]["path"], "content/hr/slusati.md");
    assert_eq!(pt["stale"][0]["newer_changed"], "2026-03-01");
    assert_eq!(pt["stale"][0]["current_as_of"], "2026-01-10");
    let es = &json["languages"][2];
    assert_eq!(es["overdue"][0]["due"], Value::Null, "never reviewed");
    assert_eq!(es["missing"][1]["group"], "listen");
    assert_eq!(es["missing"][1]["versions"].as_array().unwrap().len(), 2);
    let hr = &json["languages"][1];
    assert_eq!(hr["overdue"].as_array().unwrap().len(), 0);
    assert_eq!(hr["stale"].as_array().unwrap().len(), 0);
}

#[test]
fn the_review_page_shows_the_lists_and_stays_out_of_the_way() {
    let site = site();
    run(&site, &["build"]).assert_ok();
    let pt = site.read("pt/review/index.html");
    assert!(pt.contains(r#"<meta name="robots" content="noindex">"#));
    for expected in [
        "28 de novembro de 2026",
        "<h3 class=\"review-owner\">Ana</h3>",
        "revisão prevista para 10 de julho de 2026",
        "content/pt/ouvir.md",
        "href=\"../../pt/ouvir/index.html\"",
        "A versão em Hrvatski desta página foi atualizada em 1 de março de 2026, depois desta.",
        "href=\"../../hr/slusati/index.html\"",
        "<code class=\"review-path\">content/pt/acalmar.md</code>",
    ] {
        assert!(pt.contains(expected), "pt/review/ lacks {expected}:\n{pt}");
    }
    let es = site.read("es/review/index.html");
    assert!(
        es.contains("Eva &amp; Co &lt;eva@example.com&gt;"),
        "the owner is escaped:\n{es}"
    );
    assert!(es.contains("nunca revisado") && es.contains("<code>listen</code>"));
    let hr = site.read("hr/review/index.html");
    assert!(hr.contains("Pregled") && hr.contains("<code>calm</code>"));

    // Not in the sitemap, the feeds or the search index.
    for file in ["sitemap.xml", "pt/atom.xml"] {
        assert!(!site.read(file).contains("/review/"), "{file}");
    }
    let index: String = support::snapshot(&site.public().join("search"))
        .into_iter()
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(
        !index.contains("review/"),
        "the search index lists a review page"
    );
}

#[test]
fn articles_say_when_and_by_whom_they_were_reviewed() {
    let site = site();
    run(&site, &["build"]).assert_ok();
    let ouvir = site.read("pt/ouvir/index.html");
    for expected in [
        "Atualizado em 1 de janeiro de 2026",
        "Revisado em 10 de janeiro de 2026 por Ana",
        r#"href="https://git.example.com/acme/handbook/edit/main/content/pt/ouvir.md""#,
        "A versão em Hrvatski desta página foi atualizada em 1 de março de 2026, depois desta.",
    ] {
        assert!(ouvir.contains(expected), "pt/ouvir/ lacks {expected}");
    }
    let slusati = site.read("hr/slusati/index.html");
    assert!(slusati.contains("Pregledano 1. listopada 2026. · odgovorna osoba: Ivo"));
    assert!(
        !slusati.contains("class=\"notice\""),
        "the newer version has no notice"
    );
    let solo = site.read("es/solo/index.html");
    assert!(solo.contains("Responsable: Eva &amp; Co &lt;eva@example.com&gt;"));
}

#[test]
fn a_review_page_shows_the_first_hundred_of_a_list_and_counts_the_rest() {
    let site = Site::new();
    site.write(
        "site.toml",
        "title = \"Review\"\nbase_url = \"https://example.com/\"\ndefault_language = \"pt\"\n\n\
         [languages.pt]\nname = \"Português\"\n",
    );
    for n in 0..130 {
        site.write(
            &format!("content/pt/p{n:03}.md"),
            &page(&format!("Página {n:03}"), "", "Texto.\n"),
        );
    }
    run(&site, &["build"]).assert_ok();
    let pt = site.read("pt/review/index.html");
    assert_eq!(pt.matches("<code class=\"review-path\">").count(), 100);
    assert!(
        pt.contains("…e mais 30: `polybook check --review` lista todas."),
        "{pt}"
    );
    let all = run(&site, &["check", "--review"]).stdout();
    assert!(all.contains("no owner (130):") && all.contains("content/pt/p129.md"));
}
