//! Document-wide context the rules learn before checking page by page: who appears legitimately.
//!
//! Public persons are the people listed in the document's own participant lines (`Mødedeltagere:`,
//! `Afbud:`, names with a party letter `(A)`), people who present items (`… præsenterer`,
//! `v/ …`), the municipality's staff in signatures (a name with a job title or a municipal
//! address within three lines), senders and recipients with a municipal address in printed mails,
//! and the roster from the configuration. The `name` rule reports none of them.

use super::contact::Municipal;
use super::mail;
use super::names::lexicon::{famous_persons, lexicon, ANY_SURNAME, FIRST, GENITIVE, STOP, SURNAME};
use super::names::tokens::{is_hyphen, relaxed_runs, starts_with_phrase, tokenize, Shape, Token};
use super::Config;
use crate::pdf::PageText;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

/// What the rules learn from the whole document before checking it page by page.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Names of people who appear legitimately (participants, roster, staff signatures),
    /// lower-cased, sorted, without duplicates.
    pub public_persons: Vec<String>,
    /// `first\u{1}last` (and `f.\u{1}last`, `first\u{1}middle`) of every public person.
    person_keys: HashSet<String>,
    /// The public sector's mail domains with the user's own municipality added, when the
    /// configuration names one (else the embedded defaults).
    municipal: Option<Municipal>,
}

/// Whether an e-mail address belongs to the public sector (a municipality, region or state
/// service: `x@aarhus.dk`, `x@mbu.aarhus.dk`, `x@fredensborg-kommune.dk`), by the embedded list.
pub fn is_municipal_email(addr: &str) -> bool {
    addr.rsplit_once('@').is_some_and(|(_, domain)| Municipal::defaults().is_public_domain(domain))
}

impl DocContext {
    /// Whether an e-mail address is the municipality's (or another public body's): its owner is
    /// staff, not a citizen.
    pub fn is_staff_email(&self, addr: &str) -> bool {
        let Some((_, domain)) = addr.rsplit_once('@') else { return false };
        self.municipal.as_ref().unwrap_or_else(|| Municipal::defaults()).is_public_domain(domain)
    }

    /// Adds a public person from a plain name (`Hanne K. Jensen`), e.g. from the roster.
    pub fn add_public_name(&mut self, name: &str) {
        let lex = lexicon();
        let mut toks = Vec::new();
        let mut buf = String::new();
        tokenize(name, lex, &mut buf, &mut toks);
        let parts: Vec<usize> = (0..toks.len()).filter(|&k| is_name_part(&toks[k])).collect();
        if let (Some(&a), Some(&b)) = (parts.first(), parts.last()) {
            self.add_run(name, &toks, a, b);
        }
    }

    /// Adds the person whose name runs from token `a` to token `b` of `line`.
    fn add_run(&mut self, line: &str, toks: &[Token], a: usize, b: usize) {
        let (Some(first), Some(last)) = (toks.get(a), toks.get(b)) else { return };
        if a >= b && first.shape != Shape::Initial {
            return; // one word is not a person we can recognise again
        }
        let first_key = key_word(line, first);
        let last_key = key_word(line, last);
        self.person_keys.insert(format!("{first_key}\u{1}{last_key}"));
        if first.shape != Shape::Initial {
            if let Some(c) = first_key.chars().next() {
                self.person_keys.insert(format!("{c}.\u{1}{last_key}"));
            }
            // `Marc Perera Christensen` is also met as `Perera Christensen` and `Marc Perera`.
            for mid in toks.get(a + 1..b).unwrap_or(&[]).iter().filter(|t| t.is_word()) {
                let mid_key = key_word(line, mid);
                self.person_keys.insert(format!("{first_key}\u{1}{mid_key}"));
                self.person_keys.insert(format!("{mid_key}\u{1}{last_key}"));
            }
        }
        if let Some(full) = line.get(first.start..last.end) {
            self.public_persons.push(full.to_lowercase());
        }
    }

    /// Whether the name from token `a` to `b` of `line` is a public person.
    pub fn is_public_run(&self, line: &str, toks: &[Token], a: usize, b: usize) -> bool {
        let (Some(first), Some(last)) = (toks.get(a), toks.get(b)) else { return false };
        let last_key = key_word(line, last);
        if first.shape == Shape::Courtesy {
            let suffix = format!("\u{1}{last_key}");
            return self.person_keys.iter().any(|k| k.ends_with(&suffix));
        }
        self.person_keys.contains(&format!("{}\u{1}{last_key}", key_word(line, first)))
    }

    /// Whether `first` … `last` (any case) is a public person.
    pub fn is_public_pair(&self, first: &str, last: &str) -> bool {
        self.person_keys.contains(&format!("{}\u{1}{}", first.to_lowercase(), last.to_lowercase()))
    }

    /// Whether a public person's name occurs in `text` (e.g. a mail's `Fra:` value).
    pub fn mentions_public_person(&self, text: &str) -> bool {
        let lex = lexicon();
        let mut toks = Vec::new();
        let mut buf = String::new();
        let mut runs = Vec::new();
        tokenize(text, lex, &mut buf, &mut toks);
        relaxed_runs(&toks, 2, &mut runs);
        runs.iter().any(|&(a, b)| self.is_public_run(text, &toks, a, b))
    }

    /// Takes over the public persons another document made public (a meeting folder: the
    /// agenda's participants are public in every attachment too).
    pub fn absorb_public(&mut self, other: &DocContext) {
        self.person_keys.extend(other.person_keys.iter().cloned());
        self.public_persons.extend(other.public_persons.iter().cloned());
        self.public_persons.sort();
        self.public_persons.dedup();
    }

    pub fn public_count(&self) -> usize {
        self.public_persons.len()
    }
}

fn is_name_part(t: &Token) -> bool {
    t.is_word() || t.shape == Shape::Initial
}

/// The lower-cased form of a name word used in keys: `K.` → `k.`, `Jensens` → `jensen`.
fn key_word(line: &str, t: &Token) -> String {
    let w = line.get(t.start..t.end).unwrap_or("");
    let mut lower: String = w
        .chars()
        .map(|c| {
            if c == '’' {
                '\''
            } else if is_hyphen(c) {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    if t.shape == Shape::Initial {
        lower.truncate(lower.chars().next().map_or(0, char::len_utf8));
        lower.push('.');
    } else if t.flags & GENITIVE != 0 {
        if lower.ends_with("'s") {
            lower.truncate(lower.len() - 2);
        } else if lower.ends_with('s') {
            lower.truncate(lower.len() - 1);
        }
    }
    lower
}

struct Scratch {
    toks: Vec<Token>,
    runs: Vec<(usize, usize)>,
    buf: String,
}

impl Scratch {
    fn runs_of(&mut self, line: &str) {
        self.runs_min(line, 2);
    }

    fn runs_min(&mut self, line: &str, min_words: usize) {
        tokenize(line, lexicon(), &mut self.buf, &mut self.toks);
        relaxed_runs(&self.toks, min_words, &mut self.runs);
        trim_titles(line, &self.toks, &mut self.runs);
        if min_words >= 2 {
            let toks = &self.toks;
            self.runs.retain(|r| r.0 < r.1 || toks.get(r.0).is_some_and(|t| t.shape == Shape::Initial));
        }
    }
}

/// `Sagsbehandler Hanne Jensen` → `Hanne Jensen`.
fn trim_titles(line: &str, toks: &[Token], runs: &mut [(usize, usize)]) {
    let lex = lexicon();
    let is_title = |t: &Token| lex.is_staff_title(&line.get(t.start..t.end).unwrap_or("").to_lowercase());
    for r in runs.iter_mut() {
        while r.0 < r.1 && toks.get(r.0).is_some_and(is_title) {
            r.0 += 1;
        }
        while r.1 > r.0 && toks.get(r.1).is_some_and(is_title) {
            r.1 -= 1;
        }
    }
}

/// Reads every page once and collects the public persons.
pub fn build(pages: &[PageText], config: &Config) -> DocContext {
    let mut ctx = DocContext::default();
    let own = &config.municipality;
    if !own.names.is_empty() || !own.domains.is_empty() {
        ctx.municipal = Some(Municipal::with_config(own));
    }
    for name in famous_persons() {
        ctx.add_public_name(name);
    }
    // Listed are the people this document and its configuration make public.
    ctx.public_persons.clear();
    for name in &config.roster {
        ctx.add_public_name(name);
    }
    let mut s = Scratch { toks: Vec::new(), runs: Vec::new(), buf: String::new() };
    for page in pages {
        participant_lists(page, &mut ctx, &mut s);
        party_letters(page, &mut ctx, &mut s);
        presenters(page, &mut ctx, &mut s);
        staff_signatures(page, &mut ctx, &mut s);
        municipal_mail_people(page, &mut ctx, &mut s);
    }
    ctx.public_persons.sort();
    ctx.public_persons.dedup();
    ctx
}

fn add_all_runs(ctx: &mut DocContext, s: &Scratch, line: &str) {
    for &(a, b) in &s.runs {
        ctx.add_run(line, &s.toks, a, b);
    }
}

/// Labels of participant lists. Those after `PLAIN_WORD_LABELS` are also ordinary words, so they
/// count only with a colon, alone on the line, or followed by a capitalised name.
const PARTICIPANT_LABELS: [&str; 38] = [
    "mødedeltagere",
    "fraværende med afbud",
    "fraværende",
    "afbud",
    "til stede",
    "tilstede",
    "øvrige deltagere",
    "andre deltagere",
    "desuden deltog",
    "udvalgsmedlemmer",
    "næstformand",
    "mødeleder",
    "referent",
    "fra administrationen",
    "fra forvaltningen",
    "oplægsholdere",
    "oplægsholder",
    "kontaktperson",
    "sagsansvarlig",
    "udarbejdet af",
    "skrevet af",
    "godkendt af",
    "tovholder",
    "projektleder",
    "ansvarlig",
    "attendees",
    "participants",
    "deltagere",
    "deltager",
    "deltog",
    "medlemmer",
    "formand",
    "administrationen",
    "gæster",
    "present",
    "absent",
    "sekretær",
    "sekretariat",
];

/// `Mødedeltagere: …` → the byte offset where the names start.
fn participant_label(line: &str) -> Option<usize> {
    let (_, end) = starts_with_phrase(line, &PARTICIPANT_LABELS)?;
    let rest = &line[end..];
    let after = rest.trim_start_matches([' ', '\t']);
    let ok = after.is_empty()
        || after.starts_with(':')
        || (after.len() < rest.len() && after.starts_with(char::is_uppercase));
    ok.then_some(end)
}

/// `Mødedeltagere: Hanne Jensen (A), Peter Hansen (V)` and the name lines that follow a label.
fn participant_lists(page: &PageText, ctx: &mut DocContext, s: &mut Scratch) {
    for li in 0..page.lines.len() {
        let line = page.line_text(li);
        let Some(rest_from) = participant_label(line) else { continue };
        // The list may wrap a name over lines (`Karsten` / `Bro (Ø)`): read it as one text.
        let mut list = line.get(rest_from..).unwrap_or("").to_string();
        // One name per line below the label, until a line that is not a list of names.
        for k in li + 1..(li + 40).min(page.lines.len()) {
            let next = page.line_text(k);
            if participant_label(next).is_some() {
                break;
            }
            s.runs_of(next);
            if !names_dominate(s) {
                break;
            }
            // `…, Karsten` / `Bro (Ø)` continues a name; `Anna Mortensen` / `Jens Ole Kjær` does not.
            let tail = list.rsplit([',', ')', '(', ';']).next().unwrap_or("").trim();
            list.push_str(if !tail.is_empty() && !tail.contains(' ') { " " } else { ", " });
            list.push_str(next);
        }
        s.runs_of(&list);
        add_all_runs(ctx, s, &list);
    }
}

/// Most words of the line are capitalised name words (a list of names, not a sentence or a
/// heading), and at least one full name is among them.
fn names_dominate(s: &Scratch) -> bool {
    let words = s.toks.iter().filter(|t| matches!(t.shape, Shape::Cap | Shape::AllCaps | Shape::Lower)).count();
    let stop_only = |t: &Token| t.flags & STOP != 0 && t.flags & (FIRST | ANY_SURNAME) == 0;
    let names = s.toks.iter().filter(|t| t.is_word() && !stop_only(t)).count();
    !s.runs.is_empty() && names * 10 >= words * 7
}

fn party_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[ \t]\((?:[ABCDFIKLMOVØÅÆ]|SF|RV|DF|EL|LA|KF|KD|NB|ALT|UP|SP)\)").expect("static regex")
    })
}

/// `Johan Müller (A)`: anyone with a party letter is a politician.
fn party_letters(page: &PageText, ctx: &mut DocContext, s: &mut Scratch) {
    for m in party_re().find_iter(&page.text) {
        let Some(li) = page.line_at(m.start()) else { continue };
        let line = page.line_text(li);
        let before = line.get(..m.start() - page.lines[li].range.start).unwrap_or("");
        s.runs_min(before, 1);
        let Some(&(a, b)) = s.runs.last() else { continue };
        if !before.get(s.toks[b].end..).is_some_and(|gap| gap.trim().is_empty()) {
            continue;
        }
        let first_on_line = before.get(..s.toks[a].start).is_some_and(|g| g.trim().is_empty());
        let prev_tail =
            li.checked_sub(1).filter(|_| first_on_line).and_then(|p| trailing_name_words(page.line_text(p)));
        match prev_tail {
            // `… Karsten` / `Bro (Ø)`: a name wrapped over the line break.
            Some(tail) => {
                let name = format!("{tail} {}", before.get(s.toks[a].start..s.toks[b].end).unwrap_or(""));
                ctx.add_public_name(&name);
            }
            None => ctx.add_run(before, &s.toks, a, b),
        }
    }
}

/// The capitalised words ending a line (`…, Lone Frederiksen (O), Karsten` → `Karsten`), when the
/// line ends in a name rather than punctuation.
fn trailing_name_words(line: &str) -> Option<&str> {
    let trimmed = line.trim_end();
    let mut start = trimmed.len();
    for w in trimmed.split(' ').rev().take(3) {
        if !w.chars().next().is_some_and(char::is_uppercase) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        start -= w.len() + usize::from(start < trimmed.len());
    }
    let start = start.min(trimmed.len());
    (start < trimmed.len()).then(|| trimmed[start..].trim())
}

/// Verbs after a presenter's name, then phrases before one (`v/ Lasse Bjerregaard`).
const PRESENTER_AFTER: [&str; 14] = [
    "præsenter",
    "orienter",
    "redegjorde",
    "redegør",
    "fremlagde",
    "fremlægger",
    "gennemgik",
    "gennemgår",
    "deltog under",
    "deltager under",
    "besvarede",
    "svarede på",
    "introducerede",
    "introducerer",
];
const PRESENTER_BEFORE: [&str; 5] = ["v/", "ved", "oplæg af", "oplægsholder", "præsenteret af"];

fn presenter_phrases() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(PRESENTER_AFTER.iter().chain(PRESENTER_BEFORE.iter()))
            .expect("static patterns")
    })
}

/// `Lasse Bjerregaard præsenterer sagen`, `Orientering v/ Lasse Bjerregaard`.
fn presenters(page: &PageText, ctx: &mut DocContext, s: &mut Scratch) {
    let text = page.text.as_str();
    for m in presenter_phrases().find_iter(text) {
        let starts_word = text[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let stem = m.pattern().as_usize() == 0 || m.pattern().as_usize() == 1; // `præsenterer`, `orienterede`
        let ends_word = stem || text[m.end()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let Some(li) = page.line_at(m.start()).filter(|_| starts_word && ends_word) else { continue };
        let line = page.line_text(li);
        let line_start = page.lines[li].range.start;
        if m.pattern().as_usize() < PRESENTER_AFTER.len() {
            let before = line.get(..m.start() - line_start).unwrap_or("");
            s.runs_of(before);
            if let Some(&(a, b)) = s.runs.last() {
                let gap = strip_party_letter(before.get(s.toks[b].end..).unwrap_or("x").trim());
                if gap.trim_matches(',').trim().is_empty() {
                    ctx.add_run(before, &s.toks, a, b);
                }
            }
        } else {
            let after = line.get(m.end().saturating_sub(line_start)..).unwrap_or("");
            s.runs_of(after);
            if let Some(&(a, b)) = s.runs.first() {
                if after.get(..s.toks[a].start).is_some_and(|gap| gap.trim().trim_start_matches(':').trim().is_empty())
                {
                    ctx.add_run(after, &s.toks, a, b);
                }
            }
        }
    }
}

fn strip_party_letter(s: &str) -> &str {
    match (s.strip_prefix('('), s.find(')')) {
        (Some(_), Some(close)) if close <= 5 => s[close + 1..].trim(),
        _ => s,
    }
}

/// Job-title endings (lower and upper case, for `DIREKTØR`), `kommune` and `@`, found in one pass.
fn staff_markers() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let mut pats: Vec<String> = Vec::new();
        for t in lexicon().staff_titles.iter().map(|t| t.to_string()).chain(["kommune".to_string()]) {
            pats.push(t.to_uppercase());
            pats.push(t);
        }
        pats.push("@".to_string());
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("static patterns")
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    /// A job title: the whole word's byte range in the line.
    Title(usize, usize),
    /// `… Kommune` or a municipal e-mail address.
    Municipal,
}

/// The staff markers on a page: titles and `kommune` only at the end of a word, `@` only for a
/// municipal address.
fn staff_marker_lines(page: &PageText, ctx: &DocContext) -> Vec<(usize, Marker)> {
    let text = page.text.as_str();
    let mut out: Vec<(usize, Marker)> = Vec::new();
    for m in staff_markers().find_iter(text) {
        let Some(li) = page.line_at(m.start()) else { continue };
        let line_start = page.lines[li].range.start;
        let hit = &text[m.start()..m.end()];
        if hit == "@" {
            let line = page.line_text(li);
            if mail::emails(line).any(|e| ctx.is_staff_email(e)) && !out.contains(&(li, Marker::Municipal)) {
                out.push((li, Marker::Municipal));
            }
            continue;
        }
        if text[m.end()..].chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if hit.eq_ignore_ascii_case("kommune") {
            if !out.contains(&(li, Marker::Municipal)) {
                out.push((li, Marker::Municipal));
            }
            continue;
        }
        let word_start = text[..m.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
            .last()
            .map_or(m.start(), |(i, _)| i);
        out.push((li, Marker::Title(word_start - line_start, m.end() - line_start)));
    }
    out
}

/// The municipality's own staff: a name next to a job title on its line (`Tina Brøndum,
/// Sagsbehandler`, `Jobcenterchef Torben Vase`, `Sagsbehandler: Mette Dahl Olsen`), or a name line
/// followed within three lines by a title, a municipal address or `… Kommune`.
fn staff_signatures(page: &PageText, ctx: &mut DocContext, s: &mut Scratch) {
    for (li, marker) in staff_marker_lines(page, ctx) {
        let line = page.line_text(li);
        if let Marker::Title(ts, te) = marker {
            title_neighbours(line, ts, te, ctx, s);
        }
        // Header lines (`Fra:`, `To:`) end a signature: what stands above belongs to another
        // message.
        // A title opening its line (`Sagsbehandler, Visitationen, Sønderå Kommune, tlf. …`) is a
        // signature line however long; elsewhere only a short line is.
        let title_first = matches!(marker, Marker::Title(ts, _) if line.get(..ts).is_some_and(|b| b.trim().is_empty()));
        if mail::label_of(line).is_some() || (!title_first && line.split_whitespace().count() > 8) {
            continue;
        }
        for k in (li.saturating_sub(3)..li).rev() {
            let cand = page.line_text(k);
            if mail::label_of(cand).is_some() || mail::is_forward_marker(cand) {
                break;
            }
            // An address (digits) between the name and `… Kommune` is a citizen's letterhead
            // addressed to the municipality, not a signature.
            if (k + 1..li).any(|j| page.line_text(j).bytes().any(|c| c.is_ascii_digit())) {
                break;
            }
            s.runs_of(cand);
            let known = s.runs.iter().any(|&(a, b)| s.toks[a..=b].iter().any(|t| t.flags & (FIRST | SURNAME) != 0));
            if known && names_dominate(s) && cand.split_whitespace().count() <= 8 {
                add_all_runs(ctx, s, cand);
            }
        }
    }
}

/// The name right before a title (`Tina Brøndum, Sagsbehandler`, `Hanne Jensen (konsulent)`) or
/// right after it (`Jobcenterchef Torben Vase`, `Sagsbehandler: Mette Dahl Olsen`).
fn title_neighbours(line: &str, ts: usize, te: usize, ctx: &mut DocContext, s: &mut Scratch) {
    let before = line.get(..ts).unwrap_or("");
    s.runs_of(before);
    if let Some(&(a, b)) = s.runs.last() {
        let gap = before.get(s.toks[b].end..).unwrap_or("x").trim();
        if matches!(gap, "," | "-" | "–" | "(" | "/") {
            ctx.add_run(before, &s.toks, a, b);
        }
    }
    let after = line.get(te..).unwrap_or("");
    s.runs_of(after);
    if let Some(&(a, b)) = s.runs.first() {
        let gap = after.get(..s.toks[a].start).unwrap_or("x").trim();
        if gap.is_empty() || gap == ":" {
            ctx.add_run(after, &s.toks, a, b);
        }
    }
}

/// Senders and recipients with a municipal address in printed mails are staff.
fn municipal_mail_people(page: &PageText, ctx: &mut DocContext, s: &mut Scratch) {
    if !page.text.contains('@') {
        return;
    }
    for b in mail::header_blocks(page) {
        for &(li, off) in &b.people_lines {
            let value = page.line_text(li).get(off..).unwrap_or("");
            for part in value.split(';') {
                if mail::emails(part).any(|e| ctx.is_staff_email(e)) {
                    s.runs_of(part);
                    add_all_runs(ctx, s, part);
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
