//! Rule `embedded-file`: files inside the PDF are listed, and their content is checked: a PDF by
//! the whole scan (recursively, with a depth limit), text by every rule, anything else is
//! reported as not checked.

use super::{Scanner, MAX_DEPTH};
use crate::detect::{mask, DocContext, Finding, Severity, TextUnit};
use crate::pdf::extras::embedded::{decode_file_text, decode_quoted_printable, file_kind, FileKind};
use crate::pdf::extras::objects::{clip, human_size, strip_tags};
use crate::pdf::extras::{self as px, EmbeddedFile, ExtraText};
use crate::pdf::{Limits, PageText};
use crate::scan::ReadDocument;

/// Text files are checked up to this many bytes.
const MAX_TEXT_BYTES: usize = 16 << 20;

impl Scanner {
    pub(super) fn check_embedded_files(
        &self,
        read: &ReadDocument,
        pages: &[lopdf::ObjectId],
        ctx: &DocContext,
        depth: u32,
        out: &mut Vec<Finding>,
        problems: &mut Vec<String>,
    ) {
        let budget = read.doc.budget();
        let max_bytes = self.limits.max_stream_bytes;
        let files = px::embedded_files(read.doc.lopdf(), pages, max_bytes, budget);
        for file in &files {
            if let Err(why) = budget.check_time() {
                problems.push(format!("embedded file `{}` and any after it were not checked: {why}", file.name));
                return;
            }
            let (checked_as, mut found) = self.check_embedded(file, ctx, depth, budget.remaining_time());
            for f in &mut found {
                f.source = "embedded-file".to_string();
            }
            out.push(listing(file, &checked_as));
            out.extend(found);
            // A file's name and description are text too ("klage-fra-jens-hansen.pdf").
            let mut about = vec![ExtraText {
                source: "embedded-file",
                page: file.page,
                location: format!("name of embedded file `{}`", file.name),
                text: file.name.replace(['-', '_', '.'], " "),
                bbox: None,
            }];
            if let Some(desc) = file.description.as_ref().filter(|d| d.trim() != file.name) {
                about.push(ExtraText {
                    source: "embedded-file",
                    page: file.page,
                    location: format!("description of embedded file `{}`", file.name),
                    text: desc.clone(),
                    bbox: None,
                });
            }
            self.check_texts(&about, ctx, out);
        }
    }

    /// Checks one file's content: how it was checked (or why not, as `Err`), and its findings.
    fn check_embedded(
        &self,
        file: &EmbeddedFile,
        ctx: &DocContext,
        depth: u32,
        time_left: std::time::Duration,
    ) -> (Result<&'static str, String>, Vec<Finding>) {
        let data = match &file.data {
            Ok(d) => d,
            Err(why) => return (Err(why.clone()), Vec::new()),
        };
        match file_kind(&file.name, file.mime.as_deref(), data) {
            FileKind::Pdf => {
                if depth + 1 > MAX_DEPTH {
                    return (Err(format!("it is a PDF nested more than {MAX_DEPTH} levels deep")), Vec::new());
                }
                let limits = Limits { time_budget: time_left, ..self.limits.clone() };
                match self.check_bytes(data, depth + 1, limits, Some(&file.name), None) {
                    Ok(checked) => {
                        let found = checked.findings.into_iter().map(|f| inside(f, &file.name)).collect();
                        match checked.error {
                            None => (Ok("as a PDF"), found),
                            Some(e) => (Err(format!("the embedded PDF was only partly read: {e}")), found),
                        }
                    }
                    Err(e) => (Err(format!("the embedded PDF could not be read: {e}")), Vec::new()),
                }
            }
            FileKind::Text { markup } => {
                let cut = data.len() > MAX_TEXT_BYTES;
                let mut text = decode_file_text(&data[..data.len().min(MAX_TEXT_BYTES)]);
                if is_mail(&file.name, &text) && text.to_ascii_lowercase().contains("quoted-printable") {
                    text = decode_quoted_printable(&text);
                }
                if markup {
                    text = strip_tags(&text);
                }
                let page_text = PageText::from_plain(&text);
                let unit =
                    TextUnit { text: &page_text, page: file.page, source: "embedded-file", location: Some(&file.name) };
                let mut found = Vec::new();
                self.detector.scan(&unit, ctx, &mut found);
                if cut {
                    (Err(format!("only its first {} MB were checked", MAX_TEXT_BYTES >> 20)), found)
                } else {
                    (Ok("as text"), found)
                }
            }
            FileKind::Other => (Err("leakscan cannot read this kind of file".to_string()), Vec::new()),
        }
    }
}

fn is_mail(name: &str, text: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".eml") || text.lines().take(40).any(|l| l.starts_with("MIME-Version:"))
}

/// A finding from an embedded PDF, as a finding of the file that holds it.
fn inside(mut f: Finding, name: &str) -> Finding {
    let mut parts = vec![name.to_string()];
    if let Some(p) = f.page {
        parts.push(format!("page {p}"));
    }
    if f.source != "page" {
        parts.push(f.source.replace("embedded-file", "embedded file"));
    }
    if let Some(loc) = &f.location {
        parts.push(loc.clone());
    }
    f.location = Some(parts.join(", "));
    f.page = None;
    f.bbox = None;
    f
}

/// The finding that lists the file: info when its content was checked, medium when it was not
/// (what is not checked must be looked at by a person).
fn listing(file: &EmbeddedFile, checked_as: &Result<&'static str, String>) -> Finding {
    let size = file.size.map(|s| format!(" ({})", human_size(s))).unwrap_or_default();
    let described = file.description.as_deref().filter(|d| d.trim() != file.name).map(|d| clip(d, 100));
    let desc = described.map(|d| format!(", described as \"{d}\"")).unwrap_or_default();
    let desc_da = described.map(|d| format!(", beskrevet som \"{d}\"")).unwrap_or_default();
    let on_page = file.page.map(|p| format!(", attached on page {p}")).unwrap_or_default();
    let (severity, outcome, outcome_da) = match checked_as {
        Ok(how) => (
            Severity::Info,
            format!("Its content was checked {how}."),
            format!("Indholdet er kontrolleret ({}).", if *how == "as a PDF" { "som PDF" } else { "som tekst" }),
        ),
        Err(why) => (
            Severity::Medium,
            format!("Its content was not checked ({why}); open it and review it by eye."),
            format!("Indholdet kunne ikke kontrolleres ({why}); åbn filen og gennemgå den med øjnene."),
        ),
    };
    let on_page_da = file.page.map(|p| format!(", vedhæftet på side {p}")).unwrap_or_default();
    let mut f = Finding::new(
        "embedded-file",
        severity,
        file.page,
        &file.name,
        format!("The PDF carries an embedded file `{}`{size}{desc}{on_page}. {outcome}", file.name),
    )
    .with_danish(format!(
        "PDF'en indeholder en indlejret fil `{}`{size}{desc_da}{on_page_da}. {outcome_da}",
        file.name
    ));
    f.masked_text = mask::mask_cprs_in(&file.name);
    f.source = "embedded-file".to_string();
    f.location = Some(file.name.clone());
    f.confidence = 1.0;
    f
}
