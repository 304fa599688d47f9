//! Text extraction on the fixture PDFs made by real producers (LibreOffice from .docx and .fodt,
//! Chromium, reportlab, ps2pdf, qpdf merges): every phrase `fixtures/expected.json` lists for a page
//! must appear in that page's text, whitespace normalised. The phrases were checked against
//! poppler's pdftotext when the fixtures were made (fixtures/make/check_fixtures.py).

use leakscan::pdf::Limits;
use leakscan::scan::read_document;
use serde_json::Value;
use std::path::PathBuf;

/// Phrases the extractor is known to get wrong, as (file, page, phrase): reported, not failed, so
/// a new fixture can show a layout gap without breaking the build. Remove an entry once it passes.
const KNOWN_GAPS: &[(&str, usize, &str)] = &[];

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn expected() -> Value {
    let raw = std::fs::read_to_string(fixtures_dir().join("expected.json")).unwrap();
    serde_json::from_str(&raw).unwrap()
}

/// Collapses every run of whitespace (including NO-BREAK SPACE and line breaks) to one space and
/// drops soft hyphens, so phrases do not depend on where a line wrapped.
fn normalise(s: &str) -> String {
    s.replace('\u{ad}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_text_phrase_is_on_its_page() {
    let exp = expected();
    let mut failures = Vec::new();
    let mut known = Vec::new();
    let mut checked_phrases = 0;
    let mut checked_files = 0;
    for entry in exp["files"].as_array().unwrap() {
        let Some(text) = entry["text"].as_object() else { continue };
        let file = entry["file"].as_str().unwrap();
        let bytes = std::fs::read(fixtures_dir().join(file)).unwrap();
        let read = match read_document(&bytes, Limits::default()) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{file}: could not be read: {e}"));
                continue;
            }
        };
        checked_files += 1;
        if let Some(pages) = entry["pages"].as_u64() {
            if read.pages.len() as u64 != pages {
                failures.push(format!("{file}: {} pages read, {pages} expected", read.pages.len()));
            }
        }
        for (page, phrases) in text {
            let n: usize = page.parse().unwrap();
            let Some(page_text) = read.pages.get(n - 1) else {
                failures.push(format!("{file}: no page {n}"));
                continue;
            };
            let have = normalise(&page_text.text);
            for phrase in phrases.as_array().unwrap() {
                checked_phrases += 1;
                let raw = phrase.as_str().unwrap();
                let want = normalise(raw);
                let is_known = KNOWN_GAPS.iter().any(|(f, p, ph)| *f == file && *p == n && *ph == raw);
                match (have.contains(&want), is_known) {
                    (true, true) => println!("known gap now passes, remove it from KNOWN_GAPS: {file} p{n} {want:?}"),
                    (false, true) => known.push(format!("{file} p{n}: {want:?}")),
                    (false, false) => failures.push(format!("{file} p{n}: missing {want:?}\n    page text: {have:?}")),
                    (true, false) => {}
                }
            }
        }
    }
    println!("{checked_files} files, {checked_phrases} phrases, {} failures", failures.len());
    for k in &known {
        println!("  known gap: {k}");
    }
    assert!(checked_phrases > 100, "expected.json should hold the text expectations");
    assert!(failures.is_empty(), "{} text expectations failed:\n{}", failures.len(), failures.join("\n"));
}
