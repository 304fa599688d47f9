//! Files inside the PDF: the `/EmbeddedFiles` name tree, associated files (`/AF`, PDF/A-3) and
//! file-attachment annotations.

use super::objects::{dict_of, get_array, get_dict, get_name, get_number, get_text, stream_bytes};
use crate::pdf::limits::Budget;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;

const MAX_TREE_NODES: usize = 20_000;
const MAX_FILES: usize = 1_000;

/// One embedded file.
#[derive(Debug, Clone)]
pub struct EmbeddedFile {
    /// The file's name (`/UF`, `/F` or its name-tree key).
    pub name: String,
    pub description: Option<String>,
    /// The MIME type the PDF declares (`/Subtype`), if any.
    pub mime: Option<String>,
    /// Size in bytes: declared (`/Params /Size`), else the decoded length.
    pub size: Option<u64>,
    /// The decoded content, or why it could not be had.
    pub data: Result<Vec<u8>, String>,
    /// The page of its file-attachment annotation.
    pub page: Option<u32>,
}

/// Every embedded file, each once, with its content decoded up to `max_bytes` (charged to
/// `budget`).
pub fn embedded_files(doc: &Document, pages: &[ObjectId], max_bytes: usize, budget: &Budget) -> Vec<EmbeddedFile> {
    let mut specs: Vec<(&Object, Option<String>, Option<u32>)> = Vec::new();
    if let Ok(catalog) = doc.catalog() {
        if let Some(tree) = get_dict(doc, catalog, b"Names").and_then(|n| get_dict(doc, n, b"EmbeddedFiles")) {
            name_tree_values(doc, tree, &mut specs);
        }
        for spec in get_array(doc, catalog, b"AF").unwrap_or(&[]) {
            specs.push((spec, None, None));
        }
    }
    for (index, &page_id) in pages.iter().enumerate() {
        let Some(page) = doc.get_object(page_id).ok().and_then(|o| dict_of(doc, o)) else { continue };
        for annot in get_array(doc, page, b"Annots").unwrap_or(&[]) {
            let Some(a) = dict_of(doc, annot) else { continue };
            if get_name(doc, a, b"Subtype").as_deref() == Some("FileAttachment") {
                if let Ok(fs) = a.get(b"FS") {
                    specs.push((fs, None, Some(index as u32 + 1)));
                }
            }
        }
    }
    let mut out: Vec<EmbeddedFile> = Vec::new();
    let mut ids: Vec<Option<ObjectId>> = Vec::new();
    for (spec_obj, key, page) in specs {
        if out.len() >= MAX_FILES {
            break;
        }
        let Some(spec) = dict_of(doc, spec_obj) else { continue };
        let Some(ef) = get_dict(doc, spec, b"EF") else { continue };
        let Some(stream_ref) = ef.get(b"UF").or_else(|_| ef.get(b"F")).ok() else { continue };
        // The same file is often both in the name tree and in /AF or an annotation.
        let id = stream_ref.as_reference().ok();
        if let Some(i) = id.and_then(|id| ids.iter().position(|seen| *seen == Some(id))) {
            if let Some(f) = out.get_mut(i) {
                f.page = f.page.or(page);
            }
            continue;
        }
        ids.push(id);
        out.push(read_file(doc, spec, stream_ref, key, page, max_bytes, budget));
    }
    out
}

fn read_file(
    doc: &Document,
    spec: &Dictionary,
    stream_ref: &Object,
    key: Option<String>,
    page: Option<u32>,
    max_bytes: usize,
    budget: &Budget,
) -> EmbeddedFile {
    let name = [&b"UF"[..], b"F", b"Unix", b"DOS"]
        .iter()
        .find_map(|k| get_text(doc, spec, k).filter(|n| !n.trim().is_empty()))
        .or(key)
        .unwrap_or_else(|| "(unnamed)".to_string());
    let description = get_text(doc, spec, b"Desc").filter(|d| !d.trim().is_empty());
    let stream = super::objects::stream_of(doc, stream_ref);
    let mime = stream.and_then(|s| get_name(doc, &s.dict, b"Subtype")).map(|m| m.replace("#2F", "/"));
    let declared = stream
        .and_then(|s| get_dict(doc, &s.dict, b"Params"))
        .and_then(|p| get_number(doc, p, b"Size"))
        .filter(|n| *n >= 0.0)
        .map(|n| n as u64);
    let data = match stream {
        None => Err("its data stream is missing".to_string()),
        Some(s) => stream_bytes(s, max_bytes)
            .and_then(|bytes| budget.charge_decoded(bytes.len()).map(|_| bytes))
            .map_err(|why| format!("its content could not be read: {why}")),
    };
    let size = declared.or_else(|| data.as_ref().ok().map(|d| d.len() as u64));
    EmbeddedFile { name, description, mime, size, data, page }
}

/// The values of a name tree (`/Names [key value …]`, `/Kids`), with their keys.
fn name_tree_values<'a>(
    doc: &'a Document,
    root: &'a Dictionary,
    out: &mut Vec<(&'a Object, Option<String>, Option<u32>)>,
) {
    let mut stack: Vec<&Dictionary> = vec![root];
    let mut visited: HashSet<*const Dictionary> = HashSet::new();
    let mut nodes = 0usize;
    while let Some(node) = stack.pop() {
        nodes += 1;
        if nodes > MAX_TREE_NODES || !visited.insert(node as *const Dictionary) {
            continue;
        }
        if let Some(names) = get_array(doc, node, b"Names") {
            for pair in names.chunks(2) {
                if let [key, value] = pair {
                    let key = super::objects::deref(doc, key).and_then(|k| match k {
                        Object::String(b, _) => Some(super::objects::decode_text(b)),
                        _ => None,
                    });
                    out.push((value, key, None));
                }
            }
        }
        for kid in get_array(doc, node, b"Kids").unwrap_or(&[]).iter().rev() {
            if let Some(k) = dict_of(doc, kid) {
                stack.push(k);
            }
        }
    }
}

/// What an embedded file holds, as far as the scanner is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    /// Plain text; `markup` when tags should be stripped (HTML, XML).
    Text {
        markup: bool,
    },
    /// A format the scanner does not read (images, Office files, archives…).
    Other,
}

/// Tells the kind from the content first (a PDF renamed `.txt` is still a PDF), then the name
/// and declared type, then whether the bytes look like text.
pub fn file_kind(name: &str, mime: Option<&str>, data: &[u8]) -> FileKind {
    let head = &data[..data.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return FileKind::Pdf;
    }
    // Zip (Office files), OLE (old Office, Outlook .msg), images: binary whatever the name says.
    const BINARY_MAGIC: [&[u8]; 7] =
        [b"PK\x03\x04", b"\xD0\xCF\x11\xE0", b"\xFF\xD8\xFF", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*"];
    if BINARY_MAGIC.iter().any(|m| data.starts_with(m)) {
        return FileKind::Other;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let mime = mime.unwrap_or("").trim_start_matches('/').to_ascii_lowercase();
    let markup = matches!(ext.as_str(), "html" | "htm" | "xhtml" | "xml" | "svg")
        || mime.ends_with("/html")
        || mime.ends_with("/xml")
        || mime.ends_with("+xml");
    let texty = markup
        || matches!(ext.as_str(), "txt" | "csv" | "tsv" | "eml" | "json" | "md" | "log" | "ics" | "vcf" | "rtf")
        || mime.starts_with("text/")
        || mime == "message/rfc822"
        || mime == "application/json";
    if texty || looks_like_text(data) {
        let markup = markup || (ext.is_empty() && head.trim_ascii_start().starts_with(b"<"));
        return FileKind::Text { markup };
    }
    FileKind::Other
}

/// No NUL bytes and almost only printable characters in the first 8 kB.
fn looks_like_text(data: &[u8]) -> bool {
    if data.is_empty() {
        return false;
    }
    let head = &data[..data.len().min(8192)];
    if head.contains(&0) {
        return false;
    }
    let text = String::from_utf8_lossy(head);
    let total = text.chars().count().max(1);
    let odd = text.chars().filter(|c| *c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace())).count();
    // Latin-1 text shows up as replacement chars under UTF-8; allow a few of them.
    odd * 20 < total
}

/// Bytes → text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Latin-1.
pub fn decode_file_text(data: &[u8]) -> String {
    if let Some(rest) = data.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = data.strip_prefix(b"\xFF\xFE") {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = data.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => data.iter().map(|&b| b as char).collect(),
    }
}

/// Undoes quoted-printable (`=E6`, soft line breaks `=\n`), for e-mail files that use it.
pub fn decode_quoted_printable(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let rest = &bytes[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(&a), Some(&b)) = (rest.first(), rest.get(1)) {
                if let (Some(h), Some(l)) = (hex(a), hex(b)) {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    decode_file_text(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_kinds() {
        assert_eq!(file_kind("a.txt", None, b"%PDF-1.7\n..."), FileKind::Pdf);
        assert_eq!(file_kind("mail.eml", None, b"From: a"), FileKind::Text { markup: false });
        assert_eq!(file_kind("x.html", None, b"<p>hi"), FileKind::Text { markup: true });
        assert_eq!(file_kind("x", Some("text/plain"), b"\x00\x01"), FileKind::Text { markup: false });
        assert_eq!(file_kind("photo.jpg", Some("image/jpeg"), b"\xFF\xD8\xFF\xE0\x00\x10JFIF"), FileKind::Other);
        assert_eq!(file_kind("noext", None, "Hej Søren\nCPR".as_bytes()), FileKind::Text { markup: false });
        assert_eq!(file_kind("a.docx", None, b"PK\x03\x04\x14\x00\x06\x00"), FileKind::Other);
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        assert_eq!(file_kind("a.xlsx", Some(xlsx), b"PK\x03\x04abc"), FileKind::Other);
        assert_eq!(file_kind("a", Some("/application/xhtml+xml"), b"<p>"), FileKind::Text { markup: true });
    }

    #[test]
    fn decodes_text_files() {
        assert_eq!(decode_file_text(b"S\xF8ren"), "Søren");
        assert_eq!(decode_file_text("Søren".as_bytes()), "Søren");
        assert_eq!(decode_file_text(b"\xFF\xFEa\x00b\x00"), "ab");
        assert_eq!(decode_quoted_printable("S=C3=B8ren =\nJensen"), "Søren Jensen");
    }
}
