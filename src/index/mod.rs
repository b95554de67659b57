//! The binary index: written once by the build script ([`write()`]), read in place at run time
//! ([`Index::open`]) from any byte slice — embedded in the wasm, or given to the engine — or, as a
//! split index (see `crate::split`), opened without its [`SPARSE`] sections
//! ([`Index::open_split`]), which come in chunks and are read only where [`sparse`] says they are
//! at hand. Opening checks the structure and borrows everything: no document, term or posting is
//! copied until a search asks for it.
//!
//! # Layout (version 6; integers little-endian, `varint` = LEB128 u32)
//!
//! ```text
//! offset  size  field
//!      0     4  magic "FHRS"
//!      4     4  version (6)
//!      8     4  number of documents N
//!     12     4  total words in all titles   (for BM25 length normalisation)
//!     16     4  total words in all bodies
//!     20    88  section table: (offset, length) u32 pairs, offsets from byte 0, in this order:
//!               DOCS, STRINGS, TERMS, POSTINGS, WORDS, IDS, REFS, REF_DOCS, STEMS,
//!               STEM_AFFIXES, AFFIXES
//! ```
//!
//! - `DOCS`: the document table, in collection order (see `corpus`): one packed column per [`field`] (see [`docs`]).
//!   Each document's strings are contiguous in `STRINGS`; an empty url or tags string is no url
//!   / no tags (tags are joined by newlines); `DATE` is `YYYYMMDD` as a number, 0 when the
//!   document has none; the body is the text after `BODY_OFFSET` bytes (a headline title is not
//!   repeated in the body); `WORDS_LEN` is the size of the document's word checkpoints in the
//!   `WORDS` section. A document's number is its place in the collection, so ties broken by
//!   number are broken by collection order.
//! - `STRINGS`: UTF-8; ids, titles and texts as written.
//! - `TERMS`: a front-coded [`dict`] of the folded terms (every reading of every word); each
//!   block's value is the offset in `POSTINGS` of its first term's list.
//! - `POSTINGS`: one list per term, in term order, grouped by dictionary block, see
//!   [`postings`]: the documents with their field frequencies, and the positions in each field,
//!   numbered from 0 within the field.
//! - `WORDS`: per document, where every 32nd body word starts, see [`words`].
//! - `IDS`: the document numbers in id order, for [`Index::find`]; empty when that is document
//!   order, see [`ids`].
//! - `REFS`, `REF_DOCS`: the documents of each reference key, as [`keyed`] lists (see [`refs`]).
//! - `STEMS`, `STEM_AFFIXES`, `AFFIXES`: the terms each light stem stands for, as the affixes
//!   around the stem, see [`stems`].
//!
//! The dictionary and the postings are separate sections addressed by offsets, so they can be
//! stored and fetched apart.

pub mod dict;
pub mod docs;
mod ids;
pub mod keyed;
pub mod postings;
pub mod refs;
mod sections;
#[cfg(split_engine)]
pub mod sparse;
pub mod starts;
mod stems;
mod stored;
pub mod varint;
pub mod words;
mod write;

use std::fmt;

use dict::{read_u32, Dict};
pub use docs::field;
use docs::Docs;
use keyed::{Keyed, Numbers};
pub use postings::Cursor;
use sections::section_table;
pub use sections::{split_off, split_off_sparse, SPARSE};
#[cfg(split_engine)]
use sparse::Sparse;
use starts::Starts;
use stems::Stems;
pub use stored::{decimal, parse_date, StoredDoc};
pub use write::write;

pub const MAGIC: &[u8; 4] = b"FHRS";
pub const VERSION: u32 = 6;
const HEADER_LEN: usize = 20;
const SECTIONS: [&str; 11] = [
    "DOCS",
    "STRINGS",
    "TERMS",
    "POSTINGS",
    "WORDS",
    "IDS",
    "REFS",
    "REF_DOCS",
    "STEMS",
    "STEM_AFFIXES",
    "AFFIXES",
];

/// Why bytes are not an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    TooShort(usize),
    BadMagic,
    UnsupportedVersion(u32),
    SectionOutOfBounds(&'static str),
    BadStrings,
    BadDocument(u32),
    BadDictionary(&'static str),
}

impl FormatError {
    /// The reason, assembled without `core::fmt` (so the wasm's `load` can say it cheaply).
    pub fn message(&self) -> String {
        match self {
            FormatError::TooShort(n) => ["index too short: ", &decimal(*n as u32), " bytes"].concat(),
            FormatError::BadMagic => "not a fahras index (bad magic bytes)".into(),
            FormatError::UnsupportedVersion(v) => {
                let (v, expected) = (decimal(*v), decimal(VERSION));
                ["index format version ", &v, " is not supported (expected ", &expected, ")"].concat()
            }
            FormatError::SectionOutOfBounds(s) => ["index section ", s, " is out of bounds"].concat(),
            FormatError::BadStrings => "index strings are not valid UTF-8".into(),
            FormatError::BadDocument(n) => ["index document record ", &decimal(*n), " is invalid"].concat(),
            FormatError::BadDictionary(s) => ["index dictionary ", s, " is invalid"].concat(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for FormatError {}

/// An opened index. Cheap to copy: it only borrows.
#[derive(Debug, Clone, Copy)]
pub struct Index<'a> {
    n_docs: u32,
    title_words: u32,
    body_words: u32,
    docs: Docs<'a>,
    strings: &'a str,
    terms: Dict<'a>,
    postings: &'a [u8],
    words: &'a [u8],
    ids: &'a [u8],
    refs: Keyed<'a>,
    stems: Stems<'a>,
    /// In a split index, which postings and documents are at hand.
    #[cfg(split_engine)]
    sparse: Option<&'a Sparse>,
    /// The dictionary's beginnings, where the engine built them (see [`starts`]).
    starts: Option<&'a Starts>,
}

impl<'a> Index<'a> {
    /// Opens an index from bytes, checking its header, sections and document records.
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, FormatError> {
        let sections = section_table(bytes)?;
        let strings = std::str::from_utf8(sections[1]).map_err(|_| FormatError::BadStrings)?;
        Index::open_checked(bytes, sections, strings)
    }

    /// Opens an index whose `STRINGS` section comes apart, as text: `bytes` as [`split_off`]
    /// leaves them without it. Text is known to be UTF-8, so this skips the check [`open`]
    /// makes of the bytes (20 ms for Bukhari's 8 MB, most of the time an embedded index took
    /// to open).
    ///
    /// [`open`]: Index::open
    pub fn open_with_strings(bytes: &'a [u8], strings: &'a str) -> Result<Index<'a>, FormatError> {
        let mut sections = section_table(bytes)?;
        sections[1] = strings.as_bytes();
        Index::open_checked(bytes, sections, strings)
    }

    fn open_checked(
        bytes: &'a [u8],
        sections: [&'a [u8]; SECTIONS.len()],
        strings: &'a str,
    ) -> Result<Index<'a>, FormatError> {
        let index = Index::open_sections(bytes, sections, strings)?;
        index.check_docs(0..index.n_docs)?;
        Ok(index)
    }

    /// Opens a split index: `head` as [`split_off_sparse`] leaves it, with the [`SPARSE`]
    /// sections (`strings`, then `postings` and `words`) as far as `sparse` says they are at hand
    /// (absent parts are zeros). Documents are not checked: check each fragment as it comes with
    /// [`Index::check_docs`].
    #[cfg(split_engine)]
    pub fn open_split(
        head: &'a [u8],
        strings: &'a str,
        [postings, words]: [&'a [u8]; 2],
        sparse: &'a Sparse,
    ) -> Result<Index<'a>, FormatError> {
        let mut sections = section_table(head)?;
        for (name, bytes) in SPARSE.iter().zip([strings.as_bytes(), postings, words]) {
            sections[SECTIONS.iter().position(|s| s == name).unwrap_or(0)] = bytes;
        }
        let mut index = Index::open_sections(head, sections, strings)?;
        index.sparse = Some(sparse);
        Ok(index)
    }

    fn open_sections(
        bytes: &'a [u8],
        sections: [&'a [u8]; SECTIONS.len()],
        strings: &'a str,
    ) -> Result<Index<'a>, FormatError> {
        let word = |at: usize| read_u32(bytes, at).unwrap_or(0);
        let [docs, _, terms, postings, words, ids, ref_keys, ref_docs, stems, stem_affixes, affixes] =
            sections;
        let n_docs = word(8);
        let keys = |bytes, name| Dict::open(bytes).ok_or(FormatError::BadDictionary(name));
        let terms = keys(terms, "TERMS")?;
        let index = Index {
            n_docs,
            title_words: word(12),
            body_words: word(16),
            docs: Docs::open(docs, n_docs).ok_or(FormatError::SectionOutOfBounds("DOCS"))?,
            strings,
            terms,
            postings,
            words,
            ids,
            refs: Keyed::new(keys(ref_keys, "REFS")?, ref_docs, n_docs),
            stems: Stems::new(keys(stems, "STEMS")?, stem_affixes, affixes),
            #[cfg(split_engine)]
            sparse: None,
            starts: None,
        };
        if !ids::valid(ids, n_docs) {
            return Err(FormatError::SectionOutOfBounds("IDS"));
        }
        Ok(index)
    }

    /// Checks the records of the documents in `docs`: their strings and checkpoints lie in
    /// their sections.
    pub fn check_docs(&self, docs: std::ops::Range<u32>) -> Result<(), FormatError> {
        for n in docs {
            let doc = self.read_doc(n).ok_or(FormatError::BadDocument(n))?;
            if !words::valid(self.words, doc.words_at) {
                return Err(FormatError::BadDocument(n));
            }
        }
        Ok(())
    }

    /// Where document `n`'s strings lie in `STRINGS`, all of them and its id and tags, and its
    /// checkpoints in `WORDS`: what the split writer cuts fragments by.
    pub fn doc_ranges(&self, n: u32) -> Option<[std::ops::Range<usize>; 4]> {
        let (start, id_end) = self.id_range(n)?;
        let end = start.checked_add(self.field(n, field::LEN) as usize)?;
        let tags = end.checked_sub(self.field(n, field::TAGS_LEN) as usize)?..end;
        let words = self.docs.start(n, field::WORDS_LEN)? as usize;
        let words = words..words.checked_add(self.field(n, field::WORDS_LEN) as usize)?;
        Some([start..end, start..id_end, tags, words])
    }

    /// Where each dictionary block's postings start in `POSTINGS`, ascending.
    pub fn block_offsets(&self) -> impl Iterator<Item = u32> + '_ {
        let blocks = (self.terms.len() as usize).div_ceil(dict::BLOCK_LEN) as u32;
        (0..blocks).filter_map(|b| self.terms.block_value(b))
    }

    /// Whether every search so far found what it read at hand: always, but in a split index
    /// whose searches noted a chunk absent (see [`sparse`]).
    pub fn complete(&self) -> bool {
        #[cfg(split_engine)]
        return self.sparse.is_none_or(|s| s.nothing_missing());
        #[cfg(not(split_engine))]
        true
    }

    /// In a split index, whether document `n`'s strings are at hand (noted if not).
    fn doc_at_hand(&self, _n: u32) -> bool {
        #[cfg(split_engine)]
        return self.sparse.is_none_or(|s| s.doc(_n));
        #[cfg(not(split_engine))]
        true
    }

    /// In a split index, whether the postings at `offset` are at hand (noted if not).
    fn postings_at_hand(&self, _offset: usize) -> bool {
        #[cfg(split_engine)]
        return self.sparse.is_none_or(|s| s.postings_at(_offset));
        #[cfg(not(split_engine))]
        true
    }

    /// An index with no documents.
    pub const fn empty() -> Index<'static> {
        Index {
            n_docs: 0,
            title_words: 0,
            body_words: 0,
            docs: Docs::EMPTY,
            strings: "",
            terms: Dict::EMPTY,
            postings: &[],
            words: &[],
            ids: &[],
            refs: Keyed::EMPTY,
            stems: Stems::EMPTY,
            #[cfg(split_engine)]
            sparse: None,
            starts: None,
        }
    }

    /// The index with `starts` (built from its dictionary, if it was) to answer lookups that
    /// miss.
    pub fn with_starts(self, starts: Option<&'a Starts>) -> Index<'a> {
        Index { starts, ..self }
    }

    fn field(&self, n: u32, column: usize) -> u32 {
        self.docs.get(n, column)
    }

    /// Where document `n`'s strings start in `STRINGS` and its id ends.
    fn id_range(&self, n: u32) -> Option<(usize, usize)> {
        let start = self.docs.start(n, field::LEN)? as usize;
        Some((start, start.checked_add(self.field(n, field::ID_LEN) as usize)?))
    }

    fn read_doc(&self, n: u32) -> Option<StoredDoc<'a>> {
        let f = |column| self.field(n, column) as usize;
        let (start, id_end) = self.id_range(n)?;
        let end = start.checked_add(f(field::LEN))?;
        let title_end = id_end.checked_add(f(field::TITLE_LEN))?;
        let tags_start = end.checked_sub(f(field::TAGS_LEN))?;
        let url_start = tags_start.checked_sub(f(field::URL_LEN))?;
        let string = |from: usize, to: usize| (from <= to).then(|| self.strings.get(from..to)).flatten();
        let text = string(title_end, url_start)?;
        let body_start = f(field::BODY_OFFSET);
        text.get(body_start..)?;
        Some(StoredDoc {
            id: string(start, id_end)?,
            title: string(id_end, title_end)?,
            text,
            body_start,
            words_at: self.docs.start(n, field::WORDS_LEN)? as usize,
            title_words: self.field(n, field::TITLE_WORDS),
            body_words: self.field(n, field::BODY_WORDS),
            url: string(url_start, tags_start)?,
            tags: string(tags_start, end)?,
            date: self.field(n, field::DATE),
        })
    }

    pub fn len(&self) -> u32 {
        self.n_docs
    }

    /// Tells this index from another for a cache: where its bytes are and what they count.
    pub fn identity(&self) -> (usize, [u32; 4]) {
        (self.strings.as_ptr() as usize, [self.n_docs, self.title_words, self.body_words, self.terms.len()])
    }

    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// Document number `n` (its place in the collection).
    pub fn doc(&self, n: u32) -> Option<StoredDoc<'a>> {
        (n < self.n_docs && self.doc_at_hand(n)).then(|| self.read_doc(n)).flatten()
    }

    /// The tags of document `n`, joined by newlines, without reading the rest of it.
    pub fn tags_of(&self, n: u32) -> &'a str {
        let range = || {
            let end =
                (self.docs.start(n, field::LEN)? as usize).checked_add(self.field(n, field::LEN) as usize)?;
            Some(end.checked_sub(self.field(n, field::TAGS_LEN) as usize)?..end)
        };
        let range = if n < self.n_docs { range() } else { None };
        range.and_then(|r| self.strings.get(r)).unwrap_or_default()
    }

    /// Words in the title and in the body of document `n`, without reading the rest of it.
    pub fn lengths(&self, n: u32) -> (u32, u32) {
        (self.field(n, field::TITLE_WORDS), self.field(n, field::BODY_WORDS))
    }

    /// The date of document `n` (`YYYYMMDD`, 0 when it has none).
    pub fn date_of(&self, n: u32) -> u32 {
        self.field(n, field::DATE)
    }

    /// A walk through `doc`'s word checkpoints, to cut slices of its body (see
    /// [`words::Walk::body_slice`]).
    pub fn checkpoints(&self, doc: &StoredDoc) -> words::Walk<'a> {
        words::Walk::new(self.words, doc.words_at)
    }

    /// The number of the document with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.n_docs);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let n = ids::at(self.ids, mid)?;
            let (start, end) = self.id_range(n)?;
            match self.strings.get(start..end)?.cmp(id) {
                std::cmp::Ordering::Equal => return Some(n),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// Average words per title and per body, for BM25: at least 1, so a length divides by it.
    pub fn average_lengths(&self) -> (f32, f32) {
        let n = self.n_docs.max(1) as f32;
        // Compared, not `f32::max`: in the wasm that is a call to libm's `fmaxf`.
        let floor = |avg: f32| if avg < 1.0 { 1.0 } else { avg };
        (floor(self.title_words as f32 / n), floor(self.body_words as f32 / n))
    }

    /// The documents given a reference with this key (`analysis::refs`), ascending.
    pub fn refs(&self, key: &str) -> Numbers<'a> {
        self.refs.get(key)
    }

    /// The ordinals of the terms that stand for this stem (see `analysis::stem::stems_in`),
    /// ascending, but for the stem itself when it is a term.
    pub fn stem_terms<'s>(&'s self, stem: &'s str) -> impl Iterator<Item = u32> + 's {
        // Every term a stem lists is in the dictionary: the set of beginnings would only agree.
        self.stems.terms(stem).filter_map(|term| self.terms.get(term.as_bytes()))
    }

    /// Whether any document gives references.
    pub fn has_refs(&self) -> bool {
        !self.refs.is_empty()
    }

    pub fn terms(&self) -> &Dict<'a> {
        &self.terms
    }

    /// The ordinal of a folded term.
    pub fn term(&self, term: &str) -> Option<u32> {
        if self.starts.is_some_and(|s| !s.may_hold(term.as_bytes())) {
            return None;
        }
        self.terms.get(term.as_bytes())
    }

    /// False only if no term begins with `prefix`.
    pub fn may_begin(&self, prefix: &str) -> bool {
        self.starts.is_none_or(|s| s.may_begin(prefix))
    }

    /// The folded term at `ordinal`.
    pub fn term_string(&self, ordinal: u32) -> Option<String> {
        String::from_utf8(self.terms.key(ordinal)?).ok()
    }

    /// Where the postings of the block holding the term at `ordinal` start, how many terms the
    /// block has and which of them the term is; `None` past the last term, and in a split index
    /// when its chunk is not at hand.
    fn block_of(&self, ordinal: u32) -> Option<(usize, usize, usize)> {
        let (block, k) = (ordinal as usize / dict::BLOCK_LEN, ordinal as usize % dict::BLOCK_LEN);
        let count = (self.terms.len() as usize).saturating_sub(block * dict::BLOCK_LEN).min(dict::BLOCK_LEN);
        let offset = self.terms.block_value(block as u32)? as usize;
        (k < count && self.postings_at_hand(offset)).then_some((offset, count, k))
    }

    /// A cursor over the postings of the term at `ordinal`; empty if unreadable.
    pub fn cursor(&self, ordinal: u32) -> Cursor<'a> {
        self.block_of(ordinal)
            .and_then(|(offset, count, k)| postings::cursor_in_block(self.postings, offset, count, k))
            .unwrap_or(Cursor::EMPTY)
    }

    /// The number of documents the term at `ordinal` occurs in: what a cursor would say, for
    /// less (planning asks it of every completion of a prefix).
    pub fn doc_count(&self, ordinal: u32) -> u32 {
        self.block_of(ordinal)
            .map_or(0, |(offset, _, k)| postings::doc_count_in_block(self.postings, offset, k))
    }
}

#[cfg(test)]
mod tests;
