//! Rule `email-header`: a printed Outlook mail (header block) on a page.
//!
//! Outlook prints the mailbox owner's name in bold above a rule, then `Fra:/Sendt:/Til:/Cc:/Emne:`
//! (or `From:/Sent:/To:/Cc:/Subject:`); forwards and replies repeat the block below
//! `-----Oprindelig meddelelse-----`. A memo (`Notat`) uses `Til:/Fra:/Dato:/Emne:` too, so a block
//! counts as a mail only with mail evidence: a `Sendt:` line, a time, an e-mail address in the
//! address lines, a forward marker or a `VS:/SV:/FW:/RE:` subject. Webmail prints (Gmail) have no
//! `Fra:` label: the sender's line with address and time right above `Til:` stands in for it.

use super::contact::{email, Municipal};
use super::{DocContext, Finding, Severity, TextUnit};
use crate::pdf::PageText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    From,
    Sent,
    To,
    Cc,
    Bcc,
    Subject,
    Attachments,
    Importance,
    Date,
}

impl Label {
    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// Lines that name people: `Fra:`, `Til:`, `Cc:`, `Bcc:`.
    pub fn names_people(self) -> bool {
        matches!(self, Label::From | Label::To | Label::Cc | Label::Bcc)
    }
}

/// Header labels as printed, Danish and English. Longest first where one is a prefix of another.
const LABELS: [(&str, Label); 19] = [
    ("vedhæftede filer", Label::Attachments),
    ("vedhæftet", Label::Attachments),
    ("attachments", Label::Attachments),
    ("importance", Label::Importance),
    ("prioritet", Label::Importance),
    ("subject", Label::Subject),
    ("sendt", Label::Sent),
    ("sent", Label::Sent),
    ("from", Label::From),
    ("emne", Label::Subject),
    ("dato", Label::Date),
    ("date", Label::Date),
    ("fra", Label::From),
    ("til", Label::To),
    ("bcc", Label::Bcc),
    ("to", Label::To),
    ("cc", Label::Cc),
    ("kopi", Label::Cc),
    ("kopi til", Label::Cc),
];

/// `Fra: …` → `(Label::From, byte offset of the value in the line)`.
pub fn label_of(line: &str) -> Option<(Label, usize)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let colon = trimmed.char_indices().take(24).find(|(_, c)| *c == ':').map(|(i, _)| i)?;
    let word = trimmed[..colon].trim_end();
    LABELS.iter().find(|(l, _)| word.eq_ignore_ascii_case(l) || eq_ignore_case(word, l)).map(|(_, label)| {
        let value = lead + colon + 1;
        (*label, value)
    })
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(b.chars())
}

/// Lines that start a forwarded or replied-to message.
pub fn is_forward_marker(line: &str) -> bool {
    let l = line.trim().trim_matches(|c: char| c == '-' || c == '—' || c == '–' || c == '_' || c.is_whitespace());
    let lower = l.to_lowercase();
    lower.starts_with("oprindelig meddelelse")
        || lower.starts_with("original message")
        || lower.starts_with("videresendt meddelelse")
        || lower.starts_with("forwarded message")
        || lower.starts_with("begin forwarded message")
        || lower.starts_with("start på videresendt")
        || lower.starts_with("videresendt e-mail")
}

/// One header block of a printed mail.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderBlock {
    /// First and last line (inclusive), with the forward marker and bold owner line when present.
    pub first_line: usize,
    pub last_line: usize,
    /// Header lines that name people: `(line, byte offset of the value in the line)`.
    pub people_lines: Vec<(usize, usize)>,
    /// The bold line above `Fra:` (Outlook's mailbox owner).
    pub owner_line: Option<usize>,
    /// Labels as printed (`Fra`, `Sendt`…), in order, for the message.
    pub labels: Vec<String>,
    pub forward: bool,
    /// The `Fra:`/`From:` line.
    pub from_line: Option<usize>,
}

/// Header blocks of printed mails on a page (memos and letters with `Til:/Fra:` left out).
pub fn header_blocks(text: &PageText) -> Vec<HeaderBlock> {
    let mut blocks = Vec::new();
    let n = text.lines.len();
    let mut i = 0;
    while i < n {
        if label_of(text.line_text(i)).is_none() {
            i += 1;
            continue;
        }
        // Group label lines with at most one wrapped line between them.
        let start = i;
        let mut last = i;
        let mut found: Vec<(usize, Label, usize)> = Vec::new();
        let mut j = i;
        while j < n && j <= last + 2 {
            if let Some((label, value)) = label_of(text.line_text(j)) {
                if found.iter().any(|(_, l, _)| *l == label) && label == Label::From {
                    break; // the next message's header
                }
                found.push((j, label, value));
                last = j;
            }
            j += 1;
        }
        let start = match sender_line_above(text, start, &found) {
            Some(k) => {
                found.insert(0, (k, Label::From, 0));
                k
            }
            None => start,
        };
        if let Some(b) = qualify(text, start, last, &found) {
            blocks.push(b);
        }
        i = last + 1;
    }
    blocks
}

/// Gmail and other webmail prints have no `Fra:` label: the sender's line (`Hanne Jensen
/// <hanne@gmail.com>   12. marts 2024 kl. 10.32`) stands right above `Til:`/`To:`.
fn sender_line_above(text: &PageText, start: usize, found: &[(usize, Label, usize)]) -> Option<usize> {
    let first = found.first().filter(|(_, l, _)| *l == Label::To)?;
    if found.iter().any(|(_, l, _)| *l == Label::From) || first.0 != start {
        return None;
    }
    let k = start.checked_sub(1)?;
    let line = text.line_text(k);
    (label_of(line).is_none() && has_email(line) && has_time(line)).then_some(k)
}

fn qualify(text: &PageText, start: usize, last: usize, found: &[(usize, Label, usize)]) -> Option<HeaderBlock> {
    let mut bits = 0u16;
    for (_, l, _) in found {
        bits |= l.bit();
    }
    let has = |l: Label| bits & l.bit() != 0;
    if !has(Label::From) || !(has(Label::Sent) || has(Label::To) || has(Label::Subject)) {
        return None;
    }
    let value = |line: usize, off: usize| text.line_text(line).get(off..).unwrap_or("").trim();
    let timed = found.iter().any(|(ln, l, off)| matches!(l, Label::Sent | Label::Date) && has_time(value(*ln, *off)));
    let addressed = found.iter().any(|(ln, l, off)| l.names_people() && has_email(value(*ln, *off)));
    let reply_subject = found.iter().any(|(ln, l, off)| *l == Label::Subject && is_reply_subject(value(*ln, *off)));
    let marker = (start.saturating_sub(3)..start).rev().find(|&k| is_forward_marker(text.line_text(k)));
    let outlook_only = has(Label::Sent) || has(Label::Attachments) || has(Label::Importance);
    let memo = memo_heading_above(text, start);
    let mail = if memo {
        // A memo's `Dato:` often carries the meeting's time (`12. marts 2024 kl. 10:00`): only
        // with addresses does a dated block under a memo heading read as a mail client's print.
        has(Label::Sent) || (timed && addressed) || marker.is_some()
    } else {
        outlook_only || timed || addressed || reply_subject || marker.is_some()
    };
    if !mail {
        return None;
    }
    let mut first_line = marker.unwrap_or(start);
    let owner_line = start.checked_sub(1).filter(|&k| marker.is_none() && is_owner_line(text, k));
    if let Some(k) = owner_line {
        first_line = k;
    }
    let labels = found
        .iter()
        .map(|(ln, _, off)| {
            let l = text.line_text(*ln);
            match off {
                // The unlabelled sender line of a webmail print.
                0 => "(sender)".to_string(),
                _ => l.get(..off.saturating_sub(1)).unwrap_or("").trim().to_string(),
            }
        })
        .collect();
    Some(HeaderBlock {
        first_line,
        last_line: last,
        people_lines: found.iter().filter(|(_, l, _)| l.names_people()).map(|(ln, _, off)| (*ln, *off)).collect(),
        owner_line,
        labels,
        forward: marker.is_some() || reply_subject,
        from_line: found.iter().find(|(_, l, _)| *l == Label::From).map(|(ln, _, _)| *ln),
    })
}

/// Outlook's bold mailbox-owner line: short, bold, not a label.
fn is_owner_line(text: &PageText, k: usize) -> bool {
    let Some(line) = text.lines.get(k) else { return false };
    let t = text.line_text(k).trim();
    line.bold && !t.is_empty() && t.split_whitespace().count() <= 6 && label_of(t).is_none()
}

fn memo_heading_above(text: &PageText, start: usize) -> bool {
    (start.saturating_sub(10)..start).any(|k| {
        let t = text.line_text(k).trim();
        let first = t.split_whitespace().next().unwrap_or("");
        t.split_whitespace().count() <= 6
            && ["notat", "memo", "internt", "mødenotat", "referat"].iter().any(|w| first.eq_ignore_ascii_case(w))
    })
}

/// `10:32`, `9.12`, `9:12 AM`
fn has_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && (w[1] == b':' || w[1] == b'.')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            && (w[1] == b':' || i == 0 || b[i - 1] == b' ' || b[i - 1].is_ascii_digit())
            && !(w[1] == b'.' && b.get(i + 4) == Some(&b'.'))
    })
}

pub fn has_email(s: &str) -> bool {
    emails(s).next().is_some()
}

/// E-mail addresses in `s` (simple shape: `local@domain.tld`).
pub fn emails(s: &str) -> impl Iterator<Item = &str> {
    s.match_indices('@').filter_map(move |(at, _)| {
        let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
        let start = s[..at].char_indices().rev().take_while(|(_, c)| is_local(*c)).last().map(|(i, _)| i)?;
        let rest = &s[at + 1..];
        let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-')).unwrap_or(rest.len());
        let domain = rest[..len].trim_end_matches('.');
        (domain.contains('.') && start < at).then(|| &s[start..at + 1 + domain.len()])
    })
}

fn is_reply_subject(s: &str) -> bool {
    let up = s.trim_start().get(..4.min(s.trim_start().len())).unwrap_or("").to_ascii_uppercase();
    ["VS:", "SV:", "FW:", "RE:", "AW:", "WG:", "FWD:"].iter().any(|p| up.starts_with(p))
}

fn mask_addresses(line: &str) -> String {
    let municipal = Municipal::defaults();
    let mut out = line.to_string();
    for e in emails(line) {
        out = out.replace(e, &email::mask(e, email::classify(e, municipal)));
    }
    out
}

/// Line ranges in bytes: from the start of `first` to the end of `last`.
fn block_range(text: &PageText, first: usize, last: usize) -> std::ops::Range<usize> {
    let s = text.lines.get(first).map_or(0, |l| l.range.start);
    let e = text.lines.get(last).map_or(s, |l| l.range.end);
    s..e.max(s)
}

pub fn check(unit: &TextUnit<'_>, doc: &DocContext, out: &mut Vec<Finding>) {
    let text = unit.text;
    if !text.text.contains(':') {
        return;
    }
    for b in header_blocks(text) {
        let header: Vec<&str> = (b.first_line..=b.last_line).map(|k| text.line_text(k).trim()).collect();
        let from_value = b.from_line.map(|k| text.line_text(k)).map(|l| label_of(l).map_or(l, |(_, off)| &l[off..]));
        let (sender, sender_da) = match from_value {
            Some(v) if emails(v).any(|e| doc.is_staff_email(e)) => {
                ("from a municipal address", "fra en kommunal adresse")
            }
            Some(v) if doc.mentions_public_person(v) => (
                "from a person the document lists as participant or staff",
                "fra en person, som dokumentet nævner som deltager eller medarbejder",
            ),
            _ => ("from a private sender", "fra en privat afsender"),
        };
        let (what, what_da) = if b.forward {
            ("A forwarded or replied-to e-mail", "En videresendt eller besvaret e-mail")
        } else {
            ("A printed e-mail", "En udskrevet e-mail")
        };
        let labels = b.labels.join("/");
        let message = format!("{what} (header block: {labels}) {sender} is on this page");
        let message_da = format!("{what_da} (brevhoved: {labels}) {sender_da} står på siden");
        let first_text = b.from_line.map(|k| text.line_text(k).trim()).unwrap_or_else(|| header[0]);
        let mut f = unit.finding("email-header", Severity::High, first_text, message).with_danish(message_da);
        // Addresses in the shown `Fra:` line are masked like the `email-address` rule masks them.
        f.masked_text = mask_addresses(first_text);
        f.context = header.join(" | ");
        f.bbox = text.bbox_of(block_range(text, b.first_line, b.last_line));
        f.confidence = if b.labels.len() >= 3 { 0.95 } else { 0.85 };
        out.push(f);
    }
}

#[cfg(test)]
#[path = "mail_tests.rs"]
mod tests;
