//! Hamza as Uthmani script writes it, turned into the carrier modern spelling uses:
//! - hamza on a tatweel with fatha or no vowel, or hamza on the line with fatha or at the start of
//!   the word, before an alef is the madda آ (ءَامَنُواْ → آمنوا, بِـَٔايَٰتِنَا → بآياتنا); an
//!   unvowelled hamza on the line inside a word keeps its alef, as modern text writes it (لقاءات);
//! - otherwise a combining hamza on a tatweel takes the seat the vowels call for: kasra or a
//!   preceding yeh, even before an alef (هَنِيٓـَٔۢا → هنيئا) → ئ (شَيۡـٔٗا → شيئا), damma → ؤ, fatha → أ (يَسۡـَٔلُونَكَ → يسألونك);
//! - a combining hamza on a letter that is itself a carrier (ا و ي ى) is that letter's hamza form,
//!   which [`super::letters`] folds to the carrier anyway, so the mark just goes.

use super::cluster::Cluster;
use super::diacritics::is_invisible;
use super::letters;

const TATWEEL: char = '\u{0640}';
const HAMZA: char = 'ء';
const HAMZA_ABOVE: char = '\u{0654}';
const HAMZA_BELOW: char = '\u{0655}';
const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Vowel {
    None,
    Fatha,
    Damma,
    Kasra,
}

fn is_tanween(m: char) -> bool {
    matches!(m, '\u{064B}'..='\u{064D}' | '\u{0656}' | '\u{0657}' | '\u{065E}' | '\u{08F0}'..='\u{08F2}')
}

fn vowel(cluster: &Cluster) -> Vowel {
    if cluster.marks.iter().any(|&m| m == KASRA || m == '\u{064D}') {
        Vowel::Kasra
    } else if cluster.marks.iter().any(|&m| m == DAMMA || m == '\u{064C}') {
        Vowel::Damma
    } else if cluster.marks.iter().any(|&m| m == FATHA || is_tanween(m)) {
        Vowel::Fatha
    } else {
        Vowel::None
    }
}

fn next_letter(clusters: &[Cluster], i: usize) -> Option<&Cluster> {
    clusters[i + 1..].iter().find(|c| !is_invisible(c.base))
}

fn prev_letter(clusters: &[Cluster], i: usize) -> Option<&Cluster> {
    clusters[..i].iter().rev().find(|c| !is_invisible(c.base))
}

pub fn apply(clusters: &mut Vec<Cluster>) {
    // A hamza on a tatweel that takes the seat أ is an alef for a hamza before it, which the
    // pass has already passed (ءٖـٔب): once more, so that the word folds to itself again.
    while seat(clusters) {}
}

/// One pass over the word; whether it seated a hamza on an alef.
fn seat(clusters: &mut Vec<Cluster>) -> bool {
    let mut alef = false;
    let mut i = 0;
    while i < clusters.len() {
        let cluster = &clusters[i];
        let combining = cluster.has(HAMZA_ABOVE) || cluster.has(HAMZA_BELOW);
        let on_tatweel = cluster.base == TATWEEL && combining;
        if !(on_tatweel || cluster.base == HAMZA) {
            if combining {
                clusters[i].marks.retain(|&m| m != HAMZA_ABOVE && m != HAMZA_BELOW);
            }
            i += 1;
            continue;
        }
        let own = vowel(cluster);
        let own_tanween = cluster.marks.iter().any(|&m| is_tanween(m));
        // Any alef form: letters::fold makes them ا, and folding twice must equal folding once.
        let before_alef = next_letter(clusters, i).is_some_and(|c| letters::fold(c.base) == 'ا');
        let after_yeh = prev_letter(clusters, i).is_some_and(|c| matches!(c.base, 'ي' | 'ى'));
        let madda_reading = !after_yeh && (on_tatweel || own == Vowel::Fatha || i == 0);
        // A word-initial hamza on the line before an alef is read as madda whatever marks it
        // carries, so that the folded word (marks gone) folds to itself again.
        let initial = !on_tatweel && prev_letter(clusters, i).is_none();
        if before_alef
            && (initial || (madda_reading && matches!(own, Vowel::None | Vowel::Fatha) && !own_tanween))
        {
            clusters.remove(i);
            continue;
        }
        if on_tatweel {
            let prev = prev_letter(clusters, i);
            let strongest = own.max(prev.map_or(Vowel::None, vowel));
            let seat = if after_yeh || clusters[i].has(HAMZA_BELOW) || strongest == Vowel::Kasra {
                'ئ'
            } else if strongest == Vowel::Damma {
                'ؤ'
            } else if strongest == Vowel::Fatha {
                'أ'
            } else {
                HAMZA
            };
            let cluster = &mut clusters[i];
            cluster.base = seat;
            cluster.marks.retain(|&m| m != HAMZA_ABOVE && m != HAMZA_BELOW);
            alef |= seat == 'أ';
        }
        i += 1;
    }
    alef
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::*;

    fn run(word: &str) -> String {
        let mut cs = clusters(word.chars());
        apply(&mut cs);
        cs.iter().map(|c| c.base).filter(|&c| c != TATWEEL).collect()
    }

    #[test]
    fn hamza_before_alef_is_madda() {
        assert_eq!(run("ءَامَنُواْ"), "امنوا");
        assert_eq!(run("بِـَٔايَٰتِنَا"), "بايتنا");
        assert_eq!(run("ٱلۡـَٔاخِرَةِ"), "ٱلاخرة");
    }

    #[test]
    fn an_unvowelled_hamza_inside_a_word_keeps_the_alef_after_it() {
        assert_eq!(run("لقاءات"), "لقاءات");
        assert_eq!(run("ءامنوا"), "امنوا");
        assert_eq!(run("ءآ"), "آ");
    }

    #[test]
    fn hamza_with_tanween_before_alef_keeps_its_seat() {
        assert_eq!(run("شَيۡـٔٗا"), "شيئا");
        assert_eq!(run("هَنِيٓـَٔۢا"), "هنيئا");
    }

    #[test]
    fn seat_follows_the_vowels() {
        assert_eq!(run("يَسۡـَٔلُونَكَ"), "يسألونك");
        assert_eq!(run("سُـِٔلَتۡ"), "سئلت");
        assert_eq!(run("يَقۡرَؤُونَ"), "يقرؤون");
    }

    #[test]
    fn hamza_mark_on_a_carrier_goes() {
        assert_eq!(run("ا\u{0654}مر"), "امر");
    }

    #[test]
    fn a_hamza_before_a_seat_that_becomes_an_alef_folds_as_before_an_alef() {
        // Found by tests/proptest.rs: the tatweel took أ after the hamza before it was passed.
        let once = run("ء\u{0656}ـ\u{0654}ب");
        assert_eq!(run(&once), once);
    }

    #[test]
    fn a_hamza_on_the_line_elsewhere_stays() {
        assert_eq!(run("شَيۡءٍ"), "شيء");
        assert_eq!(run("سَمَآءٗ"), "سمآء");
    }
}
