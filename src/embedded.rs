//! The index `build.rs` wrote for the corpus (`seeds/` or `FAHRAS_CORPUS`), compiled in.

use std::sync::OnceLock;

use crate::index::Index;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The compiled-in index, opened on first use. The build script opened the same bytes before
/// embedding them, so this cannot fail short of a bug; if it did, the index would be empty
/// rather than the page broken.
pub fn embedded() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| Index::open(BYTES).unwrap_or(Index::empty()))
}

/// Size in bytes of the compiled-in index.
pub fn embedded_len() -> usize {
    BYTES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_index_opens() {
        assert!(Index::open(BYTES).is_ok());
        assert!(!embedded().is_empty());
    }
}
