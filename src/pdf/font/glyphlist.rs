//! Glyph names → Unicode, following the Adobe Glyph List specification: the full AGL, then
//! `uniXXXX[XXXX…]` and `uXXXX[XX]`, with `.suffix` dropped and `_` joining ligature components.
//! Names that only number a glyph (`g12`, `cid34`, `glyph5`) say nothing about the character.

use super::agl_table::{AGL, ZAPF};

/// The AGL entry for `name` (exact, case-sensitive).
pub(crate) fn agl_lookup(name: &[u8]) -> Option<&'static str> {
    AGL.binary_search_by(|(n, _)| n.as_bytes().cmp(name)).ok().and_then(|i| AGL.get(i)).map(|(_, t)| *t)
}

/// The ZapfDingbats glyph names (`a1` … `a191`). Only that font means these by them; other
/// fonts (Type3 bitmap fonts especially) use `aNN` for arbitrary glyphs.
pub(crate) fn zapf_lookup(name: &[u8]) -> Option<&'static str> {
    ZAPF.binary_search_by(|(n, _)| n.as_bytes().cmp(name)).ok().and_then(|i| ZAPF.get(i)).map(|(_, t)| *t)
}

/// Appends the Unicode text of glyph `name` to `out` (not yet normalised). Returns whether
/// anything was known about it.
pub(crate) fn append_glyph_text(name: &[u8], out: &mut String) -> bool {
    if let Some(t) = agl_lookup(name) {
        out.push_str(t);
        return true;
    }
    let base = match name.iter().position(|&b| b == b'.') {
        Some(dot) => &name[..dot],
        None => name,
    };
    if base.is_empty() {
        return false;
    }
    let mut known = false;
    for component in base.split(|&b| b == b'_') {
        known |= append_component(component, out);
    }
    known
}

fn append_component(name: &[u8], out: &mut String) -> bool {
    if let Some(t) = agl_lookup(name) {
        out.push_str(t);
        return true;
    }
    if let Some(hex) = name.strip_prefix(b"uni") {
        if !hex.is_empty() && hex.len() % 4 == 0 {
            let start = out.len();
            for group in hex.chunks(4) {
                match parse_hex(group).and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => {
                        out.truncate(start);
                        return false;
                    }
                }
            }
            return true;
        }
    }
    if let Some(hex) = name.strip_prefix(b"u") {
        if (4..=6).contains(&hex.len()) {
            if let Some(c) = parse_hex(hex).and_then(char::from_u32) {
                out.push(c);
                return true;
            }
        }
    }
    false
}

fn parse_hex(digits: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &d in digits {
        v = v.checked_mul(16)? + (d as char).to_digit(16)?;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str) -> String {
        let mut s = String::new();
        append_glyph_text(name.as_bytes(), &mut s);
        s
    }

    #[test]
    fn agl_names() {
        assert_eq!(text("aring"), "å");
        assert_eq!(text("oslash"), "ø");
        assert_eq!(text("AE"), "Æ");
        assert_eq!(text("afii10017"), "А");
        assert_eq!(text("dalethatafpatah"), "\u{5d3}\u{5b2}");
        assert_eq!(text("a1"), "");
        assert_eq!(zapf_lookup(b"a1"), Some("\u{2701}"));
        assert_eq!(text(".notdef"), "");
    }

    #[test]
    fn algorithmic_names() {
        assert_eq!(text("uni00E6"), "æ");
        assert_eq!(text("uni00660069"), "fi");
        assert_eq!(text("uni00e6"), "æ");
        assert_eq!(text("uniD800"), "");
        assert_eq!(text("u1F600"), "😀");
        assert_eq!(text("u00F8"), "ø");
        assert_eq!(text("a.sc"), "a");
        assert_eq!(text("f_i"), "fi");
        assert_eq!(text("f_f_l.alt"), "ffl");
        assert_eq!(text("g12"), "");
        assert_eq!(text("cid345"), "");
        assert_eq!(text("glyph7"), "");
    }
}
