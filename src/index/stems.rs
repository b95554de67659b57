//! The `STEMS`, `STEM_AFFIXES` and `AFFIXES` sections: which terms each light stem stands for
//! (see `analysis::stem::stems_in`), so a query word's stem group is a few lookups instead of a
//! range scan after every prefix the stemmer strips and every proclitic (forty dictionary seeks
//! a word, half of a query's time).
//!
//! A term of stem `s` is written `P s X`: a prefix (ال، وال، لل، ف، وب…) and a suffix (ه، ون،
//! ات…) from a closed set of a hundred or so pairs on a real corpus. `AFFIXES` holds the pairs,
//! most frequent first: a u32 count, a u32 offset per pair (from the section's start), then each
//! pair as a varint byte length of `P`, `P` and `X`, up to the next pair. `STEMS` and
//! `STEM_AFFIXES` are [`keyed`] lists: each stem with the ascending numbers of its terms'
//! pairs. A stem that is itself a term is not listed as one of its own (the reader looks it
//! up), and stems with no other term are left out: most of them.
//!
//! Pairs rather than term ordinals: a pair number is a byte that recurs (و، ه، ون), where an
//! ordinal is two or three that do not; on the Quran the lists take 6.8 KB brotli, not 16.3 KB.

use std::collections::BTreeMap;

use super::dict::read_u32;
use super::keyed::{self, Keyed};
use super::varint;
use crate::analysis;

/// The three sections, from the dictionary's terms (sorted).
pub fn write(terms: &[String]) -> [Vec<u8>; 3] {
    let has = |term: &str| terms.binary_search_by(|k| k.as_str().cmp(term)).is_ok();
    let mut groups: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for term in terms {
        for stem in analysis::stem::stems_in(term, &has).into_iter().filter(|s| s != term) {
            // Any place of the stem in the term writes it back.
            let Some(at) = term.find(stem) else { continue };
            groups.entry(stem).or_default().push((&term[..at], &term[at + stem.len()..]));
        }
    }
    let mut counts: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for pair in groups.values().flatten() {
        *counts.entry(*pair).or_default() += 1;
    }
    let mut pairs: Vec<_> = counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let number: BTreeMap<(&str, &str), u32> =
        pairs.iter().enumerate().map(|(i, p)| (p.0, i as u32)).collect();
    let lists: keyed::Lists = groups
        .into_iter()
        .map(|(stem, members)| {
            let mut numbers: Vec<u32> = members.iter().map(|p| number[p]).collect();
            numbers.sort_unstable();
            (stem.to_string(), numbers)
        })
        .collect();
    let (keys, numbers) = keyed::write(&lists);
    let mut affixes = (pairs.len() as u32).to_le_bytes().to_vec();
    let mut data = Vec::new();
    for ((prefix, suffix), _) in &pairs {
        affixes.extend_from_slice(&((4 + 4 * pairs.len() + data.len()) as u32).to_le_bytes());
        varint::write(&mut data, prefix.len() as u32);
        data.extend_from_slice(prefix.as_bytes());
        data.extend_from_slice(suffix.as_bytes());
    }
    affixes.extend_from_slice(&data);
    [keys, numbers, affixes]
}

/// The opened sections.
#[derive(Debug, Clone, Copy)]
pub struct Stems<'a> {
    lists: Keyed<'a>,
    affixes: &'a [u8],
}

impl<'a> Stems<'a> {
    pub const EMPTY: Stems<'static> = Stems { lists: Keyed::EMPTY, affixes: &[] };

    /// `lists` gives the pair numbers, checked against `affixes`' count.
    pub fn new(keys: super::Dict<'a>, lists: &'a [u8], affixes: &'a [u8]) -> Stems<'a> {
        let count = read_u32(affixes, 0).unwrap_or(0);
        Stems { lists: Keyed::new(keys, lists, count), affixes }
    }

    /// The terms of `stem` but itself, spelled out: each to look up in the dictionary.
    pub fn terms<'s>(&self, stem: &'s str) -> impl Iterator<Item = String> + 's
    where
        'a: 's,
    {
        let affixes = self.affixes;
        self.lists.get(stem).filter_map(move |n| {
            let (prefix, suffix) = pair(affixes, n)?;
            Some([prefix, stem, suffix].concat())
        })
    }
}

/// Pair number `n`; `None` if the bytes do not hold it.
fn pair(affixes: &[u8], n: u32) -> Option<(&str, &str)> {
    let count = read_u32(affixes, 0)?;
    let at = (n as usize).checked_mul(4)?.checked_add(4)?;
    let start = read_u32(affixes, at)? as usize;
    let end = match n.checked_add(1)? < count {
        true => read_u32(affixes, at.checked_add(4)?)? as usize,
        false => affixes.len(),
    };
    let mut pos = start;
    let prefix_len = varint::read(affixes, &mut pos)? as usize;
    let bytes = affixes.get(pos..end.max(pos))?;
    let prefix = std::str::from_utf8(bytes.get(..prefix_len)?).ok()?;
    let suffix = std::str::from_utf8(bytes.get(prefix_len..)?).ok()?;
    Some((prefix, suffix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::dict::{self, Dict};

    fn terms_of(terms: &[&str], stem: &str) -> Vec<String> {
        let mut terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        terms.sort();
        let [keys, lists, affixes] = write(&terms);
        let stems = Stems::new(Dict::open(&keys).unwrap(), &lists, &affixes);
        let mut got: Vec<String> = stems.terms(stem).collect();
        got.sort();
        got
    }

    #[test]
    fn a_stem_spells_out_its_terms_but_itself() {
        let terms = ["امن", "الامن", "والامن", "امنه", "للامنيه", "امين"];
        assert_eq!(terms_of(&terms, "امن"), ["الامن", "امنه", "للامنيه", "والامن"]);
        assert!(terms_of(&terms, "امين").is_empty(), "a stem alone with itself is not listed");
        assert!(terms_of(&terms, "سلام").is_empty());
    }

    #[test]
    fn pairs_that_are_not_there_spell_nothing() {
        let keys = dict::write(&["امن".to_string()], |_| 0);
        let mut lists = Vec::new();
        for n in [1, 0, 1, 7] {
            varint::write(&mut lists, n);
        }
        // Pair 0 of 2 ends past the section, pair 7 is not there, then a table cut short.
        let affixes = [2u32.to_le_bytes(), 12u32.to_le_bytes(), 99u32.to_le_bytes()].concat();
        for affixes in [&affixes[..], &affixes[..6], &[]] {
            let stems = Stems::new(Dict::open(&keys).unwrap(), &lists, affixes);
            assert!(stems.terms("امن").all(|t| t.contains("امن")));
        }
    }
}
