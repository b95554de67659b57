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
//!     20    32  section table: (offset, length) u32 pairs, offsets from byte 0, in this order:
//!               DOCS, STRINGS, TERMS, POSTINGS
//! ```
//!
//! - `DOCS`: N records of 15 u32, sorted by id: `id_start id_end title_start title_end
//!   text_start text_end body_start first_position title_words body_words url_start url_end
//!   tags_start tags_end date`. `*_start`/`*_end` are byte offsets into `STRINGS` (tags are
//!   joined by newlines; an empty range is no url / no tags); `date` is `YYYYMMDD` as a number,
//!   0 when the document has none; the body is `body_start..text_end` (a headline title is not
//!   repeated in the body). Words are numbered across the corpus: the document's title words
//!   are `first_position..+title_words`, its body words follow. A document's number is its rank
//!   in id order, so ties broken by number are broken by id.
//! - `STRINGS`: UTF-8; ids, titles and texts as written.
//! - `TERMS`: a front-coded [`dict`] of the folded terms (every reading of every word); each
//!   block's value is the offset in `POSTINGS` of its first term's list.
//! - `POSTINGS`: one list per term, in term order, see [`postings`]: `varint byte_length`, then
//!   the term's word positions as varint deltas.
//!
//! Stems are not stored: a light stem is its terms minus a prefix from a closed list, so the
//! terms of a stem are found with a few range scans of the sorted dictionary (see
//! `search::expand`). The dictionary and the postings are separate sections addressed by
//! offsets, so they can later be stored and fetched apart.

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
const SECTIONS: [&str; 4] = ["DOCS", "STRINGS", "TERMS", "POSTINGS"];
const DOC_FIELDS: usize = 15;

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
                write!(f, "index format version {v} is not supported (expected {VERSION})")
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
    /// Corpus-wide number of the first title word; body words follow the title's.
    pub first_position: u32,
    pub title_words: u32,
    pub body_words: u32,
    pub url: &'a str,
    /// Tags joined by newlines.
    pub tags: &'a str,
    /// `YYYYMMDD`, 0 when unknown.
    pub date: u32,
}

impl<'a> StoredDoc<'a> {
    pub fn body(&self) -> &'a str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    pub fn url(&self) -> Option<String> {
        (!self.url.is_empty()).then(|| self.url.to_string())
    }

    pub fn tags(&self) -> Vec<String> {
        self.tags.lines().map(str::to_string).collect()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn date(&self) -> Option<String> {
        let d = self.date;
        (d != 0).then(|| format!("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100))
    }
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, if it is a valid calendar date.
pub fn parse_date(date: &str) -> Option<u32> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y > 0 && (1..=days).contains(&d)).then_some(y * 10000 + m * 100 + d)
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
        let mut sections = [&bytes[..0]; 4];
        for (i, name) in SECTIONS.iter().enumerate() {
            let at = HEADER_LEN + 8 * i;
            let (offset, len) = (word(at) as usize, word(at + 4) as usize);
            sections[i] = offset
                .checked_add(len)
                .and_then(|end| bytes.get(offset..end))
                .ok_or(FormatError::SectionOutOfBounds(name))?;
        }
        let [docs, strings, terms, postings] = sections;
        let strings = std::str::from_utf8(strings).map_err(|_| FormatError::BadStrings)?;
        let index = Index {
            n_docs: word(8),
            title_words: word(12),
            body_words: word(16),
            docs,
            strings,
            terms: Dict::open(terms).ok_or(FormatError::BadDictionary("TERMS"))?,
            postings,
        };
        if docs.len() != index.n_docs as usize * DOC_FIELDS * 4 {
            return Err(FormatError::SectionOutOfBounds("DOCS"));
        }
        let mut next_position = 0u32;
        for n in 0..index.n_docs {
            let doc = index.read_doc(n).ok_or(FormatError::BadDocument(n))?;
            if doc.first_position < next_position {
                return Err(FormatError::BadDocument(n));
            }
            next_position = doc.first_position.saturating_add(doc.title_words).saturating_add(doc.body_words);
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
            postings: &[],
        }
    }

    fn field(&self, n: u32, i: usize) -> Option<u32> {
        read_u32(self.docs, (n as usize * DOC_FIELDS + i) * 4)
    }

    fn read_doc(&self, n: u32) -> Option<StoredDoc<'a>> {
        let f = |i: usize| self.field(n, i).map(|v| v as usize);
        let text = self.strings.get(f(4)?..f(5)?)?;
        let body_start = f(6)?.checked_sub(f(4)?)?;
        text.get(body_start..)?;
        Some(StoredDoc {
            id: self.strings.get(f(0)?..f(1)?)?,
            title: self.strings.get(f(2)?..f(3)?)?,
            text,
            body_start,
            first_position: self.field(n, 7)?,
            title_words: self.field(n, 8)?,
            body_words: self.field(n, 9)?,
            url: self.strings.get(f(10)?..f(11)?)?,
            tags: self.strings.get(f(12)?..f(13)?)?,
            date: self.field(n, 14)?,
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

    /// The ordinal of a folded term.
    pub fn term(&self, term: &str) -> Option<u32> {
        self.terms.get(term.as_bytes())
    }

    /// The folded term at `ordinal`.
    pub fn term_string(&self, ordinal: u32) -> Option<String> {
        String::from_utf8(self.terms.key(ordinal)?).ok()
    }

    /// The number of the document holding corpus-wide word `position`.
    fn doc_at(&self, position: u32) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.n_docs);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.field(mid, 7)? <= position {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.checked_sub(1)
    }

    /// Where the term at `ordinal` occurs, per document and field; empty if unreadable.
    pub fn postings(&self, ordinal: u32) -> Vec<Posting> {
        self.read_postings(ordinal).unwrap_or_default()
    }

    fn read_postings(&self, ordinal: u32) -> Option<Vec<Posting>> {
        let block = ordinal / dict::BLOCK_LEN as u32;
        let mut offset = self.terms.block_value(block)? as usize;
        for _ in 0..ordinal % dict::BLOCK_LEN as u32 {
            offset = postings::list_at(self.postings, offset)?.1;
        }
        let (list, _) = postings::list_at(self.postings, offset)?;
        let mut out: Vec<Posting> = Vec::new();
        for position in postings::positions(list)? {
            let n = self.doc_at(position)?;
            let doc = self.read_doc(n)?;
            let local = position - doc.first_position;
            if out.last().is_none_or(|p| p.doc != n) {
                out.push(Posting { doc: n, ..Posting::default() });
            }
            let posting = out.last_mut()?;
            if local < doc.title_words {
                posting.title.push(local);
            } else if local - doc.title_words < doc.body_words {
                posting.body.push(local - doc.title_words);
            } else {
                return None;
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn docs() -> Vec<Document> {
        let doc = |id: &str, title: &str, text: &str| Document {
            id: id.into(),
            title: title.into(),
            text: text.into(),
            ..Default::default()
        };
        vec![
            doc("b", "الأمن الوطني", "الأمن الوطني\nقال المدير إن الأمن أولوية."),
            doc("a", "زيارة", "زيارة للأمم المتحدة"),
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
    fn postings_map_back_to_documents_fields_and_positions() {
        let bytes = write(&docs());
        let index = Index::open(&bytes).unwrap();
        let term = index.term("الامن").unwrap();
        assert_eq!(index.postings(term), vec![Posting { doc: 1, title: vec![0], body: vec![3] }]);
        let term = index.term("زياره").unwrap();
        // The title was derived, not a headline line, so the body is the whole text.
        assert_eq!(index.postings(term), vec![Posting { doc: 0, title: vec![0], body: vec![0] }]);
        assert_eq!(index.term_string(term).as_deref(), Some("زياره"));
    }

    #[test]
    fn postings_of_every_term_in_a_larger_dictionary_are_right() {
        let text: String = (0..100).map(|i| format!("w{i} ")).collect();
        let bytes = write(&[Document { id: "x".into(), title: "t".into(), text, ..Default::default() }]);
        let index = Index::open(&bytes).unwrap();
        for i in 0..100u32 {
            let term = index.term(&format!("w{i}")).unwrap();
            assert_eq!(index.postings(term)[0].body, vec![i]);
        }
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
    fn metadata_round_trips() {
        let doc = Document {
            id: "m".into(),
            title: "t".into(),
            text: "نص".into(),
            url: Some("https://example.org/a".into()),
            date: Some("2025-05-27".into()),
            tags: vec!["أمن".into(), "روسيا".into()],
        };
        let bytes = write(&[doc, docs().remove(0)]);
        let index = Index::open(&bytes).unwrap();
        let m = index.doc(index.find("m").unwrap()).unwrap();
        assert_eq!(m.url().as_deref(), Some("https://example.org/a"));
        assert_eq!(m.date().as_deref(), Some("2025-05-27"));
        assert_eq!(m.tags(), ["أمن", "روسيا"]);
        let b = index.doc(index.find("b").unwrap()).unwrap();
        assert_eq!((b.url(), b.date(), b.tags()), (None, None, vec![]));
    }

    #[test]
    fn dates_parse_only_when_valid() {
        assert_eq!(parse_date("2025-11-27"), Some(20251127));
        assert_eq!(parse_date("2024-02-29"), Some(20240229));
        for bad in ["2023-02-29", "2025-13-01", "2025-1-01", "25-11-27", "2025/11/27", "", "٢٠٢٥-١١-٢٧"]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_empty_index_answers_nothing() {
        let index = Index::empty();
        assert!(index.is_empty());
        assert_eq!(index.find("x"), None);
        assert_eq!(index.term("x"), None);
        assert!(index.postings(0).is_empty());
    }
}
