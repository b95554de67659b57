//! Evaluation: one document-at-a-time pass over the clause cursors of a plan. At each document
//! it counts the required clauses that match, which gives the AND result and, while no document
//! matches them all, the relaxed fallback (most clauses matched) in the same pass. Exclusions
//! are cursors seeked to the document, filters a predicate on its number.
//!
//! Only the best `offset + limit` documents are kept ([`TopK`]). A document's score is first
//! bounded from its term frequencies (no positions): if the bound cannot enter the heap the
//! document is only counted. Positions are decoded only when the exact score needs them — two
//! terms on one word, a phrase, or proximity between clauses.
//!
//! Words typed with harakat ([`super::marks`]) look at the words as written where they matched:
//! the number of them that agree ranks first (or, when agreement is required, a document that
//! does not agree does not match). Facets count the tags of every document that matches.

use super::cursor::{Bound, ClauseCursor};
use super::dense::{self, Dense};
use super::facets::Tally;
use super::marks::Marked;
use super::matched::{self, Matches};
use super::plan::Planned;
use super::rank::{self, FieldHits};
use super::snippet::word_at;
use super::topk::{Ranked, TopK};
use super::types::{Facets, Marks, SearchOptions, Sort, MAX_LIMIT};
use crate::index::postings::END;
use crate::index::Index;

#[path = "tabled.rs"]
mod tabled;

/// Weighted positions of one field.
type Hits = [(u32, f32)];

/// What the pass found.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Documents that match (all pages).
    pub total: usize,
    /// No document matched every required clause; these match some.
    pub relaxed: bool,
    /// The best `offset + limit`, best first.
    pub ranked: Vec<Ranked>,
    /// Per clause of the plan, the documents it matches on its own (0 for exclusions).
    pub doc_freqs: Vec<u32>,
    /// When asked for.
    pub facets: Option<Facets>,
    /// Of `total`, the documents in `pinned`: counted, not ranked (see `search::refs`).
    pub overlap: usize,
    /// Where the clauses matched the documents of `ranked`, noted while the pass stood there
    /// (ascending by document; none when `ranked` may be long, see [`MAX_NOTED`]).
    pub matches: Vec<(u32, Matches)>,
}

/// The most documents a pass keeps whose matches it notes as it keeps them: it notes those of
/// every document that enters its top, a few times as many as it keeps in the end.
const MAX_NOTED: usize = 50;

/// The rank key of a document when no clause is typed with harakat (see [`Pass::agreement`]).
const UNMARKED: u32 = 0x8000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Required,
    /// A function word when others are not: it adds to the score where it occurs.
    Optional,
    Excluded,
}

struct Clause<'a> {
    cursor: ClauseCursor<'a>,
    role: Role,
    /// Counts for proximity (function words do not).
    spans: bool,
    /// idf times the clause's weight.
    weight: f32,
    /// Its words typed with harakat (none when they cannot change the answer).
    marks: Vec<Marked>,
}

/// The clauses of `plan`, their cursors at the start, weighted by the idf of `doc_freqs`
/// unless the positive clause is `alone`; the cursors take the clauses' `tables` (see
/// [`dense::tables`]).
// Called for both passes: inlined, its code came twice (250 B of the wasm, brotli).
#[inline(never)]
fn clauses<'a>(
    index: &Index<'a>,
    plan: &[Planned],
    doc_freqs: &[u32],
    options: &SearchOptions,
    alone: bool,
    tables: &mut [Option<Dense>],
) -> Vec<Clause<'a>> {
    let all_stopwords = plan.iter().filter(|p| !p.clause.negated).all(|p| p.stopword);
    let role = |p: &Planned| match (p.clause.negated, p.stopword && !all_stopwords) {
        (true, _) => Role::Excluded,
        (false, true) => Role::Optional,
        (false, false) => Role::Required,
    };
    // Agreement ranks only by relevance; it filters under any sort when required.
    let matter = match options.marks {
        Marks::Prefer => options.sort == Sort::Relevance,
        Marks::Require => true,
        Marks::Ignore => false,
    };
    plan.iter()
        .zip(doc_freqs)
        .zip(tables)
        .map(|((p, &df), table)| {
            let role = role(p);
            let weight = if role == Role::Optional { rank::STOPWORD_WEIGHT } else { 1.0 };
            let idf = if alone { 1.0 } else { rank::idf(index.len(), df as usize) };
            let marks = if matter { p.marks.clone() } else { Vec::new() };
            let cursor = ClauseCursor::new(index, p, table.take());
            Clause { cursor, role, spans: !p.stopword, weight: weight * idf, marks }
        })
        .collect()
}

/// Runs `plan` over `index`; documents in `pinned` (ascending) are counted but not ranked.
pub fn evaluate(index: &Index, plan: &[Planned], options: &SearchOptions, pinned: &[u32]) -> Evaluation {
    // A lone positive clause's idf scales every score alike: its documents are counted by the
    // pass itself, and the scores scaled after it, instead of a counting pass before.
    let alone = plan.iter().filter(|p| !p.clause.negated).count() == 1;
    let mut tables = dense::tables(index, plan);
    let doc_freq = |(p, table): (&Planned, &Option<Dense>)| match p.clause.negated || alone {
        true => 0,
        false => dense::doc_freq(index, p, table.as_ref()),
    };
    let mut doc_freqs: Vec<u32> = plan.iter().zip(&tables).map(doc_freq).collect();
    let new_clauses =
        |tables: &mut Vec<Option<Dense>>| clauses(index, plan, &doc_freqs, options, alone, tables);
    let mut clauses = new_clauses(&mut tables);
    let required = clauses.iter().filter(|c| c.role == Role::Required).count();
    let k = options.offset.saturating_add(options.limit.min(MAX_LIMIT));
    let averages = index.average_lengths();
    let mut pass = Pass {
        index,
        options,
        averages,
        top: TopK::new(k),
        required,
        scratch: Vec::new(),
        visited: 0,
        facets: options.facets.then(Tally::default),
        positions: (Vec::new(), Vec::new()),
        noted: (k <= MAX_NOTED).then(Vec::new),
        noting: matched::Scratch::default(),
        pinned,
        overlap: 0,
    };
    // The documents every required clause matches, found by leaping from one to the next; only
    // when there are none, a second pass over the documents that any of them matches ranks
    // those that match most.
    let (mut total, mut relaxed) = match required {
        0 => (0, false),
        _ if pass.tabled(&clauses) => pass.run_tabled(&mut clauses),
        _ => pass.run(&mut clauses, true),
    };
    if relaxed && required > 1 {
        pass.restart();
        // The tables are the first pass's: they hold no place, only what each clause matches.
        let mut tables: Vec<Option<Dense>> = clauses.into_iter().map(|c| c.cursor.into_table()).collect();
        (total, relaxed) = pass.run(&mut new_clauses(&mut tables), false);
    }
    let facets = pass.facets.take().map(Tally::finish);
    let mut ranked = pass.top.into_sorted();
    if alone {
        if let Some(i) = plan.iter().position(|p| !p.clause.negated) {
            doc_freqs[i] = pass.visited;
            let idf = rank::idf(index.len(), pass.visited as usize);
            ranked.iter_mut().for_each(|r| r.score *= idf);
        }
    }
    if options.sort == Sort::Relevance {
        // Documents that agree with typed harakat rank first whatever their score: a score is
        // shown capped by those above it, so scores still descend.
        for i in 1..ranked.len() {
            ranked[i].score = ranked[i].score.min(ranked[i - 1].score);
        }
    }
    let mut matches = pass.noted.take().unwrap_or_default();
    matches.retain(|(doc, _)| ranked.iter().any(|r| r.doc == *doc));
    Evaluation { total, relaxed, ranked, doc_freqs, facets, overlap: pass.overlap, matches }
}

/// The first document from `doc` on that all the required `clauses` match ([`END`] if none):
/// each in turn is sought to the latest document another stands at.
fn all_at(clauses: &mut [Clause], mut doc: u32) -> u32 {
    'leap: loop {
        for c in clauses.iter_mut().filter(|c| c.role == Role::Required) {
            let at = c.cursor.seek(doc);
            if at != doc {
                if at == END {
                    return END;
                }
                doc = at;
                continue 'leap;
            }
        }
        return doc;
    }
}

/// A document's score bound from the `(weight, spans, bound)` of each clause that matches it,
/// whether that is its score, and how many of those clauses count for proximity.
fn bound_of(
    at: impl Iterator<Item = (f32, bool, Bound)>,
    lengths: (u32, u32),
    averages: (f32, f32),
) -> (f32, bool, usize) {
    let (mut bound, mut exact, mut spanning) = (0.0, true, 0);
    for (weight, spans, b) in at {
        bound += weight * rank::bm25f_of(b.best, (b.title, b.body), lengths, averages);
        exact &= b.sources <= 1;
        spanning += usize::from(spans);
    }
    if spanning > 1 {
        bound *= rank::MAX_PROXIMITY;
    }
    (bound, exact, spanning)
}

struct Pass<'i, 'a> {
    index: &'i Index<'a>,
    options: &'i SearchOptions,
    averages: (f32, f32),
    top: TopK,
    required: usize,
    scratch: Vec<(u32, usize)>,
    /// Documents matching any required clause, before exclusions and filters.
    visited: u32,
    /// Tags of the matching documents, when asked for.
    facets: Option<Tally<'a>>,
    /// Title and body positions of a clause, reused.
    positions: (Vec<u32>, Vec<u32>),
    /// The matches of each document the top took, in the order it took them.
    noted: Option<Vec<(u32, Matches)>>,
    noting: matched::Scratch,
    pinned: &'i [u32],
    overlap: usize,
}

impl Pass<'_, '_> {
    /// Forgets the documents a pass counted and ranked.
    fn restart(&mut self) {
        self.top.clear();
        self.noted.iter_mut().for_each(Vec::clear);
        self.facets.iter_mut().for_each(Tally::clear);
        (self.visited, self.overlap) = (0, 0);
    }

    /// Returns the total and whether it is the relaxed one: over the documents that every
    /// required clause matches (`all`), or that any does, where those that match every clause
    /// count alone if there are any.
    fn run(&mut self, clauses: &mut [Clause], all: bool) -> (usize, bool) {
        let (mut total, mut found_all) = (0usize, false);
        let mut doc = 0;
        loop {
            doc = match all {
                true => all_at(clauses, doc),
                false => clauses
                    .iter_mut()
                    .filter(|c| c.role == Role::Required)
                    .map(|c| c.cursor.seek(doc))
                    .min()
                    .unwrap_or(END),
            };
            if doc == END {
                break;
            }
            self.visited += 1;
            let matched =
                clauses.iter().filter(|c| c.role == Role::Required && c.cursor.doc() == doc).count();
            let complete = matched == self.required;
            let agreed = match (complete || !found_all) && self.admissible(clauses, doc) {
                true => self.agreement(clauses, doc),
                false => None,
            };
            if let Some(agreed) = agreed {
                if complete && !found_all {
                    found_all = true;
                    total = 0;
                    self.overlap = 0;
                    self.top.clear();
                    self.facets.iter_mut().for_each(Tally::clear);
                }
                self.count_tags(doc);
                if self.options.filter.accepts_tags(self.index, doc) {
                    total += 1;
                    let share = matched as f32 / self.required as f32;
                    if self.pinned.binary_search(&doc).is_ok() {
                        self.overlap += 1;
                    } else {
                        self.consider(clauses, doc, if complete { 1.0 } else { share * share }, agreed);
                    }
                }
            }
            doc += 1;
        }
        (total, !found_all)
    }

    fn admissible(&self, clauses: &mut [Clause], doc: u32) -> bool {
        let excluded =
            clauses.iter_mut().filter(|c| c.role == Role::Excluded).any(|c| c.cursor.seek(doc) == doc);
        !excluded && (self.options.filter.is_empty() || self.options.filter.accepts_dates(self.index, doc))
    }

    /// How the clauses typed with harakat agree with `doc` where they match it, as a rank key:
    /// the clauses that agree fully, then the sum of each one's best [`Marked::agreement`]
    /// (when no word carries all the marks typed, the closest first). `None` when agreement is
    /// required and a clause does not agree fully.
    fn agreement(&mut self, clauses: &mut [Clause], doc: u32) -> Option<u32> {
        let index = self.index;
        let (title, body) = &mut self.positions;
        let mut stored = None;
        let (mut full, mut net) = (0u32, 0i32);
        for c in clauses.iter_mut() {
            if c.marks.is_empty() || c.role == Role::Excluded || c.cursor.doc() != doc {
                continue;
            }
            let d = match stored {
                Some(d) => d,
                None => *stored.insert(index.doc(doc)?),
            };
            title.clear();
            body.clear();
            c.cursor.matched_words(title, body);
            let words = title.iter().map(|&p| (true, p)).chain(body.iter().map(|&p| (false, p)));
            let (mut best, mut agrees) = (None, false);
            for w in words.filter_map(|(in_title, p)| word_at(index, &d, in_title, p)) {
                for m in &c.marks {
                    let n = m.agreement(w);
                    agrees |= n == Some(m.marked_letters());
                    best = best.max(n);
                }
            }
            if !agrees && self.options.marks == Marks::Require {
                return None;
            }
            full += u32::from(agrees);
            net += best.unwrap_or(0);
        }
        // Clauses are at most 32 and marked letters at most a query's length: both fit.
        Some(full << 16 | (net.clamp(-0x7FFF, 0x7FFF) + UNMARKED as i32) as u32)
    }

    /// Counts the tags of `doc`, when facets are asked for.
    fn count_tags(&mut self, doc: u32) {
        if let Some(tally) = self.facets.as_mut() {
            tally.add(self.index.tags_of(doc));
        }
    }

    /// Scores `doc` if it could enter the top, from the bounds first.
    fn consider(&mut self, clauses: &mut [Clause], doc: u32, factor: f32, agreed: u32) {
        let key = match self.options.sort {
            Sort::Relevance => agreed,
            Sort::Date => self.index.date_of(doc),
            Sort::Order => u32::MAX - doc,
        };
        if !self.top.admits(key, f32::INFINITY) {
            return;
        }
        let lengths = self.index.lengths(doc);
        let at = clauses
            .iter_mut()
            .filter(|c| c.role != Role::Excluded)
            .filter_map(|c| (c.cursor.seek(doc) == doc).then(|| (c.weight, c.spans, c.cursor.bound())));
        let (mut bound, exact, spanning) = bound_of(at, lengths, self.averages);
        bound *= factor;
        if !self.top.admits(key, bound) {
            return;
        }
        let score = if exact && spanning <= 1 { bound } else { factor * self.exact(clauses, doc, lengths) };
        if self.top.push(Ranked { key, score, doc }) {
            if let Some(noted) = self.noted.as_mut() {
                let positive = clauses.iter_mut().enumerate().filter(|(_, c)| c.role != Role::Excluded);
                noted.push((
                    doc,
                    matched::at(positive.map(|(i, c)| (i, &mut c.cursor)), doc, &mut self.noting),
                ));
            }
        }
    }

    /// The score of `doc` from its positions: deduplicated hits and proximity.
    fn exact(&mut self, clauses: &mut [Clause], doc: u32, lengths: (u32, u32)) -> f32 {
        let mut score = 0.0;
        for c in clauses.iter_mut().filter(|c| c.role != Role::Excluded && c.cursor.doc() == doc) {
            c.cursor.load_hits();
            score += c.weight * rank::bm25f(&c.cursor.hits, lengths, self.averages);
        }
        let spanning =
            || clauses.iter().filter(|c| c.role != Role::Excluded && c.spans && c.cursor.doc() == doc);
        let n = spanning().count();
        if n > 1 {
            let fields: [fn(&FieldHits) -> &Hits; 2] = [|h| &h.title, |h| &h.body];
            let mut best = None;
            for field in fields {
                let lists: Vec<&Hits> = spanning().map(|c| field(&c.cursor.hits)).collect();
                best = best.into_iter().chain(rank::min_span(&lists, &mut self.scratch)).min();
            }
            score *= rank::proximity(n, best);
        }
        score
    }
}
