//! fahras-bench-indexer CORPUS_DIR [REPS]
//! Prints {"median_ms":..,"runs_ms":[..],"index_bytes":..,"docs":..} for corpus::load + index::write.
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(1).expect("usage: fahras-bench-indexer CORPUS_DIR [REPS]"));
    let reps: usize = args.get(2).map(|s| s.parse().expect("REPS")).unwrap_or(3).max(1);
    let mut runs = Vec::with_capacity(reps);
    let (mut bytes, mut ndocs) = (0, 0);
    for _ in 0..reps {
        let t = Instant::now();
        let docs = fahras::corpus::load(dir).expect("corpus::load");
        let index = fahras::index::write(&docs);
        runs.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = index.len();
        ndocs = docs.len();
        std::hint::black_box(&index);
    }
    let mut sorted = runs.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    println!("{{\"median_ms\":{median},\"runs_ms\":{runs:?},\"index_bytes\":{bytes},\"docs\":{ndocs}}}");
}
