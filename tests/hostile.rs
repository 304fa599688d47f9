//! Hostile inputs (issue 7): each one ends with its pages read or with a reason the report can
//! show, never with a panic, a stack overflow, a hang or unbounded memory. Small cases are built
//! here; the bombs and the million-operator streams are the committed fixtures in
//! `fixtures/hostile/`. Nothing here asserts time: the limits in `Limits` bound it.

use leakscan::detect::{Config, Detector};
use leakscan::pdf::Limits;
use leakscan::report::FileReport;
use leakscan::scan::{read_document, Scanner};
use std::path::PathBuf;

fn fixture(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Scans on a thread with the default 2 MB stack, as a scan's worker threads have, so runaway
/// recursion would overflow here too.
fn scan(bytes: Vec<u8>) -> FileReport {
    let report = std::thread::Builder::new()
        .spawn(move || {
            let scanner = Scanner { detector: Detector::new(Config::default()).unwrap(), limits: Limits::default() };
            scanner.scan_bytes("hostile.pdf", &bytes)
        })
        .unwrap()
        .join()
        .expect("the scan thread must not die");
    if let Some(err) = &report.error {
        assert!(!err.contains("failed inside"), "a panic was caught: {err}");
    }
    report
}

fn error_of(report: &FileReport) -> &str {
    report.error.as_deref().unwrap_or_else(|| panic!("expected the file to be reported as not checked: {report:?}"))
}

fn text_of(bytes: &[u8]) -> String {
    let read = read_document(bytes, Limits::default()).unwrap_or_else(|e| panic!("should open: {e}"));
    read.pages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// A one-page PDF with a correct xref: `page_extra` goes into the page dictionary, `content` is the
/// page's content stream (Helvetica as /F1), `extra_objects` are objects 6, 7, … .
fn pdf(page_extra: &str, content: &[u8], extra_objects: &[&[u8]]) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R {page_extra} >>"
    );
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page.into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        stream,
    ];
    objects.extend(extra_objects.iter().map(|o| o.to_vec()));
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

const HELLO: &[u8] = b"BT /F1 12 Tf 72 720 Td (Hello hostile world) Tj ET";

#[test]
fn the_builder_makes_a_readable_pdf() {
    assert!(text_of(&pdf("", HELLO, &[])).contains("Hello hostile world"));
}

#[test]
fn deeply_nested_arrays_in_the_page_dictionary_are_named_as_the_reason() {
    let n = 100_000;
    let nested = format!("/Deep {}{}", "[".repeat(n), "]".repeat(n));
    let report = scan(pdf(&nested, HELLO, &[]));
    let err = error_of(&report);
    assert!(err.contains("more than 100 levels deep"), "{err}");
}

#[test]
fn deeply_nested_dictionaries_in_the_page_dictionary_are_named_as_the_reason() {
    let n = 50_000;
    let nested = format!("/Deep {}{}", "<< /A ".repeat(n), ">>".repeat(n));
    let err = error_of(&scan(pdf(&nested, HELLO, &[]))).to_string();
    assert!(err.contains("more than 100 levels deep"), "{err}");
}

#[test]
fn deep_nesting_in_an_object_no_page_uses_leaves_the_page_readable() {
    let n = 100_000;
    let arrays = format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes();
    let unclosed = "<< /A ".repeat(n).into_bytes();
    let bytes = pdf("/Foo 6 0 R", HELLO, &[&arrays, &unclosed]);
    let report = scan(bytes.clone());
    assert_eq!(report.error, None);
    assert!(text_of(&bytes).contains("Hello hostile world"));
}

#[test]
fn deep_nesting_in_a_content_stream_stops_the_page_with_a_reason() {
    let n = 100_000;
    let mut content = b"BT /F1 12 Tf 72 720 Td (Before) Tj ".to_vec();
    content.extend(std::iter::repeat_n(b'[', n));
    content.extend(std::iter::repeat_n(b']', n));
    content.extend_from_slice(b" TJ ET");
    let err = error_of(&scan(pdf("", &content, &[]))).to_string();
    assert!(err.contains("nests arrays or dictionaries deeper than"), "{err}");
}

#[test]
fn a_million_q_operators_still_read_the_text() {
    let mut content = "q ".repeat(1_000_000).into_bytes();
    content.extend_from_slice(HELLO);
    content.extend("Q ".repeat(1_000_000).into_bytes());
    let bytes = pdf("", &content, &[]);
    assert_eq!(scan(bytes.clone()).error, None);
    assert!(text_of(&bytes).contains("Hello hostile world"));
}

#[test]
fn a_page_tree_that_contains_itself_is_read_once() {
    let mut bytes = pdf("", HELLO, &[]);
    let kids = b"/Kids [3 0 R] /Count 1";
    let at = bytes.windows(kids.len()).position(|w| w == kids).unwrap();
    // Same length, so the xref stays right: the tree lists its page and itself.
    bytes.splice(at..at + kids.len(), b"/Kids [3 0 R 2 0 R]/Count 1".iter().copied());
    let report = scan(bytes);
    assert_eq!(report.pages, 1);
    assert!(error_of(&report).contains("cycle"), "{report:?}");
}

#[test]
fn form_xobjects_that_draw_each_other_are_cut_off() {
    let form = |other: u32| {
        let content = format!("/Fx{other} Do");
        format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fx{other} {other} 0 R >> >> /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        )
    };
    let (six, seven) = (form(7), form(6));
    let bytes =
        pdf("", b"q /Fx6 Do Q BT /F1 12 Tf 72 720 Td (After the loop) Tj ET", &[six.as_bytes(), seven.as_bytes()]);
    // The page's resources must name the form: put it beside the font.
    let bytes = String::from_utf8(bytes)
        .unwrap()
        .replace("/Font << /F1 4 0 R >> >>", "/Font << /F1 4 0 R >> /XObject << /Fx6 6 0 R >> >>");
    // The replacement shifted the offsets: the xref is now wrong, and must be repaired.
    let report = scan(bytes.clone().into_bytes());
    let err = error_of(&report);
    assert!(err.contains("draws itself") || err.contains("nested deeper"), "{err}");
    assert!(text_of(bytes.as_bytes()).contains("After the loop"));
}

#[test]
fn a_decompression_bomb_stops_at_the_stream_limit() {
    for file in ["hostile/bomb-flate-101mb.pdf", "hostile/bomb-double-flate-1gb.pdf"] {
        let err = error_of(&scan(fixture(file))).to_string();
        assert!(err.contains("limit per stream"), "{file}: {err}");
    }
}

#[test]
fn a_small_limit_makes_a_bomb_stop_early() {
    let limits = Limits { max_stream_bytes: 1 << 20, ..Limits::default() };
    let read = read_document(&fixture("hostile/bomb-flate-101mb.pdf"), limits).unwrap();
    assert!(read.page_problems.iter().flatten().any(|p| p.contains("more than 1 MB")), "{:?}", read.page_problems);
}

#[test]
fn millions_of_glyphs_stop_at_the_glyph_limit() {
    let err = error_of(&scan(fixture("hostile/many-glyphs.pdf"))).to_string();
    assert!(err.contains("more than 1000000 characters"), "{err}");
}

#[test]
fn an_absurd_page_count_reads_the_one_real_page() {
    let bytes = pdf("", HELLO, &[]);
    let bytes =
        String::from_utf8(bytes).unwrap().replace("/Count 1", "/Count 9").replace("/Count 9", "/Count 2147483647");
    // Longer than before, so the xref is off too: read by repair.
    let report = scan(bytes.clone().into_bytes());
    assert_eq!((report.pages, report.error.as_deref()), (1, None));
    assert!(text_of(bytes.as_bytes()).contains("Hello hostile world"));
    assert_eq!(scan(fixture("hostile/absurd-count.pdf")).pages, 1);
}

#[test]
fn an_absurd_stream_length_reads_the_stream_to_endstream() {
    let bytes = pdf("", HELLO, &[]);
    let bytes = String::from_utf8(bytes).unwrap().replace(&format!("/Length {}", HELLO.len()), "/Length 999999999999");
    assert!(text_of(bytes.as_bytes()).contains("Hello hostile world"));
    let report = scan(fixture("hostile/huge-length.pdf"));
    assert_eq!((report.pages, report.error.as_deref()), (1, None));
}

#[test]
fn a_broken_xref_table_is_repaired() {
    let bytes = pdf("", HELLO, &[]);
    let xref = bytes.windows(5).rposition(|w| w == b"xref\n").unwrap();
    let mut broken = bytes[..xref].to_vec();
    broken.extend_from_slice(
        b"xref\n0 6\ngarbage garbage\ntrailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n",
    );
    assert!(text_of(&broken).contains("Hello hostile world"));
    assert_eq!(scan(fixture("hostile/broken-xref.pdf")).error, None);
}

#[test]
fn truncated_files_end_with_pages_or_a_reason() {
    let whole = fixture("producers/reportlab-referat-oeu.pdf");
    for percent in [1, 10, 30, 50, 70, 90, 99] {
        let cut = whole[..whole.len() * percent / 100].to_vec();
        let report = scan(cut);
        assert!(report.pages > 0 || report.error.is_some(), "{percent}%: {report:?}");
    }
    // The fixture keeps the first 60 % of a LibreOffice file: no page object survives (pdftotext
    // reads nothing either), and the reason says the file is cut off.
    let err = error_of(&scan(fixture("hostile/truncated.pdf"))).to_string();
    assert!(err.contains("cut off"), "{err}");
}

#[test]
fn a_file_cut_off_before_its_xref_still_reads_its_pages() {
    let bytes = pdf("", HELLO, &[]);
    let xref = bytes.windows(5).rposition(|w| w == b"xref\n").unwrap();
    // Every object survives, so the objects are found by scanning and nothing is lost.
    let report = scan(bytes[..xref].to_vec());
    assert_eq!((report.pages, report.error.as_deref()), (1, None));
    assert!(text_of(&bytes[..xref]).contains("Hello hostile world"));
}

#[test]
fn empty_garbage_and_header_only_files_say_why() {
    assert!(error_of(&scan(Vec::new())).contains("empty"));
    assert!(error_of(&scan(b" \n".to_vec())).contains("empty"));
    let garbage: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert!(error_of(&scan(garbage)).contains("PDF header"));
    assert!(error_of(&scan(fixture("hostile/garbage.pdf"))).contains("PDF header"));
    assert!(error_of(&scan(b"%PDF-1.7\n".to_vec())).contains("cut off"));
}

#[test]
fn a_page_tree_ten_thousand_levels_deep_is_cut_off_and_its_page_found_by_scanning() {
    let levels = 10_000u32;
    let nodes: Vec<Vec<u8>> = (0..levels)
        .map(|i| {
            let kid = if i + 1 == levels { 3 } else { 7 + i };
            format!("<< /Type /Pages /Kids [{kid} 0 R] /Count 1 >>").into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = nodes.iter().map(|n| n.as_slice()).collect();
    // Same length, so the xref stays right: the root's only kid is the top of the chain.
    let bytes = pdf("", HELLO, &refs);
    let bytes = String::from_utf8(bytes).unwrap().replacen("/Kids [3 0 R] /Count 1", "/Kids [6 0 R] /Count 1", 1);
    let report = scan(bytes.into_bytes());
    assert_eq!(report.pages, 1);
    assert!(error_of(&report).contains("deeper than 256 levels"), "{report:?}");
}
