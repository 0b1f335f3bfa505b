//! `polybook search`: the same index and ranking as the browser, built in
//! memory, answered on stdout as the search page words it (or as JSON).

use super::Report;
use crate::cli::SearchArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::search::query::{self, Query, Scope, TopicSuggestion};
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
}

/// What `polybook search` answers: what the browser's search page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchAnswer {
    pub results: Vec<SearchResult>,
    /// Matching documents before the limit.
    pub total: usize,
    /// (query word, the word it was taken for) where a typo was forgiven.
    pub corrections: Vec<(String, String)>,
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
    match search(&options, &args.query, scope, args.limit) {
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
    let one_language = scope != Scope::All;
    let found = query::search(&index, &Query { text, scope, limit });
    let nothing = found.total == 0;
    let in_all_languages = (nothing && one_language).then(|| {
        let all = Query {
            text,
            scope: Scope::All,
            limit: 0,
        };
        query::search(&index, &all).total
    });
    let results = found
        .hits
        .iter()
        .map(|hit| {
            let doc = &index.docs[hit.doc as usize];
            SearchResult {
                url: format!("{}{}", config.base_url, doc.url),
                path: doc.url.clone(),
                title: doc.title.clone(),
                lang: doc.lang.clone(),
                score: hit.score,
                snippet: query::snippet(&doc.text, &hit.terms),
            }
        })
        .collect();
    Ok(SearchAnswer {
        results,
        total: found.total,
        corrections: found.corrections,
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
    if answer.results.is_empty() {
        text.push_str(&format!("no results for {query:?}\n"));
        if let Some(n) = answer.in_all_languages.filter(|n| *n > 0) {
            text.push_str(&format!("{n} result(s) in all languages: add --lang all\n"));
        }
        for topic in &answer.suggested_topics {
            text.push_str(&format!("related topic: {}\n", topic.id));
        }
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
    }
    text
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
