//! Plain text out of a tree of blocks (the Markdown and HTML readers): runs of whitespace become
//! one space, blocks are separated by line breaks, and no text starts or ends with a break.
//!
//! Breaks are asked for, not written: a paragraph's end and the next paragraph's start ask for the
//! same blank line, which is written once, only when more text comes.

/// What separates the next piece of text from the last one, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    None,
    /// A space: between words.
    Space,
    /// A newline: between list items, table rows, lines of a poem (`<br>`).
    Line,
    /// A blank line: between paragraphs, headings and other blocks.
    Paragraph,
}

#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    pending: Option<Break>,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    /// Asks for at least `b` before the next text.
    pub fn want(&mut self, b: Break) {
        self.pending = Some(self.pending.map_or(b, |p| p.max(b)));
    }

    /// Inline text: whitespace inside it, around it and between pieces collapses to one space.
    pub fn text(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.want(Break::Space);
            }
            if !word.is_empty() {
                self.flush();
                self.out.push_str(word);
            }
        }
    }

    /// Preformatted text (code): its line breaks are kept, spaces inside a line collapse.
    pub fn preformatted(&mut self, text: &str) {
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                self.want(Break::Line);
            }
            self.text(line);
        }
    }

    fn flush(&mut self) {
        let pending = self.pending.take();
        if self.out.is_empty() {
            return;
        }
        match pending {
            None | Some(Break::None) => {}
            Some(Break::Space) => self.out.push(' '),
            Some(Break::Line) => self.out.push('\n'),
            Some(Break::Paragraph) => self.out.push_str("\n\n"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_the_strongest_break_wins() {
        let mut w = Writer::new();
        w.want(Break::Paragraph);
        w.text("  عنوان \n المقال ");
        w.want(Break::Line);
        w.want(Break::Paragraph);
        w.want(Break::Space);
        w.text("نص");
        w.text("ملتصق");
        w.text(" ثم كلمة");
        w.want(Break::Paragraph);
        assert_eq!(w.finish(), "عنوان المقال\n\nنصملتصق ثم كلمة");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let mut w = Writer::new();
        w.text("قبل");
        w.want(Break::Paragraph);
        w.preformatted("fn main() {\n    run();\n}\n");
        assert_eq!(w.finish(), "قبل\n\nfn main() {\nrun();\n}");
    }
}
