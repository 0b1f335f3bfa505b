use clap::Parser;
use polybook::cli::{Cli, Command};
use polybook::cmd;
use std::process::ExitCode;

// A build makes millions of small strings and maps (page contexts, search
// postings) on every thread; mimalloc serves them faster than the system
// allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let command = Cli::parse().command;
    let root = command.root().to_path_buf();
    let report = match command {
        Command::Build(args) => cmd::build::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Theme(polybook::cli::ThemeCommand::Eject(args)) => cmd::theme::eject(args),
        Command::Theme(polybook::cli::ThemeCommand::Locale(args)) => cmd::theme::locale(args),
    };
    for d in report.problems.iter() {
        eprintln!("{}", d.display_relative_to(&root));
    }
    if let Some(line) = &report.last_line {
        eprintln!("{line}");
    }
    if report.success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
