//! Objects packed into object streams (PDF 1.5; Word, Acrobat and pdfTeX write them) read the same
//! as the same objects stored one by one. tests/data/objstm/make.sh made the packed copy with qpdf.

use leakscan::detect::{Config, Detector};
use leakscan::pdf::{layout, Document, Limits};
use leakscan::scan::Scanner;
use std::path::Path;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn page_texts(bytes: &[u8]) -> Vec<String> {
    let doc = Document::open(bytes, Limits::default()).unwrap();
    (0..doc.page_count()).map(|i| layout::page_text(&doc.page_content(i)).text).collect()
}

const LOOSE: &str = "fixtures/producers/libreoffice-docx-dagsorden-ssu.pdf";
const PACKED: &str = "tests/data/objstm/objstm-dagsorden-ssu.pdf";

#[test]
fn packed_objects_give_the_same_text_on_every_page() {
    let packed = read(PACKED);
    assert!(packed.windows(6).any(|w| w == b"ObjStm"), "the packed copy must use object streams");
    let (loose, packed) = (page_texts(&read(LOOSE)), page_texts(&packed));
    assert!(loose.len() > 1 && loose.iter().all(|t| t.contains("Punkt") || t.len() > 100));
    assert_eq!(loose, packed);
}

#[test]
fn packed_objects_give_the_same_findings() {
    let scanner = Scanner { detector: Detector::new(Config::default()).unwrap(), limits: Limits::default() };
    let summary = |path: &str| {
        let report = scanner.scan_bytes(path, &read(path));
        assert_eq!(report.error, None);
        report
            .findings
            .iter()
            .map(|f| (f.finding.rule.clone(), f.finding.page, f.finding.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(summary(LOOSE), summary(PACKED));
}
