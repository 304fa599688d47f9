//! Type3 fonts: their own glyph space (`/FontMatrix`) and box. The glyph procedures in
//! `/CharProcs` are not run; text comes from `/ToUnicode` and `/Encoding` like other simple fonts.

use super::objects::{get_array, number};
use crate::pdf::geom::Matrix;
use lopdf::{Dictionary, Document};

/// `/FontMatrix`, or the usual 1/1000 when it is missing, malformed or degenerate.
pub(crate) fn font_matrix(doc: &Document, dict: &Dictionary) -> Matrix {
    let fallback = Matrix::new(0.001, 0.0, 0.0, 0.001, 0.0, 0.0);
    let Some(arr) = get_array(doc, dict, b"FontMatrix") else { return fallback };
    let v: Vec<f32> = arr.iter().filter_map(|o| number(doc, o)).collect();
    match v.as_slice() {
        [a, b, c, d, e, f] if (a * d - b * c).abs() > 1e-12 && (a * d - b * c).abs() < 1e6 => {
            Matrix::new(*a, *b, *c, *d, *e, *f)
        }
        _ => fallback,
    }
}

/// Ascent and descent in glyph space from `/FontBBox`, or 0.8 / -0.2 of an em (in text space)
/// converted to this font's glyph space.
pub(crate) fn ascent_descent(doc: &Document, dict: &Dictionary, m: &Matrix) -> (f32, f32) {
    let bbox: Vec<f32> = get_array(doc, dict, b"FontBBox")
        .map(|a| a.iter().filter_map(|o| number(doc, o)).collect())
        .unwrap_or_default();
    if let [_, y0, _, y1] = bbox.as_slice() {
        let (lo, hi) = (y0.min(*y1), y0.max(*y1));
        if hi > lo && hi > 0.0 {
            return (hi, lo.min(0.0));
        }
    }
    let scale = if m.d.abs() > 1e-9 { 1.0 / m.d.abs() } else { 1000.0 };
    (0.8 * scale, -0.2 * scale)
}
