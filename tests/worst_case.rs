//! The most expensive queries we can build (issue 9): long words with several typos (fuzzy walks
//! over the dictionary under every prefix), one-letter prefixes as typed, sixteen clauses of
//! frequent words or of typos, 1 MB strings, operators only, long phrases, the most frequent
//! terms. Each must complete and give a well-formed result; timings are printed, not asserted
//! (they are noisy):
//!
//! ```text
//! cargo test --release --test worst_case -- --nocapture
//! ```
//!
//! They run over the seeds and over synthetic corpora of 500 and 2000 generated Arabic documents
//! (plus one very long one) to show how the cost grows with the corpus. A debug build (plain
//! `cargo test`) uses one corpus of 60; `FAHRAS_WORST_DOCS=n` runs `n / 4` and `n`.

mod common;

use std::time::{Duration, Instant};

use common::{seed_words, Rng, Synth, LETTERS};
use fahras::index::{self, Index};
use fahras::search::query::{MAX_CLAUSES, MAX_QUERY_BYTES};
use fahras::search::MAX_LIMIT;
use fahras::{embedded, Document, SearchOptions};

/// `n_docs` synthetic documents of 50 to 500 words (`common::Synth::docs`), and one document of
/// 100,000 words (snippets and `get` highlights read a document whole).
fn synthetic_corpus(n_docs: usize) -> Vec<Document> {
    let mut synth = Synth::new(Synth::vocab_len_for(n_docs), 0x5EED_F00D_u64 ^ n_docs as u64);
    let mut docs = synth.docs(n_docs);
    let long_words = if cfg!(debug_assertions) { 20_000 } else { 100_000 };
    docs.push(Document {
        id: "long".into(),
        title: "وثيقة طويلة".into(),
        text: synth.text(long_words),
        ..Default::default()
    });
    docs
}

/// Typos in a word: letters replaced at every third position.
fn with_typos(word: &str, typos: usize) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    for t in 0..typos.min(chars.len()) {
        let at = (t * 3 + 1) % chars.len();
        chars[at] = if chars[at] == 'ق' { 'غ' } else { 'ق' };
    }
    chars.into_iter().collect()
}

/// The worst queries we can think of, named.
fn worst_queries() -> Vec<(String, String)> {
    let words = seed_words();
    let frequent: Vec<&str> = words.iter().map(String::as_str).take(MAX_CLAUSES).collect();
    let mut long: Vec<&String> = words.iter().filter(|w| !w.chars().any(|c| c.is_ascii())).collect();
    long.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let longest = long[0].as_str();
    let long16: Vec<&str> = long.iter().map(|w| w.as_str()).take(MAX_CLAUSES).collect();
    let typos16: Vec<String> = long16.iter().map(|w| with_typos(w, 2)).collect();
    let one_mb = 1 << 20;
    let alef_word: String = "ا".repeat(MAX_QUERY_BYTES / 2);
    let mixed_word: String = LETTERS.iter().cycle().take(MAX_QUERY_BYTES / 2).collect();
    let random_mb: String = {
        let mut rng = Rng::new(42);
        (0..one_mb / 3)
            .map(|_| match rng.below(10) {
                0 => ' ',
                1 => '-',
                2 => '"',
                3 => char::from_u32(0x064B + rng.below(8) as u32).unwrap(),
                _ => LETTERS[rng.below(LETTERS.len())],
            })
            .collect()
    };
    let q = |name: &str, query: String| (name.to_string(), query);
    vec![
        q("most frequent word", format!("{} ", frequent[0])),
        q("16 most frequent words", frequent.join(" ") + " "),
        q("16 most frequent, last as prefix", frequent.join(" ")),
        q("16 frequent words as a phrase", format!("\"{}\"", frequent.join(" "))),
        q("phrase of one word 16 times", format!("\"{}\"", vec![frequent[0]; 16].join(" "))),
        q(
            "16 exclusions of frequent words",
            frequent.iter().map(|w| format!("-{w}")).collect::<Vec<_>>().join(" "),
        ),
        q("frequent word minus the others", format!("{} -{}", frequent[0], frequent[1..].join(" -"))),
        q("longest word, exact", format!("{longest} ")),
        q("longest word, 2 typos", format!("{} ", with_typos(longest, 2))),
        q("longest word, 4 typos", format!("{} ", with_typos(longest, 4))),
        q("16 long words, 2 typos each", typos16.join(" ") + " "),
        q("16 long words, exact", long16.join(" ") + " "),
        q("16 long words as a phrase", format!("\"{}\"", long16.join(" "))),
        q("1-letter prefix ا", "ا".to_string()),
        q("1-letter prefix م", "م".to_string()),
        q("1-letter prefix و", "و".to_string()),
        q("2-letter prefix ال", "ال".to_string()),
        q("15 words + 1-letter prefix", format!("{} ا", frequent[..15].join(" "))),
        q(
            "16 one-letter prefixes (last typed)",
            LETTERS.iter().take(16).map(|c| c.to_string()).collect::<Vec<_>>().join(" "),
        ),
        q("unknown 12-letter word", "ضظثسذزصستطغق ".to_string()),
        q("16 unknown 9-letter words", vec!["ضظثسذزصست"; 16].join(" ") + " "),
        q("512 alefs, one word", alef_word.clone()),
        q("512 alefs, one word, space", alef_word + " "),
        q("512 mixed letters, one word", mixed_word),
        q("1 MB of one letter", "م".repeat(one_mb / 2)),
        q("1 MB of words", format!("{} ", frequent[0]).repeat(one_mb / (frequent[0].len() + 1))),
        q("1 MB random letters/operators", random_mb),
        q("1 MB of '-'", "-".repeat(one_mb)),
        q("1 MB of '\"'", "\"".repeat(one_mb)),
        q("1 MB of spaces", " ".repeat(one_mb)),
        q("1 MB of harakat", "\u{064E}".repeat(one_mb / 2)),
        q("operators only", "- \" -\"\" -- \"\" - \"-\" ".repeat(8)),
        q("unclosed phrase of typos", format!("\"{}", typos16[..8].join(" "))),
    ]
}

struct Timing {
    name: String,
    search: Duration,
    get: Duration,
    total: usize,
}

/// Runs every worst query on `index` (a full page, and `get` of the top hit with the query),
/// checks the results are well formed and returns the timings.
fn run(index: &Index, queries: &[(String, String)]) -> Vec<Timing> {
    let options = SearchOptions { limit: MAX_LIMIT, ..Default::default() };
    let mut out = Vec::new();
    for (name, query) in queries {
        let start = Instant::now();
        let result = index.search(query, &options);
        let search = start.elapsed();
        assert!(result.hits.len() <= MAX_LIMIT && result.total >= result.hits.len(), "{name}");
        assert!(result.hits.windows(2).all(|w| w[0].score >= w[1].score), "{name}");
        assert!(result.hits.iter().all(|h| h.score.is_finite()), "{name}");
        // The longest document the query finds, else any: `get` highlights the whole text.
        let id = result.hits.iter().find(|h| h.id == "long").or(result.hits.first()).map(|h| h.id.clone());
        let start = Instant::now();
        if let Some(id) = id {
            let view = index.get(&id, Some(query)).expect("a hit's id is found");
            let len = view.text.encode_utf16().count() as u32;
            assert!(view.highlights.iter().all(|&(s, e)| s < e && e <= len), "{name}");
        }
        let get = start.elapsed();
        out.push(Timing { name: name.clone(), search, get, total: result.total });
    }
    out
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn report(corpus: &str, timings: &[Timing]) {
    eprintln!("\n== {corpus}: search ms | get ms | total hits | query");
    for t in timings {
        eprintln!("{:>10} {:>10} {:>8}  {}", ms(t.search), ms(t.get), t.total, t.name);
    }
    let slowest = timings.iter().max_by_key(|t| t.search + t.get).unwrap();
    eprintln!(
        "slowest on {corpus}: {} ({} ms search + {} ms get)",
        slowest.name,
        ms(slowest.search),
        ms(slowest.get)
    );
}

#[test]
fn worst_queries_complete_on_the_seeds() {
    let queries = worst_queries();
    let timings = run(embedded(), &queries);
    report("seeds", &timings);
}

#[test]
fn worst_queries_complete_on_synthetic_corpora() {
    // A debug build searches about six times slower: one small corpus is enough there.
    let sizes: Vec<usize> = match std::env::var("FAHRAS_WORST_DOCS").ok().and_then(|v| v.parse().ok()) {
        Some(n) => vec![n / 4, n],
        None if cfg!(debug_assertions) => vec![60],
        None => vec![500, 2000],
    };
    let queries = worst_queries();
    let mut columns = Vec::new();
    for n in sizes {
        let start = Instant::now();
        let docs = synthetic_corpus(n);
        let bytes = index::write(&docs);
        let index = Index::open(&bytes).expect("a written index opens");
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let terms = index.terms().len();
        eprintln!(
            "\nsynthetic corpus: {} documents, {words} words, {terms} terms, {} KB index, built in {} ms",
            docs.len(),
            bytes.len() / 1024,
            ms(start.elapsed())
        );
        let timings = run(&index, &queries);
        report(&format!("{} documents", docs.len()), &timings);
        columns.push((docs.len(), timings));
    }
    eprintln!("\n== growth: search + get ms per corpus size");
    let header: Vec<String> = columns.iter().map(|(n, _)| format!("{n:>9} docs")).collect();
    eprintln!("{}  query", header.join(" "));
    for (i, (name, _)) in queries.iter().enumerate() {
        let cells: Vec<String> =
            columns.iter().map(|(_, t)| format!("{:>14}", ms(t[i].search + t[i].get))).collect();
        eprintln!("{}  {name}", cells.join(" "));
    }
}
