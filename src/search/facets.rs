//! Facet counts: the tags of every matching document, counted during the evaluation pass.
//! Neighbouring documents mostly carry the same tags (the hadiths of one book, the verses of
//! one surah), so a run of equal tag strings is counted once and added when it ends: the pass
//! pays a string comparison per document, not a lookup per tag.

use super::types::{FacetCount, Facets};

#[derive(Debug, Default)]
pub struct Tally<'a> {
    /// Tags seen (sorted) and their counts, the current run not included.
    counts: Vec<(&'a str, u32)>,
    /// The tags (joined by newlines) of the last documents counted, and how many of them.
    run: (&'a str, u32),
}

impl<'a> Tally<'a> {
    /// Counts a document with these tags (joined by newlines).
    pub fn add(&mut self, tags: &'a str) {
        if tags == self.run.0 {
            self.run.1 += 1;
            return;
        }
        self.flush();
        self.run = (tags, 1);
    }

    pub fn clear(&mut self) {
        self.counts.clear();
        self.run = ("", 0);
    }

    fn flush(&mut self) {
        let (tags, n) = std::mem::take(&mut self.run);
        for (i, tag) in tags.lines().enumerate() {
            if tags.lines().take(i).any(|t| t == tag) {
                continue;
            }
            match self.counts.binary_search_by(|(t, _)| (*t).cmp(tag)) {
                Ok(at) => self.counts[at].1 += n,
                Err(at) => self.counts.insert(at, (tag, n)),
            }
        }
    }

    /// The tags with their counts, most documents first, then by tag.
    pub fn finish(mut self) -> Facets {
        self.flush();
        let mut counts = self.counts;
        super::heapsort::sort_by(&mut counts, &|a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
        let tags = counts.into_iter().map(|(t, count)| FacetCount { value: t.to_string(), count }).collect();
        Facets { tags }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_repeats_are_counted_once_a_document() {
        let mut tally = Tally::default();
        for tags in ["a", "a", "a\nb", "b\nb", "", "a"] {
            tally.add(tags);
        }
        let got: Vec<(String, u32)> = tally.finish().tags.into_iter().map(|f| (f.value, f.count)).collect();
        assert_eq!(got, [("a".to_string(), 4), ("b".to_string(), 2)]);
    }

    #[test]
    fn clearing_forgets_the_run_too() {
        let mut tally = Tally::default();
        tally.add("a");
        tally.clear();
        tally.add("b");
        assert_eq!(tally.finish().tags, [FacetCount { value: "b".into(), count: 1 }]);
    }
}
