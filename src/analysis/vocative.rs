//! Uthmani script joins the vocative يا to the word it calls (يَٰٓأَيُّهَا). Read with its dagger
//! alef, such a word folds to ياايها: starting with يا followed by an alef. It is then also
//! indexed as the called word (ايها), so the query يا أيها finds it. Modern text never starts a
//! word with ياا, so nothing else is split.

pub fn split(term: &str) -> Option<String> {
    let rest = term.strip_prefix("يا")?;
    (rest.starts_with('ا') && rest.chars().count() >= 3).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_vocative_yields_the_called_word() {
        assert_eq!(split("ياايها").as_deref(), Some("ايها"));
        assert_eq!(split("ياادم").as_deref(), Some("ادم"));
    }

    #[test]
    fn ordinary_words_starting_with_ya_are_kept_whole() {
        assert_eq!(split("يابان"), None);
        assert_eq!(split("ياسين"), None);
        assert_eq!(split("يا"), None);
    }
}
