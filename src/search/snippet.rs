//! Snippets and highlights. Matching runs on folded terms, but what the reader sees is the
//! original text: a snippet is a slice of it cut at word boundaries, and highlights are UTF-16
//! offsets (what JavaScript strings index by) of whole words as written, marks included.
//!
//! Both start from the word positions the query matched, which the evaluation already has: the
//! window is chosen from the positions, and only its words (from the word checkpoint before it)
//! are analysed again to find where they are written.

use crate::analysis;
use crate::index::{Index, StoredDoc};

/// Words in a snippet window.
pub const WINDOW_WORDS: usize = 30;
pub const ELLIPSIS: &str = "…";

pub type Ranges = Vec<(u32, u32)>;

fn utf16_len(s: &str) -> u32 {
    // A char is one unit, two from four UTF-8 bytes on: count lead bytes, plus those of four-byte
    // chars, in one pass over bytes rather than decoding chars (highlights of a long text count
    // it whole).
    s.bytes().map(|b| (b & 0xC0 != 0x80) as u32 + (b >= 0xF0) as u32).sum()
}

/// A word's byte range.
type Span = (usize, usize);

/// UTF-16 ranges, counted from the start of `text` plus `base` units, of the words at `spans`
/// (numbered `first..` in `text`) whose number is in `positions` (sorted).
fn mark(text: &str, spans: &[Span], first: u32, positions: &[u32], base: u32, out: &mut Ranges) {
    let mut offset = base;
    let mut seen = 0usize;
    for (i, &(start, end)) in spans.iter().enumerate() {
        // Words can share a source range (a ligature that folds to several words).
        if start < seen || positions.binary_search(&(first + i as u32)).is_err() {
            continue;
        }
        offset += utf16_len(text.get(seen..start).unwrap_or_default());
        let len = utf16_len(text.get(start..end).unwrap_or_default());
        out.push((offset, offset + len));
        offset += len;
        seen = end;
    }
}

/// UTF-16 ranges of the words of `text` numbered in `positions` (sorted), from `base` units on.
pub fn highlights(text: &str, positions: &[u32], base: u32, out: &mut Ranges) {
    if !positions.is_empty() {
        mark(text, &analysis::spans(text), 0, positions, base, out);
    }
}

/// UTF-16 ranges, from `base` units on, of the body words of `doc` numbered in `positions`
/// (sorted): each run of them is analysed from the word checkpoint before it, so a long text
/// with a few matches is not analysed whole.
pub fn body_highlights(index: &Index, doc: &StoredDoc, positions: &[u32], base: u32, out: &mut Ranges) {
    let body = doc.body();
    let (mut done, mut units) = (0usize, base);
    let mut rest = positions;
    let mut checkpoints = index.checkpoints(doc);
    while let Some(&p) = rest.first() {
        let (first, slice) = checkpoints.body_slice(body, p, p);
        if slice.start < done {
            break; // corrupt checkpoints: nothing further is trusted
        }
        units += utf16_len(body.get(done..slice.start).unwrap_or_default());
        let words = body.get(slice.clone()).unwrap_or_default();
        let tokens = analysis::spans(words);
        let last = first + tokens.len() as u32;
        let within = rest.iter().take_while(|&&q| q < last).count().max(1);
        mark(words, &tokens, first, &rest[..within], units, out);
        units += utf16_len(words);
        done = slice.end;
        rest = &rest[within..];
    }
}

/// The word numbered `position` in `doc`'s title (`in_title`) or body, as written.
pub fn word_at<'a>(index: &Index<'a>, doc: &StoredDoc<'a>, in_title: bool, position: u32) -> Option<&'a str> {
    let (text, first) = match in_title {
        true => (doc.title, 0),
        false => {
            let (first, slice) = index.checkpoints(doc).body_slice(doc.body(), position, position);
            (doc.body().get(slice)?, first)
        }
    };
    let (start, end) = *analysis::spans(text).get(position.checked_sub(first)? as usize)?;
    text.get(start..end)
}

/// The body words to show: the window of [`WINDOW_WORDS`] holding the most distinct clauses,
/// then the most hits, with its hits centred. `hits` are `(position, clause bit)`, sorted by
/// position, one entry a position.
fn window(hits: &[(u32, u32)], words: u32) -> u32 {
    let width = (WINDOW_WORDS as u32).min(words);
    let mut best = (0u32, 0usize, 0usize, 0usize); // (distinct, count, first, last)
    for i in 0..hits.len() {
        let (mut mask, mut j) = (0u32, i);
        while j < hits.len() && hits[j].0 < hits[i].0 + width {
            mask |= hits[j].1;
            j += 1;
        }
        if (mask.count_ones(), j - i) > (best.0, best.1) {
            best = (mask.count_ones(), j - i, i, j - 1);
        }
    }
    if best.1 == 0 {
        return 0;
    }
    let (first, last) = (hits[best.2].0, hits[best.3].0);
    let slack = (width - 1).saturating_sub(last - first);
    (first - first.min(slack / 2)).min(words - width)
}

/// The window of about [`WINDOW_WORDS`] words of `doc`'s body where the `hits` (body positions
/// with the bit of their clause, sorted, one entry a position) are densest, with the highlights
/// in it.
pub fn snippet(index: &Index, doc: &StoredDoc, hits: &[(u32, u32)]) -> (String, Ranges) {
    let body = doc.body();
    let words = doc.body_words;
    if words == 0 {
        return (String::new(), Vec::new());
    }
    let start = window(hits, words);
    let end = start + (WINDOW_WORDS as u32).min(words);
    let (first, slice) = index.checkpoints(doc).body_slice(body, start, end);
    let base = slice.start;
    let tokens = analysis::spans(body.get(slice).unwrap_or_default());
    let token = |n: u32| n.checked_sub(first).and_then(|i| tokens.get(i as usize));
    let (Some(first_token), Some(last_token)) = (token(start), token(end - 1)) else {
        return (String::new(), Vec::new());
    };
    let from = if start == 0 { 0 } else { base + first_token.0 };
    let to = match token(end) {
        Some(next) => body.get(..base + next.0).unwrap_or(body).trim_end().len().max(base + last_token.1),
        None => body.trim_end().len().max(base + last_token.1),
    };
    let shown = body.get(from..to).unwrap_or_default().trim_start();
    // Every buffer sized once: growing them was a third of a query's allocations.
    let mut text = String::with_capacity(shown.len() + 2 * ELLIPSIS.len());
    if start > 0 {
        text.push_str(ELLIPSIS);
    }
    let skipped = from + (to - from - shown.len());
    let lead = utf16_len(&text);
    text.push_str(shown);
    if end < words {
        text.push_str(ELLIPSIS);
    }
    let mut in_window = Vec::with_capacity(hits.len());
    in_window.extend(hits.iter().map(|h| h.0).filter(|p| (start..end).contains(p)));
    let i0 = (start - first) as usize;
    let window_tokens = &tokens[i0..(end - first) as usize];
    let mut ranges = Vec::with_capacity(in_window.len());
    // Offsets in `shown`: the window's tokens, counted from where it begins in the body.
    let mut shifted: Vec<Span> = Vec::with_capacity(window_tokens.len());
    let kept = window_tokens.iter().filter(|t| base + t.0 >= skipped);
    shifted.extend(kept.map(|t| (base + t.0 - skipped, base + t.1 - skipped)));
    let dropped = (window_tokens.len() - shifted.len()) as u32;
    mark(shown, &shifted, start + dropped, &in_window, lead, &mut ranges);
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::index;

    /// Positions in `text` of the words folding to one of `words`.
    fn positions(text: &str, words: &[&str]) -> Vec<u32> {
        let folded: Vec<String> = words.iter().map(|w| analysis::fold(w)).collect();
        let tokens = analysis::tokenize(text);
        (0..tokens.len() as u32)
            .filter(|&i| tokens[i as usize].terms.iter().any(|t| folded.contains(t)))
            .collect()
    }

    fn marked(text: &str, ranges: &Ranges) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        ranges.iter().map(|&(s, e)| String::from_utf16(&units[s as usize..e as usize]).unwrap()).collect()
    }

    /// The bytes of an index of one document whose body is `body`.
    fn one_document(body: &str) -> Vec<u8> {
        index::write(&[Document {
            id: "d".into(),
            title: "t".into(),
            text: body.into(),
            ..Default::default()
        }])
    }

    /// The snippet of a one-document index whose body is `body`, for hits on `words` (one clause
    /// each).
    fn snippet_of(body: &str, words: &[&str]) -> (String, Ranges) {
        let bytes = one_document(body);
        let index = Index::open(&bytes).unwrap();
        let doc = index.doc(0).unwrap();
        let mut hits: Vec<(u32, u32)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            hits.extend(positions(body, &[w]).into_iter().map(|p| (p, 1 << i)));
        }
        hits.sort();
        snippet(&index, &doc, &hits)
    }

    #[test]
    fn highlights_cover_whole_words_as_written() {
        let text = "قالَ المديرُ إنَّ الأمنَ أولويةٌ";
        let mut ranges = Vec::new();
        highlights(text, &positions(text, &["الامن"]), 0, &mut ranges);
        assert_eq!(marked(text, &ranges), ["الأمنَ"]);
    }

    #[test]
    fn utf16_lengths_are_what_encoding_gives() {
        for text in ["", "abc", "سلام", "a😀b", "ﷺ\u{00A0}€𝕏"] {
            assert_eq!(utf16_len(text) as usize, text.encode_utf16().count(), "{text}");
        }
    }

    #[test]
    fn highlights_count_utf16_units_through_emoji_nbsp_and_latin() {
        let text = "😀 FSB\u{00A0}الأمن 𝒜 الأمن";
        let mut ranges = Vec::new();
        highlights(text, &positions(text, &["fsb", "الامن"]), 0, &mut ranges);
        assert_eq!(marked(text, &ranges), ["FSB", "الأمن", "الأمن"]);
        assert_eq!(ranges[0], (3, 6));
    }

    #[test]
    fn the_snippet_is_the_densest_window_with_ellipses() {
        let filler = "كلمة ".repeat(100);
        let body = format!("{filler}حموشي في موسكو. {filler} حموشي {filler}");
        let (text, ranges) = snippet_of(&body, &["حموشي", "موسكو"]);
        assert!(text.starts_with(ELLIPSIS) && text.ends_with(ELLIPSIS));
        assert!(text.split_whitespace().count() <= WINDOW_WORDS + 1);
        assert_eq!(marked(&text, &ranges), ["حموشي", "موسكو"]);
        assert!(text.contains("حموشي في موسكو."), "{text}");
    }

    #[test]
    fn a_short_body_is_the_whole_snippet() {
        let (text, ranges) = snippet_of("الأمن أولوية.", &["اولويه"]);
        assert_eq!(text, "الأمن أولوية.");
        assert_eq!(marked(&text, &ranges), ["أولوية"]);
    }

    #[test]
    fn without_hits_the_snippet_is_the_start() {
        let body = "كلمة ".repeat(50);
        let (text, ranges) = snippet_of(&body, &["غائب"]);
        assert!(!text.starts_with(ELLIPSIS) && text.ends_with(ELLIPSIS));
        assert!(ranges.is_empty());
    }

    #[test]
    fn body_highlights_match_a_whole_text_analysis() {
        let body =
            format!("{} الهدف {} الهدفُ {}", "قالَ ﷺ كلمةٌ ".repeat(40), "نص ".repeat(70), "كلمة ".repeat(9));
        let bytes = one_document(&body);
        let index = Index::open(&bytes).unwrap();
        let doc = index.doc(0).unwrap();
        let found = positions(&body, &["الهدف", "نص"]);
        let (mut whole, mut sliced) = (Vec::new(), Vec::new());
        highlights(&body, &found, 5, &mut whole);
        body_highlights(&index, &doc, &found, 5, &mut sliced);
        assert_eq!(sliced, whole);
        assert_eq!(whole.len(), 72);
    }

    #[test]
    fn words_after_ligatures_and_marks_are_found_past_checkpoints() {
        // ﷺ folds to four words on one source range; the checkpoints must not split it.
        let body = format!("{} الهدف {}", "قالَ ﷺ كلمةٌ ".repeat(40), "نص ".repeat(40));
        let (text, ranges) = snippet_of(&body, &["الهدف"]);
        assert_eq!(marked(&text, &ranges), ["الهدف"]);
    }
}
