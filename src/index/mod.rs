//! The binary index: written once by the build script ([`write()`]), read in place at run time
//! ([`Index::open`]) from any byte slice — embedded in the wasm today, fetched later. Opening
//! checks the structure and borrows everything: no document, term or posting is copied until a
//! search asks for it.
//!
//! # Layout (version 1; integers little-endian, `varint` = LEB128 u32)
//!
//! ```text
//! offset  size  field
//!      0     4  magic "FHRS"
//!      4     4  version (1)
//!      8     4  number of documents N
//!     12     4  total words in all titles   (for BM25 length normalisation)
//!     16     4  total words in all bodies
//!     20    40  section table: (offset, length) u32 pairs, offsets from byte 0, in this order:
//!               DOCS, STRINGS, TERMS, STEMS, POSTINGS
//! ```
//!
//! - `DOCS`: N records of 9 u32, sorted by id: `id_start id_end title_start title_end
//!   text_start text_end body_start title_words body_words`. Offsets are byte offsets into
//!   `STRINGS`; the body is `text_start+body_start..text_end` (a headline title is not repeated
//!   in the body). A document's number is its rank in id order, so ties broken by number are
//!   broken by id.
//! - `STRINGS`: UTF-8; ids, titles and texts as written.
//! - `TERMS`: a front-coded [`dict`] of the folded terms (every reading of every word). Payload:
//!   `varint postings_offset` (into `POSTINGS`), `varint document_frequency`,
//!   `varint stem` (ordinal in `STEMS`).
//! - `STEMS`: a front-coded [`dict`] of the light stems of the terms. Payload: `varint count`,
//!   then the ordinals of the terms with that stem as varint deltas. Stems share the terms'
//!   postings instead of repeating them.
//! - `POSTINGS`: one list per term, see [`postings`]: documents as deltas, and per document the
//!   word positions in the title and in the body as deltas.
//!
//! The dictionaries and the postings are separate sections addressed by offsets, so they can
//! later be stored and fetched apart.

pub mod dict;
pub mod postings;
pub mod varint;
mod write;

use std::fmt;

use dict::{read_u32, Dict};
pub use postings::Posting;
pub use write::write;

pub const MAGIC: &[u8; 4] = b"FHRS";
pub const VERSION: u32 = 1;
const HEADER_LEN: usize = 20;
const SECTIONS: [&str; 5] = ["DOCS", "STRINGS", "TERMS", "STEMS", "POSTINGS"];
const DOC_FIELDS: usize = 9;

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

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooShort(n) => write!(f, "index too short: {n} bytes"),
            FormatError::BadMagic => write!(f, "not a fahras index (bad magic bytes)"),
            FormatError::UnsupportedVersion(v) => {
                write!(
                    f,
                    "index format version {v} is not supported (expected {VERSION})"
                )
            }
            FormatError::SectionOutOfBounds(s) => write!(f, "index section {s} is out of bounds"),
            FormatError::BadStrings => write!(f, "index strings are not valid UTF-8"),
            FormatError::BadDocument(n) => write!(f, "index document record {n} is invalid"),
            FormatError::BadDictionary(s) => write!(f, "index dictionary {s} is invalid"),
        }
    }
}

impl std::error::Error for FormatError {}

/// A stored document, borrowed from the index bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDoc<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    /// Byte offset in `text` where the body starts.
    pub body_start: usize,
    pub title_words: u32,
    pub body_words: u32,
}

impl<'a> StoredDoc<'a> {
    pub fn body(&self) -> &'a str {
        self.text.get(self.body_start..).unwrap_or("")
    }
}

/// What the term dictionary says of one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermInfo {
    pub ordinal: u32,
    pub postings: u32,
    pub doc_freq: u32,
    pub stem: u32,
}

impl TermInfo {
    fn parse(ordinal: u32, payload: &[u8]) -> Option<TermInfo> {
        let mut pos = 0;
        Some(TermInfo {
            ordinal,
            postings: varint::read(payload, &mut pos)?,
            doc_freq: varint::read(payload, &mut pos)?,
            stem: varint::read(payload, &mut pos)?,
        })
    }
}

/// An opened index. Cheap to copy: it only borrows.
#[derive(Debug, Clone, Copy)]
pub struct Index<'a> {
    n_docs: u32,
    title_words: u32,
    body_words: u32,
    docs: &'a [u8],
    strings: &'a str,
    terms: Dict<'a>,
    stems: Dict<'a>,
    postings: &'a [u8],
}

impl<'a> Index<'a> {
    /// Opens an index from bytes, checking its header, sections and document records.
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, FormatError> {
        let header_end = HEADER_LEN + 8 * SECTIONS.len();
        if bytes.len() < header_end {
            return Err(FormatError::TooShort(bytes.len()));
        }
        if &bytes[..4] != MAGIC {
            return Err(FormatError::BadMagic);
        }
        let word = |at: usize| read_u32(bytes, at).unwrap_or(0);
        if word(4) != VERSION {
            return Err(FormatError::UnsupportedVersion(word(4)));
        }
        let mut sections = [&bytes[..0]; 5];
        for (i, name) in SECTIONS.iter().enumerate() {
            let (offset, len) = (
                word(HEADER_LEN + 8 * i) as usize,
                word(HEADER_LEN + 8 * i + 4) as usize,
            );
            sections[i] = offset
                .checked_add(len)
                .and_then(|end| bytes.get(offset..end))
                .ok_or(FormatError::SectionOutOfBounds(name))?;
        }
        let [docs, strings, terms, stems, postings] = sections;
        let strings = std::str::from_utf8(strings).map_err(|_| FormatError::BadStrings)?;
        let index = Index {
            n_docs: word(8),
            title_words: word(12),
            body_words: word(16),
            docs,
            strings,
            terms: Dict::open(terms).ok_or(FormatError::BadDictionary("TERMS"))?,
            stems: Dict::open(stems).ok_or(FormatError::BadDictionary("STEMS"))?,
            postings,
        };
        if docs.len() != index.n_docs as usize * DOC_FIELDS * 4 {
            return Err(FormatError::SectionOutOfBounds("DOCS"));
        }
        for n in 0..index.n_docs {
            index.read_doc(n).ok_or(FormatError::BadDocument(n))?;
        }
        Ok(index)
    }

    /// An index with no documents.
    pub const fn empty() -> Index<'static> {
        Index {
            n_docs: 0,
            title_words: 0,
            body_words: 0,
            docs: &[],
            strings: "",
            terms: Dict::EMPTY,
            stems: Dict::EMPTY,
            postings: &[],
        }
    }

    fn read_doc(&self, n: u32) -> Option<StoredDoc<'a>> {
        let base = n as usize * DOC_FIELDS * 4;
        let f = |i: usize| read_u32(self.docs, base + 4 * i).map(|v| v as usize);
        let text = self.strings.get(f(4)?..f(5)?)?;
        let body_start = f(6)?.checked_sub(f(4)?)?;
        text.get(body_start..)?;
        Some(StoredDoc {
            id: self.strings.get(f(0)?..f(1)?)?,
            title: self.strings.get(f(2)?..f(3)?)?,
            text,
            body_start,
            title_words: f(7)? as u32,
            body_words: f(8)? as u32,
        })
    }

    pub fn len(&self) -> u32 {
        self.n_docs
    }

    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// Document number `n` (its rank in id order).
    pub fn doc(&self, n: u32) -> Option<StoredDoc<'a>> {
        (n < self.n_docs).then(|| self.read_doc(n)).flatten()
    }

    /// The number of the document with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.n_docs);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.read_doc(mid)?.id.cmp(id) {
                std::cmp::Ordering::Equal => return Some(mid),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// Average words per title and per body, for BM25.
    pub fn average_lengths(&self) -> (f32, f32) {
        let n = self.n_docs.max(1) as f32;
        (self.title_words as f32 / n, self.body_words as f32 / n)
    }

    pub fn terms(&self) -> &Dict<'a> {
        &self.terms
    }

    pub fn term(&self, term: &str) -> Option<TermInfo> {
        let (ordinal, payload) = self.terms.get(term.as_bytes())?;
        TermInfo::parse(ordinal, payload)
    }

    pub fn term_info(ordinal: u32, payload: &[u8]) -> Option<TermInfo> {
        TermInfo::parse(ordinal, payload)
    }

    pub fn term_at(&self, ordinal: u32) -> Option<(String, TermInfo)> {
        let (key, payload) = self.terms.entry(ordinal)?;
        Some((
            String::from_utf8(key).ok()?,
            TermInfo::parse(ordinal, payload)?,
        ))
    }

    /// The postings of a term; empty if they cannot be read.
    pub fn postings(&self, term: &TermInfo) -> Vec<Posting> {
        postings::read(self.postings, term.postings as usize).unwrap_or_default()
    }

    /// Ordinals of the terms whose stem is `stem`.
    pub fn stem_members(&self, stem: &str) -> Vec<u32> {
        let Some((_, payload)) = self.stems.get(stem.as_bytes()) else {
            return Vec::new();
        };
        let mut pos = 0;
        let n = varint::read(payload, &mut pos).unwrap_or(0);
        let mut out = Vec::new();
        let mut ordinal = 0u32;
        for _ in 0..n {
            let Some(delta) = varint::read(payload, &mut pos) else {
                break;
            };
            ordinal = ordinal.saturating_add(delta);
            out.push(ordinal);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn docs() -> Vec<Document> {
        vec![
            Document {
                id: "b".into(),
                title: "الأمن الوطني".into(),
                text: "الأمن الوطني\nقال المدير إن الأمن أولوية.".into(),
            },
            Document {
                id: "a".into(),
                title: "زيارة".into(),
                text: "زيارة للأمم المتحدة".into(),
            },
        ]
    }

    #[test]
    fn opens_what_write_produces() {
        let bytes = write(&docs());
        let index = Index::open(&bytes).unwrap();
        assert_eq!(index.len(), 2);
        let b = index.doc(index.find("b").unwrap()).unwrap();
        assert_eq!(b.title, "الأمن الوطني");
        assert_eq!(b.body(), "قال المدير إن الأمن أولوية.");
        assert_eq!(index.find("a"), Some(0));
        assert_eq!(index.find("c"), None);
    }

    #[test]
    fn postings_keep_fields_and_positions() {
        let bytes = write(&docs());
        let index = Index::open(&bytes).unwrap();
        let term = index.term("الامن").unwrap();
        assert_eq!(term.doc_freq, 1);
        let postings = index.postings(&term);
        assert_eq!(
            postings,
            vec![Posting {
                doc: 1,
                title: vec![0],
                body: vec![3]
            }]
        );
    }

    #[test]
    fn stems_group_their_terms() {
        let bytes = write(&docs());
        let index = Index::open(&bytes).unwrap();
        let members: Vec<String> = index
            .stem_members("امم")
            .iter()
            .map(|&o| index.term_at(o).unwrap().0)
            .collect();
        assert_eq!(members, ["للامم"]);
        let term = index.term("للامم").unwrap();
        assert_eq!(index.stem_members("امم"), [term.ordinal]);
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(Index::open(b"").unwrap_err(), FormatError::TooShort(0));
        let mut bytes = write(&docs());
        bytes[0] = b'X';
        assert_eq!(Index::open(&bytes).unwrap_err(), FormatError::BadMagic);
        let bytes = write(&docs());
        for cut in 0..bytes.len() {
            assert!(Index::open(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn the_empty_index_answers_nothing() {
        let index = Index::empty();
        assert!(index.is_empty());
        assert_eq!(index.find("x"), None);
        assert_eq!(index.term("x"), None);
    }
}
