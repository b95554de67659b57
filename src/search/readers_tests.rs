//! Tests of what Quran and hadith readers ask of a search: either-or, typed diacritics,
//! facets, collection order, guesses flagged as guesses.
use super::*;
use crate::document::Document;
use crate::index;

fn doc(id: &str, text: &str, tags: &[&str]) -> Document {
    Document {
        id: id.into(),
        title: "t".into(),
        text: text.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

fn ids(result: &SearchResult) -> Vec<&str> {
    result.hits.iter().map(|h| h.id.as_str()).collect()
}

fn with(options: SearchOptions, bytes: &[u8], q: &str) -> SearchResult {
    Index::open(bytes).unwrap().search(q, &options)
}

fn search(bytes: &[u8], q: &str) -> SearchResult {
    with(SearchOptions::default(), bytes, q)
}

fn worship() -> Vec<u8> {
    index::write(&[
        doc("s", "فرض الصيام في رمضان", &["صوم"]),
        doc("w", "الصوم في رمضان جنة", &["صوم", "فضائل"]),
        doc("p", "أقيموا الصلاة وآتوا الزكاة", &["صلاة"]),
        doc("z", "الزكاة في رمضان", &["زكاة"]),
    ])
}

#[test]
fn a_bar_matches_either_word() {
    let bytes = worship();
    let r = search(&bytes, "الصلاة | الزكاة ");
    let mut either = ids(&r);
    either.sort();
    assert_eq!(either, ["p", "z"]);
    let r = search(&bytes, "رمضان الصيام | الصوم ");
    let mut fasting = ids(&r);
    fasting.sort();
    assert_eq!(fasting, ["s", "w"]);
    assert!(!search(&bytes, "رمضان الصيام | الصوم ").relaxed);
}

#[test]
fn facets_count_every_match_whatever_the_tag_filter() {
    let bytes = worship();
    let mut options = SearchOptions { facets: true, limit: 1, ..Default::default() };
    let r = with(options.clone(), &bytes, "رمضان ");
    let counts: Vec<(&str, u32)> =
        r.facets.as_ref().unwrap().tags.iter().map(|f| (f.value.as_str(), f.count)).collect();
    assert_eq!(counts, [("صوم", 2), ("زكاة", 1), ("فضائل", 1)], "all pages, most first");
    options.filter.tags = vec!["زكاة".into()];
    let filtered = with(options, &bytes, "رمضان ");
    assert_eq!((filtered.total, ids(&filtered)), (1, vec!["z"]));
    assert_eq!(filtered.facets, r.facets);
    assert!(search(&bytes, "رمضان ").facets.is_none(), "only when asked for");
    let index = Index::open(&bytes).unwrap();
    for n in 0..=index.len() {
        assert_eq!(index.tags_of(n), index.doc(n).map_or("", |d| d.tags), "document {n}");
    }
}

#[test]
fn order_sort_lists_matches_in_corpus_order() {
    let bytes = index::write(&[
        doc("1", "الصلاة", &[]),
        doc("2", "الصلاة الصلاة الصلاة الصلاة", &[]),
        doc("3", "الصلاة", &[]),
    ]);
    let order = SearchOptions { sort: Sort::Order, ..Default::default() };
    assert_eq!(ids(&with(order.clone(), &bytes, "الصلاة ")), ["1", "2", "3"]);
    let paged = with(SearchOptions { offset: 1, limit: 1, ..order }, &bytes, "الصلاة ");
    assert_eq!((paged.total, ids(&paged)), (3, vec!["2"]));
    assert_eq!(search(&bytes, "الصلاة ").hits[0].id, "2", "relevance is unchanged");
}

fn vocalised() -> Vec<u8> {
    index::write(&[
        doc("king", "قُلۡ أَعُوذُ بِرَبِّ ٱلنَّاسِ مَلِكِ ٱلنَّاسِ", &[]),
        doc("angel", "وَقَالَ مَلَكٌ مِنَ ٱلسَّمَاءِ", &[]),
        doc("kingdom", "تَبَٰرَكَ ٱلَّذِي بِيَدِهِ ٱلۡمُلۡكُ", &[]),
    ])
}

#[test]
fn typed_harakat_rank_the_words_that_agree_first() {
    let bytes = vocalised();
    for (q, first) in [("مَلِك ", "king"), ("مَلَك ", "angel"), ("مُلْك ", "kingdom")] {
        let r = search(&bytes, q);
        assert_eq!(r.hits.first().map(|h| h.id.as_str()), Some(first), "{q}");
        assert_eq!(r.total, 3, "{q}: the others still match");
    }
    let unmarked = search(&bytes, "ملك ");
    assert_eq!(unmarked.total, 3);
}

#[test]
fn agreement_can_be_required_or_ignored() {
    let bytes = vocalised();
    let require = SearchOptions { marks: Marks::Require, ..Default::default() };
    let r = with(require.clone(), &bytes, "مَلَك ");
    assert_eq!((r.total, ids(&r)), (1, vec!["angel"]));
    assert_eq!(with(require, &bytes, "ملك ").total, 3, "no marks typed, nothing to agree with");
    let ignore = SearchOptions { marks: Marks::Ignore, ..Default::default() };
    assert_eq!(with(ignore.clone(), &bytes, "مَلَك ").hits, with(ignore, &bytes, "ملك ").hits);
}

#[test]
fn words_found_by_a_guess_say_what_they_matched() {
    let bytes = index::write(&[doc("f", "افتتح المهرجان الدولي للفيلم", &[])]);
    let r = search(&bytes, "المهرجاان ");
    assert_eq!(ids(&r), ["f"]);
    assert_eq!(r.approximate, [Approximate { word: "المهرجاان".into(), matched: "المهرجان".into() }]);
    assert!(search(&bytes, "المهرجان ").approximate.is_empty(), "found as typed");
    assert!(search(&bytes, "كرة ").approximate.is_empty(), "nothing found, nothing guessed");
}
