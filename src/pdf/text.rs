//! A page's text in reading order, with a way back from any byte of it to where it sits on the page.
//! This is what every rule reads. Layout (`layout.rs`) builds it from glyphs; tests and
//! non-page sources (metadata, annotations) build it from plain strings.

use super::geom::Rect;
use std::ops::Range;

/// One line of text: words on one baseline within one block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextLine {
    /// Byte range of the line in `PageText::text` (without its trailing `\n`).
    pub range: Range<usize>,
    pub bbox: Rect,
    /// Typical (median) font size of the line's glyphs.
    pub font_size: f32,
    /// Whether most of its glyphs are in a bold font.
    pub bold: bool,
    /// Index of the block (paragraph / column cell) the line belongs to.
    pub block: u32,
}

/// Text of one page (or of one metadata field, annotation…), lines joined by `\n`,
/// blocks separated by an empty line.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    pub text: String,
    pub lines: Vec<TextLine>,
    /// `(byte offset of a char in text, its box)`, sorted by offset. Spaces that layout inserted
    /// and line breaks have no entry.
    pub char_boxes: Vec<(u32, Rect)>,
}

impl PageText {
    /// Text without positions: one `TextLine` per input line, every line its own block when
    /// separated by an empty line. For metadata, annotations, embedded text files and tests.
    pub fn from_plain(text: &str) -> PageText {
        let mut out = PageText::default();
        let mut block = 0u32;
        let mut prev_empty = false;
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if i > 0 {
                out.text.push('\n');
            }
            let start = out.text.len();
            out.text.push_str(line);
            if line.trim().is_empty() {
                if !prev_empty && !out.lines.is_empty() {
                    block += 1;
                }
                prev_empty = true;
                continue;
            }
            prev_empty = false;
            out.lines.push(TextLine { range: start..out.text.len(), block, font_size: 10.0, ..Default::default() });
        }
        out
    }

    /// The text of line `i`.
    pub fn line_text(&self, i: usize) -> &str {
        self.lines.get(i).and_then(|l| self.text.get(l.range.clone())).unwrap_or("")
    }

    /// Index of the line holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.range.end < offset);
        (i < self.lines.len() && self.lines[i].range.start <= offset).then_some(i)
    }

    /// Union of the boxes of the chars in `range`; `None` when none of them has a box.
    pub fn bbox_of(&self, range: Range<usize>) -> Option<Rect> {
        let first = self.char_boxes.partition_point(|(o, _)| (*o as usize) < range.start);
        self.char_boxes[first..]
            .iter()
            .take_while(|(o, _)| (*o as usize) < range.end)
            .map(|(_, r)| *r)
            .reduce(|a, b| a.union(&b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_lines_and_blocks() {
        let t = PageText::from_plain("Fra: Hanne\nTil: Ole\n\nMed venlig hilsen");
        assert_eq!(t.text, "Fra: Hanne\nTil: Ole\n\nMed venlig hilsen");
        assert_eq!(t.lines.len(), 3);
        assert_eq!(t.line_text(1), "Til: Ole");
        assert_eq!(t.lines[2].block, 1);
        assert_eq!(t.line_text(2), "Med venlig hilsen");
        assert_eq!(t.line_at(t.text.find("Ole").unwrap()), Some(1));
    }
}
