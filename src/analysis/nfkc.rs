//! Compatibility folding (NFKC) char by char, from a generated table: Arabic presentation forms
//! (ﻻ → لا, ﷲ → الله), Latin ligatures (ﬁ → fi), fullwidth forms (Ａ → A), NBSP and other spaces.
//! Chars outside the table's blocks are kept as they are: carrying all of Unicode's tables in the
//! wasm would cost ≈ 48 KB, the table ≈ 2 KB.

use super::nfkc_table::{BLOCK, BLOCKS, LENS, RUNS, VALUES};

/// A char of the folded text with the byte range of the original char it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceChar {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// The NFKC form of `c` when it differs from `c`.
pub fn lookup(c: char) -> Option<&'static str> {
    // ASCII and the Arabic block but for four letters with a hamza above (ٵ ٶ ٷ ٸ) are their
    // own NFKC form (the exhaustive test below covers them): skip the search for the chars that
    // make up nearly all text, vocalised and Uthmani text (ٱ ۡ ۖ) included.
    if c < '\u{A0}' || ('\u{0600}'..='\u{06FF}').contains(&c) && !('\u{0675}'..='\u{0678}').contains(&c) {
        return None;
    }
    let cp = c as u32;
    let run = RUNS.partition_point(|&(start, _)| u32::from(start) <= cp).checked_sub(1)?;
    let ((start, first), (_, next)) = (RUNS[run], *RUNS.get(run + 1)?);
    let i = usize::from(first) + (cp - u32::from(start)) as usize;
    if i >= usize::from(next) {
        return None;
    }
    let block = i / BLOCK;
    let lens = LENS.get(block * BLOCK..=i)?;
    let end = usize::from(*BLOCKS.get(block)?) + lens.iter().map(|&n| usize::from(n)).sum::<usize>();
    VALUES.get(end - usize::from(lens[lens.len() - 1])..end)
}

/// Folds `text`; a char that folds to several chars gives them all its source range.
pub fn fold_text(text: &str) -> Vec<SourceChar> {
    let mut out = Vec::with_capacity(text.len() / 2);
    out.extend(fold_chars(text));
    out
}

/// [`fold_text`] as it goes.
pub fn fold_chars(text: &str) -> FoldChars<'_> {
    FoldChars { chars: text.char_indices(), folded: "".chars(), start: 0, end: 0 }
}

/// The chars of [`fold_chars`].
pub struct FoldChars<'a> {
    chars: std::str::CharIndices<'a>,
    /// The rest of the folded form of the char at `start..end`.
    folded: std::str::Chars<'static>,
    start: usize,
    end: usize,
}

impl Iterator for FoldChars<'_> {
    type Item = SourceChar;

    fn next(&mut self) -> Option<SourceChar> {
        if let Some(c) = self.folded.next() {
            return Some(SourceChar { c, start: self.start, end: self.end });
        }
        let (start, c) = self.chars.next()?;
        let end = start + c.len_utf8();
        match lookup(c) {
            None => Some(SourceChar { c, start, end }),
            Some(folded) => {
                (self.folded, self.start, self.end) = (folded.chars(), start, end);
                self.next()
            }
        }
    }
}

#[cfg(test)]
#[path = "nfkc_gen.rs"]
mod nfkc_gen;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_code_point_of_the_folded_blocks_matches_unicode_normalization() {
        let mut checked = 0;
        for &(lo, hi) in nfkc_gen::RANGES {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let expected: String = c.to_string().nfkc().collect();
                let got = lookup(c).map_or_else(|| c.to_string(), str::to_string);
                assert_eq!(got, expected, "U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 1500);
    }

    #[test]
    fn code_points_between_and_past_the_runs_are_their_own_form() {
        for c in ['\u{00A1}', '\u{0700}', '\u{2010}', '\u{FB07}', '\u{FFEF}', '\u{FFFF}', '\u{1F600}'] {
            assert_eq!(lookup(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_checked_in_table_is_what_the_generator_writes() {
        let fresh = nfkc_gen::source();
        assert_eq!(include_str!("nfkc_table.rs"), fresh, "run FAHRAS_WRITE_NFKC_TABLE=1 cargo build");
    }

    #[test]
    fn presentation_forms_fold_and_keep_their_source_range() {
        let text = "ﻻ ﺏ";
        let chars = fold_text(text);
        let folded: String = chars.iter().map(|c| c.c).collect();
        assert_eq!(folded, "لا ب");
        assert_eq!((chars[0].start, chars[0].end), (0, 3));
        assert_eq!((chars[1].start, chars[1].end), (0, 3));
    }

    #[test]
    fn nbsp_and_fullwidth_fold() {
        let folded: String = fold_text("a\u{00A0}Ｂ").iter().map(|c| c.c).collect();
        assert_eq!(folded, "a B");
    }
}
