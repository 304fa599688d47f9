//! Operator dispatch: graphics state, paths, colour, and hand-off to text and XObjects.

use super::color::{self, ColorSpace};
use super::lexer::{Lexer, Token};
use super::state::Blend;
use super::{Frame, Interp};
use crate::pdf::content::{Rgb, Shape};
use crate::pdf::document::{deref, dict_get, number};
use crate::pdf::geom::{Matrix, Rect};

/// Page-space width (pt) from which a straight stroke hides the text under it.
const MIN_COVER_STROKE: f32 = 5.0;
use lopdf::Object;

/// The last `N` operands as numbers, or `None` when there are fewer or one is not a number.
pub(super) fn nums<const N: usize>(args: &[Token]) -> Option<[f32; N]> {
    let tail = args.get(args.len().checked_sub(N)?..)?;
    let mut out = [0f32; N];
    for (slot, t) in out.iter_mut().zip(tail) {
        match t {
            Token::Num(n) => *slot = *n,
            _ => return None,
        }
    }
    Some(out)
}

pub(super) fn last_name<'l>(args: &[Token], lex: &'l Lexer<'_>) -> Option<&'l [u8]> {
    args.iter().rev().find_map(|t| if let Token::Name(s) = t { Some(lex.bytes(*s)) } else { None })
}

fn last_str<'l>(args: &[Token], lex: &'l Lexer<'_>) -> Option<&'l [u8]> {
    args.iter().rev().find_map(|t| if let Token::Str(s) = t { Some(lex.bytes(*s)) } else { None })
}

/// The numeric operands of `sc`/`scn` (a trailing pattern name is ignored).
fn components(args: &[Token]) -> ([f32; 32], usize) {
    let mut out = [0f32; 32];
    let mut n = 0;
    for t in args {
        if let Token::Num(v) = t {
            if n < out.len() {
                out[n] = *v;
                n += 1;
            }
        }
    }
    (out, n)
}

impl<'d> Interp<'d> {
    pub(super) fn exec(&mut self, op: &[u8], args: &[Token], lex: &mut Lexer<'_>, f: &mut Frame<'d>) {
        match op {
            b"q" => {
                if self.gstack.len() - f.gbase < self.budget.limits.max_nesting as usize {
                    self.gstack.push(f.gs);
                } else {
                    // Deeper saves are counted, not stored: memory stays bounded on hostile input.
                    f.q_overflow += 1;
                }
            }
            b"Q" => {
                if f.q_overflow > 0 {
                    f.q_overflow -= 1;
                } else if self.gstack.len() > f.gbase {
                    if let Some(gs) = self.gstack.pop() {
                        f.gs = gs;
                    }
                }
            }
            b"cm" => {
                if let Some([a, b, c, d, e, ff]) = nums::<6>(args) {
                    f.gs.ctm = Matrix::new(a, b, c, d, e, ff).then(&f.gs.ctm);
                }
            }
            b"gs" => {
                if let Some(name) = last_name(args, lex) {
                    self.ext_gstate(f, name);
                }
            }
            // Paths.
            b"m" => {
                if let Some([x, y]) = nums(args) {
                    self.path.move_to(&f.gs.ctm, x, y);
                }
            }
            b"l" => {
                if let Some([x, y]) = nums(args) {
                    self.path.line_to(&f.gs.ctm, x, y);
                }
            }
            b"c" => {
                if let Some([x1, y1, x2, y2, x3, y3]) = nums(args) {
                    self.path.curve_to(&f.gs.ctm, &[(x1, y1), (x2, y2), (x3, y3)]);
                }
            }
            b"v" => {
                if let Some([x2, y2, x3, y3]) = nums(args) {
                    let cur = self.path.current;
                    self.path.curve_to(&f.gs.ctm, &[cur, (x2, y2), (x3, y3)]);
                }
            }
            b"y" => {
                if let Some([x1, y1, x3, y3]) = nums(args) {
                    self.path.curve_to(&f.gs.ctm, &[(x1, y1), (x3, y3)]);
                }
            }
            b"h" => self.path.close(),
            b"re" => {
                if let Some([x, y, w, h]) = nums(args) {
                    self.path.rect(&f.gs.ctm, x, y, w, h);
                }
            }
            b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => self.paint_path(f, true),
            b"S" | b"s" => self.paint_path(f, false),
            b"n" => self.paint_path(f, false),
            b"W" | b"W*" => self.clip_pending = true,
            b"w" => {
                if let Some([v]) = nums(args) {
                    f.gs.line_width = v.abs();
                }
            }
            // Text.
            b"BT" => {
                f.tm = Matrix::IDENTITY;
                f.tlm = Matrix::IDENTITY;
            }
            b"Tc" => {
                if let Some([v]) = nums(args) {
                    f.gs.char_spacing = v;
                }
            }
            b"Tw" => {
                if let Some([v]) = nums(args) {
                    f.gs.word_spacing = v;
                }
            }
            b"Tz" => {
                if let Some([v]) = nums(args) {
                    f.gs.h_scale = v / 100.0;
                }
            }
            b"TL" => {
                if let Some([v]) = nums(args) {
                    f.gs.leading = v;
                }
            }
            b"Ts" => {
                if let Some([v]) = nums(args) {
                    f.gs.rise = v;
                }
            }
            b"Tr" => {
                if let Some([v]) = nums(args) {
                    f.gs.render_mode = v.clamp(0.0, 7.0) as u8;
                }
            }
            b"Tf" => {
                if let (Some(name), Some([size])) = (last_name(args, lex), nums(args)) {
                    f.gs.font = Some(self.font_index(f.res, name));
                    f.gs.font_size = size;
                }
            }
            b"Td" => {
                if let Some([tx, ty]) = nums(args) {
                    f.next_line(tx, ty);
                }
            }
            b"TD" => {
                if let Some([tx, ty]) = nums(args) {
                    f.gs.leading = -ty;
                    f.next_line(tx, ty);
                }
            }
            b"Tm" => {
                if let Some([a, b, c, d, e, ff]) = nums(args) {
                    f.tlm = Matrix::new(a, b, c, d, e, ff);
                    f.tm = f.tlm;
                }
            }
            b"T*" => f.next_line(0.0, -f.gs.leading),
            b"Tj" => {
                if let Some(s) = last_str(args, lex) {
                    self.show(f, s);
                }
            }
            b"'" => {
                f.next_line(0.0, -f.gs.leading);
                if let Some(s) = last_str(args, lex) {
                    self.show(f, s);
                }
            }
            b"\"" => {
                if let Some([aw, ac]) = args.get(..args.len().saturating_sub(1)).and_then(nums) {
                    f.gs.word_spacing = aw;
                    f.gs.char_spacing = ac;
                }
                f.next_line(0.0, -f.gs.leading);
                if let Some(s) = last_str(args, lex) {
                    self.show(f, s);
                }
            }
            b"TJ" => self.show_array(f, args, lex),
            // Colour.
            b"g" => {
                if let Some([v]) = nums(args) {
                    f.gs.fill_cs = ColorSpace::Gray;
                    f.gs.fill = Rgb::gray(v.clamp(0.0, 1.0));
                }
            }
            b"G" => {
                if let Some([v]) = nums(args) {
                    f.gs.stroke_cs = ColorSpace::Gray;
                    f.gs.stroke = Rgb::gray(v.clamp(0.0, 1.0));
                }
            }
            b"rg" => {
                if let Some(c) = nums::<3>(args) {
                    f.gs.fill_cs = ColorSpace::Rgb;
                    f.gs.fill = ColorSpace::Rgb.color(&c, &[]);
                }
            }
            b"RG" => {
                if let Some(c) = nums::<3>(args) {
                    f.gs.stroke_cs = ColorSpace::Rgb;
                    f.gs.stroke = ColorSpace::Rgb.color(&c, &[]);
                }
            }
            b"k" => {
                if let Some(c) = nums::<4>(args) {
                    f.gs.fill_cs = ColorSpace::Cmyk;
                    f.gs.fill = ColorSpace::Cmyk.color(&c, &[]);
                }
            }
            b"K" => {
                if let Some(c) = nums::<4>(args) {
                    f.gs.stroke_cs = ColorSpace::Cmyk;
                    f.gs.stroke = ColorSpace::Cmyk.color(&c, &[]);
                }
            }
            b"cs" | b"CS" => {
                if let Some(name) = last_name(args, lex) {
                    let cs = color::resolve(self.lo, f.res, name, &mut self.palettes, self.budget);
                    let initial = cs.initial(&self.palettes);
                    if op == b"cs" {
                        (f.gs.fill_cs, f.gs.fill) = (cs, initial);
                    } else {
                        (f.gs.stroke_cs, f.gs.stroke) = (cs, initial);
                    }
                }
            }
            b"sc" | b"scn" => {
                let (c, n) = components(args);
                f.gs.fill = f.gs.fill_cs.color(&c[..n], &self.palettes);
            }
            b"SC" | b"SCN" => {
                let (c, n) = components(args);
                f.gs.stroke = f.gs.stroke_cs.color(&c[..n], &self.palettes);
            }
            // XObjects and inline images.
            b"Do" => {
                if let Some(name) = last_name(args, lex) {
                    self.do_xobject(f, name);
                }
            }
            b"BI" => self.inline_image(f, lex),
            b"sh" => self.shading(f),
            // Marked content: only optional content (`/OC`) changes what we record.
            b"BMC" => self.begin_marked(false),
            b"BDC" => {
                let hides = match (args.first(), args.get(1)) {
                    (Some(Token::Name(tag)), Some(Token::Name(props))) if lex.bytes(*tag) == b"OC" => {
                        let lo = self.lo;
                        f.res
                            .and_then(|r| dict_get(lo, r, b"Properties"))
                            .and_then(|o| o.as_dict().ok())
                            .and_then(|p| p.get(lex.bytes(*props)).ok())
                            .is_some_and(|entry| self.oc_hidden(entry))
                    }
                    _ => false,
                };
                self.begin_marked(hides);
                self.begin_actual_text(f, args, lex);
            }
            b"EMC" if self.marked.len() > f.marked_base => self.end_marked(),
            _ => {}
        }
    }

    /// `gs`: the parts of an ExtGState that change what we record (alpha, font).
    fn ext_gstate(&mut self, f: &mut Frame<'d>, name: &[u8]) {
        let lo = self.lo;
        let Some(gs) = f
            .res
            .and_then(|r| dict_get(lo, r, b"ExtGState"))
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| dict_get(lo, d, name))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        if let Some(v) = dict_get(lo, gs, b"ca").and_then(number) {
            f.gs.fill_alpha = v.clamp(0.0, 1.0);
        }
        if let Some(v) = dict_get(lo, gs, b"CA").and_then(number) {
            f.gs.stroke_alpha = v.clamp(0.0, 1.0);
        }
        if let Some(bm) = dict_get(lo, gs, b"BM") {
            // An array lists modes to try in turn; the first is the one viewers use.
            let first = match bm {
                Object::Array(a) => a.first().map(|o| deref(lo, o)),
                o => Some(o),
            };
            f.gs.blend = match first.and_then(|o| o.as_name().ok()) {
                Some(b"Normal" | b"Compatible") | None => Blend::Normal,
                Some(b"Multiply" | b"Darken" | b"ColorBurn") => Blend::Darken,
                Some(_) => Blend::Other,
            };
        }
        if let Some(Object::Array(a)) = dict_get(lo, gs, b"Font") {
            if let (Some(font), Some(size)) = (a.first(), a.get(1).map(|o| deref(lo, o)).and_then(number)) {
                f.gs.font = Some(self.font_index_for(Some(font)));
                f.gs.font_size = size;
            }
        }
    }

    /// A path-painting operator: records fills and thick strokes, then applies a pending clip
    /// (which takes effect after the painting, as the spec orders).
    fn paint_path(&mut self, f: &mut Frame<'d>, fill: bool) {
        if fill {
            self.fill_path(f);
        } else {
            self.stroke_path(f);
        }
        if std::mem::take(&mut self.clip_pending) {
            let r = self.path.rects.iter().fold(self.path.bbox, |acc, r| Some(acc.map_or(*r, |a| a.union(r))));
            // A clip with no path at all clips everything away.
            let solid = self.path.solid_box().filter(|_| !self.path.curved);
            let exact = (self.path.subpaths == 0 && self.path.rects.len() == 1) || solid.is_some();
            f.gs.clip_to(r.unwrap_or(Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 }), exact);
        }
        self.path.clear();
    }

    /// A straight stroke as wide as a line of text is a marker pen drawn over it: recorded as
    /// the filled rectangle it paints. Thinner strokes (rules, underlines, borders) are not.
    fn stroke_path(&mut self, f: &Frame<'d>) {
        let Some(((xa, ya), (xb, yb))) = self.path.single_segment() else { return };
        let ctm = &f.gs.ctm;
        let scale = (ctm.a * ctm.d - ctm.b * ctm.c).abs().sqrt();
        let half = f.gs.line_width * scale / 2.0;
        if half < MIN_COVER_STROKE / 2.0 || self.out.shapes.len() >= self.budget.limits.max_glyphs_per_page {
            return;
        }
        let r = if (ya - yb).abs() <= 0.01 {
            Rect::new(xa, ya - half, xb, ya + half)
        } else if (xa - xb).abs() <= 0.01 {
            Rect::new(xa - half, ya, xa + half, yb)
        } else {
            return;
        };
        let Some(bbox) = f.gs.visible_part(&r) else { return };
        let visible = self.visible();
        let seq = self.next_seq();
        self.out.shapes.push(Shape {
            bbox,
            fill: f.gs.stroke,
            alpha: if visible { f.gs.covering_alpha(f.gs.stroke, f.gs.stroke_alpha) } else { 0.0 },
            is_rect: true,
            source: f.source,
            seq,
        });
    }

    /// `sh` paints a shading over the whole clip. Only a rectangular clip is a box we can
    /// place; its colours vary, so it is recorded as mid-grey (a cover, never "the same
    /// colour as" the text on it).
    fn shading(&mut self, f: &Frame<'d>) {
        let Some(clip) = f.gs.clip.filter(|c| f.gs.clip_is_rect && c.x0 < c.x1 && c.y0 < c.y1) else { return };
        if self.out.shapes.len() >= self.budget.limits.max_glyphs_per_page {
            return;
        }
        let fill = Rgb::gray(0.5);
        let visible = self.visible();
        let seq = self.next_seq();
        self.out.shapes.push(Shape {
            bbox: clip,
            fill,
            alpha: if visible { f.gs.covering_alpha(fill, f.gs.fill_alpha) } else { 0.0 },
            is_rect: true,
            source: f.source,
            seq,
        });
    }

    /// Records a filled path: one exact shape per rectangle when the path is only rectangles,
    /// else one shape with the path's box.
    fn fill_path(&mut self, f: &Frame<'d>) {
        if self.path.is_empty() {
            return;
        }
        let max = self.budget.limits.max_glyphs_per_page;
        if self.out.shapes.len() >= max {
            self.stop(format!("the page paints more than {max} shapes; the rest of the page was not read"));
            return;
        }
        let rects = std::mem::take(&mut self.path.rects);
        let visible = self.visible();
        if self.path.subpaths == 0 {
            for r in rects.iter().filter_map(|r| f.gs.visible_part(r)) {
                let seq = self.next_seq();
                self.out.shapes.push(Shape {
                    bbox: r,
                    fill: f.gs.fill,
                    alpha: if visible { f.gs.covering_alpha(f.gs.fill, f.gs.fill_alpha) } else { 0.0 },
                    is_rect: true,
                    source: f.source,
                    seq,
                });
            }
        } else {
            let solid = self.path.solid_box();
            let bbox = rects.iter().fold(self.path.bbox, |acc, r| Some(acc.map_or(*r, |a| a.union(r))));
            if let Some(bbox) = solid.or(bbox).and_then(|b| f.gs.visible_part(&b)) {
                let seq = self.next_seq();
                self.out.shapes.push(Shape {
                    bbox,
                    fill: f.gs.fill,
                    alpha: if visible { f.gs.covering_alpha(f.gs.fill, f.gs.fill_alpha) } else { 0.0 },
                    is_rect: solid.is_some(),
                    source: f.source,
                    seq,
                });
            }
        }
        self.path.rects = rects;
    }
}

impl Frame<'_> {
    /// `Td`: start a new line offset from the start of the current one.
    pub(super) fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }
}
