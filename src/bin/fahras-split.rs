//! `fahras-split CORPUS OUT`: writes the split index of a corpus (a folder or one file) to the
//! folder OUT, for `FAHRAS_SPLIT=1 make wasm`; the npm package's `fahras build --split` writes
//! the same files through the indexer wasm.

use std::path::Path;
use std::process::exit;

fn fail(message: &str) -> ! {
    eprintln!("fahras-split: {message}");
    exit(1);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = &args[..] else { fail("usage: fahras-split CORPUS OUT") };
    let loaded = fahras::corpus::load_up_to(Path::new(corpus), fahras::corpus::MAX_SPLIT_CORPUS_BYTES)
        .unwrap_or_else(|e| fail(&e.to_string()));
    for warning in &loaded.warnings {
        eprintln!("fahras-split: warning: {warning}");
    }
    let bytes = fahras::index::write(&loaded.documents);
    let files = fahras::split::split(&bytes).unwrap_or_else(|e| fail(&e.message()));
    let out = Path::new(out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    for (name, bytes) in &files {
        let path = out.join(name);
        let partial = out.join([name, ".partial"].concat());
        std::fs::write(&partial, bytes)
            .and_then(|()| std::fs::rename(&partial, &path))
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    }
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let mb = format!("{:.1}", bytes as f64 / 1e6);
    eprintln!(
        "fahras-split: {} documents, {} files ({mb} MB) in {}",
        loaded.documents.len(),
        files.len(),
        out.display()
    );
}
