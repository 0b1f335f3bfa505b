use super::plan::heading_for;
use super::{plan, Space, SpacePage};
use crate::content::topics::Topics;
use crate::import::site::{Contents, Site};
use std::path::PathBuf;

fn page(key: &str, title: &str, parent: Option<&str>, body: &str) -> SpacePage {
    SpacePage {
        key: key.into(),
        file: PathBuf::from(key),
        title: title.into(),
        parent: parent.map(String::from),
        body: body.into(),
        old_address: Some(key.into()),
        ..SpacePage::default()
    }
}

#[test]
fn a_page_with_children_is_a_section_and_links_follow_the_pages() {
    let space = Space {
        vendor: "Confluence",
        root: PathBuf::from("/nowhere"),
        pages: vec![
            page(
                "Home_1.html",
                "Home",
                None,
                "See [refunds](Refunds_2.html#x).\n",
            ),
            page(
                "Refunds_2.html",
                "Refunds",
                Some("Home_1.html"),
                "Back [home](Home_1.html) or [gone](Gone_9.html).\n",
            ),
        ],
        problems: Vec::new(),
    };
    let languages = vec!["en".to_string()];
    let topics = Topics::default();
    let site = Site {
        languages: &languages,
        default_language: "en",
        topics: &topics,
    };
    let plan = plan(space, &site, Some("en"), false);
    let text = |target: &str| match plan
        .files
        .iter()
        .find(|f| f.target == target)
        .map(|f| &f.contents)
    {
        Some(Contents::Text(t)) => t.clone(),
        _ => panic!("no {target}"),
    };
    assert_eq!(text("en/home.md"), "+++\ntitle = \"Home\"\naliases = [\"Home_1.html\"]\ndraft = true\nsource = \"Confluence page Home_1.html\"\n+++\n\nSee [refunds](home/refunds.md).\n");
    assert_eq!(text("en/home/_index.md"), "+++\ntitle = \"Home\"\n+++\n");
    assert!(text("en/home/refunds.md").ends_with("Back [home](../home.md) or gone.\n"));
    assert_eq!(plan.problems.len(), 1, "{:?}", plan.problems);
    assert!(plan.problems[0]
        .message
        .contains("`Gone_9.html` names no file of the export"));
}

#[test]
fn a_fragment_finds_its_heading_by_id_or_as_confluence_wrote_it() {
    let ids = crate::markdown::heading_ids("## Quando escalonar\n\n## Passo 2\n");
    assert_eq!(
        heading_for("quando-escalonar", &ids).as_deref(),
        Some("quando-escalonar")
    );
    assert_eq!(
        heading_for("Escalonamento-Quandoescalonar", &ids).as_deref(),
        Some("quando-escalonar")
    );
    assert_eq!(
        heading_for("Escalonamento-Passo2", &ids).as_deref(),
        Some("passo-2")
    );
    assert_eq!(heading_for("Escalonamento-Contatos", &ids), None);
}
