//! Corpora for the search tests: documents of made-up words named by number.

use crate::document::Document;
use crate::index;

/// The index of one document per entry of `docs` (ids `d0`, `d1`…), its text the words that
/// `word` names.
pub fn index_of(docs: &[Vec<usize>], word: impl Fn(usize) -> String) -> Vec<u8> {
    let documents: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, words)| Document {
            id: format!("d{i}"),
            title: "عنوان".into(),
            text: words.iter().map(|&w| word(w)).collect::<Vec<_>>().join(" "),
            ..Default::default()
        })
        .collect();
    index::write(&documents)
}
