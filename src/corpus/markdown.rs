//! Markdown to plain text, with pulldown-cmark (CommonMark, plus tables and strikethrough).
//!
//! Paragraphs, headings, block quotes, code blocks, tables and lists are separated by blank
//! lines; list items and table rows go on lines of their own, table cells are separated by
//! spaces. Emphasis marks go, link text stays (its URL goes), images go with their alt text,
//! autolinks (`<https://…>`) go, inline code and code blocks stay as text (code keeps its line
//! breaks). Raw HTML blocks are read like an HTML page's body ([`super::html::fragment_text`]);
//! inline HTML tags are dropped, except that `<br>` breaks the line.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::html;
use super::writer::{Break, Writer};

/// The text of a Markdown document and its first level-1 heading, if any.
pub struct Rendered {
    pub text: String,
    pub h1: Option<String>,
}

pub fn render(markdown: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut w = Writer::new();
    let mut h1: Option<Writer> = None;
    let mut first_h1: Option<String> = None;
    let mut in_h1 = false;
    // Text inside these is dropped: image alt text, autolink text.
    let mut hidden = 0usize;
    let mut links_hidden: Vec<bool> = Vec::new();
    let mut items = 0usize;
    let mut code_block = false;
    let mut html_block = String::new();
    let mut in_html_block = false;

    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => w.want(if items > 0 { Break::Line } else { Break::Paragraph }),
                Tag::Heading { level, .. } => {
                    w.want(Break::Paragraph);
                    if level == HeadingLevel::H1 && first_h1.is_none() && !in_h1 {
                        in_h1 = true;
                        h1 = Some(Writer::new());
                    }
                }
                Tag::BlockQuote(_) | Tag::Table(_) => w.want(Break::Paragraph),
                Tag::CodeBlock(_) => {
                    w.want(Break::Paragraph);
                    code_block = true;
                }
                Tag::HtmlBlock => {
                    in_html_block = true;
                    html_block.clear();
                }
                Tag::List(_) => w.want(if items > 0 { Break::Line } else { Break::Paragraph }),
                Tag::Item => {
                    items += 1;
                    w.want(Break::Line);
                }
                Tag::TableHead | Tag::TableRow => w.want(Break::Line),
                Tag::TableCell => w.want(Break::Space),
                Tag::Image { .. } => hidden += 1,
                Tag::Link { link_type, .. } => {
                    let hide = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    hidden += usize::from(hide);
                    links_hidden.push(hide);
                }
                Tag::FootnoteDefinition(_) => w.want(Break::Paragraph),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => w.want(if items > 0 { Break::Line } else { Break::Paragraph }),
                TagEnd::Heading(_) => {
                    w.want(Break::Paragraph);
                    if in_h1 {
                        in_h1 = false;
                        first_h1 = h1.take().map(Writer::finish).filter(|t| !t.is_empty());
                    }
                }
                TagEnd::BlockQuote(_) | TagEnd::Table | TagEnd::FootnoteDefinition => {
                    w.want(Break::Paragraph)
                }
                TagEnd::CodeBlock => {
                    code_block = false;
                    w.want(Break::Paragraph);
                }
                TagEnd::HtmlBlock => {
                    in_html_block = false;
                    w.want(Break::Paragraph);
                    html::fragment_text(&html_block, &mut w);
                    w.want(Break::Paragraph);
                }
                TagEnd::List(_) => w.want(if items > 0 { Break::Line } else { Break::Paragraph }),
                TagEnd::Item => {
                    items -= 1;
                    w.want(Break::Line);
                }
                TagEnd::TableHead | TagEnd::TableRow => w.want(Break::Line),
                TagEnd::Image => hidden -= 1,
                TagEnd::Link if links_hidden.pop() == Some(true) => hidden -= 1,
                _ => {}
            },
            Event::Text(text) | Event::Code(text) => {
                if in_html_block {
                    html_block.push_str(&text);
                } else if hidden == 0 {
                    if code_block {
                        w.preformatted(&text);
                    } else {
                        w.text(&text);
                    }
                    if let Some(h) = h1.as_mut() {
                        h.text(&text);
                    }
                }
            }
            Event::Html(text) => html_block.push_str(&text),
            Event::InlineHtml(tag) => {
                let tag = tag.trim_start_matches('<').trim_start_matches('/').to_ascii_lowercase();
                if tag.starts_with("br") && !tag[2..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    w.want(Break::Line);
                }
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => w.text(&text),
            Event::SoftBreak => {
                w.want(Break::Space);
                if let Some(h) = h1.as_mut() {
                    h.want(Break::Space);
                }
            }
            Event::HardBreak => w.want(Break::Line),
            Event::Rule => w.want(Break::Paragraph),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    Rendered { text: w.finish(), h1: first_h1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lists_links_images_and_code() {
        let md = "# عنوان **المقال**\n\nفقرة أولى فيها [رابط](https://example.org) و![صورة](a.png)\nتكملة.\n\n\
                  ## قسم\n\n- بند أول\n- بند *ثان*\n  - بند متداخل\n\n1. مرقم\n\n> اقتباس\n\n\
                  ```rust\nfn main() {\n    run();\n}\n```\n\nنص `code` و <https://example.org> انتهى<br>سطر\n\n---\n\n\
                  | أ | ب |\n|---|---|\n| ج | د |\n";
        let r = render(md);
        assert_eq!(r.h1.as_deref(), Some("عنوان المقال"));
        assert_eq!(
            r.text,
            "عنوان المقال\n\nفقرة أولى فيها رابط و تكملة.\n\nقسم\n\nبند أول\nبند ثان\nبند متداخل\n\nمرقم\n\n\
             اقتباس\n\nfn main() {\nrun();\n}\n\nنص code و انتهى\nسطر\n\nأ ب\nج د"
        );
    }

    #[test]
    fn html_blocks_are_read_as_html_and_loose_items_stay_on_lines() {
        let r = render(
            "## ليس h1\n\n<div>\n<p>فقرة <b>داخل</b> HTML</p><script>x()</script>\n</div>\n\n- أ\n\n- ب\n",
        );
        assert_eq!(r.h1, None);
        assert_eq!(r.text, "ليس h1\n\nفقرة داخل HTML\n\nأ\nب");
    }

    #[test]
    fn setext_headings_are_headings() {
        let r = render("العنوان\n=====\n\nنص\n\nعنوان آخر\n=====\n");
        assert_eq!(r.h1.as_deref(), Some("العنوان"));
        assert_eq!(r.text, "العنوان\n\nنص\n\nعنوان آخر");
    }
}
