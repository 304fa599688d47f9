//! Annotations (comments, free text, popups, links), form field values and bookmark titles.

use super::objects::{dict_of, get, get_array, get_dict, get_name, get_rect, get_text, strip_tags};
use super::ExtraText;
use crate::pdf::geom::Rect;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

const MAX_ANNOTS: usize = 100_000;
const MAX_FIELDS: usize = 50_000;
const MAX_BOOKMARKS: usize = 50_000;

/// What the annotations of a document hold.
#[derive(Debug, Default)]
pub struct Annotations {
    pub texts: Vec<ExtraText>,
    /// Annotation object id → 1-based page, for form fields whose widgets sit on pages.
    pub page_of: HashMap<ObjectId, u32>,
    /// Redaction annotations that mark an area but were never applied: the text under them is
    /// still on the page. `(page, area)`.
    pub unapplied_redactions: Vec<(u32, Option<Rect>)>,
}

/// Reads the annotations of every page in `pages` (page object ids in page order).
pub fn annotation_texts(doc: &Document, pages: &[ObjectId]) -> Annotations {
    let mut out = Annotations::default();
    let mut seen = 0usize;
    for (index, &page_id) in pages.iter().enumerate() {
        let page_no = index as u32 + 1;
        let Some(page) = doc.get_object(page_id).ok().and_then(|o| dict_of(doc, o)) else { continue };
        let Some(annots) = get_array(doc, page, b"Annots") else { continue };
        for entry in annots {
            seen += 1;
            if seen > MAX_ANNOTS {
                return out;
            }
            if let Ok(id) = entry.as_reference() {
                out.page_of.insert(id, page_no);
            }
            let Some(annot) = dict_of(doc, entry) else { continue };
            read_annotation(doc, annot, page_no, &mut out);
        }
    }
    out
}

fn read_annotation(doc: &Document, annot: &Dictionary, page: u32, out: &mut Annotations) {
    let subtype = get_name(doc, annot, b"Subtype").unwrap_or_else(|| "unknown".to_string());
    let bbox = get_rect(doc, annot, b"Rect");
    if subtype == "Redact" {
        out.unapplied_redactions.push((page, bbox));
    }
    // Form field values are read once, from the field tree; a popup shows its parent's text.
    if subtype == "Widget" || (subtype == "Popup" && annot.has(b"Parent")) {
        return;
    }
    let mut push = |part: &str, text: String| {
        if !text.trim().is_empty() {
            out.texts.push(ExtraText {
                source: "annotation",
                page: Some(page),
                location: format!("{subtype} annotation {part}"),
                text,
                bbox,
            });
        }
    };
    let contents = get_text(doc, annot, b"Contents").unwrap_or_default();
    push("/Contents", contents.clone());
    if let Some(author) = get_text(doc, annot, b"T") {
        push("author (/T)", author);
    }
    if let Some(subject) = get_text(doc, annot, b"Subj") {
        push("subject (/Subj)", subject);
    }
    if let Some(rc) = rich_text(doc, annot) {
        if !rc.split_whitespace().eq(contents.split_whitespace()) {
            push("rich text (/RC)", rc);
        }
    }
    if subtype == "Redact" {
        if let Some(overlay) = get_text(doc, annot, b"OverlayText") {
            push("overlay text", overlay);
        }
    }
    if let Some(uri) = get_dict(doc, annot, b"A").and_then(|a| get_text(doc, a, b"URI")) {
        // `mailto:a@b.dk?subject=…` shows as `a@b.dk` on the page; compare like with like.
        let shown = match uri.strip_prefix("mailto:") {
            Some(addr) => addr.split('?').next().unwrap_or(addr).to_string(),
            None => uri,
        };
        push("link", shown);
    }
}

/// `/RC` is XHTML, as a string or a stream.
fn rich_text(doc: &Document, annot: &Dictionary) -> Option<String> {
    let raw = match get(doc, annot, b"RC")? {
        Object::String(b, _) => super::objects::decode_text(b),
        Object::Stream(s) => String::from_utf8_lossy(&super::objects::stream_bytes(s, 1 << 20).ok()?).into_owned(),
        _ => return None,
    };
    let text = strip_tags(&raw);
    (!text.trim().is_empty()).then_some(text)
}

/// Values of the interactive form's fields (`/AcroForm /Fields`, followed through `/Kids`).
/// `page_of` maps widget annotations to pages (from `annotation_texts`).
pub fn form_field_texts(doc: &Document, pages: &[ObjectId], page_of: &HashMap<ObjectId, u32>) -> Vec<ExtraText> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else { return out };
    let Some(form) = get_dict(doc, catalog, b"AcroForm") else { return out };
    let Some(fields) = get_array(doc, form, b"Fields") else { return out };
    let mut stack: Vec<(&Object, String)> = fields.iter().rev().map(|f| (f, String::new())).collect();
    let mut visited: HashSet<ObjectId> = HashSet::new();
    let mut count = 0usize;
    while let Some((node_obj, parent_name)) = stack.pop() {
        count += 1;
        if count > MAX_FIELDS {
            break;
        }
        let id = node_obj.as_reference().ok();
        if let Some(id) = id {
            if !visited.insert(id) {
                continue;
            }
        }
        let Some(node) = dict_of(doc, node_obj) else { continue };
        let partial = get_text(doc, node, b"T").unwrap_or_default();
        let name = match (parent_name.is_empty(), partial.is_empty()) {
            (true, _) => partial.clone(),
            (false, true) => parent_name.clone(),
            (false, false) => format!("{parent_name}.{partial}"),
        };
        let kids = get_array(doc, node, b"Kids").unwrap_or(&[]);
        let page = id
            .and_then(|id| page_of.get(&id).copied())
            .or_else(|| kids.iter().find_map(|k| k.as_reference().ok().and_then(|k| page_of.get(&k).copied())))
            .or_else(|| node.get(b"P").ok().and_then(|p| p.as_reference().ok()).and_then(|p| page_number(pages, p)));
        let bbox = get_rect(doc, node, b"Rect");
        let label = get_text(doc, node, b"TU").filter(|t| !t.trim().is_empty());
        let location = match &label {
            Some(l) => format!("form field `{name}` ({})", super::objects::clip(l, 80)),
            None => format!("form field `{name}`"),
        };
        for key in [&b"V"[..], b"DV"] {
            let Some(value) = field_value(doc, node, key) else { continue };
            if key == b"DV" && field_value(doc, node, b"V").as_deref() == Some(value.as_str()) {
                continue;
            }
            let part = if key == b"V" { "" } else { " default value" };
            out.push(ExtraText {
                source: "form-field",
                page,
                location: format!("{location}{part}"),
                text: value,
                bbox,
            });
        }
        if let Some(label) = label {
            out.push(ExtraText {
                source: "form-field",
                page,
                location: format!("{location} label"),
                text: label,
                bbox,
            });
        }
        for kid in kids.iter().rev() {
            stack.push((kid, name.clone()));
        }
    }
    out
}

/// A field value as text: a string, or a list of strings (multi-select). Names (checkbox states)
/// are not text.
fn field_value(doc: &Document, node: &Dictionary, key: &[u8]) -> Option<String> {
    let text = match get(doc, node, key)? {
        Object::String(b, _) => super::objects::decode_text(b),
        Object::Array(items) => items
            .iter()
            .filter_map(|i| match super::objects::deref(doc, i)? {
                Object::String(b, _) => Some(super::objects::decode_text(b)),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Object::Stream(s) => String::from_utf8_lossy(&super::objects::stream_bytes(s, 1 << 20).ok()?).into_owned(),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

fn page_number(pages: &[ObjectId], id: ObjectId) -> Option<u32> {
    pages.iter().position(|p| *p == id).map(|i| i as u32 + 1)
}

/// Bookmark (outline) titles, with the page each points to when it names one directly.
pub fn bookmark_texts(doc: &Document, pages: &[ObjectId]) -> Vec<ExtraText> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else { return out };
    let Some(outlines) = get_dict(doc, catalog, b"Outlines") else { return out };
    let mut stack: Vec<&Object> = outlines.get(b"First").ok().into_iter().collect();
    let mut visited: HashSet<ObjectId> = HashSet::new();
    let mut count = 0usize;
    while let Some(node_obj) = stack.pop() {
        count += 1;
        if count > MAX_BOOKMARKS {
            break;
        }
        // Outline items must be indirect; a direct one cannot be part of a cycle.
        if let Ok(id) = node_obj.as_reference() {
            if !visited.insert(id) {
                continue;
            }
        }
        let Some(node) = dict_of(doc, node_obj) else { continue };
        if let Some(title) = get_text(doc, node, b"Title").filter(|t| !t.trim().is_empty()) {
            out.push(ExtraText {
                source: "bookmark",
                page: bookmark_page(doc, node, pages),
                location: "bookmark".to_string(),
                text: title,
                bbox: None,
            });
        }
        if let Ok(next) = node.get(b"Next") {
            stack.push(next);
        }
        if let Ok(first) = node.get(b"First") {
            stack.push(first);
        }
    }
    out
}

/// The page of an explicit destination (`/Dest [page …]` or a GoTo action's `/D`).
fn bookmark_page(doc: &Document, node: &Dictionary, pages: &[ObjectId]) -> Option<u32> {
    let dest = get(doc, node, b"Dest").or_else(|| get_dict(doc, node, b"A").and_then(|a| get(doc, a, b"D")))?;
    match dest {
        Object::Array(a) => page_number(pages, a.first()?.as_reference().ok()?),
        _ => None,
    }
}
