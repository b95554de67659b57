//! Prints the light stem of each word read from stdin, one per line (the folded form when the
//! word folds to several words, their stems space-separated):
//! `echo الأمنية | cargo run --example stem` prints `امن`. Used by tests/quality/stemmer_compare.py.

use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let folded = fahras::analysis::fold(line.trim());
        let stems: Vec<&str> = folded.split(' ').map(fahras::analysis::stem).collect();
        println!("{}", stems.join(" "));
    }
}
