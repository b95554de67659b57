//! The best `k` documents of a pass, kept in a bounded heap whose root is the worst of them, so
//! a document whose score bound cannot beat the root is skipped without being scored.

use super::heapsort;

/// A ranked document: by `key` (a date, or 0), then `score`, both descending, then by number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub key: u32,
    pub score: f32,
    pub doc: u32,
}

fn better(a: &Ranked, b: &Ranked) -> bool {
    (a.key, a.score) > (b.key, b.score) || (a.key == b.key && a.score == b.score && a.doc < b.doc)
}

pub struct TopK {
    k: usize,
    /// A heap by [`better`]: the root is the worst kept.
    heap: Vec<Ranked>,
}

impl TopK {
    pub fn new(k: usize) -> TopK {
        // `k` can be huge (any offset): the heap grows to it only with as many matches.
        TopK { k, heap: Vec::with_capacity(k.min(256)) }
    }

    pub fn clear(&mut self) {
        self.heap.clear();
    }

    /// Whether a document numbered above all kept ones, with this key and a score of at most
    /// `bound`, could be kept.
    pub fn admits(&self, key: u32, bound: f32) -> bool {
        if self.heap.len() < self.k {
            return true;
        }
        self.heap.first().is_some_and(|w| (key, bound) > (w.key, w.score))
    }

    /// Keeps `item` if it is among the best `k` so far; returns whether it did.
    pub fn push(&mut self, item: Ranked) -> bool {
        if self.heap.len() < self.k {
            self.heap.push(item);
            let mut i = self.heap.len() - 1;
            while i > 0 && better(&self.heap[(i - 1) / 2], &self.heap[i]) {
                self.heap.swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        } else if self.heap.first().is_some_and(|w| better(&item, w)) {
            self.heap[0] = item;
            let len = self.heap.len();
            heapsort::sift_down(&mut self.heap, 0, len, &better);
        } else {
            return false;
        }
        true
    }

    /// The kept documents, best first.
    pub fn into_sorted(self) -> Vec<Ranked> {
        let mut v = self.heap;
        heapsort::sort_by(&mut v, &better);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(key: u32, score: f32, doc: u32) -> Ranked {
        Ranked { key, score, doc }
    }

    #[test]
    fn keeps_the_best_k_in_order() {
        let mut top = TopK::new(3);
        for (i, s) in [0.5, 2.0, 1.0, 3.0, 0.1, 2.0].into_iter().enumerate() {
            top.push(r(0, s, i as u32));
        }
        let docs: Vec<u32> = top.into_sorted().iter().map(|r| r.doc).collect();
        assert_eq!(docs, [3, 1, 5]);
    }

    #[test]
    fn admits_only_what_could_beat_the_worst() {
        let mut top = TopK::new(2);
        assert!(top.admits(0, 0.0));
        top.push(r(0, 1.0, 0));
        top.push(r(0, 2.0, 1));
        assert!(!top.admits(0, 1.0), "a tie loses to the lower document number");
        assert!(top.admits(0, 1.5));
        assert!(top.admits(1, 0.0), "a higher key wins at any score");
        assert!(!TopK::new(0).admits(9, 9.0));
    }
}
