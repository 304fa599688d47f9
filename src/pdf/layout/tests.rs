//! Layout on synthetic pages: glyph runs placed the way real producers place them.

use super::page_text;
use crate::pdf::content::{FontInfo, Glyph, GlyphSource, PageContent, Rgb};
use crate::pdf::geom::Rect;

/// Advance of every char, as a share of the font size (a rough Helvetica average).
const ADVANCE: f32 = 0.5;

fn page() -> PageContent {
    PageContent {
        number: 1,
        page_box: Rect::new(0.0, 0.0, 595.0, 842.0),
        fonts: vec![
            FontInfo { name: "Helvetica".into(), ..Default::default() },
            FontInfo { name: "Helvetica-Bold".into(), bold: true, ..Default::default() },
        ],
        ..Default::default()
    }
}

fn glyph(page: &PageContent, ch: char, x: f32, y: f32, size: f32, angle: i16, advance: f32) -> Glyph {
    let (ux, uy) = match angle {
        90 => (0.0, 1.0),
        180 => (-1.0, 0.0),
        270 => (0.0, -1.0),
        _ => (1.0, 0.0),
    };
    // "Up" is the advance direction turned a quarter counter-clockwise.
    let (vx, vy) = (-uy, ux);
    let (ax, ay) = (x + ux * advance + vx * 0.8 * size, y + uy * advance + vy * 0.8 * size);
    let (dx, dy) = (x - vx * 0.2 * size, y - vy * 0.2 * size);
    Glyph {
        ch,
        bbox: Rect::new(dx, dy, ax, ay),
        x,
        y,
        size,
        angle,
        render_mode: 0,
        fill: Rgb::BLACK,
        alpha: 1.0,
        in_page_box: page.page_box.contains_point(x, y),
        source: GlyphSource::Page,
        font: 0,
        seq: page.glyphs.len() as u32,
        synthetic_space: false,
        concealed: Default::default(),
    }
}

/// Paints `text` from (x, y) along `angle`, each char advancing `ADVANCE × size`; spaces are
/// painted as space glyphs, like a `Tj` with code 32. Returns where the run ends.
fn run_at_angle(page: &mut PageContent, text: &str, x: f32, y: f32, size: f32, angle: i16) -> f32 {
    let (mut x, mut y) = (x, y);
    for ch in text.chars() {
        let g = glyph(page, ch, x, y, size, angle, ADVANCE * size);
        page.glyphs.push(g);
        match angle {
            90 => y += ADVANCE * size,
            270 => y -= ADVANCE * size,
            _ => x += ADVANCE * size,
        }
    }
    if angle == 0 {
        x
    } else {
        y
    }
}

fn run(page: &mut PageContent, text: &str, x: f32, y: f32, size: f32) -> f32 {
    run_at_angle(page, text, x, y, size, 0)
}

/// Paints `text` one glyph per word char and no space glyphs, leaving `gap × size` between
/// words: the way many producers position words with `TJ` offsets.
fn words_with_gaps(page: &mut PageContent, text: &str, x: f32, y: f32, size: f32, gap: f32) {
    let mut x = x;
    for word in text.split(' ') {
        x = run(page, word, x, y, size) + gap * size;
    }
}

#[test]
fn gaps_make_words_and_kerning_does_not() {
    let mut p = page();
    words_with_gaps(&mut p, "Byrådet godkendte sagen", 72.0, 700.0, 10.0, 0.25);
    // Kerning inside a word, loose or tight, is no word break.
    words_with_gaps(&mut p, "Ti lbage", 72.0, 688.0, 10.0, 0.05);
    words_with_gaps(&mut p, "Vej le", 72.0, 676.0, 10.0, -0.15);
    let t = page_text(&p);
    assert_eq!(t.text, "Byrådet godkendte sagen\nTilbage\nVejle");
}

#[test]
fn explicit_space_glyph_breaks_a_word_even_without_a_gap() {
    let mut p = page();
    run(&mut p, "Jens", 72.0, 700.0, 10.0);
    let mut space = glyph(&p, ' ', 92.0, 700.0, 10.0, 0, 0.0);
    space.synthetic_space = true;
    p.glyphs.push(space);
    run(&mut p, "Hansen", 92.0, 700.0, 10.0);
    assert_eq!(page_text(&p).text, "Jens Hansen");
}

#[test]
fn label_and_value_across_a_tab_stay_on_one_line() {
    let mut p = page();
    run(&mut p, "Navn:", 72.0, 700.0, 11.0);
    run(&mut p, "Hanne Jensen", 200.0, 700.0, 11.0);
    run(&mut p, "CPR-nr.:", 72.0, 686.0, 11.0);
    run(&mut p, "120387-1234", 200.0, 686.0, 11.0);
    let t = page_text(&p);
    assert_eq!(t.text, "Navn: Hanne Jensen\nCPR-nr.: 120387-1234");
    assert_eq!(t.lines.len(), 2);
}

#[test]
fn a_long_value_that_opens_like_a_label_stays_with_its_label() {
    // Outlook's print of a forwarded mail: the subject `VS: …` after the tab of `Emne:`.
    let mut p = page();
    run(&mut p, "Til:", 72.0, 700.0, 11.0);
    run(&mut p, "Social- og Sundhedsudvalget <ssu@sonderaa.dk>", 150.0, 700.0, 11.0);
    run(&mut p, "Emne:", 72.0, 686.0, 11.0);
    run(&mut p, "VS: Bekymring for min søn på Bostedet Engly", 150.0, 686.0, 11.0);
    let t = page_text(&p);
    assert_eq!(
        t.text,
        "Til: Social- og Sundhedsudvalget <ssu@sonderaa.dk>\nEmne: VS: Bekymring for min søn på Bostedet Engly"
    );
}

fn column_lines(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix} linje {i:02} med en del almindelig tekst her")).collect()
}

#[test]
fn two_columns_are_read_column_by_column() {
    let mut p = page();
    run(&mut p, "Referat af mødet", 72.0, 760.0, 16.0);
    let left = column_lines("Venstre", 12);
    let right = column_lines("Højre", 12);
    for (i, (l, r)) in left.iter().zip(&right).enumerate() {
        let y = 720.0 - 12.0 * i as f32;
        // Painted row by row, as a producer drawing both columns together would.
        run(&mut p, l, 50.0, y, 9.0);
        run(&mut p, r, 310.0, y, 9.0);
    }
    run(&mut p, "Side 1 af 3", 280.0, 40.0, 8.0);
    let t = page_text(&p);
    let expected = format!("Referat af mødet\n\n{}\n\n{}\n\nSide 1 af 3", left.join("\n"), right.join("\n"));
    assert_eq!(t.text, expected);
}

#[test]
fn a_paragraph_end_in_the_left_column_is_not_joined_to_the_right_column() {
    let mut p = page();
    for i in 0..10 {
        let y = 700.0 - 12.0 * i as f32;
        let left = if i == 4 { "kort slut.".to_string() } else { format!("venstre spalte linje {i} med tekst") };
        run(&mut p, &left, 50.0, y, 9.0);
        run(&mut p, &format!("højre spalte linje {i} med mere tekst"), 310.0, y, 9.0);
    }
    let t = page_text(&p);
    let short = t.lines.iter().position(|l| t.text[l.range.clone()] == *"kort slut.");
    assert!(short.is_some(), "{}", t.text);
    let first_right = t.text.find("højre").unwrap();
    assert!(t.text.find("venstre spalte linje 9").unwrap() < first_right);
}

#[test]
fn superscripts_and_subscripts_join_their_line() {
    let mut p = page();
    let x = run(&mut p, "Areal 20 m", 72.0, 700.0, 12.0);
    run(&mut p, "2", x, 704.0, 7.0);
    let x = run(&mut p, " jf. note", x + 4.0, 700.0, 12.0);
    run(&mut p, "1", x, 704.0, 7.0);
    let x = run(&mut p, "H", 72.0, 680.0, 12.0);
    let x = run(&mut p, "2", x, 677.5, 7.0);
    run(&mut p, "O", x, 680.0, 12.0);
    let t = page_text(&p);
    assert_eq!(t.text, "Areal 20 m2 jf. note1\nH2O");
}

#[test]
fn fake_bold_duplicates_are_dropped() {
    let mut p = page();
    run(&mut p, "Lukket punkt", 72.0, 700.0, 12.0);
    run(&mut p, "Lukket punkt", 72.4, 700.0, 12.0);
    run(&mut p, "Lukket punkt", 72.0, 700.3, 12.0);
    run(&mut p, "Sagen drøftes", 72.0, 680.0, 12.0);
    assert_eq!(page_text(&p).text, "Lukket punkt\nSagen drøftes");
}

#[test]
fn double_letters_are_not_mistaken_for_duplicates() {
    let mut p = page();
    run(&mut p, "Allé 11", 72.0, 700.0, 12.0);
    assert_eq!(page_text(&p).text, "Allé 11");
}

#[test]
fn rotated_page_reads_in_rotated_order() {
    // A landscape table on a /Rotate 90 page: text runs up the page, lines stack to the right.
    let mut p = page();
    p.rotate = 90;
    run_at_angle(&mut p, "Første linje", 100.0, 100.0, 10.0, 90);
    run_at_angle(&mut p, "Anden linje", 112.0, 100.0, 10.0, 90);
    run_at_angle(&mut p, "Tredje linje", 124.0, 100.0, 10.0, 90);
    assert_eq!(page_text(&p).text, "Første linje\nAnden linje\nTredje linje");
}

#[test]
fn sideways_text_comes_after_the_upright_text() {
    let mut p = page();
    run(&mut p, "Dagsorden for mødet i udvalget", 72.0, 700.0, 12.0);
    run(&mut p, "Brødtekst på siden", 72.0, 680.0, 12.0);
    run_at_angle(&mut p, "Sagsnr 2024-17", 30.0, 300.0, 8.0, 270);
    assert_eq!(page_text(&p).text, "Dagsorden for mødet i udvalget\nBrødtekst på siden\n\nSagsnr 2024-17");
}

#[test]
fn unmapped_glyphs_vanish_without_splitting_the_word() {
    let mut p = page();
    run(&mut p, "Kommu\u{FFFD}ne", 72.0, 700.0, 12.0);
    let t = page_text(&p);
    assert_eq!(t.text, "Kommune");
    assert_eq!(t.char_boxes.len(), 7);
}

#[test]
fn zero_and_negative_advances_keep_the_text() {
    let mut p = page();
    let mut x = 72.0;
    for (i, ch) in "Økonomi".chars().enumerate() {
        // Broken widths: a glyph with no advance, one that moves back a little.
        let advance = match i {
            2 => 0.0,
            4 => -1.0,
            _ => 6.0,
        };
        let g = glyph(&p, ch, x, 700.0, 12.0, 0, advance);
        p.glyphs.push(g);
        x += advance;
    }
    assert_eq!(page_text(&p).text, "Økonomi");
}

#[test]
fn hyphen_at_line_end_is_kept() {
    let mut p = page();
    run(&mut p, "Forvaltningen indstiller en sammen-", 72.0, 700.0, 10.0);
    run(&mut p, "lægning af de to skoler", 72.0, 688.0, 10.0);
    assert_eq!(page_text(&p).text, "Forvaltningen indstiller en sammen-\nlægning af de to skoler");
}

#[test]
fn lines_carry_size_boldness_ranges_and_boxes() {
    let mut p = page();
    let start = p.glyphs.len();
    run(&mut p, "Beslutning", 72.0, 700.0, 14.0);
    for g in &mut p.glyphs[start..] {
        g.font = 1;
    }
    run(&mut p, "Godkendt af udvalget", 72.0, 660.0, 10.0);
    let t = page_text(&p);
    assert_eq!(t.text, "Beslutning\n\nGodkendt af udvalget");
    assert_eq!(t.lines.len(), 2);
    assert!(t.lines[0].bold && !t.lines[1].bold);
    assert_eq!(t.lines[0].font_size, 14.0);
    assert_eq!(t.lines[1].font_size, 10.0);
    assert_ne!(t.lines[0].block, t.lines[1].block);
    assert_eq!(t.line_text(1), "Godkendt af udvalget");
    // Every char but the two inserted spaces has a box, in text order.
    let chars = t.text.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(t.char_boxes.len(), chars);
    assert!(t.char_boxes.windows(2).all(|w| w[0].0 < w[1].0));
    let af = t.text.find("af").unwrap();
    let bbox = t.bbox_of(af..af + 2).unwrap();
    assert!(bbox.y0 < 660.0 && bbox.y1 > 660.0 && bbox.x0 > 72.0);
}

#[test]
fn text_outside_the_page_box_comes_last() {
    let mut p = page();
    run(&mut p, "Skjult 120387-1234", 700.0, 500.0, 10.0);
    run(&mut p, "Synlig tekst", 72.0, 700.0, 10.0);
    assert_eq!(page_text(&p).text, "Synlig tekst\n\nSkjult 120387-1234");
}

#[test]
fn broken_numbers_do_not_panic() {
    let mut p = page();
    run(&mut p, "ok", 72.0, 700.0, 10.0);
    let mut bad = glyph(&p, 'x', f32::NAN, 700.0, 10.0, 0, 5.0);
    p.glyphs.push(bad.clone());
    bad.x = 80.0;
    bad.size = f32::INFINITY;
    p.glyphs.push(bad.clone());
    bad.size = 0.0;
    bad.bbox = Rect::new(80.0, 700.0, 80.0, 700.0);
    bad.angle = -7231;
    p.glyphs.push(bad);
    bad = glyph(&p, 'y', 1e30, -1e30, 1e-30, 45, 1e30);
    p.glyphs.push(bad);
    let t = page_text(&p);
    assert!(t.text.starts_with("ok"));
}

#[test]
fn many_glyphs_on_one_spot_and_many_lines_finish() {
    let mut p = page();
    for i in 0..30_000 {
        let g = glyph(&p, char::from(b'a' + (i % 8) as u8), 100.0, 400.0, 10.0, 0, 5.0);
        p.glyphs.push(g);
    }
    for i in 0..2_000 {
        let (x, y) = ((i % 40) as f32 * 14.0, (i / 40) as f32 * 15.0);
        run(&mut p, "ab", x, y, 10.0);
    }
    let t = page_text(&p);
    assert!(t.text.contains("ab ab"));
    assert!(t.text.len() < 30_000);
}

#[test]
fn accents_painted_over_letters_are_composed() {
    // TeX's f\"ur: the dieresis is its own glyph, drawn before the u and shifted over it.
    let mut p = page();
    let x = run(&mut p, "f", 72.0, 700.0, 10.0);
    let accent = glyph(&p, '\u{A8}', x, 700.0, 10.0, 0, 5.0);
    p.glyphs.push(accent);
    run(&mut p, "ur `Tekst' s", x, 700.0, 10.0);
    let x = run(&mut p, "M", 72.0, 688.0, 10.0);
    let dotless = glyph(&p, 'ı', x, 688.0, 10.0, 0, 3.0);
    p.glyphs.push(dotless);
    let accent = glyph(&p, '\u{B4}', x - 1.0, 688.0, 10.0, 0, 5.0);
    p.glyphs.push(accent);
    run(&mut p, "a", x + 3.0, 688.0, 10.0);
    let t = page_text(&p);
    // Quotes beside letters are not accents.
    assert_eq!(t.text, "für `Tekst' s\nMía");
    assert_eq!(t.char_boxes.len(), t.text.chars().filter(|c| !c.is_whitespace()).count());
}

#[test]
fn a_raised_accent_does_not_push_a_lowered_letter_off_its_line() {
    // "Das LaTeX-File²": footnote mark and the logo's small A raised, its E lowered, and a
    // raised accent dot (an unmapped dieresis) later on the line.
    let mut p = page();
    let x = run(&mut p, "Das L", 118.0, 627.0, 12.0);
    run(&mut p, "A", x - 3.0, 629.7, 8.0);
    let x = run(&mut p, "T", x + 1.0, 627.0, 12.0);
    let x = run(&mut p, "E", x - 1.5, 624.4, 12.0);
    let x = run(&mut p, "X-File", x - 1.5, 627.0, 12.0);
    let x = run(&mut p, "2", x, 631.4, 8.0);
    let x = run(&mut p, " hat eine Gr", x, 627.0, 12.0);
    run(&mut p, "\u{2022}", x, 629.6, 12.0);
    run(&mut p, "oe", x, 627.0, 12.0);
    run(&mut p, "verlieren.", 118.0, 612.5, 12.0);
    let t = page_text(&p);
    assert_eq!(t.lines.len(), 2, "{}", t.text);
    assert!(t.text.starts_with("Das LATEX-File2 hat eine Gr"), "{}", t.text);
}

#[test]
fn a_footnote_mark_before_a_word_is_its_own_word() {
    let mut p = page();
    let x = run(&mut p, "1", 72.0, 703.0, 6.0);
    run(&mut p, "http://ctan.org/pkg/lineno", x, 700.0, 8.0);
    assert_eq!(page_text(&p).text, "1 http://ctan.org/pkg/lineno");
}

#[test]
fn a_form_with_labels_in_a_column_keeps_each_label_with_its_value() {
    // A Europass CV: right-aligned labels without colons, values in a column at x = 250.
    let mut p = page();
    let rows = [
        ("Nachname(n) / Vorname(n)", "Hansen, Jens Peter"),
        ("Adresse(n)", "Vestergade 12, 2. tv., 8000 Aarhus C, Danmark"),
        ("Telefon", "+45 12 34 56 78 (privat) og +45 87 65 43 21 (arbejde)"),
        ("Geburtsdatum", "12.03.1987"),
        ("Staatsangehörigkeit(en)", "dansk"),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = 700.0 - 14.0 * i as f32;
        run(&mut p, label, 230.0 - 0.5 * 10.0 * label.chars().count() as f32, y, 10.0);
        run(&mut p, value, 250.0, y, 10.0);
    }
    let t = page_text(&p);
    for (label, value) in rows {
        assert!(t.text.lines().any(|l| l == format!("{label} {value}")), "{label}: {}", t.text);
    }
}

#[test]
fn a_letters_address_and_date_block_stay_apart() {
    let mut p = page();
    run(&mut p, "Signe Bech-Nielsen", 57.0, 700.0, 10.0);
    run(&mut p, "Dato: 6. marts 2024", 380.0, 700.0, 10.0);
    run(&mut p, "Rosenvænget 7", 57.0, 688.0, 10.0);
    run(&mut p, "Sagsnr.: 27.15.08-G01-77-24", 380.0, 688.0, 10.0);
    run(&mut p, "6990 Sønderå", 57.0, 676.0, 10.0);
    run(&mut p, "Mødet slutter kl. 16:00 og", 57.0, 640.0, 10.0);
    run(&mut p, "referatet følger", 300.0, 640.0, 10.0);
    let t = page_text(&p);
    assert_eq!(
        t.text,
        "Signe Bech-Nielsen\nRosenvænget 7\n6990 Sønderå\n\nDato: 6. marts 2024\nSagsnr.: 27.15.08-G01-77-24\n\nMødet slutter kl. 16:00 og referatet følger"
    );
}

/// Paints `text` with `spacing × size` after every char, spaces included (CSS `letter-spacing`,
/// `Tc`): each letter stands further from the next than a word gap in unspaced text.
fn letter_spaced(page: &mut PageContent, text: &str, x: f32, y: f32, size: f32, spacing: f32) {
    let mut x = x;
    for ch in text.chars() {
        let g = glyph(page, ch, x, y, size, 0, ADVANCE * size);
        page.glyphs.push(g);
        x += (ADVANCE + spacing) * size;
    }
}

#[test]
fn letter_spaced_text_keeps_its_words() {
    let mut p = page();
    letter_spaced(&mut p, "CPR-nr.: 120387-1232 Søren Østergård", 72.0, 700.0, 11.0, 0.12);
    letter_spaced(&mut p, "REFERAT – SOCIAL- OG SUNDHEDSUDVALGET", 72.0, 680.0, 14.0, 0.3);
    // A paragraph's last line of one word has no space to show its spacing: it borrows it.
    letter_spaced(&mut p, "Klagen er sendt af", 72.0, 646.0, 11.0, 0.12);
    letter_spaced(&mut p, "Østergård", 72.0, 632.0, 11.0, 0.12);
    letter_spaced(&mut p, "Borgerens bror har skrevet", 72.0, 600.0, 11.0, 0.0);
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    let want = [
        "CPR-nr.: 120387-1232 Søren Østergård",
        "REFERAT – SOCIAL- OG SUNDHEDSUDVALGET",
        "Klagen er sendt af",
        "Østergård",
        "Borgerens bror har skrevet",
    ];
    assert_eq!(lines, want);
}

#[test]
fn a_chart_of_characters_with_one_space_is_not_letter_spaced_text() {
    // A font table (tipa's manual): chars in cells with gaps but no space glyph between them,
    // and one space somewhere in the row.
    let mut p = page();
    words_with_gaps(&mut p, "! \" # $ % & ( ) * + , - . / 0 1 2 3 4 5 6 7 8 9 : ; < =", 72.0, 700.0, 10.0, 0.3);
    let mut space = glyph(&p, ' ', 60.0, 700.0, 10.0, 0, 2.0);
    space.synthetic_space = true;
    p.glyphs.push(space);
    assert_eq!(page_text(&p).text, "! \" # $ % & ( ) * + , - . / 0 1 2 3 4 5 6 7 8 9 : ; < =");
    // The same with the narrower gaps of a smaller chart.
    let mut p = page();
    let chart = "! \" # $ % & ( ) * + , - . / 0 1 2 3 4 5 6 7 8 9 : ; < = > ? @ A B C D E F G H I J K";
    words_with_gaps(&mut p, chart, 72.0, 700.0, 10.0, 0.2);
    let mut space = glyph(&p, ' ', 60.0, 700.0, 10.0, 0, 2.0);
    space.synthetic_space = true;
    p.glyphs.push(space);
    assert_eq!(page_text(&p).text, chart);
}

#[test]
fn sparse_characters_without_space_glyphs_stay_apart() {
    // A row of check marks or single digits in table cells: no space glyphs, wide regular gaps.
    let mut p = page();
    words_with_gaps(&mut p, "1 2 3 4 5 6 7 8 9 0 1 2", 72.0, 700.0, 10.0, 0.3);
    assert_eq!(page_text(&p).text, "1 2 3 4 5 6 7 8 9 0 1 2");
}

#[test]
fn footnote_number_after_a_number_is_a_word_of_its_own() {
    let mut p = page();
    let x = run(&mut p, "CPR-nr.: 120387-1232", 72.0, 700.0, 12.0);
    let x = run(&mut p, "1", x, 704.0, 7.0);
    let x = run(&mut p, " og tlf. 43 21 12 34.", x, 700.0, 12.0);
    let x = run(&mut p, "2", x, 704.0, 7.0);
    let x = run(&mut p, " jf. aftalen.", x, 700.0, 12.0);
    run(&mut p, "3", x, 704.0, 7.0);
    assert_eq!(page_text(&p).text, "CPR-nr.: 120387-1232 1 og tlf. 43 21 12 34. 2 jf. aftalen.3");
}

#[test]
fn a_large_item_number_does_not_join_the_two_lines_beside_it() {
    // Chromium's agenda table `21 | Anlægsregnskab … / Sagsnr.: …`: the 22 pt number's
    // baseline lies between the 13 pt title's and the 10.5 pt case line's.
    let mut p = page();
    run(&mut p, "21", 70.5, 760.0 - 8.25, 22.0);
    run(&mut p, "Anlægsregnskab for Vestervej", 113.2, 760.0, 13.0);
    run(&mut p, "Sagsnr.: 05.01.00-G01-3-25", 113.2, 760.0 - 13.5, 10.5);
    run(&mut p, "Sagsfremstilling", 68.2, 720.0, 10.5);
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["21 Anlægsregnskab for Vestervej", "Sagsnr.: 05.01.00-G01-3-25", "Sagsfremstilling"]);
}

#[test]
fn a_letter_spaced_word_alone_on_its_row_stays_one_word() {
    // Chromium's CSS letter-spacing on a one-word heading: no space glyph, no neighbour to
    // borrow the spacing from.
    let mut p = page();
    letter_spaced(&mut p, "DAGSORDEN", 72.0, 760.0, 18.0, 0.3);
    letter_spaced(&mut p, "Referat", 72.0, 720.0, 14.0, 0.15);
    letter_spaced(&mut p, "Bilag", 72.0, 680.0, 11.0, 0.3);
    // Beyond pdftotext's limit for wide spacing, digits, and letters of mixed sizes stay apart.
    letter_spaced(&mut p, "BESLUTNING", 72.0, 640.0, 12.0, 0.5);
    letter_spaced(&mut p, "120387", 72.0, 600.0, 11.0, 0.3);
    let x = run(&mut p, "A", 72.0, 560.0, 11.0);
    let x = run(&mut p, "B", x + 3.3, 560.0, 14.0);
    let x = run(&mut p, "C", x + 3.3, 560.0, 11.0);
    run(&mut p, "D", x + 3.3, 560.0, 14.0);
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["DAGSORDEN", "Referat", "Bilag", "B E S L U T N I N G", "1 2 0 3 8 7", "A B C D"]);
}

#[test]
fn a_mark_painted_apart_beside_a_word_is_a_word_of_its_own() {
    // LilyPond sets each lyric syllable, then all the hyphens between them, right to left: the
    // hyphen nearly touches the syllable before it but was painted in another run.
    let mut p = page();
    let sal = run(&mut p, "Sal", 72.0, 700.0, 10.0);
    run(&mut p, "ve,", sal + 20.0, 700.0, 10.0);
    let re = run(&mut p, "Re", sal + 40.0, 700.0, 10.0);
    run(&mut p, "gí", sal + 65.0, 700.0, 10.0);
    run(&mut p, "-", re + 0.5, 700.0, 10.0);
    run(&mut p, "-", sal + 0.5, 700.0, 10.0);
    // The same gap inside one run is kerning, not a break.
    words_with_gaps(&mut p, "Ti lbage", 72.0, 686.0, 10.0, 0.05);
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["Sal - ve, Re - gí", "Tilbage"]);
}

#[test]
fn spaced_dots_are_one_word_and_spaced_digits_are_not() {
    // TeX's `\ldots` and a dotted leader: lone marks a sixth of an em apart, as pdftotext reads them.
    let mut p = page();
    run(&mut p, "Zawód lub zajmowane", 72.0, 700.0, 10.0);
    words_with_gaps(&mut p, ". . .", 250.0, 700.0, 10.0, 0.17);
    words_with_gaps(&mut p, "Daty . . . dalej", 72.0, 680.0, 10.0, 0.17);
    // Unevenly spaced marks, and digits, keep their gaps.
    words_with_gaps(&mut p, "- -", 72.0, 660.0, 10.0, 0.12);
    let x = run(&mut p, "-", 83.2 + 1.8, 660.0, 10.0);
    run(&mut p, "*", x + 3.5, 660.0, 10.0);
    words_with_gaps(&mut p, "1 2 0", 72.0, 640.0, 10.0, 0.17);
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["Zawód lub zajmowane ...", "Daty . . . dalej", "- - - *", "1 2 0"]);
}

/// Advance of `ch` in a proportional font, as a share of the font size (rough Times widths).
fn proportional_advance(ch: char) -> f32 {
    match ch {
        'i' | 'l' | 'j' | 't' | 'f' | '.' | ',' | '-' => 0.28,
        'm' | 'w' | 'æ' => 0.78,
        c if c.is_uppercase() => 0.67,
        // Letters of a proportional font differ in width (a typewriter's do not).
        c => 0.42 + (u32::from(c) % 7) as f32 * 0.03,
    }
}

/// Paints `words` between `x0` and `x1` with the spare room shared out between them, as
/// justified text is set: no space glyphs, each word placed where the spacing puts it.
fn justified_line(page: &mut PageContent, words: &[&str], x0: f32, x1: f32, y: f32, size: f32) {
    let width = |w: &str| w.chars().map(proportional_advance).sum::<f32>() * size;
    let natural: f32 = words.iter().map(|w| width(w)).sum();
    let gap = (x1 - x0 - natural) / (words.len().max(2) - 1) as f32;
    let mut x = x0;
    for word in words {
        for ch in word.chars() {
            let advance = proportional_advance(ch) * size;
            let g = glyph(page, ch, x, y, size, 0, advance);
            page.glyphs.push(g);
            x += advance;
        }
        x += gap;
    }
}

/// Breaks `text` into lines of at most `width` (font sizes) with word spaces of at least
/// `min_gap`, the last one not justified.
fn break_lines(text: &str, width: f32, min_gap: f32) -> Vec<Vec<&str>> {
    let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
    let mut used = 0.0;
    for word in text.split(' ') {
        let w: f32 = word.chars().map(proportional_advance).sum();
        let line = lines.last_mut().unwrap();
        if !line.is_empty() && used + min_gap + w > width {
            lines.push(vec![word]);
            used = w;
        } else {
            used += if line.is_empty() { w } else { min_gap + w };
            lines.last_mut().unwrap().push(word);
        }
    }
    lines
}

const COLUMN_TEXT_A: &str = "Børne- og Ungeudvalget behandlede sagen om skolestrukturen i Vestbyen. Forvaltningen \
     indstiller, at udvalget godkender den foreslåede model for sammenlægning af de to skoler fra næste skoleår, og \
     at forældrebestyrelserne inddrages i den videre proces med høring af medarbejdere og elever i løbet af efteråret.";
const COLUMN_TEXT_B: &str = "Kommunalbestyrelsen besluttede den 12. marts at igangsætte en analyse af kapacitet og \
     økonomi. Analysen viser et fald i elevtallet på omkring tolv procent over de kommende fem år, hvilket giver \
     anledning til en samlet vurdering af matriklerne, transporten og den pædagogiske udvikling af skolen.";

/// Paints two justified columns row by row, `gutter` font sizes apart; returns their lines.
fn justified_columns(page: &mut PageContent, gutter: f32) -> (Vec<String>, Vec<String>) {
    let size = 10.0;
    let width = 18.0;
    let left = break_lines(COLUMN_TEXT_A, width, 0.3);
    let right = break_lines(COLUMN_TEXT_B, width, 0.3);
    let (x_left, x_right) = (50.0, 50.0 + (width + gutter) * size);
    let last = (left.len() - 1, right.len() - 1);
    for i in 0..left.len().max(right.len()) {
        let y = 700.0 - 12.0 * i as f32;
        for (lines, x, last) in [(&left, x_left, last.0), (&right, x_right, last.1)] {
            let Some(words) = lines.get(i) else { continue };
            if i == last {
                let natural: f32 = words.iter().map(|w| w.chars().map(proportional_advance).sum::<f32>()).sum();
                justified_line(page, words, x, x + (natural + 0.3 * (words.len() - 1) as f32) * size, y, size);
            } else {
                justified_line(page, words, x, x + width * size, y, size);
            }
        }
    }
    let join = |lines: Vec<Vec<&str>>| lines.into_iter().map(|l| l.join(" ")).collect::<Vec<_>>();
    (join(left), join(right))
}

#[test]
fn justified_columns_with_a_gutter_as_narrow_as_a_word_space_are_read_column_by_column() {
    // WeasyPrint's `columns: 2; column-gap: 0.6em`, a Writer section with 0.2 cm spacing: row by
    // row the gutter is no wider than the justified word spaces, but it runs straight down.
    for gutter in [0.6, 0.9] {
        let mut p = page();
        let (left, right) = justified_columns(&mut p, gutter);
        assert!(left.len() >= 8 && right.len() >= 8, "{left:?} {right:?}");
        let t = page_text(&p);
        assert_eq!(t.text, format!("{}\n\n{}", left.join("\n"), right.join("\n")), "gutter {gutter}");
    }
}

#[test]
fn justified_text_in_one_column_is_not_cut_where_a_few_words_line_up() {
    // Three rows whose fourth word starts at one x, and a monospaced listing whose columns all
    // line up one space apart: neither has a gutter.
    let mut p = page();
    let rows = [
        ["Udvalget", "drøftede", "sagen", "grundigt", "og", "besluttede", "at", "udsætte", "den"],
        ["Forvaltningen", "har", "set", "grundigt", "på", "de", "indkomne", "høringssvar", "fra"],
        ["Borgerne", "har", "gjort", "grundigt", "opmærksom", "på", "trafikken", "ved", "skolen"],
    ];
    for (i, words) in rows.iter().enumerate() {
        justified_line(&mut p, words, 50.0, 400.0, 700.0 - 12.0 * i as f32, 10.0);
    }
    let listing = ["drwxr-xr-x 2 root root 4096 jan 12 bin", "-rw-r--r-- 1 root root 1234 jan 12 fil"];
    for i in 0..8 {
        let line = listing[i % 2];
        let mut x = 50.0;
        for ch in line.chars() {
            let g = glyph(&p, ch, x, 600.0 - 12.0 * i as f32, 10.0, 0, 6.0);
            if ch != ' ' {
                p.glyphs.push(g);
            }
            x += 6.0;
        }
    }
    let t = page_text(&p);
    let lines: Vec<&str> = t.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 11, "{}", t.text);
    assert!(lines[0].starts_with("Udvalget") && lines[0].ends_with("den"), "{}", t.text);
    assert_eq!(lines[3], listing[0]);
}
