//! References (`2:255`, `البقرة 255`, `سورة البقرة آية ٢٥٥`, a hadith number `7`) as lookup
//! keys. The build calls [`keys`] on each `refs` value of a document, the search calls [`key`]
//! on the whole query, so both spell a reference the same way.
//!
//! A reference is read as words by [`tokenize`](super::tokenize) — so its digits (Arabic-Indic,
//! Persian) become ASCII, its letters are folded (diacritics, hamza, ة/ه, ى/ي) and any
//! punctuation (`:` `،` `,` `-`) or space separates parts — and the words سورة and آية (in
//! any spelling folding joins: سوره, اية, ايه…) are dropped. A part of digits only is a number,
//! written without leading zeros; any other part is a name, written without the article ال
//! (unless that leaves less than two letters: آل of آل عمران stays). The key is the names
//! joined by spaces, then each number after a `:`:
//!
//! | reference              | keys                 |
//! |------------------------|----------------------|
//! | `2:255`, `٢:٢٥٥`       | `2:255`              |
//! | `البقرة 255`           | `بقره:255`, `بقره`   |
//! | `سورة يس`              | `يس`                 |
//! | `7`, `007`             | `7`                  |
//!
//! A reference with a name and numbers also gives the name alone, so a query naming a surah
//! finds all of its verses. A query is looked up by a name alone only when it says it is one
//! (`سورة يس`): alone, most surah names are words a reader searches for (الرحمن، الملك، النور).

use super::tokenize;

/// Words that say what the next part is and are not part of the key, as folding writes them.
const LABELS: [&str; 2] = ["سوره", "ايه"];

/// The names of `reference` (joined by spaces), its numbers (each after a `:`), and whether
/// it carried a label.
fn read(reference: &str) -> (String, String, bool) {
    let (mut names, mut numbers, mut labelled) = (String::new(), String::new(), false);
    for token in tokenize(reference) {
        let Some(word) = token.terms.first() else { continue };
        if LABELS.contains(&word.as_str()) {
            labelled = true;
            continue;
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            let digits = word.trim_start_matches('0');
            numbers.push(':');
            numbers.push_str(if digits.is_empty() { "0" } else { digits });
        } else {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(without_article(word));
        }
    }
    (names, numbers, labelled)
}

/// The keys of names and numbers as [`read`] gives them, most specific first.
fn keys_of(names: String, mut numbers: String) -> Vec<String> {
    match (names.is_empty(), numbers.is_empty()) {
        (true, true) => Vec::new(),
        (true, false) => vec![numbers.split_off(1)],
        (false, true) => vec![names],
        (false, false) => vec![[names.as_str(), &numbers].concat(), names],
    }
}

/// The key of `reference` and, when it has a name and numbers, the name alone; none when it
/// has no name and no number.
pub fn keys(reference: &str) -> Vec<String> {
    let (names, numbers, _) = read(reference);
    keys_of(names, numbers)
}

/// The key a query is looked up under: its most specific one; a name alone only after a label.
pub fn key(query: &str) -> Option<String> {
    let (names, numbers, labelled) = read(query);
    if numbers.is_empty() && !labelled {
        return None;
    }
    keys_of(names, numbers).into_iter().next()
}

/// The first of `refs` that gives no key: what a corpus reader rejects.
pub fn unreadable(refs: &[String]) -> Option<&String> {
    refs.iter().find(|r| keys(r).is_empty())
}

/// `word` without a leading ال, unless less than two letters would be left.
fn without_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_any_digit_script_without_leading_zeros() {
        for reference in ["2:255", "٢:٢٥٥", "۲:۲۵۵", "002:0255", " 2 : 255 ", "2-255", "2، 255", "2,255"]
        {
            assert_eq!(keys(reference), ["2:255"], "{reference:?}");
        }
        assert_eq!(keys("7"), ["7"]);
        assert_eq!(keys("0007"), ["7"]);
        assert_eq!(keys("0"), ["0"]);
    }

    #[test]
    fn a_named_reference_also_gives_the_name() {
        for reference in
            ["البقرة 255", "سورة البقرة آية 255", "البقرة: ٢٥٥", "البقره: ٢٥٥", "سُورَةُ ٱلْبَقَرَةِ ٢٥٥", "بقرة 255"]
        {
            assert_eq!(keys(reference), ["بقره:255", "بقره"], "{reference:?}");
        }
        for label in ["سوره", "آية", "آيه", "اية", "ايه"] {
            assert_eq!(keys(&[label, " البقرة ", label, " 255"].concat()), ["بقره:255", "بقره"]);
        }
        assert_eq!(keys("سورة يس"), ["يس"]);
        assert_eq!(keys("يس 1"), ["يس:1", "يس"]);
    }

    #[test]
    fn a_short_name_keeps_its_article() {
        assert_eq!(keys("آل عمران 5"), ["ال عمران:5", "ال عمران"]);
        assert_eq!(key("سورة آل عمران"), Some("ال عمران".to_string()));
        assert_eq!(keys("الحجر"), ["حجر"]);
    }

    #[test]
    fn a_query_names_a_surah_alone_only_with_a_label() {
        assert_eq!(key("سورة الملك"), Some("ملك".to_string()));
        assert_eq!(key("الملك"), None);
        assert_eq!(key("الملك 1"), Some("ملك:1".to_string()));
        assert_eq!(key("٧"), Some("7".to_string()));
    }

    #[test]
    fn nothing_to_look_up() {
        for reference in ["", "  ", "سورة", "آية ،", "-:-"] {
            assert_eq!(keys(reference), Vec::<String>::new(), "{reference:?}");
            assert_eq!(key(reference), None);
        }
    }
}
