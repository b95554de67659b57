//! Tests of the module as a whole, through its public API.
use super::*;
use crate::document::Document;
use crate::index;

fn corpus() -> Vec<u8> {
    let doc = |id: &str, title: &str, body: &str| Document {
        id: id.into(),
        title: title.into(),
        text: format!("{title}\n{body}"),
        ..Default::default()
    };
    index::write(&[
        doc("a", "الأمن في موسكو", "شارك حموشي في مؤتمر الأمن الدولي في موسكو."),
        doc("b", "زيارة الرباط", "استقبل المدير العام للأمن الوطني وفدا أجنبيا في الرباط."),
        doc("c", "الدبلوماسية الأمنية", "الدبلوماسية الأمنية المغربية نموذج. حموشي يقود الدبلوماسية."),
        doc("d", "مقال طويل", &format!("{} حموشي {} الرباط", "كلمة ".repeat(60), "كلمة ".repeat(60))),
    ])
}

fn ids(result: &SearchResult) -> Vec<&str> {
    result.hits.iter().map(|h| h.id.as_str()).collect()
}

fn search(bytes: &[u8], q: &str) -> SearchResult {
    Index::open(bytes).unwrap().search(q, &SearchOptions::default())
}

#[test]
fn all_words_must_match() {
    let bytes = corpus();
    assert_eq!(ids(&search(&bytes, "حموشي موسكو ")), ["a"]);
    let r = search(&bytes, "حموشي ");
    assert_eq!(r.total, 3);
    assert!(!r.relaxed);
}

#[test]
fn every_document_with_all_the_words_is_counted() {
    // Made-up words no two of which share a stem or a prefix, drawn mostly from the first few.
    let word = |n: usize| -> String {
        [n / 8, n].iter().map(|&i| ['ت', 'ج', 'د', 'ر', 'س', 'ص', 'ط', 'ق'][i % 8]).chain(['م']).collect()
    };
    let mut rng = crate::test_rng::Rng::new(5);
    let docs: Vec<Vec<usize>> = (0..300).map(|_| (0..6).map(|_| rng.skewed(40)).collect()).collect();
    let index_bytes = super::test_corpus::index_of(&docs, word);
    let index = Index::open(&index_bytes).unwrap();
    let mut relaxed = 0;
    for _ in 0..200 {
        let picked: Vec<usize> = (0..2 + rng.below(2)).map(|_| rng.skewed(40)).collect();
        let query = picked.iter().map(|&w| word(w) + " ").collect::<String>();
        let all = docs.iter().filter(|d| picked.iter().all(|w| d.contains(w))).count();
        let any = docs.iter().filter(|d| picked.iter().any(|w| d.contains(w))).count();
        let r = index.search(&query, &SearchOptions::default());
        // With none that has them all, those that have any count, ranked by how many.
        assert_eq!((r.total, r.relaxed), (if all > 0 { all } else { any }, all == 0), "{query}");
        assert_eq!(r.hits.len(), r.total.min(10), "{query}");
        // Facets take the pass off the tables' shortcut (see `eval::tabled`): the same hits.
        let general = index.search(&query, &SearchOptions { facets: true, ..Default::default() });
        let scored = |r: &SearchResult| r.hits.iter().map(|h| (h.id.clone(), h.score)).collect::<Vec<_>>();
        assert_eq!((scored(&general), general.total), (scored(&r), r.total), "{query}");
        relaxed += usize::from(r.relaxed);
    }
    assert!((20..180).contains(&relaxed), "{relaxed} of 200 queries relaxed: both passes are tried");
}

#[test]
fn nothing_in_common_falls_back_to_most_words_matched() {
    let bytes = corpus();
    let r = search(&bytes, "موسكو الرباط ");
    assert!(r.relaxed);
    assert_eq!(r.total, 3);
}

#[test]
fn phrases_need_adjacent_words() {
    let bytes = corpus();
    assert_eq!(ids(&search(&bytes, "\"الدبلوماسية الأمنية\"")), ["c"]);
    assert!(search(&bytes, "\"موسكو حموشي\"").hits.is_empty());
}

#[test]
fn exclusions_remove_documents() {
    let bytes = corpus();
    let r = search(&bytes, "حموشي -موسكو");
    assert_eq!(r.total, 2);
    assert!(!ids(&r).contains(&"a"));
    assert_eq!(search(&bytes, "حموشي -\"الدبلوماسية الأمنية\" ").total, 2);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let bytes = corpus();
    assert_eq!(ids(&search(&bytes, "الدبلوما")), ["c"]);
    assert!(search(&bytes, "الدبلوما ").hits.is_empty());
}

#[test]
fn typos_are_forgiven_below_exact_matches() {
    let bytes = corpus();
    assert_eq!(ids(&search(&bytes, "موسكوو ")), ["a"]);
    assert_eq!(ids(&search(&bytes, "الدبلوماسيا ")), ["c"]);
}

#[test]
fn stems_match_with_attached_prepositions() {
    let bytes = corpus();
    let r = search(&bytes, "الأمن ");
    assert!(ids(&r).contains(&"b"), "للأمن should match: {:?}", ids(&r));
    assert_eq!(r.hits[0].id, "a");
}

#[test]
fn scores_descend_and_pages_do_not_overlap() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    let all = index.search("حموشي ", &SearchOptions::default());
    assert!(all.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let page = |offset| index.search("حموشي ", &SearchOptions { limit: 1, offset, ..Default::default() });
    let paged: Vec<String> = (0..3).map(|o| page(o).hits[0].id.clone()).collect();
    assert_eq!(paged, ids(&all));
    assert!(page(5).hits.is_empty());
    assert_eq!(page(5).total, 3);
}

#[test]
fn stopword_only_queries_still_search() {
    let bytes = corpus();
    assert!(search(&bytes, "في ").total >= 2);
}

#[test]
fn highlights_mark_matched_words_in_snippet_and_title() {
    let bytes = corpus();
    let r = search(&bytes, "الأمن ");
    let hit = &r.hits[0];
    let units: Vec<u16> = hit.title.encode_utf16().collect();
    let (s, e) = hit.title_highlights[0];
    assert_eq!(String::from_utf16(&units[s as usize..e as usize]).unwrap(), "الأمن");
    assert!(!hit.highlights.is_empty());
}

#[test]
fn get_returns_the_text_and_query_highlights() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    let doc = index.get("a", Some("موسكو")).unwrap();
    assert!(doc.text.starts_with("الأمن في موسكو\n"));
    assert_eq!(doc.highlights.len(), 2);
    assert!(index.get("a", None).unwrap().highlights.is_empty());
    assert_eq!(index.get("zzz", None), None);
}

fn dated_corpus() -> Vec<u8> {
    let doc = |id: &str, date: Option<&str>, tags: &[&str]| Document {
        id: id.into(),
        title: format!("عنوان {id}"),
        text: "الأمن الوطني".into(),
        date: date.map(str::to_string),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        url: Some(format!("/{id}")),
        refs: Vec::new(),
    };
    index::write(&[
        doc("a", Some("2025-05-27"), &["روسيا"]),
        doc("b", Some("2025-11-24"), &["أنتربول", "مراكش"]),
        doc("c", None, &["مراكش"]),
    ])
}

#[test]
fn filters_by_tag_and_date_and_sorts_by_date() {
    let bytes = dated_corpus();
    let index = Index::open(&bytes).unwrap();
    let run = |filter: Filter, sort: Sort| {
        let options = SearchOptions { filter, sort, ..Default::default() };
        ids(&index.search("الأمن", &options)).into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let tags = Filter { tags: vec!["مراكش".into()], ..Default::default() };
    let mut got = run(tags, Sort::Relevance);
    got.sort();
    assert_eq!(got, ["b", "c"]);
    let since = Filter { from: Some(20250601), ..Default::default() };
    assert_eq!(run(since, Sort::Relevance), ["b"]);
    let until = Filter { to: Some(20250601), ..Default::default() };
    assert_eq!(run(until, Sort::Relevance), ["a"]);
    assert_eq!(run(Filter::default(), Sort::Date), ["b", "a", "c"]);
}

#[test]
fn hits_and_documents_carry_their_metadata() {
    let bytes = dated_corpus();
    let index = Index::open(&bytes).unwrap();
    let hit = index.search("الأمن", &SearchOptions::default()).hits.into_iter().find(|h| h.id == "b").unwrap();
    assert_eq!((hit.url.as_deref(), hit.date.as_deref()), (Some("/b"), Some("2025-11-24")));
    assert_eq!(hit.tags, ["أنتربول", "مراكش"]);
    let doc = index.get("c", None).unwrap();
    assert_eq!((doc.date, doc.tags), (None, vec!["مراكش".to_string()]));
}

#[test]
fn a_query_typed_on_the_wrong_layout_is_retyped() {
    let bytes = corpus();
    let r = search(&bytes, "l,s;,");
    assert_eq!(r.corrected.as_deref(), Some("موسكو"));
    assert_eq!(r.query, "l,s;,");
    assert_eq!(ids(&r), ["a"]);
    assert_eq!(search(&bytes, "موسكو").corrected, None);
}

#[test]
fn latin_names_find_their_arabic_spelling_below_direct_matches() {
    let bytes = corpus();
    let r = search(&bytes, "Moscou ");
    assert_eq!(ids(&r), ["a"]);
    assert!(r.hits[0].score < search(&bytes, "موسكو ").hits[0].score);
    assert_eq!(ids(&search(&bytes, "Rabat ")).len(), 2);
}

#[test]
fn month_names_match_across_dialects() {
    let doc = |id: &str, text: &str| Document {
        id: id.into(),
        title: "t".into(),
        text: text.into(),
        ..Default::default()
    };
    let bytes = index::write(&[doc("m", "اجتماع 27 شتنبر"), doc("l", "اجتماع في أيلول"), doc("n", "اجتماع")]);
    let mut got = ids(&search(&bytes, "سبتمبر ")).into_iter().map(str::to_string).collect::<Vec<_>>();
    got.sort();
    assert_eq!(got, ["l", "m"]);
    assert_eq!(search(&bytes, "شتنبر ").hits[0].id, "m");
}

#[test]
fn get_highlights_what_a_corrected_search_finds() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    assert_eq!(index.get("a", Some("l,s;,")).unwrap().highlights.len(), 2, "not searched yet");
    assert_eq!(index.search("l,s;,", &SearchOptions::default()).corrected.as_deref(), Some("موسكو"));
    assert_eq!(index.get("a", Some("l,s;,")).unwrap().highlights.len(), 2);
    assert_eq!(index.get("a", Some("موسكو")).unwrap().highlights.len(), 2);
}

#[test]
fn a_rare_completion_the_other_words_call_for_is_found() {
    let letters = ["ب", "ت", "ج", "د", "ر", "س", "ص", "ط"];
    // 64 completions of مست in two documents each, and one rare one beside حموشي.
    let mut docs: Vec<Document> = (0..64)
        .flat_map(|i| {
            let word = format!("مست{}{}", letters[i / 8], letters[i % 8]);
            (0..2).map(move |j| Document {
                id: format!("f{i}-{j}"),
                title: "t".into(),
                text: format!("{word} كلمة"),
                ..Default::default()
            })
        })
        .collect();
    docs.push(Document {
        id: "a".into(),
        title: "t".into(),
        text: "حموشي مستنقعات".into(),
        ..Default::default()
    });
    let bytes = index::write(&docs);
    assert_eq!(ids(&search(&bytes, "حموشي مست")), ["a"]);
    assert!(!search(&bytes, "حموشي مست").relaxed);
    assert!(search(&bytes, "مست").total > 2 * expand::MAX_COMPLETIONS - 10);
}

#[test]
fn nothing_found_suggests_close_words_as_written() {
    let bytes = corpus();
    let r = search(&bytes, "الرباطططط ");
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestions, ["الرباط"]);
}

#[test]
fn empty_and_operator_only_queries_find_nothing() {
    let bytes = corpus();
    for q in ["", "   ", "-", "\"", "-\"\"", "؟"] {
        let r = search(&bytes, q);
        assert_eq!((r.total, r.hits.len()), (0, 0), "{q:?}");
    }
}
