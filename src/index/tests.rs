//! Tests of the module as a whole, through its public API.
use super::*;
use crate::document::Document;

fn docs() -> Vec<Document> {
    let doc = |id: &str, title: &str, text: &str| Document {
        id: id.into(),
        title: title.into(),
        text: text.into(),
        ..Default::default()
    };
    vec![
        doc("b", "الأمن الوطني", "الأمن الوطني\nقال المدير إن الأمن أولوية."),
        doc("a", "زيارة", "زيارة للأمم المتحدة"),
    ]
}

#[test]
fn opens_what_write_produces() {
    let bytes = write(&docs());
    let index = Index::open(&bytes).unwrap();
    assert_eq!(index.len(), 2);
    let b = index.doc(index.find("b").unwrap()).unwrap();
    assert_eq!(b.title, "الأمن الوطني");
    assert_eq!(b.body(), "قال المدير إن الأمن أولوية.");
    // Numbered in the order given, found by id all the same.
    assert_eq!((index.find("b"), index.find("a")), (Some(0), Some(1)));
    assert_eq!(index.find("c"), None);
}

#[test]
fn ids_are_found_in_any_document_order() {
    let doc =
        |id: &str| Document { id: id.into(), title: "t".into(), text: "نص".into(), ..Default::default() };
    for order in [["a", "b", "c", "d"], ["d", "c", "b", "a"], ["c", "a", "d", "b"]] {
        let bytes = write(&order.map(doc));
        let index = Index::open(&bytes).unwrap();
        for (n, id) in order.iter().enumerate() {
            assert_eq!(index.find(id), Some(n as u32), "{order:?}");
            assert_eq!(index.doc(n as u32).unwrap().id, *id);
        }
        assert_eq!(index.find("e"), None);
        assert_eq!(index.find(""), None);
    }
}

#[test]
fn refs_map_keys_to_their_documents() {
    let doc = |id: &str, refs: &[&str]| Document {
        id: id.into(),
        title: "t".into(),
        text: "نص".into(),
        refs: refs.iter().map(|r| r.to_string()).collect(),
        ..Default::default()
    };
    // More than a dictionary block of keys, so later blocks and lists past the first are read.
    let mut docs: Vec<Document> =
        (1..=40).map(|v| doc(&format!("v{v:02}"), &[&format!("2:{v}"), &format!("البقرة {v}")])).collect();
    docs.push(doc("h", &["٧", "البقره ٣"]));
    let bytes = write(&docs);
    let index = Index::open(&bytes).unwrap();
    let refs = |key: &str| index.refs(key).collect::<Vec<u32>>();
    assert_eq!(refs("2:1"), [0]);
    assert_eq!(refs("2:40"), [39]);
    assert_eq!(refs("بقره:3"), [2, 40]);
    assert_eq!(refs("بقره"), (0..=40).collect::<Vec<u32>>());
    assert_eq!(refs("7"), [40]);
    assert!(refs("2:41").is_empty() && refs("").is_empty());
    assert!(Index::empty().refs("7").next().is_none());
}

fn postings(index: &Index, ordinal: u32) -> Vec<(u32, Vec<u32>, Vec<u32>)> {
    let mut cursor = index.cursor(ordinal);
    let mut out = Vec::new();
    while cursor.advance() != postings::END {
        let (mut title, mut body) = (Vec::new(), Vec::new());
        cursor.positions(&mut title, &mut body);
        out.push((cursor.doc(), title, body));
    }
    out
}

#[test]
fn postings_map_back_to_documents_fields_and_positions() {
    let bytes = write(&docs());
    let index = Index::open(&bytes).unwrap();
    let term = index.term("الامن").unwrap();
    assert_eq!(postings(&index, term), [(0, vec![0], vec![3])]);
    let term = index.term("زياره").unwrap();
    // The title was derived, not a headline line, so the body is the whole text.
    assert_eq!(postings(&index, term), [(1, vec![0], vec![0])]);
    assert_eq!(index.term_string(term).as_deref(), Some("زياره"));
}

#[test]
fn postings_of_every_term_in_a_larger_dictionary_are_right() {
    let text: String = (0..100).map(|i| format!("w{i} ")).collect();
    let bytes = write(&[Document { id: "x".into(), title: "t".into(), text, ..Default::default() }]);
    let index = Index::open(&bytes).unwrap();
    for i in 0..100u32 {
        let term = index.term(&format!("w{i}")).unwrap();
        assert_eq!(postings(&index, term)[0].2, vec![i]);
    }
}

#[test]
fn strings_apart_open_as_the_whole_does() {
    let bytes = write(&docs());
    let (head, [strings]) = split_off(&bytes, ["STRINGS"]).unwrap();
    let strings = std::str::from_utf8(strings).unwrap();
    let index = Index::open_with_strings(&head, strings).unwrap();
    let whole = Index::open(&bytes).unwrap();
    assert_eq!(index.doc(0).unwrap().text, whole.doc(0).unwrap().text);
    assert_eq!(index.find("a"), whole.find("a"));
    // Strings that are not the index's are an error, not a wrong document.
    let half = strings.char_indices().nth(strings.chars().count() / 2).map_or(0, |(i, _)| i);
    let short = &strings[..half];
    assert!(matches!(Index::open_with_strings(&head, short), Err(FormatError::BadDocument(_))));
}

#[test]
fn bad_bytes_are_errors() {
    assert_eq!(Index::open(b"").unwrap_err(), FormatError::TooShort(0));
    let mut bytes = write(&docs());
    bytes[0] = b'X';
    assert_eq!(Index::open(&bytes).unwrap_err(), FormatError::BadMagic);
    let bytes = write(&docs());
    for cut in 0..bytes.len() {
        assert!(Index::open(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn metadata_round_trips() {
    let doc = Document {
        id: "m".into(),
        title: "t".into(),
        text: "نص".into(),
        url: Some("https://example.org/a".into()),
        date: Some("2025-05-27".into()),
        tags: vec!["أمن".into(), "روسيا".into()],
        refs: Vec::new(),
    };
    let bytes = write(&[doc, docs().remove(0)]);
    let index = Index::open(&bytes).unwrap();
    let m = index.doc(index.find("m").unwrap()).unwrap();
    assert_eq!(m.url().as_deref(), Some("https://example.org/a"));
    assert_eq!(m.date().as_deref(), Some("2025-05-27"));
    assert_eq!(m.tags(), ["أمن", "روسيا"]);
    let b = index.doc(index.find("b").unwrap()).unwrap();
    assert_eq!((b.url(), b.date(), b.tags()), (None, None, vec![]));
}

#[test]
fn decimals_are_digits() {
    for n in [0, 7, 10, 2025, u32::MAX] {
        assert_eq!(decimal(n), n.to_string());
    }
}

#[test]
fn dates_parse_only_when_valid() {
    assert_eq!(parse_date("2025-11-27"), Some(20251127));
    assert_eq!(parse_date("2024-02-29"), Some(20240229));
    for bad in ["2023-02-29", "2025-13-01", "2025-1-01", "25-11-27", "2025/11/27", "", "٢٠٢٥-١١-٢٧"] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn the_empty_index_answers_nothing() {
    let index = Index::empty();
    assert!(index.is_empty());
    assert_eq!(index.find("x"), None);
    assert_eq!(index.term("x"), None);
    assert!(postings(&index, 0).is_empty());
}

#[test]
fn doc_counts_agree_with_cursors() {
    let text: String = (0..40).map(|i| format!("w{} ", i % 23)).collect();
    let docs: Vec<Document> = (0..30)
        .map(|n| Document {
            id: format!("{n:02}"),
            title: "t".into(),
            text: text[..3 * n + 3].into(),
            ..Default::default()
        })
        .collect();
    let bytes = write(&docs);
    let index = Index::open(&bytes).unwrap();
    for ordinal in 0..index.terms().len() {
        assert_eq!(index.doc_count(ordinal), index.cursor(ordinal).doc_count(), "term {ordinal}");
    }
    assert_eq!(index.doc_count(index.terms().len()), 0);
}
