//! Closed-item material outside the pages: a metadata field or an embedded file's name that
//! carries a closed item's title or case number marks the file as that item's material.

use super::normalize;
use crate::agenda::{case_numbers, Agenda};
use crate::detect::{Finding, Severity};
use crate::pdf::extras as px;
use crate::scan::ReadDocument;

/// Metadata fields and embedded file names that name a closed item of `agenda` (its title, or
/// one of its case numbers). Call once the document's agenda is known.
#[allow(dead_code)] // Called from `check_bytes` once the agenda is wired into the scan.
pub fn closed_items_in_metadata(read: &ReadDocument, agenda: &Agenda) -> Vec<Finding> {
    let mut out = Vec::new();
    let closed: Vec<_> = agenda.closed_items().collect();
    if closed.is_empty() {
        return out;
    }
    let doc = read.doc.lopdf();
    let mut fields: Vec<(String, String)> =
        px::metadata_texts(doc).into_iter().map(|t| (format!("metadata field {}", t.location), t.text)).collect();
    let budget = read.doc.budget();
    let pages = px::page_ids(&read.doc);
    // Names only: the content is not needed, so nothing is decoded.
    for f in px::embedded_files(doc, &pages, 0, budget) {
        fields.push((format!("embedded file `{}`", f.name), f.name.replace(['-', '_', '.'], " ")));
    }
    for (where_, value) in &fields {
        let value_n = normalize(value).to_lowercase();
        for item in &closed {
            let title = normalize(&item.title).to_lowercase();
            let by_title = title.chars().filter(|c| c.is_alphabetic()).count() >= 8 && value_n.contains(&title);
            let by_case = item.case_numbers.iter().find(|n| case_numbers::contains(value, n));
            if !by_title && by_case.is_none() {
                continue;
            }
            let what = match by_case {
                Some(n) if !by_title => format!("case number {n} of closed item {}", item.label()),
                _ => format!("the title of closed item {}", item.label()),
            };
            let source = if where_.starts_with("metadata") { "metadata" } else { "embedded-file" };
            let mut f = Finding::new(
                source,
                Severity::High,
                None,
                value,
                format!("The {where_} carries {what}: the file may be closed-item material."),
            );
            f.source = source.to_string();
            f.location = Some(where_.clone());
            f.confidence = if by_title { 0.8 } else { 0.7 };
            out.push(f);
            break;
        }
    }
    out
}
