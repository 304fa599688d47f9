//! One self-contained HTML file a non-programmer can read: the verdict and summary first, then per
//! file and page the findings with their context highlighted, a link to the page, and what to do.

use super::i18n::{rule_advice, rule_title, severity_word};
use super::markup::escape;
use super::{Report, ShowOptions};
use crate::detect::Severity;
use std::collections::BTreeSet;
use std::fmt::Write as _;

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f5f6f8;color:#1d2430;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;margin:28px 0 8px} h3{font-size:16px;margin:16px 0 6px;color:#444}
.verdict{padding:16px 20px;border-radius:8px;font-size:18px;font-weight:600;margin:16px 0}
.ok{background:#e3f4e8;color:#135c2b;border:1px solid #9ed3ad}.stop{background:#fde7e7;color:#8a1414;border:1px solid #f0a3a3}
.warn{background:#fff4dc;color:#6b4a00;border:1px solid #f0cf80}
table.sum{border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden}
table.sum td,table.sum th{padding:6px 14px;border-bottom:1px solid #e6e8ec;text-align:left}
.file{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:12px 18px;margin:14px 0}
.file h2{margin:4px 0 8px;font-size:17px;word-break:break-all}
.err{color:#8a1414;font-weight:600}
.f{border-left:6px solid #999;padding:6px 12px;margin:8px 0;background:#fafbfc;border-radius:4px}
.f.high{border-color:#c62828}.f.medium{border-color:#ef8f00}.f.low{border-color:#1e88e5}.f.info{border-color:#9e9e9e}
.f.suppressed{opacity:.55}
.badge{display:inline-block;font-size:12px;font-weight:700;padding:1px 8px;border-radius:10px;color:#fff;margin-right:6px;text-transform:uppercase}
.badge.high{background:#c62828}.badge.medium{background:#ef8f00}.badge.low{background:#1e88e5}.badge.info{background:#9e9e9e}
.ctx{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#fff;border:1px solid #e6e8ec;padding:6px 8px;margin-top:6px;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe066;padding:0 2px;border-radius:2px}
.todo{color:#555;font-size:14px;margin-top:4px}
a{color:#0b57d0}
.advice dt{font-weight:600;margin-top:10px}.advice dd{margin-left:16px}
footer{color:#777;font-size:12px;margin:30px 0}
"#;

pub fn render(report: &Report, show: ShowOptions) -> String {
    let lang = show.lang;
    let s = report.summary();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>leakscan</title><style>{STYLE}</style></head><body><main>\n",
        lang.code()
    );
    let _ = writeln!(h, "<h1>{}</h1>", lang.t("Kontrol før offentliggørelse", "Pre-publication check"));
    let (class, verdict) = match report.exit_code(show.fail_on) {
        0 => ("ok", lang.t("Ingen fund, der forhindrer offentliggørelse.", "Nothing found that stops publication.")),
        1 => (
            "stop",
            lang.t(
                "Må ikke offentliggøres endnu: der er fund, som skal rettes.",
                "Do not publish yet: there are findings to fix.",
            ),
        ),
        _ => (
            "warn",
            lang.t(
                "Må ikke offentliggøres endnu: nogle filer kunne ikke kontrolleres.",
                "Do not publish yet: some files could not be checked.",
            ),
        ),
    };
    let _ = writeln!(h, "<div class=\"verdict {class}\">{}</div>", escape(verdict));
    let _ = writeln!(
        h,
        "<table class=\"sum\"><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr>",
        lang.t("Filer", "Files"),
        s.files,
        lang.t("Sider", "Pages"),
        s.pages,
        lang.t("Ikke kontrolleret", "Not checked"),
        s.errors
    );
    for sev in Severity::ALL {
        let _ = writeln!(
            h,
            "<tr><th><span class=\"badge {}\">{}</span></th><td>{}</td></tr>",
            sev.as_str(),
            severity_word(sev, lang),
            s.count(sev)
        );
    }
    if s.suppressed > 0 {
        let _ = writeln!(h, "<tr><th>{}</th><td>{}</td></tr>", lang.t("Accepteret", "Accepted"), s.suppressed);
    }
    h.push_str("</table>\n");

    let mut rules_seen = BTreeSet::new();
    for f in &report.files {
        if f.findings.is_empty() && f.error.is_none() {
            continue;
        }
        let _ = writeln!(h, "<section class=\"file\"><h2>{}</h2>", escape(&f.path));
        if let Some(err) = &f.error {
            let _ = writeln!(h, "<p class=\"err\">{}: {}</p>", lang.t("Ikke kontrolleret", "Not checked"), escape(err));
            let _ = writeln!(h, "<p class=\"advice\">{}</p>", escape(super::i18n::error_advice(err, lang)));
        }
        let mut last_page = None;
        for rf in &f.findings {
            let fi = &rf.finding;
            rules_seen.insert(fi.rule.clone());
            if last_page != Some(fi.page) {
                match fi.page {
                    Some(p) => {
                        let _ = writeln!(
                            h,
                            "<h3><a href=\"{}#page={p}\">{} {p}</a></h3>",
                            escape(&f.path),
                            lang.t("Side", "Page")
                        );
                    }
                    None => {
                        let _ = writeln!(h, "<h3>{}</h3>", lang.t("Hele filen", "Whole file"));
                    }
                }
                last_page = Some(fi.page);
            }
            let text = show.text(fi);
            let ctx = show.context_of(rf);
            let sup = if rf.suppressed.is_some() { " suppressed" } else { "" };
            let _ = write!(
                h,
                "<div class=\"f {}{sup}\"><span class=\"badge {}\">{}</span><b>{}</b>: {}",
                fi.severity.as_str(),
                fi.severity.as_str(),
                severity_word(fi.severity, lang),
                escape(&rule_title(&fi.rule, lang)),
                escape(&text)
            );
            if let Some(loc) = &fi.location {
                let _ = write!(h, " <small>({} {})</small>", escape(&fi.source), escape(loc));
            }
            if let Some(why) = &rf.suppressed {
                let _ = write!(h, " <small>({}: {})</small>", lang.t("accepteret", "accepted"), escape(why));
            }
            let _ = write!(h, "<div>{}</div>", escape(&show.localized_message_of(rf)));
            if !ctx.trim().is_empty() {
                let _ = write!(h, "<div class=\"ctx\">{}</div>", highlight(&ctx, &text));
            }
            let _ = writeln!(h, "<div class=\"todo\">{}</div></div>", escape(rule_advice(&fi.rule, lang)));
        }
        h.push_str("</section>\n");
    }

    if !rules_seen.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2><dl class=\"advice\">", lang.t("Hvad skal jeg gøre?", "What should I do?"));
        for r in &rules_seen {
            let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(&rule_title(r, lang)), escape(rule_advice(r, lang)));
        }
        h.push_str("</dl>\n");
    }
    let _ = writeln!(h, "<footer>leakscan {}</footer></main></body></html>", env!("CARGO_PKG_VERSION"));
    h
}

/// Escapes `ctx` and marks the first occurrence of `needle`.
fn highlight(ctx: &str, needle: &str) -> String {
    match (!needle.is_empty()).then(|| ctx.find(needle)).flatten() {
        Some(i) => format!("{}<mark>{}</mark>{}", escape(&ctx[..i]), escape(needle), escape(&ctx[i + needle.len()..])),
        None => escape(ctx),
    }
}

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(render(report, show).as_bytes())
}
