//! The standard-14 fonts: AFM widths and vertical metrics for fonts a PDF names without
//! embedding or giving `/Widths`, and the common aliases (Arial → Helvetica, …).

use super::std14_table::STD14;

pub(crate) struct Std14Metrics {
    pub name: &'static str,
    pub ascent: f32,
    pub descent: f32,
    /// Advance per glyph name, sorted bytewise by name.
    pub widths: &'static [(&'static str, u16)],
}

impl Std14Metrics {
    pub(crate) fn width(&self, glyph: &[u8]) -> Option<f32> {
        let i = self.widths.binary_search_by(|(n, _)| n.as_bytes().cmp(glyph)).ok()?;
        self.widths.get(i).map(|(_, w)| *w as f32)
    }

    pub(crate) fn is_symbolic(&self) -> bool {
        matches!(self.name, "Symbol" | "ZapfDingbats")
    }
}

fn by_name(name: &str) -> Option<&'static Std14Metrics> {
    STD14.iter().find(|m| m.name == name)
}

/// Whether a font name says bold (weights from semibold up).
pub(crate) fn name_says_bold(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    ["bold", "black", "heavy", "demi"].iter().any(|w| l.contains(w))
}

/// Whether a font name says italic or oblique (`-It` is Adobe's short form).
pub(crate) fn name_says_italic(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.contains("italic") || l.contains("oblique") || l.ends_with("-it") || l.ends_with("boldit")
}

/// The standard-14 font a (subset-prefix-free) BaseFont name stands for, if any.
pub(crate) fn lookup(base_font: &str) -> Option<&'static Std14Metrics> {
    if let Some(m) = by_name(base_font) {
        return Some(m);
    }
    let family_end = base_font.find(['-', ',']).unwrap_or(base_font.len());
    let mut family: String =
        base_font.get(..family_end).unwrap_or_default().chars().filter(|c| *c != ' ').collect::<String>();
    family.make_ascii_lowercase();
    for suffix in ["psmt", "mt", "ps"] {
        if let Some(f) = family.strip_suffix(suffix) {
            family = f.to_string();
            break;
        }
    }
    let bold = name_says_bold(base_font);
    let italic = name_says_italic(base_font);
    let name = match family.as_str() {
        "symbol" => "Symbol",
        "zapfdingbats" | "itczapfdingbats" | "dingbats" => "ZapfDingbats",
        f if f.starts_with("arial") || f.starts_with("helvetica") => match (bold, italic) {
            (false, false) => "Helvetica",
            (true, false) => "Helvetica-Bold",
            (false, true) => "Helvetica-Oblique",
            (true, true) => "Helvetica-BoldOblique",
        },
        f if f.starts_with("times") => return Some(times(bold, italic)),
        f if f.starts_with("courier") => return Some(courier(bold, italic)),
        _ => return None,
    };
    by_name(name)
}

fn times(bold: bool, italic: bool) -> &'static Std14Metrics {
    let i = match (bold, italic) {
        (false, false) => 8,
        (true, false) => 9,
        (false, true) => 10,
        (true, true) => 11,
    };
    &STD14[i]
}

fn courier(bold: bool, italic: bool) -> &'static Std14Metrics {
    let i = match (bold, italic) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    };
    &STD14[i]
}

fn helvetica(bold: bool, italic: bool) -> &'static Std14Metrics {
    let i = match (bold, italic) {
        (false, false) => 4,
        (true, false) => 5,
        (false, true) => 6,
        (true, true) => 7,
    };
    &STD14[i]
}

/// A stand-in for a font with neither `/Widths` nor a standard name, chosen from its
/// descriptor flags the way viewers substitute fonts.
pub(crate) fn substitute(fixed_pitch: bool, serif: bool, bold: bool, italic: bool) -> &'static Std14Metrics {
    if fixed_pitch {
        courier(bold, italic)
    } else if serif {
        times(bold, italic)
    } else {
        helvetica(bold, italic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_the_indexes_used_here() {
        assert_eq!(courier(true, true).name, "Courier-BoldOblique");
        assert_eq!(helvetica(false, true).name, "Helvetica-Oblique");
        assert_eq!(times(false, false).name, "Times-Roman");
        assert_eq!(times(true, true).name, "Times-BoldItalic");
        for m in STD14.iter() {
            assert!(m.widths.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()), "{} unsorted", m.name);
        }
    }

    #[test]
    fn widths_from_the_afm() {
        let helv = lookup("Helvetica").unwrap();
        assert_eq!(helv.width(b"a"), Some(556.0));
        assert_eq!(helv.width(b"aring"), Some(556.0));
        assert_eq!(helv.width(b"space"), Some(278.0));
        assert_eq!(lookup("Courier").unwrap().width(b"oslash"), Some(600.0));
        assert_eq!(lookup("Times-Roman").unwrap().width(b"a"), Some(444.0));
        assert_eq!(helv.width(b"nosuchglyph"), None);
    }

    #[test]
    fn aliases() {
        assert_eq!(lookup("Arial").unwrap().name, "Helvetica");
        assert_eq!(lookup("ArialMT").unwrap().name, "Helvetica");
        assert_eq!(lookup("Arial,Bold").unwrap().name, "Helvetica-Bold");
        assert_eq!(lookup("Arial-BoldItalicMT").unwrap().name, "Helvetica-BoldOblique");
        assert_eq!(lookup("TimesNewRomanPSMT").unwrap().name, "Times-Roman");
        assert_eq!(lookup("TimesNewRoman,BoldItalic").unwrap().name, "Times-BoldItalic");
        assert_eq!(lookup("TimesNewRomanPS-BoldMT").unwrap().name, "Times-Bold");
        assert_eq!(lookup("CourierNewPSMT").unwrap().name, "Courier");
        assert_eq!(lookup("CourierNew,Bold").unwrap().name, "Courier-Bold");
        assert_eq!(lookup("Symbol").unwrap().name, "Symbol");
        assert!(lookup("Calibri").is_none());
    }

    #[test]
    fn style_from_names() {
        assert!(name_says_bold("Calibri-Bold"));
        assert!(name_says_bold("MyriadPro-Semibold"));
        assert!(!name_says_bold("Calibri"));
        assert!(name_says_italic("Arial-ItalicMT"));
        assert!(name_says_italic("MinionPro-It"));
        assert!(!name_says_italic("Verdana"));
    }
}
