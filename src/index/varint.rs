//! LEB128 unsigned varints: 7 bits a byte, low bits first, high bit set on all but the last byte.

pub fn write(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*pos`, advancing it; `None` when the bytes end or the value overflows u32.
#[inline]
pub fn read(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    // Most values in the index (gaps, frequencies) fit one byte.
    let first = *bytes.get(*pos)?;
    if first < 0x80 {
        *pos += 1;
        return Some(u32::from(first));
    }
    read_long(bytes, pos)
}

fn read_long(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        let bits = u32::from(byte & 0x7F);
        if shift == 28 && bits > 0x0F {
            return None;
        }
        value |= bits << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_at_every_width() {
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, u32::MAX] {
            let mut out = Vec::new();
            write(&mut out, v);
            let mut pos = 0;
            assert_eq!(read(&out, &mut pos), Some(v));
            assert_eq!(pos, out.len());
        }
    }

    #[test]
    fn truncated_or_overlong_input_is_none() {
        assert_eq!(read(&[0x80], &mut 0), None);
        assert_eq!(read(&[], &mut 0), None);
        assert_eq!(read(&[0xFF, 0xFF, 0xFF, 0xFF, 0x7F], &mut 0), None);
    }
}
