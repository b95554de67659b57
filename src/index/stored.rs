//! A stored document as the index returns it, and the numbers and dates of its fields.

/// A stored document, borrowed from the index bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDoc<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    /// Byte offset in `text` where the body starts.
    pub body_start: usize,
    /// Offset of the document's word checkpoints in the `WORDS` section.
    pub words_at: usize,
    pub title_words: u32,
    pub body_words: u32,
    pub url: &'a str,
    /// Tags joined by newlines.
    pub tags: &'a str,
    /// `YYYYMMDD`, 0 when unknown.
    pub date: u32,
}

impl<'a> StoredDoc<'a> {
    pub fn body(&self) -> &'a str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    pub fn url(&self) -> Option<String> {
        (!self.url.is_empty()).then(|| self.url.to_string())
    }

    pub fn tags(&self) -> Vec<String> {
        self.tags.lines().map(str::to_string).collect()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn date(&self) -> Option<String> {
        let d = self.date;
        if d == 0 {
            return None;
        }
        let mut out = String::with_capacity(10);
        for (n, width) in [(d / 10000, 4usize), (d / 100 % 100, 2), (d % 100, 2)] {
            if !out.is_empty() {
                out.push('-');
            }
            let digits = decimal(n);
            out.extend(std::iter::repeat_n('0', width.saturating_sub(digits.len())));
            out.push_str(&digits);
        }
        Some(out)
    }
}

/// `n` in decimal digits. The wasm formats no integer with `core::fmt`, whose machinery would
/// be downloaded by every reader for a few error messages and dates.
pub fn decimal(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| d as char).collect()
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, if it is a valid calendar date.
pub fn parse_date(date: &str) -> Option<u32> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y > 0 && (1..=days).contains(&d)).then_some(y * 10000 + m * 100 + d)
}
