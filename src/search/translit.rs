//! Latin transliteration: `Rabat`, `Tanger`, `Hammouchi`, `Abdellatif` find الرباط، طنجة،
//! حموشي، عبد اللطيف. Both scripts are reduced to a consonant skeleton — vowels, alef, waw,
//! yeh and ain dropped, letters that romanisations merge merged (ث/س/ص → s, د/ذ/ض/ظ → d, ق/ك → k,
//! ch/sh → ش, kh → خ, gh → غ, ou → vowel, p → b, v → f, soft c/g before e/i), doubled letters
//! collapsed — and a Latin word matches the corpus terms with its skeleton. A skeleton that no
//! term has is tried as two adjacent words (Abdellatif → عبد اللطيف). Used only for Latin words
//! the corpus does not contain, and ranked below direct matches.

use crate::analysis::latin;
use crate::index::Index;

use super::query::Alternative;

pub const TRANSLIT_WEIGHT: f32 = 0.3;
/// Longer Latin "words" are not names: no transliteration.
const MAX_WORD: usize = 32;
const MIN_LETTERS: usize = 4;
const MIN_CONSONANTS: usize = 3;
const MAX_TERMS: usize = 16;
const MAX_PAIRS: usize = 32;
/// Dictionary entries one lookup visits at most: bounds the cost on large corpora.
const MAX_VISITS: usize = 200_000;

/// One consonant of a skeleton: its class (shared by the letters romanisations merge), the
/// letters that spell it best, and whether a vowel follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Consonant {
    class: char,
    best: [char; 2],
    vowel_after: bool,
}

fn key(skeleton: &[Consonant]) -> String {
    skeleton.iter().map(|c| c.class).collect()
}

fn push(skeleton: &mut Vec<Consonant>, class: char, best: [char; 2]) {
    if skeleton.last().is_some_and(|c| c.class == class && !c.vowel_after) {
        return;
    }
    skeleton.push(Consonant { class, best, vowel_after: false });
}

fn vowel(skeleton: &mut [Consonant]) {
    if let Some(last) = skeleton.last_mut() {
        last.vowel_after = true;
    }
}

/// The skeleton of a folded Arabic term (without its article and final teh marbuta); `best`
/// holds the letter itself. `None` for terms that are not Arabic letters.
fn arabic_skeleton(term: &str) -> Option<Vec<Consonant>> {
    let word = term.strip_prefix("ال").filter(|rest| rest.chars().count() >= 2).unwrap_or(term);
    let word = word.strip_suffix('ه').unwrap_or(word);
    let mut out = Vec::new();
    for c in word.chars() {
        let class = match c {
            'ا' | 'و' | 'ي' => {
                vowel(&mut out);
                continue;
            }
            'ء' | 'ع' => continue,
            'ب' => 'b',
            'ت' | 'ط' => 't',
            'ث' | 'س' | 'ص' => 's',
            'ج' => 'j',
            'ح' | 'ه' => 'h',
            'خ' => 'x',
            'د' | 'ذ' | 'ض' | 'ظ' => 'd',
            'ر' => 'r',
            'ز' => 'z',
            'ش' => 'c',
            'غ' => 'g',
            'ف' => 'f',
            'ق' | 'ك' => 'k',
            'ل' => 'l',
            'م' => 'm',
            'ن' => 'n',
            _ => return None,
        };
        push(&mut out, class, [c, c]);
    }
    (!out.is_empty()).then_some(out)
}

/// The skeleton of a Latin word; `best` lists the Arabic letters that spell each consonant
/// best. A French `-er` ending is also tried without its r (Tanger); empty if the word is not
/// all Latin letters.
fn latin_skeletons(word: &str) -> Vec<Vec<Consonant>> {
    let w: Vec<char> = word.chars().map(latin::fold).collect();
    if w.is_empty() || w.len() > MAX_WORD || !w.iter().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let soft = |i: usize| w.get(i).is_some_and(|c| matches!(c, 'e' | 'i' | 'y'));
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let next = w.get(i + 1).copied();
        let (class, best, used) = match (w[i], next) {
            ('k', Some('h')) => ('x', ['خ', 'خ'], 2),
            ('g', Some('h')) => ('g', ['غ', 'غ'], 2),
            ('c' | 's', Some('h')) => ('c', ['ش', 'ش'], 2),
            ('t', Some('h')) => ('s', ['ث', 'ث'], 2),
            ('d', Some('h')) => ('d', ['ذ', 'ض'], 2),
            ('p', Some('h')) => ('f', ['ف', 'ف'], 2),
            ('d', Some('j')) => ('j', ['ج', 'ج'], 2),
            ('q', Some('u')) => ('k', ['ق', 'ق'], 2),
            ('c', _) if soft(i + 1) => ('s', ['س', 'س'], 1),
            ('c' | 'k', _) => ('k', ['ك', 'ك'], 1),
            ('q', _) => ('k', ['ق', 'ق'], 1),
            ('g', _) if soft(i + 1) => ('j', ['ج', 'ج'], 1),
            ('g', _) => ('g', ['غ', 'ج'], 1),
            ('p' | 'b', _) => ('b', ['ب', 'ب'], 1),
            ('v' | 'f', _) => ('f', ['ف', 'ف'], 1),
            ('s', _) => ('s', ['س', 'ص'], 1),
            ('t', _) => ('t', ['ت', 'ط'], 1),
            ('d', _) => ('d', ['د', 'ض'], 1),
            ('z', _) => ('z', ['ز', 'ز'], 1),
            ('h', _) => ('h', ['ه', 'ح'], 1),
            ('j', _) => ('j', ['ج', 'ج'], 1),
            ('l', _) => ('l', ['ل', 'ل'], 1),
            ('m', _) => ('m', ['م', 'م'], 1),
            ('n', _) => ('n', ['ن', 'ن'], 1),
            ('r', _) => ('r', ['ر', 'ر'], 1),
            ('x', _) => {
                push(&mut out, 'k', ['ك', 'ك']);
                ('s', ['س', 'س'], 1)
            }
            _ => {
                vowel(&mut out);
                i += 1;
                continue;
            }
        };
        push(&mut out, class, best);
        i += used;
    }
    let mut skeletons = vec![out.clone()];
    if word.to_ascii_lowercase().ends_with("er") && out.len() > 2 {
        out.pop();
        skeletons.push(out);
    }
    // Fewer than three consonants (or four letters) match too many Arabic words by chance: a
    // skeleton like "mg" (img) or "nd" (window) is no evidence of a name.
    skeletons.retain(|s| s.len() >= MIN_CONSONANTS && w.len() >= MIN_LETTERS);
    skeletons
}

/// How closely an Arabic term with the same key spells the Latin word: letters that spell each
/// consonant best, and vowels where the Latin has them (Moscou: موسكو over موثوق).
fn closeness(latin: &[Consonant], arabic: &[Consonant]) -> usize {
    latin
        .iter()
        .zip(arabic)
        .map(|(l, a)| usize::from(l.best.contains(&a.best[0])) + usize::from(l.vowel_after == a.vowel_after))
        .sum()
}

/// Corpus terms whose skeleton has the key of one of `skeletons`, by key; with `best_only`,
/// only the closest spellings of each.
fn terms_by_key(index: &Index, skeletons: &[Vec<Consonant>], best_only: bool) -> Vec<Vec<String>> {
    let keys: Vec<String> = skeletons.iter().map(|s| key(s)).collect();
    let mut found: Vec<Vec<(usize, String)>> = vec![Vec::new(); keys.len()];
    let mut cursor = index.terms().cursor();
    let mut visits = 0;
    while visits < MAX_VISITS && cursor.advance() {
        visits += 1;
        let Ok(term) = std::str::from_utf8(cursor.key()) else { continue };
        let Some(arabic) = arabic_skeleton(term) else { continue };
        let arabic_key = key(&arabic);
        for (i, k) in keys.iter().enumerate() {
            if arabic_key == *k {
                found[i].push((closeness(&skeletons[i], &arabic), term.to_string()));
            }
        }
    }
    found
        .into_iter()
        .map(|mut terms| {
            let best = terms.iter().map(|t| t.0).max().unwrap_or(0);
            terms.retain(|t| !best_only || t.0 == best);
            terms.truncate(MAX_TERMS);
            terms.into_iter().map(|t| t.1).collect()
        })
        .collect()
}

/// Arabic spellings a Latin word may stand for, as alternatives for its clause.
pub fn alternatives(index: &Index, word: &str) -> Vec<Alternative> {
    let skeletons = latin_skeletons(word);
    if skeletons.is_empty() {
        return Vec::new();
    }
    let alternative = |words: Vec<String>| Alternative { words, weight: TRANSLIT_WEIGHT };
    let single: Vec<Alternative> =
        terms_by_key(index, &skeletons, true).into_iter().flatten().map(|t| alternative(vec![t])).collect();
    if !single.is_empty() {
        return single;
    }
    // Two adjacent words: every split of the skeleton into two parts of two letters or more.
    let whole = &skeletons[0];
    let parts: Vec<Vec<Consonant>> = (2..whole.len().saturating_sub(1))
        .flat_map(|at| [whole[..at].to_vec(), whole[at..].to_vec()])
        .collect();
    // Adjacency in the text picks the right pair, so every spelling of each part is kept.
    let found = terms_by_key(index, &parts, false);
    let mut out = Vec::new();
    for pair in found.chunks(2) {
        for first in &pair[0] {
            for second in &pair[1] {
                if out.len() < MAX_PAIRS {
                    out.push(alternative(vec![first.clone(), second.clone()]));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold;

    fn akey(word: &str) -> String {
        key(&arabic_skeleton(&fold(word)).unwrap())
    }

    fn lkeys(word: &str) -> Vec<String> {
        latin_skeletons(word).iter().map(|s| key(s)).collect()
    }

    #[test]
    fn both_scripts_reach_the_same_skeleton() {
        for (latin, arabic) in [
            ("Rabat", "الرباط"),
            ("Tanja", "طنجة"),
            ("Hammouchi", "حموشي"),
            ("Hamouchi", "حموشي"),
            ("Moscou", "موسكو"),
            ("Moscow", "موسكو"),
            ("Marrakech", "مراكش"),
            ("Marrakesh", "مراكش"),
            ("Interpol", "الأنتربول"),
            ("Pompeo", "بومبيو"),
            ("Sahel", "الساحل"),
            ("Khalid", "خالد"),
            ("Ghalib", "غالب"),
        ] {
            assert!(
                lkeys(latin).contains(&akey(arabic)),
                "{latin} {:?} / {arabic} {}",
                lkeys(latin),
                akey(arabic)
            );
        }
    }

    #[test]
    fn a_french_er_ending_is_also_tried_without_its_r() {
        assert!(lkeys("Tanger").contains(&akey("طنجة")));
        assert!(lkeys("Tangier").contains(&akey("طنجة")));
    }

    #[test]
    fn the_closest_spelling_wins_among_same_keys() {
        let latin = &latin_skeletons("Moscou")[0];
        let near = closeness(latin, &arabic_skeleton(&fold("موسكو")).unwrap());
        let far = closeness(latin, &arabic_skeleton(&fold("موثوق")).unwrap());
        assert!(near > far);
        let latin = &latin_skeletons("Sahel")[0];
        let near = closeness(latin, &arabic_skeleton(&fold("الساحل")).unwrap());
        let far = closeness(latin, &arabic_skeleton(&fold("يسهل")).unwrap());
        assert!(near > far);
    }

    #[test]
    fn short_latin_words_are_not_transliterated() {
        for word in ["img", "src", "window", "Fes", "Ghali"] {
            assert!(latin_skeletons(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn non_latin_words_have_no_skeleton() {
        assert!(latin_skeletons("2025").is_empty());
        assert!(latin_skeletons("الرباط").is_empty());
        assert_eq!(arabic_skeleton("fsb"), None);
    }
}
