//! Posting lists. Words are numbered across the whole corpus (each document's title, then its
//! body, then the next document), so a term's list is just its positions: no per-document
//! overhead. The document table maps a position back to its document and field.
//!
//! A list is `varint byte_length` then the positions as varint deltas (the first absolute), so a
//! reader can skip a list without decoding it.

use super::varint;

/// A term's positions in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Word positions in the title, ascending.
    pub title: Vec<u32>,
    /// Word positions in the body, ascending.
    pub body: Vec<u32>,
}

/// Appends the list of ascending global `positions`.
pub fn write(out: &mut Vec<u8>, positions: &[u32]) {
    let mut list = Vec::with_capacity(positions.len() * 2);
    let mut prev = 0;
    for &p in positions {
        varint::write(&mut list, p - prev);
        prev = p;
    }
    varint::write(out, list.len() as u32);
    out.extend_from_slice(&list);
}

/// The byte range of the list at `offset`, and where the next list starts.
pub fn list_at(bytes: &[u8], offset: usize) -> Option<(&[u8], usize)> {
    let mut pos = offset;
    let len = varint::read(bytes, &mut pos)? as usize;
    let end = pos.checked_add(len)?;
    Some((bytes.get(pos..end)?, end))
}

/// The global positions of a list; `None` if corrupt.
pub fn positions(list: &[u8]) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(list.len());
    let mut pos = 0;
    let mut prev = 0u32;
    while pos < list.len() {
        let delta = varint::read(list, &mut pos)?;
        if delta == 0 && !out.is_empty() {
            return None;
        }
        prev = prev.checked_add(delta)?;
        out.push(prev);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_and_can_be_skipped() {
        let mut out = vec![0xAA];
        write(&mut out, &[3, 5, 300, 70_000]);
        write(&mut out, &[0]);
        let (first, next) = list_at(&out, 1).unwrap();
        assert_eq!(positions(first), Some(vec![3, 5, 300, 70_000]));
        let (second, end) = list_at(&out, next).unwrap();
        assert_eq!(positions(second), Some(vec![0]));
        assert_eq!(end, out.len());
    }

    #[test]
    fn truncated_or_corrupt_lists_are_none() {
        let mut out = Vec::new();
        write(&mut out, &[3, 5, 300]);
        for cut in 0..out.len() {
            assert!(list_at(&out[..cut], 0).is_none(), "cut at {cut}");
        }
        assert_eq!(positions(&[0x80]), None);
        assert_eq!(positions(&[1, 0]), None);
    }
}
