//! Which dictionary terms a query word matches, and how well: its exact folded form, then terms
//! with the same light stem, then (for the word being typed) terms it begins, then terms within a
//! small edit distance.
//!
//! The index lists each stem's terms (see `analysis::stem::stems_in`): a word's stem group is
//! one lookup. A single proclitic (ل ب ك ف و) before a bare word (لحموشي، كقوة، بمدينة) counts
//! only when the word without it is itself in the corpus, so the stems the query word stands for
//! are found against the dictionary too. Completions are range scans of the sorted dictionary,
//! after every prefix the stemmer strips and every proclitic.

use super::fuzzy;
use crate::analysis::{self, stem::strippable_prefixes, stem::PROCLITICS};
use crate::index::Index;

/// How a term matched; the weights rank exact > stem > prefix > fuzzy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Exact,
    Stem,
    Prefix,
    Fuzzy(u16),
}

impl Kind {
    pub fn weight(self) -> f32 {
        match self {
            Kind::Exact => 1.0,
            Kind::Stem => 0.7,
            Kind::Prefix => 0.5,
            Kind::Fuzzy(cost) if cost <= fuzzy::EDIT => 0.35,
            Kind::Fuzzy(_) => 0.25,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Matched {
    pub ordinal: u32,
    pub kind: Kind,
}

/// Fuzzy expansions stop at this many terms.
pub const MAX_EXPANSIONS: usize = 64;
/// Completions of the word being typed.
pub const MAX_COMPLETIONS: usize = 48;
/// Letters of the word being typed before it completes.
const MIN_COMPLETED: usize = 2;
/// Dictionary entries one range scan may visit: bounds the cost of any query.
const MAX_SCAN: usize = 512;
/// Words of at least this many letters are also matched with one typo when they match exactly.
const ALWAYS_FUZZY_LEN: usize = 10;
/// Prefixes a word that matched nothing is tried under, as its stem, for typos.
const FUZZY_PREFIXES: [&str; 5] = ["", "ال", "و", "وال", "لل"];
/// Typo matches whose stem groups are added too.
const FUZZY_STEM_GROUPS: usize = 4;

fn push(out: &mut Vec<Matched>, ordinal: u32, kind: Kind) {
    if !out.iter().any(|m| m.ordinal == ordinal) {
        out.push(Matched { ordinal, kind });
    }
}

/// Prefixes under which a typed prefix's completions are looked for.
fn scan_prefixes() -> impl Iterator<Item = [&'static str; 2]> {
    strippable_prefixes().chain(PROCLITICS.iter().map(|&p| ["", p]))
}

/// The stems a term stands for in this index's vocabulary.
fn stems_of<'t>(index: &Index, term: &'t str) -> Vec<&'t str> {
    analysis::stem::stems_in(term, &|t| index.term(t).is_some())
}

/// Adds the terms that stand for `stem`: the index lists them, but for the stem itself.
fn add_stem_terms(index: &Index, stem: &str, kind: Kind, out: &mut Vec<Matched>) {
    let itself = index.term(stem).filter(|_| analysis::stem(stem) == stem);
    for ordinal in itself.into_iter().chain(index.stem_terms(stem)) {
        push(out, ordinal, kind);
    }
}

/// Adds the terms a word being typed completes to, after any prefix the stemmer strips or a
/// proclitic: the [`MAX_COMPLETIONS`] found in most documents (a two-letter prefix completes to
/// hundreds of terms, and each costs a posting cursor). From [`MIN_COMPLETED`] letters: one
/// letter would complete to most of the dictionary, ranked by reading every scanned term's
/// document count (9 ms on Bukhari, and in a split index dozens of postings chunks), to show
/// nothing a reader asked for.
fn add_completions(index: &Index, readings: &[String], context: &[u32], out: &mut Vec<Matched>) {
    // A bare article or proclitic (ال، وال، بال، لل) completes to a quarter of the dictionary
    // as well: it waits for the stem's first letter.
    let bare = |r: &str| scan_prefixes().any(|[a, b]| r.strip_prefix(a) == Some(b));
    let completes = |r: &&String| r.chars().count() >= MIN_COMPLETED && !bare(r);
    // Each beginning is put together in one buffer and kept only if the dictionary may hold it
    // (a String for each had been a fifth of a one-word query's allocations).
    let (mut starts, mut start): (Vec<String>, String) = (Vec::new(), String::new());
    for reading in readings.iter().filter(completes) {
        for [a, b] in scan_prefixes() {
            start.clear();
            start.extend([a, b, reading.as_str()]);
            if index.may_begin(&start) {
                starts.push(start.clone());
            }
        }
    }
    // In key order, one cursor seeks forward from range to range.
    super::heapsort::sort_by(&mut starts, &|a, b| a < b);
    starts.dedup();
    let mut found: Vec<(u32, u32)> = Vec::new();
    let mut cursor = index.terms().cursor();
    for start in &starts {
        cursor.seek(start.as_bytes());
        for _ in 0..MAX_SCAN {
            if !cursor.advance() || !cursor.key().starts_with(start.as_bytes()) {
                break;
            }
            found.push((index.doc_count(cursor.ordinal()), cursor.ordinal()));
        }
    }
    // Several readings can reach one term: most documents first, each term once.
    super::heapsort::sort_by(&mut found, &|a, b| (a.0, b.1) > (b.0, a.1));
    found.dedup_by_key(|f| f.1);
    let new: Vec<_> = found.into_iter().filter(|f| !out.iter().any(|m| m.ordinal == f.1)).collect();
    let mut rest = new.into_iter();
    for (_, ordinal) in rest.by_ref().take(MAX_COMPLETIONS) {
        push(out, ordinal, Kind::Prefix);
    }
    // Rarer completions still count where the query's other words are: a long query ending in
    // a short prefix must find its document even when the completion it needs is rare.
    if context.is_empty() {
        return;
    }
    let in_context = |ordinal: u32| {
        let mut cursor = index.cursor(ordinal);
        context.iter().any(|&doc| cursor.seek(doc) == doc)
    };
    let fits: Vec<_> = rest.filter(|f| in_context(f.1)).take(MAX_COMPLETIONS).collect();
    for (_, ordinal) in fits {
        push(out, ordinal, Kind::Prefix);
    }
}

/// Terms matching a word with the given readings. `strict` limits matching to exact and stem
/// (phrases and exclusions). `context` (sorted documents the query's other words match, or
/// empty) lets rare completions of a prefix in.
pub fn expand(
    index: &Index,
    readings: &[String],
    prefix: bool,
    strict: bool,
    context: &[u32],
) -> Vec<Matched> {
    // A word's stem group is often a few dozen terms: room for them, not a Vec grown to it.
    let mut out: Vec<Matched> = Vec::with_capacity(32);
    for reading in readings {
        if let Some(ordinal) = index.term(reading) {
            push(&mut out, ordinal, Kind::Exact);
        }
    }
    for reading in readings {
        for stem in stems_of(index, reading) {
            add_stem_terms(index, stem, Kind::Stem, &mut out);
        }
    }
    if strict {
        return out;
    }
    if prefix {
        add_completions(index, readings, context, &mut out);
    }
    let found = !out.is_empty();
    for reading in readings {
        let len = reading.chars().count();
        let budget = match found {
            false => fuzzy::budget(len),
            true if len >= ALWAYS_FUZZY_LEN => fuzzy::EDIT,
            true => 0,
        };
        if budget == 0 {
            continue;
        }
        // A long word found as typed is also looked for with the article, where spelling variants
        // of loanwords mostly sit; a word not found at all, as its stem under every prefix.
        // Under a prefix, only the terms that start with it are walked (a typo in the prefix
        // is the plain walk's to find): a small part of the dictionary each, within the stem's
        // own budget (two edits in a 7-letter stem under five prefixes walked most of a large
        // dictionary). A word that is its own stem is walked once under no prefix, not twice.
        let (words, stem_budget): (Vec<(&str, &str)>, u16) = if found {
            (vec![("", reading.as_str()), ("ال", reading.as_str())], budget)
        } else {
            let (stem, whole) = (analysis::stem(reading), ("", reading.as_str()));
            let under_prefixes = FUZZY_PREFIXES.iter().map(|&p| (p, stem)).filter(|&w| w != whole);
            let words = std::iter::once(whole).chain(under_prefixes).collect();
            (words, fuzzy::budget(stem.chars().count()).min(budget))
        };
        let mut near: Vec<fuzzy::Near> = words
            .iter()
            .flat_map(|&(under, w)| {
                let budget = if w == reading { budget } else { stem_budget };
                fuzzy::near_under(index.terms(), under, w, budget, MAX_EXPANSIONS)
            })
            .collect();
        super::heapsort::sort_by(&mut near, &|a, b| (a.cost, a.ordinal) < (b.cost, b.ordinal));
        for (i, n) in near.into_iter().enumerate() {
            let kind = Kind::Fuzzy(n.cost);
            push(&mut out, n.ordinal, kind);
            // The closest few bring their stem groups; the rest stand alone.
            if i < FUZZY_STEM_GROUPS {
                for stem in stems_of(index, &n.term) {
                    add_stem_terms(index, stem, kind, &mut out);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::index;

    fn index_of(words: &str) -> Vec<u8> {
        index::write(&[Document {
            id: "d".into(),
            title: "t".into(),
            text: words.into(),
            ..Default::default()
        }])
    }

    fn matched(bytes: &[u8], word: &str, prefix: bool) -> Vec<(String, Kind)> {
        let index = Index::open(bytes).unwrap();
        let readings = vec![analysis::fold(word)];
        let term = |m: &Matched| index.term_string(m.ordinal).unwrap_or_default();
        expand(&index, &readings, prefix, false, &[]).iter().map(|m| (term(m), m.kind)).collect()
    }

    #[test]
    fn exact_then_stem_matches() {
        let bytes = index_of("الأمن للأمن والأمن الأمنية");
        let got = matched(&bytes, "الأمن", false);
        assert_eq!(got[0], ("الامن".to_string(), Kind::Exact));
        let stems: Vec<&str> = got[1..].iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(stems.len(), 3);
        assert!(stems.contains(&"للامن") && stems.contains(&"والامن") && stems.contains(&"الامنيه"));
    }

    #[test]
    fn a_proclitic_goes_only_before_a_known_word() {
        let bytes = index_of("لحموشي حموشي لقاءات قاعة");
        let terms: Vec<String> = matched(&bytes, "حموشي", false).into_iter().map(|m| m.0).collect();
        assert!(terms.contains(&"لحموشي".to_string()));
        let got = matched(&bytes, "قاءات", false);
        assert!(!got.iter().any(|(t, k)| t == "لقاءات" && *k == Kind::Stem), "{got:?}");
    }

    #[test]
    fn the_word_being_typed_completes_after_an_article() {
        let bytes = index_of("الحموشي الدبلوماسية");
        let got = matched(&bytes, "حمو", true);
        assert_eq!(got, [("الحموشي".to_string(), Kind::Prefix)]);
        assert!(matched(&bytes, "حمو", false).is_empty());
    }

    #[test]
    fn the_word_being_typed_completes_from_its_second_letter_past_a_bare_clitic() {
        let bytes = index_of("حموشي حماية ن");
        assert!(matched(&bytes, "ح", true).is_empty());
        assert_eq!(matched(&bytes, "حم", true).len(), 2);
        assert_eq!(
            matched(&bytes, "ن", true),
            [("ن".to_string(), Kind::Exact)],
            "a one-letter word still matches"
        );
        let bytes = index_of("الحموشي والحماية بالحماية");
        for clitic in ["ال", "وال", "بال"] {
            assert!(matched(&bytes, clitic, true).is_empty(), "{clitic} alone");
        }
        assert_eq!(matched(&bytes, "الح", true).len(), 3);
    }

    #[test]
    fn long_words_also_match_their_spelling_variants() {
        let bytes = index_of("الديبلوماسية الدبلوماسية");
        let got = matched(&bytes, "الدبلوماسية", false);
        assert_eq!(got.len(), 2);
        assert!(matches!(got[1].1, Kind::Fuzzy(_)));
    }

    #[test]
    fn typos_bring_the_stem_group_of_what_they_match() {
        let bytes = index_of("ومذكرات مذكرات");
        let terms: Vec<String> = matched(&bytes, "مزكرات", false).into_iter().map(|m| m.0).collect();
        assert!(terms.contains(&"مذكرات".to_string()) && terms.contains(&"ومذكرات".to_string()));
    }
}
