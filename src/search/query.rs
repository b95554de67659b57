//! The query language. Any string parses; nothing here can fail.
//!
//! - words are ANDed: `الأمن المغربي`;
//! - `"..."` is a phrase (consecutive words after analysis); an unclosed quote closes at the end;
//! - `-word` and `-"phrase"` exclude documents;
//! - the last word, when the query does not end with a space, is also a prefix (as you type).
//!
//! A query is cut to [`MAX_QUERY_BYTES`] and to [`MAX_CLAUSES`] clauses, which bounds its cost.

use crate::analysis;

pub const MAX_QUERY_BYTES: usize = 1024;
pub const MAX_CLAUSES: usize = 16;
pub const MAX_PHRASE_WORDS: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The folded readings of each word (one entry per word; a phrase has several).
    pub words: Vec<Vec<String>>,
    pub phrase: bool,
    pub negated: bool,
    /// The word is still being typed: also match it as a prefix.
    pub prefix: bool,
    /// Other spellings that match too (synonyms, transliterations), filled in after parsing.
    pub alternatives: Vec<Alternative>,
}

/// Other spellings that match a clause too (a synonym, a transliteration), as folded words.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub words: Vec<String>,
    pub weight: f32,
}

/// The query cut to [`MAX_QUERY_BYTES`] on a char boundary.
pub fn truncate(query: &str) -> &str {
    (0..=MAX_QUERY_BYTES.min(query.len())).rev().find_map(|end| query.get(..end)).unwrap_or_default()
}

pub fn parse(query: &str) -> Vec<Clause> {
    let query = truncate(query);
    let mut clauses = Vec::new();
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || clauses.len() >= MAX_CLAUSES {
            break;
        }
        let (negated, body) = match rest.strip_prefix('-') {
            Some(after) if after.starts_with(|c: char| !c.is_whitespace()) => (true, after),
            _ => (false, rest),
        };
        if let Some(inner) = body.strip_prefix('"') {
            let (phrase, after) = inner.split_once('"').unwrap_or((inner, ""));
            let words: Vec<Vec<String>> =
                analysis::tokenize(phrase).into_iter().map(|t| t.terms).take(MAX_PHRASE_WORDS).collect();
            if !words.is_empty() {
                clauses.push(Clause {
                    phrase: words.len() > 1,
                    words,
                    negated,
                    prefix: false,
                    alternatives: Vec::new(),
                });
            }
            rest = after;
        } else {
            let end = body.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(body.len());
            let (word, after) = body.split_at_checked(end).unwrap_or((body, ""));
            for token in analysis::tokenize(word) {
                clauses.push(Clause {
                    words: vec![token.terms],
                    phrase: false,
                    negated,
                    prefix: false,
                    alternatives: Vec::new(),
                });
            }
            rest = after;
        }
    }
    clauses.truncate(MAX_CLAUSES);
    let still_typing = query.ends_with(|c: char| !c.is_whitespace() && c != '"');
    if still_typing {
        if let Some(last) = clauses.last_mut().filter(|c| !c.phrase && !c.negated) {
            last.prefix = true;
        }
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(c: &Clause) -> Vec<&str> {
        c.words.iter().map(|w| w[0].as_str()).collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let clauses = parse("الأمن \"عبد اللطيف\" -موسكو -\"نادي الكبار\" ");
        assert_eq!(clauses.len(), 4);
        assert_eq!(words(&clauses[0]), ["الامن"]);
        assert!(clauses[1].phrase && !clauses[1].negated);
        assert_eq!(words(&clauses[1]), ["عبد", "اللطيف"]);
        assert!(clauses[2].negated && !clauses[2].phrase);
        assert!(clauses[3].negated && clauses[3].phrase);
        assert!(clauses.iter().all(|c| !c.prefix));
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        let clauses = parse("الأمن الدبلوما");
        assert!(!clauses[0].prefix && clauses[1].prefix);
        assert!(!parse("الأمن ").last().unwrap().prefix);
        assert!(!parse("-الأمن").last().unwrap().prefix);
    }

    #[test]
    fn an_unclosed_quote_closes_at_the_end() {
        let clauses = parse("\"عبد اللطيف");
        assert_eq!(clauses.len(), 1);
        assert!(clauses[0].phrase);
    }

    #[test]
    fn operators_and_punctuation_alone_give_nothing() {
        for q in ["", " ", "-", "\"", "\"\"", "- -", "-\"\"", "؟!،", "--x"] {
            let clauses = parse(q);
            assert!(clauses.iter().all(|c| !c.words.is_empty()), "{q}");
        }
        assert!(parse("-\"").is_empty());
    }

    #[test]
    fn a_hyphenated_word_is_two_words() {
        let clauses = parse("رابح-رابح ");
        assert_eq!(clauses.len(), 2);
        assert!(!clauses[1].negated);
    }

    #[test]
    fn huge_queries_are_cut() {
        let q = "أمن ".repeat(10_000);
        assert!(parse(&q).len() <= MAX_CLAUSES);
        let long = "ب".repeat(5000);
        assert!(truncate(&long).len() <= MAX_QUERY_BYTES);
    }
}
