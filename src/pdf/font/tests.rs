//! Font-level tests on font dictionaries built in code.

use super::*;
use crate::pdf::limits::Limits;
use lopdf::{dictionary, Document, Object, Stream};

fn budget() -> Budget {
    Budget::new(Limits::default())
}

/// Decodes `bytes`, returning the concatenated text and the widths.
fn run(font: &Font, bytes: &[u8]) -> (String, Vec<f32>) {
    let mut text = String::new();
    let mut widths = Vec::new();
    font.decode(bytes, |c| {
        text.push_str(c.text);
        widths.push(c.width);
    });
    (text, widths)
}

fn load(doc: &Document, dict: &lopdf::Dictionary) -> Font {
    Font::load(doc, dict, &budget())
}

fn cmap_stream(doc: &mut Document, body: &str) -> Object {
    Object::Reference(doc.add_object(Stream::new(dictionary! {}, body.as_bytes().to_vec())))
}

#[test]
fn standard_14_helvetica_with_winansi_danish() {
    let doc = Document::with_version("1.5");
    let dict = dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding"};
    let font = load(&doc, &dict);
    let (text, widths) = run(&font, b"a \xe6\xf8\xe5\xc6\xd8\xc5");
    assert_eq!(text, "a æøåÆØÅ");
    assert_eq!(widths[0], 556.0);
    assert_eq!(widths[1], 278.0);
    assert_eq!(widths[2], 889.0, "ae");
    assert_eq!(font.ascent_descent(), (718.0, -207.0));
    assert_eq!(font.info.name, "Helvetica");
    assert!(!font.info.bold);
    let mut spaces = Vec::new();
    font.decode(b"a b", |c| spaces.push(c.is_space_code));
    assert_eq!(spaces, [false, true, false]);
}

#[test]
fn standard_encoding_is_the_type1_default_and_aliases_resolve() {
    let doc = Document::with_version("1.5");
    let font = load(&doc, &dictionary! {"Subtype" => "Type1", "BaseFont" => "Times-Bold"});
    let (text, widths) = run(&font, b"A'`\xe1");
    assert_eq!(text, "A\u{2019}\u{2018}Æ");
    assert_eq!(widths[0], 722.0);
    assert!(font.info.bold);
    let font = load(&doc, &dictionary! {"Subtype" => "TrueType", "BaseFont" => "Arial,BoldItalic"});
    let (text, widths) = run(&font, b"a'");
    assert_eq!(text, "a'", "TrueType defaults to WinAnsi");
    assert_eq!(widths[0], 556.0, "Helvetica-BoldOblique a");
    assert!(font.info.bold && font.info.italic);
    let font = load(&doc, &dictionary! {"Subtype" => "Type1", "BaseFont" => "CourierNewPS-BoldMT"});
    assert_eq!(run(&font, b"iW").1, [600.0, 600.0]);
}

#[test]
fn differences_with_odd_glyph_names() {
    let doc = Document::with_version("1.5");
    let diffs = vec![
        Object::Integer(1),
        Object::Name(b"f_i".to_vec()),
        Object::Name(b"a.sc".to_vec()),
        Object::Name(b"uni00F8".to_vec()),
        Object::Name(b"g42".to_vec()),
        Object::Name(b"fl".to_vec()),
        Object::Name(b"u1F600".to_vec()),
        Object::Name(b"softhyphen".to_vec()),
        Object::Name(b"uni00660066".to_vec()),
    ];
    let dict = dictionary! {
        "Subtype" => "Type1", "BaseFont" => "ABCDEF+Minion-Regular",
        "Encoding" => dictionary! {"Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => diffs},
        "FirstChar" => 1, "LastChar" => 3, "Widths" => vec![Object::Integer(550), Object::Real(-10.0), Object::Integer(480)],
        "FontDescriptor" => dictionary! {"MissingWidth" => 250, "Ascent" => 9999, "Descent" => 210, "Flags" => 34},
    };
    let font = load(&doc, &dict);
    assert_eq!(font.info.name, "Minion-Regular");
    let (text, widths) = run(&font, &[1, 2, 3, 4, 5, 6, 7, 8, b'\xe5']);
    // `g42` is outside the glyph list and its code (4) is a control code: a named symbol,
    // which layout prints no text for.
    assert_eq!(text, "fiaø\u{1}fl😀ffå");
    assert_eq!(widths[0], 550.0);
    assert_eq!(widths[1], 250.0, "negative width falls back to MissingWidth");
    assert_eq!(widths[2], 480.0);
    assert_eq!(widths[3], 250.0, "outside /Widths");
    assert_eq!(font.ascent_descent(), (800.0, -210.0), "silly ascent replaced, positive descent negated");
}

#[test]
fn glyph_names_outside_the_glyph_list_pass_their_code_through() {
    // LilyPond's music font: WinAnsi plus its own names, no /ToUnicode. pdftotext reads such a
    // glyph as the char of its code (poppler's mapUnknownCharNames); `.notdef` stays empty.
    let doc = Document::with_version("1.4");
    let diffs = vec![
        Object::Integer(9),
        Object::Name(b"clefs.G".to_vec()),
        Object::Integer(65),
        Object::Name(b".notdef".to_vec()),
        Object::Name(b"two".to_vec()),
        Object::Integer(104),
        Object::Name(b"noteheads.s2".to_vec()),
        Object::Integer(110),
        Object::Name(b"scripts.staccato".to_vec()),
    ];
    let dict = dictionary! {
        "Subtype" => "Type1", "BaseFont" => "NJJZCI+Emmentaler-16",
        "Encoding" => dictionary! {"Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => diffs},
        "FontDescriptor" => dictionary! {"Flags" => 4},
    };
    let font = load(&doc, &dict);
    assert_eq!(run(&font, b"hnABx\t").0, "hn2x\u{1}", "a named control code is no tab");
}

#[test]
fn to_unicode_wins_per_character_and_falls_back_per_character() {
    let mut doc = Document::with_version("1.5");
    let tu = cmap_stream(
        &mut doc,
        "1 begincodespacerange <00> <FF> endcodespacerange\n2 beginbfchar <41> <0058> <42> <0000> endbfchar",
    );
    let dict = dictionary! {"Subtype" => "TrueType", "BaseFont" => "Foo", "ToUnicode" => tu};
    let font = load(&doc, &dict);
    assert_eq!(run(&font, b"ABC").0, "XBC");
}

#[test]
fn missing_and_broken_objects_fall_back_quietly() {
    let mut doc = Document::with_version("1.5");
    let dangling = Object::Reference((999, 0));
    let not_a_stream = Object::Reference(doc.add_object(Object::Integer(3)));
    let dict = dictionary! {
        "Subtype" => "Type1", "BaseFont" => Object::Integer(7), "Encoding" => dangling.clone(),
        "ToUnicode" => not_a_stream, "FirstChar" => 1_000_000, "Widths" => dangling.clone(),
        "FontDescriptor" => dangling,
    };
    let font = load(&doc, &dict);
    assert_eq!(run(&font, b"Ok").0, "Ok");
    assert_eq!(font.info.name, "");
    // A reference loop.
    let id = doc.new_object_id();
    doc.objects.insert(id, Object::Reference(id));
    let font = load(
        &doc,
        &dictionary! {"Subtype" => "Type0", "Encoding" => Object::Reference(id), "DescendantFonts" => Object::Reference(id)},
    );
    assert_eq!(run(&font, &[0, 65]).1, [1000.0]);
    let font = load(&doc, &dictionary! {});
    assert_eq!(run(&font, b"x").0, "x");
}

#[test]
fn identity_h_with_to_unicode_and_w() {
    let mut doc = Document::with_version("1.5");
    let tu = cmap_stream(
        &mut doc,
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         2 beginbfchar <0003> <0020> <0102> <00E6> endbfchar\n\
         1 beginbfrange <0010> <0012> [<00F8> <00E5> <FB01>] endbfrange",
    );
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Calibri-Bold",
        "DW" => 700, "W" => vec![Object::Integer(3), Object::Array(vec![Object::Integer(226)]), Object::Integer(16), Object::Integer(18), Object::Integer(525)],
        "FontDescriptor" => dictionary! {"Ascent" => 750, "Descent" => -250, "FontWeight" => 700, "ItalicAngle" => 0},
    };
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Calibri-Bold", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Dictionary(descendant)], "ToUnicode" => tu,
    };
    let font = load(&doc, &dict);
    let mut chars = Vec::new();
    font.decode(&[0x01, 0x02, 0x00, 0x03, 0x00, 0x10, 0x00, 0x11, 0x00, 0x12, 0x00, 0x99, 0x07], |c| {
        chars.push((c.code, c.byte_len, c.text.to_string(), c.width, c.is_space_code))
    });
    assert_eq!(
        chars,
        vec![
            (0x0102, 2, "æ".to_string(), 700.0, false),
            (3, 2, " ".to_string(), 226.0, false),
            (0x10, 2, "ø".to_string(), 525.0, false),
            (0x11, 2, "å".to_string(), 525.0, false),
            (0x12, 2, "fi".to_string(), 525.0, false),
            (0x99, 2, String::new(), 700.0, false),
            (0x07, 1, String::new(), 700.0, false),
        ]
    );
    assert_eq!(font.info.name, "Calibri-Bold");
    assert!(font.info.bold && !font.info.italic);
    assert_eq!(font.ascent_descent(), (750.0, -250.0));
    assert!(!font.vertical());
}

#[test]
fn identity_v_uses_w2_and_is_vertical() {
    let doc = Document::with_version("1.5");
    let descendant = dictionary! {
        "Subtype" => "CIDFontType0", "BaseFont" => "KozMinPr6N-Regular",
        "W2" => vec![Object::Integer(5), Object::Array(vec![Object::Integer(-880), Object::Integer(500), Object::Integer(880)])],
    };
    let dict = dictionary! {"Subtype" => "Type0", "Encoding" => "Identity-V", "DescendantFonts" => vec![Object::Dictionary(descendant)]};
    let font = load(&doc, &dict);
    assert!(font.vertical());
    assert_eq!(run(&font, &[0, 5, 0, 6]).1, [880.0, 1000.0]);
}

#[test]
fn predefined_ucs2_cmap_decodes_without_to_unicode() {
    let doc = Document::with_version("1.5");
    let dict = dictionary! {"Subtype" => "Type0", "Encoding" => "UniJIS-UCS2-H", "DescendantFonts" => vec![Object::Dictionary(dictionary! {"DW" => 500})]};
    let font = load(&doc, &dict);
    assert_eq!(run(&font, &[0x30, 0x42, 0x00, 0xF8]), ("あø".to_string(), vec![500.0, 500.0]));
}

#[test]
fn embedded_encoding_cmap_maps_codes_to_cids() {
    let mut doc = Document::with_version("1.5");
    let enc = cmap_stream(
        &mut doc,
        "2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange\n\
         1 begincidrange <20> <7E> 1 endcidrange 1 begincidchar <8140> 633 endcidchar",
    );
    let tu = cmap_stream(&mut doc, "1 beginbfchar <8140> <3000> endbfchar 1 beginbfrange <41> <5A> <0041> endbfrange");
    let descendant = dictionary! {"W" => vec![Object::Integer(34), Object::Array(vec![Object::Integer(610)]), Object::Integer(633), Object::Array(vec![Object::Integer(1000)])], "DW" => 400};
    let dict = dictionary! {"Subtype" => "Type0", "Encoding" => enc, "ToUnicode" => tu, "DescendantFonts" => vec![Object::Dictionary(descendant)]};
    let font = load(&doc, &dict);
    let (text, widths) = run(&font, &[b'A', 0x81, 0x40, b'B']);
    assert_eq!(text, "A\u{3000}B");
    assert_eq!(widths, [610.0, 1000.0, 400.0]);
}

#[test]
fn type3_font_matrix_widths_and_differences() {
    let doc = Document::with_version("1.5");
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type3", "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "FontBBox" => vec![0.into(), Object::Integer(-20), 100.into(), 80.into()],
        "FirstChar" => 65, "LastChar" => 66, "Widths" => vec![60.into(), 55.into()],
        "Encoding" => dictionary! {"Differences" => vec![65.into(), Object::Name(b"oslash".to_vec()), Object::Name(b"g7".to_vec())]},
        "CharProcs" => dictionary! {},
    };
    let font = load(&doc, &dict);
    assert_eq!(font.font_matrix(), Matrix::new(0.01, 0.0, 0.0, 0.01, 0.0, 0.0));
    assert_eq!(
        run(&font, b"ABC"),
        ("øB".to_string(), vec![60.0, 55.0, 0.0]),
        "unknown Type3 names pass the code through"
    );
    assert_eq!(font.ascent_descent(), (80.0, -20.0));
}

#[test]
fn symbol_zapf_and_wingdings() {
    let doc = Document::with_version("1.5");
    let font = load(&doc, &dictionary! {"Subtype" => "Type1", "BaseFont" => "Symbol"});
    assert_eq!(run(&font, b"a\xb7").0, "α•");
    let font = load(&doc, &dictionary! {"Subtype" => "Type1", "BaseFont" => "ZapfDingbats"});
    assert_eq!(run(&font, b"4").0, "\u{2714}");
    let font = load(
        &doc,
        &dictionary! {"Subtype" => "TrueType", "BaseFont" => "Wingdings-Regular", "FontDescriptor" => dictionary! {"Flags" => 4}},
    );
    assert_eq!(run(&font, b"l\xa7A").0, "\u{25CF}\u{25AA}");
}

#[test]
fn symbolic_truetype_without_encoding_reads_as_winansi() {
    let doc = Document::with_version("1.5");
    let dict = dictionary! {"Subtype" => "TrueType", "BaseFont" => "ABCDEF+Verdana", "FontDescriptor" => dictionary! {"Flags" => 4, "ItalicAngle" => -12}};
    let font = load(&doc, &dict);
    assert_eq!(run(&font, b"K\xf8ge").0, "Køge");
    assert!(font.info.italic);
}

/// A tiny deterministic generator, so the robustness tests need no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() as usize % items.len()]
    }
}

#[test]
fn mangled_cmaps_and_strings_never_panic() {
    let pieces = [
        "begincodespacerange",
        "endcodespacerange",
        "beginbfchar",
        "endbfchar",
        "beginbfrange",
        "endbfrange",
        "begincidrange",
        "endcidrange",
        "begincidchar",
        "endcidchar",
        "<00>",
        "<FF>",
        "<0000>",
        "<FFFF>",
        "<D800>",
        "<DC00>",
        "<FFFFFFFF>",
        "<0041>",
        "<00410042>",
        "<>",
        "<1>",
        "[",
        "]",
        "<<",
        ">>",
        "(",
        ")",
        "(\\",
        "%",
        "/WMode",
        "1",
        "def",
        "-5",
        "4294967296",
        "1e308",
        "/Identity-H",
        "usecmap",
        "\n",
        " ",
    ];
    let mut rng = Lcg(7);
    for round in 0..300 {
        let mut src = String::new();
        for _ in 0..rng.next() % 60 {
            src.push_str(rng.pick(&pieces));
            src.push(' ');
        }
        let mut doc = Document::with_version("1.5");
        let cmap = cmap_stream(&mut doc, &src);
        let enc = cmap_stream(&mut doc, &src);
        let type0 = dictionary! {
            "Subtype" => "Type0", "Encoding" => enc, "ToUnicode" => cmap.clone(),
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {"W" => vec![Object::Integer(round), Object::Integer(-1), Object::Integer(5)]})],
        };
        let simple = dictionary! {"Subtype" => "TrueType", "ToUnicode" => cmap, "FirstChar" => round, "Widths" => vec![Object::Real(f32::NAN)]};
        for dict in [type0, simple] {
            let font = load(&doc, &dict);
            let bytes: Vec<u8> = (0..rng.next() % 40).map(|_| rng.next() as u8).collect();
            let mut consumed = 0usize;
            font.decode(&bytes, |c| {
                assert!(c.byte_len >= 1 && c.width.is_finite());
                consumed += c.byte_len as usize;
            });
            assert_eq!(consumed, bytes.len(), "every byte belongs to exactly one code");
        }
    }
}
