use super::*;
use crate::pdf::{Concealed, GlyphSource};

fn page() -> PageContent {
    PageContent { number: 1, page_box: Rect::new(0.0, 0.0, 595.0, 842.0), ..Default::default() }
}

/// Lays out `text` as 10 pt glyphs from (x, y), 6 pt apart, starting at paint order `seq`.
fn glyphs(text: &str, x: f32, y: f32, seq: u32) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, ch)| {
            let gx = x + 6.0 * i as f32;
            Glyph {
                ch,
                bbox: Rect::new(gx, y - 2.0, gx + 6.0, y + 8.0),
                x: gx,
                y,
                size: 10.0,
                angle: 0,
                render_mode: 0,
                fill: Rgb::BLACK,
                alpha: 1.0,
                in_page_box: true,
                source: GlyphSource::Page,
                font: 0,
                seq: seq + i as u32,
                synthetic_space: false,
                concealed: Default::default(),
            }
        })
        .collect()
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32, fill: Rgb, seq: u32) -> Shape {
    Shape { bbox: Rect::new(x0, y0, x1, y1), fill, alpha: 1.0, is_rect: true, source: GlyphSource::Page, seq }
}

fn image(bbox: Rect, seq: u32) -> ImageDraw {
    ImageDraw { bbox, width: 2480, height: 3508, source: GlyphSource::Page, seq }
}

fn run(content: &PageContent) -> Vec<Finding> {
    let mut out = Vec::new();
    check_page(content, &mut out);
    out
}

#[test]
fn black_box_over_text_is_a_failed_redaction() {
    let mut p = page();
    p.glyphs = glyphs("Visible line", 50.0, 700.0, 0);
    p.glyphs.extend(glyphs("CPR 120387-1234 Jens", 50.0, 680.0, 100));
    // The box covers "120387-1234 Jens" (chars 4..) but not "CPR ".
    p.shapes.push(rect(50.0 + 6.0 * 4.0 - 1.0, 676.0, 50.0 + 6.0 * 20.0 + 1.0, 690.0, Rgb::BLACK, 500));
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "hidden-text");
    assert_eq!(f[0].text, "120387-1234 Jens");
    assert_eq!(f[0].masked_text, "120387-XXXX Jens");
    assert_eq!(f[0].severity, Severity::High);
    assert!(f[0].message.contains("black box"), "{}", f[0].message);
    assert_eq!(f[0].page, Some(1));
    assert!(f[0].bbox.is_some());
}

#[test]
fn box_drawn_before_text_hides_nothing() {
    let mut p = page();
    // Dark header cell with white text on it: the fill comes first.
    p.shapes.push(rect(40.0, 670.0, 300.0, 700.0, Rgb::BLACK, 0));
    p.glyphs = glyphs("Overskrift", 50.0, 680.0, 1).into_iter().map(|g| Glyph { fill: Rgb::WHITE, ..g }).collect();
    assert!(run(&p).is_empty());
}

#[test]
fn thin_rule_over_text_is_not_a_cover() {
    let mut p = page();
    p.glyphs = glyphs("Understreget", 50.0, 680.0, 0);
    p.shapes.push(rect(50.0, 678.0, 130.0, 679.0, Rgb::BLACK, 50));
    assert!(run(&p).is_empty());
}

#[test]
fn white_text_on_white_paper_and_on_a_same_colour_box() {
    let mut p = page();
    p.glyphs = glyphs("Skjult tekst", 50.0, 700.0, 0).into_iter().map(|g| Glyph { fill: Rgb::WHITE, ..g }).collect();
    let f = run(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "Skjult tekst");
    assert!(f[0].message.contains("white text on white"));
    assert_eq!(f[0].severity, Severity::Medium);

    let blue = Rgb { r: 0.1, g: 0.2, b: 0.8 };
    let mut p = page();
    p.shapes.push(rect(40.0, 670.0, 300.0, 700.0, blue, 0));
    p.glyphs = glyphs("Blaa paa blaa", 50.0, 680.0, 1).into_iter().map(|g| Glyph { fill: blue, ..g }).collect();
    let f = run(&p);
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("same colour"));
}

#[test]
fn white_text_on_a_photo_is_not_judged() {
    let mut p = page();
    p.images.push(image(Rect::new(0.0, 600.0, 595.0, 842.0), 0));
    p.glyphs = glyphs("Titel over foto", 50.0, 700.0, 1).into_iter().map(|g| Glyph { fill: Rgb::WHITE, ..g }).collect();
    p.glyphs.extend(glyphs(&"Broedtekst ".repeat(30), 50.0, 400.0, 100));
    assert!(run(&p).is_empty(), "{:?}", run(&p));
}

#[test]
fn off_page_tiny_and_transparent_text() {
    let mut p = page();
    p.glyphs =
        glyphs("Uden for siden", 50.0, 900.0, 0).into_iter().map(|g| Glyph { in_page_box: false, ..g }).collect();
    p.glyphs.extend(glyphs("Lille tekst", 50.0, 500.0, 100).into_iter().map(|g| Glyph { size: 1.0, ..g }));
    p.glyphs.extend(glyphs("Gennemsigtig", 50.0, 300.0, 200).into_iter().map(|g| Glyph { alpha: 0.0, ..g }));
    let f = run(&p);
    assert_eq!(f.len(), 3, "{f:?}");
    assert!(f[0].message.contains("outside the visible page"));
    assert_eq!(f[0].text, "Uden for siden");
    assert!(f[1].message.contains("1 pt text"), "{}", f[1].message);
    assert!(f[2].message.contains("transparent"));
}

#[test]
fn ocr_layer_over_a_scan_is_not_hidden_and_not_a_textless_page() {
    let mut p = page();
    p.images.push(image(p.page_box, 0));
    p.glyphs = glyphs(&"Borger Jens Hansen 120387-1234 ".repeat(3), 50.0, 700.0, 1)
        .into_iter()
        .map(|g| Glyph { render_mode: 3, ..g })
        .collect();
    assert!(run(&p).is_empty(), "{:?}", run(&p));
}

#[test]
fn invisible_text_without_an_image_is_hidden() {
    let mut p = page();
    p.glyphs = glyphs("Usynlig tekst", 50.0, 700.0, 0).into_iter().map(|g| Glyph { render_mode: 3, ..g }).collect();
    let f = run(&p);
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("render mode 3"));
}

#[test]
fn scanned_page_without_text_is_reported_and_blank_page_is_not() {
    let mut p = page();
    p.images.push(image(Rect::new(10.0, 10.0, 585.0, 832.0), 0));
    p.glyphs = glyphs("Side 1", 280.0, 20.0, 1);
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "no-text-layer");
    assert_eq!(f[0].severity, Severity::High);
    assert!(f[0].message.contains("review it by eye"));

    assert!(run(&page()).is_empty());

    // A small logo on a page of text is not a scan.
    let mut p = page();
    p.images.push(image(Rect::new(10.0, 780.0, 100.0, 832.0), 0));
    p.glyphs = glyphs("Tekst", 50.0, 700.0, 1);
    assert!(run(&p).is_empty());
}

#[test]
fn text_in_fonts_without_unicode_is_reported_as_unreadable() {
    use crate::pdf::content::FontInfo;
    // A letter printed through PostScript: glyph codes with no Unicode in a font without
    // /ToUnicode, a few readable digits among them.
    let unreadable = |no_unicode: bool, glyph_count: usize| {
        let mut p = page();
        p.fonts = vec![FontInfo { name: "LiberationSans".into(), no_unicode, ..Default::default() }];
        p.glyphs = glyphs(&"\u{FFFD}".repeat(glyph_count), 50.0, 700.0, 0);
        p.glyphs.extend(glyphs("2024 12", 50.0, 680.0, 500));
        run(&p)
    };
    let f = unreadable(true, 60);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].rule.as_str(), f[0].severity), ("no-text-layer", Severity::Medium));
    assert!(f[0].message.contains("60 of 66 characters"), "{}", f[0].message);
    // A font that has Unicode for its text, only not for these symbols (music, bullets), and a
    // handful of unreadable glyphs on a page of text are no reason.
    assert!(unreadable(false, 60).is_empty());
    assert!(unreadable(true, 5).is_empty());
}

#[test]
fn many_hidden_runs_are_capped_per_page() {
    let mut p = page();
    for i in 0..60 {
        let line = glyphs("hvid tekst", 50.0, 800.0 - 30.0 * i as f32, 1000 * i);
        p.glyphs.extend(line.into_iter().map(|g| Glyph { fill: Rgb::WHITE, ..g }));
    }
    let f = run(&p);
    assert!(f.len() <= MAX_RUNS_PER_PAGE + 1, "{}", f.len());
    assert!(f.last().is_some_and(|l| l.message.contains("more runs")));
}

#[test]
fn a_line_running_off_the_page_edge_is_low() {
    let mut p = page();
    p.glyphs = glyphs("https://example.org/very/long/path", 450.0, 700.0, 0);
    for g in p.glyphs.iter_mut().filter(|g| g.x > 595.0) {
        g.in_page_box = false;
    }
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].severity, Severity::Low);
    assert!(f[0].message.contains("running past the edge"), "{}", f[0].message);
}

#[test]
fn hidden_copy_of_visible_text_is_low() {
    let mut p = page();
    // A layer variant: the same paragraph drawn twice, the first copy covered by a white box.
    p.glyphs = glyphs("Margin kerning justerer tegnene ved kanten", 50.0, 700.0, 0);
    p.shapes.push(rect(45.0, 690.0, 400.0, 715.0, Rgb::WHITE, 100));
    p.glyphs.extend(glyphs("Margin kerning justerer tegnene ved kanten", 50.0, 700.0, 200));
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].severity, Severity::Low);
    assert!(f[0].message.contains("also visible"));
}

#[test]
fn half_page_image_without_text_is_medium() {
    let mut p = page();
    p.images.push(image(Rect::new(0.0, 300.0, 595.0, 842.0), 0));
    let f = run(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Medium);
    assert!(f[0].message.contains("mostly an image"));
}

#[test]
fn text_in_an_off_layer_clipped_away_or_squeezed_is_hidden_and_says_why() {
    let with = |text: &str, y: f32, seq: u32, c: Concealed| {
        glyphs(text, 50.0, y, seq).into_iter().map(move |g| Glyph { concealed: c, ..g })
    };
    let mut p = page();
    // An OCR layer over a scan is visible, but not when its layer is off.
    p.images.push(image(Rect::new(0.0, 600.0, 595.0, 842.0), 0));
    p.glyphs.extend(with("Lag slukket", 700.0, 10, Concealed::LayerOff).map(|g| Glyph {
        render_mode: 3,
        alpha: 0.0,
        ..g
    }));
    p.glyphs.extend(with("Klippet bort", 500.0, 100, Concealed::ClippedAway));
    p.glyphs.extend(with("Presset sammen", 300.0, 200, Concealed::Squeezed));
    p.glyphs.extend(glyphs("Almindelig tekst", 50.0, 100.0, 300));
    let f = run(&p);
    assert_eq!(f.len(), 3, "{f:?}");
    assert_eq!(f[0].text, "Lag slukket");
    assert!(f[0].message.contains("layer (optional content)"), "{}", f[0].message);
    assert_eq!(f[1].text, "Klippet bort");
    assert!(f[1].message.contains("clipping path"), "{}", f[1].message);
    assert_eq!(f[2].text, "Presset sammen");
    assert!(f[2].message.contains("squeezed"), "{}", f[2].message);
    assert!(f.iter().all(|f| f.severity == Severity::Medium));
}

#[test]
fn a_few_pixels_stretched_over_text_are_a_cover_and_a_logo_beside_text_is_not() {
    let mut p = page();
    p.glyphs = glyphs("Jens Hansen", 50.0, 700.0, 0);
    p.images.push(ImageDraw {
        bbox: Rect::new(45.0, 695.0, 130.0, 712.0),
        width: 1,
        height: 1,
        source: GlyphSource::Page,
        seq: 50,
    });
    p.glyphs.extend(glyphs("Aarhus Kommune", 50.0, 780.0, 100));
    p.images.push(ImageDraw {
        bbox: Rect::new(400.0, 770.0, 500.0, 800.0),
        width: 4,
        height: 4,
        source: GlyphSource::Page,
        seq: 200,
    });
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].text, "Jens Hansen");
    assert_eq!(f[0].severity, Severity::High);
    assert!(f[0].message.contains("solid image"), "{}", f[0].message);
}

#[test]
fn full_blocks_typed_over_text_cover_it() {
    let mut p = page();
    p.glyphs = glyphs("Jens Hansen", 50.0, 700.0, 0);
    p.glyphs.extend(glyphs(&"\u{2588}".repeat(12), 48.0, 700.0, 100));
    p.glyphs.extend(glyphs("Sagen \u{2588}\u{2588}\u{2588} er lukket", 50.0, 600.0, 200));
    let f = run(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].text, "Jens Hansen");
    assert!(f[0].message.contains("black box"), "{}", f[0].message);
}

#[test]
fn a_line_cut_off_by_its_clip_is_low_and_clipped_text_off_the_page_is_off_page() {
    let mut p = page();
    p.glyphs = glyphs("Se https://example.org/dokumenter", 50.0, 700.0, 0);
    for g in p.glyphs.iter_mut().filter(|g| g.x > 150.0) {
        g.concealed = Concealed::ClippedAway;
    }
    p.glyphs.extend(glyphs("Uden for siden", 50.0, 900.0, 100).into_iter().map(|g| Glyph {
        in_page_box: false,
        concealed: Concealed::ClippedAway,
        ..g
    }));
    let f = run(&p);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].severity, Severity::Low);
    assert!(f[0].message.contains("cut off"), "{}", f[0].message);
    assert!(f[1].message.contains("outside the visible page"), "{}", f[1].message);
}
