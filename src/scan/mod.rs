//! Checking files: find the PDFs under the given paths, read each one, run the rules, and collect
//! one `FileReport` per file. One bad file never stops the rest: its problems become its `error`.

mod extras;
pub mod isolate;

use crate::agenda;
use crate::detect::{hidden, Detector, Finding, TextUnit};
use crate::pdf::{layout, Document, Limits, PageText};
use crate::report::FileReport;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// A PDF to check: where it is, and the name it gets in the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub path: PathBuf,
    pub display: String,
}

/// Expands files and directories (walked for `*.pdf`, case-insensitive) into a sorted input list.
/// Paths that do not exist come back as errors, to be reported as files not checked.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<FileReport>) {
    let mut inputs = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_pdf_name(e.path()) => {
                        inputs.push(Input { path: e.path().to_path_buf(), display: e.path().display().to_string() })
                    }
                    Ok(_) => {}
                    Err(err) => missing.push(FileReport {
                        path: err.path().map(|p| p.display().to_string()).unwrap_or_else(|| p.display().to_string()),
                        error: Some(format!("could not read this part of the folder: {err}")),
                        ..Default::default()
                    }),
                }
            }
        } else if p.exists() {
            inputs.push(Input { path: p.clone(), display: p.display().to_string() });
        } else {
            missing.push(FileReport {
                path: p.display().to_string(),
                error: Some("no such file or folder; check the path".to_string()),
                ..Default::default()
            });
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, missing)
}

fn is_pdf_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// From this many pages on, a file's pages are read in parallel.
const PARALLEL_PAGES: usize = 8;

/// Settings for one run.
pub struct Scanner {
    pub detector: Detector,
    pub limits: Limits,
}

/// A document read into text: what every rule and the agenda reader works on.
pub struct ReadDocument {
    pub doc: Document,
    pub pages: Vec<PageText>,
    /// Per page: why it was not fully read (empty when it was).
    pub page_problems: Vec<Vec<String>>,
    /// Findings from the painted content itself (hidden text, pages without a text layer),
    /// found while each page's content was at hand.
    pub content_findings: Vec<Finding>,
}

/// Reads every page of a PDF into text.
pub fn read_document(bytes: &[u8], limits: Limits) -> Result<ReadDocument, String> {
    let doc = Document::open(bytes, limits).map_err(|e| e.to_string())?;
    let n = doc.page_count();
    // Pages of a big file are read in parallel (rayon steals the work when files already keep
    // every core busy); each page's glyphs are dropped as soon as its text and content checks are done.
    let read_page = |i: usize| {
        let content = doc.page_content(i);
        let mut found = Vec::new();
        hidden::check_page(&content, &mut found);
        (layout::page_text(&content), content.problems, found)
    };
    let per_page: Vec<(PageText, Vec<String>, Vec<Finding>)> = if n >= PARALLEL_PAGES {
        (0..n).into_par_iter().map(read_page).collect()
    } else {
        (0..n).map(read_page).collect()
    };
    let mut pages = Vec::with_capacity(n);
    let mut page_problems = Vec::with_capacity(n);
    let mut content_findings = Vec::new();
    for (text, problems, found) in per_page {
        pages.push(text);
        page_problems.push(problems);
        content_findings.extend(found);
    }
    Ok(ReadDocument { doc, pages, page_problems, content_findings })
}

impl Scanner {
    /// Checks all inputs in parallel; the result is sorted by path.
    pub fn scan_all(&self, inputs: &[Input]) -> Vec<FileReport> {
        let meetings = self.meeting_index(inputs, None);
        inputs.par_iter().map(|i| self.scan_file_with(i, meetings.for_file(&i.path))).collect()
    }

    /// Reads the agenda of each meeting folder among `inputs` (or takes the manifest), so each
    /// file can be checked against its meeting's closed items.
    pub fn meeting_index(&self, inputs: &[Input], manifest: Option<&agenda::Manifest>) -> agenda::MeetingIndex {
        let paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
        agenda::MeetingIndex::build(&paths, manifest, |p| {
            let bytes = std::fs::read(p).ok()?;
            catch_unwind(AssertUnwindSafe(|| read_document(&bytes, self.limits.clone()).ok().map(|r| r.pages))).ok()?
        })
    }

    /// Checks one file. Never panics: a panic inside becomes the file's error.
    pub fn scan_file(&self, input: &Input) -> FileReport {
        self.scan_file_with(input, None)
    }

    /// Checks one file against its own agenda structure and, when given, its meeting's items.
    pub fn scan_file_with(&self, input: &Input, known: Option<&agenda::KnownItems>) -> FileReport {
        let bytes = match std::fs::read(&input.path) {
            Ok(b) => b,
            Err(e) => {
                return FileReport {
                    path: input.display.clone(),
                    error: Some(format!("could not read the file: {e}")),
                    ..Default::default()
                }
            }
        };
        self.scan_bytes_with(&input.display, &bytes, known)
    }

    /// Like `scan_bytes`, but a panic inside propagates: for the fuzzer, which must see them.
    pub fn scan_bytes_unguarded(&self, display: &str, bytes: &[u8]) -> FileReport {
        self.scan_bytes_inner(display, bytes, None)
    }

    pub fn scan_bytes(&self, display: &str, bytes: &[u8]) -> FileReport {
        self.scan_bytes_with(display, bytes, None)
    }

    pub fn scan_bytes_with(&self, display: &str, bytes: &[u8], known: Option<&agenda::KnownItems>) -> FileReport {
        match catch_unwind(AssertUnwindSafe(|| self.scan_bytes_inner(display, bytes, known))) {
            Ok(r) => r,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                FileReport {
                    path: display.to_string(),
                    error: Some(format!(
                        "leakscan failed inside while reading this file ({what}); it was not checked. Please report this as a bug"
                    )),
                    ..Default::default()
                }
            }
        }
    }

    fn scan_bytes_inner(&self, display: &str, bytes: &[u8], known: Option<&agenda::KnownItems>) -> FileReport {
        match self.check_bytes(bytes, 0, self.limits.clone(), Some(display), known) {
            Ok(c) => FileReport::new(display.to_string(), c.pages, c.error, c.findings),
            Err(e) => FileReport { path: display.to_string(), error: Some(e), ..Default::default() },
        }
    }

    /// Reads a PDF and runs every check on it. `depth` counts how deep inside other PDFs this one
    /// is embedded (0 for the file itself), so embedded PDFs are checked by the same code.
    /// `name` is the file's name (attachment file names tell which item they belong to) and
    /// `known` the meeting's items from its agenda or manifest.
    pub(crate) fn check_bytes(
        &self,
        bytes: &[u8],
        depth: u32,
        limits: Limits,
        name: Option<&str>,
        known: Option<&agenda::KnownItems>,
    ) -> Result<Checked, String> {
        let read = read_document(bytes, limits)?;
        let mut ctx = self.detector.prepare(&read.pages);
        if let Some(k) = known {
            for name in &k.participants {
                ctx.add_public_name(name);
            }
        }
        let mut findings: Vec<Finding> = read.content_findings.clone();
        for (i, text) in read.pages.iter().enumerate() {
            self.detector.scan(&TextUnit::page(text, i as u32 + 1), &ctx, &mut findings);
        }
        let mut structure = agenda::infer(&read.pages);
        if let Some(k) = known {
            k.apply(&mut structure);
        }
        agenda::closed_item::check(&read.pages, &structure, name, &mut findings);
        let extra_problems = self.scan_extras(&read, bytes, &ctx, depth, &structure, &mut findings);
        // Content, extras and agenda findings are made outside `Detector::scan`: give them the
        // same allowlists, disabled rules and severity overrides.
        self.detector.apply_policy(&mut findings);
        let error = describe_problems(&read, extra_problems);
        Ok(Checked { pages: read.pages.len(), error, findings })
    }
}

/// The outcome of checking one PDF's bytes.
pub(crate) struct Checked {
    pub pages: usize,
    /// A sentence when the file was not fully checked.
    pub error: Option<String>,
    pub findings: Vec<Finding>,
}

/// One sentence naming the pages and parts that were not fully read, or `None`.
fn describe_problems(read: &ReadDocument, extra_problems: Vec<String>) -> Option<String> {
    let mut parts: Vec<String> = read.doc.problems.clone();
    parts.extend(extra_problems);
    let bad: Vec<(usize, &Vec<String>)> =
        read.page_problems.iter().enumerate().filter(|(_, p)| !p.is_empty()).collect();
    if let Some((first, why)) = bad.first() {
        let pages: Vec<String> = bad.iter().take(10).map(|(i, _)| (i + 1).to_string()).collect();
        let more = if bad.len() > 10 { format!(" and {} more", bad.len() - 10) } else { String::new() };
        parts.push(format!(
            "page{} {}{} not fully checked (page {}: {})",
            if bad.len() > 1 { "s" } else { "" },
            pages.join(", "),
            more,
            first + 1,
            why.join("; ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
