//! Uthmani script joins the vocative يا to the word it calls, writing it يٰ (yeh with a dagger
//! alef): يَٰٓأَيُّهَا، يَٰقَوۡمِ. Such a word is also indexed as يا and as the called word, so the
//! modern query يا قوم finds it. Modern text writes يا apart, and a word starting with yeh and a
//! dagger alef is always this vocative.

use super::cluster::Cluster;
use super::dagger::DAGGER_ALEF;

const TATWEEL: char = '\u{0640}';

pub const VOCATIVE: &str = "يا";

/// The called word, when `clusters` start with a joined vocative: yeh carrying a dagger alef,
/// directly or on a tatweel after it (يَـٰٓأَيُّهَا), maybe after the conjunction و or ف (وَيَٰقَوۡمِ).
pub fn called(clusters: &[Cluster]) -> Option<Vec<Cluster>> {
    let start = usize::from(clusters.first().is_some_and(|c| matches!(c.base, 'و' | 'ف')));
    let yeh = clusters.get(start)?;
    if yeh.base != 'ي' {
        return None;
    }
    let on_tatweel = clusters.get(start + 1).is_some_and(|c| c.base == TATWEEL && c.has(DAGGER_ALEF));
    if !yeh.has(DAGGER_ALEF) && !on_tatweel {
        return None;
    }
    let rest = clusters.get(start + 1 + usize::from(on_tatweel)..)?;
    let letters = rest.iter().filter(|c| c.base != TATWEEL).count();
    (letters >= 2).then(|| rest.to_vec())
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::*;

    fn called_word(word: &str) -> Option<String> {
        called(&clusters(word.chars())).map(|cs| cs.iter().map(|c| c.base).collect())
    }

    #[test]
    fn a_joined_vocative_yields_the_called_word() {
        assert_eq!(called_word("يَٰٓأَيُّهَا").as_deref(), Some("أيها"));
        assert_eq!(called_word("يَٰقَوۡمِ").as_deref(), Some("قوم"));
        assert_eq!(called_word("يَـٰٓأَيُّهَا").as_deref(), Some("أيها"));
        assert_eq!(called_word("وَيَٰقَوۡمِ").as_deref(), Some("قوم"));
    }

    #[test]
    fn other_words_starting_with_yeh_are_kept_whole() {
        assert_eq!(called_word("يابان"), None);
        assert_eq!(called_word("يَقُولُ"), None);
        assert_eq!(called_word("يَٰ"), None);
        assert_eq!(called_word("وَيَقُولُ"), None);
    }
}
