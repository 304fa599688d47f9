//! Fonts: from a font dictionary to Unicode text and advance widths for each character code.
//!
//! Order of trust, per character (never per font): `/ToUnicode`, then `/Encoding` with
//! `/Differences` and glyph names, then the font's built-in or base encoding.
//!
//! Decoding is on the per-glyph hot path, so loading does the work: a simple font becomes a
//! 256-entry table (text ranges into one string arena, and widths); a composite font keeps
//! sorted code/CID maps searched with one binary search each. `decode` never allocates.

#[rustfmt::skip]
mod agl_table;
mod cid;
mod cmap;
mod encoding;
#[rustfmt::skip]
mod encoding_table;
mod fontfile;
mod glyphlist;
mod objects;
mod simple;
mod std14;
#[rustfmt::skip]
mod std14_table;
mod type3;

use super::content::FontInfo;
use super::geom::Matrix;
use super::limits::Budget;
use cmap::{CidMap, Codespace, UniMap};
use encoding::StackText;
use objects::{as_dict, get, get_array, get_dict, get_name, get_number, resolve, stream_bytes, strip_subset_prefix};

/// One character code read from a string operand of `Tj`/`TJ`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodedChar<'a> {
    pub code: u32,
    /// Bytes the code took in the string (1 for simple fonts, 1–4 for Type0).
    pub byte_len: u8,
    /// Unicode text for the code, ligatures already split (`ﬁ` → `fi`), soft hyphens dropped;
    /// empty when nothing is known.
    pub text: &'a str,
    /// Advance in glyph space (1/1000 of text space for non-Type3 fonts). For vertical fonts,
    /// the vertical advance as a positive number (the pen moves down by it).
    pub width: f32,
    /// Whether the code is the single-byte code 32, to which word spacing `Tw` applies.
    pub is_space_code: bool,
}

/// A loaded font, ready to decode strings.
#[derive(Debug, Clone, Default)]
pub struct Font {
    pub info: FontInfo,
    /// Why some of the font could not be read (a CMap over its limit, a broken stream); the
    /// affected characters decode with empty text. Empty for a font read in full.
    pub problems: Vec<String>,
    kind: Kind,
    font_matrix: Option<Matrix>,
    ascent: f32,
    descent: f32,
    vertical: bool,
}

#[derive(Debug, Clone)]
enum Kind {
    Simple(Box<simple::SimpleFont>),
    Composite(Box<Composite>),
}

impl Default for Kind {
    fn default() -> Self {
        Kind::Simple(Box::default())
    }
}

/// A Type0 font: codes of 1–4 bytes, CIDs, CID widths.
#[derive(Debug, Clone)]
struct Composite {
    codespace: Codespace,
    to_unicode: Option<UniMap>,
    /// Text straight from the codes, for the predefined Unicode CMaps.
    unicode_codes: cid::UnicodeCodes,
    cids: CidSource,
    widths: cid::CidWidths,
}

#[derive(Debug, Clone)]
enum CidSource {
    Identity,
    /// An embedded CMap; codes it does not map fall back to identity when it builds on
    /// another CMap (`usecmap`, which we do not load) and to CID 0 otherwise.
    Map {
        map: CidMap,
        identity_fallback: bool,
    },
    /// A predefined CMap whose tables we do not ship: widths use `/DW`.
    Unknown,
}

impl Font {
    /// Loads the font described by `dict`. Never fails: what cannot be read falls back per
    /// character (unknown codes give `text: ""` and a default width) and is noted in `problems`.
    pub fn load(doc: &lopdf::Document, dict: &lopdf::Dictionary, budget: &Budget) -> Font {
        match get_name(doc, dict, b"Subtype") {
            Some(b"Type0") => load_composite(doc, dict, budget),
            Some(b"Type3") => simple::load(doc, dict, budget, true),
            _ => simple::load(doc, dict, budget, false),
        }
    }

    /// Glyph space → text space (`/FontMatrix` for Type3, 1/1000 otherwise).
    pub fn font_matrix(&self) -> Matrix {
        self.font_matrix.unwrap_or(Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0))
    }

    /// Ascent and descent in glyph space (descent negative), for glyph boxes. From the
    /// FontDescriptor, the standard-14 metrics, or 800/-200 when nothing is known.
    pub fn ascent_descent(&self) -> (f32, f32) {
        if self.ascent == 0.0 && self.descent == 0.0 {
            (800.0, -200.0)
        } else {
            (self.ascent, self.descent)
        }
    }

    /// Whether the font writes top to bottom (Identity-V and other vertical CMaps).
    pub fn vertical(&self) -> bool {
        self.vertical
    }

    /// Calls `f` for each character code in `bytes`.
    #[inline]
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(DecodedChar<'_>)) {
        match &self.kind {
            Kind::Simple(s) => {
                for &b in bytes {
                    f(DecodedChar {
                        code: b as u32,
                        byte_len: 1,
                        text: s.text(b),
                        width: s.widths[b as usize],
                        is_space_code: b == 32,
                    });
                }
            }
            Kind::Composite(c) => c.decode(bytes, f),
        }
    }
}

impl Composite {
    fn decode(&self, bytes: &[u8], mut f: impl FnMut(DecodedChar<'_>)) {
        let mut buf = StackText::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, len) = self.codespace.next_code(rest);
            rest = rest.get(len..).unwrap_or_default();
            let cid = match &self.cids {
                CidSource::Identity => Some(code),
                CidSource::Map { map, identity_fallback } => {
                    map.lookup(code).or(if *identity_fallback { Some(code) } else { Some(0) })
                }
                CidSource::Unknown => None,
            };
            let width = cid.map_or(self.widths.default, |cid| self.widths.get(cid));
            let text = self.text(code, len, &mut buf);
            f(DecodedChar { code, byte_len: len as u8, text, width, is_space_code: len == 1 && code == 32 });
        }
    }

    #[inline]
    fn text<'s>(&'s self, code: u32, len: usize, buf: &'s mut StackText) -> &'s str {
        if let Some(tu) = &self.to_unicode {
            match tu.find(code, buf) {
                cmap::Hit::Text(t) => return t,
                cmap::Hit::InBuf => return buf.as_str(),
                cmap::Hit::Miss => {}
            }
        }
        self.unicode_codes.text(code, len, buf)
    }
}

/// Reads a `/ToUnicode` stream. `None` when absent or unreadable (then noted in `problems`).
fn load_to_unicode(
    doc: &lopdf::Document,
    dict: &lopdf::Dictionary,
    budget: &Budget,
    problems: &mut Vec<String>,
) -> Option<UniMap> {
    let obj = dict.get(b"ToUnicode").ok()?;
    // `/ToUnicode /Identity-H` (a name) is a producer mistake with no usable content.
    if !matches!(resolve(doc, obj), Some(lopdf::Object::Stream(_))) {
        return None;
    }
    match stream_bytes(doc, obj, budget) {
        Ok(bytes) => {
            let cmap = cmap::parse(&bytes);
            if cmap.truncated {
                problems.push("a font's ToUnicode map is too large; part of its text may be missing".to_string());
            }
            (!cmap.uni.is_empty()).then_some(cmap.uni)
        }
        Err(why) => {
            problems.push(why);
            None
        }
    }
}

/// Bold and italic from the name and the FontDescriptor.
fn font_info(doc: &lopdf::Document, name: &str, descriptor: Option<&lopdf::Dictionary>) -> FontInfo {
    let name = strip_subset_prefix(name).to_string();
    let mut bold = std14::name_says_bold(&name);
    let mut italic = std14::name_says_italic(&name);
    if let Some(d) = descriptor {
        let flags = descriptor_flags(doc, d);
        bold |= get_number(doc, d, b"FontWeight").is_some_and(|w| w >= 600.0) || flags & (1 << 18) != 0;
        italic |= get_number(doc, d, b"ItalicAngle").is_some_and(|a| a.abs() >= 0.5) || flags & (1 << 6) != 0;
    }
    FontInfo { name, bold, italic, no_unicode: false }
}

fn descriptor_flags(doc: &lopdf::Document, d: &lopdf::Dictionary) -> u32 {
    get_number(doc, d, b"Flags").filter(|f| *f >= 0.0 && *f <= u32::MAX as f32).map_or(0, |f| f as u32)
}

/// Ascent and descent from a FontDescriptor, each `None` when missing or implausible.
fn descriptor_metrics(doc: &lopdf::Document, d: Option<&lopdf::Dictionary>) -> (Option<f32>, Option<f32>) {
    let Some(d) = d else { return (None, None) };
    let ascent = get_number(doc, d, b"Ascent").filter(|a| *a > 50.0 && *a <= 3000.0);
    // Some producers write the descent as a positive number.
    let descent =
        get_number(doc, d, b"Descent").map(|v| if v > 0.0 { -v } else { v }).filter(|v| *v < 0.0 && *v >= -2000.0);
    (ascent, descent)
}

fn load_composite(doc: &lopdf::Document, dict: &lopdf::Dictionary, budget: &Budget) -> Font {
    let mut problems = Vec::new();
    let descendant = get_array(doc, dict, b"DescendantFonts")
        .and_then(|a| a.first())
        .and_then(|o| resolve(doc, o))
        .and_then(as_dict)
        .or_else(|| get_dict(doc, dict, b"DescendantFonts"));
    let descriptor = descendant.and_then(|d| get_dict(doc, d, b"FontDescriptor"));

    let mut vertical = false;
    let mut unicode_codes = cid::UnicodeCodes::None;
    let (codespace, cids) = match get(doc, dict, b"Encoding") {
        Some(lopdf::Object::Stream(_)) => {
            match stream_bytes(doc, dict.get(b"Encoding").unwrap_or(&lopdf::Object::Null), budget) {
                Ok(bytes) => {
                    let cmap = cmap::parse(&bytes);
                    let base = cmap.usecmap.as_deref().map(cid::predefined);
                    vertical = cmap.vertical || base.as_ref().is_some_and(|b| b.vertical);
                    if let Some(b) = &base {
                        unicode_codes = b.unicode;
                    }
                    let codespace = if cmap.codespace.is_empty() {
                        base.map_or_else(|| Codespace::fixed(2), |b| b.codespace)
                    } else {
                        cmap.codespace
                    };
                    let identity_fallback = cmap.usecmap.is_some() || cmap.cid.is_empty();
                    (codespace, CidSource::Map { map: cmap.cid, identity_fallback })
                }
                Err(why) => {
                    problems.push(why);
                    (Codespace::fixed(2), CidSource::Identity)
                }
            }
        }
        Some(lopdf::Object::Name(name)) => {
            let p = cid::predefined(name);
            vertical = p.vertical;
            unicode_codes = p.unicode;
            (p.codespace, if p.identity { CidSource::Identity } else { CidSource::Unknown })
        }
        _ => (Codespace::fixed(2), CidSource::Identity),
    };

    let to_unicode = load_to_unicode(doc, dict, budget, &mut problems);
    let widths = match descendant {
        Some(d) => {
            let (w_key, dw_key) = if vertical { (&b"W2"[..], &b"DW2"[..]) } else { (&b"W"[..], &b"DW"[..]) };
            let default = cid::default_width(doc, d.get(dw_key).ok(), vertical);
            match get_array(doc, d, w_key) {
                Some(w) => cid::CidWidths::parse(doc, w, default, vertical),
                None => cid::CidWidths { default, ..Default::default() },
            }
        }
        None => cid::CidWidths::default(),
    };

    let base_name = descendant
        .and_then(|d| get_name(doc, d, b"BaseFont"))
        .or_else(|| get_name(doc, dict, b"BaseFont"))
        .or_else(|| descriptor.and_then(|d| get_name(doc, d, b"FontName")))
        .unwrap_or_default();
    let name = String::from_utf8_lossy(base_name);
    let name = name.strip_suffix("-Identity-H").or_else(|| name.strip_suffix("-Identity-V")).unwrap_or(&name);
    let mut info = font_info(doc, name, descriptor);
    info.no_unicode = to_unicode.is_none() && unicode_codes == cid::UnicodeCodes::None;
    let std = std14::lookup(&info.name);
    let (asc, desc) = descriptor_metrics(doc, descriptor);
    let ascent = asc.or(std.map(|m| m.ascent).filter(|a| *a > 0.0)).unwrap_or(800.0);
    let descent = desc.or(std.map(|m| m.descent).filter(|d| *d < 0.0)).unwrap_or(-200.0);

    Font {
        info,
        problems,
        kind: Kind::Composite(Box::new(Composite { codespace, to_unicode, unicode_codes, cids, widths })),
        font_matrix: None,
        ascent,
        descent,
        vertical,
    }
}

#[cfg(test)]
mod tests;
