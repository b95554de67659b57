//! Light stemming in the spirit of Light10 (Larkey, Ballesteros & Connell, 2002), on folded
//! terms: strip a leading و, then one article-like prefix (ال وال بال كال فال لل), then the
//! frequent suffixes (ها ان ات ون ين يه ه ي — ية and ة are already folded to يه and ه) once each,
//! in that order. Unlike Light10, every step must leave at least three letters (not counting a
//! leading ال too short to strip), so short words survive (الله, التي, هذه, بين), and a lone و
//! goes only before five letters or more (وطنية and وزراء keep their و, وتعزيز loses it).
//! Terms with Latin letters or digits are left as they are.

const PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const MIN_LEN: usize = 3;
/// Tens end in ون/ين but are not plurals: أربعين must not become أربع (forty is not four).
const TENS: [&str; 16] = [
    "عشرين",
    "عشرون",
    "ثلاثين",
    "ثلاثون",
    "اربعين",
    "اربعون",
    "خمسين",
    "خمسون",
    "ستين",
    "ستون",
    "سبعين",
    "سبعون",
    "ثمانين",
    "ثمانون",
    "تسعين",
    "تسعون",
];
const MIN_AFTER_WAW: usize = 5;

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Letters after a leading ال that was too short to strip as an article (الله → ل).
fn core_len(s: &str) -> usize {
    len(s.strip_prefix("ال").unwrap_or(s))
}

fn is_arabic_word(term: &str) -> bool {
    term.chars().all(|c| matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06FF}'))
}

/// Every prefix [`stem`] may strip from a term, as its two pieces (و or nothing, then an
/// article or nothing): a stem's terms all start with one of these followed by the stem.
pub fn strippable_prefixes() -> impl Iterator<Item = [&'static str; 2]> {
    ["", "و"]
        .into_iter()
        .flat_map(|waw| std::iter::once("").chain(PREFIXES).map(move |article| [waw, article]))
}

/// Proclitics stripped before a word the vocabulary has (لحموشي، كقوة، بمدينة): Light10 leaves
/// these alone because stripping blindly breaks words whose first letter is a root letter
/// (لقاءات، فعالية). Longest first: و or ف before ل ب ك (ولعلا), then each alone.
pub const PROCLITICS: [&str; 11] = ["ول", "وب", "وك", "فل", "فب", "فك", "ل", "ب", "ك", "ف", "و"];
/// Letters a word needs to stand without its proclitic.
const MIN_BARE_LEN: usize = 3;

/// The stems a folded term stands for in a vocabulary (`has` says whether it holds a folded
/// term): its own, and for each proclitic it starts with, the stem of the word after it when
/// that word is long enough and the vocabulary has it, bare or with the article (الثقة for
/// لثقة). The index files each term under these; a query word is matched by the terms filed
/// under its own.
pub fn stems_in<'t>(term: &'t str, has: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
    let mut stems = vec![stem(term)];
    for rest in PROCLITICS.iter().filter_map(|p| term.strip_prefix(p)) {
        let known = || len(rest) >= MIN_BARE_LEN && (has(rest) || has(&["ال", rest].concat()));
        let s = stem(rest);
        if !stems.contains(&s) && known() {
            stems.push(s);
        }
    }
    stems
}

/// The stem of a folded term.
pub fn stem(term: &str) -> &str {
    if !is_arabic_word(term) {
        return term;
    }
    let mut s = term;
    if let Some(rest) = s.strip_prefix('و') {
        if len(rest) >= MIN_AFTER_WAW {
            s = rest;
        }
    }
    if let Some(rest) = PREFIXES.iter().find_map(|p| s.strip_prefix(p)) {
        if len(rest) >= MIN_LEN {
            s = rest;
        }
    }
    if TENS.contains(&s) {
        return s;
    }
    for suffix in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix) {
            if core_len(rest) >= MIN_LEN {
                s = rest;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::fold;
    use super::*;

    fn st(word: &str) -> String {
        stem(&fold(word)).to_string()
    }

    #[test]
    fn a_proclitic_gives_a_stem_only_before_a_word_the_vocabulary_has() {
        let vocabulary = ["حموشي", "الثقه"];
        let has = |t: &str| vocabulary.contains(&t);
        assert_eq!(stems_in("لحموشي", &has), ["لحموش", "حموش"]);
        assert_eq!(stems_in("لثقه", &has), ["لثق", "ثقه"]);
        assert_eq!(stems_in("لقاءات", &has), ["لقاء"], "قاءات is not in the vocabulary");
        assert_eq!(stems_in("ولحموشي", &has), ["لحموش", "حموش"], "ولحموشي is not known");
    }

    #[test]
    fn attached_prepositions_and_article_go() {
        assert_eq!(st("للأمم"), "امم");
        assert_eq!(st("الأمم"), "امم");
        assert_eq!(st("أمم"), "امم");
        assert_eq!(st("والأمن"), "امن");
        assert_eq!(st("بالمغرب"), "مغرب");
        assert_eq!(st("كالمعتاد"), "معتاد");
        assert_eq!(st("فالأكيد"), "اكيد");
    }

    #[test]
    fn frequent_suffixes_go_once_each_in_order() {
        assert_eq!(st("التهديدات"), "تهديد");
        assert_eq!(st("الأمنية"), "امن");
        assert_eq!(st("الدوليين"), "دول");
        assert_eq!(st("مكانتها"), "مكانت");
        assert_eq!(st("حموشي"), "حموش");
    }

    #[test]
    fn short_words_survive() {
        for word in ["الله", "هذه", "بين", "على", "في", "من"] {
            assert_eq!(st(word), fold(word), "{word}");
        }
    }

    #[test]
    fn waw_goes_only_before_a_long_word() {
        assert_eq!(st("وتعزيز"), "تعزيز");
        assert_eq!(st("وطنية"), "وطن");
        assert_eq!(st("الوطنية"), "وطن");
        assert_eq!(st("وزراء"), "وزراء");
    }

    #[test]
    fn different_words_of_the_seeds_keep_different_stems() {
        for (a, b) in [
            ("وطنية", "طن"),
            ("فعالية", "عالي"),
            ("الأمن", "الأمم"),
            ("لقاءات", "قاء"),
            ("المؤتمر", "التمر"),
            ("الدول", "الدولار"),
            ("والأربعين", "أربع"),
            ("الخمسين", "خمس"),
        ] {
            assert_ne!(st(a), st(b), "{a} / {b}");
        }
    }

    #[test]
    fn every_stripped_prefix_is_listed() {
        let prefixes: Vec<String> = strippable_prefixes().map(|p| p.concat()).collect();
        for word in ["وبالمغرب", "والأمن", "للأمم", "وتعزيز", "الوطنية", "فالأكيد"]
        {
            let term = fold(word);
            let stem = stem(&term);
            let prefix = &term[..term.find(stem).unwrap()];
            assert!(prefixes.iter().any(|p| p == prefix), "{word}: {prefix}");
        }
    }

    #[test]
    fn latin_and_digits_are_untouched() {
        assert_eq!(stem("fsb"), "fsb");
        assert_eq!(stem("2025"), "2025");
    }
}
