//! Front matter of a Markdown file: the lines between a first line `---` and the next `---` (or
//! `...`) line, read as a small subset of YAML by hand.
//!
//! Supported, one `key: value` per line:
//!
//! ```text
//! ---
//! title: عنوان المقال            # plain, 'single' or "double" quoted; `# comments` are dropped
//! date: 2023-12-06               # YYYY-MM-DD, a time after it is allowed and dropped
//! url: https://example.org/a
//! lang: ar
//! tags: [أمن, "شرطة"]            # a flow list, or a block list:
//! tags:
//!   - أمن
//!   - شرطة
//! refs: ["2:255", البقرة 255]    # a list like tags; each must read as a reference
//! order: 12                      # an integer: the place in the collection
//! ---
//! ```
//!
//! A plain `tags: a, b` (or `refs: …`) is read as the list `a, b`. A value may go on over indented lines, or
//! follow `>` / `|` on its own lines; the lines are joined with spaces. Other keys (`layout`,
//! `draft`, `author: {…}`, nested blocks…) are ignored with everything indented under them.
//! Malformed front matter is an error naming its line: no closing `---`, a line that is not
//! `key: value`, an unclosed quote or `[`, a list under `title`, a key given twice, a bad date, an
//! `order` that is not an integer, a ref with no name or number to look up.

use super::date;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub tags: Vec<String>,
    pub refs: Vec<String>,
    pub order: Option<i64>,
}

/// Why front matter is malformed, and where (1-based line of the file).
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    Malformed {
        line: usize,
        reason: String,
    },
    BadDate {
        line: usize,
        value: String,
    },
    /// A ref that gives no reference key (no name and no number).
    BadRef {
        line: usize,
        value: String,
    },
}

/// Splits `source` into its front matter and the byte offset where the Markdown starts.
/// A file whose first line is not `---` has no front matter.
pub fn split(source: &str) -> Result<(FrontMatter, usize), Error> {
    let mut lines = line_spans(source);
    let Some((_, first)) = lines.next() else {
        return Ok((FrontMatter::default(), 0));
    };
    if first.trim_end() != "---" {
        return Ok((FrontMatter::default(), 0));
    }
    let mut body = Vec::new();
    for (end, line) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok((parse(&body)?, end));
        }
        body.push(line);
    }
    Err(Error::Malformed { line: 1, reason: "no closing `---` line".into() })
}

/// Each line (without its terminator) with the byte offset just past its terminator.
fn line_spans(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    source.split_inclusive('\n').map(move |raw| {
        start += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

const KNOWN: [&str; 7] = ["title", "date", "url", "lang", "tags", "refs", "order"];

/// One key of the front matter and everything given for it.
struct Entry<'a> {
    key: &'a str,
    line: usize,
    /// The value on the key's own line (comment dropped later).
    inline: &'a str,
    /// Indented continuation lines.
    more: Vec<&'a str>,
    /// `- item` lines, with their line numbers.
    items: Vec<(usize, &'a str)>,
}

/// `lines` are the lines between the `---` lines; the first of them is line 2 of the file.
fn parse(lines: &[&str]) -> Result<FrontMatter, Error> {
    let malformed = |line: usize, reason: String| Error::Malformed { line, reason };
    let mut entries: Vec<Entry> = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = i + 2;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if t == "-" || t.starts_with("- ") {
            let Some(entry) = entries.last_mut() else {
                return Err(malformed(line, "a list item before any key".into()));
            };
            entry.items.push((line, t[1..].trim()));
            continue;
        }
        if indented {
            let Some(entry) = entries.last_mut() else {
                return Err(malformed(line, "an indented line before any key".into()));
            };
            entry.more.push(t);
            continue;
        }
        let Some((key, value)) = split_key(t) else {
            return Err(malformed(line, format!("expected `key: value`, found `{}`", shorten(t))));
        };
        if KNOWN.contains(&key) && entries.iter().any(|e| e.key == key) {
            return Err(malformed(line, format!("`{key}` is given twice")));
        }
        entries.push(Entry { key, line, inline: value, more: Vec::new(), items: Vec::new() });
    }

    let mut fm = FrontMatter::default();
    for entry in entries.iter().filter(|e| KNOWN.contains(&e.key)) {
        if entry.key == "tags" {
            fm.tags = list(entry)?;
            continue;
        }
        if entry.key == "refs" {
            fm.refs = list(entry)?;
            if let Some(bad) = crate::analysis::refs::unreadable(&fm.refs) {
                return Err(Error::BadRef { line: entry.line, value: bad.clone() });
            }
            continue;
        }
        if let Some(&(line, _)) = entry.items.first() {
            return Err(malformed(line, format!("`{}` takes one value, not a list", entry.key)));
        }
        let Some(value) = scalar_entry(entry)? else { continue };
        match entry.key {
            "title" => fm.title = Some(value),
            "url" => fm.url = Some(value),
            "lang" => fm.lang = Some(value),
            "order" => match value.parse::<i64>() {
                Ok(order) => fm.order = Some(order),
                Err(_) => {
                    let reason = format!("`order` must be an integer, found `{}`", shorten(&value));
                    return Err(malformed(entry.line, reason));
                }
            },
            _ => {
                let day = date::normalise(&value).ok_or(Error::BadDate { line: entry.line, value })?;
                fm.date = Some(day);
            }
        }
    }
    Ok(fm)
}

/// `key: value` or `key:` — a colon that ends the key is followed by a space or ends the line.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let (key, rest) = (line[..colon].trim(), &line[colon + 1..]);
    if key.is_empty() || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, rest.trim()))
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

/// The value of a one-value key, continuation lines joined; `None` when empty.
fn scalar_entry(entry: &Entry) -> Result<Option<String>, Error> {
    let block = matches!(entry.inline, ">" | "|" | ">-" | "|-" | ">+" | "|+");
    let mut value = if block { String::new() } else { scalar(entry.inline, entry.line)? };
    for more in &entry.more {
        if !value.is_empty() {
            value.push(' ');
        }
        value.push_str(more);
    }
    Ok(Some(value).filter(|v| !v.is_empty()))
}

/// The items of a list key (`tags`, `refs`), trimmed, without empty and repeated ones.
fn list(entry: &Entry) -> Result<Vec<String>, Error> {
    let mut tags = Vec::new();
    let inline = strip_comment(entry.inline);
    if let Some(list) = inline.strip_prefix('[') {
        let Some(list) = list.trim_end().strip_suffix(']') else {
            return Err(Error::Malformed { line: entry.line, reason: "`[` is not closed by `]`".into() });
        };
        for item in split_commas(list, entry.line)? {
            tags.push(scalar(item, entry.line)?);
        }
    } else if !inline.is_empty() {
        if inline.starts_with(['"', '\'']) {
            tags.push(scalar(inline, entry.line)?);
        } else {
            tags.extend(inline.split([',', '،']).map(str::to_string));
        }
    }
    if !entry.items.is_empty() && !inline.is_empty() {
        return Err(Error::Malformed {
            line: entry.items[0].0,
            reason: format!("`{}` has a value and a list", entry.key),
        });
    }
    for &(line, item) in &entry.items {
        tags.push(scalar(item, line)?);
    }
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    Ok(out)
}

/// Splits a flow list's inside at commas outside quotes.
fn split_commas(list: &str, line: usize) -> Result<Vec<&str>, Error> {
    let mut items = Vec::new();
    let (mut start, mut quote) = (0, None);
    for (i, c) in list.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, ',') => {
                items.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if quote.is_some() {
        return Err(Error::Malformed { line, reason: "a quote is not closed".into() });
    }
    items.push(list[start..].trim());
    Ok(items.into_iter().filter(|s| !s.is_empty()).collect())
}

/// Drops a ` # comment` from a plain value (YAML needs the space before `#`).
fn strip_comment(value: &str) -> &str {
    let cut = value.find(" #").or_else(|| value.find("\t#")).unwrap_or(value.len());
    value[..cut].trim()
}

/// A plain, 'single-quoted' ('' is a quote) or "double-quoted" (with \ escapes) value.
fn scalar(value: &str, line: usize) -> Result<String, Error> {
    let value = value.trim();
    let malformed = |reason: &str| Error::Malformed { line, reason: reason.into() };
    let quote = match value.chars().next() {
        Some(q @ ('"' | '\'')) => q,
        _ => return Ok(strip_comment(value).to_string()),
    };
    let mut out = String::new();
    let mut chars = value[1..].char_indices();
    let rest = loop {
        let Some((i, c)) = chars.next() else {
            return Err(malformed("a quote is not closed"));
        };
        match c {
            '\'' if quote == '\'' => {
                if value[1 + i + 1..].starts_with('\'') {
                    chars.next();
                    out.push('\'');
                } else {
                    break &value[1 + i + 1..];
                }
            }
            '"' if quote == '"' => break &value[1 + i + 1..],
            '\\' if quote == '"' => match chars.next().map(|(_, e)| e) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                    let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    out.push(c.ok_or_else(|| malformed("a bad `\\u` escape"))?);
                }
                Some(e @ ('"' | '\\' | '/')) => out.push(e),
                _ => return Err(malformed("an unknown `\\` escape")),
            },
            _ => out.push(c),
        }
    };
    let rest = rest.trim();
    if !rest.is_empty() && !rest.starts_with('#') {
        return Err(malformed("text after a closing quote"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(source: &str) -> Result<FrontMatter, Error> {
        split(source).map(|(fm, _)| fm)
    }

    #[test]
    fn no_front_matter_without_a_first_dashes_line() {
        assert_eq!(split("# عنوان\n---\n").unwrap(), (FrontMatter::default(), 0));
        assert_eq!(split("").unwrap(), (FrontMatter::default(), 0));
    }

    #[test]
    fn every_key_and_the_body_offset() {
        let source = "---\r\ntitle: \"عنوان: \\\"مقتبس\\\"\"  # comment\r\ndate: 2023-12-06T08:00:00Z\r\n\
                      url: https://example.org/a#b\r\nlang: ar\r\nlayout: post\r\nauthor:\r\n  name: x\r\n\
                      tags: [أمن, 'شرطة، مغرب', \"a, b\", أمن]\r\n---\r\nنص";
        let (fm, start) = split(source).unwrap();
        assert_eq!(&source[start..], "نص");
        assert_eq!(
            fm,
            FrontMatter {
                title: Some("عنوان: \"مقتبس\"".into()),
                date: Some("2023-12-06".into()),
                url: Some("https://example.org/a#b".into()),
                lang: Some("ar".into()),
                tags: vec!["أمن".into(), "شرطة، مغرب".into(), "a, b".into()],
                ..FrontMatter::default()
            }
        );
    }

    #[test]
    fn block_lists_plain_lists_and_folded_values() {
        let fm = fm("---\ntitle: >\n  سطر أول\n  سطر ثان\ntags:\n- أمن\n  - 'it''s'\n-\n...\n").unwrap();
        assert_eq!(fm.title.as_deref(), Some("سطر أول سطر ثان"));
        assert_eq!(fm.tags, ["أمن", "it's"]);
        assert_eq!(
            self::fm("---\ntags: أمن، شرطة, مغرب\ndate:\n---\n").unwrap().tags,
            ["أمن", "شرطة", "مغرب"]
        );
        assert_eq!(self::fm("---\n---\n").unwrap(), FrontMatter::default());
    }

    #[test]
    fn malformed_front_matter_names_its_line() {
        let bad = |source: &str| match fm(source) {
            Err(Error::Malformed { line, reason }) => (line, reason),
            other => panic!("{source:?}: {other:?}"),
        };
        assert_eq!(bad("---\ntitle: x\n"), (1, "no closing `---` line".into()));
        assert_eq!(
            bad("---\ntitle: x\njust words\n---\n"),
            (3, "expected `key: value`, found `just words`".into())
        );
        assert_eq!(bad("---\nhttps://example.org\n---\n").0, 2);
        assert_eq!(bad("---\ntitle: \"x\n---\n"), (2, "a quote is not closed".into()));
        assert_eq!(bad("---\ntitle: 'x' y\n---\n"), (2, "text after a closing quote".into()));
        assert_eq!(bad("---\n\ntags: [a, b\n---\n"), (3, "`[` is not closed by `]`".into()));
        assert_eq!(bad("---\ntitle:\n  - a\n---\n"), (3, "`title` takes one value, not a list".into()));
        assert_eq!(bad("---\ntitle: a\ntitle: b\n---\n"), (3, "`title` is given twice".into()));
        assert_eq!(bad("---\n- a\n---\n"), (2, "a list item before any key".into()));
        assert_eq!(bad("---\ntags: a\n- b\n---\n"), (3, "`tags` has a value and a list".into()));
    }

    #[test]
    fn refs_are_a_list_and_order_an_integer() {
        let fm = fm("---\nrefs: [\"2:255\", البقرة 255]\norder: -12\n---\n").unwrap();
        assert_eq!(fm.refs, ["2:255", "البقرة 255"]);
        assert_eq!(fm.order, Some(-12));
        assert_eq!(self::fm("---\nrefs:\n  - 7\n---\n").unwrap().refs, ["7"]);
        assert_eq!(
            self::fm("---\ntitle: x\norder: first\n---\n"),
            Err(Error::Malformed { line: 3, reason: "`order` must be an integer, found `first`".into() })
        );
        assert_eq!(
            self::fm("---\norder: 1.5\n---\n"),
            Err(Error::Malformed { line: 2, reason: "`order` must be an integer, found `1.5`".into() })
        );
        assert_eq!(
            self::fm("---\nrefs: [2:255, سورة]\n---\n"),
            Err(Error::BadRef { line: 2, value: "سورة".into() })
        );
        assert_eq!(
            self::fm("---\nrefs: 7\n- 8\n---\n"),
            Err(Error::Malformed { line: 3, reason: "`refs` has a value and a list".into() })
        );
    }

    #[test]
    fn a_bad_date_names_its_line() {
        assert_eq!(
            fm("---\ntitle: x\ndate: 2023-02-30\n---\n"),
            Err(Error::BadDate { line: 3, value: "2023-02-30".into() })
        );
    }
}
