//! Type0 (composite) font pieces: the predefined CMaps we can read without their resource files,
//! and CID widths from `/W` `/DW` (and `/W2` `/DW2` for vertical writing).

use super::cmap::Codespace;
use super::encoding::{push_normalized, StackText};
use super::objects::{code_number, number, resolve};
use lopdf::{Document, Object};

/// How the codes of a predefined CMap turn into text when there is no `/ToUnicode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnicodeCodes {
    /// Codes mean nothing by themselves (Identity and the legacy CJK CMaps).
    None,
    /// The code is a UCS-2 unit (`UniJIS-UCS2-H`, …).
    Ucs2,
    /// The code is UTF-16BE, 2 or 4 bytes (`UniGB-UTF16-H`, …).
    Utf16,
    /// The code is UTF-8, 1–4 bytes.
    Utf8,
    /// The code is a UTF-32 scalar.
    Utf32,
}

impl UnicodeCodes {
    /// Writes the text of `code` (of `len` bytes) into `buf`.
    pub(crate) fn text(self, code: u32, len: usize, buf: &mut StackText) -> &str {
        buf.clear();
        let c = match self {
            UnicodeCodes::None => None,
            UnicodeCodes::Ucs2 | UnicodeCodes::Utf32 => char::from_u32(code),
            UnicodeCodes::Utf16 if len == 4 => {
                let (hi, lo) = (code >> 16, code & 0xFFFF);
                char::decode_utf16([hi as u16, lo as u16]).next().and_then(|r| r.ok())
            }
            UnicodeCodes::Utf16 => char::from_u32(code),
            UnicodeCodes::Utf8 => {
                let bytes = code.to_be_bytes();
                std::str::from_utf8(bytes.get(4 - len.min(4)..).unwrap_or_default()).ok().and_then(|s| s.chars().next())
            }
        };
        if let Some(c) = c {
            push_normalized(buf, c);
        }
        buf.as_str()
    }
}

/// What we know of a predefined CMap from its name alone.
#[derive(Debug, Clone)]
pub(crate) struct Predefined {
    pub codespace: Codespace,
    /// Whether code = CID (Identity); for the others the CID is unknown without the resource.
    pub identity: bool,
    pub unicode: UnicodeCodes,
    pub vertical: bool,
}

pub(crate) fn predefined(name: &[u8]) -> Predefined {
    let vertical = name.ends_with(b"-V");
    let has = |s: &[u8]| name.windows(s.len()).any(|w| w == s);
    let (codespace, identity, unicode) = if name == b"Identity-H" || name == b"Identity-V" {
        (Codespace::fixed(2), true, UnicodeCodes::None)
    } else if has(b"UCS2") {
        (Codespace::fixed(2), false, UnicodeCodes::Ucs2)
    } else if has(b"UTF16") {
        let mut cs = Codespace::default();
        cs.add(&[0x00, 0x00], &[0xD7, 0xFF]);
        cs.add(&[0xE0, 0x00], &[0xFF, 0xFF]);
        cs.add(&[0xD8, 0x00, 0xDC, 0x00], &[0xDB, 0xFF, 0xDF, 0xFF]);
        cs.finish();
        (cs, false, UnicodeCodes::Utf16)
    } else if has(b"UTF8") {
        let mut cs = Codespace::default();
        cs.add(&[0x00], &[0x7F]);
        cs.add(&[0xC2, 0x80], &[0xDF, 0xBF]);
        cs.add(&[0xE0, 0x80, 0x80], &[0xEF, 0xBF, 0xBF]);
        cs.add(&[0xF0, 0x80, 0x80, 0x80], &[0xF4, 0xBF, 0xBF, 0xBF]);
        cs.finish();
        (cs, false, UnicodeCodes::Utf8)
    } else if has(b"UTF32") {
        (Codespace::fixed(4), false, UnicodeCodes::Utf32)
    } else {
        // Legacy CJK encodings (RKSJ, EUC, GBK, B5, KSC…): ASCII-range single bytes, and
        // two-byte codes led by a high byte. Close enough to split strings correctly.
        let mut cs = Codespace::default();
        cs.add(&[0x00], &[0x80]);
        cs.add(&[0x81, 0x00], &[0xFE, 0xFF]);
        cs.add(&[0xFF], &[0xFF]);
        cs.finish();
        (cs, false, UnicodeCodes::None)
    };
    Predefined { codespace, identity, unicode, vertical }
}

/// CID → advance. Array entries and ranges are both kept as non-overlapping sorted spans.
#[derive(Debug, Clone)]
pub(crate) struct CidWidths {
    pub default: f32,
    pub(crate) spans: Vec<(u32, u32, f32)>,
}

impl Default for CidWidths {
    fn default() -> Self {
        CidWidths { default: 1000.0, spans: Vec::new() }
    }
}

/// Most width entries kept from one `/W` array.
const MAX_WIDTH_ENTRIES: usize = 1 << 20;

fn valid_width(w: f32) -> Option<f32> {
    (w.is_finite() && (0.0..=100_000.0).contains(&w)).then_some(w)
}

impl CidWidths {
    #[inline]
    pub(crate) fn get(&self, cid: u32) -> f32 {
        let i = self.spans.partition_point(|s| s.0 <= cid);
        match i.checked_sub(1).and_then(|i| self.spans.get(i)) {
            Some(&(_, hi, w)) if cid <= hi => w,
            _ => self.default,
        }
    }

    /// Reads `/W` (horizontal: one value per CID) or `/W2` (vertical: `w1y vx vy` per CID, of
    /// which only the vertical advance `-w1y` is kept). Bad entries are skipped one at a time.
    pub(crate) fn parse(doc: &Document, w: &[Object], default: f32, vertical: bool) -> CidWidths {
        let per_cid = if vertical { 3 } else { 1 };
        let advance = |v: f32| if vertical { valid_width(-v) } else { valid_width(v) };
        let mut spans: Vec<(u32, u32, f32)> = Vec::new();
        let mut i = 0;
        while i < w.len() && spans.len() < MAX_WIDTH_ENTRIES {
            let Some(first) = code_number(doc, &w[i]) else {
                i += 1;
                continue;
            };
            match w.get(i + 1).and_then(|o| resolve(doc, o)) {
                Some(Object::Array(values)) => {
                    for (k, chunk) in values.chunks(per_cid).enumerate() {
                        let Some(cid) = first.checked_add(k as u32) else { break };
                        if let Some(w) = chunk.first().and_then(|o| number(doc, o)).and_then(advance) {
                            match spans.last_mut() {
                                Some(last) if last.1.checked_add(1) == Some(cid) && last.2 == w => last.1 = cid,
                                _ => spans.push((cid, cid, w)),
                            }
                        }
                    }
                    i += 2;
                }
                Some(_) => {
                    let last = w.get(i + 1).and_then(|o| code_number(doc, o));
                    let value = w.get(i + 2).and_then(|o| number(doc, o)).and_then(advance);
                    if let (Some(last), Some(value)) = (last, value) {
                        if first <= last {
                            spans.push((first, last, value));
                        }
                    }
                    i += 2 + per_cid;
                }
                None => break,
            }
        }
        // Earlier entries win where they overlap, as in viewers.
        spans.sort_by_key(|s| s.0);
        let mut covered_to: Option<u32> = None;
        spans.retain_mut(|s| {
            if let Some(end) = covered_to {
                if s.0 <= end {
                    match end.checked_add(1) {
                        Some(n) => s.0 = n,
                        None => return false,
                    }
                }
            }
            if s.0 > s.1 {
                return false;
            }
            covered_to = Some(covered_to.map_or(s.1, |e| e.max(s.1)));
            true
        });
        CidWidths { default, spans }
    }
}

/// `/DW` (horizontal) or the advance in `/DW2 [vy w1y]` (vertical), with the spec defaults.
pub(crate) fn default_width(doc: &Document, dw: Option<&Object>, vertical: bool) -> f32 {
    if vertical {
        let w1y = dw
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.get(1))
            .and_then(|o| number(doc, o));
        w1y.and_then(|v| valid_width(-v)).unwrap_or(1000.0)
    } else {
        dw.and_then(|o| number(doc, o)).and_then(valid_width).unwrap_or(1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Object::{Array, Integer, Real};

    #[test]
    fn w_array_both_forms_and_bad_entries() {
        let doc = Document::with_version("1.5");
        let w = vec![
            Integer(3),
            Array(vec![Integer(250), Integer(333), Real(-5.0), Integer(500)]),
            Integer(100),
            Integer(200),
            Integer(750),
            Object::Name(b"junk".to_vec()),
            Integer(1000),
            Array(vec![Integer(600)]),
            Integer(150),
            Integer(160),
            Integer(1),
        ];
        let widths = CidWidths::parse(&doc, &w, 1000.0, false);
        assert_eq!(widths.get(3), 250.0);
        assert_eq!(widths.get(4), 333.0);
        assert_eq!(widths.get(5), 1000.0, "negative width falls back to /DW");
        assert_eq!(widths.get(6), 500.0);
        assert_eq!(widths.get(100), 750.0);
        assert_eq!(widths.get(200), 750.0);
        assert_eq!(widths.get(155), 750.0, "the first definition wins on overlap");
        assert_eq!(widths.get(201), 1000.0);
        assert_eq!(widths.get(1000), 600.0);
    }

    #[test]
    fn w2_keeps_the_vertical_advance() {
        let doc = Document::with_version("1.5");
        let w2 = vec![
            Integer(10),
            Array(vec![Integer(-900), Integer(500), Integer(880)]),
            Integer(20),
            Integer(30),
            Integer(-800),
            Integer(500),
            Integer(880),
        ];
        let widths = CidWidths::parse(&doc, &w2, 1000.0, true);
        assert_eq!(widths.get(10), 900.0);
        assert_eq!(widths.get(25), 800.0);
        assert_eq!(widths.get(11), 1000.0);
        let dw2 = Array(vec![Integer(880), Integer(-950)]);
        assert_eq!(default_width(&doc, Some(&dw2), true), 950.0);
        assert_eq!(default_width(&doc, None, true), 1000.0);
    }

    #[test]
    fn predefined_unicode_cmaps() {
        let p = predefined(b"UniGB-UTF16-H");
        let bytes = [0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00];
        let (code, n) = p.codespace.next_code(&bytes);
        let mut buf = StackText::new();
        assert_eq!((p.unicode.text(code, n, &mut buf), n), ("A", 2));
        let (code, n) = p.codespace.next_code(&bytes[2..]);
        assert_eq!((p.unicode.text(code, n, &mut buf), n), ("😀", 4));
        let p = predefined(b"UniJIS-UCS2-V");
        assert!(p.vertical);
        assert_eq!(p.unicode.text(0x00E6, 2, &mut buf), "æ");
        let p = predefined(b"UniKS-UTF8-H");
        let (code, n) = p.codespace.next_code("ø!".as_bytes());
        assert_eq!((p.unicode.text(code, n, &mut buf), n), ("ø", 2));
        let p = predefined(b"90ms-RKSJ-H");
        assert_eq!(p.codespace.next_code(&[0x41, 0x82]).1, 1);
        assert_eq!(p.codespace.next_code(&[0x82, 0xA0]).1, 2);
        assert!(predefined(b"Identity-H").identity);
    }
}
