//! The dagger (superscript) alef ٰ. Modern spelling writes it as ا in some words (ٱلۡكِتَٰبُ →
//! الكتاب) and drops it in others (هَٰذَا → هذا), so a word that carries one has two readings and
//! is indexed under both (a word with two daggers, under the four combinations: السماوات and
//! the older print spelling السموات). Two cases have one reading:
//! - a waw or alef maqsura with no vowel of its own, carrying the dagger, is itself read as alef
//!   (ٱلصَّلَوٰةَ → الصلاة, هَدَىٰنَا → هدانا);
//! - a word-final alef maqsura keeps its spelling (عَلَىٰ → على, never علا).

use super::cluster::Cluster;

pub const DAGGER_ALEF: char = '\u{0670}';
const VOWELS: [char; 4] = ['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}'];
/// Words with up to this many daggers get every combination of readings (السماوات, السموات,
/// السماوت, السموت); beyond, only all-with and all-without.
const ALL_COMBINATIONS_UP_TO: usize = 2;

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\0')
}

fn is_letter(c: char) -> bool {
    !matches!(c, '\0' | '\u{0640}')
}

/// The readings of a word, the one with every dagger alef written as ا first.
pub fn readings(mut clusters: Vec<Cluster>) -> Vec<Vec<Cluster>> {
    // Daggers that are read as ا or not, by index of the cluster carrying them.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..clusters.len() {
        if !clusters[i].has(DAGGER_ALEF) {
            continue;
        }
        let is_final = !clusters[i + 1..].iter().any(|c| is_letter(c.base));
        let cluster = &mut clusters[i];
        cluster.marks.retain(|&m| m != DAGGER_ALEF);
        let unvowelled = !cluster.marks.iter().any(|m| VOWELS.contains(m));
        match cluster.base {
            'و' if unvowelled => cluster.base = 'ا',
            'ى' if unvowelled && !is_final => cluster.base = 'ا',
            'ى' if unvowelled => {}
            // Read as ا only after Arabic script: "a" + dagger must not become the mixed "aا".
            base if is_arabic(base) => open.push(i),
            _ => {}
        }
    }
    if open.is_empty() {
        return vec![clusters];
    }
    let masks: Vec<u32> = if open.len() <= ALL_COMBINATIONS_UP_TO {
        let all = (1u32 << open.len()) - 1;
        std::iter::once(all).chain((0..all).rev()).collect()
    } else {
        vec![u32::MAX, 0]
    };
    masks
        .into_iter()
        .map(|mask| {
            let mut reading = Vec::with_capacity(clusters.len() + open.len());
            for (i, cluster) in clusters.iter().enumerate() {
                reading.push(cluster.clone());
                if let Some(bit) = open.iter().position(|&o| o == i) {
                    if mask & (1 << bit.min(31)) != 0 {
                        reading.push(Cluster::new('ا'));
                    }
                }
            }
            reading
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::*;

    fn bases(word: &str) -> Vec<String> {
        readings(clusters(word.chars()))
            .iter()
            .map(|r| r.iter().map(|c| c.base).filter(|&c| is_letter(c)).collect())
            .collect()
    }

    #[test]
    fn a_dagger_gives_both_readings() {
        assert_eq!(bases("هَٰذَا"), ["هاذا", "هذا"]);
        assert_eq!(bases("ٱلۡكِتَٰبُ"), ["ٱلكتاب", "ٱلكتب"]);
    }

    #[test]
    fn every_dagger_of_a_word_goes_the_same_way() {
        assert_eq!(bases("ٱلسَّمَٰوَٰتِ"), ["ٱلسماوات", "ٱلسموات", "ٱلسماوت", "ٱلسموت"]);
    }

    #[test]
    fn a_silent_waw_with_dagger_reads_as_alef() {
        assert_eq!(bases("ٱلصَّلَوٰةَ"), ["ٱلصلاة"]);
        assert_eq!(bases("ٱلۡحَيَوٰةِ"), ["ٱلحياة"]);
    }

    #[test]
    fn alef_maqsura_reads_as_alef_inside_a_word_only() {
        assert_eq!(bases("هَدَىٰنَا"), ["هدانا"]);
        assert_eq!(bases("عَلَىٰ"), ["على"]);
        assert_eq!(bases("إِلَىٰٓ"), ["إلى"]);
    }

    #[test]
    fn a_dagger_after_latin_or_digits_is_dropped() {
        assert_eq!(bases("a\u{0670}"), ["a"]);
        assert_eq!(bases("2\u{0670}025"), ["2025"]);
    }

    #[test]
    fn words_without_dagger_are_untouched() {
        assert_eq!(bases("كَتَبَ"), ["كتب"]);
    }
}
