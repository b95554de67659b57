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

/// Index bytes from the header's first [`HEADER_LEN`] bytes and the sections, in [`SECTIONS`]
/// order: the section table written between them.
pub(super) fn assemble(header: &[u8], sections: [&[u8]; SECTIONS.len()]) -> Vec<u8> {
    let mut out = header.to_vec();
    let mut offset = (HEADER_LEN + 8 * SECTIONS.len()) as u32;
    for section in sections {
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        offset += section.len() as u32;
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    out
}

/// Index bytes split in two: the bytes with the sections `names` emptied, and those sections,
/// in `names`' order.
pub fn split_off<'b, const N: usize>(
    bytes: &'b [u8],
    names: [&str; N],
) -> Result<(Vec<u8>, [&'b [u8]; N]), FormatError> {
    let sections = section_table(bytes)?;
    let kept = std::array::from_fn(|i| if names.contains(&SECTIONS[i]) { &[][..] } else { sections[i] });
    let at = |name: &str| sections[SECTIONS.iter().position(|s| *s == name).unwrap_or(0)];
    Ok((assemble(&bytes[..HEADER_LEN], kept), names.map(at)))
}

/// [`split_off`] of the [`SPARSE`] sections: what
/// [`Index::open_split`](super::Index::open_split) opens, and the sections it gets in chunks.
pub fn split_off_sparse(bytes: &[u8]) -> Result<(Vec<u8>, [&[u8]; 3]), FormatError> {
    split_off(bytes, SPARSE)
}
