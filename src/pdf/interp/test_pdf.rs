//! A small PDF builder for the interpreter's tests.

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream};

/// Builds small PDFs: one test font `/F1`, pages with content and resources.
pub(crate) struct PdfBuilder {
    pub doc: lopdf::Document,
    pages_id: ObjectId,
    pub kids: Vec<Object>,
    pub font_id: ObjectId,
    /// Extra entries for the catalog.
    pub catalog: Dictionary,
}

impl PdfBuilder {
    pub fn new() -> PdfBuilder {
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor", "FontName" => "TestSans", "Flags" => 32,
            "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "ItalicAngle" => 0, "StemV" => 80,
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
        });
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "TestSans",
            "FirstChar" => 32, "LastChar" => 126,
            "Widths" => (32..=126).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
            "Encoding" => "WinAnsiEncoding", "FontDescriptor" => descriptor,
        });
        PdfBuilder { doc, pages_id, kids: Vec::new(), font_id, catalog: Dictionary::new() }
    }

    pub fn resources(&self) -> Dictionary {
        dictionary! { "Font" => dictionary! { "F1" => self.font_id } }
    }

    pub fn stream(&mut self, dict: Dictionary, content: &[u8]) -> ObjectId {
        self.doc.add_object(Stream::new(dict, content.to_vec()))
    }

    pub fn form(&mut self, content: &[u8], extra: Dictionary) -> ObjectId {
        let mut dict = dictionary! { "Type" => "XObject", "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()] };
        for (k, v) in extra.iter() {
            dict.set(k.clone(), v.clone());
        }
        self.stream(dict, content)
    }

    pub fn page(&mut self, content: &[u8], resources: Dictionary) -> ObjectId {
        self.page_with(content, resources, Dictionary::new())
    }

    pub fn page_with(&mut self, content: &[u8], resources: Dictionary, extra: Dictionary) -> ObjectId {
        let contents = self.stream(Dictionary::new(), content);
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => self.pages_id, "Contents" => contents, "Resources" => resources,
        };
        for (k, v) in extra.iter() {
            page.set(k.clone(), v.clone());
        }
        let id = self.doc.add_object(page);
        self.kids.push(id.into());
        id
    }

    pub fn finish(self) -> Vec<u8> {
        self.finish_with(|_| {})
    }
}

impl PdfBuilder {
    /// `finish`, letting the test change the root page tree node first.
    pub fn finish_with(mut self, change: impl FnOnce(&mut Dictionary)) -> Vec<u8> {
        let n = self.kids.len() as i64;
        let mut pages = dictionary! { "Type" => "Pages", "Kids" => std::mem::take(&mut self.kids), "Count" => n,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] };
        change(&mut pages);
        self.doc.objects.insert(self.pages_id, Object::Dictionary(pages));
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => self.pages_id };
        for (k, v) in self.catalog.iter() {
            catalog.set(k.clone(), v.clone());
        }
        let catalog = self.doc.add_object(catalog);
        self.doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        self.doc.save_to(&mut out).unwrap();
        out
    }
}
