//! HTML pages to documents, with scraper (html5ever, the browsers' parsing algorithm).
//!
//! - Text: the first `<main>`, else the first `<article>`, else `<body>`; without `script`,
//!   `style`, `nav`, `header`, `footer`, `template`, `noscript`, images, and any element with a
//!   `data-fahras-ignore` attribute. Whitespace collapses; paragraphs, headings, lists, tables,
//!   sections… are separated by blank lines, `<li>`, `<div>`, `<tr>`, `<dt>`/`<dd>` and `<br>` by
//!   line breaks, table cells by spaces; `<pre>` keeps its line breaks.
//! - Title: `<title>`, else the first `<h1>` of the text's element (even inside its `<header>`),
//!   else the first `<h1>` of the page; else the caller derives one from the text.
//! - `url`: `<link rel="canonical" href>`.
//! - `date`: the first `<meta content>` named `date`, `dc.date` or `dcterms.date`, or with
//!   `property="article:published_time"` or `itemprop="datePublished"` — a malformed one is an
//!   error; else the first `<time datetime>` of the text's element whose value is a date (other
//!   `datetime` values, like times of day, are valid HTML and are passed over).
//! - `tags`: `<meta name="keywords">`, split at commas (`,` or `،`).

use scraper::{ElementRef, Html, Node};

use super::date;
use super::writer::{Break, Writer};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub tags: Vec<String>,
}

/// A `<meta>` date that is not a date, and the 1-based line where its value is written (when the
/// value is found verbatim in the source).
#[derive(Debug, PartialEq, Eq)]
pub struct BadDate {
    pub value: String,
    pub line: Option<usize>,
}

const SKIPPED: [&str; 7] = ["script", "style", "nav", "header", "footer", "template", "noscript"];
const PARAGRAPHS: [&str; 31] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "details",
    "dialog",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
];
const LINES: [&str; 8] = ["br", "dd", "div", "dt", "legend", "li", "option", "tr"];
const SPACES: [&str; 4] = ["img", "td", "th", "input"];
const DATE_NAMES: [&str; 3] = ["date", "dc.date", "dcterms.date"];

pub fn read(source: &str) -> Result<Page, BadDate> {
    let doc = Html::parse_document(source);
    let all: Vec<ElementRef> = doc.root_element().descendent_elements().collect();
    let first = |name: &str| all.iter().copied().find(|e| e.value().name() == name);
    let root = first("main").or_else(|| first("article")).or_else(|| first("body"));
    let root = root.unwrap_or_else(|| doc.root_element());

    let mut w = Writer::new();
    write_element(root, &mut w, 0);

    let in_svg =
        |e: &ElementRef| e.ancestors().any(|a| a.value().as_element().is_some_and(|a| a.name() == "svg"));
    let title_element = all.iter().copied().find(|e| e.value().name() == "title" && !in_svg(e));
    let h1 = root.descendent_elements().find(|e| e.value().name() == "h1").or_else(|| first("h1"));
    let title = title_element.map(collapse).filter(|t| !t.is_empty());
    let title = title.or_else(|| h1.map(collapse).filter(|t| !t.is_empty()));

    let mut page = Page { title, text: w.finish(), ..Page::default() };
    for e in all.iter().map(|e| e.value()) {
        match e.name() {
            "link" if page.url.is_none() => {
                let canonical = e.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                let href = e.attr("href").map(str::trim).filter(|h| !h.is_empty());
                if let (true, Some(href)) = (canonical, href) {
                    page.url = Some(href.to_string());
                }
            }
            "meta" => {
                let name = e.attr("name").unwrap_or("").trim().to_ascii_lowercase();
                let property = e.attr("property").unwrap_or("").trim();
                let itemprop = e.attr("itemprop").unwrap_or("").trim();
                let content = e.attr("content").unwrap_or("").trim();
                if content.is_empty() {
                    continue;
                }
                if name == "keywords" && page.tags.is_empty() {
                    for tag in content.split([',', '،']).map(str::trim).filter(|t| !t.is_empty()) {
                        if !page.tags.iter().any(|t| t == tag) {
                            page.tags.push(tag.to_string());
                        }
                    }
                }
                let is_date = DATE_NAMES.contains(&name.as_str())
                    || property == "article:published_time"
                    || itemprop == "datePublished";
                if is_date && page.date.is_none() {
                    let day = date::normalise(content).ok_or_else(|| BadDate {
                        value: content.to_string(),
                        line: line_of(source, content),
                    })?;
                    page.date = Some(day);
                }
            }
            _ => {}
        }
    }
    if page.date.is_none() {
        page.date = root
            .descendent_elements()
            .filter(|e| e.value().name() == "time")
            .find_map(|e| e.value().attr("datetime").and_then(date::normalise));
    }
    Ok(page)
}

/// Writes the text of an HTML fragment (a Markdown HTML block) with the page rules.
pub fn fragment_text(html: &str, w: &mut Writer) {
    let fragment = Html::parse_fragment(html);
    write_element(fragment.root_element(), w, 0);
}

/// `node`'s text (whitespace collapsed), skipped elements left out.
fn collapse(element: ElementRef) -> String {
    let mut w = Writer::new();
    write_element(element, &mut w, 0);
    w.finish().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_element(element: ElementRef, w: &mut Writer, pre: usize) {
    let e = element.value();
    let name = e.name();
    if SKIPPED.contains(&name) || e.attr("data-fahras-ignore").is_some() {
        return;
    }
    let pre = pre + usize::from(name == "pre");
    let around = if PARAGRAPHS.contains(&name) {
        Break::Paragraph
    } else if LINES.contains(&name) {
        Break::Line
    } else if SPACES.contains(&name) {
        Break::Space
    } else {
        Break::None
    };
    if around != Break::None {
        w.want(around);
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) if pre > 0 => w.preformatted(text),
            Node::Text(text) => w.text(text),
            Node::Element(_) => write_element(ElementRef::wrap(child).expect("an element"), w, pre),
            _ => {}
        }
    }
    if around != Break::None {
        w.want(around);
    }
}

/// 1-based line of the first occurrence of `value` in `source`.
fn line_of(source: &str, value: &str) -> Option<usize> {
    source.find(value).map(|at| source[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_chrome_and_with_metadata() {
        let source = r#"<!DOCTYPE html>
<html lang="ar"><head>
  <title> عنوان
     الصفحة </title>
  <link rel="alternate stylesheet" href="/x.css"><link rel="Canonical" href=" https://example.org/a ">
  <meta name="Keywords" content="أمن، شرطة, أمن ,">
  <meta property="article:published_time" content="2023-12-06T08:00:00+01:00">
  <style>p { color: red }</style>
</head><body>
  <header><h1>اسم الموقع</h1><nav><a href="/">الرئيسية</a></nav></header>
  <main>
    <article><header><h1>عنوان المقال</h1></header>
      <p>فقرة <b>أولى</b>
         على سطرين.<script>alert(1)</script></p>
      <figure><img src="a.png" alt="صورة"><figcaption>تعليق الصورة</figcaption></figure>
      <ul><li>بند أول</li><li>بند <a href="/b">ثان</a></li></ul>
      <div>سطر</div><div>سطر آخر<br>بعد فاصل</div>
      <table><tr><th>أ</th><th>ب</th></tr><tr><td>ج</td><td>د</td></tr></table>
      <pre>code()
  more()</pre>
      <aside>جانبي</aside>
      <div data-fahras-ignore><p>إعلان</p></div>
      <noscript>فعّل جافاسكربت</noscript><template><p>قالب</p></template>
    </article>
  </main>
  <footer>جميع الحقوق محفوظة</footer>
</body></html>"#;
        let page = read(source).unwrap();
        assert_eq!(page.title.as_deref(), Some("عنوان الصفحة"));
        assert_eq!(page.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(page.date.as_deref(), Some("2023-12-06"));
        assert_eq!(page.tags, ["أمن", "شرطة"]);
        assert_eq!(
            page.text,
            "فقرة أولى على سطرين.\n\nتعليق الصورة\n\nبند أول\nبند ثان\n\nسطر\nسطر آخر\nبعد فاصل\n\n\
             أ ب\nج د\n\ncode()\nmore()\n\nجانبي"
        );
    }

    #[test]
    fn article_then_body_and_h1_titles() {
        let page =
            read("<body><nav>قائمة</nav><article><h1> عنوان </h1><p>نص</p></article><p>خارج</p></body>")
                .unwrap();
        assert_eq!(page.title.as_deref(), Some("عنوان"));
        assert_eq!(page.text, "عنوان\n\nنص");
        let page = read(
            "<p>نص <time datetime=\"14:00\">الثانية</time> <time datetime=\"2024-02-29\">أمس</time></p>",
        )
        .unwrap();
        assert_eq!((page.title, page.text.as_str()), (None, "نص الثانية أمس"));
        assert_eq!(page.date.as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn a_malformed_meta_date_is_an_error_with_its_line() {
        let source =
            "<html><head>\n<meta name=\"date\" content=\"6 décembre 2023\">\n</head><body>نص</body></html>";
        assert_eq!(read(source), Err(BadDate { value: "6 décembre 2023".into(), line: Some(2) }));
    }
}
