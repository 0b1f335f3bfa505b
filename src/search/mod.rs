//! Search: text analysis shared by the index builder and the query path, the
//! index (built at build time, written as shards), and the Rust ranking that
//! the browser's `engine.js` mirrors. `docs/search-index.md` is the format.

pub mod analyze;
pub mod filters;
pub mod index;
pub mod postings;
pub mod query;
pub mod shards;
pub mod snippet;
pub mod source;
pub mod stem;
pub mod stem_hr;
pub mod stem_hr_exceptions;
pub mod stem_key;
pub mod stop_words;
pub mod synonyms;
pub mod tokenize;
