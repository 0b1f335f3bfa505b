use super::*;

const LANGUAGE: Table = Table {
    fields: &[Field::new("name", Kind::Text, "\"Hrvatski\"").required()],
    unknown_help: "a language has a name",
};
const SITE: Table = Table {
    fields: &[
        Field::new("title", Kind::Text, "\"Handbook\"").required(),
        Field::new("weight", Kind::WholeNumber, "10"),
        Field::new("limit", Kind::Count, "5"),
        Field::new("draft", Kind::Bool, "true"),
        Field::new("date", Kind::Date, "2024-05-01"),
        Field::new("topics", Kind::TextList, "[\"empathy\"]"),
        Field::new(
            "raw_html",
            Kind::OneOf(&["sanitize", "trust", "escape"]),
            "\"sanitize\"",
        ),
        Field::new(
            "languages",
            Kind::Each(&Kind::Table(&LANGUAGE), "{ name = \"…\" }"),
            "",
        ),
        Field::new("extra", Kind::Any, ""),
    ],
    unknown_help: "the README lists every key",
};

fn problems(text: &str) -> Vec<(usize, String, String)> {
    let tree = toml::parse(text).unwrap();
    check(&tree, Kind::Table(&SITE), Syntax::Toml)
        .into_iter()
        .map(|p| (p.offset, p.message, p.help))
        .collect()
}

#[test]
fn every_problem_of_a_text_is_found_in_plain_words() {
    let text = "titel = \"A\"\ndescripton = \"\"\nweight = \"heavy\"\nlimit = -1\n\
                draft = \"yes\"\ndate = \"2024-02-30\"\ntopics = [\"a\", 3]\nraw_html = \"safe\"\n\
                [languages.pt]\nnmae = \"P\"\n[extra]\nanything = 1\n";
    let found = problems(text);
    let messages: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown key `titel`",
            "unknown key `descripton`",
            "`weight` must be a whole number, not the text \"heavy\"",
            "`limit` must be a whole number, 0 or more, not the number -1",
            "`draft` must be true or false, not the text \"yes\"",
            "`date`: `2024-02-30` does not exist: February 2024 has 29 days",
            "`topics` must be a list of text, like [\"a\", \"b\"], not the number 3",
            "`raw_html` must be one of \"sanitize\", \"trust\" or \"escape\", not the text \"safe\"",
            "unknown key `languages.pt.nmae`",
        ]
    );
    assert_eq!(
        found[0].2,
        "did you mean `title`? the README lists every key"
    );
    assert_eq!(found[2].2, "write it like weight = 10");
    assert_eq!(found[0].0, 0);
    assert_eq!(&text[found[8].0..found[8].0 + 4], "nmae");
    assert_eq!(&text[found[2].0..found[2].0 + 7], "\"heavy\"");
}

#[test]
fn blanking_what_is_wrong_leaves_a_text_serde_reads_with_its_offsets() {
    let text = "titel = \"A\"\ntitle = \"T\"\n[reveiw]\nevery = 1\n[languages.pt]\nname = \"P\"\n";
    let tree = toml::parse(text).unwrap();
    let found = check(&tree, Kind::Table(&SITE), Syntax::Toml);
    let clean = blank(text, found.iter().flat_map(|p| &p.blank));
    assert_eq!(clean.len(), text.len());
    let value: ::toml::Table = ::toml::from_str(&clean).unwrap();
    let keys: Vec<&String> = value.keys().collect();
    assert_eq!(keys, ["languages", "title"]);
}

#[test]
fn syntax_errors_speak_plainly() {
    let e = toml::parse("title = \"A\"\ntitle = \"B\"\n").unwrap_err();
    assert_eq!(e.message, "`title` is written twice");
    let e = toml::parse("date = 2024-02-30\n").unwrap_err();
    assert_eq!(
        e.message,
        "`2024-02-30` does not exist: February 2024 has 29 days"
    );
    assert_eq!(e.offset, 7);
}

#[test]
fn yaml_keys_are_found_on_their_lines() {
    let text = "title: A\nweight: heavy\ntopics:\n- a\n- b\ndraft: 2\n";
    let tree = yaml::parse(text).unwrap();
    let found = check(&tree, Kind::Table(&SITE), Syntax::Yaml);
    let at: Vec<(usize, &str)> = found.iter().map(|p| (p.offset, p.help.as_str())).collect();
    assert_eq!(
        at,
        [
            (17, "write it like weight: 10"),
            (46, "write it like draft: true")
        ]
    );
    let e = yaml::parse("title: A\nweight: [\n").unwrap_err();
    assert!(!e.message.contains("line"), "{}", e.message);
}

#[test]
fn days_that_do_not_exist_say_why() {
    assert!(parse_day("2024-02-29").is_ok());
    assert_eq!(
        parse_day("2024-13-01").unwrap_err(),
        "`2024-13-01` does not exist: a year has months 01 to 12"
    );
    assert_eq!(
        parse_day("2023-04-31").unwrap_err(),
        "`2023-04-31` does not exist: April 2023 has 30 days"
    );
    assert_eq!(
        parse_day("yesterday").unwrap_err(),
        "`yesterday` is not a date like 2024-05-01"
    );
}

#[test]
fn typos_find_their_key() {
    let keys = ["title", "topics", "description", "translation_key"];
    assert_eq!(closest("topcis", keys.into_iter()), Some("topics"));
    assert_eq!(closest("descripton", keys.into_iter()), Some("description"));
    assert_eq!(closest("colour", keys.into_iter()), None);
}

#[test]
fn yaml_messages_lose_every_position_but_keep_the_words() {
    use super::yaml::without_positions;
    assert_eq!(
        without_positions(
            "did not find expected node content at line 4 column 1, while parsing a flow node at line 3 column 9"
        ),
        "did not find expected node content, while parsing a flow node"
    );
    assert_eq!(
        without_positions("unknown key `x` at line 3"),
        "unknown key `x`"
    );
    assert_eq!(
        without_positions("unknown key ` at line x`"),
        "unknown key ` at line x`"
    );
}

#[test]
fn yaml_and_toml_slips_in_plain_words() {
    let yaml = |text: &str| super::yaml::parse(text).unwrap_err();
    let p = yaml("title: A\ntitle: B\n");
    assert_eq!(
        (p.message.as_str(), p.help.as_str()),
        (
            "`title` is written twice",
            "a key may appear once; keep one of the two"
        )
    );
    let p = yaml("title: A\nweight: 99999999999999999999\n");
    assert_eq!(
        p.message,
        "`weight`: the number 99999999999999999999 is too large"
    );
    let p = yaml("title: A\0B\n");
    assert_eq!(
        (p.message.as_str(), p.offset),
        ("an invisible control character (U+0000)", 8)
    );
    let toml = |text: &str| super::toml::parse(text).unwrap_err();
    let p = toml("title = \"A\"\nweight = 99999999999999999999\n");
    assert_eq!(
        (p.message.as_str(), p.offset),
        ("the number 99999999999999999999 is too large", 21)
    );
    let p = toml("title = \"A\"\nweight =\n");
    assert_eq!(p.message, "`weight` has no value");
}

#[test]
fn yaml_in_toml_and_days_written_another_way() {
    let toml = |text: &str| super::toml::parse(text).unwrap_err();
    let p = toml("title: \"Ouvir\"\n");
    assert_eq!(
        (p.message.as_str(), p.offset),
        ("`title:` is YAML; TOML writes title = …", 5)
    );
    let p = toml("title = \"A\"\ndate = 2024/05/01\n");
    assert_eq!(
        (p.message.as_str(), p.offset),
        ("`2024/05/01` is not a date like 2024-05-01", 19)
    );
}
