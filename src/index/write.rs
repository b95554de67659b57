//! Builds the index bytes from documents (at build time; see the layout in the module docs).

use std::collections::BTreeMap;

use super::{dict, docs, field, ids, keyed, postings, refs, stems, words, MAGIC, SECTIONS, VERSION};
use crate::analysis;
use crate::document::Document;

/// A term's documents with its title and body positions in each.
type Lists = BTreeMap<String, Vec<(u32, Vec<u32>, Vec<u32>)>>;

/// Records where `tokens` occur in document `doc`: `body` picks the field.
fn add_positions(lists: &mut Lists, doc: u32, tokens: &[analysis::Token], body: bool) {
    for (position, token) in tokens.iter().enumerate() {
        for term in &token.terms {
            let list = lists.entry(term.clone()).or_default();
            if list.last().is_none_or(|l| l.0 != doc) {
                list.push((doc, Vec::new(), Vec::new()));
            }
            let Some(entry) = list.last_mut() else { continue };
            let field = if body { &mut entry.2 } else { &mut entry.1 };
            if field.last() != Some(&(position as u32)) {
                field.push(position as u32);
            }
        }
    }
}

/// Analyses `docs` and serialises the index. Documents are numbered in the order given, which
/// is the collection order `corpus::load` returns; their ids must be unique.
pub fn write(docs: &[Document]) -> Vec<u8> {
    let mut strings = String::new();
    let mut columns: [Vec<u32>; field::COUNT] = Default::default();
    let mut lists = Lists::new();
    let mut ref_lists = keyed::Lists::new();
    let mut words_bytes = Vec::new();
    let (mut title_words, mut body_words) = (0u32, 0u32);

    for (n, doc) in docs.iter().enumerate() {
        let body_start = doc.body_start();
        let title_tokens = analysis::tokenize(&doc.title);
        let body_tokens = analysis::tokenize(&doc.text[body_start..]);
        add_positions(&mut lists, n as u32, &title_tokens, false);
        add_positions(&mut lists, n as u32, &body_tokens, true);
        refs::add(&mut ref_lists, n as u32, &doc.refs);
        title_words += title_tokens.len() as u32;
        body_words += body_tokens.len() as u32;

        let tags: Vec<String> = doc.tags.iter().map(|t| t.replace('\n', " ")).collect();
        let tags = tags.join("\n");
        let url = doc.url.as_deref().unwrap_or("");
        let fields = [
            (field::ID_LEN, doc.id.len()),
            (field::TITLE_LEN, doc.title.len()),
            (field::BODY_OFFSET, body_start),
            (field::URL_LEN, url.len()),
            (field::TAGS_LEN, tags.len()),
            (field::TITLE_WORDS, title_tokens.len()),
            (field::BODY_WORDS, body_tokens.len()),
        ];
        for (column, value) in fields {
            columns[column].push(value as u32);
        }
        columns[field::DATE].push(doc.date.as_deref().and_then(super::parse_date).unwrap_or(0));
        let (strings_at, words_at) = (strings.len(), words_bytes.len());
        for part in [doc.id.as_str(), &doc.title, &doc.text, url, &tags] {
            strings.push_str(part);
        }
        let starts: Vec<usize> = body_tokens.iter().map(|t| t.start).collect();
        words::write(&mut words_bytes, &starts);
        columns[field::LEN].push((strings.len() - strings_at) as u32);
        columns[field::WORDS_LEN].push((words_bytes.len() - words_at) as u32);
    }

    let mut postings_bytes = Vec::new();
    let mut offsets = Vec::new();
    let all: Vec<&postings::List> = lists.values().map(Vec::as_slice).collect();
    for block in all.chunks(dict::BLOCK_LEN) {
        offsets.push(postings_bytes.len() as u32);
        postings::write_block(&mut postings_bytes, block);
    }
    let keys: Vec<String> = lists.into_keys().collect();

    let docs_bytes = docs::write(&columns);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let (ref_keys, ref_docs) = keyed::write(&ref_lists);
    let [stems, stem_affixes, affixes] = stems::write(&keys);
    let sections: [Vec<u8>; SECTIONS.len()] = [
        docs_bytes,
        strings.into_bytes(),
        dict::write(&keys, |i| offsets[i / dict::BLOCK_LEN]),
        postings_bytes,
        words_bytes,
        ids::write(&ids),
        ref_keys,
        ref_docs,
        stems,
        stem_affixes,
        affixes,
    ];
    let mut header = MAGIC.to_vec();
    for word in [VERSION, docs.len() as u32, title_words, body_words] {
        header.extend_from_slice(&word.to_le_bytes());
    }
    super::sections::assemble(&header, sections.each_ref().map(Vec::as_slice))
}
