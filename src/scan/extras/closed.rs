//! Closed-item material outside the pages: a metadata field or an embedded file's name that
//! carries a closed item's title or case number marks the file as that item's material.

use super::normalize;
use crate::agenda::{case_numbers, Agenda, Item};
use crate::detect::{Finding, Severity};
use crate::pdf::extras as px;
use crate::scan::ReadDocument;

/// Metadata fields and embedded file names that name a closed item of `agenda` (its title, or
/// one of its case numbers). Call once the document's agenda is known.
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
        if let Some(ClosedMention { what, what_da, by_title }) = names_closed_item(value, &closed) {
            let source = if where_.starts_with("metadata") { "metadata" } else { "embedded-file" };
            let where_da = match where_.strip_prefix("metadata field ") {
                Some(field) => format!("Metadatafeltet {field}"),
                None => format!("Den vedhæftede fil {}", where_.trim_start_matches("embedded file ")),
            };
            let mut f = Finding::new(
                source,
                Severity::High,
                None,
                value,
                format!("The {where_} carries {what}: the file may be closed-item material."),
            )
            .with_danish(format!("{where_da} indeholder {what_da}: filen kan være materiale fra et lukket punkt."));
            f.source = source.to_string();
            f.location = Some(where_.clone());
            f.confidence = if by_title { 0.8 } else { 0.7 };
            out.push(f);
        }
    }
    out
}

/// What a text names of a closed item: `the title of closed item 19 'Personalesag'`, in English
/// and Danish, and whether it names it by title (rather than by case number).
pub struct ClosedMention {
    pub what: String,
    pub what_da: String,
    pub by_title: bool,
}

/// Whether `text` carries a closed item's title (of 8 letters or more) or one of its case numbers.
pub fn names_closed_item(text: &str, closed: &[&Item]) -> Option<ClosedMention> {
    let text_n = normalize(text).to_lowercase();
    for item in closed {
        let title = normalize(&item.title).to_lowercase();
        let by_title = title.chars().filter(|c| c.is_alphabetic()).count() >= 8 && text_n.contains(&title);
        let by_case = item.case_numbers.iter().find(|n| case_numbers::contains(text, n));
        match by_case {
            Some(n) if !by_title => {
                return Some(ClosedMention {
                    what: format!("case number {n} of closed item {}", item.label()),
                    what_da: format!("sagsnummer {n} fra lukket punkt {}", item.label()),
                    by_title: false,
                })
            }
            _ if by_title => {
                return Some(ClosedMention {
                    what: format!("the title of closed item {}", item.label()),
                    what_da: format!("titlen på lukket punkt {}", item.label()),
                    by_title: true,
                })
            }
            _ => {}
        }
    }
    None
}
