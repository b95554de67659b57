//! A document as the corpus gives it, before indexing.

/// One document of the corpus. `text` is the text as indexed — for `.txt`, `.md` and `.html`
/// the file's text without site chrome, for `.jsonl` the `text` field as given — and is what
/// `get` returns and snippets are cut from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Unique, stable id (for a `.txt` file: its path in the corpus folder, without extension).
    pub id: String,
    pub title: String,
    pub text: String,
    /// Where the document lives on the site, if it has a page of its own.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub tags: Vec<String>,
    /// References that find the document when typed as the whole query (`2:255`, `البقرة 255`,
    /// a hadith number), read into keys by `analysis::refs`.
    pub refs: Vec<String>,
}

impl Document {
    /// Byte offset where the body starts: after the first line when that line is the title
    /// (a headline), so the headline is indexed once, as the title; else 0.
    pub fn body_start(&self) -> usize {
        let first_line_end = self.text.find('\n').unwrap_or(self.text.len());
        let first_line = &self.text[..first_line_end];
        if !self.title.is_empty() && first_line.trim() == self.title {
            (first_line_end + 1).min(self.text.len())
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> Document {
        Document { id: "x".into(), title: title.into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn a_headline_title_is_not_part_of_the_body() {
        let d = doc("عنوان", "عنوان\nنص المقال");
        assert_eq!(&d.text[d.body_start()..], "نص المقال");
    }

    #[test]
    fn a_derived_title_leaves_the_whole_text_as_body() {
        let d = doc("نص المقال…", "نص المقال الطويل");
        assert_eq!(d.body_start(), 0);
        assert_eq!(doc("عنوان", "عنوان").body_start(), "عنوان".len());
    }
}
