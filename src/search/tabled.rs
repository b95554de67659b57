//! The pass over clauses that all have tables ([`super::dense`]), when nothing but the score
//! decides which documents are kept. The documents that every required clause matches are
//! found a word of bits at a time, and each is bounded from the tables alone: one that cannot
//! enter the top is only counted. Only those that can are taken through the cursors, as the
//! general pass takes each of them.

use super::super::dense;
use super::super::types::Sort;
use super::{bound_of, Clause, Pass, Role, UNMARKED};

impl Pass<'_, '_> {
    /// Whether [`Pass::run_tabled`] gives what the general pass over every required clause
    /// gives: every clause has a table, none excludes, and no filter, facet, pinned document,
    /// harakat or sort but relevance takes part.
    pub(super) fn tabled(&self, clauses: &[Clause]) -> bool {
        let o = self.options;
        let plain = o.filter.is_empty() && !o.facets && self.pinned.is_empty() && o.sort == Sort::Relevance;
        // A clause's marks are empty when they cannot change the answer (see `clauses`).
        plain
            && clauses
                .iter()
                .all(|c| c.role != Role::Excluded && c.marks.is_empty() && c.cursor.table().is_some())
    }

    /// [`Pass::run`] over the documents every required clause matches, for clauses that
    /// [`Pass::tabled`] accepts.
    pub(super) fn run_tabled(&mut self, clauses: &mut [Clause]) -> (usize, bool) {
        let mut total = 0;
        for w in 0..self.index.len().div_ceil(64) as usize {
            let required = clauses.iter().filter(|c| c.role == Role::Required);
            let bits = required.fold(u64::MAX, |bits, c| bits & c.cursor.table().map_or(0, |t| t.word(w)));
            for doc in dense::ones(w, bits) {
                total += 1;
                let at = clauses.iter().filter_map(|c| {
                    let table = c.cursor.table().filter(|t| t.contains(doc))?;
                    Some((c.weight, c.spans, table.bound(doc)))
                });
                if self.top.admits(UNMARKED, bound_of(at, self.index.lengths(doc), self.averages).0) {
                    self.consider(clauses, doc, 1.0, UNMARKED);
                }
            }
        }
        self.visited = total as u32;
        (total, total == 0)
    }
}
