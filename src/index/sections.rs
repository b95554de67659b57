//! The header's section table: read for [`Index::open`](super::Index::open), and rewritten without
//! the sections a split index fetches in chunks.

use super::dict::read_u32;
use super::{FormatError, HEADER_LEN, MAGIC, SECTIONS, VERSION};

/// The sections of index bytes, checked to lie inside them.
pub(super) fn section_table(bytes: &[u8]) -> Result<[&[u8]; SECTIONS.len()], FormatError> {
    let header_end = HEADER_LEN + 8 * SECTIONS.len();
    if bytes.len() < header_end {
        return Err(FormatError::TooShort(bytes.len()));
    }
    if &bytes[..4] != MAGIC {
        return Err(FormatError::BadMagic);
    }
    let word = |at: usize| read_u32(bytes, at).unwrap_or(0);
    if word(4) != VERSION {
        return Err(FormatError::UnsupportedVersion(word(4)));
    }
    let mut sections = [&bytes[..0]; SECTIONS.len()];
    for (i, name) in SECTIONS.iter().enumerate() {
        let at = HEADER_LEN + 8 * i;
        let (offset, len) = (word(at) as usize, word(at + 4) as usize);
        sections[i] = offset
            .checked_add(len)
            .and_then(|end| bytes.get(offset..end))
            .ok_or(FormatError::SectionOutOfBounds(name))?;
    }
    Ok(sections)
}

/// The sections a split index fetches in chunks.
pub const SPARSE: [&str; 3] = ["STRINGS", "POSTINGS", "WORDS"];

/// Index bytes split in two: the bytes with the [`SPARSE`] sections emptied (what
/// [`Index::open_split`] opens), and those sections.
pub fn split_off_sparse(bytes: &[u8]) -> Result<(Vec<u8>, [&[u8]; 3]), FormatError> {
    let sections = section_table(bytes)?;
    let mut head = bytes[..HEADER_LEN].to_vec();
    let mut offset = (HEADER_LEN + 8 * SECTIONS.len()) as u32;
    let kept = |i: usize| if SPARSE.contains(&SECTIONS[i]) { &[][..] } else { sections[i] };
    for i in 0..SECTIONS.len() {
        head.extend_from_slice(&offset.to_le_bytes());
        head.extend_from_slice(&(kept(i).len() as u32).to_le_bytes());
        offset += kept(i).len() as u32;
    }
    for i in 0..SECTIONS.len() {
        head.extend_from_slice(kept(i));
    }
    let at = |name: &str| sections[SECTIONS.iter().position(|s| *s == name).unwrap_or(0)];
    Ok((head, [at("STRINGS"), at("POSTINGS"), at("WORDS")]))
}
