//! Prints the folded form and light stem of each word read from stdin, one per line, tab-separated:
//! `echo الأمنية | cargo run --example stem` prints the word, `الامنيه` and `امن`, tab-separated.

use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let word = line.trim();
        let folded = fahras::analysis::fold(word);
        let stem = folded.split(' ').map(fahras::analysis::stem).collect::<Vec<_>>().join(" ");
        println!("{word}\t{folded}\t{stem}");
    }
}
