//! The JSON report: the contract every user's tooling reads. Extend it; never change what is there.

use super::{FileReport, Report, ReportedFinding, ShowOptions};
use serde_json::{json, Map, Value};

pub fn to_value(report: &Report, show: ShowOptions) -> Value {
    let s = report.summary();
    json!({
        "tool": {"name": "leakscan", "version": env!("CARGO_PKG_VERSION")},
        "files": report.files.iter().map(|f| file_value(f, show)).collect::<Vec<_>>(),
        "summary": {
            "files": s.files,
            "pages": s.pages,
            "errors": s.errors,
            "findings": {"high": s.by_severity[0], "medium": s.by_severity[1], "low": s.by_severity[2], "info": s.by_severity[3]},
            "suppressed": s.suppressed,
        }
    })
}

/// One file's object, as in `files[]` (and as one line of JSONL).
pub fn file_value(f: &FileReport, show: ShowOptions) -> Value {
    json!({
        "path": f.path,
        "pages": f.pages,
        "error": f.error,
        "findings": f.findings.iter().map(|rf| finding_value(rf, show)).collect::<Vec<_>>(),
    })
}

fn finding_value(rf: &ReportedFinding, show: ShowOptions) -> Value {
    let f = &rf.finding;
    let mut m = Map::new();
    m.insert("rule".into(), json!(f.rule));
    m.insert("severity".into(), json!(f.severity.as_str()));
    m.insert("page".into(), json!(f.page));
    m.insert("text".into(), json!(show.text(f)));
    m.insert("context".into(), json!(show.context_of(rf)));
    m.insert("source".into(), json!(f.source));
    m.insert("bbox".into(), f.bbox.map_or(Value::Null, |b| json!(b.rounded().map(round2))));
    m.insert("confidence".into(), json!(round2(f.confidence)));
    m.insert("fingerprint".into(), json!(rf.fingerprint));
    m.insert("message".into(), json!(show.message_of(rf)));
    if !f.message_da.is_empty() {
        m.insert("message_da".into(), json!(show.message_da_of(rf)));
    }
    if let Some(loc) = &f.location {
        m.insert("location".into(), json!(loc));
    }
    if let Some(why) = &rf.suppressed {
        m.insert("suppressed".into(), json!(why));
    }
    Value::Object(m)
}

/// f32 → f64 rounded to 2 decimals, so `0.95` prints as `0.95`, not `0.949999988079071`.
fn round2(v: f32) -> f64 {
    ((v as f64) * 100.0).round() / 100.0
}

pub fn write(report: &Report, show: ShowOptions, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report, show))?;
    writeln!(out)
}
