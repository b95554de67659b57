//! The `REFS` and `REF_DOCS` sections: each reference key (`analysis::refs`) with the documents
//! that give it, for a query typed as a reference.
//!
//! `REFS` is a front-coded [`dict`] of the keys; each block's value is the offset in `REF_DOCS`
//! of its first key's list. `REF_DOCS` holds one list per key, in key order: a varint count,
//! then the documents ascending as varints, the first as is and each next one as its gap from
//! the one before (never 0). A reference names few documents (a verse: one; a surah: its
//! verses), so a block's lists are read through from its start.

use std::collections::BTreeMap;

use super::{dict, varint};
use dict::Dict;

/// Each key with its documents, ascending and unique.
pub type Lists = BTreeMap<String, Vec<u32>>;

/// Records the keys of document `doc`'s references; documents come in ascending order.
pub fn add(lists: &mut Lists, doc: u32, refs: &[String]) {
    for key in refs.iter().flat_map(|r| crate::analysis::refs::keys(r)) {
        let docs = lists.entry(key).or_default();
        if docs.last() != Some(&doc) {
            docs.push(doc);
        }
    }
}

/// The `REFS` and `REF_DOCS` sections.
pub fn write(lists: &Lists) -> (Vec<u8>, Vec<u8>) {
    let (mut bytes, mut offsets) = (Vec::new(), Vec::new());
    for (i, docs) in lists.values().enumerate() {
        if i % dict::BLOCK_LEN == 0 {
            offsets.push(bytes.len() as u32);
        }
        varint::write(&mut bytes, docs.len() as u32);
        let mut previous = 0;
        for &doc in docs {
            varint::write(&mut bytes, doc - previous);
            previous = doc;
        }
    }
    let keys: Vec<String> = lists.keys().cloned().collect();
    (dict::write(&keys, |i| offsets[i / dict::BLOCK_LEN]), bytes)
}

/// The opened sections.
#[derive(Debug, Clone, Copy)]
pub struct Refs<'a> {
    pub(super) keys: Dict<'a>,
    pub(super) docs: &'a [u8],
    /// Documents in the index: a list never yields one at or past it.
    pub(super) n_docs: u32,
}

impl<'a> Refs<'a> {
    pub const EMPTY: Refs<'static> = Refs { keys: Dict::EMPTY, docs: &[], n_docs: 0 };

    /// Whether no document gives a reference.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The documents of `key`, ascending; none for an unknown key or unreadable bytes.
    pub fn docs(&self, key: &str) -> Docs<'a> {
        let found = self.keys.get(key.as_bytes()).and_then(|ordinal| {
            let block = ordinal / dict::BLOCK_LEN as u32;
            let mut pos = self.keys.block_value(block)? as usize;
            for _ in block * dict::BLOCK_LEN as u32..ordinal {
                let count = varint::read(self.docs, &mut pos)?;
                for _ in 0..count {
                    varint::read(self.docs, &mut pos)?;
                }
            }
            let left = varint::read(self.docs, &mut pos)?;
            Some(Docs { bytes: self.docs, pos, left, doc: None, n_docs: self.n_docs })
        });
        found.unwrap_or(Docs { bytes: &[], pos: 0, left: 0, doc: None, n_docs: 0 })
    }
}

/// The documents of one key, ascending. Stops at bytes that do not decode to a strictly
/// ascending document of the index.
#[derive(Debug, Clone)]
pub struct Docs<'a> {
    bytes: &'a [u8],
    pos: usize,
    left: u32,
    doc: Option<u32>,
    n_docs: u32,
}

impl Iterator for Docs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        self.left = self.left.checked_sub(1)?;
        let gap = varint::read(self.bytes, &mut self.pos);
        let doc = match (self.doc, gap) {
            (None, Some(first)) => Some(first),
            (Some(previous), Some(gap)) if gap > 0 => previous.checked_add(gap),
            _ => None,
        }
        .filter(|&doc| doc < self.n_docs);
        if doc.is_none() {
            self.left = 0;
        }
        self.doc = doc;
        doc
    }
}
