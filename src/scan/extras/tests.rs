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
