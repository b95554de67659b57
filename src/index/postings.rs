//! Posting lists, one per term, read by a [`Cursor`] that decodes lazily.
//!
//! A list is `varint byte_length` (so a reader can skip it), `varint doc_count`, `varint
//! docs_length`, then two streams:
//! - documents: per document `varint doc_gap` (the first absolute), `varint title_tf`, `varint
//!   body_tf` — enough to iterate, seek and bound a score without touching positions;
//! - positions: per document its title positions then its body positions, each field's as varint
//!   gaps (the first absolute), numbered from 0 within the field.
//!
//! Positions are decoded only for the documents that need them (a phrase, proximity, a snippet):
//! a cursor skips the positions of the documents it passes by counting varint end bytes.

use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use super::varint;

/// Postings read since the last [`reset_work`]: deterministic counts of the work queries do,
/// which tests bound (timings are too noisy to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    /// Document entries decoded.
    pub docs: usize,
    /// Positions decoded.
    pub positions: usize,
}

static DOCS_READ: AtomicUsize = AtomicUsize::new(0);
static POSITIONS_READ: AtomicUsize = AtomicUsize::new(0);

pub fn work() -> Work {
    Work { docs: DOCS_READ.load(Relaxed), positions: POSITIONS_READ.load(Relaxed) }
}

pub fn reset_work() {
    DOCS_READ.store(0, Relaxed);
    POSITIONS_READ.store(0, Relaxed);
}

/// Appends the list of a term: `(doc, title positions, body positions)` in ascending doc order.
pub fn write(out: &mut Vec<u8>, docs: &[(u32, Vec<u32>, Vec<u32>)]) {
    let mut doc_stream = Vec::with_capacity(docs.len() * 3);
    let mut pos_stream = Vec::new();
    let mut prev_doc = 0;
    for (i, (doc, title, body)) in docs.iter().enumerate() {
        varint::write(&mut doc_stream, if i == 0 { *doc } else { doc - prev_doc });
        prev_doc = *doc;
        varint::write(&mut doc_stream, title.len() as u32);
        varint::write(&mut doc_stream, body.len() as u32);
        for field in [title, body] {
            let mut prev = 0;
            for (j, &p) in field.iter().enumerate() {
                varint::write(&mut pos_stream, if j == 0 { p } else { p - prev });
                prev = p;
            }
        }
    }
    let mut head = Vec::new();
    varint::write(&mut head, docs.len() as u32);
    varint::write(&mut head, doc_stream.len() as u32);
    varint::write(out, (head.len() + doc_stream.len() + pos_stream.len()) as u32);
    out.extend_from_slice(&head);
    out.extend_from_slice(&doc_stream);
    out.extend_from_slice(&pos_stream);
}

/// The byte range of the list at `offset`, and where the next list starts.
pub fn list_at(bytes: &[u8], offset: usize) -> Option<(&[u8], usize)> {
    let mut pos = offset;
    let len = varint::read(bytes, &mut pos)? as usize;
    let end = pos.checked_add(len)?;
    Some((bytes.get(pos..end)?, end))
}

/// No document: where an exhausted cursor stands.
pub const END: u32 = u32::MAX;

/// Reads one posting list. Starts before its first document: call [`Cursor::seek`] (or
/// [`Cursor::next`]). A corrupt list reads as ending early, never as a wrong document order.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    docs: &'a [u8],
    positions: &'a [u8],
    doc_count: u32,
    /// Documents read so far.
    read: u32,
    doc_pos: usize,
    doc: u32,
    title_tf: u32,
    body_tf: u32,
    /// Where the positions of an earlier document start, and how many positions lie between
    /// there and the current document's.
    pos_at: usize,
    pos_skip: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor over the list bytes returned by [`list_at`]; an empty cursor if they are corrupt.
    pub fn new(list: &'a [u8]) -> Cursor<'a> {
        let mut at = 0;
        let head = varint::read(list, &mut at).zip(varint::read(list, &mut at));
        let split = head.and_then(|(_, len)| at.checked_add(len as usize)).filter(|&e| e <= list.len());
        match (head, split) {
            (Some((count, _)), Some(end)) => Cursor::over(count, &list[at..end], &list[end..]),
            _ => Cursor::over(0, &[], &[]),
        }
    }

    fn over(doc_count: u32, docs: &'a [u8], positions: &'a [u8]) -> Cursor<'a> {
        Cursor {
            docs,
            positions,
            doc_count,
            read: 0,
            doc_pos: 0,
            doc: if doc_count == 0 { END } else { 0 },
            title_tf: 0,
            body_tf: 0,
            pos_at: 0,
            pos_skip: 0,
        }
    }

    /// Documents in the list.
    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// The current document, [`END`] when exhausted (0 before the first `advance`).
    pub fn doc(&self) -> u32 {
        self.doc
    }

    /// `(title, body)` occurrences in the current document.
    pub fn tf(&self) -> (u32, u32) {
        (self.title_tf, self.body_tf)
    }

    fn end(&mut self) -> u32 {
        self.doc = END;
        self.read = self.doc_count;
        END
    }

    /// Moves to the next document and returns it.
    pub fn advance(&mut self) -> u32 {
        if self.read >= self.doc_count {
            return self.end();
        }
        let mut at = self.doc_pos;
        let (Some(gap), Some(title), Some(body)) = (
            varint::read(self.docs, &mut at),
            varint::read(self.docs, &mut at),
            varint::read(self.docs, &mut at),
        ) else {
            return self.end();
        };
        let doc = if self.read == 0 { Some(gap) } else { self.doc.checked_add(gap).filter(|_| gap > 0) };
        let Some(doc) = doc.filter(|&d| d != END) else { return self.end() };
        if self.read > 0 {
            self.pos_skip = self.pos_skip.saturating_add(self.title_tf).saturating_add(self.body_tf);
        }
        self.read += 1;
        DOCS_READ.fetch_add(1, Relaxed);
        self.doc_pos = at;
        (self.doc, self.title_tf, self.body_tf) = (doc, title, body);
        doc
    }

    /// Moves to the first document ≥ `target` (staying put if already there) and returns it.
    pub fn seek(&mut self, target: u32) -> u32 {
        if self.read > 0 && self.doc >= target {
            return self.doc;
        }
        while self.advance() < target {}
        self.doc
    }

    /// Appends the current document's title and body positions; returns how many were decoded
    /// (fewer than its frequencies say only if the list is corrupt).
    pub fn positions(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) -> usize {
        if self.read == 0 || self.doc == END {
            return 0;
        }
        while self.pos_skip > 0 && self.pos_at < self.positions.len() {
            if self.positions[self.pos_at] < 0x80 {
                self.pos_skip -= 1;
            }
            self.pos_at += 1;
        }
        let mut at = self.pos_at;
        let mut decoded = 0;
        for (n, out) in [(self.title_tf, title), (self.body_tf, body)] {
            let mut prev = 0u32;
            for i in 0..n {
                let Some(gap) = varint::read(self.positions, &mut at) else { return decoded };
                prev = if i == 0 { gap } else { prev.saturating_add(gap) };
                out.push(prev);
                decoded += 1;
            }
        }
        POSITIONS_READ.fetch_add(decoded, Relaxed);
        decoded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut out = vec![0xAA];
        write(&mut out, &[(3, vec![0], vec![2, 300]), (9, vec![], vec![1]), (70_000, vec![1, 4], vec![])]);
        write(&mut out, &[(0, vec![], vec![0])]);
        out
    }

    #[test]
    fn lists_round_trip_and_can_be_skipped() {
        let out = sample();
        let (first, next) = list_at(&out, 1).unwrap();
        let mut c = Cursor::new(first);
        assert_eq!(c.doc_count(), 3);
        assert_eq!(c.advance(), 3);
        assert_eq!(c.tf(), (1, 2));
        assert_eq!(c.advance(), 9);
        let (mut t, mut b) = (Vec::new(), Vec::new());
        assert_eq!(c.positions(&mut t, &mut b), 1);
        assert_eq!((t.as_slice(), b.as_slice()), (&[][..], &[1][..]));
        assert_eq!(c.advance(), 70_000);
        t.clear();
        c.positions(&mut t, &mut b);
        assert_eq!(t, [1, 4]);
        assert_eq!(c.advance(), END);
        let (second, end) = list_at(&out, next).unwrap();
        assert_eq!(Cursor::new(second).advance(), 0);
        assert_eq!(end, out.len());
    }

    #[test]
    fn seek_skips_positions_it_does_not_decode() {
        let out = sample();
        let mut c = Cursor::new(list_at(&out, 1).unwrap().0);
        assert_eq!(c.seek(10), 70_000);
        assert_eq!(c.seek(5), 70_000, "seek never goes back");
        let (mut t, mut b) = (Vec::new(), Vec::new());
        c.positions(&mut t, &mut b);
        c.positions(&mut t, &mut b);
        assert_eq!(t, [1, 4, 1, 4], "positions can be read twice");
        assert_eq!(c.seek(70_001), END);
    }

    #[test]
    fn truncated_or_corrupt_lists_end_early() {
        let out = sample();
        for cut in 0..out.len() {
            if let Some((list, _)) = list_at(&out[..cut], 1) {
                let mut c = Cursor::new(list);
                let mut last = None;
                while c.advance() != END {
                    assert!(last.is_none_or(|l| c.doc() > l));
                    last = Some(c.doc());
                }
            }
        }
        // A zero gap after the first document would repeat it: the list ends there.
        let mut bad = Vec::new();
        varint::write(&mut bad, 2);
        varint::write(&mut bad, 6);
        bad.extend_from_slice(&[5, 0, 1, 0, 0, 1]);
        let mut c = Cursor::new(&bad);
        assert_eq!((c.advance(), c.advance()), (5, END));
    }
}
