//! `polybook search`: the same index and ranking as the browser, built in
//! memory, answered on stdout as the search page words it (or as JSON).

use super::Report;
use crate::cli::SearchArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::search::filters::{Facets, Filter};
use crate::search::query::{self, Query, Scope, TopicSuggestion};
use crate::search::snippet;
use crate::BuildOptions;

/// One answer of `polybook search`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchResult {
    /// Absolute, from `base_url`.
    pub url: String,
    /// Relative to the site root, as in the index.
    pub path: String,
    pub title: String,
    pub lang: String,
    pub score: u64,
    pub snippet: String,
    /// Up to three sections that hold the query's words, best first.
    pub sections: Vec<SectionResult>,
}

/// A section of a result: where it is and what it says.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SectionResult {
    /// The heading's id (the page's URL + `#` + id links it).
    pub id: String,
    pub heading: String,
    /// Absolute: the page's `url#id`.
    pub url: String,
    pub snippet: String,
}

/// What `polybook search` answers: what the browser's search page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchAnswer {
    pub results: Vec<SearchResult>,
    /// Matching documents before the limit.
    pub total: usize,
    /// (query word, the word it was taken for) where a typo was forgiven.
    pub corrections: Vec<(String, String)>,
    /// The synonyms (content/synonyms.toml) the query also searched for.
    pub also_searched: Vec<String>,
    /// How many matches each topic and each section holds.
    pub facets: Facets,
    /// When nothing matched: the topics closest to the query…
    pub suggested_topics: Vec<TopicSuggestion>,
    /// …and, for a one-language scope, how many results all languages have.
    pub in_all_languages: Option<usize>,
}

pub fn run(args: SearchArgs) -> Report {
    let options = BuildOptions {
        root: args.root,
        drafts: args.drafts,
        ..Default::default()
    };
    let scope = if args.lang == "all" {
        Scope::All
    } else {
        Scope::Language(args.lang)
    };
    let filter = Filter {
        topic: args.topic.as_deref(),
        section: args.section.as_deref(),
    };
    match search(&options, &args.query, scope, args.limit, filter) {
        Ok(answer) if args.json => {
            let text = serde_json::to_string_pretty(&answer).expect("results serialize");
            print_out(&format!("{text}\n"))
        }
        Ok(answer) => print_out(&answer_text(&args.query, &answer)),
        Err(problems) => Report::failed(problems, "search failed"),
    }
}

pub fn search(
    options: &BuildOptions,
    text: &str,
    scope: Scope,
    limit: usize,
    filter: Filter,
) -> Result<SearchAnswer, Diagnostics> {
    let config = crate::load_config(options)?;
    if let Scope::Language(lang) = &scope {
        if config.language(lang).is_none() {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(Diagnostic::error(
                "--lang",
                format!("`{lang}` is not a language of this site"),
            )
            .hint(format!("use one of {} or all", codes.join(", ")))
            .into());
        }
    }
    let (site, problems) = crate::analyze(&config, options.drafts);
    if problems.has_errors() {
        return Err(problems.sorted());
    }
    let index = crate::search_index(&config, &site);
    if let Some(topic) = filter
        .topic
        .filter(|t| site.content.topics.get(t).is_none())
    {
        return Err(Diagnostic::error(
            config.content_dir().join("topics.toml"),
            format!("`{topic}` is not a topic of this site"),
        )
        .hint("use a topic id of content/topics.toml")
        .into());
    }
    if let Some(section) = filter
        .section
        .filter(|s| !index.sections.iter().any(|r| r.1 == *s))
    {
        return Err(Diagnostic::error(
            config.content_dir(),
            format!("`{section}` is not a section of this site"),
        )
        .hint("use the name of a folder of content/<lang>/ that holds pages")
        .into());
    }
    let one_language = scope != Scope::All;
    let found = query::search(
        &index,
        &Query {
            text,
            scope,
            limit,
            filter,
        },
    );
    let nothing = found.total == 0;
    let in_all_languages = (nothing && one_language).then(|| {
        let all = Query {
            text,
            scope: Scope::All,
            limit: 0,
            filter,
        };
        query::search(&index, &all).total
    });
    let results = found
        .hits
        .iter()
        .map(|hit| {
            let doc = &index.docs[hit.doc as usize];
            let url = format!("{}{}", config.base_url, doc.url);
            let sections = snippet::sections(doc, &found.word_terms)
                .into_iter()
                .map(|s| SectionResult {
                    url: format!("{url}#{}", fragment_encode(&s.id)),
                    heading: snippet::plain(&s.heading),
                    snippet: snippet::plain(&s.snippet),
                    id: s.id,
                })
                .collect();
            SearchResult {
                url,
                path: doc.url.clone(),
                title: doc.title.clone(),
                lang: doc.lang.clone(),
                score: hit.score,
                snippet: snippet::plain(&snippet::page_snippet(doc, &hit.terms)),
                sections,
            }
        })
        .collect();
    Ok(SearchAnswer {
        results,
        total: found.total,
        corrections: found.corrections,
        also_searched: found.also,
        facets: found.facets,
        suggested_topics: if nothing {
            query::suggest_topics(&index, text)
        } else {
            Vec::new()
        },
        in_all_languages,
    })
}

/// The answer as the search page words it, in plain text.
fn answer_text(query: &str, answer: &SearchAnswer) -> String {
    let mut text = String::new();
    if !answer.corrections.is_empty() {
        let fixed: Vec<String> = answer
            .corrections
            .iter()
            .map(|(typed, term)| format!("{typed} → {term}"))
            .collect();
        text.push_str(&format!("showing results for: {}\n", fixed.join(", ")));
    }
    if !answer.also_searched.is_empty() && !answer.results.is_empty() {
        text.push_str(&format!(
            "also searched for: {}\n",
            answer.also_searched.join(", ")
        ));
    }
    if answer.results.is_empty() {
        text.push_str(&format!("no results for {query:?}\n"));
        if let Some(n) = answer.in_all_languages.filter(|n| *n > 0) {
            text.push_str(&format!("{n} result(s) in all languages: add --lang all\n"));
        }
        for topic in &answer.suggested_topics {
            text.push_str(&format!("related topic: {}\n", topic.id));
        }
    }
    let counts = |list: &[(String, usize)]| -> String {
        let shown: Vec<String> = list.iter().map(|(id, n)| format!("{id} ({n})")).collect();
        shown.join(", ")
    };
    if !answer.facets.topics.is_empty() {
        text.push_str(&format!("topics: {}\n", counts(&answer.facets.topics)));
    }
    if !answer.facets.sections.is_empty() {
        text.push_str(&format!("sections: {}\n", counts(&answer.facets.sections)));
    }
    for (rank, r) in answer.results.iter().enumerate() {
        text.push_str(&format!(
            "{:>2}. {} [{}] ({})\n    {}\n    {}\n",
            rank + 1,
            r.title,
            r.lang,
            r.score,
            r.url,
            r.snippet
        ));
        for section in &r.sections {
            text.push_str(&format!(
                "    § {}
      {}
      {}
",
                section.heading, section.url, section.snippet
            ));
        }
    }
    text
}

/// A heading id as a URL fragment: what a URL may not hold as written
/// (spaces, quotes, `<>`, `#`, `%` and controls) percent-encoded.
fn fragment_encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_control() || c.is_whitespace() || "\"<>`#%{}|\\^".contains(c) {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes to stdout; a closed pipe (`polybook search … | head`) is not an error.
fn print_out(text: &str) -> Report {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Report::failed_with(format!("cannot write the results: {e}"))
        }
        _ => Report::done(Diagnostics::default(), None),
    }
}
