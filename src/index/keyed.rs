//! Keyed lists: sorted string keys, each with an ascending list of distinct numbers below a
//! bound, in two sections. The references (`REFS`, `REF_DOCS`: documents) and the stems
//! (`STEMS`, `STEM_TERMS`: dictionary terms) are stored so.
//!
//! The keys section is a front-coded [`dict`]; each block's value is the offset in the lists
//! section of its first key's list. The lists section holds one list per key, in key order: a
//! varint count, then the numbers ascending as varints, the first as is and each next one as
//! its gap from the one before (never 0). Lists are short (a verse's reference: one document; a
//! stem: its few spellings), so a block's lists are read through from its start.

use std::collections::BTreeMap;

use super::{dict, varint};
use dict::Dict;

/// Each key with its numbers, ascending and unique.
pub type Lists = BTreeMap<String, Vec<u32>>;

/// The keys and the lists sections.
pub fn write(lists: &Lists) -> (Vec<u8>, Vec<u8>) {
    let (mut bytes, mut offsets) = (Vec::new(), Vec::new());
    for (i, numbers) in lists.values().enumerate() {
        if i % dict::BLOCK_LEN == 0 {
            offsets.push(bytes.len() as u32);
        }
        varint::write(&mut bytes, numbers.len() as u32);
        let mut previous = 0;
        for &n in numbers {
            varint::write(&mut bytes, n - previous);
            previous = n;
        }
    }
    let keys: Vec<String> = lists.keys().cloned().collect();
    (dict::write(&keys, |i| offsets[i / dict::BLOCK_LEN]), bytes)
}

/// The opened sections.
#[derive(Debug, Clone, Copy)]
pub struct Keyed<'a> {
    keys: Dict<'a>,
    lists: &'a [u8],
    /// A list never yields a number at or past it.
    bound: u32,
}

impl<'a> Keyed<'a> {
    pub const EMPTY: Keyed<'static> = Keyed { keys: Dict::EMPTY, lists: &[], bound: 0 };

    /// `keys` must be a dictionary (checked by the caller, which names the section).
    pub fn new(keys: Dict<'a>, lists: &'a [u8], bound: u32) -> Keyed<'a> {
        Keyed { keys, lists, bound }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The numbers of `key`, ascending; none for an unknown key or unreadable bytes.
    pub fn get(&self, key: &str) -> Numbers<'a> {
        let found = self.keys.get(key.as_bytes()).and_then(|ordinal| {
            let block = ordinal / dict::BLOCK_LEN as u32;
            let mut pos = self.keys.block_value(block)? as usize;
            for _ in block * dict::BLOCK_LEN as u32..ordinal {
                let count = varint::read(self.lists, &mut pos)?;
                for _ in 0..count {
                    varint::read(self.lists, &mut pos)?;
                }
            }
            let left = varint::read(self.lists, &mut pos)?;
            Some(Numbers { bytes: self.lists, pos, left, last: None, bound: self.bound })
        });
        found.unwrap_or(Numbers { bytes: &[], pos: 0, left: 0, last: None, bound: 0 })
    }
}

/// The numbers of one key, ascending. Stops at bytes that do not decode to a strictly
/// ascending number below the bound.
#[derive(Debug, Clone)]
pub struct Numbers<'a> {
    bytes: &'a [u8],
    pos: usize,
    left: u32,
    last: Option<u32>,
    bound: u32,
}

impl Iterator for Numbers<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        self.left = self.left.checked_sub(1)?;
        let gap = varint::read(self.bytes, &mut self.pos);
        let n = match (self.last, gap) {
            (None, Some(first)) => Some(first),
            (Some(previous), Some(gap)) if gap > 0 => previous.checked_add(gap),
            _ => None,
        }
        .filter(|&n| n < self.bound);
        if n.is_none() {
            self.left = 0;
        }
        self.last = n;
        n
    }
}
