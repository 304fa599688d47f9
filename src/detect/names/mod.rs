//! Rule `name`: personal names of citizens (not the politicians and officials who legitimately appear).
//!
//! A name is `First [Middle|Initial]* Surname` from the lists under `rules/names/` (hyphenated,
//! foreign letters, all caps, wrapped over a line break), initials with a listed surname
//! (`H. K. Jensen`), a known first name with an unlisted surname mid-sentence (`Jan Gehl`) or after
//! a lower-case particle (`Lasse van Dijk`, `Karim al-Hassan`), a citizen in an all-caps heading
//! after a cue (`KLAGE FRA JENS PETER HOLM`), an
//! unlisted word with a listed surname (opening a sentence only next to citizen words or personal
//! data: `José Martínez er værge`), or,
//! where the layout says "a person" (mail headers, signatures, a line holding a CPR number), any
//! capitalised run with one listed part; a lone first name counts only in the first two. Public
//! persons (`DocContext`: participants, presenters, staff, roster, famous people) produce no
//! finding. Severity comes from the context: high in a mail header, a letter's signature, a
//! `Navn:` field, next to a CPR, address or phone (another rule's finding on the line or the lines
//! next to it, or a street address right after the name), or near words like `borger`, `klager`,
//! `pårørende`, `morfar`; low in running text. One finding per distinct name and page (the most severe occurrence).

pub mod lexicon;
pub mod tokens;

use super::mail;
use super::{DocContext, Finding, Severity, TextUnit};
use crate::pdf::PageText;
use lexicon::{lexicon, FIRST, STOP};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use tokens::{find_names, name_word, relaxed_runs, tokenize, NameMatch, Shape, Token};

/// Words near a name that make it a citizen's (the case is about this person).
const CITIZEN_WORDS: [&str; 73] = [
    "borger",
    "borgeren",
    "borgerens",
    "borgers",
    "klager",
    "klageren",
    "klagerens",
    "klagers",
    "klagerne",
    "klagere",
    "pårørende",
    "ansøger",
    "ansøgeren",
    "ansøgerens",
    "ansøgers",
    "ansøgerne",
    "forældre",
    "forældrene",
    "forælder",
    "mor",
    "moren",
    "mors",
    "far",
    "faren",
    "fars",
    "barn",
    "barnet",
    "barnets",
    "patient",
    "patienten",
    "patientens",
    "beboer",
    "beboeren",
    "beboerens",
    "beboerne",
    "datter",
    "datteren",
    "søn",
    "sønnen",
    "ægtefælle",
    "hustru",
    "værge",
    "elev",
    "eleven",
    "elevens",
    "anmelder",
    "morfar",
    "morfaren",
    "mormor",
    "farfar",
    "farmor",
    "moster",
    "faster",
    "morbror",
    "farbror",
    "onkel",
    "tante",
    "bedstefar",
    "bedstemor",
    "søster",
    "bror",
    "stedfar",
    "stedmor",
    "plejefar",
    "plejemor",
    "plejeforældre",
    "plejebarn",
    "anbragte",
    "afdøde",
    "enke",
    "enkemand",
    "samlever",
    "kæreste",
];

/// Rules whose findings next to a name make it a citizen's.
const PERSONAL_DATA_RULES: [&str; 4] = ["cpr", "address", "phone", "email-address"];

struct Scratch {
    toks: Vec<Token>,
    names: Vec<NameMatch>,
    runs: Vec<(usize, usize)>,
    buf: String,
}

/// `earlier` holds what other rules already found on this unit (a CPR, an address, a mail header
/// next to a name raises its severity).
pub fn check(unit: &TextUnit<'_>, doc: &DocContext, earlier: &[Finding], out: &mut Vec<Finding>) {
    let text = unit.text;
    if text.lines.is_empty() {
        return;
    }
    let mut s = Scratch { toks: Vec::new(), names: Vec::new(), runs: Vec::new(), buf: String::new() };
    let mut found = Found { unit, doc, by_text: HashMap::new(), findings: Vec::new() };
    let mut skip_lines: Vec<usize> = Vec::new();

    if text.text.contains(':') {
        for b in mail::header_blocks(text) {
            let owner = b.owner_line.map(|o| (o, 0));
            for (li, off) in b.people_lines.iter().copied().chain(owner) {
                header_people(text, li, off, &mut s, &mut found);
                skip_lines.push(li);
            }
        }
    }
    let signature = signature_lines(text);
    let mut near_personal_data: Option<Vec<bool>> = None;
    let mut cpr_lines: Option<Vec<bool>> = None;
    let mut wrap_toks: Vec<Token> = Vec::new();
    let lex = lexicon();
    for li in 0..text.lines.len() {
        if skip_lines.contains(&li) {
            continue;
        }
        let line = text.line_text(li);
        if !line.chars().any(char::is_uppercase) {
            continue;
        }
        let in_signature = signature.get(li).copied().unwrap_or(false);
        tokenize(line, lex, &mut s.buf, &mut s.toks);
        find_names(&s.toks, &mut s.names);
        if in_signature && s.names.is_empty() {
            signature_fallback(line, &mut s);
        }
        // Only where the context already says "a citizen" (a CPR, address or phone next to it, or
        // words like `klager`): elsewhere a sentence start is left to grammar (`Derfor Hansen.`).
        // The context is looked at only for a line with a candidate: most lines have none.
        sentence_start_names(line, &mut s, || {
            let near = near_personal_data.get_or_insert_with(|| personal_data_lines(text, earlier));
            (li.saturating_sub(1)..=li + 1).any(|k| near.get(k).copied().unwrap_or(false))
                || citizen_word_near(text, li).is_some()
        });
        let heading_cue = caps_heading_names(line, &mut s);
        if cpr_lines.get_or_insert_with(|| lines_with_cpr(text, earlier)).get(li).copied().unwrap_or(false) {
            cpr_row_fallback(&mut s);
        }
        for m in s.names.iter().copied() {
            let start = text.lines[li].range.start;
            let mut range = start + m.start..start + m.end;
            let mut confidence = m.confidence();
            let wrapped = if m.is_lone_first_name() && m.last + 1 == s.toks.len() {
                wrapped_surname(text, li, &mut wrap_toks, &mut s.buf)
            } else {
                None
            };
            if let Some((end, ref last_key)) = wrapped {
                let first_key = line.get(s.toks[m.first].start..s.toks[m.first].end).unwrap_or("");
                if doc.is_public_pair(first_key, last_key) {
                    continue;
                }
                range.end = end;
                confidence = 0.8;
            } else {
                if m.is_lone_first_name() && !in_signature {
                    continue;
                }
                if doc.is_public_run(line, &s.toks, m.first, m.last) {
                    continue;
                }
            }
            let near = near_personal_data.get_or_insert_with(|| personal_data_lines(text, earlier));
            let (severity, message) = if in_signature {
                (
                    Severity::High,
                    Message::fixed(
                        "A name in the signature of a letter or mail, not one of the municipality's staff",
                        "Et navn i underskriften på et brev eller en mail, ikke en af kommunens medarbejdere",
                    ),
                )
            } else if (li.saturating_sub(1)..=li + 1).any(|k| near.get(k).copied().unwrap_or(false))
                || address_follows(text.text.get(range.end..text.lines[li].range.end).unwrap_or(""))
            {
                (
                    Severity::High,
                    Message::fixed(
                        "A name next to a CPR number, address or phone number",
                        "Et navn ved et CPR-nummer, en adresse eller et telefonnummer",
                    ),
                )
            } else if is_name_field(line) {
                (
                    Severity::High,
                    Message::fixed("A name in a form's name field (`Navn:`)", "Et navn i et navnefelt (`Navn:`)"),
                )
            } else if let Some(word) =
                heading_cue.filter(|c| c.0 <= m.start && s.toks.get(m.first).is_some_and(|t| t.shape == Shape::AllCaps))
            {
                (
                    Severity::High,
                    Message {
                        en: format!("A name in an all-caps heading after `{}`: probably the citizen the case is about", word.1),
                        da: format!("Et navn i en overskrift med versaler efter `{}`: sandsynligvis den borger, sagen handler om", word.1),
                    },
                )
            } else if let Some(word) = citizen_word_near(text, li) {
                (
                    Severity::High,
                    Message {
                        en: format!("A name near the word `{word}`: probably the citizen the case is about"),
                        da: format!("Et navn nær ordet `{word}`: sandsynligvis den borger, sagen handler om"),
                    },
                )
            } else {
                (
                    Severity::Low,
                    Message::fixed(
                        "A name in running text, not among the document's participants, staff or the roster",
                        "Et navn i løbende tekst, som ikke er blandt dokumentets deltagere, medarbejdere eller listen over offentlige personer",
                    ),
                )
            };
            found.push(range, line, severity, confidence, message);
        }
    }
    out.extend(found.findings);
}

/// Why a name was reported, in English and Danish.
struct Message {
    en: String,
    da: String,
}

impl Message {
    fn in_mail_header() -> Message {
        Message::fixed(
            "A person's name in the header of a printed e-mail (sender or recipient), not the municipality's own address",
            "Et personnavn i brevhovedet på en udskrevet e-mail (afsender eller modtager), ikke kommunens egen adresse",
        )
    }

    fn fixed(en: &str, da: &str) -> Message {
        Message { en: en.to_string(), da: da.to_string() }
    }
}

/// Collects name findings, one per distinct name on the unit (the most severe occurrence).
struct Found<'a, 'u> {
    unit: &'a TextUnit<'u>,
    doc: &'a DocContext,
    by_text: HashMap<String, usize>,
    findings: Vec<Finding>,
}

impl Found<'_, '_> {
    fn push(&mut self, range: Range<usize>, line: &str, severity: Severity, confidence: f32, message: Message) {
        let text = self.unit.text;
        let Some(raw) = text.text.get(range.clone()) else { return };
        // A name wrapped over two lines is reported as one line.
        let joined;
        let name = if raw.contains('\n') {
            joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            joined.as_str()
        } else {
            raw
        };
        let mut f = self.unit.finding("name", severity, name, message.en).with_danish(message.da);
        f.context = short_context(line);
        f.bbox = text.bbox_of(range);
        f.confidence = confidence;
        match self.by_text.get(name) {
            Some(&i) => {
                if let Some(old) = self.findings.get_mut(i) {
                    if f.severity > old.severity {
                        *old = f;
                    }
                }
            }
            None => {
                self.by_text.insert(name.to_string(), self.findings.len());
                self.findings.push(f);
            }
        }
    }
}

fn short_context(line: &str) -> String {
    let t = line.trim();
    if t.len() <= 200 {
        return t.to_string();
    }
    let mut cut = 200;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", &t[..cut])
}

/// A first name ending line `li` and a surname starting the next line of the same block
/// (`… Hanne` / `Jensen …`): the page offset where the surname ends and its key.
fn wrapped_surname(text: &PageText, li: usize, toks: &mut Vec<Token>, buf: &mut String) -> Option<(usize, String)> {
    let (this, next) = (text.lines.get(li)?, text.lines.get(li + 1)?);
    if this.block != next.block {
        return None;
    }
    let line = text.line_text(li + 1);
    tokenize(line, lexicon(), buf, toks);
    let t = toks.first().filter(|t| t.shape == tokens::Shape::Cap)?;
    let surname = t.flags & lexicon::ANY_SURNAME != 0 && (t.flags & STOP == 0 || t.flags & lexicon::WEAK != 0);
    let place = toks.get(1).is_some_and(|n| n.glued && n.flags & lexicon::PLACE != 0);
    (surname && !place).then(|| (next.range.start + t.end, line[t.start..t.end].to_lowercase()))
}

/// The people in a mail header line (`Fra: Hanne Jensen <hanne@gmail.com>; Ole Hansen`):
/// anyone without a municipal address and not public is a finding.
fn header_people(text: &PageText, li: usize, off: usize, s: &mut Scratch, found: &mut Found<'_, '_>) {
    let line = text.line_text(li);
    let Some(value) = line.get(off..) else { return };
    let line_start = text.lines.get(li).map_or(0, |l| l.range.start);
    let lex = lexicon();
    let mut part_start = off;
    for part in value.split(';') {
        let this_start = part_start;
        part_start += part.len() + 1;
        if mail::emails(part).any(|e| found.doc.is_staff_email(e)) {
            continue;
        }
        let cleaned = blank_addresses(part);
        tokenize(&cleaned, lex, &mut s.buf, &mut s.toks);
        let base = line_start + this_start;
        if let Some((m, first, last)) = reversed_name(&cleaned, &s.toks) {
            if !found.doc.is_public_pair(first, last) {
                found.push(
                    base + m.start..base + m.end,
                    line,
                    Severity::High,
                    m.confidence(),
                    Message::in_mail_header(),
                );
            }
            continue;
        }
        find_names(&s.toks, &mut s.names);
        if s.names.is_empty() {
            relaxed_runs(&s.toks, 2, &mut s.runs);
            // Unlisted names need one listed part: `Xiao Chen`, not the shared mailbox
            // `Postkasse Byggeri`.
            let listed = |t: &Token| t.flags & (FIRST | lexicon::ANY_SURNAME) != 0;
            for &(a, b) in s.runs.iter().filter(|&&(a, b)| s.toks[a..=b].iter().any(listed)) {
                s.names.push(NameMatch {
                    first: a,
                    last: b,
                    start: s.toks[a].start,
                    end: s.toks[b].end,
                    first_known: false,
                    surname: 0,
                    initials: false,
                });
            }
        }
        for m in s.names.iter().copied() {
            if found.doc.is_public_run(&cleaned, &s.toks, m.first, m.last) {
                continue;
            }
            found.push(base + m.start..base + m.end, line, Severity::High, m.confidence(), Message::in_mail_header());
        }
    }
}

/// Outlook's `Jensen, Hanne` (surname, comma, first names) as the whole recipient: the match and
/// the first and last name for the public check.
fn reversed_name<'l>(part: &'l str, toks: &[Token]) -> Option<(NameMatch, &'l str, &'l str)> {
    let (sur, first) = (toks.first()?, toks.get(1)?);
    let surname_like = sur.shape == tokens::Shape::Cap && sur.flags & STOP == 0 && sur.flags & FIRST == 0;
    let comma = part.get(sur.end..first.start).is_some_and(|g| g.trim() == ",");
    if !(surname_like && comma && first.shape == tokens::Shape::Cap && first.flags & FIRST != 0) {
        return None;
    }
    let rest_ok = toks[2..].iter().all(|t| {
        t.glued && (t.flags & FIRST != 0 || matches!(t.shape, tokens::Shape::Initial | tokens::Shape::Letter))
    });
    let last = toks.last()?;
    let surname =
        if sur.flags & lexicon::ANY_SURNAME != 0 { sur.flags & lexicon::ANY_SURNAME } else { lexicon::UNLISTED };
    rest_ok.then(|| {
        let m = NameMatch {
            first: 0,
            last: toks.len() - 1,
            start: sur.start,
            end: last.end,
            first_known: true,
            surname: if surname & lexicon::SURNAME != 0 { lexicon::SURNAME } else { surname },
            initials: false,
        };
        (m, &part[first.start..first.end], &part[sur.start..sur.end])
    })
}

/// The part with e-mail addresses, `mailto:` and brackets blanked out (same byte length, so
/// offsets still point into the line).
fn blank_addresses(part: &str) -> String {
    let mut out = part.to_string();
    for e in mail::emails(part) {
        if let Some(pos) = part.find(e) {
            out.replace_range(pos..pos + e.len(), &" ".repeat(e.len()));
        }
    }
    if let Some(pos) = out.to_ascii_lowercase().find("mailto:") {
        out.replace_range(pos..pos + 7, "       ");
    }
    out.chars().map(|c| if matches!(c, '<' | '>' | '[' | ']' | '"') { ' ' } else { c }).collect()
}

/// In a signature a line that is only a capitalised run is the signer, even when the lists do
/// not know the name (`Mvh` / `Xiao Chen`).
fn signature_fallback(line: &str, s: &mut Scratch) {
    relaxed_runs(&s.toks, 2, &mut s.runs);
    let words = s.toks.iter().filter(|t| t.shape != tokens::Shape::Other).count();
    if let [(a, b)] = s.runs[..] {
        let known = s.toks[a..=b].iter().any(|t| t.flags & FIRST != 0 || t.flags & lexicon::SURNAME != 0);
        let clean = s.toks[a..=b].iter().all(|t| t.flags & STOP == 0);
        if b + 1 - a == words && known && clean && line.split_whitespace().count() <= 5 {
            s.names.push(NameMatch {
                first: a,
                last: b,
                start: s.toks[a].start,
                end: s.toks[b].end,
                first_known: s.toks[a].flags & FIRST != 0,
                surname: 0,
                initials: false,
            });
        }
    }
}

/// On a line with a CPR number (a table row, a list of citizens) a capitalised run of two or
/// more words with one listed part is the person the number belongs to, even when the lists lack
/// the other part or it opens the line (`José Martínez   050582-4321`, `Aylin Öztürk …`).
fn cpr_row_fallback(s: &mut Scratch) {
    relaxed_runs(&s.toks, 2, &mut s.runs);
    let listed = |t: &Token| t.flags & (FIRST | lexicon::ANY_SURNAME) != 0;
    for &(a, b) in &s.runs {
        let (first, last) = (&s.toks[a], &s.toks[b]);
        let taken = s.names.iter().any(|m| m.start < last.end && first.start < m.end);
        let words = s.toks[a..=b].iter().filter(|t| t.is_word()).count();
        if taken || words > 4 || !s.toks[a..=b].iter().any(listed) {
            continue;
        }
        let surname = [lexicon::SURNAME, lexicon::WEAK, lexicon::SHAPED]
            .into_iter()
            .find(|&f| last.flags & f != 0)
            .unwrap_or(lexicon::UNLISTED);
        s.names.push(NameMatch {
            first: a,
            last: b,
            start: first.start,
            end: last.end,
            first_known: first.flags & FIRST != 0,
            surname,
            initials: false,
        });
    }
}

/// `José Martínez er værge …`: an unlisted word opening a sentence is usually grammar, not a first
/// name, but followed by a listed surname (not a common word, not a first name) on a line about a
/// citizen it is a person, unless it is a job title (`Sagsbehandler Jensen`) or the pair names a
/// place.
fn sentence_start_names(line: &str, s: &mut Scratch, about_a_citizen: impl FnOnce() -> bool) {
    let lex = lexicon();
    let mut about_a_citizen = Some(about_a_citizen);
    let mut citizen = false;
    for k in 0..s.toks.len().saturating_sub(1) {
        let (t, u) = (&s.toks[k], &s.toks[k + 1]);
        let opens = t.sentence_start && t.shape == tokens::Shape::Cap && t.flags == 0 && t.end - t.start >= 3;
        let surname = u.glued
            && u.shape == tokens::Shape::Cap
            && u.flags & lexicon::SURNAME != 0
            && u.flags & (STOP | FIRST | lexicon::WEAK | lexicon::GENITIVE) == 0;
        if !(opens && surname) || tokens::followed_by_place(&s.toks, k + 1) {
            continue;
        }
        let word = line.get(t.start..t.end).unwrap_or("").to_lowercase();
        if lex.is_staff_title(&word) || s.names.iter().any(|m| m.start < u.end && t.start < m.end) {
            continue;
        }
        if let Some(ask) = about_a_citizen.take() {
            citizen = ask();
        }
        if !citizen {
            return;
        }
        s.names.push(NameMatch {
            first: k,
            last: k + 1,
            start: t.start,
            end: u.end,
            first_known: false,
            surname: lexicon::SURNAME,
            initials: false,
        });
    }
}

/// Words that open an all-caps heading about one citizen (`KLAGE FRA …`, `VEDR. BORGER …`), alone
/// or as the end of a compound.
const HEADING_CUES: [&str; 18] = [
    "klage",
    "klagen",
    "klager",
    "henvendelse",
    "henvendelsen",
    "borger",
    "borgeren",
    "vedr",
    "vedrørende",
    "ansøgning",
    "ansøgningen",
    "ansøger",
    "indsigelse",
    "anmeldelse",
    "underretning",
    "partshøring",
    "høringssvar",
    "bekymringsskrivelse",
];

/// `KLAGE FRA JENS PETER HOLM`: in an all-caps heading a surname that is also a word (`HOLM`)
/// is no name on its own, but after a cue word about a citizen a listed first name with a listed
/// surname is one. Adds those names to `s.names` and returns the byte offset after the cue and
/// the cue as written, so the caller can rank every all-caps name after it. `BØRNE- OG
/// UNGEUDVALGET`, `MØDE I SOCIALUDVALGET` have no cue; the heading ends at the first word that is
/// not in capitals.
fn caps_heading_names<'l>(line: &'l str, s: &mut Scratch) -> Option<(usize, &'l str)> {
    let mut cue: Option<(usize, &str)> = None;
    let mut k = 0;
    while let Some(t) = s.toks.get(k) {
        match t.shape {
            Shape::AllCaps => {}
            Shape::Other => {
                k += 1;
                continue;
            }
            _ => break,
        }
        let word = line.get(t.start..t.end).unwrap_or("");
        if cue.is_none() {
            // Compounds end with the cue: `NABOKLAGE`, `BORGERHENVENDELSE`, `BYGGEANSØGNING`.
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            if HEADING_CUES.iter().any(|c| lower.ends_with(c)) {
                cue = Some((t.end, word));
            }
            k += 1;
            continue;
        }
        let Some(last) = caps_name_end(&s.toks, k) else {
            k += 1;
            continue;
        };
        let (first, end) = (s.toks[k].start, s.toks[last].end);
        if !s.names.iter().any(|m| m.start < end && first < m.end) {
            s.names.push(NameMatch {
                first: k,
                last,
                start: first,
                end,
                first_known: true,
                surname: s.toks[last].flags & (lexicon::SURNAME | lexicon::WEAK),
                initials: false,
            });
        }
        k = last + 1;
    }
    if cue.is_some() {
        s.names.sort_by_key(|m| m.start);
    }
    cue
}

/// The last token of `FIRST [FIRST…] SURNAME` in capitals starting at token `k`: a listed first
/// name that is no stop word, ending with a listed surname (common-word surnames too), not a
/// place (`JENS HOLMS VEJ`).
fn caps_name_end(toks: &[Token], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if t.flags & FIRST == 0 || t.flags & (STOP | lexicon::GENITIVE) != 0 {
        return None;
    }
    let mut last = None;
    let mut j = k + 1;
    while let Some(u) = toks.get(j).filter(|u| u.glued && u.shape == Shape::AllCaps && j - k < 5) {
        if !name_word(u.flags) {
            break;
        }
        if u.flags & (lexicon::SURNAME | lexicon::WEAK) != 0 {
            last = Some(j);
        }
        j += 1;
        if u.flags & lexicon::GENITIVE != 0 {
            break;
        }
    }
    let last = last?;
    let place =
        toks.get(last + 1).is_some_and(|n| n.glued && n.shape == Shape::AllCaps && n.flags & lexicon::PLACE != 0);
    (!place && toks[last].flags & lexicon::GENITIVE == 0).then_some(last)
}

/// Per line: whether a CPR number found by the `cpr` rule lies on it.
fn lines_with_cpr(text: &PageText, earlier: &[Finding]) -> Vec<bool> {
    let mut on = vec![false; text.lines.len()];
    for f in earlier.iter().filter(|f| f.rule == "cpr" && !f.text.is_empty()) {
        for (pos, _) in text.text.match_indices(f.text.as_str()).take(50) {
            if let Some(flag) = text.line_at(pos).and_then(|li| on.get_mut(li)) {
                *flag = true;
            }
        }
    }
    on
}

/// Closing phrases of letters and mails; the signer follows.
const CLOSINGS: [&str; 15] = [
    "med venlig hilsen",
    "med venlige hilsner",
    "venlig hilsen",
    "venlige hilsner",
    "mvh",
    "kærlig hilsen",
    "de bedste hilsner",
    "bedste hilsner",
    "hilsen",
    "best regards",
    "kind regards",
    "with kind regards",
    "regards",
    "sincerely",
    "vh",
];

/// Lines of a letter's or mail's signature: the rest of the closing line and up to three
/// non-empty lines below it.
fn signature_lines(text: &PageText) -> Vec<bool> {
    let mut sig = vec![false; text.lines.len()];
    for li in 0..text.lines.len() {
        if tokens::starts_with_phrase(text.line_text(li), &CLOSINGS).is_none() {
            continue;
        }
        if let Some(flag) = sig.get_mut(li) {
            *flag = true;
        }
        for k in li + 1..(li + 4).min(text.lines.len()) {
            if text.line_text(k).split_whitespace().count() > 6 {
                break;
            }
            if let Some(flag) = sig.get_mut(k) {
                *flag = true;
            }
        }
    }
    sig
}

/// Per line: whether another rule found a CPR, an address, a phone number or a private e-mail
/// address on it.
fn personal_data_lines(text: &PageText, earlier: &[Finding]) -> Vec<bool> {
    let mut near = vec![false; text.lines.len()];
    for f in earlier {
        let counts =
            f.rule == "cpr" || (PERSONAL_DATA_RULES.contains(&f.rule.as_str()) && f.severity >= Severity::Medium);
        if !counts {
            continue;
        }
        if !f.text.is_empty() {
            for (pos, _) in text.text.match_indices(f.text.as_str()).take(50) {
                for off in [pos, pos + f.text.len()] {
                    if let Some(li) = text.line_at(off) {
                        near[li] = true;
                    }
                }
            }
        }
        if let Some(b) = f.bbox {
            for (li, line) in text.lines.iter().enumerate() {
                if line.bbox.area() > 0.0 && line.bbox.intersection(&b).is_some() {
                    near[li] = true;
                }
            }
        }
    }
    near
}

/// Endings of Danish street names (`Vestergade`, `Skovbrynet`, `Rosenvænget`).
const STREET_ENDINGS: [&str; 40] = [
    "vej",
    "vejen",
    "gade",
    "gaden",
    "allé",
    "alle",
    "vænge",
    "vænget",
    "stræde",
    "strædet",
    "torv",
    "torvet",
    "plads",
    "pladsen",
    "boulevard",
    "park",
    "parken",
    "have",
    "haven",
    "høj",
    "højen",
    "bakke",
    "bakken",
    "toften",
    "vang",
    "vangen",
    "sti",
    "stien",
    "kær",
    "marken",
    "engen",
    "lund",
    "lunden",
    "bro",
    "dal",
    "holm",
    "skov",
    "brynet",
    "brygge",
    "løkke",
];

/// `…, Vestergade 33, st. th.` or `… 6990 Sønderå` right after a name on its line: the person's
/// address, even where the address rule could not read it whole (wrapped over lines).
fn address_follows(rest: &str) -> bool {
    static STREET: OnceLock<Regex> = OnceLock::new();
    static POSTCODE: OnceLock<Regex> = OnceLock::new();
    let street = STREET.get_or_init(|| {
        Regex::new(r"^\s*,?\s*((?:\p{Lu}[\p{L}.'-]*\s+){1,3})\d{1,3}[A-Za-z]?(?:[\s,.]|$)").expect("static regex")
    });
    let postcode =
        POSTCODE.get_or_init(|| Regex::new(r"(?:^|[\s,])[1-9]\d{3}\s+(\p{Lu}\p{Ll}+)").expect("static regex"));
    let lex = lexicon();
    let mut buf = String::new();
    let mut no_stop_word = |words: &str| words.split_whitespace().all(|w| lex.classify(w, &mut buf) & STOP == 0);
    let streetlike = |words: &str| {
        let last = words.split_whitespace().last().unwrap_or("").to_lowercase();
        STREET_ENDINGS.iter().any(|e| last.ends_with(e))
    };
    street.captures(rest).and_then(|c| c.get(1)).is_some_and(|w| streetlike(w.as_str()) && no_stop_word(w.as_str()))
        || postcode.captures(rest).and_then(|c| c.get(1)).is_some_and(|w| no_stop_word(w.as_str()))
}

/// `Navn: Hanne Jensen`, `Barnets navn: …`: a form field holding a person's name.
fn is_name_field(line: &str) -> bool {
    const FIELDS: [&str; 8] =
        ["navn", "fulde navn", "fuldt navn", "borgerens navn", "barnets navn", "elevens navn", "ansøgers navn", "name"];
    tokens::starts_with_phrase(line, &FIELDS).is_some_and(|(_, end)| line[end..].trim_start().starts_with(':'))
}

/// A citizen word on the line or the lines next to it.
fn citizen_word_near(text: &PageText, li: usize) -> Option<&'static str> {
    (li.saturating_sub(1)..=li + 1).filter(|&k| k < text.lines.len()).find_map(|k| citizen_word_in(text.line_text(k)))
}

fn citizen_word_in(line: &str) -> Option<&'static str> {
    let mut rest = line;
    while let Some(start) = rest.find(char::is_alphabetic) {
        let tail = &rest[start..];
        let len = tail.find(|c: char| !c.is_alphabetic()).unwrap_or(tail.len());
        let (word, after) = tail.split_at(len);
        rest = after;
        if !(2..=12).contains(&word.len()) || tokens::is_wrapped_fragment(after) {
            continue;
        }
        let hit = CITIZEN_WORDS.iter().find(|c| word.chars().flat_map(char::to_lowercase).eq(c.chars()));
        if hit.is_some() {
            return hit.copied();
        }
    }
    None
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod eval_tests;
