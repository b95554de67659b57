//! The document table: one column per [`field`], each packed with the fewest bytes its values
//! need above the column's smallest value (frame of reference), so a column that is the same
//! for every document (no urls, no dates, ids of one length) costs nothing, and a field of a
//! document is read in constant time.
//!
//! ```text
//! COUNT × (u32 base, u8 width)      width 0..=4 bytes per value
//! then each column: N × width bytes, value = base + the bytes little-endian;
//!   a summed column (LEN, WORDS_LEN) is followed by ⌈N / BLOCK⌉ u32: the sum of its values
//!   before each block of BLOCK documents
//! ```
//!
//! Offsets are not stored, only lengths, which compress far better: where a document's strings
//! or checkpoints start is its block's sum plus the lengths before it in its block. A
//! document's strings are contiguous in `STRINGS`: id, title, text, url, tags; the text's length
//! is what the others leave of `LEN`.

use super::dict::read_u32;

/// The columns of the table, shared by the writer and the reader.
pub mod field {
    /// Bytes of all the document's strings.
    pub const LEN: usize = 0;
    pub const ID_LEN: usize = 1;
    pub const TITLE_LEN: usize = 2;
    /// Bytes of the text before the body (a headline title is not repeated in the body).
    pub const BODY_OFFSET: usize = 3;
    pub const URL_LEN: usize = 4;
    /// Tags joined by newlines.
    pub const TAGS_LEN: usize = 5;
    /// Bytes of the document's word checkpoints in the `WORDS` section.
    pub const WORDS_LEN: usize = 6;
    pub const TITLE_WORDS: usize = 7;
    pub const BODY_WORDS: usize = 8;
    /// `YYYYMMDD` as a number, 0 when the document has none.
    pub const DATE: usize = 9;
    /// Columns in the table.
    pub const COUNT: usize = 10;
}

const HEAD: usize = 5;
/// Documents per block of a summed column.
const BLOCK: usize = 16;

fn summed(column: usize) -> bool {
    column == field::LEN || column == field::WORDS_LEN
}

/// One packed column, borrowed from the index bytes.
#[derive(Debug, Clone, Copy)]
struct Column<'a> {
    base: u32,
    width: usize,
    data: &'a [u8],
    /// For a summed column, the sum before each block.
    sums: &'a [u8],
}

impl Column<'_> {
    fn get(&self, i: usize) -> u32 {
        let at = i * self.width;
        // One load per width: BM25 reads two lengths of every document it scores.
        let packed = match (self.width, self.data.get(at..at + self.width)) {
            (1, Some(&[a])) => a as u32,
            (2, Some(&[a, b])) => u16::from_le_bytes([a, b]) as u32,
            (3, Some(&[a, b, c])) => u32::from_le_bytes([a, b, c, 0]),
            (4, Some(&[a, b, c, d])) => u32::from_le_bytes([a, b, c, d]),
            _ => 0,
        };
        self.base.wrapping_add(packed)
    }
}

/// The opened table.
#[derive(Debug, Clone, Copy)]
pub struct Docs<'a> {
    columns: [Column<'a>; field::COUNT],
}

impl<'a> Docs<'a> {
    pub const EMPTY: Docs<'static> =
        Docs { columns: [Column { base: 0, width: 0, data: &[], sums: &[] }; field::COUNT] };

    /// Opens the table of `n` documents; `None` unless the columns fill `bytes` exactly.
    pub fn open(bytes: &'a [u8], n: u32) -> Option<Docs<'a>> {
        let mut docs = Docs::EMPTY;
        let mut at = HEAD * field::COUNT;
        for (i, column) in docs.columns.iter_mut().enumerate() {
            let width = *bytes.get(HEAD * i + 4)? as usize;
            if width > 4 {
                return None;
            }
            let len = (n as usize).checked_mul(width)?;
            let data = bytes.get(at..at.checked_add(len)?)?;
            at += len;
            let sums_len = if summed(i) { (n as usize).div_ceil(BLOCK) * 4 } else { 0 };
            let sums = bytes.get(at..at.checked_add(sums_len)?)?;
            at += sums_len;
            *column = Column { base: read_u32(bytes, HEAD * i)?, width, data, sums };
        }
        (at == bytes.len()).then_some(docs)
    }

    /// Field `column` of document `n`; the column's base past the end.
    pub fn get(&self, n: u32, column: usize) -> u32 {
        self.columns.get(column).map_or(0, |c| c.get(n as usize))
    }

    /// The sum of summed `column` over the documents before `n`: where document `n`'s strings
    /// ([`field::LEN`]) or checkpoints ([`field::WORDS_LEN`]) start. `None` if it overflows.
    pub fn start(&self, n: u32, column: usize) -> Option<u32> {
        let c = self.columns.get(column)?;
        let block = n as usize / BLOCK;
        let sum = read_u32(c.sums, 4 * block)?;
        (block * BLOCK..n as usize).try_fold(sum, |sum, i| sum.checked_add(c.get(i)))
    }
}

/// Serialises `columns`, N values each.
pub fn write(columns: &[Vec<u32>; field::COUNT]) -> Vec<u8> {
    let mut head = Vec::with_capacity(HEAD * field::COUNT);
    let mut data = Vec::new();
    for (column, values) in columns.iter().enumerate() {
        let base = values.iter().copied().min().unwrap_or(0);
        let span = values.iter().map(|v| v - base).max().unwrap_or(0);
        let width = (32 - span.leading_zeros()).div_ceil(8) as usize;
        head.extend_from_slice(&base.to_le_bytes());
        head.push(width as u8);
        for v in values {
            data.extend_from_slice(&(v - base).to_le_bytes()[..width]);
        }
        if summed(column) {
            let mut sum = 0u32;
            for block in values.chunks(BLOCK) {
                data.extend_from_slice(&sum.to_le_bytes());
                sum = block.iter().fold(sum, |s, &v| s.wrapping_add(v));
            }
        }
    }
    head.extend_from_slice(&data);
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(n: u32, f: impl Fn(usize, u32) -> u32) -> [Vec<u32>; field::COUNT] {
        std::array::from_fn(|c| (0..n).map(|i| f(c, i)).collect())
    }

    #[test]
    fn every_value_and_start_reads_back_at_every_width() {
        let values = |c: usize, i: u32| match c {
            field::LEN => 70_000 + i % 3,
            1 => 7,
            2 => 300 + i,
            3 => u32::MAX - i,
            _ => i * (c as u32),
        };
        let bytes = write(&columns(40, values));
        let docs = Docs::open(&bytes, 40).unwrap();
        for c in 0..field::COUNT {
            for i in 0..40 {
                assert_eq!(docs.get(i, c), values(c, i), "column {c} entry {i}");
            }
        }
        for c in [field::LEN, field::WORDS_LEN] {
            for i in 0..=40 {
                assert_eq!(
                    docs.start(i, c),
                    Some((0..i).map(|j| values(c, j)).sum()),
                    "column {c} start {i}"
                );
            }
        }
        // LEN spans 2 and columns 2 to 6 span 39 to 234: one byte each; 7 to 9 (273 to 351)
        // two; the constant column none; 3 block sums in each of the 2 summed columns.
        assert_eq!(bytes.len(), HEAD * field::COUNT + 6 * 40 + 3 * 80 + 2 * 3 * 4);
    }

    #[test]
    fn tables_of_the_wrong_size_do_not_open() {
        let bytes = write(&columns(3, |c, i| (c as u32 + 1) * 1000 + i));
        assert!(Docs::open(&bytes, 3).is_some());
        assert!(Docs::open(&bytes, 4).is_none());
        assert!(Docs::open(&bytes[..bytes.len() - 1], 3).is_none());
        let mut bad_width = bytes.clone();
        bad_width[4] = 5;
        assert!(Docs::open(&bad_width, 3).is_none());
        assert!(Docs::open(&[], 0).is_none());
    }
}
