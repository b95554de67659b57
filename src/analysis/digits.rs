//! Arabic-Indic (٠–٩) and Persian (۰–۹) digits → ASCII, so ٢٠٢٥ and 2025 are one term.

pub fn fold(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_and_persian_digits_fold() {
        let run = |s: &str| s.chars().map(fold).collect::<String>();
        assert_eq!(run("٢٠٢٥"), "2025");
        assert_eq!(run("۱۲۳۴۵۶۷۸۹۰"), "1234567890");
        assert_eq!(run("2025"), "2025");
    }
}
