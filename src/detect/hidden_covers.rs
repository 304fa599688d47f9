//! What covers text: the page's fills bucketed for fast lookup, and full-block characters
//! typed over text, which paint boxes like fills.

use super::{OPAQUE, SAME_COLOUR};
use crate::pdf::{Concealed, PageContent, Rect, Shape};

/// U+2588: typed over text in its colour, it hides it like a filled box.
const FULL_BLOCK: char = '\u{2588}';

/// Shapes and images bucketed by horizontal bands of the page, so each glyph looks only at the
/// fills that can contain its centre. A fill covering most of a glyph always contains its centre.
pub(super) struct Bands {
    y0: f32,
    height: f32,
    shapes: Vec<Vec<u32>>,
}

impl Bands {
    const MAX_ENTRIES: usize = 4_000_000;

    pub(super) fn new(page: &Rect, shapes: &[Shape]) -> Bands {
        let y0 = page.y0.min(shapes.iter().map(|s| s.bbox.y0).fold(f32::MAX, f32::min));
        let y1 = page.y1.max(shapes.iter().map(|s| s.bbox.y1).fold(f32::MIN, f32::max));
        let span = (y1 - y0).max(1.0);
        let n = ((span / 12.0).ceil() as usize).clamp(1, 512);
        let height = span / n as f32;
        let mut bands = Bands { y0, height, shapes: vec![Vec::new(); n] };
        let mut entries = 0usize;
        for (i, s) in shapes.iter().enumerate() {
            if s.alpha < OPAQUE || !s.bbox.y0.is_finite() || !s.bbox.y1.is_finite() {
                continue;
            }
            let (a, b) = (bands.index(s.bbox.y0), bands.index(s.bbox.y1));
            entries += b - a + 1;
            if entries > Self::MAX_ENTRIES {
                break;
            }
            for band in &mut bands.shapes[a..=b] {
                band.push(i as u32);
            }
        }
        bands
    }

    fn index(&self, y: f32) -> usize {
        let i = ((y - self.y0) / self.height).floor();
        if i.is_nan() || i < 0.0 {
            0
        } else {
            (i as usize).min(self.shapes.len() - 1)
        }
    }

    pub(super) fn at(&self, y: f32) -> &[u32] {
        self.shapes.get(self.index(y)).map(Vec::as_slice).unwrap_or(&[])
    }
}

pub(super) fn centre(r: &Rect) -> (f32, f32) {
    ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0)
}

/// Share of the glyph's box under `cover`; a glyph with an empty box counts by its centre.
pub(super) fn coverage(glyph: &Rect, cover: &Rect) -> f32 {
    if glyph.area() > 0.0 {
        glyph.covered_by(cover)
    } else {
        let (x, y) = centre(glyph);
        if cover.contains_point(x, y) {
            1.0
        } else {
            0.0
        }
    }
}

/// Runs of full-block characters as the boxes they paint: neighbours on a line are merged, as a
/// text glyph under two blocks is covered by both together.
pub(super) fn block_covers(content: &PageContent) -> Vec<Shape> {
    let mut out: Vec<Shape> = Vec::new();
    let mut last_y = f32::NAN;
    for g in content
        .glyphs
        .iter()
        .filter(|g| g.ch == FULL_BLOCK && g.concealed == Concealed::No && matches!(g.render_mode, 0 | 2 | 4 | 6))
    {
        match out.last_mut() {
            Some(prev)
                if (g.y - last_y).abs() < 0.1 * g.size.max(1.0)
                    && g.bbox.x0 <= prev.bbox.x1 + 0.5
                    && g.bbox.x1 >= prev.bbox.x0 - 0.5
                    && g.fill.distance(&prev.fill) < SAME_COLOUR =>
            {
                prev.bbox = prev.bbox.union(&g.bbox);
                prev.seq = prev.seq.max(g.seq);
                prev.alpha = prev.alpha.min(g.alpha);
            }
            _ => out.push(Shape {
                bbox: g.bbox,
                fill: g.fill,
                alpha: g.alpha,
                is_rect: true,
                source: g.source,
                seq: g.seq,
            }),
        }
        last_y = g.y;
    }
    out
}
