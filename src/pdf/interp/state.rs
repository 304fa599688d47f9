//! Graphics state, text state and the current path.

use super::color::ColorSpace;
use crate::pdf::content::Rgb;
use crate::pdf::geom::{Matrix, Rect};

/// What `q` saves and `Q` restores. `Copy`, so saving is a plain copy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GState {
    pub ctm: Matrix,
    pub fill: Rgb,
    pub stroke: Rgb,
    pub fill_cs: ColorSpace,
    pub stroke_cs: ColorSpace,
    pub fill_alpha: f32,
    pub stroke_alpha: f32,
    /// Index into the page's font table; `None` before the first `Tf`.
    pub font: Option<u16>,
    pub font_size: f32,
    pub char_spacing: f32,
    pub word_spacing: f32,
    /// `Tz` / 100.
    pub h_scale: f32,
    pub leading: f32,
    pub rise: f32,
    pub render_mode: u8,
    /// Page-space box of the clipping path, `None` while nothing is clipped. The box of a
    /// non-rectangular clip is larger than the clip: content is taken as clipped away only
    /// when it is surely outside.
    pub clip: Option<Rect>,
    /// Stroke width in user space (`w`).
    pub line_width: f32,
    /// Whether the clip is exactly `clip` (only rectangles clipped it so far).
    pub clip_is_rect: bool,
    /// Blend mode (`/BM`): how a fill mixes with what is under it.
    pub blend: Blend,
}

/// The blend modes that matter for covering text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blend {
    /// Normal (or Compatible): the fill replaces what is under it.
    Normal,
    /// Multiply, Darken, ColorBurn: a highlighter; only a black one hides text.
    Darken,
    /// Every other mode mixes in ways that leave text readable or unknown.
    Other,
}

impl GState {
    pub fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            fill: Rgb::BLACK,
            stroke: Rgb::BLACK,
            fill_cs: ColorSpace::Gray,
            stroke_cs: ColorSpace::Gray,
            fill_alpha: 1.0,
            stroke_alpha: 1.0,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render_mode: 0,
            clip: None,
            line_width: 1.0,
            clip_is_rect: true,
            blend: Blend::Normal,
        }
    }
}

/// Slack (pt) when asking whether a point lies inside a clip: producers clip exactly at the
/// edge of what they show.
const CLIP_SLACK: f32 = 0.5;

impl GState {
    /// Narrows the clip to `r` (a path's page-space box); an empty overlap is an empty clip.
    /// `exact` when the path was one rectangle, so the clip stays exactly a box.
    pub fn clip_to(&mut self, r: Rect, exact: bool) {
        self.clip_is_rect &= exact;
        self.clip = Some(match self.clip {
            None => r,
            Some(c) => Rect { x0: c.x0.max(r.x0), y0: c.y0.max(r.y0), x1: c.x1.min(r.x1), y1: c.y1.min(r.y1) },
        });
    }

    /// How opaque a fill of colour `fill` at alpha `alpha` is over text, given the blend mode.
    pub fn covering_alpha(&self, fill: crate::pdf::content::Rgb, alpha: f32) -> f32 {
        match self.blend {
            Blend::Normal => alpha,
            Blend::Darken if fill.distance(&crate::pdf::content::Rgb::BLACK) < 0.25 => alpha,
            _ => 0.0,
        }
    }

    /// Whether a point is surely outside the clip.
    pub fn clipped_away(&self, x: f32, y: f32) -> bool {
        match self.clip {
            None => false,
            Some(c) if c.x0 < c.x1 && c.y0 < c.y1 => {
                !(x >= c.x0 - CLIP_SLACK && x <= c.x1 + CLIP_SLACK && y >= c.y0 - CLIP_SLACK && y <= c.y1 + CLIP_SLACK)
            }
            Some(_) => true,
        }
    }

    /// The part of `r` inside the clip, `None` when nothing of it is.
    pub fn visible_part(&self, r: &Rect) -> Option<Rect> {
        match self.clip {
            None => Some(*r),
            Some(c) if c.x0 < c.x1 && c.y0 < c.y1 => {
                let i = Rect { x0: r.x0.max(c.x0), y0: r.y0.max(c.y0), x1: r.x1.min(c.x1), y1: r.y1.min(c.y1) };
                // A zero-width line (a rule) is still visible inside the clip.
                (i.x0 <= i.x1 && i.y0 <= i.y1).then_some(i)
            }
            Some(_) => None,
        }
    }
}

/// Most points of a path that can still be a (rounded) rectangle: LibreOffice adds points along
/// the edges; a rounded rectangle has 4 curves of 3 points and 4 lines.
const MAX_PATH_POINTS: usize = 24;

/// The path under construction, kept only as much as painting needs: the rectangles from `re`
/// (exact boxes), the box of everything else, and the first subpath's corners to recognise a
/// rectangle drawn with lines.
#[derive(Debug, Default)]
pub(crate) struct Path {
    /// Page-space boxes of `re` rectangles drawn under an axis-aligned CTM.
    pub rects: Vec<Rect>,
    /// Page-space box of every other segment.
    pub bbox: Option<Rect>,
    /// Subpaths started with `m` (or `re` under a rotated CTM).
    pub subpaths: u32,
    pub curved: bool,
    /// Page-space points of the first subpath (control points too), up to `MAX_PATH_POINTS`
    /// (more means not a rectangle).
    pts: [(f32, f32); MAX_PATH_POINTS],
    npts: usize,
    /// Current point in user space (for `v`, and `l` after `h`).
    pub current: (f32, f32),
    start: (f32, f32),
}

impl Path {
    pub fn clear(&mut self) {
        self.rects.clear();
        self.bbox = None;
        self.subpaths = 0;
        self.curved = false;
        self.npts = 0;
    }

    pub fn is_empty(&self) -> bool {
        self.rects.is_empty() && self.bbox.is_none()
    }

    fn add_point(&mut self, ctm: &Matrix, x: f32, y: f32) {
        let (px, py) = ctm.apply(x, y);
        let r = Rect { x0: px, y0: py, x1: px, y1: py };
        self.bbox = Some(self.bbox.map_or(r, |b| b.union(&r)));
        if self.subpaths == 1 {
            if let Some(slot) = self.pts.get_mut(self.npts) {
                *slot = (px, py);
            }
            self.npts += 1;
        }
    }

    pub fn move_to(&mut self, ctm: &Matrix, x: f32, y: f32) {
        self.subpaths += 1;
        self.add_point(ctm, x, y);
        self.current = (x, y);
        self.start = (x, y);
    }

    pub fn line_to(&mut self, ctm: &Matrix, x: f32, y: f32) {
        if self.subpaths == 0 {
            self.subpaths = 1;
        }
        self.add_point(ctm, x, y);
        self.current = (x, y);
    }

    /// Bézier control points are included in the box: a little larger than the curve, never smaller.
    pub fn curve_to(&mut self, ctm: &Matrix, pts: &[(f32, f32)]) {
        if self.subpaths == 0 {
            self.subpaths = 1;
        }
        self.curved = true;
        for &(x, y) in pts {
            self.add_point(ctm, x, y);
        }
        if let Some(&last) = pts.last() {
            self.current = last;
        }
    }

    pub fn close(&mut self) {
        self.current = self.start;
    }

    pub fn rect(&mut self, ctm: &Matrix, x: f32, y: f32, w: f32, h: f32) {
        let axis_aligned = (ctm.b == 0.0 && ctm.c == 0.0) || (ctm.a == 0.0 && ctm.d == 0.0);
        if axis_aligned {
            self.rects.push(ctm.apply_rect(&Rect::new(x, y, x + w, y + h)));
        } else {
            self.subpaths += 2; // never a single rectangle
            for (px, py) in [(x, y), (x + w, y), (x + w, y + h), (x, y + h)] {
                self.add_point(ctm, px, py);
            }
        }
        self.current = (x, y);
        self.start = (x, y);
    }

    /// The end points (page space) of a path that is one straight segment.
    pub fn single_segment(&self) -> Option<((f32, f32), (f32, f32))> {
        if self.subpaths != 1 || self.curved || !self.rects.is_empty() || self.npts != 2 {
            return None;
        }
        Some((self.pts[0], self.pts[1]))
    }

    /// The box a filled path surely covers when it is one rectangle drawn with lines (starting
    /// anywhere on an edge, with extra points along the edges, as LibreOffice draws them) or a
    /// rounded rectangle or ellipse drawn with curves; `None` for any other path.
    pub fn solid_box(&self) -> Option<Rect> {
        if self.subpaths != 1 || !self.rects.is_empty() || self.npts < 4 || self.npts > MAX_PATH_POINTS {
            return None;
        }
        let b = self.bbox?;
        let pts = self.pts.get(..self.npts)?;
        let eps = 0.01 + 1e-4 * b.width().max(b.height());
        let near = |a: f32, v: f32| (a - v).abs() <= eps;
        // Which edges of the box a point lies on: left, right, bottom, top.
        let edges = |&(x, y): &(f32, f32)| [near(x, b.x0), near(x, b.x1), near(y, b.y0), near(y, b.y1)];
        if !pts.iter().all(|p| edges(p).iter().any(|e| *e)) {
            return None;
        }
        if !self.curved {
            // Every side, the closing one too, runs along one edge, and every corner is visited.
            let along = |p: &(f32, f32), q: &(f32, f32)| edges(p).iter().zip(edges(q)).any(|(a, b)| *a && b);
            let closing = pts.first().zip(pts.last()).is_some_and(|(a, z)| along(z, a));
            let sides = pts.windows(2).all(|w| along(&w[0], &w[1])) && closing;
            let corners = [(b.x0, b.y0), (b.x1, b.y0), (b.x1, b.y1), (b.x0, b.y1)]
                .iter()
                .all(|&(cx, cy)| pts.iter().any(|&(x, y)| near(x, cx) && near(y, cy)));
            return (sides && corners).then_some(b);
        }
        // Rounded corners or an ellipse: the points (control points too) lie on the box's edges
        // but stay away from its corners. The shape surely covers the box drawn in by two thirds
        // of that gap (a circular arc whose control points start a gap g from the corner is
        // at least 0.65·g inside it).
        let at_corner = |p: &(f32, f32)| {
            let e = edges(p);
            (e[0] || e[1]) && (e[2] || e[3])
        };
        if pts.iter().any(at_corner) {
            // An arch or a wedge reaches a corner; a rounded box never does.
            return None;
        }
        let mut gap_x = 0f32;
        let mut gap_y = 0f32;
        for (edge, horizontal) in [(2, true), (3, true), (0, false), (1, false)] {
            let along: Vec<f32> =
                pts.iter().filter(|p| edges(p)[edge]).map(|&(x, y)| if horizontal { x } else { y }).collect();
            let lo = along.iter().copied().fold(f32::MAX, f32::min);
            let hi = along.iter().copied().fold(f32::MIN, f32::max);
            if along.is_empty() {
                return None;
            }
            if horizontal {
                gap_x = gap_x.max(lo - b.x0).max(b.x1 - hi);
            } else {
                gap_y = gap_y.max(lo - b.y0).max(b.y1 - hi);
            }
        }
        let (ix, iy) = (gap_x * 0.66, gap_y * 0.66);
        (2.0 * ix < b.width() && 2.0 * iy < b.height()).then_some(Rect {
            x0: b.x0 + ix,
            y0: b.y0 + iy,
            x1: b.x1 - ix,
            y1: b.y1 - iy,
        })
    }
}
