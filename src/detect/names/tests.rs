use super::*;
use crate::detect::{Config, Detector, TextUnit};

/// Runs every rule over `pages` the way `scan` does (context from all pages first).
fn scan_pages_with(config: Config, pages: &[PageText]) -> Vec<Finding> {
    let det = Detector::new(config).unwrap();
    let ctx = det.prepare(pages);
    let mut out = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        det.scan(&TextUnit::page(p, i as u32 + 1), &ctx, &mut out);
    }
    out
}

fn scan_texts(pages: &[&str]) -> Vec<Finding> {
    let pages: Vec<PageText> = pages.iter().map(|t| PageText::from_plain(t)).collect();
    scan_pages_with(Config::default(), &pages)
}

fn names(findings: &[Finding]) -> Vec<(String, Severity)> {
    findings.iter().filter(|f| f.rule == "name").map(|f| (f.text.clone(), f.severity)).collect()
}

fn name_severity(findings: &[Finding], name: &str) -> Option<Severity> {
    findings.iter().find(|f| f.rule == "name" && f.text == name).map(|f| f.severity)
}

const CITIZEN_MAIL_PAGE: &str = "Bilag 2: Høringssvar til lokalplan 1234
Forvaltningen har modtaget nedenstående høringssvar, som er gengivet i sin helhed.
Sagsnr.: 326-2015-11347

Fra: Birthe Kjærsgaard <birthe.k1962@gmail.com>
Sendt: 14. marts 2024 10:32
Til: Teknik og Miljø <tekniskforvaltning@aarhus.dk>
Emne: Mail fra borger - lokalplan 1234

Hej
Jeg er stærkt imod at skoven ved min grund bliver fældet.
Med venlig hilsen
Birthe Kjærsgaard";

#[test]
fn citizens_outlook_mail_at_the_bottom_of_an_attachment() {
    let f = scan_texts(&[CITIZEN_MAIL_PAGE]);
    let mails: Vec<&Finding> = f.iter().filter(|f| f.rule == "email-header").collect();
    assert_eq!(mails.len(), 1, "{f:#?}");
    assert_eq!(mails[0].severity, Severity::High);
    assert!(mails[0].context.contains("Sendt: 14. marts 2024 10:32"));
    assert!(mails[0].message.contains("private sender"), "{}", mails[0].message);
    assert_eq!(name_severity(&f, "Birthe Kjærsgaard"), Some(Severity::High));
    // One finding per name and page, the municipality's mailbox is not a person.
    assert_eq!(names(&f).len(), 1, "{:?}", names(&f));
}

#[test]
fn english_outlook_header_names_sender() {
    let page = "From: John Smith <john.smith@hotmail.com>
Sent: Monday, March 4, 2024 9:12 AM
To: Borgerservice <borgerservice@odense.dk>
Subject: RE: Klage over afgørelse

Dear Sir,";
    let f = scan_texts(&[page]);
    assert_eq!(f.iter().filter(|f| f.rule == "email-header").count(), 1);
    assert_eq!(name_severity(&f, "John Smith"), Some(Severity::High));
}

#[test]
fn forward_chain_gives_a_finding_per_header_block() {
    let page = "Fra: Peter Lund <pl@aarhus.dk>
Sendt: 15. marts 2024 08:01
Til: Sekretariatet <sekr@aarhus.dk>
Emne: VS: Klage

Til orientering.

-----Oprindelig meddelelse-----
Fra: Fatima Ahmed <fatima.ahmed@outlook.dk>
Sendt: 14. marts 2024 22:47
Til: Peter Lund <pl@aarhus.dk>
Emne: Klage

Min søn har ikke fået plads.";
    let f = scan_texts(&[page]);
    let mails: Vec<&Finding> = f.iter().filter(|f| f.rule == "email-header").collect();
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert!(mails.iter().any(|m| m.context.contains("Oprindelig meddelelse")));
    assert_eq!(name_severity(&f, "Fatima Ahmed"), Some(Severity::High));
    // Staff with a municipal address are not leaks.
    assert_eq!(name_severity(&f, "Peter Lund"), None, "{:?}", names(&f));
}

#[test]
fn memo_with_til_fra_dato_emne_is_not_a_mail() {
    let page = "NOTAT

Til: Økonomiudvalget
Fra: Hanne Jensen, Specialkonsulent
Dato: 4. marts 2024
Emne: Budgetopfølgning

Forvaltningen forventer et mindreforbrug.";
    let f = scan_texts(&[page]);
    assert!(f.iter().all(|f| f.rule != "email-header"), "{f:#?}");
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

const MINUTES: &str = "REFERAT
Økonomiudvalget
Mødedato: 12. marts 2024
Mødested: Rådhuset, lokale 390
Mødedeltagere: Jacob Bundsgaard (A), Camilla Fabricius (A), Marc Perera Christensen (V),
Mette Skautrup (C), Lone Hindø (Ø)
Afbud: Rasmus Prehn (A)

Punkt 1: Godkendelse af dagsorden
Beslutning: Godkendt.

Punkt 2: Lokalplan 1234, Skovvejen
Lasse Bjerregaard præsenterer sagen.
Jacob Bundsgaard bemærkede, at sagen har været i høring. Marc Perera Christensen stemte imod.
Orientering v/ Kristine Kjær Holm om status.
Beslutning: Indstillingen blev godkendt. Camilla Fabricius tog forbehold.";

#[test]
fn minutes_full_of_officials_stay_below_the_gate() {
    let f = scan_texts(&[MINUTES]);
    assert!(f.iter().all(|f| f.severity < Severity::Medium), "{f:#?}");
    assert!(names(&f).is_empty(), "public persons produce no finding: {:?}", names(&f));
}

#[test]
fn participants_on_one_page_are_public_on_every_page() {
    let later = "Punkt 7: Budget 2025
Mette Skautrup spurgte til anlægsrammen, og Rasmus Prehn svarede skriftligt.";
    let f = scan_texts(&[MINUTES, later]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn presenter_is_public() {
    let f = scan_texts(&["Punkt 4\nLasse Bjerregaard præsenterer sagen for udvalget."]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn agenda_words_are_never_names() {
    let page = "Til: Byrådet
Emne: Juni
Tirsdag den 4. juni kl. 17.00
Have og Skov
Punkt 3 Skov
Marts April Maj
Sag Bilag Lukket Beslutning Indstilling Udvalg Kommune Borger Direktør Formand Dato Side
Med venlig hilsen
Teknik og Miljø";
    let f = scan_texts(&[page]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn citizens_signature_is_high_staff_signature_is_silent() {
    let citizen = "Jeg vil gerne klage over afgørelsen.

Med venlig hilsen

Søren Mikkelsen";
    let f = scan_texts(&[citizen]);
    assert_eq!(name_severity(&f, "Søren Mikkelsen"), Some(Severity::High), "{:?}", names(&f));

    let staff = "Du kan klage over afgørelsen inden fire uger.

Med venlig hilsen

Søren Mikkelsen
Sagsbehandler
Socialforvaltningen, Aarhus Kommune";
    let f = scan_texts(&[staff]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn lone_first_name_counts_only_in_signature_or_header() {
    let f = scan_texts(&["Hanne ringede i går om sagen."]);
    assert!(names(&f).is_empty());
    let f = scan_texts(&["Tak for hjælpen.\nMvh\nHanne"]);
    assert_eq!(name_severity(&f, "Hanne"), Some(Severity::High), "{:?}", names(&f));
    let f = scan_texts(&[
        "Fra: Hanne <hanne1970@gmail.com>\nSendt: 3. maj 2024 11:02\nTil: Ole <ole@gmail.com>\nEmne: Hej",
    ]);
    assert_eq!(name_severity(&f, "Hanne"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Ole"), Some(Severity::High), "{:?}", names(&f));
}

#[test]
fn initials_and_middle_names() {
    let f = scan_texts(&["Sagen vedrører Hanne K. Jensen og H. K. Olsen samt Lars Bjerre Nielsen og Ib K Holm."]);
    let n = names(&f);
    for want in ["Hanne K. Jensen", "H. K. Olsen", "Lars Bjerre Nielsen", "Ib K Holm"] {
        assert!(n.iter().any(|(t, s)| t == want && *s == Severity::Low), "{want} in {n:?}");
    }
}

#[test]
fn hyphenated_and_foreign_names() {
    let f = scan_texts(&[
        "Ansøgningen fra Anne Hansen-Møller og fra José Müller blev drøftet, og Ayşe Yılmaz Yildiz var enig.",
    ]);
    let n = names(&f);
    assert!(n.iter().any(|(t, _)| t == "Anne Hansen-Møller"), "{n:?}");
    assert!(n.iter().any(|(t, _)| t == "José Müller"), "{n:?}");
}

#[test]
fn name_near_citizen_words_is_high() {
    let f = scan_texts(&["Borgeren Peter Nielsen har klaget over hjemmeplejen."]);
    assert_eq!(name_severity(&f, "Peter Nielsen"), Some(Severity::High));
    let f = scan_texts(&["Klager:\nMaria Petersen\nHun mener, at afgørelsen er forkert."]);
    assert_eq!(name_severity(&f, "Maria Petersen"), Some(Severity::High));
    let f = scan_texts(&["Peter Nielsen har skrevet et indlæg om cykelstier."]);
    assert_eq!(name_severity(&f, "Peter Nielsen"), Some(Severity::Low));
}

#[test]
fn name_next_to_a_cpr_is_high() {
    let page = PageText::from_plain("Vedrørende: Kirsten Madsen\nCPR-nr.: 120387-1234\nBevilling af hjælpemiddel.");
    let cpr = Finding::new("cpr", Severity::High, Some(1), "120387-1234", "CPR".into());
    let unit = TextUnit::page(&page, 1);
    let mut out = Vec::new();
    check(&unit, &DocContext::default(), &[cpr], &mut out);
    assert_eq!(name_severity(&out, "Kirsten Madsen"), Some(Severity::High), "{out:#?}");
    // Without the CPR the same line is running text.
    let mut out = Vec::new();
    check(&unit, &DocContext::default(), &[], &mut out);
    assert_eq!(name_severity(&out, "Kirsten Madsen"), Some(Severity::Low));
}

#[test]
fn low_severity_contact_finding_does_not_raise_a_name() {
    let page = PageText::from_plain("Kontakt Hanne Jensen på 87 13 00 00");
    let phone = Finding::new("phone", Severity::Low, Some(1), "87 13 00 00", "phone".into());
    let mut out = Vec::new();
    check(&TextUnit::page(&page, 1), &DocContext::default(), &[phone], &mut out);
    assert_eq!(name_severity(&out, "Hanne Jensen"), Some(Severity::Low));
}

#[test]
fn streets_and_institutions_named_after_people_are_not_people() {
    let f =
        scan_texts(&["Mødet holdes på Jens Baggesens Vej 12 og H.C. Andersens Boulevard, ved Niels Bohr Instituttet."]);
    assert!(names(&f).iter().all(|(t, _)| !t.contains("Baggesen") && !t.contains("Andersen")), "{:?}", names(&f));
}

#[test]
fn bold_owner_line_above_fra_is_part_of_the_mail() {
    let mut page = PageText::from_plain(
        "Mikkel Thygesen
Fra: Mikkel Thygesen <mt1985@gmail.com>
Sendt: 2. april 2024 14:03
Til: Pladsanvisningen <pladsanvisning@aarhus.dk>
Emne: Plads til min datter",
    );
    page.lines[0].bold = true;
    let f = scan_pages_with(Config::default(), &[page]);
    let mail = f.iter().find(|f| f.rule == "email-header").expect("mail");
    assert!(mail.context.starts_with("Mikkel Thygesen | Fra:"), "{}", mail.context);
    assert_eq!(name_severity(&f, "Mikkel Thygesen"), Some(Severity::High));
}

#[test]
fn roster_names_are_not_findings() {
    let page = PageText::from_plain("Borgmester Mette Frederiksen og borgeren Jens Hansen talte sammen.");
    let config = Config { roster: vec!["Mette Frederiksen".into()], ..Default::default() };
    let f = scan_pages_with(config, &[page]);
    assert_eq!(name_severity(&f, "Mette Frederiksen"), None);
    assert_eq!(name_severity(&f, "Jens Hansen"), Some(Severity::High));
}

#[test]
fn all_caps_name_in_a_header() {
    let f = scan_texts(&["Afgørelse vedrørende\nHANNE JENSEN\nVestergade 12"]);
    assert!(names(&f).iter().any(|(t, _)| t == "HANNE JENSEN"), "{:?}", names(&f));
    let f = scan_texts(&["DAGSORDEN\nØKONOMIUDVALGET\nTEKNIK OG MILJØ"]);
    assert!(names(&f).is_empty());
}

#[test]
fn citizen_letterhead_to_the_municipality_is_not_staff() {
    let page = "Knud Erik Sørensen
Bøgevej 14
8260 Viby J
Aarhus Kommune
Att.: Byggesagsbehandler

Jeg søger hermed om dispensation.";
    let f = scan_texts(&[page]);
    assert!(names(&f).iter().any(|(t, _)| t == "Knud Erik Sørensen"), "{:?}", names(&f));
}

#[test]
fn line_wrapped_names_and_sentence_starts() {
    // A capitalised word at a sentence start before a surname is not a name on its own.
    let f = scan_texts(&["Ifølge Jensen er det i orden. Derfor Hansen."]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
    // Mid-sentence an unlisted first name with a listed surname is.
    let f = scan_texts(&["Sagen om Xiaoming Jensen blev udsat."]);
    assert!(names(&f).iter().any(|(t, _)| t == "Xiaoming Jensen"), "{:?}", names(&f));
}

#[test]
fn shared_mailboxes_in_headers_are_not_people() {
    let f = scan_texts(&["Fra: Postkasse Byggeri\nSendt: 3. maj 2024 11:02\nTil: Xiao Chen\nEmne: Byggetilladelse"]);
    assert_eq!(name_severity(&f, "Postkasse Byggeri"), None, "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Xiao Chen"), Some(Severity::High), "{:?}", names(&f));
}

#[test]
fn name_wrapped_over_two_lines() {
    let f = scan_texts(&["Klagen er indsendt af borgeren Hanne\nJensen, som bor i området."]);
    assert_eq!(name_severity(&f, "Hanne Jensen"), Some(Severity::High), "{:?}", names(&f));
    // A new block (paragraph) is no wrap; a participant stays public when wrapped.
    let f = scan_texts(&["Vi talte med Hanne\n\nJensen og co. leverer."]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
    let f = scan_texts(&["Mødedeltagere: Hanne Jensen (A)\n\nForslaget blev stillet af Hanne\nJensen."]);
    assert!(names(&f).is_empty(), "{:?}", names(&f));
}

#[test]
fn arbitrary_text_never_panics() {
    // Deterministic pseudo-random pages from a charset full of the characters the rules look at.
    let pieces = [
        "Fra:",
        "Til:",
        "Sendt:",
        "Emne:",
        " ",
        " ",
        "\n",
        "\n\n",
        "Hanne",
        "Jensen",
        "K.",
        "(A)",
        "@",
        "x@aarhus.dk",
        "æ",
        "Ø",
        "ß",
        "é",
        "-",
        "\u{ad}",
        "’s",
        "s",
        ".",
        ",",
        ";",
        "Mvh",
        "Med venlig hilsen",
        "Mødedeltagere:",
        "v/",
        "præsenterer",
        "Kommune",
        "Specialkonsulent",
        "12:30",
        "HANNE",
        "Skov",
        "Vej",
        "hr.",
        "I",
        "\t",
        "«",
        "-----Original Message-----",
        "𝔄",
        "Ω",
        ":",
        "(",
        ")",
    ];
    let mut seed = 0x2545_f491_u64;
    for _ in 0..300 {
        let mut page = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            page.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let half = (page.len() / 2..=page.len()).find(|&i| page.is_char_boundary(i)).unwrap_or(page.len());
        let f = scan_texts(&[&page, &page[half..]]);
        for x in &f {
            assert!(!x.text.is_empty() && (0.0..=1.0).contains(&x.confidence), "{x:?}");
        }
    }
}

#[test]
fn outlook_surname_comma_first_name_in_headers() {
    let f = scan_texts(&[
        "Fra: Jensen, Hanne Marie <hmj@gmail.com>\nSendt: 3. maj 2024 11:02\nTil: Hansen, Ole; Gehl, Jan\nEmne: Hej",
    ]);
    for want in ["Jensen, Hanne Marie", "Hansen, Ole", "Gehl, Jan"] {
        assert_eq!(name_severity(&f, want), Some(Severity::High), "{want}: {:?}", names(&f));
    }
    assert_eq!(names(&f).len(), 3, "{:?}", names(&f));
}

#[test]
fn form_name_field_is_high() {
    let f = scan_texts(&["Ansøgningsskema\nNavn: Karin Bertelsen\nØnsket dato: 1. juni"]);
    assert_eq!(name_severity(&f, "Karin Bertelsen"), Some(Severity::High), "{:?}", names(&f));
    let f = scan_texts(&["Udvalget ændrede navn på puljen efter forslag fra Karin Bertelsen."]);
    assert_eq!(name_severity(&f, "Karin Bertelsen"), Some(Severity::Low), "{:?}", names(&f));
}

#[test]
fn address_after_the_name_is_high() {
    let f = scan_texts(&["Jobcentret har krævet 84.312 kr. tilbagebetalt af Lasse Thrane Mikkelsen, Vestergade 33, st.\nth., 6990 Sønderå, fordi han har modtaget kontanthjælp."]);
    assert_eq!(name_severity(&f, "Lasse Thrane Mikkelsen"), Some(Severity::High), "{:?}", names(&f));
    for clean in [
        "Forslag fra Lasse Thrane Mikkelsen, Punkt 3 på dagsordenen.",
        "Indstillet af Lasse Thrane Mikkelsen, 2024 Budget og plan.",
    ] {
        let f = scan_texts(&[clean]);
        assert_eq!(name_severity(&f, "Lasse Thrane Mikkelsen"), Some(Severity::Low), "{clean}: {:?}", names(&f));
    }
}

#[test]
fn double_names_with_a_no_break_hyphen_or_a_minus_are_one_name() {
    // Word writes U+2011 in `Anne‑Marie`; ps2pdf's Latin-1 fonts turn `-` into U+2212.
    let f =
        scan_texts(&["Klager: Kirsten Møller\u{2212}Bach har klaget.\nPårørende Anne\u{2011}Marie Sørensen var med."]);
    assert_eq!(name_severity(&f, "Kirsten Møller\u{2212}Bach"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Anne\u{2011}Marie Sørensen"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(names(&f).len(), 2, "{:?}", names(&f));
}

#[test]
fn listed_names_are_found_with_the_accents_documents_give_them() {
    // The lists hold `Martinez`, `Yilmaz`, `Sahin`; letters spell them `Martínez`, `Yılmaz`, `Şahin`.
    let f = scan_texts(&["Klager er hr. Martínez, og hans ansøger Ümit Yılmaz har svaret.\nFra: Elif Şahin <elif@gmail.com>\nSendt: 3. maj 2024 11:02\nTil: Byg"]);
    assert_eq!(name_severity(&f, "hr. Martínez"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Ümit Yılmaz"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Elif Şahin"), Some(Severity::High), "{:?}", names(&f));
}

#[test]
fn names_on_a_cpr_row_are_found_even_where_the_lists_know_one_part() {
    // A table of citizens: the name opens the row (so reads as a sentence start) and its first
    // name is not listed; the CPR on the row says it is a person.
    let f = scan_texts(&["Navn CPR-nr. Telefon\nAylin Öztürk 230479-1236 31 62 09 47\nJosé Martínez 090591-3417\n"]);
    assert_eq!(name_severity(&f, "Aylin Öztürk"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "José Martínez"), Some(Severity::High), "{:?}", names(&f));
    // Without a CPR on the row such a run stays unreported, and the header row is no name.
    let f = scan_texts(&["Navn Telefon\nAylin Skov har skrevet."]);
    assert_eq!(names(&f), vec![]);
}

#[test]
fn a_sentence_may_open_with_a_name_the_lists_know_half_of() {
    // `José` is not listed, `Martínez` (as `Martinez`) and `Öztürk` are; the names open the
    // sentences, where an unlisted capitalised word is usually only grammar.
    let f = scan_texts(&["José Martínez er værge for sin mor. Aylin Öztürk har klaget som pårørende."]);
    assert_eq!(name_severity(&f, "José Martínez"), Some(Severity::High), "{:?}", names(&f));
    assert_eq!(name_severity(&f, "Aylin Öztürk"), Some(Severity::High), "{:?}", names(&f));
    // A preposition opening the sentence is no first name, nor is a job title.
    let f = scan_texts(&["Ifølge Hansen er borgeren flyttet. Sagsbehandler Jensen har talt med klageren."]);
    assert_eq!(names(&f), vec![]);
    // Without a citizen in the context a sentence start stays grammar.
    let f = scan_texts(&["José Martínez har skrevet bogen om havnen."]);
    assert_eq!(names(&f), vec![]);
}

#[test]
fn surnames_with_a_lower_case_particle_are_one_name() {
    let f = scan_texts(&[
        "Klager Anna de Souza og Ida von Platen bor i området. Borgeren Karim al-Hassan har svaret.\nAnsøger Maria dos Santos og Lasse van der Berg har søgt.",
    ]);
    for name in ["Anna de Souza", "Ida von Platen", "Karim al-Hassan", "Maria dos Santos", "Lasse van der Berg"] {
        assert_eq!(name_severity(&f, name), Some(Severity::High), "{name}: {:?}", names(&f));
    }
    // On a CPR row the particle joins the run as well.
    let f = scan_texts(&["Navn CPR-nr.\nLasse van Dijk 090591-3417\n"]);
    assert_eq!(name_severity(&f, "Lasse van Dijk"), Some(Severity::High), "{:?}", names(&f));
}

#[test]
fn a_particle_without_a_first_name_before_or_a_surname_after_is_no_name() {
    // No listed first name before it, a lower-case word or a phrase after it, a place, a Danish
    // `der`/`den` on its own, a Danish adjective after `de`.
    let f = scan_texts(&[
        "Rapporten van Dijk nævner det. Vi mødte Anna de andre dage. Udvalget besøgte Anna de Forenede Nationer.\nPrisen gik til Ida van Gogh Museet. Mette der Nielsen nævnte. Peter de Gamle kom ikke.",
    ]);
    assert_eq!(names(&f), vec![]);
    // A lower-case word with a hyphen is no prefixed surname.
    let f = scan_texts(&["Borgeren Anna el-bil kører."]);
    assert_eq!(names(&f), vec![]);
}

#[test]
fn citizen_in_an_all_caps_heading_after_a_cue() {
    let f = scan_texts(&["KLAGE FRA JENS PETER HOLM\nSagen vedrører boligstøtte.\n\nVEDR. BORGER METTE HANSEN\n\nHENVENDELSE FRA BIRGIT LUND (SAGSNR. 24/1234)\nNABOKLAGE: KIRSTEN HOLM"]);
    for name in ["JENS PETER HOLM", "METTE HANSEN", "BIRGIT LUND", "KIRSTEN HOLM"] {
        assert_eq!(name_severity(&f, name), Some(Severity::High), "{name}: {:?}", names(&f));
    }
    assert!(f.iter().any(|f| f.rule == "name" && f.message.contains("`KLAGE`")), "{f:#?}");
}

#[test]
fn all_caps_headings_without_a_cue_or_a_person_stay_silent() {
    let f = scan_texts(&[
        "BØRNE- OG UNGEUDVALGET\nMØDE I SOCIALUDVALGET\nJENS PETER HOLM\nKLAGE OVER STØJ FRA MARK OG SKOV\nANSØGNING OM TILSKUD TIL JENS HOLMS VEJ\nVEDR. LOKALPLAN 12, ANNA LUND PARKEN",
    ]);
    assert_eq!(names(&f), vec![]);
}
