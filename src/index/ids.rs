//! The `IDS` section: the document numbers in id order, as u32s, so an id is found by binary
//! search although documents are numbered in collection order. Empty when the two orders agree
//! (a corpus in path order mostly is), which costs nothing.

use super::dict::read_u32;

/// The section for documents with these ids, in document order.
pub fn write(ids: &[&str]) -> Vec<u8> {
    if ids.windows(2).all(|w| w[0] <= w[1]) {
        return Vec::new();
    }
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by_key(|&n| ids[n as usize]);
    order.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// Whether `bytes` is a section for `n_docs` documents: empty, or one number below `n_docs`
/// for each.
pub fn valid(bytes: &[u8], n_docs: u32) -> bool {
    let whole = (n_docs as usize).checked_mul(4) == Some(bytes.len());
    bytes.is_empty() || (whole && bytes.chunks_exact(4).all(|c| read_u32(c, 0).is_some_and(|n| n < n_docs)))
}

/// The number of the `rank`th document in id order.
pub fn at(bytes: &[u8], rank: u32) -> Option<u32> {
    if bytes.is_empty() {
        return Some(rank);
    }
    read_u32(bytes, (rank as usize).checked_mul(4)?)
}
