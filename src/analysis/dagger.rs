//! The dagger (superscript) alef ٰ. Modern spelling writes it as ا in some words (ٱلۡكِتَٰبُ →
//! الكتاب) and drops it in others (هَٰذَا → هذا), so a word that carries one has two readings and
//! is indexed under both. Two cases have one reading:
//! - a waw or alef maqsura with no vowel of its own, carrying the dagger, is itself read as alef
//!   (ٱلصَّلَوٰةَ → الصلاة, هَدَىٰنَا → هدانا);
//! - a word-final alef maqsura keeps its spelling (عَلَىٰ → على, never علا).

use super::cluster::Cluster;

const DAGGER_ALEF: char = '\u{0670}';
const VOWELS: [char; 4] = ['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}'];

fn is_letter(c: char) -> bool {
    !matches!(c, '\0' | '\u{0640}')
}

/// One reading, or two (with the dagger alef written as ا first, then without).
pub fn readings(clusters: Vec<Cluster>) -> Vec<Vec<Cluster>> {
    if !clusters.iter().any(|c| c.has(DAGGER_ALEF)) {
        return vec![clusters];
    }
    let mut with_alef = Vec::with_capacity(clusters.len() + 2);
    let mut without = Vec::with_capacity(clusters.len());
    let mut two_readings = false;
    for (i, cluster) in clusters.iter().enumerate() {
        let mut cluster = cluster.clone();
        if !cluster.has(DAGGER_ALEF) {
            with_alef.push(cluster.clone());
            without.push(cluster);
            continue;
        }
        cluster.marks.retain(|&m| m != DAGGER_ALEF);
        let unvowelled = !cluster.marks.iter().any(|m| VOWELS.contains(m));
        let is_final = !clusters[i + 1..].iter().any(|c| is_letter(c.base));
        match cluster.base {
            'و' if unvowelled => cluster.base = 'ا',
            'ى' if unvowelled && !is_final => cluster.base = 'ا',
            'ى' if unvowelled => {}
            _ => {
                with_alef.push(cluster.clone());
                with_alef.push(Cluster::new('ا'));
                without.push(cluster);
                two_readings = true;
                continue;
            }
        }
        with_alef.push(cluster.clone());
        without.push(cluster);
    }
    if two_readings {
        vec![with_alef, without]
    } else {
        vec![with_alef]
    }
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
        assert_eq!(bases("ٱلسَّمَٰوَٰتِ"), ["ٱلسماوات", "ٱلسموت"]);
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
    fn words_without_dagger_are_untouched() {
        assert_eq!(bases("كَتَبَ"), ["كتب"]);
    }
}
