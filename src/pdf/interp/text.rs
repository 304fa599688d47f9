//! Showing text: one `Glyph` per Unicode character, positioned by the text rendering matrix.
//!
//! For each character code: Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM; the glyph box spans the
//! advance width and the font's descent to ascent; then Tm moves by
//! tx = (w0·Tfs + Tc + Tw(code 32 only)) · Th. Vertical fonts advance down instead.

use super::lexer::{Lexer, Token};
use super::{Frame, Interp};
use crate::pdf::content::{Concealed, Glyph};
use crate::pdf::geom::{Matrix, Rect};

/// Below this width of an em (pt) along the baseline, text taller than it is squeezed
/// unreadable (`Tz 1`, a CSS `scaleX(0.01)`).
const SQUEEZED_EM: f32 = 1.0;

impl<'d> Interp<'d> {
    /// `Tj` and each string of `TJ`.
    pub(super) fn show(&mut self, f: &mut Frame<'d>, bytes: &[u8]) {
        if self.stopped {
            return;
        }
        let idx = match f.gs.font {
            Some(i) => i,
            None => {
                let i = self.font_index_for(None);
                f.gs.font = Some(i);
                i
            }
        };
        let Some(font) = self.fonts.get(idx as usize).cloned() else { return };
        let gs = f.gs;
        let fm = font.font_matrix();
        let (ascent, descent) = font.ascent_descent();
        let (mut ascent, mut descent) = (ascent * fm.d, descent * fm.d);
        if !(0.3..=3.0).contains(&(ascent - descent)) {
            // Metrics that cannot be right (a Type3 font given metrics for 1/1000 units).
            (ascent, descent) = (0.8, -0.2);
        }
        let vertical = font.vertical();
        // Text space units are ems for ordinary fonts. A Type3 font's matrix can make its glyphs
        // any size per unit, so its height (ascent to descent) stands in for the em.
        let em = if (fm.d - 0.001).abs() < 1e-6 { 1.0 } else { ascent - descent };
        let (tfs, th) = (gs.font_size, gs.h_scale);
        let text_to_page = f.tm.then(&gs.ctm);
        let (color, mut alpha) = match gs.render_mode {
            1 | 5 => (gs.stroke, gs.stroke_alpha),
            _ => (gs.fill, gs.fill_alpha),
        };
        let layer_off = !self.visible();
        if layer_off {
            alpha = 0.0;
        }
        let page_box = self.out.page_box;
        let max_glyphs = self.budget.limits.max_glyphs_per_page;
        let source = f.source;
        let mut advance = 0f32;
        font.decode(bytes, |dc| {
            if self.stopped {
                return;
            }
            let w0 = dc.width * fm.a;
            let trm = if vertical {
                Matrix::new(tfs * th, 0.0, 0.0, tfs, 0.0, gs.rise + advance).then(&text_to_page)
            } else {
                Matrix::new(tfs * th, 0.0, 0.0, tfs, advance, gs.rise).then(&text_to_page)
            };
            let size = (trm.c * trm.c + trm.d * trm.d).sqrt() * em;
            let angle = (trm.b.atan2(trm.a).to_degrees().round() as i32).rem_euclid(360) as i16;
            // An em's width along the baseline, from its height and the matrix's aspect, so a
            // font size that is small only in number (a big CTM or font matrix) is not squeezing:
            // a few hundredths of a point is a line of ink.
            let tall = (trm.c * trm.c + trm.d * trm.d).sqrt();
            let aspect = if tall > 0.0 { (trm.a * trm.a + trm.b * trm.b).sqrt() / tall } else { 1.0 };
            let squeezed = !vertical && aspect < 0.1 && size * aspect < SQUEEZED_EM && size >= SQUEEZED_EM;
            let mut chars = dc.text.chars();
            let n = dc.text.chars().count().max(1);
            for k in 0..n {
                let ch = chars.next();
                if self.out.glyphs.len() >= max_glyphs {
                    self.stop(format!(
                        "the page shows more than {max_glyphs} characters; the rest of the page was not read"
                    ));
                    return;
                }
                let (lo, hi) = (k as f32 / n as f32, (k + 1) as f32 / n as f32);
                let (local, origin) = if vertical {
                    // Vertical glyphs hang below their origin, one em wide, centred on it;
                    // `w0` is the vertical advance.
                    (Rect::new(-0.5, -w0 * hi, 0.5, -w0 * lo), (0.0, -w0 * lo))
                } else {
                    (Rect::new(w0 * lo, descent, w0 * hi, ascent), (w0 * lo, 0.0))
                };
                let bbox = if trm.b == 0.0 && trm.c == 0.0 {
                    // Upright text, by far the most common: no corners to rotate.
                    Rect::new(
                        trm.a * local.x0 + trm.e,
                        trm.d * local.y0 + trm.f,
                        trm.a * local.x1 + trm.e,
                        trm.d * local.y1 + trm.f,
                    )
                } else {
                    trm.apply_rect(&local)
                };
                let (x, y) = trm.apply(origin.0, origin.1);
                let (cx, cy) = ((bbox.x0 + bbox.x1) / 2.0, (bbox.y0 + bbox.y1) / 2.0);
                let ch = ch.unwrap_or('\u{FFFD}');
                let concealed = if layer_off {
                    Concealed::LayerOff
                } else if gs.clipped_away(cx, cy) {
                    Concealed::ClippedAway
                } else if squeezed {
                    Concealed::Squeezed
                } else {
                    Concealed::No
                };
                let seq = self.next_seq();
                self.out.glyphs.push(Glyph {
                    ch,
                    bbox,
                    x,
                    y,
                    size,
                    angle,
                    render_mode: gs.render_mode,
                    fill: color,
                    alpha,
                    in_page_box: page_box.contains_point(cx, cy),
                    source,
                    font: idx,
                    seq,
                    synthetic_space: ch == ' ',
                    concealed,
                });
            }
            let spacing = gs.char_spacing + if dc.is_space_code { gs.word_spacing } else { 0.0 };
            if vertical {
                advance += -w0 * tfs + spacing;
            } else {
                advance += (w0 * tfs + spacing) * th;
            }
        });
        f.tm = if vertical { Matrix::translate(0.0, advance) } else { Matrix::translate(advance, 0.0) }.then(&f.tm);
    }

    /// `TJ`: strings shown in turn; numbers move back by thousandths of text space.
    pub(super) fn show_array(&mut self, f: &mut Frame<'d>, args: &[Token], lex: &Lexer<'_>) {
        let vertical = f.gs.font.and_then(|i| self.fonts.get(i as usize)).is_some_and(|font| font.vertical());
        for t in args {
            match t {
                Token::Str(s) => self.show(f, lex.bytes(*s)),
                Token::Num(n) => {
                    let shift = -n / 1000.0 * f.gs.font_size;
                    let m = if vertical {
                        Matrix::translate(0.0, shift)
                    } else {
                        Matrix::translate(shift * f.gs.h_scale, 0.0)
                    };
                    f.tm = m.then(&f.tm);
                }
                _ => {}
            }
        }
    }
}
