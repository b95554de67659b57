//! Word checkpoints: where every [`EVERY`]th body word of a document starts, so a snippet is cut
//! by analysing at most `EVERY` words before its window instead of the whole body.
//!
//! Per document: `varint count`, then `count` pairs `varint word_gap, varint byte_gap` (gaps
//! from the previous checkpoint; the implicit first one is word 0 at byte 0 of the body). A
//! checkpoint is a word that starts after the previous word does: several words can share one
//! source range (a ligature such as ﷺ folds to four words), and analysis restarted inside that
//! range would not see them all.

use super::varint;

/// Words between checkpoints.
pub const EVERY: usize = 32;

/// Appends the checkpoints of a body whose words start at `starts` (byte offsets, ascending).
pub fn write(out: &mut Vec<u8>, starts: &[usize]) {
    let mut points = Vec::new();
    let mut next = EVERY;
    while next < starts.len() {
        match (next..starts.len()).find(|&i| starts[i] > starts[i - 1]) {
            Some(i) => {
                points.push((i, starts[i]));
                next = i + EVERY;
            }
            None => break,
        }
    }
    varint::write(out, points.len() as u32);
    let (mut word, mut byte) = (0, 0);
    for (w, b) in points {
        varint::write(out, (w - word) as u32);
        varint::write(out, (b - byte) as u32);
        (word, byte) = (w, b);
    }
}

/// A walk forward through one document's checkpoints, so the slices of many runs of words
/// cost one pass over them, not one pass each.
#[derive(Debug, Clone)]
pub struct Walk<'a> {
    bytes: &'a [u8],
    pos: usize,
    left: u32,
    /// The last checkpoint passed (the implicit word 0 at byte 0 to begin with).
    at: (u32, usize),
    /// The next checkpoint, if any.
    next: Option<(u32, usize)>,
    broken: bool,
}

impl<'a> Walk<'a> {
    /// The walk over the checkpoints at `at` in `bytes` (the `WORDS` section).
    pub fn new(bytes: &'a [u8], at: usize) -> Walk<'a> {
        let mut pos = at;
        let count = varint::read(bytes, &mut pos);
        let mut walk = Walk {
            bytes,
            pos,
            left: count.unwrap_or(0),
            at: (0, 0),
            next: Some((0, 0)),
            broken: count.is_none(),
        };
        walk.step();
        walk
    }

    fn step(&mut self) {
        let Some((w, b)) = self.next else { return };
        self.next = None;
        if self.left == 0 || self.broken {
            return;
        }
        self.left -= 1;
        let (dw, db) = (varint::read(self.bytes, &mut self.pos), varint::read(self.bytes, &mut self.pos));
        match (dw, db) {
            (Some(dw), Some(db)) => self.next = Some((w.saturating_add(dw), b.saturating_add(db as usize))),
            _ => self.broken = true,
        }
    }

    /// For body words `first..=last`: the last checkpoint at or before `first` (`(word index,
    /// byte offset in the body)`) and the byte offset of the first checkpoint after `last`, if
    /// any — the slice of the body to analyse. Calls must ask for later words each time.
    /// Unreadable checkpoints give the whole body, a correct and slower answer.
    fn span(&mut self, first: u32, last: u32) -> ((u32, usize), Option<usize>) {
        while let Some(next) = self.next.filter(|n| n.0 <= first) {
            self.at = next;
            self.step();
        }
        let start = self.at;
        while let Some(next) = self.next.filter(|n| n.0 <= last) {
            self.at = next;
            self.step();
        }
        match self.broken {
            true => ((0, 0), None),
            false => (start, self.next.map(|n| n.1)),
        }
    }

    /// The slice of `body` (the body these checkpoints are of) that holds body words
    /// `first..=last`, cut at checkpoints: the number of its first word and its byte range.
    pub fn body_slice(&mut self, body: &str, first: u32, last: u32) -> (u32, std::ops::Range<usize>) {
        let ((word, start), end) = self.span(first, last);
        let end = end.filter(|&e| e <= body.len() && body.is_char_boundary(e)).unwrap_or(body.len());
        match body.is_char_boundary(start) && start <= end {
            true => (word, start..end),
            false => (0, 0..body.len()),
        }
    }
}

/// Whether the checkpoints at `at` can be read.
pub fn valid(bytes: &[u8], at: usize) -> bool {
    let mut pos = at;
    let Some(count) = varint::read(bytes, &mut pos) else { return false };
    (0..2 * count).all(|_| varint::read(bytes, &mut pos).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_walk_cuts_the_slices_fresh_walks_do() {
        let starts: Vec<usize> = (0..300).map(|i| i * 5).collect();
        let mut out = Vec::new();
        write(&mut out, &starts);
        let mut walk = Walk::new(&out, 0);
        for first in (0..300).step_by(7) {
            assert_eq!(walk.span(first, first + 3), Walk::new(&out, 0).span(first, first + 3), "{first}");
        }
    }

    #[test]
    fn finds_the_checkpoint_before_a_word() {
        let starts: Vec<usize> = (0..100).map(|i| i * 5).collect();
        let mut out = vec![0xFF];
        write(&mut out, &starts);
        assert!(valid(&out, 1));
        assert_eq!(Walk::new(&out, 1).span(0, 10), ((0, 0), Some(160)));
        assert_eq!(Walk::new(&out, 1).span(31, 40), ((0, 0), Some(320)));
        assert_eq!(Walk::new(&out, 1).span(32, 32), ((32, 160), Some(320)));
        assert_eq!(Walk::new(&out, 1).span(97, 99), ((96, 480), None));
    }

    #[test]
    fn a_checkpoint_never_splits_a_shared_source_range() {
        let mut starts: Vec<usize> = (0..40).collect();
        starts[32] = starts[31];
        starts[33] = starts[31];
        let mut out = Vec::new();
        write(&mut out, &starts);
        assert_eq!(Walk::new(&out, 0).span(39, 39), ((34, 34), None));
        assert_eq!(Walk::new(&out, 0).span(33, 33), ((0, 0), Some(34)));
    }

    #[test]
    fn unreadable_checkpoints_fall_back_to_the_start() {
        assert_eq!(Walk::new(&[], 0).span(50, 60), ((0, 0), None));
        assert!(!valid(&[3, 1], 0));
    }
}
