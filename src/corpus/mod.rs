//! Reads a corpus folder (or one file) into documents. Used by `build.rs` and by tests, never at
//! run time in the browser.
//!
//! Every `.txt` file under the folder, recursively, is one document: its id is its path relative
//! to the folder without the extension (`a/b.txt` → `a/b`), its title comes from [`title`].

pub mod title;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::document::Document;

/// Corpora larger than this are refused: the whole text is embedded in the wasm module and
/// downloaded by every reader.
pub const MAX_CORPUS_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    Io { path: PathBuf, message: String },
    InvalidUtf8 { path: PathBuf, offset: usize },
    DuplicateId { id: String, first: PathBuf, second: PathBuf },
    Empty { path: PathBuf },
    TooLarge { path: PathBuf, bytes: u64 },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            CorpusError::InvalidUtf8 { path, offset } => {
                write!(f, "{}: invalid UTF-8 at byte {offset}", path.display())
            }
            CorpusError::DuplicateId { id, first, second } => {
                write!(f, "duplicate document id `{id}`: {} and {}", first.display(), second.display())
            }
            CorpusError::Empty { path } => {
                write!(f, "{}: no documents (expected .txt files with text)", path.display())
            }
            CorpusError::TooLarge { path, bytes } => write!(
                f,
                "{}: corpus is {:.1} MiB, over the {} MiB that can sensibly be embedded in a page",
                path.display(),
                *bytes as f64 / 1048576.0,
                MAX_CORPUS_BYTES / 1048576
            ),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Documents of a corpus, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<String>,
}

/// Loads the corpus at `path`, sorted by id.
pub fn load(path: &Path) -> Result<Vec<Document>, CorpusError> {
    load_with_warnings(path).map(|loaded| loaded.documents)
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

    let mut loaded = Loaded::default();
    let mut sources: Vec<(String, PathBuf)> = Vec::new();
    let mut total: u64 = 0;
    for file in files {
        if file.extension().and_then(|e| e.to_str()) != Some("txt") {
            loaded.warnings.push(format!("{}: skipped (not a .txt file)", file.display()));
            continue;
        }
        let bytes = std::fs::read(&file).map_err(|e| io(&file, e))?;
        total += bytes.len() as u64;
        if total > MAX_CORPUS_BYTES {
            return Err(CorpusError::TooLarge { path: path.to_path_buf(), bytes: total });
        }
        let text = String::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
            path: file.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        if text.trim().is_empty() {
            loaded.warnings.push(format!("{}: skipped (empty document)", file.display()));
            continue;
        }
        let id = id_of(&root, &file);
        if let Some((_, first)) = sources.iter().find(|(other, _)| *other == id) {
            return Err(CorpusError::DuplicateId { id, first: first.clone(), second: file });
        }
        sources.push((id.clone(), file));
        loaded.documents.push(Document { id, title: title::title(&text), text, ..Document::default() });
    }
    if loaded.documents.is_empty() {
        return Err(CorpusError::Empty { path: path.to_path_buf() });
    }
    loaded.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(loaded)
}

/// The files under `dir`, recursively, in path order.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    let entries = std::fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let mut paths = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| (dir.to_path_buf(), e))?.path());
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
