//! Snippets and highlights. Matching runs on folded terms, but what the reader sees is the
//! original text: a snippet is a slice of it cut at word boundaries, and highlights are UTF-16
//! offsets (what JavaScript strings index by) of whole words as written, marks included.

use crate::analysis::{self, Token};

/// Words in a snippet window.
pub const WINDOW_WORDS: usize = 30;
pub const ELLIPSIS: &str = "…";

pub type Ranges = Vec<(u32, u32)>;

fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// The folded terms a query matched, sorted for lookup.
#[derive(Debug, Clone, Default)]
pub struct Terms(Vec<String>);

impl FromIterator<String> for Terms {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut terms: Vec<String> = iter.into_iter().collect();
        super::heapsort::sort_by(&mut terms, |a, b| a < b);
        terms.dedup();
        Terms(terms)
    }
}

impl Terms {
    pub fn contains(&self, term: &str) -> bool {
        self.0.binary_search_by(|t| t.as_str().cmp(term)).is_ok()
    }
}

fn is_match(token: &Token, terms: &Terms) -> bool {
    token.terms.iter().any(|t| terms.contains(t))
}

/// UTF-16 ranges of the words of `text` that carry one of `terms`.
pub fn highlights(text: &str, terms: &Terms) -> Ranges {
    let mut out = Vec::new();
    let mut offset = 0u32;
    let mut seen = 0usize;
    for token in analysis::tokenize(text) {
        if !is_match(&token, terms) {
            continue;
        }
        // Tokens can share a source range (a ligature that folds to several words).
        if token.start < seen {
            continue;
        }
        offset += utf16_len(&text[seen..token.start]);
        let len = utf16_len(&text[token.start..token.end]);
        out.push((offset, offset + len));
        offset += len;
        seen = token.end;
    }
    out
}

/// The window of about [`WINDOW_WORDS`] words of `body` where `terms` are densest, and the
/// highlights in it.
pub fn snippet(body: &str, terms: &Terms) -> (String, Ranges) {
    let tokens = analysis::tokenize(body);
    if tokens.is_empty() {
        return (String::new(), Vec::new());
    }
    // Each word's matched term (its primary reading), looked up once.
    let matched: Vec<Option<&str>> =
        tokens.iter().map(|t| is_match(t, terms).then(|| t.terms[0].as_str())).collect();
    let hits: Vec<bool> = matched.iter().map(Option::is_some).collect();
    let width = WINDOW_WORDS.min(tokens.len());
    let mut best = (0usize, 0usize, 0usize); // (distinct, hits, start)
    let mut distinct: Vec<&str> = Vec::with_capacity(width);
    for start in 0..=tokens.len() - width {
        distinct.clear();
        let mut count = 0;
        for term in matched[start..start + width].iter().flatten() {
            count += 1;
            if !distinct.contains(term) {
                distinct.push(term);
            }
        }
        if count > 0 && (distinct.len(), count) > (best.0, best.1) {
            best = (distinct.len(), count, start);
        }
    }
    let start = best.2;
    let end = (start + width).min(tokens.len());
    let from = if start == 0 { 0 } else { tokens[start].start };
    let to = match tokens.get(end) {
        Some(next) => body[..next.start].trim_end().len().max(tokens[end - 1].end),
        None => body.trim_end().len().max(tokens[end - 1].end),
    };
    let mut text = String::new();
    if start > 0 {
        text.push_str(ELLIPSIS);
    }
    let lead = text.len();
    text.push_str(body[from..to].trim_start());
    let trimmed = body[from..to].len() - body[from..to].trim_start().len();
    if end < tokens.len() {
        text.push_str(ELLIPSIS);
    }
    let mut ranges = Vec::new();
    for (token, &hit) in tokens[start..end].iter().zip(&hits[start..end]) {
        if hit && token.start >= from + trimmed {
            let s = utf16_len(&text[..lead + token.start - from - trimmed]);
            let e = s + utf16_len(&body[token.start..token.end]);
            if ranges.last().is_none_or(|&(_, last_end)| s >= last_end) {
                ranges.push((s, e));
            }
        }
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> Terms {
        words.iter().map(|w| analysis::fold(w)).collect()
    }

    fn marked(text: &str, ranges: &Ranges) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        ranges.iter().map(|&(s, e)| String::from_utf16(&units[s as usize..e as usize]).unwrap()).collect()
    }

    #[test]
    fn highlights_cover_whole_words_as_written() {
        let text = "قالَ المديرُ إنَّ الأمنَ أولويةٌ";
        let ranges = highlights(text, &set(&["الامن"]));
        assert_eq!(marked(text, &ranges), ["الأمنَ"]);
    }

    #[test]
    fn highlights_count_utf16_units_through_emoji_nbsp_and_latin() {
        let text = "😀 FSB\u{00A0}الأمن 𝒜 الأمن";
        let ranges = highlights(text, &set(&["fsb", "الامن"]));
        assert_eq!(marked(text, &ranges), ["FSB", "الأمن", "الأمن"]);
        assert_eq!(ranges[0], (3, 6));
    }

    #[test]
    fn the_snippet_is_the_densest_window_with_ellipses() {
        let filler = "كلمة ".repeat(100);
        let body = format!("{filler}حموشي في موسكو. {filler}");
        let (text, ranges) = snippet(&body, &set(&["حموشي", "موسكو"]));
        assert!(text.starts_with(ELLIPSIS) && text.ends_with(ELLIPSIS));
        assert!(text.split_whitespace().count() <= WINDOW_WORDS + 1);
        assert_eq!(marked(&text, &ranges), ["حموشي", "موسكو"]);
    }

    #[test]
    fn a_short_body_is_the_whole_snippet() {
        let (text, ranges) = snippet("الأمن أولوية.", &set(&["اولويه"]));
        assert_eq!(text, "الأمن أولوية.");
        assert_eq!(marked(&text, &ranges), ["أولوية"]);
    }

    #[test]
    fn without_hits_the_snippet_is_the_start() {
        let body = "كلمة ".repeat(50);
        let (text, ranges) = snippet(&body, &set(&["غائب"]));
        assert!(!text.starts_with(ELLIPSIS) && text.ends_with(ELLIPSIS));
        assert!(ranges.is_empty());
    }
}
