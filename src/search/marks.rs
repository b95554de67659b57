//! Typed diacritics. Matching folds them away, so `عَلِمَ` and `عُلِمَ` find the same words; a
//! reader who types a few harakat means them, though. A word as written in a document agrees
//! with a word as typed when the typed letters appear in it in a row (a proclitic or suffix
//! around them is fine) and each marked letter typed carries its marks there. Only the marks
//! typed count: `مَلك` agrees with `مَلِكِ` and `مَلَكَ`, not with `مُلْك`. A letter typed with a
//! vowel and no shadda disagrees with a doubled one (`قَدَرَ` is not `قَدَّرَ`), except the first:
//! its shadda is mostly the previous word's or the article's assimilated into it (`مِّن مَّلَكٍ`).
//! A dagger alef lengthens the vowel: a letter typed with a vowel and without it disagrees with
//! one that has it (`عَلِمَ`, he knew, is not `عَٰلِمَ`, knowing).

use crate::analysis::letters;

/// The marks compared, as bits: fathatan, dammatan, kasratan, fatha, damma, kasra, shadda,
/// sukun (U+064B–U+0652), dagger alef.
fn bit(c: char) -> u16 {
    match c {
        '\u{064B}'..='\u{0652}' => 1 << (c as u32 - 0x064B),
        // The Uthmani script writes sukun as a small high dotless khah.
        '\u{06E1}' => 1 << 7,
        '\u{0670}' => DAGGER,
        _ => 0,
    }
}

const SHADDA: u16 = 1 << 6;
const DAGGER: u16 = 1 << 8;

/// Other marks and the tatweel, which carry no vowel a reader types (Quranic annotation signs,
/// hamza above or below as a mark).
fn ignored(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{0653}'..='\u{065F}' | '\u{0640}')
        || matches!(c, '\u{06D6}'..='\u{06ED}')
}

/// The word's letters, folded, each with the harakat on it.
fn letters_of(word: &str) -> Vec<(char, u16)> {
    let mut out: Vec<(char, u16)> = Vec::with_capacity(word.len() / 2);
    for c in word.chars() {
        match (bit(c), out.last_mut()) {
            (0, _) if ignored(c) => {}
            (0, _) => out.push((letters::fold(c), 0)),
            (b, Some(last)) => last.1 |= b,
            (_, None) => {}
        }
    }
    out
}

/// Whether a typed word carries any harakat.
fn marked(typed: &str) -> bool {
    typed.chars().any(|c| bit(c) != 0)
}

/// A typed word, ready to be compared with the words of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked(Vec<(char, u16)>);

impl Marked {
    /// The typed word, when it carries harakat.
    pub fn new(typed: &str) -> Option<Marked> {
        marked(typed).then(|| Marked(letters_of(typed)))
    }

    /// The number of marked letters typed.
    pub fn marked_letters(&self) -> i32 {
        self.0.iter().filter(|l| l.1 != 0).count() as i32
    }

    /// How `written` (a word as a document writes it) agrees with the marks typed, where the
    /// typed letters sit in it best: each marked letter that carries its marks counts 1, each
    /// that carries others −1; `None` when the letters are not in it in a row. It agrees
    /// fully when this is [`Marked::marked_letters`].
    pub fn agreement(&self, written: &str) -> Option<i32> {
        let word = letters_of(written);
        let typed = &self.0;
        if typed.is_empty() || typed.len() > word.len() {
            return None;
        }
        let letter = |i: usize, &(c, have): &(char, u16), &(t, want): &(char, u16)| {
            let doubled = i > 0 && want & SHADDA == 0 && have & SHADDA != 0;
            let long = want & !SHADDA != 0 && want & DAGGER == 0 && have & DAGGER != 0;
            let agrees = have & want == want && !doubled && !long;
            (c == t).then_some(if want == 0 {
                0
            } else if agrees {
                1
            } else {
                -1
            })
        };
        let window = |w: &[(char, u16)]| -> Option<i32> {
            let mut n = 0;
            for (i, (have, want)) in w.iter().zip(typed).enumerate() {
                n += letter(i, have, want)?;
            }
            Some(n)
        };
        word.windows(typed.len()).filter_map(window).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agrees(typed: &str, written: &str) -> bool {
        Marked::new(typed).is_some_and(|m| m.agreement(written) == Some(m.marked_letters()))
    }

    #[test]
    fn only_typed_marks_count() {
        assert!(agrees("مَلِك", "مَلِكِ"));
        assert!(agrees("مَلك", "مَلَكَ"));
        assert!(!agrees("مَلِك", "مَلَكَ"));
        assert!(!agrees("مَلِك", "مُلْكُ"));
        assert!(agrees("مُلْك", "ٱلۡمُلۡكُ"), "the Uthmani sukun is a sukun, after an article");
        assert!(agrees("عَلِمَ", "وَعَلِمَ"));
        assert!(!agrees("عَلِمَ", "عُلِمَ"));
        assert!(agrees("قُدِّرَ", "قُدِّرَ"));
        assert!(!agrees("قُدِّرَ", "قَدَرَ"));
    }

    #[test]
    fn a_vowel_typed_without_shadda_is_not_a_doubled_letter_but_on_the_first() {
        assert!(agrees("قَدَرَ", "فَقَدَرَ"));
        assert!(!agrees("قَدَرَ", "قَدَّرَ"));
        assert!(agrees("قَدر", "قَدَّرَ"), "no vowel typed on the د");
        assert!(agrees("مَلَك", "مَّلَكُ"));
    }

    #[test]
    fn agreement_counts_the_letters_that_agree() {
        let typed = Marked::new("قُدِّرَ").unwrap();
        assert_eq!(typed.marked_letters(), 3);
        assert!(typed.agreement("قُدِرَ") > typed.agreement("قَدَّرَ"));
        assert_eq!(typed.agreement("كتب"), None);
    }

    #[test]
    fn letters_fold_as_matching_does() {
        assert!(!agrees("مَلِك", "مَٰلِكِ"), "the dagger alef lengthens the vowel typed short");
        assert!(!agrees("عَلِمَ", "عَٰلِمَ"));
        assert!(agrees("مَٰلِك", "مَٰلِكِ"));
        assert!(agrees("ملِك", "مَٰلِكِ"), "no vowel typed on the م");
        assert!(agrees("اَمر", "أَمۡرِ"), "hamza forms fold together");
        assert!(!agrees("مَلِك", "مَل"));
    }

    #[test]
    fn unmarked_words_are_not_marked() {
        assert!(Marked::new("ملك").is_none());
        assert!(Marked::new("").is_none());
        assert!(Marked::new("ـ").is_none());
    }
}
