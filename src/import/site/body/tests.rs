use super::*;

fn text(body: &str) -> String {
    convert(body, 1).unwrap().text
}

#[test]
fn mdx_imports_exports_and_comments_go() {
    let body = "import { Aside } from '@astrojs/starlight/components';\nimport Tabs from\n  '@theme/Tabs';\nexport const x = {\n  a: 1,\n};\n\n# Title {/* hidden */}\n\n{/* a\ncomment */}\nText.\n";
    assert_eq!(text(body), "\n# Title \n\nText.\n");
}

#[test]
fn asides_of_every_tool_become_alerts() {
    assert_eq!(text(":::tip\nDo it.\n:::\n"), "> [!TIP]\n> Do it.\n");
    assert_eq!(
        text(":::caution[Careful]\nNo.\n:::\n"),
        "> [!WARNING]\n> **Careful**\n>\n> No.\n"
    );
    assert_eq!(
        text(":::danger Stop\nNo.\n:::\n"),
        "> [!CAUTION]\n> **Stop**\n>\n> No.\n"
    );
    assert_eq!(
        text("<Aside type=\"tip\" title=\"Hi\">\nYes.\n\nMore.\n</Aside>\n"),
        "> [!TIP]\n> **Hi**\n>\n> Yes.\n>\n> More.\n"
    );
    assert_eq!(text("<Aside>Short.</Aside>\n"), "> [!NOTE]\n> Short.\n");
    assert_eq!(
        text("!!! warning \"Mind\"\n    Indented.\n\nAfter.\n"),
        "> [!WARNING]\n> **Mind**\n>\n> Indented.\n>\nAfter.\n"
    );
    assert_eq!(
        text("{{< notice info >}}\nHugo.\n{{< /notice >}}\n"),
        "> [!NOTE]\n> Hugo.\n"
    );
    assert_eq!(
        text("{{% hint warning %}}\nHugo.\n{{% /hint %}}\n"),
        "> [!WARNING]\n> Hugo.\n"
    );
    assert_eq!(
        text("{% hint style=\"danger\" %}\nBook.\n{% endhint %}\n"),
        "> [!CAUTION]\n> Book.\n"
    );
    assert_eq!(text("> [!NOTE]\n> GitHub.\n"), "> [!NOTE]\n> GitHub.\n");
}

#[test]
fn nested_asides_nest() {
    assert_eq!(
        text("::::note\nA\n:::tip\nB\n:::\n::::\n"),
        "> [!NOTE]\n> A\n> > [!TIP]\n> > B\n"
    );
}

#[test]
fn components_go_and_their_text_stays() {
    let body = "<Tabs>\n  <TabItem label=\"npm\">\n    ```sh\n    npm i\n    ```\n  </TabItem>\n</Tabs>\n<LinkCard title=\"Next\" href=\"/es/a/\" />\nPress <Kbd>Ctrl</Kbd> <Badge text=\"New\" />.\n";
    let body = convert(body, 1).unwrap();
    assert_eq!(
        body.text,
        "**npm**\n\n```sh\nnpm i\n```\n- [Next](/es/a/)\nPress Ctrl New.\n"
    );
    assert_eq!(body.removed["<Tabs>"], (1, 1));
    assert_eq!(body.removed["<TabItem>"], (1, 2));
    assert_eq!(body.removed["<Kbd>"], (1, 9));
}

#[test]
fn code_is_left_alone() {
    let body = "```mdx\nimport X from 'y';\n:::tip\n<Aside>\n```\n";
    assert_eq!(text(body), body);
}

#[test]
fn lines_map_back_to_the_source() {
    let body = convert("import X from 'y';\n\n:::tip\nA\n:::\nB\n", 5).unwrap();
    assert_eq!(body.text, "\n> [!TIP]\n> A\nB\n");
    assert_eq!(body.lines, [6, 7, 8, 10]);
}

#[test]
fn a_component_that_never_closes_is_an_error_at_its_line() {
    let e = convert("Text\n\n<Tabs>\n  <TabItem label=\"a\">\nA\n", 1).unwrap_err();
    assert_eq!(e.line, 4);
    assert!(e.message.contains("<TabItem>"), "{}", e.message);
    assert!(convert(":::note\nOpen\n", 1).is_err());
}

#[test]
fn hugo_refs_become_paths() {
    assert_eq!(
        text("[a]({{< ref \"guide/x.md\" >}})\n"),
        "[a](guide/x.md)\n"
    );
    assert_eq!(text("{{< youtube abc >}}\n"), "");
}

#[test]
fn tags_over_several_lines_are_read_whole() {
    let body = "<Preview>\n\n<Badge\n\tslot=\"preview\"\n\ttext=\"Custom\"\n/>\n\n</Preview>\n\n<Card\n  title=\"Stars\"\n>\nShine.\n</Card>\n";
    let body = convert(body, 1).unwrap();
    assert_eq!(body.text, "\n**Custom**\n\n\n\n**Stars**\n\nShine.\n");
    assert_eq!(body.removed["<Badge>"], (1, 3));
}

#[test]
fn components_in_code_spans_are_text() {
    assert_eq!(text("## `<Badge>` Props\n"), "## `<Badge>` Props\n");
    assert_eq!(text("<Tabs>\nA\n</Tabs>{' '}\n"), "A\n");
}

#[test]
fn shortcodes_with_text_on_their_lines() {
    assert_eq!(
        text("{{% alert %}} An alert. {{% /alert %}}\n"),
        "> [!NOTE]\n> An alert.\n"
    );
    assert_eq!(
        text("{{% alert title=\"Careful\" color=\"danger\" %}} A danger with a\ntitle. {{% /alert %}}\nAfter.\n"),
        "> [!CAUTION]\n> **Careful**\n>\n> A danger with a\n> title.\nAfter.\n"
    );
}
