//! The split index: one index (see [`crate::index`]) cut into files a static host serves, so a
//! browser fetches the engine and a small core first and then only the chunks a query needs.
//!
//! # Files
//!
//! - the **manifest** (`manifest.json`, the one name without a hash, so keep its cache short):
//!   `{"format": "fahras-split", "version", "core": <the core's file name>, "documents", "files"}`;
//! - the **core** (`core.<hash>.bin`): the index without its [`crate::index::SPARSE`] sections (the
//!   document table, the dictionary, the ids and the references), the table of chunks below, and
//!   each document's id and tags, so `get` finds a document and facets count tags with no chunk;
//! - **postings chunks** (`p.<hash>.bin`): runs of whole dictionary blocks' postings lists, cut
//!   at about [`POSTINGS_BYTES`];
//! - **fragments** (`d.<hash>.bin`): runs of at least [`FRAGMENT_DOCS`] whole documents, cut at
//!   about [`FRAGMENT_BYTES`]: their strings (title, text, url; id and tags again) then their
//!   word checkpoints.
//!
//! `<hash>` is the FNV-1a 64 hash of the file's bytes in hex: a name is never reused for other
//! bytes, so hosts may cache the files forever, and a chunk is checked against its name.
//!
//! # Core layout (integers u32 little-endian, hashes u64)
//!
//! ```text
//! magic "FHSP", version (1)
//! head_len, head                the index bytes with STRINGS, POSTINGS and WORDS empty
//! strings_len, postings_len, words_len      the full sections' sizes
//! P, P × (start, len, hash)     postings chunks: their range in POSTINGS
//! F, F × (first_doc, strings_start, strings_len, words_start, words_len, hash)
//! kept_len, kept                per document in order, its id then its tags, as in STRINGS
//! ```
//!
//! A search over a split index is complete when it noted no absent chunk (see
//! [`crate::index::sparse`]); the engine's caller fetches the chunks named by
//! [`Store::missing`] and searches again, so one query costs a few rounds of parallel
//! fetches (postings, then the fragments of the hits shown).

#[cfg(split_engine)]
mod store;
mod write;

#[cfg(split_engine)]
pub use store::Store;
pub use write::split;

pub const MAGIC: &[u8; 4] = b"FHSP";
pub const MANIFEST: &str = "manifest.json";
pub const VERSION: u32 = 1;
/// A postings chunk ends after the dictionary block that takes it to this size or more.
pub const POSTINGS_BYTES: usize = 4 * 1024;
/// A fragment holds at least this many documents, so a split build writes at most one file per
/// this many documents and chunks.
pub const FRAGMENT_DOCS: usize = 10;
/// A fragment ends after the document that takes it to this size or more (once it has
/// [`FRAGMENT_DOCS`]).
pub const FRAGMENT_BYTES: usize = 24 * 1024;

/// FNV-1a, 64 bits: a file's name, and the check that fetched bytes are that file's.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `prefix.<hash in hex>.bin`.
pub fn file_name(prefix: &str, hash: u64) -> String {
    // A plain loop: an iterator chain collected into a String grows the wasm by ~3 KB.
    let mut name = String::with_capacity(prefix.len() + 21);
    name.push_str(prefix);
    name.push('.');
    let mut shift = 64;
    while shift > 0 {
        shift -= 4;
        name.push(char::from(b"0123456789abcdef"[(hash >> shift) as usize & 15]));
    }
    name.push_str(".bin");
    name
}

/// One chunk of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    Postings { start: u32, len: u32, hash: u64 },
    Fragment { first_doc: u32, strings: (u32, u32), words: (u32, u32), hash: u64 },
}

impl Chunk {
    pub fn hash(&self) -> u64 {
        match self {
            Chunk::Postings { hash, .. } | Chunk::Fragment { hash, .. } => *hash,
        }
    }

    pub fn name(&self) -> String {
        let prefix = if matches!(self, Chunk::Postings { .. }) { "p" } else { "d" };
        file_name(prefix, self.hash())
    }

    /// Bytes of the chunk's file.
    pub fn len(&self) -> usize {
        match self {
            Chunk::Postings { len, .. } => *len as usize,
            Chunk::Fragment { strings, words, .. } => strings.1 as usize + words.1 as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the core holds besides the head and the kept strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Sizes of the full STRINGS, POSTINGS and WORDS sections.
    pub sizes: [u32; 3],
    /// Postings chunks first, then fragments, each kind in ascending order.
    pub chunks: Vec<Chunk>,
}

fn put(out: &mut Vec<u8>, words: &[u32]) {
    for w in words {
        out.extend_from_slice(&w.to_le_bytes());
    }
}

/// The core's bytes.
pub fn write_core(head: &[u8], table: &Table, kept: &[u8]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, &[VERSION, head.len() as u32]);
    out.extend_from_slice(head);
    put(&mut out, &table.sizes);
    let postings = table.chunks.iter().filter(|c| matches!(c, Chunk::Postings { .. })).count();
    for (count, kind) in [(postings, true), (table.chunks.len() - postings, false)] {
        put(&mut out, &[count as u32]);
        for chunk in table.chunks.iter().filter(|c| matches!(c, Chunk::Postings { .. }) == kind) {
            match *chunk {
                Chunk::Postings { start, len, .. } => put(&mut out, &[start, len]),
                Chunk::Fragment { first_doc, strings, words, .. } => {
                    put(&mut out, &[first_doc, strings.0, strings.1, words.0, words.1])
                }
            }
            out.extend_from_slice(&chunk.hash().to_le_bytes());
        }
    }
    put(&mut out, &[kept.len() as u32]);
    out.extend_from_slice(kept);
    out
}

/// A walk through the core's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let part = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(part)
    }

    fn word(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }

    fn hash(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }
}

/// Reads the core's parts: head, table and kept strings; `None` if the bytes are not a core.
pub fn read_core(bytes: &[u8]) -> Option<(&[u8], Table, &[u8])> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC || r.word()? != VERSION {
        return None;
    }
    let head_len = r.word()? as usize;
    let head = r.take(head_len)?;
    let sizes = [r.word()?, r.word()?, r.word()?];
    let mut chunks = Vec::new();
    for postings in [true, false] {
        for _ in 0..r.word()? {
            chunks.push(if postings {
                let (start, len) = (r.word()?, r.word()?);
                Chunk::Postings { start, len, hash: r.hash()? }
            } else {
                let (first_doc, strings) = (r.word()?, (r.word()?, r.word()?));
                Chunk::Fragment { first_doc, strings, words: (r.word()?, r.word()?), hash: r.hash()? }
            });
        }
    }
    let kept_len = r.word()? as usize;
    let kept = r.take(kept_len)?;
    (r.at == bytes.len()).then_some((head, Table { sizes, chunks }, kept))
}

#[cfg(all(test, split_engine))]
mod tests;
