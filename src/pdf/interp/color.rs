//! Colour spaces reduced to what we need: an approximate RGB for each fill and stroke colour,
//! enough to tell white text on white, or black bars over black text.

use crate::pdf::content::Rgb;
use crate::pdf::document::{deref, dict_get, number};
use crate::pdf::limits::Budget;
use crate::pdf::stream::decode_stream;
use lopdf::{Dictionary, Object};

/// A colour space, `Copy` so the graphics state stays cheap to save and restore.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ColorSpace {
    Gray,
    Rgb,
    Cmyk,
    Lab,
    /// Index into the page's palettes.
    Indexed(u16),
    /// A spot colour: tint 1 is full ink, which we take as dark.
    Separation,
    DeviceN,
    /// Patterns and shadings: treated as black (we cannot know the colour cheaply).
    Pattern,
}

/// Most palettes kept per page; further Indexed spaces are read as gray.
const MAX_PALETTES: usize = 64;

impl ColorSpace {
    /// The colour a space starts with when selected by `cs`/`CS`.
    pub fn initial(self, palettes: &[Vec<Rgb>]) -> Rgb {
        match self {
            ColorSpace::Lab => Rgb::gray(0.0),
            ColorSpace::Indexed(i) => palettes.get(i as usize).and_then(|p| p.first().copied()).unwrap_or(Rgb::BLACK),
            _ => Rgb::BLACK,
        }
    }

    /// The colour for `sc`/`scn` components (extra operands, like a pattern name, are ignored).
    pub fn color(self, c: &[f32], palettes: &[Vec<Rgb>]) -> Rgb {
        let at = |i: usize| c.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        match self {
            ColorSpace::Gray => Rgb::gray(at(0)),
            ColorSpace::Rgb => Rgb { r: at(0), g: at(1), b: at(2) },
            ColorSpace::Cmyk => Rgb::from_cmyk(at(0), at(1), at(2), at(3)),
            ColorSpace::Lab => Rgb::gray((c.first().copied().unwrap_or(0.0) / 100.0).clamp(0.0, 1.0)),
            ColorSpace::Indexed(p) => {
                let idx = c.first().copied().unwrap_or(0.0).max(0.0) as usize;
                palettes.get(p as usize).and_then(|p| p.get(idx).or(p.last()).copied()).unwrap_or(Rgb::BLACK)
            }
            ColorSpace::Separation => Rgb::gray(1.0 - at(0)),
            ColorSpace::DeviceN => Rgb::gray(1.0 - c.iter().fold(0.0f32, |m, v| m.max(v.clamp(0.0, 1.0)))),
            ColorSpace::Pattern => Rgb::BLACK,
        }
    }

    /// Components of one colour in this space.
    fn components(self) -> usize {
        match self {
            ColorSpace::Gray | ColorSpace::Indexed(_) | ColorSpace::Separation | ColorSpace::Pattern => 1,
            ColorSpace::Rgb | ColorSpace::Lab => 3,
            ColorSpace::Cmyk => 4,
            ColorSpace::DeviceN => 1,
        }
    }
}

/// Resolves the operand of `cs`/`CS`: a device space name or a `/ColorSpace` resource.
pub(crate) fn resolve(
    doc: &lopdf::Document,
    resources: Option<&Dictionary>,
    name: &[u8],
    palettes: &mut Vec<Vec<Rgb>>,
    budget: &Budget,
) -> ColorSpace {
    if let Some(cs) = device_space(name) {
        return cs;
    }
    let obj = resources
        .and_then(|r| dict_get(doc, r, b"ColorSpace"))
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| dict_get(doc, d, name));
    match obj {
        Some(o) => from_object(doc, o, palettes, budget, 0),
        None => ColorSpace::Gray,
    }
}

fn device_space(name: &[u8]) -> Option<ColorSpace> {
    Some(match name {
        b"DeviceGray" | b"G" | b"CalGray" => ColorSpace::Gray,
        b"DeviceRGB" | b"RGB" | b"CalRGB" => ColorSpace::Rgb,
        b"DeviceCMYK" | b"CMYK" => ColorSpace::Cmyk,
        b"Pattern" => ColorSpace::Pattern,
        b"Lab" => ColorSpace::Lab,
        _ => return None,
    })
}

fn from_object(
    doc: &lopdf::Document,
    obj: &Object,
    palettes: &mut Vec<Vec<Rgb>>,
    budget: &Budget,
    depth: u32,
) -> ColorSpace {
    let obj = deref(doc, obj);
    if let Object::Name(n) = obj {
        return device_space(n).unwrap_or(ColorSpace::Gray);
    }
    let Object::Array(a) = obj else { return ColorSpace::Gray };
    let family = a.first().map(|o| deref(doc, o)).and_then(|o| o.as_name().ok()).unwrap_or(b"");
    match family {
        b"ICCBased" => {
            let n = a
                .get(1)
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| dict_get(doc, &s.dict, b"N"))
                .and_then(number);
            match n.map(|n| n as i32) {
                Some(1) => ColorSpace::Gray,
                Some(4) => ColorSpace::Cmyk,
                _ => ColorSpace::Rgb,
            }
        }
        b"Indexed" | b"I" if depth == 0 => indexed(doc, a, palettes, budget),
        b"Separation" => ColorSpace::Separation,
        b"DeviceN" => ColorSpace::DeviceN,
        b"Pattern" => ColorSpace::Pattern,
        other => device_space(other).unwrap_or(ColorSpace::Gray),
    }
}

fn indexed(doc: &lopdf::Document, a: &[Object], palettes: &mut Vec<Vec<Rgb>>, budget: &Budget) -> ColorSpace {
    if palettes.len() >= MAX_PALETTES {
        return ColorSpace::Gray;
    }
    let base = a.get(1).map(|o| from_object(doc, o, palettes, budget, 1)).unwrap_or(ColorSpace::Rgb);
    let hival = a.get(2).map(|o| deref(doc, o)).and_then(number).unwrap_or(0.0).clamp(0.0, 255.0) as usize;
    let lookup: Vec<u8> = match a.get(3).map(|o| deref(doc, o)) {
        Some(Object::String(s, _)) => s.clone(),
        Some(Object::Stream(s)) => decode_stream(doc, s, budget).data.into_owned(),
        _ => Vec::new(),
    };
    let n = base.components();
    let mut palette = Vec::with_capacity(hival + 1);
    let mut comps = [0f32; 4];
    for i in 0..=hival {
        let Some(entry) = lookup.get(i * n..i * n + n) else { break };
        for (slot, &v) in comps.iter_mut().zip(entry) {
            *slot = v as f32 / 255.0;
        }
        let c = match base {
            ColorSpace::Lab => Rgb::gray(comps[0]),
            other => other.color(&comps[..n], &[]),
        };
        palette.push(c);
    }
    palettes.push(palette);
    ColorSpace::Indexed((palettes.len() - 1) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_and_approximate_spaces() {
        assert_eq!(ColorSpace::Cmyk.color(&[0.0, 0.0, 0.0, 1.0], &[]), Rgb::BLACK);
        assert_eq!(ColorSpace::Separation.color(&[1.0], &[]), Rgb::BLACK);
        assert_eq!(ColorSpace::Separation.color(&[0.0], &[]), Rgb::WHITE);
        assert_eq!(ColorSpace::Pattern.color(&[], &[]), Rgb::BLACK);
    }

    #[test]
    fn indexed_palette_from_a_string() {
        let doc = lopdf::Document::new();
        let budget = Budget::new(Default::default());
        let a = vec![
            Object::Name(b"Indexed".to_vec()),
            Object::Name(b"DeviceRGB".to_vec()),
            Object::Integer(1),
            Object::String(vec![255, 255, 255, 255, 0, 0], lopdf::StringFormat::Hexadecimal),
        ];
        let mut palettes = Vec::new();
        let cs = from_object(&doc, &Object::Array(a), &mut palettes, &budget, 0);
        assert_eq!(cs.color(&[1.0], &palettes), Rgb { r: 1.0, g: 0.0, b: 0.0 });
        assert_eq!(cs.initial(&palettes), Rgb::WHITE);
    }
}
