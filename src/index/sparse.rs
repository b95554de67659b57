//! Which parts of a split index are at hand (see `split`): the postings and the documents come
//! in chunks fetched on demand, and a search over an index with some of them absent reads no
//! garbage. It finds an absent postings list empty and an absent document missing, and notes the
//! chunk it lacked, so the caller can fetch what [`Sparse::take_missing`] names and search again.
//! A search that noted nothing is complete: it read only what was at hand.

use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// The chunks of the sparse sections of one index: postings chunks first, then document
/// fragments, numbered in that order.
#[derive(Debug, Default)]
pub struct Sparse {
    /// Where each postings chunk starts in `POSTINGS` (ascending, the first 0).
    postings: Vec<u32>,
    /// The first document of each fragment (ascending, the first 0).
    fragments: Vec<u32>,
    present: Vec<bool>,
    /// Per chunk, whether a search asked for it while it was absent.
    missing: Vec<AtomicBool>,
}

impl Sparse {
    /// Nothing at hand yet. `postings` and `fragments` must be ascending and start at 0.
    pub fn new(postings: Vec<u32>, fragments: Vec<u32>) -> Sparse {
        let len = postings.len() + fragments.len();
        let missing = (0..len).map(|_| AtomicBool::new(false)).collect();
        Sparse { postings, fragments, present: vec![false; len], missing }
    }

    /// Chunks in all.
    pub fn len(&self) -> usize {
        self.present.len()
    }

    pub fn is_empty(&self) -> bool {
        self.present.is_empty()
    }

    pub fn set_present(&mut self, chunk: usize) {
        if let Some(p) = self.present.get_mut(chunk) {
            *p = true;
        }
    }

    pub fn is_present(&self, chunk: usize) -> bool {
        self.present.get(chunk).copied().unwrap_or(false)
    }

    /// The chunks noted absent since the last call, ascending, each once.
    pub fn take_missing(&self) -> Vec<usize> {
        (0..self.len()).filter(|&c| self.missing[c].swap(false, Relaxed)).collect()
    }

    /// Whether no search has noted an absent chunk since the last [`Sparse::take_missing`].
    pub fn nothing_missing(&self) -> bool {
        !self.missing.iter().any(|m| m.load(Relaxed))
    }

    fn at_hand(&self, chunk: usize) -> bool {
        let present = self.is_present(chunk);
        if let (false, Some(m)) = (present, self.missing.get(chunk)) {
            m.store(true, Relaxed);
        }
        present
    }

    /// Whether the postings at `offset` in `POSTINGS` are at hand; noted if not.
    pub(super) fn postings_at(&self, offset: usize) -> bool {
        let chunk = self.postings.partition_point(|&start| start as usize <= offset).saturating_sub(1);
        self.at_hand(chunk)
    }

    /// Whether document `n`'s title, text and checkpoints are at hand; noted if not.
    pub(super) fn doc(&self, n: u32) -> bool {
        let fragment = self.fragments.partition_point(|&first| first <= n).saturating_sub(1);
        self.at_hand(self.postings.len() + fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_chunks_are_noted_once_and_present_ones_not() {
        let mut s = Sparse::new(vec![0, 100, 250], vec![0, 10]);
        assert_eq!(s.len(), 5);
        s.set_present(1);
        assert!(!s.postings_at(0) && !s.postings_at(99) && s.postings_at(100) && s.postings_at(249));
        assert!(!s.postings_at(10_000));
        assert!(!s.doc(3) && !s.doc(25) && !s.doc(9));
        assert!(!s.nothing_missing());
        assert_eq!(s.take_missing(), vec![0, 2, 3, 4]);
        assert!(s.nothing_missing());
        s.set_present(4);
        assert!(s.doc(10) && s.doc(u32::MAX));
        assert_eq!(s.take_missing(), Vec::<usize>::new());
    }
}
