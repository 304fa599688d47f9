//! Small PDFs built in code for the tests of the extras (metadata, annotations, embedded files,
//! revisions), so the tests need no tools and no fixture files.

use lopdf::{dictionary, Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, StringFormat};

pub fn text(s: &str) -> Object {
    lopdf::text_string(s)
}

/// A document with `pages.len()` pages, each showing its lines in Helvetica.
pub struct Builder {
    pub doc: Document,
    pub page_ids: Vec<ObjectId>,
    pub catalog_id: ObjectId,
}

impl Builder {
    pub fn new(pages: &[&[&str]]) -> Builder {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
        });
        let mut page_ids = Vec::new();
        for lines in pages {
            let mut ops = String::from("BT /F1 12 Tf 72 760 Td 14 TL\n");
            for l in *lines {
                ops.push_str(&format!("({}) Tj T*\n", l.replace('(', "\\(").replace(')', "\\)")));
            }
            ops.push_str("ET\n");
            let content = doc.add_object(Stream::new(dictionary! {}, ops.into_bytes()));
            let page = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Contents" => content,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            });
            page_ids.push(page);
        }
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => page_ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
                "Count" => page_ids.len() as i64,
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        Builder { doc, page_ids, catalog_id }
    }

    pub fn catalog(&mut self) -> &mut Dictionary {
        self.doc.get_object_mut(self.catalog_id).and_then(Object::as_dict_mut).expect("catalog")
    }

    pub fn set_info(&mut self, fields: &[(&str, &str)]) {
        let mut info = Dictionary::new();
        for (k, v) in fields {
            info.set(*k, text(v));
        }
        let id = self.doc.add_object(info);
        self.doc.trailer.set("Info", id);
    }

    pub fn set_xmp(&mut self, xml: &str) {
        let id = self
            .doc
            .add_object(Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xml.as_bytes().to_vec()));
        self.catalog().set("Metadata", id);
    }

    /// Adds an annotation to page `index` (0-based); returns its id.
    pub fn add_annotation(&mut self, index: usize, annot: Dictionary) -> ObjectId {
        let id = self.doc.add_object(annot);
        let page = self.page_ids[index];
        let page = self.doc.get_object_mut(page).and_then(Object::as_dict_mut).expect("page");
        match page.get_mut(b"Annots") {
            Ok(Object::Array(a)) => a.push(Object::Reference(id)),
            _ => page.set("Annots", vec![Object::Reference(id)]),
        }
        id
    }

    /// An embedded-file stream and its file specification; returns the file specification's id.
    pub fn file_spec(&mut self, name: &str, data: &[u8]) -> ObjectId {
        let mut stream = Stream::new(
            dictionary! { "Type" => "EmbeddedFile", "Params" => dictionary! { "Size" => data.len() as i64 } },
            data.to_vec(),
        );
        let _ = stream.compress();
        let ef = self.doc.add_object(stream);
        self.doc.add_object(dictionary! {
            "Type" => "Filespec", "F" => text(name), "UF" => text(name), "EF" => dictionary! { "F" => ef },
        })
    }

    /// Puts file specifications in the document's `/EmbeddedFiles` name tree.
    pub fn embed(&mut self, files: &[(&str, ObjectId)]) {
        let mut names = Vec::new();
        for (name, spec) in files {
            names.push(Object::String(name.as_bytes().to_vec(), StringFormat::Literal));
            names.push(Object::Reference(*spec));
        }
        let tree = self.doc.add_object(dictionary! { "Names" => names });
        self.catalog().set("Names", dictionary! { "EmbeddedFiles" => tree });
    }

    pub fn bytes(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        self.doc.save_to(&mut out).expect("save");
        out
    }
}

/// Appends an incremental update to `bytes` that sets each given object.
pub fn append_update(bytes: &[u8], objects: Vec<(ObjectId, Object)>) -> Vec<u8> {
    let prev = Document::load_mem(bytes).expect("load previous");
    let mut inc = IncrementalDocument::create_from(bytes.to_vec(), prev);
    for (id, obj) in objects {
        inc.new_document.set_object(id, obj);
    }
    let mut out = Vec::new();
    inc.save_to(&mut out).expect("save update");
    out
}

/// A page content stream showing `lines`, for an update that rewrites a page.
pub fn content_stream(lines: &[&str]) -> Object {
    let mut ops = String::from("BT /F1 12 Tf 72 760 Td 14 TL\n");
    for l in lines {
        ops.push_str(&format!("({l}) Tj T*\n"));
    }
    ops.push_str("ET\n");
    Object::Stream(Stream::new(dictionary! {}, ops.into_bytes()))
}
