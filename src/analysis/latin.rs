//! Latin letters: lower case, and accents dropped (É → e, ç → c), for ASCII, Latin-1 and
//! Latin Extended-A. Other scripts keep their case: their tables would cost the wasm more than
//! an Arabic search box gains from them.

/// `FOLDED[c - 0xC0]` is the fold of U+00C0..=U+017F.
const FOLDED: &str = "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy\
aaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ";

pub fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{00C0}'..='\u{017F}' => FOLDED.chars().nth(c as usize - 0xC0).unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(word: &str) -> String {
        word.chars().map(fold).collect()
    }

    #[test]
    fn case_and_accents_fold() {
        assert_eq!(run("FSB"), "fsb");
        assert_eq!(run("Élysée Ça Œ"), "elysee ca œ");
        assert_eq!(run("Łódź"), "łodz");
    }

    #[test]
    fn the_table_covers_its_range() {
        assert_eq!(FOLDED.chars().count(), 0x180 - 0xC0);
    }

    #[test]
    fn arabic_is_untouched() {
        assert_eq!(run("الرباط"), "الرباط");
    }
}
