//! Optional content (layers) and hidden annotations: what a reader does not see by default.
//!
//! Content in a layer that is off in the default configuration, and annotations flagged Hidden
//! or NoView, is still in the file, so it is still read; its glyphs and shapes get alpha 0 (and
//! its images are left out) so later checks treat it as invisible.

use super::Interp;
use crate::pdf::document::{deref, dict_get};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashSet;

/// The layers that are off when the document is opened (`/OCProperties /D`).
pub(crate) fn layers_off(doc: &lopdf::Document) -> HashSet<ObjectId> {
    let refs = |o: Option<&Object>| -> Vec<ObjectId> {
        match o {
            Some(Object::Array(a)) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
            _ => Vec::new(),
        }
    };
    let Some(props) = doc.catalog().ok().and_then(|c| dict_get(doc, c, b"OCProperties")).and_then(|o| o.as_dict().ok())
    else {
        return HashSet::new();
    };
    let Some(config) = dict_get(doc, props, b"D").and_then(|o| o.as_dict().ok()) else { return HashSet::new() };
    let base_off = dict_get(doc, config, b"BaseState").and_then(|o| o.as_name().ok()) == Some(b"OFF");
    if base_off {
        let on: HashSet<ObjectId> = refs(dict_get(doc, config, b"ON")).into_iter().collect();
        refs(dict_get(doc, props, b"OCGs")).into_iter().filter(|id| !on.contains(id)).collect()
    } else {
        refs(dict_get(doc, config, b"OFF")).into_iter().collect()
    }
}

/// Whether an annotation is flagged Hidden (bit 2) or NoView (bit 6).
pub(crate) fn annotation_hidden(doc: &lopdf::Document, annot: &Dictionary) -> bool {
    let flags = match dict_get(doc, annot, b"F") {
        Some(Object::Integer(i)) => *i,
        _ => 0,
    };
    flags & (2 | 32) != 0
}

impl<'d> Interp<'d> {
    /// Whether an optional content group or membership dictionary is off by default.
    pub(super) fn oc_hidden(&self, entry: &Object) -> bool {
        if self.doc.layers_off.is_empty() {
            return false;
        }
        let lo = self.lo;
        let off = |o: &Object| o.as_reference().is_ok_and(|id| self.doc.layers_off.contains(&id));
        let Object::Dictionary(d) = deref(lo, entry) else { return false };
        if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"OCMD") {
            return off(entry);
        }
        let groups: Vec<bool> = match d.get(b"OCGs").map(|o| deref(lo, o)) {
            Ok(Object::Array(a)) => a.iter().map(off).collect(),
            Ok(Object::Dictionary(_)) => d.get(b"OCGs").map(off).into_iter().collect(),
            _ => return false,
        };
        if groups.is_empty() {
            return false;
        }
        let visible = match dict_get(lo, d, b"P").and_then(|o| o.as_name().ok()) {
            Some(b"AllOn") => groups.iter().all(|g| !g),
            Some(b"AnyOff") => groups.iter().any(|g| *g),
            Some(b"AllOff") => groups.iter().all(|g| *g),
            _ => groups.iter().any(|g| !g),
        };
        !visible
    }

    /// Whether content painted now is seen by a reader.
    pub(super) fn visible(&self) -> bool {
        self.hidden_levels == 0
    }

    pub(super) fn begin_marked(&mut self, hides: bool) {
        self.marked.push(hides);
        if hides {
            self.hidden_levels += 1;
        }
    }

    pub(super) fn end_marked(&mut self) {
        self.end_actual_text(self.marked.len());
        if self.marked.pop() == Some(true) {
            self.hidden_levels = self.hidden_levels.saturating_sub(1);
        }
    }
}
