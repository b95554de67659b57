//! Site chrome in text copied from web pages: what is not the article is taken out of a
//! document's text before it is indexed (the file on disk is never touched).
//!
//! Lines are compared by their folded words (as search folds them: diacritics, hamza forms, case
//! and punctuation do not matter). Removed are, and only these:
//!
//! 1. Chrome lines: a whole line that is a known site-chrome phrase — "اترك تعليقاً", "زر الذهاب
//!    إلى الأعلى", "مقالات ذات صلة", "Leave a comment", "Retour en haut"… ([`CHROME`]) — or a short
//!    line (at most [`PREFIX_MAX_WORDS`] words) that starts with a comment-form or rights notice —
//!    "لن يتم نشر عنوان بريدك الإلكتروني…", "Your email address will not be published…"
//!    ([`CHROME_PREFIXES`]).
//! 2. A trailing list after a marker: when a "related articles", "read also" or "leave a comment"
//!    line ([`MARKERS`]) is followed, up to the end, only by short link-like lines (at most
//!    [`LINK_MAX_WORDS`] words, not ending a sentence with `.`, `!`, `?` or `؟`), all of it goes.
//! 3. Captions: a paragraph of exactly two identical lines of at most [`CAPTION_MAX_WORDS`] words
//!    (a photo's alt text and its caption) keeps one of them.
//! 4. Lines repeated across the corpus: a line of at most [`REPEATED_MAX_WORDS`] words, with a
//!    letter and not ending with `:`, found in at least [`REPEATED_MIN_DOCUMENTS`] documents and
//!    in at least half of them — only at the top or at the bottom of a document (before its first
//!    or after its last line that is not such a line), where a site's header and footer are.
//!
//! Blank lines left around a removed line are merged, and a text that would lose everything is
//! kept whole. A text with nothing to remove is returned as it is, byte for byte.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::analysis::tokenize;

/// Whole lines that are site chrome wherever they are.
pub const CHROME: &[&str] = &[
    // Arabic
    "زر الذهاب إلى الأعلى",
    "الذهاب إلى الأعلى",
    "العودة إلى الأعلى",
    "العودة للأعلى",
    "الرجوع إلى الأعلى",
    "أرسل التعليق",
    "إرسال التعليق",
    "شارك المقال",
    "شارك هذا المقال",
    // English
    "Back to top",
    "Scroll to top",
    "Post comment",
    "Share this",
    "Share this article",
    // French
    "Retour en haut",
    "Haut de page",
    "Partager cet article",
];

/// Lines that are chrome and, when only short lines follow them to the end, start a trailing
/// block of chrome.
pub const MARKERS: &[&str] = &[
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "مقالات مشابهة",
    "اقرأ أيضاً",
    "شاهد أيضاً",
    "قد يعجبك أيضاً",
    "اترك تعليقاً",
    "أضف تعليقاً",
    "اترك رداً",
    "التعليقات مغلقة",
    "Related articles",
    "Related posts",
    "Related stories",
    "You may also like",
    "Read also",
    "Leave a comment",
    "Leave a reply",
    "Comments are closed",
    "Articles similaires",
    "Articles connexes",
    "À lire aussi",
    "Lire aussi",
    "Sur le même sujet",
    "Vous aimerez aussi",
    "Laisser un commentaire",
    "Laisser une réponse",
    "Les commentaires sont fermés",
];

/// A short line starting with one of these is chrome (comment forms, rights notices).
pub const CHROME_PREFIXES: &[&str] = &[
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها",
    "جميع الحقوق محفوظة",
    "Your email address will not be published",
    "Required fields are marked",
    "All rights reserved",
    "Votre adresse e-mail ne sera pas publiée",
    "Votre adresse de messagerie ne sera pas publiée",
    "Les champs obligatoires sont indiqués",
    "Tous droits réservés",
];

pub const PREFIX_MAX_WORDS: usize = 25;
pub const LINK_MAX_WORDS: usize = 20;
pub const CAPTION_MAX_WORDS: usize = 12;
pub const REPEATED_MAX_WORDS: usize = 20;
pub const REPEATED_MIN_DOCUMENTS: usize = 3;
/// Longer lines are never compared.
const KEY_MAX_WORDS: usize = 40;

/// The folded words of a line, space-separated; `None` for a long line or one without words.
fn key(line: &str) -> Option<String> {
    if line.split_whitespace().count() > KEY_MAX_WORDS {
        return None;
    }
    let words: Vec<String> = tokenize(line).into_iter().filter_map(|t| t.terms.into_iter().next()).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn keys(phrases: &[&str]) -> HashSet<String> {
    phrases.iter().filter_map(|p| key(p)).collect()
}

/// Can `line` be a line repeated across documents?
fn repeatable(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=REPEATED_MAX_WORDS).contains(&words)
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with([':', '：'])
}

/// Built once per corpus: knows which lines the corpus repeats.
pub struct Cleaner {
    chrome: HashSet<String>,
    markers: HashSet<String>,
    prefixes: Vec<String>,
    repeated: HashSet<String>,
}

impl Cleaner {
    /// A cleaner for the documents whose texts are `texts` (all those it will clean).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut documents = 0;
        for text in texts {
            documents += 1;
            let lines: HashSet<String> =
                text.lines().map(str::trim).filter(|l| repeatable(l)).filter_map(key).collect();
            for line in lines {
                *counts.entry(line).or_default() += 1;
            }
        }
        let repeated = counts
            .into_iter()
            .filter(|&(_, n)| n >= REPEATED_MIN_DOCUMENTS && 2 * n >= documents)
            .map(|(line, _)| line)
            .collect();
        let markers = keys(MARKERS);
        let mut chrome = keys(CHROME);
        chrome.extend(markers.iter().cloned());
        let prefixes = CHROME_PREFIXES.iter().filter_map(|p| key(p)).collect();
        Cleaner { chrome, markers, prefixes, repeated }
    }

    fn is_chrome(&self, line: &Line) -> bool {
        let Some(key) = &line.key else { return false };
        self.chrome.contains(key)
            || (line.words <= PREFIX_MAX_WORDS
                && self.prefixes.iter().any(|p| {
                    key.strip_prefix(p.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                }))
    }

    /// `text` without its chrome; borrowed when nothing is removed.
    pub fn clean<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let lines = lines(text);
        let mut removed = vec![false; lines.len()];

        // 1. Chrome lines.
        for (i, line) in lines.iter().enumerate() {
            removed[i] = self.is_chrome(line);
        }
        // 2. A marker followed only by short link-like lines.
        let marker = lines.iter().enumerate().position(|(i, line)| {
            line.key.as_ref().is_some_and(|k| self.markers.contains(k))
                && lines[i + 1..].iter().zip(&removed[i + 1..]).all(|(l, &r)| r || l.blank || l.link_like())
        });
        if let Some(m) = marker {
            removed[m..].iter_mut().for_each(|r| *r = true);
        }
        // 3. A paragraph of two identical short lines.
        let mut start = 0;
        while start < lines.len() {
            let end = (start..lines.len()).find(|&i| lines[i].blank).unwrap_or(lines.len());
            if end - start == 2 {
                let (a, b) = (&lines[start], &lines[start + 1]);
                if a.text == b.text && a.words <= CAPTION_MAX_WORDS && !removed[start] {
                    removed[start + 1] = true;
                }
            }
            start = end + 1;
        }
        // 4. Lines the corpus repeats, at the top and at the bottom.
        let repeated = |line: &Line| {
            repeatable(line.text) && line.key.as_ref().is_some_and(|k| self.repeated.contains(k))
        };
        for order in [true, false] {
            let indices: Box<dyn Iterator<Item = usize>> =
                if order { Box::new(0..lines.len()) } else { Box::new((0..lines.len()).rev()) };
            for i in indices {
                if lines[i].blank || removed[i] {
                    continue;
                }
                if !repeated(&lines[i]) {
                    break;
                }
                removed[i] = true;
            }
        }

        if !removed.contains(&true) || lines.iter().zip(&removed).all(|(l, &r)| r || l.blank) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(rebuild(text, &lines, &removed))
    }
}

struct Line<'t> {
    /// The line with its terminator.
    span: &'t str,
    /// The line trimmed.
    text: &'t str,
    blank: bool,
    words: usize,
    key: Option<String>,
}

impl Line<'_> {
    fn link_like(&self) -> bool {
        let ends_sentence = self.text.ends_with(['.', '!', '?', '؟']) && !self.text.ends_with("..");
        self.words <= LINK_MAX_WORDS && !ends_sentence
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    text.split_inclusive('\n')
        .map(|span| {
            let text = span.trim();
            let words = text.split_whitespace().count();
            let key = if words == 0 { None } else { key(text) };
            Line { span, text, blank: text.is_empty(), words, key }
        })
        .collect()
}

/// The kept lines; a blank line after a removed one is dropped when the last kept line is blank
/// (or nothing is kept yet), and the blank lines after the last kept text line are dropped when
/// anything after it was removed. The text ends with a line break only when the original did.
fn rebuild(text: &str, lines: &[Line], removed: &[bool]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_blank = true;
    let mut after_removed = false;
    let mut last_text_end = 0;
    let mut removed_at_end = false;
    for (line, &r) in lines.iter().zip(removed) {
        if r {
            after_removed = true;
            removed_at_end = true;
            continue;
        }
        if line.blank && after_removed && last_blank {
            continue;
        }
        out.push_str(line.span);
        last_blank = line.blank;
        if !line.blank {
            after_removed = false;
            removed_at_end = false;
            last_text_end = out.len();
        }
    }
    if removed_at_end {
        out.truncate(last_text_end);
    }
    let ends_with_break = text.ends_with('\n');
    if !ends_with_break {
        while out.ends_with(['\n', '\r']) {
            out.pop();
        }
    } else if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        Cleaner::new([text]).clean(text).into_owned()
    }

    #[test]
    fn chrome_lines_and_the_comment_form_go() {
        let text = "عنوان\n\nفقرة المقال.\n\n\u{a0}\n\nمقالات ذات صلة\n\nاترك تعليقاً\n\n\
                    لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\nزر الذهاب إلى الأعلى";
        assert_eq!(clean(text), "عنوان\n\nفقرة المقال.");
        assert_eq!(clean(&format!("{text}\n")), "عنوان\n\nفقرة المقال.\n");
    }

    #[test]
    fn a_trailing_list_of_links_after_a_marker_goes() {
        let text = "فقرة المقال.\n\nRead also:\nأول عنوان مقال آخر\nثاني عنوان مقال آخر\n";
        assert_eq!(clean(text), "فقرة المقال.\n");
        // Not when a paragraph follows: only the marker line goes.
        let text = "فقرة.\n\nاقرأ أيضا\n\nفقرة أخيرة من المقال تنتهي بنقطة.\n";
        assert_eq!(clean(text), "فقرة.\n\nفقرة أخيرة من المقال تنتهي بنقطة.\n");
    }

    #[test]
    fn a_doubled_caption_keeps_one_line() {
        let text = "فقرة.\n\nحموشي وبومبيو\nحموشي وبومبيو\n\nفقرة ثانية.";
        assert_eq!(clean(text), "فقرة.\n\nحموشي وبومبيو\n\nفقرة ثانية.");
        // Repeated lines inside a longer paragraph (a chant, a poem) stay.
        let chant = "الله أكبر\nالله أكبر\nأشهد أن لا إله إلا الله\n";
        assert_eq!(clean(chant), chant);
    }

    #[test]
    fn chrome_phrases_inside_sentences_stay() {
        let text = "قال إن زر الذهاب إلى الأعلى لا يعمل.\nLeave a comment below, he said.";
        assert!(matches!(Cleaner::new([text]).clean(text), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_repeated_across_documents_go_at_the_edges_only() {
        let docs = [
            "موقع الأخبار\n\nعنوان أول\n\nنص أول.\n\nسطر متكرر\n\nنص آخر.\n\nجميع المواد متاحة للجميع\n",
            "موقع الأخبار\n\nعنوان ثان\n\nنص ثان.\n\nسطر متكرر\n\nجميع المواد متاحة للجميع\n",
            "موقع الأخبار\nعنوان ثالث\nسطر متكرر\nنص ثالث.\nجميع المواد متاحة للجميع\n",
            "عنوان رابع\n\nنص رابع.\n",
            "موقع الأخبار\n\nسطر متكرر\n",
        ];
        let cleaner = Cleaner::new(docs);
        assert_eq!(cleaner.clean(docs[0]), "عنوان أول\n\nنص أول.\n\nسطر متكرر\n\nنص آخر.\n");
        assert_eq!(cleaner.clean(docs[1]), "عنوان ثان\n\nنص ثان.\n");
        assert_eq!(cleaner.clean(docs[2]), "عنوان ثالث\nسطر متكرر\nنص ثالث.\n");
        assert!(matches!(cleaner.clean(docs[3]), Cow::Borrowed(_)));
        // Nothing would be left: kept whole.
        assert_eq!(cleaner.clean(docs[4]), docs[4]);
        // Two documents of four are not enough when the line is in fewer than three.
        let two = ["تذييل\nنص أول.", "تذييل\nنص ثان.", "نص ثالث.", "نص رابع."];
        assert!(matches!(Cleaner::new(two).clean(two[0]), Cow::Borrowed(_)));
    }

    #[test]
    fn crlf_line_ends_are_kept() {
        assert_eq!(clean("فقرة.\r\n\r\nBack to top\r\n\r\nفقرة ثانية.\r\n"), "فقرة.\r\n\r\nفقرة ثانية.\r\n");
    }
}
