//! Document metadata: the Info dictionary and the XMP stream, as one text per field.
//!
//! XMP is RDF/XML. A full XML parser buys little here: we want each property's text, whether it is
//! written as an element (`<dc:creator><rdf:Seq><rdf:li>…`) or as an attribute
//! (`<rdf:Description pdf:Producer="…">`). A tolerant scan handles both and survives the
//! truncated or non-conforming packets real producers write.

use super::objects::{decode_text, get, get_dict, stream_bytes, stream_of};
use super::ExtraText;
use lopdf::{Document, Object};

/// Info keys that hold dates or flags, not text a person wrote.
const INFO_SKIP: [&[u8]; 3] = [b"CreationDate", b"ModDate", b"Trapped"];

/// XMP namespaces that carry ids, history, fonts and PDF/A schema descriptions, not content.
const XMP_SKIP_PREFIXES: [&str; 17] = [
    "rdf",
    "x",
    "xml",
    "xmlns",
    "xmpMM",
    "stEvt",
    "stRef",
    "stFnt",
    "stDim",
    "xmpG",
    "xmpTPg",
    "pdfaid",
    "pdfaExtension",
    "pdfaSchema",
    "pdfaProperty",
    "pdfaType",
    "pdfaField",
];

const MAX_XMP_BYTES: usize = 4 << 20;
const MAX_FIELDS: usize = 500;
const MAX_VALUE_CHARS: usize = 65_536;

/// Every text field of the Info dictionary and the document's XMP packet. An XMP value equal to
/// an Info value is left out (producers mirror Author into dc:creator), so one leak is one finding.
pub fn metadata_texts(doc: &Document) -> Vec<ExtraText> {
    let mut out = info_texts(doc);
    for (field, value) in xmp_fields(doc) {
        if out.len() >= MAX_FIELDS {
            break;
        }
        if out.iter().any(|t| same_text(&t.text, &value)) {
            continue;
        }
        out.push(meta(format!("XMP {field}"), value));
    }
    out
}

fn meta(location: String, text: String) -> ExtraText {
    ExtraText { source: "metadata", page: None, location, text, bbox: None }
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn info_texts(doc: &Document) -> Vec<ExtraText> {
    let Some(info) = get_dict(doc, &doc.trailer, b"Info") else { return Vec::new() };
    let mut out = Vec::new();
    for (key, _) in info.iter().take(MAX_FIELDS) {
        if INFO_SKIP.contains(&key.as_slice()) {
            continue;
        }
        let value = match get(doc, info, key) {
            Some(Object::String(bytes, _)) => decode_text(bytes),
            _ => continue,
        };
        if value.trim().is_empty() {
            continue;
        }
        let value = super::objects::clip(&value, MAX_VALUE_CHARS).to_string();
        out.push(meta(String::from_utf8_lossy(key).into_owned(), value));
    }
    out
}

/// `(property, value)` for each text property of the catalog's XMP packet.
pub fn xmp_fields(doc: &Document) -> Vec<(String, String)> {
    let Ok(catalog) = doc.catalog() else { return Vec::new() };
    let Some(stream) = catalog.get(b"Metadata").ok().and_then(|o| stream_of(doc, o)) else { return Vec::new() };
    let Ok(bytes) = stream_bytes(stream, MAX_XMP_BYTES) else { return Vec::new() };
    parse_xmp(&String::from_utf8_lossy(&bytes))
}

/// The tolerant XMP scan (see the module comment).
pub fn parse_xmp(xml: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    let add = |fields: &mut Vec<(String, String)>, name: &str, value: &str| {
        let value = super::objects::decode_entities(value.trim());
        if fields.len() >= MAX_FIELDS || !wanted(name) || !is_content(&value) {
            return;
        }
        let value = super::objects::clip(&value, MAX_VALUE_CHARS).to_string();
        // Repeated items of one property (several dc:creator entries) become one field.
        if let Some((_, v)) = fields.iter_mut().rev().find(|(n, _)| n == name) {
            if !v.split("; ").any(|part| part == value) {
                v.push_str("; ");
                v.push_str(&value);
            }
        } else {
            fields.push((name.to_string(), value));
        }
    };
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !text.trim().is_empty() {
            if let Some(owner) = stack.iter().rev().find(|n| !n.starts_with("rdf:")) {
                add(&mut fields, &owner.clone(), text);
            }
        }
        let tag = &rest[lt..];
        if let Some(body) = tag.strip_prefix("<![CDATA[") {
            let end = body.find("]]>").unwrap_or(body.len());
            if let Some(owner) = stack.iter().rev().find(|n| !n.starts_with("rdf:")) {
                add(&mut fields, &owner.clone(), &body[..end]);
            }
            rest = body.get(end + 3..).unwrap_or("");
            continue;
        }
        let skip_to = |marker: &str, from: &str| from.find(marker).map(|i| i + marker.len());
        if tag.starts_with("<?") || tag.starts_with("<!--") || tag.starts_with("<!") {
            let marker = if tag.starts_with("<?") {
                "?>"
            } else if tag.starts_with("<!--") {
                "-->"
            } else {
                ">"
            };
            rest = skip_to(marker, tag).and_then(|i| tag.get(i..)).unwrap_or("");
            continue;
        }
        let Some(gt) = tag.find('>') else { break };
        let inner = &tag[1..gt];
        rest = &tag[gt + 1..];
        if let Some(name) = inner.strip_prefix('/') {
            let name = name.trim();
            if let Some(pos) = stack.iter().rposition(|n| n == name) {
                stack.truncate(pos);
            }
            continue;
        }
        let self_closing = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
        let name = &inner[..name_end];
        for (attr, value) in attributes(&inner[name_end..]) {
            add(&mut fields, attr, value);
        }
        if !self_closing && stack.len() < 64 {
            stack.push(name.to_string());
        }
    }
    fields
}

/// `name="value"` pairs of a start tag.
fn attributes(mut s: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    while let Some(eq) = s.find('=') {
        let name = s[..eq].trim();
        let after = s[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { break };
        let body = &after[1..];
        let Some(end) = body.find(quote) else { break };
        out.push((name, &body[..end]));
        s = &body[end + 1..];
    }
    out
}

fn wanted(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, _)) => !XMP_SKIP_PREFIXES.contains(&prefix),
        None => false,
    }
}

/// Dates, numbers and ids are not text a person could leak through.
fn is_content(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if ["uuid:", "xmp.did:", "xmp.iid:", "adobe:docid:"].iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    !v.chars().all(|c| c.is_ascii_digit() || "-:T+Z. ,/".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_and_attributes() {
        let xmp = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="Microsoft&#174; Word" pdf:Keywords="Jens Hansen">
<dc:creator><rdf:Seq><rdf:li>Hanne Jensen</rdf:li><rdf:li>Ole Bo</rdf:li></rdf:Seq></dc:creator>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Klage fra borger</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>2024-03-01T10:00:00+01:00</xmp:CreateDate>
<xmpMM:DocumentID>uuid:1234</xmpMM:DocumentID>
<xmpMM:History><rdf:Seq><rdf:li stEvt:softwareAgent="Acrobat"/></rdf:Seq></xmpMM:History>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;
        let f = parse_xmp(xmp);
        let get = |k: &str| f.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("dc:creator"), Some("Hanne Jensen; Ole Bo"));
        assert_eq!(get("dc:title"), Some("Klage fra borger"));
        assert_eq!(get("pdf:Keywords"), Some("Jens Hansen"));
        assert_eq!(get("pdf:Producer"), Some("Microsoft® Word"));
        assert_eq!(get("xmp:CreateDate"), None);
        assert_eq!(get("xmpMM:DocumentID"), None);
        assert_eq!(get("stEvt:softwareAgent"), None);
    }

    #[test]
    fn survives_broken_packets() {
        assert!(parse_xmp("<dc:creator><rdf:li>Jens").is_empty());
        assert!(parse_xmp("<<<>>> </a> <b c=\"d").is_empty());
        let f = parse_xmp("<dc:creator>Jens</dc:creator");
        assert_eq!(f, vec![("dc:creator".to_string(), "Jens".to_string())]);
    }
}
