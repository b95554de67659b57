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
pub mod date;
mod error;
pub mod front_matter;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod title;
mod writer;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::document::Document;
pub use error::{CorpusError, Source};

/// Corpora larger than this are refused: the whole text is embedded in the wasm module and
/// downloaded by every reader.
pub const MAX_CORPUS_BYTES: u64 = 64 * 1024 * 1024;

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

/// A document read, before its text is cleaned and its title derived.
struct Pending {
    source: Source,
    id: String,
    /// From the format's metadata; derived from the cleaned text when `None`.
    title: Option<String>,
    text: String,
    url: Option<String>,
    date: Option<String>,
    tags: Vec<String>,
    refs: Vec<String>,
    order: Option<i64>,
    clean: bool,
}

/// Loads the corpus at `path` and says which files were skipped and why.
pub fn load_with_warnings(path: &Path) -> Result<Loaded, CorpusError> {
    let io = |p: &Path, e: std::io::Error| CorpusError::Io { path: p.to_path_buf(), message: e.to_string() };
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    let (root, files) = if meta.is_dir() {
        let mut files = Vec::new();
        collect_files(path, &mut files).map_err(|(p, e)| io(&p, e))?;
        (path.to_path_buf(), files)
    } else {
        (path.parent().unwrap_or(Path::new("")).to_path_buf(), vec![path.to_path_buf()])
    };

    // Sizes first: a corpus too large is refused before anything is read.
    let files: Vec<(PathBuf, Result<Format, String>)> =
        files.into_iter().map(|f| (Format::of(&f), f)).map(|(format, f)| (f, format)).collect();
    let mut total: u64 = 0;
    for (file, _) in files.iter().filter(|(_, format)| format.is_ok()) {
        total += std::fs::metadata(file).map_err(|e| io(file, e))?.len();
    }
    if total > MAX_CORPUS_BYTES {
        return Err(CorpusError::TooLarge { path: path.to_path_buf(), bytes: total });
    }

    let mut loaded = Loaded::default();
    let mut pending: Vec<Pending> = Vec::new();
    for (file, format) in files {
        let format = match format {
            Ok(format) => format,
            Err(reason) => {
                loaded.warnings.push(format!("{}: skipped ({reason})", file.display()));
                continue;
            }
        };
        let bytes = std::fs::read(&file).map_err(|e| io(&file, e))?;
        let mut source = String::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
            path: file.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        if source.starts_with('\u{feff}') {
            source.drain(..'\u{feff}'.len_utf8());
        }
        let before = pending.len();
        match format {
            Format::Jsonl => read_jsonl(&file, &source, &mut pending)?,
            _ => pending.push(read_file(&root, &file, format, source)?),
        }
        for doc in pending.split_off(before) {
            if doc.text.trim().is_empty() {
                loaded.warnings.push(format!("{}: skipped (empty document)", doc.source));
            } else {
                pending.push(doc);
            }
        }
    }

    let mut seen: HashMap<&str, &Source> = HashMap::new();
    for doc in &pending {
        if let Some(first) = seen.insert(&doc.id, &doc.source) {
            let (id, first, second) = (doc.id.clone(), first.clone(), doc.source.clone());
            return Err(CorpusError::DuplicateId { id, first, second });
        }
    }
    if pending.is_empty() {
        return Err(CorpusError::Empty { path: path.to_path_buf() });
    }

    // Stable: equal keys keep corpus order; `None` sorts after every `Some`.
    pending.sort_by_key(|d| (d.order.is_none(), d.order));
    let cleaner = boilerplate::Cleaner::new(pending.iter().filter(|d| d.clean).map(|d| d.text.as_str()));
    for doc in pending {
        let text = if doc.clean { cleaner.clean(&doc.text).into_owned() } else { doc.text };
        let title = doc.title.map(|t| one_line(&t)).unwrap_or_else(|| title::title(&text));
        let mut tags: Vec<String> = Vec::new();
        for tag in doc.tags.iter().map(|t| one_line(t)).filter(|t| !t.is_empty()) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let Pending { id, url, date, refs, .. } = doc;
        loaded.documents.push(Document { id, title, text, url, date, tags, refs });
    }
    Ok(loaded)
}

/// One `.txt`, `.md` or `.html` file.
fn read_file(root: &Path, file: &Path, format: Format, source: String) -> Result<Pending, CorpusError> {
    let mut doc = Pending {
        source: Source { path: file.to_path_buf(), line: None },
        id: id_of(root, file),
        title: None,
        text: String::new(),
        url: None,
        date: None,
        tags: Vec::new(),
        refs: Vec::new(),
        order: None,
        clean: true,
    };
    match format {
        Format::Markdown => {
            let (fm, start) = front_matter::split(&source).map_err(|e| match e {
                front_matter::Error::Malformed { line, reason } => {
                    CorpusError::FrontMatter { path: file.to_path_buf(), line, reason }
                }
                front_matter::Error::BadDate { line, value } => {
                    CorpusError::BadDate { path: file.to_path_buf(), line: Some(line), value }
                }
                front_matter::Error::BadRef { line, value } => {
                    CorpusError::BadRef { path: file.to_path_buf(), line, value }
                }
            })?;
            let rendered = markdown::render(&source[start..]);
            doc.title = fm.title.or(rendered.h1);
            doc.text = rendered.text;
            (doc.url, doc.date, doc.tags) = (fm.url, fm.date, fm.tags);
            (doc.refs, doc.order) = (fm.refs, fm.order);
        }
        Format::Html => {
            let page = html::read(&source).map_err(|e| CorpusError::BadDate {
                path: file.to_path_buf(),
                line: e.line,
                value: e.value,
            })?;
            doc.title = page.title;
            doc.text = page.text;
            (doc.url, doc.date, doc.tags) = (page.url, page.date, page.tags);
        }
        Format::Txt | Format::Jsonl => doc.text = source,
    }
    Ok(doc)
}

/// The documents of a `.jsonl` file.
fn read_jsonl(file: &Path, source: &str, out: &mut Vec<Pending>) -> Result<(), CorpusError> {
    let path = file.to_path_buf();
    let records = jsonl::read(source).map_err(|e| match e {
        jsonl::Error::Json { line, message } => CorpusError::Json { path: path.clone(), line, message },
        jsonl::Error::Missing { line, field } => {
            CorpusError::MissingField { path: path.clone(), line, field }
        }
        jsonl::Error::BadField { line, field, expected } => {
            CorpusError::BadField { path: path.clone(), line, field, expected }
        }
        jsonl::Error::BadDate { line, value } => {
            CorpusError::BadDate { path: path.clone(), line: Some(line), value }
        }
        jsonl::Error::BadRef { line, value } => CorpusError::BadRef { path: path.clone(), line, value },
    })?;
    for r in records {
        out.push(Pending {
            source: Source { path: path.clone(), line: Some(r.line) },
            id: r.id,
            title: Some(r.title).filter(|t| !t.is_empty()),
            text: r.text,
            url: r.url,
            date: r.date,
            tags: r.tags,
            refs: r.refs,
            order: r.order,
            clean: false,
        });
    }
    Ok(())
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

/// `text` with its runs of whitespace (line breaks too) made one space, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `root/a/b.txt` → `a/b`.
fn id_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let parts: Vec<String> =
        relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
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
