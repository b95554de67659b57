//! The public Rust API over the compiled-in seeds.

mod common;

use std::path::Path;

use fahras::{corpus, embedded, index, Index, SearchOptions};

fn seed_ids() -> Vec<String> {
    common::seed_texts().into_iter().map(|(id, _)| id).collect()
}

fn hit_ids(query: &str) -> Vec<String> {
    let options = SearchOptions { limit: 100, ..Default::default() };
    let mut ids: Vec<String> = embedded().search(query, &options).hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn hammouchi_is_in_every_seed() {
    let ids = seed_ids();
    assert_eq!(ids.len(), 5);
    assert_eq!(hit_ids("حموشي"), ids);
}

#[test]
fn hamza_spellings_find_the_same_documents() {
    assert!(!hit_ids("الأمن").is_empty());
    assert_eq!(hit_ids("الأمن"), hit_ids("الامن"));
    assert_eq!(hit_ids("أصبح"), hit_ids("اصبح"));
}

#[test]
fn get_returns_each_seed_as_loaded() {
    let loaded = corpus::load(Path::new("seeds")).unwrap();
    assert_eq!(loaded.len(), seed_ids().len());
    for d in loaded {
        let doc = embedded().get(&d.id, None).unwrap();
        assert_eq!(doc.text, d.text, "{}", d.id);
        assert!(!doc.title.is_empty());
    }
    assert_eq!(embedded().get("no-such-document", None), None);
    assert_eq!(embedded().get("", Some("حموشي")), None);
}

#[test]
fn titles_read_as_titles() {
    for id in seed_ids() {
        let title = embedded().get(&id, None).unwrap().title;
        let words = title.split_whitespace().count();
        assert!((3..=30).contains(&words), "{id}: {title}");
        assert!(!title.ends_with(['،', ',', ':']), "{id}: {title}");
    }
}

#[test]
fn the_embedded_index_is_the_seeds_index() {
    let docs = corpus::load(Path::new("seeds")).unwrap();
    let bytes = index::write(&docs);
    assert_eq!(bytes.len(), fahras::embedded_len());
    let index = Index::open(&bytes).unwrap();
    let options = SearchOptions::default();
    assert_eq!(
        index.search("الدبلوماسية الأمنية", &options),
        embedded().search("الدبلوماسية الأمنية", &options)
    );
}

#[test]
fn highlights_are_utf16_ranges_of_words_in_the_snippet() {
    let result = embedded().search("حموشي الأمن", &SearchOptions::default());
    assert!(!result.hits.is_empty());
    for hit in result.hits {
        let units: Vec<u16> = hit.snippet.encode_utf16().collect();
        assert!(!hit.highlights.is_empty(), "{}", hit.id);
        for (s, e) in hit.highlights {
            assert!(s < e && (e as usize) <= units.len());
            let word = String::from_utf16(&units[s as usize..e as usize]).unwrap();
            assert!(!word.contains(' '), "{word}");
        }
    }
}
