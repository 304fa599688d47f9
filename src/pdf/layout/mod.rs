//! Glyphs → words → lines → blocks in reading order, the way poppler's pdftotext does it:
//! a gap above a tenth of the font size starts a word, baselines make rows (with their
//! superscripts), wide gaps backed by a gutter on nearby rows split columns, blocks are read
//! column by column. Differences from pdftotext, on purpose: a label and its short value on one
//! baseline (`CPR-nr.:   120387-1234`) stay one line however wide the gap; a hyphen at the end of
//! a line is kept (pdftotext joins the word halves); text outside the page box is kept, after
//! the visible text, because a downloader can still read it; letter-spaced text (every letter
//! further from the next than the word gap) keeps its words, where pdftotext spells it letter by
//! letter; a footnote number raised right after a number is a word of its own, where pdftotext
//! makes it one more digit.

mod blocks;
mod glyphs;
mod lines;
mod narrow;
#[cfg(test)]
mod tests;

use super::content::PageContent;
use super::geom::Rect;
use super::text::{PageText, TextLine};
use glyphs::FrameGlyph;
use lines::{Line, SPACE};

/// Builds the page's text in reading order from its glyphs.
pub fn page_text(content: &PageContent) -> PageText {
    let mut text = PageText::default();
    text.text.reserve(content.glyphs.len() * 2);
    text.char_boxes.reserve(content.glyphs.len());
    let mut out = Writer { content, text, block: 0, block_open: false };
    for mut group in glyphs::group_glyphs(content) {
        let lines = lines::build_lines(&mut group.glyphs);
        let blocks = blocks::build_blocks(&lines);
        for b in blocks::reading_order(&blocks) {
            let Some(block) = blocks.get(b) else { continue };
            for &li in &block.lines {
                if let Some(line) = lines.get(li) {
                    out.line(&group.glyphs, line);
                }
            }
            out.end_block();
        }
    }
    out.text
}

/// Chars that never go into the text: no Unicode mapping, control codes.
pub(crate) fn printable(ch: char) -> bool {
    ch != '\u{FFFD}' && !ch.is_control()
}

struct Writer<'a> {
    content: &'a PageContent,
    text: PageText,
    block: u32,
    /// Whether the current block has a line yet.
    block_open: bool,
}

impl Writer<'_> {
    fn line(&mut self, glyphs: &[FrameGlyph], line: &Line) {
        let page_glyphs = &self.content.glyphs;
        let has_text =
            line.items.iter().any(|&i| i != SPACE && glyphs.get(i as usize).is_some_and(|g| printable(g.ch)));
        if !has_text {
            return;
        }
        let text = &mut self.text;
        if !text.text.is_empty() {
            text.text.push_str(if self.block_open { "\n" } else { "\n\n" });
        }
        self.block_open = true;
        let start = text.text.len();
        let mut bbox: Option<Rect> = None;
        let (mut bold, mut counted) = (0usize, 0usize);
        let mut space_due = false;
        for &item in &line.items {
            if item == SPACE {
                space_due = true;
                continue;
            }
            let Some(fg) = glyphs.get(item as usize) else { continue };
            let Some(g) = page_glyphs.get(fg.src as usize) else { continue };
            // An unmapped glyph still fills its place in the word; it just has no text.
            if !printable(fg.ch) {
                continue;
            }
            if space_due && text.text.len() > start {
                text.text.push(' ');
            }
            space_due = false;
            text.char_boxes.push((text.text.len() as u32, g.bbox));
            text.text.push(fg.ch);
            bbox = Some(bbox.map_or(g.bbox, |b| b.union(&g.bbox)));
            counted += 1;
            if self.content.fonts.get(usize::from(g.font)).is_some_and(|f| f.bold) {
                bold += 1;
            }
        }
        text.lines.push(TextLine {
            range: start..text.text.len(),
            bbox: bbox.unwrap_or_default(),
            font_size: line.size,
            bold: bold * 2 > counted,
            block: self.block,
        });
    }

    fn end_block(&mut self) {
        if self.block_open {
            self.block += 1;
            self.block_open = false;
        }
    }
}
