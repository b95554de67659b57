//! What a search is asked and what it answers: options, filters and the result shapes the wasm
//! surface serialises.

use serde::Serialize;

use super::snippet::Ranges;
use crate::index::Index;

/// Results per page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 10;
/// The most results one call returns.
pub const MAX_LIMIT: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    pub filter: Filter,
    pub sort: Sort,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: DEFAULT_LIMIT, offset: 0, filter: Filter::default(), sort: Sort::Relevance }
    }
}

/// Which documents may match at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Documents with at least one of these tags (any, when empty).
    pub tags: Vec<String>,
    /// Documents dated on or after this day (`YYYYMMDD`).
    pub from: Option<u32>,
    /// Documents dated on or before this day (`YYYYMMDD`).
    pub to: Option<u32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.from.is_none() && self.to.is_none()
    }

    /// Whether document `n` passes: a predicate on the document number.
    pub fn accepts(&self, index: &Index, n: u32) -> bool {
        let date = index.date_of(n);
        let from_ok = self.from.is_none_or(|from| date != 0 && date >= from);
        let to_ok = self.to.is_none_or(|to| date != 0 && date <= to);
        let tags_ok = || {
            self.tags.is_empty()
                || index.doc(n).is_some_and(|d| d.tags.lines().any(|t| self.tags.iter().any(|w| w == t)))
        };
        from_ok && to_ok && tags_ok()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; undated documents last; then best match.
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    pub snippet: String,
    /// UTF-16 `[start, end)` ranges of matched words in `snippet`.
    pub highlights: Ranges,
    /// UTF-16 `[start, end)` ranges of matched words in `title`.
    pub title_highlights: Ranges,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    pub query: String,
    /// Number of matching documents (all pages).
    #[serde(serialize_with = "count")]
    pub total: usize,
    /// No document matched every word; these match some of them.
    pub relaxed: bool,
    /// The query was retyped on the other keyboard layout: these are the results for this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
    /// Nothing was found: queries to try instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocView {
    pub id: String,
    pub title: String,
    pub text: String,
    /// UTF-16 `[start, end)` ranges in `text` of the words the query matches.
    pub highlights: Ranges,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A document count as `u32`, which the index's counts are: serde writes a `usize` as a `u64`,
/// and serde-wasm-bindgen's check that a `u64` fits a JavaScript number formats the number in its
/// error, bringing integer formatting into the wasm for a case no index reaches.
fn count<S: serde::Serializer>(n: &usize, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(u32::try_from(*n).unwrap_or(u32::MAX))
}
