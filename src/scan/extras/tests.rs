use crate::detect::{Config, Detector, Finding, Severity};
use crate::pdf::extras::testpdf::{text, Builder};
use crate::pdf::Limits;
use crate::scan::Scanner;
use lopdf::dictionary;

fn scanner() -> Scanner {
    Scanner { detector: Detector::new(Config::default()).unwrap(), limits: Limits::default() }
}

fn findings(bytes: &[u8]) -> Vec<Finding> {
    let report = scanner().scan_bytes("test.pdf", bytes);
    assert_eq!(report.error, None);
    report.findings.into_iter().map(|r| r.finding).collect()
}

fn of_rule<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|f| f.rule == rule).collect()
}

/// A PDF that embeds `inner` (a PDF) as `name`.
fn wrap(name: &str, inner: &[u8]) -> Vec<u8> {
    let mut b = Builder::new(&[&["Dagsorden"]]);
    let spec = b.file_spec(name, inner);
    b.embed(&[(name, spec)]);
    b.bytes()
}

#[test]
fn embedded_files_are_listed_and_unreadable_kinds_fail_closed() {
    let mut b = Builder::new(&[&["Bilag"]]);
    let txt = b.file_spec("noter.txt", "Møde med borger".as_bytes());
    let jpg = b.file_spec("scan.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    b.embed(&[("noter.txt", txt), ("scan.jpg", jpg)]);
    let f = findings(&b.bytes());
    let files = of_rule(&f, "embedded-file");
    assert_eq!(files.len(), 2, "{f:?}");
    let txt = files.iter().find(|f| f.text == "noter.txt").unwrap();
    assert_eq!(txt.severity, Severity::Info);
    assert!(txt.message.contains("checked as text"), "{}", txt.message);
    assert!(txt.message.contains("16 bytes"), "{}", txt.message);
    let jpg = files.iter().find(|f| f.text == "scan.jpg").unwrap();
    assert_eq!(jpg.severity, Severity::Medium);
    assert!(jpg.message.contains("not checked"));
    assert_eq!(jpg.location.as_deref(), Some("scan.jpg"));
}

#[test]
fn embedded_pdfs_are_scanned_recursively_with_a_depth_limit() {
    // The innermost PDF embeds an image, which is reported as not checked: proof the inner file
    // was opened and scanned.
    let mut b = Builder::new(&[&["Inderst"]]);
    let jpg = b.file_spec("foto.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    b.embed(&[("foto.jpg", jpg)]);
    let level1 = wrap("inner.pdf", &b.bytes());
    let f = findings(&wrap("outer.pdf", &level1));
    let photo = f.iter().find(|f| f.text == "foto.jpg").expect("found through two levels");
    assert_eq!(photo.source, "embedded-file");
    assert_eq!(photo.page, None);
    assert_eq!(photo.location.as_deref(), Some("outer.pdf, embedded file, inner.pdf, embedded file, foto.jpg"));

    let mut deep = wrap("l0.pdf", b"%PDF-1.4 broken");
    for i in 1..5 {
        deep = wrap(&format!("l{i}.pdf"), &deep);
    }
    let f = findings(&deep);
    assert!(f.iter().any(|f| f.message.contains("nested more than 3 levels")), "{f:?}");
}

#[test]
fn broken_embedded_pdf_is_reported_not_checked() {
    let f = findings(&wrap("bilag.pdf", b"%PDF-1.4\ngarbage"));
    let listed = of_rule(&f, "embedded-file");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].severity, Severity::Medium);
    assert!(listed[0].message.contains("could not be read"), "{}", listed[0].message);
}

#[test]
fn scripts_and_unapplied_redactions() {
    let mut b = Builder::new(&[&["x"]]);
    let js = b.doc.add_object(dictionary! { "S" => "JavaScript", "JS" => text("this.print()") });
    b.catalog().set("OpenAction", js);
    b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "Redact", "Rect" => vec![1.into(), 2.into(), 3.into(), 4.into()] });
    let f = findings(&b.bytes());
    let js = of_rule(&f, "javascript");
    assert_eq!(js.len(), 1);
    assert_eq!(js[0].severity, Severity::Info);
    assert_eq!(js[0].text, "this.print()");
    let red = of_rule(&f, "annotation");
    assert_eq!(red.len(), 1);
    assert_eq!(red[0].page, Some(1));
    assert!(red[0].message.contains("never applied"));
}

#[test]
fn a_scripts_string_literals_are_checked_with_every_rule() {
    let mut b = Builder::new(&[&["Referat"]]);
    // Past the 120 characters the info finding shows, as a form script's data often is.
    let code = format!("{}var klager = 'Karen Marie Holm, CPR-nr. 120387-1232';", "var a = 1; ".repeat(20));
    let js = b.doc.add_object(dictionary! { "S" => "JavaScript", "JS" => text(&code) });
    b.catalog().set("OpenAction", js);
    let f = findings(&b.bytes());
    let cpr = of_rule(&f, "cpr");
    assert_eq!(cpr.len(), 1, "{f:?}");
    assert_eq!(cpr[0].source, "action");
    assert_eq!(cpr[0].masked_text, "120387-XXXX");
    assert!(cpr[0].location.as_deref().is_some_and(|l| l.contains("JavaScript")));
    assert_eq!(of_rule(&f, "javascript").len(), 1);
}

#[test]
fn closed_item_title_or_case_number_in_metadata() {
    use crate::agenda::{Agenda, Item};
    let mut b = Builder::new(&[&["Notat"]]);
    b.set_info(&[
        ("Title", "Notat: Salg af Skolevej 4 til nabo"),
        ("Subject", "Sagsnr. 27-2024-00123"),
        ("Author", "Byggeri"),
    ]);
    let read = crate::scan::read_document(&b.bytes(), Limits::default()).unwrap();
    let item = |number: &str, title: &str, closed: bool, case: &str| Item {
        number: number.to_string(),
        title: title.to_string(),
        closed,
        case_numbers: vec![case.to_string()],
        ..Default::default()
    };
    let agenda = Agenda {
        items: vec![
            item("7", "Notat", false, "27-2024-00001"),
            item("19", "Salg af Skolevej 4", true, "27-2024-00123"),
        ],
        ..Default::default()
    };
    let f = super::closed::closed_items_in_metadata(&read, &agenda);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|f| f.rule == "metadata" && f.severity == Severity::High));
    assert!(f[0].message.contains("title of closed item 19"), "{}", f[0].message);
    assert_eq!(f[0].location.as_deref(), Some("metadata field Title"));
    assert!(f[1].message.contains("case number 27-2024-00123"), "{}", f[1].message);
    let open_only = Agenda { items: vec![item("7", "Notat", false, "27-2024-00001")], ..Default::default() };
    assert!(super::closed::closed_items_in_metadata(&read, &open_only).is_empty());
}

use crate::pdf::extras::testpdf::{append_update, content_stream};

const CPR: &str = "120387-1003";

fn content_id(b: &Builder, page: usize) -> lopdf::ObjectId {
    b.doc.get_dictionary(b.page_ids[page]).unwrap().get(b"Contents").unwrap().as_reference().unwrap()
}

#[test]
fn metadata_values_go_through_every_rule() {
    let mut b = Builder::new(&[&["Referat"]]);
    b.set_info(&[("Title", &format!("Klage, CPR-nr. {CPR}")), ("Author", "Byggeri og Miljø")]);
    let f = findings(&b.bytes());
    let cpr = of_rule(&f, "cpr");
    assert_eq!(cpr.len(), 1, "{f:?}");
    assert_eq!(cpr[0].source, "metadata");
    assert_eq!(cpr[0].location.as_deref(), Some("Title"));
    assert_eq!(cpr[0].page, None);
}

#[test]
fn a_sentence_removed_by_an_incremental_update_is_found_in_the_earlier_revision() {
    let b = Builder::new(&[&[
        "Punkt 1: Takster",
        &format!("Borgeren med CPR-nr. {CPR} klager over taksten."),
        "Taksten stiger.",
    ]]);
    let content = content_id(&b, 0);
    let first = b.bytes();
    let clean = findings(&first);
    assert_eq!(of_rule(&clean, "cpr").len(), 1, "the rule finds the CPR on the page: {clean:?}");
    assert!(of_rule(&clean, "revision").is_empty());

    let updated = append_update(&first, vec![(content, content_stream(&["Punkt 1: Takster", "Taksten stiger."]))]);
    let f = findings(&updated);
    let cpr = of_rule(&f, "cpr");
    assert_eq!(cpr.len(), 1, "{f:?}");
    assert_eq!(cpr[0].source, "revision");
    assert_eq!(cpr[0].location.as_deref(), Some("revision 1 of 2, page 1"));
    let rev = of_rule(&f, "revision");
    assert_eq!(rev.len(), 1, "{f:?}");
    assert_eq!(rev[0].severity, Severity::High);
    assert!(rev[0].text.contains("Borgeren med CPR-nr."), "{}", rev[0].text);
    assert!(rev[0].masked_text.contains("120387-XXXX"), "{}", rev[0].masked_text);
    assert!(rev[0].message.contains("1 line of text"), "{}", rev[0].message);
}

#[test]
fn an_update_that_keeps_the_text_is_not_reported() {
    let b = Builder::new(&[&["Punkt 1: Takster", "Taksten stiger med 3 procent."]]);
    let content = content_id(&b, 0);
    let first = b.bytes();
    // Same words, laid out on other lines (a re-flow after an edit elsewhere).
    let updated =
        append_update(&first, vec![(content, content_stream(&["Punkt 1: Takster Taksten", "stiger med 3 procent."]))]);
    let f = findings(&updated);
    assert!(of_rule(&f, "revision").is_empty(), "{f:?}");
}

#[test]
fn old_metadata_of_an_earlier_revision_is_checked() {
    let mut b = Builder::new(&[&["Referat"]]);
    b.set_info(&[("Title", &format!("Klage fra borger, CPR-nr. {CPR}"))]);
    let info = b.doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let first = b.bytes();
    let updated =
        append_update(&first, vec![(info, lopdf::Object::Dictionary(dictionary! { "Title" => text("Klage") }))]);
    let f = findings(&updated);
    let cpr = of_rule(&f, "cpr");
    assert_eq!(cpr.len(), 1, "{f:?}");
    assert_eq!(cpr[0].source, "revision");
    assert_eq!(cpr[0].location.as_deref(), Some("revision 1 of 2, metadata, Title"));
    assert_eq!(of_rule(&f, "revision").len(), 1);
}

#[test]
fn a_removed_line_naming_a_closed_item_is_closed_item_material() {
    let heading = ["Dagsorden", "Punkt 19: Lukket: Salg af Skolevej 4", "Sagsnr.: 27-2024-00123"];
    let mut before: Vec<&str> = heading.to_vec();
    before.push("Bilag: Salg af Skolevej 4 til naboen for 1,2 mio. kr.");
    let b = Builder::new(&[&before]);
    let content = content_id(&b, 0);
    let updated = append_update(&b.bytes(), vec![(content, content_stream(&heading))]);
    let read = crate::scan::read_document(&updated, Limits::default()).unwrap();
    let agenda = crate::agenda::infer(&read.pages);
    assert!(agenda.closed_items().any(|i| i.title.contains("Skolevej")), "{agenda:?}");
    let f = findings(&updated);
    let closed: Vec<_> = f.iter().filter(|f| f.rule == "closed-item" && f.source == "revision").collect();
    assert_eq!(closed.len(), 1, "{f:?}");
    assert!(closed[0].text.contains("til naboen"));
    assert!(closed[0].message.contains("closed item 19"), "{}", closed[0].message);
}

#[test]
fn a_name_as_author_is_a_leak_only_when_the_content_metadata_names_them_too() {
    let mut b = Builder::new(&[&["Vedr. kvalitetsstandard for praktisk hjælp"]]);
    b.set_info(&[("Author", "Mette Kirstine Lauridsen"), ("Title", "Klage - Mette Kirstine Lauridsen")]);
    let f = findings(&b.bytes());
    let mut places: Vec<&str> = of_rule(&f, "metadata").iter().filter_map(|f| f.location.as_deref()).collect();
    places.sort();
    assert_eq!(places, vec!["Author", "Title"], "{f:?}");
    assert!(of_rule(&f, "metadata").iter().all(|f| f.severity >= Severity::Medium && f.page.is_none()));

    // The person who made the file, not named in its content: a staff member, not a leak.
    let mut b = Builder::new(&[&["Dagsorden"]]);
    b.set_info(&[("Author", "Jakob Lindholm"), ("Title", "Dagsorden KFU")]);
    let f = findings(&b.bytes());
    assert!(of_rule(&f, "metadata").is_empty(), "{f:?}");
}
