//! The edges of pages: running headers and footers (lines repeated at the top or bottom of
//! several pages) and attachment labels (`Bilag 14.1: …`, `Bilag til punkt 14`).

use super::words::{normalize, plain_punctuation};
use super::AttachmentSection;
use crate::pdf::PageText;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which edge of the page a line sits at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Top,
    Bottom,
}

/// Indices of non-empty lines in visual order (top to bottom when boxes are known).
fn visual_order(page: &PageText) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..page.lines.len()).filter(|&i| !page.line_text(i).trim().is_empty()).collect();
    let has_boxes = page.lines.iter().any(|l| l.bbox.area() > 0.0);
    if has_boxes {
        idx.sort_by(|&a, &b| {
            let (la, lb) = (&page.lines[a].bbox, &page.lines[b].bbox);
            lb.y1.total_cmp(&la.y1).then(a.cmp(&b))
        });
    }
    idx
}

/// The two top-most and two bottom-most lines of a page, with their edge.
pub fn edge_lines(page: &PageText) -> Vec<(usize, Edge)> {
    let order = visual_order(page);
    let mut out: Vec<(usize, Edge)> = order.iter().take(2).map(|&i| (i, Edge::Top)).collect();
    for &i in order.iter().rev().take(2) {
        if !out.iter().any(|(j, _)| *j == i) {
            out.push((i, Edge::Bottom));
        }
    }
    out
}

/// Edge text with digits masked, so `Side 3 af 12` and `Side 4 af 12` are the same running line.
fn running_key(text: &str) -> String {
    normalize(text).chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Per page, the indices of its running lines: edge lines whose text (digits aside) is an edge
/// line on the next or previous page too, or on at least three pages. (A closed item's heading
/// repeated once far away is a leak to report, not page furniture.)
pub fn running_lines(pages: &[PageText]) -> Vec<Vec<usize>> {
    let edges: Vec<Vec<(usize, Edge)>> = pages.iter().map(edge_lines).collect();
    // With positions known, a running line also keeps its place on the page. The place alone
    // tells header from footer: on a page holding nothing but its footer, that line is both the
    // top-most and the bottom-most one.
    let key_of = |page: &PageText, i: usize| {
        let mut k = running_key(page.line_text(i));
        if let Some(l) = page.lines.get(i).filter(|l| l.bbox.area() > 0.0) {
            k.push_str(&format!("@{}", (l.bbox.y0 / 6.0).round() as i32));
        }
        k
    };
    // A heading with its status or case number under it is the item itself, not furniture.
    let heading_block = |page: &PageText, i: usize| {
        super::headings::parse(page.line_text(i)).is_some()
            && (i + 1..page.lines.len())
                .map(|j| page.line_text(j).trim())
                .find(|t| !t.is_empty())
                .is_some_and(|t| super::words::status_line(t).is_some() || super::case_numbers::is_case_number_line(t))
    };
    let keys: Vec<Vec<String>> = pages
        .iter()
        .zip(&edges)
        .map(|(page, e)| {
            e.iter().map(|(i, _)| if heading_block(page, *i) { String::new() } else { key_of(page, *i) }).collect()
        })
        .collect();
    let mut pages_with: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, page_keys) in keys.iter().enumerate() {
        for k in page_keys {
            let on = pages_with.entry(k.as_str()).or_default();
            if !k.trim().is_empty() && on.last() != Some(&p) {
                on.push(p);
            }
        }
    }
    let is_running = |k: &str, text: &str| {
        !k.is_empty()
            && pages_with.get(k).is_some_and(|on| {
                // An item heading at the foot of one page and the head of the next body page is
                // not furniture; on three pages or more it is.
                on.len() >= 3 || (on.windows(2).any(|w| w[1] == w[0] + 1) && super::headings::parse(text).is_none())
            })
    };
    pages
        .iter()
        .zip(edges.iter().zip(&keys))
        .map(|(page, (e, page_keys))| {
            e.iter()
                .zip(page_keys)
                .filter(|((i, _), k)| is_running(k, page.line_text(*i)))
                .map(|((i, _), _)| *i)
                .collect()
        })
        .collect()
}

/// `Bilag 14.1: Tilbud` → `(Some("14"), label)`; `Bilag til punkt 14` → `(Some("14"), label)`.
pub fn attachment_label(line: &str) -> Option<(Option<String>, String)> {
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    static TO_ITEM: OnceLock<Regex> = OnceLock::new();
    let numbered = NUMBERED.get_or_init(|| {
        // Roman-numbered agendas label attachments `Bilag III.1`.
        let pattern =
            format!(r"(?i)^\s*bilag\s*(?::\s*|\s)\s*(?:nr\.?\s*)?{}\.(\d{{1,3}})\b", super::headings::ITEM_NUMBER);
        Regex::new(&pattern).unwrap_or_else(|e| panic!("bilag pattern: {e}"))
    });
    let to_item = TO_ITEM.get_or_init(|| {
        let pattern = format!(
            r"(?i)^\s*bilag\b.{{0,40}}?\btil\s+(?:dagsordens)?(?:punkt|pkt\.?)\s*{}\b",
            super::headings::ITEM_NUMBER
        );
        Regex::new(&pattern).unwrap_or_else(|e| panic!("bilag-til-punkt pattern: {e}"))
    });
    let text = plain_punctuation(line);
    let label = text.trim().to_string();
    if let Some(c) = numbered.captures(&text) {
        return Some((c.get(1).and_then(|m| super::headings::item_number(m.as_str())), label));
    }
    if let Some(c) = to_item.captures(&text) {
        return Some((c.get(1).and_then(|m| super::headings::item_number(m.as_str())), label));
    }
    None
}

/// The attachment label at the top of a page, if any. (At the bottom of an agenda page the same
/// words are usually the item's list of attachments, not a running header.)
pub fn page_attachment_label(page: &PageText) -> Option<(Option<String>, String)> {
    edge_lines(page).into_iter().filter(|(_, e)| *e == Edge::Top).find_map(|(i, _)| attachment_label(page.line_text(i)))
}

/// Consecutive pages carrying the same attachment label form one section.
pub fn attachment_sections(pages: &[PageText]) -> Vec<AttachmentSection> {
    let mut out: Vec<AttachmentSection> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let Some((item, label)) = page_attachment_label(page) else { continue };
        let page_no = p as u32 + 1;
        let key = running_key(&label);
        if let Some(last) = out.last_mut() {
            if last.pages.last() == Some(&(page_no - 1)) && running_key(&last.label) == key {
                last.pages.push(page_no);
                continue;
            }
        }
        out.push(AttachmentSection { item, label, pages: vec![page_no] });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_lines_repeat_with_page_numbers_masked() {
        let pages: Vec<PageText> =
            ["Bilag 14.1: Tilbud\nTekst a\nSide 1 af 2", "Bilag 14.1: Tilbud\nTekst b\nSide 2 af 2"]
                .iter()
                .map(|t| PageText::from_plain(t))
                .collect();
        let running = running_lines(&pages);
        assert_eq!(running[0], vec![0, 2]);
        assert_eq!(running[1], vec![0, 2]);
        let sections = attachment_sections(&pages);
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].item.as_deref(), Some("14"));
        assert_eq!(sections[0].pages, vec![1, 2]);
    }

    /// A page of `(text, y)` lines, each 10 pt high, as layout would place them.
    fn placed(lines: &[(&str, f32)]) -> PageText {
        let mut page = PageText::from_plain(&lines.iter().map(|(t, _)| *t).collect::<Vec<_>>().join("\n"));
        for (line, (_, y)) in page.lines.iter_mut().zip(lines) {
            line.bbox = crate::pdf::geom::Rect::new(60.0, *y, 300.0, *y + 10.0);
        }
        page
    }

    #[test]
    fn a_footer_alone_on_the_last_page_is_still_running() {
        let footer = |n: u32| format!("Økonomiudvalget 03-12-2024 Side {n} af 3");
        let (f1, f2, f3) = (footer(1), footer(2), footer(3));
        let pages = vec![
            placed(&[("Punkt 9: Personalesag", 780.0), ("Lukket", 760.0), ("Tekst", 700.0), (&f1, 30.0)]),
            placed(&[("Mere tekst her", 780.0), ("Og endnu mere", 760.0), (&f2, 30.0)]),
            placed(&[(&f3, 30.0)]),
        ];
        let running = running_lines(&pages);
        assert_eq!(running[2], vec![0], "{running:?}");
        assert_eq!(running[0], vec![3]);
    }

    #[test]
    fn attachment_labels() {
        assert_eq!(attachment_label("Bilag 19.1: Notat").map(|l| l.0), Some(Some("19".into())));
        assert_eq!(attachment_label("Bilag til punkt 7").map(|l| l.0), Some(Some("7".into())));
        assert_eq!(attachment_label("Bilag: 5.1. Jobcentrets redegørelse").map(|l| l.0), Some(Some("5".into())));
        assert_eq!(attachment_label("Bilag 2 til dagsordenspunkt 7").map(|l| l.0), Some(Some("7".into())));
        assert_eq!(attachment_label("Bilag III.1: Skadesanmeldelse").map(|l| l.0), Some(Some("3".into())));
        assert_eq!(attachment_label("Bilag 1 til punkt IV").map(|l| l.0), Some(Some("4".into())));
        assert_eq!(attachment_label("Bilag til punkt Lukket sag").map(|l| l.0), None);
        assert!(attachment_label("Bilag").is_none());
        assert!(attachment_label("Bilagene er vedlagt").is_none());
    }
}
