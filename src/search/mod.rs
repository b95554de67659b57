//! Search over an [`Index`]: parse the query ([`query`]), find the terms each word matches
//! ([`expand`], [`fuzzy`]), combine their postings into matching documents, rank them
//! ([`rank`]) and cut snippets ([`snippet`]).

pub mod expand;
pub mod fuzzy;
mod heapsort;
pub mod keyboard;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod suggest;
pub mod synonyms;
pub mod translit;

use serde::Serialize;

use crate::analysis;
use crate::index::{Index, StoredDoc};
use expand::Matched;
use query::Clause;
use rank::FieldHits;
use snippet::{Ranges, Terms};

/// Results per page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 10;
/// The most results one call returns.
pub const MAX_LIMIT: usize = 100;
/// Words of a query that may be matched by typo tolerance or transliteration.
pub const MAX_GUESSED_WORDS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    pub filter: Filter,
    pub sort: Sort,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: DEFAULT_LIMIT, offset: 0, filter: Filter::default(), sort: Sort::Relevance }
    }
}

/// Which documents may match at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Documents with at least one of these tags (any, when empty).
    pub tags: Vec<String>,
    /// Documents dated on or after this day (`YYYYMMDD`).
    pub from: Option<u32>,
    /// Documents dated on or before this day (`YYYYMMDD`).
    pub to: Option<u32>,
}

impl Filter {
    fn accepts(&self, doc: &StoredDoc) -> bool {
        let tags_ok = self.tags.is_empty() || doc.tags.lines().any(|t| self.tags.iter().any(|w| w == t));
        let from_ok = self.from.is_none_or(|from| doc.date != 0 && doc.date >= from);
        let to_ok = self.to.is_none_or(|to| doc.date != 0 && doc.date <= to);
        tags_ok && from_ok && to_ok
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; undated documents last; then best match.
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    pub snippet: String,
    /// UTF-16 `[start, end)` ranges of matched words in `snippet`.
    pub highlights: Ranges,
    /// UTF-16 `[start, end)` ranges of matched words in `title`.
    pub title_highlights: Ranges,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    pub query: String,
    /// Number of matching documents (all pages).
    pub total: usize,
    /// No document matched every word; these match some of them.
    pub relaxed: bool,
    /// The query was retyped on the other keyboard layout: these are the results for this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
    /// Nothing was found: queries to try instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocView {
    pub id: String,
    pub title: String,
    pub text: String,
    /// UTF-16 `[start, end)` ranges in `text` of the words the query matches.
    pub highlights: Ranges,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Documents (ascending) with a clause's weighted positions in each.
type DocHits = Vec<(u32, FieldHits)>;

/// One clause of the query with what it matched.
struct Evaluated {
    clause: Clause,
    matched: Vec<Matched>,
    docs: DocHits,
    stopword: bool,
    /// Found only by typo tolerance or transliteration.
    guessed: bool,
}

fn doc_hits(docs: &DocHits, doc: u32) -> Option<&FieldHits> {
    let i = docs.binary_search_by_key(&doc, |d| d.0).ok()?;
    Some(&docs[i].1)
}

impl Evaluated {
    fn hits(&self, doc: u32) -> Option<&FieldHits> {
        doc_hits(&self.docs, doc)
    }
}

fn weighted_positions(index: &Index, matched: &[Matched]) -> DocHits {
    let mut docs: DocHits = Vec::new();
    for m in matched {
        let weight = m.kind.weight();
        for posting in index.postings(m.ordinal) {
            let title = posting.title.iter().map(|&p| (p, weight)).collect();
            let body = posting.body.iter().map(|&p| (p, weight)).collect();
            docs.push((posting.doc, FieldHits { title, body }));
        }
    }
    normalize(docs)
}

/// Sorts by document, merges a document's entries, and keeps the best weight of each position
/// (several terms can match one word).
fn normalize(mut docs: DocHits) -> DocHits {
    heapsort::sort_by(&mut docs, |a, b| a.0 < b.0);
    let mut merged: DocHits = Vec::with_capacity(docs.len());
    for (doc, hits) in docs {
        match merged.last_mut() {
            Some((last, into)) if *last == doc => {
                into.title.extend(hits.title);
                into.body.extend(hits.body);
            }
            _ => merged.push((doc, hits)),
        }
    }
    for (_, hits) in &mut merged {
        for field in [&mut hits.title, &mut hits.body] {
            heapsort::sort_by(field, |a, b| a.0 < b.0 || (a.0 == b.0 && a.1 > b.1));
            field.dedup_by_key(|h| h.0);
        }
    }
    merged
}

/// Start positions where the phrase's words follow each other, per document and field.
fn phrase_positions(per_word: &[DocHits]) -> DocHits {
    let mut out = Vec::new();
    let Some((first, rest)) = per_word.split_first() else { return out };
    for (doc, hits) in first {
        let Some(others) = rest.iter().map(|w| doc_hits(w, *doc)).collect::<Option<Vec<&FieldHits>>>() else {
            continue;
        };
        let follows = |field: fn(&FieldHits) -> &Vec<(u32, f32)>| -> Vec<(u32, f32)> {
            field(hits)
                .iter()
                .filter(|&&(p, _)| {
                    others
                        .iter()
                        .enumerate()
                        .all(|(i, o)| field(o).binary_search_by_key(&(p + i as u32 + 1), |h| h.0).is_ok())
                })
                .map(|&(p, _)| (p, 1.0))
                .collect()
        };
        let found = FieldHits { title: follows(|h| &h.title), body: follows(|h| &h.body) };
        if !found.title.is_empty() || !found.body.is_empty() {
            out.push((*doc, found));
        }
    }
    out
}

/// Documents where the words follow each other (one word: where it occurs), and the terms
/// that matched.
fn match_words(index: &Index, words: &[Vec<String>], prefix: bool, strict: bool) -> (DocHits, Vec<Matched>) {
    let per_word: Vec<Vec<Matched>> =
        words.iter().map(|w| expand::expand(index, w, prefix, strict)).collect();
    let docs = match per_word.as_slice() {
        [one] => weighted_positions(index, one),
        many => phrase_positions(&many.iter().map(|m| weighted_positions(index, m)).collect::<Vec<_>>()),
    };
    (docs, per_word.into_iter().flatten().collect())
}

/// Evaluates a clause; without `guess`, only spellings found as written (exact, stem, prefix)
/// count, as for a query retyped on the other keyboard layout.
fn evaluate(index: &Index, mut clause: Clause, guess: bool) -> Evaluated {
    // A word with synonyms is a known word: its spellings are matched, not guessed at.
    let strict = clause.phrase || clause.negated || !clause.alternatives.is_empty() || !guess;
    let (mut docs, mut matched) = match_words(index, &clause.words, clause.prefix, strict);
    let guessed = matched.iter().all(|m| matches!(m.kind, expand::Kind::Fuzzy(_)));
    if matched.is_empty() && !clause.phrase && guess {
        if let Some(word) = clause.words[0].first() {
            clause.alternatives.extend(translit::alternatives(index, word));
        }
    }
    for alternative in &clause.alternatives {
        let words: Vec<Vec<String>> = alternative.words.iter().map(|w| vec![w.clone()]).collect();
        let (mut alt_docs, alt_matched) = match_words(index, &words, false, true);
        for (_, hits) in &mut alt_docs {
            for h in hits.title.iter_mut().chain(hits.body.iter_mut()) {
                h.1 *= alternative.weight;
            }
        }
        docs.extend(alt_docs);
        matched.extend(alt_matched);
    }
    if !clause.alternatives.is_empty() {
        docs = normalize(docs);
    }
    let stopword = !clause.phrase && clause.words[0].iter().all(|t| analysis::is_stopword(t));
    Evaluated { clause, matched, docs, stopword, guessed }
}

/// The clauses of a query with their synonyms attached.
fn clauses(query: &str) -> Vec<Clause> {
    let mut clauses = query::parse(query);
    synonyms::apply(&mut clauses);
    clauses
}

/// The folded terms to highlight for a query.
fn highlight_terms(evaluated: &[Evaluated]) -> Terms {
    evaluated
        .iter()
        .filter(|e| !e.clause.negated)
        .flat_map(|e| e.matched.iter().map(|m| m.term.clone()))
        .collect()
}

impl<'a> Index<'a> {
    /// Searches the index. Never fails: a query with no words finds nothing.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        let query = query::truncate(query);
        let (mut result, unmatched, guessed) = self.search_as_typed(query, options, true);
        // The same keys on the other layout (hgvfh' → الرباط), when the query as typed finds
        // nothing, only some of its words, or only guesses (typos, transliterations), and the
        // retyped one finds every word as written.
        let weak = result.total == 0 || result.relaxed || guessed;
        if let Some(retyped) =
            keyboard::to_arabic(query).or_else(|| keyboard::to_latin(query)).filter(|_| weak)
        {
            let (other, _, other_guessed) = self.search_as_typed(&retyped, options, false);
            if other.total > 0 && !other.relaxed && !other_guessed {
                result = SearchResult { query: query.to_string(), corrected: Some(retyped), ..other };
            }
        }
        if result.total == 0 {
            result.suggestions = suggest::suggestions(self, query, &unmatched);
        }
        result
    }

    /// Searches the query as typed; also returns its words that matched nothing, and whether a
    /// word was only guessed at.
    fn search_as_typed(
        &self,
        query: &str,
        options: &SearchOptions,
        guess: bool,
    ) -> (SearchResult, Vec<String>, bool) {
        // Typo and transliteration guesses are the costly part of a word: only the first few
        // words of a query get them (16 long mistyped words took 0.7 s on 2000 documents).
        let evaluated: Vec<Evaluated> = clauses(query)
            .into_iter()
            .enumerate()
            .map(|(i, c)| evaluate(self, c, guess && i < MAX_GUESSED_WORDS))
            .collect();
        let unmatched: Vec<String> = evaluated
            .iter()
            .filter(|e| !e.clause.negated && e.docs.is_empty())
            .flat_map(|e| e.clause.words.iter().filter_map(|w| w.first().cloned()))
            .collect();
        let (positive, negative): (Vec<&Evaluated>, Vec<&Evaluated>) =
            evaluated.iter().partition(|e| !e.clause.negated);
        let mut excluded: Vec<u32> = negative.iter().flat_map(|e| e.docs.iter().map(|d| d.0)).collect();
        heapsort::sort_by(&mut excluded, |a, b| a < b);
        let required: Vec<&Evaluated> = if positive.iter().all(|e| e.stopword) {
            positive.clone()
        } else {
            positive.iter().copied().filter(|e| !e.stopword).collect()
        };

        // Each document once, with how many required clauses it matches.
        let mut found: Vec<u32> = required.iter().flat_map(|e| e.docs.iter().map(|d| d.0)).collect();
        found.retain(|&d| {
            excluded.binary_search(&d).is_err() && self.doc(d).is_some_and(|doc| options.filter.accepts(&doc))
        });
        heapsort::sort_by(&mut found, |a, b| a < b);
        let mut candidates: Vec<(u32, usize)> = Vec::new();
        for doc in found {
            match candidates.last_mut() {
                Some((last, n)) if *last == doc => *n += 1,
                _ => candidates.push((doc, 1)),
            }
        }
        let all = required.len();
        let relaxed = all > 1 && !candidates.iter().any(|&(_, n)| n == all);
        if !relaxed {
            candidates.retain(|&(_, n)| n == all);
        }

        let averages = self.average_lengths();
        let mut scored: Vec<(f32, u32)> = Vec::with_capacity(candidates.len());
        for &(doc, matched) in &candidates {
            let Some(stored) = self.doc(doc) else {
                continue;
            };
            let lengths = (stored.title_words, stored.body_words);
            let mut score = 0.0;
            let mut spans_body = Vec::new();
            let mut spans_title = Vec::new();
            for e in &positive {
                let Some(hits) = e.hits(doc) else {
                    continue;
                };
                let weight = if e.stopword && !required.iter().any(|r| std::ptr::eq(*r, *e)) {
                    rank::STOPWORD_WEIGHT
                } else {
                    1.0
                };
                score += weight * rank::idf(self.len(), e.docs.len()) * rank::bm25f(hits, lengths, averages);
                if !e.stopword {
                    spans_body.push(hits.body.iter().map(|h| h.0).collect::<Vec<_>>());
                    spans_title.push(hits.title.iter().map(|h| h.0).collect::<Vec<_>>());
                }
            }
            let span =
                [rank::min_span(&spans_body), rank::min_span(&spans_title)].into_iter().flatten().min();
            score *= rank::proximity(spans_body.len(), span);
            if relaxed {
                score *= (matched as f32 / all as f32).powi(2);
            }
            scored.push((score, doc));
        }
        let by_score = |a: &(f32, u32), b: &(f32, u32)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
        match options.sort {
            Sort::Relevance => heapsort::sort_by(&mut scored, by_score),
            Sort::Date => {
                let date = |doc: u32| self.doc(doc).map_or(0, |d| d.date);
                heapsort::sort_by(&mut scored, |a, b| {
                    let (da, db) = (date(a.1), date(b.1));
                    da > db || (da == db && by_score(a, b))
                });
            }
        }

        let terms = highlight_terms(&evaluated);
        let limit = options.limit.min(MAX_LIMIT);
        let hits = scored
            .iter()
            .skip(options.offset)
            .take(limit)
            .filter_map(|&(score, doc)| {
                let stored = self.doc(doc)?;
                let (snippet, highlights) = snippet::snippet(stored.body(), &terms);
                Some(Hit {
                    id: stored.id.to_string(),
                    title: stored.title.to_string(),
                    score,
                    snippet,
                    highlights,
                    title_highlights: snippet::highlights(stored.title, &terms),
                    url: stored.url(),
                    date: stored.date(),
                    tags: stored.tags(),
                })
            })
            .collect();
        let result = SearchResult {
            query: query.to_string(),
            total: scored.len(),
            relaxed,
            corrected: None,
            suggestions: Vec::new(),
            hits,
        };
        let guessed = evaluated.iter().any(|e| !e.clause.negated && !e.docs.is_empty() && e.guessed);
        (result, unmatched, guessed)
    }

    /// The document with this id, with the words `query` matches highlighted in its text.
    pub fn get(&self, id: &str, query: Option<&str>) -> Option<DocView> {
        let stored = self.doc(self.find(id)?)?;
        let highlights = match query {
            Some(q) => {
                let evaluated: Vec<Evaluated> = clauses(q)
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| evaluate(self, c, i < MAX_GUESSED_WORDS))
                    .collect();
                snippet::highlights(stored.text, &highlight_terms(&evaluated))
            }
            None => Vec::new(),
        };
        Some(DocView {
            id: stored.id.to_string(),
            title: stored.title.to_string(),
            text: stored.text.to_string(),
            highlights,
            url: stored.url(),
            date: stored.date(),
            tags: stored.tags(),
        })
    }
}

#[cfg(test)]
mod tests {
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
        let hit =
            index.search("الأمن", &SearchOptions::default()).hits.into_iter().find(|h| h.id == "b").unwrap();
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
        let bytes =
            index::write(&[doc("m", "اجتماع 27 شتنبر"), doc("l", "اجتماع في أيلول"), doc("n", "اجتماع")]);
        let mut got = ids(&search(&bytes, "سبتمبر ")).into_iter().map(str::to_string).collect::<Vec<_>>();
        got.sort();
        assert_eq!(got, ["l", "m"]);
        assert_eq!(search(&bytes, "شتنبر ").hits[0].id, "m");
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
}
