//! Rule `closed-item`: every page that carries a closed item's content, with the item and the
//! evidence. A closed item published correctly (its heading, status and case number only) and
//! its line in the table of contents are not findings.
//!
//! Signals, strongest first: body text under a closed item's heading (wherever the heading
//! occurs, also inside another item's attachment); the item's case number outside its heading; a
//! running header or footer naming it; an attachment label or file name filing the page under
//! it; a distinctive phrase of its title.

use super::edges::{self, Edge};
use super::words::{self, is_label_line, is_page_number_line, is_stop_word, normalize, same_word, status_line};
use super::{case_numbers, headings, infer, Agenda, HeadingAt, Item, LineRef};
use crate::detect::{Finding, Severity};
use crate::pdf::PageText;
use regex::Regex;
use std::sync::OnceLock;

pub const RULE: &str = "closed-item";

/// A closed item's body is followed across at most this many pages after its heading.
const MAX_BODY_PAGES: usize = 30;
/// Evidence and context lines are cut to this many chars.
const MAX_SHOWN: usize = 160;

#[derive(Debug, Clone, PartialEq)]
enum Signal {
    /// Body text under a heading; `from_page` when the heading is on an earlier page.
    Body {
        from_page: Option<u32>,
        in_attachment: Option<String>,
    },
    CaseNumber(String),
    /// The edge, and the case number the line carries, if that is how it names the item.
    RunningLine(Edge, Option<String>),
    AttachmentLabel(String),
    /// A page after a closed item's attachment section, with no label of its own: the label and
    /// the page that carries it.
    AttachmentPages(String, u32),
    FileName(String),
    Manifest(String),
    Title(String),
}

impl Signal {
    fn rank(&self) -> u8 {
        match self {
            Signal::Body { .. } => 0,
            Signal::CaseNumber(_) => 1,
            Signal::RunningLine(..) | Signal::AttachmentLabel(_) | Signal::AttachmentPages(..) => 2,
            Signal::Manifest(_) | Signal::FileName(_) => 3,
            Signal::Title(_) => 4,
        }
    }

    fn confidence(&self) -> f32 {
        match self {
            Signal::Body { .. } => 0.95,
            Signal::CaseNumber(_) | Signal::RunningLine(..) | Signal::AttachmentLabel(_) | Signal::Manifest(_) => 0.9,
            Signal::AttachmentPages(..) => 0.8,
            Signal::FileName(_) => 0.8,
            Signal::Title(_) => 0.7,
        }
    }

    fn describe_da(&self) -> String {
        match self {
            Signal::Body { from_page, in_attachment } => {
                let mut s = "brødtekst under punktets overskrift".to_string();
                if let Some(p) = from_page {
                    s.push_str(&format!(" (fortsat fra overskriften på side {p})"));
                }
                if let Some(a) = in_attachment {
                    s.push_str(&format!(" inde i bilaget '{}'", shorten(a, 60)));
                }
                s
            }
            Signal::CaseNumber(c) => format!("punktets sagsnummer {c} uden for overskriften"),
            Signal::RunningLine(edge, number) => {
                let which = if *edge == Edge::Top { "sidehoved" } else { "sidefod" };
                match number {
                    Some(n) => format!("et gennemgående {which} nævner punktet (sagsnummer {n})"),
                    None => format!("et gennemgående {which} nævner punktet"),
                }
            }
            Signal::AttachmentLabel(l) => {
                format!("bilagsbetegnelsen '{}' placerer siden under punktet", shorten(l, 60))
            }
            Signal::AttachmentPages(l, p) => format!(
                "siden hører til bilaget '{}', der er betegnet på side {p}, og har ingen betegnelse selv",
                shorten(l, 60)
            ),
            Signal::FileName(n) => format!("filnavnet '{n}' placerer filen under punktet"),
            Signal::Manifest(n) => format!("dagsordenssystemets liste angiver '{n}' som punktets bilag"),
            Signal::Title(w) => format!("en karakteristisk formulering fra punktets titel ('{w}')"),
        }
    }

    fn describe(&self) -> String {
        match self {
            Signal::Body { from_page, in_attachment } => {
                let mut s = "body text under its heading".to_string();
                if let Some(p) = from_page {
                    s.push_str(&format!(" (continued from its heading on page {p})"));
                }
                if let Some(a) = in_attachment {
                    s.push_str(&format!(" inside the attachment '{}'", shorten(a, 60)));
                }
                s
            }
            Signal::CaseNumber(c) => format!("its case number {c} outside its heading"),
            Signal::RunningLine(edge, number) => {
                let which = if *edge == Edge::Top { "header" } else { "footer" };
                match number {
                    Some(n) => format!("a running {which} names it (case number {n})"),
                    None => format!("a running {which} names it"),
                }
            }
            Signal::AttachmentLabel(l) => format!("the attachment label '{}' files the page under it", shorten(l, 60)),
            Signal::AttachmentPages(l, p) => {
                format!("it goes on the attachment '{}' labelled on page {p}, with no label of its own", shorten(l, 60))
            }
            Signal::FileName(n) => format!("the file name '{n}' files it under that item"),
            Signal::Manifest(n) => format!("the agenda manifest lists '{n}' as its attachment"),
            Signal::Title(w) => format!("a distinctive phrase of its title ('{w}')"),
        }
    }
}

#[derive(Debug, Clone)]
struct Evidence {
    item: usize,
    signal: Signal,
    line: Option<usize>,
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}…")
}

/// Checks a document against the closed items its agenda knows (its own, or adopted from the
/// meeting's agenda or a manifest). `file_name` enables the file-name signal.
pub fn check(pages: &[PageText], agenda: &Agenda, file_name: Option<&str>, out: &mut Vec<Finding>) {
    let closed: Vec<(usize, &Item)> = agenda.items.iter().enumerate().filter(|(_, i)| i.closed).collect();
    if closed.is_empty() {
        return;
    }
    let mut per_page: Vec<Vec<Evidence>> = vec![Vec::new(); pages.len()];
    let all_headings: Vec<LineRef> = agenda.items.iter().flat_map(|i| i.headings.iter().map(|h| h.at)).collect();
    let page_edges: Vec<Vec<(usize, Edge)>> = pages.iter().map(edges::edge_lines).collect();
    for &(k, item) in &closed {
        for h in &item.headings {
            body_signal(pages, agenda, k, h, &all_headings, &mut per_page);
        }
        let distinctive = distinctive_words(item, agenda);
        for (p, page) in pages.iter().enumerate() {
            let page_no = p as u32 + 1;
            for i in 0..page.lines.len() {
                let at = LineRef { page: page_no, line: i };
                // Any item's heading block (another item may share the case number) and the
                // table of contents are the agenda's own furniture.
                if agenda.toc_lines.contains(&at) || agenda.items.iter().any(|it| is_own_heading_line(it, at)) {
                    continue;
                }
                let edge = page_edges[p].iter().find(|(j, _)| *j == i).map(|(_, e)| *e);
                if let Some(signal) = line_signal(page, agenda, p, i, edge, item, &distinctive) {
                    per_page[p].push(Evidence { item: k, signal, line: Some(i) });
                }
            }
        }
        attachment_continuation(pages, agenda, k, item, &mut per_page);
        if let Some(signal) = file_signal(file_name, item) {
            for ev in per_page.iter_mut() {
                ev.push(Evidence { item: k, signal: signal.clone(), line: None });
            }
        }
    }
    for (p, evidence) in per_page.into_iter().enumerate() {
        if let Some(f) = finding(&pages[p], p as u32 + 1, agenda, evidence) {
            out.push(f);
        }
    }
}

fn is_own_heading_line(item: &Item, at: LineRef) -> bool {
    item.headings.iter().any(|h| h.at == at || h.block.contains(&at))
}

/// A line that is not content: empty, status, case number, section label, page number.
fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || status_line(t).is_some()
        || case_numbers::is_case_number_line(t)
        || is_label_line(t)
        || is_page_number_line(t)
        || words::is_meta_line(t)
        || words::is_closed_notice(t)
        || edges::attachment_label(t).is_some()
}

/// "Any real sentence": three words and a dozen letters.
fn is_body_line(text: &str) -> bool {
    !is_furniture(text) && words::word_count(text) >= 3 && text.chars().filter(|c| c.is_alphabetic()).count() >= 12
}

/// Lines of page `p` from `from` on that are body text, up to the next heading; and whether a
/// heading ended the scan.
/// A bare `9 Eventuelt` counts only when styled like a heading: in running text a line may
/// begin with the next number (`9 borgere har klaget`).
fn is_next_heading(page: &PageText, i: usize, median: f32, next_number: Option<u32>) -> bool {
    next_number.is_some_and(|n| {
        headings::parse(page.line_text(i)).is_some_and(|h| {
            h.number.parse::<u32>().ok() == Some(n)
                && (h.form != headings::HeadingForm::Bare || infer::styled(page, i, median))
        })
    })
}

fn body_lines(
    page: &PageText,
    p: usize,
    from: usize,
    agenda: &Agenda,
    skip: &[LineRef],
    headings: &[LineRef],
    number: &str,
) -> (Vec<usize>, bool) {
    let page_no = p as u32 + 1;
    let mut found = Vec::new();
    // The next item's heading ends the body even when it was not recognised as an item.
    let next_number = number.parse::<u32>().ok().map(|n| n + 1);
    let median = infer::median_font_size(page);
    for i in from..page.lines.len() {
        let at = LineRef { page: page_no, line: i };
        if headings.contains(&at) || is_next_heading(page, i, median, next_number) {
            return (found, true);
        }
        if skip.contains(&at) || agenda.running_lines.get(p).is_some_and(|r| r.contains(&i)) {
            continue;
        }
        if is_body_line(page.line_text(i)) {
            found.push(i);
        }
    }
    (found, false)
}

fn body_signal(
    pages: &[PageText],
    agenda: &Agenda,
    k: usize,
    h: &HeadingAt,
    all_headings: &[LineRef],
    per_page: &mut [Vec<Evidence>],
) {
    let Some(p) = (h.at.page as usize).checked_sub(1) else { return };
    let Some(page) = pages.get(p) else { return };
    let number = agenda.items.get(k).map_or("", |i| i.number.as_str());
    let (lines, stopped) = body_lines(page, p, h.at.line + 1, agenda, &h.block, all_headings, number);
    match lines.first() {
        Some(&first) => per_page[p].push(Evidence {
            item: k,
            signal: Signal::Body { from_page: None, in_attachment: h.in_attachment.clone() },
            line: Some(first),
        }),
        // The heading ends its page: its body may begin on the next one, but only while the
        // agenda's own items go on (a later item follows), not where attachments are appended.
        None if !stopped && later_item_follows(agenda, number, h.at.page) => {}
        None => return,
    }
    if stopped {
        return;
    }
    // The body goes on over the next pages, while they stay in the same attachment (or none)
    // and no other heading begins.
    let label = edges::page_attachment_label(page).map(|(_, l)| normalize(&l));
    for q in p + 1..pages.len().min(p + 1 + MAX_BODY_PAGES) {
        let next = &pages[q];
        let next_label = edges::page_attachment_label(next).map(|(_, l)| normalize(&l));
        if next_label.is_some() && next_label != label {
            return;
        }
        let (lines, stopped) = body_lines(next, q, 0, agenda, &[], all_headings, number);
        let Some(&first) = lines.first() else { return };
        per_page[q].push(Evidence {
            item: k,
            signal: Signal::Body { from_page: Some(h.at.page), in_attachment: h.in_attachment.clone() },
            line: Some(first),
        });
        if stopped {
            return;
        }
    }
}

/// Pages after a closed item's attachment section that carry no label of their own: an
/// attachment labelled only atop its first page (`Bilag 5.1: …` in a merged agenda) goes on until
/// the next label, heading or section. A label on a page of the agenda itself (a heading or the
/// table of contents on it) is the item's list of attachments, not an attachment.
fn attachment_continuation(pages: &[PageText], agenda: &Agenda, k: usize, item: &Item, per_page: &mut [Vec<Evidence>]) {
    let heading_pages: Vec<u32> = agenda.items.iter().flat_map(|i| i.headings.iter().map(|h| h.at.page)).collect();
    let furniture = |p: u32| heading_pages.contains(&p) || agenda.toc_lines.iter().any(|l| l.page == p);
    for section in agenda.attachments.iter().filter(|a| a.item.as_deref() == Some(item.number.as_str())) {
        let Some(&last) = section.pages.last() else { continue };
        if section.pages.iter().any(|&p| furniture(p)) {
            continue;
        }
        for q in (last as usize)..pages.len().min(last as usize + MAX_BODY_PAGES) {
            let page_no = q as u32 + 1;
            if furniture(page_no) || agenda.attachments.iter().any(|a| a.pages.contains(&page_no)) {
                break;
            }
            let running = agenda.running_lines.get(q);
            let first = (0..pages[q].lines.len())
                .find(|&i| !running.is_some_and(|r| r.contains(&i)) && is_body_line(pages[q].line_text(i)));
            if let Some(line) = first {
                let signal = Signal::AttachmentPages(section.label.clone(), last);
                per_page[q].push(Evidence { item: k, signal, line: Some(line) });
            }
        }
    }
}

/// Whether an item numbered after `number` has its heading on a page after `page`.
fn later_item_follows(agenda: &Agenda, number: &str, page: u32) -> bool {
    let Ok(n) = number.parse::<u32>() else { return false };
    agenda
        .items
        .iter()
        .any(|it| it.number.parse::<u32>().is_ok_and(|m| m > n) && it.headings.iter().any(|h| h.at.page > page))
}

/// Title words that single this item out: not function words, not agenda vocabulary, not in
/// any other item's title.
fn distinctive_words(item: &Item, agenda: &Agenda) -> Vec<String> {
    let others: Vec<String> =
        agenda.items.iter().filter(|o| o.number != item.number).flat_map(|o| words::words(&o.title, 3)).collect();
    let mut out: Vec<String> = Vec::new();
    for w in words::words(&item.title, 3) {
        if is_stop_word(&w) || others.iter().any(|o| same_word(o, &w)) || out.contains(&w) {
            continue;
        }
        out.push(w);
    }
    out
}

/// Evidence in one line: the case number, a running line naming the item, an attachment label
/// for it, or its title's wording.
fn line_signal(
    page: &PageText,
    agenda: &Agenda,
    p: usize,
    i: usize,
    edge: Option<Edge>,
    item: &Item,
    distinctive: &[String],
) -> Option<Signal> {
    let text = page.line_text(i);
    if text.trim().is_empty() {
        return None;
    }
    let running = agenda.running_lines.get(p).is_some_and(|r| r.contains(&i));
    // On a page of the agenda itself (an item's heading on it) the label is the item's list of
    // attachments, even at the page's edge.
    let agenda_page = agenda.items.iter().any(|it| it.headings.iter().any(|h| h.at.page as usize == p + 1));
    if let Some((Some(n), label)) = edges::attachment_label(text).filter(|_| edge.is_some() && !agenda_page) {
        if n == item.number {
            return Some(Signal::AttachmentLabel(label));
        }
    }
    let number = item.case_numbers.iter().find(|c| case_numbers::contains(text, c));
    let names_item = number.is_some() || (running && heading_names(text, item));
    if names_item {
        if let (true, Some(e)) = (running, edge) {
            return Some(Signal::RunningLine(e, number.cloned()));
        }
        if let Some(c) = number {
            return Some(Signal::CaseNumber(c.clone()));
        }
    }
    // Title wording: this line alone, or joined with the next one (titles wrap) when the next
    // line does not carry the match by itself.
    let next = page.line_text(i + 1);
    let words = title_match(text, item, distinctive).or_else(|| {
        title_match(next, item, distinctive)
            .is_none()
            .then(|| title_match(&format!("{text} {next}"), item, distinctive))
            .flatten()
    })?;
    if let (true, Some(e)) = (running, edge) {
        return Some(Signal::RunningLine(e, None));
    }
    Some(Signal::Title(words))
}

/// `Punkt 19: Personalesag` in a running header.
fn heading_names(text: &str, item: &Item) -> bool {
    headings::parse(text).is_some_and(|h| h.number == item.number && headings::titles_agree(&h.title, &item.title))
}

/// The words of a strong title match, if `window` has one: the full title (two words or more,
/// one of them distinctive), or at least three (all, when fewer) distinctive words.
fn title_match(window: &str, item: &Item, distinctive: &[String]) -> Option<String> {
    if distinctive.len() < 2 && !(distinctive.len() == 1 && words::words(&item.title, 3).len() >= 2) {
        return None;
    }
    let norm = normalize(window);
    let title = normalize(&item.title);
    if words::words(&title, 3).len() >= 2 && title.len() >= 12 && !distinctive.is_empty() && norm.contains(&title) {
        return Some(item.title.clone());
    }
    if distinctive.len() < 2 {
        return None;
    }
    let present = words::words(&norm, 3);
    let hits: Vec<&String> = distinctive.iter().filter(|d| present.iter().any(|w| same_word(w, d))).collect();
    (hits.len() >= distinctive.len().min(3)).then(|| hits.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "))
}

/// The item number a file name gives: `Bilag 19.1 Notat.pdf`, `punkt-19-notat.pdf`, `pkt19.pdf`.
pub fn item_number_in_file_name(name: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // Roman item numbers (`Bilag III.1 …`) as the agenda prints them: upper case only.
        let n = r"(\d{1,3}|(?-i:[IVXL]{1,7}))";
        Regex::new(&format!(r"(?i)(?:^|[^a-zæøå])(?:bilag[\s_\-]*{n}[._\-](\d{{1,3}})(?:\D|$)|bilag[\s_\-]+til[\s_\-]+(?:punkt|pkt)[\s_.\-]*{n}|(?:punkt|pkt)[\s_.\-]*{n}(?:\D|$))"))
            .unwrap_or_else(|e| panic!("file name pattern: {e}"))
    });
    let base = std::path::Path::new(name).file_name().map(|n| n.to_string_lossy().into_owned())?;
    let caps = re.captures(&base)?;
    let n = caps.get(1).or_else(|| caps.get(3)).or_else(|| caps.get(4))?;
    // `Punkt Lukket …`: a roman numeral must end where the word does.
    let roman = !n.as_str().starts_with(|c: char| c.is_ascii_digit());
    if roman && base[n.end()..].starts_with(char::is_alphabetic) {
        return None;
    }
    super::headings::item_number(n.as_str())
}

fn file_signal(file_name: Option<&str>, item: &Item) -> Option<Signal> {
    let name = file_name?;
    let base = std::path::Path::new(name).file_name().map(|n| n.to_string_lossy().into_owned())?;
    let listed = item.attachments.iter().any(|a| {
        let a = std::path::Path::new(a).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        normalize(&a) == normalize(&base)
    });
    if listed {
        return Some(Signal::Manifest(base));
    }
    (item_number_in_file_name(&base).as_deref() == Some(item.number.as_str())).then_some(Signal::FileName(base))
}

fn finding(page: &PageText, page_no: u32, agenda: &Agenda, mut evidence: Vec<Evidence>) -> Option<Finding> {
    evidence.sort_by_key(|e| (e.signal.rank(), e.line.unwrap_or(usize::MAX)));
    let best = evidence.first()?;
    let item = agenda.items.get(best.item)?;
    let line_text = best.line.map(|i| page.line_text(i).trim().to_string()).unwrap_or_default();
    let mut message = format!("page {page_no} carries closed item {}: {}", item.label(), best.signal.describe());
    let mut message_da =
        format!("side {page_no} indeholder stof fra lukket punkt {}: {}", item.label(), best.signal.describe_da());
    let mut seen = vec![best.item];
    for e in &evidence[1..] {
        if !seen.contains(&e.item) {
            seen.push(e.item);
            if let Some(other) = agenda.items.get(e.item) {
                message.push_str(&format!("; also closed item {}", other.label()));
                message_da.push_str(&format!("; også lukket punkt {}", other.label()));
            }
        }
    }
    let extra = |describe: fn(&Signal) -> String| {
        let mut kinds: Vec<String> = evidence
            .iter()
            .filter(|e| e.item == best.item && e.signal.rank() != best.signal.rank())
            .map(|e| describe(&e.signal))
            .collect();
        kinds.dedup();
        kinds.truncate(2);
        kinds
    };
    let (extra_en, extra_da) = (extra(Signal::describe), extra(Signal::describe_da));
    if !extra_en.is_empty() {
        message.push_str(&format!(" (also {})", extra_en.join(", ")));
        message_da.push_str(&format!(" (desuden {})", extra_da.join(", ")));
    }
    let (text, masked) = match &best.signal {
        Signal::CaseNumber(c) | Signal::RunningLine(_, Some(c)) => (c.clone(), c.clone()),
        Signal::FileName(n) | Signal::Manifest(n) => (n.clone(), n.clone()),
        _ => (shorten(&line_text, MAX_SHOWN), format!("[closed item {} text]", item.number)),
    };
    let mut f = Finding::new(RULE, Severity::High, Some(page_no), &text, message).with_danish(message_da);
    f.masked_text = masked;
    f.context = shorten(&line_text, MAX_SHOWN);
    f.confidence = best.signal.confidence();
    f.bbox = best.line.and_then(|i| page.lines.get(i)).and_then(|l| page.bbox_of(l.range.clone()));
    Some(f)
}
