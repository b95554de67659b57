//! The `REFS` and `REF_DOCS` sections: each reference key (`analysis::refs`) with the documents
//! that give it, for a query typed as a reference, as [`keyed`](super::keyed) lists.

use super::keyed::Lists;

/// Records the keys of document `doc`'s references; documents come in ascending order.
pub fn add(lists: &mut Lists, doc: u32, refs: &[String]) {
    for key in refs.iter().flat_map(|r| crate::analysis::refs::keys(r)) {
        let docs = lists.entry(key).or_default();
        if docs.last() != Some(&doc) {
            docs.push(doc);
        }
    }
}
