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

/// Buffers [`at`] reuses from document to document: a pass notes the matches of every document
/// that enters its top (tens of them), and growing fresh vectors cost four or five allocations
/// each.
#[derive(Debug, Default)]
pub struct Scratch {
    title: Vec<u32>,
    body: Vec<u32>,
    tagged: Vec<(u32, u32)>,
}

/// The matches in `doc` of the `clauses` (each with its number in the plan) that stand there.
pub fn at<'c, 'a: 'c>(
    clauses: impl Iterator<Item = (usize, &'c mut ClauseCursor<'a>)>,
    doc: u32,
    scratch: &mut Scratch,
) -> Matches {
    let Scratch { title, body, tagged } = scratch;
    title.clear();
    tagged.clear();
    for (i, c) in clauses {
        if c.doc() != doc {
            continue;
        }
        body.clear();
        c.matched_words(title, body);
        tagged.extend(body.iter().map(|&p| (p, 1u32 << (i as u32 % 32))));
    }
    cursor::dedup(title);
    heapsort::sort_runs_by(tagged, &|a, b| a.0 < b.0);
    tagged.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    Matches { title: title.to_vec(), body: tagged.to_vec() }
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
    let mut scratch = Scratch::default();
    docs.iter()
        .map(|&doc| {
            for (_, c) in &mut cursors {
                c.seek(doc);
            }
            at(cursors.iter_mut().map(|(i, c)| (*i, c)), doc, &mut scratch)
        })
        .collect()
}
