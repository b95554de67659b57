//! Cuts index bytes into the split index's files (at build time; layout in the module docs).

use super::{
    file_name, hash, write_core, Chunk, Table, FRAGMENT_BYTES, FRAGMENT_DOCS, MANIFEST, POSTINGS_BYTES,
};
use crate::index::{self, FormatError, Index};

/// The files of the split index of `bytes` (an index as `index::write` writes it), named: the
/// core, the chunks in the core's order, then the manifest: written in this order, a reader never
/// sees a manifest name a core not yet written.
pub fn split(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, FormatError> {
    let index = Index::open(bytes)?;
    let (head, [strings, postings, words]) = index::split_off_sparse(bytes)?;
    let mut files = Vec::new();
    let mut chunks = Vec::new();

    let mut starts: Vec<usize> = index.block_offsets().map(|o| o as usize).collect();
    starts.push(postings.len());
    let mut from = 0;
    for pair in starts.windows(2) {
        let end = pair[1];
        if end - from >= POSTINGS_BYTES || end == postings.len() {
            let part = &postings[from..end];
            let chunk = Chunk::Postings { start: from as u32, len: part.len() as u32, hash: hash(part) };
            files.push((chunk.name(), part.to_vec()));
            chunks.push(chunk);
            from = end;
        }
    }

    let mut kept = Vec::new();
    let mut first = 0;
    for n in 0..index.len() {
        let ranges = |n| index.doc_ranges(n).ok_or(FormatError::BadDocument(n));
        let [_, id, tags, _] = ranges(n)?;
        kept.extend_from_slice(&strings[id]);
        kept.extend_from_slice(&strings[tags]);
        let (start, end) = (ranges(first)?, ranges(n)?);
        let size = end[0].end - start[0].start + end[3].end - start[3].start;
        let docs = (n - first + 1) as usize;
        if (docs >= FRAGMENT_DOCS && size >= FRAGMENT_BYTES) || n + 1 == index.len() {
            let (s, w) = (start[0].start..end[0].end, start[3].start..end[3].end);
            let bytes = [&strings[s.clone()], &words[w.clone()]].concat();
            let chunk = Chunk::Fragment {
                first_doc: first,
                strings: (s.start as u32, s.len() as u32),
                words: (w.start as u32, w.len() as u32),
                hash: hash(&bytes),
            };
            files.push((chunk.name(), bytes));
            chunks.push(chunk);
            first = n + 1;
        }
    }

    let sizes = [strings.len() as u32, postings.len() as u32, words.len() as u32];
    let core = write_core(&head, &Table { sizes, chunks }, &kept);
    let core_name = file_name("core", hash(&core));
    let manifest = [
        "{\"format\":\"fahras-split\",\"version\":",
        &index::decimal(super::VERSION),
        ",\"core\":\"",
        &core_name,
        "\",\"documents\":",
        &index::decimal(index.len()),
        ",\"files\":",
        &index::decimal(files.len() as u32 + 2),
        "}\n",
    ]
    .concat();
    files.insert(0, (core_name, core));
    files.push((MANIFEST.to_string(), manifest.into_bytes()));
    Ok(files)
}
