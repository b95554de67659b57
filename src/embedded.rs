//! The engine's index: the one `build.rs` wrote for the corpus (`seeds/` or `FAHRAS_CORPUS`),
//! compiled in, or — in an engine built without the `embed` feature, as the npm package ships it —
//! the one handed to [`load`].

use std::sync::OnceLock;

use crate::index::Index;

/// Empty when the `embed` feature is off (build.rs then writes an empty file).
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

static INDEX: OnceLock<Index<'static>> = OnceLock::new();

/// The engine's index, opened on first use. The build script opened the compiled-in bytes
/// before embedding them, so this cannot fail short of a bug; if it did, the index would be
/// empty rather than the page broken. Empty, too, in a corpus-free engine until [`load`].
pub fn embedded() -> &'static Index<'static> {
    INDEX.get_or_init(|| Index::open(BYTES).unwrap_or(Index::empty()))
}

/// Size in bytes of the compiled-in index.
pub fn embedded_len() -> usize {
    BYTES.len()
}

/// Makes `bytes` (an index as `index::write` writes it) the engine's index. It is kept for the
/// life of the program, as a compiled-in index is. Fails on bytes that are not an index, and once
/// an index is in use: one engine instance serves one index.
pub fn load(bytes: Vec<u8>) -> Result<(), String> {
    if INDEX.get().is_some() {
        return Err("an index is already in use".into());
    }
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let index = Index::open(bytes).map_err(|e| e.message())?;
    INDEX.set(index).map_err(|_| "an index is already in use".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_index_opens() {
        assert!(Index::open(BYTES).is_ok());
        assert!(!embedded().is_empty());
    }

    #[test]
    fn load_refuses_a_second_index() {
        embedded();
        assert_eq!(load(BYTES.to_vec()), Err("an index is already in use".into()));
    }
}
