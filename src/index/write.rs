//! Builds the index bytes from documents (at build time; see the layout in the module docs).

use std::collections::BTreeMap;

use super::postings::{self, Posting};
use super::{dict, varint, MAGIC, SECTIONS, VERSION};
use crate::analysis;
use crate::document::Document;

/// Analyses `docs` and serialises the index. Documents are stored in id order.
pub fn write(docs: &[Document]) -> Vec<u8> {
    let mut docs: Vec<&Document> = docs.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));

    let mut strings = String::new();
    let mut records: Vec<u32> = Vec::with_capacity(docs.len() * 9);
    let mut term_postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let (mut title_words, mut body_words) = (0u32, 0u32);

    for (n, doc) in docs.iter().enumerate() {
        let n = n as u32;
        let body_start = doc.body_start();
        let title_tokens = analysis::tokenize(&doc.title);
        let body_tokens = analysis::tokenize(&doc.text[body_start..]);
        for (field, tokens) in [(0, &title_tokens), (1, &body_tokens)] {
            for (position, token) in tokens.iter().enumerate() {
                for term in &token.terms {
                    let list = term_postings.entry(term.clone()).or_default();
                    if list.last().is_none_or(|p| p.doc != n) {
                        list.push(Posting {
                            doc: n,
                            ..Posting::default()
                        });
                    }
                    let last = list.len() - 1;
                    let posting = &mut list[last];
                    let positions = if field == 0 {
                        &mut posting.title
                    } else {
                        &mut posting.body
                    };
                    if positions.last() != Some(&(position as u32)) {
                        positions.push(position as u32);
                    }
                }
            }
        }
        title_words += title_tokens.len() as u32;
        body_words += body_tokens.len() as u32;

        let mut push = |s: &str| {
            let start = strings.len() as u32;
            strings.push_str(s);
            [start, strings.len() as u32]
        };
        let id = push(&doc.id);
        let title = push(&doc.title);
        let text = push(&doc.text);
        records.extend(id);
        records.extend(title);
        records.extend(text);
        records.push(text[0] + body_start as u32);
        records.push(title_tokens.len() as u32);
        records.push(body_tokens.len() as u32);
    }

    let mut stems: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (ordinal, term) in term_postings.keys().enumerate() {
        stems
            .entry(analysis::stem(term))
            .or_default()
            .push(ordinal as u32);
    }
    let stem_ordinals: BTreeMap<&str, u32> = stems
        .keys()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();

    let mut postings_bytes = Vec::new();
    let mut term_entries = Vec::with_capacity(term_postings.len());
    for (term, list) in &term_postings {
        let mut payload = Vec::with_capacity(8);
        varint::write(&mut payload, postings_bytes.len() as u32);
        varint::write(&mut payload, list.len() as u32);
        varint::write(&mut payload, stem_ordinals[analysis::stem(term)]);
        postings::write(&mut postings_bytes, list);
        term_entries.push((term.clone(), payload));
    }
    let stem_entries: Vec<(String, Vec<u8>)> = stems
        .iter()
        .map(|(stem, members)| {
            let mut payload = Vec::new();
            varint::write(&mut payload, members.len() as u32);
            let mut prev = 0;
            for &m in members {
                varint::write(&mut payload, m - prev);
                prev = m;
            }
            (stem.to_string(), payload)
        })
        .collect();

    let docs_bytes: Vec<u8> = records.iter().flat_map(|r| r.to_le_bytes()).collect();
    let sections = [
        docs_bytes,
        strings.into_bytes(),
        dict::write(&term_entries),
        dict::write(&stem_entries),
        postings_bytes,
    ];
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for word in [VERSION, docs.len() as u32, title_words, body_words] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    let mut offset = (out.len() + 8 * SECTIONS.len()) as u32;
    for section in &sections {
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        offset += section.len() as u32;
    }
    for section in sections {
        out.extend_from_slice(&section);
    }
    out
}
