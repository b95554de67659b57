//! [`Collector`]: a corpus read one file at a time, the files' bytes given by the caller.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::MAX_CORPUS_BYTES;
use super::{boilerplate, front_matter, html, jsonl, markdown, title, CorpusError, Format, Loaded, Source};
use crate::document::Document;

/// Reads a corpus one file at a time, from a folder on disk ([`load_with_warnings`]) or from
/// files handed over in memory (the npm package's indexer, which has no file system): the one
/// way files become documents.
pub struct Collector {
    /// The corpus as given: a folder, or one file.
    corpus: PathBuf,
    /// Path ids are relative to it: the folder, or the one file's parent.
    root: PathBuf,
    bytes: u64,
    /// The most bytes of corpus files it reads.
    limit: u64,
    pending: Vec<Pending>,
    warnings: Vec<String>,
}

impl Collector {
    /// A collector for the corpus at `corpus`, a folder (`is_dir`) or one file.
    pub fn new(corpus: &Path, is_dir: bool) -> Collector {
        let root = if is_dir { corpus } else { corpus.parent().unwrap_or(Path::new("")) };
        Collector {
            corpus: corpus.to_path_buf(),
            root: root.to_path_buf(),
            bytes: 0,
            limit: MAX_CORPUS_BYTES,
            pending: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The collector refusing more than `limit` bytes of corpus files (by default
    /// [`MAX_CORPUS_BYTES`], what can be embedded).
    pub fn up_to(mut self, limit: u64) -> Collector {
        self.limit = limit;
        self
    }

    /// Whether `file` is read (by its extension).
    pub fn wants(&self, file: &Path) -> bool {
        Format::of(file).is_ok()
    }

    /// Refuses a corpus of more bytes in all than the limit ([`Collector::up_to`]).
    pub fn check_size(&self, bytes: u64) -> Result<(), CorpusError> {
        if bytes > self.limit {
            return Err(CorpusError::TooLarge { path: self.corpus.clone(), bytes, limit: self.limit });
        }
        Ok(())
    }

    /// Reads the documents of one file, given its bytes; a file it does not [`want`](Self::wants)
    /// (whose bytes need not be read: pass none) is named in the warnings instead. Called in
    /// path order, so the documents and warnings come in it.
    pub fn add(&mut self, file: &Path, bytes: Vec<u8>) -> Result<(), CorpusError> {
        let format = match Format::of(file) {
            Ok(format) => format,
            Err(reason) => {
                self.warnings.push(format!("{}: skipped ({reason})", file.display()));
                return Ok(());
            }
        };
        self.bytes += bytes.len() as u64;
        self.check_size(self.bytes)?;
        let mut source = String::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
            path: file.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        if source.starts_with('\u{feff}') {
            source.drain(..'\u{feff}'.len_utf8());
        }
        let before = self.pending.len();
        match format {
            Format::Jsonl => read_jsonl(file, &source, &mut self.pending)?,
            _ => self.pending.push(read_file(&self.root, file, format, source)?),
        }
        for doc in self.pending.split_off(before) {
            if doc.text.trim().is_empty() {
                self.warnings.push(format!("{}: skipped (empty document)", doc.source));
            } else {
                self.pending.push(doc);
            }
        }
        Ok(())
    }

    /// The files and documents skipped so far, and why.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// How many documents have been read so far.
    pub fn documents(&self) -> usize {
        self.pending.len()
    }

    /// The documents read, in collection order.
    pub fn finish(self) -> Result<Loaded, CorpusError> {
        let Collector { corpus, mut pending, warnings, .. } = self;
        let mut seen: HashMap<&str, &Source> = HashMap::new();
        for doc in &pending {
            if let Some(first) = seen.insert(&doc.id, &doc.source) {
                let (id, first, second) = (doc.id.clone(), first.clone(), doc.source.clone());
                return Err(CorpusError::DuplicateId { id, first, second });
            }
        }
        if pending.is_empty() {
            return Err(CorpusError::Empty { path: corpus });
        }

        // Stable: equal keys keep corpus order; `None` sorts after every `Some`.
        pending.sort_by_key(|d| (d.order.is_none(), d.order));
        let cleaner = boilerplate::Cleaner::new(pending.iter().filter(|d| d.clean).map(|d| d.text.as_str()));
        let mut loaded = Loaded { documents: Vec::with_capacity(pending.len()), warnings };
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
