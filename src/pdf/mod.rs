//! The PDF layer: bytes → pages of positioned content (glyphs, shapes, images) and their text.
//!
//! `document` opens a file with lopdf (repair, decryption with the empty password) and finds its
//! pages; `interp` runs content streams; `font` turns character codes into Unicode and widths;
//! `layout` puts glyphs in reading order; `limits` bounds the work a hostile file can cause.

pub mod content;
pub mod document;
pub mod extras;
pub mod font;
pub mod geom;
pub mod interp;
pub mod layout;
pub mod leftovers;
pub mod limits;
pub mod stream;
pub mod text;

pub use content::{Concealed, Glyph, GlyphSource, ImageDraw, PageContent, Rgb, Shape};
pub use document::{Document, OpenError};
pub use geom::{Matrix, Rect};
pub use limits::{Budget, Limits};
pub use text::{PageText, TextLine};
