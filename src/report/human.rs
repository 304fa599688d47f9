//! The human report: grouped per file and page, like ripgrep, with a one-line summary.
//! Colours only when asked (a terminal without `NO_COLOR`).

use super::i18n::{rule_title, severity_word};
use super::{Report, ShowOptions};
use crate::detect::Severity;
use std::io::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::High => "\x1b[1;31m",
        Severity::Medium => "\x1b[33m",
        Severity::Low => "\x1b[36m",
        Severity::Info => "\x1b[2m",
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let paint = Paint { on: show.color };
    let lang = show.lang;
    for f in &report.files {
        if f.findings.is_empty() && f.error.is_none() {
            continue;
        }
        writeln!(out, "{}", paint.wrap(BOLD, &f.path))?;
        if let Some(err) = &f.error {
            let label = lang.t("IKKE KONTROLLERET", "NOT CHECKED");
            writeln!(out, "  {}: {err}", paint.wrap(severity_color(Severity::High), label))?;
            writeln!(out, "  {}", super::i18n::error_advice(err, lang))?;
        }
        let mut last_page = None;
        for rf in &f.findings {
            let fi = &rf.finding;
            if last_page != Some(fi.page) {
                match fi.page {
                    Some(p) => writeln!(out, "  {} {p}:", lang.t("side", "page"))?,
                    None => writeln!(out, "  {}:", lang.t("hele filen", "whole file"))?,
                }
                last_page = Some(fi.page);
            }
            let suppressed = if rf.suppressed.is_some() {
                paint.wrap(DIM, lang.t(" (accepteret i baseline)", " (accepted in baseline)"))
            } else {
                String::new()
            };
            let sev = paint.wrap(severity_color(fi.severity), &format!("[{}]", severity_word(fi.severity, lang)));
            let location = fi.location.as_deref().map(|l| format!(" ({} {l})", fi.source)).unwrap_or_default();
            writeln!(out, "    {sev} {}: {}{location}{suppressed}", rule_title(&fi.rule, lang), show.text(fi))?;
            writeln!(out, "        {}", show.localized_message_of(rf))?;
            let ctx = show.context_of(rf);
            if !ctx.trim().is_empty() {
                writeln!(out, "        {}", paint.wrap(DIM, &format!("| {}", one_line(&ctx))))?;
            }
        }
        writeln!(out)?;
    }
    let s = report.summary();
    let verdict = match report.exit_code(show.fail_on) {
        0 => paint.wrap("\x1b[1;32m", lang.t("OK", "OK")),
        1 => paint.wrap(severity_color(Severity::High), lang.t("STOP: fund", "STOP: findings")),
        _ => paint.wrap(
            severity_color(Severity::High),
            lang.t("STOP: ikke alt kunne kontrolleres", "STOP: not everything could be checked"),
        ),
    };
    let suppressed = if s.suppressed > 0 {
        format!(", {} {}", s.suppressed, lang.t("accepteret", "accepted"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{verdict} {} {}, {} {}, {} {}; {}: {} {}, {} {}, {} {}, {} info{suppressed}",
        s.files,
        lang.t("filer", "files"),
        s.pages,
        lang.t("sider", "pages"),
        s.errors,
        lang.t("ikke kontrolleret", "not checked"),
        lang.t("fund", "findings"),
        s.by_severity[0],
        lang.t("høj", "high"),
        s.by_severity[1],
        lang.t("middel", "medium"),
        s.by_severity[2],
        lang.t("lav", "low"),
        s.by_severity[3],
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
