//! Times queries over the compiled-in corpus: `cargo run --release --example latency [N]` runs N
//! random queries built from the corpus vocabulary with typos and prefixes;
//! `... --example latency -- FILE` times the queries in FILE (one a line, the median of 20 runs each). Prints
//! p50/p95/p99/max and the slowest queries (timings are noisy: compare runs, don't trust one number).

use std::time::Instant;

use fahras::{embedded, SearchOptions};

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    if let Ok(text) = std::fs::read_to_string(&arg) {
        let queries: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let mut times = Vec::new();
        for q in &queries {
            let mut runs: Vec<f64> = (0..20)
                .map(|_| {
                    let start = Instant::now();
                    embedded().search(q, &SearchOptions::default());
                    start.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            let hits = embedded().search(q, &SearchOptions::default()).total;
            times.push((runs[runs.len() / 2], q.to_string(), hits));
        }
        return report(times);
    }
    let n: usize = arg.parse().unwrap_or(2000);
    let mut words = Vec::new();
    let mut cursor = embedded().terms().cursor();
    while cursor.advance() {
        words.push(String::from_utf8_lossy(cursor.key()).into_owned());
    }
    let mut seed = 42u64;
    let mut next = move |m: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m.max(1)
    };
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let mut q = String::new();
        for _ in 0..1 + next(3) {
            let mut w: Vec<char> = words[next(words.len())].chars().collect();
            match next(4) {
                0 if w.len() > 3 => {
                    let at = next(w.len());
                    w[at] = 'ث';
                }
                1 if w.len() > 2 => w.truncate(w.len() - 1),
                _ => {}
            }
            q.push_str(&w.into_iter().collect::<String>());
            q.push(' ');
        }
        if i % 2 == 0 {
            q.pop();
        }
        let start = Instant::now();
        let r = embedded().search(&q, &SearchOptions::default());
        times.push((start.elapsed().as_secs_f64() * 1e3, q, r.total));
    }
    report(times);
}

fn report(mut times: Vec<(f64, String, usize)>) {
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let p = |f: f64| times[((times.len() - 1) as f64 * f) as usize].0;
    let n = times.len();
    println!(
        "{n} searches: p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        p(0.5),
        p(0.95),
        p(0.99),
        p(1.0)
    );
    for (ms, query, hits) in times.iter().rev().take(8) {
        println!("slow: {ms:.3} ms {query:?} ({hits} hits)");
    }
}
