//! Points, rectangles and affine matrices in PDF user space (origin bottom-left, y up).

use serde::{Deserialize, Serialize};

/// An axis-aligned rectangle with `x0 <= x1` and `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(xa: f32, ya: f32, xb: f32, yb: f32) -> Rect {
        Rect { x0: xa.min(xb), y0: ya.min(yb), x1: xa.max(xb), y1: ya.max(yb) }
    }
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
    pub fn area(&self) -> f32 {
        self.width().max(0.0) * self.height().max(0.0)
    }
    pub fn union(&self, o: &Rect) -> Rect {
        Rect { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }
    pub fn intersection(&self, o: &Rect) -> Option<Rect> {
        let r = Rect { x0: self.x0.max(o.x0), y0: self.y0.max(o.y0), x1: self.x1.min(o.x1), y1: self.y1.min(o.y1) };
        (r.x0 < r.x1 && r.y0 < r.y1).then_some(r)
    }
    /// Share of `self`'s area that `o` covers, 0..=1 (0 for an empty `self`).
    pub fn covered_by(&self, o: &Rect) -> f32 {
        let a = self.area();
        if a <= 0.0 {
            return 0.0;
        }
        self.intersection(o).map_or(0.0, |i| i.area() / a)
    }
    pub fn contains_point(&self, x: f32, y: f32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    /// `[x0, y0, x1, y1]` rounded to 0.01 pt so reports are stable across float noise.
    pub fn rounded(&self) -> [f32; 4] {
        let r = |v: f32| (v * 100.0).round() / 100.0;
        [r(self.x0), r(self.y0), r(self.x1), r(self.y1)]
    }
}

/// A PDF transformation matrix `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Default for Matrix {
    fn default() -> Self {
        Matrix::IDENTITY
    }
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix { a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0 };

    pub fn new(a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> Matrix {
        Matrix { a, b, c, d, e, f }
    }
    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix { e: tx, f: ty, ..Matrix::IDENTITY }
    }
    /// `self` applied first, then `then` (PDF's `self × then`).
    pub fn then(&self, then: &Matrix) -> Matrix {
        let m = then;
        Matrix {
            a: self.a * m.a + self.b * m.c,
            b: self.a * m.b + self.b * m.d,
            c: self.c * m.a + self.d * m.c,
            d: self.c * m.b + self.d * m.d,
            e: self.e * m.a + self.f * m.c + m.e,
            f: self.e * m.b + self.f * m.d + m.f,
        }
    }
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f)
    }
    /// Bounding box of a transformed rectangle.
    pub fn apply_rect(&self, r: &Rect) -> Rect {
        let pts = [self.apply(r.x0, r.y0), self.apply(r.x1, r.y0), self.apply(r.x0, r.y1), self.apply(r.x1, r.y1)];
        let mut out = Rect { x0: f32::MAX, y0: f32::MAX, x1: f32::MIN, y1: f32::MIN };
        for (x, y) in pts {
            out.x0 = out.x0.min(x);
            out.y0 = out.y0.min(y);
            out.x1 = out.x1.max(x);
            out.y1 = out.y1.max(y);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_first() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 5.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    #[test]
    fn coverage_is_share_of_own_area() {
        let glyph = Rect::new(0.0, 0.0, 10.0, 10.0);
        let bar = Rect::new(0.0, 0.0, 10.0, 5.0);
        assert!((glyph.covered_by(&bar) - 0.5).abs() < 1e-6);
        assert_eq!(glyph.covered_by(&Rect::new(20.0, 20.0, 30.0, 30.0)), 0.0);
    }
}
