//! Search ranking and snippets over a tiny fixed index: never panic on any query
//! text, and results respect the limit, the scope and their own order.
//!
//! Input: first byte = scope (low 2 bits) and limit (the rest, 0..=63); then
//! UTF-8 text. The text is the query; split at `|`, it is also a snippet's text
//! followed by its terms.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::search::fold::fold;
use polybook::search::index::{build, SearchIndex, SourceDocument, SourceTopic};
use polybook::search::query::{query_words, search, snippet, Query, Scope};
use std::sync::LazyLock;

fn doc(lang: &str, url: &str, title: &str, body: &str, topics: &[&str]) -> SourceDocument {
    SourceDocument {
        lang: lang.into(),
        url: url.into(),
        title: title.into(),
        description: format!("{title}: {}", body.split('.').next().unwrap_or_default()),
        headings: title.into(),
        topic_ids: topics.iter().map(|t| t.to_string()).collect(),
        topic_labels: String::new(),
        body: body.into(),
    }
}

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    build(
        &[
            doc(
                "pt",
                "pt/escuta/",
                "Escuta ativa",
                "Ouça o cliente com atenção e empatia. Soluções e situações difíceis.",
                &["active-listening"],
            ),
            doc(
                "pt",
                "pt/clientes/",
                "Clientes crônicos",
                "O cliente crônico reclama sempre; a comunicação é importante.",
                &["empathy"],
            ),
            doc(
                "hr",
                "hr/slusanje/",
                "Slušajte aktivno",
                "Pokažite da iskreno slušate. Ostanite mirni i budite strpljivi, ponudite rješenja.",
                &["active-listening", "empathy"],
            ),
        ],
        &[
            SourceTopic {
                id: "active-listening".into(),
                labels: vec![
                    ("pt".into(), "Escuta ativa".into()),
                    ("hr".into(), "Aktivno slušanje".into()),
                    ("en".into(), "Active listening".into()),
                ],
            },
            SourceTopic {
                id: "empathy".into(),
                labels: vec![
                    ("pt".into(), "Empatia".into()),
                    ("hr".into(), "Empatija".into()),
                    ("en".into(), "".into()),
                ],
            },
        ],
    )
});

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let index = &*INDEX;
    let scope = match selector & 3 {
        0 => Scope::All,
        1 => Scope::Language("pt".into()),
        2 => Scope::Language("hr".into()),
        _ => Scope::Language("xx".into()),
    };
    let limit = (selector >> 2) as usize;

    let results = search(
        index,
        &Query {
            text,
            scope: scope.clone(),
            limit,
        },
    );
    assert!(results.hits.len() <= limit);
    assert!(results.hits.len() <= results.total);
    assert!(results.total <= index.docs.len());
    assert!(results
        .hits
        .windows(2)
        .all(|w| (w[0].score, std::cmp::Reverse(w[0].doc)) >= (w[1].score, std::cmp::Reverse(w[1].doc))));
    for hit in &results.hits {
        let doc = &index.docs[hit.doc as usize];
        if let Scope::Language(lang) = &scope {
            assert_eq!(&doc.lang, lang);
        }
        let s = snippet(&doc.text, &hit.terms);
        assert!(s.chars().count() <= 162, "snippet too long: {s:?}");
    }

    // Snippets of arbitrary text and terms.
    let mut parts = text.split('|');
    let snippet_text = parts.next().unwrap_or_default();
    let terms: Vec<String> = parts.map(str::to_string).collect();
    let s = snippet(snippet_text, &terms);
    assert!(s.chars().count() <= 162, "snippet too long: {s:?}");
    let (words, _) = query_words(text, &index.stop_words);
    let s = snippet(text, &words);
    assert!(s.chars().count() <= 162, "snippet too long: {s:?}");
    let _ = snippet(&fold(text), &words);
});
