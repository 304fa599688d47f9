//! Simple fonts (Type1, MMType1, TrueType, Type3): one byte per code, resolved at load time into
//! a 256-entry table of text and widths.

use super::encoding::{apply_differences, push_normalized_str, BaseEncoding, StackText};
use super::glyphlist::{append_glyph_text, zapf_lookup};
use super::objects::{get, get_array, get_dict, get_name, get_number, number};
use super::{descriptor_flags, descriptor_metrics, font_info, fontfile, load_to_unicode, std14, type3, Font, Kind};
use crate::pdf::content::FontInfo;
use crate::pdf::limits::Budget;
use lopdf::{Dictionary, Document, Object};

#[derive(Debug, Clone)]
pub(crate) struct SimpleFont {
    arena: String,
    spans: [(u32, u32); 256],
    pub(crate) widths: [f32; 256],
}

impl Default for SimpleFont {
    fn default() -> Self {
        SimpleFont { arena: String::new(), spans: [(0, 0); 256], widths: [500.0; 256] }
    }
}

impl SimpleFont {
    #[inline]
    pub(crate) fn text(&self, code: u8) -> &str {
        let (s, e) = self.spans[code as usize];
        self.arena.get(s as usize..e as usize).unwrap_or_default()
    }
}

/// The text of a glyph a font names but whose code is a control code.
const NAMED_SYMBOL: char = '\u{1}';

const FLAG_FIXED_PITCH: u32 = 1;
const FLAG_SERIF: u32 = 1 << 1;
const FLAG_SYMBOLIC: u32 = 1 << 2;

pub(crate) fn load(doc: &Document, dict: &Dictionary, budget: &Budget, is_type3: bool) -> Font {
    let mut problems = Vec::new();
    let descriptor = get_dict(doc, dict, b"FontDescriptor");
    let raw_name = get_name(doc, dict, b"BaseFont")
        .or_else(|| descriptor.and_then(|d| get_name(doc, d, b"FontName")))
        .or_else(|| if is_type3 { get_name(doc, dict, b"Name") } else { None })
        .unwrap_or_default();
    let info = font_info(doc, &String::from_utf8_lossy(raw_name), descriptor);
    let flags = descriptor.map_or(0, |d| descriptor_flags(doc, d));
    let std = if is_type3 { None } else { std14::lookup(&info.name) };
    let is_truetype = get_name(doc, dict, b"Subtype") == Some(b"TrueType");
    let lower_name = info.name.to_ascii_lowercase();
    let zapf = std.is_some_and(|m| m.name == "ZapfDingbats");
    let dingbats = lower_name.starts_with("wingdings") || lower_name.starts_with("webdings");

    let builtin = if is_type3 {
        None
    } else if let Some(m) = std.filter(|m| m.is_symbolic()) {
        Some(if m.name == "Symbol" { BaseEncoding::Symbol } else { BaseEncoding::ZapfDingbats })
    } else if is_truetype || flags & FLAG_SYMBOLIC != 0 {
        // Symbolic TrueType fonts without an encoding address glyphs by their (3,0) cmap codes
        // 0xF000 + code; in practice those fonts hold Latin text laid out as WinAnsi.
        Some(BaseEncoding::WinAnsi)
    } else {
        Some(BaseEncoding::Standard)
    };
    let mut base = builtin;
    let mut differences = None;
    let mut names_base_given = false;
    match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => {
            names_base_given = BaseEncoding::from_name(n).is_some();
            base = BaseEncoding::from_name(n).or(base);
        }
        Some(Object::Dictionary(d)) => {
            let named = get_name(doc, d, b"BaseEncoding").and_then(BaseEncoding::from_name);
            names_base_given = named.is_some();
            base = named.or(base);
            differences = get_array(doc, d, b"Differences");
        }
        _ => {}
    }
    // An embedded Type 1 program's own encoding is the base when the PDF names none.
    let program_encoding = match (names_base_given || is_truetype || is_type3, descriptor) {
        (false, Some(d)) => d.get(b"FontFile").ok().and_then(|ff| fontfile::type1_builtin_encoding(doc, ff, budget)),
        _ => None,
    };
    let mut names: [&[u8]; 256] = [b""; 256];
    if dingbats && differences.is_none() {
        // Wingdings codes are letters of WinAnsi only by accident; decoding them as such would
        // put stray letters (l, n, §, Ø) in the text where bullets are drawn.
        base = None;
    }
    if let Some(b) = base {
        for (slot, name) in names.iter_mut().zip(b.glyph_names().iter()) {
            *slot = name.as_bytes();
        }
    }
    match &program_encoding {
        Some(fontfile::Builtin::Standard) => {
            for (slot, name) in names.iter_mut().zip(BaseEncoding::Standard.glyph_names().iter()) {
                *slot = name.as_bytes();
            }
        }
        Some(fontfile::Builtin::Custom(entries)) => {
            names = [b""; 256];
            for (code, name) in entries {
                names[*code as usize] = name;
            }
        }
        None => {}
    }
    if let Some(d) = differences {
        apply_differences(doc, d, &mut names);
    }

    let to_unicode = load_to_unicode(doc, dict, budget, &mut problems);
    let mut font = SimpleFont::default();
    let mut buf = StackText::new();
    let mut scratch = String::new();
    for (code, name) in names.iter().enumerate() {
        let start = font.arena.len() as u32;
        let mapped = to_unicode.as_ref().and_then(|m| m.lookup(code as u32, &mut buf));
        if let Some(t) = mapped {
            font.arena.push_str(t);
        } else if let Some(t) = zapf.then(|| zapf_lookup(name)).flatten() {
            font.arena.push_str(t);
        } else {
            scratch.clear();
            if append_glyph_text(name, &mut scratch) {
                push_normalized_str(&mut font.arena, &scratch);
            } else if dingbats {
                font.arena.push_str(wingdings_text(code as u8));
            } else if !name.is_empty() && name != b".notdef" {
                // A glyph named outside the glyph list (`noteheads.s2` in LilyPond's music font,
                // `a65` or `g3` in dvips's bitmap fonts) passes its code through, as poppler's
                // mapUnknownCharNames does: such fonts mostly draw the character of their code,
                // and the text then reads as pdftotext reads it. A control code (`clefs.G` at 5)
                // becomes U+0001: layout prints no text for it, yet it is a named symbol, not an
                // unreadable glyph, and never a tab or line break that would split a word.
                let c = char::from(code as u8);
                font.arena.push(if c.is_control() { NAMED_SYMBOL } else { c });
            }
        }
        font.spans[code] = (start, font.arena.len() as u32);
    }

    let widths = Widths::read(doc, dict, descriptor, is_type3);
    let substitute = if std.is_none() && !is_type3 {
        Some(std14::substitute(flags & FLAG_FIXED_PITCH != 0, flags & FLAG_SERIF != 0, info.bold, info.italic))
    } else {
        None
    };
    for (code, name) in names.iter().copied().enumerate() {
        font.widths[code] = if let Some(w) = widths.entry(code) {
            w
        } else if is_type3 {
            0.0
        } else if let Some(w) = std.and_then(|m| m.width(name)) {
            w
        } else if widths.present {
            // Outside /FirstChar../LastChar the spec's answer is /MissingWidth, default 0.
            widths.missing.unwrap_or(0.0)
        } else {
            substitute.and_then(|m| m.width(name)).or(widths.missing.filter(|w| *w > 0.0)).unwrap_or(500.0)
        };
    }

    let font_matrix = is_type3.then(|| type3::font_matrix(doc, dict));
    let (ascent, descent) = match &font_matrix {
        Some(m) => type3::ascent_descent(doc, dict, m),
        None => {
            let (a, d) = descriptor_metrics(doc, descriptor);
            (
                a.or(std.map(|m| m.ascent).filter(|a| *a > 0.0)).unwrap_or(800.0),
                d.or(std.map(|m| m.descent).filter(|d| *d < 0.0)).unwrap_or(-200.0),
            )
        }
    };
    let info = FontInfo { no_unicode: to_unicode.is_none(), ..info };
    Font { info, problems, kind: Kind::Simple(Box::new(font)), font_matrix, ascent, descent, vertical: false }
}

/// `/Widths` with `/FirstChar`, and `/MissingWidth`.
struct Widths<'a> {
    doc: &'a Document,
    array: Option<&'a [Object]>,
    first_char: usize,
    /// Whether the font has a usable `/Widths` array.
    present: bool,
    missing: Option<f32>,
    is_type3: bool,
}

impl<'a> Widths<'a> {
    fn read(doc: &'a Document, dict: &'a Dictionary, descriptor: Option<&Dictionary>, is_type3: bool) -> Widths<'a> {
        let array = get_array(doc, dict, b"Widths");
        let first_char = match (array, get_number(doc, dict, b"FirstChar")) {
            (Some(_), Some(fc)) if (0.0..=255.0).contains(&fc) => Some(fc as usize),
            (Some(_), None) => Some(0),
            // A /FirstChar past the last code makes the array useless, not the font.
            _ => None,
        };
        let missing =
            descriptor.and_then(|d| get_number(doc, d, b"MissingWidth")).filter(|w| (0.0..=100_000.0).contains(w));
        Widths {
            doc,
            array: array.filter(|_| first_char.is_some()),
            first_char: first_char.unwrap_or(0),
            present: first_char.is_some(),
            missing,
            is_type3,
        }
    }

    fn entry(&self, code: usize) -> Option<f32> {
        let w = number(self.doc, self.array?.get(code.checked_sub(self.first_char)?)?)?;
        // Type3 glyph space can be mirrored, so negative advances are legitimate there.
        let plausible = if self.is_type3 { w.abs() < 1e7 } else { (0.0..=100_000.0).contains(&w) };
        plausible.then_some(w)
    }
}

/// The Wingdings codes Office uses for list bullets and check marks; other codes stay empty.
fn wingdings_text(code: u8) -> &'static str {
    match code {
        0x6C => "\u{25CF}",
        0x6E => "\u{25A0}",
        0x6F => "\u{25A1}",
        0x71 => "\u{2751}",
        0x75 => "\u{25C6}",
        0x76 => "\u{2756}",
        0x9F => "\u{2022}",
        0xA7 => "\u{25AA}",
        0xA8 => "\u{25FB}",
        0xD8 => "\u{27A2}",
        0xE0 => "\u{2192}",
        0xE8 => "\u{2794}",
        0xFB => "\u{2717}",
        0xFC => "\u{2713}",
        0xFE => "\u{2611}",
        _ => "",
    }
}
