//! Page glyphs turned into records in their own reading frame: every glyph is rotated so that its
//! baseline runs along +x with "up" along +y, whatever the page rotation or text direction.
//! Grouping by that rotation lets one set of rules handle upright, sideways and upside-down text.

use crate::pdf::content::PageContent;
use crate::pdf::geom::Rect;

/// One glyph in its reading frame.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FrameGlyph {
    /// Index into `PageContent::glyphs`.
    pub src: u32,
    pub ch: char,
    /// Extent along the baseline.
    pub x0: f32,
    pub x1: f32,
    pub base: f32,
    pub size: f32,
    /// A space char (or an explicit `TJ` gap): ends a word, never printed itself.
    pub is_space: bool,
    /// Which run of its row it was painted in (see `lines::order_row`): glyphs painted one after
    /// the other, moving forward. Set by layout; 0 until then.
    pub run: u32,
}

/// Glyphs sharing one text direction (and one side of the page box).
pub(crate) struct GlyphGroup {
    pub glyphs: Vec<FrameGlyph>,
}

/// Quarter turns (clockwise) that bring a glyph at `angle` degrees (counter-clockwise) upright.
fn quarter_turns(angle: i16) -> u8 {
    let a = i32::from(angle).rem_euclid(360);
    (((a + 45) / 90) % 4) as u8
}

/// Rotates a point clockwise by `k` quarter turns.
fn turn(k: u8, x: f32, y: f32) -> (f32, f32) {
    match k {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

fn turn_rect(k: u8, r: &Rect) -> Rect {
    let (ax, ay) = turn(k, r.x0, r.y0);
    let (bx, by) = turn(k, r.x1, r.y1);
    Rect::new(ax, ay, bx, by)
}

/// Splits the page's glyphs into groups by text direction, in output order: glyphs inside the
/// page box before those outside it (text a reader cannot see still has to be read and checked,
/// but after the visible text); within each, the direction with the most glyphs first.
pub(crate) fn group_glyphs(content: &PageContent) -> Vec<GlyphGroup> {
    // 0..4 inside the page box, 4..8 outside.
    let mut buckets: Vec<Vec<FrameGlyph>> = (0..8).map(|_| Vec::new()).collect();
    // Nearly all glyphs of a page usually share one direction.
    if let Some(upright) = buckets.first_mut() {
        upright.reserve(content.glyphs.len());
    }
    let page_turns = ((content.rotate / 90) % 4) as u8;
    for (i, g) in content.glyphs.iter().enumerate() {
        let finite = [g.x, g.y, g.size, g.bbox.x0, g.bbox.x1, g.bbox.y0, g.bbox.y1].iter().all(|v| v.is_finite());
        if !finite || g.ch == '\0' {
            continue;
        }
        let k = quarter_turns(g.angle);
        let frame_box = turn_rect(k, &g.bbox);
        let (_, base) = turn(k, g.x, g.y);
        let mut size = g.size.abs();
        if !(0.01..=10_000.0).contains(&size) {
            size = frame_box.height().clamp(1.0, 10_000.0);
        }
        let is_space = g.synthetic_space || g.ch.is_whitespace();
        let fg =
            FrameGlyph { src: i as u32, ch: g.ch, x0: frame_box.x0, x1: frame_box.x1, base, size, is_space, run: 0 };
        let bucket = usize::from(k) + if g.in_page_box { 0 } else { 4 };
        if let Some(b) = buckets.get_mut(bucket) {
            b.push(fg);
        }
    }
    let mut order: Vec<usize> = (0..8).filter(|&b| buckets[b].iter().any(|g| !g.is_space)).collect();
    // Ties go to the direction that is upright once the page's /Rotate is applied.
    let upright = usize::from(page_turns);
    order.sort_by_key(|&b| {
        let dir = b % 4;
        (b >= 4, std::cmp::Reverse(buckets[b].len()), (dir + 4 - upright) % 4)
    });
    order.into_iter().map(|b| GlyphGroup { glyphs: std::mem::take(&mut buckets[b]) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_turns_round_to_nearest() {
        assert_eq!(quarter_turns(0), 0);
        assert_eq!(quarter_turns(44), 0);
        assert_eq!(quarter_turns(90), 1);
        assert_eq!(quarter_turns(-90), 3);
        assert_eq!(quarter_turns(180), 2);
        assert_eq!(quarter_turns(359), 0);
    }

    #[test]
    fn turning_makes_rotated_baselines_horizontal() {
        // Text going up the page (angle 90) advances along +y; in its frame it advances along +x.
        let (x, _) = turn(1, 0.0, 10.0);
        assert_eq!(x, 10.0);
        let (x, _) = turn(3, 0.0, -10.0);
        assert_eq!(x, 10.0);
    }
}
