//! End-to-end tests of the agenda reader and the closed-item rule on plain-text pages that
//! reproduce the known incidents.

use super::closed_item::{self, item_number_in_file_name};
use super::*;
use crate::detect::{Finding, Severity};
use crate::pdf::PageText;

const FRONT: &str = "DAGSORDEN\nØkonomiudvalget\nMødedato: 12. marts 2024\nMødested: Rådhuset, lokale 2\n\
Mødedeltagere: Anne Hansen (A), Bo Jensen (V)\nAfbud: Carl Berg (F)\n\n\
Indholdsfortegnelse\n1. Godkendelse af dagsorden ........ 2\n\
14. Udskiftning af vejbelysning i Nørreby ........ 2\n\
19. Lukket: Ansættelse af ny skoleleder ved Vestskolen ........ 3";

const ITEMS: &str = "Punkt 1: Godkendelse af dagsorden\nÅbent\nSagsnr.: 00.01.00-A00-1-24\n\nIndstilling\n\
Direktionen indstiller, at dagsordenen godkendes.\n\n\
Punkt 14: Udskiftning af vejbelysning i Nørreby\nÅbent\nSagsnr.: 326-2024-11347\n\nSagsfremstilling\n\
Vejbelysningen i Nørreby er udtjent og skal udskiftes til LED-armaturer.\nBilag\nBilag 14.1: Tilbud fra Lys og Vej A/S";

/// Item 19 published correctly: heading, status, case number and an empty decision label.
const CLOSED_OK: &str =
    "Punkt 19: Ansættelse af ny skoleleder ved Vestskolen\nLukket punkt\nSagsnr.: 25-003411\n\nBeslutning";

const HEADER_14: &str = "Bilag 14.1: Tilbud fra Lys og Vej A/S";

fn attachment_page(n: usize, body: &str) -> String {
    format!("{HEADER_14}\n{body}\nSide {n} af 6")
}

fn tender_pages() -> Vec<String> {
    vec![
        attachment_page(1, "Tilbud på udskiftning af 240 armaturer i Nørreby.\nPris i alt 1.200.000 kr. ekskl. moms."),
        attachment_page(2, "Armaturerne leveres med tiltænkt lysstyrke og garanti på ti år."),
        attachment_page(3, "Montagen sker i perioden april til juni om dagen."),
        attachment_page(4, "Betalingsbetingelser: løbende måned plus tredive dage."),
    ]
}

fn doc(pages: &[String]) -> Vec<PageText> {
    pages.iter().map(|p| PageText::from_plain(p)).collect()
}

fn agenda_pages(extra: Vec<String>) -> Vec<PageText> {
    let mut pages = vec![FRONT.to_string(), ITEMS.to_string(), CLOSED_OK.to_string()];
    pages.extend(extra);
    doc(&pages)
}

fn run(pages: &[PageText]) -> (Agenda, Vec<Finding>) {
    let agenda = infer(pages);
    let mut out = Vec::new();
    closed_item::check(pages, &agenda, None, &mut out);
    (agenda, out)
}

fn flagged(findings: &[Finding]) -> Vec<u32> {
    findings.iter().filter_map(|f| f.page).collect()
}

#[test]
fn reads_the_agenda_structure() {
    let mut extra = tender_pages();
    extra.push(attachment_page(5, "Bemærkninger til tilbuddet følger herunder i punktform."));
    let (agenda, _) = run(&agenda_pages(extra));
    assert_eq!(agenda.kind, DocKind::Agenda);
    assert_eq!(agenda.meeting.committee.as_deref(), Some("Økonomiudvalget"));
    assert_eq!(agenda.meeting.date.as_deref(), Some("12. marts 2024"));
    assert_eq!(agenda.participants.present, vec!["Anne Hansen (A)", "Bo Jensen (V)"]);
    assert_eq!(agenda.participants.absent, vec!["Carl Berg (F)"]);
    assert_eq!(agenda.toc.len(), 3);
    let summary: Vec<(&str, bool, Vec<String>)> =
        agenda.items.iter().map(|i| (i.number.as_str(), i.closed, i.case_numbers.clone())).collect();
    assert_eq!(
        summary,
        vec![
            ("1", false, vec!["00.01.00-A00-1-24".to_string()]),
            ("14", false, vec!["326-2024-11347".to_string()]),
            ("19", true, vec!["25-003411".to_string()]),
        ]
    );
    let item19 = agenda.item("19").unwrap();
    assert_eq!(item19.title, "Ansættelse af ny skoleleder ved Vestskolen");
    assert_eq!(item19.headings[0].at.page, 3);
    assert_eq!(item19.pages, vec![3]);
    assert_eq!(agenda.item("14").unwrap().pages, vec![2]);
    assert_eq!(agenda.attachments.len(), 1);
    assert_eq!(agenda.attachments[0].item.as_deref(), Some("14"));
    assert_eq!(agenda.attachments[0].pages, vec![4, 5, 6, 7, 8]);
}

#[test]
fn closed_item_published_correctly_and_its_toc_line_are_not_findings() {
    let (_, findings) = run(&agenda_pages(tender_pages()));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn closed_item_pages_inside_an_open_items_attachment_are_found() {
    let mut extra = tender_pages();
    extra.push(attachment_page(
        5,
        "Punkt 19: Ansættelse af ny skoleleder ved Vestskolen\nLukket punkt\nSagsnr.: 25-003411\n\nSagsfremstilling\n\
         Der er indkommet 12 ansøgninger til stillingen som leder.",
    ));
    extra.push(attachment_page(
        6,
        "Ansættelsesudvalget anbefaler Mette Holm til stillingen.\nLønnen forhandles senere.",
    ));
    let (agenda, findings) = run(&agenda_pages(extra));
    assert_eq!(flagged(&findings), vec![8, 9], "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.rule, "closed-item");
    assert_eq!(f.severity, Severity::High);
    assert!(
        f.message.starts_with("page 8 carries closed item 19 'Ansættelse af ny skoleleder ved Vestskolen'"),
        "{}",
        f.message
    );
    assert!(f.message.contains("body text under its heading"), "{}", f.message);
    assert!(f.message.contains("Bilag 14.1"), "{}", f.message);
    assert!(findings[1].message.contains("continued from its heading on page 8"), "{}", findings[1].message);
    // The body itself is shown only with --reveal.
    assert_ne!(f.masked_text, f.text);
    assert_eq!(agenda.item("19").unwrap().headings.len(), 2);
}

#[test]
fn body_left_under_a_closed_heading_in_the_minutes_is_found() {
    let minutes = "REFERAT Økonomiudvalget d. 12-03-2024\n\n19. Ansættelse af ny skoleleder ved Vestskolen\nLukket\n\
                   Sagsnr.: 25-003411\n\nBeslutning\nUdvalget godkendte ansættelsen af Mette Holm.\n\n\
                   20. Eventuelt\nÅben\nIntet.";
    let (agenda, findings) = run(&doc(&[minutes.to_string()]));
    assert_eq!(agenda.kind, DocKind::Minutes);
    assert!(agenda.item("19").unwrap().closed);
    assert!(!agenda.item("20").unwrap().closed);
    assert_eq!(flagged(&findings), vec![1]);
    assert!(findings[0].context.contains("Mette Holm"));
}

#[test]
fn closed_status_spellings_in_headings() {
    for heading in [
        "19. Lukket: Ansættelse af skoleleder\nSagsnr.: 25-003411",
        "19. Ansættelse af skoleleder (Lukket)\nSagsnr.: 25-003411",
        "Punkt 19: Ansættelse af skoleleder\nLukket punkt\nSagsnr.: 25-003411",
        "Pkt. 19 Ansættelse af skoleleder\nSags nr.: 25-003411\nLukket",
        "Punkt 19 (Lukket): Ansættelse af skoleleder\nJ.nr.: 25-003411",
        "Lukket punkt 19: Ansættelse af skoleleder\nSagsnr.: 25-003411",
        "19. Ansættelse af skoleleder - Lukket\nSagsnr.: 25-003411",
        "Pkt. 19\nAnsættelse af skoleleder\nLUKKET PUNKT\nSagsnr.: 25-003411",
    ] {
        let (agenda, findings) = run(&doc(&[format!("REFERAT Byrådet\n\n{heading}\n\nBeslutning")]));
        let item = agenda.item("19").unwrap_or_else(|| panic!("no item 19 in {heading}"));
        assert!(item.closed, "{heading}");
        assert_eq!(item.title, "Ansættelse af skoleleder", "{heading}");
        assert_eq!(item.case_numbers, vec!["25-003411"], "{heading}");
        assert!(findings.is_empty(), "{heading}: {findings:#?}");
    }
}

#[test]
fn case_number_without_heading_is_found() {
    let mut extra = tender_pages();
    extra.push(attachment_page(
        5,
        "Notat om ansøgerfeltet\nDe tre bedste kandidater er indkaldt til samtale.\nJ.nr. 25-003411",
    ));
    let (_, findings) = run(&agenda_pages(extra));
    assert_eq!(flagged(&findings), vec![8]);
    assert!(findings[0].message.contains("its case number 25-003411 outside its heading"), "{}", findings[0].message);
    assert_eq!(findings[0].text, "25-003411");
}

#[test]
fn case_number_only_in_a_running_header_is_found() {
    let mut pages: Vec<String> = vec![FRONT.into(), ITEMS.into(), CLOSED_OK.into()];
    pages.extend(tender_pages());
    for body in ["Referat af samtalerne med kandidaterne.", "Kandidaternes referencer er indhentet."] {
        pages.push(format!("Sagsnr. 25-003411 - Fortroligt\n{body}\nSide x"));
    }
    let (_, findings) = run(&doc(&pages));
    assert_eq!(flagged(&findings), vec![8, 9]);
    assert!(
        findings.iter().all(|f| f.message.contains("a running header names it (case number 25-003411)")),
        "{findings:#?}"
    );
}

#[test]
fn title_wording_without_heading_or_number_is_found() {
    let mut extra = tender_pages();
    extra.push(attachment_page(
        5,
        "Indstilling vedrørende ansættelse af skoleleder på Vestskolen\nfra ansættelsesudvalget.",
    ));
    let (_, findings) = run(&agenda_pages(extra));
    assert_eq!(flagged(&findings), vec![8]);
    assert!(findings[0].message.contains("a distinctive phrase of its title"), "{}", findings[0].message);
}

#[test]
fn generic_words_of_a_closed_title_are_not_enough() {
    let mut extra = tender_pages();
    // `ansættelse` alone (one distinctive word of three) is ordinary text in an open item.
    extra.push(attachment_page(5, "Leverandøren sørger for ansættelse af montører lokalt."));
    let (_, findings) = run(&agenda_pages(extra));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn every_case_number_style_of_a_closed_item_is_found_elsewhere() {
    for number in ["326-2015-11347", "25-003411", "15/6733", "00.01.00-P35-200-22", "2024-004512", "27.12.08-G01-3-23"]
    {
        let pages = doc(&[
            format!("DAGSORDEN Byrådet\n\nPunkt 7: Erstatningssag\nLukket\nJournalnr.: {number}"),
            format!(
                "Punkt 8: Budget\nÅbent\nSagsnr.: 99-123456\n\nSagsfremstilling\nSe også sag {number} om erstatning."
            ),
        ]);
        let (agenda, findings) = run(&pages);
        assert_eq!(agenda.item("7").unwrap().case_numbers, vec![number.to_string()]);
        assert_eq!(flagged(&findings), vec![2], "{number}");
    }
}

#[test]
fn attachment_section_of_a_closed_item_is_found() {
    let mut pages: Vec<String> = vec![FRONT.into(), ITEMS.into(), CLOSED_OK.into()];
    pages.push("Bilag 19.1: Indstilling fra ansættelsesudvalget\nUdvalget har gennemført to samtalerunder.".into());
    let (_, findings) = run(&doc(&pages));
    assert_eq!(flagged(&findings), vec![4]);
    assert!(findings[0].message.contains("attachment label"), "{}", findings[0].message);
}

#[test]
fn attachment_file_in_a_meeting_folder_is_checked_against_the_agenda() {
    let agenda_doc = agenda_pages(tender_pages());
    let meeting_agenda = infer(&agenda_doc);
    let known = KnownItems {
        items: meeting_agenda.items.clone(),
        source: "meeting agenda".into(),
        replace: false,
        participants: Vec::new(),
    };

    // A misfiled attachment: named after open item 14, but carrying item 19's pages.
    let misfiled = doc(&[
        "Tilbud fra Lys og Vej A/S\nVi tilbyder udskiftning af 240 armaturer.".into(),
        "19. Ansættelse af ny skoleleder ved Vestskolen\nSagsnr.: 25-003411\n\nDer er indkommet 12 ansøgninger til stillingen.".into(),
    ]);
    let mut agenda = infer(&misfiled);
    known.apply(&mut agenda);
    let mut findings = Vec::new();
    closed_item::check(&misfiled, &agenda, Some("møde/bilag/Bilag 14.1 Tilbud.pdf"), &mut findings);
    assert_eq!(flagged(&findings), vec![2]);

    // An attachment filed under the closed item by its name: every page is closed content.
    let own = doc(&["Notat\nOversigt over ansøgere.".into(), "Vurdering af kandidaterne.".into()]);
    let mut agenda = infer(&own);
    known.apply(&mut agenda);
    let mut findings = Vec::new();
    closed_item::check(&own, &agenda, Some("møde/Bilag 19.1 Notat om ansøgere.pdf"), &mut findings);
    assert_eq!(flagged(&findings), vec![1, 2]);
    assert!(
        findings[0].message.contains("the file name 'Bilag 19.1 Notat om ansøgere.pdf'"),
        "{}",
        findings[0].message
    );

    // The same file under an open item's name, with no closed content: clean.
    let mut findings = Vec::new();
    closed_item::check(&own, &agenda, Some("møde/Bilag 14.2 Notat.pdf"), &mut findings);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn manifest_overrides_inference() {
    let manifest = Manifest::parse(
        r#"{"items": [{"number": "14", "title": "Udskiftning af vejbelysning i Nørreby", "status": "closed",
                       "case_numbers": ["326-2024-11347"], "attachments": ["Bilag 14.1 Tilbud.pdf"]},
                      {"number": "19", "title": "Ansættelse af ny skoleleder ved Vestskolen", "status": "open"}]}"#,
    )
    .unwrap();
    let pages = agenda_pages(tender_pages());
    let mut agenda = infer(&pages);
    KnownItems::from_manifest(&manifest).apply(&mut agenda);
    assert!(agenda.item("14").unwrap().closed);
    assert!(!agenda.item("19").unwrap().closed);
    assert_eq!(agenda.items.len(), 2);
    let mut findings = Vec::new();
    closed_item::check(&pages, &agenda, Some("Bilag 14.1 Tilbud.pdf"), &mut findings);
    // Item 14's body on page 2 and its attachment pages, every page by the manifest's file list.
    assert_eq!(flagged(&findings), vec![1, 2, 3, 4, 5, 6, 7]);
    assert!(findings[1].message.contains("body text under its heading"), "{}", findings[1].message);
    assert!(findings[0].message.contains("the agenda manifest lists"), "{}", findings[0].message);
}

#[test]
fn file_names_give_item_numbers() {
    assert_eq!(item_number_in_file_name("Bilag 19.1 Notat.pdf").as_deref(), Some("19"));
    assert_eq!(item_number_in_file_name("x/bilag_19_2.pdf").as_deref(), Some("19"));
    assert_eq!(item_number_in_file_name("punkt-19-notat.pdf").as_deref(), Some("19"));
    assert_eq!(item_number_in_file_name("Pkt19.pdf").as_deref(), Some("19"));
    assert_eq!(item_number_in_file_name("Bilag til punkt 7.pdf").as_deref(), Some("7"));
    assert_eq!(item_number_in_file_name("Dagsorden 2024.pdf"), None);
    assert_eq!(item_number_in_file_name("Kontrapunkt 3.pdf"), None);
    // Roman-numbered agendas label their attachments the same way.
    assert_eq!(item_number_in_file_name("Bilag III.1 Skadesanmeldelse.pdf").as_deref(), Some("3"));
    assert_eq!(item_number_in_file_name("punkt-IV-notat.pdf").as_deref(), Some("4"));
    assert_eq!(item_number_in_file_name("Punkt Lukket sag.pdf"), None);
    assert_eq!(item_number_in_file_name("Punkt VIlla.pdf"), None);
    assert_eq!(item_number_in_file_name("bilag-iii-1.pdf"), None);
}

#[test]
fn an_item_at_the_foot_of_the_toc_page_and_of_the_body_page_is_still_read() {
    // Chromium's layout: the last TOC line and the last heading both sit at a page's foot.
    let pages = doc(&[
        "DAGSORDEN Børne- og Skoleudvalget\nIndholdsfortegnelse\nPunkt 1: Godkendelse af dagsorden\n2\n\
         Punkt 4: Lukket: Klage over skolevisitation\n2"
            .into(),
        "Punkt 1: Godkendelse af dagsorden\nSagsnr.: 326-2024-00318\nBeslutning: Godkendt.\n\n\
         Punkt 4: Lukket: Klage over skolevisitation\nSagsnr.: 326-2024-00922"
            .into(),
    ]);
    let (agenda, findings) = run(&pages);
    let item = agenda.item("4").expect("item 4");
    assert!(item.closed);
    assert_eq!(item.case_numbers, vec!["326-2024-00922"]);
    assert_eq!(agenda.toc.len(), 2);
    assert!(findings.is_empty(), "{findings:#?}");
}

/// The real-PDF fixtures (LibreOffice, Chromium, reportlab, ps2pdf, merged with qpdf) against
/// their ground truth in `fixtures/expected.json`: every page that must carry a closed-item
/// finding has one, and no other page of these files does.
#[test]
fn fixtures_closed_item_pages_match_the_ground_truth() {
    use crate::pdf::Limits;
    use std::path::{Path, PathBuf};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let expected = std::fs::read_to_string(root.join("expected.json")).expect("fixtures/expected.json");
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
    let read = |p: &Path| -> Option<Vec<PageText>> {
        let bytes = std::fs::read(p).ok()?;
        crate::scan::read_document(&bytes, Limits::default()).ok().map(|r| r.pages)
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in expected["files"].as_array().unwrap() {
        let name = entry["file"].as_str().unwrap();
        if name.starts_with("closed/") || name.starts_with("producers/") {
            files.push(root.join(name));
        }
    }
    assert!(files.len() >= 10, "fixtures missing: {files:?}");
    let index = MeetingIndex::build(&files, None, read);
    let (mut hits, mut misses, mut false_pages) = (0, Vec::new(), Vec::new());
    for entry in expected["files"].as_array().unwrap() {
        let name = entry["file"].as_str().unwrap();
        let path = root.join(name);
        if !files.contains(&path) {
            continue;
        }
        let pages = read(&path).unwrap_or_else(|| panic!("{name} could not be read"));
        let mut agenda = infer(&pages);
        if let Some(known) = index.for_file(&path) {
            known.apply(&mut agenda);
        }
        let mut findings = Vec::new();
        closed_item::check(&pages, &agenda, Some(name), &mut findings);
        let got = flagged(&findings);
        let must: Vec<u32> = entry["must"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["rule"] == "closed-item")
            .filter_map(|m| m["page"].as_u64().map(|p| p as u32))
            .collect();
        for p in &must {
            if got.contains(p) {
                hits += 1;
            } else {
                misses.push(format!("{name} page {p}"));
            }
        }
        false_pages.extend(got.iter().filter(|p| !must.contains(p)).map(|p| format!("{name} page {p}")));
    }
    assert!(misses.is_empty(), "closed-item pages missed: {misses:?}");
    assert!(false_pages.is_empty(), "pages flagged wrongly: {false_pages:?}");
    assert!(hits >= 11, "only {hits} closed-item pages in the fixtures");
}

#[test]
fn attachment_list_and_absence_under_a_closed_heading_are_not_its_content() {
    let minutes = "REFERAT Økonomiudvalget d. 12-03-2024\n\n19. Ansættelse af ny skoleleder ved Vestskolen\nLukket\n\
                   Sagsnr.: 25-003411\nFraværende: Anna Berg (A)\nBilag: 19.1 Indstilling fra ansættelsesudvalget\n\
                   Beslutning\n\n20. Eventuelt\nÅben\nIntet.";
    let (agenda, findings) = run(&doc(&[minutes.to_string()]));
    assert!(agenda.item("19").unwrap().closed);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_next_items_heading_ends_a_closed_item_even_unrecognised() {
    // No table of contents, and item 20 declares nothing: it is not read as an item, but its
    // heading still ends closed item 19.
    let minutes = "REFERAT Økonomiudvalget\n\n19. Personalesag\nLukket\nSagsnr.: 25-003411\n\n\
                   20. Eventuelt\nFormanden takkede for et godt samarbejde i udvalget.";
    let (agenda, findings) = run(&doc(&[minutes.to_string()]));
    assert!(agenda.item("19").unwrap().closed);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn attachments_appended_after_a_correct_closed_item_are_not_its_content() {
    let mut pages: Vec<String> = vec![FRONT.into(), ITEMS.into(), CLOSED_OK.into()];
    pages.push("Tilbud på udskiftning af 240 armaturer i Nørreby.\nPris i alt 1.200.000 kr. ekskl. moms.".into());
    let (_, findings) = run(&doc(&pages));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_open_item_sharing_the_closed_items_case_number_is_not_a_finding() {
    let pages = doc(&[
        "DAGSORDEN Byrådet\n\nPunkt 7: Erstatningssag\nLukket\nSagsnr.: 326-2015-11347".into(),
        "Punkt 8: Orientering om erstatningssager\nÅbent\nSagsnr.: 326-2015-11347\n\nSagsfremstilling\n\
         Der er i alt behandlet fire sager i 2024."
            .into(),
    ]);
    let (_, findings) = run(&pages);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_closed_items_heading_repeated_atop_leaked_pages_is_found() {
    // Whether read as a running header or as the heading with body text under it, both leaked
    // pages are found, and the correct heading on page 3 is not.
    let mut pages: Vec<String> = vec![FRONT.into(), ITEMS.into(), CLOSED_OK.into()];
    for body in ["Referat af samtalerne med kandidaterne.", "Kandidaternes referencer er indhentet."] {
        pages.push(format!("Punkt 19: Ansættelse af ny skoleleder ved Vestskolen\n{body}"));
    }
    let (_, findings) = run(&doc(&pages));
    assert_eq!(flagged(&findings), vec![4, 5]);
    assert!(findings.iter().all(|f| f.message.contains("closed item 19 'Ansættelse")), "{findings:#?}");
}

#[test]
fn case_number_label_and_value_on_separate_lines() {
    let pages = doc(&["DAGSORDEN Byrådet\n\nPunkt 7: Erstatningssag\nLukket\nSagsnr.:\n326-2015-11347\n\n\
         Punkt 8: Budget\nÅbent\nSagsnr.:\n99-123456\n\nSagsfremstilling\nSe også sag 326-2015-11347 om erstatning."
        .into()]);
    let (agenda, findings) = run(&pages);
    assert_eq!(agenda.item("7").unwrap().case_numbers, vec!["326-2015-11347"]);
    assert_eq!(agenda.item("8").unwrap().case_numbers, vec!["99-123456"]);
    assert_eq!(flagged(&findings), vec![1]);
    assert!(findings[0].message.contains("its case number 326-2015-11347"), "{}", findings[0].message);
}

#[test]
fn a_closed_heading_at_a_page_foot_with_its_body_on_the_next_page_is_found() {
    let pages = doc(&[
        "DAGSORDEN Byrådet\n\nPunkt 6: Budget\nÅbent\nSagsnr.: 99-123456\n\n\
         Punkt 7: Erstatningssag\nLukket\nSagsnr.: 326-2015-11347"
            .into(),
        "Borgeren kræver erstatning for skader efter oversvømmelsen i kælderen.\n\n\
         Punkt 8: Eventuelt\nÅbent\nSagsnr.: 99-123457"
            .into(),
    ]);
    let (_, findings) = run(&pages);
    assert_eq!(flagged(&findings), vec![2]);
    assert!(findings[0].message.contains("continued from its heading on page 1"), "{}", findings[0].message);

    // The last item at a page foot, then an appended attachment: not its body.
    let pages = doc(&[
        "DAGSORDEN Byrådet\n\nPunkt 6: Budget\nÅbent\nSagsnr.: 99-123456\n\n\
         Punkt 7: Erstatningssag\nLukket\nSagsnr.: 326-2015-11347"
            .into(),
        "Tilbud på udskiftning af 240 armaturer i Nørreby.".into(),
    ]);
    let (_, findings) = run(&pages);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_status_label_above_a_heading_belongs_to_that_heading() {
    let minutes = "REFERAT Økonomiudvalget d. 21-01-2025\n\n4. Budgetopfølgning\nSagsnr.: 00.30.00-S00-1-25\n\
                   Beslutning\nTaget til efterretning.\nLukket punkt\n5. Fratrædelsesaftale med direktør\n\
                   Sagsnr.: 81.03.00-G01-1-25\nSagsfremstilling\nDirektøren har ønsket at fratræde med udgangen af marts.\n\
                   Beslutning\nÅbent punkt\n6. Eventuelt\nSagsnr.: 00.01.00-A00-2-25\n\
                   Borgmesteren orienterede om nytårskuren og den nye borgerservice.";
    let (agenda, findings) = run(&doc(&[minutes.to_string()]));
    let closed: Vec<&str> = agenda.closed_items().map(|i| i.number.as_str()).collect();
    assert_eq!(closed, vec!["5"]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].message.contains("Fratrædelsesaftale"), "{}", findings[0].message);
}

#[test]
fn a_status_right_under_a_heading_stays_its_own_when_the_next_heading_follows() {
    let text = "DAGSORDEN Byrådet\n\nPunkt 19: Personalesag\nLukket\nPunkt 20: Vejplan\nÅben\n\
                Sagsnr.: 05.01.00-P15-1-24\nVejplanen for 2025 er sendt i høring hos borgerne.";
    let (agenda, _) = run(&doc(&[text.to_string()]));
    let closed: Vec<&str> = agenda.closed_items().map(|i| i.number.as_str()).collect();
    assert_eq!(closed, vec!["19"]);
}

/// A heading row's status cell; `Ø` makes the title's last char two bytes long.
#[test]
fn a_status_cell_after_a_multibyte_char_is_read() {
    let text = "DAGSORDEN Byrådet\n\n13 Påbud til Søndergårds Bø\u{a0}Lukket\nSagsnr.: 06.02.15-K08-7-24";
    let (agenda, _) = run(&[placed(text, 1, 120.0)]);
    assert!(agenda.item("13").is_some_and(|i| i.closed && i.title == "Påbud til Søndergårds Bø"), "{:?}", agenda.items);
}

#[test]
fn a_bare_next_heading_ends_a_closed_items_body_when_styled_as_a_heading() {
    let text = "DAGSORDEN Økonomiudvalget\n\nPunkt 8: Lukket: Klage over tilbagebetaling af kontanthjælp\n\
                Sagsnr.: 15.10.05-K07-12-24\nBeslutning\n9 Eventuelt\n\
                Borgmesteren orienterede om den kommende borgermødeturné i landdistrikterne.";
    let mut pages = doc(&[text.to_string()]);
    // Unstyled, `9 Eventuelt` may be a line of running text: what follows is item 8's.
    assert_eq!(flagged(&run(&pages).1), vec![1]);
    let k = (0..pages[0].lines.len()).find(|&i| pages[0].line_text(i) == "9 Eventuelt").unwrap();
    pages[0].lines[k].bold = true;
    let (_, findings) = run(&pages);
    assert!(findings.is_empty(), "{findings:#?}");
}

/// `text` laid out as layout would: 6 pt per char, 14 pt per line, and `gap` points of white
/// space before the last word of line `gap_line` (index among the non-empty lines; a table cell
/// of its own).
fn placed(text: &str, gap_line: usize, gap: f32) -> PageText {
    let mut page = PageText::from_plain(text);
    let mut boxes = Vec::new();
    for (n, line) in page.lines.iter_mut().enumerate() {
        let t = &text[line.range.clone()];
        let last_word =
            t.trim_end().rsplit_once(char::is_whitespace).map_or(usize::MAX, |(_, w)| t.trim_end().len() - w.len());
        let y = 800.0 - 14.0 * n as f32;
        let mut x = 60.0;
        for (off, c) in t.char_indices() {
            if n == gap_line && off == last_word {
                x += gap;
            }
            if !c.is_whitespace() {
                boxes.push(((line.range.start + off) as u32, crate::pdf::geom::Rect::new(x, y, x + 6.0, y + 10.0)));
            }
            x += 6.0;
        }
        line.bbox = crate::pdf::geom::Rect::new(60.0, y, x, y + 10.0);
    }
    page.char_boxes = boxes;
    page
}

#[test]
fn a_status_in_its_own_cell_of_a_heading_row_marks_the_item() {
    let text = "DAGSORDEN Klima- og Miljøudvalget\n\n13 Påbud om nedsivningsanlæg Lukket\n\
                Sagsnr.: 06.02.15-K08-7-24\nSagsfremstilling\n\
                Ejeren har ikke efterkommet påbuddet fra 2022 om et nyt nedsivningsanlæg.\nBeslutning";
    let (agenda, findings) = run(&[placed(text, 1, 120.0)]);
    let item = agenda.item("13").expect("the heading row is an item");
    assert!(item.closed);
    assert_eq!(item.title, "Påbud om nedsivningsanlæg");
    assert_eq!(flagged(&findings), vec![1]);
    // The same words in one cell: a title that ends in `Lukket`, no status.
    let (agenda, findings) = run(&[placed(text, 1, 0.0)]);
    assert!(agenda.closed_items().next().is_none(), "{:?}", agenda.items);
    assert!(findings.is_empty());
}

#[test]
fn a_closed_door_notice_under_a_closed_heading_is_not_its_content() {
    let text = "REFERAT Socialudvalget d. 03-03-2025\n\nLukket 7. Klage over afslag på merudgifter\n\
                Sagsnr.: 27.24.08-K07-4-25\nBeslutning\nSagen blev behandlet for lukkede døre.\n\n\
                8. Fortrolighed og tavshedspligt i bestyrelser\nSagsnr.: 00.01.00-A00-9-25\n\
                Formanden orienterede om reglerne for tavshedspligt.";
    let (agenda, findings) = run(&doc(&[text.to_string()]));
    let closed: Vec<&str> = agenda.closed_items().map(|i| i.number.as_str()).collect();
    assert_eq!(closed, vec!["7"]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_closed_items_attachment_labelled_only_on_its_first_page_goes_on() {
    let mut pages: Vec<String> = vec![FRONT.into(), ITEMS.into(), CLOSED_OK.into()];
    pages.push(
        "Bilag 19.1: Indstilling fra ansættelsesudvalget\n\
         Ansættelsesudvalget har interviewet fire ansøgere til stillingen som skoleleder."
            .into(),
    );
    pages.push("Udvalget anbefaler den eksterne kandidat, der har ledet en skole i otte år.".into());
    pages.push("Bilag 14.2: Kort over Nørreby\nKortet viser placeringen af de nye armaturer langs vejene.".into());
    let (_, findings) = run(&doc(&pages));
    assert_eq!(flagged(&findings), vec![4, 5], "{findings:#?}");
    assert!(findings[1].message.contains("labelled on page 4"), "{}", findings[1].message);
}

#[test]
fn a_case_number_printed_in_the_heading_line_is_the_items() {
    let pages = doc(&[
        "DAGSORDEN Børneudvalget\n\n3. Tilsyn med dagplejen\nÅben\nDagplejen har haft tilsyn i efteråret.\n\n\
         4. Lukket: Underretning om barn - Sagsnr. 27.15.08-K09-14-25\nBeslutning"
            .into(),
        "Bilag 3.1: Tilsynsrapport\nJf. underretningssagen 27.15.08-K09-14-25 er der ført skærpet tilsyn med en dagplejer."
            .into(),
    ]);
    let (agenda, findings) = run(&pages);
    let item = agenda.item("4").unwrap();
    assert_eq!(
        (item.title.as_str(), item.case_numbers.clone()),
        ("Underretning om barn", vec!["27.15.08-K09-14-25".into()])
    );
    assert_eq!(flagged(&findings), vec![2], "{findings:#?}");
}

#[test]
fn a_closed_items_attachment_list_at_the_foot_of_its_agenda_page_is_not_a_label() {
    let page = "DAGSORDEN Byrådet\n\nPunkt 2: Vejplan\nSagsnr.: 05.01.00-P15-1-24\n\
                Vejplanen for 2025 er sendt i høring hos borgerne og grundejerne.\n\n\
                Punkt 5: Lukket punkt: Ressourceforløb\nSagsnr.: 326-2024-20911\nBeslutning\n\
                Bilag 5.1 Jobcentrets redegørelse (lukket bilag)";
    let (agenda, findings) = run(&doc(&[page.into()]));
    assert!(agenda.item("5").is_some_and(|i| i.closed));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_status_marker_on_the_titles_second_line_closes_the_item() {
    let pages = doc(&["REFERAT\nTeknik- og Miljøudvalget\nMødedato: 14. maj 2024\n\n\
Punkt 2:\nBudgetopfølgning pr. 31. marts 2024\nSagsnr.: 00.30.00-S00-3-24\n\nSagsfremstilling\n\
Forvaltningen fremlægger budgetopfølgningen med et mindreforbrug på driften.\n\n\
Punkt 3:\nErstatningskrav efter vandskade i Vestergade (Lukket)\nSagsnr.: 27.15.00-G01-12-24\n\n\
Sagsfremstilling\nBorgeren har rejst krav om erstatning efter oversvømmelse af kælderen i februar."
        .to_string()]);
    let (agenda, findings) = run(&pages);
    let item = agenda.items.iter().find(|i| i.number == "3").map(|i| (i.title.as_str(), i.closed));
    assert_eq!(item, Some(("Erstatningskrav efter vandskade i Vestergade", true)));
    assert_eq!(agenda.items.iter().find(|i| i.number == "2").map(|i| i.closed), Some(false));
    assert_eq!(flagged(&findings), vec![1]);
}
