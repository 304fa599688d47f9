//! Rules over text: each rule reads a `TextUnit` (a page's text, or a metadata field, an
//! annotation…) and pushes `Finding`s. Rules never print; `report` does.
//!
//! Detection runs in two passes over a document: `Detector::prepare` reads every page once to
//! learn document-wide context (participants, the municipality's own staff and addresses), then
//! `Detector::scan` runs the rules unit by unit.

pub mod config;
pub mod contact;
pub mod context;
pub mod cpr;
pub mod finding;
pub mod hidden;
pub mod mail;
pub mod mask;
pub mod names;
pub mod rulefile;

pub use config::Config;
pub use context::DocContext;
pub use finding::{Finding, Severity};

use crate::pdf::PageText;

/// A piece of text to check, and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct TextUnit<'a> {
    pub text: &'a PageText,
    /// 1-based physical page, `None` for whole-file sources.
    pub page: Option<u32>,
    /// `page`, `form`, `annotation`, `metadata`, `bookmark`, `embedded-file`, …
    pub source: &'a str,
    /// A metadata field name, an embedded file's name…
    pub location: Option<&'a str>,
}

impl<'a> TextUnit<'a> {
    pub fn page(text: &'a PageText, page: u32) -> TextUnit<'a> {
        TextUnit { text, page: Some(page), source: "page", location: None }
    }

    /// A finding of `rule` on this unit, with its page, source and location filled in.
    pub fn finding(&self, rule: &str, severity: Severity, text: &str, message: String) -> Finding {
        let mut f = Finding::new(rule, severity, self.page, text, message);
        f.source = self.source.to_string();
        f.location = self.location.map(str::to_string);
        f
    }
}

/// All enabled rules, compiled once and shared by every file and thread.
pub struct Detector {
    pub config: Config,
}

impl Detector {
    pub fn new(config: Config) -> Result<Detector, String> {
        Ok(Detector { config })
    }

    /// Reads all pages once for document-wide context.
    pub fn prepare(&self, pages: &[PageText]) -> DocContext {
        context::build(pages, &self.config)
    }

    /// Runs every rule over `unit`.
    pub fn scan(&self, unit: &TextUnit<'_>, doc: &DocContext, out: &mut Vec<Finding>) {
        let start = out.len();
        cpr::check(unit, doc, out);
        contact::check(unit, doc, out);
        mail::check(unit, doc, out);
        let earlier = out[start..].to_vec();
        names::check(unit, doc, &earlier, out);
    }
}

/// A rule as `leakscan rules` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub description: String,
}

/// Every built-in rule.
pub fn rule_list() -> Vec<RuleInfo> {
    [
        ("cpr", Severity::High, "Danish CPR numbers (validated date, century and modulus 11)"),
        ("name", Severity::Medium, "Names of citizens (not participants, the roster or staff)"),
        ("email-header", Severity::High, "A printed Outlook e-mail (Fra/Sendt/Til/Emne header block)"),
        ("email-address", Severity::Medium, "E-mail addresses of private persons"),
        ("phone", Severity::Medium, "Phone numbers of private persons"),
        ("address", Severity::Medium, "Street addresses of private persons"),
        ("closed-item", Severity::High, "Pages carrying a closed agenda item's content"),
        (
            "hidden-text",
            Severity::High,
            "Text a reader cannot see but a downloader can (covered, white, off-page, tiny)",
        ),
        ("metadata", Severity::Medium, "Personal data or closed-item titles in document metadata"),
        ("annotation", Severity::Medium, "Personal data in annotations, form fields or bookmarks"),
        ("embedded-file", Severity::Medium, "Files embedded in the PDF, and what they contain"),
        ("revision", Severity::High, "Personal data in an earlier revision still inside the file"),
        ("no-text-layer", Severity::High, "Pages that are only images (scans) and could not be checked"),
    ]
    .into_iter()
    .map(|(id, severity, d)| RuleInfo { id: id.to_string(), severity, description: d.to_string() })
    .collect()
}
