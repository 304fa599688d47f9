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
        }
    }
}

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
    /// Page-space points of the first subpath, up to 5 (more means not a rectangle).
    pts: [(f32, f32); 5],
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

    /// Whether the only subpath is an axis-aligned rectangle drawn with four lines.
    pub fn polyline_is_rect(&self) -> bool {
        if self.subpaths != 1 || self.curved || !self.rects.is_empty() || !(4..=5).contains(&self.npts) {
            return false;
        }
        let pts = &self.pts[..self.npts];
        let Some(b) = self.bbox else { return false };
        let eps = 0.01;
        let near = |a: f32, v: f32| (a - v).abs() <= eps;
        let corners_only =
            pts.iter().all(|&(x, y)| (near(x, b.x0) || near(x, b.x1)) && (near(y, b.y0) || near(y, b.y1)));
        let sides = pts.windows(2).all(|w| near(w[0].0, w[1].0) != near(w[0].1, w[1].1));
        let closed = self.npts == 4 || (near(pts[0].0, pts[4].0) && near(pts[0].1, pts[4].1));
        corners_only && sides && closed
    }
}
