//! The front matter of an agenda: document kind, committee, date, place and participants.

use super::words::{normalize, plain_punctuation};
use super::{DocKind, Meeting, Participants};
use crate::pdf::PageText;
use regex::Regex;
use std::sync::OnceLock;

/// Front matter is looked for in this many non-empty lines of the first pages.
const FRONT_LINES: usize = 60;
const FRONT_PAGES: usize = 3;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}")))
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)\b(\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{1,2}\.?\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+\d{4}|\d{4}-\d{2}-\d{2})\b",
    )
}

/// `REFERAT Social- og Sundhedsudvalget d. 12-03-2024` → kind, committee, date.
fn title_line(line: &str) -> Option<(DocKind, Option<String>, Option<String>)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^\s*(dagsorden|referat|beslutningsprotokol|protokol|bilag)\b\s*(?:(?:for|fra|til|over)\s+)?[:\-]?\s*(.*)$",
    );
    let text = plain_punctuation(line);
    let caps = r.captures(text.trim())?;
    let word = caps.get(1)?.as_str().to_lowercase();
    let kind = match word.as_str() {
        "dagsorden" => DocKind::Agenda,
        "bilag" => DocKind::Attachment,
        _ => DocKind::Minutes,
    };
    let rest = caps.get(2).map_or("", |m| m.as_str()).trim();
    // `Referat af mødet`, `Dagsorden til mødet i` are still titles; `Referatet blev godkendt` is not.
    let date = date_re().find(rest).map(|m| m.as_str().to_string());
    let committee_part = match date_re().find(rest) {
        Some(m) => &rest[..m.start()],
        None => rest,
    };
    let committee = committee_part
        .trim()
        .trim_end_matches(|c: char| c == ',' || c == '-' || c.is_whitespace())
        .trim_end_matches(" d.")
        .trim_end_matches(" den")
        .trim_end_matches(" d")
        .trim()
        .trim_start_matches("mødet i ")
        .trim();
    let committee = if kind == DocKind::Attachment {
        // `Bilag 14.1 · Punkt 14 · Social- og Sundhedsudvalget 12-03-2024`
        committee.split(['·', '|', '•']).map(str::trim).find(|s| looks_like_committee(s)).map(str::to_string)
    } else {
        looks_like_committee(committee).then(|| committee.to_string())
    };
    Some((kind, committee, date))
}

fn looks_like_committee(s: &str) -> bool {
    s.len() < 120
        && super::words::words(s, 3).iter().any(|w| {
            let area = w.ends_with("område") || w.ends_with("området");
            w.contains("udvalg")
                || (!area && (w.ends_with("råd") || w.ends_with("rådet")))
                || w.contains("bestyrelse")
                || w.ends_with("nævn")
                || w.ends_with("nævnet")
                || w.ends_with("forum")
                || w.ends_with("komité")
                || w.contains("kommission")
        })
}

/// `Label: value` for one of `labels` (compared lower-cased), value possibly empty.
fn labeled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, value) = line.split_once(':')?;
    let head = normalize(head);
    labels.contains(&head.as_str()).then_some(value.trim())
}

const PRESENT: &[&str] = &["mødedeltagere", "deltagere", "til stede", "tilstede", "medlemmer", "deltagere i mødet"];
const ABSENT: &[&str] = &["afbud", "fraværende", "fravær", "afbud fra"];
const DATE: &[&str] = &["mødedato", "dato", "mødetidspunkt", "tidspunkt", "mødetid"];
const PLACE: &[&str] = &["mødested", "sted", "mødelokale", "lokale"];
const COMMITTEE: &[&str] = &["udvalg", "udvalget", "forum", "mødeforum"];
const ALL_LABELS: &[&[&str]] = &[PRESENT, ABSENT, DATE, PLACE, COMMITTEE];

fn is_any_label(line: &str) -> bool {
    ALL_LABELS.iter().any(|l| labeled(line, l).is_some())
}

/// Splits a participant list: `Anne Hansen (A), Bo Jensen (V) og Carl Berg`.
fn split_names(s: &str, out: &mut Vec<String>) {
    for part in s.split([',', ';']) {
        for name in part.split(" og ") {
            let name = name.trim().trim_end_matches('.').trim();
            let none = matches!(
                name.to_lowercase().as_str(),
                "ingen" | "-" | "intet" | "ingen afbud" | "formand" | "næstformand" | "sekretær"
            );
            if !none && name.chars().any(char::is_alphabetic) && name.len() <= 80 && !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
}

/// Kind, meeting and participants from the first pages.
pub fn read<'a>(pages: &'a [PageText]) -> (DocKind, Meeting, Participants) {
    let (page_of, lines): (Vec<usize>, Vec<&str>) = pages
        .iter()
        .take(FRONT_PAGES)
        .enumerate()
        .flat_map(|(k, p)| (0..p.lines.len()).map(move |i| (k, p.line_text(i).trim())))
        .filter(|(_, l)| !l.is_empty())
        .take(FRONT_LINES)
        .unzip();
    let mut kind = DocKind::Unknown;
    let mut meeting = Meeting::default();
    let mut participants = Participants::default();
    // A label's value may sit on the next line (`Mødedato:` / `07-05-2024, kl. 17.00`).
    let value_of = |n: usize, v: &'a str| -> &'a str {
        match lines.get(n + 1) {
            Some(next) if v.is_empty() && !is_any_label(next) && !next.ends_with(':') => next,
            _ => v,
        }
    };
    for (n, line) in lines.iter().enumerate() {
        if kind == DocKind::Unknown && n < 15 {
            if let Some((k, committee, date)) = title_line(line) {
                kind = k;
                // The title line names the committee better than a running header above it.
                meeting.committee = committee.or(meeting.committee.take());
                meeting.date = meeting.date.take().or(date);
                continue;
            }
        }
        if meeting.committee.is_none() && n < 15 && looks_like_committee(line) && line.split_whitespace().count() <= 8 {
            if let Some(v) = labeled(line, COMMITTEE) {
                meeting.committee = Some(v.to_string());
                continue;
            } else if !line.contains(':') {
                let name = date_re().find(line).map_or(*line, |m| &line[..m.start()]).trim();
                // `Informationsark · Social- og Sundhedsudvalget`: the segment naming the committee.
                let name = name.split(['·', '|', '•']).map(str::trim).find(|s| looks_like_committee(s)).unwrap_or(name);
                meeting.committee = Some(name.trim_end_matches([',', '-', ' ']).to_string());
                continue;
            }
        }
        if let Some(v) = labeled(line, DATE) {
            let v = value_of(n, v);
            if meeting.date.is_none() && !v.is_empty() {
                meeting.date = Some(date_re().find(v).map_or(v, |m| m.as_str()).to_string());
            }
            continue;
        }
        if let Some(v) = labeled(line, PLACE) {
            let v = value_of(n, v);
            if meeting.place.is_none() && !v.is_empty() {
                meeting.place = Some(v.to_string());
            }
            continue;
        }
        let list = if let Some(v) = labeled(line, PRESENT) {
            Some((v, false))
        } else {
            labeled(line, ABSENT).map(|v| (v, true))
        };
        if let Some((first, absent)) = list {
            let target = if absent { &mut participants.absent } else { &mut participants.present };
            // The list may go on over the next lines; a name can be split across two of them.
            let mut joined = first.to_string();
            let page = page_of.get(n);
            for (next, next_page) in lines.iter().zip(&page_of).skip(n + 1).take(20) {
                // The list ends with its page: the page's footer and the next page's text are no
                // names, and a citizen named there must not become a participant.
                if Some(next_page) != page
                    || super::words::is_page_number_line(next)
                    || is_any_label(next)
                    || next.ends_with(':')
                    || super::headings::parse(next).is_some()
                    || next.split_whitespace().count() > 24
                    || (next.ends_with('.') && super::words::word_count(next) > 6)
                    || normalize(next).starts_with("indhold")
                {
                    break;
                }
                // In a comma-separated list a line break without a comma splits a name; a list
                // without commas has one name per line.
                let t = joined.trim_end();
                let split_name = t.contains(',') && !t.ends_with(',') && !t.ends_with(';');
                joined.push_str(if split_name || t.is_empty() { " " } else { ", " });
                joined.push_str(next);
            }
            split_names(&joined, target);
        }
    }
    (kind, meeting, participants)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_participant_list_ends_with_its_page() {
        let pages = [
            PageText::from_plain(
                "DAGSORDEN Byrådet d. 04-02-2025\nMødedeltagere: Anne Hansen (A), Bo Jensen (V)\nAfbud: Ingen",
            ),
            PageText::from_plain("Klage fra Bent Korsholm\nSide 2 af 3"),
        ];
        let (_, _, participants) = read(&pages);
        assert_eq!(participants.present, vec!["Anne Hansen (A)", "Bo Jensen (V)"]);
        assert!(participants.absent.is_empty(), "{:?}", participants.absent);
        let one = [PageText::from_plain("DAGSORDEN Byrådet\nAfbud: Carl Berg (F)\nSide 1 af 3")];
        assert_eq!(read(&one).2.absent, vec!["Carl Berg (F)"]);
    }

    #[test]
    fn minutes_title_line_with_committee_and_date() {
        let page = PageText::from_plain(
            "REFERAT Social- og Sundhedsudvalget d. 12-03-2024\nMødested: Rådhuset, mødelokale 2\n\
             Mødedeltagere: Anne Hansen (A), Bo Jensen (V) og Carl Berg (F)\nAfbud: Dorte Lund (O)\n\n\
             Indholdsfortegnelse",
        );
        let (kind, meeting, participants) = read(std::slice::from_ref(&page));
        assert_eq!(kind, DocKind::Minutes);
        assert_eq!(meeting.committee.as_deref(), Some("Social- og Sundhedsudvalget"));
        assert_eq!(meeting.date.as_deref(), Some("12-03-2024"));
        assert_eq!(meeting.place.as_deref(), Some("Rådhuset, mødelokale 2"));
        assert_eq!(participants.present, vec!["Anne Hansen (A)", "Bo Jensen (V)", "Carl Berg (F)"]);
        assert_eq!(participants.absent, vec!["Dorte Lund (O)"]);
    }

    #[test]
    fn agenda_with_committee_on_its_own_line_and_long_date() {
        let page = PageText::from_plain(
            "DAGSORDEN\nTeknik- og Miljøudvalget\nMødedato: 12. marts 2024\nMødedeltagere:\nAnne Hansen\nBo Jensen\n\nPunkt 1: Godkendelse",
        );
        let (kind, meeting, participants) = read(std::slice::from_ref(&page));
        assert_eq!(kind, DocKind::Agenda);
        assert_eq!(meeting.committee.as_deref(), Some("Teknik- og Miljøudvalget"));
        assert_eq!(meeting.date.as_deref(), Some("12. marts 2024"));
        assert_eq!(participants.present, vec!["Anne Hansen", "Bo Jensen"]);
    }

    #[test]
    fn running_header_above_the_title_and_a_long_participant_line() {
        let page = PageText::from_plain(
            "Økonomiudvalget 16-04-2024 Side 1\nREFERAT Økonomiudvalget d. 16-04-2024\n\
             Mødedeltagere: Birgitte Holm Andersen (A), formand, Poul Erik Vestergaard (V), næstformand,\n\
             Anja Skovgaard Mikkelsen (F), Lone Frederiksen (O), Karsten Bro (Ø), Søren Kjærgaard (V)\n\
             Afbud: Henrik Dahl (C)",
        );
        let (_, meeting, participants) = read(std::slice::from_ref(&page));
        assert_eq!(meeting.committee.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(participants.present.len(), 6, "{:?}", participants.present);
        assert_eq!(participants.absent, vec!["Henrik Dahl (C)"]);
    }
}
