//! Which dictionary terms a query word matches, and how well: its exact folded form, then terms
//! with the same light stem, then (for the word being typed) terms it is a prefix of, then (only
//! when nothing else matched) terms within a small edit distance.

use super::fuzzy;
use crate::analysis;
use crate::index::Index;

/// How a term matched; the weights rank exact > stem > prefix > fuzzy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Exact,
    Stem,
    Prefix,
    Fuzzy(u16),
}

impl Kind {
    pub fn weight(self) -> f32 {
        match self {
            Kind::Exact => 1.0,
            Kind::Stem => 0.7,
            Kind::Prefix => 0.5,
            Kind::Fuzzy(cost) if cost <= fuzzy::EDIT => 0.35,
            Kind::Fuzzy(_) => 0.25,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Matched {
    pub term: String,
    pub ordinal: u32,
    pub kind: Kind,
}

/// Prefix and fuzzy expansions each stop at this many terms.
pub const MAX_EXPANSIONS: usize = 64;

/// Terms matching a word with the given readings. `strict` limits matching to exact and stem
/// (phrases and exclusions).
pub fn expand(index: &Index, readings: &[String], prefix: bool, strict: bool) -> Vec<Matched> {
    let mut out: Vec<Matched> = Vec::new();
    let add = |out: &mut Vec<Matched>, term: String, ordinal: u32, kind: Kind| {
        if !out.iter().any(|m| m.ordinal == ordinal) {
            out.push(Matched { term, ordinal, kind });
        }
    };
    for reading in readings {
        if let Some(ordinal) = index.term(reading) {
            add(&mut out, reading.clone(), ordinal, Kind::Exact);
        }
    }
    for reading in readings {
        for (ordinal, term) in index.stem_terms(analysis::stem(reading)) {
            add(&mut out, term, ordinal, Kind::Stem);
        }
    }
    if strict {
        return out;
    }
    if prefix {
        for reading in readings {
            let mut cursor = index.terms().seek(reading.as_bytes());
            let mut taken = 0;
            while taken < MAX_EXPANSIONS && cursor.advance() && cursor.key().starts_with(reading.as_bytes()) {
                let Ok(term) = std::str::from_utf8(cursor.key()) else { continue };
                add(&mut out, term.to_string(), cursor.ordinal(), Kind::Prefix);
                taken += 1;
            }
        }
    }
    if out.is_empty() {
        for reading in readings {
            let budget = fuzzy::budget(reading.chars().count());
            if budget == 0 {
                continue;
            }
            for near in fuzzy::near(index.terms(), reading, budget, MAX_EXPANSIONS) {
                add(&mut out, near.term, near.ordinal, Kind::Fuzzy(near.cost));
            }
        }
    }
    out
}
