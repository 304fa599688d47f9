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
    /// `14. …`, `14: …`, `14) …`, `14 - …`, `XIV. …`, `§ 14 …`
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

/// Words that mark an item closed or open. `Fortroligt` and `Ikke offentlig` are how some
/// systems (Acadre, eDoc) mark a closed item.
const STATUS_WORDS: &str =
    r"lukket|lukkede|åben|åbent|aaben|aabent|fortrolig|fortroligt|ikke[\s\-]+offentlig|ikke[\s\-]+offentligt";

/// Whether a status word (or a marker holding one) means closed.
pub fn marks_closed(marker: &str) -> bool {
    let m = normalize(marker);
    m.contains("lukke") || m.contains("fortrolig") || m.contains("ikke offentlig") || m.contains("ikke-offentlig")
}

/// Leading status marker: `Lukket punkt:`, `Lukket -`, `(Lukket)`, `Åbent punkt:`, `Lukket sag `.
/// A bare status word followed by a space is the title's first word (`Lukket vej ved skolen`,
/// `Åben skole`), not a marker: it needs brackets, a colon or dash, or `punkt`/`sag` after it.
fn status_prefix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    static PATTERN: OnceLock<String> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        format!(
            r"(?i)^\s*(?:[(\[]\s*({w})(?:\s+(?:punkt|sag|møde))?\s*[)\]]\s*(?:[:\-]\s*)?|({w})(?:\s+(?:punkt|sag|møde))?\s*[:\-]\s*|({w})\s+(?:punkt|sag)\s+)",
            w = STATUS_WORDS
        )
    });
    re(&RE, pattern)
}

/// Trailing status marker: `(Lukket)`, `- Lukket`, `(Lukket punkt)`, `[Åben]`.
fn status_suffix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    static PATTERN: OnceLock<String> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        format!(
            r"(?i)\s*(?:[(\[]\s*({w})(?:\s+(?:punkt|sag))?\s*[)\]]|-\s*({w})(?:\s+(?:punkt|sag))?)\s*$",
            w = STATUS_WORDS
        )
    });
    re(&RE, pattern)
}

/// The status word of a marker match: the first group that took part.
fn marker_word(c: &regex::Captures) -> String {
    c.iter().skip(1).flatten().next().map(|m| m.as_str().to_string()).unwrap_or_default()
}

/// Splits status markers off a title: `(title, Some(closed))`.
pub fn strip_status(title: &str) -> (String, Option<bool>) {
    let mut t = title.trim().to_string();
    let mut status = None;
    if let Some(c) = status_prefix().captures(&t) {
        let closed = marks_closed(&marker_word(&c));
        let end = c.get(0).map_or(0, |m| m.end());
        // Only a marker when a title follows it; `Lukket` alone is a status line, not a title.
        if end < t.len() {
            status = Some(closed);
            t = t[end..].trim().to_string();
        }
    }
    if let Some(c) = status_suffix().captures(&t) {
        status = Some(marks_closed(&marker_word(&c)));
        let start = c.get(0).map_or(t.len(), |m| m.start());
        t = t[..start].trim().to_string();
    }
    (t.trim_matches(|c: char| c == ':' || c == '-' || c.is_whitespace()).to_string(), status)
}

/// The words before an item's number: `Punkt 14`, `Pkt. 14`, `Punkt nr. 14`, `Dagsordenspunkt 14`,
/// and Acadre's `Sag nr. 14`; minutes answer an item as `Ad punkt 14` / `Ad pkt. 14`.
pub const ITEM_KEYWORD: &str = r"(?:ad\s+)?(?:(?:dagsordens?)?punkt(?:\s*nr\.?)?|pkt\.?|sag\s*nr\.?|sagnr\.?)";

/// An item number as printed: arabic, or an upper-case roman numeral (`III.`, `Punkt IV:`), which
/// some templates (fpdf2/reportlab house styles, older Word agendas) number items with.
pub const ITEM_NUMBER: &str = r"(\d{1,3}|(?-i:[IVXL]{1,7}))";

/// The arabic form of a printed item number, so a roman `III` and the `3` of a table of contents
/// or a `Bilag 3.1` label name the same item. Non-canonical numerals (`IIII`, `VX`) are words.
pub fn item_number(printed: &str) -> Option<String> {
    if printed.starts_with(|c: char| c.is_ascii_digit()) {
        let n = printed.trim_start_matches('0');
        return (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then(|| n.to_string());
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<i64> = printed.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    (to_roman(total) == printed).then(|| total.to_string())
}

fn to_roman(mut n: u32) -> String {
    const STEPS: [(u32, &str); 7] = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in STEPS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A status marker before an item number (`Lukket punkt: 19. Personalesag`): the rest from the
/// number on, and whether the marker closes. Here a bare word is a marker too (`Lukket 19. …`):
/// no title starts with a number.
pub fn status_before_number(text: &str) -> Option<(&str, bool)> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    static ROMAN: OnceLock<Regex> = OnceLock::new();
    let roman = re(&ROMAN, r"^[IVXL]{1,7}[.):]\s");
    let before_number = |m: &regex::Match| {
        let rest = text[m.end()..].trim_start();
        rest.starts_with(|c: char| c.is_ascii_digit()) || roman.is_match(rest)
    };
    let m = status_prefix().find(text).filter(before_number).or_else(|| {
        let word = WORD.get_or_init(|| {
            let pattern = format!(r"(?i)^\s*(?:{STATUS_WORDS})\s+");
            Regex::new(&pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}"))
        });
        word.find(text).filter(before_number)
    })?;
    Some((text[m.end()..].trim(), marks_closed(m.as_str())))
}

/// Reads a line as an item heading, if it is spelled like one. Lines that end like a table of
/// contents entry (dotted leaders and a page number) are not headings.
pub fn parse(line: &str) -> Option<HeadingLine> {
    static KEYWORD: OnceLock<Regex> = OnceLock::new();
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    static ROMAN: OnceLock<Regex> = OnceLock::new();
    static LEADERS: OnceLock<Regex> = OnceLock::new();
    // Cheap test first: a heading starts with its number, an item keyword or a status marker.
    let first = line.trim_start().chars().next()?;
    if !(first.is_ascii_digit()
        || matches!(
            first.to_lowercase().next(),
            Some('p' | 's' | 'd' | 'l' | 'å' | 'a' | 'f' | 'i' | 'v' | 'x' | '(' | '[' | '§')
        ))
    {
        return None;
    }
    let text = plain_punctuation(line);
    let text = text.trim();
    if text.len() > 300 || re(&LEADERS, r"(?:\.{3,}|…+|(?:\. ){3,})\s*\d{1,4}\s*$").is_match(text) {
        return None;
    }
    let (body, prefix_status) = match status_before_number(text) {
        Some((rest, closed)) => (rest, Some(closed)),
        None => (text, None),
    };
    // `§ 5 Title`, the paragraph style of some by-law-like agendas: no stronger than `5. Title`,
    // since law quotations in attachments start the same way.
    let (body, paragraph_sign) = match body.strip_prefix('§') {
        Some(rest) => (rest.trim_start(), true),
        None => (body, false),
    };
    let keyword = KEYWORD.get_or_init(|| {
        let pattern = format!(r"(?i)^{ITEM_KEYWORD}\s*{ITEM_NUMBER}\b\s*[.:)\-]?\s*(.*)$");
        Regex::new(&pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}"))
    });
    // `3 - Title` (a dash after the bare number) as `3. Title`.
    let numbered = re(&NUMBERED, r"^(\d{1,3})(?:\s*[.:)]|\s+-)\s*(\S.*)$");
    let bare = re(&BARE, r"^(\d{1,3})\s+(\p{L}.*)$");
    // A roman numeral needs its full stop and a space: `V. Jensen` still needs the agenda's support.
    let roman = re(&ROMAN, r"^([IVXL]{1,7})[.)]\s+(\p{Lu}.*)$");
    let (caps, form) = if let Some(c) = keyword.captures(body).filter(|_| !paragraph_sign) {
        (c, HeadingForm::Keyword)
    } else if let Some(c) = roman.captures(body).filter(|_| !paragraph_sign) {
        (c, HeadingForm::Numbered)
    } else if let Some(c) = numbered.captures(body) {
        (c, HeadingForm::Numbered)
    } else if let Some(c) = bare.captures(body) {
        (c, HeadingForm::Bare)
    } else {
        return None;
    };
    let form = if paragraph_sign { HeadingForm::Numbered } else { form };
    // `Sag nr. 25-003411`, `Punkt 14/2024`: the number goes on, so it is a case number or a date.
    let after_number = caps.get(1).map_or("", |m| &body[m.end()..]);
    let mut after = after_number.chars();
    if matches!(after.next(), Some('-' | '/' | '.')) && after.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let printed = caps.get(1)?.as_str();
    let number = item_number(printed)?;
    let raw_title = caps.get(2).map_or("", |m| m.as_str());
    // `Pkt. I dag …`: a roman numeral is a word unless a title in capitals follows.
    if !printed.starts_with(|c: char| c.is_ascii_digit()) && raw_title.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    if form != HeadingForm::Keyword && !raw_title.starts_with(|c: char| c.is_alphabetic() || c == '(' || c == '[') {
        return None;
    }
    // `31. marts 2024`: a date, often the second line of a wrapped title (`… pr.` / `31. marts 2024`).
    if form != HeadingForm::Keyword && starts_with_month(raw_title) {
        return None;
    }
    let (mut title, mut status) = strip_status(raw_title);
    // `Punkt 19: Lukket punkt`: the title is only a status.
    if let Some(closed) = super::words::status_line(&title) {
        status = Some(closed);
        title.clear();
    }
    Some(HeadingLine { number, title, form, closed: status.or(prefix_status) })
}

fn starts_with_month(title: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let token = title.split_whitespace().next().unwrap_or("");
    let first = token.trim_end_matches(['.', ',']).to_lowercase();
    // `jan.`, `sept.`: an abbreviation only with its full stop (`Jan Hansen` is a name).
    let abbreviated = token.ends_with('.') && first.chars().count() >= 3;
    MONTHS.iter().any(|m| first == *m || (abbreviated && m.starts_with(first.as_str())))
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
        assert_eq!(
            h("Lukket 19. Personalesag").map(|x| (x.0, x.1, x.3)),
            Some(("19".into(), "Personalesag".into(), Some(true)))
        );
        assert_eq!(h("Fortroligt 19 Personalesag").map(|x| (x.0, x.3)), Some(("19".into(), Some(true))));
        assert_eq!(h("3. Åbent punkt - Budget 2025").map(|x| (x.1, x.3)), Some(("Budget 2025".into(), Some(false))));
    }

    #[test]
    fn a_title_starting_with_a_status_word_is_not_a_marker() {
        assert_eq!(
            h("Punkt 3: Lukket vej ved skolen"),
            Some(("3".into(), "Lukket vej ved skolen".into(), HeadingForm::Keyword, None))
        );
        assert_eq!(h("Pkt. 2 \u{2013} Lukket møde i Idrætsrådet: orientering").map(|x| x.3), Some(None));
        assert_eq!(h("8. Åben skole i samarbejde med foreningerne").map(|x| x.3), Some(None));
        assert_eq!(strip_status("Lukket vej ved skolen"), ("Lukket vej ved skolen".into(), None));
        // The markers themselves still count.
        assert_eq!(h("Punkt 5: Lukket punkt: Klage").map(|x| (x.1, x.3)), Some(("Klage".into(), Some(true))));
        assert_eq!(h("Punkt 5: Lukket - Klage").map(|x| (x.1, x.3)), Some(("Klage".into(), Some(true))));
        assert_eq!(h("Punkt 5: Lukket sag Klage").map(|x| (x.1, x.3)), Some(("Klage".into(), Some(true))));
        assert_eq!(h("Punkt 5: (Lukket) Klage").map(|x| (x.1, x.3)), Some(("Klage".into(), Some(true))));
    }

    #[test]
    fn acadre_and_edoc_spellings() {
        assert_eq!(
            h("Sag nr. 3 Erstatningssag efter vandskade"),
            Some(("3".into(), "Erstatningssag efter vandskade".into(), HeadingForm::Keyword, None))
        );
        assert_eq!(
            h("Sag nr. 3 Lukket sag: Erstatningssag").map(|x| (x.1, x.3)),
            Some(("Erstatningssag".into(), Some(true)))
        );
        assert_eq!(h("Dagsordenspunkt 4: Vejplan").map(|x| x.0), Some("4".into()));
        assert_eq!(h("7. Fortroligt: Personalesag").map(|x| (x.1, x.3)), Some(("Personalesag".into(), Some(true))));
        assert_eq!(
            h("7. Personalesag (Ikke offentlig)").map(|x| (x.1, x.3)),
            Some(("Personalesag".into(), Some(true)))
        );
        // A case number after the same label is not a heading.
        assert!(parse("Sag nr. 25-003411").is_none());
        assert!(parse("Sag nr. 15/6733").is_none());
        assert!(parse("Punkt 14.2.2024 udsat").is_none());
    }

    #[test]
    fn roman_and_paragraph_numbering() {
        assert_eq!(
            h("III. Erstatningskrav efter vandskade"),
            Some(("3".into(), "Erstatningskrav efter vandskade".into(), HeadingForm::Numbered, None))
        );
        assert_eq!(h("Punkt IV: Skolestruktur").map(|x| (x.0, x.2)), Some(("4".into(), HeadingForm::Keyword)));
        assert_eq!(
            h("Pkt. XII - Lukket: Klage").map(|x| (x.0, x.1, x.3)),
            Some(("12".into(), "Klage".into(), Some(true)))
        );
        assert_eq!(h("Lukket punkt: IX. Personalesag").map(|x| (x.0, x.3)), Some(("9".into(), Some(true))));
        // `§ 3` is no stronger than `3.`: law quotations in attachments start the same way.
        assert_eq!(
            h("§ 3 Erstatningskrav efter vandskade").map(|x| (x.0, x.2)),
            Some(("3".into(), HeadingForm::Numbered))
        );
        assert_eq!(h("§ 12. Personalesag").map(|x| (x.0, x.2)), Some(("12".into(), HeadingForm::Numbered)));
        assert!(parse("§ 17, stk. 4 i lov om social service").is_none());
        // Initials, words and non-canonical numerals are not item numbers.
        assert!(parse("Pkt. I dag behandles sagen").is_none());
        assert!(parse("IIII. Forkert nummer").is_none());
        assert!(parse("V.Jensen").is_none());
        assert!(parse("I alt 2500 kr.").is_none());
        assert_eq!(item_number("XLIX"), Some("49".into()));
        assert_eq!(item_number("007"), Some("7".into()));
        assert_eq!(item_number("000"), None);
        assert_eq!(item_number("VX"), None);
    }

    #[test]
    fn minutes_and_dash_spellings() {
        assert_eq!(
            h("Ad punkt 3. Erstatningskrav").map(|x| (x.0, x.1, x.2)),
            Some(("3".into(), "Erstatningskrav".into(), HeadingForm::Keyword))
        );
        assert_eq!(h("Ad pkt. 3 Erstatningskrav").map(|x| x.0), Some("3".into()));
        assert_eq!(
            h("3 - Erstatningskrav efter vandskade"),
            Some(("3".into(), "Erstatningskrav efter vandskade".into(), HeadingForm::Numbered, None))
        );
        assert_eq!(
            h("3 \u{2013} Erstatningskrav (Lukket)").map(|x| (x.2, x.3)),
            Some((HeadingForm::Numbered, Some(true)))
        );
        assert!(parse("12 - 14 personer deltog").is_none());
        assert!(parse("Adresse: Vestergade 3").is_none());
    }

    #[test]
    fn not_headings() {
        assert!(parse("12.03.2024 kl. 14.00").is_none());
        assert!(parse("14. Tilbud på vejbelysning ........ 7").is_none());
        assert!(parse("2500 kr. udbetales").is_none());
        // A date, such as the wrapped second line of `Budgetopfølgning pr.` / `31. marts 2024`.
        assert!(parse("31. marts 2024").is_none());
        assert!(parse("1. jan. 2025 træder aftalen i kraft").is_none());
        assert!(parse("14 maj kl. 10").is_none());
        assert_eq!(h("Punkt 3: Marts-pakken").map(|x| x.0), Some("3".into()));
        assert_eq!(h("5. Majbølle skole").map(|x| x.0), Some("5".into()));
        assert_eq!(h("6. Jan Hansens afsked.").map(|x| x.0), Some("6".into()));
        assert!(parse("Borgeren skriver").is_none());
    }

    #[test]
    fn title_agreement() {
        assert!(titles_agree("Personalesag", "Lukket: Personalesag"));
        assert!(titles_agree("Salg af ejendommen Nørregade 12", "Salg af ejendom Nørregade 12 - endelig godkendelse"));
        assert!(!titles_agree("Personalesag", "Indledning"));
    }
}
