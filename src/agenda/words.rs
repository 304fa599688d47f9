//! Text helpers shared by the agenda reader and the closed-item rule: normalising extracted text,
//! splitting it into words, and recognising the fixed lines of an agenda (labels, page numbers).

use regex::Regex;
use std::sync::OnceLock;

/// Lower-cases, maps the dash and space variants Word and PDF producers emit to `-` and ` `,
/// drops soft hyphens and collapses runs of white space. Used wherever two texts are compared.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00AD}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Maps dash variants to `-` and no-break spaces to spaces without changing case, so patterns
/// written with ASCII punctuation match Word's output.
pub fn plain_punctuation(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '\u{00AD}')
        .map(|c| match c {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => ' ',
            c => c,
        })
        .collect()
}

/// Lower-cased words of letters (digits dropped), at least `min_len` chars long.
pub fn words(s: &str, min_len: usize) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= min_len).map(|w| w.to_lowercase()).collect()
}

/// How many words of at least two letters a line holds: the measure of "a real sentence".
pub fn word_count(s: &str) -> usize {
    words(s, 2).len()
}

/// Common Danish function words: never distinctive for a title.
const STOP_WORDS: &[&str] = &[
    "af",
    "alle",
    "alt",
    "anden",
    "andet",
    "andre",
    "ang",
    "angående",
    "at",
    "blev",
    "blive",
    "bliver",
    "da",
    "de",
    "dem",
    "den",
    "denne",
    "der",
    "deres",
    "det",
    "dette",
    "dig",
    "din",
    "disse",
    "dog",
    "du",
    "efter",
    "eller",
    "en",
    "end",
    "er",
    "et",
    "etc",
    "for",
    "fra",
    "før",
    "får",
    "ham",
    "han",
    "hans",
    "har",
    "havde",
    "have",
    "hende",
    "hendes",
    "her",
    "hos",
    "hun",
    "hvad",
    "hvis",
    "hvor",
    "i",
    "ikke",
    "ind",
    "jeg",
    "jer",
    "jo",
    "kan",
    "kunne",
    "man",
    "mange",
    "med",
    "meget",
    "men",
    "mig",
    "min",
    "mine",
    "mit",
    "mod",
    "mv",
    "måske",
    "nogle",
    "noget",
    "nu",
    "ny",
    "nye",
    "nyt",
    "når",
    "og",
    "også",
    "om",
    "op",
    "os",
    "over",
    "på",
    "samt",
    "selv",
    "sig",
    "sin",
    "sine",
    "sit",
    "skal",
    "skulle",
    "som",
    "sådan",
    "til",
    "under",
    "ud",
    "uden",
    "ved",
    "vedr",
    "vedrørende",
    "vi",
    "vil",
    "ville",
    "vor",
    "være",
    "været",
    "år",
];

/// Words that name the kind of an item rather than its subject: they appear in many titles.
const AGENDA_WORDS: &[&str] = &[
    "afgørelse",
    "ansøgning",
    "anmodning",
    "behandling",
    "beslutning",
    "beslutningssag",
    "bilag",
    "budget",
    "budgetopfølgning",
    "byråd",
    "byrådet",
    "dagsorden",
    "dagsordenen",
    "drøftelse",
    "endelig",
    "endelige",
    "eventuelt",
    "evaluering",
    "forslag",
    "foreløbig",
    "godkendelse",
    "godkendt",
    "henvendelse",
    "høring",
    "høringssvar",
    "indstilling",
    "kommune",
    "kommunen",
    "kommunalbestyrelsen",
    "lukket",
    "lukkede",
    "meddelelse",
    "meddelelser",
    "mødet",
    "orientering",
    "orienteringssag",
    "opfølgning",
    "personalesag",
    "personalesager",
    "pkt",
    "punkt",
    "redegørelse",
    "referat",
    "regnskab",
    "sag",
    "sagen",
    "sager",
    "status",
    "temadrøftelse",
    "udvalg",
    "udvalget",
    "åben",
    "åbent",
    "økonomi",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w) || AGENDA_WORDS.contains(&w)
}

/// Whether two words are the same word up to a Danish inflection ending (`ejendom`/`ejendommen`).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 5 && long.starts_with(short) && long.chars().count() - short.chars().count() <= 4
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}")))
}

/// `Lukket`, `Lukket punkt`, `Åbent`, `Status: Lukket`, `Fortroligt`, `Ikke offentlig`…: Some(true) for closed, Some(false) for open.
pub fn status_line(line: &str) -> Option<bool> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^\s*(?:status\s*:\s*)?(?:\(\s*)?(lukket|lukkede?|åben|åbent|aaben|aabent|offentlig|fortrolig|fortroligt|ikke[\s\-]+offentlig|ikke[\s\-]+offentligt|ikke\s+til\s+offentliggørelse|(?:punktet\s+|sagen\s+)?behandles\s+(?:for\s+lukkede\s+døre|på\s+lukket\s+møde))(?:\s+(?:punkt|sag|møde|dagsordenspunkt|sagspunkt))?(?:\s*\))?\s*[.:]?\s*$",
    );
    let caps = r.captures(line)?;
    let word = caps.get(1)?.as_str();
    Some(super::headings::marks_closed(word) || normalize(word).starts_with("ikke til offentlig"))
}

/// A line opening the open or closed part of an agenda (`Lukkede punkter`, `Åbne punkter`,
/// `Lukket dagsorden`): Some(true) for the closed part. `Lukket møde` alone is also a notice
/// (`Lukket møde kl. 17`), so it opens a part only as a styled heading.
pub fn section_status(line: &str, styled: bool) -> Option<bool> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^\s*(?:(lukkede\s+punkter|lukkede\s+sager|lukket\s+dagsorden|lukket\s+del|punkter\s+(?:på|til|for)\s+lukket\s+møde|sager\s+(?:på|til|for)\s+lukket\s+møde)|(åbne\s+punkter|åbne\s+sager|åben\s+dagsorden|åben\s+del|åbent\s+møde)|(lukket\s+møde))\s*:?\s*$",
    );
    let caps = r.captures(line)?;
    if caps.get(1).is_some() {
        Some(true)
    } else if caps.get(2).is_some() {
        Some(false)
    } else {
        styled.then_some(true)
    }
}

/// A line that only says the item was dealt with behind closed doors (`Sagen blev behandlet for
/// lukkede døre.`, `Behandlet på lukket møde`): printed under a correctly closed heading, no content.
pub fn is_closed_notice(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^\s*(?:beslutning\s*:\s*)?(?:(?:sagen|punktet|sagerne|punkterne)\s+)?(?:(?:blev|er|var|bliver)\s+)?(?:(?:behandlet|drøftet|afgjort)\s+)?(?:for|på|under|som)\s+(?:et\s+)?(?:lukkede\s+døre|lukket\s+møde|lukket\s+punkt)\s*\.?\s*$",
    );
    r.is_match(line)
}

/// A section label of an item with nothing after it (`Beslutning`, `Sagsfremstilling:`), or a
/// decision-by label such as `Beslutning i Økonomiudvalget den 12-03-2024:`.
pub fn is_label_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^\s*(?:beslutning|beslutninger|indstilling|direktionens indstilling|forvaltningens indstilling|administrationens indstilling|sagsfremstilling|sagsbeskrivelse|resume|resumé|baggrund|bilag|bilagsliste|økonomi|økonomiske konsekvenser|lovgrundlag|retsgrundlag|kompetence|kompetenceplacering|høring|beslutningstema|tidligere beslutninger|sagens gang|sagsansvarlig|sagsbehandler|ansvarlig|fraværende|afbud|sagsnr|sagsnummer|journalnr|dokumentnr|kle|emne|punkt|tema|vurdering|konklusion|udvalgets beslutning|beslutning i [^:]{1,80})\s*[.:]?\s*$",
    );
    r.is_match(line)
}

/// A line listing an attachment (`Bilag: 19.1 Notat`, `19.1 Notat (lukket bilag)`) or a meta
/// label with a short value (`Fraværende: Anna Berg (A)`, `Sagsbehandler: Jens Holm`): printed
/// under a closed heading too, not the item's content.
pub fn is_meta_line(line: &str) -> bool {
    static ATTACHMENT: OnceLock<Regex> = OnceLock::new();
    static META: OnceLock<Regex> = OnceLock::new();
    let attachment = re(
        &ATTACHMENT,
        r"(?i)^\s*(?:(?:lukket\s+)?bilag\s*(?:nr\.?)?\s*[:.\-]?\s*\d{1,3}(?:\.\d{1,3})?\b|\d{1,3}\.\d{1,3}\s|.*\blukket bilag\b|.*\.pdf\s*$)",
    );
    let meta = re(
        &META,
        r"(?i)^\s*(?:fraværende|afbud|til stede|deltagere|sagsbehandler|sagsansvarlig|ansvarlig|forvaltning|afdeling|område|dato|kle|habilitet|inhabilitet)\s*:",
    );
    attachment.is_match(line) || (meta.is_match(line) && word_count(line) <= 8)
}

/// `3`, `Side 3`, `Side 3 af 12`, `3/12`, `- 3 -`: a page number line.
pub fn is_page_number_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(&RE, r"(?i)^\s*[-–]?\s*(?:side|s\.|page)?\s*\d{1,4}\s*(?:(?:af|of|/)\s*\d{1,4})?\s*[-–]?\s*$");
    r.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_maps_word_punctuation() {
        assert_eq!(normalize("Sagsnr.:\u{a0}326\u{2013}2015 –  11347"), "sagsnr.: 326-2015 - 11347");
        assert_eq!(normalize("  Per\u{ad}sonale  sag "), "personale sag");
    }

    #[test]
    fn status_lines_are_recognised() {
        assert_eq!(status_line("Lukket"), Some(true));
        assert_eq!(status_line("Lukket punkt"), Some(true));
        assert_eq!(status_line("(Lukket)"), Some(true));
        assert_eq!(status_line("Status: Lukket"), Some(true));
        assert_eq!(status_line("Åbent punkt"), Some(false));
        assert_eq!(status_line("Åben"), Some(false));
        assert_eq!(status_line("Lukket for offentligheden pga. personoplysninger"), None);
        assert_eq!(status_line("Fortroligt"), Some(true));
        assert_eq!(status_line("Ikke offentlig"), Some(true));
        assert_eq!(status_line("Status: Ikke offentligt"), Some(true));
        assert_eq!(status_line("Offentlig"), Some(false));
        assert_eq!(status_line("Fortroligt materiale er fjernet fra sagen"), None);
        // Other systems' wording of the same status.
        assert_eq!(status_line("Ikke til offentliggørelse"), Some(true));
        assert_eq!(status_line("Behandles for lukkede døre"), Some(true));
        assert_eq!(status_line("Punktet behandles på lukket møde."), Some(true));
        assert_eq!(status_line("Lukket dagsordenspunkt"), Some(true));
        assert_eq!(status_line("LUKKET SAGSPUNKT"), Some(true));
        assert_eq!(status_line("Åbent dagsordenspunkt"), Some(false));
        assert_eq!(status_line("Ikke til offentliggørelse før 1. juli"), None);
        assert_eq!(status_line("Behandles for lukkede døre, jf. styrelsesloven § 10"), None);
    }

    #[test]
    fn closed_door_notices() {
        assert!(is_closed_notice("Sagen blev behandlet for lukkede døre."));
        assert!(is_closed_notice("Beslutning: Behandlet på lukket møde"));
        assert!(is_closed_notice("Punktet blev behandlet som lukket punkt."));
        assert!(!is_closed_notice("Sagen blev behandlet for lukkede døre, og borgeren fik afslag."));
        assert!(!is_closed_notice("Borgeren har klaget over afgørelsen."));
    }

    #[test]
    fn agenda_sections() {
        assert_eq!(section_status("Lukkede punkter", false), Some(true));
        assert_eq!(section_status("Punkter på lukket møde:", false), Some(true));
        assert_eq!(section_status("Åbne punkter", false), Some(false));
        assert_eq!(section_status("Lukket møde", true), Some(true));
        assert_eq!(section_status("Lukket møde", false), None);
        assert_eq!(section_status("Lukket møde kl. 17.00: Byrådet holder lukket møde", true), None);
        assert_eq!(section_status("De lukkede punkter behandles til sidst", true), None);
    }

    #[test]
    fn labels_and_page_numbers() {
        assert!(is_label_line("Beslutning"));
        assert!(is_label_line("Beslutning i Økonomiudvalget den 12-03-2024:"));
        assert!(is_label_line("Sagsfremstilling:"));
        assert!(!is_label_line("Beslutningen blev truffet enstemmigt."));
        assert!(is_page_number_line("Side 3 af 12"));
        assert!(is_page_number_line("7"));
        assert!(!is_page_number_line("7 borgere"));
    }

    #[test]
    fn attachment_lists_and_meta_labels() {
        assert!(is_meta_line("Bilag: 19.1 Sygeplejefaglig vurdering"));
        assert!(is_meta_line("Bilag 19.1 Sygeplejefaglig vurdering"));
        assert!(is_meta_line("19.1 Sygeplejefaglig vurdering (lukket bilag)"));
        assert!(is_meta_line("Fraværende: Anna Berg (A)"));
        assert!(is_meta_line("Notat om ansøgere.pdf"));
        assert!(!is_meta_line("Borgeren har klaget over afgørelsen om plejebolig."));
        assert!(!is_meta_line(
            "Fraværende: borgeren var fraværende fra skolen i 42 dage i efteråret og familien fik besøg"
        ));
    }

    #[test]
    fn inflected_words_match() {
        assert!(same_word("ejendom", "ejendommen"));
        assert!(!same_word("salg", "salget"));
        assert!(!same_word("skole", "skolestruktur"));
    }
}
