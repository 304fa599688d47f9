//! Rule `address`: a Danish street address with house number, postcode and town.
//!
//! Found from its anchor, `NNNN Town` (postcode 1000–9999, a capitalised town name with an
//! optional district letter: `8000 Aarhus C`, `2100 København Ø`, `2800 Kgs. Lyngby`), preceded
//! on the same line or at the end of the line above by `Street 12`, `Street 3B, 2. th.`. The street
//! is a word ending in a street suffix (`-vej`, `-gade`, `allé`, `plads` … in `rules/rules.toml`),
//! or capitalised words that are not agenda words (`Bilag 3, 2024 Budget` is no address).
//!
//! Severity: medium for a private address; low when the address's lines (or the line before)
//! name the municipality (`Rådhus`, `Kommune`, `Forvaltning` …), a company (`A/S`, `ApS`,
//! `CVR`), or a venue, institution or property (`skole`, `plejecenter`, `Mødested`,
//! `ejendommen`, `matr.`); info for an address the configuration lists as the municipality's own.

use super::{Municipal, ADDR_MUNICIPAL, BUSINESS, INSTITUTION};
use crate::detect::rulefile::{context_of, default_rule, lines_around, Hit};
use crate::detect::{Finding, Severity, TextUnit};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressOwner {
    Own,
    Municipal,
    Business,
    /// A venue, school, institution, or a property in a planning case.
    Institution,
    Private,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// From the street's first letter to the town's last.
    pub range: Range<usize>,
    /// The pieces that make the address, when other text lies between them (a two-column
    /// letterhead: `Rosenvænget 7   Sagsnr.: …` / `6990 Sønderå`); else just `range`.
    pub parts: Vec<Range<usize>>,
    /// The house number (and floor/side), masked in reports.
    pub number: Range<usize>,
    pub owner: AddressOwner,
    pub severity: Severity,
}

/// `NNNN Town`.
fn postcode_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<postcode>[1-9]\d{3})[ \u{00A0}]+(?P<town>(?:Kgs\.|Kongens|Sankt|St\.|Gl\.|Nr\.|Ny|Store|Lille|Øster|Vester|Nørre|Sønder)?[ \u{00A0}]?\p{Lu}[\p{Ll}\p{Lu}]*(?:-\p{Lu}?[\p{Ll}]+)*(?:[ \u{00A0}](?:SV|SØ|NV|NØ|C|K|V|N|S|Ø))?)",
        )
        .expect("static regex")
    })
}

/// `Street words 12B, 2. th.,` at the end of the text before the postcode.
fn street_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:^|[\s,:;(])(?P<street>(?:[\p{L}][\p{L}'.\-]*[ \u{00A0}]){0,3}[\p{L}][\p{L}'\-]*)[ \u{00A0}](?P<number>\d{1,4}(?:[ \u{00A0}]?[A-Za-z](?-u:\b))?(?:,?[ \u{00A0}]*\n?[ \u{00A0}]*(?:st|kl|kld|sal|th|tv|mf|\d{1,2})\.?)*)(?P<sep>[ \u{00A0}]*,?[ \u{00A0}]*\n?[ \u{00A0}]*)$",
        )
        .expect("static regex")
    })
}

/// `Street 12B` at the start of a line (the left column of a two-column letterhead).
fn street_start_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[ \u{00A0}]*(?P<street>(?:[\p{L}][\p{L}'.\-]*[ \u{00A0}]){0,3}[\p{L}][\p{L}'\-]*)[ \u{00A0}](?P<number>\d{1,4}(?:[ \u{00A0}]?[A-Za-z](?-u:\b))?(?:,?[ \u{00A0}]*(?:st|kl|kld|sal|th|tv|mf|\d{1,2})\.)*)(?:[ \u{00A0},]|$)",
        )
        .expect("static regex")
    })
}

fn lists() -> &'static (Vec<String>, Vec<String>) {
    static L: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    L.get_or_init(|| {
        let r = default_rule("address");
        let lower = |v: &[String]| v.iter().map(|s| s.trim().to_lowercase()).collect::<Vec<_>>();
        let mut suffixes = lower(r.list("street_suffixes"));
        // Longest first, so `vejen` is tried before `vej` (both count; order only matters for speed).
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
        (suffixes, lower(r.list("not_street")))
    })
}

fn has_street_suffix(word: &str) -> bool {
    let w = word.to_lowercase();
    lists().0.iter().any(|s| w.ends_with(s.as_str()))
}

fn is_stop_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    lists().1.contains(&w)
}

/// Whether `street` (one to four words) can be a street name.
fn plausible_street(street: &str) -> Option<usize> {
    let words: Vec<&str> = street.split_whitespace().collect();
    // Keep the words from the last one with a street suffix backwards, or all capitalised words.
    let last = *words.last()?;
    if is_stop_word(last) {
        return None;
    }
    let keep_from = if has_street_suffix(last) {
        // Drop leading words that are not capitalised (`bor på Strandvejen` → `Strandvejen`).
        words.iter().rposition(|w| !w.chars().next().is_some_and(char::is_uppercase)).map_or(0, |i| i + 1)
    } else {
        // No suffix: every kept word must be capitalised and none an agenda word.
        let first_bad = words
            .iter()
            .rposition(|w| !w.chars().next().is_some_and(char::is_uppercase) || is_stop_word(w))
            .map_or(0, |i| i + 1);
        if first_bad >= words.len() {
            return None;
        }
        // A lone capitalised word with no suffix is weak evidence; two-letter words are codes.
        if words[first_bad..].iter().all(|w| w.chars().count() < 3) {
            return None;
        }
        first_bad
    };
    if keep_from >= words.len() {
        // The suffix word itself is not capitalised: `vej 12` alone is still a street (`Ny vej`)
        // only when preceded by a capitalised word; otherwise accept the suffix word as is.
        return if has_street_suffix(last) { Some(words.len() - 1) } else { None };
    }
    Some(keep_from)
}

/// Whether `text` may hold an address at all (a cheap test before the keyword pass).
pub fn maybe(text: &str) -> bool {
    postcode_re().is_match(text)
}

pub fn find(text: &str, hits: &[Hit], municipal: &Municipal) -> Vec<Address> {
    let mut out = Vec::new();
    for caps in postcode_re().captures_iter(text) {
        let (Some(pc), Some(town)) = (caps.name("postcode"), caps.name("town")) else { continue };
        // Letters to and from abroad write the country code before the postcode (`DK-8000`).
        let pc_start = text[..pc.start()].strip_suffix("DK-").map_or(pc.start(), str::len);
        // The postcode must stand alone: not part of a longer number, an amount or a date.
        let before = text[..pc_start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '/' | '+')) {
            continue;
        }
        if town.as_str().split_whitespace().any(is_stop_word) {
            continue;
        }
        // A district letter must stand alone (`Aarhus C`, not `Aarhus Centrum`'s `C`); Unicode
        // word boundaries are checked here rather than in the regex, which stays on its fast path.
        let mut town_end = town.end();
        if text[town_end..].chars().next().is_some_and(char::is_alphanumeric) {
            match town.as_str().rfind([' ', '\u{00A0}']) {
                Some(i) => town_end = town.start() + i,
                None => continue,
            }
        }
        // The text before the postcode: this line and the one above (a street line above the
        // postcode line, or a floor/side wrapped onto the postcode's line).
        let line_start = text[..pc_start].rfind('\n').map_or(0, |i| i + 1);
        let window_start = if line_start > 0 { text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1) } else { 0 };
        let window_start = floor_char_boundary(text, window_start.max(pc_start.saturating_sub(160)));
        let postcode_starts_line = text[line_start..pc_start].trim().is_empty() && line_start > 0;
        let found = street_before(text, window_start, pc_start).or_else(|| {
            if postcode_starts_line {
                street_at_line_start(text, line_start)
            } else {
                None
            }
        });
        let Some((street_start, number)) = found else { continue };
        let range = street_start..town_end;
        let between = text.get(number.end..pc_start).unwrap_or("");
        let parts = if !between.trim().trim_matches(',').trim().is_empty() {
            vec![street_start..number.end, pc_start..town_end]
        } else {
            vec![range.clone()]
        };
        let number_range = number;
        let owner = owner(text, hits, municipal, &range);
        let severity = match owner {
            AddressOwner::Own => Severity::Info,
            AddressOwner::Municipal | AddressOwner::Business | AddressOwner::Institution => Severity::Low,
            AddressOwner::Private => Severity::Medium,
        };
        out.push(Address { range, parts, number: number_range, owner, severity });
    }
    out
}

/// The street and house number ending right before `end` (the postcode): `(street start,
/// number range)`.
fn street_before(text: &str, window_start: usize, end: usize) -> Option<(usize, Range<usize>)> {
    let before_text = &text[window_start..end];
    // Cheap test before the regex: a house number (or a floor/side after it) ends the text.
    let tail = before_text.trim_end_matches([' ', '\u{00A0}', '\n', ',', '.']);
    let ends_like_number = tail.ends_with(|c: char| c.is_ascii_digit())
        || ["th", "tv", "mf", "sal", "st", "kl", "kld"].iter().any(|w| tail.ends_with(w))
        || tail.chars().next_back().is_some_and(|c| c.is_ascii_alphabetic())
            && tail.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit() || c == ' ');
    if !ends_like_number {
        return None;
    }
    let sc = street_re().captures(before_text)?;
    let (street, number) = (sc.name("street")?, sc.name("number")?);
    let keep = plausible_street(street.as_str())?;
    // Without a street suffix, `Word 12 8000 Town` is as likely a row of a table: the number
    // and the postcode must be apart by a comma or a line break.
    let sep = sc.name("sep").map_or("", |m| m.as_str());
    let suffixed = street.as_str().split_whitespace().last().is_some_and(has_street_suffix);
    if !suffixed && !sep.contains([',', '\n']) {
        return None;
    }
    let (offset, _) = *word_offsets(street.as_str()).get(keep)?;
    Some((window_start + street.start() + offset, window_start + number.start()..window_start + number.end()))
}

/// The street and house number starting the line above `line_start` (which starts with the
/// postcode): a two-column letterhead puts other text after them. Needs a street suffix.
fn street_at_line_start(text: &str, line_start: usize) -> Option<(usize, Range<usize>)> {
    let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
    let prev = &text[prev_start..line_start - 1];
    let sc = street_start_re().captures(prev)?;
    let (street, number) = (sc.name("street")?, sc.name("number")?);
    if !street.as_str().split_whitespace().last().is_some_and(has_street_suffix) {
        return None;
    }
    let keep = plausible_street(street.as_str())?;
    let (offset, _) = *word_offsets(street.as_str()).get(keep)?;
    Some((prev_start + street.start() + offset, prev_start + number.start()..prev_start + number.end()))
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// How far before an address (bytes, this line or the one above) a word saying whose it is may
/// be, and how far after it on its line.
const OWNER_BEFORE: usize = 45;
const OWNER_AFTER: usize = 25;

fn owner(text: &str, hits: &[Hit], municipal: &Municipal, range: &Range<usize>) -> AddressOwner {
    if municipal.is_own_address(&text[range.clone()]) {
        return AddressOwner::Own;
    }
    // Only words right around the address say whose it is (`Aarhus Kommune` / `Rådhuspladsen 2`,
    // `Byg og Anlæg A/S, Industrivej 5`); a word further along the sentence (`Jobcentret har
    // krævet … af Lasse Mikkelsen, Vestergade 33`) does not.
    let above = lines_around(text, range.start, 1, 0).start;
    let before = floor_char_boundary(text, range.start.saturating_sub(OWNER_BEFORE).max(above));
    let line_end = lines_around(text, range.end, 0, 0).end;
    let after = (range.end + OWNER_AFTER).min(line_end);
    let near = |h: &&Hit| h.start >= before && h.end <= after;
    // The street's own name counts for the municipality (`Rådhuspladsen`), but institution words
    // are common in street names (`Kirkestræde`, `Skolevej`) and count only outside it.
    let outside = |h: &&Hit| h.end <= range.start || h.start >= range.end;
    let has = |mask: u32, only_outside: bool| {
        hits.iter().filter(near).filter(|h| !only_outside || outside(h)).any(|h| h.is(mask))
    };
    if has(ADDR_MUNICIPAL, false) {
        return AddressOwner::Municipal;
    }
    if has(BUSINESS, true) {
        return AddressOwner::Business;
    }
    if has(INSTITUTION, true) {
        return AddressOwner::Institution;
    }
    AddressOwner::Private
}

/// The address with its house number (and floor/side) masked: `Strandvejen XX, 2900 Hellerup`.
pub fn mask(text: &str, a: &Address) -> String {
    let masked_part = |r: &Range<usize>| {
        let mut out = String::new();
        for (i, c) in text[r.clone()].char_indices() {
            let at = r.start + i;
            out.push(if at >= a.number.start && at < a.number.end && c.is_alphanumeric() { 'X' } else { c });
        }
        out.replace('\n', " ")
    };
    a.parts.iter().map(masked_part).collect::<Vec<_>>().join(", ")
}

/// The address as one string: its parts joined, line breaks as spaces.
pub fn joined(text: &str, a: &Address) -> String {
    a.parts.iter().map(|r| text[r.clone()].replace('\n', " ")).collect::<Vec<_>>().join(", ")
}

pub fn finding(unit: &TextUnit<'_>, text: &str, a: &Address) -> Finding {
    let matched = joined(text, a);
    let masked = mask(text, a);
    let (why, why_da) = match a.owner {
        AddressOwner::Own => ("the municipality's own address", "kommunens egen adresse"),
        AddressOwner::Municipal => {
            ("an address of the municipality or another authority", "en adresse hos kommunen eller en anden myndighed")
        }
        AddressOwner::Business => ("a company's address", "en virksomheds adresse"),
        AddressOwner::Institution => (
            "the address of a venue, an institution or a property",
            "adressen på et mødested, en institution eller en ejendom",
        ),
        AddressOwner::Private => ("likely a private person's address", "sandsynligvis en privatpersons adresse"),
    };
    let mut f = unit
        .finding("address", a.severity, &matched, format!("Street address {masked}: {why}."))
        .with_danish(format!("Adresse {masked}: {why_da}."));
    f.masked_text = masked;
    // With text between the parts (a two-column letterhead), the context is the address itself,
    // so the report can mask its house number there too.
    f.context = if a.parts.len() > 1 { matched.clone() } else { context_of(text, a.range.clone(), 60) };
    f.bbox = a.parts.iter().filter_map(|r| unit.text.bbox_of(r.clone())).reduce(|x, y| x.union(&y));
    f.confidence = if a.owner == AddressOwner::Private { 0.8 } else { 0.7 };
    f
}
