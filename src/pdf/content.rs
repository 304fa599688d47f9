//! What the content-stream interpreter emits for one page, in paint order.
//!
//! Later stages need more than a string: hidden-text checks compare glyphs with the shapes painted
//! after them, scanned-page checks look at images, layout needs positions. So every glyph, filled
//! shape and image is kept, each with `seq`, its place in paint order on the page.

use super::geom::Rect;
use serde::Serialize;

/// Where on the page a piece of content came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GlyphSource {
    /// The page's own content stream.
    Page,
    /// A Form XObject drawn with `Do` (from the page, or nested).
    Form,
    /// An annotation's appearance stream (`/AP /N`).
    Annotation,
}

impl GlyphSource {
    pub fn as_str(self) -> &'static str {
        match self {
            GlyphSource::Page => "page",
            GlyphSource::Form => "form",
            GlyphSource::Annotation => "annotation",
        }
    }
}

/// A colour reduced to RGB in 0..=1, enough to tell white, black and "same as background".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rgb {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Rgb {
    pub const BLACK: Rgb = Rgb { r: 0.0, g: 0.0, b: 0.0 };
    pub const WHITE: Rgb = Rgb { r: 1.0, g: 1.0, b: 1.0 };

    pub fn gray(v: f32) -> Rgb {
        Rgb { r: v, g: v, b: v }
    }
    pub fn from_cmyk(c: f32, m: f32, y: f32, k: f32) -> Rgb {
        Rgb { r: (1.0 - c) * (1.0 - k), g: (1.0 - m) * (1.0 - k), b: (1.0 - y) * (1.0 - k) }
    }
    /// Largest per-channel difference, 0..=1.
    pub fn distance(&self, o: &Rgb) -> f32 {
        (self.r - o.r).abs().max((self.g - o.g).abs()).max((self.b - o.b).abs())
    }
}

/// Why the interpreter already knows a reader cannot see or read a glyph, whatever its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Concealed {
    #[default]
    No,
    /// In optional content (a layer) that is off when the file is opened.
    LayerOff,
    /// Outside the clipping path in force (`W n`, a form's `BBox`).
    ClippedAway,
    /// Squeezed to a sliver by horizontal scaling (`Tz`, the text or graphics matrix).
    Squeezed,
}

/// One character painted on the page. A glyph that maps to several characters (a ligature `ﬁ`,
/// a ToUnicode entry with a string) becomes several `Glyph`s that share the glyph's box in equal
/// slices, so text and boxes stay one-to-one.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The Unicode character; U+FFFD when the font gives no mapping for the code.
    pub ch: char,
    /// Page-space box: from the baseline's descent to ascent, across the advance width.
    pub bbox: Rect,
    /// Baseline origin in page space.
    pub x: f32,
    pub y: f32,
    /// Effective font size in page space (text size × text matrix × CTM scale).
    pub size: f32,
    /// Direction of the baseline in page space, in whole degrees counter-clockwise (0 = normal).
    pub angle: i16,
    /// Text render mode `Tr` (0 fill … 3 invisible … 7 clip).
    pub render_mode: u8,
    /// Fill colour at the time it was painted.
    pub fill: Rgb,
    /// Fill alpha (`/ca` of the ExtGState), 1.0 when opaque.
    pub alpha: f32,
    /// Whether the glyph's centre lies inside the visible page box (CropBox, else MediaBox).
    pub in_page_box: bool,
    pub source: GlyphSource,
    /// Index into `PageContent::fonts`.
    pub font: u16,
    /// Place in paint order among glyphs, shapes and images on this page.
    pub seq: u32,
    /// True when the content stream put an explicit space (code 32 / a wide `TJ` gap) here
    /// rather than layout inferring one.
    pub synthetic_space: bool,
    pub concealed: Concealed,
}

/// A filled path (rectangle or other shape), kept as its bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub bbox: Rect,
    pub fill: Rgb,
    pub alpha: f32,
    /// Whether the path was a single axis-aligned rectangle (`re` or four lines), so its box is exact.
    pub is_rect: bool,
    pub source: GlyphSource,
    pub seq: u32,
}

/// An image painted on the page (image XObject or inline image), kept as its page-space box.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageDraw {
    pub bbox: Rect,
    /// Pixel size, when known.
    pub width: u32,
    pub height: u32,
    pub source: GlyphSource,
    pub seq: u32,
}

/// What a font tells about the look of its glyphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FontInfo {
    /// BaseFont without a subset prefix (`ABCDEF+Arial-BoldMT` → `Arial-BoldMT`).
    pub name: String,
    pub bold: bool,
    pub italic: bool,
    /// The font has no `/ToUnicode` and its codes mean nothing by themselves (glyph indices in a
    /// Type0 font) or only through glyph names; a glyph it gives no text for cannot be read. A
    /// PDF printed through PostScript often has such fonts.
    pub no_unicode: bool,
}

/// Everything painted on one page.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    /// 1-based physical page number.
    pub number: u32,
    /// The visible page box (CropBox clipped to MediaBox) in default user space.
    pub page_box: Rect,
    /// `/Rotate`, normalised to 0, 90, 180 or 270.
    pub rotate: u16,
    pub glyphs: Vec<Glyph>,
    pub shapes: Vec<Shape>,
    pub images: Vec<ImageDraw>,
    pub fonts: Vec<FontInfo>,
    /// Why the page was not fully read (a limit hit, a broken stream); empty when it was.
    /// A page with problems is "not fully checked" in the report.
    pub problems: Vec<String>,
}
