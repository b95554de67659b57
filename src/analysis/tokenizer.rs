//! Splits NFKC-folded text into words. A word is a run of letters and digits; marks, tatweel,
//! zero-width (non-)joiners and bidi controls stay inside the run, so a word typed with any of
//! them is one word. A run is also cut where Arabic letters meet Latin letters or digits
//! (لـ2025 → ل, 2025), while Latin letters and digits stay together (G20).
//! Everything else separates words: spaces, NBSP, Arabic and Latin punctuation (، ؛ ؟),
//! curly quotes, hyphens, symbols, emoji.

use super::cluster::is_mark;
use std::sync::OnceLock;

use super::nfkc::{self, SourceChar};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    /// Latin letters, digits and letters of other scripts.
    Other,
    /// Inside a word but neither starts nor splits one.
    Joiner,
    /// Tatweel and Arabic marks: joiners inside Arabic, but they end a Latin or digit run (a
    /// Latin letter cannot carry them, and folding them there would mix scripts in one word).
    ArabicJoiner,
    Separator,
}

fn class(c: char) -> Class {
    match c {
        // Nearly every char is one of the first arms: letters, the space, and in vocalised and
        // Uthmani text the harakat, tatweel, dagger alef, alef wasla and the Quranic marks.
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' => Class::Arabic,
        ' ' => Class::Separator,
        // Tatweel, the harakat, the small waw and yeh: joiners inside Arabic.
        '\u{0640}'..='\u{065F}' | '\u{0670}' | '\u{06E5}' | '\u{06E6}' => Class::ArabicJoiner,
        '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' => {
            Class::Arabic
        }
        '0'..='9' | 'a'..='z' | 'A'..='Z' => Class::Other,
        '\u{0610}'..='\u{08FF}' if is_mark(c) => Class::ArabicJoiner,
        '\u{200C}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Class::Joiner
        }
        '\u{00AD}' | '\u{FEFF}' => Class::Joiner,
        c if is_mark(c) => Class::Joiner,
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Class::Other,
        '\u{066E}'..='\u{066F}' => Class::Arabic,
        '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' => Class::Arabic,
        c if c.is_alphanumeric() => Class::Other,
        _ => Class::Separator,
    }
}

/// Where a split stands: where the word being read starts (a char index, or a byte) and its
/// class, if any.
#[derive(Default)]
struct Split {
    start: Option<(usize, Class)>,
}

impl Split {
    /// Takes the char at `i`, of class `class`; returns where the word it ends starts, and `i`.
    fn push(&mut self, i: usize, class: Class) -> Option<(usize, usize)> {
        // Most chars continue the word they are in: a letter of its script.
        if self.start.is_some_and(|(_, script)| script == class) {
            return None;
        }
        match (self.start, class) {
            (_, Class::Joiner) => None,
            (Some((s, Class::Other)), Class::ArabicJoiner) => {
                self.start = None;
                Some((s, i))
            }
            (_, Class::ArabicJoiner) => None,
            (Some((s, script)), Class::Arabic | Class::Other) if script != class => {
                self.start = Some((i, class));
                Some((s, i))
            }
            (None, Class::Arabic | Class::Other) => {
                self.start = Some((i, class));
                None
            }
            (Some((s, _)), Class::Separator) => {
                self.start = None;
                Some((s, i))
            }
            _ => None,
        }
    }
}

/// The words of `chars`, each a non-empty slice that starts with a letter or digit.
pub fn words(chars: &[SourceChar]) -> Vec<&[SourceChar]> {
    let mut split = Split::default();
    let mut out: Vec<&[SourceChar]> = chars
        .iter()
        .enumerate()
        .filter_map(|(i, sc)| split.push(i, class(sc.c)))
        .map(|(s, e)| &chars[s..e])
        .collect();
    if let Some((s, _)) = split.start {
        out.push(&chars[s..]);
    }
    out
}

/// The classes of ASCII (0–127) and of U+0600–U+06FF (128–383), the chars of nearly all text
/// [`spans`] reads; `None` for the four that NFKC folds (ٵ ٶ ٷ ٸ), which take the general path.
fn fast_classes() -> &'static [Option<Class>; 384] {
    static TABLE: OnceLock<[Option<Class>; 384]> = OnceLock::new();
    TABLE.get_or_init(|| {
        core::array::from_fn(|i| {
            let c = char::from_u32(if i < 128 { i } else { 0x600 + i - 128 } as u32)?;
            nfkc::lookup(c).is_none().then(|| class(c))
        })
    })
}

/// The source byte ranges of the words [`words`] would find in `text` once NFKC-folded, without
/// folding it first: for text whose words are only to be located (every snippet and highlight).
/// ASCII and Arabic-block chars are classed from their bytes by a table; any other char is
/// decoded and folded, and each char it folds to counts with its source range.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let (table, bytes) = (fast_classes(), text.as_bytes());
    // The split keeps the byte where each word starts, not its char index: chars folded from
    // one source char (a ligature) share its range, and so do the words they make.
    let mut split = Split::default();
    // A word and the space after it take 8 bytes or more in nearly any Arabic text: one
    // allocation instead of a Vec grown through its powers of two.
    let (mut out, mut prev_end, mut at) = (Vec::with_capacity(text.len() / 8 + 1), 0, 0);
    let mut step = |class: Class, start: usize, end: usize| {
        if let Some((start, _)) = split.push(start, class) {
            out.push((start, prev_end));
        }
        prev_end = end;
    };
    while let Some(&lead) = bytes.get(at) {
        let fast = match lead {
            0..=0x7F => table[usize::from(lead)].map(|class| (class, 1)),
            // Two bytes, U+0600–U+06FF: text is UTF-8, so the second byte is there.
            0xD8..=0xDB => bytes.get(at + 1).and_then(|&next| {
                let cp = usize::from(lead & 0x1F) << 6 | usize::from(next & 0x3F);
                table[128 + cp - 0x600].map(|class| (class, 2))
            }),
            _ => None,
        };
        if let Some((class, len)) = fast {
            step(class, at, at + len);
            at += len;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        let end = at + c.len_utf8();
        match nfkc::lookup(c) {
            None => step(class(c), at, end),
            Some(folded) => folded.chars().for_each(|f| step(class(f), at, end)),
        }
        at = end;
    }
    if let Some((start, _)) = split.start {
        out.push((start, prev_end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::nfkc::fold_text;
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let chars = fold_text(text);
        words(&chars).iter().map(|w| text[w[0].start..w[w.len() - 1].end].to_string()).collect()
    }

    #[test]
    fn arabic_punctuation_separates() {
        assert_eq!(split("موسكو، الرباط؛ لماذا؟نعم"), ["موسكو", "الرباط", "لماذا", "نعم"]);
    }

    #[test]
    fn curly_quotes_nbsp_and_hyphens_separate() {
        assert_eq!(split("لـ”الديبلوماسية”\u{00A0}رابح-رابح"), ["لـ", "الديبلوماسية", "رابح", "رابح"]);
    }

    #[test]
    fn joiners_and_marks_stay_inside_a_word() {
        assert_eq!(split("الأمــن مي\u{200C}خواهم تحوّل"), ["الأمــن", "مي\u{200C}خواهم", "تحوّل"]);
    }

    #[test]
    fn scripts_split_but_latin_keeps_its_digits() {
        assert_eq!(split("(FSB) ب2025 G20 ٢٠٢٥م"), ["FSB", "ب", "2025", "G20", "٢٠٢٥", "م"]);
    }

    #[test]
    fn arabic_marks_end_a_latin_or_digit_run() {
        assert_eq!(split("a\u{0670}b ـx ٢\u{064E}"), ["a", "b", "x", "٢"]);
    }

    #[test]
    fn emoji_and_symbols_separate() {
        assert_eq!(split("أمن😀سلام ★ x"), ["أمن", "سلام", "x"]);
    }

    #[test]
    fn a_leading_mark_stays_out_of_the_word() {
        assert_eq!(split(" َبَ"), ["بَ"]);
    }
}
