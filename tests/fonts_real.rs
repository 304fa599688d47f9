//! Fonts from real producers (reportlab, LibreOffice, Chromium, Ghostscript), decoded straight
//! from the committed PDFs in tests/data/fonts (regenerate with tests/data/fonts/make.sh). A
//! minimal text-showing loop stands in for the interpreter: it only follows `Tf` and the string
//! operators, which is all that font decoding needs.

use leakscan::pdf::font::Font;
use leakscan::pdf::{Budget, Limits};
use lopdf::content::Content;
use lopdf::{Document, Object};
use std::collections::BTreeMap;
use std::path::Path;

struct Shown {
    text: String,
    /// (text, width) of every decoded code.
    chars: Vec<(String, f32)>,
    fonts: Vec<Font>,
}

fn show(path: &str) -> Shown {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fonts").join(path);
    let doc = Document::load(&full).unwrap();
    let budget = Budget::new(Limits::default());
    let mut shown = Shown { text: String::new(), chars: Vec::new(), fonts: Vec::new() };
    for (_, page_id) in doc.get_pages() {
        let fonts: BTreeMap<Vec<u8>, Font> = doc
            .get_page_fonts(page_id)
            .unwrap()
            .into_iter()
            .map(|(name, dict)| (name, Font::load(&doc, dict, &budget)))
            .collect();
        shown.fonts.extend(fonts.values().cloned());
        let content = Content::decode(&doc.get_page_content(page_id)).unwrap();
        let mut font: Option<&Font> = None;
        let decode = |font: Option<&Font>, bytes: &[u8], shown: &mut Shown| {
            if let Some(f) = font {
                f.decode(bytes, |c| {
                    shown.text.push_str(c.text);
                    shown.chars.push((c.text.to_string(), c.width));
                });
            }
        };
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n)),
                "Tj" | "'" | "\"" => {
                    if let Some(Object::String(s, _)) = op.operands.last() {
                        decode(font, s, &mut shown);
                    }
                }
                "TJ" => {
                    for item in op.operands.first().and_then(|a| a.as_array().ok()).into_iter().flatten() {
                        match item {
                            Object::String(s, _) => decode(font, s, &mut shown),
                            Object::Integer(_) | Object::Real(_) if item.as_float().unwrap() < -200.0 => {
                                shown.text.push(' ')
                            }
                            _ => {}
                        }
                    }
                }
                "Td" | "TD" | "T*" | "Tm" | "ET" => shown.text.push('\n'),
                _ => {}
            }
        }
    }
    shown
}

/// The text with all whitespace removed, so assertions do not depend on how a producer
/// positions words.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_contains(shown: &Shown, expected: &str) {
    assert!(
        squeezed(&shown.text).contains(&squeezed(expected)),
        "{expected:?} not found in decoded text:\n{}",
        shown.text
    );
}

fn font<'a>(shown: &'a Shown, name: &str) -> &'a Font {
    shown.fonts.iter().find(|f| f.info.name == name).unwrap_or_else(|| panic!("no font {name}"))
}

#[test]
fn reportlab_standard_14_fonts() {
    let shown = show("reportlab_std14.pdf");
    for name in ["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-BoldItalic", "Courier", "Helvetica-Oblique"] {
        assert_contains(&shown, &format!("{name}: Kære Søren Ærø, Åse og Øjvind – 120387-1234 “citat” €"));
    }
    // Widths come from the AFM metrics: the first 'K' of each line.
    let k_widths: Vec<f32> = shown.chars.iter().filter(|(t, _)| t == "K").map(|(_, w)| *w).collect();
    assert_eq!(k_widths, [667.0, 722.0, 722.0, 667.0, 600.0, 667.0]);
    let helv_bold = font(&shown, "Helvetica-Bold");
    assert!(helv_bold.info.bold && !helv_bold.info.italic);
    assert!(font(&shown, "Times-BoldItalic").info.italic);
    assert_eq!(font(&shown, "Times-Roman").ascent_descent(), (683.0, -217.0));
    assert!(shown.fonts.iter().all(|f| f.problems.is_empty()));
}

#[test]
fn libreoffice_truetype_subsets_with_to_unicode() {
    let shown = show("libreoffice_truetype.pdf");
    assert_contains(&shown, "Dagsorden for Økonomiudvalget");
    assert_contains(&shown, "Punkt 4: Bevilling til Ærøskøbing – sagsbehandler Åse Kjærgård.");
    assert_contains(&shown, "Borgerens CPR-nr.: 120387-1234, tlf. 86 12 34 56.");
    assert_contains(&shown, "Græsk: αβγ, kyrillisk: Жж, pil → og ½.");
    assert!(font(&shown, "LiberationSerif-Bold").info.bold);
    assert!(!font(&shown, "DejaVuSans").info.bold);
    for (text, width) in &shown.chars {
        assert!(text.is_empty() || *width > 0.0, "{text:?} has no width");
    }
}

#[test]
fn chromium_identity_h_cid_fonts() {
    let shown = show("chromium_cid.pdf");
    assert_contains(&shown, "Referat: Børne- og Ungeudvalget");
    assert_contains(&shown, "Deltagere: Søren Ærø, Åse Øster. Afbud: Jørgen.");
    // Chromium shapes "fi"/"ffi"/"fl" into ligature glyphs; they must come out as letters.
    assert_contains(&shown, "Den finansielle effekt af fleksjob – officielt.");
    let regular = font(&shown, "DejaVuSerif");
    assert!(!regular.vertical());
    assert!(font(&shown, "DejaVuSerif-Bold").info.bold);
    // DejaVu Serif's advances (2048 units/em, scaled to 1000): 'e' is 1303 units in the bold
    // heading and 1212 in the regular body text.
    let e: Vec<f32> = shown.chars.iter().filter(|(t, _)| t == "e").map(|(_, w)| *w).collect();
    assert!((e[0] - 636.2).abs() < 0.5, "bold e: {}", e[0]);
    assert!((e[e.len() - 1] - 591.8).abs() < 0.5, "regular e: {:?}", e);
}

#[test]
fn ghostscript_type1c_subsets() {
    let shown = show("ghostscript_type1c.pdf");
    assert_contains(&shown, "Tilsyn med Køge og Ærø: åbent møde");
    assert_contains(&shown, "Fortroligt (lukket punkt)");
    assert!(font(&shown, "Helvetica-Bold").info.bold);
}
