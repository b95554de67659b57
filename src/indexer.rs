//! The npm package's indexer: the corpus readers ([`crate::corpus`]) and the index writer as a
//! wasm surface. Node (`npm/lib/build.mjs`) walks the folder and hands over each file's bytes,
//! since this wasm has no file system; everything else is the code `build.rs` runs.

use std::path::Path;

use wasm_bindgen::prelude::*;

use crate::corpus::Collector;

/// `new Indexer(corpus, isDir, split)`: a corpus being read, for a split index if `split` (which
/// holds more). Paths are `/`-separated, as messages are to name them; ids are relative to
/// `corpus` (a folder) or its parent (one file).
#[wasm_bindgen]
pub struct Indexer {
    collector: Collector,
}

#[wasm_bindgen]
impl Indexer {
    #[wasm_bindgen(constructor)]
    pub fn new(corpus: String, is_dir: bool, split: bool) -> Indexer {
        use crate::corpus::{MAX_CORPUS_BYTES, MAX_SPLIT_CORPUS_BYTES};
        let limit = if split { MAX_SPLIT_CORPUS_BYTES } else { MAX_CORPUS_BYTES };
        Indexer { collector: Collector::new(Path::new(&corpus), is_dir).up_to(limit) }
    }

    /// Whether `file` is read (by its extension).
    pub fn wants(&self, file: String) -> bool {
        self.collector.wants(Path::new(&file))
    }

    /// Throws when `bytes`, the size of every wanted file together, is over the limit.
    #[wasm_bindgen(js_name = checkSize)]
    pub fn check_size(&self, bytes: f64) -> Result<(), JsError> {
        self.collector.check_size(bytes as u64).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Reads one file's documents (a file not wanted, whose bytes may be empty, becomes a
    /// warning); throws the build's message (file, line, reason).
    pub fn add(&mut self, file: String, bytes: Vec<u8>) -> Result<(), JsError> {
        self.collector.add(Path::new(&file), bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The files and documents skipped so far, and why.
    pub fn warnings(&self) -> Vec<String> {
        self.collector.warnings().to_vec()
    }

    /// How many documents have been read so far.
    pub fn documents(&self) -> usize {
        self.collector.documents()
    }

    /// The index of every document read (the JS object is spent).
    pub fn finish(self) -> Result<Vec<u8>, JsError> {
        let loaded = self.collector.finish().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(crate::index::write(&loaded.documents))
    }
}

/// `splitIndex(bytes)`: the split index's files (see [`crate::split`]) of the index `finish`
/// returned, as `[name, bytes]` pairs in the order to write them (the manifest last).
#[wasm_bindgen(js_name = splitIndex)]
pub fn split_index(bytes: Vec<u8>) -> Result<js_sys::Array, JsError> {
    let files = crate::split::split(&bytes).map_err(|e| JsError::new(&e.message()))?;
    Ok(files
        .into_iter()
        .map(|(name, bytes)| js_sys::Array::of2(&name.into(), &js_sys::Uint8Array::from(&bytes[..])))
        .collect())
}
