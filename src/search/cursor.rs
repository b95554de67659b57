//! Cursors over a planned clause: a word's cursor merges the posting cursors of its terms, a
//! branch's intersects its words (checking that a phrase's words follow each other), a clause's
//! merges its branches. All move forward only, with `seek(doc)`; positions are decoded only when
//! asked for the current document, into buffers the cursors keep and reuse.

use super::dense::Dense;
use super::heapsort;
use super::plan::{Branch, Planned, Term};
use super::rank::{self, FieldHits};
use crate::index::postings::END;
use crate::index::{Cursor, Index};

/// What a clause's BM25F can be at most in one document, known without positions: the best
/// weight of a matching term and the weighted occurrences per field (counted once per term,
/// so a word matched by two terms counts twice: an upper bound).
#[derive(Debug, Clone, Copy, Default)]
pub struct Bound {
    pub best: f32,
    pub title: f32,
    pub body: f32,
    /// Terms (or phrase branches) matching the document: when it is one, the bound is exact.
    pub sources: u32,
}

impl Bound {
    pub fn add(&mut self, weight: f32, (title, body): (u32, u32)) {
        self.best = rank::larger(self.best, weight);
        self.title += weight * title as f32;
        self.body += weight * body as f32;
        self.sources += 1;
    }
}

/// Sorts hits by position and keeps the best weight of each (several terms can match one word).
fn dedup_best(hits: &mut Vec<(u32, f32)>) {
    heapsort::sort_runs_by(hits, &|a, b| a.0 < b.0 || (a.0 == b.0 && a.1 > b.1));
    hits.dedup_by_key(|h| h.0);
}

/// Sorts positions and keeps one of each.
pub fn dedup(positions: &mut Vec<u32>) {
    heapsort::sort_runs_by(positions, &|a, b| a < b);
    positions.dedup();
}

struct WordCursor<'a> {
    terms: Vec<(Cursor<'a>, f32)>,
    /// `(document, term)` of the terms not exhausted, in a heap whose root is the least
    /// document: a seek advances only the terms that stand before its target, so a word
    /// expanded to ninety terms costs per document what its terms there cost, not ninety
    /// comparisons.
    heap: Vec<(u32, u32)>,
    /// The terms at the current document: the top of the heap.
    here: Vec<u32>,
    doc: Option<u32>,
    title: Vec<u32>,
    body: Vec<u32>,
}

/// The order of [`WordCursor::heap`]: the root is the term at the least document.
fn later(a: &(u32, u32), b: &(u32, u32)) -> bool {
    a.0 > b.0
}

impl<'a> WordCursor<'a> {
    fn new(index: &Index<'a>, terms: &[Term]) -> WordCursor<'a> {
        WordCursor {
            terms: terms.iter().map(|t| (index.cursor(t.ordinal), t.weight)).collect(),
            heap: Vec::with_capacity(terms.len()),
            here: Vec::new(),
            doc: None,
            title: Vec::new(),
            body: Vec::new(),
        }
    }

    fn seek(&mut self, target: u32) -> u32 {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return doc;
        }
        let heap = &mut self.heap;
        if self.doc.is_none() {
            for (t, (c, _)) in self.terms.iter_mut().enumerate() {
                let doc = c.seek(target);
                if doc != END {
                    heap.push((doc, t as u32));
                }
            }
            let len = heap.len();
            for i in (0..len / 2).rev() {
                heapsort::sift_down_by(heap, i, len, later);
            }
        }
        while let Some(&(_, t)) = heap.first().filter(|h| h.0 < target) {
            match self.terms[t as usize].0.seek(target) {
                END => {
                    heap.swap_remove(0);
                }
                next => heap[0] = (next, t),
            }
            let len = heap.len();
            heapsort::sift_down_by(heap, 0, len, later);
        }
        let min = heap.first().map_or(END, |h| h.0);
        // The nodes holding the least document are a subtree at the root: gathered breadth
        // first, as heap indices, then named by their terms.
        self.here.clear();
        if min != END {
            self.here.push(0);
        }
        let mut k = 0;
        while let Some(&i) = self.here.get(k) {
            for child in [2 * i + 1, 2 * i + 2] {
                if heap.get(child as usize).is_some_and(|h| h.0 == min) {
                    self.here.push(child);
                }
            }
            k += 1;
        }
        for t in &mut self.here {
            *t = heap[*t as usize].1;
        }
        self.doc = Some(min);
        min
    }

    /// Stands at `doc` with the terms whose bits (from `first` on) are set in `mask`, the last
    /// bit standing for every term from it on, as [`Dense`] notes them; not at `doc` if none of
    /// them is there. The terms move by themselves: a cursor that does this never seeks.
    fn settle(&mut self, doc: u32, first: usize, mask: u64) -> bool {
        self.here.clear();
        for (t, (c, _)) in self.terms.iter_mut().enumerate() {
            if mask & 1 << (first + t).min(63) != 0 && c.seek(doc) == doc {
                self.here.push(t as u32);
            }
        }
        self.doc = Some(doc);
        !self.here.is_empty()
    }

    fn at(&self) -> impl Iterator<Item = &(Cursor<'a>, f32)> {
        self.here.iter().map(|&t| &self.terms[t as usize])
    }

    fn bound(&self, weight: f32, into: &mut Bound) {
        for (c, w) in self.at() {
            into.add(w * weight, c.tf());
        }
    }

    /// Appends the weighted positions of the terms at the current document.
    fn hits(&mut self, weight: f32, into: &mut FieldHits) {
        for &t in &self.here {
            let (c, w) = &mut self.terms[t as usize];
            self.title.clear();
            self.body.clear();
            c.positions(&mut self.title, &mut self.body);
            into.title.extend(self.title.iter().map(|&p| (p, *w * weight)));
            into.body.extend(self.body.iter().map(|&p| (p, *w * weight)));
        }
    }

    /// The positions at the current document of any of the terms, sorted, each once.
    fn positions(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        title.clear();
        body.clear();
        for &t in &self.here {
            self.terms[t as usize].0.positions(title, body);
        }
        dedup(title);
        dedup(body);
    }
}

/// Title and body positions of one word.
type Fields = (Vec<u32>, Vec<u32>);

struct BranchCursor<'a> {
    words: Vec<WordCursor<'a>>,
    weight: f32,
    doc: Option<u32>,
    /// A phrase's start positions in the current document.
    starts: Fields,
    scratch: Vec<Fields>,
}

impl<'a> BranchCursor<'a> {
    fn new(index: &Index<'a>, branch: &Branch) -> BranchCursor<'a> {
        let words: Vec<WordCursor> = branch.words.iter().map(|w| WordCursor::new(index, w)).collect();
        let scratch =
            if words.len() > 1 { words.iter().map(|_| Default::default()).collect() } else { Vec::new() };
        BranchCursor { words, weight: branch.weight, doc: None, starts: Default::default(), scratch }
    }

    fn seek(&mut self, target: u32) -> u32 {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return doc;
        }
        let doc = self.find(target);
        self.doc = Some(doc);
        doc
    }

    fn find(&mut self, mut target: u32) -> u32 {
        loop {
            let Some(first) = self.words.first_mut() else { return END };
            let doc = first.seek(target);
            if doc == END || self.words.len() == 1 {
                return doc;
            }
            let next = self.words[1..].iter_mut().map(|w| w.seek(doc)).max().unwrap_or(doc);
            if next > doc {
                target = next;
            } else if self.follows() {
                return doc;
            } else {
                target = doc + 1;
            }
            if target == END {
                return END;
            }
        }
    }

    /// Whether the phrase's words follow each other in the document they all stand at, keeping
    /// where they start.
    fn follows(&mut self) -> bool {
        for (word, (title, body)) in self.words.iter_mut().zip(&mut self.scratch) {
            word.positions(title, body);
        }
        let scratch = &self.scratch;
        let starts = |field: fn(&Fields) -> &Vec<u32>, out: &mut Vec<u32>| {
            out.clear();
            let Some((first, rest)) = scratch.split_first() else { return };
            out.extend(field(first).iter().copied().filter(|&p| {
                rest.iter().enumerate().all(|(i, w)| field(w).binary_search(&(p + i as u32 + 1)).is_ok())
            }));
        };
        starts(|w| &w.0, &mut self.starts.0);
        starts(|w| &w.1, &mut self.starts.1);
        !self.starts.0.is_empty() || !self.starts.1.is_empty()
    }

    fn is_phrase(&self) -> bool {
        self.words.len() > 1
    }

    fn bound(&self, into: &mut Bound) {
        match self.words.as_slice() {
            [word] => word.bound(self.weight, into),
            _ => into.add(self.weight, (self.starts.0.len() as u32, self.starts.1.len() as u32)),
        }
    }

    fn hits(&mut self, into: &mut FieldHits) {
        if self.is_phrase() {
            into.title.extend(self.starts.0.iter().map(|&p| (p, self.weight)));
            into.body.extend(self.starts.1.iter().map(|&p| (p, self.weight)));
        } else if let Some(word) = self.words.first_mut() {
            word.hits(self.weight, into);
        }
    }

    /// Appends the positions of every word of every match (a phrase's words too).
    fn matched_words(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        let len = self.words.len() as u32;
        if self.is_phrase() {
            title.extend(self.starts.0.iter().flat_map(|&p| p..p + len));
            body.extend(self.starts.1.iter().flat_map(|&p| p..p + len));
        } else if let Some(word) = self.words.first_mut() {
            let (mut t, mut b) = (std::mem::take(&mut word.title), std::mem::take(&mut word.body));
            word.positions(&mut t, &mut b);
            title.extend_from_slice(&t);
            body.extend_from_slice(&b);
            (word.title, word.body) = (t, b);
        }
    }
}

/// The documents a clause matches, in order, with its hits in the current one.
pub struct ClauseCursor<'a> {
    branches: Vec<BranchCursor<'a>>,
    doc: Option<u32>,
    /// When the clause is read term at a time: then its branches stand behind `doc` until
    /// positions are asked for.
    dense: Option<Dense>,
    /// The hits of the current document, after [`ClauseCursor::load_hits`].
    pub hits: FieldHits,
}

impl<'a> ClauseCursor<'a> {
    pub fn new(index: &Index<'a>, planned: &Planned, dense: Option<Dense>) -> ClauseCursor<'a> {
        ClauseCursor {
            branches: planned.branches.iter().map(|b| BranchCursor::new(index, b)).collect(),
            doc: None,
            dense,
            hits: FieldHits::default(),
        }
    }

    /// Moves to the first matching document ≥ `target` and returns it ([`END`] when none).
    pub fn seek(&mut self, target: u32) -> u32 {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return doc;
        }
        let doc = match &self.dense {
            Some(dense) => dense.seek(target),
            None => self.branches.iter_mut().map(|b| b.seek(target)).min().unwrap_or(END),
        };
        self.doc = Some(doc);
        doc
    }

    /// The current document, with the branches there too (a dense cursor leaves them behind,
    /// and moves just the terms its table says are there: every branch is one word).
    fn settled(&mut self) -> Option<u32> {
        let doc = self.current()?;
        if let Some(dense) = &self.dense {
            let (mask, mut first) = (dense.terms(doc), 0);
            for b in &mut self.branches {
                let Some(word) = b.words.first_mut() else { continue };
                b.doc = word.settle(doc, first, mask).then_some(doc);
                first += word.terms.len();
            }
        }
        Some(doc)
    }

    /// The clause's table, when it is read term at a time.
    pub fn table(&self) -> Option<&Dense> {
        self.dense.as_ref()
    }

    /// The table, for a new cursor over the same clause.
    pub fn into_table(self) -> Option<Dense> {
        self.dense
    }

    /// The current document ([`END`] when exhausted or not started).
    pub fn doc(&self) -> u32 {
        self.doc.unwrap_or(END)
    }

    fn current(&self) -> Option<u32> {
        self.doc.filter(|&d| d != END)
    }

    /// The bound of the clause's score input in the current document.
    pub fn bound(&self) -> Bound {
        let mut bound = Bound::default();
        if let Some(doc) = self.current() {
            if let Some(dense) = &self.dense {
                return dense.bound(doc);
            }
            for b in self.branches.iter().filter(|b| b.doc == Some(doc)) {
                b.bound(&mut bound);
            }
        }
        bound
    }

    /// Decodes the weighted hits of the current document into [`ClauseCursor::hits`].
    pub fn load_hits(&mut self) {
        self.hits.title.clear();
        self.hits.body.clear();
        let Some(doc) = self.settled() else { return };
        for b in self.branches.iter_mut().filter(|b| b.doc == Some(doc)) {
            b.hits(&mut self.hits);
        }
        dedup_best(&mut self.hits.title);
        dedup_best(&mut self.hits.body);
    }

    /// Appends the title and body positions of the words the clause matches in the current
    /// document, for highlighting.
    pub fn matched_words(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        let Some(doc) = self.settled() else { return };
        for b in self.branches.iter_mut().filter(|b| b.doc == Some(doc)) {
            b.matched_words(title, body);
        }
    }
}

#[cfg(test)]
#[path = "cursor_tests.rs"]
mod tests;
