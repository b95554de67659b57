//! Text analysis shared by the build script and the runtime: both call [`tokenize`], so a word is
//! folded the same way when it is indexed and when it is searched.
//!
//! The pipeline, one concept per file, in the order it runs:
//!
//! 1. [`nfkc`]: compatibility folding, char by char (presentation forms, ligatures, fullwidth,
//!    NBSP), from a table generated from `unicode-normalization` and checked against it.
//! 2. [`tokenizer`]: splits the folded chars into words, keeping each word's byte range in the
//!    original text; marks, tatweel and zero-width joiners stay inside words.
//! 3. Per word, on clusters (a base letter and its marks):
//!    [`quranic`] (small letters that stand for letters, pause marks), [`dagger`] (the dagger alef:
//!    one or two readings), [`hamza`] (hamza written with tatweel or on the line),
//!    [`diacritics`] (every remaining mark goes),
//! 4. then char by char: [`letters`] (alef, yeh, teh marbuta, hamza carriers),
//!    [`digits`] (Arabic-Indic → ASCII), [`latin`] (lower case, accents).
//!
//! [`vocative`] runs before the dagger step: a vocative يٰ that Uthmani script joins to the next
//! word also yields يا and the called word.
//!
//! [`stem`] and [`stopwords`] work on the folded terms that come out; [`refs`] reads references
//! (`2:255`, `البقرة 255`) into lookup keys with the same folding.

mod cluster;
pub mod dagger;
pub mod diacritics;
pub mod digits;
pub mod hamza;
pub mod latin;
pub mod letters;
pub mod nfkc;
#[rustfmt::skip]
mod nfkc_table;
pub mod quranic;
pub mod refs;
pub mod stem;
pub mod stopwords;
pub mod tokenizer;
pub mod vocative;

pub use stem::stem;
pub use stopwords::is_stopword;

/// One word of a text: its byte range in the original text and its folded readings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first char in the original text.
    pub start: usize,
    /// Byte offset just past the word's last char (its trailing marks included).
    pub end: usize,
    /// Folded forms the word is found under; the first is the primary reading.
    /// Most words have one; a word with a dagger alef or a joined vocative has more.
    pub terms: Vec<String>,
}

/// Splits `text` into words and folds each one.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars = nfkc::fold_text(text);
    let mut out = Vec::new();
    for word in tokenizer::words(&chars) {
        let terms = fold_word(word.iter().map(|c| c.c));
        if terms.is_empty() {
            continue;
        }
        out.push(Token { start: word[0].start, end: word[word.len() - 1].end, terms });
    }
    out
}

/// Where the words of `text` are, as [`tokenize`] numbers them, without folding them: for
/// cutting and highlighting text whose matched word numbers are known (folding is most of the
/// cost of analysis). A word starts with a letter or digit, which folding keeps, so no word
/// folds to nothing and the two agree; a test holds them to it.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    tokenizer::spans(text)
}

/// Chars only the cluster steps handle: marks, tatweel, hamza on the line, the small Quranic
/// letters, invisible joiners.
fn needs_clusters(c: char) -> bool {
    cluster::is_mark(c) || diacritics::is_invisible(c) || matches!(c, 'ء' | '\u{06E5}' | '\u{06E6}')
}

/// Folds the chars of one word (already NFKC-folded) into its readings.
fn fold_word(chars: impl Iterator<Item = char> + Clone) -> Vec<String> {
    // Most words of modern text are plain letters: fold them char by char, skipping the
    // allocations of the cluster steps (which would leave such a word unchanged).
    if !chars.clone().any(needs_clusters) {
        let folded: String = chars.map(letters::fold).map(digits::fold).map(latin::fold).collect();
        return if folded.is_empty() { Vec::new() } else { vec![folded] };
    }
    let mut clusters = cluster::clusters(chars);
    quranic::apply(&mut clusters);
    let called = vocative::called(&clusters);
    let has_vocative = called.is_some();
    let mut terms: Vec<String> = Vec::with_capacity(2);
    for word in std::iter::once(clusters).chain(called) {
        for mut reading in dagger::readings(word) {
            hamza::apply(&mut reading);
            let folded: String =
                diacritics::strip(&reading).map(letters::fold).map(digits::fold).map(latin::fold).collect();
            if !folded.is_empty() && !terms.contains(&folded) {
                terms.push(folded);
            }
        }
    }
    if has_vocative {
        terms.push(vocative::VOCATIVE.to_string());
    }
    terms
}

/// Folds a whole string to the space-separated primary readings of its words: handy to compare
/// two spellings in tests and to show a normalised query.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    for token in tokenize(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&token.terms[0]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;

    fn terms(text: &str) -> Vec<Vec<String>> {
        tokenize(text).into_iter().map(|t| t.terms).collect()
    }

    #[test]
    fn spans_are_where_tokenize_finds_words() {
        let mut texts: Vec<String> = ["seeds/000_565f1685908f2278.txt", "seeds/003_11ad936ddc67a289.txt"]
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        // Letters, marks, tatweel, hamza, ligatures, joiners, digits, Latin and punctuation.
        let alphabet: Vec<char> = "اأءؤئبةتـَُِّْٰۥۧٓٔﷺﻻ\u{200c}\u{200d}٣3aZ .،-ۡ۟ٱٵ\u{620}éﬁ«😀".chars().collect();
        let mut rng = Rng::new(0x2545_F491);
        for _ in 0..2000 {
            let text: String = (0..12).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            texts.push(text);
        }
        for text in &texts {
            let tokens: Vec<(usize, usize)> = tokenize(text).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(spans(text), tokens, "{text:?}");
        }
    }

    #[test]
    fn offsets_point_at_the_word_as_written() {
        let text = "قالَ: «الأمنُ» 2025";
        let tokens = tokenize(text);
        let written: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(written, ["قالَ", "الأمنُ", "2025"]);
        assert_eq!(tokens[1].terms, ["الامن"]);
    }

    #[test]
    fn modern_spellings_fold_together() {
        for (a, b) in [
            ("أصبح", "اصبح"),
            ("الأُمَم", "الامم"),
            ("مدرسة", "مدرسه"),
            ("إلى", "الي"),
            ("٢٠٢٥", "2025"),
            ("ﺍﻟﺮﺑﺎﻁ", "الرباط"),
            ("الأمــن", "الامن"),
            ("Café", "cafe"),
            ("مسؤول", "مسوول"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} vs {b}");
        }
    }

    #[test]
    fn uthmani_words_reach_their_modern_spelling() {
        for (uthmani, modern) in [
            ("ٱلصَّلَوٰةَ", "الصلاة"),
            ("ٱلۡكِتَٰبُ", "الكتاب"),
            ("هَٰذَا", "هذا"),
            ("إِبۡرَٰهِـۧمَ", "إبراهيم"),
            ("ءَامَنُواْ", "آمنوا"),
            ("شَيۡـٔٗا", "شيئا"),
            ("بِـَٔايَٰتِنَا", "بآياتنا"),
            ("لَهُۥ", "له"),
            ("ٱلسَّمَٰوَٰتِ", "السماوات"),
            ("ٱلرَّحۡمَٰنِ", "الرحمن"),
            ("عَلَىٰ", "على"),
            ("يَسۡـَٔلُونَكَ", "يسألونك"),
        ] {
            let modern = fold(modern);
            let readings = &terms(uthmani)[0];
            assert!(readings.contains(&modern), "{uthmani}: {readings:?} lacks {modern}");
        }
    }

    #[test]
    fn readings_keep_different_modern_words_apart() {
        for (a, b) in [("إِلَىٰٓ", "إلا"), ("عَلَىٰ", "علا"), ("إلى", "إلا"), ("على", "علا")]
        {
            let ra = &terms(a)[0];
            let rb = &terms(b)[0];
            assert!(ra.iter().all(|t| !rb.contains(t)), "{a} {ra:?} ~ {b} {rb:?}");
        }
    }

    #[test]
    fn a_pdf_ligature_yields_several_words_on_one_source_range() {
        let text = "ﷺ";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 4);
        assert!(tokens.iter().all(|t| t.start == 0 && t.end == text.len()));
    }

    #[test]
    fn marks_alone_make_no_word() {
        assert!(tokenize("َ ُ ـ \u{200c}").is_empty());
        assert!(tokenize("").is_empty());
    }
}
