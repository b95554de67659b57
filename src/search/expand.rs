//! Which dictionary terms a query word matches, and how well: its exact folded form, then terms
//! with the same light stem, then (for the word being typed) terms it begins, then terms within a
//! small edit distance.
//!
//! Stems are not stored in the index. A stem's terms are the dictionary keys that start with a
//! prefix the stemmer strips (ال، وال، بال، لل…) followed by the stem, so a few range scans find
//! them. A single proclitic (ل ب ك ف و) before a bare word (لحموشي، كقوة، بمدينة) is also
//! stripped, but only when the word without it is itself in the corpus (حموشي) or is with the
//! article (الثقة for لثقة): Light10 leaves these alone because stripping blindly breaks words
//! whose first letter is a root letter (لقاءات، فعالية), and the corpus vocabulary tells them
//! apart.

use super::fuzzy;
use crate::analysis::{self, stem::strippable_prefixes};
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
    pub term: String,
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
/// Longest first: و or ف before ل ب ك (ولعلا), then each alone.
const PROCLITICS: [&str; 11] = ["ول", "وب", "وك", "فل", "فب", "فك", "ل", "ب", "ك", "ف", "و"];
const MIN_BARE_LEN: usize = 3;
/// Prefixes a word that matched nothing is tried under, as its stem, for typos.
const FUZZY_PREFIXES: [&str; 5] = ["", "ال", "و", "وال", "لل"];
/// Typo matches whose stem groups are added too.
const FUZZY_STEM_GROUPS: usize = 4;

fn push(out: &mut Vec<Matched>, term: String, ordinal: u32, kind: Kind) {
    if !out.iter().any(|m| m.ordinal == ordinal) {
        out.push(Matched { term, ordinal, kind });
    }
}

/// Prefixes under which a stem's terms or a typed prefix's completions are looked for.
fn scan_prefixes() -> impl Iterator<Item = String> {
    strippable_prefixes().chain(PROCLITICS.iter().map(|p| p.to_string()))
}

/// `term` without its proclitic, when the corpus knows the word without it.
fn bare<'t>(index: &Index, term: &'t str) -> Option<&'t str> {
    PROCLITICS.iter().filter_map(|p| term.strip_prefix(p)).find(|rest| known(index, rest))
}

/// The corpus has this word, bare or with the article, and it is long enough to stand alone.
fn known(index: &Index, word: &str) -> bool {
    word.chars().count() >= MIN_BARE_LEN
        && (index.term(word).is_some() || index.term(&["ال", word].concat()).is_some())
}

/// The stems a term stands for: its own, and its bare word's.
fn stems_of<'t>(index: &Index, term: &'t str) -> Vec<&'t str> {
    let mut stems = vec![analysis::stem(term)];
    if let Some(rest) = bare(index, term) {
        let s = analysis::stem(rest);
        if !stems.contains(&s) {
            stems.push(s);
        }
    }
    stems
}

/// Dictionary terms by the key they start with, each range read once per word: a third of a
/// word's scans start where another did (a word typed without affixes completes over the
/// ranges its stem is looked for in, and و and وال are both the stemmer's prefixes and
/// proclitics), and each costs a dictionary seek.
struct Scans<'i, 'a> {
    index: &'i Index<'a>,
    /// The terms read, one after another.
    keys: String,
    /// Each term read: its ordinal and where it ends in `keys`.
    terms: Vec<(u32, usize)>,
    /// Each start scanned, with its terms' range in `terms`.
    ranges: Vec<(String, usize, usize)>,
}

impl<'i, 'a> Scans<'i, 'a> {
    fn new(index: &'i Index<'a>) -> Self {
        Scans { index, keys: String::new(), terms: Vec::new(), ranges: Vec::new() }
    }

    /// Visits dictionary terms starting with `start`, at most [`MAX_SCAN`] of them.
    fn scan(&mut self, start: &str, visit: &mut dyn FnMut(u32, &str)) {
        let (lo, hi) = match self.ranges.iter().find(|r| r.0 == start) {
            Some(&(_, lo, hi)) => (lo, hi),
            None => {
                let lo = self.terms.len();
                let mut cursor = self.index.terms().seek(start.as_bytes());
                while self.terms.len() - lo < MAX_SCAN
                    && cursor.advance()
                    && cursor.key().starts_with(start.as_bytes())
                {
                    if let Ok(term) = std::str::from_utf8(cursor.key()) {
                        self.keys.push_str(term);
                        self.terms.push((cursor.ordinal(), self.keys.len()));
                    }
                }
                self.ranges.push((start.to_string(), lo, self.terms.len()));
                (lo, self.terms.len())
            }
        };
        for i in lo..hi {
            let begin = if i == 0 { 0 } else { self.terms[i - 1].1 };
            let (ordinal, end) = self.terms[i];
            visit(ordinal, self.keys.get(begin..end).unwrap_or_default());
        }
    }
}

/// Adds the terms whose stem is `stem`: under the stemmer's own prefixes by their stem, under
/// a proclitic by the stem of the word without it (checked only there: it costs lookups).
fn add_stem_terms(scans: &mut Scans, stem: &str, kind: Kind, out: &mut Vec<Matched>) {
    let index = scans.index;
    for prefix in strippable_prefixes() {
        scans.scan(&[&prefix, stem].concat(), &mut |ordinal, term| {
            if analysis::stem(term) == stem {
                push(out, term.to_string(), ordinal, kind);
            }
        });
    }
    for proclitic in PROCLITICS {
        scans.scan(&[proclitic, stem].concat(), &mut |ordinal, term| {
            let rest = term.strip_prefix(proclitic).unwrap_or(term);
            if analysis::stem(rest) == stem && known(index, rest) {
                push(out, term.to_string(), ordinal, kind);
            }
        });
    }
}

/// Adds the terms a word being typed completes to, after any prefix the stemmer strips or a
/// proclitic: the [`MAX_COMPLETIONS`] found in most documents (a two-letter prefix completes to
/// hundreds of terms, and each costs a posting cursor). From [`MIN_COMPLETED`] letters: one
/// letter would complete to most of the dictionary, ranked by reading every scanned term's
/// document count (9 ms on Bukhari, and in a split index dozens of postings chunks), to show
/// nothing a reader asked for.
fn add_completions(scans: &mut Scans, readings: &[String], context: &[u32], out: &mut Vec<Matched>) {
    let index = scans.index;
    let mut found: Vec<(u32, u32, String)> = Vec::new();
    // A bare article or proclitic (ال، وال، بال، لل) completes to a quarter of the dictionary
    // as well: it waits for the stem's first letter.
    let completes = |r: &&String| r.chars().count() >= MIN_COMPLETED && !scan_prefixes().any(|p| p == **r);
    for reading in readings.iter().filter(completes) {
        for p in scan_prefixes() {
            scans.scan(&[p.as_str(), reading].concat(), &mut |ordinal, term| {
                found.push((index.doc_count(ordinal), ordinal, term.to_string()));
            });
        }
    }
    // Several readings can reach one term: most documents first, each term once.
    super::heapsort::sort_by(&mut found, &|a, b| (a.0, b.1) > (b.0, a.1));
    found.dedup_by_key(|f| f.1);
    let new: Vec<_> = found.into_iter().filter(|f| !out.iter().any(|m| m.ordinal == f.1)).collect();
    let mut rest = new.into_iter();
    for (_, ordinal, term) in rest.by_ref().take(MAX_COMPLETIONS) {
        push(out, term, ordinal, Kind::Prefix);
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
    for (_, ordinal, term) in fits {
        push(out, term, ordinal, Kind::Prefix);
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
    let mut out: Vec<Matched> = Vec::new();
    let mut scans = Scans::new(index);
    for reading in readings {
        if let Some(ordinal) = index.term(reading) {
            push(&mut out, reading.clone(), ordinal, Kind::Exact);
        }
    }
    for reading in readings {
        for stem in stems_of(index, reading) {
            add_stem_terms(&mut scans, stem, Kind::Stem, &mut out);
        }
    }
    if strict {
        return out;
    }
    if prefix {
        add_completions(&mut scans, readings, context, &mut out);
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
        // is the plain walk's to find): a small part of the dictionary each.
        let words: Vec<(&str, &str)> = if found {
            vec![("", reading.as_str()), ("ال", reading.as_str())]
        } else {
            let stem = analysis::stem(reading);
            std::iter::once(("", reading.as_str())).chain(FUZZY_PREFIXES.iter().map(|&p| (p, stem))).collect()
        };
        let mut near: Vec<fuzzy::Near> = words
            .iter()
            .flat_map(|&(under, w)| fuzzy::near_under(index.terms(), under, w, budget, MAX_EXPANSIONS))
            .collect();
        super::heapsort::sort_by(&mut near, &|a, b| (a.cost, a.ordinal) < (b.cost, b.ordinal));
        for (i, n) in near.into_iter().enumerate() {
            let kind = Kind::Fuzzy(n.cost);
            push(&mut out, n.term.clone(), n.ordinal, kind);
            // The closest few bring their stem groups; the rest stand alone.
            if i < FUZZY_STEM_GROUPS {
                for stem in stems_of(index, &n.term) {
                    add_stem_terms(&mut scans, stem, kind, &mut out);
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
        expand(&index, &readings, prefix, false, &[]).into_iter().map(|m| (m.term, m.kind)).collect()
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
