//! Objects no page uses. Tools that edit a loaded document and then write out every object they
//! hold (pdf-lib's `removePage`, a rewritten `/Contents`) leave the dropped page or the replaced
//! content stream in the file, unreferenced: no viewer shows it, yet anyone can extract its text.

use super::document::{deref, Document, PageInfo};
use super::limits::Budget;
use super::stream::decode_stream;
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// Unused pages and content streams read at most; real leftovers are a handful.
pub const MAX_LEFTOVERS: usize = 200;

/// The dictionary keys a page content stream has (a Form XObject, image, font program, XMP,
/// object or cross-reference stream has others).
const CONTENT_STREAM_KEYS: [&[u8]; 4] = [b"Length", b"Filter", b"DecodeParms", b"DL"];

impl Document {
    /// A document whose pages are the page objects the page tree no longer lists and the content
    /// streams no page draws (each on a page with the resources of a live page that has its
    /// fonts), or `None` when the file has none. The flag says more were found than are read.
    pub fn leftovers(&self) -> Option<(Document, bool)> {
        let lo = &self.inner;
        let mut seen = HashSet::new();
        // Pages found by scanning a broken tree are live too.
        let live_pages: Vec<Object> = self.pages.iter().map(|p| Object::Reference(p.id)).collect();
        let roots: Vec<&Object> = lo.trailer.iter().map(|(_, v)| v).chain(live_pages.iter()).collect();
        mark_reachable(lo, roots, &mut seen);
        let mut pages: Vec<ObjectId> =
            lo.objects.iter().filter(|(id, o)| !seen.contains(id) && is_page(o)).map(|(id, _)| *id).collect();
        let page_objects: Vec<Object> = pages.iter().map(|id| Object::Reference(*id)).collect();
        mark_reachable(lo, page_objects.iter().collect(), &mut seen);
        let loose: Vec<ObjectId> = lo
            .objects
            .iter()
            .filter(|(id, o)| !seen.contains(id) && o.as_stream().is_ok_and(|s| is_content_stream(&s.dict)))
            .map(|(id, _)| *id)
            .collect();
        if pages.is_empty() && loose.is_empty() {
            return None;
        }
        let truncated = pages.len() + loose.len() > MAX_LEFTOVERS;
        pages.truncate(MAX_LEFTOVERS);
        let room = MAX_LEFTOVERS - pages.len();
        let mut inner = lo.clone();
        let mut infos: Vec<PageInfo> =
            pages.iter().filter_map(|id| Some(self.page_info_by_parents(*id, lo.get_dictionary(*id).ok()?))).collect();
        let template = self.pages.first();
        for id in loose.into_iter().take(room) {
            let Some(template) = template else { break };
            let owner = self.resources_for(id).or(template.resources_owner);
            let resources = owner
                .and_then(|o| lo.get_dictionary(o).ok())
                .and_then(|d| d.get(b"Resources").ok())
                .cloned()
                .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
            let mut page = Dictionary::new();
            page.set("Type", Object::Name(b"Page".to_vec()));
            page.set("Resources", resources);
            page.set("Contents", Object::Reference(id));
            let page_id = inner.add_object(page);
            infos.push(PageInfo {
                id: page_id,
                resources_owner: Some(page_id),
                media_box: template.media_box,
                crop_box: None,
                rotate: 0,
            });
        }
        let layers_off = super::interp::layers_off(&inner);
        let doc = Document {
            inner,
            pages: infos,
            budget: Budget::new(self.budget.limits.clone()),
            fonts: Mutex::new(HashMap::new()),
            layers_off,
            problems: Vec::new(),
        };
        Some((doc, truncated))
    }

    /// The resources owner of the first live page whose fonts include every font the stream
    /// selects, so that its text decodes as it did when a page drew it.
    fn resources_for(&self, stream: ObjectId) -> Option<ObjectId> {
        let lo = &self.inner;
        let s = lo.get_object(stream).ok()?.as_stream().ok()?;
        let data = decode_stream(lo, s, &self.budget).data;
        let words: Vec<&[u8]> = data.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
        let fonts: HashSet<&[u8]> =
            words.windows(3).filter(|w| w[2] == b"Tf").filter_map(|w| w[0].strip_prefix(b"/")).collect();
        self.pages.iter().filter_map(|p| p.resources_owner).find(|owner| {
            let font_dict = lo
                .get_dictionary(*owner)
                .ok()
                .and_then(|d| d.get(b"Resources").ok())
                .and_then(|r| deref(lo, r).as_dict().ok())
                .and_then(|r| r.get(b"Font").ok())
                .and_then(|f| deref(lo, f).as_dict().ok());
            font_dict.is_some_and(|f| fonts.iter().all(|name| f.has(name)))
        })
    }
}

fn is_page(o: &Object) -> bool {
    o.as_dict().is_ok_and(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Page"))
}

fn is_content_stream(dict: &Dictionary) -> bool {
    dict.iter().all(|(k, _)| CONTENT_STREAM_KEYS.contains(&k.as_slice()))
}

/// Adds to `seen` every object reachable from `roots`. Iterative with a visited set: cycles and
/// deep nesting cannot make it loop or overflow the stack.
fn mark_reachable<'d>(lo: &'d lopdf::Document, roots: Vec<&'d Object>, seen: &mut HashSet<ObjectId>) {
    let mut stack = roots;
    while let Some(o) = stack.pop() {
        match o {
            Object::Reference(id) if seen.insert(*id) => {
                if let Some(target) = lo.objects.get(id) {
                    stack.push(target);
                }
            }
            Object::Array(items) => stack.extend(items.iter()),
            Object::Dictionary(d) => stack.extend(d.iter().map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{layout, Limits};
    use lopdf::{dictionary, Stream};

    /// A one-page file whose font is `/F1`, plus `extra` objects nothing references.
    fn file_with(extra: impl FnOnce(&mut lopdf::Document, ObjectId)) -> Vec<u8> {
        let mut d = lopdf::Document::with_version("1.7");
        let font = d.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        let content = d.add_object(Stream::new(dictionary! {}, b"BT /F1 12 Tf 72 700 Td (Referat) Tj ET".to_vec()));
        let pages = d.new_object_id();
        let page = d.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        d.objects.insert(
            pages,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = d.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        d.trailer.set("Root", catalog);
        extra(&mut d, pages);
        let mut out = Vec::new();
        d.save_to(&mut out).unwrap();
        out
    }

    fn leftover_text(bytes: &[u8]) -> Option<String> {
        let doc = Document::open(bytes, Limits::default()).unwrap();
        let (left, _) = doc.leftovers()?;
        Some((0..left.page_count()).map(|i| layout::page_text(&left.page_content(i)).text).collect())
    }

    #[test]
    fn a_clean_file_has_no_leftovers() {
        assert_eq!(leftover_text(&file_with(|_, _| ())), None);
    }

    #[test]
    fn a_page_dropped_from_the_tree_is_read() {
        let bytes = file_with(|d, pages| {
            let c =
                d.add_object(Stream::new(dictionary! {}, b"BT /F1 12 Tf 72 700 Td (Klage fra borger) Tj ET".to_vec()));
            d.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "Contents" => c });
        });
        assert!(leftover_text(&bytes).unwrap().contains("Klage fra borger"));
    }

    #[test]
    fn a_replaced_content_stream_is_read_with_a_live_page_font() {
        let bytes = file_with(|d, _| {
            d.add_object(Stream::new(dictionary! {}, b"BT /F1 12 Tf 72 700 Td (Klage fra borger) Tj ET".to_vec()));
            // Not content: an unused XMP stream and an image stay out.
            d.add_object(Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, b"<x/>".to_vec()));
        });
        let text = leftover_text(&bytes).unwrap();
        assert!(text.contains("Klage fra borger"), "{text:?}");
        assert!(!text.contains("<x/>"));
    }
}
