//! Publication dates: `YYYY-MM-DD`, optionally followed by a time (`2023-12-06T10:00:00+01:00`,
//! `2023-12-06 10:00`), which is dropped. Anything else — another order, a missing zero, a 30th
//! of February — is not a date.

/// The `YYYY-MM-DD` day of `value`, or `None` when `value` is not a date as described above.
pub fn normalise(value: &str) -> Option<String> {
    let value = value.trim();
    let bytes = value.as_bytes();
    if bytes.len() < 10 || !value.is_char_boundary(10) {
        return None;
    }
    let (day, rest) = value.split_at(10);
    let rest = rest.as_bytes();
    // A time may follow, after `T` or a space, and must start with a digit.
    let time =
        |rest: &[u8]| rest.len() >= 2 && matches!(rest[0], b'T' | b't' | b' ') && rest[1].is_ascii_digit();
    if !rest.is_empty() && !time(rest) {
        return None;
    }
    crate::index::parse_date(day).map(|_| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn days_and_times() {
        assert_eq!(normalise("2023-12-06").as_deref(), Some("2023-12-06"));
        assert_eq!(normalise(" 2024-02-29 ").as_deref(), Some("2024-02-29"));
        assert_eq!(normalise("2023-12-06T10:00:00+01:00").as_deref(), Some("2023-12-06"));
        assert_eq!(normalise("2023-12-06 10:00").as_deref(), Some("2023-12-06"));
    }

    #[test]
    fn not_dates() {
        for bad in [
            "",
            "2023-2-6",
            "06-12-2023",
            "2023/12/06",
            "2023-13-01",
            "2023-00-10",
            "2023-02-29",
            "1900-02-29",
            "2023-04-31",
            "2023-12-06x",
            "2023-12-06T",
            "2023-12",
            "٢٠٢٣-١٢-٠٦",
            "+123-12-06",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
