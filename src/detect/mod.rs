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
pub use rulefile::RuleInfo;

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
    /// The configuration's rules, allowlists and overrides, compiled.
    rules: rulefile::RuleSet,
}

impl Detector {
    pub fn new(config: Config) -> Result<Detector, String> {
        let rules = rulefile::RuleSet::new(&config)?;
        Ok(Detector { config, rules })
    }

    /// Every rule this detector reports, with its default severity (for `leakscan rules`).
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.rules.infos()
    }

    /// Drops disabled and allowlisted findings and applies severity overrides, for findings
    /// made outside `scan` (page content, metadata, extras). Idempotent.
    pub fn apply_policy(&self, findings: &mut Vec<Finding>) {
        self.rules.apply(findings, 0);
    }

    /// Reads all pages once for document-wide context.
    pub fn prepare(&self, pages: &[PageText]) -> DocContext {
        context::build(pages, &self.config)
    }

    /// Runs every rule over `unit`.
    pub fn scan(&self, unit: &TextUnit<'_>, doc: &DocContext, out: &mut Vec<Finding>) {
        let start = out.len();
        cpr::check(unit, doc, out);
        contact::check_with(unit, doc, &self.rules.municipal, out);
        mail::check(unit, doc, out);
        let earlier = out[start..].to_vec();
        names::check(unit, doc, &earlier, out);
        self.rules.scan_extra(unit, out);
        self.rules.apply(out, start);
    }
}

/// Every built-in rule with its default severity and description, from `rules/rules.toml`.
/// `Detector::rules` gives the same list with a configuration's rules and overrides applied.
pub fn rule_list() -> Vec<RuleInfo> {
    rulefile::RuleSet::new(&Config::default()).map(|set| set.infos()).unwrap_or_default()
}
