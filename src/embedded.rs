//! The engine's index: the one `build.rs` wrote for the corpus (`seeds/` or `FAHRAS_CORPUS`),
//! compiled in, or — in an engine built without the `embed` feature, as the npm package ships it —
//! the one handed to [`load`], or a split index opened with [`open_split`] and filled in chunk by
//! chunk.

use std::sync::OnceLock;

use crate::index::{starts::Starts, Index};
#[cfg(split_engine)]
use crate::split::Store;

/// The compiled-in index without its `STRINGS` section, which comes as text: the compiler checks
/// it is UTF-8, so opening need not. Both empty when the `embed` feature is off (build.rs then
/// writes empty files).
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index-head.bin"));
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/index-strings.txt"));

static INDEX: OnceLock<Index<'static>> = OnceLock::new();

/// The engine's index, opened on first use. The build script opened the compiled-in bytes
/// before embedding them, so this cannot fail short of a bug; if it did, the index would be
/// empty rather than the page broken. Empty, too, in a corpus-free engine until [`load`].
pub fn embedded() -> &'static Index<'static> {
    INDEX.get_or_init(|| with_starts(Index::open_with_strings(BYTES, STRINGS).unwrap_or(Index::empty())))
}

/// `index` with the beginnings of its dictionary, kept for the life of the program as the index
/// is: an engine serves one index.
fn with_starts(index: Index<'static>) -> Index<'static> {
    let starts = Starts::new(index.terms()).map(|starts| &*Box::leak(Box::new(starts)));
    index.with_starts(starts)
}

/// Size in bytes of the compiled-in index, as written.
pub fn embedded_len() -> usize {
    BYTES.len() + STRINGS.len()
}

/// Makes `bytes` (an index as `index::write` writes it) the engine's index. It is kept for the
/// life of the program, as a compiled-in index is. Fails on bytes that are not an index, and once
/// an index is in use: one engine instance serves one index.
pub fn load(bytes: Vec<u8>) -> Result<(), String> {
    if in_use() {
        return Err(IN_USE.into());
    }
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let index = Index::open(bytes).map_err(|e| e.message())?;
    INDEX.set(with_starts(index)).map_err(|_| IN_USE.to_string())
}

const IN_USE: &str = "an index is already in use";

/// Runs `f` on the engine's index: the split one if [`open_split`] opened one, else the
/// compiled-in or loaded one.
pub fn with_index<R>(f: impl FnOnce(&Index) -> R) -> R {
    #[cfg(split_engine)]
    return split::SPLIT.with(|split| {
        let split = split.borrow();
        // One call of `f`, so its code is instantiated once.
        let index = split.as_ref().map_or(*embedded(), Store::index);
        f(&index)
    });
    #[cfg(not(split_engine))]
    f(embedded())
}

fn in_use() -> bool {
    #[cfg(split_engine)]
    return INDEX.get().is_some() || split::SPLIT.with(|s| s.borrow().is_some());
    #[cfg(not(split_engine))]
    INDEX.get().is_some()
}

#[cfg(split_engine)]
pub use split::{missing, open_split, provide};

/// A split index: natively (tests), and in a wasm with the `split` feature; other engines' readers
/// download none of its code.
#[cfg(split_engine)]
mod split {
    use std::cell::RefCell;

    use super::{in_use, IN_USE};
    use crate::split::Store;

    thread_local! {
        pub(super) static SPLIT: RefCell<Option<Store>> = const { RefCell::new(None) };
    }

    /// Makes the split index whose core is `core` the engine's (see `split`); its chunks come
    /// with [`provide`]. Refused once an index is in use, as [`super::load`] is.
    pub fn open_split(core: &[u8]) -> Result<(), String> {
        if in_use() {
            return Err(IN_USE.into());
        }
        let store = Store::open(core)?;
        SPLIT.with(|s| *s.borrow_mut() = Some(store));
        Ok(())
    }

    /// The chunk files searches asked for since the last call and the split index lacks.
    pub fn missing() -> Vec<String> {
        SPLIT.with(|s| s.borrow().as_ref().map(Store::missing).unwrap_or_default())
    }

    /// Hands the split index the bytes of its chunk file `name`.
    pub fn provide(name: &str, bytes: &[u8]) -> Result<(), String> {
        SPLIT.with(|s| match s.borrow_mut().as_mut() {
            Some(store) => store.provide(name, bytes),
            None => Err("no split index is open".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index as build.rs wrote it, before it was split for embedding.
    static WHOLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

    #[test]
    fn the_compiled_in_index_opens() {
        assert!(Index::open_with_strings(BYTES, STRINGS).is_ok());
        assert!(!embedded().is_empty());
        assert_eq!(embedded_len(), WHOLE.len());
        assert!(Index::open(BYTES).is_err(), "documents point into the strings");
    }

    #[test]
    fn a_split_index_is_refused_beside_another_and_chunks_without_one() {
        embedded();
        let core = &crate::split::split(WHOLE).unwrap()[0].1;
        assert_eq!(open_split(core), Err(IN_USE.into()));
        assert_eq!(provide("p.0.bin", &[]), Err("no split index is open".into()));
        assert!(missing().is_empty());
        assert!(with_index(|index| index.search("المغرب", &Default::default()).total > 0));
    }

    #[test]
    fn the_dictionary_s_beginnings_change_no_answer() {
        let plain = Index::open_with_strings(BYTES, STRINGS).unwrap();
        let with = embedded();
        assert!(Starts::new(plain.terms()).is_some(), "the seeds' dictionary has its set");
        let mut cursor = plain.terms().cursor();
        let (mut n, mut queries) = (0, Vec::new());
        while cursor.advance() {
            n += 1;
            let Ok(term) = std::str::from_utf8(cursor.key()) else { continue };
            if n % 7 == 0 {
                let prefix: String = term.chars().take(3).collect();
                let typo: String = term.chars().rev().collect();
                queries.extend([term.to_string(), prefix, ["و", term].concat(), typo]);
            }
        }
        assert!(queries.len() > 400, "{} queries", queries.len());
        let options = crate::SearchOptions { limit: 10, ..Default::default() };
        for q in &queries {
            assert_eq!(with.search(q, &options), plain.search(q, &options), "{q}");
        }
    }

    #[test]
    fn load_refuses_a_second_index() {
        embedded();
        assert_eq!(load(WHOLE.to_vec()), Err("an index is already in use".into()));
    }
}
