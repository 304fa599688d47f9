//! A finding: what a rule found, where, and how sure it is.

use crate::pdf::Rect;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How bad a finding is. Ordered: `Info < Low < Medium < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl Default for Severity {
    /// The default gate: `medium`.
    fn default() -> Self {
        Severity::Medium
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            _ => Err(format!("unknown severity `{s}`: use high, medium, low or info")),
        }
    }
}

/// One problem found in a file. Holds the raw matched text; the report masks it unless `--reveal`.
/// (Serde is for the pipe between a batch run and its worker processes, never for output.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, part of the report contract: `cpr`, `name`, `email-header`, `closed-item`, …
    pub rule: String,
    pub severity: Severity,
    /// 1-based physical page; `None` for whole-file findings (metadata, embedded files…).
    pub page: Option<u32>,
    /// The matched text, unmasked.
    pub text: String,
    /// The matched text as it may be shown without `--reveal` (a CPR as `DDMMYY-XXXX`).
    pub masked_text: String,
    /// A short piece of surrounding text (one line or so), unmasked.
    pub context: String,
    /// Where the text came from: `page`, `form`, `annotation`, `metadata`, `bookmark`,
    /// `embedded-file`, `revision`, …
    pub source: String,
    /// Page-space box of the match, when known.
    pub bbox: Option<Rect>,
    /// 0..=1.
    pub confidence: f32,
    /// One sentence for a person.
    pub message: String,
    /// The same sentence in Danish for the human and HTML reports; empty when the rule has none
    /// (the English one is shown then).
    #[serde(default)]
    pub message_da: String,
    /// Extra location inside the source: a metadata field name, an embedded file's name, a revision number.
    pub location: Option<String>,
}

impl Finding {
    /// The finding with its message in Danish too.
    pub fn with_danish(mut self, message_da: String) -> Finding {
        self.message_da = message_da;
        self
    }

    /// A finding with the usual defaults: source `page`, no box, no location, text shown as is.
    pub fn new(rule: &str, severity: Severity, page: Option<u32>, text: &str, message: String) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            page,
            text: text.to_string(),
            masked_text: text.to_string(),
            context: String::new(),
            source: "page".to_string(),
            bbox: None,
            confidence: 1.0,
            message,
            message_da: String::new(),
            location: None,
        }
    }
}
