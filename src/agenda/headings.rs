//! Item heading lines: `Punkt 14: <title>`, `Pkt. 14`, `14. <title>`, `14 <title>`, with status
//! markers in or around the title (`Lukket: <title>`, `<title> (Lukket)`, `Åbent punkt - <title>`).

use super::words::{normalize, plain_punctuation, words};
use regex::Regex;
use std::sync::OnceLock;

/// How a heading line is spelled, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingForm {
    /// `Punkt 14: …`, `Pkt. 14 …`
    Keyword,
    /// `14. …`, `14: …`, `14) …`
    Numbered,
    /// `14 …`
    Bare,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeadingLine {
    pub number: String,
    pub title: String,
    pub form: HeadingForm,
    /// A status marker in the line itself.
    pub closed: Option<bool>,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}")))
}

/// Leading status marker: `Lukket punkt:`, `Lukket -`, `(Lukket)`, `Åbent punkt:`.
fn status_prefix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)^\s*\(?\s*(lukket|lukkede|åben|åbent|aaben|aabent)(?:\s+(?:punkt|sag|møde))?\s*\)?\s*(?:[:\-]\s*|\s+)",
    )
}

/// Trailing status marker: `(Lukket)`, `- Lukket`, `(Lukket punkt)`, `[Åben]`.
fn status_suffix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)\s*(?:[(\[]\s*(lukket|lukkede|åben|åbent)(?:\s+(?:punkt|sag))?\s*[)\]]|-\s*(lukket|åben|åbent)(?:\s+(?:punkt|sag))?)\s*$",
    )
}

/// Splits status markers off a title: `(title, Some(closed))`.
pub fn strip_status(title: &str) -> (String, Option<bool>) {
    let mut t = title.trim().to_string();
    let mut status = None;
    if let Some(c) = status_prefix().captures(&t) {
        let closed = c.get(1).is_some_and(|m| m.as_str().to_lowercase().starts_with("lukke"));
        let end = c.get(0).map_or(0, |m| m.end());
        // Only a marker when a title follows it; `Lukket` alone is a status line, not a title.
        if end < t.len() {
            status = Some(closed);
            t = t[end..].trim().to_string();
        }
    }
    if let Some(c) = status_suffix().captures(&t) {
        let word = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_lowercase()).unwrap_or_default();
        status = Some(word.starts_with("lukke"));
        let start = c.get(0).map_or(t.len(), |m| m.start());
        t = t[..start].trim().to_string();
    }
    (t.trim_matches(|c: char| c == ':' || c == '-' || c.is_whitespace()).to_string(), status)
}

/// Reads a line as an item heading, if it is spelled like one. Lines that end like a table of
/// contents entry (dotted leaders and a page number) are not headings.
pub fn parse(line: &str) -> Option<HeadingLine> {
    static KEYWORD: OnceLock<Regex> = OnceLock::new();
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    static LEADERS: OnceLock<Regex> = OnceLock::new();
    // Cheap test first: a heading starts with its number, `Punkt`/`Pkt` or a status word.
    let first = line.trim_start().chars().next()?;
    if !(first.is_ascii_digit() || matches!(first.to_lowercase().next(), Some('p' | 'l' | 'å' | 'a' | '(' | '['))) {
        return None;
    }
    let text = plain_punctuation(line);
    let text = text.trim();
    if text.len() > 300 || re(&LEADERS, r"(?:\.{3,}|…+|(?:\. ){3,})\s*\d{1,4}\s*$").is_match(text) {
        return None;
    }
    // A status marker may come before the number: `Lukket punkt: 19. Personalesag`.
    let (body, prefix_status) = match status_prefix().find(text) {
        Some(m) if text[m.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit()) => {
            (text[m.end()..].trim(), Some(m.as_str().to_lowercase().contains("lukke")))
        }
        _ => (text, None),
    };
    let keyword = re(&KEYWORD, r"(?i)^(?:punkt|pkt\.?)\s*(\d{1,3})\b\s*[.:)\-]?\s*(.*)$");
    let numbered = re(&NUMBERED, r"^(\d{1,3})\s*[.:)]\s*(\S.*)$");
    let bare = re(&BARE, r"^(\d{1,3})\s+(\p{L}.*)$");
    let (caps, form) = if let Some(c) = keyword.captures(body) {
        (c, HeadingForm::Keyword)
    } else if let Some(c) = numbered.captures(body) {
        (c, HeadingForm::Numbered)
    } else if let Some(c) = bare.captures(body) {
        (c, HeadingForm::Bare)
    } else {
        return None;
    };
    let number = caps.get(1)?.as_str().trim_start_matches('0');
    if number.is_empty() {
        return None;
    }
    let raw_title = caps.get(2).map_or("", |m| m.as_str());
    if form != HeadingForm::Keyword && !raw_title.starts_with(|c: char| c.is_alphabetic() || c == '(' || c == '[') {
        return None;
    }
    let (mut title, mut status) = strip_status(raw_title);
    // `Punkt 19: Lukket punkt`: the title is only a status.
    if let Some(closed) = super::words::status_line(&title) {
        status = Some(closed);
        title.clear();
    }
    Some(HeadingLine { number: number.to_string(), title, form, closed: status.or(prefix_status) })
}

/// Whether two titles name the same item: one contains the other, or they share most words.
pub fn titles_agree(a: &str, b: &str) -> bool {
    let (na, nb) = (normalize(a), normalize(b));
    if na.is_empty() || nb.is_empty() {
        return true;
    }
    if na.contains(&nb) || nb.contains(&na) {
        return true;
    }
    let wa = words(&na, 3);
    let wb = words(&nb, 3);
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let smaller = wa.len().min(wb.len());
    (shared >= 2 && shared * 2 >= smaller) || shared * 3 >= smaller * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(String, String, HeadingForm, Option<bool>)> {
        parse(line).map(|h| (h.number, h.title, h.form, h.closed))
    }

    #[test]
    fn heading_spellings() {
        assert_eq!(
            h("Punkt 14: Tilbud på vejbelysning"),
            Some(("14".into(), "Tilbud på vejbelysning".into(), HeadingForm::Keyword, None))
        );
        assert_eq!(h("Pkt. 19 Personalesag").map(|x| x.0), Some("19".into()));
        assert_eq!(h("14. Tilbud på vejbelysning").map(|x| x.2), Some(HeadingForm::Numbered));
        assert_eq!(h("14 Tilbud på vejbelysning").map(|x| x.2), Some(HeadingForm::Bare));
        assert_eq!(
            h("19. Lukket: Personalesag"),
            Some(("19".into(), "Personalesag".into(), HeadingForm::Numbered, Some(true)))
        );
        assert_eq!(h("19. Personalesag (Lukket)").map(|x| (x.1, x.3)), Some(("Personalesag".into(), Some(true))));
        assert_eq!(h("Lukket punkt: 19. Personalesag").map(|x| (x.0, x.3)), Some(("19".into(), Some(true))));
        assert_eq!(h("3. Åbent punkt - Budget 2025").map(|x| (x.1, x.3)), Some(("Budget 2025".into(), Some(false))));
    }

    #[test]
    fn not_headings() {
        assert!(parse("12.03.2024 kl. 14.00").is_none());
        assert!(parse("14. Tilbud på vejbelysning ........ 7").is_none());
        assert!(parse("2500 kr. udbetales").is_none());
        assert!(parse("Borgeren skriver").is_none());
    }

    #[test]
    fn title_agreement() {
        assert!(titles_agree("Personalesag", "Lukket: Personalesag"));
        assert!(titles_agree("Salg af ejendommen Nørregade 12", "Salg af ejendom Nørregade 12 - endelig godkendelse"));
        assert!(!titles_agree("Personalesag", "Indledning"));
    }
}
