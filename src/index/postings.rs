//! Posting lists: for one term, the documents it occurs in and its positions in each field.

use super::varint;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Word positions in the title, ascending.
    pub title: Vec<u32>,
    /// Word positions in the body, ascending.
    pub body: Vec<u32>,
}

/// Appends a list: count, then per posting the doc delta and each field's positions
/// (count, then deltas). `postings` must be sorted by doc.
pub fn write(out: &mut Vec<u8>, postings: &[Posting]) {
    varint::write(out, postings.len() as u32);
    let mut prev_doc = 0;
    for p in postings {
        varint::write(out, p.doc - prev_doc);
        prev_doc = p.doc;
        for field in [&p.title, &p.body] {
            varint::write(out, field.len() as u32);
            let mut prev = 0;
            for &pos in field {
                varint::write(out, pos - prev);
                prev = pos;
            }
        }
    }
}

/// Reads the list at `offset`; `None` on truncated or inconsistent data.
pub fn read(bytes: &[u8], offset: usize) -> Option<Vec<Posting>> {
    let mut pos = offset;
    let n = varint::read(bytes, &mut pos)? as usize;
    // Every posting takes at least three bytes, which bounds what corrupt counts can allocate.
    let mut out = Vec::with_capacity(n.min(bytes.len() / 3));
    let mut doc = 0u32;
    for i in 0..n {
        let delta = varint::read(bytes, &mut pos)?;
        if i > 0 && delta == 0 {
            return None;
        }
        doc = doc.checked_add(delta)?;
        let title = read_positions(bytes, &mut pos)?;
        let body = read_positions(bytes, &mut pos)?;
        out.push(Posting { doc, title, body });
    }
    Some(out)
}

fn read_positions(bytes: &[u8], pos: &mut usize) -> Option<Vec<u32>> {
    let n = varint::read(bytes, pos)? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len().saturating_sub(*pos)));
    let mut prev = 0u32;
    for _ in 0..n {
        prev = prev.checked_add(varint::read(bytes, pos)?)?;
        out.push(prev);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Posting> {
        vec![
            Posting {
                doc: 0,
                title: vec![1],
                body: vec![0, 5, 300],
            },
            Posting {
                doc: 4,
                title: vec![],
                body: vec![7],
            },
            Posting {
                doc: 900,
                title: vec![0, 2],
                body: vec![],
            },
        ]
    }

    #[test]
    fn round_trips_after_other_bytes() {
        let mut out = vec![0xAA, 0xBB];
        write(&mut out, &sample());
        assert_eq!(read(&out, 2), Some(sample()));
    }

    #[test]
    fn truncated_lists_are_none() {
        let mut out = Vec::new();
        write(&mut out, &sample());
        for cut in 0..out.len() {
            assert_eq!(read(&out[..cut], 0), None, "cut at {cut}");
        }
    }
}
