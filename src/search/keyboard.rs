//! Wrong keyboard layout. A reader whose keyboard is left in English types `hgvfh'` meaning
//! الرباط: the same keys on the standard Arabic (101) PC layout. [`to_arabic`] and [`to_latin`]
//! retype a query on the other layout; search tries the retyped query when the one typed finds
//! nothing or much less.

/// (key on a US layout, what the Arabic layout types there), unshifted then shifted keys.
const KEYS: [(char, &str); 62] = [
    ('`', "ذ"),
    ('q', "ض"),
    ('w', "ص"),
    ('e', "ث"),
    ('r', "ق"),
    ('t', "ف"),
    ('y', "غ"),
    ('u', "ع"),
    ('i', "ه"),
    ('o', "خ"),
    ('p', "ح"),
    ('[', "ج"),
    (']', "د"),
    ('a', "ش"),
    ('s', "س"),
    ('d', "ي"),
    ('f', "ب"),
    ('g', "ل"),
    ('h', "ا"),
    ('j', "ت"),
    ('k', "ن"),
    ('l', "م"),
    (';', "ك"),
    ('\'', "ط"),
    ('z', "ئ"),
    ('x', "ء"),
    ('c', "ؤ"),
    ('v', "ر"),
    ('b', "لا"),
    ('n', "ى"),
    ('m', "ة"),
    (',', "و"),
    ('.', "ز"),
    ('/', "ظ"),
    ('~', "ّ"),
    ('Q', "َ"),
    ('W', "ً"),
    ('E', "ُ"),
    ('R', "ٌ"),
    ('T', "لإ"),
    ('Y', "إ"),
    ('U', "‘"),
    ('I', "÷"),
    ('O', "×"),
    ('P', "؛"),
    ('A', "ِ"),
    ('S', "ٍ"),
    ('D', "]"),
    ('F', "["),
    ('G', "لأ"),
    ('H', "أ"),
    ('J', "ـ"),
    ('K', "،"),
    ('L', "/"),
    ('Z', "~"),
    ('X', "ْ"),
    ('C', "}"),
    ('V', "{"),
    ('B', "لآ"),
    ('N', "آ"),
    ('M', "’"),
    ('?', "؟"),
];

/// Capitals that type Arabic letters (hamza forms, lam-alef); other capitals type marks or
/// brackets, and a query with them is more likely an acronym (FSB) than a slip of layout. Bytes:
/// `str::contains(char)` would bring in a substring searcher.
const LETTER_CAPITALS: &[u8] = b"HYGTBN";

/// The query retyped on the Arabic layout, when it has Latin letters and every char is a key
/// (or a space or digit) of the US layout.
pub fn to_arabic(query: &str) -> Option<String> {
    if !query.chars().any(|c| c.is_ascii_alphabetic())
        || query.chars().any(|c| c.is_ascii_uppercase() && !LETTER_CAPITALS.contains(&(c as u8)))
    {
        return None;
    }
    let mut out = String::with_capacity(query.len() * 2);
    for c in query.chars() {
        match KEYS.iter().find(|(key, _)| *key == c) {
            Some((_, arabic)) => out.push_str(arabic),
            None if c == ' ' || c.is_ascii_digit() => out.push(c),
            None => return None,
        }
    }
    Some(out)
}

/// The query retyped on a US layout, when it is made only of Arabic letters the Arabic layout
/// types with letter keys (and spaces and digits). Lam-alef, typed with one key, is matched first.
pub fn to_latin(query: &str) -> Option<String> {
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    let mut letters = 0;
    while let Some(c) = rest.chars().next() {
        if c == ' ' || c.is_ascii_digit() {
            out.push(c);
            rest = rest.get(1..).unwrap_or_default(); // c is ASCII: one byte
            continue;
        }
        let key = KEYS
            .iter()
            .filter(|(key, arabic)| {
                (key.is_ascii_lowercase() || b"`[];',./".contains(&(*key as u8))) && rest.starts_with(arabic)
            })
            .max_by_key(|(_, arabic)| arabic.len())?;
        out.push(key.0);
        rest = rest.get(key.1.len()..).unwrap_or_default();
        letters += 1;
    }
    (letters > 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_keys_retype_as_arabic() {
        assert_eq!(to_arabic("hgvfh'").as_deref(), Some("الرباط"));
        assert_eq!(to_arabic("pl,ad l,s;,").as_deref(), Some("حموشي موسكو"));
        assert_eq!(to_arabic("hgHlk").as_deref(), Some("الأمن"));
        assert_eq!(to_arabic("hgYvihf").as_deref(), Some("الإرهاب"));
    }

    #[test]
    fn only_keyboard_text_is_retyped() {
        assert_eq!(to_arabic("123"), None);
        assert_eq!(to_arabic("café"), None);
        assert_eq!(to_arabic("الرباط"), None);
        assert_eq!(to_arabic("FSB"), None);
    }

    #[test]
    fn arabic_letters_retype_as_latin_with_lam_alef_as_one_key() {
        assert_eq!(to_latin("بسلا").as_deref(), Some("fsb"));
        assert_eq!(to_latin("بلاه").as_deref(), Some("fbi"));
        assert_eq!(to_latin("الرباط").as_deref(), Some("hgvfh'"));
        assert_eq!(to_latin("مرحبا!"), None);
        assert_eq!(to_latin("hello"), None);
    }

    #[test]
    fn every_key_appears_once() {
        for (i, (key, _)) in KEYS.iter().enumerate() {
            assert!(!KEYS[..i].iter().any(|(k, _)| k == key), "{key}");
        }
    }
}
