//! `polybook import DIR` for a help center's export (Zendesk Guide,
//! Freshdesk solutions): plans the import (`import::help`), then writes
//! each new file, never over one.

use super::Report;
use crate::cli::ImportArgs;
use crate::config::SiteConfig;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zendesk,
    Freshdesk,
}

/// The export to import, when the arguments name one: `forced` is `None`
/// when `--from` names another kind of source, `Some(None)` to detect.
pub fn export(_args: &ImportArgs, _forced: Option<Option<Kind>>) -> Option<(Kind, PathBuf)> {
    None
}

pub fn run(_args: &ImportArgs, _config: &SiteConfig, _export: (Kind, PathBuf)) -> Report {
    let d = crate::diagnostics::Diagnostic::error(
        &_export.1,
        "help-center exports are not imported yet",
    );
    Report::failed(d.into(), "import failed")
}
