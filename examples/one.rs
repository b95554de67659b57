fn main() {
    let q = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let t = std::time::Instant::now();
    for _ in 0..n {
        fahras::embedded().search(&q, &fahras::SearchOptions::default());
    }
    println!("{:.3} ms", t.elapsed().as_secs_f64() * 1e3 / n as f64);
}
