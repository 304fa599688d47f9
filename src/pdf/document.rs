//! Opening a PDF and finding its pages.

use super::content::PageContent;
use super::font::Font;
use super::geom::Rect;
use super::limits::{Budget, Limits};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, Mutex};

/// Why a file could not be opened at all. `Display` gives a sentence for the report.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Encrypted, and the empty user password does not open it.
    PasswordRequired,
    /// Not a PDF, or too broken to repair.
    Malformed(String),
    /// A limit was hit before any page could be read.
    Limit(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::PasswordRequired => {
                write!(f, "the file is encrypted and needs a password to open; it was not checked")
            }
            OpenError::Malformed(why) => write!(f, "the file could not be read as a PDF: {why}"),
            OpenError::Limit(why) => write!(f, "the file was not checked: {why}"),
        }
    }
}

/// One page as found in the page tree, with the attributes it inherits.
#[derive(Debug, Clone)]
pub(crate) struct PageInfo {
    pub id: ObjectId,
    /// The page tree node whose `/Resources` apply to this page (the page itself or an ancestor).
    pub resources_owner: Option<ObjectId>,
    pub media_box: Rect,
    pub crop_box: Option<Rect>,
    /// `/Rotate` normalised to 0, 90, 180 or 270.
    pub rotate: u16,
}

impl PageInfo {
    /// The visible page box: CropBox clipped to MediaBox, else MediaBox.
    pub fn visible_box(&self) -> Rect {
        self.crop_box.and_then(|c| c.intersection(&self.media_box)).unwrap_or(self.media_box)
    }
}

/// An opened PDF. `Sync`: pages may be read in parallel.
pub struct Document {
    pub(crate) inner: lopdf::Document,
    pub(crate) pages: Vec<PageInfo>,
    pub(crate) budget: Budget,
    /// Loaded fonts by their font dictionary's object, shared by all pages.
    pub(crate) fonts: Mutex<HashMap<ObjectId, Arc<Font>>>,
    /// Optional content groups (layers) that are off when the file is opened.
    pub(crate) layers_off: HashSet<ObjectId>,
    /// File-level reasons the file was not fully read (broken page tree, …).
    pub problems: Vec<String>,
}

/// Deepest page tree we follow; real trees are a handful of levels deep.
const MAX_TREE_DEPTH: usize = 256;

/// US Letter, the default when a page has no usable `/MediaBox`.
const DEFAULT_MEDIA_BOX: Rect = Rect { x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0 };

impl Document {
    /// Opens a PDF from its bytes. Decrypts with the empty password when needed.
    pub fn open(bytes: &[u8], limits: Limits) -> Result<Document, OpenError> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(OpenError::Malformed("the file is empty".to_string()));
        }
        let budget = Budget::new(limits);
        let mut no_catalog = false;
        let inner = match load(bytes, &budget.limits, false) {
            Ok(doc) => doc,
            Err(OpenError::PasswordRequired) => return Err(OpenError::PasswordRequired),
            Err(first) => match load(bytes, &budget.limits, true) {
                Ok(doc) => doc,
                Err(_) => {
                    no_catalog = true;
                    load_without_catalog(bytes, &budget.limits).ok_or_else(|| explain_unreadable(bytes, first))?
                }
            },
        };
        if inner.trailer.has(b"Encrypt") {
            return Err(OpenError::PasswordRequired);
        }
        let mut doc = Document {
            inner,
            pages: Vec::new(),
            budget,
            fonts: Mutex::new(HashMap::new()),
            layers_off: HashSet::new(),
            problems: Vec::new(),
        };
        doc.find_pages(bytes);
        if no_catalog {
            doc.problems = vec![
                "the file has no readable document catalog or trailer (it may be cut off); pages were looked for by scanning the file".to_string(),
            ];
        }
        if doc.pages.is_empty()
            && !no_catalog
            && doc.inner.xref_recovery != Some(lopdf::xref::XrefRecovery::Reconstructed)
        {
            // The cross-reference data may read fine yet point at the wrong objects.
            if let Ok(rebuilt) = load(bytes, &doc.budget.limits, true) {
                doc.inner = rebuilt;
                doc.problems.clear();
                doc.find_pages(bytes);
            }
        }
        if !no_catalog && super::extras::revisions::cut_inside_object(bytes) {
            doc.note(
                "the file ends inside an object (cut off, or a save was interrupted); what it held and anything after it is missing".to_string(),
            );
        }
        doc.layers_off = super::interp::layers_off(&doc.inner);
        if doc.pages.is_empty() {
            let why = if no_catalog {
                "it has no readable document catalog or trailer (it may be cut off), and no pages were found in it"
                    .to_string()
            } else {
                doc.problems.first().cloned().unwrap_or_else(|| "no pages were found in it".to_string())
            };
            return Err(OpenError::Malformed(why));
        }
        Ok(doc)
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Everything painted on page `index` (0-based). Never panics; problems are in `problems`.
    pub fn page_content(&self, index: usize) -> PageContent {
        super::interp::interpret_page(self, index)
    }

    /// The underlying lopdf document, for metadata, annotations and other non-page content.
    pub fn lopdf(&self) -> &lopdf::Document {
        &self.inner
    }

    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    /// The page objects in page order.
    pub fn page_ids(&self) -> Vec<ObjectId> {
        self.pages.iter().map(|p| p.id).collect()
    }

    /// The page object of page `index` (0-based), for code that reads page dictionaries itself.
    pub fn page_id(&self, index: usize) -> Option<ObjectId> {
        self.pages.get(index).map(|p| p.id)
    }

    /// The font for the font dictionary object `id`, loaded once per document.
    pub(crate) fn font(&self, id: ObjectId, dict: &Dictionary) -> Arc<Font> {
        if let Some(f) = self.fonts.lock().unwrap_or_else(|e| e.into_inner()).get(&id) {
            return f.clone();
        }
        // Loaded without the lock held, so pages read in parallel do not wait on each other;
        // two threads may load the same font once each, which is harmless.
        let font = Arc::new(Font::load(&self.inner, dict, &self.budget));
        self.fonts.lock().unwrap_or_else(|e| e.into_inner()).entry(id).or_insert(font).clone()
    }

    fn note(&mut self, problem: String) {
        if self.problems.len() < 20 && !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    /// Walks the page tree iteratively: cycles, absurd depth and `/Count` cannot make it loop.
    /// `bytes` are the file's, to say why an object lopdf dropped is missing.
    fn find_pages(&mut self, bytes: &[u8]) {
        let root = self.inner.catalog().ok().and_then(|c| c.get(b"Pages").ok()).and_then(|o| o.as_reference().ok());
        let Some(root) = root else {
            self.note("the document catalog has no page tree".to_string());
            self.find_pages_by_scanning();
            return;
        };
        let max_pages = self.budget.limits.max_pages;
        let start = Inherited { resources_owner: None, media_box: None, crop_box: None, rotate: 0 };
        let mut stack = vec![(root, start, 0usize)];
        let mut visited_nodes = HashSet::new();
        let mut pages = Vec::new();
        let mut problems = Vec::new();
        while let Some((id, inherited, depth)) = stack.pop() {
            let Ok(dict) = self.inner.get_dictionary(id) else {
                problems.push(self.unreadable_object(bytes, id, "a page tree entry"));
                continue;
            };
            let here = inherited.apply(&self.inner, id, dict);
            let is_page = match dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) {
                Some(b"Page") => true,
                Some(b"Pages") => false,
                _ => !dict.has(b"Kids"),
            };
            if is_page {
                if pages.len() >= max_pages {
                    problems.push(format!("the file has more than {max_pages} pages; the rest were not read"));
                    break;
                }
                pages.push(here.page(id));
                continue;
            }
            if !visited_nodes.insert(id) {
                problems.push("the page tree contains a cycle; the repeated part was skipped".to_string());
                continue;
            }
            if depth >= MAX_TREE_DEPTH {
                problems.push(format!(
                    "the page tree is deeper than {MAX_TREE_DEPTH} levels; the deeper pages were not read"
                ));
                continue;
            }
            let kids = dict.get(b"Kids").map(|k| deref(&self.inner, k));
            let Ok(Object::Array(kids)) = kids else {
                problems.push(format!("a page tree node (object {} {}) has no list of pages", id.0, id.1));
                continue;
            };
            for kid in kids.iter().rev() {
                match kid {
                    Object::Reference(kid_id) => stack.push((*kid_id, here.clone(), depth + 1)),
                    // Some writers leave null entries behind; they stand for nothing.
                    Object::Null => {}
                    _ => problems.push("a page tree node lists a page that is not an object reference".to_string()),
                }
            }
        }
        self.pages = pages;
        for p in problems {
            self.note(p);
        }
        if self.pages.is_empty() {
            self.find_pages_by_scanning();
        }
    }

    /// Why object `id` is missing: lopdf drops an object nested deeper than its parser goes.
    fn unreadable_object(&self, bytes: &[u8], id: ObjectId, what: &str) -> String {
        let offset = match self.inner.reference_table.get(id.0) {
            Some(lopdf::xref::XrefEntry::Normal { offset, .. }) => Some(*offset as usize),
            _ => None,
        };
        match offset.and_then(|o| bytes.get(o..)) {
            Some(object) if nesting_depth(object) > LOPDF_MAX_NESTING => format!(
                "{what} (object {} {}) nests arrays or dictionaries more than {LOPDF_MAX_NESTING} levels deep, too deep to read",
                id.0, id.1
            ),
            _ => format!("{what} (object {} {}) is missing or broken", id.0, id.1),
        }
    }

    /// A page's attributes for a page not reached through the page tree: inherited attributes
    /// come down its `/Parent` chain, outermost first.
    pub(crate) fn page_info_by_parents(&self, id: ObjectId, dict: &Dictionary) -> PageInfo {
        let mut chain = vec![(id, dict)];
        let mut parent = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
        while let Some(pid) = parent {
            if chain.len() > MAX_TREE_DEPTH || chain.iter().any(|(c, _)| *c == pid) {
                break;
            }
            let Ok(pd) = self.inner.get_dictionary(pid) else { break };
            chain.push((pid, pd));
            parent = pd.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
        }
        let mut inh = Inherited { resources_owner: None, media_box: None, crop_box: None, rotate: 0 };
        for (cid, cd) in chain.iter().rev() {
            inh = inh.apply(&self.inner, *cid, cd);
        }
        inh.page(id)
    }

    /// Last resort for a broken page tree: every `/Type /Page` object, in object order.
    fn find_pages_by_scanning(&mut self) {
        let max_pages = self.budget.limits.max_pages;
        let mut pages = Vec::new();
        for (id, obj) in &self.inner.objects {
            let Object::Dictionary(dict) = obj else { continue };
            if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Page") {
                continue;
            }
            if pages.len() >= max_pages {
                break;
            }
            pages.push(self.page_info_by_parents(*id, dict));
        }
        if !pages.is_empty() {
            self.note(
                "the page tree is broken; pages were found by scanning the file, so their order may differ".to_string(),
            );
        }
        self.pages = pages;
    }
}

fn load(bytes: &[u8], limits: &Limits, force_reconstruct: bool) -> Result<lopdf::Document, OpenError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        strict: false,
        force_reconstruct,
        filter: Some(slim),
        ..lopdf::LoadOptions::default()
    };
    lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => OpenError::Limit(format!(
            "an object stream decodes to more than {} MB, the limit per stream",
            limits.max_stream_bytes >> 20
        )),
        lopdf::Error::InvalidPassword => OpenError::PasswordRequired,
        other => OpenError::Malformed(other.to_string()),
    })
}

/// Called by lopdf on each object as it is parsed, to keep a big file's objects small: nothing
/// reads the bytes of images or of TrueType/CFF font programs (only their boxes and dictionaries
/// matter), and parsed arrays carry up to twice the capacity they use. On a 28 MB file of 32,000
/// objects this is a third of the peak memory.
///
/// lopdf keeps `object` itself for an object stored on its own and the returned copy for one
/// stored in an object stream; a stream is never stored in an object stream, so a stream needs no
/// copy.
fn slim(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        if stream_bytes_unused(&stream.dict, &stream.content) {
            // Not empty: lopdf re-reads an empty stream's bytes from the file.
            stream.content = vec![b' '];
        }
        stream.content.shrink_to_fit();
        stream.dict.iter_mut().for_each(|(_, v)| shrink(v, 0));
        return Some((id, Object::Null));
    }
    shrink(object, 0);
    Some((id, object.clone()))
}

/// Images and font programs other than Type 1 (whose built-in encoding `fontfile` reads).
fn stream_bytes_unused(dict: &Dictionary, content: &[u8]) -> bool {
    match dict.get(b"Subtype").and_then(Object::as_name) {
        Ok(b"Image" | b"Type1C" | b"CIDFontType0C" | b"OpenType") => true,
        Ok(_) => false,
        // A TrueType program (`/FontFile2`) has `/Length1` and no `/Length2`, but so does every
        // ToUnicode CMap jsPDF writes: dropping that one loses all the font's text, so the bytes
        // themselves must say TrueType.
        Err(_) => {
            dict.has(b"Length1")
                && !dict.has(b"Length2")
                && !dict.has(b"Type")
                && starts_like_font_program(dict, content)
        }
    }
}

/// Whether the stream's first decoded bytes are a TrueType/OpenType header. Only unfiltered and
/// plain Flate streams are looked at (four bytes inflated); anything else counts as "maybe text".
fn starts_like_font_program(dict: &Dictionary, content: &[u8]) -> bool {
    use std::io::Read;
    let filter = match dict.get(b"Filter") {
        Err(_) => None,
        Ok(Object::Name(n)) => Some(n.as_slice()),
        Ok(Object::Array(a)) if a.len() == 1 => a.first().and_then(|f| f.as_name().ok()),
        Ok(_) => return false,
    };
    let mut head = [0u8; 4];
    let read = match filter {
        None => content.get(..4).map(|h| head.copy_from_slice(h)).is_some(),
        Some(b"FlateDecode") if !dict.has(b"DecodeParms") => {
            flate2::read::ZlibDecoder::new(content).read_exact(&mut head).is_ok()
        }
        Some(_) => false,
    };
    read && matches!(&head, b"\x00\x01\x00\x00" | b"true" | b"typ1" | b"OTTO" | b"ttcf")
}

fn shrink(object: &mut Object, depth: usize) {
    if depth > MAX_SHRINK_DEPTH {
        return;
    }
    match object {
        Object::Array(items) => {
            items.shrink_to_fit();
            items.iter_mut().for_each(|o| shrink(o, depth + 1));
        }
        Object::Dictionary(dict) => dict.iter_mut().for_each(|(_, v)| shrink(v, depth + 1)),
        Object::Name(bytes) | Object::String(bytes, _) => bytes.shrink_to_fit(),
        _ => {}
    }
}

/// lopdf stops parsing far shallower than this; the bound only guards the recursion.
const MAX_SHRINK_DEPTH: usize = 512;

/// lopdf's parser gives up on (and drops) objects nested deeper than this, so loading cannot
/// overflow the stack (`lopdf::reader::MAX_NESTING_DEPTH`, private to lopdf).
const LOPDF_MAX_NESTING: usize = 100;

/// Deepest nesting of `[` and `<<` in the object that `object` starts with (up to its `stream`
/// or `endobj`), stopping once past `LOPDF_MAX_NESTING`. Brackets inside strings count too: this
/// only words an error message.
fn nesting_depth(object: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = object;
    while let Some((&b, tail)) = rest.split_first() {
        let next = tail.first().copied();
        match (b, next) {
            (b'[', _) => depth += 1,
            (b'<', Some(b'<')) => {
                depth += 1;
                rest = tail;
            }
            (b']', _) => depth = depth.saturating_sub(1),
            (b'>', Some(b'>')) => {
                depth = depth.saturating_sub(1);
                rest = tail;
            }
            _ if rest.starts_with(b"endobj") || rest.starts_with(b"stream") => break,
            _ => {}
        }
        deepest = deepest.max(depth);
        if deepest > LOPDF_MAX_NESTING {
            break;
        }
        rest = rest.get(1..).unwrap_or_default();
    }
    deepest
}

/// A load error in words a reader understands, when the cause is plain from the bytes.
fn explain_unreadable(bytes: &[u8], error: OpenError) -> OpenError {
    let has_header = bytes.windows(5).take(1024).any(|w| w == b"%PDF-");
    match error {
        OpenError::Malformed(_) if !has_header => OpenError::Malformed(
            "it does not start with a PDF header (%PDF-), so it is not a PDF or is damaged".to_string(),
        ),
        other => other,
    }
}

/// Object number of the stand-in catalog `load_without_catalog` inserts: the highest lopdf's
/// object scan accepts, so it cannot shadow a real object that comes later in the file.
const STAND_IN_CATALOG: u32 = 999_999;

/// Last resort for a file cut off before its catalog and trailer (a truncated download): with a
/// stand-in catalog and trailer inserted after the header (not at the end, where an unfinished
/// stream would swallow them), lopdf's object scan loads the objects that survived, and
/// `find_pages_by_scanning` finds the pages among them.
fn load_without_catalog(bytes: &[u8], limits: &Limits) -> Option<lopdf::Document> {
    let header = bytes.windows(5).take(1024).position(|w| w == b"%PDF-")?;
    let line_end = header + bytes.get(header..)?.iter().position(|&b| b == b'\n' || b == b'\r')?;
    let mut patched = Vec::with_capacity(bytes.len() + 128);
    patched.extend_from_slice(bytes.get(..line_end)?);
    patched.extend_from_slice(
        format!(
            "\n{STAND_IN_CATALOG} 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root {STAND_IN_CATALOG} 0 R >>\n"
        )
        .as_bytes(),
    );
    patched.extend_from_slice(bytes.get(line_end..)?);
    let doc = load(&patched, limits, true).ok()?;
    (!doc.trailer.has(b"Encrypt")).then_some(doc)
}

/// Page attributes inherited down the page tree.
#[derive(Debug, Clone)]
struct Inherited {
    resources_owner: Option<ObjectId>,
    media_box: Option<Rect>,
    crop_box: Option<Rect>,
    rotate: i64,
}

impl Inherited {
    fn apply(&self, doc: &lopdf::Document, id: ObjectId, dict: &Dictionary) -> Inherited {
        let mut out = self.clone();
        if dict.has(b"Resources") {
            out.resources_owner = Some(id);
        }
        if let Some(r) = dict_get(doc, dict, b"MediaBox").and_then(|o| rect_of(doc, o)) {
            out.media_box = Some(r);
        }
        if let Some(r) = dict_get(doc, dict, b"CropBox").and_then(|o| rect_of(doc, o)) {
            out.crop_box = Some(r);
        }
        if let Some(r) = dict_get(doc, dict, b"Rotate").and_then(number) {
            out.rotate = r as i64;
        }
        out
    }

    fn page(&self, id: ObjectId) -> PageInfo {
        let quarter = (self.rotate.rem_euclid(360) + 45) / 90 % 4;
        PageInfo {
            id,
            resources_owner: self.resources_owner,
            media_box: self.media_box.filter(|r| r.area() > 0.0).unwrap_or(DEFAULT_MEDIA_BOX),
            crop_box: self.crop_box,
            rotate: (quarter * 90) as u16,
        }
    }
}

static NULL: Object = Object::Null;

/// Follows references (a bounded number of times); `Null` for anything missing.
pub(crate) fn deref<'d>(doc: &'d lopdf::Document, obj: &'d Object) -> &'d Object {
    let mut obj = obj;
    for _ in 0..16 {
        match obj {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(o) => obj = o,
                None => return &NULL,
            },
            _ => return obj,
        }
    }
    &NULL
}

/// `dict[key]` with references followed; `None` when missing or null.
pub(crate) fn dict_get<'d>(doc: &'d lopdf::Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    dict.get(key).ok().map(|o| deref(doc, o)).filter(|o| !matches!(o, Object::Null))
}

pub(crate) fn number(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A rectangle from a `[x0 y0 x1 y1]` array, normalised.
pub(crate) fn rect_of(doc: &lopdf::Document, obj: &Object) -> Option<Rect> {
    let Object::Array(a) = deref(doc, obj) else { return None };
    let mut v = [0f32; 4];
    if a.len() < 4 {
        return None;
    }
    for (slot, o) in v.iter_mut().zip(a) {
        *slot = number(deref(doc, o))?;
    }
    Some(Rect::new(v[0], v[1], v[2], v[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sync<T: Sync + Send>() {}

    #[test]
    fn document_is_sync() {
        assert_sync::<Document>();
    }

    fn stream(dict: Vec<(&str, Object)>) -> Object {
        let dict = Dictionary::from_iter(dict.into_iter().map(|(k, v)| (k.as_bytes().to_vec(), v)));
        Object::Stream(lopdf::Stream::new(dict, b"BT (Jens) Tj ET".to_vec()))
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn content_after_slim(mut object: Object) -> Vec<u8> {
        assert!(slim((1, 0), &mut object).is_some(), "slim never drops an object");
        object.as_stream().unwrap().content.clone()
    }

    #[test]
    fn slim_drops_only_bytes_nobody_reads() {
        let name = |n: &str| Object::Name(n.as_bytes().to_vec());
        assert_eq!(content_after_slim(stream(vec![("Subtype", name("Image"))])), b" ");
        assert_eq!(content_after_slim(stream(vec![("Subtype", name("Type1C"))])), b" ");
        let mut ttf = stream(vec![("Length1", 9.into())]);
        ttf.as_stream_mut().unwrap().content = b"\x00\x01\x00\x00\x00\x0fglyf".to_vec();
        assert_eq!(content_after_slim(ttf), b" ");
        let mut deflated = stream(vec![("Length1", 9.into()), ("Filter", name("FlateDecode"))]);
        deflated.as_stream_mut().unwrap().content = zlib(b"true\x00\x0fglyf");
        assert_eq!(content_after_slim(deflated), b" ");
        // Content streams, Form XObjects, Type 1 programs and embedded files are read.
        for kept in [
            stream(vec![]),
            stream(vec![("Subtype", name("Form"))]),
            stream(vec![("Length1", 9.into()), ("Length2", 9.into())]),
            stream(vec![("Type", name("EmbeddedFile")), ("Length1", 9.into())]),
            // jsPDF gives its ToUnicode CMaps `/Length1` too.
            stream(vec![("Length1", 9.into())]),
        ] {
            assert_eq!(content_after_slim(kept), b"BT (Jens) Tj ET");
        }
        let mut cmap = stream(vec![("Length1", 9.into()), ("Filter", name("FlateDecode"))]);
        let deflated = zlib(b"/CIDInit /ProcSet findresource begin");
        cmap.as_stream_mut().unwrap().content = deflated.clone();
        assert_eq!(content_after_slim(cmap), deflated);
    }

    #[test]
    fn slim_returns_an_equal_copy_of_other_objects() {
        let mut items = Vec::with_capacity(64);
        items.extend([Object::Integer(1), Object::Name(b"Widths".to_vec())]);
        let mut object = Object::Array(items.clone());
        let (_, copy) = slim((7, 0), &mut object).unwrap();
        assert_eq!(copy, Object::Array(items.clone()));
        assert_eq!(object, Object::Array(items));
        assert_eq!(object.as_array().unwrap().capacity(), 2);
    }
}
