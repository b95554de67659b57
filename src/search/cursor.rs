//! Cursors over a planned clause: a word's cursor merges the posting cursors of its terms, a
//! branch's intersects its words (checking that a phrase's words follow each other), a clause's
//! merges its branches. All move forward only, with `seek(doc)`; positions are decoded only when
//! asked for the current document, into buffers the cursors keep and reuse.

use super::heapsort;
use super::plan::{Branch, Planned, Term};
use super::rank::FieldHits;
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
    fn add(&mut self, weight: f32, (title, body): (u32, u32)) {
        self.best = self.best.max(weight);
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
    /// The terms' current documents, apart: the merge scans this, not the cursors.
    docs: Vec<u32>,
    doc: Option<u32>,
    title: Vec<u32>,
    body: Vec<u32>,
}

impl<'a> WordCursor<'a> {
    fn new(index: &Index<'a>, terms: &[Term]) -> WordCursor<'a> {
        WordCursor {
            terms: terms.iter().map(|t| (index.cursor(t.ordinal), t.weight)).collect(),
            docs: vec![0; terms.len()],
            doc: None,
            title: Vec::new(),
            body: Vec::new(),
        }
    }

    fn seek(&mut self, target: u32) -> u32 {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return doc;
        }
        let started = self.doc.is_some();
        let mut min = END;
        for ((c, _), d) in self.terms.iter_mut().zip(&mut self.docs) {
            if *d < target || !started {
                *d = c.seek(target);
            }
            min = min.min(*d);
        }
        self.doc = Some(min);
        min
    }

    fn at(&self, doc: u32) -> impl Iterator<Item = &(Cursor<'a>, f32)> {
        self.terms.iter().filter(move |(c, _)| c.doc() == doc)
    }

    fn bound(&self, doc: u32, weight: f32, into: &mut Bound) {
        for (c, w) in self.at(doc) {
            into.add(w * weight, c.tf());
        }
    }

    /// Appends the weighted positions of the terms at `doc`.
    fn hits(&mut self, doc: u32, weight: f32, into: &mut FieldHits) {
        for (c, w) in self.terms.iter_mut().filter(|(c, _)| c.doc() == doc) {
            self.title.clear();
            self.body.clear();
            c.positions(&mut self.title, &mut self.body);
            into.title.extend(self.title.iter().map(|&p| (p, *w * weight)));
            into.body.extend(self.body.iter().map(|&p| (p, *w * weight)));
        }
    }

    /// The positions at `doc` of any of the terms, sorted, each once.
    fn positions(&mut self, doc: u32, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        title.clear();
        body.clear();
        for (c, _) in self.terms.iter_mut().filter(|(c, _)| c.doc() == doc) {
            c.positions(title, body);
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
            } else if self.follows(doc) {
                return doc;
            } else {
                target = doc + 1;
            }
            if target == END {
                return END;
            }
        }
    }

    /// Whether the phrase's words follow each other in `doc`, keeping where they start.
    fn follows(&mut self, doc: u32) -> bool {
        for (word, (title, body)) in self.words.iter_mut().zip(&mut self.scratch) {
            word.positions(doc, title, body);
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

    fn bound(&self, doc: u32, into: &mut Bound) {
        match self.words.as_slice() {
            [word] => word.bound(doc, self.weight, into),
            _ => into.add(self.weight, (self.starts.0.len() as u32, self.starts.1.len() as u32)),
        }
    }

    fn hits(&mut self, doc: u32, into: &mut FieldHits) {
        if self.is_phrase() {
            into.title.extend(self.starts.0.iter().map(|&p| (p, self.weight)));
            into.body.extend(self.starts.1.iter().map(|&p| (p, self.weight)));
        } else if let Some(word) = self.words.first_mut() {
            word.hits(doc, self.weight, into);
        }
    }

    /// Appends the positions of every word of every match (a phrase's words too).
    fn matched_words(&mut self, doc: u32, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        let len = self.words.len() as u32;
        if self.is_phrase() {
            title.extend(self.starts.0.iter().flat_map(|&p| p..p + len));
            body.extend(self.starts.1.iter().flat_map(|&p| p..p + len));
        } else if let Some(word) = self.words.first_mut() {
            let (mut t, mut b) = (std::mem::take(&mut word.title), std::mem::take(&mut word.body));
            word.positions(doc, &mut t, &mut b);
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
    /// The hits of the current document, after [`ClauseCursor::load_hits`].
    pub hits: FieldHits,
}

impl<'a> ClauseCursor<'a> {
    pub fn new(index: &Index<'a>, planned: &Planned) -> ClauseCursor<'a> {
        ClauseCursor {
            branches: planned.branches.iter().map(|b| BranchCursor::new(index, b)).collect(),
            doc: None,
            hits: FieldHits::default(),
        }
    }

    /// Moves to the first matching document ≥ `target` and returns it ([`END`] when none).
    pub fn seek(&mut self, target: u32) -> u32 {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return doc;
        }
        let doc = self.branches.iter_mut().map(|b| b.seek(target)).min().unwrap_or(END);
        self.doc = Some(doc);
        doc
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
            for b in self.branches.iter().filter(|b| b.doc == Some(doc)) {
                b.bound(doc, &mut bound);
            }
        }
        bound
    }

    /// Decodes the weighted hits of the current document into [`ClauseCursor::hits`].
    pub fn load_hits(&mut self) {
        self.hits.title.clear();
        self.hits.body.clear();
        let Some(doc) = self.current() else { return };
        for b in self.branches.iter_mut().filter(|b| b.doc == Some(doc)) {
            b.hits(doc, &mut self.hits);
        }
        dedup_best(&mut self.hits.title);
        dedup_best(&mut self.hits.body);
    }

    /// Appends the title and body positions of the words the clause matches in the current
    /// document, for highlighting.
    pub fn matched_words(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) {
        let Some(doc) = self.current() else { return };
        for b in self.branches.iter_mut().filter(|b| b.doc == Some(doc)) {
            b.matched_words(doc, title, body);
        }
    }
}
