//! Careful access to lopdf objects: every lookup follows references (lopdf bounds the chain),
//! and anything missing or of the wrong type is `None`, never an error or a panic.

use crate::pdf::geom::Rect;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// The object itself, with references followed.
pub fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// The dictionary an object is or refers to (a stream's dictionary for a stream).
pub fn dict_of<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, obj)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn stream_of<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Stream> {
    match deref(doc, obj)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// `dict[key]`, references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, dict.get(key).ok()?)
}

pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    dict_of(doc, dict.get(key).ok()?)
}

pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A name value as text (`/Subtype /FreeText` → `FreeText`).
pub fn get_name(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// A text string value, decoded.
pub fn get_text(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    match get(doc, dict, key)? {
        Object::String(bytes, _) => Some(decode_text(bytes)),
        _ => None,
    }
}

pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    match get(doc, dict, key)? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

/// The object id an entry refers to, without following it.
pub fn ref_id(dict: &Dictionary, key: &[u8]) -> Option<ObjectId> {
    dict.get(key).ok()?.as_reference().ok()
}

/// `/Rect [x0 y0 x1 y1]` as a rectangle.
pub fn get_rect(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Rect> {
    let a = get_array(doc, dict, key)?;
    let mut v = [0f32; 4];
    if a.len() != 4 {
        return None;
    }
    for (slot, o) in v.iter_mut().zip(a) {
        *slot = match deref(doc, o)? {
            Object::Integer(i) => *i as f32,
            Object::Real(r) => *r,
            _ => return None,
        };
    }
    v.iter().all(|x| x.is_finite()).then(|| Rect::new(v[0], v[1], v[2], v[3]))
}

/// A stream's decoded bytes, refusing more than `limit` bytes.
pub fn stream_bytes(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
        if stream.content.len() > limit {
            return Err(format!("it is larger than {} MB", limit >> 20));
        }
        return Ok(stream.content.clone());
    }
    stream.decompressed_content_with_limit(limit).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            format!("it decodes to more than {} MB", limit >> 20)
        }
        other => format!("its data could not be decoded ({other})"),
    })
}

/// Decodes a PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding.
/// Some producers write UTF-8 without a mark; bytes that form valid multi-byte UTF-8 are read so,
/// since PDFDocEncoding text almost never does.
pub fn decode_text(bytes: &[u8]) -> String {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        bytes.iter().map(|&b| pdf_doc_char(b)).collect()
    };
    clean(&text)
}

/// Control characters become spaces (a UTF-16 language escape `\u{1B}xx\u{1B}` included), so
/// rules see words, not bytes.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect()
}

fn pdf_doc_char(b: u8) -> char {
    const HIGH: [char; 33] = [
        '\u{2022}', '\u{2020}', '\u{2021}', '\u{2026}', '\u{2014}', '\u{2013}', '\u{0192}', '\u{2044}', '\u{2039}',
        '\u{203A}', '\u{2212}', '\u{2030}', '\u{201E}', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201A}',
        '\u{2122}', '\u{FB01}', '\u{FB02}', '\u{0141}', '\u{0152}', '\u{0160}', '\u{0178}', '\u{017D}', '\u{0131}',
        '\u{0142}', '\u{0153}', '\u{0161}', '\u{017E}', '\u{FFFD}', '\u{20AC}',
    ];
    const LOW: [char; 8] =
        ['\u{02D8}', '\u{02C7}', '\u{02C6}', '\u{02D9}', '\u{02DD}', '\u{02DB}', '\u{02DA}', '\u{02DC}'];
    match b {
        0x18..=0x1F => LOW[(b - 0x18) as usize],
        0x80..=0xA0 => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Removes markup tags and decodes the common entities: for XHTML rich text (`/RC`), HTML and
/// XML files. Tags become spaces so words do not run together; block ends become line breaks.
pub fn strip_tags(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        // Comments, CDATA and scripts are skipped whole; a CDATA section's text is kept.
        if let Some(body) = after.strip_prefix("<![CDATA[") {
            let end = body.find("]]>").unwrap_or(body.len());
            out.push_str(&body[..end]);
            rest = body.get(end + 3..).unwrap_or("");
            continue;
        }
        if let Some(body) = after.strip_prefix("<!--") {
            rest = body.find("-->").and_then(|e| body.get(e + 3..)).unwrap_or("");
            continue;
        }
        let Some(end) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..end].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &after[end + 1..];
        if (name == "script" || name == "style") && !after[1..end].starts_with('/') {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).and_then(|i| rest.get(i..)).unwrap_or("");
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "body" | "title"
        );
        out.push(if block { '\n' } else { ' ' });
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#NN;`, `&#xNN;`; others are kept.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let semi = after.char_indices().take(12).find(|(_, c)| *c == ';').map(|(j, _)| j);
        let decoded = semi.and_then(|j| {
            let ent = &after[1..j];
            let ch = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{A0}'),
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((ch, j + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// At most `max` chars of `s`, cut at a char boundary.
pub fn clip(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `1234` → `1.2 kB`, for messages.
pub fn human_size(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_text_string_encodings() {
        assert_eq!(decode_text(b"\xFE\xFF\x00J\x00\xF8\x00r\x00n"), "Jørn");
        assert_eq!(decode_text(b"J\xF8rn \x84 \x93"), "Jørn \u{2014} \u{FB01}");
        assert_eq!(decode_text("Søren".as_bytes()), "Søren");
        assert_eq!(decode_text(b"a\x00b"), "a b");
    }

    #[test]
    fn strips_markup() {
        let rc = "<?xml version=\"1.0\"?><body xmlns=\"x\"><p>Ring til <span>Jens</span> &amp; Bo</p><p>120387&#45;1234</p></body>";
        let t = strip_tags(rc);
        assert!(t.contains("Ring til  Jens  & Bo"), "{t:?}");
        assert!(t.contains("120387-1234"));
        assert_eq!(strip_tags("a<script>x<y</script>b<!-- c -->d"), "a bd");
        assert_eq!(strip_tags("<![CDATA[a<b]]>"), "a<b");
        assert_eq!(decode_entities("&unknown; & &#x41;"), "&unknown; & A");
    }

    #[test]
    fn clips_on_char_boundary() {
        assert_eq!(clip("æøå", 2), "æø");
        assert_eq!(clip("ab", 5), "ab");
        assert_eq!(human_size(1500), "1.5 kB");
    }
}
