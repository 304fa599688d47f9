//! Glyphs → lines. Glyphs are grouped into rows by baseline (superscripts and subscripts join the
//! row they sit on), sorted left to right, stripped of duplicates (fake bold, drop shadows), given
//! spaces where the gaps are, and cut where a column gutter runs through the row.
//! Every pass sorts or sweeps, so the work stays O(n log n) in the number of glyphs.

use super::glyphs::FrameGlyph;

/// Marks an inserted space in `Line::items`.
pub(crate) const SPACE: u32 = u32::MAX;

// Distances as fractions of the font size; the first four are poppler's (TextOutputDev.cc).
/// A gap wider than this starts a new word (minWordBreakSpace).
const WORD_GAP: f32 = 0.1;
/// Between glyphs painted apart (other runs: LilyPond's lyric hyphens, a stamp set beside a
/// word) a gap wider than this is a word break (maxCharSpacing): pdftotext keeps such glyphs
/// as words of their own and spaces them at this gap.
const STRAY_GAP: f32 = 0.03;
/// Same char drawn again within these distances is a duplicate (dupMaxPriDelta, dupMaxSecDelta).
const DUP_X: f32 = 0.1;
const DUP_Y: f32 = 0.2;
/// Baselines closer than this are one row: catches superscripts (about 0.33) but not the next
/// line (1.0 and more). Poppler's maxIntraLineDelta is 0.5; that pulls footnote marks and music
/// dynamics into the wrong lines.
const ROW_TOLERANCE: f32 = 0.4;
/// A gap wider than this may be a column gutter (poppler's minColSpacing2 is 1.0).
const FRAGMENT_GAP: f32 = 1.0;
/// A piece of a row at least this wide is running text, so a wide gap after it is a gutter.
const LONG_FRAGMENT: f32 = 15.0;
/// A value this short after a label ending in ':' stays on the label's line.
const LABEL_VALUE_MAX: f32 = 20.0;
/// How far above and below (in font sizes) another row's gutter counts as support.
const GUTTER_WINDOW: f32 = 8.0;
/// Look-back bounds that keep hostile pages (thousands of glyphs on one spot) linear.
const DUP_LOOKBACK: usize = 16;
const GUTTER_LOOKUP: usize = 64;

/// One line of text in its reading frame.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Indices into the group's glyphs, left to right, or `SPACE`.
    pub items: Vec<u32>,
    pub x0: f32,
    pub x1: f32,
    /// Median baseline and font size of its glyphs.
    pub base: f32,
    pub size: f32,
}

/// A run of a row without a gap wider than `FRAGMENT_GAP`, or without a narrow column gutter.
pub(super) struct Fragment {
    pub(super) items: Vec<u32>,
    pub(super) x0: f32,
    pub(super) x1: f32,
    base: f32,
    pub(super) size: f32,
    last: char,
    /// Whether it opens with a label of its own (`Dato:`, `Sagsnr.:`): a colon ending one of its
    /// first words.
    labelled: bool,
    /// Whether a narrow column gutter (see `narrow`) separates it from the fragment before it.
    pub(super) after_gutter: bool,
}

/// How many leading chars of a fragment may hold its label.
const LABEL_MAX_CHARS: usize = 24;

impl Fragment {
    fn width(&self) -> f32 {
        self.x1 - self.x0
    }
}

/// Builds the lines of one glyph group, top to bottom and, within a row, left to right.
pub(crate) fn build_lines(glyphs: &mut [FrameGlyph]) -> Vec<Line> {
    let mut scratch = Scratch::default();
    let ordered: Vec<Vec<u32>> = rows(glyphs)
        .into_iter()
        .map(|row| {
            let order = order_row(glyphs, row);
            combine_accents(glyphs, order)
        })
        .collect();
    let gaps = letter_gaps(glyphs, &ordered);
    let rows: Vec<Vec<Fragment>> = ordered
        .into_iter()
        .zip(gaps)
        .map(|(order, letter_gap)| fragments(glyphs, order, letter_gap, &mut scratch))
        .collect();
    let rows = super::narrow::split_narrow_gutters(glyphs, rows, &mut scratch);
    let gutters = GutterIndex::new(&rows);
    let mut lines = Vec::new();
    for row in rows {
        let mut iter = row.into_iter();
        let Some(first) = iter.next() else { continue };
        let mut parts = vec![first];
        for frag in iter {
            let Some(prev) = parts.last() else { continue };
            if frag.after_gutter || gutters.separates(prev, &frag) {
                lines.push(join(std::mem::take(&mut parts)));
            }
            parts.push(frag);
        }
        lines.push(join(parts));
    }
    lines
}

fn same_row(anchor_base: f32, anchor_size: f32, g: &FrameGlyph) -> bool {
    let (big, small) = if g.size > anchor_size { (g.size, anchor_size) } else { (anchor_size, g.size) };
    // A huge glyph (a drop cap, a decoration) must not swallow the lines beside it.
    let scale = if big <= 2.5 * small { big } else { small };
    (anchor_base - g.base).abs() <= ROW_TOLERANCE * scale
}

/// Groups glyph indices into rows, top to bottom; each row sorted left to right.
///
/// Glyphs are swept from the top; a glyph joins the current row when its baseline is within
/// `ROW_TOLERANCE` of the row's anchor. The anchor is the baseline most of the row's full-size
/// glyphs sit on: a raised accent or superscript met first must not become the reference, or a
/// lowered letter on the same line (the E of the LaTeX logo) would fall out of the row.
fn rows(glyphs: &[FrameGlyph]) -> Vec<Vec<u32>> {
    let mut order: Vec<u32> = (0..glyphs.len() as u32).collect();
    order.sort_by(|&a, &b| glyphs[b as usize].base.total_cmp(&glyphs[a as usize].base).then(a.cmp(&b)));
    // Rows as ranges of `order`, copied out once each at their final size.
    let mut bounds: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut anchor = Baseline::default();
    let mut current = Baseline::default();
    let mut levels = Levels::default();
    for (n, &i) in order.iter().enumerate() {
        let g = &glyphs[i as usize];
        if n == start || !same_row(anchor.base, anchor.size, g) || (!g.is_space && levels.line_below(g)) {
            if n > start {
                bounds.push(start..n);
                start = n;
            }
            anchor = Baseline { base: g.base, size: g.size, count: 1 };
            current = anchor;
            levels.clear();
            if !g.is_space {
                levels.push(current);
            }
        } else if !g.is_space {
            if g.base == current.base {
                current.count += 1;
                current.size = current.size.max(g.size);
            } else {
                current = Baseline { base: g.base, size: g.size, count: 1 };
            }
            levels.push(current);
            let same = current.base == anchor.base;
            let bigger = current.size > 1.1 * anchor.size;
            let more = current.size >= 0.9 * anchor.size && current.count > anchor.count;
            if same || bigger || more {
                anchor = current;
            }
        }
    }
    if start < order.len() {
        bounds.push(start..order.len());
    }
    let mut rows: Vec<Vec<u32>> = bounds.into_iter().map(|r| order[r].to_vec()).collect();
    for row in &mut rows {
        row.sort_by(|&a, &b| glyphs[a as usize].x0.total_cmp(&glyphs[b as usize].x0).then(a.cmp(&b)));
    }
    rows
}

/// Baselines closer than this (share of the larger size) can be one line's superscripts and
/// subscripts; from here on the lower one is the next line of text.
const LINE_STEP: f32 = 0.85;
/// How many distinct baselines of a row are remembered; the first ones, highest on the page,
/// are the ones a later glyph can be a whole line below. Bounds the work on hostile rows.
const LEVELS_MAX: usize = 16;

/// The distinct baselines of the row being swept, top first, with their largest glyph.
///
/// The anchor moves to a larger glyph (a superscript met before its line), and with it the row's
/// reach. A large item number beside a two-line title (`21 | Anlægsregnskab … / Sagsnr.: …`)
/// would take the anchor and pull in the title's second line, and the two lines would be read
/// as one, letter by letter interleaved. No row holds two glyphs a whole line apart.
#[derive(Default)]
struct Levels(Vec<Baseline>);

impl Levels {
    fn clear(&mut self) {
        self.0.clear();
    }

    /// Records the baseline `b` (already merged with its neighbours on the same baseline).
    fn push(&mut self, b: Baseline) {
        if let Some(last) = self.0.last_mut().filter(|l| l.base == b.base) {
            last.size = last.size.max(b.size);
        } else if self.0.len() < LEVELS_MAX {
            self.0.push(b);
        }
    }

    /// Whether `g` sits a whole line below a glyph already in the row.
    fn line_below(&self, g: &FrameGlyph) -> bool {
        self.0.iter().any(|l| l.base - g.base >= LINE_STEP * l.size.max(g.size))
    }
}

/// A baseline met while sweeping a row: its size and how many glyphs sit on it so far.
#[derive(Debug, Clone, Copy, Default)]
struct Baseline {
    base: f32,
    size: f32,
    count: u32,
}

/// The same char painted again at (nearly) the same spot: fake bold, a drop shadow, text drawn
/// once to fill and once to stroke. `kept` is sorted by `x0`.
fn is_duplicate(glyphs: &[FrameGlyph], kept: &[u32], g: &FrameGlyph) -> bool {
    let reach = DUP_X * g.size;
    for &k in kept.iter().rev().take(DUP_LOOKBACK) {
        let other = &glyphs[k as usize];
        if g.x0 - other.x0 > reach {
            break;
        }
        if other.ch == g.ch && (other.base - g.base).abs() <= DUP_Y * g.size && (g.x0 - other.x0).abs() <= reach {
            return true;
        }
    }
    false
}

/// Puts a row (sorted by `x0`) in reading order without its duplicates. Glyphs keep their
/// paint order within runs that move forward (so zero and negative advances, accents painted
/// back over their letter, stay where the producer put them); the runs are sorted by position.
fn order_row(glyphs: &mut [FrameGlyph], row: Vec<u32>) -> Vec<u32> {
    let mut kept: Vec<u32> = Vec::with_capacity(row.len());
    let mut texts: Vec<u32> = Vec::with_capacity(row.len());
    for i in row {
        let g = &glyphs[i as usize];
        if g.is_space {
            kept.push(i);
        } else if !is_duplicate(glyphs, &texts, g) {
            texts.push(i);
            kept.push(i);
        }
    }
    kept.sort_unstable();
    let mut runs: Vec<(f32, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    let (mut run_x0, mut prev_x1, mut x_max) = (f32::MAX, f32::MIN, f32::MIN);
    let mut paint_run = 0u32;
    for (n, &i) in kept.iter().enumerate() {
        let g = &mut glyphs[i as usize];
        let back = g.x0 < prev_x1 - DUP_Y * g.size;
        let jump = g.x0 > x_max + FRAGMENT_GAP * g.size;
        if n > start && (back || jump) {
            runs.push((run_x0, start..n));
            start = n;
            run_x0 = f32::MAX;
            x_max = f32::MIN;
            // An accent painted back over its letter is still part of the letter's run.
            if combining_mark(g.ch).is_none() {
                paint_run += 1;
            }
        }
        g.run = paint_run;
        run_x0 = run_x0.min(g.x0);
        prev_x1 = g.x1;
        x_max = x_max.max(g.x1);
    }
    if start < kept.len() {
        runs.push((run_x0, start..kept.len()));
    }
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs.into_iter().flat_map(|(_, r)| kept[r].iter().copied()).collect()
}

/// The combining mark of an accent painted as a glyph of its own (TeX builds `ü` from `u` and
/// a `¨` placed over it).
fn combining_mark(ch: char) -> Option<char> {
    Some(match ch {
        '\u{300}'..='\u{36F}' => ch,
        '\u{A8}' => '\u{308}',
        '\u{B4}' | '\u{2CA}' => '\u{301}',
        '`' | '\u{2CB}' => '\u{300}',
        '^' | '\u{2C6}' => '\u{302}',
        '~' | '\u{2DC}' => '\u{303}',
        '\u{AF}' | '\u{2C9}' => '\u{304}',
        '\u{2D8}' => '\u{306}',
        '\u{2D9}' => '\u{307}',
        '\u{2DA}' => '\u{30A}',
        '\u{2DD}' => '\u{30B}',
        '\u{2C7}' => '\u{30C}',
        '\u{B8}' => '\u{327}',
        '\u{2DB}' => '\u{328}',
        _ => return None,
    })
}

/// Whether accent `a` sits on base `b`: its middle is over the base and they overlap by at
/// least half the accent's width (neighbours in running text never do).
fn sits_on(a: &FrameGlyph, b: &FrameGlyph) -> bool {
    let mid = (a.x0 + a.x1) / 2.0;
    let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
    b.ch.is_alphabetic() && mid >= b.x0 && mid <= b.x1 && overlap >= 0.5 * (a.x1 - a.x0)
}

/// Merges accents painted as separate glyphs into the letter below them (`u` + `¨` → `ü`), as
/// pdftotext does. An accent that does not compose with its letter is left as it is.
fn combine_accents(glyphs: &mut [FrameGlyph], order: Vec<u32>) -> Vec<u32> {
    if !order.iter().any(|&i| combining_mark(glyphs[i as usize].ch).is_some()) {
        return order;
    }
    let mut out: Vec<u32> = Vec::with_capacity(order.len());
    let mut n = 0;
    while n < order.len() {
        let i = order[n];
        let accent = glyphs[i as usize];
        if let Some(mark) = combining_mark(accent.ch) {
            let prev = out.last().copied().filter(|&p| sits_on(&accent, &glyphs[p as usize]));
            let next = order.get(n + 1).copied().filter(|&q| sits_on(&accent, &glyphs[q as usize]));
            if let Some(base) = prev.or(next) {
                let letter = match glyphs[base as usize].ch {
                    'ı' => 'i',
                    'ȷ' => 'j',
                    c => c,
                };
                if let Some(composed) = unicode_normalization::char::compose(letter, mark) {
                    glyphs[base as usize].ch = composed;
                    n += 1;
                    continue;
                }
            }
        }
        out.push(i);
        n += 1;
    }
    out
}

/// A footnote mark before a word (`¹Se bilag`): a small raised glyph followed by full-size
/// text. Marks after a word (`m²`, `note¹`) stay attached, as in pdftotext.
fn ends_superscript(prev: &FrameGlyph, g: &FrameGlyph) -> bool {
    prev.size < 0.8 * g.size && prev.base - g.base > 0.28 * g.size
}

/// Letter-spaced rows need at least this many gaps inside words before their spacing is trusted.
const LETTER_GAP_SAMPLES: usize = 8;
/// A row of one word needs this many gaps to borrow its neighbour's letter-spacing.
const LETTER_GAP_SAMPLES_ALONE: usize = 3;
/// Letter gaps from this share of the font size on are as wide as a word space (TeX sets a
/// chart of characters with such gaps and no space glyphs).
const WORD_SPACE_LIKE: f32 = 0.25;
/// Running text has a space glyph at least every this many letters (long Danish compounds
/// included); a row with fewer spaces is a chart of characters, not words.
const LETTERS_PER_SPACE: usize = 12;
/// The same for narrow gaps, lenient enough for a label and a long number (`CPR-nr.: 120387-1232`).
const LETTERS_PER_SPACE_NARROW: usize = 24;
/// Most spread (interquartile range, share of the font size) of the gaps of a letter-spaced run.
const LETTER_GAP_SPREAD: f32 = 0.08;
/// Spacing between letters below this share of the font size is kerning, not letter-spacing.
const LETTER_GAP_MIN: f32 = 0.05;
/// Above this it is no longer text set with letter-spacing but a table of single characters.
const LETTER_GAP_MAX: f32 = 0.5;

/// Poppler's limits for a line of letter-spaced words without spaces (maxWideCharSpacing and
/// uniformSpacing, TextOutputDev.cc): the widest gap still inside a word, and how much the gaps
/// may differ from each other.
const WIDE_CHAR_SPACING_MAX: f32 = 0.4;
const UNIFORM_SPACING: f32 = 0.07;

/// The gaps inside a row's words, as a share of the font size.
struct RowSpacing {
    /// Median gap between neighbouring glyphs with no space glyph between them.
    gap: f32,
    /// Interquartile range of those gaps.
    spread: f32,
    samples: usize,
    /// Space glyphs in the row.
    spaces: usize,
    size: f32,
    /// Narrowest and widest of the gaps measured.
    gap_min: f32,
    gap_max: f32,
    /// Gaps too wide to measure (from `FRAGMENT_GAP` on).
    wide: usize,
    /// Whether every glyph is a letter.
    letters: bool,
    /// Smallest and largest font size.
    size_min: f32,
    size_max: f32,
}

impl RowSpacing {
    fn of(glyphs: &[FrameGlyph], row: &[u32]) -> RowSpacing {
        let mut gaps: Vec<f32> = Vec::new();
        let mut sizes: Vec<f32> = Vec::new();
        let mut spaces = 0usize;
        let mut wide = 0usize;
        let mut letters = true;
        let mut prev: Option<&FrameGlyph> = None;
        let mut x_max = f32::MIN;
        for &i in row {
            let Some(g) = glyphs.get(i as usize) else { continue };
            if g.is_space {
                spaces += 1;
                prev = None;
                continue;
            }
            sizes.push(g.size);
            letters &= g.ch.is_alphabetic();
            if let Some(p) = prev {
                let gap = (g.x0 - x_max) / g.size.max(p.size);
                if gap < FRAGMENT_GAP {
                    gaps.push(gap);
                } else {
                    wide += 1;
                }
            }
            x_max = if prev.is_some() { x_max.max(g.x1) } else { g.x1 };
            prev = Some(g);
        }
        let spread = quantile(&mut gaps, 3, 4) - quantile(&mut gaps, 1, 4);
        let (gap_min, gap_max) = (quantile(&mut gaps, 0, 1), quantile(&mut gaps, 1, 1));
        let (size_min, size_max) = (quantile(&mut sizes, 0, 1), quantile(&mut sizes, 1, 1));
        RowSpacing {
            gap: median(&mut gaps),
            spread,
            samples: gaps.len(),
            spaces,
            size: median(&mut sizes),
            gap_min,
            gap_max,
            wide,
            letters,
            size_min,
            size_max,
        }
    }

    /// Whether the row is one word set with letter-spacing and nothing beside it, a heading like
    /// `D A G S O R D E N`: no space glyph shows the spacing and no neighbour has it to lend.
    /// Letter-spacing makes every gap the same, where glyphs in table cells leave gaps as varied
    /// as their widths; up to pdftotext's limit for wide character spacing it is read as one
    /// word, as pdftotext reads it. Only letters of one size: a row of digits in cells (a table,
    /// a time table) stays split, so no number is made up of separate cells.
    fn spaced_word(&self) -> bool {
        self.spaces == 0
            && self.wide == 0
            && self.letters
            && self.samples >= LETTER_GAP_SAMPLES_ALONE
            && self.gap_min >= LETTER_GAP_MIN
            && self.gap_max < WIDE_CHAR_SPACING_MAX
            && self.gap_max - self.gap_min <= UNIFORM_SPACING
            && self.size_max <= 1.05 * self.size_min
    }

    /// Letter-spacing is one value for the whole run: the gaps vary only by kerning. A table of
    /// characters in fixed cells has gaps as varied as the glyphs' widths.
    fn letter_spaced(&self) -> bool {
        (LETTER_GAP_MIN..=LETTER_GAP_MAX).contains(&self.gap) && self.spread <= LETTER_GAP_SPREAD
    }

    /// Whether this row's own spacing shows it is letter-spaced: its word spaces are glyphs, as
    /// many as words need (so the gaps without one are inside words), or it is a chart of
    /// characters with a stray space. Gaps as wide as a word space need as many spaces as
    /// running text has.
    fn trusted(&self) -> bool {
        let per_space = if self.gap >= WORD_SPACE_LIKE { LETTERS_PER_SPACE } else { LETTERS_PER_SPACE_NARROW };
        self.spaces > 0
            && self.samples <= per_space * self.spaces
            && self.samples >= LETTER_GAP_SAMPLES
            && self.letter_spaced()
    }

    /// Whether a row without spaces (one word: a heading, a paragraph's last word) is set like
    /// `other`, a trusted neighbour: same size, same gaps.
    fn matches(&self, other: &RowSpacing) -> bool {
        self.spaces == 0
            && self.samples >= LETTER_GAP_SAMPLES_ALONE
            && self.letter_spaced()
            && (self.size - other.size).abs() <= 0.05 * other.size
            && (self.gap - other.gap).abs() <= 0.25 * other.gap + 0.02
    }
}

/// The spacing each row puts between the letters of its words, as a share of the font size: 0
/// for ordinary text, more for letter-spaced text (CSS `letter-spacing`, Writer's character
/// spacing, `Tc`), where every letter is further from the next than poppler's word gap. A row
/// shows it by itself when it draws its word spaces as glyphs (the gaps without one are inside
/// words; their median is the letter spacing); a row of one word borrows it from the row above
/// or below when its gaps match, and a row of one such word alone keeps it when its gaps are all
/// the same. Other rows keep the fixed threshold, so a sparse row of digits or check boxes is
/// never glued into one word.
fn letter_gaps(glyphs: &[FrameGlyph], rows: &[Vec<u32>]) -> Vec<f32> {
    let spacing: Vec<RowSpacing> = rows.iter().map(|r| RowSpacing::of(glyphs, r)).collect();
    (0..spacing.len())
        .map(|i| {
            let own = &spacing[i];
            if own.trusted() {
                return own.gap;
            }
            let neighbours = [i.checked_sub(1), i.checked_add(1)];
            neighbours
                .into_iter()
                .flatten()
                .filter_map(|j| spacing.get(j))
                .find(|n| n.trusted() && own.matches(n))
                .map_or(if own.spaced_word() { own.gap } else { 0.0 }, |n| n.gap)
        })
        .collect()
}

/// A footnote number raised right after a number (`120387-1232¹`, `43 21 12 34.²`): glued on,
/// it would read as more digits of the number and hide a CPR or phone number from the rules.
/// After a word it stays attached (`m²`, `note¹`, `Diakritika.³`), as in pdftotext.
/// `before` is the char ahead of `prev`, for punctuation between the number and the mark.
fn starts_superscript_number(before: Option<char>, prev: &FrameGlyph, g: &FrameGlyph) -> bool {
    let after_number =
        prev.ch.is_ascii_digit() || (prev.ch.is_ascii_punctuation() && before.is_some_and(|c| c.is_ascii_digit()));
    after_number && g.ch.is_ascii_digit() && g.size < 0.8 * prev.size && g.base - prev.base > 0.28 * prev.size
}

/// Splits a row in reading order into fragments at wide gaps, marking word breaks.
fn fragments(glyphs: &[FrameGlyph], row: Vec<u32>, letter_gap: f32, scratch: &mut Scratch) -> Vec<Fragment> {
    let word_gap = WORD_GAP + letter_gap;
    let mut out = Vec::new();
    let mut items: Vec<u32> = Vec::with_capacity(row.len() * 2);
    let mut x_max = f32::MIN;
    let mut prev: Option<&FrameGlyph> = None;
    let mut before: Option<char> = None;
    let mut pending_space = false;
    let mut marks = SpacedMarks::default();
    for i in row {
        let g = &glyphs[i as usize];
        if g.is_space {
            pending_space = true;
            continue;
        }
        if let Some(p) = prev.filter(|_| !items.is_empty()) {
            let size = g.size.max(p.size);
            let gap = g.x0 - x_max;
            if gap > FRAGMENT_GAP * size {
                // One buffer for the row; each fragment gets an exact-size copy.
                marks.finish(&mut items);
                out.push(fragment(glyphs, items.clone(), scratch));
                items.clear();
                marks = SpacedMarks::default();
            } else if pending_space || ends_superscript(p, g) || starts_superscript_number(before, p, g) {
                items.push(SPACE);
                marks.spoil();
            } else if gap > word_gap * size || (gap > STRAY_GAP * size && g.run != p.run) {
                items.push(SPACE);
                marks.gap(gap / size);
            } else {
                marks.spoil();
            }
        }
        marks.glyph(g.ch);
        items.push(i);
        x_max = x_max.max(g.x1);
        before = prev.map(|p| p.ch);
        prev = Some(g);
        pending_space = false;
    }
    if !items.is_empty() {
        marks.finish(&mut items);
        out.push(fragment(glyphs, items.clone(), scratch));
    }
    out
}

/// How much wider than the narrowest gap the others may be in a run of spaced marks
/// (poppler's maxWideCharSpacingMul).
const WIDE_CHAR_SPACING_MUL: f32 = 1.3;

/// Watches a fragment for a run of lone punctuation marks a little apart, like TeX's `\ldots`
/// (`. . .`), which pdftotext reads as one word: when every word of a line is a single char,
/// poppler takes the narrowest gap as the spacing inside words (TextLine::coalesce). Only marks:
/// letters have their own, stricter rule (`RowSpacing::spaced_word`) and digits in separate
/// cells must never become one number.
#[derive(Default)]
struct SpacedMarks {
    spoiled: bool,
    gaps: usize,
    min: f32,
    max: f32,
}

impl SpacedMarks {
    fn glyph(&mut self, ch: char) {
        self.spoiled |= !ch.is_ascii_punctuation();
    }

    /// A break that is not just a gap (a space glyph, a superscript), or two chars in one word.
    fn spoil(&mut self) {
        self.spoiled = true;
    }

    fn gap(&mut self, gap: f32) {
        self.min = if self.gaps == 0 { gap } else { self.min.min(gap) };
        self.max = self.max.max(gap);
        self.gaps += 1;
    }

    /// Joins the fragment's marks into one word when they are such a run.
    fn finish(&self, items: &mut Vec<u32>) {
        let run = !self.spoiled
            && self.gaps >= 2
            && self.max < WIDE_CHAR_SPACING_MAX
            && self.max < WIDE_CHAR_SPACING_MUL * self.min;
        if run {
            items.retain(|&i| i != SPACE);
        }
    }
}

fn median(values: &mut [f32]) -> f32 {
    quantile(values, 1, 2)
}

/// The value at `num/den` of `values` (nearest rank below), 0 when empty.
fn quantile(values: &mut [f32], num: usize, den: usize) -> f32 {
    if values.is_empty() || den == 0 {
        return 0.0;
    }
    let k = (values.len() * num / den).min(values.len() - 1);
    *values.select_nth_unstable_by(k, |a, b| a.total_cmp(b)).1
}

fn opens_with_label(glyphs: &[FrameGlyph], items: &[u32]) -> bool {
    let chars = items.iter().take(LABEL_MAX_CHARS).map(|&i| glyphs.get(i as usize).map(|g| g.ch));
    let mut prev: Option<char> = None;
    for ch in chars {
        if prev == Some(':') {
            // `Dato: 6. marts`, not `kl. 16:00`.
            return ch.is_none();
        }
        prev = ch;
    }
    prev == Some(':')
}

/// Scratch space for medians, reused across fragments.
#[derive(Default)]
pub(super) struct Scratch {
    sizes: Vec<f32>,
    bases: Vec<f32>,
}

pub(super) fn fragment(glyphs: &[FrameGlyph], items: Vec<u32>, scratch: &mut Scratch) -> Fragment {
    let mut x0 = f32::MAX;
    let mut x1 = f32::MIN;
    let Scratch { sizes, bases } = scratch;
    sizes.clear();
    bases.clear();
    sizes.reserve(items.len());
    bases.reserve(items.len());
    let mut last = ' ';
    for &i in &items {
        if let Some(g) = glyphs.get(i as usize) {
            x0 = x0.min(g.x0);
            x1 = x1.max(g.x1);
            sizes.push(g.size);
            bases.push(g.base);
            if super::printable(g.ch) {
                last = g.ch;
            }
        }
    }
    let labelled = opens_with_label(glyphs, &items);
    Fragment { x0, x1, base: median(bases), size: median(sizes).max(0.01), last, labelled, after_gutter: false, items }
}

fn join(parts: Vec<Fragment>) -> Line {
    // Baseline and size of the line: those of its longest fragment (most lines have just one).
    let main = parts.iter().max_by_key(|p| p.items.len()).map_or((0.0, 0.01), |p| (p.base, p.size));
    let (mut x0, mut x1) = (f32::MAX, f32::MIN);
    let mut items = Vec::with_capacity(parts.iter().map(|p| p.items.len() + 1).sum());
    for part in parts {
        if !items.is_empty() {
            items.push(SPACE);
        }
        x0 = x0.min(part.x0);
        x1 = x1.max(part.x1);
        items.extend(part.items);
    }
    Line { items, x0, x1, base: main.0, size: main.1 }
}

/// Wide gaps right of running text, by baseline: the evidence that a page has columns.
struct GutterIndex {
    /// `(baseline, gap start, gap end)`, sorted by baseline.
    gaps: Vec<(f32, f32, f32)>,
}

impl GutterIndex {
    fn new(rows: &[Vec<Fragment>]) -> GutterIndex {
        let mut gaps = Vec::new();
        for row in rows {
            for pair in row.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                // Running text on the left reaching the gap: a column. Short pieces on the left
                // are labels (a form, a CV, an agenda's side column), kept with their values.
                // A narrow gutter already showed itself to be one over many rows.
                if a.width() >= LONG_FRAGMENT * a.size || b.after_gutter {
                    gaps.push((a.base.max(b.base), a.x1, b.x0));
                }
            }
        }
        gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
        GutterIndex { gaps }
    }

    /// Whether the gap between `a` and `b` (neighbours on one row) is a column gutter, so they
    /// belong to different lines: other rows nearby have a wide gap at the same place beside
    /// running text. A label ending in ':' with a short value after it stays one line; a piece
    /// that opens with a label of its own starts a new line.
    fn separates(&self, a: &Fragment, b: &Fragment) -> bool {
        if a.last == ':' && b.width() < LABEL_VALUE_MAX * b.size {
            return false;
        }
        // `Signe Hansen        Dato: 6. marts 2024`: the right side is a label and value of its
        // own, beside (not belonging to) the left side; a letter's address and its date block.
        // After a label, it is the label's value: a mail's `Emne:   VS: Bekymring for …`.
        if b.labelled && a.last != ':' {
            return true;
        }
        let size = a.size.max(b.size);
        let base = a.base.max(b.base);
        let (lo, hi) = (a.x1, b.x0);
        let start = self.gaps.partition_point(|g| g.0 < base - GUTTER_WINDOW * size);
        let support = self.gaps[start..]
            .iter()
            .take(GUTTER_LOOKUP)
            .take_while(|g| g.0 <= base + GUTTER_WINDOW * size)
            .filter(|g| g.1.max(lo) < g.2.min(hi))
            .count();
        support >= 3
    }
}
