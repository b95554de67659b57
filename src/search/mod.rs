//! Search over an [`Index`]: parse the query ([`query`]), plan the terms each word matches
//! ([`plan`], with [`expand`], [`fuzzy`], [`synonyms`], [`translit`]), evaluate the plan over
//! the postings in one pass keeping the best documents ([`eval`], [`cursor`], [`rank`],
//! [`topk`]) and cut snippets from the positions found ([`snippet`]). This module puts them
//! together: the keyboard-layout retry, suggestions, pages of hits and `get`.

pub mod cursor;
pub mod eval;
pub mod expand;
pub mod fuzzy;
mod heapsort;
pub mod keyboard;
pub mod plan;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod suggest;
pub mod synonyms;
pub mod topk;
pub mod translit;
mod types;

use std::cell::RefCell;

use crate::index::{Index, StoredDoc};
use cursor::ClauseCursor;
use eval::Evaluation;
use plan::Planned;
pub use types::*;

/// Words of a query that may be matched by typo tolerance or transliteration.
pub const MAX_GUESSED_WORDS: usize = 4;

/// A query planned and evaluated.
struct Answer {
    plan: Vec<Planned>,
    eval: Evaluation,
}

impl Answer {
    /// Folded words of positive clauses that match no document.
    fn unmatched(&self) -> Vec<String> {
        self.plan
            .iter()
            .zip(&self.eval.doc_freqs)
            .filter(|(p, &df)| !p.clause.negated && df == 0)
            .flat_map(|(p, _)| p.clause.words.iter().filter_map(|w| w.first().cloned()))
            .collect()
    }

    /// Some word was found only by a guess (typo, transliteration).
    fn guessed(&self) -> bool {
        self.plan.iter().zip(&self.eval.doc_freqs).any(|(p, &df)| !p.clause.negated && df > 0 && p.guessed)
    }

    /// Weak answers are retried on the other keyboard layout.
    fn weak(&self) -> bool {
        self.eval.total == 0 || self.eval.relaxed || self.guessed()
    }
}

/// The last query searched and its plan as resolved (retyped on the other layout, if it was), so
/// `get(id, query)` just after it — the widget opening a hit — highlights what the search
/// matched without planning the query again.
struct LastPlan {
    index: [usize; 5],
    query: String,
    plan: Vec<Planned>,
}

thread_local! {
    static LAST: RefCell<Option<LastPlan>> = const { RefCell::new(None) };
}

/// Where the query matched one document: title positions, and body positions each with the bit
/// of its clause (sorted by position, one entry a position).
#[derive(Debug, Default)]
struct Matches {
    title: Vec<u32>,
    body: Vec<(u32, u32)>,
}

/// Matches of the positive clauses of `plan` in each of `docs` (ascending), in that order.
fn matches(index: &Index, plan: &[Planned], docs: &[u32]) -> Vec<Matches> {
    let mut cursors: Vec<(usize, ClauseCursor)> = plan
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.clause.negated)
        .map(|(i, p)| (i, ClauseCursor::new(index, p)))
        .collect();
    let (mut title, mut body) = (Vec::new(), Vec::new());
    docs.iter()
        .map(|&doc| {
            let mut m = Matches::default();
            for (i, c) in &mut cursors {
                if c.seek(doc) != doc {
                    continue;
                }
                title.clear();
                body.clear();
                c.matched_words(&mut title, &mut body);
                m.title.extend_from_slice(&title);
                m.body.extend(body.iter().map(|&p| (p, 1u32 << (*i as u32 % 32))));
            }
            heapsort::sort_by(&mut m.title, &|a, b| a < b);
            m.title.dedup();
            heapsort::sort_by(&mut m.body, &|a, b| a.0 < b.0);
            m.body.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 |= b.1;
                }
                same
            });
            m
        })
        .collect()
}

fn hit(index: &Index, doc: &StoredDoc, score: f32, m: &Matches) -> Hit {
    let (snippet, highlights) = snippet::snippet(index, doc, &m.body);
    let mut title_highlights = Vec::new();
    snippet::highlights(doc.title, &m.title, 0, &mut title_highlights);
    Hit {
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        score,
        snippet,
        highlights,
        title_highlights,
        url: doc.url(),
        date: doc.date(),
        tags: doc.tags(),
    }
}

impl<'a> Index<'a> {
    fn answer(&self, query: &str, options: &SearchOptions, guess: bool) -> Answer {
        let plan = plan::plan(self, query, guess);
        let eval = eval::evaluate(self, &plan, options);
        Answer { plan, eval }
    }

    /// The query as typed, or retyped on the other keyboard layout (hgvfh' → الرباط) when as
    /// typed it finds nothing, only some of its words, or only guesses (typos,
    /// transliterations), and the retyped one finds every word as written.
    fn resolve(&self, query: &str, options: &SearchOptions) -> (Answer, Option<String>) {
        let typed = self.answer(query, options, true);
        if !typed.weak() {
            return (typed, None);
        }
        if let Some(retyped) = keyboard::to_arabic(query).or_else(|| keyboard::to_latin(query)) {
            let other = self.answer(&retyped, options, false);
            if other.eval.total > 0 && !other.eval.relaxed && !other.guessed() {
                return (other, Some(retyped));
            }
        }
        (typed, None)
    }

    /// Searches the index. Never fails: a query with no words finds nothing.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        let query = query::truncate(query);
        let (answer, corrected) = self.resolve(query, options);
        let limit = options.limit.min(MAX_LIMIT);
        let page: Vec<_> = answer.eval.ranked.iter().skip(options.offset).take(limit).collect();
        let mut docs: Vec<u32> = page.iter().map(|r| r.doc).collect();
        heapsort::sort_by(&mut docs, &|a, b| a < b);
        let found = matches(self, &answer.plan, &docs);
        let hits = page
            .iter()
            .filter_map(|r| {
                let i = docs.binary_search(&r.doc).ok()?;
                Some(hit(self, &self.doc(r.doc)?, r.score, &found[i]))
            })
            .collect();
        LAST.with(|last| {
            let plan = answer.plan.clone();
            *last.borrow_mut() = Some(LastPlan { index: self.identity(), query: query.to_string(), plan });
        });
        let suggestions = match answer.eval.total {
            0 => suggest::suggestions(self, query, &answer.unmatched()),
            _ => Vec::new(),
        };
        SearchResult {
            query: query.to_string(),
            total: answer.eval.total,
            relaxed: answer.eval.relaxed,
            corrected,
            suggestions,
            hits,
        }
    }

    /// The document with this id, with the words `query` matches highlighted in its text (as
    /// the last search of `query` matched them, corrected keyboard layout included).
    pub fn get(&self, id: &str, query: Option<&str>) -> Option<DocView> {
        let n = self.find(id)?;
        let stored = self.doc(n)?;
        let mut highlights = Vec::new();
        if let Some(q) = query.map(query::truncate) {
            let cached = LAST.with(|last| {
                let last = last.borrow();
                let hit = last.as_ref().filter(|l| l.index == self.identity() && l.query == q);
                hit.map(|l| matches(self, &l.plan, &[n]))
            });
            let mut found = cached.unwrap_or_else(|| matches(self, &plan::plan(self, q, true), &[n]));
            let m = found.pop().unwrap_or_default();
            let body: Vec<u32> = m.body.iter().map(|h| h.0).collect();
            // A headline title is the text's first line; a derived one is not in the text.
            let head = &stored.text[..stored.body_start];
            if stored.body_start > 0 {
                snippet::highlights(head, &m.title, 0, &mut highlights);
            }
            let base = head.encode_utf16().count() as u32;
            snippet::body_highlights(self, &stored, &body, base, &mut highlights);
        }
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
    fn get_after_a_corrected_search_highlights_what_it_found() {
        let bytes = corpus();
        let index = Index::open(&bytes).unwrap();
        assert!(index.get("a", Some("l,s;,")).unwrap().highlights.is_empty(), "not searched yet");
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
}
