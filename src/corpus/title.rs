//! A document's title from its text: the first line when it is a headline, else the start of
//! the first sentence cut at a word boundary.

use crate::analysis::{fold, is_stopword};

/// A first line of at most this many words, followed by a blank line or short enough, is a
/// headline.
const HEADLINE_MAX_WORDS: usize = 30;
const SHORT_HEADLINE_WORDS: usize = 14;
/// A derived title keeps at most this many words of the first sentence.
const DERIVED_MAX_WORDS: usize = 12;
/// A clause ending (، ؛ :) this far in makes a good place to stop a derived title.
const DERIVED_MIN_CLAUSE_WORDS: usize = 6;

pub fn title(text: &str) -> String {
    let mut lines = text.lines().map(str::trim);
    let Some(first) = lines.by_ref().find(|l| !l.is_empty()) else {
        return String::new();
    };
    let words = first.split_whitespace().count();
    let blank_after = lines.next().is_some_and(str::is_empty);
    let ends_sentence = first.ends_with(['.', '!', '؟', '?']) && !first.ends_with("..");
    if words <= HEADLINE_MAX_WORDS && (blank_after || words <= SHORT_HEADLINE_WORDS) && !ends_sentence {
        return first.to_string();
    }
    derive(first)
}

fn derive(line: &str) -> String {
    let sentence_end = line.find(['.', '!', '؟', '?']).unwrap_or(line.len());
    let sentence = &line[..sentence_end];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= DERIVED_MAX_WORDS {
        return words.join(" ");
    }
    let mut kept = &words[..DERIVED_MAX_WORDS];
    if let Some(clause) = kept.iter().rposition(|w| w.ends_with(['،', '؛', ':', ','])) {
        if clause + 1 >= DERIVED_MIN_CLAUSE_WORDS {
            let title = kept[..=clause].join(" ");
            return title.trim_end_matches(['،', '؛', ':', ',']).to_string();
        }
    }
    while kept.len() > 1 && is_stopword(&fold(kept[kept.len() - 1])) {
        kept = &kept[..kept.len() - 1];
    }
    let title = kept.join(" ");
    format!("{}…", title.trim_end_matches(['،', '؛', ':', ',']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_is_the_headline() {
        assert_eq!(title("حموشي من روسيا\nنص المقال الطويل."), "حموشي من روسيا");
    }

    #[test]
    fn a_long_first_line_before_a_blank_line_is_a_headline_too() {
        let headline = "رجل الدبلوماسية الأمنية عبد اللطيف حموشي يعزز مسار المغرب في المجال الأمني.. وطنجة تنظم المؤتمر السابع والأربعين لقادة الشرطة";
        assert_eq!(title(&format!("{headline}\n\nستشهد مدينة طنجة")), headline);
    }

    #[test]
    fn a_paragraph_gives_its_first_clause_when_it_is_long_enough() {
        let text = "السيد عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني بالمغرب، شارك مؤخرًا في الاجتماع الدولي.";
        assert_eq!(
            title(text),
            "السيد عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني بالمغرب"
        );
    }

    #[test]
    fn otherwise_it_is_cut_at_a_word_without_a_dangling_function_word() {
        let text = "نجح المدير العام للأمن الوطني ومراقبة التراب الوطني عبد اللطيف الحموشي في ترسيخ حضور أمني ودبلوماسي غير مسبوق للمغرب خلال انعقاد الجمعية العامة.";
        assert_eq!(title(text), "نجح المدير العام للأمن الوطني ومراقبة التراب الوطني عبد اللطيف الحموشي…");
    }

    #[test]
    fn a_short_sentence_is_the_title_without_its_period() {
        assert_eq!(
            title(
                "قال المدير إن الأمن أولوية وطنية. ثم أضاف كلاما كثيرا لا يتسع له عنوان قصير في سطر واحد أبدا"
            ),
            "قال المدير إن الأمن أولوية وطنية"
        );
        assert_eq!(title("  \n\n"), "");
    }
}
