//! Search over an [`Index`]: parse the query ([`query`]), plan the terms each word matches
//! ([`plan`], with [`expand`], [`fuzzy`], [`synonyms`], [`translit`]), evaluate the plan over
//! the postings in one pass keeping the best documents ([`eval`], [`cursor`], [`rank`],
//! [`topk`]) and cut snippets from the positions found ([`snippet`]). This module puts them
//! together: the keyboard-layout retry, reference queries ([`refs`]), suggestions, pages of hits
//! and `get`.

pub mod cursor;
mod dense;
pub mod eval;
pub mod expand;
pub mod facets;
pub mod fuzzy;
mod heapsort;
pub mod keyboard;
pub mod marks;
mod matched;
pub mod plan;
pub mod query;
pub mod rank;
pub mod refs;
pub mod snippet;
pub mod suggest;
pub mod synonyms;
pub mod topk;
pub mod translit;
mod types;

use std::cell::RefCell;

use crate::index::{Index, StoredDoc};
use eval::Evaluation;
use matched::{matches, Matches};
use plan::Planned;
pub use types::*;

/// Words of a query that may be matched by typo tolerance or transliteration.
pub const MAX_GUESSED_WORDS: usize = 4;

/// A query planned and evaluated.
struct Answer {
    plan: Vec<Planned>,
    eval: Evaluation,
}

impl Answer {
    /// Folded words of positive clauses that match no document.
    fn unmatched(&self) -> Vec<String> {
        self.plan
            .iter()
            .zip(&self.eval.doc_freqs)
            .filter(|(p, &df)| !p.clause.negated && df == 0)
            .flat_map(|(p, _)| p.clause.words.iter().filter_map(|w| w.first().cloned()))
            .collect()
    }

    /// Clauses found only by a guess (typo, transliteration).
    fn guessed_clauses(&self) -> impl Iterator<Item = &Planned> {
        self.plan
            .iter()
            .zip(&self.eval.doc_freqs)
            .filter(|(p, &df)| !p.clause.negated && df > 0 && p.guessed)
            .map(|(p, _)| p)
    }

    fn guessed(&self) -> bool {
        self.guessed_clauses().next().is_some()
    }

    /// The guessed words and the corpus words they were taken for.
    fn approximate(&self, index: &Index) -> Vec<Approximate> {
        let guesses = self.guessed_clauses().flat_map(|p| &p.guesses);
        guesses
            .map(|g| {
                let term = index.term_string(g.ordinal).unwrap_or_default();
                Approximate { word: g.word.clone(), matched: suggest::written(index, g.ordinal, &term) }
            })
            .collect()
    }

    /// Weak answers are retried on the other keyboard layout.
    fn weak(&self) -> bool {
        self.eval.total == 0 || self.eval.relaxed || self.guessed()
    }
}

/// The last query searched and its plan as resolved (retyped on the other layout, if it was), so
/// `get(id, query)` just after it — the widget opening a hit — highlights what the search
/// matched without planning the query again.
struct LastPlan {
    index: (usize, [u32; 4]),
    query: String,
    plan: Vec<Planned>,
}

thread_local! {
    static LAST: RefCell<Option<LastPlan>> = const { RefCell::new(None) };
}

fn hit(index: &Index, doc: &StoredDoc, score: f32, m: &Matches) -> Hit {
    let (snippet, highlights) = snippet::snippet(index, doc, &m.body);
    let mut title_highlights = Vec::new();
    snippet::highlights(doc.title, &m.title, 0, &mut title_highlights);
    Hit {
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        score,
        snippet,
        highlights,
        title_highlights,
        url: doc.url(),
        date: doc.date(),
        tags: doc.tags(),
    }
}

impl<'a> Index<'a> {
    fn answer(&self, query: &str, options: &SearchOptions, guess: bool, pinned: &[u32]) -> Answer {
        let plan = plan::plan(self, query, guess);
        let eval = eval::evaluate(self, &plan, options, pinned);
        Answer { plan, eval }
    }

    /// The query as typed, or retyped on the other keyboard layout (hgvfh' → الرباط) when as
    /// typed it finds nothing, only some of its words, or only guesses (typos,
    /// transliterations), and the retyped one finds every word as written. A reference query
    /// that found documents is not retyped.
    fn resolve(&self, query: &str, options: &SearchOptions, pinned: &[u32]) -> (Answer, Option<String>) {
        let typed = self.answer(query, options, true, pinned);
        if !typed.weak() || !pinned.is_empty() {
            return (typed, None);
        }
        if let Some(retyped) = keyboard::to_arabic(query).or_else(|| keyboard::to_latin(query)) {
            let other = self.answer(&retyped, options, false, pinned);
            if other.eval.total > 0 && !other.eval.relaxed && !other.guessed() {
                return (other, Some(retyped));
            }
        }
        (typed, None)
    }

    /// Searches the index. Never fails: a query with no words finds nothing.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        let query = query::truncate(query);
        let pinned = refs::pinned(self, query, &options.filter);
        let (mut answer, corrected) = self.resolve(query, options, &pinned);
        let limit = options.limit.min(MAX_LIMIT);
        let page = refs::page(&pinned, &answer.eval.ranked, options.offset, limit);
        let mut docs: Vec<u32> = page.iter().map(|r| r.doc).collect();
        heapsort::sort_by(&mut docs, &|a, b| a < b);
        // The pass noted where it matched the documents it ranked; the others (pinned by a
        // reference, or on a page deeper than the pass notes) are matched now, in one run of the
        // plan's cursors.
        let mut noted = std::mem::take(&mut answer.eval.matches);
        let missing: Vec<u32> = docs.iter().copied().filter(|&d| noted.iter().all(|n| n.0 != d)).collect();
        let mut rest = matches(self, &answer.plan, &missing).into_iter();
        let found: Vec<Matches> = docs
            .iter()
            .map(|&d| match noted.iter_mut().find(|n| n.0 == d) {
                Some(n) => std::mem::take(&mut n.1),
                None => rest.next().unwrap_or_default(),
            })
            .collect();
        let hits = page
            .iter()
            .filter_map(|r| {
                let i = docs.binary_search(&r.doc).ok()?;
                Some(hit(self, &self.doc(r.doc)?, r.score, &found[i]))
            })
            .collect();
        let (total, relaxed) = refs::totals(&pinned, &answer.eval);
        let suggestions = match total {
            0 => suggest::suggestions(self, query, &answer.unmatched()),
            _ => Vec::new(),
        };
        let approximate = answer.approximate(self);
        let facets = answer.eval.facets;
        // A split index's search that lacked a chunk is asked again once it is fetched: its
        // plan may lack terms, so `get` does not reuse it.
        if self.complete() {
            LAST.with(|last| {
                let plan = answer.plan;
                *last.borrow_mut() =
                    Some(LastPlan { index: self.identity(), query: query.to_string(), plan });
            });
        }
        SearchResult {
            query: query.to_string(),
            total,
            relaxed,
            corrected,
            suggestions,
            approximate,
            facets,
            hits,
        }
    }

    /// The document with this id, with the words `query` matches highlighted in its text (as
    /// the last search of `query` matched them, corrected keyboard layout included).
    pub fn get(&self, id: &str, query: Option<&str>) -> Option<DocView> {
        let n = self.find(id)?;
        let stored = self.doc(n)?;
        let mut highlights = Vec::new();
        if let Some(q) = query.map(query::truncate) {
            let cached = LAST.with(|last| {
                let last = last.borrow();
                let hit = last.as_ref().filter(|l| l.index == self.identity() && l.query == q);
                hit.map(|l| matches(self, &l.plan, &[n]))
            });
            // Not just searched: resolved as search resolves it (a query fixed by the keyboard
            // layout highlights the fixed words).
            let resolved = || matches(self, &self.resolve(q, &SearchOptions::default(), &[]).0.plan, &[n]);
            let mut found = cached.unwrap_or_else(resolved);
            let m = found.pop().unwrap_or_default();
            let body: Vec<u32> = m.body.iter().map(|h| h.0).collect();
            // A headline title is the text's first line; a derived one is not in the text.
            let head = stored.text.get(..stored.body_start).unwrap_or_default();
            if stored.body_start > 0 {
                snippet::highlights(head, &m.title, 0, &mut highlights);
            }
            let base = head.encode_utf16().count() as u32;
            snippet::body_highlights(self, &stored, &body, base, &mut highlights);
        }
        Some(DocView {
            id: stored.id.to_string(),
            title: stored.title.to_string(),
            text: stored.text.to_string(),
            highlights,
            url: stored.url(),
            date: stored.date(),
            tags: stored.tags(),
        })
    }
}

#[cfg(test)]
mod test_corpus;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod readers_tests;
