//! Column gutters narrower than `FRAGMENT_GAP`: two justified columns set a word space apart
//! (CSS `columns` with a small `column-gap`, a Writer section with 0.2 cm spacing). Row by row
//! such a gutter looks like any word space, so it is found the way a reader sees it: a white
//! river running straight down many rows, with the text right of it starting at one x and the
//! text left of it ending at one x. Word spaces of justified text wander from row to row; in a
//! monospaced listing every space lines up, so monospaced rows are left alone.

use super::glyphs::FrameGlyph;
use super::lines::{fragment, Fragment, Scratch, SPACE};

/// Narrowest gap (share of the font size) that can be a gutter; a justified word space is wider.
const MIN_GAP: f32 = 0.25;
/// Text on each side of the gap must run at least this far (font sizes): columns, not cells.
const MIN_SIDE: f32 = 6.0;
/// Edges within this share of the font size line up.
const ALIGN: f32 = 0.15;
/// Rows whose gaps start the right column at one x before it counts as a gutter, and how many of
/// them must be narrow gaps ending the left column at one x (justified text).
const MIN_ROWS: usize = 8;
const MIN_ALIGNED_LEFT: usize = 4;
/// Rows a run of the river may skip: rows with text on one side only (columns whose paragraph
/// spacing puts their lines out of step), none crossing it.
const MAX_ROW_SKIP: usize = 12;
/// Rows before and after a gutter's run where short pieces are still cut at it.
const SHORT_REACH: usize = 2;
/// Gaps looked at per gutter for short pieces to cut: keeps hostile pages linear.
const SHORT_SCAN: usize = 4096;
/// Glyph widths within this ratio are a monospaced font.
const MONO_RATIO: f32 = 1.02;

/// A gap in a row: inside a fragment at the space item `pos`, or between fragments (`pos` None).
#[derive(Clone, Copy)]
struct Gap {
    row: usize,
    frag: usize,
    pos: Option<usize>,
    lo: f32,
    hi: f32,
    size: f32,
    /// Hash of the word after the gap: repeated lines (a repeated notice, bibliography entries
    /// that open alike) line up without being columns.
    key: u64,
    /// Hash of the word before the gap: list items that open alike (`• Set context property …`)
    /// line up on both sides of the gap after their common words.
    key_before: u64,
    /// Whether the text before the gap ends with ':'.
    after_label: bool,
}

/// Splits fragments at narrow gutters; the right piece of each split is marked `after_gutter`.
pub(super) fn split_narrow_gutters(
    glyphs: &[FrameGlyph],
    rows: Vec<Vec<Fragment>>,
    scratch: &mut Scratch,
) -> Vec<Vec<Fragment>> {
    let spans: Vec<Vec<(f32, f32)>> = rows.iter().map(|row| row.iter().map(|f| (f.x0, f.x1)).collect()).collect();
    let mut gaps = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (f, frag) in row.iter().enumerate() {
            // A row's first fragment is a left edge too: where columns' paragraph spacing puts
            // their lines out of step, the right column's lines have rows of their own.
            let lo = row.get(f.wrapping_sub(1)).map_or(frag.x0 - MIN_GAP * frag.size, |prev| prev.x1);
            gaps.push(Gap {
                row: r,
                frag: f,
                pos: None,
                lo,
                hi: frag.x0,
                size: frag.size,
                key: 0,
                key_before: 0,
                after_label: false,
            });
            word_gaps(glyphs, (r, f), frag, &mut gaps);
        }
    }
    // Every gap that lines up down the page bounds a piece of the rows: a table's columns, a
    // table of contents' numbers, dotted leaders. A gutter has a column's worth of text on each
    // side within those bounds.
    let mut aligned: Vec<(usize, f32, f32)> = Vec::new();
    aligned_runs(&mut gaps, &spans, |run| {
        if distinct_rows(run) >= MIN_ROWS {
            aligned.extend(run.iter().map(|g| (g.row, g.lo, g.hi)));
        }
    });
    aligned.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let row_of = |g: &Gap| rows.get(g.row).map_or(&[][..], |r| r);
    // Gaps with little text on one side (a paragraph's last word in the right column) cannot show
    // a gutter, but are cut where one runs through them.
    let mut short: Vec<Gap> =
        gaps.iter().filter(|g| g.pos.is_some() && !has_sides(g, &aligned, row_of(g))).copied().collect();
    short.sort_by_key(|g| g.row);
    gaps.retain(|g| g.pos.is_none() || has_sides(g, &aligned, row_of(g)));
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
    let mut found: Vec<(usize, usize, f32, f32)> = Vec::new();
    aligned_runs(&mut gaps, &spans, |run| {
        if is_gutter(run) {
            cuts.extend(run.iter().filter_map(|g| g.pos.map(|p| (g.row, g.frag, p))));
            let (first, last) = (run.first().map_or(0, |g| g.row), run.last().map_or(0, |g| g.row));
            let hi = run.iter().map(|g| g.hi).fold(f32::MAX, f32::min);
            found.push((first, last, hi, run.first().map_or(0.0, |g| ALIGN * g.size)));
        }
    });
    for (first, last, hi, tolerance) in found {
        // A column's last line may end the run: its row can hold only a short word on one side.
        let (first, last) = (first.saturating_sub(SHORT_REACH), last.saturating_add(SHORT_REACH));
        let start = short.partition_point(|g| g.row < first);
        let within = short.get(start..).unwrap_or_default().iter().take(SHORT_SCAN).take_while(|g| g.row <= last);
        for g in within.filter(|g| (g.hi - hi).abs() <= tolerance && g.lo < hi) {
            if let Some(p) = g.pos {
                cuts.push((g.row, g.frag, p));
            }
        }
    }
    if cuts.is_empty() {
        return rows;
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(rows.len());
    let mut cuts = cuts.into_iter().peekable();
    for (r, row) in rows.into_iter().enumerate() {
        let mut new_row = Vec::with_capacity(row.len() + 1);
        for (f, frag) in row.into_iter().enumerate() {
            let mut positions = Vec::new();
            while let Some(&(_, _, pos)) = cuts.peek().filter(|c| c.0 == r && c.1 == f) {
                positions.push(pos);
                cuts.next();
            }
            if positions.is_empty() {
                new_row.push(frag);
                continue;
            }
            let after_gutter = frag.after_gutter;
            let mut start = 0;
            let mut first = true;
            for pos in positions.into_iter().chain(std::iter::once(frag.items.len())) {
                let Some(items) = frag.items.get(start..pos) else { continue };
                if !items.is_empty() {
                    let mut piece = fragment(glyphs, items.to_vec(), scratch);
                    piece.after_gutter = if first { after_gutter } else { true };
                    new_row.push(piece);
                }
                first = false;
                start = pos + 1;
            }
        }
        out.push(new_row);
    }
    out
}

/// The word gaps inside `frag` with enough text either side to be a gutter between columns.
/// Whether `gap` has `MIN_SIDE` of text on each side before the row ends or another gap that
/// lines up down the page (`aligned`, sorted by row).
fn has_sides(gap: &Gap, aligned: &[(usize, f32, f32)], row: &[Fragment]) -> bool {
    let mut left = row.first().map_or(gap.lo, |f| f.x0);
    let mut right = row.iter().map(|f| f.x1).fold(gap.hi, f32::max);
    let start = aligned.partition_point(|a| a.0 < gap.row);
    for &(_, lo, hi) in aligned.get(start..).unwrap_or_default().iter().take_while(|a| a.0 == gap.row) {
        if hi <= gap.lo {
            left = left.max(hi);
        } else if lo >= gap.hi {
            right = right.min(lo);
        }
    }
    gap.lo - left >= MIN_SIDE * gap.size && right - gap.hi >= MIN_SIDE * gap.size
}

/// A word of a fragment: where its space item is, its extent, its glyph widths, and a hash of
/// its text.
struct Word {
    space: Option<usize>,
    x0: f32,
    x1: f32,
    narrowest: f32,
    widest: f32,
    glyphs: usize,
    key: u64,
    starts_alphanumeric: bool,
    last: char,
    /// Whether it holds a letter.
    letters: bool,
}

impl Word {
    /// Letters of one width: a typewriter word (code, a macro name set in the margin beside its
    /// description). Digits alone are of one width in most fonts and say nothing.
    fn monospaced(&self) -> bool {
        self.letters && self.glyphs >= 4 && self.widest <= MONO_RATIO * self.narrowest
    }
}

fn words(glyphs: &[FrameGlyph], frag: &Fragment) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut space: Option<usize> = None;
    for (k, &i) in frag.items.iter().enumerate() {
        if i == SPACE {
            space = Some(k);
            continue;
        }
        let Some(g) = glyphs.get(i as usize) else { continue };
        let width = g.x1 - g.x0;
        let new_word = space.is_some() || out.is_empty();
        if new_word {
            out.push(Word {
                space: space.take(),
                x0: g.x0,
                x1: g.x1,
                narrowest: f32::MAX,
                widest: 0.0,
                glyphs: 0,
                key: 0,
                starts_alphanumeric: g.ch.is_alphanumeric(),
                last: g.ch,
                letters: false,
            });
        }
        if let Some(w) = out.last_mut() {
            w.x1 = w.x1.max(g.x1);
            if width > 0.0 {
                w.narrowest = w.narrowest.min(width);
                w.widest = w.widest.max(width);
                w.glyphs += 1;
            }
            w.last = g.ch;
            w.letters |= g.ch.is_alphabetic();
            w.key = w.key.wrapping_mul(31).wrapping_add(u64::from(u32::from(g.ch)));
        }
    }
    out
}

/// The word gaps inside `frag` that could be a gutter: wide enough, with a letter or digit after
/// them (dotted leaders line up too), between words not set in one monospaced width (a code
/// listing lines up wherever its lines share a space).
fn word_gaps(glyphs: &[FrameGlyph], at: (usize, usize), frag: &Fragment, out: &mut Vec<Gap>) {
    let (row, f) = at;
    let size = frag.size;
    let words = words(glyphs, frag);
    for pair in words.windows(2) {
        let [before, after] = pair else { continue };
        let Some(pos) = after.space else { continue };
        let (lo, hi) = (before.x1, after.x0);
        let mono = before.monospaced() || after.monospaced();
        if hi - lo >= MIN_GAP * size && after.starts_alphanumeric && !mono {
            out.push(Gap {
                row,
                frag: f,
                pos: Some(pos),
                lo,
                hi,
                size,
                key: after.key,
                key_before: before.key,
                after_label: before.last == ':',
            });
        }
    }
}

/// Calls `found` with every run of gaps, down the page, that start the right-hand text at one x.
fn aligned_runs(gaps: &mut [Gap], spans: &[Vec<(f32, f32)>], mut found: impl FnMut(&[Gap])) {
    gaps.sort_by(|a, b| a.hi.total_cmp(&b.hi).then(a.row.cmp(&b.row)));
    let mut start = 0;
    while start < gaps.len() {
        let Some(first) = gaps.get(start) else { break };
        let reach = first.hi + ALIGN * first.size;
        let end = start + gaps.get(start..).map_or(0, |rest| rest.iter().take_while(|g| g.hi <= reach).count());
        let mut cluster = gaps.get(start..end).unwrap_or_default().to_vec();
        cluster.sort_by_key(|g| g.row);
        let mut from = 0;
        while from < cluster.len() {
            let mut to = from + 1;
            while let (Some(prev), Some(next)) = (cluster.get(to - 1), cluster.get(to)) {
                if next.row > prev.row + MAX_ROW_SKIP || crossed(spans, prev, next) {
                    break;
                }
                to += 1;
            }
            found(cluster.get(from..to).unwrap_or_default());
            from = to;
        }
        start = end.max(start + 1);
    }
}

/// Whether a row between the rows of `a` and `b` has text running through their gap.
fn crossed(spans: &[Vec<(f32, f32)>], a: &Gap, b: &Gap) -> bool {
    let x = a.hi.min(b.hi) - 0.5 * MIN_GAP * a.size;
    let between = spans.get(a.row + 1..b.row).unwrap_or_default();
    between.iter().flatten().any(|&(x0, x1)| x0 < x && x1 > x)
}

fn distinct_rows(run: &[Gap]) -> usize {
    let mut rows: Vec<usize> = run.iter().map(|g| g.row).collect();
    rows.dedup();
    rows.len()
}

/// Whether a run of gaps starting the right-hand text at one x is a gutter: many rows, a white
/// band common to all of them, and the narrow ones ending the left-hand text at one x.
fn is_gutter(run: &[Gap]) -> bool {
    if distinct_rows(run) < MIN_ROWS {
        return false;
    }
    let lo = run.iter().map(|g| g.lo).fold(f32::MIN, f32::max);
    let hi = run.iter().map(|g| g.hi).fold(f32::MAX, f32::min);
    if lo >= hi {
        return false;
    }
    let mut lefts: Vec<f32> = run.iter().filter(|g| g.pos.is_some()).map(|g| g.lo).collect();
    lefts.sort_by(f32::total_cmp);
    // The most narrow gaps whose left edges fit in one alignment window.
    let window = run.first().map_or(0.0, |g| ALIGN * g.size);
    let mut best = 0;
    let mut a = 0;
    for (b, &right) in lefts.iter().enumerate() {
        while lefts.get(a).is_some_and(|&left| right - left > window) {
            a += 1;
        }
        best = best.max(b + 1 - a.min(b));
    }
    // Justified text ends most rows of the left column at its edge; a few words that happen to
    // line up with it do not.
    let distinct = |key: fn(&Gap) -> u64| {
        let mut keys: Vec<u64> = run.iter().filter(|g| g.pos.is_some()).map(key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    let (after, before) = (distinct(|g| g.key), distinct(|g| g.key_before));
    // Labels and their values (`• 06.02.2006 (v. 0.52): Gemischte Kommandos`, `CPR-nr.: …`)
    // line up like columns but belong together; a column ends a line with ':' only now and then.
    let labels = run.iter().filter(|g| g.pos.is_some() && g.after_label).count();
    best >= MIN_ALIGNED_LEFT
        && 2 * best >= lefts.len()
        && 4 * after >= 3 * lefts.len()
        && 2 * before >= lefts.len()
        && 4 * labels <= lefts.len()
}
