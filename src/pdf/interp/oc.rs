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
    let mut off: HashSet<ObjectId> = if base_off {
        let on: HashSet<ObjectId> = refs(dict_get(doc, config, b"ON")).into_iter().collect();
        refs(dict_get(doc, props, b"OCGs")).into_iter().filter(|id| !on.contains(id)).collect()
    } else {
        refs(dict_get(doc, config, b"OFF")).into_iter().collect()
    };
    // Viewers apply the configuration's View auto-state on opening: a layer whose
    // `/Usage /View /ViewState` says OFF is then off, whatever ON/OFF said.
    if let Some(Object::Array(states)) = dict_get(doc, config, b"AS") {
        for st in states.iter().take(MAX_AUTO_STATES).filter_map(|o| deref(doc, o).as_dict().ok()) {
            if dict_get(doc, st, b"Event").and_then(|o| o.as_name().ok()) != Some(b"View") {
                continue;
            }
            for id in refs(dict_get(doc, st, b"OCGs")).into_iter().take(MAX_AUTO_STATES) {
                let state = doc
                    .get_dictionary(id)
                    .ok()
                    .and_then(|g| dict_get(doc, g, b"Usage"))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|u| dict_get(doc, u, b"View"))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|v| dict_get(doc, v, b"ViewState"))
                    .and_then(|o| o.as_name().ok());
                match state {
                    Some(b"OFF") => {
                        off.insert(id);
                    }
                    Some(b"ON") => {
                        off.remove(&id);
                    }
                    _ => {}
                }
            }
        }
    }
    off
}

/// Most auto-state entries (and groups in each) read; real files have a handful.
const MAX_AUTO_STATES: usize = 1_000;
/// Deepest visibility expression (`/VE`) evaluated; the spec's examples are 2–3 deep.
const MAX_VE_DEPTH: u32 = 16;
/// Most operands of one visibility expression evaluated, all levels together.
const MAX_VE_NODES: u32 = 1_000;
/// Most optional content answers kept per page.
const MAX_OC_CACHE: usize = 10_000;

/// Whether an annotation is flagged Hidden (bit 2) or NoView (bit 6).
pub(crate) fn annotation_hidden(doc: &lopdf::Document, annot: &Dictionary) -> bool {
    let flags = match dict_get(doc, annot, b"F") {
        Some(Object::Integer(i)) => *i,
        _ => 0,
    };
    flags & (2 | 32) != 0
}

impl<'d> Interp<'d> {
    /// Whether an optional content group or membership dictionary is off by default. Answers
    /// are kept per entry: a page may name the same membership a million times.
    pub(super) fn oc_hidden(&mut self, entry: &'d Object) -> bool {
        let key = entry as *const Object as usize;
        if let Some(&hidden) = self.oc_cache.get(&key) {
            return hidden;
        }
        let hidden = self.oc_hidden_uncached(entry);
        if self.oc_cache.len() < MAX_OC_CACHE {
            self.oc_cache.insert(key, hidden);
        }
        hidden
    }

    fn oc_hidden_uncached(&self, entry: &Object) -> bool {
        let lo = self.lo;
        let Object::Dictionary(d) = deref(lo, entry) else { return false };
        if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"OCMD") {
            return self.group_off(entry);
        }
        // A visibility expression, when present and readable, decides over OCGs and P.
        let mut nodes = MAX_VE_NODES;
        if let Some(visible) = d.get(b"VE").ok().and_then(|ve| self.ve_visible(ve, 0, &mut nodes)) {
            return !visible;
        }
        let groups: Vec<bool> = match d.get(b"OCGs").map(|o| deref(lo, o)) {
            Ok(Object::Array(a)) => a.iter().map(|g| self.group_off(g)).collect(),
            Ok(Object::Dictionary(_)) => d.get(b"OCGs").map(|g| self.group_off(g)).into_iter().collect(),
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

    fn group_off(&self, g: &Object) -> bool {
        g.as_reference().is_ok_and(|id| self.doc.layers_off.contains(&id))
    }

    /// Evaluates a visibility expression `[/And|/Or|/Not operand…]`; `None` when it is broken.
    /// `nodes` bounds the work: operands may name the same sub-expression many times.
    fn ve_visible(&self, ve: &Object, depth: u32, nodes: &mut u32) -> Option<bool> {
        if depth > MAX_VE_DEPTH || *nodes == 0 {
            return None;
        }
        *nodes -= 1;
        let Object::Array(a) = deref(self.lo, ve) else {
            // An operand that is a group.
            return Some(!self.group_off(ve));
        };
        let (op, operands) = a.split_first()?;
        let op = op.as_name().ok().filter(|n| matches!(*n, b"And" | b"Or" | b"Not"))?;
        let mut acc = op == b"And";
        for o in operands {
            let v = self.ve_visible(o, depth + 1, nodes)?;
            match op {
                b"Not" => return Some(!v),
                b"And" => acc &= v,
                _ => acc |= v,
            }
        }
        (op != b"Not").then_some(acc)
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
