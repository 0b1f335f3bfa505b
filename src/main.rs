use clap::Parser;
use polybook::cli::{Cli, Command};
use polybook::diagnostics::Diagnostics;
use polybook::search::query::Scope;
use polybook::BuildOptions;
use std::path::Path;
use std::process::ExitCode;

// A build makes millions of small strings and maps (page contexts, search
// postings) on every thread; mimalloc serves them faster than the system
// allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let options = BuildOptions {
                root: root.clone(),
                output,
                base_url,
                drafts,
            };
            let started = std::time::Instant::now();
            match polybook::build(&options) {
                Ok(built) => {
                    report_problems(&built.warnings, &root);
                    eprintln!(
                        "built {} pages ({} files) into {} in {} ms",
                        built.pages,
                        built.files,
                        built.output.display(),
                        started.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => fail(
                    &problems,
                    &root,
                    "build failed; the previous output is unchanged",
                ),
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
        } => {
            let options = polybook::serve::ServeOptions {
                root: root.clone(),
                port,
                bind,
                open,
                drafts,
            };
            match polybook::serve::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problems) => fail(&problems, &root, "serve failed"),
            }
        }
        Command::New {
            target,
            title,
            translation_of,
            root,
        } => {
            let page = polybook::scaffold::NewPage {
                target: &target,
                title: title.as_deref(),
                translation_of: translation_of.as_deref(),
            };
            match polybook::config::load(&root, None)
                .and_then(|c| Ok(polybook::scaffold::create(&c, &page)?))
            {
                Ok(created) => {
                    if let Some(source) = created.keyed_source {
                        eprintln!("added a translation_key to {}", source.display());
                    }
                    println!("{}", created.path.display());
                    ExitCode::SUCCESS
                }
                Err(problems) => fail(&problems, &root, "new failed"),
            }
        }
        Command::Search {
            query,
            root,
            lang,
            limit,
            json,
            drafts,
        } => {
            let options = BuildOptions {
                root,
                drafts,
                ..Default::default()
            };
            search(&options, &query, &lang, limit, json)
        }
        Command::Check {
            root,
            drafts,
            strict,
        } => {
            let options = BuildOptions {
                root: root.clone(),
                drafts,
                ..Default::default()
            };
            let report = polybook::check(&options);
            let warnings = report.problems.iter().filter(|d| !d.is_error()).count();
            if !report.coverage.is_empty() {
                println!("Translation coverage:\n{}", report.coverage);
            }
            if report.problems.has_errors() || (strict && warnings > 0) {
                return fail(&report.problems, &root, "check failed");
            }
            report_problems(&report.problems, &root);
            eprintln!("check passed ({warnings} warning(s))");
            ExitCode::SUCCESS
        }
    }
}

fn search(options: &BuildOptions, query: &str, lang: &str, limit: usize, json: bool) -> ExitCode {
    let scope = if lang == "all" {
        Scope::All
    } else {
        Scope::Language(lang.to_string())
    };
    match polybook::search(options, query, scope, limit) {
        Ok(answer) if json => {
            let text = serde_json::to_string_pretty(&answer).expect("results serialize");
            print_out(&format!("{text}\n"))
        }
        Ok(answer) => print_out(&answer_text(query, &answer)),
        Err(problems) => fail(&problems, &options.root, "search failed"),
    }
}

/// The answer as the search page words it, in plain text.
fn answer_text(query: &str, answer: &polybook::SearchAnswer) -> String {
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
fn print_out(text: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("cannot write the results: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn report_problems(problems: &Diagnostics, root: &Path) {
    for d in problems.iter() {
        eprintln!("{}", d.display_relative_to(root));
    }
}

fn fail(problems: &Diagnostics, root: &Path, what: &str) -> ExitCode {
    report_problems(problems, root);
    eprintln!("{what}: {} error(s)", problems.error_count());
    ExitCode::FAILURE
}
