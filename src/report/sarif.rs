//! SARIF 2.1.0: the PDF is the artifact, the page is a logical location (SARIF has no page field)
//! and is named in the message; fingerprints are hashes; accepted findings carry `suppressions`.

use super::i18n::{rule_advice, rule_title, Lang};
use super::{Report, ShowOptions};
use crate::detect::Severity;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// A path as a URI: a relative reference for a relative path, a `file://` URI for an absolute one
/// (a relative reference must not start with a slash); specials percent-encoded.
fn to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/') || path.as_bytes().get(1) == Some(&b':');
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str(if path.starts_with('/') { "file://" } else { "file:///" });
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn to_value(report: &Report, show: ShowOptions) -> Value {
    let lang = Lang::En;
    // Rules that occur, in a stable order, so `ruleIndex` is deterministic.
    let mut rule_sev: BTreeMap<&str, Severity> = BTreeMap::new();
    for f in &report.files {
        for rf in &f.findings {
            let e = rule_sev.entry(rf.finding.rule.as_str()).or_insert(rf.finding.severity);
            *e = (*e).max(rf.finding.severity);
        }
    }
    let rule_ids: Vec<&str> = rule_sev.keys().copied().collect();
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| {
            json!({
                "id": id,
                "name": rule_title(id, lang).replace([' ', ',', '\''], ""),
                "shortDescription": {"text": rule_title(id, lang)},
                "fullDescription": {"text": rule_advice(id, lang)},
                "help": {"text": rule_advice(id, lang)},
                "defaultConfiguration": {"level": level(rule_sev[id])},
            })
        })
        .collect();

    let artifacts: Vec<Value> = report
        .files
        .iter()
        .map(|f| json!({"location": {"uri": to_uri(&f.path)}, "mimeType": "application/pdf"}))
        .collect();

    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for (ai, f) in report.files.iter().enumerate() {
        if let Some(err) = &f.error {
            notifications.push(json!({
                "level": "error",
                "message": {"text": format!("{}: {err}", f.path)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": to_uri(&f.path), "index": ai}}}],
            }));
        }
        for rf in &f.findings {
            let fi = &rf.finding;
            let rule_index = rule_ids.iter().position(|r| *r == fi.rule).unwrap_or(0);
            let where_ = match fi.page {
                Some(p) => format!("page {p}"),
                None => "whole file".to_string(),
            };
            let mut location = json!({
                "physicalLocation": {"artifactLocation": {"uri": to_uri(&f.path), "index": ai}},
                "logicalLocations": [{
                    "name": where_,
                    "fullyQualifiedName": format!("{}#{}", f.path, where_),
                    "kind": "resource",
                }],
            });
            if let Some(b) = fi.bbox {
                location["properties"] = json!({"bbox": b.rounded()});
            }
            let mut result = json!({
                "ruleId": fi.rule,
                "ruleIndex": rule_index,
                "level": level(fi.severity),
                "message": {"text": format!("{} ({}): {}", show.message_of(rf), where_, show.text(fi))},
                "locations": [location],
                "partialFingerprints": {"leakscan/v1": rf.fingerprint},
                "properties": {
                    "severity": fi.severity.as_str(),
                    "page": fi.page,
                    "source": fi.source,
                    "confidence": ((fi.confidence as f64) * 100.0).round() / 100.0,
                    "text": show.text(fi),
                },
            });
            if let Some(why) = &rf.suppressed {
                result["suppressions"] = json!([{"kind": "external", "status": "accepted", "justification": why}]);
            }
            results.push(result);
        }
    }

    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "leakscan",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/leakscan/leakscan",
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    })
}

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report, show))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_relative_references() {
        assert_eq!(to_uri("møde/Bilag 14.pdf"), "m%C3%B8de/Bilag%2014.pdf");
        assert_eq!(to_uri("a\\b.pdf"), "a/b.pdf");
        assert_eq!(to_uri("/srv/møder/a.pdf"), "file:///srv/m%C3%B8der/a.pdf");
    }
}
