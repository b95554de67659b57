//! "Did you mean": when a query finds nothing, the closest corpus words to each word that matched
//! nothing, as written in the corpus, put back into the query.

use super::{fuzzy, snippet};
use crate::analysis;
use crate::index::Index;

const MAX_SUGGESTIONS: usize = 3;

/// The word as the corpus writes it (the first place it occurs), or the folded term.
pub fn written(index: &Index, ordinal: u32, term: &str) -> String {
    let mut cursor = index.cursor(ordinal);
    let Some(doc) = index.doc(cursor.advance()) else { return term.to_string() };
    let (mut title, mut body) = (Vec::new(), Vec::new());
    cursor.positions(&mut title, &mut body);
    let word = match (title.first(), body.first()) {
        (Some(&p), _) => snippet::word_at(index, &doc, true, p),
        (None, Some(&p)) => snippet::word_at(index, &doc, false, p),
        _ => None,
    };
    word.unwrap_or(term).to_string()
}

/// Queries to try instead of `query`, in which `unmatched` (folded words that matched nothing)
/// are each replaced by a close corpus word.
pub fn suggestions(index: &Index, query: &str, unmatched: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    // Each word costs a dictionary walk: the first few unmatched words are enough to suggest.
    for word in unmatched.iter().take(super::MAX_GUESSED_WORDS) {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        // One edit more than search allows: what search could match, it already did.
        let len = word.chars().count();
        if len > fuzzy::MAX_LEN {
            continue;
        }
        let budget = fuzzy::budget(len) + fuzzy::EDIT;
        for near in fuzzy::near(index.terms(), word, budget, MAX_SUGGESTIONS) {
            let replacement = written(index, near.ordinal, &near.term);
            let suggestion: Vec<String> = query
                .split_whitespace()
                .map(|raw| if analysis::fold(raw) == *word { replacement.clone() } else { raw.to_string() })
                .collect();
            let suggestion = suggestion.join(" ");
            if suggestion != query && !out.contains(&suggestion) && out.len() < MAX_SUGGESTIONS {
                out.push(suggestion);
            }
        }
    }
    out
}
