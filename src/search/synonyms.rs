//! Words that mean the same thing but are spelled differently across the Arab world, applied to
//! the query: month names in the Maghrebi, Mashriqi and Levantine/Iraqi systems (the seeds are
//! Moroccan and write شتنبر where a Cairo reader types سبتمبر and a Damascus reader أيلول), a
//! few country names, and common Latin names of places. A query word (or two-word name, تشرين
//! الثاني) that is in a group also matches the group's other spellings, ranked a little lower.
//!
//! To add a dialect pair, add a group. Spellings are folded like any query, so write them as
//! people do. August's Levantine name آب is left out: it folds to اب, which is also "father".

use std::sync::OnceLock;

use super::query::{Alternative, Clause};
use crate::analysis;

const GROUPS: [&[&str]; 24] = [
    &["يناير", "جانفي", "كانون الثاني"],
    &["فبراير", "فيفري", "شباط"],
    &["مارس", "آذار"],
    &["أبريل", "إبريل", "أفريل", "نيسان"],
    &["ماي", "مايو", "أيار"],
    &["يونيو", "يونيه", "جوان", "حزيران"],
    &["يوليوز", "يوليو", "يوليه", "جويلية", "تموز"],
    &["غشت", "أغسطس", "أوت"],
    &["شتنبر", "سبتمبر", "أيلول"],
    &["أكتوبر", "تشرين الأول"],
    &["نونبر", "نوفمبر", "تشرين الثاني"],
    &["دجنبر", "ديسمبر", "كانون الأول"],
    &["الشيلي", "تشيلي", "شيلي"],
    &["بنن", "بنين"],
    &["المغرب", "maroc", "morocco"],
    &["مصر", "egypte", "egypt"],
    &["الجزائر", "algerie", "algeria"],
    &["تونس", "tunisie", "tunisia"],
    &["إسبانيا", "espagne", "spain"],
    &["فرنسا", "france"],
    &["روسيا", "russie", "russia"],
    &["ألمانيا", "allemagne", "germany"],
    &["الولايات المتحدة", "usa", "etats-unis"],
    &["الإمارات", "uae", "emirats"],
];

/// Weight of a synonym's matches against the spelling typed.
pub const SYNONYM_WEIGHT: f32 = 0.9;

fn folded(spelling: &str) -> Vec<String> {
    analysis::tokenize(spelling).into_iter().map(|t| t.terms[0].clone()).collect()
}

/// Attaches to each clause that is a spelling in a group the group's other spellings; a
/// two-word spelling typed as two clauses becomes one phrase clause.
pub fn apply(clauses: &mut Vec<Clause>) {
    // Folded once: analysing the ~60 spellings took 4% of a query.
    static FOLDED: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    let groups =
        FOLDED.get_or_init(|| GROUPS.iter().map(|g| g.iter().map(|s| folded(s)).collect()).collect());
    let mut i = 0;
    while i < clauses.len() {
        let found = groups.iter().find_map(|group| {
            group.iter().enumerate().find_map(|(k, spelling)| {
                let end = i + spelling.len();
                let words = clauses.get(i..end)?;
                let same = words.iter().zip(spelling).all(|(c, w)| {
                    !c.phrase
                        && c.either.is_empty()
                        && c.negated == words[0].negated
                        && c.words[0].iter().any(|r| r == w)
                });
                same.then_some((group, k, spelling.len()))
            })
        });
        if let Some((group, k, len)) = found {
            if len > 1 {
                let merged: Vec<Clause> = clauses.drain(i + 1..i + len).collect();
                for c in merged {
                    clauses[i].words.extend(c.words);
                    clauses[i].written.extend(c.written);
                }
                clauses[i].phrase = true;
                clauses[i].prefix = false;
            }
            clauses[i].alternatives = group
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, words)| Alternative { words: words.clone(), weight: SYNONYM_WEIGHT })
                .collect();
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::query::parse;
    use super::*;

    fn alternatives(query: &str) -> Vec<Vec<Vec<String>>> {
        let mut clauses = parse(query);
        apply(&mut clauses);
        clauses.into_iter().map(|c| c.alternatives.into_iter().map(|a| a.words).collect()).collect()
    }

    #[test]
    fn a_month_name_brings_its_other_names() {
        let got = alternatives("سبتمبر ");
        assert_eq!(got, [vec![vec!["شتنبر".to_string()], vec!["ايلول".to_string()]]]);
    }

    #[test]
    fn a_two_word_name_becomes_one_phrase() {
        let mut clauses = parse("اجتماع تشرين الثاني ");
        apply(&mut clauses);
        assert_eq!(clauses.len(), 2);
        assert!(clauses[1].phrase);
        let alts: Vec<&Vec<String>> = clauses[1].alternatives.iter().map(|a| &a.words).collect();
        assert_eq!(alts, [&vec!["نونبر".to_string()], &vec!["نوفمبر".to_string()]]);
    }

    #[test]
    fn other_words_are_left_alone() {
        assert!(alternatives("الأمن المغربي ").iter().all(Vec::is_empty));
        assert!(alternatives("أب ").iter().all(Vec::is_empty));
    }

    #[test]
    fn every_group_spelling_folds_to_words() {
        for group in GROUPS {
            for spelling in group {
                assert!(!folded(spelling).is_empty(), "{spelling}");
            }
        }
    }
}
