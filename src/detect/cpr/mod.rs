//! Rule `cpr`: Danish CPR numbers, validated (date, century, modulus 11 with exception dates).
//!
//! Policy (domain notes §1; recall first, but no alarms on number tables):
//! - Shape: six date digits and four serial digits, separated by nothing, a hyphen or any dash,
//!   a space, a no-break space, a slash; or wrapped after the dash onto the next line (always
//!   joined); or a bare line break or a spaced dash (`120387 - 1234`) between the groups (only
//!   next to a CPR label), or a producer's stand-in for a dash it could not encode (`·`, `?`;
//!   only next to a CPR label). Digits that are
//!   part of a longer run or structure (`12345678901`, `1203871234-5`, `00.01.00-…`) are not.
//! - Validity: the date must exist (century from the 7th digit, `rules/cpr/century.toml`) and
//!   not lie in the future. Then: modulus 11 passes → report; an exception date
//!   (`rules/cpr/exception_dates.txt`) → report; the checksum fails on another date → report only
//!   when a CPR label is close, with lower confidence.
//! - Local context: the nearest label word before the number on its line (within 30 bytes)
//!   decides; for a number starting its line, a label ending the line above; for a number in a
//!   table column, the column's header (same horizontal position, rows of digits in between). A CPR label there raises confidence; a word such as `P-nr.`, `Kontonr.`, `Faktura`,
//!   `Sagsnr.`, `CVR`, `Tlf.` suppresses the number. Words anywhere else on the page never do.
//! - Density: a unit with at least `DENSITY_MIN_CANDIDATES` CPR-shaped numbers of which at most
//!   one in `DENSITY_MAX_VALID_SHARE` validates is a table of other numbers (a random ten-digit
//!   number passes date and checksum about 0.4 % of the time, a real list of CPRs nearly always):
//!   its unlabelled hits are kept but lowered to severity low, confidence 0.25.

pub mod data;

use super::rulefile::{self, context_of, default_rule, Hit, Lexicon};
use super::{mask, DocContext, Finding, Severity, TextUnit};
use crate::pdf::{PageText, Rect};
use data::{Date, Validity};
use std::ops::Range;
use std::sync::OnceLock;

/// Fewest CPR-shaped numbers in a unit before the density rule may apply.
pub const DENSITY_MIN_CANDIDATES: usize = 10;
/// The density rule applies when `valid * DENSITY_MAX_VALID_SHARE <= candidates`.
pub const DENSITY_MAX_VALID_SHARE: usize = 5;
/// How far (bytes) before a number a suppressing or labelling word may end, on the same line.
const LOCAL_WINDOW: usize = 30;
/// How far before a number a CPR label may be to count as "close" (may be on the line above).
const LABEL_WINDOW_BEFORE: usize = 60;
/// How far after a number a CPR label may start (`120387-1234 (cpr-nr.)`), on the same line.
const LABEL_WINDOW_AFTER: usize = 25;

const LABEL: u32 = 1;
const SUPPRESS: u32 = 2;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| {
        let rule = default_rule("cpr");
        Lexicon::new([(LABEL, rule.keywords.as_slice()), (SUPPRESS, rule.list("suppress_before"))])
            .unwrap_or_else(|_| Lexicon::empty())
    })
}

/// How the two groups are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    None,
    Dash,
    Space,
    Slash,
    /// Dash at a line end, serial on the next line.
    DashWrap,
    /// Only a line break between the groups.
    Newline,
    /// A dash with spaces around it (`120387 - 1234`): too much like a range; needs a label.
    SpacedDash,
    /// What a producer prints for a dash its font cannot encode (PyMuPDF's base-14 fonts give
    /// `·` or `?` for an en dash): a reader still sees a CPR, but only a label makes it one.
    StandIn,
    /// Dash at the end of a table cell's line, serial at the start of the cell's next line, with
    /// the row's other cells between them in the text (found by position only).
    CellWrap,
}

/// A CPR-shaped number in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub range: Range<usize>,
    pub digits: [u8; 10],
    pub sep: Sep,
    /// Grouped like a longer number (`120387 1234 5678`): a CPR only with a label.
    pub needs_label: bool,
}

/// Maximal runs of ASCII digits, as byte ranges.
fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push(s..i);
        } else {
            i += 1;
        }
    }
    runs
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}')
}

fn is_space_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Stand-ins for a character the font could not show: the middle dot, `?`, U+FFFD.
fn is_stand_in(c: char) -> bool {
    matches!(c, '\u{00B7}' | '?' | '\u{FFFD}')
}

/// Characters that join digit groups into one longer number or code.
fn is_joiner(c: char) -> bool {
    is_dash(c) || matches!(c, '.' | ',' | '/' | ':' | '_')
}

/// Skips spaces and tabs; returns the position after them.
fn skip_blanks(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c == ' ' || c == '\t' || c == '\u{00A0}' || c == '\r' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// The separator after the date group ending at `pos`, and where the serial must start.
fn separator_at(text: &str, pos: usize) -> Option<(Sep, usize)> {
    let c = text[pos..].chars().next()?;
    let after = pos + c.len_utf8();
    if is_dash(c) {
        let p = skip_blanks(text, after);
        if text[p..].starts_with('\n') {
            return Some((Sep::DashWrap, skip_blanks(text, p + 1)));
        }
        return Some((Sep::Dash, after));
    }
    if c == '/' {
        return Some((Sep::Slash, after));
    }
    if is_stand_in(c) {
        return Some((Sep::StandIn, after));
    }
    if is_space_sep(c) {
        let mut rest = text[after..].chars();
        if let (Some(d), Some(s)) = (rest.next(), rest.next()) {
            if is_dash(d) && is_space_sep(s) {
                return Some((Sep::SpacedDash, after + d.len_utf8() + s.len_utf8()));
            }
        }
        let p = skip_blanks(text, pos);
        if text[p..].starts_with('\n') {
            return Some((Sep::Newline, skip_blanks(text, p + 1)));
        }
        return Some((Sep::Space, after));
    }
    if c == '\n' {
        return Some((Sep::Newline, skip_blanks(text, after)));
    }
    None
}

/// Rejects digit groups that are part of a longer structure, on either side.
fn part_of_longer(text: &str, range: &Range<usize>, label_ends_here: bool) -> bool {
    let mut before = text[..range.start].chars().rev();
    match (before.next(), before.next()) {
        (Some(c), Some(d)) if is_joiner(c) && d.is_ascii_digit() => return true,
        (Some(c), _) if c.is_alphabetic() && !label_ends_here => return true,
        _ => {}
    }
    let mut after = text[range.end..].chars();
    match (after.next(), after.next()) {
        (Some(c), Some(d)) if is_joiner(c) && d.is_ascii_digit() => true,
        // A capitalised word right after the digits is the next table cell's text run into
        // this one (xhtml2pdf lets a too-narrow cell overflow: `2811651292Ønsker`), not a code.
        (Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => false,
        (Some(c), _) if c.is_alphabetic() => true,
        _ => false,
    }
}

/// Every CPR-shaped number in `text`, with the digit-structure rejections applied.
pub fn candidates(text: &str, hits: &[Hit]) -> Vec<Candidate> {
    let runs = digit_runs(text);
    let mut out = Vec::new();
    let label_ends_at = |pos: usize| hits.iter().any(|h| h.is(LABEL) && h.end == pos);
    let mut i = 0;
    while i < runs.len() {
        let r = runs[i].clone();
        let len = r.end - r.start;
        if len == 10 {
            if !part_of_longer(text, &r, label_ends_at(r.start)) {
                out.push(Candidate { digits: to_digits(text, &r, &r), range: r, sep: Sep::None, needs_label: false });
            }
            i += 1;
            continue;
        }
        if len == 6 {
            if let (Some((sep, serial_start)), Some(next)) = (separator_at(text, r.end), runs.get(i + 1)) {
                if next.start == serial_start && next.end - next.start == 4 {
                    let range = r.start..next.end;
                    if !part_of_longer(text, &range, label_ends_at(r.start)) {
                        let grouped = sep == Sep::Space && space_grouped(text, &range);
                        out.push(Candidate {
                            digits: to_digits(text, &r, next),
                            range,
                            sep,
                            needs_label: matches!(sep, Sep::Newline | Sep::SpacedDash | Sep::StandIn) || grouped,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// `12 120387 1234` or `120387 1234 56`: digit groups continuing on either side with a space.
fn space_grouped(text: &str, range: &Range<usize>) -> bool {
    let mut before = text[..range.start].chars().rev();
    let mut after = text[range.end..].chars();
    let b = matches!((before.next(), before.next()), (Some(s), Some(d)) if is_space_sep(s) && d.is_ascii_digit());
    let a = matches!((after.next(), after.next()), (Some(s), Some(d)) if is_space_sep(s) && d.is_ascii_digit());
    a || b
}

fn to_digits(text: &str, date: &Range<usize>, serial: &Range<usize>) -> [u8; 10] {
    let mut d = [0u8; 10];
    let bytes = text[date.clone()].bytes().chain(text[serial.clone()].bytes());
    for (slot, b) in d.iter_mut().zip(bytes) {
        *slot = b.wrapping_sub(b'0');
    }
    d
}

/// Whether a CPR label is close to `range`: ending up to `LABEL_WINDOW_BEFORE` bytes before it
/// with at most one line break between, or starting just after it on its line.
fn label_close(text: &str, hits: &[Hit], range: &Range<usize>) -> bool {
    hits.iter().filter(|h| h.is(LABEL)).any(|h| {
        if h.end <= range.start {
            let gap = &text[h.end..range.start];
            gap.len() <= LABEL_WINDOW_BEFORE && gap.matches('\n').count() <= 1
        } else if h.start >= range.end {
            let gap = &text[range.end..h.start];
            gap.len() <= LABEL_WINDOW_AFTER && !gap.contains('\n')
        } else {
            false
        }
    })
}

/// What the words just before the number say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Local {
    Nothing,
    Label,
    Suppress,
}

/// What the words just before the number say: the nearest label word before it on its line; for
/// a number that starts its line, a label ending the line above (`Fakturanr.` / `2106871127`);
/// for a number in a table column, the column's header above it (`Bilagsnr.` over a column of
/// numbers). Never a word elsewhere on the page.
fn local_context(text: &str, page: Option<&PageText>, hits: &[Hit], range: &Range<usize>) -> Local {
    let decide = |h: Hit| if h.is(LABEL) { Local::Label } else { Local::Suppress };
    let pos = range.start;
    if let Some(h) = rulefile::nearest_before(hits, text, pos, LOCAL_WINDOW, LABEL | SUPPRESS) {
        return decide(h);
    }
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return Local::Nothing;
    }
    let column = horizontal(text, page, range);
    // A number further right on its line counts as a table cell only after a cell gap
    // (`José Martínez      0505824321`); in running text the words before it have decided.
    if !text[line_start..pos].trim().is_empty() {
        return if starts_cell(text, page, line_start, range.start..range.end) {
            column_header(text, page, hits, line_start, column)
        } else {
            Local::Nothing
        };
    }
    // A label ending the line above.
    let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
    let prev_end = prev_start + text[prev_start..line_start - 1].trim_end_matches([' ', ':', '.', '\t']).len();
    if let Some(h) = hits
        .iter()
        .rev()
        .skip_while(|h| h.start >= line_start)
        .take_while(|h| h.start >= prev_start)
        .find(|h| h.is(LABEL | SUPPRESS))
    {
        // The keyword may be the start of a compound (`Faktura` in `Fakturanr.`).
        let word_end = h.end
            + text[h.end..]
                .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(text.len() - h.end);
        // A wrapped sentence (`… Fakturanr.` / `2106871127`), not the header of another column.
        let other_column = starts_cell(text, page, prev_start, h.start..h.end)
            && !same_column(horizontal(text, page, &(h.start..h.end)), column, page.is_some());
        if word_end + 1 >= prev_end && !other_column {
            return decide(*h);
        }
    }
    column_header(text, page, hits, line_start, column)
}

/// A column header over the value spanning `column` on the line starting at `line_start`: walk
/// up through rows that have digits in the same column.
fn column_header(text: &str, page: Option<&PageText>, hits: &[Hit], line_start: usize, column: (f32, f32)) -> Local {
    let decide = |h: &Hit| if h.is(LABEL) { Local::Label } else { Local::Suppress };
    let mut upper_end = line_start.saturating_sub(1);
    for _ in 0..12 {
        let upper_start = text[..upper_end].rfind('\n').map_or(0, |i| i + 1);
        let header = hits
            .iter()
            .filter(|h| h.start >= upper_start && h.end <= upper_end && h.is(LABEL | SUPPRESS))
            .filter(|h| starts_cell(text, page, upper_start, h.start..h.end))
            .find(|h| header_over(text, page, upper_start..upper_end, h, column));
        if let Some(h) = header {
            return decide(h);
        }
        let row = digit_runs(&text[upper_start..upper_end])
            .into_iter()
            .any(|r| overlaps(horizontal(text, page, &(upper_start + r.start..upper_start + r.end)), column));
        if !row || upper_start == 0 {
            break;
        }
        upper_end = upper_start - 1;
    }
    Local::Nothing
}

/// The horizontal extent of `range`: its box on the page when known, else its character columns.
fn horizontal(text: &str, page: Option<&PageText>, range: &Range<usize>) -> (f32, f32) {
    if let Some(b) = page.and_then(|p| p.bbox_of(range.clone())) {
        return (b.x0, b.x1);
    }
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..range.start].chars().count() as f32;
    let width = text[range.clone()].lines().next().map_or(0, |l| l.chars().count()) as f32;
    // Character columns are in different units from page boxes; both sides of a comparison come
    // from the same page, so they agree as long as the page has boxes for both or for neither.
    (col, col + width.max(1.0))
}

fn overlaps(a: (f32, f32), b: (f32, f32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether a header word lines up with a column value: overlapping boxes on a page; in plain
/// text, the same starting column (±2 characters).
fn same_column(header: (f32, f32), value: (f32, f32), boxes: bool) -> bool {
    if boxes {
        overlaps(header, value)
    } else {
        (header.0 - value.0).abs() <= 2.0
    }
}

/// Whether the text at `range` starts a table cell: at the start of its line, or after a wide
/// gap (two or more spaces or a tab; on a page, a gap wider than the text is high).
fn starts_cell(text: &str, page: Option<&PageText>, line_start: usize, range: Range<usize>) -> bool {
    let before = &text[line_start..range.start];
    if before.trim().is_empty() || before.ends_with("  ") || before.ends_with('\t') {
        return true;
    }
    let Some(p) = page else { return false };
    let prev_char =
        before.trim_end().char_indices().next_back().map(|(i, c)| line_start + i..line_start + i + c.len_utf8());
    match (prev_char.and_then(|r| p.bbox_of(r)), p.bbox_of(range)) {
        (Some(a), Some(b)) => b.x0 - a.x1 > b.height().max(1.0),
        _ => false,
    }
}

/// Whether header `h` on the line `line` stands over the value spanning `value`. On a page a
/// header owns the width of its cell, up to halfway to the neighbouring cells of its row, so a
/// header centred over a column of left-aligned numbers (HTML `<th>`) still heads them.
fn header_over(text: &str, page: Option<&PageText>, line: Range<usize>, h: &Hit, value: (f32, f32)) -> bool {
    let own = horizontal(text, page, &(h.start..h.end));
    let Some(p) = page else { return same_column(own, value, false) };
    if overlaps(own, value) {
        return true;
    }
    let first = p.char_boxes.partition_point(|(o, _)| (*o as usize) < line.start);
    let boxes: Vec<Rect> =
        p.char_boxes[first..].iter().take_while(|(o, _)| (*o as usize) < line.end).map(|(_, r)| *r).collect();
    let Some(at) = p.char_boxes[first..].iter().take(boxes.len()).position(|(o, _)| *o as usize >= h.start) else {
        return false;
    };
    let cell_gap = |a: &Rect, b: &Rect| b.x0 - a.x1 > b.height().max(a.height()).max(1.0);
    // Extend over the header's own words to the next cell gap.
    let mut end = at;
    while end + 1 < boxes.len() && !cell_gap(&boxes[end], &boxes[end + 1]) && boxes[end + 1].x0 >= boxes[end].x0 {
        end += 1;
    }
    let left = at.checked_sub(1).and_then(|k| boxes.get(k)).map_or(f32::MIN, |prev| (prev.x1 + boxes[at].x0) / 2.0);
    let right = boxes.get(end + 1).map_or(f32::MAX, |next| (boxes[end].x1 + next.x0) / 2.0);
    let centre = (value.0 + value.1) / 2.0;
    left < centre && centre < right
}

/// A CPR number found, before it becomes a `Finding`.
#[derive(Debug, Clone, PartialEq)]
pub struct CprHit {
    pub range: Range<usize>,
    pub severity: Severity,
    pub confidence: f32,
    pub validity: Validity,
    pub labelled: bool,
    pub date: Date,
    pub sep: Sep,
}

/// The rule over plain text, against `today`. Separated from `check` so tests can fix the date.
pub fn find(text: &str, today: Date) -> Vec<CprHit> {
    find_in(text, None, today)
}

/// `find` with the page's character boxes, so table columns are recognised by position.
pub fn find_in(text: &str, page: Option<&PageText>, today: Date) -> Vec<CprHit> {
    // Cheap prefilter: without a run of exactly six or ten digits there is no CPR, and no need
    // for the keyword pass (most pages only have years and amounts).
    if !has_cpr_shaped_run(text) {
        return Vec::new();
    }
    let hits = lexicon().find(text);
    let mut cands = candidates(text, &hits);
    if let Some(p) = page {
        cell_wraps(text, p, &mut cands);
    }
    if cands.is_empty() {
        return Vec::new();
    }
    struct Judged {
        cand: Candidate,
        validity: Validity,
        date: Option<Date>,
        local: Local,
        labelled: bool,
    }
    let judged: Vec<Judged> = cands
        .into_iter()
        .map(|cand| {
            let (validity, date) = data::validate(&cand.digits, today);
            let local = local_context(text, page, &hits, &cand.range);
            let labelled = local == Local::Label || (local != Local::Suppress && label_close(text, &hits, &cand.range));
            Judged { cand, validity, date, local, labelled }
        })
        .collect();
    let unsuppressed = judged.iter().filter(|j| j.local != Local::Suppress).count();
    let validating = judged
        .iter()
        .filter(|j| j.local != Local::Suppress && matches!(j.validity, Validity::Valid | Validity::ExceptionDate))
        .count();
    let dense = unsuppressed >= DENSITY_MIN_CANDIDATES && validating * DENSITY_MAX_VALID_SHARE <= unsuppressed;

    let mut out = Vec::new();
    for j in judged {
        let Some(date) = j.date else { continue };
        if j.local == Local::Suppress || (j.cand.needs_label && !j.labelled) {
            continue;
        }
        let confidence = match (j.validity, j.labelled) {
            (Validity::Valid, true) => 0.98,
            (Validity::Valid, false) => match j.cand.sep {
                Sep::Dash | Sep::DashWrap | Sep::CellWrap => 0.9,
                Sep::Space | Sep::Slash | Sep::SpacedDash | Sep::StandIn => 0.8,
                Sep::None | Sep::Newline => 0.75,
            },
            (Validity::ExceptionDate, true) => 0.9,
            (Validity::ExceptionDate, false) => 0.6,
            (Validity::ChecksumFails, true) => 0.55,
            (Validity::ChecksumFails, false) | (Validity::NoDate, _) => continue,
        };
        let (severity, confidence) =
            if dense && !j.labelled { (Severity::Low, 0.25) } else { (Severity::High, confidence) };
        out.push(CprHit {
            range: j.cand.range,
            severity,
            confidence,
            validity: j.validity,
            labelled: j.labelled,
            date,
            sep: j.cand.sep,
        });
    }
    out
}

/// Lines after a date group's line searched for its serial in the same table cell: a cell whose
/// rows are centred vertically puts its first line above the row's other cells.
const CELL_WRAP_LINES: usize = 3;

/// CPR numbers wrapped after the dash inside a narrow table cell. Chromium breaks
/// `281165-1292` after the dash and lets the six digits run up to the next cell, so the text reads
/// `Jørgen Ærø 281165-Ønsker Åparken …` and `1292 orienteret` on the next line: the serial is
/// the first word of a later line, left-aligned under the date group. Only positions tell, so
/// plain text never gets these.
fn cell_wraps(text: &str, page: &PageText, cands: &mut Vec<Candidate>) {
    let runs = digit_runs(text);
    let mut found = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        if r.end - r.start != 6 || cands.iter().any(|c| c.range.start == r.start) {
            continue;
        }
        let mut after = text[r.end..].chars();
        let (Some(dash), next) = (after.next(), after.next()) else { continue };
        if !is_dash(dash)
            || next.is_some_and(|c| c.is_ascii_digit())
            || part_of_longer(text, &(r.start..r.start), false)
        {
            continue;
        }
        let Some(date_box) = page.bbox_of(r.clone()) else { continue };
        let height = date_box.height().max(1.0);
        let line_end = text[r.end..].find('\n').map_or(text.len(), |k| r.end + k);
        let limit = text[line_end..].match_indices('\n').nth(CELL_WRAP_LINES).map_or(text.len(), |(k, _)| line_end + k);
        let serial = runs.get(i + 1..).unwrap_or_default().iter().take_while(|s| s.start < limit).find(|s| {
            s.start > line_end
                && s.end - s.start == 4
                && text[..s.start].ends_with(['\n', ' '])
                && !part_of_longer(text, &(s.end..s.end), false)
                && page.bbox_of((*s).clone()).is_some_and(|b| {
                    let drop = ((b.y0 + b.y1) - (date_box.y0 + date_box.y1)).abs() / 2.0;
                    (b.x0 - date_box.x0).abs() <= 0.5 * height && drop >= 0.6 * height && drop <= 3.0 * height
                })
        });
        if let Some(s) = serial {
            found.push(Candidate {
                digits: to_digits(text, r, s),
                range: r.start..s.end,
                sep: Sep::CellWrap,
                needs_label: false,
            });
        }
    }
    cands.extend(found);
    cands.sort_by_key(|c| c.range.start);
}

fn has_cpr_shaped_run(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes().chain(std::iter::once(b' ')) {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if run == 6 || run == 10 {
                return true;
            }
            run = 0;
        }
    }
    false
}

pub fn check(unit: &TextUnit<'_>, _doc: &DocContext, out: &mut Vec<Finding>) {
    let text = unit.text.text.as_str();
    for hit in find_in(text, Some(unit.text), data::today()) {
        // A number wrapped in a table cell has the row's other cells between its groups: the
        // finding holds the number alone, its context the date's line (never the serial).
        let (matched, shown) = match hit.sep {
            Sep::CellWrap => {
                let date = hit.range.start..hit.range.start + 6;
                let serial = hit.range.end.saturating_sub(4)..hit.range.end;
                let dash = text[date.end..].chars().next().unwrap_or('-');
                (format!("{}{dash}{}", &text[date.clone()], &text[serial]), date)
            }
            _ => (text[hit.range.clone()].replace('\n', " "), hit.range.clone()),
        };
        let masked = mask::mask_cpr(&matched);
        let (why, why_da) = match (hit.validity, hit.labelled) {
            (Validity::Valid, true) => {
                ("valid date and checksum, next to a CPR label", "gyldig dato og kontrolciffer, ved en CPR-betegnelse")
            }
            (Validity::Valid, false) => ("valid date and checksum", "gyldig dato og kontrolciffer"),
            (Validity::ExceptionDate, true) => (
                "a birth date issued without checksum, next to a CPR label",
                "en fødselsdato, hvor CPR-numre udstedes uden kontrolciffer, ved en CPR-betegnelse",
            ),
            (Validity::ExceptionDate, false) => {
                ("a birth date issued without checksum", "en fødselsdato, hvor CPR-numre udstedes uden kontrolciffer")
            }
            _ => (
                "valid date next to a CPR label, but the checksum does not match",
                "gyldig dato ved en CPR-betegnelse, men kontrolcifferet passer ikke",
            ),
        };
        let mut f = unit
            .finding("cpr", hit.severity, &matched, format!("CPR number (personnummer) {masked} found: {why}."))
            .with_danish(format!("CPR-nummer {masked} fundet: {why_da}."));
        f.masked_text = masked;
        f.context = context_of(text, shown.clone(), 60);
        f.bbox = match hit.sep {
            Sep::CellWrap => unit
                .text
                .bbox_of(shown)
                .zip(unit.text.bbox_of(hit.range.end.saturating_sub(4)..hit.range.end))
                .map(|(a, b)| a.union(&b)),
            _ => unit.text.bbox_of(hit.range.clone()),
        };
        f.confidence = hit.confidence;
        out.push(f);
    }
}

#[cfg(test)]
mod tests;
