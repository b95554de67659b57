//! Posting lists, one per term, read by a [`Cursor`] that decodes lazily.
//!
//! The lists of the terms of one dictionary block (up to [`BLOCK_LEN`] consecutive terms) are
//! stored together, each kind of number with its kind, because brotli compresses a run of doc
//! gaps, a run of frequencies and a run of positions far better than the three interleaved
//! (Quran: 185 KB → 166 KB):
//!
//! ```text
//! per term:  varint doc_count, varint gaps_len, varint freqs_len, varint positions_len
//! then per term its gaps, then per term its freqs, then per term its positions
//! ```
//! - gaps: per document `varint doc_gap` (the first absolute);
//! - freqs: per document `varint body_tf << 1 | (title_tf > 0)`, then `varint title_tf` if
//!   it is not 0 — enough to iterate, seek and bound a score without touching positions;
//! - positions: per document its title positions then its body positions, each field's as
//!   varint gaps (the first absolute), numbered from 0 within the field.
//!
//! Positions are decoded only for the documents that need them (a phrase, proximity, a snippet):
//! a cursor skips the positions of the documents it passes by counting varint end bytes.

use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use super::dict::BLOCK_LEN;
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

/// A term's postings as the writer takes them: `(doc, title positions, body positions)` in
/// ascending doc order.
pub type List = [(u32, Vec<u32>, Vec<u32>)];

/// Appends the lists of the terms of one dictionary block.
pub fn write_block(out: &mut Vec<u8>, lists: &[&List]) {
    let mut streams = [Vec::new(), Vec::new(), Vec::new()];
    let mut head = Vec::new();
    for list in lists {
        let before = streams.each_ref().map(Vec::len);
        let [gaps, freqs, positions] = &mut streams;
        let mut prev_doc = 0;
        for (i, (doc, title, body)) in list.iter().enumerate() {
            varint::write(gaps, if i == 0 { *doc } else { doc - prev_doc });
            prev_doc = *doc;
            varint::write(freqs, (body.len() as u32) << 1 | !title.is_empty() as u32);
            if !title.is_empty() {
                varint::write(freqs, title.len() as u32);
            }
            for field in [title, body] {
                let mut prev = 0;
                for (j, &p) in field.iter().enumerate() {
                    varint::write(positions, if j == 0 { p } else { p - prev });
                    prev = p;
                }
            }
        }
        varint::write(&mut head, list.len() as u32);
        for (stream, before) in streams.iter().zip(before) {
            varint::write(&mut head, (stream.len() - before) as u32);
        }
    }
    out.extend_from_slice(&head);
    for stream in streams {
        out.extend_from_slice(&stream);
    }
}

/// One term's head in a block: its number of documents and the lengths of its three streams.
fn read_head(bytes: &[u8], at: &mut usize) -> Option<(u32, [usize; 3])> {
    let doc_count = varint::read(bytes, at)?;
    let mut lens = [0; 3];
    for len in &mut lens {
        *len = varint::read(bytes, at)? as usize;
    }
    Some((doc_count, lens))
}

/// The number of documents of term `k` of the block stored at `offset`, reading only the heads
/// up to its own; 0 if the block is corrupt.
pub fn doc_count_in_block(bytes: &[u8], offset: usize, k: usize) -> u32 {
    let mut at = offset;
    (0..=k).try_fold(0, |_, _| read_head(bytes, &mut at).map(|(doc_count, _)| doc_count)).unwrap_or(0)
}

/// The cursor of term `k` of the block of `count` terms stored at `offset`; `None` if the block
/// is corrupt.
pub fn cursor_in_block(bytes: &[u8], offset: usize, count: usize, k: usize) -> Option<Cursor<'_>> {
    if k >= count || count > BLOCK_LEN {
        return None;
    }
    // One pass over the heads: the streams' lengths before term k's, k's own, and the totals
    // (each stream follows all heads and the streams before it).
    let (mut at, mut before, mut total, mut own) = (offset, [0usize; 3], [0usize; 3], (0, [0; 3]));
    for i in 0..count {
        let head = read_head(bytes, &mut at)?;
        if i == k {
            own = head;
        }
        for (s, &len) in head.1.iter().enumerate() {
            if i < k {
                before[s] += len;
            }
            total[s] = total[s].checked_add(len)?;
        }
    }
    let mut stream_at = at;
    let mut slices = [&bytes[..0]; 3];
    for (s, slice) in slices.iter_mut().enumerate() {
        let from = stream_at.checked_add(before[s])?;
        *slice = bytes.get(from..from.checked_add(own.1[s])?)?;
        stream_at = stream_at.checked_add(total[s])?;
    }
    let [gaps, freqs, positions] = slices;
    Some(Cursor::over(own.0, gaps, freqs, positions))
}

/// No document: where an exhausted cursor stands.
pub const END: u32 = u32::MAX;

/// The document `gap` after `prev`, `read` documents into a list (the first gap is the
/// document itself); `None` where the list is corrupt: a zero gap after the first, an overflow,
/// or [`END`].
fn next_doc(read: u32, prev: u32, gap: u32) -> Option<u32> {
    let doc = if read == 0 { Some(gap) } else { prev.checked_add(gap).filter(|_| gap > 0) };
    doc.filter(|&d| d != END)
}

/// Reads one posting list. Starts before its first document: call [`Cursor::seek`] (or
/// [`Cursor::advance`]). A corrupt list reads as ending early, never as a wrong document order.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    gaps: &'a [u8],
    freqs: &'a [u8],
    positions: &'a [u8],
    doc_count: u32,
    /// Documents read so far.
    read: u32,
    gaps_at: usize,
    freqs_at: usize,
    doc: u32,
    title_tf: u32,
    body_tf: u32,
    /// Where the positions of an earlier document start, and how many positions lie between
    /// there and the current document's.
    pos_at: usize,
    pos_skip: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor over no documents.
    pub const EMPTY: Cursor<'static> = Cursor::over(0, &[], &[], &[]);

    const fn over(doc_count: u32, gaps: &'a [u8], freqs: &'a [u8], positions: &'a [u8]) -> Cursor<'a> {
        Cursor {
            gaps,
            freqs,
            positions,
            doc_count,
            read: 0,
            gaps_at: 0,
            freqs_at: 0,
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
        self.forward(0)
    }

    /// The entry after document `doc`, the `read`-th, whose gap and frequencies are read at
    /// `gaps_at` and `freqs_at` (moved past them): its document and `(title, body)`
    /// frequencies; `None` at the end of the list or a corrupt entry.
    #[inline(always)]
    fn entry(
        &self,
        read: u32,
        doc: u32,
        gaps_at: &mut usize,
        freqs_at: &mut usize,
    ) -> Option<(u32, u32, u32)> {
        if read >= self.doc_count {
            return None;
        }
        let gap = varint::read(self.gaps, gaps_at)?;
        let code = varint::read(self.freqs, freqs_at)?;
        let title = match code & 1 {
            0 => 0,
            _ => varint::read(self.freqs, freqs_at).filter(|&tf| tf > 0)?,
        };
        Some((next_doc(read, doc, gap)?, title, code >> 1))
    }

    /// Calls `f` with each document of the list from its first, reading only the document
    /// numbers (counting a clause's documents needs no frequencies), wherever the cursor stands.
    /// Ends where the gaps do; on a list whose frequencies are corrupt it can see documents
    /// `advance` would not.
    pub fn each_doc(&self, mut f: impl FnMut(u32)) {
        let (mut at, mut doc, mut read) = (0, 0u32, 0u32);
        while read < self.doc_count {
            let Some(gap) = varint::read(self.gaps, &mut at) else { break };
            let Some(next) = next_doc(read, doc, gap) else { break };
            (doc, read) = (next, read + 1);
            f(doc);
        }
        DOCS_READ.fetch_add(read as usize, Relaxed);
    }

    /// Calls `f` with each document of the list from its first and its `(title, body)`
    /// frequencies, wherever the cursor stands: [`Cursor::advance`] to the end, without keeping
    /// the place.
    pub fn each_entry(&self, mut f: impl FnMut(u32, (u32, u32))) {
        let (mut gaps_at, mut freqs_at, mut doc, mut read) = (0, 0, 0u32, 0u32);
        while let Some((next, title, body)) = self.entry(read, doc, &mut gaps_at, &mut freqs_at) {
            (doc, read) = (next, read + 1);
            f(doc, (title, body));
        }
        DOCS_READ.fetch_add(read as usize, Relaxed);
    }

    /// Moves to the first document ≥ `target` (staying put if already there) and returns it.
    pub fn seek(&mut self, target: u32) -> u32 {
        if self.read > 0 && self.doc >= target {
            return self.doc;
        }
        self.forward(target)
    }

    /// Moves to the first document ≥ `target` after the current one and returns it.
    fn forward(&mut self, target: u32) -> u32 {
        // The documents passed on the way are read into locals, stored once at the end.
        let (mut read, mut doc, mut gaps_at, mut freqs_at) =
            (self.read, self.doc, self.gaps_at, self.freqs_at);
        let (mut title, mut body, mut skip) = (self.title_tf, self.body_tf, self.pos_skip);
        let found = loop {
            let Some((next, t, b)) = self.entry(read, doc, &mut gaps_at, &mut freqs_at) else { break false };
            if read > 0 {
                // The positions of the document left behind lie before the next one's.
                skip = skip.saturating_add(title).saturating_add(body);
            }
            (read, doc, title, body) = (read + 1, next, t, b);
            if doc >= target {
                break true;
            }
        };
        DOCS_READ.fetch_add((read - self.read) as usize, Relaxed);
        if !found {
            return self.end();
        }
        (self.read, self.doc, self.gaps_at, self.freqs_at) = (read, doc, gaps_at, freqs_at);
        (self.title_tf, self.body_tf, self.pos_skip) = (title, body, skip);
        doc
    }

    /// Appends the current document's title and body positions; returns how many were decoded
    /// (fewer than its frequencies say only if the list is corrupt).
    pub fn positions(&mut self, title: &mut Vec<u32>, body: &mut Vec<u32>) -> usize {
        if self.read == 0 || self.doc == END {
            return 0;
        }
        // Eight bytes at a time while they cannot hold more varint ends than are left to skip.
        while self.pos_skip >= 8 {
            let at = self.pos_at;
            let Some(bytes) = self.positions.get(at..at + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) else {
                break;
            };
            self.pos_skip -= (!u64::from_le_bytes(bytes) & 0x8080_8080_8080_8080).count_ones();
            self.pos_at += 8;
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
        let first: &List = &[(3, vec![0], vec![2, 300]), (9, vec![], vec![1]), (70_000, vec![1, 4], vec![])];
        let mut out = vec![0xAA];
        write_block(&mut out, &[first, &[(0, vec![], vec![0])]]);
        out
    }

    #[test]
    fn lists_round_trip() {
        let out = sample();
        let mut c = cursor_in_block(&out, 1, 2, 0).unwrap();
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
        let mut second = cursor_in_block(&out, 1, 2, 1).unwrap();
        assert_eq!((second.advance(), second.tf()), (0, (0, 1)));
        second.positions(&mut t, &mut b);
        assert_eq!(b, [1, 0]);
        assert_eq!(second.advance(), END);
        assert!(cursor_in_block(&out, 1, 2, 2).is_none());
    }

    #[test]
    fn seek_skips_positions_it_does_not_decode() {
        let out = sample();
        let mut c = cursor_in_block(&out, 1, 2, 0).unwrap();
        assert_eq!(c.seek(10), 70_000);
        assert_eq!(c.seek(5), 70_000, "seek never goes back");
        let (mut t, mut b) = (Vec::new(), Vec::new());
        c.positions(&mut t, &mut b);
        c.positions(&mut t, &mut b);
        assert_eq!(t, [1, 4, 1, 4], "positions can be read twice");
        assert_eq!(c.seek(70_001), END);
    }

    #[test]
    fn long_skips_land_on_the_positions_of_the_document_sought() {
        // Documents with up to 40 positions each, some of them gaps of two or three bytes.
        let list: Vec<(u32, Vec<u32>, Vec<u32>)> = (0..200u32)
            .map(|d| {
                let gaps = (0..d % 41).map(|i| (1 + d % 7) * [1, 150, 20_000][(i % 3) as usize]);
                let body = gaps.scan(0, |p, gap| Some(std::mem::replace(p, *p + gap))).collect();
                (d * 3, if d % 5 == 0 { vec![d % 4] } else { vec![] }, body)
            })
            .collect();
        let mut out = Vec::new();
        write_block(&mut out, &[&list]);
        for stride in [1, 2, 7, 31] {
            let mut c = cursor_in_block(&out, 0, 1, 0).unwrap();
            for (doc, title, body) in list.iter().step_by(stride) {
                assert_eq!(c.seek(*doc), *doc);
                let (mut t, mut b) = (Vec::new(), Vec::new());
                c.positions(&mut t, &mut b);
                assert_eq!((&t, &b), (title, body), "document {doc}, every {stride}th read");
            }
        }
    }

    #[test]
    fn each_doc_reads_the_documents_advance_does() {
        let out = sample();
        for k in 0..2 {
            let mut c = cursor_in_block(&out, 1, 2, k).unwrap();
            c.advance();
            let mut seen = Vec::new();
            c.each_doc(|d| seen.push(d));
            let mut fresh = cursor_in_block(&out, 1, 2, k).unwrap();
            let walked: Vec<u32> =
                std::iter::from_fn(|| Some(fresh.advance()).filter(|&d| d != END)).collect();
            assert_eq!(seen, walked);
        }
    }

    #[test]
    fn truncated_or_corrupt_lists_end_early() {
        let out = sample();
        for cut in 0..out.len() {
            for k in 0..2 {
                if let Some(mut c) = cursor_in_block(&out[..cut], 1, 2, k) {
                    let mut docs = Vec::new();
                    c.each_doc(|d| docs.push(d));
                    assert!(docs.windows(2).all(|w| w[0] < w[1]));
                    let mut last = None;
                    while c.advance() != END {
                        assert!(last.is_none_or(|l| c.doc() > l));
                        last = Some(c.doc());
                    }
                }
            }
        }
        // A zero gap after the first document would repeat it: the list ends there.
        let mut bad = Vec::new();
        for v in [2, 2, 2, 0, 5, 0, 2, 2] {
            varint::write(&mut bad, v);
        }
        let mut c = cursor_in_block(&bad, 0, 1, 0).unwrap();
        let mut docs = Vec::new();
        c.each_doc(|d| docs.push(d));
        assert_eq!(docs, [5]);
        assert_eq!((c.advance(), c.advance()), (5, END));
    }
}
