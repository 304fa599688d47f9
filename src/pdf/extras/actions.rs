//! JavaScript and launch actions: code a viewer may run, or a program it may start.

use super::objects::{clip, deref, dict_of, get, get_array, get_dict, get_name, get_text, stream_bytes};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;

const MAX_ACTIONS: usize = 1_000;
const MAX_NODES: usize = 50_000;

/// One action found in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// `JavaScript` or `Launch`.
    pub kind: &'static str,
    /// When it runs: `when the document is opened`, `on an annotation`, `named script "x"`…
    pub trigger: String,
    pub page: Option<u32>,
    /// The start of the script, or the program or file launched.
    pub detail: String,
    /// The whole script (up to `MAX_SCRIPT_CHARS`), single-spaced: scripts carry data too.
    pub code: String,
}

/// Script text read per action; the data a script carries sits in its literals, not megabytes in.
const MAX_SCRIPT_CHARS: usize = 65_536;

/// Every JavaScript and launch action reachable from the catalog, the pages and their
/// annotations, then any other such action object in the file (dead or hooked in odd places).
pub fn find_actions(doc: &Document, pages: &[ObjectId]) -> Vec<Action> {
    let mut finder = Finder { doc, out: Vec::new(), visited: HashSet::new(), nodes: 0 };
    if let Ok(catalog) = doc.catalog() {
        if let Ok(open) = catalog.get(b"OpenAction") {
            finder.action(open, "when the document is opened", None);
        }
        finder.additional(catalog, "document", None);
        if let Some(tree) = get_dict(doc, catalog, b"Names").and_then(|n| get_dict(doc, n, b"JavaScript")) {
            finder.name_tree(tree);
        }
    }
    for (i, &page_id) in pages.iter().enumerate() {
        let page_no = Some(i as u32 + 1);
        let Some(page) = doc.get_object(page_id).ok().and_then(|o| dict_of(doc, o)) else { continue };
        finder.additional(page, "page", page_no);
        for annot in get_array(doc, page, b"Annots").unwrap_or(&[]) {
            let Some(a) = dict_of(doc, annot) else { continue };
            if let Ok(action) = a.get(b"A") {
                finder.action(action, "when an annotation or link is clicked", page_no);
            }
            finder.additional(a, "annotation or form field", page_no);
        }
    }
    // Anything not reached from the usual places, e.g. on a form field's parent.
    for obj in doc.objects.values() {
        if finder.out.len() >= MAX_ACTIONS || finder.nodes > MAX_NODES {
            break;
        }
        if let Some(d) = dict_of(doc, obj) {
            if is_wanted_action(doc, d) {
                finder.action(obj, "from another part of the file", None);
            }
        }
    }
    finder.out
}

struct Finder<'a> {
    doc: &'a Document,
    out: Vec<Action>,
    visited: HashSet<*const Dictionary>,
    nodes: usize,
}

fn is_wanted_action(doc: &Document, d: &Dictionary) -> bool {
    matches!(get_name(doc, d, b"S").as_deref(), Some("JavaScript" | "Launch"))
}

impl<'a> Finder<'a> {
    /// `/AA` additional actions (open, close, keystroke, format…).
    fn additional(&mut self, holder: &'a Dictionary, what: &str, page: Option<u32>) {
        let Some(aa) = get_dict(self.doc, holder, b"AA") else { return };
        for (key, action) in aa.iter() {
            let event = String::from_utf8_lossy(key);
            self.action(action, &format!("on {what} event /{event}"), page);
        }
    }

    /// An action and the actions chained after it by `/Next`.
    fn action(&mut self, first: &'a Object, trigger: &str, page: Option<u32>) {
        let mut stack = vec![first];
        while let Some(obj) = stack.pop() {
            self.nodes += 1;
            if self.nodes > MAX_NODES || self.out.len() >= MAX_ACTIONS {
                return;
            }
            let Some(d) = dict_of(self.doc, obj) else { continue };
            if !self.visited.insert(d as *const Dictionary) {
                continue;
            }
            match get_name(self.doc, d, b"S").as_deref() {
                Some("JavaScript") => {
                    let code = script(self.doc, d);
                    self.out.push(Action {
                        kind: "JavaScript",
                        trigger: trigger.to_string(),
                        page,
                        detail: clip(&code, 120).to_string(),
                        code,
                    })
                }
                Some("Launch") => self.out.push(Action {
                    kind: "Launch",
                    trigger: trigger.to_string(),
                    page,
                    detail: launch_target(self.doc, d),
                    code: String::new(),
                }),
                _ => {}
            }
            match d.get(b"Next").ok().and_then(|n| deref(self.doc, n)) {
                Some(Object::Array(items)) => stack.extend(items.iter().rev()),
                Some(_) => stack.extend(d.get(b"Next").ok()),
                None => {}
            }
        }
    }

    /// The document-level `/JavaScript` name tree: scripts run when the document opens.
    fn name_tree(&mut self, root: &'a Dictionary) {
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            self.nodes += 1;
            if self.nodes > MAX_NODES || !self.visited.insert(node as *const Dictionary) {
                continue;
            }
            if let Some(names) = get_array(self.doc, node, b"Names") {
                for pair in names.chunks(2) {
                    if let [key, value] = pair {
                        let name = match deref(self.doc, key) {
                            Some(Object::String(b, _)) => super::objects::decode_text(b),
                            _ => String::new(),
                        };
                        self.action(value, &format!("when the document is opened (named script \"{name}\")"), None);
                    }
                }
            }
            for kid in get_array(self.doc, node, b"Kids").unwrap_or(&[]).iter().rev() {
                if let Some(k) = dict_of(self.doc, kid) {
                    stack.push(k);
                }
            }
        }
    }
}

fn script(doc: &Document, action: &Dictionary) -> String {
    let code = match get(doc, action, b"JS") {
        Some(Object::String(b, _)) => super::objects::decode_text(b),
        Some(Object::Stream(s)) => {
            stream_bytes(s, 1 << 20).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
        }
        _ => String::new(),
    };
    let flat = code.split_whitespace().collect::<Vec<_>>().join(" ");
    clip(&flat, MAX_SCRIPT_CHARS).to_string()
}

fn launch_target(doc: &Document, action: &Dictionary) -> String {
    let from_spec = |o: &Object| match deref(doc, o)? {
        Object::String(b, _) => Some(super::objects::decode_text(b)),
        Object::Dictionary(d) => get_text(doc, d, b"UF").or_else(|| get_text(doc, d, b"F")),
        _ => None,
    };
    action
        .get(b"F")
        .ok()
        .and_then(from_spec)
        .or_else(|| get_dict(doc, action, b"Win").and_then(|w| get_text(doc, w, b"F")))
        .map(|t| clip(&t, 120).to_string())
        .unwrap_or_default()
}
