//! Typo-tolerant lookup: the dictionary terms within a Damerau–Levenshtein distance of a word
//! (optimal string alignment), found by walking the sorted dictionary like a trie: neighbouring
//! terms share their DP rows for their common prefix, and once every cell of a row exceeds the
//! budget, the walk seeks past every term that cannot come back within it: those under that
//! prefix, and their neighbours up to the next letter that could keep the row before alive.
//!
//! Costs are in half-steps: an edit costs 2, swapping two letters that Arabic readers confuse
//! (ض/ظ, ث/س, ذ/ز, ص/س, ت/ط) costs 1. (ه/ة, ي/ى and the alef forms are folded before this.)

use crate::index::dict::Dict;

/// One edit, in cost units.
pub const EDIT: u16 = 2;
const CONFUSABLE: u16 = 1;
/// Dictionary entries one lookup may visit: bounds the cost of any query.
const MAX_VISITS: usize = 4_000;
/// Keys under a dead prefix passed over one by one before seeking past them.
const SKIPS_BEFORE_SEEK: usize = 8;

const CONFUSABLES: [(char, char); 5] = [('ض', 'ظ'), ('ث', 'س'), ('ذ', 'ز'), ('ص', 'س'), ('ت', 'ط')];

/// A query letter with the letters confusable with it (the DP asks for them in every cell; س
/// has two). A slot without one holds the letter itself, which the DP has matched already: two
/// plain comparisons per cell.
#[derive(Clone, Copy)]
struct Letter {
    c: char,
    confusables: [char; 2],
}

impl Letter {
    fn new(c: char) -> Letter {
        let mut letter = Letter { c, confusables: [c; 2] };
        let mut slots = letter.confusables.iter_mut();
        for &(x, y) in &CONFUSABLES {
            let other = if c == x {
                y
            } else if c == y {
                x
            } else {
                continue;
            };
            if let Some(slot) = slots.next() {
                *slot = other;
            }
        }
        letter
    }
}

fn substitution(a: char, b: Letter) -> u16 {
    if a == b.c {
        0
    } else if a == b.confusables[0] || a == b.confusables[1] {
        CONFUSABLE
    } else {
        EDIT
    }
}

/// Words longer than this are not words anyone mistyped: no typo tolerance, which also bounds
/// the DP width (a 500-letter "word" would make every dictionary visit cost 500 cells).
pub const MAX_LEN: usize = 24;

/// The edit budget for a word of `len` letters: none under 4, one edit from 4, two from 8, none
/// past [`MAX_LEN`].
pub fn budget(len: usize) -> u16 {
    match len {
        0..=3 => 0,
        4..=7 => EDIT,
        8..=MAX_LEN => 2 * EDIT,
        _ => 0,
    }
}

/// A term within the budget: its ordinal and cost.
pub struct Near {
    pub ordinal: u32,
    pub term: String,
    pub cost: u16,
}

/// Terms of `dict` within `max_cost` of `word` (excluding `word` itself), cheapest first, at most
/// `limit` of them.
pub fn near(dict: &Dict, word: &str, max_cost: u16, limit: usize) -> Vec<Near> {
    near_under(dict, "", word, max_cost, limit)
}

/// [`near`] among the terms that start with `under`, by what follows it: `under` + `word`'s
/// neighbours, found with a walk of `under`'s part of the dictionary only.
///
/// Past one edit, an edit to the word's first letter (after an article) counts double, as in
/// Meilisearch: a two-edit walk keeps nearly every key alive for three letters, so on a large
/// dictionary it spent its visits among the keys in ا and stopped at its cap. The keys that begin
/// as the word does are walked with the whole budget, the rest with one edit. (Keys that agree on
/// their first letters are as far apart as what follows them, so the costs stay exact.)
pub fn near_under(dict: &Dict, under: &str, word: &str, max_cost: u16, limit: usize) -> Vec<Near> {
    // `split_at_checked`, not slicing: a slice's panic path brings 4 KB of formatting code.
    let anchored = word.split_at_checked(anchor_len(word)).filter(|(head, _)| !head.is_empty());
    let Some((head, rest)) = anchored.filter(|_| max_cost > EDIT) else {
        return walk(dict, under, word, max_cost, limit);
    };
    let mut out = walk(dict, &[under, head].concat(), rest, max_cost, limit);
    for near in walk(dict, under, word, EDIT, limit) {
        if !out.iter().any(|n| n.ordinal == near.ordinal) {
            out.push(near);
        }
    }
    super::heapsort::sort_by(&mut out, &|a, b| (a.cost, a.ordinal) < (b.cost, b.ordinal));
    out.truncate(limit);
    out
}

/// The bytes of `word` that a key must begin with to be more than one edit from it: its first
/// letter, after ال when a letter follows (the article tells no word apart), and the letter
/// after it when that is ا (a third of the dictionary begins with it: hamza seats fold to it).
fn anchor_len(word: &str) -> usize {
    let rest = word.strip_prefix("ال").filter(|r| !r.is_empty()).unwrap_or(word);
    let mut chars = rest.chars();
    let letters = match (chars.next(), chars.next()) {
        (Some('ا'), Some(next)) => 'ا'.len_utf8() + next.len_utf8(),
        (first, _) => first.map_or(0, char::len_utf8),
    };
    word.len() - rest.len() + letters
}

/// The walk itself: every key under `under` within `max_cost` of `word` by what follows it.
fn walk(dict: &Dict, under: &str, word: &str, max_cost: u16, limit: usize) -> Vec<Near> {
    let query: Vec<Letter> = word.chars().map(Letter::new).collect();
    let width = query.len() + 1;
    // Row i (cells i*width..(i+1)*width) is the DP row after the key's first i chars; the
    // buffers are reused from key to key, so a walk allocates only what it returns.
    let mut rows: Vec<u16> = (0..width as u16).map(|j| j * EDIT).collect();
    let (mut key_chars, mut prev_chars): (Vec<char>, Vec<char>) = (Vec::new(), Vec::new());
    // Keys below `skip_to` are dead: they are passed over without their DP rows.
    let (mut skip_to, mut skipped) = (String::new(), 0);
    let mut out = Vec::new();
    let mut cursor = dict.seek(under.as_bytes());
    // The keys under `under` end before this ordinal: one seek, not a comparison a key.
    let mut after = under.to_string();
    let end =
        if !under.is_empty() && successor(&mut after) { dict.rank(after.as_bytes()) } else { dict.len() };
    let mut visits = 0;
    while visits < MAX_VISITS && cursor.advance() && cursor.ordinal() < end {
        // Passed-over keys are not counted as visits (a seek would have skipped them); a seek
        // pays only when there are many.
        if cursor.key() < skip_to.as_bytes() {
            skipped += 1;
            if skipped == SKIPS_BEFORE_SEEK {
                cursor.seek(skip_to.as_bytes());
            }
            continue;
        }
        visits += 1;
        let Ok(key) = std::str::from_utf8(cursor.key()) else {
            continue;
        };
        std::mem::swap(&mut key_chars, &mut prev_chars);
        key_chars.clear();
        key_chars.extend(key.get(under.len()..).unwrap_or_default().chars());
        let common = key_chars.iter().zip(&prev_chars).take_while(|(a, b)| a == b).count();
        rows.truncate((common + 1) * width);
        let mut dead_at = None;
        for i in common..key_chars.len() {
            let alive = next_row(&mut rows, width, &query, &key_chars, i, max_cost) <= max_cost;
            if !alive {
                dead_at = Some(i);
                break;
            }
        }
        if let Some(i) = dead_at {
            // No key starting with these i + 1 chars can come back within budget, nor one
            // whose char i lies before the next char that could keep the row alive.
            rows.truncate((i + 1) * width);
            key_chars.truncate(i + 1);
            let dead = key_chars.pop().unwrap_or_default();
            let next = next_alive(&rows[i * width..], &query, max_cost, dead);
            skip_to.clear();
            skip_to.push_str(under);
            skip_to.extend(&key_chars);
            match next {
                Some(c) => skip_to.push(c),
                None if !successor(&mut skip_to) => break,
                None => {}
            }
            skipped = 0;
            continue;
        }
        let cost = rows[key_chars.len() * width + query.len()];
        if cost <= max_cost && key.get(under.len()..) != Some(word) {
            out.push(Near { ordinal: cursor.ordinal(), term: key.to_string(), cost });
        }
    }
    super::heapsort::sort_by(&mut out, &|a, b| (a.cost, a.ordinal) < (b.cost, b.ordinal));
    out.truncate(limit);
    out
}

/// The least char after `dead` that may keep alive a key whose DP row so far is `row`, when
/// no other can: every cell of `row` is past `max_cost` less an edit, so only a letter matched
/// (or confused) where the row is within budget can. (A swap of two letters needs no more: the
/// letter it brings is matched within budget too, one deletion after the cell it swaps from.)
fn next_alive(row: &[u16], query: &[Letter], max_cost: u16, dead: char) -> Option<char> {
    let mut next: Option<char> = None;
    let mut consider = |c: char| {
        if c > dead && next.is_none_or(|n| c < n) {
            next = Some(c);
        }
    };
    for (q, &cell) in query.iter().zip(row) {
        if cell <= max_cost {
            consider(q.c);
        }
        if cell + CONFUSABLE <= max_cost {
            q.confusables.into_iter().filter(|&c| c != q.c).for_each(&mut consider);
        }
    }
    next
}

/// Appends the DP row for key position `i` (0-based char index) to `rows` and returns its
/// smallest cell. Only the band of cells within `max_cost` edits of the diagonal is computed: a
/// cell further off needs more insertions or deletions than the budget pays for, so it is written
/// as `max_cost + 1` (dead), whatever its true cost.
fn next_row(
    rows: &mut Vec<u16>,
    width: usize,
    query: &[Letter],
    key: &[char],
    i: usize,
    max_cost: u16,
) -> u16 {
    let (prev, row, band, dead) = (i * width, i + 1, (max_cost / EDIT) as usize, max_cost + 1);
    let (from, to) = (row.saturating_sub(band), (row + band + 1).min(width));
    let mut least = dead;
    rows.resize(prev + width + from.min(to), dead);
    for j in from..to {
        let cost = if j == 0 {
            rows[prev] + EDIT
        } else {
            let mut cost = (rows[prev + j] + EDIT)
                .min(rows[prev + width + j - 1] + EDIT)
                .min(rows[prev + j - 1] + substitution(key[i], query[j - 1]));
            if i > 0 && j > 1 && key[i] == query[j - 2].c && key[i - 1] == query[j - 1].c {
                cost = cost.min(rows[prev - width + j - 2] + EDIT);
            }
            cost.min(dead)
        };
        rows.push(cost);
        least = least.min(cost);
    }
    rows.resize(prev + 2 * width, dead);
    least
}

/// Turns `prefix` into the smallest string greater than every string starting with it; false
/// if there is none.
fn successor(prefix: &mut String) -> bool {
    while let Some(last) = prefix.pop() {
        if let Some(next) = (last as u32 + 1..=0x10FFFF).find_map(char::from_u32) {
            prefix.push(next);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::dict;

    fn dict_of(words: &[&str]) -> Vec<u8> {
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        words.sort();
        dict::write(&words, |_| 0)
    }

    fn found(words: &[&str], query: &str, max: u16) -> Vec<(String, u16)> {
        let bytes = dict_of(words);
        let d = Dict::open(&bytes).unwrap();
        near(&d, query, max, 100).into_iter().map(|n| (n.term, n.cost)).collect()
    }

    #[test]
    fn one_edit_of_each_kind() {
        let words = ["المغرب", "المغربي", "الغرب", "المرغب", "المقرب", "موسكو"];
        let got = found(&words, "المغرب", EDIT);
        let terms: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(terms, ["الغرب", "المرغب", "المغربي", "المقرب"]);
    }

    #[test]
    fn confusable_letters_cost_half() {
        let got = found(&["الظابط", "الضابط", "الرابط"], "الضابت", EDIT);
        assert_eq!(got[0], ("الضابط".to_string(), 1));
        assert!(got.iter().all(|(t, _)| t != "الرابط"));
    }

    #[test]
    fn two_edits_only_within_a_larger_budget() {
        let words = ["الدبلوماسية"];
        assert!(found(&words, "الدبلوماسيا", EDIT).len() == 1);
        assert!(found(&words, "الدبلماسيا", EDIT).is_empty());
        assert_eq!(found(&words, "الدبلماسيا", 2 * EDIT).len(), 1);
    }

    #[test]
    fn pruned_prefixes_are_skipped_but_later_terms_found() {
        let mut words: Vec<String> = (0..500).map(|i| format!("ز{i:04}")).collect();
        words.push("سلام".into());
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(found(&refs, "سلان", EDIT), [("سلام".to_string(), EDIT)]);
    }

    #[test]
    fn a_walk_under_a_prefix_stays_there() {
        let words = ["الكتاب", "الكتب", "وكتاب", "كتاب", "الكاتب"];
        let bytes = dict_of(&words);
        let d = Dict::open(&bytes).unwrap();
        let terms: Vec<String> = near_under(&d, "ال", "كتاب", EDIT, 10).into_iter().map(|n| n.term).collect();
        assert_eq!(terms, ["الكاتب", "الكتب"], "neighbours under ال, not the word itself");
        assert!(near_under(&d, "ف", "كتاب", EDIT, 10).is_empty());
    }

    #[test]
    fn successor_bounds_a_prefix() {
        let mut out = String::from("ab");
        assert!(successor(&mut out));
        assert_eq!(out, "ac");
        assert!(out.as_str() > "abzzzz");
        let mut last = String::from("a\u{10FFFF}");
        assert!(successor(&mut last));
        assert_eq!(last, "b");
        assert!(!successor(&mut String::from("\u{10FFFF}")));
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(budget(3), 0);
        assert_eq!(budget(4), EDIT);
        assert_eq!(budget(8), 2 * EDIT);
        assert_eq!(budget(MAX_LEN + 1), 0);
    }

    /// The cost of `a` against `b` over whole matrices, with the walk's costs, as the walk
    /// should find it.
    fn distance(a: &[char], b: &[char]) -> u16 {
        let confused = |x: char, y: char| CONFUSABLES.iter().any(|&p| p == (x, y) || p == (y, x));
        let mut d = vec![vec![0u16; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = match (i, j) {
                    (0, _) => j as u16 * EDIT,
                    (_, 0) => i as u16 * EDIT,
                    _ => {
                        let sub = match a[i - 1] == b[j - 1] {
                            true => 0,
                            false if confused(a[i - 1], b[j - 1]) => CONFUSABLE,
                            false => EDIT,
                        };
                        let mut cost =
                            (d[i - 1][j] + EDIT).min(d[i][j - 1] + EDIT).min(d[i - 1][j - 1] + sub);
                        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                            cost = cost.min(d[i - 2][j - 2] + EDIT);
                        }
                        cost
                    }
                };
            }
        }
        d[a.len()][b.len()]
    }

    fn word() -> impl proptest::strategy::Strategy<Value = String> {
        // Few letters, confusable pairs among them, so that keys share prefixes and fall near.
        proptest::string::string_regex("[ابتطسصثلمو]{1,7}").unwrap()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 300, failure_persistence: None, ..Default::default() })]
        #[test]
        fn the_walk_finds_what_every_key_compared_finds(
            words in proptest::collection::btree_set(word(), 1..300),
            query in word(),
            under in proptest::sample::select(vec!["", "ا", "ال"]),
            max_cost in 0..=2 * EDIT,
        ) {
            let keys: Vec<String> = words.into_iter().collect();
            let bytes = dict::write(&keys, |_| 0);
            let d = Dict::open(&bytes).unwrap();
            let q: Vec<char> = query.chars().collect();
            // Past one edit, only keys that begin as the query does (see `anchor_len`).
            let anchor = &query[..anchor_len(&query)];
            let want: Vec<(String, u16)> = keys
                .iter()
                .filter_map(|k| Some((k, k.strip_prefix(under)?)))
                .filter(|(_, rest)| *rest != query)
                .map(|(k, rest)| (k.clone(), rest, distance(&rest.chars().collect::<Vec<_>>(), &q)))
                .filter(|&(_, rest, cost)| cost <= max_cost.min(EDIT) || cost <= max_cost && rest.starts_with(anchor))
                .map(|(k, _, cost)| (k, cost))
                .collect();
            let mut got: Vec<(String, u16)> =
                near_under(&d, under, &query, max_cost, usize::MAX).into_iter().map(|n| (n.term, n.cost)).collect();
            got.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
