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

#[test]
fn a_fragment_after_a_title_with_a_hyphen_or_nbsp_finds_its_heading() {
    let ids = crate::markdown::heading_ids("## A Little History\n\n## Checking usable space\n");
    assert_eq!(
        heading_for("WhySmartOS-ZFS%2CKVM%2CZonesandMore-ALittleHistory", &ids).as_deref(),
        Some("a-little-history")
    );
    assert_eq!(
        heading_for("Tips-Checkingusable%26nbsp%3Bspace", &ids).as_deref(),
        Some("checking-usable-space")
    );
}

#[test]
fn links_to_other_pages_keep_anchors_that_name_their_headings() {
    let space = Space {
        vendor: "Notion",
        root: PathBuf::from("/nowhere"),
        pages: vec![
            page(
                "Home.md",
                "Home",
                None,
                "[a](Guide.md#Guide-Steps) [b](Guide.md#nothing) [c](Tasks.md) [More ![wait](s/wait.gif)](/plugins/changes.action)\n",
            ),
            page("Guide.md", "Guide", None, "## Steps\n"),
            page("Tasks.csv", "Tasks", None, "- Call\n"),
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
    let Some(Contents::Text(home)) = plan
        .files
        .iter()
        .find(|f| f.target == "en/home.md")
        .map(|f| &f.contents)
    else {
        panic!("no home");
    };
    // A database is linked as `.md` and exported as `.csv`; an image inside
    // a link that leads nowhere goes with it, its text kept.
    assert!(
        home.ends_with("\n[a](guide.md#steps) [b](guide.md) [c](tasks.md) More wait\n"),
        "{home}"
    );
}
