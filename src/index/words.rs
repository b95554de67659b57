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

/// For body words `first..=last` of the document whose checkpoints are at `at`: the last
/// checkpoint at or before `first` (`(word index, byte offset in the body)`) and the byte offset
/// of the first checkpoint after `last`, if any — the slice of the body to analyse. Unreadable
/// checkpoints give the whole body, a correct and slower answer.
pub fn span(bytes: &[u8], at: usize, first: u32, last: u32) -> ((u32, usize), Option<usize>) {
    let mut pos = at;
    let mut start = (0u32, 0usize);
    let Some(count) = varint::read(bytes, &mut pos) else { return (start, None) };
    let (mut w, mut b) = (0u32, 0usize);
    for _ in 0..count {
        let (Some(dw), Some(db)) = (varint::read(bytes, &mut pos), varint::read(bytes, &mut pos)) else {
            return ((0, 0), None);
        };
        w = w.saturating_add(dw);
        b = b.saturating_add(db as usize);
        if w > last {
            return (start, Some(b));
        }
        if w <= first {
            start = (w, b);
        }
    }
    (start, None)
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
    fn finds_the_checkpoint_before_a_word() {
        let starts: Vec<usize> = (0..100).map(|i| i * 5).collect();
        let mut out = vec![0xFF];
        write(&mut out, &starts);
        assert!(valid(&out, 1));
        assert_eq!(span(&out, 1, 0, 10), ((0, 0), Some(160)));
        assert_eq!(span(&out, 1, 31, 40), ((0, 0), Some(320)));
        assert_eq!(span(&out, 1, 32, 32), ((32, 160), Some(320)));
        assert_eq!(span(&out, 1, 97, 99), ((96, 480), None));
    }

    #[test]
    fn a_checkpoint_never_splits_a_shared_source_range() {
        let mut starts: Vec<usize> = (0..40).collect();
        starts[32] = starts[31];
        starts[33] = starts[31];
        let mut out = Vec::new();
        write(&mut out, &starts);
        assert_eq!(span(&out, 0, 39, 39), ((34, 34), None));
        assert_eq!(span(&out, 0, 33, 33), ((0, 0), Some(34)));
    }

    #[test]
    fn unreadable_checkpoints_fall_back_to_the_start() {
        assert_eq!(span(&[], 0, 50, 60), ((0, 0), None));
        assert!(!valid(&[3, 1], 0));
    }
}
