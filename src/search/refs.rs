//! Reference queries: a query that is, as a whole, a reference the corpus gives (`2:255`,
//! `سورة البقرة آية ٢٥٥`, `سورة يس`, a hadith number) puts the documents of that reference
//! first, in collection order, ahead of the ranked results of the same query as words. The
//! query is read into a key by `analysis::refs`, as the build read the documents' `refs`.
//!
//! The evaluation is told the pinned documents: it counts those it matches (`overlap`) instead
//! of ranking them, so the ranked list holds none of them and the total counts each once.

use super::eval::Evaluation;
use super::topk::Ranked;
use super::types::Filter;
use crate::analysis::refs;
use crate::index::Index;

/// The documents of the reference the whole query is, ascending; `None` when the query is no
/// reference the index has.
pub fn reference(index: &Index, query: &str) -> Option<Vec<u32>> {
    // Reading the query as a reference analyses it again: not for a corpus without any.
    if !index.has_refs() {
        return None;
    }
    let docs: Vec<u32> = index.refs(&refs::key(query.trim())?).collect();
    (!docs.is_empty()).then_some(docs)
}

/// The documents to put first: the reference's that pass the filter, ascending.
pub fn pinned(index: &Index, query: &str, filter: &Filter) -> Vec<u32> {
    let mut docs = reference(index, query).unwrap_or_default();
    if !filter.is_empty() {
        docs.retain(|&doc| filter.accepts(index, doc));
    }
    docs
}

/// A page of the pinned documents followed by the ranked ones (which hold none of them), with
/// `offset` and `limit` counted across both. A pinned document gets the best ranked score (1
/// when nothing is ranked), so scores never rise down the list.
pub fn page(pinned: &[u32], ranked: &[Ranked], offset: usize, limit: usize) -> Vec<Ranked> {
    let score = ranked.first().map_or(1.0, |r| r.score);
    let first = pinned.iter().map(|&doc| Ranked { key: 0, score, doc });
    first.chain(ranked.iter().copied()).skip(offset).take(limit).collect()
}

/// The total (each matching document once) and whether the results are the relaxed fallback,
/// which they are not when a reference found documents.
pub fn totals(pinned: &[u32], eval: &Evaluation) -> (usize, bool) {
    let total = pinned.len() + eval.total.saturating_sub(eval.overlap);
    (total, eval.relaxed && pinned.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::index::{self, Index};
    use crate::search::{Filter, SearchOptions};

    /// Verses 1–12 of a surah (ids v01…v12), each mentioning قلم; v05 and v09 are tagged.
    fn corpus() -> Vec<u8> {
        let docs: Vec<Document> = (1..=12)
            .map(|v| Document {
                id: format!("v{v:02}"),
                title: format!("القلم {v}"),
                text: format!("ن والقلم وما يسطرون {}", "قلم ".repeat(v)),
                tags: if v % 4 == 1 { vec!["t".into()] } else { Vec::new() },
                refs: vec![format!("68:{v}"), format!("القلم {v}")],
                ..Default::default()
            })
            .chain([Document {
                id: "x".into(),
                title: "القلم".into(),
                text: "القلم".into(),
                ..Default::default()
            }])
            .collect();
        index::write(&docs)
    }

    fn ids(index: &Index, query: &str, options: &SearchOptions) -> (Vec<String>, usize) {
        let r = index.search(query, options);
        (r.hits.into_iter().map(|h| h.id).collect(), r.total)
    }

    fn page(offset: usize, limit: usize) -> SearchOptions {
        SearchOptions { offset, limit, ..SearchOptions::default() }
    }

    #[test]
    fn a_reference_finds_its_documents_ascending() {
        let bytes = corpus();
        let index = Index::open(&bytes).unwrap();
        assert_eq!(super::reference(&index, " ٦٨:٥ "), Some(vec![4]));
        assert_eq!(super::reference(&index, "سورة القلم آية 5"), Some(vec![4]));
        assert_eq!(super::reference(&index, "سورة القلم"), Some((0..12).collect()));
        assert_eq!(super::reference(&index, "68:13"), None);
        assert_eq!(super::reference(&index, "قلم يسطرون"), None);
    }

    #[test]
    fn pinned_documents_come_first_and_count_once() {
        let bytes = corpus();
        let index = Index::open(&bytes).unwrap();
        // The words match v05 (by its title) too: it is pinned, not repeated, not counted twice.
        let (hits, total) = ids(&index, "القلم 5", &page(0, 3));
        assert_eq!(hits[0], "v05");
        assert_eq!(hits.iter().filter(|h| *h == "v05").count(), 1);
        assert_eq!(total, index.search("القلم 5", &page(0, 100)).hits.len());
        let plain = index.search("يسطرون", &page(0, 100));
        let (hits, total) = ids(&index, "سورة القلم", &page(0, 100));
        let expected: Vec<String> = (1..=12).map(|v| format!("v{v:02}")).chain(["x".into()]).collect();
        assert_eq!(hits, expected, "the surah in order, then the word's other match");
        assert_eq!(total, 13);
        assert!(!index.search("سورة القلم", &page(0, 1)).relaxed);
        assert_eq!(plain.total, 12, "a word query is unchanged");
    }

    #[test]
    fn pages_cross_from_pinned_to_ranked() {
        let bytes = corpus();
        let index = Index::open(&bytes).unwrap();
        let all = ids(&index, "سورة القلم", &page(0, 100)).0;
        for limit in [1, 5, 7] {
            let mut paged = Vec::new();
            for offset in (0..all.len() + limit).step_by(limit) {
                let (hits, total) = ids(&index, "سورة القلم", &page(offset, limit));
                assert_eq!(total, all.len());
                paged.extend(hits);
            }
            assert_eq!(paged, all, "limit {limit}");
        }
        let r = index.search("سورة القلم", &page(0, 13));
        assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "scores never rise");
    }

    #[test]
    fn a_pinned_document_failing_the_filter_is_dropped() {
        let bytes = corpus();
        let index = Index::open(&bytes).unwrap();
        let filter = Filter { tags: vec!["t".into()], ..Filter::default() };
        let options = SearchOptions { filter, ..page(0, 100) };
        assert_eq!(ids(&index, "سورة القلم", &options), (vec!["v01".into(), "v05".into(), "v09".into()], 3));
        assert_eq!(ids(&index, "68:2", &options), (Vec::new(), 0));
    }
}
