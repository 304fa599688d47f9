//! The table of contents (`Indholdsfortegnelse`): item number, title, printed page number, with
//! or without dotted leaders, titles possibly wrapped onto a second line.

use super::headings::{self, strip_status};
use super::words::{normalize, plain_punctuation, section_status};
use super::{LineRef, TocEntry};
use crate::pdf::PageText;
use regex::Regex;
use std::sync::OnceLock;

/// The table of contents is looked for on the first pages only.
const TOC_SEARCH_PAGES: usize = 12;
/// Non-entry lines after which a table of contents is over.
const MAX_MISSES: usize = 4;

fn entry_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^\s*(?:(?:{}|§)\s*)?{}\s*[.:)]?\s+(.+?)(?:\s*(?:\.{{2,}}|…+|(?:\.\s){{2,}}\.?|_{{3,}})\s*|\s+)(\d{{1,4}})\s*$",
            headings::ITEM_KEYWORD,
            headings::ITEM_NUMBER
        ))
        .unwrap_or_else(|e| panic!("toc entry pattern: {e}"))
    })
}

fn has_leaders(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:\.{3,}|…+|(?:\.\s){3,}|_{3,})\s*\d{1,4}\s*$").unwrap_or_else(|e| panic!("{e}")))
        .is_match(line)
}

fn is_toc_title(line: &str) -> bool {
    let n = normalize(line);
    let n = n.trim_end_matches(':').trim();
    matches!(n, "indholdsfortegnelse" | "indhold" | "dagsordenspunkter" | "punktoversigt" | "oversigt over punkter")
}

/// Whether `n` can be a printed page number of a document of `pages` pages. Without leaders a
/// year at a title's end (`Budgetopfølgning 2024`) is not a page number.
fn plausible_page(n: u32, pages: usize, leaders: bool) -> bool {
    leaders || (n as usize) <= pages + 20
}

fn entry(line: &str, page: u32, line_idx: usize, doc_pages: usize) -> Option<TocEntry> {
    let text = plain_punctuation(line);
    let (text, marker) = match headings::status_before_number(&text) {
        Some((rest, closed)) => (rest.to_string(), Some(closed)),
        None => (text, None),
    };
    let caps = entry_re().captures(&text)?;
    let printed: u32 = caps.get(3)?.as_str().parse().ok()?;
    if !plausible_page(printed, doc_pages, has_leaders(&text)) {
        return None;
    }
    let number = headings::item_number(caps.get(1)?.as_str())?;
    let raw_title = caps.get(2)?.as_str().trim_end_matches(['.', ' ', '…']);
    if !raw_title.chars().any(char::is_alphabetic) {
        return None;
    }
    let (title, closed) = strip_status(raw_title);
    Some(TocEntry { number, title, printed_page: Some(printed), closed: closed.or(marker), page, line: line_idx })
}

/// `… 7` at the end of a line: the printed page number of a wrapped entry's second line.
fn trailing_page(line: &str) -> Option<(String, u32)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(.*?)(?:\s*(?:\.{2,}|…+|(?:\.\s){2,}\.?|_{3,})\s*|\s+|^)(\d{1,4})\s*$")
            .unwrap_or_else(|e| panic!("toc page pattern: {e}"))
    });
    let caps = re.captures(line)?;
    let page = caps.get(2)?.as_str().parse().ok()?;
    Some((caps.get(1).map_or("", |m| m.as_str()).trim().to_string(), page))
}

/// The table of contents and the lines it occupies. Inside a table of contents (after its
/// title, or from the first entry with dotted leaders) every item-numbered line is an entry, with
/// or without a page number (layout may put the numbers in a column of their own); the first
/// number listed twice means the agenda's body has begun.
pub fn find(pages: &[PageText], running: &[Vec<usize>]) -> (Vec<TocEntry>, Vec<LineRef>) {
    let mut entries: Vec<TocEntry> = Vec::new();
    let mut lines: Vec<LineRef> = Vec::new();
    let mut in_toc = false;
    let mut misses = 0usize;
    // Under `Lukkede punkter` every entry is closed, under `Åbne punkter` open.
    let mut section: Option<bool> = None;
    for (p, page) in pages.iter().enumerate().take(TOC_SEARCH_PAGES) {
        let page_no = p as u32 + 1;
        for i in 0..page.lines.len() {
            let text = page.line_text(i).trim();
            if text.is_empty() || running.get(p).is_some_and(|r| r.contains(&i)) {
                continue;
            }
            if is_toc_title(text) {
                in_toc = true;
                misses = 0;
                lines.push(LineRef { page: page_no, line: i });
                continue;
            }
            let at = LineRef { page: page_no, line: i };
            if let Some(status) = section_status(text, false).filter(|_| in_toc) {
                section = Some(status);
                misses = 0;
                lines.push(at);
                continue;
            }
            if let Some(mut e) = entry(text, page_no, i, pages.len()).filter(|_| in_toc || has_leaders(text)) {
                e.closed = e.closed.or(section);
                if entries.iter().any(|x| x.number == e.number) {
                    in_toc = false;
                    continue;
                }
                in_toc = true;
                misses = 0;
                lines.push(at);
                entries.push(e);
                continue;
            }
            if !in_toc {
                continue;
            }
            if let Some(h) = headings::parse(text) {
                if entries.iter().any(|e| e.number == h.number) {
                    in_toc = false;
                    continue;
                }
                misses = 0;
                lines.push(at);
                entries.push(TocEntry {
                    number: h.number,
                    title: h.title,
                    printed_page: None,
                    closed: h.closed.or(section),
                    page: page_no,
                    line: i,
                });
                continue;
            }
            // The rest of the last entry: its wrapped title and/or its page number.
            if let Some(last) = entries.last_mut().filter(|l| l.printed_page.is_none()) {
                if let Some((rest, printed)) =
                    trailing_page(text).filter(|(_, n)| plausible_page(*n, pages.len(), has_leaders(text)))
                {
                    if !rest.is_empty() {
                        let (rest, closed) = strip_status(&format!("{} {rest}", last.title));
                        last.title = rest;
                        last.closed = last.closed.or(closed);
                    }
                    last.printed_page = Some(printed);
                    lines.push(at);
                    misses = 0;
                    continue;
                }
            }
            misses += 1;
            if misses >= MAX_MISSES {
                in_toc = false;
            }
        }
    }
    (entries, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_and_without_leaders_and_wrapped_titles() {
        let page = PageText::from_plain(
            "Indholdsfortegnelse\n1. Godkendelse af dagsorden ........ 3\n2 Lukket: Personalesag 4\n\
             Punkt 3: Salg af ejendommen\nNørregade 12 . . . . . 5\nSide 1",
        );
        let (entries, lines) = find(std::slice::from_ref(&page), &[vec![]]);
        let got: Vec<(&str, &str, Option<u32>, Option<bool>)> =
            entries.iter().map(|e| (e.number.as_str(), e.title.as_str(), e.printed_page, e.closed)).collect();
        assert_eq!(
            got,
            vec![
                ("1", "Godkendelse af dagsorden", Some(3), None),
                ("2", "Personalesag", Some(4), Some(true)),
                ("3", "Salg af ejendommen Nørregade 12", Some(5), None),
            ]
        );
        assert_eq!(lines.len(), 5);
    }

    #[test]
    fn acadre_entries_and_open_titles_starting_with_lukket() {
        let page = PageText::from_plain(
            "Indholdsfortegnelse\nSag nr. 1 Vejplan 2025 ........ 2\nSag nr. 2 Lukket vej ved skolen ........ 2\n\
             Sag nr. 3 Lukket sag: Erstatningssag ........ 3\nLukket 4. Personalesag ........ 3",
        );
        let (entries, _) = find(std::slice::from_ref(&page), &[vec![]]);
        let got: Vec<(&str, &str, Option<bool>)> =
            entries.iter().map(|e| (e.number.as_str(), e.title.as_str(), e.closed)).collect();
        assert_eq!(
            got,
            vec![
                ("1", "Vejplan 2025", None),
                ("2", "Lukket vej ved skolen", None),
                ("3", "Erstatningssag", Some(true)),
                ("4", "Personalesag", Some(true))
            ]
        );
    }

    #[test]
    fn entries_under_a_closed_section_are_closed() {
        let page = PageText::from_plain(
            "Indholdsfortegnelse\nÅbne punkter\n1. Vejplan 2025 ........ 2\nLukkede punkter\n\
             2. Salg af byggegrunde ........ 3\n3. Ejendomsskat (Åben) ........ 3",
        );
        let (entries, _) = find(std::slice::from_ref(&page), &[vec![]]);
        let got: Vec<(&str, Option<bool>)> = entries.iter().map(|e| (e.number.as_str(), e.closed)).collect();
        assert_eq!(got, vec![("1", Some(false)), ("2", Some(true)), ("3", Some(false))]);
    }

    #[test]
    fn numbered_text_outside_a_toc_is_not_an_entry() {
        let page = PageText::from_plain("Tilbud\n2 entreprenører har budt 2024");
        let (entries, _) = find(std::slice::from_ref(&page), &[vec![]]);
        assert!(entries.is_empty());
    }
}
