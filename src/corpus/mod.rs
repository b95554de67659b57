//! Reads a corpus folder (or one file) into documents. Used by `build.rs` and by tests, never at
//! run time in the browser.
//!
//! Every supported file under the folder, recursively and in path order, gives documents:
//!
//! | extension            | reader              | documents | id                         |
//! |----------------------|---------------------|-----------|----------------------------|
//! | `.txt`               | as is               | one       | path without extension     |
//! | `.md`, `.markdown`   | [`front_matter`], [`markdown`] | one | path without extension |
//! | `.html`, `.htm`      | [`html`]            | one       | path without extension     |
//! | `.jsonl`             | [`jsonl`]           | one a line | the line's `id` field     |
//!
//! A path id is relative to the corpus folder, `/`-separated, without the extension
//! (`a/b.md` → `a/b`); for a single file given as the corpus, it is the file's stem. Extensions
//! are matched ignoring case. Hidden files and folders (name starting with `.`: `.DS_Store`,
//! `.git`, build stamps) are skipped silently; other files with another extension, and
//! documents without text, are skipped with a warning. A title comes from the format's metadata
//! when it has one, else from the text ([`title`]).
//!
//! The text of `.txt`, `.md` and `.html` documents is cleaned of site chrome ([`boilerplate`]);
//! `.jsonl` text is taken as given (it is the way to index a text exactly as it is). A leading
//! byte order mark is dropped.
//!
//! `.md` front matter and `.jsonl` lines may also give `refs` (references the document is found
//! under when one is typed as the whole query, read by `analysis::refs`) and `order`.
//!
//! # Collection order
//!
//! Documents come out in **collection order**, and the index numbers them in it, so a document's
//! number is its place in the collection (sorting by it is `sort: 'order'`; ties of a ranking
//! go by it). Collection order is corpus order — files in path order, the lines of a `.jsonl`
//! file in line order — stably sorted by `order`: documents that give an `order` come first,
//! ascending (equal orders keep corpus order), then those that do not, in corpus order. A corpus
//! with no `order` is in corpus order; one where every document has it is in `order` order.

pub mod boilerplate;
mod collect;
pub mod date;
mod error;
pub mod front_matter;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod title;
mod writer;

use std::path::{Path, PathBuf};

use crate::document::Document;
pub use collect::Collector;
pub use error::{CorpusError, Source};

/// Corpora larger than this are refused for embedding: the whole text is in the wasm module and
/// downloaded by every reader.
pub const MAX_CORPUS_BYTES: u64 = 64 * 1024 * 1024;

/// Corpora larger than this are refused for a split index (see `split`): its offsets are 32-bit,
/// and the build holds every posting in memory (about 17 bytes of memory per byte of text).
pub const MAX_SPLIT_CORPUS_BYTES: u64 = 200 * 1024 * 1024;

/// The extensions read, as named in messages.
const SUPPORTED: &str = ".txt, .md, .html, .htm or .jsonl";

/// Documents of a corpus, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<String>,
}

/// Loads the corpus at `path`, in collection order (see the [module docs](self)).
pub fn load(path: &Path) -> Result<Vec<Document>, CorpusError> {
    load_with_warnings(path).map(|loaded| loaded.documents)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    fn of(path: &Path) -> Result<Format, String> {
        let Some(extension) = path.extension() else {
            return Err(format!("no extension; expected {SUPPORTED}"));
        };
        let extension = extension.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Ok(Format::Txt),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" => Ok(Format::Jsonl),
            _ => Err(format!("unsupported extension `.{extension}`; expected {SUPPORTED}")),
        }
    }
}

/// Loads the corpus at `path` and says which files were skipped and why.
pub fn load_with_warnings(path: &Path) -> Result<Loaded, CorpusError> {
    load_up_to(path, MAX_CORPUS_BYTES)
}

/// [`load_with_warnings`], refusing a corpus of more than `limit` bytes
/// ([`MAX_CORPUS_BYTES`] to embed, [`MAX_SPLIT_CORPUS_BYTES`] to split).
pub fn load_up_to(path: &Path, limit: u64) -> Result<Loaded, CorpusError> {
    let io = |p: &Path, e: std::io::Error| CorpusError::Io { path: p.to_path_buf(), message: e.to_string() };
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    let files = if meta.is_dir() {
        let mut files = Vec::new();
        collect_files(path, &mut files).map_err(|(p, e)| io(&p, e))?;
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut collector = Collector::new(path, meta.is_dir()).up_to(limit);
    // Sizes first: a corpus too large is refused before anything is read.
    let mut total: u64 = 0;
    for file in files.iter().filter(|f| collector.wants(f)) {
        total += std::fs::metadata(file).map_err(|e| io(file, e))?.len();
    }
    collector.check_size(total)?;
    for file in files {
        let bytes =
            if collector.wants(&file) { std::fs::read(&file).map_err(|e| io(&file, e))? } else { Vec::new() };
        collector.add(&file, bytes)?;
    }
    collector.finish()
}

/// The files under `dir`, recursively, in path order; hidden files and folders left out.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    let entries = std::fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| (dir.to_path_buf(), e))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            paths.push(entry.path());
        }
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fahras-corpus-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_txt_files_recursively_with_path_ids() {
        let dir = temp_dir("ok");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "عنوان\nنص").unwrap();
        std::fs::write(dir.join("sub/a.txt"), "عنوان آخر\nنص آخر").unwrap();
        std::fs::write(dir.join("empty.txt"), " \n").unwrap();
        std::fs::write(dir.join("notes.pdf"), "x").unwrap();
        let loaded = load_with_warnings(&dir).unwrap();
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "sub/a"]);
        assert_eq!(loaded.documents[0].title, "عنوان");
        assert_eq!(loaded.warnings.len(), 2);
        assert!(loaded.warnings.iter().any(|w| w.contains("empty.txt") && w.contains("empty")));
    }

    #[test]
    fn documents_come_in_collection_order() {
        let dir = temp_dir("order");
        let line =
            |id: &str, order: &str| format!("{{\"id\":\"{id}\",\"title\":\"t\",\"text\":\"نص\"{order}}}\n");
        let lines = [line("z", ""), line("y", ",\"order\":2"), line("x", ""), line("w", ",\"order\":-1")];
        std::fs::write(dir.join("a.jsonl"), lines.concat()).unwrap();
        std::fs::write(dir.join("b.md"), "---\norder: 2\n---\nنص").unwrap();
        std::fs::write(dir.join("0.txt"), "نص").unwrap();
        let ids: Vec<String> = load(&dir).unwrap().into_iter().map(|d| d.id).collect();
        // Ordered first (equal orders in corpus order), then the rest in path, then line order.
        assert_eq!(ids, ["w", "y", "b", "0", "z", "x"]);
    }

    #[test]
    fn invalid_utf8_names_the_file_and_offset() {
        let dir = temp_dir("utf8");
        std::fs::write(dir.join("bad.txt"), b"ab\xFFcd").unwrap();
        let err = load(&dir).unwrap_err();
        assert_eq!(err, CorpusError::InvalidUtf8 { path: dir.join("bad.txt"), offset: 2 });
        assert!(err.to_string().ends_with("bad.txt: invalid UTF-8 at byte 2"));
    }

    #[test]
    fn an_empty_corpus_is_an_error() {
        let dir = temp_dir("empty");
        assert!(matches!(load(&dir), Err(CorpusError::Empty { .. })));
        assert!(matches!(load(&dir.join("missing")), Err(CorpusError::Io { .. })));
    }
}
