use super::*;
use crate::search::index::build;
use crate::search::index::tests::doc;
use crate::search::source::SourceTopic;

fn index() -> SearchIndex {
    build(
        &[
            doc(
                "pt",
                "pt/escuta/",
                "Escuta ativa",
                "Ouça o cliente com atenção e empatia.",
                &["active-listening"],
            ),
            doc(
                "pt",
                "pt/clientes/",
                "Clientes crônicos",
                "O cliente crônico reclama sempre.",
                &[],
            ),
            doc(
                "pt",
                "pt/outro/",
                "Outro assunto",
                "Nada a ver com clientela ou escutas.",
                &[],
            ),
            doc(
                "hr",
                "hr/slusanje/",
                "Slušajte aktivno",
                "Pokažite da iskreno slušate.",
                &["active-listening"],
            ),
            doc(
                "es",
                "es/resuelve/",
                "Resuelve",
                "Escuche con atención.",
                &[],
            ),
        ],
        &[SourceTopic {
            id: "active-listening".into(),
            labels: vec![
                ("pt".into(), "Escuta ativa".into()),
                ("hr".into(), "Aktivno slušanje".into()),
                ("es".into(), "Escucha activa".into()),
            ],
        }],
        &[],
    )
}

fn urls(index: &SearchIndex, text: &str, scope: Scope) -> Vec<String> {
    answer(index, text, scope)
        .hits
        .iter()
        .map(|h| index.docs[h.doc as usize].url.clone())
        .collect()
}

#[test]
fn query_words_fold_drop_stop_words_and_mark_the_prefix() {
    let stop = vec!["com".to_string(), "o".to_string()];
    assert_eq!(
        query_words("Ouça o CLIENTE com", &stop),
        (vec!["ouca".into(), "cliente".into()], true)
    );
    assert_eq!(
        query_words("com o ", &stop),
        (vec!["com".into(), "o".into()], false)
    );
    assert_eq!(query_words("a", &stop), (vec!["a".into()], false));
}

#[test]
fn diacritics_are_optional() {
    let index = index();
    assert_eq!(urls(&index, "slusajte", Scope::All)[0], "hr/slusanje/");
    assert_eq!(urls(&index, "crônicos", Scope::All)[0], "pt/clientes/");
    assert_eq!(urls(&index, "cronicos", Scope::All)[0], "pt/clientes/");
}

#[test]
fn exact_beats_stem_beats_prefix() {
    let index = index();
    // "cliente" is exact in pt/clientes/; "clientela" only shares a prefix.
    let found = urls(&index, "cliente", Scope::Language("pt".into()));
    assert_eq!(found[0], "pt/clientes/");
    assert!(
        found.contains(&"pt/outro/".to_string()),
        "prefix match clientela: {found:?}"
    );
    let stem = urls(&index, "clientes ", Scope::All);
    assert_eq!(
        stem,
        ["pt/clientes/", "pt/escuta/"],
        "with a trailing space there is no prefix match"
    );
}

#[test]
fn all_words_must_match_with_a_fallback_to_any() {
    let index = index();
    assert_eq!(urls(&index, "cliente empatia", Scope::All), ["pt/escuta/"]);
    let any = urls(&index, "empatia zzzz", Scope::All);
    assert_eq!(any, ["pt/escuta/"]);
}

#[test]
fn topic_labels_expand_across_languages() {
    let index = index();
    let found = urls(&index, "escucha activa", Scope::All);
    assert!(found.contains(&"hr/slusanje/".to_string()), "{found:?}");
    assert!(found.contains(&"pt/escuta/".to_string()), "{found:?}");
    let hr_only = urls(&index, "escucha activa", Scope::Language("hr".into()));
    assert_eq!(hr_only, ["hr/slusanje/"]);
}

#[test]
fn scope_limits_to_one_language() {
    let index = index();
    assert!(urls(&index, "atenção", Scope::Language("es".into()))
        .iter()
        .all(|u| u.starts_with("es/")));
    assert_eq!(urls(&index, "atencao atencion", Scope::All).len(), 2);
}

#[test]
fn a_prefix_expands_to_its_most_frequent_completions_only() {
    // `zap00`…`zap11`: completion i occurs in i + 1 documents, so the
    // PREFIX_LIMIT most frequent are the highest numbers; `zapzz` ties with
    // `zap11` and loses on term order.
    let count = PREFIX_LIMIT + 2;
    let mut docs = Vec::new();
    for d in 0..count {
        let words: Vec<String> = (0..count)
            .filter(|i| d <= *i)
            .map(|i| format!("zap{i:02}"))
            .collect();
        let body = format!("{} zapzz", words.join(" "));
        docs.push(doc("pt", &format!("pt/d{d}/"), "Doc", &body, &[]));
    }
    docs.push(doc("pt", "pt/only/", "Doc", "zap00", &[]));
    let index = build(&docs, &[], &[]);
    assert_eq!(index.term_docs("zap00"), 2);
    assert_eq!(index.term_docs("zapzz"), count as u32);
    let expanded = completions(&index, "zap");
    assert_eq!(expanded.len(), PREFIX_LIMIT);
    assert_eq!(
        expanded[0], "zap11",
        "most documents first, then term order"
    );
    assert_eq!(expanded[1], "zapzz");
    assert!(
        !expanded.iter().any(|t| *t == "zap00" || *t == "zap01"),
        "{expanded:?}"
    );
    let found = urls(&index, "zap", Scope::All);
    assert!(
        !found.contains(&"pt/only/".to_string()),
        "a rare completion is not expanded: {found:?}"
    );
    assert_eq!(
        urls(&index, "zap00", Scope::All).len(),
        2,
        "typed in full it still matches"
    );
    assert!(
        completions(&index, "zap11").is_empty(),
        "a word is not its own completion"
    );
}

fn answer(index: &SearchIndex, text: &str, scope: Scope) -> Results {
    search(
        index,
        &Query {
            text,
            scope,
            limit: 10,
            filter: Default::default(),
        },
    )
}

#[test]
fn a_form_the_index_lacks_is_stemmed_in_the_scope_languages() {
    let index = index();
    // Only "slušate", "slušajte" are indexed; "slušati" is not, yet stems alike.
    assert!(!index.terms.contains_key("slusati"));
    assert_eq!(urls(&index, "slušati ", Scope::All), ["hr/slusanje/"]);
    // Stemmed as Croatian only when Croatian is in scope.
    assert!(urls(&index, "slušati ", Scope::Language("pt".into())).is_empty());
    // pt "crônica" is not indexed: the pt stem meets "crônicos".
    assert_eq!(urls(&index, "crônica ", Scope::All)[0], "pt/clientes/");
}

#[test]
fn one_typo_is_forgiven_below_every_other_match() {
    let index = index();
    let found = answer(&index, "clientws ", Scope::All);
    assert_eq!(
        found.corrections,
        [("clientws".to_string(), "clientes".to_string())]
    );
    assert_eq!(found.hits.len(), 1);
    // Four letters are too few to guess from; the first three are kept.
    assert!(answer(&index, "clie ", Scope::All).hits.is_empty());
    assert!(answer(&index, "xlientes ", Scope::All).hits.is_empty());
    // A word that matches anything is never corrected.
    assert!(answer(&index, "cliente", Scope::All).corrections.is_empty());
    // Two edits from eight letters: "empatija" from "empatijaaa"? no, 10 letters.
    assert!(answer(&index, "slusajteee ", Scope::All)
        .corrections
        .iter()
        .any(|(_, t)| t == "slusajte"));
    assert!(answer(&index, "slusajtexyz ", Scope::All).hits.is_empty());
}

#[test]
fn stop_words_alone_are_searched_as_words() {
    let index = index();
    // "com" and "o" are Portuguese stop words; alone they still find pages.
    let found = urls(&index, "com ", Scope::Language("pt".into()));
    assert!(!found.is_empty(), "{found:?}");
    // In a query with other words they are dropped.
    assert_eq!(
        urls(&index, "empatia com ", Scope::All),
        urls(&index, "empatia ", Scope::All)
    );
    // A stop word never joins a stem group.
    assert!(index
        .terms
        .get("com")
        .is_some_and(|keys| keys.iter().all(|k| k.is_stop_word())));
}

#[test]
fn nothing_found_offers_the_closest_topics() {
    let index = index();
    let offered = suggest_topics(&index, "escuchar activamente");
    assert_eq!(
        offered.first().map(|t| t.id.as_str()),
        Some("active-listening")
    );
    assert!(suggest_topics(&index, "zzzz qqqq").is_empty());
    assert!(suggest_topics(&index, "").is_empty());
}

#[test]
fn edit_distance_counts_a_transposition_as_one() {
    assert_eq!(edit_distance_within("empatija", "empatjia", 1), Some(1));
    assert_eq!(edit_distance_within("klijent", "klijenta", 1), Some(1));
    assert_eq!(edit_distance_within("klijent", "klijnet", 2), Some(1));
    assert_eq!(edit_distance_within("abc", "abc", 0), Some(0));
    assert_eq!(edit_distance_within("abcdef", "abdcfe", 1), None);
    assert_eq!(edit_distance_within("abcdef", "abdcfe", 2), Some(2));
    assert_eq!(edit_distance_within("", "ab", 2), Some(2));
    assert_eq!(edit_distance_within("ab", "", 1), None);
    assert_eq!(edit_distance_within("čšž", "csz", 3), Some(3));
}

#[test]
fn pasted_text_is_cut_to_what_a_query_needs() {
    let long: String = "palavra ".repeat(500);
    let (words, prefix) = query_words(&format!("{long}fim"), &[]);
    assert_eq!(words.len(), MAX_QUERY_WORDS);
    assert!(!prefix, "the last word kept is not the last typed");
    let word = "ž".repeat(10_000);
    let (words, _) = query_words(&word, &[]);
    assert_eq!(words, ["z".repeat(MAX_WORD_CHARS)]);
    let index = index();
    assert!(answer(&index, &"x".repeat(10_000), Scope::All)
        .hits
        .is_empty());
}

fn synonym_rule(lang: &str, from: &str, to: &[&str]) -> crate::search::source::SourceSynonym {
    crate::search::source::SourceSynonym {
        lang: lang.into(),
        from: from.into(),
        to: to.iter().map(|t| t.to_string()).collect(),
    }
}

fn all_urls(index: &SearchIndex, q: &str) -> Vec<String> {
    let found = search(
        index,
        &Query {
            text: q,
            scope: Scope::All,
            limit: 10,
            filter: Default::default(),
        },
    );
    found
        .hits
        .iter()
        .map(|h| index.docs[h.doc as usize].url.clone())
        .collect()
}

#[test]
fn a_phrase_synonym_finds_the_pages_with_all_its_words() {
    let docs = [
        doc("hr", "hr/a/", "A", "Ne obećavajte povrat novca.", &[]),
        doc("hr", "hr/b/", "B", "Povrat je ovdje, novac nije.", &[]),
        doc("hr", "hr/c/", "C", "Refundacija odmah.", &[]),
        doc("pt", "pt/d/", "D", "Sem refundacija aqui.", &[]),
    ];
    let rules = [
        synonym_rule("hr", "refundacija", &["povrat novca"]),
        synonym_rule("hr", "povrat novca", &["refundacija"]),
    ];
    let index = build(&docs, &[], &rules);
    // The page that has the word ranks before those found through it:
    // `povrat novca` is on a (as written) and on b (`novac`, another form).
    assert_eq!(
        all_urls(&index, "refundacija"),
        ["hr/c/", "hr/a/", "hr/b/", "pt/d/"]
    );
    let both = all_urls(&index, "povrat novca");
    assert!(both.contains(&"hr/c/".to_string()), "{both:?}");
    let found = search(
        &index,
        &Query {
            text: "refundacija",
            scope: Scope::Language("hr".into()),
            limit: 10,
            filter: Default::default(),
        },
    );
    assert_eq!(found.also, ["povrat novca"]);
    // Without rules, nothing is added.
    assert_eq!(
        all_urls(&build(&docs, &[], &[]), "refundacija"),
        ["hr/c/", "pt/d/"]
    );
    assert!(crate::search::synonyms::phrase_occurs(
        &build(&docs, &[], &[]).stems,
        "hr",
        "povrat novca"
    ));
    assert!(!crate::search::synonyms::phrase_occurs(
        &build(&docs, &[], &[]).stems,
        "hr",
        "vraćanje novca"
    ));
}
