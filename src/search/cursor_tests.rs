use super::*;
use crate::search::query::Clause;
use crate::test_rng::Rng;

/// Made-up three-letter words, so that no two share a stem or a prefix.
fn word(n: usize) -> String {
    let letters = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ص', 'ط'];
    [n / 64, n / 8, n].iter().map(|&i| letters[i % 8]).collect()
}

fn planned(terms: Vec<Term>) -> Planned {
    let clause = Clause {
        words: vec![Vec::new()],
        phrase: false,
        negated: false,
        prefix: false,
        alternatives: Vec::new(),
        written: Vec::new(),
        either: Vec::new(),
    };
    let branches = vec![Branch { words: vec![terms], weight: 1.0 }];
    Planned { clause, branches, stopword: false, guessed: false, guesses: Vec::new(), marks: Vec::new() }
}

#[test]
fn a_word_of_many_terms_lands_on_each_document_any_of_them_is_in() {
    // 400 documents of five words from a vocabulary of 60, the word `i` in few documents
    // or in many as `i` grows.
    let mut rng = Rng::new(9);
    let docs: Vec<Vec<usize>> =
        (0..400).map(|_| (0..5).map(|_| rng.below(60) * rng.below(60) / 59).collect()).collect();
    let bytes = crate::search::test_corpus::index_of(&docs, word);
    let index = Index::open(&bytes).unwrap();
    for (picked, stride) in
        [((0..60).collect::<Vec<_>>(), 1), ((0..60).step_by(7).collect(), 3), (vec![5], 2)]
    {
        // Words no document drew are in no list.
        let picked: Vec<usize> = picked.into_iter().filter(|&w| index.term(&word(w)).is_some()).collect();
        let terms: Vec<Term> =
            picked.iter().map(|&w| Term { ordinal: index.term(&word(w)).unwrap(), weight: 1.0 }).collect();
        let planned = planned(terms);
        let mut cursor = ClauseCursor::new(&index, &planned, None);
        // The same clause read term at a time: the same documents, bounds and positions.
        let mut tabled = ClauseCursor::new(&index, &planned, Some(Dense::build(&index, &planned)));
        let mut target = 0;
        loop {
            let expected = (target..400).find(|&d| docs[d as usize].iter().any(|w| picked.contains(w)));
            let doc = cursor.seek(target);
            assert_eq!(doc, expected.unwrap_or(END), "seek({target}) of {picked:?}");
            assert_eq!(tabled.seek(target), doc, "tabled seek({target}) of {picked:?}");
            let Some(doc) = expected else { break };
            let here = picked.iter().filter(|w| docs[doc as usize].contains(w)).count();
            let (bound, table) = (cursor.bound(), tabled.bound());
            assert_eq!(bound.sources as usize, here, "terms at {doc}");
            assert_eq!((table.sources, table.best), (bound.sources, bound.best), "tabled, at {doc}");
            assert!((table.body - bound.body).abs() <= 1e-4 * bound.body, "tabled body tf at {doc}");
            assert_eq!(cursor.seek(doc), doc, "a seek back stays put");
            if doc % 3 == 0 {
                let mut words = [(Vec::new(), Vec::new()), (Vec::new(), Vec::new())];
                for (c, (title, body)) in [&mut cursor, &mut tabled].into_iter().zip(&mut words) {
                    c.matched_words(title, body);
                }
                assert_eq!(words[0], words[1], "matched words at {doc}");
            }
            target = doc + 1 + (doc % stride);
        }
    }
}
