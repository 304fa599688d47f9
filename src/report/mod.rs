//! Reports: the results of a scan, and writers for each output format. Writers only print;
//! they never decide what is a finding. Masking happens here, once, for every format.

pub mod html;
pub mod human;
pub mod i18n;
pub mod json;
pub mod junit;
mod markup;
pub mod sarif;

pub use i18n::Lang;

use crate::detect::{mask, Finding, Severity};
use sha2::{Digest, Sha256};

/// The result of checking one file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The path as given, joined with the walked relative path.
    pub path: String,
    pub pages: usize,
    /// A sentence when the file could not be (fully) checked.
    pub error: Option<String>,
    /// Sorted by page and position.
    pub findings: Vec<ReportedFinding>,
}

/// A finding with what the report adds to it.
#[derive(Debug, Clone)]
pub struct ReportedFinding {
    pub finding: Finding,
    /// Hex SHA-256 over rule, file name, page, location and matched text (never the text itself).
    pub fingerprint: String,
    /// Why the finding was accepted (from a baseline), when it was.
    pub suppressed: Option<String>,
    /// The context as printed without `--reveal`: every match of any finding in the file masked,
    /// so one finding's context never shows what another finding masks (a phone number next to
    /// an address), and any CPR-shaped number masked.
    pub masked_context: String,
    /// The message, masked the same way.
    pub masked_message: String,
    /// The Danish message, masked the same way.
    pub masked_message_da: String,
}

impl ReportedFinding {
    /// `masks` are the (raw, masked) pairs of every finding in the file, longest raw text first.
    pub fn new(finding: Finding, fingerprint: String, masks: &[(String, String)]) -> ReportedFinding {
        let masked_context = mask_all(&finding.context, masks);
        let masked_message = mask_all(&finding.message, masks);
        let masked_message_da = mask_all(&finding.message_da, masks);
        ReportedFinding { finding, fingerprint, suppressed: None, masked_context, masked_message, masked_message_da }
    }
}

/// The (raw, masked) pairs of the findings whose shown text differs from the match, longest first
/// so `Lindealle 40, 6990` is replaced before a shorter match inside it.
fn masks_of(findings: &[Finding]) -> Vec<(String, String)> {
    let mut masks: Vec<(String, String)> = findings
        .iter()
        .filter(|f| !f.text.is_empty() && f.text != f.masked_text)
        .map(|f| (f.text.clone(), f.masked_text.clone()))
        .collect();
    masks.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
    masks.dedup();
    masks
}

fn mask_all(text: &str, masks: &[(String, String)]) -> String {
    let mut out = text.to_string();
    for (raw, masked) in masks {
        if out.contains(raw.as_str()) {
            out = out.replace(raw.as_str(), masked);
        }
    }
    mask::mask_cprs_in(&out)
}

impl FileReport {
    /// Sorts findings by page and position and gives each its fingerprint.
    pub fn new(path: String, pages: usize, error: Option<String>, mut findings: Vec<Finding>) -> FileReport {
        findings.sort_by(compare_findings);
        findings.dedup();
        let file_name =
            std::path::Path::new(&path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let masks = masks_of(&findings);
        let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let findings = findings
            .into_iter()
            .map(|finding| {
                let base = fingerprint(&finding, &file_name);
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                // Repeats of the same text on the same page get distinct, still stable, fingerprints.
                let fingerprint = if *n == 1 { base } else { hex_sha256(format!("{base}\0{n}").as_bytes()) };
                ReportedFinding::new(finding, fingerprint, &masks)
            })
            .collect();
        FileReport { path, pages, error, findings }
    }

    /// Findings that count (not suppressed).
    pub fn active(&self) -> impl Iterator<Item = &ReportedFinding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }
}

fn compare_findings(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let pos = |f: &Finding| f.bbox.map(|r| (-r.y1, r.x0)).unwrap_or((f32::MIN, f32::MIN));
    let (ay, ax) = pos(a);
    let (by, bx) = pos(b);
    a.page
        .cmp(&b.page)
        .then(ay.total_cmp(&by))
        .then(ax.total_cmp(&bx))
        .then_with(|| a.rule.cmp(&b.rule))
        .then_with(|| a.source.cmp(&b.source))
        .then_with(|| a.location.cmp(&b.location))
        .then_with(|| a.text.cmp(&b.text))
        .then_with(|| b.severity.cmp(&a.severity))
        .then_with(|| a.context.cmp(&b.context))
        .then_with(|| a.message.cmp(&b.message))
}

fn fingerprint(f: &Finding, file_name: &str) -> String {
    let page = f.page.map(|p| p.to_string()).unwrap_or_default();
    let key =
        [f.rule.as_str(), file_name, &page, f.location.as_deref().unwrap_or(""), &f.source, f.text.trim()].join("\0");
    hex_sha256(key.as_bytes())
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The whole run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by path.
    pub files: Vec<FileReport>,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub pages: usize,
    pub errors: usize,
    /// Unsuppressed findings per severity: high, medium, low, info.
    pub by_severity: [usize; 4],
    pub suppressed: usize,
}

impl Summary {
    pub fn count(&self, s: Severity) -> usize {
        self.by_severity[severity_slot(s)]
    }
}

fn severity_slot(s: Severity) -> usize {
    match s {
        Severity::High => 0,
        Severity::Medium => 1,
        Severity::Low => 2,
        Severity::Info => 3,
    }
}

impl Report {
    pub fn new(mut files: Vec<FileReport>) -> Report {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Report { files }
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary { files: self.files.len(), ..Default::default() };
        for f in &self.files {
            s.pages += f.pages;
            s.errors += f.error.is_some() as usize;
            for rf in &f.findings {
                if rf.suppressed.is_some() {
                    s.suppressed += 1;
                } else {
                    s.by_severity[severity_slot(rf.finding.severity)] += 1;
                }
            }
        }
        s
    }

    /// 1 when a finding is at or above `fail_on`; else 2 when a file was not (fully) checked; else 0.
    pub fn exit_code(&self, fail_on: Severity) -> i32 {
        exit_code_for(&self.files, fail_on)
    }
}

pub fn exit_code_for(files: &[FileReport], fail_on: Severity) -> i32 {
    if files.iter().any(|f| f.active().any(|rf| rf.finding.severity >= fail_on)) {
        1
    } else if files.iter().any(|f| f.error.is_some()) {
        2
    } else {
        0
    }
}

/// How findings are shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShowOptions {
    /// Show matched personal data in full.
    pub reveal: bool,
    /// Language of human and HTML text.
    pub lang: Lang,
    /// ANSI colours in the human report.
    pub color: bool,
    /// Lowest severity that fails the run (JUnit failures, the summary verdict).
    pub fail_on: Severity,
}

impl ShowOptions {
    /// The matched text as it may be printed.
    pub fn text<'a>(&self, f: &'a Finding) -> std::borrow::Cow<'a, str> {
        if self.reveal {
            f.text.as_str().into()
        } else {
            f.masked_text.as_str().into()
        }
    }

    /// The context as it may be printed: the match replaced by its masked form, and any other
    /// CPR-shaped number masked too.
    pub fn context(&self, f: &Finding) -> String {
        if self.reveal {
            return f.context.clone();
        }
        let replaced = if f.text != f.masked_text && !f.text.is_empty() {
            f.context.replace(&f.text, &f.masked_text)
        } else {
            f.context.clone()
        };
        mask::mask_cprs_in(&replaced)
    }

    /// The context of a reported finding as it may be printed: masked against every finding in
    /// its file unless `--reveal`.
    pub fn context_of(&self, rf: &ReportedFinding) -> String {
        if self.reveal {
            rf.finding.context.clone()
        } else {
            rf.masked_context.clone()
        }
    }

    /// The message of a reported finding as it may be printed (English, for machine formats).
    pub fn message_of(&self, rf: &ReportedFinding) -> String {
        if self.reveal {
            rf.finding.message.clone()
        } else {
            rf.masked_message.clone()
        }
    }

    /// The Danish message as it may be printed; empty when the finding has none.
    pub fn message_da_of(&self, rf: &ReportedFinding) -> String {
        if self.reveal {
            rf.finding.message_da.clone()
        } else {
            rf.masked_message_da.clone()
        }
    }

    /// The message in the report's language, for the reports a person reads (human, HTML).
    pub fn localized_message_of(&self, rf: &ReportedFinding) -> String {
        match self.lang {
            Lang::Da if !rf.finding.message_da.is_empty() => self.message_da_of(rf),
            _ => self.message_of(rf),
        }
    }

    /// The message, with any CPR-shaped number masked.
    pub fn message(&self, f: &Finding) -> String {
        if self.reveal {
            f.message.clone()
        } else {
            let replaced = if f.text != f.masked_text && !f.text.is_empty() {
                f.message.replace(&f.text, &f.masked_text)
            } else {
                f.message.clone()
            };
            mask::mask_cprs_in(&replaced)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, text: &str, masked: &str, context: &str) -> Finding {
        let mut f = Finding::new(rule, Severity::Medium, Some(1), text, format!("found {text}"));
        f.masked_text = masked.to_string();
        f.context = context.to_string();
        f
    }

    #[test]
    fn a_context_never_shows_what_another_finding_masks() {
        let line = "Lindealle 40, 6990 Sønderå, tlf. 22 31 47 80, CPR 120387-1234";
        let file = FileReport::new(
            "a.pdf".into(),
            1,
            None,
            vec![
                finding("address", "Lindealle 40, 6990 Sønderå", "Lindealle XX, 6990 Sønderå", line),
                finding("phone", "22 31 47 80", "22 31 XX XX", line),
            ],
        );
        let hidden = ShowOptions::default();
        for rf in &file.findings {
            let ctx = hidden.context_of(rf);
            assert_eq!(ctx, "Lindealle XX, 6990 Sønderå, tlf. 22 31 XX XX, CPR 120387-XXXX");
            assert!(!hidden.message_of(rf).contains("47 80") && !hidden.message_of(rf).contains("Lindealle 40"));
        }
        let reveal = ShowOptions { reveal: true, ..ShowOptions::default() };
        assert!(file.findings.iter().all(|rf| reveal.context_of(rf) == line));
    }

    #[test]
    fn the_danish_message_is_shown_in_danish_reports_and_masked_like_the_english_one() {
        let f = finding("phone", "22 31 47 80", "22 31 XX XX", "")
            .with_danish("fundet 22 31 47 80 ved CPR 120387-1234".to_string());
        let file = FileReport::new("a.pdf".into(), 1, None, vec![f, finding("cpr", "0101", "0101", "")]);
        let rf = &file.findings[1];
        let da = ShowOptions { lang: Lang::Da, ..ShowOptions::default() };
        let en = ShowOptions { lang: Lang::En, ..ShowOptions::default() };
        assert_eq!(da.localized_message_of(rf), "fundet 22 31 XX XX ved CPR 120387-XXXX");
        assert_eq!(en.localized_message_of(rf), "found 22 31 XX XX");
        assert_eq!(da.message_of(rf), "found 22 31 XX XX", "machine formats stay English");
        let reveal = ShowOptions { reveal: true, ..da };
        assert_eq!(reveal.localized_message_of(rf), "fundet 22 31 47 80 ved CPR 120387-1234");
        // Without a Danish message a Danish report falls back to the English one.
        assert_eq!(da.localized_message_of(&file.findings[0]), "found 0101");
    }
}
