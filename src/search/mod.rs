//! Text analysis for the search index: tokenizing, folding, stop words and
//! stemming, shared by the index builder and the query path so both sides
//! reduce words to the same terms.

pub mod analyze;
pub mod fold;
pub mod stem;
pub mod stem_hr;
pub mod stop_words;
pub mod tokenize;
