//! Interpreter tests on PDFs built in code.
//!
//! Fonts here have explicit `/Widths` of 500 and a descriptor with ascent 800 and descent −200,
//! so positions do not depend on which font metrics the font module knows.

use super::test_pdf::PdfBuilder;
use crate::pdf::content::{GlyphSource, PageContent, Rgb};
use crate::pdf::document::{Document, OpenError};
use crate::pdf::limits::Limits;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{dictionary, Dictionary, Object, Stream};
use std::io::Write;

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn one_page(content: &[u8]) -> PageContent {
    one_page_with(content, Limits::default())
}

fn one_page_with(content: &[u8], limits: Limits) -> PageContent {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    b.page(content, res);
    let doc = Document::open(&b.finish(), limits).unwrap();
    doc.page_content(0)
}

fn xs(page: &PageContent) -> Vec<f32> {
    page.glyphs.iter().map(|g| g.x).collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-3
}

fn assert_all_close(got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, *w), "{got:?} vs {want:?}");
    }
}

#[test]
fn td_and_tj_place_glyphs_by_width() {
    let p = one_page(b"BT /F1 10 Tf 100 700 Td (AB) Tj ET");
    assert_all_close(&xs(&p), &[100.0, 105.0]);
    let g = &p.glyphs[0];
    assert!(close(g.y, 700.0) && close(g.size, 10.0) && g.angle == 0);
    // Box: advance width 5, from descent −2 to ascent 8.
    assert!(close(g.bbox.x1, 105.0) && close(g.bbox.y0, 698.0) && close(g.bbox.y1, 708.0), "{:?}", g.bbox);
    assert!(g.in_page_box && g.source == GlyphSource::Page && g.render_mode == 0);
    assert_eq!(p.fonts.len(), 1);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

#[test]
fn char_word_spacing_and_horizontal_scaling() {
    // Advance = (w0·Tfs + Tc + Tw for spaces) · Th = (5 + 2 [+ 3]) · 0.5.
    let p = one_page(b"BT /F1 10 Tf 2 Tc 3 Tw 50 Tz (A B) Tj ET");
    assert_all_close(&xs(&p), &[0.0, 3.5, 8.5]);
    assert!(close(p.glyphs[0].bbox.width(), 2.5));
    assert!(p.glyphs[1].synthetic_space || p.glyphs[1].ch == '\u{FFFD}');
}

#[test]
fn tj_numbers_move_back_by_thousandths() {
    let p = one_page(b"BT /F1 10 Tf [(A) -1000 (B) 500 (C)] TJ ET");
    assert_all_close(&xs(&p), &[0.0, 15.0, 15.0]);
    let p = one_page(b"BT /F1 10 Tf 200 Tz [(A) -1000 (B)] TJ ET");
    assert_all_close(&xs(&p), &[0.0, 30.0]);
}

#[test]
fn text_and_graphics_matrices_combine() {
    let p = one_page(b"2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 100 Tm (AB) Tj ET");
    assert_all_close(&xs(&p), &[100.0, 110.0]);
    assert!(close(p.glyphs[0].y, 200.0) && close(p.glyphs[0].size, 20.0));
    // Rotated 90°: the baseline runs up the page.
    let p = one_page(b"BT /F1 10 Tf 0 1 -1 0 300 100 Tm (AB) Tj ET");
    assert_eq!(p.glyphs[0].angle, 90);
    assert!(close(p.glyphs[1].x, 300.0) && close(p.glyphs[1].y, 105.0));
}

#[test]
fn leading_and_next_line_operators() {
    let p = one_page(b"BT /F1 10 Tf 14 TL 100 700 Td (A) Tj T* (B) Tj 0 -20 TD (C) Tj (D) ' 1 2 (E) \" ET");
    let ys: Vec<f32> = p.glyphs.iter().map(|g| g.y).collect();
    assert_all_close(&ys, &[700.0, 686.0, 666.0, 646.0, 626.0]);
    assert_all_close(&xs(&p), &[100.0; 5]);
}

#[test]
fn text_rise_moves_glyphs_up() {
    let p = one_page(b"BT /F1 10 Tf 100 700 Td 3 Ts (A) Tj ET");
    assert!(close(p.glyphs[0].y, 703.0));
}

#[test]
fn q_and_q_restore_state_and_tolerate_imbalance() {
    let p = one_page(b"Q Q q 1 0 0 1 100 0 cm q 1 0 0 1 0 50 cm Q BT /F1 10 Tf (A) Tj ET Q BT /F1 10 Tf (B) Tj ET");
    assert_all_close(&xs(&p), &[100.0, 0.0]);
    assert!(close(p.glyphs[0].y, 0.0));
    // Far deeper than the nesting limit: bounded, still read.
    let mut deep = b"q ".repeat(10_000);
    deep.extend_from_slice(b"BT /F1 10 Tf (A) Tj ET");
    deep.extend_from_slice(&b"Q ".repeat(10_000));
    let p = one_page(&deep);
    assert_eq!(p.glyphs.len(), 1);
}

#[test]
fn colours_alpha_and_render_mode() {
    let mut b = PdfBuilder::new();
    let mut res = b.resources();
    res.set("ExtGState", dictionary! { "GS1" => dictionary! { "ca" => 0.5 } });
    res.set(
        "ColorSpace",
        dictionary! { "CS0" => vec![Object::Name(b"Separation".to_vec()),
        Object::Name(b"Spot".to_vec()), Object::Name(b"DeviceCMYK".to_vec()), Object::Null] },
    );
    b.page(
        b"BT /F1 10 Tf 1 0 0 rg (A) Tj 0 0 0 1 k (B) Tj /CS0 cs 0 scn (C) Tj /GS1 gs 3 Tr (D) Tj \
          1 Tr 0 0 1 RG (E) Tj ET",
        res,
    );
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    let fills: Vec<Rgb> = p.glyphs.iter().map(|g| g.fill).collect();
    assert_eq!(fills[0], Rgb { r: 1.0, g: 0.0, b: 0.0 });
    assert_eq!(fills[1], Rgb::BLACK);
    assert_eq!(fills[2], Rgb::WHITE);
    assert_eq!((p.glyphs[3].alpha, p.glyphs[3].render_mode), (0.5, 3));
    // Stroked text shows its stroke colour.
    assert_eq!(fills[4], Rgb { r: 0.0, g: 0.0, b: 1.0 });
}

#[test]
fn filled_paths_become_shapes() {
    let p = one_page(
        b"1 1 1 rg 10 10 100 50 re f 0 0 m 10 0 l 10 10 l 0 10 l h f \
          0 0 m 10 0 l 5 10 l h f 0 0 m 0 10 10 10 10 0 c f \
          0 0 1 1 re 5 5 1 1 re f 0 0 100 100 re S 0 0 50 50 re W n",
    );
    let s = &p.shapes;
    assert_eq!(s.len(), 6, "{s:?}");
    assert!(s[0].is_rect && s[0].fill == Rgb::WHITE);
    assert_eq!(s[0].bbox.rounded(), [10.0, 10.0, 110.0, 60.0]);
    assert!(s[1].is_rect, "four lines around a box are a rectangle");
    assert!(!s[2].is_rect && !s[3].is_rect);
    assert!(s[3].bbox.x1 == 10.0 && s[3].bbox.y1 == 10.0);
    assert_eq!(s[5].bbox.rounded(), [5.0, 5.0, 6.0, 6.0]);
    assert!(s[4].is_rect && s[5].is_rect, "a path of rectangles gives one exact shape each");
    let seqs: Vec<u32> = s.iter().map(|s| s.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn inline_images_are_skipped_and_recorded() {
    let p = one_page(
        b"q 100 0 0 50 10 20 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00EI EI Q \
          q BI /W 4 /H 4 /F /AHx ID 0a0b EI Q BT /F1 10 Tf (A) Tj ET",
    );
    assert_eq!(p.images.len(), 2);
    assert_eq!(p.images[0].bbox.rounded(), [10.0, 20.0, 110.0, 70.0]);
    assert_eq!((p.images[0].width, p.images[0].height), (2, 2));
    assert_eq!(p.glyphs.len(), 1);
    assert!(p.images[1].seq < p.glyphs[0].seq);
}

#[test]
fn form_xobjects_recurse_with_their_matrix_and_resources() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let inner = b.form(b"BT /F1 10 Tf (B) Tj ET", Dictionary::new());
    let form = b.form(
        b"BT /F1 10 Tf (A) Tj ET /X2 Do",
        dictionary! { "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 10.into(), 20.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => b.font_id },
            "XObject" => dictionary! { "X2" => inner } } },
    );
    let mut page_res = res.clone();
    page_res.set("XObject", dictionary! { "X1" => form });
    b.page(b"1 0 0 1 100 100 cm /X1 Do /X1 Do", page_res);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert_eq!(p.glyphs.len(), 4);
    assert!(close(p.glyphs[0].x, 110.0) && close(p.glyphs[0].y, 120.0));
    assert!(close(p.glyphs[1].x, 110.0), "the inner form inherits the CTM");
    assert!(p.glyphs.iter().all(|g| g.source == GlyphSource::Form));
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

#[test]
fn a_form_that_draws_itself_terminates_with_a_problem() {
    let mut b = PdfBuilder::new();
    let id = b.doc.new_object_id();
    let mut dict = dictionary! { "Type" => "XObject", "Subtype" => "Form",
    "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
    "Resources" => dictionary! { "XObject" => dictionary! { "Me" => id }, "Font" => dictionary! { "F1" => b.font_id } } };
    dict.set("Length", 0);
    b.doc.objects.insert(id, Object::Stream(Stream::new(dict, b"BT /F1 10 Tf (A) Tj ET /Me Do".to_vec())));
    let mut res = b.resources();
    res.set("XObject", dictionary! { "X" => id });
    b.page(b"/X Do", res);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert_eq!(p.glyphs.len(), 1);
    assert!(p.problems.iter().any(|s| s.contains("draws itself")), "{:?}", p.problems);
}

#[test]
fn form_nesting_is_bounded() {
    let mut b = PdfBuilder::new();
    let mut next = b.form(b"BT /F1 10 Tf (A) Tj ET", Dictionary::new());
    for _ in 0..30 {
        next = b.form(
            b"/N Do",
            dictionary! { "Resources" => dictionary! { "XObject" => dictionary! { "N" => next },
            "Font" => dictionary! { "F1" => b.font_id } } },
        );
    }
    let mut res = b.resources();
    res.set("XObject", dictionary! { "X" => next });
    b.page(b"/X Do", res);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert!(p.glyphs.is_empty());
    assert!(p.problems.iter().any(|s| s.contains("nested deeper")), "{:?}", p.problems);
}

#[test]
fn annotation_appearances_are_mapped_into_their_rect() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let ap = b.form(
        b"BT /F1 10 Tf 0 5 Td (A) Tj ET",
        dictionary! { "BBox" => vec![0.into(), 0.into(), 50.into(), 25.into()], "Resources" => res.clone() },
    );
    let on = b.form(b"0 0 10 10 re f", dictionary! { "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] });
    let annot = b.doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "FreeText",
    "Rect" => vec![100.into(), 100.into(), 200.into(), 150.into()], "AP" => dictionary! { "N" => ap } });
    let widget = b.doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Widget", "AS" => "On",
    "Rect" => vec![300.into(), 300.into(), 310.into(), 310.into()],
    "AP" => dictionary! { "N" => dictionary! { "On" => on, "Off" => ap } } });
    b.page_with(b"", res, dictionary! { "Annots" => vec![annot.into(), widget.into()] });
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert_eq!(p.glyphs.len(), 1);
    let g = &p.glyphs[0];
    assert!(close(g.x, 100.0) && close(g.y, 110.0) && close(g.size, 20.0), "{g:?}");
    assert_eq!(g.source, GlyphSource::Annotation);
    assert_eq!(p.shapes.len(), 1);
    assert_eq!(p.shapes[0].bbox.rounded(), [300.0, 300.0, 310.0, 310.0]);
}

#[test]
fn operator_limit_stops_the_page_with_a_problem() {
    let content = b"0 0 m ".repeat(5000);
    let p = one_page_with(&content, Limits { max_ops_per_page: 1000, ..Limits::default() });
    assert!(p.problems.iter().any(|s| s.contains("more than 1000 operators")), "{:?}", p.problems);
}

#[test]
fn glyph_limit_stops_the_page_with_a_problem() {
    let mut content = b"BT /F1 1 Tf ".to_vec();
    content.extend_from_slice(&b"(AAAAAAAAAA) Tj ".repeat(100));
    let p = one_page_with(&content, Limits { max_glyphs_per_page: 50, ..Limits::default() });
    assert_eq!(p.glyphs.len(), 50);
    assert!(p.problems.iter().any(|s| s.contains("more than 50 characters")));
}

#[test]
fn deep_array_nesting_stops_the_page() {
    let mut content = b"[".repeat(100_000);
    content.extend_from_slice(b" TJ");
    let p = one_page(&content);
    assert!(p.problems.iter().any(|s| s.contains("nests arrays")), "{:?}", p.problems);
}

#[test]
fn decompression_bomb_content_is_capped() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let page = b.page(b"", res);
    let mut content = b"BT /F1 10 Tf (A) Tj ET ".to_vec();
    content.resize(16 << 20, b' ');
    let bomb = b.stream(dictionary! { "Filter" => "FlateDecode" }, &zlib(&content));
    b.doc.get_dictionary_mut(page).unwrap().set("Contents", bomb);
    let limits = Limits { max_stream_bytes: 1 << 20, ..Limits::default() };
    let doc = Document::open(&b.finish(), limits).unwrap();
    let p = doc.page_content(0);
    assert_eq!(p.glyphs.len(), 1, "what decoded before the cap is read");
    assert!(p.problems.iter().any(|s| s.contains("limit per stream")), "{:?}", p.problems);
}

#[test]
fn truncated_flate_content_keeps_its_start() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let page = b.page(b"", res);
    let text: Vec<u8> = (0..5000).flat_map(|i| format!("BT /F1 10 Tf {i} 0 Td (A) Tj ET\n").into_bytes()).collect();
    let z = zlib(&text);
    let cut = b.stream(dictionary! { "Filter" => "FlateDecode" }, &z[..z.len() / 2]);
    b.doc.get_dictionary_mut(page).unwrap().set("Contents", cut);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert!(p.glyphs.len() > 100 && p.glyphs.len() < 5000, "{}", p.glyphs.len());
    assert!(!p.problems.is_empty());
}

#[test]
fn content_arrays_are_joined() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let page = b.page(b"", res);
    let s1 = b.stream(Dictionary::new(), b"BT /F1 10 Tf (A) Tj");
    let s2 = b.stream(dictionary! { "Filter" => "FlateDecode" }, &zlib(b"(B) Tj ET"));
    b.doc.get_dictionary_mut(page).unwrap().set("Contents", vec![s1.into(), s2.into()]);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    assert_all_close(&xs(&doc.page_content(0)), &[0.0, 5.0]);
}

#[test]
fn page_tree_inheritance_and_cycles() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let p1 = b.page(b"BT /F1 10 Tf (A) Tj ET", Dictionary::new());
    b.doc.get_dictionary_mut(p1).unwrap().remove(b"Resources");
    let mid = b.doc.new_object_id();
    let p2 = b.doc.add_object(dictionary! { "Type" => "Page", "Parent" => mid, "Contents" => Object::Null });
    b.doc.objects.insert(
        mid,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![p2.into(), mid.into()], "Count" => 1_000_000,
            "Rotate" => -90, "CropBox" => vec![10.into(), 10.into(), 100.into(), 100.into()] },
        ),
    );
    b.kids.push(mid.into());
    let bytes = b.finish_with(|pages| pages.set("Resources", res));
    let doc = Document::open(&bytes, Limits::default()).unwrap();
    assert_eq!(doc.page_count(), 2);
    assert!(doc.problems.iter().any(|s| s.contains("cycle")), "{:?}", doc.problems);
    let first = doc.page_content(0);
    assert_eq!(first.glyphs.len(), 1, "resources are inherited from the root");
    let second = doc.page_content(1);
    assert_eq!(second.rotate, 270);
    assert_eq!(second.page_box.rounded(), [10.0, 10.0, 100.0, 100.0]);
}

#[test]
fn max_pages_is_enforced() {
    let mut b = PdfBuilder::new();
    for _ in 0..5 {
        b.page(b"", Dictionary::new());
    }
    let doc = Document::open(&b.finish(), Limits { max_pages: 3, ..Limits::default() }).unwrap();
    assert_eq!(doc.page_count(), 3);
    assert!(doc.problems.iter().any(|s| s.contains("more than 3 pages")));
}

#[test]
fn garbage_and_empty_input_are_errors() {
    assert!(matches!(Document::open(b"", Limits::default()), Err(OpenError::Malformed(_))));
    assert!(matches!(Document::open(b"not a pdf at all", Limits::default()), Err(OpenError::Malformed(_))));
}

#[test]
fn truncated_file_still_opens_its_pages() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    b.page(b"BT /F1 10 Tf (A) Tj ET", res);
    let bytes = b.finish();
    // Cut off the cross-reference table and trailer.
    let cut = bytes.windows(4).rposition(|w| w == b"xref").unwrap();
    let doc = Document::open(&bytes[..cut], Limits::default()).unwrap();
    assert_eq!(doc.page_content(0).glyphs.len(), 1);
}

#[test]
fn file_cut_before_its_catalog_still_gives_its_pages() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    b.page(b"BT /F1 10 Tf (A) Tj ET", res);
    let bytes = b.finish();
    // The catalog is the last object written; cut the file just before it.
    let catalog = bytes.windows(7).rposition(|w| w == b"Catalog").unwrap();
    let obj = bytes[..catalog].windows(4).rposition(|w| w == b" obj").unwrap();
    let line = bytes[..obj].iter().rposition(|&b| b == b'\n').unwrap();
    let doc = Document::open(&bytes[..line], Limits::default()).unwrap();
    assert_eq!(doc.page_count(), 1);
    assert_eq!(doc.page_content(0).glyphs.len(), 1);
    assert!(doc.problems.iter().any(|p| p.contains("cut off")), "{:?}", doc.problems);
    let err = Document::open(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Limits::default()).err().unwrap();
    assert!(err.to_string().contains("no pages"), "{err}");
}

fn encrypted(user_password: &str) -> Vec<u8> {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    b.page(b"BT /F1 10 Tf (A) Tj ET", res);
    let mut doc = lopdf::Document::load_mem(&b.finish()).unwrap();
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ],
    );
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn encryption_with_the_empty_password_is_opened() {
    let doc = Document::open(&encrypted(""), Limits::default()).unwrap();
    assert_eq!(doc.page_content(0).glyphs.len(), 1);
}

#[test]
fn encryption_with_a_user_password_is_reported() {
    assert_eq!(Document::open(&encrypted("secret"), Limits::default()).err(), Some(OpenError::PasswordRequired));
}

#[test]
fn type3_glyph_space_goes_through_the_font_matrix() {
    let mut b = PdfBuilder::new();
    let proc_a = b.stream(Dictionary::new(), b"50 0 0 0 50 100 d1 0 0 50 100 re f");
    let font = b.doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "FontBBox" => vec![0.into(), 0.into(), 50.into(), 100.into()],
        "FirstChar" => 65, "LastChar" => 66, "Widths" => vec![50.into(), 50.into()],
        "Encoding" => dictionary! { "Differences" => vec![65.into(), Object::Name(b"A".to_vec()), Object::Name(b"B".to_vec())] },
        "CharProcs" => dictionary! { "A" => proc_a, "B" => proc_a },
    });
    b.page(b"BT /T3 10 Tf 100 700 Td (AB) Tj ET", dictionary! { "Font" => dictionary! { "T3" => font } });
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    // Width 50 × 0.01 × 10 pt = 5 pt.
    assert_all_close(&xs(&p), &[100.0, 105.0]);
    assert!(p.glyphs[0].size > 5.0 && p.glyphs[0].size < 20.0, "{}", p.glyphs[0].size);
    assert!(p.glyphs[0].bbox.height() > 3.0 && p.glyphs[0].bbox.height() < 20.0, "{:?}", p.glyphs[0].bbox);
}

#[test]
fn vertical_fonts_advance_down_the_page() {
    let mut b = PdfBuilder::new();
    let cid = b.doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "TestMincho",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
    });
    let font = b.doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "TestMincho",
        "Encoding" => "Identity-V", "DescendantFonts" => vec![cid.into()],
    });
    b.page(b"BT /V 10 Tf 100 700 Td <00010002> Tj ET", dictionary! { "Font" => dictionary! { "V" => font } });
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    let ys: Vec<f32> = p.glyphs.iter().map(|g| g.y).collect();
    assert_all_close(&ys, &[700.0, 690.0]);
    assert_all_close(&xs(&p), &[100.0, 100.0]);
    assert!(p.glyphs[0].bbox.y1 <= 700.01 && p.glyphs[0].bbox.y0 < 700.0);
}

#[test]
fn time_budget_stops_the_page() {
    let content = b"0 0 m ".repeat(20_000);
    let p = one_page_with(&content, Limits { time_budget: std::time::Duration::ZERO, ..Limits::default() });
    assert!(p.problems.iter().any(|s| s.contains("time budget")), "{:?}", p.problems);
}

#[test]
fn endless_operands_stop_the_page() {
    let content = b"1 ".repeat(200_000);
    let p = one_page(&content);
    assert!(p.problems.iter().any(|s| s.contains("operands in a row")), "{:?}", p.problems);
}

#[test]
fn content_in_layers_that_are_off_is_read_as_invisible() {
    let mut b = PdfBuilder::new();
    let off = b.doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Skjult") });
    let on = b.doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("Synlig") });
    let all_off = b.doc.add_object(dictionary! { "Type" => "OCMD", "OCGs" => vec![off.into()], "P" => "AllOff" });
    b.catalog.set(
        "OCProperties",
        dictionary! { "OCGs" => vec![off.into(), on.into()], "D" => dictionary! { "OFF" => vec![off.into()] } },
    );
    let form = b.form(b"BT /F1 10 Tf (C) Tj ET", dictionary! { "OC" => off });
    let mut res = b.resources();
    res.set("Properties", dictionary! { "Off" => off, "On" => on, "Md" => all_off });
    res.set("XObject", dictionary! { "X" => form });
    let hidden_note = b.form(b"BT /F1 10 Tf (E) Tj ET", dictionary! { "Resources" => b.resources() });
    let annot = b.doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "FreeText", "F" => 2,
    "Rect" => vec![0.into(), 0.into(), 1000.into(), 1000.into()], "AP" => dictionary! { "N" => hidden_note } });
    b.page_with(
        b"/OC /Off BDC BT /F1 10 Tf (A) Tj ET 0 0 10 10 re f q 1 0 0 1 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q EMC \
          /OC /On BDC BT /F1 10 Tf (B) Tj ET EMC /X Do /OC /Md BDC BT /F1 10 Tf (D) Tj ET EMC",
        res,
        dictionary! { "Annots" => vec![annot.into()] },
    );
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    let alphas: Vec<f32> = p.glyphs.iter().map(|g| g.alpha).collect();
    assert_eq!(
        alphas,
        [0.0, 1.0, 0.0, 1.0, 0.0],
        "A off, B on, C in an off form, D shown when all are off, E hidden note"
    );
    assert_eq!(p.shapes[0].alpha, 0.0);
    assert!(p.images.is_empty(), "an image in a hidden layer covers nothing");
}

#[test]
fn a_form_without_subtype_is_still_drawn() {
    let mut b = PdfBuilder::new();
    let form = b.stream(
        dictionary! { "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()], "Resources" => b.resources() },
        b"BT /F1 10 Tf (A) Tj ET",
    );
    let mut res = b.resources();
    res.set("XObject", dictionary! { "X" => form });
    b.page(b"/X Do", res);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    assert_eq!(doc.page_content(0).glyphs.len(), 1);
}

fn text_of(p: &PageContent) -> String {
    p.glyphs.iter().map(|g| g.ch).collect()
}

#[test]
fn actual_text_replaces_what_its_glyphs_spell() {
    // Chromium's small capitals: scaled capitals whose ActualText is the lower-case letter.
    let p = one_page(
        b"BT /F1 10 Tf 100 700 Td (M) Tj /Span <</ActualText <FEFF00F8> >> BDC (O) Tj EMC \
                      /Span << /ActualText (d) /MCID 3 >> BDC (D) Tj EMC ET",
    );
    assert_eq!(text_of(&p), "Mød");
    assert_all_close(&xs(&p), &[100.0, 105.0, 110.0]);
}

#[test]
fn actual_text_longer_or_shorter_than_its_glyphs_is_spread_over_them() {
    // One glyph for `ffi` (a ligature without ToUnicode): sliced in three along the baseline.
    let p = one_page(b"BT /F1 10 Tf 100 700 Td /Span <</ActualText (ffi)>> BDC (X) Tj EMC ET");
    assert_eq!(text_of(&p), "ffi");
    let x1s: Vec<f32> = p.glyphs.iter().map(|g| g.bbox.x1).collect();
    assert_all_close(&x1s, &[100.0 + 5.0 / 3.0, 100.0 + 10.0 / 3.0, 105.0]);
    // Three glyphs standing for two letters: the spare glyph keeps its box without text.
    let p = one_page(b"BT /F1 10 Tf 100 700 Td /Span <</ActualText (ab)>> BDC (XYZ) Tj EMC ET");
    assert_eq!(text_of(&p), "ab\u{FFFD}");
}

#[test]
fn actual_text_over_two_lines_is_used_only_when_it_pairs_with_the_glyphs() {
    // `Sundheds-` / `udvalget` with the whole word as ActualText: spread evenly, its letters
    // would move across the line break, so the glyphs keep their own text.
    let p = one_page(
        b"BT /F1 10 Tf 100 700 Td /Span <</ActualText (Sundhedsudvalget)>> BDC (Sundheds-) Tj \
                      0 -12 Td (udvalget) Tj EMC ET",
    );
    assert_eq!(text_of(&p), "Sundheds-udvalget");
    let p = one_page(b"BT /F1 10 Tf 100 700 Td /Span <</ActualText (ab cd)>> BDC (AB ) Tj 0 -12 Td (CD) Tj EMC ET");
    assert_eq!(text_of(&p), "ab cd");
}

#[test]
fn actual_text_from_properties_and_only_the_outer_span() {
    let mut b = PdfBuilder::new();
    let mut res = b.resources();
    res.set("Properties", dictionary! { "P0" => dictionary! { "ActualText" => Object::string_literal("Søren") } });
    b.page(b"BT /F1 10 Tf 100 700 Td /Span /P0 BDC (S) Tj /Span <</ActualText (x)>> BDC (OREN) Tj EMC EMC ET", res);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert_eq!(text_of(&p), "Søren");
}

#[test]
fn blank_actual_text_and_unclosed_spans_do_not_lose_glyphs() {
    // A soft hyphen's ActualText over a visible hyphen: the hyphen stays (a reader sees it).
    let p = one_page(b"BT /F1 10 Tf 100 700 Td (Jens) Tj /Span <</ActualText <FEFF00AD> >> BDC (-) Tj EMC ET");
    assert_eq!(text_of(&p), "Jens-");
    // A span the stream never closes still ends with the stream.
    let p = one_page(b"BT /F1 10 Tf 100 700 Td /Span <</ActualText (ok)>> BDC (KO) Tj ET");
    assert_eq!(text_of(&p), "ok");
}

#[test]
fn a_content_stream_missing_from_the_file_is_a_problem() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let page = b.page(b"", res);
    let s1 = b.stream(Dictionary::new(), b"BT /F1 10 Tf (A) Tj ET");
    // Object 999 was never written: the file was cut off before it.
    let gone = Object::Reference((999, 0));
    b.doc.get_dictionary_mut(page).unwrap().set("Contents", vec![s1.into(), gone]);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    let p = doc.page_content(0);
    assert_eq!(p.glyphs.len(), 1);
    assert!(p.problems.iter().any(|m| m.contains("missing")), "{:?}", p.problems);
}

#[test]
fn a_page_without_contents_is_empty_not_broken() {
    let mut b = PdfBuilder::new();
    let res = b.resources();
    let page = b.page(b"", res);
    b.doc.get_dictionary_mut(page).unwrap().set("Contents", Object::Null);
    let doc = Document::open(&b.finish(), Limits::default()).unwrap();
    assert!(doc.page_content(0).problems.is_empty());
}
