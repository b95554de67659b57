//! fahras-bench-indexer CORPUS_DIR [REPS]
//!   Prints {"median_ms":..,"runs_ms":[..],"index_bytes":..,"docs":..} for corpus::load + index::write
//!   (what build.rs does), natively. With BENCH_DUMP_INDEX=path the index bytes are written there.
//! fahras-bench-indexer profile CORPUS_DIR QUERIES_FILE
//!   Diagnosis of warm query time, natively: for each query (one per line), search() with limit 10
//!   and with limit 1, and what analysing the hits' whole bodies would cost (snippets are cut from
//!   the matched positions instead).
use std::path::Path;
use std::time::Instant;

fn median(xs: &[f64]) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if s.is_empty() {
        return f64::NAN;
    }
    if s.len() % 2 == 1 {
        s[s.len() / 2]
    } else {
        (s[s.len() / 2 - 1] + s[s.len() / 2]) / 2.0
    }
}

fn quantile(xs: &[f64], q: f64) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    s[((s.len() - 1) as f64 * q).round() as usize]
}

fn build_time(dir: &Path, reps: usize) {
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
    if let Ok(path) = std::env::var("BENCH_DUMP_INDEX") {
        let docs = fahras::corpus::load(dir).expect("corpus::load");
        std::fs::write(path, fahras::index::write(&docs)).expect("write BENCH_DUMP_INDEX");
    }
    let median = median(&runs);
    println!("{{\"median_ms\":{median},\"runs_ms\":{runs:?},\"index_bytes\":{bytes},\"docs\":{ndocs}}}");
}

fn profile(dir: &Path, queries: &Path) {
    let docs = fahras::corpus::load(dir).expect("corpus::load");
    let bytes = fahras::index::write(&docs);
    let index = fahras::Index::open(&bytes).expect("Index::open");
    let text = std::fs::read_to_string(queries).expect("queries");
    let qs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let opts = |limit| fahras::SearchOptions { limit, offset: 0, ..Default::default() };
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1e6
    };
    let (mut s10, mut s1, mut tok, mut hits_n, mut body_words) = (vec![], vec![], vec![], 0usize, 0usize);
    for pass in 0..3 {
        for q in &qs {
            let mut res = None;
            let t10 = time(&mut || res = Some(index.search(q, &opts(10))));
            let t1 = time(&mut || {
                std::hint::black_box(index.search(q, &opts(1)));
            });
            let res = res.unwrap();
            let bodies: Vec<String> =
                res.hits.iter().filter_map(|h| index.get(&h.id, None)).map(|d| d.text).collect();
            let tt = time(&mut || {
                for b in &bodies {
                    std::hint::black_box(fahras::analysis::tokenize(b));
                }
            });
            if pass > 0 {
                s10.push(t10);
                s1.push(t1);
                tok.push(tt);
            } else {
                hits_n += bodies.len();
                body_words += bodies.iter().map(|b| b.split_whitespace().count()).sum::<usize>();
            }
        }
    }
    let sum = |v: &Vec<f64>| v.iter().sum::<f64>();
    println!(
        "{{\"queries\":{},\"hits_per_query\":{:.2},\"words_per_hit\":{:.0},\
         \"search10_us\":{{\"p50\":{:.1},\"p95\":{:.1},\"mean\":{:.1}}},\
         \"search1_us\":{{\"p50\":{:.1},\"mean\":{:.1}}},\
         \"tokenize_hits_us_mean\":{:.1}}}",
        qs.len(),
        hits_n as f64 / qs.len() as f64,
        body_words as f64 / hits_n.max(1) as f64,
        median(&s10),
        quantile(&s10, 0.95),
        sum(&s10) / s10.len() as f64,
        median(&s1),
        sum(&s1) / s1.len() as f64,
        sum(&tok) / tok.len() as f64,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: fahras-bench-indexer CORPUS_DIR [REPS] | profile CORPUS_DIR QUERIES_FILE";
    match args.get(1).map(String::as_str) {
        Some("profile") => profile(
            Path::new(args.get(2).expect(usage)),
            Path::new(args.get(3).expect(usage)),
        ),
        Some(dir) => build_time(
            Path::new(dir),
            args.get(2).map(|s| s.parse().expect("REPS")).unwrap_or(3).max(1),
        ),
        None => panic!("{usage}"),
    }
}
