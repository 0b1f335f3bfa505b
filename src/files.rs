//! The built site as files, and where they go. Below every stage: search and
//! render make files, output and serve take them, and none of them needs
//! another for it.

use crate::diagnostics::Diagnostic;

/// A file of the built site: path under the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where a build puts its files as it makes them: memory for `serve` and
/// tests, or the staging folder of `output::Staging` for `build`, so that a
/// big site never holds all of its pages at once.
pub trait FileSink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
}
