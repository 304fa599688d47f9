//! Case numbers (sagsnumre, journalnumre, dokumentnumre) in the styles Danish case systems print:
//! `326-2015-11347`, `25-003411`, `15/6733`, `2024-004512`, KLE-style `00.01.00-P35-200-22` and
//! `27.12.08-G01-3-23`, usually after a label such as `Sagsnr.:`, `J.nr.` or `Dokumentnr.`.

use super::words::plain_punctuation;
use regex::Regex;
use std::sync::OnceLock;

/// A case number found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseNumber {
    /// The number as printed (dashes normalised to `-`).
    pub value: String,
    /// Whether a case-number label stood right before it.
    pub labeled: bool,
}

fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:sags?\s*\.?\s*nr|sags?\s*nummer|sags?\s*-?\s*id|sag\s+nr|j\s*\.\s*nr|jour\s*\.?\s*nr|journal\s*nr|journalnummer|dok(?:ument)?\s*\.?\s*nr|dokumentnummer|dok\s*-?\s*id|emnenr|kle\s*-?\s*nr)\b\s*\.?\s*(?:[:\-]\s*)?",
        )
        .unwrap_or_else(|e| panic!("case-number label pattern: {e}"))
    })
}

/// The styles, longest first so `326-2015-11347` is not read as `2015-11347`.
fn style_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"\d{2}\.\d{2}\.\d{2}(?:\.[A-ZÆØÅ]?\d{2})?-[A-ZÆØÅ]\d{2}-\d{1,7}-\d{2}",
            r"|\d{3}-\d{4}-\d{3,7}",
            r"|(?:19|20)\d{2}-\d{4,7}",
            r"|\d{2}-\d{5,7}",
            r"|\d{2,4}/\d{3,7}",
        ))
        .unwrap_or_else(|e| panic!("case-number pattern: {e}"))
    })
}

/// After a label any token with a digit counts (systems have many more styles than we know).
fn labeled_value_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9./\-]*[0-9][A-Za-zÆØÅæøå0-9./\-]*")
            .unwrap_or_else(|e| panic!("labeled case-number pattern: {e}"))
    })
}

/// Whether the char before `start` and after `end` in `s` leave the match a whole token.
fn stands_alone(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let bad_before = before.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '-' || c == '.');
    let after_two: Vec<char> = s[end..].chars().take(2).collect();
    let bad_after = match after {
        Some(c) if c.is_alphanumeric() || c == '/' => true,
        // `-` or `.` continuing into another digit means a longer number.
        Some('-') | Some('.') => after_two.get(1).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    !bad_before && !bad_after
}

/// Every case number in `line`: labeled ones in any style, unlabeled ones only in a known style.
pub fn find(line: &str) -> Vec<CaseNumber> {
    let text = plain_punctuation(line);
    let mut out: Vec<CaseNumber> = Vec::new();
    let mut labeled_spans: Vec<(usize, usize)> = Vec::new();
    for m in label_re().find_iter(&text) {
        let rest = &text[m.end()..];
        if let Some(v) = labeled_value_re().find(rest) {
            let value = v.as_str().trim_end_matches(['.', '-', '/']);
            if value.chars().filter(|c| c.is_ascii_digit()).count() >= 3 {
                labeled_spans.push((m.end(), m.end() + value.len()));
                push_unique(&mut out, CaseNumber { value: value.to_string(), labeled: true });
            }
        }
    }
    for m in style_re().find_iter(&text) {
        if !stands_alone(&text, m.start(), m.end()) {
            continue;
        }
        if labeled_spans.iter().any(|(s, e)| m.start() < *e && *s < m.end()) {
            continue;
        }
        push_unique(&mut out, CaseNumber { value: m.as_str().to_string(), labeled: false });
    }
    out
}

fn push_unique(out: &mut Vec<CaseNumber>, c: CaseNumber) {
    if !out.iter().any(|o| o.value == c.value) {
        out.push(c);
    }
}

/// Labeled case numbers only: what an item's heading block declares as its own.
pub fn find_labeled(line: &str) -> Vec<String> {
    find(line).into_iter().filter(|c| c.labeled).map(|c| c.value).collect()
}

/// A heading that carries its case number (`4. Underretning om barn - Sagsnr. 27.15.08-K09-14-25`):
/// the title before the label, and the labeled numbers.
pub fn split_heading(title: &str) -> Option<(String, Vec<String>)> {
    let text = plain_punctuation(title);
    let label = label_re().find(&text).filter(|m| m.start() > 0)?;
    let numbers: Vec<String> = find_labeled(&text[label.start()..]);
    if numbers.is_empty() {
        return None;
    }
    let head =
        text[..label.start()].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '(' | ',' | ';' | '/'));
    Some((head.to_string(), numbers))
}

/// Whether `line` is a case-number line: a label and its number, with little else beside it
/// (a second label, a date, a KLE code).
pub fn is_case_number_line(line: &str) -> bool {
    let numbers = find(line);
    if !numbers.iter().any(|c| c.labeled) {
        return false;
    }
    let text = plain_punctuation(line);
    let mut rest = label_re().replace_all(&text, " ").into_owned();
    for c in &numbers {
        rest = rest.replace(&c.value, " ");
    }
    super::words::word_count(&rest) <= 3
}

/// A case-number label with no number after it (`Sagsnr.:`): the number is on the next line
/// when layout splits a two-column table.
pub fn is_label_only(line: &str) -> bool {
    let text = plain_punctuation(line);
    label_re().find(text.trim()).is_some_and(|m| m.start() == 0 && text.trim()[m.end()..].trim().is_empty())
}

/// A line that is nothing but a case number (the value cell of a split table row).
pub fn bare_number(line: &str) -> Option<String> {
    let text = plain_punctuation(line);
    let t = text.trim();
    let v = labeled_value_re().find(t)?;
    (v.end() == t.len() && t.chars().filter(|c| c.is_ascii_digit()).count() >= 3).then(|| t.to_string())
}

/// Where the known case number `number` occurs in `line` as a whole token (dash variants ignored).
pub fn contains(line: &str, number: &str) -> bool {
    if number.len() < 4 {
        return false;
    }
    let text = plain_punctuation(line);
    let number = plain_punctuation(number);
    let mut from = 0;
    while let Some(i) = text[from..].find(&number) {
        let start = from + i;
        let end = start + number.len();
        if stands_alone(&text, start, end) {
            return true;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<String> {
        find(line).into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn every_style_with_every_label() {
        assert_eq!(find_labeled("Sagsnr.: 326-2015-11347"), vec!["326-2015-11347"]);
        assert_eq!(find_labeled("Sags nr.: 25-003411"), vec!["25-003411"]);
        assert_eq!(find_labeled("J.nr.: 15/6733"), vec!["15/6733"]);
        assert_eq!(find_labeled("J. nr. 00.01.00-P35-200-22"), vec!["00.01.00-P35-200-22"]);
        assert_eq!(find_labeled("Journalnr. 2024-004512"), vec!["2024-004512"]);
        assert_eq!(find_labeled("Dokumentnr.: 27.12.08-G01-3-23"), vec!["27.12.08-G01-3-23"]);
        assert_eq!(find_labeled("Sagsid: 123456"), vec!["123456"]);
        assert_eq!(
            find_labeled("Sagsnr.: 326-2015-11347   Dokumentnr.: 326-2015-99120"),
            vec!["326-2015-11347", "326-2015-99120"]
        );
    }

    #[test]
    fn word_dashes_are_read_as_hyphens() {
        assert_eq!(find_labeled("Sagsnr.: 326\u{2013}2015\u{2013}11347"), vec!["326-2015-11347"]);
        assert!(contains("se sag 326\u{2013}2015\u{2013}11347.", "326-2015-11347"));
    }

    #[test]
    fn unlabeled_styles_are_found_but_not_dates_or_cprs() {
        assert_eq!(values("jf. sag 326-2015-11347 og 15/6733"), vec!["326-2015-11347", "15/6733"]);
        assert_eq!(values("KLE 27.12.08-G01-3-23"), vec!["27.12.08-G01-3-23"]);
        assert!(values("mødet 12-03-2024 kl. 14").is_empty());
        assert!(values("tlf. 43 21 12 34, 2024-03-12").is_empty());
        assert!(values("beløb 1.234.567 kr.").is_empty());
    }

    #[test]
    fn known_numbers_match_whole_tokens_only() {
        assert!(contains("Sagsnr. 326-2023-11347 Side 3", "326-2023-11347"));
        assert!(!contains("Sagsnr. 326-2023-113471", "326-2023-11347"));
        assert!(!contains("1326-2023-11347", "326-2023-11347"));
        assert!(!contains("15/67330", "15/6733"));
    }

    #[test]
    fn label_and_number_on_separate_lines() {
        assert!(is_label_only("Sagsnr.:"));
        assert!(is_label_only("J. nr."));
        assert!(!is_label_only("Sagsnr.: 25-003411"));
        assert_eq!(bare_number("326-2024-04719").as_deref(), Some("326-2024-04719"));
        assert_eq!(bare_number("Borgeren klager"), None);
    }

    #[test]
    fn a_case_number_in_a_heading_is_split_off() {
        assert_eq!(
            split_heading("Underretning om barn \u{2013} Sagsnr. 27.15.08-K09-14-25"),
            Some(("Underretning om barn".to_string(), vec!["27.15.08-K09-14-25".to_string()]))
        );
        assert_eq!(split_heading("Personalesag (J.nr. 15/6733)").map(|x| x.0), Some("Personalesag".to_string()));
        assert_eq!(split_heading("Sagsnr. 15/6733"), None);
        assert_eq!(split_heading("Tilsyn med dagplejen"), None);
    }

    #[test]
    fn case_number_lines_hold_little_else() {
        assert!(is_case_number_line("Sagsnr.: 326-2015-11347"));
        assert!(is_case_number_line("Sags nr.: 25-003411 Dokumentnr.: 25-009999"));
        assert!(!is_case_number_line("Borgeren i sag 15/6733 har klaget over afgørelsen om hjemmehjælp"));
        assert!(!is_case_number_line("Sagen handler om 15/6733"));
    }
}
