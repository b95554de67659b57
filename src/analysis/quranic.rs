//! Quranic (Uthmani) annotation: pause and recitation marks go; small letters that stand for a
//! letter become that letter (ۧ small high yeh → ي: إبراهـۧم → إبراهيم; ۨ small high noon → ن);
//! the small waw and yeh that lengthen a pronoun (لَهُۥ، بِهِۦ) go, as modern spelling writes له، به.

use super::cluster::Cluster;

const SMALL_YEH: char = '\u{06E7}';
const SMALL_NOON: char = '\u{06E8}';
const SMALL_WAW_LENGTHENING: char = '\u{06E5}';
const SMALL_YEH_LENGTHENING: char = '\u{06E6}';

fn letter_for(mark: char) -> Option<char> {
    match mark {
        SMALL_YEH => Some('ي'),
        SMALL_NOON => Some('ن'),
        _ => None,
    }
}

fn is_annotation(mark: char) -> bool {
    matches!(mark, '\u{06D6}'..='\u{06ED}')
}

pub fn apply(clusters: &mut Vec<Cluster>) {
    let mut out = Vec::with_capacity(clusters.len() + 1);
    for mut cluster in clusters.drain(..) {
        if matches!(cluster.base, SMALL_WAW_LENGTHENING | SMALL_YEH_LENGTHENING) {
            continue;
        }
        // Only Arabic script carries them: after a Latin letter or a digit they are dropped, or
        // folding would make a mixed word ("aي") that folds again into two.
        let arabic = matches!(cluster.base, '\u{0620}'..='\u{06FF}' | '\0');
        let letters: Vec<char> =
            cluster.marks.iter().filter_map(|&m| letter_for(m)).filter(|_| arabic).collect();
        cluster.marks.retain(|&m| !is_annotation(m));
        out.push(cluster);
        out.extend(letters.into_iter().map(Cluster::new));
    }
    *clusters = out;
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::*;

    fn run(word: &str) -> String {
        let mut cs = clusters(word.chars());
        apply(&mut cs);
        cs.iter().flat_map(|c| std::iter::once(c.base).chain(c.marks.iter().copied())).collect()
    }

    #[test]
    fn small_high_yeh_reads_as_yeh() {
        assert_eq!(run("هـۧم"), "هـيم");
    }

    #[test]
    fn small_high_noon_reads_as_noon() {
        assert_eq!(run("نُۨجِي"), "نُنجِي");
    }

    #[test]
    fn pronoun_lengthening_goes() {
        assert_eq!(run("لَهُۥ"), "لَهُ");
        assert_eq!(run("بِهِۦ"), "بِهِ");
    }

    #[test]
    fn small_letters_after_latin_are_dropped() {
        assert_eq!(run("a\u{06E7}"), "a");
    }

    #[test]
    fn pause_marks_go_and_vowels_stay() {
        assert_eq!(run("رَيۡبَۛ"), "رَيبَ");
    }
}
