use super::*;
use crate::document::Document;
use crate::search::SearchOptions;

fn docs(n: usize) -> Vec<Document> {
    let words = ["كتاب", "العلم", "الصلاة", "مدرسة", "الرباط", "صيام", "رمضان", "المدينة", "السلام", "حديث"];
    (0..n)
        .map(|i| {
            let text: Vec<&str> = (0..40).map(|k| words[(i * 7 + k * 3) % words.len()]).collect();
            Document {
                id: format!("d{i}"),
                title: format!("عنوان {}", words[i % words.len()]),
                text: text.join(" "),
                tags: vec![format!("باب {}", i % 4)],
                ..Document::default()
            }
        })
        .collect()
}

/// Searches `store` as the engine's caller does: fetch what it lacked, search again.
fn search_filled(
    store: &mut Store,
    files: &[(String, Vec<u8>)],
    q: &str,
    o: &SearchOptions,
) -> (crate::SearchResult, usize) {
    for round in 0.. {
        let result = store.index().search(q, o);
        let missing = store.missing();
        if missing.is_empty() {
            return (result, round);
        }
        for name in missing {
            let bytes = &files.iter().find(|(n, _)| *n == name).expect("a chunk of the split").1;
            store.provide(&name, bytes).unwrap();
        }
    }
    unreachable!()
}

#[test]
fn a_split_index_answers_as_the_whole_one_once_its_chunks_are_fetched() {
    let bytes = crate::index::write(&docs(300));
    let whole = crate::Index::open(&bytes).unwrap();
    let files = split(&bytes).unwrap();
    assert!(files.len() > 3, "the corpus is cut: {} files", files.len());
    let (last, chunks) = files[1..].split_last().unwrap();
    assert_eq!(last.0, MANIFEST);
    let manifest = String::from_utf8(last.1.clone()).unwrap();
    assert!(manifest.contains(&format!("\"core\":\"{}\"", files[0].0)), "{manifest}");
    assert!(manifest.contains(&format!("\"files\":{}", files.len())), "{manifest}");
    assert!(files.len() <= 2 + 300 / FRAGMENT_DOCS + files.iter().filter(|f| f.0.starts_with("p.")).count());
    let mut store = Store::open(&files[0].1).unwrap();
    assert_eq!(store.chunk_names(), chunks.iter().map(|f| f.0.clone()).collect::<Vec<_>>());
    let options = SearchOptions { limit: 10, ..SearchOptions::default() };
    for q in ["كتاب", "العلم الصلاة", "مدرسه", "رمض", "\"السلام حديث\"", "كتاب -صيام", "d17"]
    {
        let (split_result, rounds) = search_filled(&mut store, &files, q, &options);
        assert_eq!(split_result, whole.search(q, &options), "{q}");
        assert!(rounds <= 3, "{q}: {rounds} rounds");
    }
    assert_eq!(store.index().get("d5", Some("كتاب")), whole.get("d5", Some("كتاب")));
}

#[test]
fn get_and_facets_need_no_chunk_for_what_the_core_keeps() {
    let bytes = crate::index::write(&docs(50));
    let files = split(&bytes).unwrap();
    let store = Store::open(&files[0].1).unwrap();
    let index = store.index();
    assert_eq!(index.find("d42"), Some(42));
    assert_eq!(index.tags_of(42), "باب 2");
    assert!(store.missing().is_empty());
    assert!(index.get("d42", None).is_none());
    assert_eq!(store.missing().len(), 1, "the fragment of d42 is asked for");
}

#[test]
fn a_chunk_with_other_bytes_or_an_unknown_name_is_refused() {
    let bytes = crate::index::write(&docs(50));
    let files = split(&bytes).unwrap();
    let mut store = Store::open(&files[0].1).unwrap();
    let (name, chunk) = &files[1];
    let mut wrong = chunk.clone();
    wrong[0] ^= 1;
    assert!(store.provide(name, &wrong).unwrap_err().contains("does not hold the bytes"));
    assert!(store.provide(name, &chunk[1..]).is_err());
    assert!(store.provide("p.0000000000000000.bin", chunk).unwrap_err().contains("no chunk is named"));
    assert!(store.provide(name, chunk).is_ok());
}

#[test]
fn bytes_that_are_not_a_core_are_refused_and_never_panic() {
    let bytes = crate::index::write(&docs(30));
    let core = &split(&bytes).unwrap()[0].1;
    assert!(Store::open(&bytes).is_err());
    for cut in (0..core.len()).step_by(7) {
        assert!(Store::open(&core[..cut]).is_err());
    }
    for at in (0..core.len()).step_by(13) {
        let mut bent = core.clone();
        bent[at] ^= 0x5a;
        let _ = Store::open(&bent).map(|s| s.index().search("كتاب", &SearchOptions::default()));
    }
}
