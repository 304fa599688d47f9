//! XObjects (`Do`), inline images (`BI … ID … EI`) and annotation appearance streams.

use super::lexer::{Lexer, Token};
use super::oc::annotation_hidden;
use super::state::{Blend, GState};
use super::{Frame, Interp};
use crate::pdf::content::{GlyphSource, ImageDraw, Rgb, Shape};
use crate::pdf::document::{deref, dict_get, number, rect_of, PageInfo};
use crate::pdf::geom::{Matrix, Rect};
use lopdf::{Dictionary, Object, ObjectId};
use std::rc::Rc;

/// Most annotations drawn per page.
const MAX_ANNOTATIONS: usize = 10_000;
/// Most tokens in an inline image dictionary; more means we are not in one.
const MAX_INLINE_DICT_TOKENS: usize = 1_000;

const UNIT_SQUARE: Rect = Rect { x0: 0.0, y0: 0.0, x1: 1.0, y1: 1.0 };

fn matrix_of(doc: &lopdf::Document, obj: Option<&Object>) -> Option<Matrix> {
    let Some(Object::Array(a)) = obj.map(|o| deref(doc, o)) else { return None };
    let mut v = [0f32; 6];
    if a.len() < 6 {
        return None;
    }
    for (slot, o) in v.iter_mut().zip(a) {
        *slot = number(deref(doc, o))?;
    }
    Some(Matrix::new(v[0], v[1], v[2], v[3], v[4], v[5]))
}

impl<'d> Interp<'d> {
    pub(super) fn do_xobject(&mut self, f: &mut Frame<'d>, name: &[u8]) {
        let lo = self.lo;
        let Some(entry) = f
            .res
            .and_then(|r| dict_get(lo, r, b"XObject"))
            .and_then(|o| o.as_dict().ok())
            .and_then(|x| x.get(name).ok())
        else {
            return;
        };
        let Object::Stream(s) = deref(lo, entry) else { return };
        let subtype = dict_get(lo, &s.dict, b"Subtype").and_then(|o| o.as_name().ok());
        // Some writers leave out the subtype of a form; its BBox gives it away.
        let subtype = if subtype.is_none() && s.dict.has(b"BBox") { Some(&b"Form"[..]) } else { subtype };
        match subtype {
            Some(b"Image") => {
                if s.dict.get(b"OC").is_ok_and(|oc| self.oc_hidden(oc)) {
                    return;
                }
                let dim = |k: &[u8]| dict_get(lo, &s.dict, k).and_then(number).unwrap_or(0.0).max(0.0) as u32;
                self.image(f, dim(b"Width"), dim(b"Height"));
            }
            Some(b"Form") => {
                let matrix = matrix_of(lo, s.dict.get(b"Matrix").ok()).unwrap_or(Matrix::IDENTITY);
                let ctm = matrix.then(&f.gs.ctm);
                // Inside an annotation appearance, nested forms still belong to the annotation.
                let source = if f.source == GlyphSource::Annotation { f.source } else { GlyphSource::Form };
                self.draw_form(entry.as_reference().ok(), s, GState { ctm, ..f.gs }, f.res, source, false);
            }
            _ => {}
        }
    }

    fn image(&mut self, f: &Frame<'d>, width: u32, height: u32) {
        if !self.visible() {
            // An image nobody sees covers nothing and shows nothing.
            return;
        }
        let max = self.budget.limits.max_glyphs_per_page;
        if self.out.images.len() >= max {
            self.stop(format!("the page paints more than {max} images; the rest of the page was not read"));
            return;
        }
        // The part clipped away shows nothing; an image clipped away entirely covers nothing.
        let Some(bbox) = f.gs.visible_part(&f.gs.ctm.apply_rect(&UNIT_SQUARE)) else { return };
        let seq = self.next_seq();
        self.out.images.push(ImageDraw { bbox, width, height, source: f.source, seq });
    }

    /// Runs a form's content in `gs` (its CTM already includes the form matrix), its own resources (else the caller's), and a fresh
    /// text object. `id` guards against forms that draw themselves.
    pub(super) fn draw_form(
        &mut self,
        id: Option<ObjectId>,
        s: &'d lopdf::Stream,
        gs: GState,
        parent_res: Option<&'d Dictionary>,
        source: GlyphSource,
        hide: bool,
    ) {
        let mut gs = gs;
        // A form is clipped to its BBox.
        if let Some(bbox) = dict_get(self.lo, &s.dict, b"BBox").and_then(|o| rect_of(self.lo, o)) {
            let m = gs.ctm;
            let axis_aligned = (m.b == 0.0 && m.c == 0.0) || (m.a == 0.0 && m.d == 0.0);
            gs.clip_to(m.apply_rect(&bbox), axis_aligned);
        }
        let max_depth = self.budget.limits.max_form_depth;
        if self.form_depth >= max_depth {
            self.note(format!(
                "Form XObjects are nested deeper than {max_depth} levels; the deeper ones were not read"
            ));
            return;
        }
        if let Some(id) = id {
            if self.form_stack.contains(&id) {
                self.note("a Form XObject draws itself; the repeated drawing was not read".to_string());
                return;
            }
        }
        let cached = id.and_then(|id| self.form_cache.get(&id).cloned());
        let content = match cached {
            Some(c) => c,
            None => {
                let c = Rc::new(self.decode(s));
                if let Some(id) = id {
                    self.form_cache.insert(id, c.clone());
                }
                c
            }
        };
        if self.stopped {
            return;
        }
        let lo = self.lo;
        let res = dict_get(lo, &s.dict, b"Resources").and_then(|o| o.as_dict().ok()).or(parent_res);
        let mut frame = Frame {
            res,
            gs,
            gbase: self.gstack.len(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            source,
            q_overflow: 0,
            marked_base: 0,
        };
        let hides = hide || s.dict.get(b"OC").is_ok_and(|oc| self.oc_hidden(oc));
        self.form_depth += 1;
        if let Some(id) = id {
            self.form_stack.push(id);
        }
        self.hidden_levels += hides as u32;
        self.run(&content, &mut frame);
        self.hidden_levels -= hides as u32;
        if id.is_some() {
            self.form_stack.pop();
        }
        self.form_depth -= 1;
    }

    /// `BI`: reads the image dictionary up to `ID`, skips the data and `EI`, records the image.
    pub(super) fn inline_image(&mut self, f: &mut Frame<'d>, lex: &mut Lexer<'_>) {
        #[derive(PartialEq, Clone, Copy)]
        enum Key {
            Width,
            Height,
            Length,
            Bpc,
            ColorSpace,
            Filter,
            ImageMask,
            Other,
        }
        let (mut w, mut h, mut bpc) = (0f32, 0f32, 8f32);
        let mut length: Option<f32> = None;
        let mut comps: Option<f32> = Some(1.0);
        let (mut filtered, mut mask) = (false, false);
        let mut key: Option<Key> = None;
        let mut depth = 0u32;
        let mut found_id = false;
        for _ in 0..MAX_INLINE_DICT_TOKENS {
            let tok = lex.next_token();
            match tok {
                Token::Eof => break,
                Token::Op(s) => {
                    found_id = lex.src_bytes(s) == b"ID";
                    break;
                }
                Token::ArrOpen | Token::DictOpen => depth += 1,
                Token::ArrClose | Token::DictClose => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        key = None;
                    }
                }
                Token::Name(s) if key.is_none() && depth == 0 => {
                    key = Some(match lex.bytes(s) {
                        b"W" | b"Width" => Key::Width,
                        b"H" | b"Height" => Key::Height,
                        b"L" | b"Length" => Key::Length,
                        b"BPC" | b"BitsPerComponent" => Key::Bpc,
                        b"CS" | b"ColorSpace" => Key::ColorSpace,
                        b"F" | b"Filter" => Key::Filter,
                        b"IM" | b"ImageMask" => Key::ImageMask,
                        _ => Key::Other,
                    });
                }
                value => {
                    match (key, value) {
                        (Some(Key::Width), Token::Num(n)) => w = n,
                        (Some(Key::Height), Token::Num(n)) => h = n,
                        (Some(Key::Length), Token::Num(n)) => length = Some(n),
                        (Some(Key::Bpc), Token::Num(n)) => bpc = n,
                        (Some(Key::Filter), Token::Name(_)) => filtered = true,
                        (Some(Key::ImageMask), Token::Bool(b)) => mask = b,
                        (Some(Key::ColorSpace), Token::Name(s)) => {
                            comps = match lex.bytes(s) {
                                b"G" | b"DeviceGray" | b"I" | b"Indexed" | b"CalGray" => Some(1.0),
                                b"RGB" | b"DeviceRGB" | b"CalRGB" => Some(3.0),
                                b"CMYK" | b"DeviceCMYK" => Some(4.0),
                                _ => None,
                            };
                            if depth > 0 {
                                // `[/I base hival lookup]`: the first name decides.
                                key = Some(Key::Other);
                            }
                        }
                        _ => {}
                    }
                    if depth == 0 {
                        key = None;
                    }
                }
            }
        }
        if !found_id {
            return;
        }
        let known_len = match length {
            Some(l) if l > 0.0 => Some(l as usize),
            _ if !filtered => {
                let (comps, bpc) = if mask { (Some(1.0), 1.0) } else { (comps, bpc) };
                comps.map(|c| ((w.max(0.0) as f64 * c as f64 * bpc as f64 / 8.0).ceil() * h.max(0.0) as f64) as usize)
            }
            _ => None,
        };
        lex.skip_inline_image_data(known_len);
        self.image(f, w.max(0.0) as u32, h.max(0.0) as u32);
    }

    /// Draws each annotation's normal appearance into its `/Rect`, after the page content.
    pub(super) fn annotations(&mut self, info: &PageInfo) {
        let lo = self.lo;
        let Ok(page) = lo.get_dictionary(info.id) else { return };
        let Some(Object::Array(annots)) = dict_get(lo, page, b"Annots") else { return };
        let page_res = info
            .resources_owner
            .and_then(|id| lo.get_dictionary(id).ok())
            .and_then(|d| dict_get(lo, d, b"Resources"))
            .and_then(|o| o.as_dict().ok());
        for a in annots.iter().take(MAX_ANNOTATIONS) {
            if self.stopped {
                break;
            }
            let Object::Dictionary(annot) = deref(lo, a) else { continue };
            let hidden = annotation_hidden(lo, annot) || annot.get(b"OC").is_ok_and(|oc| self.oc_hidden(oc));
            let subtype = dict_get(lo, annot, b"Subtype").and_then(|o| o.as_name().ok());
            let Some((id, stream)) = appearance(lo, annot) else {
                if subtype == Some(b"Square") && !hidden {
                    self.square_without_appearance(annot);
                }
                continue;
            };
            let Some(rect) = dict_get(lo, annot, b"Rect").and_then(|o| rect_of(lo, o)) else { continue };
            let bbox = dict_get(lo, &stream.dict, b"BBox").and_then(|o| rect_of(lo, o)).unwrap_or(Rect::new(
                0.0,
                0.0,
                rect.width(),
                rect.height(),
            ));
            let matrix = matrix_of(lo, stream.dict.get(b"Matrix").ok()).unwrap_or(Matrix::IDENTITY);
            // The spec's algorithm: the transformed BBox is scaled and moved onto Rect.
            let tb = matrix.apply_rect(&bbox);
            let sx = if tb.width() > 0.0 { rect.width() / tb.width() } else { 1.0 };
            let sy = if tb.height() > 0.0 { rect.height() / tb.height() } else { 1.0 };
            let fit = Matrix::new(sx, 0.0, 0.0, sy, rect.x0 - tb.x0 * sx, rect.y0 - tb.y0 * sy);
            let ctm = matrix.then(&fit);
            let mut gs = GState::new(ctm);
            if subtype == Some(b"Highlight") {
                // Viewers lay highlights over the text like a marker (multiply), whatever the
                // appearance says.
                gs.blend = Blend::Darken;
            }
            self.draw_form(id, stream, gs, page_res, GlyphSource::Annotation, hidden);
        }
    }
}

impl Interp<'_> {
    /// A Square annotation with no appearance: viewers draw it from its interior colour.
    fn square_without_appearance(&mut self, annot: &Dictionary) {
        let lo = self.lo;
        let Some(rect) = dict_get(lo, annot, b"Rect").and_then(|o| rect_of(lo, o)) else { return };
        let Some(Object::Array(ic)) = dict_get(lo, annot, b"IC") else { return };
        let c: Vec<f32> = ic.iter().filter_map(|o| number(deref(lo, o))).take(4).collect();
        let fill = match c.as_slice() {
            [g] => Rgb::gray(g.clamp(0.0, 1.0)),
            [r, g, b] => Rgb { r: r.clamp(0.0, 1.0), g: g.clamp(0.0, 1.0), b: b.clamp(0.0, 1.0) },
            [c, m, y, k] => Rgb::from_cmyk(*c, *m, *y, *k),
            _ => return,
        };
        if self.out.shapes.len() >= self.budget.limits.max_glyphs_per_page {
            return;
        }
        let alpha = dict_get(lo, annot, b"CA").and_then(number).unwrap_or(1.0).clamp(0.0, 1.0);
        let seq = self.next_seq();
        self.out.shapes.push(Shape { bbox: rect, fill, alpha, is_rect: true, source: GlyphSource::Annotation, seq });
    }
}

/// The normal appearance stream of an annotation: `/AP /N`, or its `/AS` state.
fn appearance<'d>(lo: &'d lopdf::Document, annot: &'d Dictionary) -> Option<(Option<ObjectId>, &'d lopdf::Stream)> {
    let ap = dict_get(lo, annot, b"AP")?.as_dict().ok()?;
    let n_raw = ap.get(b"N").ok()?;
    let chosen = match deref(lo, n_raw) {
        Object::Stream(_) => n_raw,
        Object::Dictionary(states) => {
            let state = dict_get(lo, annot, b"AS").and_then(|o| o.as_name().ok());
            match state {
                Some(s) => states.get(s).ok()?,
                None if states.len() == 1 => states.iter().next()?.1,
                None => return None,
            }
        }
        _ => return None,
    };
    let stream = deref(lo, chosen).as_stream().ok()?;
    Some((chosen.as_reference().ok(), stream))
}
