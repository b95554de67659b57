//! Arabic function words (prepositions, pronouns, demonstratives, relatives, particles), in
//! folded form. Search uses them to weigh terms, never to drop a query: a query made only of
//! stop words is searched as typed.

const STOPWORDS: [&str; 73] = [
    "اذ",
    "اذا",
    "الا",
    "التي",
    "الذي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللواتي",
    "الي",
    "اما",
    "ان",
    "انه",
    "انها",
    "او",
    "اي",
    "ايضا",
    "بان",
    "بعد",
    "بعض",
    "بل",
    "به",
    "بها",
    "بين",
    "تلك",
    "ثم",
    "حتي",
    "حيث",
    "خلال",
    "ذلك",
    "ضد",
    "عبر",
    "عل",
    "علي",
    "عليه",
    "عليها",
    "عن",
    "عند",
    "غير",
    "فان",
    "في",
    "فيه",
    "فيها",
    "قبل",
    "قد",
    "كان",
    "كانت",
    "كل",
    "كما",
    "لا",
    "لان",
    "لدي",
    "لكن",
    "لم",
    "لن",
    "له",
    "لها",
    "لهم",
    "ما",
    "مع",
    "من",
    "منذ",
    "منه",
    "منها",
    "هذا",
    "هذه",
    "هم",
    "هو",
    "هي",
    "و",
    "وقد",
    "وهو",
    "يا",
];

pub fn is_stopword(term: &str) -> bool {
    STOPWORDS.contains(&term)
}

#[cfg(test)]
mod tests {
    use super::super::fold;
    use super::*;

    #[test]
    fn function_words_are_stop_words_in_any_spelling() {
        for word in ["في", "إلى", "على", "هذه", "الذي", "أو", "حتى"] {
            assert!(is_stopword(&fold(word)), "{word}");
        }
    }

    #[test]
    fn content_words_are_not() {
        for word in ["الأمن", "حموشي", "المغرب", "موسكو"] {
            assert!(!is_stopword(&fold(word)), "{word}");
        }
    }

    #[test]
    fn the_list_is_folded_and_unique() {
        for (i, w) in STOPWORDS.iter().enumerate() {
            assert_eq!(fold(w), *w);
            assert!(!STOPWORDS[..i].contains(w), "{w} twice");
        }
    }
}
