//! A clause that matches much of the collection, read term at a time: each of its terms' lists
//! is decoded once, straight into a bound per document and a bit per matching document. A
//! [`ClauseCursor`] holding such a table moves from bit to bit and takes the bound from it,
//! instead of merging its terms' cursors in a heap at every document (a common word of Bukhari
//! has dozens of clitic forms, and the merge cost several times the decoding). Its branch
//! cursors move only to the documents whose positions are read. When every clause has a table,
//! the pass itself reads them a word of bits at a time (see `eval::tabled`).

use super::cursor::{Bound, ClauseCursor};
use super::plan::{Planned, Term};
use crate::index::postings::END;
use crate::index::Index;

/// A clause is read term at a time when its terms' lists hold at least one posting per this
/// many documents of the collection ...
const SHARE: usize = 4;
/// ... and the rarest clause that must match holds one per this many: the pass stands at each
/// of that one's documents, and seeks the others' cursors past nearly every posting one by one.
const DRIVING: usize = 16;
/// The most documents all of a query's tables hold together (24 bytes each): wasm memory does
/// not shrink, so a query of many common words over a large split index must not grow it by
/// hundreds of megabytes. Bukhari (7,277 documents) could table 72 clauses; a query has at most
/// 32.
const MAX_CELLS: usize = 1 << 19;

pub struct Dense {
    /// A bit per document the clause matches.
    bits: Vec<u64>,
    /// Per document, what the clause's cursor would bound it by.
    bounds: Vec<Bound>,
    /// Per document, a bit for each of the clause's terms there (in the order of its branches,
    /// then of their terms; the last bit for every term from the 64th on).
    terms: Vec<u64>,
}

/// The postings of a clause's terms.
fn postings(index: &Index, planned: &Planned) -> usize {
    let terms = planned.branches.iter().flat_map(|b| b.words.iter().flatten());
    terms.map(|t| index.doc_count(t.ordinal) as usize).sum()
}

/// The tables of the clauses of `plan` that pay for theirs (see [`SHARE`] and [`DRIVING`]),
/// within [`MAX_CELLS`]: those that are one word in every branch (no phrase to check by
/// positions) and match much of the collection, in a pass that stands at many documents.
pub fn tables(index: &Index, plan: &[Planned]) -> Vec<Option<Dense>> {
    tables_within(index, plan, MAX_CELLS)
}

fn tables_within(index: &Index, plan: &[Planned], max_cells: usize) -> Vec<Option<Dense>> {
    let sizes: Vec<usize> = plan.iter().map(|p| postings(index, p)).collect();
    let required = plan.iter().zip(&sizes).filter(|(p, _)| !p.clause.negated && !p.stopword);
    let driving = required.map(|(_, &n)| n).min().unwrap_or(usize::MAX);
    let n = index.len() as usize;
    let mut cells = 0;
    plan.iter()
        .zip(sizes)
        .map(|(p, size)| {
            let simple = !p.clause.negated && p.branches.iter().all(|b| b.words.len() == 1);
            let worth = size.saturating_mul(SHARE) >= n && driving.saturating_mul(DRIVING) >= n;
            let table = simple && worth && cells + n <= max_cells;
            cells += usize::from(table) * n;
            table.then(|| Dense::build(index, p))
        })
        .collect()
}

/// Documents matching a clause: counted in its table if it has one; free when it is one term;
/// for words (no phrase) the union of their terms' documents in a bitmap, reading only document
/// numbers; else one cursor pass.
pub fn doc_freq(index: &Index, planned: &Planned, table: Option<&Dense>) -> u32 {
    if let Some(table) = table {
        return table.count();
    }
    let terms = || planned.branches.iter().flat_map(|b| b.words.iter().flatten());
    let mut all = terms();
    if let (Some(term), None) = (all.next(), all.next()) {
        return index.doc_count(term.ordinal);
    }
    if planned.branches.iter().all(|b| b.words.len() == 1) {
        return union(index, terms()).iter().map(|w| w.count_ones()).sum();
    }
    let mut cursor = ClauseCursor::new(index, planned, None);
    let mut n = 0;
    let mut doc = cursor.seek(0);
    while doc != END {
        n += 1;
        doc = cursor.seek(doc + 1);
    }
    n
}

/// The documents of any of `terms`, a bit each, reading only their document numbers.
pub fn union<'t>(index: &Index, terms: impl Iterator<Item = &'t Term>) -> Vec<u64> {
    let mut seen = vec![0u64; (index.len() as usize).div_ceil(64)];
    for term in terms {
        index.cursor(term.ordinal).each_doc(|doc| {
            if let Some(word) = seen.get_mut(doc as usize / 64) {
                *word |= 1 << (doc % 64);
            }
        });
    }
    seen
}

/// The documents whose bits are set in `word`, the `w`-th of a bitmap, in order.
pub fn ones(w: usize, mut word: u64) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        let one = (word != 0).then(|| (w * 64) as u32 + word.trailing_zeros());
        word &= word.wrapping_sub(1);
        one
    })
}

impl Dense {
    pub(super) fn build(index: &Index, planned: &Planned) -> Dense {
        let n = index.len() as usize;
        let (bits, bounds, terms) = (vec![0; n.div_ceil(64)], vec![Bound::default(); n], vec![0; n]);
        let mut dense = Dense { bits, bounds, terms };
        let terms = planned.branches.iter().flat_map(|b| b.words.iter().flatten().map(|t| (t, b.weight)));
        for (i, (term, weight)) in terms.enumerate() {
            index.cursor(term.ordinal).each_entry(|doc, tf| {
                let doc = doc as usize;
                if let (Some(bound), Some(mask)) = (dense.bounds.get_mut(doc), dense.terms.get_mut(doc)) {
                    bound.add(term.weight * weight, tf);
                    *mask |= 1 << i.min(63);
                    dense.bits[doc / 64] |= 1 << (doc % 64);
                }
            });
        }
        dense
    }

    fn count(&self) -> u32 {
        self.bits.iter().map(|w| w.count_ones()).sum()
    }

    /// The first matching document ≥ `target` ([`END`] if none).
    pub fn seek(&self, target: u32) -> u32 {
        let mut i = target as usize / 64;
        let Some(&first) = self.bits.get(i) else { return END };
        let mut word = first & (u64::MAX << (target % 64));
        while word == 0 {
            i += 1;
            word = match self.bits.get(i) {
                Some(&w) => w,
                None => return END,
            };
        }
        (i * 64) as u32 + word.trailing_zeros()
    }

    /// Bits `64 w` to `64 w + 63` (0 past the end).
    pub fn word(&self, w: usize) -> u64 {
        self.bits.get(w).copied().unwrap_or(0)
    }

    /// Whether the clause matches `doc`.
    pub fn contains(&self, doc: u32) -> bool {
        self.word(doc as usize / 64) & 1 << (doc % 64) != 0
    }

    /// The bits of the terms at `doc` (see [`Dense::terms`]).
    pub fn terms(&self, doc: u32) -> u64 {
        self.terms.get(doc as usize).copied().unwrap_or(0)
    }

    /// The bound of a matching document.
    pub fn bound(&self, doc: u32) -> Bound {
        self.bounds.get(doc as usize).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_stay_within_their_room() {
        // Two made-up words in every one of 100 documents: both clauses pay for a table.
        let docs: Vec<Vec<usize>> = (0..100).map(|d| vec![0, 1, 2 + d % 3]).collect();
        let word = |n: usize| ["بتث", "جحخ", "دذر", "زسش", "صضط"][n].to_string();
        let bytes = crate::search::test_corpus::index_of(&docs, word);
        let index = Index::open(&bytes).unwrap();
        let plan = crate::search::plan::plan(&index, "بتث جحخ ", false);
        let tabled = |max| tables_within(&index, &plan, max).iter().filter(|t| t.is_some()).count();
        assert_eq!((tabled(MAX_CELLS), tabled(199), tabled(99)), (2, 1, 0));
    }
}
