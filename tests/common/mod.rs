//! What several integration tests share: the seed texts, a seeded PRNG and a generator of
//! synthetic Arabic corpora. Each user says `mod common;`.

// Each test crate compiles its own copy of this module and uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;

use fahras::analysis::tokenize;
use fahras::Document;

/// The seed corpus straight from disk: `(id, text)` of each `seeds/*.txt`, sorted by id (the
/// file stem). Tests run from the crate root.
pub fn seed_texts() -> Vec<(String, String)> {
    let mut seeds: Vec<(String, String)> = std::fs::read_dir("seeds")
        .expect("run from the crate root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    seeds.sort();
    seeds
}

/// The words of the seed texts as written, most frequent first (ties by the word).
pub fn seed_words() -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, text) in seed_texts() {
        for token in tokenize(&text) {
            *counts.entry(text[token.start..token.end].to_string()).or_default() += 1;
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.into_iter().map(|(w, _)| w).collect()
}

// The unit tests in src/ use the same generator.
#[path = "../../src/test_rng.rs"]
mod test_rng;
pub use test_rng::Rng;

pub const LETTERS: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق',
    'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ة', 'أ', 'إ', 'ى', 'ء', 'ؤ', 'ئ',
];
const PREFIXES: &[&str] = &["", "", "", "ال", "ال", "وال", "بال", "لل", "و", "ب", "ل", "ف", "ك"];
const SUFFIXES: &[&str] = &["", "", "", "ة", "ات", "ون", "ين", "ها", "هم", "ي", "ية", "ان"];

/// Synthetic Arabic text: a vocabulary of the seed words (most frequent first) then made-up
/// words (three to seven letters, with the prefixes and suffixes Arabic words carry), from which
/// words are drawn with a skewed frequency, so that the dictionary is large and a few terms have
/// long posting lists, as in real text.
pub struct Synth {
    pub rng: Rng,
    pub vocab: Vec<String>,
}

impl Synth {
    /// A vocabulary of at least `vocab_len` words (all the seed words, then made-up ones).
    pub fn new(vocab_len: usize, seed: u64) -> Synth {
        let mut rng = Rng::new(seed);
        let mut vocab = seed_words();
        vocab.reserve(vocab_len.saturating_sub(vocab.len()));
        while vocab.len() < vocab_len {
            let len = 3 + rng.below(5);
            let stem: String = (0..len).map(|_| LETTERS[rng.below(LETTERS.len())]).collect();
            let prefix = PREFIXES[rng.below(PREFIXES.len())];
            let suffix = SUFFIXES[rng.below(SUFFIXES.len())];
            vocab.push(format!("{prefix}{stem}{suffix}"));
        }
        Synth { rng, vocab }
    }

    /// The vocabulary size [`synthetic_docs`] uses for `n` documents: it grows with the corpus.
    pub fn vocab_len_for(n_docs: usize) -> usize {
        20 * n_docs + 2000
    }

    /// `words` words, a full stop after every 17th.
    pub fn text(&mut self, words: usize) -> String {
        let mut text = String::with_capacity(words * 12);
        for i in 0..words {
            text.push_str(&self.vocab[self.rng.skewed(self.vocab.len())]);
            text.push_str(if i % 17 == 16 { ". " } else { " " });
        }
        text
    }

    /// `n` documents `doc00000`, `doc00001`…: a title of 3 to 10 words, which is also the first
    /// line of the text (a headline), then a body of 50 to 500 words.
    pub fn docs(&mut self, n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| {
                let title_words = 3 + self.rng.below(8);
                let title = self.text(title_words).trim_end().to_string();
                let words = 50 + self.rng.below(450);
                let mut text = String::with_capacity(title.len() + 1 + words * 12);
                text.push_str(&title);
                text.push('\n');
                text.push_str(&self.text(words));
                Document { id: format!("doc{i:05}"), title, text, ..Default::default() }
            })
            .collect()
    }
}

/// `n` synthetic documents (see [`Synth::docs`]) over a vocabulary of
/// [`Synth::vocab_len_for`]`(n)` words, the same for the same `n` and `seed`.
pub fn synthetic_docs(n: usize, seed: u64) -> Vec<Document> {
    Synth::new(Synth::vocab_len_for(n), seed).docs(n)
}
