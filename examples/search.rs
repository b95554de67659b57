//! Searches the compiled-in corpus from the command line:
//! `cargo run --example search -- "الأمن المغربي"` (add `--explain` to list matched terms).

use fahras::{embedded, SearchOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let query = args.iter().filter(|a| *a != "--explain").cloned().collect::<Vec<_>>().join(" ");
    let result = embedded().search(&query, &SearchOptions { limit: 20, ..Default::default() });
    println!("query {:?}: total {}, relaxed {}", result.query, result.total, result.relaxed);
    if let Some(corrected) = &result.corrected {
        println!("showing results for {corrected:?}");
    }
    if !result.suggestions.is_empty() {
        println!("did you mean: {}", result.suggestions.join(" | "));
    }
    for hit in result.hits {
        println!("{:>8.3}  {}  {}", hit.score, hit.id, hit.title);
        println!("          {}", hit.snippet.replace('\n', " "));
    }
    if args.iter().any(|a| a == "--explain") {
        for clause in fahras::search::query::parse(&query) {
            for readings in &clause.words {
                let matched = fahras::search::expand::expand(embedded(), readings, clause.prefix, false, &[]);
                let term = |m: &fahras::search::expand::Matched| {
                    embedded().term_string(m.ordinal).unwrap_or_default()
                };
                let terms: Vec<String> =
                    matched.iter().map(|m| format!("{}({:?})", term(m), m.kind)).collect();
                println!("{readings:?} -> {}", terms.join(" "));
                for alternative in fahras::search::translit::alternatives(embedded(), &readings[0]) {
                    println!("    transliterated: {}", alternative.words.join(" "));
                }
            }
        }
    }
}
