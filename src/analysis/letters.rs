//! Letters that readers write interchangeably fold to one: alef with hamza or madda and alef
//! wasla → ا; alef maqsura → ي; teh marbuta → ه; hamza on waw or yeh → its carrier; the Persian
//! and Urdu forms of kaf, yeh and heh that Arabic text pasted from elsewhere carries.
//! A bare hamza ء stays: شيء and شي are different words.

pub fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ئ' | '\u{06CC}' => 'ي',
        'ة' | '\u{06C0}' | '\u{06C3}' | '\u{06BE}' => 'ه',
        'ؤ' => 'و',
        '\u{06A9}' => 'ك',
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
    fn alef_forms_fold() {
        assert_eq!(run("أإآٱا"), "ااااا");
    }

    #[test]
    fn yeh_teh_and_carriers_fold() {
        assert_eq!(run("مستشفى"), "مستشفي");
        assert_eq!(run("مدرسة"), "مدرسه");
        assert_eq!(run("مسؤول رئيس"), "مسوول رييس");
    }

    #[test]
    fn persian_forms_fold() {
        assert_eq!(run("\u{06A9}تاب \u{06CC}"), "كتاب ي");
    }

    #[test]
    fn bare_hamza_and_other_letters_stay() {
        assert_eq!(run("شيء"), "شيء");
        assert_eq!(run("ضظثسذز"), "ضظثسذز");
    }
}
