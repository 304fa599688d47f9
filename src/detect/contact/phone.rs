//! Rule `phone`: Danish phone numbers.
//!
//! A number counts when it is shaped like a phone number (`+45 …`, `0045 …`, `12 34 56 78`) or
//! labelled as one (`Tlf.`, `Telefon`, `Mobil`, `Direkte` … just before it on its line, or ending
//! the line above). Eight digits alone (`12345678`, `1234 5678`) need the label, so amounts, case
//! numbers and CVR numbers stay silent; a nearer word such as `CVR`, `Sagsnr.`, `Konto`, `kr.`
//! suppresses even a phone-shaped number. Danish numbers start with 2–9 (1 only when labelled).
//!
//! Whose number:
//! - the municipality's own configured number → info; a number in the same series (same first
//!   four digits) → low;
//! - otherwise the nearest evidence decides, looking at the number's line, then ±1, ±2, ±3
//!   lines; within one ring private evidence wins. Private: words such as `borger`, `privat`,
//!   `pårørende` (up to ±2 lines), a free-mail address (±3) or a private street address (±1)
//!   → medium. Municipal: words such as
//!   `Kommune`, `Rådhus`, `Borgerservice`, `omstilling`, `Direkte`, a staff title (±1) or a
//!   public-sector mail address (±2) → low;
//! - a mobile label (`Mobil`, `Mob.`) with no evidence within ±1 line → medium;
//! - otherwise → low (minutes are full of officials' and companies' numbers).

use super::email::{Email, Owner};
use super::{Municipal, MOBILE, MUNICIPAL, PHONE_LABEL, PHONE_SUPPRESS, PRIVATE};
use crate::detect::rulefile::{any_in, context_of, lines_around, nearest_before, Hit};
use crate::detect::{Finding, Severity, TextUnit};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// How far before a number (bytes, same line) its label may end.
const LABEL_WINDOW: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneOwner {
    Own,
    Private,
    Municipal,
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phone {
    pub range: Range<usize>,
    pub owner: PhoneOwner,
    pub severity: Severity,
    pub labelled: bool,
    pub mobile: bool,
}

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<prefix>(?:\+|00)[ \u{00A0}]?45[ \u{00A0}]?(?:\(0\)[ \u{00A0}]?)?)?(?:(?P<grouped>\d{2}[ \u{00A0}]\d{2}[ \u{00A0}]\d{2}[ \u{00A0}]\d{2})|\d{4}[ \u{00A0}]\d{4}|\d{2}-\d{2}-\d{2}-\d{2}|\d{8})",
        )
        .expect("static regex")
    })
}

/// Whether `text` may hold a phone number at all (a cheap test before the keyword pass).
pub fn maybe(text: &str) -> bool {
    regex().is_match(text)
}

/// The eight national digits of a Danish number (`+45 12 34 56 78` → `12345678`).
pub fn national_digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    if d.len() == 12 && d.starts_with("0045") {
        d[4..].to_string()
    } else if d.len() == 10 && d.starts_with("45") {
        d[2..].to_string()
    } else {
        d
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '/' | '-' | '\u{2013}' | ':' | '_')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{00A0}'
}

/// Whether the digits at `range` are part of a longer number, code, amount or grouping.
fn embedded(text: &str, range: &Range<usize>, prefixed: bool) -> bool {
    let mut before = text[..range.start].chars().rev();
    match (before.next(), before.next()) {
        (Some(c), _) if c.is_ascii_digit() || c.is_alphabetic() => return true,
        (Some('+'), _) if !prefixed => return true,
        (Some(c), Some(d)) if (is_joiner(c) || is_blank(c)) && d.is_ascii_digit() => return true,
        _ => {}
    }
    let rest = &text[range.end..];
    let mut after = rest.chars();
    match (after.next(), after.next()) {
        (Some(c), _) if c.is_ascii_digit() || c.is_alphabetic() => return true,
        (Some(c), Some(d)) if (is_joiner(c) || is_blank(c)) && d.is_ascii_digit() => return true,
        _ => {}
    }
    // Amounts: `12345678 kr.`, `12345678,-`, `12 34 56 78 DKK`, `… mio.`, `… %`.
    let tail = rest.trim_start_matches(is_blank).to_lowercase();
    ["kr", "dkk", ",-", "mio", "mia", "%", "euro", "eur"].iter().any(|w| tail.starts_with(w))
}

/// A label ending the line above the number (`Telefon:` / `12345678` in a two-line layout).
fn label_on_line_above(text: &str, hits: &[Hit], pos: usize) -> Option<Hit> {
    let line_start = text[..pos].rfind('\n')?;
    if !text[line_start + 1..pos].trim().is_empty() {
        return None;
    }
    let prev_start = text[..line_start].rfind('\n').map_or(0, |i| i + 1);
    let prev = &text[prev_start..line_start];
    let end_of_words = prev_start + prev.trim_end().trim_end_matches([':', '.']).len();
    hits.iter()
        .rfind(|h| h.start >= prev_start && h.end <= line_start)
        .filter(|h| h.is(PHONE_LABEL | MOBILE) && h.end + 1 >= end_of_words)
        .copied()
}

/// `private_addresses`: ranges of addresses judged private (a number next to one is private too).
pub fn find(
    text: &str,
    hits: &[Hit],
    emails: &[Email],
    private_addresses: &[Range<usize>],
    municipal: &Municipal,
) -> Vec<Phone> {
    let mut out = Vec::new();
    for caps in regex().captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        let prefixed = caps.name("prefix").is_some();
        let national = national_digits(m.as_str());
        if national.len() != 8 || national.starts_with('0') {
            continue;
        }
        let range = m.range();
        if embedded(text, &range, prefixed) {
            continue;
        }
        let near = nearest_before(hits, text, range.start, LABEL_WINDOW, PHONE_LABEL | MOBILE | PHONE_SUPPRESS)
            .or_else(|| label_on_line_above(text, hits, range.start));
        if near.is_some_and(|h| h.is(PHONE_SUPPRESS) && !h.is(PHONE_LABEL | MOBILE)) {
            continue;
        }
        let labelled = near.is_some_and(|h| h.is(PHONE_LABEL | MOBILE));
        // Danish subscriber numbers start with 2-9; numbers starting with 1 are accepted only
        // when the text says they are phone numbers (documents use `12 34 56 78` as a sample).
        let shaped = prefixed || (caps.name("grouped").is_some() && !national.starts_with('1'));
        if !labelled && !shaped {
            continue;
        }
        let mobile = near.is_some_and(|h| h.is(MOBILE));
        let evidence = Evidence { hits, emails, private_addresses };
        let owner = owner(text, &evidence, municipal, &range, &national, mobile);
        let severity = match owner {
            PhoneOwner::Own => Severity::Info,
            PhoneOwner::Private => Severity::Medium,
            PhoneOwner::Municipal | PhoneOwner::Unknown => Severity::Low,
        };
        out.push(Phone { range, owner, severity, labelled, mobile });
    }
    out
}

/// What the rules found around a number.
struct Evidence<'a> {
    hits: &'a [Hit],
    emails: &'a [Email],
    private_addresses: &'a [Range<usize>],
}

fn owner(
    text: &str,
    ev: &Evidence<'_>,
    municipal: &Municipal,
    range: &Range<usize>,
    national: &str,
    mobile: bool,
) -> PhoneOwner {
    if municipal.is_own_phone(national) {
        return PhoneOwner::Own;
    }
    if municipal.is_own_series(national) {
        return PhoneOwner::Municipal;
    }
    let (hits, emails) = (ev.hits, ev.emails);
    let emails_in = |r: &Range<usize>, owners: &[Owner]| {
        emails.iter().any(|e| e.range.start >= r.start && e.range.end <= r.end && owners.contains(&e.owner))
    };
    let private_address_in = |r: &Range<usize>| ev.private_addresses.iter().any(|a| a.start < r.end && a.end > r.start);
    // Evidence in widening rings of lines: the nearest ring with any evidence decides, and
    // within a ring private evidence wins (recall first).
    for ring in 0..=3 {
        let r = lines_around(text, range.start, ring, ring);
        let private = (ring <= 2 && any_in(hits, r.clone(), PRIVATE))
            || emails_in(&r, &[Owner::Private])
            || (ring <= 1 && private_address_in(&r));
        if private {
            return PhoneOwner::Private;
        }
        let public = (ring <= 1 && any_in(hits, r.clone(), MUNICIPAL))
            || (ring <= 2 && emails_in(&r, &[Owner::PublicRole, Owner::PublicStaff]));
        if public {
            return PhoneOwner::Municipal;
        }
        if ring == 1 && mobile {
            return PhoneOwner::Private;
        }
    }
    PhoneOwner::Unknown
}

/// The number with its last four digits masked: `+45 12 34 XX XX`.
pub fn mask(number: &str) -> String {
    let total = number.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    number
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen > total.saturating_sub(4) {
                    return 'X';
                }
            }
            c
        })
        .collect()
}

pub fn finding(unit: &TextUnit<'_>, text: &str, p: &Phone) -> Finding {
    let number = &text[p.range.clone()];
    let masked = mask(number);
    let (why, why_da) = match p.owner {
        PhoneOwner::Own => ("the municipality's own number", "kommunens eget nummer"),
        PhoneOwner::Private if p.mobile => {
            ("a mobile number, likely a private person's", "et mobilnummer, sandsynligvis en privatpersons")
        }
        PhoneOwner::Private => ("likely a private person's number", "sandsynligvis en privatpersons nummer"),
        PhoneOwner::Municipal => (
            "likely the municipality's or a staff member's number",
            "sandsynligvis kommunens eller en medarbejders nummer",
        ),
        PhoneOwner::Unknown => {
            ("whose number it is is not clear from the text", "teksten siger ikke tydeligt, hvis nummer det er")
        }
    };
    let mut f = unit
        .finding("phone", p.severity, number, format!("Phone number {masked}: {why}."))
        .with_danish(format!("Telefonnummer {masked}: {why_da}."));
    f.masked_text = masked;
    f.context = context_of(text, p.range.clone(), 60);
    f.bbox = unit.text.bbox_of(p.range.clone());
    f.confidence = if p.labelled { 0.9 } else { 0.7 };
    f
}
