//! Scoring: BM25F over title and body, where each matched position counts with the weight of
//! how it matched (exact > stem > prefix > fuzzy), and a bonus when the query's words occur
//! close together.

/// BM25 saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word in the title counts this many times a word in the body.
pub const TITLE_BOOST: f32 = 3.0;
/// Function words still count, but little.
pub const STOPWORD_WEIGHT: f32 = 0.2;
/// Up to this share is added when all the query's words sit side by side.
const PROXIMITY_BONUS: f32 = 0.5;

/// Weighted positions of one query clause in one document.
#[derive(Debug, Clone, Default)]
pub struct FieldHits {
    pub title: Vec<(u32, f32)>,
    pub body: Vec<(u32, f32)>,
}

pub fn idf(n_docs: u32, doc_freq: usize) -> f32 {
    let (n, df) = (n_docs as f32, doc_freq as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25F contribution of one clause in one document. Weights count in the term frequency, and
/// the best of them scales the result again: BM25's saturation and length normalisation would
/// otherwise let a stem match in a short verse outrank an exact match in a longer one.
pub fn bm25f(hits: &FieldHits, lengths: (u32, u32), averages: (f32, f32)) -> f32 {
    let sum = |v: &[(u32, f32)]| v.iter().map(|&(_, w)| w).sum::<f32>();
    let best = hits.title.iter().chain(&hits.body).map(|&(_, w)| w).fold(0.0, larger);
    bm25f_of(best, (sum(&hits.title), sum(&hits.body)), lengths, averages)
}

/// The larger of two weights (never NaN). `f32::max` picks the number over a NaN, which wasm
/// has no instruction for: it compiled to a call to `fmaxf`, 5% of a common word's query.
pub fn larger(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// [`bm25f`] from the best weight and the weighted occurrences per field (title, body). It
/// grows with each of them, so sums that overcount give an upper bound. `averages` are at
/// least 1 ([`crate::index::Index::average_lengths`]).
pub fn bm25f_of(best: f32, (title, body): (f32, f32), lengths: (u32, u32), averages: (f32, f32)) -> f32 {
    let norm = |len: u32, avg: f32| 1.0 - B + B * len as f32 / avg;
    let tf = TITLE_BOOST * title / norm(lengths.0, averages.0) + body / norm(lengths.1, averages.1);
    if tf <= 0.0 {
        return 0.0;
    }
    best * tf * (K1 + 1.0) / (tf + K1)
}

/// Smallest span (in words) of one field holding a position of every list; `None` if some
/// list is empty. `scratch` is reused between calls.
pub fn min_span(lists: &[&[(u32, f32)]], scratch: &mut Vec<(u32, usize)>) -> Option<u32> {
    if lists.len() > super::query::MAX_CLAUSES || lists.iter().any(|l| l.is_empty()) {
        return None;
    }
    scratch.clear();
    scratch.extend(lists.iter().enumerate().flat_map(|(i, l)| l.iter().map(move |&(p, _)| (p, i))));
    super::heapsort::sort_by(scratch, &|a, b| a < b);
    let mut counts = [0u32; super::query::MAX_CLAUSES];
    let mut covered = 0;
    let mut best = u32::MAX;
    let mut left = 0;
    for right in 0..scratch.len() {
        let (_, i) = scratch[right];
        counts[i] += 1;
        if counts[i] == 1 {
            covered += 1;
        }
        while covered == lists.len() {
            best = best.min(scratch[right].0 - scratch[left].0);
            let (_, j) = scratch[left];
            counts[j] -= 1;
            if counts[j] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    Some(best)
}

/// The largest [`proximity`] multiplier.
pub const MAX_PROXIMITY: f32 = 1.0 + PROXIMITY_BONUS;

/// Multiplier for `clauses` clauses found within `span` words: 1 + bonus when adjacent.
pub fn proximity(clauses: usize, span: Option<u32>) -> f32 {
    match span {
        Some(span) if clauses > 1 => {
            let tightest = (clauses - 1) as f32;
            1.0 + PROXIMITY_BONUS * tightest / larger(span as f32, tightest)
        }
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_weigh_more() {
        assert!(idf(100, 1) > idf(100, 50));
        assert!(idf(5, 5) > 0.0);
    }

    #[test]
    fn title_hits_and_short_documents_score_higher() {
        let body = FieldHits { title: vec![], body: vec![(3, 1.0)] };
        let title = FieldHits { title: vec![(0, 1.0)], body: vec![] };
        assert!(bm25f(&title, (5, 100), (5.0, 100.0)) > bm25f(&body, (5, 100), (5.0, 100.0)));
        assert!(bm25f(&body, (5, 20), (5.0, 100.0)) > bm25f(&body, (5, 400), (5.0, 100.0)));
    }

    #[test]
    fn an_exact_match_in_a_long_text_outweighs_a_stem_match_in_a_short_one() {
        let exact = FieldHits { title: vec![], body: vec![(1, 1.0)] };
        let stem = FieldHits { title: vec![], body: vec![(1, 0.7)] };
        assert!(bm25f(&exact, (2, 15), (2.0, 13.0)) > bm25f(&stem, (2, 4), (2.0, 13.0)));
    }

    #[test]
    fn exact_matches_outweigh_weaker_ones() {
        let exact = FieldHits { title: vec![], body: vec![(1, 1.0)] };
        let stem = FieldHits { title: vec![], body: vec![(1, 0.7)] };
        assert!(bm25f(&exact, (1, 10), (1.0, 10.0)) > bm25f(&stem, (1, 10), (1.0, 10.0)));
    }

    #[test]
    fn min_span_finds_the_tightest_cover() {
        let l = |p: &[u32]| p.iter().map(|&p| (p, 1.0)).collect::<Vec<_>>();
        let mut scratch = Vec::new();
        let (a, b, c) = (l(&[1, 50]), l(&[40, 52]), l(&[49]));
        assert_eq!(min_span(&[&a, &b, &c], &mut scratch), Some(3));
        assert_eq!(min_span(&[&l(&[7])], &mut scratch), Some(0));
        assert_eq!(min_span(&[&l(&[1]), &[]], &mut scratch), None);
    }

    #[test]
    fn adjacent_words_get_the_full_bonus() {
        assert_eq!(proximity(2, Some(1)), 1.5);
        assert!(proximity(2, Some(20)) < proximity(2, Some(2)));
        assert_eq!(proximity(1, Some(0)), 1.0);
        assert_eq!(proximity(3, Some(2)), MAX_PROXIMITY);
    }
}
