//! Every integration test in one binary (as mdBook does): one link of the
//! library and its dependencies instead of one per file, so `cargo test`
//! spends its time testing. A module per feature; `support` builds fixture
//! sites and drives the real `polybook` binary and a headless Chromium.

mod support;

mod aliases;
mod architecture;
mod browser_a11y;
mod browser_callouts;
mod browser_desk;
mod browser_filters;
mod browser_highlight;
mod browser_notices;
mod browser_offline;
mod browser_query_forms;
mod browser_rtl;
mod browser_search;
mod browser_serve;
mod browser_site_paths;
mod build;
mod check;
mod deploy;
mod desk_attacks;
mod diagnostics;
mod fuzz_regressions;
mod handbook;
mod hostile;
mod import;
mod import_confluence_notion;
mod import_help;
mod import_office;
mod import_site;
mod init;
mod language_tags;
mod locales;
mod notices;
mod offline;
mod print;
mod review;
mod search_cli;
mod search_parity;
mod sections;
mod serve;
mod stem_parity;
