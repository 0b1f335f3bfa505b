//! Text utilities every layer may use: folding (case and diacritics) and
//! slugs. They know nothing of sites, so content, markdown and search share
//! them without depending on each other.

pub mod fold;
pub mod slug;
