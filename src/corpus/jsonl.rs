//! JSON Lines: one document per line, a JSON object with string fields `id`, `title` and `text`
//! (required; `null` counts as missing), and optional `url` (string), `date` (`YYYY-MM-DD`, a
//! time after it is dropped), `tags` and `refs` (arrays of strings; a ref must read as a
//! reference, see `analysis::refs`) and `order` (an integer: the document's place in the
//! collection, see the [corpus docs](super)). Other fields are ignored; blank lines are skipped.
//! The document id is the `id` field, whatever the file is called. An empty `title` lets the
//! caller derive one from the text.

use serde_json::{Map, Value};

use super::date;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the file.
    pub line: usize,
    pub id: String,
    pub title: String,
    pub text: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub tags: Vec<String>,
    pub refs: Vec<String>,
    pub order: Option<i64>,
}

/// What is wrong with a line (1-based).
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    Json {
        line: usize,
        message: String,
    },
    Missing {
        line: usize,
        field: &'static str,
    },
    BadField {
        line: usize,
        field: &'static str,
        expected: &'static str,
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

pub fn read(source: &str) -> Result<Vec<Record>, Error> {
    let mut records = Vec::new();
    for (i, raw) in source.split('\n').enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(raw).map_err(|e| Error::Json { line, message: message(&e, raw) })?;
        let Value::Object(object) = value else {
            let message = format!("expected an object, found {}", kind(&value));
            return Err(Error::Json { line, message });
        };
        records.push(record(&object, line)?);
    }
    Ok(records)
}

/// serde's message, its position given as a column counted in characters (serde counts bytes;
/// the line is the file's, given apart).
fn message(e: &serde_json::Error, line: &str) -> String {
    let full = e.to_string();
    let byte = e.column().saturating_sub(1).min(line.len());
    let column = line.char_indices().take_while(|&(i, _)| i < byte).count() + 1;
    match full.rfind(" at line ") {
        Some(cut) => format!("{} at column {column}", &full[..cut]),
        None => full,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn record(object: &Map<String, Value>, line: usize) -> Result<Record, Error> {
    let field = |name: &'static str| object.get(name).filter(|v| !v.is_null());
    let required = |name: &'static str| -> Result<String, Error> {
        match field(name) {
            None => Err(Error::Missing { line, field: name }),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(Error::BadField { line, field: name, expected: "a string" }),
        }
    };
    let id = required("id")?;
    let title = required("title")?;
    let text = required("text")?;
    if id.trim().is_empty() {
        return Err(Error::BadField { line, field: "id", expected: "a non-empty string" });
    }
    let url = match field("url") {
        None => None,
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(_) => return Err(Error::BadField { line, field: "url", expected: "a string" }),
    };
    let date = match field("date") {
        None => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => {
            Some(date::normalise(s).ok_or_else(|| Error::BadDate { line, value: s.clone() })?)
        }
        Some(_) => return Err(Error::BadField { line, field: "date", expected: "a string (YYYY-MM-DD)" }),
    };
    let tags = strings(field("tags"), line, "tags")?;
    let refs = strings(field("refs"), line, "refs")?;
    if let Some(bad) = crate::analysis::refs::unreadable(&refs) {
        return Err(Error::BadRef { line, value: bad.clone() });
    }
    let order = match field("order") {
        None => None,
        Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
        Some(_) => return Err(Error::BadField { line, field: "order", expected: "an integer" }),
    };
    Ok(Record { line, id, title: title.trim().to_string(), text, url, date, tags, refs, order })
}

/// An optional array of strings, trimmed, without empty and repeated ones.
fn strings(value: Option<&Value>, line: usize, field: &'static str) -> Result<Vec<String>, Error> {
    let bad = || Error::BadField { line, field, expected: "an array of strings" };
    let mut out: Vec<String> = Vec::new();
    let items = match value {
        None => return Ok(out),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(bad()),
    };
    for item in items {
        let Value::String(s) = item else { return Err(bad()) };
        let s = s.trim();
        if !s.is_empty() && !out.iter().any(|t| t == s) {
            out.push(s.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_with_and_without_metadata() {
        let source = "{\"id\":\"a\",\"title\":\" أ \",\"text\":\"نص\",\"url\":\"/a\",\"date\":\"2023-12-06T10:00Z\",\
                      \"tags\":[\"x\",\" y \",\"x\",\"\"],\"extra\":1,\"refs\":[\"2:255\",\"البقرة 255\"],\"order\":-3}\r\n\n  \n{\"id\":\"b\",\"title\":\"\",\"text\":\"\",\
                      \"url\":null,\"date\":\"\",\"tags\":null}";
        let records = read(source).unwrap();
        assert_eq!(
            records,
            [
                Record {
                    line: 1,
                    id: "a".into(),
                    title: "أ".into(),
                    text: "نص".into(),
                    url: Some("/a".into()),
                    date: Some("2023-12-06".into()),
                    tags: vec!["x".into(), "y".into()],
                    refs: vec!["2:255".into(), "البقرة 255".into()],
                    order: Some(-3),
                },
                Record { line: 4, id: "b".into(), ..Record::default() },
            ]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let line2 =
            |second: &str| read(&format!("{{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\"}}\n{second}\n"));
        assert_eq!(
            line2("{\"id\": \"b\" \"title\": 1}"),
            Err(Error::Json { line: 2, message: "expected `,` or `}` at column 12".into() })
        );
        assert_eq!(
            line2("[1]"),
            Err(Error::Json { line: 2, message: "expected an object, found an array".into() })
        );
        assert_eq!(line2("{\"id\":\"b\",\"text\":\"x\"}"), Err(Error::Missing { line: 2, field: "title" }));
        assert_eq!(
            line2("{\"id\":\"b\",\"title\":null,\"text\":\"x\"}"),
            Err(Error::Missing { line: 2, field: "title" })
        );
        assert_eq!(
            line2("{\"id\":7,\"title\":\"t\",\"text\":\"x\"}"),
            Err(Error::BadField { line: 2, field: "id", expected: "a string" })
        );
        assert_eq!(
            line2("{\"id\":\" \",\"title\":\"t\",\"text\":\"x\"}"),
            Err(Error::BadField { line: 2, field: "id", expected: "a non-empty string" })
        );
        assert_eq!(
            line2("{\"id\":\"b\",\"title\":\"t\",\"text\":\"x\",\"tags\":\"a\"}"),
            Err(Error::BadField { line: 2, field: "tags", expected: "an array of strings" })
        );
        assert_eq!(
            line2("{\"id\":\"b\",\"title\":\"t\",\"text\":\"x\",\"date\":\"6/12/2023\"}"),
            Err(Error::BadDate { line: 2, value: "6/12/2023".into() })
        );
        assert_eq!(
            line2("{\"id\":\"b\",\"title\":\"t\",\"text\":\"x\",\"refs\":[7]}"),
            Err(Error::BadField { line: 2, field: "refs", expected: "an array of strings" })
        );
        assert_eq!(
            line2("{\"id\":\"b\",\"title\":\"t\",\"text\":\"x\",\"refs\":[\"2\",\"سورة\"]}"),
            Err(Error::BadRef { line: 2, value: "سورة".into() })
        );
        for order in ["1.5", "\"3\"", "true", "1e3"] {
            assert_eq!(
                line2(&["{\"id\":\"b\",\"title\":\"t\",\"text\":\"x\",\"order\":", order, "}"].concat()),
                Err(Error::BadField { line: 2, field: "order", expected: "an integer" }),
                "{order}"
            );
        }
    }
}
