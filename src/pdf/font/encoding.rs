//! Simple-font encodings: the base encodings as glyph names per code, `/Differences`, and the
//! normalisation every decoded text goes through.

use super::encoding_table as table;
use super::objects::{number, resolve};
use lopdf::{Document, Object};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    PdfDoc,
    Symbol,
    ZapfDingbats,
}

impl BaseEncoding {
    pub(crate) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        Some(match name {
            b"WinAnsiEncoding" => BaseEncoding::WinAnsi,
            b"MacRomanEncoding" => BaseEncoding::MacRoman,
            b"StandardEncoding" => BaseEncoding::Standard,
            b"PDFDocEncoding" => BaseEncoding::PdfDoc,
            b"SymbolEncoding" | b"SymbolSetEncoding" => BaseEncoding::Symbol,
            b"ZapfDingbatsEncoding" => BaseEncoding::ZapfDingbats,
            // MacExpert is all small caps and old-style figures; Standard is the closest guess.
            b"MacExpertEncoding" => BaseEncoding::Standard,
            _ => return None,
        })
    }

    pub(crate) fn glyph_names(self) -> &'static [&'static str; 256] {
        match self {
            BaseEncoding::Standard => &table::STANDARD,
            BaseEncoding::WinAnsi => &table::WIN_ANSI,
            BaseEncoding::MacRoman => &table::MAC_ROMAN,
            BaseEncoding::PdfDoc => &table::PDF_DOC,
            BaseEncoding::Symbol => &table::SYMBOL,
            BaseEncoding::ZapfDingbats => &table::ZAPF_DINGBATS,
        }
    }
}

/// Applies a `/Differences` array to `names`. Unknown codes (above 255) and entries of the wrong
/// type are skipped one by one, never the whole array.
pub(crate) fn apply_differences<'a>(doc: &'a Document, diffs: &'a [Object], names: &mut [&'a [u8]; 256]) {
    let mut code: Option<usize> = None;
    for item in diffs {
        match resolve(doc, item) {
            Some(Object::Name(n)) | Some(Object::String(n, _)) => {
                if let Some(c) = code {
                    if let Some(slot) = names.get_mut(c) {
                        *slot = n;
                    }
                    code = Some(c + 1);
                }
            }
            Some(obj @ (Object::Integer(_) | Object::Real(_))) => {
                code = number(doc, obj).filter(|v| *v >= 0.0 && *v < 65536.0).map(|v| v as usize);
            }
            _ => {}
        }
    }
}

/// Appends `c` to `out` the way all decoded text is normalised: ligatures split into letters so
/// words match, soft hyphens and NULs dropped (they are invisible).
pub(crate) fn push_normalized(out: &mut impl TextSink, c: char) {
    match c {
        '\u{0}' | '\u{AD}' => {}
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
        c => out.push_char(c),
    }
}

pub(crate) fn push_normalized_str(out: &mut impl TextSink, s: &str) {
    for c in s.chars() {
        push_normalized(out, c);
    }
}

/// Somewhere decoded text can go: the load-time `String` arena, or a fixed stack buffer on the
/// decode path (which must not allocate).
pub(crate) trait TextSink {
    fn push_str(&mut self, s: &str);
    fn push_char(&mut self, c: char);
}

impl TextSink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }
    fn push_char(&mut self, c: char) {
        self.push(c)
    }
}

/// A small fixed buffer for text computed while decoding (CMap ranges, predefined Unicode CMaps).
/// Text beyond its capacity is cut at a character boundary.
#[derive(Clone)]
pub(crate) struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl StackText {
    pub(crate) fn new() -> StackText {
        StackText { bytes: [0; 64], len: 0 }
    }
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

impl TextSink for StackText {
    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }
    fn push_char(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        let enc = c.encode_utf8(&mut tmp).as_bytes();
        if let Some(dst) = self.bytes.get_mut(self.len..self.len + enc.len()) {
            dst.copy_from_slice(enc);
            self.len += enc.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_splits_ligatures_and_drops_soft_hyphens() {
        let mut s = String::new();
        push_normalized_str(&mut s, "\u{FB01}nans\u{AD}udvalg \u{FB02}\u{FB00}\u{FB03}\u{FB04}\u{FB05}\u{FB06}");
        assert_eq!(s, "finansudvalg flffffifflstst");
    }

    #[test]
    fn stack_text_cuts_at_capacity_on_char_boundary() {
        let mut t = StackText::new();
        for _ in 0..40 {
            t.push_char('ø');
        }
        assert_eq!(t.as_str().chars().count(), 32);
        t.clear();
        t.push_str("æ");
        assert_eq!(t.as_str(), "æ");
    }

    #[test]
    fn differences_skip_bad_entries_not_the_array() {
        let doc = Document::with_version("1.5");
        let diffs = vec![
            Object::Integer(65),
            Object::Name(b"Aring".to_vec()),
            Object::Boolean(true),
            Object::Name(b"g17".to_vec()),
            Object::Integer(300),
            Object::Name(b"ignored".to_vec()),
            Object::Integer(-4),
            Object::Name(b"ignored".to_vec()),
            Object::Integer(255),
            Object::Name(b"ydieresis".to_vec()),
            Object::Name(b"overflow".to_vec()),
        ];
        let mut names: [&[u8]; 256] = [b""; 256];
        apply_differences(&doc, &diffs, &mut names);
        assert_eq!(names[65], b"Aring");
        assert_eq!(names[66], b"g17");
        assert_eq!(names[67], b"");
        assert_eq!(names[255], b"ydieresis");
    }
}
