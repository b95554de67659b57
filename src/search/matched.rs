//! Where a query matched a document, for its highlights and snippet: the matched words of each
//! positive clause. The pass notes them for each document it keeps in its top ([`eval`]), its
//! cursors standing there; other documents (those a reference query pins, `get`'s) run the
//! plan's cursors to them.
//!
//! [`eval`]: super::eval

use super::cursor::{self, ClauseCursor};
use super::heapsort;
use super::plan::Planned;
use crate::index::Index;

/// Where the query matched one document: title positions, and body positions each with the bit
/// of its clause (sorted by position, one entry a position).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Matches {
    pub title: Vec<u32>,
    pub body: Vec<(u32, u32)>,
}

/// The matches in `doc` of the `clauses` (each with its number in the plan) that stand there.
pub fn at<'c, 'a: 'c>(clauses: impl Iterator<Item = (usize, &'c mut ClauseCursor<'a>)>, doc: u32) -> Matches {
    let mut m = Matches::default();
    let mut body = Vec::new();
    for (i, c) in clauses {
        if c.doc() != doc {
            continue;
        }
        body.clear();
        c.matched_words(&mut m.title, &mut body);
        m.body.extend(body.iter().map(|&p| (p, 1u32 << (i as u32 % 32))));
    }
    cursor::dedup(&mut m.title);
    heapsort::sort_runs_by(&mut m.body, &|a, b| a.0 < b.0);
    m.body.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    m
}

/// Matches of the positive clauses of `plan` in each of `docs` (ascending), in that order.
pub fn matches(index: &Index, plan: &[Planned], docs: &[u32]) -> Vec<Matches> {
    if docs.is_empty() {
        return Vec::new();
    }
    let mut cursors: Vec<(usize, ClauseCursor)> = plan
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.clause.negated)
        .map(|(i, p)| (i, ClauseCursor::new(index, p, None)))
        .collect();
    docs.iter()
        .map(|&doc| {
            for (_, c) in &mut cursors {
                c.seek(doc);
            }
            at(cursors.iter_mut().map(|(i, c)| (*i, c)), doc)
        })
        .collect()
}
