//! Builds the index bytes from documents (at build time; see the layout in the module docs).

use std::collections::BTreeMap;

use super::{dict, postings, MAGIC, SECTIONS, VERSION};
use crate::analysis;
use crate::document::Document;

/// Analyses `docs` and serialises the index. Documents are stored in id order.
pub fn write(docs: &[Document]) -> Vec<u8> {
    let mut docs: Vec<&Document> = docs.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));

    let mut strings = String::new();
    let mut records: Vec<u32> = Vec::with_capacity(docs.len() * super::DOC_FIELDS);
    let mut term_positions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let (mut title_words, mut body_words) = (0u32, 0u32);
    let mut next_position = 0u32;

    for doc in &docs {
        let body_start = doc.body_start();
        let title_tokens = analysis::tokenize(&doc.title);
        let body_tokens = analysis::tokenize(&doc.text[body_start..]);
        let first_position = next_position;
        for token in title_tokens.iter().chain(&body_tokens) {
            for term in &token.terms {
                let positions = term_positions.entry(term.clone()).or_default();
                if positions.last() != Some(&next_position) {
                    positions.push(next_position);
                }
            }
            next_position += 1;
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
        records.push(first_position);
        records.push(title_tokens.len() as u32);
        records.push(body_tokens.len() as u32);
        records.extend(push(doc.url.as_deref().unwrap_or("")));
        let tags: Vec<String> = doc.tags.iter().map(|t| t.replace('\n', " ")).collect();
        records.extend(push(&tags.join("\n")));
        records.push(doc.date.as_deref().and_then(super::parse_date).unwrap_or(0));
    }

    let mut postings_bytes = Vec::new();
    let mut offsets = Vec::with_capacity(term_positions.len());
    for positions in term_positions.values() {
        offsets.push(postings_bytes.len() as u32);
        postings::write(&mut postings_bytes, positions);
    }
    let keys: Vec<String> = term_positions.into_keys().collect();

    let docs_bytes: Vec<u8> = records.iter().flat_map(|r| r.to_le_bytes()).collect();
    let sections = [docs_bytes, strings.into_bytes(), dict::write(&keys, |i| offsets[i]), postings_bytes];
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
