//! Drops what modern readers don't type: every combining mark (harakat, tanween, shadda, sukun,
//! Quranic marks that are left, Latin combining accents), tatweel, zero-width (non-)joiners,
//! bidi controls and soft hyphens. What comes out is the word's letters and digits.

use super::cluster::Cluster;

/// Chars that lengthen or join a word without being part of its spelling.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\0' | '\u{0640}' | '\u{00AD}' | '\u{061C}' | '\u{FEFF}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn strip(clusters: &[Cluster]) -> impl Iterator<Item = char> + '_ {
    clusters.iter().map(|c| c.base).filter(|&c| !is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::*;

    fn run(word: &str) -> String {
        strip(&clusters(word.chars())).collect()
    }

    #[test]
    fn harakat_shadda_and_tanween_go() {
        assert_eq!(run("تَحَوَّلَ"), "تحول");
        assert_eq!(run("تقديراً"), "تقديرا");
    }

    #[test]
    fn tatweel_and_joiners_go() {
        assert_eq!(run("الأمــن"), "الأمن");
        assert_eq!(run("م\u{200C}ي\u{200F}"), "مي");
    }

    #[test]
    fn latin_combining_accents_go() {
        assert_eq!(run("e\u{0301}te\u{0301}"), "ete");
    }
}
