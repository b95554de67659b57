//! A word as clusters: each base char with the combining marks written after it. The Quranic,
//! dagger-alef and hamza rules look at a letter's marks and its neighbours, whatever the order
//! the marks were typed in.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub base: char,
    pub marks: Vec<char>,
}

impl Cluster {
    pub fn new(base: char) -> Self {
        Cluster { base, marks: Vec::new() }
    }

    pub fn has(&self, mark: char) -> bool {
        self.marks.contains(&mark)
    }
}

/// Combining marks of the Arabic script (and the Latin combining accents) that attach to the
/// char before them.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

/// Groups chars into clusters. Marks before any base (a word typed starting with a mark) get a
/// placeholder base `'\0'` that later steps drop.
pub fn clusters(chars: impl Iterator<Item = char>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for c in chars {
        if is_mark(c) {
            match out.last_mut() {
                Some(last) => last.marks.push(c),
                None => out.push(Cluster { base: '\0', marks: vec![c] }),
            }
        } else {
            out.push(Cluster::new(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_attach_to_the_letter_before() {
        let cs = clusters("قَالَ".chars());
        assert_eq!(cs.len(), 3);
        assert_eq!(cs[0], Cluster { base: 'ق', marks: vec!['\u{064E}'] });
        assert!(cs[1].marks.is_empty());
    }

    #[test]
    fn a_leading_mark_gets_a_placeholder_base() {
        let cs = clusters("\u{064E}ب".chars());
        assert_eq!(cs[0].base, '\0');
        assert_eq!(cs[1].base, 'ب');
    }
}
