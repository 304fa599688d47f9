//! The human report: grouped per file and page, like ripgrep, with a one-line summary.

use super::{Report, ShowOptions};
use std::io::Write;

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.files {
        if f.findings.is_empty() && f.error.is_none() {
            continue;
        }
        writeln!(out, "{}", f.path)?;
        if let Some(err) = &f.error {
            writeln!(out, "  NOT CHECKED: {err}")?;
        }
        let mut last_page = None;
        for rf in &f.findings {
            let fi = &rf.finding;
            if last_page != Some(fi.page) {
                match fi.page {
                    Some(p) => writeln!(out, "  page {p}:")?,
                    None => writeln!(out, "  whole file:")?,
                }
                last_page = Some(fi.page);
            }
            let suppressed = if rf.suppressed.is_some() { " (accepted in baseline)" } else { "" };
            writeln!(out, "    [{}] {}: {}{}", fi.severity, fi.rule, show.text(fi), suppressed)?;
            writeln!(out, "        {}", show.message(fi))?;
            let ctx = show.context(fi);
            if !ctx.is_empty() {
                writeln!(out, "        | {}", ctx.replace('\n', " "))?;
            }
        }
        writeln!(out)?;
    }
    let s = report.summary();
    writeln!(
        out,
        "{} files, {} pages, {} not fully checked; findings: {} high, {} medium, {} low, {} info",
        s.files, s.pages, s.errors, s.by_severity[0], s.by_severity[1], s.by_severity[2], s.by_severity[3]
    )
}
