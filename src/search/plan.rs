//! A query planned against an index: each clause with the dictionary terms its words match and
//! the weight of each (exact > stem > prefix > typo; synonyms and transliterations below the
//! spelling typed). Planning is the dictionary work of a query; [`super::eval`] then walks the
//! postings of the planned terms. `search` and `get` share one plan per query.

use super::expand::{self, Kind};
use super::marks::Marked;
use super::query::{self, Clause};
use super::{synonyms, translit, MAX_GUESSED_WORDS};
use crate::analysis;
use crate::index::Index;

/// A dictionary term and the weight of its matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    pub ordinal: u32,
    pub weight: f32,
}

/// One way a clause matches: its words in a row (one word, or a phrase), each word any of its
/// terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    pub words: Vec<Vec<Term>>,
    pub weight: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub clause: Clause,
    pub branches: Vec<Branch>,
    /// A function word: it ranks, but does not have to match.
    pub stopword: bool,
    /// Found only by typo tolerance or transliteration.
    pub guessed: bool,
    /// The words found only so, each with its closest term.
    pub guesses: Vec<Guess>,
    /// The words typed with harakat.
    pub marks: Vec<Marked>,
}

/// A word found only by a guess, and the term it was taken for.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub word: String,
    pub ordinal: u32,
}

impl Planned {
    /// Whether any term matched at all (it may still match no document, as a phrase).
    pub fn has_terms(&self) -> bool {
        self.branches.iter().any(|b| b.words.iter().all(|w| !w.is_empty()))
    }
}

/// Documents of the other words that a prefix's rare completions may be checked against, at most.
const MAX_CONTEXT: u32 = 4096;

/// The documents (sorted) of the rarest planned positive word, if there are few enough: where a
/// completion of the word being typed can only matter.
fn context(index: &Index, planned: &[Planned]) -> Vec<u32> {
    let words = planned
        .iter()
        .filter(|p| !p.clause.negated && !p.stopword)
        .filter_map(|p| p.branches.first()?.words.first());
    let count = |w: &Vec<Term>| w.iter().map(|t| index.doc_count(t.ordinal)).sum::<u32>();
    let rarest = words.filter(|w| !w.is_empty()).map(|w| (count(w), w)).min_by_key(|&(n, _)| n);
    let Some((_, rarest)) = rarest.filter(|&(n, _)| n <= MAX_CONTEXT) else { return Vec::new() };
    let bits = super::dense::union(index, rarest.iter());
    bits.iter().enumerate().flat_map(|(w, &word)| super::dense::ones(w, word)).collect()
}

fn branch(
    index: &Index,
    words: &[Vec<String>],
    prefix: bool,
    strict: bool,
    context: &[u32],
) -> (Branch, Vec<Kind>) {
    let mut kinds = Vec::new();
    let words = words
        .iter()
        .map(|readings| {
            let matched = expand::expand(index, readings, prefix, strict, context);
            kinds.extend(matched.iter().map(|m| m.kind));
            matched.iter().map(|m| Term { ordinal: m.ordinal, weight: m.kind.weight() }).collect()
        })
        .collect();
    (Branch { words, weight: 1.0 }, kinds)
}

/// Plans a clause and the clauses of its `|`, which add their branches to it.
fn plan_clause(index: &Index, mut clause: Clause, guess: bool, before: &[Planned]) -> Planned {
    let either = std::mem::take(&mut clause.either);
    let mut planned = plan_part(index, clause, guess, before);
    for part in either {
        let p = plan_part(index, part, guess, before);
        planned.branches.extend(p.branches);
        planned.stopword &= p.stopword;
        planned.guessed &= p.guessed;
        planned.guesses.extend(p.guesses);
        planned.marks.extend(p.marks);
        planned.clause.either.push(p.clause);
    }
    planned
}

/// Plans one word or phrase; without `guess`, only spellings found as written (exact, stem,
/// prefix) count, as for a query retyped on the other keyboard layout.
fn plan_part(index: &Index, mut clause: Clause, guess: bool, before: &[Planned]) -> Planned {
    // A word with synonyms is a known word: its spellings are matched, not guessed at.
    let strict = clause.phrase || clause.negated || !clause.alternatives.is_empty() || !guess;
    let context = if clause.prefix && !strict { context(index, before) } else { Vec::new() };
    let (first, kinds) = branch(index, &clause.words, clause.prefix, strict, &context);
    let guessed = kinds.iter().all(|k| matches!(k, Kind::Fuzzy(_)));
    let transliterated = kinds.is_empty() && !clause.phrase && guess;
    if transliterated {
        if let Some(word) = clause.words[0].first() {
            clause.alternatives.extend(translit::alternatives(index, word));
        }
    }
    let mut branches = vec![first];
    for alternative in &clause.alternatives {
        let words: Vec<Vec<String>> = alternative.words.iter().map(|w| vec![w.clone()]).collect();
        let (mut alt, _) = branch(index, &words, false, true, &[]);
        alt.weight = alternative.weight;
        branches.push(alt);
    }
    // The closest guess: fuzzy terms come closest first, then the transliterations.
    let closest = match (guessed, transliterated) {
        (false, _) => None,
        (true, false) => branches[0].words.first().and_then(|w| w.first()),
        (true, true) => branches.iter().skip(1).find_map(|b| b.words.first()?.first()),
    };
    let guess = closest.map(|t| Guess { word: clause.written.join(" "), ordinal: t.ordinal });
    let guesses = guess.into_iter().collect();
    let marks = clause.written.iter().filter_map(|w| Marked::new(w)).collect();
    let stopword = !clause.phrase && clause.words[0].iter().all(|t| analysis::is_stopword(t));
    Planned { clause, branches, stopword, guessed, guesses, marks }
}

/// Plans `query`. Typo and transliteration guesses are the costly part of a word: with `guess`,
/// only the first [`MAX_GUESSED_WORDS`] words get them (16 long mistyped words took 0.7 s on
/// 2000 documents when all did).
pub fn plan(index: &Index, query: &str, guess: bool) -> Vec<Planned> {
    let mut clauses = query::parse(query);
    synonyms::apply(&mut clauses);
    for clause in &mut clauses {
        // Each alternative of `|` on its own: two of them are not one two-word spelling.
        let either = std::mem::take(&mut clause.either);
        clause.either = either
            .into_iter()
            .flat_map(|c| {
                let mut one = vec![c];
                synonyms::apply(&mut one);
                one
            })
            .collect();
    }
    let mut planned: Vec<Planned> = Vec::with_capacity(clauses.len());
    for (i, c) in clauses.into_iter().enumerate() {
        let p = plan_clause(index, c, guess && i < MAX_GUESSED_WORDS, &planned);
        planned.push(p);
    }
    planned
}
