//! Search ranking and snippets over a tiny fixed index: never panic on any query
//! text, and results respect the limit, the scope and their own order. The
//! query is stemmed in every language of the scope and may take the typo path:
//! a correction names a query word and an indexed term within two edits;
//! suggested topics are bounded; the edit distance agrees with a plain one.
//!
//! Input: first byte = scope (low 3 bits: all, pt, hr, es, it, en, xx, all)
//! and limit (the rest, 0..=31); then UTF-8 text. The text is the query; split
//! at `|`, it is also a snippet's text followed by its terms, and its first two
//! parts are compared by edit distance.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polybook::search::index::{build, SearchIndex};
use polybook::search::query::{
    edit_distance_within, query_words, search, snippet, suggest_topics, Query, Scope,
};
use polybook::search::source::{SourceDocument, SourceTopic};
use polybook::text::fold::fold;
use std::sync::LazyLock;

fn doc<'a>(
    lang: &str,
    url: &str,
    title: &str,
    body: &'a str,
    topics: &[&str],
) -> SourceDocument<'a> {
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
            doc(
                "es",
                "es/solucion/",
                "Soluciones y respuestas",
                "Escuche con atención; la información y la psicología ayudan a resolver.",
                &["empathy"],
            ),
            doc(
                "it",
                "it/consigli/",
                "Quattro consigli",
                "Perché i clienti difficili chiedono ascolto e città tranquille.",
                &["active-listening"],
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
    let scope = match selector & 7 {
        1 => Scope::Language("pt".into()),
        2 => Scope::Language("hr".into()),
        3 => Scope::Language("es".into()),
        4 => Scope::Language("it".into()),
        5 => Scope::Language("en".into()),
        6 => Scope::Language("xx".into()),
        _ => Scope::All,
    };
    let limit = (selector >> 3) as usize;

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
        .all(|w| (w[0].score, std::cmp::Reverse(w[0].doc))
            >= (w[1].score, std::cmp::Reverse(w[1].doc))));
    let (query, _) = query_words(text, &index.stop_words);
    for (typed, term) in &results.corrections {
        assert!(
            query.contains(typed),
            "{typed:?} is not a query word of {text:?}"
        );
        assert!(index.terms.contains_key(term), "{term:?} is not a term");
        assert!(
            edit_distance_within(typed, term, 2).is_some(),
            "{typed:?} → {term:?}"
        );
    }
    for topic in suggest_topics(index, text) {
        assert!(topic.closeness <= 1000);
    }
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

    // The bounded edit distance against the plain dynamic programme.
    let mut parts = text.split('|');
    let (a, b) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    if a.chars().count() <= 24 && b.chars().count() <= 24 {
        let full = osa(a, b);
        for most in 0..4 {
            assert_eq!(
                edit_distance_within(a, b, most),
                (full <= most).then_some(full),
                "{a:?} {b:?}"
            );
        }
    }
});

/// Optimal string alignment distance, the textbook way.
fn osa(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=b.len() {
        d[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}
