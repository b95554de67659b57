//! Why a corpus cannot be read, and where.

use std::fmt;
use std::path::PathBuf;

use super::{MAX_CORPUS_BYTES, MAX_SPLIT_CORPUS_BYTES, SUPPORTED};

/// Where a document comes from: a file, or a line of a `.jsonl` file. Shown as `a.txt` or
/// `a.jsonl:3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Why a corpus cannot be read. Each message names the file (and line) and gives one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    Io {
        path: PathBuf,
        message: String,
    },
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
    },
    /// Markdown front matter that is not the supported subset ([`front_matter`]).
    FrontMatter {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// A date (front matter, `<meta>`, `.jsonl` field) that is not `YYYY-MM-DD`. The line is
    /// unknown only for an HTML value not written verbatim in the file.
    BadDate {
        path: PathBuf,
        line: Option<usize>,
        value: String,
    },
    /// A `.jsonl` line that is not a JSON object (serde's message).
    Json {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A `.jsonl` line without `id`, `title` or `text`.
    MissingField {
        path: PathBuf,
        line: usize,
        field: &'static str,
    },
    /// A ref (`.jsonl` field, front matter) that gives no reference key.
    BadRef {
        path: PathBuf,
        line: usize,
        value: String,
    },
    /// A `.jsonl` field of the wrong type.
    BadField {
        path: PathBuf,
        line: usize,
        field: &'static str,
        expected: &'static str,
    },
    DuplicateId {
        id: String,
        first: Source,
        second: Source,
    },
    Empty {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            CorpusError::InvalidUtf8 { path, offset } => {
                write!(f, "{}: invalid UTF-8 at byte {offset}", path.display())
            }
            CorpusError::FrontMatter { path, line, reason } => {
                write!(f, "{}:{line}: malformed front matter: {reason}", path.display())
            }
            CorpusError::BadDate { path, line, value } => {
                let at = Source { path: path.clone(), line: *line };
                write!(f, "{at}: malformed date `{value}` (expected YYYY-MM-DD)")
            }
            CorpusError::Json { path, line, message } => {
                write!(f, "{}:{line}: malformed JSON: {message}", path.display())
            }
            CorpusError::MissingField { path, line, field } => {
                write!(f, "{}:{line}: missing required field `{field}`", path.display())
            }
            CorpusError::BadField { path, line, field, expected } => {
                write!(f, "{}:{line}: field `{field}` must be {expected}", path.display())
            }
            CorpusError::BadRef { path, line, value } => {
                write!(f, "{}:{line}: ref `{value}` has no name or number to look up", path.display())
            }
            CorpusError::DuplicateId { id, first, second } => {
                write!(f, "duplicate document id `{id}`: {first} and {second}")
            }
            CorpusError::Empty { path } => {
                write!(f, "{}: no documents (expected {SUPPORTED} files with text)", path.display())
            }
            CorpusError::TooLarge { path, bytes, limit } if *limit == MAX_CORPUS_BYTES => write!(
                f,
                "{}: corpus is {:.1} MiB, over the {} MiB that can sensibly be embedded in a page; \
                 a split index holds up to {} MiB (FAHRAS_SPLIT=1, or fahras build --split)",
                path.display(),
                *bytes as f64 / 1048576.0,
                MAX_CORPUS_BYTES / 1048576,
                MAX_SPLIT_CORPUS_BYTES / 1048576
            ),
            CorpusError::TooLarge { path, bytes, limit } => write!(
                f,
                "{}: corpus is {:.1} MiB, over the {} MiB a split index holds",
                path.display(),
                *bytes as f64 / 1048576.0,
                limit / 1048576
            ),
        }
    }
}

impl std::error::Error for CorpusError {}
