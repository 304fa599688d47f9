//! Marked content with `/ActualText`: the producer's own statement of what its glyphs read.
//!
//! Chromium draws small capitals as scaled capitals and says `m` in ActualText; producers put
//! whole words over glyphs their ToUnicode cannot spell (shaped clusters, fallback fonts).
//! Viewers copy the ActualText and so does pdftotext, so the glyphs get its characters. Only the
//! outermost span counts. An ActualText that is empty, blank or only a soft hyphen does not
//! blank the glyphs: a reader sees them, so they stay in the text that is checked; nor does one
//! over several lines whose characters do not pair one to one with the glyphs.

use super::lexer::{Lexer, Token};
use super::{Frame, Interp};
use crate::pdf::content::Glyph;
use crate::pdf::document::dict_get;
use crate::pdf::extras::objects::decode_text;
use crate::pdf::geom::Rect;
use lopdf::Object;

/// Most characters taken from one ActualText; longer ones are cut (no producer needs more, and
/// a hostile file must not turn one glyph into millions).
const MAX_CHARS: usize = 1000;

/// An open span: its marked-content depth, its first glyph, and its characters.
pub(super) struct ActualSpan {
    depth: usize,
    first_glyph: usize,
    chars: Vec<char>,
}

/// The ActualText in a `BDC`'s inline property dictionary, as raw string bytes.
fn inline_actual_text<'l>(args: &[Token], lex: &'l Lexer<'_>) -> Option<&'l [u8]> {
    let mut depth = 0u32;
    for (i, t) in args.iter().enumerate() {
        match t {
            Token::DictOpen | Token::ArrOpen => depth += 1,
            Token::DictClose | Token::ArrClose => depth = depth.saturating_sub(1),
            Token::Name(n) if depth == 1 && lex.bytes(*n) == b"ActualText" => {
                if let Some(Token::Str(s)) = args.get(i + 1) {
                    return Some(lex.bytes(*s));
                }
            }
            _ => {}
        }
    }
    None
}

/// The characters an ActualText stands for, or `None` when it would blank visible glyphs.
fn actual_chars(raw: &[u8]) -> Option<Vec<char>> {
    let chars: Vec<char> = decode_text(raw).chars().filter(|&c| c != '\u{AD}' && c != '\0').take(MAX_CHARS).collect();
    chars.iter().any(|c| !c.is_whitespace()).then_some(chars)
}

/// Glyph `g` cut into `count` equal slices along its baseline; slice `j` carrying `ch`.
fn slice(g: &Glyph, j: usize, count: usize, ch: char) -> Glyph {
    let mut out = g.clone();
    out.ch = ch;
    out.synthetic_space = ch == ' ';
    if count <= 1 {
        return out;
    }
    let (lo, hi) = (j as f32 / count as f32, (j + 1) as f32 / count as f32);
    let b = g.bbox;
    let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
    let a = i32::from(g.angle).rem_euclid(360);
    (out.bbox, out.x, out.y) = match a {
        45..=134 => (Rect::new(b.x0, b.y0 + h * lo, b.x1, b.y0 + h * hi), g.x, g.y + h * lo),
        135..=224 => (Rect::new(b.x1 - w * hi, b.y0, b.x1 - w * lo, b.y1), g.x - w * lo, g.y),
        225..=314 => (Rect::new(b.x0, b.y1 - h * hi, b.x1, b.y1 - h * lo), g.x, g.y - h * lo),
        _ => (Rect::new(b.x0 + w * lo, b.y0, b.x0 + w * hi, b.y1), g.x + w * lo, g.y),
    };
    out
}

/// Whether the glyphs share one baseline and direction.
fn one_line(glyphs: &[Glyph]) -> bool {
    let Some(first) = glyphs.first() else { return true };
    let (sin, cos) = f32::from(first.angle).to_radians().sin_cos();
    let offset = |g: &Glyph| cos * g.y - sin * g.x;
    let base = offset(first);
    glyphs.iter().all(|g| g.angle == first.angle && (offset(g) - base).abs() <= 0.5 * first.size.abs().max(1.0))
}

impl<'d> Interp<'d> {
    /// Opens an ActualText span for a `BDC` (already pushed on the marked-content stack) when
    /// its properties, inline or in `/Properties`, carry one and no span is open.
    pub(super) fn begin_actual_text(&mut self, f: &Frame<'d>, args: &[Token], lex: &Lexer<'_>) {
        if self.actual.is_some() {
            return;
        }
        let chars = match args.get(1) {
            Some(Token::Name(props)) => {
                let lo = self.lo;
                let raw = f
                    .res
                    .and_then(|r| dict_get(lo, r, b"Properties"))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|p| dict_get(lo, p, lex.bytes(*props)))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|d| dict_get(lo, d, b"ActualText"));
                match raw {
                    Some(Object::String(s, _)) => actual_chars(s),
                    _ => None,
                }
            }
            _ => inline_actual_text(args, lex).and_then(actual_chars),
        };
        if let Some(chars) = chars {
            self.actual = Some(ActualSpan { depth: self.marked.len(), first_glyph: self.out.glyphs.len(), chars });
        }
    }

    /// Called as the marked-content level at `depth` closes: gives the span's glyphs its text.
    pub(super) fn end_actual_text(&mut self, depth: usize) {
        if self.actual.as_ref().is_none_or(|a| a.depth != depth) {
            return;
        }
        let Some(span) = self.actual.take() else { return };
        let glyphs = &mut self.out.glyphs;
        if span.first_glyph >= glyphs.len() {
            return;
        }
        let (n, m) = (glyphs.len() - span.first_glyph, span.chars.len());
        // Spread over several lines (a word hyphenated across a line break), chars that do not
        // pair one to one with the glyphs would land on the wrong line: keep the glyphs' own text.
        if m != n && !one_line(glyphs.get(span.first_glyph..).unwrap_or_default()) {
            return;
        }
        let originals = glyphs.split_off(span.first_glyph);
        let max = self.budget.limits.max_glyphs_per_page;
        // Char k takes the place of glyph k·n/m: spread evenly, in order. A glyph given several
        // chars is sliced among them; one given none keeps its box with no text.
        let mut k = 0;
        for (i, g) in originals.iter().enumerate() {
            let first = k;
            while k < m && k * n / m == i {
                k += 1;
            }
            let count = k - first;
            if count == 0 {
                glyphs.push(Glyph { ch: '\u{FFFD}', synthetic_space: false, ..g.clone() });
            }
            for (j, &ch) in span.chars.get(first..k).unwrap_or_default().iter().enumerate() {
                if glyphs.len() < max {
                    glyphs.push(slice(g, j, count, ch));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_or_soft_hyphen_actual_text_keeps_the_glyphs() {
        assert_eq!(actual_chars(b""), None);
        assert_eq!(actual_chars(b" "), None);
        assert_eq!(actual_chars(b"\xFE\xFF\x00\xAD"), None);
        assert_eq!(actual_chars(b"\xFE\xFF\x00\xF8"), Some(vec!['ø']));
    }

    #[test]
    fn slices_follow_the_baseline() {
        let g = Glyph {
            ch: 'x',
            bbox: Rect::new(10.0, 0.0, 20.0, 10.0),
            x: 10.0,
            y: 2.0,
            size: 10.0,
            angle: 0,
            render_mode: 0,
            fill: crate::pdf::content::Rgb::BLACK,
            alpha: 1.0,
            in_page_box: true,
            source: crate::pdf::content::GlyphSource::Page,
            font: 0,
            seq: 0,
            synthetic_space: false,
            concealed: crate::pdf::content::Concealed::No,
        };
        let b = slice(&g, 1, 2, 'i');
        assert_eq!((b.bbox.x0, b.bbox.x1, b.x, b.ch), (15.0, 20.0, 15.0, 'i'));
        let up = Glyph { angle: 90, bbox: Rect::new(0.0, 10.0, 10.0, 20.0), x: 8.0, y: 10.0, ..g };
        let b = slice(&up, 1, 2, 'i');
        assert_eq!((b.bbox.y0, b.bbox.y1, b.y), (15.0, 20.0, 15.0));
    }
}
