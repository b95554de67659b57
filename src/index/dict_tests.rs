//! Tests of the front-coded dictionary: lookups, walks, seeks and damaged bytes.
use super::*;

fn sample(n: usize) -> Vec<String> {
    let mut keys: Vec<String> = (0..n).map(|i| format!("ك{:03}ب{}", i * 7 % 1000, i % 3)).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn write_sample(keys: &[String]) -> Vec<u8> {
    write(keys, |i| i as u32 * 10)
}

#[test]
fn every_key_is_found_with_its_ordinal_and_block_values_are_kept() {
    let keys = sample(100);
    let bytes = write_sample(&keys);
    let dict = Dict::open(&bytes).unwrap();
    assert_eq!(dict.len() as usize, keys.len());
    for (i, key) in keys.iter().enumerate() {
        assert_eq!(dict.get(key.as_bytes()), Some(i as u32));
        assert_eq!(dict.key(i as u32).unwrap(), key.as_bytes());
    }
    assert_eq!(dict.get("غير موجود".as_bytes()), None);
    assert_eq!(dict.block_value(1), Some(BLOCK_LEN as u32 * 10));
}

#[test]
fn a_cursor_walks_all_keys_in_order_and_seek_finds_the_successor() {
    let keys = sample(50);
    let bytes = write_sample(&keys);
    let dict = Dict::open(&bytes).unwrap();
    let mut cursor = dict.cursor();
    let mut seen = Vec::new();
    while cursor.advance() {
        seen.push(String::from_utf8(cursor.key().to_vec()).unwrap());
    }
    assert_eq!(seen, keys);
    let mut after = dict.seek("ك1".as_bytes());
    assert!(after.advance());
    let expected = keys.iter().find(|k| k.as_str() >= "ك1").unwrap();
    assert_eq!(after.key(), expected.as_bytes());
}

#[test]
fn rank_counts_the_keys_before_any_key() {
    let keys = sample(60);
    let bytes = write_sample(&keys);
    let dict = Dict::open(&bytes).unwrap();
    let probes = keys.iter().flat_map(|k| [k.clone(), format!("{k}0"), k[..k.len() - 1].to_string()]);
    for probe in probes.chain(["".into(), "\u{10FFFF}".into()]) {
        let before = keys.iter().filter(|k| k.as_bytes() < probe.as_bytes()).count();
        assert_eq!(dict.rank(probe.as_bytes()) as usize, before, "{probe}");
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[test]
fn one_cursor_seeking_back_and_forth_always_lands_on_the_successor() {
    let mut keys = sample(300);
    keys.extend(["ا", "اب", "ابب", "ات", "اتا", "z", "zz"].map(String::from));
    keys.sort();
    keys.dedup();
    let bytes = write_sample(&keys);
    let dict = Dict::open(&bytes).unwrap();
    // Every key, the keys around it (one byte more, one less, cut short) and past the end.
    let mut targets: Vec<Vec<u8>> = Vec::new();
    for key in &keys {
        let k = key.as_bytes().to_vec();
        let mut bumped = k.clone();
        *bumped.last_mut().unwrap() = bumped.last().unwrap().wrapping_add(1);
        let mut lowered = k.clone();
        *lowered.last_mut().unwrap() = lowered.last().unwrap().wrapping_sub(1);
        targets.extend([k.clone(), [&k[..], b"\0"].concat(), bumped, lowered, k[..k.len() - 1].to_vec()]);
    }
    targets.extend([Vec::new(), vec![0xFF; 3]]);
    let mut cursor = dict.cursor();
    // A stride coprime to the count visits each target four times in a scattered order, so
    // seeks go back as well as forward, far and near.
    let n = targets.len();
    let stride = (1..).map(|k| n / 3 + k).find(|s| gcd(*s, n) == 1).unwrap();
    for step in 0..4 * n {
        let target = &targets[step * stride % n];
        cursor.seek(target);
        let expected = keys.iter().position(|k| k.as_bytes() >= target.as_slice());
        match expected {
            Some(i) => {
                assert!(cursor.advance(), "{target:?}");
                assert_eq!((cursor.ordinal(), cursor.key()), (i as u32, keys[i].as_bytes()), "{target:?}");
                if i + 1 < keys.len() && step.is_multiple_of(3) {
                    assert!(cursor.advance());
                    assert_eq!(cursor.key(), keys[i + 1].as_bytes(), "the entry after {target:?}");
                }
            }
            None => assert!(!cursor.advance(), "{target:?} is past every key"),
        }
    }
}

#[test]
fn shared_prefixes_end_on_char_boundaries() {
    // ب (D8 A8) and ت (D8 AA) share their first byte but no char.
    assert_eq!(shared_prefix("اب", "ات"), "ا".len());
    assert_eq!(shared_prefix("abc", "abd"), 2);
    assert_eq!(shared_prefix("ab", "abc"), 2);
}

#[test]
fn an_empty_dictionary_works() {
    let bytes = write(&[], |_| 0);
    let dict = Dict::open(&bytes).unwrap();
    assert!(dict.is_empty());
    assert!(!dict.cursor().advance());
    assert_eq!(dict.get(b"x"), None);
}

#[test]
fn truncated_bytes_never_panic() {
    let bytes = write_sample(&sample(40));
    for cut in 0..bytes.len() {
        if let Some(dict) = Dict::open(&bytes[..cut]) {
            let mut cursor = dict.cursor();
            while cursor.advance() {}
            let _ = dict.get("ك100ب1".as_bytes());
        }
    }
}
