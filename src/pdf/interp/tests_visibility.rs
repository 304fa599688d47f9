//! What a reader sees of what the interpreter records: clipping paths, form bounding boxes,
//! squeezed text, strokes wide enough to cover text, boxes drawn as polygons or with rounded
//! corners, and optional content beyond plain OFF lists.

use super::test_pdf::PdfBuilder;
use crate::pdf::content::{Concealed, PageContent};
use crate::pdf::document::Document;
use crate::pdf::limits::Limits;
use lopdf::{dictionary, Object};

fn one_page(content: &[u8]) -> PageContent {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    b.page(content, res);
    Document::open(&b.finish(), Limits::default()).unwrap().page_content(0)
}

fn concealed(p: &PageContent) -> Vec<(char, Concealed)> {
    p.glyphs.iter().map(|g| (g.ch, g.concealed)).collect()
}

#[test]
fn a_clipping_path_hides_what_lies_outside_it() {
    let p = one_page(
        b"q 0 0 0 0 re W n BT /F1 10 Tf 10 10 Td (A) Tj ET Q \
          BT /F1 10 Tf 10 10 Td (B) Tj ET \
          q 100 100 50 50 re W n BT /F1 10 Tf 110 110 Td (C) Tj ET BT /F1 10 Tf 300 300 Td (D) Tj ET \
          0 0 612 792 re f Q 0 0 20 20 re W f BT /F1 10 Tf 300 300 Td (E) Tj ET",
    );
    assert_eq!(
        concealed(&p),
        [
            ('A', Concealed::ClippedAway),
            ('B', Concealed::No),
            ('C', Concealed::No),
            ('D', Concealed::ClippedAway),
            ('E', Concealed::ClippedAway),
        ],
        "an empty clip hides all, Q restores, a clip hides only outside itself"
    );
    assert_eq!(p.shapes.len(), 2);
    assert_eq!(p.shapes[0].bbox.rounded(), [100.0, 100.0, 150.0, 150.0], "a fill shows only inside the clip");
    assert_eq!(p.shapes[1].bbox.rounded(), [0.0, 0.0, 20.0, 20.0], "W clips after the fill it comes with");
}

#[test]
fn a_form_is_clipped_to_its_bbox() {
    let mut b = PdfBuilder::new();
    let form = b.form(
        b"BT /F1 10 Tf 2 2 Td (A) Tj ET BT /F1 10 Tf 500 500 Td (B) Tj ET",
        dictionary! { "BBox" => vec![0.into(), 0.into(), 20.into(), 20.into()], "Resources" => b.resources() },
    );
    let mut res = b.resources();
    res.set("XObject", dictionary! { "X" => form });
    b.page(b"q 1 0 0 1 100 100 cm /X Do Q", res);
    let p = Document::open(&b.finish(), Limits::default()).unwrap().page_content(0);
    assert_eq!(concealed(&p), [('A', Concealed::No), ('B', Concealed::ClippedAway)]);
}

#[test]
fn text_squeezed_to_a_sliver_is_marked() {
    let p = one_page(b"BT /F1 10 Tf 1 Tz 10 10 Td (A) Tj 50 Tz (B) Tj ET BT /F1 10 Tf 0.01 0 0 1 10 50 Tm (C) Tj ET");
    assert_eq!(concealed(&p), [('A', Concealed::Squeezed), ('B', Concealed::No), ('C', Concealed::Squeezed)]);
}

#[test]
fn a_wide_straight_stroke_covers_like_a_box() {
    let p = one_page(b"0 0 0 RG 14 w 10 100 m 200 100 l S 1 w 10 50 m 200 50 l S 14 w 10 10 m 50 40 l S");
    assert_eq!(p.shapes.len(), 1, "thin and slanted strokes are not covers: {:?}", p.shapes);
    assert!(p.shapes[0].is_rect);
    assert_eq!(p.shapes[0].bbox.rounded(), [10.0, 93.0, 200.0, 107.0]);
}

#[test]
fn boxes_drawn_as_polygons_or_rounded_are_solid() {
    let p = one_page(
        b"255.15 744.289 m 56.7 744.289 l 56.7 761.289 l 453.55 761.289 l 453.55 744.289 l 255.15 744.289 l h f* \
          68 695 m 392 695 l 393.66 695 395 696.34 395 698 c 395 707 l 395 708.66 393.66 710 392 710 c \
          68 710 l 66.34 710 65 708.66 65 707 c 65 698 l 65 696.34 66.34 695 68 695 c h f \
          0 0 m 10 0 l 10 5 l 0 5 l 0 10 l 10 10 l 10 20 l 0 20 l h f \
          0 0 m 0 10 10 10 10 0 c f",
    );
    let s = &p.shapes;
    assert_eq!(s.len(), 4);
    assert!(s[0].is_rect, "LibreOffice starts its rectangles mid-edge");
    assert_eq!(s[0].bbox.rounded(), [56.7, 744.29, 453.55, 761.29]);
    assert!(s[1].is_rect, "a rounded rectangle");
    let r = s[1].bbox;
    assert!(r.x0 > 65.0 && r.x0 < 67.0 && r.x1 < 395.0 && r.x1 > 393.0 && r.y0 > 695.0 && r.y1 < 710.0, "{r:?}");
    assert!(!s[2].is_rect, "a zigzag inside its box is not a box");
    assert!(!s[3].is_rect, "an arch does not fill its box");
}

fn layered(content: &[u8], catalog_d: impl FnOnce(Object, Object) -> lopdf::Dictionary) -> PageContent {
    let mut b = PdfBuilder::new();
    let off = b.doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Skjult"),
    "Usage" => dictionary! { "View" => dictionary! { "ViewState" => "OFF" } } });
    let on = b.doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Synlig") });
    let any_off = b.doc.add_object(dictionary! { "Type" => "OCMD", "OCGs" => vec![on.into()], "P" => "AnyOff" });
    let not_off = b.doc.add_object(dictionary! { "Type" => "OCMD", "OCGs" => vec![on.into()],
    "VE" => vec!["Not".into(), off.into()] });
    let and = b.doc.add_object(dictionary! { "Type" => "OCMD", "OCGs" => vec![on.into()],
    "VE" => vec!["And".into(), on.into(), vec!["Not".into(), on.into()].into()] });
    let image = b.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 10, "Height" => 10,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "OC" => off },
        &[0u8; 100],
    );
    b.catalog.set(
        "OCProperties",
        dictionary! { "OCGs" => vec![off.into(), on.into()], "D" => catalog_d(off.into(), on.into()) },
    );
    let mut res = b.resources();
    res.set("Properties", dictionary! { "Off" => off, "AnyOff" => any_off, "NotOff" => not_off, "And" => and });
    res.set("XObject", dictionary! { "Im" => image });
    b.page(content, res);
    Document::open(&b.finish(), Limits::default()).unwrap().page_content(0)
}

#[test]
fn membership_policies_and_expressions_decide_without_any_layer_off() {
    let content = b"/OC /AnyOff BDC BT /F1 10 Tf (A) Tj ET EMC /OC /NotOff BDC BT /F1 10 Tf (B) Tj ET EMC \
                   /OC /And BDC BT /F1 10 Tf (C) Tj ET EMC /OC /Off BDC BT /F1 10 Tf (D) Tj ET EMC";
    // Nothing is off: only the memberships that want something off hide their content.
    let p = layered(content, |_, _| dictionary! {});
    assert_eq!(
        concealed(&p),
        [('A', Concealed::LayerOff), ('B', Concealed::LayerOff), ('C', Concealed::LayerOff), ('D', Concealed::No)]
    );
}

#[test]
fn the_view_auto_state_and_image_oc_are_honoured() {
    let content = b"/OC /Off BDC BT /F1 10 Tf (D) Tj ET EMC /OC /NotOff BDC BT /F1 10 Tf (B) Tj ET EMC \
                   q 100 0 0 100 0 0 cm /Im Do Q";
    let p = layered(content, |off, _| {
        dictionary! { "AS" => vec![dictionary! { "Event" => "View", "Category" => vec!["View".into()],
        "OCGs" => vec![off] }.into()] }
    });
    assert_eq!(concealed(&p), [('D', Concealed::LayerOff), ('B', Concealed::No)], "ViewState OFF applies on opening");
    assert!(p.images.is_empty(), "an image in a layer that is off covers nothing");
    let shown = layered(content, |_, _| dictionary! {});
    assert_eq!(concealed(&shown), [('D', Concealed::No), ('B', Concealed::LayerOff)]);
    assert_eq!(shown.images.len(), 1);
}

#[test]
fn a_highlighter_covers_only_when_black_and_a_shading_fills_its_clip() {
    let mut b = PdfBuilder::new();
    let mut res = b.resources();
    res.set("ExtGState", dictionary! { "M" => dictionary! { "BM" => "Multiply" }, "N" => dictionary! { "BM" => vec!["Normal".into(), "Multiply".into()] } });
    let yellow = b.form(b"1 1 0 rg 0 0 100 10 re f", dictionary! {});
    let annot = b.doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Highlight",
    "Rect" => vec![0.into(), 0.into(), 100.into(), 10.into()], "AP" => dictionary! { "N" => yellow } });
    let square = b.doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Square",
    "Rect" => vec![0.into(), 200.into(), 100.into(), 210.into()], "IC" => vec![0.into(), 0.into(), 0.into()] });
    b.page_with(
        b"q /M gs 1 1 0 rg 0 0 10 10 re f 0 g 20 0 10 10 re f /N gs 1 1 0 rg 40 0 10 10 re f Q \
          q 100 100 50 20 re W n /Sh sh Q q 0 0 m 10 0 l 5 10 l h W n /Sh sh Q /Sh sh",
        res,
        dictionary! { "Annots" => vec![annot.into(), square.into()] },
    );
    let p = Document::open(&b.finish(), Limits::default()).unwrap().page_content(0);
    let alphas: Vec<f32> = p.shapes.iter().map(|s| s.alpha).collect();
    assert_eq!(alphas, [0.0, 1.0, 1.0, 1.0, 0.0, 1.0], "{:?}", p.shapes);
    assert_eq!(p.shapes[3].bbox.rounded(), [100.0, 100.0, 150.0, 120.0], "a shading fills its rectangular clip only");
    assert_eq!(p.shapes[4].source, crate::pdf::content::GlyphSource::Annotation, "a highlight annotation multiplies");
    assert_eq!(p.shapes[5].bbox.rounded(), [0.0, 200.0, 100.0, 210.0], "a Square with no appearance is its /IC");
}

#[test]
fn a_visibility_expression_that_names_itself_over_and_over_ends() {
    let mut b = PdfBuilder::new();
    let on = b.doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Synlig") });
    // Each level names the level below 50 times: 50^16 operands unless the work is bounded.
    let mut expr: Object = on.into();
    for _ in 0..20 {
        let mut ops: Vec<Object> = vec!["And".into()];
        let id = b.doc.add_object(expr);
        ops.extend(std::iter::repeat_n(Object::Reference(id), 50));
        expr = Object::Array(ops);
    }
    let md =
        b.doc.add_object(dictionary! { "Type" => "OCMD", "OCGs" => vec![on.into()], "P" => "AllOff", "VE" => expr });
    b.catalog.set("OCProperties", dictionary! { "OCGs" => vec![on.into()], "D" => dictionary! {} });
    let mut res = b.resources();
    res.set("Properties", dictionary! { "M" => md });
    let content = b"/OC /M BDC BT /F1 10 Tf (A) Tj ET EMC ".repeat(1000);
    b.page(&content, res);
    let start = std::time::Instant::now();
    let p = Document::open(&b.finish(), Limits::default()).unwrap().page_content(0);
    assert!(start.elapsed().as_secs() < 10);
    // The expression is given up on; OCGs and P decide: AllOff with the group on hides.
    assert_eq!(p.glyphs.len(), 1000);
    assert!(p.glyphs.iter().all(|g| g.concealed == Concealed::LayerOff));
}
