//! Reading a document's agenda structure from its pages' text.

use super::headings::{self, HeadingForm, HeadingLine};
use super::words::{self, is_label_line, normalize, status_line};
use super::{case_numbers, edges, front, toc};
use super::{Agenda, AttachmentSection, DocKind, HeadingAt, Item, LineRef, TocEntry};
use crate::pdf::PageText;

/// Lines after a heading searched for its status, case numbers and section labels.
const SUPPORT_LINES: usize = 6;
/// Longest title (in words) a heading line can carry; longer lines are prose.
const MAX_TITLE_WORDS: usize = 24;

/// What the lines right after a heading say about it.
#[derive(Debug, Default)]
struct Support {
    status: Option<bool>,
    case_numbers: Vec<String>,
    /// An item section label (`Sagsfremstilling`, `Beslutning`) follows.
    label: bool,
    /// Lines belonging to the heading block: wrapped title, status, case numbers.
    block: Vec<LineRef>,
    /// Title text found on the lines after a heading that had none (`Punkt 14` / `<title>`).
    title_continuation: String,
}

/// One heading occurrence before items are assembled.
struct Occurrence {
    heading: HeadingLine,
    at: HeadingAt,
    support: Support,
    /// The status of the agenda section it stands in (`Lukkede punkter`, `Åbne punkter`).
    section: Option<bool>,
}

/// A status word alone in the last cell of a heading's table row (`13  Påbud …   Lukket`):
/// layout joins the cells with one space, so the gap before the word is what tells it from a
/// title ending in that word.
fn status_cell(page: &PageText, i: usize) -> Option<(bool, String)> {
    let line = page.lines.get(i)?;
    let text = page.line_text(i);
    let trimmed = text.trim_end();
    let (head, last) = trimmed.rsplit_once(char::is_whitespace)?;
    let closed = status_line(last)?;
    let head = head.trim_end();
    let head_last_char = head.char_indices().next_back()?.0;
    let base = line.range.start;
    let word = page.bbox_of(base + trimmed.len() - last.len()..base + trimmed.len())?;
    let before = page.bbox_of(base + head_last_char..base + head.len())?;
    let size = if line.font_size > 0.0 { line.font_size } else { 10.0 };
    (word.x0 - before.x1 > 3.0 * size).then(|| (closed, head.to_string()))
}

/// The status line right above a heading (`Lukket punkt` / `5. Fratrædelsesaftale`), unless an
/// earlier heading's block holds it.
fn status_above(page: &PageText, page_no: u32, i: usize, earlier: &[Occurrence]) -> Option<(bool, LineRef)> {
    let j = (0..i).rev().find(|&j| !page.line_text(j).trim().is_empty())?;
    let at = LineRef { page: page_no, line: j };
    let closed = status_line(page.line_text(j))?;
    (!earlier.iter().any(|o| o.at.block.contains(&at) || o.at.at == at)).then_some((closed, at))
}

/// Infers kind, meeting, participants, table of contents, items and attachment sections.
pub fn infer(pages: &[PageText]) -> Agenda {
    let running = edges::running_lines(pages);
    let (kind, meeting, participants) = front::read(pages);
    let (toc, toc_lines) = toc::find(pages, &running);
    let attachments = edges::attachment_sections(pages);
    let occurrences = find_headings(pages, &running, &toc_lines, &toc, kind, &attachments);
    let items = build_items(pages.len(), &toc, occurrences, &attachments);
    Agenda {
        kind,
        meeting,
        participants,
        toc,
        items,
        attachments,
        items_from: "inferred".to_string(),
        running_lines: running,
        toc_lines,
    }
}

pub(super) fn median_font_size(page: &PageText) -> f32 {
    let mut sizes: Vec<f32> = page.lines.iter().map(|l| l.font_size).filter(|s| *s > 0.0).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(0.0)
}

/// Bold, or clearly larger than the page's body text.
pub(super) fn styled(page: &PageText, i: usize, median: f32) -> bool {
    page.lines.get(i).is_some_and(|l| l.bold || (median > 0.0 && l.font_size >= median + 1.5))
}

fn support(
    page: &PageText,
    page_no: u32,
    i: usize,
    heading: &HeadingLine,
    toc_title: Option<&str>,
    median: f32,
) -> Support {
    let mut s = Support::default();
    let mut in_block = true;
    let mut label_waiting = false;
    let mut title = heading.title.clone();
    let heading_styled = styled(page, i, median);
    let next: Vec<usize> =
        (i + 1..page.lines.len()).filter(|&j| !page.line_text(j).trim().is_empty()).take(SUPPORT_LINES).collect();
    let other_heading =
        |j: usize| headings::parse(page.line_text(j).trim()).is_some_and(|h| h.number != heading.number);
    for (n, &j) in next.iter().enumerate() {
        let text = page.line_text(j).trim();
        if other_heading(j) {
            break;
        }
        if let Some(closed) = status_line(text) {
            // After the item's text, or right above the next heading (unless right under this
            // one), a status line is the next item's (`Lukket punkt` / `5. Fratrædelsesaftale`).
            let labels_next = n > 0 && next.get(n + 1).is_some_and(|&k| other_heading(k));
            if in_block && !labels_next {
                s.status = s.status.or(Some(closed));
                s.block.push(LineRef { page: page_no, line: j });
            }
            continue;
        }
        if case_numbers::is_label_only(text) {
            label_waiting = true;
            if in_block {
                s.block.push(LineRef { page: page_no, line: j });
            }
            continue;
        }
        if let Some(number) = case_numbers::bare_number(text).filter(|_| label_waiting) {
            label_waiting = false;
            if !s.case_numbers.contains(&number) {
                s.case_numbers.push(number);
            }
            if in_block {
                s.block.push(LineRef { page: page_no, line: j });
            }
            continue;
        }
        label_waiting = false;
        if case_numbers::is_case_number_line(text) {
            for c in case_numbers::find_labeled(text) {
                if !s.case_numbers.contains(&c) {
                    s.case_numbers.push(c);
                }
            }
            if in_block {
                s.block.push(LineRef { page: page_no, line: j });
            }
            continue;
        }
        if is_label_line(text) {
            s.label = true;
            in_block = false;
            continue;
        }
        // The title wraps onto the next line, or sits there when the heading line has none.
        let continues_title = n == 0
            && in_block
            && (title.is_empty()
                || toc_title.is_some_and(|t| {
                    let joined = normalize(&format!("{title} {text}"));
                    normalize(t).contains(&joined) && joined.len() > normalize(&title).len()
                })
                || (heading_styled && styled(page, j, median) && words::word_count(text) <= 12));
        if continues_title {
            // A status marker wrapped onto the title's second line (`… i Vestergade –` / `Lukket`)
            // is still the heading's marker, not part of its title.
            let joined = words::plain_punctuation(&format!("{title} {text}"));
            let (stripped, closed) = headings::strip_status(&joined);
            if closed.is_some() {
                s.status = s.status.or(closed);
            }
            title = stripped;
            s.block.push(LineRef { page: page_no, line: j });
            continue;
        }
        in_block = false;
    }
    if title != heading.title {
        s.title_continuation = title;
    }
    s
}

fn find_headings(
    pages: &[PageText],
    running: &[Vec<usize>],
    toc_lines: &[LineRef],
    toc: &[TocEntry],
    kind: DocKind,
    attachments: &[AttachmentSection],
) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = Vec::new();
    let mut section: Option<bool> = None;
    for (p, page) in pages.iter().enumerate() {
        let page_no = p as u32 + 1;
        let median = median_font_size(page);
        if attachments.iter().any(|a| a.pages.contains(&page_no)) {
            // Appended attachments are not in the agenda's open or closed part.
            section = None;
        }
        for i in 0..page.lines.len() {
            if running.get(p).is_some_and(|r| r.contains(&i)) || toc_lines.contains(&LineRef { page: page_no, line: i })
            {
                continue;
            }
            let text = page.line_text(i).trim();
            if let Some(status) = words::section_status(text, styled(page, i, median)) {
                section = Some(status);
                continue;
            }
            let Some(mut heading) = headings::parse(text) else { continue };
            if words::word_count(&heading.title) > MAX_TITLE_WORDS {
                continue;
            }
            let mut status_in_cell = false;
            if heading.closed.is_none() {
                if let Some((closed, title)) = status_cell(page, i).and_then(|(c, head)| {
                    headings::parse(&head).filter(|h| h.number == heading.number).map(|h| (c, h.title))
                }) {
                    heading.closed = Some(closed);
                    heading.title = title;
                    status_in_cell = true;
                }
            }
            let inline_numbers = match case_numbers::split_heading(&heading.title) {
                Some((title, numbers)) => {
                    heading.title = title;
                    numbers
                }
                None => Vec::new(),
            };
            let toc_entry = toc.iter().find(|e| e.number == heading.number);
            let mut s = support(page, page_no, i, &heading, toc_entry.map(|e| e.title.as_str()), median);
            for c in inline_numbers {
                if !s.case_numbers.contains(&c) {
                    s.case_numbers.push(c);
                }
            }
            if s.status.is_none() && heading.closed.is_none() {
                if let Some((closed, at)) = status_above(page, page_no, i, &out) {
                    s.status = Some(closed);
                    s.block.push(at);
                }
            }
            let title =
                if s.title_continuation.is_empty() { heading.title.clone() } else { s.title_continuation.clone() };
            let toc_agrees = toc_entry.is_some_and(|e| headings::titles_agree(&e.title, &title));
            if toc_entry.is_some() && !toc_agrees {
                continue;
            }
            let declared = s.status.is_some() || !s.case_numbers.is_empty() || heading.closed.is_some();
            let is_styled = styled(page, i, median);
            let accept = if !toc.is_empty() && toc_entry.is_none() {
                // Not in the table of contents: only a heading that declares itself counts.
                declared && (heading.form != HeadingForm::Bare || s.status.is_some() || status_in_cell)
            } else {
                match heading.form {
                    HeadingForm::Keyword => {
                        toc_agrees
                            || declared
                            || s.label
                            || is_styled
                            || title.is_empty()
                            || title.starts_with(|c: char| c.is_uppercase())
                    }
                    HeadingForm::Numbered => {
                        toc_agrees
                            || declared
                            || (is_styled && matches!(kind, DocKind::Agenda | DocKind::Minutes) && toc.is_empty())
                    }
                    HeadingForm::Bare => {
                        (toc_agrees && (is_styled || declared || s.label)) || s.status.is_some() || status_in_cell
                    }
                }
            };
            if !accept {
                continue;
            }
            let in_attachment = attachments.iter().find(|a| a.pages.contains(&page_no)).map(|a| a.label.clone());
            let at = HeadingAt { at: LineRef { page: page_no, line: i }, title, block: s.block.clone(), in_attachment };
            out.push(Occurrence { heading, at, support: s, section });
        }
    }
    out
}

fn number_key(n: &str) -> u32 {
    n.parse().unwrap_or(u32::MAX)
}

fn build_items(
    page_count: usize,
    toc: &[TocEntry],
    occurrences: Vec<Occurrence>,
    attachments: &[AttachmentSection],
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for e in toc {
        if items.iter().any(|i| i.number == e.number) {
            continue;
        }
        items.push(Item {
            number: e.number.clone(),
            title: e.title.clone(),
            closed: e.closed == Some(true),
            status_source: e.closed.map(|_| "table of contents".to_string()),
            ..Default::default()
        });
    }
    for occ in occurrences {
        let idx = match items.iter().position(|i| i.number == occ.heading.number) {
            Some(idx) => {
                let item = &items[idx];
                let known_title = item.headings.first().map_or(item.title.as_str(), |h| h.title.as_str());
                if !headings::titles_agree(known_title, &occ.at.title) {
                    continue;
                }
                idx
            }
            None => {
                items.push(Item {
                    number: occ.heading.number.clone(),
                    title: occ.at.title.clone(),
                    ..Default::default()
                });
                items.len() - 1
            }
        };
        let item = &mut items[idx];
        if item.title.is_empty() {
            item.title = occ.at.title.clone();
        }
        let status = occ
            .heading
            .closed
            .map(|c| (c, "heading"))
            .or(occ.support.status.map(|c| (c, "status line")))
            .or(occ.section.map(|c| (c, "agenda section")));
        if let Some((closed, source)) = status {
            if closed && !item.closed {
                item.closed = true;
                item.status_source = Some(source.to_string());
            } else if item.status_source.is_none() {
                item.status_source = Some(source.to_string());
            }
        }
        for c in occ.support.case_numbers {
            if !item.case_numbers.contains(&c) {
                item.case_numbers.push(c);
            }
        }
        item.headings.push(occ.at);
    }
    assign_pages(&mut items, page_count, attachments);
    items.sort_by(|a, b| number_key(&a.number).cmp(&number_key(&b.number)).then_with(|| a.number.cmp(&b.number)));
    items
}

/// An item runs from its first heading to the next item's heading (that page included when the
/// next heading is not at its top), or to the first attachment section after it.
fn assign_pages(items: &mut [Item], page_count: usize, attachments: &[AttachmentSection]) {
    let mut starts: Vec<(LineRef, usize)> =
        items.iter().enumerate().filter_map(|(k, it)| it.headings.first().map(|h| (h.at, k))).collect();
    starts.sort_by_key(|(at, _)| (at.page, at.line));
    for (n, (at, k)) in starts.iter().enumerate() {
        let end = match starts.get(n + 1) {
            Some((next, _)) if next.page > at.page && next.line <= 2 => next.page - 1,
            Some((next, _)) => next.page,
            None => attachments
                .iter()
                .filter_map(|a| a.pages.first().copied())
                .find(|&first| first > at.page)
                .map_or(page_count as u32, |first| first - 1),
        };
        if let Some(item) = items.get_mut(*k) {
            item.pages = (at.page..=end.max(at.page)).collect();
        }
    }
}
