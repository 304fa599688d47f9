//! Page labels (`/PageLabels`): the page numbers a viewer shows. A label's prefix is free text
//! (`Bilag 3 - `), so a name typed there travels with the file without being on any page.

use super::objects::{dict_of, get_array, get_dict, get_text};
use super::ExtraText;
use lopdf::Document;
use std::collections::HashSet;

/// Number-tree nodes and labels read at most.
const MAX_NODES: usize = 10_000;

/// Every page label prefix, with the first page it applies to (1-based).
pub fn page_label_texts(doc: &Document) -> Vec<ExtraText> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else { return out };
    let Some(root) = get_dict(doc, catalog, b"PageLabels") else { return out };
    let mut stack = vec![root];
    let mut visited = HashSet::new();
    let mut nodes = 0usize;
    while let Some(node) = stack.pop() {
        nodes += 1;
        if nodes > MAX_NODES || !visited.insert(node as *const _) {
            continue;
        }
        for pair in get_array(doc, node, b"Nums").unwrap_or(&[]).chunks(2) {
            let [start, label] = pair else { continue };
            let page = start.as_i64().ok().and_then(|s| u32::try_from(s).ok()).map(|s| s.saturating_add(1));
            let Some(prefix) = dict_of(doc, label).and_then(|l| get_text(doc, l, b"P")) else { continue };
            if prefix.trim().is_empty() {
                continue;
            }
            out.push(ExtraText {
                source: "page-label",
                page,
                location: "page label".to_string(),
                text: prefix,
                bbox: None,
            });
        }
        stack.extend(get_array(doc, node, b"Kids").unwrap_or(&[]).iter().filter_map(|k| dict_of(doc, k)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::extras::testpdf::{text, Builder};
    use lopdf::dictionary;

    #[test]
    fn prefixes_of_a_number_tree_with_kids_and_a_cycle() {
        let mut b = Builder::new(&[&["Referat"], &["Bilag"]]);
        let leaf = b.doc.add_object(dictionary! {
            "Nums" => vec![1.into(), dictionary! { "P" => text("Klage fra Karen Holm ") }.into()],
        });
        let root = b.doc.add_object(dictionary! {
            "Nums" => vec![0.into(), dictionary! { "S" => "D" }.into()],
            "Kids" => vec![leaf.into(), leaf.into()],
        });
        b.catalog().set("PageLabels", root);
        let labels = page_label_texts(&Document::load_mem(&b.bytes()).unwrap());
        assert_eq!(labels.len(), 1, "{labels:?}");
        assert_eq!((labels[0].page, labels[0].text.as_str()), (Some(2), "Klage fra Karen Holm "));
    }
}
