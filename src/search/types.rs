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
    /// Count the tags of all matching documents ([`SearchResult::facets`]).
    pub facets: bool,
    pub marks: Marks,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: DEFAULT_LIMIT,
            offset: 0,
            filter: Filter::default(),
            sort: Sort::Relevance,
            facets: false,
            marks: Marks::Prefer,
        }
    }
}

/// What harakat typed in a query word do ([`super::marks`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Marks {
    /// Documents whose word agrees with them rank above the others, which still match.
    #[default]
    Prefer,
    /// Only documents whose word agrees with them match.
    Require,
    /// They are folded away like any other.
    Ignore,
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

    /// Whether document `n` passes the dates: a predicate on the document number.
    pub fn accepts_dates(&self, index: &Index, n: u32) -> bool {
        let date = index.date_of(n);
        let from_ok = self.from.is_none_or(|from| date != 0 && date >= from);
        let to_ok = self.to.is_none_or(|to| date != 0 && date <= to);
        from_ok && to_ok
    }

    /// Whether document `n` passes the tags.
    pub fn accepts_tags(&self, index: &Index, n: u32) -> bool {
        self.tags.is_empty() || index.tags_of(n).lines().any(|t| self.tags.iter().any(|w| w == t))
    }

    pub fn accepts(&self, index: &Index, n: u32) -> bool {
        self.accepts_dates(index, n) && self.accepts_tags(index, n)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; undated documents last; then best match.
    Date,
    /// In the corpus's order (file order, or its `order` field): the document numbers.
    Order,
}

/// One hit as the wasm surface hands it to JS (`hits_js`, not serde).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    pub snippet: String,
    /// UTF-16 `[start, end)` ranges of matched words in `snippet`.
    pub highlights: Ranges,
    /// UTF-16 `[start, end)` ranges of matched words in `title`.
    pub title_highlights: Ranges,
    pub url: Option<String>,
    pub date: Option<String>,
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
    /// Words found only by typo tolerance or transliteration, with what they were taken for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub approximate: Vec<Approximate>,
    /// When asked for: the tags of all matching documents, with their counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    /// Set on the serialised result apart, by the wasm surface's `hits_js`.
    #[serde(skip)]
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approximate {
    /// The word as typed.
    pub word: String,
    /// The corpus word it matched, as the corpus writes it.
    pub matched: String,
}

/// Counts over every matching document (all pages), whatever `filter.tags` selects, so a
/// widget can offer the other tags too; the date filters apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Most documents first, then by tag.
    pub tags: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// A document as the wasm surface hands it to JS (`hits_js`, not serde).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocView {
    pub id: String,
    pub title: String,
    pub text: String,
    /// UTF-16 `[start, end)` ranges in `text` of the words the query matches.
    pub highlights: Ranges,
    pub url: Option<String>,
    pub date: Option<String>,
    pub tags: Vec<String>,
}

/// A document count as `u32`, which the index's counts are: serde writes a `usize` as a `u64`,
/// and serde-wasm-bindgen's check that a `u64` fits a JavaScript number formats the number in its
/// error, bringing integer formatting into the wasm for a case no index reaches.
fn count<S: serde::Serializer>(n: &usize, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(u32::try_from(*n).unwrap_or(u32::MAX))
}
