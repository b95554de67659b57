//! A split index at run time: the core, and the chunks fetched so far written into full-size
//! sections (absent parts are zeros, which the index reads as absent; see `index::sparse`).

use super::{read_core, Chunk};
use crate::index::{self, sparse::Sparse, starts::Starts, Index};

/// A split index being filled in.
#[derive(Debug)]
pub struct Store {
    head: Vec<u8>,
    /// STRINGS: zeros are valid UTF-8, so the section is a `String` from the start.
    strings: String,
    postings: Vec<u8>,
    words: Vec<u8>,
    chunks: Vec<Chunk>,
    sparse: Sparse,
    /// The beginnings of the dictionary, which the core holds whole.
    starts: Option<Starts>,
}

fn bad(what: &str) -> String {
    ["split index: ", what].concat()
}

impl Store {
    /// Opens the core (the file `core.<hash>.bin`); the chunks come later.
    pub fn open(core: &[u8]) -> Result<Store, String> {
        let (head, table, kept) = read_core(core).ok_or_else(|| bad("not a fahras split core"))?;
        let [strings, postings, words] = table.sizes.map(|n| n as usize);
        let (mut post_starts, mut firsts) = (Vec::new(), Vec::new());
        for chunk in &table.chunks {
            match chunk {
                Chunk::Postings { start, .. } => post_starts.push(*start),
                Chunk::Fragment { first_doc, .. } => firsts.push(*first_doc),
            }
        }
        let mut store = Store {
            head: head.to_vec(),
            // Zeroed, not written: fresh memory is zero already, so a reader's browser commits
            // only the pages chunks fill (`repeat` would write every byte).
            strings: String::from_utf8(vec![0; strings]).unwrap_or_default(),
            postings: vec![0; postings],
            words: vec![0; words],
            chunks: table.chunks,
            sparse: Sparse::new(post_starts, firsts),
            starts: None,
        };
        store.fits().ok_or_else(|| bad("chunk table does not match its sections"))?;
        store.keep(kept).ok_or_else(|| bad("ids and tags do not match the document table"))?;
        store.starts = Starts::new(store.index().terms());
        Ok(store)
    }

    /// Whether every chunk lies in its section.
    fn fits(&self) -> Option<()> {
        let inside = |(start, len): (u32, u32), size: usize| start as usize + len as usize <= size;
        self.chunks
            .iter()
            .all(|c| match *c {
                Chunk::Postings { start, len, .. } => inside((start, len), self.postings.len()),
                Chunk::Fragment { strings, words, .. } => {
                    inside(strings, self.strings.len()) && inside(words, self.words.len())
                }
            })
            .then_some(())
    }

    /// Writes each document's id and tags where they belong in STRINGS.
    fn keep(&mut self, kept: &[u8]) -> Option<()> {
        let kept = std::str::from_utf8(kept).ok()?;
        let index = self.index_checked().ok()?;
        let mut places = Vec::with_capacity(2 * index.len() as usize);
        for n in 0..index.len() {
            let [_, id, tags, _] = index.doc_ranges(n)?;
            places.extend([id, tags]);
        }
        let mut at = 0usize;
        for range in places {
            let part = kept.get(at..at.checked_add(range.len())?)?;
            self.strings.get(range.clone())?;
            self.strings.replace_range(range, part);
            at += part.len();
        }
        (at == kept.len()).then_some(())
    }

    fn index_checked(&self) -> Result<Index<'_>, index::FormatError> {
        Index::open_split(&self.head, &self.strings, [&self.postings, &self.words], &self.sparse)
    }

    /// The index as far as it is at hand. Opened without copying, so cheap enough per search.
    pub fn index(&self) -> Index<'_> {
        // `open` checked the head, which does not change.
        self.index_checked().unwrap_or(Index::empty()).with_starts(self.starts.as_ref())
    }

    /// The file names of the chunks searches asked for and lacked since the last call.
    pub fn missing(&self) -> Vec<String> {
        self.sparse.take_missing().into_iter().filter_map(|c| self.chunks.get(c)).map(Chunk::name).collect()
    }

    /// All chunks' file names, in the core's order.
    pub fn chunk_names(&self) -> Vec<String> {
        self.chunks.iter().map(Chunk::name).collect()
    }

    /// Takes in the bytes of the chunk file `name`, after checking they are that file's.
    pub fn provide(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        // By the hash in the name: no table of names to build or sort.
        let hash = name.split('.').nth(1).and_then(|h| u64::from_str_radix(h, 16).ok());
        let found = self.chunks.iter().position(|c| Some(c.hash()) == hash && c.name() == name);
        let Some(c) = found else {
            return Err(bad(&["no chunk is named ", name].concat()));
        };
        if self.sparse.is_present(c) {
            return Ok(());
        }
        let chunk = self.chunks[c].clone();
        if bytes.len() != chunk.len() || super::hash(bytes) != chunk.hash() {
            return Err(bad(&["chunk ", name, " does not hold the bytes its name says"].concat()));
        }
        match chunk {
            Chunk::Postings { start, .. } => {
                let start = start as usize;
                self.postings[start..start + bytes.len()].copy_from_slice(bytes);
            }
            Chunk::Fragment { first_doc, strings, words, .. } => {
                let (text, checkpoints) = bytes.split_at(strings.1 as usize);
                let text = std::str::from_utf8(text)
                    .map_err(|_| bad(&["chunk ", name, " is not UTF-8"].concat()))?;
                let s = strings.0 as usize..(strings.0 as usize + text.len());
                if !(self.strings.is_char_boundary(s.start) && self.strings.is_char_boundary(s.end)) {
                    return Err(bad(&["chunk ", name, " does not match the documents' strings"].concat()));
                }
                self.strings.replace_range(s, text);
                let w = words.0 as usize;
                self.words[w..w + checkpoints.len()].copy_from_slice(checkpoints);
                let next = self.chunks.get(c + 1).and_then(|n| match n {
                    Chunk::Fragment { first_doc, .. } => Some(*first_doc),
                    Chunk::Postings { .. } => None,
                });
                let index = self.index();
                let docs = first_doc..next.unwrap_or(index.len());
                index.check_docs(docs).map_err(|e| bad(&["chunk ", name, ": ", &e.message()].concat()))?;
            }
        }
        self.sparse.set_present(c);
        Ok(())
    }
}
