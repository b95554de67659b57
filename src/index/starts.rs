//! Which beginnings the dictionary's keys have, for lookups that mostly miss: a word being typed
//! is completed after every proclitic and prefix the stemmer strips (بال، فب، وك…), some twenty
//! seeks of the dictionary a word, and most of those beginnings begin no term; a word's stems
//! are found by looking up candidates, most of them absent too.
//!
//! Each key's first one to [`MAX_CHARS`] chars, and the whole key, are hashed into a bitset
//! built when the engine opens its index. A clear bit proves that no key begins so (or is so),
//! and spares the dictionary's binary search; a set bit may be another beginning's (about one
//! absent lookup in ten), and the dictionary decides. Nothing is stored in the index: building
//! the set walks the dictionary once.

use super::dict::Dict;

/// Beginnings longer than this are hashed by their first this many chars.
const MAX_CHARS: usize = 6;
/// Bits per key and beginning, before rounding up to a power of two: most beginnings are
/// shared, so the set is sparser than this says.
const BITS_PER_ENTRY: usize = 8;
/// 1 MB of bits, for up to [`MAX_KEYS`] keys (Bukhari's 37,845 get 512 KB, a twentieth set).
const MAX_BITS: usize = 1 << 23;
/// A dictionary with more keys goes without: the walk that builds the set would cost more when
/// the engine opens (about 10 ms in wasm) than a visitor's lookups save.
const MAX_KEYS: u32 = (MAX_BITS / ((MAX_CHARS + 1) * BITS_PER_ENTRY)) as u32;
/// Follows a whole key: a byte UTF-8 never holds, so a key's hash is not a beginning's.
const WHOLE: u8 = 0xFF;
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, a byte at a time: a beginning's hash is a step from its shorter beginning's.
fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(SEED, |hash, &byte| step(hash, byte))
}

/// Whether a char ends at `bytes[i]`: the next byte does not continue it.
fn char_ends(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_none_or(|&next| next & 0xC0 != 0x80)
}

#[derive(Debug)]
pub struct Starts {
    bits: Vec<u64>,
    /// 64 less the bits of a position in `bits`.
    shift: u32,
}

impl Starts {
    /// The set of `dict`'s beginnings; `None` past [`MAX_KEYS`] keys.
    pub fn new(dict: &Dict) -> Option<Starts> {
        if dict.len() > MAX_KEYS {
            return None;
        }
        let wanted = dict.len() as usize * (MAX_CHARS + 1) * BITS_PER_ENTRY;
        let len = wanted.next_power_of_two().clamp(64, MAX_BITS);
        let mut starts = Starts { bits: vec![0; len / 64], shift: 64 - len.trailing_zeros() };
        let mut cursor = dict.cursor();
        while cursor.advance() {
            let key = cursor.key();
            let (mut hash, mut chars) = (SEED, 0);
            for (i, &byte) in key.iter().enumerate() {
                hash = step(hash, byte);
                if chars < MAX_CHARS && char_ends(key, i) {
                    chars += 1;
                    starts.set(hash);
                }
            }
            starts.set(step(hash, WHOLE));
        }
        Some(starts)
    }

    fn place(&self, hash: u64) -> (usize, u64) {
        let bit = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn set(&mut self, hash: u64) {
        let (word, bit) = self.place(hash);
        self.bits[word] |= bit;
    }

    fn test(&self, hash: u64) -> bool {
        let (word, bit) = self.place(hash);
        self.bits.get(word).is_some_and(|w| w & bit != 0)
    }

    /// False only if no key begins with `prefix`.
    pub fn may_begin(&self, prefix: &str) -> bool {
        let end = prefix.char_indices().nth(MAX_CHARS).map_or(prefix.len(), |(i, _)| i);
        prefix.is_empty() || self.test(hash(&prefix.as_bytes()[..end]))
    }

    /// False only if no key is `key`.
    pub fn may_hold(&self, key: &[u8]) -> bool {
        self.test(step(hash(key), WHOLE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::dict;

    #[test]
    fn every_key_and_beginning_is_held_and_most_others_are_not() {
        let mut keys: Vec<String> = (0..3000u32)
            .map(|i| {
                let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
                let pick = |n: u32| letters[(n as usize) % letters.len()];
                [pick(i), pick(i / 7 + 3), pick(i / 29 + 11), pick(i * 13 + 5), pick(i / 3)]
                    .iter()
                    .chain(if i % 2 == 0 { "ون" } else { "" }.chars().collect::<Vec<_>>().iter())
                    .collect()
            })
            .collect();
        keys.push("a".into());
        keys.sort();
        keys.dedup();
        let bytes = dict::write(&keys, |_| 0);
        let starts = Starts::new(&Dict::open(&bytes).unwrap()).unwrap();
        for key in &keys {
            assert!(starts.may_hold(key.as_bytes()), "{key}");
            for (end, _) in key.char_indices().skip(1).chain([(key.len(), ' ')]) {
                assert!(starts.may_begin(&key[..end]), "{}", &key[..end]);
            }
            // Longer than MAX_CHARS: judged by its first MAX_CHARS chars.
            if key.chars().count() >= MAX_CHARS {
                assert!(starts.may_begin(&[key.as_str(), "ييييي"].concat()));
            }
        }
        assert!(starts.may_begin(""));
        let absent: Vec<String> = keys.iter().map(|k| ["ءء", k.as_str()].concat()).collect();
        let held = absent.iter().filter(|k| starts.may_begin(k)).count();
        let as_keys = keys.iter().filter(|k| starts.may_hold([k.as_str(), "ء"].concat().as_bytes())).count();
        assert!(held < absent.len() / 10 && as_keys < keys.len() / 10, "{held}, {as_keys} false hits");
    }
}
