//! A sorted dictionary of byte-string keys, front-coded in blocks of [`BLOCK_LEN`] so it stays
//! small and is searched in place (the layout is in the [module docs](super)). A key's ordinal is
//! its rank; each block also carries one u32 value for its first key (the index stores there
//! where the block's posting lists start).
//!
//! Keys are stored as (shared prefix length, suffix) against the previous key of their block; the
//! first key of each block is stored whole, so a binary search over blocks needs no decoding.
//! Shared prefixes end on UTF-8 char boundaries, so a walk can reuse per-char work between
//! neighbouring keys (see `search::fuzzy`).

use super::varint;

pub const BLOCK_LEN: usize = 16;

/// Serialises `keys`, which must be sorted and unique; `block_value(i)` is asked for the first
/// key `i` of each block.
pub fn write(keys: &[String], block_value: impl Fn(usize) -> u32) -> Vec<u8> {
    let n_blocks = keys.len().div_ceil(BLOCK_LEN);
    let mut data = Vec::new();
    let mut table = Vec::with_capacity(8 * n_blocks);
    let mut prev = "";
    for (i, key) in keys.iter().enumerate() {
        let shared = if i % BLOCK_LEN == 0 {
            table.extend_from_slice(&(data.len() as u32).to_le_bytes());
            table.extend_from_slice(&block_value(i).to_le_bytes());
            0
        } else {
            shared_prefix(prev, key)
        };
        varint::write(&mut data, shared as u32);
        varint::write(&mut data, (key.len() - shared) as u32);
        data.extend_from_slice(&key.as_bytes()[shared..]);
        prev = key;
    }
    let mut out = Vec::with_capacity(8 + table.len() + data.len());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    out.extend_from_slice(&(n_blocks as u32).to_le_bytes());
    out.extend_from_slice(&table);
    out.extend_from_slice(&data);
    out
}

/// Length in bytes of the longest common prefix of `a` and `b` that ends on a char boundary.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, ca), cb)| ca != cb)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

pub(super) fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// `a <= b`, deciding most comparisons on the first eight bytes: keys mostly differ there, and
/// this spares a seek's binary search a call of `memcmp` per step (a byte loop in wasm).
#[inline]
fn at_most(a: &[u8], b: &[u8]) -> bool {
    if let (Some(x), Some(y)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        let (x, y) = (u64::from_be_bytes(*x), u64::from_be_bytes(*y));
        if x != y {
            return x < y;
        }
    }
    a <= b
}

#[derive(Debug, Clone, Copy)]
pub struct Dict<'a> {
    len: u32,
    n_blocks: u32,
    offsets: &'a [u8],
    data: &'a [u8],
}

impl Dict<'static> {
    pub const EMPTY: Dict<'static> = Dict { len: 0, n_blocks: 0, offsets: &[], data: &[] };
}

impl<'a> Dict<'a> {
    /// Checks the header and block table; entries are checked as they are read.
    pub fn open(bytes: &'a [u8]) -> Option<Dict<'a>> {
        let len = read_u32(bytes, 0)?;
        let n_blocks = read_u32(bytes, 4)?;
        if (len as usize).div_ceil(BLOCK_LEN) != n_blocks as usize {
            return None;
        }
        let table_end = 8usize.checked_add((n_blocks as usize).checked_mul(8)?)?;
        let offsets = bytes.get(8..table_end)?;
        let data = bytes.get(table_end..)?;
        let dict = Dict { len, n_blocks, offsets, data };
        for b in 0..n_blocks {
            if dict.block_offset(b)? > data.len() {
                return None;
            }
        }
        Some(dict)
    }

    pub fn len(&self) -> u32 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn block_offset(&self, block: u32) -> Option<usize> {
        read_u32(self.offsets, block as usize * 8).map(|o| o as usize)
    }

    /// The value stored with the first key of `block`.
    pub fn block_value(&self, block: u32) -> Option<u32> {
        read_u32(self.offsets, block as usize * 8 + 4)
    }

    fn first_key(&self, block: u32) -> Option<&'a [u8]> {
        let mut pos = self.block_offset(block)?;
        varint::read(self.data, &mut pos)?;
        let len = varint::read(self.data, &mut pos)? as usize;
        self.data.get(pos..pos.checked_add(len)?)
    }

    /// A cursor before the first entry of `block`.
    fn cursor_at_block(&self, block: u32) -> Cursor<'a> {
        Cursor {
            dict: *self,
            pos: self.block_offset(block).unwrap_or(self.data.len()),
            next_ordinal: block.saturating_mul(BLOCK_LEN as u32),
            // Room for nearly every key (16 Arabic letters), so a seek rarely grows it.
            key: Vec::with_capacity(32),
            shared: 0,
            pending: false,
        }
    }

    /// A cursor before the first entry.
    pub fn cursor(&self) -> Cursor<'a> {
        self.cursor_at_block(0)
    }

    /// A cursor whose next entry is the first with a key ≥ `key`.
    pub fn seek(&self, key: &[u8]) -> Cursor<'a> {
        let mut cursor = self.cursor();
        cursor.seek(key);
        cursor
    }

    /// The ordinal of the first key ≥ `key`: how many keys sort before it.
    pub fn rank(&self, key: &[u8]) -> u32 {
        let mut cursor = self.seek(key);
        if cursor.advance() {
            cursor.ordinal()
        } else {
            self.len
        }
    }

    /// The ordinal of `key`.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        let mut cursor = self.seek(key);
        (cursor.advance() && cursor.key() == key).then(|| cursor.ordinal())
    }

    /// The key at `ordinal`.
    pub fn key(&self, ordinal: u32) -> Option<Vec<u8>> {
        if ordinal >= self.len {
            return None;
        }
        let mut cursor = self.cursor_at_block(ordinal / BLOCK_LEN as u32);
        while cursor.advance() {
            if cursor.ordinal() == ordinal {
                return Some(cursor.key);
            }
        }
        None
    }
}

/// Walks entries in key order. After [`Cursor::advance`] returns true, `key()`, `ordinal()` and
/// `shared()` describe the current entry.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    dict: Dict<'a>,
    pos: usize,
    next_ordinal: u32,
    key: Vec<u8>,
    shared: usize,
    /// The current entry has not been handed out yet (after a seek).
    pending: bool,
}

impl<'a> Cursor<'a> {
    /// Repositions so that the next entry is the first with a key ≥ `key` (reusing the key
    /// buffer: walks that seek often allocate nothing).
    pub fn seek(&mut self, key: &[u8]) {
        // The last block whose first key is ≤ key holds the answer or ends just before it. A
        // seek forward (as a walk's are) gallops from the current block: the answer is most
        // often a few blocks on, and the comparisons are the cost.
        let dict = self.dict;
        let first_at_most = |block: u32| dict.first_key(block).is_some_and(|first| at_most(first, key));
        let here = self.next_ordinal.saturating_sub(1) / BLOCK_LEN as u32;
        let (mut lo, mut hi) = (0u32, dict.n_blocks);
        if self.next_ordinal > 0 && self.key.as_slice() <= key && here < dict.n_blocks {
            lo = here;
            let mut step = 1;
            while lo.saturating_add(step) < hi && first_at_most(lo + step) {
                lo += step;
                step *= 2;
            }
            hi = hi.min(lo.saturating_add(step));
            lo += 1;
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match first_at_most(mid) {
                true => lo = mid + 1,
                false => hi = mid,
            }
        }
        let block = lo.saturating_sub(1);
        self.pos = dict.block_offset(block).unwrap_or(dict.data.len());
        self.next_ordinal = block.saturating_mul(BLOCK_LEN as u32);
        self.key.clear();
        self.shared = 0;
        self.pending = self.scan_block(key).is_some();
    }

    /// Moves past the entries of the block at `pos` that are less than `key`, onto the first
    /// that is not (`Some`), or to the block's end (`None`; past the end on corrupt data).
    /// Keys passed are never spelled out: `matched` bytes of the last one agree with `key` and
    /// the next byte is less, so an entry sharing more than that with it is less too, and one
    /// sharing `s` ≤ `matched` agrees with `key` on those `s` bytes and is compared from there.
    fn scan_block(&mut self, key: &[u8]) -> Option<()> {
        let end = self.dict.len.min(self.next_ordinal.saturating_add(BLOCK_LEN as u32));
        let (mut matched, mut prev_len) = (0usize, 0usize);
        while self.next_ordinal < end {
            let Some((shared, suffix)) = self.next_entry(prev_len) else { break };
            prev_len = shared + suffix.len();
            if shared > matched {
                continue;
            }
            let rest = &key[shared..];
            let common = suffix.iter().zip(rest).take_while(|(a, b)| a == b).count();
            if suffix[common..] >= rest[common..] {
                self.key.extend_from_slice(&key[..shared]);
                self.key.extend_from_slice(suffix);
                self.shared = shared;
                return Some(());
            }
            matched = shared + common;
        }
        // All passed were less than `key`: it stands for them when the next seek gallops on.
        self.key.extend_from_slice(key);
        None
    }

    /// Moves to the next entry; false at the end or on corrupt data.
    pub fn advance(&mut self) -> bool {
        if self.pending {
            self.pending = false;
            return true;
        }
        self.try_advance().is_some()
    }

    fn try_advance(&mut self) -> Option<()> {
        let (shared, suffix) = self.next_entry(self.key.len())?;
        self.key.truncate(shared);
        self.key.extend_from_slice(suffix);
        self.shared = shared;
        Some(())
    }

    /// Reads the next entry: how many bytes it shares with the previous key (`prev_len` long)
    /// and the rest of it. On corrupt data the cursor goes past the end: nothing further is
    /// trusted. Inlined: as a call, once an entry, it added a tenth to a seek's instructions.
    #[inline]
    fn next_entry(&mut self, prev_len: usize) -> Option<(usize, &'a [u8])> {
        if self.next_ordinal >= self.dict.len {
            return None;
        }
        let (data, mut pos) = (self.dict.data, self.pos);
        let mut read = || {
            let shared = varint::read(data, &mut pos)? as usize;
            let len = varint::read(data, &mut pos)? as usize;
            let suffix = data.get(pos..pos.checked_add(len)?)?;
            pos += len;
            (shared <= prev_len).then_some((shared, suffix))
        };
        let entry = read();
        match entry {
            Some(_) => (self.pos, self.next_ordinal) = (pos, self.next_ordinal + 1),
            None => self.next_ordinal = self.dict.len,
        }
        entry
    }

    pub fn key(&self) -> &[u8] {
        &self.key
    }

    pub fn ordinal(&self) -> u32 {
        self.next_ordinal - 1
    }

    /// Bytes this key shares with the previous entry (0 at a block start).
    pub fn shared(&self) -> usize {
        self.shared
    }
}

#[cfg(test)]
#[path = "dict_tests.rs"]
mod tests;
