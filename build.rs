//! Reads the corpus (`seeds/`, or the folder or file in `FAHRAS_CORPUS`), analyses it with the
//! same code the runtime uses, and writes the index that `src/embedded.rs` compiles in.

#![allow(dead_code, unused_imports)]

#[path = "src/analysis/mod.rs"]
mod analysis;
#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/document.rs"]
mod document;
#[path = "src/index/mod.rs"]
mod index;
#[path = "src/analysis/nfkc_gen.rs"]
mod nfkc_gen;

use std::path::PathBuf;

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-env-changed=FAHRAS_CORPUS");
    for path in ["build.rs", "src/analysis", "src/corpus", "src/document.rs", "src/index"] {
        println!("cargo:rerun-if-changed={path}");
    }

    // unicode-normalization is the source of truth for the folding table the runtime carries.
    let table_path = manifest.join("src/analysis/nfkc_table.rs");
    let table = std::fs::read_to_string(&table_path).unwrap_or_default();
    let fresh = nfkc_gen::source();
    if table != fresh {
        if std::env::var_os("FAHRAS_WRITE_NFKC_TABLE").is_none() {
            fail("src/analysis/nfkc_table.rs is stale: run FAHRAS_WRITE_NFKC_TABLE=1 cargo build");
        }
        std::fs::write(&table_path, fresh).unwrap_or_else(|e| fail(&format!("writing the table: {e}")));
    }

    // The split index's engine state: natively (tests), and in a wasm only with `split` (other
    // engines' readers would download its code for nothing).
    let embed = std::env::var_os("CARGO_FEATURE_EMBED").is_some();
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    if split || std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        println!("cargo:rustc-cfg=split_engine");
    }

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set")));
    // Without `embed` (the npm package's engine and indexer) nothing is compiled in.
    let bytes = if embed { corpus_index(&manifest) } else { Vec::new() };
    // src/embedded.rs compiles in the index without its strings, and the strings as text; the
    // whole index stays beside them for scripts/build-wasm.sh to list its sections.
    let (head, [strings]) = index::split_off(&bytes, ["STRINGS"]).unwrap_or((Vec::new(), [&[]]));
    for (name, contents) in
        [("index.bin", bytes.as_slice()), ("index-head.bin", &head), ("index-strings.txt", strings)]
    {
        // Written beside and renamed, so an interrupted build never leaves half an index.
        let partial = out_dir.join(format!("{name}.partial"));
        std::fs::write(&partial, contents).unwrap_or_else(|e| fail(&format!("writing the index: {e}")));
        std::fs::rename(&partial, out_dir.join(name))
            .unwrap_or_else(|e| fail(&format!("writing the index: {e}")));
    }
}

/// The index of the corpus: `seeds/`, or the folder or file in `FAHRAS_CORPUS`.
fn corpus_index(manifest: &std::path::Path) -> Vec<u8> {
    let corpus_path = match std::env::var_os("FAHRAS_CORPUS") {
        Some(path) if !path.is_empty() => manifest.join(PathBuf::from(path)),
        _ => manifest.join("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_path.display());
    let loaded = corpus::load_with_warnings(&corpus_path).unwrap_or_else(|e| fail(&format!("corpus: {e}")));
    for warning in &loaded.warnings {
        println!("cargo:warning=corpus: {warning}");
    }

    let bytes = index::write(&loaded.documents);
    if let Err(e) = index::Index::open(&bytes) {
        fail(&format!("the index just written does not open: {e}"));
    }
    bytes
}
