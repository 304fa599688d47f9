//! JUnit XML: one test suite per file, one test case per check (rule), a failure for findings at
//! or above the gate, an error when the file could not be checked. A clean run still shows its
//! tests in Jenkins or GitLab.

use super::i18n::rule_title;
use super::markup::escape;
use super::{Report, ShowOptions};
use std::fmt::Write as _;

/// The checks every file goes through, shown as test cases even when they find nothing.
pub const CHECKS: &[&str] = &[
    "cpr",
    "name",
    "email-header",
    "email-address",
    "phone",
    "address",
    "closed-item",
    "hidden-text",
    "metadata",
    "annotation",
    "embedded-file",
    "revision",
    "no-text-layer",
];

pub fn render(report: &Report, show: ShowOptions) -> String {
    let mut x = String::new();
    let mut suites = String::new();
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for f in &report.files {
        let mut checks: Vec<&str> = CHECKS.to_vec();
        for rf in &f.findings {
            if !checks.contains(&rf.finding.rule.as_str()) {
                checks.push(rf.finding.rule.as_str());
            }
        }
        let (mut s_fail, mut s_err) = (0, 0);
        let mut cases = String::new();
        let class = escape(&f.path);
        let _ = write!(cases, "    <testcase classname=\"{class}\" name=\"readable\">");
        if let Some(err) = &f.error {
            s_err += 1;
            let _ = write!(cases, "<error message=\"{}\" type=\"not-checked\"/>", escape(err));
        }
        cases.push_str("</testcase>\n");
        for check in &checks {
            let found: Vec<_> = f.findings.iter().filter(|rf| rf.finding.rule == *check).collect();
            let failing: Vec<_> =
                found.iter().filter(|rf| rf.suppressed.is_none() && rf.finding.severity >= show.fail_on).collect();
            let _ = write!(cases, "    <testcase classname=\"{class}\" name=\"{}\">", escape(check));
            if !failing.is_empty() {
                s_fail += 1;
                let mut body = String::new();
                for rf in &failing {
                    let fi = &rf.finding;
                    let page = fi.page.map(|p| format!("page {p}")).unwrap_or_else(|| "whole file".into());
                    let _ = writeln!(body, "[{}] {page}: {} — {}", fi.severity, show.text(fi), show.message_of(rf));
                }
                let _ = write!(
                    cases,
                    "<failure message=\"{} finding(s): {}\" type=\"{}\">{}</failure>",
                    failing.len(),
                    escape(&rule_title(check, super::Lang::En)),
                    escape(check),
                    escape(&body)
                );
            }
            let below: Vec<_> = found.iter().filter(|rf| !failing.iter().any(|f| std::ptr::eq(**f, **rf))).collect();
            if !below.is_empty() {
                let mut out = String::new();
                for rf in below {
                    let fi = &rf.finding;
                    let state = if rf.suppressed.is_some() { " (accepted)" } else { "" };
                    let page = fi.page.map(|p| format!("page {p}")).unwrap_or_else(|| "whole file".into());
                    let _ =
                        writeln!(out, "[{}]{state} {page}: {} — {}", fi.severity, show.text(fi), show.message_of(rf));
                }
                let _ = write!(cases, "<system-out>{}</system-out>", escape(&out));
            }
            cases.push_str("</testcase>\n");
        }
        let n = checks.len() + 1;
        tests += n;
        failures += s_fail;
        errors += s_err;
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{class}\" tests=\"{n}\" failures=\"{s_fail}\" errors=\"{s_err}\" skipped=\"0\">\n{cases}  </testsuite>"
        );
    }
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(x, "<testsuites name=\"leakscan\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">");
    x.push_str(&suites);
    x.push_str("</testsuites>\n");
    x
}

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(render(report, show).as_bytes())
}
