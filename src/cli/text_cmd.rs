//! `leakscan text FILE [--page N]`: each page's text, pages ended by a form feed, as pdftotext does.

use crate::pdf::Limits;
use crate::scan;
use std::io::Write;
use std::path::Path;

pub fn run(file: &Path, page: Option<usize>) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("leakscan: could not read {}: {e}", file.display());
            return 2;
        }
    };
    let read = match scan::read_document(&bytes, Limits::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("leakscan: {}: {e}", file.display());
            return 2;
        }
    };
    if page.is_some_and(|p| p == 0 || p > read.pages.len()) {
        eprintln!("leakscan: --page must be between 1 and {}, the number of pages", read.pages.len());
        return 2;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut code = 0;
    for (i, text) in read.pages.iter().enumerate() {
        if page.is_some_and(|p| p != i + 1) {
            continue;
        }
        let mut chunk = text.text.clone();
        if !chunk.is_empty() {
            chunk.push('\n');
        }
        chunk.push('\x0c');
        if out.write_all(chunk.as_bytes()).is_err() {
            return code;
        }
        if !read.page_problems[i].is_empty() {
            eprintln!("leakscan: page {} not fully read: {}", i + 1, read.page_problems[i].join("; "));
            code = 2;
        }
    }
    for p in &read.doc.problems {
        eprintln!("leakscan: {p}");
        code = 2;
    }
    let _ = out.flush();
    code
}
